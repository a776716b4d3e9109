//! `hlmsg diff LEFT RIGHT`: compare two payloads, or two captures. With `--schema`, the payloads
//! are compared with the schemas' shape instead ([`super::drift`]).
//!
//! Each side is read exactly once, so standard input and pipes work as well as files. The side
//! that takes less memory to keep (the smaller in bytes; a side whose size cannot be known in
//! advance, standard input or a pipe, is always kept) is read first into a
//! [`pair::Index`] of raw payload bytes. The other side is then streamed: each of its payloads
//! is paired, compared and reported at once, and dropped.
//!
//! Whether two single payloads or two captures are compared is known only while reading: when
//! the kept side holds exactly one entry, the first entry of the streamed side waits until the
//! next one shows whether there is a second.

use std::io;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::cli::DiffArgs;
use crate::diff::pair::{self, Index};
use crate::diff::{Ignore, diff};
use crate::exit::Outcome;
use crate::input::{EntrySink, InputError, InputOptions, Source, expand, read_sources};
use crate::origin::Origin;
use crate::payload::{Fault, Payload};
use crate::render::DiffFormat;
use crate::render::diff::{DiffReport, DiffSummary, HumanDiff, JsonDiff, Pair, PatchDiff, Side};
use crate::render::human::finding_line;
use crate::term::{Painter, styles};

use super::{ErrStream, Io};

/// A payload of the kept side: where it comes from and its bytes (parsed again when paired,
/// which takes far less memory than keeping the parsed value).
struct Kept {
    origin: Origin,
    raw: Box<[u8]>,
}

/// Shared by both passes: where results and problems go.
struct Out<'r, 'io> {
    report: &'r mut dyn DiffReport,
    err: &'r mut ErrStream<'io>,
    trouble: bool,
}

impl Out<'_, '_> {
    fn fault(&mut self, f: &Fault) -> io::Result<()> {
        self.trouble = true;
        let line = finding_line(Painter::new(self.err.color), &f.origin, &f.diagnostic);
        writeln!(self.err.w, "hlmsg: {line}")?;
        self.report.trouble(
            &f.origin.source,
            Some(f.diagnostic.position),
            &f.diagnostic.message,
        )
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.trouble = true;
        self.err.error(&e.to_string())?;
        self.report.trouble(&e.path, None, &e.message)
    }
}

/// Reads the kept side.
struct KeepSink<'o, 'r, 'io> {
    out: &'o mut Out<'r, 'io>,
    index: Index<Kept>,
    entries: u64,
}

impl EntrySink for KeepSink<'_, '_, '_> {
    fn entry(&mut self, entry: Result<Payload<'_>, Fault>) -> io::Result<()> {
        self.entries += 1;
        match entry {
            Ok(p) => {
                let id = pair::message_id(&p.value);
                self.index.insert(
                    id,
                    Kept {
                        origin: p.origin,
                        raw: p.raw.into(),
                    },
                );
                Ok(())
            }
            Err(f) => self.out.fault(&f),
        }
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.out.input_error(e)
    }
}

/// The first entry of the streamed side, while it is not known whether a second follows.
enum First {
    Payload(Origin, Value),
    Fault,
}

enum Mode {
    /// The kept side holds one entry; so far the streamed side holds `first`.
    Undecided { first: Option<First> },
    /// Captures: pair and report as payloads come.
    Capture,
    /// Captures with `--format json-patch`: the run stops.
    Refused,
}

/// Streams the other side.
struct StreamSink<'o, 'r, 'io> {
    out: &'o mut Out<'r, 'io>,
    index: Index<Kept>,
    kept: Side,
    ignore: &'o Ignore,
    format: DiffFormat,
    mode: Mode,
    summary: DiffSummary,
    /// `--redact`: mask personal data on both sides before comparing.
    redact: bool,
}

/// Parses a kept payload's bytes again, redacted when asked.
fn parse_kept(raw: &[u8], redact: bool) -> Result<Value, serde_json::Error> {
    let mut value = crate::payload::parse_json(raw)?;
    if redact {
        crate::redact::redact(&mut value);
    }
    Ok(value)
}

/// The error that stops reading when the run is refused (never shown).
#[derive(Debug, thiserror::Error)]
#[error("refused")]
struct Refused;

impl StreamSink<'_, '_, '_> {
    fn start_capture(&mut self, streamed_entries: &str) -> io::Result<bool> {
        if self.format == DiffFormat::JsonPatch {
            self.mode = Mode::Refused;
            self.out.err.error(&format!(
                "--format json-patch compares two single payloads, but {streamed_entries}; \
                 use --format json to compare captures"
            ))?;
            return Ok(false);
        }
        self.mode = Mode::Capture;
        self.summary.capture = true;
        Ok(true)
    }

    /// Pairs, compares and reports one payload of the streamed side.
    fn compare(&mut self, origin: &Origin, value: &Value) -> io::Result<()> {
        let (key, partner) = self.index.take(pair::message_id(value));
        let Some(kept) = partner else {
            self.summary.add_only(self.kept.other());
            return self.out.report.only_in(self.kept.other(), &key, origin);
        };
        let kept_value: Value = match parse_kept(&kept.raw, self.redact) {
            Ok(v) => v,
            Err(e) => {
                // The bytes were parsed once already; this cannot happen, but never panic.
                self.out.trouble = true;
                return self.out.err.error(&format!("{}: {e}", kept.origin));
            }
        };
        let (left, right, left_origin, right_origin) = match self.kept {
            Side::Left => (&kept_value, value, &kept.origin, origin),
            Side::Right => (value, &kept_value, origin, &kept.origin),
        };
        let diffs = diff(left, right, self.ignore);
        if diffs.is_empty() {
            self.summary.same += 1;
            return Ok(());
        }
        self.summary.changed += 1;
        self.summary.differences += diffs.len() as u64;
        let pair = Pair {
            key: &key,
            left: left_origin,
            right: right_origin,
        };
        self.out.report.differences(Some(&pair), &diffs)
    }

    /// The end of the streamed side.
    fn finish(mut self) -> io::Result<(DiffSummary, bool)> {
        match std::mem::replace(&mut self.mode, Mode::Capture) {
            Mode::Refused => return Ok((self.summary, false)),
            Mode::Undecided {
                first: Some(first), ..
            } => {
                // One payload on each side.
                let kept = self.index.unmatched().next().map(|(_, k)| k);
                let (First::Payload(_, value), Some(kept)) = (first, kept) else {
                    // A side is not a payload: nothing to compare.
                    return Ok((self.summary, false));
                };
                let kept_value: Value = match parse_kept(&kept.raw, self.redact) {
                    Ok(v) => v,
                    Err(e) => {
                        self.out.trouble = true;
                        self.out.err.error(&format!("{}: {e}", kept.origin))?;
                        return Ok((self.summary, false));
                    }
                };
                let (left, right) = match self.kept {
                    Side::Left => (&kept_value, &value),
                    Side::Right => (&value, &kept_value),
                };
                let diffs = diff(left, right, self.ignore);
                self.summary.differences = diffs.len() as u64;
                self.out.report.differences(None, &diffs)?;
            }
            Mode::Undecided { first: None } => {
                // The streamed side holds nothing: a capture with one side empty.
                let side = self.kept.other().name();
                if !self.start_capture(&format!("{side} holds no payload"))? {
                    return Ok((self.summary, false));
                }
                self.report_unmatched()?;
            }
            Mode::Capture => self.report_unmatched()?,
        }
        Ok((self.summary, true))
    }

    fn report_unmatched(&mut self) -> io::Result<()> {
        let side = self.kept;
        for (key, kept) in self.index.unmatched() {
            self.summary.add_only(side);
            self.out.report.only_in(side, key, &kept.origin)?;
        }
        Ok(())
    }
}

impl DiffSummary {
    fn add_only(&mut self, side: Side) {
        match side {
            Side::Left => self.only_in_left += 1,
            Side::Right => self.only_in_right += 1,
        }
    }
}

impl EntrySink for StreamSink<'_, '_, '_> {
    fn entry(&mut self, entry: Result<Payload<'_>, Fault>) -> io::Result<()> {
        if let Err(f) = &entry {
            self.out.fault(f)?;
        }
        let entry = entry.map(|mut p| {
            if self.redact {
                crate::redact::redact(&mut p.value);
            }
            p
        });
        match &mut self.mode {
            Mode::Refused => return Err(io::Error::other(Refused)),
            Mode::Undecided { first } if first.is_none() => {
                *first = Some(match entry {
                    Ok(p) => First::Payload(p.origin, p.value),
                    Err(_) => First::Fault,
                });
                return Ok(());
            }
            Mode::Undecided { first } => {
                let first = first.take();
                let side = self.kept.other().name();
                if !self.start_capture(&format!("{side} holds more than one payload"))? {
                    return Err(io::Error::other(Refused));
                }
                if let Some(First::Payload(origin, value)) = first {
                    self.compare(&origin, &value)?;
                }
            }
            Mode::Capture => {}
        }
        match entry {
            Ok(p) => self.compare(&p.origin, &p.value),
            Err(_) => Ok(()),
        }
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.out.input_error(e)
    }
}

/// Bytes a side takes, when all of its sources are regular files.
fn size(sources: &[Source]) -> Option<u64> {
    sources.iter().try_fold(0u64, |total, s| match s {
        Source::Stdin => None,
        Source::File(p) => std::fs::metadata(p)
            .ok()
            .filter(std::fs::Metadata::is_file)
            .map(|m| total.saturating_add(m.len())),
    })
}

/// The sources of one side, or the errors that make it unreadable.
fn expand_side(path: &Path) -> Result<Vec<Source>, Vec<InputError>> {
    let (ok, errors): (Vec<_>, Vec<_>) = expand(&[path.to_path_buf()])
        .into_iter()
        .partition(Result::is_ok);
    if !errors.is_empty() {
        return Err(errors.into_iter().filter_map(Result::err).collect());
    }
    let sources: Vec<Source> = ok.into_iter().filter_map(Result::ok).collect();
    if sources.is_empty() {
        return Err(vec![InputError {
            path: path.to_string_lossy().into_owned(),
            message: "folder holds no *.json, *.ndjson or *.jsonl file".to_string(),
        }]);
    }
    Ok(sources)
}

/// Runs `diff`.
pub fn run(args: &DiffArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if let Some((selection, paths)) = args.schema_mode() {
        return super::drift::run(args, &selection, &paths, io);
    }
    let ([left, right], DiffFormat::Human | DiffFormat::Json | DiffFormat::JsonPatch) =
        (args.paths.as_slice(), args.format)
    else {
        // The command line was checked (`Cli::check`); never panic if it was not.
        io.err
            .error("diff compares two sides: give LEFT and RIGHT, or --schema")?;
        return Ok(Outcome::Trouble);
    };
    let is_stdin = |p: &PathBuf| p.as_os_str() == "-";
    if is_stdin(left) && is_stdin(right) {
        io.err
            .error("LEFT and RIGHT cannot both be standard input ('-'); name a file for one")?;
        return Ok(Outcome::Trouble);
    }
    let (left, right) = match (expand_side(left), expand_side(right)) {
        (Ok(l), Ok(r)) => (l, r),
        (l, r) => {
            for e in [l.err(), r.err()].into_iter().flatten().flatten() {
                io.err.error(&e.to_string())?;
            }
            return Ok(Outcome::Trouble);
        }
    };
    // Keep the side that cannot be read twice, or the smaller; LEFT on a tie.
    let kept = match (size(&left), size(&right)) {
        (None, _) => Side::Left,
        (_, None) => Side::Right,
        (Some(l), Some(r)) if r < l => Side::Right,
        _ => Side::Left,
    };
    let (kept_sources, streamed_sources) = match kept {
        Side::Left => (left, right),
        Side::Right => (right, left),
    };
    let ignore = args.ignored();
    let input = InputOptions {
        require_payload: true,
        stdin: io.stdin.clone(),
        ..args.read.options(Vec::new())
    };

    let Io {
        out,
        out_color,
        err,
        ..
    } = io;
    let painter = Painter::new(*out_color);
    let mut report: Box<dyn DiffReport + '_> = match args.format {
        DiffFormat::Human => Box::new(HumanDiff::new(&mut **out, painter)),
        DiffFormat::Json => Box::new(JsonDiff::new(&mut **out)),
        DiffFormat::JsonPatch | DiffFormat::Markdown => Box::new(PatchDiff::new(&mut **out)),
    };
    let mut sink_out = Out {
        report: report.as_mut(),
        err,
        trouble: false,
    };

    let mut keep = KeepSink {
        out: &mut sink_out,
        index: Index::new(args.by_position),
        entries: 0,
    };
    read_sources(
        kept_sources.into_iter().map(Ok).collect(),
        &input,
        &mut keep,
    )?;
    let KeepSink { index, entries, .. } = keep;

    let mut stream = StreamSink {
        redact: args.redact,
        out: &mut sink_out,
        index,
        kept,
        ignore: &ignore,
        format: args.format,
        mode: Mode::Capture,
        summary: DiffSummary::default(),
    };
    if entries == 1 {
        stream.mode = Mode::Undecided { first: None };
    } else if !stream.start_capture(&format!("{} holds {entries} payloads", kept.name()))? {
        return Ok(Outcome::Trouble);
    }
    let streamed = read_sources(
        streamed_sources.into_iter().map(Ok).collect(),
        &input,
        &mut stream,
    );
    match streamed {
        Ok(_) => {}
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<Refused>()) => {}
        Err(e) => return Err(e.into()),
    }
    let by_id = stream.index.has_message_ids();
    let (summary, complete) = stream.finish()?;
    if complete {
        sink_out.report.finish(&summary)?;
    }
    let trouble = sink_out.trouble || !complete;
    if summary.capture
        && !args.by_position
        && by_id
        && summary.same + summary.changed == 0
        && summary.only_in_left > 0
        && summary.only_in_right > 0
    {
        let p = Painter::new(sink_out.err.color);
        writeln!(
            sink_out.err.w,
            "hlmsg: {}: no payload of LEFT has the messageId of one in RIGHT; \
             add --by-position to pair them by position",
            p.paint("note", styles::note())
        )?;
    }
    drop(report);
    out.flush()?;
    Ok(if trouble {
        Outcome::Trouble
    } else if summary.differs() {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

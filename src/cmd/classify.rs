//! `hlmsg classify`: the channel of every payload, a summary table, and filtering (`--only`) or
//! splitting (`--split`) a capture by channel.
//!
//! Classification reads only the few fields it needs ([`crate::view::View`]), never the whole
//! payload.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use comfy_table::{CellAlignment, Table};
use serde::Serialize;

use crate::channel::{CallOutcome, Channel, Classification, classify_view};
use crate::cli::{ClassifyArgs, ClassifyFormat};
use crate::exit::Outcome;
use crate::humanize;
use crate::input::parallel::{Event, process};
use crate::input::{Record, expand};
use crate::jsontext::compact_into;
use crate::origin::Origin;
use crate::payload::{Fault, parse_view};
use crate::render::human::finding_line;
use crate::render::json::write_line;
use crate::term::{Painter, escape, styles};

use super::{ErrStream, Io};

/// How many distinct unknown `messageType` values the summary names; the rest are counted
/// together, so memory stays bounded whatever the input.
const MAX_UNKNOWN_VALUES: usize = 50;

/// Counts per channel.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Payloads classified.
    pub total: u64,
    /// Entries that were not JSON objects.
    pub unreadable: u64,
    named: [u64; Channel::NAMED.len()],
    outcomes: [u64; 3],
    unknown: BTreeMap<String, u64>,
    unknown_other: u64,
}

impl Tally {
    /// Counts one classification.
    pub fn add(&mut self, c: &Classification) {
        self.total += 1;
        match &c.channel {
            Channel::Unknown(raw) => {
                if let Some(n) = self.unknown.get_mut(raw) {
                    *n += 1;
                } else if self.unknown.len() < MAX_UNKNOWN_VALUES {
                    self.unknown.insert(raw.clone(), 1);
                } else {
                    self.unknown_other += 1;
                }
            }
            ch => self.named[ch.order()] += 1,
        }
        if let Some(call) = c.call {
            self.outcomes[call.outcome as usize] += 1;
        }
    }

    /// Payloads of a named channel.
    pub fn count(&self, ch: &Channel) -> u64 {
        match ch {
            Channel::Unknown(_) => self.unknown.values().sum::<u64>() + self.unknown_other,
            ch => self.named[ch.order()],
        }
    }

    /// Calls with an outcome.
    pub fn outcome(&self, o: CallOutcome) -> u64 {
        self.outcomes[o as usize]
    }

    /// Rows of the summary: (label, count, is a sub-row).
    fn rows(&self) -> Vec<(String, u64, bool)> {
        let mut rows = Vec::new();
        for ch in Channel::NAMED {
            let n = self.named[ch.order()];
            if n == 0 {
                continue;
            }
            rows.push((ch.name().to_string(), n, false));
            if ch == Channel::Call {
                for o in [
                    CallOutcome::Answered,
                    CallOutcome::Voicemail,
                    CallOutcome::Unknown,
                ] {
                    let label = match o {
                        CallOutcome::Unknown => "  outcome unknown".to_string(),
                        o => format!("  {}", o.name()),
                    };
                    rows.push((label, self.outcome(o), true));
                }
            }
        }
        for (raw, n) in &self.unknown {
            let label = if raw.is_empty() {
                "Unknown (no type field)".to_string()
            } else {
                format!("Unknown ({})", escape(raw))
            };
            rows.push((label, *n, false));
        }
        if self.unknown_other > 0 {
            rows.push((
                "Unknown (other values)".to_string(),
                self.unknown_other,
                false,
            ));
        }
        rows
    }

    /// The summary table.
    pub fn table(&self) -> Table {
        let mut table = Table::new();
        table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED.with_rounded_corners());
        table.set_header(vec!["Channel", "Payloads", "Share"]);
        for (label, n, _) in self.rows() {
            table.add_row(vec![label, n.to_string(), humanize::share(n, self.total)]);
        }
        table.add_row(vec![
            "Total".to_string(),
            self.total.to_string(),
            humanize::share(self.total, self.total),
        ]);
        for i in 1..=2 {
            if let Some(col) = table.column_mut(i) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        table
    }
}

#[derive(Serialize)]
struct ConflictJson {
    rule: &'static str,
    field: &'static str,
    message: String,
}

#[derive(Serialize)]
struct PayloadJson<'a> {
    kind: &'static str,
    source: &'a str,
    line: u64,
    column: u64,
    index: u64,
    channel: &'a str,
    raw: Option<&'a str>,
    decided_by: Option<&'static str>,
    outcome: Option<&'static str>,
    duration: Option<f64>,
    conflicts: Vec<ConflictJson>,
}

#[derive(Serialize)]
struct UnreadableJson<'a> {
    kind: &'static str,
    source: &'a str,
    line: u64,
    column: u64,
    index: u64,
    message: &'a str,
}

#[derive(Serialize)]
struct SummaryJson {
    kind: &'static str,
    total: u64,
    channels: BTreeMap<String, u64>,
    calls: BTreeMap<&'static str, u64>,
    unreadable: u64,
}

/// Where classified payloads go.
enum Mode {
    /// The per-payload report (unless `--summary`) and the table.
    Report { summary_only: bool },
    /// Matching payloads to stdout.
    Only(Vec<Channel>),
    /// Every payload to `DIR/<channel>.ndjson`.
    Split(Splitter),
}

/// A classified record, ready to report: computed on a worker thread.
struct Classified {
    origin: Origin,
    class: Classification,
    /// The payload as one output line, when `--only` wants it or `--split` writes it.
    line: Option<Vec<u8>>,
}

/// The payload as one line: its bytes when it arrived on one line, else compacted; with
/// `--redact`, its masked form (or nothing, should the bytes not parse again, rather than the
/// unmasked bytes).
fn one_line(raw: &[u8], redact: bool) -> Vec<u8> {
    let mut line = Vec::with_capacity(raw.len() + 1);
    if redact {
        if let Ok(mut value) = crate::payload::parse_json(raw) {
            crate::redact::redact(&mut value);
            let _ = write_line(&mut line, &value);
        }
        return line;
    }
    if memchr::memchr2(b'\n', b'\r', raw).is_some() {
        compact_into(raw, &mut line);
    } else {
        line.extend_from_slice(raw);
    }
    line.push(b'\n');
    line
}

struct Run<'r, 'io> {
    mode: Mode,
    format: ClassifyFormat,
    out: &'r mut dyn Write,
    painter: Painter,
    err: &'r mut ErrStream<'io>,
    tally: Tally,
}

impl Run<'_, '_> {
    fn report_fault(&mut self, f: &Fault) -> io::Result<()> {
        self.tally.unreadable += 1;
        if matches!(self.mode, Mode::Report { .. }) && self.format == ClassifyFormat::Json {
            return write_line(
                self.out,
                &UnreadableJson {
                    kind: "unreadable",
                    source: &f.origin.source,
                    line: f.diagnostic.position.line,
                    column: f.diagnostic.position.column,
                    index: f.origin.index,
                    message: &f.diagnostic.message,
                },
            );
        }
        let line = finding_line(Painter::new(self.err.color), &f.origin, &f.diagnostic);
        writeln!(self.err.w, "{line}")
    }

    fn report_line(&mut self, o: &Origin, c: &Classification) -> io::Result<()> {
        if self.format == ClassifyFormat::Json {
            return write_line(
                self.out,
                &PayloadJson {
                    kind: "payload",
                    source: &o.source,
                    line: o.line(),
                    column: o.column(),
                    index: o.index,
                    channel: c.channel.name(),
                    raw: c.raw.as_deref(),
                    decided_by: c.decided_by.field(),
                    outcome: c.call.map(|x| x.outcome.name()),
                    duration: c.call.and_then(|x| x.duration),
                    conflicts: c
                        .conflicts
                        .iter()
                        .map(|k| ConflictJson {
                            rule: k.rule(),
                            field: k.field(),
                            message: k.message(&c.channel),
                        })
                        .collect(),
                },
            );
        }
        let p = self.painter;
        let mut text = format!(
            "{}  {}",
            p.paint(&o.to_string(), styles::location()),
            p.paint(c.channel.name(), owo_colors::Style::new().bold())
        );
        if let Channel::Unknown(raw) = &c.channel
            && !raw.is_empty()
        {
            text.push_str(&format!(" {}", p.paint(&format!("{raw:?}"), styles::dim())));
        }
        let by = match c.decided_by.field() {
            Some(f) => format!("(by {f})"),
            None => "(no type field)".to_string(),
        };
        text.push_str(&format!("  {}", p.paint(&by, styles::dim())));
        if let Some(call) = c.call {
            text.push_str(&format!("  {}", call.outcome.name()));
            if let Some(d) = call.duration {
                text.push_str(&format!(", {}", humanize::duration(d)));
            }
        }
        writeln!(self.out, "{text}")?;
        for k in &c.conflicts {
            writeln!(
                self.out,
                "    {} {}",
                p.paint(&format!("! {}:", k.rule()), styles::warning()),
                p.paint(&k.message(&c.channel), owo_colors::Style::new())
            )?;
        }
        Ok(())
    }

    fn event(&mut self, event: Event<Result<Classified, Fault>>) -> io::Result<()> {
        let c = match event {
            Event::Done(Ok(c)) => c,
            Event::Done(Err(f)) | Event::Fault(f) => return self.report_fault(&f),
            Event::InputError(e) => return self.err.error(&e.to_string()),
        };
        self.tally.add(&c.class);
        match &mut self.mode {
            Mode::Report { summary_only } => {
                if !*summary_only {
                    self.report_line(&c.origin, &c.class)?;
                }
            }
            Mode::Only(_) => {
                if let Some(line) = &c.line {
                    self.out.write_all(line)?;
                }
            }
            Mode::Split(splitter) => {
                if let Some(line) = &c.line {
                    splitter.write(c.class.channel.slug(), line)?;
                }
            }
        }
        Ok(())
    }
}

fn matches_channel(wanted: &Channel, got: &Channel) -> bool {
    match (wanted, got) {
        (Channel::Unknown(_), Channel::Unknown(_)) => true,
        (a, b) => a == b,
    }
}

/// Writes payloads to one NDJSON file per channel. Each file is written under a temporary name
/// and renamed into place when the run completes, so an interrupted run leaves no half-written
/// file behind.
struct Splitter {
    dir: PathBuf,
    files: BTreeMap<&'static str, (BufWriter<File>, PathBuf, u64)>,
}

impl Splitter {
    fn new(dir: &Path) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        Ok(Splitter {
            dir: dir.to_path_buf(),
            files: BTreeMap::new(),
        })
    }

    fn write(&mut self, slug: &'static str, line: &[u8]) -> io::Result<()> {
        if !self.files.contains_key(slug) {
            let tmp = self
                .dir
                .join(format!(".{slug}.ndjson.tmp-{}", std::process::id()));
            let f = File::create(&tmp)?;
            crate::interrupt::track(&tmp);
            self.files
                .insert(slug, (BufWriter::with_capacity(256 * 1024, f), tmp, 0));
        }
        let (w, _, n) = self.files.get_mut(slug).expect("inserted above");
        *n += 1;
        w.write_all(line)
    }

    /// Flushes and renames every file into place; returns (file, payloads) in name order.
    fn finish(self) -> io::Result<Vec<(PathBuf, u64)>> {
        let mut out = Vec::new();
        for (slug, (w, tmp, n)) in self.files {
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
            let path = self.dir.join(format!("{slug}.ndjson"));
            fs::rename(&tmp, &path)?;
            crate::interrupt::untrack(&tmp);
            out.push((path, n));
        }
        Ok(out)
    }

    /// Removes the temporary files of an unfinished run.
    fn abandon(self) {
        for (_, (_, tmp, _)) in self.files {
            let _ = fs::remove_file(&tmp);
            crate::interrupt::untrack(&tmp);
        }
    }
}

/// Runs `classify`.
pub fn run(args: &ClassifyArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if io.refuse_terminal_stdin(!args.input.paths.is_empty(), "classify")? {
        return Ok(Outcome::Trouble);
    }
    let mut only = Vec::new();
    for name in &args.only {
        match Channel::from_user_name(name) {
            Some(ch) => only.push(ch),
            None => {
                io.err.error(&format!(
                    "--only {name}: not a channel (try sms, email, call, voicemail, fb, ig, gmb, live-chat, whatsapp, internal-comment, custom, unknown)"
                ))?;
                return Ok(Outcome::Trouble);
            }
        }
    }
    let mode = if let Some(dir) = &args.split {
        match Splitter::new(dir) {
            Ok(s) => Mode::Split(s),
            Err(e) => {
                io.err.error(&format!(
                    "--split {}: {}",
                    dir.display(),
                    crate::input::describe_io_error(&e)
                ))?;
                return Ok(Outcome::Trouble);
            }
        }
    } else if !only.is_empty() {
        Mode::Only(only)
    } else {
        Mode::Report {
            summary_only: args.summary,
        }
    };

    let input = io.input_options(&args.input);
    let jobs = io.jobs;
    let (only, split, redact) = match &mode {
        Mode::Only(channels) => (Some(channels.clone()), false, args.redact),
        Mode::Split(_) => (None, true, args.redact),
        Mode::Report { .. } => (None, false, false),
    };
    let work = |rec: Record<'_>| -> Result<Classified, Fault> {
        let view = parse_view(&rec)?;
        let class = classify_view(&view);
        let wanted = split
            || only
                .as_ref()
                .is_some_and(|chs| chs.iter().any(|ch| matches_channel(ch, &class.channel)));
        let line = wanted.then(|| one_line(rec.bytes, redact));
        Ok(Classified {
            origin: rec.origin.clone(),
            class,
            line,
        })
    };
    let Io {
        out,
        out_color,
        err,
        ..
    } = io;
    let mut run = Run {
        mode,
        format: args.format,
        out: &mut **out,
        painter: Painter::new(*out_color),
        err,
        tally: Tally::default(),
    };
    let result = process(expand(&input.paths), &input, jobs, work, |e| run.event(e));
    let trouble = match result {
        Ok(t) => t,
        Err(e) => {
            if let Mode::Split(s) = run.mode {
                s.abandon();
            }
            return Err(e.into());
        }
    };
    let Run {
        mode,
        format,
        out,
        painter,
        tally,
        ..
    } = run;
    match mode {
        Mode::Report { .. } => {
            if format == ClassifyFormat::Json {
                let mut channels = BTreeMap::new();
                for ch in Channel::NAMED
                    .iter()
                    .chain(std::iter::once(&Channel::Unknown(String::new())))
                {
                    let n = tally.count(ch);
                    if n > 0 {
                        channels.insert(ch.name().to_string(), n);
                    }
                }
                let mut calls = BTreeMap::new();
                if tally.count(&Channel::Call) > 0 {
                    for o in [
                        CallOutcome::Answered,
                        CallOutcome::Voicemail,
                        CallOutcome::Unknown,
                    ] {
                        calls.insert(o.name(), tally.outcome(o));
                    }
                }
                write_line(
                    out,
                    &SummaryJson {
                        kind: "summary",
                        total: tally.total,
                        channels,
                        calls,
                        unreadable: tally.unreadable,
                    },
                )?;
            } else {
                if !args.summary && tally.total > 0 {
                    writeln!(out)?;
                }
                writeln!(out, "{}", tally.table())?;
                match tally.unreadable {
                    0 => {}
                    1 => writeln!(
                        out,
                        "1 entry was not a JSON payload (reported on standard error)"
                    )?,
                    n => writeln!(
                        out,
                        "{n} entries were not JSON payloads (reported on standard error)"
                    )?,
                }
            }
        }
        Mode::Only(_) => {}
        Mode::Split(splitter) => {
            let files = splitter.finish()?;
            let mut written = 0;
            for (path, n) in &files {
                written += n;
                writeln!(
                    out,
                    "{}  {n}",
                    painter.paint(&path.to_string_lossy(), styles::location())
                )?;
            }
            writeln!(
                out,
                "{} read, {written} written, {} unreadable",
                tally.total + tally.unreadable,
                tally.unreadable
            )?;
        }
    }
    out.flush()?;
    Ok(if trouble {
        Outcome::Trouble
    } else if tally.unreadable > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

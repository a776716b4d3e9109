//! Comparing two captures with a bounded memory: the side that takes less memory is read into
//! an index of raw payload bytes by messageId ([`KeepSink`]); the other is streamed
//! ([`StreamSink`]): each of its payloads is paired, compared and reported at once, and dropped.
//!
//! Whether two single payloads or two captures are compared is known only while reading: when
//! the kept side holds exactly one entry, the first entry of the streamed side waits until the
//! next one shows whether there is a second.
//!
//! A payload of [`SHALLOW_ABOVE`] bytes or more is compared through its bytes ([`Doc`]), never
//! parsed into a `Value` of millions of values; with `--redact`, through its masked text.

use std::io;

use serde_json::Value;

use crate::app::driver::Consumer;
use crate::diff::pair::{self, Index};
use crate::diff::{Ignore, Node};
use crate::input::doc::Doc;
use crate::input::parse::{SHALLOW_ABOVE, parse, parse_shallow};
use crate::input::{InputError, Record};
use crate::model::finding::Fault;
use crate::model::origin::Origin;
use crate::render::diff::{DiffReport, DiffSummary, Pair, Side};
use crate::render::jsonl::ErrorJson;

/// A payload of the kept side: where it comes from and its bytes (parsed again when paired,
/// which takes far less memory than keeping the parsed value).
pub struct Kept {
    origin: Origin,
    raw: Box<[u8]>,
    /// Read through its bytes when compared: large, and holding no key twice.
    shallow: bool,
    /// Masked already (`--redact` on a large payload).
    masked: bool,
}

/// A kept payload as the workers read it: its messageId too.
pub struct KeptEntry {
    id: Option<String>,
    kept: Kept,
}

/// Reads a payload of the kept side (on a worker thread).
pub fn read_kept(rec: Record<'_>, redact: bool) -> Result<KeptEntry, Fault> {
    if redact && let Some(masked) = crate::redact::redact_large(&rec) {
        let raw = masked?;
        return Ok(KeptEntry {
            id: message_id_of(&raw),
            kept: Kept {
                origin: rec.origin,
                raw: raw.into(),
                shallow: true,
                masked: true,
            },
        });
    }
    let p = parse_shallow(rec, SHALLOW_ABOVE)?;
    Ok(KeptEntry {
        id: pair::message_id(&p.value).map(str::to_string),
        kept: Kept {
            origin: p.origin,
            raw: p.raw.into(),
            shallow: p.shallow,
            masked: false,
        },
    })
}

/// The messageId of a payload's JSON text (a large one, read through its bytes).
fn message_id_of(raw: &[u8]) -> Option<String> {
    let doc = Doc::build(raw)?;
    let id = doc.root().get("messageId")?.as_str()?;
    Some(id.into_owned())
}

/// A payload of the streamed side: parsed, or (when large) its bytes.
pub struct Streamed {
    origin: Origin,
    id: Option<String>,
    body: Body,
}

/// What a streamed payload keeps until it is compared.
enum Body {
    Value(Value),
    /// A large payload holding no key twice, compared through its bytes.
    Raw(Box<[u8]>),
}

/// Reads a payload of the streamed side (on a worker thread), redacted when asked.
pub fn read_streamed(rec: Record<'_>, redact: bool) -> Result<Streamed, Fault> {
    if redact && let Some(masked) = crate::redact::redact_large(&rec) {
        let raw = masked?;
        return Ok(Streamed {
            origin: rec.origin,
            id: message_id_of(&raw),
            body: Body::Raw(raw.into()),
        });
    }
    if redact {
        let mut p = parse(rec)?;
        crate::redact::redact(&mut p.value);
        let id = pair::message_id(&p.value).map(str::to_string);
        return Ok(Streamed {
            origin: p.origin,
            id,
            body: Body::Value(p.value),
        });
    }
    let p = parse_shallow(rec, SHALLOW_ABOVE)?;
    let id = pair::message_id(&p.value).map(str::to_string);
    let body = match p.shallow {
        true => Body::Raw(p.raw.into()),
        false => Body::Value(p.value),
    };
    Ok(Streamed {
        origin: p.origin,
        id,
        body,
    })
}

/// One side of a comparison, as the walk reads it.
enum Held<'a> {
    Owned(Value),
    Borrowed(&'a Value),
    Doc(Doc<'a>),
}

impl<'a> Held<'a> {
    /// A kept payload: through its bytes when large, else parsed again, redacted when asked.
    fn kept(kept: &'a Kept, redact: bool) -> Result<Held<'a>, serde_json::Error> {
        let redact = redact && !kept.masked;
        if kept.shallow
            && !redact
            && let Some(doc) = Doc::build(&kept.raw)
        {
            return Ok(Held::Doc(doc));
        }
        parse_kept(&kept.raw, redact).map(Held::Owned)
    }

    /// A streamed payload.
    fn streamed(body: &'a Body) -> Result<Held<'a>, serde_json::Error> {
        match body {
            Body::Value(v) => Ok(Held::Borrowed(v)),
            Body::Raw(raw) => match Doc::build(raw) {
                Some(doc) => Ok(Held::Doc(doc)),
                None => crate::input::parse::parse_json(raw).map(Held::Owned),
            },
        }
    }

    fn node(&self) -> Node<'_> {
        match self {
            Held::Owned(v) => Node::Value(v),
            Held::Borrowed(v) => Node::Value(v),
            Held::Doc(d) => Node::Doc(d.root()),
        }
    }
}

/// Shared by both passes: where results and problems go. Messages for standard error wait in
/// `errors` until the driver prints them.
pub struct Results<'r> {
    /// The report.
    pub report: &'r mut dyn DiffReport,
    /// Whether an entry was not a payload, or a pair could not be compared.
    pub trouble: bool,
    /// Messages for standard error.
    pub errors: Vec<String>,
}

impl Results<'_> {
    fn fault(&mut self, f: &Fault) -> io::Result<()> {
        self.trouble = true;
        self.report.trouble(&ErrorJson::fault(f))
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.report.trouble(&ErrorJson::input(e))
    }
}

/// Reads the kept side.
pub struct KeepSink<'o, 'r> {
    /// Where results and problems go.
    pub out: &'o mut Results<'r>,
    /// The kept payloads, by messageId.
    pub index: Index<Kept>,
    /// Entries read, payloads or not.
    pub entries: u64,
}

impl Consumer<KeptEntry> for KeepSink<'_, '_> {
    fn done(&mut self, e: KeptEntry) -> io::Result<()> {
        self.entries += 1;
        self.index.insert(e.id.as_deref(), e.kept);
        Ok(())
    }

    fn fault(&mut self, f: &Fault) -> io::Result<bool> {
        self.entries += 1;
        self.out.fault(f)?;
        Ok(false)
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.out.input_error(e)
    }
}

/// The first entry of the streamed side, while it is not known whether a second follows.
pub enum First {
    Payload(Streamed),
    Fault,
}

pub enum Mode {
    /// The kept side holds one entry; so far the streamed side holds `first`.
    Undecided { first: Option<First> },
    /// Captures: pair and report as payloads come.
    Capture,
    /// Captures with `--format json-patch`: the run stops.
    Refused,
}

/// Streams the other side.
pub struct StreamSink<'o, 'r> {
    /// Where results and problems go.
    pub out: &'o mut Results<'r>,
    /// The kept payloads, by messageId.
    pub index: Index<Kept>,
    /// Which side is kept.
    pub kept: Side,
    /// What the comparison leaves out.
    pub ignore: &'o Ignore,
    /// Whether a patch is asked for (two single payloads only).
    pub patch: bool,
    /// Single payloads or captures.
    pub mode: Mode,
    /// The counts so far.
    pub summary: DiffSummary,
    /// `--redact`: mask personal data on both sides before comparing.
    pub redact: bool,
}

/// Parses a kept payload's bytes again, redacted when asked.
fn parse_kept(raw: &[u8], redact: bool) -> Result<Value, serde_json::Error> {
    let mut value = crate::input::parse::parse_json(raw)?;
    if redact {
        crate::redact::redact(&mut value);
    }
    Ok(value)
}

/// The error that stops reading when the run is refused (never shown).
#[derive(Debug, thiserror::Error)]
#[error("refused")]
pub struct Refused;

impl StreamSink<'_, '_> {
    /// Compares captures from now on; refused (false) when a patch was asked for.
    pub fn start_capture(&mut self, streamed_entries: &str) -> io::Result<bool> {
        if self.patch {
            self.mode = Mode::Refused;
            self.out.errors.push(format!(
                "--format json-patch compares two single payloads, but {streamed_entries}; \
                 use --format json to compare captures"
            ));
            return Ok(false);
        }
        self.mode = Mode::Capture;
        self.summary.capture = true;
        Ok(true)
    }

    /// Pairs, compares and reports one payload of the streamed side.
    fn compare(&mut self, streamed: &Streamed) -> io::Result<()> {
        let origin = &streamed.origin;
        let (key, partner) = self.index.take(streamed.id.as_deref());
        let Some(kept) = partner else {
            self.summary.add_only(self.kept.other());
            return self.out.report.only_in(self.kept.other(), &key, origin);
        };
        let held =
            Held::kept(kept, self.redact).and_then(|k| Ok((k, Held::streamed(&streamed.body)?)));
        let (kept_held, streamed_held) = match held {
            Ok(both) => both,
            Err(e) => {
                // The bytes were parsed once already; this cannot happen, but never panic.
                self.out.trouble = true;
                self.out.errors.push(format!("{}: {e}", kept.origin));
                return Ok(());
            }
        };
        let (k, s) = (kept_held.node(), streamed_held.node());
        let (left, right, left_origin, right_origin) = match self.kept {
            Side::Left => (k, s, &kept.origin, origin),
            Side::Right => (s, k, origin, &kept.origin),
        };
        let pair = Pair {
            key: &key,
            left: left_origin,
            right: right_origin,
        };
        let total = self
            .out
            .report
            .compare(Some(&pair), left, right, self.ignore)?;
        if total == 0 {
            self.summary.same += 1;
        } else {
            self.summary.changed += 1;
            self.summary.differences += total;
        }
        Ok(())
    }

    /// The end of the streamed side: the summary, and whether the comparison is complete.
    pub fn finish(mut self) -> io::Result<(DiffSummary, bool)> {
        match std::mem::replace(&mut self.mode, Mode::Capture) {
            Mode::Refused => return Ok((self.summary, false)),
            Mode::Undecided {
                first: Some(first), ..
            } => {
                // One payload on each side.
                let kept = self.index.unmatched().next().map(|(_, k)| k);
                let (First::Payload(streamed), Some(kept)) = (first, kept) else {
                    // A side is not a payload: nothing to compare.
                    return Ok((self.summary, false));
                };
                let held = Held::kept(kept, self.redact)
                    .and_then(|k| Ok((k, Held::streamed(&streamed.body)?)));
                let (kept_held, streamed_held) = match held {
                    Ok(both) => both,
                    Err(e) => {
                        self.out.trouble = true;
                        self.out.errors.push(format!("{}: {e}", kept.origin));
                        return Ok((self.summary, false));
                    }
                };
                let (k, s) = (kept_held.node(), streamed_held.node());
                let (left, right) = match self.kept {
                    Side::Left => (k, s),
                    Side::Right => (s, k),
                };
                self.summary.differences =
                    self.out.report.compare(None, left, right, self.ignore)?;
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

    /// Whether the kept side's payloads carry message ids.
    pub fn has_message_ids(&self) -> bool {
        self.index.has_message_ids()
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

impl StreamSink<'_, '_> {
    fn entry(&mut self, entry: Option<Streamed>) -> io::Result<()> {
        match &mut self.mode {
            Mode::Refused => return Err(io::Error::other(Refused)),
            Mode::Undecided { first } if first.is_none() => {
                *first = Some(match entry {
                    Some(streamed) => First::Payload(streamed),
                    None => First::Fault,
                });
                return Ok(());
            }
            Mode::Undecided { first } => {
                let first = first.take();
                let side = self.kept.other().name();
                if !self.start_capture(&format!("{side} holds more than one payload"))? {
                    return Err(io::Error::other(Refused));
                }
                if let Some(First::Payload(streamed)) = first {
                    self.compare(&streamed)?;
                }
            }
            Mode::Capture => {}
        }
        match entry {
            Some(streamed) => self.compare(&streamed),
            None => Ok(()),
        }
    }
}

impl Consumer<Streamed> for StreamSink<'_, '_> {
    fn done(&mut self, streamed: Streamed) -> io::Result<()> {
        self.entry(Some(streamed))
    }

    fn fault(&mut self, f: &Fault) -> io::Result<bool> {
        self.out.fault(f)?;
        self.entry(None)?;
        Ok(false)
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.out.input_error(e)
    }
}

//! Splits a byte stream into payload records without parsing them.
//!
//! A source may hold one payload, a JSON array of payloads, NDJSON (one payload per line) or
//! concatenated JSON values, possibly pretty-printed; the reader finds out which as it goes, with
//! no flag. It only tracks strings and bracket depth, which is enough to find where each top-level
//! value (or each element of a top-level array) begins and ends; the values themselves are parsed
//! later, by whoever consumes the records, possibly on another thread.
//!
//! Memory stays flat: the reader keeps one buffer that holds the record being scanned and some
//! read-ahead, and it reuses that buffer for every record. A record larger than the payload size
//! limit is scanned to its end but not kept.
//!
//! ## Recovering from broken input
//!
//! A broken payload must not take the rest of the input with it. Two signals end a record early:
//!
//! * A line whose first non-blank character is `{` (or `[` outside an array of payloads), at a
//!   column no greater than the column where the current record started, while the current record
//!   is still open. In NDJSON this is the next line after a truncated one; in concatenated
//!   pretty-printed JSON it is the next payload after a truncated one (nested values are indented
//!   deeper than the payload that holds them).
//! * A line break inside a string. JSON strings cannot hold raw line breaks, so the string was cut
//!   short; the reader then skips to the next line where a payload starts, by the rule above, and
//!   the skipped lines belong to the broken record.
//!
//! * A broken record that holds a line starting with `{` where a whole payload starts and
//!   nothing continues it: an indented payload after a truncated line, a payload after a record
//!   cut right after `[`, `,` or `:`, or lines ended by a lone carriage return (`resync`).
//!
//! Either way the record is returned with [`RecordStatus::Truncated`], and the consumer reports it.
//!
//! ## Layout
//!
//! [`Reader`] holds the settings and decides how a source is framed; the work is done by
//! `window` (the buffer, refilling, offsets, lines and columns), `sniff` (encoding and binary
//! detection at the start of a source), `json` (the JSON stream framing), `scan` (where one
//! value ends, byte by byte or a run at a time), `line` (the proof that a line of an NDJSON
//! source is one object, 64 bytes at a time, which spares it the scan), `http` (the raw HTTP
//! capture framing) and `record` (what is yielded, and how entries are numbered).

use std::io::{self, Read};
use std::sync::Arc;

use crate::input::capture::InputMode;
use crate::model::origin::Position;

mod http;
mod json;
mod line;
mod record;
mod resync;
mod scan;
mod sniff;
mod window;

pub use record::{Item, Record, RecordStatus, StreamFault};

use http::HttpFraming;
use json::{JsonFraming, Step};
use record::Entries;
use sniff::Sniffed;
use window::Window;

/// Default limit on the nesting depth of one payload.
pub const DEFAULT_MAX_DEPTH: u64 = 128;
/// The deepest nesting serde_json reads with its recursion limit on (it refuses a 128th
/// level): a record nested deeper is parsed with the limit off, within `--max-depth`.
pub const PARSER_DEPTH: u64 = 127;
/// The highest `--max-depth` accepted: deeper values would strain the stack of the recursive
/// steps that follow parsing (schema checks, diffs, printing).
pub const MAX_MAX_DEPTH: u64 = 1000;

/// Default limit on the size of one payload, in bytes (16 MiB).
pub const DEFAULT_MAX_PAYLOAD_BYTES: u64 = 16 * 1024 * 1024;

const INITIAL_BUFFER: usize = 64 * 1024;

/// The limits that a framing enforces on each record.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// The largest record, in bytes, that is kept.
    max_payload: u64,
    /// The deepest nesting accepted.
    max_depth: u64,
}

/// Splits one source into records. See the module documentation.
pub struct Reader<R> {
    win: Window<R>,
    entries: Entries,
    limits: Limits,
    /// How entries are read: `Http` and `Auto` look for raw HTTP requests.
    mode: InputMode,
    /// Whether a source without any entry is reported.
    require_entry: bool,
    started: bool,
    done: bool,
    /// Whether this source holds raw HTTP requests (decided at its first entry).
    http: Option<bool>,
    json: JsonFraming,
    capture: HttpFraming,
}

impl<R: Read> Reader<R> {
    /// Creates a reader for `inner`, named `source` in messages. A name ending in `.ndjson` or
    /// `.jsonl` marks the source as one payload per line.
    pub fn new(source: Arc<str>, inner: R) -> Self {
        Reader::with_size_hint(source, inner, None)
    }

    /// Like [`Reader::new`], for a source of a known size: a small source gets a small buffer,
    /// with room to spare once it is read whole (so that reading its end grows nothing).
    pub fn with_size_hint(source: Arc<str>, inner: R, size: Option<u64>) -> Self {
        let capacity = size.map_or(INITIAL_BUFFER, |n| {
            let n = usize::try_from(n).unwrap_or(INITIAL_BUFFER);
            n.saturating_add(n / 2)
                .saturating_add(64)
                .min(INITIAL_BUFFER)
        });
        let lower = source.to_ascii_lowercase();
        let line_mode = (lower.ends_with(".ndjson") || lower.ends_with(".jsonl")).then_some(true);
        Reader {
            win: Window::new(inner, capacity),
            entries: Entries::new(source),
            limits: Limits {
                max_payload: DEFAULT_MAX_PAYLOAD_BYTES,
                max_depth: DEFAULT_MAX_DEPTH,
            },
            mode: InputMode::Auto,
            require_entry: false,
            started: false,
            done: false,
            http: None,
            json: JsonFraming::new(line_mode),
            capture: HttpFraming::default(),
        }
    }

    /// Sets how entries are read (`--input`): raw HTTP requests are looked for in `Auto` mode and
    /// expected in `Http` mode.
    pub fn with_mode(mut self, mode: InputMode) -> Self {
        self.mode = mode;
        self
    }

    /// Sets the largest payload, in bytes, that is kept for parsing.
    pub fn with_max_payload(mut self, bytes: u64) -> Self {
        self.limits.max_payload = bytes.max(1);
        self
    }

    /// Sets the deepest nesting accepted (at most [`MAX_MAX_DEPTH`]).
    pub fn with_max_depth(mut self, depth: u64) -> Self {
        self.limits.max_depth = depth.clamp(1, MAX_MAX_DEPTH);
        self
    }

    /// Reports a source that holds no entry at all (empty, or only blanks) as a fault.
    pub fn require_entry(mut self, yes: bool) -> Self {
        self.require_entry = yes;
        self
    }

    /// The source name.
    pub fn source(&self) -> &Arc<str> {
        self.entries.source()
    }

    /// Bytes consumed so far.
    pub fn offset(&self) -> u64 {
        self.win.offset()
    }

    /// The next record or fault, `None` at the end of the source. An I/O error ends the source.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> io::Result<Option<Item<'_>>> {
        if self.done || self.win.failed() {
            return Ok(None);
        }
        if !self.started {
            self.started = true;
            if let Some(fault) = self.check_encoding()? {
                self.done = true;
                return Ok(Some(Item::Fault(fault)));
            }
        }
        loop {
            if !self.win.skip_blanks()? {
                self.done = true;
                return Ok(self.end_of_input().map(Item::Fault));
            }
            if self.http.is_none() {
                let http = match self.mode {
                    InputMode::Http => true,
                    InputMode::Auto => http::at_request_line(&mut self.win)?,
                    InputMode::Payload | InputMode::Envelope => false,
                };
                self.http = Some(http);
            }
            if self.http == Some(true) {
                let item = self
                    .capture
                    .read(&mut self.win, &mut self.entries, self.limits)?;
                return Ok(Some(item));
            }
            match self.json.step(&mut self.win, &mut self.entries) {
                Step::Again => {}
                Step::Fault(fault) => return Ok(Some(Item::Fault(fault))),
                Step::Record => {
                    let item =
                        self.json
                            .scan_record(&mut self.win, &mut self.entries, self.limits)?;
                    return Ok(Some(item));
                }
            }
        }
    }

    /// A fault at the scan position that ends the source: for data that stops making sense
    /// while it is read (a corrupt compressed stream). What came before it was read.
    pub fn fault_here(&mut self, message: String) -> StreamFault {
        self.done = true;
        let at = self.win.position();
        self.entries.fault(at, message)
    }

    /// The fault to report when the input ends, if any: an array left open, or (when asked) a
    /// source without entries.
    fn end_of_input(&mut self) -> Option<StreamFault> {
        if let Some(fault) = self.json.finish(&mut self.entries) {
            return Some(fault);
        }
        if self.require_entry && self.entries.count() == 0 {
            let at = self.win.position();
            let what = if self.win.offset() == 0 {
                "empty input"
            } else {
                "no payload: the input holds only blanks or an empty array"
            };
            let msg = format!("{what}: expected a JSON object (an OutboundMessage payload)");
            let mut fault = self.entries.fault(at, msg);
            fault.rule = crate::model::finding::RULE_NO_PAYLOAD;
            return Some(fault);
        }
        None
    }

    /// Detects UTF-16 and binary data, and skips a UTF-8 byte-order mark, at the start of the
    /// source.
    fn check_encoding(&mut self) -> io::Result<Option<StreamFault>> {
        let mut sniffed = sniff::sniff(self.win.fill_head(sniff::HEAD)?);
        if let Sniffed::Bom(n) = sniffed {
            self.win.skip_leading(n);
        }
        // NUL bytes alone make a source binary only when no line of its first block is JSON:
        // otherwise the line that holds them fails alone, as it would further in.
        if sniffed == Sniffed::Binary(sniff::NUL_BYTES)
            && sniff::some_line_is_json(self.win.fill_first(sniff::HEAD)?)
        {
            sniffed = Sniffed::Text;
        }
        let fault = sniffed.message();
        Ok(fault.map(|msg| self.entries.fault(Position::new(1, 1), msg)))
    }
}

/// A reader that hands out at most a given number of bytes per read, for tests of chunk
/// boundaries.
#[cfg(test)]
pub(crate) struct Chunked<'a>(pub &'a [u8], pub usize);

#[cfg(test)]
impl Read for Chunked<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = self.0.len().min(out.len()).min(self.1);
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[cfg(test)]
mod tests;

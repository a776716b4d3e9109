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
//! Either way the record is returned with [`RecordStatus::Truncated`], and the consumer reports it.

use std::io::{self, Read};
use std::sync::Arc;

use crate::capture::{Delivery, InputMode};
use crate::origin::{Origin, Position, count_chars};

/// Default limit on the nesting depth of one payload.
pub const DEFAULT_MAX_DEPTH: u64 = 128;
/// The highest `--max-depth` accepted: deeper values would strain the stack of the recursive
/// steps that follow parsing (schema checks, diffs, printing).
pub const MAX_MAX_DEPTH: u64 = 1000;

/// Default limit on the size of one payload, in bytes (16 MiB).
pub const DEFAULT_MAX_PAYLOAD_BYTES: u64 = 16 * 1024 * 1024;

const INITIAL_BUFFER: usize = 64 * 1024;

/// How a record ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordStatus {
    /// The value's brackets and strings closed normally (it may still be invalid JSON).
    Complete,
    /// The value did not close before the input ended or before the next payload began.
    Truncated {
        /// Line where reading resumed after this record, when more input followed.
        resumed_at: Option<u64>,
    },
    /// The value nests deeper than the depth limit.
    TooDeep {
        /// The limit that it exceeded.
        limit: u64,
    },
    /// The value was larger than the size limit; its bytes were not kept.
    TooLarge {
        /// The size of the value, in bytes.
        size: u64,
        /// The limit that it exceeded.
        limit: u64,
    },
}

/// One entry of a source: the bytes of one candidate payload and where it starts.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// Where the record starts.
    pub origin: Origin,
    /// The record's bytes, exactly as read (empty for [`RecordStatus::TooLarge`]).
    pub bytes: &'a [u8],
    /// How the record ended.
    pub status: RecordStatus,
    /// Headers and the like, when the record is the body of a captured delivery.
    pub delivery: Option<Box<Delivery>>,
    /// Whether the value nests deeper than the parser's usual limit (128), so that parsing it
    /// needs the unbounded parser (it is within `--max-depth`).
    pub deep: bool,
    /// How many members the top-level object has, counting repeated keys, when the reader
    /// scanned it (a parsed object with fewer keys had duplicates).
    pub members: Option<u32>,
}

/// A problem in the stream that belongs to no payload: a stray comma, an unterminated array, a
/// source in the wrong encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamFault {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong and what was expected.
    pub message: String,
}

/// What the reader yields.
#[derive(Debug)]
pub enum Item<'a> {
    /// A candidate payload.
    Record(Record<'a>),
    /// A structural problem between payloads.
    Fault(StreamFault),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Top {
    /// Between top-level values.
    Stream,
    /// Inside a top-level array of payloads.
    Array { expect: Expect },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Right after `[`: an element or `]`.
    FirstElement,
    /// After an element: `,` or `]`.
    Separator,
    /// After `,`: an element.
    Element,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An object or array.
    Nested,
    /// A top-level string.
    Str,
    /// A number or literal.
    Scalar,
    /// Something that cannot start a JSON value.
    Garbage,
}

/// Splits one source into records. See the module documentation.
pub struct Reader<R> {
    source: Arc<str>,
    inner: R,
    buf: Vec<u8>,
    /// Absolute offset of `buf[0]` in the source.
    base: u64,
    /// Scan position in `buf`.
    pos: usize,
    /// End of valid data in `buf`.
    end: usize,
    eof: bool,
    /// Current line (of `pos`).
    line: u64,
    /// Absolute offset where the current line starts.
    line_start: u64,
    /// Only blanks so far on the current line, before `pos`.
    blank_line: bool,
    /// Characters of the current line before absolute offset `anchor` (for columns).
    anchor: u64,
    anchor_chars: u64,
    index: u64,
    top: Top,
    started: bool,
    done: bool,
    max_payload: u64,
    max_depth: u64,
    /// Whether a source without any entry is reported.
    require_entry: bool,
    /// Position of the last `,` inside an array, for a trailing-comma message.
    last_comma: Position,
    /// How entries are read: `Http` and `Auto` look for raw HTTP requests.
    mode: InputMode,
    /// Whether this source holds raw HTTP requests (decided at its first entry).
    http: Option<bool>,
    /// A decoded chunked HTTP body.
    scratch: Vec<u8>,
    /// Whether payloads come one per line (NDJSON): from the file name, else from the first
    /// complete payload. Then a `{` at the start of a line always begins a new payload.
    line_mode: Option<bool>,
    /// Where the open top-level array of payloads began.
    array_open: Position,
}

impl<R: Read> Reader<R> {
    /// Creates a reader for `inner`, named `source` in messages. A name ending in `.ndjson` or
    /// `.jsonl` marks the source as one payload per line.
    pub fn new(source: Arc<str>, inner: R) -> Self {
        Reader::with_size_hint(source, inner, None)
    }

    /// Like [`Reader::new`], for a source of a known size: a small source gets a small buffer.
    pub fn with_size_hint(source: Arc<str>, inner: R, size: Option<u64>) -> Self {
        let capacity = size.map_or(INITIAL_BUFFER, |n| {
            (n as usize).saturating_add(1).clamp(4096, INITIAL_BUFFER)
        });
        let lower = source.to_ascii_lowercase();
        let line_mode = (lower.ends_with(".ndjson") || lower.ends_with(".jsonl")).then_some(true);
        Reader {
            source,
            inner,
            buf: vec![0; capacity],
            base: 0,
            pos: 0,
            end: 0,
            eof: false,
            line: 1,
            line_start: 0,
            blank_line: true,
            anchor: 0,
            anchor_chars: 0,
            index: 0,
            top: Top::Stream,
            started: false,
            done: false,
            max_payload: DEFAULT_MAX_PAYLOAD_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            require_entry: false,
            last_comma: Position::new(1, 1),
            mode: InputMode::Auto,
            http: None,
            scratch: Vec::new(),
            line_mode,
            array_open: Position::new(1, 1),
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
        self.max_payload = bytes.max(1);
        self
    }

    /// Sets the deepest nesting accepted (at most [`MAX_MAX_DEPTH`]).
    pub fn with_max_depth(mut self, depth: u64) -> Self {
        self.max_depth = depth.clamp(1, MAX_MAX_DEPTH);
        self
    }

    /// Reports a source that holds no entry at all (empty, or only blanks) as a fault.
    pub fn require_entry(mut self, yes: bool) -> Self {
        self.require_entry = yes;
        self
    }

    /// The source name.
    pub fn source(&self) -> &Arc<str> {
        &self.source
    }

    /// Bytes consumed so far.
    pub fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// The next record or fault, `None` at the end of the source. An I/O error ends the source.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> io::Result<Option<Item<'_>>> {
        if self.done {
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
            if !self.skip_blanks()? {
                self.done = true;
                if let Top::Array { .. } = self.top {
                    self.top = Top::Stream;
                    let at = self.array_open;
                    return Ok(Some(Item::Fault(self.fault(
                        at,
                        "unterminated array of payloads (it opens here): expected ']' before the end of the input"
                            .to_string(),
                    ))));
                }
                if self.require_entry && self.index == 0 {
                    let at = self.position_at(self.offset());
                    let what = if self.offset() == 0 {
                        "empty input"
                    } else {
                        "no payload: the input holds only blanks or an empty array"
                    };
                    let msg =
                        format!("{what}: expected a JSON object (an OutboundMessage payload)");
                    return Ok(Some(Item::Fault(self.fault(at, msg))));
                }
                return Ok(None);
            }
            if self.http.is_none() {
                let http = match self.mode {
                    InputMode::Http => true,
                    InputMode::Auto => self.at_request_line()?,
                    InputMode::Payload | InputMode::Envelope => false,
                };
                self.http = Some(http);
            }
            if self.http == Some(true) {
                return self.scan_http().map(Some);
            }
            let b = self.buf[self.pos];
            match self.top {
                Top::Stream => {
                    if b == b'[' {
                        self.array_open = self.position_at(self.offset());
                        self.take_byte();
                        self.top = Top::Array {
                            expect: Expect::FirstElement,
                        };
                        continue;
                    }
                    return self.scan_record(false).map(Some);
                }
                Top::Array { expect } => {
                    match b {
                        b']' => {
                            self.take_byte();
                            self.top = Top::Stream;
                            if expect == Expect::Element {
                                let msg = "trailing comma before ']': expected another payload after the ','"
                                    .to_string();
                                return Ok(Some(Item::Fault(self.fault(self.last_comma, msg))));
                            }
                        }
                        b',' => {
                            let at = self.position_at(self.offset());
                            self.take_byte();
                            self.last_comma = at;
                            if expect == Expect::Separator {
                                self.top = Top::Array {
                                    expect: Expect::Element,
                                };
                            } else {
                                return Ok(Some(Item::Fault(self.fault(
                                at,
                                "unexpected ',' in the array of payloads: expected a payload"
                                    .to_string(),
                            ))));
                            }
                        }
                        _ => {
                            if expect == Expect::Separator {
                                // Report the missing comma, then read the element on the next call.
                                let at = self.position_at(self.offset());
                                self.top = Top::Array {
                                    expect: Expect::Element,
                                };
                                return Ok(Some(Item::Fault(self.fault(
                                at,
                                "expected ',' or ']' after the previous payload in the array"
                                    .to_string(),
                            ))));
                            }
                            return self.scan_record(true).map(Some);
                        }
                    }
                }
            }
        }
    }

    fn fault(&mut self, at: Position, message: String) -> StreamFault {
        let origin = Origin {
            source: self.source.clone(),
            position: at,
            index: self.index,
        };
        self.index += 1;
        StreamFault { origin, message }
    }

    /// Detects UTF-16 and skips a UTF-8 byte-order mark, at the start of the source.
    fn check_encoding(&mut self) -> io::Result<Option<StreamFault>> {
        // Look at up to 512 bytes: enough for a signature, a byte-order mark or a telling NUL.
        while self.end < 512 && !self.eof {
            self.refill(0)?;
        }
        let head = &self.buf[..self.end];
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            self.pos = 3;
            self.anchor = 3;
            self.line_start = 3;
            return Ok(None);
        }
        let utf16 = if head.starts_with(&[0xFF, 0xFE]) {
            Some("UTF-16LE (byte-order mark FF FE)")
        } else if head.starts_with(&[0xFE, 0xFF]) {
            Some("UTF-16BE (byte-order mark FE FF)")
        } else if head.len() >= 4 && head[0] != 0 && head[1] == 0 && head[3] == 0 {
            Some("UTF-16LE (every other byte is NUL)")
        } else if head.len() >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 {
            Some("UTF-16BE (every other byte is NUL)")
        } else {
            None
        };
        if let Some(enc) = utf16 {
            let msg = format!(
                "the input is encoded as {enc}; hlmsg reads UTF-8 JSON (convert it first, e.g. `iconv -f UTF-16 -t UTF-8`)"
            );
            return Ok(Some(self.fault(Position::new(1, 1), msg)));
        }
        let binary = binary_kind(head);
        Ok(binary.map(|kind| {
            let msg = format!("the input is binary ({kind}), not JSON text");
            self.fault(Position::new(1, 1), msg)
        }))
    }

    fn take_byte(&mut self) {
        self.pos += 1;
        self.blank_line = false;
    }

    fn newline_at(&mut self, abs: u64) {
        self.line += 1;
        self.line_start = abs + 1;
        self.anchor = abs + 1;
        self.anchor_chars = 0;
        self.blank_line = true;
    }

    /// Skips whitespace; returns false at the end of the input.
    fn skip_blanks(&mut self) -> io::Result<bool> {
        loop {
            while self.pos < self.end {
                match self.buf[self.pos] {
                    b'\n' => {
                        let abs = self.offset();
                        self.newline_at(abs);
                        self.pos += 1;
                    }
                    b' ' | b'\t' | b'\r' => self.pos += 1,
                    // A byte-order mark between payloads (files concatenated with `cat`).
                    0xEF if self.buf[self.pos..self.end].starts_with(&[0xEF, 0xBB, 0xBF]) => {
                        self.pos += 3;
                    }
                    0xEF if self.end - self.pos >= 3 || self.eof => return Ok(true),
                    0xEF => break,
                    _ => return Ok(true),
                }
            }
            if self.eof {
                return Ok(self.pos < self.end);
            }
            self.refill(self.pos)?;
        }
    }

    /// The position of absolute offset `abs`, which must be on the current line, at or after the
    /// column anchor, and still in the buffer.
    fn position_at(&mut self, abs: u64) -> Position {
        debug_assert!(abs >= self.anchor && abs >= self.base);
        let from = (self.anchor - self.base) as usize;
        let to = (abs - self.base) as usize;
        self.anchor_chars += count_chars(&self.buf[from..to]);
        self.anchor = abs;
        Position::new(self.line, self.anchor_chars + 1)
    }

    /// Moves `buf[keep..end]` to the front and reads more input. Returns false at the end of the
    /// input.
    fn refill(&mut self, keep: usize) -> io::Result<bool> {
        if keep > 0 {
            // Count the characters of the current line that are about to leave the buffer.
            let keep_abs = self.base + keep as u64;
            if self.anchor < keep_abs {
                let from = (self.anchor.max(self.base) - self.base) as usize;
                self.anchor_chars += count_chars(&self.buf[from..keep]);
                self.anchor = keep_abs;
            }
            self.buf.copy_within(keep..self.end, 0);
            self.end -= keep;
            self.pos -= keep;
            self.base = keep_abs;
        }
        if self.buf.len() - self.end < self.buf.len() / 4 {
            let grown = self.buf.len() * 2;
            self.buf.resize(grown, 0);
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Err(e);
                }
            }
        }
    }

    /// Scans one record starting at `pos` (not a blank).
    fn scan_record(&mut self, in_array: bool) -> io::Result<Item<'_>> {
        let start_abs = self.offset();
        let start = self.position_at(start_abs);
        let first = self.buf[self.pos];
        let mut kind = match first {
            b'{' | b'[' => Kind::Nested,
            b'"' => Kind::Str,
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => Kind::Scalar,
            _ => Kind::Garbage,
        };
        // The record's bytes are kept from `keep_abs` on; once the record outgrows the limit they
        // are dropped as they are scanned.
        let mut oversized = false;
        let mut depth: u64 = 0;
        let mut deepest: u64 = 0;
        let mut members: u32 = 0;
        let mut in_string = false;
        let mut escaped = false;
        // After a line break inside a string: skipping to the next payload start.
        let mut seeking = false;
        let mut truncated = false;
        // The last byte outside strings and blanks: after `[`, `,` or `:` a value may start on
        // a new line in valid JSON, so a `{` there is not proof of truncation.
        let mut last_sig = first;
        // Whether the record's first line holds more than its opening bracket, as a compact
        // (NDJSON) line does; a pretty-printer leaves `{` alone on it.
        let mut compact = false;
        if kind == Kind::Str {
            in_string = true;
            self.take_byte();
        }

        'scan: loop {
            while self.pos < self.end {
                if in_string {
                    if escaped {
                        escaped = false;
                        // A line break right after a backslash still cuts the string; let the
                        // search below see it.
                        if self.buf[self.pos] != b'\n' {
                            self.pos += 1;
                        }
                        continue;
                    }
                    let hay = &self.buf[self.pos..self.end];
                    match memchr::memchr3(b'"', b'\\', b'\n', hay) {
                        None => self.pos = self.end,
                        Some(i) => {
                            let at = self.pos + i;
                            match self.buf[at] {
                                b'\\' => {
                                    escaped = true;
                                    self.pos = at + 1;
                                }
                                b'"' => {
                                    in_string = false;
                                    last_sig = b'"';
                                    self.pos = at + 1;
                                    if depth == 0 {
                                        break 'scan;
                                    }
                                }
                                _ => {
                                    // A raw line break inside a string: the string was cut.
                                    in_string = false;
                                    truncated = true;
                                    seeking = true;
                                    self.pos = at + 1;
                                    let abs = self.offset() - 1;
                                    self.newline_at(abs);
                                }
                            }
                        }
                    }
                    continue;
                }
                let b = self.buf[self.pos];
                match kind {
                    Kind::Scalar | Kind::Garbage => {
                        let stop = match b {
                            b'\n' => true,
                            b' ' | b'\t' | b'\r' => kind == Kind::Scalar,
                            b',' | b']' => kind == Kind::Scalar || in_array,
                            b'{' | b'[' | b'}' | b'"' => {
                                kind == Kind::Scalar || (b != b'}' && b != b'"')
                            }
                            _ => false,
                        };
                        if stop && self.offset() > start_abs {
                            // Once oversized, the token's start has left the buffer.
                            if kind == Kind::Garbage
                                || oversized
                                || looks_like_scalar(
                                    &self.buf[(start_abs - self.base) as usize..self.pos],
                                )
                            {
                                break 'scan;
                            }
                            // Not a number or literal after all (`trailing words`): read the
                            // rest as garbage, then look at this byte again.
                            kind = Kind::Garbage;
                            continue;
                        }
                        self.take_byte();
                    }
                    Kind::Nested | Kind::Str => {
                        let may_continue = !seeking
                            && !compact
                            && self.line_mode != Some(true)
                            && matches!(last_sig, b'[' | b',' | b':');
                        if (seeking || depth > 0)
                            && (b == b'{' || (b == b'[' && !in_array))
                            && self.blank_line
                            && self.offset() > start_abs
                            && self.offset() - self.line_start < start.column
                            && !may_continue
                        {
                            // A payload starts here: the open record was truncated.
                            truncated = true;
                            break 'scan;
                        }
                        if !matches!(b, b'\n' | b' ' | b'\t' | b'\r') {
                            last_sig = b;
                            if self.line == start.line && self.offset() > start_abs {
                                compact = true;
                            }
                        }
                        match b {
                            b'\n' => {
                                let abs = self.offset();
                                self.newline_at(abs);
                                self.pos += 1;
                            }
                            b' ' | b'\t' | b'\r' => self.pos += 1,
                            _ if seeking => self.take_byte(),
                            b':' if depth == 1 => {
                                members = members.saturating_add(1);
                                self.take_byte();
                            }
                            b'"' => {
                                in_string = true;
                                self.take_byte();
                            }
                            b'{' | b'[' => {
                                depth += 1;
                                deepest = deepest.max(depth);
                                self.take_byte();
                            }
                            b'}' | b']' => {
                                self.take_byte();
                                depth = depth.saturating_sub(1);
                                if depth == 0 {
                                    break 'scan;
                                }
                            }
                            _ => self.take_byte(),
                        }
                    }
                }
            }
            // Out of data: keep the record (or, once it is too large, only the scan position).
            let size = self.offset() - start_abs;
            if size > self.max_payload {
                oversized = true;
            }
            if self.eof {
                if kind == Kind::Nested || kind == Kind::Str {
                    truncated = true;
                }
                break 'scan;
            }
            let keep = if oversized {
                self.pos
            } else {
                (start_abs - self.base) as usize
            };
            // At the end of the input the next pass closes the record.
            self.refill(keep)?;
        }

        // Every exit from the scan leaves `pos` just past the record.
        let end_abs = self.offset();
        let size = end_abs - start_abs;
        let status = if oversized || size > self.max_payload {
            RecordStatus::TooLarge {
                size,
                limit: self.max_payload,
            }
        } else if deepest > self.max_depth {
            RecordStatus::TooDeep {
                limit: self.max_depth,
            }
        } else if truncated {
            let more = self.pos < self.end || !self.eof;
            RecordStatus::Truncated {
                resumed_at: more.then_some(self.line),
            }
        } else {
            RecordStatus::Complete
        };
        if self.line_mode.is_none() && status == RecordStatus::Complete && kind == Kind::Nested {
            let from = (start_abs - self.base) as usize;
            let to = (end_abs - self.base) as usize;
            self.line_mode = Some(memchr::memchr(b'\n', &self.buf[from..to]).is_none());
        }
        if let Top::Array { .. } = self.top {
            self.top = Top::Array {
                expect: if truncated {
                    Expect::Element
                } else {
                    Expect::Separator
                },
            };
        }
        let origin = Origin {
            source: self.source.clone(),
            position: start,
            index: self.index,
        };
        self.index += 1;
        let bytes = match status {
            RecordStatus::TooLarge { .. } => &[][..],
            _ => {
                let from = (start_abs - self.base) as usize;
                let to = (end_abs - self.base) as usize;
                &self.buf[from..to]
            }
        };
        Ok(Item::Record(Record {
            origin,
            bytes,
            status,
            delivery: None,
            deep: deepest > DEFAULT_MAX_DEPTH,
            members: (first == b'{').then_some(members),
        }))
    }
}

mod http;

/// What a file that starts with `head` is, when it is binary: a known file type by its
/// signature, or any data with NUL bytes (which JSON text never holds raw).
fn binary_kind(head: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (
            b"\x1f\x8b",
            "gzip-compressed data; decompress it first, e.g. with zcat",
        ),
        (
            b"\x28\xb5\x2f\xfd",
            "zstd-compressed data; decompress it first, e.g. with zstdcat",
        ),
        (
            b"BZh",
            "bzip2-compressed data; decompress it first, e.g. with bzcat",
        ),
        (
            b"\xfd7zXZ\x00",
            "xz-compressed data; decompress it first, e.g. with xzcat",
        ),
        (b"\x7fELF", "an executable"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| head.starts_with(sig)) {
        return Some(kind);
    }
    memchr::memchr(0, head).map(|_| "it holds NUL bytes")
}

/// Whether a token can be a JSON number or literal (it may still be an invalid number).
fn looks_like_scalar(token: &[u8]) -> bool {
    matches!(token, b"true" | b"false" | b"null")
        || token
            .iter()
            .all(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
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
mod tests {
    use super::*;

    /// Reads everything, returning (line, column, text-or-fault, status) per item.
    fn split_with(input: &[u8], max: u64, chunk: usize) -> Vec<(u64, u64, String, String)> {
        let mut r = Reader::new(Arc::from("t"), Chunked(input, chunk)).with_max_payload(max);
        let mut out = Vec::new();
        while let Some(item) = r.next().unwrap() {
            out.push(match item {
                Item::Record(rec) => (
                    rec.origin.position.line,
                    rec.origin.position.column,
                    String::from_utf8_lossy(rec.bytes).into_owned(),
                    format!("{:?}", rec.status),
                ),
                Item::Fault(f) => (
                    f.origin.position.line,
                    f.origin.position.column,
                    f.message,
                    "fault".into(),
                ),
            });
        }
        out
    }

    fn split(input: &str) -> Vec<(u64, u64, String, String)> {
        let whole = split_with(input.as_bytes(), DEFAULT_MAX_PAYLOAD_BYTES, usize::MAX);
        // Reading one byte at a time must give the same result.
        let bytewise = split_with(input.as_bytes(), DEFAULT_MAX_PAYLOAD_BYTES, 1);
        assert_eq!(whole, bytewise, "chunking changed the result for {input:?}");
        whole
    }

    fn texts(input: &str) -> Vec<String> {
        split(input).into_iter().map(|r| r.2).collect()
    }

    const OK: &str = "Complete";

    #[test]
    fn single_pretty_object() {
        let r = split("{\n  \"a\": {\n    \"b\": [1, 2]\n  }\n}\n");
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].0, r[0].1), (1, 1));
        assert_eq!(r[0].3, OK);
    }

    #[test]
    fn ndjson_with_positions_and_crlf() {
        let r = split("{\"a\":1}\r\n\r\n{\"b\":\"x}\"}\r\n  {\"c\":3}");
        let pos: Vec<_> = r.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(pos, vec![(1, 1), (3, 1), (4, 3)]);
        assert_eq!(r[1].2, "{\"b\":\"x}\"}");
        assert!(r.iter().all(|x| x.3 == OK));
    }

    #[test]
    fn concatenated_values_on_one_line() {
        assert_eq!(
            texts("{\"a\":1}{\"b\":2} {\"c\":[3]}"),
            vec!["{\"a\":1}", "{\"b\":2}", "{\"c\":[3]}"]
        );
    }

    #[test]
    fn array_of_payloads_is_split_into_elements() {
        let r = split("[\n  {\"a\":1},\n  {\"b\":\"]\"}\n]\n");
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].0, r[0].1, r[0].2.as_str()), (2, 3, "{\"a\":1}"));
        assert_eq!((r[1].0, r[1].1, r[1].2.as_str()), (3, 3, "{\"b\":\"]\"}"));
    }

    #[test]
    fn every_top_level_array_holds_entries() {
        assert_eq!(texts("[1, 2]"), vec!["1", "2"]);
        assert_eq!(texts("[[1], {\"a\":1}]"), vec!["[1]", "{\"a\":1}"]);
    }

    #[test]
    fn mixed_array_elements_each_become_records() {
        assert_eq!(
            texts("[{\"a\":1}, 5, \"x\"]"),
            vec!["{\"a\":1}", "5", "\"x\""]
        );
    }

    #[test]
    fn empty_input_and_empty_array() {
        assert!(split("").is_empty());
        assert!(split("  \n\t ").is_empty());
        assert!(split("[]").is_empty());
        assert!(split("[ \n ]").is_empty());
    }

    #[test]
    fn empty_sources_can_be_reported() {
        for (input, what) in [
            ("", "empty input"),
            (" \n", "only blanks"),
            ("\u{feff}", "only blanks"),
        ] {
            let mut r = Reader::new(Arc::from("t"), input.as_bytes()).require_entry(true);
            match r.next().unwrap() {
                Some(Item::Fault(f)) => {
                    assert!(f.message.contains(what), "{input:?}: {}", f.message)
                }
                other => panic!("{input:?}: {other:?}"),
            }
            assert!(r.next().unwrap().is_none());
        }
        let mut r = Reader::new(Arc::from("t"), &b"[]"[..]).require_entry(true);
        assert!(matches!(r.next().unwrap(), Some(Item::Fault(_))));
    }

    #[test]
    fn review_regressions() {
        // A number or text longer than the limit does not panic.
        let long = format!("{}\n{{\"a\":1}}", "9".repeat(300));
        for chunk in [1, 7, 64] {
            let r = split_with(long.as_bytes(), 100, chunk);
            assert!(r[0].3.starts_with("TooLarge"), "{r:?}");
            assert_eq!(r[1].2, "{\"a\":1}");
        }
        // A line break right after a backslash cuts the string, and lines stay counted.
        let r = split("{\"body\":\"a\\\n{\"b\":1}\n{\"c\":2}\n");
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!((r[1].0, r[1].2.as_str()), (2, "{\"b\":1}"));
        assert_eq!(r[2].0, 3);
        // Nested objects at column 1 in valid JSON (indent=0) stay in their payload.
        let r =
            split("{\n\"a\": [\n{\n\"u\": 1\n},\n{\n\"v\": 2\n}\n],\n\"b\": {\n\"c\": 1\n}\n}\n");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].3, OK);
        // A byte-order mark between concatenated files is skipped.
        let r = split("{\"a\":1}\n\u{feff}{\"b\":2}");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!((r[1].0, r[1].1), (2, 2));
    }

    #[test]
    fn ndjson_truncated_after_a_comma_recovers() {
        // In NDJSON (known from the first line) a `{` at a line start always begins a payload.
        let r = split("{\"a\":1}\n{\"b\":[1,\n{\"c\":2}\n{\"d\":3}\n");
        let texts: Vec<&str> = r.iter().map(|x| x.2.as_str()).collect();
        assert_eq!(
            texts,
            ["{\"a\":1}", "{\"b\":[1,\n", "{\"c\":2}", "{\"d\":3}"]
        );
    }

    #[test]
    fn bom_is_skipped() {
        let r = split("\u{feff}{\"a\":1}");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].2, "{\"a\":1}");
        assert_eq!((r[0].0, r[0].1), (1, 1));
    }

    #[test]
    fn binary_files_are_named() {
        for (bytes, kind) in [
            (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "a PNG image"),
            (b"\x1f\x8b\x08\x00", "gzip"),
            (b"\0\0\0\0", "NUL bytes"),
        ] {
            let r = split_with(bytes, 100, usize::MAX);
            assert_eq!(r.len(), 1, "{r:?}");
            assert!(r[0].2.contains(kind), "{}", r[0].2);
        }
    }

    #[test]
    fn utf16_is_named() {
        let r = split_with(&[0xFF, 0xFE, b'{', 0, b'}', 0], 100, usize::MAX);
        assert_eq!(r.len(), 1);
        assert!(r[0].2.contains("UTF-16LE"), "{}", r[0].2);
        let r = split_with(&[b'{', 0, b'}', 0], 100, usize::MAX);
        assert!(r[0].2.contains("UTF-16LE"), "{}", r[0].2);
    }

    #[test]
    fn truncated_ndjson_line_recovers_on_next_line() {
        let r = split("{\"a\":1,\"b\":[1,\n{\"c\":2}\n");
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].3, "Truncated { resumed_at: Some(2) }");
        assert_eq!(r[1].2, "{\"c\":2}");
        assert_eq!(r[1].3, OK);
    }

    #[test]
    fn line_break_inside_string_recovers_at_next_payload() {
        let r = split("{\"a\":\"cut\n  \"more\": 1\n}\n{\"c\":2}\n");
        assert_eq!(r.len(), 2);
        assert!(r[0].3.starts_with("Truncated"), "{:?}", r[0]);
        assert_eq!((r[1].0, r[1].2.as_str()), (4, "{\"c\":2}"));
    }

    #[test]
    fn truncated_at_end_of_input() {
        let r = split("{\"a\":1}\n{\"b\":");
        assert_eq!(r[1].3, "Truncated { resumed_at: None }");
        let r = split("\"abc");
        assert_eq!(r[0].3, "Truncated { resumed_at: None }");
    }

    #[test]
    fn nested_objects_at_deeper_columns_do_not_split() {
        let input = "{\n  \"x\": [\n    {\"a\": 1},\n    {\"b\": 2}\n  ]\n}\n{\n  \"y\": 1\n}\n";
        let r = split(input);
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|x| x.3 == OK));
        assert_eq!((r[1].0, r[1].1), (7, 1));
    }

    #[test]
    fn garbage_is_one_record_per_run() {
        let r = texts("{\"a\":1} trailing words\n{\"b\":2}");
        assert_eq!(r, vec!["{\"a\":1}", "trailing words", "{\"b\":2}"]);
        let r = texts("{\"a\":1},{\"b\":2}");
        assert_eq!(r, vec!["{\"a\":1}", ",", "{\"b\":2}"]);
    }

    #[test]
    fn scalars_end_at_delimiters() {
        assert_eq!(texts("42 true\nnull"), vec!["42", "true", "null"]);
    }

    #[test]
    fn array_faults() {
        let r = split("[{\"a\":1},]");
        assert_eq!(r.len(), 2);
        assert!(r[1].2.contains("trailing comma"), "{}", r[1].2);
        assert_eq!((r[1].0, r[1].1), (1, 9));
        let r = split("[{\"a\":1} {\"b\":2}]");
        assert_eq!(r.len(), 3);
        assert!(r[1].2.contains("expected ','"), "{}", r[1].2);
        assert_eq!(r[2].2, "{\"b\":2}");
        let r = split("[{\"a\":1},\n");
        assert!(r[1].2.contains("unterminated array"), "{}", r[1].2);
        assert_eq!((r[1].0, r[1].1), (1, 1));
        let r = split("[,{\"a\":1}]");
        assert!(r[0].2.contains("unexpected ','"), "{}", r[0].2);
        assert_eq!(r[1].2, "{\"a\":1}");
    }

    #[test]
    fn columns_count_characters() {
        let r = split("{\"é\":1} {\"b\":2}");
        assert_eq!((r[1].0, r[1].1), (1, 9));
    }

    #[test]
    fn too_large_records_are_skipped_not_kept() {
        let big = format!("{{\"a\":\"{}\"}}\n{{\"b\":1}}\n", "x".repeat(1000));
        for chunk in [1, 7, usize::MAX] {
            let r = split_with(big.as_bytes(), 100, chunk);
            assert_eq!(r.len(), 2);
            assert_eq!(r[0].3, "TooLarge { size: 1008, limit: 100 }");
            assert_eq!(r[0].2, "");
            assert_eq!((r[1].0, r[1].2.as_str()), (2, "{\"b\":1}"));
        }
    }

    #[test]
    fn escaped_quotes_and_backslashes() {
        assert_eq!(
            texts(r#"{"a":"x\"}\\"}{"b":1}"#),
            vec![r#"{"a":"x\"}\\"}"#, r#"{"b":1}"#]
        );
    }

    #[test]
    fn indices_count_every_entry() {
        let mut r = Reader::new(Arc::from("t"), &b"{} x {}"[..]);
        let mut idx = Vec::new();
        while let Some(item) = r.next().unwrap() {
            idx.push(match item {
                Item::Record(rec) => rec.origin.index,
                Item::Fault(f) => f.origin.index,
            });
        }
        assert_eq!(idx, vec![0, 1, 2]);
    }
}

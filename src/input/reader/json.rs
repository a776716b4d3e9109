//! The JSON stream framing: where each payload of a JSON source begins and ends.
//!
//! A source may hold one value, a top-level array of payloads, NDJSON, or concatenated values,
//! possibly pretty-printed. [`JsonFraming::step`] handles what lies between payloads (the
//! brackets and commas of a top-level array); [`JsonFraming::scan_record`] finds the end of one
//! value by tracking only strings and bracket depth, and cuts a broken value short where the
//! next payload visibly begins (see the parent module's documentation).

use std::io::{self, Read};

use super::record::{Entries, Item, Record, RecordStatus, StreamFault};
use super::window::Window;
use super::{DEFAULT_MAX_DEPTH, Limits};
use crate::model::origin::Position;

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

/// What comes next in the stream, after [`JsonFraming::step`].
pub(super) enum Step {
    /// Punctuation was consumed: skip blanks and step again.
    Again,
    /// A structural problem, already consumed.
    Fault(StreamFault),
    /// A value starts at the scan position: call [`JsonFraming::scan_record`].
    Record,
}

/// The state of a JSON source between payloads.
pub(super) struct JsonFraming {
    top: Top,
    /// Position of the last `,` inside an array, for a trailing-comma message.
    last_comma: Position,
    /// Whether payloads come one per line (NDJSON): from the file name, else from the first
    /// complete payload. Then a `{` at the start of a line always begins a new payload.
    line_mode: Option<bool>,
    /// Where the open top-level array of payloads began.
    array_open: Position,
}

impl JsonFraming {
    /// A framing at the start of a source; `line_mode` is known from its name, if at all.
    pub(super) fn new(line_mode: Option<bool>) -> Self {
        JsonFraming {
            top: Top::Stream,
            last_comma: Position::new(1, 1),
            line_mode,
            array_open: Position::new(1, 1),
        }
    }

    /// Looks at the byte at the scan position (not a blank): consumes the punctuation of a
    /// top-level array, or says that a value starts there.
    pub(super) fn step<R: Read>(&mut self, win: &mut Window<R>, entries: &mut Entries) -> Step {
        let b = win.peek();
        match self.top {
            Top::Stream if b == b'[' => {
                self.array_open = win.position();
                win.take_byte();
                self.top = Top::Array {
                    expect: Expect::FirstElement,
                };
                Step::Again
            }
            Top::Stream => Step::Record,
            Top::Array { expect } => self.array_step(win, entries, b, expect),
        }
    }

    /// [`Self::step`] inside a top-level array.
    fn array_step<R: Read>(
        &mut self,
        win: &mut Window<R>,
        entries: &mut Entries,
        b: u8,
        expect: Expect,
    ) -> Step {
        match b {
            b']' => {
                win.take_byte();
                self.top = Top::Stream;
                if expect == Expect::Element {
                    let msg =
                        "trailing comma before ']': expected another payload after the ','".into();
                    return Step::Fault(entries.fault(self.last_comma, msg));
                }
                Step::Again
            }
            b',' => {
                let at = win.position();
                win.take_byte();
                self.last_comma = at;
                if expect != Expect::Separator {
                    let msg = "unexpected ',' in the array of payloads: expected a payload".into();
                    return Step::Fault(entries.fault(at, msg));
                }
                self.top = Top::Array {
                    expect: Expect::Element,
                };
                Step::Again
            }
            _ if expect == Expect::Separator => {
                // Report the missing comma, then read the element on the next call.
                let at = win.position();
                self.top = Top::Array {
                    expect: Expect::Element,
                };
                let msg = "expected ',' or ']' after the previous payload in the array".into();
                Step::Fault(entries.fault(at, msg))
            }
            _ => Step::Record,
        }
    }

    /// At the end of the input: the fault for a top-level array that is still open.
    pub(super) fn finish(&mut self, entries: &mut Entries) -> Option<StreamFault> {
        if let Top::Array { .. } = self.top {
            self.top = Top::Stream;
            let msg = "unterminated array of payloads (it opens here): expected ']' before the end of the input";
            return Some(entries.fault(self.array_open, msg.to_string()));
        }
        None
    }

    /// Scans one record starting at the scan position (not a blank), and moves just past it.
    pub(super) fn scan_record<'a, R: Read>(
        &mut self,
        win: &'a mut Window<R>,
        entries: &mut Entries,
        limits: Limits,
    ) -> io::Result<Item<'a>> {
        let in_array = matches!(self.top, Top::Array { .. });
        let mut scan = Scan::begin(win, in_array, self.line_mode == Some(true));
        scan.run(win, limits.max_payload)?;

        // Every exit from the scan leaves the window just past the record.
        let end_abs = win.offset();
        let status = scan.status(win, end_abs, limits);
        if self.line_mode.is_none() && status == RecordStatus::Complete && scan.kind == Kind::Nested
        {
            let bytes = win.slice(scan.start_abs, end_abs);
            self.line_mode = Some(memchr::memchr(b'\n', bytes).is_none());
        }
        if in_array {
            self.top = Top::Array {
                expect: if scan.truncated {
                    Expect::Element
                } else {
                    Expect::Separator
                },
            };
        }
        let origin = entries.origin(scan.start);
        let bytes = match status {
            RecordStatus::TooLarge { .. } => &[][..],
            _ => win.slice(scan.start_abs, end_abs),
        };
        Ok(Item::Record(Record {
            origin,
            bytes,
            status,
            delivery: None,
            deep: scan.deepest > DEFAULT_MAX_DEPTH,
            members: (scan.first == b'{').then_some(scan.members),
        }))
    }
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

/// The scan of one record: what has been seen of it so far.
struct Scan {
    /// Absolute offset and position of the record's first byte.
    start_abs: u64,
    start: Position,
    first: u8,
    kind: Kind,
    /// Whether the record is an element of a top-level array.
    in_array: bool,
    /// Whether the source is known to hold one payload per line.
    line_mode: bool,
    /// Whether the record outgrew the size limit; its bytes are then dropped as they are
    /// scanned.
    oversized: bool,
    depth: u64,
    deepest: u64,
    members: u32,
    in_string: bool,
    escaped: bool,
    /// After a line break inside a string: skipping to the next payload start.
    seeking: bool,
    truncated: bool,
    /// The last byte outside strings and blanks: after `[`, `,` or `:` a value may start on a
    /// new line in valid JSON, so a `{` there is not proof of truncation.
    last_sig: u8,
    /// Whether the record's first line holds more than its opening bracket, as a compact
    /// (NDJSON) line does; a pretty-printer leaves `{` alone on it.
    compact: bool,
}

impl Scan {
    /// Starts the scan of the record at the scan position.
    fn begin<R: Read>(win: &mut Window<R>, in_array: bool, line_mode: bool) -> Scan {
        let start_abs = win.offset();
        let start = win.position_at(start_abs);
        let first = win.peek();
        let kind = match first {
            b'{' | b'[' => Kind::Nested,
            b'"' => Kind::Str,
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => Kind::Scalar,
            _ => Kind::Garbage,
        };
        let in_string = kind == Kind::Str;
        if in_string {
            win.take_byte();
        }
        Scan {
            start_abs,
            start,
            first,
            kind,
            in_array,
            line_mode,
            oversized: false,
            depth: 0,
            deepest: 0,
            members: 0,
            in_string,
            escaped: false,
            seeking: false,
            truncated: false,
            last_sig: first,
            compact: false,
        }
    }

    /// Scans to the end of the record, reading more input as needed.
    fn run<R: Read>(&mut self, win: &mut Window<R>, max_payload: u64) -> io::Result<()> {
        loop {
            while win.has_data() {
                let end = if self.in_string {
                    self.string(win)
                } else if matches!(self.kind, Kind::Nested | Kind::Str) {
                    self.nested(win)
                } else {
                    self.token(win)
                };
                if end {
                    return Ok(());
                }
            }
            // Out of data: keep the record (or, once it is too large, only the scan position).
            if win.offset() - self.start_abs > max_payload {
                self.oversized = true;
            }
            if win.eof() {
                if matches!(self.kind, Kind::Nested | Kind::Str) {
                    self.truncated = true;
                }
                return Ok(());
            }
            let keep = if self.oversized {
                win.offset()
            } else {
                self.start_abs
            };
            // At the end of the input the next pass closes the record.
            win.refill(keep)?;
        }
    }

    /// Scans inside a string, up to its end or the end of the buffer. Returns whether the record
    /// ended.
    #[inline(always)]
    fn string<R: Read>(&mut self, win: &mut Window<R>) -> bool {
        if self.escaped {
            self.escaped = false;
            // A line break right after a backslash still cuts the string; let the search below
            // see it.
            if win.peek() != b'\n' {
                win.skip(1);
            }
            return false;
        }
        let hay = win.ahead();
        match memchr::memchr3(b'"', b'\\', b'\n', hay) {
            None => {
                let n = hay.len();
                win.skip(n);
            }
            Some(i) => match hay[i] {
                b'\\' => {
                    self.escaped = true;
                    win.skip(i + 1);
                }
                b'"' => {
                    self.in_string = false;
                    self.last_sig = b'"';
                    win.skip(i + 1);
                    return self.depth == 0;
                }
                _ => {
                    // A raw line break inside a string: the string was cut.
                    self.in_string = false;
                    self.truncated = true;
                    self.seeking = true;
                    win.skip(i);
                    win.take_newline();
                }
            },
        }
        false
    }

    /// Scans one byte of a number, literal or garbage. Returns whether the record ended.
    #[inline(always)]
    fn token<R: Read>(&mut self, win: &mut Window<R>) -> bool {
        let b = win.peek();
        let scalar = self.kind == Kind::Scalar;
        let stop = match b {
            b'\n' => true,
            b' ' | b'\t' | b'\r' => scalar,
            b',' | b']' => scalar || self.in_array,
            b'{' | b'[' | b'}' | b'"' => scalar || (b != b'}' && b != b'"'),
            _ => false,
        };
        if stop && win.offset() > self.start_abs {
            // Once oversized, the token's start has left the buffer.
            if !scalar || self.oversized || looks_like_scalar(win.since(self.start_abs)) {
                return true;
            }
            // Not a number or literal after all (`trailing words`): read the rest as garbage,
            // then look at this byte again.
            self.kind = Kind::Garbage;
            return false;
        }
        win.take_byte();
        false
    }

    /// Scans one byte of an object or array outside strings (or, after a cut string, of the
    /// lines skipped). Returns whether the record ended.
    #[inline(always)]
    fn nested<R: Read>(&mut self, win: &mut Window<R>) -> bool {
        let b = win.peek();
        if self.payload_starts(win, b) {
            // A payload starts here: the open record was truncated.
            self.truncated = true;
            return true;
        }
        if !matches!(b, b'\n' | b' ' | b'\t' | b'\r') {
            self.last_sig = b;
            if win.line() == self.start.line && win.offset() > self.start_abs {
                self.compact = true;
            }
        }
        match b {
            b'\n' => win.take_newline(),
            b' ' | b'\t' | b'\r' => win.skip(1),
            _ if self.seeking => win.take_byte(),
            b':' if self.depth == 1 => {
                self.members = self.members.saturating_add(1);
                win.take_byte();
            }
            b'"' => {
                self.in_string = true;
                win.take_byte();
            }
            b'{' | b'[' => {
                self.depth += 1;
                self.deepest = self.deepest.max(self.depth);
                win.take_byte();
            }
            b'}' | b']' => {
                win.take_byte();
                self.depth = self.depth.saturating_sub(1);
                return self.depth == 0;
            }
            _ => win.take_byte(),
        }
        false
    }

    /// Whether `b`, at the scan position, begins the next payload while this record is still
    /// open: a `{` (or `[` outside an array of payloads) first on its line, at a column no
    /// greater than the record's, where valid JSON could not continue the record.
    #[inline(always)]
    fn payload_starts<R: Read>(&self, win: &Window<R>, b: u8) -> bool {
        (self.seeking || self.depth > 0)
            && (b == b'{' || (b == b'[' && !self.in_array))
            && win.blank_line()
            && win.offset() > self.start_abs
            && win.offset() - win.line_start() < self.start.column
            && !self.may_continue()
    }

    /// Whether a value starting on a new line may belong to the record in valid JSON.
    #[inline(always)]
    fn may_continue(&self) -> bool {
        !self.seeking
            && !self.compact
            && !self.line_mode
            && matches!(self.last_sig, b'[' | b',' | b':')
    }

    /// How the record ended, once the scan is at `end_abs`, just past it.
    fn status<R: Read>(&self, win: &Window<R>, end_abs: u64, limits: Limits) -> RecordStatus {
        let size = end_abs - self.start_abs;
        if self.oversized || size > limits.max_payload {
            RecordStatus::TooLarge {
                size,
                limit: limits.max_payload,
            }
        } else if self.deepest > limits.max_depth {
            RecordStatus::TooDeep {
                limit: limits.max_depth,
            }
        } else if self.truncated {
            let more = win.has_data() || !win.eof();
            RecordStatus::Truncated {
                resumed_at: more.then_some(win.line()),
            }
        } else {
            RecordStatus::Complete
        }
    }
}

/// Whether a token can be a JSON number or literal (it may still be an invalid number).
fn looks_like_scalar(token: &[u8]) -> bool {
    matches!(token, b"true" | b"false" | b"null")
        || token
            .iter()
            .all(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
}

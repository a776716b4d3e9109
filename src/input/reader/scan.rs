//! The scan of one record of a JSON source: where a value ends, found by tracking only strings
//! and bracket depth; where a broken value is cut short because the next payload visibly
//! begins; text glued after a value on its line; and blocks of lines that are not JSON.

use std::io::{self, Read};

use super::Limits;
use super::record::RecordStatus;
use super::window::Window;
use crate::model::origin::Position;

mod lane;

#[cfg(test)]
pub(super) use lane::BYTEWISE;
pub(super) use lane::bytewise;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
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
pub(super) struct Scan {
    /// Absolute offset and position of the record's first byte.
    pub(super) start_abs: u64,
    pub(super) start: Position,
    pub(super) first: u8,
    pub(super) kind: Kind,
    /// Whether the record is an element of a top-level array.
    pub(super) in_array: bool,
    /// Whether the source is known to hold one payload per line.
    pub(super) line_mode: bool,
    /// Whether the source's lines end with a lone carriage return (old Mac line ends): a raw
    /// one in a string then cuts it, as a line feed does.
    cr_lines: bool,
    /// Whether the record outgrew the size limit; its bytes are then dropped as they are
    /// scanned.
    pub(super) oversized: bool,
    pub(super) depth: u64,
    pub(super) deepest: u64,
    pub(super) members: u32,
    pub(super) in_string: bool,
    pub(super) escaped: bool,
    /// After a line break inside a string: skipping to the next payload start.
    pub(super) seeking: bool,
    pub(super) truncated: bool,
    /// The last byte outside strings and blanks: after `[`, `,` or `:` a value may start on a
    /// new line in valid JSON, so a `{` there is not proof of truncation.
    pub(super) last_sig: u8,
    /// Whether the record's first line holds more than its opening bracket, as a compact
    /// (NDJSON) line does; a pretty-printer leaves `{` alone on it.
    pub(super) compact: bool,
    /// After a closed object or array outside an array of payloads: looking at the rest of its
    /// line, where text glued on (`{...} "x"`, `{...} garbage`) is the payload's trailing
    /// garbage, as every JSON parser reads it.
    pub(super) tail: bool,
    /// In a block of text that is not JSON, at the start of a line: the block goes on unless
    /// the line starts a payload (`{`, `[`).
    pub(super) block_line: bool,
    /// Lines inside the open record that start with `{` without proving that a payload starts
    /// there: where the record is cut if it turns out broken (see `resync`).
    pub(super) candidates: Vec<Candidate>,
    /// Right after a carriage return (and blanks) with no line feed yet: in a file with old Mac
    /// line ends, a `{` there starts a line too.
    lone_cr: bool,
}

/// The most candidates a record notes; past them a broken record is not cut.
const MAX_CANDIDATES: usize = 4096;

/// A place inside an open record where a payload may start: a `{` first on its line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    /// Absolute offset of the `{`.
    pub(super) abs: u64,
    pub(super) position: Position,
    /// Absolute offset where its line starts, and whether only blanks come before it there.
    pub(super) line_start: u64,
    pub(super) blank_line: bool,
    /// The record's deepest nesting and its top-level members before it.
    pub(super) deepest: u64,
    pub(super) members: u32,
}

impl Scan {
    /// Starts the scan of the record at the scan position.
    pub(super) fn begin<R: Read>(
        win: &mut Window<R>,
        in_array: bool,
        line_mode: bool,
        cr_lines: bool,
    ) -> Scan {
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
            cr_lines,
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
            tail: false,
            block_line: false,
            candidates: Vec::new(),
            lone_cr: false,
        }
    }

    /// Scans to the end of the record, reading more input as needed.
    pub(super) fn run<R: Read>(&mut self, win: &mut Window<R>, max_payload: u64) -> io::Result<()> {
        loop {
            while win.has_data() {
                let end = if self.tail {
                    self.trailing(win)
                } else if self.in_string {
                    self.string(win)
                } else if matches!(self.kind, Kind::Nested | Kind::Str) {
                    self.nested(win)
                } else {
                    self.token(win)
                };
                if end {
                    if matches!(self.kind, Kind::Nested | Kind::Str | Kind::Scalar)
                        && !self.tail
                        && !self.in_array
                        && !self.truncated
                    {
                        // Closed: what follows on its line may still belong to it.
                        self.tail = true;
                        continue;
                    }
                    return Ok(());
                }
            }
            // Out of data: keep the record (or, once it is too large, only the scan position).
            if win.offset() - self.start_abs > max_payload {
                self.oversized = true;
            }
            if win.eof() {
                if matches!(self.kind, Kind::Nested | Kind::Str) && !self.tail {
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
        let line_end = if self.cr_lines { b'\r' } else { b'\n' };
        match memchr::memchr3(b'"', b'\\', line_end, hay) {
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
                    if line_end == b'\n' {
                        win.take_newline();
                    } else {
                        win.skip(1);
                        self.lone_cr = true;
                    }
                }
            },
        }
        false
    }

    /// Scans the rest of a closed record's line. Blanks are passed over; the line's end, the
    /// next payload (`{`, `[`) or punctuation of the stream ends the record there; anything
    /// else is glued on, and the record takes the line to its end. Returns whether it ended.
    #[inline(always)]
    fn trailing<R: Read>(&mut self, win: &mut Window<R>) -> bool {
        match win.peek() {
            b' ' | b'\t' if !self.seeking => {
                win.skip(1);
                false
            }
            b'\n' => true,
            // In glued text, a lone carriage return is text (the search below decides).
            b'\r' if !self.seeking || self.cr_lines => true,
            b'{' | b'[' | b'}' | b']' | b',' if !self.seeking => true,
            _ if self.kind == Kind::Scalar => {
                // `2025-09-01 ERROR ...`: not a number after all, but a line of text, and
                // maybe the first of a block.
                self.kind = Kind::Garbage;
                self.tail = false;
                false
            }
            _ => {
                // Glued text: taken up to the end of the line, wherever the buffer ends. A
                // carriage return ends it before a line feed, or where lines end so.
                self.seeking = true;
                let hay = win.ahead();
                let found = if self.cr_lines {
                    memchr::memchr2(b'\n', b'\r', hay)
                } else {
                    memchr::memchr(b'\n', hay)
                };
                match found {
                    Some(i) => {
                        let i = if i > 0 && hay[i - 1] == b'\r' {
                            i - 1
                        } else {
                            i
                        };
                        win.skip(i);
                        true
                    }
                    None => {
                        let n = hay.len();
                        win.skip(n);
                        false
                    }
                }
            }
        }
    }

    /// Scans one byte of a number, literal or garbage. Returns whether the record ended.
    /// Text that is not JSON (outside an array of payloads) runs on over the following lines,
    /// as one block, up to a line that starts a payload.
    #[inline(always)]
    fn token<R: Read>(&mut self, win: &mut Window<R>) -> bool {
        let b = win.peek();
        let scalar = self.kind == Kind::Scalar;
        let block = self.kind == Kind::Garbage && !self.in_array;
        if block && self.block_line {
            match b {
                b' ' | b'\t' | b'\r' => win.skip(1),
                b'\n' => win.take_newline(),
                b'{' | b'[' => return true,
                _ => {
                    self.block_line = false;
                    win.take_byte();
                }
            }
            return false;
        }
        if block && b == b'\n' {
            win.take_newline();
            self.block_line = true;
            return false;
        }
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
        if !self.seeking
            && !self.lone_cr
            && !win.blank_line()
            && !bytewise()
            && let Some(end) = self.within_line(win)
        {
            return end;
        }
        let b = win.peek();
        if self.payload_starts(win, b) {
            // A payload starts here: the open record was truncated.
            self.truncated = true;
            return true;
        }
        if b == b'{' {
            self.note_candidate(win);
        }
        // After a carriage return until a line feed or another byte: the lines may end there.
        match b {
            b'\r' => self.lone_cr = true,
            b' ' | b'\t' => {}
            _ => self.lone_cr = false,
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
            && (win.blank_line() || self.lone_cr_line())
            && win.offset() > self.start_abs
            && (win.offset() - win.line_start() < self.start.column
                || (self.line_mode && self.compact)
                || self.lone_cr_line())
            && !self.may_continue()
    }

    /// Whether the scan is at the start of a line ended by a lone carriage return, in a source
    /// known to end its lines so (elsewhere a stray one is a blank, and only a candidate).
    #[inline(always)]
    fn lone_cr_line(&self) -> bool {
        self.lone_cr && self.cr_lines
    }

    /// Notes a `{` first on its line (or after a lone carriage return) inside the open record.
    #[inline(always)]
    fn note_candidate<R: Read>(&mut self, win: &mut Window<R>) {
        if (self.depth > 0 || self.seeking)
            && !self.in_array
            && (win.blank_line() || self.lone_cr)
            && win.offset() > self.start_abs
            && self.candidates.len() < MAX_CANDIDATES
        {
            let candidate = Candidate {
                abs: win.offset(),
                position: win.position(),
                line_start: win.line_start(),
                blank_line: win.blank_line(),
                deepest: self.deepest,
                members: self.members,
            };
            self.candidates.push(candidate);
        }
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
    pub(super) fn status<R: Read>(
        &self,
        win: &mut Window<R>,
        end_abs: u64,
        limits: Limits,
    ) -> RecordStatus {
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
                resumed_at: more.then(|| win.position()),
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

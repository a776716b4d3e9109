//! The reader's one buffer over its source, shared by every framing.
//!
//! A [`Window`] owns the bytes read so far that are still needed, reads more on demand, and
//! knows where scanning stands: the consumed offset, and the line and column of that offset.
//! Framings move through it only with its methods, so that line counting and the bookkeeping of
//! bytes that leave the buffer stay in one place.
//!
//! Offsets given to and returned by a window are absolute (counted from the start of the
//! source), so that they stay valid when the buffer moves its contents to the front.

use std::io::{self, Read};

use crate::model::origin::{Position, count_chars};

/// The byte-order mark of UTF-8.
pub(super) const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// A buffer over a source with a scan position and line and column tracking.
pub(super) struct Window<R> {
    inner: R,
    buf: Vec<u8>,
    /// Absolute offset of `buf[0]` in the source.
    base: u64,
    /// Scan position in `buf`.
    pos: usize,
    /// End of valid data in `buf`.
    end: usize,
    eof: bool,
    /// Whether a read failed (which ends the source).
    failed: bool,
    /// Current line (of `pos`).
    line: u64,
    /// Absolute offset where the current line starts.
    line_start: u64,
    /// Only blanks so far on the current line, before `pos`.
    blank_line: bool,
    /// Characters of the current line before absolute offset `anchor` (for columns).
    anchor: u64,
    anchor_chars: u64,
    /// Between records: a carriage return was passed over and no line feed followed yet.
    cr_pending: bool,
    /// A carriage return with no line feed after it was seen between records.
    lone_cr: bool,
}

impl<R: Read> Window<R> {
    /// A window over `inner` with a buffer of `capacity` bytes to start with.
    pub(super) fn new(inner: R, capacity: usize) -> Self {
        Window {
            inner,
            buf: vec![0; capacity],
            base: 0,
            pos: 0,
            end: 0,
            eof: false,
            failed: false,
            line: 1,
            line_start: 0,
            blank_line: true,
            anchor: 0,
            anchor_chars: 0,
            cr_pending: false,
            lone_cr: false,
        }
    }

    /// Absolute offset of the scan position: the bytes consumed so far.
    #[inline]
    pub(super) fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// Whether unscanned bytes are in the buffer.
    #[inline]
    pub(super) fn has_data(&self) -> bool {
        self.pos < self.end
    }

    /// The byte at the scan position (there must be one).
    #[inline]
    pub(super) fn peek(&self) -> u8 {
        self.buf[self.pos]
    }

    /// The unscanned bytes in the buffer.
    #[inline]
    pub(super) fn ahead(&self) -> &[u8] {
        &self.buf[self.pos..self.end]
    }

    /// The bytes from absolute offset `from` (still in the buffer) up to `to`.
    #[inline]
    pub(super) fn slice(&self, from: u64, to: u64) -> &[u8] {
        &self.buf[(from - self.base) as usize..(to - self.base) as usize]
    }

    /// The bytes from absolute offset `from` (still in the buffer) up to the scan position.
    #[inline]
    pub(super) fn since(&self, from: u64) -> &[u8] {
        &self.buf[(from - self.base) as usize..self.pos]
    }

    /// Whether the source has no more bytes to read (some may still be in the buffer).
    #[inline]
    pub(super) fn eof(&self) -> bool {
        self.eof
    }

    /// Whether a read failed.
    pub(super) fn failed(&self) -> bool {
        self.failed
    }

    /// Whether the source's lines end with a lone carriage return, as far as seen between
    /// records.
    pub(super) fn lone_cr_seen(&self) -> bool {
        self.lone_cr
    }

    /// The line of the scan position.
    #[inline]
    pub(super) fn line(&self) -> u64 {
        self.line
    }

    /// Absolute offset where the current line starts.
    #[inline]
    pub(super) fn line_start(&self) -> u64 {
        self.line_start
    }

    /// Whether the current line holds only blanks before the scan position.
    #[inline]
    pub(super) fn blank_line(&self) -> bool {
        self.blank_line
    }

    /// Consumes one byte that is not a blank.
    #[inline]
    pub(super) fn take_byte(&mut self) {
        self.pos += 1;
        self.blank_line = false;
    }

    /// Consumes `n` bytes that hold no line break, leaving the line's blankness as it is.
    #[inline]
    pub(super) fn skip(&mut self, n: usize) {
        self.pos += n;
    }

    /// Consumes the line break at the scan position.
    #[inline]
    pub(super) fn take_newline(&mut self) {
        let abs = self.offset();
        self.line += 1;
        self.line_start = abs + 1;
        self.anchor = abs + 1;
        self.anchor_chars = 0;
        self.blank_line = true;
        self.pos += 1;
    }

    /// Consumes `n` bytes (all in the buffer), counting the lines among them.
    pub(super) fn advance(&mut self, n: usize) {
        let from = self.pos;
        let slice = &self.buf[from..from + n];
        let count = memchr::memchr_iter(b'\n', slice).count() as u64;
        if let Some(last) = memchr::memrchr(b'\n', slice) {
            self.pos = from + last;
            self.take_newline();
            self.line += count - 1;
        }
        self.pos = from + n;
        self.blank_line = self.offset() == self.line_start;
    }

    /// Consumes `n` bytes at the very start of the source as if they were not there (a
    /// byte-order mark): columns count from after them.
    pub(super) fn skip_leading(&mut self, n: usize) {
        debug_assert!(self.base == 0 && self.pos == 0 && n <= self.end);
        self.pos = n;
        self.anchor = n as u64;
        self.line_start = n as u64;
    }

    /// The position of absolute offset `abs`, which must be on the current line, at or after the
    /// last position asked for on it, and still in the buffer.
    pub(super) fn position_at(&mut self, abs: u64) -> Position {
        debug_assert!(abs >= self.anchor && abs >= self.base);
        let from = (self.anchor - self.base) as usize;
        let to = (abs - self.base) as usize;
        self.anchor_chars += count_chars(&self.buf[from..to]);
        self.anchor = abs;
        Position::new(self.line, self.anchor_chars + 1)
    }

    /// The position of the scan position.
    pub(super) fn position(&mut self) -> Position {
        self.position_at(self.offset())
    }

    /// Moves the scan position back to `to` (a place scanned before, still in the buffer, whose
    /// position and line start were noted then), so the bytes from there are scanned again.
    pub(super) fn rewind(&mut self, to: u64, at: Position, line_start: u64, blank_line: bool) {
        debug_assert!(to >= self.base && to <= self.offset());
        self.pos = (to - self.base) as usize;
        self.line = at.line;
        self.line_start = line_start;
        self.blank_line = blank_line;
        self.anchor = to;
        self.anchor_chars = at.column - 1;
    }

    /// Reads until the buffer holds the first `n` bytes of the source, or the source ends;
    /// returns them (fewer at the end).
    pub(super) fn fill_first(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.end < n && !self.eof {
            self.refill(self.base)?;
        }
        Ok(&self.buf[self.pos..self.end.min(n).max(self.pos)])
    }

    /// The head of the source that its encoding is judged on: its first `n` bytes, or less when
    /// a line break at or past byte 16 comes first (a stream of lines is judged on its first
    /// line, so that the next lines are read as they arrive). Reads only what that needs, and
    /// the head is the same however the bytes arrive.
    pub(super) fn fill_head(&mut self, n: usize) -> io::Result<&[u8]> {
        loop {
            let have = &self.buf[..self.end];
            let line = memchr::memchr_iter(b'\n', &have[..have.len().min(n)]).find(|&i| i >= 15);
            if let Some(i) = line {
                return Ok(&self.buf[self.pos..(i + 1).max(self.pos)]);
            }
            if self.end >= n || self.eof {
                return Ok(&self.buf[self.pos..self.end.min(n).max(self.pos)]);
            }
            self.refill(self.base)?;
        }
    }

    /// Reads more input, keeping the bytes from absolute offset `keep` (at most the scan
    /// position) on and dropping those before it. Returns false at the end of the input.
    pub(super) fn refill(&mut self, keep: u64) -> io::Result<bool> {
        debug_assert!(keep >= self.base && keep <= self.offset());
        let keep_at = (keep - self.base) as usize;
        if keep_at > 0 {
            // Count the characters of the current line that are about to leave the buffer.
            if self.anchor < keep {
                let from = (self.anchor.max(self.base) - self.base) as usize;
                self.anchor_chars += count_chars(&self.buf[from..keep_at]);
                self.anchor = keep;
            }
            self.buf.copy_within(keep_at..self.end, 0);
            self.end -= keep_at;
            self.pos -= keep_at;
            self.base = keep;
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
                    self.failed = true;
                    return Err(e);
                }
            }
        }
    }

    /// Skips whitespace, and byte-order marks between entries (files concatenated with `cat`);
    /// returns false at the end of the input.
    pub(super) fn skip_blanks(&mut self) -> io::Result<bool> {
        loop {
            while self.pos < self.end {
                match self.buf[self.pos] {
                    b'\n' => {
                        self.cr_pending = false;
                        self.take_newline();
                    }
                    b'\r' => {
                        self.cr_pending = true;
                        self.pos += 1;
                    }
                    b' ' | b'\t' => self.pos += 1,
                    0xEF if self.buf[self.pos..self.end].starts_with(BOM) => self.pos += 3,
                    0xEF if self.end - self.pos >= 3 || self.eof => {
                        self.lone_cr |= std::mem::take(&mut self.cr_pending);
                        return Ok(true);
                    }
                    0xEF => break,
                    _ => {
                        self.lone_cr |= std::mem::take(&mut self.cr_pending);
                        return Ok(true);
                    }
                }
            }
            if self.eof {
                return Ok(self.pos < self.end);
            }
            self.refill(self.offset())?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::reader::Chunked;

    #[test]
    fn columns_count_characters_that_left_the_buffer() {
        let text = "ééé{".as_bytes();
        let mut win = Window::new(Chunked(text, 2), 4096);
        // Consume the accented letters while dropping them from the buffer as they go.
        while win.refill(win.offset()).unwrap() {
            let n = win.ahead().len();
            if win.ahead().ends_with(b"{") {
                win.skip(n - 1);
                break;
            }
            win.skip(n);
        }
        assert_eq!(win.peek(), b'{');
        assert_eq!(win.position(), Position::new(1, 4));
    }

    #[test]
    fn advance_counts_lines_and_blankness() {
        let mut win = Window::new(&b"a\nb\n  c"[..], 4096);
        win.fill_head(64).unwrap();
        win.advance(6);
        assert_eq!(win.line(), 3);
        assert_eq!(win.line_start(), 4);
        assert!(!win.blank_line());
        assert_eq!(win.position(), Position::new(3, 3));
        assert_eq!(win.slice(2, 3), b"b");
        assert_eq!(win.since(4), b"  ");
    }
}

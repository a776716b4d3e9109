//! Where a payload, or a fault in the input, comes from: `source:line:column`.
//!
//! Lines and columns are 1-based. Columns count characters (Unicode scalar values), not bytes, so
//! they match what an editor shows for UTF-8 text.

use std::fmt;
use std::sync::Arc;

/// The display name of standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// A position in a source: 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: u64,
    /// 1-based column, in characters.
    pub column: u64,
}

impl Position {
    /// Creates a position.
    pub fn new(line: u64, column: u64) -> Self {
        Position { line, column }
    }

    /// The position reached after reading `bytes` from `self`: lines advance at each `\n`, columns
    /// count UTF-8 characters (bytes that are not continuation bytes).
    pub fn advance(self, bytes: &[u8]) -> Position {
        match memchr::memrchr(b'\n', bytes) {
            Some(last_nl) => {
                let newlines = memchr::memchr_iter(b'\n', bytes).count() as u64;
                Position {
                    line: self.line + newlines,
                    column: 1 + count_chars(&bytes[last_nl + 1..]),
                }
            }
            None => Position {
                line: self.line,
                column: self.column + count_chars(bytes),
            },
        }
    }
}

/// Counts UTF-8 characters: every byte that is not a continuation byte (`10xxxxxx`). Invalid UTF-8
/// still gets a sensible count (each stray byte counts as one).
pub fn count_chars(bytes: &[u8]) -> u64 {
    // Eight bytes at a time: a continuation byte has its top bit set and the next one clear,
    // so shifting the inverted word left by one lines each byte's bit 6 up with its bit 7.
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuations = 0u64;
    for w in &mut words {
        let w = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
        continuations += u64::from((w & (!w << 1) & TOP).count_ones());
    }
    let rest = words.remainder();
    continuations += rest.iter().filter(|&&b| (b & 0xC0) == 0x80).count() as u64;
    bytes.len() as u64 - continuations
}

/// Where a payload starts: its source, its position, and its 0-based index among the entries of
/// that source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The path as given (or found while walking a folder), or `<stdin>`.
    pub source: Arc<str>,
    /// Position of the payload's first byte.
    pub position: Position,
    /// 0-based index of the entry in its source (payloads and faults alike).
    pub index: u64,
}

impl Origin {
    /// 1-based line of the payload's start.
    pub fn line(&self) -> u64 {
        self.position.line
    }

    /// 1-based character column of the payload's start.
    pub fn column(&self) -> u64 {
        self.position.column
    }

    /// The location `source:line:column` of another position in the same source.
    pub fn at(&self, position: Position) -> Location<'_> {
        Location {
            source: &self.source,
            position,
        }
    }

    /// The location of the payload's start.
    pub fn location(&self) -> Location<'_> {
        self.at(self.position)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.location().fmt(f)
    }
}

/// `source:line:column`, the prefix of every message about a payload.
#[derive(Debug, Clone, Copy)]
pub struct Location<'a> {
    /// Source name.
    pub source: &'a str,
    /// Position in the source.
    pub position: Position,
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}",
            self.source, self.position.line, self.position.column
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_characters_a_word_at_a_time_counts_as_byte_by_byte() {
        let text = "a é ü 😀 \u{7f}\u{80} ĉ ✓ z".repeat(3);
        let mut bytes = text.into_bytes();
        // Stray bytes of every kind, in every position of a word.
        bytes.extend_from_slice(&[0x80, 0xbf, 0xc0, 0xff, 0x7f, 0x40, 0x00, 0xe2, 0x82]);
        for from in 0..bytes.len() {
            for to in from..bytes.len() {
                let slice = &bytes[from..to];
                let want = slice.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u64;
                assert_eq!(count_chars(slice), want, "bytes {from}..{to}");
            }
        }
    }

    #[test]
    fn advance_counts_lines_and_characters() {
        let p = Position::new(3, 5);
        assert_eq!(p.advance(b"abc"), Position::new(3, 8));
        assert_eq!(p.advance(b"ab\ncd"), Position::new(4, 3));
        assert_eq!(p.advance(b"ab\n\n"), Position::new(5, 1));
        // "é" is two bytes, one character.
        assert_eq!(p.advance("é\"".as_bytes()), Position::new(3, 7));
    }

    #[test]
    fn display_is_source_line_column() {
        let o = Origin {
            source: Arc::from("a.json"),
            position: Position::new(2, 7),
            index: 0,
        };
        assert_eq!(o.to_string(), "a.json:2:7");
        assert_eq!(o.at(Position::new(9, 1)).to_string(), "a.json:9:1");
    }
}

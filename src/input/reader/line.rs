//! The line split: in a source known to hold one payload per line (NDJSON), the record at the
//! scan position is nearly always the whole rest of its line. The reader finds the line's end
//! with memchr, and [`one_value`] proves from the line's bytes alone, 64 at a time, that the
//! line holds exactly one object that closes on it, with the depth and member count the scan
//! would have found. Then the record is cut there without the byte-by-byte scan.
//!
//! The proof works on the bit masks of `input::blocks`, one bit a byte: where the quotes,
//! backslashes, brackets and colons are, and which bytes lie inside strings; then only the
//! brackets outside strings are visited one by one.
//!
//! Whatever it can't prove is left to the scan, which decides as it always did: a value still
//! open at the line's end (a string cut by the line break, a pretty-printed payload), anything
//! but blanks after the value (several values on a line, glued text), a backslash outside a
//! string, nesting past the parser's depth.

use crate::input::blocks::{Class, Strings, masks};

/// The bytes the proof looks at: quotes, backslashes, brackets and colons. `{`, `}`, `[` and
/// `]` differ only in the bits 0x20, 0x04 and 0x02; the bytes that share their other bits
/// (`Y`, `_`, `y`, DEL) never stand outside a string in JSON, and the brackets are told apart
/// when they are visited.
const CLASSES: [Class; 4] = [
    Class::byte(b'"'),
    Class::byte(b'\\'),
    Class {
        mask: !0x26,
        value: b'{' & !0x26,
    },
    Class::byte(b':'),
];

/// What the scan would find of a line that holds one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LineValue {
    /// The object's length in bytes, up to its closing brace.
    pub(super) len: usize,
    /// The deepest nesting in it (the object itself is 1).
    pub(super) deepest: u64,
    /// Its top-level members (the colons at depth 1).
    pub(super) members: u32,
}

/// Proves that `line` (which holds no line break) is one object, `{` at its start, closed on
/// the line, followed by spaces and tabs only, nested at most `max_depth` deep; `None` when it
/// is not, or when the proof would need more than the line's bytes.
pub(super) fn one_value(line: &[u8], max_depth: u64) -> Option<LineValue> {
    if line.first() != Some(&b'{') {
        return None;
    }
    let mut state = State::default();
    let (whole, rest) = line.as_chunks::<64>();
    for (n, block) in whole.iter().enumerate() {
        if let Some(end) = state.block(block, max_depth)? {
            return finish(line, n * 64 + end as usize, &state);
        }
    }
    if !rest.is_empty() {
        // Zero bytes pad the last block: they match no class, so they change nothing.
        let mut block = [0u8; 64];
        block[..rest.len()].copy_from_slice(rest);
        if let Some(end) = state.block(&block, max_depth)? {
            return finish(line, whole.len() * 64 + end as usize, &state);
        }
    }
    // Still open at the end of the line.
    None
}

/// The value closes at byte `end`: it is the line's only value if blanks alone follow.
fn finish(line: &[u8], end: usize, state: &State) -> Option<LineValue> {
    line[end + 1..]
        .iter()
        .all(|&b| b == b' ' || b == b'\t')
        .then_some(LineValue {
            len: end + 1,
            deepest: state.deepest,
            members: state.members,
        })
}

/// What is carried from one block to the next.
#[derive(Debug, Default)]
struct State {
    strings: Strings,
    depth: u64,
    deepest: u64,
    members: u32,
}

impl State {
    /// Reads one block: `Some(Some(i))` when the value closes at its byte `i`, `Some(None)` when
    /// it is still open after it, `None` when the line can't be proved one value.
    #[inline(always)]
    fn block(&mut self, bytes: &[u8; 64], max_depth: u64) -> Option<Option<u32>> {
        let [quote, backslash, bracket, colon] = masks(bytes, CLASSES);
        let inside = self.strings.inside(quote, backslash);
        if backslash & !inside != 0 {
            // A backslash outside a string: not JSON, and the scan reads it otherwise.
            return None;
        }
        let colon = colon & !inside;
        let mut brackets = bracket & !inside;
        // Where the run of bytes since the last bracket began.
        let mut from = 0;
        while brackets != 0 {
            let i = brackets.trailing_zeros();
            brackets &= brackets - 1;
            let b = bytes[i as usize];
            if b | 0x20 != b'{' && b | 0x20 != b'}' {
                // Not JSON outside a string: the scan and the parser will say so.
                return None;
            }
            if self.depth == 1 {
                self.members = self.members.saturating_add(span(colon, from, i));
            }
            if b | 0x20 == b'{' {
                self.depth += 1;
                self.deepest = self.deepest.max(self.depth);
                if self.deepest > max_depth {
                    return None;
                }
            } else {
                self.depth -= 1;
                if self.depth == 0 {
                    return Some(Some(i));
                }
            }
            from = i + 1;
        }
        if self.depth == 1 {
            self.members = self.members.saturating_add(span(colon, from, 64));
        }
        Some(None)
    }
}

/// The number of bits of `mask` from bit `from` up to, not including, bit `to`.
#[inline]
fn span(mask: u64, from: u32, to: u32) -> u32 {
    (mask & below(to) & !below(from)).count_ones()
}

/// The bits below bit `n`.
#[inline]
fn below(n: u32) -> u64 {
    if n >= 64 { !0 } else { (1 << n) - 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(line: &str) -> Option<(usize, u64, u32)> {
        one_value(line.as_bytes(), 127).map(|v| (v.len, v.deepest, v.members))
    }

    #[test]
    fn a_line_of_one_object_is_measured() {
        assert_eq!(value(r#"{"a":1,"b":{"c":[2,{"d":3}]}}"#), Some((29, 4, 2)));
        assert_eq!(value("{}"), Some((2, 1, 0)));
        assert_eq!(value("{} \t "), Some((2, 1, 0)));
        assert_eq!(value(r#"{"a:b":"}{][","c\"":"\\"}"#), Some((25, 1, 2)));
    }

    #[test]
    fn what_the_line_cannot_prove_is_left_to_the_scan() {
        for line in [
            r#"{"a":1"#,
            r#"{"a":"b"#,
            r#"{"a":"b\"}"#,
            r#"{"a":1} {"b":2}"#,
            r#"{"a":1}x"#,
            r#"{"a":1},"#,
            r#"{"a":\1}"#,
            r#"{"a":y}"#,
            r#"{"a":_}"#,
            r#"["a"]"#,
            r#" {"a":1}"#,
            "",
        ] {
            assert_eq!(value(line), None, "{line}");
        }
        let deep = format!("{}{}", "{\"a\":".repeat(128), "}".repeat(128));
        assert_eq!(one_value(deep.as_bytes(), 127), None);
        assert_eq!(
            one_value(deep.as_bytes(), 128).map(|v| v.deepest),
            Some(128)
        );
    }

    #[test]
    fn strings_and_escapes_carry_across_blocks() {
        // Every place of a backslash run and a quote relative to the 64-byte blocks.
        for pad in 0..70 {
            for run in 1..4 {
                let filler = "x".repeat(pad);
                let slashes = "\\".repeat(run);
                let line = format!(r#"{{"{filler}":"{slashes}{slashes}","k":"{slashes}"}}"#);
                let closes = run % 2 == 0;
                let got = value(&line);
                if closes {
                    assert_eq!(got, Some((line.len(), 1, 2)), "{line}");
                } else {
                    // An odd run escapes the closing quote: the string runs on to the end.
                    assert_eq!(got, None, "{line}");
                }
            }
        }
    }
}

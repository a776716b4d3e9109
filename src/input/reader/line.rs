//! The line split: in a source known to hold one payload per line (NDJSON), the record at the
//! scan position is nearly always the whole rest of its line. The reader finds the line's end
//! with memchr, and [`one_value`] proves from the line's bytes alone, 64 at a time, that the
//! line holds exactly one object that closes on it, with the depth and member count the scan
//! would have found. Then the record is cut there without the byte-by-byte scan.
//!
//! The proof works on bit masks, one bit a byte: where the quotes, backslashes, brackets and
//! colons are (SSE2 compares on x86-64, where every CPU has them, through `safe_arch`'s safe
//! wrappers; a plain loop elsewhere), which quotes a backslash escapes, which bytes lie inside
//! strings (a running XOR over the unescaped quotes), and then only the brackets outside strings
//! are visited one by one.
//!
//! Whatever it can't prove is left to the scan, which decides as it always did: a value still
//! open at the line's end (a string cut by the line break, a pretty-printed payload), anything
//! but blanks after the value (several values on a line, glued text), a backslash outside a
//! string, nesting past the parser's depth.

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
    let mut blocks = line.chunks_exact(64);
    for (n, block) in blocks.by_ref().enumerate() {
        let block: &[u8; 64] = block.try_into().ok()?;
        if let Some(end) = state.block(block, &masks(block), max_depth)? {
            return finish(line, n * 64 + end as usize, &state);
        }
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        // Zero bytes pad the last block: they match no class, so they change nothing.
        let mut block = [0u8; 64];
        block[..rest.len()].copy_from_slice(rest);
        if let Some(end) = state.block(&block, &masks(&block), max_depth)? {
            return finish(line, line.len() - rest.len() + end as usize, &state);
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

/// Where the bytes of one 64-byte block that matter are, a bit a byte (bit `i` is byte `i`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Masks {
    quote: u64,
    backslash: u64,
    /// `{`, `[`, `}` and `]`, and the bytes that share their bits but for 0x20, 0x04 and 0x02
    /// (`Y`, `_`, `y`, DEL), which never stand outside a string in JSON: the brackets are told
    /// apart when they are visited.
    bracket: u64,
    colon: u64,
}

/// What is carried from one block to the next.
#[derive(Debug, Default)]
struct State {
    /// The first byte of the next block is escaped by a backslash that ends this one.
    escape_carry: bool,
    /// The next block starts inside a string.
    in_string: bool,
    depth: u64,
    deepest: u64,
    members: u32,
}

impl State {
    /// Reads one block: `Some(Some(i))` when the value closes at its byte `i`, `Some(None)` when
    /// it is still open after it, `None` when the line can't be proved one value.
    #[inline(always)]
    fn block(&mut self, bytes: &[u8; 64], m: &Masks, max_depth: u64) -> Option<Option<u32>> {
        let escaped = self.escaped(m.backslash);
        let inside = prefix_xor(m.quote & !escaped) ^ if self.in_string { !0 } else { 0 };
        self.in_string = inside >> 63 == 1;
        if m.backslash & !inside != 0 {
            // A backslash outside a string: not JSON, and the scan reads it otherwise.
            return None;
        }
        let colon = m.colon & !inside;
        let mut brackets = m.bracket & !inside;
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

    /// The bytes of this block that a backslash escapes (the byte after a backslash that is
    /// not itself escaped), carrying one across the block's end. Backslashes are rare, so they
    /// are visited one by one.
    #[inline]
    fn escaped(&mut self, backslash: u64) -> u64 {
        let mut escaped = u64::from(std::mem::take(&mut self.escape_carry));
        let mut rest = backslash;
        while rest != 0 {
            let bit = rest & rest.wrapping_neg();
            rest ^= bit;
            if escaped & bit == 0 {
                if bit == 1 << 63 {
                    self.escape_carry = true;
                } else {
                    escaped |= bit << 1;
                }
            }
        }
        escaped
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

/// Each bit becomes the XOR of itself and every bit below it: set from an opening quote up to,
/// not including, its closing quote.
#[inline]
fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

/// The masks of a block, sixteen bytes a compare (SSE2, through `safe_arch`'s safe wrappers).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline]
fn masks(block: &[u8; 64]) -> Masks {
    use safe_arch::{
        bitand_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    // `{`, `}`, `[` and `]` differ only in the bits 0x20, 0x04 and 0x02.
    let fold = set_splat_i8_m128i(!0x26);
    let quote = set_splat_i8_m128i(b'"' as i8);
    let backslash = set_splat_i8_m128i(b'\\' as i8);
    let bracket = set_splat_i8_m128i((b'{' & !0x26) as i8);
    let colon = set_splat_i8_m128i(b':' as i8);
    let bits = |v: m128i, c: m128i, at: usize| {
        u64::from(move_mask_i8_m128i(cmp_eq_mask_i8_m128i(v, c)) as u16) << at
    };
    let mut m = Masks::default();
    for (k, chunk) in block.as_chunks::<16>().0.iter().enumerate() {
        let at = 16 * k;
        let v = load_unaligned_m128i(chunk);
        let folded = bitand_m128i(v, fold);
        m.quote |= bits(v, quote, at);
        m.backslash |= bits(v, backslash, at);
        m.bracket |= bits(folded, bracket, at);
        m.colon |= bits(v, colon, at);
    }
    m
}

/// The masks of a block, a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn masks_bytewise(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (i, &b) in block.iter().enumerate() {
        let bit = 1u64 << i;
        match b {
            b'"' => m.quote |= bit,
            b'\\' => m.backslash |= bit,
            _ if b & !0x26 == b'{' & !0x26 => m.bracket |= bit,
            b':' => m.colon |= bit,
            _ => {}
        }
    }
    m
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
use masks_bytewise as masks;

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

    #[test]
    fn the_compares_find_what_the_bytewise_loop_finds() {
        let mut block = [0u8; 64];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            for b in block.iter_mut() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *b = b"\"\\{}[]:ax \x00\xffY_y\x7f\x3a"[(seed % 17) as usize];
            }
            assert_eq!(masks(&block), masks_bytewise(&block));
        }
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(64) {
            let block: &[u8; 64] = chunk.try_into().unwrap();
            assert_eq!(masks(block), masks_bytewise(block));
        }
    }
}

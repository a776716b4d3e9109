//! JSON text read 64 bytes at a time as bit masks, one bit a byte (bit `i` is byte `i` of the
//! block): where chosen bytes are (SSE2 compares on x86-64, where every CPU has them, through
//! `safe_arch`'s safe wrappers; a plain loop elsewhere), and which bytes lie inside strings
//! (escapes from the backslash bits, then a running XOR over the unescaped quotes).
//!
//! The reader's line proof (`reader::line`) and the compaction of `show --format compact` read
//! text this way instead of byte by byte.

/// A class of bytes: those `b` with `b & mask == value`.
#[derive(Debug, Clone, Copy)]
pub struct Class {
    pub mask: u8,
    pub value: u8,
}

impl Class {
    /// The one byte `b`.
    pub const fn byte(b: u8) -> Class {
        Class {
            mask: 0xFF,
            value: b,
        }
    }
}

/// Calls `f` on each block of `bytes` with its offset, until it answers; the last block is
/// padded with zero bytes (which no class of a JSON byte holds, so they change nothing).
#[inline(always)]
pub fn each_block<R>(bytes: &[u8], mut f: impl FnMut(usize, &[u8; 64]) -> Option<R>) -> Option<R> {
    let (whole, rest) = bytes.as_chunks::<64>();
    for (n, block) in whole.iter().enumerate() {
        if let Some(out) = f(n * 64, block) {
            return Some(out);
        }
    }
    if rest.is_empty() {
        return None;
    }
    let mut block = [0u8; 64];
    block[..rest.len()].copy_from_slice(rest);
    f(whole.len() * 64, &block)
}

/// The masks of `classes` in a block, sixteen bytes a compare.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub fn masks<const N: usize>(block: &[u8; 64], classes: [Class; N]) -> [u64; N] {
    use safe_arch::{
        bitand_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    let mut out = [0u64; N];
    for (k, chunk) in block.as_chunks::<16>().0.iter().enumerate() {
        let v = load_unaligned_m128i(chunk);
        for (mask, class) in out.iter_mut().zip(classes) {
            let folded = if class.mask == 0xFF {
                v
            } else {
                bitand_m128i(v, set_splat_i8_m128i(class.mask as i8))
            };
            let eq = cmp_eq_mask_i8_m128i(folded, set_splat_i8_m128i(class.value as i8));
            *mask |= u64::from(move_mask_i8_m128i(eq) as u16) << (16 * k);
        }
    }
    out
}

/// The masks of `classes` in a block, a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
pub fn masks_bytewise<const N: usize>(block: &[u8; 64], classes: [Class; N]) -> [u64; N] {
    let mut out = [0u64; N];
    for (i, &b) in block.iter().enumerate() {
        for (mask, class) in out.iter_mut().zip(classes) {
            if b & class.mask == class.value {
                *mask |= 1 << i;
            }
        }
    }
    out
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
pub use masks_bytewise as masks;

/// Where the strings are, block after block.
#[derive(Debug, Default, Clone, Copy)]
pub struct Strings {
    /// The first byte of the next block is escaped by a backslash that ends this one.
    escape_carry: bool,
    /// The next block starts inside a string.
    in_string: bool,
}

impl Strings {
    /// The bytes of the next block that lie inside strings (from an opening quote up to, not
    /// including, its closing quote), given its quotes and backslashes. A backslash escapes the
    /// byte after it wherever it stands: in JSON one only stands inside a string.
    #[inline(always)]
    pub fn inside(&mut self, quote: u64, backslash: u64) -> u64 {
        let escaped = self.escaped(backslash);
        let inside = prefix_xor(quote & !escaped) ^ if self.in_string { !0 } else { 0 };
        self.in_string = inside >> 63 == 1;
        inside
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

/// Each bit becomes the XOR of itself and every bit below it.
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

/// Whether `text` has a JSON blank (space, tab, carriage return, line feed) outside its
/// strings.
pub fn blank_outside_strings(text: &[u8]) -> bool {
    let mut strings = Strings::default();
    each_block(text, |_, block| {
        let [quote, backslash, space, tab, cr, lf] = masks(
            block,
            [b'"', b'\\', b' ', b'\t', b'\r', b'\n'].map(Class::byte),
        );
        let inside = strings.inside(quote, backslash);
        ((space | tab | cr | lf) & !inside != 0).then_some(())
    })
    .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compares_find_what_the_bytewise_loop_finds() {
        // Plain bytes, and a class that folds bits away (as the line proof's brackets do).
        let folded = Class {
            mask: 0xD9,
            value: 0x59,
        };
        let classes = [b'"', b'\\', b':', b' '].map(Class::byte);
        let classes = [classes[0], classes[1], folded, classes[2], classes[3]];
        let mut block = [0u8; 64];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..2000 {
            for b in block.iter_mut() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *b = b"\"\\{}[]:ax \x00\xffY_y\x7f\x3a"[(seed % 17) as usize];
            }
            assert_eq!(masks(&block, classes), masks_bytewise(&block, classes));
        }
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(64) {
            let block: &[u8; 64] = chunk.try_into().unwrap();
            assert_eq!(masks(block, classes), masks_bytewise(block, classes));
        }
    }

    #[test]
    fn blanks_inside_strings_do_not_count() {
        let no = [
            r#"{"a":"b c","d":["e\tf"]}"#,
            r#"{"a":"x\" y","b":"\\","c":1}"#,
            "",
        ];
        for text in no {
            assert!(!blank_outside_strings(text.as_bytes()), "{text}");
        }
        let yes = [
            r#"{"a": 1}"#,
            "{\"a\":1}\n",
            r#"{"a":"\\" ,"b":1}"#,
            "{\"a\":1}\r",
        ];
        for text in yes {
            assert!(blank_outside_strings(text.as_bytes()), "{text}");
        }
        // Every place of a blank, a string and a backslash run relative to the blocks.
        for pad in 0..140 {
            let filler = "x".repeat(pad);
            let inside = format!(r#"{{"{filler}":"a b\\\" c","k":1}}"#);
            assert!(!blank_outside_strings(inside.as_bytes()), "{inside}");
            let outside = format!(r#"{{"{filler}":"a\\\\", "k":1}}"#);
            assert!(blank_outside_strings(outside.as_bytes()), "{outside}");
        }
    }
}

//! The quick path's parser: simd-json, onto the same tape as serde_json's.
//!
//! simd-json checks UTF-8 and finds the structure of the text with vector instructions, chosen
//! when the program starts (AVX2, SSE4.2, or a portable fallback), so the binary assumes no CPU
//! feature. It reads a few things otherwise than serde_json, and refuses some that serde_json
//! reads; [`Tape::parse_fast`] then gives no tape, and [`Tape::parse`] decides.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::hash::BuildHasher;

use super::{Node, Tape};
use crate::input::{Record, RecordStatus};

/// The largest record the quick paths parse onto a tape (a tape holds a node of 32 bytes for
/// each value); larger ones take the full path, which reads them through their bytes where
/// that bounds memory.
pub const QUICK_UP_TO: usize = 64 << 10;

/// Whether `record` is for the quick paths: complete, within the parser's depth and
/// [`QUICK_UP_TO`].
pub fn quick_candidate(record: &Record<'_>) -> bool {
    record.status == RecordStatus::Complete && !record.deep && record.bytes.len() <= QUICK_UP_TO
}

thread_local! {
    /// The buffers of [`with_fast_tape`], reused from one payload to the next on each thread.
    static SCRATCH: RefCell<FastBuffers> = RefCell::default();
}

/// Runs `f` on what [`Tape::parse_fast`] gives `bytes`, parsed on this thread's buffers.
pub fn with_fast_tape<T>(bytes: &[u8], f: impl FnOnce(Option<Tape<'_>>) -> T) -> T {
    with_scratch(|scratch| f(Tape::parse_fast(bytes, scratch)))
}

/// Runs `f` on this thread's buffers (or, when called again from inside `f`, on buffers of its
/// own).
fn with_scratch<T>(f: impl FnOnce(&mut FastBuffers) -> T) -> T {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut FastBuffers::default()),
    })
}

impl<'a> Tape<'a> {
    /// Parses one JSON value with simd-json, which checks UTF-8 and finds the structure of the
    /// text with vector instructions (chosen at run time), into the same tape as
    /// [`Tape::parse`]; strings borrow from `scratch`, a padded copy of `bytes` (simd-json
    /// decodes escapes in place).
    ///
    /// `None` when simd-json refuses the text or the tape could read otherwise than
    /// serde_json's: simd-json refuses integers beyond 64 bits that serde_json reads as floats,
    /// reads `-0` as the integer 0 where serde_json reads the float `-0.0`, and the two may
    /// round a float of many digits differently (serde_json's default float reading is not
    /// always the nearest). The caller then parses with [`Tape::parse`], which
    /// decides; so what this accepts, serde_json accepts and reads the same.
    pub fn parse_fast(bytes: &[u8], scratch: &'a mut FastBuffers) -> Option<Tape<'a>> {
        simd_nodes(bytes, scratch, |nodes| Tape::from_simd(nodes, bytes))
    }

    /// hlmsg's tape of simd-json's `nodes`, parsed from `bytes`; `None` where serde_json could
    /// read the value otherwise (see [`Tape::parse_fast`]).
    fn from_simd(nodes: &[simd_json::tape::Node<'a>], bytes: &[u8]) -> Option<Tape<'a>> {
        use simd_json::StaticNode as S;
        use simd_json::tape::Node as N;
        let mut tape = Tape {
            nodes: Vec::with_capacity(nodes.len()),
            // Looked for when asked.
            repeated: None,
            keys: Vec::new(),
        };
        let mut zero = false;
        for (i, node) in nodes.iter().enumerate() {
            if read_otherwise(node, i, &mut zero) {
                return None;
            }
            // Counts fit in `u32` (`read_otherwise` checked), and a float never comes here.
            let node = match *node {
                N::String(s) => Node::String(Cow::Borrowed(s)),
                N::Static(S::Null) => Node::Null,
                N::Static(S::Bool(b)) => Node::Bool(b),
                N::Static(S::I64(n)) => Node::Number(n.into()),
                N::Static(S::U64(n)) => Node::Number(n.into()),
                N::Static(S::F64(_)) => return None,
                N::Array { len, count } => Node::Array {
                    len: len as u32,
                    end: (i + 1 + count) as u32,
                },
                N::Object { len, count } => Node::Object {
                    len: len as u32,
                    end: (i + 1 + count) as u32,
                },
            };
            tape.nodes.push(node);
        }
        if zero && may_hold_negative_zero(bytes) {
            return None;
        }
        Some(tape)
    }

    /// Whether some object of a tape built whole repeats a key ([`Tape::has_repeated_key`]).
    pub(super) fn find_repeated_keys(&self) -> bool {
        // The keys' hashes, on the stack for an object of up to 64 members.
        let mut small = [0u64; 64];
        let mut large = Vec::new();
        for at in 0..self.nodes.len() {
            let Node::Object { len, .. } = self.nodes[at] else {
                continue;
            };
            let len = len as usize;
            if len < 2 {
                continue;
            }
            let hashes = if len <= small.len() {
                &mut small[..len]
            } else {
                large.resize(len, 0);
                &mut large[..]
            };
            let mut k = at + 1;
            for hash in hashes.iter_mut() {
                *hash = match &self.nodes[k] {
                    Node::String(key) => rustc_hash::FxBuildHasher.hash_one(key.as_ref()),
                    _ => 0,
                };
                k = Tape::end_of(&self.nodes, k + 1);
            }
            if self.repeats_among(hashes, at) {
                return true;
            }
        }
        false
    }
}

/// The buffers [`Tape::parse_fast`] reuses from one payload to the next.
pub struct FastBuffers {
    input: Vec<u8>,
    buffers: simd_json::Buffers,
    /// simd-json's tape, empty between payloads.
    tape: simd_json::Tape<'static>,
}

impl Default for FastBuffers {
    fn default() -> Self {
        FastBuffers {
            input: Vec::new(),
            // Nothing deeper than serde_json reads with its recursion limit on.
            buffers: simd_json::Buffers::with_max_depth(
                4096,
                crate::input::reader::PARSER_DEPTH as usize,
            ),
            tape: simd_json::Tape(Vec::new()),
        }
    }
}

impl fmt::Debug for FastBuffers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FastBuffers").finish_non_exhaustive()
    }
}

/// Whether [`Tape::parse_fast`] would give `bytes` a tape, and its root would be an object,
/// without building the tape: `None` where it would give none. For a check of the syntax alone
/// (`show`), on this thread's buffers.
pub fn fast_object(bytes: &[u8]) -> Option<bool> {
    with_scratch(|scratch| {
        simd_nodes(bytes, scratch, |nodes| {
            let mut zero = false;
            let otherwise =
                (nodes.iter().enumerate()).any(|(i, n)| read_otherwise(n, i, &mut zero));
            if otherwise || (zero && may_hold_negative_zero(bytes)) {
                return None;
            }
            Some(matches!(
                nodes.first(),
                Some(simd_json::tape::Node::Object { .. })
            ))
        })
    })
}

/// Whether `node`, the `i`th of simd-json's tape, keeps [`Tape::parse_fast`] from giving a
/// tape: a float (serde_json may round it otherwise), or counts past `u32`. A number 0 is noted
/// in `zero`: the text may hold `-0`, which serde_json reads otherwise (see
/// [`may_hold_negative_zero`]).
#[inline]
fn read_otherwise(node: &simd_json::tape::Node<'_>, i: usize, zero: &mut bool) -> bool {
    use simd_json::StaticNode as S;
    use simd_json::tape::Node as N;
    match *node {
        N::Static(S::I64(n)) => *zero |= n == 0,
        N::Static(S::U64(n)) => *zero |= n == 0,
        N::Static(S::F64(_)) => return true,
        N::Array { len, count } | N::Object { len, count } => {
            return u32::try_from(len).is_err() || u32::try_from(i + 1 + count).is_err();
        }
        _ => {}
    }
    false
}

/// Runs `read` on simd-json's nodes of `bytes`, parsed on `scratch`; `None` when simd-json
/// refuses the text. Strings borrow from `scratch`, a padded copy of `bytes` (simd-json decodes
/// escapes in place).
fn simd_nodes<'a, R>(
    bytes: &[u8],
    scratch: &'a mut FastBuffers,
    read: impl FnOnce(&[simd_json::tape::Node<'a>]) -> Option<R>,
) -> Option<R> {
    let len = bytes.len();
    let FastBuffers {
        input,
        buffers,
        tape: spare,
    } = scratch;
    input.clear();
    input.extend_from_slice(bytes);
    input.resize(len + simd_json::INPUT_PADDING, 0);
    let mut simd = std::mem::replace(spare, simd_json::Tape(Vec::new()));
    let out = simd_json::fill_tape_padded(input, len, buffers, &mut simd)
        .ok()
        .and_then(|()| read(&simd.0));
    // Its allocation serves the next payload.
    *spare = simd.reset();
    out
}

/// Whether `bytes` may hold the number `-0` (a `-0` after `:`, `[` or `,` and blanks, and
/// before no digit, fraction or exponent). A `-0` inside a string may answer yes too: the
/// answer only sends a payload to the parser that decides.
fn may_hold_negative_zero(bytes: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, b"-0").any(|i| {
        let after = bytes.get(i + 2).copied().unwrap_or(b' ');
        let before = bytes[..i]
            .iter()
            .rev()
            .find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
        !matches!(after, b'0'..=b'9' | b'.' | b'e' | b'E')
            && before.is_none_or(|b| matches!(b, b':' | b'[' | b','))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// What [`Tape::parse_fast`] gives: `None`, or the tape of [`Tape::parse`].
    fn fast_agrees(text: &[u8]) -> bool {
        let mut scratch = FastBuffers::default();
        let Some(fast) = Tape::parse_fast(text, &mut scratch) else {
            assert_eq!(fast_object(text), None, "{}", String::from_utf8_lossy(text));
            return false;
        };
        let object = matches!(fast.root().node(), Node::Object { .. });
        assert_eq!(
            fast_object(text),
            Some(object),
            "{}",
            String::from_utf8_lossy(text)
        );
        let full = Tape::parse(text).expect("what the fast parser reads, serde_json reads");
        assert_eq!(fast.nodes, full.nodes, "{}", String::from_utf8_lossy(text));
        assert_eq!(fast.has_repeated_key(), full.has_repeated_key());
        true
    }

    #[test]
    fn the_fast_parser_reads_as_serde_json_or_not_at_all() {
        let read: [&str; 8] = [
            r#"{"a": [1, 2, 0, true, false, null], "b": {"c": "x\"y", "d": []}, "e": {}}"#,
            r#"{"s": "\u00e9\n\ud83d\ude00", "k\"ey": "é", "n": 18446744073709551615, "m": -9223372036854775808, "": ""}"#,
            "  {\n \"pretty\" :\t[\r\n 1 ,\n {} ]\n}  ",
            r#"[[[]], [{}], "", {"x": [null]}]"#,
            r#"{"date": "2024-05-01", "x": "+1-0", "z": 0}"#,
            r#"{"a": 1, "b": {"a": 1, "a": 2}}"#,
            r#"{"a": 1, "b": 2, "a": 3}"#,
            "{\"del\": \"\u{7f}\"}",
        ];
        for text in read {
            assert!(fast_agrees(text.as_bytes()), "{text}");
        }
        // Read otherwise by simd-json, or refused by it: left to serde_json.
        let left: [&[u8]; 10] = [
            br#"{"a": -0}"#,
            br#"{"a": [ -0 ]}"#,
            br#"{"a": 1.5}"#,
            br#"{"a": 1.0}"#,
            br#"{"a": 1e3}"#,
            br#"{"a": 18446744073709551616}"#,
            br#"{"a": -9223372036854775809}"#,
            b"{} {}",
            b"{\"a\": 1}\x00",
            br#"{"a": [1,]}"#,
        ];
        for text in left.into_iter().chain(super::super::REFUSED) {
            assert!(!fast_agrees(text), "{}", String::from_utf8_lossy(text));
        }
        // Depth: what serde_json's recursion limit refuses, the fast parser refuses.
        for depth in 120..140 {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let serde = serde_json::from_str::<Value>(&text).is_ok();
            let fast = fast_agrees(text.as_bytes());
            assert!(!fast || serde, "depth {depth}");
        }
    }
}

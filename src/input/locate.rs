//! Finds where a JSON pointer's value sits in a payload's raw bytes, so that a message can point
//! at the offending value itself (`source:line:column`) rather than at the payload's start.
//!
//! The bytes have already been parsed successfully, so this walker can be small: it skips values
//! without building them and compares keys (decoding escapes only when a key has any). Like the
//! parser, it lets the last of duplicate keys win. It does not recurse, so nesting depth costs no
//! stack.

use crate::model::origin::Position;
use std::borrow::Cow;

/// Splits an RFC 6901 pointer into its unescaped reference tokens (`~1` is `/`, `~0` is `~`).
/// The empty pointer (the whole document) has no tokens.
pub fn pointer_tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .strip_prefix('/')
        .unwrap_or(pointer)
        .split('/')
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Escapes one reference token for an RFC 6901 pointer (`~` as `~0`, `/` as `~1`).
pub fn escape_token(token: &str) -> String {
    if token.contains(['~', '/']) {
        token.replace('~', "~0").replace('/', "~1")
    } else {
        token.to_string()
    }
}

/// The byte offset in `raw` where the value at `pointer` starts, if it exists.
pub fn locate(raw: &[u8], pointer: &str) -> Option<usize> {
    let mut at = skip_ws(raw, 0);
    for token in pointer_tokens(pointer) {
        at = match raw.get(at)? {
            b'{' => find_member(raw, at, &token)?,
            b'[' => find_element(raw, at, token.parse().ok()?)?,
            _ => return None,
        };
    }
    (at < raw.len()).then_some(at)
}

fn skip_ws(raw: &[u8], mut i: usize) -> usize {
    while i < raw.len() && matches!(raw[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    i
}

/// `i` is at an opening quote; returns the offset after the closing quote.
fn skip_string(raw: &[u8], i: usize) -> usize {
    crate::input::doc::string_end(raw, i)
}

/// The offset just past the value that starts at `start` in `raw` (valid JSON).
pub fn value_end(raw: &[u8], start: usize) -> usize {
    skip_value(raw, start)
}

/// `i` is at the start of a value; returns the offset after it.
fn skip_value(raw: &[u8], i: usize) -> usize {
    match raw.get(i) {
        Some(b'"') => skip_string(raw, i),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < raw.len() {
                match raw[j] {
                    b'"' => {
                        j = skip_string(raw, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            raw.len()
        }
        _ => {
            let mut j = i;
            while j < raw.len()
                && !matches!(raw[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n')
            {
                j += 1;
            }
            j
        }
    }
}

fn key_matches(key: &[u8], token: &str) -> bool {
    if key.contains(&b'\\') {
        // Decode escapes (`\u00e9`, `\"`) before comparing.
        let mut quoted = Vec::with_capacity(key.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(key);
        quoted.push(b'"');
        serde_json::from_slice::<String>(&quoted).is_ok_and(|k| k == token)
    } else {
        key == token.as_bytes()
    }
}

/// `i` is at `{`; returns where the value of the last member named `token` starts.
fn find_member(raw: &[u8], i: usize, token: &str) -> Option<usize> {
    let mut found = None;
    each_member(raw, i, |key, value| {
        if key_matches(key, token) {
            found = Some(value);
        }
    });
    found
}

/// Calls `f(raw key bytes, value offset)` for each member of the object at `i` (`{`).
fn each_member(raw: &[u8], i: usize, mut f: impl FnMut(&[u8], usize)) {
    let mut j = skip_ws(raw, i + 1);
    while j < raw.len() && raw[j] == b'"' {
        let key_end = skip_string(raw, j);
        let Some(key) = key_end.checked_sub(1).and_then(|e| raw.get(j + 1..e)) else {
            return;
        };
        j = skip_ws(raw, key_end);
        if raw.get(j) != Some(&b':') {
            return;
        }
        let value = skip_ws(raw, j + 1);
        f(key, value);
        j = skip_ws(raw, skip_value(raw, value));
        if raw.get(j) != Some(&b',') {
            break;
        }
        j = skip_ws(raw, j + 1);
    }
}

/// The top-level members of the object in `raw`: (decoded key, value offset), in order.
pub fn top_level_members(raw: &[u8]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let start = skip_ws(raw, 0);
    if raw.get(start) != Some(&b'{') {
        return out;
    }
    each_member(raw, start, |key, value| {
        let name = if key.contains(&b'\\') {
            let mut quoted = Vec::with_capacity(key.len() + 2);
            quoted.push(b'"');
            quoted.extend_from_slice(key);
            quoted.push(b'"');
            serde_json::from_slice::<String>(&quoted).ok()
        } else {
            std::str::from_utf8(key).ok().map(str::to_string)
        };
        if let Some(name) = name {
            out.push((name, value));
        }
    });
    out
}

/// Where the values at many pointers start, in one walk of `raw`: the same answers as [`locate`]
/// on each pointer, but each container is scanned once, however many pointers point into it, so
/// the cost stays linear in the payload's size whatever the number of pointers.
pub fn locate_all(raw: &[u8], pointers: &[&str]) -> Vec<Option<usize>> {
    let mut out = vec![None; pointers.len()];
    // A trie of the pointers' tokens: node 0 is the whole document.
    let mut trie = vec![Node::default()];
    for (i, pointer) in pointers.iter().enumerate() {
        let mut node = 0;
        for token in pointer_tokens(pointer) {
            node = match trie[node].members.get(&token) {
                Some(&child) => child,
                None => {
                    trie.push(Node::default());
                    let child = trie.len() - 1;
                    if let Ok(index) = token.parse::<usize>()
                        && (token == "0" || !token.starts_with('0'))
                    {
                        trie[node].elements.insert(index, child);
                    }
                    trie[node].members.insert(token, child);
                    child
                }
            };
        }
        trie[node].wanted.push(i);
    }
    // Containers still to scan: (trie node, offset of its value). No recursion: no stack cost.
    let mut work = vec![(0usize, skip_ws(raw, 0))];
    while let Some((node, at)) = work.pop() {
        if at >= raw.len() {
            continue;
        }
        for &i in &trie[node].wanted {
            out[i] = Some(at);
        }
        let children = &trie[node];
        match raw[at] {
            b'{' if !children.members.is_empty() => {
                // The last of duplicate keys wins, as in the parser.
                let mut found: std::collections::HashMap<usize, usize> = Default::default();
                each_member(raw, at, |key, value| {
                    let child = if key.contains(&b'\\') {
                        decode_key(key).and_then(|k| children.members.get(&k).copied())
                    } else {
                        std::str::from_utf8(key)
                            .ok()
                            .and_then(|k| children.members.get(k).copied())
                    };
                    if let Some(child) = child {
                        found.insert(child, value);
                    }
                });
                work.extend(found);
            }
            b'[' if !children.elements.is_empty() => {
                let mut j = skip_ws(raw, at + 1);
                let mut index = 0usize;
                let mut left = children.elements.len();
                while j < raw.len() && raw[j] != b']' && left > 0 {
                    if let Some(&child) = children.elements.get(&index) {
                        work.push((child, j));
                        left -= 1;
                    }
                    j = skip_ws(raw, skip_value(raw, j));
                    if raw.get(j) != Some(&b',') {
                        break;
                    }
                    j = skip_ws(raw, j + 1);
                    index += 1;
                }
            }
            _ => {}
        }
    }
    out
}

/// Where the values at `pointers` start in `raw`, whose first byte is at `start` (`start` for an
/// absent value), found in one walk of the bytes: linear in their size, however many pointers.
pub fn positions(raw: &[u8], start: Position, pointers: &[&str]) -> Vec<Position> {
    if pointers.is_empty() {
        return Vec::new();
    }
    let offsets = locate_all(raw, pointers);
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    // One pass over the bytes, from each offset to the next.
    let mut out = vec![start; pointers.len()];
    let (mut at, mut position) = (0, start);
    for i in order {
        if let Some(offset) = offsets[i] {
            position = position.advance(&raw[at..offset]);
            at = offset;
            out[i] = position;
        }
    }
    out
}

/// A node of [`locate_all`]'s trie: the pointers that end here and the tokens that go further.
#[derive(Debug, Default)]
struct Node {
    wanted: Vec<usize>,
    members: std::collections::HashMap<String, usize>,
    elements: std::collections::HashMap<usize, usize>,
}

/// A raw key with escapes, decoded.
fn decode_key(key: &[u8]) -> Option<String> {
    let mut quoted = Vec::with_capacity(key.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(key);
    quoted.push(b'"');
    serde_json::from_slice::<String>(&quoted).ok()
}

/// How deeply the JSON text in `raw` nests (0 for a scalar), scanned without recursion and
/// without parsing. Brackets inside strings do not count.
pub fn nesting_depth(raw: &[u8]) -> u64 {
    let (mut depth, mut deepest) = (0u64, 0u64);
    let mut i = 0;
    while let Some(at) = memchr::memchr3(b'"', b'[', b'{', &raw[i..]).map(|j| i + j) {
        // Closers between here and there.
        let closed = raw[i..at]
            .iter()
            .filter(|&&b| b == b']' || b == b'}')
            .count();
        depth = depth.saturating_sub(closed as u64);
        if raw[at] == b'"' {
            i = skip_string(raw, at);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
            i = at + 1;
        }
    }
    deepest
}

/// Whether the JSON text in `raw` holds a number beyond the range of a 64-bit float (`1e400`, an
/// integer of hundreds of digits): the numbers that the parser refuses as out of range. Checked
/// by the paths that do not build every number, so that one rule holds everywhere.
pub fn has_out_of_range_number(raw: &[u8]) -> bool {
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'"' => i = skip_string(raw, i),
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < raw.len()
                    && matches!(raw[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                let token = &raw[start..i];
                // Only an exponent or hundreds of digits can reach past f64::MAX (about 1.8e308).
                if (token.len() > 300 || token.iter().any(|b| matches!(b, b'e' | b'E')))
                    && std::str::from_utf8(token)
                        .ok()
                        .and_then(|t| t.parse::<f64>().ok())
                        .is_some_and(f64::is_infinite)
                {
                    return true;
                }
            }
            _ => i += 1,
        }
    }
    false
}

/// Whether a `\u` escape in the JSON text `raw` is half of a surrogate pair without the other
/// half, which the parser rejects (`"\ud800"`); for readings that skip the strings they do not
/// need, so that every reading of a payload follows the same rule.
pub fn has_lone_surrogate(raw: &[u8]) -> bool {
    let hex = |at: usize| {
        raw.get(at..at + 4)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u16::from_str_radix(h, 16).ok())
    };
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'\\', &raw[i..]) {
        let at = i + found;
        i = match raw.get(at + 1) {
            Some(b'u') => match hex(at + 2) {
                Some(0xD800..=0xDBFF) => {
                    let low = raw.get(at + 6..at + 8) == Some(b"\\u");
                    if !(low && matches!(hex(at + 8), Some(0xDC00..=0xDFFF))) {
                        return true;
                    }
                    at + 12
                }
                Some(0xDC00..=0xDFFF) => return true,
                _ => at + 6,
            },
            _ => at + 2,
        }
        .min(raw.len());
    }
    false
}

/// The first key that appears twice in one object, at any depth of the JSON text in `raw`, if
/// any (the parser keeps only the last value of such a key).
pub fn duplicate_key(raw: &[u8]) -> Option<String> {
    use std::hash::BuildHasher;
    // One entry per open container: where the keys of an object so far start (their text is
    // read again when two hash alike: 8 bytes a key), `None` for an array.
    let mut open: Vec<Option<hashbrown::HashTable<usize>>> = Vec::new();
    let state = std::hash::RandomState::new();
    let name_at = |at: usize| {
        let key = raw
            .get(at + 1..skip_string(raw, at).saturating_sub(1))
            .unwrap_or_default();
        if key.contains(&b'\\') {
            Cow::Owned(decode_key(key).unwrap_or_else(|| String::from_utf8_lossy(key).into_owned()))
        } else {
            String::from_utf8_lossy(key)
        }
    };
    let mut expect_key = false;
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'{' => {
                open.push(Some(Default::default()));
                expect_key = true;
            }
            b'[' => {
                open.push(None);
                expect_key = false;
            }
            b'}' | b']' => {
                open.pop();
                expect_key = false;
            }
            b',' => expect_key = matches!(open.last(), Some(Some(_))),
            b'"' => {
                let end = skip_string(raw, i);
                if expect_key && let Some(Some(keys)) = open.last_mut() {
                    let name = name_at(i);
                    let hash = state.hash_one(name.as_ref());
                    if keys.find(hash, |&at| name_at(at) == name).is_some() {
                        return Some(name.into_owned());
                    }
                    keys.insert_unique(hash, i, |&at| state.hash_one(name_at(at).as_ref()));
                }
                expect_key = false;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `i` is at `[`; returns where element `index` starts.
fn find_element(raw: &[u8], i: usize, index: usize) -> Option<usize> {
    let mut j = skip_ws(raw, i + 1);
    if raw.get(j) == Some(&b']') {
        return None;
    }
    for _ in 0..index {
        j = skip_ws(raw, skip_value(raw, j));
        if raw.get(j) != Some(&b',') {
            return None;
        }
        j = skip_ws(raw, j + 1);
    }
    (j < raw.len()).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(raw: &'a str, pointer: &str) -> Option<&'a str> {
        locate(raw.as_bytes(), pointer).map(|i| &raw[i..])
    }

    #[test]
    fn tokens_unescape() {
        assert_eq!(pointer_tokens(""), Vec::<String>::new());
        assert_eq!(pointer_tokens("/a~1b/c~0d/0"), vec!["a/b", "c~d", "0"]);
        assert_eq!(escape_token("a/b~c"), "a~1b~0c");
    }

    #[test]
    fn finds_members_elements_and_nested_values() {
        let raw = r#"{ "a": {"x": [10, {"y": "z"}]}, "callDuration": "120" }"#;
        assert!(at(raw, "/callDuration").unwrap().starts_with("\"120\""));
        assert!(at(raw, "/a/x/1/y").unwrap().starts_with("\"z\""));
        assert!(at(raw, "/a/x/0").unwrap().starts_with("10"));
        assert_eq!(at(raw, "/a/x/2"), None);
        assert_eq!(at(raw, "/missing"), None);
        assert!(at(raw, "").unwrap().starts_with('{'));
    }

    #[test]
    fn last_duplicate_wins_and_escaped_keys_match() {
        let raw = r#"{"k": 1, "k": 2, "\u0061b": 3, "s\"q": 4, "br{": "}"}"#;
        assert!(at(raw, "/k").unwrap().starts_with('2'));
        assert!(at(raw, "/ab").unwrap().starts_with('3'));
        assert!(at(raw, "/s\"q").unwrap().starts_with('4'));
        assert!(at(raw, "/br{").unwrap().starts_with("\"}\""));
    }

    #[test]
    fn top_level_members_in_order() {
        let raw = br#" {"a": {"x": 1}, "b\u0063": [2], "a": 3}"#;
        let m = top_level_members(raw);
        let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "bc", "a"]);
        assert_eq!(raw[m[2].1], b'3');
        assert!(top_level_members(b"[1]").is_empty());
    }

    #[test]
    fn locate_all_agrees_with_locate() {
        let raw = r#"{ "a": {"x": [10, {"y": "z"}]}, "k": 1, "k": [2, 3], "\u0061b": 3, "01": 4, "e": [] }"#;
        let pointers = [
            "/a/x/1/y", "/a/x/0", "/a/x/2", "/missing", "", "/k", "/k/1", "/ab", "/01", "/e/0",
            "/a", "/a/x/1/y",
        ];
        let all = locate_all(raw.as_bytes(), &pointers);
        for (p, got) in pointers.iter().zip(all) {
            assert_eq!(got, locate(raw.as_bytes(), p), "{p}");
        }
    }

    #[test]
    fn nesting_depth_skips_strings() {
        assert_eq!(nesting_depth(b"1"), 0);
        assert_eq!(
            nesting_depth(br#"{"a": [1, {"b": "[[[{{"}], "c": [[[]]]}"#),
            4
        );
        assert_eq!(nesting_depth(br#"[[]] [[[ "\"[" ]]]"#), 3);
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(nesting_depth(deep.as_bytes()), 100_000);
    }

    #[test]
    fn out_of_range_numbers_are_found_outside_strings() {
        assert!(has_out_of_range_number(br#"{"x": 1e400}"#));
        for lone in [
            r#""\ud800""#,
            r#""\udc00""#,
            r#""a\uD83Dx""#,
            r#""\ud83d\u0041""#,
        ] {
            assert!(has_lone_surrogate(lone.as_bytes()), "{lone}");
        }
        assert!(!has_lone_surrogate(br#""\u12"#));
        for fine in [
            r#""\\ud800""#,
            r#""\ud83d\ude00""#,
            r#""\u00e9\n""#,
            r#""\\\\""#,
        ] {
            assert!(!has_lone_surrogate(fine.as_bytes()), "{fine}");
        }
        assert!(has_out_of_range_number(br#"{"x": [-2E+309]}"#));
        let long = format!("{{\"x\": {}}}", "9".repeat(400));
        assert!(has_out_of_range_number(long.as_bytes()));
        assert!(!has_out_of_range_number(
            br#"{"x": 1e300, "y": "1e400", "z": -0.5e-400}"#
        ));
        let fits = format!("{{\"x\": {}}}", "9".repeat(300));
        assert!(!has_out_of_range_number(fits.as_bytes()));
    }

    #[test]
    fn duplicate_keys_are_found_at_any_depth() {
        assert_eq!(duplicate_key(br#"{"a": 1, "b": {"c": 2}}"#), None);
        assert_eq!(
            duplicate_key(br#"{"a": 1, "b": {"a": 2}, "c": [{"a": 3}]}"#),
            None
        );
        assert_eq!(
            duplicate_key(br#"{"body": "x", "body": "y"}"#).as_deref(),
            Some("body")
        );
        assert_eq!(
            duplicate_key(br#"{"n": [{"k": 1, "\u006b": 2}]}"#).as_deref(),
            Some("k")
        );
        assert_eq!(duplicate_key(br#"{"s": "\"a\": 1, \"a\": 2"}"#), None);
    }

    #[test]
    fn strings_with_brackets_are_skipped() {
        let raw = r#"{"a": "]}[{\"", "b": [1, "]", 2], "c": true}"#;
        assert!(at(raw, "/c").unwrap().starts_with("true"));
        assert!(at(raw, "/b/2").unwrap().starts_with('2'));
    }
}

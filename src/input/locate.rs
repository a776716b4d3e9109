//! Finds where a JSON pointer's value sits in a payload's raw bytes, so that a message can point
//! at the offending value itself (`source:line:column`) rather than at the payload's start.
//!
//! The bytes have already been parsed successfully, so this walker can be small: it skips values
//! without building them and compares keys (decoding escapes only when a key has any). Like the
//! parser, it lets the last of duplicate keys win. It does not recurse, so nesting depth costs no
//! stack.

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
fn skip_string(raw: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < raw.len() {
        match raw[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    raw.len()
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
    fn strings_with_brackets_are_skipped() {
        let raw = r#"{"a": "]}[{\"", "b": [1, "]", 2], "c": true}"#;
        assert!(at(raw, "/c").unwrap().starts_with("true"));
        assert!(at(raw, "/b/2").unwrap().starts_with('2'));
    }
}

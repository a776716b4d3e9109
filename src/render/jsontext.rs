//! JSON as text: compacting a payload's bytes without reparsing, and pretty-printing a value with
//! optional syntax colors, in the key order it arrived.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io;

use owo_colors::{OwoColorize, Style};
use serde_json::{Map, Value};

use crate::input::blocks::blank_outside_strings;
use crate::input::doc::string_end;
use crate::render::style::is_unsafe;

/// Appends `raw` (valid JSON) to `out` with every blank outside strings removed. Strings, numbers
/// and key order stay byte for byte as they arrived.
pub fn compact_into(raw: &[u8], out: &mut Vec<u8>) {
    if !blank_outside_strings(raw) {
        // Already compact (an NDJSON line): copied whole, after one pass over its blocks.
        out.extend_from_slice(raw);
        return;
    }
    out.reserve(raw.len());
    // The bytes from `run` on are kept; a blank outside strings ends the run (a compact line
    // is one run, copied at once).
    let mut run = 0;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b == b'"' {
            i = string_end(raw, i);
            continue;
        }
        if is_blank(b) {
            out.extend_from_slice(&raw[run..i]);
            run = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&raw[run..]);
}

/// Whether `b` is a JSON blank.
fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// A JSON string literal for `s`: escaped as JSON requires, and with the characters
/// [`is_unsafe`] names (DEL, C1 controls, bidirectional overrides) written as `\uXXXX` too.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The colors of pretty JSON.
#[derive(Debug, Clone, Copy)]
pub struct JsonStyle {
    /// Whether to color at all.
    pub color: bool,
}

impl JsonStyle {
    fn paint(self, text: &str, style: Style) -> String {
        if self.color {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }
}

/// `value` as pretty JSON (two-space indent), keys in arrival order, colored when asked: keys
/// blue, strings green, numbers cyan, booleans yellow, null magenta. Safe for a terminal.
pub fn pretty(value: &Value, style: JsonStyle) -> String {
    let mut out = String::new();
    write_pretty(value, style, 0, &mut out);
    out
}

/// An object's members as [`pretty`] writes the object, without building the object.
pub fn pretty_map(map: &Map<String, Value>, style: JsonStyle) -> String {
    let mut out = String::new();
    write_members(map, style, 0, &mut out);
    out
}

fn pad(out: &mut String, n: usize) {
    for _ in 0..n {
        out.push_str("  ");
    }
}

fn write_members(map: &Map<String, Value>, st: JsonStyle, indent: usize, out: &mut String) {
    if map.is_empty() {
        out.push_str("{}");
        return;
    }
    out.push_str("{\n");
    for (i, (k, v)) in map.iter().enumerate() {
        pad(out, indent + 1);
        out.push_str(&st.paint(&quote(k), Style::new().blue().bold()));
        out.push_str(": ");
        write_pretty(v, st, indent + 1, out);
        out.push_str(if i + 1 < map.len() { ",\n" } else { "\n" });
    }
    pad(out, indent);
    out.push('}');
}

fn write_pretty(value: &Value, st: JsonStyle, indent: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str(&st.paint("null", Style::new().magenta())),
        Value::Bool(b) => out.push_str(&st.paint(&b.to_string(), Style::new().yellow())),
        Value::Number(n) => out.push_str(&st.paint(&n.to_string(), Style::new().cyan())),
        Value::String(s) => out.push_str(&st.paint(&quote(s), Style::new().green())),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(out, indent + 1);
                write_pretty(item, st, indent + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(out, indent);
            out.push(']');
        }
        Value::Object(map) => write_members(map, st, indent, out),
    }
}

/// Writes `raw`, one JSON value that the reader and the view checked, as [`pretty`] writes its
/// parsed value, straight from the bytes: no value is built, and the text goes to `out` as it
/// is made, so memory stays flat however large the payload. Strings with escapes or characters
/// unsafe on a terminal, and numbers not written as plain integers, are read again so that they
/// come out as from the parsed value; a repeated key is shown each time it arrived.
pub fn pretty_raw(raw: &[u8], st: JsonStyle, out: &mut impl io::Write) -> io::Result<()> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                let next = skip_blanks(raw, i + 1);
                if raw.get(next) == Some(&close) {
                    out.write_all(&[b, close])?;
                    i = next + 1;
                } else {
                    depth += 1;
                    out.write_all(&[b, b'\n'])?;
                    indent(out, depth)?;
                    i += 1;
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                out.write_all(b"\n")?;
                indent(out, depth)?;
                out.write_all(&[b])?;
                i += 1;
            }
            b',' => {
                out.write_all(b",\n")?;
                indent(out, depth)?;
                i += 1;
            }
            b':' => {
                out.write_all(b": ")?;
                i += 1;
            }
            b'"' => {
                let end = string_end(raw, i);
                let key = raw.get(skip_blanks(raw, end)) == Some(&b':');
                let style = if key {
                    Style::new().blue().bold()
                } else {
                    Style::new().green()
                };
                write_string(&raw[i..end], st, style, out)?;
                i = end;
            }
            _ => {
                let len = raw[i..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\r' | b'\n'))
                    .unwrap_or(raw.len() - i);
                write_scalar(&raw[i..i + len], st, out)?;
                i += len.max(1);
            }
        }
    }
    Ok(())
}

/// The index of the first byte at or after `i` that is not a blank.
fn skip_blanks(raw: &[u8], mut i: usize) -> usize {
    while raw
        .get(i)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
    {
        i += 1;
    }
    i
}

fn indent(out: &mut impl io::Write, depth: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 128];
    let mut left = depth * 2;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

fn write_painted(
    text: &str,
    st: JsonStyle,
    style: Style,
    out: &mut impl io::Write,
) -> io::Result<()> {
    if st.color {
        write!(out, "{}", text.style(style))
    } else {
        out.write_all(text.as_bytes())
    }
}

/// A string token: as it arrived, unless an escape or a character unsafe on a terminal asks for
/// [`quote`].
fn write_string(
    token: &[u8],
    st: JsonStyle,
    style: Style,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let text = String::from_utf8_lossy(token);
    let plain = memchr::memchr(b'\\', token).is_none()
        && (token.iter().all(|&b| b < 0x7f) || !text.chars().any(is_unsafe));
    if plain {
        return write_painted(&text, st, style, out);
    }
    match serde_json::from_slice::<String>(token) {
        Ok(s) => write_painted(&quote(&s), st, style, out),
        Err(_) => write_painted(&quote(&text), st, style, out),
    }
}

/// A number or literal token, written as the parsed value would be.
fn write_scalar(token: &[u8], st: JsonStyle, out: &mut impl io::Write) -> io::Result<()> {
    let (text, style) = match token {
        b"null" => (Cow::Borrowed("null"), Style::new().magenta()),
        b"true" | b"false" => (String::from_utf8_lossy(token), Style::new().yellow()),
        _ => {
            let digits = token.strip_prefix(b"-").unwrap_or(token);
            let plain = (token == b"0" || digits.first().is_some_and(|&d| d != b'0'))
                && digits.len() <= 18
                && digits.iter().all(u8::is_ascii_digit);
            let text = if plain {
                String::from_utf8_lossy(token)
            } else {
                match serde_json::from_slice::<serde_json::Number>(token) {
                    Ok(n) => Cow::Owned(n.to_string()),
                    Err(_) => String::from_utf8_lossy(token),
                }
            };
            (text, Style::new().cyan())
        }
    };
    write_painted(&text, st, style, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn compact_keeps_strings_and_order() {
        let raw = b"{\n  \"b\" : \"x  y\\\" }\",\n  \"a\": [1, 2.50, {\"c\": null}]\n}";
        let mut out = Vec::new();
        compact_into(raw, &mut out);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"b":"x  y\" }","a":[1,2.50,{"c":null}]}"#
        );
    }

    /// The byte-by-byte compaction that [`compact_into`] does a run at a time.
    fn compact_bytewise(raw: &[u8]) -> Vec<u8> {
        let (mut out, mut in_string, mut escaped) = (Vec::new(), false, false);
        for &b in raw {
            if in_string {
                out.push(b);
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else if !is_blank(b) {
                in_string = b == b'"';
                out.push(b);
            }
        }
        out
    }

    #[test]
    fn compact_by_runs_equals_compact_byte_by_byte() {
        let mut texts: Vec<Vec<u8>> = [
            "{}",
            " { \"a\" : \"\\\\\" , \"b\":[ 1 ,\t2 ]\r\n}",
            "{\"a\":\"\\\"\\\\\\\"\",\"b\":\"x\\",
            "{\"unterminated\": \"a b",
            "{\"trailing\": \"\\",
            "[\"\", \" \", \"\\u0041\" , true , null]",
        ]
        .iter()
        .map(|t| t.as_bytes().to_vec())
        .collect();
        let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        for entry in std::fs::read_dir(samples).unwrap() {
            let text = std::fs::read(entry.unwrap().path()).unwrap();
            // Every prefix: strings and escapes cut at every place.
            for cut in 0..text.len() {
                texts.push(text[..cut].to_vec());
            }
            texts.push(text);
        }
        for text in &texts {
            let mut out = Vec::new();
            compact_into(text, &mut out);
            assert_eq!(
                out,
                compact_bytewise(text),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }

    #[test]
    fn pretty_matches_serde_without_color() {
        let v = json!({"z": 1, "a": [true, null, "s\n\"q\""], "e": {}, "f": [], "n": {"x": -1.5}});
        assert_eq!(
            pretty(&v, JsonStyle { color: false }),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }

    #[test]
    fn pretty_from_the_bytes_matches_pretty_from_the_value() {
        let texts = [
            r#"{"z": 1, "a": [true, null, "s\n\"q\""], "e": {}, "f": [ ], "n": {"x": -1.5}}"#,
            r#"{"n": [0, -0, 1.50, 1e3, 2E-2, -12, 123456789012345678901234, 18446744073709551615]}"#,
            r#"{"s": ["\u00e9", "\/", "é", "\ud83d\ude00", "a\\b", "\u001b[31m", "\u202e", "x"]}"#,
            r#"{"k\"ey": {"inner": [[], [{}], [[1, 2], {"a": "b"}]]}, "last": "  spaced  out  "}"#,
            "{\n  \"pretty\" :\t[\r\n 1 ,\n 2\n ]\n}",
            "{\"del\": \"a\u{7f}b\", \"bidi\": \"\u{202e}x\", \"c1\": \"\u{9b}\"}",
        ];
        for text in texts {
            let value: Value = serde_json::from_str(text).unwrap();
            for color in [false, true] {
                let st = JsonStyle { color };
                let mut out = Vec::new();
                pretty_raw(text.as_bytes(), st, &mut out).unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    pretty(&value, st),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn pretty_escapes_terminal_controls() {
        let v = json!({"body": "\u{1b}]0;pwned\u{7}\u{9b}"});
        for color in [false, true] {
            let text = pretty(&v, JsonStyle { color });
            assert!(text.contains(r#"\u001b]0;pwned\u0007\u009b"#), "{text:?}");
            let stray = text.matches('\u{1b}').count();
            assert_eq!(stray > 0, color);
            assert!(!text.contains('\u{7}') && !text.contains('\u{9b}'));
        }
    }
}

//! JSON as text: compacting a payload's bytes without reparsing, and pretty-printing a value with
//! optional syntax colors, in the key order it arrived.

use std::fmt::Write as _;

use owo_colors::{OwoColorize, Style};
use serde_json::{Map, Value};

use crate::render::style::is_unsafe;

/// Appends `raw` (valid JSON) to `out` with every blank outside strings removed. Strings, numbers
/// and key order stay byte for byte as they arrived.
pub fn compact_into(raw: &[u8], out: &mut Vec<u8>) {
    let mut in_string = false;
    let mut escaped = false;
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
        } else if !matches!(b, b' ' | b'\t' | b'\r' | b'\n') {
            if b == b'"' {
                in_string = true;
            }
            out.push(b);
        }
    }
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

    #[test]
    fn pretty_matches_serde_without_color() {
        let v = json!({"z": 1, "a": [true, null, "s\n\"q\""], "e": {}, "f": [], "n": {"x": -1.5}});
        assert_eq!(
            pretty(&v, JsonStyle { color: false }),
            serde_json::to_string_pretty(&v).unwrap()
        );
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

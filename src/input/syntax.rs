//! Syntax messages: a serde_json error turned into where the fault is and what was expected
//! there, in words a reader of the payload follows.

use serde_json::Value;

use crate::input::text::{is_unicode_escape, short_unicode_escape};
use crate::model::finding::show_value;

/// Byte offset of serde_json's 1-based (line, byte column) in `bytes`. Column 0 means the line
/// break that ends the previous line.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match memchr::memchr(b'\n', &bytes[start..]) {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let offset = match column {
        0 => start.saturating_sub(1),
        c => start + c - 1,
    };
    offset.min(bytes.len())
}

/// A character as it appears in messages: printable ASCII as is, anything else as a code.
fn show_byte_char(bytes: &[u8], offset: usize) -> String {
    let rest = &bytes[offset..];
    let ch = match std::str::from_utf8(&rest[..rest.len().min(4)]) {
        Ok(s) => s.chars().next(),
        Err(e) if e.valid_up_to() > 0 => std::str::from_utf8(&rest[..e.valid_up_to()])
            .ok()
            .and_then(|s| s.chars().next()),
        Err(_) => None,
    };
    match ch {
        Some(c) if c.is_ascii_graphic() || c == ' ' => format!("'{c}'"),
        Some(c) => format!("U+{:04X}", c as u32),
        None => format!("byte 0x{:02X}", rest[0]),
    }
}

/// Turns a serde_json error into (byte offset of the fault, message saying what was expected).
pub(crate) fn describe_syntax_error(err: &serde_json::Error, bytes: &[u8]) -> (usize, String) {
    let mut offset = offset_of(bytes, err.line(), err.column());
    if err.to_string().starts_with("number out of range") {
        // Point at the number's first character, not its last.
        while offset > 0
            && matches!(
                bytes[offset - 1],
                b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-'
            )
        {
            offset -= 1;
        }
    }
    if err.is_eof() && matches!(bytes.first(), Some(b'-' | b'0'..=b'9')) {
        // A number cut short: at the end of the input, or before the `,` or `]` that ends an
        // element of an array; either way it lacks digits.
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(40)]);
        return (
            0,
            format!(
                "invalid number {}: it ends where a digit was expected",
                show_value(&Value::String(text.into_owned()))
            ),
        );
    }
    if err.is_eof() {
        // Point just past the last character of the truncated payload, not at trailing blanks.
        offset = bytes
            .iter()
            .rposition(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .map_or(0, |i| i + 1);
    }
    // Invalid UTF-8 up to the fault is the real cause, whatever the parser says.
    if let Err(e) = std::str::from_utf8(&bytes[..(offset + 4).min(bytes.len())])
        && e.valid_up_to() <= offset
    {
        let at = e.valid_up_to();
        return (
            at,
            format!(
                "invalid UTF-8: byte 0x{:02X} cannot appear here (payloads must be UTF-8)",
                bytes[at]
            ),
        );
    }
    let full = err.to_string();
    let text = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let found = || {
        if offset < bytes.len() {
            format!(", found {}", show_byte_char(bytes, offset))
        } else {
            ", found the end of the input".to_string()
        }
    };
    let message = match text {
        "EOF while parsing an object" => {
            "truncated payload: an object is not closed (expected '}')".to_string()
        }
        "EOF while parsing a list" => {
            "truncated payload: an array is not closed (expected ']')".to_string()
        }
        // A `\u` with fewer than four hex digits swallows the closing quote: say that.
        "EOF while parsing a string" if short_unicode_escape(bytes).is_some() => {
            offset = short_unicode_escape(bytes).unwrap_or(offset);
            r"invalid \u escape: expected four hexadecimal digits after \u".to_string()
        }
        "EOF while parsing a string" => {
            "truncated payload: a string is not closed (expected '\"')".to_string()
        }
        "EOF while parsing a value" => {
            "truncated payload: the input ends where a value was expected".to_string()
        }
        t if t.starts_with("control character") => match bytes.get(offset) {
            Some(b'\n' | b'\r') => {
                "line break inside a string: the string is not closed on its line (truncated payload?)"
                    .to_string()
            }
            Some(&b) => format!(
                "raw control character U+{b:04X} inside a string (it must be escaped as \\u{b:04x})"
            ),
            None => "control character inside a string".to_string(),
        },
        "recursion limit exceeded" => {
            format!("payload nests deeper than {} levels", crate::input::DEFAULT_MAX_DEPTH)
        }
        "number out of range" => {
            "number out of range (larger than a 64-bit floating-point number can hold)".to_string()
        }
        "expected ident" => format!("invalid literal: expected true, false or null{}", found()),
        "invalid number" => format!("invalid number{}", found()),
        "invalid escape" if is_unicode_escape(bytes, offset) => {
            r"invalid \u escape: expected four hexadecimal digits after \u".to_string()
        }
        "invalid escape" => {
            r#"invalid escape: expected one of \" \\ \/ \b \f \n \r \t or \u followed by four hex digits"#
                .to_string()
        }
        "unexpected end of hex escape" => {
            // After a high surrogate the parser expects a second escape: say which.
            let before = &bytes[..offset.min(bytes.len())];
            let high = memchr::memmem::rfind(before, b"\\u")
                .and_then(|i| before.get(i + 2..i + 6))
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .is_some_and(|c| (0xD800..=0xDBFF).contains(&c));
            if high {
                r"invalid \u escape: an unpaired surrogate (\uD800-\uDBFF must be followed by \uDC00-\uDFFF)"
                    .to_string()
            } else {
                r"invalid \u escape: expected four hexadecimal digits".to_string()
            }
        }
        t if t.contains("surrogate") => {
            r"invalid \u escape: an unpaired surrogate (\uD800-\uDBFF must be followed by \uDC00-\uDFFF)"
                .to_string()
        }
        "key must be a string" => format!("expected a key in double quotes{}", found()),
        "expected value" => format!("expected a JSON value{}", found()),
        "trailing comma" => format!("trailing comma: expected another member or element{}", found()),
        "trailing characters" => {
            let rest = &bytes[offset.min(bytes.len())..];
            let line = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
            let text = String::from_utf8_lossy(&line[..line.len().min(200)]);
            format!(
                "text after the end of the payload: found {}; expected nothing more on its line, \
                 or the next payload",
                show_value(&Value::String(text.trim_end().to_string()))
            )
        }
        t if t.starts_with("expected") => format!("{}{}", t.replace('`', "'"), found()),
        t => t.replace('`', "'"),
    };
    (offset, message)
}

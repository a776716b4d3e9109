//! Compact JSON, written straight into a byte buffer: an object writer that takes its fields in
//! the order given, string escaping, and integers. The payloads never go through
//! `serde_json::Value`, which is what makes a million of them take about a second.

use super::dates::{Calendar, push_digits};
use super::ids::HEX;

/// Appends `text` as the inside of a JSON string.
pub(super) fn push_escaped(buf: &mut Vec<u8>, text: &[u8]) {
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b != b'"' && b != b'\\' && b >= 0x20 {
            continue;
        }
        buf.extend_from_slice(&text[start..i]);
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            _ => {
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[usize::from(b >> 4)]);
                buf.push(HEX[usize::from(b & 15)]);
            }
        }
        start = i + 1;
    }
    buf.extend_from_slice(&text[start..]);
}

/// Writes one JSON object, field by field, keys in the order given.
pub(super) struct Obj<'a> {
    buf: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Obj<'a> {
    pub(super) fn new(buf: &'a mut Vec<u8>) -> Self {
        buf.push(b'{');
        Obj { buf, first: true }
    }

    pub(super) fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\":");
        self.buf
    }

    /// A string that needs no escaping (ids, names from the tables above).
    pub(super) fn plain(&mut self, key: &str, value: &[u8]) {
        let buf = self.key(key);
        buf.push(b'"');
        buf.extend_from_slice(value);
        buf.push(b'"');
    }

    pub(super) fn text(&mut self, key: &str, value: &[u8]) {
        let buf = self.key(key);
        buf.push(b'"');
        push_escaped(buf, value);
        buf.push(b'"');
    }

    pub(super) fn number(&mut self, key: &str, value: i64) {
        let buf = self.key(key);
        push_digits(buf, value, 1);
    }

    /// An RFC 3339 date with milliseconds, `ms` after the Unix epoch.
    pub(super) fn date(&mut self, key: &str, calendar: &mut Calendar, ms: i64) {
        let buf = self.key(key);
        buf.push(b'"');
        calendar.push_rfc3339(buf, ms);
        buf.push(b'"');
    }

    /// An array of strings that need no escaping.
    pub(super) fn list(&mut self, key: &str, items: &[&[u8]]) {
        let buf = self.key(key);
        buf.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            buf.push(b'"');
            buf.extend_from_slice(item);
            buf.push(b'"');
        }
        buf.push(b']');
    }

    pub(super) fn end(self) {
        self.buf.extend_from_slice(b"}\n");
    }

    /// Closes an object that is the value of another object's field.
    pub(super) fn end_nested(self) {
        self.buf.push(b'}');
    }
}

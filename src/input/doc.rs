//! A compact, borrowed form of a payload's JSON: one 8-byte entry per value, pointing into the
//! bytes as they arrived, so a payload of millions of small values costs a few times its size
//! rather than the 72 bytes a `serde_json::Value` (with key order kept) takes per value.
//!
//! [`Doc::build`] reads bytes that are already known to be one valid JSON value (the reader and
//! the view checked them): it only finds where each value starts and where its subtree ends.
//! Strings are borrowed unless they hold escapes; numbers are read from their text when asked.

use std::borrow::Cow;

use serde_json::{Map, Number, Value};

use crate::input::locate::value_end;

/// One value: where its text starts, and the entry just past its subtree (for a container, past
/// its last descendant; an object's children alternate key, value).
#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    next: u32,
}

/// The kinds of JSON values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

/// A JSON value's entries, in source order.
#[derive(Debug)]
pub struct Doc<'a> {
    raw: &'a [u8],
    entries: Vec<Entry>,
}

/// The largest text a [`Doc`] addresses (offsets are 32-bit).
pub const MAX_DOC_BYTES: usize = u32::MAX as usize;

impl<'a> Doc<'a> {
    /// The entries of `raw`, one valid JSON value (surrounding blanks allowed); `None` when it
    /// is too large to address or is not one value after all.
    pub fn build(raw: &'a [u8]) -> Option<Doc<'a>> {
        if raw.len() > MAX_DOC_BYTES {
            return None;
        }
        let mut entries: Vec<Entry> = Vec::with_capacity(most_values(raw));
        let mut open: Vec<u32> = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            match raw[i] {
                b' ' | b'\t' | b'\r' | b'\n' | b',' | b':' => i += 1,
                b'{' | b'[' => {
                    open.push(entries.len() as u32);
                    entries.push(Entry {
                        start: i as u32,
                        next: 0,
                    });
                    i += 1;
                }
                b'}' | b']' => {
                    let at = open.pop()? as usize;
                    entries[at].next = entries.len() as u32;
                    i += 1;
                }
                b'"' => {
                    let here = entries.len() as u32;
                    entries.push(Entry {
                        start: i as u32,
                        next: here + 1,
                    });
                    i = string_end(raw, i);
                }
                _ => {
                    let here = entries.len() as u32;
                    entries.push(Entry {
                        start: i as u32,
                        next: here + 1,
                    });
                    i += scalar_len(&raw[i..]).max(1);
                }
            }
        }
        if !open.is_empty() || entries.is_empty() || entries[0].next as usize != entries.len() {
            return None;
        }
        Some(Doc { raw, entries })
    }

    /// The value as a whole.
    pub fn root(&self) -> DocValue<'_> {
        DocValue { doc: self, at: 0 }
    }

    /// The bytes the entries point into.
    pub fn raw(&self) -> &'a [u8] {
        self.raw
    }
}

/// At least as many as the values (keys included) in the JSON text `raw`: each one but the first
/// follows a `,`, a `:` or an opening bracket. Counted first so that the entries are allocated
/// once, at their size.
fn most_values(raw: &[u8]) -> usize {
    let mut count = 1;
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'"' => {
                i = string_end(raw, i);
                continue;
            }
            b',' | b':' | b'[' | b'{' => count += 1,
            _ => {}
        }
        i += 1;
    }
    count
}

/// Just past the string whose opening quote is at `start` (the end of `raw` when it does not
/// close).
pub fn string_end(raw: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    loop {
        i = string_stop(raw, i, b'"');
        match raw.get(i) {
            Some(b'"') => return i + 1,
            Some(_) => i += 2,
            None => return raw.len(),
        }
    }
}

/// Where the string text from `from` in `hay` stops: the first `"`, `\\` or `line_end`, or
/// `hay.len()`. Most strings of a payload are short: the first bytes are read eight at a time,
/// inline (in a word, the lowest byte that equals `b` is the lowest flagged by
/// `(x - 0x01..) & !x & 0x80..` with `x = word ^ b`, since a borrow only runs upward from a zero
/// byte); past them, a long string is searched with `memchr`'s vector search.
#[inline(always)]
pub fn string_stop(hay: &[u8], from: usize, line_end: u8) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    /// How many words are read inline before the vector search takes over.
    const INLINE_WORDS: usize = 4;
    let equal = |word: u64, b: u8| {
        let x = word ^ (LO * u64::from(b));
        x.wrapping_sub(LO) & !x & HI
    };
    let mut at = from.min(hay.len());
    for chunk in hay[at..].chunks_exact(8).take(INLINE_WORDS) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let word = u64::from_le_bytes(bytes);
        let found = equal(word, b'"') | equal(word, b'\\') | equal(word, line_end);
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = &hay[at..];
    let found = if line_end == b'"' {
        memchr::memchr2(b'"', b'\\', rest)
    } else {
        memchr::memchr3(b'"', b'\\', line_end, rest)
    };
    found.map_or(hay.len(), |i| at + i)
}

/// The length of the number or literal at the start of `raw`.
fn scalar_len(raw: &[u8]) -> usize {
    raw.iter()
        .position(|b| matches!(b, b',' | b'}' | b']' | b':' | b' ' | b'\t' | b'\r' | b'\n'))
        .unwrap_or(raw.len())
}

/// One value of a [`Doc`].
#[derive(Debug, Clone, Copy)]
pub struct DocValue<'d> {
    doc: &'d Doc<'d>,
    at: u32,
}

impl<'d> DocValue<'d> {
    fn entry(&self) -> Entry {
        self.doc.entries[self.at as usize]
    }

    /// Where the value's text starts in the bytes.
    pub fn offset(&self) -> usize {
        self.entry().start as usize
    }

    /// The value's text.
    pub fn text(&self) -> &'d [u8] {
        let start = self.offset();
        let raw = self.doc.raw;
        &raw[start..value_end(raw, start)]
    }

    /// What kind of value it is.
    pub fn kind(&self) -> Kind {
        match self.doc.raw[self.offset()] {
            b'{' => Kind::Object,
            b'[' => Kind::Array,
            b'"' => Kind::String,
            b't' | b'f' => Kind::Bool,
            b'n' => Kind::Null,
            _ => Kind::Number,
        }
    }

    /// The children of a container, in order (an object's alternate key, value); none for
    /// anything else.
    fn children(&self) -> Children<'d> {
        let entry = self.entry();
        let container = matches!(self.kind(), Kind::Array | Kind::Object);
        Children {
            doc: self.doc,
            at: if container { self.at + 1 } else { entry.next },
            end: entry.next,
        }
    }

    /// An array's elements (none for anything else).
    pub fn elements(&self) -> impl Iterator<Item = DocValue<'d>> + 'd {
        let mut kids = self.children();
        if self.kind() != Kind::Array {
            kids.at = kids.end;
        }
        kids
    }

    /// An object's members: each key and its value (none for anything else).
    pub fn members(&self) -> impl Iterator<Item = (Cow<'d, str>, DocValue<'d>)> + 'd {
        let mut kids = self.children();
        if self.kind() != Kind::Object {
            kids.at = kids.end;
        }
        std::iter::from_fn(move || {
            let key = kids.next()?;
            let value = kids.next()?;
            Some((key.as_str().unwrap_or_default(), value))
        })
    }

    /// The value of an object's member `key` (the last one, should it repeat).
    pub fn get(&self, key: &str) -> Option<DocValue<'d>> {
        if self.kind() != Kind::Object {
            return None;
        }
        let mut kids = self.children();
        let mut found = None;
        while let (Some(k), Some(v)) = (kids.next(), kids.next()) {
            if k.string_is(key) {
                found = Some(v);
            }
        }
        found
    }

    /// How many elements or members a container holds.
    pub fn len(&self) -> usize {
        match self.kind() {
            Kind::Array => self.children().count(),
            Kind::Object => self.children().count() / 2,
            _ => 0,
        }
    }

    /// Whether a container holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entry().next == self.at + 1
    }

    /// A string's text between its quotes, as written.
    fn inner(&self) -> &'d [u8] {
        let text = self.text();
        text.get(1..text.len().saturating_sub(1))
            .unwrap_or_default()
    }

    /// Whether the value is the string `s`.
    fn string_is(&self, s: &str) -> bool {
        let inner = self.inner();
        if memchr::memchr(b'\\', inner).is_none() {
            inner == s.as_bytes()
        } else {
            self.as_str().is_some_and(|own| own == s)
        }
    }

    /// A string's text, unescaped (borrowed unless it holds escapes).
    pub fn as_str(&self) -> Option<Cow<'d, str>> {
        if self.kind() != Kind::String {
            return None;
        }
        let inner = self.inner();
        if memchr::memchr(b'\\', inner).is_none() {
            std::str::from_utf8(inner).ok().map(Cow::Borrowed)
        } else {
            serde_json::from_slice::<String>(self.text())
                .ok()
                .map(Cow::Owned)
        }
    }

    /// A number, as the parser reads its text.
    pub fn as_number(&self) -> Option<Number> {
        match self.kind() {
            Kind::Number => serde_json::from_slice(self.text()).ok(),
            _ => None,
        }
    }

    /// A boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self.text() {
            b"true" => Some(true),
            b"false" => Some(false),
            _ => None,
        }
    }

    /// The value after this one in `parent` (a container holding it), if any.
    pub fn next_sibling(&self, parent: DocValue<'d>) -> Option<DocValue<'d>> {
        let next = self.entry().next;
        (next < parent.entry().next).then_some(DocValue {
            doc: self.doc,
            at: next,
        })
    }

    /// The index of the value's entry: its place among all values, in source order.
    pub fn index(&self) -> u32 {
        self.at
    }

    /// Another value of the same document, by its [`DocValue::index`].
    pub fn at(&self, index: u32) -> DocValue<'d> {
        DocValue {
            doc: self.doc,
            at: index,
        }
    }

    /// The document the value belongs to.
    pub fn doc(&self) -> &'d Doc<'d> {
        self.doc
    }

    /// The value as a `serde_json::Value`, whole.
    pub fn to_value(&self) -> Value {
        self.to_value_within(usize::MAX)
    }

    /// The value as a `serde_json::Value` of at most `budget` values in all (spent in source
    /// order; the budget left is written back), strings cut after 4,096 characters: the start
    /// of a large value, for what reads only its first elements.
    pub fn to_value_limited(&self, budget: &mut usize) -> Value {
        *budget = budget.saturating_sub(1);
        match self.kind() {
            Kind::String => self.to_value_within(4096),
            Kind::Array => {
                let mut items = Vec::new();
                for v in self.elements() {
                    if *budget == 0 {
                        break;
                    }
                    items.push(v.to_value_limited(budget));
                }
                Value::Array(items)
            }
            Kind::Object => {
                let mut map = Map::new();
                for (k, v) in self.members() {
                    if *budget == 0 {
                        break;
                    }
                    map.insert(k.into_owned(), v.to_value_limited(budget));
                }
                Value::Object(map)
            }
            _ => self.to_value(),
        }
    }

    /// The value as a `serde_json::Value`, with each array, object and string cut after `most`
    /// elements, members or characters: enough to show it in a message of fewer characters.
    pub fn to_value_within(&self, most: usize) -> Value {
        match self.kind() {
            Kind::Null => Value::Null,
            Kind::Bool => Value::Bool(self.as_bool().unwrap_or_default()),
            Kind::Number => self.as_number().map_or(Value::Null, Value::Number),
            Kind::String => {
                let s = self.as_str().unwrap_or_default();
                match s.char_indices().nth(most) {
                    Some((cut, _)) => Value::String(s[..cut].to_string()),
                    None => Value::String(s.into_owned()),
                }
            }
            Kind::Array => Value::Array(
                self.elements()
                    .take(most)
                    .map(|v| v.to_value_within(most))
                    .collect(),
            ),
            Kind::Object => {
                let mut map = Map::new();
                for (k, v) in self.members().take(most) {
                    map.insert(k.into_owned(), v.to_value_within(most));
                }
                Value::Object(map)
            }
        }
    }
}

/// The children of a container, each subtree skipped through its entry.
struct Children<'d> {
    doc: &'d Doc<'d>,
    at: u32,
    end: u32,
}

impl<'d> Iterator for Children<'d> {
    type Item = DocValue<'d>;

    fn next(&mut self) -> Option<DocValue<'d>> {
        if self.at >= self.end {
            return None;
        }
        let value = DocValue {
            doc: self.doc,
            at: self.at,
        };
        self.at = self.doc.entries[self.at as usize].next;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_the_parser_reads_them() {
        let texts = [
            r#"{"a": [1, 2.50, -0, 1e3, true, false, null], "b": {"c": "x\"y", "d": []}, "e": {}}"#,
            r#"{"s": "\u00e9\n", "k\"ey": "é", "n": 123456789012345678901234, "": ""}"#,
            "  {\n \"pretty\" :\t[\r\n 1 ,\n {} ]\n}  ",
            r#"{"dup": 1, "dup": [2]}"#,
        ];
        for text in texts {
            let doc = Doc::build(text.as_bytes()).unwrap();
            let value: Value = serde_json::from_str(text).unwrap();
            assert_eq!(doc.root().to_value(), value, "{text}");
        }
        let doc = Doc::build(texts[3].as_bytes()).unwrap();
        let dup = doc.root().get("dup").unwrap();
        assert_eq!(dup.to_value(), serde_json::json!([2]));
        assert_eq!(doc.root().len(), 2);
    }

    #[test]
    fn containers_know_their_text_and_length() {
        let text = br#"{"a": [1, [2, 3], {"b": 4}], "c": "d", "n": [[[1]], 2]}"#;
        let doc = Doc::build(text).unwrap();
        let a = doc.root().get("a").unwrap();
        assert_eq!(a.text(), br#"[1, [2, 3], {"b": 4}]"#);
        assert_eq!(a.len(), 3);
        let last = a.elements().last().unwrap();
        assert_eq!(last.text(), br#"{"b": 4}"#);
        assert_eq!(doc.root().get("c").unwrap().as_str().unwrap(), "d");
        assert!(doc.root().get("z").is_none());
        assert_eq!(a.offset(), 6);
        let n = doc.root().get("n").unwrap();
        let inner = n.elements().next().unwrap().elements().next().unwrap();
        assert_eq!(inner.text(), b"[1]");
        assert!(!n.is_empty());
    }

    #[test]
    fn the_start_of_a_large_value_is_bounded() {
        let text = format!(r#"[{}]"#, vec![r#"{"a": [1, 2, 3]}"#; 1000].join(","));
        let doc = Doc::build(text.as_bytes()).unwrap();
        let mut budget = 50;
        let start = doc.root().to_value_limited(&mut budget);
        assert_eq!(budget, 0);
        let count = |v: &Value| -> usize {
            fn walk(v: &Value) -> usize {
                1 + match v {
                    Value::Array(a) => a.iter().map(walk).sum(),
                    Value::Object(m) => m.values().map(walk).sum(),
                    _ => 0,
                }
            }
            walk(v)
        };
        assert!(count(&start) <= 51, "{start}");
        assert_eq!(start[0], serde_json::json!({"a": [1, 2, 3]}));
    }

    #[test]
    fn a_value_for_a_message_is_cut() {
        let text = format!(
            r#"{{"a": [{}], "s": "{}"}}"#,
            vec!["1"; 100].join(","),
            "x".repeat(100)
        );
        let doc = Doc::build(text.as_bytes()).unwrap();
        let cut = doc.root().to_value_within(5);
        assert_eq!(cut["a"].as_array().unwrap().len(), 5);
        assert_eq!(cut["s"].as_str().unwrap().len(), 5);
    }

    #[test]
    fn broken_text_is_refused() {
        for bad in ["", "{", "[1", "{}}", "1 2"] {
            assert!(Doc::build(bad.as_bytes()).is_none(), "{bad}");
        }
    }
}

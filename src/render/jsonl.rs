//! The one JSON Lines writer: one compact object per line, each with a `kind`; and the shapes
//! every subcommand's records share: where an entry comes from ([`OriginJson`]) and a problem
//! with the input ([`ErrorJson`]). The records are described by the schemas in
//! `schemas/output/`.
//!
//! Strings are escaped like serde_json does (quotes, backslashes, C0 controls), and further: DEL,
//! C1 controls and bidirectional overrides are written as `\uXXXX` escapes too, so the output is
//! safe to print on a terminal and still decodes to the same strings.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use crate::input::InputError;
use crate::model::finding::Fault;
use crate::model::origin::Origin;
use crate::render::style::is_unsafe;

/// A compact formatter (the trait's defaults write compact JSON) that also escapes the characters [`is_unsafe`] names.
#[derive(Debug, Default, Clone, Copy)]
pub struct SafeFormatter;

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|(_, c)| is_unsafe(*c)) {
            writer.write_all(&rest.as_bytes()[..i])?;
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

/// Writes `value` as one JSON line.
pub fn write_line<W: Write + ?Sized, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter);
    value.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Where an entry comes from: `source`, `line`, `column` (1-based) and `index` (the entry's
/// number in its source, from 0). Flattened into a record, or nested under a name.
#[derive(Debug, Serialize)]
pub struct OriginJson<'a> {
    /// The file name, or `<stdin>`.
    pub source: &'a str,
    /// The line.
    pub line: u64,
    /// The column, in characters.
    pub column: u64,
    /// The entry's number in its source.
    pub index: u64,
}

impl<'a> From<&'a Origin> for OriginJson<'a> {
    fn from(o: &'a Origin) -> Self {
        OriginJson {
            source: &o.source,
            line: o.line(),
            column: o.column(),
            index: o.index,
        }
    }
}

/// `{"kind":"error", "source", "line"?, "column"?, "message"}`: a path that could not be read, or
/// an entry that is not a payload where the subcommand reports those as errors.
#[derive(Debug, Serialize)]
pub struct ErrorJson<'a> {
    kind: &'static str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<u64>,
    message: &'a str,
}

impl<'a> ErrorJson<'a> {
    /// The record of a path that could not be read.
    pub fn input(e: &'a InputError) -> Self {
        ErrorJson {
            kind: "error",
            source: &e.path,
            line: None,
            column: None,
            message: &e.message,
        }
    }

    /// The record of an entry that is not a payload, at the fault's position.
    pub fn fault(f: &'a Fault) -> Self {
        ErrorJson {
            kind: "error",
            source: &f.origin.source,
            line: Some(f.diagnostic.position.line),
            column: Some(f.diagnostic.position.column),
            message: &f.diagnostic.message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_become_json_escapes_and_round_trip() {
        let text = "a\u{1b}b\u{7f}c\u{9b}d\u{202e}e\"\\\n";
        let mut out = Vec::new();
        write_line(
            &mut out,
            &serde_json::json!({"s": text, "n": [1, 2.5, null]}),
        )
        .unwrap();
        let line = String::from_utf8(out).unwrap();
        assert!(!line.trim_end().chars().any(is_unsafe), "{line:?}");
        assert!(line.contains("\\u007f") && line.contains("\\u009b") && line.contains("\\u202e"));
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back["s"], text);
        assert_eq!(back["n"], serde_json::json!([1, 2.5, null]));
        assert!(line.ends_with('\n') && !line[..line.len() - 1].contains('\n'));
    }
}

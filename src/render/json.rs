//! JSON Lines output: one compact object per line, each with a `kind`.
//!
//! Strings are escaped like serde_json does (quotes, backslashes, C0 controls), and further: DEL,
//! C1 controls and bidirectional overrides are written as `\uXXXX` escapes too, so the output is
//! safe to print on a terminal and still decodes to the same strings.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

use super::ValidateReport;
use crate::diagnostic::Diagnostic;
use crate::input::InputError;
use crate::term::is_unsafe;
use crate::validate::{Summary, Verdict};

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

#[derive(Serialize)]
struct PayloadLine<'a> {
    kind: &'static str,
    source: &'a str,
    line: u64,
    column: u64,
    index: u64,
    valid: bool,
    schema: Option<&'a str>,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    kind: &'static str,
    source: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct SummaryLine {
    kind: &'static str,
    passed: u64,
    failed: u64,
    warnings: u64,
}

/// `validate --format json`.
pub struct JsonReport<W> {
    out: W,
}

impl<W: Write> JsonReport<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonReport { out }
    }
}

impl<W: Write> ValidateReport for JsonReport<W> {
    fn verdict(&mut self, v: &Verdict) -> io::Result<()> {
        write_line(
            &mut self.out,
            &PayloadLine {
                kind: "payload",
                source: &v.origin.source,
                line: v.origin.line(),
                column: v.origin.column(),
                index: v.origin.index,
                valid: v.passed(),
                schema: v.schema.as_deref(),
                diagnostics: &v.diagnostics,
            },
        )
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        write_line(
            &mut self.out,
            &ErrorLine {
                kind: "error",
                source: &e.path,
                message: &e.message,
            },
        )
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        write_line(
            &mut self.out,
            &SummaryLine {
                kind: "summary",
                passed: s.passed,
                failed: s.failed,
                warnings: s.warnings,
            },
        )
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

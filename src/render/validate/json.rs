//! `validate --format json`: a `payload` record per entry, `error` records for unreadable
//! paths, then a `summary` (schemas/output/validate.schema.json).

use std::io::{self, Write};

use serde::Serialize;

use super::ValidateReport;
use crate::input::InputError;
use crate::model::finding::Diagnostic;
use crate::render::jsonl::{ErrorJson, OriginJson, write_line};
use crate::validate::{Summary, Verdict};

#[derive(Serialize)]
struct PayloadLine<'a> {
    kind: &'static str,
    #[serde(flatten)]
    origin: OriginJson<'a>,
    event: Option<&'a str>,
    valid: bool,
    skipped: bool,
    schema: Option<&'a str>,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct SummaryLine {
    kind: &'static str,
    passed: u64,
    failed: u64,
    skipped: u64,
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
                origin: (&v.origin).into(),
                event: v.event.as_ref().and_then(|e| e.known_name()),
                valid: v.passed(),
                skipped: v.skipped,
                schema: v.schema.as_deref(),
                diagnostics: &v.diagnostics,
            },
        )
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        write_line(&mut self.out, &ErrorJson::input(e))
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        write_line(
            &mut self.out,
            &SummaryLine {
                kind: "summary",
                passed: s.passed,
                failed: s.failed,
                skipped: s.skipped,
                warnings: s.warnings,
            },
        )
    }
}

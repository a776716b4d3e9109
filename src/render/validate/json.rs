//! `validate --format json`: a `payload` record per entry, `error` records for unreadable
//! paths, a `statistics` record with `--statistics`, then a `summary`
//! (schemas/output/validate.schema.json).

use std::io::{self, Write};

use serde::Serialize;

use super::ValidateReport;
use crate::input::InputError;
use crate::model::finding::{Diagnostic, Severity};
use crate::render::jsonl::{ErrorJson, OriginJson, write_line};
use crate::validate::stats::Statistics;
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
    notes: u64,
}

#[derive(Serialize)]
struct FirstJson<'a> {
    source: &'a str,
    line: u64,
    column: u64,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    rule: &'a str,
    severity: Severity,
    findings: u64,
    payloads: u64,
    first: FirstJson<'a>,
}

#[derive(Serialize)]
struct StatisticsLine<'a> {
    kind: &'static str,
    rules: Vec<RuleJson<'a>>,
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

    fn statistics(&mut self, stats: &Statistics) -> io::Result<()> {
        let rules = stats
            .rows()
            .into_iter()
            .map(|r| RuleJson {
                rule: &r.rule,
                severity: r.severity,
                findings: r.count,
                payloads: r.payloads,
                first: FirstJson {
                    source: &r.first.0.source,
                    line: r.first.1.line,
                    column: r.first.1.column,
                },
            })
            .collect();
        write_line(
            &mut self.out,
            &StatisticsLine {
                kind: "statistics",
                rules,
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
                skipped: s.skipped,
                warnings: s.warnings,
                notes: s.notes,
            },
        )
    }
}

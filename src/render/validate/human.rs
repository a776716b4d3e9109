//! Human output of `validate`: one line per finding, then the summary line. Quiet runs print
//! errors only (`-q`) or the summary alone (`-qq`); `--max-findings` stops printing (not
//! counting) after N; a note repeated on the same field (`unknown-field` on `/x` in every
//! payload) is printed once, and how many more there were is said at the end (`-v` prints all).

use std::collections::HashMap;
use std::io::{self, Write};

use comfy_table::{CellAlignment, Table};

use super::ValidateReport;
use crate::input::InputError;
use crate::model::finding::{Diagnostic, Severity};
use crate::model::origin::Origin;
use crate::render::finding::finding_line;
use crate::render::style::{Painter, escape, styles};
use crate::render::width::{fit, limit_table};
use crate::validate::stats::Statistics;
use crate::validate::{Summary, Verdict};

/// Distinct repeated notes remembered; past this many, notes print as they come.
const MAX_NOTE_KEYS: usize = 10_000;

/// What the human report prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct Printing {
    /// A line for payloads without findings too, and every repeated note (`-v`).
    pub verbose: bool,
    /// 1: errors only (`-q`); 2 or more: the summary line alone (`-qq`).
    pub quiet: u8,
    /// Findings printed at most (`--max-findings`); the rest are counted.
    pub max_findings: Option<u64>,
}

/// A note printed once, and how many like it followed.
struct Repeated {
    /// Where the printed one was: `source:line:column`.
    first: String,
    rule: String,
    pointer: String,
    more: u64,
}

/// `validate`'s default output.
pub struct HumanReport<W> {
    out: W,
    painter: Painter,
    printing: Printing,
    printed: u64,
    not_printed: u64,
    notes: HashMap<(String, String), usize>,
    repeated: Vec<Repeated>,
    /// Whether the lines on what was not printed are out.
    trailed: bool,
}

impl<W: Write> HumanReport<W> {
    /// Writes to `out` as `printing` says.
    pub fn new(out: W, painter: Painter, printing: Printing) -> Self {
        HumanReport {
            out,
            painter,
            printing,
            printed: 0,
            not_printed: 0,
            notes: HashMap::new(),
            repeated: Vec::new(),
            trailed: false,
        }
    }

    /// Once, after the findings: how many repeated notes and findings past `--max-findings`
    /// were not printed.
    fn trailer(&mut self) -> io::Result<()> {
        if std::mem::replace(&mut self.trailed, true) {
            return Ok(());
        }
        if self.printing.quiet == 0 {
            let repeated = std::mem::take(&mut self.repeated);
            for r in repeated.iter().filter(|r| r.more > 0) {
                let noun = if r.more == 1 { "note" } else { "notes" };
                let at = if r.pointer.is_empty() {
                    String::new()
                } else {
                    format!(" at {}", r.pointer)
                };
                let text = format!(
                    "… {} more {} {noun}{at} not shown (first at {}; -v shows all)",
                    r.more, r.rule, r.first
                );
                self.line(&text, styles::dim())?;
            }
        }
        if self.not_printed > 0 {
            let n = self.printing.max_findings.unwrap_or(0);
            let text = format!(
                "… {} more findings not shown (--max-findings {n}); all are counted",
                self.not_printed
            );
            self.line(&text, styles::warning())?;
        }
        Ok(())
    }

    /// Whether a finding is printed: what `-q` lets through, a note not already printed for
    /// the same field, under `--max-findings`.
    fn shows(&mut self, origin: &Origin, d: &Diagnostic) -> bool {
        match (self.printing.quiet, d.severity) {
            (0, _) | (1, Severity::Error) => {}
            _ => return false,
        }
        if d.severity == Severity::Note && !self.printing.verbose {
            let key = (d.rule.to_string(), d.pointer.clone().unwrap_or_default());
            if let Some(&i) = self.notes.get(&key) {
                self.repeated[i].more += 1;
                return false;
            }
            if self.notes.len() < MAX_NOTE_KEYS {
                self.repeated.push(Repeated {
                    first: format!(
                        "{}:{}:{}",
                        origin.source, d.position.line, d.position.column
                    ),
                    rule: key.0.clone(),
                    pointer: key.1.clone(),
                    more: 0,
                });
                self.notes.insert(key, self.repeated.len() - 1);
            }
        }
        if self
            .printing
            .max_findings
            .is_some_and(|n| self.printed >= n)
        {
            self.not_printed += 1;
            return false;
        }
        self.printed += 1;
        true
    }

    fn line(&mut self, text: &str, style: owo_colors::Style) -> io::Result<()> {
        let text = self.painter.paint(text, style);
        writeln!(self.out, "{}", fit(&text, self.painter.width()))
    }
}

impl<W: Write> ValidateReport for HumanReport<W> {
    fn verdict(&mut self, v: &Verdict) -> io::Result<()> {
        if v.skipped && !self.printing.verbose {
            // Another HighLevel event: counted in the summary line; `-v` prints its note.
            return Ok(());
        }
        for d in &v.diagnostics {
            if self.shows(&v.origin, d) {
                writeln!(self.out, "{}", finding_line(self.painter, &v.origin, d))?;
            }
        }
        if self.printing.verbose && self.printing.quiet == 0 && v.diagnostics.is_empty() {
            let location = self
                .painter
                .paint(&v.origin.to_string(), styles::location());
            let ok = self.painter.paint("ok", styles::ok());
            let schema = v.schema.as_deref().unwrap_or("no");
            // The event is named where it is not the usual one.
            let event = match &v.event {
                Some(e) if *e != crate::model::event::Event::Outbound => {
                    format!("{}, ", escape(&e.to_string()))
                }
                _ => String::new(),
            };
            writeln!(
                self.out,
                "{location}: {ok} ({event}{} schema)",
                self.painter.paint(schema, owo_colors::Style::new())
            )?;
        }
        Ok(())
    }

    fn input_error(&mut self, _e: &InputError) -> io::Result<()> {
        // Reported on standard error by the command.
        Ok(())
    }

    fn statistics(&mut self, stats: &Statistics) -> io::Result<()> {
        self.trailer()?;
        let mut table = Table::new();
        table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED.with_rounded_corners());
        limit_table(&mut table, self.painter.width());
        table.set_header(vec!["Rule", "Severity", "Findings", "Payloads", "First at"]);
        for r in stats.rows() {
            let (origin, at) = &r.first;
            table.add_row(vec![
                escape(&r.rule).into_owned(),
                r.severity.to_string(),
                r.count.to_string(),
                r.payloads.to_string(),
                escape(&format!("{}:{}:{}", origin.source, at.line, at.column)).into_owned(),
            ]);
        }
        for i in 2..=3 {
            if let Some(col) = table.column_mut(i) {
                col.set_cell_alignment(CellAlignment::Right);
            }
        }
        if table.row_count() == 0 {
            return self.line("no findings", styles::ok());
        }
        writeln!(self.out, "{table}")
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        self.trailer()?;
        let line = s.line();
        let style = if !self.painter.color() {
            owo_colors::Style::new()
        } else if s.failed > 0 {
            styles::error()
        } else if s.warnings > 0 {
            styles::warning()
        } else {
            styles::ok()
        };
        self.line(&line, style)
    }
}

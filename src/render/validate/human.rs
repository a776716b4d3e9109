//! Human output of `validate`: one line per finding, then the summary line.

use std::io::{self, Write};

use super::ValidateReport;
use crate::input::InputError;
use crate::render::finding::finding_line;
use crate::render::style::{Painter, styles};
use crate::validate::{Summary, Verdict};

/// `validate`'s default output.
pub struct HumanReport<W> {
    out: W,
    painter: Painter,
    verbose: bool,
}

impl<W: Write> HumanReport<W> {
    /// Writes to `out`; `verbose` also prints a line for payloads without findings.
    pub fn new(out: W, painter: Painter, verbose: bool) -> Self {
        HumanReport {
            out,
            painter,
            verbose,
        }
    }
}

impl<W: Write> ValidateReport for HumanReport<W> {
    fn verdict(&mut self, v: &Verdict) -> io::Result<()> {
        if v.skipped && !self.verbose {
            // Another HighLevel event: counted in the summary line; `-v` prints its note.
            return Ok(());
        }
        for d in &v.diagnostics {
            writeln!(self.out, "{}", finding_line(self.painter, &v.origin, d))?;
        }
        if self.verbose && v.diagnostics.is_empty() {
            let location = self
                .painter
                .paint(&v.origin.to_string(), styles::location());
            let ok = self.painter.paint("ok", styles::ok());
            let schema = v.schema.as_deref().unwrap_or("no");
            // The event is named where it is not the usual one.
            let event = match &v.event {
                Some(e) if *e != crate::model::event::Event::Outbound => {
                    format!("{}, ", crate::render::style::escape(&e.to_string()))
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

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let line = s.line();
        if self.painter.color() {
            let style = if s.failed > 0 {
                styles::error()
            } else if s.warnings > 0 {
                styles::warning()
            } else {
                styles::ok()
            };
            writeln!(self.out, "{}", self.painter.paint(&line, style))
        } else {
            writeln!(self.out, "{line}")
        }
    }
}

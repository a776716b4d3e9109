//! GitHub Actions workflow commands: one annotation per finding
//! (`::error file=…,line=…,col=…,title=…::message`), then the summary line.

use std::io::{self, Write};

use super::ValidateReport;
use crate::input::InputError;
use crate::model::finding::Severity;
use crate::render::style::escape;
use crate::validate::{Summary, Verdict};

/// Escapes the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// `validate --format github`.
pub struct GithubReport<W> {
    out: W,
}

impl<W: Write> GithubReport<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        GithubReport { out }
    }
}

impl<W: Write> ValidateReport for GithubReport<W> {
    fn verdict(&mut self, v: &Verdict) -> io::Result<()> {
        if v.skipped {
            // Another HighLevel event: counted in the summary line, not annotated.
            return Ok(());
        }
        for d in &v.diagnostics {
            let message = match &d.pointer {
                Some(p) => format!("{p}: {}", d.message),
                None => d.message.clone(),
            };
            writeln!(
                self.out,
                "::{} file={},line={},col={},title={}::{}",
                command(d.severity),
                escape_property(&escape(&v.origin.source)),
                d.position.line,
                d.position.column,
                escape_property(&format!("hlmsg {}", d.rule)),
                escape_data(&escape(&message)),
            )?;
        }
        Ok(())
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        writeln!(
            self.out,
            "::error file={},title=hlmsg input::{}",
            escape_property(&escape(&e.path)),
            escape_data(&escape(&e.message))
        )
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        writeln!(self.out, "{}", s.line())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}

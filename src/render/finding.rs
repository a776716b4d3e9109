//! The one human line for a finding: `source:line:column: severity[rule]: /pointer: message`.
//! validate's report, and every subcommand's fault line on standard error, use it.

use crate::model::finding::{Diagnostic, Severity};
use crate::model::origin::Origin;
use crate::render::style::{Painter, styles};

/// The style of a severity.
pub fn severity_style(s: Severity) -> owo_colors::Style {
    match s {
        Severity::Error => styles::error(),
        Severity::Warning => styles::warning(),
        Severity::Note => styles::note(),
    }
}

/// `source:line:column: severity[rule]: /pointer: message`, escaped and, with color on, painted.
pub fn finding_line(painter: Painter, origin: &Origin, d: &Diagnostic) -> String {
    let location = painter.paint(&origin.at(d.position).to_string(), styles::location());
    let label = painter.paint(
        &format!("{}[{}]", d.severity, d.rule),
        severity_style(d.severity),
    );
    let mut line = format!("{location}: {label}: ");
    if let Some(pointer) = &d.pointer {
        line.push_str(&painter.paint(pointer, styles::location()));
        line.push_str(": ");
    }
    line.push_str(&painter.paint(&d.message, owo_colors::Style::new()));
    line
}

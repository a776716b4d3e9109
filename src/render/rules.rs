//! Every byte `hlmsg rules` writes: the list of rules, one rule's page, and the same list as a
//! Markdown table (the README's) and as a roff section (the man page's).

use std::io::{self, Write};

use crate::render::listing::columns;
use crate::render::style::{Painter, styles};
use crate::render::width::{fit, wrap};
use crate::validate::rules::Rule;

/// One line per rule: name, severity, what it checks (wrapped under itself to `width`).
pub fn list(out: &mut dyn Write, rules: &[Rule], width: Option<usize>) -> io::Result<()> {
    let rows: Vec<Vec<String>> = rules
        .iter()
        .map(|r| {
            vec![
                r.name.to_string(),
                r.severity.to_string(),
                r.summary.replace('`', ""),
            ]
        })
        .collect();
    columns(out, &rows, width)
}

/// How to try a rule's example on the command line.
pub fn try_it(rule: &Rule) -> String {
    let schema = match rule.schema {
        Some("open") => " --schema your-schema.json".to_string(),
        Some(name) => format!(" --schema {name}"),
        None => String::new(),
    };
    format!("echo '{}' | hlmsg validate{schema}", rule.example)
}

/// One rule's page: what, why, an example and the finding it draws.
pub fn page(out: &mut dyn Write, p: Painter, rule: &Rule, finding: Option<&str>) -> io::Result<()> {
    let title = format!("{} ({})", rule.name, rule.severity);
    writeln!(out, "{}", p.paint(&title, owo_colors::Style::new().bold()))?;
    writeln!(out)?;
    let paragraph = |out: &mut dyn Write, text: &str| -> io::Result<()> {
        let text = text.replace('`', "");
        match p.width() {
            Some(w) => wrap(&text, w, 2)
                .iter()
                .try_for_each(|line| writeln!(out, "{line}")),
            None => writeln!(out, "  {text}"),
        }
    };
    writeln!(out, "{}", p.paint("What it checks", styles::location()))?;
    paragraph(out, rule.summary)?;
    writeln!(out)?;
    writeln!(out, "{}", p.paint("Why", styles::location()))?;
    paragraph(out, rule.why)?;
    writeln!(out)?;
    writeln!(out, "{}", p.paint("Example", styles::location()))?;
    writeln!(out, "{}", fit(&format!("  $ {}", try_it(rule)), p.width()))?;
    if let Some(line) = finding {
        writeln!(out, "{}", fit(&format!("  {line}"), p.width()))?;
    }
    Ok(())
}

/// The rules as a Markdown table: the README's, generated from the same definitions.
pub fn markdown(rules: &[Rule]) -> String {
    let mut s = String::from("| rule | severity | what it checks |\n|---|---|---|\n");
    for r in rules {
        s.push_str(&format!(
            "| `{}` | {} | {} |\n",
            r.name,
            r.severity,
            r.summary.replace('|', "\\|")
        ));
    }
    s
}

/// The rules as a roff `RULES` section: the man page's, generated from the same definitions.
pub fn roff(out: &mut dyn Write, rules: &[Rule]) -> io::Result<()> {
    writeln!(out, ".SH RULES")?;
    writeln!(
        out,
        "Each finding names its rule in brackets; \\fBhlmsg rules\\fR \\fINAME\\fR explains one."
    )?;
    for r in rules {
        writeln!(out, ".TP")?;
        writeln!(out, "\\fB{}\\fR ({})", roff_text(r.name), r.severity)?;
        writeln!(out, "{}", roff_text(&r.summary.replace('`', "")))?;
    }
    Ok(())
}

/// Text safe in roff: backslashes and hyphens escaped, no line starting with a control
/// character.
fn roff_text(s: &str) -> String {
    let escaped = s.replace('\\', "\\e").replace('-', "\\-");
    match escaped.chars().next() {
        Some('.' | '\'') => format!("\\&{escaped}"),
        _ => escaped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::rules::RULES;

    #[test]
    fn markdown_and_roff_name_every_rule() {
        let md = markdown(RULES);
        let mut roff_out = Vec::new();
        roff(&mut roff_out, RULES).unwrap();
        let roff_out = String::from_utf8(roff_out).unwrap();
        for r in RULES {
            assert!(md.contains(&format!("| `{}` |", r.name)), "{}", r.name);
            assert!(roff_out.contains(&roff_text(r.name)), "{}", r.name);
        }
        assert_eq!(roff_text(".x-y\\"), "\\&.x\\-y\\e");
    }
}

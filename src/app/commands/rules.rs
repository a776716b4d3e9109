//! `hlmsg rules`: every rule `validate` can report beyond the schema keywords, or one rule's
//! page (what it checks, why, an example and the finding it draws).

use clap::Args;

use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::app::settings;
use crate::input::parse::parse;
use crate::input::{Item, Reader};
use crate::render::finding::finding_line;
use crate::render::rules as render;
use crate::render::style::Painter;
use crate::validate::Checker;
use crate::validate::rules::{RULES, Rule};
use crate::validate::schema::{Bundled, Selection};

/// `hlmsg rules`.
#[derive(Debug, Clone, Args)]
pub struct RulesArgs {
    /// A rule's name, as printed in brackets in a finding (`direction-not-outbound`).
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg rules                                      # every rule, its severity, what it checks
  hlmsg rules duplicate-key                        # why it matters, and an example",
        "the list (or the page) was printed",
        None,
        Some("no rule has that name, an output error"),
    )
}

/// The finding a rule's example draws, as `validate` prints it.
fn example_finding(rule: &Rule) -> Option<String> {
    let selection = match rule.schema {
        Some(name) => Bundled::ALL
            .into_iter()
            .find(|b| b.name() == name)
            .map(Selection::Bundled)?,
        None => Selection::Auto,
    };
    let checker = Checker::new(&selection, false, false).ok()?;
    let mut reader = Reader::new(std::sync::Arc::from("<stdin>"), rule.example.as_bytes());
    let Ok(Some(Item::Record(rec))) = reader.next() else {
        return None;
    };
    let verdict = checker.check(&parse(rec).ok()?);
    let d = verdict.diagnostics.iter().find(|d| d.rule == rule.name)?;
    Some(finding_line(Painter::new(false), &verdict.origin, d))
}

/// Runs `rules`.
pub fn run(args: &RulesArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let Some(name) = &args.name else {
        render::list(io.out, RULES, io.out_width)?;
        io.out.flush()?;
        return Ok(Outcome::Success);
    };
    let wanted = name.trim().trim_matches(['[', ']']);
    match RULES.iter().find(|r| r.name.eq_ignore_ascii_case(wanted)) {
        Some(rule) => {
            let painter = Painter::new(io.out_color).with_width(io.out_width);
            render::page(io.out, painter, rule, example_finding(rule).as_deref())?;
            io.out.flush()?;
            Ok(Outcome::Success)
        }
        None => {
            let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
            let message = format!(
                "no rule is named '{wanted}'; the rules are: {} (schema findings are named by \
                 their JSON Schema keyword: type, required, const, format, ...)",
                names.join(", ")
            );
            settings::refuse(io, &message)
        }
    }
}

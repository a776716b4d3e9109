//! `hlmsg validate`: check every payload, report findings, summarize.
//!
//! Payloads are parsed and checked on all cores (`--jobs`); findings are reported in input
//! order, so the output does not depend on the number of jobs.

use crate::cli::ValidateArgs;
use crate::exit::Outcome;
use crate::input::parallel::{Event, process};
use crate::input::{InputOptions, Record, expand};
use crate::payload::parse;
use crate::render::github::GithubReport;
use crate::render::human::HumanReport;
use crate::render::json::JsonReport;
use crate::render::junit::JunitReport;
use crate::render::{ValidateFormat, ValidateReport};
use crate::schema::Selection;
use crate::term::Painter;
use crate::validate::{Checker, Summary, Verdict};

use super::Io;

/// Masks what findings quote, for `--redact`.
fn redact_verdict(verdict: &mut Verdict) {
    for d in &mut verdict.diagnostics {
        d.message = crate::redact::redact_message(d.pointer.as_deref(), &d.message);
    }
}

/// Runs `validate`.
pub fn run(args: &ValidateArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if io.refuse_terminal_stdin(!args.input.paths.is_empty(), "validate")? {
        return Ok(Outcome::Trouble);
    }
    let selection = Selection::parse(&args.schema);
    if args.published && matches!(selection, Selection::File(_)) {
        io.err.error(
            "--published selects the bundled schemas; it cannot be combined with a schema file",
        )?;
        return Ok(Outcome::Trouble);
    }
    let checker = match Checker::new(&selection, args.published, args.strict) {
        Ok(c) => c,
        Err(e) => {
            io.err.error(&e.to_string())?;
            return Ok(Outcome::Trouble);
        }
    };

    // An empty fixture file is a mistake worth failing a CI run over.
    let input = InputOptions {
        require_payload: true,
        ..io.input_options(&args.input)
    };
    let io_jobs = io.jobs;
    let Io {
        out,
        out_color,
        err,
        ..
    } = io;
    let painter = Painter::new(*out_color);
    let mut report: Box<dyn ValidateReport + '_> = match args.format {
        ValidateFormat::Human => Box::new(HumanReport::new(&mut **out, painter, args.verbose)),
        ValidateFormat::Json => Box::new(JsonReport::new(&mut **out)),
        ValidateFormat::Github => Box::new(GithubReport::new(&mut **out)),
        ValidateFormat::Junit => Box::new(JunitReport::new(&mut **out)),
    };
    let redact = args.redact;
    let work = |rec: Record<'_>| {
        let mut verdict: Verdict = match parse(rec) {
            Ok(p) => checker.check(&p),
            Err(f) => f.into(),
        };
        if redact {
            redact_verdict(&mut verdict);
        }
        verdict
    };
    let mut summary = Summary::default();
    let trouble = process(
        expand(&input.paths),
        &input,
        io_jobs,
        work,
        |event| match event {
            Event::Done(verdict) => {
                summary.add(&verdict);
                report.verdict(&verdict)
            }
            Event::Fault(f) => {
                let mut verdict = Verdict::from(f);
                if redact {
                    redact_verdict(&mut verdict);
                }
                summary.add(&verdict);
                report.verdict(&verdict)
            }
            Event::InputError(e) => {
                err.error(&e.to_string())?;
                report.input_error(&e)
            }
        },
    )?;
    report.finish(&summary)?;
    drop(report);
    out.flush()?;
    Ok(if trouble {
        Outcome::Trouble
    } else if summary.failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

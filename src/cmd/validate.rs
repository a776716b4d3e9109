//! `hlmsg validate`: check every payload, report findings, summarize.

use std::io;

use crate::cli::ValidateArgs;
use crate::exit::Outcome;
use crate::input::{EntrySink, InputError, InputOptions, read_all};
use crate::payload::{Fault, Payload};
use crate::render::github::GithubReport;
use crate::render::human::HumanReport;
use crate::render::json::JsonReport;
use crate::render::junit::JunitReport;
use crate::render::{ValidateFormat, ValidateReport};
use crate::schema::Selection;
use crate::term::Painter;
use crate::validate::{Checker, Summary, Verdict};

use super::{ErrStream, Io};

struct Run<'r, 'io> {
    checker: &'r Checker,
    report: &'r mut dyn ValidateReport,
    summary: Summary,
    err: &'r mut ErrStream<'io>,
    redact: bool,
}

impl EntrySink for Run<'_, '_> {
    fn entry(&mut self, entry: Result<Payload<'_>, Fault>) -> io::Result<()> {
        let mut verdict: Verdict = match entry {
            Ok(p) => self.checker.check(&p),
            Err(f) => f.into(),
        };
        if self.redact {
            for d in &mut verdict.diagnostics {
                d.message = crate::redact::redact_message(d.pointer.as_deref(), &d.message);
            }
        }
        self.summary.add(&verdict);
        self.report.verdict(&verdict)
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.err.error(&e.to_string())?;
        self.report.input_error(e)
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
    let mut run = Run {
        checker: &checker,
        report: report.as_mut(),
        summary: Summary::default(),
        err,
        redact: args.redact,
    };
    let trouble = read_all(&input, &mut run)?;
    let summary = run.summary;
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

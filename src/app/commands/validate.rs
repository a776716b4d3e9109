//! `hlmsg validate`: check every payload, report findings, summarize.
//!
//! Payloads are parsed and checked on all cores (`--jobs`); findings are reported in input
//! order, so the output does not depend on the number of jobs.

use clap::Args;

use crate::app::cli::shared::{InputArgs, NamesOrText, Published, Redact, schema_names};
use crate::app::driver::{Consumer, Driver, Io};
use crate::app::exit::{self, Outcome};
use crate::app::settings;
use crate::input::InputOptions;
use crate::model::finding::Fault;
use crate::render::validate::ValidateReport;
use crate::render::validate::github::GithubReport;
use crate::render::validate::human::{HumanReport, Printing};
use crate::render::validate::json::JsonReport;
use crate::render::validate::junit::JunitReport;
use crate::validate::stats::Statistics;
use crate::validate::{Summary, Verdict};

/// `hlmsg validate`.
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Input paths and limits.
    #[command(flatten)]
    pub input: InputArgs,

    /// Schema to check against: auto (the bundled schema of each payload's event and channel),
    /// message, email, inbound, inbound-email, provider, or the path of a JSON Schema file.
    ///
    /// A file that looks like a capture of payloads (NDJSON, an array of objects, a payload) or
    /// refers to a schema elsewhere (hlmsg never fetches) is refused; a name close to a bundled
    /// schema's that is no file gets a suggestion.
    #[arg(long, value_name = "SCHEMA", default_value = "auto", value_parser = NamesOrText { names: schema_names })]
    pub schema: String,

    /// The published schemas.
    #[command(flatten)]
    pub published: Published,

    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,

    /// Output format.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = ValidateFormat::Human)]
    pub format: ValidateFormat,

    /// Also print a line for each payload without findings, and every repeated note.
    ///
    /// Without it, a note repeated on the same field (unknown-field on /x in every payload) is
    /// printed once, and a line at the end says how many more there were.
    #[arg(short = 'v', long)]
    pub verbose: bool,

    /// Print errors and the summary line only; twice (-qq), the summary line alone.
    ///
    /// Warnings and notes are still counted in the summary line. Affects the human format.
    #[arg(short = 'q', long, action = clap::ArgAction::Count, conflicts_with = "verbose")]
    pub quiet: u8,

    /// Print at most N findings; the rest are counted, and a line says how many were not shown.
    ///
    /// Affects the human format; the machine formats always hold every finding.
    #[arg(long, value_name = "N")]
    pub max_findings: Option<u64>,

    /// Stop at the first payload that fails (exit 1); the rest of the input is not read.
    #[arg(long)]
    pub fail_fast: bool,

    /// After the findings, a table of them by rule and severity: how many, in how many
    /// payloads, and where each was first seen (in JSON, one `statistics` record).
    #[arg(long)]
    pub statistics: bool,

    /// Masking.
    #[command(flatten)]
    pub redact: Redact,
}

/// The output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ValidateFormat {
    /// One line per finding, `source:line:column: severity[rule]: /pointer: message`.
    #[default]
    Human,
    /// JSON Lines: one object per payload, then a summary object.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A JUnit XML report, one test case per payload.
    Junit,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg validate samples/                     # every *.json, *.ndjson, *.jsonl in a folder
  hlmsg validate capture.json --strict        # warnings fail the payload too
  tail -n 1000 deliveries.ndjson | hlmsg validate --format json
  hlmsg validate fixtures/ --format github    # annotations in a GitHub Actions job",
        "every payload passed",
        Some("at least one payload failed (invalid JSON, a schema error, or a warning with --strict)"),
        None,
    )
}

/// Reports verdicts in input order and counts them.
struct Report<'r> {
    report: Box<dyn ValidateReport + 'r>,
    summary: Summary,
    statistics: Option<Statistics>,
    redact: bool,
    fail_fast: bool,
}

/// The error that ends a `--fail-fast` run at its first failed payload.
#[derive(Debug)]
struct FailedFast;

impl std::fmt::Display for FailedFast {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped at the first failed payload")
    }
}

impl std::error::Error for FailedFast {}

impl Report<'_> {
    fn verdict(&mut self, mut verdict: Verdict) -> std::io::Result<()> {
        if self.redact {
            verdict.redact();
        }
        self.summary.add(&verdict);
        if let Some(s) = &mut self.statistics {
            s.add(&verdict);
        }
        self.report.verdict(&verdict)?;
        if self.fail_fast && !verdict.skipped && !verdict.passed() {
            return Err(std::io::Error::other(FailedFast));
        }
        Ok(())
    }
}

impl Consumer<Verdict> for Report<'_> {
    fn done(&mut self, verdict: Verdict) -> std::io::Result<()> {
        self.verdict(verdict)
    }

    fn fault(&mut self, fault: &Fault) -> std::io::Result<bool> {
        self.verdict(Verdict::from(fault.clone()))?;
        Ok(true)
    }

    fn input_error(&mut self, e: &crate::input::InputError) -> std::io::Result<()> {
        self.report.input_error(e)
    }
}

/// Runs `validate`.
pub fn run(args: &ValidateArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let checker =
        match settings::checker(&args.schema, args.published, args.strict, &args.input.paths) {
            Ok(c) => c,
            Err(message) => return settings::refuse(io, &message),
        };
    // An empty fixture file is a mistake worth failing a CI run over.
    let input = InputOptions {
        require_payload: true,
        ..args.input.read.options()
    };
    let Some((mut driver, out)) = Driver::start(io, "validate", &args.input.paths, input)? else {
        return Ok(Outcome::Trouble);
    };
    let painter = out.painter();
    let w = out.w;
    let report: Box<dyn ValidateReport + '_> = match args.format {
        ValidateFormat::Human => Box::new(HumanReport::new(
            &mut *w,
            painter,
            Printing {
                verbose: args.verbose,
                quiet: args.quiet,
                max_findings: args.max_findings,
            },
        )),
        ValidateFormat::Json => Box::new(JsonReport::new(&mut *w)),
        ValidateFormat::Github => Box::new(GithubReport::new(&mut *w)),
        ValidateFormat::Junit => Box::new(JunitReport::new(&mut *w)),
    };
    let mut report = Report {
        report,
        summary: Summary::default(),
        statistics: args.statistics.then(Statistics::default),
        redact: args.redact.redact,
        fail_fast: args.fail_fast,
    };
    let read = driver.read_paths(
        &args.input.paths,
        |rec| checker.check_record(rec),
        &mut report,
    );
    match read {
        Ok(()) => {}
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<FailedFast>()) => {
            driver
                .note("--fail-fast: stopped at the first failed payload; the rest was not read")?;
        }
        Err(e) => return Err(e.into()),
    }
    if let Some(stats) = &report.statistics {
        report.report.statistics(stats)?;
    }
    report.report.finish(&report.summary)?;
    let failed = report.summary.failed > 0;
    drop(report);
    w.flush()?;
    Ok(driver.finish(Outcome::findings_if(failed)))
}

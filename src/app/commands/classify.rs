//! `hlmsg classify`: the channel of every payload, a summary table, and filtering (`--only`) or
//! splitting (`--split`) a capture by channel.
//!
//! Classification reads only the few fields it needs ([`crate::input::view::View`]), never the
//! whole payload, on every core.

use std::io;
use std::path::PathBuf;

use clap::Args;

use crate::app::cli::shared::{ChannelParser, InputArgs, Redact};
use crate::app::driver::{Consumer, Driver, Io, Out};
use crate::app::exit::{self, Outcome};
use crate::app::{interrupt, settings};
use crate::classify::tally::Tally;
use crate::classify::{Channel, Classification, classify_view};
use crate::input::describe_io_error;
use crate::input::parse::with_view;
use crate::model::finding::{Fault, RULE_JSON};
use crate::model::origin::Origin;
use crate::render::classify::split::{Splitter, one_line};
use crate::render::classify::{self as render, json};

/// The output formats of `classify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ClassifyFormat {
    /// `source:line:column  CHANNEL  (by FIELD)` per payload, then a summary table.
    #[default]
    Human,
    /// JSON Lines: one object per payload, then a summary object.
    Json,
}

/// `hlmsg classify`.
#[derive(Debug, Clone, Args)]
pub struct ClassifyArgs {
    /// Input paths and limits.
    #[command(flatten)]
    pub input: InputArgs,

    /// Print only the summary table.
    #[arg(short = 's', long)]
    pub summary: bool,

    /// Output format of the report.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = ClassifyFormat::Human)]
    pub format: ClassifyFormat,

    /// Instead of the report, write each payload of CHANNEL to standard output, one per line
    /// (repeatable).
    ///
    /// Names are case-insensitive and take HighLevel's spellings too (facebook, instagram,
    /// livechat, TYPE_SMS, ...). A payload that arrived on one line is written byte for byte;
    /// one that spanned lines is compacted (key order and string contents kept).
    #[arg(
        long,
        value_name = "CHANNEL",
        value_parser = ChannelParser { channels: Channel::named(), with_unknown: true },
        conflicts_with_all = ["split", "summary", "format"]
    )]
    pub only: Vec<Channel>,

    /// Write every payload to DIR/<channel>.ndjson (same bytes rule as --only), creating DIR;
    /// then print the count per file and `N read, N written, N unreadable`. Payloads of other
    /// HighLevel events go to DIR/<event>.ndjson (contact-create.ndjson, ...).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["summary", "format"])]
    pub split: Option<PathBuf>,

    /// Masking.
    #[command(flatten)]
    pub redact: Redact,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg classify samples/                          # one line per payload, then a summary table
  hlmsg classify --summary day.ndjson              # only the table
  hlmsg classify --only sms day.ndjson > sms.ndjson
  hlmsg classify --split by-channel/ day.ndjson    # one NDJSON file per channel",
        "every payload was read",
        Some("at least one entry was not a JSON payload (reported on standard error)"),
        Some("the command could not do its job: bad arguments, an unreadable path, an output error"),
    )
}

/// Where classified payloads go.
enum Mode {
    /// The per-payload report (unless `--summary`) and the table.
    Report { summary_only: bool, json: bool },
    /// Matching payloads to stdout.
    Only,
    /// Every payload to `DIR/<channel>.ndjson`.
    Split(Splitter),
}

/// A classified record, ready to report: computed on a worker thread.
struct Classified {
    origin: Origin,
    class: Classification,
    /// The payload as one output line, when `--only` wants it or `--split` writes it.
    line: Option<Vec<u8>>,
}

/// Whether a payload is one `--only` asked for: a message of one of its channels (payloads of
/// other HighLevel events have no channel).
fn wanted(only: &[Channel], class: &Classification) -> bool {
    let got = &class.channel;
    class.is_message()
        && only.iter().any(|want| match (want, got) {
            (Channel::Unknown(_), Channel::Unknown(_)) => true,
            (a, b) => a == b,
        })
}

/// Reports classified payloads in input order.
struct Report<'o> {
    mode: Mode,
    out: Out<'o>,
    tally: Tally,
}

impl Consumer<Classified> for Report<'_> {
    fn done(&mut self, c: Classified) -> io::Result<()> {
        self.tally.add(&c.class);
        match &mut self.mode {
            Mode::Report {
                summary_only: true, ..
            } => Ok(()),
            Mode::Report { json: true, .. } => json::payload(self.out.w, &c.origin, &c.class),
            Mode::Report { .. } => {
                let painter = self.out.painter();
                render::line(self.out.w, painter, &c.origin, &c.class)
            }
            Mode::Only => match &c.line {
                Some(line) => self.out.w.write_all(line),
                None => Ok(()),
            },
            Mode::Split(splitter) => match &c.line {
                Some(line) if c.class.is_message() => splitter.write(c.class.channel.slug(), line),
                Some(line) => splitter.write(c.class.event.static_slug(), line),
                None => Ok(()),
            },
        }
    }

    fn fault(&mut self, f: &Fault) -> io::Result<bool> {
        self.tally.unreadable += 1;
        if let Mode::Report { json: true, .. } = self.mode {
            json::unreadable(self.out.w, f)?;
            return Ok(true);
        }
        Ok(false)
    }
}

/// Runs `classify`.
pub fn run(args: &ClassifyArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let mode = if let Some(dir) = &args.split {
        let track = |path: &std::path::Path, on: bool| {
            if on {
                interrupt::track(path)
            } else {
                interrupt::untrack(path)
            }
        };
        match Splitter::new(dir, track) {
            Ok(s) => Mode::Split(s),
            Err(e) => {
                let message = format!("--split {}: {}", dir.display(), describe_io_error(&e));
                return settings::refuse(io, &message);
            }
        }
    } else if !args.only.is_empty() {
        Mode::Only
    } else {
        Mode::Report {
            summary_only: args.summary,
            json: args.format == ClassifyFormat::Json,
        }
    };
    let input = args.input.read.options();
    let Some((mut driver, out)) = Driver::start(io, "classify", &args.input.paths, input)? else {
        return Ok(Outcome::Trouble);
    };
    let split = matches!(mode, Mode::Split(_));
    let redact = args.redact.redact && !matches!(mode, Mode::Report { .. });
    let work = |rec: crate::input::Record<'_>| -> Result<Classified, Fault> {
        let class = with_view(&rec, classify_view)?;
        let line = match split || wanted(&args.only, &class) {
            true => Some(
                one_line(rec.bytes, redact)
                    .map_err(|message| Fault::new(rec.origin.clone(), RULE_JSON, None, message))?,
            ),
            false => None,
        };
        Ok(Classified {
            origin: rec.origin.clone(),
            class,
            line,
        })
    };
    let mut report = Report {
        mode,
        out,
        tally: Tally::default(),
    };
    if let Err(e) = driver.read_paths(&args.input.paths, work, &mut report) {
        if let Mode::Split(s) = report.mode {
            s.abandon();
        }
        return Err(e.into());
    }
    let Report { mode, out, tally } = report;
    match mode {
        Mode::Report { json: true, .. } => json::summary(out.w, &tally)?,
        Mode::Report { .. } => render::summary(out.w, &tally, !args.summary, out.width)?,
        Mode::Only => {}
        Mode::Split(splitter) => {
            let files = interrupt::uninterrupted(|| splitter.finish())?;
            let painter = out.painter();
            render::split::written(out.w, painter, &files, &tally)?;
        }
    }
    out.w.flush()?;
    Ok(driver.finish(Outcome::findings_if(tally.unreadable > 0)))
}

//! `hlmsg diff LEFT RIGHT`: compare two payloads, or two captures. With `--schema`, the payloads
//! are compared with the schemas' shape instead ([`schema`]).
//!
//! Each side is read exactly once, so standard input and pipes work as well as files. The side
//! that takes less memory to keep (the smaller in bytes; a side whose size cannot be known in
//! advance, standard input or a pipe, is always kept) is read first into a
//! [`Index`] of raw payload bytes. The other side is then streamed: each of its payloads
//! is paired, compared and reported at once, and dropped.
//!
//! Whether two single payloads or two captures are compared is known only while reading: when
//! the kept side holds exactly one entry, the first entry of the streamed side waits until the
//! next one shows whether there is a second.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::app::cli::shared::{NamesOrText, Published, ReadArgs, Redact, schema_names};
use crate::app::driver::{Driver, Io};
use crate::app::exit::{self, Outcome};
use crate::app::settings;
use crate::diff::Ignore;
use crate::diff::pair::Index;
use crate::input::walk::WalkOptions;
use crate::input::{Found, InputError, InputOptions, Sources, expand, total_size};
use crate::render::diff::{DiffReport, DiffSummary, HumanDiff, JsonDiff, PatchDiff, Side};
use crate::validate::schema::Selection;
use crate::validate::schema_file;

mod captures;
mod schema;

use captures::{KeepSink, Mode, Refused, StreamSink, read_kept, read_streamed};

/// `hlmsg diff`.
#[derive(Debug, Clone, Args)]
#[command(override_usage = "hlmsg diff [OPTIONS] <LEFT> <RIGHT>\n       \
                            hlmsg diff --schema[=KIND] [OPTIONS] [PATH]...")]
pub struct DiffArgs {
    /// LEFT and RIGHT, the old and the new side (each a file, a folder, or - for standard input);
    /// with --schema, the payloads to check (none: standard input).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Compare payloads with a schema's shape instead of with each other: auto (the default),
    /// message, email, inbound, inbound-email, provider, or a JSON Schema FILE.
    ///
    /// auto checks each payload against the bundled schema of its event and channel, as validate
    /// does; payloads of other HighLevel events are left out (a note says how many). With one payload, every declared property and every carried
    /// field is a row: ok, missing (required, absent), absent (optional), extra (not declared) or
    /// type (a type the schema does not allow). With more, one row per field per schema: the
    /// payloads that carry it, the JSON types seen, and ok, extra, never seen, type drift or
    /// missing in N. Nested objects and arrays are walked: `/attachments/*` stands for every
    /// element of /attachments.
    ///
    /// The value is optional. A value other than auto and the bundled names is a schema FILE only
    /// when a PATH follows it and it is not a folder: `--schema samples/` and
    /// `--schema capture.ndjson` check those paths against the bundled schemas, while
    /// `--schema my.schema.json capture.ndjson` uses my.schema.json (write `-` to read standard
    /// input: `--schema my.schema.json -`). A schema file that looks like a capture (NDJSON, an
    /// array of objects, a payload) is refused: `--schema=auto A.ndjson B.ndjson` checks both.
    #[arg(
        long,
        value_name = "KIND",
        num_args = 0..=1,
        default_missing_value = "auto",
        conflicts_with_all = ["ignore", "ignore_ids", "by_position"],
        value_parser = NamesOrText { names: schema_names }
    )]
    pub schema: Option<String>,

    /// With --schema: split the report by channel (the channel classify tells).
    #[arg(long, requires = "schema")]
    pub by_channel: bool,

    /// With --schema: extra fields are reported but do not fail the run.
    #[arg(long, requires = "schema")]
    pub allow_extra: bool,

    /// With --schema: list only the fields that are not ok (the summary still counts them all).
    #[arg(long, requires = "schema")]
    pub drift_only: bool,

    /// With --schema: up to 5 places where each field drifts, instead of the first.
    ///
    /// Every field that is not ok has the source:line:column where a payload first showed its
    /// status (the value of an extra field or of a type the schema does not allow; for a missing
    /// field, the object that lacks it); with --verbose, the first 5 such payloads.
    #[arg(short = 'v', long, requires = "schema")]
    pub verbose: bool,

    /// With --schema: the published schemas.
    #[command(flatten)]
    pub published: Published,

    /// Leave a place out of the comparison (repeatable).
    ///
    /// A JSON pointer (`/dateAdded`, `/attachments/0`, with `~1` for `/` and `~0` for `~`)
    /// ignores that place and everything under it; a bare key name (`messageId`) ignores that
    /// key wherever it appears.
    #[arg(long, value_name = "POINTER_OR_KEY", value_parser = parse_ignore)]
    pub ignore: Vec<String>,

    /// Ignore the fields that differ between two deliveries of the same kind of message.
    ///
    /// messageId, dateAdded, conversationId, contactId, locationId, userId, emailMessageId,
    /// threadId, conversationProviderId, webhookId and timestamp, wherever they appear; so a
    /// capture can be compared with a fixture. Captures are still paired by messageId: add
    /// --by-position when the ids differ.
    #[arg(long)]
    pub ignore_ids: bool,

    /// Pair the payloads of two captures by position, not by messageId.
    #[arg(long)]
    pub by_position: bool,

    /// Show a long string that changed whole, every change marked, instead of the changes
    /// with some context around each.
    #[arg(long)]
    pub full: bool,
    /// Masking.
    #[command(flatten)]
    pub redact: Redact,

    /// Output format: human, json (JSON Lines), json-patch (an RFC 6902 patch that turns LEFT
    /// into RIGHT; two single payloads only) or markdown (with --schema: the report as
    /// GitHub-flavoured Markdown tables).
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// How payloads are read.
    #[command(flatten)]
    pub read: ReadArgs,
}

impl DiffArgs {
    /// With `--schema`: the schema and the paths to check. A value that is not `auto` or a
    /// bundled schema's name is a path (checked against the bundled schemas) when it is `-`, a
    /// folder, or the last argument (unless no file has that name, a misspelling of a bundled
    /// schema's); otherwise it is the schema file.
    pub fn schema_mode(&self) -> Option<(Selection, Vec<PathBuf>)> {
        let value = self.schema.as_deref()?;
        let selection = Selection::parse(value);
        let Selection::File(file) = &selection else {
            return Some((selection, self.paths.clone()));
        };
        let misspelled = schema_file::misspelled(value).is_some();
        if value == "-" || file.is_dir() || (self.paths.is_empty() && !misspelled) {
            let mut paths = vec![file.clone()];
            paths.extend(self.paths.iter().cloned());
            return Some((Selection::Auto, paths));
        }
        Some((selection, self.paths.clone()))
    }

    /// Checks what clap cannot: the number of paths, and the formats of each mode.
    pub fn check(&self) -> Result<(), String> {
        if self.published.published && self.schema.is_none() {
            return Err("--published selects the schemas of --schema; add --schema".to_string());
        }
        match (&self.schema, self.format) {
            (None, DiffFormat::Markdown) => {
                Err("--format markdown is for the report of --schema".to_string())
            }
            (None, _) if self.paths.len() != 2 => Err(format!(
                "diff compares two sides: give LEFT and RIGHT (got {} path{}), or --schema to \
                 check payloads against the bundled schemas",
                self.paths.len(),
                if self.paths.len() == 1 { "" } else { "s" }
            )),
            (Some(_), DiffFormat::JsonPatch) => Err(
                "--format json-patch turns LEFT into RIGHT; with --schema use human, json or markdown"
                    .to_string(),
            ),
            _ => Ok(()),
        }
    }

    /// The places and keys to leave out of the comparison.
    pub fn ignored(&self) -> Ignore {
        let mut ignore = Ignore::new();
        for arg in &self.ignore {
            // Each argument was checked while parsing the command line.
            let _ = ignore.add(arg);
        }
        if self.ignore_ids {
            ignore.add_ids();
        }
        ignore
    }
}

/// Checks an `--ignore` argument: a JSON pointer or a key name.
pub fn parse_ignore(s: &str) -> Result<String, String> {
    Ignore::new().add(s).map_err(|e| e.to_string())?;
    Ok(s.to_string())
}

/// The output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum DiffFormat {
    /// One line per difference, `~ /pointer: left → right`, then a summary line.
    #[default]
    Human,
    /// JSON Lines: one object per difference, then a summary object.
    Json,
    /// One RFC 6902 JSON Patch that turns LEFT into RIGHT (two single payloads only).
    JsonPatch,
    /// With `--schema`: the report as GitHub-flavoured Markdown tables.
    Markdown,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg diff fixture.json capture.json --ignore-ids    # what changed, apart from the ids
  hlmsg diff --schema email payload.json               # one payload against the email schema
  hlmsg diff --schema samples/                         # every field against the bundled schemas
  hlmsg diff --schema --by-channel --allow-extra today.ndjson --format markdown",
        "no differences; with --schema, the payloads fit the schema's shape (no extra field unless\n     --allow-extra, no type drift, no missing required field)",
        Some("differences were found; with --schema, the payloads drift from the shape"),
        Some(
            "trouble: an unreadable path, input that is not JSON, bad arguments, a schema that does not\n     compile, a capture with --format json-patch (2 wins over 1)",
        ),
    )
    .replacen("Exit codes:", "Exit codes (like diff(1)):", 1)
}

/// The sources of one side (with the notes on its walk), or the errors that make it
/// unreadable. Both sides are listed before either is read: the smaller one is kept.
fn expand_side(path: &Path, walk: &WalkOptions) -> Result<Vec<Found>, Vec<InputError>> {
    let (ok, errors): (Vec<_>, Vec<_>) =
        expand(&[path.to_path_buf()], walk).partition(|f| !matches!(f, Found::Unreadable(_)));
    if !errors.is_empty() {
        return Err(errors
            .into_iter()
            .filter_map(|f| match f {
                Found::Unreadable(e) => Some(e),
                _ => None,
            })
            .collect());
    }
    if ok.is_empty() {
        return Err(vec![InputError {
            path: path.to_string_lossy().into_owned(),
            message: "folder holds no *.json, *.ndjson, *.jsonl or *.http file".to_string(),
        }]);
    }
    Ok(ok)
}

/// Runs `diff`.
pub fn run(args: &DiffArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if let Some((selection, paths)) = args.schema_mode() {
        return schema::run(args, &selection, &paths, io);
    }
    let ([left, right], DiffFormat::Human | DiffFormat::Json | DiffFormat::JsonPatch) =
        (args.paths.as_slice(), args.format)
    else {
        // The command line was checked (`Cli::check`); never panic if it was not.
        return settings::refuse(
            io,
            "diff compares two sides: give LEFT and RIGHT, or --schema",
        );
    };
    let is_stdin = |p: &PathBuf| p.as_os_str() == "-";
    if is_stdin(left) && is_stdin(right) {
        return settings::refuse(
            io,
            "LEFT and RIGHT cannot both be standard input ('-'); name a file for one",
        );
    }
    let walk = args.read.options().walk;
    let (left, right) = match (expand_side(left, &walk), expand_side(right, &walk)) {
        (Ok(l), Ok(r)) => (l, r),
        (l, r) => {
            for e in [l.err(), r.err()].into_iter().flatten().flatten() {
                io.err.error(&e.to_string())?;
            }
            return Ok(Outcome::Trouble);
        }
    };
    // Keep the side that cannot be read twice, or the smaller; LEFT on a tie.
    let kept = match (total_size(&left), total_size(&right)) {
        (None, _) => Side::Left,
        (_, None) => Side::Right,
        (Some(l), Some(r)) if r < l => Side::Right,
        _ => Side::Left,
    };
    let (kept_sources, streamed_sources) = match kept {
        Side::Left => (left, right),
        Side::Right => (right, left),
    };
    let ignore = args.ignored();
    let input = InputOptions {
        require_payload: true,
        ..args.read.options()
    };
    let Some((mut driver, out)) = Driver::start(io, "diff", &args.paths, input)? else {
        return Ok(Outcome::Trouble);
    };
    let painter = out.painter();
    let w = out.w;
    let mut report: Box<dyn DiffReport + '_> = match args.format {
        DiffFormat::Human => Box::new(HumanDiff::new(&mut *w, painter, args.full)),
        DiffFormat::Json => Box::new(JsonDiff::new(&mut *w)),
        DiffFormat::JsonPatch | DiffFormat::Markdown => Box::new(PatchDiff::new(&mut *w)),
    };
    let mut results = captures::Results {
        report: report.as_mut(),
        trouble: false,
        errors: Vec::new(),
    };
    let mut keep = KeepSink {
        out: &mut results,
        index: Index::new(args.by_position),
        entries: 0,
    };
    let redact = args.redact.redact;
    driver.read(
        Sources::from(kept_sources),
        |rec| read_kept(rec, redact),
        &mut keep,
    )?;
    let KeepSink { index, entries, .. } = keep;

    let mut stream = StreamSink {
        redact: args.redact.redact,
        out: &mut results,
        index,
        kept,
        ignore: &ignore,
        patch: args.format == DiffFormat::JsonPatch,
        mode: Mode::Capture,
        summary: DiffSummary::default(),
    };
    let started = if entries == 1 {
        stream.mode = Mode::Undecided { first: None };
        true
    } else {
        stream.start_capture(&format!("{} holds {entries} payloads", kept.name()))?
    };
    if started {
        match driver.read(
            Sources::from(streamed_sources),
            |rec| read_streamed(rec, redact),
            &mut stream,
        ) {
            Ok(()) => {}
            Err(e) if e.get_ref().is_some_and(|inner| inner.is::<Refused>()) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let by_id = stream.has_message_ids();
    let (summary, complete) = if started {
        stream.finish()?
    } else {
        (DiffSummary::default(), false)
    };
    if complete {
        results.report.finish(&summary)?;
    }
    for message in std::mem::take(&mut results.errors) {
        driver.error(&message)?;
    }
    if results.trouble || !complete {
        driver.trouble();
    }
    if summary.capture
        && !args.by_position
        && by_id
        && summary.same + summary.changed == 0
        && summary.only_in_left > 0
        && summary.only_in_right > 0
    {
        driver.err().note(
            "no payload of LEFT has the messageId of one in RIGHT; \
             add --by-position to pair them by position",
        )?;
    }
    drop(report);
    w.flush()?;
    Ok(driver.finish(Outcome::findings_if(summary.differs())))
}

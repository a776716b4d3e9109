//! `hlmsg show` (alias `pretty`): a card, the body and the pretty JSON of each payload; or only the
//! JSON, compact NDJSON, or a one-row-per-payload table of a whole capture.
//!
//! Every string that comes from a payload or a file name is escaped before it reaches the
//! terminal. Records are rendered on every core and written in input order.

use std::io;

use clap::Args;

use crate::app::cli::shared::{InputArgs, Now, Redact};
use crate::app::driver::{Consumer, Driver, Io, Out};
use crate::app::exit::{self, Outcome};
use crate::input::Record;
use crate::model::finding::Fault;
use crate::render::show::card::Renderer;
use crate::render::show::table::TableWriter;
use crate::show::fields::{FIELDS, Field, FieldList, TABLE_DEFAULT, parse_checked};

/// The output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ShowFormat {
    /// A card, the body as text, and the pretty JSON of each payload.
    #[default]
    Card,
    /// Only the pretty JSON (colored on a terminal), as it arrived: key order and repeated keys kept.
    Json,
    /// One compact JSON line per payload (an NDJSON formatter), key order kept.
    Compact,
    /// One row per payload: source:line, date, channel, direction, status, contact, body preview.
    Table,
}

/// `hlmsg show`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// Input paths and limits.
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = ShowFormat::Card)]
    pub format: ShowFormat,

    /// Show whole bodies, however long.
    #[arg(long)]
    pub full: bool,

    /// Only these fields in the card or the table, comma-separated.
    #[arg(long, value_name = "FIELDS", long_help = fields_help(), value_parser = parse_checked)]
    pub fields: Option<FieldList>,

    /// The time ages are measured from.
    #[command(flatten)]
    pub now: Now,

    /// Masking.
    #[command(flatten)]
    pub redact: Redact,
}

/// The long help of `--fields`: the names come from the fields table.
fn fields_help() -> String {
    let names: Vec<&str> = FIELDS.iter().map(|(name, _, _)| *name).collect();
    format!(
        "Only these fields in the card or the table, comma-separated.\n\nNames: {}; or any \
         top-level payload field such as altId (signature is the delivery's signature header).",
        names.join(", ")
    )
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg show samples/email.json                    # card, body as text, colored JSON
  cat samples/*.json | hlmsg show --format table   # one row per payload
  hlmsg show --format compact capture.json > capture.ndjson
  hlmsg show --fields date,channel,webhookId day.ndjson",
        "every payload was shown",
        Some("at least one entry was not a JSON payload (reported on standard error)"),
        Some(
            "the command could not do its job: bad arguments, an unreadable path, an output error",
        ),
    )
}

/// What one record renders to, on a worker thread.
enum Rendered {
    /// Text to write as it is (a card, pretty JSON, a compact line).
    Text(Vec<u8>),
    /// A large payload's bytes, whose pretty JSON is written as it is made.
    Json(Vec<u8>),
    /// The cells of a table row.
    Row(Vec<String>),
}

/// Writes what the workers rendered, in input order.
struct Report<'o, 'r> {
    renderer: &'r Renderer,
    out: Out<'o>,
    table: TableWriter,
    unreadable: u64,
    shown: u64,
}

impl Consumer<Rendered> for Report<'_, '_> {
    fn done(&mut self, r: Rendered) -> io::Result<()> {
        self.shown += 1;
        match r {
            Rendered::Text(bytes) => self.out.w.write_all(&bytes),
            Rendered::Json(raw) => self.renderer.json_to(&raw, self.out.w),
            Rendered::Row(row) => self.table.row(self.out.w, row),
        }
    }

    fn fault(&mut self, _: &Fault) -> io::Result<bool> {
        self.unreadable += 1;
        Ok(false)
    }
}

/// Runs `show`.
pub fn run(args: &ShowArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let fields = args.fields.clone().map(|f| f.0);
    let table_fields = fields
        .clone()
        .unwrap_or_else(|| TABLE_DEFAULT.iter().map(|n| Field::parse(n)).collect());
    let input = args.input.read.options();
    let Some((mut driver, out)) = Driver::start(io, "show", &args.input.paths, input)? else {
        return Ok(Outcome::Trouble);
    };
    let renderer = Renderer {
        fields,
        table_fields,
        painter: out.painter(),
        now: args.now.get(),
        full: args.full,
        redact: args.redact.redact,
    };
    let format = args.format;
    let work = |rec: Record<'_>| -> Result<Rendered, Fault> {
        Ok(match format {
            ShowFormat::Card => Rendered::Text(renderer.card(rec)?),
            ShowFormat::Json => match renderer.json_later(&rec) {
                Some(raw) => Rendered::Json(raw?),
                None => Rendered::Text(renderer.json(rec)?),
            },
            ShowFormat::Compact => Rendered::Text(renderer.compact(rec)?),
            ShowFormat::Table => Rendered::Row(renderer.row(rec)?),
        })
    };
    let mut report = Report {
        renderer: &renderer,
        table: TableWriter::new(renderer.headers(), renderer.column_fits(), out.painter()),
        out,
        unreadable: 0,
        shown: 0,
    };
    driver.read_paths(&args.input.paths, work, &mut report)?;
    if format == ShowFormat::Table && report.shown > 0 {
        report.table.flush(report.out.w)?;
    }
    report.out.w.flush()?;
    Ok(driver.finish(Outcome::findings_if(report.unreadable > 0)))
}

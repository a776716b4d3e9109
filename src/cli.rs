//! The command line, as a clap derive.
//!
//! Rules kept here: every option that takes a value has an upper-case `value_name`; short flags are
//! given explicitly; a flag's short help is its doc comment's first line and the rest becomes its
//! long help (`--help`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::capture::InputMode;
use crate::diff::Ignore;
use crate::input::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAYLOAD_BYTES, InputOptions};
use crate::progress::Progress;
use crate::render::{DiffFormat, ValidateFormat};
use crate::schema::Selection;
use crate::signature::Scheme;
use crate::term::ColorChoice;

mod tools;
pub use tools::*;

/// The exit codes, as `--help` shows them.
macro_rules! exit_codes_help {
    () => {
        "Exit codes:
  0  every payload passed
  1  at least one payload failed (invalid JSON, a schema error, or a warning with --strict)
  2  the command could not do its job: bad arguments, an unreadable path, a schema that does
     not compile, an output error (2 wins over 1)
A closed pipe (`hlmsg ... | head`) ends the run quietly with exit 0."
    };
}

/// Exit codes, shown at the end of the top-level `--help`.
pub const EXIT_CODES_HELP: &str = "Exit codes:
  0  success: every payload passed (validate) or was read (classify, show); no differences (diff);
     the payloads fit the schema's shape (diff --schema)
  1  findings: a payload failed or was not JSON; differences were found (diff); the payloads
     drift from the schema's shape (diff --schema)
  2  the command could not do its job: bad arguments, an unreadable path, input that is not
     JSON (diff), a schema that does not compile, an output error (2 wins over 1)
A closed pipe (`hlmsg ... | head`) ends the run quietly with exit 0.";

const DIFF_AFTER_HELP: &str = "Examples:
  hlmsg diff fixture.json capture.json --ignore-ids    # what changed, apart from the ids
  hlmsg diff --schema email payload.json               # one payload against the email schema
  hlmsg diff --schema samples/                         # every field against the bundled schemas
  hlmsg diff --schema --by-channel --allow-extra today.ndjson --format markdown

Exit codes (like diff(1)):
  0  no differences; with --schema, the payloads fit the schema's shape (no extra field unless
     --allow-extra, no type drift, no missing required field)
  1  differences were found; with --schema, the payloads drift from the shape
  2  trouble: an unreadable path, input that is not JSON, bad arguments, a schema that does not
     compile, a capture with --format json-patch (2 wins over 1)";

const VALIDATE_AFTER_HELP: &str = concat!(
    "Examples:
  hlmsg validate samples/                     # every *.json, *.ndjson, *.jsonl in a folder
  hlmsg validate capture.json --strict        # warnings fail the payload too
  tail -n 1000 deliveries.ndjson | hlmsg validate --format json
  hlmsg validate fixtures/ --format github    # annotations in a GitHub Actions job

",
    exit_codes_help!()
);

/// Validate, inspect and compare HighLevel OutboundMessage webhook payloads.
///
/// hlmsg reads webhook bodies from files, folders or standard input (one payload, a JSON array
/// of payloads, NDJSON, concatenated JSON, raw HTTP captures or envelopes; detected
/// automatically). It checks them against bundled JSON Schemas for HighLevel's OutboundMessage
/// event (validate), tells their channels (classify), pretty-prints them (show), compares
/// payloads, captures or a capture with the schemas' shape (diff), and checks HighLevel's
/// signatures (verify).
#[derive(Debug, Parser)]
#[command(name = "hlmsg", version, propagate_version = true, after_help = EXIT_CODES_HELP)]
pub struct Cli {
    /// Threads that parse and check payloads in validate, classify and show; 0 (the default) uses
    /// every core. Output order is the input order whatever the number.
    #[arg(
        short = 'j',
        long,
        global = true,
        value_name = "N",
        default_value_t = 0
    )]
    pub jobs: usize,

    /// When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, global = true, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Never show a progress bar.
    ///
    /// Without this flag, validate, classify, show and diff show one on standard error when it
    /// is a terminal and the run reads more than about 50 MB or lasts longer than a second.
    #[arg(long, global = true)]
    pub no_progress: bool,

    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Checks the rules between arguments that clap's derive does not express; the error reads
    /// like clap's own and exits 2.
    pub fn check(&self) -> Result<(), clap::Error> {
        let Command::Diff(args) = &self.command else {
            return Ok(());
        };
        args.check().map_err(|message| {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            cmd.build();
            match cmd.find_subcommand_mut("diff") {
                Some(diff) => diff.error(clap::error::ErrorKind::ArgumentConflict, message),
                None => cmd.error(clap::error::ErrorKind::ArgumentConflict, message),
            }
        })
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check payloads against the bundled schemas and semantic rules.
    ///
    /// Each payload is checked against the email schema when it is an email (by messageType or
    /// messageTypeString) and against the message schema otherwise. Findings have three
    /// severities: errors (invalid JSON, schema violations) fail the payload; warnings (semantic
    /// rules such as direction-not-outbound) fail it only with --strict; notes (fields that no
    /// schema describes) never do. Every finding starts with source:line:column, pointing at the
    /// offending value. The last line is `N passed, N failed`, then `, N warnings` if any.
    #[command(after_help = VALIDATE_AFTER_HELP)]
    Validate(ValidateArgs),

    /// Tell the channel of each payload, summarize a capture, filter or split it by channel.
    ///
    /// The channel comes from messageTypeString (TYPE_* names), then messageType (any spelling:
    /// case, spaces, '_' and '-' do not matter), then, when both are missing, from telling fields
    /// (emailMessageId, threadId or subject: Email; callDuration or callStatus: Call;
    /// chatWidgetId: Live Chat). Calls also get their outcome (answered, voicemail) and duration.
    /// Conflicting fields are flagged. Only the fields classification needs are read.
    #[command(after_help = CLASSIFY_AFTER_HELP)]
    Classify(ClassifyArgs),

    /// Pretty-print payloads: a summary card, the body as text, and colored JSON.
    ///
    /// The card shows what a person looks for first: the channel (with the call outcome),
    /// direction, status, call duration, dateAdded in UTC with its age, the ids, and for emails
    /// the sender, recipients, subject and provider. Email HTML bodies are shown as readable
    /// text. Other formats print only the pretty JSON, compact NDJSON, or one table row per
    /// payload for a quick look at a whole capture. Text from payloads is always escaped: no
    /// control sequence reaches the terminal.
    #[command(visible_alias = "pretty", after_help = SHOW_AFTER_HELP)]
    Show(ShowArgs),

    /// Compare two payloads or captures, or payloads with the schemas (--schema).
    ///
    /// Compares LEFT with RIGHT semantically: key order and whitespace never matter, arrays
    /// compare by index, numbers by value (120 equals 120.0; large integers exactly). Each
    /// difference is one line with its JSON pointer: `~ /status: "delivered" → "failed"`
    /// (changed), `+ /subject: …` (only in RIGHT), `- /messageId: …` (only in LEFT); a change of
    /// type names both types. The last line is `N differences` or `no differences`.
    ///
    /// When LEFT or RIGHT holds several payloads (NDJSON, an array, a folder), payloads are
    /// paired by messageId (by position for payloads without one, or all of them with
    /// --by-position). Each changed pair is listed under a header naming its messageId and both
    /// origins; each payload only in LEFT or only in RIGHT gets a line too. The last line is `N same, N
    /// changed, N only in LEFT, N only in RIGHT`. The smaller side is held in memory and the
    /// other is streamed; a side read from standard input or a pipe is always the one held.
    ///
    /// With --schema, the payloads of PATH... are compared with the shape the bundled schemas
    /// (or a schema file) declare: what HighLevel added (extra), what stopped coming (missing in
    /// N, never seen), which types moved (type drift). One payload gets a row per declared
    /// property and carried field; a capture gets one row per field per schema with the payloads
    /// that carry it and the JSON types seen, in memory that depends on the number of distinct
    /// fields only. A number without a fractional part counts as integer; a field declared
    /// number accepts integers.
    #[command(after_help = DIFF_AFTER_HELP)]
    Diff(DiffArgs),

    /// Check HighLevel's signature of each delivery over its exact raw body.
    ///
    /// Reads raw HTTP captures and envelopes (and bare bodies with --signature). X-GHL-Signature
    /// (Ed25519) decides when present, as HighLevel's SDK does; otherwise X-WH-Signature (legacy
    /// RSA with SHA-256) is checked. HighLevel's published public keys are bundled;
    /// --public-key replaces the key of its scheme. Only the raw bytes count: a body that was
    /// re-formatted, or an envelope that holds the parsed body, cannot be verified byte for byte
    /// (--reserialize tries HighLevel's compact form, and says so). With --max-age, deliveries
    /// whose timestamp is older fail; a webhookId seen twice in a run fails as a duplicate.
    #[command(after_help = VERIFY_AFTER_HELP)]
    Verify(VerifyArgs),

    /// Print a bundled JSON Schema, or list them.
    ///
    /// Prints hlmsg's refined schema for every channel but email (message, the default) or for
    /// email, exactly as bundled in the binary, so other tools can use the same rules; with
    /// --published, the schema exactly as HighLevel's documentation publishes it. --list names
    /// each bundled schema with its `$id` (the published schemas have none).
    #[command(after_help = SCHEMA_AFTER_HELP)]
    Schema(SchemaArgs),

    /// Print a bundled sample payload, or generate realistic synthetic payloads.
    ///
    /// With NAME, prints that bundled sample exactly as shipped (--list names them all). With
    /// --count N, writes N synthetic OutboundMessage payloads as NDJSON, for load tests of a
    /// webhook receiver and for benchmarks: all eight channels of HighLevel's documentation in
    /// realistic proportions, ids in HighLevel's 20-character style, RFC 3339 dates, HTML email
    /// bodies, calls with durations, outcomes and recordings. The same --seed always gives the
    /// same bytes; --invalid-rate makes an exact share of them break the schema on purpose.
    #[command(after_help = SAMPLE_AFTER_HELP)]
    Sample(SampleArgs),

    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    ///
    /// The script completes subcommands, options and their values (formats, channels, schema
    /// names, shells) and file paths. Save it where your shell looks for completions (see the
    /// examples), or load it in the current shell, e.g. `source <(hlmsg completions bash)`.
    /// The same scripts are in the completions/ folder of the source.
    #[command(after_help = COMPLETIONS_AFTER_HELP)]
    Completions(CompletionsArgs),

    /// Print hlmsg's manual page (roff), covering every subcommand.
    ///
    /// The page for hlmsg itself comes first, then one page per subcommand (hlmsg-validate,
    /// hlmsg-classify, ...), each with its description, every option and its examples, all in
    /// one stream that man(1) reads as it is. Generated from the same definition as --help.
    #[command(after_help = MAN_AFTER_HELP)]
    Man(ManArgs),
}

const CLASSIFY_AFTER_HELP: &str = "\
Examples:
  hlmsg classify samples/                          # one line per payload, then a summary table
  hlmsg classify --summary day.ndjson              # only the table
  hlmsg classify --only sms day.ndjson > sms.ndjson
  hlmsg classify --split by-channel/ day.ndjson    # one NDJSON file per channel

Exit codes:
  0  every payload was read
  1  at least one entry was not a JSON payload (reported on standard error)
  2  the command could not do its job: bad arguments, an unreadable path, an output error";

const SHOW_AFTER_HELP: &str = "\
Examples:
  hlmsg show samples/email.json                    # card, body as text, colored JSON
  cat samples/*.json | hlmsg show --format table   # one row per payload
  hlmsg show --format compact capture.json > capture.ndjson
  hlmsg show --fields date,channel,webhookId day.ndjson

Exit codes:
  0  every payload was shown
  1  at least one entry was not a JSON payload (reported on standard error)
  2  the command could not do its job: bad arguments, an unreadable path, an output error";

const VERIFY_AFTER_HELP: &str = "\
Examples:
  hlmsg verify capture.http                        # raw HTTP requests saved by `nc -l`
  hlmsg verify n8n-export.json --max-age 5m        # envelopes; fail deliveries older than 5 minutes
  hlmsg verify body.json --signature \"$SIG\" --scheme ed25519 --public-key test-key.pem

Exit codes:
  0  every delivery verified
  1  at least one delivery failed (bad or missing signature, stale, duplicate)
  2  the command could not do its job: bad arguments, an unreadable path or key, an output error";

/// Where payloads come from; shared by every subcommand.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    /// Files, folders (searched recursively for *.json, *.ndjson, *.jsonl) or - for standard
    /// input. Without a path, standard input is read.
    ///
    /// A file or stream may hold one payload, a JSON array of payloads, NDJSON (one per line) or
    /// concatenated JSON values; a UTF-8 byte-order mark is skipped.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How payloads are read.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How payloads are read: limits and the kind of input; shared by every subcommand that reads.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and
    /// skipped).
    #[arg(long, value_name = "SIZE", default_value = "16MiB", value_parser = parse_size)]
    pub max_payload_size: u64,

    /// Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most
    /// 1000).
    #[arg(long, value_name = "LEVELS", default_value_t = DEFAULT_MAX_DEPTH, value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub max_depth: u64,

    /// What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as
    /// captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n
    /// webhook node's output).
    #[arg(long, value_enum, value_name = "KIND", default_value_t = InputMode::Auto)]
    pub input: InputMode,
}

impl ReadArgs {
    /// The input settings for `paths`.
    pub fn options(&self, paths: Vec<PathBuf>) -> InputOptions {
        InputOptions {
            paths,
            max_payload: self.max_payload_size,
            max_depth: self.max_depth,
            require_payload: false,
            mode: self.input,
            stdin: None,
            progress: Progress::new(),
        }
    }
}

impl Default for ReadArgs {
    fn default() -> Self {
        ReadArgs {
            max_payload_size: DEFAULT_MAX_PAYLOAD_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            input: InputMode::Auto,
        }
    }
}

impl InputArgs {
    /// The input settings.
    pub fn options(&self) -> InputOptions {
        self.read.options(self.paths.clone())
    }
}

/// `hlmsg validate`.
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Input paths and limits.
    #[command(flatten)]
    pub input: InputArgs,

    /// Schema to check against: auto (email schema for emails, message schema otherwise),
    /// message, email, or the path of a JSON Schema file.
    #[arg(long, value_name = "SCHEMA", default_value = "auto")]
    pub schema: String,

    /// Use the schemas exactly as HighLevel's documentation publishes them instead of hlmsg's
    /// refined schemas.
    #[arg(long)]
    pub published: bool,

    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,

    /// Output format.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = ValidateFormat::Human)]
    pub format: ValidateFormat,

    /// Also print a line for each payload without findings.
    #[arg(short = 'v', long)]
    pub verbose: bool,
    /// Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing.
    #[arg(long)]
    pub redact: bool,
}

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
    /// Names are case-insensitive and take aliases: sms, email, call, voicemail, fb or facebook,
    /// ig or instagram, gmb, live-chat, whatsapp, internal-comment, custom, unknown. A payload
    /// that arrived on one line is written byte for byte; one that spanned lines is compacted
    /// (key order and string contents kept).
    #[arg(long, value_name = "CHANNEL", conflicts_with_all = ["split", "summary", "format"])]
    pub only: Vec<String>,

    /// Write every payload to DIR/<channel>.ndjson (same bytes rule as --only), creating DIR;
    /// then print the count per file and `N read, N written, N unreadable`.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["summary", "format"])]
    pub split: Option<PathBuf>,
    /// Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing.
    #[arg(long)]
    pub redact: bool,
}

/// The output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ShowFormat {
    /// A card, the body as text, and the pretty JSON of each payload.
    #[default]
    Card,
    /// Only the pretty JSON (colored on a terminal), keys in the order they arrived.
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
    ///
    /// Names: source, date, channel, direction, status, duration, location, contact,
    /// conversation, message, user, from, to, cc, subject, provider, attachments, body,
    /// signature (the delivery's signature header), webhook, timestamp; or any top-level
    /// payload field such as altId.
    #[arg(long, value_name = "FIELDS")]
    pub fields: Option<String>,

    /// The time ages are measured from (RFC 3339), instead of now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
    /// Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing.
    #[arg(long)]
    pub redact: bool,
}

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
    /// message, email, or a JSON Schema FILE.
    ///
    /// auto checks emails against the email schema and other payloads against the message
    /// schema, as validate does. With one payload, every declared property and every carried
    /// field is a row: ok, missing (required, absent), absent (optional), extra (not declared) or
    /// type (a type the schema does not allow). With more, one row per field per schema: the
    /// payloads that carry it, the JSON types seen, and ok, extra, never seen, type drift or
    /// missing in N. Nested objects and arrays are walked: `/attachments/*` stands for every
    /// element of /attachments.
    ///
    /// The value is optional. A value other than auto, message and email is a schema FILE only
    /// when a PATH follows it and it is not a folder: `--schema samples/` and
    /// `--schema capture.ndjson` check those paths against the bundled schemas, while
    /// `--schema my.schema.json capture.ndjson` uses my.schema.json (write `-` to read standard
    /// input: `--schema my.schema.json -`).
    #[arg(
        long,
        value_name = "KIND",
        num_args = 0..=1,
        default_missing_value = "auto",
        conflicts_with_all = ["ignore", "ignore_ids", "by_position"]
    )]
    pub schema: Option<String>,

    /// With --schema: split the report by channel (the channel classify tells).
    #[arg(long, requires = "schema")]
    pub by_channel: bool,

    /// With --schema: extra fields are reported but do not fail the run.
    #[arg(long, requires = "schema")]
    pub allow_extra: bool,

    /// With --schema: use the schemas exactly as HighLevel's documentation publishes them.
    #[arg(long, requires = "schema")]
    pub published: bool,

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
    /// Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing.
    #[arg(long)]
    pub redact: bool,

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
    /// With `--schema`: the schema and the paths to check. A value that is not `auto`, `message`
    /// or `email` is a path (checked against the bundled schemas) when it is `-`, a folder, or the
    /// last argument; otherwise it is the schema file.
    pub fn schema_mode(&self) -> Option<(Selection, Vec<PathBuf>)> {
        let value = self.schema.as_deref()?;
        let selection = Selection::parse(value);
        let Selection::File(file) = &selection else {
            return Some((selection, self.paths.clone()));
        };
        if value == "-" || file.is_dir() || self.paths.is_empty() {
            let mut paths = vec![file.clone()];
            paths.extend(self.paths.iter().cloned());
            return Some((Selection::Auto, paths));
        }
        Some((selection, self.paths.clone()))
    }

    /// Checks what clap cannot: the number of paths, and the formats of each mode.
    fn check(&self) -> Result<(), String> {
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
fn parse_ignore(s: &str) -> Result<String, String> {
    Ignore::new().add(s).map_err(|e| e.to_string())?;
    Ok(s.to_string())
}

/// The output formats of `verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum VerifyFormat {
    /// `source:line:column: verified (ed25519)` or `FAILED (reason)`, then a summary line.
    #[default]
    Human,
    /// JSON Lines: one object per delivery, then a summary object.
    Json,
}

/// `hlmsg verify`.
#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    /// Input paths and limits.
    #[command(flatten)]
    pub input: InputArgs,

    /// A PEM public key (Ed25519 or RSA) to use instead of HighLevel's key of that scheme
    /// (repeatable: one per scheme).
    #[arg(long, value_name = "FILE")]
    pub public_key: Vec<PathBuf>,

    /// The signature (base64) of every body read, for bare bodies without headers.
    #[arg(long, value_name = "B64", requires = "scheme")]
    pub signature: Option<String>,

    /// The scheme of --signature.
    #[arg(long, value_enum, value_name = "SCHEME", requires = "signature")]
    pub scheme: Option<Scheme>,

    /// When an envelope holds the parsed body, try HighLevel's compact serialization of it.
    #[arg(long)]
    pub reserialize: bool,

    /// Fail deliveries whose `timestamp` is older than this (e.g. 300, 90s, 5m, 1h, 2d).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub max_age: Option<u64>,

    /// The time --max-age is measured from (RFC 3339), instead of now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,

    /// Output format.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = VerifyFormat::Human)]
    pub format: VerifyFormat,
}

/// Parses a duration in seconds: a number with an optional unit (s, m, h, d).
pub fn parse_duration(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("expected a duration such as 300, 90s, 5m or 1h, found '{s}'"))?;
    let mult = match unit.trim() {
        "" | "s" | "sec" | "secs" => 1,
        "m" | "min" | "mins" => 60,
        "h" | "hour" | "hours" => 3600,
        "d" | "day" | "days" => 86_400,
        other => {
            return Err(format!(
                "unknown duration unit '{other}' (use s, m, h or d)"
            ));
        }
    };
    n.checked_mul(mult)
        .ok_or_else(|| format!("duration '{s}' is too large"))
}

/// Parses a size: a number of bytes, optionally with a unit (k, KB, KiB, M, MB, MiB, G, GB, GiB;
/// all binary multiples).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("expected a size such as 16MiB or 1000000, found '{s}'"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit '{other}' (use k, M or G)")),
    };
    match n.checked_mul(mult) {
        Some(0) => Err("the size must be at least 1 byte".to_string()),
        Some(v) => Ok(v),
        None => Err(format!("size '{s}' is too large")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_sound() {
        Cli::command().debug_assert();
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("300"), Ok(300));
        assert_eq!(parse_duration("5m"), Ok(300));
        assert_eq!(parse_duration("2h"), Ok(7200));
        assert_eq!(parse_duration("1d"), Ok(86_400));
        assert!(parse_duration("5 fortnights").is_err());
        assert!(parse_duration("m").is_err());
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("16MiB"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2 G"), Ok(2 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12parsecs").is_err());
        assert!(parse_size("x").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }
}

//! The command line, as a clap derive.
//!
//! Rules kept here: every option that takes a value has an upper-case `value_name`; short flags are
//! given explicitly; a flag's short help is its doc comment's first line and the rest becomes its
//! long help (`--help`).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diff::Ignore;
use crate::input::{DEFAULT_MAX_PAYLOAD_BYTES, InputOptions};
use crate::progress::Progress;
use crate::render::{DiffFormat, ValidateFormat};
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
     not compile, an output error (2 wins over 1)"
    };
}

/// Exit codes, shown at the end of the top-level `--help`.
pub const EXIT_CODES_HELP: &str = "Exit codes:
  0  success: every payload passed (validate) or was read (classify, show); no differences (diff)
  1  findings: a payload failed or was not JSON; differences were found (diff)
  2  the command could not do its job: bad arguments, an unreadable path, input that is not
     JSON (diff), a schema that does not compile, an output error (2 wins over 1)";

const DIFF_AFTER_HELP: &str = "Examples:
  hlmsg diff fixture.json capture.json --ignore-ids    # what changed, apart from the ids
  hlmsg diff yesterday.ndjson today.ndjson --format json
  hlmsg diff old.json new.json --format json-patch > change.patch.json

Exit codes (like diff(1)):
  0  no differences
  1  differences were found
  2  trouble: an unreadable path, input that is not JSON, bad arguments, a capture with
     --format json-patch (2 wins over 1)";

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
/// of payloads, NDJSON, or concatenated JSON; detected automatically) and checks them against
/// bundled JSON Schemas for HighLevel's OutboundMessage event (validate), or compares two payloads
/// or two captures (diff).
#[derive(Debug, Parser)]
#[command(name = "hlmsg", version, propagate_version = true, after_help = EXIT_CODES_HELP)]
pub struct Cli {
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

    /// Show what changed between two payloads, or two captures.
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
    #[command(after_help = DIFF_AFTER_HELP)]
    Diff(DiffArgs),

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

/// Where payloads come from; shared by every subcommand.
#[derive(Debug, Clone, Args)]
pub struct InputArgs {
    /// Files, folders (searched recursively for *.json, *.ndjson, *.jsonl) or - for standard
    /// input. Without a path, standard input is read.
    ///
    /// A file or stream may hold one payload, a JSON array of payloads, NDJSON (one per line) or
    /// concatenated JSON values; a UTF-8 byte-order mark is skipped.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and
    /// skipped).
    #[arg(long, value_name = "SIZE", default_value = "16MiB", value_parser = parse_size)]
    pub max_payload_size: u64,
}

impl InputArgs {
    /// The input settings.
    pub fn options(&self) -> InputOptions {
        InputOptions {
            paths: self.paths.clone(),
            max_payload: self.max_payload_size,
            require_payload: false,
            progress: Progress::new(),
        }
    }
}

impl Default for InputArgs {
    fn default() -> Self {
        InputArgs {
            paths: Vec::new(),
            max_payload_size: DEFAULT_MAX_PAYLOAD_BYTES,
        }
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
    /// conversation, message, user, from, to, cc, subject, provider, attachments, body; or any
    /// top-level payload field such as webhookId.
    #[arg(long, value_name = "FIELDS")]
    pub fields: Option<String>,

    /// The time ages are measured from (RFC 3339), instead of now.
    #[arg(long, value_name = "TIME")]
    pub now: Option<String>,
}

/// `hlmsg diff`.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    /// The old side: a file, a folder, or - for standard input.
    #[arg(value_name = "LEFT")]
    pub left: PathBuf,

    /// The new side: a file, a folder, or - for standard input.
    #[arg(value_name = "RIGHT")]
    pub right: PathBuf,

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

    /// Output format: human, json (JSON Lines), or json-patch (an RFC 6902 patch that turns
    /// LEFT into RIGHT; two single payloads only).
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Largest payload to compare, e.g. 16MiB, 512k, 1000000 (a larger one is an error).
    #[arg(long, value_name = "SIZE", default_value = "16MiB", value_parser = parse_size)]
    pub max_payload_size: u64,
}

impl DiffArgs {
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

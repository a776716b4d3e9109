//! The command line: the top-level options and the [`Command`] enum. Each subcommand's own
//! arguments live in its file under [`super::commands`]; the flags several subcommands share
//! are defined once, in [`shared`].
//!
//! Rules kept here: every option that takes a value has an upper-case `value_name`; short flags are
//! given explicitly; a flag's short help is its doc comment's first line and the rest becomes its
//! long help (`--help`).

pub mod shared;

use clap::{Parser, Subcommand};

use crate::app::commands;
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::app::terminal::ColorChoice;
use crate::render::width::MIN_WIDTH;

pub use shared::{InputArgs, ReadArgs};

/// Validate, inspect and compare HighLevel webhook payloads.
///
/// hlmsg reads webhook bodies from files, folders or standard input (one payload, a JSON array
/// of payloads, NDJSON, concatenated JSON, raw HTTP captures or envelopes; detected
/// automatically). It checks them against bundled JSON Schemas for HighLevel's message events,
/// OutboundMessage, InboundMessage and ProviderOutboundMessage, passing over the other events
/// (validate; rules explains each finding), tells their events and channels (classify),
/// pretty-prints them (show), compares payloads, captures or a capture with the schemas' shape
/// (diff), and checks HighLevel's signatures (verify). listen receives deliveries live and send
/// replays them into a handler.
#[derive(Debug, Parser)]
#[command(name = "hlmsg", version, propagate_version = true, after_help = exit::OVERVIEW)]
pub struct Cli {
    /// Threads that parse and check payloads in every subcommand that reads them; 0 (the
    /// default) uses every core. Output order is the input order whatever the number.
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

    /// Columns human output fits in; 0 for no limit.
    ///
    /// Cards, tables, summaries, diffs and the progress bar are laid out to the terminal's
    /// width (COLUMNS when set, else the terminal's size) when standard output is a terminal, and
    /// to no width when it is piped. --width N lays them out to N columns (at least 20) either
    /// way. JSON and the other machine formats are never wrapped.
    #[arg(long, global = true, value_name = "N", value_parser = parse_width)]
    pub width: Option<usize>,

    /// Never show a progress bar.
    ///
    /// Without this flag, validate, classify, show, diff and verify show one on standard error
    /// when it is a terminal and the run reads more than about 50 MB or lasts longer than a second.
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
        let (name, checked) = match &self.command {
            Command::Diff(args) => ("diff", args.check()),
            _ => return Ok(()),
        };
        checked.map_err(|message| {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            cmd.build();
            match cmd.find_subcommand_mut(name) {
                Some(sub) => sub.error(clap::error::ErrorKind::ArgumentConflict, message),
                None => cmd.error(clap::error::ErrorKind::ArgumentConflict, message),
            }
        })
    }
}

/// `--width N`: 0 (no limit) or at least [`MIN_WIDTH`] columns.
fn parse_width(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("'{s}' is not a number of columns"))?;
    if n != 0 && n < MIN_WIDTH {
        return Err(format!(
            "{n} columns is too narrow; give at least {MIN_WIDTH} (or 0 for no limit)"
        ));
    }
    Ok(n)
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
    #[command(after_help = commands::validate::after_help())]
    Validate(commands::validate::ValidateArgs),

    /// Tell the channel of each payload, summarize a capture, filter or split it by channel.
    ///
    /// The channel comes from messageTypeString (TYPE_* names), then messageType (any spelling:
    /// case, spaces, '_' and '-' do not matter), then, when both are missing, from telling fields
    /// (emailMessageId, threadId or subject: Email; callDuration or callStatus: Call;
    /// chatWidgetId: Live Chat). Calls also get their outcome (answered, voicemail) and duration.
    /// Conflicting fields are flagged. Only the fields classification needs are read.
    #[command(after_help = commands::classify::after_help())]
    Classify(commands::classify::ClassifyArgs),

    /// Pretty-print payloads: a summary card, the body as text, and colored JSON.
    ///
    /// The card shows what a person looks for first: the channel (with the call outcome),
    /// direction, status, call duration, dateAdded in UTC with its age, the ids, and for emails
    /// the sender, recipients, subject and provider. Email HTML bodies are shown as readable
    /// text. Other formats print only the pretty JSON, compact NDJSON, or one table row per
    /// payload for a quick look at a whole capture. Text from payloads is always escaped: no
    /// control sequence reaches the terminal.
    #[command(visible_alias = "pretty", after_help = commands::show::after_help())]
    Show(commands::show::ShowArgs),

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
    #[command(after_help = commands::diff::after_help())]
    Diff(commands::diff::DiffArgs),

    /// Check HighLevel's signature of each delivery over its exact raw body.
    ///
    /// Reads raw HTTP captures and envelopes (and bare bodies with --signature). X-GHL-Signature
    /// (Ed25519) decides when present, as HighLevel's SDK does; otherwise X-WH-Signature (legacy
    /// RSA with SHA-256) is checked. HighLevel's published public keys are bundled;
    /// --public-key replaces the key of its scheme. Only the raw bytes count: a body that was
    /// re-formatted, or an envelope that holds the parsed body, cannot be verified byte for byte
    /// (--reserialize tries HighLevel's compact form, and says so). With --max-age, deliveries
    /// whose timestamp is older fail; a webhookId seen twice in a run fails as a duplicate.
    #[command(after_help = commands::verify::after_help())]
    Verify(commands::verify::VerifyArgs),

    /// Receive deliveries over HTTP and check each one as it arrives.
    ///
    /// Starts an HTTP/1.1 server (127.0.0.1 and a free port unless --bind and --port say
    /// otherwise) and prints where it listens. Every POST is answered at once (200 with an empty
    /// JSON body, or --status), checked as validate and verify would check it (schema, lint,
    /// signature over the raw body, repeated webhookId, age) and reported as it arrives: one
    /// line per delivery, show's card, or a JSON record. --record appends every delivery, with
    /// its headers and exact body, to a raw HTTP capture the other subcommands read. A GET of /
    /// shows the counts so far.
    #[command(after_help = commands::listen::after_help())]
    Listen(commands::listen::ListenArgs),

    /// POST payloads to a webhook handler: files, captures, samples or generated ones.
    ///
    /// Bare payloads (files, folders, standard input, --sample, --generate) are sent as they
    /// are, signed with a test key with --sign. Raw HTTP captures and envelopes are replayed
    /// exactly: their method, path (unless the URL names one), headers and body bytes, so a
    /// handler that checks HighLevel's real key accepts captured deliveries. Prints one line per
    /// answer and a summary: sent, answered by status code, failed to connect, and latency
    /// percentiles.
    #[command(after_help = commands::send::after_help())]
    Send(commands::send::SendArgs),

    /// Write a test key pair of each signature scheme (Ed25519 and RSA-4096).
    ///
    /// For `send --sign` and for a handler's tests: a handler configured with the public key
    /// accepts deliveries signed with the private one. Never HighLevel's key.
    #[command(after_help = commands::keygen::after_help())]
    Keygen(commands::keygen::KeygenArgs),

    /// Print a bundled JSON Schema, or list them.
    ///
    /// Prints hlmsg's refined schema for every channel but email (message, the default) or for
    /// email, exactly as bundled in the binary, so other tools can use the same rules; with
    /// --published, the schema exactly as HighLevel's documentation publishes it. --list names
    /// each bundled schema with its `$id` (the published schemas have none).
    #[command(after_help = commands::schema::after_help())]
    Schema(commands::schema::SchemaArgs),

    /// Print a bundled sample payload, or generate realistic synthetic payloads.
    ///
    /// With NAME, prints that bundled sample exactly as shipped (--list names them all). With
    /// --count N, writes N synthetic OutboundMessage payloads as NDJSON, for load tests of a
    /// webhook receiver and for benchmarks: all eight channels of HighLevel's documentation in
    /// realistic proportions, ids in HighLevel's 20-character style, RFC 3339 dates, HTML email
    /// bodies, calls with durations, outcomes and recordings. The same --seed always gives the
    /// same bytes; --invalid-rate makes an exact share of them break the schema on purpose.
    #[command(after_help = commands::sample::after_help())]
    Sample(commands::sample::SampleArgs),

    /// List the rules behind validate's findings, or explain one.
    ///
    /// Without NAME, one line per rule: its name (the key printed in brackets in a finding),
    /// its severity and what it checks. With NAME, its page: what it checks, why it matters, an
    /// example payload and the finding it draws. Schema findings are named by their JSON Schema
    /// keyword (type, required, const, format, ...).
    #[command(after_help = commands::rules::after_help())]
    Rules(commands::rules::RulesArgs),

    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    ///
    /// The script completes subcommands, options and their values (formats, channels, schema
    /// names, shells) and file paths. Save it where your shell looks for completions (see the
    /// examples), or load it in the current shell, e.g. `source <(hlmsg completions bash)`.
    /// The same scripts are in the completions/ folder of the source.
    #[command(after_help = commands::completions::after_help())]
    Completions(commands::completions::CompletionsArgs),

    /// Print hlmsg's manual page (roff), covering every subcommand.
    ///
    /// The page for hlmsg itself comes first, then one page per subcommand (hlmsg-validate,
    /// hlmsg-classify, ...), each with its description, every option and its examples, all in
    /// one stream that man(1) reads as it is. Generated from the same definition as --help.
    #[command(after_help = commands::man::after_help())]
    Man(commands::man::ManArgs),
}

impl Command {
    /// Runs the subcommand with the given streams.
    pub fn run(&self, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
        match self {
            Command::Validate(args) => commands::validate::run(args, io),
            Command::Classify(args) => commands::classify::run(args, io),
            Command::Show(args) => commands::show::run(args, io),
            Command::Diff(args) => commands::diff::run(args, io),
            Command::Verify(args) => commands::verify::run(args, io),
            Command::Listen(args) => commands::listen::run(args, io),
            Command::Send(args) => commands::send::run(args, io),
            Command::Keygen(args) => commands::keygen::run(args, io),
            Command::Schema(args) => commands::schema::run(args, io),
            Command::Sample(args) => commands::sample::run(args, io),
            Command::Rules(args) => commands::rules::run(args, io),
            Command::Completions(args) => commands::completions::run(args, io),
            Command::Man(args) => commands::man::run(args, io),
        }
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
}

//! The flags several subcommands share, each defined once: where payloads come from and how
//! they are read, `--published`, `--redact`, `--now`; and the parsers of sizes, durations, times
//! and channels, with the value lists of the domain's enums.

use std::path::PathBuf;

use crate::model::event::EventFilter;
use crate::model::filter::Condition;
use clap::Args;
use clap::builder::PossibleValue;

use crate::classify::Channel;
use crate::input::capture::InputMode;
use crate::input::reader::MAX_MAX_DEPTH;
use crate::input::walk::{WalkOptions, check_glob};
use crate::input::{DEFAULT_MAX_DEPTH, InputOptions};
use crate::validate::schema::Bundled;
use crate::verify::signature::Scheme;

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
    #[arg(long, value_name = "LEVELS", default_value_t = DEFAULT_MAX_DEPTH, value_parser = clap::value_parser!(u64).range(1..=MAX_MAX_DEPTH))]
    pub max_depth: u64,

    /// What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as
    /// captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n
    /// webhook node's output).
    #[arg(long, value_enum, value_name = "KIND", default_value_t = InputMode::Auto)]
    pub input: InputMode,

    /// Keep only payloads of these HighLevel events (repeatable, or comma-separated;
    /// case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message`
    /// for the inbound and outbound pair, or another event such as ContactCreate.
    ///
    /// Entries that are not JSON payloads are still reported.
    #[arg(long, value_name = "TYPE", value_parser = EventParser)]
    pub event: Vec<EventFilter>,

    /// Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the
    /// field holds TEXT). Repeatable: every condition must hold.
    ///
    /// FIELD is a top-level name (messageType) or a JSON pointer (/attachments/0, /meta/x; ~1
    /// stands for / and ~0 for ~). A string field compares as the string; a number, boolean or
    /// null by its JSON text (callDuration=120, read=true, x=null); an object or array by its
    /// compact JSON text. ~ is case-sensitive. A missing field equals nothing: = and ~ leave the
    /// payload out, != keeps it. Entries that are not JSON payloads are still reported.
    #[arg(long = "where", value_name = "FIELD=VALUE", value_parser = parse_condition)]
    pub conditions: Vec<Condition>,

    /// Walk into hidden files and folders too.
    ///
    /// Folders are walked as ripgrep walks them: hidden entries (names starting with a dot) are
    /// skipped unless this is given. A file named on the command line is always read.
    #[arg(long)]
    pub hidden: bool,

    /// Read files that .gitignore, .ignore or .git/info/exclude exclude.
    ///
    /// Without it, a walked folder skips what those files exclude (.gitignore inside a git
    /// repository, as git does), and so node_modules/ and build output in most repositories.
    #[arg(long)]
    pub no_ignore: bool,

    /// Read only the walked files that match GLOB (repeatable; `!GLOB` excludes).
    ///
    /// Gitignore-style patterns relative to each folder given: `-g '*.log'` reads every .log
    /// file whatever the default extensions; `-g '!fixtures/old/**'` leaves a folder out. The
    /// default set is *.json, *.ndjson, *.jsonl and *.http captures, plain or compressed (.gz,
    /// .zst).
    #[arg(short = 'g', long = "glob", value_name = "GLOB", value_parser = parse_glob)]
    pub globs: Vec<String>,

    /// Walk into folders that symbolic links point at.
    ///
    /// Without it, as ripgrep and fd do, a walked folder's links to files are read and its links
    /// to folders are not followed, so a link to / cannot send a walk through the whole disk.
    /// Loops are reported.
    #[arg(short = 'L', long)]
    pub follow: bool,
}

/// `--glob`: a pattern the walk can use.
fn parse_glob(s: &str) -> Result<String, String> {
    check_glob(s).map(|()| s.to_string())
}

impl ReadArgs {
    /// The input settings.
    pub fn options(&self) -> InputOptions {
        let events = self.event.iter().cloned().reduce(|mut all, f| {
            all.extend(f);
            all
        });
        InputOptions {
            // A source without any payload is the same finding in every subcommand.
            require_payload: true,
            max_payload: self.max_payload_size,
            max_depth: self.max_depth,
            mode: self.input,
            events,
            walk: WalkOptions {
                hidden: self.hidden,
                no_ignore: self.no_ignore,
                globs: self.globs.clone(),
                follow: self.follow,
            },
            conditions: self.conditions.clone(),
            ..InputOptions::default()
        }
    }
}

/// `--published`: the schemas as HighLevel's documentation publishes them.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct Published {
    /// Use the schemas exactly as HighLevel's documentation publishes them instead of hlmsg's
    /// refined schemas.
    #[arg(long)]
    pub published: bool,
}

/// `--redact`: mask personal data before printing.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct Redact {
    /// Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing.
    #[arg(long)]
    pub redact: bool,
}

/// `--now`: the time ages are measured from.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct Now {
    /// The time ages are measured from (RFC 3339), instead of now.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub now: Option<jiff::Timestamp>,
}

impl Now {
    /// The time given, or the current time.
    pub fn get(self) -> jiff::Timestamp {
        self.now.unwrap_or_else(jiff::Timestamp::now)
    }
}

/// Parses a `--where` condition.
pub fn parse_condition(s: &str) -> Result<Condition, String> {
    Condition::parse(s)
}

/// Parses an RFC 3339 time.
pub fn parse_time(s: &str) -> Result<jiff::Timestamp, String> {
    s.trim().parse().map_err(|e| {
        format!("expected an RFC 3339 time such as 2024-05-08T12:00:00Z, found '{s}' ({e})")
    })
}

/// The value parser of a channel flag, read from the channel table: a slug, a printed name or any
/// spelling HighLevel uses (`sms`, `facebook`, `live-chat`), case-insensitively; `unknown` when
/// `with_unknown`. `--help` and completions offer the slugs of `channels`.
#[derive(Debug, Clone, Copy)]
pub struct ChannelParser {
    /// The channels the flag takes.
    pub channels: &'static [Channel],
    /// Whether `unknown` is one of them.
    pub with_unknown: bool,
}

impl clap::builder::TypedValueParser for ChannelParser {
    type Value = Channel;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Channel, clap::Error> {
        let text = value.to_string_lossy();
        match Channel::from_user_name(&text) {
            Some(Channel::Unknown(_)) if self.with_unknown => Ok(Channel::Unknown(String::new())),
            Some(ch) if self.channels.contains(&ch) => Ok(ch),
            known => {
                let what = if known.is_some() {
                    "not a channel this flag takes"
                } else {
                    "not a channel"
                };
                let valid: Vec<String> = self
                    .possible_values()
                    .into_iter()
                    .flatten()
                    .map(|v| v.get_name().to_string())
                    .collect();
                let flag = arg.map_or_else(|| "the channel".to_string(), |a| format!("'{a}'"));
                Err(cmd.clone().error(
                    clap::error::ErrorKind::InvalidValue,
                    format!(
                        "invalid value '{text}' for {flag}: {what} (try {})",
                        valid.join(", ")
                    ),
                ))
            }
        }
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let mut values: Vec<PossibleValue> = self
            .channels
            .iter()
            .map(|c| PossibleValue::new(c.slug()).help(c.description()))
            .collect();
        if self.with_unknown {
            values.push(PossibleValue::new("unknown").help("No known channel"));
        }
        Some(Box::new(values.into_iter()))
    }
}

/// `--event`: a comma-separated list of events, with the names offered to completion.
#[derive(Debug, Clone, Copy, Default)]
pub struct EventParser;

impl clap::builder::TypedValueParser for EventParser {
    type Value = EventFilter;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<EventFilter, clap::Error> {
        let text = value.to_string_lossy();
        EventFilter::parse(&text).map_err(|why| {
            let flag = arg.map_or_else(|| "the event".to_string(), |a| format!("'{a}'"));
            cmd.clone().error(
                clap::error::ErrorKind::InvalidValue,
                format!("invalid value '{text}' for {flag}: {why}"),
            )
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        use crate::model::event::{MESSAGE_EVENTS, OTHER_EVENTS};
        let short = [
            ("message", "InboundMessage and OutboundMessage"),
            ("inbound", "InboundMessage"),
            ("outbound", "OutboundMessage"),
            ("provider", "ProviderOutboundMessage"),
        ];
        let values = short
            .into_iter()
            .map(|(name, help)| PossibleValue::new(name).help(help))
            .chain(
                MESSAGE_EVENTS
                    .iter()
                    .chain(OTHER_EVENTS)
                    .map(|n| PossibleValue::new(*n)),
            );
        Some(Box::new(values))
    }
}

/// A value that may be any text, with known names offered to completion and help: `--schema`
/// (`auto` and the bundled schemas, or a file) and `sample NAME`.
#[derive(Debug, Clone, Copy)]
pub struct NamesOrText {
    /// The names, with what each is.
    pub names: fn() -> Vec<(&'static str, &'static str)>,
}

impl clap::builder::TypedValueParser for NamesOrText {
    type Value = String;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let values = (self.names)()
            .into_iter()
            .map(|(name, help)| PossibleValue::new(name).help(help));
        Some(Box::new(values))
    }
}

/// `--schema`'s names: `auto` and the bundled schemas.
pub fn schema_names() -> Vec<(&'static str, &'static str)> {
    let mut names = vec![(
        "auto",
        "The bundled schema of each payload's event and channel",
    )];
    names.extend(Bundled::ALL.iter().map(|b| (b.name(), b.description())));
    names
}

/// The bundled samples' names.
pub fn sample_names() -> Vec<(&'static str, &'static str)> {
    crate::sample::SAMPLES
        .iter()
        .map(|(n, _)| (*n, ""))
        .collect()
}

/// `--input`'s values.
impl clap::ValueEnum for InputMode {
    fn value_variants<'a>() -> &'a [Self] {
        &InputMode::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
}

/// The names of the bundled schemas.
impl clap::ValueEnum for Bundled {
    fn value_variants<'a>() -> &'a [Self] {
        &Bundled::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
}

/// `--scheme`'s values.
impl clap::ValueEnum for Scheme {
    fn value_variants<'a>() -> &'a [Self] {
        &Scheme::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.description()))
    }
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
        // The default of --max-payload-size is the library's default.
        let cli = <crate::app::cli::Cli as clap::Parser>::parse_from(["hlmsg", "validate"]);
        let crate::app::cli::Command::Validate(args) = cli.command else {
            panic!("validate")
        };
        assert_eq!(
            args.input.read.max_payload_size,
            crate::input::DEFAULT_MAX_PAYLOAD_BYTES
        );
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2 G"), Ok(2 << 30));
        assert!(parse_size("0").is_err());
        assert!(parse_size("12parsecs").is_err());
        assert!(parse_size("x").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }

    #[test]
    fn channel_values_come_from_the_channel_table() {
        use clap::builder::TypedValueParser as _;
        let cmd = clap::Command::new("t");
        let parse = |p: ChannelParser, v: &str| p.parse_ref(&cmd, None, std::ffi::OsStr::new(v));
        let all = ChannelParser {
            channels: Channel::named(),
            with_unknown: true,
        };
        let documented = ChannelParser {
            channels: Channel::documented(),
            with_unknown: false,
        };
        assert_eq!(parse(all, "facebook").unwrap(), Channel::Fb);
        assert_eq!(parse(all, "TYPE_SMS").unwrap(), Channel::Sms);
        assert_eq!(parse(all, "Live Chat").unwrap(), Channel::LiveChat);
        assert_eq!(
            parse(all, "unknown").unwrap(),
            Channel::Unknown(String::new())
        );
        assert_eq!(parse(all, "whatsapp").unwrap(), Channel::WhatsApp);
        let err = parse(documented, "whatsapp").unwrap_err().to_string();
        assert!(err.contains("not a channel this flag takes"), "{err}");
        assert!(parse(documented, "unknown").is_err());
        let err = parse(all, "pigeon").unwrap_err().to_string();
        assert!(err.contains("not a channel (try call,"), "{err}");
        let offered: Vec<String> = documented
            .possible_values()
            .unwrap()
            .map(|v| v.get_name().to_string())
            .collect();
        let slugs: Vec<&str> = Channel::documented().iter().map(Channel::slug).collect();
        assert_eq!(offered, slugs);
    }
}

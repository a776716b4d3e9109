//! The arguments of the subcommands that fit hlmsg into its users' tools: `schema`, `sample`,
//! `completions` and `man`. Same rules as the rest of the command line (see [`crate::cli`]).

use clap::{Args, ValueEnum};

use crate::channel::Channel;
use crate::schema::Bundled;

pub(crate) const SCHEMA_AFTER_HELP: &str = "\
Examples:
  hlmsg schema > message.schema.json               # the refined message schema
  hlmsg schema email --published                   # the email schema as HighLevel publishes it
  hlmsg schema --list

Exit codes:
  0  the schema (or the list) was printed
  2  bad arguments, an output error";

pub(crate) const SAMPLE_AFTER_HELP: &str = "\
Examples:
  hlmsg sample call-answered | hlmsg show          # one bundled sample
  hlmsg sample --count 100000 --seed 7 > load.ndjson
  hlmsg sample -n 1000 --channel sms --invalid-rate 0.05 | hlmsg validate

Exit codes:
  0  the payloads (or the list) were printed
  2  bad arguments (an unknown sample or channel, a rate outside 0..1), an output error";

pub(crate) const COMPLETIONS_AFTER_HELP: &str = "\
Examples:
  hlmsg completions bash > ~/.local/share/bash-completion/completions/hlmsg
  hlmsg completions zsh > ~/.zfunc/_hlmsg          # with fpath+=(~/.zfunc) in ~/.zshrc
  hlmsg completions fish > ~/.config/fish/completions/hlmsg.fish

Exit codes:
  0  the script was printed
  2  bad arguments, an output error";

pub(crate) const MAN_AFTER_HELP: &str = "\
Examples:
  hlmsg man | man -l -                             # read it now
  hlmsg man > ~/.local/share/man/man1/hlmsg.1      # install it: then `man hlmsg`

Exit codes:
  0  the page was printed
  2  an output error";

/// A bundled schema's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SchemaName {
    /// For every channel but email.
    #[default]
    Message,
    /// For email.
    Email,
}

impl SchemaName {
    /// The bundled schema.
    pub fn bundled(self) -> Bundled {
        match self {
            SchemaName::Message => Bundled::Message,
            SchemaName::Email => Bundled::Email,
        }
    }
}

/// `hlmsg schema`.
#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// Which schema: message (every channel but email) or email.
    #[arg(value_enum, value_name = "NAME", default_value_t = SchemaName::Message)]
    pub name: SchemaName,

    /// Print the schema exactly as HighLevel's documentation publishes it instead of hlmsg's
    /// refined one.
    #[arg(long)]
    pub published: bool,

    /// List the bundled schemas with their $id instead.
    #[arg(short = 'l', long, conflicts_with_all = ["name", "published"])]
    pub list: bool,
}

/// One of the eight channels of HighLevel's documentation, as `sample --channel` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ValueEnum)]
pub enum SampleChannel {
    /// Phone calls, answered or reaching voicemail.
    Call,
    /// Voicemail drops.
    Voicemail,
    /// Text messages.
    Sms,
    /// Google Business Profile messages.
    Gmb,
    /// Facebook Messenger.
    #[value(alias = "facebook")]
    Fb,
    /// Instagram Direct.
    #[value(alias = "instagram")]
    Ig,
    /// Email.
    Email,
    /// Live chat (web chat widget).
    #[value(alias = "livechat", alias = "chat")]
    LiveChat,
}

impl SampleChannel {
    /// Every channel, in the order of [`Channel::NAMED`].
    pub const ALL: [SampleChannel; 8] = [
        SampleChannel::Call,
        SampleChannel::Voicemail,
        SampleChannel::Sms,
        SampleChannel::Gmb,
        SampleChannel::Fb,
        SampleChannel::Ig,
        SampleChannel::Email,
        SampleChannel::LiveChat,
    ];

    /// The channel.
    pub fn channel(self) -> Channel {
        match self {
            SampleChannel::Call => Channel::Call,
            SampleChannel::Voicemail => Channel::Voicemail,
            SampleChannel::Sms => Channel::Sms,
            SampleChannel::Gmb => Channel::Gmb,
            SampleChannel::Fb => Channel::Fb,
            SampleChannel::Ig => Channel::Ig,
            SampleChannel::Email => Channel::Email,
            SampleChannel::LiveChat => Channel::LiveChat,
        }
    }
}

/// `hlmsg sample`.
#[derive(Debug, Clone, Args)]
pub struct SampleArgs {
    /// A bundled sample to print as it is (see --list); `.json` may be left out.
    #[arg(value_name = "NAME", conflicts_with_all = ["list", "count"])]
    pub name: Option<String>,

    /// List the bundled samples with their channel.
    #[arg(short = 'l', long, conflicts_with = "count")]
    pub list: bool,

    /// Generate N synthetic payloads, one compact JSON object per line (NDJSON).
    ///
    /// All eight channels of HighLevel's documentation, in realistic proportions (SMS 55%, Email
    /// 12%, Call 9%, Live Chat 7%, FB 6%, IG 5%, Voicemail 3%, GMB 3%), with 20-character ids,
    /// RFC 3339 dates with milliseconds, HTML email bodies, and call durations, outcomes and
    /// recordings. The same seed always gives the same bytes.
    #[arg(short = 'n', long, value_name = "N")]
    pub count: Option<u64>,

    /// Seed of the generator; the same seed gives the same payloads, byte for byte.
    #[arg(
        short = 's',
        long,
        value_name = "SEED",
        default_value_t = 0,
        requires = "count"
    )]
    pub seed: u64,

    /// Only payloads of CHANNEL (repeatable), in their proportions to each other.
    ///
    /// call, voicemail, sms, gmb, fb (facebook), ig (instagram), email, live-chat.
    #[arg(
        short = 'c',
        long,
        value_enum,
        value_name = "CHANNEL",
        ignore_case = true,
        requires = "count"
    )]
    pub channel: Vec<SampleChannel>,

    /// Share of payloads, from 0 to 1, that break the refined schema on purpose.
    ///
    /// Exactly round(N × RATE) payloads are invalid, at positions the seed picks, each in one
    /// of four ways: `type` is "InboundMessage"; `contactId` is missing; `dateAdded` is not an
    /// RFC 3339 date ("09/16/2025 14:05:12"); a value has the wrong type (a call's
    /// `callDuration` is a string, any other payload's `attachments` is a string). The valid
    /// payloads are the same as with rate 0.
    #[arg(long, value_name = "RATE", default_value_t = 0.0, value_parser = parse_rate, requires = "count")]
    pub invalid_rate: f64,
}

/// Parses a share from 0 to 1.
fn parse_rate(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(r) if (0.0..=1.0).contains(&r) => Ok(r),
        _ => Err(format!(
            "expected a number from 0 to 1, such as 0.01, found '{s}'"
        )),
    }
}

/// `hlmsg completions`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// `hlmsg man`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates() {
        assert_eq!(parse_rate("0.01"), Ok(0.01));
        assert_eq!(parse_rate("0"), Ok(0.0));
        assert_eq!(parse_rate("1"), Ok(1.0));
        assert!(parse_rate("1.5").is_err());
        assert!(parse_rate("-0.1").is_err());
        assert!(parse_rate("NaN").is_err());
        assert!(parse_rate("x").is_err());
    }

    #[test]
    fn sample_channels_are_the_seed_channels_in_order() {
        let names: Vec<Channel> = SampleChannel::ALL.iter().map(|c| c.channel()).collect();
        assert_eq!(names, Channel::NAMED[..8].to_vec());
    }
}

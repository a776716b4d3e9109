//! `hlmsg sample`: print a bundled sample payload, list them, or generate synthetic payloads
//! ([`crate::sample::generate`]).

use clap::Args;

use crate::app::cli::shared::{ChannelParser, NamesOrText, sample_names};
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::app::settings;
use crate::classify::Channel;
use crate::render::listing::columns;
use crate::sample::generate::events::EVENT_WEIGHTS;
use crate::sample::generate::{Generator, Settings, WEIGHTS};
use crate::sample::{SAMPLES, describe, find};

/// `hlmsg sample`.
#[derive(Debug, Clone, Args)]
pub struct SampleArgs {
    /// A bundled sample to print as it is (see --list); `.json` may be left out.
    #[arg(value_name = "NAME", conflicts_with_all = ["list", "count"], value_parser = NamesOrText { names: sample_names }, hide_possible_values = true)]
    pub name: Option<String>,

    /// List the bundled samples with their channel.
    #[arg(short = 'l', long, conflicts_with = "count")]
    pub list: bool,

    /// Generate N synthetic payloads, one compact JSON object per line (NDJSON).
    #[arg(short = 'n', long, value_name = "N", long_help = count_help())]
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
        value_name = "CHANNEL",
        value_parser = ChannelParser { channels: Channel::documented(), with_unknown: false },
        requires = "count"
    )]
    pub channel: Vec<Channel>,

    /// Share of payloads, from 0 to 1, that break the refined schema on purpose.
    ///
    /// Exactly round(N × RATE) payloads are invalid, at positions the seed picks, each in one
    /// of four ways: `type` is "OutboundMesage" (a misspelled event); `contactId` is missing; `dateAdded` is not an
    /// RFC 3339 date ("09/16/2025 14:05:12"); a value has the wrong type (a call's
    /// `callDuration` is a string, any other payload's `attachments` is a string). The valid
    /// payloads are the same as with rate 0.
    #[arg(long, value_name = "RATE", default_value_t = 0.0, value_parser = parse_rate, requires = "count")]
    pub invalid_rate: f64,

    /// Write a mixed capture, as a webhook URL receives it: every event, not only
    /// OutboundMessage.
    #[arg(long, requires = "count", long_help = events_help())]
    pub events: bool,
}

/// The long help of `--events`: the shares come from the generator's table.
fn events_help() -> String {
    let shares: Vec<String> = EVENT_WEIGHTS
        .iter()
        .map(|(kind, w)| format!("{} {w}%", kind.name()))
        .collect();
    format!(
        "Write a mixed capture, as a webhook URL receives it: every event, not only \
         OutboundMessage.\n\nShares: {}. Inbound messages are the contacts' replies on the \
         same channels (voicemail drops stay outbound; an unanswered incoming call arrives as \
         status \"voicemail\" without call fields); provider messages are SMS or Email. \
         Invalid payloads (--invalid-rate) are always messages.",
        shares.join(", ")
    )
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

/// The long help of `--count`: the proportions come from the generator's weights.
fn count_help() -> String {
    let total: u32 = WEIGHTS.iter().map(|(_, w)| w).sum();
    let shares: Vec<String> = WEIGHTS
        .iter()
        .map(|(ch, w)| format!("{} {}%", ch.name(), w * 100 / total.max(1)))
        .collect();
    format!(
        "Generate N synthetic payloads, one compact JSON object per line (NDJSON).\n\nAll eight \
         channels of HighLevel's documentation, in realistic proportions ({}), with 20-character \
         ids, RFC 3339 dates with milliseconds, HTML email bodies, and call durations, outcomes \
         and recordings. The same seed always gives the same bytes.",
        shares.join(", ")
    )
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg sample call-answered | hlmsg show          # one bundled sample
  hlmsg sample --count 100000 --seed 7 > load.ndjson
  hlmsg sample -n 1000 --channel sms --invalid-rate 0.05 | hlmsg validate
  hlmsg sample -n 10000 --events | hlmsg classify --summary   # a mixed capture",
        "the payloads (or the list) were printed",
        None,
        Some("bad arguments (an unknown sample or channel, a rate outside 0..1), an output error"),
    )
}

/// Payloads are written in batches of about this many bytes.
const BATCH: usize = 256 * 1024;

/// Runs `sample`.
pub fn run(args: &SampleArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if let Some(count) = args.count {
        let settings = Settings {
            seed: args.seed,
            count,
            channels: args.channel.clone(),
            invalid_rate: args.invalid_rate,
            events: args.events,
        };
        let mut generator = Generator::new(&settings);
        let mut buf = Vec::with_capacity(BATCH + 4096);
        while !generator.is_done() {
            generator.next_into(&mut buf);
            if buf.len() >= BATCH {
                io.out.write_all(&buf)?;
                buf.clear();
            }
        }
        io.out.write_all(&buf)?;
    } else if let Some(name) = &args.name {
        match find(name) {
            Some(text) => io.out.write_all(text.as_bytes())?,
            None => {
                let names: Vec<&str> = SAMPLES.iter().map(|(n, _)| *n).collect();
                let message = format!(
                    "no bundled sample is named '{name}'; the samples are: {}",
                    names.join(", ")
                );
                return settings::refuse(io, &message);
            }
        }
    } else {
        let rows: Vec<Vec<String>> = SAMPLES
            .iter()
            .map(|(name, text)| vec![name.to_string(), describe(text)])
            .collect();
        columns(io.out, &rows, io.out_width)?;
    }
    io.out.flush()?;
    Ok(Outcome::Success)
}

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
}

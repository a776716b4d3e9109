//! hlmsg: validate, inspect and compare HighLevel `OutboundMessage` webhook payloads.
//!
//! The library does the work; the binary only parses arguments, calls [`run`] and turns the
//! [`exit::Outcome`] into an exit code. Data flows one way:
//!
//! ```text
//! paths / stdin -> input (sources, reader) -> payload (origin, raw bytes, value)
//!               -> validate (schema + lint) -> render (human, json, github, junit) -> stdout
//!               -> diff (pairs, semantic diff, JSON Patch) -> render::diff -> stdout
//! ```
//!
//! The library never prints on its own and never exits; every output stream is handed in.

pub mod channel;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod diff;
pub mod exit;
pub mod generate;
pub mod html;
pub mod humanize;
pub mod input;
pub mod jsontext;
pub mod lint;
pub mod locate;
pub mod origin;
pub mod payload;
pub mod progress;
pub mod render;
pub mod schema;
pub mod term;
pub mod validate;
pub mod view;

use cli::{Cli, Command};
use exit::Outcome;

/// Runs a parsed command line with the given streams.
pub fn run(cli: &Cli, io: &mut cmd::Io<'_>) -> anyhow::Result<Outcome> {
    progress::allow(!cli.no_progress);
    match &cli.command {
        Command::Validate(args) => cmd::validate::run(args, io),
        Command::Classify(args) => cmd::classify::run(args, io),
        Command::Show(args) => cmd::show::run(args, io),
        Command::Diff(args) => cmd::diff::run(args, io),
        Command::Schema(args) => cmd::schema::run(args, io),
        Command::Sample(args) => cmd::sample::run(args, io),
        Command::Completions(args) => cmd::completions::run(args, io),
        Command::Man(args) => cmd::man::run(args, io),
    }
}

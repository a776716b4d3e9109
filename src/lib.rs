//! hlmsg: validate, inspect and compare HighLevel `OutboundMessage` webhook payloads.
//!
//! The library does the work; the binary only parses arguments, calls [`run`] and turns the
//! [`exit::Outcome`] into an exit code. Data flows one way:
//!
//! ```text
//! paths / stdin -> input (sources, reader) -> payload (origin, raw bytes, value)
//!               -> validate (schema + lint) -> render (human, json, github, junit) -> stdout
//!               -> diff (pairs, semantic diff, JSON Patch) -> render::diff -> stdout
//!               -> drift (per-field counts against the schemas' shape) -> render::drift -> stdout
//! ```
//!
//! The library never prints on its own and never exits; every output stream is handed in.

pub mod capture;
pub mod channel;
pub mod cli;
pub mod cmd;
pub mod diagnostic;
pub mod diff;
pub mod drift;
pub mod exit;
pub mod generate;
pub mod html;
pub mod humanize;
pub mod input;
pub mod interrupt;
pub mod jsontext;
pub mod lint;
pub mod locate;
pub mod origin;
pub mod payload;
pub mod progress;
pub mod redact;
pub mod render;
pub mod robust;
pub mod schema;
pub mod signature;
pub mod term;
pub mod validate;
pub mod view;

use cli::{Cli, Command};
use exit::Outcome;

/// What an in-memory run produced: see [`run_in_memory`].
#[derive(Debug)]
pub struct MemoryRun {
    /// The outcome, or the error that ended the run.
    pub outcome: Result<Outcome, String>,
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error.
    pub stderr: Vec<u8>,
}

/// Runs a command line (`args` without the program name) with `stdin` as standard input, in
/// memory: for tests and fuzzing, which must exercise every subcommand without processes.
/// Arguments that do not parse give `Outcome::Trouble`, as they would exit 2.
pub fn run_in_memory(args: &[&str], stdin: &[u8]) -> MemoryRun {
    use clap::Parser as _;
    match Cli::try_parse_from(std::iter::once("hlmsg").chain(args.iter().copied()))
        .and_then(|cli| cli.check().map(|()| cli))
    {
        Ok(cli) => run_cli_in_memory(&cli, stdin),
        Err(e) => MemoryRun {
            outcome: Ok(Outcome::Trouble),
            stdout: Vec::new(),
            stderr: e.to_string().into_bytes(),
        },
    }
}

/// [`run_in_memory`] for a command line already parsed.
pub fn run_cli_in_memory(cli: &Cli, stdin: &[u8]) -> MemoryRun {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let outcome = {
        let mut io = cmd::Io {
            out: &mut stdout,
            out_color: false,
            err: cmd::ErrStream {
                w: &mut stderr,
                color: false,
            },
            stdin_is_terminal: false,
            stdin: Some(std::sync::Arc::from(stdin)),
            // In memory, --jobs 0 (the default) means one thread: no pool for a short run.
            jobs: cli.jobs.max(1),
        };
        run(cli, &mut io).map_err(|e| format!("{e:#}"))
    };
    MemoryRun {
        outcome,
        stdout,
        stderr,
    }
}

/// Runs a parsed command line with the given streams.
pub fn run(cli: &Cli, io: &mut cmd::Io<'_>) -> anyhow::Result<Outcome> {
    progress::allow(!cli.no_progress);
    match &cli.command {
        Command::Validate(args) => cmd::validate::run(args, io),
        Command::Classify(args) => cmd::classify::run(args, io),
        Command::Show(args) => cmd::show::run(args, io),
        Command::Diff(args) => cmd::diff::run(args, io),
        Command::Verify(args) => cmd::verify::run(args, io),
        Command::Schema(args) => cmd::schema::run(args, io),
        Command::Sample(args) => cmd::sample::run(args, io),
        Command::Completions(args) => cmd::completions::run(args, io),
        Command::Man(args) => cmd::man::run(args, io),
    }
}

//! The command-line application: the only layer that knows clap, terminals, process streams,
//! signals and exit codes.
//!
//! [`main`] parses the command line, wires standard output and standard error (buffering, the
//! progress bar's guard, colors) and hands them to [`run`], which dispatches to one file per
//! subcommand under [`commands`]. Every subcommand that reads payloads goes through the one
//! [`driver`]; every outcome becomes an exit code through the one table in [`exit`].

pub mod cli;
pub mod commands;
pub mod driver;
pub mod exit;
#[cfg(any(test, fuzzing))]
pub mod fuzz;
pub mod interrupt;
pub mod progress;
pub mod settings;
pub mod terminal;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser as _;

use cli::{Cli, Command};
use exit::Outcome;
use progress::Guard;

pub use driver::{ErrStream, Io};

/// The program: parses the process's command line, runs it and gives the exit code.
pub fn main() -> ExitCode {
    // Ctrl-C: remove half-written files and stop at once.
    let _ = ctrlc::set_handler(|| {
        interrupt::cleanup();
        std::process::exit(i32::from(Outcome::Interrupted.code()));
    });
    let cli = match Cli::try_parse().and_then(|cli| cli.check().map(|()| cli)) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    // Lines written to a terminal that a progress bar may share go around the bar.
    let bar = !cli.no_progress && io::stderr().is_terminal();
    let stdout = io::stdout();
    let stdout_guard = Guard::new(stdout.lock(), bar && stdout.is_terminal());
    let mut out = BufWriter::with_capacity(64 * 1024, stdout_guard);
    let mut stderr = Guard::new(io::stderr(), bar);
    let mut io = Io {
        out: &mut out,
        out_color: cli.color.for_stdout(),
        err: ErrStream {
            w: &mut stderr,
            color: cli.color.for_stderr(),
        },
        stdin_is_terminal: io::stdin().is_terminal(),
        stdin: None,
        jobs: settings::jobs(cli.jobs),
        progress: bar,
    };
    let result = run(&cli, &mut io).and_then(|o| {
        out.flush()?;
        Ok(o)
    });
    ExitCode::from(exit::settle(result, &mut io::stderr()).code())
}

/// Runs a parsed command line with the given streams.
pub fn run(cli: &Cli, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    match &cli.command {
        Command::Validate(args) => commands::validate::run(args, io),
        Command::Classify(args) => commands::classify::run(args, io),
        Command::Show(args) => commands::show::run(args, io),
        Command::Diff(args) => commands::diff::run(args, io),
        Command::Verify(args) => commands::verify::run(args, io),
        Command::Schema(args) => commands::schema::run(args, io),
        Command::Sample(args) => commands::sample::run(args, io),
        Command::Completions(args) => commands::completions::run(args, io),
        Command::Man(args) => commands::man::run(args, io),
    }
}

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
        let mut io = Io {
            out: &mut stdout,
            out_color: false,
            err: ErrStream {
                w: &mut stderr,
                color: false,
            },
            stdin_is_terminal: false,
            stdin: Some(Arc::from(stdin)),
            // In memory, --jobs 0 (the default) means one thread: no pool for a short run.
            jobs: cli.jobs.max(1),
            progress: false,
        };
        run(cli, &mut io).map_err(|e| format!("{e:#}"))
    };
    MemoryRun {
        outcome,
        stdout,
        stderr,
    }
}

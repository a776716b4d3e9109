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

use clap::Parser as _;

use cli::Cli;
use exit::Outcome;
use progress::Guard;

pub use driver::{ErrStream, Io};

/// The program: parses the process's command line, runs it and gives the exit code.
pub fn main() -> ExitCode {
    // Ctrl-C: remove half-written files and stop at once.
    let _ = ctrlc::set_handler(|| {
        progress::clear_now();
        interrupt::cleanup();
        std::process::exit(i32::from(Outcome::Interrupted.code()));
    });
    let cli = match Cli::try_parse().and_then(|cli| cli.check().map(|()| cli)) {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version: their text must reach standard output, or the run fails.
            let mut out = io::stdout().lock();
            let text = e.render();
            let written = if out.is_terminal() {
                write!(out, "{}", text.ansi())
            } else {
                write!(out, "{text}")
            }
            .and_then(|()| out.flush());
            return match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(err) => {
                    let _ = writeln!(
                        terminal::Forgiving::new(io::stderr()),
                        "hlmsg: error: cannot write to standard output: {err}"
                    );
                    ExitCode::from(Outcome::Trouble.code())
                }
            };
        }
        Err(e) => e.exit(),
    };
    // Lines written to a terminal that a progress bar may share go around the bar.
    let bar = !cli.no_progress && io::stderr().is_terminal();
    let stdout = io::stdout();
    let stdout_guard = Guard::new(
        terminal::Named::new(stdout.lock(), "standard output"),
        bar && stdout.is_terminal(),
    );
    let buffered = BufWriter::with_capacity(64 * 1024, stdout_guard);
    // Input that arrives over time gets its output as it comes, line by line.
    let mut out = terminal::LineFlush::new(buffered, crate::input::source::reading_live_input);
    let mut stderr = Guard::new(terminal::Forgiving::new(io::stderr()), bar);
    let (jobs, too_many) = settings::jobs(cli.jobs);
    if let Some(warning) = too_many {
        let _ = writeln!(
            terminal::Forgiving::new(io::stderr()),
            "hlmsg: warning: {warning}"
        );
    }
    let mut io = Io {
        out: &mut out,
        out_color: cli.color.for_stdout(),
        out_width: terminal::width(cli.width, stdout.is_terminal(), || {
            terminal_size::terminal_size_of(io::stdout())
        }),
        err: ErrStream {
            w: &mut stderr,
            color: cli.color.for_stderr(),
        },
        stdin_is_terminal: io::stdin().is_terminal(),
        stdin: None,
        jobs,
        progress: bar,
        bar_width: terminal::fixed_width(cli.width),
    };
    let result = run(&cli, &mut io).and_then(|o| {
        out.flush()?;
        Ok(o)
    });
    ExitCode::from(exit::settle(result, &mut terminal::Forgiving::new(io::stderr())).code())
}

/// Runs a parsed command line with the given streams.
pub fn run(cli: &Cli, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    cli.command.run(io)
}

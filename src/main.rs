use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use hlmsg::cli::Cli;
use hlmsg::cmd::{ErrStream, Io};
use hlmsg::exit::Outcome;
use hlmsg::progress::Guard;

fn main() -> ExitCode {
    // Ctrl-C: remove half-written files and stop at once.
    let _ = ctrlc::set_handler(|| {
        hlmsg::interrupt::cleanup();
        std::process::exit(hlmsg::interrupt::EXIT_INTERRUPTED);
    });
    let cli = Cli::parse();
    if let Err(e) = cli.check() {
        e.exit();
    }
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
        jobs: match cli.jobs {
            0 => hlmsg::input::parallel::default_jobs(),
            n => n,
        },
    };
    let result = hlmsg::run(&cli, &mut io).and_then(|o| {
        out.flush()?;
        Ok(o)
    });
    match result {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "hlmsg: error: {e:#}");
            ExitCode::from(Outcome::Trouble.code())
        }
    }
}

/// A closed pipe (`hlmsg ... | head`) ends the program quietly.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

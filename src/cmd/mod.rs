//! One module per subcommand: each wires the input reader, the library and a renderer together.

pub mod classify;
pub mod completions;
pub mod diff;
pub mod drift;
pub mod man;
pub mod sample;
pub mod schema;
pub mod show;
pub mod validate;
pub mod verify;

use std::io::{self, Write};
use std::sync::Arc;

use crate::cli::InputArgs;
use crate::input::InputOptions;

use crate::term::{Painter, styles};

/// The streams and terminal facts a subcommand runs with.
pub struct Io<'a> {
    /// Standard output (buffered by the caller).
    pub out: &'a mut dyn Write,
    /// Whether to color standard output.
    pub out_color: bool,
    /// Standard error, for messages about the run.
    pub err: ErrStream<'a>,
    /// Whether standard input is a terminal (then it is not read without a `-`).
    pub stdin_is_terminal: bool,
    /// Bytes that stand in for standard input (tests and fuzzing); `None` reads the real one.
    pub stdin: Option<Arc<[u8]>>,
    /// Threads that parse and check payloads (`--jobs`; 1 runs everything on this thread).
    pub jobs: usize,
}

/// Standard error, with its own color decision.
pub struct ErrStream<'a> {
    /// The stream.
    pub w: &'a mut dyn Write,
    /// Whether to color it.
    pub color: bool,
}

impl ErrStream<'_> {
    /// Writes `hlmsg: error: message`, escaped.
    pub fn error(&mut self, message: &str) -> io::Result<()> {
        let p = Painter::new(self.color);
        writeln!(
            self.w,
            "hlmsg: {}: {}",
            p.paint("error", styles::error()),
            p.paint(message, owo_colors::Style::new())
        )
    }
}

impl Io<'_> {
    /// The input settings of `args`, reading [`Io::stdin`] for `-`.
    pub fn input_options(&self, args: &InputArgs) -> InputOptions {
        InputOptions {
            stdin: self.stdin.clone(),
            ..args.options()
        }
    }

    /// When no path is given and standard input is a terminal: says how to give input. Returns
    /// true when the caller must stop (exit 2).
    pub fn refuse_terminal_stdin(&mut self, paths_given: bool, command: &str) -> io::Result<bool> {
        if paths_given || !self.stdin_is_terminal {
            return Ok(false);
        }
        writeln!(
            self.err.w,
            "hlmsg {command}: no input. Give files or folders, or pipe payloads in:\n  \
             hlmsg {command} samples/\n  cat payload.json | hlmsg {command}\n  \
             hlmsg {command} -    (read the terminal until Ctrl-D)"
        )?;
        Ok(true)
    }
}

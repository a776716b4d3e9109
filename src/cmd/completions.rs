//! `hlmsg completions`: a shell completion script, generated from the command-line definition.

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::exit::Outcome;

use super::Io;

/// Runs `completions`.
pub fn run(args: &CompletionsArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "hlmsg", &mut io.out);
    io.out.flush()?;
    Ok(Outcome::Success)
}

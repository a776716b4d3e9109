//! `hlmsg man`: the manual page, generated from the command-line definition.
//!
//! One roff stream holds the page for `hlmsg` and then a page for each subcommand
//! (`hlmsg-validate`, ...), each starting with its own `.TH`; man(1) and groff render them one
//! after the other, so `hlmsg man | man -l -` shows everything and one installed file serves
//! `man hlmsg`.

use clap::CommandFactory;

use clap::Args;

use crate::app::cli::Cli;
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};

/// `hlmsg man`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg man | man -l -                             # read it now
  hlmsg man > ~/.local/share/man/man1/hlmsg.1      # install it: then `man hlmsg`",
        "the page was printed",
        None,
        Some("an output error"),
    )
}

/// Writes the pages for hlmsg and every subcommand.
pub fn render(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let source = format!("hlmsg {}", env!("CARGO_PKG_VERSION"));
    clap_mangen::Man::new(command.clone())
        .source(source.clone())
        .render(out)?;
    // The rules behind validate's findings, from the same definitions as `hlmsg rules`.
    crate::render::rules::roff(out, crate::validate::rules::RULES)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        // The built subcommand is named `hlmsg-validate` for display and `hlmsg validate` in
        // the synopsis.
        clap_mangen::Man::new(sub.clone())
            .source(source.clone())
            .render(out)?;
    }
    Ok(())
}

/// Runs `man`.
pub fn run(_args: &ManArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    render(&mut io.out)?;
    io.out.flush()?;
    Ok(Outcome::Success)
}

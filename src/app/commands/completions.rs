//! `hlmsg completions`: a shell completion script, generated from the command-line definition.

use clap::CommandFactory;

use clap::Args;

use crate::app::cli::Cli;
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};

/// `hlmsg completions`.
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg completions bash > ~/.local/share/bash-completion/completions/hlmsg
  hlmsg completions zsh > ~/.zfunc/_hlmsg          # with fpath+=(~/.zfunc) in ~/.zshrc
  hlmsg completions fish > ~/.config/fish/completions/hlmsg.fish",
        "the script was printed",
        None,
        Some("bad arguments, an output error"),
    )
}

/// Runs `completions`.
pub fn run(args: &CompletionsArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "hlmsg", &mut io.out);
    io.out.flush()?;
    Ok(Outcome::Success)
}

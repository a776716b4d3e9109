//! `hlmsg completions`: a shell completion script, generated from the command-line definition.

use clap::CommandFactory;

use clap::Args;

use crate::app::cli::Cli;
use crate::app::cli::shared::schema_names;
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

/// The script for `shell`. `--schema` takes a bundled schema's name or a file: where the
/// generator offers only the names, the bash script gets file names too.
pub fn script(shell: clap_complete::Shell) -> Vec<u8> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "hlmsg", &mut out);
    if shell != clap_complete::Shell::Bash {
        return out;
    }
    let names: Vec<&str> = schema_names().into_iter().map(|(n, _)| n).collect();
    let only_names = format!(
        "COMPREPLY=($(compgen -W \"{}\" -- \"${{cur}}\"))",
        names.join(" ")
    );
    let with_files = format!(
        "COMPREPLY=($(compgen -W \"{}\" -- \"${{cur}}\") $(compgen -f -- \"${{cur}}\"))",
        names.join(" ")
    );
    String::from_utf8_lossy(&out)
        .replace(&only_names, &with_files)
        .into_bytes()
}

/// Runs `completions`.
pub fn run(args: &CompletionsArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    io.out.write_all(&script(args.shell))?;
    io.out.flush()?;
    Ok(Outcome::Success)
}

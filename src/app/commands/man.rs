//! `hlmsg man`: the manual page, generated from the command-line definition.
//!
//! One roff stream holds the page for `hlmsg` and then a page for each subcommand
//! (`hlmsg-validate`, ...), each starting with its own `.TH`; man(1) and groff render them one
//! after the other, so `hlmsg man | man -l -` shows everything and one installed file serves
//! `man hlmsg`. With `--dir`, each page goes to a file of its own (`hlmsg-validate.1`, ...), so
//! `man hlmsg-validate` works.

use std::io::Write as _;

use clap::CommandFactory;

use clap::Args;

use crate::app::cli::Cli;
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::input::describe_io_error;

/// `hlmsg man`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Write one file per page into DIR instead (hlmsg.1, hlmsg-validate.1, ...), creating it,
    /// so that `man hlmsg-validate` works once DIR is on MANPATH.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<std::path::PathBuf>,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg man | man -l -                             # read it now
  hlmsg man --dir ~/.local/share/man/man1          # install the pages: then `man hlmsg-validate`",
        "the page was printed",
        None,
        Some("an output error"),
    )
}

/// The pages: (file name, roff text) for hlmsg, then for every subcommand.
pub fn pages() -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let source = format!("hlmsg {}", env!("CARGO_PKG_VERSION"));
    let mut main = Vec::new();
    clap_mangen::Man::new(command.clone())
        .source(source.clone())
        .render(&mut main)?;
    // The rules behind validate's findings, from the same definitions as `hlmsg rules`.
    crate::render::rules::roff(&mut main, crate::validate::rules::RULES)?;
    let mut pages = vec![("hlmsg.1".to_string(), main)];
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        // The built subcommand is named `hlmsg-validate` for display and `hlmsg validate` in
        // the synopsis.
        let mut page = Vec::new();
        clap_mangen::Man::new(sub.clone())
            .source(source.clone())
            .render(&mut page)?;
        pages.push((format!("hlmsg-{}.1", sub.get_name()), page));
    }
    Ok(pages)
}

/// Writes the pages for hlmsg and every subcommand, one after the other.
pub fn render(out: &mut dyn std::io::Write) -> std::io::Result<()> {
    for (_, page) in pages()? {
        out.write_all(&page)?;
    }
    Ok(())
}

/// Writes each page to its own file in `dir`: through a new temporary file in `dir`, renamed
/// over the page's name, so a link planted at that name is replaced, never written through.
fn write_pages(dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>, String> {
    let fail = |what: &str, path: &std::path::Path, e: &std::io::Error| {
        format!("{what} {}: {}", path.display(), describe_io_error(e))
    };
    std::fs::create_dir_all(dir).map_err(|e| fail("cannot create", dir, &e))?;
    let mut written = Vec::new();
    for (name, page) in pages().map_err(|e| fail("cannot render the pages for", dir, &e))? {
        let path = dir.join(&name);
        let mut tmp = tempfile::NamedTempFile::new_in(dir)
            .map_err(|e| fail("cannot create a file in", dir, &e))?;
        tmp.write_all(&page)
            .and_then(|()| tmp.flush())
            .map_err(|e| fail("cannot write", &path, &e))?;
        tmp.persist(&path)
            .map_err(|e| fail("cannot write", &path, &e.error))?;
        written.push(path);
    }
    Ok(written)
}

/// Runs `man`.
pub fn run(args: &ManArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let Some(dir) = &args.dir else {
        render(&mut io.out)?;
        io.out.flush()?;
        return Ok(Outcome::Success);
    };
    match write_pages(dir) {
        Ok(written) => {
            for path in written {
                writeln!(io.out, "{}", path.display())?;
            }
            io.out.flush()?;
            Ok(Outcome::Success)
        }
        Err(message) => crate::app::settings::refuse(io, &message),
    }
}

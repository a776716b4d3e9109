//! `hlmsg keygen DIR`: a test key pair of each scheme HighLevel signs with, for signing test
//! deliveries (`hlmsg send --sign`) and configuring a handler's tests to trust them.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::app::settings;
use crate::input::describe_io_error;
use crate::live::sign::{ed25519_pair, rsa_pair};

/// `hlmsg keygen`.
#[derive(Debug, Clone, Args)]
pub struct KeygenArgs {
    /// The folder to write the keys to (created if needed; existing keys are not overwritten).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg keygen test-keys/
  hlmsg send http://localhost:3000/webhook --sample sms --sign test-keys/ed25519.pem",
        "the keys were written",
        None,
        Some("the folder cannot be written, or a key file is already there"),
    )
}

/// Writes `text` to a new file (never over an existing one, never through a link), readable
/// by its owner only when it is `private`.
fn write_new(path: &Path, text: &str, private: bool) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut f = options.open(path).map_err(|e| {
        format!(
            "cannot create {}: {}",
            path.display(),
            describe_io_error(&e)
        )
    })?;
    f.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {}: {}", path.display(), describe_io_error(&e)))
}

/// Runs `keygen`.
pub fn run(args: &KeygenArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if let Err(e) = std::fs::create_dir_all(&args.dir) {
        let message = format!(
            "cannot create {}: {}",
            args.dir.display(),
            describe_io_error(&e)
        );
        return settings::refuse(io, &message);
    }
    let pairs = [("ed25519", ed25519_pair()), ("rsa", rsa_pair(4096))];
    for (name, pair) in pairs {
        let (private, public) = match pair {
            Ok(p) => p,
            Err(message) => return settings::refuse(io, &message),
        };
        let private_path = args.dir.join(format!("{name}.pem"));
        let public_path = args.dir.join(format!("{name}.pub.pem"));
        for (path, text, secret) in [
            (&private_path, &private, true),
            (&public_path, &public, false),
        ] {
            if let Err(message) = write_new(path, text, secret) {
                return settings::refuse(io, &message);
            }
        }
        writeln!(
            io.out,
            "{}: private {}, public {}",
            name,
            private_path.display(),
            public_path.display()
        )?;
    }
    writeln!(
        io.out,
        "These are TEST keys: a handler trusts them only if told to. Sign with \
         `hlmsg send URL --sign {}`, point the handler's tests (or `hlmsg verify --public-key`) \
         at the .pub.pem of the same scheme, and keep HighLevel's own key in production.",
        args.dir.join("ed25519.pem").display()
    )?;
    io.out.flush()?;
    Ok(Outcome::Success)
}

//! Arguments resolved into the settings the library takes, once: the number of jobs, the schema
//! choice, the public keys. A setting that cannot be resolved is an error message; the
//! subcommand refuses to run with it ([`refuse`]).

use std::path::PathBuf;

use crate::app::cli::shared::Published;
use crate::app::driver::Io;
use crate::app::exit::Outcome;
use crate::input::describe_io_error;
use crate::validate::Checker;
use crate::validate::schema::{SchemaError, Selection};
use crate::verify::signature::{Keys, PublicKey};

/// The most worker threads per core: more only cost memory and start-up time.
pub const JOBS_PER_CORE: usize = 8;

/// The worker threads `--jobs N` stands for: N, or every core for 0; at most
/// [`JOBS_PER_CORE`] per core, with a warning (given back) when N asks for more.
pub fn jobs(n: usize) -> (usize, Option<String>) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores.saturating_mul(JOBS_PER_CORE);
    match n {
        0 => (cores, None),
        n if n > most => (
            most,
            Some(format!(
                "--jobs {n} is more than {JOBS_PER_CORE} per core; using {most} ({cores} cores)"
            )),
        ),
        n => (n, None),
    }
}

/// Reports why the subcommand cannot run, and gives its outcome (exit 2).
pub fn refuse(io: &mut Io<'_>, message: &str) -> anyhow::Result<Outcome> {
    io.err.error(message)?;
    Ok(Outcome::Trouble)
}

/// The schemas a `--schema` value and `--published` choose.
pub fn selection(selection: Selection, published: Published) -> Result<Selection, String> {
    if published.published && matches!(selection, Selection::File(_)) {
        return Err(
            "--published selects the bundled schemas; it cannot be combined with a schema file"
                .to_string(),
        );
    }
    Ok(selection)
}

/// The checker of `validate`: the schemas compiled, the rules set. `paths` are the paths to
/// check, for the command that checks a capture given as the schema along with them.
pub fn checker(
    schema: &str,
    published: Published,
    strict: bool,
    paths: &[PathBuf],
) -> Result<Checker, String> {
    let selection = selection(Selection::parse(schema), published)?;
    Checker::new(&selection, published.published, strict).map_err(|e| {
        let mut retry = vec!["validate".to_string(), schema.to_string()];
        retry.extend(paths.iter().map(|p| p.to_string_lossy().into_owned()));
        schema_error(&e, &retry)
    })
}

/// A schema that does not load, as the command line says it: a capture given as the schema gets
/// the command that checks it as payloads (`retry`: the words after `hlmsg`).
pub fn schema_error(e: &SchemaError, retry: &[String]) -> String {
    match e {
        SchemaError::Capture { .. } => format!(
            "{e}; to check it as payloads against the bundled schemas: hlmsg {}",
            shell_words(retry)
        ),
        _ => e.to_string(),
    }
}

/// Words as a shell reads them back: quoted when they hold anything but letters, digits and
/// `_-./=:@%+,`.
pub fn shell_words(words: &[String]) -> String {
    let plain = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-./=:@%+,".contains(c))
    };
    words
        .iter()
        .map(|w| match plain(w) {
            true => w.clone(),
            false => format!("'{}'", w.replace('\'', "'\\''")),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// HighLevel's keys, with each `--public-key` file replacing the key of its scheme.
pub fn keys(files: &[PathBuf]) -> Result<Keys, String> {
    let mut keys = Keys::highlevel();
    for path in files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            // Not a file: the key itself, in hex or base64, as the Python SDK takes it.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let given = path.to_string_lossy();
                match PublicKey::from_bytes(given.as_bytes()) {
                    Ok(key) => {
                        keys.set(key);
                        continue;
                    }
                    Err(_) => {
                        return Err(format!(
                            "--public-key {}: {} (and not a key in hex or base64 either)",
                            path.display(),
                            describe_io_error(&e)
                        ));
                    }
                }
            }
            Err(e) => {
                return Err(format!(
                    "--public-key {}: {}",
                    path.display(),
                    describe_io_error(&e)
                ));
            }
        };
        let key = PublicKey::from_bytes(&bytes)
            .map_err(|msg| format!("--public-key {}: {msg}", path.display()))?;
        keys.set(key);
    }
    Ok(keys)
}

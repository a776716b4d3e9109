//! Where payloads come from: path arguments expanded into sources (files, walked folders,
//! standard input), each with its size read once, and the errors of paths that cannot be read.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::compressed::SUFFIXES;
use super::walk::WalkOptions;
use crate::model::origin::STDIN_NAME;

/// File name extensions picked up when walking a directory (compared case-insensitively), also
/// under a compressed suffix ([`SUFFIXES`]: `log.ndjson.gz`).
pub const EXTENSIONS: &[&str] = &["json", "ndjson", "jsonl", "http"];

/// One source of payloads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file, named as given or as found in a walked directory, with its size when it is a
    /// regular file (read once, when the paths are expanded).
    File(PathBuf, Option<u64>),
}

impl Source {
    /// The name used in messages: the path, or `<stdin>`.
    pub fn name(&self) -> Arc<str> {
        match self {
            Source::Stdin => Arc::from(STDIN_NAME),
            Source::File(p, _) => Arc::from(path_name(p).as_str()),
        }
    }

    /// The size in bytes, when it is known in advance (a regular file).
    pub fn size(&self) -> Option<u64> {
        match self {
            Source::Stdin => None,
            Source::File(_, size) => *size,
        }
    }

    /// Opens the source for reading; `stdin` replaces the process's standard input when given.
    /// Also gives the source's size when it is known (a regular file, or bytes in memory).
    pub fn open(
        &self,
        stdin: Option<&Arc<[u8]>>,
    ) -> Result<(Box<dyn Read>, Option<u64>), InputError> {
        match self {
            Source::Stdin => match stdin {
                Some(bytes) => Ok((
                    Box::new(io::Cursor::new(bytes.clone())),
                    Some(bytes.len() as u64),
                )),
                None => Ok((Box::new(io::stdin().lock()), None)),
            },
            Source::File(path, size) => match File::open(path) {
                Ok(f) => Ok((Box::new(f), *size)),
                Err(e) => Err(InputError::io(path, &e)),
            },
        }
    }
}

/// A path that could not be read. The run goes on with the other paths and exits 2.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct InputError {
    /// The path, as given or as found.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

impl InputError {
    /// An error from the operating system about `path`.
    pub fn io(path: &Path, err: &io::Error) -> Self {
        InputError {
            path: path_name(path),
            message: describe_io_error(err),
        }
    }
}

/// A short, lower-case description of an I/O error, without Rust's "(os error N)" suffix.
pub fn describe_io_error(err: &io::Error) -> String {
    let text = match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let s = err.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
        None => text,
    }
}

/// The total size of `sources`, when every one is a regular file (errors count for nothing).
pub fn total_size(sources: &[Result<Source, InputError>]) -> Option<u64> {
    sources.iter().try_fold(0u64, |total, s| match s {
        Ok(source) => source.size().map(|n| total.saturating_add(n)),
        Err(_) => Some(total),
    })
}

/// Whether a file found while walking a directory is read: its extension is one of
/// [`EXTENSIONS`], or it is compressed ([`SUFFIXES`]) and the name under that is.
pub fn has_payload_extension(path: &Path) -> bool {
    let ext_in = |p: &Path, list: &[&str]| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| list.iter().any(|x| x.eq_ignore_ascii_case(e)))
    };
    if ext_in(path, EXTENSIONS) {
        return true;
    }
    ext_in(path, SUFFIXES)
        && path
            .file_stem()
            .is_some_and(|stem| ext_in(Path::new(stem), EXTENSIONS))
}

/// How the message of a folder with nothing to read ends when the walk skipped hidden or
/// ignored entries (the application adds how to read them).
pub const SKIPPED_NOTE: &str = "; hidden and ignored entries were skipped";

/// Expands the path arguments into sources, in order. No argument means standard input.
/// Directories are walked recursively in sorted order as [`super::walk`] says (hidden and
/// ignored entries skipped unless `opts` asks for them); symbolic links are followed (loops are
/// reported); a walked entry that cannot be read, or that is not a regular file, is reported
/// rather than skipped. A file named on the command line is always read.
pub fn expand(args: &[PathBuf], opts: &WalkOptions) -> Vec<Result<Source, InputError>> {
    if args.is_empty() {
        return vec![Ok(Source::Stdin)];
    }
    let mut out = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        match std::fs::metadata(arg) {
            Err(e) => out.push(Err(InputError::io(arg, &e))),
            Ok(meta) if meta.is_dir() => walk(arg, opts, &mut out),
            // Files, pipes and devices named explicitly are read as they are.
            Ok(meta) => out.push(Ok(Source::File(
                arg.clone(),
                meta.is_file().then_some(meta.len()),
            ))),
        }
    }
    out
}

fn walk(dir: &Path, opts: &WalkOptions, out: &mut Vec<Result<Source, InputError>>) {
    let before = out.len();
    super::walk::walk(dir, opts, out);
    if out.len() == before {
        let what = if opts.globs.is_empty() {
            "no *.json, *.ndjson, *.jsonl or *.http file (plain, .gz or .zst)"
        } else {
            "no file that the glob patterns choose"
        };
        let skipped = if opts.hidden && opts.no_ignore {
            ""
        } else {
            SKIPPED_NOTE
        };
        out.push(Err(InputError {
            path: path_name(dir),
            message: format!("{what} in this folder{skipped}"),
        }));
    }
}

/// Set once a run reads a source that arrives over time (a pipe, a terminal).
pub static LIVE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the run reads a source that arrives over time, so that its output should go out as
/// it is made rather than when a buffer fills.
pub fn reading_live_input() -> bool {
    LIVE.load(std::sync::atomic::Ordering::Relaxed)
}

/// Whether standard input is a regular file (`< file`), rather than a pipe or a terminal.
pub fn stdin_is_regular_file() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd as _;
        std::io::stdin()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.is_file())
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// A path as messages and machine output name it: as it is when it is UTF-8, else with each
/// byte that is not UTF-8 written `\xNN`, so that two such names never look alike.
pub fn path_name(path: &std::path::Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let mut bytes = path.as_os_str().as_bytes();
        let mut out = String::with_capacity(bytes.len());
        loop {
            match std::str::from_utf8(bytes) {
                Ok(rest) => {
                    out.push_str(rest);
                    return out;
                }
                Err(e) => {
                    let (valid, after) = bytes.split_at(e.valid_up_to());
                    out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                    let bad = e.error_len().unwrap_or(after.len());
                    for b in &after[..bad] {
                        out.push_str(&format!("\\x{b:02x}"));
                    }
                    bytes = &after[bad..];
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct() {
        use std::os::unix::ffi::OsStrExt as _;
        let name = |b: &[u8]| path_name(std::path::Path::new(std::ffi::OsStr::from_bytes(b)));
        assert_eq!(name(b"a\xff.json"), "a\\xff.json");
        assert_eq!(name(b"a\xfe.json"), "a\\xfe.json");
        assert_eq!(name("caf\u{e9}.json".as_bytes()), "caf\u{e9}.json");
    }

    #[test]
    fn extensions_are_case_insensitive() {
        assert!(has_payload_extension(Path::new("a/b.json")));
        assert!(has_payload_extension(Path::new("a/b.NDJSON")));
        assert!(has_payload_extension(Path::new("b.jsonl")));
        assert!(!has_payload_extension(Path::new("b.txt")));
        assert!(!has_payload_extension(Path::new("json")));
    }

    #[test]
    fn no_argument_means_stdin_and_dash_is_stdin() {
        assert_eq!(
            expand(&[], &WalkOptions::default()),
            vec![Ok(Source::Stdin)]
        );
        assert_eq!(
            expand(&[PathBuf::from("-")], &WalkOptions::default()),
            vec![Ok(Source::Stdin)]
        );
    }

    #[test]
    fn directories_are_walked_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        for name in [
            "b.json",
            "a.ndjson",
            "sub/c.jsonl",
            "notes.txt",
            "sub/z.JSON",
        ] {
            std::fs::write(d.join(name), "{}").unwrap();
        }
        let got: Vec<_> = expand(&[d.to_path_buf()], &WalkOptions::default())
            .into_iter()
            .map(|s| match s.unwrap() {
                Source::File(p, _) => p.strip_prefix(d).unwrap().to_string_lossy().into_owned(),
                Source::Stdin => unreachable!(),
            })
            .collect();
        assert_eq!(got, vec!["a.ndjson", "b.json", "sub/c.jsonl", "sub/z.JSON"]);
    }

    #[test]
    fn a_folder_without_payload_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let got = expand(&[dir.path().to_path_buf()], &WalkOptions::default());
        assert_eq!(got.len(), 1);
        assert!(
            got[0]
                .as_ref()
                .unwrap_err()
                .message
                .starts_with("no *.json")
        );
    }

    #[test]
    fn missing_path_is_an_error_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.json");
        std::fs::write(&f, "{}").unwrap();
        let got = expand(
            &[dir.path().join("nope.json"), f.clone()],
            &WalkOptions::default(),
        );
        assert_eq!(got.len(), 2);
        let err = got[0].as_ref().unwrap_err();
        assert_eq!(err.message, "no such file or directory");
        assert_eq!(got[1], Ok(Source::File(f, Some(2))));
    }

    #[cfg(unix)]
    #[test]
    fn broken_symlink_in_a_directory_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("link.json")).unwrap();
        let got = expand(&[dir.path().to_path_buf()], &WalkOptions::default());
        assert_eq!(got.len(), 1);
        let err = got[0].as_ref().unwrap_err();
        assert!(err.path.ends_with("link.json"), "{err:?}");
        assert!(err.message.contains("broken symbolic link"), "{err:?}");
    }
}

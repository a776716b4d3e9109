//! Input shared by every subcommand: which sources to read, and how to split them into payloads.
//!
//! Arguments are paths: a file (read whatever its name), a directory (walked recursively, in
//! sorted order, for `*.json`, `*.ndjson` and `*.jsonl`), or `-` for standard input. Sources are
//! opened one at a time, when their turn comes.

pub mod parallel;
pub mod reader;

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::capture::InputMode;
use crate::origin::STDIN_NAME;
use crate::payload::{Fault, Payload, parse};
use crate::progress::Progress;

pub use reader::{
    DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAYLOAD_BYTES, Item, Reader, Record, RecordStatus, StreamFault,
};

/// File name extensions picked up when walking a directory (compared case-insensitively).
pub const EXTENSIONS: &[&str] = &["json", "ndjson", "jsonl"];

/// One source of payloads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file, named as given or as found in a walked directory.
    File(PathBuf),
}

impl Source {
    /// The name used in messages: the path, or `<stdin>`.
    pub fn name(&self) -> Arc<str> {
        match self {
            Source::Stdin => Arc::from(STDIN_NAME),
            Source::File(p) => Arc::from(p.to_string_lossy().as_ref()),
        }
    }

    /// Opens the source for reading; `stdin` replaces the process's standard input when given.
    /// Also gives the source's size when it is known (a regular file).
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
            Source::File(path) => match File::open(path) {
                Ok(f) => {
                    let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                    Ok((Box::new(f), size))
                }
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
            path: path.to_string_lossy().into_owned(),
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

/// Whether a file found while walking a directory is read.
pub fn has_payload_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Expands the path arguments into sources, in order. No argument means standard input.
/// Directories are walked recursively in sorted order; symbolic links are followed (loops are
/// reported); a walked entry that cannot be read, or that is not a regular file, is reported
/// rather than skipped.
pub fn expand(args: &[PathBuf]) -> Vec<Result<Source, InputError>> {
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
            Ok(meta) if meta.is_dir() => walk(arg, &mut out),
            // Files, pipes and devices named explicitly are read as they are.
            Ok(_) => out.push(Ok(Source::File(arg.clone()))),
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Source, InputError>>) {
    let before = out.len();
    walk_into(dir, out);
    if out.len() == before {
        out.push(Err(InputError {
            path: dir.to_string_lossy().into_owned(),
            message: "no *.json, *.ndjson or *.jsonl file in this folder".to_string(),
        }));
    }
}

fn walk_into(dir: &Path, out: &mut Vec<Result<Source, InputError>>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let message = match (e.loop_ancestor(), e.io_error()) {
                    (Some(anc), _) => format!(
                        "symbolic link loop (points back to {})",
                        anc.to_string_lossy()
                    ),
                    (None, Some(io)) if io.kind() == io::ErrorKind::NotFound => {
                        "broken symbolic link or vanished file".to_string()
                    }
                    (None, Some(io)) => describe_io_error(io),
                    (None, None) => e.to_string(),
                };
                out.push(Err(InputError {
                    path: path.to_string_lossy().into_owned(),
                    message,
                }));
            }
            Ok(entry) => {
                let ft = entry.file_type();
                if ft.is_dir() || !has_payload_extension(entry.path()) {
                    continue;
                }
                if ft.is_file() {
                    out.push(Ok(Source::File(entry.into_path())));
                } else {
                    out.push(Err(InputError {
                        path: entry.path().to_string_lossy().into_owned(),
                        message: "not a regular file (name it explicitly to read it)".to_string(),
                    }));
                }
            }
        }
    }
}

/// Receives every entry of the input, in order, parsed into payloads.
pub trait EntrySink {
    /// One entry: a payload, or an entry that is not one.
    fn entry(&mut self, entry: Result<Payload<'_>, Fault>) -> io::Result<()>;
    /// A path that could not be read (or a source that failed while being read).
    fn input_error(&mut self, error: &InputError) -> io::Result<()>;
}

/// Receives every entry of the input, in order, unparsed: for consumers that read only a few
/// fields of each payload and parse them their own way.
pub trait RecordSink {
    /// One record; the consumer parses it.
    fn record(&mut self, record: Record<'_>) -> io::Result<()>;
    /// A structural fault between records.
    fn fault(&mut self, fault: Fault) -> io::Result<()>;
    /// A path that could not be read (or a source that failed while being read).
    fn input_error(&mut self, error: &InputError) -> io::Result<()>;
}

/// Adapts an [`EntrySink`] to records by parsing each into a payload.
struct Parsing<'s>(&'s mut dyn EntrySink);

impl RecordSink for Parsing<'_> {
    fn record(&mut self, record: Record<'_>) -> io::Result<()> {
        self.0.entry(parse(record))
    }
    fn fault(&mut self, fault: Fault) -> io::Result<()> {
        self.0.entry(Err(fault))
    }
    fn input_error(&mut self, error: &InputError) -> io::Result<()> {
        self.0.input_error(error)
    }
}

/// Settings of the input, shared by every subcommand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// The path arguments (none means standard input).
    pub paths: Vec<PathBuf>,
    /// The largest payload kept for parsing, in bytes.
    pub max_payload: u64,
    /// The deepest nesting accepted.
    pub max_depth: u64,
    /// Whether a source without any payload is reported as a failed entry.
    pub require_payload: bool,
    /// Bare payloads, raw HTTP requests or envelopes (`--input`).
    pub mode: InputMode,
    /// Bytes that stand in for standard input (tests and fuzzing); `None` reads the real one.
    pub stdin: Option<Arc<[u8]>>,
    /// Progress on a terminal for long reads (the default shows none).
    pub progress: Progress,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            paths: Vec::new(),
            max_payload: DEFAULT_MAX_PAYLOAD_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            require_payload: false,
            mode: InputMode::Auto,
            stdin: None,
            progress: Progress::default(),
        }
    }
}

/// Reads every source in order and hands each entry, parsed, to `sink`. Returns whether any
/// source could not be read (the caller exits 2). An error from the sink (e.g. a closed stdout)
/// stops the run.
pub fn read_all(opts: &InputOptions, sink: &mut dyn EntrySink) -> io::Result<bool> {
    read_sources(expand(&opts.paths), opts, sink)
}

/// Like [`read_all`], for sources already expanded (`opts.paths` is not looked at): a caller
/// that must look at the sources first (their sizes, say) expands the paths only once.
pub fn read_sources(
    sources: Vec<Result<Source, InputError>>,
    opts: &InputOptions,
    sink: &mut dyn EntrySink,
) -> io::Result<bool> {
    read_record_sources(sources, opts, &mut Parsing(sink))
}

/// Like [`read_all`], with unparsed records.
pub fn read_records(opts: &InputOptions, sink: &mut dyn RecordSink) -> io::Result<bool> {
    read_record_sources(expand(&opts.paths), opts, sink)
}

/// Like [`read_sources`], with unparsed records.
pub fn read_record_sources(
    sources: Vec<Result<Source, InputError>>,
    opts: &InputOptions,
    sink: &mut dyn RecordSink,
) -> io::Result<bool> {
    let mut trouble = false;
    let progress = &opts.progress;
    progress.expect(&sources);
    let _clear_bar = progress.pause_on_drop();
    for source in sources {
        let source = match source {
            Ok(s) => s,
            Err(e) => {
                trouble = true;
                sink.input_error(&e)?;
                continue;
            }
        };
        let name = source.name();
        let (input, size) = match source.open(opts.stdin.as_ref()) {
            Ok(opened) => opened,
            Err(e) => {
                trouble = true;
                sink.input_error(&e)?;
                continue;
            }
        };
        let mut reader = Reader::with_size_hint(name.clone(), progress.wrap(input), size)
            .with_mode(opts.mode)
            .with_max_payload(opts.max_payload)
            .with_max_depth(opts.max_depth)
            .require_entry(opts.require_payload);
        loop {
            match reader.next() {
                Ok(None) => break,
                Ok(Some(Item::Record(rec))) => {
                    let mut scratch = Vec::new();
                    match crate::capture::unwrap_envelope(rec, opts.mode, &mut scratch) {
                        Ok(rec) => sink.record(rec)?,
                        Err(fault) => sink.fault(fault)?,
                    }
                }
                Ok(Some(Item::Fault(f))) => sink.fault(Fault::from(f))?,
                Err(e) => {
                    trouble = true;
                    sink.input_error(&InputError {
                        path: name.to_string(),
                        message: format!(
                            "read error after {} bytes: {}",
                            reader.offset(),
                            describe_io_error(&e)
                        ),
                    })?;
                    break;
                }
            }
            progress.tick();
        }
    }
    Ok(trouble)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(expand(&[]), vec![Ok(Source::Stdin)]);
        assert_eq!(expand(&[PathBuf::from("-")]), vec![Ok(Source::Stdin)]);
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
        let got: Vec<_> = expand(&[d.to_path_buf()])
            .into_iter()
            .map(|s| match s.unwrap() {
                Source::File(p) => p.strip_prefix(d).unwrap().to_string_lossy().into_owned(),
                Source::Stdin => unreachable!(),
            })
            .collect();
        assert_eq!(got, vec!["a.ndjson", "b.json", "sub/c.jsonl", "sub/z.JSON"]);
    }

    #[test]
    fn a_folder_without_payload_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let got = expand(&[dir.path().to_path_buf()]);
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
        let got = expand(&[dir.path().join("nope.json"), f.clone()]);
        assert_eq!(got.len(), 2);
        let err = got[0].as_ref().unwrap_err();
        assert_eq!(err.message, "no such file or directory");
        assert_eq!(got[1], Ok(Source::File(f)));
    }

    #[cfg(unix)]
    #[test]
    fn broken_symlink_in_a_directory_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("link.json")).unwrap();
        let got = expand(&[dir.path().to_path_buf()]);
        assert_eq!(got.len(), 1);
        let err = got[0].as_ref().unwrap_err();
        assert!(err.path.ends_with("link.json"), "{err:?}");
        assert!(err.message.contains("broken symbolic link"), "{err:?}");
    }
}

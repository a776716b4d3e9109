//! Where payloads come from: path arguments expanded into sources (files, walked folders,
//! standard input), each with its size read once, and the errors of paths that cannot be read.
//!
//! [`Sources`] gives them in order as they are found: the path arguments are looked at first,
//! and each folder is walked when its turn comes, its files given as the walk finds them
//! ([`super::walk`]), so reading starts before a large tree is listed.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::Watch;
use super::compressed::SUFFIXES;
use super::walk::{Walk, WalkOptions};
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

/// What expanding the path arguments finds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A source to read.
    Source(Source),
    /// A path that cannot be read: the run goes on with the others, and exits 2.
    Unreadable(InputError),
    /// A remark on the walk that loses nothing (a link loop not followed, a folder reached a
    /// second time through a link): said on standard error, the outcome unchanged.
    Note(String),
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

/// The total size of `sources`, when every one is a regular file (errors and notes count for
/// nothing).
pub fn total_size(sources: &[Found]) -> Option<u64> {
    sources.iter().try_fold(0u64, |total, s| match s {
        Found::Source(source) => source.size().map(|n| total.saturating_add(n)),
        Found::Unreadable(_) | Found::Note(_) => Some(total),
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

/// Sources listed ahead of reading at most: enough to tell a small input from a large one.
const LOOK_AHEAD: usize = 1024;
/// And for at most this long, so that a slow walk does not hold the first file back.
const LOOK_AHEAD_TIME: Duration = Duration::from_millis(50);

/// Expands the path arguments into sources, in order. No argument means standard input.
/// Directories are walked recursively in sorted order as [`super::walk`] says (hidden and
/// ignored entries skipped unless `opts` asks for them), each when its turn comes; a walked
/// entry that cannot be read, or that is not a regular file, is reported rather than skipped. A
/// file named on the command line is always read.
pub fn expand(args: &[PathBuf], opts: &WalkOptions) -> Sources {
    let mut sources = Sources::from(Vec::new());
    sources.opts = opts.clone();
    if args.is_empty() {
        sources
            .args
            .push_back(Arg::Found(Found::Source(Source::Stdin)));
    }
    for arg in args {
        let found = if arg.as_os_str() == "-" {
            Found::Source(Source::Stdin)
        } else {
            match std::fs::metadata(arg) {
                Err(e) => Found::Unreadable(InputError::io(arg, &e)),
                Ok(meta) if meta.is_dir() => {
                    sources.args.push_back(Arg::Folder(arg.clone()));
                    sources.folders += 1;
                    continue;
                }
                // Files, pipes and devices named explicitly are read as they are.
                Ok(meta) => Found::Source(Source::File(
                    arg.clone(),
                    meta.is_file().then_some(meta.len()),
                )),
            }
        };
        sources.args.push_back(Arg::Found(found));
    }
    sources
}

/// A path argument, looked at: what it is, or a folder to walk when its turn comes.
enum Arg {
    Found(Found),
    Folder(PathBuf),
}

/// The sources of a run, in order, found as they are taken: see [`expand`].
pub struct Sources {
    /// Listed ahead of the reader ([`Sources::look_ahead`]).
    ahead: VecDeque<Found>,
    /// The folder being walked, and whether its walk has found anything yet.
    walking: Option<(PathBuf, Walk, bool)>,
    /// The arguments not reached yet.
    args: VecDeque<Arg>,
    opts: WalkOptions,
    /// Folders among `args`.
    folders: usize,
    /// Told of each source as it is listed, and when the list is complete.
    watch: Option<Arc<dyn Watch>>,
    listed: bool,
}

impl From<Vec<Found>> for Sources {
    /// Sources listed already.
    fn from(found: Vec<Found>) -> Sources {
        Sources {
            ahead: VecDeque::new(),
            walking: None,
            args: found.into_iter().map(Arg::Found).collect(),
            folders: 0,
            opts: WalkOptions::default(),
            watch: None,
            listed: false,
        }
    }
}

impl Iterator for Sources {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        self.ahead.pop_front().or_else(|| self.list())
    }
}

impl Sources {
    /// Tells `watch` of each source as it is listed, and when the list is complete.
    pub fn watch(&mut self, watch: Option<Arc<dyn Watch>>) {
        self.watch = watch;
    }

    /// Whether a source arrives over time: standard input or a path argument that is not a
    /// regular file (a pipe, a terminal, a socket); a walk finds regular files only. The answer
    /// is also kept for the output side ([`reading_live_input`]).
    pub fn live(&self) -> bool {
        let named = self.args.iter().filter_map(|a| match a {
            Arg::Found(f) => Some(f),
            Arg::Folder(_) => None,
        });
        let live = self.ahead.iter().chain(named).any(|f| match f {
            Found::Source(Source::Stdin) => !stdin_is_regular_file(),
            Found::Source(Source::File(_, size)) => size.is_none(),
            Found::Unreadable(_) | Found::Note(_) => false,
        });
        if live {
            LIVE.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        live
    }

    /// Lists sources ahead of reading, a few at most (1,024, or what 50 ms of walking finds),
    /// and tells whether they are all the sources and all regular files smaller than `limit`
    /// bytes in all.
    pub fn look_ahead(&mut self, limit: u64) -> bool {
        let start = Instant::now();
        let mut total = total_size(self.ahead.make_contiguous());
        loop {
            if total.is_none_or(|n| n >= limit)
                || self.ahead.len() >= LOOK_AHEAD
                || start.elapsed() >= LOOK_AHEAD_TIME
            {
                return false;
            }
            let Some(found) = self.list() else {
                return true;
            };
            total = total
                .zip(total_size(std::slice::from_ref(&found)))
                .map(|(a, b)| a.saturating_add(b));
            self.ahead.push_back(found);
        }
    }

    /// The next source, listed now.
    fn list(&mut self) -> Option<Found> {
        loop {
            if let Some((dir, walk, found_any)) = &mut self.walking {
                match walk.next() {
                    Some(found) => {
                        *found_any |= !matches!(found, Found::Note(_));
                        return Some(self.expect(found));
                    }
                    None if *found_any => self.walking = None,
                    None => {
                        let nothing = nothing_to_read(dir, &self.opts);
                        self.walking = None;
                        return Some(nothing);
                    }
                }
            }
            self.check_listed();
            match self.args.pop_front() {
                Some(Arg::Found(found)) => return Some(self.expect(found)),
                Some(Arg::Folder(dir)) => {
                    self.folders -= 1;
                    let walk = super::walk::walk(&dir, &self.opts);
                    self.walking = Some((dir, walk, false));
                }
                None => return None,
            }
        }
    }

    /// Tells the watcher of `found`, while the list is not complete.
    fn expect(&self, found: Found) -> Found {
        if let (Some(w), Found::Source(source), false) = (&self.watch, &found, self.listed) {
            w.expect(source);
        }
        found
    }

    /// Once no folder is left to walk, every source is known: tells the watcher of those not
    /// taken yet, and that the list is complete.
    fn check_listed(&mut self) {
        if self.listed || self.walking.is_some() || self.folders > 0 {
            return;
        }
        if let Some(w) = &self.watch {
            for arg in &self.args {
                if let Arg::Found(Found::Source(source)) = arg {
                    w.expect(source);
                }
            }
            w.listed();
        }
        self.listed = true;
    }
}

/// The error of a walked folder that held nothing to read.
fn nothing_to_read(dir: &Path, opts: &WalkOptions) -> Found {
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
    Found::Unreadable(InputError {
        path: path_name(dir),
        message: format!("{what} in this folder{skipped}"),
    })
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

    fn listed(args: &[PathBuf]) -> Vec<Found> {
        expand(args, &WalkOptions::default()).collect()
    }

    fn unreadable(found: &Found) -> &InputError {
        match found {
            Found::Unreadable(e) => e,
            other => panic!("not an error: {other:?}"),
        }
    }

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
        assert_eq!(listed(&[]), vec![Found::Source(Source::Stdin)]);
        assert_eq!(
            listed(&[PathBuf::from("-")]),
            vec![Found::Source(Source::Stdin)]
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
        let got: Vec<_> = listed(&[d.to_path_buf()])
            .into_iter()
            .map(|s| match s {
                Found::Source(Source::File(p, _)) => {
                    p.strip_prefix(d).unwrap().to_string_lossy().into_owned()
                }
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(got, vec!["a.ndjson", "b.json", "sub/c.jsonl", "sub/z.JSON"]);
    }

    /// The sources of a folder come as the walk finds them: a file made in a later folder
    /// after the first source was taken is still read.
    #[test]
    fn folders_are_walked_as_their_sources_are_taken() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("a")).unwrap();
        std::fs::create_dir_all(d.join("b")).unwrap();
        std::fs::write(d.join("a/1.json"), "{}").unwrap();
        let mut sources = expand(
            &[d.to_path_buf(), PathBuf::from("-")],
            &WalkOptions::default(),
        );
        let first = sources.next();
        assert_eq!(
            first,
            Some(Found::Source(Source::File(d.join("a/1.json"), Some(2))))
        );
        std::fs::write(d.join("b/2.json"), "{}").unwrap();
        let rest: Vec<Found> = sources.collect();
        assert_eq!(
            rest,
            [
                Found::Source(Source::File(d.join("b/2.json"), Some(2))),
                Found::Source(Source::Stdin)
            ]
        );
    }

    #[test]
    fn looking_ahead_tells_a_small_input_and_keeps_the_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["a.json", "b.json", "c.json"] {
            std::fs::write(d.join(name), "{}").unwrap();
        }
        let mut sources = expand(&[d.to_path_buf()], &WalkOptions::default());
        assert!(sources.look_ahead(100));
        assert_eq!(sources.count(), 3);
        // Over the limit: not small, and nothing is lost or reordered.
        let mut sources = expand(&[d.to_path_buf()], &WalkOptions::default());
        assert!(!sources.look_ahead(3));
        let names: Vec<String> = sources
            .map(|f| match f {
                Found::Source(s) => s.name().to_string(),
                other => panic!("{other:?}"),
            })
            .collect();
        let expected: Vec<String> = ["a.json", "b.json", "c.json"]
            .iter()
            .map(|n| path_name(&d.join(n)))
            .collect();
        assert_eq!(names, expected);
        // Standard input has no size: never small.
        assert!(!expand(&[PathBuf::from("-")], &WalkOptions::default()).look_ahead(100));
    }

    #[test]
    fn a_folder_without_payload_files_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
        let got = listed(&[dir.path().to_path_buf()]);
        assert_eq!(got.len(), 1);
        assert!(unreadable(&got[0]).message.starts_with("no *.json"));
    }

    #[test]
    fn missing_path_is_an_error_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.json");
        std::fs::write(&f, "{}").unwrap();
        let got = listed(&[dir.path().join("nope.json"), f.clone()]);
        assert_eq!(got.len(), 2);
        assert_eq!(unreadable(&got[0]).message, "no such file or directory");
        assert_eq!(got[1], Found::Source(Source::File(f, Some(2))));
    }

    #[cfg(unix)]
    #[test]
    fn broken_symlink_in_a_directory_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(dir.path().join("gone"), dir.path().join("link.json")).unwrap();
        let got = listed(&[dir.path().to_path_buf()]);
        assert_eq!(got.len(), 1);
        let err = unreadable(&got[0]);
        assert!(err.path.ends_with("link.json"), "{err:?}");
        assert!(err.message.contains("broken symbolic link"), "{err:?}");
    }
}

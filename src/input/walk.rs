//! Walking a folder the way ripgrep does, through the `ignore` crate: hidden entries and
//! everything `.gitignore` (inside a git repository), `.ignore` and `.git/info/exclude` exclude
//! are skipped unless asked for; `--glob` patterns choose files (`!` excludes); otherwise the
//! payload extensions do. Symbolic links to files are read; links to folders are walked only
//! when asked (`--follow`), so a link to `/` or a web of linked folders cannot send a walk
//! through the whole disk. Folders are read on several threads, and the files are then put in
//! path order (component by component), so the result is the same on every run.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::overrides::OverrideBuilder;
use ignore::{WalkBuilder, WalkState};

use super::source::{InputError, Source, describe_io_error, has_payload_extension, path_name};

/// How folders are walked (`--hidden`, `--no-ignore`, `--glob`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkOptions {
    /// Read hidden files and folders too.
    pub hidden: bool,
    /// Do not apply `.gitignore`, `.ignore` and `.git/info/exclude`.
    pub no_ignore: bool,
    /// Gitignore-style patterns relative to the folder; `!` excludes. When any pattern is not
    /// an exclusion, only matching files are read, whatever their extension.
    pub globs: Vec<String>,
    /// Walk into folders that symbolic links point at (links to files are always read).
    pub follow: bool,
}

impl WalkOptions {
    /// Whether a pattern chooses files (rather than only excluding some).
    fn chooses(&self) -> bool {
        self.globs.iter().any(|g| !g.starts_with('!'))
    }
}

/// A bad `--glob` pattern.
pub fn check_glob(glob: &str) -> Result<(), String> {
    let mut b = OverrideBuilder::new(".");
    b.add(glob).map(|_| ()).map_err(|e| e.to_string())
}

/// Walks `dir` into `out`: its files in path order, and the entries that could not be read.
pub fn walk(dir: &Path, opts: &WalkOptions, out: &mut Vec<Result<Source, InputError>>) {
    let mut builder = WalkBuilder::new(dir);
    builder
        .hidden(!opts.hidden)
        .ignore(!opts.no_ignore)
        .git_ignore(!opts.no_ignore)
        .git_global(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .parents(!opts.no_ignore)
        .follow_links(opts.follow);
    if !opts.globs.is_empty() {
        let mut globs = OverrideBuilder::new(dir);
        for g in &opts.globs {
            // Checked when the arguments were read.
            let _ = globs.add(g);
        }
        match globs.build() {
            Ok(o) => {
                builder.overrides(o);
            }
            Err(e) => {
                out.push(Err(InputError {
                    path: path_name(dir),
                    message: format!("a glob pattern does not compile: {e}"),
                }));
                return;
            }
        }
    }
    let chooses = opts.chooses();
    let found: Mutex<Vec<(PathBuf, Result<Source, InputError>)>> = Mutex::new(Vec::new());
    builder.build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            let item = match entry {
                Err(e) => Some(walk_error(dir, &e)),
                Ok(entry) => file(entry, chooses),
            };
            if let Some(item) = item {
                found
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner())
                    .push(item);
            }
            WalkState::Continue
        })
    });
    let mut found = found
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // Component by component: `a/b.json` before `a.json/...` as in a sorted tree.
    found.sort_by(|a, b| a.0.cmp(&b.0));
    out.extend(found.into_iter().map(|(_, item)| item));
}

/// A walked entry as a source, an error, or nothing (a folder, a file not chosen, a link to a
/// folder when links are not followed).
fn file(entry: ignore::DirEntry, chooses: bool) -> Option<(PathBuf, Result<Source, InputError>)> {
    let ft = entry.file_type()?;
    if ft.is_dir() || entry.depth() == 0 {
        return None;
    }
    if ft.is_symlink() {
        // Not followed (no --follow): a link to a file is read, a link to a folder is not
        // walked, as ripgrep and fd do; a link that leads nowhere is reported.
        return match std::fs::metadata(entry.path()) {
            Ok(meta) if meta.is_dir() => None,
            _ if !chooses && !has_payload_extension(entry.path()) => None,
            Ok(meta) if meta.is_file() => {
                let path = entry.into_path();
                Some((path.clone(), Ok(Source::File(path, Some(meta.len())))))
            }
            Ok(_) => {
                let path = entry.into_path();
                let error = InputError {
                    path: path_name(&path),
                    message: "not a regular file (name it explicitly to read it)".to_string(),
                };
                Some((path, Err(error)))
            }
            Err(e) => {
                let path = entry.into_path();
                let message = if e.kind() == io::ErrorKind::NotFound {
                    "broken symbolic link or vanished file".to_string()
                } else {
                    format!("symbolic link cannot be read: {}", describe_io_error(&e))
                };
                let error = InputError {
                    path: path_name(&path),
                    message,
                };
                Some((path, Err(error)))
            }
        };
    }
    if !chooses && !has_payload_extension(entry.path()) {
        return None;
    }
    let path = entry.into_path();
    if ft.is_file() {
        let size = std::fs::metadata(&path).ok().map(|m| m.len());
        Some((path.clone(), Ok(Source::File(path, size))))
    } else {
        let error = InputError {
            path: path_name(&path),
            message: "not a regular file (name it explicitly to read it)".to_string(),
        };
        Some((path, Err(error)))
    }
}

/// An entry the walk could not read, with the path it concerns.
fn walk_error(dir: &Path, e: &ignore::Error) -> (PathBuf, Result<Source, InputError>) {
    let mut path = dir.to_path_buf();
    let mut err = e;
    loop {
        match err {
            ignore::Error::WithPath {
                path: p,
                err: inner,
            } => {
                path = p.clone();
                err = inner;
            }
            ignore::Error::WithDepth { err: inner, .. }
            | ignore::Error::WithLineNumber { err: inner, .. } => {
                err = inner;
            }
            _ => break,
        }
    }
    let message = match err {
        ignore::Error::Loop { ancestor, child } => {
            path = child.clone();
            format!(
                "symbolic link loop (points back to {})",
                path_name(ancestor)
            )
        }
        ignore::Error::Io(io) if io.kind() == io::ErrorKind::NotFound => {
            "broken symbolic link or vanished file".to_string()
        }
        ignore::Error::Io(io) => describe_io_error(io),
        other => other.to_string(),
    };
    let error = InputError {
        path: path_name(&path),
        message,
    };
    (path, Err(error))
}

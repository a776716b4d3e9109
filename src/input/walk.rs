//! Walking a folder the way ripgrep does, through the `ignore` crate: hidden entries and
//! everything `.gitignore` (inside a git repository), `.ignore` and `.git/info/exclude` exclude
//! are skipped unless asked for; `--glob` patterns choose files (`!` excludes); otherwise the
//! payload extensions do. Symbolic links to files are read; links to folders are walked only
//! when asked (`--follow`), so a link to `/` or a web of linked folders cannot send a walk
//! through the whole disk.
//!
//! The walk streams: [`Walk`] is an iterator that lists one folder at a time, in path order
//! (component by component: each folder's entries sorted by name, a folder's files right after
//! its name), and gives each file as it is found, so the first file is read before the rest of
//! the tree is listed. It holds the listings of the folders it is inside, no more: memory grows
//! with the depth of the tree and the width of its folders, not with the number of files.
//!
//! With links followed, each real folder is walked once, known by its device and inode: a link
//! that leads back to a folder holding it (a loop) or to a folder walked already (a web of links)
//! is not walked again, and a note says so ([`Found::Note`]); the run goes on.

use std::collections::{HashMap, VecDeque};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

use super::source::{
    Found, InputError, Source, describe_io_error, has_payload_extension, path_name,
};

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

/// The files of one folder, in path order, as they are found: see the module's documentation.
pub struct Walk {
    dir: PathBuf,
    /// `None` once the walk has ended (or could not start).
    inner: Option<ignore::Walk>,
    chooses: bool,
    /// Found and not yet given: the notes made on the way to an entry, then the entry.
    pending: VecDeque<Found>,
    /// The folders walked so far, when links are followed.
    seen: Option<Arc<Mutex<Seen>>>,
}

/// Walks `dir`: its files in path order, the entries that could not be read, and notes on
/// links that were not followed.
pub fn walk(dir: &Path, opts: &WalkOptions) -> Walk {
    let mut walk = Walk {
        dir: dir.to_path_buf(),
        inner: None,
        chooses: opts.chooses(),
        pending: VecDeque::new(),
        seen: None,
    };
    let mut builder = WalkBuilder::new(dir);
    builder
        .hidden(!opts.hidden)
        .ignore(!opts.no_ignore)
        .git_ignore(!opts.no_ignore)
        .git_global(!opts.no_ignore)
        .git_exclude(!opts.no_ignore)
        .parents(!opts.no_ignore)
        .follow_links(opts.follow)
        .sort_by_file_name(|a, b| a.cmp(b));
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
                walk.pending.push_back(Found::Unreadable(InputError {
                    path: path_name(dir),
                    message: format!("a glob pattern does not compile: {e}"),
                }));
                return walk;
            }
        }
    }
    if opts.follow {
        let seen = Arc::new(Mutex::new(Seen::new(dir)));
        let admit = seen.clone();
        builder.filter_entry(move |entry| lock(&admit).admit(entry));
        walk.seen = Some(seen);
    }
    walk.inner = Some(builder.build());
    walk
}

impl Iterator for Walk {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if let Some(found) = self.pending.pop_front() {
                return Some(found);
            }
            let entry = self.inner.as_mut()?.next();
            // Folders passed over on the way to this entry come before it.
            if let Some(seen) = &self.seen {
                let notes = std::mem::take(&mut lock(seen).notes);
                self.pending.extend(notes.into_iter().map(Found::Note));
            }
            match entry {
                None => self.inner = None,
                Some(Err(e)) => self.pending.push_back(walk_error(&self.dir, &e)),
                Some(Ok(entry)) => self.pending.extend(file(entry, self.chooses)),
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A folder as the file system knows it, whatever path leads to it.
type FolderId = (u64, u64);

/// The identity of the folder at `path` (links followed); `None` where it cannot be had (off
/// Unix, where the walk relies on the loop check of the `ignore` crate alone).
fn folder_id(path: &Path) -> Option<FolderId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

/// The folders a walk that follows links has met.
struct Seen {
    /// Each folder walked, with the path it was walked under.
    walked: HashMap<FolderId, PathBuf>,
    /// The folders that hold the walked folder (its real path's ancestors): a link to one of
    /// them leads back into the walk.
    above: HashMap<FolderId, PathBuf>,
    /// Notes on the folders passed over, not yet given.
    notes: Vec<String>,
}

impl Seen {
    fn new(dir: &Path) -> Seen {
        let mut walked = HashMap::new();
        let mut above = HashMap::new();
        if let Some(id) = folder_id(dir) {
            walked.insert(id, dir.to_path_buf());
        }
        if let Ok(real) = std::fs::canonicalize(dir) {
            for ancestor in real.ancestors().skip(1) {
                if let Some(id) = folder_id(ancestor) {
                    above.entry(id).or_insert_with(|| ancestor.to_path_buf());
                }
            }
        }
        Seen {
            walked,
            above,
            notes: Vec::new(),
        }
    }

    /// Whether to walk `entry`: anything but a folder, and a folder not met before.
    fn admit(&mut self, entry: &ignore::DirEntry) -> bool {
        if !entry.file_type().is_some_and(|t| t.is_dir()) {
            return true;
        }
        let Some(id) = folder_id(entry.path()) else {
            return true;
        };
        let path = path_name(entry.path());
        if let Some(ancestor) = self.above.get(&id) {
            self.notes.push(loop_note(&path, ancestor));
            return false;
        }
        match self.walked.get(&id) {
            Some(first) => {
                let first = path_name(first);
                self.notes.push(format!(
                    "{path}: not walked again: the same folder as {first}, walked already"
                ));
                false
            }
            None => {
                self.walked.insert(id, entry.path().to_path_buf());
                true
            }
        }
    }
}

/// The note on a link that leads back to `ancestor`, a folder that holds it.
fn loop_note(link: &str, ancestor: &Path) -> String {
    format!(
        "{link}: not followed: a symbolic link loop (it leads back to {})",
        path_name(ancestor)
    )
}

/// A walked entry as a source, an error, or nothing (a folder, a file not chosen, a link to a
/// folder when links are not followed).
fn file(entry: ignore::DirEntry, chooses: bool) -> Option<Found> {
    let ft = entry.file_type()?;
    if ft.is_dir() || entry.depth() == 0 {
        return None;
    }
    let unreadable = |path: &Path, message: String| {
        Some(Found::Unreadable(InputError {
            path: path_name(path),
            message,
        }))
    };
    let not_regular = || "not a regular file (name it explicitly to read it)".to_string();
    if ft.is_symlink() {
        // Not followed (no --follow): a link to a file is read, a link to a folder is not
        // walked, as ripgrep and fd do; a link that leads nowhere is reported.
        return match std::fs::metadata(entry.path()) {
            Ok(meta) if meta.is_dir() => None,
            _ if !chooses && !has_payload_extension(entry.path()) => None,
            Ok(meta) if meta.is_file() => Some(Found::Source(Source::File(
                entry.into_path(),
                Some(meta.len()),
            ))),
            Ok(_) => unreadable(entry.path(), not_regular()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => unreadable(
                entry.path(),
                "broken symbolic link or vanished file".to_string(),
            ),
            Err(e) => unreadable(
                entry.path(),
                format!("symbolic link cannot be read: {}", describe_io_error(&e)),
            ),
        };
    }
    if !chooses && !has_payload_extension(entry.path()) {
        return None;
    }
    if !ft.is_file() {
        return unreadable(entry.path(), not_regular());
    }
    let path = entry.into_path();
    let size = std::fs::metadata(&path).ok().map(|m| m.len());
    Some(Found::Source(Source::File(path, size)))
}

/// An entry the walk could not read, or a link loop it did not follow.
fn walk_error(dir: &Path, e: &ignore::Error) -> Found {
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
            return Found::Note(loop_note(&path_name(child), ancestor));
        }
        ignore::Error::Io(io) if io.kind() == io::ErrorKind::NotFound => {
            "broken symbolic link or vanished file".to_string()
        }
        ignore::Error::Io(io) => describe_io_error(io),
        other => other.to_string(),
    };
    Found::Unreadable(InputError {
        path: path_name(&path),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "{}\n").unwrap();
    }

    /// A found item as text: a file relative to `root`, or `error: ...`, `note: ...`.
    fn show(root: &Path, found: Found) -> String {
        match found {
            Found::Source(Source::File(p, _)) => {
                p.strip_prefix(root).unwrap().to_string_lossy().into_owned()
            }
            Found::Source(Source::Stdin) => "-".to_string(),
            Found::Unreadable(e) => format!("error: {e}"),
            Found::Note(n) => format!("note: {n}"),
        }
    }

    fn walked(root: &Path, opts: &WalkOptions) -> Vec<String> {
        walk(root, opts).map(|f| show(root, f)).collect()
    }

    fn following() -> WalkOptions {
        WalkOptions {
            follow: true,
            ..WalkOptions::default()
        }
    }

    #[test]
    fn files_come_in_path_order_component_by_component() {
        let dir = tempfile::tempdir().unwrap();
        let names = [
            "a.json",
            "a/z.json",
            "a-b.json",
            "a/b/c.json",
            "B.json",
            "a/b.json",
            "ab/c.json",
        ];
        for name in names {
            write(dir.path(), name);
        }
        let mut sorted: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        sorted.sort();
        let sorted: Vec<String> = sorted.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(walked(dir.path(), &WalkOptions::default()), sorted);
    }

    /// Streaming: the first file is given before the folders after it are even read, so a file
    /// made in a later folder after the first file was taken is still found. A walk that lists
    /// the whole tree before giving anything misses it.
    #[test]
    fn the_first_file_comes_before_the_rest_of_the_tree_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "a/1.json");
        std::fs::create_dir_all(root.join("m/n")).unwrap();
        std::fs::create_dir(root.join("z")).unwrap();
        let mut walk = walk(root, &WalkOptions::default());
        let first = walk.next().map(|f| show(root, f));
        assert_eq!(first.as_deref(), Some("a/1.json"));
        write(root, "m/n/2.json");
        write(root, "z/3.json");
        let rest: Vec<String> = walk.map(|f| show(root, f)).collect();
        assert_eq!(rest, ["m/n/2.json", "z/3.json"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_web_of_linked_folders_is_walked_once_per_real_folder() {
        use std::os::unix::fs::symlink;
        // 30 levels, each holding one payload and 4 links to the next level: 4^29 paths, 30
        // real folders.
        const LEVELS: usize = 30;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for level in 0..LEVELS {
            write(root, &format!("level{level}/payload{level}.json"));
            if level + 1 < LEVELS {
                std::fs::create_dir_all(root.join(format!("level{}", level + 1))).unwrap();
                for link in 1..=4 {
                    let to = root.join(format!("level{}", level + 1));
                    symlink(to, root.join(format!("level{level}/link{link}"))).unwrap();
                }
            }
        }
        let start = std::time::Instant::now();
        let got = walked(&root.join("level0"), &following());
        assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
        let files: Vec<&String> = got.iter().filter(|g| !g.starts_with("note: ")).collect();
        let mut names: Vec<&str> = files
            .iter()
            .map(|f| f.rsplit('/').next().unwrap())
            .collect();
        names.sort();
        names.dedup();
        // Each real file once, under the first link that reached its folder, deepest first
        // (`link1/...` sorts before `payload0.json`).
        assert_eq!(files.len(), LEVELS, "{files:?}");
        assert_eq!(names.len(), LEVELS, "{files:?}");
        let deepest = format!("{}payload{}.json", "link1/".repeat(LEVELS - 1), LEVELS - 1);
        assert_eq!(files[0], &deepest);
        assert_eq!(files[LEVELS - 1], "payload0.json");
        let notes: Vec<&String> = got.iter().filter(|g| g.starts_with("note: ")).collect();
        assert_eq!(notes.len(), 3 * (LEVELS - 1), "{notes:?}");
        assert!(
            notes
                .iter()
                .all(|n| n.contains(": not walked again: the same folder as")),
            "{notes:?}"
        );
        // Without links followed, only the first folder is read.
        assert_eq!(
            walked(&root.join("level0"), &WalkOptions::default()),
            ["payload0.json"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn link_loops_are_noted_and_the_walk_goes_on() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        write(&root, "a/x.json");
        write(&root, "b.json");
        // Back to the walked folder, to the folder itself, to a folder that holds the walk.
        symlink("..", root.join("a/back")).unwrap();
        symlink(".", root.join("a/self")).unwrap();
        symlink(dir.path(), root.join("a/up")).unwrap();
        symlink("/", root.join("a/everything")).unwrap();
        let got = walked(&root, &following());
        let root_name = path_name(&root);
        let a = format!("{root_name}/a");
        let expected = [
            format!(
                "note: {a}/back: not followed: a symbolic link loop (it leads back to {root_name})"
            ),
            format!(
                "note: {a}/everything: not followed: a symbolic link loop (it leads back to /)"
            ),
            format!("note: {a}/self: not followed: a symbolic link loop (it leads back to {a})"),
        ];
        assert_eq!(got[..3], expected, "{got:#?}");
        assert!(
            got[3].starts_with(&format!(
                "note: {a}/up: not followed: a symbolic link loop (it leads back to "
            )),
            "{got:#?}"
        );
        assert_eq!(got[4..], ["a/x.json", "b.json"], "{got:#?}");
        // Not followed, the links are not folders to walk, and nothing is noted.
        assert_eq!(
            walked(&root, &WalkOptions::default()),
            ["a/x.json", "b.json"]
        );
    }
}

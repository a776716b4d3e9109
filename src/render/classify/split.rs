//! The payloads themselves as output: one line each (`--only`), or one NDJSON file per channel
//! (`--split`), written under temporary names and renamed into place when complete.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::input::parse::parse_json;

use crate::render::jsonl::write_line;
use crate::render::jsontext::compact_into;

/// The payload as one line: its bytes when it arrived on one line, else compacted; with
/// redaction, its masked form. A payload that cannot be masked is an error (the reason), never
/// its unmasked bytes and never a silent blank.
pub fn one_line(raw: &[u8], redact: bool) -> Result<Vec<u8>, String> {
    let mut line = Vec::with_capacity(raw.len() + 1);
    if redact && raw.len() >= crate::input::parse::SHALLOW_ABOVE {
        // A large payload is masked through its bytes, when it can be.
        if let Some(doc) = crate::input::doc::Doc::build(raw)
            && crate::input::locate::duplicate_key(raw).is_none()
            && let Some(masked) = crate::redact::redact_doc(&doc)
        {
            drop(doc);
            return one_line(&masked, false);
        }
    }
    if redact {
        let mut value =
            parse_json(raw).map_err(|e| format!("the payload cannot be redacted: {e}"))?;
        crate::redact::redact(&mut value);
        write_line(&mut line, &value)
            .map_err(|e| format!("the payload cannot be redacted: {e}"))?;
        return Ok(line);
    }
    if memchr::memchr2(b'\n', b'\r', raw).is_some() {
        compact_into(raw, &mut line);
    } else {
        line.extend_from_slice(raw);
    }
    line.push(b'\n');
    Ok(line)
}

/// The file in DIR that lists the channel files an earlier run wrote, one name per line: those
/// files, and only those, a later run may replace or remove.
pub const MANIFEST: &str = ".hlmsg-split";

/// Writes payloads to one NDJSON file per channel. Each file is written under a temporary name
/// that nobody can guess or plant a link at (created exclusively in DIR), and renamed into place
/// when the run completes, so an interrupted run leaves no half-written file behind. A file at a
/// final name that hlmsg did not write (it is not in DIR's [`MANIFEST`]) is never replaced: the
/// run fails instead. Files an earlier run wrote that this run has no payload for are removed,
/// so that DIR holds this run's split and nothing else.
pub struct Splitter {
    dir: PathBuf,
    /// Told of each temporary file when it is created (true) and when it is gone (false), so
    /// an interrupt can remove it.
    track: fn(&Path, bool),
    files: BTreeMap<&'static str, (BufWriter<NamedTempFile>, u64)>,
    /// The names an earlier run wrote.
    earlier: BTreeSet<String>,
}

/// An I/O error that names the file and what was being done with it.
fn context(e: io::Error, doing: &str, path: &Path) -> io::Error {
    let what = crate::input::source::describe_io_error(&e);
    io::Error::new(e.kind(), format!("{doing} {}: {what}", path.display()))
}

impl Splitter {
    /// Creates DIR when needed and reads what an earlier run wrote there.
    pub fn new(dir: &Path, track: fn(&Path, bool)) -> io::Result<Self> {
        fs::create_dir_all(dir).map_err(|e| context(e, "cannot create", dir))?;
        let manifest = dir.join(MANIFEST);
        let earlier = match fs::read_to_string(&manifest) {
            Ok(text) => text
                .lines()
                .filter(|l| is_channel_file(l))
                .map(str::to_string)
                .collect(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => BTreeSet::new(),
            Err(e) => return Err(context(e, "cannot read", &manifest)),
        };
        Ok(Splitter {
            dir: dir.to_path_buf(),
            track,
            files: BTreeMap::new(),
            earlier,
        })
    }

    /// Appends one line to the file of `slug`.
    pub fn write(&mut self, slug: &'static str, line: &[u8]) -> io::Result<()> {
        if !self.files.contains_key(slug) {
            let name = format!("{slug}.ndjson");
            may_replace(&self.dir, &self.earlier, &name)?;
            let tmp = temporary(&format!(".{name}."))
                .tempfile_in(&self.dir)
                .map_err(|e| context(e, "cannot create a temporary file in", &self.dir))?;
            (self.track)(tmp.path(), true);
            self.files
                .insert(slug, (BufWriter::with_capacity(256 * 1024, tmp), 0));
        }
        let (w, n) = self.files.get_mut(slug).expect("inserted above");
        *n += 1;
        w.write_all(line)
            .map_err(|e| context(e, "cannot write", w.get_ref().path()))
    }

    /// Flushes every file and renames it into place; removes the files of an earlier run that
    /// this run did not write. Returns (file, payloads) in name order.
    pub fn finish(self) -> io::Result<Vec<(PathBuf, u64)>> {
        let mut ready = Vec::new();
        let mut names = BTreeSet::new();
        for (slug, (w, n)) in self.files {
            let name = format!("{slug}.ndjson");
            let path = w.get_ref().path().to_path_buf();
            let tmp = w
                .into_inner()
                .map_err(|e| context(e.into_error(), "cannot write", &path))?;
            tmp.as_file()
                .sync_all()
                .map_err(|e| context(e, "cannot write", tmp.path()))?;
            names.insert(name.clone());
            ready.push((name, tmp, n));
        }
        // Checked again: a file may have appeared since the run began.
        for (name, _, _) in &ready {
            may_replace(&self.dir, &self.earlier, name)?;
        }
        // The manifest first, naming both runs' files, so that an interruption in between
        // leaves every file recognised as hlmsg's.
        let all: BTreeSet<String> = self.earlier.union(&names).cloned().collect();
        write_manifest(&self.dir, &all)?;
        let mut out = Vec::new();
        for (name, tmp, n) in ready {
            let path = self.dir.join(&name);
            let tmp_path = tmp.path().to_path_buf();
            // A rename replaces the entry at the final name; it never follows a link there.
            tmp.persist(&path)
                .map_err(|e| context(e.error, "cannot rename into place", &path))?;
            (self.track)(&tmp_path, false);
            out.push((path, n));
        }
        for stale in self.earlier.difference(&names) {
            let path = self.dir.join(stale);
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => {
                    return Err(context(e, "cannot remove", &path));
                }
                _ => {}
            }
        }
        write_manifest(&self.dir, &names)?;
        Ok(out)
    }

    /// Removes the temporary files of an unfinished run.
    pub fn abandon(self) {
        for (_, (w, _)) in self.files {
            let path = w.get_ref().path().to_path_buf();
            drop(w);
            (self.track)(&path, false);
        }
    }
}

/// Fails when the final file of `name` exists and is not one an earlier run wrote.
fn may_replace(dir: &Path, earlier: &BTreeSet<String>, name: &str) -> io::Result<()> {
    let path = dir.join(name);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(context(e, "cannot inspect", &path)),
        Ok(_) if earlier.contains(name) => Ok(()),
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already exists and hlmsg did not write it: remove it, or split into another folder",
                path.display()
            ),
        )),
    }
}

/// Whether a manifest line names a channel file (a plain name, no folder).
fn is_channel_file(name: &str) -> bool {
    name.ends_with(".ndjson")
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
        && !name.is_empty()
}

/// How temporary files are made: an unpredictable name after `prefix`, created exclusively, with
/// the permissions of an ordinary new file (0666 less the umask) rather than 0600.
fn temporary(prefix: &str) -> tempfile::Builder<'_, 'static> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        b.permissions(fs::Permissions::from_mode(0o666));
    }
    b
}

/// Writes the manifest, replacing the earlier one as a whole.
fn write_manifest(dir: &Path, names: &BTreeSet<String>) -> io::Result<()> {
    let path = dir.join(MANIFEST);
    let mut tmp = temporary(&format!("{MANIFEST}."))
        .tempfile_in(dir)
        .map_err(|e| context(e, "cannot create a temporary file in", dir))?;
    let mut text = String::new();
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| context(e, "cannot write", tmp.path()))?;
    tmp.persist(&path)
        .map_err(|e| context(e.error, "cannot rename into place", &path))?;
    Ok(())
}

/// What `--split` wrote: each file with its payloads, then `N read, N written, N unreadable`.
pub fn written(
    out: &mut dyn Write,
    painter: crate::render::style::Painter,
    files: &[(PathBuf, u64)],
    tally: &crate::classify::tally::Tally,
) -> io::Result<()> {
    let mut written = 0;
    for (path, n) in files {
        written += n;
        writeln!(
            out,
            "{}  {n}",
            painter.paint(
                &path.to_string_lossy(),
                crate::render::style::styles::location()
            )
        )?;
    }
    writeln!(
        out,
        "{} read, {written} written, {} unreadable",
        tally.total + tally.unreadable,
        tally.unreadable
    )
}

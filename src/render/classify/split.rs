//! The payloads themselves as output: one line each (`--only`), or one NDJSON file per channel
//! (`--split`), written under temporary names and renamed into place when complete.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::input::parse::parse_json;

use crate::render::jsonl::write_line;
use crate::render::jsontext::compact_into;

/// The payload as one line: its bytes when it arrived on one line, else compacted; with
/// `--redact`, its masked form (or nothing, should the bytes not parse again, rather than the
/// unmasked bytes).
pub fn one_line(raw: &[u8], redact: bool) -> Vec<u8> {
    let mut line = Vec::with_capacity(raw.len() + 1);
    if redact {
        if let Ok(mut value) = parse_json(raw) {
            crate::redact::redact(&mut value);
            let _ = write_line(&mut line, &value);
        }
        return line;
    }
    if memchr::memchr2(b'\n', b'\r', raw).is_some() {
        compact_into(raw, &mut line);
    } else {
        line.extend_from_slice(raw);
    }
    line.push(b'\n');
    line
}

/// Writes payloads to one NDJSON file per channel. Each file is written under a temporary name
/// and renamed into place when the run completes, so an interrupted run leaves no half-written
/// file behind.
pub struct Splitter {
    dir: PathBuf,
    /// Told of each temporary file when it is created (true) and when it is gone (false), so
    /// an interrupt can remove it.
    track: fn(&Path, bool),
    files: BTreeMap<&'static str, (BufWriter<File>, PathBuf, u64)>,
}

impl Splitter {
    /// Creates DIR when needed.
    pub fn new(dir: &Path, track: fn(&Path, bool)) -> io::Result<Self> {
        fs::create_dir_all(dir)?;
        Ok(Splitter {
            dir: dir.to_path_buf(),
            track,
            files: BTreeMap::new(),
        })
    }

    /// Appends one line to the file of `slug`.
    pub fn write(&mut self, slug: &'static str, line: &[u8]) -> io::Result<()> {
        if !self.files.contains_key(slug) {
            let tmp = self
                .dir
                .join(format!(".{slug}.ndjson.tmp-{}", std::process::id()));
            let f = File::create(&tmp)?;
            (self.track)(&tmp, true);
            self.files
                .insert(slug, (BufWriter::with_capacity(256 * 1024, f), tmp, 0));
        }
        let (w, _, n) = self.files.get_mut(slug).expect("inserted above");
        *n += 1;
        w.write_all(line)
    }

    /// Flushes and renames every file into place; returns (file, payloads) in name order.
    pub fn finish(self) -> io::Result<Vec<(PathBuf, u64)>> {
        let mut out = Vec::new();
        for (slug, (w, tmp, n)) in self.files {
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
            let path = self.dir.join(format!("{slug}.ndjson"));
            fs::rename(&tmp, &path)?;
            (self.track)(&tmp, false);
            out.push((path, n));
        }
        Ok(out)
    }

    /// Removes the temporary files of an unfinished run.
    pub fn abandon(self) {
        for (_, (_, tmp, _)) in self.files {
            let _ = fs::remove_file(&tmp);
            (self.track)(&tmp, false);
        }
    }
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

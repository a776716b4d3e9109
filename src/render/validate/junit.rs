//! A JUnit XML report: one `testsuite` per source, one `testcase` per payload; failing payloads
//! carry a `failure` with every finding, passing ones list their warnings and notes in
//! `system-out`; unreadable paths become test cases with an `error`.
//!
//! Suites are written one source at a time; a suite's test cases wait in memory, or past 1 MiB
//! in a temporary file, until the counts of its header are known. Memory stays flat.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::ValidateReport;
use crate::input::InputError;
use crate::model::finding::Severity;
use crate::render::style::is_unsafe;
use crate::validate::{Summary, Verdict};

/// Escapes text for XML 1.0 content and attribute values. Line breaks and tabs stay; other
/// control characters (which XML 1.0 cannot hold, or which would reach a terminal raw) are written
/// as `\u{…}` text.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if is_unsafe(c) || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Test cases of the current suite: kept in memory up to a size, then in a temporary file, so
/// that a source with millions of payloads does not grow memory.
enum Spool {
    Memory(Vec<u8>),
    File(io::BufWriter<std::fs::File>),
}

/// Test cases kept in memory before they move to a temporary file.
const SPOOL_IN_MEMORY: usize = 1 << 20;

impl Default for Spool {
    fn default() -> Self {
        Spool::Memory(Vec::new())
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Spool::Memory(v) if v.len() + buf.len() <= SPOOL_IN_MEMORY => v.write(buf),
            Spool::Memory(v) => {
                // No temporary file (a missing TMPDIR, a full disk): the report stays in memory
                // rather than fail half-written.
                let Ok(spool) = tempfile::tempfile() else {
                    v.extend_from_slice(buf);
                    return Ok(buf.len());
                };
                let mut file = io::BufWriter::new(spool);
                file.write_all(v)?;
                file.write_all(buf)?;
                *self = Spool::File(file);
                Ok(buf.len())
            }
            Spool::File(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Spool::Memory(_) => Ok(()),
            Spool::File(f) => f.flush(),
        }
    }
}

impl Spool {
    /// Copies everything written to `out`.
    fn copy_to(self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Spool::Memory(v) => out.write_all(&v),
            Spool::File(f) => {
                let mut file = f.into_inner().map_err(|e| e.into_error())?;
                io::Seek::rewind(&mut file)?;
                io::copy(&mut file, out).map(|_| ())
            }
        }
    }
}

#[derive(Default)]
struct Suite {
    name: String,
    tests: u64,
    failures: u64,
    errors: u64,
    skipped: u64,
    body: Spool,
}

/// `validate --format junit`.
pub struct JunitReport<W> {
    out: W,
    started: bool,
    suite: Option<Suite>,
}

impl<W: Write> JunitReport<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JunitReport {
            out,
            started: false,
            suite: None,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            writeln!(self.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
            writeln!(self.out, "<testsuites name=\"hlmsg validate\">")?;
        }
        Ok(())
    }

    /// The suite for `source`, flushing the previous one when the source changes.
    fn suite_for(&mut self, source: &str) -> io::Result<&mut Suite> {
        self.start()?;
        if self.suite.as_ref().is_some_and(|s| s.name != source) {
            self.flush_suite()?;
        }
        Ok(self.suite.get_or_insert_with(|| Suite {
            name: source.to_string(),
            ..Suite::default()
        }))
    }

    fn flush_suite(&mut self) -> io::Result<()> {
        if let Some(s) = self.suite.take() {
            writeln!(
                self.out,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">",
                xml_escape(&s.name),
                s.tests,
                s.failures,
                s.errors,
                s.skipped
            )?;
            s.body.copy_to(&mut self.out)?;
            writeln!(self.out, "  </testsuite>")?;
        }
        Ok(())
    }
}

impl<W: Write> ValidateReport for JunitReport<W> {
    fn verdict(&mut self, v: &Verdict) -> io::Result<()> {
        let suite = self.suite_for(&v.origin.source)?;
        suite.tests += 1;
        let name = xml_escape(&v.origin.to_string());
        let class = xml_escape(&v.origin.source);
        let mut findings = String::new();
        for d in &v.diagnostics {
            let _ = write!(
                findings,
                "{}: {}[{}]: ",
                v.origin.at(d.position),
                d.severity,
                d.rule
            );
            if let Some(p) = &d.pointer {
                let _ = write!(findings, "{p}: ");
            }
            let _ = writeln!(findings, "{}", d.message);
        }
        write!(
            suite.body,
            "    <testcase name=\"{name}\" classname=\"{class}\""
        )?;
        if v.skipped {
            suite.skipped += 1;
            writeln!(
                suite.body,
                ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                xml_escape(v.diagnostics.first().map_or("", |d| d.message.as_str()))
            )?;
        } else if v.passed() {
            suite
                .body
                .write_all(if findings.is_empty() { b"/>\n" } else { b">\n" })?;
            if !findings.is_empty() {
                writeln!(
                    suite.body,
                    "      <system-out>{}</system-out>\n    </testcase>",
                    xml_escape(&findings)
                )?;
            }
        } else {
            suite.failures += 1;
            let first = v
                .diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(|d| (d.rule.as_ref(), d.message.as_str()))
                .unwrap_or(("error", ""));
            writeln!(
                suite.body,
                ">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>",
                xml_escape(first.0),
                xml_escape(first.1),
                xml_escape(&findings)
            )?;
        }
        Ok(())
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        let suite = self.suite_for(&e.path)?;
        suite.tests += 1;
        suite.errors += 1;
        writeln!(
            suite.body,
            "    <testcase name=\"{0}\" classname=\"{0}\">\n      <error type=\"input\" message=\"{1}\"/>\n    </testcase>",
            xml_escape(&e.path),
            xml_escape(&e.message)
        )?;
        Ok(())
    }

    fn finish(&mut self, _s: &Summary) -> io::Result<()> {
        self.start()?;
        self.flush_suite()?;
        writeln!(self.out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escape_handles_markup_and_controls() {
        assert_eq!(
            xml_escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(xml_escape("a\u{1b}b\nc"), "a\\u{1b}b\nc");
    }
}

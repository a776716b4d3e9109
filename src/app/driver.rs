//! Runs any reading subcommand: the streams it writes to, the refusal to wait on a terminal, the
//! one read path with its progress, the one fault line, and the outcome.
//!
//! A subcommand gives the driver its sources, a `work` function that runs on every core for each
//! record, and a [`Consumer`] that receives the results in input order. Paths that cannot be
//! read are reported here, always the same way; entries that are not payloads (faults) go to the
//! consumer, and when its report does not show them, here too. What the run found is the
//! subcommand's to say; the driver merges it with the trouble it saw ([`Driver::finish`]).

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;

use crate::app::exit::Outcome;
use crate::app::progress::Progress;
use crate::classify::event_of;
use crate::input::filter;
use crate::input::reader::MAX_MAX_DEPTH;
use crate::input::source::SKIPPED_NOTE;
use crate::input::view::View;
use crate::input::{Event, InputError, InputOptions, Record, RecordStatus, Sources, expand, read};
use crate::model::event::EventFilter;
use crate::model::filter::Condition;
use crate::model::finding::{Fault, Limit};
use crate::render::finding::finding_line;
use crate::render::style::{Painter, styles};

/// The streams and terminal facts a subcommand runs with.
pub struct Io<'a> {
    /// Standard output (buffered by the caller).
    pub out: &'a mut dyn Write,
    /// Whether to color standard output.
    pub out_color: bool,
    /// The columns human output to standard output fits in (`--width`, or the terminal's);
    /// `None`: no limit.
    pub out_width: Option<usize>,
    /// Standard error, for messages about the run.
    pub err: ErrStream<'a>,
    /// Whether standard input is a terminal (then it is not read without a `-`).
    pub stdin_is_terminal: bool,
    /// Bytes that stand in for standard input (tests and fuzzing); `None` reads the real one.
    pub stdin: Option<Arc<[u8]>>,
    /// Threads that parse and check payloads (`--jobs`; 1 runs everything on this thread).
    pub jobs: usize,
    /// Whether a progress bar may appear on standard error (it is a terminal and
    /// `--no-progress` was not given).
    pub progress: bool,
    /// The columns the progress bar fits in when they are fixed (`--width`, `COLUMNS`);
    /// `None`: the terminal's, as it is when the bar is drawn.
    pub bar_width: Option<usize>,
}

/// Standard error, with its own color decision: every message about the run goes through it.
pub struct ErrStream<'a> {
    /// The stream.
    pub w: &'a mut dyn Write,
    /// Whether to color it.
    pub color: bool,
}

impl ErrStream<'_> {
    /// Writes `hlmsg: error: message`, escaped: a problem with the run (an argument, a path).
    pub fn error(&mut self, message: &str) -> io::Result<()> {
        self.labelled("error", styles::error(), message)
    }

    /// Writes `hlmsg: note: message`, escaped.
    pub fn note(&mut self, message: &str) -> io::Result<()> {
        self.labelled("note", styles::note(), message)
    }

    fn labelled(&mut self, label: &str, style: owo_colors::Style, message: &str) -> io::Result<()> {
        let p = Painter::new(self.color);
        writeln!(
            self.w,
            "hlmsg: {}: {}",
            p.paint(label, style),
            p.paint(message, owo_colors::Style::new())
        )
    }

    /// Writes the one fault line: `source:line:column: error[rule]: message`, escaped.
    pub fn fault(&mut self, f: &Fault) -> io::Result<()> {
        let line = finding_line(Painter::new(self.color), &f.origin, &f.diagnostic);
        writeln!(self.w, "{line}")
    }
}

/// Standard output, with its color decision.
pub struct Out<'a> {
    /// The stream.
    pub w: &'a mut dyn Write,
    /// Whether to color it.
    pub color: bool,
    /// The columns human output fits in, if any.
    pub width: Option<usize>,
}

impl Out<'_> {
    /// The painter for standard output: its colors and its width.
    pub fn painter(&self) -> Painter {
        Painter::new(self.color).with_width(self.width)
    }
}

/// Receives what a reading subcommand's work made of each record, in input order.
pub trait Consumer<R> {
    /// The result of the work on one record.
    fn done(&mut self, result: R) -> io::Result<()>;

    /// An entry that is not a payload. Returns whether the report showed it; when it did not,
    /// the driver prints the fault line on standard error.
    fn fault(&mut self, _fault: &Fault) -> io::Result<bool> {
        Ok(false)
    }

    /// A path that could not be read; the driver has already said so on standard error.
    fn input_error(&mut self, _error: &InputError) -> io::Result<()> {
        Ok(())
    }
}

/// What to give on the command line to raise `limit`.
pub fn limit_hint(limit: Limit) -> String {
    match limit {
        Limit::PayloadSize => "raise it with --max-payload-size".to_string(),
        Limit::Depth => format!("raise the limit with --max-depth, up to {MAX_MAX_DEPTH}"),
    }
}

/// Adds to a fault's message the flag that raises the limit it hit.
fn add_hint(f: &mut Fault) {
    if let Some(limit) = f.limit {
        f.diagnostic.message = format!("{} ({})", f.diagnostic.message, limit_hint(limit));
    }
}

/// What a reading subcommand does with each record, on a worker thread: its result, or the
/// fault that makes the record no payload.
pub trait Work<R>: Fn(Record<'_>) -> Result<R, Fault> + Sync {}

impl<R, W: Fn(Record<'_>) -> Result<R, Fault> + Sync> Work<R> for W {}

/// What to say when a subcommand was given nothing to read and standard input is a terminal:
/// commands that work anywhere, not only in a clone of the source.
pub fn no_input_hint(command: &str) -> String {
    let examples = match command {
        "verify" => "  hlmsg verify capture.http                     # raw HTTP requests, as `nc -l` saves them\n  \
                     hlmsg verify body.json --signature \"$SIG\" --scheme ed25519 --public-key key.pem"
            .to_string(),
        "diff" => "  hlmsg diff before.json after.json\n  \
                   hlmsg sample sms | hlmsg diff - after.json"
            .to_string(),
        "diff --schema" => "  hlmsg diff --schema day.ndjson\n  \
                            hlmsg sample --count 100 | hlmsg diff --schema"
            .to_string(),
        _ => format!(
            "  hlmsg {command} payload.json fixtures/\n  \
             hlmsg sample sms | hlmsg {command}"
        ),
    };
    format!(
        "hlmsg {command}: no input. Give files or folders, or pipe payloads in:\n{examples}\n  \
         hlmsg {command} -    (read the terminal until Ctrl-D)"
    )
}

/// Whether `--event` and `--where` keep a record: a record that is not a readable JSON object
/// is kept, so that it is reported.
fn keeps(events: Option<&EventFilter>, conditions: &[Condition], rec: &Record<'_>) -> bool {
    // A record cut short or over a limit is reported, whatever it holds.
    if rec.status != RecordStatus::Complete {
        return true;
    }
    if let Some(filter) = events {
        match View::skim(rec.bytes) {
            Ok(view) if !filter.keeps(&event_of(&view)) => return !filter::is_text(rec.bytes),
            Ok(_) => {}
            Err(_) => return true,
        }
    }
    filter::keeps(conditions, rec.bytes)
}

/// One reading subcommand's run.
pub struct Driver<'a, 'io> {
    err: &'a mut ErrStream<'io>,
    options: InputOptions,
    jobs: usize,
    trouble: bool,
}

impl<'a, 'io> Driver<'a, 'io> {
    /// Starts `command` reading `paths`: refuses (with a hint, giving `None`) when no path is
    /// given and standard input is a terminal. Otherwise gives the driver and standard output.
    pub fn start(
        io: &'a mut Io<'io>,
        command: &str,
        paths: &[PathBuf],
        mut options: InputOptions,
    ) -> io::Result<Option<(Driver<'a, 'io>, Out<'a>)>> {
        if paths.is_empty() && io.stdin_is_terminal {
            writeln!(io.err.w, "{}", no_input_hint(command))?;
            return Ok(None);
        }
        options.stdin = io.stdin.clone();
        if io.progress {
            options.watch = Some(Arc::new(Progress::new(io.bar_width)));
        }
        let driver = Driver {
            err: &mut io.err,
            options,
            jobs: io.jobs,
            trouble: false,
        };
        let out = Out {
            w: &mut *io.out,
            color: io.out_color,
            width: io.out_width,
        };
        Ok(Some((driver, out)))
    }

    /// Standard error.
    pub fn err(&mut self) -> &mut ErrStream<'io> {
        self.err
    }

    /// Reports a problem that keeps the run from doing all of its job (exit 2).
    pub fn error(&mut self, message: &str) -> io::Result<()> {
        self.trouble = true;
        self.err.error(message)
    }

    /// Marks the run as troubled without a message (the report said why).
    pub fn trouble(&mut self) {
        self.trouble = true;
    }

    /// Reads the payloads of `paths` (standard input when there are none): see [`Driver::read`].
    pub fn read_paths<R: Send>(
        &mut self,
        paths: &[PathBuf],
        work: impl Work<R>,
        consumer: &mut (impl Consumer<R> + ?Sized),
    ) -> io::Result<()> {
        self.read(expand(paths, &self.options.walk), work, consumer)
    }

    /// Reads `sources` through the one pipeline: `work` on every core, then `consumer` in input
    /// order. A record the work finds is not a payload is a fault, like one the reader found.
    /// Notes on the walk go to standard error as they come, and leave the outcome as it is.
    pub fn read<R: Send>(
        &mut self,
        sources: Sources,
        work: impl Work<R>,
        consumer: &mut (impl Consumer<R> + ?Sized),
    ) -> io::Result<()> {
        let err = &mut *self.err;
        let events = self.options.events.clone();
        let conditions = self.options.conditions.clone();
        let work = |rec: Record<'_>| -> Result<Option<R>, Fault> {
            if (events.is_some() || !conditions.is_empty())
                && !keeps(events.as_ref(), &conditions, &rec)
            {
                return Ok(None);
            }
            work(rec).map(Some)
        };
        let unreadable = read(
            sources,
            &self.options,
            self.jobs,
            work,
            |event| match event {
                Event::Done(Ok(Some(r))) => consumer.done(r),
                Event::Done(Ok(None)) => Ok(()),
                Event::Done(Err(mut f)) | Event::Fault(mut f) => {
                    add_hint(&mut f);
                    if !consumer.fault(&f)? {
                        err.fault(&f)?;
                    }
                    Ok(())
                }
                Event::InputError(e) => {
                    let mut text = e.to_string();
                    if e.message.ends_with(SKIPPED_NOTE) {
                        text.push_str(" (--hidden and --no-ignore read them)");
                    }
                    err.error(&text)?;
                    consumer.input_error(&e)
                }
                Event::Note(note) => err.note(&note),
            },
        )?;
        self.trouble |= unreadable;
        Ok(())
    }

    /// Writes a note about the run on standard error.
    pub fn note(&mut self, message: &str) -> io::Result<()> {
        self.err.note(message)
    }

    /// The run's outcome: what the subcommand found, merged with the trouble seen. A run long
    /// enough to have shown a progress bar ends with a line on its throughput.
    pub fn finish(self, found: Outcome) -> Outcome {
        if let Some(line) = self.options.watch.as_ref().and_then(|w| w.closing_line()) {
            let _ = writeln!(self.err.w, "{line}");
        }
        if self.trouble {
            found.merge(Outcome::Trouble)
        } else {
            found
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_input_hints_work_outside_a_clone_and_fit_the_command() {
        for command in [
            "validate",
            "classify",
            "show",
            "verify",
            "diff",
            "diff --schema",
        ] {
            let hint = no_input_hint(command);
            assert!(!hint.contains("samples/"), "{command}: {hint}");
            assert!(
                hint.contains(&format!("hlmsg {command} -")),
                "{command}: {hint}"
            );
        }
        assert!(no_input_hint("verify").contains("capture.http"));
        assert!(!no_input_hint("verify").contains("hlmsg sample sms | hlmsg verify"));
        assert!(no_input_hint("show").contains("hlmsg sample sms | hlmsg show"));
    }
}

//! `hlmsg diff --schema [KIND] PATH...`: payloads against the shape of their schema.
//!
//! Each payload gets its schema as `validate` chooses it ([`Selection::pick`] on the shared
//! classification), is walked once into the counters of a [`Drift`] and dropped; the report is
//! written when the input ends. Memory depends on the number of distinct fields, never on the
//! number of payloads (see [`crate::drift`]).

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

use crate::channel::classify;
use crate::cli::DiffArgs;
use crate::drift::{Drift, Shape};
use crate::exit::Outcome;
use crate::input::{EntrySink, InputError, InputOptions, read_all};
use crate::origin::Origin;
use crate::payload::{Fault, Payload};
use crate::render::DiffFormat;
use crate::render::drift::{self, Context};
use crate::render::human::finding_line;
use crate::render::json::write_line;
use crate::schema::{Bundled, Selection};
use crate::term::Painter;

use super::{ErrStream, Io};

#[derive(Serialize)]
struct ErrorLine<'a> {
    kind: &'static str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<u64>,
    message: &'a str,
}

/// Counts payloads as they come.
struct Sink<'r, 'io> {
    drift: Drift,
    selection: &'r Selection,
    /// The schema each shape stands for, as [`Selection::pick`] names it.
    slots: Vec<Option<Bundled>>,
    by_channel: bool,
    /// Where the only payload starts, while there is only one.
    first: Option<Origin>,
    unreadable: u64,
    err: &'r mut ErrStream<'io>,
    /// With `--format json`, problems are also written as `error` lines here.
    json: Option<&'r mut dyn Write>,
}

impl Sink<'_, '_> {
    fn error_line(
        &mut self,
        source: &str,
        at: Option<(u64, u64)>,
        message: &str,
    ) -> io::Result<()> {
        match &mut self.json {
            Some(out) => write_line(
                *out,
                &ErrorLine {
                    kind: "error",
                    source,
                    line: at.map(|a| a.0),
                    column: at.map(|a| a.1),
                    message,
                },
            ),
            None => Ok(()),
        }
    }
}

impl EntrySink for Sink<'_, '_> {
    fn entry(&mut self, entry: Result<Payload<'_>, Fault>) -> io::Result<()> {
        match entry {
            Ok(p) => {
                let class = classify(p.fields());
                let which = self.selection.pick(class.is_email());
                let schema = self.slots.iter().position(|s| *s == which).unwrap_or(0);
                if self.drift.payloads() == 0 {
                    self.first = Some(p.origin.clone());
                }
                let channel = self.by_channel.then_some(class.channel);
                self.drift.add(&p.value, schema, channel);
                Ok(())
            }
            Err(f) => {
                self.unreadable += 1;
                let line = finding_line(Painter::new(self.err.color), &f.origin, &f.diagnostic);
                writeln!(self.err.w, "hlmsg: {line}")?;
                let at = f.diagnostic.position;
                self.error_line(
                    &f.origin.source,
                    Some((at.line, at.column)),
                    &f.diagnostic.message,
                )
            }
        }
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.err.error(&e.to_string())?;
        self.error_line(&e.path, None, &e.message)
    }
}

/// Runs `diff --schema`: `selection` and `paths` come from [`DiffArgs::schema_mode`].
pub fn run(
    args: &DiffArgs,
    selection: &Selection,
    paths: &[PathBuf],
    io: &mut Io<'_>,
) -> anyhow::Result<Outcome> {
    if io.refuse_terminal_stdin(!paths.is_empty(), "diff --schema")? {
        return Ok(Outcome::Trouble);
    }
    if args.published && matches!(selection, Selection::File(_)) {
        io.err.error(
            "--published selects the bundled schemas; it cannot be combined with a schema file",
        )?;
        return Ok(Outcome::Trouble);
    }
    let documents = match selection.documents(args.published) {
        Ok(d) => d,
        Err(e) => {
            io.err.error(&e.to_string())?;
            return Ok(Outcome::Trouble);
        }
    };
    let slots = documents.iter().map(|d| d.which).collect();
    let shapes = documents
        .iter()
        .map(|d| Shape::from_schema(d.name.clone(), &d.value))
        .collect();
    let input = InputOptions {
        require_payload: true,
        stdin: io.stdin.clone(),
        ..args.read.options(paths.to_vec())
    };

    let Io {
        out,
        out_color,
        err,
        ..
    } = io;
    let json = args.format == DiffFormat::Json;
    let mut sink = Sink {
        drift: Drift::new(shapes),
        selection,
        slots,
        by_channel: args.by_channel,
        first: None,
        unreadable: 0,
        err,
        json: if json { Some(&mut **out) } else { None },
    };
    let unreadable_path = read_all(&input, &mut sink)?;
    let Sink {
        drift,
        first,
        unreadable,
        ..
    } = sink;
    let report = drift.report();
    let ctx = Context {
        single: first.as_ref().filter(|_| drift.payloads() == 1),
        allow_extra: args.allow_extra,
        unreadable,
    };
    match args.format {
        DiffFormat::Json => drift::json(&mut **out, &report, &ctx)?,
        DiffFormat::Markdown => drift::markdown(&mut **out, &report, &ctx)?,
        DiffFormat::Human | DiffFormat::JsonPatch => {
            drift::human(&mut **out, Painter::new(*out_color), &report, &ctx)?;
        }
    }
    out.flush()?;
    Ok(if unreadable_path || unreadable > 0 {
        Outcome::Trouble
    } else if report.totals.fits(args.allow_extra) {
        Outcome::Success
    } else {
        Outcome::Findings
    })
}

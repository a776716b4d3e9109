//! `hlmsg diff --schema [KIND] PATH...`: payloads against the shape of their schema.
//!
//! Each payload gets its schema as `validate` chooses it ([`Selection::pick`] on the shared
//! classification), is walked once into the counters of a [`Drift`] and dropped; the report is
//! written when the input ends. Memory depends on the number of distinct fields, never on the
//! number of payloads (see [`crate::drift`]).

use std::io::{self, Write};
use std::path::PathBuf;

use super::{DiffArgs, DiffFormat};
use crate::app::driver::{Consumer, Driver, Io};
use crate::app::exit::Outcome;
use crate::app::settings;
use crate::classify::{Channel, classify};
use crate::drift::{Drift, Located, MAX_EXAMPLES, Shape};
use crate::input::doc::Doc;
use crate::input::parse::{SHALLOW_ABOVE, parse_json, parse_shallow};
use crate::input::{InputError, InputOptions, Record};
use crate::model::finding::Fault;
use crate::model::origin::Origin;
use crate::render::drift::{self, Context};
use crate::render::jsonl::{ErrorJson, write_line};
use crate::validate::schema::{Bundled, Selection};

/// A payload ready to count: computed on a worker thread (`None` for a payload of another
/// HighLevel event, which has no message schema to drift from).
type Counted = Option<CountedPayload>;

/// A message payload ready to count.
struct CountedPayload {
    origin: Origin,
    /// Its value; `None` for a large payload, walked through its bytes.
    value: Option<serde_json::Value>,
    /// Its bytes, to find where its fields drift.
    raw: Vec<u8>,
    /// The schema it is counted against, as an index into the shapes.
    schema: usize,
    channel: Option<Channel>,
}

/// Counts payloads as they come, in input order.
struct Sink<'r> {
    drift: Drift,
    /// Where the only payload starts, while there is only one.
    first: Option<Origin>,
    unreadable: u64,
    /// Payloads of other HighLevel events, passed over.
    skipped: u64,
    /// With `--format json`, problems are also written as `error` records here.
    json: Option<&'r mut dyn Write>,
}

impl Consumer<Counted> for Sink<'_> {
    fn done(&mut self, c: Counted) -> io::Result<()> {
        let Some(c) = c else {
            self.skipped += 1;
            return Ok(());
        };
        let at = Located {
            origin: &c.origin,
            raw: &c.raw,
        };
        match &c.value {
            Some(value) => self.drift.add_located(value, Some(at), c.schema, c.channel),
            None => match Doc::build(&c.raw) {
                Some(doc) => self
                    .drift
                    .add_located(doc.root(), Some(at), c.schema, c.channel),
                None => {
                    // The bytes were checked when the payload was read.
                    let value = parse_json(&c.raw).unwrap_or_default();
                    self.drift
                        .add_located(&value, Some(at), c.schema, c.channel);
                }
            },
        }
        if self.drift.payloads() == 1 {
            self.first = Some(c.origin);
        }
        Ok(())
    }

    fn fault(&mut self, f: &Fault) -> io::Result<bool> {
        self.unreadable += 1;
        if let Some(out) = &mut self.json {
            write_line(*out, &ErrorJson::fault(f))?;
        }
        Ok(false)
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        match &mut self.json {
            Some(out) => write_line(*out, &ErrorJson::input(e)),
            None => Ok(()),
        }
    }
}

/// Runs `diff --schema`: `selection` and `paths` come from [`DiffArgs::schema_mode`].
pub fn run(
    args: &DiffArgs,
    selection: &Selection,
    paths: &[PathBuf],
    io: &mut Io<'_>,
) -> anyhow::Result<Outcome> {
    let documents = match settings::selection(selection.clone(), args.published).and_then(|s| {
        s.documents(args.published.published).map_err(|e| {
            let mut retry = vec!["diff".to_string(), "--schema=auto".to_string()];
            retry.extend(args.schema.iter().cloned());
            retry.extend(paths.iter().map(|p| p.to_string_lossy().into_owned()));
            settings::schema_error(&e, &retry)
        })
    }) {
        Ok(d) => d,
        Err(message) => return settings::refuse(io, &message),
    };
    // The schema each shape stands for, as `Selection::pick` names it.
    let slots: Vec<Option<Bundled>> = documents.iter().map(|d| d.which).collect();
    let shapes = documents
        .iter()
        .map(|d| Shape::from_schema(d.name.clone(), &d.value))
        .collect();
    let input = InputOptions {
        require_payload: true,
        ..args.read.options()
    };
    let Some((mut driver, out)) = Driver::start(io, "diff --schema", paths, input)? else {
        return Ok(Outcome::Trouble);
    };
    let by_channel = args.by_channel;
    let work = |rec: Record<'_>| -> Result<Counted, Fault> {
        let p = parse_shallow(rec, SHALLOW_ABOVE)?;
        let class = classify(p.fields());
        if class.event.is_other() && !matches!(selection, Selection::File(_)) {
            return Ok(None);
        }
        let which = selection.pick(&class.event, class.is_email());
        let schema = slots.iter().position(|s| *s == which).unwrap_or(0);
        Ok(Some(CountedPayload {
            raw: p.raw.to_vec(),
            origin: p.origin,
            value: (!p.shallow).then_some(p.value),
            schema,
            channel: by_channel.then_some(class.channel),
        }))
    };
    let painter = out.painter();
    let w = out.w;
    let json = args.format == DiffFormat::Json;
    let many = if args.verbose { MAX_EXAMPLES } else { 1 };
    let mut sink = Sink {
        drift: Drift::new(shapes).with_examples(many),
        first: None,
        unreadable: 0,
        skipped: 0,
        json: if json { Some(&mut *w) } else { None },
    };
    driver.read_paths(paths, work, &mut sink)?;
    let Sink {
        drift,
        first,
        unreadable,
        skipped,
        ..
    } = sink;
    if skipped > 0 {
        let noun = if skipped == 1 { "payload" } else { "payloads" };
        driver.err().note(&format!(
            "{skipped} {noun} of other HighLevel events (not messages) were not compared"
        ))?;
    }
    let report = drift.report();
    let ctx = Context {
        single: first.as_ref().filter(|_| drift.payloads() == 1),
        allow_extra: args.allow_extra,
        unreadable,
        drift_only: args.drift_only,
        many,
    };
    match args.format {
        DiffFormat::Json => drift::json(&mut *w, &report, &ctx)?,
        DiffFormat::Markdown => drift::markdown(&mut *w, &report, &ctx)?,
        DiffFormat::Human | DiffFormat::JsonPatch => drift::human(&mut *w, painter, &report, &ctx)?,
    }
    w.flush()?;
    if unreadable > 0 {
        driver.trouble();
    }
    Ok(driver.finish(Outcome::findings_if(!report.totals.fits(args.allow_extra))))
}

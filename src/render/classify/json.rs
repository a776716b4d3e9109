//! `classify --format json`: a `payload` record per payload, an `unreadable` record per entry
//! that is not one, then a `summary` (schemas/output/classify.schema.json).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::classify::tally::Tally;
use crate::classify::{CallOutcome, Channel, Classification};
use crate::model::finding::Fault;
use crate::model::origin::Origin;
use crate::render::jsonl::{OriginJson, write_line};

#[derive(Serialize)]
struct ConflictJson {
    rule: &'static str,
    field: &'static str,
    message: String,
}

#[derive(Serialize)]
struct PayloadJson<'a> {
    kind: &'static str,
    #[serde(flatten)]
    origin: OriginJson<'a>,
    event: Option<&'a str>,
    channel: Option<&'a str>,
    channel_kind: Option<&'static str>,
    raw: Option<&'a str>,
    decided_by: Option<&'static str>,
    outcome: Option<&'static str>,
    duration: Option<f64>,
    conflicts: Vec<ConflictJson>,
}

#[derive(Serialize)]
struct UnreadableJson<'a> {
    kind: &'static str,
    source: &'a str,
    line: u64,
    column: u64,
    index: u64,
    message: &'a str,
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    kind: &'static str,
    total: u64,
    channels: BTreeMap<String, u64>,
    calls: BTreeMap<&'static str, u64>,
    events: &'a BTreeMap<&'static str, u64>,
    unreadable: u64,
}

/// The record of one payload.
pub fn payload(out: &mut dyn Write, o: &Origin, c: &Classification) -> io::Result<()> {
    write_line(
        out,
        &PayloadJson {
            kind: "payload",
            origin: o.into(),
            event: c.event.known_name(),
            channel: c.is_message().then(|| c.channel.name()),
            channel_kind: c.kind,
            raw: c.raw.as_deref(),
            decided_by: c.decided_by.field(),
            outcome: c.call.map(|x| x.outcome.name()),
            duration: c.call.and_then(|x| x.duration),
            conflicts: c
                .conflicts
                .iter()
                .map(|k| ConflictJson {
                    rule: k.rule(),
                    field: k.field(),
                    message: k.message(&c.channel),
                })
                .collect(),
        },
    )
}

/// The record of an entry that is not a payload.
pub fn unreadable(out: &mut dyn Write, f: &Fault) -> io::Result<()> {
    write_line(
        out,
        &UnreadableJson {
            kind: "unreadable",
            source: &f.origin.source,
            line: f.diagnostic.position.line,
            column: f.diagnostic.position.column,
            index: f.origin.index,
            message: &f.diagnostic.message,
        },
    )
}

/// The summary record.
pub fn summary(out: &mut dyn Write, tally: &Tally) -> io::Result<()> {
    let mut channels = BTreeMap::new();
    for ch in Channel::NAMED
        .iter()
        .chain(std::iter::once(&Channel::Unknown(String::new())))
    {
        let n = tally.count(ch);
        if n > 0 {
            channels.insert(ch.name().to_string(), n);
        }
    }
    let mut calls = BTreeMap::new();
    if tally.count(&Channel::Call) > 0 {
        for o in CallOutcome::ALL {
            calls.insert(o.name(), tally.outcome(o));
        }
    }
    write_line(
        out,
        &SummaryJson {
            kind: "summary",
            total: tally.total,
            channels,
            calls,
            events: &tally.events,
            unreadable: tally.unreadable,
        },
    )
}

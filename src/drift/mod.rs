//! Schema drift: how payloads compare with the shape a JSON Schema declares (`hlmsg diff
//! --schema`).
//!
//! `validate` answers "is this payload valid?". Drift answers a different question, about a whole
//! capture: "what does HighLevel send today, next to what the schema says?". A field that
//! appeared (`extra`), a declared field that no payload carries (`never seen`), a field whose
//! type moved (`type drift`), a required field that stopped coming (`missing in N`).
//!
//! # The shape of a schema
//!
//! [`Shape::from_schema`] reads the schema JSON itself: `properties` (nested to any depth),
//! `required`, `type` (a name or a list), `const` and `enum` (they allow the types of their
//! values), `items`, local `$ref`s (`#/$defs/...`), `allOf` (every branch holds) and `anyOf` /
//! `oneOf` (their types are united; their properties are declared, never required). Other
//! keywords (`patternProperties`, `if`/`then`, `prefixItems`, ...) are not read: a field only
//! they describe shows as `extra`. A declared value without `properties` (or an array without
//! `items`) is a leaf: what it holds is free-form and is not walked.
//!
//! # Places and types
//!
//! Places are RFC 6901 JSON pointers (`/to`, `/meta/a~1b`), except that every element of an
//! array shares one pointer ending in `*`: `/attachments/*`, `/items/*/sku`. So the number of
//! places depends on the fields, never on the length of arrays (a key literally named `*` shares
//! that pointer).
//!
//! Types are `null`, `boolean`, `integer`, `number`, `string`, `array` and `object`. As in JSON
//! Schema, a number without a fractional part (`120`, `120.0`) is an `integer`; any other number
//! is a `number`. A place declared `number` allows both; one declared `integer` allows only
//! `integer`.
//!
//! # Counting
//!
//! Counts are payloads, not occurrences: a payload with three attachments counts once for
//! `/attachments/*`, and once for each type its attachments have. `missing` counts the payloads
//! in which the object that should hold a required field lacks it (for the top level: the
//! payloads without it).
//!
//! # Where
//!
//! Given where a payload comes from ([`Drift::add_located`]), a place that is not `ok` keeps the
//! positions of the first payloads that show its status ([`Row::seen_at`]: one by default, up
//! to [`MAX_EXAMPLES`]): the value of an undeclared place, the first value of a type the schema
//! does not allow, or the object that lacks a required member. The walk notes the real pointer
//! (`/attachments/2`), and all the notes of a payload are found in one pass over its bytes.
//!
//! # Memory
//!
//! A [`Drift`] holds one counter per place per group (schema, and channel with `--by-channel`),
//! whatever the number of payloads. Declared places are bounded by the schema; undeclared places
//! by [`MAX_EXTRA_POINTERS`] and [`MAX_EXTRA_BYTES`]: past either limit, new undeclared places
//! are no longer listed, and the payloads that carry them are counted in
//! [`Totals::untracked_payloads`].
//!
//! # Layout
//!
//! [`Drift`] keeps the counts of a run and makes its [`Report`]. The shape of a schema is read
//! by `shape` (the places) with `facts` (what the subschemas of one place say); `types` holds
//! the JSON types; `walk` counts one payload into the tallies of its group; `report` turns the
//! tallies into rows, statuses and totals.

mod facts;
mod report;
mod shape;
mod tree;
mod types;
mod walk;

use std::collections::HashMap;

use crate::classify::Channel;
use crate::input::locate::positions;
use crate::model::origin::Origin;

pub use report::{GroupReport, Report, Row, Status, Totals, describe_counts};
pub use shape::{Declared, Shape};
pub use tree::Tree;
pub use types::{JsonType, Types};
use walk::{Group, Limits, Note, Tally, Walk};

/// The most distinct undeclared places listed, over all groups.
pub const MAX_EXTRA_POINTERS: usize = 10_000;
/// The most bytes of pointer text kept for undeclared places, over all groups.
pub const MAX_EXTRA_BYTES: usize = 4 << 20;
/// The most positions kept per drifting place when more than the first are asked for.
pub const MAX_EXAMPLES: usize = 5;
/// The most places a schema may declare; deeper or further places are read as free-form leaves
/// (a recursive schema declares places without end).
pub const MAX_DECLARED: usize = 10_000;
/// The deepest nesting of declared places.
const MAX_DECLARED_DEPTH: usize = 32;
/// The most `$ref`, `allOf`, `anyOf` and `oneOf` steps followed to describe one place.
const MAX_EXPANSION: usize = 32;

/// What a group of payloads is: the schema that checks them and, with `--by-channel`, their
/// channel.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey {
    /// The channel (`None` unless split by channel; every unknown channel is one group).
    pub channel: Option<Channel>,
    /// The index of the schema in the shapes the run was given.
    pub schema: usize,
}

/// The drift of payloads from the shapes of their schemas, counted as payloads come.
#[derive(Debug)]
pub struct Drift {
    shapes: Vec<Shape>,
    groups: Vec<Group>,
    payloads: u64,
    limits: Limits,
    pointer: String,
    arrays: Vec<(usize, usize)>,
    notes: Vec<Note>,
    /// How many positions to keep per drifting place.
    keep: usize,
}

/// Where a payload comes from: its origin and its bytes, to name the positions of its drift.
#[derive(Debug, Clone, Copy)]
pub struct Located<'p> {
    /// Where the payload starts.
    pub origin: &'p Origin,
    /// The payload's bytes, exactly as read.
    pub raw: &'p [u8],
}

impl Drift {
    /// A run over payloads checked against `shapes` (a payload names its shape by index).
    pub fn new(shapes: Vec<Shape>) -> Drift {
        Drift {
            shapes,
            groups: Vec::new(),
            payloads: 0,
            limits: Limits::default(),
            pointer: String::new(),
            arrays: Vec::new(),
            notes: Vec::new(),
            keep: 1,
        }
    }

    /// Keeps up to `n` positions per drifting place (1 by default): where it was first seen
    /// drifting, then the next ones.
    #[must_use]
    pub fn with_examples(mut self, n: usize) -> Drift {
        self.keep = n;
        self
    }

    /// The shapes of the run.
    pub fn shapes(&self) -> &[Shape] {
        &self.shapes
    }

    /// Payloads counted so far.
    pub fn payloads(&self) -> u64 {
        self.payloads
    }

    /// Counts one payload, checked against shape `schema` (ignored when out of range), in the
    /// group of `channel` (`None` unless split by channel).
    pub fn add(&mut self, value: impl Tree, schema: usize, channel: Option<Channel>) {
        self.add_located(value, None, schema, channel);
    }

    /// [`Drift::add`], and where the payload comes from (`at`): the positions where its places
    /// drift are kept, for the first payloads that show each drift.
    pub fn add_located(
        &mut self,
        value: impl Tree,
        at: Option<Located<'_>>,
        schema: usize,
        channel: Option<Channel>,
    ) {
        let Some(shape) = self.shapes.get(schema) else {
            return;
        };
        let channel = channel.map(|c| match c {
            Channel::Unknown(_) => Channel::Unknown(String::new()),
            c => c,
        });
        let key = GroupKey { channel, schema };
        let g = match self.groups.iter().position(|g| g.key == key) {
            Some(g) => g,
            None => {
                self.groups.push(Group {
                    key,
                    payloads: 0,
                    declared: vec![Tally::default(); shape.places.len()],
                    extras: HashMap::new(),
                    extra_tallies: Vec::new(),
                });
                self.groups.len() - 1
            }
        };
        self.payloads += 1;
        let group = &mut self.groups[g];
        group.payloads += 1;
        self.pointer.clear();
        self.arrays.clear();
        self.notes.clear();
        let mut walk = Walk {
            shape,
            group,
            limits: &mut self.limits,
            stamp: self.payloads,
            pointer: &mut self.pointer,
            arrays: &mut self.arrays,
            notes: at.is_some().then_some(&mut self.notes),
            keep: self.keep,
        };
        // A payload is always an object; anything else has no fields to count.
        if value.json_type() == JsonType::Object {
            walk.object(value, Some(0));
        }
        if let Some(at) = at
            && !self.notes.is_empty()
        {
            let pointers: Vec<&str> = self.notes.iter().map(|n| n.pointer.as_str()).collect();
            let found = positions(at.raw, at.origin.position, &pointers);
            for (note, position) in self.notes.iter().zip(found) {
                let origin = Origin {
                    position,
                    ..at.origin.clone()
                };
                let tally = group.tally_mut(note.tally);
                match note.missing {
                    true => tally.missing_at.push(origin),
                    false => tally.drift_at.push(origin),
                }
            }
        }
    }

    /// The report: one group per schema (and channel), each with its rows.
    pub fn report(&self) -> Report<'_> {
        let mut groups: Vec<GroupReport<'_>> =
            self.groups.iter().map(|g| self.group_report(g)).collect();
        groups.sort_by(|a, b| a.key.cmp(&b.key));
        let mut totals = Totals {
            payloads: self.payloads,
            untracked_payloads: self.limits.untracked_payloads,
            ..Totals::default()
        };
        for g in &groups {
            for row in &g.rows {
                totals.count(row);
            }
        }
        Report { groups, totals }
    }

    fn group_report<'a>(&'a self, g: &'a Group) -> GroupReport<'a> {
        let shape = &self.shapes[g.key.schema];
        let mut rows: Vec<Row<'a>> = shape
            .places
            .iter()
            .zip(&g.declared)
            .skip(1)
            .map(|(place, tally)| Row::new(&place.pointer, Some(place), tally))
            .collect();
        let mut extras: Vec<&(String, Tally)> = g.extra_tallies.iter().collect();
        extras.sort_by(|a, b| a.0.cmp(&b.0));
        rows.extend(extras.into_iter().map(|(p, t)| Row::new(p, None, t)));
        GroupReport {
            key: g.key.clone(),
            schema: &shape.name,
            payloads: g.payloads,
            rows,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;

//! The report of a run: one row per place per group, with its counts and status, and the
//! totals that decide whether the payloads fit their schemas.

use std::fmt::Write as _;

use super::GroupKey;
use super::shape::Declared;
use super::types::{JsonType, Types};
use super::walk::Tally;
use crate::model::origin::Origin;

/// How a place fares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Declared, and every value seen has an allowed type; required and never absent.
    Ok,
    /// Seen but not declared.
    Extra,
    /// Declared but carried by no payload (and not required where its parent was present).
    NeverSeen,
    /// Seen with a type the schema does not allow.
    TypeDrift,
    /// Required, and absent from some payloads.
    Missing,
}

impl Status {
    /// The machine name: `ok`, `extra`, `never_seen`, `type_drift`, `missing`.
    pub fn token(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Extra => "extra",
            Status::NeverSeen => "never_seen",
            Status::TypeDrift => "type_drift",
            Status::Missing => "missing",
        }
    }

    /// Whether the place keeps the payloads from fitting the shape (`extra` only when extras are
    /// not allowed).
    pub fn fails(self, allow_extra: bool) -> bool {
        match self {
            Status::Extra => !allow_extra,
            Status::TypeDrift | Status::Missing => true,
            Status::Ok | Status::NeverSeen => false,
        }
    }
}

/// One place of one group in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The place.
    pub pointer: &'a str,
    /// Whether the schema declares it.
    pub declared: bool,
    /// Whether its parent object must hold it.
    pub required: bool,
    /// The types the schema allows (`None`: any, or not declared).
    pub allowed: Option<Types>,
    /// Payloads that carry it.
    pub seen: u64,
    /// Payloads per type seen (types never seen left out), in report order.
    pub types: Vec<(JsonType, u64)>,
    /// Of `types`, those the schema does not allow.
    pub drift: Vec<(JsonType, u64)>,
    /// Payloads in which it is required and absent.
    pub missing: u64,
    /// The status; a place both drifting and missing is `TypeDrift` (and `missing` says the
    /// rest).
    pub status: Status,
    /// Where the place was seen in its status, first first: carried (`Extra`), carried with a
    /// type not allowed (`TypeDrift`), or lacked by its parent object (`Missing`, at the
    /// parent). Empty for `Ok` and `NeverSeen`, and when positions were not kept.
    pub seen_at: &'a [Origin],
}

impl<'a> Row<'a> {
    pub(super) fn new(pointer: &'a str, place: Option<&Declared>, tally: &'a Tally) -> Row<'a> {
        let types: Vec<(JsonType, u64)> = JsonType::ALL
            .into_iter()
            .map(|t| (t, tally.types[t as usize]))
            .filter(|(_, n)| *n > 0)
            .collect();
        let allowed = place.and_then(|p| p.allowed);
        let drift: Vec<(JsonType, u64)> = match (place, allowed) {
            (Some(_), Some(a)) => types
                .iter()
                .copied()
                .filter(|(t, _)| !a.allows(*t))
                .collect(),
            _ => Vec::new(),
        };
        let status = match place {
            None => Status::Extra,
            Some(_) if !drift.is_empty() => Status::TypeDrift,
            Some(_) if tally.missing > 0 => Status::Missing,
            Some(_) if tally.seen == 0 => Status::NeverSeen,
            Some(_) => Status::Ok,
        };
        let seen_at: &[Origin] = match status {
            Status::Extra | Status::TypeDrift => &tally.drift_at,
            Status::Missing => &tally.missing_at,
            Status::Ok | Status::NeverSeen => &[],
        };
        Row {
            pointer,
            declared: place.is_some(),
            required: place.is_some_and(|p| p.required),
            allowed,
            seen: tally.seen,
            types,
            drift,
            missing: tally.missing,
            status,
            seen_at,
        }
    }
}

/// The rows of one group.
#[derive(Debug, Clone)]
pub struct GroupReport<'a> {
    /// The schema and channel.
    pub key: GroupKey,
    /// The schema's name.
    pub schema: &'a str,
    /// Payloads in the group.
    pub payloads: u64,
    /// Declared places in the schema's order, then undeclared ones in pointer order.
    pub rows: Vec<Row<'a>>,
}

/// Rows per status over all groups.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Payloads counted.
    pub payloads: u64,
    /// Rows `ok`.
    pub ok: u64,
    /// Rows `extra`.
    pub extra: u64,
    /// Rows `never seen`.
    pub never_seen: u64,
    /// Rows `type drift`.
    pub type_drift: u64,
    /// Rows with a required place absent from some payloads (whatever their status).
    pub missing: u64,
    /// Payloads with undeclared places past the limits (not listed).
    pub untracked_payloads: u64,
}

impl Totals {
    pub(super) fn count(&mut self, row: &Row<'_>) {
        match row.status {
            Status::Ok => self.ok += 1,
            Status::Extra => self.extra += 1,
            Status::NeverSeen => self.never_seen += 1,
            Status::TypeDrift => self.type_drift += 1,
            Status::Missing => {}
        }
        if row.missing > 0 {
            self.missing += 1;
        }
    }

    /// Whether the payloads fit the shape: no type drift, nothing missing, and no extra place
    /// unless `allow_extra`.
    pub fn fits(&self, allow_extra: bool) -> bool {
        self.type_drift == 0
            && self.missing == 0
            && (allow_extra || (self.extra == 0 && self.untracked_payloads == 0))
    }
}

/// The whole report.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    /// The groups, by channel then schema.
    pub groups: Vec<GroupReport<'a>>,
    /// The totals.
    pub totals: Totals,
}

/// `string 18, integer 2`.
pub fn describe_counts(types: &[(JsonType, u64)]) -> String {
    let mut s = String::new();
    for (i, (t, n)) in types.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        let _ = write!(s, "{} {n}", t.name());
    }
    s
}

//! The counting: one walk per payload over its fields, next to the declared shape, adding to
//! the tallies of its group. A tally counts payloads, not occurrences, and undeclared places are
//! kept within the limits shared by all groups.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::shape::{Shape, escape_key};
use super::types::{JsonType, bit};
use super::{GroupKey, MAX_EXTRA_BYTES, MAX_EXTRA_POINTERS};

/// Counts at one place of one group.
#[derive(Debug, Clone, Default)]
pub(super) struct Tally {
    pub(super) seen: u64,
    pub(super) types: [u64; 7],
    pub(super) missing: u64,
    /// The payload last counted in `seen` (payloads are numbered from 1).
    stamp: u64,
    /// The types already counted for that payload.
    mask: u8,
    /// The payload last counted in `missing`.
    missing_stamp: u64,
}

impl Tally {
    pub(super) fn saw(&mut self, stamp: u64, t: JsonType) {
        if self.stamp != stamp {
            self.stamp = stamp;
            self.seen += 1;
            self.mask = 0;
        }
        if self.mask & bit(t) == 0 {
            self.mask |= bit(t);
            self.types[t as usize] += 1;
        }
    }

    pub(super) fn lacks(&mut self, stamp: u64) {
        if self.missing_stamp != stamp {
            self.missing_stamp = stamp;
            self.missing += 1;
        }
    }
}

/// The counts of one group of payloads.
#[derive(Debug)]
pub(super) struct Group {
    pub(super) key: GroupKey,
    pub(super) payloads: u64,
    /// One per declared place (index 0, the payload itself, unused).
    pub(super) declared: Vec<Tally>,
    pub(super) extras: HashMap<String, usize>,
    pub(super) extra_tallies: Vec<(String, Tally)>,
}

/// The limits on undeclared places, shared by all groups.
#[derive(Debug, Default)]
pub(super) struct Limits {
    pointers: usize,
    bytes: usize,
    pub(super) untracked_payloads: u64,
    untracked_stamp: u64,
}

/// Walks one payload.
pub(super) struct Walk<'a> {
    pub(super) shape: &'a Shape,
    pub(super) group: &'a mut Group,
    pub(super) limits: &'a mut Limits,
    pub(super) stamp: u64,
    pub(super) pointer: &'a mut String,
}

impl Walk<'_> {
    /// The members of an object; `node` is the declared place whose properties apply.
    pub(super) fn object(&mut self, map: &Map<String, Value>, node: Option<usize>) {
        for (key, value) in map {
            let len = self.pointer.len();
            self.pointer.push('/');
            self.pointer.push_str(&escape_key(key));
            let child = node.and_then(|n| self.shape.places[n].children.get(key.as_str()).copied());
            self.value(value, child);
            self.pointer.truncate(len);
        }
        if let Some(n) = node {
            let shape = self.shape;
            for &c in &shape.places[n].required_children {
                if !map.contains_key(&shape.places[c].name) {
                    self.group.declared[c].lacks(self.stamp);
                }
            }
        }
    }

    /// A value at `self.pointer`, declared at `node` or not declared.
    fn value(&mut self, value: &Value, node: Option<usize>) {
        let t = JsonType::of(value);
        match node {
            Some(n) => self.group.declared[n].saw(self.stamp, t),
            None => self.extra(t),
        }
        let (walk_object, items) = match node {
            Some(n) => {
                let place = &self.shape.places[n];
                (!place.children.is_empty(), place.items.map(Some))
            }
            None => (true, Some(None)),
        };
        match value {
            Value::Object(map) if walk_object => self.object(map, node),
            Value::Array(elements) => {
                if let Some(item) = items {
                    let len = self.pointer.len();
                    self.pointer.push_str("/*");
                    for e in elements {
                        self.value(e, item);
                    }
                    self.pointer.truncate(len);
                }
            }
            _ => {}
        }
    }

    /// Counts an undeclared place, within the limits.
    fn extra(&mut self, t: JsonType) {
        let g = &mut *self.group;
        let i = match g.extras.get(self.pointer.as_str()) {
            Some(&i) => i,
            None => {
                let l = &mut *self.limits;
                if l.pointers >= MAX_EXTRA_POINTERS
                    || l.bytes + self.pointer.len() > MAX_EXTRA_BYTES
                {
                    if l.untracked_stamp != self.stamp {
                        l.untracked_stamp = self.stamp;
                        l.untracked_payloads += 1;
                    }
                    return;
                }
                l.pointers += 1;
                l.bytes += self.pointer.len();
                g.extra_tallies
                    .push((self.pointer.clone(), Tally::default()));
                g.extras
                    .insert(self.pointer.clone(), g.extra_tallies.len() - 1);
                g.extra_tallies.len() - 1
            }
        };
        g.extra_tallies[i].1.saw(self.stamp, t);
    }
}

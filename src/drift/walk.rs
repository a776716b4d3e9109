//! The counting: one walk per payload over its fields, next to the declared shape, adding to
//! the tallies of its group. A tally counts payloads, not occurrences, and undeclared places are
//! kept within the limits shared by all groups.
//!
//! The walk also notes where a place first drifts (is carried undeclared, carries a type the
//! schema does not allow, or is missing), for the first few payloads that show it: the place's
//! pointer with the real array indices (`/attachments/2`), which the caller turns into a
//! position in the payload's bytes.

use std::collections::HashMap;

use crate::model::origin::Origin;

use super::shape::{Shape, escape_key};
use super::tree::Tree;
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
    /// Where the place was seen drifting (undeclared, or with a type not allowed), first first.
    pub(super) drift_at: Vec<Origin>,
    /// The payload whose drift was last noted.
    drift_stamp: u64,
    /// Where its parent object lacked it, first first.
    pub(super) missing_at: Vec<Origin>,
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

    /// Counts the payload as lacking the place; whether it is the first time for this payload.
    pub(super) fn lacks(&mut self, stamp: u64) -> bool {
        if self.missing_stamp != stamp {
            self.missing_stamp = stamp;
            self.missing += 1;
            return true;
        }
        false
    }

    /// Whether to note where this payload drifts at the place: not yet noted for it, and fewer
    /// than `keep` noted.
    fn notes_drift(&mut self, stamp: u64, keep: usize) -> bool {
        if self.drift_stamp == stamp || self.drift_at.len() >= keep {
            return false;
        }
        self.drift_stamp = stamp;
        true
    }
}

/// A tally of a group: a declared place's, or an undeclared one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TallyRef {
    Declared(usize),
    Extra(usize),
}

/// A place where the payload being walked drifts, to be positioned in its bytes.
#[derive(Debug)]
pub(super) struct Note {
    pub(super) tally: TallyRef,
    /// Whether it is missing (then `pointer` is its parent object's).
    pub(super) missing: bool,
    /// The pointer, with the real array indices.
    pub(super) pointer: String,
}

impl Group {
    pub(super) fn tally_mut(&mut self, t: TallyRef) -> &mut Tally {
        match t {
            TallyRef::Declared(n) => &mut self.declared[n],
            TallyRef::Extra(i) => &mut self.extra_tallies[i].1,
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
    /// For each array being walked: the offset of its `*` in `pointer`, and the element's index.
    pub(super) arrays: &'a mut Vec<(usize, usize)>,
    /// Where the drift of this payload is noted, when it is (up to `keep` payloads per place).
    pub(super) notes: Option<&'a mut Vec<Note>>,
    pub(super) keep: usize,
}

impl Walk<'_> {
    /// The members of an object; `node` is the declared place whose properties apply.
    pub(super) fn object<T: Tree>(&mut self, map: T, node: Option<usize>) {
        map.each_member(|key, value| {
            let len = self.pointer.len();
            self.pointer.push('/');
            self.pointer.push_str(&escape_key(key));
            let child = node.and_then(|n| self.shape.places[n].children.get(key).copied());
            self.value(value, child);
            self.pointer.truncate(len);
        });
        if let Some(n) = node {
            let shape = self.shape;
            for &c in &shape.places[n].required_children {
                if !map.has_member(&shape.places[c].name) {
                    let tally = &mut self.group.declared[c];
                    if tally.lacks(self.stamp) && tally.missing_at.len() < self.keep {
                        self.note(TallyRef::Declared(c), true);
                    }
                }
            }
        }
    }

    /// Notes where the payload drifts at the current place (`missing`: lacks a member there).
    fn note(&mut self, tally: TallyRef, missing: bool) {
        let Some(notes) = self.notes.as_deref_mut() else {
            return;
        };
        // The pointer with each `*` replaced by the index of the element being walked.
        let mut pointer = String::with_capacity(self.pointer.len() + 8);
        let mut from = 0;
        for &(star, index) in self.arrays.iter() {
            pointer.push_str(&self.pointer[from..star]);
            pointer.push_str(&index.to_string());
            from = star + 1;
        }
        pointer.push_str(&self.pointer[from..]);
        notes.push(Note {
            tally,
            missing,
            pointer,
        });
    }

    /// A value at `self.pointer`, declared at `node` or not declared.
    fn value<T: Tree>(&mut self, value: T, node: Option<usize>) {
        let t = value.json_type();
        match node {
            Some(n) => {
                let tally = &mut self.group.declared[n];
                tally.saw(self.stamp, t);
                let allowed = self.shape.places[n].allowed;
                if allowed.is_some_and(|a| !a.allows(t)) && tally.notes_drift(self.stamp, self.keep)
                {
                    self.note(TallyRef::Declared(n), false);
                }
            }
            None => self.extra(t),
        }
        let (walk_object, items) = match node {
            Some(n) => {
                let place = &self.shape.places[n];
                (!place.children.is_empty(), place.items.map(Some))
            }
            None => (true, Some(None)),
        };
        match t {
            JsonType::Object if walk_object => self.object(value, node),
            JsonType::Array => {
                if let Some(item) = items {
                    let len = self.pointer.len();
                    self.pointer.push_str("/*");
                    self.arrays.push((len + 1, 0));
                    let mut i = 0;
                    value.each_element(|e| {
                        if let Some(last) = self.arrays.last_mut() {
                            last.1 = i;
                        }
                        i += 1;
                        self.value(e, item);
                    });
                    self.arrays.pop();
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
        let tally = &mut g.extra_tallies[i].1;
        tally.saw(self.stamp, t);
        if tally.notes_drift(self.stamp, self.keep) {
            self.note(TallyRef::Extra(i), false);
        }
    }
}

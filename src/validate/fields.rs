//! The top-level fields of a payload, as the semantic rules and the event findings read them:
//! from a parsed [`Payload`], or from the [`Tape`] of the quick path, with the same answers.
//!
//! [`Tape`]: crate::input::tape::Tape

use std::borrow::Cow;
use std::cell::OnceCell;

use serde_json::Value;

use crate::input::locate::{locate, pointer_tokens, top_level_members};
use crate::input::parse::Payload;
use crate::input::tape::At;
use crate::model::origin::{Origin, Position};

/// A payload's top-level fields and where they are.
pub trait Fields {
    /// Where the payload starts.
    fn origin(&self) -> &Origin;
    /// The value of field `name`.
    fn field(&self, name: &str) -> Option<Cow<'_, Value>>;
    /// The string value of field `name`, when it is a string.
    fn text(&self, name: &str) -> Option<&str>;
    /// The field names, in order (each once).
    fn names(&self) -> Box<dyn Iterator<Item = &str> + '_>;
    /// Where the value at `pointer` starts (the payload's start when it is absent).
    fn position_of(&self, pointer: &str) -> Position;
    /// The position of a byte offset in the payload's bytes.
    fn position_at_offset(&self, offset: usize) -> Position;
    /// Top-level keys that repeat, each with the offsets of all its values.
    fn duplicate_keys(&self) -> Vec<(String, Vec<usize>)>;
}

impl Fields for Payload<'_> {
    fn origin(&self) -> &Origin {
        &self.origin
    }

    fn field(&self, name: &str) -> Option<Cow<'_, Value>> {
        self.fields().get(name).map(Cow::Borrowed)
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.fields().get(name).and_then(Value::as_str)
    }

    fn names(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        Box::new(self.fields().keys().map(String::as_str))
    }

    fn position_of(&self, pointer: &str) -> Position {
        Payload::position_of(self, pointer)
    }

    fn position_at_offset(&self, offset: usize) -> Position {
        Payload::position_at_offset(self, offset)
    }

    fn duplicate_keys(&self) -> Vec<(String, Vec<usize>)> {
        Payload::duplicate_keys(self)
    }
}

/// A payload read onto a tape whose objects repeat no key. Positions come from one walk of the
/// top-level members, made the first time a finding needs one.
pub struct TapeFields<'t> {
    origin: &'t Origin,
    raw: &'t [u8],
    root: At<'t>,
    members: OnceCell<Vec<(String, usize)>>,
}

impl<'t> TapeFields<'t> {
    /// The fields of `root`, the object parsed from `raw`, which starts at `origin`.
    pub fn new(origin: &'t Origin, raw: &'t [u8], root: At<'t>) -> Self {
        TapeFields {
            origin,
            raw,
            root,
            members: OnceCell::new(),
        }
    }
}

impl<'t> TapeFields<'t> {
    /// The value of member `name`: the first found is the only one, as no key repeats.
    fn get(&self, name: &str) -> Option<At<'t>> {
        self.root
            .members()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v)
    }
}

impl Fields for TapeFields<'_> {
    fn origin(&self) -> &Origin {
        self.origin
    }

    fn field(&self, name: &str) -> Option<Cow<'_, Value>> {
        self.get(name).map(|v| Cow::Owned(v.to_value()))
    }

    fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|v| v.as_str())
    }

    fn names(&self) -> Box<dyn Iterator<Item = &str> + '_> {
        Box::new(self.root.members().map(|(k, _)| k))
    }

    fn position_of(&self, pointer: &str) -> Position {
        let tokens = pointer_tokens(pointer);
        let offset = match tokens.as_slice() {
            [key] => self
                .members
                .get_or_init(|| top_level_members(self.raw))
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, offset)| *offset),
            _ => locate(self.raw, pointer),
        };
        match offset {
            Some(offset) => self.position_at_offset(offset),
            None => self.origin.position,
        }
    }

    fn position_at_offset(&self, offset: usize) -> Position {
        self.origin
            .position
            .advance(&self.raw[..offset.min(self.raw.len())])
    }

    fn duplicate_keys(&self) -> Vec<(String, Vec<usize>)> {
        // The quick path takes only payloads without repeated keys.
        Vec::new()
    }
}

//! The shape a schema declares: every place (JSON pointer) it describes, with the types it
//! allows, whether its parent must hold it, and its declared children, read once per run and
//! bounded in number and depth.

use std::collections::HashMap;

use serde_json::Value;

use super::facts::{Parts, facts};
use super::types::Allowed;
use super::{MAX_DECLARED, MAX_DECLARED_DEPTH, MAX_EXPANSION};

/// One place a schema declares.
#[derive(Debug, Clone)]
pub struct Declared {
    /// Its pointer (`/to/*` for the elements of `/to`); empty for the payload itself.
    pub pointer: String,
    /// Its key in the parent object (`*` for array elements).
    pub(super) name: String,
    /// The types allowed; `None` when any type is.
    pub allowed: Allowed,
    /// Whether its parent object must hold it.
    pub required: bool,
    /// Declared properties, by key.
    pub(super) children: HashMap<String, usize>,
    /// The required properties.
    pub(super) required_children: Vec<usize>,
    /// The place of its array elements, when it declares `items`.
    pub(super) items: Option<usize>,
}

/// The places a schema declares, parents before children, in the schema's order. Index 0 is
/// the payload itself.
#[derive(Debug, Clone)]
pub struct Shape {
    /// `message`, `email`, or the schema file's path.
    pub name: String,
    pub(super) places: Vec<Declared>,
}

impl Shape {
    /// Reads the shape a schema declares.
    pub fn from_schema(name: impl Into<String>, schema: &Value) -> Shape {
        let mut shape = Shape {
            name: name.into(),
            places: Vec::new(),
        };
        let parts = Parts {
            all: vec![schema],
            any: Vec::new(),
        };
        shape.add(&parts, schema, String::new(), String::new(), false, 0);
        shape
    }

    fn add(
        &mut self,
        parts: &Parts<'_>,
        root: &Value,
        pointer: String,
        name: String,
        required: bool,
        depth: usize,
    ) -> usize {
        let mut budget = MAX_EXPANSION;
        let f = facts(parts, root, &mut budget);
        let index = self.places.len();
        self.places.push(Declared {
            pointer,
            name,
            allowed: f.allowed,
            required,
            children: HashMap::new(),
            required_children: Vec::new(),
            items: None,
        });
        if depth >= MAX_DECLARED_DEPTH {
            return index;
        }
        for (key, sub) in &f.properties {
            if self.places.len() >= MAX_DECLARED {
                break;
            }
            let child_pointer = format!("{}/{}", self.places[index].pointer, escape_key(key));
            let req = f.required.contains(key);
            let child = self.add(sub, root, child_pointer, key.to_string(), req, depth + 1);
            let place = &mut self.places[index];
            place.children.insert(key.to_string(), child);
            if req {
                place.required_children.push(child);
            }
        }
        if !f.items.is_empty() && self.places.len() < MAX_DECLARED {
            let child_pointer = format!("{}/*", self.places[index].pointer);
            let child = self.add(&f.items, root, child_pointer, "*".into(), false, depth + 1);
            self.places[index].items = Some(child);
        }
        index
    }

    /// The declared places, parents before children (without the payload itself).
    pub fn places(&self) -> &[Declared] {
        self.places.get(1..).unwrap_or(&[])
    }
}

/// An object key as a pointer token (`~0` for `~`, `~1` for `/`).
pub(super) fn escape_key(key: &str) -> std::borrow::Cow<'_, str> {
    if key.contains(['~', '/']) {
        std::borrow::Cow::Owned(crate::input::locate::escape_token(key))
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}

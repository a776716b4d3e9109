//! What a schema says about one place, read from the JSON of its subschemas: the types allowed,
//! the properties declared and required, and the items of arrays. Local `$ref`s, `allOf`,
//! `anyOf` and `oneOf` are followed, within a budget, so that a recursive schema ends.

use serde_json::{Map, Value};

use super::types::{Allowed, JsonType, Types, intersect, unite};

/// The subschemas that describe one place: all of `all` hold; at least one of `any` does.
#[derive(Debug, Default)]
pub(super) struct Parts<'s> {
    pub(super) all: Vec<&'s Value>,
    pub(super) any: Vec<&'s Value>,
}

impl<'s> Parts<'s> {
    pub(super) fn is_empty(&self) -> bool {
        self.all.is_empty() && self.any.is_empty()
    }
}

/// What the subschemas of a place say about it.
#[derive(Debug, Default)]
pub(super) struct Facts<'s> {
    pub(super) allowed: Allowed,
    pub(super) properties: Vec<(&'s str, Parts<'s>)>,
    pub(super) required: Vec<&'s str>,
    pub(super) items: Parts<'s>,
}

impl<'s> Facts<'s> {
    fn property(&mut self, name: &'s str) -> &mut Parts<'s> {
        let i = match self.properties.iter().position(|(n, _)| *n == name) {
            Some(i) => i,
            None => {
                self.properties.push((name, Parts::default()));
                self.properties.len() - 1
            }
        };
        &mut self.properties[i].1
    }

    /// Adds a subschema's facts that must hold too.
    fn merge_all(&mut self, other: Facts<'s>) {
        self.allowed = intersect(self.allowed, other.allowed);
        for (name, parts) in other.properties {
            let p = self.property(name);
            p.all.extend(parts.all);
            p.any.extend(parts.any);
        }
        for r in other.required {
            if !self.required.contains(&r) {
                self.required.push(r);
            }
        }
        self.items.all.extend(other.items.all);
        self.items.any.extend(other.items.any);
    }

    /// Adds the properties and items of one alternative (`anyOf`, `oneOf`): declared, never
    /// required.
    fn merge_any(&mut self, other: Facts<'s>) {
        for (name, parts) in other.properties {
            let p = self.property(name);
            p.any.extend(parts.all);
            p.any.extend(parts.any);
        }
        self.items.any.extend(other.items.all);
        self.items.any.extend(other.items.any);
    }
}

/// Reads the facts of a list of subschemas.
pub(super) fn facts<'s>(parts: &Parts<'s>, root: &'s Value, budget: &mut usize) -> Facts<'s> {
    let mut f = Facts::default();
    for s in &parts.all {
        let g = facts_of(s, root, budget);
        f.merge_all(g);
    }
    if !parts.any.is_empty() {
        let mut union = Some(Types::NONE);
        for s in &parts.any {
            let g = facts_of(s, root, budget);
            union = unite(union, g.allowed);
            f.merge_any(g);
        }
        f.allowed = intersect(f.allowed, union);
    }
    f
}

/// Reads the facts of one subschema.
fn facts_of<'s>(schema: &'s Value, root: &'s Value, budget: &mut usize) -> Facts<'s> {
    let mut f = Facts::default();
    let map = match schema {
        Value::Object(m) => m,
        Value::Bool(false) => {
            f.allowed = Some(Types::NONE);
            return f;
        }
        _ => return f,
    };
    f.allowed = own_types(map);
    if let Some(Value::Object(props)) = map.get("properties") {
        for (name, sub) in props {
            f.property(name).all.push(sub);
        }
    }
    if let Some(Value::Array(req)) = map.get("required") {
        f.required.extend(req.iter().filter_map(Value::as_str));
    }
    if let Some(items) = map.get("items").filter(|i| i.is_object() || i.is_boolean()) {
        f.items.all.push(items);
    }
    let mut expand = |f: &mut Facts<'s>, all: Vec<&'s Value>, any: Vec<&'s Value>| {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        let g = facts(&Parts { all, any }, root, budget);
        f.merge_all(g);
    };
    if let Some(target) = map
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|p| root.pointer(p))
    {
        expand(&mut f, vec![target], Vec::new());
    }
    if let Some(Value::Array(branches)) = map.get("allOf") {
        expand(&mut f, branches.iter().collect(), Vec::new());
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = map.get(key) {
            expand(&mut f, Vec::new(), branches.iter().collect());
        }
    }
    f
}

/// The types a schema object's own `type`, `const` and `enum` allow.
fn own_types(map: &Map<String, Value>) -> Allowed {
    let mut allowed = None;
    match map.get("type") {
        Some(Value::String(t)) => {
            allowed = Some(JsonType::from_name(t).map_or(Types::NONE, |t| Types::NONE.with(t)));
        }
        Some(Value::Array(ts)) => {
            let set = ts
                .iter()
                .filter_map(Value::as_str)
                .filter_map(JsonType::from_name)
                .fold(Types::NONE, Types::with);
            allowed = Some(set);
        }
        _ => {}
    }
    if let Some(c) = map.get("const") {
        allowed = intersect(allowed, Some(Types::NONE.with(JsonType::of(c))));
    }
    if let Some(Value::Array(values)) = map.get("enum") {
        let set = values
            .iter()
            .map(JsonType::of)
            .fold(Types::NONE, Types::with);
        allowed = intersect(allowed, Some(set));
    }
    allowed
}

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
//! # Memory
//!
//! A [`Drift`] holds one counter per place per group (schema, and channel with `--by-channel`),
//! whatever the number of payloads. Declared places are bounded by the schema; undeclared places
//! by [`MAX_EXTRA_POINTERS`] and [`MAX_EXTRA_BYTES`]: past either limit, new undeclared places
//! are no longer listed, and the payloads that carry them are counted in
//! [`Totals::untracked_payloads`].

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::classify::Channel;

/// The most distinct undeclared places listed, over all groups.
pub const MAX_EXTRA_POINTERS: usize = 10_000;
/// The most bytes of pointer text kept for undeclared places, over all groups.
pub const MAX_EXTRA_BYTES: usize = 4 << 20;
/// The most places a schema may declare; deeper or further places are read as free-form leaves
/// (a recursive schema declares places without end).
pub const MAX_DECLARED: usize = 10_000;
/// The deepest nesting of declared places.
const MAX_DECLARED_DEPTH: usize = 32;
/// The most `$ref`, `allOf`, `anyOf` and `oneOf` steps followed to describe one place.
const MAX_EXPANSION: usize = 32;

/// A JSON type, as reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JsonType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number without a fractional part.
    Integer,
    /// Any other number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// Every type, in report order.
    pub const ALL: [JsonType; 7] = [
        JsonType::Null,
        JsonType::Boolean,
        JsonType::Integer,
        JsonType::Number,
        JsonType::String,
        JsonType::Array,
        JsonType::Object,
    ];

    /// The type's name: `null`, `boolean`, `integer`, `number`, `string`, `array`, `object`.
    pub fn name(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }

    /// The type of a JSON Schema `type` name.
    pub fn from_name(name: &str) -> Option<JsonType> {
        JsonType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The type of a value: `integer` for numbers without a fractional part, as JSON Schema has
    /// it.
    pub fn of(value: &Value) -> JsonType {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => JsonType::Integer,
            Value::Number(n) => match n.as_f64() {
                Some(f) if f.is_finite() && f.fract() == 0.0 => JsonType::Integer,
                _ => JsonType::Number,
            },
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of JSON types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Types(u8);

impl Types {
    /// No type.
    pub const NONE: Types = Types(0);

    /// The set with one more type.
    #[must_use]
    pub fn with(self, t: JsonType) -> Types {
        Types(self.0 | t.bit())
    }

    /// Whether the set holds `t` itself.
    pub fn contains(self, t: JsonType) -> bool {
        self.0 & t.bit() != 0
    }

    /// Whether a value of type `t` is allowed: `t` is in the set, or `t` is `integer` and the
    /// set holds `number`.
    pub fn allows(self, t: JsonType) -> bool {
        self.contains(t) || (t == JsonType::Integer && self.contains(JsonType::Number))
    }

    /// The types, in report order.
    pub fn iter(self) -> impl Iterator<Item = JsonType> {
        JsonType::ALL.into_iter().filter(move |t| self.contains(*t))
    }

    /// The names, e.g. `["string", "array"]`.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(JsonType::name).collect()
    }
}

/// Types allowed at a place: `None` when the schema does not constrain them.
type Allowed = Option<Types>;

fn intersect(a: Allowed, b: Allowed) -> Allowed {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => Some(Types(a.0 & b.0)),
    }
}

fn unite(a: Allowed, b: Allowed) -> Allowed {
    match (a, b) {
        (Some(a), Some(b)) => Some(Types(a.0 | b.0)),
        _ => None,
    }
}

/// One place a schema declares.
#[derive(Debug, Clone)]
pub struct Declared {
    /// Its pointer (`/to/*` for the elements of `/to`); empty for the payload itself.
    pub pointer: String,
    /// Its key in the parent object (`*` for array elements).
    name: String,
    /// The types allowed; `None` when any type is.
    pub allowed: Allowed,
    /// Whether its parent object must hold it.
    pub required: bool,
    /// Declared properties, by key.
    children: HashMap<String, usize>,
    /// The required properties.
    required_children: Vec<usize>,
    /// The place of its array elements, when it declares `items`.
    items: Option<usize>,
}

/// The subschemas that describe one place: all of `all` hold; at least one of `any` does.
#[derive(Debug, Default)]
struct Parts<'s> {
    all: Vec<&'s Value>,
    any: Vec<&'s Value>,
}

impl<'s> Parts<'s> {
    fn is_empty(&self) -> bool {
        self.all.is_empty() && self.any.is_empty()
    }
}

/// What the subschemas of a place say about it.
#[derive(Debug, Default)]
struct Facts<'s> {
    allowed: Allowed,
    properties: Vec<(&'s str, Parts<'s>)>,
    required: Vec<&'s str>,
    items: Parts<'s>,
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
fn facts<'s>(parts: &Parts<'s>, root: &'s Value, budget: &mut usize) -> Facts<'s> {
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

/// The places a schema declares, parents before children, in the schema's order. Index 0 is
/// the payload itself.
#[derive(Debug, Clone)]
pub struct Shape {
    /// `message`, `email`, or the schema file's path.
    pub name: String,
    places: Vec<Declared>,
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
fn escape_key(key: &str) -> std::borrow::Cow<'_, str> {
    if key.contains(['~', '/']) {
        std::borrow::Cow::Owned(crate::input::locate::escape_token(key))
    } else {
        std::borrow::Cow::Borrowed(key)
    }
}

/// Counts at one place of one group.
#[derive(Debug, Clone, Default)]
struct Tally {
    seen: u64,
    types: [u64; 7],
    missing: u64,
    /// The payload last counted in `seen` (payloads are numbered from 1).
    stamp: u64,
    /// The types already counted for that payload.
    mask: u8,
    /// The payload last counted in `missing`.
    missing_stamp: u64,
}

impl Tally {
    fn saw(&mut self, stamp: u64, t: JsonType) {
        if self.stamp != stamp {
            self.stamp = stamp;
            self.seen += 1;
            self.mask = 0;
        }
        if self.mask & t.bit() == 0 {
            self.mask |= t.bit();
            self.types[t as usize] += 1;
        }
    }

    fn lacks(&mut self, stamp: u64) {
        if self.missing_stamp != stamp {
            self.missing_stamp = stamp;
            self.missing += 1;
        }
    }
}

/// What a group of payloads is: the schema that checks them and, with `--by-channel`, their
/// channel.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupKey {
    /// The channel (`None` unless split by channel; every unknown channel is one group).
    pub channel: Option<Channel>,
    /// The index of the schema in the shapes the run was given.
    pub schema: usize,
}

#[derive(Debug)]
struct Group {
    key: GroupKey,
    payloads: u64,
    /// One per declared place (index 0, the payload itself, unused).
    declared: Vec<Tally>,
    extras: HashMap<String, usize>,
    extra_tallies: Vec<(String, Tally)>,
}

/// The limits on undeclared places, shared by all groups.
#[derive(Debug, Default)]
struct Limits {
    pointers: usize,
    bytes: usize,
    untracked_payloads: u64,
    untracked_stamp: u64,
}

/// The drift of payloads from the shapes of their schemas, counted as payloads come.
#[derive(Debug)]
pub struct Drift {
    shapes: Vec<Shape>,
    groups: Vec<Group>,
    payloads: u64,
    limits: Limits,
    pointer: String,
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
        }
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
    pub fn add(&mut self, value: &Value, schema: usize, channel: Option<Channel>) {
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
        let mut walk = Walk {
            shape,
            group,
            limits: &mut self.limits,
            stamp: self.payloads,
            pointer: &mut self.pointer,
        };
        // A payload is always an object; anything else has no fields to count.
        if let Value::Object(map) = value {
            walk.object(map, Some(0));
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

/// Walks one payload.
struct Walk<'a> {
    shape: &'a Shape,
    group: &'a mut Group,
    limits: &'a mut Limits,
    stamp: u64,
    pointer: &'a mut String,
}

impl Walk<'_> {
    /// The members of an object; `node` is the declared place whose properties apply.
    fn object(&mut self, map: &Map<String, Value>, node: Option<usize>) {
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
}

impl<'a> Row<'a> {
    fn new(pointer: &'a str, place: Option<&Declared>, tally: &Tally) -> Row<'a> {
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
    fn count(&mut self, row: &Row<'_>) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn message_shape() -> Shape {
        let v: Value = serde_json::from_str(crate::validate::schema::MESSAGE_SCHEMA).unwrap();
        Shape::from_schema("message", &v)
    }

    fn row<'r>(report: &'r Report<'_>, pointer: &str) -> &'r Row<'r> {
        report.groups[0]
            .rows
            .iter()
            .find(|r| r.pointer == pointer)
            .unwrap_or_else(|| panic!("no row {pointer}"))
    }

    fn base() -> Value {
        json!({"type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v",
               "dateAdded":"2024-01-01T00:00:00Z","direction":"outbound","messageType":"SMS"})
    }

    #[test]
    fn the_shape_comes_from_the_schema_itself() {
        let shape = message_shape();
        let get = |p: &str| shape.places().iter().find(|d| d.pointer == p).unwrap();
        assert_eq!(
            get("/type").allowed,
            Some(Types::NONE.with(JsonType::String))
        );
        assert!(get("/type").required);
        assert!(!get("/body").required);
        assert_eq!(get("/to").allowed.unwrap().names(), ["string", "array"]);
        assert_eq!(get("/to/*").allowed.unwrap().names(), ["string"]);
        assert_eq!(get("/attachments/*").allowed.unwrap().names(), ["string"]);
        assert_eq!(shape.places()[0].pointer, "/type");
    }

    #[test]
    fn nested_properties_refs_all_of_any_of_and_enums() {
        let schema = json!({
            "$defs": {"id": {"type": "string"}},
            "type": "object",
            "required": ["meta"],
            "properties": {
                "meta": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"$ref": "#/$defs/id"}, "a/b": {"enum": [1, "x"]}}
                },
                "list": {"type": "array", "items": {"properties": {"sku": {"type": "integer"}}}},
                "maybe": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                "both": {"allOf": [{"type": ["string", "number"]}, {"type": "number"}]},
                "self": {"properties": {"again": {"$ref": "#"}}}
            }
        });
        let shape = Shape::from_schema("s", &schema);
        let get = |p: &str| {
            shape
                .places()
                .iter()
                .find(|d| d.pointer == p)
                .unwrap_or_else(|| panic!("{p}"))
        };
        assert!(get("/meta/id").required);
        assert_eq!(get("/meta/id").allowed.unwrap().names(), ["string"]);
        assert_eq!(
            get("/meta/a~1b").allowed.unwrap().names(),
            ["integer", "string"]
        );
        assert_eq!(get("/list/*/sku").allowed.unwrap().names(), ["integer"]);
        assert_eq!(get("/list/*").allowed, None);
        assert_eq!(get("/maybe").allowed.unwrap().names(), ["null", "string"]);
        assert_eq!(get("/both").allowed.unwrap().names(), ["number"]);
        // A recursive schema stops at the depth limit instead of looping.
        assert!(get("/self/again/meta/id").required);
        assert!(shape.places().len() < MAX_DECLARED);
    }

    #[test]
    fn counts_statuses_and_exit_rule() {
        let mut d = Drift::new(vec![message_shape()]);
        for i in 0..9 {
            let mut p = base();
            if i % 3 == 0 {
                p["brandNew"] = json!({"deep": [1, 2]});
            }
            if i < 4 {
                p["callDuration"] = json!(12);
            } else if i < 6 {
                p["callDuration"] = json!("12");
            }
            if i == 8 {
                p.as_object_mut().unwrap().remove("contactId");
            }
            p["attachments"] = json!(["a", "b", 3]);
            d.add(&p, 0, None);
        }
        let r = d.report();
        let extra = row(&r, "/brandNew");
        assert_eq!(
            (extra.status, extra.seen, extra.declared),
            (Status::Extra, 3, false)
        );
        assert_eq!(row(&r, "/brandNew/deep/*").types, [(JsonType::Integer, 3)]);
        let cd = row(&r, "/callDuration");
        assert_eq!(cd.status, Status::TypeDrift);
        assert_eq!(cd.types, [(JsonType::Integer, 4), (JsonType::String, 2)]);
        assert_eq!(cd.drift, [(JsonType::String, 2)]);
        let c = row(&r, "/contactId");
        assert_eq!((c.status, c.missing, c.seen), (Status::Missing, 1, 8));
        let a = row(&r, "/attachments/*");
        assert_eq!(a.seen, 9, "counted once per payload");
        assert_eq!(a.types, [(JsonType::Integer, 9), (JsonType::String, 9)]);
        assert_eq!(row(&r, "/chatWidgetId").status, Status::NeverSeen);
        assert_eq!(row(&r, "/body").status, Status::NeverSeen);
        assert_eq!(row(&r, "/type").status, Status::Ok);
        assert_eq!(r.totals.payloads, 9);
        assert_eq!(r.totals.extra, 3);
        assert_eq!(r.totals.missing, 1);
        assert!(!r.totals.fits(true));
    }

    #[test]
    fn integers_fit_numbers_and_whole_floats_are_integers() {
        assert_eq!(JsonType::of(&json!(120.0)), JsonType::Integer);
        assert_eq!(JsonType::of(&json!(1.5)), JsonType::Number);
        assert_eq!(JsonType::of(&json!(-3)), JsonType::Integer);
        let number = Types::NONE.with(JsonType::Number);
        assert!(number.allows(JsonType::Integer));
        assert!(!Types::NONE.with(JsonType::Integer).allows(JsonType::Number));
        let mut d = Drift::new(vec![message_shape()]);
        let mut p = base();
        p["callDuration"] = json!(1.5);
        p["messageTypeId"] = json!(2.0);
        d.add(&p, 0, None);
        let r = d.report();
        assert_eq!(row(&r, "/callDuration").status, Status::Ok);
        assert_eq!(row(&r, "/messageTypeId").status, Status::Ok);
        assert!(r.totals.fits(false));
    }

    #[test]
    fn nested_required_counts_parents_that_lack_it() {
        let schema = json!({"properties": {"list": {"items": {"required": ["k"], "properties": {"k": {}}}}}});
        let mut d = Drift::new(vec![Shape::from_schema("s", &schema)]);
        d.add(&json!({"list": [{"k": 1}, {}]}), 0, None);
        d.add(&json!({"list": [{"k": 1}]}), 0, None);
        d.add(&json!({}), 0, None);
        let r = d.report();
        let k = row(&r, "/list/*/k");
        assert_eq!((k.seen, k.missing, k.status), (2, 1, Status::Missing));
    }

    #[test]
    fn groups_split_by_schema_and_channel() {
        let email: Value = serde_json::from_str(crate::validate::schema::EMAIL_SCHEMA).unwrap();
        let mut d = Drift::new(vec![message_shape(), Shape::from_schema("email", &email)]);
        d.add(&base(), 0, Some(Channel::Sms));
        d.add(&base(), 1, Some(Channel::Email));
        d.add(&base(), 0, Some(Channel::Unknown("x".into())));
        d.add(&base(), 0, Some(Channel::Unknown("y".into())));
        let r = d.report();
        let keys: Vec<(Option<Channel>, usize, u64)> = r
            .groups
            .iter()
            .map(|g| (g.key.channel.clone(), g.key.schema, g.payloads))
            .collect();
        assert_eq!(
            keys,
            [
                (Some(Channel::Sms), 0, 1),
                (Some(Channel::Email), 1, 1),
                (Some(Channel::Unknown(String::new())), 0, 2)
            ]
        );
        assert_eq!(r.groups[1].schema, "email");
    }

    #[test]
    fn odd_schemas_and_payloads_never_panic() {
        let schemas = [
            json!(true),
            json!(false),
            json!(null),
            json!({"properties": 5, "required": "a", "items": [1]}),
            json!({"type": ["string", 5, "nope"], "enum": "x"}),
            json!({"$ref": "#/nowhere"}),
            json!({"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}),
            json!({"allOf": [{"$ref": "#"}], "properties": {"x": {"$ref": "#"}}}),
            json!({"anyOf": [], "oneOf": [true, false], "properties": {"": {"const": null}}}),
        ];
        let payloads = [
            json!({}),
            json!([1]),
            json!({"": {"": [[]]}, "x": {"x": {"x": 1}}, "*": null}),
        ];
        for schema in &schemas {
            let mut d = Drift::new(vec![Shape::from_schema("s", schema)]);
            for p in &payloads {
                d.add(p, 0, None);
                d.add(p, 7, Some(Channel::Sms));
            }
            let r = d.report();
            // A schema index out of range is ignored.
            assert_eq!(r.totals.payloads, 3, "{schema}");
        }
    }

    #[test]
    fn undeclared_places_are_capped() {
        let mut d = Drift::new(vec![message_shape()]);
        let mut p = base();
        for i in 0..(MAX_EXTRA_POINTERS + 5) {
            p[format!("f{i}")] = json!(i);
        }
        d.add(&p, 0, None);
        d.add(&p, 0, None);
        let r = d.report();
        let extras = r.groups[0].rows.iter().filter(|r| !r.declared).count();
        assert_eq!(extras, MAX_EXTRA_POINTERS);
        assert_eq!(r.totals.untracked_payloads, 2);
        assert!(!r.totals.fits(false));
        assert!(r.totals.fits(true));
    }

    #[test]
    fn memory_does_not_grow_with_payloads_or_array_length() {
        let mut d = Drift::new(vec![message_shape()]);
        for i in 0..1000 {
            let mut p = base();
            p["messageId"] = json!(format!("m{i}"));
            p["attachments"] = json!(vec!["u"; i % 50]);
            p["x"] = json!([[{"y": i}]]);
            d.add(&p, 0, None);
        }
        let r = d.report();
        let extras: Vec<&str> = r.groups[0]
            .rows
            .iter()
            .filter(|r| !r.declared)
            .map(|r| r.pointer)
            .collect();
        assert_eq!(extras, ["/x", "/x/*", "/x/*/*", "/x/*/*/y"]);
        assert_eq!(row(&r, "/messageId").seen, 1000);
    }
}

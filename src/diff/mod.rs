//! Semantic diff of two JSON values, and the pieces `hlmsg diff` builds on it.
//!
//! Two values are compared structurally, never as text:
//!
//! * **Objects** compare by key; key order never matters. Keys only in LEFT are *removed*, keys
//!   only in RIGHT are *added*, keys on both sides are compared recursively.
//! * **Arrays** compare by index: the common prefix element by element, then the extra elements
//!   of the longer side as added (RIGHT longer) or removed (LEFT longer) at their index. No
//!   attempt is made to find moved or inserted elements: webhook payloads keep their arrays
//!   short and ordered, and an index-wise answer is the one a reader can check by eye.
//! * **Numbers** compare by value: `120` equals `120.0`. Integers compare exactly as integers,
//!   so two integers beyond 2^53 that differ in their last digit are different (they would be
//!   equal after rounding through `f64`). An integer compares with a float exactly too: the
//!   float must be integral and hold the same integer. serde_json stores integers from
//!   -2^63 to 2^64-1 exactly; an integer outside that range is parsed as the nearest `f64`,
//!   so two such integers that round to the same `f64` compare equal.
//! * Anything else compares by type and value; a change of type (a string `"120"` against a
//!   number `120`) is one *changed* difference.
//!
//! Every difference names its place with a JSON pointer (RFC 6901). [`Ignore`] leaves out
//! places (`/dateAdded`) and keys wherever they appear (`messageId`); an ignored place is not
//! looked into at all. [`patch`] turns the differences into an RFC 6902 JSON Patch, and
//! [`pair`] pairs the payloads of two captures.
//!
//! This module never prints: it hands back values that the renderers in `render::diff` show.

pub mod node;
pub mod pair;
pub mod patch;

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::io;

use serde_json::{Number, Value};

use crate::input::doc::Kind;
use crate::input::locate::escape_token;
use crate::model::json_type::JsonType;
pub use node::Node;

/// The top-level fields that differ between two deliveries of the same kind of message
/// (`--ignore-ids`).
pub const ID_FIELDS: &[&str] = &[
    "messageId",
    "dateAdded",
    "conversationId",
    "contactId",
    "locationId",
    "userId",
    "emailMessageId",
    "threadId",
    "conversationProviderId",
    "webhookId",
    "timestamp",
];

/// What happened at a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// The place holds different values on the two sides.
    Changed,
    /// The place exists only in RIGHT.
    Added,
    /// The place exists only in LEFT.
    Removed,
}

impl Op {
    /// The lower-case name used in machine output.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Changed => "changed",
            Op::Added => "added",
            Op::Removed => "removed",
        }
    }
}

/// One step of a path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step<'a> {
    /// A member of an object.
    Key(Cow<'a, str>),
    /// An element of an array.
    Index(usize),
}

/// Writes `steps` as an RFC 6901 JSON pointer (empty for the whole value).
pub fn pointer(steps: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in steps {
        out.push('/');
        match step {
            Step::Key(k) => out.push_str(&escape_token(k)),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

/// One difference between LEFT and RIGHT.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference<'a> {
    /// Changed, added or removed.
    pub op: Op,
    /// Where, from the root of the compared values.
    pub path: Vec<Step<'a>>,
    /// The value in LEFT (absent for [`Op::Added`]).
    pub left: Option<Node<'a>>,
    /// The value in RIGHT (absent for [`Op::Removed`]).
    pub right: Option<Node<'a>>,
    /// For an element added to an array: how many elements added before it, at lower indices
    /// of the same array, were ignored. A patch adds this element at `index - skipped`, so that
    /// it stays valid when an ignored element is left out.
    skipped: usize,
}

impl Difference<'_> {
    /// The RFC 6901 pointer of the place.
    pub fn pointer(&self) -> String {
        pointer(&self.path)
    }

    /// Whether the two sides hold values of different JSON types.
    pub fn type_changed(&self) -> bool {
        match (self.left, self.right) {
            (Some(l), Some(r)) => l.type_name() != r.type_name(),
            _ => false,
        }
    }
}

/// The JSON type of a value in JSON's data model: `null`, `boolean`, `number` (integers too),
/// `string`, `array` or `object`.
pub fn json_type(value: &Value) -> &'static str {
    JsonType::of(value).family().name()
}

/// An `--ignore` argument that is neither a JSON pointer nor a key name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct IgnoreError(String);

/// One token of an ignored pointer, ready to compare with a [`Step`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    /// The array index this token names, when it is one (`0`, `12`; not `01` or `-`).
    index: Option<usize>,
}

impl Token {
    fn matches(&self, step: &Step<'_>) -> bool {
        match step {
            Step::Key(k) => **k == self.text,
            Step::Index(i) => self.index == Some(*i),
        }
    }
}

/// What to leave out of a comparison: places (JSON pointers) and keys (anywhere).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ignore {
    pointers: Vec<Vec<Token>>,
    keys: HashSet<String>,
}

impl Ignore {
    /// Ignores nothing.
    pub fn new() -> Self {
        Ignore::default()
    }

    /// Whether nothing is ignored.
    pub fn is_empty(&self) -> bool {
        self.pointers.is_empty() && self.keys.is_empty()
    }

    /// Adds one place to leave out: a JSON pointer (starting with `/`) ignores that place and
    /// everything under it; anything else is a key name, ignored wherever it appears.
    pub fn add(&mut self, arg: &str) -> Result<(), IgnoreError> {
        if arg.is_empty() {
            return Err(IgnoreError(
                "empty: expected a JSON pointer such as /dateAdded or a key name such as messageId"
                    .to_string(),
            ));
        }
        if arg.starts_with('/') {
            self.pointers.push(parse_pointer(arg)?);
        } else {
            self.keys.insert(arg.to_string());
        }
        Ok(())
    }

    /// Ignores a key wherever it appears.
    pub fn add_key(&mut self, key: &str) {
        self.keys.insert(key.to_string());
    }

    /// Ignores the fields of [`ID_FIELDS`] wherever they appear (`--ignore-ids`).
    pub fn add_ids(&mut self) {
        for k in ID_FIELDS {
            self.add_key(k);
        }
    }

    /// Whether the place `path` is ignored (the place itself, not its ancestors: those were
    /// checked on the way down).
    pub fn ignores(&self, path: &[Step<'_>]) -> bool {
        if let Some(Step::Key(k)) = path.last()
            && self.keys.contains(k.as_ref())
        {
            return true;
        }
        self.pointers
            .iter()
            .any(|p| p.len() == path.len() && p.iter().zip(path).all(|(t, s)| t.matches(s)))
    }
}

/// Parses an RFC 6901 pointer that starts with `/`.
fn parse_pointer(arg: &str) -> Result<Vec<Token>, IgnoreError> {
    let mut tokens = Vec::new();
    for raw in arg[1..].split('/') {
        let mut text = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '~' {
                text.push(c);
                continue;
            }
            match chars.next() {
                Some('0') => text.push('~'),
                Some('1') => text.push('/'),
                _ => {
                    return Err(IgnoreError(format!(
                        "{arg:?}: '~' must be followed by 0 or 1 in a JSON pointer (~0 is '~', ~1 is '/')"
                    )));
                }
            }
        }
        let canonical = text == "0" || (!text.starts_with('0') && !text.is_empty());
        let index = if canonical && text.bytes().all(|b| b.is_ascii_digit()) {
            text.parse().ok()
        } else {
            None
        };
        tokens.push(Token { text, index });
    }
    Ok(tokens)
}

/// Whether two JSON numbers are equal by value. Integers compare exactly; an integer and a
/// float are equal only when the float is integral and holds exactly that integer.
pub fn numbers_equal(a: &Number, b: &Number) -> bool {
    match (integer(a), integer(b)) {
        (Some(x), Some(y)) => x == y,
        (Some(x), None) => float_equals_integer(b.as_f64(), x),
        (None, Some(y)) => float_equals_integer(a.as_f64(), y),
        (None, None) => a.as_f64() == b.as_f64(),
    }
}

fn integer(n: &Number) -> Option<i128> {
    if let Some(u) = n.as_u64() {
        Some(i128::from(u))
    } else {
        n.as_i64().map(i128::from)
    }
}

fn float_equals_integer(f: Option<f64>, i: i128) -> bool {
    // Every i64 and u64 lies within ±2^64, where an f64 converts to i128 exactly.
    const LIMIT: f64 = 18_446_744_073_709_551_616.0; // 2^64
    match f {
        Some(f) if f.is_finite() && f.fract() == 0.0 && f.abs() <= LIMIT => f as i128 == i,
        _ => false,
    }
}

/// Whether two values are equal by the rules of this module (key order and number spelling
/// do not matter).
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => numbers_equal(x, y),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(l, r)| values_equal(l, r))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, l)| y.get(k).is_some_and(|r| values_equal(l, r)))
        }
        _ => a == b,
    }
}

/// The most differences reported for one pair of payloads; the rest are counted.
pub const MAX_DIFFERENCES: usize = 1000;

/// The differences between `left` and `right`, leaving out what `ignore` names. Within an
/// object: changed and removed keys in LEFT's order, then added keys in RIGHT's order. Within
/// an array: changed elements, then added or removed elements, by ascending index.
pub fn diff<'a>(left: &'a Value, right: &'a Value, ignore: &Ignore) -> Vec<Difference<'a>> {
    diff_capped(left.into(), right.into(), ignore, usize::MAX).0
}

/// The first `cap` differences of [`diff`], and how many there are in all: past the cap the
/// walk only counts, so the memory a comparison takes does not grow with its differences.
pub fn diff_capped<'a>(
    left: Node<'a>,
    right: Node<'a>,
    ignore: &Ignore,
    cap: usize,
) -> (Vec<Difference<'a>>, u64) {
    let mut walk = Walk::new(ignore, cap, usize::MAX, None);
    walk.value(left, right);
    (walk.out, walk.total)
}

/// How many differences [`diff_each`] hands over at a time.
pub const BATCH: usize = 256;

/// The differences of [`diff`], handed to `each` in batches of [`BATCH`] as the walk finds
/// them, the first `cap` only; returns how many there are in all. Nothing but the current
/// batch is held, whatever the number of differences; the first error of `each` stops the walk.
pub fn diff_each<'a>(
    left: Node<'a>,
    right: Node<'a>,
    ignore: &Ignore,
    cap: usize,
    each: &mut dyn FnMut(&[Difference<'a>]) -> io::Result<()>,
) -> io::Result<u64> {
    let mut walk = Walk::new(ignore, cap, BATCH, Some(each));
    walk.value(left, right);
    walk.flush();
    match walk.failed.take() {
        Some(e) => Err(e),
        None => Ok(walk.total),
    }
}

type Each<'e, 'a> = &'e mut dyn FnMut(&[Difference<'a>]) -> io::Result<()>;

struct Walk<'i, 'e, 'a> {
    ignore: &'i Ignore,
    path: Vec<Step<'a>>,
    out: Vec<Difference<'a>>,
    /// The differences kept or handed over so far.
    shown: usize,
    cap: usize,
    total: u64,
    batch: usize,
    each: Option<Each<'e, 'a>>,
    failed: Option<io::Error>,
}

impl<'i, 'e, 'a> Walk<'i, 'e, 'a> {
    fn new(ignore: &'i Ignore, cap: usize, batch: usize, each: Option<Each<'e, 'a>>) -> Self {
        Walk {
            ignore,
            path: Vec::new(),
            out: Vec::new(),
            shown: 0,
            cap,
            total: 0,
            batch,
            each,
            failed: None,
        }
    }

    /// Hands the batch over, if anything takes it.
    fn flush(&mut self) {
        if let Some(each) = self.each.as_mut()
            && !self.out.is_empty()
            && self.failed.is_none()
        {
            if let Err(e) = each(&self.out) {
                self.failed = Some(e);
            }
            self.out.clear();
        }
    }

    fn push(&mut self, op: Op, left: Option<Node<'a>>, right: Option<Node<'a>>, skipped: usize) {
        self.total += 1;
        if self.shown >= self.cap || self.failed.is_some() {
            return;
        }
        self.shown += 1;
        if self.out.len() >= self.batch {
            self.flush();
        }
        self.out.push(Difference {
            op,
            path: self.path.clone(),
            left,
            right,
            skipped,
        });
    }

    /// Compares two values at the current path (which is not ignored).
    fn value(&mut self, left: Node<'a>, right: Node<'a>) {
        match (left.kind(), right.kind()) {
            (Kind::Object, Kind::Object) => {
                let (l, r) = (left.lookup(), right.lookup());
                for (k, lv) in left.members() {
                    self.path.push(Step::Key(k));
                    if !self.ignore.ignores(&self.path) {
                        match r.get(self.key()) {
                            Some(rv) => self.value(lv, rv),
                            None => self.push(Op::Removed, Some(lv), None, 0),
                        }
                    }
                    self.path.pop();
                }
                for (k, rv) in right.members() {
                    if l.contains(&k) {
                        continue;
                    }
                    self.path.push(Step::Key(k));
                    if !self.ignore.ignores(&self.path) {
                        self.push(Op::Added, None, Some(rv), 0);
                    }
                    self.path.pop();
                }
            }
            (Kind::Array, Kind::Array) => {
                let (mut l, mut r) = (left.elements(), right.elements());
                let mut skipped = 0;
                for i in 0.. {
                    let (lv, rv) = (l.next(), r.next());
                    if lv.is_none() && rv.is_none() {
                        break;
                    }
                    self.path.push(Step::Index(i));
                    let ignored = self.ignore.ignores(&self.path);
                    match (lv, rv) {
                        (None, _) if ignored => skipped += 1,
                        _ if ignored => {}
                        (Some(lv), Some(rv)) => self.value(lv, rv),
                        (Some(lv), None) => self.push(Op::Removed, Some(lv), None, 0),
                        (None, Some(rv)) => self.push(Op::Added, None, Some(rv), skipped),
                        (None, None) => {}
                    }
                    self.path.pop();
                }
            }
            _ if left.scalar_equals(right) => {}
            _ => self.push(Op::Changed, Some(left), Some(right), 0),
        }
    }

    /// The key of the member the walk stands on.
    fn key(&self) -> &str {
        match self.path.last() {
            Some(Step::Key(k)) => k,
            _ => "",
        }
    }
}

impl fmt::Display for Difference<'_> {
    /// `~ /pointer: left → right`, `+ /pointer: right`, `- /pointer: left`, with the values
    /// shortened and a change of type said as such. Not escaped for a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.pointer();
        match (self.op, self.left, self.right) {
            (Op::Changed, Some(l), Some(r)) if self.type_changed() => write!(
                f,
                "~ {at}: {} ({}) → {} ({})",
                l.show(),
                l.type_name(),
                r.show(),
                r.type_name()
            ),
            (Op::Changed, Some(l), Some(r)) => write!(f, "~ {at}: {} → {}", l.show(), r.show()),
            (_, None, Some(r)) => write!(f, "+ {at}: {}", r.show()),
            (_, Some(l), _) => write!(f, "- {at}: {}", l.show()),
            (_, None, None) => write!(f, "? {at}"),
        }
    }
}

#[cfg(test)]
mod tests;

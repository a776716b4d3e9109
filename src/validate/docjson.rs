//! The schema check of a large payload, read through its [`Doc`] rather than a parsed value.
//!
//! [`DocJson`] lets the JSON Schema validator read a [`Doc`] directly (jsonschema's
//! custom-representation traits), so a payload of millions of small values is checked at a few
//! bytes a value. Arrays can show only their first elements, as [`crate::validate::window`]
//! explains; a failing payload over 64 KiB takes this path for that, whatever its size. Source
//! order is the order of the values' offsets. The value an error reports is built cut short
//! (enough for a message), and `const`, `enum` and `uniqueItems` compare whole values.

use std::borrow::Cow;
use std::collections::HashMap;

use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use jsonschema::{JsonType, ValidationError, Validator};
use serde_json::{Number, Value};

use crate::input::doc::{Doc, DocValue, Kind};
use crate::input::locate::pointer_tokens;
use crate::input::parse::Payload;
use crate::model::finding::{Diagnostic, MAX_VALUE_CHARS};
use crate::validate::schema::{Violations, describe};

/// A [`Doc`] as the schema validator reads it.
pub struct DocJson;

/// A value of a document (with how many elements each array below it shows), or a property
/// name the validator checks as a string.
#[derive(Clone, Copy)]
pub enum DocNode<'a> {
    Value { value: DocValue<'a>, keep: usize },
    Name(&'a str),
}

impl<'a> DocNode<'a> {
    /// `value`, each array below it showing at most `keep` elements.
    pub fn new(value: DocValue<'a>, keep: usize) -> Self {
        DocNode::Value { value, keep }
    }

    fn value(&self) -> Option<(DocValue<'a>, usize)> {
        match *self {
            DocNode::Value { value, keep } => Some((value, keep)),
            DocNode::Name(_) => None,
        }
    }

    fn kind(&self) -> Kind {
        self.value().map_or(Kind::String, |(v, _)| v.kind())
    }
}

impl Json for DocJson {
    type Node<'a> = DocNode<'a>;
    type PreparedKey = String;
    type StringBuffer = ();

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(_: &mut (), string: &str, f: impl FnOnce(DocNode<'_>) -> T) -> T {
        f(DocNode::Name(string))
    }
}

impl<'a> Node<'a, DocJson> for DocNode<'a> {
    type Object = DocObject<'a>;
    type Array = DocArray<'a>;
    type Number = Number;

    fn as_object(&self) -> Option<DocObject<'a>> {
        let (value, keep) = self.value()?;
        (value.kind() == Kind::Object).then_some(DocObject { value, keep })
    }

    fn as_array(&self) -> Option<DocArray<'a>> {
        let (value, keep) = self.value()?;
        (value.kind() == Kind::Array).then(|| DocArray {
            value,
            keep,
            len: value.len(),
        })
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match *self {
            DocNode::Value { value, .. } => value.as_str(),
            DocNode::Name(name) => Some(Cow::Borrowed(name)),
        }
    }

    fn as_number(&self) -> Option<Number> {
        self.value()?.0.as_number()
    }

    fn is_number(&self) -> bool {
        self.kind() == Kind::Number
    }

    fn as_boolean(&self) -> Option<bool> {
        self.value()?.0.as_bool()
    }

    fn is_null(&self) -> bool {
        self.kind() == Kind::Null
    }

    fn json_type(&self) -> JsonType {
        match self.kind() {
            Kind::Null => JsonType::Null,
            Kind::Bool => JsonType::Boolean,
            Kind::Number => JsonType::Number,
            Kind::String => JsonType::String,
            Kind::Array => JsonType::Array,
            Kind::Object => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        let whole = match *self {
            DocNode::Value { value, .. } => value.to_value(),
            DocNode::Name(name) => Value::String(name.to_string()),
        };
        jsonschema::json::cmp::equal(&whole, expected)
    }

    fn to_value(&self) -> Cow<'a, Value> {
        // Only errors and annotations read it (equality and uniqueness are answered above):
        // enough of the value for a message.
        Cow::Owned(match *self {
            DocNode::Value { value, .. } => value.to_value_within(MAX_VALUE_CHARS + 1),
            DocNode::Name(name) => Value::String(name.to_string()),
        })
    }

    fn identity(&self) -> Option<NodeIdentity> {
        let (value, _) = self.value()?;
        let doc = std::ptr::from_ref(value.doc()) as usize;
        Some(NodeIdentity::tagged(doc, value.index()))
    }
}

/// An object of a document: every member is shown.
#[derive(Clone, Copy)]
pub struct DocObject<'a> {
    value: DocValue<'a>,
    keep: usize,
}

impl<'a> Object<'a, DocJson> for DocObject<'a> {
    type Node = DocNode<'a>;
    type MemberName = Cow<'a, str>;
    type MembersIter = Box<dyn Iterator<Item = (Cow<'a, str>, DocNode<'a>)> + 'a>;

    fn len(&self) -> usize {
        self.value.len()
    }

    fn get(&self, key: &String) -> Option<DocNode<'a>> {
        self.value.get(key).map(|v| DocNode::new(v, self.keep))
    }

    fn members(&self) -> Self::MembersIter {
        let keep = self.keep;
        Box::new(
            self.value
                .members()
                .map(move |(k, v)| (k, DocNode::new(v, keep))),
        )
    }
}

/// An array of a document: its true length, and its first `keep` elements.
#[derive(Clone, Copy)]
pub struct DocArray<'a> {
    value: DocValue<'a>,
    keep: usize,
    len: usize,
}

impl<'a> Array<'a, DocJson> for DocArray<'a> {
    type Node = DocNode<'a>;
    type ElementsIter = Box<dyn Iterator<Item = DocNode<'a>> + 'a>;

    fn len(&self) -> usize {
        self.len
    }

    fn elements(&self) -> Self::ElementsIter {
        let keep = self.keep;
        Box::new(
            self.value
                .elements()
                .take(keep)
                .map(move |v| DocNode::new(v, keep)),
        )
    }

    fn is_unique(&self) -> bool {
        // Every element, whole: `uniqueItems` judges the whole array.
        let values: Vec<Value> = self.value.elements().map(|v| v.to_value()).collect();
        jsonschema::json::unique::is_unique(&values)
    }
}

/// The offset of the value at `pointer` (the nearest existing ancestor's when it is absent).
/// Each array keeps the last element reached, so pointers into it in increasing order (as
/// violations come) walk it once.
pub struct Offsets<'a> {
    root: DocValue<'a>,
    cursors: HashMap<u32, (usize, DocValue<'a>)>,
}

impl<'a> Offsets<'a> {
    pub fn new(root: DocValue<'a>) -> Self {
        Offsets {
            root,
            cursors: HashMap::new(),
        }
    }

    pub fn of(&mut self, pointer: &str) -> usize {
        let mut at = self.root;
        for token in pointer_tokens(pointer) {
            let next = match at.kind() {
                Kind::Object => at.get(&token),
                Kind::Array => token.parse::<usize>().ok().and_then(|i| {
                    let (from, mut element) = match self.cursors.get(&at.index()) {
                        Some(&(n, element)) if n <= i => (n, element),
                        _ => (0, at.elements().next()?),
                    };
                    for _ in from..i {
                        element = element.next_sibling(at)?;
                    }
                    self.cursors.insert(at.index(), (i, element));
                    Some(element)
                }),
                _ => None,
            };
            match next {
                Some(v) => at = v,
                None => break,
            }
        }
        at.offset()
    }
}

/// Elements of each array shown at first, per finding wanted.
const KEEP_PER_FINDING: usize = 4;

/// The `cap` violations of the document at `root` that come first in the source, with the
/// offset of each; how many violations were found; and how many array elements were left out
/// unchecked (0 when every violation was counted). `windowed`: whether the schema's violations
/// can be found through a window (see [`crate::validate::window::windowable`]).
pub fn first_violations<'a>(
    validator: &'a Validator<DocJson>,
    root: DocValue<'a>,
    cap: usize,
    windowed: bool,
) -> (Vec<(ValidationError<'a>, usize)>, usize, usize) {
    let mut offsets = Offsets::new(root);
    let mut keep = if windowed {
        cap.max(16).saturating_mul(KEEP_PER_FINDING)
    } else {
        usize::MAX
    };
    loop {
        let (cut, unchecked) = first_hidden(root, keep);
        let mut found: Vec<(ValidationError<'a>, usize)> = Vec::new();
        let mut total = 0;
        for e in validator.iter_errors(DocNode::new(root, keep)) {
            let offset = offsets.of(e.instance_path().as_str());
            if offset >= cut {
                continue;
            }
            total += 1;
            found.push((e, offset));
            if found.len() >= cap.saturating_mul(2).max(64) {
                found.sort_by_key(|(_, offset)| *offset);
                found.truncate(cap);
            }
        }
        if unchecked == 0 || total >= cap {
            found.sort_by_key(|(_, offset)| *offset);
            found.truncate(cap);
            return (found, total, unchecked);
        }
        keep = keep.saturating_mul(8);
    }
}

/// The offset of the first element left out of the arrays longer than `keep` (`usize::MAX` when
/// none is), and how many elements are left out.
fn first_hidden(root: DocValue<'_>, keep: usize) -> (usize, usize) {
    let (mut cut, mut hidden) = (usize::MAX, 0usize);
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        match v.kind() {
            Kind::Object => stack.extend(
                v.members()
                    .map(|(_, m)| m)
                    .filter(|m| matches!(m.kind(), Kind::Array | Kind::Object)),
            ),
            Kind::Array => {
                let mut n = 0usize;
                for e in v.elements() {
                    if n == keep {
                        cut = cut.min(e.offset());
                    }
                    if n < keep && matches!(e.kind(), Kind::Array | Kind::Object) {
                        stack.push(e);
                    }
                    n += 1;
                }
                hidden = hidden.saturating_add(n.saturating_sub(keep));
            }
            _ => {}
        }
    }
    (cut, hidden)
}

/// The violations of a shallow `payload` ([`crate::input::parse::parse_shallow`]) read through
/// its bytes, as [`crate::validate::schema::Compiled::violations`] gives them; `None` when its
/// bytes do not make a document.
pub fn doc_violations(
    validator: &Validator<DocJson>,
    payload: &Payload<'_>,
    cap: usize,
    windowed: bool,
) -> Option<Violations> {
    let doc = Doc::build(payload.raw)?;
    if validator.is_valid(DocNode::new(doc.root(), usize::MAX)) {
        return Some(Violations {
            counted: true,
            ..Violations::default()
        });
    }
    let (found, total, unchecked) = first_violations(validator, doc.root(), cap, windowed);
    let offsets: Vec<usize> = found.iter().map(|(_, offset)| *offset).collect();
    let positions = payload.positions_at_offsets(&offsets);
    let mut shown: Vec<Diagnostic> = found
        .iter()
        .zip(positions)
        .map(|((e, _), position)| describe(e, position))
        .collect();
    let kept = shown.len();
    shown.dedup();
    Some(Violations {
        total: total - (kept - shown.len()),
        shown,
        counted: unchecked == 0,
        unchecked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse::{parse, parse_shallow};
    use crate::input::testing::each_record;
    use crate::validate::Checker;
    use crate::validate::schema::{Compiled, Selection};

    /// Payloads of every kind: generated (a third broken, every event), the samples, and
    /// crafted ones (long arrays, escapes, numbers, repeated keys).
    fn corpus() -> Vec<u8> {
        let mut text = crate::sample::generate::corpus(7, 1500);
        let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        for entry in std::fs::read_dir(samples).unwrap() {
            text.extend(std::fs::read(entry.unwrap().path()).unwrap());
            text.push(b'\n');
        }
        let base =
            r#""type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v""#;
        let long: Vec<String> = (0..5000).map(|i| i.to_string()).collect();
        let crafted = [
            format!(r#"{{{base},"dateAdded":"2024-05-08T11:57:42Z","direction":"outbound","messageType":"SMS","attachments":[{}]}}"#, long.join(",")),
            format!(r#"{{{base},"dateAdded":"yesterday","direction":1.0,"messageType":"Email","attachments":["a",2,{{"b":[]}}],"k\u00e9y":"\u00e9\n"}}"#),
            format!(r#"{{{base},"dateAdded":"2024-05-08T11:57:42Z","messageType":"SMS","callDuration":-0,"messageTypeId":1.0,"n":123456789012345678901234}}"#),
            format!(r#"{{{base},"dateAdded":"2024-05-08T11:57:42Z","direction":"outbound","messageType":"SMS","dup":1,"dup":{{"a":[1,"x"]}}}}"#),
            r#"{"type":"OutboundMessage"}"#.to_string(),
            r#"{"type":"InboundMessage","messageType":"SMS","direction":"inbound","body":[{"x":1}]}"#.to_string(),
        ];
        for c in crafted {
            text.extend(c.as_bytes());
            text.push(b'\n');
        }
        text
    }

    /// `check` on each payload of `text`, read whole and read shallow through its bytes.
    fn both_ways(text: &[u8], mut check: impl FnMut(&Payload<'_>) -> Vec<Diagnostic>) -> usize {
        let mut compared = 0;
        each_record(text, |rec| {
            let Ok(rec) = rec else { return };
            let (whole, shallow) = (parse(rec.clone()), parse_shallow(rec, 0));
            assert_eq!(whole.is_ok(), shallow.is_ok());
            let (Ok(whole), Ok(shallow)) = (whole, shallow) else {
                return;
            };
            assert!(!whole.shallow);
            let text = String::from_utf8_lossy(whole.raw).into_owned();
            assert_eq!(check(&whole), check(&shallow), "{text}");
            compared += 1;
        });
        compared
    }

    #[test]
    fn read_through_the_bytes_the_findings_are_the_same() {
        let text = corpus();
        for published in [false, true] {
            let checker = Checker::new(&Selection::Auto, published, false).unwrap();
            let n = both_ways(&text, |p| checker.check(p).diagnostics);
            assert!(n > 1500, "{n}");
        }
        // Schemas of other shapes: branches (checked whole), and keywords on arrays.
        let schemas = [
            serde_json::json!({"anyOf": [{"required": ["body"]}, {"properties": {"attachments": {"maxItems": 2}}}]}),
            serde_json::json!({"properties": {"attachments": {"uniqueItems": true, "items": {"type": ["string", "integer"], "maximum": 10}},
                "messageType": {"enum": ["SMS", "Email"]}, "direction": {"const": "outbound"}},
                "additionalProperties": {"type": ["string", "number", "array", "object"]}}),
            serde_json::json!({"propertyNames": {"maxLength": 8}, "minProperties": 3, "maxProperties": 12}),
        ];
        for schema in schemas {
            let compiled = Compiled::new("test", &schema).unwrap();
            both_ways(&text, |p| compiled.violations(p, 20).shown);
        }
    }

    #[test]
    fn the_first_violations_through_a_window_are_the_whole_payloads() {
        use serde_json::json;
        let schema = json!({"properties": {
            "a": {"items": {"type": "string"}, "maxItems": 2},
            "b": {"items": {"items": {"type": "integer"}}},
            "z": {"type": "string"}}});
        let whole = jsonschema::validator_for(&schema).unwrap();
        let documents = jsonschema::options_for::<DocJson>().build(&schema).unwrap();
        let ok = |n: usize| -> Vec<Value> { (0..n).map(|i| json!(i.to_string())).collect() };
        let shapes = [
            // Every element wrong.
            json!({"a": (0..5000).collect::<Vec<_>>(), "z": 1}),
            // Long valid runs, with a few wrong elements far in, and a wrong field after.
            json!({"a": ([ok(3000), vec![json!(1)], ok(20000), vec![json!(2)]].concat()), "z": 1}),
            // Nested arrays, and a wrong field before.
            json!({"z": 1, "b": vec![vec![json!("x"); 70]; 90], "a": ok(10)}),
        ];
        for v in shapes {
            let text = serde_json::to_vec(&v).unwrap();
            let doc = Doc::build(&text).unwrap();
            let mut all: Vec<(usize, String)> = Vec::new();
            let mut offsets = Offsets::new(doc.root());
            for e in whole.iter_errors(&v) {
                let path = e.instance_path().as_str().to_string();
                all.push((offsets.of(&path), path));
            }
            all.sort();
            for cap in [1, 3, 20] {
                let (first, found, unchecked) = first_violations(&documents, doc.root(), cap, true);
                let first: Vec<String> = first
                    .iter()
                    .map(|(e, _)| e.instance_path().as_str().to_string())
                    .collect();
                let exact: Vec<String> = all.iter().take(cap).map(|(_, p)| p.clone()).collect();
                assert_eq!(first, exact, "cap {cap}: {v}");
                assert!(found <= all.len());
                assert_eq!(unchecked == 0, found == all.len(), "cap {cap}");
            }
        }
    }

    #[test]
    fn hostile_and_broken_inputs_read_shallow_never_panic() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let checker = Checker::new(&Selection::Auto, false, false).unwrap();
        let mut read = 0;
        for dir in ["hostile", "bad", "events"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let bytes = std::fs::read(entry.unwrap().path()).unwrap();
                each_record(&bytes, |rec| {
                    let Ok(rec) = rec else { return };
                    let whole = parse(rec.clone()).map(|_| ()).map_err(|f| f.diagnostic);
                    let shallow = parse_shallow(rec, 0);
                    // The same entries are payloads, and the same faults are reported.
                    let same = shallow
                        .as_ref()
                        .map(|_| ())
                        .map_err(|f| f.diagnostic.clone());
                    assert_eq!(whole, same, "{}", String::from_utf8_lossy(&bytes));
                    if let Ok(p) = shallow {
                        checker.check(&p);
                        read += 1;
                    }
                });
            }
        }
        assert!(read > 20, "{read}");
    }

    #[test]
    fn a_large_payload_is_read_shallow_and_checked_through_its_bytes() {
        let base = r#""type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v","dateAdded":"2024-05-08T11:57:42Z","direction":"outbound","messageType":"SMS""#;
        let text = format!(
            r#"{{{base},"attachments":[{}],"x":"{}"}}"#,
            vec!["[]"; 400_000].join(","),
            "y".repeat(70_000)
        );
        each_record(text.as_bytes(), |rec| {
            let p = parse_shallow(rec.unwrap(), 1 << 20).unwrap();
            assert!(p.shallow);
            // The long array is cut to its first values; the long string is whole.
            let kept = p.fields()["attachments"].as_array().unwrap().len();
            assert!((1000..10_000).contains(&kept), "{kept}");
            assert_eq!(p.fields()["x"].as_str().unwrap().len(), 70_000);
            let checker = Checker::new(&Selection::Auto, false, false).unwrap();
            let verdict = checker.check(&p);
            assert_eq!(
                verdict.diagnostics.len(),
                1000 + 1,
                "{:?}",
                verdict.diagnostics.last()
            );
            assert_eq!(
                verdict.diagnostics[0].pointer.as_deref(),
                Some("/attachments/0")
            );
        });
    }
}

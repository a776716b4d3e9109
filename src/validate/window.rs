//! The violations of a payload with very many of them, found without building them all.
//!
//! The schema crate collects every violation of an instance before it hands back the first, so
//! a payload of five million wrong array elements would cost gigabytes of violations that are
//! only counted. Here the schema sees the payload through [`Capped`], where each array shows only
//! its first elements (its length stays true). For a schema whose every violation concerns one
//! value (no `anyOf`, `oneOf`, `not`, `if`, `contains`, `unevaluated*`; see [`windowable`]), the
//! violations located before the first hidden element, in source order, are exactly the
//! payload's. When they are enough for the findings shown, the rest is not looked for; otherwise
//! the window widens until they are, or until nothing is hidden.

use std::borrow::Cow;

use jsonschema::json::{Array, Json, Node, NodeIdentity, Object};
use jsonschema::{JsonType, ValidationError, Validator};
use serde_json::{Map, Number, Value};

use crate::model::finding::Diagnostic;
use crate::validate::first::{Ranks, first_in_source_order};

/// The violations of a payload that come first in the source, and how many there are.
#[derive(Debug, Default)]
pub struct Violations {
    /// The first ones, as findings.
    pub shown: Vec<Diagnostic>,
    /// How many there are in all; or, when `counted` is false, at least.
    pub total: usize,
    /// Whether every violation was counted (false when only the first ones were looked for).
    pub counted: bool,
    /// Array elements left unchecked once the first violations were found.
    pub unchecked: usize,
}

/// The payload as the schema sees it: arrays cut to their first elements.
pub struct Capped;

/// A value, with how many elements of each array below it are shown.
#[derive(Clone, Copy)]
pub struct CappedNode<'a> {
    value: &'a Value,
    keep: usize,
}

impl<'a> CappedNode<'a> {
    /// `value`, with each array below it showing at most `keep` elements.
    pub fn new(value: &'a Value, keep: usize) -> Self {
        CappedNode { value, keep }
    }
}

impl Json for Capped {
    type Node<'a> = CappedNode<'a>;
    type PreparedKey = String;
    type StringBuffer = Value;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(
        buffer: &mut Value,
        string: &str,
        f: impl FnOnce(CappedNode<'_>) -> T,
    ) -> T {
        *buffer = Value::String(string.to_owned());
        f(CappedNode::new(buffer, usize::MAX))
    }
}

impl<'a> Node<'a, Capped> for CappedNode<'a> {
    type Object = CappedObject<'a>;
    type Array = CappedArray<'a>;
    type Number = &'a Number;

    fn as_object(&self) -> Option<CappedObject<'a>> {
        match self.value {
            Value::Object(map) => Some(CappedObject {
                map,
                keep: self.keep,
            }),
            _ => None,
        }
    }

    fn as_array(&self) -> Option<CappedArray<'a>> {
        match self.value {
            Value::Array(items) => Some(CappedArray {
                items,
                keep: self.keep,
            }),
            _ => None,
        }
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        self.value.as_str().map(Cow::Borrowed)
    }

    fn as_number(&self) -> Option<&'a Number> {
        match self.value {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        self.value.as_bool()
    }

    fn is_null(&self) -> bool {
        self.value.is_null()
    }

    fn json_type(&self) -> JsonType {
        match self.value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        // The whole value: `const` and `enum` compare what arrived.
        jsonschema::json::cmp::equal(self.value, expected)
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Borrowed(self.value)
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::new(
            std::ptr::from_ref::<Value>(self.value) as usize
        ))
    }
}

/// An object: every member is shown.
#[derive(Clone, Copy)]
pub struct CappedObject<'a> {
    map: &'a Map<String, Value>,
    keep: usize,
}

impl<'a> Object<'a, Capped> for CappedObject<'a> {
    type Node = CappedNode<'a>;
    type MemberName = &'a str;
    type MembersIter = Box<dyn Iterator<Item = (&'a str, CappedNode<'a>)> + 'a>;

    fn len(&self) -> usize {
        self.map.len()
    }

    fn get(&self, key: &String) -> Option<CappedNode<'a>> {
        self.map.get(key).map(|v| CappedNode::new(v, self.keep))
    }

    fn members(&self) -> Self::MembersIter {
        let keep = self.keep;
        Box::new(
            self.map
                .iter()
                .map(move |(k, v)| (k.as_str(), CappedNode::new(v, keep))),
        )
    }
}

/// An array: its true length, and its first elements.
#[derive(Clone, Copy)]
pub struct CappedArray<'a> {
    items: &'a [Value],
    keep: usize,
}

impl<'a> Array<'a, Capped> for CappedArray<'a> {
    type Node = CappedNode<'a>;
    type ElementsIter = Box<dyn Iterator<Item = CappedNode<'a>> + 'a>;

    fn len(&self) -> usize {
        self.items.len()
    }

    fn elements(&self) -> Self::ElementsIter {
        let keep = self.keep;
        let shown = &self.items[..self.items.len().min(keep)];
        Box::new(shown.iter().map(move |v| CappedNode::new(v, keep)))
    }

    fn is_unique(&self) -> bool {
        // Every element: `uniqueItems` judges the whole array.
        jsonschema::json::unique::is_unique(self.items)
    }
}

/// Keywords whose violations depend on more than the value they are located at (a branch that
/// fails somewhere deep, an element that may be past the cut), and `false` schemas for extra
/// items, which name the array: a schema with any of them sees the whole payload.
const WHOLE: &[&str] = &[
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "minContains",
    "maxContains",
    "unevaluatedItems",
    "unevaluatedProperties",
    "dependentSchemas",
    "dependencies",
    "$dynamicRef",
    "$recursiveRef",
];

/// Whether the violations of `schema` can be found through [`Capped`] (see the module
/// documentation). Conservative: a property that happens to be named like such a keyword counts.
pub fn windowable(schema: &Value) -> bool {
    let mut stack = vec![schema];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if WHOLE.contains(&k.as_str())
                        || (matches!(k.as_str(), "items" | "additionalItems")
                            && *v == Value::Bool(false))
                    {
                        return false;
                    }
                    stack.push(v);
                }
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    true
}

/// Pointers to the first hidden element of each array of `value` longer than `keep`, as long as
/// there are at most `limit` of them (`None` past that); and how many elements are hidden.
pub fn first_hidden(value: &Value, keep: usize, limit: usize) -> Option<(Vec<String>, usize)> {
    let mut out = Vec::new();
    let mut hidden = 0usize;
    let mut stack: Vec<(String, &Value)> = vec![(String::new(), value)];
    while let Some((pointer, v)) = stack.pop() {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    if matches!(v, Value::Object(_) | Value::Array(_)) {
                        let token = k.replace('~', "~0").replace('/', "~1");
                        stack.push((format!("{pointer}/{token}"), v));
                    }
                }
            }
            Value::Array(items) => {
                if items.len() > keep {
                    out.push(format!("{pointer}/{keep}"));
                    hidden = hidden.saturating_add(items.len() - keep);
                    if out.len() > limit {
                        return None;
                    }
                }
                for (i, v) in items.iter().enumerate().take(keep) {
                    if matches!(v, Value::Object(_) | Value::Array(_)) {
                        stack.push((format!("{pointer}/{i}"), v));
                    }
                }
            }
            _ => {}
        }
    }
    Some((out, hidden))
}

/// Elements of each array shown at first, per finding wanted.
const KEEP_PER_FINDING: usize = 4;

/// Arrays longer than the window beyond which the whole payload is validated instead.
const MAX_CUT_ARRAYS: usize = 256;

/// The `cap` violations of `value` that come first in the source, how many violations were
/// found before the first element left out (at least that many in all), and how many elements
/// were left out unchecked, through `validator`
/// (compiled for [`Capped`] from a [`windowable`] schema). `None` when nothing of `value` would
/// be left out, or too much: then the whole payload is validated instead.
pub fn first_violations<'v>(
    validator: &'v Validator<Capped>,
    value: &'v Value,
    cap: usize,
) -> Option<(Vec<ValidationError<'v>>, usize, usize)> {
    let mut keep = cap.max(16).saturating_mul(KEEP_PER_FINDING);
    loop {
        let (hidden, unchecked) = first_hidden(value, keep, MAX_CUT_ARRAYS)?;
        if hidden.is_empty() {
            return None;
        }
        let mut order = Ranks::default();
        let cut = hidden.iter().map(|p| order.key(value, p)).min()?;
        let before: Vec<ValidationError<'v>> = validator
            .iter_errors(CappedNode::new(value, keep))
            .filter(|e| order.key(value, e.instance_path().as_str()) < cut)
            .collect();
        if before.len() >= cap {
            let found = before.len();
            let (first, _) = first_in_source_order(
                before,
                |e| e.instance_path().as_str().to_string(),
                value,
                cap,
            );
            return Some((first, found, unchecked));
        }
        // Not enough before the cut: look further.
        keep = keep.saturating_mul(8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schemas_with_branches_or_cross_element_keywords_are_not_windowed() {
        assert!(windowable(&json!({"properties": {"a": {"type": "array",
            "items": {"type": "string"}, "uniqueItems": true, "maxItems": 3}}})));
        for bad in [
            json!({"anyOf": [{}]}),
            json!({"properties": {"a": {"contains": {}}}}),
            json!({"items": [{}], "additionalItems": false}),
            json!({"$defs": {"x": {"if": {}}}}),
        ] {
            assert!(!windowable(&bad), "{bad}");
        }
    }

    #[test]
    fn arrays_show_their_first_elements_and_their_true_length() {
        let v = json!({"a": [1, 2, 3, 4, 5], "b": {"c": [[1, 2, 3]]}});
        let node = CappedNode::new(&v, 2);
        let a = node.as_object().unwrap().get(&"a".to_string()).unwrap();
        let a = a.as_array().unwrap();
        assert_eq!(a.len(), 5);
        assert_eq!(a.elements().count(), 2);
        let (cuts, hidden) = first_hidden(&v, 2, 10).unwrap();
        assert_eq!(
            (cuts, hidden),
            (vec!["/b/c/0/2".to_string(), "/a/2".into()], 4)
        );
        assert_eq!(first_hidden(&v, 2, 1), None);
        assert_eq!(first_hidden(&v, 5, 10).unwrap(), (vec![], 0));
    }

    #[test]
    fn violations_match_the_whole_payloads_before_the_cut() {
        let schema = json!({"properties": {"a": {"items": {"type": "string"}, "maxItems": 2},
            "z": {"type": "string"}}});
        let whole = jsonschema::validator_for(&schema).unwrap();
        let capped = jsonschema::options_for::<Capped>().build(&schema).unwrap();
        let v = json!({"a": [1, "x", 2, 3, 4, 5], "z": 1});
        let all: Vec<String> = whole
            .iter_errors(&v)
            .map(|e| e.instance_path().as_str().to_string())
            .collect();
        let seen: Vec<String> = capped
            .iter_errors(CappedNode::new(&v, 3))
            .map(|e| e.instance_path().as_str().to_string())
            .collect();
        assert_eq!(all, ["/a", "/a/0", "/a/2", "/a/3", "/a/4", "/a/5", "/z"]);
        assert_eq!(seen, ["/a", "/a/0", "/a/2", "/z"]);
    }

    #[test]
    fn the_first_violations_are_the_whole_payloads() {
        let schema = json!({"properties": {
            "a": {"items": {"type": "string"}},
            "b": {"items": {"items": {"type": "integer"}}},
            "z": {"type": "string"}}});
        let whole = jsonschema::validator_for(&schema).unwrap();
        let capped = jsonschema::options_for::<Capped>().build(&schema).unwrap();
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
            let paths = |errors: Vec<ValidationError<'_>>| -> Vec<String> {
                errors
                    .iter()
                    .map(|e| e.instance_path().as_str().to_string())
                    .collect()
            };
            for cap in [1, 3, 20] {
                let (exact, total) = first_in_source_order(
                    whole.iter_errors(&v),
                    |e| e.instance_path().as_str().to_string(),
                    &v,
                    cap,
                );
                match first_violations(&capped, &v, cap) {
                    Some((first, found, unchecked)) => {
                        assert_eq!(paths(first), paths(exact), "cap {cap}: {v}");
                        assert!(found <= total && unchecked > 0);
                    }
                    // The window widened to the whole payload: validated whole instead.
                    None => assert!(v["a"].as_array().unwrap().len() > 20000, "{v}"),
                }
            }
        }
    }
}

//! What the diff walk compares: a parsed value, or a large payload read through its bytes
//! ([`DocValue`]), so that comparing two payloads of millions of values never parses them into
//! millions of `serde_json::Value`s. Either side may be either kind.

use std::borrow::Cow;
use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Map, Number, Value};

use crate::input::doc::{DocValue, Kind};
use crate::model::finding::{MAX_VALUE_CHARS, show_value};

/// One value of a compared payload.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    /// A parsed value.
    Value(&'a Value),
    /// A value read through the payload's bytes.
    Doc(DocValue<'a>),
}

impl PartialEq for Node<'_> {
    /// The same JSON (for tests: key order and number spelling matter as `Value`'s `==` says).
    fn eq(&self, other: &Self) -> bool {
        self.owned() == other.owned()
    }
}

impl<'a> From<&'a Value> for Node<'a> {
    fn from(v: &'a Value) -> Self {
        Node::Value(v)
    }
}

impl<'a> Node<'a> {
    /// What kind of value it is.
    pub fn kind(self) -> Kind {
        match self {
            Node::Value(v) => match v {
                Value::Null => Kind::Null,
                Value::Bool(_) => Kind::Bool,
                Value::Number(_) => Kind::Number,
                Value::String(_) => Kind::String,
                Value::Array(_) => Kind::Array,
                Value::Object(_) => Kind::Object,
            },
            Node::Doc(d) => d.kind(),
        }
    }

    /// The JSON type in JSON's data model: `null`, `boolean`, `number` (integers too),
    /// `string`, `array` or `object`.
    pub fn type_name(self) -> &'static str {
        match self.kind() {
            Kind::Null => "null",
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Array => "array",
            Kind::Object => "object",
        }
    }

    /// A string's text.
    pub fn as_str(self) -> Option<Cow<'a, str>> {
        match self {
            Node::Value(v) => v.as_str().map(Cow::Borrowed),
            Node::Doc(d) => d.as_str(),
        }
    }

    /// The parsed value, when the node is one (for tests and callers that hold values).
    pub fn as_value(self) -> Option<&'a Value> {
        match self {
            Node::Value(v) => Some(v),
            Node::Doc(_) => None,
        }
    }

    fn number(self) -> Option<Cow<'a, Number>> {
        match self {
            Node::Value(Value::Number(n)) => Some(Cow::Borrowed(n)),
            Node::Value(_) => None,
            Node::Doc(d) => d.as_number().map(Cow::Owned),
        }
    }

    fn boolean(self) -> Option<bool> {
        match self {
            Node::Value(v) => v.as_bool(),
            Node::Doc(d) => d.as_bool(),
        }
    }

    /// The value whole, as a `serde_json::Value`.
    pub fn owned(self) -> Value {
        match self {
            Node::Value(v) => v.clone(),
            Node::Doc(d) => d.to_value(),
        }
    }

    /// The value's JSON text, shortened for a message line.
    pub fn show(self) -> String {
        match self {
            Node::Value(v) => show_value(v),
            // More values than characters shown always reach the cut.
            Node::Doc(d) => show_value(&d.to_value_limited(&mut (MAX_VALUE_CHARS + 1))),
        }
    }

    /// An array's elements, in order (none for anything else).
    pub fn elements(self) -> Box<dyn Iterator<Item = Node<'a>> + 'a> {
        match self {
            Node::Value(Value::Array(items)) => Box::new(items.iter().map(Node::Value)),
            Node::Value(_) => Box::new(std::iter::empty()),
            Node::Doc(d) => Box::new(d.elements().map(Node::Doc)),
        }
    }

    /// An object's members, in order (none for anything else).
    pub fn members(self) -> Box<dyn Iterator<Item = (Cow<'a, str>, Node<'a>)> + 'a> {
        match self {
            Node::Value(Value::Object(map)) => Box::new(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Node::Value(v))),
            ),
            Node::Value(_) => Box::new(std::iter::empty()),
            Node::Doc(d) => Box::new(d.members().map(|(k, v)| (k, Node::Doc(v)))),
        }
    }

    /// An object's members by key, for looking them up while walking the other side.
    pub fn lookup(self) -> Lookup<'a> {
        match self {
            Node::Value(Value::Object(map)) => Lookup::Map(map),
            Node::Doc(d) if d.kind() == Kind::Object && d.len() > FEW_MEMBERS => {
                Lookup::Hashed(Members::new(d))
            }
            Node::Doc(d) => Lookup::Few(d),
            Node::Value(_) => Lookup::Empty,
        }
    }

    /// Whether two scalars, or a scalar and anything, are equal (containers are compared by
    /// the walk). Numbers compare by value.
    pub fn scalar_equals(self, other: Node<'_>) -> bool {
        match (self.kind(), other.kind()) {
            (Kind::Null, Kind::Null) => true,
            (Kind::Bool, Kind::Bool) => self.boolean() == other.boolean(),
            (Kind::String, Kind::String) => self.as_str() == other.as_str(),
            (Kind::Number, Kind::Number) => match (self.number(), other.number()) {
                (Some(a), Some(b)) => super::numbers_equal(&a, &b),
                _ => false,
            },
            (Kind::Array, Kind::Array) | (Kind::Object, Kind::Object) => {
                match (self, other) {
                    (Node::Value(a), Node::Value(b)) => super::values_equal(a, b),
                    // Never asked by the walk, which compares containers itself.
                    _ => self.owned() == other.owned(),
                }
            }
            _ => false,
        }
    }
}

/// Up to this many members, a member of a large payload's object is found by reading them all.
const FEW_MEMBERS: usize = 16;

/// An object's members by key.
pub enum Lookup<'a> {
    /// Not an object.
    Empty,
    /// A parsed object.
    Map(&'a Map<String, Value>),
    /// An object of few members, read in place.
    Few(DocValue<'a>),
    /// An object of many members.
    Hashed(Members<'a>),
}

/// The members of an object read through its bytes, by key: a hash table of the keys' entry
/// indices (4 bytes a member), the keys read from the bytes when compared.
pub struct Members<'a> {
    object: DocValue<'a>,
    keys: HashTable<u32>,
    state: RandomState,
}

impl<'a> Members<'a> {
    fn new(object: DocValue<'a>) -> Self {
        let state = RandomState::new();
        let mut keys = HashTable::new();
        let key_of = |i: u32| object.at(i).as_str().unwrap_or_default();
        for (k, v) in object.members() {
            // A key's entry is just before its value's.
            let at = v.index() - 1;
            keys.insert_unique(state.hash_one(k.as_ref()), at, |&i| {
                state.hash_one(key_of(i).as_ref())
            });
        }
        Members {
            object,
            keys,
            state,
        }
    }

    /// The value of the member `key` (a payload read through its bytes holds no key twice).
    fn get(&self, key: &str) -> Option<DocValue<'a>> {
        let hash = self.state.hash_one(key);
        let at = self.keys.find(hash, |&i| {
            self.object.at(i).as_str().as_deref() == Some(key)
        })?;
        Some(self.object.at(at + 1))
    }
}

impl<'a> Lookup<'a> {
    /// The member `key`'s value.
    pub fn get(&self, key: &str) -> Option<Node<'a>> {
        match self {
            Lookup::Empty => None,
            Lookup::Map(map) => map.get(key).map(Node::Value),
            Lookup::Few(d) => d.get(key).map(Node::Doc),
            Lookup::Hashed(members) => members.get(key).map(Node::Doc),
        }
    }

    /// Whether the object has the member `key`.
    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

impl Serialize for Node<'_> {
    /// The value's JSON, written from the bytes for a value read through them.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Value(v) => v.serialize(s),
            Node::Doc(d) => match d.kind() {
                Kind::Null => s.serialize_unit(),
                Kind::Bool => s.serialize_bool(d.as_bool().unwrap_or_default()),
                Kind::Number => match d.as_number() {
                    Some(n) => n.serialize(s),
                    None => s.serialize_unit(),
                },
                Kind::String => s.serialize_str(&d.as_str().unwrap_or_default()),
                Kind::Array => {
                    let mut seq = s.serialize_seq(None)?;
                    for v in d.elements() {
                        seq.serialize_element(&Node::Doc(v))?;
                    }
                    seq.end()
                }
                Kind::Object => {
                    let mut map = s.serialize_map(None)?;
                    for (k, v) in d.members() {
                        map.serialize_entry(&k, &Node::Doc(v))?;
                    }
                    map.end()
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::input::doc::Doc;

    #[test]
    fn a_value_read_through_its_bytes_says_what_its_parsed_value_says() {
        let text = r#"{"a":[1,2.50,{"b":"x\u0041"}],"n":null,"t":true,"k":{"q":-0.0}}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        let doc = Doc::build(text.as_bytes()).unwrap();
        let (v, d) = (Node::Value(&value), Node::Doc(doc.root()));
        assert_eq!(serde_json::to_string(&d).unwrap(), value.to_string());
        assert_eq!(v.show(), d.show());
        let (va, da) = (v.lookup().get("a").unwrap(), d.lookup().get("a").unwrap());
        assert_eq!(va.type_name(), da.type_name());
        let nested: Vec<_> = da.elements().collect();
        assert!(nested[1].scalar_equals(Node::Value(&json!(2.5))));
        assert!(!nested[1].scalar_equals(Node::Value(&json!("2.5"))));
        assert_eq!(nested[2].lookup().get("b").unwrap().as_str().unwrap(), "xA");
    }

    /// A value read through its bytes is written as `serde_json` writes the parsed value:
    /// `verify --reserialize` relies on it for large bodies.
    #[test]
    fn a_value_read_through_its_bytes_serializes_as_the_parsed_value() {
        let mut text = crate::sample::generate::corpus(5, 600);
        text.extend_from_slice(
            br#"{"a":1.50,"b":1e2,"c":-0,"d":"\u00e9\/\n","e":[12345678901234567890123,-1E-2],"f":{}}"#,
        );
        let mut compared = 0;
        crate::input::testing::each_record(&text, |rec| {
            let Ok(p) = rec.and_then(crate::input::parse::parse) else {
                return;
            };
            if crate::input::locate::duplicate_key(p.raw).is_some() {
                return;
            }
            let doc = Doc::build(p.raw).unwrap();
            let through_bytes = serde_json::to_vec(&Node::Doc(doc.root())).unwrap();
            assert_eq!(
                String::from_utf8(through_bytes).unwrap(),
                serde_json::to_string(&p.value).unwrap()
            );
            compared += 1;
        });
        assert!(compared > 500, "{compared}");
    }

    #[test]
    fn a_long_value_read_through_its_bytes_is_shown_cut() {
        let text = format!("[{}]", vec!["[]"; 10_000].join(","));
        let doc = Doc::build(text.as_bytes()).unwrap();
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(Node::Doc(doc.root()).show(), show_value(&value));
        let many = format!(
            "{{{}}}",
            (0..100)
                .map(|i| format!("\"k{i}\":{i}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let doc = Doc::build(many.as_bytes()).unwrap();
        let lookup = Node::Doc(doc.root()).lookup();
        assert!(matches!(lookup, Lookup::Hashed(_)));
        assert!(
            lookup
                .get("k99")
                .unwrap()
                .scalar_equals(Node::Value(&json!(99)))
        );
        assert!(!lookup.contains("k100"));
    }
}

//! A payload parsed once into a flat, borrowed tape: the quick path of `validate`.
//!
//! [`Tape::parse`] runs serde_json's parser (the same one, with the same checks, that builds a
//! `serde_json::Value`: UTF-8, escapes, lone surrogates, number range, recursion limit) but
//! writes each value as one node of a single vector instead of allocating a tree: strings
//! borrow from the input unless they hold escapes, containers record how many values they hold
//! and where their subtree ends. What `Value` parsing accepts, the tape accepts, and the other
//! way round; the tape keeps every member of an object, so it also says whether any object
//! repeats a key (where `Value` would keep only the last value, and a check must read it so).
//!
//! [`Tape::parse_fast`] (in `fast`) builds the same tape with simd-json, for what it reads as
//! serde_json does; anything else it leaves to [`Tape::parse`].

use std::borrow::Cow;
use std::fmt;
use std::hash::BuildHasher;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

mod fast;

pub use fast::{FastBuffers, QUICK_UP_TO, fast_object, quick_candidate, with_fast_tape};

/// One value of a tape.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    /// An array of `len` elements; its subtree ends before node `end`.
    Array {
        len: u32,
        end: u32,
    },
    /// An object of `len` members (each a key node, then its value); its subtree ends before
    /// node `end`.
    Object {
        len: u32,
        end: u32,
    },
}

/// A JSON value as a flat vector of nodes in source order.
#[derive(Debug, Default)]
pub struct Tape<'a> {
    nodes: Vec<Node<'a>>,
    /// Whether some object repeats a key: found while parsing, or (for a tape built whole)
    /// when asked.
    repeated: Option<bool>,
    /// While parsing: a hash of each key of the objects still open, innermost last.
    keys: Vec<u64>,
}

impl<'a> Tape<'a> {
    /// Parses one JSON value (blanks around it allowed), as `serde_json::from_slice` would.
    pub fn parse(bytes: &'a [u8]) -> Result<Tape<'a>, serde_json::Error> {
        let mut tape = Tape {
            // Most payloads hold a value for every ten bytes or so: grown at most a few times.
            nodes: Vec::with_capacity(bytes.len() / 4 + 4),
            repeated: Some(false),
            keys: Vec::with_capacity(64),
        };
        let mut de = serde_json::Deserializer::from_slice(bytes);
        Onto(&mut tape).deserialize(&mut de)?;
        de.end()?;
        Ok(tape)
    }

    /// The whole value.
    pub fn root(&self) -> At<'_> {
        At {
            nodes: &self.nodes,
            at: 0,
        }
    }

    /// Whether some object of the value repeats a key.
    pub fn has_repeated_key(&self) -> bool {
        self.repeated.unwrap_or_else(|| self.find_repeated_keys())
    }

    /// Just past the subtree of node `i`.
    fn end_of(nodes: &[Node<'_>], i: usize) -> usize {
        match nodes[i] {
            Node::Array { end, .. } | Node::Object { end, .. } => end as usize,
            _ => i + 1,
        }
    }

    /// Whether two of the last `len` keys read (one object's) are equal. Their hashes are
    /// compared first; only equal hashes compare the keys themselves.
    fn repeats(&self, at: usize, len: usize) -> bool {
        self.repeats_among(&self.keys[self.keys.len() - len..], at)
    }

    /// Whether two keys of the object at node `at`, whose hashes are `hashes`, are equal.
    fn repeats_among(&self, hashes: &[u64], at: usize) -> bool {
        let len = hashes.len();
        let twins = |i: usize, j: usize| {
            let key = |n: usize| {
                let mut k = at + 1;
                for _ in 0..n {
                    k = Tape::end_of(&self.nodes, k + 1);
                }
                &self.nodes[k]
            };
            key(i) == key(j)
        };
        if len <= 32 {
            return (0..len).any(|i| (i + 1..len).any(|j| hashes[i] == hashes[j] && twins(i, j)));
        }
        let mut sorted: Vec<(u64, usize)> = hashes.iter().copied().zip(0..).collect();
        sorted.sort_unstable();
        sorted
            .windows(2)
            .any(|w| w[0].0 == w[1].0 && twins(w[0].1, w[1].1))
    }
}

/// One value of a tape, by its place.
#[derive(Debug, Clone, Copy)]
pub struct At<'t> {
    nodes: &'t [Node<'t>],
    at: u32,
}

impl<'t> At<'t> {
    /// A value that is a lone string (not part of any tape): `nodes` holds that one node.
    pub fn single(nodes: &'t [Node<'t>]) -> At<'t> {
        At { nodes, at: 0 }
    }

    /// The node.
    pub fn node(&self) -> &'t Node<'t> {
        &self.nodes[self.at as usize]
    }

    /// Where the value is among the nodes (an identity within its tape).
    pub fn index(&self) -> u32 {
        self.at
    }

    /// The address of the nodes (with [`At::index`], an identity across tapes).
    pub fn address(&self) -> usize {
        self.nodes.as_ptr() as usize
    }

    /// A string's text.
    pub fn as_str(&self) -> Option<&'t str> {
        match self.node() {
            Node::String(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    /// A number.
    pub fn as_number(&self) -> Option<&'t Number> {
        match self.node() {
            Node::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number of elements or members of a container (0 for anything else).
    pub fn len(&self) -> usize {
        match *self.node() {
            Node::Array { len, .. } | Node::Object { len, .. } => len as usize,
            _ => 0,
        }
    }

    /// Whether the value is an empty container, or no container.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The children of a container: elements, or keys and values alternating.
    fn children(&self) -> Children<'t> {
        let at = self.at as usize;
        let end = Tape::end_of(self.nodes, at);
        Children {
            nodes: self.nodes,
            at: if end > at + 1 { at + 1 } else { end },
            end,
        }
    }

    /// An array's elements (none for anything else).
    pub fn elements(&self) -> Children<'t> {
        let mut kids = self.children();
        if !matches!(self.node(), Node::Array { .. }) {
            kids.at = kids.end;
        }
        kids
    }

    /// An object's members (none for anything else).
    pub fn members(&self) -> Members<'t> {
        let mut kids = self.children();
        if !matches!(self.node(), Node::Object { .. }) {
            kids.at = kids.end;
        }
        Members(kids)
    }

    /// The value of an object's member `key` (the last, should it repeat).
    pub fn get(&self, key: &str) -> Option<At<'t>> {
        self.members()
            .filter(|(k, _)| *k == key)
            .last()
            .map(|(_, v)| v)
    }

    /// The value as a `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        match self.node() {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(n.clone()),
            Node::String(s) => Value::String(s.to_string()),
            Node::Array { .. } => Value::Array(self.elements().map(|e| e.to_value()).collect()),
            Node::Object { .. } => {
                let mut map = Map::new();
                for (k, v) in self.members() {
                    map.insert(k.to_string(), v.to_value());
                }
                Value::Object(map)
            }
        }
    }
}

/// The children of a container, each subtree skipped through its end.
#[derive(Debug, Clone)]
pub struct Children<'t> {
    nodes: &'t [Node<'t>],
    at: usize,
    end: usize,
}

impl<'t> Iterator for Children<'t> {
    type Item = At<'t>;

    fn next(&mut self) -> Option<At<'t>> {
        if self.at >= self.end {
            return None;
        }
        let value = At {
            nodes: self.nodes,
            at: self.at as u32,
        };
        self.at = Tape::end_of(self.nodes, self.at);
        Some(value)
    }
}

/// The members of an object: each key and its value.
#[derive(Debug, Clone)]
pub struct Members<'t>(Children<'t>);

impl<'t> Iterator for Members<'t> {
    type Item = (&'t str, At<'t>);

    fn next(&mut self) -> Option<(&'t str, At<'t>)> {
        let key = self.0.next()?;
        let value = self.0.next()?;
        Some((key.as_str().unwrap_or_default(), value))
    }
}

/// Parses the next value onto the tape.
struct Onto<'t, 'a>(&'t mut Tape<'a>);

impl<'de> DeserializeSeed<'de> for Onto<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Onto<'_, 'de> {
    fn push<E>(self, node: Node<'de>) -> Result<(), E> {
        self.0.nodes.push(node);
        Ok(())
    }

    /// Counts of nodes fit 32 bits: a value of more is refused (past any size limit anyway).
    fn place<E: de::Error>(&self) -> Result<u32, E> {
        u32::try_from(self.0.nodes.len()).map_err(|_| E::custom("too many values for a tape"))
    }
}

impl<'de> Visitor<'de> for Onto<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<(), E> {
        self.push(Node::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<(), E> {
        self.push(Node::Number(n.into()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<(), E> {
        self.push(Node::Number(n.into()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<(), E> {
        // As `Value` reads it: a float that is not finite becomes null (the parser gives none).
        self.push(Number::from_f64(n).map_or(Node::Null, Node::Number))
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<(), E> {
        self.push(Node::String(Cow::Borrowed(s)))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<(), E> {
        self.push(Node::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<(), E> {
        self.push(Node::String(Cow::Owned(s)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.push(Node::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let at = self.place()? as usize;
        self.0.nodes.push(Node::Array { len: 0, end: 0 });
        let mut len = 0u32;
        while seq.next_element_seed(Onto(&mut *self.0))?.is_some() {
            len += 1;
        }
        let end = self.place()?;
        self.0.nodes[at] = Node::Array { len, end };
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let at = self.place()? as usize;
        self.0.nodes.push(Node::Object { len: 0, end: 0 });
        let mut len = 0u32;
        while map.next_key_seed(Key(&mut *self.0))?.is_some() {
            map.next_value_seed(Onto(&mut *self.0))?;
            len += 1;
        }
        let end = self.place()?;
        self.0.nodes[at] = Node::Object { len, end };
        if len > 1 && self.0.repeated == Some(false) {
            self.0.repeated = Some(self.0.repeats(at, len as usize));
        }
        let open = self.0.keys.len() - len as usize;
        self.0.keys.truncate(open);
        Ok(())
    }
}

/// Parses a member's key onto the tape.
struct Key<'t, 'a>(&'t mut Tape<'a>);

impl<'de> DeserializeSeed<'de> for Key<'_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(Onto(&mut *self.0))?;
        if let Some(Node::String(key)) = self.0.nodes.last() {
            let hash = rustc_hash::FxBuildHasher.hash_one(key.as_ref());
            self.0.keys.push(hash);
        }
        Ok(())
    }
}

/// Texts that serde_json refuses, each for another reason.
#[cfg(test)]
const REFUSED: [&[u8]; 12] = [
    b"",
    b"{",
    b"{}}",
    b"1 2",
    br#"{"a": 1e400}"#,
    br#"{"a": "\ud800"}"#,
    br#"{"\udc00": 1}"#,
    b"{\"a\": \"\xff\"}",
    b"{\"a\": \"\x00\"}",
    b"\xef\xbb\xbf{}",
    br#"{"a": tru}"#,
    br#"{"a": 01}"#,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tape_holds_what_value_parsing_gives() {
        let texts = [
            r#"{"a": [1, 2.50, -0, 1e3, true, false, null], "b": {"c": "x\"y", "d": []}, "e": {}}"#,
            r#"{"s": "\u00e9\n", "k\"ey": "é", "n": 18446744073709551615, "m": -9223372036854775808, "": ""}"#,
            "  {\n \"pretty\" :\t[\r\n 1 ,\n {} ]\n}  ",
            r#"[[[]], [{}], 1.5e-7, "", {"x": [null]}]"#,
            r#""lone""#,
            "12345678901234567890123",
        ];
        for text in texts {
            let tape = Tape::parse(text.as_bytes()).unwrap();
            let value: Value = serde_json::from_str(text).unwrap();
            assert_eq!(tape.root().to_value(), value, "{text}");
            assert!(!tape.has_repeated_key(), "{text}");
        }
    }

    #[test]
    fn what_value_parsing_refuses_the_tape_refuses() {
        let texts = REFUSED;
        for text in texts {
            assert!(serde_json::from_slice::<Value>(text).is_err());
            assert!(
                Tape::parse(text).is_err(),
                "{}",
                String::from_utf8_lossy(text)
            );
        }
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert!(serde_json::from_str::<Value>(&deep).is_err());
        assert!(Tape::parse(deep.as_bytes()).is_err());
    }

    #[test]
    fn containers_skip_their_subtrees() {
        let text = br#"{"a": [1, [2, 3], {"b": 4}], "c": "d", "n": [[[1]], 2]}"#;
        let tape = Tape::parse(text).unwrap();
        let root = tape.root();
        assert_eq!(root.len(), 3);
        let keys: Vec<&str> = root.members().map(|(k, _)| k).collect();
        assert_eq!(keys, ["a", "c", "n"]);
        let a = root.get("a").unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a.elements().count(), 3);
        assert_eq!(root.get("c").unwrap().as_str(), Some("d"));
        assert!(root.get("z").is_none());
        assert!(root.get("c").unwrap().elements().next().is_none());
        assert!(root.get("a").unwrap().members().next().is_none());
    }

    #[test]
    fn repeated_keys_are_found_at_any_depth_and_width() {
        let wide: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let wide = wide.join(",");
        for (text, repeated) in [
            (r#"{"a": 1, "a": 2}"#.to_string(), true),
            (
                r#"{"a": 1, "b": {"c": [{"d": 1, "d": 1}]}}"#.to_string(),
                true,
            ),
            (r#"{"a": {"b": 1}, "b": {"a": 1}}"#.to_string(), false),
            (r#"{"a\u0062": 1, "ab": 2}"#.to_string(), true),
            (format!("{{{wide}}}"), false),
            (format!("{{{wide}, \"k7\": 0}}"), true),
        ] {
            let tape = Tape::parse(text.as_bytes()).unwrap();
            assert_eq!(tape.has_repeated_key(), repeated, "{text}");
        }
    }
}

//! Conditions on fields ([`crate::model::filter`]) checked on a payload's bytes, before it is
//! parsed for its subcommand.
//!
//! [`keeps`] reads only the fields the conditions name, in one pass over the bytes that skips
//! every other value without building it: a top-level field costs what [`View::parse`] costs,
//! and a pointer is followed only along its own path. Strings borrow from the input unless they
//! hold escapes. Only a field that is itself an object or an array (or one that two conditions
//! read at different depths) is built, to compare its JSON text. The pass still checks the whole
//! text, so bytes that are not one JSON object are kept, for the subcommand to report.
//!
//! [`View::parse`]: crate::input::view::View::parse

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize as _;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::input::parse::parse_json;
use crate::input::view::Str;
use crate::model::filter::{Condition, Found, all_hold, array_index, json_text, resolve};

/// What a payload holds at one condition's field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf<'de> {
    /// A string, borrowed from the input unless it holds escapes.
    Str(Cow<'de, str>),
    /// Any other value, as its compact JSON text.
    Json(String),
}

impl Leaf<'_> {
    /// The leaf as a condition reads it.
    pub fn found(&self) -> Found<'_> {
        match self {
            Leaf::Str(s) => Found::String(s),
            Leaf::Json(s) => Found::Json(s),
        }
    }

    fn of(value: &Value) -> Leaf<'static> {
        match value {
            Value::String(s) => Leaf::Str(Cow::Owned(s.clone())),
            other => Leaf::Json(json_text(other)),
        }
    }
}

/// Whether the payload in `bytes` satisfies every condition. Bytes that are not one readable
/// JSON object are kept, so that they are reported.
pub fn keeps(conditions: &[Condition], bytes: &[u8]) -> bool {
    if conditions.is_empty() {
        return true;
    }
    match probe(conditions, bytes) {
        Ok(found) => {
            conditions
                .iter()
                .zip(&found)
                .all(|(c, leaf)| c.holds(leaf.as_ref().map(Leaf::found)))
                || !is_text(bytes)
        }
        // Nested deeper than the pass goes: the parser that goes deeper decides.
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            match parse_json(bytes) {
                Ok(value @ Value::Object(_)) => all_hold(conditions, &value),
                _ => true,
            }
        }
        Err(_) => true,
    }
}

/// Whether `bytes` are UTF-8. The pass skips strings without decoding them, so bytes it would
/// leave out are checked too: a string that is not UTF-8 makes the entry no payload, which is
/// reported rather than left out.
pub fn is_text(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
}

/// Reads what the payload in `bytes` (one JSON object) holds at each condition's field, in the
/// conditions' order (`None`: nothing there). As in a parsed object, the last of repeated keys
/// wins.
pub fn probe<'de>(
    conditions: &[Condition],
    bytes: &'de [u8],
) -> Result<Vec<Option<Leaf<'de>>>, serde_json::Error> {
    let mut found = vec![None; conditions.len()];
    let active: Vec<usize> = (0..conditions.len()).collect();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    (&mut de).deserialize_map(Node {
        conditions,
        active: &active,
        depth: 0,
        found: &mut found,
    })?;
    de.end()?;
    Ok(found)
}

/// A container on the path of some conditions (`active`), whose token at `depth` picks a
/// member or an element.
struct Node<'c, 'f, 'de> {
    conditions: &'c [Condition],
    active: &'c [usize],
    depth: usize,
    found: &'f mut Vec<Option<Leaf<'de>>>,
}

impl Node<'_, '_, '_> {
    /// The active conditions whose token at this depth is `wanted`.
    fn select(&self, wanted: impl Fn(&str) -> bool) -> Vec<usize> {
        self.active
            .iter()
            .copied()
            .filter(|&c| wanted(&self.conditions[c].tokens()[self.depth]))
            .collect()
    }
}

impl<'de> Visitor<'de> for Node<'_, '_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Str(key)) = map.next_key::<Str<'de>>()? {
            let selected = self.select(|token| token == key);
            if selected.is_empty() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(Member {
                conditions: self.conditions,
                selected,
                depth: self.depth,
                found: &mut *self.found,
            })?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            let selected = self.select(|token| array_index(token) == Some(index));
            let more = if selected.is_empty() {
                seq.next_element::<IgnoredAny>()?.is_some()
            } else {
                seq.next_element_seed(Member {
                    conditions: self.conditions,
                    selected,
                    depth: self.depth,
                    found: &mut *self.found,
                })?
                .is_some()
            };
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    // A scalar where the path goes on: nothing there.
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// The value of a member or element that some conditions (`selected`) reach.
struct Member<'c, 'f, 'de> {
    conditions: &'c [Condition],
    selected: Vec<usize>,
    depth: usize,
    found: &'f mut Vec<Option<Leaf<'de>>>,
}

impl<'de> DeserializeSeed<'de> for Member<'_, '_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let Member {
            conditions,
            selected,
            depth,
            found,
        } = self;
        // A repeated key: what an earlier one held no longer counts.
        for &c in &selected {
            found[c] = None;
        }
        let (ending, deeper): (Vec<usize>, Vec<usize>) = selected
            .into_iter()
            .partition(|&c| conditions[c].tokens().len() == depth + 1);
        if ending.is_empty() {
            return d.deserialize_any(Node {
                conditions,
                active: &deeper,
                depth: depth + 1,
                found,
            });
        }
        if deeper.is_empty() {
            let leaf = d.deserialize_any(LeafVisitor)?;
            for &c in &ending {
                found[c] = Some(leaf.clone());
            }
            return Ok(());
        }
        // Read here and below: the value is built once.
        let value = Value::deserialize(d)?;
        for &c in &ending {
            found[c] = Some(Leaf::of(&value));
        }
        for &c in &deeper {
            found[c] = resolve(&value, &conditions[c].tokens()[depth + 1..]).map(Leaf::of);
        }
        Ok(())
    }
}

/// Reads a field's value as a condition compares it.
struct LeafVisitor;

impl<'de> Visitor<'de> for LeafVisitor {
    type Value = Leaf<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Str(Cow::Owned(s.to_string())))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Str(Cow::Owned(s)))
    }
    // Numbers as the parsed value writes them, so both ways of reading agree.
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Json(json_text(&Value::from(n))))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Json(json_text(&Value::from(n))))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Json(json_text(&Value::from(n))))
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Json(b.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Leaf<'de>, E> {
        Ok(Leaf::Json("null".to_string()))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Leaf<'de>, A::Error> {
        let value = Value::deserialize(MapAccessDeserializer::new(map))?;
        Ok(Leaf::Json(json_text(&value)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Leaf<'de>, A::Error> {
        let value = Value::deserialize(SeqAccessDeserializer::new(seq))?;
        Ok(Leaf::Json(json_text(&value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conds(texts: &[&str]) -> Vec<Condition> {
        texts.iter().map(|t| Condition::parse(t).unwrap()).collect()
    }

    #[test]
    fn top_level_strings_borrow_from_the_input() {
        let c = conds(&["messageType=SMS", "body~x"]);
        let found = probe(&c, br#"{"body":"a\nx","messageType":"SMS"}"#).unwrap();
        assert!(matches!(found[0], Some(Leaf::Str(Cow::Borrowed("SMS")))));
        assert!(matches!(&found[1], Some(Leaf::Str(Cow::Owned(s))) if s == "a\nx"));
    }

    #[test]
    fn pointers_follow_members_and_elements() {
        let c = conds(&[
            "/attachments/1=b",
            "/meta/x=1",
            "/meta/list/0/k=v",
            "/meta=?",
            "/missing/x=1",
        ]);
        let text = br#"{"attachments":["a","b"],"meta":{"x":1,"list":[{"k":"v"}]}}"#;
        let found = probe(&c, text).unwrap();
        assert_eq!(found[0], Some(Leaf::Str(Cow::Borrowed("b"))));
        assert_eq!(found[1], Some(Leaf::Json("1".into())));
        assert_eq!(found[2], Some(Leaf::Str(Cow::Owned("v".into()))));
        assert_eq!(
            found[3],
            Some(Leaf::Json(r#"{"x":1,"list":[{"k":"v"}]}"#.into()))
        );
        assert_eq!(found[4], None);
    }

    #[test]
    fn the_last_of_repeated_keys_wins() {
        let c = conds(&["/meta/x=1", "type=a"]);
        let found = probe(&c, br#"{"meta":{"x":1},"type":"a","meta":5,"type":"b"}"#).unwrap();
        assert_eq!(found, vec![None, Some(Leaf::Str(Cow::Borrowed("b")))]);
    }

    #[test]
    fn the_pass_agrees_with_the_parsed_value() {
        let texts = [
            r#"{"messageType":"SMS","callDuration":120,"rate":1.50,"big":1e300,"neg":-0,"read":true,"x":null}"#,
            r#"{"meta":{"a/b":[1,{"k":"v\u0041"}],"e":[],"o":{}},"attachments":["u1","u2"],"": {"": 3}}"#,
            r#"{"meta":7,"attachments":{"0":"zero"},"callDuration":"120"}"#,
            r#"{"meta":{"x":1},"meta":{"y":2},"s":"é\"q"}"#,
            r#"{}"#,
        ];
        let conditions = conds(&[
            "messageType=SMS",
            "callDuration=120",
            "rate=1.5",
            "big~e300",
            "neg=0",
            "read=true",
            "x=null",
            "/meta/a~1b/1/k=vA",
            "/meta/a~1b/0=1",
            "/meta/e=[]",
            "/meta/o={}",
            "meta~\"y\"",
            "/meta/x!=1",
            "/attachments/0=u1",
            "/attachments/1~2",
            "//=3",
            "s~é\"",
        ]);
        for text in texts {
            let value: Value = serde_json::from_str(text).unwrap();
            let found = probe(&conditions, text.as_bytes()).unwrap();
            for (c, leaf) in conditions.iter().zip(&found) {
                assert_eq!(
                    c.holds(leaf.as_ref().map(Leaf::found)),
                    c.holds_in(&value),
                    "{} on {text}",
                    c.field()
                );
            }
            // One condition at a time reads the same as all at once.
            for c in &conditions {
                let one = probe(std::slice::from_ref(c), text.as_bytes()).unwrap();
                let all = &found[conditions.iter().position(|x| x == c).unwrap()];
                assert_eq!(&one[0], all, "{} on {text}", c.field());
            }
        }
    }

    #[test]
    fn bytes_that_are_not_one_object_are_kept() {
        let c = conds(&["messageType=Email"]);
        assert!(!keeps(&c, br#"{"messageType":"SMS"}"#));
        assert!(keeps(&c, br#"{"messageType":"Email"}"#));
        for bad in [
            &b"{\"messageType\":\"SMS\""[..],
            b"[{\"messageType\":\"SMS\"}]",
            b"\"SMS\"",
            b"{\"messageType\":\"SMS\"} x",
            b"{\"messageType\":\"SMS\",\"b\":\"\xff\"}",
            b"{\"messageType\":\"SMS\",\"b\":\"\x01\"}",
            b"",
        ] {
            assert!(keeps(&c, bad), "{}", String::from_utf8_lossy(bad));
        }
        assert!(keeps(&[], b"not json"));
    }

    #[test]
    fn deep_payloads_are_read_by_the_deeper_parser() {
        let deep = format!(
            "{{\"messageType\":\"SMS\",\"n\":{}1{}}}",
            "[".repeat(300),
            "]".repeat(300)
        );
        assert!(keeps(&conds(&["messageType=SMS"]), deep.as_bytes()));
        assert!(!keeps(&conds(&["messageType=Email"]), deep.as_bytes()));
    }
}

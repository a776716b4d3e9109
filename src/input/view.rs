//! A typed, borrowed view of the few fields that classification and the quick views read.
//!
//! [`View::parse`] deserializes a payload's bytes straight into this view, skipping every other
//! value without building it, so `classify` and `show --format table` do not pay for a whole
//! `serde_json::Value`. Strings borrow from the input unless they hold escapes. Fields of an
//! unexpected type (a number where a string belongs) read as absent, as they do through
//! [`View::from_map`], so both paths classify alike.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

pub use crate::model::channel::PRESENCE_FIELDS;

/// The fields the tool reads without a full parse.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct View<'a> {
    /// `messageType`, when it is a string.
    pub message_type: Option<Cow<'a, str>>,
    /// `messageTypeString`, when it is a string.
    pub type_string: Option<Cow<'a, str>>,
    /// `callStatus`, when it is a string.
    pub call_status: Option<Cow<'a, str>>,
    /// `callDuration`, when it is a number.
    pub call_duration: Option<f64>,
    /// `dateAdded`, when it is a string.
    pub date_added: Option<Cow<'a, str>>,
    /// `direction`, when it is a string.
    pub direction: Option<Cow<'a, str>>,
    /// `status`, when it is a string.
    pub status: Option<Cow<'a, str>>,
    /// `contactId`, when it is a string.
    pub contact_id: Option<Cow<'a, str>>,
    /// `messageId`, when it is a string.
    pub message_id: Option<Cow<'a, str>>,
    /// `body`, when it is a string.
    pub body: Option<Cow<'a, str>>,
    /// `type`, the event, when it is a string.
    pub event_type: Option<Cow<'a, str>>,
    /// Whether `messageType` is present and not null, whatever its type.
    pub has_message_type: bool,
    /// `messageTypeId`, when it is an integer.
    pub type_id: Option<i64>,
    /// Bit `i` is set when `PRESENCE_FIELDS[i]` is present and not null.
    pub present: u16,
}

impl<'a> View<'a> {
    /// Whether a field of [`PRESENCE_FIELDS`] is present (and not null).
    pub fn has(&self, field: &str) -> bool {
        PRESENCE_FIELDS
            .iter()
            .position(|f| *f == field)
            .is_some_and(|i| self.present & (1 << i) != 0)
    }

    /// Reads the view from a parsed payload.
    pub fn from_map(map: &'a Map<String, Value>) -> Self {
        View::from_members(map.iter())
    }

    /// Reads the view from the members of a payload's object, in order (a repeated key's last
    /// value counts), however they are held.
    pub fn from_members<K: AsRef<str>, M: Member<'a>>(
        members: impl Iterator<Item = (K, M)>,
    ) -> Self {
        // One pass over the members, matching names, rather than a hashed lookup per field.
        let mut v = View::default();
        for (key, value) in members {
            let key = key.as_ref();
            let s = || value.text().map(Cow::Borrowed);
            match key {
                "messageType" => v.message_type = s(),
                "messageTypeString" => v.type_string = s(),
                "callStatus" => v.call_status = s(),
                "dateAdded" => v.date_added = s(),
                "direction" => v.direction = s(),
                "status" => v.status = s(),
                "contactId" => v.contact_id = s(),
                "messageId" => v.message_id = s(),
                "body" => v.body = s(),
                "type" => v.event_type = s(),
                _ => {}
            }
            match key {
                "callDuration" => v.call_duration = value.float(),
                "messageTypeId" => v.type_id = value.integer(),
                "messageType" => v.has_message_type = !value.null(),
                _ => {}
            }
            v.set_present(key, !value.null());
        }
        v
    }

    /// Parses the view from a payload's bytes, which must hold one JSON object that parses
    /// into a `serde_json::Value`: the values it skips are still decoded ([`Skip`]), so invalid
    /// UTF-8, a lone surrogate or an out-of-range number anywhere fails it. A payload nested
    /// deeper than the parser's recursion limit (128) fails too; see [`View::skim`].
    pub fn parse(bytes: &'a [u8]) -> Result<Self, serde_json::Error> {
        Self::read::<true>(bytes)
    }

    /// Parses the view from a payload's bytes, skipping the values it does not read without
    /// decoding them (so at any depth): the syntax is checked, but not the UTF-8 of the
    /// strings skipped, their escapes or the range of the numbers skipped.
    pub fn skim(bytes: &'a [u8]) -> Result<Self, serde_json::Error> {
        Self::read::<false>(bytes)
    }

    fn read<const CHECKED: bool>(bytes: &'a [u8]) -> Result<Self, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let view = (&mut de).deserialize_map(ViewVisitor::<CHECKED>)?;
        de.end()?;
        Ok(view)
    }
}

/// A member's value as [`View::from_members`] reads it.
pub trait Member<'a> {
    /// The string, when it is one.
    fn text(&self) -> Option<&'a str>;
    /// The number as a float, when it is one.
    fn float(&self) -> Option<f64>;
    /// The number as an `i64`, when it is an integer that fits.
    fn integer(&self) -> Option<i64>;
    /// Whether it is null.
    fn null(&self) -> bool;
}

impl<'a> Member<'a> for &'a Value {
    fn text(&self) -> Option<&'a str> {
        self.as_str()
    }
    fn float(&self) -> Option<f64> {
        self.as_f64()
    }
    fn integer(&self) -> Option<i64> {
        self.as_i64()
    }
    fn null(&self) -> bool {
        self.is_null()
    }
}

impl<'a> Member<'a> for crate::input::tape::At<'a> {
    fn text(&self) -> Option<&'a str> {
        self.as_str()
    }
    fn float(&self) -> Option<f64> {
        self.as_number().and_then(serde_json::Number::as_f64)
    }
    fn integer(&self) -> Option<i64> {
        self.as_number().and_then(serde_json::Number::as_i64)
    }
    fn null(&self) -> bool {
        matches!(self.node(), crate::input::tape::Node::Null)
    }
}

/// Reads the fields of a view; the others are skipped, decoded or not (`CHECKED`).
struct ViewVisitor<const CHECKED: bool>;

/// Skips the next value of `map`, decoding it when `CHECKED`.
fn skip_value<'de, A: MapAccess<'de>, const CHECKED: bool>(map: &mut A) -> Result<(), A::Error> {
    if CHECKED {
        map.next_value::<Skip>()?;
    } else {
        map.next_value::<IgnoredAny>()?;
    }
    Ok(())
}

impl<'de, const CHECKED: bool> Visitor<'de> for ViewVisitor<CHECKED> {
    type Value = View<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<View<'de>, A::Error> {
        let mut v = View::default();
        while let Some(Str(key)) = map.next_key::<Str<'de>>()? {
            let key = key.as_ref();
            let read = matches!(
                key,
                "messageType"
                    | "messageTypeString"
                    | "dateAdded"
                    | "direction"
                    | "status"
                    | "contactId"
                    | "messageId"
                    | "body"
                    | "type"
                    | "messageTypeId"
            ) || presence_bit(key).is_some();
            if !read {
                skip_value::<A, CHECKED>(&mut map)?;
                continue;
            }
            // A repeated key overwrites: the last one wins, as in a parsed map.
            let any = map.next_value::<Any<'de, CHECKED>>()?;
            v.set_present(key, !any.null);
            match key {
                "messageType" => v.message_type = any.string,
                "messageTypeString" => v.type_string = any.string,
                "callStatus" => v.call_status = any.string,
                "callDuration" => v.call_duration = any.number,
                "dateAdded" => v.date_added = any.string,
                "direction" => v.direction = any.string,
                "status" => v.status = any.string,
                "contactId" => v.contact_id = any.string,
                "messageId" => v.message_id = any.string,
                "body" => v.body = any.string,
                "type" => v.event_type = any.string,
                "messageTypeId" => v.type_id = any.integer,
                _ => {}
            }
            if key == "messageType" {
                v.has_message_type = !any.null;
            }
        }
        Ok(v)
    }
}

impl View<'_> {
    fn set_present(&mut self, field: &str, yes: bool) {
        if let Some(i) = presence_bit(field) {
            if yes {
                self.present |= 1 << i;
            } else {
                self.present &= !(1 << i);
            }
        }
    }
}

/// The bit of a field of [`PRESENCE_FIELDS`]: one string match, since every member of every
/// payload asks.
fn presence_bit(field: &str) -> Option<usize> {
    Some(match field {
        "callDuration" => 0,
        "callStatus" => 1,
        "emailMessageId" => 2,
        "threadId" => 3,
        "subject" => 4,
        "cc" => 5,
        "bcc" => 6,
        "ccList" => 7,
        "bccList" => 8,
        "chatWidgetId" => 9,
        _ => return None,
    })
}

/// A value read and dropped. Unlike serde's `IgnoredAny`, which skips over strings and
/// numbers, every string is decoded (so it must be UTF-8 with whole escapes, no lone surrogate)
/// and every number converted (so it must be in range): a view accepts exactly the payloads that
/// parse into a `serde_json::Value`, in one pass.
pub(crate) struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Skip;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
                Ok(Skip)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
                while seq.next_element::<Skip>()?.is_some() {}
                Ok(Skip)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
                while map.next_entry::<Skip, Skip>()?.is_some() {}
                Ok(Skip)
            }
        }
        d.deserialize_any(V)
    }
}

/// A string that borrows from the input when it can.
pub(crate) struct Str<'de>(pub(crate) Cow<'de, str>);

impl<'de> Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s.to_string())))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s)))
            }
        }
        d.deserialize_str(V)
    }
}

/// Any value: its string or number if it is one, whether it is null; anything else is skipped
/// (decoded when `CHECKED`).
#[derive(Default)]
struct Any<'de, const CHECKED: bool> {
    string: Option<Cow<'de, str>>,
    number: Option<f64>,
    integer: Option<i64>,
    null: bool,
}

impl<'de, const CHECKED: bool> Deserialize<'de> for Any<'de, CHECKED> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const CHECKED: bool>;
        impl<'de, const CHECKED: bool> Visitor<'de> for V<CHECKED> {
            type Value = Any<'de, CHECKED>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
                Ok(Any {
                    string: Some(Cow::Borrowed(s)),
                    ..Any::default()
                })
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(Any {
                    string: Some(Cow::Owned(s.to_string())),
                    ..Any::default()
                })
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
                Ok(Any {
                    string: Some(Cow::Owned(s)),
                    ..Any::default()
                })
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
                Ok(Any {
                    number: Some(n as f64),
                    integer: i64::try_from(n).ok(),
                    ..Any::default()
                })
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
                Ok(Any {
                    number: Some(n as f64),
                    integer: Some(n),
                    ..Any::default()
                })
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Self::Value, E> {
                Ok(Any {
                    number: Some(n),
                    ..Any::default()
                })
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Any::default())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Any {
                    null: true,
                    ..Any::default()
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                if CHECKED {
                    while seq.next_element::<Skip>()?.is_some() {}
                } else {
                    while seq.next_element::<IgnoredAny>()?.is_some() {}
                }
                Ok(Any::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                if CHECKED {
                    while map.next_entry::<Skip, Skip>()?.is_some() {}
                } else {
                    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                }
                Ok(Any::default())
            }
        }
        d.deserialize_any(V::<CHECKED>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_from_map_agree() {
        let texts = [
            r#"{"messageType":"SMS","body":"hi \"there\"","callDuration":12.5,"subject":null,"cc":[1,{"a":2}],"x":{"messageType":"nested"}}"#,
            r#"{"type":"InboundMessage","messageTypeId":10,"messageType":5,"messageTypeString":"TYPE_CALL","callStatus":"completed","callDuration":"120","direction":"outbound","status":"completed","contactId":"c","messageId":"m","dateAdded":"2024-01-01T00:00:00Z"}"#,
            r#"{"messageType":"Email","messageType":"SMS","emailMessageId":"x","chatWidgetId":null}"#,
            r#"{}"#,
            r#"{"type":"SMS","messageType":null,"messageTypeId":1.5}"#,
            r#"{"type":7,"messageTypeId":"2","messageTypeId":22}"#,
        ];
        for t in texts {
            let value: Value = serde_json::from_str(t).unwrap();
            let from_map = View::from_map(value.as_object().unwrap());
            let parsed = View::parse(t.as_bytes()).unwrap();
            assert_eq!(parsed, from_map, "{t}");
        }
    }

    /// The views of every record of `text`, through [`with_view`] and through [`parse_view`],
    /// are equal, and so are their faults. Returns how many records simd-json's tape read.
    fn both_readings_agree(text: &[u8]) -> usize {
        let mut fast = 0;
        crate::input::testing::each_record(text, |rec| {
            let Ok(rec) = rec else { return };
            if crate::input::tape::quick_candidate(&rec)
                && crate::input::tape::with_fast_tape(rec.bytes, |t| t.is_some())
            {
                fast += 1;
            }
            // Compared as text: a string borrowed or owned reads the same.
            let slow = crate::input::parse::parse_view(&rec).map(|v| format!("{v:?}"));
            let quick = crate::input::parse::with_view(&rec, |v| format!("{v:?}"));
            match (quick, slow) {
                (Ok(q), Ok(s)) => assert_eq!(q, s, "{}", String::from_utf8_lossy(rec.bytes)),
                (Err(q), Err(s)) => assert_eq!(format!("{q:?}"), format!("{s:?}")),
                (q, s) => panic!(
                    "{q:?} against {s:?}: {}",
                    String::from_utf8_lossy(rec.bytes)
                ),
            }
        });
        fast
    }

    #[test]
    fn the_view_from_the_fast_tape_is_the_parsed_view() {
        let texts = [
            r#"{"messageType":"SMS","body":"hi \"there\"","subject":null,"cc":[1,{"a":2}],"x":{"messageType":"nested"}}"#,
            r#"{"type":"InboundMessage","messageTypeId":10,"messageType":5,"messageTypeString":"TYPE_CALL","callStatus":"completed","callDuration":120,"direction":"outbound","status":"completed","contactId":"c","messageId":"m","dateAdded":"2024-01-01T00:00:00Z"}"#,
            r#"{"messageType":"Email","messageType":"SMS","emailMessageId":"x","chatWidgetId":null}"#,
            r#"{"type":7,"messageTypeId":"2","messageTypeId":22,"callDuration":-0}"#,
            r#"{"messageType":"SMS","body":"\ud800"}"#,
            r#"{"messageType":"SMS","callDuration":1e400}"#,
            r#"{"messageType":"SMS","body":"\u00e9\u0000"}"#,
            r#"["not", "an", "object"]"#,
            r#"{"messageType":"SMS"} trailing"#,
            r#"{"messageType":"SMS","#,
        ];
        let fast: usize = texts
            .iter()
            .map(|t| both_readings_agree(t.as_bytes()))
            .sum();
        assert!(fast >= 4, "{fast} records read from simd-json's tape");
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("samples"), root.join("tests/fixtures")];
        let (mut files, mut fast) = (0, 0);
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    fast += both_readings_agree(&std::fs::read(&path).unwrap());
                    files += 1;
                }
            }
        }
        assert!(files > 50, "{files} files read");
        assert!(fast > 50, "{fast} records read from simd-json's tape");
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let v = View::parse(br#"{"messageType":"SMS","body":"a\nb"}"#).unwrap();
        assert!(matches!(v.message_type, Some(Cow::Borrowed("SMS"))));
        assert!(matches!(v.body, Some(Cow::Owned(ref s)) if s == "a\nb"));
    }

    #[test]
    fn presence_bits_follow_the_field_list() {
        for (i, f) in PRESENCE_FIELDS.iter().enumerate() {
            assert_eq!(presence_bit(f), Some(i), "{f}");
        }
        assert_eq!(presence_bit("body"), None);
    }

    #[test]
    fn presence_ignores_null() {
        let v = View::parse(br#"{"subject":null,"cc":"x","callStatus":null}"#).unwrap();
        assert!(!v.has("subject"));
        assert!(v.has("cc"));
        assert!(!v.has("callStatus"));
        assert!(!v.has("notAField"));
    }

    #[test]
    fn a_view_accepts_what_a_value_accepts() {
        let texts: [&[u8]; 14] = [
            br#"{"a":"\ud800"}"#,
            br#"{"a":["x","\udc00y"]}"#,
            br#"{"messageType":"\ud83d\ude00"}"#,
            br#"{"a":1e400}"#,
            br#"{"a":{"b":-1e400}}"#,
            br#"{"a":1e308,"b":-0.0,"c":18446744073709551616}"#,
            b"{\"a\":\"\xff\"}",
            b"{\"\xc3\":1}",
            br#"{"a":[1,2,{"b":"\u00e9"}],"c":null,"d":true}"#,
            br#"{"a":"\x"}"#,
            br#"{"a":"\u12"}"#,
            b"{\"a\":\"\0\"}",
            br#"{"a":01}"#,
            br#"{"a":1.}"#,
        ];
        for t in texts {
            let value = serde_json::from_slice::<Value>(t);
            let view = View::parse(t);
            assert_eq!(
                value.is_ok(),
                view.is_ok(),
                "{}: value {value:?}, view {view:?}",
                String::from_utf8_lossy(t)
            );
        }
        let huge = format!("{{\"a\":{}}}", "9".repeat(400));
        assert!(View::parse(huge.as_bytes()).is_err());
        assert!(serde_json::from_str::<Value>(&huge).is_err());
    }

    #[test]
    fn invalid_json_and_trailing_bytes_fail() {
        assert!(View::parse(b"{\"a\":").is_err());
        assert!(View::parse(b"{} x").is_err());
        assert!(View::parse(b"[1]").is_err());
    }
}

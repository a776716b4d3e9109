//! A payload: where it came from, its raw bytes, and the parsed object. Entries of a source that
//! are not payloads (invalid JSON, a value that is not an object, an oversized value, a structural
//! problem in the stream) become a [`Fault`] with one error diagnostic.

use serde_json::{Map, Value};

use crate::input::capture::Delivery;
use crate::input::syntax::describe_syntax_error;
use crate::input::text::{first_line, line_span, looks_like};
use crate::input::{Record, RecordStatus, StreamFault};
use crate::model::finding::{
    Fault, Limit, RULE_JSON, RULE_NOT_OBJECT, RULE_TOO_DEEP, RULE_TOO_LARGE, show_value,
    typed_value,
};
use std::cell::{Cell, OnceCell};
use std::collections::HashMap;

use crate::input::doc::{Doc, Kind};
use crate::input::locate::{
    has_lone_surrogate, has_out_of_range_number, locate, pointer_tokens, positions,
    top_level_members,
};
use crate::input::tape::{Node, fast_object, quick_candidate, with_fast_tape};
use crate::input::view::View;
use crate::model::origin::{Origin, Position, count_chars};

/// A parsed payload.
#[derive(Debug)]
pub struct Payload<'a> {
    /// Where it starts.
    pub origin: Origin,
    /// Its bytes exactly as read.
    pub raw: &'a [u8],
    /// The parsed value; always an object.
    pub value: Value,
    /// Headers and the like, when the payload is the body of a captured delivery.
    pub delivery: Option<Box<Delivery>>,
    /// Members of the top-level object in the bytes, repeated keys included, when known.
    pub members: Option<u32>,
    /// Whether `value` holds only the small members whole: a large payload read by
    /// [`parse_shallow`], whose schema check reads the bytes through a [`Doc`] instead.
    pub shallow: bool,
    /// Position lookups made without the index so far.
    lookups: Cell<u32>,
    /// Built once lookups are many: makes each further lookup cheap.
    index: OnceCell<PositionIndex>,
}

/// Position lookups that scan the payload's bytes before an index is built for the rest.
const DIRECT_LOOKUPS: u32 = 8;

/// Where the lines and the top-level members of a payload's bytes are.
#[derive(Debug)]
struct PositionIndex {
    /// Whether the bytes are ASCII (then columns are byte distances).
    ascii: bool,
    /// Offsets of the line breaks.
    newlines: Vec<usize>,
    /// Top-level key to the offset of its (last) value.
    members: HashMap<String, usize>,
}

impl Payload<'_> {
    /// The payload's top-level fields.
    pub fn fields(&self) -> &Map<String, Value> {
        match &self.value {
            Value::Object(map) => map,
            _ => unreachable!("a payload is always an object"),
        }
    }

    /// Top-level keys that appear more than once, each with the offsets of all its values, in
    /// order (the parsed value keeps the last). Cheap when the reader counted the members and
    /// none repeats.
    pub fn duplicate_keys(&self) -> Vec<(String, Vec<usize>)> {
        if self
            .members
            .is_some_and(|n| n as usize <= self.fields().len())
        {
            return Vec::new();
        }
        let mut seen: Vec<(String, Vec<usize>)> = Vec::new();
        for (key, offset) in top_level_members(self.raw) {
            match seen.iter_mut().find(|(k, _)| *k == key) {
                Some((_, offsets)) => offsets.push(offset),
                None => seen.push((key, vec![offset])),
            }
        }
        seen.retain(|(_, offsets)| offsets.len() > 1);
        seen
    }

    /// The position of a byte offset in the payload's bytes.
    pub fn position_at_offset(&self, offset: usize) -> Position {
        self.origin
            .position
            .advance(&self.raw[..offset.min(self.raw.len())])
    }

    /// `payload` with its whole parsed `value` (for a shallow one).
    pub fn whole<'p>(payload: &Payload<'p>, value: Value) -> Payload<'p> {
        Payload {
            origin: payload.origin.clone(),
            raw: payload.raw,
            value,
            delivery: payload.delivery.clone(),
            members: payload.members,
            shallow: false,
            lookups: Cell::new(0),
            index: OnceCell::new(),
        }
    }

    /// The positions of byte offsets in the payload's bytes, found in one walk of them.
    pub fn positions_at_offsets(&self, offsets: &[usize]) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![self.origin.position; offsets.len()];
        let (mut at, mut position) = (0, self.origin.position);
        for i in order {
            let offset = offsets[i].min(self.raw.len());
            position = position.advance(&self.raw[at..offset]);
            at = offset;
            out[i] = position;
        }
        out
    }

    /// Where the value at `pointer` starts in the source, or the payload's start when the value is
    /// absent.
    pub fn position_of(&self, pointer: &str) -> Position {
        // A few lookups scan the bytes directly; past that, one index serves them all.
        if self.index.get().is_none() && self.lookups.get() < DIRECT_LOOKUPS {
            self.lookups.set(self.lookups.get() + 1);
            return match locate(self.raw, pointer) {
                Some(offset) => self.position_at_offset(offset),
                None => self.origin.position,
            };
        }
        let index = self.index();
        let tokens = pointer_tokens(pointer);
        let offset = match tokens.as_slice() {
            [key] => index.members.get(key).copied(),
            _ => locate(self.raw, pointer),
        };
        match offset {
            Some(offset) => self.position_in(index, offset),
            None => self.origin.position,
        }
    }

    /// Where the values at `pointers` start (the payload's start for an absent value), found in
    /// one walk of the bytes: linear in the payload's size, however many pointers.
    pub fn positions_of(&self, pointers: &[&str]) -> Vec<Position> {
        positions(self.raw, self.origin.position, pointers)
    }

    fn index(&self) -> &PositionIndex {
        self.index.get_or_init(|| PositionIndex {
            ascii: self.raw.is_ascii(),
            newlines: memchr::memchr_iter(b'\n', self.raw).collect(),
            members: top_level_members(self.raw).into_iter().collect(),
        })
    }

    /// The position of a byte offset, through the index.
    fn position_in(&self, index: &PositionIndex, offset: usize) -> Position {
        let chars = |from: usize| {
            if index.ascii {
                (offset - from) as u64
            } else {
                count_chars(&self.raw[from..offset])
            }
        };
        match index.newlines.partition_point(|&n| n < offset) {
            0 => Position::new(self.origin.line(), self.origin.column() + chars(0)),
            lines => {
                let line_start = index.newlines[lines - 1] + 1;
                Position::new(self.origin.line() + lines as u64, 1 + chars(line_start))
            }
        }
    }
}

impl From<StreamFault> for Fault {
    fn from(f: StreamFault) -> Self {
        let position = f.origin.position;
        let fault = Fault::new(f.origin, f.rule, Some(position), f.message);
        match f.limit {
            Some(limit) => fault.with_limit(limit),
            None => fault,
        }
    }
}

/// Parses a record into a payload, or explains why it is not one.
pub fn parse(record: Record<'_>) -> Result<Payload<'_>, Fault> {
    let Record {
        origin,
        bytes,
        status,
        delivery,
        deep,
        members,
    } = record;
    if let RecordStatus::TooLarge { size, limit } = status {
        let message = format!("payload is {size} bytes, larger than the limit of {limit} bytes");
        return Err(fault(origin, RULE_TOO_LARGE, None, message).with_limit(Limit::PayloadSize));
    }
    if let RecordStatus::TooDeep { limit } = status {
        let message = format!("payload nests deeper than {limit} levels");
        return Err(fault(origin, RULE_TOO_DEEP, None, message).with_limit(Limit::Depth));
    }
    let parsed = if deep {
        parse_unbounded(bytes)
    } else {
        serde_json::from_slice::<Value>(bytes)
    };
    match parsed {
        // Only an HTTP body can parse and still be cut short of its Content-Length.
        Ok(_) if matches!(status, RecordStatus::Truncated { .. }) => {
            let message =
                "truncated body: it is shorter than its Content-Length, so the capture was cut"
                    .to_string();
            Err(fault(origin, RULE_JSON, None, message))
        }
        Ok(value @ Value::Object(_)) => Ok(Payload {
            origin,
            raw: bytes,
            value,
            delivery,
            members,
            shallow: false,
            lookups: Cell::new(0),
            index: OnceCell::new(),
        }),
        Ok(other) => {
            let message = format!(
                "expected a JSON object (an OutboundMessage payload), found {}",
                typed_value(&other)
            );
            Err(fault(origin, RULE_NOT_OBJECT, None, message))
        }
        Err(_) if looks_like(bytes).is_some() => {
            // Text that is clearly something else: one finding for the block, naming it.
            let what = looks_like(bytes).unwrap_or_default();
            let message = format!(
                "this looks like {what}, not a JSON payload ({}): found text {}",
                line_span(origin.line(), bytes),
                show_value(&Value::String(first_line(bytes)))
            );
            Err(fault(origin, RULE_JSON, None, message))
        }
        Err(_)
            if !bytes
                .first()
                .is_some_and(|b| b"{[\"-0123456789".contains(b)) =>
        {
            // Text that is not JSON at all (`trailing words`, NUL bytes): say what was found.
            let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
            let span = if memchr::memchr(b'\n', bytes.trim_ascii_end()).is_some() {
                format!(" ({})", line_span(origin.line(), bytes))
            } else {
                String::new()
            };
            let message = format!(
                "expected a JSON object (an OutboundMessage payload), found text{span} {}",
                show_value(&Value::String(text.trim_end().to_string()))
            );
            Err(fault(origin, RULE_JSON, None, message))
        }
        Err(err) => {
            let (offset, mut message) = describe_syntax_error(&err, bytes);
            match status {
                RecordStatus::Truncated {
                    resumed_at: Some(resumed),
                } => {
                    let at = origin.position.advance(&bytes[..offset]);
                    if resumed.line == at.line {
                        let column = resumed.column;
                        message.push_str(&format!("; reading resumes at column {column}"));
                    } else {
                        let line = resumed.line;
                        message.push_str(&format!("; reading resumes at line {line}"));
                    }
                }
                RecordStatus::Truncated { resumed_at: None } => {
                    // Lines after the cut were read as part of it, as no payload started
                    // on them: say which.
                    let breaks = memchr::memchr_iter(b'\n', bytes.trim_ascii_end()).count();
                    let last = origin.line() + breaks as u64;
                    let cut = origin.position.advance(&bytes[..offset]).line;
                    if last > cut {
                        message.push_str(&format!(
                            "; lines {}-{last} after it start no payload and are skipped with it",
                            cut + 1
                        ));
                    }
                }
                _ => {}
            }
            let at = origin.position.advance(&bytes[..offset]);
            let f = fault(origin, RULE_JSON, Some(at), message);
            if err.to_string().starts_with("recursion limit exceeded") {
                return Err(f.with_limit(Limit::Depth));
            }
            Err(f)
        }
    }
}

/// Payloads at least this large (in bytes) are read by [`parse_shallow`] without a value for
/// their large members.
pub const SHALLOW_ABOVE: usize = 1 << 20;

/// A member of a shallow payload larger than this (in bytes of text), when an array or object,
/// is held cut to its first [`SHALLOW_VALUES`] values: present, of its type, and costing little.
const SHALLOW_MEMBER: usize = 64 << 10;

/// The values kept of each large member of a shallow payload.
const SHALLOW_VALUES: usize = 10_000;

/// Parses a record for a check that reads its large members only through the bytes (the
/// schema check, through a [`Doc`]): a payload of at least `above` bytes gets a value of its
/// top-level members where a large array or object is cut to its first values, so that a
/// payload of millions of small values never becomes millions of 72-byte values. Anything
/// else, and any payload the shortcut cannot vouch for (invalid JSON, a repeated key at any
/// depth, a limit passed), is read by [`parse`].
pub fn parse_shallow(record: Record<'_>, above: usize) -> Result<Payload<'_>, Fault> {
    let bytes = record.bytes;
    if bytes.len() < above
        || record.status != RecordStatus::Complete
        || std::str::from_utf8(bytes).is_err()
        || View::parse(bytes).is_err()
        || has_out_of_range_number(bytes)
        || has_lone_surrogate(bytes)
        || crate::input::locate::duplicate_key(bytes).is_some()
    {
        return parse(record);
    }
    let Some(doc) = Doc::build(bytes) else {
        return parse(record);
    };
    let mut map = Map::new();
    for (key, value) in doc.root().members() {
        let large = matches!(value.kind(), Kind::Array | Kind::Object)
            && value.text().len() > SHALLOW_MEMBER;
        let value = if large {
            value.to_value_limited(&mut SHALLOW_VALUES.clone())
        } else {
            value.to_value()
        };
        map.insert(key.into_owned(), value);
    }
    Ok(Payload {
        origin: record.origin,
        raw: bytes,
        value: Value::Object(map),
        delivery: record.delivery,
        members: record.members,
        shallow: true,
        lookups: Cell::new(0),
        index: OnceCell::new(),
    })
}

/// Parses only the [`View`] of a record (the fields classification and the quick views read),
/// skipping everything else. A record that is not a valid JSON object gets the same fault as from
/// [`parse`].
pub fn parse_view<'a>(record: &Record<'a>) -> Result<View<'a>, Fault> {
    // The view decodes every string and number it skips, so it accepts what `parse` accepts:
    // one rule for every reading of a payload. Past the parser's recursion limit, the view
    // skims and the same rules are checked on the bytes.
    let view = match record.status {
        RecordStatus::Complete if record.deep => View::skim(record.bytes).ok().filter(|_| {
            std::str::from_utf8(record.bytes).is_ok()
                && !has_out_of_range_number(record.bytes)
                && !has_lone_surrogate(record.bytes)
        }),
        RecordStatus::Complete => View::parse(record.bytes).ok(),
        _ => None,
    };
    if let Some(view) = view {
        return Ok(view);
    }
    // The slow path explains what is wrong.
    match parse(record.clone()) {
        Err(f) => Err(f),
        Ok(p) => {
            let message = "the payload could not be read".to_string();
            Err(fault(p.origin, RULE_JSON, None, message))
        }
    }
}

/// Runs `f` on the [`View`] of a record, or gives the fault of [`parse_view`]. The view of a
/// record for the quick paths ([`quick_candidate`]) is read from simd-json's tape when
/// simd-json reads it as serde_json would (see [`crate::input::tape::Tape::parse_fast`]);
/// otherwise, and for what it refuses, [`parse_view`] reads it and decides. Both read the same
/// view: the last of a repeated key's values, a field of an unexpected type as absent.
pub fn with_view<T>(record: &Record<'_>, f: impl FnOnce(&View<'_>) -> T) -> Result<T, Fault> {
    let f = if quick_candidate(record) {
        let read = with_fast_tape(record.bytes, |tape| match tape {
            Some(tape) if matches!(tape.root().node(), Node::Object { .. }) => {
                Ok(f(&View::from_members(tape.root().members())))
            }
            // Refused, or no object: `parse_view` decides, and gives the fault.
            _ => Err(f),
        });
        match read {
            Ok(out) => return Ok(out),
            Err(f) => f,
        }
    } else {
        f
    };
    Ok(f(&parse_view(record)?))
}

/// Checks that a record is one JSON object, as [`with_view`] does, without reading its fields:
/// on the quick path, simd-json's reading says so (without hlmsg's tape); otherwise
/// [`parse_view`] decides and gives the fault.
pub fn check_object(record: &Record<'_>) -> Result<(), Fault> {
    if quick_candidate(record) && fast_object(record.bytes) == Some(true) {
        return Ok(());
    }
    parse_view(record).map(drop)
}

fn fault(origin: Origin, rule: &'static str, at: Option<Position>, message: String) -> Fault {
    Fault::new(origin, rule, at, message)
}

/// Parses JSON bytes that the reader accepted (within `--max-depth`): with the usual parser, or
/// the unbounded one when the value nests deeper than its limit.
pub fn parse_json(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    match serde_json::from_slice(bytes) {
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => parse_unbounded(bytes),
        other => other,
    }
}

/// Parses a value nested deeper than serde_json's usual limit, growing the stack as needed.
fn parse_unbounded(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    use serde::Deserialize as _;
    let mut de = serde_json::Deserializer::from_slice(bytes);
    de.disable_recursion_limit();
    let value = Value::deserialize(serde_stacker::Deserializer::new(&mut de))?;
    de.end()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{each_payload, first_payload, first_record};
    use crate::input::{Item, Reader};
    use std::sync::Arc;

    /// Parses every entry of `input`, returning per entry Ok(value) or Err((line, col, rule, message)).
    fn entries(input: &[u8]) -> Vec<Result<Value, (u64, u64, String, String)>> {
        let mut out = Vec::new();
        each_payload(input, |entry| {
            out.push(entry.map(|p| p.value).map_err(|f| {
                let d = f.diagnostic;
                (
                    d.position.line,
                    d.position.column,
                    d.rule.into_owned(),
                    d.message,
                )
            }));
        });
        out
    }

    fn one_error(input: &str) -> (u64, u64, String, String) {
        let mut e = entries(input.as_bytes());
        assert_eq!(e.len(), 1, "{e:?}");
        e.remove(0).unwrap_err()
    }

    #[test]
    fn parses_objects() {
        let e = entries(b"{\"a\":1}\n{\"b\":[2]}");
        assert_eq!(e.len(), 2);
        assert!(e.iter().all(|x| x.is_ok()));
    }

    #[test]
    fn not_an_object() {
        let (l, c, rule, msg) = one_error("  42");
        assert_eq!((l, c, rule.as_str()), (1, 3, RULE_NOT_OBJECT));
        assert_eq!(
            msg,
            "expected a JSON object (an OutboundMessage payload), found integer 42"
        );
    }

    #[test]
    fn syntax_error_points_at_the_fault() {
        let (l, c, rule, msg) = one_error("{\n  \"a\": 1,\n  \"b\": x\n}");
        assert_eq!((l, c, rule.as_str()), (3, 8, RULE_JSON));
        assert_eq!(msg, "expected a JSON value, found 'x'");
    }

    #[test]
    fn truncated_line_names_the_resume_line() {
        let e = entries(b"{\"a\":[1,2\n{\"b\":1}\n");
        let (l, c, _, msg) = e[0].clone().unwrap_err();
        assert_eq!((l, c), (1, 10));
        assert!(msg.starts_with("truncated payload"), "{msg}");
        assert!(msg.ends_with("reading resumes at line 2"), "{msg}");
        assert!(e[1].is_ok());
    }

    #[test]
    fn invalid_utf8_is_named_with_its_position() {
        let mut bytes = b"{\"a\": \"ok\",\n \"b\": \"x".to_vec();
        bytes.push(0xFF);
        bytes.extend_from_slice(b"\"}");
        let e = entries(&bytes);
        let (l, c, _, msg) = e[0].clone().unwrap_err();
        assert_eq!((l, c), (2, 9));
        assert!(msg.starts_with("invalid UTF-8: byte 0xFF"), "{msg}");
    }

    #[test]
    fn text_that_is_not_json_is_quoted() {
        let e = entries(b"{\"a\":1} trailing words\n");
        assert_eq!(e.len(), 1);
        let (l, c, rule, msg) = e[0].clone().unwrap_err();
        assert_eq!((l, c, rule.as_str()), (1, 9, RULE_JSON));
        assert_eq!(
            msg,
            "text after the end of the payload: found \"trailing words\"; expected nothing more \
             on its line, or the next payload"
        );
        let e = entries(b"{\"a\":1}\ntrailing words\n");
        let (l, c, _, msg) = e[1].clone().unwrap_err();
        assert_eq!((l, c), (2, 1));
        assert_eq!(
            msg,
            "expected a JSON object (an OutboundMessage payload), found text \"trailing words\""
        );
        let e = entries(b"<!DOCTYPE html>\n<html>\n<body>404</body>\n</html>\n");
        assert_eq!(e.len(), 1);
        let (_, _, _, msg) = e[0].clone().unwrap_err();
        assert_eq!(
            msg,
            "this looks like an HTML page, not a JSON payload (lines 1-4): found text \
             \"<!DOCTYPE html>\""
        );
        let e = entries(b"2025-09-01 12:00:01 ERROR upstream timeout\n");
        let (_, _, _, msg) = e[0].clone().unwrap_err();
        assert!(
            msg.starts_with("this looks like a log line, not a JSON payload (line 1)"),
            "{msg}"
        );
    }

    #[test]
    fn line_break_inside_a_string_points_at_the_break() {
        let e = entries(b"{\"a\":1}\n{\"b\":\"cut\n{\"c\":1}\n");
        let (l, c, _, msg) = e[1].clone().unwrap_err();
        assert_eq!((l, c), (2, 10));
        assert!(msg.starts_with("line break inside a string"), "{msg}");
        assert!(msg.ends_with("reading resumes at line 3"), "{msg}");
        assert!(e[2].is_ok());
    }

    #[test]
    fn parser_messages_are_reworded() {
        let cases: &[(&str, u64, &str)] = &[
            (
                r#"{"a":tru}"#,
                9,
                "invalid literal: expected true, false or null",
            ),
            (r#"{"a":"\ud800x"}"#, 0, r"invalid \u escape"),
            (
                r#"{"a":"\udc00"}"#,
                0,
                r"invalid \u escape: an unpaired surrogate",
            ),
            (r#"{"a":"\q"}"#, 0, "invalid escape"),
            (r#"{"a": 1e400}"#, 7, "number out of range"),
            ("-", 1, "invalid number"),
        ];
        for (input, col, start) in cases {
            let (_, c, _, msg) = one_error(input);
            assert!(msg.starts_with(start), "{input}: {msg}");
            if *col > 0 {
                assert_eq!(c, *col, "{input}: {msg}");
            }
        }
    }

    #[test]
    fn bad_numbers_and_unicode_escapes_say_what_they_lack() {
        // Inside an array of payloads the input does not end: the number does.
        let e = entries(b"[1.]");
        let (_, _, _, msg) = e[0].clone().unwrap_err();
        assert_eq!(
            msg,
            "invalid number \"1.\": it ends where a digit was expected"
        );
        let e = entries(br#"{"a":"\uZZZZ"}"#);
        let (_, _, _, msg) = e[0].clone().unwrap_err();
        assert_eq!(
            msg,
            r"invalid \u escape: expected four hexadecimal digits after \u"
        );
        let e = entries(br#"{"a":"\x"}"#);
        let (_, _, _, msg) = e[0].clone().unwrap_err();
        assert!(msg.starts_with("invalid escape: expected one of"), "{msg}");
    }

    #[test]
    fn control_character_and_trailing_comma() {
        let (_, c, _, msg) = one_error("{\"a\": \"x\u{7}\"}");
        assert_eq!(c, 9);
        assert!(msg.contains("U+0007"), "{msg}");
        let (_, c, _, msg) = one_error("{\"a\": 1,}");
        assert_eq!(c, 9);
        assert!(msg.starts_with("trailing comma"), "{msg}");
    }

    #[test]
    fn parse_view_faults_match_parse() {
        for input in [
            &b"{\"a\":"[..],
            b"[1]",
            b"42",
            b"{\"a\":\"\xff\"}",
            b"{\"a\":1,}",
            b"x",
        ] {
            let (a, b) = first_record(input, |rec| {
                (parse_view(&rec).unwrap_err(), parse(rec).unwrap_err())
            });
            assert_eq!(a, b, "{input:?}");
        }
        let message_type = first_record(b"{\"messageType\":\"SMS\"}", |rec| {
            parse_view(&rec)
                .unwrap()
                .message_type
                .map(|t| t.into_owned())
        });
        assert_eq!(message_type.as_deref(), Some("SMS"));
    }

    #[test]
    fn too_large_names_the_limit() {
        let mut r = Reader::new(Arc::from("t"), &b"{\"a\":\"xxxxxxxxxx\"}"[..]).with_max_payload(5);
        let Some(Item::Record(rec)) = r.next().unwrap() else {
            panic!("expected a record")
        };
        let f = parse(rec).unwrap_err();
        assert_eq!(f.diagnostic.rule, RULE_TOO_LARGE);
        assert!(
            f.diagnostic
                .message
                .contains("larger than the limit of 5 bytes")
        );
    }

    #[test]
    fn position_of_points_at_values() {
        let raw = b"{\n  \"a\": 1,\n  \"callDuration\": \"120\"\n}";
        first_payload(raw, |p| {
            assert_eq!(p.position_of("/callDuration"), Position::new(3, 19));
            assert_eq!(p.position_of("/nope"), Position::new(1, 1));
            assert_eq!(
                p.positions_of(&["/nope", "/callDuration", "/a"]),
                [
                    Position::new(1, 1),
                    Position::new(3, 19),
                    Position::new(2, 8)
                ]
            );
        });
        // Non-ASCII text before the value, on the payload's first line, after other text.
        let raw = "x   {\"body\":\"caf\u{e9} \u{1f600}\",\"n\":{\"m\":[1,\"2\"]}}".as_bytes();
        let mut r = Reader::new(Arc::from("t"), raw);
        let _ = r.next().unwrap(); // the garbage `x`
        let Some(Item::Record(rec)) = r.next().unwrap() else {
            panic!()
        };
        let p = parse(rec).unwrap();
        assert_eq!(p.position_of("/n"), Position::new(1, 26));
        assert_eq!(p.position_of("/n/m/1"), Position::new(1, 34));
        assert_eq!(
            p.positions_of(&["/n/m/1", "/n"]),
            [Position::new(1, 34), Position::new(1, 26)]
        );
    }
}

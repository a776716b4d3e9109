//! A schema file of the user's: read within a size limit, and told apart from what is given as a
//! schema by mistake: a capture of payloads (one payload, an array of them, NDJSON), a
//! misspelled name of a bundled schema, or a schema that refers to schemas it does not hold
//! (nothing is ever fetched or read besides the file).

use std::io::Read as _;
use std::path::Path;

use jsonschema::ReferencingError;
use jsonschema::ValidationError;
use jsonschema::error::ValidationErrorKind;
use serde::de::IgnoredAny;
use serde_json::Value;

use crate::model::event::edit_distance;
use crate::model::finding::shorten;
use crate::validate::schema::{Bundled, SchemaError};

/// The largest schema file read. A schema is kilobytes; a file larger than this is not read
/// whole (it is most likely a capture).
pub const MAX_SCHEMA_BYTES: u64 = 16 << 20;

/// The names JSON Schema gives types, the values a schema's `type` takes.
const TYPE_NAMES: [&str; 7] = [
    "null", "boolean", "object", "array", "number", "string", "integer",
];

/// Top-level fields of HighLevel's message payloads that no schema has at its top level.
const PAYLOAD_FIELDS: [&str; 8] = [
    "messageType",
    "messageTypeString",
    "locationId",
    "contactId",
    "conversationId",
    "messageId",
    "dateAdded",
    "webhookId",
];

/// Reads and parses a schema file, refusing a capture of payloads and naming the bundled schema
/// a missing file's name is a misspelling of.
pub fn read(path: &Path) -> Result<(Value, String), SchemaError> {
    let name = path.to_string_lossy().into_owned();
    let read_error = |e: std::io::Error| SchemaError::Read {
        path: name.clone(),
        message: crate::input::describe_io_error(&e),
    };
    let file = std::fs::File::open(path).map_err(|e| {
        match misspelled(&name).filter(|_| e.kind() == std::io::ErrorKind::NotFound) {
            Some(suggestion) => SchemaError::Unknown {
                name: name.clone(),
                suggestion,
            },
            None => read_error(e),
        }
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_SCHEMA_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    let capture = |why: String| SchemaError::Capture {
        name: name.clone(),
        why,
    };
    if bytes.len() as u64 > MAX_SCHEMA_BYTES {
        // Not read whole: its start may still tell a capture.
        return Err(match several_values(&bytes) {
            Some(why) => capture(why),
            None => SchemaError::Read {
                path: name.clone(),
                message: format!(
                    "larger than {} MiB, more than a schema holds",
                    MAX_SCHEMA_BYTES >> 20
                ),
            },
        });
    }
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(value) => match capture_shape(&value) {
            Some(why) => Err(capture(why)),
            None => Ok((value, name)),
        },
        Err(e) => Err(match several_values(&bytes) {
            Some(why) => capture(why),
            None => SchemaError::Json {
                name: name.clone(),
                message: e.to_string(),
            },
        }),
    }
}

/// The bundled schema (or `auto`) that `value` is a misspelling of, when no file has that name:
/// `mesage` for `message`, `Email` for `email`. A value that looks like a path (a `/`, a `.`) is
/// no misspelling.
pub fn misspelled(value: &str) -> Option<&'static str> {
    if value.contains(['/', '\\', '.']) || Path::new(value).exists() {
        return None;
    }
    let lower = value.to_ascii_lowercase();
    std::iter::once("auto")
        .chain(Bundled::ALL.iter().map(|b| b.name()))
        .filter(|name| *name != value)
        .filter_map(|name| Some((edit_distance(&lower, name, 2.max(name.len() / 4))?, name)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Why a parsed file is a capture rather than a schema, if it is one: an array of objects; or
/// an object without `$schema` and `properties` whose `type` is a capitalized name that is no
/// JSON Schema type (a payload's `type` is its event), or that has a payload's fields.
fn capture_shape(value: &Value) -> Option<String> {
    let map = match value {
        Value::Array(items) if !items.is_empty() && items.iter().all(Value::is_object) => {
            return Some(
                "it is an array of objects, as a capture of payloads is; a JSON Schema is an object"
                    .to_string(),
            );
        }
        Value::Object(map) => map,
        _ => return None,
    };
    if map.contains_key("$schema") || map.contains_key("properties") {
        return None;
    }
    // An event is capitalized (`OutboundMessage`, `SMS`); a misspelled type name is not.
    if let Some(Value::String(t)) = map.get("type")
        && t.starts_with(|c: char| c.is_ascii_uppercase())
        && !TYPE_NAMES.contains(&t.to_ascii_lowercase().as_str())
    {
        return Some(format!(
            "its \"type\" is {:?}, a payload's event, not a JSON Schema type such as \"object\"",
            shorten(t, 40)
        ));
    }
    let fields: Vec<String> = PAYLOAD_FIELDS
        .iter()
        .filter(|f| map.contains_key(**f))
        .take(2)
        .map(|f| format!("\"{f}\""))
        .collect();
    if fields.is_empty() {
        return None;
    }
    Some(format!(
        "it has {} and no \"$schema\" or \"properties\", as a payload does",
        fields.join(" and ")
    ))
}

/// Why bytes that do not parse as one value are a capture, if they are: a first value followed
/// by another (NDJSON, concatenated JSON).
fn several_values(bytes: &[u8]) -> Option<String> {
    let mut values = serde_json::Deserializer::from_slice(bytes).into_iter::<IgnoredAny>();
    values.next()?.ok()?;
    let rest = bytes[values.byte_offset()..].trim_ascii_start();
    matches!(rest.first(), Some(b'{' | b'[')).then(|| {
        "it holds several JSON values one after another (NDJSON), as a capture does".to_string()
    })
}

/// What a schema that does not compile is said to be: one that refers to a schema elsewhere
/// (never fetched, never read), or the validator's message.
pub fn compile_error(name: String, e: &ValidationError<'_>) -> SchemaError {
    if let ValidationErrorKind::Referencing(ReferencingError::Unretrievable { uri, .. }) = e.kind()
    {
        if uri.starts_with("http://") || uri.starts_with("https://") {
            return SchemaError::Remote {
                name,
                url: uri.clone(),
            };
        }
        return SchemaError::External {
            name,
            uri: uri.clone(),
        };
    }
    SchemaError::Compile {
        name,
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::schema::{SchemaSet, Selection};

    fn load(text: &[u8]) -> Result<(), SchemaError> {
        load_named(text).0
    }

    /// Loads `text` as a schema file; gives the file's name too.
    fn load_named(text: &[u8]) -> (Result<(), SchemaError>, String) {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("x.json");
        std::fs::write(&f, text).unwrap();
        let name = f.to_string_lossy().into_owned();
        (
            SchemaSet::load(&Selection::File(f), false).map(|_| ()),
            name,
        )
    }

    fn capture_why(text: &[u8]) -> String {
        match load(text) {
            Err(SchemaError::Capture { why, .. }) => why,
            other => panic!("{other:?} for {}", String::from_utf8_lossy(text)),
        }
    }

    #[test]
    fn captures_are_told_from_schemas() {
        let sms = std::fs::read("samples/sms.json").unwrap();
        assert!(capture_why(&sms).contains("\"type\" is \"OutboundMessage\""));
        let ndjson = b"{\"type\":\"OutboundMessage\"}\n{\"type\":\"OutboundMessage\"}\n";
        assert!(capture_why(ndjson).contains("several JSON values"));
        assert!(capture_why(b"[{\"a\":1}]").contains("array of objects"));
        let fields = capture_why(br#"{"locationId":"l","messageType":"SMS"}"#);
        assert!(
            fields.contains("\"messageType\" and \"locationId\""),
            "{fields}"
        );
        // Schemas, even odd ones, are not captures.
        for schema in [
            &br#"{"type":"object","properties":{"messageType":{"type":"string"}}}"#[..],
            br#"{"$schema":"https://json-schema.org/draft/2020-12/schema","locationId":1}"#,
            br#"{"type":["string","null"]}"#,
            b"true",
            b"{}",
        ] {
            assert!(load(schema).is_ok(), "{}", String::from_utf8_lossy(schema));
        }
        // A typo in a schema's type is a compile error, not a capture.
        for typo in [
            &br#"{"properties":{},"type":"Strng"}"#[..],
            br#"{"type":"strng"}"#,
            br#"{"type":"String"}"#,
        ] {
            assert!(
                matches!(load(typo), Err(SchemaError::Compile { .. })),
                "{}",
                String::from_utf8_lossy(typo)
            );
        }
        assert!(capture_why(br#"{"type":"ContactCreate","id":"x"}"#).contains("ContactCreate"));
        assert!(matches!(load(b"{\"a\": "), Err(SchemaError::Json { .. })));
        assert!(matches!(load(b"{} x"), Err(SchemaError::Json { .. })));
    }

    #[test]
    fn a_large_capture_is_not_read_whole() {
        let line = b"{\"type\":\"OutboundMessage\",\"body\":\"0123456789012345678901234567890123456789\"}\n";
        let n = (MAX_SCHEMA_BYTES as usize / line.len()) + 10;
        let big: Vec<u8> = line.iter().copied().cycle().take(line.len() * n).collect();
        assert!(capture_why(&big).contains("several JSON values"));
        let mut one = b"{\"a\":\"".to_vec();
        one.extend(std::iter::repeat_n(b'x', MAX_SCHEMA_BYTES as usize));
        one.extend(b"\"}");
        let err = load(&one).unwrap_err().to_string();
        assert!(err.contains("larger than 16 MiB"), "{err}");
    }

    #[test]
    fn misspelled_names_are_suggested() {
        assert_eq!(misspelled("mesage"), Some("message"));
        assert_eq!(misspelled("inbund"), Some("inbound"));
        assert_eq!(misspelled("Email"), Some("email"));
        assert_eq!(misspelled("inbound-emial"), Some("inbound-email"));
        assert_eq!(misspelled("provder"), Some("provider"));
        assert_eq!(misspelled("auot"), Some("auto"));
        assert_eq!(misspelled("message"), None);
        assert_eq!(misspelled("mesage.json"), None);
        assert_eq!(misspelled("x/mesage"), None);
        assert_eq!(misspelled("zebra"), None);
        let err = SchemaSet::load(&Selection::File("mesage".into()), false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "no bundled schema is named \"mesage\" and no file either: did you mean message?"
        );
    }

    #[test]
    fn references_to_other_schemas_say_so() {
        let (result, name) = load_named(br#"{"$ref": "https://example.com/x.json"}"#);
        assert_eq!(
            result.unwrap_err().to_string(),
            format!(
                "schema {name} refers to a remote schema at https://example.com/x.json; hlmsg \
                 never fetches: bundle it or use a local file"
            )
        );
        let err = load(br#"{"properties": {"a": {"$ref": "http://example.com/a.json#/x"}}}"#)
            .unwrap_err();
        assert!(
            matches!(err, SchemaError::Remote { ref url, .. } if url == "http://example.com/a.json"),
            "{err}"
        );
        let err = load(br#"{"$ref": "other.json"}"#).unwrap_err();
        assert!(matches!(err, SchemaError::External { .. }), "{err}");
        assert!(err.to_string().contains("other.json"), "{err}");
        // A local reference that leads nowhere is the validator's own message.
        let err = load(br##"{"$ref": "#/nowhere"}"##).unwrap_err();
        assert!(matches!(err, SchemaError::Compile { .. }), "{err}");
    }
}

//! The bundled schemas, compiled once per run, chosen per payload, and the translation of schema
//! violations into findings that name the value and what was expected.
//!
//! Four schemas are embedded in the binary: the tool's refined `message` and `email` schemas
//! (JSON Schema 2020-12) and the two schemas exactly as HighLevel's documentation publishes them
//! (`--published`). A user's own schema file can replace them (`--schema FILE`). Nothing is ever
//! fetched: the validator is built without network or file resolution, so a `$ref` that points
//! outside the schema is a compile error.

use rustc_hash::FxHashSet;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use jsonschema::{ValidationError, Validator};
use serde_json::Value;

use crate::input::parse::Payload;
use crate::input::tape::Tape;
use crate::model::event::Event;
use crate::model::finding::Diagnostic;
pub(crate) use crate::validate::describe::describe;
use crate::validate::docjson::{DocJson, doc_violations};
use crate::validate::schema_file::{self, compile_error};
use crate::validate::tapejson::TapeJson;
pub use crate::validate::window::Violations;
use crate::validate::window::windowable;

/// Failing payloads larger than this (in bytes) have their violations found through their
/// bytes, where long arrays can be cut short: a payload of this size has at most tens of
/// thousands of violations, each about 450 bytes, when all are built.
const WINDOW_ABOVE: usize = 64 << 10;

pub use crate::validate::bundled::{
    Bundled, EMAIL_PUBLISHED, EMAIL_SCHEMA, INBOUND_EMAIL_SCHEMA, INBOUND_SCHEMA, Listed,
    MESSAGE_PUBLISHED, MESSAGE_SCHEMA, PROVIDER_SCHEMA, listing,
};

/// Which schema checks the payloads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// The bundled schema for each payload's event and channel.
    Auto,
    /// Always one bundled schema.
    Bundled(Bundled),
    /// A JSON Schema file of the user's.
    File(PathBuf),
}

impl Selection {
    /// Parses a `--schema` value: `auto`, a bundled schema's name, or a path.
    pub fn parse(arg: &str) -> Selection {
        if arg == "auto" {
            return Selection::Auto;
        }
        match Bundled::ALL.into_iter().find(|b| b.name() == arg) {
            Some(b) => Selection::Bundled(b),
            None => Selection::File(PathBuf::from(arg)),
        }
    }

    /// The schema that checks a payload: the user's file (`None`), the one bundled schema forced,
    /// or the bundled schema for the payload's event and channel. `validate` and
    /// `diff --schema` both choose with this rule.
    pub fn pick(&self, event: &Event, is_email: bool) -> Option<Bundled> {
        match self {
            Selection::File(_) => None,
            Selection::Bundled(b) => Some(*b),
            Selection::Auto => Some(Bundled::for_event(event, is_email)),
        }
    }

    /// The bundled schemas the selection can pick.
    fn bundled(&self) -> Vec<Bundled> {
        match self {
            Selection::Auto => Bundled::ALL.to_vec(),
            Selection::Bundled(b) => vec![*b],
            Selection::File(_) => Vec::new(),
        }
    }

    /// The schema documents the selection uses, uncompiled, for reading the shape they declare:
    /// every bundled schema for `auto`, else the one schema. A file must also compile, as it must
    /// for `validate`.
    pub fn documents(&self, published: bool) -> Result<Vec<Document>, SchemaError> {
        let bundled = |b: Bundled| -> Result<Document, SchemaError> {
            let value = serde_json::from_str(b.text(published)).map_err(|e| SchemaError::Json {
                name: b.name().to_string(),
                message: e.to_string(),
            })?;
            Ok(Document {
                which: Some(b),
                name: b.name().to_string(),
                value,
            })
        };
        match self {
            Selection::File(path) => {
                let (value, name) = schema_file::read(path)?;
                Compiled::new(name.clone(), &value)?;
                Ok(vec![Document {
                    which: None,
                    name,
                    value,
                }])
            }
            other => other.bundled().into_iter().map(bundled).collect(),
        }
    }
}

/// A schema document, as JSON.
#[derive(Debug, Clone)]
pub struct Document {
    /// The bundled schema, or `None` for the user's file (what [`Selection::pick`] returns).
    pub which: Option<Bundled>,
    /// `message`, `email`, or the file's path.
    pub name: String,
    /// The schema itself.
    pub value: Value,
}

/// A schema that could not be loaded or compiled.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The file could not be read.
    #[error("cannot read schema {path}: {message}")]
    Read {
        /// The schema's path.
        path: String,
        /// Why.
        message: String,
    },
    /// The file is not JSON.
    #[error("schema {name} is not valid JSON: {message}")]
    Json {
        /// The schema's name.
        name: String,
        /// The parser's message, with its line and column.
        message: String,
    },
    /// The schema does not compile.
    #[error("schema {name} does not compile: {message}")]
    Compile {
        /// The schema's name.
        name: String,
        /// The validator's message.
        message: String,
    },
    /// The file holds payloads, not a schema.
    #[error("{name} looks like a capture of payloads, not a JSON Schema: {why}")]
    Capture {
        /// The file's name.
        name: String,
        /// What gives it away.
        why: String,
    },
    /// No file has the name, which is a misspelling of a bundled schema's.
    #[error("no bundled schema is named \"{name}\" and no file either: did you mean {suggestion}?")]
    Unknown {
        /// The name given.
        name: String,
        /// The bundled schema (or `auto`) it is closest to.
        suggestion: &'static str,
    },
    /// The schema refers to a schema on the web.
    #[error(
        "schema {name} refers to a remote schema at {url}; hlmsg never fetches: bundle it or use a \
         local file"
    )]
    Remote {
        /// The schema's name.
        name: String,
        /// Where the schema it refers to is.
        url: String,
    },
    /// The schema refers to a schema in another file.
    #[error(
        "schema {name} refers to another schema, {uri}, that it does not hold; hlmsg reads no \
         other file: bundle it into this schema (under \"$defs\")"
    )]
    External {
        /// The schema's name.
        name: String,
        /// The reference.
        uri: String,
    },
}

/// A compiled schema and its name in output.
pub struct Compiled {
    /// `message`, `email`, or the file's path (shared with every verdict it checks).
    pub name: Arc<str>,
    /// The validator of parsed values, which describes violations: compiled the first time a
    /// payload needs it when the tape's validator compiled (most runs see few failures).
    validator: OnceLock<Result<Validator, String>>,
    /// The same schema's validator for payloads read onto a tape (the quick path's verdict).
    quick: Option<Validator<TapeJson>>,
    /// Whether its violations can be found through a window (`window`).
    windowable: bool,
    /// The schema, and its validator for large payloads read through their bytes (`docjson`),
    /// compiled the first time such a payload comes.
    documents: (Value, OnceLock<Option<Validator<DocJson>>>),
}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Compiled")
            .field("name", &self.name)
            .finish()
    }
}

impl Compiled {
    /// Compiles a schema document, checking formats (`date-time` and the rest). The document
    /// is first checked against its draft's meta-schema.
    pub fn new(name: impl Into<String>, schema: &Value) -> Result<Self, SchemaError> {
        let name = name.into();
        let quick = jsonschema::options_for::<TapeJson>()
            .should_validate_formats(true)
            .build(schema)
            .ok();
        let validator = OnceLock::new();
        if quick.is_none() {
            // The errors of a schema that does not compile are told by the usual validator.
            match Compiled::compile(schema) {
                Ok(v) => _ = validator.set(Ok(v)),
                Err(e) => return Err(compile_error(name, &e)),
            }
        }
        Ok(Compiled {
            name: Arc::from(name),
            validator,
            quick,
            windowable: windowable(schema),
            documents: (schema.clone(), OnceLock::new()),
        })
    }

    /// Compiles a schema from JSON text.
    pub fn from_text(name: impl Into<String>, text: &str) -> Result<Self, SchemaError> {
        let name = name.into();
        let value: Value = serde_json::from_str(text).map_err(|e| SchemaError::Json {
            name: name.clone(),
            message: e.to_string(),
        })?;
        Compiled::new(name, &value)
    }

    fn compile(schema: &Value) -> Result<Validator, ValidationError<'static>> {
        jsonschema::options()
            .should_validate_formats(true)
            .build(schema)
    }

    /// The validator of parsed values, compiled on first use.
    fn validator(&self) -> Result<&Validator, &str> {
        self.validator
            .get_or_init(|| Compiled::compile(&self.documents.0).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Whether the payload satisfies the schema (no messages).
    pub fn is_valid(&self, value: &Value) -> bool {
        self.validator().is_ok_and(|v| v.is_valid(value))
    }

    /// Whether the payload read onto a tape satisfies the schema: the quick path's verdict
    /// (false when the schema has no validator for tapes).
    pub fn passes(&self, root: crate::input::tape::At<'_>) -> bool {
        self.quick.as_ref().is_some_and(|v| v.is_valid(root))
    }

    /// The violations in `payload` that come first in the source, at most `cap` of them, as error
    /// findings positioned at the offending value; and how many violations there are in all.
    pub fn violations(&self, payload: &Payload<'_>, cap: usize) -> Violations {
        // The tape's validator judges and lists violations wherever the tape reads as the value
        // does (no repeated key, within the parser's depth), so most runs compile no other; the
        // value's validator, compiled on first need, judges the rest. A large payload gets no
        // tape beside its value: a tape takes up to 16 bytes per byte of dense JSON.
        let small = !payload.shallow && payload.raw.len() <= WINDOW_ABOVE;
        let tape = match (&self.quick, small) {
            (Some(_), true) => Tape::parse(payload.raw)
                .ok()
                .filter(|t| !t.has_repeated_key()),
            _ => None,
        };
        let quick = self.quick.as_ref().zip(tape.as_ref());
        let value_validator = || self.validator();
        let passes = match quick {
            Some((v, tape)) => v.is_valid(tape.root()),
            None if payload.shallow => false,
            None => match value_validator() {
                Ok(v) => v.is_valid(&payload.value),
                Err(e) => return Violations::unchecked_by(&self.name, e, payload.origin.position),
            },
        };
        if passes {
            return Violations {
                counted: true,
                ..Violations::default()
            };
        }
        // A large payload's violations are found through its bytes: a shallow one has no whole
        // value, and a failing one of many values may have millions of violations, which only
        // the window keeps from being built (a repeated key reads differently there).
        let window = self.windowable && payload.raw.len() > WINDOW_ABOVE;
        let through_bytes = payload.shallow
            || (window && crate::input::locate::duplicate_key(payload.raw).is_none());
        if through_bytes {
            let (schema, validator) = &self.documents;
            let validator = validator.get_or_init(|| {
                jsonschema::options_for::<DocJson>()
                    .should_validate_formats(true)
                    .build(schema)
                    .ok()
            });
            if let Some(v) = validator
                .as_ref()
                .and_then(|v| doc_violations(v, payload, cap, window))
            {
                return v;
            }
            if payload.shallow {
                // Not readable so after all: the whole value, as for any payload.
                let value = crate::input::parse::parse_json(payload.raw).unwrap_or_default();
                return self.violations(&Payload::whole(payload, value), cap);
            }
        }
        let errors = match quick {
            Some((v, tape)) => v.iter_errors(tape.root()),
            None => match value_validator() {
                Ok(v) => v.iter_errors(&payload.value),
                Err(e) => return Violations::unchecked_by(&self.name, e, payload.origin.position),
            },
        };
        let (first, total) = crate::validate::first::first_in_source_order(
            errors,
            |e| e.instance_path().as_str().to_string(),
            &payload.value,
            cap,
        );
        let paths: Vec<String> = first
            .iter()
            .map(|e| e.instance_path().as_str().to_string())
            .collect();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let positions = payload.positions_of(&paths);
        let mut out: Vec<Diagnostic> = first
            .iter()
            .zip(positions)
            .map(|(e, position)| describe(e, position))
            .collect();
        let kept = out.len();
        out.dedup();
        Violations {
            total: total - (kept - out.len()),
            shown: out,
            counted: true,
            unchecked: 0,
        }
    }
}

/// A bundled schema, compiled on first use and then shared: a process compiles each at most
/// once, however many runs it makes (tests and fuzzing make many).
fn compiled_bundled(b: Bundled, published: bool) -> Result<Arc<Compiled>, SchemaError> {
    static CACHE: [OnceLock<Arc<Compiled>>; 2 * Bundled::ALL.len()] =
        [const { OnceLock::new() }; 2 * Bundled::ALL.len()];
    let slot = &CACHE[cache_index(b, published)];
    if let Some(c) = slot.get() {
        return Ok(c.clone());
    }
    let compiled = Arc::new(Compiled::new(b.name(), bundled_document(b, published)?)?);
    Ok(slot.get_or_init(|| compiled).clone())
}

/// Where a bundled schema's refined or published form is kept in the per-process caches (the
/// refined one for the schemas HighLevel publishes none of).
fn cache_index(b: Bundled, published: bool) -> usize {
    (b as usize) * 2 + usize::from(published && b.has_published())
}

/// A bundled schema's document, parsed on first use and then shared: compiling it and listing
/// its fields read the same parse.
fn bundled_document(b: Bundled, published: bool) -> Result<&'static Value, SchemaError> {
    static CACHE: [OnceLock<Value>; 2 * Bundled::ALL.len()] =
        [const { OnceLock::new() }; 2 * Bundled::ALL.len()];
    let slot = &CACHE[cache_index(b, published)];
    if let Some(v) = slot.get() {
        return Ok(v);
    }
    let value: Value = serde_json::from_str(b.text(published)).map_err(|e| SchemaError::Json {
        name: b.name().to_string(),
        message: e.to_string(),
    })?;
    Ok(slot.get_or_init(|| value))
}

/// The schemas of one run, compiled once, and the fields they know.
#[derive(Debug)]
pub struct SchemaSet {
    selection: Selection,
    bundled: Vec<(Bundled, Arc<Compiled>)>,
    file: Option<Arc<Compiled>>,
    /// Top-level field names the schemas declare, hashed with FxHash: every member of every
    /// payload asks.
    known: FxHashSet<String>,
}

impl SchemaSet {
    /// Loads and compiles what `selection` needs. `published` picks HighLevel's published schemas
    /// instead of the refined ones, where HighLevel publishes them.
    pub fn load(selection: &Selection, published: bool) -> Result<Self, SchemaError> {
        let mut known = FxHashSet::default();
        let mut bundled = Vec::new();
        for b in selection.bundled() {
            bundled.push((b, compiled_bundled(b, published)?));
        }
        let file = match selection {
            Selection::File(path) => {
                let (value, name) = schema_file::read(path)?;
                known.extend(property_names(&value));
                Some(Arc::new(Compiled::new(name, &value)?))
            }
            _ => None,
        };
        if file.is_none() {
            for b in Bundled::ALL {
                if let Ok(v) = bundled_document(b, published) {
                    known.extend(property_names(v));
                }
            }
        }
        Ok(SchemaSet {
            selection: selection.clone(),
            bundled,
            file,
            known,
        })
    }

    /// Whether the payloads are checked against a file of the user's (every payload then is,
    /// whatever its event).
    pub fn is_file(&self) -> bool {
        self.file.is_some()
    }

    /// The schema for a payload, as [`Selection::pick`] chooses it, with the bundled schema it
    /// is (`None` for the user's file).
    pub fn choose(&self, event: &Event, is_email: bool) -> (&Compiled, Option<Bundled>) {
        let picked = self.selection.pick(event, is_email);
        let found = picked.and_then(|want| self.bundled.iter().find(|(b, _)| *b == want));
        match (found, &self.file) {
            (Some((b, c)), _) => (c, Some(*b)),
            (None, Some(file)) => (file, None),
            (None, None) => {
                let (b, c) = self
                    .bundled
                    .first()
                    .expect("load always compiles the schemas its selection picks");
                (c, Some(*b))
            }
        }
    }

    /// Whether a top-level field is described by the schemas in use. With a user schema that
    /// declares no `properties`, every field counts as known (there is nothing to drift from).
    pub fn knows_field(&self, field: &str) -> bool {
        self.known.is_empty() || self.known.contains(field)
    }
}

/// The names in a schema's top-level `properties`.
pub fn property_names(schema: &Value) -> impl Iterator<Item = String> + '_ {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|p| p.keys().cloned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::first_payload;

    fn payload_diags(set: &SchemaSet, text: &str, email: bool) -> Vec<Diagnostic> {
        first_payload(text.as_bytes(), |p| {
            set.choose(&Event::Outbound, email)
                .0
                .violations(p, 1000)
                .shown
        })
    }

    #[test]
    fn every_bundled_schema_compiles_and_is_2020_12_with_id_title_descriptions() {
        for published in [false, true] {
            SchemaSet::load(&Selection::Auto, published).unwrap();
        }
        let message = [
            "type",
            "locationId",
            "contactId",
            "conversationId",
            "dateAdded",
            "direction",
            "messageType",
        ];
        let provider = ["type", "locationId", "contactId", "messageId"];
        for (text, required) in [
            (MESSAGE_SCHEMA, &message[..]),
            (EMAIL_SCHEMA, &message[..]),
            (INBOUND_SCHEMA, &message[..]),
            (INBOUND_EMAIL_SCHEMA, &message[..]),
            (PROVIDER_SCHEMA, &provider[..]),
        ] {
            let v: Value = serde_json::from_str(text).unwrap();
            assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
            assert!(v["$id"].is_string() && v["title"].is_string());
            for (name, prop) in v["properties"].as_object().unwrap() {
                assert!(prop["description"].is_string(), "{name} has no description");
            }
            let req: Vec<&str> = v["required"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect();
            assert_eq!(req, required);
        }
        // The inbound schemas are the outbound ones without `source`, for the other direction.
        for (inbound, outbound) in [
            (INBOUND_SCHEMA, MESSAGE_SCHEMA),
            (INBOUND_EMAIL_SCHEMA, EMAIL_SCHEMA),
        ] {
            let i: Value = serde_json::from_str(inbound).unwrap();
            let o: Value = serde_json::from_str(outbound).unwrap();
            assert_eq!(i["properties"]["type"]["const"], "InboundMessage");
            assert_eq!(i["properties"]["direction"]["const"], "inbound");
            assert!(i["properties"].get("source").is_none());
            let mut want: Vec<&String> = o["properties"].as_object().unwrap().keys().collect();
            want.retain(|k| *k != "source");
            let got: Vec<&String> = i["properties"].as_object().unwrap().keys().collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn type_error_names_pointer_value_expected_type_and_position() {
        let set = SchemaSet::load(&Selection::Auto, false).unwrap();
        let text = "{\"type\":\"OutboundMessage\",\"locationId\":\"l\",\"contactId\":\"c\",\n\"conversationId\":\"v\",\"dateAdded\":\"2024-05-08T11:57:42.250Z\",\"direction\":\"outbound\",\n\"messageType\":\"CALL\",  \"callDuration\": \"120\"}";
        let d = payload_diags(&set, text, false);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].rule, "type");
        assert_eq!(d[0].pointer.as_deref(), Some("/callDuration"));
        assert_eq!(d[0].message, "expected number, found string \"120\"");
        assert_eq!((d[0].position.line, d[0].position.column), (3, 40));
    }

    #[test]
    fn required_const_format_minimum_messages() {
        let set = SchemaSet::load(&Selection::Auto, false).unwrap();
        let text = r#"{"type":"InboundMessage","locationId":"","conversationId":"v","dateAdded":"yesterday","direction":"outbound","messageType":"CALL","callDuration":-1,"to":5}"#;
        let d = payload_diags(&set, text, false);
        let by_rule = |r: &str| {
            d.iter()
                .find(|x| x.rule == r)
                .unwrap_or_else(|| panic!("{r}: {d:?}"))
        };
        assert_eq!(by_rule("required").pointer.as_deref(), Some("/contactId"));
        assert_eq!(
            by_rule("required").message,
            "missing required property \"contactId\""
        );
        assert_eq!(
            by_rule("const").message,
            "expected \"OutboundMessage\", found string \"InboundMessage\""
        );
        assert!(by_rule("format").message.contains("RFC 3339"));
        assert_eq!(
            by_rule("minimum").message,
            "expected a number >= 0, found integer -1"
        );
        assert_eq!(
            by_rule("minLength").message,
            "expected a non-empty string, found string \"\""
        );
        assert_eq!(
            by_rule("type").message,
            "expected string or array, found integer 5"
        );
    }

    #[test]
    fn known_fields_are_the_union_of_both_schemas() {
        let set = SchemaSet::load(&Selection::Auto, false).unwrap();
        assert!(set.knows_field("callDuration"));
        assert!(set.knows_field("subject"));
        assert!(!set.knows_field("brandNewField"));
    }

    #[test]
    fn user_schema_that_does_not_compile_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("s.json");
        std::fs::write(&f, r#"{"type": "nonsense"}"#).unwrap();
        let err = SchemaSet::load(&Selection::File(f.clone()), false).unwrap_err();
        assert!(matches!(err, SchemaError::Compile { .. }), "{err}");
        std::fs::write(&f, r#"{"type": "#).unwrap();
        let err = SchemaSet::load(&Selection::File(f), false).unwrap_err();
        assert!(matches!(err, SchemaError::Json { .. }), "{err}");
    }
}

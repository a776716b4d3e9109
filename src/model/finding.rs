//! Findings about a payload: severity, a short stable rule name, where, and what is wrong.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::model::json_type::JsonType;
use crate::model::origin::{Origin, Position};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the payload: invalid JSON, or a schema violation.
    Error,
    /// A semantic rule that a schema cannot express well. Fails the payload only with `--strict`.
    Warning,
    /// Information, e.g. a field that no bundled schema knows. Never fails a payload.
    Note,
}

impl Severity {
    /// The lower-case name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// A short, stable name: a schema keyword (`type`, `required`), a lint rule
    /// (`direction-not-outbound`), or an input rule (`json`, `not-object`, `too-large`).
    pub rule: Cow<'static, str>,
    /// The JSON pointer of the offending value, when there is one.
    pub pointer: Option<String>,
    /// Where the offending value is (else where the payload starts).
    #[serde(flatten)]
    pub position: Position,
    /// What is wrong, naming the offending value and what was expected.
    pub message: String,
}

impl Diagnostic {
    /// Creates a finding.
    pub fn new(
        severity: Severity,
        rule: impl Into<Cow<'static, str>>,
        pointer: Option<String>,
        position: Position,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            rule: rule.into(),
            pointer,
            position,
            message: message.into(),
        }
    }
}

/// Rule name of syntax errors and structural faults in the input.
pub const RULE_JSON: &str = "json";
/// Rule name of a top-level value that is not an object.
pub const RULE_NOT_OBJECT: &str = "not-object";
/// Rule name of a value nested deeper than the depth limit.
pub const RULE_TOO_DEEP: &str = "too-deep";
/// Rule name of a value larger than the payload size limit.
pub const RULE_TOO_LARGE: &str = "too-large";
/// Rule name of a source that holds no payload at all: empty, blanks only, a byte-order mark
/// only, or empty arrays only.
pub const RULE_NO_PAYLOAD: &str = "no-payload";

/// A limit of the input that a run can raise: a fault that hit one says which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The largest payload inspected.
    PayloadSize,
    /// The deepest nesting inspected.
    Depth,
}

/// An entry of the input that is not a payload: one error diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Where the entry starts.
    pub origin: Origin,
    /// The error, positioned at the fault itself.
    pub diagnostic: Box<Diagnostic>,
    /// The limit the entry hit, when that is why it is not a payload.
    pub limit: Option<Limit>,
}

impl Fault {
    /// A fault of `rule` at `at` (else at the entry's start).
    pub fn new(origin: Origin, rule: &'static str, at: Option<Position>, message: String) -> Fault {
        let position = at.unwrap_or(origin.position);
        Fault {
            diagnostic: Box::new(Diagnostic::new(
                Severity::Error,
                rule,
                None,
                position,
                message,
            )),
            origin,
            limit: None,
        }
    }

    /// The same fault, caused by `limit`.
    #[must_use]
    pub fn with_limit(mut self, limit: Limit) -> Fault {
        self.limit = Some(limit);
        self
    }
}

/// Longest rendering of a value inside a message, in characters.
pub const MAX_VALUE_CHARS: usize = 60;

/// A value as it appears in messages: compact JSON, shortened with `…` past
/// [`MAX_VALUE_CHARS`] characters.
pub fn show_value(value: &Value) -> String {
    let text = value.to_string();
    shorten(&text, MAX_VALUE_CHARS)
}

/// `text` cut to at most `max` characters, with `…` marking the cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let keep = text[..cut]
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(cut, |(i, _)| i);
            format!("{}…", &text[..keep])
        }
    }
}

/// A value with its type, for messages: `string "120"`, `number 1.5`, `null`.
pub fn typed_value(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        _ => format!("{} {}", JsonType::of(value).name(), show_value(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shorten_marks_the_cut() {
        assert_eq!(shorten("abc", 5), "abc");
        assert_eq!(shorten("abcdef", 5), "abcd…");
        assert_eq!(shorten("ééééé", 5), "ééééé");
        assert_eq!(shorten("éééééé", 5), "éééé…");
    }

    #[test]
    fn values_are_typed_and_shortened() {
        assert_eq!(typed_value(&json!("120")), "string \"120\"");
        assert_eq!(typed_value(&json!(120)), "integer 120");
        assert_eq!(typed_value(&json!(1.5)), "number 1.5");
        assert_eq!(typed_value(&json!(null)), "null");
        let long = typed_value(&json!("x".repeat(200)));
        assert_eq!(long.chars().count(), "string ".len() + MAX_VALUE_CHARS);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn diagnostic_serializes_flat() {
        let d = Diagnostic::new(
            Severity::Warning,
            "direction-not-outbound",
            Some("/direction".into()),
            Position::new(3, 4),
            "m",
        );
        let v = serde_json::to_value(&d).unwrap();
        assert_eq!(
            v,
            json!({"severity":"warning","rule":"direction-not-outbound","pointer":"/direction","line":3,"column":4,"message":"m"})
        );
    }
}

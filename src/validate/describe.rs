//! The translation of a schema violation into a finding: what was found at the value, and what
//! the schema expected there, in words.

use jsonschema::ValidationError;
use jsonschema::error::{TypeKind, ValidationErrorKind};

use crate::input::locate::escape_token;
use crate::model::finding::{Diagnostic, Severity, show_value, typed_value};
use crate::model::origin::Position;

fn type_list(kind: &TypeKind) -> String {
    let names: Vec<&str> = match kind {
        TypeKind::Single(t) => vec![t.as_str()],
        TypeKind::Multiple(set) => set.iter().map(|t| t.as_str()).collect(),
    };
    match names.as_slice() {
        [] => "nothing".to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The finding for one violation, positioned at `position`.
pub(crate) fn describe(error: &ValidationError<'_>, position: Position) -> Diagnostic {
    let instance = error.instance();
    let found = typed_value(instance);
    let path = error.instance_path().as_str().to_string();
    let mut pointer = path.clone();
    let message = match error.kind() {
        ValidationErrorKind::Type { kind } => {
            format!("expected {}, found {found}", type_list(kind))
        }
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_string);
            pointer = format!("{path}/{}", escape_token(&name));
            format!("missing required property \"{name}\"")
        }
        ValidationErrorKind::Constant { expected_value } => {
            format!("expected {}, found {found}", show_value(expected_value))
        }
        ValidationErrorKind::Enum { options } => {
            format!("expected one of {}, found {found}", show_value(options))
        }
        ValidationErrorKind::Format { format } if format == "date-time" => format!(
            "expected an RFC 3339 date-time such as \"2024-05-08T11:57:42.250Z\", found {found}"
        ),
        ValidationErrorKind::Format { format } => {
            format!("expected a valid {format}, found {found}")
        }
        ValidationErrorKind::Minimum { limit } => {
            format!("expected a number >= {limit}, found {found}")
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            format!("expected a number > {limit}, found {found}")
        }
        ValidationErrorKind::Maximum { limit } => {
            format!("expected a number <= {limit}, found {found}")
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => {
            format!("expected a number < {limit}, found {found}")
        }
        ValidationErrorKind::MinLength { limit: 1 } => {
            format!("expected a non-empty string, found {found}")
        }
        ValidationErrorKind::MinLength { limit } => {
            format!("expected at least {limit} characters, found {found}")
        }
        ValidationErrorKind::MaxLength { limit } => {
            format!("expected at most {limit} characters, found {found}")
        }
        ValidationErrorKind::MinItems { limit } => {
            format!("expected at least {limit} items, found {found}")
        }
        ValidationErrorKind::MaxItems { limit } => {
            format!("expected at most {limit} items, found {found}")
        }
        ValidationErrorKind::Pattern { pattern } => {
            format!("expected a string matching /{pattern}/, found {found}")
        }
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let names: Vec<String> = unexpected.iter().map(|u| format!("\"{u}\"")).collect();
            format!(
                "unexpected properties (not allowed here): {}",
                names.join(", ")
            )
        }
        ValidationErrorKind::FalseSchema => format!("no value is allowed here, found {found}"),
        _ => format!("{}, found {found}", error.masked()),
    };
    // A missing property has no position of its own: the position is the object's that lacks it.
    Diagnostic::new(
        Severity::Error,
        error.kind().keyword().to_string(),
        Some(pointer),
        position,
        message,
    )
}

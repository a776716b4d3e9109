//! When a payload's violations can be looked for in the first elements of its arrays only.
//!
//! The schema crate collects every violation of an instance before it hands back the first, so
//! a payload of five million wrong array elements would cost gigabytes of violations that are
//! only counted. The document path (`docjson`) lets each array show only its first elements (its
//! length stays true). For a schema whose every violation concerns one value (no `anyOf`,
//! `oneOf`, `not`, `if`, `contains`, `unevaluated*`; see [`windowable`]), the violations located
//! before the first hidden element, in source order, are exactly the payload's. When they are
//! enough for the findings shown, the rest is not looked for; otherwise the window widens until
//! they are, or until nothing is hidden.

use serde_json::Value;

use crate::model::finding::{Diagnostic, Severity};
use crate::model::origin::Position;

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

impl Violations {
    /// The one finding of a payload whose schema could not be applied: `schema` failed to
    /// compile for this check (`error`), so it fails visibly rather than pass unchecked.
    pub fn unchecked_by(schema: &str, error: &str, at: Position) -> Violations {
        Violations {
            shown: vec![Diagnostic::new(
                Severity::Error,
                "schema",
                None,
                at,
                format!("the schema {schema:?} could not be applied: {error}"),
            )],
            total: 1,
            counted: true,
            unchecked: 0,
        }
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
}

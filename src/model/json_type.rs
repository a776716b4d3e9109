//! JSON type names, with one rule for integers everywhere (as JSON Schema has it): a number
//! without a fractional part is an `integer`, `120.0` included.

use serde_json::Value;

/// A JSON type, as reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum JsonType {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number without a fractional part.
    Integer,
    /// Any other number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// Every type, in report order.
    pub const ALL: [JsonType; 7] = [
        JsonType::Null,
        JsonType::Boolean,
        JsonType::Integer,
        JsonType::Number,
        JsonType::String,
        JsonType::Array,
        JsonType::Object,
    ];

    /// The type's name: `null`, `boolean`, `integer`, `number`, `string`, `array`, `object`.
    pub fn name(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }

    /// The type of a JSON Schema `type` name.
    pub fn from_name(name: &str) -> Option<JsonType> {
        JsonType::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The type of a value: `integer` for numbers without a fractional part, as JSON Schema has
    /// it.
    pub fn of(value: &Value) -> JsonType {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => JsonType::Integer,
            Value::Number(n) => match n.as_f64() {
                Some(f) if f.is_finite() && f.fract() == 0.0 => JsonType::Integer,
                _ => JsonType::Number,
            },
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    /// The type in JSON's data model, where every number is a `number`: integers and other
    /// numbers compare by value, so only a change of this type is a change of type.
    pub fn family(self) -> JsonType {
        match self {
            JsonType::Integer => JsonType::Number,
            t => t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers_are_numbers_without_a_fraction() {
        assert_eq!(JsonType::of(&json!(120)), JsonType::Integer);
        assert_eq!(JsonType::of(&json!(120.0)), JsonType::Integer);
        assert_eq!(JsonType::of(&json!(1.5)), JsonType::Number);
        assert_eq!(JsonType::of(&json!(1.5)).family(), JsonType::Number);
        assert_eq!(JsonType::of(&json!(120)).family(), JsonType::Number);
        assert_eq!(JsonType::of(&json!("x")).family(), JsonType::String);
    }
}

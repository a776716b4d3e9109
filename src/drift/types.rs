//! The JSON types a drift report names, and sets of them: the types a value has, the types a
//! schema allows at a place, and whether one fits the other (an `integer` fits `number`, as in
//! JSON Schema).

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

    pub(super) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of JSON types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Types(u8);

impl Types {
    /// No type.
    pub const NONE: Types = Types(0);

    /// The set with one more type.
    #[must_use]
    pub fn with(self, t: JsonType) -> Types {
        Types(self.0 | t.bit())
    }

    /// Whether the set holds `t` itself.
    pub fn contains(self, t: JsonType) -> bool {
        self.0 & t.bit() != 0
    }

    /// Whether a value of type `t` is allowed: `t` is in the set, or `t` is `integer` and the
    /// set holds `number`.
    pub fn allows(self, t: JsonType) -> bool {
        self.contains(t) || (t == JsonType::Integer && self.contains(JsonType::Number))
    }

    /// The types, in report order.
    pub fn iter(self) -> impl Iterator<Item = JsonType> {
        JsonType::ALL.into_iter().filter(move |t| self.contains(*t))
    }

    /// The names, e.g. `["string", "array"]`.
    pub fn names(self) -> Vec<&'static str> {
        self.iter().map(JsonType::name).collect()
    }
}

/// Types allowed at a place: `None` when the schema does not constrain them.
pub(super) type Allowed = Option<Types>;

pub(super) fn intersect(a: Allowed, b: Allowed) -> Allowed {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(a), Some(b)) => Some(Types(a.0 & b.0)),
    }
}

pub(super) fn unite(a: Allowed, b: Allowed) -> Allowed {
    match (a, b) {
        (Some(a), Some(b)) => Some(Types(a.0 | b.0)),
        _ => None,
    }
}

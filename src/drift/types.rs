//! Sets of JSON types: the types a value has, the types a schema allows at a place, and whether
//! one fits the other (an `integer` fits `number`, as in JSON Schema).

pub use crate::model::json_type::JsonType;

/// A set of JSON types.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Types(u8);

impl Types {
    /// No type.
    pub const NONE: Types = Types(0);

    /// The set with one more type.
    #[must_use]
    pub fn with(self, t: JsonType) -> Types {
        Types(self.0 | bit(t))
    }

    /// Whether the set holds `t` itself.
    pub fn contains(self, t: JsonType) -> bool {
        self.0 & bit(t) != 0
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

pub(super) fn bit(t: JsonType) -> u8 {
    1 << (t as u8)
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

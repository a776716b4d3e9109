//! What the drift walk reads of a payload: a parsed value, or a large payload read through its
//! bytes ([`DocValue`]), so that counting a payload of millions of values never parses it into
//! millions of `serde_json::Value`s.

use serde_json::Value;

use crate::input::doc::{DocValue, Kind};
use crate::model::json_type::JsonType;

/// A JSON value as the walk reads it.
pub trait Tree: Copy {
    /// Its type (`integer` for a whole number, as [`JsonType::of`] tells).
    fn json_type(self) -> JsonType;
    /// Calls `f` on each member of an object, in order.
    fn each_member(self, f: impl FnMut(&str, Self));
    /// Calls `f` on each element of an array, in order.
    fn each_element(self, f: impl FnMut(Self));
    /// Whether an object has the member `key`.
    fn has_member(self, key: &str) -> bool;
}

impl Tree for &Value {
    fn json_type(self) -> JsonType {
        JsonType::of(self)
    }

    fn each_member(self, mut f: impl FnMut(&str, Self)) {
        if let Value::Object(map) = self {
            for (k, v) in map {
                f(k, v);
            }
        }
    }

    fn each_element(self, f: impl FnMut(Self)) {
        if let Value::Array(items) = self {
            items.iter().for_each(f);
        }
    }

    fn has_member(self, key: &str) -> bool {
        self.as_object().is_some_and(|m| m.contains_key(key))
    }
}

impl Tree for DocValue<'_> {
    fn json_type(self) -> JsonType {
        match self.kind() {
            Kind::Null => JsonType::Null,
            Kind::Bool => JsonType::Boolean,
            Kind::Number => self
                .as_number()
                .map_or(JsonType::Number, |n| JsonType::of(&Value::Number(n))),
            Kind::String => JsonType::String,
            Kind::Array => JsonType::Array,
            Kind::Object => JsonType::Object,
        }
    }

    fn each_member(self, mut f: impl FnMut(&str, Self)) {
        for (k, v) in self.members() {
            f(&k, v);
        }
    }

    fn each_element(self, f: impl FnMut(Self)) {
        self.elements().for_each(f);
    }

    fn has_member(self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

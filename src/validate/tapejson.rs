//! The schema check of a payload read through its [`Tape`]: the quick path's validator.
//!
//! [`TapeJson`] lets the jsonschema crate read a tape directly (its custom-representation
//! traits), so a passing payload is judged without building a `serde_json::Value`. Only the
//! verdict is read from it; a payload that fails is described by the `Value` validator, whose
//! findings are the same either way.
//!
//! [`Tape`]: crate::input::tape::Tape

use std::borrow::Cow;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, Node as JsonNode, NodeIdentity, Object};
use serde_json::{Number, Value};

use crate::input::tape::{At, Children, Members, Node};

/// A [`crate::input::tape::Tape`] as the schema validator reads it.
pub struct TapeJson;

impl Json for TapeJson {
    type Node<'a> = At<'a>;
    type PreparedKey = String;
    type StringBuffer = ();

    /// An object's lookup walks its members: one members pass is never dearer than the
    /// lookups it replaces.
    const KEYS_PER_LOOKUP: usize = 1 << 20;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(_: &mut (), string: &str, f: impl FnOnce(At<'_>) -> T) -> T {
        let one = [Node::String(Cow::Borrowed(string))];
        f(At::single(&one))
    }
}

impl<'a> JsonNode<'a, TapeJson> for At<'a> {
    type Object = TapeObject<'a>;
    type Array = TapeArray<'a>;
    type Number = Number;

    fn as_object(&self) -> Option<TapeObject<'a>> {
        matches!(self.node(), Node::Object { .. }).then_some(TapeObject(*self))
    }

    fn as_array(&self) -> Option<TapeArray<'a>> {
        matches!(self.node(), Node::Array { .. }).then_some(TapeArray(*self))
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        self.as_str().map(Cow::Borrowed)
    }

    fn as_number(&self) -> Option<Number> {
        At::as_number(self).cloned()
    }

    fn is_number(&self) -> bool {
        matches!(self.node(), Node::Number(_))
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.node() {
            Node::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.node(), Node::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.node() {
            Node::Null => JsonType::Null,
            Node::Bool(_) => JsonType::Boolean,
            Node::Number(_) => JsonType::Number,
            Node::String(_) => JsonType::String,
            Node::Array { .. } => JsonType::Array,
            Node::Object { .. } => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        // `enum` and `const` of strings (most of the bundled schemas') without a copy.
        match (self.node(), expected) {
            (Node::String(s), Value::String(e)) => s == e,
            (Node::String(_), _) => false,
            _ => jsonschema::json::cmp::equal(&self.to_value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(At::to_value(self))
    }

    fn identity(&self) -> Option<NodeIdentity> {
        Some(NodeIdentity::tagged(self.address(), self.index()))
    }
}

/// An object of a tape.
#[derive(Clone, Copy)]
pub struct TapeObject<'a>(At<'a>);

impl<'a> Object<'a, TapeJson> for TapeObject<'a> {
    type Node = At<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn get(&self, key: &String) -> Option<At<'a>> {
        self.0.get(key)
    }

    fn members(&self) -> Members<'a> {
        self.0.members()
    }
}

/// An array of a tape.
#[derive(Clone, Copy)]
pub struct TapeArray<'a>(At<'a>);

impl<'a> Array<'a, TapeJson> for TapeArray<'a> {
    type Node = At<'a>;
    type ElementsIter = Children<'a>;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn elements(&self) -> Children<'a> {
        self.0.elements()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::tape::Tape;

    #[test]
    fn the_tape_meets_the_validators_contract() {
        let text = serde_json::to_vec(&jsonschema::json::conformance::document()).unwrap();
        let tape = Tape::parse(&text).unwrap();
        jsonschema::json::conformance::assert_conformance::<TapeJson>(&tape.root());
    }
}

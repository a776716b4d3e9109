//! Conditions on a payload's fields (`messageType=SMS`, `/meta/x!=1`, `body~refund`): what one
//! says, how it is read from its text, and whether a value satisfies it.
//!
//! A condition names a field, an operator and a value. The field is a top-level key
//! (`messageType`) or an RFC 6901 JSON pointer (`/attachments/0`, `/meta/a~1b`). The operator is
//! `=` (equals), `!=` (differs) or `~` (holds the text). A string field compares as the string;
//! any other value as its compact JSON text, as serde_json writes it (`120`, `true`, `null`,
//! `{"a":1}`), so `callDuration=120` matches the number 120 as well as the string "120". A
//! missing field equals nothing: `=` and `~` reject it, `!=` keeps it.
//!
//! The field is read from a parsed value here ([`Condition::holds_in`]); the input layer reads it
//! from a payload's bytes without building the value, and both agree.

use serde_json::Value;

/// How a condition compares the field with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`: the field's text is the value.
    Equals,
    /// `!=`: the field is missing or its text is not the value.
    Differs,
    /// `~`: the field's text holds the value (case-sensitive).
    Contains,
}

impl Op {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Equals => "=",
            Op::Differs => "!=",
            Op::Contains => "~",
        }
    }
}

/// What a payload holds at a condition's field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found<'a> {
    /// A string, decoded.
    String(&'a str),
    /// Any other value, as its compact JSON text.
    Json(&'a str),
}

impl<'a> Found<'a> {
    /// The text a condition compares.
    pub fn text(self) -> &'a str {
        match self {
            Found::String(s) | Found::Json(s) => s,
        }
    }
}

/// One condition on a payload's field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The field as given.
    field: String,
    /// Its reference tokens, unescaped: one for a top-level key.
    tokens: Vec<String>,
    op: Op,
    value: String,
}

/// What a condition's text looks like, for messages.
const FORMS: &str = "expected FIELD=VALUE, FIELD!=VALUE or FIELD~TEXT, where FIELD is a \
                     top-level name (messageType) or a JSON pointer (/meta/x)";

impl Condition {
    /// Reads a condition: `FIELD=VALUE`, `FIELD!=VALUE` or `FIELD~TEXT`.
    ///
    /// The first operator splits the text, so a value may hold any character. In a pointer,
    /// `~0` and `~1` are escapes (`~` and `/`), not the operator, unless the text has no other
    /// operator: then its last `~` is one (`/callDuration~12`).
    pub fn parse(text: &str) -> Result<Condition, String> {
        let (field, op, value) =
            split(text).ok_or_else(|| format!("no operator in {text:?}: {FORMS}"))?;
        if field.is_empty() {
            return Err(format!("no field before {:?}: {FORMS}", op.symbol()));
        }
        if field.trim() != field {
            return Err(format!(
                "the field {field:?} starts or ends with a space: write the condition without \
                 spaces around {:?}",
                op.symbol()
            ));
        }
        let tokens = match field.strip_prefix('/') {
            Some(rest) => rest
                .split('/')
                .map(|t| t.replace("~1", "/").replace("~0", "~"))
                .collect(),
            None if field.contains('/') => {
                return Err(format!(
                    "{field:?} is neither a top-level name nor a JSON pointer (a pointer starts \
                     with /: /{field})"
                ));
            }
            None => vec![field.to_string()],
        };
        Ok(Condition {
            field: field.to_string(),
            tokens,
            op,
            value: value.to_string(),
        })
    }

    /// The field's reference tokens, unescaped (one for a top-level name).
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// The field as given.
    pub fn field(&self) -> &str {
        &self.field
    }

    /// The operator.
    pub fn op(&self) -> Op {
        self.op
    }

    /// The value compared with.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Whether what the payload holds at the field (`None`: nothing) satisfies the condition.
    pub fn holds(&self, found: Option<Found<'_>>) -> bool {
        match (self.op, found) {
            (Op::Differs, None) => true,
            (_, None) => false,
            (Op::Equals, Some(f)) => f.text() == self.value,
            (Op::Differs, Some(f)) => f.text() != self.value,
            (Op::Contains, Some(f)) => f.text().contains(self.value.as_str()),
        }
    }

    /// Whether a parsed payload satisfies the condition.
    pub fn holds_in(&self, payload: &Value) -> bool {
        match resolve(payload, &self.tokens) {
            None => self.holds(None),
            Some(Value::String(s)) => self.holds(Some(Found::String(s))),
            Some(other) => self.holds(Some(Found::Json(&json_text(other)))),
        }
    }
}

/// Whether a parsed payload satisfies every condition.
pub fn all_hold(conditions: &[Condition], payload: &Value) -> bool {
    conditions.iter().all(|c| c.holds_in(payload))
}

/// A value that is not a string, as the text conditions compare: compact JSON.
pub fn json_text(value: &Value) -> String {
    value.to_string()
}

/// The value at `tokens` under `value`: a member of an object, or an element of an array by
/// its index (digits, no leading zero, as RFC 6901 writes it).
pub fn resolve<'v>(value: &'v Value, tokens: &[String]) -> Option<&'v Value> {
    tokens.iter().try_fold(value, |v, token| match v {
        Value::Object(map) => map.get(token.as_str()),
        Value::Array(items) => array_index(token).and_then(|i| items.get(i)),
        _ => None,
    })
}

/// A reference token as an array index: `0`, or digits without a leading zero.
pub fn array_index(token: &str) -> Option<usize> {
    let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    if !digits || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    token.parse().ok()
}

/// Splits a condition at its operator.
fn split(text: &str) -> Option<(&str, Op, &str)> {
    let bytes = text.as_bytes();
    let pointer = text.starts_with('/');
    let mut last_escape = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'!' if bytes.get(i + 1) == Some(&b'=') => {
                return Some((&text[..i], Op::Differs, &text[i + 2..]));
            }
            b'=' => return Some((&text[..i], Op::Equals, &text[i + 1..])),
            b'~' if pointer && matches!(bytes.get(i + 1), Some(b'0' | b'1')) => {
                last_escape = Some(i);
                i += 2;
                continue;
            }
            b'~' => return Some((&text[..i], Op::Contains, &text[i + 1..])),
            _ => {}
        }
        i += 1;
    }
    last_escape.map(|i| (&text[..i], Op::Contains, &text[i + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parts(text: &str) -> (Vec<String>, Op, String) {
        let c = Condition::parse(text).unwrap();
        (c.tokens.clone(), c.op, c.value.clone())
    }

    fn toks(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_first_operator_splits_field_and_value() {
        assert_eq!(
            parts("messageType=SMS"),
            (toks(&["messageType"]), Op::Equals, "SMS".into())
        );
        assert_eq!(
            parts("status!=delivered"),
            (toks(&["status"]), Op::Differs, "delivered".into())
        );
        assert_eq!(
            parts("body~a=b"),
            (toks(&["body"]), Op::Contains, "a=b".into())
        );
        assert_eq!(
            parts("body=x!=y~z"),
            (toks(&["body"]), Op::Equals, "x!=y~z".into())
        );
        assert_eq!(parts("a!b=c"), (toks(&["a!b"]), Op::Equals, "c".into()));
        assert_eq!(
            parts("subject="),
            (toks(&["subject"]), Op::Equals, "".into())
        );
        assert_eq!(parts("x!="), (toks(&["x"]), Op::Differs, "".into()));
    }

    #[test]
    fn pointers_unescape_and_keep_their_tildes_apart_from_the_operator() {
        assert_eq!(
            parts("/attachments/0=a"),
            (toks(&["attachments", "0"]), Op::Equals, "a".into())
        );
        assert_eq!(
            parts("/meta/a~1b~0c!=1"),
            (toks(&["meta", "a/b~c"]), Op::Differs, "1".into())
        );
        assert_eq!(
            parts("/meta/x~y"),
            (toks(&["meta", "x"]), Op::Contains, "y".into())
        );
        // Only escapes and no other operator: the last `~` is the operator.
        assert_eq!(
            parts("/callDuration~12"),
            (toks(&["callDuration"]), Op::Contains, "12".into())
        );
        assert_eq!(
            parts("/a~1b~10"),
            (toks(&["a/b"]), Op::Contains, "10".into())
        );
        // A top-level name has no escapes: `~` is always the operator.
        assert_eq!(parts("x~1"), (toks(&["x"]), Op::Contains, "1".into()));
    }

    #[test]
    fn bad_conditions_say_what_is_expected() {
        let err = Condition::parse("messageType").unwrap_err();
        assert!(
            err.contains("no operator") && err.contains("FIELD=VALUE"),
            "{err}"
        );
        let err = Condition::parse("=SMS").unwrap_err();
        assert!(err.contains("no field before \"=\""), "{err}");
        let err = Condition::parse("!=x").unwrap_err();
        assert!(err.contains("no field before \"!=\""), "{err}");
        let err = Condition::parse("meta/x=1").unwrap_err();
        assert!(err.contains("a pointer starts with /: /meta/x"), "{err}");
        let err = Condition::parse("messageType = SMS").unwrap_err();
        assert!(err.contains("without spaces"), "{err}");
        assert!(Condition::parse("").is_err());
        assert!(Condition::parse("/meta~1x").is_ok());
    }

    #[test]
    fn strings_compare_as_strings_and_other_values_as_their_json_text() {
        let p = json!({
            "messageType": "SMS", "callDuration": 120, "read": true, "x": null,
            "rate": 1.5, "neg": -3, "s": "120", "meta": {"a/b": [1, {"k": "v"}]},
            "attachments": ["https://a/1.mp3", "https://a/2.mp3"], "empty": ""
        });
        let holds = |t: &str| Condition::parse(t).unwrap().holds_in(&p);
        assert!(holds("messageType=SMS"));
        assert!(!holds("messageType=sms"));
        assert!(holds("callDuration=120"));
        assert!(!holds("callDuration=120.0"));
        assert!(holds("s=120"));
        assert!(holds("read=true"));
        assert!(holds("x=null"));
        assert!(holds("rate=1.5"));
        assert!(holds("neg=-3"));
        assert!(holds("empty="));
        assert!(holds("/meta/a~1b/0=1"));
        assert!(holds("/meta/a~1b/1/k=v"));
        assert!(holds(r#"/meta/a~1b/1={"k":"v"}"#));
        assert!(holds(r#"meta~"k":"v""#));
        assert!(holds("/attachments/1=https://a/2.mp3"));
        assert!(holds("/attachments~2.mp3"));
        assert!(holds("callDuration~12"));
        assert!(holds("messageType~MS"));
        assert!(!holds("messageType~ms"));
        assert!(holds("messageType!=Email"));
        assert!(!holds("messageType!=SMS"));
    }

    #[test]
    fn a_missing_field_equals_nothing() {
        let p = json!({"a": [1], "o": {"k": 1}});
        let holds = |t: &str| Condition::parse(t).unwrap().holds_in(&p);
        for field in ["nope", "/a/1", "/a/01", "/a/-", "/o/k/deeper", "/o/x"] {
            assert!(!holds(&format!("{field}=1")), "{field}");
            assert!(!holds(&format!("{field}~")), "{field}");
            assert!(holds(&format!("{field}!=1")), "{field}");
        }
        // `~` with no text: the field is there.
        assert!(holds("a~"));
        assert!(holds("/o/k~"));
    }

    #[test]
    fn conditions_are_anded() {
        let p = json!({"messageType": "SMS", "status": "failed"});
        let c = |t: &str| Condition::parse(t).unwrap();
        assert!(all_hold(&[c("messageType=SMS"), c("status=failed")], &p));
        assert!(!all_hold(
            &[c("messageType=SMS"), c("status=delivered")],
            &p
        ));
        assert!(all_hold(&[], &p));
    }

    #[test]
    fn resolving_agrees_with_serde_json_pointers() {
        let p = json!({"a": [1, {"b~/c": 2}], "": {"": 3}, "0": {"01": 4}});
        for pointer in [
            "/a",
            "/a/0",
            "/a/1/b~0~1c",
            "/a/2",
            "/a/01",
            "/",
            "//",
            "/0/01",
            "/a/-",
            "/a/+1",
        ] {
            let c = Condition::parse(&format!("{pointer}=x")).unwrap();
            assert_eq!(resolve(&p, c.tokens()), p.pointer(pointer), "{pointer}");
        }
    }
}

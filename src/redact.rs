//! `--redact`: masks personal data before anything is printed or written, so payloads can be
//! pasted into a bug report.
//!
//! * The address fields (`from`, `to`, `cc`, `bcc`, `ccList`, `bccList`) lose every value:
//!   `<email:1a2b3c4d>`, `<phone:…>`, or `<address:…>` when the value is neither.
//! * Message bodies (`body`, `plainText`) become their length and a short hash:
//!   `<body: 120 chars, 1a2b3c4d>`.
//! * `subject`, and any text in a finding, keep their words but lose email addresses and phone
//!   numbers.
//! * Attachment URLs keep their scheme and host; their path becomes a hash (the extension stays).
//! * Ids stay as they are, `emailMessageId` and `threadId` included: they identify messages, not
//!   people.
//!
//! Masks are deterministic (a hash of the original), so the same value always gets the same mask
//! and diffs of redacted payloads stay meaningful.

use std::sync::OnceLock;

use regex::Regex;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::input::Record;
use crate::input::doc::{Doc, DocValue, Kind};
use crate::input::parse::{SHALLOW_ABOVE, parse_shallow};
use crate::model::finding::Fault;

/// Fields whose every value is an address.
pub const ADDRESS_FIELDS: &[&str] = &["from", "to", "cc", "bcc", "ccList", "bccList"];
/// Fields that hold a message body.
pub const BODY_FIELDS: &[&str] = &["body", "plainText"];
/// Fields whose text is kept but whose addresses and numbers are masked.
pub const TEXT_FIELDS: &[&str] = &["subject"];

/// The first eight hex digits of the SHA-256 of `s`.
pub fn short_hash(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+").expect("valid regex")
    })
}

fn phone_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // A leading + or digit, then digits with spaces, dots, dashes or parentheses; at least seven
    // digits in all (checked below), not inside a word.
    RE.get_or_init(|| Regex::new(r"(?:^|[^\w])(\+?\(?\d[\d\s().\-]{5,}\d)").expect("valid regex"))
}

/// Whether `s` looks like a date or time (`2024-05-08`, `11:57:42`), which the phone pattern
/// must leave alone.
fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() >= 10 && b[4] == b'-' && b[7] == b'-') || s.contains(':')
}

/// `text` with email addresses and phone numbers replaced by masks.
pub fn mask_text(text: &str) -> String {
    let masked = email_re().replace_all(text, |c: &regex::Captures<'_>| {
        format!("<email:{}>", short_hash(&c[0]))
    });
    phone_re()
        .replace_all(&masked, |c: &regex::Captures<'_>| {
            let whole = &c[0];
            let number = &c[1];
            let digits = number.chars().filter(char::is_ascii_digit).count();
            if !(7..=15).contains(&digits) || looks_like_date(number.trim()) {
                return whole.to_string();
            }
            let lead = &whole[..whole.len() - number.len()];
            format!("{lead}<phone:{}>", short_hash(number.trim()))
        })
        .into_owned()
}

/// The mask of one address value.
pub fn mask_address(value: &str) -> String {
    let kind = if email_re().is_match(value) {
        "email"
    } else if value.chars().filter(char::is_ascii_digit).count() >= 7 {
        "phone"
    } else {
        "address"
    };
    format!("<{kind}:{}>", short_hash(value))
}

/// The mask of a body.
pub fn mask_body(body: &str) -> String {
    format!(
        "<body: {} chars, {}>",
        body.chars().count(),
        short_hash(body)
    )
}

/// An attachment URL with its path hashed: `https://host/<path:1a2b3c4d>.pdf`.
pub fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return format!("<attachment:{}>", short_hash(url));
    };
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if path.is_empty() || path == "/" {
        return url.to_string();
    }
    let file = path.rsplit('/').next().unwrap_or("");
    let ext = file
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| !e.is_empty() && e.len() <= 5 && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .map(|e| format!(".{e}"))
        .unwrap_or_default();
    format!("{scheme}://{host}/<path:{}>{ext}", short_hash(path))
}

/// Masks every string and number in `v`, however deep: a masked field is masked whatever the
/// shape of its value (a number, an object, an array of objects). Keys, booleans and nulls stay.
fn map_strings(v: &mut Value, f: &dyn Fn(&str) -> String) {
    match v {
        Value::String(s) => *s = f(s),
        Value::Number(n) => *v = Value::String(f(&n.to_string())),
        Value::Array(items) => items.iter_mut().for_each(|x| map_strings(x, f)),
        Value::Object(map) => map.values_mut().for_each(|x| map_strings(x, f)),
        Value::Bool(_) | Value::Null => {}
    }
}

/// How a top-level member's strings and numbers are masked, if it is masked at all.
fn mask_of(key: &str) -> Option<fn(&str) -> String> {
    if ADDRESS_FIELDS.contains(&key) {
        Some(mask_address)
    } else if BODY_FIELDS.contains(&key) {
        Some(mask_body)
    } else if TEXT_FIELDS.contains(&key) {
        Some(mask_text)
    } else if key == "attachments" {
        Some(mask_url)
    } else {
        None
    }
}

/// Redacts a payload in place. See the module documentation.
pub fn redact(value: &mut Value) {
    let Value::Object(map) = value else {
        return;
    };
    for (key, v) in map.iter_mut() {
        if let Some(mask) = mask_of(key) {
            map_strings(v, &mask);
        }
    }
}

/// What [`redact`] makes of a payload read through its bytes (a large one), as JSON text: the
/// masked members are written masked, every other member's text is copied as it came, so that
/// no tree of values is built. The document must hold no key twice (as a payload read shallow
/// does); `None` when it is not an object.
pub fn redact_doc(doc: &Doc<'_>) -> Option<Vec<u8>> {
    let root = doc.root();
    if root.kind() != Kind::Object {
        return None;
    }
    let mut out = Vec::with_capacity(doc.raw().len());
    out.push(b'{');
    for (i, (key, value)) in root.members().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, key.as_ref()).ok()?;
        out.push(b':');
        match mask_of(&key) {
            Some(mask) => serde_json::to_writer(&mut out, &Masked { value, mask }).ok()?,
            None => out.extend_from_slice(value.text()),
        }
    }
    out.push(b'}');
    Some(out)
}

/// A record of [`SHALLOW_ABOVE`] bytes or more, masked through its bytes ([`redact_doc`]) after
/// the checks [`parse_shallow`] makes: the masked text, to be read as an unmasked record would
/// be. `None` when the record is smaller or cannot be read so (a key repeats): its parsed
/// value is masked then.
pub fn redact_large(rec: &Record<'_>) -> Option<Result<Vec<u8>, Fault>> {
    if rec.bytes.len() < SHALLOW_ABOVE {
        return None;
    }
    match parse_shallow(rec.clone(), SHALLOW_ABOVE) {
        Err(f) => Some(Err(f)),
        Ok(p) if p.shallow => Doc::build(p.raw).and_then(|d| redact_doc(&d)).map(Ok),
        Ok(_) => None,
    }
}

/// A value of a masked member, serialized with its strings and numbers masked as
/// [`map_strings`] masks them.
struct Masked<'d> {
    value: DocValue<'d>,
    mask: fn(&str) -> String,
}

impl Serialize for Masked<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mask = self.mask;
        match self.value.kind() {
            Kind::Null => s.serialize_unit(),
            Kind::Bool => s.serialize_bool(self.value.as_bool().unwrap_or_default()),
            Kind::String => s.serialize_str(&mask(&self.value.as_str().unwrap_or_default())),
            Kind::Number => {
                let n = self.value.as_number().map(|n| n.to_string());
                s.serialize_str(&mask(&n.unwrap_or_default()))
            }
            Kind::Array => {
                let mut seq = s.serialize_seq(None)?;
                for value in self.value.elements() {
                    seq.serialize_element(&Masked { value, mask })?;
                }
                seq.end()
            }
            Kind::Object => {
                let mut map = s.serialize_map(None)?;
                for (k, value) in self.value.members() {
                    map.serialize_entry(&k, &Masked { value, mask })?;
                }
                map.end()
            }
        }
    }
}

/// Masks what a finding quotes: the value of a masked field entirely, addresses and numbers
/// anywhere else.
pub fn redact_message(pointer: Option<&str>, message: &str) -> String {
    if pointer.is_some_and(is_masked_pointer)
        && let Some(i) = message.find(", found ")
    {
        return format!("{}, found a redacted value", &message[..i]);
    }
    mask_text(message)
}

/// Whether a JSON pointer names a field that `redact` masks (its value must not be quoted).
pub fn is_masked_pointer(pointer: &str) -> bool {
    let first = pointer
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    ADDRESS_FIELDS.contains(&first)
        || BODY_FIELDS.contains(&first)
        || TEXT_FIELDS.contains(&first)
        || first == "attachments"
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn masked_fields_are_masked_whatever_their_shape() {
        let mut v = json!({
            "to": {"name": "Jordan", "address": "jordan@example.org"},
            "cc": [{"email": "riley@example.com"}, 15555550123_u64],
            "bcc": 15555550123_u64,
            "body": {"text": "secret"},
            "attachments": [{"url": "https://cdn.example.com/private/report.pdf"}],
            "keep": true,
        });
        redact(&mut v);
        let text = v.to_string();
        for secret in [
            "Jordan",
            "jordan@",
            "riley@",
            "15555550123",
            "secret",
            "private",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        assert_eq!(v["keep"], true);
        assert!(v["to"]["address"].as_str().unwrap().starts_with("<email:"));
        assert!(v["bcc"].as_str().unwrap().starts_with("<phone:"));
    }

    #[test]
    fn masks_are_deterministic_and_cover_the_fields() {
        let mut v = json!({
            "messageId": "tyW42xCD0HQpb3hhfLcx",
            "emailMessageId": "abc@mail.example.com",
            "from": "Riley Chen <frontdesk@example.com>",
            "to": ["+1 (555) 555-0123", "jordan@example.org"],
            "body": "Call me at +15555550123, Jordan",
            "subject": "Re: jordan@example.org on 2024-05-08",
            "attachments": ["https://files.example.com/loc/abc/forms.pdf", "rec"],
            "dateAdded": "2024-05-08T11:57:42.250Z"
        });
        let mut again = v.clone();
        redact(&mut v);
        redact(&mut again);
        assert_eq!(v, again, "deterministic");
        let text = v.to_string();
        for secret in [
            "frontdesk@",
            "Riley",
            "555-0123",
            "jordan@",
            "Call me",
            "/loc/abc/",
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        assert_eq!(v["messageId"], "tyW42xCD0HQpb3hhfLcx");
        assert_eq!(v["emailMessageId"], "abc@mail.example.com");
        assert_eq!(v["dateAdded"], "2024-05-08T11:57:42.250Z");
        assert!(v["from"].as_str().unwrap().starts_with("<email:"));
        assert!(v["to"][0].as_str().unwrap().starts_with("<phone:"));
        assert!(v["body"].as_str().unwrap().starts_with("<body: 31 chars, "));
        assert!(v["subject"].as_str().unwrap().starts_with("Re: <email:"));
        assert!(v["subject"].as_str().unwrap().ends_with("on 2024-05-08"));
        let url = v["attachments"][0].as_str().unwrap();
        assert!(
            url.starts_with("https://files.example.com/<path:") && url.ends_with(".pdf"),
            "{url}"
        );
        assert!(
            v["attachments"][1]
                .as_str()
                .unwrap()
                .starts_with("<attachment:")
        );
    }

    #[test]
    fn a_payload_masked_through_its_bytes_is_the_masked_value() {
        let texts = [
            r#"{"to":{"name":"Jordan","n":[15555550123,1.50,true,null]},"body":"a\u00e9 b",
               "x":{"keep": [1.50, "jordan@example.org"]},"subject":"Re: jordan@example.org",
               "attachments":["https://cdn.example.com/p/r.pdf",{"url":"u"},7],"k\u00e9y":1}"#,
            r#"{}"#,
            r#"{"cc":[],"bcc":{},"plainText":""}"#,
        ];
        for text in texts {
            let doc = Doc::build(text.as_bytes()).unwrap();
            let masked: Value = serde_json::from_slice(&redact_doc(&doc).unwrap()).unwrap();
            let mut want: Value = serde_json::from_str(text).unwrap();
            redact(&mut want);
            assert_eq!(masked, want, "{text}");
            assert_eq!(masked.to_string(), want.to_string(), "member order: {text}");
        }
        assert!(redact_doc(&Doc::build(b"[1]").unwrap()).is_none());
    }

    #[test]
    fn generated_payloads_mask_the_same_through_their_bytes() {
        let text = crate::sample::generate::corpus(11, 800);
        let mut compared = 0;
        crate::input::testing::each_record(&text, |rec| {
            let Ok(p) = rec.and_then(crate::input::parse::parse) else {
                return;
            };
            if crate::input::locate::duplicate_key(p.raw).is_some() {
                return;
            }
            let doc = Doc::build(p.raw).unwrap();
            let masked: Value = serde_json::from_slice(&redact_doc(&doc).unwrap()).unwrap();
            let mut want = p.value.clone();
            redact(&mut want);
            assert_eq!(masked.to_string(), want.to_string());
            compared += 1;
        });
        assert!(compared > 700, "{compared}");
    }

    #[test]
    fn text_masking_leaves_dates_ids_and_short_numbers() {
        assert_eq!(
            mask_text("order 12345 on 2024-05-08 at 11:57"),
            "order 12345 on 2024-05-08 at 11:57"
        );
        assert_eq!(
            mask_text("id m0000000000000000123"),
            "id m0000000000000000123"
        );
        let m = mask_text("ring +1 555 555 0123 now");
        assert!(m.starts_with("ring <phone:") && m.ends_with("> now"), "{m}");
    }
}

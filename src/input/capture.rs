//! Deliveries as people capture them: a raw HTTP request (`nc -l`, a proxy), or a JSON envelope
//! that carries the body with its headers (an n8n webhook node's output:
//! `[{"headers":{…},"params":{},"query":{},"body":{…}}]`).
//!
//! The HTTP side is split by the reader (`input::reader`); this module holds what a delivery
//! carries besides its body ([`Delivery`]) and unwraps envelopes. Either way the payload's origin
//! still points into the original file: at the body's first byte.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::input::locate::{locate, value_end};
use crate::input::{Record, RecordStatus};
use crate::model::finding::{Fault, RULE_JSON};

/// How a source's entries are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputMode {
    /// Detect: raw HTTP requests, envelopes, or bare payloads.
    #[default]
    Auto,
    /// Bare payloads only (an object with `headers` and `body` is a payload too).
    Payload,
    /// Raw HTTP requests, one after another.
    Http,
    /// JSON envelopes `{"headers": {…}, "body": {…} or "…"}`, alone or in an array.
    Envelope,
}

impl InputMode {
    /// Every mode.
    pub const ALL: [InputMode; 4] = [
        InputMode::Auto,
        InputMode::Payload,
        InputMode::Http,
        InputMode::Envelope,
    ];

    /// The mode's name.
    pub fn name(self) -> &'static str {
        match self {
            InputMode::Auto => "auto",
            InputMode::Payload => "payload",
            InputMode::Http => "http",
            InputMode::Envelope => "envelope",
        }
    }

    /// What the mode reads.
    pub fn description(self) -> &'static str {
        match self {
            InputMode::Auto => "Detect: raw HTTP requests, envelopes, or bare payloads",
            InputMode::Payload => {
                "Bare payloads only (an object with `headers` and `body` is a payload too)"
            }
            InputMode::Http => "Raw HTTP requests, one after another",
            InputMode::Envelope => {
                "JSON envelopes {\"headers\": {…}, \"body\": {…} or \"…\"}, alone or in an array"
            }
        }
    }
}

/// What kind of capture a delivery came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureKind {
    /// A raw HTTP request.
    Http,
    /// A JSON envelope.
    Envelope,
}

/// Whether the body bytes are exactly the bytes that were sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyBytes {
    /// The bytes as sent: an HTTP body, or an envelope's body kept as a string.
    Raw,
    /// The envelope holds the parsed body (an object): the bytes are its text in the capture
    /// file, not necessarily what was sent.
    Parsed,
}

/// What a captured delivery carries besides its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// HTTP request or envelope.
    pub kind: CaptureKind,
    /// The request line (`POST /hook HTTP/1.1`), for HTTP captures.
    pub request_line: Option<String>,
    /// The headers, in order, as (name, value).
    pub headers: Vec<(String, String)>,
    /// Whether the body bytes are exact.
    pub body: BodyBytes,
}

impl Delivery {
    /// The first header named `name`, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Header of HighLevel's current signature scheme (Ed25519).
pub const GHL_SIGNATURE: &str = "X-GHL-Signature";
/// Header of HighLevel's legacy signature scheme (RSA).
pub const WH_SIGNATURE: &str = "X-WH-Signature";

/// Turns an envelope record into a record of its body. A record that is not an envelope is
/// returned as it is, unless `mode` requires envelopes. `scratch` holds the decoded body when the
/// envelope keeps it as a string. The body gets the same depth limit as the envelope.
pub fn unwrap_envelope<'a>(
    record: Record<'a>,
    mode: InputMode,
    max_depth: u64,
    scratch: &'a mut Vec<u8>,
) -> Result<Record<'a>, Fault> {
    if !matches!(mode, InputMode::Auto | InputMode::Envelope)
        || record.status != RecordStatus::Complete
    {
        return Ok(record);
    }
    let bytes = record.bytes;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    // Built once: a searcher is costly to set up, and every record asks.
    static HEADERS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"\"headers\""));
    static BODY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"\"body\""));
    let found = first == Some(&b'{') && HEADERS.find(bytes).is_some() && BODY.find(bytes).is_some();
    let parts = if found {
        match (locate(bytes, "/headers"), locate(bytes, "/body")) {
            (Some(h), Some(b)) if bytes[h] == b'{' && matches!(bytes[b], b'{' | b'"') => {
                Some((h, b))
            }
            _ => None,
        }
    } else {
        None
    };
    let Some((h, b)) = parts else {
        if mode == InputMode::Envelope {
            let message = "expected an envelope: an object with \"headers\" (an object) and \"body\" (an object or a string)".to_string();
            return Err(Fault::new(record.origin, RULE_JSON, None, message));
        }
        return Ok(record);
    };
    // The envelope must be valid JSON; if it is not, the payload parser explains why.
    let headers: Map<String, Value> = match serde_json::from_slice(&bytes[h..value_end(bytes, h)]) {
        Ok(m) => m,
        Err(_) => return Ok(record),
    };
    let headers = headers
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                Value::String(s) => s,
                Value::Array(items) => items
                    .iter()
                    .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            (k, text)
        })
        .collect();
    let body_end = value_end(bytes, b);
    let (body_bytes, kind, start) = if bytes[b] == b'"' {
        let Ok(text) = serde_json::from_slice::<Cow<'_, str>>(&bytes[b..body_end]) else {
            return Ok(record);
        };
        scratch.clear();
        scratch.extend_from_slice(text.as_bytes());
        // Positions inside a decoded string are given from its opening quote.
        (&scratch[..], BodyBytes::Raw, b)
    } else {
        (&bytes[b..body_end], BodyBytes::Parsed, b)
    };
    let mut origin = record.origin;
    origin.position = origin.position.advance(&bytes[..start]);
    let body = Record {
        origin,
        bytes: body_bytes,
        status: RecordStatus::Complete,
        deep: false,
        members: None,
        delivery: Some(Box::new(Delivery {
            kind: CaptureKind::Envelope,
            request_line: None,
            headers,
            body: kind,
        })),
    };
    Ok(body.limit_depth(max_depth))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing;
    use crate::model::origin::Position;

    fn first_record(
        text: &str,
        mode: InputMode,
    ) -> Result<(Position, String, Option<Delivery>), Fault> {
        testing::first_record(text.as_bytes(), |rec| {
            let mut scratch = Vec::new();
            let rec = unwrap_envelope(rec, mode, 128, &mut scratch)?;
            Ok((
                rec.origin.position,
                String::from_utf8(rec.bytes.to_vec()).unwrap(),
                rec.delivery.map(|d| *d),
            ))
        })
    }

    #[test]
    fn object_body_keeps_its_position() {
        let text = "{\"headers\": {\"X-GHL-Signature\": \"abc\", \"accept\": [\"a\", \"b\"]},\n \"params\": {}, \"body\": {\"type\": \"OutboundMessage\"}}";
        let (pos, body, d) = first_record(text, InputMode::Auto).unwrap();
        assert_eq!(body, "{\"type\": \"OutboundMessage\"}");
        assert_eq!(pos, Position::new(2, 24));
        let d = d.unwrap();
        assert_eq!(d.body, BodyBytes::Parsed);
        assert_eq!(d.header("x-ghl-signature"), Some("abc"));
        assert_eq!(d.header("Accept"), Some("a, b"));
    }

    #[test]
    fn string_body_is_decoded_raw() {
        let text = r#"{"headers":{},"body":"{\"type\":\"OutboundMessage\",\"body\":\"a\\nb\"}"}"#;
        let (pos, body, d) = first_record(text, InputMode::Auto).unwrap();
        assert_eq!(body, r#"{"type":"OutboundMessage","body":"a\nb"}"#);
        assert_eq!(pos, Position::new(1, 22));
        assert_eq!(d.unwrap().body, BodyBytes::Raw);
    }

    #[test]
    fn payloads_pass_through_and_modes_apply() {
        let payload = r#"{"type":"OutboundMessage","body":"headers"}"#;
        let (_, body, d) = first_record(payload, InputMode::Auto).unwrap();
        assert_eq!(body, payload);
        assert!(d.is_none());
        assert!(first_record(payload, InputMode::Envelope).is_err());
        let env = r#"{"headers":{},"body":{"a":1}}"#;
        let (_, body, d) = first_record(env, InputMode::Payload).unwrap();
        assert_eq!(body, env);
        assert!(d.is_none());
    }
}

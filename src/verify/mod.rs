//! HighLevel's webhook signatures and the replay checks on deliveries.
//!
//! [`Verifier::check`] verifies one delivery's signature over its exact raw body: pure work that
//! runs on any core. [`Replay::check`] then looks at deliveries in input order: a `timestamp`
//! older than the allowed age, a `webhookId` seen before.

pub mod seen;
pub mod signature;

use serde_json::Value;

use crate::input::capture::BodyBytes;
use crate::input::{Record, RecordStatus};
use crate::model::event::Event;
use crate::model::origin::Origin;
use signature::{Keys, Scheme, Signature};

/// Why a delivery did not verify. The messages name the problem; the caller adds how to change
/// the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The capture ends before the body does.
    Truncated,
    /// The body is over the size limit.
    TooLarge {
        /// The body's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// A delivery with headers, but no signature header.
    NoHeader,
    /// A signature header given more than once: which one the sender meant cannot be told, so
    /// neither is trusted.
    RepeatedHeader {
        /// The header's name.
        name: &'static str,
        /// How many times it is there.
        count: usize,
    },
    /// A bare body, and no signature given for it.
    BareBody,
    /// An envelope that holds the parsed body, not the raw bytes.
    ParsedBody,
    /// An envelope's parsed body that is not valid JSON, so it cannot be re-serialized.
    NotJson,
    /// An envelope's parsed body with a key repeated in one object: re-serializing keeps only
    /// the last value, so it can never give back the bytes that were signed.
    DuplicateKey(String),
    /// The signature does not verify.
    Signature {
        /// Why.
        failure: signature::Failure,
        /// Whether the body was re-serialized from a parsed envelope.
        reserialized: bool,
    },
    /// A `timestamp` that is not an RFC 3339 time.
    BadTimestamp(String),
    /// A `timestamp` older than the allowed age.
    Stale {
        /// The timestamp's text.
        timestamp: String,
        /// Its age, in seconds.
        age: i64,
        /// The allowed age, in seconds.
        max_age: i64,
    },
    /// A `webhookId` seen before in the run.
    Duplicate {
        /// The id.
        id: String,
        /// Where it was first seen.
        first: String,
    },
    /// The delivery is for another marketplace app than `--app-id`.
    OtherApp {
        /// The app id expected.
        expected: String,
        /// The delivery's `appId` (`None` when it has none).
        found: Option<String>,
    },
    /// The entry is not a delivery at all.
    Unreadable(String),
}

impl Failure {
    /// The reason, as the report says it.
    pub fn message(&self) -> String {
        use crate::model::humanize::duration;
        match self {
            Failure::Truncated => {
                "the body is truncated: the capture ends before it does".to_string()
            }
            Failure::TooLarge { size, limit } => {
                format!("the body is {size} bytes, larger than the limit of {limit} bytes")
            }
            Failure::NoHeader => "no signature: the delivery has neither an X-GHL-Signature nor an X-WH-Signature header".to_string(),
            Failure::RepeatedHeader { name, count } => format!(
                "the delivery has {count} {name} headers: a sender signs once, so which one is \
                 meant cannot be told, and none is trusted"
            ),
            Failure::BareBody => "no signature: a bare body has no headers".to_string(),
            Failure::ParsedBody => "cannot verify byte for byte: the envelope holds the parsed body, not the raw bytes that were signed".to_string(),
            Failure::NotJson => "cannot re-serialize: the body is not valid JSON".to_string(),
            Failure::DuplicateKey(key) => format!("cannot re-serialize: key {key:?} appears twice in one object of the body, and re-serializing keeps only its last value, so the signed bytes cannot be rebuilt"),
            Failure::Signature {
                failure,
                reserialized,
            } => {
                let mut reason = failure.to_string();
                if *reserialized {
                    reason.push_str(" (checked against the re-serialized body)");
                }
                reason
            }
            Failure::BadTimestamp(ts) => {
                format!("timestamp {ts} is not an RFC 3339 time, so its age cannot be checked")
            }
            Failure::Stale { timestamp, age, .. } => format!(
                "stale delivery: timestamp {timestamp} is {} old",
                duration(*age as f64)
            ),
            Failure::Duplicate { id, first } => {
                format!("duplicate delivery: webhookId {id:?} was first seen at {first}")
            }
            Failure::OtherApp { expected, found } => match found {
                Some(found) => {
                    format!("another app's delivery: appId {found:?} is not {expected:?}")
                }
                None => format!("not this app's delivery: it has no appId (expected {expected:?})"),
            },
            Failure::Unreadable(message) => message.clone(),
        }
    }
}

/// The day HighLevel retired the legacy RSA signature (`X-WH-Signature`): deliveries signed
/// with it alone after this are suspect.
pub const LEGACY_RETIRED: &str = "2026-07-01T00:00:00Z";

/// The app id a client id stands for: its part before the first `-`, as HighLevel's SDKs
/// compare it.
pub fn app_id_of(client_id: &str) -> &str {
    client_id.split('-').next().unwrap_or(client_id).trim()
}

/// The verdict on one delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// Where the delivery's body starts.
    pub origin: Origin,
    /// The scheme that verified it.
    pub scheme: Option<Scheme>,
    /// Whether the body had to be re-serialized from a parsed envelope.
    pub reserialized: bool,
    /// Why it failed, if it did.
    pub failure: Option<Failure>,
    /// Its `webhookId`, when the body carries one.
    pub webhook_id: Option<String>,
    /// Its `timestamp`, when the body carries one.
    timestamp: Option<Value>,
    /// Something worth saying about a delivery that verified (the retired legacy scheme).
    pub warning: Option<String>,
    /// The delivery's event, when its body is a JSON object.
    pub event: Option<Event>,
}

impl Checked {
    /// A delivery that failed before it could be checked.
    pub fn unreadable(origin: Origin, message: String) -> Checked {
        Checked {
            origin,
            scheme: None,
            reserialized: false,
            failure: Some(Failure::Unreadable(message)),
            webhook_id: None,
            timestamp: None,
            warning: None,
            event: None,
        }
    }
}

/// Checks signatures: shared by the worker threads.
#[derive(Debug, Clone)]
pub struct Verifier {
    /// The keys.
    pub keys: Keys,
    /// A signature given for every body (for bare bodies): its scheme, its base64 text, and
    /// what to call it in messages.
    pub given: Option<(Scheme, String, &'static str)>,
    /// Whether a parsed envelope body may be re-serialized in HighLevel's compact form.
    pub reserialize: bool,
    /// The marketplace app whose deliveries these must be (`--app-id`, a client id's part
    /// before the first `-` accepted too).
    pub app_id: Option<String>,
}

impl Verifier {
    /// Verifies one delivery's signature.
    pub fn check(&self, rec: &Record<'_>) -> Checked {
        use crate::input::parse::{SHALLOW_ABOVE, parse_shallow};
        // Only top-level fields are read: a large body's members need not all be parsed (it is
        // re-serialized through its bytes).
        let parsed: Option<Value> = if rec.bytes.len() >= SHALLOW_ABOVE {
            parse_shallow(rec.clone(), SHALLOW_ABOVE)
                .ok()
                .map(|p| p.value)
        } else {
            serde_json::from_slice(rec.bytes).ok()
        };
        let field = |k: &str| parsed.as_ref().and_then(|v| v.get(k));
        let mut checked = Checked {
            origin: rec.origin.clone(),
            scheme: None,
            reserialized: false,
            failure: None,
            webhook_id: field("webhookId")
                .and_then(Value::as_str)
                .map(str::to_string),
            timestamp: field("timestamp").cloned(),
            warning: None,
            event: parsed
                .as_ref()
                .and_then(Value::as_object)
                .map(|m| crate::classify::event_of(&crate::input::view::View::from_map(m))),
        };
        if let Some(expected) = &self.app_id {
            // As both official SDKs do first: another app's delivery is not checked further.
            let found = field("appId").and_then(Value::as_str);
            if found.map(app_id_of) != Some(app_id_of(expected)) {
                checked.failure = Some(Failure::OtherApp {
                    expected: app_id_of(expected).to_string(),
                    found: found.map(str::to_string),
                });
                return checked;
            }
        }
        checked.failure = self.signature(rec, parsed.as_ref(), &mut checked).err();
        if checked.failure.is_none() && checked.scheme == Some(Scheme::Rsa) && self.given.is_none()
        {
            checked.warning = legacy_warning(parsed.as_ref());
        }
        checked
    }

    fn signature(
        &self,
        rec: &Record<'_>,
        parsed: Option<&Value>,
        checked: &mut Checked,
    ) -> Result<(), Failure> {
        match rec.status {
            // Depth does not matter to a signature.
            RecordStatus::Complete | RecordStatus::TooDeep { .. } => {}
            RecordStatus::Truncated { .. } => return Err(Failure::Truncated),
            RecordStatus::TooLarge { size, limit } => {
                return Err(Failure::TooLarge { size, limit });
            }
        }
        let given = self.given.as_ref().map(|(scheme, b64, from)| Signature {
            scheme: *scheme,
            from,
            base64: b64,
        });
        let sig = match (given, rec.delivery.as_deref()) {
            (Some(s), _) => s,
            (None, Some(d)) => {
                if let Some((name, count)) = signature::repeated_header(d) {
                    return Err(Failure::RepeatedHeader { name, count });
                }
                signature::from_headers(d).ok_or(Failure::NoHeader)?
            }
            (None, None) => return Err(Failure::BareBody),
        };
        let parsed_body = rec
            .delivery
            .as_deref()
            .is_some_and(|d| d.body == BodyBytes::Parsed);
        let reserialized;
        let body: &[u8] = if parsed_body {
            if !self.reserialize {
                return Err(Failure::ParsedBody);
            }
            let value = parsed.ok_or(Failure::NotJson)?;
            if let Some(key) = crate::input::locate::duplicate_key(rec.bytes) {
                return Err(Failure::DuplicateKey(key));
            }
            reserialized = if rec.bytes.len() >= crate::input::parse::SHALLOW_ABOVE {
                // The value holds only the top-level members: the bytes give the rest.
                reserialize_large(rec.bytes)
            } else {
                serde_json::to_vec(value).ok()
            }
            .ok_or(Failure::NotJson)?;
            checked.reserialized = true;
            &reserialized
        } else {
            rec.bytes
        };
        signature::verify(body, &sig, &self.keys).map_err(|failure| Failure::Signature {
            failure,
            reserialized: checked.reserialized,
        })?;
        checked.scheme = Some(sig.scheme);
        Ok(())
    }
}

/// HighLevel's compact form of a large body, as `serde_json` writes its parsed value, made
/// through its bytes: the same text (a key never repeats here), without a tree of its values.
fn reserialize_large(raw: &[u8]) -> Option<Vec<u8>> {
    use crate::diff::Node;
    use crate::input::doc::Doc;
    match Doc::build(raw) {
        Some(doc) => serde_json::to_vec(&Node::Doc(doc.root())).ok(),
        None => serde_json::to_vec(&crate::input::parse::parse_json(raw).ok()?).ok(),
    }
}

/// The warning for a delivery signed only with the legacy RSA scheme and dated after its
/// retirement (by its `timestamp`, else its `dateAdded`).
fn legacy_warning(parsed: Option<&Value>) -> Option<String> {
    let body = parsed?;
    let (field, text) = ["timestamp", "dateAdded"]
        .iter()
        .find_map(|f| body.get(*f).and_then(Value::as_str).map(|t| (*f, t)))?;
    let at: jiff::Timestamp = text.parse().ok()?;
    let retired: jiff::Timestamp = LEGACY_RETIRED.parse().ok()?;
    (at >= retired).then(|| {
        format!(
            "signed only with the legacy X-WH-Signature (RSA), which HighLevel retired on \
             July 1, 2026, yet dated {text} ({field}): expect an X-GHL-Signature (Ed25519)"
        )
    })
}

/// The replay checks, in input order: stale timestamps and repeated webhook ids.
#[derive(Debug)]
pub struct Replay {
    max_age: Option<i64>,
    now: jiff::Timestamp,
    seen: seen::Seen,
}

impl Replay {
    /// Deliveries older than `max_age` seconds at `now` are stale.
    pub fn new(max_age: Option<u64>, now: jiff::Timestamp) -> Replay {
        Replay {
            max_age: max_age.map(|a| i64::try_from(a).unwrap_or(i64::MAX)),
            now,
            seen: seen::Seen::default(),
        }
    }

    /// Measures ages from `now` from here on: a receiver that runs for hours measures each
    /// delivery's age when it arrives.
    pub fn set_now(&mut self, now: jiff::Timestamp) {
        self.now = now;
    }

    /// Checks a delivery whose signature verified; records its webhook id.
    pub fn check(&mut self, checked: &mut Checked) {
        if checked.failure.is_some() {
            return;
        }
        checked.failure = self.failure(checked);
    }

    fn failure(&mut self, checked: &Checked) -> Option<Failure> {
        if let Some(max_age) = self.max_age
            && let Some(ts) = &checked.timestamp
        {
            let text = ts.as_str().unwrap_or_default();
            let Ok(at) = text.parse::<jiff::Timestamp>() else {
                return Some(Failure::BadTimestamp(ts.to_string()));
            };
            let age = self.now.as_second() - at.as_second();
            if age > max_age {
                return Some(Failure::Stale {
                    timestamp: text.to_string(),
                    age,
                    max_age,
                });
            }
        }
        let id = checked.webhook_id.as_ref()?;
        let first = self.seen.check(id, || checked.origin.to_string())?;
        Some(Failure::Duplicate {
            id: id.clone(),
            first,
        })
    }
}

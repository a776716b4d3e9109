//! Every byte `show` writes: a card per payload ([`card`]), the pretty or compact JSON, or a
//! streaming table ([`table`]). This module holds what they share: the text of each field.

pub mod card;
pub mod table;

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::classify::{Channel, Classification};
use crate::input::Record;
use crate::input::capture::Delivery;
use crate::input::view::View;
use crate::model::finding::shorten;
use crate::model::humanize;
use crate::show::fields::{FIELDS, Field};
use crate::show::html;
use crate::verify::signature;

/// Characters of body shown before it is cut (unless `--full`).
pub const BODY_LIMIT_CHARS: usize = 1200;
/// Lines of body shown before it is cut (unless `--full`).
pub const BODY_LIMIT_LINES: usize = 30;
/// Longest value in a card cell.
pub const CARD_VALUE_CHARS: usize = 100;
/// Rows buffered to size the table's columns; later rows use the same widths.
pub const TABLE_SIZING_ROWS: usize = 1000;
/// Longest body preview in the table.
pub const PREVIEW_CHARS: usize = 60;

/// `dateAdded` as `2024-05-08 11:57:42 UTC (2 years ago)`; as it is when it is not a date.
pub fn date_text(raw: &str, now: jiff::Timestamp) -> String {
    dated(raw, now, false)
}

/// [`date_text`] in fewer columns, for a table: `2024-05-08 11:57:42Z (2y ago)`.
pub fn date_text_short(raw: &str, now: jiff::Timestamp) -> String {
    dated(raw, now, true)
}

fn dated(raw: &str, now: jiff::Timestamp, short: bool) -> String {
    let Ok(ts) = raw.parse::<jiff::Timestamp>() else {
        return raw.to_string();
    };
    let secs = now.as_second() - ts.as_second();
    if short {
        let age = humanize::age_short(secs);
        format!("{} ({age})", ts.strftime("%Y-%m-%d %H:%M:%SZ"))
    } else {
        let age = humanize::age(secs);
        format!("{} ({age})", ts.strftime("%Y-%m-%d %H:%M:%S UTC"))
    }
}

fn channel_text(c: &Classification) -> String {
    if !c.is_message() {
        return format!("none ({}, not a message)", c.event);
    }
    let mut s = match &c.channel {
        Channel::Unknown(raw) if !raw.is_empty() => format!("Unknown ({raw})"),
        ch => ch.name().to_string(),
    };
    let details: Vec<&str> = c
        .kind
        .into_iter()
        .chain(c.call.map(|call| call.outcome.name()))
        .collect();
    if !details.is_empty() {
        s.push_str(&format!(" ({})", details.join(", ")));
    }
    s
}

/// A value as card text: strings as they are, lists joined with commas, others as JSON.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// The body as readable text: HTML converted, otherwise as it is.
fn body_text(body: &str, map: Option<&Map<String, Value>>) -> String {
    let html_type = map
        .and_then(|m| m.get("contentType"))
        .and_then(Value::as_str)
        .is_some_and(|t| t.contains("html"));
    if html_type || html::looks_like_html(body) {
        html::to_text(body)
    } else {
        body.to_string()
    }
}

/// Everything a field's text can come from.
pub struct Subject<'a> {
    pub record: &'a Record<'a>,
    pub view: &'a View<'a>,
    pub class: &'a Classification,
    pub map: Option<&'a Map<String, Value>>,
    /// How many attachments the payload has, when `map` holds only the first ones.
    pub attachments: Option<usize>,
    pub delivery: Option<&'a Delivery>,
    pub now: jiff::Timestamp,
    /// Dates in fewer columns ([`date_text_short`]), for a table.
    pub short_dates: bool,
}

impl Subject<'_> {
    fn date(&self, raw: &str) -> String {
        if self.short_dates {
            date_text_short(raw, self.now)
        } else {
            date_text(raw, self.now)
        }
    }

    /// The text of a field, or `None` when the payload does not carry it.
    pub fn text(&self, field: &Field) -> Option<String> {
        let get = |k: &str| self.map.and_then(|m| m.get(k)).filter(|v| !v.is_null());
        let s = |v: &Option<Cow<'_, str>>| v.as_deref().map(str::to_string);
        match field {
            Field::Raw(key) => get(key).map(value_text),
            Field::Known(name, _) => match *name {
                "source" => Some(format!(
                    "{}:{}",
                    self.record.origin.source,
                    self.record.origin.line()
                )),
                "date" => self.view.date_added.as_deref().map(|d| self.date(d)),
                "channel" => Some(channel_text(self.class)),
                "event" => Some(self.class.event.to_string()),
                "direction" => s(&self.view.direction),
                "status" => s(&self.view.status),
                "duration" => self.view.call_duration.map(humanize::call_duration),
                "contact" => s(&self.view.contact_id),
                "message" => s(&self.view.message_id),
                "body" => self.view.body.as_deref().map(|b| body_text(b, self.map)),
                "signature" => self
                    .delivery
                    .and_then(signature::from_headers)
                    .map(|s| format!("{} {}", s.from, shorten(s.base64.trim(), 24))),
                "timestamp" => get("timestamp").map(|v| match v.as_str() {
                    Some(t) => self.date(t),
                    None => value_text(v),
                }),
                "attachments" => match self.attachments {
                    Some(n) => Some(n.to_string()),
                    None => get("attachments").map(|v| match v {
                        Value::Array(a) => a.len().to_string(),
                        other => value_text(other),
                    }),
                },
                other => {
                    let key = FIELDS.iter().find(|f| f.0 == other).map_or(other, |f| f.2);
                    get(key).map(value_text)
                }
            },
        }
    }
}

/// Whether raw bytes hold characters that must not reach a terminal raw even inside a JSON
/// string: DEL, C1 controls (UTF-8 `C2 80`..`C2 9F`), bidirectional controls (`E2 80 AA`..`AE`,
/// `E2 81 A6`..`A9`).
pub fn needs_escaping(raw: &[u8]) -> bool {
    memchr::memchr3_iter(0x7f, 0xc2, 0xe2, raw).any(|i| match raw[i] {
        0x7f => true,
        0xc2 => raw.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)),
        _ => match (raw.get(i + 1), raw.get(i + 2)) {
            (Some(0x80), Some(b)) => (0xaa..=0xae).contains(b),
            (Some(0x81), Some(b)) => (0xa6..=0xa9).contains(b),
            _ => false,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_needed_for_del_c1_and_bidi_only() {
        assert!(!needs_escaping("{\"a\":\"é ü — ok\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{7f}\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{9b}\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{202e}\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{2067}\"}".as_bytes()));
    }

    #[test]
    fn dates_in_utc_with_age() {
        let now: jiff::Timestamp = "2024-05-11T12:00:00Z".parse().unwrap();
        assert_eq!(
            date_text("2024-05-08T11:57:42.250Z", now),
            "2024-05-08 11:57:42 UTC (3 days ago)"
        );
        assert_eq!(
            date_text("2024-05-08T13:57:42+02:00", now),
            "2024-05-08 11:57:42 UTC (3 days ago)"
        );
        assert_eq!(date_text("yesterday", now), "yesterday");
        assert_eq!(
            date_text_short("2024-05-08T11:57:42.250Z", now),
            "2024-05-08 11:57:42Z (3d ago)"
        );
    }
}

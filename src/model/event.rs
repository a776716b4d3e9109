//! The HighLevel events: what a payload is, decided once from its `type` (and, for the provider
//! event whose `type` is the medium, from its shape), and carried with it like its origin.
//!
//! A marketplace app's webhook URL receives every event the app subscribes to, so a capture
//! mixes the message events (`OutboundMessage`, `InboundMessage`, `ProviderOutboundMessage`)
//! with every other HighLevel event (`ContactCreate`, `LCEmailStats`, ...). The message events
//! are checked, classified and shown as messages; the other events are recognized by name and
//! passed over; a `type` that names no HighLevel event is a finding of its own.

use std::fmt;
use std::sync::OnceLock;

/// What a payload is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Event {
    /// `OutboundMessage`: a user (or an automation) messaged a contact.
    Outbound,
    /// `InboundMessage`: a contact's message to the user.
    Inbound,
    /// `ProviderOutboundMessage`: a message handed to a custom conversation provider to send.
    /// Its `type` is the medium (`SMS`, `Email`) and it has no `messageType`.
    Provider,
    /// Another HighLevel event (`ContactCreate`, `LCEmailStats`, ...): its canonical name.
    Other(&'static str),
    /// A `type` that names no HighLevel event (the raw value), or none at all (empty).
    Unknown(String),
}

/// The name of the outbound message event.
pub const OUTBOUND: &str = "OutboundMessage";
/// The name of the inbound message event.
pub const INBOUND: &str = "InboundMessage";
/// The name of the provider message event.
pub const PROVIDER: &str = "ProviderOutboundMessage";

/// How much of a `type` that names no event is kept (and shown).
const UNKNOWN_KEPT_CHARS: usize = 60;

/// The three message events, in the order reports list them.
pub const MESSAGE_EVENTS: [&str; 3] = [OUTBOUND, INBOUND, PROVIDER];

/// Every other event a HighLevel app can subscribe to, by the `type` its deliveries carry.
pub const OTHER_EVENTS: &[&str] = &[
    "AppInstall",
    "AppUninstall",
    "AppointmentCreate",
    "AppointmentDelete",
    "AppointmentUpdate",
    "AssociationCreate",
    "AssociationDelete",
    "AssociationUpdate",
    "CampaignStatusUpdate",
    "ContactCreate",
    "ContactDelete",
    "ContactDndUpdate",
    "ContactTagUpdate",
    "ContactUpdate",
    "ConversationUnreadUpdate",
    "ExternalAuthConnected",
    "InvoiceCreate",
    "InvoiceDelete",
    "InvoicePaid",
    "InvoicePartiallyPaid",
    "InvoiceSent",
    "InvoiceUpdate",
    "InvoiceVoid",
    "LCEmailStats",
    "LocationCreate",
    "LocationUpdate",
    "NoteCreate",
    "NoteDelete",
    "NoteUpdate",
    "ObjectSchemaCreate",
    "ObjectSchemaUpdate",
    "OpportunityAssignedToUpdate",
    "OpportunityCreate",
    "OpportunityDelete",
    "OpportunityMonetaryValueUpdate",
    "OpportunityStageUpdate",
    "OpportunityStatusUpdate",
    "OpportunityUpdate",
    "OrderCreate",
    "OrderStatusUpdate",
    "PlanChange",
    "PriceCreate",
    "PriceDelete",
    "PriceUpdate",
    "ProductCreate",
    "ProductDelete",
    "ProductUpdate",
    "RecordCreate",
    "RecordDelete",
    "RecordUpdate",
    "RelationCreate",
    "RelationDelete",
    "SaasPlanCreate",
    "TaskComplete",
    "TaskCreate",
    "TaskDelete",
    "UserCreate",
    "UserDelete",
    "UserUpdate",
    "VoiceAiCallEnd",
];

impl Event {
    /// Decides the event of a payload from its `type` and whether it has a `messageType`.
    ///
    /// `medium` says whether a string names a messaging medium (`SMS`, `Email`): a payload whose
    /// `type` is a medium and that has no `messageType` is a `ProviderOutboundMessage`. Event
    /// names match case-insensitively and are reported in HighLevel's spelling.
    pub fn decide(
        type_field: Option<&str>,
        has_message_type: bool,
        medium: impl Fn(&str) -> bool,
    ) -> Event {
        let Some(raw) = type_field else {
            return Event::Unknown(String::new());
        };
        let trimmed = raw.trim();
        if trimmed.eq_ignore_ascii_case(OUTBOUND) {
            return Event::Outbound;
        }
        if trimmed.eq_ignore_ascii_case(INBOUND) {
            return Event::Inbound;
        }
        if trimmed.eq_ignore_ascii_case(PROVIDER) {
            return Event::Provider;
        }
        if let Some(name) = OTHER_EVENTS
            .iter()
            .find(|n| n.eq_ignore_ascii_case(trimmed))
        {
            return Event::Other(name);
        }
        if !has_message_type && !trimmed.is_empty() && medium(trimmed) {
            return Event::Provider;
        }
        // Kept short: it is only ever shown, and a `type` may be megabytes long.
        Event::Unknown(crate::model::finding::shorten(raw, UNKNOWN_KEPT_CHARS))
    }

    /// The event's name: HighLevel's, or the raw `type` of an unknown one (empty when missing).
    pub fn name(&self) -> &str {
        match self {
            Event::Outbound => OUTBOUND,
            Event::Inbound => INBOUND,
            Event::Provider => PROVIDER,
            Event::Other(name) => name,
            Event::Unknown(raw) => raw,
        }
    }

    /// The name for machine output: `None` for a `type` that names no HighLevel event.
    pub fn known_name(&self) -> Option<&str> {
        match self {
            Event::Unknown(_) => None,
            e => Some(e.name()),
        }
    }

    /// Whether it is a message event, checked and classified as a message.
    pub fn is_message(&self) -> bool {
        matches!(self, Event::Outbound | Event::Inbound | Event::Provider)
    }

    /// Whether it is another HighLevel event (not a message, not unknown).
    pub fn is_other(&self) -> bool {
        matches!(self, Event::Other(_))
    }

    /// A lower-case file-name-safe name: `contact-create`, `lc-email-stats`.
    pub fn slug(&self) -> String {
        let name = self.name();
        let chars: Vec<char> = name.chars().collect();
        let mut out = String::new();
        for (i, c) in chars.iter().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                let prev = chars[i - 1];
                let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
                if prev.is_ascii_lowercase() || (prev.is_ascii_uppercase() && next_lower) {
                    out.push('-');
                }
            }
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.push('-');
            }
        }
        out
    }
}

impl Event {
    /// [`Event::slug`] as a string that lives as long as the program (`unknown` for an unknown
    /// event): the file names of `--split`. Made once for the fixed set of event names.
    pub fn static_slug(&self) -> &'static str {
        static SLUGS: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        let slugs = SLUGS.get_or_init(|| {
            MESSAGE_EVENTS
                .iter()
                .chain(OTHER_EVENTS)
                .map(|name| {
                    let slug = Event::Other(name).slug();
                    (*name, &*Box::leak(slug.into_boxed_str()))
                })
                .collect()
        });
        let name = self.name();
        slugs
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("unknown", |(_, slug)| slug)
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Event::Unknown(raw) if raw.is_empty() => f.write_str("(no type)"),
            e => f.write_str(e.name()),
        }
    }
}

/// A set of events chosen with `--event`: names, case-insensitive, with `message` for the
/// inbound and outbound pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    names: Vec<String>,
}

impl EventFilter {
    /// Parses one `--event` value, which may list several names separated by commas. An error
    /// names the value and lists what is accepted.
    pub fn parse(list: &str) -> Result<EventFilter, String> {
        let mut names = Vec::new();
        for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part.eq_ignore_ascii_case("message") || part.eq_ignore_ascii_case("messages") {
                names.push(OUTBOUND.to_ascii_lowercase());
                names.push(INBOUND.to_ascii_lowercase());
                continue;
            }
            // `inbound`, `outbound` and `provider` stand for the message events.
            let short = [
                ("outbound", OUTBOUND),
                ("inbound", INBOUND),
                ("provider", PROVIDER),
            ]
            .iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(part))
            .map(|(_, name)| name);
            let known = short.or_else(|| {
                MESSAGE_EVENTS
                    .iter()
                    .chain(OTHER_EVENTS)
                    .find(|n| n.eq_ignore_ascii_case(part))
            });
            match known {
                Some(n) => names.push(n.to_ascii_lowercase()),
                None => {
                    return Err(format!(
                        "{part:?} is not a HighLevel event (expected message, inbound, \
                         outbound, provider, {}, or another event name such as ContactCreate or \
                         LCEmailStats){}",
                        MESSAGE_EVENTS.join(", "),
                        suggestion(part).map_or(String::new(), |s| format!("; did you mean {s}?"))
                    ));
                }
            }
        }
        if names.is_empty() {
            return Err("expected at least one event name".to_string());
        }
        Ok(EventFilter { names })
    }

    /// Adds the names of another filter.
    pub fn extend(&mut self, other: EventFilter) {
        self.names.extend(other.names);
    }

    /// Whether a payload of `event` is kept.
    pub fn keeps(&self, event: &Event) -> bool {
        let name = event.name();
        self.names.iter().any(|n| n.eq_ignore_ascii_case(name))
    }
}

/// The event name closest to a misspelled one, when it is close enough to be a typo.
pub fn suggestion(raw: &str) -> Option<&'static str> {
    let raw = raw.trim();
    if raw.len() > 64 {
        return None;
    }
    let raw = raw.to_ascii_lowercase();
    MESSAGE_EVENTS
        .iter()
        .chain(OTHER_EVENTS)
        .filter_map(|name| {
            let d = edit_distance(&raw, &name.to_ascii_lowercase(), 2.max(name.len() / 6))?;
            Some((d, *name))
        })
        .filter(|(d, _)| *d > 0)
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name)
}

/// Edit distance between two strings, by characters, when it is at most `max`: insertions,
/// deletions, substitutions and transpositions of neighbours each count one (so `Emial` is one
/// edit from `Email`). Strings whose lengths differ by more than `max` are not compared at all,
/// so a huge value costs only its length, never its length times the other's.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > max {
        return None;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    Some(d[a.len() * width + b.len()]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn medium(s: &str) -> bool {
        matches!(s.to_ascii_lowercase().as_str(), "sms" | "email")
    }

    #[test]
    fn decided_from_type_and_shape() {
        let d = |t: Option<&str>, mt: bool| Event::decide(t, mt, medium);
        assert_eq!(d(Some("OutboundMessage"), true), Event::Outbound);
        assert_eq!(d(Some("inboundmessage"), true), Event::Inbound);
        assert_eq!(d(Some("ProviderOutboundMessage"), false), Event::Provider);
        assert_eq!(d(Some("SMS"), false), Event::Provider);
        assert_eq!(d(Some("Email"), false), Event::Provider);
        assert_eq!(d(Some("SMS"), true), Event::Unknown("SMS".into()));
        assert_eq!(
            d(Some("ContactCreate"), false),
            Event::Other("ContactCreate")
        );
        assert_eq!(d(Some("lcemailstats"), false), Event::Other("LCEmailStats"));
        assert_eq!(d(Some("Pigeon"), true), Event::Unknown("Pigeon".into()));
        assert_eq!(d(None, true), Event::Unknown(String::new()));
        // A giant unknown type is kept short.
        let giant = "x".repeat(1_000_000);
        match d(Some(&giant), true) {
            Event::Unknown(kept) => assert_eq!(kept.chars().count(), UNKNOWN_KEPT_CHARS),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(Event::Other("ContactCreate").slug(), "contact-create");
        assert_eq!(Event::Other("LCEmailStats").slug(), "lc-email-stats");
        assert_eq!(Event::Inbound.slug(), "inbound-message");
        assert_eq!(Event::Other("VoiceAiCallEnd").slug(), "voice-ai-call-end");
        assert_eq!(
            Event::Other("ContactCreate").static_slug(),
            "contact-create"
        );
        assert_eq!(Event::Unknown("x".into()).static_slug(), "unknown");
        // Every event's file name is distinct from every channel's and every other event's.
        let mut all: Vec<String> = OTHER_EVENTS
            .iter()
            .map(|n| Event::Other(n).slug())
            .collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), OTHER_EVENTS.len());
    }

    #[test]
    fn filter() {
        let f = EventFilter::parse("message").unwrap();
        assert!(f.keeps(&Event::Outbound));
        assert!(f.keeps(&Event::Inbound));
        assert!(!f.keeps(&Event::Provider));
        assert!(!f.keeps(&Event::Other("ContactCreate")));
        let f = EventFilter::parse("contactcreate, LCEmailStats").unwrap();
        assert!(f.keeps(&Event::Other("ContactCreate")));
        assert!(f.keeps(&Event::Other("LCEmailStats")));
        assert!(!f.keeps(&Event::Outbound));
        assert!(EventFilter::parse("Pigeon").unwrap_err().contains("Pigeon"));
        assert!(EventFilter::parse(",").is_err());
        assert!(
            EventFilter::parse("inbound")
                .unwrap()
                .keeps(&Event::Inbound)
        );
        assert!(
            EventFilter::parse("provider")
                .unwrap()
                .keeps(&Event::Provider)
        );
    }

    #[test]
    fn near_misses_are_suggested() {
        assert_eq!(suggestion("OutboundMesage"), Some(OUTBOUND));
        assert_eq!(suggestion("contactcreat"), Some("ContactCreate"));
        assert_eq!(suggestion("Pigeon"), None);
        assert_eq!(suggestion("OutboundMessage"), None);
        assert_eq!(edit_distance("emial", "email", 2), Some(1));
        assert_eq!(edit_distance("smss", "sms", 2), Some(1));
        assert_eq!(edit_distance("", "abc", 3), Some(3));
        assert_eq!(edit_distance("", "abc", 2), None);
        // A huge value is not compared: its length alone rules it out.
        assert_eq!(edit_distance(&"a".repeat(10_000_000), "sms", 5), None);
        assert_eq!(suggestion(&"OutboundMessage".repeat(100_000)), None);
        let huge = "SMS".repeat(1_000_000);
        assert!(crate::model::vocabulary::Named::message_type(&huge).is_none());
        assert!(crate::model::vocabulary::Named::message_type(" s-M_s ").is_some());
    }
}

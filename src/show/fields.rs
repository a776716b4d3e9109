//! The fields `show` can put in a card or a table: their names on the command line, their
//! labels, the payload keys they come from, and the defaults.

/// Field names of the card and the table, in display order, with the payload keys they come from.
pub const FIELDS: &[(&str, &str, &str)] = &[
    // (name for --fields, label, payload key or computed)
    ("source", "Source", ""),
    ("event", "Event", "type"),
    ("date", "Date", "dateAdded"),
    ("channel", "Channel", "messageType"),
    ("direction", "Direction", "direction"),
    ("status", "Status", "status"),
    ("duration", "Duration", "callDuration"),
    ("location", "Location", "locationId"),
    ("contact", "Contact", "contactId"),
    ("conversation", "Conversation", "conversationId"),
    ("message", "Message", "messageId"),
    ("user", "User", "userId"),
    ("from", "From", "from"),
    ("to", "To", "to"),
    ("cc", "Cc", "cc"),
    ("subject", "Subject", "subject"),
    ("provider", "Provider", "provider"),
    ("attachments", "Attachments", "attachments"),
    ("body", "Body", "body"),
    ("signature", "Signature", ""),
    ("webhook", "Webhook", "webhookId"),
    ("timestamp", "Timestamp", "timestamp"),
];

/// The card's fields when `--fields` is not given.
pub const CARD_DEFAULT: &[&str] = &[
    "channel",
    "direction",
    "status",
    "duration",
    "date",
    "location",
    "contact",
    "conversation",
    "message",
    "user",
    "from",
    "to",
    "cc",
    "subject",
    "provider",
    "attachments",
    "signature",
    "webhook",
    "timestamp",
];
/// Fields shown on emails only (when `--fields` is not given).
pub const EMAIL_ONLY: &[&str] = &["from", "to", "cc", "subject", "provider"];
/// The table's columns when `--fields` is not given.
pub const TABLE_DEFAULT: &[&str] = &[
    "source",
    "date",
    "channel",
    "direction",
    "status",
    "contact",
    "body",
];

/// A field to show: a known name, or any top-level payload key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// A name of [`FIELDS`], with its label.
    Known(&'static str, &'static str),
    /// Any top-level payload key.
    Raw(String),
}

impl Field {
    /// A name given on the command line: a name of [`FIELDS`] or its payload key, or any key.
    pub fn parse(name: &str) -> Field {
        let trimmed = name.trim();
        FIELDS
            .iter()
            .find(|(n, _, key)| n.eq_ignore_ascii_case(trimmed) || *key == trimmed)
            .map_or_else(
                || Field::Raw(trimmed.to_string()),
                |(n, l, _)| Field::Known(n, l),
            )
    }

    /// The label shown.
    pub fn label(&self) -> &str {
        match self {
            Field::Known(_, l) => l,
            Field::Raw(k) => k,
        }
    }

    /// Whether the borrowed view holds this field.
    pub fn in_view(&self) -> bool {
        matches!(
            self,
            Field::Known(
                "source"
                    | "event"
                    | "date"
                    | "channel"
                    | "direction"
                    | "status"
                    | "contact"
                    | "message"
                    | "body"
                    | "duration",
                _
            )
        )
    }
}

/// Parses a comma-separated `--fields` list.
pub fn parse_list(list: &str) -> Vec<Field> {
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(Field::parse)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_parse_by_name_or_payload_key() {
        assert_eq!(Field::parse("date"), Field::Known("date", "Date"));
        assert_eq!(Field::parse("dateAdded"), Field::Known("date", "Date"));
        assert_eq!(Field::parse("Contact"), Field::Known("contact", "Contact"));
        assert_eq!(
            Field::parse("webhookId"),
            Field::Known("webhook", "Webhook")
        );
        assert_eq!(Field::parse("altId"), Field::Raw("altId".into()));
    }
}

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
/// Fields shown on emails only (when `--fields` is not given). `from` and `to` are on every
/// card that carries them: phone numbers for SMS and calls, addresses for email.
pub const EMAIL_ONLY: &[&str] = &["cc", "subject", "provider"];
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

/// Columns a table keeps whole when it must fit a terminal (ids, dates, the source), while
/// free text (bodies, subjects, addresses) gives up its width first.
pub const INTACT: &[&str] = &[
    "source",
    "date",
    "timestamp",
    "location",
    "contact",
    "conversation",
    "message",
    "user",
    "webhook",
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

/// Parses a `--fields` list, refusing a name that is a near miss of a field name (`chanel`)
/// rather than taking it for a payload key that no payload has. The error lists the names and
/// suggests the closest.
pub fn parse_checked(list: &str) -> Result<FieldList, String> {
    let fields = parse_list(list);
    if fields.is_empty() {
        return Err("expected at least one field name".to_string());
    }
    for f in &fields {
        let Field::Raw(key) = f else { continue };
        let lower = key.to_ascii_lowercase();
        let near = FIELDS
            .iter()
            .flat_map(|(name, _, k)| [*name, *k])
            .filter(|n| !n.is_empty())
            .filter_map(|n| {
                let max = 2.min(n.len() / 3).max(1);
                let d = crate::model::event::edit_distance(&lower, &n.to_ascii_lowercase(), max)?;
                Some((d, n))
            })
            .filter(|(d, _)| *d > 0)
            .min_by_key(|(d, _)| *d);
        if let Some((_, near)) = near {
            let names: Vec<&str> = FIELDS.iter().map(|(n, _, _)| *n).collect();
            return Err(format!(
                "unknown field '{key}': did you mean '{near}'? The fields are {}, or any \
                 top-level payload key",
                names.join(", ")
            ));
        }
    }
    Ok(FieldList(fields))
}

/// The fields of one `--fields` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldList(pub Vec<Field>);

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

    #[test]
    fn near_misses_of_field_names_are_refused() {
        let e = parse_checked("date,chanel").unwrap_err();
        assert!(e.contains("did you mean 'channel'"), "{e}");
        assert!(parse_checked("contcat").unwrap_err().contains("'contact'"));
        assert!(
            parse_checked("webhokId")
                .unwrap_err()
                .contains("'webhookId'")
        );
        // A payload key that is near no field name is a column of its own.
        assert_eq!(
            parse_checked("channel,altId").unwrap().0,
            vec![
                Field::Known("channel", "Channel"),
                Field::Raw("altId".into())
            ]
        );
        assert!(parse_checked(",").is_err());
    }
}

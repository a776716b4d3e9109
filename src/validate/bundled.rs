//! The schemas bundled in the binary: hlmsg's refined schemas for each message event
//! (`OutboundMessage` for email and for every other channel, the same two for `InboundMessage`,
//! and `ProviderOutboundMessage`) and the two `OutboundMessage` schemas exactly as HighLevel's
//! documentation publishes them (`--published`).

use crate::model::event::Event;

/// The refined message schema.
pub const MESSAGE_SCHEMA: &str = include_str!("../../schemas/message.schema.json");
/// The refined email schema.
pub const EMAIL_SCHEMA: &str = include_str!("../../schemas/email.schema.json");
/// The refined inbound message schema.
pub const INBOUND_SCHEMA: &str = include_str!("../../schemas/inbound.schema.json");
/// The refined inbound email schema.
pub const INBOUND_EMAIL_SCHEMA: &str = include_str!("../../schemas/inbound-email.schema.json");
/// The provider message schema.
pub const PROVIDER_SCHEMA: &str = include_str!("../../schemas/provider.schema.json");
/// The message schema as HighLevel publishes it.
pub const MESSAGE_PUBLISHED: &str = include_str!("../../schemas/message.published.json");
/// The email schema as HighLevel publishes it.
pub const EMAIL_PUBLISHED: &str = include_str!("../../schemas/email.published.json");

/// Which bundled schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bundled {
    /// `OutboundMessage`, every channel but email.
    Message,
    /// `OutboundMessage`, email.
    Email,
    /// `InboundMessage`, every channel but email.
    Inbound,
    /// `InboundMessage`, email.
    InboundEmail,
    /// `ProviderOutboundMessage`.
    Provider,
}

impl Bundled {
    /// Every bundled schema, the outbound message schema first.
    pub const ALL: [Bundled; 5] = [
        Bundled::Message,
        Bundled::Email,
        Bundled::Inbound,
        Bundled::InboundEmail,
        Bundled::Provider,
    ];

    /// What the schema is for.
    pub fn description(self) -> &'static str {
        match self {
            Bundled::Message => "OutboundMessage, every channel but email",
            Bundled::Email => "OutboundMessage, email",
            Bundled::Inbound => "InboundMessage, every channel but email",
            Bundled::InboundEmail => "InboundMessage, email",
            Bundled::Provider => "ProviderOutboundMessage (custom conversation providers)",
        }
    }

    /// The schema's name in output: `message`, `email`, `inbound`, `inbound-email`, `provider`.
    pub fn name(self) -> &'static str {
        match self {
            Bundled::Message => "message",
            Bundled::Email => "email",
            Bundled::Inbound => "inbound",
            Bundled::InboundEmail => "inbound-email",
            Bundled::Provider => "provider",
        }
    }

    /// The event the schema describes.
    pub fn event(self) -> Event {
        match self {
            Bundled::Message | Bundled::Email => Event::Outbound,
            Bundled::Inbound | Bundled::InboundEmail => Event::Inbound,
            Bundled::Provider => Event::Provider,
        }
    }

    /// Whether HighLevel's documentation publishes a schema for it (`--published`): only the
    /// two `OutboundMessage` schemas.
    pub fn has_published(self) -> bool {
        matches!(self, Bundled::Message | Bundled::Email)
    }

    /// The embedded text of the refined or the published schema (the refined one for the
    /// schemas HighLevel publishes none of).
    pub fn text(self, published: bool) -> &'static str {
        match (self, published) {
            (Bundled::Message, false) => MESSAGE_SCHEMA,
            (Bundled::Email, false) => EMAIL_SCHEMA,
            (Bundled::Message, true) => MESSAGE_PUBLISHED,
            (Bundled::Email, true) => EMAIL_PUBLISHED,
            (Bundled::Inbound, _) => INBOUND_SCHEMA,
            (Bundled::InboundEmail, _) => INBOUND_EMAIL_SCHEMA,
            (Bundled::Provider, _) => PROVIDER_SCHEMA,
        }
    }

    /// The bundled schema for a payload of `event`, by its channel: the provider schema for
    /// provider messages, the inbound schemas for inbound ones, the outbound schemas for the
    /// rest (an unknown event is checked as the outbound event it most likely misnames).
    pub fn for_event(event: &Event, is_email: bool) -> Bundled {
        match (event, is_email) {
            (Event::Provider, _) => Bundled::Provider,
            (Event::Inbound, true) => Bundled::InboundEmail,
            (Event::Inbound, false) => Bundled::Inbound,
            (_, true) => Bundled::Email,
            (_, false) => Bundled::Message,
        }
    }
}

/// One bundled schema, as `--list` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// Which schema.
    pub schema: Bundled,
    /// Whether it is the schema as HighLevel publishes it, rather than the refined one.
    pub published: bool,
    /// Its `$id`, when it has one.
    pub id: Option<String>,
    /// What it is.
    pub about: &'static str,
}

/// Every bundled schema, refined ones first.
pub fn listing() -> Vec<Listed> {
    let mut out = Vec::new();
    for published in [false, true] {
        for b in Bundled::ALL {
            let id = serde_json::from_str::<serde_json::Value>(b.text(published))
                .ok()
                .and_then(|v| v.get("$id").and_then(|id| id.as_str()).map(str::to_string));
            if published && !b.has_published() {
                continue;
            }
            let about = match (b, published) {
                (Bundled::Message, false) => {
                    "hlmsg's refined OutboundMessage schema for every channel but email"
                }
                (Bundled::Email, false) => "hlmsg's refined OutboundMessage schema for email",
                (Bundled::Inbound, _) => {
                    "hlmsg's refined InboundMessage schema for every channel but email"
                }
                (Bundled::InboundEmail, _) => "hlmsg's refined InboundMessage schema for email",
                (Bundled::Provider, _) => "hlmsg's ProviderOutboundMessage schema",
                (Bundled::Message, true) => "the Message Schema as HighLevel publishes it",
                (Bundled::Email, true) => "the Email Message Schema as HighLevel publishes it",
            };
            out.push(Listed {
                schema: b,
                published,
                id,
                about,
            });
        }
    }
    out
}

//! Mixed captures (`hlmsg sample --count N --events`): which HighLevel event each payload is,
//! and the payloads of the events that are not `OutboundMessage` messages. An inbound message
//! is written by the message writer with the inbound shape; the provider message and the other
//! events are written here from the same draws, so every payload of a mixed capture belongs to
//! the run's locations, contacts and conversations.

use super::dates::Calendar;
use super::draws::Common;
use super::fields::Draft;
use super::json::Obj;
use crate::classify::Channel;

/// What a payload of a mixed capture is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `OutboundMessage`.
    Outbound,
    /// `InboundMessage`: the contact's reply.
    Inbound,
    /// `ProviderOutboundMessage`: a message handed to a custom provider.
    Provider,
    /// `LCEmailStats`: an email event (delivered, opened, clicked).
    EmailStats,
    /// `ConversationUnreadUpdate`.
    Unread,
    /// `ContactCreate`.
    ContactCreate,
    /// `OpportunityCreate`.
    OpportunityCreate,
    /// `AppointmentCreate`.
    AppointmentCreate,
}

/// The events of a mixed capture and their shares, in per cent.
pub const EVENT_WEIGHTS: [(Kind, u32); 8] = [
    (Kind::Outbound, 60),
    (Kind::Inbound, 25),
    (Kind::Provider, 3),
    (Kind::EmailStats, 4),
    (Kind::Unread, 4),
    (Kind::ContactCreate, 2),
    (Kind::OpportunityCreate, 1),
    (Kind::AppointmentCreate, 1),
];

impl Kind {
    /// The event's `type`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Outbound => "OutboundMessage",
            Kind::Inbound => "InboundMessage",
            Kind::Provider => "ProviderOutboundMessage",
            Kind::EmailStats => "LCEmailStats",
            Kind::Unread => "ConversationUnreadUpdate",
            Kind::ContactCreate => "ContactCreate",
            Kind::OpportunityCreate => "OpportunityCreate",
            Kind::AppointmentCreate => "AppointmentCreate",
        }
    }

    /// Whether the message writer writes it (the outbound and inbound messages).
    pub fn is_message(self) -> bool {
        matches!(self, Kind::Outbound | Kind::Inbound)
    }

    /// Whether a payload of `channel` can be of this kind: contacts do not send voicemail
    /// drops, so those stay outbound.
    pub fn fits(self, channel: &Channel) -> bool {
        !(self == Kind::Inbound && *channel == Channel::Voicemail)
    }
}

/// Appends a payload of a kind that is not a message (and a line feed) to `out`.
pub(super) fn write(out: &mut Vec<u8>, kind: Kind, d: &Draft<'_>, calendar: &mut Calendar) {
    let c: &Common = d.common;
    let location = &d.cast.locations[c.location];
    let contact = &d.cast.contacts[c.contact];
    let mut o = Obj::new(out);
    if kind == Kind::Provider {
        // The provider's shape: `type` is the medium, no `messageType`.
        let email = c.channel == Channel::Email;
        o.plain("type", if email { b"Email" } else { b"SMS" });
        o.plain("contactId", &contact.id);
        o.plain("locationId", &location.id);
        o.plain("messageId", &c.message_id);
        if email {
            let mut to = Vec::new();
            to.extend(contact.first.bytes().map(|b| b.to_ascii_lowercase()));
            to.extend_from_slice(b"@example.net");
            o.plain("emailTo", &to);
            o.text("subject", &d.texts.subject);
            o.text("html", &d.texts.body);
        } else {
            o.plain("phone", contact.phone.as_bytes());
            o.text("message", &d.texts.body);
        }
        o.list("attachments", &[]);
        o.plain("userId", &location.users[c.staff]);
        o.end();
        return;
    }
    o.plain("type", kind.name().as_bytes());
    o.plain("locationId", &location.id);
    match kind {
        Kind::EmailStats => {
            o.plain("companyId", &d.cast.app_id[..20]);
            let buf = o.key("webhookPayload");
            let event: &[u8] = match c.message_id[0] % 3 {
                0 => b"delivered",
                1 => b"opened",
                _ => b"clicked",
            };
            let mut inner = Obj::new(buf);
            inner.plain("event", event);
            inner.plain("id", &c.message_id);
            inner.number("timestamp", c.date_ms / 1000);
            inner.plain("recipientDomain", b"example.net");
            inner.end_nested();
        }
        Kind::Unread => {
            o.plain("id", &c.conversation);
            o.plain("contactId", &contact.id);
            o.number("unreadCount", 1 + i64::from(c.message_id[1] % 4));
        }
        Kind::ContactCreate => {
            o.plain("id", &contact.id);
            o.plain("firstName", contact.first.as_bytes());
            o.plain("lastName", contact.last.as_bytes());
            o.plain("phone", contact.phone.as_bytes());
            o.date("dateAdded", calendar, c.date_ms);
            o.plain("source", b"public api");
            o.list("tags", &[b"new lead"]);
        }
        Kind::OpportunityCreate => {
            o.plain("id", &c.message_id);
            o.plain("assignedTo", &location.users[c.staff]);
            o.plain("contactId", &contact.id);
            o.number("monetaryValue", 100 * (1 + i64::from(c.message_id[2] % 20)));
            o.text(
                "name",
                format!("{} {}", contact.first, contact.last).as_bytes(),
            );
            o.plain("pipelineId", &c.conversation);
            o.plain("status", b"open");
            o.date("dateAdded", calendar, c.date_ms);
        }
        _ => {
            let buf = o.key("appointment");
            let mut inner = Obj::new(buf);
            inner.plain("id", &c.message_id);
            inner.plain("contactId", &contact.id);
            inner.plain("calendarId", &c.conversation);
            inner.text("title", format!("Visit: {}", contact.first).as_bytes());
            inner.plain("appointmentStatus", b"confirmed");
            inner.date("dateAdded", calendar, c.date_ms);
            inner.date("startTime", calendar, c.date_ms + 86_400_000);
            inner.end_nested();
        }
    }
    o.end();
}

//! Writes one drawn payload as JSON, its fields in the key order of HighLevel's deliveries:
//! the fields every delivery has, an email's headers, then the sender, status, call outcome and
//! the fields of newer deliveries. A broken payload is written here, differing from its valid
//! twin only where it is broken; nothing here draws.

use super::Break;
use super::dates::Calendar;
use super::dates::push_digits;
use super::draws::{CallDraws, Common, EmailDraws, Late, Specific, Texts};
use super::ids::push_uuid;
use super::json::Obj;
use super::people::{Cast, Contact, Location};
use crate::classify::Channel;

/// One payload, drawn, ready to write.
pub(super) struct Draft<'a> {
    pub(super) common: &'a Common,
    pub(super) specific: &'a Specific,
    pub(super) texts: &'a Texts,
    pub(super) late: Option<Late>,
    pub(super) broken: Option<Break>,
    pub(super) cast: &'a Cast,
    /// Whether it is the contact's message (`InboundMessage`) rather than the user's.
    pub(super) inbound: bool,
}

impl Draft<'_> {
    fn location(&self) -> &Location {
        &self.cast.locations[self.common.location]
    }

    fn contact(&self) -> &Contact {
        &self.cast.contacts[self.common.contact]
    }
}

/// Appends the payload and a line feed to `out`.
pub(super) fn write(
    out: &mut Vec<u8>,
    d: &Draft<'_>,
    calendar: &mut Calendar,
    scratch: &mut Vec<u8>,
) {
    let mut o = Obj::new(out);
    head(&mut o, d, calendar);
    if let Some(email) = &d.specific.email {
        email_headers(&mut o, d, email, calendar, scratch);
    }
    tail(&mut o, d, calendar, scratch);
    o.end();
}

/// `messageType`, `messageTypeString` and, where HighLevel's number is known, `messageTypeId`.
fn message_type(channel: &Channel) -> (&'static str, &'static str, Option<i64>) {
    match channel {
        Channel::Call => ("CALL", "TYPE_CALL", Some(1)),
        Channel::Voicemail => ("VoiceMail", "TYPE_VOICEMAIL", Some(10)),
        Channel::Sms => ("SMS", "TYPE_SMS", Some(2)),
        Channel::Email => ("Email", "TYPE_EMAIL", None),
        Channel::Fb => ("FB", "TYPE_FACEBOOK", None),
        Channel::Ig => ("IG", "TYPE_INSTAGRAM", None),
        Channel::Gmb => ("GMB", "TYPE_GMB", None),
        _ => ("Live Chat", "TYPE_LIVE_CHAT", None),
    }
}

/// From `type` to `messageTypeId`.
fn head(o: &mut Obj<'_>, d: &Draft<'_>, calendar: &mut Calendar) {
    let c = d.common;
    let type_name: &[u8] = match (d.broken == Some(Break::TypeNotOutbound), d.inbound) {
        (true, _) => b"OutboundMesage",
        (false, true) => b"InboundMessage",
        (false, false) => b"OutboundMessage",
    };
    o.plain("type", type_name);
    o.plain("locationId", &d.location().id);
    let attachment = &d.texts.attachment[..];
    let not_a_call = !matches!(c.channel, Channel::Call);
    if d.broken == Some(Break::WrongType) && not_a_call {
        o.plain("attachments", attachment);
    } else if attachment.is_empty() {
        o.list("attachments", &[]);
    } else {
        o.list("attachments", &[attachment]);
    }
    if !d.texts.body.is_empty() {
        o.text("body", &d.texts.body);
    }
    if d.broken != Some(Break::MissingContactId) {
        o.plain("contactId", &d.contact().id);
    }
    match c.channel {
        Channel::Call | Channel::Voicemail => {}
        Channel::Email => o.plain("contentType", b"text/html"),
        _ => o.plain("contentType", b"text/plain"),
    }
    o.plain("conversationId", &c.conversation);
    if d.broken == Some(Break::BadDate) {
        let buf = o.key("dateAdded");
        buf.push(b'"');
        calendar.push_us_date(buf, c.date_ms);
        buf.push(b'"');
    } else {
        o.date("dateAdded", calendar, c.date_ms);
    }
    o.plain(
        "direction",
        if d.inbound { b"inbound" } else { b"outbound" },
    );
    let (message_type, mut type_string, mut type_id) = message_type(&c.channel);
    if unanswered_inbound_call(d) {
        // An incoming call nobody answered reached voicemail: HighLevel's voicemail names.
        (type_string, type_id) = ("TYPE_VOICEMAIL", Some(10));
    }
    o.plain("messageType", message_type.as_bytes());
    if c.new_shape {
        o.plain("messageTypeString", type_string.as_bytes());
        if let Some(id) = type_id {
            o.number("messageTypeId", id);
        }
    }
}

/// An email's `emailMessageId`, `threadId`, `provider`, `from`, `to`, `cc` and `subject`.
fn email_headers(
    o: &mut Obj<'_>,
    d: &Draft<'_>,
    email: &EmailDraws,
    calendar: &mut Calendar,
    scratch: &mut Vec<u8>,
) {
    let c = d.common;
    let domain = d.location().business.slug;
    scratch.clear();
    calendar.push_rfc3339(scratch, c.date_ms);
    scratch.retain(u8::is_ascii_digit);
    scratch.truncate(14);
    scratch.push(b'.');
    scratch.extend_from_slice(&c.message_id[..12]);
    scratch.extend_from_slice(b"@mail.");
    scratch.extend_from_slice(domain.as_bytes());
    scratch.extend_from_slice(b".example.com");
    o.plain("emailMessageId", scratch);
    o.plain("threadId", email.thread.as_ref().unwrap_or(&c.message_id));
    o.plain("provider", b"leadconnector");
    let staff = d.location().business.staff[c.staff];
    let mut ours = Vec::with_capacity(64);
    ours.extend_from_slice(staff.as_bytes());
    ours.extend_from_slice(b" <");
    let first = staff.split(' ').next().unwrap_or(staff);
    ours.extend(first.bytes().map(|b| b.to_ascii_lowercase()));
    ours.push(b'@');
    ours.extend_from_slice(domain.as_bytes());
    ours.extend_from_slice(b".example.com>");
    let contact = d.contact();
    scratch.clear();
    scratch.extend(contact.first.bytes().map(|b| b.to_ascii_lowercase()));
    scratch.push(b'.');
    scratch.extend(contact.last.bytes().map(|b| b.to_ascii_lowercase()));
    scratch.push(b'@');
    scratch.extend_from_slice(email.to_domain.as_bytes());
    let (from, to): (&[u8], &[u8]) = if d.inbound {
        // The contact wrote to the team member's address (the part inside `<…>`).
        let open = ours.iter().position(|&b| b == b'<').map_or(0, |i| i + 1);
        (&scratch[..], &ours[open..ours.len() - 1])
    } else {
        (&ours[..], &scratch[..])
    };
    o.plain("from", from);
    if c.new_shape {
        o.plain("to", to);
    } else {
        o.list("to", &[to]);
    }
    if email.cc {
        scratch.clear();
        scratch.extend_from_slice(b"office@");
        scratch.extend_from_slice(domain.as_bytes());
        scratch.extend_from_slice(b".example.com");
        o.list("cc", &[&scratch[..]]);
    }
    o.text("subject", &d.texts.subject);
}

/// Whether the payload is an incoming call that nobody answered.
fn unanswered_inbound_call(d: &Draft<'_>) -> bool {
    d.inbound && d.specific.call.as_ref().is_some_and(|call| !call.answered)
}

/// From `userId` to `versionId`.
fn tail(o: &mut Obj<'_>, d: &Draft<'_>, calendar: &mut Calendar, scratch: &mut Vec<u8>) {
    let c = d.common;
    if d.inbound {
        // A contact's message: nobody sent it, and it has no `source`.
        o.plain("userId", b"");
        o.plain("messageId", &c.message_id);
    } else {
        // Messages that a person sent carry their user id.
        if matches!(c.source, "app" | "mobile_app" | "bulk_actions") {
            o.plain("userId", &d.location().users[c.staff]);
        }
        o.plain("messageId", &c.message_id);
        o.plain("source", c.source.as_bytes());
    }
    if unanswered_inbound_call(d) {
        // It arrives as `status: "voicemail"`, without the call fields.
        o.plain("status", b"voicemail");
    } else {
        o.plain("status", d.specific.status.as_bytes());
        if let Some(call) = &d.specific.call {
            call_outcome(o, call, d.broken == Some(Break::WrongType));
        }
    }
    if c.channel == Channel::LiveChat {
        o.plain("chatWidgetId", &d.location().widget);
    }
    if let Some(late) = &d.late {
        if matches!(c.channel, Channel::Sms | Channel::Call | Channel::Voicemail) {
            let (ours, theirs) = (d.location().phone.as_bytes(), d.contact().phone.as_bytes());
            let (from, to) = if d.inbound {
                (theirs, ours)
            } else {
                (ours, theirs)
            };
            o.plain("from", from);
            o.plain("to", to);
        }
        o.date("timestamp", calendar, c.date_ms + late.delay_ms);
        scratch.clear();
        push_uuid(scratch, late.webhook.0, late.webhook.1);
        o.plain("webhookId", scratch);
        o.plain("appId", &d.cast.app_id);
        o.plain("versionId", &d.cast.version_id);
    }
}

/// A call's `callDuration` (a string when the payload has the wrong type) and `callStatus`.
fn call_outcome(o: &mut Obj<'_>, call: &CallDraws, wrong_type: bool) {
    if wrong_type {
        let buf = o.key("callDuration");
        buf.push(b'"');
        push_digits(buf, call.duration, 1);
        buf.push(b'"');
    } else {
        o.number("callDuration", call.duration);
    }
    let status: &[u8] = if call.answered {
        b"completed"
    } else {
        b"voicemail"
    };
    o.plain("callStatus", status);
}

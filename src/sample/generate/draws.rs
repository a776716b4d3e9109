//! Everything random about one payload, drawn before a byte of it is written: first what every
//! delivery has (date, channel, location, contact, ids, shape, source, the placeholders of its
//! text), then what its channel adds (one function per channel), then the fields of newer
//! deliveries. The draws come in this fixed order whether the payload is broken or not, which
//! is what keeps a valid payload byte for byte the same at any `--invalid-rate`.

use super::NEW_SHAPE_PERCENT;
use super::catalog::{
    BUSINESS_WEIGHTS, BUSINESSES, CHAT_TEMPLATES, CONTACTS, DOCUMENTS, EMAIL_TEMPLATES, Fill,
    MAIL_DOMAINS, MEDIA_FILES, SMS_TEMPLATES, TIMES, VOICEMAIL_FILES, fill,
};
use super::dates::Calendar;
use super::ids::{derived_id, id20};
use super::rng::Rng;
use crate::classify::Channel;

/// The draws every payload makes, in this order, before its channel's.
pub(super) struct Common {
    pub(super) date_ms: i64,
    pub(super) channel: Channel,
    /// Index into the cast's locations.
    pub(super) location: usize,
    /// Index into the cast's contacts.
    pub(super) contact: usize,
    pub(super) conversation: [u8; 20],
    pub(super) message_id: [u8; 20],
    /// Whether the payload has the fields of newer deliveries.
    pub(super) new_shape: bool,
    /// Which of the location's three team members.
    pub(super) staff: usize,
    pub(super) source: &'static str,
    pub(super) time: &'static str,
    /// The first 8 characters are a template's `{code}`.
    pub(super) code: [u8; 20],
}

/// Draws what every payload has. `day` receives the text of the appointment day templates
/// mention.
pub(super) fn common(
    rng: &mut Rng,
    seed: u64,
    weights: &[(Channel, u32)],
    now_ms: &mut i64,
    calendar: &mut Calendar,
    day: &mut Vec<u8>,
) -> Common {
    *now_ms += rng.below(2400) as i64;
    let date_ms = *now_ms;
    let channel = rng.weighted(weights);
    let location = rng.weighted(&BUSINESS_WEIGHTS);
    let contact =
        location + BUSINESSES.len() * rng.below((CONTACTS / BUSINESSES.len()) as u64) as usize;
    let channel_no = channel.order() as u64;
    let conversation = derived_id(seed, (contact as u64) << 8 | channel_no | 0x1_0000_0000);
    let message_id = id20(rng.next_u64(), rng.next_u64());
    let new_shape = rng.percent(NEW_SHAPE_PERCENT);
    let staff = rng.below(3) as usize;
    let source: &str = match channel {
        Channel::Voicemail => rng.pick(&["workflow", "bulk_actions"]),
        Channel::Call => rng.weighted(&[("app", 85), ("mobile_app", 15)]),
        Channel::Sms | Channel::Email => rng.weighted(&[
            ("app", 40),
            ("workflow", 35),
            ("bulk_actions", 10),
            ("campaign", 8),
            ("api", 7),
        ]),
        _ => rng.weighted(&[("app", 85), ("mobile_app", 15)]),
    };
    day.clear();
    calendar.push_day(day, date_ms, 1 + rng.below(9) as i64);
    let time = rng.pick(&TIMES);
    let code = id20(rng.next_u64(), 0);
    Common {
        date_ms,
        channel,
        location,
        contact,
        conversation,
        message_id,
        new_shape,
        staff,
        source,
        time,
        code,
    }
}

/// What a channel's draws refer to.
pub(super) struct Context<'a> {
    pub(super) fill: Fill<'a>,
    pub(super) location_id: &'a [u8; 20],
    pub(super) message_id: &'a [u8; 20],
    pub(super) conversation: &'a [u8; 20],
}

/// The texts a channel writes: the URL of its attachment, its body and an email's subject
/// (each empty when there is none).
#[derive(Default)]
pub(super) struct Texts {
    pub(super) attachment: Vec<u8>,
    pub(super) body: Vec<u8>,
    pub(super) subject: Vec<u8>,
}

/// What an email draws for its headers.
pub(super) struct EmailDraws {
    /// A thread of its own, or `None` when the thread id is the message id.
    pub(super) thread: Option<[u8; 20]>,
    /// The domain of the contact's address.
    pub(super) to_domain: &'static str,
    /// Whether the office is in copy.
    pub(super) cc: bool,
}

/// How a call went.
pub(super) struct CallDraws {
    pub(super) answered: bool,
    /// Seconds.
    pub(super) duration: i64,
}

/// What a channel adds to the common draws, besides its [`Texts`].
pub(super) struct Specific {
    pub(super) status: &'static str,
    pub(super) email: Option<EmailDraws>,
    pub(super) call: Option<CallDraws>,
}

/// The draws of `channel`, after the common ones.
pub(super) fn specific(
    rng: &mut Rng,
    channel: &Channel,
    cx: &Context<'_>,
    texts: &mut Texts,
) -> Specific {
    texts.attachment.clear();
    texts.body.clear();
    texts.subject.clear();
    match channel {
        Channel::Call => call(rng, cx, texts),
        Channel::Voicemail => voicemail(rng, cx, texts),
        Channel::Email => email(rng, cx, texts),
        Channel::Sms => sms(rng, cx, texts),
        Channel::LiveChat => chat(rng, cx, texts, 0),
        // FB, IG and GMB.
        _ => chat(rng, cx, texts, 12),
    }
}

/// A call: its recording, and whether it was answered and how long it lasted.
fn call(rng: &mut Rng, cx: &Context<'_>, texts: &mut Texts) -> Specific {
    let url = &mut texts.attachment;
    url.extend_from_slice(b"https://recordings.example.com/locations/");
    url.extend_from_slice(cx.location_id);
    url.extend_from_slice(b"/calls/");
    url.extend_from_slice(cx.message_id);
    url.extend_from_slice(b".mp3");
    let answered = rng.percent(72);
    let duration = if answered {
        match rng.below(10) {
            0..=2 => 10 + rng.below(50),
            3..=7 => 60 + rng.below(240),
            _ => 300 + rng.below(1500),
        }
    } else {
        8 + rng.below(53)
    } as i64;
    Specific {
        status: "completed",
        email: None,
        call: Some(CallDraws { answered, duration }),
    }
}

/// A voicemail drop: the audio file dropped.
fn voicemail(rng: &mut Rng, cx: &Context<'_>, texts: &mut Texts) -> Specific {
    let url = &mut texts.attachment;
    url.extend_from_slice(b"https://media.example.com/locations/");
    url.extend_from_slice(cx.location_id);
    url.extend_from_slice(b"/voicemail/");
    url.extend_from_slice(rng.pick(&VOICEMAIL_FILES).as_bytes());
    url.extend_from_slice(b".mp3");
    Specific {
        status: "completed",
        email: None,
        call: None,
    }
}

/// An email: sometimes a document, an HTML body and subject, its headers, its status.
fn email(rng: &mut Rng, cx: &Context<'_>, texts: &mut Texts) -> Specific {
    if rng.percent(15) {
        let url = &mut texts.attachment;
        url.extend_from_slice(b"https://files.example.com/locations/");
        url.extend_from_slice(cx.location_id);
        url.extend_from_slice(b"/documents/");
        url.extend_from_slice(rng.pick(&DOCUMENTS).as_bytes());
    }
    let template = rng.pick(&EMAIL_TEMPLATES);
    fill(&mut texts.body, template.body, &cx.fill);
    fill(&mut texts.subject, template.subject, &cx.fill);
    let thread = if rng.percent(70) {
        None
    } else {
        Some(id20(rng.next_u64(), rng.next_u64()))
    };
    let to_domain = rng.pick(&MAIL_DOMAINS);
    let cc = rng.percent(10);
    let status = rng.weighted(&[
        ("delivered", 58),
        ("sent", 30),
        ("opened", 10),
        ("failed", 2),
    ]);
    Specific {
        status,
        email: Some(EmailDraws {
            thread,
            to_domain,
            cc,
        }),
        call: None,
    }
}

/// A text message: rarely a picture, a body, a carrier's status.
fn sms(rng: &mut Rng, cx: &Context<'_>, texts: &mut Texts) -> Specific {
    media(rng, cx, texts, 4);
    fill(&mut texts.body, rng.pick(&SMS_TEMPLATES), &cx.fill);
    let status = rng.weighted(&[
        ("delivered", 55),
        ("sent", 38),
        ("failed", 4),
        ("undelivered", 3),
    ]);
    Specific {
        status,
        email: None,
        call: None,
    }
}

/// A chat message (Facebook, Instagram, Google Business Profile, Live Chat): a picture
/// `media_percent` times in a hundred, a body, a status.
fn chat(rng: &mut Rng, cx: &Context<'_>, texts: &mut Texts, media_percent: u64) -> Specific {
    media(rng, cx, texts, media_percent);
    fill(&mut texts.body, rng.pick(&CHAT_TEMPLATES), &cx.fill);
    let status = rng.weighted(&[("delivered", 70), ("sent", 28), ("failed", 2)]);
    Specific {
        status,
        email: None,
        call: None,
    }
}

/// A media file of the conversation, `percent` times in a hundred (the draw is made even at 0).
fn media(rng: &mut Rng, cx: &Context<'_>, texts: &mut Texts, percent: u64) {
    if rng.percent(percent) {
        let url = &mut texts.attachment;
        url.extend_from_slice(b"https://media.example.com/locations/");
        url.extend_from_slice(cx.location_id);
        url.extend_from_slice(b"/conversations/");
        url.extend_from_slice(cx.conversation);
        url.push(b'/');
        url.extend_from_slice(rng.pick(&MEDIA_FILES).as_bytes());
    }
}

/// The draws of newer deliveries' own fields, made last.
pub(super) struct Late {
    /// `timestamp`: milliseconds after `dateAdded`.
    pub(super) delay_ms: i64,
    /// The random words of `webhookId`.
    pub(super) webhook: (u64, u64),
}

/// Draws the fields of newer deliveries, when the payload has their shape.
pub(super) fn late(rng: &mut Rng, new_shape: bool) -> Option<Late> {
    if !new_shape {
        return None;
    }
    let delay_ms = 200 + rng.below(1300) as i64;
    let webhook = (rng.next_u64(), rng.next_u64());
    Some(Late { delay_ms, webhook })
}

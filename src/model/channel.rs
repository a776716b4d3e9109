//! The messaging channels: the one table of their names, slugs, descriptions and the spellings
//! HighLevel uses for them. Classification, the generator, the command line's channel values and
//! the help texts all read it from here.

use std::fmt;

/// A messaging channel.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    /// Phone call (`CALL`).
    Call,
    /// Voicemail drop (`VoiceMail`).
    Voicemail,
    /// Text message.
    Sms,
    /// Google Business Profile messages.
    Gmb,
    /// Facebook Messenger.
    Fb,
    /// Instagram Direct.
    Ig,
    /// Email.
    Email,
    /// Live chat (web chat widget).
    LiveChat,
    /// WhatsApp.
    WhatsApp,
    /// A note visible only to the team.
    InternalComment,
    /// A message sent through a custom conversation provider.
    Custom,
    /// RCS business messaging.
    Rcs,
    /// TikTok messages.
    TikTok,
    /// Reviews (`TYPE_REVIEW`).
    Review,
    /// Timeline entries that are not messages to a contact (`TYPE_ACTIVITY_*`).
    Activity,
    /// Form submissions (`FORM_SUBMISSION`).
    FormSubmission,
    /// Anything else; keeps the raw value (empty when no field named a channel).
    Unknown(String),
}

impl Channel {
    /// The channels with a name, in the order reports list them: the seeds' table first.
    pub const NAMED: [Channel; 16] = [
        Channel::Call,
        Channel::Voicemail,
        Channel::Sms,
        Channel::Gmb,
        Channel::Fb,
        Channel::Ig,
        Channel::Email,
        Channel::LiveChat,
        Channel::WhatsApp,
        Channel::InternalComment,
        Channel::Custom,
        Channel::Rcs,
        Channel::TikTok,
        Channel::Review,
        Channel::Activity,
        Channel::FormSubmission,
    ];

    /// The named channels, as a slice that lives as long as the program.
    pub fn named() -> &'static [Channel] {
        &NAMED
    }

    /// The eight channels of HighLevel's documentation: the first of [`Channel::NAMED`].
    pub fn documented() -> &'static [Channel] {
        &NAMED[..DOCUMENTED]
    }

    /// The printed name: exactly the seeds' names for their eight channels.
    pub fn name(&self) -> &str {
        match self {
            Channel::Call => "Call",
            Channel::Voicemail => "Voicemail",
            Channel::Sms => "SMS",
            Channel::Gmb => "GMB",
            Channel::Fb => "FB",
            Channel::Ig => "IG",
            Channel::Email => "Email",
            Channel::LiveChat => "Live Chat",
            Channel::WhatsApp => "WhatsApp",
            Channel::InternalComment => "Internal Comment",
            Channel::Custom => "Custom",
            Channel::Rcs => "RCS",
            Channel::TikTok => "TikTok",
            Channel::Review => "Review",
            Channel::Activity => "Activity",
            Channel::FormSubmission => "Form Submission",
            Channel::Unknown(_) => "Unknown",
        }
    }

    /// A lower-case file-name-safe name: `sms`, `live-chat`, `unknown`.
    pub fn slug(&self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::Voicemail => "voicemail",
            Channel::Sms => "sms",
            Channel::Gmb => "gmb",
            Channel::Fb => "fb",
            Channel::Ig => "ig",
            Channel::Email => "email",
            Channel::LiveChat => "live-chat",
            Channel::WhatsApp => "whatsapp",
            Channel::InternalComment => "internal-comment",
            Channel::Custom => "custom",
            Channel::Rcs => "rcs",
            Channel::TikTok => "tiktok",
            Channel::Review => "review",
            Channel::Activity => "activity",
            Channel::FormSubmission => "form-submission",
            Channel::Unknown(_) => "unknown",
        }
    }

    /// Position in [`Channel::NAMED`]; unknown channels come last.
    pub fn order(&self) -> usize {
        Channel::NAMED
            .iter()
            .position(|c| c == self)
            .unwrap_or(Channel::NAMED.len())
    }

    /// What the channel is, for help texts and completions.
    pub fn description(&self) -> &'static str {
        match self {
            Channel::Call => "Phone calls, answered or reaching voicemail",
            Channel::Voicemail => "Voicemail drops",
            Channel::Sms => "Text messages",
            Channel::Gmb => "Google Business Profile messages",
            Channel::Fb => "Facebook Messenger",
            Channel::Ig => "Instagram Direct",
            Channel::Email => "Email",
            Channel::LiveChat => "Live chat (web chat widget)",
            Channel::WhatsApp => "WhatsApp",
            Channel::InternalComment => "A note visible only to the team",
            Channel::Custom => "A custom conversation provider's message of no named medium",
            Channel::Rcs => "RCS business messaging",
            Channel::TikTok => "TikTok messages and comments",
            Channel::Review => "Reviews",
            Channel::Activity => "Timeline activity entries, not messages to a contact",
            Channel::FormSubmission => "Form submissions",
            Channel::Unknown(_) => "No known channel",
        }
    }

    /// Whether this is a known channel.
    pub fn is_known(&self) -> bool {
        !matches!(self, Channel::Unknown(_))
    }

    /// The channel a `messageType` value names: case-insensitive, with spaces, `_` and `-`
    /// equivalent. Accepts every spelling seen in the documentation, in real deliveries, in the
    /// REST API and in public handler code, plus a `TYPE_*` name. `None` for anything else.
    pub fn from_message_type(raw: &str) -> Option<Channel> {
        Named::message_type(raw).map(|n| n.channel)
    }

    /// The channel a `messageTypeString` (`TYPE_*`) value names, case-insensitively. `None` for
    /// names outside HighLevel's enum.
    pub fn from_type_string(raw: &str) -> Option<Channel> {
        Named::type_string(raw).map(|n| n.channel)
    }

    /// A channel named on the command line: a printed name or any `messageType` spelling
    /// (`sms`, `facebook`, `live-chat`), or `unknown`.
    pub fn from_user_name(raw: &str) -> Option<Channel> {
        let key = normalize(raw);
        if key == "unknown" {
            return Some(Channel::Unknown(String::new()));
        }
        if let Some(ch) = NAMED.iter().find(|c| normalize(c.name()) == key) {
            return Some(ch.clone());
        }
        Channel::from_message_type(raw)
    }

    /// Whether two channels named by two fields of one payload agree: the same medium, a call
    /// and a voicemail (an unanswered call that reached voicemail), or a custom provider with any
    /// medium (`Custom` says only who carried the message).
    pub fn agrees_with(&self, other: &Channel) -> bool {
        self == other
            || matches!(self, Channel::Custom)
            || matches!(other, Channel::Custom)
            || matches!(
                (self, other),
                (Channel::Call, Channel::Voicemail) | (Channel::Voicemail, Channel::Call)
            )
    }
}

pub use crate::model::vocabulary::{
    MESSAGE_TYPES, Named, TYPE_EXTRA_NAMES, TYPE_IDS, TYPE_NAMES, kind,
};

/// [`Channel::NAMED`] in a static, so that slices of it live as long as the program.
static NAMED: [Channel; 16] = Channel::NAMED;

/// How many channels HighLevel's documentation lists (the first of [`Channel::NAMED`]).
const DOCUMENTED: usize = 8;

/// Fields that only calls (and voicemails) carry.
pub const CALL_FIELDS: [&str; 2] = ["callDuration", "callStatus"];
/// Fields that only emails carry.
pub const EMAIL_FIELDS: [&str; 7] = [
    "emailMessageId",
    "threadId",
    "subject",
    "cc",
    "bcc",
    "ccList",
    "bccList",
];
/// Fields that only live chats carry.
pub const CHAT_FIELDS: [&str; 1] = ["chatWidgetId"];

/// Every field whose mere presence tells a channel: calls', emails' and chats'.
pub const PRESENCE_FIELDS: [&str; 10] = {
    let mut all = [""; 10];
    let mut i = 0;
    while i < CALL_FIELDS.len() {
        all[i] = CALL_FIELDS[i];
        i += 1;
    }
    let mut j = 0;
    while j < EMAIL_FIELDS.len() {
        all[i + j] = EMAIL_FIELDS[j];
        j += 1;
    }
    all[i + j] = CHAT_FIELDS[0];
    all
};

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub(crate) fn normalize(raw: &str) -> String {
    // Longer than every name: past this, the key matches none, and a huge value costs nothing.
    const LONGEST: usize = 64;
    let mut key = String::new();
    for c in raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
    {
        if key.len() >= LONGEST {
            key.push('\u{fffd}');
            break;
        }
        key.push(c);
    }
    key
}

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

/// What varies within a medium: the kind of entry a type name describes.
pub mod kind {
    /// A public comment (on a Facebook, Instagram or TikTok post).
    pub const COMMENT: &str = "comment";
    /// Sent by a campaign.
    pub const CAMPAIGN: &str = "campaign";
    /// A step of a manual campaign.
    pub const MANUAL_CAMPAIGN: &str = "manual campaign";
    /// Carried by a custom conversation provider.
    pub const CUSTOM_PROVIDER: &str = "custom provider";
    /// A review request.
    pub const REVIEW_REQUEST: &str = "review request";
    /// A no-show follow-up request.
    pub const NO_SHOW_REQUEST: &str = "no-show request";
    /// A reaction to a message.
    pub const REACTION: &str = "reaction";
    /// An informational message of the chat widget.
    pub const INFO_MESSAGE: &str = "info message";
    /// An interactive voice response call.
    pub const IVR: &str = "ivr";
    /// Timeline entries: what the activity is about.
    pub const CONTACT: &str = "contact";
    /// An invoice activity.
    pub const INVOICE: &str = "invoice";
    /// A payment activity.
    pub const PAYMENT: &str = "payment";
    /// An opportunity activity.
    pub const OPPORTUNITY: &str = "opportunity";
    /// An appointment activity.
    pub const APPOINTMENT: &str = "appointment";
    /// An employee action log entry.
    pub const EMPLOYEE_ACTION_LOG: &str = "employee action log";
    /// A WhatsApp activity.
    pub const WHATSAPP: &str = "whatsapp";
}

/// A channel and the kind of entry within it, as one type name gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The medium.
    pub channel: Channel,
    /// What varies within it, if anything.
    pub kind: Option<&'static str>,
}

impl Named {
    /// The entry of a `messageTypeString` (`TYPE_*`) value, case-insensitively.
    pub fn type_string(raw: &str) -> Option<Named> {
        let upper = raw.trim().to_ascii_uppercase();
        TYPE_NAMES
            .iter()
            .chain(TYPE_EXTRA_NAMES)
            .find(|(name, _, _)| *name == upper)
            .map(|(_, channel, kind)| Named {
                channel: channel.clone(),
                kind: *kind,
            })
    }

    /// The entry of a `messageType` value: case-insensitive, with spaces, `_` and `-`
    /// equivalent; a `TYPE_*` name is read as a `messageTypeString`.
    pub fn message_type(raw: &str) -> Option<Named> {
        let key = normalize(raw);
        if let Some((_, channel, kind)) = MESSAGE_TYPES.iter().find(|(k, _, _)| *k == key) {
            return Some(Named {
                channel: channel.clone(),
                kind: *kind,
            });
        }
        if key.starts_with("type") {
            return Named::type_string(&raw.trim().replace([' ', '-'], "_"));
        }
        None
    }

    /// The entry of a confirmed `messageTypeId`; unconfirmed numbers give `None`.
    pub fn type_id(id: i64) -> Option<Named> {
        TYPE_IDS
            .iter()
            .find(|(n, _, _)| *n == id)
            .map(|(_, channel, kind)| Named {
                channel: channel.clone(),
                kind: *kind,
            })
    }
}

use kind::*;

/// HighLevel's `messageTypeString` enum, all 42 names, in the enum's order, with the channel
/// and kind each names.
pub const TYPE_NAMES: &[(&str, Channel, Option<&str>)] = &[
    ("TYPE_CALL", Channel::Call, None),
    ("TYPE_SMS", Channel::Sms, None),
    ("TYPE_RCS", Channel::Rcs, None),
    ("TYPE_EMAIL", Channel::Email, None),
    (
        "TYPE_SMS_REVIEW_REQUEST",
        Channel::Sms,
        Some(REVIEW_REQUEST),
    ),
    ("TYPE_WEBCHAT", Channel::LiveChat, None),
    (
        "TYPE_SMS_NO_SHOW_REQUEST",
        Channel::Sms,
        Some(NO_SHOW_REQUEST),
    ),
    ("TYPE_CAMPAIGN_SMS", Channel::Sms, Some(CAMPAIGN)),
    ("TYPE_CAMPAIGN_CALL", Channel::Call, Some(CAMPAIGN)),
    ("TYPE_CAMPAIGN_EMAIL", Channel::Email, Some(CAMPAIGN)),
    (
        "TYPE_CAMPAIGN_VOICEMAIL",
        Channel::Voicemail,
        Some(CAMPAIGN),
    ),
    ("TYPE_FACEBOOK", Channel::Fb, None),
    ("TYPE_CAMPAIGN_FACEBOOK", Channel::Fb, Some(CAMPAIGN)),
    (
        "TYPE_CAMPAIGN_MANUAL_CALL",
        Channel::Call,
        Some(MANUAL_CAMPAIGN),
    ),
    (
        "TYPE_CAMPAIGN_MANUAL_SMS",
        Channel::Sms,
        Some(MANUAL_CAMPAIGN),
    ),
    ("TYPE_GMB", Channel::Gmb, None),
    ("TYPE_CAMPAIGN_GMB", Channel::Gmb, Some(CAMPAIGN)),
    ("TYPE_REVIEW", Channel::Review, None),
    ("TYPE_INSTAGRAM", Channel::Ig, None),
    ("TYPE_WHATSAPP", Channel::WhatsApp, None),
    ("TYPE_CUSTOM_SMS", Channel::Sms, Some(CUSTOM_PROVIDER)),
    ("TYPE_CUSTOM_EMAIL", Channel::Email, Some(CUSTOM_PROVIDER)),
    (
        "TYPE_CUSTOM_PROVIDER_SMS",
        Channel::Sms,
        Some(CUSTOM_PROVIDER),
    ),
    (
        "TYPE_CUSTOM_PROVIDER_EMAIL",
        Channel::Email,
        Some(CUSTOM_PROVIDER),
    ),
    ("TYPE_IVR_CALL", Channel::Call, Some(IVR)),
    ("TYPE_ACTIVITY_CONTACT", Channel::Activity, Some(CONTACT)),
    ("TYPE_ACTIVITY_INVOICE", Channel::Activity, Some(INVOICE)),
    ("TYPE_ACTIVITY_PAYMENT", Channel::Activity, Some(PAYMENT)),
    (
        "TYPE_ACTIVITY_OPPORTUNITY",
        Channel::Activity,
        Some(OPPORTUNITY),
    ),
    ("TYPE_LIVE_CHAT", Channel::LiveChat, None),
    (
        "TYPE_LIVE_CHAT_INFO_MESSAGE",
        Channel::LiveChat,
        Some(INFO_MESSAGE),
    ),
    (
        "TYPE_ACTIVITY_APPOINTMENT",
        Channel::Activity,
        Some(APPOINTMENT),
    ),
    ("TYPE_FACEBOOK_COMMENT", Channel::Fb, Some(COMMENT)),
    ("TYPE_INSTAGRAM_COMMENT", Channel::Ig, Some(COMMENT)),
    ("TYPE_CUSTOM_CALL", Channel::Call, Some(CUSTOM_PROVIDER)),
    ("TYPE_INTERNAL_COMMENT", Channel::InternalComment, None),
    (
        "TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG",
        Channel::Activity,
        Some(EMPLOYEE_ACTION_LOG),
    ),
    ("TYPE_TIKTOK", Channel::TikTok, None),
    ("TYPE_TIKTOK_COMMENT", Channel::TikTok, Some(COMMENT)),
    ("TYPE_ACTIVITY_WHATSAPP", Channel::Activity, Some(WHATSAPP)),
    ("TYPE_FORM_SUBMISSION", Channel::FormSubmission, None),
    ("TYPE_SMS_REACTION", Channel::Sms, Some(REACTION)),
];

/// `TYPE_*` names outside the API's enum: the webhook pages' `TYPE_VOICEMAIL` and a filter
/// enum's plural `TYPE_INTERNAL_COMMENTS`.
pub const TYPE_EXTRA_NAMES: &[(&str, Channel, Option<&str>)] = &[
    ("TYPE_VOICEMAIL", Channel::Voicemail, None),
    ("TYPE_INTERNAL_COMMENTS", Channel::InternalComment, None),
];

/// `messageType` spellings, normalized (lower case, no spaces, `_` or `-`): the webhook pages',
/// the REST API's (`Live_Chat`, `TIKTOK`, `IVR_Call`, `Campaign_VoiceMail`, `ALL_IN_ONE_CHAT`,
/// `FORM_SUBMISSION`, ...), an export's (`Instagram`, `Facebook`) and public handler code's.
pub const MESSAGE_TYPES: &[(&str, Channel, Option<&str>)] = &[
    ("call", Channel::Call, None),
    ("calls", Channel::Call, None),
    ("phonecall", Channel::Call, None),
    ("phone", Channel::Call, None),
    ("ivrcall", Channel::Call, Some(IVR)),
    ("customcall", Channel::Call, Some(CUSTOM_PROVIDER)),
    ("campaigncall", Channel::Call, Some(CAMPAIGN)),
    ("voicemail", Channel::Voicemail, None),
    ("voicemaildrop", Channel::Voicemail, None),
    ("campaignvoicemail", Channel::Voicemail, Some(CAMPAIGN)),
    ("sms", Channel::Sms, None),
    ("text", Channel::Sms, None),
    ("textmessage", Channel::Sms, None),
    ("gmb", Channel::Gmb, None),
    ("googlemybusiness", Channel::Gmb, None),
    ("googlebusiness", Channel::Gmb, None),
    ("googlebusinessprofile", Channel::Gmb, None),
    ("fb", Channel::Fb, None),
    ("facebook", Channel::Fb, None),
    ("facebookmessenger", Channel::Fb, None),
    ("messenger", Channel::Fb, None),
    ("ig", Channel::Ig, None),
    ("instagram", Channel::Ig, None),
    ("instagramdirect", Channel::Ig, None),
    ("email", Channel::Email, None),
    ("mail", Channel::Email, None),
    ("livechat", Channel::LiveChat, None),
    ("webchat", Channel::LiveChat, None),
    ("chat", Channel::LiveChat, None),
    ("chatwidget", Channel::LiveChat, None),
    ("allinonechat", Channel::LiveChat, None),
    ("whatsapp", Channel::WhatsApp, None),
    ("internalcomment", Channel::InternalComment, None),
    ("internalcomments", Channel::InternalComment, None),
    ("comment", Channel::InternalComment, None),
    ("custom", Channel::Custom, Some(CUSTOM_PROVIDER)),
    ("customprovider", Channel::Custom, Some(CUSTOM_PROVIDER)),
    ("rcs", Channel::Rcs, None),
    ("tiktok", Channel::TikTok, None),
    ("review", Channel::Review, None),
    ("activity", Channel::Activity, None),
    ("formsubmission", Channel::FormSubmission, None),
];

/// The `messageTypeId` numbers confirmed by HighLevel or by real deliveries. Other numbers
/// circulate but are unconfirmed, and never decide a channel.
pub const TYPE_IDS: &[(i64, Channel, Option<&str>)] = &[
    (1, Channel::Call, None),
    (2, Channel::Sms, None),
    (10, Channel::Voicemail, None),
    (11, Channel::Fb, None),
    (18, Channel::Ig, None),
    (19, Channel::WhatsApp, None),
    (20, Channel::Sms, Some(CUSTOM_PROVIDER)),
    (22, Channel::Sms, Some(CUSTOM_PROVIDER)),
    (32, Channel::Fb, Some(COMMENT)),
    (33, Channel::Ig, Some(COMMENT)),
    (34, Channel::Call, Some(CUSTOM_PROVIDER)),
    (41, Channel::TikTok, None),
    (42, Channel::TikTok, Some(COMMENT)),
];

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

fn normalize(raw: &str) -> String {
    raw.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

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
    /// Anything else; keeps the raw value (empty when no field named a channel).
    Unknown(String),
}

impl Channel {
    /// The channels with a name, in the order reports list them: the seeds' table first.
    pub const NAMED: [Channel; 13] = [
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
            Channel::Custom => "A message sent through a custom conversation provider",
            Channel::Rcs => "RCS business messaging",
            Channel::TikTok => "TikTok messages",
            Channel::Unknown(_) => "No known channel",
        }
    }

    /// Whether this is a known channel.
    pub fn is_known(&self) -> bool {
        !matches!(self, Channel::Unknown(_))
    }

    /// The channel a `messageType` value names: case-insensitive, with spaces, `_` and `-`
    /// equivalent. Accepts every spelling seen in the documentation, in real deliveries and in
    /// public handler code, plus a `TYPE_*` name. `None` for anything else.
    pub fn from_message_type(raw: &str) -> Option<Channel> {
        let key = normalize(raw);
        let channel = match key.as_str() {
            "call" | "calls" | "phonecall" | "phone" | "ivrcall" | "customcall" => Channel::Call,
            "voicemail" | "voicemaildrop" => Channel::Voicemail,
            "sms" | "text" | "textmessage" => Channel::Sms,
            "gmb" | "googlemybusiness" | "googlebusiness" | "googlebusinessprofile" => Channel::Gmb,
            "fb" | "facebook" | "facebookmessenger" | "messenger" => Channel::Fb,
            "ig" | "instagram" | "instagramdirect" => Channel::Ig,
            "email" | "mail" => Channel::Email,
            "livechat" | "webchat" | "chat" | "chatwidget" => Channel::LiveChat,
            "whatsapp" => Channel::WhatsApp,
            "internalcomment" | "comment" => Channel::InternalComment,
            "custom" | "customprovider" => Channel::Custom,
            "rcs" => Channel::Rcs,
            "tiktok" => Channel::TikTok,
            k if k.starts_with("type") => {
                return Channel::from_type_string(&raw.trim().replace([' ', '-'], "_"));
            }
            _ => return None,
        };
        Some(channel)
    }

    /// The channel a `messageTypeString` (`TYPE_*`) value names, case-insensitively. `None` for
    /// names that do not name a channel (`TYPE_ACTIVITY_*`, `TYPE_REVIEW`) and unknown names.
    pub fn from_type_string(raw: &str) -> Option<Channel> {
        let upper = raw.trim().to_ascii_uppercase();
        let channel = match upper.as_str() {
            "TYPE_CALL"
            | "TYPE_IVR_CALL"
            | "TYPE_CUSTOM_CALL"
            | "TYPE_CAMPAIGN_CALL"
            | "TYPE_CAMPAIGN_MANUAL_CALL" => Channel::Call,
            "TYPE_VOICEMAIL" | "TYPE_CAMPAIGN_VOICEMAIL" => Channel::Voicemail,
            "TYPE_SMS"
            | "TYPE_CUSTOM_SMS"
            | "TYPE_CUSTOM_PROVIDER_SMS"
            | "TYPE_CAMPAIGN_SMS"
            | "TYPE_CAMPAIGN_MANUAL_SMS"
            | "TYPE_SMS_REVIEW_REQUEST"
            | "TYPE_SMS_NO_SHOW_REQUEST" => Channel::Sms,
            "TYPE_EMAIL"
            | "TYPE_CUSTOM_EMAIL"
            | "TYPE_CUSTOM_PROVIDER_EMAIL"
            | "TYPE_CAMPAIGN_EMAIL" => Channel::Email,
            "TYPE_FACEBOOK" | "TYPE_FACEBOOK_COMMENT" | "TYPE_CAMPAIGN_FACEBOOK" => Channel::Fb,
            "TYPE_INSTAGRAM" | "TYPE_INSTAGRAM_COMMENT" => Channel::Ig,
            "TYPE_GMB" | "TYPE_CAMPAIGN_GMB" => Channel::Gmb,
            "TYPE_LIVE_CHAT" | "TYPE_WEBCHAT" | "TYPE_LIVE_CHAT_INFO_MESSAGE" => Channel::LiveChat,
            "TYPE_WHATSAPP" => Channel::WhatsApp,
            "TYPE_INTERNAL_COMMENT" => Channel::InternalComment,
            "TYPE_RCS" => Channel::Rcs,
            "TYPE_TIKTOK" => Channel::TikTok,
            _ => return None,
        };
        Some(channel)
    }

    /// A channel named on the command line: a printed name or any `messageType` spelling
    /// (`sms`, `facebook`, `live-chat`), or `unknown`.
    pub fn from_user_name(raw: &str) -> Option<Channel> {
        if normalize(raw) == "unknown" {
            return Some(Channel::Unknown(String::new()));
        }
        Channel::from_message_type(raw)
    }
}

/// [`Channel::NAMED`] in a static, so that slices of it live as long as the program.
static NAMED: [Channel; 13] = Channel::NAMED;

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

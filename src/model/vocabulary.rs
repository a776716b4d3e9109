//! HighLevel's vocabulary of message types: the 42 `messageTypeString` names, the `messageType`
//! spellings, the confirmed `messageTypeId` numbers, and the channel and kind each one names.

use crate::model::channel::{Channel, normalize};

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
        let raw = raw.trim();
        if raw.len() > 64 {
            return None;
        }
        let upper = raw.to_ascii_uppercase();
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

//! Channels, and the one classification of a payload into a channel that the whole tool uses.
//!
//! HighLevel's `messageType` is a free string, spelled differently by different revisions of the
//! documentation and by real deliveries (`CALL` and `Call`, `VoiceMail` and `Voicemail`,
//! `Live Chat` and `LiveChat`). Newer deliveries add `messageTypeString`, a `TYPE_*` name from the
//! REST API's enum, which is the most reliable signal. Classification reads, in order:
//!
//! 1. `messageTypeString` (a known `TYPE_*` name);
//! 2. `messageType`, case-insensitively, with spaces, `_` and `-` treated alike;
//! 3. when both are missing or empty, evidence from other fields: `emailMessageId`, `threadId` or
//!    `subject` mean Email; `callDuration` or `callStatus` mean Call; `chatWidgetId` means
//!    Live Chat.
//!
//! It also reports conflicts: the two type fields naming different channels, call fields on a
//! payload that is not a call, email fields on a payload that is not an email.

pub mod tally;

pub use crate::model::channel::{CALL_FIELDS, Channel, EMAIL_FIELDS};
use serde_json::{Map, Value};

use crate::input::view::View;
use crate::model::finding::show_value;

/// The field that decided a classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecidedBy {
    /// `messageTypeString`.
    MessageTypeString,
    /// `messageType`.
    MessageType,
    /// Another field, by evidence (e.g. `emailMessageId`).
    Evidence(&'static str),
    /// Nothing named a channel.
    Nothing,
}

impl DecidedBy {
    /// The deciding field's name, if any.
    pub fn field(self) -> Option<&'static str> {
        match self {
            DecidedBy::MessageTypeString => Some("messageTypeString"),
            DecidedBy::MessageType => Some("messageType"),
            DecidedBy::Evidence(f) => Some(f),
            DecidedBy::Nothing => None,
        }
    }
}

/// How a call ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CallOutcome {
    /// `callStatus` is `completed`: a person answered.
    Answered,
    /// `callStatus` is `voicemail`: the call reached voicemail.
    Voicemail,
    /// Any other or no `callStatus`.
    Unknown,
}

impl CallOutcome {
    /// The printed name.
    pub fn name(self) -> &'static str {
        match self {
            CallOutcome::Answered => "answered",
            CallOutcome::Voicemail => "voicemail",
            CallOutcome::Unknown => "unknown",
        }
    }
}

/// What a call payload says about the call.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CallInfo {
    /// How it ended.
    pub outcome: CallOutcome,
    /// `callDuration`, in seconds, when it is a number.
    pub duration: Option<f64>,
}

/// A disagreement between the fields of a payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// `messageType` and `messageTypeString` name different channels.
    TypeMismatch {
        /// Raw `messageType`.
        message_type: String,
        /// Raw `messageTypeString`.
        type_string: String,
    },
    /// A call field on a payload that is neither a call nor a voicemail.
    CallField {
        /// The field's name.
        field: &'static str,
    },
    /// An email field on a payload that is not an email.
    EmailField {
        /// The field's name.
        field: &'static str,
    },
}

impl Conflict {
    /// The stable rule name used by `validate`.
    pub fn rule(&self) -> &'static str {
        match self {
            Conflict::TypeMismatch { .. } => RULE_TYPE_MISMATCH,
            Conflict::CallField { .. } => RULE_CALL_FIELDS,
            Conflict::EmailField { .. } => RULE_EMAIL_FIELDS,
        }
    }

    /// What the conflict is, for a payload classified as `channel`.
    pub fn message(&self, channel: &Channel) -> String {
        let quoted = |s: &str| show_value(&Value::String(s.to_string()));
        match self {
            Conflict::TypeMismatch {
                message_type,
                type_string,
            } => {
                let named = Channel::from_message_type(message_type)
                    .map_or_else(|| "?".to_string(), |c| c.to_string());
                format!(
                    "messageTypeString {} names {channel} but messageType {} names {named}",
                    quoted(type_string),
                    quoted(message_type),
                )
            }
            Conflict::CallField { field } => {
                format!(
                    "{field} on a payload classified as {channel}: only calls and voicemails carry it"
                )
            }
            Conflict::EmailField { field } => {
                format!("{field} on a payload classified as {channel}: only emails carry it")
            }
        }
    }

    /// The field the conflict is about.
    pub fn field(&self) -> &'static str {
        match self {
            Conflict::TypeMismatch { .. } => "messageTypeString",
            Conflict::CallField { field } | Conflict::EmailField { field } => field,
        }
    }
}

/// The rule name of two type fields naming different channels.
pub const RULE_TYPE_MISMATCH: &str = "message-type-mismatch";
/// The rule name of call fields on a payload that is not a call.
pub const RULE_CALL_FIELDS: &str = "call-fields-on-non-call";
/// The rule name of email fields on a payload that is not an email.
pub const RULE_EMAIL_FIELDS: &str = "email-fields-on-non-email";

/// Evidence used when no type field names a channel, in the order it is consulted.
const EVIDENCE: &[(&str, Channel)] = &[
    ("emailMessageId", Channel::Email),
    ("threadId", Channel::Email),
    ("subject", Channel::Email),
    ("callDuration", Channel::Call),
    ("callStatus", Channel::Call),
    ("chatWidgetId", Channel::LiveChat),
];

/// The result of classifying a payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The channel.
    pub channel: Channel,
    /// The field that decided it.
    pub decided_by: DecidedBy,
    /// The raw value of the deciding type field (`messageTypeString` or `messageType`).
    pub raw: Option<String>,
    /// For calls: outcome and duration.
    pub call: Option<CallInfo>,
    /// Disagreements between fields.
    pub conflicts: Vec<Conflict>,
    /// Type fields whose value names no known channel: (field, raw value).
    pub unrecognized: Vec<(&'static str, String)>,
}

impl Classification {
    /// Whether the payload is an email (and so is checked against the email schema).
    pub fn is_email(&self) -> bool {
        self.channel == Channel::Email
    }
}

/// Classifies a parsed payload.
pub fn classify(map: &Map<String, Value>) -> Classification {
    classify_view(&View::from_map(map))
}

/// Classifies from the borrowed view. See the module documentation for the order.
pub fn classify_view(f: &View<'_>) -> Classification {
    fn nonempty(s: Option<&str>) -> Option<&str> {
        s.filter(|v| !v.trim().is_empty())
    }
    let type_string = nonempty(f.type_string.as_deref());
    let message_type = nonempty(f.message_type.as_deref());
    let by_string = type_string.map(|s| (s, Channel::from_type_string(s)));
    let by_type = message_type.map(|s| (s, Channel::from_message_type(s)));

    let mut unrecognized = Vec::new();
    if let Some((raw, None)) = by_string {
        unrecognized.push(("messageTypeString", raw.to_string()));
    }
    if let Some((raw, None)) = by_type {
        unrecognized.push(("messageType", raw.to_string()));
    }

    let (channel, decided_by, raw) = match (&by_string, &by_type) {
        (Some((raw, Some(ch))), _) => (ch.clone(), DecidedBy::MessageTypeString, Some(*raw)),
        (_, Some((raw, Some(ch)))) => (ch.clone(), DecidedBy::MessageType, Some(*raw)),
        (_, Some((raw, None))) => (
            Channel::Unknown(raw.to_string()),
            DecidedBy::MessageType,
            Some(*raw),
        ),
        (Some((raw, None)), None) => (
            Channel::Unknown(raw.to_string()),
            DecidedBy::MessageTypeString,
            Some(*raw),
        ),
        (None, None) => match EVIDENCE.iter().find(|(field, _)| f.has(field)) {
            Some((field, ch)) => (ch.clone(), DecidedBy::Evidence(field), None),
            None => (Channel::Unknown(String::new()), DecidedBy::Nothing, None),
        },
    };

    let mut conflicts = Vec::new();
    if let (Some((ts, Some(a))), Some((mt, Some(b)))) = (&by_string, &by_type) {
        // `Custom` says only that a custom provider sent it; the TYPE_* name says which medium.
        if a != b && *b != Channel::Custom {
            conflicts.push(Conflict::TypeMismatch {
                message_type: mt.to_string(),
                type_string: ts.to_string(),
            });
        }
    }
    if channel.is_known() {
        if !matches!(channel, Channel::Call | Channel::Voicemail) {
            for field in CALL_FIELDS.iter().filter(|x| f.has(x)) {
                conflicts.push(Conflict::CallField { field });
            }
        }
        if channel != Channel::Email {
            for field in EMAIL_FIELDS.iter().filter(|x| f.has(x)) {
                conflicts.push(Conflict::EmailField { field });
            }
        }
    }

    let call = (channel == Channel::Call).then(|| CallInfo {
        outcome: match f
            .call_status
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("completed") => CallOutcome::Answered,
            Some("voicemail") => CallOutcome::Voicemail,
            _ => CallOutcome::Unknown,
        },
        duration: f.call_duration,
    });

    Classification {
        channel,
        decided_by,
        raw: raw.map(str::to_string),
        call,
        conflicts,
        unrecognized,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::channel::PRESENCE_FIELDS;
    use serde_json::json;

    #[test]
    fn every_field_of_evidence_is_seen_by_the_view() {
        // The borrowed view only records the presence of PRESENCE_FIELDS.
        for (field, _) in EVIDENCE {
            assert!(PRESENCE_FIELDS.contains(field), "{field}");
        }
        for field in CALL_FIELDS.iter().chain(&EMAIL_FIELDS) {
            assert!(PRESENCE_FIELDS.contains(field), "{field}");
        }
    }

    fn class(v: Value) -> Classification {
        classify(v.as_object().unwrap())
    }

    #[test]
    fn every_documented_message_type_spelling() {
        let cases: &[(&str, Channel)] = &[
            ("SMS", Channel::Sms),
            ("sms", Channel::Sms),
            ("Email", Channel::Email),
            ("EMAIL", Channel::Email),
            ("e-mail", Channel::Email),
            ("CALL", Channel::Call),
            ("Call", Channel::Call),
            ("VoiceMail", Channel::Voicemail),
            ("Voicemail", Channel::Voicemail),
            ("voice_mail", Channel::Voicemail),
            ("FB", Channel::Fb),
            ("Facebook", Channel::Fb),
            ("IG", Channel::Ig),
            ("Instagram", Channel::Ig),
            ("GMB", Channel::Gmb),
            ("Live Chat", Channel::LiveChat),
            ("LiveChat", Channel::LiveChat),
            ("Live_Chat", Channel::LiveChat),
            ("live-chat", Channel::LiveChat),
            ("Custom", Channel::Custom),
            ("WhatsApp", Channel::WhatsApp),
            ("InternalComment", Channel::InternalComment),
            ("Internal Comment", Channel::InternalComment),
            ("TYPE_SMS", Channel::Sms),
        ];
        for (raw, want) in cases {
            assert_eq!(
                Channel::from_message_type(raw).as_ref(),
                Some(want),
                "{raw}"
            );
        }
        assert_eq!(Channel::from_message_type("Pigeon"), None);
        assert_eq!(Channel::from_message_type(""), None);
    }

    #[test]
    fn every_documented_type_string() {
        let cases: &[(&str, Channel)] = &[
            ("TYPE_CALL", Channel::Call),
            ("TYPE_SMS", Channel::Sms),
            ("TYPE_EMAIL", Channel::Email),
            ("TYPE_VOICEMAIL", Channel::Voicemail),
            ("TYPE_CAMPAIGN_VOICEMAIL", Channel::Voicemail),
            ("TYPE_FACEBOOK", Channel::Fb),
            ("TYPE_INSTAGRAM", Channel::Ig),
            ("TYPE_GMB", Channel::Gmb),
            ("TYPE_LIVE_CHAT", Channel::LiveChat),
            ("TYPE_WEBCHAT", Channel::LiveChat),
            ("TYPE_WHATSAPP", Channel::WhatsApp),
            ("TYPE_CUSTOM_PROVIDER_SMS", Channel::Sms),
            ("TYPE_CUSTOM_PROVIDER_EMAIL", Channel::Email),
            ("TYPE_RCS", Channel::Rcs),
            ("TYPE_IVR_CALL", Channel::Call),
            ("TYPE_CUSTOM_CALL", Channel::Call),
            ("TYPE_FACEBOOK_COMMENT", Channel::Fb),
            ("TYPE_INSTAGRAM_COMMENT", Channel::Ig),
            ("TYPE_TIKTOK", Channel::TikTok),
            ("type_sms", Channel::Sms),
        ];
        for (raw, want) in cases {
            assert_eq!(Channel::from_type_string(raw).as_ref(), Some(want), "{raw}");
        }
        assert_eq!(Channel::from_type_string("TYPE_ACTIVITY_CONTACT"), None);
    }

    #[test]
    fn printed_names_are_exact() {
        let names: Vec<_> = Channel::NAMED[..8].iter().map(Channel::name).collect();
        assert_eq!(
            names,
            [
                "Call",
                "Voicemail",
                "SMS",
                "GMB",
                "FB",
                "IG",
                "Email",
                "Live Chat"
            ]
        );
        for ch in Channel::NAMED {
            assert_eq!(Channel::from_user_name(ch.name()), Some(ch.clone()), "{ch}");
        }
        assert_eq!(
            Channel::from_user_name("unknown"),
            Some(Channel::Unknown(String::new()))
        );
        let slugs: std::collections::BTreeSet<_> =
            Channel::NAMED.iter().map(Channel::slug).collect();
        assert_eq!(slugs.len(), Channel::NAMED.len(), "slugs are distinct");
        for ch in Channel::NAMED {
            assert_eq!(
                Channel::from_user_name(ch.slug()),
                Some(ch.clone()),
                "{}",
                ch.slug()
            );
        }
    }

    #[test]
    fn type_string_decides_before_message_type() {
        let c = class(json!({"messageType": "SMS", "messageTypeString": "TYPE_SMS"}));
        assert_eq!(c.channel, Channel::Sms);
        assert_eq!(c.decided_by, DecidedBy::MessageTypeString);
        assert!(c.conflicts.is_empty());
    }

    #[test]
    fn mismatch_between_type_fields_is_a_conflict() {
        let c = class(json!({"messageType": "Email", "messageTypeString": "TYPE_SMS"}));
        assert_eq!(c.channel, Channel::Sms);
        assert_eq!(
            c.conflicts,
            vec![Conflict::TypeMismatch {
                message_type: "Email".into(),
                type_string: "TYPE_SMS".into()
            }]
        );
        // Custom is compatible with the medium the TYPE_* name gives.
        let c = class(
            json!({"messageType": "Custom", "messageTypeString": "TYPE_CUSTOM_PROVIDER_SMS"}),
        );
        assert!(c.conflicts.is_empty());
    }

    #[test]
    fn unknown_type_string_falls_back_to_message_type() {
        let c = class(json!({"messageType": "SMS", "messageTypeString": "TYPE_FUTURE"}));
        assert_eq!(c.channel, Channel::Sms);
        assert_eq!(c.decided_by, DecidedBy::MessageType);
        assert_eq!(
            c.unrecognized,
            vec![("messageTypeString", "TYPE_FUTURE".to_string())]
        );
    }

    #[test]
    fn unknown_message_type_keeps_the_raw_value() {
        let c = class(json!({"messageType": "Pigeon", "callDuration": 3}));
        assert_eq!(c.channel, Channel::Unknown("Pigeon".into()));
        assert_eq!(c.raw.as_deref(), Some("Pigeon"));
        assert!(
            c.conflicts.is_empty(),
            "no field conflicts on unknown channels"
        );
    }

    #[test]
    fn evidence_when_type_fields_are_missing_or_empty() {
        let cases = [
            (
                json!({"emailMessageId": "x"}),
                Channel::Email,
                "emailMessageId",
            ),
            (
                json!({"messageType": "", "threadId": "x"}),
                Channel::Email,
                "threadId",
            ),
            (json!({"subject": "hi"}), Channel::Email, "subject"),
            (json!({"callDuration": 5}), Channel::Call, "callDuration"),
            (
                json!({"callStatus": "completed"}),
                Channel::Call,
                "callStatus",
            ),
            (
                json!({"chatWidgetId": "w"}),
                Channel::LiveChat,
                "chatWidgetId",
            ),
        ];
        for (v, ch, field) in cases {
            let c = class(v);
            assert_eq!(c.channel, ch);
            assert_eq!(c.decided_by, DecidedBy::Evidence(field));
        }
        let c = class(json!({"body": "x"}));
        assert_eq!(c.channel, Channel::Unknown(String::new()));
        assert_eq!(c.decided_by, DecidedBy::Nothing);
    }

    #[test]
    fn call_fields_on_non_calls_and_email_fields_on_non_emails() {
        let c = class(json!({"messageType": "SMS", "callDuration": 120, "subject": "x"}));
        assert_eq!(
            c.conflicts,
            vec![
                Conflict::CallField {
                    field: "callDuration"
                },
                Conflict::EmailField { field: "subject" }
            ]
        );
        let c = class(json!({"messageType": "VoiceMail", "callDuration": 30}));
        assert!(c.conflicts.is_empty(), "voicemails may carry call fields");
        let c = class(json!({"messageType": "Email", "subject": "x", "cc": []}));
        assert!(c.conflicts.is_empty());
        let c = class(json!({"messageType": "SMS", "callDuration": null}));
        assert!(c.conflicts.is_empty(), "null is absent");
    }

    #[test]
    fn call_outcome_and_duration() {
        let c =
            class(json!({"messageType": "CALL", "callStatus": "completed", "callDuration": 120}));
        assert_eq!(
            c.call,
            Some(CallInfo {
                outcome: CallOutcome::Answered,
                duration: Some(120.0)
            })
        );
        let c = class(json!({"messageType": "CALL", "callStatus": "voicemail"}));
        assert_eq!(c.call.unwrap().outcome, CallOutcome::Voicemail);
        let c = class(json!({"messageType": "CALL", "callStatus": "busy"}));
        assert_eq!(c.call.unwrap().outcome, CallOutcome::Unknown);
        let c = class(json!({"messageType": "SMS"}));
        assert_eq!(c.call, None);
    }
}

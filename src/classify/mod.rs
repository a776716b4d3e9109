//! Channels, and the one classification of a payload into a channel that the whole tool uses.
//!
//! HighLevel's `messageType` is a free string, spelled differently by different revisions of the
//! documentation and by real deliveries (`CALL` and `Call`, `VoiceMail` and `Voicemail`,
//! `Live Chat` and `LiveChat`). Newer deliveries add `messageTypeString`, a `TYPE_*` name from the
//! REST API's enum, which is the most reliable signal. Classification reads, in order:
//!
//! 1. `messageTypeString` (a known `TYPE_*` name: all 42 of HighLevel's enum, plus
//!    `TYPE_VOICEMAIL` and `TYPE_INTERNAL_COMMENTS`);
//! 2. `messageType`, case-insensitively, with spaces, `_` and `-` treated alike (`Custom` names
//!    only the custom provider: the medium then comes from the other fields);
//! 3. a confirmed `messageTypeId` number, when neither name decides;
//! 4. for a `ProviderOutboundMessage`, its `type`, which is the medium;
//! 5. evidence from other fields: `emailMessageId`, `threadId` or `subject` mean Email;
//!    `callDuration` or `callStatus` mean Call; `chatWidgetId` means Live Chat.
//!
//! A channel is the medium; what varies within it (a comment, a campaign, a custom provider, a
//! review request, a reaction, an info message) is the kind carried next to it. Payloads of
//! other HighLevel events (`ContactCreate`, ...) have no channel: their event says what they are.
//!
//! It also reports conflicts: the type fields naming different channels, a `messageTypeId` that
//! contradicts them, call fields on a payload that is not a call, email fields on a payload that
//! is not an email.

pub mod tally;

pub use crate::model::channel::{CALL_FIELDS, Channel, EMAIL_FIELDS, Named, kind};
pub use crate::model::event::Event;
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
    /// `messageTypeId`, a confirmed number, when neither name field decides.
    MessageTypeId,
    /// `type`: the medium of a `ProviderOutboundMessage`.
    EventType,
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
            DecidedBy::MessageTypeId => Some("messageTypeId"),
            DecidedBy::EventType => Some("type"),
            DecidedBy::Evidence(f) => Some(f),
            DecidedBy::Nothing => None,
        }
    }
}

/// How a call ended: HighLevel's eight `callStatus` values, read into seven outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CallOutcome {
    /// `completed` or `answered`: a person answered.
    Answered,
    /// `voicemail` (or an inbound call with `status: "voicemail"`): it reached voicemail.
    Voicemail,
    /// `busy`.
    Busy,
    /// `no-answer`.
    NoAnswer,
    /// `failed`.
    Failed,
    /// `canceled`.
    Canceled,
    /// `pending`: not over yet.
    Pending,
    /// No `callStatus`, or a value HighLevel does not send.
    Unknown,
}

impl CallOutcome {
    /// Every outcome, in the order reports list them.
    pub const ALL: [CallOutcome; 8] = [
        CallOutcome::Answered,
        CallOutcome::Voicemail,
        CallOutcome::Busy,
        CallOutcome::NoAnswer,
        CallOutcome::Failed,
        CallOutcome::Canceled,
        CallOutcome::Pending,
        CallOutcome::Unknown,
    ];

    /// The printed name.
    pub fn name(self) -> &'static str {
        match self {
            CallOutcome::Answered => "answered",
            CallOutcome::Voicemail => "voicemail",
            CallOutcome::Busy => "busy",
            CallOutcome::NoAnswer => "no answer",
            CallOutcome::Failed => "failed",
            CallOutcome::Canceled => "canceled",
            CallOutcome::Pending => "pending",
            CallOutcome::Unknown => "unknown",
        }
    }

    /// The outcome a `callStatus` value gives, case-insensitively; `None` for a value HighLevel
    /// does not send.
    pub fn from_call_status(raw: &str) -> Option<CallOutcome> {
        let key: String = raw
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        Some(match key.as_str() {
            "completed" | "answered" => CallOutcome::Answered,
            "voicemail" => CallOutcome::Voicemail,
            "busy" => CallOutcome::Busy,
            "noanswer" => CallOutcome::NoAnswer,
            "failed" => CallOutcome::Failed,
            "canceled" | "cancelled" => CallOutcome::Canceled,
            "pending" => CallOutcome::Pending,
            _ => return None,
        })
    }
}

/// HighLevel's `callStatus` values, all of which are accepted.
pub const CALL_STATUSES: [&str; 8] = [
    "pending",
    "completed",
    "answered",
    "busy",
    "no-answer",
    "failed",
    "canceled",
    "voicemail",
];

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
    /// A confirmed `messageTypeId` names another channel than the name fields.
    TypeIdMismatch {
        /// The id.
        id: i64,
        /// The channel the id names.
        named: Channel,
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
            Conflict::TypeIdMismatch { .. } => RULE_TYPE_ID_MISMATCH,
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
            Conflict::TypeIdMismatch { id, named } => {
                format!(
                    "messageTypeId {id} means {named}, but the payload's type names say {channel}"
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
            Conflict::TypeIdMismatch { .. } => "messageTypeId",
            Conflict::CallField { field } | Conflict::EmailField { field } => field,
        }
    }
}

/// The rule name of two type fields naming different channels.
pub const RULE_TYPE_MISMATCH: &str = "message-type-mismatch";
/// The rule name of a `messageTypeId` that contradicts the type names.
pub const RULE_TYPE_ID_MISMATCH: &str = "message-type-id-mismatch";
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
    /// The payload's event.
    pub event: Event,
    /// The channel: the medium (`Unknown` for events that are not messages).
    pub channel: Channel,
    /// What varies within the medium (`campaign`, `comment`, `custom provider`, ...).
    pub kind: Option<&'static str>,
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
    /// Whether the payload is an email (and so is checked against an email schema).
    pub fn is_email(&self) -> bool {
        self.channel == Channel::Email
    }

    /// Whether the payload is a message (classified by channel): every payload but another
    /// HighLevel event's.
    pub fn is_message(&self) -> bool {
        !self.event.is_other()
    }
}

/// The event of a payload's view.
pub fn event_of(f: &View<'_>) -> Event {
    Event::decide(f.event_type.as_deref(), f.has_message_type, |t| {
        Named::message_type(t).is_some_and(|n| n.channel != Channel::Custom)
    })
}

/// Classifies a parsed payload.
pub fn classify(map: &Map<String, Value>) -> Classification {
    classify_view(&View::from_map(map))
}

/// Classifies from the borrowed view. See the module documentation for the order.
pub fn classify_view(f: &View<'_>) -> Classification {
    let event = event_of(f);
    if event.is_other() {
        return Classification {
            event,
            channel: Channel::Unknown(String::new()),
            kind: None,
            decided_by: DecidedBy::Nothing,
            raw: None,
            call: None,
            conflicts: Vec::new(),
            unrecognized: Vec::new(),
        };
    }
    fn nonempty(s: Option<&str>) -> Option<&str> {
        s.filter(|v| !v.trim().is_empty())
    }
    let type_string = nonempty(f.type_string.as_deref());
    let message_type = nonempty(f.message_type.as_deref());
    let by_string = type_string.map(|s| (s, Named::type_string(s)));
    let by_type = message_type.map(|s| (s, Named::message_type(s)));
    let by_id = f.type_id.and_then(|id| Named::type_id(id).map(|n| (id, n)));
    let by_event = match (&event, f.event_type.as_deref()) {
        (Event::Provider, Some(t)) => Named::message_type(t),
        _ => None,
    };

    let mut unrecognized = Vec::new();
    if let Some((raw, None)) = by_string {
        unrecognized.push(("messageTypeString", raw.to_string()));
    }
    if let Some((raw, None)) = by_type {
        unrecognized.push(("messageType", raw.to_string()));
    }

    let (named, decided_by, raw) = match (&by_string, &by_type) {
        (Some((raw, Some(n))), _) => (Some(n.clone()), DecidedBy::MessageTypeString, Some(*raw)),
        (_, Some((raw, Some(n)))) => (Some(n.clone()), DecidedBy::MessageType, Some(*raw)),
        _ => match (&by_id, &by_event) {
            (Some((_, n)), _) => (Some(n.clone()), DecidedBy::MessageTypeId, None),
            (None, Some(n)) => (Some(n.clone()), DecidedBy::EventType, None),
            // No name decides: the telling fields do, even past a misspelled name (`Emial`
            // with an `emailMessageId` is checked as the email it is).
            (None, None) => {
                let unknown = match (&by_string, &by_type) {
                    (_, Some((raw, None))) => Some((DecidedBy::MessageType, *raw)),
                    (Some((raw, None)), None) => Some((DecidedBy::MessageTypeString, *raw)),
                    _ => None,
                };
                match (EVIDENCE.iter().find(|(field, _)| f.has(field)), unknown) {
                    (Some((field, ch)), unknown) => (
                        Some(Named {
                            channel: ch.clone(),
                            kind: None,
                        }),
                        DecidedBy::Evidence(field),
                        unknown.map(|(_, raw)| raw),
                    ),
                    (None, Some((by, raw))) => (None, by, Some(raw)),
                    (None, None) => (None, DecidedBy::Nothing, None),
                }
            }
        },
    };
    // `Custom` says a custom provider carried the message; the medium comes from elsewhere:
    // `messageTypeString` above, else a confirmed `messageTypeId`.
    let custom = matches!(&by_type, Some((_, Some(n))) if n.channel == Channel::Custom);
    let (mut named, decided_by) = match (&named, &by_id) {
        (Some(n), Some((_, by_id))) if n.channel == Channel::Custom => {
            (Some(by_id.clone()), DecidedBy::MessageTypeId)
        }
        _ => (named, decided_by),
    };
    if let Some(n) = &mut named
        && custom
        && n.kind.is_none()
    {
        n.kind = Some(kind::CUSTOM_PROVIDER);
    }
    let (channel, kind) = match named {
        Some(n) => (n.channel, n.kind),
        None => (Channel::Unknown(raw.unwrap_or("").to_string()), None),
    };

    let mut conflicts = Vec::new();
    if let (Some((ts, Some(a))), Some((mt, Some(b)))) = (&by_string, &by_type)
        && !a.channel.agrees_with(&b.channel)
    {
        conflicts.push(Conflict::TypeMismatch {
            message_type: mt.to_string(),
            type_string: ts.to_string(),
        });
    }
    if let Some((id, n)) = &by_id
        && matches!(
            decided_by,
            DecidedBy::MessageTypeString | DecidedBy::MessageType
        )
        && channel.is_known()
        && !n.channel.agrees_with(&channel)
    {
        conflicts.push(Conflict::TypeIdMismatch {
            id: *id,
            named: n.channel.clone(),
        });
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
        outcome: match f.call_status.as_deref() {
            Some(s) => CallOutcome::from_call_status(s).unwrap_or(CallOutcome::Unknown),
            None if f
                .status
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("voicemail")) =>
            {
                CallOutcome::Voicemail
            }
            None => CallOutcome::Unknown,
        },
        duration: f.call_duration,
    });

    Classification {
        event,
        channel,
        kind,
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
        assert_eq!(
            Channel::from_type_string("TYPE_ACTIVITY_CONTACT"),
            Some(Channel::Activity)
        );
        assert_eq!(Channel::from_type_string("TYPE_FUTURE"), None);
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
        let c = class(json!({"messageType": "Pigeon", "body": "x"}));
        assert_eq!(c.channel, Channel::Unknown("Pigeon".into()));
        assert_eq!(c.raw.as_deref(), Some("Pigeon"));
        assert!(
            c.conflicts.is_empty(),
            "no field conflicts on unknown channels"
        );
    }

    #[test]
    fn telling_fields_decide_past_a_misspelled_type() {
        let c = class(json!({"messageType": "Emial", "emailMessageId": "m", "subject": "Hi"}));
        assert_eq!(c.channel, Channel::Email);
        assert_eq!(c.decided_by, DecidedBy::Evidence("emailMessageId"));
        assert_eq!(c.raw.as_deref(), Some("Emial"));
        assert_eq!(c.unrecognized, vec![("messageType", "Emial".to_string())]);
        let c = class(json!({"messageType": "Pigeon", "callDuration": 3}));
        assert_eq!(c.channel, Channel::Call);
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
        let c = class(json!({"messageType": "CALL", "callStatus": "exploded"}));
        assert_eq!(c.call.unwrap().outcome, CallOutcome::Unknown);
        let c = class(json!({"messageType": "SMS"}));
        assert_eq!(c.call, None);
    }

    /// HighLevel's whole `messageTypeString` enum, as DOMAIN facts list it.
    const ENUM_42: &str = "TYPE_CALL, TYPE_SMS, TYPE_RCS, TYPE_EMAIL, TYPE_SMS_REVIEW_REQUEST,
        TYPE_WEBCHAT, TYPE_SMS_NO_SHOW_REQUEST, TYPE_CAMPAIGN_SMS, TYPE_CAMPAIGN_CALL,
        TYPE_CAMPAIGN_EMAIL, TYPE_CAMPAIGN_VOICEMAIL, TYPE_FACEBOOK, TYPE_CAMPAIGN_FACEBOOK,
        TYPE_CAMPAIGN_MANUAL_CALL, TYPE_CAMPAIGN_MANUAL_SMS, TYPE_GMB, TYPE_CAMPAIGN_GMB,
        TYPE_REVIEW, TYPE_INSTAGRAM, TYPE_WHATSAPP, TYPE_CUSTOM_SMS, TYPE_CUSTOM_EMAIL,
        TYPE_CUSTOM_PROVIDER_SMS, TYPE_CUSTOM_PROVIDER_EMAIL, TYPE_IVR_CALL,
        TYPE_ACTIVITY_CONTACT, TYPE_ACTIVITY_INVOICE, TYPE_ACTIVITY_PAYMENT,
        TYPE_ACTIVITY_OPPORTUNITY, TYPE_LIVE_CHAT, TYPE_LIVE_CHAT_INFO_MESSAGE,
        TYPE_ACTIVITY_APPOINTMENT, TYPE_FACEBOOK_COMMENT, TYPE_INSTAGRAM_COMMENT, TYPE_CUSTOM_CALL,
        TYPE_INTERNAL_COMMENT, TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG, TYPE_TIKTOK,
        TYPE_TIKTOK_COMMENT, TYPE_ACTIVITY_WHATSAPP, TYPE_FORM_SUBMISSION, TYPE_SMS_REACTION";

    #[test]
    fn every_name_of_the_42_name_enum_classifies_to_a_named_channel() {
        let names: Vec<&str> = ENUM_42.split(',').map(str::trim).collect();
        assert_eq!(names.len(), 42);
        let table: Vec<&str> = crate::model::channel::TYPE_NAMES
            .iter()
            .map(|t| t.0)
            .collect();
        assert_eq!(table, names, "the table follows the enum's order");
        for name in names
            .iter()
            .copied()
            .chain(["TYPE_VOICEMAIL", "TYPE_INTERNAL_COMMENTS"])
        {
            let c = class(json!({"type": "OutboundMessage", "messageTypeString": name}));
            assert!(c.channel.is_known(), "{name}: {:?}", c.channel);
            assert_eq!(c.decided_by, DecidedBy::MessageTypeString, "{name}");
            assert!(c.unrecognized.is_empty(), "{name}");
        }
    }

    #[test]
    fn every_api_message_type_spelling_classifies_to_a_named_channel() {
        let spellings = [
            "SMS",
            "RCS",
            "Email",
            "WhatsApp",
            "IG",
            "FB",
            "Custom",
            "Live_Chat",
            "TIKTOK",
            "GMB",
            "WebChat",
            "Call",
            "IVR_Call",
            "Campaign_Call",
            "Campaign_VoiceMail",
            "ALL_IN_ONE_CHAT",
            "FORM_SUBMISSION",
            "Instagram",
            "Facebook",
            "CALL",
            "VoiceMail",
            "Live Chat",
            "InternalComment",
            "Voicemail",
            "LiveChat",
        ];
        for raw in spellings {
            let c = class(json!({"type": "OutboundMessage", "messageType": raw}));
            assert!(c.channel.is_known(), "{raw}");
        }
    }

    #[test]
    fn kinds_within_a_medium() {
        let cases = [
            ("TYPE_FACEBOOK_COMMENT", Channel::Fb, Some(kind::COMMENT)),
            ("TYPE_CAMPAIGN_SMS", Channel::Sms, Some(kind::CAMPAIGN)),
            (
                "TYPE_SMS_REVIEW_REQUEST",
                Channel::Sms,
                Some(kind::REVIEW_REQUEST),
            ),
            ("TYPE_SMS_REACTION", Channel::Sms, Some(kind::REACTION)),
            (
                "TYPE_LIVE_CHAT_INFO_MESSAGE",
                Channel::LiveChat,
                Some(kind::INFO_MESSAGE),
            ),
            ("TYPE_TIKTOK_COMMENT", Channel::TikTok, Some(kind::COMMENT)),
            (
                "TYPE_ACTIVITY_INVOICE",
                Channel::Activity,
                Some(kind::INVOICE),
            ),
            ("TYPE_FORM_SUBMISSION", Channel::FormSubmission, None),
            ("TYPE_REVIEW", Channel::Review, None),
            ("TYPE_SMS", Channel::Sms, None),
        ];
        for (name, channel, kind) in cases {
            let c = class(json!({"messageTypeString": name}));
            assert_eq!((c.channel, c.kind), (channel, kind), "{name}");
        }
    }

    #[test]
    fn custom_classifies_by_the_medium_and_says_so() {
        let c = class(
            json!({"messageType": "Custom", "messageTypeString": "TYPE_CUSTOM_PROVIDER_SMS"}),
        );
        assert_eq!(
            (c.channel, c.kind),
            (Channel::Sms, Some(kind::CUSTOM_PROVIDER))
        );
        // A custom call: the TYPE_* name says both.
        let c = class(json!({"messageType": "Custom", "messageTypeString": "TYPE_CUSTOM_CALL"}));
        assert_eq!(
            (c.channel, c.kind),
            (Channel::Call, Some(kind::CUSTOM_PROVIDER))
        );
        // Only a confirmed id: it names the medium.
        let c = class(json!({"messageType": "Custom", "messageTypeId": 22}));
        assert_eq!(
            (c.channel, c.kind),
            (Channel::Sms, Some(kind::CUSTOM_PROVIDER))
        );
        assert_eq!(c.decided_by, DecidedBy::MessageTypeId);
        // Nothing names the medium: the custom provider channel.
        let c = class(json!({"messageType": "Custom"}));
        assert_eq!(c.channel, Channel::Custom);
    }

    #[test]
    fn confirmed_type_ids_decide_only_when_the_names_do_not() {
        let c = class(json!({"messageTypeId": 1}));
        assert_eq!(
            (c.channel.clone(), c.decided_by),
            (Channel::Call, DecidedBy::MessageTypeId)
        );
        let c = class(json!({"messageTypeId": 41, "messageType": ""}));
        assert_eq!(c.channel, Channel::TikTok);
        // Unconfirmed numbers never decide.
        for id in [15, 29, 43] {
            let c = class(json!({"messageTypeId": id}));
            assert_eq!(c.channel, Channel::Unknown(String::new()), "{id}");
        }
        // The names win; a contradicting id is a conflict.
        let c = class(json!({"messageType": "SMS", "messageTypeId": 1}));
        assert_eq!(c.channel, Channel::Sms);
        assert_eq!(
            c.conflicts,
            vec![Conflict::TypeIdMismatch {
                id: 1,
                named: Channel::Call
            }]
        );
    }

    #[test]
    fn every_call_status_has_its_outcome() {
        let cases = [
            ("pending", CallOutcome::Pending),
            ("completed", CallOutcome::Answered),
            ("answered", CallOutcome::Answered),
            ("busy", CallOutcome::Busy),
            ("no-answer", CallOutcome::NoAnswer),
            ("failed", CallOutcome::Failed),
            ("canceled", CallOutcome::Canceled),
            ("voicemail", CallOutcome::Voicemail),
        ];
        assert_eq!(cases.len(), CALL_STATUSES.len());
        for (status, outcome) in cases {
            assert!(CALL_STATUSES.contains(&status));
            let c = class(json!({"messageType": "CALL", "callStatus": status}));
            assert_eq!(c.call.unwrap().outcome, outcome, "{status}");
        }
    }

    #[test]
    fn an_unanswered_inbound_call_reached_voicemail() {
        let c = class(json!({
            "type": "InboundMessage", "messageType": "CALL", "status": "voicemail",
            "messageTypeId": 10, "messageTypeString": "TYPE_VOICEMAIL"
        }));
        assert_eq!(c.event, Event::Inbound);
        assert_eq!(c.channel, Channel::Voicemail);
        assert!(c.conflicts.is_empty(), "{:?}", c.conflicts);
        let c =
            class(json!({"type": "InboundMessage", "messageType": "CALL", "status": "voicemail"}));
        assert_eq!(c.call.unwrap().outcome, CallOutcome::Voicemail);
    }

    #[test]
    fn events_other_than_messages_have_no_channel() {
        let c = class(json!({"type": "ContactCreate", "email": "a@b.c"}));
        assert_eq!(c.event, Event::Other("ContactCreate"));
        assert!(!c.is_message());
        assert!(c.conflicts.is_empty() && c.unrecognized.is_empty());
        let c = class(json!({"type": "SMS", "phone": "+1", "message": "hi", "messageId": "m"}));
        assert_eq!(c.event, Event::Provider);
        assert_eq!(
            (c.channel, c.decided_by),
            (Channel::Sms, DecidedBy::EventType)
        );
        let c = class(json!({"type": "Email", "emailTo": "a@b.c", "html": "<p>x</p>"}));
        assert_eq!((c.event, c.channel), (Event::Provider, Channel::Email));
    }
}

//! The semantic rules: each one's stable name, severity, what it checks, why, and an example
//! payload that draws it. `validate` runs them ([`crate::validate::lint`]); `hlmsg rules`, the
//! README and the man page list them from here.

use crate::model::finding::Severity;

/// One rule: its stable name, severity, what it checks, why, and an example.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The stable name printed in brackets.
    pub name: &'static str,
    /// Its severity before `--strict`.
    pub severity: Severity,
    /// What it checks.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A payload that draws it.
    pub example: &'static str,
    /// The schema the example is checked against, when not the one `auto` picks: a bundled
    /// schema's name, or `open` for a schema of the user's that declares nothing.
    pub schema: Option<&'static str>,
}

/// `unknown-event`.
pub const UNKNOWN_EVENT: Rule = Rule {
    name: "unknown-event",
    severity: Severity::Error,
    summary: r#"`type` is missing or names no HighLevel event"#,
    why: r#"Every delivery names its event in `type`. A payload without one, or with a name HighLevel never sends (often a typo in a hand-written fixture), cannot be checked as any event, so it fails, and this finding comes before the rest."#,
    example: r#"{"type":"OutboundMesage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"SMS"}"#,
    schema: None,
};

/// `schema-event-mismatch`.
pub const SCHEMA_EVENT_MISMATCH: Rule = Rule {
    name: "schema-event-mismatch",
    severity: Severity::Error,
    summary: r#"a message of one event checked against a bundled schema chosen for another (an inbound payload against an outbound schema)"#,
    why: r#"A schema forced for every payload checks each one against that event's rules; a contact's reply checked as an outbound message fails on `type` and says nothing useful. The finding points at the payload's `direction` and names the schema that fits."#,
    example: r#"{"type":"InboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"inbound","messageType":"SMS"}"#,
    schema: Some("message"),
};

/// `other-event`.
pub const OTHER_EVENT: Rule = Rule {
    name: "other-event",
    severity: Severity::Note,
    summary: r#"another HighLevel event (`ContactCreate`, `LCEmailStats`, ...): skipped, not checked against the message schemas"#,
    why: r#"A webhook URL receives every event its app subscribes to. Contact, opportunity or email-statistics events are not messages, so the message schemas do not apply: they are counted as skipped, never failed."#,
    example: r#"{"type":"ContactCreate","locationId":"l1","id":"c1","firstName":"Jordan"}"#,
    schema: None,
};

/// `direction-not-outbound`.
pub const DIRECTION_NOT_OUTBOUND: Rule = Rule {
    name: "direction-not-outbound",
    severity: Severity::Warning,
    summary: r#"`direction` is not "outbound" on an OutboundMessage"#,
    why: r#"HighLevel sends OutboundMessage for messages a user or an automation sent, so `direction` is `outbound`. The documentation's own SMS example says `inbound`: a documentation mistake that a fixture copied from it inherits, hence a warning rather than an error."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"inbound","messageType":"SMS"}"#,
    schema: None,
};

/// `direction-not-inbound`.
pub const DIRECTION_NOT_INBOUND: Rule = Rule {
    name: "direction-not-inbound",
    severity: Severity::Warning,
    summary: r#"`direction` is not "inbound" on an InboundMessage"#,
    why: r#"InboundMessage is the contact's message, so `direction` is `inbound`. The bundled inbound schemas make it an error already; this warning speaks for schemas of your own."#,
    example: r#"{"type":"InboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"SMS"}"#,
    schema: Some("open"),
};

/// `unknown-message-type`.
pub const UNKNOWN_MESSAGE_TYPE: Rule = Rule {
    name: "unknown-message-type",
    severity: Severity::Warning,
    summary: r#"`messageType` (or `messageTypeString`) names no known channel"#,
    why: r#"`messageType` is a free string, but every real delivery uses one of a known set of spellings. An unknown one is usually a typo that a handler's switch statement will fall through."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"SMSS"}"#,
    schema: None,
};

/// `message-type-mismatch`.
pub const MESSAGE_TYPE_MISMATCH: Rule = Rule {
    name: crate::classify::RULE_TYPE_MISMATCH,
    severity: Severity::Warning,
    summary: r#"`messageType` and `messageTypeString` name different channels"#,
    why: r#"Newer deliveries carry both fields, and they agree (a custom provider's `Custom` agrees with any medium, a call with a voicemail). When they do not, one of them is wrong, and handlers that read different fields disagree about the channel."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"Email","messageTypeString":"TYPE_SMS"}"#,
    schema: None,
};

/// `message-type-id-mismatch`.
pub const MESSAGE_TYPE_ID_MISMATCH: Rule = Rule {
    name: crate::classify::RULE_TYPE_ID_MISMATCH,
    severity: Severity::Warning,
    summary: r#"a confirmed `messageTypeId` names another channel than `messageType` and `messageTypeString`"#,
    why: r#"Only some `messageTypeId` numbers are confirmed (1 call, 2 SMS, 10 voicemail, ...). When a confirmed one contradicts the names, the payload was probably edited by hand."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"SMS","messageTypeId":1}"#,
    schema: None,
};

/// `call-fields-on-non-call`.
pub const CALL_FIELDS_ON_NON_CALL: Rule = Rule {
    name: crate::classify::RULE_CALL_FIELDS,
    severity: Severity::Warning,
    summary: r#"`callDuration` or `callStatus` on a payload that is not a call or voicemail"#,
    why: r#"Only calls and voicemails carry call fields. One on an SMS means the payload mixes two deliveries, or its type is wrong."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"SMS","callDuration":42}"#,
    schema: None,
};

/// `email-fields-on-non-email`.
pub const EMAIL_FIELDS_ON_NON_EMAIL: Rule = Rule {
    name: crate::classify::RULE_EMAIL_FIELDS,
    severity: Severity::Warning,
    summary: r#"`emailMessageId`, `threadId`, `subject`, `cc`, `bcc`, `ccList` or `bccList` on a payload that is not an email"#,
    why: r#"Only emails carry email headers. One on another channel means the payload mixes two deliveries, or its type is wrong."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"SMS","subject":"Hi"}"#,
    schema: None,
};

/// `unknown-call-status`.
pub const UNKNOWN_CALL_STATUS: Rule = Rule {
    name: "unknown-call-status",
    severity: Severity::Warning,
    summary: r#"`callStatus` is none of HighLevel's eight values"#,
    why: r#"HighLevel reports a call's outcome as one of pending, completed, answered, busy, no-answer, failed, canceled or voicemail. Anything else is not from HighLevel, and a handler cannot tell how the call ended."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"CALL","callStatus":"exploded"}"#,
    schema: None,
};

/// `email-without-subject`.
pub const EMAIL_WITHOUT_SUBJECT: Rule = Rule {
    name: "email-without-subject",
    severity: Severity::Warning,
    summary: r#"an email without a non-empty `subject`"#,
    why: r#"Every email HighLevel sends has a subject; an email payload without one is usually a fixture that lost it."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"Email"}"#,
    schema: None,
};

/// `duplicate-key`.
pub const DUPLICATE_KEY: Rule = Rule {
    name: "duplicate-key",
    severity: Severity::Warning,
    summary: r#"a top-level key appears more than once (the last value is the one checked)"#,
    why: r#"JSON parsers keep the last of repeated keys, silently, while a signature covers bytes that say both. hlmsg checks the last value, like every parser, and says so."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"inbound","messageType":"SMS","direction":"outbound"}"#,
    schema: None,
};

/// `unknown-field`.
pub const UNKNOWN_FIELD: Rule = Rule {
    name: "unknown-field",
    severity: Severity::Note,
    summary: r#"a top-level field that the schemas in use do not describe (schema drift)"#,
    why: r#"HighLevel adds fields over time without notice. A note, never a failure, tells you what your handler has not heard of yet."#,
    example: r#"{"type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","dateAdded":"2025-09-16T14:05:12.000Z","direction":"outbound","messageType":"SMS","brandNewField":1}"#,
    schema: None,
};

/// Every semantic rule, in the order they are documented.
pub const RULES: &[Rule] = &[
    UNKNOWN_EVENT,
    SCHEMA_EVENT_MISMATCH,
    OTHER_EVENT,
    DIRECTION_NOT_OUTBOUND,
    DIRECTION_NOT_INBOUND,
    UNKNOWN_MESSAGE_TYPE,
    MESSAGE_TYPE_MISMATCH,
    MESSAGE_TYPE_ID_MISMATCH,
    CALL_FIELDS_ON_NON_CALL,
    EMAIL_FIELDS_ON_NON_EMAIL,
    UNKNOWN_CALL_STATUS,
    EMAIL_WITHOUT_SUBJECT,
    DUPLICATE_KEY,
    UNKNOWN_FIELD,
];

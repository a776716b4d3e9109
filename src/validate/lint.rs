//! Semantic rules that a schema cannot express well. Each has a short, stable name; warnings fail
//! a payload only with `--strict`, notes never do.

use serde_json::Value;

use crate::classify::{
    CALL_STATUSES, CallOutcome, Channel, Classification, Conflict, DecidedBy, Event,
};
use crate::input::locate::escape_token;
use crate::model::finding::{Diagnostic, show_value};
use crate::validate::fields::Fields;

pub use crate::validate::rules::*;

/// Spellings listed when `messageType` names no known channel.
const KNOWN_SPELLINGS: &str = "SMS, Email, CALL, VoiceMail, FB, IG, GMB, Live Chat, WhatsApp, \
     Custom, InternalComment, RCS, TIKTOK, WebChat, IVR_Call, Campaign_Call, Campaign_VoiceMail, \
     FORM_SUBMISSION";

/// The known type name closest to a misspelled one (`SMSS`, `Emial`, `TYPE_SMSS`), when it is
/// close enough to be a typo.
fn near_miss(field: &str, raw: &str) -> Option<&'static str> {
    use crate::model::channel::TYPE_NAMES;
    use crate::model::event::edit_distance;
    let spellings: Vec<&'static str> = if field == "messageType" {
        KNOWN_SPELLINGS.split(", ").collect()
    } else {
        TYPE_NAMES.iter().map(|t| t.0).collect()
    };
    let key = raw.trim();
    if key.len() > 64 {
        return None;
    }
    let key = key.to_ascii_lowercase();
    spellings
        .into_iter()
        .filter_map(|s| {
            Some((
                edit_distance(&key, &s.to_ascii_lowercase(), 1.max(s.len() / 6))?,
                s,
            ))
        })
        .filter(|(d, _)| *d > 0)
        .min_by_key(|(d, _)| *d)
        .map(|(_, s)| s)
}

/// Runs every rule on a payload. `knows_field` says whether the schemas in use describe a
/// top-level field.
pub fn lint(
    payload: &impl Fields,
    class: &Classification,
    knows_field: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut warn = |rule: &Rule, field: &str, message: String| {
        let pointer = format!("/{}", escape_token(field));
        let position = payload.position_of(&pointer);
        out.push(Diagnostic::new(
            rule.severity,
            rule.name,
            Some(pointer),
            position,
            message,
        ));
    };

    let expected_direction = match class.event {
        Event::Outbound => Some(("outbound", &DIRECTION_NOT_OUTBOUND)),
        Event::Inbound => Some(("inbound", &DIRECTION_NOT_INBOUND)),
        _ => None,
    };
    if let Some((want, rule)) = expected_direction
        && let Some(d) = payload.text("direction")
        && d != want
    {
        warn(
            rule,
            "direction",
            format!(
                "expected \"{want}\" for an {}, found {}",
                class.event,
                show_value(&Value::String(d.to_string()))
            ),
        );
    }

    for (field, raw) in &class.unrecognized {
        let shown = show_value(&Value::String(raw.clone()));
        let mut message = match (near_miss(field, raw), *field == "messageType") {
            (Some(near), _) => format!("{shown} is not a known channel: did you mean {near}?"),
            (None, true) => {
                format!("{shown} is not a known channel (expected one of {KNOWN_SPELLINGS})")
            }
            (None, false) => format!("{shown} is not a known TYPE_* channel name"),
        };
        if let DecidedBy::Evidence(by) = class.decided_by {
            let joint = if message.ends_with('?') {
                " Classified"
            } else {
                "; classified"
            };
            message.push_str(&format!(
                "{joint} as {} by its {by}, and checked as such",
                class.channel
            ));
        }
        warn(&UNKNOWN_MESSAGE_TYPE, field, message);
    }

    for conflict in &class.conflicts {
        let rule = match conflict {
            Conflict::TypeMismatch { .. } => &MESSAGE_TYPE_MISMATCH,
            Conflict::TypeIdMismatch { .. } => &MESSAGE_TYPE_ID_MISMATCH,
            Conflict::CallField { .. } => &CALL_FIELDS_ON_NON_CALL,
            Conflict::EmailField { .. } => &EMAIL_FIELDS_ON_NON_EMAIL,
        };
        warn(rule, conflict.field(), conflict.message(&class.channel));
    }

    if let Some(status) = payload.text("callStatus")
        && CallOutcome::from_call_status(status).is_none()
    {
        warn(
            &UNKNOWN_CALL_STATUS,
            "callStatus",
            format!(
                "expected one of HighLevel's call statuses ({}), found {}",
                CALL_STATUSES.join(", "),
                show_value(&Value::String(status.to_string()))
            ),
        );
    }

    if class.channel == Channel::Email {
        let has_subject = payload
            .text("subject")
            .is_some_and(|s| !s.trim().is_empty());
        if !has_subject {
            warn(
                &EMAIL_WITHOUT_SUBJECT,
                "subject",
                "an email without a subject: expected a non-empty \"subject\"".to_string(),
            );
        }
    }

    for (key, offsets) in payload.duplicate_keys() {
        let first = payload.position_at_offset(offsets[0]);
        let last = payload.position_at_offset(*offsets.last().unwrap_or(&offsets[0]));
        let pointer = format!("/{}", escape_token(&key));
        out.push(Diagnostic::new(
            DUPLICATE_KEY.severity,
            DUPLICATE_KEY.name,
            Some(pointer),
            first,
            format!(
                "key {} appears {} times; the last value (at {}:{}) is the one checked",
                show_value(&Value::String(key.clone())),
                offsets.len(),
                last.line,
                last.column
            ),
        ));
    }

    for key in payload.names() {
        if !knows_field(key) {
            let pointer = format!("/{}", escape_token(key));
            let position = payload.position_of(&pointer);
            out.push(Diagnostic::new(
                UNKNOWN_FIELD.severity,
                UNKNOWN_FIELD.name,
                Some(pointer),
                position,
                format!(
                    "field {} is not described by the schemas in use (new in HighLevel's deliveries?)",
                    show_value(&Value::String(key.to_string()))
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::classify;
    use crate::input::testing::first_payload;

    const BASE: &str = r#""type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v","dateAdded":"2024-05-08T11:57:42.250Z""#;

    /// Rule names raised on a payload built from BASE plus `extra` members.
    fn rules(extra: &str) -> Vec<String> {
        let text = format!("{{{BASE},{extra}}}");
        first_payload(text.as_bytes(), lint_known)
    }

    /// Rule names raised on `p`, with the fields the message schema declares known.
    fn lint_known(p: &crate::input::parse::Payload<'_>) -> Vec<String> {
        let class = classify(p.fields());
        let known = [
            "type",
            "locationId",
            "contactId",
            "conversationId",
            "dateAdded",
            "direction",
            "messageType",
            "messageTypeString",
            "messageTypeId",
            "callDuration",
            "callStatus",
            "subject",
            "cc",
            "emailMessageId",
        ];
        lint(p, &class, |f| known.contains(&f))
            .into_iter()
            .map(|d| format!("{}:{}", d.severity, d.rule))
            .collect()
    }

    #[test]
    fn clean_payload_has_no_findings() {
        assert!(rules(r#""direction":"outbound","messageType":"SMS""#).is_empty());
    }

    #[test]
    fn direction_not_outbound() {
        assert_eq!(
            rules(r#""direction":"inbound","messageType":"SMS""#),
            ["warning:direction-not-outbound"]
        );
    }

    #[test]
    fn unknown_message_type() {
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"Pigeon""#),
            ["warning:unknown-message-type"]
        );
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"SMS","messageTypeString":"TYPE_NEW""#),
            ["warning:unknown-message-type"]
        );
    }

    #[test]
    fn message_type_mismatch() {
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"SMS","messageTypeString":"TYPE_CALL""#),
            ["warning:message-type-mismatch"]
        );
    }

    #[test]
    fn call_fields_on_non_call() {
        assert_eq!(
            rules(
                r#""direction":"outbound","messageType":"SMS","callDuration":3,"callStatus":"completed""#
            ),
            [
                "warning:call-fields-on-non-call",
                "warning:call-fields-on-non-call"
            ]
        );
    }

    #[test]
    fn email_fields_on_non_email() {
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"FB","cc":"a@b.c","emailMessageId":"x""#),
            [
                "warning:email-fields-on-non-email",
                "warning:email-fields-on-non-email"
            ]
        );
    }

    #[test]
    fn every_call_status_of_highlevel_is_accepted() {
        for status in CALL_STATUSES {
            let extra =
                format!(r#""direction":"outbound","messageType":"CALL","callStatus":"{status}""#);
            assert!(rules(&extra).is_empty(), "{status}");
        }
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"CALL","callStatus":"exploded""#),
            ["warning:unknown-call-status"]
        );
    }

    #[test]
    fn direction_rules_follow_the_event() {
        let inbound = |extra: &str| {
            let text = format!(
                "{{{},{extra}}}",
                BASE.replace("OutboundMessage", "InboundMessage")
            );
            first_payload(text.as_bytes(), lint_known)
        };
        assert!(inbound(r#""direction":"inbound","messageType":"SMS""#).is_empty());
        assert_eq!(
            inbound(r#""direction":"outbound","messageType":"SMS""#),
            ["warning:direction-not-inbound"]
        );
        // Neither rule fires on an event that is not a message of one direction.
        let other = r#"{"type":"ContactCreate","direction":"sideways"}"#;
        assert!(first_payload(other.as_bytes(), lint_known).is_empty());
    }

    #[test]
    fn message_type_id_contradicting_the_names() {
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"SMS","messageTypeId":1"#),
            ["warning:message-type-id-mismatch"]
        );
        // Agreeing, unconfirmed, and an unanswered call's voicemail id: no finding.
        assert!(
            rules(r#""direction":"outbound","messageType":"SMS","messageTypeId":2"#).is_empty()
        );
        assert!(
            rules(r#""direction":"outbound","messageType":"SMS","messageTypeId":15"#).is_empty()
        );
        assert!(
            rules(r#""direction":"outbound","messageType":"CALL","messageTypeId":10"#).is_empty()
        );
    }

    #[test]
    fn email_without_subject() {
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"Email""#),
            ["warning:email-without-subject"]
        );
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"Email","subject":"  ""#),
            ["warning:email-without-subject"]
        );
        assert!(rules(r#""direction":"outbound","messageType":"Email","subject":"Hi""#).is_empty());
    }

    #[test]
    fn duplicate_key() {
        assert_eq!(
            rules(r#""direction":"inbound","messageType":"SMS","direction":"outbound""#),
            ["warning:duplicate-key"]
        );
        assert!(
            rules(r#""direction":"outbound","messageType":"SMS","x":{"a":1,"b":1}"#).len() == 1
        );
    }

    #[test]
    fn unknown_field_is_a_note() {
        assert_eq!(
            rules(r#""direction":"outbound","messageType":"SMS","brandNew":1"#),
            ["note:unknown-field"]
        );
    }

    #[test]
    fn every_rule_is_listed() {
        let names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        for name in [
            "unknown-event",
            "schema-event-mismatch",
            "other-event",
            "direction-not-outbound",
            "direction-not-inbound",
            "message-type-id-mismatch",
            "unknown-message-type",
            "message-type-mismatch",
            "call-fields-on-non-call",
            "email-fields-on-non-email",
            "unknown-call-status",
            "email-without-subject",
            "duplicate-key",
            "unknown-field",
        ] {
            assert!(names.contains(&name), "{name}");
        }
    }
}

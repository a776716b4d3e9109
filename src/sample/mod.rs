//! The bundled sample payloads: every distinct example of HighLevel's documentation and a
//! realistic payload for every channel, embedded in the binary.

pub mod generate;

use crate::classify::classify_view;
use crate::input::view::View;

/// Every bundled sample: its name (the file name without `.json`) and its text.
pub const SAMPLES: &[(&str, &str)] = &[
    (
        "call-answered",
        include_str!("../../samples/call-answered.json"),
    ),
    (
        "call-legacy",
        include_str!("../../samples/call-legacy.json"),
    ),
    (
        "call-outbound",
        include_str!("../../samples/call-outbound.json"),
    ),
    (
        "call-voicemail",
        include_str!("../../samples/call-voicemail.json"),
    ),
    (
        "contact-create",
        include_str!("../../samples/contact-create.json"),
    ),
    (
        "custom-provider",
        include_str!("../../samples/custom-provider.json"),
    ),
    ("email-html", include_str!("../../samples/email-html.json")),
    (
        "email-legacy",
        include_str!("../../samples/email-legacy.json"),
    ),
    (
        "email-provider",
        include_str!("../../samples/email-provider.json"),
    ),
    ("email", include_str!("../../samples/email.json")),
    (
        "fb-messenger",
        include_str!("../../samples/fb-messenger.json"),
    ),
    ("gmb-reply", include_str!("../../samples/gmb-reply.json")),
    ("ig-direct", include_str!("../../samples/ig-direct.json")),
    (
        "inbound-call-voicemail",
        include_str!("../../samples/inbound-call-voicemail.json"),
    ),
    (
        "inbound-email",
        include_str!("../../samples/inbound-email.json"),
    ),
    (
        "inbound-sms",
        include_str!("../../samples/inbound-sms.json"),
    ),
    (
        "internal-comment",
        include_str!("../../samples/internal-comment.json"),
    ),
    ("live-chat", include_str!("../../samples/live-chat.json")),
    (
        "provider-sms",
        include_str!("../../samples/provider-sms.json"),
    ),
    (
        "sms-chat-widget",
        include_str!("../../samples/sms-chat-widget.json"),
    ),
    ("sms-legacy", include_str!("../../samples/sms-legacy.json")),
    (
        "sms-outbound",
        include_str!("../../samples/sms-outbound.json"),
    ),
    (
        "sms-reminder",
        include_str!("../../samples/sms-reminder.json"),
    ),
    ("sms", include_str!("../../samples/sms.json")),
    (
        "voicemail-drop",
        include_str!("../../samples/voicemail-drop.json"),
    ),
    (
        "voicemail-workflow",
        include_str!("../../samples/voicemail-workflow.json"),
    ),
    (
        "whatsapp-media",
        include_str!("../../samples/whatsapp-media.json"),
    ),
];

/// The text of the bundled sample `name` (with or without `.json`).
pub fn find(name: &str) -> Option<&'static str> {
    let name = name.strip_suffix(".json").unwrap_or(name);
    SAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// What a bundled sample is, as `classify` names it: its channel with the kind and the call
/// outcome, and its event when it is not an `OutboundMessage` (another event's name alone).
pub fn describe(text: &str) -> String {
    let Ok(view) = View::parse(text.as_bytes()) else {
        return "?".to_string();
    };
    let class = classify_view(&view);
    if !class.is_message() {
        return format!("{} (another event)", class.event);
    }
    let mut details: Vec<&str> = class.kind.into_iter().collect();
    if let Some(call) = class.call
        && call.outcome != crate::classify::CallOutcome::Unknown
    {
        details.push(call.outcome.name());
    }
    let mut out = class.channel.name().to_string();
    if !details.is_empty() {
        out.push_str(&format!(" ({})", details.join(", ")));
    }
    if class.event != crate::classify::Event::Outbound {
        out.push_str(&format!(", {}", class.event));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_samples_is_bundled_and_nothing_else() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        // In file name order, like the list.
        files.sort();
        let files: Vec<&str> = files.iter().map(|n| n.trim_end_matches(".json")).collect();
        let bundled: Vec<&str> = SAMPLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(files, bundled);
        for (name, text) in SAMPLES {
            let on_disk = std::fs::read_to_string(format!("{dir}/{name}.json")).unwrap();
            assert_eq!(&on_disk, text);
        }
    }

    #[test]
    fn find_takes_the_name_with_or_without_extension() {
        assert!(find("sms").is_some());
        assert_eq!(find("sms.json"), find("sms"));
        assert!(find("nope").is_none());
        assert_eq!(
            describe(find("call-voicemail").unwrap()),
            "Call (voicemail)"
        );
        assert_eq!(describe(find("email").unwrap()), "Email");
        assert_eq!(
            describe(find("custom-provider").unwrap()),
            "SMS (custom provider)"
        );
        assert_eq!(
            describe(find("inbound-sms").unwrap()),
            "SMS, InboundMessage"
        );
        assert_eq!(
            describe(find("contact-create").unwrap()),
            "ContactCreate (another event)"
        );
    }
}

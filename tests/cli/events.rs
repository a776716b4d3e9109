//! Mixed captures: every HighLevel event a webhook URL receives, `--event`, the inbound and
//! provider schemas, and the full channel vocabulary through the command line.

use serde_json::Value;

use crate::util::{Output, hlmsg};

const MIXED: &str = "tests/fixtures/events/mixed.ndjson";
const WITH_UNKNOWN: &str = "tests/fixtures/events/mixed-with-unknown.ndjson";

#[test]
fn a_mixed_capture_validates_with_other_events_skipped_and_counted() {
    let r = hlmsg(&["validate", "--strict", MIXED], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "5 passed, 0 failed, 3 skipped\n");
    // One note per skipped payload under -v.
    let r = hlmsg(&["validate", "-v", MIXED], None);
    let notes: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("note[other-event]"))
        .collect();
    assert_eq!(notes.len(), 3, "{}", r.stdout);
    assert!(
        notes[0].contains("ContactCreate is another HighLevel event"),
        "{}",
        notes[0]
    );
    // JSON: the event of every payload, the skipped flag and the count.
    let r = hlmsg(&["validate", "--format", "json", MIXED], None);
    let recs = r.records(Output::Validate);
    let events: Vec<&str> = recs[..8]
        .iter()
        .map(|x| x["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        events,
        [
            "OutboundMessage",
            "InboundMessage",
            "InboundMessage",
            "InboundMessage",
            "ProviderOutboundMessage",
            "ContactCreate",
            "LCEmailStats",
            "ConversationUnreadUpdate"
        ]
    );
    let schemas: Vec<Option<&str>> = recs[..8].iter().map(|x| x["schema"].as_str()).collect();
    assert_eq!(
        schemas,
        [
            Some("message"),
            Some("inbound"),
            Some("inbound"),
            Some("inbound-email"),
            Some("provider"),
            None,
            None,
            None
        ]
    );
    assert!(recs[5]["skipped"].as_bool().unwrap() && recs[5]["valid"].as_bool().unwrap());
    assert_eq!(recs[8]["skipped"], 3);
}

#[test]
fn an_unknown_type_fails_with_the_event_finding_first() {
    let r = hlmsg(&["validate", "--format", "json", WITH_UNKNOWN], None);
    assert_eq!(r.code, 1);
    let recs = r.records(Output::Validate);
    let bad = &recs[8];
    assert_eq!(bad["valid"], false);
    assert_eq!(bad["event"], Value::Null);
    assert_eq!(bad["diagnostics"][0]["rule"], "unknown-event");
    assert_eq!(bad["diagnostics"][0]["pointer"], "/type");
    let summary = recs.last().unwrap();
    assert_eq!(
        (&summary["passed"], &summary["failed"], &summary["skipped"]),
        (&Value::from(5), &Value::from(1), &Value::from(3))
    );
    // A payload without any type: the same finding, at the payload.
    let r = hlmsg(
        &["validate"],
        Some(br#"{"locationId":"l","messageType":"SMS"}"#),
    );
    let first = r.stdout.lines().next().unwrap();
    assert!(
        first.contains("error[unknown-event]") && first.contains("has no \"type\""),
        "{first}"
    );
}

#[test]
fn inbound_payloads_validate_against_the_inbound_schemas_and_not_the_outbound_one() {
    for sample in ["inbound-sms", "inbound-call-voicemail", "inbound-email"] {
        let file = format!("samples/{sample}.json");
        let r = hlmsg(&["validate", "--strict", &file], None);
        assert_eq!(r.code, 0, "{sample}: {}", r.stdout);
        // Forced through the outbound message schema: the direction finding comes first.
        let r = hlmsg(
            &["validate", "--schema", "message", "--format", "json", &file],
            None,
        );
        assert_eq!(r.code, 1, "{sample}");
        let recs = r.records(Output::Validate);
        let first = &recs[0]["diagnostics"][0];
        assert_eq!(first["rule"], "schema-event-mismatch", "{sample}");
        assert_eq!(first["pointer"], "/direction", "{sample}");
        assert!(
            first["message"]
                .as_str()
                .unwrap()
                .contains("direction \"inbound\"")
        );
    }
    // An inbound payload that says outbound fails on the inbound schema's direction.
    let text = std::fs::read_to_string("samples/inbound-sms.json").unwrap();
    let wrong = text.replace("\"direction\": \"inbound\"", "\"direction\": \"outbound\"");
    let r = hlmsg(&["validate"], Some(wrong.as_bytes()));
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("error[const]: /direction: expected \"inbound\""),
        "{}",
        r.stdout
    );
    // Outbound rules do not fire on inbound payloads.
    assert!(!r.stdout.contains("direction-not-outbound"), "{}", r.stdout);
}

#[test]
fn every_call_status_passes_strict() {
    let text = std::fs::read_to_string("samples/call-answered.json").unwrap();
    for status in [
        "pending",
        "completed",
        "answered",
        "busy",
        "no-answer",
        "failed",
        "canceled",
        "voicemail",
    ] {
        let payload = text.replace(
            "\"callStatus\": \"completed\"",
            &format!("\"callStatus\": \"{status}\""),
        );
        assert!(payload.contains(status));
        let r = hlmsg(&["validate", "--strict"], Some(payload.as_bytes()));
        assert_eq!(r.code, 0, "{status}: {}", r.stdout);
        let r = hlmsg(&["classify", "--format", "json"], Some(payload.as_bytes()));
        let recs = r.records(Output::Classify);
        let want = match status {
            "completed" | "answered" => "answered",
            "no-answer" => "no answer",
            other => other,
        };
        assert_eq!(recs[0]["outcome"], want, "{status}");
    }
}

#[test]
fn classify_counts_every_event_and_names_the_other_ones() {
    let r = hlmsg(&["classify", "--format", "json", MIXED], None);
    assert_eq!(r.code, 0);
    let recs = r.records(Output::Classify);
    assert_eq!(recs[4]["channel"], "SMS");
    assert_eq!(recs[4]["decided_by"], "type");
    assert_eq!(recs[5]["channel"], Value::Null);
    assert_eq!(recs[5]["event"], "ContactCreate");
    let summary = recs.last().unwrap();
    assert_eq!(summary["total"], 8);
    assert_eq!(summary["events"]["InboundMessage"], 3);
    assert_eq!(summary["events"]["LCEmailStats"], 1);
    assert_eq!(summary["channels"]["SMS"], 3);
    let r = hlmsg(&["classify", "--summary", MIXED], None);
    for name in ["ContactCreate", "LCEmailStats", "ConversationUnreadUpdate"] {
        assert!(r.stdout.contains(name), "{name}: {}", r.stdout);
    }
    let r = hlmsg(&["classify", MIXED], None);
    assert!(
        r.stdout.contains("SMS  (by messageType)  InboundMessage"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("ContactCreate  (another HighLevel event, not a message)")
    );
}

#[test]
fn event_filter_on_every_reading_subcommand() {
    let r = hlmsg(&["validate", "--event", "InboundMessage", MIXED], None);
    assert_eq!(r.stdout, "3 passed, 0 failed\n");
    let r = hlmsg(&["validate", "--event", "message", MIXED], None);
    assert_eq!(r.stdout, "4 passed, 0 failed\n");
    let r = hlmsg(
        &["validate", "--event", "contactcreate,lcemailstats", MIXED],
        None,
    );
    assert_eq!(r.stdout, "0 passed, 0 failed, 2 skipped\n");
    let r = hlmsg(&["validate", "--event", "Pigeon", MIXED], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("Pigeon"), "{}", r.stderr);
    // classify --only composes with it: the inbound SMS only.
    let r = hlmsg(
        &["classify", "--only", "sms", "--event", "inbound", MIXED],
        None,
    );
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("\"Thanks!\""));
    // --only unknown never takes other events.
    let r = hlmsg(&["classify", "--only", "unknown", MIXED], None);
    assert_eq!(r.stdout, "");
    let r = hlmsg(
        &[
            "show",
            "--format",
            "compact",
            "--event",
            "ProviderOutboundMessage",
            MIXED,
        ],
        None,
    );
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(r.stdout.contains("\"phone\""));
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "--event",
            "InboundMessage",
            "--format",
            "json",
            MIXED,
        ],
        None,
    );
    assert!(r.code <= 1, "{}", r.stderr);
}

#[test]
fn split_writes_other_events_to_files_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("by");
    let r = hlmsg(&["classify", "--split", out.to_str().unwrap(), MIXED], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (file, lines) in [
        ("sms.ndjson", 3),
        ("contact-create.ndjson", 1),
        ("lc-email-stats.ndjson", 1),
        ("conversation-unread-update.ndjson", 1),
    ] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert_eq!(text.lines().count(), lines, "{file}");
    }
}

#[test]
fn show_names_the_event_and_shows_other_events_as_json() {
    let r = hlmsg(&["show", "--color", "never", MIXED], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains(":2:1  InboundMessage ─"), "{}", r.stdout);
    let contact = r.stdout.split("ContactCreate ─").nth(1).unwrap();
    let card = contact.split("── ").next().unwrap();
    assert!(card.contains("\"firstName\": \"Jordan\""), "{card}");
    assert!(!card.contains("Channel"), "no message fields: {card}");
}

#[test]
fn mixed_captures_from_the_generator_are_valid_and_counted() {
    let generated = hlmsg(
        &["sample", "--count", "3000", "--events", "--seed", "11"],
        None,
    );
    assert_eq!(generated.code, 0);
    let r = hlmsg(
        &["validate", "--strict", "--format", "json"],
        Some(generated.stdout.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.last_line());
    let recs = r.records(Output::Validate);
    let summary = recs.last().unwrap();
    let skipped = summary["skipped"].as_u64().unwrap();
    // Other events are 12% of a mixed capture.
    assert!((250..=480).contains(&skipped), "{skipped}");
    assert_eq!(summary["passed"].as_u64().unwrap() + skipped, 3000);
}

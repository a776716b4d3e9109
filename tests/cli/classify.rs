//! `hlmsg classify`.

use serde_json::Value;

use crate::util::{Output, hlmsg, hlmsg_paths, ints, samples};

#[test]
fn every_seed_channel_appears_and_the_total_is_the_sample_count() {
    let r = hlmsg(&["classify", "--format", "json", "samples/"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = r.records(Output::Classify);
    let summary = lines.last().unwrap();
    assert_eq!(summary["kind"], "summary", "no summary");
    let [total, unreadable] = ints(summary, ["total", "unreadable"]);
    let channels = summary["channels"].as_object().unwrap();
    assert_eq!(total, samples().len() as u64);
    assert_eq!(unreadable, 0);
    for ch in [
        "Call",
        "Voicemail",
        "SMS",
        "GMB",
        "FB",
        "IG",
        "Email",
        "Live Chat",
    ] {
        assert!(
            channels
                .get(ch)
                .and_then(Value::as_u64)
                .is_some_and(|n| n > 0),
            "{ch}: {channels:?}"
        );
    }
    // Payloads of other HighLevel events have no channel: they are counted by event.
    let others: u64 = summary["events"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| !k.ends_with("Message"))
        .map(|(_, n)| n.as_u64().unwrap())
        .sum();
    assert!(others >= 1, "the ContactCreate sample");
    assert_eq!(
        channels.values().map(|n| n.as_u64().unwrap()).sum::<u64>() + others,
        total
    );
}

#[test]
fn report_snapshot() {
    let r = hlmsg(&["classify", "samples/"], None);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("classify_samples", r.stdout);
}

#[test]
fn summary_only_snapshot() {
    let r = hlmsg(&["classify", "--summary", "samples/"], None);
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains("samples/"), "no per-payload lines");
    insta::assert_snapshot!("classify_summary", r.stdout);
}

#[test]
fn json_payload_lines() {
    let r = hlmsg(
        &[
            "classify",
            "-f",
            "json",
            "samples/call-voicemail.json",
            "samples/sms.json",
        ],
        None,
    );
    let lines = r.records(Output::Classify);
    let call = &lines[0];
    assert_eq!(call["kind"], "payload");
    assert_eq!(call["channel"], "Call");
    assert_eq!(call["raw"], "TYPE_CALL");
    assert_eq!(call["decided_by"], "messageTypeString");
    assert_eq!(call["outcome"], "voicemail");
    assert_eq!(call["duration"].as_f64(), Some(23.0));
    assert_eq!(call["conflicts"], serde_json::json!([]));
    assert_eq!(ints(call, ["line", "column", "index"]), [1, 1, 0]);
    assert_eq!(lines[1]["kind"], "payload");
    assert_eq!(lines[1]["channel"], "SMS");
    assert_eq!(lines[1]["outcome"], Value::Null);
}

#[test]
fn json_unreadable_entries_and_call_outcomes() {
    let r = hlmsg(
        &[
            "classify",
            "-f",
            "json",
            "samples/call-answered.json",
            "tests/fixtures/bad/truncated.json",
            "samples/call-voicemail.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let lines = r.records(Output::Classify);
    assert_eq!(lines.len(), 4);
    let unreadable = &lines[1];
    assert_eq!(unreadable["kind"], "unreadable", "{unreadable}");
    assert_eq!(unreadable["source"], "tests/fixtures/bad/truncated.json");
    assert_eq!(ints(unreadable, ["line", "column", "index"]), [6, 43, 0]);
    let message = unreadable["message"].as_str().unwrap();
    assert!(message.starts_with("truncated payload"), "{message}");
    let summary = &lines[3];
    assert_eq!(summary["kind"], "summary", "{summary}");
    assert_eq!(ints(summary, ["total", "unreadable"]), [2, 1]);
    assert_eq!(
        ints(&summary["calls"], ["answered", "voicemail", "unknown"]),
        [1, 1, 0]
    );
    assert_eq!(lines[0]["kind"], "payload");
    assert_eq!(lines[0]["source"], "samples/call-answered.json");
}

#[test]
fn conflicts_are_marked() {
    let payload = r#"{"type":"OutboundMessage","messageType":"SMS","messageTypeString":"TYPE_EMAIL","callDuration":5}"#;
    let r = hlmsg(&["classify", "-f", "json"], Some(payload.as_bytes()));
    let lines = r.records(Output::Classify);
    assert_eq!(lines[0]["kind"], "payload");
    assert_eq!(lines[0]["channel"], "Email");
    let conflicts = lines[0]["conflicts"].as_array().unwrap();
    let rules: Vec<&str> = conflicts
        .iter()
        .map(|c| c["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["message-type-mismatch", "call-fields-on-non-call"]);
    assert_eq!(conflicts[1]["field"], "callDuration");
    assert!(
        conflicts[0]["message"]
            .as_str()
            .unwrap()
            .contains("TYPE_EMAIL")
    );
    let r = hlmsg(&["classify"], Some(payload.as_bytes()));
    assert!(
        r.stdout.contains(
            "    ! call-fields-on-non-call: callDuration on a payload classified as Email"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn only_passes_lines_through_byte_for_byte() {
    // Odd spacing, escapes and key order must survive untouched.
    let sms = r#"{ "messageType" : "sms",  "body":"caf\u00e9 \"quoted\"", "z":1.50, "a":[ 1 ] }"#;
    let call = r#"{"messageType":"CALL","callStatus":"completed"}"#;
    let pretty_sms = "{\n  \"messageType\": \"SMS\",\n  \"body\": \"two  spaces\"\n}";
    let input = format!("{sms}\r\n{call}\n{pretty_sms}\n");
    let r = hlmsg(&["classify", "--only", "sms"], Some(input.as_bytes()));
    assert_eq!(r.code, 0);
    assert_eq!(
        r.stdout,
        format!(
            "{sms}\n{}\n",
            r#"{"messageType":"SMS","body":"two  spaces"}"#
        )
    );
    let r = hlmsg(
        &["classify", "--only", "Call", "--only", "text"],
        Some(input.as_bytes()),
    );
    assert_eq!(r.stdout.lines().count(), 3);
    let r = hlmsg(&["classify", "--only", "pigeon"], Some(input.as_bytes()));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a channel"));
}

#[test]
fn split_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("by-channel");
    let mut input = String::new();
    for p in samples() {
        let v: Value = serde_json::from_slice(&std::fs::read(&p).unwrap()).unwrap();
        input.push_str(&serde_json::to_string(&v).unwrap());
        input.push('\n');
    }
    input.push_str("{\"messageType\":\"Pigeon\"}\n{\"broken\":\n{\"messageType\":\"sms\"}\n42\n");
    let r = hlmsg(
        &["classify", "--split", out.to_str().unwrap()],
        Some(input.as_bytes()),
    );
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let n = samples().len() + 2;
    assert_eq!(
        r.stdout.lines().last().unwrap(),
        format!("{} read, {n} written, 2 unreadable", n + 2)
    );
    // Every written line is a payload we sent, and together they are all of them.
    let mut written: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == ".hlmsg-split" {
            continue;
        }
        assert!(
            name.ends_with(".ndjson") && !name.starts_with('.'),
            "{name}"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        let count: u64 = r
            .stdout
            .lines()
            .find(|l| l.contains(&name))
            .and_then(|l| l.split_whitespace().last())
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(count, text.lines().count() as u64, "{name}");
        written.extend(text.lines().map(str::to_string));
    }
    let mut sent: Vec<String> = input
        .lines()
        .filter(|l| l.starts_with("{\"") && *l != "{\"broken\":")
        .map(str::to_string)
        .collect();
    sent.sort();
    written.sort();
    assert_eq!(written, sent);
    assert!(out.join("unknown.ndjson").exists());
    assert!(r.stderr.contains("error[json]"), "{}", r.stderr);
    assert!(r.stderr.contains("error[not-object]"), "{}", r.stderr);
}

#[test]
fn exit_codes() {
    assert_eq!(hlmsg(&["classify", "samples/"], None).code, 0);
    let r = hlmsg(
        &[
            "classify",
            "tests/fixtures/bad/truncated.json",
            "samples/sms.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("tests/fixtures/bad/truncated.json:6:43: error[json]"),
        "{}",
        r.stderr
    );
    let r = hlmsg_paths(&["classify"], &[std::path::Path::new("missing.json")]);
    assert_eq!(r.code, 2);
    assert_eq!(
        hlmsg(&["classify", "--only", "sms", "--split", "x"], None).code,
        2
    );
}

#[test]
fn json_snapshot() {
    let r = hlmsg(&["classify", "--format", "json", "samples/"], None);
    r.records(Output::Classify);
    insta::assert_snapshot!("classify_json", r.stdout);
}

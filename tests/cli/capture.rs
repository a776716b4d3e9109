//! Captured deliveries (raw HTTP requests, n8n-style envelopes) and `--redact`.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::util::{Output, hlmsg, hlmsg_paths, records, samples};

fn compact(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

/// The three captures of one sample: a raw HTTP request, an n8n export with the parsed body,
/// and an envelope that keeps the raw body as a string.
fn captures(dir: &Path, sample: &Path) -> Vec<PathBuf> {
    let value: Value = serde_json::from_slice(&std::fs::read(sample).unwrap()).unwrap();
    let body = compact(&value);
    let stem = sample.file_stem().unwrap().to_string_lossy().into_owned();
    let http = dir.join(format!("{stem}.http"));
    std::fs::write(
        &http,
        format!(
            "POST /webhooks/ghl HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\nX-GHL-Signature: c2lnbmF0dXJl\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    )
    .unwrap();
    let n8n = dir.join(format!("{stem}.n8n.json"));
    let export = json!([{"headers": {"host": "example.com", "x-ghl-signature": "c2lnbmF0dXJl"}, "params": {}, "query": {}, "body": value}]);
    std::fs::write(&n8n, serde_json::to_string_pretty(&export).unwrap()).unwrap();
    let raw = dir.join(format!("{stem}.raw.json"));
    let envelope = json!({"headers": {"content-type": "application/json"}, "body": body});
    std::fs::write(&raw, compact(&envelope)).unwrap();
    vec![http, n8n, raw]
}

/// The records of a run (checked against `output`'s schema), without the positions and sources
/// that differ between captures.
fn stripped(output: Output, args: &[&str], file: &Path) -> Vec<Value> {
    let r = hlmsg_paths(args, &[file]);
    let mut records = r.records(output);
    records.iter_mut().for_each(strip);
    records
}

fn strip(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for k in ["source", "line", "column"] {
                m.remove(k);
            }
            m.values_mut().for_each(strip);
        }
        Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

#[test]
fn captures_of_every_sample_validate_classify_and_show_like_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    for sample in samples() {
        let bare_validate = stripped(Output::Validate, &["validate", "-f", "json"], &sample);
        let bare_classify = stripped(Output::Classify, &["classify", "-f", "json"], &sample);
        let bare_show = hlmsg_paths(&["show", "-f", "json"], &[&sample]).stdout;
        assert_eq!(records(Output::Show, &bare_show).len(), 1);
        for capture in captures(dir.path(), &sample) {
            let name = capture.display().to_string();
            assert_eq!(
                stripped(Output::Validate, &["validate", "-f", "json"], &capture),
                bare_validate,
                "{name}"
            );
            assert_eq!(
                stripped(Output::Classify, &["classify", "-f", "json"], &capture),
                bare_classify,
                "{name}"
            );
            let r = hlmsg_paths(&["show", "-f", "json"], &[&capture]);
            r.records(Output::Show);
            assert_eq!(r.stdout, bare_show, "{name}");
            assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        }
    }
}

#[test]
fn positions_point_into_the_capture_file() {
    let dir = tempfile::tempdir().unwrap();
    let bad = r#"{"type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v","dateAdded":"2024-05-08T11:57:42.250Z","direction":"outbound","messageType":"CALL","callDuration":"120"}"#;
    let http = dir.path().join("bad.http");
    std::fs::write(
        &http,
        format!(
            "POST /hook HTTP/1.1\nContent-Length: {}\n\n{bad}",
            bad.len()
        ),
    )
    .unwrap();
    let r = hlmsg_paths(&["validate"], &[&http]);
    let col = bad.find("\"120\"").unwrap() + 1;
    assert!(
        r.stdout.starts_with(&format!(
            "{}:4:{col}: error[type]: /callDuration",
            http.display()
        )),
        "{}",
        r.stdout
    );
}

#[test]
fn show_puts_the_signature_webhook_and_timestamp_in_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let files = captures(dir.path(), &crate::util::path("samples/sms-reminder.json"));
    let r = hlmsg_paths(&["show", "--now", "2026-01-01T00:00:00Z"], &[&files[0]]);
    assert!(
        r.stdout
            .contains("│ Signature    ┆ X-GHL-Signature c2lnbmF0dXJl"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("│ Webhook      ┆ "), "{}", r.stdout);
    assert!(
        r.stdout.contains("│ Timestamp    ┆ 2025-09-16"),
        "{}",
        r.stdout
    );
}

#[test]
fn input_kind_can_be_forced() {
    let dir = tempfile::tempdir().unwrap();
    let files = captures(dir.path(), &crate::util::path("samples/sms.json"));
    // As bare payloads, the envelope itself fails the schema.
    let r = hlmsg_paths(&["validate", "--input", "payload"], &[&files[1]]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("error[unknown-event]: /type: the payload has no \"type\""),
        "{}",
        r.stdout
    );
    // A JSON file read as HTTP.
    let r = hlmsg_paths(&["validate", "--input", "http"], &[&files[1]]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("expected an HTTP request line"),
        "{}",
        r.stdout
    );
    // A bare payload read as an envelope.
    let r = hlmsg(
        &["validate", "--input", "envelope", "samples/sms.json"],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("expected an envelope"), "{}", r.stdout);
}

/// Strings of a sample that `--redact` must hide: address values, their emails and phone
/// numbers, and body text.
fn secrets(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["from", "to", "cc", "bcc", "ccList", "bccList"] {
        let values: Vec<&str> = match &v[key] {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        for s in values {
            out.push(s.to_string());
            for word in s.split(|c: char| c == '<' || c == '>' || c.is_whitespace()) {
                if word.contains('@') || word.chars().filter(char::is_ascii_digit).count() >= 7 {
                    out.push(word.to_string());
                }
            }
        }
    }
    for key in ["body", "plainText"] {
        if let Some(text) = v[key].as_str() {
            // Every run of four words of the body (words survive HTML stripping).
            let words: Vec<&str> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            if words.len() < 4 {
                out.push(words.join(" "));
            }
            for w in words.windows(4) {
                out.push(w.join(" "));
            }
        }
    }
    out.retain(|s| s.len() > 3);
    out
}

#[test]
fn redacted_show_prints_no_address_phone_or_body_text() {
    for sample in samples() {
        let v: Value = serde_json::from_slice(&std::fs::read(&sample).unwrap()).unwrap();
        let secrets = secrets(&v);
        for format in ["card", "json", "compact", "table"] {
            let r = hlmsg_paths(&["show", "--redact", "-f", format], &[&sample]);
            assert_eq!(r.code, 0);
            if matches!(format, "json" | "compact") {
                assert_eq!(r.records(Output::Show).len(), 1, "{format}");
            }
            for s in &secrets {
                // Body text collapses whitespace in some views: compare on single spaces.
                let flat = r.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    !flat.contains(s.as_str()),
                    "{} ({format}) shows {s:?}:\n{}",
                    sample.display(),
                    r.stdout
                );
            }
        }
    }
}

#[test]
fn redaction_is_deterministic_and_keeps_diffs_meaningful() {
    let a = hlmsg(
        &[
            "show",
            "--redact",
            "-f",
            "compact",
            "samples/email-html.json",
        ],
        None,
    );
    let b = hlmsg(
        &[
            "show",
            "--redact",
            "-f",
            "compact",
            "samples/email-html.json",
        ],
        None,
    );
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(
        a.records(Output::Show)[0]["messageId"],
        "Yc4vN7mB2xK9qL5wT8sR"
    );
    assert!(
        a.stdout.contains("\"messageId\":\"Yc4vN7mB2xK9qL5wT8sR\""),
        "ids stay"
    );
    // The same address masks the same way in two payloads: only what differs shows up.
    let r = hlmsg(
        &[
            "diff",
            "--redact",
            "samples/email.json",
            "samples/email-legacy.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains("example@email.com"), "{}", r.stdout);
    assert!(r.stdout.contains("<email:"), "{}", r.stdout);
    let r = hlmsg(
        &[
            "diff",
            "--redact",
            "samples/email.json",
            "samples/email.json",
        ],
        None,
    );
    assert_eq!(r.last_line(), "no differences");
}

#[test]
fn redacted_validate_and_split_hide_values() {
    let payload = r#"{"type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v","dateAdded":"2024-05-08T11:57:42.250Z","direction":"outbound","messageType":"SMS","to":15555550123,"body":"secret words here"}"#;
    let r = hlmsg(&["validate", "--redact"], Some(payload.as_bytes()));
    assert!(
        r.stdout
            .contains("/to: expected string or array, found a redacted value"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("15555550123"));
    let r = hlmsg(&["validate"], Some(payload.as_bytes()));
    assert!(
        r.stdout.contains("15555550123"),
        "without --redact the value is named"
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("split");
    let r = hlmsg(
        &["classify", "--redact", "--split", out.to_str().unwrap()],
        Some(payload.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(out.join("sms.ndjson")).unwrap();
    assert!(
        !text.contains("secret words") && text.contains("<body: 17 chars, "),
        "{text}"
    );
    let r = hlmsg(
        &["classify", "--redact", "--only", "sms"],
        Some(payload.as_bytes()),
    );
    assert!(!r.stdout.contains("secret words"));
    assert_eq!(r.stdout.lines().count(), 1);
}

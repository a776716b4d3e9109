//! `hlmsg show`.

use crate::util::{Output, hlmsg, samples};

const NOW: &str = "2026-01-01T00:00:00Z";

#[test]
fn card_snapshots() {
    for name in [
        "email.json",
        "call-answered.json",
        "email-html.json",
        "whatsapp-media.json",
    ] {
        let path = format!("samples/{name}");
        let r = hlmsg(&["show", "--now", NOW, &path], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        insta::assert_snapshot!(format!("show_card_{name}"), r.stdout);
    }
}

#[test]
fn seed_email_body_is_text_without_tags() {
    let r = hlmsg(&["show", "samples/email.json"], None);
    let body: String = r
        .stdout
        .split("\nBody\n")
        .nth(1)
        .unwrap()
        .split("\n\n")
        .next()
        .unwrap()
        .to_string();
    assert_eq!(body, "  Testing Email Notification");
    assert!(!body.contains('<'));
}

#[test]
fn table_has_one_row_per_sample() {
    let mut all = Vec::new();
    for p in samples() {
        all.extend(std::fs::read(p).unwrap());
    }
    let r = hlmsg(&["show", "--format", "table", "--now", NOW], Some(&all));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), samples().len() + 1, "{}", r.stdout);
    assert!(lines[0].starts_with("Source"));
    insta::assert_snapshot!("show_table", r.stdout);
}

#[test]
fn fields_limit_card_and_table() {
    let r = hlmsg(
        &[
            "show",
            "--fields",
            "channel,subject,conversationProviderId",
            "samples/email.json",
        ],
        None,
    );
    assert!(r.stdout.contains("Channel"));
    assert!(r.stdout.contains("Order Confirmed"));
    assert!(r.stdout.contains("cI08i1Bls3iTB9bKgF01"));
    assert!(!r.stdout.contains("Contact"));
    assert!(!r.stdout.contains("\"type\""), "no JSON with --fields");
    let r = hlmsg(
        &[
            "show",
            "-f",
            "table",
            "--fields",
            "channel,webhookId",
            "samples/sms-reminder.json",
        ],
        None,
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("Channel") && lines[0].contains("Webhook"));
    assert!(lines[1].starts_with("SMS"));
}

#[test]
fn json_and_compact_keep_key_order() {
    let input = r#"{"z":1,"messageType":"SMS","a":{"y":2,"b":[1,2]}}"#;
    let r = hlmsg(
        &["show", "-f", "compact"],
        Some(format!("{input}\n").as_bytes()),
    );
    assert_eq!(r.stdout, format!("{input}\n"));
    r.records(Output::Show);
    let pretty = "{\n  \"z\": 1,\n  \"messageType\" : \"SMS\"\n}";
    let r = hlmsg(&["show", "-f", "compact"], Some(pretty.as_bytes()));
    assert_eq!(r.stdout, "{\"z\":1,\"messageType\":\"SMS\"}\n");
    r.records(Output::Show);
    let r = hlmsg(&["show", "-f", "json"], Some(input.as_bytes()));
    let v: serde_json::Value = serde_json::from_str(input).unwrap();
    assert_eq!(r.records(Output::Show), std::slice::from_ref(&v));
    assert_eq!(
        r.stdout,
        format!("{}\n", serde_json::to_string_pretty(&v).unwrap())
    );
}

#[test]
fn json_shows_the_payload_as_it_arrived_however_large() {
    // A repeated key is shown each time, as compact shows it.
    let r = hlmsg(
        &["show", "-f", "json"],
        Some(br#"{"messageType":"SMS","x":1,"x":[2]}"#),
    );
    assert_eq!(
        r.stdout,
        "{\n  \"messageType\": \"SMS\",\n  \"x\": 1,\n  \"x\": [\n    2\n  ]\n}\n"
    );
    // Over 1 MiB, the text is written as it is made: the same text as from the parsed value.
    let big = serde_json::json!({
        "messageType": "SMS",
        "body": "é\u{202e} \\ \"quoted\" ".repeat(40_000),
        "n": [1.50, -0.0, 1e3, 12345678901234567890u64],
        "rows": (0..20_000).map(|i| serde_json::json!({"i": i, "e": [], "o": {}})).collect::<Vec<_>>(),
    });
    let text = serde_json::to_string(&big).unwrap();
    assert!(text.len() > 1 << 20);
    let expected = format!(
        "{}\n",
        serde_json::to_string_pretty(&big)
            .unwrap()
            .replace('\u{202e}', "\\u202e")
    );
    let plain = hlmsg(
        &["show", "-f", "json", "--color", "never"],
        Some(text.as_bytes()),
    );
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert_eq!(plain.stdout, expected);
    // In color, the same text once the color codes are taken out.
    let colored = hlmsg(
        &["show", "-f", "json", "--color", "always"],
        Some(text.as_bytes()),
    );
    let codes = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    assert_eq!(codes.replace_all(&colored.stdout, ""), expected);
}

#[test]
fn a_large_payload_gets_its_whole_card() {
    // Past 1 MiB, the card reads only the members it shows: the count and the JSON stay whole.
    let attachments: Vec<String> = (0..150_000)
        .map(|i| format!("https://x.example/{i}.png"))
        .collect();
    let payload = serde_json::json!({
        "type": "OutboundMessage", "messageType": "SMS", "direction": "outbound",
        "body": "hello", "attachments": attachments,
    });
    let text = serde_json::to_string(&payload).unwrap();
    assert!(text.len() > 1 << 20);
    let card = hlmsg(&["show", "--color", "never"], Some(text.as_bytes()));
    assert_eq!(card.code, 0, "{}", card.stderr);
    let json = hlmsg(
        &["show", "-f", "json", "--color", "never"],
        Some(text.as_bytes()),
    );
    assert!(card.stdout.ends_with(&format!("{}\n", json.stdout)));
    assert!(card.stdout.contains("https://x.example/0.png"));
    let fields = hlmsg(
        &["show", "--fields", "attachments", "--color", "never"],
        Some(text.as_bytes()),
    );
    // The first attachments are listed, and the rest counted.
    let listed = fields.stdout.matches("https://x.example/").count();
    let more = regex::Regex::new(r"… and ([0-9,]+) more")
        .unwrap()
        .captures(&fields.stdout)
        .map(|c| c[1].replace(',', "").parse::<usize>().unwrap())
        .unwrap_or(0);
    assert_eq!(listed + more, 150_000, "{listed} listed, {more} more");
    assert!(listed >= 1000);
}

#[test]
fn escape_sequences_in_a_body_come_out_escaped() {
    let payload = r#"{"type":"OutboundMessage","messageType":"SMS","body":"\u001b]0;pwned\u0007 and \u009b31m"}"#;
    for color in ["never", "always"] {
        for format in ["card", "json", "table", "compact"] {
            let r = hlmsg(
                &["show", "--color", color, "-f", format],
                Some(payload.as_bytes()),
            );
            assert_eq!(r.code, 0);
            if matches!(format, "json" | "compact") && color == "never" {
                assert_eq!(r.records(Output::Show).len(), 1, "{format}");
            }
            let stray: Vec<char> = r
                .stdout
                .chars()
                .filter(|c| matches!(c, '\u{7}' | '\u{9b}'))
                .collect();
            assert!(stray.is_empty(), "{format}/{color}: {:?}", r.stdout);
            if color == "never" {
                assert!(!r.stdout.contains('\u{1b}'), "{format}: {:?}", r.stdout);
            }
            assert!(
                r.stdout.contains("\\u{1b}]0;pwned\\u{7}")
                    || r.stdout.contains("\\u001b]0;pwned\\u0007"),
                "{format}/{color}: {:?}",
                r.stdout
            );
        }
    }
}

#[test]
fn long_bodies_are_cut_unless_full() {
    let body = "word ".repeat(1000);
    let payload = format!(r#"{{"messageType":"SMS","body":"{body}"}}"#);
    let r = hlmsg(&["show"], Some(payload.as_bytes()));
    assert!(
        r.stdout.contains("more characters (--full shows all)"),
        "{}",
        r.stdout
    );
    let r = hlmsg(&["show", "--full"], Some(payload.as_bytes()));
    assert!(!r.stdout.contains("more characters"));
}

#[test]
fn not_json_is_reported_and_skipped() {
    let r = hlmsg(
        &[
            "show",
            "-f",
            "compact",
            "tests/fixtures/bad/truncated.json",
            "samples/sms.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout.lines().count(), 1);
    assert_eq!(r.records(Output::Show).len(), 1);
    assert!(
        r.stderr.contains("truncated.json:6:43: error[json]"),
        "{}",
        r.stderr
    );
}

#[test]
fn pretty_is_an_alias() {
    let a = hlmsg(&["pretty", "-f", "json", "samples/sms.json"], None);
    let b = hlmsg(&["show", "-f", "json", "samples/sms.json"], None);
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(b.records(Output::Show).len(), 1);
    assert_eq!(a.code, 0);
}

#[test]
fn json_and_compact_snapshots() {
    let r = hlmsg(
        &["show", "--format", "json", "samples/call-voicemail.json"],
        None,
    );
    assert_eq!(r.records(Output::Show).len(), 1);
    insta::assert_snapshot!("show_json", r.stdout);
    let r = hlmsg(&["show", "--format", "compact", "samples/"], None);
    assert_eq!(r.stdout.lines().count(), samples().len());
    assert_eq!(r.records(Output::Show).len(), samples().len());
    insta::assert_snapshot!("show_compact", r.stdout);
}

#[test]
fn a_misspelled_field_name_is_an_error_with_a_suggestion() {
    let r = crate::util::hlmsg(
        &["show", "--fields", "date,chanel", "samples/sms.json"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean 'channel'"), "{}", r.stderr);
    assert!(r.stderr.contains("source, event, date"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    // Any other payload key is a column of its own.
    let r = crate::util::hlmsg(
        &[
            "show",
            "--format",
            "table",
            "--fields",
            "channel,altId",
            "samples/sms.json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

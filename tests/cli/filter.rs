//! `--where FIELD=VALUE`, `FIELD!=VALUE` and `FIELD~TEXT` on every reading subcommand: each
//! operator, top-level names and pointers, how values compare, and how the filter composes with
//! `--event`, `classify --only` and `--split`.

use serde_json::Value;

use crate::util::{Output, hlmsg};

/// Seven payloads, one a line: two outbound SMS (m1 with spaces between its tokens and a `meta`
/// object), two calls (m3 with `callDuration` 120, m4 with "120"), an inbound SMS, an email and
/// a `ContactCreate`.
const DAY: &str = "tests/fixtures/filter/day.ndjson";

/// The `messageId`s that `show --format compact` prints with `args`.
fn kept(args: &[&str]) -> Vec<String> {
    let mut all = vec!["show", "--format", "compact"];
    all.extend_from_slice(args);
    all.push(DAY);
    let r = hlmsg(&all, None);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    r.stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["messageId"].as_str().unwrap_or("-").to_string()
        })
        .collect()
}

/// The lines of the fixture, exactly as written (without their line breaks).
fn day_lines() -> Vec<String> {
    let text = std::fs::read_to_string(crate::util::path(DAY)).unwrap();
    text.lines().map(str::to_string).collect()
}

#[test]
fn equals_compares_strings_and_the_json_text_of_other_values() {
    assert_eq!(kept(&["--where", "messageType=SMS"]), ["m1", "m2", "m5"]);
    assert_eq!(kept(&["--where", "messageType=sms"]), Vec::<String>::new());
    // A number, and the string holding the same text.
    assert_eq!(kept(&["--where", "callDuration=120"]), ["m3", "m4"]);
    assert_eq!(
        kept(&["--where", "callDuration=120.0"]),
        Vec::<String>::new()
    );
    assert_eq!(kept(&["--where", "/meta/read=true"]), ["m3"]);
    assert_eq!(kept(&["--where", "/meta/read=false"]), ["m4"]);
    assert_eq!(kept(&["--where", "/meta/x=null"]), ["m3"]);
    // An object by its compact text, key order kept.
    assert_eq!(
        kept(&["--where", r#"meta={"campaign":"spring","tags":["a","b"]}"#]),
        ["m1"]
    );
    // A string with escapes compares decoded.
    assert_eq!(
        kept(&["--where", r#"body=Your refund is "on its way""#]),
        ["m2"]
    );
}

#[test]
fn pointers_reach_into_objects_and_arrays() {
    assert_eq!(kept(&["--where", "/meta/campaign=spring"]), ["m1"]);
    assert_eq!(kept(&["--where", "/meta/tags/1=b"]), ["m1"]);
    assert_eq!(
        kept(&["--where", "/attachments/1=https://files.example.com/b.pdf"]),
        ["m6"]
    );
    assert_eq!(kept(&["--where", "/attachments/0~.mp3"]), ["m3"]);
    // A top-level name and its pointer are the same field.
    assert_eq!(
        kept(&["--where", "/messageType=CALL"]),
        kept(&["--where", "messageType=CALL"])
    );
}

#[test]
fn differs_keeps_a_missing_field_and_equals_never_matches_one() {
    assert_eq!(
        kept(&["--where", "status!=delivered"]),
        ["m2", "m3", "m4", "-"]
    );
    assert_eq!(kept(&["--where", "subject!=x"]).len(), 7);
    assert_eq!(kept(&["--where", "subject=x"]), Vec::<String>::new());
    assert_eq!(kept(&["--where", "/meta/x!=null"]).len(), 6);
}

#[test]
fn contains_is_a_case_sensitive_substring() {
    assert_eq!(kept(&["--where", "body~refund"]), ["m2", "m5"]);
    assert_eq!(kept(&["--where", "body~Refund"]), ["m6"]);
    assert_eq!(kept(&["--where", "callDuration~12"]), ["m3", "m4"]);
    assert_eq!(kept(&["--where", "/meta/campaign~ring"]), ["m1"]);
    // With no text: the field is there.
    assert_eq!(kept(&["--where", "subject~"]), ["m6"]);
}

#[test]
fn conditions_are_anded_and_compose_with_event() {
    assert_eq!(
        kept(&["--where", "messageType=SMS", "--where", "status=delivered"]),
        ["m1", "m5"]
    );
    assert_eq!(
        kept(&["--where", "body~refund", "--event", "inbound"]),
        ["m5"]
    );
    assert_eq!(
        kept(&["--where", "body~refund", "--event", "outbound"]),
        ["m2"]
    );
    assert_eq!(
        kept(&["--where", "firstName=Jordan", "--event", "ContactCreate"]),
        ["-"]
    );
}

#[test]
fn classify_only_passes_matching_payloads_through_byte_for_byte() {
    let lines = day_lines();
    let r = hlmsg(
        &[
            "classify",
            "--only",
            "sms",
            "--where",
            "/meta/campaign=spring",
            DAY,
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The first line has spaces between its tokens: they are kept.
    assert!(lines[0].contains("\"messageType\": \"SMS\""));
    assert_eq!(r.stdout, format!("{}\n", lines[0]));
    let r = hlmsg(
        &["classify", "--only", "sms", "--where", "body~refund", DAY],
        None,
    );
    assert_eq!(r.stdout, format!("{}\n{}\n", lines[1], lines[4]));
    let r = hlmsg(
        &[
            "classify",
            "--only",
            "sms",
            "--where",
            "body~refund",
            "--event",
            "outbound",
            DAY,
        ],
        None,
    );
    assert_eq!(r.stdout, format!("{}\n", lines[1]));
    // A channel the condition leaves nothing of.
    let r = hlmsg(
        &[
            "classify",
            "--only",
            "email",
            "--where",
            "status=failed",
            DAY,
        ],
        None,
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
}

#[test]
fn split_writes_only_the_payloads_that_match() {
    let lines = day_lines();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("by");
    let r = hlmsg(
        &[
            "classify",
            "--split",
            out.to_str().unwrap(),
            "--where",
            "messageType!=SMS",
            DAY,
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let read = |name: &str| std::fs::read_to_string(out.join(name)).ok();
    assert_eq!(
        read("call.ndjson").unwrap(),
        format!("{}\n{}\n", lines[2], lines[3])
    );
    assert_eq!(read("email.ndjson").unwrap(), format!("{}\n", lines[5]));
    assert_eq!(
        read("contact-create.ndjson").unwrap(),
        format!("{}\n", lines[6])
    );
    assert_eq!(read("sms.ndjson"), None);
    assert!(r.stdout.contains("4 read, 4 written"), "{}", r.stdout);
}

#[test]
fn validate_counts_only_the_payloads_kept() {
    let r = hlmsg(&["validate", DAY], None);
    assert_eq!(r.last_line(), "5 passed, 1 failed, 1 skipped, 3 notes");
    let r = hlmsg(&["validate", "--where", "callDuration=120", DAY], None);
    assert_eq!(r.code, 1);
    assert_eq!(r.last_line(), "1 passed, 1 failed, 2 notes");
    let r = hlmsg(&["validate", "--where", "messageType=SMS", DAY], None);
    assert_eq!((r.code, r.last_line()), (0, "3 passed, 0 failed, 1 note"));
    let r = hlmsg(&["validate", "--where", "firstName~Jor", DAY], None);
    assert_eq!(r.last_line(), "0 passed, 0 failed, 1 skipped");
    let r = hlmsg(
        &[
            "validate",
            "--format",
            "json",
            "--where",
            "messageType=CALL",
            "--where",
            "callStatus=voicemail",
            DAY,
        ],
        None,
    );
    let recs = r.records(Output::Validate);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["line"], 4);
    assert_eq!(
        (&recs[1]["passed"], &recs[1]["failed"]),
        (&Value::from(0), &Value::from(1))
    );
}

#[test]
fn entries_that_are_not_payloads_are_still_reported() {
    let input = b"{\"messageType\":\"SMS\",\"type\":\"OutboundMessage\"}\n{\"messageType\":\n[1]\n";
    let r = hlmsg(&["classify", "--where", "messageType=Email"], Some(input));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("<stdin>:2:"), "{}", r.stderr);
    assert!(r.stderr.contains("<stdin>:3:"), "{}", r.stderr);
    assert!(
        r.stdout.contains("2 entries were not JSON payloads"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("SMS"), "{}", r.stdout);
    // Over the depth limit: reported whatever it holds. Within a raised limit: filtered.
    let deep = |levels: usize| {
        format!(
            "{{\"messageType\":\"SMS\",\"n\":{}{}}}\n",
            "[".repeat(levels),
            "]".repeat(levels)
        )
    };
    let input = format!("{}{}", deep(2000), deep(200));
    let r = hlmsg(
        &[
            "classify",
            "--max-depth",
            "500",
            "--where",
            "messageType=Email",
        ],
        Some(input.as_bytes()),
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("<stdin>:1:1: error[too-deep]"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("<stdin>:2:1"), "{}", r.stderr);
    let r = hlmsg(
        &[
            "classify",
            "--max-depth",
            "500",
            "--where",
            "messageType=SMS",
        ],
        Some(input.as_bytes()),
    );
    assert!(r.stdout.contains("<stdin>:2:1  SMS"), "{}", r.stdout);
}

#[test]
fn diff_and_verify_take_it_too() {
    // Two captures: only the calls are paired and compared.
    let dir = tempfile::tempdir().unwrap();
    let right = dir.path().join("right.ndjson");
    let text = std::fs::read_to_string(crate::util::path(DAY)).unwrap();
    std::fs::write(
        &right,
        text.replace("\"callStatus\":\"completed\"", "\"callStatus\":\"busy\"")
            .replace("See you Saturday", "See you Sunday"),
    )
    .unwrap();
    let r = hlmsg(
        &[
            "diff",
            "--where",
            "messageType=CALL",
            DAY,
            right.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("/callStatus"), "{}", r.stdout);
    assert!(!r.stdout.contains("/body"), "{}", r.stdout);
    assert_eq!(
        r.last_line(),
        "1 same, 1 changed, 0 only in LEFT, 0 only in RIGHT"
    );
    // diff --schema counts the payloads kept.
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "--format",
            "json",
            "--where",
            "messageId=m4",
            DAY,
        ],
        None,
    );
    let recs = r.records(Output::DiffSchema);
    let summary = recs.last().unwrap();
    assert_eq!(summary["payloads"], 1);
    assert_eq!(summary["type_drift"], 1);
    // verify: only the payload kept is checked.
    let r = hlmsg(&["verify", "--where", "messageId=m3", DAY], None);
    assert_eq!(r.last_line(), "0 verified, 1 failed");
}

#[test]
fn a_condition_that_does_not_read_is_a_usage_error() {
    for (arg, says) in [
        ("messageType", "no operator"),
        ("=SMS", "no field before \"=\""),
        ("!=SMS", "no field before \"!=\""),
        (
            "meta/campaign=spring",
            "a pointer starts with /: /meta/campaign",
        ),
        ("messageType = SMS", "without spaces"),
    ] {
        for command in ["validate", "classify", "show", "verify"] {
            let r = hlmsg(&[command, "--where", arg, DAY], None);
            assert_eq!(r.code, 2, "{command} {arg}");
            assert!(r.stderr.contains(says), "{command} {arg}: {}", r.stderr);
            assert!(r.stderr.contains("--where <FIELD=VALUE>"), "{}", r.stderr);
            assert!(r.stdout.is_empty());
        }
    }
    let r = hlmsg(&["diff", "--schema", "--where", "x", DAY], None);
    assert_eq!(r.code, 2);
}

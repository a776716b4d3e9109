//! `hlmsg diff` (issue 4).

use std::path::Path;
use std::process::Command;

use serde_json::{Value, json};

use crate::util::{Output, hlmsg, hlmsg_paths, ints, kinds, path, samples};

#[path = "../support/apply_patch.rs"]
mod apply_patch;

const LEFT: &str = "tests/fixtures/diff/left.json";
const RIGHT: &str = "tests/fixtures/diff/right.json";

fn read_json(p: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// Writes `text` to a file in `dir` and returns its path.
fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

// ---- two payloads ----

#[test]
fn identical_payloads_have_no_differences_and_exit_0() {
    let r = hlmsg(&["diff", "samples/sms.json", "samples/sms.json"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "no differences\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn differences_are_listed_by_pointer_and_exit_1() {
    let r = hlmsg(&["diff", LEFT, RIGHT], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let expected = [
        "- /messageId: \"tyW42xCD0HQpb3hhfLcx\"",
        "~ /status: \"delivered\" → \"failed\"",
        "~ /callDuration: 120 (number) → \"120\" (string)",
        "- /attachments/1: \"https://example.com/b.mp3\"",
        "- /attachments/2: \"https://example.com/c.mp3\"",
        "~ /meta/t~0x/2/k: true → false",
        "+ /meta/t~0x/3: 4",
        "+ /meta/t~0x/4: 5",
        "~ /meta/big: 9007199254740993 → 9007199254740992",
        "+ /subject: \"Order Confirmed\"",
        "10 differences",
    ];
    assert_eq!(r.stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn every_pair_of_different_samples_exits_1_with_pointers() {
    let all = samples();
    for pair in all.windows(2) {
        let r = hlmsg_paths(&["diff"], &[&pair[0], &pair[1]]);
        assert_eq!(r.code, 1, "{pair:?}: {}", r.stderr);
        let lines: Vec<&str> = r.stdout.lines().collect();
        let (last, lines) = lines.split_last().unwrap();
        // A long string that changed has its changes on indented lines under its own.
        let diffs: Vec<&&str> = lines.iter().filter(|l| !l.starts_with("    ")).collect();
        assert_eq!(*last, format!("{} differences", diffs.len()), "{pair:?}");
        for l in diffs {
            assert!(
                l.starts_with("~ /") || l.starts_with("+ /") || l.starts_with("- /"),
                "{l}"
            );
        }
    }
}

#[test]
fn one_difference_is_singular() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.json", r#"{"a":1}"#);
    let b = write(dir.path(), "b.json", r#"{"a":2}"#);
    let r = hlmsg(&["diff", &a, &b], None);
    assert_eq!(r.stdout, "~ /a: 1 → 2\n1 difference\n");
}

#[test]
fn key_order_whitespace_and_number_spelling_do_not_matter() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.json",
        "{\n  \"callDuration\": 120,\n  \"to\": [\"x\"],\n  \"n\": 18446744073709551615\n}",
    );
    let r = hlmsg(
        &["diff", &a, "-"],
        Some(br#"{"n":18446744073709551615,"to":["x"],"callDuration":120.0}"#),
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, "no differences\n"));
    let r = hlmsg(
        &["diff", &a, "-"],
        Some(br#"{"n":18446744073709551614,"to":["x"],"callDuration":120}"#),
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .starts_with("~ /n: 18446744073709551615 → 18446744073709551614\n")
    );
}

#[test]
fn ignore_pointers_and_keys() {
    let r = hlmsg(
        &[
            "diff",
            LEFT,
            RIGHT,
            "--ignore",
            "/attachments",
            "--ignore",
            "k",
            "--ignore",
            "/meta/t~0x/4",
            "--ignore-ids",
        ],
        None,
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "~ /status: \"delivered\" → \"failed\"",
            "~ /callDuration: 120 (number) → \"120\" (string)",
            "+ /meta/t~0x/3: 4",
            "~ /meta/big: 9007199254740993 → 9007199254740992",
            "+ /subject: \"Order Confirmed\"",
            "5 differences",
        ]
    );
}

#[test]
fn ignore_ids_lets_a_capture_match_a_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = read_json(&path("samples/sms-outbound.json"));
    for (k, x) in [
        ("messageId", "other"),
        ("dateAdded", "2030-01-01T00:00:00.000Z"),
        ("contactId", "c"),
        ("conversationId", "v"),
        ("locationId", "l"),
    ] {
        v[k] = Value::from(x);
    }
    let capture = write(dir.path(), "capture.json", &v.to_string());
    let r = hlmsg(&["diff", "samples/sms-outbound.json", &capture], None);
    assert_eq!(r.code, 1);
    let r = hlmsg(
        &[
            "diff",
            "samples/sms-outbound.json",
            &capture,
            "--ignore-ids",
        ],
        None,
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, "no differences\n"));
}

#[test]
fn json_format_lines_parse_and_count() {
    let r = hlmsg(&["diff", LEFT, RIGHT, "--format", "json"], None);
    assert_eq!(r.code, 1);
    let lines = r.records(Output::Diff);
    let diffs: Vec<&Value> = lines.iter().filter(|l| l["kind"] == "difference").collect();
    assert_eq!(diffs.len(), 10);
    let d = diffs[2];
    assert_eq!(
        (&d["op"], &d["pointer"]),
        (&json!("changed"), &json!("/callDuration"))
    );
    assert_eq!(d.get("left"), Some(&Value::from(120)));
    assert_eq!(d.get("right"), Some(&Value::from("120")));
    assert!(d.get("left_origin").is_none() && d.get("message_id").is_none());
    let d = diffs[0];
    assert_eq!(d["op"], "removed");
    assert!(d.get("left").is_some() && d.get("right").is_none());
    let summary = lines.last().unwrap();
    assert_eq!(summary["kind"], "summary", "{summary}");
    assert_eq!(ints(summary, ["differences"]), [10]);
    assert!(summary.get("same").is_none(), "{summary}");
    // Two single payloads: no pair fields at all.
    assert!(!r.stdout.contains("message_id") && !r.stdout.contains("origin"));
    // Big integers keep every digit.
    assert!(r.stdout.contains("\"left\":9007199254740993"));
}

#[test]
fn json_patch_turns_left_into_right_for_every_pair_of_samples() {
    let mut files = samples();
    files.push(path(LEFT));
    files.push(path(RIGHT));
    for l in &files {
        let left = read_json(l);
        for r in &files {
            let run = hlmsg_paths(&["diff", "--format", "json-patch"], &[l, r]);
            let patch: Value = serde_json::from_str(&run.stdout)
                .unwrap_or_else(|e| panic!("{l:?} {r:?}: {e}: {}", run.stdout));
            let empty = patch.as_array().unwrap().is_empty();
            assert_eq!(run.code, if empty { 0 } else { 1 }, "{l:?} {r:?}");
            let got = apply_patch::apply(&left, &patch)
                .unwrap_or_else(|e| panic!("{l:?} {r:?}: {e}\n{patch}"));
            let right = read_json(r);
            assert!(
                hlmsg::diff::values_equal(&got, &right),
                "{l:?} {r:?}: {got} != {right}"
            );
        }
    }
}

/// Runs tests/jsonpatch_check.py when Python's `jsonpatch` is importable; otherwise the test
/// above has already checked every pair with this crate's own applier.
#[test]
fn json_patch_applies_with_python_jsonpatch() {
    let available = Command::new("python3")
        .args(["-c", "import jsonpatch"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        eprintln!("python3 with jsonpatch not found: checked with the built-in applier only");
        return;
    }
    let out = Command::new("python3")
        .current_dir(path(""))
        .args([
            "tests/jsonpatch_check.py",
            env!("CARGO_BIN_EXE_hlmsg"),
            "samples",
            "tests/fixtures/diff",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(" 0 failures"), "{stdout}");
}

#[test]
fn json_patch_of_equal_payloads_is_empty() {
    let r = hlmsg(
        &[
            "diff",
            "-f",
            "json-patch",
            "samples/sms.json",
            "samples/sms.json",
        ],
        None,
    );
    assert_eq!((r.code, r.stdout.as_str()), (0, "[]\n"));
}

#[test]
fn color_only_when_asked_and_payload_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.json", r#"{"body":"ok","gone":1}"#);
    let b = write(
        dir.path(),
        "b.json",
        "{\"body\":\"\\u001b]0;pwned\\u0007\u{202e}\",\"new\":2}",
    );
    let plain = hlmsg(&["diff", &a, &b], None);
    assert!(!plain.stdout.contains('\u{1b}'), "{:?}", plain.stdout);
    assert!(!plain.stdout.contains('\u{202e}'), "{:?}", plain.stdout);
    let colored = hlmsg(&["--color", "always", "diff", &a, &b], None);
    assert!(
        colored.stdout.contains("\u{1b}[33m~ /body"),
        "{:?}",
        colored.stdout
    );
    assert!(
        colored.stdout.contains("\u{1b}[31m- /gone"),
        "{:?}",
        colored.stdout
    );
    assert!(
        colored.stdout.contains("\u{1b}[32m+ /new"),
        "{:?}",
        colored.stdout
    );
    assert!(!colored.stdout.contains('\u{202e}'));
    let json = hlmsg(&["--color", "always", "diff", "-f", "json", &a, &b], None);
    json.records(Output::Diff);
    assert!(!json.stdout.contains('\u{1b}') && !json.stdout.contains('\u{202e}'));
}

// ---- captures ----

fn captures(dir: &Path) -> (String, String) {
    let left = write(
        dir,
        "left.ndjson",
        concat!(
            "{\"messageId\":\"a\",\"status\":\"delivered\"}\n",
            "{\"messageId\":\"b\",\"status\":\"sent\"}\n",
            "{\"messageId\":\"c\",\"n\":1}\n",
            "{\"body\":\"no id\"}\n",
        ),
    );
    let right = write(
        dir,
        "right.json",
        concat!(
            "[\n",
            "  {\"messageId\":\"b\",\"status\":\"failed\"},\n",
            "  {\"status\":\"delivered\",\"messageId\":\"a\"},\n",
            "  {\"messageId\":\"d\"},\n",
            "  {\"body\":\"no id!\"}\n",
            "]\n",
        ),
    );
    (left, right)
}

#[test]
fn captures_pair_by_message_id_and_report_each_side() {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = captures(dir.path());
    let run = hlmsg(&["diff", &l, &r], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let text = run
        .stdout
        .replace(&format!("{}/", dir.path().display()), "");
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.pop(),
        Some("1 same, 2 changed, 1 only in LEFT, 1 only in RIGHT")
    );
    lines.sort();
    assert_eq!(
        lines,
        [
            "  ~ /body: \"no id\" → \"no id!\"",
            "  ~ /status: \"sent\" → \"failed\"",
            "+ only in RIGHT: messageId \"d\" at right.json:4:3",
            "- only in LEFT: messageId \"c\" at left.ndjson:3:1",
            "messageId \"b\": left.ndjson:2:1 → right.json:2:3",
            "payload #1: left.ndjson:4:1 → right.json:5:3",
        ]
    );
}

#[test]
fn captures_in_json_carry_origins() {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = captures(dir.path());
    let run = hlmsg(&["diff", "--format", "json", &l, &r], None);
    assert_eq!(run.code, 1);
    let lines = run.records(Output::Diff);
    let mut seen = 0;
    for line in &lines {
        let origin = |key: &str| -> (&str, [u64; 3]) {
            let o = &line[key];
            (
                o["source"].as_str().unwrap(),
                ints(o, ["line", "column", "index"]),
            )
        };
        match line["kind"].as_str().unwrap() {
            "difference" if line["message_id"].is_string() => {
                seen += 1;
                assert_eq!(
                    (&line["message_id"], &line["pointer"]),
                    (&json!("b"), &json!("/status"))
                );
                let (ls, lo) = origin("left_origin");
                let (rs, ro) = origin("right_origin");
                assert_eq!(lo, [2, 1, 1]);
                assert_eq!(ro, [2, 3, 0]);
                assert!(ls.ends_with("left.ndjson") && rs.ends_with("right.json"));
            }
            "difference" => {
                assert!(line["message_id"].is_null(), "{line}");
                assert_eq!(line["position"], 1, "{line}");
                assert!(
                    line["left_origin"].is_object() && line["right_origin"].is_object(),
                    "{line}"
                );
                seen += 1;
            }
            "only_in_left" => {
                seen += 1;
                assert_eq!(
                    (
                        &line["message_id"],
                        &line["position"],
                        &line["origin"]["line"]
                    ),
                    (&json!("c"), &Value::Null, &json!(3))
                );
            }
            "only_in_right" => {
                seen += 1;
                assert_eq!(
                    (
                        &line["message_id"],
                        &line["position"],
                        &line["origin"]["index"]
                    ),
                    (&json!("d"), &Value::Null, &json!(2))
                );
            }
            "summary" => {
                seen += 1;
                assert_eq!(
                    ints(
                        line,
                        [
                            "differences",
                            "same",
                            "changed",
                            "only_in_left",
                            "only_in_right"
                        ]
                    ),
                    [2, 1, 2, 1, 1]
                );
            }
            _ => panic!("unexpected {line}"),
        }
    }
    assert_eq!(seen, lines.len());
    assert_eq!(lines.len(), 5);
}

#[test]
fn captures_by_position() {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = captures(dir.path());
    let run = hlmsg(&["diff", "--by-position", &l, &r], None);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.last_line(),
        "0 same, 4 changed, 0 only in LEFT, 0 only in RIGHT"
    );
    assert!(run.stdout.contains("payload #2: "), "{}", run.stdout);
}

#[test]
fn equal_captures_in_any_order_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let (l, _) = captures(dir.path());
    let text = std::fs::read_to_string(&l).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines.reverse();
    let reversed = lines.join("\n");
    let run = hlmsg(&["diff", &l, "-"], Some(reversed.as_bytes()));
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "4 same, 0 changed, 0 only in LEFT, 0 only in RIGHT\n"
    );
}

#[test]
fn a_capture_against_one_payload_is_a_capture() {
    let dir = tempfile::tempdir().unwrap();
    let (l, _) = captures(dir.path());
    let one = write(
        dir.path(),
        "one.json",
        r#"{"status":"delivered","messageId":"a"}"#,
    );
    let run = hlmsg(&["diff", &one, &l], None);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.last_line(),
        "1 same, 0 changed, 0 only in LEFT, 3 only in RIGHT"
    );
}

#[test]
fn no_common_message_id_suggests_by_position() {
    let dir = tempfile::tempdir().unwrap();
    let l = write(
        dir.path(),
        "l.ndjson",
        "{\"messageId\":\"a\"}\n{\"messageId\":\"b\"}\n",
    );
    let r = write(
        dir.path(),
        "r.ndjson",
        "{\"messageId\":\"c\"}\n{\"messageId\":\"d\"}\n",
    );
    let run = hlmsg(&["diff", &l, &r], None);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("--by-position"), "{}", run.stderr);
}

#[test]
fn folders_are_captures() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy");
    std::fs::create_dir(&copy).unwrap();
    for s in samples() {
        std::fs::copy(&s, copy.join(s.file_name().unwrap())).unwrap();
    }
    let run = hlmsg(&["diff", "samples", copy.to_str().unwrap()], None);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let n = samples().len();
    assert_eq!(
        run.stdout,
        format!("{n} same, 0 changed, 0 only in LEFT, 0 only in RIGHT\n")
    );
}

// ---- trouble: exit 2 ----

#[test]
fn unreadable_path_exits_2() {
    let r = hlmsg(&["diff", "samples/sms.json", "no/such.json"], None);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("no/such.json: no such file or directory"),
        "{}",
        r.stderr
    );
}

#[test]
fn input_that_is_not_json_exits_2() {
    let r = hlmsg(
        &[
            "diff",
            "tests/fixtures/bad/truncated.json",
            "samples/sms.json",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("truncated.json:"), "{}", r.stderr);
    assert!(!r.stdout.contains("differences"), "{}", r.stdout);
    let r = hlmsg(&["diff", "samples/sms.json", "-"], Some(b"not json"));
    assert_eq!(r.code, 2);
    let r = hlmsg(
        &["diff", "-f", "json", "samples/sms.json", "-"],
        Some(b"{\"a\":"),
    );
    assert_eq!(r.code, 2);
    let lines = r.records(Output::Diff);
    assert_eq!(kinds(&lines), ["error"], "{}", r.stdout);
    let error = &lines[0];
    assert_eq!(error["source"], "<stdin>");
    assert_eq!(ints(error, ["line", "column"]), [1, 6]);
    let message = error["message"].as_str().unwrap();
    assert!(message.starts_with("truncated payload"), "{message}");
}

#[test]
fn a_broken_line_in_a_capture_exits_2_after_comparing_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (l, _) = captures(dir.path());
    let broken = write(
        dir.path(),
        "broken.ndjson",
        "{\"messageId\":\"a\",\"status\":\"delivered\"}\n{\"messageId\":\n",
    );
    let r = hlmsg(&["diff", &l, &broken], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("broken.ndjson:2:"), "{}", r.stderr);
    assert_eq!(
        r.last_line(),
        "1 same, 0 changed, 3 only in LEFT, 0 only in RIGHT"
    );
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["diff", "samples/sms.json"][..],
        &["diff", "-", "-"],
        &[
            "diff",
            "samples/sms.json",
            "samples/sms.json",
            "--ignore",
            "/a~2",
        ],
        &[
            "diff",
            "samples/sms.json",
            "samples/sms.json",
            "--ignore",
            "",
        ],
        &[
            "diff",
            "samples/sms.json",
            "samples/sms.json",
            "--format",
            "xml",
        ],
    ] {
        let r = hlmsg(args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(!r.stderr.is_empty());
    }
}

#[test]
fn json_patch_refuses_captures() {
    let dir = tempfile::tempdir().unwrap();
    let (l, r) = captures(dir.path());
    let run = hlmsg(&["diff", "-f", "json-patch", &l, &r], None);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("--format json"), "{}", run.stderr);
    let one = write(dir.path(), "one.json", r#"{"messageId":"a"}"#);
    let run = hlmsg(&["diff", "-f", "json-patch", &one, &l], None);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(run.stdout, "");
}

#[test]
fn help_shows_examples_and_exit_codes() {
    let r = hlmsg(&["diff", "--help"], None);
    assert_eq!(r.code, 0);
    for text in [
        "POINTER_OR_KEY",
        "--ignore-ids",
        "--by-position",
        "json-patch",
        "Examples:",
        "Exit codes (like diff(1)):",
        "0  no differences",
    ] {
        assert!(r.stdout.contains(text), "missing {text:?}:\n{}", r.stdout);
    }
}

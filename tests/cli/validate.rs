//! `hlmsg validate`.

use std::io::Write;

use serde_json::Value;

use crate::util::{Output, hlmsg, hlmsg_paths, ints, path, samples};

fn compact(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

/// The message samples (every sample but those of other HighLevel events, which are skipped).
fn sample_values() -> Vec<Value> {
    samples()
        .iter()
        .map(|p| serde_json::from_slice::<Value>(&std::fs::read(p).unwrap()).unwrap())
        .filter(|v| v["type"].as_str().is_some_and(|t| t != "ContactCreate"))
        .collect()
}

#[test]
fn samples_folder_passes_with_the_inbound_warnings_only() {
    let n = samples().len();
    let r = hlmsg(&["validate", "samples/"], None);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // The OutboundMessage samples that say inbound (HighLevel's own examples) draw a warning;
    // the samples of other events are skipped.
    let inbound = sample_values()
        .iter()
        .filter(|v| v["type"] == "OutboundMessage" && v["direction"] == "inbound")
        .count();
    assert!(inbound >= 1);
    let skipped = 1;
    assert_eq!(
        r.last_line(),
        format!(
            "{} passed, 0 failed, {skipped} skipped, {inbound} warnings",
            n - skipped
        )
    );
    let findings: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains(": warning["))
        .collect();
    assert_eq!(findings.len(), inbound);
    assert!(
        findings
            .iter()
            .all(|l| l.contains("warning[direction-not-outbound]: /direction:"))
    );
    assert!(!r.stdout.contains("error["));
}

/// Guards the samples: each must pass as a file and on standard input.
#[test]
fn every_sample_validates_as_a_file_and_on_stdin() {
    for sample in samples() {
        let r = hlmsg_paths(&["validate"], &[&sample]);
        assert_eq!(r.code, 0, "{}: {}", sample.display(), r.stdout);
        assert!(
            !r.stdout.contains("error["),
            "{}: {}",
            sample.display(),
            r.stdout
        );
        assert!(
            r.last_line().starts_with("1 passed, 0 failed")
                || r.last_line() == "0 passed, 0 failed, 1 skipped",
            "{}",
            r.stdout
        );
        let bytes = std::fs::read(&sample).unwrap();
        let r = hlmsg(&["validate"], Some(&bytes));
        assert_eq!(r.code, 0, "stdin {}: {}", sample.display(), r.stdout);
        assert!(
            r.last_line().starts_with("1 passed, 0 failed")
                || r.last_line() == "0 passed, 0 failed, 1 skipped",
            "{}",
            r.stdout
        );
        let r = hlmsg(&["validate", "-"], Some(&bytes));
        assert_eq!(r.code, 0);
    }
}

#[test]
fn ndjson_on_stdin_with_positions() {
    let values = sample_values();
    let ndjson: String = values.iter().map(|v| compact(v) + "\n").collect();
    let r = hlmsg(&["validate", "--format", "json"], Some(ndjson.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stdout);
    let lines = r.records(Output::Validate);
    assert_eq!(lines.len(), values.len() + 1);
    for (i, l) in lines[..values.len()].iter().enumerate() {
        assert_eq!(l["kind"], "payload", "{l}");
        assert_eq!(l["source"], "<stdin>");
        assert_eq!(
            ints(l, ["line", "column", "index"]),
            [i as u64 + 1, 1, i as u64]
        );
        assert_eq!(l["valid"], true);
    }
    let summary = lines.last().unwrap();
    assert_eq!(summary["kind"], "summary");
    assert_eq!(
        ints(summary, ["passed", "failed"]),
        [values.len() as u64, 0]
    );
}

#[test]
fn array_concatenated_and_directory_inputs() {
    let values = sample_values();
    let n = values.len();
    let dir = tempfile::tempdir().unwrap();
    let array = dir.path().join("array.json");
    std::fs::write(&array, serde_json::to_string_pretty(&values).unwrap()).unwrap();
    let concat = dir.path().join("concat.json");
    let text: String = values
        .iter()
        .map(|v| serde_json::to_string_pretty(v).unwrap())
        .collect();
    std::fs::write(&concat, text).unwrap();
    let glued = dir.path().join("glued.jsonl");
    let text: String = values.iter().map(compact).collect();
    std::fs::write(&glued, text).unwrap();
    std::fs::write(dir.path().join("ignored.txt"), "not read").unwrap();

    for (file, label) in [
        (&array, "array"),
        (&concat, "concatenated"),
        (&glued, "glued"),
    ] {
        let r = hlmsg_paths(&["validate"], &[file]);
        assert_eq!(r.code, 0, "{label}: {}", r.stdout);
        assert!(
            r.last_line().starts_with(&format!("{n} passed, 0 failed")),
            "{label}: {}",
            r.last_line()
        );
    }
    let r = hlmsg_paths(&["validate"], &[dir.path()]);
    assert_eq!(r.code, 0);
    assert!(
        r.last_line()
            .starts_with(&format!("{} passed, 0 failed", 3 * n))
    );

    // Pretty-printed array elements start on their own lines, indented by two.
    let r = hlmsg_paths(&["validate", "-f", "json"], &[&array]);
    let lines = r.records(Output::Validate);
    assert_eq!(lines[1]["kind"], "payload");
    let expected_line = 2 + serde_json::to_string_pretty(&values[0])
        .unwrap()
        .lines()
        .count() as u64;
    assert_eq!(ints(&lines[1], ["line", "column"]), [expected_line, 3]);
}

/// A fixture under tests/fixtures/bad, the expected exit code, and the expected lines
/// (`line:column: severity[rule]: rest`, after the file name).
struct Bad {
    file: &'static str,
    args: &'static [&'static str],
    code: i32,
    findings: Vec<String>,
    summary: &'static str,
}

fn column_of(file: &str, needle: &[u8]) -> usize {
    let bytes = std::fs::read(path(&format!("tests/fixtures/bad/{file}"))).unwrap();
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {file}"));
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    at - line_start + 1
}

fn bad_cases() -> Vec<Bad> {
    let s = |x: &str| x.to_string();
    vec![
        Bad {
            file: "call-duration-string.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "10:19: error[type]: /callDuration: expected number, found string \"120\"",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "missing-contact-id.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "1:1: error[required]: /contactId: missing required property \"contactId\"",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "inbound-event-type.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "7:16: error[const]: /direction: expected \"inbound\", found string \"outbound\"",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "bad-date.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "6:16: error[format]: /dateAdded: expected an RFC 3339 date-time such as \"2024-05-08T11:57:42.250Z\", found string \"yesterday at noon\"",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "negative-duration.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "10:19: error[minimum]: /callDuration: expected a number >= 0, found integer -5",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "attachment-not-string.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "14:5: error[type]: /attachments/1: expected string, found integer 42",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "empty-message-type.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "8:18: error[minLength]: /messageType: expected a non-empty string, found string \"\"",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "email-to-number.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "11:9: error[type]: /to: expected string or array, found integer 5551234",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "truncated.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "6:43: error[json]: truncated payload: the input ends where a value was expected",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "trailing-garbage.json",
            args: &[],
            code: 1,
            findings: vec![format!(
                "1:{}: error[json]: text after the end of the payload: found \"trailing words\"; expected nothing more on its line, or the next payload",
                column_of("trailing-garbage.json", b"trailing")
            )],
            // Glued on the payload's line, the words are that payload's trailing garbage.
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "trailing-comma.json",
            args: &[],
            code: 1,
            findings: vec![format!(
                "1:{}: error[json]: trailing comma: expected another member or element, found '}}'",
                column_of("trailing-comma.json", b",}") + 1
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "not-an-object.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "1:1: error[not-object]: expected a JSON object (an OutboundMessage payload), found string \"just a string\"",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "array-of-numbers.json",
            args: &[],
            code: 1,
            findings: vec![
                s(
                    "1:2: error[not-object]: expected a JSON object (an OutboundMessage payload), found integer 1",
                ),
                s(
                    "1:5: error[not-object]: expected a JSON object (an OutboundMessage payload), found integer 2",
                ),
            ],
            summary: "0 passed, 2 failed",
        },
        Bad {
            file: "invalid-utf8.json",
            args: &[],
            code: 1,
            findings: vec![format!(
                "1:{}: error[json]: invalid UTF-8: byte 0xFF cannot appear here (payloads must be UTF-8)",
                column_of("invalid-utf8.json", &[0xFF])
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "stray-character.json",
            args: &[],
            code: 1,
            findings: vec![s("9:13: error[json]: expected a JSON value, found '@'")],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "bad-line.ndjson",
            args: &[],
            code: 1,
            findings: vec![s(
                "2:41: error[json]: line break inside a string: the string is not closed on its line (truncated payload?); reading resumes at line 3",
            )],
            summary: "2 passed, 1 failed",
        },
        Bad {
            file: "empty.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "1:1: error[no-payload]: empty input: expected a JSON object (an OutboundMessage payload)",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "utf16.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "1:1: error[json]: the input is encoded as UTF-16LE (byte-order mark FF FE); hlmsg reads UTF-8 JSON (convert it first, e.g. `iconv -f UTF-16 -t UTF-8`)",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "control-character.json",
            args: &[],
            code: 1,
            findings: vec![format!(
                "1:{}: error[json]: raw control character U+0007 inside a string (it must be escaped as \\u0007)",
                column_of("control-character.json", &[7])
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "unquoted-key.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "1:2: error[json]: expected a key in double quotes, found 't'",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "array-trailing-comma.json",
            args: &[],
            code: 1,
            findings: vec![format!(
                "2:{}: error[json]: trailing comma before ']': expected another payload after the ','",
                column_of("array-trailing-comma.json", b",\n")
            )],
            summary: "1 passed, 1 failed",
        },
        Bad {
            file: "array-missing-comma.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "3:3: error[json]: expected ',' or ']' after the previous payload in the array",
            )],
            summary: "2 passed, 1 failed",
        },
        Bad {
            file: "nul-bytes.json",
            args: &[],
            code: 1,
            findings: vec![s(
                "1:1: error[json]: the input is binary (it holds NUL bytes), not JSON text",
            )],
            summary: "0 passed, 1 failed",
        },
        Bad {
            file: "direction-inbound-strict.json",
            args: &["--strict"],
            code: 1,
            findings: vec![s(
                "7:16: error[direction-not-outbound]: /direction: expected \"outbound\" for an OutboundMessage, found \"inbound\"",
            )],
            summary: "0 passed, 1 failed",
        },
    ]
}

#[test]
fn bad_inputs_report_position_and_wording() {
    let cases = bad_cases();
    assert!(cases.len() >= 15);
    for case in cases {
        let rel = format!("tests/fixtures/bad/{}", case.file);
        let mut args = vec!["validate", rel.as_str()];
        args.extend_from_slice(case.args);
        let r = hlmsg(&args, None);
        assert_eq!(r.code, case.code, "{}: {}{}", case.file, r.stdout, r.stderr);
        let lines: Vec<&str> = r.stdout.lines().collect();
        let (summary, findings) = lines.split_last().unwrap();
        let expected: Vec<String> = case.findings.iter().map(|f| format!("{rel}:{f}")).collect();
        assert_eq!(findings, expected.as_slice(), "{}", case.file);
        assert_eq!(*summary, case.summary, "{}", case.file);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    }
}

#[test]
fn bad_payloads_do_not_stop_the_other_files() {
    let r = hlmsg(
        &[
            "validate",
            "tests/fixtures/bad/truncated.json",
            "samples/call-answered.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.last_line(), "1 passed, 1 failed");
}

#[test]
fn json_format_parses_with_serde() {
    let r = hlmsg(
        &[
            "validate",
            "--format",
            "json",
            "tests/fixtures/bad/call-duration-string.json",
            "samples/sms.json",
            "tests/fixtures/bad/truncated.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let lines = r.records(Output::Validate);
    assert_eq!(
        crate::util::kinds(&lines),
        ["payload", "payload", "payload", "summary"]
    );
    let first = &lines[0];
    assert_eq!(
        first["source"],
        "tests/fixtures/bad/call-duration-string.json"
    );
    assert_eq!(ints(first, ["line", "column", "index"]), [1, 1, 0]);
    assert_eq!(first["valid"], false);
    assert_eq!(first["schema"], "message");
    let diagnostics = first["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(
        (&d["severity"], &d["rule"], &d["pointer"]),
        (
            &Value::from("error"),
            &Value::from("type"),
            &Value::from("/callDuration")
        )
    );
    assert_eq!(ints(d, ["line", "column"]), [10, 19]);
    assert!(d["message"].as_str().unwrap().contains("\"120\""));

    assert_eq!(lines[1]["valid"], true);
    assert_eq!(lines[1]["diagnostics"][0]["severity"], "warning");

    assert_eq!(lines[2]["valid"], false);
    assert_eq!(lines[2]["schema"], Value::Null);
    assert_eq!(lines[2]["diagnostics"][0]["rule"], "json");
    assert_eq!(lines[2]["diagnostics"][0]["pointer"], Value::Null);

    assert_eq!(ints(&lines[3], ["passed", "failed", "warnings"]), [1, 2, 1]);
}

#[test]
fn json_format_reports_unreadable_paths() {
    let r = hlmsg(&["validate", "-f", "json", "no/such/file.json"], None);
    assert_eq!(r.code, 2);
    let lines = r.records(Output::Validate);
    assert_eq!(
        lines[0],
        serde_json::json!({
            "kind": "error",
            "source": "no/such/file.json",
            "message": "no such file or directory"
        })
    );
}

#[test]
fn junit_output_is_well_formed_xml() {
    let r = hlmsg(
        &[
            "validate",
            "--format",
            "junit",
            "samples/",
            "tests/fixtures/bad/",
            "missing.json",
        ],
        None,
    );
    assert_eq!(r.code, 2);
    let doc = roxmltree::Document::parse(&r.stdout).unwrap_or_else(|e| panic!("{e}\n{}", r.stdout));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let cases: Vec<_> = root
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let failures = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .count();
    let errors = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("error")))
        .count();
    assert_eq!(errors, 1);
    // Every sample passes; the bad fixtures are where the failures are.
    let n_samples = samples().len();
    let passing = cases.len() - failures - errors;
    assert!(passing >= n_samples, "{passing} < {n_samples}");
    assert!(failures >= 20, "{failures}");
    for suite in root.children().filter(|n| n.has_tag_name("testsuite")) {
        let tests: usize = suite.attribute("tests").unwrap().parse().unwrap();
        let n = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .count();
        assert_eq!(tests, n);
    }
}

#[test]
fn github_format_annotations() {
    let r = hlmsg(
        &[
            "validate",
            "--format",
            "github",
            "tests/fixtures/bad/call-duration-string.json",
            "samples/sms.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "::error file=tests/fixtures/bad/call-duration-string.json,line=10,col=19,title=hlmsg type::/callDuration: expected number, found string \"120\"",
            "::warning file=samples/sms.json,line=10,col=16,title=hlmsg direction-not-outbound::/direction: expected \"outbound\" for an OutboundMessage, found \"inbound\"",
            "1 passed, 1 failed, 1 warning",
        ]
    );
}

#[test]
fn exit_codes() {
    // 0: everything passed.
    assert_eq!(hlmsg(&["validate", "samples/email.json"], None).code, 0);
    // 1: a payload failed.
    assert_eq!(
        hlmsg(&["validate", "tests/fixtures/bad/bad-date.json"], None).code,
        1
    );
    // 2: an unreadable path; the rest is still validated.
    let r = hlmsg(&["validate", "nope.json", "samples/email.json"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("hlmsg: error: nope.json: no such file or directory"),
        "{}",
        r.stderr
    );
    assert_eq!(r.last_line(), "1 passed, 0 failed");
    // 2 wins over 1.
    let r = hlmsg(
        &["validate", "nope.json", "tests/fixtures/bad/bad-date.json"],
        None,
    );
    assert_eq!(r.code, 2);
    // 2: bad arguments.
    assert_eq!(hlmsg(&["validate", "--format", "yaml"], None).code, 2);
    assert_eq!(hlmsg(&["validate", "--no-such-flag"], None).code, 2);
    // 2: --published with a schema file.
    assert_eq!(
        hlmsg(
            &[
                "validate",
                "--published",
                "--schema",
                "schemas/message.schema.json",
                "samples/"
            ],
            None
        )
        .code,
        2
    );
}

#[test]
fn schema_file_that_does_not_compile_is_exit_2() {
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(br#"{"type": 12}"#).unwrap();
    let p = f.path().to_string_lossy().into_owned();
    let r = hlmsg(&["validate", "--schema", &p, "samples/sms.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("does not compile"), "{}", r.stderr);
    assert_eq!(r.stdout, "");
}

#[test]
fn forced_and_custom_schemas() {
    // Forcing the message schema on an email: an array `cc` breaks nothing there, but the
    // payload is reported under the message schema.
    let r = hlmsg(
        &[
            "validate",
            "-f",
            "json",
            "--schema",
            "message",
            "samples/email.json",
        ],
        None,
    );
    let lines = r.records(Output::Validate);
    assert_eq!(lines[0]["kind"], "payload");
    assert_eq!(lines[0]["schema"], "message");

    // A user schema that requires a field the sample lacks.
    let mut f = tempfile::NamedTempFile::new().unwrap();
    f.write_all(br#"{"type":"object","required":["webhookId"],"properties":{"webhookId":{"type":"string"}}}"#)
        .unwrap();
    let p = f.path().to_string_lossy().into_owned();
    let r = hlmsg(
        &[
            "validate",
            "--schema",
            &p,
            "samples/voicemail-workflow.json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("error[required]: /webhookId: missing required property \"webhookId\""),
        "{}",
        r.stdout
    );

    // The published email schema declares `to` as a string; the seed's own example sends an array.
    let r = hlmsg(&["validate", "--published", "samples/email.json"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("error[type]: /to: expected string, found array"),
        "{}",
        r.stdout
    );
    let r = hlmsg(&["validate", "samples/email.json"], None);
    assert_eq!(r.code, 0);
}

#[test]
fn unknown_fields_are_notes_that_never_fail() {
    let payload = std::fs::read_to_string(path("samples/sms-outbound.json"))
        .unwrap()
        .replacen('{', "{\"brandNewField\": 1,", 1);
    let r = hlmsg(&["validate", "--strict"], Some(payload.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("<stdin>:1:19: note[unknown-field]: /brandNewField:"),
        "{}",
        r.stdout
    );
    assert_eq!(r.last_line(), "1 passed, 0 failed, 1 note");
}

#[test]
fn verbose_prints_ok_lines() {
    let r = hlmsg(&["validate", "-v", "samples/email.json"], None);
    assert_eq!(
        r.stdout,
        "samples/email.json:1:1: ok (email schema)\n1 passed, 0 failed\n"
    );
    let r = hlmsg(&["validate", "samples/email.json"], None);
    assert_eq!(r.stdout, "1 passed, 0 failed\n");
}

#[test]
fn color_follows_the_flag() {
    let r = hlmsg(&["validate", "--color", "always", "samples/sms.json"], None);
    assert!(r.stdout.contains("\u{1b}["), "{:?}", r.stdout);
    let r = hlmsg(&["validate", "--color", "never", "samples/sms.json"], None);
    assert!(!r.stdout.contains('\u{1b}'));
    // Not a terminal: no color by default.
    let r = hlmsg(&["validate", "samples/sms.json"], None);
    assert!(!r.stdout.contains('\u{1b}'));
}

#[test]
fn control_characters_in_file_names_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("evil\u{1b}[31m.json");
    std::fs::write(&f, "{").unwrap();
    let r = hlmsg_paths(&["validate"], &[&f]);
    assert_eq!(r.code, 1);
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
    assert!(
        r.stdout.contains("evil\\u{1b}[31m.json:1:2: error[json]"),
        "{:?}",
        r.stdout
    );
}

#[test]
fn help_documents_exit_codes_and_examples() {
    let r = hlmsg(&["validate", "--help"], None);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Exit codes:"));
    assert!(r.stdout.contains("Examples:"));
    let r = hlmsg(&["--help"], None);
    assert!(r.stdout.contains("Exit codes:"));
}

#[test]
fn terminal_stdin_without_paths_prints_a_hint_and_exits_2() {
    use clap::Parser;
    use hlmsg::app::{ErrStream, Io};
    let cli = hlmsg::app::cli::Cli::parse_from(["hlmsg", "validate"]);
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut io = Io {
        out: &mut out,
        out_color: false,
        out_width: None,
        err: ErrStream {
            w: &mut err,
            color: false,
        },
        stdin_is_terminal: true,
        stdin: None,
        jobs: 1,
        progress: false,
        bar_width: None,
    };
    let outcome = hlmsg::app::run(&cli, &mut io).unwrap();
    assert_eq!(outcome.code(), 2);
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("no input"), "{err}");
    assert!(err.contains("hlmsg sample sms | hlmsg validate"), "{err}");
    assert!(!err.contains("samples/"), "works outside a clone: {err}");
    assert!(out.is_empty());
}

//! `hlmsg diff --schema`: where each field drifts (the first `source:line:column`, up to five
//! with `-v`) and `--drift-only`, in every format.

use serde_json::Value;

use crate::util::{Output, hlmsg, records};

const CALLS: &str = "tests/fixtures/drift/calls.ndjson";

/// The field records of a `--format json` run (checked against the output schema), by pointer,
/// and the summary.
fn fields(args: &[&str]) -> (Vec<(String, Value)>, Value) {
    let mut all = vec!["diff", "--schema", "--format", "json"];
    all.extend_from_slice(args);
    let r = hlmsg(&all, None);
    assert!(r.code <= 1, "{}", r.stderr);
    let mut recs = records(Output::DiffSchema, &r.stdout);
    let summary = recs.pop().unwrap();
    assert_eq!(summary["kind"], "summary");
    let rows = recs
        .into_iter()
        .map(|f| (f["pointer"].as_str().unwrap().to_string(), f))
        .collect();
    (rows, summary)
}

/// Seven payloads in which `callDuration` is a string from the third on, one a line.
fn strings_from_the_third(dir: &std::path::Path) -> String {
    let text = std::fs::read_to_string(crate::util::path("samples/call-answered.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut out = String::new();
    for i in 0..7 {
        let mut p = value.clone();
        if i >= 2 {
            p["callDuration"] = Value::from(format!("{i}"));
        }
        out.push_str(&serde_json::to_string(&p).unwrap());
        out.push('\n');
    }
    let path = dir.join("calls.ndjson");
    std::fs::write(&path, out).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn every_drifting_field_names_where_it_first_drifts() {
    let r = hlmsg(&["diff", "--schema", CALLS], None);
    assert_eq!(r.code, 1);
    let under: Vec<&str> = r
        .stdout
        .lines()
        .skip_while(|l| *l != "Where each field first drifts:")
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        under,
        [
            "Where each field first drifts:",
            "  /contactId              missing     tests/fixtures/drift/calls.ndjson:4:1",
            "  /callDuration           type drift  tests/fixtures/drift/calls.ndjson:3:500",
            "  /brandNewField          extra       tests/fixtures/drift/calls.ndjson:2:750",
            "  /brandNewField/rollout  extra       tests/fixtures/drift/calls.ndjson:2:761",
        ]
    );
    // The position is the value's: the line and column of `"callDuration":"…"`'s value.
    let line = std::fs::read_to_string(crate::util::path(CALLS)).unwrap();
    let third = line.lines().nth(2).unwrap();
    let at = third.find("\"callDuration\":").unwrap() + "\"callDuration\":".len();
    assert_eq!(at + 1, 500);
    // JSON: `first` on each row that is not ok, and only there.
    let (rows, _) = fields(&[CALLS]);
    for (pointer, f) in &rows {
        let drifts = !matches!(f["status"].as_str(), Some("ok" | "never_seen"));
        assert_eq!(f.get("first").is_some(), drifts, "{pointer}");
        assert!(f.get("examples").is_none());
    }
    let first = &rows.iter().find(|(p, _)| p == "/callDuration").unwrap().1["first"];
    assert_eq!(
        first,
        &serde_json::json!({"source": CALLS, "line": 3, "column": 500, "index": 2})
    );
}

#[test]
fn verbose_names_up_to_five_payloads() {
    let dir = tempfile::tempdir().unwrap();
    let path = strings_from_the_third(dir.path());
    let r = hlmsg(&["diff", "--schema", &path, "-v"], None);
    let under: Vec<&str> = r
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("Where each field drifts (up to 5 places):"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(under.len(), 5, "{}", r.stdout);
    assert!(
        under[0].starts_with("  /callDuration  type drift  "),
        "{}",
        under[0]
    );
    // Each at the value of `callDuration` on its line (ASCII: columns are bytes).
    let text = std::fs::read_to_string(&path).unwrap();
    for (i, line) in under.iter().enumerate() {
        let payload = text.lines().nth(i + 2).unwrap();
        let column = payload.find("\"callDuration\":").unwrap() + "\"callDuration\":".len() + 1;
        assert!(
            line.ends_with(&format!("calls.ndjson:{}:{column}", i + 3)),
            "{line}"
        );
    }
    let (rows, _) = fields(&[&path, "--verbose"]);
    let cd = &rows.iter().find(|(p, _)| p == "/callDuration").unwrap().1;
    let lines: Vec<u64> = cd["examples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3, 4, 5, 6, 7]);
    assert_eq!(cd["first"], cd["examples"][0]);
    // Markdown lists them too.
    let r = hlmsg(&["diff", "--schema", &path, "-v", "-f", "markdown"], None);
    let item = r
        .stdout
        .lines()
        .find(|l| l.starts_with("- `/callDuration` (type drift): "))
        .unwrap();
    assert_eq!(item.matches("calls.ndjson:").count(), 5, "{item}");
}

#[test]
fn drift_only_lists_the_fields_that_are_not_ok_with_the_same_summary() {
    let (all, summary) = fields(&[CALLS]);
    let (some, summary_only) = fields(&[CALLS, "--drift-only"]);
    assert_eq!(summary, summary_only);
    let not_ok: Vec<&String> = all
        .iter()
        .filter(|(_, f)| f["status"] != "ok")
        .map(|(p, _)| p)
        .collect();
    let listed: Vec<&String> = some.iter().map(|(p, _)| p).collect();
    assert_eq!(listed, not_ok);
    assert_eq!(listed.len(), 12);
    // Human and Markdown: the same rows, the same last line.
    let full = hlmsg(&["diff", "--schema", CALLS], None);
    let r = hlmsg(&["diff", "--schema", CALLS, "--drift-only"], None);
    assert_eq!(r.code, 1);
    assert_eq!(r.last_line(), full.last_line());
    assert!(!r.stdout.contains("│ /type "), "{}", r.stdout);
    assert!(r.stdout.contains("│ /body "), "{}", r.stdout);
    let rows = r.stdout.lines().filter(|l| l.starts_with("│ /")).count();
    assert_eq!(rows, 12);
    let r = hlmsg(
        &["diff", "--schema", CALLS, "--drift-only", "-f", "markdown"],
        None,
    );
    assert_eq!(
        r.stdout.lines().filter(|l| l.starts_with("| `/")).count(),
        12
    );
    // Payloads that fit: nothing to list, the summary still counts every field.
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "email",
            "samples/email.json",
            "--drift-only",
        ],
        None,
    );
    assert!(r.stdout.contains('│'), "{}", r.stdout);
    assert!(!r.stdout.contains("│ /type "), "{}", r.stdout);
}

#[test]
fn the_places_fit_the_width() {
    for width in ["40", "60", "100"] {
        let r = hlmsg(&["diff", "--schema", CALLS, "--width", width], None);
        let limit: usize = width.parse().unwrap();
        for line in r.stdout.lines() {
            assert!(unicode_width(line) <= limit, "{width}: {line:?} is wider");
        }
        assert!(r.stdout.contains("calls.ndjson:3:500"), "{}", r.stdout);
    }
}

fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn the_flags_go_with_schema_only() {
    for flag in ["--drift-only", "-v", "--verbose"] {
        let r = hlmsg(
            &["diff", flag, "samples/sms.json", "samples/email.json"],
            None,
        );
        assert_eq!(r.code, 2, "{flag}");
        assert!(r.stderr.contains("--schema"), "{flag}: {}", r.stderr);
    }
}

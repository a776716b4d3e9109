//! Quiet runs, limits and statistics of `validate`: `-q`, `-qq`, `--max-findings`,
//! `--fail-fast`, `--statistics`, notes counted in the summary line, and a note repeated on
//! one field printed once.

use crate::util::{Output, hlmsg, ints, kinds};

/// 50 payloads, each with an extra field (a note); every tenth from the fourth lacks
/// `contactId` (an error); line 21 is a truncated payload (an error).
fn mixed() -> Vec<u8> {
    let generated = hlmsg(&["sample", "--count", "50", "--seed", "3"], None);
    let mut lines: Vec<String> = generated
        .stdout
        .lines()
        .enumerate()
        .map(|(i, l)| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let m = v.as_object_mut().unwrap();
            m.insert("extraField".into(), i.into());
            if i % 10 == 3 {
                m.remove("contactId");
            }
            serde_json::to_string(&v).unwrap()
        })
        .collect();
    lines.insert(20, "{\"broken\":".to_string());
    (lines.join("\n") + "\n").into_bytes()
}

fn findings(stdout: &str, severity: &str) -> usize {
    stdout
        .lines()
        .filter(|l| l.contains(&format!(": {severity}[")))
        .count()
}

#[test]
fn notes_are_counted_and_a_repeated_note_is_printed_once() {
    let input = mixed();
    let r = hlmsg(&["validate"], Some(&input));
    assert_eq!(r.code, 1);
    assert_eq!(r.last_line(), "45 passed, 6 failed, 50 notes");
    assert_eq!(findings(&r.stdout, "note"), 1, "{}", r.stdout);
    assert_eq!(findings(&r.stdout, "error"), 6, "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "… 49 more unknown-field notes at /extraField not shown (first at <stdin>:1:"
        ),
        "{}",
        r.stdout
    );
    let verbose = hlmsg(&["validate", "-v"], Some(&input));
    assert_eq!(findings(&verbose.stdout, "note"), 50);
    assert!(!verbose.stdout.contains("more unknown-field"));
}

#[test]
fn quiet_prints_errors_and_twice_quiet_only_the_summary() {
    let input = mixed();
    let q = hlmsg(&["validate", "-q"], Some(&input));
    assert_eq!(q.code, 1);
    assert_eq!(findings(&q.stdout, "error"), 6);
    assert_eq!(findings(&q.stdout, "note"), 0);
    assert_eq!(q.stdout.lines().count(), 7, "{}", q.stdout);
    assert_eq!(q.last_line(), "45 passed, 6 failed, 50 notes");
    let qq = hlmsg(&["validate", "-qq"], Some(&input));
    assert_eq!(qq.code, 1);
    assert_eq!(qq.stdout, "45 passed, 6 failed, 50 notes\n");
    let clash = hlmsg(&["validate", "-q", "-v"], Some(&input));
    assert_eq!(clash.code, 2);
}

#[test]
fn max_findings_stops_printing_but_not_counting() {
    let input = mixed();
    let r = hlmsg(&["validate", "--max-findings", "3"], Some(&input));
    assert_eq!(r.code, 1);
    let printed = findings(&r.stdout, "error") + findings(&r.stdout, "note");
    assert_eq!(printed, 3, "{}", r.stdout);
    // 7 findings are printed without a limit (6 errors, 1 note): 4 are left out.
    assert!(
        r.stdout
            .contains("… 4 more findings not shown (--max-findings 3); all are counted"),
        "{}",
        r.stdout
    );
    assert_eq!(r.last_line(), "45 passed, 6 failed, 50 notes");
}

#[test]
fn fail_fast_stops_at_the_first_failed_payload() {
    let input = mixed();
    let r = hlmsg(&["validate", "--fail-fast"], Some(&input));
    assert_eq!(r.code, 1);
    assert_eq!(findings(&r.stdout, "error"), 1, "{}", r.stdout);
    assert_eq!(r.last_line(), "3 passed, 1 failed, 4 notes");
    assert!(
        r.stderr.contains("stopped at the first failed payload"),
        "{}",
        r.stderr
    );
    // With several jobs and a larger input, the verdicts still stop at the first failure.
    let many = hlmsg(&["sample", "--count", "3000", "--seed", "8"], None);
    let mut big = many.stdout.into_bytes();
    big.extend(b"{\"type\":\n");
    big.extend(
        hlmsg(&["sample", "--count", "3000", "--seed", "9"], None)
            .stdout
            .bytes(),
    );
    let r = hlmsg(
        &["--jobs", "4", "validate", "--fail-fast", "-f", "json"],
        Some(&big),
    );
    assert_eq!(r.code, 1);
    let records = r.records(Output::Validate);
    let summary = records.last().unwrap();
    assert_eq!(ints(summary, ["passed", "failed"]), [3000, 1]);
    // A run that passes is not cut short.
    let ok = hlmsg(&["validate", "--fail-fast", "samples/"], None);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
}

#[test]
fn statistics_count_findings_by_rule() {
    let input = mixed();
    let r = hlmsg(
        &["validate", "--statistics", "--color", "never"],
        Some(&input),
    );
    assert_eq!(r.code, 1);
    let table: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with('│')).collect();
    assert!(table[0].contains("Rule"), "{}", r.stdout);
    assert!(
        table[1].contains("required") && table[1].contains("5") && table[1].contains("<stdin>:4:1"),
        "{}",
        r.stdout
    );
    assert!(table[2].contains("json"), "{}", r.stdout);
    assert!(table[3].contains("unknown-field") && table[3].contains("50"));
    assert_eq!(r.last_line(), "45 passed, 6 failed, 50 notes");

    let json = hlmsg(&["validate", "--statistics", "-f", "json"], Some(&input));
    let records = json.records(Output::Validate);
    let k = kinds(&records);
    assert_eq!(&k[k.len() - 2..], ["statistics", "summary"]);
    let stats = &records[records.len() - 2];
    let rules = stats["rules"].as_array().unwrap();
    assert_eq!(rules[0]["rule"], "required");
    assert_eq!(ints(&rules[0], ["findings", "payloads"]), [5, 5]);
    assert_eq!(rules[0]["first"]["line"], 4);
    assert_eq!(rules[2]["rule"], "unknown-field");
    assert_eq!(rules[2]["severity"], "note");
    assert_eq!(ints(&records[records.len() - 1], ["notes"]), [50]);
}

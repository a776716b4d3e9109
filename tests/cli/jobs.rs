//! The number of jobs never changes the output: results come in input order.

use crate::util::hlmsg;

#[test]
fn output_is_identical_single_and_multi_threaded() {
    // A capture big enough for several batches, with broken entries among the payloads.
    let generated = hlmsg(
        &[
            "sample",
            "--count",
            "5000",
            "--seed",
            "11",
            "--invalid-rate",
            "0.02",
        ],
        None,
    );
    assert_eq!(generated.code, 0, "{}", generated.stderr);
    let mut text = String::new();
    for (i, line) in generated.stdout.lines().enumerate() {
        text.push_str(line);
        text.push('\n');
        if i % 777 == 0 {
            text.push_str("{\"truncated\": \n");
        }
    }
    // Given on standard input: small files are checked on one thread whatever --jobs says.
    let runs: &[&[&str]] = &[
        &["validate"],
        &["validate", "--format", "json"],
        &["validate", "--format", "junit", "--strict"],
        &["classify"],
        &["classify", "--format", "json"],
        &["classify", "--only", "email"],
        &["show", "--format", "compact"],
        &["show", "--format", "table", "--now", "2026-01-01T00:00:00Z"],
        &["show", "--now", "2026-01-01T00:00:00Z"],
    ];
    for args in runs {
        let outputs: Vec<(i32, String, String)> = ["1", "2", "4"]
            .iter()
            .map(|jobs| {
                let mut all = args.to_vec();
                all.extend(["--jobs", jobs, "-"]);
                let r = hlmsg(&all, Some(text.as_bytes()));
                (r.code, r.stdout, r.stderr)
            })
            .collect();
        assert!(outputs[0].1.len() > 1000, "{args:?}: too little output");
        for (jobs, other) in ["2", "4"].iter().zip(&outputs[1..]) {
            assert_eq!(
                &outputs[0], other,
                "{args:?}: --jobs 1 and --jobs {jobs} differ"
            );
        }
    }
}

/// `--jobs 1`, `2` and `4` runs of `args` (stdin given as `stdin`): code, stdout and stderr.
fn three_runs(args: &[&str], stdin: Option<&[u8]>) -> Vec<(i32, String, String)> {
    ["1", "2", "4"]
        .iter()
        .map(|jobs| {
            let mut all = args.to_vec();
            all.extend(["--jobs", jobs]);
            let r = hlmsg(&all, stdin);
            (r.code, r.stdout, r.stderr)
        })
        .collect()
}

fn assert_same(args: &[&str], outputs: &[(i32, String, String)]) {
    for (jobs, other) in ["2", "4"].iter().zip(&outputs[1..]) {
        assert_eq!(
            &outputs[0], other,
            "{args:?}: --jobs 1 and --jobs {jobs} differ"
        );
    }
}

#[test]
fn diff_of_two_captures_and_diff_schema_are_identical_whatever_the_jobs() {
    // Over 4 MiB a side, so the file side is read on several threads too.
    let left = hlmsg(&["sample", "--count", "8000", "--seed", "11"], None);
    assert_eq!(left.code, 0);
    let dir = tempfile::tempdir().unwrap();
    let mut right = String::new();
    for (i, line) in left.stdout.lines().enumerate() {
        match i % 500 {
            // Changed, dropped, and broken entries on the right.
            0 => right.push_str(&line.replace("\"outbound\"", "\"inbound\"")),
            1 => continue,
            2 => right.push_str("{\"truncated\": "),
            _ => right.push_str(line),
        }
        right.push('\n');
    }
    let left_path = dir.path().join("left.ndjson");
    let right_path = dir.path().join("right.ndjson");
    std::fs::write(&left_path, &left.stdout).unwrap();
    std::fs::write(&right_path, &right).unwrap();
    let (l, r) = (left_path.to_str().unwrap(), right_path.to_str().unwrap());
    // 16 changed, 16 dropped and 16 broken on the right.
    let human = "7952 same, 16 changed, 32 only in LEFT, 0 only in RIGHT";
    let json = r#""same":7952,"changed":16,"only_in_left":32,"only_in_right":0"#;
    for (args, summary) in [
        (vec!["diff", l, r], human),
        (vec!["diff", "--format", "json", l, r], json),
        (vec!["diff", "-", r], human),
    ] {
        let outputs = three_runs(&args, Some(left.stdout.as_bytes()));
        assert_eq!(outputs[0].0, 2, "{args:?}: broken entries are trouble");
        assert!(outputs[0].1.contains(summary), "{args:?}: {}", outputs[0].1);
        assert_same(&args, &outputs);
    }
    for args in [
        vec!["diff", "--schema", r],
        vec!["diff", "--schema", "--by-channel", "--format", "json", r],
        vec!["diff", "--schema", "--format", "markdown", "-"],
    ] {
        let outputs = three_runs(&args, Some(right.as_bytes()));
        assert!(outputs[0].1.len() > 500, "{args:?}: too little output");
        assert_same(&args, &outputs);
    }
}

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

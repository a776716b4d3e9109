//! Hostile input: every subcommand on every case. No panic, one verdict or one error line per
//! entry, and the other files of the run still processed. Small cases live in
//! tests/fixtures/hostile/; large ones are generated here.

use std::path::{Path, PathBuf};

use crate::util::{Output, hlmsg, path, records};

/// A valid compact payload.
fn payload() -> String {
    r#"{"type":"OutboundMessage","locationId":"l1C08ntBrFjLS0elLIYU","contactId":"cI08i1Bls3iTB9bKgFJh","conversationId":"fcanlLgpbQgQhderivVs","dateAdded":"2024-05-08T11:57:42.250Z","direction":"outbound","messageType":"SMS","body":"hi"}"#.to_string()
}

struct Case {
    name: &'static str,
    /// The path arguments.
    paths: Vec<String>,
    /// Exit code of `validate`.
    code: i32,
    /// Text `validate` prints (on stdout or stderr).
    message: String,
    /// Entries `validate` reports (payload lines of `--format json`).
    entries: usize,
}

fn fixture(name: &'static str, code: i32, message: &str, entries: usize) -> Case {
    Case {
        name,
        paths: vec![format!("tests/fixtures/hostile/{name}")],
        code,
        message: message.to_string(),
        entries,
    }
}

fn cases(dir: &Path) -> Vec<Case> {
    let mut v = vec![
        fixture("empty.json", 1, "empty input: expected a JSON object", 1),
        fixture(
            "whitespace.json",
            1,
            "no payload: the input holds only blanks",
            1,
        ),
        fixture("bom.json", 0, "1 passed, 0 failed", 1),
        fixture("bom-only.json", 1, "no payload", 1),
        fixture(
            "utf16.json",
            1,
            "encoded as UTF-16LE (byte-order mark FF FE)",
            1,
        ),
        fixture("invalid-utf8.json", 1, "invalid UTF-8: byte 0xC3", 1),
        fixture(
            "nul-bytes.json",
            1,
            "the input is binary (it holds NUL bytes)",
            1,
        ),
        fixture("truncated.json", 1, "truncated payload", 1),
        fixture(
            "single-brace.json",
            1,
            "truncated payload: an object is not closed",
            1,
        ),
        fixture("trailing-comma.json", 1, "trailing comma", 1),
        // Glued on the payload's line: that payload's trailing garbage, as JSON parsers read it.
        fixture(
            "garbage-after.json",
            1,
            "text after the end of the payload: found \"garbage\"",
            1,
        ),
        fixture("glued.json", 0, "2 passed, 0 failed", 2),
        fixture("top-number.json", 1, "found integer 42", 1),
        fixture("top-string.json", 1, "found string \"hello\"", 1),
        fixture("top-null.json", 1, "found null", 1),
        fixture("array-of-numbers.json", 1, "found integer 1", 3),
        fixture("array-mixed.json", 1, "2 passed, 1 failed", 3),
        fixture(
            "duplicate-keys.json",
            0,
            "warning[duplicate-key]: /direction: key \"direction\" appears 2 times; the last value",
            1,
        ),
        fixture("number-1e400.json", 1, "number out of range", 1),
        fixture("huge-integer.json", 0, "1 passed, 0 failed", 1),
        fixture("long-number.json", 1, "number out of range", 1),
        fixture("lone-surrogate.json", 1, "unpaired surrogate", 1),
        fixture("bad-escape.json", 1, "invalid escape", 1),
        fixture("crlf.ndjson", 0, "3 passed, 0 failed", 3),
        fixture("blank-lines.ndjson", 0, "2 passed, 0 failed", 2),
        fixture("bad-line.ndjson", 1, "2 passed, 1 failed", 3),
        fixture(
            "control-in-key-raw.json",
            1,
            "raw control character U+0001",
            1,
        ),
        fixture("control-in-key-escaped.json", 0, "/evil\\u{1b}[31mkey", 1),
        fixture(
            "png-renamed.json",
            1,
            "the input is binary (a PNG image)",
            1,
        ),
        // Decompressed as it is read: a gzip header alone is a stream cut short.
        fixture("gzip.json", 1, "gzip stream ends early (truncated)", 1),
        fixture("stray-closer.json", 1, "1 passed, 1 failed", 2),
        fixture(
            "unterminated-array.json",
            1,
            "unterminated array of payloads",
            2,
        ),
        fixture(
            "key-not-string.json",
            1,
            "expected a key in double quotes",
            1,
        ),
        fixture("pretty-then-compact.json", 0, "2 passed, 0 failed", 2),
        fixture(
            "http-truncated.http",
            1,
            "shorter than its Content-Length",
            1,
        ),
        fixture("envelope-bad-body.json", 1, "truncated payload", 1),
        fixture("escape-in-body.json", 0, "1 passed, 0 failed", 1),
    ];

    // Large cases, generated.
    let big_string = dir.join("50mb-string.json");
    let body = "x".repeat(50 * 1024 * 1024);
    std::fs::write(
        &big_string,
        payload().replace("\"hi\"", &format!("\"{body}\"")),
    )
    .unwrap();
    v.push(Case {
        name: "50 MB string",
        paths: vec![big_string.to_string_lossy().into_owned()],
        code: 1,
        message: "larger than the limit of 16777216 bytes (raise it with --max-payload-size)"
            .to_string(),
        entries: 1,
    });
    let long_line = dir.join("10mb-line.ndjson");
    let body = "y".repeat(10 * 1024 * 1024);
    std::fs::write(
        &long_line,
        format!(
            "{}\n{}\n",
            payload().replace("\"hi\"", &format!("\"{body}\"")),
            payload()
        ),
    )
    .unwrap();
    v.push(Case {
        name: "10 MB line then a normal one",
        paths: vec![long_line.to_string_lossy().into_owned()],
        code: 0,
        message: "2 passed, 0 failed".to_string(),
        entries: 2,
    });
    let deep = dir.join("deep.json");
    std::fs::write(&deep, format!("{{\"a\":{}", "[".repeat(100_000))).unwrap();
    v.push(Case {
        name: "100,000-deep nesting",
        paths: vec![deep.to_string_lossy().into_owned()],
        code: 1,
        message: "payload nests deeper than 128 levels (raise the limit with --max-depth"
            .to_string(),
        entries: 1,
    });

    // A folder with a good file, a broken symbolic link and a link that points at itself.
    let folder = dir.join("folder");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("good.json"), payload()).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(folder.join("gone.json"), folder.join("broken.json")).unwrap();
        std::os::unix::fs::symlink(folder.join("loop.json"), folder.join("loop.json")).unwrap();
    }
    v.push(Case {
        name: "folder with a broken link and a link loop",
        paths: vec![folder.to_string_lossy().into_owned()],
        code: 2,
        message: "broken symbolic link".to_string(),
        entries: 1,
    });
    v.push(Case {
        name: "a path that does not exist",
        paths: vec!["tests/fixtures/hostile/does-not-exist.json".to_string()],
        code: 2,
        message: "does-not-exist.json: no such file or directory".to_string(),
        entries: 0,
    });
    v
}

fn run(args: &[&str], paths: &[String]) -> crate::util::Run {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(paths.iter().map(String::as_str));
    hlmsg(&all, None)
}

fn assert_sane(case: &Case, what: &str, r: &crate::util::Run) {
    assert!(
        matches!(r.code, 0..=2),
        "{} / {what}: exit {}\n{}",
        case.name,
        r.code,
        r.stderr
    );
    assert!(
        !r.stderr.contains("panicked"),
        "{} / {what}: {}",
        case.name,
        r.stderr
    );
}

/// The records of a JSON Lines report (each checked against `output`'s schema) of the given
/// kinds.
fn json_entries(output: Output, stdout: &str, kinds: &[&str]) -> usize {
    records(output, stdout)
        .iter()
        .filter(|v| kinds.iter().any(|k| v["kind"] == *k))
        .count()
}

#[test]
fn every_subcommand_on_every_hostile_case() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases(dir.path());
    assert!(cases.len() >= 40, "{} cases", cases.len());
    for case in &cases {
        // validate: exit code, message, and one verdict per entry.
        let r = run(&["validate"], &case.paths);
        assert_sane(case, "validate", &r);
        assert_eq!(r.code, case.code, "{}: {}{}", case.name, r.stdout, r.stderr);
        let text = format!("{}{}", r.stdout, r.stderr);
        assert!(text.contains(&case.message), "{}: {text}", case.name);
        assert!(
            !text.contains('\u{1b}'),
            "{}: raw escape in {text:?}",
            case.name
        );
        let r = run(&["validate", "--format", "json"], &case.paths);
        assert_sane(case, "validate json", &r);
        assert_eq!(
            json_entries(Output::Validate, &r.stdout, &["payload"]),
            case.entries,
            "{}",
            case.name
        );

        // classify: one line per entry, payload or unreadable.
        let r = run(&["classify", "--format", "json"], &case.paths);
        assert_sane(case, "classify json", &r);
        // Every subcommand reports a source without payloads alike (`no-payload`).
        let expected = case.entries;
        assert_eq!(
            json_entries(Output::Classify, &r.stdout, &["payload", "unreadable"]),
            expected,
            "{}: {}",
            case.name,
            r.stdout
        );
        let r = run(&["classify"], &case.paths);
        assert_sane(case, "classify", &r);

        for format in ["card", "json", "compact", "table"] {
            let r = run(&["show", "--format", format], &case.paths);
            assert_sane(case, format, &r);
            assert!(
                !r.stdout.contains('\u{7}'),
                "{} / {format}: raw BEL",
                case.name
            );
            // `show --format compact` copies the bytes of a payload whose number is too large
            // for a 64-bit float (which `show --format json` refuses): no decoder here reads it.
            let too_large = format == "compact" && case.name == "long-number.json";
            if matches!(format, "json" | "compact") && !too_large {
                records(Output::Show, &r.stdout);
            }
        }
        let mut twice = case.paths.clone();
        twice.extend(case.paths.clone());
        if twice.len() == 2 {
            let r = run(&["diff"], &twice);
            assert_sane(case, "diff", &r);
        }
        let r = run(&["verify"], &case.paths);
        assert_sane(case, "verify", &r);
    }
}

#[test]
fn other_files_of_the_run_are_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.json");
    std::fs::write(&good, payload()).unwrap();
    let good = good.to_string_lossy().into_owned();
    for case in cases(dir.path()) {
        let mut paths = case.paths.clone();
        paths.push(good.clone());
        let r = run(&["validate", "--format", "json"], &paths);
        let lines = r.records(Output::Validate);
        let last = lines.last().unwrap();
        assert_eq!(last["kind"], "summary");
        let good_line = lines.iter().find(|v| v["source"] == good.as_str());
        assert!(
            good_line.is_some_and(|v| v["valid"] == true),
            "{}: the good file was not validated\n{}",
            case.name,
            r.stdout
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    for cmd in ["validate", "classify", "show"] {
        let writer_path: PathBuf = fifo.clone();
        let writer = std::thread::spawn(move || {
            std::fs::write(&writer_path, payload()).unwrap();
        });
        let r = run(&[cmd], &[fifo.to_string_lossy().into_owned()]);
        writer.join().unwrap();
        assert_eq!(r.code, 0, "{cmd}: {}{}", r.stdout, r.stderr);
        if cmd == "validate" {
            assert_eq!(r.last_line(), "1 passed, 0 failed");
        }
    }
}

#[test]
fn nesting_at_the_default_limit_is_read_by_every_subcommand() {
    // 128 levels (the object and 127 arrays) is within the default --max-depth of 128, which
    // the parser's own recursion limit stops one short of; 129 is past it for all alike.
    let dir = tempfile::tempdir().unwrap();
    for (levels, code) in [(128, 0), (129, 1)] {
        let f = dir.path().join(format!("deep-{levels}.json"));
        let inner = format!("{}{}", "[".repeat(levels - 1), "]".repeat(levels - 1));
        let text = payload().replace("\"hi\"", &format!("\"hi\",\"deep\":{inner}"));
        std::fs::write(&f, text).unwrap();
        let p = f.to_string_lossy().into_owned();
        for cmd in ["classify", "show"] {
            let r = run(&[cmd], std::slice::from_ref(&p));
            assert_eq!(r.code, code, "{cmd} {levels}: {}{}", r.stdout, r.stderr);
        }
        let r = run(&["validate", "-f", "json"], std::slice::from_ref(&p));
        assert_eq!(
            r.stdout.contains("too-deep"),
            code == 1,
            "{levels}: {}",
            r.stdout
        );
        assert!(
            !r.stdout.contains("\"rule\":\"json\""),
            "{levels}: {}",
            r.stdout
        );
    }
}

#[test]
fn deeper_nesting_with_a_raised_limit() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("deep.json");
    let inner = format!("{}{}", "[".repeat(300), "]".repeat(300));
    std::fs::write(
        &f,
        payload().replace("\"hi\"", &format!("\"hi\",\"deep\":{inner}")),
    )
    .unwrap();
    let p = f.to_string_lossy().into_owned();
    let r = run(&["validate"], std::slice::from_ref(&p));
    assert!(
        r.stdout.contains("raise the limit with --max-depth"),
        "{}",
        r.stdout
    );
    for cmd in ["validate", "classify", "show"] {
        let r = run(&[cmd, "--max-depth", "400"], std::slice::from_ref(&p));
        assert_eq!(r.code, 0, "{cmd}: {}{}", r.stdout, r.stderr);
    }
    let r = run(&["diff", "--max-depth", "400"], &[p.clone(), p.clone()]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // The limit has a ceiling.
    assert_eq!(run(&["validate", "--max-depth", "5000"], &[p]).code, 2);
}

#[test]
fn escape_sequence_in_a_body_is_escaped_with_color_on_and_off() {
    let f = path("tests/fixtures/hostile/escape-in-body.json");
    for color in ["always", "never"] {
        let r = hlmsg(&["show", "--color", color, f.to_str().unwrap()], None);
        assert_eq!(r.code, 0);
        assert!(
            r.stdout.contains("\\u{1b}]0;pwned\\u{7}"),
            "{color}: {:?}",
            r.stdout
        );
        assert!(!r.stdout.contains('\u{7}'));
        assert!(
            !r.stdout.contains("\u{1b}]"),
            "{color}: an OSC sequence reached the output"
        );
    }
}

#[test]
fn a_source_without_payloads_is_one_no_payload_finding_in_every_subcommand() {
    for input in [
        &b""[..],
        b"  \n\n",
        b"\xef\xbb\xbf",
        b"[]",
        b"[][]",
        b"[ ]\n[]",
    ] {
        for args in [
            &["validate"][..],
            &["show"][..],
            &["show", "-f", "table"][..],
            &["classify"][..],
            &["classify", "--summary"][..],
            &["verify"][..],
        ] {
            let r = hlmsg(args, Some(input));
            assert_eq!(r.code, 1, "{args:?} on {input:?}: {}{}", r.stdout, r.stderr);
            let text = format!("{}{}", r.stdout, r.stderr);
            assert!(
                text.contains("error[no-payload]")
                    || text.contains("no payload")
                    || text.contains("empty input"),
                "{args:?} on {input:?}: {text}"
            );
            assert!(
                !text.contains("error[json]"),
                "{args:?} on {input:?}: {text}"
            );
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_named() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hlmsg"))
        .args(["validate", "samples/"])
        .current_dir(path(""))
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot write to standard output: no space left on device"),
        "{err}"
    );
    // And a closed pipe still ends quietly.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hlmsg"))
        .args(["sample", "--count", "100000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait_with_output().unwrap();
    assert_eq!(status.status.code(), Some(0));
    assert!(
        status.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

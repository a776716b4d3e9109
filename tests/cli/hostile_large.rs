//! Hostile input that needs size, links or broken streams to bite: each case is scaled to run in
//! seconds, with the full-size reproducer as an ignored test (`cargo test -- --ignored`).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::util::hlmsg_paths;

/// A valid SMS payload without its closing brace.
pub const OPEN_PAYLOAD: &str = r#"{"type":"OutboundMessage","locationId":"l","contactId":"c","conversationId":"v","dateAdded":"2024-05-08T11:57:42.250Z","direction":"outbound","messageType":"SMS""#;

/// A payload whose `attachments` holds `n` integers: `n` schema violations.
pub fn many_violations(n: usize) -> String {
    let mut s = String::with_capacity(OPEN_PAYLOAD.len() + 2 * n + 20);
    s.push_str(OPEN_PAYLOAD);
    s.push_str(",\"attachments\":[");
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push('1');
    }
    s.push_str("]}");
    s
}

fn validate_many_violations(n: usize, budget: Duration) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.json");
    std::fs::write(&file, many_violations(n)).unwrap();
    let started = Instant::now();
    let run = hlmsg_paths(&["validate"], &[&file]);
    let took = started.elapsed();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].ends_with(":1:178: error[type]: /attachments/0: expected string, found integer 1"),
        "{}",
        lines[0]
    );
    assert!(lines[999].contains("/attachments/999:"), "{}", lines[999]);
    // Past the first findings, the rest of the array is not looked at, and the note says so.
    let more = format!(
        "note[more-findings]: at least 3000 more findings in this payload are not shown; {} \
         elements of long arrays were not checked once the first findings were found",
        humanize_count(n - 4000)
    );
    assert!(lines[1000].ends_with(&more), "{}", lines[1000]);
    assert!(took < budget, "validate took {took:?} on {n} violations");
}

fn humanize_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Runs hlmsg on `paths` with its data segment (the heap and every private mapping it writes)
/// limited to `limit` bytes, so that a run needing more fails to allocate and aborts.
fn within_memory(args: &[&str], paths: &[&Path], limit: u64) -> std::process::Output {
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg(format!("ulimit -d {}; exec \"$0\" \"$@\"", limit / 1024))
        .arg(assert_cmd::cargo::cargo_bin("hlmsg"))
        .args(args)
        .args(paths);
    cmd.output().unwrap()
}

/// The memory bound: 64 MB and 8 times the payload. Each run must finish within it with its
/// usual exit code.
#[test]
fn peak_memory_stays_within_64_mb_and_8_times_the_payload() {
    let dir = tempfile::tempdir().unwrap();
    let violations = dir.path().join("violations.json");
    std::fs::write(&violations, many_violations(1_000_000)).unwrap();
    let empties = dir.path().join("empties.json");
    let mut text = String::from(OPEN_PAYLOAD);
    text.push_str(",\"x\":[");
    text.push_str(&vec!["[]"; 3_000_000].join(","));
    text.push_str("]}");
    std::fs::write(&empties, text).unwrap();
    // Payloads whose messageType is one huge unknown value: no suggestion is looked for in it.
    let unknown = dir.path().join("unknown.ndjson");
    let mut text = String::new();
    for c in ['A', 'B', 'C'] {
        let value: String = std::iter::repeat_n(c, 4_000_000).collect();
        text.push_str(&format!("{OPEN_PAYLOAD},\"messageType\":\"{value}\"}}\n"));
    }
    std::fs::write(&unknown, text).unwrap();
    // The large payload as the parsed body of an envelope, for re-serialization.
    let envelope = dir.path().join("envelope.json");
    let body = std::fs::read_to_string(&empties).unwrap();
    let text = format!(r#"{{"headers":{{"x-ghl-signature":"AAAA"}},"body":{body}}}"#);
    std::fs::write(&envelope, text).unwrap();
    // A body of 6 MB of words, wrapped to a narrow terminal.
    let body = dir.path().join("body.json");
    let words = "lorem ipsum dolor sit amet ".repeat(222_223);
    let text = format!("{OPEN_PAYLOAD},\"body\":\"{}\"}}", words.trim_end());
    std::fs::write(&body, text).unwrap();
    // `times`: the bound is 64 MB and this many times the largest payload.
    let cases: [(&[&str], &Path, i32, u64); 21] = [
        (&["validate"], &violations, 1, 8),
        (&["validate"], &empties, 0, 8),
        (&["verify"], &violations, 1, 8),
        (&["verify"], &empties, 1, 8),
        (&["diff", "--schema"], &violations, 1, 8),
        (&["diff", "--schema"], &empties, 1, 8),
        (&["show"], &violations, 0, 8),
        (&["show"], &empties, 0, 8),
        (&["show", "-f", "json"], &empties, 0, 8),
        (&["show", "-f", "compact"], &empties, 0, 8),
        (&["classify", "--summary"], &empties, 0, 8),
        (&["validate"], &unknown, 0, 8),
        (&["show"], &unknown, 0, 8),
        (&["show", "-f", "table"], &unknown, 0, 8),
        (&["classify", "--summary"], &unknown, 0, 8),
        (&["diff", "--schema"], &unknown, 0, 8),
        (&["show", "--redact"], &empties, 0, 8),
        (&["show", "-f", "compact", "--redact"], &empties, 0, 8),
        (&["classify", "--only", "sms", "--redact"], &empties, 0, 8),
        (&["verify", "--reserialize"], &envelope, 1, 8),
        (&["show", "--width", "60", "--full"], &body, 0, 8),
    ];
    for (args, file, code, times) in cases {
        let size = std::fs::read_to_string(file)
            .unwrap()
            .lines()
            .map(|l| l.len() as u64)
            .max()
            .unwrap();
        let run = within_memory(args, &[file], 64_000_000 + times * size);
        assert_eq!(
            run.status.code(),
            Some(code),
            "{args:?} on {} bytes: {}",
            size,
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

/// Two large payloads are compared through their bytes, and the differences are written as they
/// are found: a million differences fit within the same bound, in every format.
#[test]
fn diff_of_two_large_payloads_stays_within_the_bound() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, element: &str| {
        let path = dir.path().join(name);
        let mut text = String::from(OPEN_PAYLOAD);
        text.push_str(",\"attachments\":[");
        text.push_str(&vec![element; 500_000].join(","));
        text.push_str("]}\n");
        std::fs::write(&path, &text).unwrap();
        (path, text.len() as u64)
    };
    let (empties, _) = write("empties.json", "[]");
    let (ones, size) = write("ones.json", "[1]");
    let limit = 64_000_000 + 8 * size;
    for format in ["human", "json", "json-patch"] {
        let run = within_memory(&["diff", "--format", format], &[&empties, &ones], limit);
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert_eq!(
            run.status.code(),
            Some(1),
            "{format}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        match format {
            "json-patch" => {
                let ops: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
                assert_eq!(ops.len(), 500_000);
                assert_eq!(ops[499_999]["path"], "/attachments/499999/0");
            }
            "json" => assert!(stdout.ends_with("{\"kind\":\"summary\",\"differences\":500000}\n")),
            _ => assert!(stdout.ends_with("\n500000 differences\n"), "{stdout:.300}"),
        }
    }
    let run = within_memory(&["diff"], &[&ones, &ones], limit);
    assert_eq!(run.status.code(), Some(0));
}

#[test]
fn validate_is_linear_in_the_number_of_violations() {
    validate_many_violations(40_000, Duration::from_secs(15));
}

#[test]
#[ignore = "large: a million violations"]
fn validate_a_million_violations() {
    validate_many_violations(1_000_000, Duration::from_secs(60));
}

/// `{"a":[[…]]}` with `depth` levels in all.
fn nested(depth: usize) -> String {
    format!(
        "{{\"a\":{}{}}}",
        "[".repeat(depth - 1),
        "]".repeat(depth - 1)
    )
}

/// An envelope `levels` deep whose string body nests `body_depth` levels.
fn deep_envelope(levels: usize, body_depth: usize) -> String {
    let body = serde_json::to_string(&nested(body_depth)).unwrap();
    format!(
        "{{\"headers\":{{}},\"pad\":{},\"body\":{body}}}",
        nested(levels - 1)
    )
}

#[test]
fn every_layer_of_a_capture_gets_the_depth_limit() {
    let dir = tempfile::tempdir().unwrap();
    let envelope = dir.path().join("envelope.json");
    std::fs::write(&envelope, deep_envelope(200, 200_000)).unwrap();
    for args in [
        &["validate", "--max-depth", "300"][..],
        &["show", "--max-depth", "300"],
        &["show", "-f", "json", "--max-depth", "300"],
    ] {
        let run = hlmsg_paths(args, &[&envelope]);
        assert_eq!(run.code, 1, "{args:?}: {}", run.stderr);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(
            all.contains("nests deeper than 300 levels"),
            "{args:?}: {all}"
        );
    }
    let run = hlmsg_paths(&["diff", "--max-depth", "300"], &[&envelope, &envelope]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("nests deeper than 300 levels"),
        "{}",
        run.stderr
    );

    // A raw HTTP body: within the limit given (over the parser's usual 128), and past it.
    let http = |depth: usize| {
        let body = nested(depth);
        format!(
            "POST /hook HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
    };
    let within = dir.path().join("within.http");
    std::fs::write(&within, http(200)).unwrap();
    let run = hlmsg_paths(&["show", "-f", "compact", "--max-depth", "300"], &[&within]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let past = dir.path().join("past.http");
    std::fs::write(&past, http(100_000)).unwrap();
    let run = hlmsg_paths(&["validate", "--max-depth", "300"], &[&past]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("nests deeper than 300 levels"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_chunk_size_that_would_wrap_is_too_large() {
    // One byte decoded, then a chunk of 2^64 - 1 bytes: the sum must not wrap to a small size.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chunks.http");
    let mut text = String::from(
        "POST /hook HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\nffffffffffffffff\r\n",
    );
    text.push_str(&"x".repeat(64 * 1024));
    text.push_str("\r\n0\r\n\r\n");
    std::fs::write(&file, text).unwrap();
    let run = hlmsg_paths(&["validate", "--max-payload-size", "1000"], &[&file]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("chunked body larger than the limit of 1000 bytes"),
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn split_never_writes_through_a_link_nor_over_a_file_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let victim = dir.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, out.join("sms.ndjson")).unwrap();
    let sms = crate::util::path("samples/sms.json");
    let email = crate::util::path("samples/email.json");
    let split = |inputs: &[&std::path::Path]| {
        let mut args = vec!["classify", "--split", out.to_str().unwrap()];
        args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
        crate::util::hlmsg(&args, None)
    };
    let run = split(&[&sms]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("hlmsg did not write it"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    assert!(out.join("sms.ndjson").is_symlink());
    let names = |dir: &std::path::Path| {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&out), ["sms.ndjson"], "no temporary file is left");

    // A file the user put there is not overwritten either.
    std::fs::remove_file(out.join("sms.ndjson")).unwrap();
    std::fs::write(out.join("sms.ndjson"), "mine").unwrap();
    assert_eq!(split(&[&sms]).code, 2);
    assert_eq!(
        std::fs::read_to_string(out.join("sms.ndjson")).unwrap(),
        "mine"
    );

    // Files hlmsg wrote are replaced; those of an earlier run with no payload now are removed;
    // other files stay.
    std::fs::remove_file(out.join("sms.ndjson")).unwrap();
    std::fs::write(out.join("notes.txt"), "keep").unwrap();
    let run = split(&[&sms, &email]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        names(&out),
        [".hlmsg-split", "email.ndjson", "notes.txt", "sms.ndjson"]
    );
    let run = split(&[&email]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(names(&out), [".hlmsg-split", "email.ndjson", "notes.txt"]);
}

#[test]
fn diff_reports_the_first_differences_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let side = |element: &str| {
        let items = vec![element; 5000].join(",");
        format!("{OPEN_PAYLOAD},\"x\":[{items}]}}")
    };
    let left = dir.path().join("left.json");
    let right = dir.path().join("right.json");
    std::fs::write(&left, side("[]")).unwrap();
    std::fs::write(&right, side("[1]")).unwrap();
    let run = hlmsg_paths(&["diff"], &[&left, &right]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1002, "{}", run.stdout);
    assert_eq!(lines[999], "+ /x/999/0: 1");
    assert_eq!(lines[1000], "… 4000 more differences not shown");
    assert_eq!(lines[1001], "5000 differences");
    let run = hlmsg_paths(&["diff", "--format", "json"], &[&left, &right]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1001);
    assert_eq!(lines[1000], r#"{"kind":"summary","differences":5000}"#);
    // A patch is never cut.
    let run = hlmsg_paths(&["diff", "--format", "json-patch"], &[&left, &right]);
    let patch: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(patch.as_array().unwrap().len(), 5000);
}

/// Runs hlmsg with standard error a pipe that nobody reads (its reading end closed).
fn with_stderr_closed(args: &[&str]) -> (i32, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hlmsg"))
        .current_dir(crate::util::root())
        .args(args)
        .stdin(std::process::Stdio::null())
        .stderr(writer)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn a_broken_stderr_changes_neither_the_run_nor_its_exit_code() {
    let (code, stdout) = with_stderr_closed(&[
        "classify",
        "--only",
        "email",
        "samples/email.json",
        "no-such-file.json",
        "samples/email-html.json",
    ]);
    assert_eq!(code, 2);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let (code, stdout) = with_stderr_closed(&[
        "validate",
        "samples/sms.json",
        "no-such-file.json",
        "samples/email.json",
    ]);
    assert_eq!(code, 2);
    assert!(
        stdout.ends_with("2 passed, 0 failed, 1 warning\n"),
        "{stdout}"
    );
    let (code, stdout) = with_stderr_closed(&[
        "show",
        "-f",
        "compact",
        "samples/sms.json",
        "tests/fixtures/hostile/truncated.json",
        "samples/email.json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
}

#[test]
fn out_of_range_numbers_fail_the_same_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.json");
    let long = dir.path().join("long.json");
    std::fs::write(&huge, format!("{OPEN_PAYLOAD},\"x\":1e400}}")).unwrap();
    let digits = "9".repeat(1_000_000);
    std::fs::write(&long, format!("{OPEN_PAYLOAD},\"x\":{digits}}}")).unwrap();
    for file in [&huge, &long] {
        for args in [
            &["classify"][..],
            &["classify", "--only", "sms"],
            &["classify", "--only", "sms", "--redact"],
            &["show", "-f", "compact"],
            &["show"],
            &["validate"],
        ] {
            let run = hlmsg_paths(args, &[file]);
            assert_eq!(run.code, 1, "{args:?}: {}{}", run.stdout, run.stderr);
            let all = format!("{}{}", run.stdout, run.stderr);
            assert!(all.contains("number out of range"), "{args:?}: {all}");
            assert!(!run.stdout.contains("OutboundMessage"), "{args:?}: {all}");
        }
        let run = hlmsg_paths(&["diff"], &[file, file]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(run.stderr.contains("number out of range"), "{}", run.stderr);
    }
    // --split counts it unreadable instead of writing an empty line.
    let out = dir.path().join("out");
    let run = hlmsg_paths(
        &["classify", "--redact", "--split", out.to_str().unwrap()],
        &[&huge],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.ends_with("1 read, 0 written, 1 unreadable\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn redact_masks_fields_whatever_the_shape_of_their_value() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("shapes.json");
    std::fs::write(
        &file,
        format!(
            "{OPEN_PAYLOAD},\"to\":{{\"name\":\"Jordan Lee\",\"email\":\"jordan@example.org\"}},\
             \"cc\":[{{\"email\":\"riley@example.com\"}}],\"bcc\":15555550123,\
             \"body\":{{\"text\":\"my secret\"}},\"attachments\":[{{\"url\":\"https://cdn.example.com/private/x.pdf\"}}]}}"
        ),
    )
    .unwrap();
    for args in [
        &["classify", "--only", "sms", "--redact"][..],
        &["show", "-f", "compact", "--redact"],
        &["show", "-f", "json", "--redact"],
    ] {
        let run = hlmsg_paths(args, &[&file]);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        for secret in [
            "Jordan",
            "jordan@",
            "riley@",
            "15555550123",
            "my secret",
            "private",
        ] {
            assert!(
                !run.stdout.contains(secret),
                "{args:?}: {secret} in {}",
                run.stdout
            );
        }
    }
}

#[test]
fn standard_input_is_processed_as_it_arrives() {
    use std::io::{BufRead, Write};
    // Valid enough to be shown, with one finding for validate to print.
    let payload = format!("{OPEN_PAYLOAD},\"attachments\":[1]}}\n");
    for args in [
        &["show", "-f", "compact"][..],
        &["validate"],
        &["classify", "--only", "sms"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hlmsg"))
            .args(args)
            .arg("--jobs")
            .arg("2")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                if tx.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        // One payload, shorter than any read-ahead, and the pipe stays open.
        stdin.write_all(payload.as_bytes()).unwrap();
        stdin.flush().unwrap();
        let first = rx.recv_timeout(Duration::from_secs(20));
        drop(stdin);
        let _ = child.wait();
        let first = first.unwrap_or_else(|_| panic!("{args:?}: no output while the input is open"));
        assert!(!first.is_empty(), "{args:?}");
    }
}

#[test]
fn html_to_text_is_linear_in_hidden_tags() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("email.json");
    let html = format!(
        "<p>Hello</p>{}<p>bye</p>",
        "<STYLE>a{}</style><script>x</Script>".repeat(60_000)
    );
    let payload = serde_json::json!({
        "type": "OutboundMessage", "locationId": "l", "contactId": "c", "conversationId": "v",
        "dateAdded": "2024-05-08T11:57:42.250Z", "direction": "outbound", "messageType": "Email",
        "subject": "s", "body": html,
    });
    std::fs::write(&file, payload.to_string()).unwrap();
    let started = Instant::now();
    let run = hlmsg_paths(&["show", "--now", "2024-05-09T00:00:00Z"], &[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Hello"), "{}", run.stdout);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn absurd_jobs_are_capped_with_a_warning() {
    let started = Instant::now();
    let run = crate::util::hlmsg(&["validate", "--jobs", "100000", "samples/"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("is more than 8 per core; using"),
        "{}",
        run.stderr
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[cfg(target_os = "linux")]
#[test]
fn help_that_cannot_be_written_is_trouble() {
    for args in [&["--help"][..], &["validate", "--help"], &["--version"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hlmsg"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write to standard output"));
    }
}

#[test]
fn an_absurd_call_duration_is_shown_as_a_number() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("call.json");
    let text = OPEN_PAYLOAD.replace("\"SMS\"", "\"CALL\"") + ",\"callDuration\":1e308}";
    std::fs::write(&file, text).unwrap();
    let run = hlmsg_paths(&["show", "--now", "2024-05-09T00:00:00Z"], &[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("(not a plausible call duration)"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("5124095576030431h"), "{}", run.stdout);
}

#[cfg(target_os = "linux")]
#[test]
fn file_names_that_are_not_utf8_stay_distinct() {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir().unwrap();
    let sms = std::fs::read(crate::util::path("samples/sms.json")).unwrap();
    for b in [0xfe_u8, 0xff] {
        let bytes = [b'a', b, b'.', b'j', b's', b'o', b'n'];
        let name = std::ffi::OsStr::from_bytes(&bytes);
        std::fs::write(dir.path().join(name), &sms).unwrap();
    }
    let run = hlmsg_paths(&["classify", "-f", "json"], &[dir.path()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sources: Vec<String> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter_map(|v| v["source"].as_str().map(str::to_string))
        .collect();
    assert_eq!(sources.len(), 2, "{}", run.stdout);
    assert!(sources[0].ends_with("a\\xfe.json"), "{sources:?}");
    assert!(sources[1].ends_with("a\\xff.json"), "{sources:?}");
}

#[cfg(unix)]
#[test]
fn termination_signals_remove_split_temporary_files() {
    use std::io::Write;
    for signal in ["-TERM", "-HUP", "-INT"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("hlmsg"))
            .args(["classify", "--split", out.to_str().unwrap()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(format!("{OPEN_PAYLOAD}}}\n").as_bytes())
            .unwrap();
        stdin.flush().unwrap();
        // Wait for the temporary file of the first payload.
        let started = Instant::now();
        while std::fs::read_dir(&out).map_or(0, |d| d.count()) == 0 {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "no temporary file"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let killed = std::process::Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        drop(stdin);
        assert_eq!(status.code(), Some(130), "{signal}");
        let left: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
        assert!(left.is_empty(), "{signal}: {left:?}");
    }
}

#[test]
fn junit_without_a_temporary_folder_is_still_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.ndjson");
    let line = OPEN_PAYLOAD.replace("\"outbound\"", "\"inbound\"") + "}\n";
    std::fs::write(&file, line.repeat(20_000)).unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hlmsg"))
        .args(["validate", "-f", "junit"])
        .arg(&file)
        .env("TMPDIR", dir.path().join("missing"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "testsuites");
}

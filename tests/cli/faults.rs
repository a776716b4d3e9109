//! Faults around the input: a closed pipe, a full disk, an interrupt.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{Output, records, root, samples};

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("hlmsg")
}

/// Writes `n` payloads as NDJSON, cycling the samples; `tweak` changes every payload.
fn capture(path: &Path, n: usize, tweak: &str) {
    let values: Vec<Value> = samples()
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let mut v = values[i % values.len()].clone();
        v["messageId"] = Value::String(format!("m{i:019}"));
        v["tweak"] = Value::String(tweak.to_string());
        writeln!(out, "{}", serde_json::to_string(&v).unwrap()).unwrap();
    }
}

#[test]
fn a_closed_pipe_ends_every_subcommand_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ndjson");
    let b = dir.path().join("b.ndjson");
    capture(&a, 20_000, "left");
    capture(&b, 20_000, "right");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let runs: Vec<Vec<&str>> = vec![
        vec!["validate", "-v", a],
        vec!["validate", "--format", "json", a],
        vec!["classify", a],
        vec!["classify", "--only", "sms", a],
        vec!["show", a],
        vec!["show", "--format", "compact", a],
        vec!["show", "--format", "table", a],
        vec!["diff", a, b],
        vec!["verify", a],
    ];
    for args in runs {
        let mut child = Command::new(bin())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        // The reading end is closed here, like `| head -1`.
        let out = child.wait_with_output().unwrap();
        assert!(!first.is_empty(), "{args:?}");
        // The first record of machine output is whole, and fits its schema.
        match args[..] {
            ["validate", "--format", "json", _] => {
                assert_eq!(records(Output::Validate, &first).len(), 1)
            }
            ["show", "--format", "compact", _] => {
                assert_eq!(records(Output::Show, &first).len(), 1)
            }
            _ => {}
        }
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error() {
    for args in [
        vec!["validate", "-v", "samples/"],
        vec!["show", "samples/"],
        vec!["classify", "samples/"],
    ] {
        let out = Command::new(bin())
            .current_dir(root())
            .args(&args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("hlmsg: error:") && err.contains("space"),
            "{args:?}: {err}"
        );
    }
}

#[cfg(unix)]
fn interrupt(pid: u32) {
    let ok = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

#[cfg(unix)]
#[test]
fn an_interrupt_stops_promptly_and_leaves_no_half_written_file() {
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("split");
    let mut child = Command::new(bin())
        .args(["classify", "--split", split.to_str().unwrap(), "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let payload = std::fs::read_to_string(root().join("samples/sms-reminder.json")).unwrap();
    let line = serde_json::to_string(&serde_json::from_str::<Value>(&payload).unwrap()).unwrap();
    for _ in 0..2000 {
        writeln!(stdin, "{line}").unwrap();
    }
    stdin.flush().unwrap();
    // Wait until the split has started writing (so the run is under way), then interrupt while
    // standard input is still open: the run is blocked reading more input.
    let started = Instant::now();
    while !std::fs::read_dir(&split).is_ok_and(|mut d| d.next().is_some()) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the split never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let sent = Instant::now();
    interrupt(child.id());
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    assert!(sent.elapsed() < Duration::from_secs(5), "slow to stop");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left: Vec<String> = std::fs::read_dir(&split)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

//! `hlmsg listen`, with real sockets on 127.0.0.1 only: deliveries are answered, recorded
//! byte for byte as a capture the other subcommands read, and reported as they arrive.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine;
use ed25519_dalek::Signer as _;
use ed25519_dalek::pkcs8::EncodePublicKey as _;

use crate::util::hlmsg_paths;

/// A running `hlmsg listen` and the port it printed.
struct Listener {
    child: Child,
    port: u16,
}

impl Listener {
    fn start(args: &[&str]) -> Listener {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hlmsg"))
            .arg("listen")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        err.read_line(&mut first).unwrap();
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {first:?}"));
        assert!(first.contains("only from this machine"), "{first}");
        // Keep reading standard error so the server never blocks on it.
        std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = err.read_to_string(&mut rest);
        });
        Listener { child, port }
    }

    /// Sends raw request bytes and returns the status code of the answer.
    fn send(&self, raw: &[u8]) -> u16 {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        s.write_all(raw).unwrap();
        let mut answer = Vec::new();
        let mut buf = [0u8; 4096];
        while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            }
        }
        let text = String::from_utf8_lossy(&answer);
        text.split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }

    /// Stops it with SIGINT, as Ctrl-C does, and returns what it printed.
    fn stop(mut self) -> String {
        let _ = Command::new("kill")
            .args(["-INT", &self.child.id().to_string()])
            .status();
        let mut out = String::new();
        self.child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        let _ = self.child.wait();
        out
    }
}

fn post(path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut raw = format!("POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (n, v) in headers {
        raw.push_str(&format!("{n}: {v}\r\n"));
    }
    raw.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut raw = raw.into_bytes();
    raw.extend_from_slice(body);
    raw
}

fn key(dir: &Path) -> (ed25519_dalek::SigningKey, String) {
    let signing = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let pem = dir.join("test-key.pub.pem");
    std::fs::write(
        &pem,
        signing
            .verifying_key()
            .to_public_key_pem(Default::default())
            .unwrap(),
    )
    .unwrap();
    (signing, pem.to_string_lossy().into_owned())
}

#[test]
fn deliveries_are_answered_recorded_byte_for_byte_and_verify_from_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("deliveries.http");
    std::fs::write(&record, "").unwrap();
    let (signing, pem) = key(dir.path());
    let body = std::fs::read("samples/sms-reminder.json").unwrap();
    let sig = base64::engine::general_purpose::STANDARD.encode(signing.sign(&body).to_bytes());
    let mut tampered = body.clone();
    // One letter of the body's text changed: still a valid payload, no longer what was signed.
    let at = tampered
        .windows(9)
        .position(|w| w == b"\"body\": \"")
        .unwrap()
        + 9;
    tampered[at] = if tampered[at] == b'X' { b'Y' } else { b'X' };
    let l = Listener::start(&["--record", record.to_str().unwrap(), "--public-key", &pem]);
    assert_eq!(
        l.send(&post("/hook", &[("X-GHL-Signature", &sig)], &body)),
        200
    );
    assert_eq!(
        l.send(&post("/hook", &[("X-GHL-Signature", &sig)], &tampered)),
        200
    );
    // Non-POST: the status page.
    let mut s = TcpStream::connect(("127.0.0.1", l.port)).unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut page = String::new();
    s.read_to_string(&mut page).unwrap();
    assert!(page.contains("deliveries: 2"), "{page}");
    let out = l.stop();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains("OutboundMessage  SMS  valid  signed (ed25519)"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("signature does not match"),
        "{}",
        lines[1]
    );
    // The record holds both deliveries, bodies byte for byte, and verifies as a capture.
    let recorded = std::fs::read(&record).unwrap();
    assert!(recorded.windows(body.len()).any(|w| w == &body[..]));
    assert!(recorded.windows(tampered.len()).any(|w| w == &tampered[..]));
    let r = hlmsg_paths(&["verify", "--public-key", &pem], &[&record]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(r.last_line(), "1 verified, 1 failed");
    assert!(
        r.stdout.contains("signature does not match"),
        "{}",
        r.stdout
    );
    let r = hlmsg_paths(&["validate"], &[&record]);
    assert_eq!(r.last_line(), "2 passed, 0 failed", "{}", r.stdout);
}

#[test]
fn json_records_fit_their_schema() {
    let l = Listener::start(&["--format", "json"]);
    let body = std::fs::read("samples/email-html.json").unwrap();
    assert_eq!(
        l.send(&post("/x", &[("X-GHL-Signature", "N/A")], &body)),
        200
    );
    assert_eq!(l.send(&post("/y", &[], b"not json")), 200);
    let out = l.stop();
    let records = crate::util::records(crate::util::Output::Listen, &out);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["channel"], "Email");
    assert_eq!(records[0]["headers"]["x-ghl-signature"], "N/A");
    assert_eq!(records[1]["valid"], false);
}

#[test]
fn oversized_and_malformed_requests_get_their_status() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.http");
    let l = Listener::start(&[
        "--record",
        record.to_str().unwrap(),
        "--max-body-size",
        "1KiB",
    ]);
    assert_eq!(l.send(&post("/", &[], &vec![b' '; 4096])), 413);
    assert_eq!(
        l.send(b"POST / HTTP/1.1\r\nContent-Length: nope\r\n\r\n"),
        400
    );
    assert_eq!(
        l.send(&post("/", &[], b"{\"type\":\"ContactCreate\"}")),
        200
    );
    let out = l.stop();
    assert_eq!(out.lines().count(), 1, "{out}");
    // Only the delivery that was answered 200 is in the record, whole.
    let r = hlmsg_paths(&["validate"], &[&record]);
    assert_eq!(r.last_line(), "0 passed, 0 failed, 1 skipped");
}

#[test]
fn an_existing_record_is_appended_to_never_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.http");
    let first = Listener::start(&["--record", record.to_str().unwrap()]);
    first.send(&post("/", &[], b"{\"type\":\"ContactCreate\"}"));
    first.stop();
    let second = Listener::start(&["--record", record.to_str().unwrap(), "--status", "500"]);
    assert_eq!(
        second.send(&post("/", &[], b"{\"type\":\"LCEmailStats\"}")),
        500
    );
    second.stop();
    let r = hlmsg_paths(&["classify", "--format", "json"], &[&record]);
    let events: Vec<String> = r
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["event"].as_str().map(str::to_string))
        .collect();
    assert_eq!(events, ["ContactCreate", "LCEmailStats"]);
}

fn hlmsg_run(args: &[&str]) -> crate::util::Run {
    crate::util::hlmsg(args, None)
}

#[test]
fn a_record_replayed_by_send_into_a_second_listen_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.http");
    let second = dir.path().join("second.http");
    let a = Listener::start(&["--record", first.to_str().unwrap()]);
    let url = format!("http://127.0.0.1:{}/hook", a.port);
    let r = hlmsg_run(&["send", &url, "samples/", "--concurrency", "1"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    a.stop();
    let b = Listener::start(&["--record", second.to_str().unwrap()]);
    let url = format!("http://127.0.0.1:{}/", b.port);
    let r = hlmsg_run(&["send", &url, first.to_str().unwrap(), "--concurrency", "1"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains(&format!("{} sent in", crate::util::samples().len())),
        "{}",
        r.stdout
    );
    b.stop();
    let first = std::fs::read(&first).unwrap();
    assert!(!first.is_empty());
    assert_eq!(first, std::fs::read(&second).unwrap());
}

#[test]
fn test_keys_sign_what_the_listener_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys");
    let r = hlmsg_run(&["keygen", keys.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("TEST keys"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(keys.join("ed25519.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the private key is the owner's alone");
    }
    // Existing keys are never overwritten.
    assert_eq!(hlmsg_run(&["keygen", keys.to_str().unwrap()]).code, 2);
    let public = |s: &str| {
        keys.join(format!("{s}.pub.pem"))
            .to_string_lossy()
            .into_owned()
    };
    let l = Listener::start(&[
        "--public-key",
        &public("ed25519"),
        "--public-key",
        &public("rsa"),
    ]);
    let url = format!("http://127.0.0.1:{}/", l.port);
    // Two samples: the same delivery twice would be a duplicate webhookId.
    for (scheme, sample) in [("ed25519", "sms-reminder"), ("rsa", "email-html")] {
        let key = keys.join(format!("{scheme}.pem"));
        let r = hlmsg_run(&[
            "send",
            &url,
            "--sample",
            sample,
            "--sign",
            key.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    }
    let out = l.stop();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("signed (ed25519)"), "{}", lines[0]);
    assert!(lines[1].contains("signed (rsa)"), "{}", lines[1]);
}

#[test]
fn send_exit_codes_and_summary() {
    // Nothing listens on this port: every delivery fails to connect.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let url = format!("http://127.0.0.1:{port}/");
    let r = hlmsg_run(&["send", &url, "--sample", "sms"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("1 failed to connect"), "{}", r.stdout);
    // A handler answering 500: exit 1, counted by status.
    let l = Listener::start(&["--status", "500"]);
    let url = format!("http://127.0.0.1:{}/", l.port);
    let r = hlmsg_run(&[
        "send",
        &url,
        "--generate",
        "20",
        "--concurrency",
        "4",
        "--json",
    ]);
    assert_eq!(r.code, 1);
    let summary: serde_json::Value =
        serde_json::from_str(r.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(summary["sent"], 20);
    assert_eq!(summary["by_status"]["500"], 20);
    l.stop();
    // https is refused with a reason, before anything is sent.
    let r = hlmsg_run(&["send", "https://example.com/", "--sample", "sms"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("TLS"), "{}", r.stderr);
}

/// A handler in a thread: answers every request with `status`, and hands over what it got.
fn handler(status: u16) -> (u16, std::sync::mpsc::Receiver<Vec<u8>>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut got = Vec::new();
            let mut buf = [0u8; 8192];
            // Read the head, then the body of its Content-Length.
            loop {
                let n = s.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&got).to_string();
                if let Some(head_end) = text.find("\r\n\r\n") {
                    let len: usize = text[..head_end]
                        .lines()
                        .find_map(|l| {
                            let (n, v) = l.split_once(':')?;
                            n.eq_ignore_ascii_case("content-length")
                                .then(|| v.trim().parse().ok())?
                        })
                        .unwrap_or(0);
                    if got.len() >= head_end + 4 + len {
                        break;
                    }
                }
            }
            let _ = s.write_all(
                format!("HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .as_bytes(),
            );
            let _ = tx.send(got);
        }
    });
    (port, rx)
}

#[test]
fn forward_to_passes_the_exact_delivery_on_and_answers_with_the_handlers_status() {
    let (port, got) = handler(201);
    let target = format!("http://127.0.0.1:{port}/app");
    let l = Listener::start(&["--forward-to", &target]);
    let body = std::fs::read("samples/call-answered.json").unwrap();
    let status = l.send(&post("/hook?x=1", &[("X-GHL-Signature", "c2ln")], &body));
    assert_eq!(status, 201, "the handler's status goes back to HighLevel");
    let received = got.recv_timeout(Duration::from_secs(10)).unwrap();
    let text = String::from_utf8_lossy(&received);
    assert!(
        text.starts_with("POST /app/hook?x=1 HTTP/1.1\r\n"),
        "{text}"
    );
    assert!(
        text.to_ascii_lowercase().contains("x-ghl-signature: c2ln"),
        "{text}"
    );
    assert!(received.ends_with(&body), "the exact body bytes");
    let out = l.stop();
    assert!(out.contains("handler 201 in"), "{out}");

    // A handler that is down: 502, said on the delivery's line, and the listener goes on.
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://127.0.0.1:{}/", probe.local_addr().unwrap().port());
    drop(probe);
    let l = Listener::start(&["--forward-to", &dead]);
    assert_eq!(l.send(&post("/", &[], &body)), 502);
    assert_eq!(l.send(&post("/", &[], &body)), 502);
    let out = l.stop();
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("handler: "), "{out}");
}

#[test]
fn ctrl_c_during_a_load_leaves_a_record_of_whole_deliveries() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("r.http");
    let l = Listener::start(&["--record", record.to_str().unwrap()]);
    let url = format!("http://127.0.0.1:{}/", l.port);
    let mut sender = Command::new(env!("CARGO_BIN_EXE_hlmsg"))
        .args(["send", &url, "--generate", "100000", "--concurrency", "16"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Interrupt the listener while deliveries are arriving.
    while std::fs::metadata(&record).map_or(0, |m| m.len()) < 200_000 {
        std::thread::sleep(Duration::from_millis(20));
    }
    l.stop();
    let _ = sender.kill();
    let _ = sender.wait();
    let r = hlmsg_paths(&["validate", "--format", "json"], &[&record]);
    let records = r.records(crate::util::Output::Validate);
    let summary = records.last().unwrap();
    assert!(summary["passed"].as_u64().unwrap() > 100, "{summary}");
    assert_eq!(
        summary["failed"],
        0,
        "no delivery was cut: {}",
        r.stdout
            .lines()
            .find(|l| l.contains("\"valid\":false"))
            .unwrap_or("")
    );
}

#[test]
fn max_age_is_measured_when_each_delivery_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let (signing, pem) = key(dir.path());
    let l = Listener::start(&["--public-key", &pem, "--max-age", "1s"]);
    // Long after the listener started, a delivery sent 2 s ago is stale; one sent now is not.
    std::thread::sleep(Duration::from_secs(3));
    let sample = std::fs::read_to_string("samples/sms-reminder.json").unwrap();
    let stamped = |at: jiff::Timestamp, id: &str| {
        sample
            .replace("2025-09-16T14:05:13.102Z", &at.to_string())
            .replace("3f6c2a9e", id)
    };
    let now = jiff::Timestamp::now();
    let old = stamped(now - jiff::SignedDuration::from_secs(2), "1f6c2a9e");
    let fresh = stamped(now, "2f6c2a9e");
    for body in [&old, &fresh] {
        let sig = base64::engine::general_purpose::STANDARD
            .encode(signing.sign(body.as_bytes()).to_bytes());
        let request = post("/", &[("X-GHL-Signature", &sig)], body.as_bytes());
        assert_eq!(l.send(&request), 200);
    }
    let out = l.stop();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains("stale delivery"), "{}", lines[0]);
    assert!(lines[1].contains("signed (ed25519)"), "{}", lines[1]);
}

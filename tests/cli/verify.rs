//! `hlmsg verify`. The bodies are signed with keys generated here: there is no HighLevel private
//! key.

use std::path::{Path, PathBuf};

use base64::Engine;
use ed25519_dalek::Signer as _;
use ed25519_dalek::pkcs8::EncodePublicKey as _;
use rand_core::{OsRng, RngCore};
use rsa::pkcs1v15;
use rsa::sha2::Sha256;
use rsa::signature::{RandomizedSigner as _, SignatureEncoding as _};
use serde_json::Value;

use crate::util::{Output, hlmsg, path};

const BODY: &str = r#"{"type":"OutboundMessage","locationId":"l1C08ntBrFjLS0elLIYU","contactId":"cI08i1Bls3iTB9bKgFJh","conversationId":"fcanlLgpbQgQhderivVs","dateAdded":"2024-05-08T11:57:42.250Z","direction":"outbound","messageType":"SMS","body":"hi","webhookId":"w-1","timestamp":"2024-05-08T11:57:43.000Z"}"#;

struct Keys {
    dir: tempfile::TempDir,
    ed: ed25519_dalek::SigningKey,
    ed_pem: PathBuf,
    rsa: pkcs1v15::SigningKey<Sha256>,
    rsa_pem: PathBuf,
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn keys() -> Keys {
    let dir = tempfile::tempdir().unwrap();
    let mut seed = [0u8; 32];
    OsRng.fill_bytes(&mut seed);
    let ed = ed25519_dalek::SigningKey::from_bytes(&seed);
    let ed_pem = dir.path().join("ed25519.pem");
    std::fs::write(
        &ed_pem,
        ed.verifying_key()
            .to_public_key_pem(Default::default())
            .unwrap(),
    )
    .unwrap();
    let rsa_key = rsa::RsaPrivateKey::new(&mut OsRng, 2048).unwrap();
    let rsa_pem = dir.path().join("rsa.pem");
    std::fs::write(
        &rsa_pem,
        rsa_key
            .to_public_key()
            .to_public_key_pem(Default::default())
            .unwrap(),
    )
    .unwrap();
    Keys {
        dir,
        ed,
        ed_pem,
        rsa: pkcs1v15::SigningKey::<Sha256>::new(rsa_key),
        rsa_pem,
    }
}

impl Keys {
    fn ed_sig(&self, body: &str) -> String {
        b64(&self.ed.sign(body.as_bytes()).to_bytes())
    }

    fn rsa_sig(&self, body: &str) -> String {
        b64(&self.rsa.sign_with_rng(&mut OsRng, body.as_bytes()).to_vec())
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    }
}

/// A raw HTTP request as `nc -l` saves it.
fn http(headers: &[(&str, &str)], body: &str) -> String {
    let mut s = String::from(
        "POST /webhooks/highlevel HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/json\r\n",
    );
    for (n, v) in headers {
        s.push_str(&format!("{n}: {v}\r\n"));
    }
    s.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    s
}

fn run(args: &[&str], files: &[&Path]) -> crate::util::Run {
    let mut all: Vec<String> = vec!["verify".into()];
    all.extend(args.iter().map(|s| s.to_string()));
    all.extend(files.iter().map(|p| p.to_string_lossy().into_owned()));
    let refs: Vec<&str> = all.iter().map(String::as_str).collect();
    hlmsg(&refs, None)
}

fn single_line(r: &crate::util::Run) -> String {
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    lines[0].split_once(": ").unwrap().1.to_string()
}

#[test]
fn valid_ed25519_signature_in_an_http_capture() {
    let k = keys();
    let f = k.write(
        "ok.http",
        &http(&[("X-GHL-Signature", &k.ed_sig(BODY))], BODY),
    );
    let key = k.ed_pem.to_str().unwrap();
    let r = run(&["--public-key", key], &[&f]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(single_line(&r), "verified (ed25519)");
    assert_eq!(r.last_line(), "1 verified, 0 failed");
    // The origin points at the body in the capture file.
    assert!(
        r.stdout.starts_with(&format!("{}:7:1: ", f.display())),
        "{}",
        r.stdout
    );
}

#[test]
fn each_tampered_case_fails_with_its_own_reason() {
    let k = keys();
    let key = k.ed_pem.to_str().unwrap();
    let sig = k.ed_sig(BODY);
    let flipped = BODY.replacen("\"hi\"", "\"hj\"", 1);
    let reformatted =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(BODY).unwrap()).unwrap();
    let short = b64(&base64::engine::general_purpose::STANDARD
        .decode(&sig)
        .unwrap()[..32]);
    let with_key: &[&str] = &["--public-key", key];
    let cases: Vec<(&str, String, &[&str], &str)> = vec![
        (
            "flipped",
            http(&[("X-GHL-Signature", &sig)], &flipped),
            with_key,
            "signature does not match the body (ed25519)",
        ),
        (
            "reformatted",
            http(&[("X-GHL-Signature", &sig)], &reformatted),
            with_key,
            "signature does not match the body (ed25519)",
        ),
        (
            "wrong key",
            http(&[("X-GHL-Signature", &sig)], BODY),
            &[],
            "signature does not match the body (ed25519)",
        ),
        (
            "truncated",
            http(&[("X-GHL-Signature", &short)], BODY),
            with_key,
            "wrong signature length: X-GHL-Signature decodes to 32 bytes, Ed25519 signatures here are 64 bytes",
        ),
        (
            "base64",
            http(&[("X-GHL-Signature", "%%%not-base64%%%")], BODY),
            with_key,
            "malformed base64 in X-GHL-Signature",
        ),
        (
            "missing",
            http(&[], BODY),
            with_key,
            "no signature: the delivery has neither an X-GHL-Signature nor an X-WH-Signature header",
        ),
    ];
    for (name, capture, args, reason) in cases {
        let f = k.write(&format!("{}.http", name.replace(' ', "-")), &capture);
        let r = run(args, &[&f]);
        assert_eq!(r.code, 1, "{name}: {}{}", r.stdout, r.stderr);
        let line = single_line(&r);
        assert!(
            line.starts_with(&format!("FAILED ({reason}")),
            "{name}: {line}"
        );
        assert_eq!(r.last_line(), "0 verified, 1 failed");
    }
}

#[test]
fn rsa_and_both_headers() {
    let k = keys();
    let ed = k.ed_pem.to_str().unwrap();
    let rsa = k.rsa_pem.to_str().unwrap();
    let rsa_sig = k.rsa_sig(BODY);
    let ed_sig = k.ed_sig(BODY);
    let only_rsa = k.write("rsa.http", &http(&[("x-wh-signature", &rsa_sig)], BODY));
    let r = run(&["--public-key", rsa], &[&only_rsa]);
    assert_eq!(single_line(&r), "verified (rsa)");
    let r = run(&["--public-key", rsa, "--format", "json"], &[&only_rsa]);
    let lines = r.records(Output::Verify);
    assert_eq!(
        (&lines[0]["verified"], &lines[0]["scheme"]),
        (&Value::Bool(true), &Value::from("rsa"))
    );
    // HighLevel's RSA key is 4096 bits: our 2048-bit signature has the wrong length for it.
    let r = run(&[], &[&only_rsa]);
    assert!(
        single_line(&r)
            .contains("X-WH-Signature decodes to 256 bytes, RSA signatures here are 512 bytes"),
        "{}",
        r.stdout
    );

    // Both present: Ed25519 decides, whatever the RSA header says.
    let both = k.write(
        "both.http",
        &http(
            &[("X-WH-Signature", "bm9pc2U="), ("X-GHL-Signature", &ed_sig)],
            BODY,
        ),
    );
    let r = run(&["--public-key", ed, "--public-key", rsa], &[&both]);
    assert_eq!(single_line(&r), "verified (ed25519)");
    let bad_ed = b64(&[7u8; 64]);
    let both_bad_ed = k.write(
        "both2.http",
        &http(
            &[("X-WH-Signature", &rsa_sig), ("X-GHL-Signature", &bad_ed)],
            BODY,
        ),
    );
    let r = run(&["--public-key", ed, "--public-key", rsa], &[&both_bad_ed]);
    assert_eq!(r.code, 1);
    assert!(
        single_line(&r).starts_with("FAILED (signature does not match the body (ed25519)"),
        "{}",
        r.stdout
    );
}

#[test]
fn n8n_exports() {
    let k = keys();
    let key = k.ed_pem.to_str().unwrap();
    let sig = k.ed_sig(BODY);
    // The raw body kept as a string: verifiable.
    let raw = serde_json::json!([{"headers": {"x-ghl-signature": sig, "host": "x"}, "params": {}, "query": {}, "body": BODY}]);
    let f = k.write("raw.json", &serde_json::to_string_pretty(&raw).unwrap());
    let r = run(&["--public-key", key], &[&f]);
    assert_eq!(single_line(&r), "verified (ed25519)", "{}", r.stdout);
    // The parsed body: not byte for byte, unless re-serialized.
    let parsed = serde_json::json!([{"headers": {"x-ghl-signature": sig}, "params": {}, "query": {}, "body": serde_json::from_str::<Value>(BODY).unwrap()}]);
    let f = k.write(
        "parsed.json",
        &serde_json::to_string_pretty(&parsed).unwrap(),
    );
    let r = run(&["--public-key", key], &[&f]);
    assert_eq!(r.code, 1);
    assert!(
        single_line(&r).starts_with("FAILED (cannot verify byte for byte"),
        "{}",
        r.stdout
    );
    let r = run(&["--public-key", key, "--reserialize"], &[&f]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(single_line(&r), "verified (ed25519, re-serialized body)");
    let r = run(&["--public-key", key, "--reserialize", "-f", "json"], &[&f]);
    let lines = r.records(Output::Verify);
    assert_eq!(
        (&lines[0]["verified"], &lines[0]["reserialized"]),
        (&Value::Bool(true), &Value::Bool(true))
    );
}

#[test]
fn bare_body_with_signature_flag() {
    let k = keys();
    let f = k.write("body.json", BODY);
    let sig = k.ed_sig(BODY);
    let r = run(
        &[
            "--signature",
            &sig,
            "--scheme",
            "ed25519",
            "--public-key",
            k.ed_pem.to_str().unwrap(),
        ],
        &[&f],
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(single_line(&r), "verified (ed25519)");
    let r = run(&[], &[&f]);
    assert!(
        single_line(&r).starts_with("FAILED (no signature: a bare body has no headers"),
        "{}",
        r.stdout
    );
    // --signature needs --scheme.
    assert_eq!(run(&["--signature", &sig], &[&f]).code, 2);
}

#[test]
fn replay_checks() {
    let k = keys();
    let key = k.ed_pem.to_str().unwrap();
    let one = http(&[("X-GHL-Signature", &k.ed_sig(BODY))], BODY);
    let f = k.write("twice.http", &format!("{one}\r\n{one}"));
    let r = run(
        &[
            "--public-key",
            key,
            "--now",
            "2024-05-08T12:00:00Z",
            "--max-age",
            "5m",
        ],
        &[&f],
    );
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].ends_with("verified (ed25519)"), "{}", r.stdout);
    assert!(
        lines[1].contains("FAILED (duplicate delivery: webhookId \"w-1\" was first seen at"),
        "{}",
        r.stdout
    );
    let r = run(
        &[
            "--public-key",
            key,
            "--now",
            "2024-05-08T13:00:00Z",
            "--max-age",
            "5m",
        ],
        &[&f],
    );
    assert!(r.stdout.lines().next().unwrap().contains(
        "FAILED (stale delivery: timestamp 2024-05-08T11:57:43.000Z is 1h 02m 17s old, more than --max-age 5m 00s)"
    ), "{}", r.stdout);
}

#[test]
fn json_format_and_exit_codes() {
    let k = keys();
    let key = k.ed_pem.to_str().unwrap();
    let good = http(&[("X-GHL-Signature", &k.ed_sig(BODY))], BODY);
    let f = k.write("mixed.http", &format!("{good}\r\n{}", http(&[], BODY)));
    let r = run(&["--public-key", key, "--format", "json"], &[&f]);
    assert_eq!(r.code, 1);
    let lines = r.records(Output::Verify);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["kind"], "delivery");
    assert_eq!(lines[0]["verified"], true);
    assert_eq!(lines[0]["scheme"], "ed25519");
    assert_eq!(lines[0]["webhook_id"], "w-1");
    assert_eq!(lines[1]["verified"], false);
    assert!(
        lines[1]["reason"]
            .as_str()
            .unwrap()
            .starts_with("no signature")
    );
    assert_eq!(
        lines[2],
        serde_json::json!({"kind": "summary", "verified": 1, "failed": 1})
    );

    let bad_key = k.write(
        "bad.pem",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
    );
    let r = run(&["--public-key", bad_key.to_str().unwrap()], &[&f]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("not an Ed25519 or RSA public key"),
        "{}",
        r.stderr
    );
    let r = run(&[], &[&path("missing.http")]);
    assert_eq!(r.code, 2);
}

#[test]
fn output_is_identical_whatever_the_jobs() {
    let k = keys();
    let mut capture = String::new();
    for i in 0..3000 {
        // Every 7th is tampered with, every 11th repeats the webhookId of the one before.
        let id = if i % 11 == 0 && i > 0 { i - 1 } else { i };
        let body = BODY.replace("\"w-1\"", &format!("\"w-{id}\""));
        let sig = k.ed_sig(&body);
        let sent = if i % 7 == 0 {
            body.replace("\"hi\"", "\"hi!\"")
        } else {
            body
        };
        capture.push_str(&http(&[("X-GHL-Signature", &sig)], &sent));
    }
    let key = k.ed_pem.to_string_lossy().into_owned();
    let runs: Vec<crate::util::Run> = ["1", "2", "4"]
        .iter()
        .map(|jobs| {
            hlmsg(
                &["verify", "--public-key", &key, "--jobs", jobs, "-"],
                Some(capture.as_bytes()),
            )
        })
        .collect();
    let first = &runs[0];
    assert_eq!(first.code, 1);
    assert!(first.stdout.contains("duplicate delivery"));
    assert!(first.stdout.contains("does not match"));
    assert!(first.stdout.contains(": verified (ed25519)"));
    for r in &runs[1..] {
        assert_eq!(
            (r.code, &r.stdout, &r.stderr),
            (first.code, &first.stdout, &first.stderr)
        );
    }
}

#[test]
fn a_header_of_n_a_is_no_signature() {
    let k = keys();
    let rsa = k.rsa_pem.to_str().unwrap();
    // X-GHL-Signature: N/A, as example handlers treat it: the RSA header decides.
    let f = k.write(
        "na.http",
        &http(
            &[
                ("X-GHL-Signature", "N/A"),
                ("X-WH-Signature", &k.rsa_sig(BODY)),
            ],
            BODY,
        ),
    );
    let r = run(&["--public-key", rsa], &[&f]);
    assert_eq!(single_line(&r), "verified (rsa)", "{}", r.stderr);
    // Both N/A: no signature at all.
    let f = k.write(
        "none.http",
        &http(
            &[("X-GHL-Signature", "N/A"), ("X-WH-Signature", " n/a ")],
            BODY,
        ),
    );
    let r = run(&[], &[&f]);
    assert_eq!(r.code, 1);
    assert!(
        single_line(&r).starts_with("FAILED (no signature"),
        "{}",
        r.stdout
    );
}

#[test]
fn app_id_rejects_other_apps_deliveries_first() {
    let k = keys();
    let ed = k.ed_pem.to_str().unwrap();
    let body = BODY.replace(
        r#""body":"hi""#,
        r#""body":"hi","appId":"6512f0a3c9e1b24d7a8f0c15""#,
    );
    let f = k.write(
        "app.http",
        &http(&[("X-GHL-Signature", &k.ed_sig(&body))], &body),
    );
    // The app id itself, or a client id whose part before the first `-` is it.
    for id in [
        "6512f0a3c9e1b24d7a8f0c15",
        "6512f0a3c9e1b24d7a8f0c15-lq8x2m4p",
    ] {
        let r = run(&["--public-key", ed, "--app-id", id], &[&f]);
        assert_eq!(single_line(&r), "verified (ed25519)", "{id}");
    }
    let r = run(
        &["--public-key", ed, "--app-id", "000000000000000000000000"],
        &[&f],
    );
    assert_eq!(r.code, 1);
    assert!(
        single_line(&r)
            .starts_with(r#"FAILED (another app's delivery: appId "6512f0a3c9e1b24d7a8f0c15""#),
        "{}",
        r.stdout
    );
    // A delivery without appId is not this app's either, even with a valid signature.
    let f = k.write(
        "noapp.http",
        &http(&[("X-GHL-Signature", &k.ed_sig(BODY))], BODY),
    );
    let r = run(
        &["--public-key", ed, "--app-id", "6512f0a3c9e1b24d7a8f0c15"],
        &[&f],
    );
    assert!(single_line(&r).contains("it has no appId"), "{}", r.stdout);
}

#[test]
fn legacy_rsa_alone_after_its_retirement_is_a_warning() {
    let k = keys();
    let rsa = k.rsa_pem.to_str().unwrap();
    let late = BODY.replace("2024-05-08T11:57:43.000Z", "2026-08-02T09:00:00.000Z");
    let f = k.write(
        "late.http",
        &http(&[("X-WH-Signature", &k.rsa_sig(&late))], &late),
    );
    let r = run(&["--public-key", rsa], &[&f]);
    assert_eq!(r.code, 0, "a warning does not fail the delivery");
    let line = single_line(&r);
    assert!(
        line.starts_with("verified (rsa); warning: signed only with the legacy X-WH-Signature"),
        "{line}"
    );
    assert!(line.contains("July 1, 2026"), "{line}");
    let r = run(&["--public-key", rsa, "--format", "json"], &[&f]);
    let records = r.records(Output::Verify);
    assert!(records[0]["warning"].as_str().unwrap().contains("retired"));
    // Before the retirement, or with an Ed25519 signature, no warning.
    let early = k.write(
        "early.http",
        &http(&[("X-WH-Signature", &k.rsa_sig(BODY))], BODY),
    );
    assert_eq!(
        single_line(&run(&["--public-key", rsa], &[&early])),
        "verified (rsa)"
    );
}

#[test]
fn public_keys_as_raw_hex_or_base64_bytes() {
    let k = keys();
    let f = k.write(
        "ok.http",
        &http(&[("X-GHL-Signature", &k.ed_sig(BODY))], BODY),
    );
    let raw = k.ed.verifying_key().to_bytes();
    let hex: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    let raw_file = k.write("key.bin", "");
    std::fs::write(&raw_file, raw).unwrap();
    let hex_file = k.write("key.hex", &format!("{hex}\n"));
    let b64_file = k.write("key.b64", &b64(&raw));
    for key in [
        raw_file.to_str().unwrap(),
        hex_file.to_str().unwrap(),
        b64_file.to_str().unwrap(),
        hex.as_str(),
        &b64(&raw),
    ] {
        let r = run(&["--public-key", key], &[&f]);
        assert_eq!(single_line(&r), "verified (ed25519)", "{key}: {}", r.stderr);
    }
    let r = run(&["--public-key", "no-such-key-file.pem"], &[&f]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no-such-key-file.pem"), "{}", r.stderr);
}

#[test]
fn a_parsed_body_with_a_repeated_key_never_verifies_after_reserializing() {
    let k = keys();
    let key = k.ed_pem.to_str().unwrap();
    // Signed: the body with only the second value; the envelope inserts a first one.
    let signed = r#"{"type":"OutboundMessage","body":"pay 10 USD"}"#;
    let sig = k.ed_sig(signed);
    let envelope = format!(
        r#"{{"headers":{{"x-ghl-signature":"{sig}"}},"body":{{"type":"OutboundMessage","body":"pay 99 USD","body":"pay 10 USD"}}}}"#
    );
    let f = k.write("duplicate.json", &envelope);
    let r = run(&["--public-key", key, "--reserialize"], &[&f]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let line = single_line(&r);
    assert!(
        line.starts_with("FAILED (cannot re-serialize: key \"body\" appears twice"),
        "{line}"
    );
}

/// A large parsed body is re-serialized through its bytes: the same compact form, number
/// spellings and escapes normalized as for a small one.
#[test]
fn a_large_parsed_body_reserializes_to_the_signed_form() {
    let k = keys();
    let key = k.ed_pem.to_str().unwrap();
    let urls: Vec<String> = (0..40_000)
        .map(|i| format!(r"https://cdn.example.com/f/\u00e9{i}\/x.pdf"))
        .collect();
    let body = format!(
        r#"{{"type":"OutboundMessage","messageType":"Email","n":1.50,"e":1E2,"attachments":["{}"],"meta":{{"k":[-0,"\u0041"]}}}}"#,
        urls.join("\",\"")
    );
    assert!(body.len() > 1 << 20);
    let signed = serde_json::to_string(&serde_json::from_str::<Value>(&body).unwrap()).unwrap();
    let envelope = format!(
        r#"{{"headers":{{"x-ghl-signature":"{}"}},"body":{body}}}"#,
        k.ed_sig(&signed)
    );
    let f = k.write("large.json", &envelope);
    let r = run(&["--public-key", key, "--reserialize"], &[&f]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(single_line(&r), "verified (ed25519, re-serialized body)");
    // One character changed anywhere in the body fails.
    let f = k.write("changed.json", &envelope.replacen("1.50", "1.51", 1));
    assert_eq!(run(&["--public-key", key, "--reserialize"], &[&f]).code, 1);
}

#[test]
fn a_signature_header_given_twice_never_verifies() {
    let k = keys();
    let good = k.ed_sig(BODY);
    let key = k.ed_pem.to_str().unwrap();
    // Whichever comes first, a valid one next to another is not trusted.
    for headers in [
        [
            ("X-GHL-Signature", good.as_str()),
            ("x-ghl-signature", "AAAA"),
        ],
        [
            ("X-GHL-Signature", "AAAA"),
            ("X-GHL-Signature", good.as_str()),
        ],
    ] {
        let f = k.write("twice.http", &http(&headers, BODY));
        let r = run(&["--public-key", key], &[&f]);
        assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
        assert!(
            single_line(&r).contains("has 2 X-GHL-Signature headers"),
            "{}",
            r.stdout
        );
    }
    // One header of each scheme is not a repeat.
    let f = k.write(
        "both.http",
        &http(
            &[
                ("X-GHL-Signature", good.as_str()),
                ("X-WH-Signature", "AAAA"),
            ],
            BODY,
        ),
    );
    let r = run(&["--public-key", key], &[&f]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

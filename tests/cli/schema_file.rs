//! `--schema FILE` on `diff --schema` and `validate`: a capture given as the schema is refused
//! with the command to run instead, a misspelled bundled name gets a suggestion, and a remote
//! `$ref` says that hlmsg never fetches.

use crate::util::hlmsg;

const CALLS: &str = "tests/fixtures/drift/calls.ndjson";

/// Writes `text` to `name` in a fresh folder; gives the folder (kept alive) and the path.
fn file(name: &str, text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    (dir, path.to_string_lossy().into_owned())
}

#[test]
fn a_capture_given_as_the_schema_is_refused_with_the_command_to_run() {
    let r = hlmsg(&["diff", "--schema", CALLS, "samples/sms.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        format!(
            "hlmsg: error: {CALLS} looks like a capture of payloads, not a JSON Schema: it holds \
             several JSON values one after another (NDJSON), as a capture does; to check it as \
             payloads against the bundled schemas: hlmsg diff --schema=auto {CALLS} \
             samples/sms.json\n"
        )
    );
    // README.md quotes it.
    let readme = std::fs::read_to_string(crate::util::path("README.md")).unwrap();
    assert!(readme.contains(&format!(
        "$ hlmsg diff --schema {CALLS} samples/sms.json\n{}",
        r.stderr
    )));
    // The command it suggests works.
    let r = hlmsg(&["diff", "--schema=auto", CALLS, "samples/sms.json"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("5 payloads"), "{}", r.stdout);
    // One payload, as a file of its own.
    let r = hlmsg(
        &["diff", "--schema", "samples/sms.json", "samples/email.json"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("its \"type\" is \"OutboundMessage\", a payload's event"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("hlmsg diff --schema=auto samples/sms.json samples/email.json")
    );
    // A payload whose type is not a string, and an array of payloads.
    let (_d, fields) = file(
        "p.json",
        r#"{"locationId":"l","messageType":"SMS","type":7}"#,
    );
    let r = hlmsg(&["diff", "--schema", &fields, "samples/sms.json"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("it has \"messageType\" and \"locationId\""),
        "{}",
        r.stderr
    );
    let (_d, array) = file("a b.json", r#"[{"type":"OutboundMessage"}]"#);
    let r = hlmsg(&["diff", "--schema", &array, "samples/sms.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("an array of objects"), "{}", r.stderr);
    // A path with a space is quoted in the command.
    assert!(
        r.stderr
            .contains(&format!("--schema=auto '{array}' samples/sms.json")),
        "{}",
        r.stderr
    );
}

#[test]
fn validate_refuses_a_capture_as_its_schema_too() {
    let r = hlmsg(&["validate", "--schema", CALLS, "samples/sms.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr.contains(&format!(
            "to check it as payloads against the bundled schemas: hlmsg validate {CALLS} samples/sms.json"
        )),
        "{}",
        r.stderr
    );
    // A real schema file is still a schema.
    let (_d, schema) = file(
        "s.json",
        r#"{"type":"object","required":["messageType"],"properties":{"messageType":{"type":"string"}}}"#,
    );
    let r = hlmsg(&["validate", "--schema", &schema, "samples/sms.json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = hlmsg(&["diff", "--schema", &schema, "samples/sms.json"], None);
    assert!(r.code <= 1, "{}", r.stderr);
}

#[test]
fn a_misspelled_bundled_name_gets_the_right_one() {
    for (args, name, want) in [
        (
            &["diff", "--schema", "mesage", "samples/sms.json"][..],
            "mesage",
            "message",
        ),
        (
            &["diff", "--schema", "inbund", "samples/sms.json"],
            "inbund",
            "inbound",
        ),
        (
            &["validate", "--schema", "mesage", "samples/sms.json"],
            "mesage",
            "message",
        ),
        (
            &["validate", "--schema", "Email", "samples/sms.json"],
            "Email",
            "email",
        ),
        // With no path after it, the name is still not taken for a path to read.
        (&["diff", "--schema", "inbund"], "inbund", "inbound"),
    ] {
        let r = hlmsg(args, Some(b"{}"));
        assert_eq!(r.code, 2, "{args:?}");
        assert_eq!(
            r.stderr,
            format!(
                "hlmsg: error: no bundled schema is named \"{name}\" and no file either: did you \
                 mean {want}?\n"
            ),
            "{args:?}"
        );
    }
    // A missing file that is no misspelling is a missing file.
    let r = hlmsg(
        &["validate", "--schema", "zebra.json", "samples/sms.json"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("cannot read schema zebra.json: no such file"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_remote_ref_speaks_of_the_schema() {
    let (_d, schema) = file("remote.json", r#"{"$ref": "https://example.com/x.json"}"#);
    for command in ["validate", "diff"] {
        let r = hlmsg(&[command, "--schema", &schema, "samples/sms.json"], None);
        assert_eq!(r.code, 2, "{command}");
        assert_eq!(
            r.stderr,
            format!(
                "hlmsg: error: schema {schema} refers to a remote schema at \
                 https://example.com/x.json; hlmsg never fetches: bundle it or use a local file\n"
            ),
            "{command}"
        );
        assert!(!r.stderr.contains("resolve-http"));
    }
}

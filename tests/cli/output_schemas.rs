//! The schemas of the machine output (`schemas/output/`): each is a valid draft 2020-12 schema
//! that can reject a record, and every subcommand's `--format json` output over every sample and
//! fixture fits its schema.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde_json::{Value, json};

use crate::util::{
    Output, compile_output_schema, hlmsg, hlmsg_paths, output_schema_document, path, records,
    samples, schema_errors,
};

const DRAFT_2020_12: &str = "https://json-schema.org/draft/2020-12/schema";

/// Every file of `schemas/output/`, sorted.
fn schema_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(path("schemas/output"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn the_folder_holds_one_schema_per_output_and_the_shared_definitions() {
    let mut expected: Vec<String> = Output::ALL.iter().map(|o| o.file().to_string()).collect();
    expected.push("common.schema.json".to_string());
    expected.sort();
    assert_eq!(schema_files(), expected);
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema_with_an_id_title_and_description() {
    for file in schema_files() {
        let doc = output_schema_document(&file);
        assert_eq!(doc["$schema"], DRAFT_2020_12, "{file}");
        assert_eq!(
            doc["$id"],
            format!("https://hlmsg.dev/schemas/output/{file}"),
            "{file}"
        );
        for key in ["title", "description"] {
            assert!(
                doc[key].as_str().is_some_and(|s| !s.is_empty()),
                "{file}: no {key}"
            );
        }
        if let Err(e) = jsonschema::meta::validate(&doc) {
            panic!("{file} is not a valid schema: {e} at {}", e.instance_path());
        }
        // It compiles, references to the other files included.
        compile_output_schema(&doc).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
}

/// Walks the definitions of a schema: every member of a `properties` must carry a
/// `description`. Constraint-only subschemas (`allOf`, `if`, `then`, ...) that refine properties
/// described elsewhere are not walked.
fn undescribed(schema: &Value, at: &str, out: &mut Vec<String>) {
    let Some(map) = schema.as_object() else {
        return;
    };
    if let Some(props) = map.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            let here = format!("{at}/properties/{name}");
            if prop["description"].as_str().is_none_or(str::is_empty) {
                out.push(here.clone());
            }
            undescribed(prop, &here, out);
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(sub) = map.get(key) {
            undescribed(sub, &format!("{at}/{key}"), out);
        }
    }
    if let Some(defs) = map.get("$defs").and_then(Value::as_object) {
        for (name, def) in defs {
            undescribed(def, &format!("{at}/$defs/{name}"), out);
        }
    }
}

#[test]
fn every_property_and_record_is_described() {
    for file in schema_files() {
        let doc = output_schema_document(&file);
        let mut missing = Vec::new();
        undescribed(&doc, "#", &mut missing);
        assert!(missing.is_empty(), "{file}: no description at {missing:?}");
        for (name, def) in doc["$defs"].as_object().into_iter().flatten() {
            assert!(
                def["description"].as_str().is_some_and(|d| !d.is_empty()),
                "{file}: $defs/{name} has no description"
            );
        }
    }
}

/// Valid records of each output, one or more per kind: the schema accepts them, and rejects them
/// once broken.
fn examples(output: Output) -> Vec<Value> {
    match output {
        Output::Validate => vec![
            json!({"kind": "payload", "source": "samples/sms.json", "line": 1, "column": 1, "index": 0, "event": "OutboundMessage", "valid": true, "skipped": false, "schema": "message", "diagnostics": [{"severity": "warning", "rule": "direction-not-outbound", "pointer": "/direction", "line": 10, "column": 16, "message": "expected \"outbound\" for an OutboundMessage, found \"inbound\""}]}),
            json!({"kind": "payload", "source": "<stdin>", "line": 6, "column": 1, "index": 3, "event": null, "valid": false, "skipped": false, "schema": null, "diagnostics": [{"severity": "error", "rule": "json", "pointer": null, "line": 6, "column": 43, "message": "truncated payload: the input ends where a value was expected"}]}),
            json!({"kind": "error", "source": "nope.json", "message": "no such file or directory"}),
            json!({"kind": "payload", "source": "day.ndjson", "line": 4, "column": 1, "index": 3, "event": "ContactCreate", "valid": true, "skipped": true, "schema": null, "diagnostics": [{"severity": "note", "rule": "other-event", "pointer": "/type", "line": 4, "column": 9, "message": "ContactCreate is another HighLevel event, not a message: skipped, not checked against the message schemas"}]}),
            json!({"kind": "statistics", "rules": [{"rule": "required", "severity": "error", "findings": 5, "payloads": 5, "first": {"source": "log.ndjson", "line": 4, "column": 1}}, {"rule": "unknown-field", "severity": "note", "findings": 50, "payloads": 50, "first": {"source": "log.ndjson", "line": 1, "column": 872}}]}),
            json!({"kind": "summary", "passed": 2, "failed": 1, "skipped": 1, "warnings": 1, "notes": 0}),
        ],
        Output::Classify => vec![
            json!({"kind": "payload", "source": "samples/call-voicemail.json", "line": 1, "column": 1, "index": 0, "event": "OutboundMessage", "channel": "Call", "channel_kind": null, "raw": "TYPE_CALL", "decided_by": "messageTypeString", "outcome": "voicemail", "duration": 23.0, "conflicts": []}),
            json!({"kind": "payload", "source": "<stdin>", "line": 1, "column": 1, "index": 0, "event": null, "channel": "Email", "channel_kind": "campaign", "raw": "TYPE_CAMPAIGN_EMAIL", "decided_by": "messageTypeString", "outcome": null, "duration": null, "conflicts": [{"rule": "call-fields-on-non-call", "field": "callDuration", "message": "callDuration on a payload classified as Email: only calls and voicemails carry it"}]}),
            json!({"kind": "unreadable", "source": "bad.json", "line": 6, "column": 43, "index": 0, "message": "truncated payload: the input ends where a value was expected"}),
            json!({"kind": "payload", "source": "day.ndjson", "line": 3, "column": 1, "index": 2, "event": "ContactCreate", "channel": null, "channel_kind": null, "raw": null, "decided_by": null, "outcome": null, "duration": null, "conflicts": []}),
            json!({"kind": "summary", "total": 3, "channels": {"Call": 1, "Email": 1}, "calls": {"answered": 0, "busy": 0, "canceled": 0, "failed": 0, "no answer": 0, "pending": 0, "unknown": 0, "voicemail": 1}, "events": {"ContactCreate": 1, "OutboundMessage": 1}, "unreadable": 1}),
            json!({"kind": "summary", "total": 0, "channels": {}, "calls": {}, "events": {}, "unreadable": 0}),
        ],
        Output::Show => vec![
            json!({"type": "OutboundMessage", "messageType": "SMS"}),
            json!({}),
        ],
        Output::Diff => vec![
            json!({"kind": "difference", "op": "changed", "pointer": "/callDuration", "left": 120, "right": "120"}),
            json!({"kind": "difference", "op": "added", "pointer": "/meta/t~0x/3", "right": null}),
            json!({"kind": "difference", "op": "removed", "pointer": "/status", "left": "sent", "message_id": "b", "position": null, "left_origin": {"source": "l.ndjson", "line": 2, "column": 1, "index": 1}, "right_origin": {"source": "r.json", "line": 2, "column": 3, "index": 0}}),
            json!({"kind": "only_in_left", "message_id": null, "position": 2, "origin": {"source": "l.ndjson", "line": 3, "column": 1, "index": 2}}),
            json!({"kind": "only_in_right", "message_id": "d", "position": null, "origin": {"source": "r.json", "line": 4, "column": 3, "index": 2}}),
            json!({"kind": "error", "source": "<stdin>", "line": 1, "column": 6, "message": "truncated payload: the input ends where a value was expected"}),
            json!({"kind": "summary", "differences": 10}),
            json!({"kind": "summary", "differences": 2, "same": 1, "changed": 2, "only_in_left": 1, "only_in_right": 1}),
        ],
        Output::DiffSchema => vec![
            json!({"kind": "field", "schema": "message", "pointer": "/attachments/*", "declared": true, "required": false, "allowed": ["string"], "payloads": 1, "seen": 0, "types": {}, "missing": 0, "status": "never_seen"}),
            json!({"kind": "field", "schema": "message", "channel": "Call", "pointer": "/a~1b~0c", "declared": false, "required": false, "allowed": null, "payloads": 2, "seen": 1, "types": {"integer": 1}, "missing": 0, "status": "extra", "first": {"source": "day.ndjson", "line": 2, "column": 17, "index": 1}}),
            json!({"kind": "field", "schema": "message", "pointer": "/callDuration", "declared": true, "required": false, "allowed": ["number"], "payloads": 3, "seen": 3, "types": {"integer": 1, "string": 2}, "missing": 0, "status": "type_drift", "first": {"source": "<stdin>", "line": 1, "column": 90, "index": 0}, "examples": [{"source": "<stdin>", "line": 1, "column": 90, "index": 0}, {"source": "<stdin>", "line": 3, "column": 88, "index": 2}]}),
            json!({"kind": "error", "source": "nope.json", "message": "no such file or directory"}),
            json!({"kind": "summary", "payloads": 1, "schemas": {"message": 1}, "channels": {"Call": 1}, "ok": 14, "extra": 0, "never_seen": 17, "type_drift": 0, "missing": 0, "untracked_extra_payloads": 0, "unreadable": 1, "fits": true}),
        ],
        Output::Verify => vec![
            json!({"kind": "delivery", "source": "capture.http", "line": 7, "column": 1, "index": 0, "event": "OutboundMessage", "verified": true, "scheme": "ed25519", "reserialized": false, "reason": null, "warning": null, "webhook_id": "w-1"}),
            json!({"kind": "delivery", "source": "capture.http", "line": 14, "column": 1, "index": 1, "event": "InboundMessage", "verified": true, "scheme": "rsa", "reserialized": false, "reason": null, "warning": "signed only with the legacy X-WH-Signature (RSA), which HighLevel retired on July 1, 2026, yet dated 2026-08-02T09:00:00.000Z (timestamp): expect an X-GHL-Signature (Ed25519)", "webhook_id": "w-2"}),
            json!({"kind": "delivery", "source": "capture.http", "line": 20, "column": 1, "index": 1, "event": null, "verified": false, "scheme": "rsa", "reserialized": true, "reason": "duplicate delivery: webhookId \"w-1\" was first seen at capture.http:7:1", "warning": null, "webhook_id": "w-1"}),
            json!({"kind": "summary", "verified": 1, "failed": 1}),
        ],
        Output::Listen => vec![
            json!({"kind": "delivery", "source": "<listen #1>", "line": 7, "column": 1, "index": 0, "received_at": "2026-12-03T10:12:17Z", "method": "POST", "path": "/hook", "headers": {"host": "127.0.0.1:8080", "x-ghl-signature": "c2ln"}, "event": "OutboundMessage", "channel": "SMS", "valid": true, "skipped": false, "schema": "message", "diagnostics": [], "verified": false, "scheme": null, "reason": "wrong signature length", "warning": null, "webhook_id": null, "handler_status": 201, "handler_ms": 3.5, "handler_error": null}),
        ],
        Output::Send => vec![
            json!({"kind": "sent", "index": 0, "label": "capture.http:7:1", "status": 200, "error": null, "latency_ms": 1.2}),
            json!({"kind": "sent", "index": 1, "label": "http://127.0.0.1:9/", "status": null, "error": "connection refused", "latency_ms": 0.3}),
            json!({"kind": "summary", "sent": 2, "by_status": {"200": 1}, "errors": {"connection refused": 1}, "seconds": 0.01, "p50_ms": 0.3, "p90_ms": 1.2, "p99_ms": 1.2, "max_ms": 1.2}),
        ],
    }
}

/// The `required` list of the definition of the records of `kind` (in the schema, or the shared
/// error record).
fn required_of(output: Output, kind: &str) -> Vec<String> {
    let common = output_schema_document("common.schema.json");
    let doc = output.schema();
    let defs = doc["$defs"]
        .as_object()
        .unwrap()
        .values()
        .chain([&common["$defs"]["error"]]);
    for def in defs {
        if def["properties"]["kind"]["const"] == kind {
            return def["required"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect();
        }
    }
    panic!("{}: no definition for kind {kind}", output.file())
}

fn rejects(output: Output, record: &Value, why: &str) {
    assert!(
        schema_errors(output.validator(), record).is_some(),
        "{} accepts {why}: {record}",
        output.file()
    );
}

#[test]
fn every_schema_accepts_its_examples_and_rejects_broken_records() {
    for output in Output::ALL {
        let validator = output.validator();
        let kinds: BTreeSet<String> = examples(output)
            .iter()
            .filter_map(|e| e["kind"].as_str().map(str::to_string))
            .collect();
        if output != Output::Show {
            // The examples cover every kind the schema names.
            let declared: BTreeSet<String> = output.schema()["properties"]["kind"]["enum"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| k.as_str().unwrap().to_string())
                .collect();
            assert_eq!(kinds, declared, "{}", output.file());
        }
        for example in examples(output) {
            if let Some(errors) = schema_errors(validator, &example) {
                panic!("{} rejects {example}:\n{errors}", output.file());
            }
            if output == Output::Show {
                continue;
            }
            let kind = example["kind"].as_str().unwrap();
            let mut unknown = example.clone();
            unknown["kind"] = json!("no_such_kind");
            rejects(output, &unknown, "an unknown kind");
            let mut no_kind = example.clone();
            no_kind.as_object_mut().unwrap().remove("kind");
            rejects(output, &no_kind, "a record without a kind");
            let mut extra = example.clone();
            extra["unexpected"] = json!(1);
            rejects(output, &extra, "an unknown field");
            for field in required_of(output, kind) {
                let mut missing = example.clone();
                missing.as_object_mut().unwrap().remove(&field);
                rejects(
                    output,
                    &missing,
                    &format!("a {kind} record without {field}"),
                );
            }
        }
    }
    // `show` prints payloads: JSON objects, nothing else.
    for not_an_object in [json!([]), json!("text"), json!(1), json!(null)] {
        rejects(
            Output::Show,
            &not_an_object,
            "a value that is not an object",
        );
    }
}

#[test]
fn schemas_reject_records_that_break_the_documented_rules() {
    let cases: Vec<(Output, Value, &str)> = vec![
        (
            Output::DiffSchema,
            json!({"kind": "field", "schema": "message", "pointer": "/type", "declared": true, "required": true, "allowed": ["string"], "payloads": 1, "seen": 1, "types": {"string": 1}, "missing": 0, "status": "ok", "first": {"source": "a.json", "line": 1, "column": 9, "index": 0}}),
            "an ok field with a first place",
        ),
        (
            Output::DiffSchema,
            json!({"kind": "field", "schema": "message", "pointer": "/x", "declared": false, "required": false, "allowed": null, "payloads": 1, "seen": 1, "types": {"string": 1}, "missing": 0, "status": "extra"}),
            "an extra field without its first place",
        ),
        (
            Output::DiffSchema,
            json!({"kind": "field", "schema": "message", "pointer": "/x", "declared": false, "required": false, "allowed": null, "payloads": 6, "seen": 6, "types": {"string": 6}, "missing": 0, "status": "extra", "first": {"source": "a", "line": 1, "column": 1, "index": 0}, "examples": [{"source": "a", "line": 1, "column": 1, "index": 0}, {"source": "a", "line": 2, "column": 1, "index": 1}, {"source": "a", "line": 3, "column": 1, "index": 2}, {"source": "a", "line": 4, "column": 1, "index": 3}, {"source": "a", "line": 5, "column": 1, "index": 4}, {"source": "a", "line": 6, "column": 1, "index": 5}]}),
            "more than five examples",
        ),
        (
            Output::Validate,
            json!({"kind": "error", "source": "x.json", "line": null, "column": null, "message": "m"}),
            "an error with null line and column (they are left out instead)",
        ),
        (
            Output::Diff,
            json!({"kind": "error", "source": "x.json", "line": 3, "message": "m"}),
            "an error with a line but no column",
        ),
        (
            Output::Validate,
            json!({"kind": "payload", "source": "a", "line": 0, "column": 1, "index": 0, "valid": true, "schema": "message", "diagnostics": []}),
            "a line 0 (lines are 1-based)",
        ),
        (
            Output::Validate,
            json!({"kind": "summary", "passed": 1.5, "failed": 0, "warnings": 0}),
            "a count that is not an integer",
        ),
        (
            Output::Classify,
            json!({"kind": "payload", "source": "a", "line": 1, "column": 1, "index": 0, "channel": "SMS", "raw": "SMS", "decided_by": "messageType", "outcome": "answered", "duration": null, "conflicts": []}),
            "an outcome on a payload that is not a call",
        ),
        (
            Output::Classify,
            json!({"kind": "payload", "source": "a", "line": 1, "column": 1, "index": 0, "channel": "Pigeon", "raw": "Pigeon", "decided_by": "messageType", "outcome": null, "duration": null, "conflicts": []}),
            "a channel name hlmsg never prints",
        ),
        (
            Output::Classify,
            json!({"kind": "summary", "total": 1, "channels": {"Call": 1}, "calls": {"answered": 1}, "unreadable": 0}),
            "call outcomes without all three keys",
        ),
        (
            Output::Diff,
            json!({"kind": "difference", "op": "added", "pointer": "/a", "left": 1, "right": 2}),
            "an added place with a LEFT value",
        ),
        (
            Output::Diff,
            json!({"kind": "difference", "op": "changed", "pointer": "/a", "left": 1}),
            "a changed place without a RIGHT value",
        ),
        (
            Output::Diff,
            json!({"kind": "difference", "op": "changed", "pointer": "/a", "left": 1, "right": 2, "message_id": "m", "position": null}),
            "a capture difference without origins",
        ),
        (
            Output::Diff,
            json!({"kind": "only_in_left", "message_id": "m", "position": 1, "origin": {"source": "a", "line": 1, "column": 1, "index": 0}}),
            "a payload paired both by messageId and by position",
        ),
        (
            Output::Diff,
            json!({"kind": "difference", "op": "changed", "pointer": "a", "left": 1, "right": 2}),
            "a pointer that does not start with /",
        ),
        (
            Output::Diff,
            json!({"kind": "summary", "differences": 1, "same": 0}),
            "a capture summary without all its counts",
        ),
        (
            Output::DiffSchema,
            json!({"kind": "field", "schema": "message", "pointer": "/x", "declared": false, "required": false, "allowed": null, "payloads": 1, "seen": 1, "types": {"integer": 1}, "missing": 0, "status": "ok"}),
            "an undeclared place that is not extra",
        ),
        (
            Output::DiffSchema,
            json!({"kind": "field", "schema": "message", "pointer": "/x", "declared": true, "required": false, "allowed": ["text"], "payloads": 1, "seen": 1, "types": {"string": 1}, "missing": 0, "status": "ok"}),
            "a JSON type name that does not exist",
        ),
        (
            Output::Verify,
            json!({"kind": "delivery", "source": "a", "line": 1, "column": 1, "index": 0, "event": "OutboundMessage", "verified": true, "scheme": "ed25519", "reserialized": false, "reason": "stale", "webhook_id": null}),
            "a verified delivery with a reason",
        ),
        (
            Output::Verify,
            json!({"kind": "delivery", "source": "a", "line": 1, "column": 1, "index": 0, "verified": false, "scheme": null, "reserialized": false, "reason": null, "webhook_id": null}),
            "a failed delivery without a reason",
        ),
    ];
    for (output, record, why) in cases {
        rejects(output, &record, why);
    }
}

/// Every payload file: the samples and every fixture, sorted.
fn inputs() -> Vec<PathBuf> {
    let mut all = samples();
    for entry in walkdir::WalkDir::new(path("tests/fixtures")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            all.push(entry.into_path());
        }
    }
    all.sort();
    all
}

/// The `kind`s seen per output over many runs, to check that every record kind was exercised.
#[derive(Default)]
struct Seen(BTreeMap<&'static str, BTreeSet<String>>);

impl Seen {
    fn add(&mut self, output: Output, args: &[&str], paths: &[&std::path::Path]) {
        let r = hlmsg_paths(args, paths);
        assert!(
            matches!(r.code, 0..=2) && !r.stderr.contains("panicked"),
            "{args:?}: exit {}\n{}",
            r.code,
            r.stderr
        );
        for record in records(output, &r.stdout) {
            let kind = match output {
                Output::Show => "(payload)".to_string(),
                _ => record["kind"].as_str().unwrap().to_string(),
            };
            self.0.entry(output.file()).or_default().insert(kind);
        }
    }
}

#[test]
fn every_subcommand_output_over_every_sample_and_fixture_fits_its_schema() {
    let inputs = inputs();
    assert!(inputs.len() > 80, "{} inputs", inputs.len());
    let mut all: Vec<&std::path::Path> = inputs.iter().map(PathBuf::as_path).collect();
    let missing = path("no/such/file.json");
    all.push(&missing);
    let mut seen = Seen::default();

    // Every input at once.
    seen.add(Output::Validate, &["validate", "-f", "json"], &all);
    seen.add(
        Output::Validate,
        &["validate", "-f", "json", "--statistics"],
        &all,
    );
    seen.add(
        Output::Validate,
        &["validate", "-f", "json", "--strict"],
        &all,
    );
    seen.add(Output::Classify, &["classify", "-f", "json"], &all);
    seen.add(
        Output::Classify,
        &["classify", "-f", "json", "--summary"],
        &all,
    );
    seen.add(Output::Show, &["show", "-f", "json"], &all);
    // A number too large for a 64-bit float fails `show --format compact` as it fails
    // `validate` and `show --format json`: one rule everywhere.
    let too_large = path("tests/fixtures/hostile/long-number.json");
    let r = hlmsg_paths(&["show", "-f", "compact"], &[&too_large]);
    assert_eq!(r.stdout.lines().count(), 0, "{}", r.stdout);
    assert!(r.stderr.contains("number out of range"), "{}", r.stderr);
    let compact: Vec<&std::path::Path> = all.iter().copied().filter(|p| *p != too_large).collect();
    seen.add(Output::Show, &["show", "-f", "compact"], &compact);
    seen.add(Output::Show, &["show", "-f", "compact", "--redact"], &all);
    seen.add(
        Output::DiffSchema,
        &["diff", "--schema", "-f", "json"],
        &all,
    );
    seen.add(
        Output::DiffSchema,
        &["diff", "--schema", "-f", "json", "--by-channel"],
        &all,
    );
    seen.add(Output::Verify, &["verify", "-f", "json"], &all);

    // Each input on its own (one payload gets the per-payload view), and against a sample and a
    // capture.
    let sms = path("samples/sms.json");
    let monday = path("tests/fixtures/diff/monday.ndjson");
    for input in &inputs {
        let input = input.as_path();
        seen.add(
            Output::DiffSchema,
            &["diff", "--schema", "-f", "json"],
            &[input],
        );
        seen.add(Output::Diff, &["diff", "-f", "json"], &[input, &sms]);
        seen.add(Output::Diff, &["diff", "-f", "json"], &[&monday, input]);
    }
    // Folders, each side a capture.
    seen.add(
        Output::Diff,
        &["diff", "-f", "json"],
        &[&path("samples"), &path("tests/fixtures/diff")],
    );
    seen.add(
        Output::Diff,
        &["diff", "-f", "json", "--by-position"],
        &[&path("tests/fixtures/bad"), &path("tests/fixtures/hostile")],
    );

    // Every kind of record of every output showed up at least once (listen's and send's need a
    // server: their tests check them, in listen.rs).
    for output in Output::ALL
        .into_iter()
        .filter(|o| !matches!(o, Output::Listen | Output::Send))
    {
        let kinds = seen.0.get(output.file()).cloned().unwrap_or_default();
        let expected: BTreeSet<String> = match output {
            Output::Show => BTreeSet::from(["(payload)".to_string()]),
            _ => output.schema()["properties"]["kind"]["enum"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| k.as_str().unwrap().to_string())
                .collect(),
        };
        assert_eq!(kinds, expected, "{}", output.file());
    }

    // Standard input too.
    let r = hlmsg(&["validate", "-f", "json"], Some(b"{\"a\":1}\n[1,\n"));
    records(Output::Validate, &r.stdout);
}

#[test]
fn a_record_that_does_not_fit_fails_naming_the_record_the_schema_and_the_error() {
    let stdout = "{\"kind\":\"summary\",\"passed\":1,\"failed\":0,\"skipped\":0,\"warnings\":0,\"notes\":0}\n\
                  {\"kind\":\"summary\",\"passed\":1,\"failed\":\"none\",\"skipped\":0,\"warnings\":0,\"notes\":0}\n";
    let panic = std::panic::catch_unwind(|| records(Output::Validate, stdout)).unwrap_err();
    let message = panic.downcast_ref::<String>().cloned().unwrap_or_default();
    for part in [
        "record 2 does not fit schemas/output/validate.schema.json",
        "/failed",
        "\"none\" is not of type \"integer\"",
        "record: {\"kind\":\"summary\",\"passed\":1,\"failed\":\"none\",\"skipped\":0,\"warnings\":0,\"notes\":0}",
    ] {
        assert!(message.contains(part), "{part:?} not in:\n{message}");
    }
    // Output that is not JSON Lines fails too.
    assert!(
        std::panic::catch_unwind(|| records(Output::Diff, "{\"kind\":\n\"summary\"}\n")).is_err()
    );
}

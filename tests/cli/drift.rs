//! `hlmsg diff --schema`: payloads against the shape of the bundled schemas (issue 9).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};

use crate::util::{Output, hlmsg, ints, records, sample_values, write_ndjson};

/// The records of a `diff --schema --format json` run, each checked against its schema, with the
/// field records indexed for lookups.
struct Report {
    /// (channel, schema, pointer) -> field record.
    fields: BTreeMap<(Option<String>, String, String), Value>,
    summary: Value,
    errors: Vec<Value>,
}

impl Report {
    fn get(&self, schema: &str, pointer: &str) -> &Value {
        self.fields
            .get(&(None, schema.to_string(), pointer.to_string()))
            .unwrap_or_else(|| panic!("no row for {schema} {pointer}"))
    }
}

fn parse(stdout: &str) -> Report {
    let mut fields = BTreeMap::new();
    let mut summary = None;
    let mut errors = Vec::new();
    for record in records(Output::DiffSchema, stdout) {
        match record["kind"].as_str().unwrap() {
            "field" => {
                let text = |k: &str| record[k].as_str().unwrap().to_string();
                let channel = record
                    .get("channel")
                    .map(|c| c.as_str().unwrap().to_string());
                let key = (channel, text("schema"), text("pointer"));
                assert!(
                    fields.insert(key.clone(), record).is_none(),
                    "{key:?} twice"
                );
            }
            "summary" => {
                assert!(summary.is_none(), "two summaries");
                summary = Some(record);
            }
            _ => errors.push(record),
        }
    }
    Report {
        fields,
        summary: summary.expect("a summary line"),
        errors,
    }
}

/// The JSON object of `pairs`, to compare with a record's `types`, `schemas` or `channels`.
fn counts<const N: usize>(pairs: [(&str, u64); N]) -> Value {
    pairs
        .into_iter()
        .map(|(k, n)| (k.to_string(), Value::from(n)))
        .collect::<Map<String, Value>>()
        .into()
}

fn schema_of(payload: &Map<String, Value>) -> &'static str {
    if hlmsg::classify::classify(payload).is_email() {
        "email"
    } else {
        "message"
    }
}

fn schema_json(name: &str) -> Value {
    let text = match name {
        "message" => hlmsg::validate::schema::MESSAGE_SCHEMA,
        _ => hlmsg::validate::schema::EMAIL_SCHEMA,
    };
    serde_json::from_str(text).unwrap()
}

/// The samples, compact, cycled to `n` payloads with unique messageIds; `edit` changes payload i.
fn capture(n: usize, mut edit: impl FnMut(usize, &mut Map<String, Value>)) -> Vec<Value> {
    let samples = sample_values();
    (0..n)
        .map(|i| {
            let mut p = samples[i % samples.len()].1.clone();
            p.insert("messageId".into(), json!(format!("drift-{i}")));
            edit(i, &mut p);
            Value::Object(p)
        })
        .collect()
}

/// How many payloads of `payloads` each schema checks.
fn per_schema(
    payloads: &[Value],
    keep: impl Fn(&Map<String, Value>) -> bool,
) -> BTreeMap<&'static str, u64> {
    let mut out = BTreeMap::new();
    for p in payloads {
        let m = p.as_object().unwrap();
        if keep(m) {
            *out.entry(schema_of(m)).or_insert(0) += 1;
        }
    }
    out
}

// ---- the samples ----

#[test]
fn samples_report_lists_every_field_and_every_declared_property() {
    let r = hlmsg(
        &[
            "diff", "--schema", "samples/", "--event", "outbound", "--format", "json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let report = parse(&r.stdout);
    assert!(report.errors.is_empty());

    // What the samples carry, per schema: pointer -> payloads.
    let mut carried: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
    let mut payloads: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, p) in sample_values() {
        let schema = schema_of(&p);
        *payloads.entry(schema).or_insert(0) += 1;
        let seen = carried.entry(schema).or_default();
        for (k, v) in &p {
            *seen.entry(format!("/{k}")).or_insert(0) += 1;
            if v.as_array().is_some_and(|a| !a.is_empty()) {
                *seen.entry(format!("/{k}/*")).or_insert(0) += 1;
            }
        }
    }
    for (schema, seen) in &carried {
        let declared = schema_json(schema);
        let props = declared["properties"].as_object().unwrap();
        let required: BTreeSet<&str> = declared["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for (pointer, n) in seen {
            let row = report.get(schema, pointer);
            assert_eq!(row["seen"], *n, "{schema} {pointer}");
            assert_eq!(row["payloads"], payloads[schema]);
            let key = pointer.trim_start_matches('/').split('/').next().unwrap();
            let status = if props.contains_key(key) {
                "ok"
            } else {
                "extra"
            };
            assert_eq!(row["status"], status, "{schema} {pointer}");
            assert_eq!(row["declared"], status == "ok");
        }
        for (name, prop) in props {
            let pointer = format!("/{name}");
            let row = report.get(schema, &pointer);
            assert_eq!(row["declared"], true);
            assert_eq!(
                row["required"],
                required.contains(name.as_str()),
                "{pointer}"
            );
            let expected = if seen.contains_key(&pointer) {
                "ok"
            } else {
                "never_seen"
            };
            assert_eq!(row["status"], expected, "{schema} {pointer}");
            if let Some(t) = prop.get("type") {
                let names: Vec<String> = match t {
                    Value::String(s) => vec![s.clone()],
                    Value::Array(a) => a.iter().map(|x| x.as_str().unwrap().to_string()).collect(),
                    _ => unreachable!(),
                };
                assert_eq!(row["allowed"], json!(names), "{pointer}");
            }
            if prop.get("items").is_some() {
                report.get(schema, &format!("{pointer}/*"));
            }
        }
    }
    // `type` is declared by `const`: a string.
    assert_eq!(report.get("message", "/type")["allowed"], json!(["string"]));
    let summary = &report.summary;
    assert_eq!(summary["payloads"], 22);
    assert_eq!(summary["schemas"], counts([("email", 4), ("message", 18)]));
    assert_eq!(summary["fits"], true);
    assert!(summary.get("channels").is_none(), "{summary}");
    assert_eq!(summary["unreadable"], 0);
}

#[test]
fn samples_exit_0_with_allow_extra_and_show_every_declared_property() {
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "samples/",
            "--event",
            "outbound",
            "--allow-extra",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    for schema in ["message", "email"] {
        for name in schema_json(schema)["properties"]
            .as_object()
            .unwrap()
            .keys()
        {
            assert!(
                r.stdout.contains(&format!("│ /{name} ")),
                "{name}:\n{}",
                r.stdout
            );
        }
    }
    assert!(r.stdout.contains("message schema · 18 payloads"));
    assert!(r.stdout.contains("email schema · 4 payloads"));
    assert_eq!(
        r.last_line(),
        "22 payloads: 63 ok, 0 extra, 0 type drift, 0 missing, 7 never seen"
    );
}

#[test]
fn samples_human_report_snapshot() {
    let r = hlmsg(
        &["diff", "--schema", "samples/", "--event", "outbound"],
        None,
    );
    insta::assert_snapshot!("drift_samples", r.stdout);
}

// ---- drift ----

#[test]
fn an_invented_field_in_every_third_payload_is_extra_with_its_exact_count() {
    let dir = tempfile::tempdir().unwrap();
    let payloads = capture(300, |i, p| {
        if i % 3 == 0 {
            p.insert("brandNewField".into(), json!({"v": i, "tags": ["a"]}));
        }
    });
    let expected = per_schema(&payloads, |m| m.contains_key("brandNewField"));
    assert_eq!(expected.values().sum::<u64>(), 100);
    let path = write_ndjson(dir.path(), "capture.ndjson", &payloads);

    let r = hlmsg(&["diff", "--schema", &path, "-f", "json"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report = parse(&r.stdout);
    for (schema, n) in &expected {
        let row = report.get(schema, "/brandNewField");
        assert_eq!(
            (&row["status"], &row["seen"], &row["declared"]),
            (&json!("extra"), &json!(*n), &json!(false))
        );
        assert_eq!(row["types"], counts([("object", *n)]));
        assert_eq!(report.get(schema, "/brandNewField/v")["seen"], *n);
        assert_eq!(
            report.get(schema, "/brandNewField/tags/*")["types"],
            counts([("string", *n)])
        );
    }
    let summary = &report.summary;
    assert_eq!(summary["payloads"], 300);
    assert_eq!(summary["extra"], 4 * expected.len() as u64);
    assert_eq!(summary["fits"], false);

    // The human table shows the same count; --allow-extra keeps the run green.
    let r = hlmsg(&["diff", "--schema", &path, "--allow-extra"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let n = expected["message"];
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("/brandNewField "))
        .unwrap();
    assert!(line.contains(&format!(" {n} ")), "{line}");
    assert!(
        line.contains("not declared") && line.contains("extra"),
        "{line}"
    );
    assert!(
        r.last_line().contains("extra (allowed)"),
        "{}",
        r.last_line()
    );
}

#[test]
fn a_field_that_is_a_number_in_some_payloads_and_a_string_in_others_is_type_drift() {
    let dir = tempfile::tempdir().unwrap();
    let call = sample_values()
        .into_iter()
        .find(|(n, _)| n == "call-answered.json")
        .unwrap()
        .1;
    let payloads: Vec<Value> = (0..10)
        .map(|i| {
            let mut p = call.clone();
            p.insert(
                "callDuration".into(),
                if i < 7 { json!(120) } else { json!("120") },
            );
            Value::Object(p)
        })
        .collect();
    let path = write_ndjson(dir.path(), "calls.ndjson", &payloads);
    let r = hlmsg(
        &["diff", "--schema", &path, "-f", "json", "--allow-extra"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report = parse(&r.stdout);
    let row = report.get("message", "/callDuration");
    assert_eq!(row["status"], "type_drift");
    assert_eq!(row["seen"], 10);
    assert_eq!(row["types"], counts([("integer", 7), ("string", 3)]));
    let r = hlmsg(&["diff", "--schema", &path], None);
    assert_eq!(r.code, 1);
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("/callDuration"))
        .unwrap();
    assert!(line.contains("integer 7, string 3"), "{line}");
    assert!(line.contains("type drift (string 3)"), "{line}");
    assert!(r.last_line().contains("1 type drift"), "{}", r.last_line());
}

#[test]
fn a_required_field_removed_from_some_payloads_is_missing_in_n() {
    let dir = tempfile::tempdir().unwrap();
    let payloads = capture(44, |i, p| {
        if i % 11 == 0 {
            p.remove("contactId");
        }
    });
    let expected = per_schema(&payloads, |m| !m.contains_key("contactId"));
    let path = write_ndjson(dir.path(), "capture.ndjson", &payloads);
    let r = hlmsg(
        &["diff", "--schema", &path, "-f", "json", "--allow-extra"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report = parse(&r.stdout);
    for (schema, n) in &expected {
        let row = report.get(schema, "/contactId");
        assert_eq!(
            (&row["status"], &row["missing"]),
            (&json!("missing"), &json!(*n))
        );
        assert_eq!(row["required"], true);
        let [seen, payloads] = ints(row, ["seen", "payloads"]);
        assert_eq!(seen, payloads - n);
    }
    let r = hlmsg(&["diff", "--schema", &path], None);
    assert_eq!(r.code, 1);
    let n = expected["message"];
    let line = r.stdout.lines().find(|l| l.contains("/contactId")).unwrap();
    assert!(line.contains(&format!("missing in {n}")), "{line}");
}

// ---- one payload ----

#[test]
fn one_payload_gets_a_row_per_declared_property_and_carried_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = sample_values()
        .into_iter()
        .find(|(n, _)| n == "call-answered.json")
        .unwrap()
        .1;
    p.remove("contactId");
    p.insert("callDuration".into(), json!("12"));
    p.insert("surprise".into(), json!(true));
    let path = write_ndjson(dir.path(), "one.json", &[Value::Object(p)]);
    let r = hlmsg(&["diff", "--schema", &path], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let row = |pointer: &str| {
        let cells: Vec<String> = r
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("│ {pointer} ")))
            .unwrap_or_else(|| panic!("{pointer}:\n{}", r.stdout))
            .split(['│', '┆'])
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        cells
    };
    assert_eq!(
        row("/contactId"),
        ["/contactId", "string, required", "absent", "missing"]
    );
    assert_eq!(
        row("/callDuration"),
        ["/callDuration", "number", "string", "type"]
    );
    assert_eq!(
        row("/surprise"),
        ["/surprise", "not declared", "boolean", "extra"]
    );
    assert_eq!(
        row("/chatWidgetId"),
        ["/chatWidgetId", "string", "absent", "absent"]
    );
    assert_eq!(row("/status"), ["/status", "string", "string", "ok"]);
    assert!(
        r.stdout
            .starts_with(&format!("{path}:1:1 · message schema\n")),
        "{}",
        r.stdout
    );
    assert!(
        r.last_line().starts_with("1 payload: "),
        "{}",
        r.last_line()
    );
    assert!(
        r.last_line().contains("1 extra, 1 type, 1 missing"),
        "{}",
        r.last_line()
    );
}

#[test]
fn the_schema_value_and_the_paths_read_as_meant() {
    // A bundled name, then a path.
    let r = hlmsg(&["diff", "--schema", "email", "samples/sms.json"], None);
    assert!(
        r.stdout.starts_with("samples/sms.json:1:1 · email schema"),
        "{}",
        r.stdout
    );
    let r = hlmsg(&["diff", "--schema=message", "samples/email.json"], None);
    assert!(
        r.stdout
            .starts_with("samples/email.json:1:1 · message schema"),
        "{}",
        r.stdout
    );
    // A folder or a lone file is a path, checked against the bundled schemas.
    let r = hlmsg(&["diff", "--schema", "samples/sms.json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("samples/sms.json:1:1 · message schema"),
        "{}",
        r.stdout
    );
    let r = hlmsg(&["diff", "samples/", "--schema"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A file followed by a path is the schema.
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "schemas/email.schema.json",
            "samples/sms.json",
        ],
        None,
    );
    assert!(
        r.stdout
            .starts_with("samples/sms.json:1:1 · schemas/email.schema.json schema"),
        "{}",
        r.stdout
    );
    // Standard input, with no path or with `-`.
    let sms = std::fs::read(crate::util::path("samples/sms.json")).unwrap();
    for args in [&["diff", "--schema"][..], &["diff", "--schema", "-"]] {
        let r = hlmsg(args, Some(&sms));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(
            r.stdout.starts_with("<stdin>:1:1 · message schema"),
            "{}",
            r.stdout
        );
    }
    // --published reads HighLevel's schemas: fields they do not declare are extra.
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "--published",
            "samples/",
            "--event",
            "outbound",
            "-f",
            "json",
        ],
        None,
    );
    assert_eq!(r.code, 1);
    let report = parse(&r.stdout);
    assert_eq!(
        report.get("message", "/messageTypeString")["status"],
        "extra"
    );
    assert_eq!(report.get("message", "/contactId")["required"], false);
}

// ---- by channel, formats ----

#[test]
fn by_channel_splits_the_report_by_the_shared_classification() {
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "samples/",
            "--event",
            "outbound",
            "--by-channel",
            "-f",
            "json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let report = parse(&r.stdout);
    let channels = report
        .summary
        .get("channels")
        .expect("channels with --by-channel");
    // The same counts as classify gives.
    let c = hlmsg(
        &[
            "classify", "--format", "json", "--event", "outbound", "samples/",
        ],
        None,
    );
    let classified = c.records(Output::Classify);
    let summary = classified.last().unwrap();
    assert_eq!(summary["kind"], "summary");
    assert_eq!(channels, &summary["channels"]);
    // Each row names its channel; emails use the email schema.
    for ((channel, schema, _), row) in &report.fields {
        let channel = channel.as_deref().expect("a channel on every row");
        assert_eq!(schema == "email", channel == "Email", "{channel} {schema}");
        assert_eq!(row["payloads"], channels[channel]);
    }
    let call = report
        .fields
        .get(&(Some("Call".into()), "message".into(), "/callStatus".into()))
        .unwrap();
    assert_eq!((&call["seen"], &call["status"]), (&json!(3), &json!("ok")));
    let r = hlmsg(
        &[
            "diff",
            "--schema",
            "samples/",
            "--event",
            "outbound",
            "--by-channel",
        ],
        None,
    );
    assert!(
        r.stdout.contains("Call · message schema · 4 payloads"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Email · email schema · 4 payloads"),
        "{}",
        r.stdout
    );
}

#[test]
fn markdown_is_a_github_table() {
    let dir = tempfile::tempdir().unwrap();
    let payloads = capture(6, |i, p| {
        if i % 3 == 0 {
            p.insert("new|field".into(), json!(1));
        }
    });
    let path = write_ndjson(dir.path(), "c.ndjson", &payloads);
    let r = hlmsg(
        &["diff", "--schema", "message", &path, "-f", "markdown"],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "### `message` schema · 6 payloads");
    assert_eq!(lines[1], "");
    assert_eq!(
        lines[2],
        "| Field | Payloads | Share | Types seen | Schema | Status |"
    );
    assert_eq!(lines[3], "|:--|--:|--:|:--|:--|:--|");
    assert_eq!(
        lines[4],
        "| `/type` | 6 | 100.0% | string 6 | string, required | ok |"
    );
    assert!(
        lines.contains(&"| `/new\\|field` | 2 | 33.3% | integer 2 | not declared | extra |"),
        "{}",
        r.stdout
    );
    assert!(
        lines.last().unwrap().starts_with("**6 payloads: "),
        "{}",
        r.stdout
    );
    // Every table row has the header's six cells.
    for l in lines.iter().filter(|l| l.starts_with("| `")) {
        assert_eq!(l.replace("\\|", "").matches('|').count(), 7, "{l}");
    }
}

// ---- exit codes and trouble ----

#[test]
fn unreadable_input_exits_2_and_the_rest_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.ndjson");
    let sms = std::fs::read_to_string(crate::util::path("samples/sms-outbound.json")).unwrap();
    let compact: Value = serde_json::from_str(&sms).unwrap();
    std::fs::write(&path, format!("{compact}\n{{\"a\":\n[1]\n")).unwrap();
    let p = path.to_string_lossy();
    let r = hlmsg(&["diff", "--schema", &p, "-f", "json"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("c.ndjson:2:"), "{}", r.stderr);
    let report = parse(&r.stdout);
    assert_eq!(report.errors.len(), 2, "{}", r.stdout);
    assert!(report.errors.iter().all(|e| e["kind"] == "error"));
    assert_eq!(ints(&report.summary, ["payloads", "unreadable"]), [1, 2]);

    let r = hlmsg(
        &["diff", "--schema", "no/such.json", "samples/sms.json"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read schema no/such.json"),
        "{}",
        r.stderr
    );
    let r = hlmsg(&["diff", "--schema", "samples/", "no/such/dir/"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no/such/dir/: no such file or directory"),
        "{}",
        r.stderr
    );
    let bad = dir.path().join("bad.schema.json");
    std::fs::write(&bad, r#"{"type": 12}"#).unwrap();
    let r = hlmsg(
        &["diff", "--schema", &bad.to_string_lossy(), "samples/"],
        None,
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("does not compile"), "{}", r.stderr);
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["diff", "--schema", "samples/", "-f", "json-patch"][..],
        &[
            "diff",
            "samples/sms.json",
            "samples/sms.json",
            "-f",
            "markdown",
        ],
        &["diff", "--schema", "samples/", "--ignore-ids"],
        &["diff", "--schema", "samples/", "--by-position"],
        &[
            "diff",
            "samples/sms.json",
            "samples/sms.json",
            "--by-channel",
        ],
        &[
            "diff",
            "samples/sms.json",
            "samples/sms.json",
            "--allow-extra",
        ],
        &[
            "diff",
            "samples/sms.json",
            "samples/sms.json",
            "samples/sms.json",
        ],
        &[
            "diff",
            "--schema",
            "schemas/email.schema.json",
            "--published",
            "samples/",
        ],
    ] {
        let r = hlmsg(args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stdout);
        assert!(!r.stderr.is_empty(), "{args:?}");
    }
    let r = hlmsg(&["diff", "samples/sms.json"], None);
    assert!(r.stderr.contains("--schema"), "{}", r.stderr);
    assert!(r.stderr.contains("Usage:"), "{}", r.stderr);
}

#[test]
fn hostile_field_names_are_escaped_and_deep_payloads_do_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = json!(1);
    for _ in 0..60 {
        deep = json!({"d": [deep]});
    }
    let payloads = [
        json!({"type":"OutboundMessage","\u{1b}]0;pwned\u{7}":1,"a/b~c":2}),
        json!({"deep": deep, "": null, "*": [1]}),
    ];
    let path = write_ndjson(dir.path(), "h.ndjson", &payloads);
    let r = hlmsg(&["diff", "--schema", &path, "--color", "always"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("/\\u{1b}]0;pwned\\u{7}"), "{}", r.stdout);
    assert!(!r.stdout.contains("\u{7}"));
    assert!(r.stdout.contains("/a~1b~0c"), "{}", r.stdout);
    let r = hlmsg(&["diff", "--schema", &path, "-f", "json"], None);
    let report = parse(&r.stdout);
    assert_eq!(report.get("message", "/\u{1b}]0;pwned\u{7}")["seen"], 1);
    assert_eq!(report.get("message", "/")["types"], counts([("null", 1)]));
    assert!(
        report
            .fields
            .keys()
            .any(|(_, _, p)| p.matches("/d/*").count() == 60)
    );
}

#[test]
fn help_shows_schema_examples_and_exit_codes() {
    let r = hlmsg(&["diff", "--help"], None);
    assert_eq!(r.code, 0);
    for text in [
        "hlmsg diff --schema[=KIND] [OPTIONS] [PATH]...",
        "hlmsg diff --schema samples/",
        "hlmsg diff --schema email payload.json",
        "--allow-extra",
        "--by-channel",
        "markdown",
        "the payloads fit the schema's shape",
    ] {
        assert!(r.stdout.contains(text), "missing {text:?}:\n{}", r.stdout);
    }
}

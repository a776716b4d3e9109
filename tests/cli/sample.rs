//! `hlmsg sample` (issue 8).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::util::{Output, hlmsg, path, samples};

/// The payloads `sample` writes, one compact JSON object per line (payloads, not records: no
/// output schema applies).
fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn prints_a_bundled_sample_verbatim() {
    for name in ["sms", "email-html.json", "call-voicemail"] {
        let r = hlmsg(&["sample", name], None);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let file =
            path(&format!("samples/{}", name.trim_end_matches(".json"))).with_extension("json");
        assert_eq!(r.stdout, std::fs::read_to_string(file).unwrap());
    }
    let r = hlmsg(&["sample", "pigeon"], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no bundled sample is named 'pigeon'"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("call-answered"), "{}", r.stderr);
}

#[test]
fn list_names_every_sample_with_its_channel() {
    for args in [&["sample", "--list"][..], &["sample"][..]] {
        let r = hlmsg(args, None);
        assert_eq!(r.code, 0);
        let names: Vec<&str> = r
            .stdout
            .lines()
            .map(|l| l.split(' ').next().unwrap())
            .collect();
        let files: Vec<String> = samples()
            .iter()
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, files);
        assert!(r.stdout.contains("call-voicemail"));
        assert!(
            r.stdout
                .lines()
                .any(|l| l.starts_with("call-voicemail ") && l.ends_with("Call (voicemail)"))
        );
        assert!(
            r.stdout
                .lines()
                .any(|l| l.starts_with("live-chat ") && l.ends_with("Live Chat"))
        );
    }
}

#[test]
fn same_seed_gives_the_same_bytes_and_another_seed_does_not() {
    let a = hlmsg(&["sample", "--count", "1000", "--seed", "7"], None);
    let b = hlmsg(&["sample", "--count", "1000", "--seed", "7"], None);
    let c = hlmsg(&["sample", "--count", "1000", "--seed", "8"], None);
    assert_eq!(a.code, 0, "{}", a.stderr);
    assert!(a.stderr.is_empty());
    assert_eq!(a.stdout.lines().count(), 1000);
    assert_eq!(a.stdout, b.stdout);
    assert_ne!(a.stdout, c.stdout);
    // Every line is one compact JSON object.
    for v in json_lines(&a.stdout) {
        assert!(v.is_object());
    }
}

/// The documented rule: exactly round(N x RATE) payloads are invalid, each with exactly one
/// error, and every other payload passes with no finding at all, even with --strict.
#[test]
fn invalid_rate_gives_exactly_the_documented_number_of_failures() {
    for (rate, expected) in [("0.01", 10), ("0", 0), ("0.125", 125)] {
        let generated = hlmsg(
            &[
                "sample",
                "--count",
                "1000",
                "--seed",
                "7",
                "--invalid-rate",
                rate,
            ],
            None,
        );
        assert_eq!(generated.code, 0);
        let r = hlmsg(
            &["validate", "--strict", "--format", "json"],
            Some(generated.stdout.as_bytes()),
        );
        let lines = r.records(Output::Validate);
        let summary = lines.last().unwrap();
        assert_eq!(summary["kind"], "summary");
        assert_eq!(summary["failed"], expected, "rate {rate}");
        assert_eq!(summary["passed"], 1000 - expected, "rate {rate}");
        assert_eq!(summary["warnings"], 0);
        assert_eq!(r.code, if expected > 0 { 1 } else { 0 });
        let mut rules = BTreeMap::new();
        for line in &lines[..lines.len() - 1] {
            let diags = line["diagnostics"].as_array().unwrap();
            if line["valid"] == true {
                assert!(diags.is_empty(), "{line}");
            } else {
                assert_eq!(diags.len(), 1, "{line}");
                let d = &diags[0];
                assert_eq!(d["severity"], "error");
                *rules
                    .entry(format!(
                        "{} {}",
                        d["rule"].as_str().unwrap(),
                        d["pointer"].as_str().unwrap()
                    ))
                    .or_insert(0) += 1;
            }
        }
        if expected >= 100 {
            // Every documented way shows up.
            for way in [
                "unknown-event /type",
                "required /contactId",
                "format /dateAdded",
                "type /callDuration",
                "type /attachments",
            ] {
                assert!(rules.contains_key(way), "{way} missing from {rules:?}");
            }
        }
    }
}

#[test]
fn every_channel_appears_in_a_thousand_payloads() {
    let generated = hlmsg(&["sample", "--count", "1000", "--seed", "7"], None);
    let r = hlmsg(
        &["classify", "--format", "json"],
        Some(generated.stdout.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = r.records(Output::Classify);
    let summary = lines.last().unwrap();
    assert_eq!(summary["kind"], "summary");
    let channels = summary["channels"].as_object().unwrap();
    for ch in [
        "Call",
        "Voicemail",
        "SMS",
        "GMB",
        "FB",
        "IG",
        "Email",
        "Live Chat",
    ] {
        assert!(
            channels.get(ch).and_then(Value::as_u64).unwrap_or(0) > 0,
            "{ch}: {summary}"
        );
    }
    assert_eq!(channels.len(), 8, "{summary}");
    // SMS dominates, as documented (55%).
    let sms = channels["SMS"].as_u64().unwrap();
    assert!((480..=620).contains(&sms), "{sms}");
    // Calls carry both outcomes.
    assert!(summary["calls"]["answered"].as_u64().unwrap() > 0);
    assert!(summary["calls"]["voicemail"].as_u64().unwrap() > 0);
}

#[test]
fn channel_keeps_only_the_named_channels() {
    let r = hlmsg(&["sample", "-n", "300", "--channel", "sms"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let payloads = json_lines(&r.stdout);
    assert_eq!(payloads.len(), 300);
    assert!(payloads.iter().all(|p| p["messageType"] == "SMS"));
    let r = hlmsg(
        &["sample", "-n", "300", "-c", "Email", "-c", "live-chat"],
        None,
    );
    let payloads = json_lines(&r.stdout);
    assert!(
        payloads
            .iter()
            .all(|p| p["messageType"] == "Email" || p["messageType"] == "Live Chat")
    );
    assert!(payloads.iter().any(|p| p["messageType"] == "Email"));
    assert!(payloads.iter().any(|p| p["messageType"] == "Live Chat"));
}

#[test]
fn payloads_look_like_highlevel_deliveries() {
    let r = hlmsg(&["sample", "-n", "500", "--seed", "3"], None);
    let mut email = false;
    let mut call = false;
    for p in json_lines(&r.stdout) {
        for key in ["locationId", "contactId", "conversationId", "messageId"] {
            let id = p[key].as_str().unwrap();
            assert!(
                id.len() == 20 && id.chars().all(|c| c.is_ascii_alphanumeric()),
                "{key}: {id}"
            );
        }
        let date = p["dateAdded"].as_str().unwrap();
        assert!(
            date.len() == 24 && date.ends_with('Z') && date.as_bytes()[19] == b'.',
            "{date}"
        );
        match p["messageType"].as_str().unwrap() {
            "Email" => {
                email = true;
                assert!(p["body"].as_str().unwrap().starts_with("<div"));
                assert!(!p["subject"].as_str().unwrap().is_empty());
                assert!(p["from"].as_str().unwrap().contains('<'));
                assert!(p["to"].is_string() || p["to"].is_array());
            }
            "CALL" => {
                call = true;
                assert!(p["callDuration"].as_u64().unwrap() > 0);
                assert!(["completed", "voicemail"].contains(&p["callStatus"].as_str().unwrap()));
                assert!(p["attachments"][0].as_str().unwrap().ends_with(".mp3"));
            }
            _ => {}
        }
    }
    assert!(email && call);
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["sample", "--count", "10", "--invalid-rate", "2"][..],
        &["sample", "--count", "10", "--invalid-rate", "-0.5"][..],
        &["sample", "--count", "10", "--channel", "whatsapp"][..],
        &["sample", "--seed", "3"][..],
        &["sample", "sms", "--count", "3"][..],
        &["sample", "--count", "x"][..],
    ] {
        let r = hlmsg(args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stdout);
        assert!(r.stdout.is_empty(), "{args:?}");
    }
    let r = hlmsg(&["sample", "--count", "0"], None);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""));
}

/// The README quotes a generated payload: the generator's output for a seed never changes
/// unless the changelog says so.
#[test]
fn readme_example_payload_is_what_the_generator_writes() {
    let readme = std::fs::read_to_string(path("README.md")).unwrap();
    let command = "$ hlmsg sample --count 1 --seed 7 --channel call\n";
    assert!(readme.contains(command));
    let r = hlmsg(
        &["sample", "--count", "1", "--seed", "7", "--channel", "call"],
        None,
    );
    assert!(
        readme.contains(&format!("{command}{}", r.stdout)),
        "README.md should quote:\n{}",
        r.stdout
    );
}

//! The quick path against the full path, on every corpus at hand: the generator's (valid and
//! broken payloads of every channel and event), the samples, the hostile and bad fixtures, the
//! fuzz seeds (and the fuzz corpus, when one was grown in `fuzz/corpus/everything`), and the
//! crafted cases where a fast parser is most likely to disagree.
//!
//! Two checks: wherever the quick path gives a verdict, it is the full path's verdict, finding
//! for finding; and on every payload, the tape's schema verdict is the jsonschema crate's verdict
//! on the parsed `serde_json::Value`, for every bundled schema and schema files.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::*;
use crate::input::parse::parse;
use crate::input::tape::Tape;
use crate::input::testing::each_record;
use crate::sample::generate::{Generator, Settings};

/// The generator's corpora: messages only and mixed captures, with and without broken payloads.
fn generated() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (seed, events, invalid_rate) in [
        (1, false, 0.0),
        (2, true, 0.0),
        (3, false, 0.5),
        (4, true, 0.5),
    ] {
        let mut generator = Generator::new(&Settings {
            seed,
            count: 1500,
            channels: Vec::new(),
            invalid_rate,
            events,
        });
        let mut text = Vec::new();
        while !generator.is_done() {
            generator.next_into(&mut text);
        }
        out.push((format!("generated seed {seed}"), text));
    }
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file of the folders, by name.
fn files(dirs: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(root().join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.is_file()) {
            if let Ok(bytes) = std::fs::read(&path) {
                out.push((path.display().to_string(), bytes));
            }
        }
    }
    out
}

/// The fuzz corpus, when present: each input without the byte that picks the command line.
fn fuzz_corpus() -> Vec<(String, Vec<u8>)> {
    files(&["fuzz/corpus/everything"])
        .into_iter()
        .map(|(name, bytes)| (name, bytes.get(1..).unwrap_or_default().to_vec()))
        .collect()
}

const BASE: &str = r#""type":"OutboundMessage","locationId":"l1","contactId":"c1","conversationId":"v1","messageId":"m1","dateAdded":"2024-05-08T11:57:42.250Z","direction":"outbound","status":"delivered""#;

/// Payloads where a fast parser or a second representation is most likely to go wrong.
fn traps() -> Vec<(String, Vec<u8>)> {
    let mut cases: Vec<Vec<u8>> = [
        r#""messageType":"SMS","body":"\ud800""#,
        r#""messageType":"SMS","madeUp":"\udc00 x""#,
        r#""messageType":"SMS","body":"\ud83d\ude00 ok""#,
        r#""messageType":"CALL","callDuration":1e400"#,
        r#""messageType":"CALL","callDuration":-1e400"#,
        r#""messageType":"CALL","callDuration":18446744073709551616"#,
        r#""messageType":"CALL","callDuration":18446744073709551615"#,
        r#""messageType":"CALL","callDuration":-9223372036854775809"#,
        r#""messageType":"CALL","callDuration":1.0"#,
        r#""messageType":"CALL","callDuration":-0"#,
        r#""messageType":"CALL","callDuration":0,"madeUp":[-0, -0.0, 0.1, 5e-324, 1e-400]"#,
        r#""messageType":"CALL","callDuration":123456789012345678901234567890e-20"#,
        r#""messageType":"CALL","callDuration":1e2"#,
        r#""messageType":"SMS","messageTypeId":2.0"#,
        r#""messageType":"SMS","dateAdded":"2016-12-31T23:59:60Z""#,
        r#""messageType":"SMS","dateAdded":"2021-02-29T10:00:00Z""#,
        r#""messageType":"SMS","body":"a","body":"b""#,
        r#""messageType":"SMS","attachments":[{"u":1,"u":2}]"#,
        r#""messageType":"Email","subject":"","emailMessageId":"e""#,
        r#""messageType":"SMS","body":"nul \u0000 in text""#,
        r#""messageType":"SMS","b\u006fdy":"escaped key""#,
        r#""messageType":"SMSS""#,
        r#""messageType":7"#,
        r#""messageType":null,"messageTypeString":"TYPE_SMS""#,
        r#""messageType":"SMS","direction":"inbound""#,
        r#""messageType":"SMS","attachments":[]"#,
        r#""messageType":"SMS","attachments":["https://x"],"attachments2":{"a":[1,{"b":[]}]}"#,
    ]
    .iter()
    .map(|extra| format!("{{{BASE},{extra}}}").into_bytes())
    .collect();
    for depth in [120, 126, 127, 128, 129, 200] {
        let nested = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        cases.push(format!("{{{BASE},\"messageType\":\"SMS\",\"deep\":{nested}}}").into_bytes());
    }
    let one = format!("{{{BASE},\"messageType\":\"SMS\"}}");
    cases.push([b"\xef\xbb\xbf".as_slice(), one.as_bytes()].concat());
    cases.push(format!("{one} {one}").into_bytes());
    cases.push(format!("{one}{one}\n[{one},{one}]").into_bytes());
    cases.push(format!("{one}\u{0}").into_bytes());
    cases.push(one.replace("\"l1\"", "\"l\u{0}1\"").into_bytes());
    cases.push(one.replace("\"l1\"", "\"l\\u00e91\"").into_bytes());
    cases.push([one.as_bytes(), b"\xff"].concat());
    cases.push(
        one.replacen("l1", "l\u{1}", 1)
            .into_bytes()
            .into_iter()
            .map(|b| if b == 1 { 0xc3 } else { b })
            .collect(),
    );
    cases.push(format!("{{\"type\":\"ContactCreate\",\"id\":1,\"x\":{one}}}").into_bytes());
    cases.push(b"{\"type\":\"InboundMessage\"}".to_vec());
    cases.push(b"{}".to_vec());
    cases.push(b"[]".to_vec());
    cases
        .into_iter()
        .enumerate()
        .map(|(i, text)| (format!("trap {i}"), text))
        .collect()
}

/// Every corpus, each with whether it is made to be payloads (the fuzz corpus is mostly not).
fn corpora() -> Vec<(String, Vec<u8>, bool)> {
    let mut all = generated();
    all.extend(files(&[
        "samples",
        "tests/fixtures/hostile",
        "tests/fixtures/bad",
        "tests/fixtures/events",
        "fuzz/seeds",
    ]));
    all.extend(traps());
    let mut all: Vec<_> = all.into_iter().map(|(n, t)| (n, t, true)).collect();
    all.extend(fuzz_corpus().into_iter().map(|(n, t)| (n, t, false)));
    all
}

fn schema_file(name: &str) -> Selection {
    Selection::File(root().join("schemas").join(name))
}

/// Checkers of every kind: the bundled schemas chosen per payload (refined and as published,
/// lenient and strict), each bundled schema forced, and schema files.
fn checkers() -> Vec<(String, Checker)> {
    let mut out = vec![
        ("auto".into(), Checker::new(&Selection::Auto, false, false)),
        (
            "auto, published".into(),
            Checker::new(&Selection::Auto, true, false),
        ),
        (
            "auto, strict".into(),
            Checker::new(&Selection::Auto, false, true),
        ),
        (
            "file message".into(),
            Checker::new(&schema_file("message.schema.json"), false, false),
        ),
        (
            "file published".into(),
            Checker::new(&schema_file("message.published.json"), false, true),
        ),
    ];
    for b in Bundled::ALL {
        out.push((
            b.name().into(),
            Checker::new(&Selection::Bundled(b), false, false),
        ));
    }
    out.into_iter()
        .map(|(name, c)| (name, c.expect("the schema compiles")))
        .collect()
}

#[test]
fn the_quick_path_gives_the_full_paths_verdict() {
    let checkers = checkers();
    // Counted over the corpora made to be payloads: most of the fuzz corpus is not JSON.
    let (mut quick, mut records) = (0usize, 0usize);
    for (name, text, payloads) in corpora() {
        each_record(&text, |entry| {
            let Ok(record) = entry else { return };
            records += usize::from(payloads);
            for (schema, checker) in &checkers {
                let Some(fast) = checker.quick(&record) else {
                    continue;
                };
                quick += usize::from(payloads);
                let full = match parse(record.clone()) {
                    Ok(payload) => checker.check(&payload),
                    Err(fault) => {
                        panic!("{name} ({schema}): a quick verdict on a fault: {fault:?}")
                    }
                };
                assert_eq!(
                    fast,
                    full,
                    "{name} ({schema}): {}",
                    String::from_utf8_lossy(record.bytes)
                );
            }
        });
    }
    // The comparison means something only if the quick path judged most payloads.
    assert!(
        quick > records * checkers.len() / 2,
        "{quick} quick verdicts of {records} records"
    );
}

#[test]
fn the_tape_validator_gives_the_jsonschema_crates_verdict() {
    let mut schemas: Vec<(String, Compiled)> = Vec::new();
    for published in [false, true] {
        for b in Bundled::ALL {
            let compiled = Compiled::from_text(b.name(), b.text(published)).unwrap();
            schemas.push((format!("{} {published}", b.name()), compiled));
        }
    }
    for file in ["message.schema.json", "email.published.json"] {
        let text = std::fs::read_to_string(Path::new(&root()).join("schemas").join(file)).unwrap();
        schemas.push((file.into(), Compiled::from_text(file, &text).unwrap()));
    }
    let mut compared = 0usize;
    for (name, text, _) in corpora() {
        each_record(&text, |entry| {
            let Ok(record) = entry else { return };
            let bytes = record.bytes;
            let value = serde_json::from_slice::<Value>(bytes);
            let tape = Tape::parse(bytes);
            assert_eq!(
                value.is_ok(),
                tape.is_ok(),
                "{name}: the parsers disagree on {}",
                String::from_utf8_lossy(bytes)
            );
            let (Ok(value), Ok(tape)) = (value, tape) else {
                return;
            };
            if tape.has_repeated_key() {
                return;
            }
            assert_eq!(tape.root().to_value(), value, "{name}");
            for (schema, compiled) in &schemas {
                compared += 1;
                assert_eq!(
                    compiled.passes(tape.root()),
                    compiled.is_valid(&value),
                    "{name} ({schema}): {}",
                    String::from_utf8_lossy(bytes)
                );
            }
        });
    }
    assert!(compared > 10_000, "{compared}");
}

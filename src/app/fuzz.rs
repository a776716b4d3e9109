//! Every subcommand on arbitrary bytes, in memory: the entry point of the fuzz target and of the
//! property tests, built for tests and with `--cfg fuzzing` only. Whatever the bytes, a run must
//! end with an exit code of 0, 1 or 2, without panicking.

use std::sync::{Arc, OnceLock};

use clap::Parser as _;

use crate::app::cli::Cli;
use crate::app::exit::Outcome;
use crate::app::{ErrStream, Io, run};

/// The command lines exercised; `-` is the arbitrary input.
pub const COMMANDS: &[&[&str]] = &[
    &["validate", "-"],
    &["validate", "--format", "json", "-"],
    &["validate", "--format", "junit", "-"],
    &["validate", "--format", "github", "--strict", "-"],
    &["validate", "--input", "http", "-"],
    &["validate", "--input", "envelope", "-"],
    &[
        "validate",
        "--redact",
        "--max-payload-size",
        "300",
        "--max-depth",
        "8",
        "-",
    ],
    &["validate", "--published", "-v", "-"],
    &["classify", "-"],
    &["classify", "--format", "json", "-"],
    &[
        "classify", "--only", "sms", "--only", "unknown", "--redact", "-",
    ],
    &["show", "-"],
    &[
        "show",
        "--format",
        "table",
        "--fields",
        "date,channel,body,webhookId",
        "-",
    ],
    &["show", "--format", "compact", "--redact", "-"],
    &["show", "--format", "json", "--full", "-"],
    &["diff", "-", "-"],
    &[
        "diff",
        "--format",
        "json",
        "--ignore-ids",
        "--redact",
        "-",
        "-",
    ],
    &["diff", "--schema", "-"],
    &["diff", "--schema", "--by-channel", "--format", "json", "-"],
    &["diff", "--schema=email", "--format", "markdown", "-"],
    &["verify", "-"],
    &["verify", "--signature", "AAAA", "--scheme", "ed25519", "-"],
    &[
        "verify",
        "--max-age",
        "5m",
        "--now",
        "2024-01-01T00:00:00Z",
        "--input",
        "http",
        "-",
    ],
    // Captures: raw HTTP requests and envelopes, with bodies nested near and past the limits.
    &["show", "--input", "http", "--format", "json", "-"],
    &[
        "classify", "--input", "http", "--only", "sms", "--redact", "-",
    ],
    &["diff", "--input", "http", "-", "-"],
    &["show", "--input", "envelope", "--max-depth", "300", "-"],
    &[
        "validate",
        "--input",
        "envelope",
        "--max-depth",
        "1000",
        "--format",
        "json",
        "-",
    ],
    &[
        "diff",
        "--schema",
        "--input",
        "envelope",
        "--max-depth",
        "200",
        "-",
    ],
    &["verify", "--reserialize", "--input", "envelope", "-"],
    // Filters and the drift report's places.
    &[
        "validate",
        "--where",
        "messageType=SMS",
        "--where",
        "/attachments/0~a",
        "-",
    ],
    &[
        "classify", "--only", "sms", "--where", "body!=x", "--event", "message", "-",
    ],
    &[
        "show",
        "--format",
        "compact",
        "--where",
        "/meta/x/0~1",
        "--max-depth",
        "300",
        "-",
    ],
    &[
        "diff",
        "--schema",
        "--drift-only",
        "-v",
        "--format",
        "json",
        "-",
    ],
    &["diff", "--schema", "-v", "-"],
];

/// Runs one command line on `data` and checks that it ended properly.
pub fn exercise(args: &[&str], data: &[u8]) {
    let run = run_in_memory(args, data);
    match run.outcome {
        Ok(Outcome::Success | Outcome::Findings | Outcome::Trouble) => {}
        Ok(Outcome::Interrupted) => panic!("{args:?}: a run in memory cannot be interrupted"),
        Err(e) => panic!("{args:?} failed: {e}"),
    }
}

/// Runs the command that the first byte of `data` picks on the rest: the fuzz target's body.
/// The command lines are parsed once.
pub fn exercise_one(data: &[u8]) {
    static PARSED: OnceLock<Vec<Cli>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        COMMANDS
            .iter()
            .map(|args| {
                Cli::try_parse_from(std::iter::once("hlmsg").chain(args.iter().copied()))
                    .unwrap_or_else(|e| panic!("{args:?}: {e}"))
            })
            .collect()
    });
    if let Some((&pick, rest)) = data.split_first() {
        let i = pick as usize % COMMANDS.len();
        let run = run_cli_in_memory(&parsed[i], rest);
        if let Err(e) = run.outcome {
            panic!("{:?} failed: {e}", COMMANDS[i]);
        }
        exercise_documents(rest);
    }
}

/// Reads every payload of `data` as a large one is read (shallow, through its bytes), whatever
/// its size, and checks and counts it so: the path fuzzed inputs are too small to take.
pub fn exercise_documents(data: &[u8]) {
    use crate::input::doc::Doc;
    use crate::input::parse::parse_shallow;
    use crate::validate::Checker;
    use crate::validate::schema::Selection;
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    let checker = CHECKER.get_or_init(|| {
        Checker::new(&Selection::Auto, false, false).expect("the bundled schemas compile")
    });
    crate::input::testing::each_record(data, |rec| {
        if let Ok(p) = rec.and_then(|r| parse_shallow(r, 0)) {
            checker.check(&p);
            if let Some(doc) = Doc::build(p.raw) {
                if p.shallow {
                    same_through_the_bytes(&doc, &p.value);
                }
                let shape = crate::drift::Shape::from_schema("message", &serde_json::json!({}));
                crate::drift::Drift::new(vec![shape]).add(doc.root(), 0, None);
            }
        }
    });
}

/// Masking and re-serializing a payload through its bytes give what they give on its parsed
/// value (`doc` holds no key twice, and no member was cut: fuzzed inputs are small).
fn same_through_the_bytes(doc: &crate::input::doc::Doc<'_>, value: &serde_json::Value) {
    let through = serde_json::to_string(&crate::diff::Node::Doc(doc.root()));
    assert_eq!(through.ok(), serde_json::to_string(value).ok());
    if let Some(masked) = crate::redact::redact_doc(doc) {
        let masked: serde_json::Value =
            serde_json::from_slice(&masked).expect("masked text is JSON");
        let mut want = value.clone();
        crate::redact::redact(&mut want);
        assert_eq!(masked.to_string(), want.to_string());
    }
}

/// What an in-memory run produced: see [`run_in_memory`].
#[derive(Debug)]
pub struct MemoryRun {
    /// The outcome, or the error that ended the run.
    pub outcome: Result<Outcome, String>,
    /// Everything written to standard output.
    pub stdout: Vec<u8>,
    /// Everything written to standard error.
    pub stderr: Vec<u8>,
}

/// Runs a command line (`args` without the program name) with `stdin` as standard input, in
/// memory: for tests and fuzzing, which must exercise every subcommand without processes.
/// Arguments that do not parse give `Outcome::Trouble`, as they would exit 2.
pub fn run_in_memory(args: &[&str], stdin: &[u8]) -> MemoryRun {
    match Cli::try_parse_from(std::iter::once("hlmsg").chain(args.iter().copied()))
        .and_then(|cli| cli.check().map(|()| cli))
    {
        Ok(cli) => run_cli_in_memory(&cli, stdin),
        Err(e) => MemoryRun {
            outcome: Ok(Outcome::Trouble),
            stdout: Vec::new(),
            stderr: e.to_string().into_bytes(),
        },
    }
}

/// [`run_in_memory`] for a command line already parsed.
pub fn run_cli_in_memory(cli: &Cli, stdin: &[u8]) -> MemoryRun {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let outcome = {
        let mut io = Io {
            out: &mut stdout,
            out_color: false,
            out_width: cli.width.filter(|&w| w > 0),
            err: ErrStream {
                w: &mut stderr,
                color: false,
            },
            stdin_is_terminal: false,
            stdin: Some(Arc::from(stdin)),
            // In memory, --jobs 0 (the default) means one thread: no pool for a short run.
            jobs: cli.jobs.max(1),
            progress: false,
            bar_width: None,
        };
        run(cli, &mut io).map_err(|e| format!("{e:#}"))
    };
    MemoryRun {
        outcome,
        stdout,
        stderr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Arbitrary JSON values, a few levels deep, with payload-like keys mixed in.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            ".{0,20}".prop_map(Value::String),
            prop_oneof![
                Just("SMS"),
                Just("Email"),
                Just("CALL"),
                Just("TYPE_CALL"),
                Just("outbound"),
                Just("OutboundMessage"),
                Just("2024-05-08T11:57:42.250Z"),
                Just("<p>hi &amp; bye</p>"),
                Just("\u{1b}]0;x\u{7}")
            ]
            .prop_map(|s| Value::String(s.to_string())),
        ];
        leaf.prop_recursive(4, 48, 8, |inner| {
            let key = prop_oneof![
                Just("type".to_string()),
                Just("messageType".to_string()),
                Just("messageTypeString".to_string()),
                Just("callDuration".to_string()),
                Just("callStatus".to_string()),
                Just("body".to_string()),
                Just("to".to_string()),
                Just("dateAdded".to_string()),
                Just("timestamp".to_string()),
                Just("webhookId".to_string()),
                Just("messageId".to_string()),
                Just("headers".to_string()),
                Just("attachments".to_string()),
                "[a-z~/]{0,6}",
            ];
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((key, inner), 0..8)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn capture_seeds_run_under_every_command() {
        let seeds: [&[u8]; 5] = [
            include_bytes!("../../fuzz/seeds/chunked.http"),
            include_bytes!("../../fuzz/seeds/two-requests.http"),
            include_bytes!("../../fuzz/seeds/envelope-string-body.json"),
            include_bytes!("../../fuzz/seeds/envelope-nested-body.json"),
            include_bytes!("../../fuzz/seeds/envelope-object-body.ndjson"),
        ];
        for seed in seeds {
            for args in COMMANDS {
                exercise(args, seed);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn arbitrary_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..400)) {
            for args in COMMANDS {
                exercise(args, &data);
            }
        }

        #[test]
        fn arbitrary_json_never_panics(values in prop::collection::vec(json(), 1..4), pretty: bool) {
            let mut data = Vec::new();
            for v in &values {
                let text = if pretty {
                    serde_json::to_string_pretty(v).unwrap()
                } else {
                    serde_json::to_string(v).unwrap()
                };
                data.extend_from_slice(text.as_bytes());
                data.push(b'\n');
            }
            for args in COMMANDS {
                exercise(args, &data);
            }
        }

        #[test]
        fn the_fuzz_entry_point_never_panics(data in prop::collection::vec(any::<u8>(), 0..300)) {
            exercise_one(&data);
        }

        #[test]
        fn mutated_samples_never_panic(
            sample in 0usize..4,
            cut in any::<prop::sample::Index>(),
            flip in any::<prop::sample::Index>(),
            byte: u8,
        ) {
            let samples = [
                include_str!("../../samples/email-html.json"),
                include_str!("../../samples/call-voicemail.json"),
                include_str!("../../samples/sms.json"),
                include_str!("../../samples/live-chat.json"),
            ];
            let mut data = samples[sample].as_bytes().to_vec();
            let at = flip.index(data.len());
            data[at] = byte;
            data.truncate(cut.index(data.len() + 1).max(1));
            for args in COMMANDS {
                exercise(args, &data);
            }
        }
    }
}

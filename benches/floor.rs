//! The floor of this design: read NDJSON line by line, parse each line into a `serde_json::Value`
//! and run the compiled schema's `is_valid`, on one thread, nothing else (no positions, no
//! findings, no output per payload). `benches/run` times it beside `hlmsg validate` to show how
//! close the tool comes to the practical limit.
//!
//! Usage: floor SCHEMA.json CORPUS.ndjson   (prints `N valid, N invalid`, then the 1-based line
//! numbers of the invalid payloads, one per line, when `--list` comes last)

use std::io::{BufRead, BufReader, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: floor SCHEMA.json CORPUS.ndjson [--list]");
        std::process::exit(2);
    }
    let schema: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&args[1]).expect("read the schema"))
            .expect("the schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let list = args.get(3).is_some_and(|a| a == "--list");
    let mut input = BufReader::with_capacity(
        1 << 16,
        std::fs::File::open(&args[2]).expect("open the corpus"),
    );
    let mut line = Vec::new();
    let (mut valid, mut invalid, mut number) = (0u64, 0u64, 0u64);
    let mut failed = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line).expect("read") == 0 {
            break;
        }
        number += 1;
        match serde_json::from_slice::<serde_json::Value>(&line) {
            Ok(v) if validator.is_valid(&v) => valid += 1,
            _ => {
                invalid += 1;
                failed.push(number);
            }
        }
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{valid} valid, {invalid} invalid");
    if list {
        for n in failed {
            let _ = writeln!(out, "{n}");
        }
    }
}

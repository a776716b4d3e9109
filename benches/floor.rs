//! The floors of this design, on one thread, with nothing else (no positions, no findings, no
//! output per payload). `benches/run` times them beside `hlmsg validate` to show how close the
//! tool comes to the practical limits:
//!
//! - `floor SCHEMA.json CORPUS.ndjson [--list]`: read NDJSON line by line, parse each line into a
//!   `serde_json::Value` and run the compiled schema's `is_valid`. Prints `N valid, N invalid`,
//!   then, with `--list`, the 1-based line numbers of the invalid payloads, one per line.
//! - `floor --syntax CORPUS.ndjson`: the limit of any validator that reads every byte: split the
//!   input into lines with `memchr` in 1 MiB blocks and check each line's syntax only (serde_json
//!   into `IgnoredAny`, which builds nothing). Prints `N lines, N not JSON`.

use std::io::{BufRead, BufReader, Read, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() == 3 && args[1] == "--syntax" {
        syntax(&args[2]);
        return;
    }
    if args.len() < 3 {
        eprintln!("usage: floor SCHEMA.json CORPUS.ndjson [--list] | floor --syntax CORPUS.ndjson");
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

/// The syntax-only floor: lines split with `memchr` in 1 MiB blocks, each parsed into
/// `IgnoredAny`.
fn syntax(path: &str) {
    const BLOCK: usize = 1 << 20;
    let mut file = std::fs::File::open(path).expect("open the corpus");
    let mut buf: Vec<u8> = Vec::with_capacity(2 * BLOCK);
    let (mut lines, mut bad) = (0u64, 0u64);
    let mut check = |line: &[u8]| {
        if line.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        lines += 1;
        let mut de = serde_json::Deserializer::from_slice(line);
        let ok = serde::de::Deserialize::deserialize(&mut de)
            .map(|_: serde::de::IgnoredAny| ())
            .and_then(|()| de.end())
            .is_ok();
        bad += u64::from(!ok);
    };
    loop {
        let kept = buf.len();
        buf.resize(kept + BLOCK, 0);
        let n = file.read(&mut buf[kept..]).expect("read");
        buf.truncate(kept + n);
        if n == 0 {
            check(&buf);
            break;
        }
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', &buf) {
            check(&buf[start..end]);
            start = end + 1;
        }
        buf.drain(..start);
    }
    let _ = writeln!(std::io::stdout().lock(), "{lines} lines, {bad} not JSON");
}

//! Every line of the input is accounted for: in a mix of good payloads, truncated payloads,
//! junk text and blank lines, each line that is not blank belongs to exactly one entry of the
//! report, and a failed entry that spans several lines says which.

use crate::util::{Output, hlmsg};

/// A small deterministic generator (xorshift), so that each seed gives the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Good,
    Truncated,
    Junk,
    Blank,
}

const JUNK: [&str; 6] = [
    "<html><body>502 Bad Gateway</body></html>",
    "2025-09-01 ERROR upstream timeout",
    "hello world",
    "HTTP/1.1 500 Internal Server Error",
    "}}}",
    "\"just a string\" and more",
];

fn mix(seed: u64, good: &[String]) -> (Vec<Line>, String) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut kinds = Vec::new();
    let mut text = String::new();
    for i in 0..300 {
        let kind = match rng.below(10) {
            0..=5 => Line::Good,
            6 => Line::Truncated,
            7 | 8 => Line::Junk,
            _ => Line::Blank,
        };
        let payload = &good[i % good.len()];
        let line = match kind {
            Line::Good => payload.clone(),
            // Cut inside the payload, at a place that depends on the seed.
            Line::Truncated => {
                let cut = 1 + rng.below(payload.len() as u64 - 2) as usize;
                let cut = (cut..payload.len())
                    .find(|&c| payload.is_char_boundary(c))
                    .unwrap();
                payload[..cut].to_string()
            }
            Line::Junk => JUNK[rng.below(JUNK.len() as u64) as usize].to_string(),
            Line::Blank => String::new(),
        };
        kinds.push(kind);
        text.push_str(&line);
        text.push('\n');
    }
    (kinds, text)
}

/// The last line an entry's message says it covers, if it says.
fn last_line_named(message: &str) -> Option<u64> {
    if let Some(i) = message.find("reading resumes at line ") {
        let n: String = message[i + 24..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        return n.parse::<u64>().ok().map(|n| n - 1);
    }
    // `(lines 4-9)`, or `lines 296-300 are skipped with it`.
    message.match_indices("lines ").find_map(|(i, _)| {
        let range: String = message[i + 6..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        range.split('-').nth(1)?.parse().ok()
    })
}

#[test]
fn every_line_of_a_mixed_log_is_accounted_for_once() {
    let generated = hlmsg(&["sample", "--count", "20", "--seed", "11"], None);
    let good: Vec<String> = generated.stdout.lines().map(str::to_string).collect();
    for seed in 1..=40 {
        let (kinds, text) = mix(seed, &good);
        let r = hlmsg(&["validate", "-f", "json"], Some(text.as_bytes()));
        let records = r.records(Output::Validate);
        let entries: Vec<&serde_json::Value> =
            records.iter().filter(|v| v["kind"] == "payload").collect();
        let starts: Vec<u64> = entries
            .iter()
            .map(|e| e["line"].as_u64().unwrap())
            .collect();
        assert!(
            starts.windows(2).all(|w| w[0] < w[1]),
            "seed {seed}: {starts:?}"
        );
        let line_kind = |n: u64| kinds[(n - 1) as usize];
        for (k, entry) in entries.iter().enumerate() {
            let start = starts[k];
            assert_ne!(
                line_kind(start),
                Line::Blank,
                "seed {seed}: entry at a blank line {start}"
            );
            // The lines this entry covers: up to the next entry, blank ones aside.
            let next = starts.get(k + 1).copied().unwrap_or(kinds.len() as u64 + 1);
            let covered: Vec<u64> = (start..next)
                .filter(|&n| line_kind(n) != Line::Blank)
                .collect();
            let last = *covered.last().unwrap();
            // A good payload is never swallowed by another entry.
            for &n in &covered[1..] {
                assert_ne!(
                    line_kind(n),
                    Line::Good,
                    "seed {seed}: line {n} inside the entry at {start}:\n{text}"
                );
            }
            if line_kind(start) == Line::Good && covered.len() == 1 {
                continue;
            }
            let valid = entry["valid"].as_bool().unwrap();
            assert!(
                !valid,
                "seed {seed}: entry at {start} covers {covered:?} and passed"
            );
            if covered.len() > 1 {
                // It says which lines it took.
                let messages: Vec<&str> = entry["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|d| d["message"].as_str())
                    .collect();
                let named = messages.iter().filter_map(|m| last_line_named(m)).max();
                assert!(
                    named.is_some_and(|n| n >= last),
                    "seed {seed}: entry at line {start} covers lines to {last}, its messages say {messages:?}"
                );
            }
        }
        // Every line that is not blank is in some entry.
        let first_start = starts.first().copied().unwrap_or(u64::MAX);
        for (i, kind) in kinds.iter().enumerate() {
            let n = i as u64 + 1;
            if *kind != Line::Blank {
                assert!(n >= first_start, "seed {seed}: line {n} before any entry");
            }
        }
        let summary = records.last().unwrap();
        assert_eq!(
            summary["passed"].as_u64().unwrap() + summary["failed"].as_u64().unwrap(),
            entries.len() as u64,
            "seed {seed}"
        );
    }
}

/// How one payload of [`shapes`] is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Compact,
    Indented,
    Pretty,
    /// Cut short at a random character: inside a string, after `[`, `:` or `,`, anywhere.
    Cut,
}

/// A stream of payloads in mixed shapes, with `eol` as every line end (payloads of a pretty
/// stream included).
fn shapes(seed: u64, good: &[String], eol: &str) -> (Vec<Shape>, String) {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
    let pretty_stream = seed.is_multiple_of(3);
    let mut kinds = Vec::new();
    let mut text = String::new();
    for i in 0..60 {
        let compact = &good[i % good.len()];
        let value: serde_json::Value = serde_json::from_str(compact).unwrap();
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let kind = match rng.below(10) {
            0..=3 if pretty_stream => Shape::Pretty,
            0..=4 => Shape::Compact,
            5..=7 => Shape::Indented,
            8 => Shape::Pretty,
            _ => Shape::Cut,
        };
        let written = match kind {
            Shape::Compact => compact.clone(),
            Shape::Indented => format!("{}{compact}", " ".repeat(1 + rng.below(6) as usize)),
            Shape::Pretty => pretty,
            Shape::Cut => {
                let whole = if pretty_stream { &pretty } else { compact };
                let cut = 1 + rng.below(whole.len() as u64 - 2) as usize;
                let cut = (cut..whole.len())
                    .find(|&c| whole.is_char_boundary(c))
                    .unwrap();
                whole[..cut].trim_end().to_string()
            }
        };
        kinds.push(kind);
        text.push_str(&written.replace('\n', eol));
        text.push_str(eol);
    }
    (kinds, text)
}

#[test]
fn no_payload_is_lost_after_a_broken_one() {
    let generated = hlmsg(&["sample", "--count", "20", "--seed", "11"], None);
    let good: Vec<String> = generated.stdout.lines().map(str::to_string).collect();
    for seed in 1..=36 {
        // Pretty streams (every third seed) end lines with a line feed.
        let eol = ["\n", "\r\n", "\r"][(seed % 3) as usize];
        let (kinds, text) = shapes(seed, &good, eol);
        let r = hlmsg(&["validate", "-f", "json"], Some(text.as_bytes()));
        let records = r.records(Output::Validate);
        let summary = records.last().unwrap();
        let cut = kinds.iter().filter(|k| **k == Shape::Cut).count() as u64;
        let whole = kinds.len() as u64 - cut;
        let failures: Vec<String> = records
            .iter()
            .filter(|v| v["kind"] == "payload" && v["valid"] == false)
            .map(|v| v["diagnostics"][0]["message"].to_string())
            .collect();
        assert_eq!(
            (summary["passed"].as_u64(), summary["failed"].as_u64()),
            (Some(whole), Some(cut)),
            "seed {seed}, line ends {eol:?}: {kinds:?}\n{failures:#?}"
        );
    }
}

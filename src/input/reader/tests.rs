//! End-to-end tests of the reader: the records and faults it yields for each kind of input.

use std::sync::Arc;

use super::*;

/// One item the reader yields: line, column, the text (or the fault's message), the status (or
/// `fault`), and the delivery's `X-GHL-Signature` header.
pub(super) type Got = (u64, u64, String, String, Option<String>);

/// Every item `r` yields.
pub(super) fn items<R: std::io::Read>(mut r: Reader<R>) -> Vec<Got> {
    let mut out = Vec::new();
    while let Some(item) = r.next().unwrap() {
        out.push(match item {
            Item::Record(rec) => (
                rec.origin.position.line,
                rec.origin.position.column,
                String::from_utf8_lossy(rec.bytes).into_owned(),
                format!("{:?}", rec.status),
                rec.delivery
                    .and_then(|d| d.header("x-ghl-signature").map(str::to_string)),
            ),
            Item::Fault(f) => (
                f.origin.position.line,
                f.origin.position.column,
                f.message,
                "fault".into(),
                None,
            ),
        });
    }
    out
}

/// Reads everything, returning (line, column, text-or-fault, status) per item.
fn split_with(input: &[u8], max: u64, chunk: usize) -> Vec<(u64, u64, String, String)> {
    let r = Reader::new(Arc::from("t"), Chunked(input, chunk)).with_max_payload(max);
    items(r)
        .into_iter()
        .map(|(line, column, text, status, _)| (line, column, text, status))
        .collect()
}

fn split(input: &str) -> Vec<(u64, u64, String, String)> {
    let whole = split_with(input.as_bytes(), DEFAULT_MAX_PAYLOAD_BYTES, usize::MAX);
    // Reading one byte at a time must give the same result.
    let bytewise = split_with(input.as_bytes(), DEFAULT_MAX_PAYLOAD_BYTES, 1);
    assert_eq!(whole, bytewise, "chunking changed the result for {input:?}");
    whole
}

fn texts(input: &str) -> Vec<String> {
    split(input).into_iter().map(|r| r.2).collect()
}

const OK: &str = "Complete";

#[test]
fn single_pretty_object() {
    let r = split("{\n  \"a\": {\n    \"b\": [1, 2]\n  }\n}\n");
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].0, r[0].1), (1, 1));
    assert_eq!(r[0].3, OK);
}

#[test]
fn ndjson_with_positions_and_crlf() {
    let r = split("{\"a\":1}\r\n\r\n{\"b\":\"x}\"}\r\n  {\"c\":3}");
    let pos: Vec<_> = r.iter().map(|x| (x.0, x.1)).collect();
    assert_eq!(pos, vec![(1, 1), (3, 1), (4, 3)]);
    assert_eq!(r[1].2, "{\"b\":\"x}\"}");
    assert!(r.iter().all(|x| x.3 == OK));
}

#[test]
fn concatenated_values_on_one_line() {
    assert_eq!(
        texts("{\"a\":1}{\"b\":2} {\"c\":[3]}"),
        vec!["{\"a\":1}", "{\"b\":2}", "{\"c\":[3]}"]
    );
}

#[test]
fn array_of_payloads_is_split_into_elements() {
    let r = split("[\n  {\"a\":1},\n  {\"b\":\"]\"}\n]\n");
    assert_eq!(r.len(), 2);
    assert_eq!((r[0].0, r[0].1, r[0].2.as_str()), (2, 3, "{\"a\":1}"));
    assert_eq!((r[1].0, r[1].1, r[1].2.as_str()), (3, 3, "{\"b\":\"]\"}"));
}

#[test]
fn every_top_level_array_holds_entries() {
    assert_eq!(texts("[1, 2]"), vec!["1", "2"]);
    assert_eq!(texts("[[1], {\"a\":1}]"), vec!["[1]", "{\"a\":1}"]);
}

#[test]
fn mixed_array_elements_each_become_records() {
    assert_eq!(
        texts("[{\"a\":1}, 5, \"x\"]"),
        vec!["{\"a\":1}", "5", "\"x\""]
    );
}

#[test]
fn empty_input_and_empty_array() {
    assert!(split("").is_empty());
    assert!(split("  \n\t ").is_empty());
    assert!(split("[]").is_empty());
    assert!(split("[ \n ]").is_empty());
}

#[test]
fn empty_sources_can_be_reported() {
    for (input, what) in [
        ("", "empty input"),
        (" \n", "only blanks"),
        ("\u{feff}", "only blanks"),
    ] {
        let mut r = Reader::new(Arc::from("t"), input.as_bytes()).require_entry(true);
        match r.next().unwrap() {
            Some(Item::Fault(f)) => {
                assert!(f.message.contains(what), "{input:?}: {}", f.message)
            }
            other => panic!("{input:?}: {other:?}"),
        }
        assert!(r.next().unwrap().is_none());
    }
    let mut r = Reader::new(Arc::from("t"), &b"[]"[..]).require_entry(true);
    assert!(matches!(r.next().unwrap(), Some(Item::Fault(_))));
}

#[test]
fn review_regressions() {
    // A number or text longer than the limit does not panic.
    let long = format!("{}\n{{\"a\":1}}", "9".repeat(300));
    for chunk in [1, 7, 64] {
        let r = split_with(long.as_bytes(), 100, chunk);
        assert!(r[0].3.starts_with("TooLarge"), "{r:?}");
        assert_eq!(r[1].2, "{\"a\":1}");
    }
    // A line break right after a backslash cuts the string, and lines stay counted.
    let r = split("{\"body\":\"a\\\n{\"b\":1}\n{\"c\":2}\n");
    assert_eq!(r.len(), 3, "{r:?}");
    assert_eq!((r[1].0, r[1].2.as_str()), (2, "{\"b\":1}"));
    assert_eq!(r[2].0, 3);
    // Nested objects at column 1 in valid JSON (indent=0) stay in their payload.
    let r = split("{\n\"a\": [\n{\n\"u\": 1\n},\n{\n\"v\": 2\n}\n],\n\"b\": {\n\"c\": 1\n}\n}\n");
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0].3, OK);
    // A byte-order mark between concatenated files is skipped.
    let r = split("{\"a\":1}\n\u{feff}{\"b\":2}");
    assert_eq!(r.len(), 2, "{r:?}");
    assert_eq!((r[1].0, r[1].1), (2, 2));
}

#[test]
fn ndjson_truncated_after_a_comma_recovers() {
    // In NDJSON (known from the first line) a `{` at a line start always begins a payload.
    let r = split("{\"a\":1}\n{\"b\":[1,\n{\"c\":2}\n{\"d\":3}\n");
    let texts: Vec<&str> = r.iter().map(|x| x.2.as_str()).collect();
    assert_eq!(
        texts,
        ["{\"a\":1}", "{\"b\":[1,\n", "{\"c\":2}", "{\"d\":3}"]
    );
}

#[test]
fn bom_is_skipped() {
    let r = split("\u{feff}{\"a\":1}");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].2, "{\"a\":1}");
    assert_eq!((r[0].0, r[0].1), (1, 1));
}

#[test]
fn binary_files_are_named() {
    for (bytes, kind) in [
        (&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "a PNG image"),
        (b"\x1f\x8b\x08\x00", "gzip"),
        (b"\0\0\0\0", "NUL bytes"),
    ] {
        let r = split_with(bytes, 100, usize::MAX);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].2.contains(kind), "{}", r[0].2);
    }
}

#[test]
fn utf16_is_named() {
    let r = split_with(&[0xFF, 0xFE, b'{', 0, b'}', 0], 100, usize::MAX);
    assert_eq!(r.len(), 1);
    assert!(r[0].2.contains("UTF-16LE"), "{}", r[0].2);
    let r = split_with(&[b'{', 0, b'}', 0], 100, usize::MAX);
    assert!(r[0].2.contains("UTF-16LE"), "{}", r[0].2);
}

#[test]
fn truncated_ndjson_line_recovers_on_next_line() {
    let r = split("{\"a\":1,\"b\":[1,\n{\"c\":2}\n");
    assert_eq!(r.len(), 2);
    assert_eq!(
        r[0].3,
        "Truncated { resumed_at: Some(Position { line: 2, column: 1 }) }"
    );
    assert_eq!(r[1].2, "{\"c\":2}");
    assert_eq!(r[1].3, OK);
}

#[test]
fn line_break_inside_string_recovers_at_next_payload() {
    let r = split("{\"a\":\"cut\n  \"more\": 1\n}\n{\"c\":2}\n");
    assert_eq!(r.len(), 2);
    assert!(r[0].3.starts_with("Truncated"), "{:?}", r[0]);
    assert_eq!((r[1].0, r[1].2.as_str()), (4, "{\"c\":2}"));
}

#[test]
fn indented_payloads_after_a_truncated_line_are_kept() {
    let r = split("{\"a\":1}\n{\"a\":\n  {\"b\":2}\n    {\"c\":3}\n{\"d\":4}\n");
    let got: Vec<(u64, &str, &str)> = r
        .iter()
        .map(|x| (x.0, x.2.trim_end(), x.3.split(' ').next().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "{\"a\":1}", "Complete"),
            (2, "{\"a\":", "Truncated"),
            (3, "{\"b\":2}", "Complete"),
            (4, "{\"c\":3}", "Complete"),
            (5, "{\"d\":4}", "Complete"),
        ]
    );
}

#[test]
fn lone_carriage_returns_end_lines() {
    // Cut between members and inside a string.
    for cut in ["{\"a\":", "{\"a\":\"xy"] {
        let input = format!("{{\"a\":1}}\r{cut}\r{{\"b\":2}}\r  {{\"c\":3}}\r");
        let r = split(&input);
        let texts: Vec<&str> = r.iter().map(|x| x.2.trim_end()).collect();
        assert_eq!(
            texts,
            ["{\"a\":1}", cut, "{\"b\":2}", "{\"c\":3}"],
            "{input:?}"
        );
        assert!(r[1].3.starts_with("Truncated"), "{:?}", r[1]);
    }
}

#[test]
fn a_stray_carriage_return_inside_a_payload_is_a_blank() {
    let r = split("{\"a\":[1,\r{\"b\":2}]}\n{\"c\":[\r {}]}\n");
    let got: Vec<(&str, &str)> = r.iter().map(|x| (x.2.as_str(), x.3.as_str())).collect();
    assert_eq!(
        got,
        [("{\"a\":[1,\r{\"b\":2}]}", OK), ("{\"c\":[\r {}]}", OK)]
    );
}

#[test]
fn pretty_payloads_after_a_cut_after_a_bracket_or_colon_are_kept() {
    let whole = "{\n  \"x\": [\n    {\"a\": 1},\n    {\"b\": 2}\n  ],\n  \"y\": 1\n}";
    for cut in [
        "{\n  \"x\": [",
        "{\n  \"x\":",
        "{\n  \"x\": [\n    {\"a\": 1},",
    ] {
        let input = format!("{whole}\n{cut}\n{whole}\n{whole}\n");
        let r = split(&input);
        let statuses: Vec<&str> = r.iter().map(|x| x.3.split(' ').next().unwrap()).collect();
        assert_eq!(
            statuses,
            ["Complete", "Truncated", "Complete", "Complete"],
            "{input}"
        );
        assert_eq!(r[2].2, whole);
    }
}

#[test]
fn truncated_at_end_of_input() {
    let r = split("{\"a\":1}\n{\"b\":");
    assert_eq!(r[1].3, "Truncated { resumed_at: None }");
    let r = split("\"abc");
    assert_eq!(r[0].3, "Truncated { resumed_at: None }");
}

#[test]
fn nested_objects_at_deeper_columns_do_not_split() {
    let input = "{\n  \"x\": [\n    {\"a\": 1},\n    {\"b\": 2}\n  ]\n}\n{\n  \"y\": 1\n}\n";
    let r = split(input);
    assert_eq!(r.len(), 2);
    assert!(r.iter().all(|x| x.3 == OK));
    assert_eq!((r[1].0, r[1].1), (7, 1));
}

#[test]
fn garbage_is_one_record_per_run() {
    // Text glued on a payload's line is that payload's trailing garbage, as a JSON parser
    // reads it; text on lines of its own is one block, up to the next payload.
    let r = texts("{\"a\":1} trailing words\n{\"b\":2}");
    assert_eq!(r, vec!["{\"a\":1} trailing words", "{\"b\":2}"]);
    let r = texts("{\"a\":1}\n<html>\n\n<body>x</body>\n{\"b\":2}\n");
    assert_eq!(
        r,
        vec!["{\"a\":1}", "<html>\n\n<body>x</body>", "{\"b\":2}"]
    );
    let r = texts("{\"a\":1},{\"b\":2}");
    assert_eq!(r, vec!["{\"a\":1}", ",", "{\"b\":2}"]);
}

#[test]
fn scalars_end_at_delimiters() {
    assert_eq!(texts("42\ntrue\nnull"), vec!["42", "true", "null"]);
    // A number followed by words on its line is a line of text (a log line), and the lines
    // after it that start no payload are the same block.
    assert_eq!(texts("42 true\nnull"), vec!["42 true\nnull"]);
    assert_eq!(texts("42 true\n{}"), vec!["42 true", "{}"]);
}

#[test]
fn array_faults() {
    let r = split("[{\"a\":1},]");
    assert_eq!(r.len(), 2);
    assert!(r[1].2.contains("trailing comma"), "{}", r[1].2);
    assert_eq!((r[1].0, r[1].1), (1, 9));
    let r = split("[{\"a\":1} {\"b\":2}]");
    assert_eq!(r.len(), 3);
    assert!(r[1].2.contains("expected ','"), "{}", r[1].2);
    assert_eq!(r[2].2, "{\"b\":2}");
    let r = split("[{\"a\":1},\n");
    assert!(r[1].2.contains("unterminated array"), "{}", r[1].2);
    assert_eq!((r[1].0, r[1].1), (1, 1));
    let r = split("[,{\"a\":1}]");
    assert!(r[0].2.contains("unexpected ','"), "{}", r[0].2);
    assert_eq!(r[1].2, "{\"a\":1}");
}

#[test]
fn columns_count_characters() {
    let r = split("{\"é\":1} {\"b\":2}");
    assert_eq!((r[1].0, r[1].1), (1, 9));
}

#[test]
fn too_large_records_are_skipped_not_kept() {
    let big = format!("{{\"a\":\"{}\"}}\n{{\"b\":1}}\n", "x".repeat(1000));
    for chunk in [1, 7, usize::MAX] {
        let r = split_with(big.as_bytes(), 100, chunk);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].3, "TooLarge { size: 1008, limit: 100 }");
        assert_eq!(r[0].2, "");
        assert_eq!((r[1].0, r[1].2.as_str()), (2, "{\"b\":1}"));
    }
}

#[test]
fn escaped_quotes_and_backslashes() {
    assert_eq!(
        texts(r#"{"a":"x\"}\\"}{"b":1}"#),
        vec![r#"{"a":"x\"}\\"}"#, r#"{"b":1}"#]
    );
}

#[test]
fn indices_count_every_entry() {
    let mut r = Reader::new(Arc::from("t"), &b"{}\nx\n{}"[..]);
    let mut idx = Vec::new();
    while let Some(item) = r.next().unwrap() {
        idx.push(match item {
            Item::Record(rec) => rec.origin.index,
            Item::Fault(f) => f.origin.index,
        });
    }
    assert_eq!(idx, vec![0, 1, 2]);
}

#[test]
fn nul_bytes_fail_their_line_alone_however_the_bytes_arrive() {
    let cases: [(&[u8], usize); 4] = [
        // A NUL in the first line, valid lines after: that line fails alone.
        (b"{\"a\":\x00}\n{\"type\":\"x\"}\n{\"b\":1}\n", 3),
        // The same NUL further in.
        (b"{\"type\":\"x\"}\n{\"a\":\x00}\n{\"b\":1}\n", 3),
        // No line of the first block is JSON: the whole source is binary.
        (b"\x00\x01\x02\x03 not json\nnor this \x00\n", 1),
        (b"\x00", 1),
    ];
    for (input, entries) in cases {
        let mut verdicts = Vec::new();
        for chunk in [1, 2, 7, 64, 4096] {
            let got = split_with(input, u64::MAX, chunk);
            assert_eq!(
                got.len(),
                entries,
                "{input:?} in chunks of {chunk}: {got:?}"
            );
            verdicts.push(got);
        }
        assert!(
            verdicts.windows(2).all(|w| w[0] == w[1]),
            "{input:?}: {verdicts:?}"
        );
    }
}

mod agree;

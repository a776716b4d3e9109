//! Properties of the reader: its fast ways (the scan's lane, the line split) decide as the
//! byte-by-byte scan does, and nothing it decides depends on where reads end.

use std::sync::Arc;

use super::super::*;

/// Everything the reader decides about each item of `input` (read in pieces of `chunk`
/// bytes), with the scan's fast lane on or off.
fn scanned(input: &[u8], chunk: usize, bytewise: bool) -> Vec<String> {
    scanned_as("t", input, chunk, bytewise)
}

/// [`scanned`] for a source named `name` (a name ending in `.ndjson` marks one payload per
/// line, where the reader splits lines ahead of the scan unless `bytewise`).
fn scanned_as(name: &str, input: &[u8], chunk: usize, bytewise: bool) -> Vec<String> {
    scan::BYTEWISE.with(|b| b.set(bytewise));
    let mut r = Reader::new(Arc::from(name), Chunked(input, chunk)).with_max_payload(200);
    let mut out = Vec::new();
    while let Some(item) = r.next().unwrap() {
        out.push(match item {
            Item::Record(rec) => format!(
                "{:?} {:?} {:?} members {:?} deep {}",
                rec.origin.position,
                String::from_utf8_lossy(rec.bytes),
                rec.status,
                rec.members,
                rec.deep
            ),
            Item::Fault(f) => format!("{:?} {}", f.origin.position, f.message),
        });
    }
    scan::BYTEWISE.with(|b| b.set(false));
    out
}

/// How many bytes each read hands the reader: all at once, a few at a time, or a block's worth
/// or more, so that reads end inside tokens, strings and lines.
fn read_sizes() -> impl proptest::strategy::Strategy<Value = usize> {
    proptest::prop_oneof![
        proptest::strategy::Just(usize::MAX),
        1usize..6,
        proptest::strategy::Just(64usize),
        proptest::strategy::Just(100usize),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The fast lane for the middle of a line reaches the same records, positions, statuses,
    /// member counts and depths as the byte-by-byte scan, however the bytes arrive.
    #[test]
    fn the_fast_lane_decides_as_the_byte_by_byte_scan(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "{", "}", "[", "]", "\"", "\\", ":", ",", " ", "\t", "\n", "\r", "\r\n", "a",
            "1", "true", "\"key\":", "\"a string longer than the short run\"", "\\\"",
            "\\\n", "{\"a\":1}", "{\"a\":{\"b\":[1,\"x\"]}}\n", "  {", "\n{", "\u{e9}",
        ]), 0..48),
        chunk in read_sizes(),
    ) {
        let input = parts.concat();
        let fast = scanned(input.as_bytes(), chunk, false);
        let slow = scanned(input.as_bytes(), chunk, true);
        proptest::prop_assert_eq!(fast, slow, "input {:?}", input);
    }
}

thread_local! {
    /// How many cases of the line-split property took at least one record by the split.
    static SPLIT_CASES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// The lines of an NDJSON source are split, not scanned, when they hold one object each, and
/// the property below does exercise the split.
#[test]
fn lines_of_one_object_each_are_split() {
    let input = b"{\"a\":1}\n{\"b\":[{\"c\":\"}\"}]}\r\n{\"d\":2} \n{\"e\":\n3}\n";
    let before = json::LINES_SPLIT.with(std::cell::Cell::get);
    let split = scanned_as("t.ndjson", input, usize::MAX, false);
    let taken = json::LINES_SPLIT.with(std::cell::Cell::get) - before;
    assert_eq!(taken, 3, "{split:?}");
    assert_eq!(split, scanned_as("t.ndjson", input, usize::MAX, true));
    assert_eq!(split.len(), 4, "{split:?}");
    SPLIT_CASES.with(|n| n.set(0));
    the_line_split_decides_as_the_byte_by_byte_scan();
    let cases = SPLIT_CASES.with(std::cell::Cell::get);
    assert!(
        cases > 200,
        "only {cases} of 2000 cases took a line by the split"
    );
}

/// A line of many values is searched for its end once, not once for each value: the work stays
/// linear in the line's length.
#[test]
fn a_line_of_many_values_is_searched_once() {
    let mut input = "{\"a\":1}".repeat(20_000);
    input.push('\n');
    input.push_str(&"{\"b\":[2]} ".repeat(20_000));
    input.push('\n');
    let before = json::LINES_SEARCHED.with(std::cell::Cell::get);
    let split = scanned_as("t.ndjson", input.as_bytes(), usize::MAX, false);
    let searched = json::LINES_SEARCHED.with(std::cell::Cell::get) - before;
    assert_eq!(split.len(), 40_000);
    assert!(searched <= 2, "{searched} searches for 2 lines");
    assert_eq!(
        split,
        scanned_as("t.ndjson", input.as_bytes(), usize::MAX, true)
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// In a source of one payload per line, the line split (memchr to the line's end, then the
    /// 64-byte-block proof that the line is one object) reaches the same records, positions,
    /// statuses, member counts and depths as the byte-by-byte scan, however the bytes arrive:
    /// whole lines, lines cut short or run together, strings and backslash runs across block
    /// edges, carriage returns, bytes that look like brackets to the block compares.
    #[test]
    fn the_line_split_decides_as_the_byte_by_byte_scan(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "{", "}", "[", "]", "\"", "\\", "\\\\", ":", ",", " ", "\t", "\n", "\r", "\r\n",
            "1", "true", "Y", "_y\u{7f}", "\"key\":", "\"a string of some length, to cross the blocks\"",
            "\\\"", "\\\n", "{\"a\":1}", "{\"a\":{\"b\":[1,\"x\"]}}\n", "{\"k\":\"v\",\"n\":[]}\n",
            "  {", "\n{", "\u{e9}", "{\"", "\"}\n", "\"]}\n",
        ]), 0..64),
        chunk in read_sizes(),
    ) {
        let input = parts.concat();
        let before = json::LINES_SPLIT.with(std::cell::Cell::get);
        let split = scanned_as("t.ndjson", input.as_bytes(), chunk, false);
        SPLIT_CASES.with(|n| {
            n.set(n.get() + usize::from(json::LINES_SPLIT.with(std::cell::Cell::get) > before));
        });
        let scan = scanned_as("t.ndjson", input.as_bytes(), chunk, true);
        proptest::prop_assert_eq!(split, scan, "input {:?}", input);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// What the reader decides does not depend on how the bytes arrive: text glued after a
    /// payload, carriage returns alone or before a line feed, lines split or not.
    #[test]
    fn records_do_not_depend_on_where_reads_end(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "{\"a\":1}", "{\"a\":[1,{\"b\":\"c\"}]}", " x", "x", "\r", "\n", "\r\n", " ", "1",
            "\"s\"", "{", "}", "\"", "\\", ":", ",",
        ]), 0..40),
        name in proptest::sample::select(vec!["t", "t.ndjson"]),
        chunk in 1usize..80,
    ) {
        let input = parts.concat();
        let whole = scanned_as(name, input.as_bytes(), usize::MAX, false);
        let pieces = scanned_as(name, input.as_bytes(), chunk, false);
        proptest::prop_assert_eq!(whole, pieces, "input {:?}", input);
    }
}

proptest::proptest! {
    /// The word-at-a-time search finds what a byte-by-byte search finds.
    #[test]
    fn the_string_search_finds_the_first_stop(
        hay in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just(b'"'),
            proptest::strategy::Just(b'\\'),
            proptest::strategy::Just(b'\n'),
            proptest::strategy::Just(b'\r'),
            proptest::num::u8::ANY,
            b'a'..=b'z',
        ], 0..80),
        from in 0usize..90,
        cr in proptest::bool::ANY,
    ) {
        let line_end = if cr { b'\r' } else { b'\n' };
        let want = (from.min(hay.len())..hay.len())
            .find(|&i| matches!(hay[i], b'"' | b'\\') || hay[i] == line_end)
            .unwrap_or(hay.len());
        proptest::prop_assert_eq!(crate::input::doc::string_stop(&hay, from, line_end), want);
    }
}

//! Output of `hlmsg diff`: human text, JSON Lines, or an RFC 6902 JSON Patch.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::diff::pair::Key;
use crate::diff::patch::Patcher;
use crate::diff::{Difference, Ignore, Node, Op, diff_each};
use crate::model::origin::Origin;
use crate::render::inline;
use crate::render::jsonl::{ErrorJson, OriginJson, SafeFormatter, write_line};
use crate::render::style::{Painter, styles};
use crate::render::width::fit;

/// LEFT or RIGHT.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first path argument.
    Left,
    /// The second path argument.
    Right,
}

impl Side {
    /// `LEFT` or `RIGHT`.
    pub fn name(self) -> &'static str {
        match self {
            Side::Left => "LEFT",
            Side::Right => "RIGHT",
        }
    }

    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// Two payloads paired in a comparison of captures.
#[derive(Debug, Clone, Copy)]
pub struct Pair<'a> {
    /// How they were paired.
    pub key: &'a Key,
    /// Where the LEFT payload starts.
    pub left: &'a Origin,
    /// Where the RIGHT payload starts.
    pub right: &'a Origin,
}

/// The counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffSummary {
    /// Whether captures were compared (else two single payloads).
    pub capture: bool,
    /// Differences found, over all pairs.
    pub differences: u64,
    /// Pairs without differences.
    pub same: u64,
    /// Pairs with differences.
    pub changed: u64,
    /// Payloads only in LEFT.
    pub only_in_left: u64,
    /// Payloads only in RIGHT.
    pub only_in_right: u64,
}

impl DiffSummary {
    /// Whether anything differs.
    pub fn differs(&self) -> bool {
        self.differences > 0 || self.only_in_left > 0 || self.only_in_right > 0
    }

    /// The last line of the human output.
    pub fn line(&self) -> String {
        if self.capture {
            format!(
                "{} same, {} changed, {} only in LEFT, {} only in RIGHT",
                self.same, self.changed, self.only_in_left, self.only_in_right
            )
        } else {
            match self.differences {
                0 => "no differences".to_string(),
                1 => "1 difference".to_string(),
                n => format!("{n} differences"),
            }
        }
    }
}

/// Receives the results of `diff`, in order.
pub trait DiffReport {
    /// Compares two payloads (two single payloads when `pair` is `None`) and reports their
    /// differences as they are found; returns how many there are in all.
    fn compare(
        &mut self,
        pair: Option<&Pair<'_>>,
        left: Node<'_>,
        right: Node<'_>,
        ignore: &Ignore,
    ) -> io::Result<u64> {
        let mut begun = false;
        let cap = self.cap();
        let total = diff_each(left, right, ignore, cap, &mut |batch| {
            if !begun {
                begun = true;
                self.begin(pair)?;
            }
            self.differences(pair, batch)
        })?;
        let rest = total.saturating_sub(cap as u64);
        if rest > 0 {
            self.not_shown(pair, rest)?;
        }
        Ok(total)
    }
    /// The first difference of a pair is coming.
    fn begin(&mut self, _pair: Option<&Pair<'_>>) -> io::Result<()> {
        Ok(())
    }
    /// Differences of two single payloads (`pair` is `None`), or of a changed pair, in batches
    /// after [`DiffReport::begin`].
    fn differences(&mut self, pair: Option<&Pair<'_>>, diffs: &[Difference<'_>]) -> io::Result<()>;
    /// How many differences of one pair are reported; the rest are counted with
    /// [`DiffReport::not_shown`].
    fn cap(&self) -> usize {
        crate::diff::MAX_DIFFERENCES
    }
    /// The differences of a pair past the cap: how many were left out. Machine output says it
    /// through the summary's total.
    fn not_shown(&mut self, _pair: Option<&Pair<'_>>, _count: u64) -> io::Result<()> {
        Ok(())
    }
    /// A payload with no partner on the other side.
    fn only_in(&mut self, side: Side, key: &Key, origin: &Origin) -> io::Result<()>;
    /// A path that could not be read, or an entry that is not a payload (already said on
    /// standard error): only machine output records it.
    fn trouble(&mut self, _error: &ErrorJson<'_>) -> io::Result<()> {
        Ok(())
    }
    /// The end of the run.
    fn finish(&mut self, summary: &DiffSummary) -> io::Result<()>;
}

fn op_style(op: Op) -> owo_colors::Style {
    match op {
        Op::Changed => styles::changed(),
        Op::Added => styles::added(),
        Op::Removed => styles::removed(),
    }
}

/// Human output: `~`, `+` and `-` lines, colored when color is on, always escaped, and laid out
/// to the painter's width. A long or multi-line string that changed shows where it changed
/// ([`inline`]).
pub struct HumanDiff<W> {
    out: W,
    painter: Painter,
    full: bool,
    /// Time spent on inline comparisons so far: past [`INLINE_BUDGET`], changed strings keep
    /// the short form, so that a thousand huge differences cannot take minutes.
    spent: Duration,
}

/// The time a run spends on inline comparisons of changed strings, at most.
const INLINE_BUDGET: Duration = Duration::from_secs(2);

impl<W: Write> HumanDiff<W> {
    /// Writes to `out`; `full` shows changed strings whole.
    pub fn new(out: W, painter: Painter, full: bool) -> Self {
        HumanDiff {
            out,
            painter,
            full,
            spent: Duration::ZERO,
        }
    }

    /// A line, folded to the width.
    fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{}", fit(text, self.painter.width()))
    }

    /// One difference, at `indent`.
    fn difference(&mut self, indent: &str, d: &Difference<'_>) -> io::Result<()> {
        let strings = match (d.op, d.left, d.right) {
            (Op::Changed, Some(l), Some(r)) => l.as_str().zip(r.as_str()),
            _ => None,
        };
        let inline = strings
            .filter(|(l, r)| inline::wants_inline(l, r))
            .filter(|_| self.spent < INLINE_BUDGET);
        let Some((old, new)) = inline else {
            let line = self.painter.paint(&d.to_string(), op_style(d.op));
            return self.line(&format!("{indent}{line}"));
        };
        let marks = inline::Marks {
            painter: self.painter,
            full: self.full,
        };
        let started = Instant::now();
        let (what, body) = if old.contains('\n') || new.contains('\n') {
            ("lines changed", inline::lines(&old, &new, marks))
        } else {
            ("words changed", vec![inline::words(&old, &new, marks)])
        };
        self.spent += started.elapsed();
        let header = format!("~ {}: {what}", d.pointer());
        let header = self.painter.paint(&header, op_style(d.op));
        self.line(&format!("{indent}{header}"))?;
        for text in body {
            if text.is_empty() {
                self.line("")?;
            } else {
                self.line(&format!("{indent}    {text}"))?;
            }
        }
        Ok(())
    }
}

impl<W: Write> DiffReport for HumanDiff<W> {
    fn begin(&mut self, pair: Option<&Pair<'_>>) -> io::Result<()> {
        match pair {
            Some(p) => {
                let header = format!("{}: {} → {}", p.key, p.left, p.right);
                let header = self.painter.paint(&header, styles::location());
                self.line(&header)
            }
            None => Ok(()),
        }
    }

    fn differences(&mut self, pair: Option<&Pair<'_>>, diffs: &[Difference<'_>]) -> io::Result<()> {
        let indent = if pair.is_some() { "  " } else { "" };
        for d in diffs {
            self.difference(indent, d)?;
        }
        Ok(())
    }

    fn not_shown(&mut self, pair: Option<&Pair<'_>>, count: u64) -> io::Result<()> {
        let indent = if pair.is_some() { "  " } else { "" };
        let noun = if count == 1 {
            "difference"
        } else {
            "differences"
        };
        let line = format!("… {count} more {noun} not shown");
        let line = format!("{indent}{}", self.painter.paint(&line, styles::warning()));
        self.line(&line)
    }

    fn only_in(&mut self, side: Side, key: &Key, origin: &Origin) -> io::Result<()> {
        let (sign, style) = match side {
            Side::Left => ('-', styles::removed()),
            Side::Right => ('+', styles::added()),
        };
        let line = format!("{sign} only in {}: {key} at {origin}", side.name());
        let line = self.painter.paint(&line, style);
        self.line(&line)
    }

    fn finish(&mut self, s: &DiffSummary) -> io::Result<()> {
        let style = if s.differs() {
            styles::warning()
        } else {
            styles::ok()
        };
        let line = self.painter.paint(&s.line(), style);
        self.line(&line)
    }
}

#[derive(Serialize)]
struct PairJson<'a> {
    message_id: Option<&'a str>,
    position: Option<u64>,
    left_origin: OriginJson<'a>,
    right_origin: OriginJson<'a>,
}

#[derive(Serialize)]
struct DifferenceLine<'a> {
    kind: &'static str,
    op: Op,
    pointer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    left: Option<crate::diff::Node<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    right: Option<crate::diff::Node<'a>>,
    #[serde(flatten)]
    pair: Option<PairJson<'a>>,
}

#[derive(Serialize)]
struct OnlyLine<'a> {
    kind: &'static str,
    message_id: Option<&'a str>,
    position: Option<u64>,
    origin: OriginJson<'a>,
}

#[derive(Serialize)]
struct SummaryLine {
    kind: &'static str,
    differences: u64,
    #[serde(flatten)]
    capture: Option<CaptureCounts>,
}

#[derive(Serialize)]
struct CaptureCounts {
    same: u64,
    changed: u64,
    only_in_left: u64,
    only_in_right: u64,
}

/// `--format json`: JSON Lines.
pub struct JsonDiff<W> {
    out: W,
}

impl<W: Write> JsonDiff<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        JsonDiff { out }
    }
}

impl<W: Write> DiffReport for JsonDiff<W> {
    fn differences(&mut self, pair: Option<&Pair<'_>>, diffs: &[Difference<'_>]) -> io::Result<()> {
        for d in diffs {
            let line = DifferenceLine {
                kind: "difference",
                op: d.op,
                pointer: d.pointer(),
                left: d.left,
                right: d.right,
                pair: pair.map(|p| PairJson {
                    message_id: p.key.message_id(),
                    position: p.key.position(),
                    left_origin: p.left.into(),
                    right_origin: p.right.into(),
                }),
            };
            write_line(&mut self.out, &line)?;
        }
        Ok(())
    }

    fn only_in(&mut self, side: Side, key: &Key, origin: &Origin) -> io::Result<()> {
        let kind = match side {
            Side::Left => "only_in_left",
            Side::Right => "only_in_right",
        };
        write_line(
            &mut self.out,
            &OnlyLine {
                kind,
                message_id: key.message_id(),
                position: key.position(),
                origin: origin.into(),
            },
        )
    }

    fn trouble(&mut self, error: &ErrorJson<'_>) -> io::Result<()> {
        write_line(&mut self.out, error)
    }

    fn finish(&mut self, s: &DiffSummary) -> io::Result<()> {
        write_line(
            &mut self.out,
            &SummaryLine {
                kind: "summary",
                differences: s.differences,
                capture: s.capture.then_some(CaptureCounts {
                    same: s.same,
                    changed: s.changed,
                    only_in_left: s.only_in_left,
                    only_in_right: s.only_in_right,
                }),
            },
        )
    }
}

/// `--format json-patch`: one JSON array, one operation per line, written as the differences
/// are found.
pub struct PatchDiff<W> {
    out: W,
    patcher: Patcher,
    /// Operations written so far.
    written: u64,
    /// The first error of a write, reported at the next call.
    failed: Option<io::Error>,
}

impl<W: Write> PatchDiff<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        PatchDiff {
            out,
            patcher: Patcher::default(),
            written: 0,
            failed: None,
        }
    }

    fn write(&mut self, op: &crate::diff::patch::Operation<'_>) -> io::Result<()> {
        let open: &[u8] = if self.written == 0 {
            b"[\n  "
        } else {
            b",\n  "
        };
        self.out.write_all(open)?;
        let mut ser = serde_json::Serializer::with_formatter(&mut self.out, SafeFormatter);
        op.serialize(&mut ser).map_err(io::Error::from)?;
        self.written += 1;
        Ok(())
    }

    fn emit(&mut self, op: &crate::diff::patch::Operation<'_>) {
        if self.failed.is_none()
            && let Err(e) = self.write(op)
        {
            self.failed = Some(e);
        }
    }

    fn failure(&mut self) -> io::Result<()> {
        self.failed.take().map_or(Ok(()), Err)
    }
}

impl<W: Write> DiffReport for PatchDiff<W> {
    fn differences(
        &mut self,
        _pair: Option<&Pair<'_>>,
        diffs: &[Difference<'_>],
    ) -> io::Result<()> {
        let mut patcher = std::mem::take(&mut self.patcher);
        for d in diffs {
            patcher.push(d, &mut |op| self.emit(&op));
        }
        self.patcher = patcher;
        self.failure()
    }

    fn cap(&self) -> usize {
        // A patch is complete or it is wrong.
        usize::MAX
    }

    fn only_in(&mut self, _: Side, _: &Key, _: &Origin) -> io::Result<()> {
        // Captures are refused with this format before anything is compared.
        Ok(())
    }

    fn finish(&mut self, _: &DiffSummary) -> io::Result<()> {
        let mut patcher = std::mem::take(&mut self.patcher);
        patcher.finish(&mut |op| self.emit(&op));
        self.failure()?;
        let close: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
        self.out.write_all(close)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{Ignore, diff};
    use crate::model::origin::Position;
    use serde_json::json;
    use std::sync::Arc;

    fn origin(source: &str, line: u64) -> Origin {
        Origin {
            source: Arc::from(source),
            position: Position::new(line, 1),
            index: line - 1,
        }
    }

    #[test]
    fn summary_lines() {
        let mut s = DiffSummary::default();
        assert_eq!(s.line(), "no differences");
        s.differences = 1;
        assert_eq!(s.line(), "1 difference");
        s.differences = 3;
        assert_eq!(s.line(), "3 differences");
        s.capture = true;
        s.same = 5;
        s.changed = 1;
        s.only_in_right = 2;
        assert_eq!(
            s.line(),
            "5 same, 1 changed, 0 only in LEFT, 2 only in RIGHT"
        );
    }

    #[test]
    fn human_lines_escape_payload_text() {
        let l = json!({"body": "\u{1b}]0;x\u{7}", "k\u{202e}": 1});
        let r = json!({"body": "ok"});
        let d = diff(&l, &r, &Ignore::new());
        for color in [false, true] {
            let mut out = Vec::new();
            HumanDiff::new(&mut out, Painter::new(color), false)
                .differences(None, &d)
                .unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(
                !text.contains('\u{202e}') && !text.contains('\u{7}'),
                "{text:?}"
            );
            assert_eq!(text.contains('\u{1b}'), color, "{text:?}");
        }
    }

    #[test]
    fn long_strings_inline_until_the_budget_is_spent() {
        let old = format!("{} Wednesday {}", "a ".repeat(40), "b ".repeat(40));
        let l = json!({ "body": old });
        let r = json!({ "body": old.replace("Wednesday", "Thursday") });
        let d = diff(&l, &r, &Ignore::new());
        let mut out = Vec::new();
        HumanDiff::new(&mut out, Painter::new(false), false)
            .differences(None, &d)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("[-Wednesday-]{+Thursday+}"), "{text}");
        // Once the time for inline comparisons is spent, the short form comes back.
        let mut out = Vec::new();
        let mut h = HumanDiff::new(&mut out, Painter::new(false), false);
        h.spent = INLINE_BUDGET;
        h.differences(None, &d).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("~ /body: \"a a "), "{text}");
        assert!(text.contains(" → "), "{text}");
    }

    #[test]
    fn capture_header_and_only_lines() {
        let l = json!({"status": "delivered"});
        let r = json!({"status": "failed"});
        let key = Key::MessageId("m1".into());
        let (lo, ro) = (origin("a.ndjson", 3), origin("b.ndjson", 9));
        let mut out = Vec::new();
        let mut h = HumanDiff::new(&mut out, Painter::new(false), false);
        let pair = Pair {
            key: &key,
            left: &lo,
            right: &ro,
        };
        let total = h
            .compare(Some(&pair), (&l).into(), (&r).into(), &Ignore::new())
            .unwrap();
        assert_eq!(total, 1);
        // An equal pair says nothing, not even its header.
        assert_eq!(
            h.compare(Some(&pair), (&l).into(), (&l).into(), &Ignore::new())
                .unwrap(),
            0
        );
        h.only_in(Side::Left, &Key::Position(2), &lo).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "messageId \"m1\": a.ndjson:3:1 → b.ndjson:9:1\n  ~ /status: \"delivered\" → \"failed\"\n\
             - only in LEFT: payload #2 at a.ndjson:3:1\n"
        );
    }

    #[test]
    fn patch_is_an_array_with_one_operation_per_line() {
        let l = json!({"a": 1, "b": "\u{9b}"});
        let r = json!({"a": 2});
        let text = patch_text(&l, &r);
        assert_eq!(
            text,
            "[\n  {\"op\":\"replace\",\"path\":\"/a\",\"value\":2},\n  {\"op\":\"remove\",\"path\":\"/b\"}\n]\n"
        );
        assert_eq!(patch_text(&l, &l), "[]\n");
    }

    fn patch_text(l: &serde_json::Value, r: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut p = PatchDiff::new(&mut out);
        p.compare(None, l.into(), r.into(), &Ignore::new()).unwrap();
        p.finish(&DiffSummary::default()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_patch_written_as_found_is_the_patch_of_all_differences() {
        // Runs of removals longer than a batch, between other operations, stay highest first.
        let n = crate::diff::BATCH * 3 + 7;
        let l = json!({"a": vec![0; n], "b": 1, "c": vec![1; n], "d": [1, 2]});
        let r = json!({"a": [5], "b": 2, "c": vec![2; n + 3], "d": [1]});
        let whole = crate::diff::patch::patch(&diff(&l, &r, &Ignore::new()));
        let parsed: Vec<serde_json::Value> = serde_json::from_str(&patch_text(&l, &r)).unwrap();
        assert_eq!(parsed.len(), whole.len());
        assert_eq!(
            parsed,
            serde_json::to_value(&whole)
                .unwrap()
                .as_array()
                .unwrap()
                .clone()
        );
        assert_eq!(
            parsed[1],
            json!({"op": "remove", "path": format!("/a/{}", n - 1)})
        );
    }
}

//! Output of `hlmsg diff --schema`: tables for people (comfy-table), GitHub-flavoured Markdown,
//! and JSON Lines.
//!
//! One payload gets the per-payload view (`Schema`, `Payload` and `Status` columns, statuses
//! `ok`, `missing`, `absent`, `extra`, `type`); more get the aggregate view (`Payloads`,
//! `Share`, `Types seen`, `Schema`, `Status`, statuses `ok`, `extra`, `never seen`,
//! `type drift`, `missing in N`). JSON Lines use one vocabulary for both: `ok`, `extra`,
//! `never_seen`, `type_drift`, `missing`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use comfy_table::{CellAlignment, ColumnConstraint, Table, Width};
use serde::Serialize;
use serde::ser::SerializeMap;

use crate::drift::{
    GroupReport, JsonType, MAX_EXTRA_POINTERS, Report, Row, Status, Totals, describe_counts,
};
use crate::model::humanize;
use crate::model::origin::Origin;
use crate::render::drift_seen::{self as seen, PlaceJson};
use crate::render::jsonl::write_line;
use crate::render::style::{Painter, escape, styles};
use crate::render::width::{columns, fit, limit_table};

/// What the report is about, beyond the counts.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The origin of the only payload, when there is exactly one (the per-payload view).
    pub single: Option<&'a Origin>,
    /// `--allow-extra`.
    pub allow_extra: bool,
    /// Entries that were not JSON payloads.
    pub unreadable: u64,
    /// Only the rows that are not `ok` (`--drift-only`); the summary still counts every row.
    pub drift_only: bool,
    /// The positions kept per drifting row: 1, or more with `--verbose` (then JSON lists them).
    pub many: usize,
}

impl Context<'_> {
    /// The rows of a group that the report lists.
    fn rows<'g, 'a>(&self, g: &'g GroupReport<'a>) -> Vec<&'g Row<'a>> {
        g.rows
            .iter()
            .filter(|r| !self.drift_only || r.status != Status::Ok)
            .collect()
    }
}

/// What a group with no row to list says instead of its table (with `--drift-only`).
const ALL_OK: &str = "every field is ok";

const AGGREGATE_HEADER: [&str; 6] = [
    "Field",
    "Payloads",
    "Share",
    "Types seen",
    "Schema",
    "Status",
];
const SINGLE_HEADER: [&str; 4] = ["Field", "Schema", "Payload", "Status"];

/// What the schema says of a place: `string or array, required`, `any`, `not declared`.
fn schema_cell(row: &Row<'_>) -> String {
    if !row.declared {
        return "not declared".to_string();
    }
    let mut s = match row.allowed {
        None => "any".to_string(),
        Some(t) if t.names().is_empty() => "nothing".to_string(),
        Some(t) => t.names().join(" or "),
    };
    if row.required {
        s.push_str(", required");
    }
    s
}

/// The status in the aggregate view.
fn aggregate_status(row: &Row<'_>) -> String {
    let mut s = match row.status {
        Status::Ok => "ok".to_string(),
        Status::Extra => "extra".to_string(),
        Status::NeverSeen => "never seen".to_string(),
        Status::TypeDrift => format!("type drift ({})", describe_counts(&row.drift)),
        Status::Missing => String::new(),
    };
    if row.missing > 0 {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str(&format!("missing in {}", row.missing));
    }
    s
}

/// The status in the per-payload view.
fn single_status(row: &Row<'_>) -> String {
    let s = match row.status {
        Status::Ok => "ok",
        Status::Extra => "extra",
        Status::NeverSeen => "absent",
        Status::TypeDrift if row.missing > 0 => "type, missing",
        Status::TypeDrift => "type",
        Status::Missing => "missing",
    };
    s.to_string()
}

/// The cells of one row; `field` is the pointer as the format shows it.
fn cells(row: &Row<'_>, single: bool, payloads: u64, field: String) -> Vec<String> {
    if single {
        let found = if row.types.is_empty() {
            "absent".to_string()
        } else {
            row.types
                .iter()
                .map(|(t, _)| t.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        return vec![field, schema_cell(row), found, single_status(row)];
    }
    let types = if row.types.is_empty() {
        "—".to_string()
    } else {
        describe_counts(&row.types)
    };
    vec![
        field,
        row.seen.to_string(),
        humanize::share(row.seen, payloads),
        types,
        schema_cell(row),
        aggregate_status(row),
    ]
}

/// The heading of a group: `SMS · message schema · 5 payloads`, or for one payload
/// `samples/sms.json:1:1 · message schema`. `quote` formats names that come from the input.
fn heading(g: &GroupReport<'_>, ctx: &Context<'_>, quote: impl Fn(&str) -> String) -> String {
    let mut parts = Vec::new();
    if let Some(origin) = ctx.single {
        parts.push(quote(&origin.to_string()));
    }
    if let Some(ch) = &g.key.channel {
        parts.push(ch.name().to_string());
    }
    parts.push(format!("{} schema", quote(g.schema)));
    if ctx.single.is_none() {
        let noun = if g.payloads == 1 {
            "payload"
        } else {
            "payloads"
        };
        parts.push(format!("{} {noun}", g.payloads));
    }
    parts.join(" · ")
}

/// The closing line: `22 payloads: 40 ok, 2 extra, 0 type drift, 0 missing, 15 never seen`.
pub fn summary_line(t: &Totals, ctx: &Context<'_>) -> String {
    let noun = if t.payloads == 1 {
        "payload"
    } else {
        "payloads"
    };
    let allowed = if ctx.allow_extra && t.extra > 0 {
        " (allowed)"
    } else {
        ""
    };
    let (drift, never) = if ctx.single.is_some() {
        ("type", "absent")
    } else {
        ("type drift", "never seen")
    };
    format!(
        "{} {noun}: {} ok, {} extra{allowed}, {} {drift}, {} missing, {} {never}",
        t.payloads, t.ok, t.extra, t.type_drift, t.missing, t.never_seen
    )
}

/// Lines under the summary: untracked extras and unreadable entries.
fn notes(t: &Totals, ctx: &Context<'_>) -> Vec<String> {
    let mut out = Vec::new();
    if t.untracked_payloads > 0 {
        out.push(format!(
            "note: {} payload{} carried extra fields past the first {MAX_EXTRA_POINTERS} distinct \
             places; they count as extra but are not listed",
            t.untracked_payloads,
            if t.untracked_payloads == 1 { "" } else { "s" }
        ));
    }
    match ctx.unreadable {
        0 => {}
        1 => out.push("1 entry was not a JSON payload (reported on standard error)".to_string()),
        n => out.push(format!(
            "{n} entries were not JSON payloads (reported on standard error)"
        )),
    }
    out
}

/// The report as tables, for a terminal.
pub fn human(
    out: &mut dyn Write,
    painter: Painter,
    report: &Report<'_>,
    ctx: &Context<'_>,
) -> io::Result<()> {
    let single = ctx.single.is_some();
    for g in &report.groups {
        let title = heading(g, ctx, |s| escape(s).into_owned());
        let title = painter.paint(&title, styles::location());
        writeln!(out, "{}", fit(&title, painter.width()))?;
        let rows = ctx.rows(g);
        if rows.is_empty() {
            writeln!(out, "{}", painter.paint(ALL_OK, styles::dim()))?;
            writeln!(out)?;
            continue;
        }
        let mut table = Table::new();
        table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED.with_rounded_corners());
        limit_table(&mut table, painter.width());
        // Below 80 columns the share goes: the count says it, and the room is needed.
        let narrow = painter.width().is_some_and(|w| w < 80);
        let drop_share = |mut cells: Vec<String>| {
            if narrow && !single {
                cells.remove(2);
            }
            cells
        };
        if single {
            table.set_header(SINGLE_HEADER.to_vec());
        } else {
            table.set_header(drop_share(AGGREGATE_HEADER.map(String::from).to_vec()));
        }
        for row in &rows {
            let field = escape(row.pointer).into_owned();
            table.add_row(drop_share(cells(row, single, g.payloads, field)));
        }
        if !single {
            for i in 1..=(if narrow { 1 } else { 2 }) {
                if let Some(col) = table.column_mut(i) {
                    col.set_cell_alignment(CellAlignment::Right);
                    // Counts and shares are never wrapped.
                    col.set_constraint(ColumnConstraint::ContentWidth);
                }
            }
        }
        if let Some(width) = painter.width() {
            // A field's pointer wraps last: up to 24 columns of it (a quarter of a narrow
            // terminal) stay on one line.
            let longest = rows.iter().map(|r| columns(r.pointer)).max().unwrap_or(0);
            let keep = longest.clamp(5, (width / 4).clamp(5, 24));
            let keep = u16::try_from(keep).unwrap_or(24);
            if let Some(col) = table.column_mut(0) {
                col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(keep)));
            }
        }
        writeln!(out, "{table}")?;
        for line in seen::human(&rows, single, ctx.many, painter) {
            writeln!(out, "{}", fit(&line, painter.width()))?;
        }
        writeln!(out)?;
    }
    for note in notes(&report.totals, ctx) {
        let note = painter.paint(&note, styles::dim());
        writeln!(out, "{}", fit(&note, painter.width()))?;
    }
    let line = summary_line(&report.totals, ctx);
    let style = if report.totals.fits(ctx.allow_extra) {
        styles::ok()
    } else {
        styles::error()
    };
    let line = painter.paint(&line, style);
    writeln!(out, "{}", fit(&line, painter.width()))
}

/// Text as a Markdown code span inside a table cell: escaped for terminals, `|` escaped for the
/// table, fenced with one backtick more than the longest run of backticks it holds (CommonMark),
/// padded with spaces when it has any.
fn code(text: &str) -> String {
    let safe = escape(text).replace('|', "\\|");
    let longest = safe.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    if longest == 0 {
        return format!("`{safe}`");
    }
    let fence = "`".repeat(longest + 1);
    format!("{fence} {safe} {fence}")
}

/// The report as GitHub-flavoured Markdown: a heading and a table per group, then the summary.
pub fn markdown(out: &mut dyn Write, report: &Report<'_>, ctx: &Context<'_>) -> io::Result<()> {
    let single = ctx.single.is_some();
    for g in &report.groups {
        writeln!(out, "### {}", heading(g, ctx, code))?;
        writeln!(out)?;
        let rows = ctx.rows(g);
        if rows.is_empty() {
            writeln!(out, "_{ALL_OK}_")?;
            writeln!(out)?;
            continue;
        }
        let (header, align): (&[&str], &str) = if single {
            (&SINGLE_HEADER, "|:--|:--|:--|:--|")
        } else {
            (&AGGREGATE_HEADER, "|:--|--:|--:|:--|:--|:--|")
        };
        writeln!(out, "| {} |", header.join(" | "))?;
        writeln!(out, "{align}")?;
        for row in &rows {
            let cells = cells(row, single, g.payloads, code(row.pointer));
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
        let list = seen::markdown(&rows, single, ctx.many, code);
        if !list.is_empty() {
            for line in list {
                writeln!(out, "{line}")?;
            }
            writeln!(out)?;
        }
    }
    for note in notes(&report.totals, ctx) {
        writeln!(out, "{note}")?;
        writeln!(out)?;
    }
    writeln!(out, "**{}**", summary_line(&report.totals, ctx))
}

/// Types and their counts, as a JSON object in report order.
struct TypeCounts<'a>(&'a [(JsonType, u64)]);

impl Serialize for TypeCounts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (t, n) in self.0 {
            map.serialize_entry(t.name(), n)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct FieldLine<'a> {
    kind: &'static str,
    schema: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel: Option<&'a str>,
    pointer: &'a str,
    declared: bool,
    required: bool,
    allowed: Option<Vec<&'static str>>,
    payloads: u64,
    seen: u64,
    types: TypeCounts<'a>,
    missing: u64,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<PlaceJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    examples: Option<Vec<PlaceJson<'a>>>,
}

#[derive(Serialize)]
struct SummaryLine {
    kind: &'static str,
    payloads: u64,
    schemas: BTreeMap<String, u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    channels: Option<BTreeMap<String, u64>>,
    ok: u64,
    extra: u64,
    never_seen: u64,
    type_drift: u64,
    missing: u64,
    untracked_extra_payloads: u64,
    unreadable: u64,
    fits: bool,
}

/// The report as JSON Lines: one `field` object per row, then a `summary`.
pub fn json(out: &mut dyn Write, report: &Report<'_>, ctx: &Context<'_>) -> io::Result<()> {
    let by_channel = report.groups.iter().any(|g| g.key.channel.is_some());
    let mut schemas = BTreeMap::new();
    let mut channels = BTreeMap::new();
    for g in &report.groups {
        *schemas.entry(g.schema.to_string()).or_insert(0) += g.payloads;
        if let Some(ch) = &g.key.channel {
            *channels.entry(ch.name().to_string()).or_insert(0) += g.payloads;
        }
        for row in ctx.rows(g) {
            let (first, examples) = seen::json(row, ctx.many > 1);
            write_line(
                out,
                &FieldLine {
                    kind: "field",
                    schema: g.schema,
                    channel: g.key.channel.as_ref().map(|c| c.name()),
                    pointer: row.pointer,
                    declared: row.declared,
                    required: row.required,
                    allowed: row.allowed.map(|t| t.names()),
                    payloads: g.payloads,
                    seen: row.seen,
                    types: TypeCounts(&row.types),
                    missing: row.missing,
                    status: row.status.token(),
                    first,
                    examples,
                },
            )?;
        }
    }
    let t = &report.totals;
    write_line(
        out,
        &SummaryLine {
            kind: "summary",
            payloads: t.payloads,
            schemas,
            channels: by_channel.then_some(channels),
            ok: t.ok,
            extra: t.extra,
            never_seen: t.never_seen,
            type_drift: t.type_drift,
            missing: t.missing,
            untracked_extra_payloads: t.untracked_payloads,
            unreadable: ctx.unreadable,
            fits: t.fits(ctx.allow_extra),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::{Drift, Shape};
    use serde_json::{Value, json};

    fn report_of(payloads: &[Value]) -> Drift {
        let schema = json!({"required": ["a"], "properties": {"a": {"type": "string"}, "b": {"type": "number"}}});
        let mut d = Drift::new(vec![Shape::from_schema("s|`x", &schema)]);
        for p in payloads {
            d.add(p, 0, None);
        }
        d
    }

    fn ctx() -> Context<'static> {
        Context {
            single: None,
            allow_extra: false,
            unreadable: 0,
            drift_only: false,
            many: 1,
        }
    }

    #[test]
    fn code_spans_hold_any_run_of_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a``b"), "``` a``b ```");
        assert_eq!(code("``"), "``` `` ```");
    }

    #[test]
    fn aggregate_statuses_read_as_the_issue_names_them() {
        let d = report_of(&[json!({"a": "x", "b": "1"}), json!({"b": 2, "c|\u{1b}": 1})]);
        let r = d.report();
        let mut out = Vec::new();
        human(&mut out, Painter::new(false), &r, &ctx()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("missing in 1"), "{text}");
        assert!(text.contains("type drift (string 1)"), "{text}");
        assert!(text.contains("c|\\u{1b}"), "{text}");
        assert!(!text.contains('\u{1b}'));
        assert!(
            text.ends_with("2 payloads: 0 ok, 1 extra, 1 type drift, 1 missing, 0 never seen\n"),
            "{text}"
        );
    }

    #[test]
    fn markdown_escapes_pipes_and_backticks() {
        let d = report_of(&[json!({"a": "x", "c|d": 1}), json!({"a": "y"})]);
        let r = d.report();
        let mut out = Vec::new();
        markdown(&mut out, &r, &ctx()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("### `` s\\|`x `` schema · 2 payloads"),
            "{text}"
        );
        assert!(
            text.contains("| `/c\\|d` | 1 | 50.0% | integer 1 | not declared | extra |"),
            "{text}"
        );
        assert!(text.contains("|:--|--:|--:|:--|:--|:--|"));
    }

    #[test]
    fn drift_only_lists_the_rows_that_are_not_ok_and_keeps_the_summary() {
        let d = report_of(&[json!({"a": "x", "b": "1"}), json!({"a": "y", "c": 1})]);
        let r = d.report();
        let only = Context {
            drift_only: true,
            ..ctx()
        };
        let render = |f: fn(&mut Vec<u8>, &Report<'_>, &Context<'_>), c: &Context<'_>| {
            let mut out = Vec::new();
            f(&mut out, &r, c);
            String::from_utf8(out).unwrap()
        };
        let human_of = |out: &mut Vec<u8>, r: &Report<'_>, c: &Context<'_>| {
            human(out, Painter::new(false), r, c).unwrap();
        };
        let (all, some) = (render(human_of, &ctx()), render(human_of, &only));
        assert!(all.contains("│ /a ") && !some.contains("│ /a "), "{some}");
        assert!(some.contains("│ /b ") && some.contains("│ /c "), "{some}");
        assert_eq!(all.lines().last(), some.lines().last());
        let md = |out: &mut Vec<u8>, r: &Report<'_>, c: &Context<'_>| markdown(out, r, c).unwrap();
        let some = render(md, &only);
        assert!(
            !some.contains("| `/a` |") && some.contains("| `/b` |"),
            "{some}"
        );
        let js = |out: &mut Vec<u8>, r: &Report<'_>, c: &Context<'_>| json(out, r, c).unwrap();
        let (all, some) = (render(js, &ctx()), render(js, &only));
        assert_eq!(all.lines().count(), 4);
        assert_eq!(some.lines().count(), 3);
        assert!(!some.contains("\"/a\""));
        assert_eq!(all.lines().last(), some.lines().last());
        // A group where every field is ok says so instead of an empty table.
        let d = report_of(&[json!({"a": "x", "b": 1})]);
        let r = d.report();
        let mut out = Vec::new();
        human(&mut out, Painter::new(false), &r, &only).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("every field is ok") && !text.contains('╭'),
            "{text}"
        );
    }

    #[test]
    fn json_lines_parse() {
        let d = report_of(&[json!({"a": "x", "b": 1.5})]);
        let r = d.report();
        let mut out = Vec::new();
        json(&mut out, &r, &ctx()).unwrap();
        let lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines[0]["pointer"], "/a");
        assert_eq!(lines[0]["types"], json!({"string": 1}));
        assert_eq!(lines[1]["allowed"], json!(["number"]));
        assert_eq!(lines[2]["kind"], "summary");
        assert_eq!(lines[2]["fits"], true);
        assert!(lines[2].get("channels").is_none());
    }
}

//! Where the fields of a `diff --schema` report drift: for each row that is not `ok` and has a
//! position, the first `source:line:column` where the field was seen in its status (and the next
//! few when more were kept), as lines under a table, a Markdown list, or JSON.
//!
//! Under a table the lines are aligned, `  /callDuration  type drift  calls.ndjson:3:17`, as long
//! as the width leaves a place at least [`MIN_PLACE`] columns (cut at its start to fit, keeping
//! its file name, line and column); otherwise each place goes on a line of its own under its
//! field.

use serde::Serialize;

use crate::drift::{Row, Status};
use crate::model::origin::Origin;
use crate::render::style::{Painter, escape, styles};
use crate::render::width::{columns, truncate_start};

/// The narrowest a place is cut to on an aligned line.
pub const MIN_PLACE: usize = 16;

/// What a row's positions are positions of: its status as the report words it.
pub fn state(row: &Row<'_>, single: bool) -> &'static str {
    match row.status {
        Status::Extra => "extra",
        Status::TypeDrift if single => "type",
        Status::TypeDrift => "type drift",
        Status::Missing => "missing",
        Status::NeverSeen if single => "absent",
        Status::NeverSeen => "never seen",
        Status::Ok => "ok",
    }
}

/// The line over the positions: of the first only, or of up to `many`.
pub fn heading(many: usize) -> String {
    if many > 1 {
        format!("Where each field drifts (up to {many} places):")
    } else {
        "Where each field first drifts:".to_string()
    }
}

/// A row's position, escaped.
fn place(o: &Origin) -> String {
    escape(&o.to_string()).into_owned()
}

/// The rows that have a position.
fn placed<'r, 'a>(rows: &[&'r Row<'a>]) -> Vec<&'r Row<'a>> {
    rows.iter()
        .copied()
        .filter(|r| !r.seen_at.is_empty())
        .collect()
}

/// `text` followed by spaces up to `width` columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(columns(text))))
}

/// The lines under a table for `rows` (those without a position are left out), of up to `many`
/// positions each, laid out to the painter's width and colored by it; none when no row has a
/// position.
pub fn human(rows: &[&Row<'_>], single: bool, many: usize, painter: Painter) -> Vec<String> {
    let rows = placed(rows);
    if rows.is_empty() {
        return Vec::new();
    }
    let pointers: Vec<String> = rows
        .iter()
        .map(|r| escape(r.pointer).into_owned())
        .collect();
    let pointer_width = pointers.iter().map(|p| columns(p)).max().unwrap_or(0);
    let state_width = rows
        .iter()
        .map(|r| state(r, single).len())
        .max()
        .unwrap_or(0);
    let lead = 2 + pointer_width + 2 + state_width + 2;
    let room = painter.width().map(|w| w.saturating_sub(lead));
    let aligned = room.is_none_or(|r| r >= MIN_PLACE);
    let mut lines = vec![painter.paint(&heading(many), styles::dim())];
    for (row, pointer) in rows.iter().zip(&pointers) {
        let word = state(row, single);
        let style = match row.status {
            Status::Extra => styles::warning(),
            _ => styles::error(),
        };
        if aligned {
            for (i, o) in row.seen_at.iter().enumerate() {
                let at = match room {
                    Some(r) => truncate_start(&place(o), r),
                    None => place(o),
                };
                let (p, s) = match i {
                    0 => (
                        pad(pointer, pointer_width),
                        painter.paint(&pad(word, state_width), style),
                    ),
                    _ => (pad("", pointer_width), pad("", state_width)),
                };
                lines.push(format!(
                    "  {p}  {s}  {}",
                    painter.paint(&at, styles::location())
                ));
            }
        } else {
            lines.push(format!("  {pointer}  {}", painter.paint(word, style)));
            let width = painter
                .width()
                .unwrap_or(usize::MAX)
                .saturating_sub(4)
                .max(1);
            for o in row.seen_at {
                let at = truncate_start(&place(o), width);
                lines.push(format!("    {}", painter.paint(&at, styles::location())));
            }
        }
    }
    lines
}

/// The Markdown list under a table: `` - `/callDuration` (type drift): `calls.ndjson:3:17` ``,
/// of up to `many` positions each. `code` formats text from the input as a code span.
pub fn markdown(
    rows: &[&Row<'_>],
    single: bool,
    many: usize,
    code: impl Fn(&str) -> String,
) -> Vec<String> {
    let rows = placed(rows);
    if rows.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![heading(many), String::new()];
    for row in rows {
        let places: Vec<String> = row.seen_at.iter().map(|o| code(&o.to_string())).collect();
        lines.push(format!(
            "- {} ({}): {}",
            code(row.pointer),
            state(row, single),
            places.join(", ")
        ));
    }
    lines
}

/// A position in JSON: `{"source","line","column","index"}`, the index being the payload's in
/// its source.
#[derive(Debug, Serialize)]
pub struct PlaceJson<'a> {
    source: &'a str,
    line: u64,
    column: u64,
    index: u64,
}

impl<'a> From<&'a Origin> for PlaceJson<'a> {
    fn from(o: &'a Origin) -> Self {
        PlaceJson {
            source: &o.source,
            line: o.line(),
            column: o.column(),
            index: o.index,
        }
    }
}

/// A row's `first` position and, when more are kept (`many`), its `examples`.
pub fn json<'a>(row: &Row<'a>, many: bool) -> (Option<PlaceJson<'a>>, Option<Vec<PlaceJson<'a>>>) {
    let seen: &'a [Origin] = row.seen_at;
    let first = seen.first().map(PlaceJson::from);
    let examples = (many && first.is_some()).then(|| seen.iter().map(PlaceJson::from).collect());
    (first, examples)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::tests::located_from;
    use crate::drift::{Drift, Report};
    use crate::render::width::columns;
    use serde_json::json;

    /// A report of three payloads from `source`: `/a` missing, `/b` of the wrong type in two,
    /// `/c\u{1b}` extra.
    fn drift(source: &str, keep: usize) -> Drift {
        let schema = json!({"required": ["a"], "properties": {"a": {}, "b": {"type": "string"}}});
        let texts = [
            r#"{"a":1,"b":2}"#,
            r#"{"b":3,"c\u001b":4}"#,
            r#"{"a":1,"b":"ok"}"#,
        ];
        located_from(source, &schema, &texts, keep)
    }

    fn rows<'r>(r: &'r Report<'_>) -> Vec<&'r Row<'r>> {
        r.groups[0].rows.iter().collect()
    }

    #[test]
    fn aligned_lines_name_the_field_its_status_and_where() {
        let d = drift("day.ndjson", 5);
        let r = d.report();
        let lines = human(&rows(&r), false, 5, Painter::new(false));
        assert_eq!(
            lines,
            [
                "Where each field drifts (up to 5 places):",
                "  /a        missing     day.ndjson:2:1",
                "  /b        type drift  day.ndjson:1:12",
                "                        day.ndjson:2:6",
                "  /c\\u{1b}  extra       day.ndjson:2:18",
            ]
        );
        let lines = human(&rows(&r), true, 1, Painter::new(false));
        assert_eq!(lines[0], "Where each field first drifts:");
        assert_eq!(lines[2], "  /b        type     day.ndjson:1:12");
    }

    #[test]
    fn places_are_cut_at_their_start_or_stacked_to_fit_the_width() {
        let long = format!("{}/day.ndjson", "x".repeat(80));
        let d = drift(&long, 1);
        let r = d.report();
        let lines = human(
            &rows(&r),
            false,
            1,
            Painter::new(false).with_width(Some(60)),
        );
        assert!(lines.iter().all(|l| columns(l) <= 60), "{lines:#?}");
        assert!(
            lines[2].starts_with("  /b        type drift  …"),
            "{lines:#?}"
        );
        assert!(lines[2].ends_with("x/day.ndjson:1:12"), "{lines:#?}");
        // Too narrow for a place beside its field: each place on a line of its own.
        let lines = human(
            &rows(&r),
            false,
            1,
            Painter::new(false).with_width(Some(30)),
        );
        assert!(lines.iter().all(|l| columns(l) <= 30), "{lines:#?}");
        assert_eq!(lines[3], "  /b  type drift");
        assert!(lines[4].starts_with("    …") && lines[4].ends_with("day.ndjson:1:12"));
    }

    #[test]
    fn hostile_sources_are_escaped_and_color_only_when_asked() {
        let d = drift("a\u{1b}[31m.ndjson", 1);
        let r = d.report();
        for color in [false, true] {
            let lines = human(&rows(&r), false, 1, Painter::new(color));
            let text = lines.join("\n");
            assert!(text.contains("a\\u{1b}[31m.ndjson:1:12"), "{text}");
            assert_eq!(text.contains('\u{1b}'), color, "{text}");
        }
        let list = markdown(&rows(&r), false, 1, |t| format!("`{}`", escape(t)));
        assert_eq!(list[0], "Where each field first drifts:");
        assert_eq!(list[3], "- `/b` (type drift): `a\\u{1b}[31m.ndjson:1:12`");
    }

    #[test]
    fn json_has_the_first_place_and_the_examples_when_asked() {
        let d = drift("day.ndjson", 5);
        let r = d.report();
        let b = rows(&r)[1];
        let (first, examples) = json(b, true);
        let first = serde_json::to_value(first).unwrap();
        assert_eq!(
            first,
            json!({"source": "day.ndjson", "line": 1, "column": 12, "index": 0})
        );
        assert_eq!(examples.unwrap().len(), 2);
        assert!(json(b, false).1.is_none());
        let ok = r.groups[0].rows.iter().find(|r| r.status == Status::Ok);
        assert!(ok.is_none_or(|row| json(row, true).0.is_none()));
    }
}

//! Every byte `classify` writes: a line per payload and the summary table (human), JSON Lines
//! records ([`json`]), or one NDJSON file per channel ([`split`]).

pub mod json;
pub mod split;

use std::io::{self, Write};

use comfy_table::{CellAlignment, Table};

use crate::classify::tally::Tally;
use crate::classify::{CallOutcome, Channel, Classification, Event};
use crate::model::humanize;
use crate::model::origin::Origin;
use crate::render::style::{Painter, escape, styles};
use crate::render::width::{fit, limit_table};

/// `source:line:column  CHANNEL  (by FIELD)  outcome, duration`, then a line per conflict.
pub fn line(out: &mut dyn Write, p: Painter, o: &Origin, c: &Classification) -> io::Result<()> {
    let location = p.paint(&o.to_string(), styles::location());
    if !c.is_message() {
        let event = p.paint(&escape(c.event.name()), owo_colors::Style::new().bold());
        let what = p.paint("(another HighLevel event, not a message)", styles::dim());
        let text = format!("{location}  {event}  {what}");
        return writeln!(out, "{}", fit(&text, p.width()));
    }
    let mut text = format!(
        "{location}  {}",
        p.paint(c.channel.name(), owo_colors::Style::new().bold())
    );
    if let Some(kind) = c.kind {
        text.push_str(&format!(
            " {}",
            p.paint(&format!("({kind})"), styles::dim())
        ));
    }
    if let Channel::Unknown(raw) = &c.channel
        && !raw.is_empty()
    {
        text.push_str(&format!(" {}", p.paint(&format!("{raw:?}"), styles::dim())));
    }
    let by = match c.decided_by.field() {
        Some(f) => format!("(by {f})"),
        None => "(no type field)".to_string(),
    };
    text.push_str(&format!("  {}", p.paint(&by, styles::dim())));
    match &c.event {
        Event::Outbound => {}
        Event::Unknown(raw) if raw.is_empty() => {
            text.push_str(&format!(
                "  {}",
                p.paint("no event type", styles::warning())
            ));
        }
        Event::Unknown(raw) => {
            let unknown = format!("unknown event {}", escape(&format!("{raw:?}")));
            text.push_str(&format!("  {}", p.paint(&unknown, styles::warning())));
        }
        e => text.push_str(&format!("  {}", p.paint(e.name(), styles::dim()))),
    }
    if let Some(call) = c.call {
        text.push_str(&format!("  {}", call.outcome.name()));
        if let Some(d) = call.duration {
            text.push_str(&format!(", {}", humanize::call_duration(d)));
        }
    }
    writeln!(out, "{}", fit(&text, p.width()))?;
    for k in &c.conflicts {
        let conflict = format!(
            "    {} {}",
            p.paint(&format!("! {}:", k.rule()), styles::warning()),
            p.paint(&k.message(&c.channel), owo_colors::Style::new())
        );
        writeln!(out, "{}", fit(&conflict, p.width()))?;
    }
    Ok(())
}

/// The summary table, after a blank line when payload lines came before it, and a line on the
/// entries that were not payloads.
pub fn summary(
    out: &mut dyn Write,
    tally: &Tally,
    after_lines: bool,
    width: Option<usize>,
) -> io::Result<()> {
    if after_lines && tally.total > 0 {
        writeln!(out)?;
    }
    writeln!(out, "{}", table(tally, width))?;
    let note = match tally.unreadable {
        0 => return Ok(()),
        1 => "1 entry was not a JSON payload (reported on standard error)".to_string(),
        n => format!("{n} entries were not JSON payloads (reported on standard error)"),
    };
    writeln!(out, "{}", fit(&note, width))
}

/// Rows of the summary: (label, count, is a sub-row).
fn rows(tally: &Tally) -> Vec<(String, u64, bool)> {
    let mut rows = Vec::new();
    for ch in Channel::NAMED {
        let n = tally.named[ch.order()];
        if n == 0 {
            continue;
        }
        rows.push((ch.name().to_string(), n, false));
        if ch == Channel::Call {
            for o in CallOutcome::ALL {
                let n = tally.outcome(o);
                // The three main outcomes always show; the rarer ones when they occur.
                let always = matches!(
                    o,
                    CallOutcome::Answered | CallOutcome::Voicemail | CallOutcome::Unknown
                );
                if n == 0 && !always {
                    continue;
                }
                let label = match o {
                    CallOutcome::Unknown => "  outcome unknown".to_string(),
                    o => format!("  {}", o.name()),
                };
                rows.push((label, n, true));
            }
        }
    }
    for (raw, n) in &tally.unknown {
        let label = if raw.is_empty() {
            "Unknown (no type field)".to_string()
        } else {
            format!("Unknown ({})", escape(raw))
        };
        rows.push((label, *n, false));
    }
    if tally.unknown_other > 0 {
        rows.push((
            "Unknown (other values)".to_string(),
            tally.unknown_other,
            false,
        ));
    }
    for (event, n) in tally.others() {
        rows.push((event.to_string(), n, false));
    }
    rows
}

/// The summary table, its labels wrapped to fit `width` columns when there is a limit.
pub fn table(tally: &Tally, width: Option<usize>) -> Table {
    let mut table = Table::new();
    table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    limit_table(&mut table, width);
    table.set_header(vec!["Channel", "Payloads", "Share"]);
    for (label, n, _) in rows(tally) {
        table.add_row(vec![label, n.to_string(), humanize::share(n, tally.total)]);
    }
    table.add_row(vec![
        "Total".to_string(),
        tally.total.to_string(),
        humanize::share(tally.total, tally.total),
    ]);
    for i in 1..=2 {
        if let Some(col) = table.column_mut(i) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

//! `show`'s card (the fields, the body as text, the pretty JSON), its table rows, and its JSON
//! forms, rendered per record on the worker threads.

use std::io::{self, Write};

use std::borrow::Cow;

use comfy_table::{ColumnConstraint, Table};
use unicode_width::UnicodeWidthStr;

use super::{
    BODY_LIMIT_CHARS, BODY_LIMIT_LINES, CARD_VALUE_CHARS, PREVIEW_CHARS, Subject, needs_escaping,
};
use crate::classify::{Event, classify_view};
use crate::input::Record;
use crate::input::doc::{Doc, Kind};
use crate::input::parse::{Payload, SHALLOW_ABOVE, check_object, parse, parse_shallow, parse_view};
use crate::input::view::View;
use crate::model::finding::Fault;
use crate::model::finding::shorten;
use crate::redact::redact;
use crate::render::jsonl::write_line;
use crate::render::jsontext::{JsonStyle, compact_into, pretty, pretty_map, pretty_raw};
use crate::render::show::table::ColumnFit;
use crate::render::style::{Painter, escape, styles};
use crate::render::width::{fit, limit_table, truncate_start, wrap};
use crate::show::fields::{CARD_DEFAULT, EMAIL_ONLY, Field, INTACT};

/// Columns of the rule under a card's header (fewer on a narrower terminal).
const HEADER_RULE: usize = 60;

/// Payloads at least this large (in bytes) have their pretty JSON written straight to the
/// output, not made in memory first: its indentation can make it many times their size.
pub const STREAMED_JSON: usize = 1 << 20;

/// Renders records; shared by the worker threads.
#[derive(Debug, Clone)]
pub struct Renderer {
    /// The fields asked for (`None`: the defaults).
    pub fields: Option<Vec<Field>>,
    /// The table's columns: `fields`, or the default columns (worked out once, not per row).
    pub table_fields: Vec<Field>,
    /// Colors, for a terminal.
    pub painter: Painter,
    /// The time ages are measured from.
    pub now: jiff::Timestamp,
    /// Whether bodies are shown whole.
    pub full: bool,
    /// Whether personal data is masked.
    pub redact: bool,
}

impl Renderer {
    /// For each table column, how it gives way when the table must fit a terminal: ids and
    /// dates are kept whole longest, and a source keeps its file name and line.
    pub fn column_fits(&self) -> Vec<ColumnFit> {
        self.table_fields
            .iter()
            .map(|f| match f {
                Field::Known("source", _) => ColumnFit {
                    intact: true,
                    floor: 16,
                    keep_end: true,
                    date: false,
                },
                // Down to the date and time without the age: `2024-05-08 11:57:42Z`.
                Field::Known("date" | "timestamp", _) => ColumnFit {
                    intact: true,
                    floor: 20,
                    keep_end: false,
                    date: true,
                },
                Field::Known(name, _) if INTACT.contains(name) => ColumnFit {
                    intact: true,
                    floor: 10,
                    keep_end: false,
                    date: false,
                },
                Field::Known("body", _) => ColumnFit {
                    floor: 16,
                    ..ColumnFit::FREE
                },
                _ => ColumnFit::FREE,
            })
            .collect()
    }

    /// The table's header cells.
    pub fn headers(&self) -> Vec<String> {
        self.table_fields
            .iter()
            .map(|f| escape(f.label()).into_owned())
            .collect()
    }

    fn write_card(&self, subject: &Subject<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let p = self.painter;
        let event = &subject.class.event;
        let header = match event {
            Event::Outbound => format!("── {} ", subject.record.origin),
            e => format!("── {}  {} ", subject.record.origin, escape(&e.to_string())),
        };
        let rule = p.width().map_or(HEADER_RULE, |w| w.min(HEADER_RULE));
        writeln!(
            out,
            "{}{}",
            p.paint(&header, styles::location()),
            p.paint(
                &"─".repeat(rule.saturating_sub(header.width())),
                styles::dim()
            )
        )?;
        if event.is_other() && self.fields.is_none() {
            // Not a message: no message fields to show, only the payload itself.
            self.write_json(subject, out)?;
            return writeln!(out);
        }
        let fields: Vec<Field> = match &self.fields {
            Some(f) => f.clone(),
            None => CARD_DEFAULT
                .iter()
                .filter(|n| subject.class.is_email() || !EMAIL_ONLY.contains(n))
                .map(|n| Field::parse(n))
                .collect(),
        };
        let mut table = Table::new();
        table.load_style(comfy_table::presets::UTF8_FULL_CONDENSED.with_rounded_corners());
        // Values wrap inside their cells; the labels keep their width.
        limit_table(&mut table, p.width());
        let value_chars = self.value_chars();
        for f in &fields {
            let cell = match f {
                // The attachments themselves (a call's recording), one per line.
                Field::Known("attachments", _) => subject.map.and_then(|m| {
                    let urls: Vec<String> = m
                        .get("attachments")?
                        .as_array()?
                        .iter()
                        .filter_map(|v| v.as_str())
                        .map(|url| self.url(url))
                        .collect();
                    let held = m.get("attachments")?.as_array()?.len();
                    let more = subject.attachments.unwrap_or(held).saturating_sub(held);
                    let more = (more > 0).then(|| {
                        format!(
                            "\n… and {} more",
                            crate::model::humanize::count(more as u64)
                        )
                    });
                    (!urls.is_empty()).then(|| urls.join("\n") + more.as_deref().unwrap_or(""))
                }),
                _ => None,
            };
            let cell = cell.or_else(|| {
                subject
                    .text(f)
                    .map(|text| shorten(&escape(&text.replace('\n', " ")), value_chars))
            });
            if let Some(text) = cell {
                table.add_row(vec![escape(f.label()).into_owned(), text]);
            }
        }
        if let Some(labels) = table.column_mut(0) {
            labels.set_constraint(ColumnConstraint::ContentWidth);
        }
        if table.row_count() > 0 {
            writeln!(out, "{table}")?;
        }
        if self.fields.is_none() {
            if let Some(body) = subject.text(&Field::Known("body", "Body")) {
                writeln!(out, "{}", p.paint("Body", styles::location()))?;
                self.body(&body, out)?;
                writeln!(out)?;
            }
            self.write_json(subject, out)?;
        }
        writeln!(out)
    }

    /// The payload's pretty JSON under its card: from its bytes, or from its masked value.
    fn write_json(&self, subject: &Subject<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let style = JsonStyle {
            color: self.painter.color(),
        };
        if !self.redact {
            pretty_raw(subject.record.bytes, style, out)?;
        } else if let Some(map) = subject.map {
            out.write_all(pretty_map(map, style).as_bytes())?;
        }
        out.write_all(b"\n")
    }

    /// The longest value in a card cell: [`CARD_VALUE_CHARS`], or what fits one line of the
    /// value column on a narrower terminal.
    fn value_chars(&self) -> usize {
        // Borders and padding (7 columns) and the widest label ("Conversation").
        let room = self
            .painter
            .width()
            .map_or(usize::MAX, |w| w.saturating_sub(7 + 12));
        CARD_VALUE_CHARS.min(room.max(12))
    }

    /// A URL for a card: whole with `--full`; else, when long, its scheme and host and its last
    /// path segment around an ellipsis, which are what tells one recording from another.
    fn url(&self, url: &str) -> String {
        let url = escape(url).into_owned();
        let limit = self.value_chars();
        if self.full || url.chars().count() <= limit {
            return url;
        }
        let host_end = url
            .find("://")
            .and_then(|i| url[i + 3..].find('/').map(|j| i + 3 + j))
            .unwrap_or(0);
        let last = url.rfind('/').map_or(url.as_str(), |i| &url[i + 1..]);
        let short = format!("{}/…/{last}", &url[..host_end]);
        // The file name tells recordings apart: when even this is too long, keep its end.
        truncate_start(&short, limit)
    }

    fn body(&self, body: &str, out: &mut Vec<u8>) -> io::Result<()> {
        if body.trim().is_empty() {
            return writeln!(out, "  {}", self.painter.paint("(empty)", styles::dim()));
        }
        let total_chars = body.chars().count();
        let mut shown_chars = 0;
        for (i, line) in body.lines().enumerate() {
            let len = line.chars().count() + 1;
            if !self.full && (i >= BODY_LIMIT_LINES || shown_chars + len > BODY_LIMIT_CHARS) {
                let left = total_chars.saturating_sub(shown_chars);
                let marker = format!("… {left} more characters (--full shows all)");
                return writeln!(out, "  {}", self.painter.paint(&marker, styles::dim()));
            }
            shown_chars += len;
            if line.trim().is_empty() {
                writeln!(out)?;
            } else if let Some(width) = self.painter.width() {
                // On word boundaries, under the label.
                for part in wrap(&escape(line), width, 2) {
                    writeln!(out, "{part}")?;
                }
            } else {
                writeln!(out, "  {}", escape(line))?;
            }
        }
        Ok(())
    }

    fn table_row(&self, subject: &Subject<'_>) -> Vec<String> {
        self.table_fields
            .iter()
            .map(|f| {
                let text = subject.text(f).unwrap_or_default();
                let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let limit = if matches!(f, Field::Known("body", _)) {
                    PREVIEW_CHARS
                } else {
                    CARD_VALUE_CHARS
                };
                shorten(&escape(&one_line), limit)
            })
            .collect()
    }

    /// The payload, masked when `--redact` asks.
    fn redacted<'p>(&self, mut p: Payload<'p>) -> Payload<'p> {
        if self.redact {
            redact(&mut p.value);
        }
        p
    }

    /// A large record masked through its bytes (`--redact`), and a renderer that shows it as
    /// it is: no tree of its values is built. `None` for anything else.
    fn masked_large(&self, rec: &Record<'_>) -> Option<Result<(Renderer, Vec<u8>), Fault>> {
        if !self.redact {
            return None;
        }
        let masked = crate::redact::redact_large(rec)?;
        let plain = Renderer {
            redact: false,
            ..self.clone()
        };
        Some(masked.map(|bytes| (plain, bytes)))
    }

    /// A record as one compact JSON line.
    pub fn compact(&self, rec: Record<'_>) -> Result<Vec<u8>, Fault> {
        if let Some(masked) = self.masked_large(&rec) {
            let (plain, bytes) = masked?;
            return plain.compact(Record {
                bytes: &bytes,
                ..rec
            });
        }
        let mut out = Vec::with_capacity(rec.bytes.len() + 1);
        if self.redact || needs_escaping(rec.bytes) {
            // Re-serialize: to mask personal data, or so that characters unsafe on a
            // terminal travel as JSON escapes.
            let p = self.redacted(parse(rec)?);
            let _ = write_line(&mut out, &p.value);
        } else {
            // The record must be a JSON object; its text is copied as it is.
            check_object(&rec)?;
            compact_into(rec.bytes, &mut out);
            out.push(b'\n');
        }
        Ok(out)
    }

    /// A record as pretty JSON.
    pub fn json(&self, rec: Record<'_>) -> Result<Vec<u8>, Fault> {
        if let Some(masked) = self.masked_large(&rec) {
            let (plain, bytes) = masked?;
            return plain.json(Record {
                bytes: &bytes,
                ..rec
            });
        }
        let style = JsonStyle {
            color: self.painter.color(),
        };
        if self.redact {
            let p = self.redacted(parse(rec)?);
            // The text becomes the output as it is: no second copy.
            let mut out = pretty(&p.value, style).into_bytes();
            drop(p);
            out.push(b'\n');
            return Ok(out);
        }
        // The record must be a JSON object; the text comes from the bytes.
        check_object(&rec)?;
        let mut out = Vec::with_capacity(rec.bytes.len() * 2);
        pretty_raw(rec.bytes, style, &mut out).expect("writing to memory cannot fail");
        out.push(b'\n');
        Ok(out)
    }

    /// A record whose pretty JSON is written straight to the output by [`Renderer::json_to`]
    /// rather than made in memory (it is large): checked as [`Renderer::json`] checks it, and
    /// its bytes kept. `None` when the record is small, or masked, and [`Renderer::json`] is
    /// for it.
    pub fn json_later(&self, rec: &Record<'_>) -> Option<Result<Vec<u8>, Fault>> {
        if let Some(masked) = self.masked_large(rec) {
            return Some(masked.map(|(_, bytes)| bytes));
        }
        if self.redact || rec.bytes.len() < STREAMED_JSON {
            return None;
        }
        Some(parse_view(rec).map(|_| rec.bytes.to_vec()))
    }

    /// Writes the pretty JSON of a record that [`Renderer::json_later`] kept.
    pub fn json_to(&self, raw: &[u8], out: &mut dyn io::Write) -> io::Result<()> {
        let style = JsonStyle {
            color: self.painter.color(),
        };
        pretty_raw(raw, style, &mut &mut *out)?;
        out.write_all(b"\n")
    }

    /// A record as the cells of a table row.
    pub fn row(&self, rec: Record<'_>) -> Result<Vec<String>, Fault> {
        if let Some(masked) = self.masked_large(&rec) {
            let (plain, bytes) = masked?;
            return plain.row(Record {
                bytes: &bytes,
                ..rec
            });
        }
        // The borrowed view serves the default columns; redaction and other fields
        // need the whole payload.
        let need_map = self.redact
            || self
                .fields
                .as_ref()
                .is_some_and(|f| f.iter().any(|x| !x.in_view()));
        let parsed = if need_map {
            Some(self.redacted(parse(rec.clone())?))
        } else {
            None
        };
        let map = parsed.as_ref().map(|p| p.fields());
        let view = match map {
            Some(m) => View::from_map(m),
            None => parse_view(&rec)?,
        };
        let class = classify_view(&view);
        let subject = Subject {
            record: &rec,
            view: &view,
            class: &class,
            map,
            attachments: None,
            delivery: rec.delivery.as_deref(),
            now: self.now,
            short_dates: true,
        };
        Ok(self.table_row(&subject))
    }

    /// A record as a card: the fields, the body as text, and the pretty JSON.
    pub fn card(&self, rec: Record<'_>) -> Result<Vec<u8>, Fault> {
        if let Some(masked) = self.masked_large(&rec) {
            let (plain, bytes) = masked?;
            return plain.card(Record {
                bytes: &bytes,
                ..rec
            });
        }
        let mut out = Vec::new();
        // Unmasked, the JSON comes from the bytes: a large payload's members need not be
        // parsed whole for the few the card shows.
        let payload = if self.redact {
            self.redacted(parse(rec.clone())?)
        } else {
            parse_shallow(rec.clone(), SHALLOW_ABOVE)?
        };
        let map = payload.fields();
        let view = View::from_map(map);
        let class = classify_view(&view);
        // A shallow payload holds only the first attachments: count them in the bytes.
        let attachments = payload.shallow.then(|| {
            let doc = Doc::build(payload.raw)?;
            let all = doc.root().get("attachments")?;
            (all.kind() == Kind::Array).then(|| all.len())
        });
        let subject = Subject {
            record: &rec,
            view: &view,
            class: &class,
            map: Some(map),
            attachments: attachments.flatten(),
            delivery: payload.delivery.as_deref(),
            now: self.now,
            short_dates: false,
        };
        let _ = self.write_card(&subject, &mut out);
        Ok(self.fitted(out))
    }

    /// Output laid out to the terminal: any line still wider (a long JSON value) is folded.
    fn fitted(&self, out: Vec<u8>) -> Vec<u8> {
        let Some(width) = self.painter.width() else {
            return out;
        };
        match String::from_utf8(out) {
            Ok(text) => match fit(&text, Some(width)) {
                Cow::Borrowed(_) => text.into_bytes(),
                Cow::Owned(folded) => folded.into_bytes(),
            },
            Err(e) => e.into_bytes(),
        }
    }
}

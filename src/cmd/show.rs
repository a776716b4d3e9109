//! `hlmsg show` (alias `pretty`): a card, the body and the pretty JSON of each payload; or only the
//! JSON, compact NDJSON, or a one-row-per-payload table of a whole capture.
//!
//! Every string that comes from a payload or a file name is escaped before it reaches the
//! terminal.

use std::borrow::Cow;
use std::io::{self, Write};

use comfy_table::Table;
use serde_json::{Map, Value};
use unicode_width::UnicodeWidthStr;

use crate::capture::Delivery;
use crate::channel::{Channel, Classification, classify_view};
use crate::cli::{ShowArgs, ShowFormat};
use crate::diagnostic::shorten;
use crate::exit::Outcome;
use crate::html;
use crate::humanize;
use crate::input::parallel::{Event, process};
use crate::input::{Record, expand};
use crate::jsontext::{JsonStyle, compact_into, pretty};
use crate::payload::{Fault, Payload, parse, parse_view};
use crate::redact::redact;
use crate::render::human::finding_line;
use crate::render::json::write_line;
use crate::signature;
use crate::term::{Painter, escape, styles};
use crate::view::View;

use super::{ErrStream, Io};

/// Characters of body shown before it is cut (unless `--full`).
pub const BODY_LIMIT_CHARS: usize = 1200;
/// Lines of body shown before it is cut (unless `--full`).
pub const BODY_LIMIT_LINES: usize = 30;
/// Longest value in a card cell.
const CARD_VALUE_CHARS: usize = 100;
/// Rows buffered to size the table's columns; later rows use the same widths.
const TABLE_SIZING_ROWS: usize = 1000;
/// Longest body preview in the table.
const PREVIEW_CHARS: usize = 60;

/// Field names of the card and the table, in display order, with the payload keys they come from.
const FIELDS: &[(&str, &str, &str)] = &[
    // (name for --fields, label, payload key or computed)
    ("source", "Source", ""),
    ("date", "Date", "dateAdded"),
    ("channel", "Channel", "messageType"),
    ("direction", "Direction", "direction"),
    ("status", "Status", "status"),
    ("duration", "Duration", "callDuration"),
    ("location", "Location", "locationId"),
    ("contact", "Contact", "contactId"),
    ("conversation", "Conversation", "conversationId"),
    ("message", "Message", "messageId"),
    ("user", "User", "userId"),
    ("from", "From", "from"),
    ("to", "To", "to"),
    ("cc", "Cc", "cc"),
    ("subject", "Subject", "subject"),
    ("provider", "Provider", "provider"),
    ("attachments", "Attachments", "attachments"),
    ("body", "Body", "body"),
    ("signature", "Signature", ""),
    ("webhook", "Webhook", "webhookId"),
    ("timestamp", "Timestamp", "timestamp"),
];

/// The card's fields when `--fields` is not given.
const CARD_DEFAULT: &[&str] = &[
    "channel",
    "direction",
    "status",
    "duration",
    "date",
    "location",
    "contact",
    "conversation",
    "message",
    "user",
    "from",
    "to",
    "cc",
    "subject",
    "provider",
    "attachments",
    "signature",
    "webhook",
    "timestamp",
];
/// Fields shown on emails only (when `--fields` is not given).
const EMAIL_ONLY: &[&str] = &["from", "to", "cc", "subject", "provider"];
/// The table's columns when `--fields` is not given.
const TABLE_DEFAULT: &[&str] = &[
    "source",
    "date",
    "channel",
    "direction",
    "status",
    "contact",
    "body",
];

/// A field to show: a known name, or any top-level payload key.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Known(&'static str, &'static str),
    Raw(String),
}

impl Field {
    fn parse(name: &str) -> Field {
        let trimmed = name.trim();
        FIELDS
            .iter()
            .find(|(n, _, key)| n.eq_ignore_ascii_case(trimmed) || *key == trimmed)
            .map_or_else(
                || Field::Raw(trimmed.to_string()),
                |(n, l, _)| Field::Known(n, l),
            )
    }

    fn label(&self) -> &str {
        match self {
            Field::Known(_, l) => l,
            Field::Raw(k) => k,
        }
    }

    /// Whether the borrowed view holds this field.
    fn in_view(&self) -> bool {
        matches!(
            self,
            Field::Known(
                "source"
                    | "date"
                    | "channel"
                    | "direction"
                    | "status"
                    | "contact"
                    | "message"
                    | "body"
                    | "duration",
                _
            )
        )
    }
}

/// The time ages are measured from.
fn reference_time(args: &ShowArgs) -> Result<jiff::Timestamp, String> {
    match &args.now {
        None => Ok(jiff::Timestamp::now()),
        Some(s) => s.parse().map_err(|e| {
            format!("--now {s}: expected an RFC 3339 time such as 2024-05-08T12:00:00Z ({e})")
        }),
    }
}

/// `dateAdded` as `2024-05-08 11:57:42 UTC (2 years ago)`; as it is when it is not a date.
fn date_text(raw: &str, now: jiff::Timestamp) -> String {
    match raw.parse::<jiff::Timestamp>() {
        Ok(ts) => {
            let secs = now.as_second() - ts.as_second();
            format!(
                "{} ({})",
                ts.strftime("%Y-%m-%d %H:%M:%S UTC"),
                humanize::age(secs)
            )
        }
        Err(_) => raw.to_string(),
    }
}

fn channel_text(c: &Classification) -> String {
    let mut s = match &c.channel {
        Channel::Unknown(raw) if !raw.is_empty() => format!("Unknown ({raw})"),
        ch => ch.name().to_string(),
    };
    if let Some(call) = c.call {
        s.push_str(&format!(" ({})", call.outcome.name()));
    }
    s
}

/// A value as card text: strings as they are, lists joined with commas, others as JSON.
fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// The body as readable text: HTML converted, otherwise as it is.
fn body_text(body: &str, map: Option<&Map<String, Value>>) -> String {
    let html_type = map
        .and_then(|m| m.get("contentType"))
        .and_then(Value::as_str)
        .is_some_and(|t| t.contains("html"));
    if html_type || html::looks_like_html(body) {
        html::to_text(body)
    } else {
        body.to_string()
    }
}

/// Everything a field's text can come from.
struct Subject<'a> {
    record: &'a Record<'a>,
    view: &'a View<'a>,
    class: &'a Classification,
    map: Option<&'a Map<String, Value>>,
    delivery: Option<&'a Delivery>,
    now: jiff::Timestamp,
}

impl Subject<'_> {
    /// The text of a field, or `None` when the payload does not carry it.
    fn text(&self, field: &Field) -> Option<String> {
        let get = |k: &str| self.map.and_then(|m| m.get(k)).filter(|v| !v.is_null());
        let s = |v: &Option<Cow<'_, str>>| v.as_deref().map(str::to_string);
        match field {
            Field::Raw(key) => get(key).map(value_text),
            Field::Known(name, _) => match *name {
                "source" => Some(format!(
                    "{}:{}",
                    self.record.origin.source,
                    self.record.origin.line()
                )),
                "date" => self
                    .view
                    .date_added
                    .as_deref()
                    .map(|d| date_text(d, self.now)),
                "channel" => Some(channel_text(self.class)),
                "direction" => s(&self.view.direction),
                "status" => s(&self.view.status),
                "duration" => self.view.call_duration.map(humanize::duration),
                "contact" => s(&self.view.contact_id),
                "message" => s(&self.view.message_id),
                "body" => self.view.body.as_deref().map(|b| body_text(b, self.map)),
                "signature" => self
                    .delivery
                    .and_then(signature::from_headers)
                    .map(|s| format!("{} {}", s.from, shorten(s.base64.trim(), 24))),
                "timestamp" => get("timestamp").map(|v| match v.as_str() {
                    Some(t) => date_text(t, self.now),
                    None => value_text(v),
                }),
                "attachments" => get("attachments").map(|v| match v {
                    Value::Array(a) => a.len().to_string(),
                    other => value_text(other),
                }),
                other => {
                    let key = FIELDS.iter().find(|f| f.0 == other).map_or(other, |f| f.2);
                    get(key).map(value_text)
                }
            },
        }
    }
}

/// What one record renders to, on a worker thread.
enum Rendered {
    /// Text to write as it is (a card, pretty JSON, a compact line).
    Text(Vec<u8>),
    /// The cells of a table row.
    Row(Vec<String>),
}

/// Renders records; shared by the worker threads.
struct Renderer<'a> {
    args: &'a ShowArgs,
    fields: Option<Vec<Field>>,
    /// The table's columns: `fields`, or the default columns (worked out once, not per row).
    table_fields: Vec<Field>,
    painter: Painter,
    now: jiff::Timestamp,
}

impl Renderer<'_> {
    fn card(&self, subject: &Subject<'_>, out: &mut Vec<u8>) -> io::Result<()> {
        let p = self.painter;
        let header = format!("── {} ", subject.record.origin);
        writeln!(
            out,
            "{}{}",
            p.paint(&header, styles::location()),
            p.paint(
                &"─".repeat(60usize.saturating_sub(header.width())),
                styles::dim()
            )
        )?;
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
        for f in &fields {
            if let Some(text) = subject.text(f) {
                let text = shorten(&escape(&text.replace('\n', " ")), CARD_VALUE_CHARS);
                table.add_row(vec![escape(f.label()).into_owned(), text]);
            }
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
            if let Some(map) = subject.map {
                writeln!(
                    out,
                    "{}",
                    pretty(&Value::Object(map.clone()), JsonStyle { color: p.color() })
                )?;
            }
        }
        writeln!(out)
    }

    fn body(&self, body: &str, out: &mut Vec<u8>) -> io::Result<()> {
        if body.trim().is_empty() {
            return writeln!(out, "  {}", self.painter.paint("(empty)", styles::dim()));
        }
        let total_chars = body.chars().count();
        let mut shown_chars = 0;
        for (i, line) in body.lines().enumerate() {
            let len = line.chars().count() + 1;
            if !self.args.full && (i >= BODY_LIMIT_LINES || shown_chars + len > BODY_LIMIT_CHARS) {
                let left = total_chars.saturating_sub(shown_chars);
                let marker = format!("… {left} more characters (--full shows all)");
                return writeln!(out, "  {}", self.painter.paint(&marker, styles::dim()));
            }
            shown_chars += len;
            if line.trim().is_empty() {
                writeln!(out)?;
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
        if self.args.redact {
            redact(&mut p.value);
        }
        p
    }

    /// Renders one record in the chosen format.
    fn render(&self, rec: Record<'_>) -> Result<Rendered, Fault> {
        let mut out = Vec::new();
        match self.args.format {
            ShowFormat::Compact => {
                parse_view(&rec)?;
                if self.args.redact || needs_escaping(rec.bytes) {
                    // Re-serialize: to mask personal data, or so that characters unsafe on a
                    // terminal travel as JSON escapes.
                    let p = self.redacted(parse(rec.clone())?);
                    let _ = write_line(&mut out, &p.value);
                } else {
                    compact_into(rec.bytes, &mut out);
                    out.push(b'\n');
                }
                Ok(Rendered::Text(out))
            }
            ShowFormat::Json => {
                let p = self.redacted(parse(rec)?);
                let color = self.painter.color();
                let _ = writeln!(out, "{}", pretty(&p.value, JsonStyle { color }));
                Ok(Rendered::Text(out))
            }
            ShowFormat::Table => {
                // The borrowed view serves the default columns; redaction and other fields
                // need the whole payload.
                let need_map = self.args.redact
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
                    delivery: rec.delivery.as_deref(),
                    now: self.now,
                };
                Ok(Rendered::Row(self.table_row(&subject)))
            }
            ShowFormat::Card => {
                let payload = self.redacted(parse(rec.clone())?);
                let map = payload.fields();
                let view = View::from_map(map);
                let class = classify_view(&view);
                let subject = Subject {
                    record: &rec,
                    view: &view,
                    class: &class,
                    map: Some(map),
                    delivery: payload.delivery.as_deref(),
                    now: self.now,
                };
                let _ = self.card(&subject, &mut out);
                Ok(Rendered::Text(out))
            }
        }
    }
}

/// Writes what the workers rendered, in input order.
struct Run<'r, 'io> {
    out: &'r mut dyn Write,
    painter: Painter,
    err: &'r mut ErrStream<'io>,
    headers: Vec<String>,
    unreadable: u64,
    shown: u64,
    table: TableState,
}

/// The streaming table: rows are buffered until the columns can be sized, then written.
#[derive(Default)]
struct TableState {
    widths: Option<Vec<usize>>,
    pending: Vec<Vec<String>>,
}

impl Run<'_, '_> {
    fn event(&mut self, event: Event<Result<Rendered, Fault>>) -> io::Result<()> {
        match event {
            Event::Done(Ok(Rendered::Text(bytes))) => {
                self.shown += 1;
                self.out.write_all(&bytes)
            }
            Event::Done(Ok(Rendered::Row(row))) => {
                self.shown += 1;
                if self.table.widths.is_some() {
                    return self.write_row(&row);
                }
                self.table.pending.push(row);
                if self.table.pending.len() >= TABLE_SIZING_ROWS {
                    self.flush_table()?;
                }
                Ok(())
            }
            Event::Done(Err(f)) | Event::Fault(f) => {
                self.unreadable += 1;
                let line = finding_line(Painter::new(self.err.color), &f.origin, &f.diagnostic);
                writeln!(self.err.w, "{line}")
            }
            Event::InputError(e) => self.err.error(&e.to_string()),
        }
    }

    /// Sizes the columns from the buffered rows and writes the header and the rows.
    fn flush_table(&mut self) -> io::Result<()> {
        if self.table.widths.is_some() {
            return Ok(());
        }
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.table.pending {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.width());
            }
        }
        self.table.widths = Some(widths);
        let header_line = self.format_row(&self.headers);
        writeln!(
            self.out,
            "{}",
            self.painter
                .paint(&header_line, owo_colors::Style::new().bold())
        )?;
        for row in std::mem::take(&mut self.table.pending) {
            self.write_row(&row)?;
        }
        Ok(())
    }

    fn format_row(&self, cells: &[String]) -> String {
        let widths = self.table.widths.as_deref().unwrap_or(&[]);
        let mut line = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let cell = if cell.width() > *w {
                shorten(cell, (*w).max(1))
            } else {
                cell.clone()
            };
            line.push_str(&cell);
            if i + 1 < cells.len() {
                line.push_str(&" ".repeat(w.saturating_sub(cell.width()) + 2));
            }
        }
        line
    }

    fn write_row(&mut self, row: &[String]) -> io::Result<()> {
        let line = self.format_row(row);
        writeln!(self.out, "{}", line.trim_end())
    }
}

/// Whether raw bytes hold characters that must not reach a terminal raw even inside a JSON
/// string: DEL, C1 controls (UTF-8 `C2 80`..`C2 9F`), bidirectional controls (`E2 80 AA`..`AE`,
/// `E2 81 A6`..`A9`).
fn needs_escaping(raw: &[u8]) -> bool {
    memchr::memchr3_iter(0x7f, 0xc2, 0xe2, raw).any(|i| match raw[i] {
        0x7f => true,
        0xc2 => raw.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)),
        _ => match (raw.get(i + 1), raw.get(i + 2)) {
            (Some(0x80), Some(b)) => (0xaa..=0xae).contains(b),
            (Some(0x81), Some(b)) => (0xa6..=0xa9).contains(b),
            _ => false,
        },
    })
}

/// Runs `show`.
pub fn run(args: &ShowArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if io.refuse_terminal_stdin(!args.input.paths.is_empty(), "show")? {
        return Ok(Outcome::Trouble);
    }
    let now = match reference_time(args) {
        Ok(t) => t,
        Err(msg) => {
            io.err.error(&msg)?;
            return Ok(Outcome::Trouble);
        }
    };
    let fields = args.fields.as_ref().map(|list| {
        list.split(',')
            .filter(|s| !s.trim().is_empty())
            .map(Field::parse)
            .collect::<Vec<_>>()
    });
    let input = io.input_options(&args.input);
    let jobs = io.jobs;
    let table_fields = fields
        .clone()
        .unwrap_or_else(|| TABLE_DEFAULT.iter().map(|n| Field::parse(n)).collect());
    let renderer = Renderer {
        args,
        fields,
        table_fields,
        painter: Painter::new(io.out_color),
        now,
    };
    let headers = renderer
        .table_fields
        .iter()
        .map(|f| escape(f.label()).into_owned())
        .collect();
    let Io {
        out,
        out_color,
        err,
        ..
    } = io;
    let mut run = Run {
        out: &mut **out,
        painter: Painter::new(*out_color),
        err,
        headers,
        unreadable: 0,
        shown: 0,
        table: TableState::default(),
    };
    let work = |rec: Record<'_>| renderer.render(rec);
    let trouble = process(expand(&input.paths), &input, jobs, work, |e| run.event(e))?;
    if args.format == ShowFormat::Table && run.shown > 0 {
        run.flush_table()?;
    }
    run.out.flush()?;
    Ok(if trouble {
        Outcome::Trouble
    } else if run.unreadable > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_needed_for_del_c1_and_bidi_only() {
        assert!(!needs_escaping("{\"a\":\"é ü — ok\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{7f}\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{9b}\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{202e}\"}".as_bytes()));
        assert!(needs_escaping("{\"a\":\"\u{2067}\"}".as_bytes()));
    }

    #[test]
    fn fields_parse_by_name_or_payload_key() {
        assert_eq!(Field::parse("date"), Field::Known("date", "Date"));
        assert_eq!(Field::parse("dateAdded"), Field::Known("date", "Date"));
        assert_eq!(Field::parse("Contact"), Field::Known("contact", "Contact"));
        assert_eq!(
            Field::parse("webhookId"),
            Field::Known("webhook", "Webhook")
        );
        assert_eq!(Field::parse("altId"), Field::Raw("altId".into()));
    }

    #[test]
    fn dates_in_utc_with_age() {
        let now: jiff::Timestamp = "2024-05-11T12:00:00Z".parse().unwrap();
        assert_eq!(
            date_text("2024-05-08T11:57:42.250Z", now),
            "2024-05-08 11:57:42 UTC (3 days ago)"
        );
        assert_eq!(
            date_text("2024-05-08T13:57:42+02:00", now),
            "2024-05-08 11:57:42 UTC (3 days ago)"
        );
        assert_eq!(date_text("yesterday", now), "yesterday");
    }
}

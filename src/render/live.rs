//! Every byte `listen` writes about a delivery: one line (time, request, event, channel,
//! verdict, signature, first finding), `show`'s card, or a JSON Lines record
//! (schemas/output/listen.schema.json).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

use serde::Serialize;

use crate::input::capture::InputMode;
use crate::input::{Item, Reader};
use crate::live::Received;
use crate::model::finding::Diagnostic;
use crate::render::finding::finding_line;
use crate::render::jsonl::{OriginJson, write_line};
use crate::render::show::card::Renderer;
use crate::render::style::{Painter, escape, styles};
use crate::verify::signature::Scheme;

/// What the signature check says, in a few words.
fn signature(r: &Received) -> (String, bool) {
    let c = &r.report.checked;
    match (&c.failure, c.scheme) {
        (None, Some(s)) => (format!("signed ({})", s.name()), true),
        (None, None) => ("signed".to_string(), true),
        (Some(crate::verify::Failure::NoHeader), _) => ("unsigned".to_string(), false),
        (Some(f), _) => (f.message(), false),
    }
}

/// One line per delivery.
pub fn line(out: &mut dyn Write, p: Painter, r: &Received) -> io::Result<()> {
    let time = r.at.strftime("%H:%M:%S").to_string();
    let request = format!("{} {}", r.request.method, r.request.path);
    let (event, channel) = match &r.report.class {
        Some(c) if c.is_message() => (c.event.to_string(), c.channel.to_string()),
        Some(c) => (c.event.to_string(), "-".to_string()),
        None => ("-".to_string(), "-".to_string()),
    };
    let verdict = &r.report.verdict;
    let ok = if verdict.skipped {
        p.paint("skipped", styles::dim())
    } else if verdict.passed() {
        p.paint("valid", styles::ok())
    } else {
        p.paint("INVALID", styles::error())
    };
    let (sig, signed) = signature(r);
    let sig = if signed {
        p.paint(&escape(&sig), styles::ok())
    } else {
        p.paint(&escape(&sig), styles::warning())
    };
    let mut text = format!(
        "{}  {}  {}  {}  {ok}  {sig}",
        p.paint(&time, styles::dim()),
        escape(&request),
        escape(&event),
        escape(&channel),
    );
    if let Some(d) = verdict
        .diagnostics
        .iter()
        .find(|d| !verdict.skipped || d.rule != "other-event")
    {
        text.push_str(&format!(
            "  {}",
            p.paint(
                &format!("{}[{}]: {}", d.severity, d.rule, escape(&d.message)),
                styles::dim()
            )
        ));
    }
    writeln!(out, "{text}")
}

/// `show`'s card of the delivery, after its line.
pub fn card(out: &mut dyn Write, p: Painter, r: &Received) -> io::Result<()> {
    line(out, p, r)?;
    let renderer = Renderer {
        fields: None,
        table_fields: Vec::new(),
        painter: p,
        now: r.at,
        full: false,
        redact: false,
    };
    let capture = r.request.capture();
    let mut reader = Reader::new(
        Arc::from(r.report.checked.origin.source.as_ref()),
        &capture[..],
    )
    .with_mode(InputMode::Http);
    if let Ok(Some(Item::Record(rec))) = reader.next()
        && let Ok(bytes) = renderer.card(rec)
    {
        out.write_all(&bytes)?;
    }
    for d in &r.report.verdict.diagnostics {
        writeln!(out, "{}", finding_line(p, &r.report.verdict.origin, d))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct DeliveryJson<'a> {
    kind: &'static str,
    #[serde(flatten)]
    origin: OriginJson<'a>,
    received_at: String,
    method: &'a str,
    path: &'a str,
    headers: BTreeMap<String, String>,
    event: Option<&'a str>,
    channel: Option<&'a str>,
    valid: bool,
    skipped: bool,
    schema: Option<&'a str>,
    diagnostics: &'a [Diagnostic],
    verified: bool,
    scheme: Option<&'static str>,
    reason: Option<String>,
    warning: Option<&'a str>,
    webhook_id: Option<&'a str>,
}

/// One JSON record per delivery: `validate`'s payload record and `verify`'s delivery record in
/// one, with the request's method, path and headers.
pub fn json(out: &mut dyn Write, r: &Received, _index: u64) -> io::Result<()> {
    let v = &r.report.verdict;
    let c = &r.report.checked;
    let headers = r
        .request
        .headers
        .iter()
        .map(|(n, v)| {
            (
                n.to_ascii_lowercase(),
                String::from_utf8_lossy(v).into_owned(),
            )
        })
        .collect();
    write_line(
        out,
        &DeliveryJson {
            kind: "delivery",
            origin: (&v.origin).into(),
            received_at: r.at.to_string(),
            method: &r.request.method,
            path: &r.request.path,
            headers,
            event: v.event.as_ref().and_then(|e| e.known_name()),
            channel: r
                .report
                .class
                .as_ref()
                .filter(|c| c.is_message())
                .map(|c| c.channel.name()),
            valid: v.passed(),
            skipped: v.skipped,
            schema: v.schema.as_deref(),
            diagnostics: &v.diagnostics,
            verified: c.failure.is_none(),
            scheme: c.scheme.map(Scheme::name),
            reason: c.failure.as_ref().map(|f| f.message()),
            warning: c.warning.as_deref(),
            webhook_id: c.webhook_id.as_deref(),
        },
    )
}

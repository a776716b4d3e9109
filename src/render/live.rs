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
    match &r.forwarded {
        Some(Ok((code, took))) => {
            let handler = format!("handler {code} in {:.1}ms", took.as_secs_f64() * 1000.0);
            let style = if (200..300).contains(code) {
                styles::ok()
            } else {
                styles::warning()
            };
            text.push_str(&format!("  {}", p.paint(&handler, style)));
        }
        Some(Err(why)) => {
            let handler = format!("handler: {}", escape(why));
            text.push_str(&format!("  {}", p.paint(&handler, styles::error())));
        }
        None => {}
    }
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
    handler_status: Option<u16>,
    handler_ms: Option<f64>,
    handler_error: Option<&'a str>,
}

/// One JSON record per delivery: `validate`'s payload record and `verify`'s delivery record in
/// one, with the request's method, path and headers.
pub fn json(out: &mut dyn Write, r: &Received) -> io::Result<()> {
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
            handler_status: r
                .forwarded
                .as_ref()
                .and_then(|f| f.as_ref().ok().map(|x| x.0)),
            handler_ms: r
                .forwarded
                .as_ref()
                .and_then(|f| f.as_ref().ok().map(|x| x.1.as_secs_f64() * 1000.0)),
            handler_error: r
                .forwarded
                .as_ref()
                .and_then(|f| f.as_ref().err().map(String::as_str)),
        },
    )
}

/// One line per answer: `200  23ms  label`, or `FAILED  reason  label`.
pub fn sent_line(out: &mut dyn Write, s: &crate::live::Sent) -> io::Result<()> {
    let ms = s.latency.as_secs_f64() * 1000.0;
    match &s.result {
        Ok(code) => writeln!(out, "{code}  {ms:.1}ms  {}", escape(&s.label)),
        Err(why) => writeln!(out, "FAILED  {}  {}", escape(why), escape(&s.label)),
    }
}

#[derive(Serialize)]
struct SentJson<'a> {
    kind: &'static str,
    index: u64,
    label: &'a str,
    status: Option<u16>,
    error: Option<&'a str>,
    latency_ms: f64,
}

/// One JSON record per answer.
pub fn sent_json(out: &mut dyn Write, s: &crate::live::Sent) -> io::Result<()> {
    write_line(
        out,
        &SentJson {
            kind: "sent",
            index: s.index,
            label: &s.label,
            status: s.result.as_ref().ok().copied(),
            error: s.result.as_ref().err().map(String::as_str),
            latency_ms: s.latency.as_secs_f64() * 1000.0,
        },
    )
}

/// Milliseconds with one decimal.
fn ms(d: std::time::Duration) -> f64 {
    (d.as_secs_f64() * 10_000.0).round() / 10.0
}

/// The closing summary: sent, answered by status, failed to connect, latency percentiles.
pub fn send_summary(
    out: &mut dyn Write,
    s: &crate::live::SendSummary,
    elapsed: std::time::Duration,
) -> io::Result<()> {
    let answered: Vec<String> = s
        .by_status
        .iter()
        .map(|(code, n)| format!("{n} × {code}"))
        .collect();
    let failed: u64 = s.errors.values().sum();
    let rate = s.answered() as f64 / elapsed.as_secs_f64().max(1e-9);
    writeln!(
        out,
        "{} sent in {:.1}s ({rate:.0}/s): {}{}",
        s.queued,
        elapsed.as_secs_f64(),
        if answered.is_empty() {
            "no answer".to_string()
        } else {
            answered.join(", ")
        },
        if failed > 0 {
            format!(", {failed} failed to connect or answer")
        } else {
            String::new()
        }
    )?;
    writeln!(
        out,
        "latency: p50 {}ms, p90 {}ms, p99 {}ms, max {}ms",
        ms(s.percentile(0.5)),
        ms(s.percentile(0.9)),
        ms(s.percentile(0.99)),
        ms(s.max())
    )?;
    for (why, n) in &s.errors {
        writeln!(out, "  {n} × {}", escape(why))?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SendSummaryJson<'a> {
    kind: &'static str,
    sent: u64,
    by_status: BTreeMap<String, u64>,
    errors: &'a BTreeMap<String, u64>,
    seconds: f64,
    p50_ms: f64,
    p90_ms: f64,
    p99_ms: f64,
    max_ms: f64,
}

/// The summary record.
pub fn send_summary_json(
    out: &mut dyn Write,
    s: &crate::live::SendSummary,
    elapsed: std::time::Duration,
) -> io::Result<()> {
    write_line(
        out,
        &SendSummaryJson {
            kind: "summary",
            sent: s.queued,
            by_status: s
                .by_status
                .iter()
                .map(|(c, n)| (c.to_string(), *n))
                .collect(),
            errors: &s.errors,
            seconds: elapsed.as_secs_f64(),
            p50_ms: ms(s.percentile(0.5)),
            p90_ms: ms(s.percentile(0.9)),
            p99_ms: ms(s.percentile(0.99)),
            max_ms: ms(s.max()),
        },
    )
}

//! Every byte `verify` writes: a line per delivery (`source:line:column: verified (ed25519)` or
//! `FAILED (reason)`) and a summary line; or JSON Lines `delivery` and `summary` records
//! (schemas/output/verify.schema.json).

use std::io::{self, Write};

use serde::Serialize;

use crate::render::jsonl::{OriginJson, write_line};
use crate::render::style::{Painter, escape, styles};
use crate::verify::Checked;
use crate::verify::signature::Scheme;

#[derive(Serialize)]
struct DeliveryJson<'a> {
    kind: &'static str,
    #[serde(flatten)]
    origin: OriginJson<'a>,
    event: Option<&'a str>,
    verified: bool,
    scheme: Option<&'static str>,
    reserialized: bool,
    reason: Option<&'a str>,
    warning: Option<&'a str>,
    webhook_id: Option<&'a str>,
}

#[derive(Serialize)]
struct SummaryJson {
    kind: &'static str,
    verified: u64,
    failed: u64,
}

/// One delivery, with the reason it failed (when it did) as the report words it.
pub fn delivery(
    out: &mut dyn Write,
    painter: Option<Painter>,
    c: &Checked,
    reason: Option<&str>,
) -> io::Result<()> {
    let Some(p) = painter else {
        return write_line(
            out,
            &DeliveryJson {
                kind: "delivery",
                origin: (&c.origin).into(),
                event: c.event.as_ref().and_then(|e| e.known_name()),
                verified: reason.is_none(),
                scheme: c.scheme.map(Scheme::name),
                reserialized: c.reserialized,
                reason,
                warning: c.warning.as_deref(),
                webhook_id: c.webhook_id.as_deref(),
            },
        );
    };
    let location = p.paint(&c.origin.to_string(), styles::location());
    let verdict = match (reason, c.scheme) {
        (None, Some(s)) => {
            let how = if c.reserialized {
                format!("{}, re-serialized body", s.name())
            } else {
                s.name().to_string()
            };
            format!("{} ({how})", p.paint("verified", styles::ok()))
        }
        (Some(reason), _) => format!(
            "{} ({})",
            p.paint("FAILED", styles::error()),
            p.paint(reason, owo_colors::Style::new())
        ),
        (None, None) => p.paint("verified", styles::ok()),
    };
    match &c.warning {
        Some(w) => writeln!(
            out,
            "{location}: {verdict}; {}",
            p.paint(&format!("warning: {}", escape(w)), styles::warning())
        ),
        None => writeln!(out, "{location}: {verdict}"),
    }
}

/// The summary: deliveries verified and failed.
pub fn summary(out: &mut dyn Write, json: bool, verified: u64, failed: u64) -> io::Result<()> {
    if json {
        write_line(
            out,
            &SummaryJson {
                kind: "summary",
                verified,
                failed,
            },
        )
    } else {
        writeln!(out, "{verified} verified, {failed} failed")
    }
}

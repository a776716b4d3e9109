//! `hlmsg verify`: HighLevel's signature of every delivery, checked over the exact raw body, plus
//! replay checks (stale `timestamp`, repeated `webhookId`).

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::capture::BodyBytes;
use crate::cli::{VerifyArgs, VerifyFormat};
use crate::exit::Outcome;
use crate::humanize;
use crate::input::{InputError, Record, RecordSink, RecordStatus, read_records};
use crate::origin::Origin;
use crate::payload::Fault;
use crate::render::json::write_line;
use crate::signature::{self, Keys, PublicKey, Scheme, Signature};
use crate::term::{Painter, styles};

use super::{ErrStream, Io};

/// The verdict on one delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// Where the delivery's body starts.
    pub origin: Origin,
    /// The scheme that verified it.
    pub scheme: Option<Scheme>,
    /// Whether the body had to be re-serialized from a parsed envelope.
    pub reserialized: bool,
    /// Why it failed, if it did.
    pub reason: Option<String>,
    /// Its `webhookId`, when the body carries one.
    pub webhook_id: Option<String>,
}

#[derive(Serialize)]
struct DeliveryJson<'a> {
    kind: &'static str,
    source: &'a str,
    line: u64,
    column: u64,
    index: u64,
    verified: bool,
    scheme: Option<&'static str>,
    reserialized: bool,
    reason: Option<&'a str>,
    webhook_id: Option<&'a str>,
}

#[derive(Serialize)]
struct SummaryJson {
    kind: &'static str,
    verified: u64,
    failed: u64,
}

struct Run<'r, 'io> {
    args: &'r VerifyArgs,
    keys: Keys,
    max_age: Option<i64>,
    now: jiff::Timestamp,
    seen: HashMap<String, String>,
    out: &'r mut dyn Write,
    painter: Painter,
    err: &'r mut ErrStream<'io>,
    verified: u64,
    failed: u64,
}

impl Run<'_, '_> {
    fn check(&mut self, rec: &Record<'_>) -> Checked {
        let mut checked = Checked {
            origin: rec.origin.clone(),
            scheme: None,
            reserialized: false,
            reason: None,
            webhook_id: None,
        };
        let parsed: Option<Value> = serde_json::from_slice(rec.bytes).ok();
        checked.webhook_id = parsed
            .as_ref()
            .and_then(|v| v.get("webhookId"))
            .and_then(Value::as_str)
            .map(str::to_string);
        if let Err(reason) = self.signature(rec, parsed.as_ref(), &mut checked) {
            checked.reason = Some(reason);
            return checked;
        }
        if let Err(reason) = self.replay(parsed.as_ref(), &checked) {
            checked.reason = Some(reason);
        }
        checked
    }

    fn signature(
        &self,
        rec: &Record<'_>,
        parsed: Option<&Value>,
        checked: &mut Checked,
    ) -> Result<(), String> {
        match rec.status {
            // Depth does not matter to a signature.
            RecordStatus::Complete | RecordStatus::TooDeep { .. } => {}
            RecordStatus::Truncated { .. } => {
                return Err("the body is truncated: the capture ends before it does".to_string());
            }
            RecordStatus::TooLarge { size, limit } => {
                return Err(format!(
                    "the body is {size} bytes, larger than the limit of {limit} bytes (raise it with --max-payload-size)"
                ));
            }
        }
        let given = self.args.signature.as_deref().map(|b64| Signature {
            scheme: self.args.scheme.unwrap_or(Scheme::Ed25519),
            from: "--signature",
            base64: b64,
        });
        let sig = match (given, rec.delivery.as_deref()) {
            (Some(s), _) => s,
            (None, Some(d)) => signature::from_headers(d).ok_or_else(|| {
                "no signature: the delivery has neither an X-GHL-Signature nor an X-WH-Signature header"
                    .to_string()
            })?,
            (None, None) => {
                return Err(
                    "no signature: a bare body has no headers (give --signature B64 --scheme ed25519|rsa, or verify the HTTP capture)"
                        .to_string(),
                );
            }
        };
        let parsed_body = rec
            .delivery
            .as_deref()
            .is_some_and(|d| d.body == BodyBytes::Parsed);
        let reserialized;
        let body: &[u8] = if parsed_body {
            if !self.args.reserialize {
                return Err("cannot verify byte for byte: the envelope holds the parsed body, not the raw bytes that were signed (--reserialize tries HighLevel's compact form)".to_string());
            }
            let Some(value) = parsed else {
                return Err("cannot re-serialize: the body is not valid JSON".to_string());
            };
            reserialized = serde_json::to_vec(value).map_err(|e| e.to_string())?;
            checked.reserialized = true;
            &reserialized
        } else {
            rec.bytes
        };
        signature::verify(body, &sig, &self.keys).map_err(|f| {
            let mut reason = f.to_string();
            if checked.reserialized {
                reason.push_str(" (checked against the re-serialized body)");
            }
            reason
        })?;
        checked.scheme = Some(sig.scheme);
        Ok(())
    }

    fn replay(&mut self, parsed: Option<&Value>, checked: &Checked) -> Result<(), String> {
        if let Some(max_age) = self.max_age
            && let Some(ts) = parsed.and_then(|v| v.get("timestamp"))
        {
            let text = ts.as_str().unwrap_or_default();
            let Ok(at) = text.parse::<jiff::Timestamp>() else {
                return Err(format!(
                    "timestamp {ts} is not an RFC 3339 time, so its age cannot be checked"
                ));
            };
            let age = self.now.as_second() - at.as_second();
            if age > max_age {
                return Err(format!(
                    "stale delivery: timestamp {text} is {} old, more than --max-age {}",
                    humanize::duration(age as f64),
                    humanize::duration(max_age as f64)
                ));
            }
        }
        if let Some(id) = &checked.webhook_id {
            let here = checked.origin.to_string();
            if let Some(first) = self.seen.get(id) {
                return Err(format!(
                    "duplicate delivery: webhookId {id:?} was first seen at {first}"
                ));
            }
            self.seen.insert(id.clone(), here);
        }
        Ok(())
    }

    fn report(&mut self, c: &Checked) -> io::Result<()> {
        if c.reason.is_none() {
            self.verified += 1;
        } else {
            self.failed += 1;
        }
        if self.args.format == VerifyFormat::Json {
            return write_line(
                self.out,
                &DeliveryJson {
                    kind: "delivery",
                    source: &c.origin.source,
                    line: c.origin.line(),
                    column: c.origin.column(),
                    index: c.origin.index,
                    verified: c.reason.is_none(),
                    scheme: c.scheme.map(Scheme::name),
                    reserialized: c.reserialized,
                    reason: c.reason.as_deref(),
                    webhook_id: c.webhook_id.as_deref(),
                },
            );
        }
        let p = self.painter;
        let location = p.paint(&c.origin.to_string(), styles::location());
        let verdict = match (&c.reason, c.scheme) {
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
        writeln!(self.out, "{location}: {verdict}")
    }
}

impl RecordSink for Run<'_, '_> {
    fn record(&mut self, rec: Record<'_>) -> io::Result<()> {
        let checked = self.check(&rec);
        self.report(&checked)
    }

    fn fault(&mut self, f: Fault) -> io::Result<()> {
        let checked = Checked {
            origin: f.origin.clone(),
            scheme: None,
            reserialized: false,
            reason: Some(f.diagnostic.message.clone()),
            webhook_id: None,
        };
        self.report(&checked)
    }

    fn input_error(&mut self, e: &InputError) -> io::Result<()> {
        self.err.error(&e.to_string())
    }
}

/// Runs `verify`.
pub fn run(args: &VerifyArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    if io.refuse_terminal_stdin(!args.input.paths.is_empty(), "verify")? {
        return Ok(Outcome::Trouble);
    }
    let mut keys = Keys::highlevel();
    for path in &args.public_key {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                io.err.error(&format!(
                    "--public-key {}: {}",
                    path.display(),
                    crate::input::describe_io_error(&e)
                ))?;
                return Ok(Outcome::Trouble);
            }
        };
        match PublicKey::from_pem(&text) {
            Ok(k) => keys.set(k),
            Err(msg) => {
                io.err
                    .error(&format!("--public-key {}: {msg}", path.display()))?;
                return Ok(Outcome::Trouble);
            }
        }
    }
    let now = match &args.now {
        None => jiff::Timestamp::now(),
        Some(s) => match s.parse() {
            Ok(t) => t,
            Err(e) => {
                io.err
                    .error(&format!("--now {s}: expected an RFC 3339 time ({e})"))?;
                return Ok(Outcome::Trouble);
            }
        },
    };
    let input = io.input_options(&args.input);
    let Io {
        out,
        out_color,
        err,
        ..
    } = io;
    let mut run = Run {
        args,
        keys,
        max_age: args.max_age.map(|d| d as i64),
        now,
        seen: HashMap::new(),
        out: &mut **out,
        painter: Painter::new(*out_color),
        err,
        verified: 0,
        failed: 0,
    };
    let trouble = read_records(&input, &mut run)?;
    if args.format == VerifyFormat::Json {
        write_line(
            run.out,
            &SummaryJson {
                kind: "summary",
                verified: run.verified,
                failed: run.failed,
            },
        )?;
    } else {
        writeln!(run.out, "{} verified, {} failed", run.verified, run.failed)?;
    }
    run.out.flush()?;
    Ok(if trouble {
        Outcome::Trouble
    } else if run.failed > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

//! Deliveries over HTTP: what `hlmsg listen` received, kept as the raw HTTP capture every other
//! subcommand reads, and checked through that same capture, so a delivery received live gets
//! exactly the verdict, classification and signature check it would get from a file.

pub mod send;
pub mod sign;

use std::sync::Arc;

pub use send::{Outgoing, Prepare, SendSummary, Sent, Target, connect_error};

use crate::classify::{Classification, classify};
use crate::input::capture::InputMode;
use crate::input::parse::parse;
use crate::input::{Item, Reader};
use crate::model::finding::{Fault, RULE_JSON};
use crate::model::origin::{Origin, Position};
use crate::validate::{Checker, Verdict};
use crate::verify::{Checked, Verifier};

/// One HTTP request as received: its method, path, headers (raw values) and exact body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `POST`, ...
    pub method: String,
    /// The path with its query (`/webhook?x=1`).
    pub path: String,
    /// The headers in the order received, values as raw bytes.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body, byte for byte (de-chunked when it came chunked).
    pub body: Vec<u8>,
}

/// Headers that describe the transfer, not the delivery: the capture states the body's length
/// itself.
fn framing(name: &str) -> bool {
    name.eq_ignore_ascii_case("content-length") || name.eq_ignore_ascii_case("transfer-encoding")
}

impl Request {
    /// The request as a raw HTTP capture: the request line, every header as received (but the
    /// framing ones), `Content-Length` of the exact body, a blank line, and the body.
    pub fn capture(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.body.len() + 512);
        out.extend_from_slice(self.method.as_bytes());
        out.push(b' ');
        out.extend_from_slice(self.path.as_bytes());
        out.extend_from_slice(b" HTTP/1.1\r\n");
        for (name, value) in self.headers.iter().filter(|(n, _)| !framing(n)) {
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(b": ");
            out.extend_from_slice(value);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", self.body.len()).as_bytes());
        out.extend_from_slice(&self.body);
        // A line break after the body keeps the next capture's request line on a line of its
        // own; the reader skips it.
        out.extend_from_slice(b"\r\n");
        out
    }
}

/// What one delivery was found to be.
#[derive(Debug, Clone)]
pub struct Report {
    /// `validate`'s verdict on the body (or on why it is no payload).
    pub verdict: Verdict,
    /// The classification, when the body is a payload.
    pub class: Option<Classification>,
    /// `verify`'s check of its signature.
    pub checked: Checked,
}

/// A delivery as received and checked.
#[derive(Debug, Clone)]
pub struct Received {
    /// When it arrived.
    pub at: jiff::Timestamp,
    /// The request.
    pub request: Request,
    /// What it was found to be.
    pub report: Report,
    /// With `--forward-to`: the handler's status and how long it took, or why it gave none.
    pub forwarded: Option<Result<(u16, std::time::Duration), String>>,
}

/// The checks of one run: the schemas and the keys, shared by every delivery.
pub struct Inspector {
    /// `validate`'s checker.
    pub checker: Checker,
    /// `verify`'s signature checker.
    pub verifier: Verifier,
    /// The largest body inspected.
    pub max_payload: u64,
    /// The deepest nesting inspected.
    pub max_depth: u64,
}

impl Inspector {
    /// Checks one capture (as [`Request::capture`] writes it) named `source`, the way
    /// `validate` and `verify` check it read from a file. The replay checks (age, repeated
    /// `webhookId`) are the caller's: they depend on the deliveries before.
    pub fn inspect(&self, source: &str, capture: &[u8]) -> Report {
        let mut reader = Reader::new(Arc::from(source), capture)
            .with_mode(InputMode::Http)
            .with_max_payload(self.max_payload)
            .with_max_depth(self.max_depth);
        match reader.next() {
            Ok(Some(Item::Record(rec))) => {
                let checked = self.verifier.check(&rec);
                match parse(rec) {
                    Ok(payload) => Report {
                        verdict: self.checker.check(&payload),
                        class: Some(classify(payload.fields())),
                        checked,
                    },
                    Err(fault) => Report {
                        verdict: Verdict::from(fault),
                        class: None,
                        checked,
                    },
                }
            }
            Ok(Some(Item::Fault(fault))) => unreadable(Fault::from(fault)),
            Ok(None) => unreadable(fault(source, "empty body: expected a JSON object")),
            Err(e) => unreadable(fault(source, &e.to_string())),
        }
    }
}

/// The bodies of `--sample` names, or of `--generate N` payloads of the generator, lazily.
pub fn bodies(
    samples: &[String],
    generate: Option<u64>,
    seed: u64,
) -> Result<Box<dyn Iterator<Item = Vec<u8>>>, String> {
    if let Some(count) = generate {
        let settings = crate::sample::generate::Settings {
            seed,
            count,
            channels: Vec::new(),
            invalid_rate: 0.0,
            events: false,
        };
        let mut generator = crate::sample::generate::Generator::new(&settings);
        return Ok(Box::new(std::iter::from_fn(move || {
            if generator.is_done() {
                return None;
            }
            let mut line = Vec::with_capacity(1024);
            generator.next_into(&mut line);
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            Some(line)
        })));
    }
    let mut texts = Vec::new();
    for name in samples {
        match crate::sample::find(name) {
            Some(text) => texts.push(text.as_bytes().to_vec()),
            None => {
                let names: Vec<&str> = crate::sample::SAMPLES.iter().map(|(n, _)| *n).collect();
                return Err(format!(
                    "no bundled sample is named '{name}'; the samples are: {}",
                    names.join(", ")
                ));
            }
        }
    }
    Ok(Box::new(texts.into_iter()))
}

/// A fault at the start of `source`.
fn fault(source: &str, message: &str) -> Fault {
    let origin = Origin {
        source: Arc::from(source),
        position: Position::new(1, 1),
        index: 0,
    };
    Fault::new(origin, RULE_JSON, None, message.to_string())
}

/// The report on a delivery whose body is not a payload at all.
fn unreadable(fault: Fault) -> Report {
    let checked = Checked::unreadable(fault.origin.clone(), fault.diagnostic.message.clone());
    Report {
        verdict: Verdict::from(fault),
        class: None,
        checked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(body: &str) -> Request {
        Request {
            method: "POST".into(),
            path: "/hook?x=1".into(),
            headers: vec![
                ("Host".into(), b"127.0.0.1:8080".to_vec()),
                ("Content-Type".into(), b"application/json".to_vec()),
                ("Transfer-Encoding".into(), b"chunked".to_vec()),
                ("X-GHL-Signature".into(), b"N/A".to_vec()),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_capture_is_the_request_with_the_exact_body() {
        let c = request("{\"a\": 1}").capture();
        let text = String::from_utf8(c).unwrap();
        assert!(text.starts_with("POST /hook?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"));
        assert!(!text.contains("Transfer-Encoding"));
        assert!(
            text.ends_with("Content-Length: 8\r\n\r\n{\"a\": 1}\r\n"),
            "{text}"
        );
    }

    #[test]
    fn captures_read_back_as_deliveries_one_after_another() {
        let sample = include_str!("../../samples/sms-reminder.json");
        let mut all = request(sample).capture();
        all.extend(request("{\"type\":\"ContactCreate\"}").capture());
        let mut n = 0;
        crate::input::testing::each_record(&all, |entry| {
            let rec = entry.expect("a record");
            assert!(rec.delivery.is_some());
            n += 1;
        });
        assert_eq!(n, 2);
    }
}

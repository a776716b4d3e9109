//! What `hlmsg send` sends and what it learns: a delivery ready to POST (exact bytes, the
//! recorded request's path and headers, or a bare payload signed with a test key), the answer
//! to each, and the run's totals with latency percentiles in bounded memory.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::Full;

use super::sign::TestKey;
use crate::input::Record;
use crate::input::capture::CaptureKind;

/// Where deliveries go: an `http://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `http://host:port`.
    pub base: String,
    /// The URL's path and query (`/webhook`), `/` when it has none.
    pub path: String,
}

impl Target {
    /// Parses an `http://` URL; says what is wrong with anything else.
    pub fn parse(url: &str) -> Result<Target, String> {
        let uri: hyper::Uri = url
            .parse()
            .map_err(|e| format!("{url}: not a URL ({e}); expected http://host:port/path"))?;
        match uri.scheme_str() {
            Some("http") => {}
            Some("https") => {
                return Err(format!(
                    "{url}: hlmsg sends plain HTTP; put a tunnel or proxy that terminates TLS \
                     in front of an https:// handler, or send to its http:// address"
                ));
            }
            _ => return Err(format!("{url}: expected an http:// URL")),
        }
        let Some(authority) = uri.authority() else {
            return Err(format!("{url}: no host"));
        };
        let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_string();
        Ok(Target {
            base: format!("http://{authority}"),
            path: if path.is_empty() { "/".into() } else { path },
        })
    }
}

/// One delivery to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// What the report calls it (the record's `source:line:column`, or the sample's name).
    pub label: String,
    /// The recorded method, for a replayed capture.
    pub method: String,
    /// The recorded path, for a replayed capture.
    pub path: Option<String>,
    /// Headers to send, in order.
    pub headers: Vec<(String, String)>,
    /// The body, byte for byte.
    pub body: Bytes,
    /// The full URL, once prepared.
    pub uri: String,
}

/// Headers that the client sets itself, or that describe one connection.
fn hop(name: &str) -> bool {
    [
        "content-length",
        "transfer-encoding",
        "connection",
        "keep-alive",
        "expect",
        "upgrade",
    ]
    .iter()
    .any(|h| name.eq_ignore_ascii_case(h))
}

impl Outgoing {
    /// A bare payload.
    pub fn bare(body: Vec<u8>) -> Outgoing {
        Outgoing {
            label: String::new(),
            method: "POST".into(),
            path: None,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: Bytes::from(body),
            uri: String::new(),
        }
    }

    /// A record of the reader: a captured request is replayed with its method, path and
    /// headers; an envelope with its headers; a bare payload as it is.
    pub fn from_record(rec: &Record<'_>) -> Outgoing {
        let mut out = Outgoing::bare(rec.bytes.to_vec());
        out.label = rec.origin.to_string();
        if let Some(d) = rec.delivery.as_deref() {
            out.headers = d.headers.iter().filter(|(n, _)| !hop(n)).cloned().collect();
            if d.kind == CaptureKind::Http
                && let Some(line) = &d.request_line
            {
                let mut parts = line.split(' ');
                out.method = parts.next().unwrap_or("POST").to_string();
                out.path = parts.next().map(str::to_string);
            }
        }
        out
    }

    /// The HTTP request.
    pub fn request(&self) -> Result<hyper::Request<Full<Bytes>>, String> {
        let mut req = hyper::Request::builder()
            .method(self.method.as_str())
            .uri(self.uri.as_str());
        for (name, value) in &self.headers {
            req = req.header(name.as_str(), value.as_str());
        }
        req.body(Full::new(self.body.clone()))
            .map_err(|e| format!("cannot make the request: {e}"))
    }
}

/// How deliveries are made ready to send: the target, and a key for bare payloads.
#[derive(Debug)]
pub struct Prepare {
    /// Where to.
    pub target: Target,
    /// The test key bare payloads are signed with.
    pub key: Option<TestKey>,
}

impl Prepare {
    /// The URL (the recorded path when the target names none) and, for a bare payload with a
    /// key, its signature header.
    pub fn prepare(&self, mut o: Outgoing) -> Outgoing {
        let path = match (&o.path, self.target.path.as_str()) {
            (Some(recorded), "/") => recorded.clone(),
            _ => self.target.path.clone(),
        };
        o.uri = format!("{}{path}", self.target.base);
        let signed = o.headers.iter().any(|(n, _)| {
            n.eq_ignore_ascii_case("x-ghl-signature") || n.eq_ignore_ascii_case("x-wh-signature")
        });
        if let Some(key) = &self.key
            && !signed
        {
            let (header, value) = key.sign(&o.body);
            o.headers.push((header.to_string(), value));
        }
        if o.label.is_empty() {
            o.label = o.uri.clone();
        }
        o
    }
}

/// The answer to one delivery.
#[derive(Debug, Clone)]
pub struct Sent {
    /// Its place in the order sent.
    pub index: u64,
    /// What the report calls it.
    pub label: String,
    /// The status code, or why there is none.
    pub result: Result<u16, String>,
    /// From the request to the answer's end.
    pub latency: Duration,
}

/// What a connection error says, in a few words.
pub fn connect_error(e: &hyper_util::client::legacy::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text = format!("{text}: {s}");
        source = s.source();
    }
    text
}

/// Totals of a run, with latencies in buckets 2% wide: memory does not grow with the number
/// of deliveries.
#[derive(Debug, Default, Clone)]
pub struct SendSummary {
    /// Deliveries handed to the sender.
    pub queued: u64,
    /// Answers per status code.
    pub by_status: BTreeMap<u16, u64>,
    /// Deliveries that got no answer, per reason.
    pub errors: BTreeMap<String, u64>,
    buckets: BTreeMap<u32, u64>,
    max: Duration,
}

/// The ratio between neighbouring latency buckets.
const BUCKET: f64 = 1.02;

impl SendSummary {
    /// Counts one answer.
    pub fn add(&mut self, s: &Sent) {
        match &s.result {
            Ok(code) => *self.by_status.entry(*code).or_default() += 1,
            Err(why) => {
                let key = if self.errors.len() < 20 || self.errors.contains_key(why) {
                    why.clone()
                } else {
                    "other errors".to_string()
                };
                *self.errors.entry(key).or_default() += 1;
            }
        }
        let us = s.latency.as_micros().max(1) as f64;
        *self
            .buckets
            .entry((us.ln() / BUCKET.ln()) as u32)
            .or_default() += 1;
        self.max = self.max.max(s.latency);
    }

    /// Deliveries answered or failed so far.
    pub fn answered(&self) -> u64 {
        self.by_status.values().sum::<u64>() + self.errors.values().sum::<u64>()
    }

    /// Whether any delivery got no 2xx answer.
    pub fn failed(&self) -> bool {
        !self.errors.is_empty() || self.by_status.keys().any(|c| !(200..300).contains(c))
    }

    /// The latency below which `p` (0 to 1) of the deliveries were answered.
    pub fn percentile(&self, p: f64) -> Duration {
        let total: u64 = self.buckets.values().sum();
        if total == 0 {
            return Duration::ZERO;
        }
        let want = ((total as f64) * p).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (bucket, n) in &self.buckets {
            seen += n;
            if seen >= want {
                let us = BUCKET.powf(f64::from(*bucket) + 1.0);
                return Duration::from_micros(us as u64).min(self.max);
            }
        }
        self.max
    }

    /// The slowest answer.
    pub fn max(&self) -> Duration {
        self.max
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let t = Target::parse("http://127.0.0.1:8080/webhook?a=1").unwrap();
        assert_eq!(t.base, "http://127.0.0.1:8080");
        assert_eq!(t.path, "/webhook?a=1");
        assert_eq!(Target::parse("http://localhost:3000").unwrap().path, "/");
        assert!(
            Target::parse("https://x.example.com/")
                .unwrap_err()
                .contains("TLS")
        );
        assert!(Target::parse("ftp://x/").is_err());
    }

    #[test]
    fn percentiles_within_two_percent() {
        let mut s = SendSummary::default();
        for ms in 1..=1000u64 {
            s.add(&Sent {
                index: ms,
                label: String::new(),
                result: Ok(200),
                latency: Duration::from_millis(ms),
            });
        }
        let p50 = s.percentile(0.5).as_secs_f64() * 1000.0;
        assert!((490.0..=520.0).contains(&p50), "{p50}");
        let p99 = s.percentile(0.99).as_secs_f64() * 1000.0;
        assert!((980.0..=1000.0).contains(&p99), "{p99}");
        assert_eq!(s.max(), Duration::from_millis(1000));
        assert!(!s.failed());
    }
}

//! The server side of `hlmsg listen`: accepting connections within the limit, reading each
//! request within its limits, recording it whole, passing it on (`--forward-to`), checking it,
//! and handing the report to the thread that writes.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request as HttpRequest, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};

use crate::app::interrupt;
use crate::input::describe_io_error;
use crate::live::{Inspector, Received, Request};
use crate::verify::Replay;

/// What the server hands to the thread that writes.
pub(super) enum Note {
    /// A delivery, checked, and who waits for it to be written.
    Delivery(Box<Received>, tokio::sync::oneshot::Sender<()>),
    /// Something to say on standard error (a refused connection, a malformed request).
    Log(String),
}

/// What the server tasks share.
pub(super) struct Shared {
    pub(super) inspector: Inspector,
    pub(super) replay: Mutex<Replay>,
    pub(super) record: Option<Mutex<std::fs::File>>,
    pub(super) record_name: Option<String>,
    pub(super) status: StatusCode,
    pub(super) max_body: usize,
    pub(super) read_timeout: Duration,
    pub(super) notes: tokio::sync::mpsc::Sender<Note>,
    pub(super) counts: Counts,
    pub(super) forward: Option<Forward>,
}

/// Where deliveries are passed on.
pub(super) struct Forward {
    pub(super) target: crate::live::Target,
    pub(super) client: hyper_util::client::legacy::Client<
        hyper_util::client::legacy::connect::HttpConnector,
        Full<Bytes>,
    >,
    pub(super) timeout: Duration,
}

/// Deliveries so far, for the status page.
#[derive(Default)]
pub(super) struct Counts {
    pub(super) received: AtomicU64,
    pub(super) passed: AtomicU64,
    pub(super) failed: AtomicU64,
    pub(super) refused: AtomicU64,
}

/// The accepting side of the server.
pub(super) struct Server {
    pub(super) shared: Arc<Shared>,
    pub(super) limit: Arc<tokio::sync::Semaphore>,
    pub(super) max_header: usize,
}

impl Server {
    pub(super) async fn accept(self, listener: tokio::net::TcpListener) {
        loop {
            let Ok((stream, peer)) = listener.accept().await else {
                continue;
            };
            let Ok(permit) = Arc::clone(&self.limit).try_acquire_owned() else {
                self.shared.counts.refused.fetch_add(1, Ordering::Relaxed);
                let _ = self.shared.notes.send(Note::Log(format!(
                    "refused a connection from {peer}: the limit of connections at once is reached"
                ))).await;
                tokio::spawn(refuse_busy(stream));
                continue;
            };
            let shared = Arc::clone(&self.shared);
            let max_header = self.max_header;
            tokio::spawn(async move {
                let service = hyper::service::service_fn(|req| handle(Arc::clone(&shared), req));
                let served = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(shared.read_timeout)
                    .max_buf_size(max_header.max(8192))
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
                if let Err(e) = served {
                    let _ = shared
                        .notes
                        .send(Note::Log(format!(
                            "a request from {peer} was not served: {e}"
                        )))
                        .await;
                }
                drop(permit);
            });
        }
    }
}

/// Answers a connection over the limit with 503 and closes it.
async fn refuse_busy(stream: tokio::net::TcpStream) {
    use tokio::io::AsyncWriteExt;
    let mut stream = stream;
    let _ = stream
        .write_all(
            b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )
        .await;
}

/// A response with a body.
fn respond(
    status: StatusCode,
    content_type: &str,
    body: impl Into<Bytes>,
) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(body.into()));
    *r.status_mut() = status;
    if let Ok(v) = hyper::header::HeaderValue::from_str(content_type) {
        r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
    }
    r
}

/// One request.
async fn handle(
    shared: Arc<Shared>,
    req: HttpRequest<Incoming>,
) -> Result<Response<Full<Bytes>>, std::convert::Infallible> {
    if req.method() != Method::POST {
        return Ok(status_page(&shared, &req));
    }
    let method = req.method().to_string();
    let path = req
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_string(), |p| p.as_str().to_string());
    let headers: Vec<(String, Vec<u8>)> = req
        .headers()
        .iter()
        .map(|(n, v)| (canonical(n.as_str()), v.as_bytes().to_vec()))
        .collect();
    let body = Limited::new(req.into_body(), shared.max_body);
    let body =
        match tokio::time::timeout(shared.read_timeout, body.collect()).await {
            Err(_) => {
                let _ = shared.notes.send(Note::Log(format!(
                "{method} {path}: the body did not arrive within the read timeout: answered 408"
            ))).await;
                return Ok(respond(StatusCode::REQUEST_TIMEOUT, "text/plain", ""));
            }
            Ok(Err(e))
                if e.downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some() =>
            {
                let _ = shared.notes.send(Note::Log(format!(
                "{method} {path}: the body is larger than --max-body-size ({} bytes): answered 413",
                shared.max_body
            ))).await;
                return Ok(respond(StatusCode::PAYLOAD_TOO_LARGE, "text/plain", ""));
            }
            Ok(Err(e)) => {
                let _ = shared
                    .notes
                    .send(Note::Log(format!(
                        "{method} {path}: the body could not be read ({e}): answered 400"
                    )))
                    .await;
                return Ok(respond(StatusCode::BAD_REQUEST, "text/plain", ""));
            }
            Ok(Ok(collected)) => collected.to_bytes(),
        };
    let request = Request {
        method,
        path,
        headers,
        body: body.to_vec(),
    };
    let capture = request.capture();
    if let Some(file) = &shared.record {
        use std::io::Write as _;
        // Whole or not at all: one write of the whole capture, under the interrupt's lock.
        let written = {
            let _hold = interrupt::writing();
            file.lock()
                .map_err(|_| std::io::Error::other("the record file's lock is poisoned"))
                .and_then(|mut f| f.write_all(&capture).and_then(|()| f.flush()))
        };
        if let Err(e) = written {
            let name = shared.record_name.as_deref().unwrap_or("the record file");
            let _ = shared
                .notes
                .send(Note::Log(format!(
                    "cannot append to {name}: {}: answered 500",
                    describe_io_error(&e)
                )))
                .await;
            return Ok(respond(StatusCode::INTERNAL_SERVER_ERROR, "text/plain", ""));
        }
    }
    let forwarded = match &shared.forward {
        Some(f) => Some(forward(f, &request).await),
        None => None,
    };
    let number = shared.counts.received.fetch_add(1, Ordering::Relaxed);
    let source = format!("<listen #{}>", number + 1);
    let mut report = shared.inspector.inspect(&source, &capture);
    if let Ok(mut replay) = shared.replay.lock() {
        replay.set_now(jiff::Timestamp::now());
        replay.check(&mut report.checked);
    }
    if report.verdict.passed() {
        shared.counts.passed.fetch_add(1, Ordering::Relaxed);
    } else {
        shared.counts.failed.fetch_add(1, Ordering::Relaxed);
    }
    // Answer once the delivery is reported: what a client saw answered is on the screen (and in
    // the record) even if the listener is stopped right after.
    let (done, written) = tokio::sync::oneshot::channel();
    let status = match &forwarded {
        None => shared.status,
        Some(Ok((code, _))) => StatusCode::from_u16(*code).unwrap_or(StatusCode::BAD_GATEWAY),
        Some(Err(why)) if why.starts_with("no answer") => StatusCode::GATEWAY_TIMEOUT,
        Some(Err(_)) => StatusCode::BAD_GATEWAY,
    };
    let received = Received {
        at: jiff::Timestamp::now(),
        request,
        report,
        forwarded,
    };
    // Waits while the writer is behind: a delivery is never dropped unreported.
    if shared
        .notes
        .send(Note::Delivery(Box::new(received), done))
        .await
        .is_ok()
    {
        let _ = written.await;
    }
    Ok(respond(status, "application/json", "{}"))
}

/// Passes a delivery on to the handler: its status and latency, or why there is none.
async fn forward(f: &Forward, request: &Request) -> Result<(u16, Duration), String> {
    let base_path = f.target.path.trim_end_matches('/');
    let uri = format!("{}{base_path}{}", f.target.base, request.path);
    let mut req = hyper::Request::builder()
        .method(request.method.as_str())
        .uri(&uri);
    for (name, value) in &request.headers {
        // The client states the host and the framing of its own connection.
        let own = ["host", "content-length", "transfer-encoding", "connection"]
            .iter()
            .any(|h| name.eq_ignore_ascii_case(h));
        if !own {
            req = req.header(name.as_str(), value.as_slice());
        }
    }
    let req = req
        .body(Full::new(Bytes::from(request.body.clone())))
        .map_err(|e| format!("cannot pass it on to {uri}: {e}"))?;
    let start = std::time::Instant::now();
    match tokio::time::timeout(f.timeout, f.client.request(req)).await {
        Err(_) => Err(format!(
            "no answer from {uri} within {}s",
            f.timeout.as_secs()
        )),
        Ok(Err(e)) => Err(format!("{uri}: {}", crate::live::connect_error(&e))),
        Ok(Ok(response)) => {
            let code = response.status().as_u16();
            let _ = response.into_body().collect().await;
            Ok((code, start.elapsed()))
        }
    }
}

/// The plain-text page for anything but a POST: deliveries so far, by verdict.
fn status_page(shared: &Shared, req: &HttpRequest<Incoming>) -> Response<Full<Bytes>> {
    if req.uri().path() != "/" {
        return respond(
            StatusCode::NOT_FOUND,
            "text/plain",
            "not found: POST deliveries to any path, or GET / for this page\n",
        );
    }
    let c = &shared.counts;
    let text = format!(
        "hlmsg listen\ndeliveries: {}\npassed: {}\nfailed: {}\nconnections refused: {}\n",
        c.received.load(Ordering::Relaxed),
        c.passed.load(Ordering::Relaxed),
        c.failed.load(Ordering::Relaxed),
        c.refused.load(Ordering::Relaxed),
    );
    respond(StatusCode::OK, "text/plain; charset=utf-8", text)
}

/// A header name in the usual capitalization (`x-ghl-signature` → `X-Ghl-Signature`): hyper
/// hands names over in lower case, and header names are case-insensitive.
fn canonical(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        out.push(if upper { c.to_ascii_uppercase() } else { c });
        upper = c == '-';
    }
    out
}

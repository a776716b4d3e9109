//! `hlmsg listen`: an HTTP/1.1 receiver for HighLevel's deliveries. Every POST is answered,
//! appended whole to the `--record` capture, checked exactly as `validate` and `verify` check the
//! same capture read from a file, and reported as it arrives, one line (or card, or JSON record)
//! per delivery.
//!
//! The server runs on a small tokio runtime (hyper's HTTP/1.1 server); the reports go through a
//! channel to the calling thread, which owns standard output, so lines never interleave.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use bytes::Bytes;
use clap::Args;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::{Method, Request as HttpRequest, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};

use crate::app::cli::shared::{Now, parse_duration, parse_size};
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::app::{interrupt, settings};
use crate::input::describe_io_error;
use crate::live::{Inspector, Received, Request};
use crate::render::live as render;
use crate::verify::{Replay, Verifier};

/// The output formats of `listen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ListenFormat {
    /// One line per delivery: time, event, channel, verdict, signature, the first finding.
    #[default]
    Line,
    /// `show`'s card of each delivery.
    Card,
    /// JSON Lines: one record per delivery (schemas/output/listen.schema.json).
    Json,
}

/// `hlmsg listen`.
#[derive(Debug, Clone, Args)]
pub struct ListenArgs {
    /// The port to listen on (0: a free one, printed at start).
    #[arg(long, value_name = "PORT", default_value_t = 0)]
    pub port: u16,

    /// The address to listen on. Anything but a loopback address makes the port reachable from
    /// other machines, and the startup line says so.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,

    /// The status every delivery is answered with (to rehearse HighLevel's retries: 500).
    #[arg(long, value_name = "CODE", default_value_t = 200, value_parser = clap::value_parser!(u16).range(100..=599))]
    pub status: u16,

    /// Append every delivery, headers and exact body, to FILE as a raw HTTP capture (which
    /// validate, verify, diff and the rest read). Never truncated; each delivery is written
    /// whole and flushed.
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,

    /// Output format.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = ListenFormat::Line)]
    pub format: ListenFormat,

    /// The largest body accepted (larger ones are answered 413).
    #[arg(long, value_name = "SIZE", default_value = "1MiB", value_parser = parse_size)]
    pub max_body_size: u64,

    /// The largest request head (request line and headers) accepted.
    #[arg(long, value_name = "SIZE", default_value = "64KiB", value_parser = parse_size)]
    pub max_header_size: u64,

    /// How long a client may take to send its request head and its body.
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub read_timeout: u64,

    /// The most connections served at once (more are answered 503).
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub max_connections: usize,

    /// Pass every delivery on to this handler (http://): same method, path (appended to the
    /// URL's), headers and exact body, so the handler's own signature check still passes. The
    /// answer to HighLevel is then the handler's status (502 when it is down, 504 when slow).
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,

    /// How long to wait for the handler's answer.
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration, requires = "forward_to")]
    pub forward_timeout: u64,

    /// A public key to check signatures with instead of HighLevel's (as `verify` takes it).
    #[arg(long, value_name = "KEY")]
    pub public_key: Vec<PathBuf>,

    /// Fail deliveries for another marketplace app (as `verify --app-id`).
    #[arg(long, value_name = "ID")]
    pub app_id: Option<String>,

    /// Fail deliveries whose `timestamp` is older than this when they arrive.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub max_age: Option<u64>,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg listen --port 8080                         # then point a tunnel at it
  hlmsg listen --record deliveries.http            # keep every delivery, exactly as received
  hlmsg listen --status 500                        # rehearse HighLevel's retries",
        "stopped by Ctrl-C (130 is the interrupt's code)",
        None,
        Some("the port could not be opened, a bad argument, an unreadable key or record file"),
    )
}

/// What the server hands to the thread that writes.
enum Note {
    /// A delivery, checked, and who waits for it to be written.
    Delivery(Box<Received>, tokio::sync::oneshot::Sender<()>),
    /// Something to say on standard error (a refused connection, a malformed request).
    Log(String),
}

/// What the server tasks share.
struct Shared {
    inspector: Inspector,
    replay: Mutex<Replay>,
    record: Option<Mutex<std::fs::File>>,
    record_name: Option<String>,
    status: StatusCode,
    max_body: usize,
    read_timeout: Duration,
    notes: mpsc::SyncSender<Note>,
    counts: Counts,
    forward: Option<Forward>,
}

/// Where deliveries are passed on.
struct Forward {
    target: crate::live::Target,
    client: hyper_util::client::legacy::Client<
        hyper_util::client::legacy::connect::HttpConnector,
        Full<Bytes>,
    >,
    timeout: Duration,
}

/// Deliveries so far, for the status page.
#[derive(Default)]
struct Counts {
    received: AtomicU64,
    passed: AtomicU64,
    failed: AtomicU64,
    refused: AtomicU64,
}

/// Runs `listen`.
pub fn run(args: &ListenArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let keys = match settings::keys(&args.public_key) {
        Ok(k) => k,
        Err(message) => return settings::refuse(io, &message),
    };
    let checker = match settings::checker("auto", Default::default(), false) {
        Ok(c) => c,
        Err(message) => return settings::refuse(io, &message),
    };
    let record = match &args.record {
        Some(path) => match std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            Ok(f) => Some(Mutex::new(f)),
            Err(e) => {
                let message = format!("--record {}: {}", path.display(), describe_io_error(&e));
                return settings::refuse(io, &message);
            }
        },
        None => None,
    };
    let forward = match &args.forward_to {
        Some(url) => match crate::live::Target::parse(url) {
            Ok(target) => Some(Forward {
                target,
                client: hyper_util::client::legacy::Client::builder(
                    hyper_util::rt::TokioExecutor::new(),
                )
                .build_http(),
                timeout: Duration::from_secs(args.forward_timeout.max(1)),
            }),
            Err(message) => return settings::refuse(io, &format!("--forward-to {message}")),
        },
        None => None,
    };
    let (tx, rx) = mpsc::sync_channel::<Note>(1024);
    let shared = Arc::new(Shared {
        inspector: Inspector {
            checker,
            verifier: Verifier {
                keys,
                given: None,
                reserialize: false,
                app_id: args.app_id.clone(),
            },
            max_payload: args.max_body_size,
            max_depth: crate::input::DEFAULT_MAX_DEPTH,
        },
        replay: Mutex::new(Replay::new(args.max_age, Now::default().get())),
        record,
        record_name: args.record.as_ref().map(|p| p.display().to_string()),
        status: StatusCode::from_u16(args.status).unwrap_or(StatusCode::OK),
        max_body: usize::try_from(args.max_body_size).unwrap_or(usize::MAX),
        read_timeout: Duration::from_secs(args.read_timeout.max(1)),
        notes: tx,
        counts: Counts::default(),
        forward,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let addr = SocketAddr::new(args.bind, args.port);
    let listener = match runtime.block_on(tokio::net::TcpListener::bind(addr)) {
        Ok(l) => l,
        Err(e) => {
            let message = format!("cannot listen on {addr}: {}", describe_io_error(&e));
            return settings::refuse(io, &message);
        }
    };
    let local = listener.local_addr()?;
    let reach = if local.ip().is_loopback() {
        "only from this machine".to_string()
    } else {
        "REACHABLE FROM OTHER MACHINES".to_string()
    };
    writeln!(
        io.err.w,
        "hlmsg listen: listening on http://{local}/ ({reach}); POST deliveries there, Ctrl-C stops"
    )?;
    io.err.w.flush()?;
    let server = Server {
        shared: Arc::clone(&shared),
        limit: Arc::new(tokio::sync::Semaphore::new(args.max_connections.max(1))),
        max_header: usize::try_from(args.max_header_size).unwrap_or(usize::MAX),
    };
    runtime.spawn(server.accept(listener));
    let painter = crate::render::style::Painter::new(io.out_color);
    let format = args.format;
    let mut index = 0u64;
    // The server runs until the process is interrupted: write what it reports, in order.
    for note in rx {
        match note {
            Note::Log(line) => {
                let _ = io.err.note(&line);
            }
            Note::Delivery(received, done) => {
                let written = match format {
                    ListenFormat::Line => render::line(io.out, painter, &received),
                    ListenFormat::Card => render::card(io.out, painter, &received),
                    ListenFormat::Json => render::json(io.out, &received, index),
                };
                index += 1;
                written.and_then(|()| io.out.flush())?;
                let _ = done.send(());
            }
        }
    }
    Ok(Outcome::Success)
}

/// The accepting side of the server.
struct Server {
    shared: Arc<Shared>,
    limit: Arc<tokio::sync::Semaphore>,
    max_header: usize,
}

impl Server {
    async fn accept(self, listener: tokio::net::TcpListener) {
        loop {
            let Ok((stream, peer)) = listener.accept().await else {
                continue;
            };
            let Ok(permit) = Arc::clone(&self.limit).try_acquire_owned() else {
                self.shared.counts.refused.fetch_add(1, Ordering::Relaxed);
                let _ = self.shared.notes.send(Note::Log(format!(
                    "refused a connection from {peer}: the limit of connections at once is reached"
                )));
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
                    let _ = shared.notes.send(Note::Log(format!(
                        "a request from {peer} was not served: {e}"
                    )));
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
    let body = match tokio::time::timeout(shared.read_timeout, body.collect()).await {
        Err(_) => {
            let _ = shared.notes.send(Note::Log(format!(
                "{method} {path}: the body did not arrive within the read timeout: answered 408"
            )));
            return Ok(respond(StatusCode::REQUEST_TIMEOUT, "text/plain", ""));
        }
        Ok(Err(e))
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some() =>
        {
            let _ = shared.notes.send(Note::Log(format!(
                "{method} {path}: the body is larger than --max-body-size ({} bytes): answered 413",
                shared.max_body
            )));
            return Ok(respond(StatusCode::PAYLOAD_TOO_LARGE, "text/plain", ""));
        }
        Ok(Err(e)) => {
            let _ = shared.notes.send(Note::Log(format!(
                "{method} {path}: the body could not be read ({e}): answered 400"
            )));
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
        let _hold = interrupt::writing();
        let written = file
            .lock()
            .map_err(|_| std::io::Error::other("the record file's lock is poisoned"))
            .and_then(|mut f| f.write_all(&capture).and_then(|()| f.flush()));
        if let Err(e) = written {
            let name = shared.record_name.as_deref().unwrap_or("the record file");
            let _ = shared.notes.send(Note::Log(format!(
                "cannot append to {name}: {}: answered 500",
                describe_io_error(&e)
            )));
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
    if shared
        .notes
        .try_send(Note::Delivery(Box::new(received), done))
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

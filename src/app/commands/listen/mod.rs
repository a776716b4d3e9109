//! `hlmsg listen`: an HTTP/1.1 receiver for HighLevel's deliveries. Every POST is answered,
//! appended whole to the `--record` capture, checked exactly as `validate` and `verify` check the
//! same capture read from a file, and reported as it arrives, one line (or card, or JSON record)
//! per delivery.
//!
//! The server runs on a small tokio runtime (hyper's HTTP/1.1 server); the reports go through a
//! channel to the calling thread, which owns standard output, so lines never interleave.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use clap::Args;
use hyper::StatusCode;

mod server;

use server::{Counts, Forward, Note, Server, Shared};

use crate::app::cli::shared::{Now, parse_duration, parse_size};
use crate::app::driver::Io;
use crate::app::exit::{self, Outcome};
use crate::app::settings;
use crate::input::describe_io_error;
use crate::live::Inspector;
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

/// Runs `listen`.
pub fn run(args: &ListenArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let keys = match settings::keys(&args.public_key) {
        Ok(k) => k,
        Err(message) => return settings::refuse(io, &message),
    };
    let checker = match settings::checker("auto", Default::default(), false, &[]) {
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
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Note>(1024);
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
    let painter = crate::render::style::Painter::new(io.out_color).with_width(io.out_width);
    let format = args.format;
    // The server runs until the process is interrupted: write what it reports, in order.
    while let Some(note) = rx.blocking_recv() {
        match note {
            Note::Log(line) => {
                let _ = io.err.note(&line);
            }
            Note::Delivery(received, done) => {
                let written = match format {
                    ListenFormat::Line => render::line(io.out, painter, &received),
                    ListenFormat::Card => render::card(io.out, painter, &received),
                    ListenFormat::Json => render::json(io.out, &received),
                };
                written.and_then(|()| io.out.flush())?;
                let _ = done.send(());
            }
        }
    }
    Ok(Outcome::Success)
}

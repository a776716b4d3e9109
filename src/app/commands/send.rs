//! `hlmsg send URL [PATH...]`: POST payloads to a webhook handler. Bare payloads come from the
//! usual reader (files, folders, standard input), a bundled sample or the generator; raw HTTP
//! captures and envelopes are replayed exactly (their method, path, headers and body bytes), so a
//! handler that checks HighLevel's signature accepts a real captured delivery. `--sign` signs bare
//! payloads with a test key.
//!
//! Deliveries are read in order on the calling thread and handed, through a bounded channel, to
//! a small tokio runtime that sends them (`--concurrency` at once, at most `--rate` a second);
//! answers come back through another channel and are reported in the order they arrive.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use clap::Args;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use crate::app::cli::shared::{InputArgs, NamesOrText, parse_duration, sample_names};
use crate::app::driver::{Consumer, Driver, Io};
use crate::app::exit::{self, Outcome};
use crate::app::progress::Counter;
use crate::app::settings;
use crate::live::sign::TestKey;
use crate::live::{Outgoing, SendSummary, Sent};
use crate::model::finding::Fault;
use crate::render::live as render;

/// `hlmsg send`.
#[derive(Debug, Clone, Args)]
pub struct SendArgs {
    /// The handler's URL (http://; tunnels and proxies terminate TLS).
    #[arg(value_name = "URL")]
    pub url: String,

    /// Payloads to send: files, folders, raw HTTP captures, envelopes (none: standard input).
    #[command(flatten)]
    pub input: InputArgs,

    /// Send a bundled sample instead (repeatable).
    #[arg(long, value_name = "NAME", value_parser = NamesOrText { names: sample_names }, hide_possible_values = true)]
    pub sample: Vec<String>,

    /// Send N generated payloads instead (as `hlmsg sample --count N`).
    #[arg(long, value_name = "N")]
    pub generate: Option<u64>,

    /// The generator's seed.
    #[arg(long, value_name = "SEED", default_value_t = 0, requires = "generate")]
    pub seed: u64,

    /// Sign bare payloads with this private key (PEM): Ed25519 into X-GHL-Signature, RSA into
    /// X-WH-Signature. Make one with `hlmsg keygen`.
    #[arg(long, value_name = "KEY.pem")]
    pub sign: Option<PathBuf>,

    /// Deliveries in flight at once.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub concurrency: usize,

    /// At most this many deliveries a second (0: as fast as the handler answers).
    #[arg(long, value_name = "R", default_value_t = 0.0)]
    pub rate: f64,

    /// How long to wait for an answer.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub timeout: u64,

    /// JSON Lines instead of a line per delivery (schemas/output/send.schema.json).
    #[arg(long)]
    pub json: bool,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg send http://localhost:3000/webhook yesterday.http     # replay real deliveries
  hlmsg send http://localhost:3000/webhook --sample sms --sign test-key.pem
  hlmsg send http://127.0.0.1:8080/ --generate 100000 --concurrency 64",
        "every delivery was answered with a 2xx status",
        Some("some delivery was answered otherwise, or not at all"),
        Some("it could not run: a bad URL or key, an unreadable path"),
    )
}

/// Runs `send`.
pub fn run(args: &SendArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let target = match crate::live::Target::parse(&args.url) {
        Ok(t) => t,
        Err(message) => return settings::refuse(io, &message),
    };
    let key = match &args.sign {
        Some(path) => match TestKey::read(path) {
            Ok(k) => Some(k),
            Err(message) => return settings::refuse(io, &message),
        },
        None => None,
    };
    let prepare = Arc::new(crate::live::Prepare { target, key });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let (to_send, queue) = tokio::sync::mpsc::channel::<Outgoing>(256);
    let (answers, answered) = mpsc::channel::<Sent>();
    let sender = runtime.spawn(send_all(
        queue,
        answers,
        args.concurrency.max(1),
        args.rate,
        Duration::from_secs(args.timeout.max(1)),
    ));
    let mut report = Report {
        io_json: args.json,
        summary: SendSummary::default(),
        answered,
        to_send,
        prepare,
        started: Instant::now(),
        progress: io.progress.then(|| {
            let total = match (&args.generate, args.sample.len()) {
                (Some(n), _) => Some(*n),
                (None, 0) => None,
                (None, n) => Some(n as u64),
            };
            Counter::new(total, "answered")
        }),
    };
    let from_input = args.sample.is_empty() && args.generate.is_none();
    let mut trouble = false;
    if from_input {
        let input = args.input.read.options();
        let Some((mut driver, mut out)) = Driver::start(io, "send", &args.input.paths, input)?
        else {
            return Ok(Outcome::Trouble);
        };
        let mut consumer = InputConsumer {
            report: &mut report,
            out: &mut out,
        };
        driver.read_paths(
            &args.input.paths,
            |rec| Ok(Outgoing::from_record(&rec)),
            &mut consumer,
        )?;
        report.finish(out.w)?;
        trouble = driver.finish(Outcome::Success) == Outcome::Trouble;
    } else {
        let bodies = crate::live::bodies(&args.sample, args.generate, args.seed);
        match bodies {
            Err(message) => return settings::refuse(io, &message),
            Ok(bodies) => {
                for body in bodies {
                    let outgoing = Outgoing::bare(body);
                    report.queue(outgoing, io.out)?;
                }
                report.finish(io.out)?;
            }
        }
    }
    drop(report.to_send);
    let _ = runtime.block_on(sender);
    let failed = report.summary.failed();
    if trouble {
        return Ok(Outcome::Trouble);
    }
    Ok(Outcome::findings_if(failed))
}

/// Queues deliveries and reports answers as they come.
struct Report {
    io_json: bool,
    summary: SendSummary,
    answered: mpsc::Receiver<Sent>,
    to_send: tokio::sync::mpsc::Sender<Outgoing>,
    prepare: Arc<crate::live::Prepare>,
    started: Instant,
    /// On a terminal: the deliveries answered so far.
    progress: Option<Counter>,
}

impl Report {
    /// Hands one delivery to the sender (waiting while the queue is full), reporting the
    /// answers that came meanwhile.
    fn queue(&mut self, outgoing: Outgoing, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let prepared = self.prepare.prepare(outgoing);
        self.drain(out, false)?;
        let mut pending = Some(prepared);
        while let Some(p) = pending.take() {
            match self.to_send.try_send(p) {
                Ok(()) => {}
                Err(tokio::sync::mpsc::error::TrySendError::Full(p)) => {
                    // Wait for an answer, which frees a place.
                    self.drain(out, true)?;
                    pending = Some(p);
                }
                Err(tokio::sync::mpsc::error::TrySendError::Closed(_)) => {}
            }
        }
        self.summary.queued += 1;
        Ok(())
    }

    /// Reports answers: those already in, or (`wait`) at least one.
    fn drain(&mut self, out: &mut dyn std::io::Write, wait: bool) -> std::io::Result<()> {
        if wait && let Ok(sent) = self.answered.recv_timeout(Duration::from_millis(50)) {
            self.answer(sent, out)?;
        }
        while let Ok(sent) = self.answered.try_recv() {
            self.answer(sent, out)?;
        }
        Ok(())
    }

    fn answer(&mut self, sent: Sent, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.summary.add(&sent);
        if let Some(p) = &mut self.progress {
            p.inc();
        }
        if self.io_json {
            render::sent_json(out, &sent)
        } else {
            render::sent_line(out, &sent)
        }
    }

    /// Waits for every answer, then writes the summary.
    fn finish(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        while self.summary.answered() < self.summary.queued {
            match self.answered.recv_timeout(Duration::from_secs(600)) {
                Ok(sent) => self.answer(sent, out)?,
                Err(_) => break,
            }
        }
        self.progress = None;
        let elapsed = self.started.elapsed();
        if self.io_json {
            render::send_summary_json(out, &self.summary, elapsed)?;
        } else {
            render::send_summary(out, &self.summary, elapsed)?;
        }
        out.flush()
    }
}

/// Takes the reader's deliveries in input order.
struct InputConsumer<'r, 'o> {
    report: &'r mut Report,
    out: &'r mut crate::app::driver::Out<'o>,
}

impl Consumer<Outgoing> for InputConsumer<'_, '_> {
    fn done(&mut self, outgoing: Outgoing) -> std::io::Result<()> {
        self.report.queue(outgoing, self.out.w)
    }

    fn fault(&mut self, _fault: &Fault) -> std::io::Result<bool> {
        // Not a payload: reported on standard error, and not sent.
        Ok(false)
    }
}

/// Sends what the queue holds, `concurrency` at once, at most `rate` a second.
async fn send_all(
    mut queue: tokio::sync::mpsc::Receiver<Outgoing>,
    answers: mpsc::Sender<Sent>,
    concurrency: usize,
    rate: f64,
    timeout: Duration,
) {
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(concurrency)
        .build_http();
    let permits = Arc::new(tokio::sync::Semaphore::new(concurrency));
    let mut tick = (rate > 0.0).then(|| {
        let mut t = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
        t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        t
    });
    let mut index = 0u64;
    while let Some(outgoing) = queue.recv().await {
        if let Some(t) = &mut tick {
            t.tick().await;
        }
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            break;
        };
        let client = client.clone();
        let answers = answers.clone();
        let n = index;
        index += 1;
        tokio::spawn(async move {
            let start = Instant::now();
            let result = match outgoing.request() {
                Err(e) => Err(e),
                Ok(req) => match tokio::time::timeout(timeout, client.request(req)).await {
                    Err(_) => Err(format!("no answer within {}s", timeout.as_secs())),
                    Ok(Err(e)) => Err(crate::live::connect_error(&e)),
                    Ok(Ok(response)) => {
                        let status = response.status().as_u16();
                        // Read the answer to its end, so the connection can be reused.
                        let _ = response.into_body().collect().await;
                        Ok(status)
                    }
                },
            };
            let _ = answers.send(Sent {
                index: n,
                label: outgoing.label.clone(),
                result,
                latency: start.elapsed(),
            });
            drop(permit);
        });
    }
    // Wait for the deliveries in flight.
    let _ = permits.acquire_many(concurrency as u32).await;
}

//! `hlmsg verify`: HighLevel's signature of every delivery, checked over the exact raw body on
//! every core, then the replay checks (stale `timestamp`, repeated `webhookId`) in input order.

use std::io;
use std::path::PathBuf;

use clap::Args;

use crate::app::cli::shared::{InputArgs, Now, parse_duration};
use crate::app::driver::{Consumer, Driver, Io, Out, limit_hint};
use crate::app::exit::{self, Outcome};
use crate::app::settings;
use crate::model::finding::Fault;
use crate::model::finding::Limit;
use crate::render::verify as render;
use crate::verify::signature::Scheme;
use crate::verify::{Checked, Failure, Replay, Verifier};

/// The output formats of `verify`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum VerifyFormat {
    /// `source:line:column: verified (ed25519)` or `FAILED (reason)`, then a summary line.
    #[default]
    Human,
    /// JSON Lines: one object per delivery, then a summary object.
    Json,
}

/// `hlmsg verify`.
#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    /// Input paths and limits.
    #[command(flatten)]
    pub input: InputArgs,

    /// A public key to use instead of HighLevel's key of that scheme (repeatable: one per
    /// scheme): a PEM file (Ed25519 or RSA), a file holding an Ed25519 key's 32 bytes raw, in
    /// hex or in base64, or the hex or base64 key itself.
    #[arg(long, value_name = "KEY")]
    pub public_key: Vec<PathBuf>,

    /// Fail deliveries for another marketplace app: their `appId` must be ID (a client id's
    /// part before the first `-` is accepted too), as HighLevel's SDKs check first.
    #[arg(long, value_name = "ID")]
    pub app_id: Option<String>,

    /// The signature (base64) of every body read, for bare bodies without headers.
    #[arg(long, value_name = "B64", requires = "scheme")]
    pub signature: Option<String>,

    /// The scheme of --signature.
    #[arg(long, value_enum, value_name = "SCHEME", requires = "signature")]
    pub scheme: Option<Scheme>,

    /// When an envelope holds the parsed body, try HighLevel's compact serialization of it.
    #[arg(long)]
    pub reserialize: bool,

    /// Fail deliveries whose `timestamp` is older than this (e.g. 300, 90s, 5m, 1h, 2d).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub max_age: Option<u64>,

    /// The time --max-age is measured from.
    #[command(flatten)]
    pub now: Now,

    /// Output format.
    #[arg(short = 'f', long, value_enum, value_name = "FORMAT", default_value_t = VerifyFormat::Human)]
    pub format: VerifyFormat,
}

/// The examples and exit codes of `--help`.
pub fn after_help() -> String {
    exit::after_help(
        "  hlmsg verify capture.http                        # raw HTTP requests saved by `nc -l`
  hlmsg verify n8n-export.json --max-age 5m        # envelopes; fail deliveries older than 5 minutes
  hlmsg verify body.json --signature \"$SIG\" --scheme ed25519 --public-key test-key.pem",
        "every delivery verified",
        Some(
            "at least one delivery failed (bad or missing signature, another app's, stale, duplicate)",
        ),
        Some(
            "the command could not do its job: bad arguments, an unreadable path or key, an output error",
        ),
    )
}

/// The reason a delivery failed, with what the command line can do about it.
fn reason(failure: &Failure) -> String {
    let message = failure.message();
    match failure {
        Failure::TooLarge { .. } => format!("{message} ({})", limit_hint(Limit::PayloadSize)),
        Failure::BareBody => format!(
            "{message} (give --signature B64 --scheme ed25519|rsa, or verify the HTTP capture)"
        ),
        Failure::ParsedBody => {
            format!("{message} (--reserialize tries HighLevel's compact form)")
        }
        Failure::Stale { max_age, .. } => format!(
            "{message}, more than --max-age {}",
            crate::model::humanize::duration(*max_age as f64)
        ),
        _ => message,
    }
}

/// Reports deliveries in input order, after the replay checks.
struct Report<'o> {
    out: Out<'o>,
    json: bool,
    replay: Replay,
    verified: u64,
    failed: u64,
}

impl Consumer<Checked> for Report<'_> {
    fn done(&mut self, mut checked: Checked) -> io::Result<()> {
        self.replay.check(&mut checked);
        let reason = checked.failure.as_ref().map(reason);
        if reason.is_none() {
            self.verified += 1;
        } else {
            self.failed += 1;
        }
        let painter = (!self.json).then(|| self.out.painter());
        render::delivery(self.out.w, painter, &checked, reason.as_deref())
    }

    fn fault(&mut self, f: &Fault) -> io::Result<bool> {
        let checked = Checked::unreadable(f.origin.clone(), f.diagnostic.message.clone());
        self.done(checked)?;
        Ok(true)
    }
}

/// Runs `verify`.
pub fn run(args: &VerifyArgs, io: &mut Io<'_>) -> anyhow::Result<Outcome> {
    let keys = match settings::keys(&args.public_key) {
        Ok(k) => k,
        Err(message) => return settings::refuse(io, &message),
    };
    let verifier = Verifier {
        keys,
        given: args.signature.as_ref().map(|b64| {
            (
                args.scheme.unwrap_or(Scheme::Ed25519),
                b64.clone(),
                "--signature",
            )
        }),
        reserialize: args.reserialize,
        app_id: args.app_id.clone(),
    };
    let input = args.input.read.options();
    let Some((mut driver, out)) = Driver::start(io, "verify", &args.input.paths, input)? else {
        return Ok(Outcome::Trouble);
    };
    let mut report = Report {
        out,
        json: args.format == VerifyFormat::Json,
        replay: Replay::new(args.max_age, args.now.get()),
        verified: 0,
        failed: 0,
    };
    driver.read_paths(
        &args.input.paths,
        |rec| Ok(verifier.check(&rec)),
        &mut report,
    )?;
    render::summary(report.out.w, report.json, report.verified, report.failed)?;
    report.out.w.flush()?;
    Ok(driver.finish(Outcome::findings_if(report.failed > 0)))
}

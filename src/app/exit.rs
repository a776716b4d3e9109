//! The one table of exit codes, the rule that merges outcomes, and the text `--help` shows.
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | success: every payload passed, no differences, ... |
//! | 1    | findings: a payload failed, differences were found, ... |
//! | 2    | trouble: the command could not do its job (bad arguments, an unreadable path, a schema that does not compile, an output error) |
//! | 130  | interrupted (Ctrl-C); files being written are removed |
//!
//! When several outcomes happen in one run, the most severe wins: 130 over 2 over 1 over 0. What
//! 0 and 1 mean is each subcommand's to say ([`help`]); 2 and 130 mean the same everywhere.

use std::io::{self, Write};

/// The outcome of a run, ordered from best to worst so that `max` merges two outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Outcome {
    /// Exit 0: nothing to report.
    #[default]
    Success,
    /// Exit 1: findings (invalid payloads, differences).
    Findings,
    /// Exit 2: trouble (the command could not do all of its job).
    Trouble,
    /// Exit 130 (128 + SIGINT): the run was interrupted.
    Interrupted,
}

/// The exit codes of every subcommand, shown at the end of the top-level `--help`.
pub const OVERVIEW: &str = "Exit codes:
  0  success: every payload passed (validate) or was read (classify, show); no differences (diff);
     the payloads fit the schema's shape (diff --schema); every delivery verified (verify)
  1  findings: a payload failed or was not JSON; differences were found (diff); the payloads
     drift from the schema's shape (diff --schema); a delivery failed (verify)
  2  the command could not do its job: bad arguments, an unreadable path, input that is not
     JSON (diff), a schema that does not compile, an output error (2 wins over 1)
  130  interrupted (Ctrl-C); files being written are removed
A closed pipe (`hlmsg ... | head`) ends the run quietly with exit 0.";

/// What 2 means, for every subcommand.
pub const TROUBLE_MEANING: &str = "the command could not do its job: bad arguments, an unreadable path, a schema that does\n     not compile, an output error (2 wins over 1)";

/// What 130 means, for every subcommand.
pub const INTERRUPTED_MEANING: &str = "interrupted (Ctrl-C); files being written are removed";

impl Outcome {
    /// The process exit code for this outcome.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Findings => 1,
            Outcome::Trouble => 2,
            Outcome::Interrupted => 130,
        }
    }

    /// Findings when `found`, success otherwise.
    pub fn findings_if(found: bool) -> Outcome {
        if found {
            Outcome::Findings
        } else {
            Outcome::Success
        }
    }

    /// Merges two outcomes: the more severe wins.
    #[must_use]
    pub fn merge(self, other: Outcome) -> Outcome {
        self.max(other)
    }
}

/// The outcome of a run that ended with `result`: an error is printed on `stderr` and is
/// trouble, except a closed pipe (`hlmsg ... | head`), which ends the run quietly with success.
pub fn settle(result: anyhow::Result<Outcome>, stderr: &mut dyn Write) -> Outcome {
    match result {
        Ok(outcome) => outcome,
        Err(e) if is_broken_pipe(&e) => Outcome::Success,
        Err(e) => {
            let _ = writeln!(stderr, "hlmsg: error: {e:#}");
            Outcome::Trouble
        }
    }
}

/// Whether the error, or one it wraps, is a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// The "Exit codes" part of a subcommand's `--help`: what 0 and (when the subcommand can find
/// anything) 1 mean for it, then the meanings shared by all. `trouble` adds to what 2 means.
pub fn help(success: &str, findings: Option<&str>, trouble: Option<&str>) -> String {
    let mut text = format!("Exit codes:\n  0  {success}\n");
    if let Some(f) = findings {
        text.push_str(&format!("  1  {f}\n"));
    }
    match trouble {
        Some(t) => text.push_str(&format!("  2  {t}\n")),
        None => text.push_str(&format!("  2  {TROUBLE_MEANING}\n")),
    }
    text.push_str(&format!("  130  {INTERRUPTED_MEANING}\n"));
    text.push_str("A closed pipe (`hlmsg ... | head`) ends the run quietly with exit 0.");
    text
}

/// A subcommand's text after `--help`'s options: its examples (indented lines), then [`help`].
pub fn after_help(
    examples: &str,
    success: &str,
    findings: Option<&str>,
    trouble: Option<&str>,
) -> String {
    format!(
        "Examples:\n{examples}\n\n{}",
        help(success, findings, trouble)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(Outcome::Success.code(), 0);
        assert_eq!(Outcome::Findings.code(), 1);
        assert_eq!(Outcome::Trouble.code(), 2);
        assert_eq!(Outcome::Interrupted.code(), 130);
    }

    #[test]
    fn the_most_severe_outcome_wins() {
        use Outcome::*;
        assert_eq!(Success.merge(Findings), Findings);
        assert_eq!(Findings.merge(Success), Findings);
        assert_eq!(Findings.merge(Trouble), Trouble);
        assert_eq!(Trouble.merge(Findings), Trouble);
        assert_eq!(Trouble.merge(Success), Trouble);
        assert_eq!(Success.merge(Success), Success);
        assert_eq!(Trouble.merge(Interrupted), Interrupted);
        assert_eq!(Outcome::findings_if(true), Findings);
        assert_eq!(Outcome::findings_if(false), Success);
    }

    #[test]
    fn a_closed_pipe_is_success_and_other_errors_are_trouble() {
        let mut err = Vec::new();
        let pipe = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(settle(Err(pipe), &mut err), Outcome::Success);
        assert!(err.is_empty());
        let full = anyhow::Error::from(io::Error::other("disk full"));
        assert_eq!(settle(Err(full), &mut err), Outcome::Trouble);
        assert_eq!(String::from_utf8(err).unwrap(), "hlmsg: error: disk full\n");
    }

    #[test]
    fn help_names_every_code() {
        let text = help("ok", Some("bad"), None);
        for code in [
            "  0  ok",
            "  1  bad",
            "  2  the command",
            "  130  interrupted",
        ] {
            assert!(text.contains(code), "{text}");
        }
        assert!(!help("ok", None, None).contains("  1  "));
    }
}

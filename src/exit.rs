//! Exit codes, the same for every subcommand.
//!
//! | code | meaning |
//! |------|---------|
//! | 0    | every payload passed (no findings, no differences, ...) |
//! | 1    | at least one payload failed, or differences were found |
//! | 2    | the command could not do its job: bad arguments, an unreadable path, a schema that does not compile, a write error |
//!
//! When several outcomes happen in one run, the most severe wins: 2 over 1 over 0.

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
}

impl Outcome {
    /// The process exit code for this outcome.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Success => 0,
            Outcome::Findings => 1,
            Outcome::Trouble => 2,
        }
    }

    /// Merges two outcomes: the more severe wins.
    #[must_use]
    pub fn merge(self, other: Outcome) -> Outcome {
        self.max(other)
    }
}

/// Exit code for success.
pub const SUCCESS: u8 = 0;
/// Exit code when at least one payload failed or differences were found.
pub const FINDINGS: u8 = 1;
/// Exit code when the command could not do its job.
pub const TROUBLE: u8 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(Outcome::Success.code(), SUCCESS);
        assert_eq!(Outcome::Findings.code(), FINDINGS);
        assert_eq!(Outcome::Trouble.code(), TROUBLE);
    }

    #[test]
    fn trouble_wins_over_findings_wins_over_success() {
        use Outcome::*;
        assert_eq!(Success.merge(Findings), Findings);
        assert_eq!(Findings.merge(Success), Findings);
        assert_eq!(Findings.merge(Trouble), Trouble);
        assert_eq!(Trouble.merge(Findings), Trouble);
        assert_eq!(Trouble.merge(Success), Trouble);
        assert_eq!(Success.merge(Success), Success);
    }
}

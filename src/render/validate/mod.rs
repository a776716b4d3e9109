//! Every byte `validate` writes: human lines, JSON Lines, GitHub annotations, JUnit XML.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;

use std::io;

use crate::input::InputError;
use crate::validate::stats::Statistics;
use crate::validate::{Summary, Verdict};

/// Receives the results of `validate`, in input order.
pub trait ValidateReport {
    /// One entry's verdict.
    fn verdict(&mut self, v: &Verdict) -> io::Result<()>;
    /// A path that could not be read.
    fn input_error(&mut self, e: &InputError) -> io::Result<()>;
    /// The findings counted by rule (`--statistics`), before the end.
    fn statistics(&mut self, _stats: &Statistics) -> io::Result<()> {
        Ok(())
    }
    /// The end of the run.
    fn finish(&mut self, s: &Summary) -> io::Result<()>;
}

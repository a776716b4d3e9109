//! Output formats. Human output is colored on a terminal and escaped always; machine formats
//! (JSON Lines, GitHub workflow commands, JUnit XML) never carry color.

pub mod diff;
pub mod drift;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;

use std::io;

use crate::input::InputError;
use crate::validate::{Summary, Verdict};

pub use diff::DiffFormat;

/// The output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ValidateFormat {
    /// One line per finding, `source:line:column: severity[rule]: /pointer: message`.
    #[default]
    Human,
    /// JSON Lines: one object per payload, then a summary object.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A JUnit XML report, one test case per payload.
    Junit,
}

/// Receives the results of `validate`, in input order.
pub trait ValidateReport {
    /// One entry's verdict.
    fn verdict(&mut self, v: &Verdict) -> io::Result<()>;
    /// A path that could not be read.
    fn input_error(&mut self, e: &InputError) -> io::Result<()>;
    /// The end of the run.
    fn finish(&mut self, s: &Summary) -> io::Result<()>;
}

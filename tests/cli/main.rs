//! Command-line tests: they run the built `hlmsg` binary. One test binary, one module per
//! subcommand.

mod classify;
mod completions;
mod diff;
mod docs;
mod help;
mod man;
mod progress;
mod sample;
mod schema;
mod show;
mod util;
mod validate;

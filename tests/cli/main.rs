//! Command-line tests: they run the built `hlmsg` binary. One test binary, one module per
//! subcommand.

mod capture;
mod classify;
mod completions;
mod diff;
mod docs;
mod drift;
mod faults;
mod help;
mod hostile;
mod hostile_large;
mod jobs;
mod layout;
mod man;
mod output_schemas;
mod progress;
mod sample;
mod schema;
mod show;
mod util;
mod validate;
mod verify;

//! Command-line tests: they run the built `hlmsg` binary. One test binary, one module per
//! subcommand.

mod capture;
mod classify;
mod completions;
mod diff;
mod docs;
mod drift;
mod events;
mod faults;
mod help;
mod hostile;
mod hostile_large;
mod jobs;
mod layout;
mod listen;
mod man;
mod output_schemas;
mod packaging;
mod progress;
mod rules;
mod sample;
mod schema;
mod show;
mod util;
mod validate;
mod verify;

//! Command-line tests: they run the built `hlmsg` binary. One test binary, one module per
//! subcommand.

mod capture;
mod classify;
mod diff;
mod docs;
mod drift;
mod faults;
mod hostile;
mod show;
mod util;
mod validate;
mod verify;

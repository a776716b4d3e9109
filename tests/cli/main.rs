//! Command-line tests: they run the built `hlmsg` binary. One test binary, one module per
//! subcommand.

mod diff;
mod docs;
mod util;
mod validate;

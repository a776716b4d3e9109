//! hlmsg: validate, inspect and compare HighLevel webhook payloads.
//!
//! The library reads payloads and does the work; it never prints on its own and never exits.
//! Data flows one way, and the folders follow it:
//!
//! ```text
//! paths / stdin -> input (sources, framings, the ordered parallel pipeline) -> model (payload,
//!   origin, finding) -> validate | classify | show | diff | drift | verify  (domain logic)
//!   -> render (every byte a subcommand writes)
//! ```
//!
//! The command-line application (`app`) wires these together; it is the only layer that knows
//! the command line, terminals, process streams and exit codes.

pub mod classify;
pub mod diff;
pub mod drift;
pub mod input;
pub mod live;
pub mod model;
pub mod redact;
pub mod render;
pub mod sample;
pub mod show;
pub mod validate;
pub mod verify;

#[doc(hidden)]
pub mod app;

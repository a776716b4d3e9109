//! One short file per subcommand: its arguments, its `--help` examples and exit codes, and its
//! run, which builds the pipeline from the domain logic and picks the renderer.

pub mod classify;
pub mod completions;
pub mod diff;
pub mod keygen;
pub mod listen;
pub mod man;
pub mod rules;
pub mod sample;
pub mod schema;
pub mod send;
pub mod show;
pub mod validate;
pub mod verify;

//! Input shared by every subcommand: which sources to read, how to split them into payloads, and
//! the one ordered parallel pipeline every reading subcommand goes through.
//!
//! Arguments are paths: a file (read whatever its name), a directory (walked recursively, in
//! sorted order, for `*.json`, `*.ndjson`, `*.jsonl` and `*.http`, each file given as the walk
//! finds it: [`walk`]), or `-` for standard input ([`source`]). Sources are opened one at a
//! time, when their turn comes, and split into records
//! by the framing that fits them ([`reader`]: JSON streams, raw HTTP captures; [`capture`]:
//! envelopes). [`pipeline::read`] hands every record to the caller's work on every core and
//! returns the results in input order.

pub mod blocks;
pub mod capture;
pub mod compressed;
pub mod doc;
pub mod filter;
pub mod locate;
pub mod parse;
pub mod pipeline;
pub mod reader;
pub mod source;
mod syntax;
pub mod tape;
#[cfg(any(test, fuzzing))]
pub mod testing;
pub mod text;
pub mod view;
pub mod walk;

use std::sync::Arc;

use crate::input::capture::InputMode;

pub use pipeline::{Event, read};
pub use reader::{
    DEFAULT_MAX_DEPTH, DEFAULT_MAX_PAYLOAD_BYTES, Item, Reader, Record, RecordStatus, StreamFault,
};
pub use source::{Found, InputError, Source, Sources, describe_io_error, expand, total_size};

/// Watches a read as it happens: a progress display, say. Every method has a default that does
/// nothing.
pub trait Watch: Send + Sync {
    /// The read will go through `source`: told as the sources are listed, ahead of reading
    /// them (a walked folder's files as the walk finds them).
    fn expect(&self, _source: &Source) {}
    /// Every source has been listed: the sizes told to [`Watch::expect`] are the whole.
    fn listed(&self) {}
    /// `n` more bytes were read from the current source.
    fn bytes(&self, _n: u64) {}
    /// One more entry was read.
    fn entry(&self) {}
    /// The read ended, on whatever path out of it.
    fn end(&self) {}
    /// A line on how the read went, for the end of a long run (as `rg --stats` gives).
    fn closing_line(&self) -> Option<String> {
        None
    }
}

/// Settings of the input, shared by every subcommand.
#[derive(Clone)]
pub struct InputOptions {
    /// The largest payload kept for parsing, in bytes.
    pub max_payload: u64,
    /// The deepest nesting accepted.
    pub max_depth: u64,
    /// Whether a source without any payload is reported as a failed entry.
    pub require_payload: bool,
    /// Bare payloads, raw HTTP requests or envelopes.
    pub mode: InputMode,
    /// Bytes that stand in for standard input (tests and fuzzing); `None` reads the real one.
    pub stdin: Option<Arc<[u8]>>,
    /// Who watches the read (none by default).
    pub watch: Option<Arc<dyn Watch>>,
    /// The events to keep (`--event`); `None` keeps all. Applied by the reading command.
    pub events: Option<crate::model::event::EventFilter>,
    /// How folders are walked (`--hidden`, `--no-ignore`, `--glob`).
    pub walk: walk::WalkOptions,
    /// Conditions on fields that every payload kept satisfies (`--where`); none keeps all.
    /// Applied by the reading command, with the events.
    pub conditions: Vec<crate::model::filter::Condition>,
}

impl std::fmt::Debug for InputOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InputOptions")
            .field("max_payload", &self.max_payload)
            .field("max_depth", &self.max_depth)
            .field("require_payload", &self.require_payload)
            .field("mode", &self.mode)
            .field("stdin", &self.stdin.as_ref().map(|s| s.len()))
            .field("watch", &self.watch.is_some())
            .field("events", &self.events)
            .field("walk", &self.walk)
            .field("conditions", &self.conditions)
            .finish()
    }
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            max_payload: DEFAULT_MAX_PAYLOAD_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            require_payload: false,
            mode: InputMode::Auto,
            stdin: None,
            watch: None,
            events: None,
            walk: walk::WalkOptions::default(),
            conditions: Vec::new(),
        }
    }
}

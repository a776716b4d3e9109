//! What the reader yields, and the numbering of a source's entries.
//!
//! Every entry of a source (a record or a fault) gets the next 0-based index; [`Entries`] hands
//! the indices out, so that each framing names its entries the same way.

use std::sync::Arc;

use crate::input::capture::Delivery;
use crate::model::finding::Limit;
use crate::model::origin::{Origin, Position};

/// How a record ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordStatus {
    /// The value's brackets and strings closed normally (it may still be invalid JSON).
    Complete,
    /// The value did not close before the input ended or before the next payload began.
    Truncated {
        /// Where reading resumed after this record, when more input followed.
        resumed_at: Option<Position>,
    },
    /// The value nests deeper than the depth limit.
    TooDeep {
        /// The limit that it exceeded.
        limit: u64,
    },
    /// The value was larger than the size limit; its bytes were not kept.
    TooLarge {
        /// The size of the value, in bytes.
        size: u64,
        /// The limit that it exceeded.
        limit: u64,
    },
}

/// One entry of a source: the bytes of one candidate payload and where it starts.
#[derive(Debug, Clone)]
pub struct Record<'a> {
    /// Where the record starts.
    pub origin: Origin,
    /// The record's bytes, exactly as read (empty for [`RecordStatus::TooLarge`]).
    pub bytes: &'a [u8],
    /// How the record ended.
    pub status: RecordStatus,
    /// Headers and the like, when the record is the body of a captured delivery.
    pub delivery: Option<Box<Delivery>>,
    /// Whether the value nests deeper than the parser's usual limit ([`super::PARSER_DEPTH`]
    /// levels), so that parsing it needs the unbounded parser (it is within `--max-depth`).
    pub deep: bool,
    /// How many members the top-level object has, counting repeated keys, when the reader
    /// scanned it (a parsed object with fewer keys had duplicates).
    pub members: Option<u32>,
}

impl Record<'_> {
    /// Applies the depth limit to a record whose bytes no framing scanned (an HTTP body, an
    /// envelope's body): every layer of a capture goes through the same `max_depth` as a bare
    /// payload, so that nothing deeper ever reaches the parser or the steps after it.
    pub fn limit_depth(mut self, max_depth: u64) -> Self {
        if matches!(
            self.status,
            RecordStatus::Complete | RecordStatus::Truncated { .. }
        ) {
            let depth = crate::input::locate::nesting_depth(self.bytes);
            let limit = max_depth.clamp(1, super::MAX_MAX_DEPTH);
            if depth > limit {
                self.status = RecordStatus::TooDeep { limit };
            }
            self.deep = depth > super::PARSER_DEPTH;
        }
        self
    }
}

/// A problem in the stream that belongs to no payload: a stray comma, an unterminated array, a
/// source in the wrong encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamFault {
    /// Where the problem is.
    pub origin: Origin,
    /// What is wrong and what was expected.
    pub message: String,
    /// The limit the entry hit, when that is why it is not a payload.
    pub limit: Option<Limit>,
    /// The rule it breaks: `json`, or `no-payload` for a source without any payload.
    pub rule: &'static str,
}

/// What the reader yields.
#[derive(Debug)]
pub enum Item<'a> {
    /// A candidate payload.
    Record(Record<'a>),
    /// A structural problem between payloads.
    Fault(StreamFault),
}

/// Names the entries of one source: its name and the index of the next entry.
pub(super) struct Entries {
    source: Arc<str>,
    next: u64,
}

impl Entries {
    /// No entries yet, in the source named `source`.
    pub(super) fn new(source: Arc<str>) -> Self {
        Entries { source, next: 0 }
    }

    /// The source name.
    pub(super) fn source(&self) -> &Arc<str> {
        &self.source
    }

    /// How many entries were named so far.
    pub(super) fn count(&self) -> u64 {
        self.next
    }

    /// The origin of the next entry, which starts at `at`.
    pub(super) fn origin(&mut self, at: Position) -> Origin {
        let origin = Origin {
            source: self.source.clone(),
            position: at,
            index: self.next,
        };
        self.next += 1;
        origin
    }

    /// The next entry, as a fault at `at`.
    pub(super) fn fault(&mut self, at: Position, message: String) -> StreamFault {
        StreamFault {
            origin: self.origin(at),
            message,
            limit: None,
            rule: crate::model::finding::RULE_JSON,
        }
    }
}

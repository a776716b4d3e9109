//! The JSON stream framing: where each payload of a JSON source begins and ends.
//!
//! A source may hold one value, a top-level array of payloads, NDJSON, or concatenated values,
//! possibly pretty-printed. [`JsonFraming::step`] handles what lies between payloads (the
//! brackets and commas of a top-level array); [`JsonFraming::scan_record`] finds the end of one
//! value by tracking only strings and bracket depth, and cuts a broken value short where the
//! next payload visibly begins (see the parent module's documentation).

use std::io::{self, Read};

use super::record::{Entries, Item, Record, RecordStatus, StreamFault};
use super::resync;
use super::scan::{Kind, Scan};
use super::window::Window;
use super::{Limits, PARSER_DEPTH};
use crate::model::origin::Position;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Top {
    /// Between top-level values.
    Stream,
    /// Inside a top-level array of payloads.
    Array { expect: Expect },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Right after `[`: an element or `]`.
    FirstElement,
    /// After an element: `,` or `]`.
    Separator,
    /// After `,`: an element.
    Element,
}

/// What comes next in the stream, after [`JsonFraming::step`].
pub(super) enum Step {
    /// Punctuation was consumed: skip blanks and step again.
    Again,
    /// A structural problem, already consumed.
    Fault(StreamFault),
    /// A value starts at the scan position: call [`JsonFraming::scan_record`].
    Record,
}

/// The state of a JSON source between payloads.
pub(super) struct JsonFraming {
    top: Top,
    /// Position of the last `,` inside an array, for a trailing-comma message.
    last_comma: Position,
    /// Whether payloads come one per line (NDJSON): from the file name, else from the first
    /// complete payload. Then a `{` at the start of a line always begins a new payload.
    line_mode: Option<bool>,
    /// Where the open top-level array of payloads began.
    array_open: Position,
}

impl JsonFraming {
    /// A framing at the start of a source; `line_mode` is known from its name, if at all.
    pub(super) fn new(line_mode: Option<bool>) -> Self {
        JsonFraming {
            top: Top::Stream,
            last_comma: Position::new(1, 1),
            line_mode,
            array_open: Position::new(1, 1),
        }
    }

    /// Looks at the byte at the scan position (not a blank): consumes the punctuation of a
    /// top-level array, or says that a value starts there.
    pub(super) fn step<R: Read>(&mut self, win: &mut Window<R>, entries: &mut Entries) -> Step {
        let b = win.peek();
        match self.top {
            Top::Stream if b == b'[' => {
                self.array_open = win.position();
                win.take_byte();
                self.top = Top::Array {
                    expect: Expect::FirstElement,
                };
                Step::Again
            }
            Top::Stream => Step::Record,
            Top::Array { expect } => self.array_step(win, entries, b, expect),
        }
    }

    /// [`Self::step`] inside a top-level array.
    fn array_step<R: Read>(
        &mut self,
        win: &mut Window<R>,
        entries: &mut Entries,
        b: u8,
        expect: Expect,
    ) -> Step {
        match b {
            b']' => {
                win.take_byte();
                self.top = Top::Stream;
                if expect == Expect::Element {
                    let msg =
                        "trailing comma before ']': expected another payload after the ','".into();
                    return Step::Fault(entries.fault(self.last_comma, msg));
                }
                Step::Again
            }
            b',' => {
                let at = win.position();
                win.take_byte();
                self.last_comma = at;
                if expect != Expect::Separator {
                    let msg = "unexpected ',' in the array of payloads: expected a payload".into();
                    return Step::Fault(entries.fault(at, msg));
                }
                self.top = Top::Array {
                    expect: Expect::Element,
                };
                Step::Again
            }
            _ if expect == Expect::Separator => {
                // Report the missing comma, then read the element on the next call.
                let at = win.position();
                self.top = Top::Array {
                    expect: Expect::Element,
                };
                let msg = "expected ',' or ']' after the previous payload in the array".into();
                Step::Fault(entries.fault(at, msg))
            }
            _ => Step::Record,
        }
    }

    /// At the end of the input: the fault for a top-level array that is still open.
    pub(super) fn finish(&mut self, entries: &mut Entries) -> Option<StreamFault> {
        if let Top::Array { .. } = self.top {
            self.top = Top::Stream;
            let msg = "unterminated array of payloads (it opens here): expected ']' before the end of the input";
            return Some(entries.fault(self.array_open, msg.to_string()));
        }
        None
    }

    /// Scans one record starting at the scan position (not a blank), and moves just past it.
    pub(super) fn scan_record<'a, R: Read>(
        &mut self,
        win: &'a mut Window<R>,
        entries: &mut Entries,
        limits: Limits,
    ) -> io::Result<Item<'a>> {
        let in_array = matches!(self.top, Top::Array { .. });
        let line_mode = self.line_mode == Some(true);
        let mut scan = Scan::begin(win, in_array, line_mode, win.lone_cr_seen());
        scan.run(win, limits.max_payload)?;

        // Every exit from the scan leaves the window just past the record.
        let mut end_abs = win.offset();
        let mut status = scan.status(win, end_abs, limits);
        if !scan.candidates.is_empty() && !matches!(status, RecordStatus::TooLarge { .. }) {
            let bytes = win.slice(scan.start_abs, end_abs);
            let complete = status == RecordStatus::Complete;
            if let Some(c) = resync::cut(bytes, scan.start_abs, complete, &scan.candidates) {
                // The record is broken, and a payload starts inside it: end it there.
                win.rewind(c.abs, c.position, c.line_start, c.blank_line);
                end_abs = c.abs;
                scan.deepest = c.deepest;
                scan.members = c.members;
                scan.truncated = true;
                scan.tail = false;
                status = RecordStatus::Truncated {
                    resumed_at: Some(c.position),
                };
                if scan.deepest > limits.max_depth {
                    status = RecordStatus::TooDeep {
                        limit: limits.max_depth,
                    };
                }
            }
        }
        if self.line_mode.is_none() && status == RecordStatus::Complete && scan.kind == Kind::Nested
        {
            let bytes = win.slice(scan.start_abs, end_abs);
            self.line_mode = Some(memchr::memchr(b'\n', bytes).is_none());
        }
        if in_array {
            self.top = Top::Array {
                expect: if scan.truncated {
                    Expect::Element
                } else {
                    Expect::Separator
                },
            };
        }
        let origin = entries.origin(scan.start);
        let bytes = match status {
            RecordStatus::TooLarge { .. } => &[][..],
            // Blanks after a closed value or a block of text belong to no record.
            _ if scan.tail || scan.kind == Kind::Garbage => {
                win.slice(scan.start_abs, end_abs).trim_ascii_end()
            }
            _ => win.slice(scan.start_abs, end_abs),
        };
        Ok(Item::Record(Record {
            origin,
            bytes,
            status,
            delivery: None,
            deep: scan.deepest > PARSER_DEPTH,
            members: (scan.first == b'{').then_some(scan.members),
        }))
    }
}

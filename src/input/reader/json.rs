//! The JSON stream framing: where each payload of a JSON source begins and ends.
//!
//! A source may hold one value, a top-level array of payloads, NDJSON, or concatenated values,
//! possibly pretty-printed. [`JsonFraming::step`] handles what lies between payloads (the
//! brackets and commas of a top-level array); [`JsonFraming::scan_record`] finds the end of one
//! value by tracking only strings and bracket depth, and cuts a broken value short where the
//! next payload visibly begins (see the parent module's documentation).

use std::io::{self, Read};

use super::line::{self, LineValue};
use super::record::{Entries, Item, Record, RecordStatus, StreamFault};
use super::resync;
use super::scan::{Kind, Scan, bytewise};
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
    /// The line where the line split last found no record to take (0: none yet): the records
    /// after the first on that line are left to the scan, so that no line is searched for its
    /// end more than once, however many values it holds.
    unsplit_line: u64,
}

impl JsonFraming {
    /// A framing at the start of a source; `line_mode` is known from its name, if at all.
    pub(super) fn new(line_mode: Option<bool>) -> Self {
        JsonFraming {
            top: Top::Stream,
            last_comma: Position::new(1, 1),
            line_mode,
            array_open: Position::new(1, 1),
            unsplit_line: 0,
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

    /// The record that [`split_line`] found at the scan position: the rest of its line, up to
    /// the object's end. Moves just past it, to the blanks or line break after it, where the
    /// scan would have stopped.
    fn line_record<'a, R: Read>(
        win: &'a mut Window<R>,
        entries: &mut Entries,
        found: LineSplit,
    ) -> Item<'a> {
        #[cfg(test)]
        LINES_SPLIT.with(|n| n.set(n.get() + 1));
        let start_abs = win.offset();
        let start = win.position_at(start_abs);
        win.take_byte();
        win.skip(found.skip - 1);
        Item::Record(Record {
            origin: entries.origin(start),
            bytes: win.slice(start_abs, start_abs + found.value.len as u64),
            status: RecordStatus::Complete,
            delivery: None,
            deep: false,
            members: Some(found.value.members),
        })
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
        if line_mode && !in_array && !bytewise() && win.line() != self.unsplit_line {
            match split_line(win, limits)? {
                Some(found) => return Ok(Self::line_record(win, entries, found)),
                None => self.unsplit_line = win.line(),
            }
        }
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

#[cfg(test)]
thread_local! {
    /// How many records this thread's readers took by the line split (for tests).
    pub(super) static LINES_SPLIT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// How many times this thread's readers searched for a line's end (for tests).
    pub(super) static LINES_SEARCHED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A record found by [`split_line`].
#[derive(Debug, Clone, Copy)]
struct LineSplit {
    value: LineValue,
    /// The bytes from the record's start to its line's break (or a carriage return before it,
    /// or the end of the input): where the scan would have stopped.
    skip: usize,
}

/// In a source of one payload per line, outside an array of payloads: the record at the scan
/// position when it is the rest of its line, one object that closes on it (see [`line`]);
/// `None` leaves the record to the scan. Reads more input once if the line's break is not in
/// the buffer yet.
fn split_line<R: Read>(win: &mut Window<R>, limits: Limits) -> io::Result<Option<LineSplit>> {
    if win.peek() != b'{' || win.lone_cr_seen() {
        return Ok(None);
    }
    #[cfg(test)]
    LINES_SEARCHED.with(|n| n.set(n.get() + 1));
    let mut line_end = memchr::memchr(b'\n', win.ahead());
    if line_end.is_none() && !win.eof() {
        win.refill(win.offset())?;
        line_end = memchr::memchr(b'\n', win.ahead());
    }
    let hay = win.ahead();
    let line = match line_end {
        Some(i) => &hay[..i],
        None if win.eof() => hay,
        None => return Ok(None),
    };
    // A carriage return before the line feed ends the record as a line break does; one
    // anywhere else is left to the scan, which knows what it means there.
    let body = line.strip_suffix(b"\r").unwrap_or(line);
    if body.len() as u64 > limits.max_payload || memchr::memchr(b'\r', body).is_some() {
        return Ok(None);
    }
    let max_depth = limits.max_depth.min(PARSER_DEPTH);
    Ok(line::one_value(body, max_depth).map(|value| LineSplit {
        value,
        skip: body.len(),
    }))
}

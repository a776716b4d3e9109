//! The scan's fast lane: the middle of a line inside an object or array, where only brackets,
//! member colons and strings matter, read a run at a time (strings eight bytes at a time)
//! instead of byte by byte. It leaves the scan in the state the byte-by-byte path would.

use std::io::Read;

use super::super::window::Window;
use super::Scan;
use crate::input::doc::string_stop;

impl Scan {
    /// The fast lane of [`Scan::nested`]: a run of bytes in the middle of a line, where no
    /// payload can start and no candidate is noted, so only brackets, member colons and strings
    /// matter. Stops before a line break or carriage return (outside a string, or inside one,
    /// where [`Scan::string`] cuts it), before an escaped line break and at the end of the
    /// buffer, with the same state the byte-by-byte path leaves there. `None` when it read
    /// nothing.
    #[inline(always)]
    pub(super) fn within_line<R: Read>(&mut self, win: &mut Window<R>) -> Option<bool> {
        let hay = win.ahead();
        let line_end = if self.cr_lines { b'\r' } else { b'\n' };
        let past_start = |i: usize| win.offset() + i as u64 > self.start_abs;
        let on_start_line = win.line() == self.start.line;
        let (mut depth, mut deepest, mut members) = (self.depth, self.deepest, self.members);
        let mut last = None;
        let mut i = 0;
        let mut end = false;
        while i < hay.len() {
            let b = hay[i];
            match b {
                b'\n' | b'\r' => break,
                b' ' | b'\t' => {
                    i += 1;
                    continue;
                }
                _ => {}
            }
            last = Some((b, i));
            match b {
                b':' if depth == 1 => members = members.saturating_add(1),
                b'{' | b'[' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        i += 1;
                        end = true;
                        break;
                    }
                }
                b'"' => {
                    // A string that does not end plainly in the buffer (a line break in it, an
                    // escaped one, the buffer's end) is left to the search, inside it.
                    let mut j = i + 1;
                    let closed = loop {
                        j = string_stop(hay, j, line_end);
                        match hay.get(j) {
                            Some(b'"') => break true,
                            Some(b'\\') if hay.get(j + 1).is_some_and(|&c| c != b'\n') => j += 2,
                            _ => break false,
                        }
                    };
                    if !closed {
                        i = j;
                        self.in_string = true;
                        break;
                    }
                    i = j + 1;
                    if depth == 0 {
                        // As the search does: a string closed outside any bracket ends the
                        // record.
                        end = true;
                        break;
                    }
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        if i == 0 {
            return None;
        }
        // The last byte that is not a blank (a string's opening quote stands for the string).
        if let Some((b, at)) = last {
            self.last_sig = b;
            if on_start_line && past_start(at) {
                self.compact = true;
            }
        }
        (self.depth, self.deepest, self.members) = (depth, deepest, members);
        win.skip(i);
        Some(end)
    }
}

#[cfg(test)]
thread_local! {
    /// Whether the scan skips its fast lane on this thread: the tests compare both ways.
    pub(in crate::input::reader) static BYTEWISE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the scan reads every byte through the general path, and the reader splits no line
/// ahead of it (only ever in tests).
#[inline(always)]
pub(in crate::input::reader) fn bytewise() -> bool {
    #[cfg(test)]
    return BYTEWISE.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

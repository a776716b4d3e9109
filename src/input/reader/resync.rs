//! Where a broken record gives way to the payloads it swallowed.
//!
//! The scan cuts an open record where the next payload visibly begins (a `{` first on its line,
//! no deeper than the record). Some starts are not visible that way: an indented payload after a
//! truncated line (`  {…}`), a payload after a record cut right after `[`, `,` or `:` (where a
//! value may go on the next line in valid JSON), or lines ended by a lone carriage return. The
//! scan notes each `{` first on a line inside the record as a [`Candidate`]; when the record does
//! not parse, the first candidate where a whole JSON value starts and is followed by something
//! that cannot continue a value (the end, another `{` or `[`, or text) is where the record ends
//! and reading resumes. An element of a well-formed array is always followed by `,` or `]`, so a
//! valid payload is never cut.

use serde::de::IgnoredAny;

use super::scan::Candidate;

/// Candidates that fail to parse and are still tried; each costs up to the record's size.
const FAILED_TRIES: usize = 16;

/// The candidate where the record `bytes` (starting at absolute offset `start_abs`) should be
/// cut, or `None` when it parses whole (`complete`: the scan closed it) or no candidate starts
/// a payload.
pub(super) fn cut(
    bytes: &[u8],
    start_abs: u64,
    complete: bool,
    candidates: &[Candidate],
) -> Option<Candidate> {
    if candidates.is_empty() || (complete && serde_json::from_slice::<IgnoredAny>(bytes).is_ok()) {
        return None;
    }
    let mut failed = 0;
    // Past the end of a value that parsed: candidates inside it are its own elements.
    let mut skip_to = 0;
    for c in candidates {
        let Some(rest) = usize::try_from(c.abs - start_abs)
            .ok()
            .and_then(|at| bytes.get(at..))
        else {
            break;
        };
        if c.abs < skip_to {
            continue;
        }
        let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<IgnoredAny>();
        match values.next() {
            Some(Ok(_)) => {
                let end = values.byte_offset();
                let next = rest[end..].iter().find(|b| !b.is_ascii_whitespace());
                match next {
                    Some(b',' | b']' | b'}' | b':' | b'"') => skip_to = c.abs + end as u64,
                    _ => return Some(*c),
                }
            }
            _ => {
                failed += 1;
                if failed >= FAILED_TRIES {
                    return None;
                }
            }
        }
    }
    None
}

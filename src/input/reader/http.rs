//! The raw HTTP capture framing: requests as captured (`nc -l`, a proxy's dump), one after
//! another, each a request line, headers, an empty line and the body; CRLF or LF line ends.
//!
//! The body's length comes from `Content-Length`; a `Transfer-Encoding: chunked` body is decoded;
//! without either, the body runs to the line break before the next request line (or to the end
//! of the input, less trailing line breaks). The record is the body, positioned at its first byte,
//! and carries the request line and headers.

use std::io::{self, Read};

use super::Limits;
use super::record::{Entries, Item, Record, RecordStatus};
use super::window::Window;
use crate::input::capture::{BodyBytes, CaptureKind, Delivery};
use crate::model::finding::Limit;

/// Longest request line plus headers.
const MAX_HEAD: usize = 64 * 1024;

/// Whether `line` (without its line break) is an HTTP/1.x request line: `METHOD target HTTP/1.1`.
pub(crate) fn is_request_line(line: &[u8]) -> bool {
    // A method starts it: a JSON payload is told apart at its first byte, not its last.
    if !line.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let mut parts = line.split(|&b| b == b' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    (3..=10).contains(&method.len())
        && method.iter().all(u8::is_ascii_uppercase)
        && !target.is_empty()
        && version.starts_with(b"HTTP/")
        && version.len() >= 6
        && version[5..]
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'.')
}

/// Where the head ends in `hay` (which starts at a request line): the index just past the empty
/// line, and the index where the empty line starts.
fn head_end(hay: &[u8]) -> Option<(usize, usize)> {
    let lf = memchr::memmem::find(hay, b"\n\n").map(|i| (i + 2, i + 1));
    let crlf = memchr::memmem::find(hay, b"\n\r\n").map(|i| (i + 3, i + 1));
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(if a.0 < b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// The request line and headers of one request.
struct Head {
    request_line: String,
    headers: Vec<(String, String)>,
}

impl Head {
    /// Parses the head's bytes, up to (not including) the empty line that ends it.
    fn parse(bytes: &[u8]) -> Head {
        let head = String::from_utf8_lossy(bytes);
        let mut lines = head.lines().map(|l| l.trim_end_matches('\r'));
        let request_line = lines.next().unwrap_or_default().to_string();
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            // A folded line (obsolete, but sent) continues the previous header's value.
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.last_mut() {
                    if !value.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(line.trim());
                }
                continue;
            }
            if let Some((n, v)) = line.split_once(':') {
                headers.push((n.trim().to_string(), v.trim().to_string()));
            }
        }
        Head {
            request_line,
            headers,
        }
    }

    /// The value of the first header named `name` (in any case).
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// How the body is framed.
    fn framing(&self) -> BodyFraming {
        // Chunked when `chunked` is the last coding (a token of its own, not `notchunked`).
        let chunked = self.header("Transfer-Encoding").is_some_and(|v| {
            v.rsplit(',')
                .next()
                .is_some_and(|last| last.trim().eq_ignore_ascii_case("chunked"))
        });
        if chunked {
            return BodyFraming::Chunked;
        }
        let mut lengths = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
            .map(|(_, v)| v.as_str());
        let Some(first) = lengths.next() else {
            return BodyFraming::ToNextRequest;
        };
        if lengths.next().is_some() {
            return BodyFraming::BadLength("more than one Content-Length header");
        }
        // Digits only: no sign, no blanks inside.
        match first.bytes().all(|b| b.is_ascii_digit()) {
            true => first.parse().map_or(
                BodyFraming::BadLength("invalid Content-Length header: too large a number"),
                BodyFraming::Length,
            ),
            false => {
                BodyFraming::BadLength("invalid Content-Length header: expected a number of bytes")
            }
        }
    }

    fn into_delivery(self) -> Box<Delivery> {
        Box::new(Delivery {
            kind: CaptureKind::Http,
            request_line: Some(self.request_line),
            headers: self.headers,
            body: BodyBytes::Raw,
        })
    }
}

/// How a request's body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyFraming {
    /// `Transfer-Encoding: chunked`.
    Chunked,
    /// `Content-Length`.
    Length(u64),
    /// A `Content-Length` that is not a number, or more than one: why.
    BadLength(&'static str),
    /// Neither: the body runs to the next request.
    ToNextRequest,
}

/// Where a body's bytes are.
enum Body {
    /// In the window, between two absolute offsets.
    Window(u64, u64),
    /// Decoded into the framing's scratch buffer.
    Scratch,
    /// Not kept (too large).
    Dropped,
}

/// The state of a source of raw HTTP requests.
#[derive(Default)]
pub(super) struct HttpFraming {
    /// A decoded chunked body.
    scratch: Vec<u8>,
}

/// Whether the line at the scan position is a request line (reads ahead as needed).
pub(super) fn at_request_line<R: Read>(win: &mut Window<R>) -> io::Result<bool> {
    let keep = win.offset();
    request_line_keeping(win, keep)
}

/// [`at_request_line`], keeping the buffer from absolute offset `keep` on.
fn request_line_keeping<R: Read>(win: &mut Window<R>, keep: u64) -> io::Result<bool> {
    loop {
        let hay = win.ahead();
        if let Some(nl) = memchr::memchr(b'\n', hay) {
            return Ok(is_request_line(&hay[..nl]));
        }
        if win.eof() || hay.len() > MAX_HEAD {
            return Ok(is_request_line(hay));
        }
        win.refill(keep)?;
    }
}

/// Skips whole lines up to the next request line (or the end of the input).
fn skip_to_request_line<R: Read>(win: &mut Window<R>) -> io::Result<()> {
    loop {
        if !win.has_data() && (win.eof() || !win.refill(win.offset())?) {
            return Ok(());
        }
        if at_request_line(win)? {
            return Ok(());
        }
        if !skip_line(win, |w| w.offset())? {
            return Ok(());
        }
    }
}

/// Moves past the rest of the current line. When the window runs out, it refills keeping the
/// bytes from `keep(window)` on. Gives false at the end of the input.
fn skip_line<R: Read>(
    win: &mut Window<R>,
    mut keep: impl FnMut(&Window<R>) -> u64,
) -> io::Result<bool> {
    loop {
        let hay = win.ahead();
        if let Some(nl) = memchr::memchr(b'\n', hay) {
            win.advance(nl + 1);
            return Ok(true);
        }
        let n = hay.len();
        win.advance(n);
        let from = keep(win);
        if win.eof() || !win.refill(from)? {
            return Ok(false);
        }
    }
}

/// Reads the request line and headers at the scan position, and moves past the empty line that
/// ends them. `Err` carries a message about a request that is not one, after skipping it.
fn read_head<R: Read>(win: &mut Window<R>) -> io::Result<Result<Head, String>> {
    if !at_request_line(win)? {
        let line = {
            let hay = win.ahead();
            let nl = memchr::memchr(b'\n', hay).unwrap_or(hay.len());
            String::from_utf8_lossy(&hay[..nl]).trim_end().to_string()
        };
        let shown = crate::model::finding::shorten(&line, 60);
        skip_to_request_line(win)?;
        return Ok(Err(format!(
            "expected an HTTP request line such as `POST /webhook HTTP/1.1`, found `{shown}`"
        )));
    }
    // The head: up to the first empty line.
    let (head_len, empty_at) = loop {
        let hay = win.ahead();
        if let Some(found) = head_end(hay) {
            break found;
        }
        if win.eof() || hay.len() > MAX_HEAD {
            let what = if win.eof() {
                "truncated HTTP request: the headers do not end with an empty line"
            } else {
                "HTTP request head larger than 64 KiB"
            };
            let n = hay.len();
            win.advance(n);
            if !win.eof() {
                skip_to_request_line(win)?;
            }
            return Ok(Err(what.to_string()));
        }
        win.refill(win.offset())?;
    };
    let head = Head::parse(&win.ahead()[..empty_at]);
    win.advance(head_len);
    Ok(Ok(head))
}

impl HttpFraming {
    /// Reads one request at the scan position (a non-blank byte).
    pub(super) fn read<'a, R: Read>(
        &'a mut self,
        win: &'a mut Window<R>,
        entries: &mut Entries,
        limits: Limits,
    ) -> io::Result<Item<'a>> {
        let start = win.position();
        let head = match read_head(win)? {
            Ok(head) => head,
            Err(message) => return Ok(Item::Fault(entries.fault(start, message))),
        };
        let framing = head.framing();
        let body_pos = win.position();
        let max = limits.max_payload;
        let (body, status) = match framing {
            BodyFraming::Chunked => match self.read_chunked(win, max)? {
                Ok(status) => (Body::Scratch, status),
                Err(bad) => {
                    skip_to_request_line(win)?;
                    let mut fault = entries.fault(body_pos, bad.message);
                    fault.limit = bad.limit;
                    return Ok(Item::Fault(fault));
                }
            },
            BodyFraming::BadLength(message) => {
                skip_to_request_line(win)?;
                return Ok(Item::Fault(entries.fault(start, message.to_string())));
            }
            BodyFraming::Length(len) => read_exact_body(win, len, max)?,
            BodyFraming::ToNextRequest => read_body_to_next_request(win, max)?,
        };
        let bytes = match body {
            Body::Window(from, to) => win.slice(from, to),
            Body::Scratch => &self.scratch[..],
            Body::Dropped => &[][..],
        };
        let record = Record {
            origin: entries.origin(body_pos),
            bytes,
            status,
            delivery: Some(head.into_delivery()),
            deep: false,
            members: None,
        };
        Ok(Item::Record(record.limit_depth(limits.max_depth)))
    }

    /// Decodes a chunked body into `scratch`. `Err` says what is wrong with the body.
    fn read_chunked<R: Read>(
        &mut self,
        win: &mut Window<R>,
        max_payload: u64,
    ) -> io::Result<Result<RecordStatus, BadBody>> {
        self.scratch.clear();
        loop {
            let Some(size_line) = take_line(win)? else {
                return Ok(Ok(RecordStatus::Truncated { resumed_at: None }));
            };
            let hex = size_line.split(';').next().unwrap_or("").trim();
            let Ok(size) = u64::from_str_radix(hex, 16) else {
                return Ok(Err(BadBody {
                    message: format!(
                        "malformed chunked body: expected a chunk size in hexadecimal, found `{}`",
                        crate::model::finding::shorten(&size_line, 40)
                    ),
                    limit: None,
                }));
            };
            if size == 0 {
                // Trailers, up to an empty line.
                while let Some(line) = take_line(win)? {
                    if line.is_empty() {
                        break;
                    }
                }
                return Ok(Ok(RecordStatus::Complete));
            }
            if !chunk_fits(self.scratch.len(), size, max_payload) {
                return Ok(Err(BadBody {
                    message: format!("chunked body larger than the limit of {max_payload} bytes"),
                    limit: Some(Limit::PayloadSize),
                }));
            }
            let size = size as usize;
            while win.ahead().len() < size && !win.eof() {
                win.refill(win.offset())?;
            }
            let got = size.min(win.ahead().len());
            self.scratch.extend_from_slice(&win.ahead()[..got]);
            win.advance(got);
            if got < size {
                return Ok(Ok(RecordStatus::Truncated { resumed_at: None }));
            }
            // The line break after the chunk.
            take_line(win)?;
        }
    }
}

/// Why a chunked body is not a payload.
struct BadBody {
    message: String,
    limit: Option<Limit>,
}

/// Whether a chunk of `size` bytes, added to the `kept` bytes decoded so far, stays within
/// `max_payload`. The sum is checked: a chunk size near `u64::MAX` must not wrap around to a
/// small total.
fn chunk_fits(kept: usize, size: u64, max_payload: u64) -> bool {
    (kept as u64)
        .checked_add(size)
        .is_some_and(|total| total <= max_payload)
}

/// A body of `len` bytes at the scan position: where it is, and how it ended. Moves past it.
fn read_exact_body<R: Read>(
    win: &mut Window<R>,
    len: u64,
    max_payload: u64,
) -> io::Result<(Body, RecordStatus)> {
    if len > max_payload {
        let mut left = len;
        while left > 0 {
            if !win.has_data() && !win.refill(win.offset())? {
                break;
            }
            let n = (win.ahead().len() as u64).min(left) as usize;
            win.advance(n);
            left -= n as u64;
        }
        let status = RecordStatus::TooLarge {
            size: len,
            limit: max_payload,
        };
        return Ok((Body::Dropped, status));
    }
    let len = len as usize;
    while win.ahead().len() < len && !win.eof() {
        win.refill(win.offset())?;
    }
    let got = len.min(win.ahead().len());
    let from = win.offset();
    win.advance(got);
    let status = if got < len {
        RecordStatus::Truncated { resumed_at: None }
    } else {
        RecordStatus::Complete
    };
    Ok((Body::Window(from, from + got as u64), status))
}

/// A body without a length: up to the line break before the next request line, or to the end
/// of the input less trailing line breaks.
fn read_body_to_next_request<R: Read>(
    win: &mut Window<R>,
    max_payload: u64,
) -> io::Result<(Body, RecordStatus)> {
    let start_abs = win.offset();
    let mut oversized = false;
    // The body is kept from its start; once it outgrows the limit, only from the scan position.
    let keep = |win: &Window<R>, oversized: bool| {
        if oversized { win.offset() } else { start_abs }
    };
    loop {
        // At a line start: is it the next request?
        if win.has_data() || (!win.eof() && win.refill(keep(win, oversized))?) {
            let keep = keep(win, oversized);
            if win.offset() > start_abs && request_line_keeping(win, keep)? {
                break;
            }
        } else {
            break;
        }
        // Move past this line.
        skip_line(win, |w| {
            if w.offset() - start_abs > max_payload {
                oversized = true;
            }
            keep(w, oversized)
        })?;
        if win.offset() - start_abs > max_payload {
            oversized = true;
        }
    }
    let size = win.offset() - start_abs;
    if oversized || size > max_payload {
        let status = RecordStatus::TooLarge {
            size,
            limit: max_payload,
        };
        return Ok((Body::Dropped, status));
    }
    let body = win.since(start_abs);
    let trailing = body
        .iter()
        .rev()
        .take_while(|b| matches!(b, b'\n' | b'\r'))
        .count();
    let to = start_abs + (body.len() - trailing) as u64;
    Ok((Body::Window(start_abs, to), RecordStatus::Complete))
}

/// One line at the scan position (without its line break), moving past it; `None` at the end of
/// the input.
fn take_line<R: Read>(win: &mut Window<R>) -> io::Result<Option<String>> {
    loop {
        let hay = win.ahead();
        if let Some(nl) = memchr::memchr(b'\n', hay) {
            let line = String::from_utf8_lossy(&hay[..nl])
                .trim_end_matches('\r')
                .to_string();
            win.advance(nl + 1);
            return Ok(Some(line));
        }
        if win.eof() {
            if hay.is_empty() {
                return Ok(None);
            }
            let line = String::from_utf8_lossy(hay).into_owned();
            let n = hay.len();
            win.advance(n);
            return Ok(Some(line));
        }
        if hay.len() > MAX_HEAD {
            return Ok(None);
        }
        win.refill(win.offset())?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::capture::InputMode;
    use crate::input::reader::tests::{Got, items};
    use crate::input::reader::{Chunked, Reader};
    use std::sync::Arc;

    fn read(input: &[u8], mode: InputMode, chunk: usize) -> Vec<Got> {
        let out = items(Reader::new(Arc::from("t"), Chunked(input, chunk)).with_mode(mode));
        // Reading one byte at a time gives the same.
        if chunk != 1 {
            assert_eq!(out, read(input, mode, 1));
        }
        out
    }

    #[test]
    fn request_lines() {
        assert!(is_request_line(b"POST /hooks/ghl HTTP/1.1"));
        assert!(is_request_line(b"POST / HTTP/1.0\r"));
        assert!(!is_request_line(b"{\"type\": 1}"));
        assert!(!is_request_line(b"post / HTTP/1.1"));
        assert!(!is_request_line(b"POST /a b HTTP/1.1"));
    }

    #[test]
    fn requests_with_content_length_crlf_and_lf() {
        let a = "{\"a\":1}";
        let b = "{\"b\":\n2}";
        let input = format!(
            "POST /hook HTTP/1.1\r\nHost: x\r\nX-GHL-Signature: c2ln\r\nContent-Length: {}\r\n\r\n{a}\r\n\nPOST /hook HTTP/1.1\nContent-Length: {}\n\n{b}",
            a.len(),
            b.len()
        );
        let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].0, got[0].1, got[0].2.as_str()), (6, 1, a));
        assert_eq!(got[0].4.as_deref(), Some("c2ln"));
        assert_eq!((got[1].0, got[1].2.as_str()), (11, b));
        assert_eq!(got[1].3, "Complete");
    }

    #[test]
    fn body_without_length_runs_to_the_next_request() {
        let input = "POST /a HTTP/1.1\nHost: x\n\n{\"a\":1}\n\nPOST /b HTTP/1.1\n\n{\"b\":2}\n\n";
        let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
        let bodies: Vec<&str> = got.iter().map(|g| g.2.as_str()).collect();
        assert_eq!(bodies, ["{\"a\":1}\n", "{\"b\":2}"].map(|s| s.trim_end()));
    }

    #[test]
    fn chunked_bodies_are_decoded() {
        let input = "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3;x=y\r\n:1}\r\n0\r\n\r\n";
        let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].2, "{\"a\":1}");
        assert_eq!(got[0].3, "Complete");
    }

    #[test]
    fn truncated_and_malformed_requests() {
        let input = "POST /a HTTP/1.1\nContent-Length: 50\n\n{\"a\":1}";
        let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
        assert_eq!(got[0].3, "Truncated { resumed_at: None }");
        let input = "POST /a HTTP/1.1\nHost: x";
        let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
        assert!(
            got[0].2.contains("do not end with an empty line"),
            "{got:?}"
        );
        let input = "garbage line\n\nPOST /b HTTP/1.1\nContent-Length: 2\n\n{}";
        let got = read(input.as_bytes(), InputMode::Http, usize::MAX);
        assert!(
            got[0].2.starts_with("expected an HTTP request line"),
            "{got:?}"
        );
        assert_eq!((got[1].0, got[1].2.as_str()), (6, "{}"));
        let input = "POST /a HTTP/1.1\nContent-Length: lots\n\n{}";
        let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
        assert!(got[0].2.contains("Content-Length"), "{got:?}");
    }

    #[test]
    fn header_framing_is_strict() {
        for (headers, message) in [
            ("Content-Length: +2", "expected a number of bytes"),
            (
                "Content-Length: 2\nContent-Length: 2",
                "more than one Content-Length",
            ),
            (
                "Content-Length: 2\ncontent-length: 3",
                "more than one Content-Length",
            ),
        ] {
            let input = format!("POST /a HTTP/1.1\n{headers}\n\n{{}}");
            let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
            assert_eq!(got[0].3, "fault", "{headers}: {got:?}");
            assert!(got[0].2.contains(message), "{headers}: {got:?}");
        }
        // `notchunked` is not chunked: the length frames the body.
        let input = "POST /a HTTP/1.1\nTransfer-Encoding: notchunked\nContent-Length: 2\n\n{}";
        let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
        assert_eq!((got[0].2.as_str(), got[0].3.as_str()), ("{}", "Complete"));
        // A folded line continues its header.
        let head = Head::parse(b"POST /a HTTP/1.1\r\nX-Note: one\r\n  two\r\nHost: h");
        assert_eq!(head.header("X-Note"), Some("one two"));
        assert_eq!(head.headers.len(), 2);
    }

    #[test]
    fn chunk_sizes_are_added_without_wrapping() {
        assert!(chunk_fits(4, 3, 7));
        assert!(!chunk_fits(4, 4, 7));
        assert!(!chunk_fits(4, u64::MAX - 3, 100));
        assert!(!chunk_fits(0, u64::MAX, u64::MAX - 1));
        assert!(chunk_fits(0, u64::MAX, u64::MAX));
    }

    #[test]
    fn huge_chunk_sizes_are_too_large_not_wrapped() {
        // 4 + 0xFFFFFFFFFFFFFFFD wraps to 1 in unchecked arithmetic.
        for size in ["FFFFFFFFFFFFFFFD", "FFFFFFFFFFFFFFFF"] {
            let input = format!(
                "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{{\"a\"\r\n{size}\r\n:1}}\r\n0\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\n{{}}"
            );
            let got = read(input.as_bytes(), InputMode::Auto, usize::MAX);
            assert_eq!(got.len(), 2, "{got:?}");
            assert!(got[0].2.contains("larger than the limit"), "{got:?}");
            assert_eq!(got[0].3, "fault");
            assert_eq!((got[1].2.as_str(), got[1].3.as_str()), ("{}", "Complete"));
        }
    }

    #[test]
    fn json_is_not_http_in_auto_mode() {
        let got = read(b"{\"a\":1}\n{\"b\":2}", InputMode::Auto, usize::MAX);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|g| g.4.is_none()));
    }

    #[test]
    fn oversized_bodies_are_skipped() {
        let body = "x".repeat(300);
        let input = format!(
            "POST /a HTTP/1.1\nContent-Length: 300\n\n{body}\nPOST /b HTTP/1.1\nContent-Length: 2\n\n{{}}"
        );
        let mut r = Reader::new(Arc::from("t"), input.as_bytes()).with_max_payload(100);
        let mut statuses = Vec::new();
        while let Some(item) = r.next().unwrap() {
            if let Item::Record(rec) = item {
                statuses.push((format!("{:?}", rec.status), rec.bytes.to_vec()));
            }
        }
        assert_eq!(statuses.len(), 2);
        assert!(statuses[0].0.starts_with("TooLarge"));
        assert_eq!(statuses[1].1, b"{}");
    }
}

//! Raw HTTP requests as captured (`nc -l`, a proxy's dump): a request line, headers, an empty
//! line, the body; CRLF or LF line ends; several requests one after another.
//!
//! The body's length comes from `Content-Length`; a `Transfer-Encoding: chunked` body is decoded;
//! without either, the body runs to the line break before the next request line (or to the end
//! of the input, less trailing line breaks). The record is the body, positioned at its first byte,
//! and carries the request line and headers.

use std::io::{self, Read};

use super::{Item, Reader, Record, RecordStatus};
use crate::input::capture::{BodyBytes, CaptureKind, Delivery};
use crate::model::origin::Position;

/// Longest request line plus headers.
const MAX_HEAD: usize = 64 * 1024;

/// Whether `line` (without its line break) is an HTTP/1.x request line: `METHOD target HTTP/1.1`.
pub(crate) fn is_request_line(line: &[u8]) -> bool {
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

impl<R: Read> Reader<R> {
    /// Whether the line at `pos` is a request line (reads ahead as needed).
    pub(super) fn at_request_line(&mut self) -> io::Result<bool> {
        self.request_line_keeping(self.offset())
    }

    /// [`Self::at_request_line`], keeping the buffer from absolute offset `keep_abs` on.
    fn request_line_keeping(&mut self, keep_abs: u64) -> io::Result<bool> {
        loop {
            let hay = &self.buf[self.pos..self.end];
            if let Some(nl) = memchr::memchr(b'\n', hay) {
                return Ok(is_request_line(&hay[..nl]));
            }
            if self.eof || hay.len() > MAX_HEAD {
                return Ok(is_request_line(hay));
            }
            self.refill((keep_abs - self.base) as usize)?;
        }
    }

    /// Moves `pos` forward by `n` bytes (all in the buffer), counting lines.
    fn advance(&mut self, n: usize) {
        let from = self.pos;
        let slice = &self.buf[from..from + n];
        let count = memchr::memchr_iter(b'\n', slice).count() as u64;
        if let Some(last) = memchr::memrchr(b'\n', slice) {
            let abs = self.base + (from + last) as u64;
            self.newline_at(abs);
            self.line += count - 1;
        }
        self.pos = from + n;
        self.blank_line = self.offset() == self.line_start;
    }

    /// Skips whole lines up to the next request line (or the end of the input).
    fn skip_to_request_line(&mut self) -> io::Result<()> {
        loop {
            if self.pos >= self.end && (self.eof || !self.refill(self.pos)?) {
                return Ok(());
            }
            if self.at_request_line()? {
                return Ok(());
            }
            loop {
                let hay = &self.buf[self.pos..self.end];
                if let Some(nl) = memchr::memchr(b'\n', hay) {
                    self.advance(nl + 1);
                    break;
                }
                let n = hay.len();
                self.advance(n);
                if self.eof || !self.refill(self.pos)? {
                    return Ok(());
                }
            }
        }
    }

    fn http_fault(&mut self, at: Position, message: String) -> Item<'_> {
        Item::Fault(self.fault(at, message))
    }

    /// Reads one request at `pos` (a non-blank byte).
    pub(super) fn scan_http(&mut self) -> io::Result<Item<'_>> {
        let start = self.position_at(self.offset());
        if !self.at_request_line()? {
            let line = {
                let hay = &self.buf[self.pos..self.end];
                let nl = memchr::memchr(b'\n', hay).unwrap_or(hay.len());
                String::from_utf8_lossy(&hay[..nl]).trim_end().to_string()
            };
            let shown = crate::model::finding::shorten(&line, 60);
            self.skip_to_request_line()?;
            return Ok(self.http_fault(
                start,
                format!(
                    "expected an HTTP request line such as `POST /webhook HTTP/1.1`, found `{shown}`"
                ),
            ));
        }
        // The head: up to the first empty line.
        let (head_len, empty_at) = loop {
            let hay = &self.buf[self.pos..self.end];
            if let Some(found) = head_end(hay) {
                break found;
            }
            if self.eof || hay.len() > MAX_HEAD {
                let what = if self.eof {
                    "truncated HTTP request: the headers do not end with an empty line"
                } else {
                    "HTTP request head larger than 64 KiB"
                };
                let n = hay.len();
                self.advance(n);
                if !self.eof {
                    self.skip_to_request_line()?;
                }
                return Ok(self.http_fault(start, what.to_string()));
            }
            self.refill(self.pos)?;
        };
        let head = String::from_utf8_lossy(&self.buf[self.pos..self.pos + empty_at]).into_owned();
        let mut lines = head.lines().map(|l| l.trim_end_matches('\r'));
        let request_line = lines.next().unwrap_or_default().to_string();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
            .collect();
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let chunked =
            header("Transfer-Encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
        let length = header("Content-Length").map(|v| v.parse::<u64>());
        self.advance(head_len);
        let delivery = Box::new(Delivery {
            kind: CaptureKind::Http,
            request_line: Some(request_line),
            headers,
            body: BodyBytes::Raw,
        });
        let body_pos = self.position_at(self.offset());
        let origin = crate::model::origin::Origin {
            source: self.source.clone(),
            position: body_pos,
            index: self.index,
        };
        self.index += 1;

        let (from, to, status, in_scratch) = if chunked {
            match self.read_chunked()? {
                Ok(status) => (0, self.scratch.len(), status, true),
                Err(message) => {
                    self.skip_to_request_line()?;
                    self.index -= 1;
                    return Ok(self.http_fault(body_pos, message));
                }
            }
        } else {
            match length {
                Some(Err(_)) => {
                    self.skip_to_request_line()?;
                    self.index -= 1;
                    return Ok(self.http_fault(
                        start,
                        "invalid Content-Length header: expected a number of bytes".to_string(),
                    ));
                }
                Some(Ok(len)) => self.read_exact_body(len)?,
                None => self.read_body_to_next_request()?,
            }
        };
        let bytes = match status {
            RecordStatus::TooLarge { .. } => &[][..],
            _ if in_scratch => &self.scratch[from..to],
            _ => &self.buf[from..to],
        };
        Ok(Item::Record(Record {
            origin,
            bytes,
            status,
            delivery: Some(delivery),
            // The body is not scanned: the parser's usual limit applies.
            deep: false,
            members: None,
        }))
    }

    /// A body of `len` bytes at `pos`: returns its range in the buffer, and moves past it.
    fn read_exact_body(&mut self, len: u64) -> io::Result<(usize, usize, RecordStatus, bool)> {
        if len > self.max_payload {
            let mut left = len;
            while left > 0 {
                if self.pos >= self.end && !self.refill(self.pos)? {
                    break;
                }
                let n = ((self.end - self.pos) as u64).min(left) as usize;
                self.advance(n);
                left -= n as u64;
            }
            let limit = self.max_payload;
            return Ok((0, 0, RecordStatus::TooLarge { size: len, limit }, false));
        }
        let len = len as usize;
        while self.end - self.pos < len && !self.eof {
            self.refill(self.pos)?;
        }
        let got = len.min(self.end - self.pos);
        let from = self.pos;
        self.advance(got);
        let status = if got < len {
            RecordStatus::Truncated { resumed_at: None }
        } else {
            RecordStatus::Complete
        };
        Ok((from, from + got, status, false))
    }

    /// A body without a length: up to the line break before the next request line, or to the end
    /// of the input less trailing line breaks.
    fn read_body_to_next_request(&mut self) -> io::Result<(usize, usize, RecordStatus, bool)> {
        let start_abs = self.offset();
        let mut oversized = false;
        loop {
            // At a line start: is it the next request?
            if self.pos < self.end
                || (!self.eof && self.refill(self.keep_from(start_abs, oversized))?)
            {
                let keep = self.base + self.keep_from(start_abs, oversized) as u64;
                if self.offset() > start_abs && self.request_line_keeping(keep)? {
                    break;
                }
            } else {
                break;
            }
            // Move past this line.
            loop {
                let hay = &self.buf[self.pos..self.end];
                if let Some(nl) = memchr::memchr(b'\n', hay) {
                    self.advance(nl + 1);
                    break;
                }
                let n = hay.len();
                self.advance(n);
                if self.offset() - start_abs > self.max_payload {
                    oversized = true;
                }
                if self.eof || !self.refill(self.keep_from(start_abs, oversized))? {
                    break;
                }
            }
            if self.offset() - start_abs > self.max_payload {
                oversized = true;
            }
        }
        let size = self.offset() - start_abs;
        if oversized || size > self.max_payload {
            let limit = self.max_payload;
            return Ok((0, 0, RecordStatus::TooLarge { size, limit }, false));
        }
        let from = (start_abs - self.base) as usize;
        let mut to = self.pos;
        while to > from && matches!(self.buf[to - 1], b'\n' | b'\r') {
            to -= 1;
        }
        Ok((from, to, RecordStatus::Complete, false))
    }

    fn keep_from(&self, start_abs: u64, oversized: bool) -> usize {
        if oversized {
            self.pos
        } else {
            (start_abs - self.base) as usize
        }
    }

    /// One line at `pos` (without its line break), moving past it; `None` at the end of input.
    fn take_line(&mut self) -> io::Result<Option<String>> {
        loop {
            let hay = &self.buf[self.pos..self.end];
            if let Some(nl) = memchr::memchr(b'\n', hay) {
                let line = String::from_utf8_lossy(&hay[..nl])
                    .trim_end_matches('\r')
                    .to_string();
                self.advance(nl + 1);
                return Ok(Some(line));
            }
            if self.eof {
                if hay.is_empty() {
                    return Ok(None);
                }
                let line = String::from_utf8_lossy(hay).into_owned();
                let n = hay.len();
                self.advance(n);
                return Ok(Some(line));
            }
            if hay.len() > MAX_HEAD {
                return Ok(None);
            }
            self.refill(self.pos)?;
        }
    }

    /// Decodes a chunked body into `scratch`. `Err` carries a message about a malformed body.
    fn read_chunked(&mut self) -> io::Result<Result<RecordStatus, String>> {
        self.scratch.clear();
        loop {
            let Some(size_line) = self.take_line()? else {
                return Ok(Ok(RecordStatus::Truncated { resumed_at: None }));
            };
            let hex = size_line.split(';').next().unwrap_or("").trim();
            let Ok(size) = u64::from_str_radix(hex, 16) else {
                return Ok(Err(format!(
                    "malformed chunked body: expected a chunk size in hexadecimal, found `{}`",
                    crate::model::finding::shorten(&size_line, 40)
                )));
            };
            if size == 0 {
                // Trailers, up to an empty line.
                while let Some(line) = self.take_line()? {
                    if line.is_empty() {
                        break;
                    }
                }
                return Ok(Ok(RecordStatus::Complete));
            }
            if self.scratch.len() as u64 + size > self.max_payload {
                return Ok(Err(format!(
                    "chunked body larger than the limit of {} bytes (raise it with --max-payload-size)",
                    self.max_payload
                )));
            }
            let size = size as usize;
            while self.end - self.pos < size && !self.eof {
                self.refill(self.pos)?;
            }
            let got = size.min(self.end - self.pos);
            self.scratch
                .extend_from_slice(&self.buf[self.pos..self.pos + got]);
            self.advance(got);
            if got < size {
                return Ok(Ok(RecordStatus::Truncated { resumed_at: None }));
            }
            // The line break after the chunk.
            self.take_line()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::capture::InputMode;
    use crate::input::reader::Chunked;
    use std::sync::Arc;

    type Got = (u64, u64, String, String, Option<String>);

    fn read(input: &[u8], mode: InputMode, chunk: usize) -> Vec<Got> {
        let mut r = Reader::new(Arc::from("t"), Chunked(input, chunk)).with_mode(mode);
        let mut out = Vec::new();
        while let Some(item) = r.next().unwrap() {
            out.push(match item {
                Item::Record(rec) => (
                    rec.origin.position.line,
                    rec.origin.position.column,
                    String::from_utf8_lossy(rec.bytes).into_owned(),
                    format!("{:?}", rec.status),
                    rec.delivery
                        .and_then(|d| d.header("x-ghl-signature").map(str::to_string)),
                ),
                Item::Fault(f) => (
                    f.origin.position.line,
                    f.origin.position.column,
                    f.message,
                    "fault".into(),
                    None,
                ),
            });
        }
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

//! Text that is not JSON, told apart for messages: an HTML page (a `curl` of an error page), an
//! HTTP response with its headers, log lines; and how a block of such text is named (its lines,
//! its first line).

/// What a block of text that is not JSON looks like: an HTML page, an HTTP response, log lines.
pub fn looks_like(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(64)];
    let lower = head.to_ascii_lowercase();
    let tag = lower.starts_with(b"<")
        && lower
            .get(1)
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'!')
        && memchr::memchr(b'>', head).is_some();
    if tag {
        return Some("an HTML page");
    }
    if head.starts_with(b"HTTP/1.") || head.starts_with(b"HTTP/2") {
        return Some("an HTTP response (a status line and headers)");
    }
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let date = head.len() >= 11
        && digits(&head[0..4])
        && head[4] == b'-'
        && digits(&head[5..7])
        && head[7] == b'-'
        && digits(&head[8..10])
        && matches!(head[10], b' ' | b'T' | b'\t');
    let start = head.strip_prefix(b"[").unwrap_or(head);
    let time = start.len() >= 9
        && digits(&start[0..2])
        && start[2] == b':'
        && digits(&start[3..5])
        && start[5] == b':'
        && digits(&start[6..8]);
    if date || time {
        return Some(if memchr::memchr(b'\n', bytes.trim_ascii_end()).is_some() {
            "log lines"
        } else {
            "a log line"
        });
    }
    None
}

/// `line 4` or `lines 4-9`: the lines a block of text spans.
pub fn line_span(first: u64, bytes: &[u8]) -> String {
    let breaks = memchr::memchr_iter(b'\n', bytes.trim_ascii_end()).count() as u64;
    if breaks == 0 {
        format!("line {first}")
    } else {
        format!("lines {first}-{}", first + breaks)
    }
}

/// The first line of a block of text, for a message.
pub fn first_line(bytes: &[u8]) -> String {
    let line = &bytes[..memchr::memchr(b'\n', bytes).unwrap_or(bytes.len())];
    let line = &line[..line.len().min(200)];
    String::from_utf8_lossy(line).trim_end().to_string()
}

/// Whether the escape that ends at or just before `offset` is a `\u` escape.
pub fn is_unicode_escape(bytes: &[u8], offset: usize) -> bool {
    let before = &bytes[..offset.min(bytes.len())];
    let from = before.len().saturating_sub(6);
    memchr::memmem::rfind(&before[from..], b"\\u").is_some()
}

/// Where the first `\u` escape without four hexadecimal digits after it starts, if any.
pub fn short_unicode_escape(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(j) = memchr::memchr(b'\\', &bytes[i..]) {
        let at = i + j;
        match bytes.get(at + 1) {
            Some(b'u') => {
                let hex = bytes.get(at + 2..at + 6);
                if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                    return Some(at);
                }
                i = at + 6;
            }
            Some(_) => i = at + 2,
            None => return None,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_responses_and_log_lines_are_told_apart() {
        assert_eq!(looks_like(b"<!DOCTYPE html>\n<html>"), Some("an HTML page"));
        assert_eq!(
            looks_like(b"<html><body>x</body></html>"),
            Some("an HTML page")
        );
        assert_eq!(
            looks_like(b"HTTP/1.1 404 Not Found\r\n"),
            Some("an HTTP response (a status line and headers)")
        );
        assert_eq!(
            looks_like(b"2025-09-01 ERROR upstream timeout"),
            Some("a log line")
        );
        assert_eq!(
            looks_like(b"2025-09-01T10:00:00Z x\n2025-09-01T10:00:01Z y\n"),
            Some("log lines")
        );
        assert_eq!(looks_like(b"[12:01:02] worker stopped"), Some("a log line"));
        assert_eq!(looks_like(b"a < b"), None);
        assert_eq!(looks_like(b"hello"), None);
        assert_eq!(looks_like(b"2025"), None);
    }

    #[test]
    fn short_unicode_escapes_are_found() {
        assert_eq!(short_unicode_escape(br#""\u""#), Some(1));
        assert_eq!(short_unicode_escape(br#""\uD800\u1""#), Some(7));
        assert_eq!(short_unicode_escape(br#""\\u" "\u00e9""#), None);
        assert_eq!(short_unicode_escape(br#""plain""#), None);
    }

    #[test]
    fn spans_and_first_lines() {
        assert_eq!(line_span(4, b"x\n"), "line 4");
        assert_eq!(line_span(4, b"x\ny\nz\n"), "lines 4-6");
        assert_eq!(first_line(b"first\r\nsecond"), "first");
    }
}

//! What the first bytes of a source say about its encoding, before any framing reads it.
//!
//! A UTF-8 byte-order mark is skipped; UTF-16 text and binary files (images, archives,
//! compressed data) are reported once, as a fault for the whole source, instead of as a flood
//! of broken payloads.

/// How many bytes at the start of a source are looked at: enough for a signature, a byte-order
/// mark or a telling NUL.
pub(super) const HEAD: usize = 512;

/// What the start of a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sniffed {
    /// Text that starts with a UTF-8 byte-order mark of this many bytes.
    Bom(usize),
    /// Text, as far as the head tells.
    Text,
    /// UTF-16 text: the variant and the evidence.
    Utf16(&'static str),
    /// A binary file: its kind.
    Binary(&'static str),
}

impl Sniffed {
    /// The message of a fault for a source that is not UTF-8 text, or `None`.
    pub(super) fn message(self) -> Option<String> {
        match self {
            Sniffed::Utf16(enc) => Some(format!(
                "the input is encoded as {enc}; hlmsg reads UTF-8 JSON (convert it first, e.g. `iconv -f UTF-16 -t UTF-8`)"
            )),
            Sniffed::Binary(kind) => Some(format!("the input is binary ({kind}), not JSON text")),
            Sniffed::Bom(_) | Sniffed::Text => None,
        }
    }
}

/// Looks at `head`, the first bytes of a source (up to [`HEAD`] of them).
pub(super) fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(super::window::BOM) {
        return Sniffed::Bom(3);
    }
    if let Some(enc) = utf16(head) {
        return Sniffed::Utf16(enc);
    }
    binary_kind(head).map_or(Sniffed::Text, Sniffed::Binary)
}

/// Which UTF-16 variant `head` is in, by its byte-order mark or its NUL bytes.
fn utf16(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(&[0xFF, 0xFE]) {
        Some("UTF-16LE (byte-order mark FF FE)")
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16BE (byte-order mark FE FF)")
    } else if head.len() >= 4 && head[0] != 0 && head[1] == 0 && head[3] == 0 {
        Some("UTF-16LE (every other byte is NUL)")
    } else if head.len() >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 {
        Some("UTF-16BE (every other byte is NUL)")
    } else {
        None
    }
}

/// What a file that starts with `head` is, when it is binary: a known file type by its
/// signature, or any data with NUL bytes (which JSON text never holds raw).
fn binary_kind(head: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (
            b"\x1f\x8b",
            "gzip-compressed data; decompress it first, e.g. with zcat",
        ),
        (
            b"\x28\xb5\x2f\xfd",
            "zstd-compressed data; decompress it first, e.g. with zstdcat",
        ),
        (
            b"BZh",
            "bzip2-compressed data; decompress it first, e.g. with bzcat",
        ),
        (
            b"\xfd7zXZ\x00",
            "xz-compressed data; decompress it first, e.g. with xzcat",
        ),
        (b"\x7fELF", "an executable"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| head.starts_with(sig)) {
        return Some(kind);
    }
    memchr::memchr(0, head).map(|_| NUL_BYTES)
}

/// The kind of a binary file known only by its NUL bytes.
pub(super) const NUL_BYTES: &str = "it holds NUL bytes";

/// Whether a complete line of `block` (one followed by a line break) is a JSON value.
pub(super) fn some_line_is_json(block: &[u8]) -> bool {
    let mut lines = block.split(|&b| b == b'\n');
    lines.next_back(); // not known to be complete
    lines.any(|line| {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        !line.iter().all(u8::is_ascii_whitespace)
            && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
    })
}

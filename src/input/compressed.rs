//! Compressed input: gzip (one member or many, as `cat a.gz b.gz` makes) and zstd (one frame
//! or many), recognized by their magic bytes whatever the source is named, standard input
//! included, and decompressed as they are read, so memory stays flat whatever their size.
//! Positions count in the decompressed text. A corrupt or truncated stream is an I/O error that
//! names the codec and the byte of the compressed stream where it was found; everything read
//! before it has already been handed on.

use std::cell::Cell;
use std::fmt;
use std::io::{self, BufReader, Read};
use std::rc::Rc;

/// A compression format hlmsg reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    /// gzip (RFC 1952).
    Gzip,
    /// Zstandard (RFC 8878).
    Zstd,
}

impl fmt::Display for Codec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Codec::Gzip => "gzip",
            Codec::Zstd => "zstd",
        })
    }
}

/// File name suffixes of compressed sources (compared case-insensitively).
pub const SUFFIXES: &[&str] = &["gz", "zst"];

impl Codec {
    /// The codec whose magic number `prefix` starts with.
    pub fn detect(prefix: &[u8]) -> Option<Codec> {
        if prefix.starts_with(&[0x1f, 0x8b]) {
            Some(Codec::Gzip)
        } else if prefix.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Some(Codec::Zstd)
        } else {
            None
        }
    }
}

/// Counts the bytes read through it, for error messages, and notes a failed read, so that an
/// error of the source itself is told from an error in the data.
struct Tally<R> {
    inner: R,
    read: Rc<Cell<u64>>,
    failed: Rc<Cell<bool>>,
}

impl<R: Read> Read for Tally<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.read.set(self.read.get() + n as u64);
                Ok(n)
            }
            Err(e) => {
                self.failed.set(e.kind() != io::ErrorKind::Interrupted);
                Err(e)
            }
        }
    }
}

/// A decoder whose errors say what failed and where.
struct Decoded<D> {
    inner: D,
    codec: Codec,
    /// Compressed bytes taken from the source so far.
    consumed: Rc<Cell<u64>>,
    /// Whether reading the source itself failed.
    source_failed: Rc<Cell<bool>>,
}

impl<D: Read> Read for Decoded<D> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            if self.source_failed.get() || e.kind() == io::ErrorKind::Interrupted {
                return e;
            }
            // An error in the data: `InvalidData`, whatever the decoder called it.
            let at = self.consumed.get();
            let what = if e.kind() == io::ErrorKind::UnexpectedEof {
                "ends early (truncated)".to_string()
            } else {
                format!("is corrupt ({})", lower_first(&e.to_string()))
            };
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "the {} stream {what} near byte {at} of the compressed input",
                    self.codec
                ),
            )
        })
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The least room for the head: more than the longest magic number.
const MAGIC_ROOM: usize = 16;

/// Whether `head` may still grow into a magic number (so more bytes must be looked at).
fn may_be_magic(head: &[u8]) -> bool {
    let gzip: &[u8] = &[0x1f, 0x8b];
    let zstd: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd];
    [gzip, zstd]
        .iter()
        .any(|m| head.len() < m.len() && m.starts_with(head))
}

/// The first bytes of `input`: one read (a small file whole), then more only while they could
/// still be the start of a magic number, so that a live stream is never held back waiting. A
/// source of a known `size` gets a buffer of that size (and one byte to see its end), not more.
fn head(input: &mut dyn Read, size: Option<u64>) -> io::Result<Vec<u8>> {
    const MOST: usize = 8 * 1024;
    let room = size.map_or(MOST, |n| {
        usize::try_from(n).unwrap_or(MOST).saturating_add(1)
    });
    let mut head = vec![0u8; room.clamp(MAGIC_ROOM, MOST)];
    let mut n = 0;
    loop {
        match input.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => {
                n += k;
                if !may_be_magic(&head[..n]) {
                    break;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    head.truncate(n);
    Ok(head)
}

/// `input` decompressed when it starts with the magic number of gzip or zstd, else as it is
/// (nothing is lost: the bytes looked at stay in the returned reader). Also gives the codec.
/// `size` is the source's size when it is known (a regular file).
pub fn decompressing(
    mut input: Box<dyn Read>,
    size: Option<u64>,
) -> io::Result<(Box<dyn Read>, Option<Codec>)> {
    let head = head(&mut input, size)?;
    let codec = Codec::detect(&head);
    let whole = io::Cursor::new(head).chain(input);
    let Some(codec) = codec else {
        return Ok((Box::new(whole), None));
    };
    let consumed = Rc::new(Cell::new(0));
    let source_failed = Rc::new(Cell::new(false));
    let buffered = BufReader::with_capacity(
        256 * 1024,
        Tally {
            inner: whole,
            read: consumed.clone(),
            failed: source_failed.clone(),
        },
    );
    let reader: Box<dyn Read> = match codec {
        Codec::Gzip => Box::new(Decoded {
            inner: flate2::bufread::MultiGzDecoder::new(buffered),
            codec: Codec::Gzip,
            consumed,
            source_failed,
        }),
        Codec::Zstd => Box::new(Decoded {
            inner: zstd::stream::read::Decoder::with_buffer(buffered)?,
            codec: Codec::Zstd,
            consumed,
            source_failed,
        }),
    };
    Ok((reader, Some(codec)))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const TEXT: &[u8] = b"{\"a\":1}\n{\"b\":2}\n";

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn zstd(data: &[u8]) -> Vec<u8> {
        zstd::stream::encode_all(data, 3).unwrap()
    }

    #[test]
    fn a_size_that_is_wrong_or_tiny_loses_nothing() {
        for bytes in [TEXT.to_vec(), gzip(TEXT), zstd(TEXT)] {
            // The size the walk read may be stale: smaller, zero or larger than the file now.
            for size in [0, 1, 3, bytes.len() as u64 - 1, bytes.len() as u64, 1 << 40] {
                let (mut r, _) =
                    decompressing(Box::new(io::Cursor::new(bytes.clone())), Some(size)).unwrap();
                let mut out = Vec::new();
                r.read_to_end(&mut out).unwrap();
                assert_eq!(out, TEXT, "size {size}");
            }
        }
    }

    fn read_all(bytes: Vec<u8>) -> (io::Result<Vec<u8>>, Option<Codec>) {
        let (mut r, codec) = decompressing(Box::new(io::Cursor::new(bytes)), None).unwrap();
        let mut out = Vec::new();
        (r.read_to_end(&mut out).map(|_| out), codec)
    }

    #[test]
    fn plain_text_passes_through_whole() {
        let (out, codec) = read_all(TEXT.to_vec());
        assert_eq!(out.unwrap(), TEXT);
        assert_eq!(codec, None);
        let (out, _) = read_all(Vec::new());
        assert_eq!(out.unwrap(), b"");
    }

    #[test]
    fn gzip_and_zstd_decompress_including_several_members() {
        let mut two = gzip(b"{\"a\":1}\n");
        two.extend(gzip(b"{\"b\":2}\n"));
        let (out, codec) = read_all(two);
        assert_eq!(out.unwrap(), TEXT);
        assert_eq!(codec, Some(Codec::Gzip));
        let mut two = zstd(b"{\"a\":1}\n");
        two.extend(zstd(b"{\"b\":2}\n"));
        let (out, codec) = read_all(two);
        assert_eq!(out.unwrap(), TEXT);
        assert_eq!(codec, Some(Codec::Zstd));
    }

    #[test]
    fn truncated_and_corrupt_streams_are_errors_that_say_where() {
        let big: Vec<u8> = TEXT.repeat(10_000);
        for (name, packed) in [("gzip", gzip(&big)), ("zstd", zstd(&big))] {
            let cut = packed[..packed.len() / 2].to_vec();
            let err = read_all(cut).0.unwrap_err().to_string();
            assert!(err.contains(name), "{err}");
            assert!(err.contains("near byte"), "{err}");
            let mut bad = packed.clone();
            let mid = bad.len() / 2;
            for b in &mut bad[mid..mid + 16] {
                *b ^= 0x5a;
            }
            let err = read_all(bad).0.unwrap_err().to_string();
            assert!(err.contains(name), "{err}");
        }
    }
}

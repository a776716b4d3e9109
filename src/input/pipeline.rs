//! Reading and checking on all cores, with results in input order.
//!
//! This is the one read path: every subcommand that reads payloads calls [`read`], so limits,
//! faults, positions, progress and `--jobs` behave the same everywhere.
//!
//! One thread reads: it takes the sources in turn ([`Sources`]: a folder's files as its walk
//! finds them, so reading starts before a large tree is listed), opens each, splits it into
//! records with the [`Reader`], unwraps envelopes, and hands the records over in batches (owned
//! copies of the records' bytes). The calling thread takes each batch, runs `work` on its records
//! in parallel (rayon), and passes the results to `consume` in the order the records came in. At
//! most a few batches exist at once, so memory stays flat whatever the size of the input; a
//! consumer error (a closed pipe) stops the reader. Notes on the walk travel in the same order.
//!
//! A few sources are listed ahead first ([`Sources::look_ahead`]): an input that is all there,
//! small and of regular files, is checked on this thread. With one job, or live input, nothing
//! is spawned either: records go straight from the reader to `work` and `consume`.

use std::io::{self, Read};
use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rayon::prelude::*;

use super::{
    Found, InputError, InputOptions, Item as ReaderItem, Reader, Record, RecordStatus, Sources,
    Watch, describe_io_error,
};
use crate::input::capture::{Delivery, unwrap_envelope};
use crate::input::compressed::decompressing;
use crate::model::finding::Fault;
use crate::model::origin::Origin;

/// Records per batch.
const BATCH_RECORDS: usize = 512;
/// Bytes per batch (a batch closes at whichever limit comes first).
const BATCH_BYTES: usize = 256 << 10;
/// Inputs made only of regular files smaller than this in all are checked on one thread: for
/// them, starting threads costs more than it saves ([`Sources::look_ahead`]).
const SMALL_INPUT: u64 = 4 << 20;
/// Batches waiting between the reader and the workers.
const BATCHES_IN_FLIGHT: usize = 2;
/// Bytes of batches sent and not yet checked, past which the reader waits (a batch goes out
/// alone whatever its size): large payloads are not queued up several at a time.
const BYTES_IN_FLIGHT: usize = 4 << 20;
/// The room a batch's buffer is made with: a batch closes past [`BATCH_BYTES`], so a buffer of
/// this size holds it without growing unless its last record is large.
const BATCH_ROOM: usize = BATCH_BYTES + (64 << 10);

/// The bytes of the batches sent to the workers and not yet done with.
#[derive(Default)]
struct InFlight {
    state: std::sync::Mutex<(usize, bool)>,
    freed: std::sync::Condvar,
}

impl InFlight {
    /// Waits until `n` more bytes fit (or nothing is in flight); false once the workers stopped.
    fn take(&self, n: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while !state.1 && state.0 > 0 && state.0 + n > BYTES_IN_FLIGHT {
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.0 += n;
        !state.1
    }

    /// `n` bytes are done with.
    fn give(&self, n: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 = state.0.saturating_sub(n);
        self.freed.notify_all();
    }

    /// The workers stopped: nothing more is taken.
    fn close(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1 = true;
        self.freed.notify_all();
    }
}

/// What the consumer receives, in input order.
#[derive(Debug)]
pub enum Event<R> {
    /// The result of `work` on a record.
    Done(R),
    /// An entry that is not a record (a structural fault, a broken envelope).
    Fault(Fault),
    /// A path that could not be read.
    InputError(InputError),
    /// A remark on the walk that loses nothing ([`Found::Note`]).
    Note(String),
}

struct OwnedRecord {
    origin: Origin,
    range: Range<usize>,
    status: RecordStatus,
    delivery: Option<Box<Delivery>>,
    deep: bool,
    members: Option<u32>,
}

enum Item {
    Record(OwnedRecord),
    Fault(Fault),
    InputError(InputError),
    Note(String),
}

#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    items: Vec<Item>,
    records: usize,
}

impl Batch {
    fn record<'a>(&'a self, r: &OwnedRecord) -> Record<'a> {
        Record {
            origin: r.origin.clone(),
            bytes: &self.bytes[r.range.clone()],
            status: r.status,
            delivery: r.delivery.clone(),
            deep: r.deep,
            members: r.members,
        }
    }
}

/// The reader's side: collects records into batches and sends them.
struct Batcher<'f> {
    tx: SyncSender<Batch>,
    current: Batch,
    in_flight: &'f InFlight,
    /// Buffers of batches that were done with, to be filled again: a run reuses the same few
    /// buffers instead of asking the allocator for a quarter of a megabyte per batch, which
    /// keeps the resident set flat (freed large blocks are not always given back).
    spare: Receiver<Vec<u8>>,
}

impl Batcher<'_> {
    fn send(&mut self) -> io::Result<()> {
        if self.current.items.is_empty() {
            return Ok(());
        }
        let bytes = self
            .spare
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(BATCH_ROOM));
        let batch = std::mem::replace(
            &mut self.current,
            Batch {
                bytes,
                ..Batch::default()
            },
        );
        let stopped = || io::Error::other("the consumer stopped");
        if !self.in_flight.take(batch.bytes.len()) {
            return Err(stopped());
        }
        self.tx.send(batch).map_err(|_| stopped())
    }

    fn push(&mut self, item: Item) -> io::Result<()> {
        self.current.items.push(item);
        if self.current.records >= BATCH_RECORDS || self.current.bytes.len() >= BATCH_BYTES {
            self.send()?;
        }
        Ok(())
    }
}

impl Sink for Batcher<'_> {
    fn record(&mut self, rec: Record<'_>) -> io::Result<()> {
        let start = self.current.bytes.len();
        self.current.bytes.extend_from_slice(rec.bytes);
        self.current.records += 1;
        let owned = OwnedRecord {
            origin: rec.origin,
            range: start..self.current.bytes.len(),
            status: rec.status,
            delivery: rec.delivery,
            deep: rec.deep,
            members: rec.members,
        };
        self.push(Item::Record(owned))
    }

    fn fault(&mut self, fault: Fault) -> io::Result<()> {
        self.push(Item::Fault(fault))
    }

    fn input_error(&mut self, error: &InputError) -> io::Result<()> {
        self.push(Item::InputError(error.clone()))
    }

    fn note(&mut self, note: String) -> io::Result<()> {
        self.push(Item::Note(note))
    }
}

/// With one job: work and consume as records come.
struct Inline<'f, W, C> {
    work: &'f W,
    consume: &'f mut C,
}

impl<R, W, C> Sink for Inline<'_, W, C>
where
    W: Fn(Record<'_>) -> R,
    C: FnMut(Event<R>) -> io::Result<()>,
{
    fn record(&mut self, rec: Record<'_>) -> io::Result<()> {
        (self.consume)(Event::Done((self.work)(rec)))
    }
    fn fault(&mut self, fault: Fault) -> io::Result<()> {
        (self.consume)(Event::Fault(fault))
    }
    fn input_error(&mut self, error: &InputError) -> io::Result<()> {
        (self.consume)(Event::InputError(error.clone()))
    }
    fn note(&mut self, note: String) -> io::Result<()> {
        (self.consume)(Event::Note(note))
    }
}

/// Receives the records of [`read_serial`], in order.
trait Sink {
    /// One record.
    fn record(&mut self, record: Record<'_>) -> io::Result<()>;
    /// A structural fault between records.
    fn fault(&mut self, fault: Fault) -> io::Result<()>;
    /// A path that could not be read (or a source that failed while being read).
    fn input_error(&mut self, error: &InputError) -> io::Result<()>;
    /// A remark on the walk.
    fn note(&mut self, note: String) -> io::Result<()>;
}

/// Counts the bytes read for the watcher.
struct Counting<'r> {
    inner: Box<dyn Read + 'r>,
    watch: Arc<dyn Watch>,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.watch.bytes(n as u64);
        Ok(n)
    }
}

/// Tells the watcher that the read ended, on every path out of it.
struct EndOnDrop<'w>(Option<&'w Arc<dyn Watch>>);

impl Drop for EndOnDrop<'_> {
    fn drop(&mut self) {
        if let Some(w) = self.0 {
            w.end();
        }
    }
}

/// Reads every source in order on this thread and hands each record to `sink`. Returns whether
/// any source could not be read. An error from the sink (e.g. a closed stdout) stops the run.
fn read_serial(sources: Sources, opts: &InputOptions, sink: &mut dyn Sink) -> io::Result<bool> {
    let mut trouble = false;
    let _end = EndOnDrop(opts.watch.as_ref());
    for found in sources {
        let opened = match found {
            Found::Source(s) => {
                let name = s.name();
                s.open(opts.stdin.as_ref())
                    .map(|(input, size)| (name, input, size))
            }
            Found::Unreadable(e) => Err(e),
            Found::Note(note) => {
                sink.note(note)?;
                continue;
            }
        };
        let (name, input, size) = match opened {
            Ok(o) => o,
            Err(e) => {
                trouble = true;
                sink.input_error(&e)?;
                continue;
            }
        };
        let input: Box<dyn Read> = match &opts.watch {
            Some(w) => Box::new(Counting {
                inner: input,
                watch: w.clone(),
            }),
            None => input,
        };
        // Progress counts the bytes of the source; the reader sees them decompressed.
        let (input, size, compressed) = match decompressing(input, size) {
            Ok((input, None)) => (input, size, false),
            Ok((input, Some(_))) => (input, None, true),
            Err(e) => {
                trouble = true;
                sink.input_error(&InputError {
                    path: name.to_string(),
                    message: describe_io_error(&e),
                })?;
                continue;
            }
        };
        if !read_source(name, input, size, compressed, opts, sink)? {
            trouble = true;
        }
    }
    Ok(trouble)
}

/// Reads one opened source; returns false when it failed while being read.
fn read_source(
    name: Arc<str>,
    input: Box<dyn Read>,
    size: Option<u64>,
    compressed: bool,
    opts: &InputOptions,
    sink: &mut dyn Sink,
) -> io::Result<bool> {
    let mut reader = Reader::with_size_hint(name.clone(), input, size)
        .with_mode(opts.mode)
        .with_max_payload(opts.max_payload)
        .with_max_depth(opts.max_depth)
        .require_entry(opts.require_payload);
    loop {
        match reader.next() {
            Ok(None) => return Ok(true),
            Ok(Some(ReaderItem::Record(rec))) => {
                let mut scratch = Vec::new();
                match unwrap_envelope(rec, opts.mode, opts.max_depth, &mut scratch) {
                    Ok(rec) => sink.record(rec)?,
                    Err(fault) => sink.fault(fault)?,
                }
            }
            Ok(Some(ReaderItem::Fault(f))) => sink.fault(Fault::from(f))?,
            // Compressed data that is corrupt or cut short is bad input, like binary data: a
            // failed entry where the decompressed text stops, not an unreadable file.
            Err(e) if compressed && e.kind() == io::ErrorKind::InvalidData => {
                sink.fault(Fault::from(reader.fault_here(e.to_string())))?;
                return Ok(true);
            }
            Err(e) => {
                sink.input_error(&InputError {
                    path: name.to_string(),
                    message: format!(
                        "read error after {} bytes: {}",
                        reader.offset(),
                        describe_io_error(&e)
                    ),
                })?;
                return Ok(false);
            }
        }
        if let Some(w) = &opts.watch {
            w.entry();
        }
    }
}

/// Reads `sources`, runs `work` on every record on `jobs` threads, and passes every event to
/// `consume` in input order. Returns whether a source could not be read.
pub fn read<R, W, C>(
    mut sources: Sources,
    opts: &InputOptions,
    jobs: usize,
    work: W,
    mut consume: C,
) -> io::Result<bool>
where
    R: Send,
    W: Fn(Record<'_>) -> R + Sync,
    C: FnMut(Event<R>) -> io::Result<()>,
{
    sources.watch(opts.watch.clone());
    // A few sources are listed ahead: a small input is checked on one thread, where starting
    // threads would cost more than they save.
    let small = sources.look_ahead(SMALL_INPUT);
    // Live input (a pipe, a terminal) is read record by record, each handed on as it
    // arrives: batches would hold the first records back until hundreds more came.
    if sources.live() || jobs <= 1 || small {
        let mut inline = Inline {
            work: &work,
            consume: &mut consume,
        };
        return read_serial(sources, opts, &mut inline);
    }
    let pool = pool(jobs)?;
    let in_flight = InFlight::default();
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Batch>(BATCHES_IN_FLIGHT);
        let (spare_tx, spare) = sync_channel::<Vec<u8>>(BATCHES_IN_FLIGHT + 2);
        let in_flight = &in_flight;
        let reader = scope.spawn(move || {
            let mut batcher = Batcher {
                tx,
                current: Batch {
                    bytes: Vec::with_capacity(BATCH_ROOM),
                    ..Batch::default()
                },
                in_flight,
                spare,
            };
            let trouble = read_serial(sources, opts, &mut batcher)?;
            batcher.send()?;
            Ok::<bool, io::Error>(trouble)
        });
        let mut stopped = None;
        for batch in rx.iter() {
            let size = batch.bytes.len();
            let results: Vec<Option<R>> = pool.install(|| {
                batch
                    .items
                    .par_iter()
                    .map(|item| match item {
                        Item::Record(r) => Some(work(batch.record(r))),
                        _ => None,
                    })
                    .collect()
            });
            let mut results = results.into_iter();
            for item in batch.items {
                let result = results.next().flatten();
                let event = match (item, result) {
                    (Item::Record(_), Some(r)) => Event::Done(r),
                    (Item::Fault(f), _) => Event::Fault(f),
                    (Item::InputError(e), _) => Event::InputError(e),
                    (Item::Note(n), _) => Event::Note(n),
                    (Item::Record(_), None) => continue,
                };
                if let Err(e) = consume(event) {
                    stopped = Some(e);
                    break;
                }
            }
            // The buffer goes back to the reader, unless a large payload made it grow.
            let mut bytes = batch.bytes;
            if bytes.capacity() <= 2 * BATCH_ROOM {
                bytes.clear();
                let _ = spare_tx.try_send(bytes);
            } else {
                drop(bytes);
            }
            in_flight.give(size);
            if stopped.is_some() {
                break;
            }
        }
        // Dropping the receiver (by leaving the loop) stops a reader that is still sending, and
        // one that waits for room.
        in_flight.close();
        drop(rx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the reader thread failed")));
        match stopped {
            Some(e) => Err(e),
            None => read,
        }
    })
}

/// The shared pool of worker threads, built on first use with `jobs` threads.
fn pool(jobs: usize) -> io::Result<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    if let Some(p) = POOL.get() {
        return Ok(p);
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(|i| format!("hlmsg-worker-{i}"))
        .build()
        .map_err(io::Error::other)?;
    Ok(POOL.get_or_init(|| built))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Source;
    use std::sync::Arc;

    fn run(input: &str, jobs: usize) -> Vec<String> {
        let opts = InputOptions {
            stdin: Some(Arc::from(input.as_bytes())),
            ..InputOptions::default()
        };
        let mut out = Vec::new();
        read(
            Sources::from(vec![Found::Source(Source::Stdin)]),
            &opts,
            jobs,
            |rec: Record<'_>| format!("{}:{}", rec.origin, String::from_utf8_lossy(rec.bytes)),
            |e| {
                out.push(match e {
                    Event::Done(s) => s,
                    Event::Fault(f) => format!("fault {}", f.diagnostic.message),
                    Event::InputError(e) => format!("error {e}"),
                    Event::Note(n) => format!("note {n}"),
                });
                Ok(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn parallel_results_come_in_input_order() {
        let mut input = String::new();
        for i in 0..5000 {
            input.push_str(&format!("{{\"n\":{i}}}\n"));
            if i % 997 == 0 {
                input.push_str("garbage\n");
            }
        }
        let one = run(&input, 1);
        let many = run(&input, 4);
        assert_eq!(one.len(), 5000 + 6);
        assert_eq!(one.iter().filter(|l| l.ends_with(":garbage")).count(), 6);
        assert_eq!(one, many);
    }

    #[test]
    fn a_consumer_error_stops_the_run() {
        let input = "{}\n".repeat(50_000);
        let opts = InputOptions {
            stdin: Some(Arc::from(input.as_bytes())),
            ..InputOptions::default()
        };
        let mut seen = 0;
        let result = read(
            Sources::from(vec![Found::Source(Source::Stdin)]),
            &opts,
            2,
            |_rec: Record<'_>| (),
            |_| {
                seen += 1;
                if seen == 10 {
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
        assert_eq!(seen, 10);
    }
}

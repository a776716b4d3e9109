//! Reading and checking on all cores, with results in input order.
//!
//! One thread reads: it splits the sources into records, as [`read_record_sources`] does, and
//! hands them over in batches (owned copies of the records' bytes). The calling thread takes each
//! batch, runs `work` on its records in parallel (rayon), and passes the results to `consume` in
//! the order the records came in. At most a few batches exist at once, so memory stays flat
//! whatever the size of the input; a consumer error (a closed pipe) stops the reader.
//!
//! With one job, nothing is spawned: records go straight from the reader to `work` and `consume`.

use std::io;
use std::ops::Range;
use std::sync::mpsc::{SyncSender, sync_channel};

use rayon::prelude::*;

use super::{
    InputError, InputOptions, Record, RecordSink, RecordStatus, Source, read_record_sources,
};
use crate::capture::Delivery;
use crate::origin::Origin;
use crate::payload::Fault;

/// Records per batch.
const BATCH_RECORDS: usize = 512;
/// Bytes per batch (a batch closes at whichever limit comes first).
const BATCH_BYTES: usize = 256 << 10;
/// Inputs made only of regular files smaller than this in all are checked on one thread: for
/// them, starting threads costs more than it saves.
const SMALL_INPUT: u64 = 4 << 20;
/// Batches waiting between the reader and the workers.
const BATCHES_IN_FLIGHT: usize = 2;

/// What the consumer receives, in input order.
#[derive(Debug)]
pub enum Event<R> {
    /// The result of `work` on a record.
    Done(R),
    /// An entry that is not a record (a structural fault, a broken envelope).
    Fault(Fault),
    /// A path that could not be read.
    InputError(InputError),
}

/// The number of jobs `--jobs 0` (the default) stands for: the number of cores.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
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
struct Batcher {
    tx: SyncSender<Batch>,
    current: Batch,
}

impl Batcher {
    fn send(&mut self) -> io::Result<()> {
        if self.current.items.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.current);
        self.tx
            .send(batch)
            .map_err(|_| io::Error::other("the consumer stopped"))
    }

    fn push(&mut self, item: Item) -> io::Result<()> {
        self.current.items.push(item);
        if self.current.records >= BATCH_RECORDS || self.current.bytes.len() >= BATCH_BYTES {
            self.send()?;
        }
        Ok(())
    }
}

impl RecordSink for Batcher {
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
}

/// With one job: work and consume as records come.
struct Inline<'f, W, C> {
    work: &'f W,
    consume: &'f mut C,
}

impl<R, W, C> RecordSink for Inline<'_, W, C>
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
}

/// Reads `sources`, runs `work` on every record on `jobs` threads, and passes every event to
/// `consume` in input order. Returns whether a source could not be read.
pub fn process<R, W, C>(
    sources: Vec<Result<Source, InputError>>,
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
    if jobs <= 1 || is_small(&sources) {
        let mut inline = Inline {
            work: &work,
            consume: &mut consume,
        };
        return read_record_sources(sources, opts, &mut inline);
    }
    let pool = pool(jobs)?;
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Batch>(BATCHES_IN_FLIGHT);
        let reader = scope.spawn(move || {
            let mut batcher = Batcher {
                tx,
                current: Batch::default(),
            };
            let trouble = read_record_sources(sources, opts, &mut batcher)?;
            batcher.send()?;
            Ok::<bool, io::Error>(trouble)
        });
        let mut stopped = None;
        for batch in rx.iter() {
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
                    (Item::Record(_), None) => continue,
                };
                if let Err(e) = consume(event) {
                    stopped = Some(e);
                    break;
                }
            }
            if stopped.is_some() {
                break;
            }
        }
        // Dropping the receiver (by leaving the loop) stops a reader that is still sending.
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

/// Whether every source is a regular file and together they are small.
fn is_small(sources: &[Result<Source, InputError>]) -> bool {
    let mut total = 0u64;
    for s in sources {
        match s {
            Ok(Source::File(p)) => match std::fs::metadata(p) {
                Ok(m) if m.is_file() => total += m.len(),
                _ => return false,
            },
            Ok(Source::Stdin) => return false,
            Err(_) => {}
        }
        if total >= SMALL_INPUT {
            return false;
        }
    }
    true
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
    use std::sync::Arc;

    fn run(input: &str, jobs: usize) -> Vec<String> {
        let opts = InputOptions {
            stdin: Some(Arc::from(input.as_bytes())),
            ..InputOptions::default()
        };
        let mut out = Vec::new();
        process(
            vec![Ok(Source::Stdin)],
            &opts,
            jobs,
            |rec: Record<'_>| format!("{}:{}", rec.origin, String::from_utf8_lossy(rec.bytes)),
            |e| {
                out.push(match e {
                    Event::Done(s) => s,
                    Event::Fault(f) => format!("fault {}", f.diagnostic.message),
                    Event::InputError(e) => format!("error {e}"),
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
        let result = process(
            vec![Ok(Source::Stdin)],
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

//! A progress bar on standard error for long reads (validate, classify, show, diff).
//!
//! The bar appears only when all of these hold: standard error is a terminal, `--no-progress`
//! was not given, and the run has read more than [`SIZE_THRESHOLD`] bytes or lasted longer than
//! [`TIME_THRESHOLD`]. It shows the bytes read, the payloads per second and, when every source is
//! a regular file (so the total is the sum of their sizes), a bar and an ETA. Short runs, pipes,
//! CI logs and redirected standard error never see it.
//!
//! How it hooks in:
//!
//! * [`Progress`] is the input layer's [`Watch`]: the input counts the bytes it reads and the
//!   entries it finds, the sources' sizes give the total ([`Progress::expect`]) once they are
//!   all listed (a large folder is read while it is walked: until the walk ends, the bar shows
//!   no total, as for a pipe), and the bar is cleared when reading ends, before the caller
//!   prints its summary.
//! * Output that shares the terminal with the bar goes through a [`Guard`]: it writes whole
//!   lines only, with the bar lifted off the screen for the moment, so lines and bar never mix.
//!
//! Whether a bar may appear at all is decided once per run, from the command line and the
//! terminal ([`super::Io::progress`]); an in-memory run never gets a bar.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use terminal_size::terminal_size_of;

use crate::input::{Source, Watch};
use crate::model::humanize;
use crate::render::progress::{Figures, line};
use crate::render::width::{MIN_WIDTH, fit};

/// A run that has read this many bytes shows the bar (about 50 MB).
pub const SIZE_THRESHOLD: u64 = 50_000_000;
/// A run that has lasted this long shows the bar.
pub const TIME_THRESHOLD: Duration = Duration::from_secs(1);
/// The bar is looked at once every this many entries.
const CHECK_EVERY: u64 = 64;
/// And its text is rewritten at most this often.
const REFRESH: Duration = Duration::from_millis(100);

/// The bar on screen, if any: the one that output through a [`Guard`] lifts off.
static VISIBLE: Mutex<Option<ProgressBar>> = Mutex::new(None);

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `f` with the bar, if one is on screen, lifted off it.
pub fn suspended<R>(f: impl FnOnce() -> R) -> R {
    let bar = lock(&VISIBLE).clone();
    match bar {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}

/// The progress of one run: shared by the sources it reads. Cheap to clone; the default does
/// nothing.
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<Meter>>);

struct Meter {
    start: Instant,
    /// The columns the line must fit (`--width`, `COLUMNS`); else the terminal's, asked as it
    /// draws so that a resized terminal is followed.
    width: Option<usize>,
    bytes: AtomicU64,
    entries: AtomicU64,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// The total size, while every source so far has a known size.
    total: Option<u64>,
    /// A source of unknown size was seen: no total, no ETA.
    unknown: bool,
    /// Every source has been listed: the total is the whole, and the ETA can be given.
    listed: bool,
    bar: Option<ProgressBar>,
    last_refresh: Option<Instant>,
    /// Whether a bar was ever shown: the run was long enough for a closing line.
    shown: bool,
    /// When reading ended.
    ended: Option<Instant>,
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Progress(active)"
        } else {
            "Progress(off)"
        })
    }
}

impl PartialEq for Progress {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Eq for Progress {}

impl Progress {
    /// Progress for a run starting now, for a run that may show a bar (`--no-progress` was not
    /// given and standard error is a terminal: see [`super::Io::progress`]). The default
    /// watches nothing.
    pub fn new(width: Option<usize>) -> Progress {
        Progress(Some(Arc::new(Meter {
            start: Instant::now(),
            width,
            bytes: AtomicU64::new(0),
            entries: AtomicU64::new(0),
            state: Mutex::new(State::default()),
        })))
    }

    /// Adds the size of `source` to the total; standard input or anything but a regular file
    /// makes the total unknown.
    pub fn expect(&self, source: &Source) {
        let Some(m) = &self.0 else { return };
        let mut state = lock(&m.state);
        match source.size() {
            Some(n) if !state.unknown => {
                state.total = Some(state.total.unwrap_or(0).saturating_add(n))
            }
            _ => {
                state.unknown = true;
                state.total = None;
            }
        }
    }

    /// Every source has been listed: the total is known, if every source has a size.
    pub fn listed(&self) {
        if let Some(m) = &self.0 {
            lock(&m.state).listed = true;
        }
    }

    /// One entry was read: shows or updates the bar when it is time.
    pub fn tick(&self) {
        let Some(m) = &self.0 else { return };
        let n = m.entries.fetch_add(1, Ordering::Relaxed) + 1;
        if n % CHECK_EVERY == 0 {
            m.refresh(false);
        }
    }

    /// Clears the bar now, if it is shown.
    pub fn pause(&self) {
        let Some(m) = &self.0 else { return };
        let bar = {
            let mut state = lock(&m.state);
            state.ended.get_or_insert_with(Instant::now);
            state.bar.take()
        };
        if let Some(bar) = bar {
            lock(&VISIBLE).take();
            bar.finish_and_clear();
        }
    }
}

impl Meter {
    /// The columns of the terminal the bar is on.
    fn columns(&self) -> usize {
        self.width
            .or_else(|| terminal_size_of(io::stderr()).map(|(w, _)| usize::from(w.0)))
            .unwrap_or(80)
    }

    fn refresh(&self, force: bool) {
        let now = Instant::now();
        let elapsed = now.duration_since(self.start);
        let bytes = self.bytes.load(Ordering::Relaxed);
        let entries = self.entries.load(Ordering::Relaxed);
        let mut state = lock(&self.state);
        if !force
            && state
                .last_refresh
                .is_some_and(|t| now.duration_since(t) < REFRESH)
        {
            return;
        }
        state.last_refresh = Some(now);
        if state.bar.is_none() {
            let big = bytes >= SIZE_THRESHOLD || state.total.is_some_and(|t| t >= SIZE_THRESHOLD);
            if !big && elapsed < TIME_THRESHOLD {
                return;
            }
            let bar = new_bar();
            *lock(&VISIBLE) = Some(bar.clone());
            state.bar = Some(bar);
            state.shown = true;
        }
        if let Some(bar) = &state.bar {
            let figures = Figures {
                bytes,
                // Before the listing ends, the total so far is only a part of it.
                total: state.total.filter(|_| state.listed),
                entries,
                elapsed,
            };
            bar.set_message(line(&figures, self.columns()));
        }
    }
}

/// A count of things done (deliveries answered, ...), with a bar when the total is known: shown
/// once the run has lasted [`TIME_THRESHOLD`], lifted by output through a [`Guard`], and gone
/// when dropped.
pub struct Counter {
    bar: ProgressBar,
    start: Instant,
    shown: bool,
}

impl Counter {
    /// A counter towards `total`, or an open count.
    pub fn new(total: Option<u64>, what: &str) -> Counter {
        let template = match total {
            Some(_) => format!("[{{wide_bar}}] {{human_pos}}/{{human_len}} {what} · ETA {{eta}}"),
            None => format!("{{spinner}} {{human_pos}} {what} · {{elapsed}}"),
        };
        let bar = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Counter {
            bar,
            start: Instant::now(),
            shown: false,
        }
    }

    /// One more done.
    pub fn inc(&mut self) {
        self.bar.inc(1);
        if !self.shown && self.start.elapsed() >= TIME_THRESHOLD {
            self.shown = true;
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            *lock(&VISIBLE) = Some(self.bar.clone());
        }
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        if self.shown {
            lock(&VISIBLE).take();
            self.bar.finish_and_clear();
        }
    }
}

/// The bar: one line, laid out by [`line`] to the terminal's width.
fn new_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg}") {
        bar.set_style(style);
    }
    bar
}

/// Takes the bar off the screen at once, from any thread: for an interrupted run, whose
/// process ends before the bar could be cleared in order.
pub fn clear_now() {
    let shown = VISIBLE.try_lock().map(|v| v.is_some()).unwrap_or(true);
    if shown {
        let mut err = io::stderr();
        let _ = err.write_all(b"\r\x1b[2K");
        let _ = err.flush();
    }
}

impl Watch for Progress {
    fn expect(&self, source: &Source) {
        Progress::expect(self, source);
    }

    fn listed(&self) {
        Progress::listed(self);
    }

    fn bytes(&self, n: u64) {
        if let Some(m) = &self.0 {
            m.bytes.fetch_add(n, Ordering::Relaxed);
        }
    }

    fn entry(&self) {
        self.tick();
    }

    fn end(&self) {
        self.pause();
    }

    fn closing_line(&self) -> Option<String> {
        let m = self.0.as_ref()?;
        let state = lock(&m.state);
        if !state.shown {
            return None;
        }
        let elapsed = state.ended?.duration_since(m.start);
        let secs = elapsed.as_secs_f64().max(0.001);
        let bytes = m.bytes.load(Ordering::Relaxed);
        let entries = m.entries.load(Ordering::Relaxed);
        let text = format!(
            "{} payloads, {} in {secs:.2} s ({} payloads/s, {}/s)",
            humanize::count(entries),
            humanize::bytes(bytes),
            humanize::count((entries as f64 / secs) as u64),
            humanize::bytes((bytes as f64 / secs) as u64),
        );
        // On the terminal the bar was on, at its width.
        Some(fit(&text, Some(m.columns().saturating_sub(1).max(MIN_WIDTH))).into_owned())
    }
}

/// A writer for a stream that shares the terminal with the bar. When `active`, it writes whole
/// lines only, each batch with the bar lifted off the screen, and keeps a partial last line
/// until its end arrives (or until [`Write::flush`]). When not active, it writes straight
/// through.
pub struct Guard<W: Write> {
    inner: W,
    active: bool,
    partial: Vec<u8>,
}

impl<W: Write> Guard<W> {
    /// Guards `inner` when `active` (the stream is the terminal a bar may appear on).
    pub fn new(inner: W, active: bool) -> Self {
        Guard {
            inner,
            active,
            partial: Vec::new(),
        }
    }

    fn write_lines(&mut self, lines: &[u8]) -> io::Result<()> {
        let Guard { inner, partial, .. } = self;
        suspended(|| {
            inner.write_all(partial)?;
            inner.write_all(lines)?;
            inner.flush()
        })?;
        partial.clear();
        Ok(())
    }
}

impl<W: Write> Write for Guard<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.active {
            return self.inner.write(buf);
        }
        match memchr::memrchr(b'\n', buf) {
            Some(i) => {
                self.write_lines(&buf[..=i])?;
                self.partial.extend_from_slice(&buf[i + 1..]);
            }
            None => {
                self.partial.extend_from_slice(buf);
                if self.partial.len() >= 64 * 1024 {
                    self.write_lines(&[])?;
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.active && !self.partial.is_empty() {
            self.write_lines(&[])?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Guard<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_by_default() {
        // The default has no meter, and watching with it does nothing; a new one has a meter.
        assert!(Progress::new(None) != Progress::default());
        let p = Progress::default();
        p.tick();
        Watch::bytes(&p, 3);
        p.pause();
        assert!(p.0.is_none());
    }

    #[test]
    fn counting_reader_counts() {
        let p = Progress::new(None);
        let meter = p.0.clone().expect("a new progress has a meter");
        Watch::bytes(&p, 600);
        Watch::bytes(&p, 400);
        assert_eq!(meter.bytes.load(Ordering::Relaxed), 1000);
        for _ in 0..10 {
            p.tick();
        }
        assert_eq!(meter.entries.load(Ordering::Relaxed), 10);
        // Under both thresholds: no bar.
        meter.refresh(true);
        assert!(lock(&meter.state).bar.is_none());
    }

    #[test]
    fn totals_add_up_until_a_source_has_no_size() {
        let a = std::path::PathBuf::from("a.json");
        let p = Progress::new(None);
        let meter = p.0.clone().expect("a new progress has a meter");
        let file = || Source::File(a.clone(), Some(3));
        p.expect(&file());
        p.expect(&file());
        assert_eq!(lock(&meter.state).total, Some(6));
        p.expect(&Source::Stdin);
        assert_eq!(lock(&meter.state).total, None);
        p.expect(&file());
        assert_eq!(lock(&meter.state).total, None);
    }

    #[test]
    fn guard_passes_bytes_through_in_order() {
        for active in [false, true] {
            let mut out = Vec::new();
            {
                let mut g = Guard::new(&mut out, active);
                g.write_all(b"one\ntw").unwrap();
                g.write_all(b"o\nthr").unwrap();
                g.write_all(b"ee").unwrap();
                g.flush().unwrap();
                g.write_all(b"\nfour").unwrap();
            }
            assert_eq!(out, b"one\ntwo\nthree\nfour", "active {active}");
        }
    }
}

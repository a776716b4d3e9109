//! The terminal facts of a run: whether each stream is a terminal, and when to color it.

use std::io::IsTerminal;

use crate::render::width::MIN_WIDTH;

/// When to color output (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Color when the stream is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    /// Always color, even into a pipe or a file.
    Always,
    /// Never color.
    Never,
}

impl ColorChoice {
    /// Decides for one stream: `--color` first, then `NO_COLOR`, then whether it is a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                !no_color && is_terminal
            }
        }
    }

    /// Decides for standard output.
    pub fn for_stdout(self) -> bool {
        self.enabled(std::io::stdout().is_terminal())
    }

    /// Decides for standard error.
    pub fn for_stderr(self) -> bool {
        self.enabled(std::io::stderr().is_terminal())
    }
}

/// `COLUMNS`, when it holds a usable width.
fn columns_env() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
}

/// The width a stream's human output fits in: `--width` when given (0: no limit); on a
/// terminal, `COLUMNS` when set, else the terminal's size, else 80; otherwise (a pipe, a file)
/// no limit. Never narrower than [`MIN_WIDTH`].
pub fn width(
    flag: Option<usize>,
    is_terminal: bool,
    size: impl FnOnce() -> Option<(terminal_size::Width, terminal_size::Height)>,
) -> Option<usize> {
    let n = match flag {
        Some(0) => return None,
        Some(n) => n,
        None if !is_terminal => return None,
        None => columns_env()
            .or_else(|| size().map(|(w, _)| usize::from(w.0)))
            .unwrap_or(80),
    };
    Some(n.max(MIN_WIDTH))
}

/// The width fixed for the progress bar whatever the terminal's size: `--width`, then
/// `COLUMNS`. `None`: the terminal's, asked as the bar is drawn.
pub fn fixed_width(flag: Option<usize>) -> Option<usize> {
    match flag {
        Some(0) => None,
        Some(n) => Some(n),
        None => columns_env(),
    }
    .map(|n| n.max(MIN_WIDTH))
}

/// Standard output when the input arrives over time (a pipe, a terminal): every complete line
/// is flushed at once, as `grep --line-buffered` does, so `tail -f log | hlmsg show -f compact`
/// shows each payload as it comes. Otherwise writes pass through to the buffer.
pub struct LineFlush<W> {
    inner: W,
    on: fn() -> bool,
}

impl<W> LineFlush<W> {
    /// Wraps `inner`; flushes per line while `on` says so.
    pub fn new(inner: W, on: fn() -> bool) -> Self {
        LineFlush { inner, on }
    }
}

impl<W: std::io::Write> std::io::Write for LineFlush<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        if memchr::memchr(b'\n', &buf[..n]).is_some() && (self.on)() {
            self.inner.flush()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A stream whose write errors name it: `cannot write to standard output: no space left on
/// device`, not a bare `No space left on device (os error 28)`. The error's kind is kept, so a
/// closed pipe is still told apart.
pub struct Named<W> {
    inner: W,
    name: &'static str,
}

impl<W> Named<W> {
    /// Wraps `inner`, called `name` in messages.
    pub fn new(inner: W, name: &'static str) -> Self {
        Named { inner, name }
    }

    fn named(&self, e: std::io::Error) -> std::io::Error {
        if e.kind() == std::io::ErrorKind::Interrupted {
            return e;
        }
        std::io::Error::new(
            e.kind(),
            format!(
                "cannot write to {}: {}",
                self.name,
                crate::input::describe_io_error(&e)
            ),
        )
    }
}

impl<W: std::io::Write> std::io::Write for Named<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.named(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| self.named(e))
    }
}

/// Standard error as a run writes to it: a write that fails (a closed pipe, a full disk) is
/// dropped, and so is every later one, so that a broken standard error neither stops the run nor
/// changes its exit code. The outcome is what the run found, whether or not it could say so.
pub struct Forgiving<W> {
    inner: W,
    broken: bool,
}

impl<W> Forgiving<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Forgiving {
            inner,
            broken: false,
        }
    }
}

impl<W: std::io::Write> std::io::Write for Forgiving<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.broken && self.inner.write_all(buf).is_err() {
            self.broken = true;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.broken && self.inner.flush().is_err() {
            self.broken = true;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_choice() {
        assert!(ColorChoice::Always.enabled(false));
        assert!(!ColorChoice::Never.enabled(true));
        assert!(!ColorChoice::Auto.enabled(false));
    }
}

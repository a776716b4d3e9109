//! Interrupts (Ctrl-C, and SIGTERM and SIGHUP): the run stops at once (exit code 130, [`super::exit::Outcome::Interrupted`]), and files being written are
//! removed rather than left half-written.
//!
//! Writers create their output under a temporary name, [`track`] it, and rename it into place
//! when complete (then [`untrack`] it). On an interrupt the binary calls [`cleanup`], which removes
//! every tracked file, and exits.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

static TEMPORARY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Held while a record is being appended to a file that must stay whole (`listen --record`):
/// an interrupt waits for the write to end.
static WRITING: Mutex<()> = Mutex::new(());

/// Holds off an interrupt until the returned guard is dropped.
pub fn writing() -> std::sync::MutexGuard<'static, ()> {
    WRITING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Held while files are renamed into place: an interrupt waits for the whole set.
static FINAL_STEP: Mutex<()> = Mutex::new(());

/// Runs `step` (the renames that put a run's files in place) so that an interrupt cannot cut
/// it short: the interrupt takes effect once every file is in place.
pub fn uninterrupted<T>(step: impl FnOnce() -> T) -> T {
    let _guard = FINAL_STEP.lock();
    step()
}

/// Records a temporary file to remove if the run is interrupted.
pub fn track(path: &Path) {
    if let Ok(mut files) = TEMPORARY.lock() {
        files.push(path.to_path_buf());
    }
}

/// Forgets a temporary file (it was renamed into place or removed).
pub fn untrack(path: &Path) {
    if let Ok(mut files) = TEMPORARY.lock() {
        files.retain(|p| p != path);
    }
}

/// Waits for a write or a final step under way, then removes every tracked temporary file.
pub fn cleanup() {
    let _step = FINAL_STEP.lock();
    // Held until the process exits, so that no new write starts (the unit tests go on).
    let guard = writing();
    if cfg!(not(test)) {
        std::mem::forget(guard);
    }
    if let Ok(mut files) = TEMPORARY.lock() {
        for path in files.drain(..) {
            let _ = std::fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleanup_removes_tracked_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.tmp");
        let b = dir.path().join("b.tmp");
        std::fs::write(&a, "x").unwrap();
        std::fs::write(&b, "x").unwrap();
        track(&a);
        track(&b);
        untrack(&b);
        cleanup();
        assert!(!a.exists());
        assert!(b.exists());
    }
}

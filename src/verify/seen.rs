//! The webhook ids a run has seen, for the duplicate check: a bounded window of the most recent
//! distinct ids, so that a run over any number of deliveries keeps a fixed amount of memory.
//!
//! An id is kept as its SHA-256 digest (a 10 MB `webhookId` costs 32 bytes), with where it was
//! first seen. Once [`WINDOW`] distinct ids are kept, the oldest is forgotten for each new one: a
//! repeat is caught when fewer than [`WINDOW`] other distinct ids came between the two.

use std::collections::{HashMap, VecDeque};

use sha2::{Digest, Sha256};

/// How many distinct webhook ids are remembered.
pub const WINDOW: usize = 100_000;

/// Where each of the most recent distinct ids was first seen.
#[derive(Debug)]
pub struct Seen {
    window: usize,
    first: HashMap<[u8; 32], String>,
    order: VecDeque<[u8; 32]>,
}

impl Default for Seen {
    fn default() -> Self {
        Seen::with_window(WINDOW)
    }
}

impl Seen {
    /// Remembers at most `window` ids (at least one).
    pub fn with_window(window: usize) -> Self {
        Seen {
            window: window.max(1),
            first: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// Where `id` was first seen, if it is in the window; else records it as seen at `origin`.
    pub fn check(&mut self, id: &str, origin: impl FnOnce() -> String) -> Option<String> {
        let key: [u8; 32] = Sha256::digest(id.as_bytes()).into();
        if let Some(first) = self.first.get(&key) {
            return Some(first.clone());
        }
        if self.order.len() == self.window
            && let Some(oldest) = self.order.pop_front()
        {
            self.first.remove(&oldest);
        }
        self.order.push_back(key);
        self.first.insert(key, origin());
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_within_the_window_are_caught_and_memory_is_bounded() {
        let mut seen = Seen::with_window(3);
        assert_eq!(seen.check("a", || "1".into()), None);
        assert_eq!(seen.check("b", || "2".into()), None);
        assert_eq!(seen.check("a", || "3".into()).as_deref(), Some("1"));
        assert_eq!(seen.check("c", || "4".into()), None);
        assert_eq!(seen.check("d", || "5".into()), None);
        // "a" was the oldest of three: forgotten.
        assert_eq!(seen.check("a", || "6".into()), None);
        assert_eq!(seen.check("d", || "7".into()).as_deref(), Some("5"));
        for i in 0..1000 {
            seen.check(&i.to_string(), String::new);
        }
        assert_eq!((seen.first.len(), seen.order.len()), (3, 3));
    }
}

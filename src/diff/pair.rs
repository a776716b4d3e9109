//! Pairs the payloads of two captures: by `messageId`, or by position.
//!
//! One side (the *kept* side, normally the smaller) is loaded into an [`Index`]; the other side
//! is then streamed through [`Index::take`], one payload at a time, and never held. Memory grows
//! with the kept side only.
//!
//! * A payload with a string `messageId` pairs with the payload of the other side that has the
//!   same `messageId`. When an id occurs several times on a side (a retried delivery), the n-th
//!   occurrence on one side pairs with the n-th on the other.
//! * A payload without one (no `messageId`, or one that is not a string) pairs by position: the
//!   n-th such payload on one side with the n-th such payload on the other.
//! * With `by_position`, every payload pairs by position and `messageId` is not looked at.

use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

use serde_json::Value;

/// How a payload is paired, and named in reports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    /// By its `messageId`.
    MessageId(Rc<str>),
    /// By position: 1-based, among the payloads of its side that pair by position.
    Position(u64),
}

impl Key {
    /// The `messageId`, when the payload pairs by it.
    pub fn message_id(&self) -> Option<&str> {
        match self {
            Key::MessageId(id) => Some(id),
            Key::Position(_) => None,
        }
    }

    /// The 1-based position, when the payload pairs by position.
    pub fn position(&self) -> Option<u64> {
        match self {
            Key::MessageId(_) => None,
            Key::Position(n) => Some(*n),
        }
    }
}

impl fmt::Display for Key {
    /// `messageId "abc"` or `payload #3` (not escaped for a terminal).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::MessageId(id) => write!(
                f,
                "messageId {}",
                crate::model::finding::show_value(&Value::String(id.to_string()))
            ),
            Key::Position(n) => write!(f, "payload #{n}"),
        }
    }
}

/// The `messageId` of a payload, when it is a string.
pub fn message_id(payload: &Value) -> Option<&str> {
    payload.get("messageId").and_then(Value::as_str)
}

struct Slot<T> {
    key: Key,
    item: T,
    matched: bool,
    /// The next slot with the same `messageId`, in insertion order.
    next: Option<usize>,
}

/// The kept side of a comparison of captures.
pub struct Index<T> {
    by_position: bool,
    slots: Vec<Slot<T>>,
    /// First unmatched and last slot of each `messageId`.
    by_id: HashMap<Rc<str>, (Option<usize>, usize)>,
    /// Slots that pair by position, in order.
    positional: Vec<usize>,
    /// How many payloads of the streamed side paired by position so far.
    streamed_positional: u64,
}

impl<T> Index<T> {
    /// An empty index; `by_position` pairs every payload by position.
    pub fn new(by_position: bool) -> Self {
        Index {
            by_position,
            slots: Vec::new(),
            by_id: HashMap::new(),
            positional: Vec::new(),
            streamed_positional: 0,
        }
    }

    /// The number of payloads kept.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether no payload is kept.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Whether any kept payload pairs by `messageId`.
    pub fn has_message_ids(&self) -> bool {
        !self.by_id.is_empty()
    }

    /// Keeps a payload of the kept side, with its `messageId` if it has one.
    pub fn insert(&mut self, message_id: Option<&str>, item: T) {
        let at = self.slots.len();
        let key = match message_id {
            Some(id) if !self.by_position => {
                let id: Rc<str> = match self.by_id.get_key_value(id) {
                    Some((k, _)) => k.clone(),
                    None => Rc::from(id),
                };
                match self.by_id.get_mut(&id) {
                    Some((head, tail)) => {
                        self.slots[*tail].next = Some(at);
                        *tail = at;
                        head.get_or_insert(at);
                    }
                    None => {
                        self.by_id.insert(id.clone(), (Some(at), at));
                    }
                }
                Key::MessageId(id)
            }
            _ => {
                self.positional.push(at);
                Key::Position(self.positional.len() as u64)
            }
        };
        self.slots.push(Slot {
            key,
            item,
            matched: false,
            next: None,
        });
    }

    /// Finds the partner of a payload of the streamed side (payloads must come in their order)
    /// and marks it matched. Returns the payload's key and its partner, if any.
    pub fn take(&mut self, message_id: Option<&str>) -> (Key, Option<&T>) {
        match message_id {
            Some(id) if !self.by_position => match self.by_id.get_key_value(id) {
                Some((k, &(head, tail))) => {
                    let key = Key::MessageId(k.clone());
                    match head {
                        Some(at) => {
                            let next = self.slots[at].next;
                            if let Some(entry) = self.by_id.get_mut(id) {
                                *entry = (next, tail);
                            }
                            let slot = &mut self.slots[at];
                            slot.matched = true;
                            (key, Some(&slot.item))
                        }
                        None => (key, None),
                    }
                }
                None => (Key::MessageId(Rc::from(id)), None),
            },
            _ => {
                let n = self.streamed_positional;
                self.streamed_positional += 1;
                let key = Key::Position(n + 1);
                match usize::try_from(n).ok().and_then(|n| self.positional.get(n)) {
                    Some(&at) => {
                        let slot = &mut self.slots[at];
                        slot.matched = true;
                        (key, Some(&slot.item))
                    }
                    None => (key, None),
                }
            }
        }
    }

    /// The kept payloads that found no partner, in insertion order.
    pub fn unmatched(&self) -> impl Iterator<Item = (&Key, &T)> {
        self.slots
            .iter()
            .filter(|s| !s.matched)
            .map(|s| (&s.key, &s.item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys<'a>(index: &'a Index<&'static str>) -> Vec<(Key, &'a str)> {
        index.unmatched().map(|(k, v)| (k.clone(), *v)).collect()
    }

    #[test]
    fn pairs_by_message_id_in_any_order() {
        let mut ix = Index::new(false);
        ix.insert(Some("a"), "L1");
        ix.insert(Some("b"), "L2");
        ix.insert(Some("c"), "L3");
        assert_eq!(ix.take(Some("c")).1, Some(&"L3"));
        assert_eq!(ix.take(Some("a")).1, Some(&"L1"));
        let (key, partner) = ix.take(Some("zz"));
        assert_eq!((key.message_id(), partner), (Some("zz"), None));
        assert_eq!(keys(&ix), vec![(Key::MessageId(Rc::from("b")), "L2")]);
    }

    #[test]
    fn repeated_ids_pair_in_order_of_occurrence() {
        let mut ix = Index::new(false);
        ix.insert(Some("a"), "first");
        ix.insert(Some("b"), "b");
        ix.insert(Some("a"), "second");
        assert_eq!(ix.take(Some("a")).1, Some(&"first"));
        assert_eq!(ix.take(Some("a")).1, Some(&"second"));
        assert_eq!(ix.take(Some("a")).1, None);
        assert_eq!(keys(&ix).len(), 1);
    }

    #[test]
    fn payloads_without_id_pair_by_position_among_themselves() {
        let mut ix = Index::new(false);
        ix.insert(None, "n1");
        ix.insert(Some("a"), "a");
        ix.insert(None, "n2");
        let (k, p) = ix.take(None);
        assert_eq!((k, p), (Key::Position(1), Some(&"n1")));
        assert_eq!(ix.take(Some("a")).1, Some(&"a"));
        assert_eq!(ix.take(None).1, Some(&"n2"));
        let (k, p) = ix.take(None);
        assert_eq!((k, p), (Key::Position(3), None));
        assert!(keys(&ix).is_empty());
    }

    #[test]
    fn by_position_ignores_ids() {
        let mut ix = Index::new(true);
        ix.insert(Some("a"), "L1");
        ix.insert(Some("b"), "L2");
        assert_eq!(ix.take(Some("b")).1, Some(&"L1"));
        assert!(!ix.has_message_ids());
        assert_eq!(keys(&ix), vec![(Key::Position(2), "L2")]);
    }

    #[test]
    fn keys_display() {
        assert_eq!(
            Key::MessageId(Rc::from("x\"y")).to_string(),
            "messageId \"x\\\"y\""
        );
        assert_eq!(Key::Position(4).to_string(), "payload #4");
    }
}

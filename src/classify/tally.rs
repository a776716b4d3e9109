//! Counts per channel over a whole run, in memory bounded whatever the input.

use std::collections::BTreeMap;

use super::{CallOutcome, Channel, Classification, Event};

/// How many distinct unknown `messageType` values the summary names; the rest are counted
/// together, so memory stays bounded whatever the input.
const MAX_UNKNOWN_VALUES: usize = 50;

/// Counts per channel.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Payloads classified.
    pub total: u64,
    /// Entries that were not JSON objects.
    pub unreadable: u64,
    /// Payloads per named channel, in the order of [`Channel::NAMED`].
    pub named: [u64; Channel::NAMED.len()],
    outcomes: [u64; CallOutcome::ALL.len()],
    /// Payloads per HighLevel event (message events and others; not unknown `type`s).
    pub events: BTreeMap<&'static str, u64>,
    /// Payloads per unknown `messageType` value, shortened to 60 characters (at most
    /// [`MAX_UNKNOWN_VALUES`] values).
    pub unknown: BTreeMap<String, u64>,
    /// Payloads of unknown channels past those values.
    pub unknown_other: u64,
}

impl Tally {
    /// Counts one classification.
    pub fn add(&mut self, c: &Classification) {
        self.total += 1;
        let event = match &c.event {
            Event::Outbound => Some(crate::model::event::OUTBOUND),
            Event::Inbound => Some(crate::model::event::INBOUND),
            Event::Provider => Some(crate::model::event::PROVIDER),
            Event::Other(name) => Some(*name),
            Event::Unknown(_) => None,
        };
        if let Some(name) = event {
            *self.events.entry(name).or_default() += 1;
        }
        if c.event.is_other() {
            return;
        }
        match &c.channel {
            Channel::Unknown(raw) => {
                // Kept shortened: a value may be megabytes long.
                let raw =
                    &crate::model::finding::shorten(raw, crate::model::finding::MAX_VALUE_CHARS);
                if let Some(n) = self.unknown.get_mut(raw) {
                    *n += 1;
                } else if self.unknown.len() < MAX_UNKNOWN_VALUES {
                    self.unknown.insert(raw.clone(), 1);
                } else {
                    self.unknown_other += 1;
                }
            }
            ch => self.named[ch.order()] += 1,
        }
        if let Some(call) = c.call {
            self.outcomes[call.outcome as usize] += 1;
        }
    }

    /// Payloads of a named channel.
    pub fn count(&self, ch: &Channel) -> u64 {
        match ch {
            Channel::Unknown(_) => self.unknown.values().sum::<u64>() + self.unknown_other,
            ch => self.named[ch.order()],
        }
    }

    /// Calls with an outcome.
    pub fn outcome(&self, o: CallOutcome) -> u64 {
        self.outcomes[o as usize]
    }

    /// Payloads of other HighLevel events (not messages), per event name.
    pub fn others(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.events
            .iter()
            .filter(|(name, _)| !crate::model::event::MESSAGE_EVENTS.contains(name))
            .map(|(name, n)| (*name, *n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_are_kept_short_and_few() {
        let mut t = Tally::default();
        for i in 0..60 {
            let raw = format!("{i:02}{}", "x".repeat(100_000));
            let c = Classification {
                channel: Channel::Unknown(raw),
                ..crate::classify::classify(&serde_json::Map::new())
            };
            t.add(&c);
        }
        assert_eq!(t.unknown.len(), MAX_UNKNOWN_VALUES);
        assert_eq!(t.unknown_other, 10);
        assert!(
            t.unknown.keys().all(|k| k.chars().count() <= 60),
            "{:?}",
            t.unknown.keys().next()
        );
    }
}

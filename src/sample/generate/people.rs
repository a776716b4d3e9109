//! The cast of a capture: the locations (one per business of the catalog, with its team, phone
//! number and chat widget), the contacts, and the app that receives the webhooks. It is drawn
//! once per run from a generator of its own, so that a change here never shifts the payloads'
//! draws.

use super::catalog::{AREA_CODES, BUSINESSES, Business, CONTACTS, FIRST_NAMES, LAST_NAMES};
use super::ids::{hex24, id20};
use super::rng::Rng;

/// A HighLevel location: one business of the catalog.
pub(super) struct Location {
    pub(super) id: [u8; 20],
    pub(super) business: &'static Business,
    pub(super) phone: String,
    /// The ids of its three team members, in the order of the business's staff.
    pub(super) users: [[u8; 20]; 3],
    pub(super) widget: [u8; 24],
}

/// A contact of one location.
pub(super) struct Contact {
    pub(super) id: [u8; 20],
    pub(super) first: &'static str,
    pub(super) last: &'static str,
    pub(super) phone: String,
}

/// Everyone a run's payloads are about.
pub(super) struct Cast {
    pub(super) locations: Vec<Location>,
    /// Contact `i` belongs to location `i % BUSINESSES.len()`.
    pub(super) contacts: Vec<Contact>,
    pub(super) app_id: [u8; 24],
    pub(super) version_id: [u8; 24],
}

impl Cast {
    /// The cast of a run seeded with `seed`.
    pub(super) fn new(seed: u64) -> Cast {
        // The pools come from their own generator, so that adding a pool never shifts the
        // payload stream.
        let mut pools = Rng::new(seed ^ 0x706F_6F6C_7321_0001);
        let locations = BUSINESSES
            .iter()
            .enumerate()
            .map(|(i, business)| Location {
                id: id20(pools.next_u64(), pools.next_u64()),
                business,
                phone: format!("+1{}5550{}", AREA_CODES[i * 2 % AREA_CODES.len()], 100 + i),
                users: [
                    id20(pools.next_u64(), pools.next_u64()),
                    id20(pools.next_u64(), pools.next_u64()),
                    id20(pools.next_u64(), pools.next_u64()),
                ],
                widget: hex24(pools.next_u64(), pools.next_u64()),
            })
            .collect();
        let contacts = (0..CONTACTS)
            .map(|_| Contact {
                id: id20(pools.next_u64(), pools.next_u64()),
                first: pools.pick(&FIRST_NAMES),
                last: pools.pick(&LAST_NAMES),
                phone: format!(
                    "+1{}5550{}",
                    pools.pick(&AREA_CODES),
                    100 + pools.below(100)
                ),
            })
            .collect();
        let app_id = hex24(pools.next_u64(), pools.next_u64());
        let version_id = hex24(pools.next_u64(), pools.next_u64());
        Cast {
            locations,
            contacts,
            app_id,
            version_id,
        }
    }
}

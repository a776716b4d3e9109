//! Synthetic `OutboundMessage` payloads for load tests and benchmarks (`hlmsg sample --count`).
//!
//! The generator writes realistic deliveries of the eight channels of HighLevel's documentation,
//! one compact JSON object per line, straight into a byte buffer (no `serde_json::Value` in
//! between), so a million payloads take about a second.
//!
//! ## Determinism
//!
//! Everything comes from a seeded xoshiro256* generator written here (seeded through SplitMix64,
//! as its authors recommend), never from the clock, the environment or a hash map's order. The
//! same seed, count, channels and rate give the same bytes on every machine and in every
//! version that does not say otherwise in the changelog.
//!
//! ## What a capture looks like
//!
//! * Channels, by share of payloads ([`WEIGHTS`]): SMS 55%, Email 12%, Call 9%, Live Chat 7%,
//!   FB 6%, IG 5%, Voicemail 3%, GMB 3%. `--channel` keeps the named channels in the same
//!   proportions to each other.
//! * Eight businesses (locations), each with three team members (users), a phone number, a mail
//!   domain and a chat widget; 4,096 contacts spread over them. A contact keeps one conversation
//!   per channel, so ids repeat the way they do in a real capture.
//! * `dateAdded` starts at 2025-09-01T08:00:00.000Z and moves forward 0 to 2.4 s per payload.
//! * A fifth of the payloads have the shape of newer deliveries ([`NEW_SHAPE_PERCENT`]):
//!   `messageTypeString`, `messageTypeId` (where HighLevel's number is known: 1 call, 2 SMS,
//!   10 voicemail), `from`/`to` phone numbers, `timestamp`, `webhookId`, `appId`, `versionId`.
//!   The rest have the older, shorter shape of the documentation's examples.
//! * Calls: 72% answered (`callStatus` `completed`, 10 s to 30 min), 28% reaching voicemail
//!   (`voicemail`, 8 to 60 s), each with its recording URL in `attachments`. Voicemail drops
//!   carry the dropped audio file. Emails have an HTML body, `subject`, `from`, `to`,
//!   `emailMessageId`, `threadId` and `provider`, sometimes a `cc` or a PDF attachment.
//! * Every valid payload passes `hlmsg validate --strict` with no finding at all.
//!
//! ## Invalid payloads
//!
//! With a rate R, exactly round(N × R) of the N payloads are invalid (halves round up). Which
//! ones is decided by selection sampling from a second generator of the same seed: payload i
//! (from 0) is invalid when a draw below N − i falls under the number of invalid payloads still
//! to place. Each invalid payload breaks the refined schema in one of four ways ([`Break`]),
//! drawn from that second generator too. The main generator makes the same draws either way,
//! so the valid payloads are byte for byte those of rate 0, and an invalid payload differs from
//! its rate-0 twin only where it is broken.
//!
//! ## Layout
//!
//! [`Generator`] keeps the state of a run. Per payload, `draws` makes every random choice, in a
//! fixed order, and `fields` writes the result with the JSON writer of `json`. The data comes
//! from `catalog` (businesses, names, templates, files) and `people` (the run's locations and
//! contacts); `rng`, `ids` and `dates` make the numbers, ids and dates.

mod catalog;
mod dates;
mod draws;
pub mod events;
mod fields;
mod ids;
mod json;
mod people;
mod rng;

pub use rng::{Rng, splitmix64};

use crate::classify::Channel;
use dates::Calendar;
use draws::{Context, Texts};
use people::Cast;

/// The channels and their shares of a capture, in per cent.
pub const WEIGHTS: [(Channel, u32); 8] = [
    (Channel::Sms, 55),
    (Channel::Email, 12),
    (Channel::Call, 9),
    (Channel::LiveChat, 7),
    (Channel::Fb, 6),
    (Channel::Ig, 5),
    (Channel::Voicemail, 3),
    (Channel::Gmb, 3),
];

/// Share of payloads, in per cent, with the fields of newer deliveries.
pub const NEW_SHAPE_PERCENT: u64 = 20;

/// How an invalid payload breaks the refined schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    /// `type` is `"OutboundMesage"`, a misspelled event (rule `unknown-event`, schema keyword
    /// `const`).
    TypeNotOutbound,
    /// `contactId` is missing (`required`).
    MissingContactId,
    /// `dateAdded` is `"09/16/2025 14:05:12"`-style, not RFC 3339 (`format`).
    BadDate,
    /// A value of the wrong type (`type`): a call's `callDuration` is a string such as `"187"`;
    /// on any other channel, `attachments` is a string instead of an array.
    WrongType,
}

impl Break {
    /// Every way, in the order the generator draws them.
    pub const ALL: [Break; 4] = [
        Break::TypeNotOutbound,
        Break::MissingContactId,
        Break::BadDate,
        Break::WrongType,
    ];
}

/// The number of invalid payloads among `count` for a rate: round(count × rate), halves up.
pub fn invalid_count(count: u64, rate: f64) -> u64 {
    let rate = if rate.is_finite() {
        rate.clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((count as f64 * rate).round() as u64).min(count)
}

/// The settings of one run.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The seed.
    pub seed: u64,
    /// How many payloads.
    pub count: u64,
    /// The channels to generate (empty: all eight).
    pub channels: Vec<Channel>,
    /// The share of invalid payloads, from 0 to 1.
    pub invalid_rate: f64,
    /// Whether to write a mixed capture: every event a webhook URL receives, in the shares of
    /// [`events::EVENT_WEIGHTS`], rather than `OutboundMessage` alone.
    pub events: bool,
}

/// Writes synthetic payloads one at a time. See the module documentation.
pub struct Generator {
    seed: u64,
    rng: Rng,
    marks: Rng,
    /// Draws each payload's event in a mixed capture (a stream of its own, so the message
    /// payloads are drawn the same either way).
    mix: Option<Rng>,
    weights: Vec<(Channel, u32)>,
    cast: Cast,
    calendar: Calendar,
    now_ms: i64,
    count: u64,
    index: u64,
    invalid_left: u64,
    texts: Texts,
    scratch: Vec<u8>,
    day: Vec<u8>,
    link: Vec<u8>,
}

impl Generator {
    /// A generator for `settings`. Channels other than the eight of the documentation are
    /// ignored; with none left, all eight are generated.
    pub fn new(settings: &Settings) -> Generator {
        let seed = settings.seed;
        let mut weights: Vec<(Channel, u32)> = WEIGHTS
            .iter()
            .filter(|(c, _)| settings.channels.is_empty() || settings.channels.contains(c))
            .cloned()
            .collect();
        if weights.is_empty() {
            weights = WEIGHTS.to_vec();
        }
        Generator {
            seed,
            rng: Rng::new(seed),
            marks: Rng::new(seed ^ 0x696E_7661_6C69_6421),
            mix: settings
                .events
                .then(|| Rng::new(seed ^ 0x6576_656E_7473_2121)),
            weights,
            cast: Cast::new(seed),
            calendar: Calendar::new(),
            now_ms: dates::start_ms(),
            count: settings.count,
            index: 0,
            invalid_left: invalid_count(settings.count, settings.invalid_rate),
            texts: Texts::default(),
            scratch: Vec::with_capacity(1024),
            day: Vec::with_capacity(16),
            link: Vec::with_capacity(64),
        }
    }

    /// Whether every payload has been written.
    pub fn is_done(&self) -> bool {
        self.index >= self.count
    }

    /// Appends the next payload, a compact JSON object and a line feed, to `out`. Returns how
    /// it was broken, if it was.
    pub fn next_into(&mut self, out: &mut Vec<u8>) -> Option<Break> {
        let left = self.count.saturating_sub(self.index).max(1);
        let broken = if self.invalid_left > 0 && self.marks.below(left) < self.invalid_left {
            self.invalid_left -= 1;
            Some(self.marks.pick(&Break::ALL))
        } else {
            None
        };
        self.index += 1;
        let kind = match &mut self.mix {
            // A broken payload is always a message, so the count of failures stays exact.
            Some(mix) => match mix.weighted(&events::EVENT_WEIGHTS) {
                k if broken.is_some() && !k.is_message() => events::Kind::Outbound,
                k => k,
            },
            None => events::Kind::Outbound,
        };
        self.write_payload(out, broken, kind);
        broken
    }

    /// Draws one payload, then writes it as `kind`.
    fn write_payload(&mut self, out: &mut Vec<u8>, broken: Option<Break>, kind: events::Kind) {
        let common = draws::common(
            &mut self.rng,
            self.seed,
            &self.weights,
            &mut self.now_ms,
            &mut self.calendar,
            &mut self.day,
        );
        let location = &self.cast.locations[common.location];
        let contact = &self.cast.contacts[common.contact];
        self.link.clear();
        self.link.extend_from_slice(b"https://");
        self.link
            .extend_from_slice(location.business.slug.as_bytes());
        self.link.extend_from_slice(b".example.com");
        let cx = Context {
            fill: catalog::Fill {
                first: contact.first,
                biz: location.business.name,
                staff: location.business.staff[common.staff],
                link: &self.link,
                day: &self.day,
                time: common.time,
                code: &common.code[..8],
            },
            location_id: &location.id,
            message_id: &common.message_id,
            conversation: &common.conversation,
        };
        let specific = draws::specific(&mut self.rng, &common.channel, &cx, &mut self.texts);
        let draft = fields::Draft {
            common: &common,
            specific: &specific,
            texts: &self.texts,
            late: draws::late(&mut self.rng, common.new_shape),
            broken,
            cast: &self.cast,
            inbound: kind == events::Kind::Inbound && kind.fits(&common.channel),
        };
        if kind.is_message() {
            fields::write(out, &draft, &mut self.calendar, &mut self.scratch);
        } else {
            events::write(out, kind, &draft, &mut self.calendar);
        }
    }
}

/// NDJSON of `count` generated payloads of every event, a third of them broken, from `seed`.
#[cfg(test)]
pub(crate) fn corpus(seed: u64, count: u64) -> Vec<u8> {
    let settings = Settings {
        seed,
        count,
        channels: Vec::new(),
        invalid_rate: 0.3,
        events: true,
    };
    let mut text = Vec::new();
    let mut generator = Generator::new(&settings);
    while !generator.is_done() {
        generator.next_into(&mut text);
    }
    text
}

#[cfg(test)]
mod tests;

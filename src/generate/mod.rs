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

use crate::channel::Channel;

/// SplitMix64: one step. Seeds [`Rng`] and derives stable ids from keys.
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256*, a small, fast generator with good statistical quality.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator seeded from `seed` through SplitMix64.
    pub fn new(seed: u64) -> Rng {
        let mut sm = seed;
        Rng {
            s: [
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
            ],
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (`0` when `n` is 0), by multiply-and-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// True `percent` times in a hundred.
    pub fn percent(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `items`, uniformly.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// A value from `(value, weight)` pairs, in proportion to the weights.
    pub fn weighted<T: Clone>(&mut self, table: &[(T, u32)]) -> T {
        let total: u64 = table.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.below(total);
        for (v, w) in table {
            if x < u64::from(*w) {
                return v.clone();
            }
            x -= u64::from(*w);
        }
        table[table.len() - 1].0.clone()
    }
}

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
    /// `type` is `"InboundMessage"` (schema keyword `const`).
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

const ALNUM: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HEX: &[u8; 16] = b"0123456789abcdef";

/// A 20-character alphanumeric id, HighLevel's style, from two random words.
fn id20(a: u64, b: u64) -> [u8; 20] {
    let mut out = [0u8; 20];
    for (half, mut x) in [a, b].into_iter().enumerate() {
        for slot in &mut out[half * 10..half * 10 + 10] {
            *slot = ALNUM[(x % 62) as usize];
            x /= 62;
        }
    }
    out
}

/// A 24-digit hexadecimal id (the style of `appId`, `versionId`, `chatWidgetId`).
fn hex24(a: u64, b: u64) -> [u8; 24] {
    let mut out = [0u8; 24];
    for (i, slot) in out.iter_mut().enumerate() {
        let word = if i < 16 { a } else { b };
        *slot = HEX[((word >> ((i % 16) * 4)) & 15) as usize];
    }
    out
}

/// A stable id for `key` within a run seeded with `seed`.
fn derived_id(seed: u64, key: u64) -> [u8; 20] {
    let mut s = seed ^ key.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let a = splitmix64(&mut s);
    let b = splitmix64(&mut s);
    id20(a, b)
}

struct Business {
    name: &'static str,
    slug: &'static str,
    staff: [&'static str; 3],
}

const BUSINESSES: [Business; 8] = [
    Business {
        name: "Bright Smile Dental",
        slug: "brightsmile",
        staff: ["Riley Chen", "Morgan Patel", "Jamie Rivera"],
    },
    Business {
        name: "Summit Roofing",
        slug: "summitroofing",
        staff: ["Dana Brooks", "Luis Ortega", "Kim Nguyen"],
    },
    Business {
        name: "Glow Med Spa",
        slug: "glowmedspa",
        staff: ["Ava Thompson", "Priya Shah", "Chloe Martin"],
    },
    Business {
        name: "Iron Peak Fitness",
        slug: "ironpeak",
        staff: ["Marcus Reed", "Tess Walker", "Omar Haddad"],
    },
    Business {
        name: "Harbor Realty Group",
        slug: "harborrealty",
        staff: ["Grace Kim", "Ethan Cole", "Sofia Rossi"],
    },
    Business {
        name: "Oakwood Law",
        slug: "oakwoodlaw",
        staff: ["Hannah Price", "David Levin", "Nora Quinn"],
    },
    Business {
        name: "Precision Auto Care",
        slug: "precisionauto",
        staff: ["Tony Russo", "Bea Alvarez", "Sam Okafor"],
    },
    Business {
        name: "Bloom Hair Studio",
        slug: "bloomhair",
        staff: ["Lily Evans", "Jade Morales", "Zoe Fischer"],
    },
];

/// How busy each business is (share of payloads), in the order of [`BUSINESSES`].
const BUSINESS_WEIGHTS: [(usize, u32); 8] = [
    (0, 24),
    (1, 9),
    (2, 16),
    (3, 12),
    (4, 14),
    (5, 6),
    (6, 11),
    (7, 8),
];

const FIRST_NAMES: [&str; 40] = [
    "Jordan", "Taylor", "Alex", "Casey", "Jamie", "Morgan", "Avery", "Riley", "Quinn", "Peyton",
    "Emma", "Olivia", "Liam", "Noah", "Sophia", "Mia", "Lucas", "Ethan", "Isabella", "Amelia",
    "Mateo", "Harper", "Elijah", "Evelyn", "James", "Aria", "Benjamin", "Chloe", "Daniel", "Grace",
    "Henry", "Layla", "Jack", "Nora", "Leo", "Zoey", "Owen", "Maya", "Samuel", "Ruby",
];

const LAST_NAMES: [&str; 40] = [
    "Lee", "Smith", "Johnson", "Garcia", "Brown", "Davis", "Miller", "Wilson", "Moore", "Clark",
    "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Lopez", "Hill", "Scott", "Green",
    "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Perez", "Roberts", "Turner", "Phillips",
    "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
    "Rogers", "Reed",
];

const AREA_CODES: [&str; 20] = [
    "212", "213", "305", "312", "404", "415", "469", "480", "503", "512", "602", "617", "646",
    "702", "713", "720", "786", "813", "858", "917",
];

const MAIL_DOMAINS: [&str; 3] = ["example.com", "example.org", "example.net"];

const CONTACTS: usize = 4096;

struct Location {
    id: [u8; 20],
    business: &'static Business,
    phone: String,
    users: [[u8; 20]; 3],
    widget: [u8; 24],
}

struct Contact {
    id: [u8; 20],
    first: &'static str,
    last: &'static str,
    phone: String,
}

const SMS_TEMPLATES: [&str; 12] = [
    "Hi {first}, this is {biz} reminding you of your appointment on {day} at {time}. Reply C to confirm or R to reschedule.",
    "Hi {first}! Thanks for choosing {biz}. How did we do? Leave us a quick review: {link}/review",
    "{biz}: your appointment is confirmed for {day} at {time}. See you soon!",
    "Hi {first}, {staff} from {biz} here. Just following up on your inquiry. Do you have a few minutes to chat today?",
    "Hi {first}, we just had an opening on {day} at {time}. Want me to book it for you?",
    "Thanks {first}! We received your payment. Your receipt: {link}/r/{code}",
    "{biz}: we missed you today! Book your next visit at {link}/book. Reply STOP to opt out.",
    "Hi {first}, a friendly reminder that your balance is due {day}. Pay securely here: {link}/pay/{code}",
    "Sounds good, see you then!",
    "Hi {first}, it's {staff} at {biz}. Your order is ready for pickup. We're open until 6 PM.",
    "Got it, thanks {first}. I'll let {staff} know and we'll call you back shortly.",
    "{biz}: this week only, 20% off for returning clients. Book at {link}/book. Reply STOP to opt out.",
];

const CHAT_TEMPLATES: [&str; 8] = [
    "Hi {first}! Thanks for reaching out. Yes, we have availability on {day} at {time}. Would that work for you?",
    "Great question! Our hours are Mon-Fri 8 AM-6 PM and Sat 9 AM-1 PM.",
    "Here's the link to book online: {link}/book",
    "Thanks for the kind words, {first}! We look forward to seeing you again.",
    "You're all set for {day} at {time}. See you then!",
    "Hi there! I can help with that. What day works best for you?",
    "Absolutely, {staff} can help you with that. What's the best number to reach you?",
    "We're on the 2nd floor, right above the bakery. Free parking in the back!",
];

#[derive(Clone, Copy)]
struct EmailTemplate {
    subject: &'static str,
    body: &'static str,
}

const EMAIL_TEMPLATES: [EmailTemplate; 5] = [
    EmailTemplate {
        subject: "Your appointment on {day} is confirmed",
        body: "<div style=\"font-family: arial, helvetica, sans-serif; font-size: 11pt;\"><p>Hi {first},</p><p>Thanks for booking with {biz}. Your appointment is confirmed for <strong>{day} at {time}</strong>.</p><p>See you soon,<br>{staff}</p></div>",
    },
    EmailTemplate {
        subject: "Following up on your inquiry",
        body: "<div style=\"font-family: verdana, geneva; font-size: 11pt;\"><p>Hi {first},</p><p>I wanted to follow up on your request. Do you have time for a quick call this week?</p><p>Best,<br>{staff}<br>{biz}</p></div>",
    },
    EmailTemplate {
        subject: "Your invoice from {biz}",
        body: "<div><p>Hi {first},</p><p>Your invoice is ready. You can view and pay it online: <a href=\"{link}/pay/{code}\">{link}/pay/{code}</a></p><p>Thank you for your business!</p></div>",
    },
    EmailTemplate {
        subject: "How did we do, {first}?",
        body: "<div><p>Hi {first},</p><p>Thanks for visiting {biz}! Would you take a minute to tell us how we did?</p><p><a href=\"{link}/review\">Leave a review</a></p><p>{staff}</p></div>",
    },
    EmailTemplate {
        subject: "{first}, a little thank-you from {biz}",
        body: "<div style=\"font-size: 11pt;\"><p>Hi {first},</p><p>As a thank-you, enjoy 20% off your next visit. Book before {day}: <a href=\"{link}/book\">{link}/book</a></p><p>{staff}</p></div>",
    },
];

const TIMES: [&str; 12] = [
    "8:30 AM", "9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM", "11:15 AM", "1:00 PM", "1:45 PM",
    "2:30 PM", "3:00 PM", "4:15 PM", "5:30 PM",
];

const VOICEMAIL_FILES: [&str; 4] = [
    "appointment-follow-up",
    "missed-you",
    "seasonal-offer",
    "payment-reminder",
];

const MEDIA_FILES: [&str; 5] = [
    "photo.jpg",
    "office-map.jpg",
    "price-list.pdf",
    "before-after.jpg",
    "coupon.png",
];

const DOCUMENTS: [&str; 4] = [
    "invoice.pdf",
    "new-patient-forms.pdf",
    "estimate.pdf",
    "welcome-guide.pdf",
];

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Milliseconds since the Unix epoch of 2025-09-01T08:00:00Z, where every capture starts.
const START_MS: i64 = (days_from_civil(2025, 9, 1) * 86_400 + 8 * 3600) * 1000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day since 1970-01-01: (year, month, day).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn push_digits(buf: &mut Vec<u8>, value: i64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut v = value.unsigned_abs();
    let mut i = digits.len();
    while v > 0 || i == digits.len() {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    for _ in (digits.len() - i)..width {
        buf.push(b'0');
    }
    buf.extend_from_slice(&digits[i..]);
}

/// `2025-09-16T14:05:12.418Z`.
fn push_rfc3339(buf: &mut Vec<u8>, ms: i64) {
    let secs = ms.div_euclid(1000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    push_digits(buf, y, 4);
    buf.push(b'-');
    push_digits(buf, m, 2);
    buf.push(b'-');
    push_digits(buf, d, 2);
    buf.push(b'T');
    push_digits(buf, sod / 3600, 2);
    buf.push(b':');
    push_digits(buf, sod / 60 % 60, 2);
    buf.push(b':');
    push_digits(buf, sod % 60, 2);
    buf.push(b'.');
    push_digits(buf, ms.rem_euclid(1000), 3);
    buf.push(b'Z');
}

/// `09/16/2025 14:05:12`: a date as a careless sender writes it (not RFC 3339).
fn push_us_date(buf: &mut Vec<u8>, ms: i64) {
    let secs = ms.div_euclid(1000);
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    push_digits(buf, m, 2);
    buf.push(b'/');
    push_digits(buf, d, 2);
    buf.push(b'/');
    push_digits(buf, y, 4);
    buf.push(b' ');
    push_digits(buf, sod / 3600, 2);
    buf.push(b':');
    push_digits(buf, sod / 60 % 60, 2);
    buf.push(b':');
    push_digits(buf, sod % 60, 2);
}

/// `Tue, Sep 23`: the day `days` days after the day of `ms`.
fn push_day(buf: &mut Vec<u8>, ms: i64, days: i64) {
    let day = ms.div_euclid(86_400_000) + days;
    let (_, m, d) = civil_from_days(day);
    buf.extend_from_slice(WEEKDAYS[day.rem_euclid(7) as usize].as_bytes());
    buf.extend_from_slice(b", ");
    buf.extend_from_slice(MONTHS[(m - 1) as usize].as_bytes());
    buf.push(b' ');
    push_digits(buf, d, 1);
}

/// Appends `text` as the inside of a JSON string.
fn push_escaped(buf: &mut Vec<u8>, text: &[u8]) {
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        if b != b'"' && b != b'\\' && b >= 0x20 {
            continue;
        }
        buf.extend_from_slice(&text[start..i]);
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            _ => {
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[usize::from(b >> 4)]);
                buf.push(HEX[usize::from(b & 15)]);
            }
        }
        start = i + 1;
    }
    buf.extend_from_slice(&text[start..]);
}

/// Writes one JSON object, field by field, keys in the order given.
struct Obj<'a> {
    buf: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Obj<'a> {
    fn new(buf: &'a mut Vec<u8>) -> Self {
        buf.push(b'{');
        Obj { buf, first: true }
    }

    fn key(&mut self, key: &str) -> &mut Vec<u8> {
        if !self.first {
            self.buf.push(b',');
        }
        self.first = false;
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\":");
        self.buf
    }

    /// A string that needs no escaping (ids, names from the tables above).
    fn plain(&mut self, key: &str, value: &[u8]) {
        let buf = self.key(key);
        buf.push(b'"');
        buf.extend_from_slice(value);
        buf.push(b'"');
    }

    fn text(&mut self, key: &str, value: &[u8]) {
        let buf = self.key(key);
        buf.push(b'"');
        push_escaped(buf, value);
        buf.push(b'"');
    }

    fn number(&mut self, key: &str, value: i64) {
        let buf = self.key(key);
        push_digits(buf, value, 1);
    }

    fn date(&mut self, key: &str, ms: i64) {
        let buf = self.key(key);
        buf.push(b'"');
        push_rfc3339(buf, ms);
        buf.push(b'"');
    }

    /// An array of strings that need no escaping.
    fn list(&mut self, key: &str, items: &[&[u8]]) {
        let buf = self.key(key);
        buf.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            buf.push(b'"');
            buf.extend_from_slice(item);
            buf.push(b'"');
        }
        buf.push(b']');
    }

    fn end(self) {
        self.buf.extend_from_slice(b"}\n");
    }
}

/// What a template's placeholders stand for.
struct Fill<'a> {
    first: &'a str,
    biz: &'a str,
    staff: &'a str,
    link: &'a [u8],
    day: &'a [u8],
    time: &'a str,
    code: &'a [u8],
}

/// Appends `template` with its `{placeholders}` filled in.
fn fill(out: &mut Vec<u8>, template: &str, f: &Fill<'_>) {
    let mut rest = template.as_bytes();
    while let Some(open) = rest.iter().position(|&b| b == b'{') {
        out.extend_from_slice(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.iter().position(|&b| b == b'}') else {
            rest = &rest[open..];
            break;
        };
        let value: &[u8] = match &after[..close] {
            b"first" => f.first.as_bytes(),
            b"biz" => f.biz.as_bytes(),
            b"staff" => f.staff.as_bytes(),
            b"link" => f.link,
            b"day" => f.day,
            b"time" => f.time.as_bytes(),
            b"code" => f.code,
            other => other,
        };
        out.extend_from_slice(value);
        rest = &after[close + 1..];
    }
    out.extend_from_slice(rest);
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
}

/// Writes synthetic payloads one at a time. See the module documentation.
pub struct Generator {
    seed: u64,
    rng: Rng,
    marks: Rng,
    weights: Vec<(Channel, u32)>,
    locations: Vec<Location>,
    contacts: Vec<Contact>,
    app_id: [u8; 24],
    version_id: [u8; 24],
    now_ms: i64,
    count: u64,
    index: u64,
    invalid_left: u64,
    scratch: Vec<u8>,
    day: Vec<u8>,
    link: Vec<u8>,
}

impl Generator {
    /// A generator for `settings`. Channels other than the eight of the documentation are
    /// ignored; with none left, all eight are generated.
    pub fn new(settings: &Settings) -> Generator {
        let seed = settings.seed;
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
            weights,
            locations,
            contacts,
            app_id,
            version_id,
            now_ms: START_MS,
            count: settings.count,
            index: 0,
            invalid_left: invalid_count(settings.count, settings.invalid_rate),
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
        self.write_payload(out, broken);
        broken
    }

    fn write_payload(&mut self, out: &mut Vec<u8>, broken: Option<Break>) {
        let rng = &mut self.rng;
        self.now_ms += rng.below(2400) as i64;
        let date_ms = self.now_ms;
        let channel = rng.weighted(&self.weights);
        let loc_index = rng.weighted(&BUSINESS_WEIGHTS);
        let loc = &self.locations[loc_index];
        let contact_index =
            loc_index + BUSINESSES.len() * rng.below((CONTACTS / BUSINESSES.len()) as u64) as usize;
        let contact = &self.contacts[contact_index];
        let channel_no = channel.order() as u64;
        let conversation = derived_id(
            self.seed,
            (contact_index as u64) << 8 | channel_no | 0x1_0000_0000,
        );
        let message_id = id20(rng.next_u64(), rng.next_u64());
        let new_shape = rng.percent(NEW_SHAPE_PERCENT);
        let staff_no = rng.below(3) as usize;
        let source: &str = match channel {
            Channel::Voicemail => rng.pick(&["workflow", "bulk_actions"]),
            Channel::Call => rng.weighted(&[("app", 85), ("mobile_app", 15)]),
            Channel::Sms | Channel::Email => rng.weighted(&[
                ("app", 40),
                ("workflow", 35),
                ("bulk_actions", 10),
                ("campaign", 8),
                ("api", 7),
            ]),
            _ => rng.weighted(&[("app", 85), ("mobile_app", 15)]),
        };
        // Messages that a person sent carry their user id.
        let by_person = matches!(source, "app" | "mobile_app" | "bulk_actions");

        // Template placeholders.
        self.day.clear();
        push_day(&mut self.day, date_ms, 1 + rng.below(9) as i64);
        let time = rng.pick(&TIMES);
        self.link.clear();
        self.link.extend_from_slice(b"https://");
        self.link.extend_from_slice(loc.business.slug.as_bytes());
        self.link.extend_from_slice(b".example.com");
        let code = id20(rng.next_u64(), 0);
        let fill_values = Fill {
            first: contact.first,
            biz: loc.business.name,
            staff: loc.business.staff[staff_no],
            link: &self.link,
            day: &self.day,
            time,
            code: &code[..8],
        };

        let type_name: &[u8] = if broken == Some(Break::TypeNotOutbound) {
            b"InboundMessage"
        } else {
            b"OutboundMessage"
        };
        let wrong_type = broken == Some(Break::WrongType);
        let loc_id = loc.id;
        let mut o = Obj::new(out);
        o.plain("type", type_name);
        o.plain("locationId", &loc_id);

        // attachments
        let scratch = &mut self.scratch;
        scratch.clear();
        match channel {
            Channel::Call => {
                scratch.extend_from_slice(b"https://recordings.example.com/locations/");
                scratch.extend_from_slice(&loc_id);
                scratch.extend_from_slice(b"/calls/");
                scratch.extend_from_slice(&message_id);
                scratch.extend_from_slice(b".mp3");
            }
            Channel::Voicemail => {
                scratch.extend_from_slice(b"https://media.example.com/locations/");
                scratch.extend_from_slice(&loc_id);
                scratch.extend_from_slice(b"/voicemail/");
                scratch.extend_from_slice(rng.pick(&VOICEMAIL_FILES).as_bytes());
                scratch.extend_from_slice(b".mp3");
            }
            Channel::Email => {
                if rng.percent(15) {
                    scratch.extend_from_slice(b"https://files.example.com/locations/");
                    scratch.extend_from_slice(&loc_id);
                    scratch.extend_from_slice(b"/documents/");
                    scratch.extend_from_slice(rng.pick(&DOCUMENTS).as_bytes());
                }
            }
            _ => {
                let media = match channel {
                    Channel::Sms => 4,
                    Channel::LiveChat => 0,
                    _ => 12,
                };
                if rng.percent(media) {
                    scratch.extend_from_slice(b"https://media.example.com/locations/");
                    scratch.extend_from_slice(&loc_id);
                    scratch.extend_from_slice(b"/conversations/");
                    scratch.extend_from_slice(&conversation);
                    scratch.push(b'/');
                    scratch.extend_from_slice(rng.pick(&MEDIA_FILES).as_bytes());
                }
            }
        }
        let not_a_call = !matches!(channel, Channel::Call);
        if wrong_type && not_a_call {
            o.plain("attachments", scratch);
        } else if scratch.is_empty() {
            o.list("attachments", &[]);
        } else {
            o.list("attachments", &[&scratch[..]]);
        }

        // body
        let mut subject = Vec::new();
        scratch.clear();
        match channel {
            Channel::Sms => fill(scratch, rng.pick(&SMS_TEMPLATES), &fill_values),
            Channel::Fb | Channel::Ig | Channel::Gmb | Channel::LiveChat => {
                fill(scratch, rng.pick(&CHAT_TEMPLATES), &fill_values)
            }
            Channel::Email => {
                let t = rng.pick(&EMAIL_TEMPLATES);
                fill(scratch, t.body, &fill_values);
                fill(&mut subject, t.subject, &fill_values);
            }
            _ => {}
        }
        if !scratch.is_empty() {
            o.text("body", scratch);
        }
        if broken != Some(Break::MissingContactId) {
            o.plain("contactId", &contact.id);
        }
        match channel {
            Channel::Call | Channel::Voicemail => {}
            Channel::Email => o.plain("contentType", b"text/html"),
            _ => o.plain("contentType", b"text/plain"),
        }
        o.plain("conversationId", &conversation);
        if broken == Some(Break::BadDate) {
            let buf = o.key("dateAdded");
            buf.push(b'"');
            push_us_date(buf, date_ms);
            buf.push(b'"');
        } else {
            o.date("dateAdded", date_ms);
        }
        o.plain("direction", b"outbound");
        let (message_type, type_string, type_id): (&str, &str, Option<i64>) = match channel {
            Channel::Call => ("CALL", "TYPE_CALL", Some(1)),
            Channel::Voicemail => ("VoiceMail", "TYPE_VOICEMAIL", Some(10)),
            Channel::Sms => ("SMS", "TYPE_SMS", Some(2)),
            Channel::Email => ("Email", "TYPE_EMAIL", None),
            Channel::Fb => ("FB", "TYPE_FACEBOOK", None),
            Channel::Ig => ("IG", "TYPE_INSTAGRAM", None),
            Channel::Gmb => ("GMB", "TYPE_GMB", None),
            _ => ("Live Chat", "TYPE_LIVE_CHAT", None),
        };
        o.plain("messageType", message_type.as_bytes());
        if new_shape {
            o.plain("messageTypeString", type_string.as_bytes());
            if let Some(id) = type_id {
                o.number("messageTypeId", id);
            }
        }

        // Email headers.
        if channel == Channel::Email {
            let domain = loc.business.slug;
            scratch.clear();
            push_rfc3339(scratch, date_ms);
            scratch.retain(u8::is_ascii_digit);
            scratch.truncate(14);
            scratch.push(b'.');
            scratch.extend_from_slice(&message_id[..12]);
            scratch.extend_from_slice(b"@mail.");
            scratch.extend_from_slice(domain.as_bytes());
            scratch.extend_from_slice(b".example.com");
            o.plain("emailMessageId", scratch);
            if rng.percent(70) {
                o.plain("threadId", &message_id);
            } else {
                o.plain("threadId", &id20(rng.next_u64(), rng.next_u64()));
            }
            o.plain("provider", b"leadconnector");
            let staff = loc.business.staff[staff_no];
            scratch.clear();
            scratch.extend_from_slice(staff.as_bytes());
            scratch.extend_from_slice(b" <");
            let first = staff.split(' ').next().unwrap_or(staff);
            scratch.extend(first.bytes().map(|b| b.to_ascii_lowercase()));
            scratch.push(b'@');
            scratch.extend_from_slice(domain.as_bytes());
            scratch.extend_from_slice(b".example.com>");
            o.plain("from", scratch);
            scratch.clear();
            scratch.extend(contact.first.bytes().map(|b| b.to_ascii_lowercase()));
            scratch.push(b'.');
            scratch.extend(contact.last.bytes().map(|b| b.to_ascii_lowercase()));
            scratch.push(b'@');
            scratch.extend_from_slice(rng.pick(&MAIL_DOMAINS).as_bytes());
            if new_shape {
                o.plain("to", scratch);
            } else {
                o.list("to", &[&scratch[..]]);
            }
            if rng.percent(10) {
                scratch.clear();
                scratch.extend_from_slice(b"office@");
                scratch.extend_from_slice(domain.as_bytes());
                scratch.extend_from_slice(b".example.com");
                o.list("cc", &[&scratch[..]]);
            }
            o.text("subject", &subject);
        }

        if by_person {
            o.plain("userId", &loc.users[staff_no]);
        }
        o.plain("messageId", &message_id);
        o.plain("source", source.as_bytes());
        let status: &str = match channel {
            Channel::Call | Channel::Voicemail => "completed",
            Channel::Sms => rng.weighted(&[
                ("delivered", 55),
                ("sent", 38),
                ("failed", 4),
                ("undelivered", 3),
            ]),
            Channel::Email => rng.weighted(&[
                ("delivered", 58),
                ("sent", 30),
                ("opened", 10),
                ("failed", 2),
            ]),
            _ => rng.weighted(&[("delivered", 70), ("sent", 28), ("failed", 2)]),
        };
        o.plain("status", status.as_bytes());

        if channel == Channel::Call {
            let answered = rng.percent(72);
            let duration = if answered {
                match rng.below(10) {
                    0..=2 => 10 + rng.below(50),
                    3..=7 => 60 + rng.below(240),
                    _ => 300 + rng.below(1500),
                }
            } else {
                8 + rng.below(53)
            } as i64;
            if wrong_type {
                let buf = o.key("callDuration");
                buf.push(b'"');
                push_digits(buf, duration, 1);
                buf.push(b'"');
            } else {
                o.number("callDuration", duration);
            }
            o.plain(
                "callStatus",
                if answered { b"completed" } else { b"voicemail" },
            );
        }
        if channel == Channel::LiveChat {
            o.plain("chatWidgetId", &loc.widget);
        }
        if new_shape {
            if matches!(channel, Channel::Sms | Channel::Call | Channel::Voicemail) {
                o.plain("from", loc.phone.as_bytes());
                o.plain("to", contact.phone.as_bytes());
            }
            o.date("timestamp", date_ms + 200 + rng.below(1300) as i64);
            let (a, b) = (rng.next_u64(), rng.next_u64());
            let buf = o.key("webhookId");
            buf.push(b'"');
            push_uuid(buf, a, b);
            buf.push(b'"');
            o.plain("appId", &self.app_id);
            o.plain("versionId", &self.version_id);
        }
        o.end();
    }
}

/// A random (version 4) UUID in its usual lower-case form.
fn push_uuid(buf: &mut Vec<u8>, a: u64, b: u64) {
    let a = (a & !0xF000) | 0x4000; // version 4
    let b = (b & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    let bytes = [a.to_be_bytes(), b.to_be_bytes()].concat();
    for (i, byte) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            buf.push(b'-');
        }
        buf.push(HEX[usize::from(byte >> 4)]);
        buf.push(HEX[usize::from(byte & 15)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(settings: &Settings) -> (Vec<u8>, Vec<Option<Break>>) {
        let mut g = Generator::new(settings);
        let mut out = Vec::new();
        let mut breaks = Vec::new();
        while !g.is_done() {
            breaks.push(g.next_into(&mut out));
        }
        (out, breaks)
    }

    fn settings(seed: u64, count: u64, rate: f64) -> Settings {
        Settings {
            seed,
            count,
            channels: Vec::new(),
            invalid_rate: rate,
        }
    }

    #[test]
    fn xoshiro_matches_the_reference() {
        // The reference implementation's first outputs from the state {1, 2, 3, 4}.
        let mut r = Rng { s: [1, 2, 3, 4] };
        let got: Vec<u64> = (0..4).map(|_| r.next_u64()).collect();
        assert_eq!(got, vec![11520, 0, 1509978240, 1215971899390074240]);
    }

    #[test]
    fn splitmix_matches_the_reference() {
        let mut s = 1234567;
        assert_eq!(splitmix64(&mut s), 6457827717110365317);
        assert_eq!(splitmix64(&mut s), 3203168211198807973);
    }

    #[test]
    fn below_stays_in_range() {
        let mut r = Rng::new(9);
        assert!((0..10_000).all(|_| r.below(7) < 7));
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn dates_are_rfc3339_with_milliseconds() {
        let mut b = Vec::new();
        push_rfc3339(&mut b, START_MS + 3_723_045);
        assert_eq!(b, b"2025-09-01T09:02:03.045Z");
        b.clear();
        push_rfc3339(&mut b, 0);
        assert_eq!(b, b"1970-01-01T00:00:00.000Z");
        b.clear();
        push_rfc3339(
            &mut b,
            (days_from_civil(2024, 2, 29) * 86_400 + 86_399) * 1000 + 999,
        );
        assert_eq!(b, b"2024-02-29T23:59:59.999Z");
        b.clear();
        push_us_date(&mut b, START_MS);
        assert_eq!(b, b"09/01/2025 08:00:00");
        b.clear();
        push_day(&mut b, START_MS, 1);
        assert_eq!(b, b"Tue, Sep 2");
    }

    #[test]
    fn ids_are_twenty_alphanumerics() {
        let id = id20(u64::MAX, 12345);
        assert_eq!(id.len(), 20);
        assert!(id.iter().all(u8::is_ascii_alphanumeric));
        let mut b = Vec::new();
        push_uuid(&mut b, 0, u64::MAX);
        assert_eq!(b, b"00000000-0000-4000-bfff-ffffffffffff");
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let (a, _) = generate(&settings(7, 300, 0.1));
        let (b, _) = generate(&settings(7, 300, 0.1));
        let (c, _) = generate(&settings(8, 300, 0.1));
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn invalid_count_is_exact_and_valid_payloads_match_rate_zero() {
        for (count, rate, expected) in [
            (1000, 0.01, 10),
            (1000, 0.0, 0),
            (3, 1.0, 3),
            (7, 0.5, 4),
            (10, 0.25, 3),
        ] {
            assert_eq!(invalid_count(count, rate), expected);
            let (with, breaks) = generate(&settings(3, count, rate));
            let (without, _) = generate(&settings(3, count, 0.0));
            assert_eq!(breaks.iter().flatten().count() as u64, expected);
            let with: Vec<&[u8]> = with.split(|&b| b == b'\n').collect();
            let without: Vec<&[u8]> = without.split(|&b| b == b'\n').collect();
            for ((w, wo), broken) in with.iter().zip(&without).zip(&breaks) {
                assert_eq!(broken.is_none(), w == wo);
            }
        }
    }

    #[test]
    fn every_line_is_json_with_the_expected_fields() {
        let (out, breaks) = generate(&settings(11, 2000, 0.05));
        let lines: Vec<&[u8]> = out.split_inclusive(|&b| b == b'\n').collect();
        assert_eq!(lines.len(), 2000);
        let mut channels = std::collections::BTreeSet::new();
        for (line, broken) in lines.iter().zip(breaks) {
            let v: serde_json::Value = serde_json::from_slice(line).unwrap();
            let m = v.as_object().unwrap();
            channels.insert(m["messageType"].as_str().unwrap().to_string());
            assert_eq!(m["messageId"].as_str().unwrap().len(), 20);
            match broken {
                Some(Break::MissingContactId) => assert!(!m.contains_key("contactId")),
                Some(Break::TypeNotOutbound) => assert_eq!(m["type"], "InboundMessage"),
                Some(Break::BadDate) => {
                    assert!(!m["dateAdded"].as_str().unwrap().contains('T'))
                }
                Some(Break::WrongType) => assert!(
                    m["attachments"].is_string() || m["callDuration"].is_string(),
                    "{v}"
                ),
                None => {
                    assert_eq!(m["type"], "OutboundMessage");
                    let date = m["dateAdded"].as_str().unwrap();
                    assert!(date.parse::<jiff::Timestamp>().is_ok(), "{date}");
                    assert_eq!(date.len(), 24);
                }
            }
        }
        assert_eq!(channels.len(), 8, "{channels:?}");
    }

    #[test]
    fn channel_filter_keeps_only_those_channels() {
        let mut s = settings(1, 500, 0.0);
        s.channels = vec![Channel::Sms, Channel::Gmb];
        let (out, _) = generate(&s);
        for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let v: serde_json::Value = serde_json::from_slice(line).unwrap();
            assert!(
                v["messageType"] == "SMS" || v["messageType"] == "GMB",
                "{v}"
            );
        }
    }

    #[test]
    fn escaping() {
        let mut b = Vec::new();
        push_escaped(&mut b, b"a\"b\\c\nd\x01");
        assert_eq!(b, b"a\\\"b\\\\c\\nd\\u0001");
    }
}

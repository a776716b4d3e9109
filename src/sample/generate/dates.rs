//! The dates a capture shows: the RFC 3339 `dateAdded` and `timestamp` of every delivery, the
//! `09/16/2025 14:05:12` of a payload broken on purpose, and the `Tue, Sep 23` of an appointment
//! in a message's text.
//!
//! jiff does the calendar: the year, month and day of an instant, the next day, the names of
//! weekdays and months. A capture's dates move forward about a second per payload, so the text
//! of the current day is asked of jiff once and kept until the day changes; per payload, only
//! the clock time is written, as the digits of the milliseconds since midnight (UTC has no leap
//! seconds in jiff, so a day is always 86,400,000 ms).

use std::fmt::Write as _;
use std::io::Write as _;

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::Offset;

const MS_PER_DAY: i64 = 86_400_000;

/// How many days, from the current one on, [`Calendar::push_day`] keeps the text of.
const AHEAD: usize = 10;

/// Milliseconds since the Unix epoch of 2025-09-01T08:00:00Z, where every capture starts.
pub(super) fn start_ms() -> i64 {
    let start = date(2025, 9, 1).at(8, 0, 0, 0);
    Offset::UTC
        .to_timestamp(start)
        .expect("2025-09-01 is within jiff's range")
        .as_millisecond()
}

/// The date of day `number` since 1970-01-01, UTC.
///
/// # Panics
///
/// Outside jiff's years -9999 to 9999; a capture would need some 10^14 payloads to get there.
fn date_of_day(number: i64) -> Date {
    let midnight = number
        .checked_mul(86_400)
        .and_then(|s| Timestamp::from_second(s).ok())
        .expect("a capture's dates stay within jiff's years -9999 to 9999");
    Offset::UTC.to_datetime(midnight).date()
}

/// The text of the current day, from jiff, kept until a date of another day is written.
pub(super) struct Calendar {
    /// Days since 1970-01-01 of the day the texts are of (`i64::MIN` before the first).
    number: i64,
    /// `2025-09-16`.
    iso: String,
    /// `09/16/2025`.
    us: String,
    /// `Tue, Sep 16`, then the same for each of the next days, [`AHEAD`] in all.
    ahead: Vec<String>,
}

impl Calendar {
    /// A calendar with no day loaded yet.
    pub(super) fn new() -> Calendar {
        Calendar {
            number: i64::MIN,
            iso: String::with_capacity(10),
            us: String::with_capacity(10),
            ahead: vec![String::new(); AHEAD],
        }
    }

    /// Loads the day of `ms` (milliseconds since the Unix epoch) if it is not the current one,
    /// and returns the milliseconds since that day's midnight.
    fn at(&mut self, ms: i64) -> i64 {
        let number = ms.div_euclid(MS_PER_DAY);
        if number != self.number {
            self.load(number);
        }
        ms.rem_euclid(MS_PER_DAY)
    }

    fn load(&mut self, number: i64) {
        let mut day = date_of_day(number);
        self.number = number;
        self.iso.clear();
        let _ = write!(self.iso, "{}", day.strftime("%Y-%m-%d"));
        self.us.clear();
        let _ = write!(self.us, "{}", day.strftime("%m/%d/%Y"));
        for text in &mut self.ahead {
            text.clear();
            let _ = write!(text, "{}", day.strftime("%a, %b %-d"));
            // Past jiff's last day, the last texts repeat it; no capture gets there.
            day = day.tomorrow().unwrap_or(day);
        }
    }

    /// `2025-09-16T14:05:12.418Z`.
    pub(super) fn push_rfc3339(&mut self, buf: &mut Vec<u8>, ms: i64) {
        let since_midnight = self.at(ms);
        buf.extend_from_slice(self.iso.as_bytes());
        buf.push(b'T');
        push_clock(buf, since_midnight);
        buf.push(b'.');
        push_digits(buf, since_midnight % 1000, 3);
        buf.push(b'Z');
    }

    /// `09/16/2025 14:05:12`: a date as a careless sender writes it (not RFC 3339).
    pub(super) fn push_us_date(&mut self, buf: &mut Vec<u8>, ms: i64) {
        let since_midnight = self.at(ms);
        buf.extend_from_slice(self.us.as_bytes());
        buf.push(b' ');
        push_clock(buf, since_midnight);
    }

    /// `Tue, Sep 23`: the day `days` days after the day of `ms`.
    pub(super) fn push_day(&mut self, buf: &mut Vec<u8>, ms: i64, days: i64) {
        self.at(ms);
        match usize::try_from(days).ok().and_then(|d| self.ahead.get(d)) {
            Some(text) => buf.extend_from_slice(text.as_bytes()),
            None => {
                let day = date_of_day(self.number + days);
                let _ = write!(buf, "{}", day.strftime("%a, %b %-d"));
            }
        }
    }
}

/// `14:05:12`, from the milliseconds since midnight.
fn push_clock(buf: &mut Vec<u8>, since_midnight: i64) {
    let seconds = since_midnight / 1000;
    push_digits(buf, seconds / 3600, 2);
    buf.push(b':');
    push_digits(buf, seconds / 60 % 60, 2);
    buf.push(b':');
    push_digits(buf, seconds % 60, 2);
}

/// Appends `value` in decimal, zero-padded to `width` digits. The sign of a negative value is
/// left out (the generator writes none).
pub(super) fn push_digits(buf: &mut Vec<u8>, value: i64, width: usize) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_rfc3339_with_milliseconds() {
        let mut c = Calendar::new();
        let mut b = Vec::new();
        c.push_rfc3339(&mut b, start_ms() + 3_723_045);
        assert_eq!(b, b"2025-09-01T09:02:03.045Z");
        b.clear();
        c.push_rfc3339(&mut b, 0);
        assert_eq!(b, b"1970-01-01T00:00:00.000Z");
        b.clear();
        let leap = date(2024, 2, 29).at(23, 59, 59, 999_000_000);
        let leap_ms = Offset::UTC.to_timestamp(leap).unwrap().as_millisecond();
        c.push_rfc3339(&mut b, leap_ms);
        assert_eq!(b, b"2024-02-29T23:59:59.999Z");
        b.clear();
        c.push_us_date(&mut b, start_ms());
        assert_eq!(b, b"09/01/2025 08:00:00");
        b.clear();
        c.push_day(&mut b, start_ms(), 1);
        assert_eq!(b, b"Tue, Sep 2");
    }

    #[test]
    fn days_past_the_kept_ones_and_across_months_come_from_jiff_too() {
        let mut c = Calendar::new();
        let mut b = Vec::new();
        c.push_day(&mut b, start_ms(), 30);
        assert_eq!(b, b"Wed, Oct 1");
        b.clear();
        c.push_day(&mut b, start_ms() + 29 * MS_PER_DAY, 9);
        assert_eq!(b, b"Thu, Oct 9");
    }
}

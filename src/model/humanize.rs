//! Durations, ages and counts as people read them.

/// A call duration in seconds as `45s`, `2m 00s` or `1h 02m 03s` (rounded to whole seconds).
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() || seconds < 0.0 {
        return format!("{seconds}s");
    }
    let total = seconds.round() as u64;
    let (h, m, s) = (total / 3600, (total / 60) % 60, total % 60);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, m) => format!("{m}m {s:02}s"),
        (h, m) => format!("{h}h {m:02}m {s:02}s"),
    }
}

/// The longest call duration shown as hours, minutes and seconds: a week.
pub const MAX_CALL_SECONDS: f64 = 7.0 * 86_400.0;

/// A call's duration as [`duration`] writes it; a value no call can have (past a week, negative,
/// not finite) stays a number, with a warning: `1e308s (not a plausible call duration)`.
pub fn call_duration(seconds: f64) -> String {
    if seconds.is_finite() && (0.0..=MAX_CALL_SECONDS).contains(&seconds) {
        duration(seconds)
    } else {
        let number = if seconds.abs() >= 1e12 {
            format!("{seconds:e}")
        } else {
            seconds.to_string()
        };
        format!("{number}s (not a plausible call duration)")
    }
}

/// How long ago `seconds` (a non-negative span) was: `just now`, `5 minutes ago`, `3 days ago`;
/// negative spans read `in 2 hours`.
pub fn age(seconds: i64) -> String {
    let (n, future) = if seconds < 0 {
        (seconds.unsigned_abs(), true)
    } else {
        (seconds as u64, false)
    };
    let (count, unit) = match n {
        0..=59 => return "just now".to_string(),
        60..=3599 => (n / 60, "minute"),
        3600..=86_399 => (n / 3600, "hour"),
        86_400..=2_591_999 => (n / 86_400, "day"),
        2_592_000..=31_535_999 => (n / 2_592_000, "month"),
        _ => (n / 31_536_000, "year"),
    };
    let plural = if count == 1 { "" } else { "s" };
    if future {
        format!("in {count} {unit}{plural}")
    } else {
        format!("{count} {unit}{plural} ago")
    }
}

/// [`age`] in a few columns, for tables: `now`, `5m ago`, `3d ago`, `2y ago`, `in 2h`.
pub fn age_short(seconds: i64) -> String {
    let n = seconds.unsigned_abs();
    let (count, unit) = match n {
        0..=59 => return "now".to_string(),
        60..=3599 => (n / 60, "m"),
        3600..=86_399 => (n / 3600, "h"),
        86_400..=2_591_999 => (n / 86_400, "d"),
        2_592_000..=31_535_999 => (n / 2_592_000, "mo"),
        _ => (n / 31_536_000, "y"),
    };
    if seconds < 0 {
        format!("in {count}{unit}")
    } else {
        format!("{count}{unit} ago")
    }
}

/// A size in bytes with binary units: `512 B`, `1.5 KiB`, `56.2 MiB`.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 6] = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A count with thousands separators: `100,960`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `part` of `whole` as a percentage with one decimal, e.g. `45.5%`.
pub fn share(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "0.0%".to_string();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn absurd_call_durations_stay_numbers() {
        assert_eq!(super::call_duration(125.0), "2m 05s");
        let absurd = super::call_duration(1e308);
        assert_eq!(absurd, "1e308s (not a plausible call duration)");
        assert!(!absurd.contains('h'), "{absurd}");
        assert!(super::call_duration(-1.0).ends_with("(not a plausible call duration)"));
    }

    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration(0.0), "0s");
        assert_eq!(duration(45.0), "45s");
        assert_eq!(duration(120.0), "2m 00s");
        assert_eq!(duration(187.4), "3m 07s");
        assert_eq!(duration(3723.0), "1h 02m 03s");
        assert_eq!(duration(-1.0), "-1s");
    }

    #[test]
    fn ages() {
        assert_eq!(age(5), "just now");
        assert_eq!(age(60), "1 minute ago");
        assert_eq!(age(3 * 86_400 + 5), "3 days ago");
        assert_eq!(age(2 * 31_536_000), "2 years ago");
        assert_eq!(age(-7200), "in 2 hours");
    }

    #[test]
    fn short_ages_sizes_and_counts() {
        assert_eq!(age_short(5), "now");
        assert_eq!(age_short(3 * 86_400 + 5), "3d ago");
        assert_eq!(age_short(2 * 31_536_000), "2y ago");
        assert_eq!(age_short(-7200), "in 2h");
        assert_eq!(bytes(512), "512 B");
        assert_eq!(bytes(1536), "1.5 KiB");
        assert_eq!(bytes(57 * 1024 * 1024), "57.0 MiB");
        assert_eq!(count(0), "0");
        assert_eq!(count(100_960), "100,960");
        assert_eq!(count(1_234_567), "1,234,567");
    }

    #[test]
    fn shares() {
        assert_eq!(share(1, 3), "33.3%");
        assert_eq!(share(0, 0), "0.0%");
        assert_eq!(share(22, 22), "100.0%");
    }
}

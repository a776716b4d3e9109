//! The progress bar's one line, laid out to the terminal's width: a bar, the bytes read of the
//! total, the payloads, their rate and an ETA when they fit; on a narrower terminal the bar goes
//! first, then the figures from the least needed, down to a bare counter. Every rate is measured
//! over the same elapsed time, so bytes per second and payloads per second always agree.

use std::time::Duration;

use crate::model::humanize;
use crate::render::width::columns;

/// What the line reports.
#[derive(Debug, Clone, Copy)]
pub struct Figures {
    /// Bytes read so far.
    pub bytes: u64,
    /// The size of all the input, when every source has a known size.
    pub total: Option<u64>,
    /// Payloads read so far.
    pub entries: u64,
    /// Time since the run started.
    pub elapsed: Duration,
}

/// The narrowest bar worth drawing, brackets included.
const MIN_BAR: usize = 12;
/// The widest bar drawn.
const MAX_BAR: usize = 50;
const SPINNER: [char; 10] = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/// The line for a terminal `width` columns wide: at most `width - 1` columns, so that the cursor
/// never wraps onto a second line.
pub fn line(f: &Figures, width: usize) -> String {
    let room = width.saturating_sub(1).max(1);
    let secs = f.elapsed.as_secs_f64().max(0.001);
    let payloads = format!("{} payloads", humanize::count(f.entries));
    let rate = format!("{}/s", humanize::count((f.entries as f64 / secs) as u64));
    let byte_rate = format!("{}/s", humanize::bytes((f.bytes as f64 / secs) as u64));
    let parts: Vec<String> = match f.total {
        Some(total) => {
            let total = total.max(f.bytes);
            let done = if total == 0 {
                1.0
            } else {
                f.bytes as f64 / total as f64
            };
            let eta = if f.bytes == 0 {
                "ETA -".to_string()
            } else {
                let left = (total - f.bytes) as f64 * secs / f.bytes as f64;
                format!("ETA {}", humanize::duration(left))
            };
            let sizes = format!("{}/{}", humanize::bytes(f.bytes), humanize::bytes(total));
            let percent = format!("{:.0}%", done * 100.0);
            let text = [sizes.as_str(), &payloads, &rate, &eta].join(" · ");
            let free = room.saturating_sub(columns(&text) + 1);
            if free >= MIN_BAR {
                return format!("{} {text}", bar(done, free.min(MAX_BAR)));
            }
            vec![percent, sizes, payloads, rate, eta]
        }
        None => {
            let frame = SPINNER[(f.elapsed.as_millis() / 100) as usize % SPINNER.len()];
            vec![
                format!("{frame} {} read", humanize::bytes(f.bytes)),
                payloads,
                rate,
                byte_rate,
                humanize::duration(secs),
            ]
        }
    };
    // As many parts as fit, most needed first; the first is cut if even it does not fit.
    let mut out = String::new();
    for part in &parts {
        let sep = if out.is_empty() { "" } else { " · " };
        if columns(&out) + columns(sep) + columns(part) > room {
            break;
        }
        out.push_str(sep);
        out.push_str(part);
    }
    if out.is_empty() {
        out = parts[0].chars().take(room).collect();
    }
    out
}

/// `[=====>    ]` in `width` columns, `done` of the way.
fn bar(done: f64, width: usize) -> String {
    let inner = width.saturating_sub(2);
    let filled = ((done.clamp(0.0, 1.0) * inner as f64) as usize).min(inner);
    let mut s = String::with_capacity(width);
    s.push('[');
    s.push_str(&"=".repeat(filled));
    if filled < inner {
        s.push('>');
        s.push_str(&" ".repeat(inner - filled - 1));
    }
    s.push(']');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(total: Option<u64>) -> Figures {
        Figures {
            bytes: 57_000_000,
            total,
            entries: 100_000,
            elapsed: Duration::from_millis(990),
        }
    }

    #[test]
    fn every_width_gets_one_line_that_fits() {
        for total in [Some(114_000_000), None] {
            for width in 1..200 {
                let l = line(&figures(total), width);
                assert!(!l.contains('\n'));
                assert!(columns(&l) < width.max(2), "{width}: {l:?}");
                assert!(!l.is_empty());
            }
        }
    }

    #[test]
    fn wide_terminals_get_a_bar_narrow_ones_a_counter() {
        let wide = line(&figures(Some(114_000_000)), 120);
        assert!(wide.starts_with("[====="), "{wide}");
        assert!(wide.contains("ETA"), "{wide}");
        let narrow = line(&figures(Some(114_000_000)), 60);
        assert!(!narrow.contains('['), "{narrow}");
        assert!(narrow.starts_with("50% · "), "{narrow}");
    }

    #[test]
    fn rates_agree() {
        // 57 MB in 0.99 s as 100,000 payloads: 101,010 payloads/s and 54.9 MiB/s, about 570
        // bytes each, as the two rates say.
        let l = line(&figures(None), 200);
        assert!(l.contains("101,010/s"), "{l}");
        assert!(l.contains("54.9 MiB/s"), "{l}");
    }
}

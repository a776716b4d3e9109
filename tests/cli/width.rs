//! Human output fits the terminal: `--width N`, and `COLUMNS` on a real pseudo-terminal (run
//! under util-linux `script`). No line of a card, a table, classify's summary, a diff, a schema
//! diff or the progress bar is wider than the terminal; bodies wrap on word boundaries.

use std::path::Path;
use std::process::Command;

use unicode_width::UnicodeWidthStr;

use crate::util::{hlmsg, path};

const NOW: &str = "2026-01-01T00:00:00Z";

/// `text` without the color escapes hlmsg writes (`ESC [ ... m`) and the terminal controls of
/// the progress bar (`ESC [ ... K`, carriage returns).
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Fails when a line of `text` is wider than `width` columns.
fn assert_fits(text: &str, width: usize, what: &str) {
    let text = plain(text);
    for line in text.split(['\n', '\r']) {
        assert!(
            line.width() <= width,
            "{what}: a line of {} columns at {width}:\n{line}\n---\n{text}",
            line.width()
        );
    }
}

/// Two copies of the HTML email sample that differ in one word of the body.
fn email_pair(dir: &Path) -> (String, String) {
    let raw = std::fs::read_to_string(path("samples/email-html.json")).unwrap();
    let left = dir.join("left.json");
    let right = dir.join("right.json");
    std::fs::write(&left, &raw).unwrap();
    std::fs::write(&right, raw.replace("Wednesday", "Thursday")).unwrap();
    (
        left.to_string_lossy().into_owned(),
        right.to_string_lossy().into_owned(),
    )
}

#[test]
fn every_human_output_fits_60_and_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = email_pair(dir.path());
    for width in ["60", "80"] {
        let w: usize = width.parse().unwrap();
        for color in ["always", "never"] {
            let runs: Vec<Vec<&str>> = vec![
                vec!["show", "--now", NOW, "samples/"],
                vec!["show", "-f", "table", "--now", NOW, "samples/"],
                vec!["classify", "samples/"],
                vec!["classify", "--summary", "samples/"],
                vec!["diff", "samples/email.json", "samples/email-html.json"],
                vec!["diff", &left, &right],
                vec!["diff", "--full", &left, &right],
                vec!["diff", "--schema", "samples/"],
                vec!["diff", "--schema", "samples/email-html.json"],
                vec!["diff", "--schema", "--by-channel", "samples/"],
                vec!["rules"],
                vec!["rules", "unknown-field"],
            ];
            for args in runs {
                let mut all = vec!["--width", width, "--color", color];
                all.extend(&args);
                let r = hlmsg(&all, None);
                assert!(r.code <= 1, "{all:?}: {}", r.stderr);
                assert!(!r.stdout.is_empty(), "{all:?}");
                assert_fits(&r.stdout, w, &format!("{all:?}"));
            }
        }
    }
}

#[test]
fn piped_output_has_no_width_unless_asked() {
    let r = hlmsg(&["show", "--now", NOW, "samples/email-html.json"], None);
    let widest = r.stdout.lines().map(|l| l.width()).max().unwrap();
    assert!(widest > 120, "{widest}");
    let r = hlmsg(
        &[
            "show",
            "--width",
            "0",
            "--now",
            NOW,
            "samples/email-html.json",
        ],
        None,
    );
    assert!(r.stdout.lines().any(|l| l.width() > 120));
}

#[test]
fn bodies_wrap_on_word_boundaries_under_their_label() {
    let wide = hlmsg(&["show", "--now", NOW, "samples/email-html.json"], None);
    let narrow = hlmsg(
        &[
            "show",
            "--width",
            "60",
            "--now",
            NOW,
            "samples/email-html.json",
        ],
        None,
    );
    let body = |out: &str| -> Vec<String> {
        let text = out.split("\nBody\n").nth(1).unwrap();
        let text = text.split("\n\n{").next().unwrap();
        text.lines().map(str::to_string).collect()
    };
    let (wide, narrow) = (body(&wide.stdout), body(&narrow.stdout));
    assert!(narrow.len() > wide.len(), "{narrow:#?}");
    for line in narrow.iter().filter(|l| !l.is_empty()) {
        assert!(line.starts_with("  "), "{line:?}");
        assert!(line.width() <= 60, "{line:?}");
    }
    // The same words in the same order: no word was broken.
    let words = |lines: &[String]| -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| l.split_whitespace())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(words(&wide), words(&narrow));
}

#[test]
fn snapshots_at_60_and_80_columns() {
    for width in ["60", "80"] {
        let card = hlmsg(
            &[
                "show",
                "--width",
                width,
                "--now",
                NOW,
                "samples/email-html.json",
            ],
            None,
        );
        insta::assert_snapshot!(format!("card_email_html_{width}"), card.stdout);
        let table = hlmsg(
            &[
                "show", "-f", "table", "--width", width, "--now", NOW, "samples/",
            ],
            None,
        );
        insta::assert_snapshot!(format!("table_{width}"), table.stdout);
        let classify = hlmsg(&["classify", "--width", width, "samples/"], None);
        insta::assert_snapshot!(format!("classify_{width}"), classify.stdout);
        let drift = hlmsg(&["diff", "--schema", "--width", width, "samples/"], None);
        insta::assert_snapshot!(format!("drift_{width}"), drift.stdout);
    }
}

#[test]
fn a_word_changed_deep_in_an_email_is_shown_marked() {
    let dir = tempfile::tempdir().unwrap();
    let (left, right) = email_pair(dir.path());
    let plain_run = hlmsg(&["diff", "--color", "never", &left, &right], None);
    assert_eq!(plain_run.code, 1, "{}", plain_run.stderr);
    insta::assert_snapshot!("inline_diff_plain", plain_run.stdout);
    assert!(
        plain_run
            .stdout
            .contains("[-<strong>Wednesday,-]{+<strong>Thursday,+}"),
        "{}",
        plain_run.stdout
    );
    let color_run = hlmsg(&["diff", "--color", "always", &left, &right], None);
    insta::assert_snapshot!("inline_diff_color", color_run.stdout);
    assert!(!color_run.stdout.contains("[-"), "{}", color_run.stdout);
    assert!(color_run.stdout.contains("Thursday"));
    // Under --full, the whole value with its closing tag.
    let full = hlmsg(&["diff", "--full", "--color", "never", &left, &right], None);
    assert!(
        full.stdout.contains("Orthodontics</p></div>"),
        "{}",
        full.stdout
    );
    assert!(full.stdout.contains("<div style="), "{}", full.stdout);
}

#[test]
fn too_narrow_a_width_is_refused() {
    let r = hlmsg(&["show", "--width", "10", "samples/sms.json"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("at least 20"), "{}", r.stderr);
}

/// Runs `command` (a shell command line) on a pseudo-terminal `columns` wide, as util-linux
/// `script` provides one, and gives what the terminal received.
fn on_terminal(command: &str, columns: usize) -> String {
    let bin = assert_cmd::cargo::cargo_bin("hlmsg");
    let line = format!(
        "stty cols {columns} rows 40 2>/dev/null; COLUMNS={columns} {} {command}",
        bin.display()
    );
    let out = Command::new("script")
        .args(["-qefc", &line, "/dev/null"])
        .current_dir(path(""))
        .env_remove("NO_COLOR")
        .output()
        .expect("util-linux `script` runs commands on a pseudo-terminal");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_real_terminal_is_measured_and_colored() {
    for columns in [60, 80] {
        let out = on_terminal(
            "show --now 2026-01-01T00:00:00Z samples/email-html.json",
            columns,
        );
        assert!(out.contains("\u{1b}["), "a terminal gets color: {out}");
        assert!(out.contains("Hi Jordan"), "{out}");
        assert_fits(&out, columns, "show on a terminal");
        let out = on_terminal("show -f table --now 2026-01-01T00:00:00Z samples/", columns);
        assert_fits(&out, columns, "show -f table on a terminal");
        let out = on_terminal("classify samples/", columns);
        assert_fits(&out, columns, "classify on a terminal");
    }
}

#[test]
fn the_progress_bar_stays_on_one_line_at_60_columns_and_its_rates_agree() {
    // Long enough for the bar to appear (a second, in a debug build) on the terminal's
    // standard error, while standard output goes to a file.
    let dir = tempfile::tempdir().unwrap();
    let generated = hlmsg(&["sample", "--count", "60000", "--seed", "9"], None);
    let big = dir.path().join("big.ndjson");
    std::fs::write(&big, &generated.stdout).unwrap();
    // At 60 columns the stdin line has no room for both rates; at 120 it shows them.
    for (source, columns) in [
        (format!("validate {} >/dev/null", big.display()), 60),
        (format!("validate < {} >/dev/null", big.display()), 60),
        (format!("validate < {} >/dev/null", big.display()), 120),
    ] {
        let out = on_terminal(&source, columns);
        let shown: Vec<String> = plain(&out)
            .split(['\r', '\n'])
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        assert!(
            shown.iter().any(|l| l.contains("payloads")),
            "{source}: no bar was drawn: {out:?}"
        );
        for line in &shown {
            // The bar's text leaves the last column free; the drawing pads to the width.
            assert!(line.trim_end().width() < columns, "{source}: {line:?}");
            assert!(line.width() <= columns, "{source}: {line:?}");
        }
        // The two rates agree with the size of a payload (the generator's are 400 to 2,000
        // bytes): both are measured over the same time.
        let mut compared = 0;
        for line in &shown {
            let parts: Vec<&str> = line.split(" · ").collect();
            let count = parts.iter().find_map(|p| {
                let n = p.strip_suffix("/s")?;
                n.replace(',', "").parse::<f64>().ok()
            });
            let bytes = parts.iter().find_map(|p| {
                let n = p.strip_suffix(" MiB/s")?;
                n.parse::<f64>().ok().map(|m| m * 1024.0 * 1024.0)
            });
            if let (Some(count), Some(bytes)) = (count, bytes)
                && count > 0.0
            {
                let each = bytes / count;
                assert!(
                    (300.0..3000.0).contains(&each),
                    "{line}: {each} bytes a payload"
                );
                compared += 1;
            }
        }
        if columns >= 120 {
            assert!(compared > 0, "{source}: no line showed both rates: {out:?}");
        }
    }
}

//! Laying text out to a terminal's width: words wrapped under a label, and any line still too
//! wide folded with its indentation kept. Widths are display columns (wide characters count
//! two) and the color escapes hlmsg writes count zero.

use std::borrow::Cow;

use textwrap::{Options, WordSeparator, WrapAlgorithm};

/// The narrowest layout hlmsg draws; a narrower terminal gets this width and wraps it.
pub const MIN_WIDTH: usize = 20;

/// Display columns of `text`: wide characters count two, color escapes nothing.
pub fn columns(text: &str) -> usize {
    textwrap::core::display_width(text)
}

fn options(width: usize, first: usize, rest: usize) -> Options<'static> {
    // First fit: linear in the text, whatever its length.
    Options::new(width.max(1))
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .word_separator(WordSeparator::AsciiSpace)
        .break_words(true)
        .initial_indent(spaces(first))
        .subsequent_indent(spaces(rest))
}

/// `n` spaces (at most 64), for an indent.
fn spaces(n: usize) -> &'static str {
    const SPACES: &str = "                                                                ";
    &SPACES[..n.min(SPACES.len())]
}

/// Lays `table` out to `width` columns when there is a limit: its cells wrap, widest first.
pub fn limit_table(table: &mut comfy_table::Table, width: Option<usize>) {
    if let Some(width) = width {
        table
            .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).unwrap_or(u16::MAX));
    }
}

/// `text` cut to at most `max` columns, an ellipsis marking the cut (plain text: no color).
pub fn truncate(text: &str, max: usize) -> String {
    cut(text, max, false)
}

/// `text` cut to at most `max` columns from the start, keeping its end (a path's file name and
/// line), an ellipsis marking the cut.
pub fn truncate_start(text: &str, max: usize) -> String {
    cut(text, max, true)
}

fn cut(text: &str, max: usize, keep_end: bool) -> String {
    use unicode_width::UnicodeWidthChar;
    if columns(text) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(1);
    let mut used = 0;
    let mut kept: Vec<char> = Vec::new();
    let chars: Box<dyn Iterator<Item = char>> = if keep_end {
        Box::new(text.chars().rev())
    } else {
        Box::new(text.chars())
    };
    for c in chars {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        kept.push(c);
    }
    if max == 0 {
        return String::new();
    }
    if keep_end {
        std::iter::once('…').chain(kept.into_iter().rev()).collect()
    } else {
        kept.into_iter().chain(std::iter::once('…')).collect()
    }
}

/// `text` (one paragraph, no line breaks) wrapped on word boundaries into lines of at most
/// `width` columns, each starting with `indent` spaces. A word longer than a line is broken.
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_each(text, width, indent, indent, &mut |line| {
        lines.push(line.to_string())
    });
    lines
}

/// Text longer than this is wrapped piece by piece, each cut at a space: wrapping a line of
/// megabytes then never holds a record of each of its words at once (about 56 bytes a word).
const PIECE: usize = 16 << 10;

/// Calls `f` on each line of `text` wrapped as [`options`] says; a long text piece by piece
/// ([`PIECE`]), a piece starting a new line.
fn wrap_each(text: &str, width: usize, first: usize, rest: usize, f: &mut dyn FnMut(&str)) {
    let mut start = 0;
    let mut indent = first;
    loop {
        let end = if text.len() - start <= PIECE {
            text.len()
        } else {
            let mut cut = start + PIECE;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            match text[start..cut].rfind(' ') {
                Some(i) if i > 0 => start + i,
                _ => cut,
            }
        };
        for line in textwrap::wrap(&text[start..end], options(width, indent, rest)) {
            f(&line);
        }
        if end >= text.len() {
            return;
        }
        indent = rest;
        start = end + usize::from(text.as_bytes()[end] == b' ');
    }
}

/// One line made to fit `width` columns: as it is when it fits; otherwise wrapped on spaces
/// (a word too long is broken), the continuation lines indented two columns deeper than the
/// line's own indentation.
pub fn fold(line: &str, width: usize) -> Vec<Cow<'_, str>> {
    if columns(line) <= width {
        return vec![Cow::Borrowed(line)];
    }
    let mut parts = Vec::new();
    fold_each(line, width, &mut |part| {
        parts.push(Cow::Owned(part.to_string()))
    });
    parts
}

/// Calls `f` on each line of [`fold`].
fn fold_each(line: &str, width: usize, f: &mut dyn FnMut(&str)) {
    if columns(line) <= width {
        return f(line);
    }
    let body = line.trim_start_matches(' ');
    // Deep indentation must leave room for text.
    let indent = (line.len() - body.len()).min(width / 2);
    let rest = (indent + 2).min(width / 2);
    wrap_each(body, width, indent, rest, f);
}

/// Every line of `text` made to fit `width` columns ([`fold`]); `text` as it is with no width.
pub fn fit(text: &str, width: Option<usize>) -> Cow<'_, str> {
    let Some(width) = width else {
        return Cow::Borrowed(text);
    };
    if text.lines().all(|l| columns(l) <= width) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut first = true;
        fold_each(line, width, &mut |part| {
            if !first {
                out.push('\n');
            }
            first = false;
            out.push_str(part);
        });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_under_an_indent() {
        let lines = wrap(
            "Hi Jordan, thanks for booking with Example Dental today",
            20,
            2,
        );
        assert_eq!(
            lines,
            vec![
                "  Hi Jordan, thanks",
                "  for booking with",
                "  Example Dental",
                "  today"
            ]
        );
    }

    #[test]
    fn long_words_are_broken() {
        let lines = wrap(&"x".repeat(45), 20, 2);
        assert!(lines.iter().all(|l| columns(l) <= 20), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', "").len(), 45);
    }

    #[test]
    fn folding_keeps_indentation_and_ignores_color() {
        let red = "\u{1b}[31m";
        let reset = "\u{1b}[0m";
        let line = format!("    \"body\": {red}\"one two three four five six seven\"{reset},");
        let folded = fold(&line, 24);
        assert!(folded.len() > 1);
        for part in &folded {
            assert!(columns(part) <= 24, "{part:?}");
        }
        assert!(folded[0].starts_with("    \"body\""));
        assert!(folded[1].starts_with("      "));
        assert_eq!(columns(&format!("{red}abc{reset}")), 3);
    }

    #[test]
    fn a_long_line_is_wrapped_piece_by_piece_losing_no_word() {
        let words: Vec<String> = (0..20_000).map(|i| format!("w{i}é")).collect();
        let mut text = words.join(" ");
        text.push(' ');
        text.push_str(&"x".repeat(3 * PIECE));
        let lines = wrap(&text, 30, 2);
        assert!(
            lines
                .iter()
                .all(|l| columns(l) <= 30 && l.starts_with("  "))
        );
        let joined: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(joined[..words.len()], words[..]);
        assert_eq!(joined[words.len()..].concat(), "x".repeat(3 * PIECE));
        let indented = format!("    {text}");
        let folded = fit(&indented, Some(40));
        assert!(folded.lines().all(|l| columns(l) <= 40));
        assert!(folded.lines().skip(1).all(|l| l.starts_with("      ")));
        let again: Vec<&str> = folded.split_whitespace().collect();
        assert_eq!(again[..words.len()], words[..]);
    }

    #[test]
    fn wide_characters_count_two() {
        let folded = fit("日本語の本文です日本語の本文です", Some(10));
        assert!(folded.lines().all(|l| columns(l) <= 10), "{folded}");
    }

    #[test]
    fn truncation_counts_columns() {
        assert_eq!(truncate("samples/call.json:1:1", 10), "samples/c…");
        assert_eq!(truncate_start("samples/call.json:1:1", 10), "….json:1:1");
        assert_eq!(truncate("日本語日本語", 5), "日本…");
        assert_eq!(truncate("short", 10), "short");
        assert!(columns(&truncate_start("日本語日本語", 6)) <= 6);
    }

    #[test]
    fn no_width_no_change() {
        let text = "a".repeat(300);
        assert_eq!(fit(&text, None), text);
        assert_eq!(fit("short\nlines", Some(20)), "short\nlines");
    }
}

//! A long string that changed, shown as its changes: the words that differ marked in place
//! (`[-old-]{+new+}` in plain text, colors on a terminal) with some unchanged text around each
//! change; a multi-line string by its changed lines, each pair of old and new lines marked word
//! by word. Short strings keep the `old → new` form ([`wants_inline`] decides).
//!
//! The comparison has a deadline: two huge values that share little get a coarser but correct
//! result rather than a long wait.

use std::time::Duration;

use similar::{ChangeTag, DiffOp, TextDiff};

use crate::render::style::{Painter, styles};

/// Strings up to this many characters, on one line, keep the `old → new` form.
pub const SHORT: usize = 60;
/// Characters of unchanged text kept on each side of a change.
const CONTEXT: usize = 30;
/// Characters of one changed run shown before it is cut (unless `--full`).
const RUN_CHARS: usize = 200;
/// Changes shown per value before the rest are counted (unless `--full`).
const MAX_CHANGES: usize = 20;
/// Lines of context around the changed lines of a multi-line value.
const CONTEXT_LINES: usize = 2;
/// Lines shown of a multi-line value's changes (unless `--full`).
const MAX_LINES: usize = 40;
/// How long one comparison may take before it settles for a coarser result.
const DEADLINE: Duration = Duration::from_millis(500);

/// Whether a change from `old` to `new` is shown inline: either is long or spans lines.
pub fn wants_inline(old: &str, new: &str) -> bool {
    let long = |s: &str| s.contains('\n') || s.chars().nth(SHORT).is_some();
    long(old) || long(new)
}

/// How changes are drawn.
#[derive(Debug, Clone, Copy)]
pub struct Marks {
    /// The painter (colors, and escaping of payload text).
    pub painter: Painter,
    /// Whole values: every change, no text cut.
    pub full: bool,
}

impl Marks {
    fn equal(self, text: &str) -> String {
        self.painter.paint(text, owo_colors::Style::new())
    }

    fn deleted(self, text: &str) -> String {
        self.mark(text, styles::removed().strikethrough(), ("[-", "-]"))
    }

    fn inserted(self, text: &str) -> String {
        self.mark(text, styles::added().underline(), ("{+", "+}"))
    }

    /// A changed run: in `style` on a terminal, between `brackets` without color.
    fn mark(self, text: &str, style: owo_colors::Style, brackets: (&str, &str)) -> String {
        let text = self.cut(text);
        if self.painter.color() {
            self.painter.paint(&text, style)
        } else {
            let (open, close) = brackets;
            let plain = self.painter.paint(&text, owo_colors::Style::new());
            format!("{open}{plain}{close}")
        }
    }

    /// A changed run, its middle cut when long (unless `--full`).
    fn cut(self, text: &str) -> String {
        let n = text.chars().count();
        if self.full || n <= RUN_CHARS {
            return text.to_string();
        }
        let half = RUN_CHARS / 2;
        let head: String = text.chars().take(half).collect();
        let tail: String = text.chars().skip(n - half).collect();
        format!("{head} … {tail}")
    }

    fn dim(self, text: &str) -> String {
        self.painter.paint(text, styles::dim())
    }
}

/// Runs of text, each equal, deleted or inserted.
fn runs<'a>(diff: &TextDiff<'a, 'a, '_, str>) -> Vec<(ChangeTag, String)> {
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        match runs.last_mut() {
            Some((tag, text)) if *tag == change.tag() => text.push_str(change.value()),
            _ => runs.push((change.tag(), change.value().to_string())),
        }
    }
    runs
}

/// Line `i` of `v`, or nothing.
fn line<'a>(v: &[&'a str], i: usize) -> &'a str {
    v.get(i).copied().unwrap_or("")
}

/// One line of `old` against `new` (no line breaks in either), the words that differ marked.
pub fn words(old: &str, new: &str, marks: Marks) -> String {
    let diff = TextDiff::configure().timeout(DEADLINE).diff_words(old, new);
    let runs = runs(&diff);
    let changes = runs.iter().filter(|(t, _)| *t != ChangeTag::Equal).count();
    let last = runs.len().saturating_sub(1);
    let mut out = String::new();
    let mut shown = 0;
    for (i, (tag, text)) in runs.iter().enumerate() {
        match tag {
            ChangeTag::Equal => out.push_str(&context(text, i == 0, i == last, marks)),
            _ if !marks.full && shown >= MAX_CHANGES => {}
            ChangeTag::Delete => {
                shown += 1;
                out.push_str(&marks.deleted(text));
            }
            ChangeTag::Insert => {
                shown += 1;
                out.push_str(&marks.inserted(text));
            }
        }
        if !marks.full && shown >= MAX_CHANGES && changes > shown {
            let more = changes - shown;
            out.push_str(&marks.dim(&format!(" … {more} more changes (--full shows all)")));
            break;
        }
    }
    out
}

/// Unchanged text between changes: whole under `--full` or when short; else its ends, next to
/// the changes, around an ellipsis (only its end at the start, only its start at the end).
fn context(text: &str, first: bool, last: bool, marks: Marks) -> String {
    let n = text.chars().count();
    let keep_both = if first || last { CONTEXT } else { 2 * CONTEXT };
    if marks.full || n <= keep_both + 1 {
        return marks.equal(text);
    }
    // Cut at a space when one is near, so that words stay whole.
    let head: String = text.chars().take(CONTEXT).collect();
    let head = match head.rfind(' ') {
        Some(i) if i >= CONTEXT / 2 => head[..i].to_string(),
        _ => head,
    };
    let tail: String = text.chars().skip(n - CONTEXT).collect();
    let tail = match tail.find(' ') {
        Some(i) if i <= CONTEXT / 2 => tail[i..].to_string(),
        _ => tail,
    };
    match (first, last) {
        (true, true) => marks.equal(text),
        (true, false) => format!("{}{}", marks.dim("…"), marks.equal(&tail)),
        (false, true) => format!("{}{}", marks.equal(&head), marks.dim("…")),
        (false, false) => format!(
            "{}{}{}",
            marks.equal(&head),
            marks.dim(" … "),
            marks.equal(&tail)
        ),
    }
}

/// A multi-line value against another: for each group of changed lines, `@ line N` and the
/// lines with some context: unchanged lines as they are, an old line and the new line that
/// replaced it as one line marked word by word, lines only removed or only added marked whole.
pub fn lines(old: &str, new: &str, marks: Marks) -> Vec<String> {
    let diff = TextDiff::configure().timeout(DEADLINE).diff_lines(old, new);
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let mut out = Vec::new();
    let mut hidden = 0usize;
    let mut push = |out: &mut Vec<String>, text: String| {
        if marks.full || out.len() < MAX_LINES {
            out.push(text);
        } else {
            hidden += 1;
        }
    };
    for group in diff.grouped_ops(CONTEXT_LINES) {
        let Some(start) = group.first().map(|op| op.new_range().start) else {
            continue;
        };
        push(&mut out, marks.dim(&format!("@ line {}", start + 1)));
        for op in group {
            match op {
                DiffOp::Equal { old_index, len, .. } => {
                    for i in old_index..old_index + len {
                        push(&mut out, marks.equal(line(&old_lines, i)));
                    }
                }
                DiffOp::Delete {
                    old_index, old_len, ..
                } => {
                    for i in old_index..old_index + old_len {
                        push(&mut out, marks.deleted(line(&old_lines, i)));
                    }
                }
                DiffOp::Insert {
                    new_index, new_len, ..
                } => {
                    for i in new_index..new_index + new_len {
                        push(&mut out, marks.inserted(line(&new_lines, i)));
                    }
                }
                DiffOp::Replace {
                    old_index,
                    old_len,
                    new_index,
                    new_len,
                } => {
                    for k in 0..old_len.max(new_len) {
                        let text = match (k < old_len, k < new_len) {
                            (true, true) => words(
                                line(&old_lines, old_index + k),
                                line(&new_lines, new_index + k),
                                marks,
                            ),
                            (true, false) => marks.deleted(line(&old_lines, old_index + k)),
                            _ => marks.inserted(line(&new_lines, new_index + k)),
                        };
                        push(&mut out, text);
                    }
                }
            }
        }
    }
    if hidden > 0 {
        out.push(marks.dim(&format!("… {hidden} more lines (--full shows all)")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain() -> Marks {
        Marks {
            painter: Painter::new(false),
            full: false,
        }
    }

    const OLD: &str = "<div style=\"font-family: verdana, geneva; font-size: 11pt;\"><p>Hi Jordan,</p><p>Your appointment is confirmed for <strong>Wednesday</strong> at 10:30 AM. Please arrive early.</p></div>";

    #[test]
    fn a_changed_word_deep_in_a_long_string_is_shown_marked() {
        let new = OLD.replace("Wednesday", "Thursday");
        assert!(wants_inline(OLD, &new));
        let line = words(OLD, &new, plain());
        assert!(
            line.contains("[-<strong>Wednesday</strong>-]{+<strong>Thursday</strong>+}"),
            "{line}"
        );
        assert!(line.starts_with('…'), "{line}");
        assert!(line.ends_with('…'), "{line}");
        assert!(line.chars().count() < 120, "{line}");
    }

    #[test]
    fn full_shows_everything() {
        let new = OLD.replace("Wednesday", "Thursday");
        let line = words(
            OLD,
            &new,
            Marks {
                full: true,
                ..plain()
            },
        );
        assert!(line.starts_with("<div style"), "{line}");
        assert!(line.ends_with("</div>"), "{line}");
    }

    #[test]
    fn color_marks_without_brackets() {
        let new = OLD.replace("Wednesday", "Thursday");
        let marks = Marks {
            painter: Painter::new(true),
            full: false,
        };
        let line = words(OLD, &new, marks);
        assert!(!line.contains("[-"), "{line}");
        assert!(line.contains("\u{1b}["), "{line}");
        assert!(line.contains("Thursday"), "{line}");
    }

    #[test]
    fn payload_text_is_escaped() {
        let old = format!("{} \u{1b}]0;x\u{7} end", "a ".repeat(40));
        let new = format!("{} \u{1b}]0;y\u{7} end", "a ".repeat(40));
        let line = words(&old, &new, plain());
        assert!(!line.contains('\u{1b}'), "{line}");
        assert!(line.contains("\\u{1b}"), "{line}");
    }

    #[test]
    fn many_changes_are_counted_past_the_cap() {
        let old: String = (0..100).map(|i| format!("w{i} ")).collect();
        let new: String = (0..100).map(|i| format!("v{i} ")).collect();
        let line = words(&old, &new, plain());
        assert!(line.contains("more changes (--full shows all)"), "{line}");
    }

    #[test]
    fn multi_line_values_show_the_changed_lines() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let new = old.replace("line 12\n", "line twelve\n");
        let out = lines(&old, &new, plain());
        assert_eq!(out[0], "@ line 10");
        assert!(out.contains(&"line 11".to_string()), "{out:?}");
        assert!(out.iter().any(|l| l == "line [-12-]{+twelve+}"), "{out:?}");
        assert!(!out.contains(&"line 1".to_string()), "{out:?}");
    }

    #[test]
    fn short_values_keep_the_arrow_form() {
        assert!(!wants_inline("sent", "delivered"));
        assert!(wants_inline("a\nb", "a\nc"));
    }
}

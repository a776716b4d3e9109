//! Styling text for people: colors, and how to keep bytes from payloads and file names from
//! acting as terminal control sequences.

use std::borrow::Cow;
use std::fmt::Write as _;

use owo_colors::{OwoColorize, Style};

/// Whether a character must not reach a terminal raw: C0 controls (including tab, line feed and
/// carriage return, which would break one-line messages), DEL, C1 controls, and the Unicode
/// bidirectional overrides and isolates that can reorder what a reader sees.
pub fn is_unsafe(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as an escape such as `\u{1b}`.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How text is drawn on its stream: painted when color is on (always escaped first), and laid out
/// to the stream's width when it has one.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    color: bool,
    width: Option<usize>,
}

impl Painter {
    /// A painter that colors when `color` is true, with no width limit.
    pub fn new(color: bool) -> Self {
        Painter { color, width: None }
    }

    /// The same painter laying out to `width` columns (`None`: no limit).
    pub fn with_width(self, width: Option<usize>) -> Self {
        Painter { width, ..self }
    }

    /// Whether color is on.
    pub fn color(self) -> bool {
        self.color
    }

    /// The columns output must fit in, if any.
    pub fn width(self) -> Option<usize> {
        self.width
    }

    /// `text`, escaped, in `style` when color is on.
    pub fn paint(self, text: &str, style: Style) -> String {
        let safe = escape(text);
        if self.color {
            safe.style(style).to_string()
        } else {
            safe.into_owned()
        }
    }
}

/// Styles used across the human outputs.
pub mod styles {
    use owo_colors::Style;

    /// Errors.
    pub fn error() -> Style {
        Style::new().red().bold()
    }
    /// Warnings.
    pub fn warning() -> Style {
        Style::new().yellow().bold()
    }
    /// Notes.
    pub fn note() -> Style {
        Style::new().cyan().bold()
    }
    /// Locations (`source:line:column`).
    pub fn location() -> Style {
        Style::new().bold()
    }
    /// Secondary text.
    pub fn dim() -> Style {
        Style::new().dimmed()
    }
    /// Success.
    pub fn ok() -> Style {
        Style::new().green()
    }
    /// A place only in LEFT (`hlmsg diff`).
    pub fn removed() -> Style {
        Style::new().red()
    }
    /// A place only in RIGHT (`hlmsg diff`).
    pub fn added() -> Style {
        Style::new().green()
    }
    /// A place that differs (`hlmsg diff`).
    pub fn changed() -> Style {
        Style::new().yellow()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_sequences_are_escaped() {
        assert_eq!(escape("plain é"), "plain é");
        assert_eq!(escape("\u{1b}]0;pwned\u{7}"), "\\u{1b}]0;pwned\\u{7}");
        assert_eq!(
            escape("a\rb\nc\u{8}\u{9b}\u{202e}"),
            "a\\u{d}b\\u{a}c\\u{8}\\u{9b}\\u{202e}"
        );
    }

    #[test]
    fn painter_escapes_with_and_without_color() {
        for color in [false, true] {
            let s = Painter::new(color).paint("\u{1b}[31mx", styles::error());
            assert!(s.contains("\\u{1b}[31mx"), "{s:?}");
            // The only ESC bytes are the painter's own, and only with color on.
            let raw_escapes = s.matches('\u{1b}').count();
            assert_eq!(raw_escapes > 0, color, "{s:?}");
        }
    }
}

//! Email HTML as readable text: tags removed, entities decoded, blanks collapsed, paragraphs and
//! line breaks kept, links as `text <url>`, images as `[alt]`, lists bulleted or numbered (and
//! indented when nested), a table row's cells on one line separated by ` | `; `<script>`,
//! `<style>` and comments dropped, and no control character let through. Meant for reading a
//! body on a terminal, not for rendering a page. Linear in the HTML, whatever its nesting.

/// Whether `s` looks like HTML: it holds a tag such as `<div` or `</p>` or `<br/>`.
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        && s.contains('>')
}

/// Tags (opening only) before which text continues on a new line.
const BREAKS: &[&str] = &["br", "dt", "dd", "hr"];
/// Tags that make a paragraph: a blank line before and after.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "dl",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "address",
    "center",
];
/// Tags whose content is not text.
const HIDDEN: &[&str] = &["script", "style", "head", "title", "template"];

/// Lists and links nested deeper than this are read as text without their markers.
const MAX_NESTING: usize = 32;

/// The converter's state between tags.
#[derive(Default)]
struct Text {
    out: String,
    /// Open lists: `None` for bullets, `Some(n)` for the number of the next ordered item.
    lists: Vec<Option<u64>>,
    /// Open links: their target, and where their text starts in `out`.
    links: Vec<(Option<String>, usize)>,
    /// A table cell opened after another in the same row: text that follows gets ` | ` first.
    cell_gap: bool,
}

impl Text {
    fn text(&mut self, text: &str) {
        if self.cell_gap && !text.trim().is_empty() {
            self.cell_gap = false;
            while self.out.ends_with(' ') {
                self.out.pop();
            }
            if !(self.out.is_empty() || self.out.ends_with('\n')) {
                self.out.push_str(" | ");
            }
        }
        push_text(&mut self.out, text);
    }

    fn tag(&mut self, name: &str, closing: bool, inner: &str) {
        match (name, closing) {
            ("a", false) if self.links.len() < MAX_NESTING => {
                self.links.push((attribute(inner, "href"), self.out.len()));
            }
            ("a", true) => self.link_end(),
            ("img", false) => {
                if let Some(alt) = attribute(inner, "alt").filter(|a| !a.trim().is_empty()) {
                    self.text(&format!("[{}]", alt.trim()));
                }
            }
            ("ul" | "ol", false) => {
                paragraph(&mut self.out);
                if self.lists.len() < MAX_NESTING {
                    self.lists.push((name == "ol").then_some(1));
                }
            }
            ("ul" | "ol", true) => {
                self.lists.pop();
                paragraph(&mut self.out);
            }
            ("li", false) => {
                line_break(&mut self.out);
                let depth = self.lists.len().saturating_sub(1);
                self.out.push_str(&"  ".repeat(depth));
                match self.lists.last_mut() {
                    Some(Some(n)) => {
                        self.out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => self.out.push_str("• "),
                }
            }
            ("td" | "th", false) => {
                // Cells of a row on one line; empty (spacer) cells add nothing.
                self.cell_gap = !(self.out.is_empty() || self.out.ends_with('\n'));
            }
            ("tr", _) => {
                // A row starts on a line of its own; rows add no blank lines.
                self.cell_gap = false;
                if !(self.out.is_empty() || self.out.ends_with('\n')) {
                    line_break(&mut self.out);
                }
            }
            (name, _) if BLOCKS.contains(&name) => paragraph(&mut self.out),
            (name, false) if BREAKS.contains(&name) => line_break(&mut self.out),
            _ => {}
        }
    }

    /// The end of a link: its target after its text as `text <url>`, unless the text already
    /// says it or the target leads nowhere a reader can follow.
    fn link_end(&mut self) {
        let Some((href, start)) = self.links.pop() else {
            return;
        };
        let Some(href) = href.map(|h| h.trim().to_string()) else {
            return;
        };
        let lower = href.to_ascii_lowercase();
        if href.is_empty() || href.starts_with('#') || lower.starts_with("javascript:") {
            return;
        }
        let shown = href.strip_prefix("mailto:").unwrap_or(&href);
        let text = self.out.get(start..).unwrap_or("").trim();
        if text == shown || text == href {
            return;
        }
        if text.is_empty() {
            self.text(shown);
        } else {
            self.text(&format!(" <{shown}>"));
        }
    }
}

/// The value of attribute `name` in a tag's text (`a href="x"`), entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let b = tag.as_bytes();
    let mut i = 0;
    // Past the tag name.
    while i < b.len() && !b[i].is_ascii_whitespace() {
        i += 1;
    }
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let key_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let key = &tag[key_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (start, end) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &b[i + 1..]).map_or(b.len(), |j| i + 1 + j);
                    (i + 1, end)
                }
                _ => {
                    let end = b[i..]
                        .iter()
                        .position(u8::is_ascii_whitespace)
                        .map_or(b.len(), |j| i + j);
                    (i, end)
                }
            };
            value = Some(&tag[start..end]);
            i = end + 1;
        }
        if key.eq_ignore_ascii_case(name) {
            return value.map(decode_entities);
        }
        if key.is_empty() && value.is_none() {
            i += 1;
        }
    }
    None
}

/// Converts HTML to text. See the module documentation.
pub fn to_text(html: &str) -> String {
    let mut text = Text::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        text.text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            // A lone `<`: keep it as text.
            text.text("<");
            rest = &rest[1..];
            continue;
        };
        let inner = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && HIDDEN.contains(&name.as_str()) {
            // Searched from here to the match only: the text is scanned once in all.
            rest = match find_closing(rest, &name) {
                Some(i) => rest[i..].find('>').map_or("", |j| &rest[i + j + 1..]),
                None => "",
            };
            continue;
        }
        text.tag(&name, closing, inner);
    }
    text.text(rest);
    while !text.links.is_empty() {
        text.link_end();
    }
    tidy(&text.out)
}

/// Where the first closing tag `</name` (in any case) starts in `s`.
fn find_closing(s: &str, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memmem::find_iter(b, b"</").find(|&i| {
        b.get(i + 2..i + 2 + name.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// The index of the `>` that ends the tag starting at `s[0] == '<'`, skipping quoted attributes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn line_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    out.push('\n');
}

fn paragraph(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
    }
}

/// Appends text with its entities decoded and its blanks collapsed as HTML does.
fn push_text(out: &mut String, text: &str) {
    let decoded = decode_entities(text);
    for c in decoded.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !(out.is_empty() || out.ends_with(' ') || out.ends_with('\n')) {
                out.push(' ');
            }
        } else if c == '\u{a0}' {
            out.push(' ');
        } else if !is_control(c) {
            out.push(c);
        }
    }
}

/// Characters that never reach the text: controls (the blanks among them are collapsed before
/// this), and the bidirectional overrides and isolates.
fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Trims each line's end (its start holds a list's indentation only), keeps at most one blank
/// line in a row, and trims the whole.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Decodes `&amp;`, `&#39;`, `&#x27;` and the common named entities; unknown ones stay as they are.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|i| i + 1);
        let decoded = match end {
            Some(e) if rest[e..].starts_with(';') => {
                let name = &rest[1..e];
                entity(name).map(|c| (c, e + 1))
            }
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push_str(&c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).map(String::from);
    }
    let s = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" => "\u{a0}",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "hellip" => "…",
        "mdash" => "—",
        "ndash" => "–",
        "lsquo" => "‘",
        "rsquo" => "’",
        "ldquo" => "“",
        "rdquo" => "”",
        "laquo" => "«",
        "raquo" => "»",
        "bull" => "•",
        "middot" => "·",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "times" => "×",
        "divide" => "÷",
        "deg" => "°",
        "zwnj" | "zwj" | "shy" => "",
        _ => return None,
    };
    Some(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_email_body_becomes_its_text() {
        let html = r#"<div style="font-family: verdana, geneva; font-size: 11pt;">Testing Email Notification</div>"#;
        assert!(looks_like_html(html));
        assert_eq!(to_text(html), "Testing Email Notification");
    }

    #[test]
    fn paragraphs_breaks_lists_and_entities() {
        let html = "<html><head><style>p{color:red}</style></head><body>\
            <p>Hi&nbsp;Jane,</p><p>Your order &amp; receipt<br>are ready &#8212; see&#x21;</p>\
            <!-- tracking --><ul><li>One</li><li>Two &lt;3</li></ul><script>alert(1)</script>Bye &unknown;</body></html>";
        assert_eq!(
            to_text(html),
            "Hi Jane,\n\nYour order & receipt\nare ready — see!\n\n• One\n• Two <3\n\nBye &unknown;"
        );
    }

    #[test]
    fn links_keep_their_targets() {
        let html = r#"<p><a href="https://pay.example.com/inv/123?a=1&amp;b=2">Pay now</a>,
            <a href="https://example.com">https://example.com</a>,
            <a href="mailto:desk@example.com">desk@example.com</a>,
            <a href='#top'>top</a>, <A HREF=https://x.example/y>bare</A>
            <a href="https://example.com/logo"><img src="l.png" alt="Logo"></a></p>"#;
        assert_eq!(
            to_text(html),
            "Pay now <https://pay.example.com/inv/123?a=1&b=2>, https://example.com, \
             desk@example.com, top, bare <https://x.example/y> [Logo] <https://example.com/logo>"
        );
    }

    #[test]
    fn table_cells_are_separated_and_rows_are_lines() {
        let html = "<table><tr><th>Item</th><th>Price</th></tr>\
            <tr><td>Cleaning</td><td></td><td>$120.00</td></tr>\
            <tr><td>X-ray</td><td>$45.00</td></tr></table>";
        assert_eq!(
            to_text(html),
            "Item | Price\nCleaning | $120.00\nX-ray | $45.00"
        );
    }

    #[test]
    fn ordered_and_nested_lists() {
        let html = "<ol><li>First</li><li>Second<ul><li>inner</li></ul></li><li>Third</li></ol>";
        assert_eq!(
            to_text(html),
            "1. First\n2. Second\n\n  • inner\n\n3. Third"
        );
    }

    #[test]
    fn no_control_character_gets_through() {
        let html = "<p>bell\u{7} esc\u{1b}[31m &#27;[2J &#x9b; \u{202e}rtl</p>";
        let text = to_text(html);
        assert!(!text.chars().any(is_control), "{text:?}");
        assert_eq!(text, "bell esc[31m [2J rtl");
    }

    #[test]
    fn deep_nesting_is_linear_and_safe() {
        let html = "<ul><li><a href=\"u\">x".repeat(50_000);
        let text = to_text(&html);
        assert!(text.contains("• x"));
    }

    #[test]
    fn plain_text_is_not_html() {
        assert!(!looks_like_html("I <3 you"));
        assert!(!looks_like_html("a < b and c > d"));
        assert!(looks_like_html("x<br/>y"));
    }

    #[test]
    fn quoted_angle_brackets_in_attributes() {
        assert_eq!(
            to_text(r#"<a title="a > b" href='x'>link</a> text"#),
            "link <x> text"
        );
    }

    #[test]
    fn unterminated_markup_does_not_lose_text() {
        assert_eq!(to_text("a < b"), "a < b");
        assert_eq!(to_text("<p>cut <span"), "cut <span");
    }
}

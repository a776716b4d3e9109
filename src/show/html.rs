//! Email HTML as readable text: tags removed, entities decoded, paragraphs and line breaks kept,
//! `<script>`, `<style>` and comments dropped. Meant for reading a body on a terminal, not for
//! rendering a page.

/// Whether `s` looks like HTML: it holds a tag such as `<div` or `</p>` or `<br/>`.
pub fn looks_like_html(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
        && s.contains('>')
}

/// Tags (opening only) before which text continues on a new line.
const BREAKS: &[&str] = &["br", "tr", "li", "dt", "dd", "hr"];
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
    "ul",
    "ol",
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

/// Converts HTML to text. See the module documentation.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            // A lone `<`: keep it as text.
            push_text(&mut out, "<");
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
        if BLOCKS.contains(&name.as_str()) {
            paragraph(&mut out);
        } else if BREAKS.contains(&name.as_str()) && !closing {
            line_break(&mut out);
            if name == "li" {
                out.push_str("• ");
            }
        }
    }
    push_text(&mut out, rest);
    tidy(&out)
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
        } else {
            out.push(c);
        }
    }
}

/// Trims each line, keeps at most one blank line in a row, and trims the whole.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim();
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
    fn plain_text_is_not_html() {
        assert!(!looks_like_html("I <3 you"));
        assert!(!looks_like_html("a < b and c > d"));
        assert!(looks_like_html("x<br/>y"));
    }

    #[test]
    fn quoted_angle_brackets_in_attributes() {
        assert_eq!(
            to_text(r#"<a title="a > b" href='x'>link</a> text"#),
            "link text"
        );
    }

    #[test]
    fn unterminated_markup_does_not_lose_text() {
        assert_eq!(to_text("a < b"), "a < b");
        assert_eq!(to_text("<p>cut <span"), "cut <span");
    }
}

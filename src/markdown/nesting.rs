//! How deep a page nests its elements, Markdown blocks and raw HTML
//! together, counted in one pass over the events as they are parsed.
//!
//! The raw-HTML sanitiser (ammonia on html5ever) does work proportional to
//! the depth for every tag it opens: a 275 KB page of 50,000 nested `<div>`
//! took 44 s to build. Browsers flatten anything past 512 levels anyway, and
//! a real page nests about ten (a list in a quote in a `<details>`). A page
//! with raw HTML that nests past [`MAX_DEPTH`] is an error and is not
//! sanitised at all. A page of Markdown alone is never sanitised, and the
//! rest of the pipeline is linear in its depth: it may nest deeper.
//!
//! The count follows the HTML parser closely enough to over-count rather
//! than under-count: an end tag closes only an element open in its scope (a
//! stray `</span>` closes nothing, nor does a `</div>` outside the table
//! cell it is in, as in a browser), a new `<li>`, `<p>`, `<tr>`… closes the
//! open sibling it replaces, void elements open nothing, and raw HTML left
//! open inside a Markdown block stays counted after it.

use crate::msg;
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::course::Page;
use crate::diag::{Code, Diagnostic};

/// In a page with raw HTML, elements (Markdown's and raw HTML's) may nest
/// at most this deep (SPEC §11).
pub const MAX_DEPTH: usize = 256;

/// One open element: a Markdown block or inline (no name; only its own end
/// event closes it) or a raw HTML element.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Open {
    Markdown,
    Html(String),
}

/// Where the scanner is inside raw HTML; fragments (one per line of an HTML
/// block) may cut a tag or a comment in two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Text,
    /// After `<`: a tag name, `/`, `!` or `?` may follow.
    Lt,
    /// Reading a tag name (`closing` after `</`).
    Name {
        closing: bool,
    },
    /// Inside a tag after its name: in a quoted value, or just after `=`
    /// (where a quote starts one; elsewhere it is an ordinary character).
    Attrs {
        quote: Option<u8>,
        after_eq: bool,
    },
    /// `<!--` … `-->`, with how many `-` were just seen and how many
    /// characters were read (`<!-->` and `<!--->` end at once).
    Comment {
        dashes: u8,
        read: u8,
    },
    /// `<!…>` or `<?…>`.
    Declaration,
}

#[derive(Debug)]
pub struct Nesting {
    stack: Vec<Open>,
    lex: Lex,
    name: String,
    closing: bool,
    /// Set once the page went too deep: nothing more is counted.
    pub too_deep: bool,
}

impl Default for Nesting {
    fn default() -> Self {
        Nesting {
            stack: Vec::with_capacity(32),
            lex: Lex::Text,
            name: String::new(),
            closing: false,
            too_deep: false,
        }
    }
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements an end tag of another element does not close past (the HTML
/// parser's "in scope"), and foreign content, whose rules differ.
const SCOPE: &[&str] = &[
    "applet",
    "caption",
    "html",
    "table",
    "td",
    "th",
    "marquee",
    "object",
    "template",
    "svg",
    "math",
    "foreignobject",
    "desc",
    "title",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "annotation-xml",
    "select",
];

/// Elements a new one of the same group closes when it is the one open.
fn closes_sibling(new: &str, open: &str) -> bool {
    match new {
        "li" | "p" | "tr" | "option" | "tbody" | "thead" | "tfoot" => new == open,
        "dt" | "dd" => matches!(open, "dt" | "dd"),
        "td" | "th" => matches!(open, "td" | "th"),
        _ => false,
    }
}

impl Nesting {
    /// One event of the page. `Some(offset in the event's text)` where the
    /// page first went too deep.
    pub fn event(&mut self, event: &Event<'_>) -> Option<usize> {
        match event {
            Event::Start(tag) => self.start(tag).then_some(0),
            Event::End(tag) => {
                self.end(tag);
                None
            }
            Event::Html(html) | Event::InlineHtml(html) => self.html(html),
            _ => None,
        }
    }

    /// A Markdown start event. `true` when the page just went too deep.
    pub fn start(&mut self, tag: &Tag<'_>) -> bool {
        // An HTML block renders no element of its own.
        !matches!(tag, Tag::HtmlBlock) && self.push(Open::Markdown)
    }

    /// A Markdown end event: closes its start. Raw HTML left open inside it
    /// stays counted: the parser keeps some of it open (a `<div>` inside a
    /// paragraph or an emphasis outlives it).
    pub fn end(&mut self, tag: &TagEnd) {
        if self.too_deep || matches!(tag, TagEnd::HtmlBlock) {
            return;
        }
        if let Some(at) = self.stack.iter().rposition(|o| *o == Open::Markdown) {
            self.stack.remove(at);
        }
    }

    /// A fragment of raw HTML. `Some(offset in the fragment)` of the tag
    /// that made the page too deep.
    pub fn html(&mut self, fragment: &str) -> Option<usize> {
        if self.too_deep {
            return None;
        }
        let bytes = fragment.as_bytes();
        let mut tag_start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            self.lex = match (self.lex, b) {
                (Lex::Text, b'<') => {
                    tag_start = i;
                    Lex::Lt
                }
                (Lex::Text, _) => Lex::Text,
                (Lex::Lt, b'/') => {
                    self.start_name(true);
                    Lex::Name { closing: true }
                }
                (Lex::Lt, b'!' | b'?') => Lex::Declaration,
                (Lex::Lt, c) if c.is_ascii_alphabetic() => {
                    self.start_name(false);
                    self.push_name_char(c);
                    Lex::Name { closing: false }
                }
                (Lex::Lt, b'<') => {
                    tag_start = i;
                    Lex::Lt
                }
                (Lex::Lt, _) => Lex::Text,
                (Lex::Name { .. }, c) if c.is_ascii_alphanumeric() || c == b'-' => {
                    self.push_name_char(c);
                    self.lex
                }
                (Lex::Name { .. }, b'>') => {
                    if self.tag_done() {
                        return Some(tag_start);
                    }
                    Lex::Text
                }
                (Lex::Name { .. }, b'=') => Lex::Attrs {
                    quote: None,
                    after_eq: true,
                },
                (Lex::Name { .. }, _) => Lex::Attrs {
                    quote: None,
                    after_eq: false,
                },
                (Lex::Attrs { quote: None, .. }, b'>') => {
                    if self.tag_done() {
                        return Some(tag_start);
                    }
                    Lex::Text
                }
                (
                    Lex::Attrs {
                        quote: None,
                        after_eq: true,
                    },
                    q @ (b'"' | b'\''),
                ) => Lex::Attrs {
                    quote: Some(q),
                    after_eq: false,
                },
                (
                    Lex::Attrs {
                        quote: None,
                        after_eq,
                    },
                    c,
                ) => Lex::Attrs {
                    quote: None,
                    after_eq: c == b'=' || (after_eq && c.is_ascii_whitespace()),
                },
                (Lex::Attrs { quote: Some(q), .. }, c) if c == q => Lex::Attrs {
                    quote: None,
                    after_eq: false,
                },
                (Lex::Attrs { .. }, _) => self.lex,
                (Lex::Declaration, b'-') if i > 0 && bytes[i - 1] == b'-' => {
                    // `<!--`: the first `-` was read as part of a declaration.
                    Lex::Comment { dashes: 0, read: 0 }
                }
                (Lex::Declaration, b'>') => Lex::Text,
                (Lex::Declaration, _) => Lex::Declaration,
                (Lex::Comment { dashes, read }, b'>') if dashes >= 2 || read == dashes => Lex::Text,
                (Lex::Comment { dashes, read }, b'-') => Lex::Comment {
                    dashes: dashes.saturating_add(1),
                    read: read.saturating_add(1),
                },
                (Lex::Comment { read, .. }, _) => Lex::Comment {
                    dashes: 0,
                    read: read.saturating_add(1),
                },
            };
        }
        None
    }

    fn start_name(&mut self, closing: bool) {
        self.name.clear();
        self.closing = closing;
    }

    fn push_name_char(&mut self, c: u8) {
        // Names longer than any element's are cut: they match nothing anyway.
        if self.name.len() < 32 {
            self.name.push(c.to_ascii_lowercase() as char);
        }
    }

    /// A whole tag was read. `true` when it made the page too deep.
    fn tag_done(&mut self) -> bool {
        let name = std::mem::take(&mut self.name);
        if self.closing {
            // Closes the nearest open element of that name, with whatever is
            // open inside it, but not past a Markdown element or an element
            // that bounds the scope (a table cell, an <object>…).
            for (at, o) in self.stack.iter().enumerate().rev() {
                match o {
                    Open::Markdown => break,
                    Open::Html(n) if *n == name => {
                        self.stack.truncate(at);
                        break;
                    }
                    Open::Html(n) if SCOPE.contains(&n.as_str()) => break,
                    Open::Html(_) => {}
                }
            }
            false
        } else if name.is_empty() || VOID.contains(&name.as_str()) {
            false
        } else {
            if let Some(Open::Html(open)) = self.stack.last()
                && closes_sibling(&name, open)
            {
                self.stack.pop();
            }
            self.push(Open::Html(name))
        }
    }

    fn push(&mut self, open: Open) -> bool {
        if self.too_deep {
            return false;
        }
        self.stack.push(open);
        if self.stack.len() > MAX_DEPTH {
            self.too_deep = true;
            self.stack = Vec::new();
            return true;
        }
        false
    }
}

/// The error for a page nested too deep, at byte `offset` of its file.
pub fn diagnostic(page: &Page, offset: usize) -> Diagnostic {
    Diagnostic::error(
        Code::NestingTooDeep,
        msg!("content-nesting-too-deep", depth = MAX_DEPTH),
    )
    .at(&page.file, &page.text, offset..offset + 1)
    .locale(&page.locale)
    .hint(msg!("content-nesting-too-deep-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_of(fragments: &[&str]) -> (usize, bool) {
        let mut n = Nesting::default();
        for f in fragments {
            n.html(f);
        }
        (n.stack.len(), n.too_deep)
    }

    #[test]
    fn counts_what_a_browser_keeps_open() {
        assert_eq!(
            depth_of(&["<div><p>a</p><br><img src=x></div>"]),
            (0, false)
        );
        assert_eq!(
            depth_of(&["<div class=\"a>b\">", "<span title='<i>'>"]),
            (2, false)
        );
        assert_eq!(
            depth_of(&["<div><!-- <div><div> -->", "<!doctype html><?x?>"]),
            (1, false)
        );
        // Comments that end at once, and quotes that start no value.
        assert_eq!(depth_of(&["<!--><div><!---><div>"]), (2, false));
        assert_eq!(depth_of(&["<div a=b\"c><div x='1' y = \"2\">"]), (2, false));
        // A tag cut between two lines of an HTML block.
        assert_eq!(depth_of(&["<div", " class=x>", "</div>"]), (0, false));
        // Omitted end tags of list items and paragraphs.
        let items = format!("<ul>{}</ul>", "<li>x".repeat(1000));
        assert_eq!(depth_of(&[&items]), (0, false));
        assert_eq!(depth_of(&[&"<p>x".repeat(1000)]), (1, false));
    }

    #[test]
    fn stray_end_tags_do_not_hide_depth() {
        let s = "<div></span>".repeat(MAX_DEPTH + 1);
        assert!(depth_of(&[&s]).1);
        let s = "<div>".repeat(MAX_DEPTH);
        assert_eq!(depth_of(&[&s]), (MAX_DEPTH, false));
        // A </div> does not close past a table cell (the parser ignores it).
        let s = "<div><table><tr><td></div>".repeat(MAX_DEPTH / 2);
        assert!(depth_of(&[&s]).1);
    }

    #[test]
    fn the_offset_of_the_tag_too_deep() {
        let mut n = Nesting::default();
        let s = "<div>".repeat(MAX_DEPTH + 5);
        assert_eq!(n.html(&s), Some(5 * MAX_DEPTH));
        assert!(n.too_deep);
    }

    #[test]
    fn markdown_blocks_count_and_close_raw_html_inside() {
        let mut n = Nesting::default();
        n.start(&Tag::BlockQuote(None));
        n.start(&Tag::Emphasis);
        n.end(&TagEnd::Emphasis);
        n.end(&TagEnd::BlockQuote(None));
        assert_eq!(n.stack.len(), 0);
        // `x <div>` in a paragraph: the <div> outlives the paragraph.
        n.start(&Tag::Paragraph);
        n.html("<div>");
        n.end(&TagEnd::Paragraph);
        assert_eq!(n.stack, [Open::Html("div".into())]);
        // HTML blocks are no element: a <div> opened in one stays open.
        let mut n = Nesting::default();
        n.start(&Tag::HtmlBlock);
        n.html("<div>\n");
        n.end(&TagEnd::HtmlBlock);
        assert_eq!(n.stack.len(), 1);
        let mut n = Nesting::default();
        let mut hit = false;
        for _ in 0..=MAX_DEPTH {
            hit |= n.start(&Tag::BlockQuote(None));
        }
        assert!(hit && n.too_deep);
    }
}

//! Markdown pages: find the byte ranges of human text, convert only those.
//!
//! Human text: paragraph, heading, list, table, block quote and footnote text,
//! emphasis, link text and image alt text, the text of raw HTML elements (not
//! their tags or attributes, not `<code>`, `<pre>`, `<script>`, `<style>`,
//! `<kbd>`, `<samp>`, `<var>`, nor elements with a `lang` other than `uz`), the
//! prompts, options and explanations of ```` ```quiz ```` blocks, and the
//! `title` and `description` strings of the `+++` front matter.
//!
//! Kept byte for byte: everything else — front matter keys and other values
//! (`translation_of`), code spans and blocks, link and image destinations and
//! titles, link reference definitions and the text of shortcut/collapsed
//! reference links (it is the label), autolinks, footnote labels, heading
//! ids `{#id}`, HTML tags, entities (`&amp;`) and backslash escapes, quiz
//! markers (`? `, `( )`, `(x)`, `[ ]`, `[x]`, `> `), and every byte of
//! Markdown syntax.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::Script;
use super::exceptions::Exceptions;
use super::rules::{is_cyrillic_word, read_latin};
use super::text::{convert_text, scan};

/// Converts the human text of a Markdown page (see the module documentation).
pub fn markdown(src: &str, to: Script, ex: &Exceptions) -> String {
    let mut out = String::with_capacity(src.len() * 2);
    let mut last = 0;
    for r in text_ranges(src) {
        if r.start < last || r.end > src.len() {
            continue;
        }
        let (Some(before), Some(text)) = (src.get(last..r.start), src.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&convert_text(text, to, ex));
        last = r.end;
    }
    out.push_str(src.get(last..).unwrap_or(""));
    out
}

/// The parser options the course renderer uses.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Sorted, non-overlapping byte ranges of human text in a page.
pub fn text_ranges(src: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let body_start = front_matter(src, &mut ranges);
    if let Some(body) = src.get(body_start..) {
        body_ranges(body, body_start, 0, &mut ranges);
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut clean: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        if r.start >= r.end || !src.is_char_boundary(r.start) || !src.is_char_boundary(r.end) {
            continue;
        }
        match clean.last_mut() {
            Some(l) if r.start < l.end => continue,
            // text split around `` ` `` or `*` that is not markup: one word
            Some(l) if r.start == l.end => l.end = r.end,
            _ => clean.push(r),
        }
    }
    clean
}

/// Finds the `+++` front matter; pushes the ranges of its `title` and
/// `description` strings; returns where the body starts.
fn front_matter(src: &str, ranges: &mut Vec<Range<usize>>) -> usize {
    let first_end = src.find('\n').map(|i| i + 1).unwrap_or(src.len());
    if src[..first_end].trim_end() != "+++" {
        return 0;
    }
    let mut pos = first_end;
    while pos < src.len() {
        let end = src[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(src.len());
        let line = &src[pos..end];
        if line.trim_end() == "+++" {
            return end;
        }
        front_matter_line(line, pos, ranges);
        pos = end;
    }
    // no closing line: not front matter
    ranges.clear();
    0
}

fn front_matter_line(line: &str, base: usize, ranges: &mut Vec<Range<usize>>) {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    let key_len = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(t.len());
    let key = &t[..key_len];
    if key != "title" && key != "description" {
        return;
    }
    let after = &t[key_len..];
    let after_eq = after.trim_start();
    let Some(v) = after_eq.strip_prefix('=') else {
        return;
    };
    let v_trim = v.trim_start();
    let v_off =
        base + indent + key_len + (after.len() - after_eq.len()) + 1 + (v.len() - v_trim.len());
    let quote = match v_trim.chars().next() {
        Some(q @ ('"' | '\'')) => q,
        _ => return,
    };
    if v_trim.starts_with("\"\"\"") || v_trim.starts_with("'''") {
        return;
    }
    let content = &v_trim[1..];
    let start = v_off + 1;
    let mut seg_start = start;
    let mut iter = content.char_indices();
    while let Some((i, c)) = iter.next() {
        if c == quote {
            if seg_start < start + i {
                ranges.push(seg_start..start + i);
            }
            return;
        }
        if quote == '"' && c == '\\' {
            if seg_start < start + i {
                ranges.push(seg_start..start + i);
            }
            // skip the escape: \n, \", \uXXXX, \UXXXXXXXX
            let mut skip_to = i + 1;
            if let Some((j, e)) = iter.next() {
                skip_to = j + e.len_utf8();
                let extra = match e {
                    'u' => 4,
                    'U' => 8,
                    _ => 0,
                };
                for _ in 0..extra {
                    if let Some((k, h)) = iter.next() {
                        skip_to = k + h.len_utf8();
                    }
                }
            }
            seg_start = start + skip_to;
        }
    }
    // unterminated string: nothing is converted
}

/// HTML elements whose text is not human text to convert.
const RAW_ELEMENTS: &[&str] = &[
    "code", "pre", "script", "style", "kbd", "samp", "var", "textarea",
];

#[derive(Default)]
struct HtmlState {
    /// Open elements: (name, whether its text is skipped).
    stack: Vec<(String, bool)>,
    /// Inside `<...` across events.
    in_tag: bool,
    in_comment: bool,
    tag_buf: String,
}

impl HtmlState {
    fn skipping(&self) -> bool {
        self.stack.iter().any(|(_, s)| *s)
    }

    fn tag(&mut self, tag: &str) {
        let t = tag.trim_start_matches('<').trim_end_matches('>');
        let t = t.trim();
        if t.starts_with('!') || t.starts_with('?') {
            return;
        }
        if let Some(name) = t.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            if let Some(pos) = self.stack.iter().rposition(|(n, _)| *n == name) {
                self.stack.truncate(pos);
            }
            return;
        }
        let name: String = t
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || t.ends_with('/') || is_void(&name) {
            return;
        }
        let lang = attr_value(t, "lang");
        let skip = RAW_ELEMENTS.contains(&name.as_str())
            || lang.is_some_and(|l| {
                let l = l.to_ascii_lowercase();
                !(l == "uz" || l.starts_with("uz-"))
            });
        self.stack.push((name, skip));
    }

    /// Scans raw HTML at `base`; pushes the ranges of text between tags.
    fn scan(&mut self, html: &str, base: usize, ranges: &mut Vec<Range<usize>>) {
        let mut text_start: Option<usize> = None;
        let mut i = 0;
        let b = html.as_bytes();
        while i < b.len() {
            if self.in_comment {
                match html[i..].find("-->") {
                    Some(k) => {
                        i += k + 3;
                        self.in_comment = false;
                    }
                    None => i = b.len(),
                }
                continue;
            }
            if self.in_tag {
                match html[i..].find('>') {
                    Some(k) => {
                        self.tag_buf.push_str(&html[i..i + k + 1]);
                        let tag = std::mem::take(&mut self.tag_buf);
                        self.tag(&tag);
                        self.in_tag = false;
                        i += k + 1;
                    }
                    None => {
                        self.tag_buf.push_str(&html[i..]);
                        i = b.len();
                    }
                }
                continue;
            }
            if b[i] == b'<' {
                if let Some(s) = text_start.take()
                    && !self.skipping()
                {
                    ranges.push(base + s..base + i);
                }
                if html[i..].starts_with("<!--") {
                    self.in_comment = true;
                    i += 4;
                } else {
                    self.in_tag = true;
                    self.tag_buf.clear();
                }
                continue;
            }
            if text_start.is_none() {
                text_start = Some(i);
            }
            i += 1;
            while i < b.len() && !html.is_char_boundary(i) {
                i += 1;
            }
        }
        if let Some(s) = text_start
            && !self.skipping()
        {
            ranges.push(base + s..base + b.len());
        }
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// The value of an attribute in a tag's inside text.
fn attr_value<'a>(tag: &'a str, attr: &str) -> Option<&'a str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find(attr) {
        let at = from + k;
        from = at + attr.len();
        let before_ok = at > 0 && lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let val_start = tag.len() - rest.len() + 1;
        let v = tag.get(val_start..)?.trim_start();
        return match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next(),
            _ => v.split(|c: char| c.is_whitespace() || c == '>').next(),
        };
    }
    None
}

/// Human-text ranges of a Markdown fragment (no front matter) at `base`.
fn body_ranges(body: &str, base: usize, depth: usize, ranges: &mut Vec<Range<usize>>) {
    let mut html = HtmlState::default();
    // code block: Some(its text is human text: a quiz or scenario block)
    let mut code: Option<Option<Block>> = None;
    // open links and images: whether their text must stay (a shortcut or
    // collapsed reference label, an autolink)
    let mut links: Vec<bool> = Vec::new();
    let mut in_heading = false;
    // open emphasis: index of its first range
    let mut emphasis: Vec<usize> = Vec::new();
    for (ev, r) in Parser::new_ext(body, options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                let block = match &kind {
                    CodeBlockKind::Fenced(info) => match info.split_whitespace().next() {
                        Some("quiz") => Some(Block::Quiz),
                        Some("scenario") => Some(Block::Scenario),
                        _ => None,
                    },
                    CodeBlockKind::Indented => None,
                };
                code = Some(block);
            }
            Event::End(TagEnd::CodeBlock) => code = None,
            Event::Start(Tag::Link { link_type, .. })
            | Event::Start(Tag::Image { link_type, .. }) => links.push(keeps_text(link_type)),
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                links.pop();
            }
            Event::Start(Tag::Emphasis) => emphasis.push(ranges.len()),
            Event::End(TagEnd::Emphasis) => {
                // *travaux préparatoires*: an italic phrase with a foreign word
                // is a foreign title or term; keep all of it
                if let Some(from) = emphasis.pop()
                    && ranges.len() > from
                    && ranges[from..].iter().any(|r| {
                        let (Some(a), Some(b)) =
                            (r.start.checked_sub(base), r.end.checked_sub(base))
                        else {
                            return false;
                        };
                        body.get(a..b).is_some_and(has_foreign_word)
                    })
                {
                    ranges.truncate(from);
                }
            }
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Html(_) | Event::InlineHtml(_) => {
                if let Some(raw) = body.get(r.clone()) {
                    html.scan(raw, base + r.start, ranges);
                }
            }
            Event::Text(t) => match code {
                Some(Some(block)) => {
                    if depth == 0
                        && let Some(raw) = body.get(r.clone())
                    {
                        match block {
                            Block::Quiz => quiz_ranges(raw, base + r.start, depth, ranges),
                            Block::Scenario => scenario_ranges(raw, base + r.start, depth, ranges),
                        }
                    }
                }
                Some(None) => {}
                None => {
                    if !links.contains(&true) && !html.skipping() {
                        text_event(body, r, &t, in_heading, base, ranges);
                    }
                }
            },
            _ => {}
        }
    }
}

/// Whether a text has a Latin word that is not Uzbek (`préparatoires`).
fn has_foreign_word(text: &str) -> bool {
    scan(text).iter().any(|t| {
        let w = &text[t.start..t.end];
        !t.keep && !is_cyrillic_word(w) && read_latin(w).is_none()
    })
}

fn keeps_text(link_type: LinkType) -> bool {
    matches!(
        link_type,
        LinkType::Shortcut
            | LinkType::ShortcutUnknown
            | LinkType::Collapsed
            | LinkType::CollapsedUnknown
            | LinkType::Autolink
            | LinkType::Email
            | LinkType::WikiLink { .. }
    )
}

/// The source range of a text event, minus entities and backslash escapes.
fn text_event(
    body: &str,
    r: Range<usize>,
    text: &str,
    in_heading: bool,
    base: usize,
    ranges: &mut Vec<Range<usize>>,
) {
    let Some(raw) = body.get(r.clone()) else {
        return;
    };
    if raw == text {
        ranges.push(base + r.start..base + r.end);
        return;
    }
    if in_heading && raw.starts_with(text) {
        // a heading's `{#id}` (or trailing #s) follows its text
        ranges.push(base + r.start..base + r.start + text.len());
        return;
    }
    // split around `&entity;` and `\x`
    let b = raw.as_bytes();
    let mut seg = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            if seg < i {
                ranges.push(base + r.start + seg..base + r.start + i);
            }
            i += 2;
            while i < b.len() && !raw.is_char_boundary(i) {
                i += 1;
            }
            seg = i;
            continue;
        }
        if b[i] == b'&' {
            let mut k = i + 1;
            if k < b.len() && b[k] == b'#' {
                k += 1;
            }
            let name_start = k;
            while k < b.len() && b[k].is_ascii_alphanumeric() && k - name_start < 32 {
                k += 1;
            }
            if k > name_start && k < b.len() && b[k] == b';' {
                if seg < i {
                    ranges.push(base + r.start + seg..base + r.start + i);
                }
                i = k + 1;
                seg = i;
                continue;
            }
        }
        i += 1;
    }
    if seg < b.len() {
        ranges.push(base + r.start + seg..base + r.end);
    }
}

/// A fenced block whose lines are human text around darslik's markers.
#[derive(Clone, Copy)]
enum Block {
    Quiz,
    Scenario,
}

/// The human text of a scenario block: step text, the text of choices (not
/// their `-> id (+N)`) and feedback; `# id` lines are names, kept.
fn scenario_ranges(raw: &str, base: usize, depth: usize, ranges: &mut Vec<Range<usize>>) {
    let mut pos = 0;
    for line in raw.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let t = content.trim_start();
        let lead = content.len() - t.len();
        let (from, to) = if t.starts_with('#') {
            (0, 0)
        } else if let Some(rest) = t.strip_prefix("* ")
            && let Some(arrow) = rest.rfind(" -> ")
        {
            (lead + 2, lead + 2 + arrow)
        } else if let Some(rest) = t.strip_prefix('>') {
            (content.len() - rest.len(), content.len())
        } else {
            (lead, content.len())
        };
        if let Some(inline) = content.get(from..to)
            && !inline.trim().is_empty()
        {
            let trimmed = inline.trim_start();
            let off = pos + from + (inline.len() - trimmed.len());
            body_ranges(trimmed, base + off, depth + 1, ranges);
        }
        pos += line.len();
    }
}

/// The human text of quiz lines: what follows the marker, read as inline Markdown.
fn quiz_ranges(raw: &str, base: usize, depth: usize, ranges: &mut Vec<Range<usize>>) {
    let mut pos = 0;
    for line in raw.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let t = content.trim_start();
        let lead = content.len() - t.len();
        let marker = ["? ", "( ) ", "(x) ", "(X) ", "[ ] ", "[x] ", "[X] ", "> "]
            .iter()
            .find(|m| t.starts_with(**m))
            .map(|m| m.len())
            .or_else(|| {
                ["( )", "(x)", "(X)", "[ ]", "[x]", "[X]", ">", "?"]
                    .iter()
                    .find(|m| t == **m)
                    .map(|m| m.len())
            })
            .unwrap_or(0);
        let text_start = lead + marker;
        if let Some(inline) = content.get(text_start..)
            && !inline.trim().is_empty()
        {
            // leading spaces would make an indented code block
            let trimmed = inline.trim_start();
            let off = pos + text_start + (inline.len() - trimmed.len());
            body_ranges(trimmed, base + off, depth + 1, ranges);
        }
        pos += line.len();
    }
}

//! Markdown pages with pulldown-cmark: parse once into events, give headings
//! GitHub-style ids, find links, images and quiz blocks; then render HTML with
//! the link targets the resolver chose.

pub(crate) mod inline;
pub mod links;
pub mod media;
pub mod nesting;
pub mod quiz;
pub mod sanitize;
pub mod scenario;
pub mod slug;

use crate::msg;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::course::Page;
use crate::diag::{Code, Diagnostic};

/// How every table opens: in a box that scrolls sideways on a narrow screen.
macro_rules! table_wrap {
    () => {
        "<div class=\"table-wrap\""
    };
}
/// The start of a table's box in a rendered body (`render::assets` loads
/// tables.js where it finds one; the sanitizer keeps it as it is).
pub const TABLE_WRAP: &str = table_wrap!();

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Link,
    Image,
}

/// A link or image destination as written in the page.
#[derive(Debug, Clone)]
pub struct Reference {
    event: usize,
    pub kind: RefKind,
    pub dest: String,
    /// Byte range in the page's file text.
    pub span: Range<usize>,
}

/// A ```` ```quiz ```` or ```` ```scenario ```` block: its text and where it
/// starts in the file.
#[derive(Debug, Clone)]
pub struct QuizBlock {
    first_event: usize,
    last_event: usize,
    pub text: String,
    /// 1-based line of the first line inside the fence.
    pub first_line: usize,
    /// Byte offset of the fence in the page's file text.
    pub offset: usize,
}

/// A page parsed once; borrowed from the page's text.
#[derive(Debug)]
pub struct Parsed<'a> {
    pub page: &'a Page,
    events: Vec<Event<'a>>,
    pub headings: Vec<Heading>,
    pub ids: HashSet<String>,
    pub refs: Vec<Reference>,
    pub quizzes: Vec<QuizBlock>,
    /// ```` ```scenario ```` blocks (SPEC §8), in page order.
    pub scenarios: Vec<QuizBlock>,
    /// Raw HTML in the page: the rendered page must be sanitised.
    pub has_raw_html: bool,
    /// Raw HTML in a page nested deeper than `nesting::MAX_DEPTH` (an
    /// error): never sanitised.
    too_deep: bool,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub fn parse(page: &Page) -> Parsed<'_> {
    let base = page.body_start;
    let body = page.body();
    // About one event for every 24 bytes of prose (grown by doubling, the
    // list was copied over and over on long pages).
    let mut events: Vec<Event<'_>> = Vec::with_capacity(body.len() / 24 + 16);
    let mut headings = Vec::new();
    let mut ids = slug::IdSet::default();
    let mut id_list = HashSet::new();
    let mut refs = Vec::new();
    let mut quizzes = Vec::new();
    let mut scenarios = Vec::new();
    let mut diagnostics = Vec::new();
    let mut open_heading: Option<(usize, Range<usize>)> = None;
    // (first event, fence offset, text, a scenario rather than a quiz)
    let mut open_quiz: Option<(usize, usize, String, bool)> = None;
    // Lines counted so far: (byte offset, 1-based line there). Quiz blocks come
    // in file order, so each count goes on from the last (linear in the file).
    let mut counted = (0usize, 1usize);
    let mut has_raw_html = false;
    let mut nesting = nesting::Nesting::default();
    let mut too_deep_at = None;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let index = events.len();
        let span = base + range.start..base + range.end;
        if let Some(at) = nesting.event(&event) {
            too_deep_at = Some(span.start + at);
        }
        match &event {
            Event::Start(Tag::Heading { .. }) => open_heading = Some((index, span.clone())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((start, hspan)) = open_heading.take() {
                    let text = plain_text(&events[start + 1..]);
                    if let Event::Start(Tag::Heading {
                        level,
                        id,
                        classes,
                        attrs,
                    }) = &events[start]
                    {
                        let id = match id {
                            Some(explicit) if sanitize::reserved_id(explicit) => {
                                diagnostics.push(
                                    Diagnostic::warning(
                                        Code::HtmlRemoved,
                                        msg!(
                                            "content-heading-id-reserved",
                                            id = explicit.to_string()
                                        ),
                                    )
                                    .at(&page.file, &page.text, hspan.clone())
                                    .locale(&page.locale)
                                    .hint(msg!("content-heading-id-reserved-hint")),
                                );
                                ids.unique(&slug::slugify(&text))
                            }
                            Some(explicit) => {
                                if !ids.reserve(explicit) {
                                    diagnostics.push(
                                        Diagnostic::warning(
                                            Code::HeadingIdDuplicate,
                                            msg!(
                                                "content-heading-id-duplicate",
                                                id = explicit.to_string()
                                            ),
                                        )
                                        .at(&page.file, &page.text, hspan.clone())
                                        .locale(&page.locale)
                                        .hint(msg!("content-heading-id-duplicate-hint")),
                                    );
                                }
                                explicit.to_string()
                            }
                            None => ids.unique(&slug::slugify(&text)),
                        };
                        let level = *level;
                        let attrs = heading_attributes(attrs, |name| {
                            // Point at the attribute inside `{…}`.
                            let src = &page.text[hspan.clone()];
                            let at = src
                                .rfind('{')
                                .and_then(|b| src[b..].find(name).map(|i| b + i))
                                .map_or(hspan.clone(), |i| {
                                    hspan.start + i..hspan.start + i + name.len()
                                });
                            diagnostics.push(
                                Diagnostic::warning(
                                    Code::HtmlRemoved,
                                    msg!("content-heading-attribute", name = name),
                                )
                                .at(&page.file, &page.text, at)
                                .locale(&page.locale)
                                .hint(msg!("content-heading-attribute-hint")),
                            );
                        });
                        events[start] = Event::Start(Tag::Heading {
                            level,
                            id: Some(CowStr::from(id.clone())),
                            classes: classes.clone(),
                            attrs,
                        });
                        id_list.insert(id.clone());
                        headings.push(Heading {
                            level: level as u8,
                            id,
                            text,
                        });
                    }
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => refs.push(Reference {
                event: index,
                kind: RefKind::Link,
                dest: dest_url.to_string(),
                span: span.clone(),
            }),
            Event::Start(Tag::Image { dest_url, .. }) => refs.push(Reference {
                event: index,
                kind: RefKind::Image,
                dest: dest_url.to_string(),
                span: span.clone(),
            }),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if matches!(info.split_whitespace().next(), Some("quiz" | "scenario")) =>
            {
                let scenario = info.split_whitespace().next() == Some("scenario");
                open_quiz = Some((index, span.start, String::new(), scenario));
            }
            Event::Text(t) => {
                if let Some((_, _, text, _)) = open_quiz.as_mut() {
                    text.push_str(t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((first, offset, text, scenario)) = open_quiz.take() {
                    let (from, line) = if offset >= counted.0 { counted } else { (0, 1) };
                    let fence_line = line + page.text[from..offset].matches('\n').count();
                    counted = (offset, fence_line);
                    // Links and images inside the quiz's text are resolved
                    // and checked like the page's own (issue 16 R7).
                    let text_start = page.text[offset..]
                        .find('\n')
                        .map_or(span.end, |n| offset + n + 1);
                    quiz_refs(&text, text_start, &mut refs);
                    let block = QuizBlock {
                        first_event: first,
                        last_event: index,
                        text,
                        first_line: fence_line + 1,
                        offset,
                    };
                    if scenario {
                        scenarios.push(block);
                    } else {
                        quizzes.push(block);
                    }
                }
            }
            Event::Html(fragment) | Event::InlineHtml(fragment) => {
                has_raw_html = true;
                for (r, tag) in media::raw_tags(fragment) {
                    diagnostics.push(
                        Diagnostic::warning(
                            Code::MediaRawHtml,
                            msg!("content-media-raw-html", tag = tag),
                        )
                        .at(
                            &page.file,
                            &page.text,
                            span.start + r.start..span.start + r.end,
                        )
                        .locale(&page.locale)
                        .hint(msg!("content-media-raw-html-hint")),
                    );
                }
                for (r, what) in sanitize::dangerous(fragment) {
                    diagnostics.push(
                        Diagnostic::warning(Code::HtmlRemoved, html_removed(what))
                            .at(
                                &page.file,
                                &page.text,
                                span.start + r.start..span.start + r.end,
                            )
                            .locale(&page.locale)
                            .hint(msg!("content-html-removed-hint")),
                    );
                }
            }
            _ => {}
        }
        events.push(event);
    }
    // Only the sanitiser (for raw HTML) is slow on deep pages.
    if has_raw_html && let Some(at) = too_deep_at {
        diagnostics.push(nesting::diagnostic(page, at));
    }
    Parsed {
        page,
        events,
        headings,
        ids: id_list,
        refs,
        quizzes,
        scenarios,
        has_raw_html,
        too_deep: has_raw_html && too_deep_at.is_some(),
        diagnostics,
    }
}

/// The links and images of a quiz or scenario block's text, as references of
/// the page (`event` none: the block renders them itself, by destination).
fn quiz_refs(text: &str, text_start: usize, refs: &mut Vec<Reference>) {
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        let (kind, dest) = match &event {
            Event::Start(Tag::Link { dest_url, .. }) => (RefKind::Link, dest_url),
            Event::Start(Tag::Image { dest_url, .. }) => (RefKind::Image, dest_url),
            _ => continue,
        };
        refs.push(Reference {
            event: usize::MAX,
            kind,
            dest: dest.to_string(),
            span: text_start + range.start..text_start + range.end,
        });
    }
}

impl Reference {
    /// Is this a link or image inside a quiz or scenario block?
    pub fn in_quiz(&self) -> bool {
        self.event == usize::MAX
    }
}

/// The attributes a heading may keep from `{…}` after its text: `lang` and
/// `dir` (a heading in another language). Everything else — `onfocus=…`,
/// `autofocus`, `style`, `tabindex` — could run code or change the page and
/// is dropped, each name told to `removed`. (Ids and classes are separate:
/// ids are checked against the reserved ones, classes are only names.)
fn heading_attributes<'a>(
    attrs: &[(CowStr<'a>, Option<CowStr<'a>>)],
    mut removed: impl FnMut(&str),
) -> Vec<(CowStr<'a>, Option<CowStr<'a>>)> {
    let mut kept = Vec::new();
    for (name, value) in attrs {
        let plain = value.as_deref().is_some_and(|v| {
            v.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        });
        match name.as_ref() {
            "lang" | "dir" if plain => kept.push((name.clone(), value.clone())),
            other => removed(other),
        }
    }
    kept
}

/// The text of inline events (for heading ids and the table of contents).
fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s
}

/// What the renderer needs besides the parsed page.
pub struct RenderInput<'r> {
    /// New destination per reference index (`None`: keep as written;
    /// `Some("")`: drop the link and keep its text).
    pub hrefs: &'r [Option<String>],
    /// HTML per quiz block index.
    pub quizzes: &'r [String],
    /// HTML per scenario block index.
    pub scenarios: &'r [String],
    /// Prefix for every id of the page (heading ids, footnotes), for documents
    /// that hold several pages; empty for one page per document.
    pub id_prefix: &'r str,
    /// Per reference index: the clip an image reference names (a video or
    /// audio file), rendered as a `<figure>` instead of an `<img>`.
    pub media: &'r [Option<media::Media>],
}

fn footnote_id(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

impl Parsed<'_> {
    /// Render the page body to HTML.
    pub fn render(&self, input: &RenderInput<'_>) -> String {
        let prefix = if input.id_prefix.is_empty() {
            String::new()
        } else {
            format!("{}-", input.id_prefix)
        };
        let mut replace: HashMap<usize, &str> = HashMap::new();
        for (r, href) in self.refs.iter().zip(input.hrefs) {
            if let Some(h) = href {
                replace.insert(r.event, h.as_str());
            }
        }
        let mut quiz_at: HashMap<usize, (usize, Cow<'_, str>)> = HashMap::new();
        for (q, html) in self.quizzes.iter().zip(input.quizzes) {
            quiz_at.insert(q.first_event, (q.last_event, Cow::Borrowed(html.as_str())));
        }
        for (q, html) in self.scenarios.iter().zip(input.scenarios) {
            quiz_at.insert(q.first_event, (q.last_event, Cow::Borrowed(html.as_str())));
        }
        // Clips (`![caption](clip.mp4)`) are blocks like quizzes: made
        // after the sanitiser, in place of the image and, when the image is
        // alone in its paragraph, of the paragraph.
        let mut bare: HashSet<usize> = HashSet::new();
        for (r, m) in self.refs.iter().zip(input.media) {
            let Some(m) = m else { continue };
            if r.kind != RefKind::Image || r.in_quiz() {
                continue;
            }
            let start = r.event;
            let mut depth = 0usize;
            let mut end = start;
            for (j, e) in self.events.iter().enumerate().skip(start) {
                match e {
                    Event::Start(Tag::Image { .. }) => depth += 1,
                    Event::End(TagEnd::Image) => {
                        depth -= 1;
                        if depth == 0 {
                            end = j;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let caption = plain_text(&self.events[start..=end]);
            if start > 0
                && matches!(self.events[start - 1], Event::Start(Tag::Paragraph))
                && matches!(
                    self.events.get(end + 1),
                    Some(Event::End(TagEnd::Paragraph))
                )
            {
                bare.insert(start - 1);
                bare.insert(end + 1);
            }
            quiz_at.insert(start, (end, Cow::Owned(media::figure(m, &caption))));
        }
        // On a page with raw HTML the sanitiser runs over the whole body. The
        // blocks darslik makes (quizzes, scenarios with their diagrams) clean
        // their author text themselves and are put in after it, in place of
        // a mark the author cannot write: it holds a hash of the page's own
        // text.
        let mark = if self.has_raw_html && !quiz_at.is_empty() {
            use sha2::Digest;
            let digest = sha2::Sha256::digest(self.page.text.as_bytes());
            digest
                .iter()
                .take(12)
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        } else {
            String::new()
        };
        let mut spliced: Vec<(String, &str)> = Vec::new();
        let quiz_at = quiz_at;
        // Footnotes are numbered in the order of their first reference.
        let mut numbers: HashMap<&str, usize> = HashMap::new();
        for e in &self.events {
            if let Event::FootnoteReference(name) = e {
                let next = numbers.len() + 1;
                numbers.entry(name.as_ref()).or_insert(next);
            }
        }
        let mut referenced: HashSet<&str> = HashSet::new();
        let mut out: Vec<Event<'_>> = Vec::with_capacity(self.events.len() + 8);
        let mut skip_until: Option<usize> = None;
        let mut link_depth = 0usize;
        let mut dropped_at: Vec<usize> = Vec::new();
        let mut images: Vec<bool> = Vec::new();
        for (i, e) in self.events.iter().enumerate() {
            if let Some(end) = skip_until {
                if i <= end {
                    continue;
                }
                skip_until = None;
            }
            if bare.contains(&i) {
                continue;
            }
            if let Some((end, html)) = quiz_at.get(&i) {
                skip_until = Some(*end);
                let html: &str = html;
                if mark.is_empty() {
                    out.push(Event::Html(CowStr::from(html.to_string())));
                } else {
                    let slot = format!(
                        "<div data-darslik-block=\"{mark}-{}\"></div>",
                        spliced.len()
                    );
                    out.push(Event::Html(CowStr::from(format!("{slot}\n"))));
                    spliced.push((slot, html));
                }
                continue;
            }
            match e {
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) if !prefix.is_empty() => out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: id.as_ref().map(|id| CowStr::from(format!("{prefix}{id}"))),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                })),
                Event::Start(Tag::Link {
                    link_type,
                    title,
                    id,
                    ..
                }) => {
                    link_depth += 1;
                    match replace.get(&i) {
                        Some(&"") => {
                            dropped_at.push(link_depth);
                        }
                        Some(h) => out.push(Event::Start(Tag::Link {
                            link_type: *link_type,
                            dest_url: CowStr::from(h.to_string()),
                            title: title.clone(),
                            id: id.clone(),
                        })),
                        None => out.push(e.clone()),
                    }
                }
                Event::End(TagEnd::Link) => {
                    if dropped_at.last() == Some(&link_depth) {
                        dropped_at.pop();
                    } else {
                        out.push(e.clone());
                    }
                    link_depth = link_depth.saturating_sub(1);
                }
                Event::Start(Tag::Image {
                    link_type,
                    title,
                    id,
                    ..
                }) => {
                    let keep = replace.get(&i) != Some(&"");
                    images.push(keep);
                    match replace.get(&i) {
                        // A removed image leaves its alt text.
                        Some(&"") => {}
                        Some(h) => out.push(Event::Start(Tag::Image {
                            link_type: *link_type,
                            dest_url: CowStr::from(h.to_string()),
                            title: title.clone(),
                            id: id.clone(),
                        })),
                        None => out.push(e.clone()),
                    }
                }
                Event::End(TagEnd::Image) => {
                    if images.pop().unwrap_or(true) {
                        out.push(e.clone());
                    }
                }
                Event::Start(Tag::Table(_)) => {
                    out.push(Event::Html(CowStr::Borrowed(concat!(
                        table_wrap!(),
                        " tabindex=\"0\">"
                    ))));
                    out.push(e.clone());
                }
                Event::End(TagEnd::Table) => {
                    out.push(e.clone());
                    out.push(Event::Html(CowStr::Borrowed("</div>")));
                }
                Event::FootnoteReference(name) => {
                    let n = numbers.get(name.as_ref()).copied().unwrap_or(0);
                    let fid = footnote_id(name);
                    let back = if referenced.insert(name.as_ref()) {
                        format!(" id=\"{prefix}fnref-{fid}\"")
                    } else {
                        String::new()
                    };
                    out.push(Event::Html(CowStr::from(format!(
                        "<sup class=\"footnote-reference\"{back}><a href=\"#{prefix}fn-{fid}\">{n}</a></sup>"
                    ))));
                }
                Event::Start(Tag::FootnoteDefinition(name)) => {
                    let n = numbers
                        .get(name.as_ref())
                        .map_or_else(|| "*".to_string(), |n| n.to_string());
                    out.push(Event::Html(CowStr::from(format!(
                        "<div class=\"footnote-definition\" id=\"{prefix}fn-{}\"><sup class=\"footnote-definition-label\">{n}</sup>",
                        footnote_id(name)
                    ))));
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    out.push(Event::Html(CowStr::Borrowed("</div>\n")));
                }
                _ => out.push(e.clone()),
            }
        }
        let mut html = String::with_capacity(self.page.body().len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, out.into_iter());
        if self.too_deep {
            // An error is reported; the sanitiser would take minutes on it.
            html.clear();
        } else if self.has_raw_html {
            html = sanitize::clean(&html);
            for (slot, block) in spliced {
                // A slot the sanitiser dropped (inside a removed element)
                // drops its block, as the element's other content.
                if let Some(at) = html.find(&slot) {
                    html.replace_range(at..at + slot.len(), block);
                }
            }
        }
        // Spare capacity is left: a kept body is copied to its exact size
        // as it is kept (`render::SafeHtml`).
        html
    }

    /// A plain-text summary of the page's first paragraph (for descriptions).
    pub fn first_paragraph(&self) -> String {
        let mut in_p = false;
        let mut s = String::new();
        for e in &self.events {
            match e {
                Event::Start(Tag::Paragraph) => in_p = true,
                Event::End(TagEnd::Paragraph) if in_p => break,
                Event::Text(t) | Event::Code(t) if in_p => s.push_str(t),
                Event::SoftBreak if in_p => s.push(' '),
                _ => {}
            }
        }
        s
    }
}

/// The warning for a dangerous part of raw HTML, said in the reader's
/// language: `what` is the sanitiser's English name of it ("a <script>
/// element", "a javascript: URL"), from which the kind and the markup are
/// taken (`content-html-part`).
fn html_removed(what: &str) -> crate::diag::Msg {
    let markup = what
        .find('<')
        .and_then(|a| what[a..].find('>').map(|b| &what[a..=a + b]));
    let (kind, code) = if let Some(tag) = markup {
        ("element", tag)
    } else if let Some(scheme) = what.strip_prefix("a ").and_then(|w| w.strip_suffix(" URL")) {
        ("url", scheme)
    } else if what.contains("url()") {
        ("style-url", "url()")
    } else if what.contains("internet") {
        ("remote-image", "")
    } else {
        ("other", "")
    };
    msg!(
        "content-html-removed",
        kind = kind,
        code = code,
        detail = what
    )
}

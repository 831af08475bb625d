//! Inline Markdown of the blocks darslik renders itself (quiz prompts and
//! options, scenario choices and feedback): phrasing HTML only, raw HTML as
//! text, no script URLs.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders inline Markdown (a quiz's prompt or option, a scenario's choice
/// or feedback) to phrasing HTML: no block elements, raw HTML shown as text,
/// link and image destinations through `link` (script URLs dropped), links
/// only when `links` (a choice that is itself a link holds none).
pub(crate) fn render_inline(src: &str, link: &dyn Fn(&str) -> String, links: bool) -> String {
    let src = protect_block_start(src.trim());
    let mut kept: Vec<bool> = Vec::new();
    let events = Parser::new_ext(&src, Options::ENABLE_STRIKETHROUGH).filter_map(|ev| match ev {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(mut tag) => match &mut tag {
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => Some(Event::Start(tag)),
            Tag::Link { dest_url, .. } => {
                *dest_url = safe_url(dest_url, link);
                let keep = links && !dest_url.is_empty();
                kept.push(keep);
                keep.then_some(Event::Start(tag))
            }
            Tag::Image { dest_url, .. } => {
                *dest_url = safe_url(dest_url, link);
                let keep = !dest_url.is_empty();
                kept.push(keep);
                keep.then_some(Event::Start(tag))
            }
            _ => None,
        },
        Event::End(end) => match end {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript => Some(Event::End(end)),
            TagEnd::Link | TagEnd::Image => kept.pop().unwrap_or(false).then_some(Event::End(end)),
            _ => None,
        },
        Event::SoftBreak | Event::HardBreak => Some(Event::Text(" ".into())),
        Event::Rule | Event::TaskListMarker(_) => None,
        Event::Text(_) | Event::Code(_) => Some(ev),
        Event::InlineMath(m) | Event::DisplayMath(m) => Some(Event::Text(m)),
        Event::FootnoteReference(f) => Some(Event::Text(f)),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// A link destination through `link`, with script URLs dropped.
pub(crate) fn safe_url<'a>(url: &str, link: &dyn Fn(&str) -> String) -> CowStr<'a> {
    let lower: String = url
        .trim_start()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .flat_map(char::to_lowercase)
        .collect();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return "".into();
    }
    link(url).into()
}

/// Escapes what would make a one-line text a block other than a paragraph
/// (`# `, `- `, `1. `, `> `, ```` ``` ````, `***`), so that it stays inline.
pub(crate) fn protect_block_start(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let Some(&first) = b.first() else {
        return Cow::Borrowed(s);
    };
    let space_or_end = |i: usize| b.get(i).is_none_or(|c| *c == b' ' || *c == b'\t');
    let run = |c: u8| b.iter().take_while(|x| **x == c).count();
    let thematic = |c: u8| {
        b.iter().all(|x| *x == c || *x == b' ' || *x == b'\t')
            && b.iter().filter(|x| **x == c).count() >= 3
    };
    let at = match first {
        b'#' => {
            let n = run(b'#');
            (n <= 6 && space_or_end(n)).then_some(0)
        }
        b'>' => Some(0),
        b'-' | b'+' | b'*' => (space_or_end(1) || thematic(first)).then_some(0),
        b'_' => thematic(b'_').then_some(0),
        b'`' | b'~' => (run(first) >= 3).then_some(0),
        b'0'..=b'9' => {
            let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (n <= 9 && matches!(b.get(n), Some(b'.' | b')')) && space_or_end(n + 1)).then_some(n)
        }
        _ => None,
    };
    match at {
        // `at` is always at an ASCII byte, so a char boundary.
        Some(i) => Cow::Owned(format!("{}\\{}", &s[..i], &s[i..])),
        None => Cow::Borrowed(s),
    }
}

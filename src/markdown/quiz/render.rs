//! Rendering a parsed quiz to HTML: the markup quiz.js drives, with inline
//! Markdown in prompts, options and explanations.

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use super::{Quiz, question_id};

/// Localized strings that the quiz markup shows or hands to quiz.js.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizStrings {
    /// Label of the Check button.
    pub check: String,
    /// Feedback after a right answer.
    pub correct: String,
    /// Feedback after a wrong answer.
    pub incorrect: String,
    /// Hint under a single-answer question ("Choose one answer").
    pub choose_one: String,
    /// Hint under a multiple-answer question ("Choose all that apply").
    pub choose_all: String,
    /// Shown when Check is pressed with nothing selected.
    pub answer_first: String,
}

/// Renders a parsed quiz.
///
/// `qid_base` is the stable identity prefix `"module/page-slug"` (the same in
/// every locale); `first` is the 0-based index of this block's first question
/// among all questions of the page, so question `i` of the block gets the
/// identity `"{qid_base}/{first + i + 1}"` and is shown with that number.
pub fn render_html(quiz: &Quiz, qid_base: &str, first: usize, strings: &QuizStrings) -> String {
    render_html_with(quiz, qid_base, first, strings, "", &|url| url.to_string())
}

/// Like [`render_html`], with `link` applied to every link and image target in
/// prompts, options and explanations (to rewrite relative `.md` links).
pub fn render_html_with(
    quiz: &Quiz,
    qid_base: &str,
    first: usize,
    strings: &QuizStrings,
    dom_prefix: &str,
    link: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(512 + quiz.questions.len() * 1024);
    // The answers travel in data-answer on each fieldset. This is deliberate:
    // the course is offline self-study and seminar material, not an exam; a
    // learner who reads the page source could find them, which is acceptable.
    out.push_str("<div class=\"quiz\" data-quiz data-correct=\"");
    escape_into(&mut out, &strings.correct);
    out.push_str("\" data-incorrect=\"");
    escape_into(&mut out, &strings.incorrect);
    out.push_str("\" data-answer-first=\"");
    escape_into(&mut out, &strings.answer_first);
    out.push_str("\">\n");

    for (i, q) in quiz.questions.iter().enumerate() {
        let position = first.saturating_add(i).saturating_add(1);
        let qid = question_id(qid_base, position);
        // A document that holds several locales' copies of a question
        // (a multilingual SCO) gives each copy its own element ids.
        let dom = format!("{dom_prefix}{}", dom_id(&qid));
        let (kind, input, hint) = if q.multiple {
            ("multiple", "checkbox", &strings.choose_all)
        } else {
            ("single", "radio", &strings.choose_one)
        };
        let answer: Vec<String> = q.correct_indices().iter().map(usize::to_string).collect();

        out.push_str("<fieldset class=\"quiz-q\" id=\"");
        escape_into(&mut out, &dom);
        out.push_str("\" data-qid=\"");
        escape_into(&mut out, &qid);
        out.push_str("\" data-kind=\"");
        out.push_str(kind);
        out.push_str("\" data-answer=\"");
        out.push_str(&answer.join(","));
        out.push_str("\" aria-describedby=\"");
        escape_into(&mut out, &dom);
        out.push_str("-hint\">\n<legend><span class=\"quiz-num\">");
        out.push_str(&position.to_string());
        out.push_str(".</span> <span class=\"quiz-prompt\">");
        out.push_str(&render_inline(&q.prompt, link));
        out.push_str("</span></legend>\n<span class=\"quiz-hint\" id=\"");
        escape_into(&mut out, &dom);
        out.push_str("-hint\">");
        escape_into(&mut out, hint);
        out.push_str("</span>\n<div class=\"quiz-options\">\n");
        for (j, c) in q.options.iter().enumerate() {
            let id = format!("{dom}-{j}");
            out.push_str("<label class=\"quiz-opt\" for=\"");
            escape_into(&mut out, &id);
            out.push_str("\"><input type=\"");
            out.push_str(input);
            out.push_str("\" name=\"");
            escape_into(&mut out, &dom);
            out.push_str("\" id=\"");
            escape_into(&mut out, &id);
            out.push_str("\" value=\"");
            out.push_str(&j.to_string());
            out.push_str("\"> <span class=\"quiz-opt-text\">");
            out.push_str(&render_inline(&c.text, link));
            out.push_str("</span></label>\n");
        }
        out.push_str("</div>\n");
        // Hidden until quiz.js runs: without JavaScript the quiz is a worksheet
        // and a button that does nothing would only confuse.
        out.push_str("<button type=\"button\" class=\"quiz-check\" hidden>");
        escape_into(&mut out, &strings.check);
        out.push_str("</button>\n");
        out.push_str("<div class=\"quiz-feedback\" aria-live=\"polite\" role=\"status\"></div>\n");
        if let Some(expl) = &q.explanation {
            out.push_str("<div class=\"quiz-explanation\" hidden>");
            out.push_str(&render_inline(expl, link));
            out.push_str("</div>\n");
        }
        out.push_str("</fieldset>\n");
    }
    out.push_str("</div>\n");
    out
}

/// An HTML id made from a question identity: `q-` and the identity with every
/// character outside `[A-Za-z0-9_-]` replaced by `-`.
pub fn dom_id(qid: &str) -> String {
    let mut s = String::with_capacity(qid.len() + 2);
    s.push_str("q-");
    s.extend(qid.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            '-'
        }
    }));
    s
}

/// Text into HTML content or an attribute: the one HTML escaper
/// (`render::escape_html_to`); writing into a String cannot fail.
fn escape_into(out: &mut String, s: &str) {
    let _ = crate::render::escape_html_to(out, s);
}

/// Renders inline Markdown to phrasing HTML: no `<p>` or other block element,
/// and raw HTML shown as text.
pub(super) fn render_inline(src: &str, link: &dyn Fn(&str) -> String) -> String {
    let src = protect_block_start(src.trim());
    // Per open link or image: was it kept? A removed one leaves its text.
    let mut kept: Vec<bool> = Vec::new();
    let events = Parser::new_ext(&src, Options::ENABLE_STRIKETHROUGH).filter_map(|ev| match ev {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(mut tag) => match &mut tag {
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => Some(Event::Start(tag)),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
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
        Event::Rule => None,
        Event::Text(_) | Event::Code(_) => Some(ev),
        Event::InlineMath(m) | Event::DisplayMath(m) => Some(Event::Text(m)),
        Event::FootnoteReference(f) => Some(Event::Text(f)),
        Event::TaskListMarker(_) => None,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

fn safe_url<'a>(url: &str, link: &dyn Fn(&str) -> String) -> CowStr<'a> {
    let lower: String = url
        .trim_start()
        .chars()
        .take(12)
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect();
    if ["javascript:", "vbscript:", "data:text"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return "".into();
    }
    link(url).into()
}

/// Escapes what would make a one-line text a block other than a paragraph
/// (`# `, `- `, `1. `, `> `, ```` ``` ````, `***`), so that it stays inline.
fn protect_block_start(s: &str) -> Cow<'_, str> {
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

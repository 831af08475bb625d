//! Rendering a parsed quiz to HTML: the markup quiz.js drives, with inline
//! Markdown in prompts, options and explanations.

use crate::markdown::inline::protect_block_start;

use pulldown_cmark::{Event, Options, Parser};

use super::key::{Key, seal, shuffled};
use super::{Form, Question, Quiz, question_id};

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
    /// Hints under matching, ordering and short-answer questions.
    pub match_hint: String,
    pub order_hint: String,
    pub short_hint: String,
    /// Label of a short answer's text field.
    pub short_label: String,
    /// First entry of a matching question's list ("— choose —").
    pub match_none: String,
    /// Labels of an ordering item's buttons (the item's text follows).
    pub move_up: String,
    pub move_down: String,
    /// Templates the runtime fills: `{position}`/`{total}` and `{answers}`.
    pub moved: String,
    pub accepted: String,
    /// "Right answer", before the key shown after marking.
    pub right_answer: String,
}

/// How a quiz block is rendered: where it is and whether it is part of a
/// graded assessment (then without Check buttons, explanations or a key in
/// plain form).
pub struct BlockOptions<'a> {
    /// `"module/page-slug"`, the same in every locale.
    pub qid_base: &'a str,
    /// 0-based index of the block's first question among the page's questions.
    pub first: usize,
    pub strings: &'a QuizStrings,
    /// Prefix of element ids (a multilingual document holds several copies).
    pub dom_prefix: &'a str,
    /// Applied to every link and image target.
    pub link: &'a dyn Fn(&str) -> String,
    pub graded: bool,
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
    render_block(
        quiz,
        &BlockOptions {
            qid_base,
            first,
            strings,
            dom_prefix,
            link,
            graded: false,
        },
    )
}

/// The seal of a graded block: a nonce the keystream is made from.
pub fn block_seal(qid_base: &str, first: usize) -> String {
    format!(
        "{:08x}",
        super::key::fnv1a32(&format!("{qid_base}#{first}"))
    )
}

/// Renders one quiz block.
pub fn render_block(quiz: &Quiz, o: &BlockOptions<'_>) -> String {
    let strings = o.strings;
    let link = o.link;
    let mut out = String::with_capacity(512 + quiz.questions.len() * 1024);
    // Practice answers travel in data-answer on each fieldset. This is
    // deliberate: practice is self-study, not an exam. Graded blocks carry
    // the key sealed (key.rs) instead.
    let block_seal = block_seal(o.qid_base, o.first);
    if o.graded {
        out.push_str("<div class=\"quiz quiz-graded\" data-quiz data-graded data-seal=\"");
        out.push_str(&block_seal);
        out.push('"');
    } else {
        out.push_str("<div class=\"quiz\" data-quiz");
    }
    for (name, value) in [
        ("data-correct", &strings.correct),
        ("data-incorrect", &strings.incorrect),
        ("data-answer-first", &strings.answer_first),
        ("data-moved", &strings.moved),
        ("data-accepted", &strings.accepted),
        ("data-right-answer", &strings.right_answer),
    ] {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_into(&mut out, value);
        out.push('"');
    }
    out.push_str(">\n");

    for (i, q) in quiz.questions.iter().enumerate() {
        let position = o.first.saturating_add(i).saturating_add(1);
        let qid = question_id(o.qid_base, position);
        // A document that holds several locales' copies of a question
        // (a multilingual SCO) gives each copy its own element ids.
        let dom = format!("{}{}", o.dom_prefix, dom_id(&qid));
        let hint = match q.form {
            Form::Single => &strings.choose_one,
            Form::Multiple => &strings.choose_all,
            Form::Matching => &strings.match_hint,
            Form::Ordering => &strings.order_hint,
            Form::Short => &strings.short_hint,
        };
        out.push_str("<fieldset class=\"quiz-q\" id=\"");
        escape_into(&mut out, &dom);
        out.push_str("\" data-qid=\"");
        escape_into(&mut out, &qid);
        out.push_str("\" data-kind=\"");
        out.push_str(q.form.as_str());
        if o.graded {
            let expl = q
                .explanation
                .as_ref()
                .map(|e| crate::markdown::sanitize::clean(&render_inline(e, link)));
            let key = Key::of(q, &qid, expl.as_deref()).to_string();
            out.push_str("\" data-key=\"");
            out.push_str(&seal(&key, &block_seal, &qid));
        } else {
            out.push_str("\" data-answer=\"");
            match q.form {
                Form::Single | Form::Multiple => {
                    let answer: Vec<String> =
                        q.correct_indices().iter().map(usize::to_string).collect();
                    out.push_str(&answer.join(","));
                }
                _ => escape_into(&mut out, &Key::of(q, &qid, None).to_string()),
            }
        }
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
        out.push_str("</span>\n");
        match q.form {
            Form::Single | Form::Multiple => choices(&mut out, q, &dom, link),
            Form::Matching => matching(&mut out, q, &qid, &dom, strings, link),
            Form::Ordering => ordering(&mut out, q, &qid, strings, link),
            Form::Short => short(&mut out, q, &dom, strings),
        }
        if !o.graded {
            // Hidden until quiz.js runs: without JavaScript the quiz is a
            // worksheet and a button that does nothing would only confuse.
            out.push_str("<button type=\"button\" class=\"quiz-check\" hidden>");
            escape_into(&mut out, &strings.check);
            out.push_str("</button>\n");
        }
        out.push_str("<div class=\"quiz-feedback\" aria-live=\"polite\" role=\"status\"></div>\n");
        if let (false, Some(expl)) = (o.graded, &q.explanation) {
            out.push_str("<div class=\"quiz-explanation\" hidden>");
            out.push_str(&render_inline(expl, link));
            out.push_str("</div>\n");
        }
        out.push_str("</fieldset>\n");
    }
    out.push_str("</div>\n");
    out
}

fn choices(out: &mut String, q: &Question, dom: &str, link: &dyn Fn(&str) -> String) {
    let input = if q.multiple { "checkbox" } else { "radio" };
    out.push_str("<div class=\"quiz-options\">\n");
    for (j, c) in q.options.iter().enumerate() {
        let id = format!("{dom}-{j}");
        out.push_str("<label class=\"quiz-opt\" for=\"");
        escape_into(out, &id);
        out.push_str("\"><input type=\"");
        out.push_str(input);
        out.push_str("\" name=\"");
        escape_into(out, dom);
        out.push_str("\" id=\"");
        escape_into(out, &id);
        out.push_str("\" value=\"");
        out.push_str(&j.to_string());
        out.push_str("\"> <span class=\"quiz-opt-text\">");
        out.push_str(&render_inline(&c.text, link));
        out.push_str("</span></label>\n");
    }
    out.push_str("</div>\n");
}

/// Left sides in written order, each with a list of the right sides in the
/// question's shuffled order (values are shown positions).
fn matching(
    out: &mut String,
    q: &Question,
    qid: &str,
    dom: &str,
    strings: &QuizStrings,
    link: &dyn Fn(&str) -> String,
) {
    let order = shuffled(qid, q.pairs.len());
    out.push_str("<div class=\"quiz-options quiz-match\">\n");
    for (i, pair) in q.pairs.iter().enumerate() {
        let id = format!("{dom}-{i}");
        out.push_str("<div class=\"quiz-pair\" data-left=\"");
        out.push_str(&i.to_string());
        out.push_str("\"><label class=\"quiz-left\" for=\"");
        escape_into(out, &id);
        out.push_str("\">");
        out.push_str(&render_inline(&pair.left, link));
        out.push_str("</label> <select id=\"");
        escape_into(out, &id);
        out.push_str("\" data-left=\"");
        out.push_str(&i.to_string());
        out.push_str("\"><option value=\"\">");
        escape_into(out, &strings.match_none);
        out.push_str("</option>");
        for (k, src) in order.iter().enumerate() {
            if let Some(p) = q.pairs.get(*src) {
                out.push_str("<option value=\"");
                out.push_str(&k.to_string());
                out.push_str("\">");
                escape_into(out, &plain_inline(&p.right));
                out.push_str("</option>");
            }
        }
        out.push_str("</select></div>\n");
    }
    out.push_str("</div>\n");
}

/// Items in the question's shuffled order, each with move buttons that
/// forms.js shows.
fn ordering(
    out: &mut String,
    q: &Question,
    qid: &str,
    strings: &QuizStrings,
    link: &dyn Fn(&str) -> String,
) {
    let order = shuffled(qid, q.items.len());
    out.push_str("<ol class=\"quiz-options quiz-order\">\n");
    for (k, src) in order.iter().enumerate() {
        let Some(item) = q.items.get(*src) else {
            continue;
        };
        let plain = plain_inline(item);
        out.push_str("<li class=\"quiz-item\" data-value=\"");
        out.push_str(&k.to_string());
        out.push_str("\"><span class=\"quiz-item-text\">");
        out.push_str(&render_inline(item, link));
        out.push_str("</span> <span class=\"quiz-move\" hidden>");
        for (class, step, label, arrow) in [
            ("quiz-up", "-1", &strings.move_up, "\u{2191}"),
            ("quiz-down", "1", &strings.move_down, "\u{2193}"),
        ] {
            out.push_str("<button type=\"button\" class=\"");
            out.push_str(class);
            out.push_str("\" data-move=\"");
            out.push_str(step);
            out.push_str("\" aria-label=\"");
            escape_into(out, label);
            out.push_str(": ");
            escape_into(out, &plain);
            out.push_str("\">");
            out.push_str(arrow);
            out.push_str("</button>");
        }
        out.push_str("</span></li>\n");
    }
    out.push_str("</ol>\n");
}

fn short(out: &mut String, q: &Question, dom: &str, strings: &QuizStrings) {
    let numeric = !q.accepted.is_empty()
        && q.accepted
            .iter()
            .all(|a| matches!(super::numeric_range(a), Ok(Some(_))));
    let id = format!("{dom}-0");
    out.push_str("<div class=\"quiz-options quiz-short\"><label class=\"quiz-short-label\" for=\"");
    escape_into(out, &id);
    out.push_str("\">");
    escape_into(out, &strings.short_label);
    out.push_str("</label> <input type=\"text\" id=\"");
    escape_into(out, &id);
    out.push_str("\" name=\"");
    escape_into(out, dom);
    out.push_str("\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"60\"");
    if numeric {
        out.push_str(" inputmode=\"decimal\"");
    }
    out.push_str("></div>\n");
}

/// The text of inline Markdown, without markup (for `<option>` and labels).
pub fn plain_inline(src: &str) -> String {
    let src = protect_block_start(src.trim());
    let mut out = String::new();
    for ev in Parser::new_ext(&src, Options::ENABLE_STRIKETHROUGH) {
        match ev {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
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

pub(super) fn render_inline(src: &str, link: &dyn Fn(&str) -> String) -> String {
    crate::markdown::inline::render_inline(src, link, true)
}

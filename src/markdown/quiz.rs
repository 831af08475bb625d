//! Knowledge checks: the ```` ```quiz ```` fenced block (SPEC §3).
//!
//! This module is pure: it parses the text of one block into a [`Quiz`] and
//! renders a parsed quiz to HTML. It does no I/O and never panics on input.
//!
//! Grammar, one item per line (trailing whitespace and CR are ignored, and so
//! is indentation before the marker):
//!
//! ```text
//! ? prompt                 starts a question (inline Markdown)
//! ( ) text   (x) text      single-answer option; exactly one (x) per question
//! [ ] text   [x] text      multiple-answer option; at least one [x]
//! > text                   explanation, shown after answering; lines are joined
//! (blank line)             ends the question
//! ```
//!
//! `(X)` and `[X]` are accepted too. Every question needs at least two options
//! and may not mix `( )` and `[ ]`. Any other line is an error; [`parse`]
//! reports every error of the block, each with a line and column relative to
//! the block text.

use std::borrow::Cow;
use std::fmt;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// One ```` ```quiz ```` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub questions: Vec<Question>,
}

/// One question of a quiz block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Inline Markdown source after `? `.
    pub prompt: String,
    /// `true` for `[ ]`/`[x]` options (choose all that apply).
    pub multiple: bool,
    pub options: Vec<Choice>,
    /// The `> ` lines joined with a space (inline Markdown), if any has text.
    pub explanation: Option<String>,
    /// 1-based line of the `? ` line within the block text.
    pub line: usize,
}

/// One answer option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Inline Markdown source after the marker.
    pub text: String,
    pub correct: bool,
}

impl Question {
    /// 0-based indices of the correct options, ascending.
    pub fn correct_indices(&self) -> Vec<usize> {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, c)| c.correct)
            .map(|(i, _)| i)
            .collect()
    }
}

/// A problem in a quiz block, located within the block text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizError {
    /// 1-based line within the block text (the caller adds the block's offset).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Length in characters of the offending part (at least 1).
    pub len: usize,
    /// Stable machine-readable code, e.g. `quiz-no-correct`.
    pub code: &'static str,
    /// What is wrong, for people.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} [{}] ({})",
            self.line, self.column, self.message, self.code, self.hint
        )
    }
}

impl std::error::Error for QuizError {}

/// Stable error codes produced by [`parse`].
pub mod codes {
    pub const EMPTY: &str = "quiz-empty";
    pub const EMPTY_QUESTION: &str = "quiz-empty-question";
    pub const EMPTY_PROMPT: &str = "quiz-empty-prompt";
    pub const EMPTY_OPTION: &str = "quiz-empty-option";
    pub const TOO_FEW_OPTIONS: &str = "quiz-too-few-options";
    pub const NO_CORRECT: &str = "quiz-no-correct";
    pub const SEVERAL_CORRECT: &str = "quiz-several-correct";
    pub const MIXED_OPTIONS: &str = "quiz-mixed-options";
    pub const OPTION_BEFORE_QUESTION: &str = "quiz-option-before-question";
    pub const EXPLANATION_BEFORE_QUESTION: &str = "quiz-explanation-before-question";
    pub const BAD_MARKER: &str = "quiz-bad-marker";
    pub const UNKNOWN_LINE: &str = "quiz-unknown-line";
}

/// The identity of a question: `"{qid_base}/{position}"`, position 1-based
/// among all questions of the page. The same in every locale.
pub fn question_id(qid_base: &str, position: usize) -> String {
    format!("{qid_base}/{position}")
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

/// What one non-blank line is, by its first characters.
enum Line<'a> {
    /// `? text`; `text` may be empty.
    Question(&'a str),
    /// `?` followed by something other than a space.
    BadQuestion,
    /// An option marker; `text` is what follows it, trimmed.
    Option {
        multiple: bool,
        correct: bool,
        text: &'a str,
    },
    /// Looks like an option marker but is not one (`()`, `(*)`, `[v]`, ...).
    BadMarker {
        marker_len: usize,
        cyrillic_x: bool,
    },
    /// `> text` or `>` alone.
    Explanation(&'a str),
    Unknown,
}

fn classify(t: &str) -> Line<'_> {
    if let Some(rest) = t.strip_prefix('?') {
        return if rest.is_empty() {
            Line::Question("")
        } else if rest.starts_with(char::is_whitespace) {
            Line::Question(rest.trim())
        } else {
            Line::BadQuestion
        };
    }
    if let Some(rest) = t.strip_prefix('>') {
        return Line::Explanation(rest.trim());
    }
    let marker = match t.get(..3) {
        Some("( )") => Some((false, false)),
        Some("(x)" | "(X)") => Some((false, true)),
        Some("[ ]") => Some((true, false)),
        Some("[x]" | "[X]") => Some((true, true)),
        _ => None,
    };
    if let (Some((multiple, correct)), Some(rest)) = (marker, t.get(3..)) {
        return Line::Option {
            multiple,
            correct,
            text: rest.trim(),
        };
    }
    if t.starts_with('(') || t.starts_with('[') {
        // A bracket, at most three characters, a closing bracket: a marker
        // with a typo, such as `()`, `(*)`, `[v]` or a Cyrillic `(х)`.
        let chars: Vec<char> = t.chars().take(5).collect();
        if let Some(close) = chars.iter().skip(1).position(|c| *c == ')' || *c == ']') {
            let inner = &chars[1..=close];
            let cyrillic_x = inner.iter().any(|c| matches!(c, 'х' | 'Х'));
            return Line::BadMarker {
                marker_len: close + 2,
                cyrillic_x,
            };
        }
    }
    Line::Unknown
}

/// A question being read.
struct Draft {
    line: usize,
    column: usize,
    line_len: usize,
    prompt: String,
    /// Kind set by the first option: `Some(true)` for `[ ]`.
    multiple: Option<bool>,
    /// Line of the first option, which fixed the kind.
    kind_line: usize,
    /// Options with the line and column of their marker.
    options: Vec<(Choice, usize, usize)>,
    explanation: Vec<String>,
    mixed: bool,
    /// Lines with a malformed option marker, already reported; they count as
    /// options so that one typo gives one error.
    bad_markers: usize,
    /// The previous line was the prompt (for a better hint).
    just_prompted: bool,
}

struct Parse {
    errors: Vec<QuizError>,
    questions: Vec<Question>,
    /// The blank line that ended the last question, if the block is between
    /// questions right after one.
    blank_after_question: Option<usize>,
}

impl Parse {
    fn error(
        &mut self,
        line: usize,
        column: usize,
        len: usize,
        code: &'static str,
        message: String,
        hint: String,
    ) {
        self.errors.push(QuizError {
            line,
            column,
            len: len.max(1),
            code,
            message,
            hint,
        });
    }

    fn outside_question_hint(&self, what: &str) -> String {
        match self.blank_after_question {
            Some(blank) => format!(
                "line {blank} is blank, and a blank line ends a question: remove it to keep this {what} with the question above"
            ),
            None => format!("start a question with a line \"? ...\" before its {what}"),
        }
    }

    fn finish(&mut self, d: Draft) {
        let n = d.options.len() + d.bad_markers;
        if n == 0 {
            self.error(
                d.line,
                d.column,
                d.line_len,
                codes::EMPTY_QUESTION,
                "this question has no options".into(),
                "add at least two options right below it, such as \"( ) ...\" and \"(x) ...\", with no blank line in between".into(),
            );
            return;
        }
        if n == 1 {
            self.error(
                d.line,
                d.column,
                d.line_len,
                codes::TOO_FEW_OPTIONS,
                "this question has only one option".into(),
                "give every question at least two options".into(),
            );
        }
        let multiple = d.multiple.unwrap_or(false);
        if !d.mixed && d.bad_markers == 0 {
            let correct: Vec<&(Choice, usize, usize)> =
                d.options.iter().filter(|(c, _, _)| c.correct).collect();
            if correct.is_empty() {
                let (message, hint) = if multiple {
                    (
                        "no option of this question is marked correct",
                        "mark every right answer with [x] (at least one)",
                    )
                } else {
                    (
                        "no option of this question is marked correct",
                        "mark exactly one answer with (x)",
                    )
                };
                self.error(
                    d.line,
                    d.column,
                    d.line_len,
                    codes::NO_CORRECT,
                    message.into(),
                    hint.into(),
                );
            } else if !multiple && correct.len() > 1 {
                let lines: Vec<String> = correct.iter().map(|(_, l, _)| l.to_string()).collect();
                if let Some((_, line, column)) = correct.get(1) {
                    self.error(
                        *line,
                        *column,
                        3,
                        codes::SEVERAL_CORRECT,
                        format!(
                            "{} options are marked (x) in a single-answer question (lines {})",
                            correct.len(),
                            lines.join(", ")
                        ),
                        "mark exactly one answer with (x), or use [ ] and [x] for every option if several answers are right".into(),
                    );
                }
            }
        }
        let explanation = {
            let parts: Vec<&str> = d
                .explanation
                .iter()
                .map(String::as_str)
                .filter(|s| !s.is_empty())
                .collect();
            if parts.is_empty() {
                None
            } else {
                Some(parts.join(" "))
            }
        };
        self.questions.push(Question {
            prompt: d.prompt,
            multiple,
            options: d.options.into_iter().map(|(c, _, _)| c).collect(),
            explanation,
            line: d.line,
        });
    }
}

/// Parses the text inside a ```` ```quiz ```` fence.
///
/// Returns every error of the block, sorted by line and column, when there is
/// any; line numbers are 1-based within `block`.
pub fn parse(block: &str) -> Result<Quiz, Vec<QuizError>> {
    let mut p = Parse {
        errors: Vec::new(),
        questions: Vec::new(),
        blank_after_question: None,
    };
    let mut cur: Option<Draft> = None;
    let mut any_text = false;

    for (idx, raw) in block.split('\n').enumerate() {
        let lineno = idx + 1;
        let mut line = raw.trim_end();
        if lineno == 1 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        let t = line.trim_start();
        if t.is_empty() {
            if let Some(d) = cur.take() {
                p.finish(d);
                p.blank_after_question = Some(lineno);
            }
            continue;
        }
        any_text = true;
        let column = line.chars().count() - t.chars().count() + 1;
        let t_len = t.chars().count();
        let was_just_prompted = cur.as_ref().is_some_and(|d| d.just_prompted);
        if let Some(d) = cur.as_mut() {
            d.just_prompted = false;
        }

        match classify(t) {
            Line::Question(text) => {
                if let Some(d) = cur.take() {
                    p.finish(d);
                }
                p.blank_after_question = None;
                if text.is_empty() {
                    p.error(
                        lineno,
                        column,
                        1,
                        codes::EMPTY_PROMPT,
                        "this question has no text".into(),
                        "write the question after \"? \"".into(),
                    );
                }
                cur = Some(Draft {
                    line: lineno,
                    column,
                    line_len: t_len,
                    prompt: text.to_string(),
                    multiple: None,
                    kind_line: 0,
                    options: Vec::new(),
                    explanation: Vec::new(),
                    mixed: false,
                    bad_markers: 0,
                    just_prompted: true,
                });
            }
            Line::BadQuestion => p.error(
                lineno,
                column,
                1,
                codes::UNKNOWN_LINE,
                "a question starts with \"?\" followed by a space".into(),
                "put a space after \"?\"".into(),
            ),
            Line::Option {
                multiple,
                correct,
                text,
            } => {
                let Some(d) = cur.as_mut() else {
                    let hint = p.outside_question_hint("options");
                    p.error(
                        lineno,
                        column,
                        3,
                        codes::OPTION_BEFORE_QUESTION,
                        "this option does not belong to any question".into(),
                        hint,
                    );
                    continue;
                };
                match d.multiple {
                    None => {
                        d.multiple = Some(multiple);
                        d.kind_line = lineno;
                    }
                    Some(kind) if kind != multiple => {
                        d.mixed = true;
                        let (was, now) = if kind {
                            ("[ ] and [x]", "( ) or (x)")
                        } else {
                            ("( ) and (x)", "[ ] or [x]")
                        };
                        let kind_line = d.kind_line;
                        p.error(
                            lineno,
                            column,
                            3,
                            codes::MIXED_OPTIONS,
                            format!(
                                "this option uses {now}, but the question's first option (line {kind_line}) uses {was}"
                            ),
                            "use ( ) and (x) for every option of a single-answer question, or [ ] and [x] for every option of a multiple-answer one".into(),
                        );
                    }
                    Some(_) => {}
                }
                if text.is_empty() {
                    p.error(
                        lineno,
                        column,
                        3,
                        codes::EMPTY_OPTION,
                        "this option has no text".into(),
                        "write the answer after the marker, e.g. \"(x) The means\"".into(),
                    );
                }
                if let Some(d) = cur.as_mut() {
                    d.options.push((
                        Choice {
                            text: text.to_string(),
                            correct,
                        },
                        lineno,
                        column,
                    ));
                }
            }
            Line::BadMarker {
                marker_len,
                cyrillic_x,
            } => {
                if let Some(d) = cur.as_mut() {
                    d.bad_markers += 1;
                }
                let hint = if cyrillic_x {
                    "this is the Cyrillic letter \"х\": type the Latin letter x, as in (x) or [x]"
                } else {
                    "write ( ) or (x) for a single-answer option, [ ] or [x] for a multiple-answer one"
                };
                p.error(
                    lineno,
                    column,
                    marker_len,
                    codes::BAD_MARKER,
                    "this option marker is not one of ( ) (x) [ ] [x]".into(),
                    hint.into(),
                );
            }
            Line::Explanation(text) => match cur.as_mut() {
                Some(d) => d.explanation.push(text.to_string()),
                None => {
                    let hint = p.outside_question_hint("explanation");
                    p.error(
                        lineno,
                        column,
                        1,
                        codes::EXPLANATION_BEFORE_QUESTION,
                        "this explanation does not belong to any question".into(),
                        hint,
                    );
                }
            },
            Line::Unknown => {
                let hint = if was_just_prompted {
                    "a question must fit on one line: join this line to the \"? \" line above; options start with ( ) or [ ], explanations with \"> \""
                } else {
                    "start the line with \"? \" (question), ( ) (x) [ ] [x] (option) or \"> \" (explanation); separate questions with a blank line"
                };
                p.error(
                    lineno,
                    column,
                    t_len,
                    codes::UNKNOWN_LINE,
                    "this line is not part of the quiz syntax".into(),
                    hint.into(),
                );
            }
        }
    }
    if let Some(d) = cur.take() {
        p.finish(d);
    }
    if !any_text {
        p.error(
            1,
            1,
            1,
            codes::EMPTY,
            "this quiz block is empty".into(),
            "write at least one question: a line \"? ...\" followed by its options, or remove the block".into(),
        );
    }
    if p.errors.is_empty() {
        Ok(Quiz {
            questions: p.questions,
        })
    } else {
        p.errors.sort_by_key(|e| (e.line, e.column));
        Err(p.errors)
    }
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

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
fn render_inline(src: &str, link: &dyn Fn(&str) -> String) -> String {
    let src = protect_block_start(src.trim());
    // Per open link or image: was it kept? A removed one leaves its text.
    let mut kept: Vec<bool> = Vec::new();
    let events = Parser::new_ext(&src, Options::ENABLE_STRIKETHROUGH).filter_map(|ev| match ev {
        Event::Html(h) | Event::InlineHtml(h) => Some(Event::Text(h)),
        Event::Start(tag) => match tag {
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => Some(Event::Start(tag)),
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = safe_url(&dest_url, link);
                kept.push(!dest_url.is_empty());
                (!dest_url.is_empty()).then_some(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => {
                let dest_url = safe_url(&dest_url, link);
                kept.push(!dest_url.is_empty());
                (!dest_url.is_empty()).then_some(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
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

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC_EXAMPLE: &str = "? Which element is **not** required when the victim is a child?
( ) The act
(x) The means
( ) The purpose of exploitation
> For children, the act and the purpose are enough.

? Which of these are forms of exploitation? (choose all that apply)
[x] Forced labour
[ ] Lawful employment
[x] Sexual exploitation
";

    fn strings() -> QuizStrings {
        QuizStrings {
            check: "Check".into(),
            correct: "Correct".into(),
            incorrect: "Not quite".into(),
            choose_one: "Choose one answer".into(),
            choose_all: "Choose all that apply".into(),
            answer_first: "Choose an answer first".into(),
        }
    }

    /// The errors of a block as (code, line, column, len).
    fn errs(block: &str) -> Vec<(&'static str, usize, usize, usize)> {
        match parse(block) {
            Ok(q) => panic!("expected errors, parsed {q:?}"),
            Err(es) => {
                for e in &es {
                    assert!(!e.message.is_empty() && !e.hint.is_empty(), "{e:?}");
                    assert!(e.len >= 1 && e.line >= 1 && e.column >= 1, "{e:?}");
                }
                es.into_iter()
                    .map(|e| (e.code, e.line, e.column, e.len))
                    .collect()
            }
        }
    }

    #[test]
    fn spec_example_parses() {
        let quiz = parse(SPEC_EXAMPLE).expect("valid");
        assert_eq!(quiz.questions.len(), 2);
        let q = &quiz.questions[0];
        assert_eq!(
            q.prompt,
            "Which element is **not** required when the victim is a child?"
        );
        assert!(!q.multiple);
        assert_eq!(q.line, 1);
        assert_eq!(
            q.options,
            vec![
                Choice {
                    text: "The act".into(),
                    correct: false
                },
                Choice {
                    text: "The means".into(),
                    correct: true
                },
                Choice {
                    text: "The purpose of exploitation".into(),
                    correct: false
                },
            ]
        );
        assert_eq!(
            q.explanation.as_deref(),
            Some("For children, the act and the purpose are enough.")
        );
        assert_eq!(q.correct_indices(), vec![1]);
        let q = &quiz.questions[1];
        assert!(q.multiple);
        assert_eq!(q.line, 7);
        assert_eq!(q.options.len(), 3);
        assert_eq!(q.correct_indices(), vec![0, 2]);
        assert_eq!(q.explanation, None);
    }

    #[test]
    fn crlf_trailing_space_uppercase_and_multiline_explanation() {
        let block = "?  Q one  \r\n(X) a\t\r\n( ) b\r\n> first\r\n>\r\n>second   \r\n\r\n\r\n? Q2\r\n[X] c\r\n[ ] d\r\n";
        let quiz = parse(block).expect("valid");
        assert_eq!(quiz.questions.len(), 2);
        assert_eq!(quiz.questions[0].prompt, "Q one");
        assert_eq!(quiz.questions[0].options[0].text, "a");
        assert_eq!(quiz.questions[0].correct_indices(), vec![0]);
        assert_eq!(
            quiz.questions[0].explanation.as_deref(),
            Some("first second")
        );
        assert_eq!(quiz.questions[1].line, 9);
        assert_eq!(quiz.questions[1].correct_indices(), vec![0]);
    }

    #[test]
    fn question_without_blank_line_starts_a_new_question() {
        let quiz = parse("? a\n(x) 1\n( ) 2\n? b\n[x] 3\n[x] 4").expect("valid");
        assert_eq!(quiz.questions.len(), 2);
        assert_eq!(quiz.questions[1].line, 4);
    }

    #[test]
    fn empty_block() {
        assert_eq!(errs(""), vec![("quiz-empty", 1, 1, 1)]);
        assert_eq!(errs("  \n\r\n\t\n"), vec![("quiz-empty", 1, 1, 1)]);
    }

    #[test]
    fn no_correct_single_and_multiple() {
        assert_eq!(
            errs("? Q\n( ) a\n( ) b\n"),
            vec![("quiz-no-correct", 1, 1, 3)]
        );
        assert_eq!(
            errs("\n  ? Multi\n  [ ] a\n  [ ] b\n"),
            vec![("quiz-no-correct", 2, 3, 7)]
        );
    }

    #[test]
    fn several_correct_points_at_second_x() {
        let e = parse("? Q\n(x) a\n( ) b\n(x) c\n").unwrap_err();
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].code, e[0].line, e[0].column, e[0].len),
            ("quiz-several-correct", 4, 1, 3)
        );
        assert!(e[0].message.contains("lines 2, 4"), "{}", e[0].message);
    }

    #[test]
    fn mixed_options() {
        let e = parse("? Q\n(x) a\n[ ] b\n( ) c\n").unwrap_err();
        assert_eq!(
            e.iter()
                .map(|e| (e.code, e.line, e.column, e.len))
                .collect::<Vec<_>>(),
            vec![("quiz-mixed-options", 3, 1, 3)]
        );
        assert!(e[0].message.contains("line 2"), "{}", e[0].message);
    }

    #[test]
    fn too_few_options() {
        assert_eq!(
            errs("? Only one\n(x) a\n"),
            vec![("quiz-too-few-options", 1, 1, 10)]
        );
    }

    #[test]
    fn empty_question() {
        assert_eq!(
            errs("? Nothing here\n> why\n\n? Ok\n(x) a\n( ) b"),
            vec![("quiz-empty-question", 1, 1, 14)]
        );
        // The question at the very end of the block.
        assert_eq!(
            errs("? Ok\n(x) a\n( ) b\n\n? Last"),
            vec![("quiz-empty-question", 5, 1, 6)]
        );
    }

    #[test]
    fn empty_prompt_and_empty_option() {
        assert_eq!(
            errs("?\n(x) a\n( ) b"),
            vec![("quiz-empty-prompt", 1, 1, 1)]
        );
        assert_eq!(
            errs("? Q\n(x)\n( ) b  "),
            vec![("quiz-empty-option", 2, 1, 3)]
        );
    }

    #[test]
    fn option_before_question() {
        let e = parse("(x) a\n( ) b\n").unwrap_err();
        assert_eq!(
            e.iter()
                .map(|e| (e.code, e.line, e.column, e.len))
                .collect::<Vec<_>>(),
            vec![
                ("quiz-option-before-question", 1, 1, 3),
                ("quiz-option-before-question", 2, 1, 3)
            ]
        );
        // A blank line between a question and its options.
        let e = parse("? Q\n\n(x) a\n( ) b\n").unwrap_err();
        let got: Vec<_> = e.iter().map(|e| (e.code, e.line, e.column)).collect();
        assert_eq!(
            got,
            vec![
                ("quiz-empty-question", 1, 1),
                ("quiz-option-before-question", 3, 1),
                ("quiz-option-before-question", 4, 1)
            ]
        );
        assert!(e[1].hint.contains("line 2 is blank"), "{}", e[1].hint);
    }

    #[test]
    fn explanation_before_question() {
        assert_eq!(
            errs("> why\n? Q\n(x) a\n( ) b"),
            vec![("quiz-explanation-before-question", 1, 1, 1)]
        );
    }

    #[test]
    fn unknown_line_with_column() {
        assert_eq!(
            errs("? Q\n(x) a\n   just text  \n( ) b"),
            vec![("quiz-unknown-line", 3, 4, 9)]
        );
        // `?` without a space.
        assert_eq!(errs("?Q\n"), vec![("quiz-unknown-line", 1, 1, 1)]);
        // A prompt wrapped onto a second line gets a specific hint.
        let e = parse("? A long\nquestion\n(x) a\n( ) b").unwrap_err();
        assert_eq!(
            (e[0].code, e[0].line, e[0].column, e[0].len),
            ("quiz-unknown-line", 2, 1, 8)
        );
        assert!(e[0].hint.contains("one line"), "{}", e[0].hint);
        // Columns are counted in characters, not bytes.
        assert_eq!(
            errs("? Вопрос\n(x) да\n( ) нет\n\u{a0}\u{a0}ещё"),
            vec![("quiz-unknown-line", 4, 3, 3)]
        );
    }

    #[test]
    fn bad_marker() {
        assert_eq!(
            errs("? Q\n() a\n(x) b\n( ) c"),
            vec![("quiz-bad-marker", 2, 1, 2)]
        );
        assert_eq!(
            errs("? Q\n[v] a\n[x] b"),
            vec![("quiz-bad-marker", 2, 1, 3)]
        );
        let e = parse("? Вопрос\n(х) да\n( ) нет").unwrap_err();
        let got: Vec<_> = e
            .iter()
            .map(|e| (e.code, e.line, e.column, e.len))
            .collect();
        assert_eq!(got, vec![("quiz-bad-marker", 2, 1, 3)]);
        assert!(e[0].hint.contains("Cyrillic"), "{}", e[1].hint);
    }

    #[test]
    fn reports_every_error_sorted() {
        let block = "( ) orphan\n? First\n( ) a\n[x] b\n\n? Second\nnonsense here\n(x) c\n(x) d\n\n? Third\n";
        assert_eq!(
            errs(block),
            vec![
                ("quiz-option-before-question", 1, 1, 3),
                ("quiz-mixed-options", 4, 1, 3),
                ("quiz-unknown-line", 7, 1, 13),
                ("quiz-several-correct", 9, 1, 3),
                ("quiz-empty-question", 11, 1, 7),
            ]
        );
    }

    #[test]
    fn render_structure() {
        let quiz = parse(SPEC_EXAMPLE).expect("valid");
        let html = render_html(&quiz, "module-06/03-elements", 2, &strings());
        assert!(html.starts_with("<div class=\"quiz\" data-quiz data-correct=\"Correct\" data-incorrect=\"Not quite\" data-answer-first=\"Choose an answer first\">"));
        assert_eq!(html.matches("<fieldset").count(), 2);
        assert_eq!(html.matches("<legend>").count(), 2);
        assert!(html.contains(
            "data-qid=\"module-06/03-elements/3\" data-kind=\"single\" data-answer=\"1\""
        ));
        assert!(html.contains(
            "data-qid=\"module-06/03-elements/4\" data-kind=\"multiple\" data-answer=\"0,2\""
        ));
        assert!(html.contains("<legend><span class=\"quiz-num\">3.</span> <span class=\"quiz-prompt\">Which element is <strong>not</strong> required when the victim is a child?</span></legend>"));
        // Every input has a label tied by for/id, ids are unique.
        let mut ids = Vec::new();
        for part in html.split("<input ").skip(1) {
            let id = part
                .split("id=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .expect("input id");
            assert!(html.contains(&format!("<label class=\"quiz-opt\" for=\"{id}\">")));
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            );
            ids.push(id.to_string());
        }
        assert_eq!(ids.len(), 6);
        assert_eq!(ids[0], "q-module-06-03-elements-3-0");
        let mut uniq = ids.clone();
        uniq.sort();
        uniq.dedup();
        assert_eq!(uniq.len(), ids.len());
        assert_eq!(
            html.matches("type=\"radio\" name=\"q-module-06-03-elements-3\"")
                .count(),
            3
        );
        assert_eq!(
            html.matches("type=\"checkbox\" name=\"q-module-06-03-elements-4\"")
                .count(),
            3
        );
        assert_eq!(
            html.matches("<button type=\"button\" class=\"quiz-check\" hidden>Check</button>")
                .count(),
            2
        );
        assert_eq!(
            html.matches(
                "<div class=\"quiz-feedback\" aria-live=\"polite\" role=\"status\"></div>"
            )
            .count(),
            2
        );
        assert!(html.contains("<div class=\"quiz-explanation\" hidden>For children, the act and the purpose are enough.</div>"));
        assert!(html.contains("<span class=\"quiz-hint\" id=\"q-module-06-03-elements-3-hint\">Choose one answer</span>"));
        assert!(html.contains("aria-describedby=\"q-module-06-03-elements-4-hint\""));
        assert!(!html.contains("<p>"));
    }

    #[test]
    fn render_escapes_script_everywhere() {
        let block = "? <script>alert(1)</script> & \"q\"\n(x) <script>alert(2)</script>\n( ) <b onclick=x>b</b>\n> <script>alert(3)</script> <img src=x onerror=alert(4)>\n";
        let quiz = parse(block).expect("valid");
        let s = QuizStrings {
            check: "<script>c</script>".into(),
            correct: "\"><script>".into(),
            ..strings()
        };
        let html = render_html(&quiz, "m/\"<p>", 0, &s);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b "), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<p>"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"q\""),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("data-qid=\"m/&quot;&lt;p&gt;/1\""), "{html}");
        assert!(html.contains("id=\"q-m---p--1\""), "{html}");
    }

    #[test]
    fn render_inline_markdown_stays_inline() {
        let link = |u: &str| u.to_string();
        assert_eq!(render_inline("# Not a heading", &link), "# Not a heading");
        assert_eq!(render_inline("- not a list", &link), "- not a list");
        assert_eq!(render_inline("1990. A year", &link), "1990. A year");
        assert_eq!(render_inline("> quote", &link), "&gt; quote");
        assert_eq!(render_inline("***", &link), "***");
        assert_eq!(
            render_inline("***bold em***", &link),
            "<em><strong>bold em</strong></em>"
        );
        assert_eq!(
            render_inline("~~gone~~ `code`", &link),
            "<del>gone</del> <code>code</code>"
        );
        assert_eq!(
            render_inline("[x](javascript:alert(1)) [y](../a.md)", &|u: &str| u
                .replace(".md", ".html")),
            "x <a href=\"../a.html\">y</a>"
        );
        // A destination the page's resolver removed: the text stays.
        assert_eq!(
            render_inline(
                "[x](file:///etc/passwd) ![pic](https://e.example/p.png) z",
                &|_| { String::new() }
            ),
            "x pic z"
        );
    }

    #[test]
    fn dom_ids() {
        assert_eq!(dom_id("module-06/02-means/1"), "q-module-06-02-means-1");
        assert_eq!(dom_id("м/é"), "q----");
        assert_eq!(question_id("a/b", 3), "a/b/3");
    }

    /// `parse` and `render_html` never panic, whatever the input.
    #[test]
    fn never_panics_on_garbage() {
        const PIECES: &[&str] = &[
            "?", "? ", "(", ")", "[", "]", "(x)", "( )", "[x]", "[ ]", "(X)", "[X]", "(х)", ">",
            "> ", "\n", "\r\n", "\r", " ", "\t", "x", "é", "я", "\u{feff}", "\u{a0}", "𝄞", "#",
            "- ", "1. ", "*", "**", "`", "```", "<", "&", "\"", "\\", "[a](b)", "![i](j)",
            "<script>", "\u{0}",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let n = (next() % 40) as usize;
            let mut s = String::new();
            for _ in 0..n {
                let i = (next() % PIECES.len() as u64) as usize;
                s.push_str(PIECES[i]);
            }
            match parse(&s) {
                Ok(quiz) => {
                    assert!(!quiz.questions.is_empty());
                    for q in &quiz.questions {
                        assert!(q.options.len() >= 2);
                        let correct = q.correct_indices().len();
                        assert!(if q.multiple {
                            correct >= 1
                        } else {
                            correct == 1
                        });
                    }
                    let html = render_html(&quiz, "m/p", 0, &strings());
                    assert!(!html.contains("<script"));
                }
                Err(es) => {
                    assert!(!es.is_empty());
                    let lines = s.split('\n').count();
                    for e in es {
                        assert!(
                            e.line >= 1 && e.line <= lines && e.column >= 1 && e.len >= 1,
                            "{e:?} in {s:?}"
                        );
                    }
                }
            }
        }
    }
}

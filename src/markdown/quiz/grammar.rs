//! The quiz grammar: classifying each line and building questions, with
//! every error of the block located by line and column.

use super::{Choice, Form, Pair, Question, Quiz, QuizError};
use crate::diag::{Code, Msg};
use crate::msg;

/// What one non-blank line is, by its first characters.
pub(crate) enum Line<'a> {
    /// `? text`; `text` may be empty.
    Question(&'a str),
    /// `?` followed by something other than a space: `text` is what
    /// follows the `?`.
    BadQuestion(&'a str),
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
    /// `- left => right`; `None` when there is no `=>`.
    Pair(Option<(&'a str, &'a str)>),
    /// `N. text`: an ordering item and its number.
    Item(usize, &'a str),
    /// `= text`: an accepted short answer.
    Accepted(&'a str),
    /// `=` followed by something other than a space.
    BadAccepted,
    /// `> text` or `>` alone.
    Explanation(&'a str),
    Unknown,
}

/// Every text in a `Line` is a slice of `t`.
pub(crate) fn classify(t: &str) -> Line<'_> {
    if let Some(rest) = t.strip_prefix('?') {
        return if rest.is_empty() {
            Line::Question("")
        } else if rest.starts_with(char::is_whitespace) {
            Line::Question(rest.trim())
        } else {
            Line::BadQuestion(rest.trim())
        };
    }
    if let Some(rest) = t.strip_prefix('>') {
        return Line::Explanation(rest.trim());
    }
    if let Some(rest) = t.strip_prefix('=') {
        return if rest.is_empty() || rest.starts_with(char::is_whitespace) {
            Line::Accepted(rest.trim())
        } else {
            Line::BadAccepted
        };
    }
    if let Some(rest) = t.strip_prefix("- ") {
        return Line::Pair(rest.split_once("=>").map(|(l, r)| (l.trim(), r.trim())));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits)
        && t[digits..].starts_with('.')
        && t[digits + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    {
        let n = t[..digits].parse().unwrap_or(0);
        return Line::Item(n, t[digits + 1..].trim());
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
    /// Form set by the first answer line.
    form: Option<Form>,
    /// Line of the first answer line, which fixed the form.
    form_line: usize,
    /// Answer lines of the question's form, each with the line and column
    /// of its marker.
    options: Vec<(Choice, usize, usize)>,
    pairs: Vec<(Pair, usize, usize)>,
    items: Vec<(String, usize, usize)>,
    accepted: Vec<(String, usize, usize)>,
    explanation: Vec<String>,
    mixed: bool,
    /// Answer lines already reported as malformed; they count as answer
    /// lines so that one typo gives one error.
    bad_lines: usize,
    /// The previous line was the prompt (for a better hint).
    just_prompted: bool,
    /// The `?` line lacks its space (already reported): no second error
    /// for a question that has nothing under it.
    bad_prompt: bool,
}

impl Draft {
    /// A question started by its `?` line (`bad_prompt`: the line lacks
    /// the space after `?`, already reported).
    fn new(line: usize, column: usize, line_len: usize, prompt: &str, bad_prompt: bool) -> Draft {
        Draft {
            line,
            column,
            line_len,
            prompt: prompt.to_string(),
            form: None,
            form_line: 0,
            options: Vec::new(),
            pairs: Vec::new(),
            items: Vec::new(),
            accepted: Vec::new(),
            explanation: Vec::new(),
            mixed: false,
            bad_lines: 0,
            just_prompted: true,
            bad_prompt,
        }
    }

    fn count(&self) -> usize {
        match self.form.unwrap_or_default() {
            Form::Single | Form::Multiple => self.options.len(),
            Form::Matching => self.pairs.len(),
            Form::Ordering => self.items.len(),
            Form::Short => self.accepted.len(),
        }
    }
}

struct Parse {
    errors: Vec<QuizError>,
    questions: Vec<Question>,
    /// The blank line that ended the last question, if the block is between
    /// questions right after one.
    blank_after_question: Option<usize>,
    /// A question with no answer lines yet, ended by a blank line: when
    /// answer lines follow, the blank line was the mistake (one error, and
    /// the lines still count as the question's).
    resting: Option<Draft>,
}

/// Most pairs of a matching question or items of an ordering question
/// (SCORM 1.2 names them with one character each).
pub const MAX_ITEMS: usize = 20;
/// Most accepted answers of a short-answer question (SCORM's fill-in limit).
pub const MAX_ACCEPTED: usize = 10;

/// Text compared for duplicates: case and surrounding space ignored.
fn same_key(s: &str) -> String {
    super::normalize_answer(s)
}

impl Parse {
    fn error(
        &mut self,
        line: usize,
        column: usize,
        len: usize,
        code: Code,
        message: Msg,
        hint: Msg,
    ) {
        self.errors.push(QuizError {
            line,
            column,
            len: len.max(1),
            code,
            message: message.into(),
            hint: hint.into(),
        });
    }

    /// `what`: `option`, `pair`, `item`, `answer` or `explanation`.
    fn outside_question_hint(&self, what: &'static str) -> Msg {
        match self.blank_after_question {
            Some(blank) => msg!(
                "markup-quiz-blank-ends-question-hint",
                line = blank,
                what = what
            ),
            None => msg!("markup-quiz-start-question-hint", what = what),
        }
    }

    /// Reports the second and later lines equal to an earlier one.
    /// `what`: `left`, `right`, `item` or `answer`.
    fn duplicates<'a>(
        &mut self,
        lines: impl Iterator<Item = (&'a str, usize, usize)>,
        what: &'static str,
    ) {
        let mut seen: Vec<(String, usize)> = Vec::new();
        for (text, line, column) in lines {
            let k = same_key(text);
            if k.is_empty() {
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(s, _)| *s == k) {
                let first = *first;
                self.error(
                    line,
                    column,
                    text.chars().count() + 2,
                    Code::QuizDuplicate,
                    msg!("markup-quiz-duplicate", what = what, line = first),
                    msg!("markup-quiz-duplicate-hint", what = what),
                );
            } else {
                seen.push((k, line));
            }
        }
    }

    fn finish(&mut self, d: Draft) {
        let form = d.form.unwrap_or_default();
        let n = d.count() + d.bad_lines;
        if n == 0 && d.bad_prompt {
            return;
        }
        if n == 0 {
            self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizEmptyQuestion,
                msg!("markup-quiz-empty-question"),
                msg!("markup-quiz-empty-question-hint"),
            );
            return;
        }
        match form {
            Form::Single | Form::Multiple if n == 1 => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooFewOptions,
                msg!("markup-quiz-one-option"),
                msg!("markup-quiz-one-option-hint"),
            ),
            Form::Matching if n == 1 => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooFewOptions,
                msg!("markup-quiz-one-pair"),
                msg!("markup-quiz-one-pair-hint"),
            ),
            Form::Ordering if n == 1 => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooFewOptions,
                msg!("markup-quiz-one-item"),
                msg!("markup-quiz-one-item-hint"),
            ),
            Form::Matching | Form::Ordering if n > MAX_ITEMS => {
                let what = if form == Form::Matching {
                    "pair"
                } else {
                    "item"
                };
                self.error(
                    d.line,
                    d.column,
                    d.line_len,
                    Code::QuizTooManyAnswers,
                    msg!(
                        "markup-quiz-too-many",
                        what = what,
                        count = n,
                        max = MAX_ITEMS
                    ),
                    msg!("markup-quiz-too-many-hint"),
                );
            }
            Form::Short if n > MAX_ACCEPTED => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooManyAnswers,
                msg!(
                    "markup-quiz-too-many",
                    what = "answer",
                    count = n,
                    max = MAX_ACCEPTED
                ),
                msg!("markup-quiz-too-many-answers-hint", max = MAX_ACCEPTED),
            ),
            _ => {}
        }
        let multiple = form == Form::Multiple;
        if matches!(form, Form::Single | Form::Multiple) && !d.mixed && d.bad_lines == 0 {
            let correct: Vec<&(Choice, usize, usize)> =
                d.options.iter().filter(|(c, _, _)| c.correct).collect();
            if correct.is_empty() {
                let hint = if multiple {
                    msg!("markup-quiz-no-correct-multiple-hint")
                } else {
                    msg!("markup-quiz-no-correct-single-hint")
                };
                self.error(
                    d.line,
                    d.column,
                    d.line_len,
                    Code::QuizNoCorrect,
                    msg!("markup-quiz-no-correct"),
                    hint,
                );
            } else if !multiple && correct.len() > 1 {
                let lines: Vec<String> = correct.iter().map(|(_, l, _)| l.to_string()).collect();
                if let Some((_, line, column)) = correct.get(1) {
                    self.error(
                        *line,
                        *column,
                        3,
                        Code::QuizSeveralCorrect,
                        msg!(
                            "markup-quiz-several-correct",
                            count = correct.len(),
                            lines = lines.join(", ")
                        ),
                        msg!("markup-quiz-several-correct-hint"),
                    );
                }
            }
        }
        match form {
            Form::Matching => {
                self.duplicates(
                    d.pairs.iter().map(|(p, l, c)| (p.left.as_str(), *l, *c)),
                    "left",
                );
                self.duplicates(
                    d.pairs.iter().map(|(p, l, c)| (p.right.as_str(), *l, *c)),
                    "right",
                );
            }
            Form::Ordering => {
                self.duplicates(d.items.iter().map(|(t, l, c)| (t.as_str(), *l, *c)), "item");
            }
            Form::Short => {
                self.duplicates(
                    d.accepted.iter().map(|(t, l, c)| (t.as_str(), *l, *c)),
                    "answer",
                );
            }
            Form::Single | Form::Multiple => {}
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
            form,
            multiple,
            options: d.options.into_iter().map(|(c, _, _)| c).collect(),
            pairs: d.pairs.into_iter().map(|(p, _, _)| p).collect(),
            items: d.items.into_iter().map(|(t, _, _)| t).collect(),
            accepted: d.accepted.into_iter().map(|(t, _, _)| t).collect(),
            explanation,
            line: d.line,
        });
    }

    /// Sets the draft's form from an answer line, or reports a line of
    /// another form. Returns false when the line does not belong.
    fn take_form(
        &mut self,
        d: &mut Draft,
        form: Form,
        line: usize,
        column: usize,
        len: usize,
    ) -> bool {
        match d.form {
            None => {
                d.form = Some(form);
                d.form_line = line;
                true
            }
            Some(kind) if kind == form => true,
            Some(kind) => {
                d.mixed = true;
                d.bad_lines += 1;
                let form_line = d.form_line;
                let (message, hint) = match (kind, form) {
                    (Form::Single, Form::Multiple) | (Form::Multiple, Form::Single) => (
                        msg!(
                            "markup-quiz-mixed-choice",
                            this = form.written(),
                            line = form_line,
                            first = kind.written()
                        ),
                        msg!("markup-quiz-mixed-choice-hint"),
                    ),
                    _ => (
                        msg!(
                            "markup-quiz-mixed-form",
                            this = form.written(),
                            line = form_line,
                            first = kind.written()
                        ),
                        msg!("markup-quiz-mixed-form-hint", first = kind.written()),
                    ),
                };
                self.error(line, column, len, Code::QuizMixedOptions, message, hint);
                false
            }
        }
    }
}

/// Parses the text inside a ```` ```quiz ```` fence, with line numbers
/// counted within the block (its first line is 1).
pub fn parse(block: &str) -> Result<Quiz, Vec<QuizError>> {
    parse_at(block, 1)
}

/// Parses the text inside a ```` ```quiz ```` fence whose first line is
/// line `first_line` of its file: every line number in errors, messages and
/// questions is a line of the file.
///
/// Returns every error of the block, sorted by line and column, when there is
/// any.
pub fn parse_at(block: &str, first_line: usize) -> Result<Quiz, Vec<QuizError>> {
    let mut p = Parse {
        errors: Vec::new(),
        questions: Vec::new(),
        blank_after_question: None,
        resting: None,
    };
    let mut cur: Option<Draft> = None;
    let mut any_text = false;
    // The last line of a run of answer lines outside any question.
    let mut orphan_run: Option<usize> = None;
    let first_line = first_line.max(1);

    for (idx, raw) in block.split('\n').enumerate() {
        let lineno = first_line + idx;
        let mut line = raw.trim_end();
        if idx == 0 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        let t = line.trim_start();
        if t.is_empty() {
            if let Some(d) = cur.take() {
                if d.count() + d.bad_lines == 0 {
                    p.resting = Some(d);
                } else {
                    p.finish(d);
                }
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
        let line_kind = classify(t);
        // An answer line with no question to belong to.
        let answer_what = match &line_kind {
            Line::Option { .. } => Some(("option", 3)),
            Line::Pair(_) => Some(("pair", 1)),
            Line::Item(..) => Some(("item", 1)),
            Line::Accepted(_) => Some(("answer", 1)),
            _ => None,
        };
        if let Some(d) = p.resting.take() {
            match (answer_what, p.blank_after_question) {
                (Some((what, len)), Some(blank)) => {
                    p.error(
                        lineno,
                        column,
                        len,
                        Code::QuizOptionBeforeQuestion,
                        msg!("markup-quiz-blank-in-question", line = d.line),
                        msg!(
                            "markup-quiz-blank-ends-question-hint",
                            line = blank,
                            what = what
                        ),
                    );
                    p.blank_after_question = None;
                    cur = Some(d);
                }
                _ => p.finish(d),
            }
        }
        if let (Some((what, len)), None) = (answer_what, cur.as_ref()) {
            // One error for a run of such lines: the first says why.
            if orphan_run != Some(lineno - 1) {
                let hint = p.outside_question_hint(what);
                p.error(
                    lineno,
                    column,
                    len,
                    Code::QuizOptionBeforeQuestion,
                    msg!("markup-quiz-orphan-answer"),
                    hint,
                );
            }
            orphan_run = Some(lineno);
            continue;
        }

        match line_kind {
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
                        Code::QuizEmptyPrompt,
                        msg!("markup-quiz-empty-prompt"),
                        msg!("markup-quiz-empty-prompt-hint"),
                    );
                }
                cur = Some(Draft::new(lineno, column, t_len, text, false));
            }
            Line::BadQuestion(text) => {
                // One error, and the lines under it still belong to this
                // question: it is a question with a typo, not text.
                if let Some(d) = cur.take() {
                    p.finish(d);
                }
                p.blank_after_question = None;
                p.error(
                    lineno,
                    column,
                    1,
                    Code::QuizUnknownLine,
                    msg!("markup-quiz-question-space"),
                    msg!("markup-quiz-question-space-hint", text = text),
                );
                cur = Some(Draft::new(lineno, column, t_len, text, true));
            }
            Line::Option {
                multiple,
                correct,
                text,
            } => {
                let form = if multiple {
                    Form::Multiple
                } else {
                    Form::Single
                };
                let Some(mut d) = cur.take() else { continue };
                if p.take_form(&mut d, form, lineno, column, 3) {
                    if text.is_empty() {
                        p.error(
                            lineno,
                            column,
                            3,
                            Code::QuizEmptyOption,
                            msg!("markup-quiz-empty-option"),
                            msg!("markup-quiz-empty-option-hint"),
                        );
                    }
                    d.options.push((
                        Choice {
                            text: text.to_string(),
                            correct,
                        },
                        lineno,
                        column,
                    ));
                }
                cur = Some(d);
            }
            Line::Pair(pair) => {
                let Some(mut d) = cur.take() else { continue };
                if p.take_form(&mut d, Form::Matching, lineno, column, 1) {
                    match pair {
                        None => {
                            d.bad_lines += 1;
                            p.error(
                                lineno,
                                column,
                                t_len,
                                Code::QuizPairArrow,
                                msg!("markup-quiz-pair-arrow"),
                                msg!("markup-quiz-pair-arrow-hint"),
                            );
                        }
                        Some((left, right)) => {
                            if left.is_empty() || right.is_empty() {
                                let side = if left.is_empty() { "left" } else { "right" };
                                p.error(
                                    lineno,
                                    column,
                                    t_len,
                                    Code::QuizPairEmpty,
                                    msg!("markup-quiz-pair-empty", side = side),
                                    msg!("markup-quiz-pair-empty-hint"),
                                );
                            }
                            d.pairs.push((
                                Pair {
                                    left: left.to_string(),
                                    right: right.to_string(),
                                },
                                lineno,
                                column,
                            ));
                        }
                    }
                }
                cur = Some(d);
            }
            Line::Item(number, text) => {
                let Some(mut d) = cur.take() else { continue };
                if p.take_form(
                    &mut d,
                    Form::Ordering,
                    lineno,
                    column,
                    t.find('.').unwrap_or(1) + 1,
                ) {
                    let expected = d.items.len() + d.bad_lines + 1;
                    let digits = t.find('.').unwrap_or(1);
                    if number != expected {
                        p.error(
                            lineno,
                            column,
                            digits + 1,
                            Code::QuizOrderNumber,
                            msg!(
                                "markup-quiz-order-number",
                                number = number,
                                expected = expected
                            ),
                            msg!("markup-quiz-order-number-hint"),
                        );
                    }
                    if text.is_empty() {
                        p.error(
                            lineno,
                            column,
                            digits + 1,
                            Code::QuizEmptyOption,
                            msg!("markup-quiz-empty-item"),
                            msg!("markup-quiz-empty-item-hint"),
                        );
                    }
                    d.items.push((text.to_string(), lineno, column));
                }
                cur = Some(d);
            }
            Line::Accepted(text) => {
                let Some(mut d) = cur.take() else { continue };
                if p.take_form(&mut d, Form::Short, lineno, column, 1) {
                    if text.is_empty() {
                        p.error(
                            lineno,
                            column,
                            1,
                            Code::QuizEmptyOption,
                            msg!("markup-quiz-empty-answer"),
                            msg!("markup-quiz-empty-answer-hint"),
                        );
                    } else if let Err(why) = super::numeric_range(text) {
                        p.error(
                            lineno,
                            column + 2,
                            text.chars().count(),
                            Code::QuizBadRange,
                            why,
                            msg!("markup-quiz-bad-range-hint"),
                        );
                    }
                    d.accepted.push((text.to_string(), lineno, column));
                }
                cur = Some(d);
            }
            Line::BadAccepted => {
                p.blank_after_question = None;
                if let Some(d) = cur.as_mut() {
                    d.bad_lines += 1;
                    d.form.get_or_insert(Form::Short);
                }
                p.error(
                    lineno,
                    column,
                    1,
                    Code::QuizUnknownLine,
                    msg!("markup-quiz-answer-space"),
                    msg!("markup-quiz-answer-space-hint"),
                );
            }
            Line::BadMarker {
                marker_len,
                cyrillic_x,
            } => {
                p.blank_after_question = None;
                if let Some(d) = cur.as_mut() {
                    d.bad_lines += 1;
                }
                let hint = if cyrillic_x {
                    msg!("markup-quiz-cyrillic-x-hint")
                } else {
                    msg!("markup-quiz-bad-marker-hint")
                };
                p.error(
                    lineno,
                    column,
                    marker_len,
                    Code::QuizBadMarker,
                    msg!("markup-quiz-bad-marker"),
                    hint,
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
                        Code::QuizExplanationBeforeQuestion,
                        msg!("markup-quiz-orphan-explanation"),
                        hint,
                    );
                }
            },
            Line::Unknown => {
                p.blank_after_question = None;
                let hint = if was_just_prompted {
                    msg!("markup-quiz-prompt-one-line-hint")
                } else {
                    msg!("markup-quiz-unknown-line-hint")
                };
                p.error(
                    lineno,
                    column,
                    t_len,
                    Code::QuizUnknownLine,
                    msg!("markup-quiz-unknown-line"),
                    hint,
                );
            }
        }
    }
    if let Some(d) = cur.take().or(p.resting.take()) {
        p.finish(d);
    }
    if !any_text {
        p.error(
            first_line,
            1,
            1,
            Code::QuizEmpty,
            msg!("markup-quiz-empty"),
            msg!("markup-quiz-empty-hint"),
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

//! The quiz grammar: classifying each line and building questions, with
//! every error of the block located by line and column.

use super::{Choice, Form, Pair, Question, Quiz, QuizError};
use crate::diag::Code;

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
}

impl Draft {
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

    /// Reports the second and later lines equal to an earlier one.
    fn duplicates<'a>(&mut self, lines: impl Iterator<Item = (&'a str, usize, usize)>, what: &str) {
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
                    format!("this {what} is the same as the one on line {first}"),
                    format!("make every {what} of the question different, or remove this one"),
                );
            } else {
                seen.push((k, line));
            }
        }
    }

    fn finish(&mut self, d: Draft) {
        let form = d.form.unwrap_or_default();
        let n = d.count() + d.bad_lines;
        if n == 0 {
            self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizEmptyQuestion,
                "this question has no options".into(),
                "add its answer lines right below it, with no blank line in between: options \"( ) ...\" and \"(x) ...\", pairs \"- ... => ...\", items \"1. ...\" or accepted answers \"= ...\"".into(),
            );
            return;
        }
        match form {
            Form::Single | Form::Multiple if n == 1 => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooFewOptions,
                "this question has only one option".into(),
                "give every question at least two options".into(),
            ),
            Form::Matching if n == 1 => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooFewOptions,
                "this matching question has only one pair".into(),
                "give a matching question at least two pairs \"- left => right\"".into(),
            ),
            Form::Ordering if n == 1 => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooFewOptions,
                "this ordering question has only one item".into(),
                "give an ordering question at least two items \"1. ...\", \"2. ...\"".into(),
            ),
            Form::Matching | Form::Ordering if n > MAX_ITEMS => {
                let what = if form == Form::Matching { "pairs" } else { "items" };
                self.error(
                    d.line,
                    d.column,
                    d.line_len,
                    Code::QuizTooManyAnswers,
                    format!("this question has {n} {what}; at most {MAX_ITEMS} are possible"),
                    "split it into two questions".into(),
                );
            }
            Form::Short if n > MAX_ACCEPTED => self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizTooManyAnswers,
                format!("this question has {n} accepted answers; at most {MAX_ACCEPTED} are possible"),
                "keep the ten most likely spellings: case, surrounding spaces, apostrophe variants and ё/е are already ignored".into(),
            ),
            _ => {}
        }
        let multiple = form == Form::Multiple;
        if matches!(form, Form::Single | Form::Multiple) && !d.mixed && d.bad_lines == 0 {
            let correct: Vec<&(Choice, usize, usize)> =
                d.options.iter().filter(|(c, _, _)| c.correct).collect();
            if correct.is_empty() {
                let hint = if multiple {
                    "mark every right answer with [x] (at least one)"
                } else {
                    "mark exactly one answer with (x)"
                };
                self.error(
                    d.line,
                    d.column,
                    d.line_len,
                    Code::QuizNoCorrect,
                    "no option of this question is marked correct".into(),
                    hint.into(),
                );
            } else if !multiple && correct.len() > 1 {
                let lines: Vec<String> = correct.iter().map(|(_, l, _)| l.to_string()).collect();
                if let Some((_, line, column)) = correct.get(1) {
                    self.error(
                        *line,
                        *column,
                        3,
                        Code::QuizSeveralCorrect,
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
        match form {
            Form::Matching => {
                self.duplicates(
                    d.pairs.iter().map(|(p, l, c)| (p.left.as_str(), *l, *c)),
                    "left side",
                );
                self.duplicates(
                    d.pairs.iter().map(|(p, l, c)| (p.right.as_str(), *l, *c)),
                    "right side",
                );
            }
            Form::Ordering => {
                self.duplicates(d.items.iter().map(|(t, l, c)| (t.as_str(), *l, *c)), "item");
            }
            Form::Short => {
                self.duplicates(
                    d.accepted.iter().map(|(t, l, c)| (t.as_str(), *l, *c)),
                    "accepted answer",
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
                        format!(
                            "this option uses {}, but the question's first option (line {form_line}) uses {}",
                            form.written(),
                            kind.written()
                        ),
                        "use ( ) and (x) for every option of a single-answer question, or [ ] and [x] for every option of a multiple-answer one".to_string(),
                    ),
                    _ => (
                        format!(
                            "this line is written as {}, but the question's first answer line (line {form_line}) is written as {}",
                            form.written(),
                            kind.written()
                        ),
                        format!(
                            "a question has one kind of answer lines: write this one as {} too, or start a new question with \"? \" and a blank line before it",
                            kind.written()
                        ),
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
    };
    let mut cur: Option<Draft> = None;
    let mut any_text = false;
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
        let line_kind = classify(t);
        // An answer line with no question to belong to.
        let answer_what = match &line_kind {
            Line::Option { .. } => Some(("options", 3)),
            Line::Pair(_) => Some(("matching pairs", 1)),
            Line::Item(..) => Some(("ordering items", 1)),
            Line::Accepted(_) => Some(("accepted answers", 1)),
            _ => None,
        };
        if let (Some((what, len)), None) = (answer_what, cur.as_ref()) {
            let hint = p.outside_question_hint(what);
            p.error(
                lineno,
                column,
                len,
                Code::QuizOptionBeforeQuestion,
                "this answer line does not belong to any question".into(),
                hint,
            );
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
                        "this question has no text".into(),
                        "write the question after \"? \"".into(),
                    );
                }
                cur = Some(Draft {
                    line: lineno,
                    column,
                    line_len: t_len,
                    prompt: text.to_string(),
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
                });
            }
            Line::BadQuestion => p.error(
                lineno,
                column,
                1,
                Code::QuizUnknownLine,
                "a question starts with \"?\" followed by a space".into(),
                "put a space after \"?\"".into(),
            ),
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
                            "this option has no text".into(),
                            "write the answer after the marker, e.g. \"(x) The means\"".into(),
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
                                "this matching pair has no \"=>\" between its two sides".into(),
                                "write the pair as \"- left side => right side\"".into(),
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
                                    format!("the {side} side of this pair is empty"),
                                    "write text on both sides of \"=>\"".into(),
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
                            format!(
                                "this item is numbered {number}, but it is item {expected} of the question"
                            ),
                            "number the items 1, 2, 3, ... and write them in the right order: the learner sees them shuffled".into(),
                        );
                    }
                    if text.is_empty() {
                        p.error(
                            lineno,
                            column,
                            digits + 1,
                            Code::QuizEmptyOption,
                            "this item has no text".into(),
                            "write the step after its number, e.g. \"1. Make sure the person is safe\"".into(),
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
                            "this accepted answer is empty".into(),
                            "write the answer after \"= \", e.g. \"= article 3\"".into(),
                        );
                    } else if let Err(why) = super::numeric_range(text) {
                        p.error(
                            lineno,
                            column + 2,
                            text.chars().count(),
                            Code::QuizBadRange,
                            why,
                            "write a range of numbers as \"= low..high\", e.g. \"= 18..20\" (a decimal comma or point both work)".into(),
                        );
                    }
                    d.accepted.push((text.to_string(), lineno, column));
                }
                cur = Some(d);
            }
            Line::BadAccepted => {
                if let Some(d) = cur.as_mut() {
                    d.bad_lines += 1;
                    d.form.get_or_insert(Form::Short);
                }
                p.error(
                    lineno,
                    column,
                    1,
                    Code::QuizUnknownLine,
                    "an accepted answer starts with \"=\" followed by a space".into(),
                    "put a space after \"=\", e.g. \"= 18\"".into(),
                );
            }
            Line::BadMarker {
                marker_len,
                cyrillic_x,
            } => {
                if let Some(d) = cur.as_mut() {
                    d.bad_lines += 1;
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
                    Code::QuizBadMarker,
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
                        Code::QuizExplanationBeforeQuestion,
                        "this explanation does not belong to any question".into(),
                        hint,
                    );
                }
            },
            Line::Unknown => {
                let hint = if was_just_prompted {
                    "a question must fit on one line: join this line to the \"? \" line above; answer lines start with ( ) [ ] \"- \" \"1. \" or \"= \", explanations with \"> \""
                } else {
                    "start the line with \"? \" (question), ( ) (x) [ ] [x] (option), \"- a => b\" (matching pair), \"1. \" (ordering item), \"= \" (accepted answer) or \"> \" (explanation); separate questions with a blank line"
                };
                p.error(
                    lineno,
                    column,
                    t_len,
                    Code::QuizUnknownLine,
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
            first_line,
            1,
            1,
            Code::QuizEmpty,
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

//! The quiz grammar: classifying each line and building questions, with
//! every error of the block located by line and column.

use super::{Choice, Question, Quiz, QuizError};
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

    fn finish(&mut self, d: Draft) {
        let n = d.options.len() + d.bad_markers;
        if n == 0 {
            self.error(
                d.line,
                d.column,
                d.line_len,
                Code::QuizEmptyQuestion,
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
                Code::QuizTooFewOptions,
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
                    Code::QuizNoCorrect,
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
                Code::QuizUnknownLine,
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
                        Code::QuizOptionBeforeQuestion,
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
                            Code::QuizMixedOptions,
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
                        Code::QuizEmptyOption,
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
                    "a question must fit on one line: join this line to the \"? \" line above; options start with ( ) or [ ], explanations with \"> \""
                } else {
                    "start the line with \"? \" (question), ( ) (x) [ ] [x] (option) or \"> \" (explanation); separate questions with a blank line"
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
            1,
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

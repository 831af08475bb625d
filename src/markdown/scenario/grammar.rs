//! The scenario grammar: steps, their text, choices and feedback, read line
//! by line, with every error of the block located by file line and column.

use super::graph;
use super::{Choice, Scenario, Step};
use crate::diag::{Code, Msg};
use crate::markdown::quiz::QuizError;
use crate::msg;

/// Longest step id, in characters.
pub const MAX_ID: usize = 40;
/// Largest number of points a choice may give or take.
pub const MAX_POINTS: i32 = 1000;

/// Is `id` a step id: 1 to 40 ASCII letters, digits, `-` or `_`?
pub fn valid_id(id: &str) -> bool {
    (1..=MAX_ID).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// 1-based character column of byte offset `at` in `line`.
fn col(line: &str, at: usize) -> usize {
    line.get(..at).map_or(1, |s| s.chars().count() + 1)
}

/// Byte offset of `part` (a subslice of `line`) in `line`.
fn offset(line: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(line.as_ptr() as usize)
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// A choice being read.
struct DraftChoice {
    text: String,
    target: String,
    target_col: usize,
    target_len: usize,
    points: i32,
    feedback: Vec<String>,
    line: usize,
    column: usize,
    /// Column and length of the `(+N)`, if any (for the points-loop error).
    points_at: Option<(usize, usize)>,
}

/// A step being read.
struct DraftStep {
    id: String,
    id_col: usize,
    id_len: usize,
    end: bool,
    line: usize,
    column: usize,
    line_len: usize,
    text: Vec<String>,
    choices: Vec<DraftChoice>,
    /// Choices have started: only `>` feedback, further choices and blank
    /// lines may follow.
    in_choices: bool,
    /// The last line was a choice or its feedback (a `>` line continues it).
    feedback_open: bool,
    /// Inside a fenced code block of the step's text.
    fence: Option<(u8, usize)>,
}

struct Parse {
    errors: Vec<QuizError>,
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
            column: column.max(1),
            len: len.max(1),
            code,
            message: message.into(),
            hint: hint.into(),
        });
    }
}

/// What a step header (`# ...`) says.
struct Header<'a> {
    id: &'a str,
    end: bool,
    /// A bracketed mark other than `(end)`, e.g. `(конец)`.
    bad_mark: Option<&'a str>,
}

fn header(rest: &str) -> Header<'_> {
    let rest = rest.trim();
    if let (true, Some(open)) = (rest.ends_with(')'), rest.rfind('(')) {
        let inner = rest[open + 1..rest.len() - 1].trim();
        let id = rest[..open].trim();
        if inner.eq_ignore_ascii_case("end") {
            return Header {
                id,
                end: true,
                bad_mark: None,
            };
        }
        // `# id (mark)` with a one-word id: an ending mark with a typo or
        // in another language. Anything else is a malformed id.
        if !id.is_empty() && !id.contains(char::is_whitespace) {
            return Header {
                id,
                end: true,
                bad_mark: Some(&rest[open..]),
            };
        }
    }
    Header {
        id: rest,
        end: false,
        bad_mark: None,
    }
}

/// `# id`: a `#` followed by a space, a tab or nothing.
fn is_header(t: &str) -> bool {
    t == "#" || t.starts_with("# ") || t.starts_with("#\t")
}

/// `* text -> target`: a `*` followed by a space, a tab or nothing.
fn is_choice(t: &str) -> bool {
    t == "*" || t.starts_with("* ") || t.starts_with("*\t")
}

/// The points in `(+N)`, `(-N)` or `(N)`.
fn points(inner: &str) -> Result<i32, Msg> {
    let s = inner.trim();
    let (sign, digits) = match s.chars().next() {
        Some('+') => (1, &s[1..]),
        Some('-') => (-1, &s[1..]),
        Some('\u{2212}') => (-1, &s['\u{2212}'.len_utf8()..]),
        _ => (1, s),
    };
    let digits = digits.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(msg!(
            "markup-scenario-points-not-number",
            mark = format!("({s})")
        ));
    }
    match digits.parse::<i32>() {
        Ok(n) if n <= MAX_POINTS => Ok(sign * n),
        _ => Err(msg!(
            "markup-scenario-points-too-many",
            points = s,
            max = MAX_POINTS
        )),
    }
}

/// Parses one scenario block whose first line is line `first_line` of the
/// file; every error of the block is returned, sorted by line and column.
pub fn parse_at(text: &str, first_line: usize) -> Result<Scenario, Vec<QuizError>> {
    let first_line = first_line.max(1);
    let mut p = Parse { errors: Vec::new() };
    let mut steps: Vec<DraftStep> = Vec::new();
    // First non-blank line before the first step: (line, column, len).
    let mut before: Option<(usize, usize, usize)> = None;

    for (idx, raw) in text.split('\n').enumerate() {
        let lineno = first_line + idx;
        let mut line = raw.trim_end();
        if idx == 0 {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        let t = line.trim_start();
        let column = col(line, offset(line, t));
        let t_len = chars(t);
        let in_fence = steps.last().is_some_and(|s| s.fence.is_some());

        if !in_fence && is_header(t) {
            let rest = &t[1..];
            let h = header(rest);
            let id_col = if h.id.is_empty() {
                column
            } else {
                col(line, offset(line, h.id))
            };
            let id_len = chars(h.id);
            if h.id.is_empty() {
                p.error(
                    lineno,
                    column,
                    t_len,
                    Code::ScenarioBadId,
                    msg!("markup-scenario-no-id"),
                    msg!("markup-scenario-no-id-hint"),
                );
            } else if let Some(mark) = h.bad_mark {
                p.error(
                    lineno,
                    col(line, offset(line, mark)),
                    chars(mark),
                    Code::ScenarioBadId,
                    msg!("markup-scenario-bad-end-mark", mark = mark),
                    msg!("markup-scenario-bad-end-mark-hint", id = h.id),
                );
            } else if !valid_id(h.id) {
                p.error(
                    lineno,
                    id_col,
                    id_len,
                    Code::ScenarioBadId,
                    msg!("markup-scenario-bad-id", id = h.id),
                    msg!("markup-scenario-bad-id-hint", max = MAX_ID),
                );
            } else if let Some(first) = steps.iter().find(|s| s.id == h.id) {
                let first = first.line;
                p.error(
                    lineno,
                    id_col,
                    id_len,
                    Code::ScenarioDuplicateId,
                    msg!("markup-scenario-duplicate-id", id = h.id, line = first),
                    msg!("markup-scenario-duplicate-id-hint"),
                );
            }
            steps.push(DraftStep {
                id: h.id.to_string(),
                id_col,
                id_len,
                end: h.end,
                line: lineno,
                column,
                line_len: t_len,
                text: Vec::new(),
                choices: Vec::new(),
                in_choices: false,
                feedback_open: false,
                fence: None,
            });
            continue;
        }

        let Some(step) = steps.last_mut() else {
            if !t.is_empty() && before.is_none() {
                before = Some((lineno, column, t_len));
            }
            continue;
        };

        if let Some((c, n)) = step.fence {
            // Inside a code block of the step's text: everything is text
            // until the closing fence.
            let run = t.bytes().take_while(|b| *b == c).count();
            if run >= n && t[run..].trim().is_empty() {
                step.fence = None;
            }
            step.text.push(line.to_string());
            continue;
        }

        if t.is_empty() {
            if step.in_choices {
                step.feedback_open = false;
            } else {
                step.text.push(String::new());
            }
            continue;
        }

        if is_choice(t) {
            step.in_choices = true;
            step.feedback_open = true;
            let rest = &t[1..];
            let Some(arrow) = rest.rfind("->") else {
                p.error(
                    lineno,
                    column,
                    t_len,
                    Code::ScenarioBadLine,
                    msg!("markup-scenario-no-arrow"),
                    msg!("markup-scenario-no-arrow-hint"),
                );
                // Keep it as a choice without a target, so that its
                // feedback lines are not reported too.
                step.choices.push(DraftChoice {
                    text: rest.trim().to_string(),
                    target: String::new(),
                    target_col: column,
                    target_len: 1,
                    points: 0,
                    feedback: Vec::new(),
                    line: lineno,
                    column,
                    points_at: None,
                });
                continue;
            };
            let ctext = rest[..arrow].trim();
            let after = &rest[arrow + 2..];
            let after_trim = after.trim();
            let mut target = after_trim;
            let mut pts = 0;
            let mut points_at = None;
            if let (true, Some(open)) = (after_trim.ends_with(')'), after_trim.rfind('(')) {
                let mark = &after_trim[open..];
                target = after_trim[..open].trim();
                let mcol = col(line, offset(line, mark));
                points_at = Some((mcol, chars(mark)));
                match points(&mark[1..mark.len() - 1]) {
                    Ok(n) => pts = n,
                    Err(why) => p.error(
                        lineno,
                        mcol,
                        chars(mark),
                        Code::ScenarioBadPoints,
                        why,
                        msg!("markup-scenario-points-hint", max = MAX_POINTS),
                    ),
                }
            }
            let arrow_col = col(line, offset(line, &rest[arrow..]));
            if ctext.is_empty() {
                p.error(
                    lineno,
                    column,
                    arrow_col + 2 - column,
                    Code::ScenarioBadLine,
                    msg!("markup-scenario-choice-no-text"),
                    msg!("markup-scenario-choice-no-text-hint"),
                );
            }
            let (target_col, target_len) = if target.is_empty() {
                p.error(
                    lineno,
                    arrow_col,
                    2,
                    Code::ScenarioBadLine,
                    msg!("markup-scenario-no-target"),
                    msg!("markup-scenario-no-target-hint"),
                );
                (arrow_col, 2)
            } else {
                (col(line, offset(line, target)), chars(target))
            };
            step.choices.push(DraftChoice {
                text: ctext.to_string(),
                target: target.to_string(),
                target_col,
                target_len,
                points: pts,
                feedback: Vec::new(),
                line: lineno,
                column,
                points_at,
            });
            continue;
        }

        if step.in_choices {
            if let Some(fb) = t.strip_prefix('>') {
                if step.feedback_open {
                    if let Some(c) = step.choices.last_mut() {
                        let fb = fb.trim();
                        if !fb.is_empty() {
                            c.feedback.push(fb.to_string());
                        }
                    }
                } else {
                    p.error(
                        lineno,
                        column,
                        1,
                        Code::ScenarioBadLine,
                        msg!("markup-scenario-feedback-apart"),
                        msg!("markup-scenario-feedback-apart-hint"),
                    );
                }
            } else {
                p.error(
                    lineno,
                    column,
                    t_len,
                    Code::ScenarioBadLine,
                    msg!("markup-scenario-after-choices", step = &step.id),
                    msg!("markup-scenario-after-choices-hint"),
                );
            }
            continue;
        }

        // The step's text: kept as written, indentation included.
        let run_of = |c: u8| t.bytes().take_while(|b| *b == c).count();
        for c in [b'`', b'~'] {
            let n = run_of(c);
            if n >= 3 {
                step.fence = Some((c, n));
            }
        }
        step.text.push(line.to_string());
    }

    if steps.is_empty() {
        let (line, column, len) = before.unwrap_or((first_line, 1, 1));
        p.error(
            line,
            column,
            len,
            Code::ScenarioEmpty,
            msg!("markup-scenario-empty"),
            msg!("markup-scenario-empty-hint"),
        );
        return Err(p.errors);
    }
    if let Some((line, column, len)) = before {
        p.error(
            line,
            column,
            len,
            Code::ScenarioBadLine,
            msg!("markup-scenario-text-before"),
            msg!("markup-scenario-text-before-hint"),
        );
    }

    // Local checks of each step.
    for s in &steps {
        if s.text.iter().all(|l| l.trim().is_empty()) {
            p.error(
                s.line,
                s.column,
                s.line_len,
                Code::ScenarioEmptyStep,
                msg!("markup-scenario-empty-step", step = &s.id),
                msg!("markup-scenario-empty-step-hint"),
            );
        }
        if s.end {
            if let Some(c) = s.choices.first() {
                p.error(
                    c.line,
                    c.column,
                    1,
                    Code::ScenarioEndChoices,
                    msg!("markup-scenario-end-choices", step = &s.id),
                    msg!("markup-scenario-end-choices-hint"),
                );
            }
        } else if s.choices.is_empty() {
            p.error(
                s.line,
                s.column,
                s.line_len,
                Code::ScenarioDeadEnd,
                msg!("markup-scenario-dead-end", step = &s.id),
                msg!("markup-scenario-dead-end-hint", step = &s.id),
            );
        }
    }

    // Targets.
    let index = |id: &str| steps.iter().position(|s| s.id == id);
    let mut resolved = true;
    for s in &steps {
        for c in &s.choices {
            if c.target.is_empty() {
                resolved = false;
                continue;
            }
            if index(&c.target).is_none() {
                resolved = false;
                // The same id in other capitals first, then the nearest
                // spelling.
                let near = steps
                    .iter()
                    .find(|s| s.id.eq_ignore_ascii_case(&c.target))
                    .map(|s| s.id.as_str())
                    .or_else(|| {
                        crate::course::near::nearest(&c.target, steps.iter().map(|s| s.id.as_str()))
                    });
                let hint = match near {
                    Some(n) => msg!("markup-scenario-missing-target-near-hint", near = n),
                    None => {
                        let ids: Vec<String> = steps
                            .iter()
                            .take(12)
                            .map(|s| format!("`{}`", s.id))
                            .collect();
                        let more = if steps.len() > 12 { ", …" } else { "" };
                        msg!(
                            "markup-scenario-missing-target-hint",
                            ids = format!("{}{more}", ids.join(", "))
                        )
                    }
                };
                p.error(
                    c.line,
                    c.target_col,
                    c.target_len,
                    Code::ScenarioMissingTarget,
                    msg!("markup-scenario-missing-target", target = &c.target),
                    hint,
                );
            }
        }
    }
    let duplicates = p.errors.iter().any(|e| e.code == Code::ScenarioDuplicateId);

    let scenario = Scenario {
        steps: steps
            .iter()
            .map(|s| Step {
                id: s.id.clone(),
                end: s.end,
                text: block_text(&s.text),
                choices: s
                    .choices
                    .iter()
                    .map(|c| Choice {
                        text: c.text.clone(),
                        target: index(&c.target).unwrap_or(0),
                        target_id: c.target.clone(),
                        points: c.points,
                        feedback: (!c.feedback.is_empty()).then(|| c.feedback.join(" ")),
                        line: c.line,
                    })
                    .collect(),
                line: s.line,
            })
            .collect(),
    };

    // Checks of the whole graph, when every choice leads to one known step
    // (otherwise they would only repeat the errors above).
    if resolved && !duplicates {
        let g = graph::check(&scenario);
        for i in g.unreachable {
            let (s, first) = (&steps[i], &steps[0]);
            p.error(
                s.line,
                s.id_col,
                s.id_len,
                Code::ScenarioUnreachable,
                msg!(
                    "markup-scenario-unreachable",
                    step = &s.id,
                    first = &first.id
                ),
                msg!("markup-scenario-unreachable-hint", step = &s.id),
            );
        }
        for i in g.no_way_out {
            let s = &steps[i];
            p.error(
                s.line,
                s.id_col,
                s.id_len,
                Code::ScenarioNoWayOut,
                msg!("markup-scenario-no-way-out", step = &s.id),
                msg!("markup-scenario-no-way-out-hint"),
            );
        }
        for (i, j) in g.points_loops {
            let (s, c) = (&steps[i], &steps[i].choices[j]);
            let (column, len) = c.points_at.unwrap_or((c.target_col, c.target_len));
            p.error(
                c.line,
                column,
                len,
                Code::ScenarioPointsLoop,
                msg!("markup-scenario-points-loop", step = &s.id),
                msg!("markup-scenario-points-loop-hint", step = &s.id),
            );
        }
    }

    if p.errors.is_empty() {
        Ok(scenario)
    } else {
        p.errors.sort_by_key(|e| (e.line, e.column));
        Err(p.errors)
    }
}

/// The text lines of a step as one Markdown block, without the blank lines
/// around it.
fn block_text(lines: &[String]) -> String {
    let start = lines.iter().position(|l| !l.trim().is_empty());
    let end = lines.iter().rposition(|l| !l.trim().is_empty());
    match (start, end) {
        (Some(a), Some(b)) => lines[a..=b].join("\n"),
        _ => String::new(),
    }
}

//! The scenario grammar: steps, their text, choices and feedback, read line
//! by line, with every error of the block located by file line and column.

use super::graph;
use super::{Choice, Scenario, Step};
use crate::diag::Code;
use crate::markdown::quiz::QuizError;

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
        message: String,
        hint: &str,
    ) {
        self.errors.push(QuizError {
            line,
            column: column.max(1),
            len: len.max(1),
            code,
            message,
            hint: hint.to_string(),
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
fn points(inner: &str) -> Result<i32, String> {
    let s = inner.trim();
    let (sign, digits) = match s.chars().next() {
        Some('+') => (1, &s[1..]),
        Some('-') => (-1, &s[1..]),
        Some('\u{2212}') => (-1, &s['\u{2212}'.len_utf8()..]),
        _ => (1, s),
    };
    let digits = digits.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("\"({s})\" is not a number of points"));
    }
    match digits.parse::<i32>() {
        Ok(n) if n <= MAX_POINTS => Ok(sign * n),
        _ => Err(format!(
            "{s} points is more than a choice may give or take ({MAX_POINTS})"
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
                    "this step has no id".into(),
                    "write the step's id after \"# \", e.g. \"# start\"; mark an ending with \"(end)\" after its id",
                );
            } else if let Some(mark) = h.bad_mark {
                p.error(
                    lineno,
                    col(line, offset(line, mark)),
                    chars(mark),
                    Code::ScenarioBadId,
                    format!("\"{mark}\" after the step id is not the ending mark \"(end)\""),
                    "mark an ending with \"(end)\", in Latin letters in every language, e.g. \"# separate (end)\"; a step id has no spaces",
                );
            } else if !valid_id(h.id) {
                p.error(
                    lineno,
                    id_col,
                    id_len,
                    Code::ScenarioBadId,
                    format!("\"{}\" is not a valid step id", h.id),
                    "a step id is 1 to 40 Latin letters, digits, \"-\" or \"_\", with no spaces, e.g. \"# ask-for-help\"; it stays the same in every language",
                );
            } else if let Some(first) = steps.iter().find(|s| s.id == h.id) {
                let first = first.line;
                p.error(
                    lineno,
                    id_col,
                    id_len,
                    Code::ScenarioDuplicateId,
                    format!("the step id \"{}\" is already used on line {first}", h.id),
                    "give every step of the scenario its own id",
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
                    "this choice has no \"->\" and step id".into(),
                    "a choice needs \"-> step-id\" at its end, e.g. \"* Call the hotline -> hotline\"; lists inside a step's text are written with \"-\", not \"*\"",
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
                        "write points after the target as (+N) or (-N), N a whole number from 0 to 1000, e.g. \"-> separate (+2)\"; a choice without points gives 0",
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
                    "this choice has no text".into(),
                    "write what the learner can do between \"* \" and \"->\", e.g. \"* Call the hotline -> hotline\"",
                );
            }
            let (target_col, target_len) = if target.is_empty() {
                p.error(
                    lineno,
                    arrow_col,
                    2,
                    Code::ScenarioBadLine,
                    "this choice does not say which step it leads to".into(),
                    "write the id of a step after \"->\", e.g. \"-> hotline\"",
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
                        "this feedback line is not right after a choice".into(),
                        "write a choice's feedback lines \"> ...\" right under the choice, with no blank line between",
                    );
                }
            } else {
                p.error(
                    lineno,
                    column,
                    t_len,
                    Code::ScenarioBadLine,
                    format!("this line comes after the choices of the step \"{}\"", step.id),
                    "write a step's text before its choices; after a choice only its feedback (\"> ...\") may follow; start a new step with \"# id\"",
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
            "this scenario block has no steps".into(),
            "start each step with a line \"# id\", then the step's text and its choices \"* text -> id\"; mark an ending \"# id (end)\"",
        );
        return Err(p.errors);
    }
    if let Some((line, column, len)) = before {
        p.error(
            line,
            column,
            len,
            Code::ScenarioBadLine,
            "this text comes before the scenario's first step".into(),
            "start the block with the first step, a line \"# id\" (e.g. \"# start\"), and put this text under it; text around the scenario goes outside the block",
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
                format!("the step \"{}\" has no text", s.id),
                "write what happens in this step on the lines under \"# id\", before its choices",
            );
        }
        if s.end {
            if let Some(c) = s.choices.first() {
                p.error(
                    c.line,
                    c.column,
                    1,
                    Code::ScenarioEndChoices,
                    format!("the step \"{}\" is an ending but has choices", s.id),
                    "remove \"(end)\" from the step line if the scenario goes on from here, or remove the choices",
                );
            }
        } else if s.choices.is_empty() {
            p.error(
                s.line,
                s.column,
                s.line_len,
                Code::ScenarioDeadEnd,
                format!("the step \"{}\" has no choices and is not an ending", s.id),
                "add choices \"* text -> step-id\" under its text, or mark the step as an ending: \"# id (end)\"",
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
                let near = steps
                    .iter()
                    .find(|s| s.id.eq_ignore_ascii_case(&c.target))
                    .map(|s| s.id.as_str());
                let hint = match near {
                    Some(n) => format!(
                        "did you mean \"{n}\"? Step ids must be written exactly, with the same capital letters"
                    ),
                    None => {
                        let ids: Vec<&str> = steps.iter().take(12).map(|s| s.id.as_str()).collect();
                        let more = if steps.len() > 12 { ", ..." } else { "" };
                        format!(
                            "write the id of one of the block's steps: {}{more}",
                            ids.join(", ")
                        )
                    }
                };
                p.error(
                    c.line,
                    c.target_col,
                    c.target_len,
                    Code::ScenarioMissingTarget,
                    format!("there is no step \"{}\" in this scenario", c.target),
                    &hint,
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
                format!(
                    "the step \"{}\" cannot be reached from the first step \"{}\"",
                    s.id, first.id
                ),
                &format!(
                    "add a choice \"* ... -> {}\" to a step that can be reached, or remove this step",
                    s.id
                ),
            );
        }
        for i in g.no_way_out {
            let s = &steps[i];
            p.error(
                s.line,
                s.id_col,
                s.id_len,
                Code::ScenarioNoWayOut,
                format!(
                    "no ending can be reached from the step \"{}\": its choices only lead around in a loop",
                    s.id
                ),
                "give a step of the loop a choice that leads towards an ending \"# id (end)\"",
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
                format!(
                    "this choice gives points inside a loop (it can lead back to the step \"{}\"), so a learner could collect them again and again",
                    s.id
                ),
                "give the choices of a loop 0 or negative points, e.g. \"-> start\" or \"-> start (-1)\", and put the points on choices that leave the loop",
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

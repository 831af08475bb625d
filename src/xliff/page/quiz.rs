//! The texts of ```` ```quiz ```` and ```` ```scenario ```` blocks
//! (SPEC §3, §7, §8), read line by line as their grammars read them.
//!
//! Ids under the block's prefix (`<section>.q<k>` / `<section>.s<k>`):
//!
//! - quiz: question `n<i>` (its `? ` text), and under it `o<j>` options,
//!   `l<j>` / `r<j>` the left and right of pair j, `i<j>` ordering items,
//!   `a<g>` a run of accepted answers (one segment, see [`answers`]),
//!   `e<m>` explanation lines;
//! - scenario: per step `<step id>` (or `n<i>` when the id is not a valid,
//!   unique one): its text's blocks (`p<n>`, `li<n>`…), `c<j>` choices (the
//!   text before `->`) and `c<j>.f<m>` their feedback lines.
//!
//! Markers (`? `, `( )`, `[x]`, `- `, `=>`, `1.`, `= `, `> `, `# id`, `* `,
//! `-> target (+N)`) stay outside every range, but for the `= ` between two
//! accepted answers of one unit, which are codes.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Tag};

use crate::markdown::quiz::{Line, classify};
use crate::xliff::model::{Inline, Segment};

use super::inline::{self, Ev, matching_end};
use super::{blocks, kind, segment};

/// A code block's text with, for each of its bytes, where it is in the file.
struct Mapped {
    s: String,
    at: Vec<usize>,
}

impl Mapped {
    /// The text of the code block's events, when each is the file's own
    /// bytes (always, for a fenced block: its lines are not escaped).
    fn new(text: &str, inner: &[Ev<'_>]) -> Option<Mapped> {
        let mut m = Mapped {
            s: String::new(),
            at: Vec::new(),
        };
        for (ev, r) in inner {
            let Event::Text(t) = ev else { continue };
            if text.get(r.clone()) != Some(t.as_ref()) {
                return None;
            }
            m.s.push_str(t);
            m.at.extend(r.clone());
        }
        Some(m)
    }

    /// The file range of `s[a..b]`, when those bytes are one run in the file.
    fn file(&self, a: usize, b: usize) -> Option<Range<usize>> {
        if b <= a {
            return None;
        }
        let start = *self.at.get(a)?;
        let last = *self.at.get(b - 1)?;
        (last - start == b - 1 - a).then_some(start..last + 1)
    }

    /// Lines: (offset in `s`, the line without its `\n`).
    fn lines(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        let mut pos = 0;
        for line in self.s.split('\n') {
            out.push((pos, line));
            pos += line.len() + 1;
        }
        out
    }
}

/// Offset of `part` (a subslice of `whole`) in `whole`.
fn offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// One line of quiz or scenario text, `frag` (a subslice of `m.s`): a
/// segment of inline Markdown, parsed as the block's renderer parses it.
fn fragment(
    text: &str,
    m: &Mapped,
    frag: &str,
    id: String,
    kind: &'static str,
    out: &mut Vec<Segment>,
) {
    if let Some((range, content)) = parse_fragment(text, m, frag)
        && let Some(s) = segment(id, kind, range, content)
    {
        out.push(s);
    }
}

/// The file range and content of `frag` (a subslice of `m.s`), parsed as
/// the block's renderer parses a line of inline Markdown.
fn parse_fragment(text: &str, m: &Mapped, frag: &str) -> Option<(Range<usize>, Vec<Inline>)> {
    let a = offset(&m.s, frag);
    let range = m.file(a, a + frag.len())?;
    // Parsed after a word, so that the line is a paragraph whatever it
    // starts with (as the renderer's `protect_block_start` does); a line
    // start and a space are the same to inline rules.
    const LEAD: &str = "a ";
    let src = format!("{LEAD}{frag}");
    let base = range.start;
    let evs: Vec<Ev<'_>> = pulldown_cmark::Parser::new_ext(&src, Options::ENABLE_STRIKETHROUGH)
        .into_offset_iter()
        .map(|(e, r)| {
            let map = |x: usize| base + x.saturating_sub(LEAD.len());
            (e, map(r.start)..map(r.end))
        })
        .collect();
    let inner = match evs.first() {
        Some((Event::Start(Tag::Paragraph), _)) => {
            let close = matching_end(&evs, 0);
            evs.get(1..close).unwrap_or(&[])
        }
        _ => &[],
    };
    let content = inline::content(text, inner, range.clone());
    Some((range, content))
}

/// A run of `= ` lines (a short-answer question's accepted answers), one
/// segment: the answers are text, the line breaks and `= ` markers between
/// them codes. A translation may accept more or fewer answers than its
/// source (SPEC §7), so one segment per answer would give ids that differ
/// between them; one per run gives the same. A numeric answer (`= 135`,
/// `= 18..20`) is the same in every language and a number only to the
/// quiz: it is never text a tool could rewrite. Numbers between worded
/// answers are inside a code; before the first or after the last they are
/// outside the segment (a tool that adds text at the start of a target
/// must not make `= 135` into `= xxx135`); a run of numbers only is no
/// segment.
fn answers(text: &str, m: &Mapped, run: &[&str], id: String, out: &mut Vec<Segment>) {
    let parts: Vec<(Range<usize>, Vec<Inline>, bool)> = run
        .iter()
        .filter_map(|frag| {
            let numeric = !matches!(crate::markdown::quiz::numeric_range(frag), Ok(None));
            parse_fragment(text, m, frag).map(|(r, c)| (r, c, numeric))
        })
        .collect();
    // From the first worded answer to the last: numbers before or after
    // them stay outside the range, so that text a tool puts at the start or
    // the end of the target goes to a worded answer.
    let worded: Vec<&Range<usize>> = parts
        .iter()
        .filter(|(_, _, numeric)| !numeric)
        .map(|(r, _, _)| r)
        .collect();
    let (Some(first), Some(last)) = (worded.first(), worded.last()) else {
        return;
    };
    let range = first.start..last.end;
    let mut content = Vec::new();
    let mut next = 1;
    // Bytes that go into the next code: markers, numeric answers.
    let mut code = range.start;
    for (r, c, numeric) in parts {
        if numeric || r.start < range.start || r.end > range.end {
            continue;
        }
        if r.start > code {
            let Some(data) = text.get(code..r.start) else {
                return;
            };
            content.push(Inline::Ph {
                id: next.to_string(),
                data: data.to_string(),
            });
            next += 1;
        }
        for piece in c {
            content.push(renumber(piece, &mut next));
        }
        code = r.end;
    }
    if range.end > code {
        let Some(data) = text.get(code..range.end) else {
            return;
        };
        content.push(Inline::Ph {
            id: next.to_string(),
            data: data.to_string(),
        });
    }
    if let Some(s) = segment(id, kind::QUIZ_ANSWER, range, content) {
        out.push(s);
    }
}

/// `piece` with its codes numbered from `next` on.
fn renumber(piece: Inline, next: &mut usize) -> Inline {
    let mut id = || {
        let id = next.to_string();
        *next += 1;
        id
    };
    match piece {
        Inline::Text(t) => Inline::Text(t),
        Inline::Ph { data, .. } => Inline::Ph { id: id(), data },
        Inline::Pc {
            start,
            end,
            content,
            ..
        } => {
            let id = id();
            Inline::Pc {
                id,
                start,
                end,
                content: content.into_iter().map(|p| renumber(p, next)).collect(),
            }
        }
    }
}

/// Trimmed line and its first-line BOM removed.
fn trimmed(idx: usize, line: &str) -> &str {
    let line = line.trim_end();
    let line = if idx == 0 {
        line.strip_prefix('\u{feff}').unwrap_or(line)
    } else {
        line
    };
    line.trim_start()
}

/// The segments of a quiz block whose code events are `inner`.
pub(super) fn quiz(text: &str, inner: &[Ev<'_>], prefix: &str, out: &mut Vec<Segment>) {
    let Some(m) = Mapped::new(text, inner) else {
        return;
    };
    let mut question: Option<String> = None;
    let mut q = 0;
    // Per question: options, pairs, items, answers, explanation lines.
    let mut n = [0usize; 5];
    // The `= ` lines being read, and a closure to make them one segment.
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, qid: &str, g: usize, out: &mut Vec<Segment>| {
        if !run.is_empty() {
            answers(text, &m, run, format!("{qid}.a{g}"), out);
            run.clear();
        }
    };
    for (idx, (_, line)) in m.lines().into_iter().enumerate() {
        let t = trimmed(idx, line);
        let line = classify(t);
        if !matches!(line, Line::Accepted(_))
            && let Some(qid) = question.as_deref()
        {
            flush(&mut run, qid, n[3], out);
        }
        if t.is_empty() {
            continue;
        }
        // A `?` without its space is still the question's text to translate
        // (check reports the missing space).
        if let Line::Question(rest) | Line::BadQuestion(rest) = line {
            q += 1;
            n = [0; 5];
            let id = format!("{prefix}.n{q}");
            fragment(text, &m, rest, id.clone(), kind::QUIZ_QUESTION, out);
            question = Some(id);
            continue;
        }
        let Some(qid) = question.as_deref() else {
            continue;
        };
        match line {
            Line::Explanation(rest) => {
                n[4] += 1;
                let id = format!("{qid}.e{}", n[4]);
                fragment(text, &m, rest, id, kind::QUIZ_EXPLANATION, out);
            }
            Line::Accepted(rest) => {
                if run.is_empty() {
                    n[3] += 1;
                }
                run.push(rest);
            }
            Line::Pair(pair) => {
                n[1] += 1;
                if let Some((left, right)) = pair {
                    let j = n[1];
                    let left_id = format!("{qid}.l{j}");
                    fragment(text, &m, left, left_id, kind::QUIZ_PAIR_LEFT, out);
                    let right_id = format!("{qid}.r{j}");
                    fragment(text, &m, right, right_id, kind::QUIZ_PAIR_RIGHT, out);
                }
            }
            Line::Item(_, rest) => {
                n[2] += 1;
                let id = format!("{qid}.i{}", n[2]);
                fragment(text, &m, rest, id, kind::QUIZ_ITEM, out);
            }
            Line::Option { text: rest, .. } => {
                n[0] += 1;
                let id = format!("{qid}.o{}", n[0]);
                fragment(text, &m, rest, id, kind::QUIZ_OPTION, out);
            }
            _ => {}
        }
    }
    if let Some(qid) = question.as_deref() {
        flush(&mut run, qid, n[3], out);
    }
}

/// `# id` / `# id (end)`: the step id as the grammar reads it.
fn step_id(rest: &str) -> &str {
    let rest = rest.trim();
    if let (true, Some(open)) = (rest.ends_with(')'), rest.rfind('(')) {
        let id = rest[..open].trim();
        if !id.is_empty() && !id.contains(char::is_whitespace) {
            return id;
        }
    }
    rest
}

/// The segments of a scenario block whose code events are `inner`.
pub(super) fn scenario(text: &str, inner: &[Ev<'_>], prefix: &str, out: &mut Vec<Segment>) {
    let Some(m) = Mapped::new(text, inner) else {
        return;
    };
    struct Step {
        key: String,
        /// `s` range of the step's text lines so far.
        text: Option<Range<usize>>,
        in_choices: bool,
        feedback_open: bool,
        fence: Option<(u8, usize)>,
        choices: usize,
        feedback: usize,
    }
    let mut ids: Vec<String> = Vec::new();
    let mut step: Option<Step> = None;
    let mut steps = 0;
    let finish_text = |st: &mut Step, out: &mut Vec<Segment>| {
        if let Some(r) = st.text.take()
            && let Some(range) = m.file(r.start, r.end)
        {
            blocks::nested(text, range, format!("{prefix}.{}", st.key), out);
        }
    };
    for (idx, (at, line)) in m.lines().into_iter().enumerate() {
        let t = trimmed(idx, line);
        let in_fence = step.as_ref().is_some_and(|s| s.fence.is_some());
        if !in_fence && (t == "#" || t.starts_with("# ") || t.starts_with("#\t")) {
            if let Some(mut st) = step.take() {
                finish_text(&mut st, out);
            }
            steps += 1;
            let id = step_id(&t[1..]);
            let key = if crate::markdown::scenario::valid_id(id) && !ids.iter().any(|s| s == id) {
                id.to_string()
            } else {
                format!("n{steps}")
            };
            ids.push(id.to_string());
            step = Some(Step {
                key,
                text: None,
                in_choices: false,
                feedback_open: false,
                fence: None,
                choices: 0,
                feedback: 0,
            });
            continue;
        }
        let Some(st) = step.as_mut() else { continue };
        let line_range = at..at + line.len();
        if let Some((c, n)) = st.fence {
            let run = t.bytes().take_while(|b| *b == c).count();
            if run >= n && t[run..].trim().is_empty() {
                st.fence = None;
            }
            st.text = Some(
                st.text
                    .take()
                    .map_or(line_range.clone(), |r| r.start..line_range.end),
            );
            continue;
        }
        if t.is_empty() {
            if st.in_choices {
                st.feedback_open = false;
            }
            continue;
        }
        if t == "*" || t.starts_with("* ") || t.starts_with("*\t") {
            finish_text(st, out);
            st.in_choices = true;
            st.feedback_open = true;
            st.choices += 1;
            st.feedback = 0;
            let rest = &t[1..];
            let ctext = rest.rfind("->").map_or(rest, |a| &rest[..a]).trim();
            let id = format!("{prefix}.{}.c{}", st.key, st.choices);
            fragment(text, &m, ctext, id, kind::SCENARIO_CHOICE, out);
            continue;
        }
        if st.in_choices {
            if let Some(fb) = t.strip_prefix('>')
                && st.feedback_open
                && st.choices > 0
            {
                st.feedback += 1;
                let id = format!("{prefix}.{}.c{}.f{}", st.key, st.choices, st.feedback);
                fragment(text, &m, fb.trim(), id, kind::SCENARIO_FEEDBACK, out);
            }
            continue;
        }
        for c in [b'`', b'~'] {
            let n = t.bytes().take_while(|b| *b == c).count();
            if n >= 3 {
                st.fence = Some((c, n));
            }
        }
        st.text = Some(
            st.text
                .take()
                .map_or(line_range.clone(), |r| r.start..line_range.end),
        );
    }
    if let Some(mut st) = step.take() {
        finish_text(&mut st, out);
    }
}

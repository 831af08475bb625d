//! `check` of translated quizzes and assessments: the same questions, the
//! same key and the same assessment settings as the source page. A wrong
//! key in one language teaches the wrong law; different settings make one
//! language's test easier than another's.

use crate::course::{Course, PageId};
use crate::diag::{Code, Diagnostic, Msg};
use crate::markdown::quiz::{Form, Question, numeric_range};
use crate::msg;
use crate::render::Bodies;

use super::find_line;

/// Every difference between a translated page's quizzes (and assessment
/// settings) and its source page's.
pub fn quiz_mismatches(course: &Course, bodies: &Bodies) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let src = course.config.source_locale.as_str();
    for (id, body, source, page) in super::translated_pages(course, bodies) {
        let PageId { locale, key } = id;
        if body.quiz_errors || source.quiz_errors {
            // Its syntax errors are reported; comparing would only add noise.
            continue;
        }
        if body.assessment != source.assessment {
            let line = ["assessment", "attempts", "shuffle", "draw", "review"]
                .iter()
                .find_map(|k| find_line(&page.text, k))
                .unwrap_or(0..3);
            // Front matter as written, the same in every language; "none"
            // for a practice page (the message words it).
            let show = |s: &Option<crate::course::assessment::Settings>| match s {
                None => "none".to_string(),
                Some(s) => format!(
                    "`{}`, `attempts {}`, `shuffle {}`, `draw {}`, `review {}`",
                    s.kind.as_str(),
                    s.attempts,
                    s.shuffle,
                    s.draw,
                    s.review.as_str()
                ),
            };
            out.push(
                Diagnostic::error(
                    Code::QuizTranslationMismatch,
                    msg!(
                        "markup-check-quiz-settings",
                        translation = show(&body.assessment),
                        source = show(&source.assessment)
                    ),
                )
                .at(&page.file, &page.text, line)
                .locale(locale)
                .hint(msg!(
                    "markup-check-quiz-settings-hint",
                    file = format!("content/{src}/{key}")
                )),
            );
        }
        if body.questions.len() != source.questions.len() {
            let span = find_line(&page.text, "```quiz").unwrap_or(0..3);
            out.push(
                Diagnostic::error(
                    Code::QuizTranslationMismatch,
                    msg!(
                        "markup-check-quiz-count",
                        translation = body.questions.len(),
                        source = source.questions.len()
                    ),
                )
                .at(&page.file, &page.text, span)
                .locale(locale)
                .hint(msg!(
                    "markup-check-quiz-count-hint",
                    file = format!("content/{src}/{key}")
                )),
            );
            continue;
        }
        for (n, (t, s)) in body.questions.iter().zip(&source.questions).enumerate() {
            if let Some(msg) = difference(n + 1, t, s) {
                // t.line is the question's line in the translated file.
                out.push(
                    Diagnostic::error(Code::QuizTranslationMismatch, msg)
                        .at_line_col(&page.file, &page.text, t.line, 1, 1)
                        .locale(locale)
                        .hint(msg!(
                            "markup-check-quiz-compare-hint",
                            n = n + 1,
                            file = format!("content/{src}/{key}"),
                            line = s.line
                        )),
                );
            }
        }
    }
    out.extend(super::scenario::scenario_mismatches(course, bodies));
    out
}

/// What makes translated question `n` differ from the source's, if
/// anything.
fn difference(n: usize, t: &Question, s: &Question) -> Option<Msg> {
    if t.form != s.form {
        return Some(msg!(
            "markup-check-quiz-form",
            n = n,
            this = t.form.written(),
            source = s.form.written()
        ));
    }
    let (what, t_len, s_len) = match s.form {
        Form::Single | Form::Multiple => ("option", t.options.len(), s.options.len()),
        Form::Matching => ("pair", t.pairs.len(), s.pairs.len()),
        Form::Ordering => ("item", t.items.len(), s.items.len()),
        Form::Short => ("", 0, 0),
    };
    if t_len != s_len {
        return Some(msg!(
            "markup-check-quiz-lines",
            n = n,
            what = what,
            this = t_len,
            source = s_len
        ));
    }
    match s.form {
        Form::Single | Form::Multiple => (t.correct_indices() != s.correct_indices()).then(|| {
            msg!(
                "markup-check-quiz-key",
                n = n,
                this = letters(&t.correct_indices()),
                source = letters(&s.correct_indices())
            )
        }),
        // Texts differ by language; numbers (articles, ages, days) do not,
        // so a pair or an item whose numbers moved is a different key.
        Form::Matching => (0..s.pairs.len()).find_map(|i| {
            let (tp, sp) = (&t.pairs[i], &s.pairs[i]);
            let differs =
                numbers(&tp.left) != numbers(&sp.left) || numbers(&tp.right) != numbers(&sp.right);
            differs.then(|| {
                msg!(
                    "markup-check-quiz-pair",
                    n = n,
                    pair = i + 1,
                    this = format!("{} => {}", tp.left, tp.right),
                    source = format!("{} => {}", sp.left, sp.right)
                )
            })
        }),
        Form::Ordering => (0..s.items.len()).find_map(|i| {
            (numbers(&t.items[i]) != numbers(&s.items[i])).then(|| {
                msg!(
                    "markup-check-quiz-item",
                    n = n,
                    item = i + 1,
                    this = &t.items[i],
                    source = &s.items[i]
                )
            })
        }),
        Form::Short => {
            let ranges = |q: &Question| {
                let mut v: Vec<String> = q
                    .accepted
                    .iter()
                    .filter_map(|a| numeric_range(a).ok().flatten())
                    .map(|(lo, hi)| {
                        if lo == hi {
                            format!("{lo}")
                        } else {
                            format!("{lo}..{hi}")
                        }
                    })
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            let (tr, sr) = (ranges(t), ranges(s));
            (tr != sr).then(|| {
                // "none": the message words it.
                let show = |v: &[String]| {
                    if v.is_empty() {
                        "none".to_string()
                    } else {
                        v.join(", ")
                    }
                };
                msg!(
                    "markup-check-quiz-numbers",
                    n = n,
                    this = show(&tr),
                    source = show(&sr)
                )
            })
        }
    }
}

fn letters(v: &[usize]) -> String {
    v.iter()
        .map(|i| char::from(b'a' + (*i % 26) as u8).to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The runs of digits in a text, in order.
fn numbers(s: &str) -> Vec<&str> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::quiz::parse;

    fn q(block: &str) -> Question {
        parse(block).expect("valid").questions.remove(0)
    }

    #[test]
    fn every_form_is_compared() {
        let m = q("? M\n- Article 3 => definition\n- Article 6 => assistance\n");
        let swapped = q("? M\n- Статья 3 => помощь\n- Статья 6 => определение\n");
        assert_eq!(difference(1, &swapped, &m), None, "texts are not compared");
        let moved = q("? M\n- Статья 6 => определение\n- Статья 3 => помощь\n");
        assert!(difference(1, &moved, &m).unwrap().en().contains("pair 1"));
        let fewer = q("? M\n- a => b\n- c => d\n- e => f\n");
        assert!(difference(1, &fewer, &m).unwrap().en().contains("3 pairs"));
        let o = q("? O\n1. within 24 hours\n2. within 10 days\n");
        let o2 = q("? O\n1. в течение 10 суток\n2. в течение 24 часов\n");
        assert!(difference(1, &o2, &o).unwrap().en().contains("item 1"));
        let s = q("? S\n= 18\n= eighteen\n");
        assert_eq!(difference(1, &q("? S\n= 18\n"), &s), None);
        assert!(
            difference(1, &q("? S\n= 16\n"), &s)
                .unwrap()
                .en()
                .contains("16")
        );
        let form = difference(1, &q("? S\n( ) a\n(x) b\n"), &s).unwrap().en();
        assert!(form.contains("written as"), "{form}");
        let c = q("? C\n[x] a\n[ ] b\n[x] c\n");
        let c2 = q("? C\n[x] a\n[x] b\n[ ] c\n");
        assert!(difference(1, &c2, &c).unwrap().en().contains("a, b"));
    }
}

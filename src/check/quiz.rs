//! `check` of translated quizzes and assessments: the same questions, the
//! same key and the same assessment settings as the source page. A wrong
//! key in one language teaches the wrong law; different settings make one
//! language's test easier than another's.

use crate::course::{Course, PageId};
use crate::diag::{Code, Diagnostic};
use crate::markdown::quiz::{Form, Question, numeric_range};
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
            let show = |s: &Option<crate::course::assessment::Settings>| match s {
                None => "practice".to_string(),
                Some(s) => format!(
                    "{}, attempts {}, shuffle {}, draw {}, review {}",
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
                    format!(
                        "this translation is {}; the source page is {}",
                        show(&body.assessment),
                        show(&source.assessment)
                    ),
                )
                .at(&page.file, &page.text, line)
                .locale(locale)
                .hint(format!(
                    "copy assessment, attempts, shuffle, draw and review from the front matter of content/{src}/{key}"
                )),
            );
        }
        if body.questions.len() != source.questions.len() {
            let span = find_line(&page.text, "```quiz").unwrap_or(0..3);
            out.push(
                Diagnostic::error(
                    Code::QuizTranslationMismatch,
                    format!(
                        "this translation has {} quiz questions; the source has {}",
                        body.questions.len(),
                        source.questions.len()
                    ),
                )
                .at(&page.file, &page.text, span)
                .locale(locale)
                .hint(format!("make the quiz match content/{src}/{key}: same questions in the same order, same number of options, the same options marked (x) or [x]")),
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
                        .hint(format!(
                            "compare with question {} of content/{src}/{key} (line {})",
                            n + 1,
                            s.line
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
fn difference(n: usize, t: &Question, s: &Question) -> Option<String> {
    if t.form != s.form {
        return Some(format!(
            "question {n} is written as {}; the source's is written as {}",
            t.form.written(),
            s.form.written()
        ));
    }
    let (what, t_len, s_len) = match s.form {
        Form::Single | Form::Multiple => ("options", t.options.len(), s.options.len()),
        Form::Matching => ("pairs", t.pairs.len(), s.pairs.len()),
        Form::Ordering => ("items", t.items.len(), s.items.len()),
        Form::Short => ("", 0, 0),
    };
    if t_len != s_len {
        return Some(format!(
            "question {n} has {t_len} {what}; the source has {s_len}"
        ));
    }
    match s.form {
        Form::Single | Form::Multiple => {
            (t.correct_indices() != s.correct_indices()).then(|| {
                format!(
                    "question {n} marks option(s) {} as correct; the source marks {}",
                    letters(&t.correct_indices()),
                    letters(&s.correct_indices())
                )
            })
        }
        // Texts differ by language; numbers (articles, ages, days) do not,
        // so a pair or an item whose numbers moved is a different key.
        Form::Matching => (0..s.pairs.len()).find_map(|i| {
            let (tp, sp) = (&t.pairs[i], &s.pairs[i]);
            let differs = numbers(&tp.left) != numbers(&sp.left)
                || numbers(&tp.right) != numbers(&sp.right);
            differs.then(|| {
                format!(
                    "question {n}, pair {}: \"{} => {}\" has other numbers than the source's \"{} => {}\"; the pairs may be matched differently",
                    i + 1,
                    tp.left,
                    tp.right,
                    sp.left,
                    sp.right
                )
            })
        }),
        Form::Ordering => (0..s.items.len()).find_map(|i| {
            (numbers(&t.items[i]) != numbers(&s.items[i])).then(|| {
                format!(
                    "question {n}, item {}: \"{}\" has other numbers than the source's item {} \"{}\"; the order may differ",
                    i + 1,
                    t.items[i],
                    i + 1,
                    s.items[i]
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
                let show = |v: &[String]| {
                    if v.is_empty() {
                        "no number".to_string()
                    } else {
                        v.join(", ")
                    }
                };
                format!(
                    "question {n} accepts the number(s) {}; the source accepts {}",
                    show(&tr),
                    show(&sr)
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
        assert!(difference(1, &moved, &m).unwrap().contains("pair 1"));
        let fewer = q("? M\n- a => b\n- c => d\n- e => f\n");
        assert!(difference(1, &fewer, &m).unwrap().contains("3 pairs"));
        let o = q("? O\n1. within 24 hours\n2. within 10 days\n");
        let o2 = q("? O\n1. в течение 10 суток\n2. в течение 24 часов\n");
        assert!(difference(1, &o2, &o).unwrap().contains("item 1"));
        let s = q("? S\n= 18\n= eighteen\n");
        assert_eq!(difference(1, &q("? S\n= 18\n"), &s), None);
        assert!(difference(1, &q("? S\n= 16\n"), &s).unwrap().contains("16"));
        let form = difference(1, &q("? S\n( ) a\n(x) b\n"), &s).unwrap();
        assert!(form.contains("written as"), "{form}");
        let c = q("? C\n[x] a\n[ ] b\n[x] c\n");
        let c2 = q("? C\n[x] a\n[x] b\n[ ] c\n");
        assert!(difference(1, &c2, &c).unwrap().contains("a, b"));
    }
}

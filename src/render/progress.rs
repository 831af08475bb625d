//! What progress.js and the printed answer key need to know of a module.

use std::collections::BTreeMap;

use super::*;
use crate::course::Course;
use crate::i18n::Localizer;

/// What progress.js needs to know about a module in one locale: its pages,
/// its questions (identities shared by every locale) and the texts it shows,
/// pre-formatted by Fluent for every count so plurals are right.
pub(crate) fn module_progress(
    course: &Course,
    locale: &str,
    loc: &Localizer,
    bodies: &BTreeMap<PageId, Body>,
    module: &crate::course::Module,
) -> serde_json::Value {
    let mut keys: Vec<&str> = vec![module.index.as_str()];
    keys.extend(module.pages.iter().map(String::as_str));
    let mut qids = Vec::new();
    // Graded pages (SPEC §7): their questions are not practice.
    let mut tests = Vec::new();
    let mut tqids = serde_json::Map::new();
    // Scored case scenarios (SPEC §8): each counts like one question.
    let mut scen = Vec::new();
    for key in &keys {
        if let Some(page) = course.resolve_page(locale, key)
            && let Some(body) = bodies.get(&page.id())
        {
            let base = key.trim_end_matches(".md");
            for info in body.scenarios.iter().filter(|s| s.scored()) {
                scen.push(serde_json::json!({ "id": info.sid, "page": base }));
            }
            let ids =
                (0..body.questions.len()).map(|i| crate::markdown::quiz::question_id(base, i + 1));
            match &body.assessment {
                None => qids.extend(ids),
                Some(s) => {
                    let pool = body.questions.len();
                    tests.push(serde_json::json!({
                        "page": base,
                        "kind": s.kind.as_str(),
                        "n": s.per_attempt(pool),
                        "pool": pool,
                        "attempts": s.attempts,
                    }));
                    tqids.insert(base.to_string(), ids.collect::<Vec<String>>().into());
                }
            }
        }
    }
    let fmt = |id: &str, pairs: &[(&str, fluent_bundle::FluentValue<'_>)]| {
        let args = crate::i18n::args(pairs);
        loc.text_with(id, &args)
    };
    let pages_text: Vec<String> = (0..=keys.len())
        .map(|k| {
            fmt(
                "progress-pages",
                &[("seen", k.into()), ("total", keys.len().into())],
            )
        })
        .collect();
    // What the module's score counts: its graded tests' questions when it
    // has any (pre-tests never count), else its practice questions.
    let counted: usize = tests
        .iter()
        .filter(|t| t["kind"] != "pre-test")
        .filter_map(|t| t["n"].as_u64())
        .sum::<u64>() as usize;
    let scored = if counted > 0 { counted } else { qids.len() } + scen.len();
    let score_text: Vec<String> = (0..=scored)
        .map(|k| {
            fmt(
                "quiz-score",
                &[
                    ("correct", k.into()),
                    ("total", scored.into()),
                    ("percent", "{percent}".into()),
                ],
            )
        })
        .collect();
    let mastery = course.config.mastery_score();
    serde_json::json!({
        "module": module.name,
        "pages": keys,
        "qids": qids,
        "tests": tests,
        "tqids": tqids,
        "scen": scen,
        "mastery": mastery,
        "t": {
            "pages": pages_text,
            "score": score_text,
            "passed": fmt("quiz-passed", &[("mastery", mastery.into())]),
            "failed": fmt("quiz-failed", &[("mastery", mastery.into())]),
            "unanswered": fmt("quiz-unanswered", &[("total", scored.into())]),
            "home_score": fmt("progress-score", &[("percent", "{percent}".into())]),
            "completed": loc.text("progress-completed"),
        }
    })
}

/// The right answers for the printed worksheet's last page: letters for
/// choice questions, the pairs, the order or the accepted answers for the
/// other forms: `[{n: 1, answer: "b"}, {n: 2, answer: "a, c"}]`.
pub fn answer_key(questions: &[crate::markdown::quiz::Question]) -> Vec<serde_json::Value> {
    use crate::markdown::quiz::{Form, plain_inline};
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let answer = match q.form {
                Form::Single | Form::Multiple => q
                    .correct_indices()
                    .iter()
                    .map(|j| char::from(b'a' + (*j as u8 % 26)).to_string())
                    .collect::<Vec<String>>()
                    .join(", "),
                Form::Matching => q
                    .pairs
                    .iter()
                    .map(|p| {
                        format!(
                            "{} \u{2192} {}",
                            plain_inline(&p.left),
                            plain_inline(&p.right)
                        )
                    })
                    .collect::<Vec<String>>()
                    .join("; "),
                Form::Ordering => q
                    .items
                    .iter()
                    .map(|t| plain_inline(t))
                    .collect::<Vec<String>>()
                    .join(" \u{2192} "),
                Form::Short => q.accepted.join(" / "),
            };
            serde_json::json!({ "n": i + 1, "answer": answer })
        })
        .collect()
}

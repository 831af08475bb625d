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
    for key in &keys {
        if let Some(page) = course.resolve_page(locale, key)
            && let Some(body) = bodies.get(&page.id())
        {
            let base = key.trim_end_matches(".md");
            for i in 0..body.questions.len() {
                qids.push(crate::markdown::quiz::question_id(base, i + 1));
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
    let score_text: Vec<String> = (0..=qids.len())
        .map(|k| {
            fmt(
                "quiz-score",
                &[
                    ("correct", k.into()),
                    ("total", qids.len().into()),
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
        "mastery": mastery,
        "t": {
            "pages": pages_text,
            "score": score_text,
            "passed": fmt("quiz-passed", &[("mastery", mastery.into())]),
            "failed": fmt("quiz-failed", &[("mastery", mastery.into())]),
            "unanswered": fmt("quiz-unanswered", &[("total", qids.len().into())]),
            "home_score": fmt("progress-score", &[("percent", "{percent}".into())]),
            "completed": loc.text("progress-completed"),
        }
    })
}

/// The right answers as letters, for the printed worksheet's last page:
/// `[{n: 1, answer: "b"}, {n: 2, answer: "a, c"}]`.
pub fn answer_key(questions: &[crate::markdown::quiz::Question]) -> Vec<serde_json::Value> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let letters: Vec<String> = q
                .correct_indices()
                .iter()
                .map(|j| char::from(b'a' + (*j as u8 % 26)).to_string())
                .collect();
            serde_json::json!({ "n": i + 1, "answer": letters.join(", ") })
        })
        .collect()
}

//! `check` of translated case scenarios (SPEC §8): the same steps (ids and
//! endings), the same choices going to the same steps, the same points. A
//! translation that sends a choice elsewhere, or scores it differently,
//! teaches another lesson and gives another grade.

use crate::course::{Course, PageId};
use crate::diag::{Code, Diagnostic};
use crate::markdown::scenario::Scenario;
use crate::render::Bodies;

use super::find_line;

/// Every difference between a translated page's scenarios and its source
/// page's.
pub fn scenario_mismatches(course: &Course, bodies: &Bodies) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let src = course.config.source_locale.as_str();
    for (id, body, source, page) in super::translated_pages(course, bodies) {
        let PageId { locale, key } = id;
        if body.scenarios.len() != source.scenarios.len() {
            let span = find_line(&page.text, "```scenario")
                .or_else(|| find_line(&page.text, "+++"))
                .unwrap_or(0..3);
            out.push(
                Diagnostic::error(
                    Code::ScenarioTranslationMismatch,
                    format!(
                        "this translation has {} scenario blocks; the source has {}",
                        body.scenarios.len(),
                        source.scenarios.len()
                    ),
                )
                .at(&page.file, &page.text, span)
                .locale(locale)
                .hint(format!(
                    "translate every ```scenario block of content/{src}/{key}, keeping its step ids, targets and points"
                )),
            );
            continue;
        }
        for (n, (t, s)) in body.scenarios.iter().zip(&source.scenarios).enumerate() {
            // Blocks with errors are reported as such; comparing adds noise.
            let (Some(ts), Some(ss)) = (&t.scenario, &s.scenario) else {
                continue;
            };
            for (line, msg) in differences(ts, ss) {
                let line = if line == 0 { t.line } else { line };
                out.push(
                    Diagnostic::error(
                        Code::ScenarioTranslationMismatch,
                        format!("scenario {}: {msg}", n + 1),
                    )
                    .at_line_col(&page.file, &page.text, line, 1, 1)
                    .locale(locale)
                    .hint(format!(
                        "compare with the scenario at line {} of content/{src}/{key}: translate only the texts; step ids, `(end)`, the choices' order, targets and points stay as they are",
                        s.line
                    )),
                );
            }
        }
    }
    out
}

/// (line in the translation, what differs); line 0: the block's fence.
fn differences(t: &Scenario, s: &Scenario) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let ids = |sc: &Scenario| sc.steps.iter().map(|st| st.id.clone()).collect::<Vec<_>>();
    if ids(t) != ids(s) {
        let missing: Vec<String> = ids(s).into_iter().filter(|i| !ids(t).contains(i)).collect();
        let extra: Vec<String> = ids(t).into_iter().filter(|i| !ids(s).contains(i)).collect();
        let msg = if missing.is_empty() && extra.is_empty() {
            format!(
                "the steps are in another order ({}); the source has {}",
                ids(t).join(", "),
                ids(s).join(", ")
            )
        } else {
            let mut parts = Vec::new();
            if !missing.is_empty() {
                parts.push(format!(
                    "step {} of the source is missing",
                    quoted(&missing)
                ));
            }
            if !extra.is_empty() {
                parts.push(format!("step {} is not in the source", quoted(&extra)));
            }
            parts.join("; ")
        };
        out.push((0, msg));
        return out;
    }
    for (ts, ss) in t.steps.iter().zip(&s.steps) {
        if ts.end != ss.end {
            out.push((
                ts.line,
                if ss.end {
                    format!(
                        "step `{}` is an ending in the source: write `# {} (end)`",
                        ss.id, ss.id
                    )
                } else {
                    format!(
                        "step `{}` is not an ending in the source: remove `(end)`",
                        ss.id
                    )
                },
            ));
            continue;
        }
        if ts.choices.len() != ss.choices.len() {
            out.push((
                ts.line,
                format!(
                    "step `{}` has {} choices; the source has {}",
                    ts.id,
                    ts.choices.len(),
                    ss.choices.len()
                ),
            ));
            continue;
        }
        for (k, (tc, sc)) in ts.choices.iter().zip(&ss.choices).enumerate() {
            if tc.target_id != sc.target_id {
                out.push((
                    tc.line,
                    format!(
                        "choice {} of step `{}` goes to `{}`; in the source it goes to `{}`",
                        k + 1,
                        ts.id,
                        tc.target_id,
                        sc.target_id
                    ),
                ));
            }
            if tc.points != sc.points {
                out.push((
                    tc.line,
                    format!(
                        "choice {} of step `{}` has {} points; in the source it has {}",
                        k + 1,
                        ts.id,
                        signed(tc.points),
                        signed(sc.points)
                    ),
                ));
            }
        }
    }
    out
}

fn quoted(ids: &[String]) -> String {
    ids.iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

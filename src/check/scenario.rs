//! `check` of translated case scenarios (SPEC §8): the same steps (ids and
//! endings), the same choices going to the same steps, the same points. A
//! translation that sends a choice elsewhere, or scores it differently,
//! teaches another lesson and gives another grade.

use crate::course::{Course, PageId};
use crate::diag::{Code, Diagnostic, Msg};
use crate::markdown::scenario::Scenario;
use crate::msg;
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
                    msg!(
                        "markup-check-scenario-count",
                        translation = body.scenarios.len(),
                        source = source.scenarios.len()
                    ),
                )
                .at(&page.file, &page.text, span)
                .locale(locale)
                .hint(msg!(
                    "markup-check-scenario-count-hint",
                    file = format!("content/{src}/{key}")
                )),
            );
            continue;
        }
        for (n, (t, s)) in body.scenarios.iter().zip(&source.scenarios).enumerate() {
            // Blocks with errors are reported as such; comparing adds noise.
            let (Some(ts), Some(ss)) = (&t.scenario, &s.scenario) else {
                continue;
            };
            for (line, message) in differences(n + 1, ts, ss) {
                let line = if line == 0 { t.line } else { line };
                out.push(
                    Diagnostic::error(Code::ScenarioTranslationMismatch, message)
                        .at_line_col(&page.file, &page.text, line, 1, 1)
                        .locale(locale)
                        .hint(msg!(
                            "markup-check-scenario-compare-hint",
                            line = s.line,
                            file = format!("content/{src}/{key}")
                        )),
                );
            }
        }
    }
    out
}

/// (line in the translation, what differs) of scenario `n` of the page;
/// line 0: the block's fence.
fn differences(n: usize, t: &Scenario, s: &Scenario) -> Vec<(usize, Msg)> {
    let mut out = Vec::new();
    let ids = |sc: &Scenario| sc.steps.iter().map(|st| st.id.clone()).collect::<Vec<_>>();
    if ids(t) != ids(s) {
        let missing: Vec<String> = ids(s).into_iter().filter(|i| !ids(t).contains(i)).collect();
        let extra: Vec<String> = ids(t).into_iter().filter(|i| !ids(s).contains(i)).collect();
        let message = match (missing.is_empty(), extra.is_empty()) {
            (true, true) => msg!(
                "markup-check-scenario-order",
                n = n,
                this = quoted(&ids(t)),
                source = quoted(&ids(s))
            ),
            (false, true) => msg!(
                "markup-check-scenario-missing",
                n = n,
                count = missing.len(),
                missing = quoted(&missing)
            ),
            (true, false) => msg!(
                "markup-check-scenario-extra",
                n = n,
                count = extra.len(),
                extra = quoted(&extra)
            ),
            (false, false) => msg!(
                "markup-check-scenario-missing-extra",
                n = n,
                missing = quoted(&missing),
                extra = quoted(&extra)
            ),
        };
        out.push((0, message));
        return out;
    }
    for (ts, ss) in t.steps.iter().zip(&s.steps) {
        if ts.end != ss.end {
            out.push((
                ts.line,
                if ss.end {
                    msg!("markup-check-scenario-end", n = n, step = &ss.id)
                } else {
                    msg!("markup-check-scenario-not-end", n = n, step = &ss.id)
                },
            ));
            continue;
        }
        if ts.choices.len() != ss.choices.len() {
            out.push((
                ts.line,
                msg!(
                    "markup-check-scenario-choices",
                    n = n,
                    step = &ts.id,
                    this = ts.choices.len(),
                    source = ss.choices.len()
                ),
            ));
            continue;
        }
        for (k, (tc, sc)) in ts.choices.iter().zip(&ss.choices).enumerate() {
            if tc.target_id != sc.target_id {
                out.push((
                    tc.line,
                    msg!(
                        "markup-check-scenario-target",
                        n = n,
                        choice = k + 1,
                        step = &ts.id,
                        this = &tc.target_id,
                        source = &sc.target_id
                    ),
                ));
            }
            if tc.points != sc.points {
                out.push((
                    tc.line,
                    msg!(
                        "markup-check-scenario-points",
                        n = n,
                        choice = k + 1,
                        step = &ts.id,
                        this = signed(tc.points),
                        source = signed(sc.points)
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

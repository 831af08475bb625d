//! Case scenarios (SPEC §8, issue 20) as an author, a translator and a
//! learner without JavaScript meet them: errors at file, line and column;
//! translations that send a choice elsewhere or score it differently; a
//! built page whose every step is reached by links; the diagram kept on a
//! page with raw HTML; the module's progress data counting the scenario.

mod common;
use common::*;

use std::collections::{BTreeSet, HashMap};

fn has(p: &[Problem], code: &str, file: &str, line: u64, col: u64) {
    has_problem(p, code, file, line, col)
}

const EN: &str = "content/en/m1/01-station.md";
const RU: &str = "content/ru/m1/01-station.md";

#[test]
fn the_fixture_is_clean() {
    let p = problems(&fixture("scenario"));
    assert!(p.is_empty(), "{p:#?}");
}

#[test]
fn graph_errors_are_named_at_their_line_and_column() {
    let dir = copy_fixture("scenario");
    let root = dir.path();
    let text = read(root, EN);
    // A choice to a step that does not exist (line 24: `-> passport (+1)`).
    write(
        root,
        EN,
        &text.replace("-> passport (+1)", "-> pasport (+1)"),
    );
    let p = problems(root);
    let line = 24;
    let col = text.lines().nth(line - 1).unwrap().rfind("-> ").unwrap() as u64 + 4;
    has(&p, "scenario-missing-target", EN, line as u64, col);
    // A step that nothing leads to.
    write(root, EN, &text.replace("-> passport (+1)", "-> story (+1)"));
    let p = problems(root);
    has(&p, "scenario-unreachable", EN, 26, 3);

    // The same id twice; a step without choices that is not an ending.
    let twice = text.replace("# passport\n", "# story\n");
    write(root, EN, &twice);
    let p = problems(root);
    has(&p, "scenario-duplicate-id", EN, 30, 3);
    let dead = text.replace("* Reassure her and let her tell it her way -> story\n", "");
    write(root, EN, &dead);
    let p = problems(root);
    has(&p, "scenario-dead-end", EN, 26, 1);
    // Each error once, and the build refuses the course.
    let course = root.to_string_lossy().into_owned();
    let o = darslik(&["build", "--course", &course, "--format", "site", "-q"]);
    assert!(!o.status.success(), "a scenario with a dead end built");
    assert!(stderr(&o).contains("01-station.md:26:1"), "{}", stderr(&o));
}

#[test]
fn a_translation_that_moves_or_rescores_a_choice_is_reported() {
    let dir = copy_fixture("scenario");
    let root = dir.path();
    let text = read(root, RU);
    write(
        root,
        RU,
        &text
            .replace("-> referral (+2)", "-> referral (+3)")
            .replace("-> start\n", "-> interpreter\n"),
    );
    let p = problems(root);
    let mismatches: Vec<&Problem> = p
        .iter()
        .filter(|x| x.0 == "scenario-translation-mismatch")
        .collect();
    assert_eq!(mismatches.len(), 2, "{p:#?}");
    has(&p, "scenario-translation-mismatch", RU, 18, 1);
    has(&p, "scenario-translation-mismatch", RU, 32, 1);
    assert!(
        p.iter().any(|x| x.4.contains("+3") && x.4.contains("+2")),
        "{p:#?}"
    );

    // A step id translated by mistake.
    write(root, RU, &text.replace("# employer", "# работодатель"));
    let p = problems(root);
    assert!(
        p.iter()
            .any(|x| x.1 == RU
                && (x.0 == "scenario-translation-mismatch" || x.0 == "scenario-bad-id")),
        "{p:#?}"
    );
}

/// The `href="#…"` targets and `id="…"` of the scenario section in `html`.
fn links_and_ids(html: &str) -> (Vec<String>, BTreeSet<String>) {
    let section = html
        .find("<section class=\"scenario\"")
        .map(|at| &html[at..])
        .expect("a scenario section");
    let end = section.find("</section>").unwrap_or(section.len());
    let section = &section[..end];
    let attr = |name: &str| {
        let mut out = Vec::new();
        let pat = format!("{name}=\"");
        let mut rest = section;
        while let Some(at) = rest.find(&pat) {
            rest = &rest[at + pat.len()..];
            if let Some(q) = rest.find('"') {
                out.push(rest[..q].to_string());
            }
        }
        out
    };
    let hrefs = attr("href")
        .into_iter()
        .filter_map(|h| h.strip_prefix('#').map(str::to_string))
        .collect();
    (hrefs, attr("id").into_iter().collect())
}

#[test]
fn without_javascript_every_step_is_reached_by_links() {
    let dir = copy_fixture("scenario");
    let root = dir.path();
    let o = build_site(root);
    assert!(o.status.success(), "{}", stderr(&o));
    for locale in ["en", "ru"] {
        let html = read(root, &format!("dist/site/{locale}/m1/01-station.html"));
        let (hrefs, ids) = links_and_ids(&html);
        // Every link inside goes to an element of the page.
        for h in &hrefs {
            assert!(ids.contains(h), "{locale}: #{h} goes nowhere; ids {ids:?}");
        }
        // From the first step, following links reaches all eight.
        let steps: Vec<String> = ids
            .iter()
            .filter(|i| html.contains(&format!("<div class=\"scenario-step\" id=\"{i}\"")))
            .cloned()
            .collect();
        assert_eq!(steps.len(), 8, "{locale}: {steps:?}");
        let mut graph: HashMap<String, Vec<String>> = HashMap::new();
        for step in &steps {
            let at = html.find(&format!("id=\"{step}\"")).unwrap();
            let rest = &html[at..];
            let end = rest
                .find("class=\"scenario-step\"")
                .and_then(|n| rest[n..].find("class=\"scenario-step").map(|_| n))
                .unwrap_or(rest.len());
            let (targets, _) = links_and_ids(&format!(
                "<section class=\"scenario\">{}</section>",
                &rest[..end.min(rest.len())]
            ));
            graph.insert(step.clone(), targets);
        }
        let mut seen = BTreeSet::from([steps
            .iter()
            .find(|s| s.ends_with("-start"))
            .unwrap()
            .clone()]);
        let mut todo: Vec<String> = seen.iter().cloned().collect();
        while let Some(s) = todo.pop() {
            for t in graph.get(&s).into_iter().flatten() {
                if ids.contains(t) && steps.contains(t) && seen.insert(t.clone()) {
                    todo.push(t.clone());
                }
            }
        }
        assert_eq!(seen.len(), steps.len(), "{locale}: reached {seen:?}");
    }
}

#[test]
fn a_page_with_raw_html_keeps_its_scenario_and_diagram() {
    let dir = copy_fixture("scenario");
    let root = dir.path();
    let o = build_site(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(root, "dist/site/en/m1/02-mixed.html");
    assert!(html.contains("<div class=\"note\">"), "raw HTML kept");
    assert!(
        html.contains("<section class=\"scenario\""),
        "scenario kept"
    );
    assert!(html.contains("<svg"), "diagram kept");
    assert!(!html.contains("data-darslik-block"), "no mark left behind");
    // The mark cannot be forged: an author's look-alike stays an empty div.
    let page = "content/en/m1/02-mixed.md";
    let text = read(root, page);
    write(
        root,
        page,
        &text.replace(
            "<div class=\"note\">",
            "<div data-darslik-block=\"0-0\"></div><div class=\"note\">",
        ),
    );
    let o = build_site(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(root, "dist/site/en/m1/02-mixed.html");
    assert_eq!(html.matches("<section class=\"scenario\"").count(), 1);
}

#[test]
fn the_module_counts_its_scored_scenarios() {
    let dir = copy_fixture("scenario");
    let root = dir.path();
    let o = build_site(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(root, "dist/site/en/index.html");
    let at = html
        .find("\"scen\":")
        .expect("progress data lists the scenarios");
    let list = &html[at..at + html[at..].find(']').unwrap()];
    assert!(list.contains("m1/01-station/s1"), "{list}");
    assert!(list.contains("m1/02-mixed/s1"), "{list}");

    // A scenario without points is played but not counted, and said so.
    let page = "content/en/m1/02-mixed.md";
    write(root, page, &read(root, page).replace(" (+1)", ""));
    let ru = "content/ru/m1/02-mixed.md";
    write(root, ru, &read(root, ru).replace(" (+1)", ""));
    let p = problems(root);
    has(&p, "scenario-unscored", page, 7, 1);
    let o = build_site(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = read(root, "dist/site/en/index.html");
    let at = html.find("\"scen\":").unwrap();
    let list = &html[at..at + html[at..].find(']').unwrap()];
    assert!(!list.contains("02-mixed"), "{list}");
}

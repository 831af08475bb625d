//! "My results" (SPEC §9): a locale's `results.html` in the site, and the
//! same section in each single-file module. The learner's details, their own
//! summary and the button that saves the results file are made by
//! `static/results.js` from what the page carries here: the course's modules
//! (titles in the page's locale, pages, questions, tests, scenarios) and the
//! texts, pre-formatted by Fluent with `{placeholders}` for the script.

use std::collections::BTreeMap;

use minijinja::context;
use minijinja::value::Value;

use super::*;
use crate::course::Course;
use crate::diag::Diagnostic;
use crate::i18n::Localizer;

/// The page's file name in each locale's folder of the site.
pub const RESULTS_PAGE: &str = "results.html";

/// Template key → Fluent message of the section's texts.
const TEXTS: &[(&str, &str)] = &[
    ("title", "results-title"),
    ("intro", "results-intro"),
    ("noscript", "results-noscript"),
    ("summary", "results-summary"),
    ("nothing", "results-nothing"),
    ("details", "results-details"),
    ("details_hint", "results-details-hint"),
    ("name", "results-name"),
    ("organisation", "results-organisation"),
    ("region", "results-region"),
    ("save", "results-save"),
    ("save_hint", "results-save-hint"),
    ("copy", "results-copy"),
    ("new_title", "results-new-title"),
    ("new_hint", "results-new-hint"),
    ("new", "results-new"),
    ("cleared", "results-cleared"),
    ("confirm", "results-new-confirm"),
    ("open", "results-open"),
    ("pages_seen", "results-pages-seen"),
    ("best", "results-best"),
    ("pre", "results-pre"),
    ("post", "results-post"),
    ("scenario", "results-scenario"),
    ("not_yet", "results-not-yet"),
    ("passed", "results-passed"),
    ("failed", "results-failed"),
    ("completed", "progress-completed"),
];

/// The texts results.js shows (the others are in the markup).
const SCRIPT_TEXTS: &[&str] = &[
    "saved",
    "no_download",
    "confirm",
    "percent",
    "size",
    "cleared",
    "nothing",
    "pages_seen",
    "best",
    "pre",
    "post",
    "scenario",
    "not_yet",
    "passed",
    "failed",
    "completed",
];

/// The section's texts: plain ones, and the ones results.js fills in
/// (`{file}`, `{size}`, `{percent}`).
pub(crate) fn results_texts(loc: &Localizer) -> BTreeMap<&'static str, String> {
    let mut out: BTreeMap<&'static str, String> =
        TEXTS.iter().map(|(k, id)| (*k, loc.text(id))).collect();
    let with = |id: &str, pairs: &[(&'static str, &'static str)]| {
        let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> =
            pairs.iter().map(|(k, v)| (*k, (*v).into())).collect();
        loc.text_with(id, &crate::i18n::args(&args))
    };
    out.insert(
        "saved",
        with("results-saved", &[("file", "{file}"), ("size", "{size}")]),
    );
    out.insert(
        "no_download",
        with("results-no-download", &[("file", "{file}")]),
    );
    out.insert(
        "percent",
        with("results-percent", &[("percent", "{percent}")]),
    );
    out.insert("size", with("results-size", &[("size", "{size}")]));
    out
}

/// What results.js needs: the course, the page's locale and every module
/// of the course in course order, with its title in `locale` and what
/// progress.js's `moduleStatus` counts (its texts but the pages seen left out).
pub(crate) fn results_data(
    course: &Course,
    locale: &str,
    loc: &Localizer,
    bodies: &BTreeMap<PageId, Body>,
    texts: &BTreeMap<&'static str, String>,
) -> serde_json::Value {
    let modules: Vec<serde_json::Value> = course
        .modules
        .iter()
        .map(|m| {
            let mut p = module_progress(course, locale, loc, bodies, m);
            let pages = p["t"]["pages"].take();
            if let Some(o) = p.as_object_mut() {
                o.remove("t");
                o.insert("t".into(), serde_json::json!({ "pages": pages }));
                let title = course
                    .resolve_page(locale, &m.index)
                    .map(|p| p.front.title.clone())
                    .unwrap_or_else(|| m.name.clone());
                o.insert("title".into(), title.into());
            }
            p
        })
        .collect();
    serde_json::json!({
        "course": {
            "id": course.config.id,
            "version": course.config.version,
            "title": loc.text("course-title"),
        },
        "locale": locale,
        "modules": modules,
        "t": texts.iter().filter(|(k, _)| SCRIPT_TEXTS.contains(k)).collect::<BTreeMap<_, _>>(),
    })
}

impl<'a> Renderer<'a> {
    /// `<locale>/results.html`: the learner's "My results" page.
    pub fn results_page(&self, locale: &str) -> Result<String, Diagnostic> {
        let data = self.shown_locale(locale)?;
        let loc = &data.loc;
        let texts = results_texts(loc);
        let results_json = results_data(self.course, locale, loc, self.bodies, &texts);
        let title = texts.get("title").cloned().unwrap_or_default();
        let base = self.generated_context(data, locale, RESULTS_PAGE, "results", title);
        let ctx = context! {
            r => Value::from(minijinja::value::Serde(&texts)),
            rid => "results",
            results_data => Value::from_safe_string(script_json(&results_json)),
            ..base
        };
        self.env
            .get_template(RESULTS_PAGE)
            .and_then(|t| t.render(ctx))
            .map_err(template_error)
    }

    /// Every shown locale's results page, (locale, HTML), in course order.
    pub fn results_pages(&self) -> Result<Vec<(String, String)>, Diagnostic> {
        self.shown
            .iter()
            .map(|l| self.results_page(l).map(|h| (l.to_string(), h)))
            .collect()
    }
}

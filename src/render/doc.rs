//! Module documents: one HTML file per module holding all its pages (and, for
//! a multilingual SCORM package, all its locales), paged by the theme's
//! paging.js. SCORM SCOs and single-file modules are made from them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use minijinja::Environment;
use minijinja::value::Value;
use serde::Serialize;

use super::assets::{Features, doc_scripts, doc_styles};
use super::{Body, Theme, endonym, module_progress, script_json, template_error};
use crate::course::{Course, Module, PageId};
use crate::diag::Diagnostic;
use crate::i18n::{self, Messages};
use crate::markdown::links::{doc_asset_path, doc_prefix};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocMode {
    /// Inside a SCORM package of this version ("1.2" or "2004"): static
    /// files beside it, the LMS bridge loaded.
    Scorm(&'static str),
    /// A self-contained file: CSS and JS inline (images are inlined by the output).
    Single,
}

/// A rendered module document and the images it refers to.
#[derive(Debug, Clone)]
pub struct ModuleDoc {
    /// The document, UTF-8 (bytes: it goes into a zip as it is).
    pub html: Vec<u8>,
    /// `assets/<locale>/<path>` → the file on disk.
    pub assets: BTreeMap<String, PathBuf>,
}

#[derive(Serialize)]
struct DocPage {
    key: String,
    id: String,
    title: String,
    html: Value,
    content_lang: Option<String>,
    notice: String,
}

/// A page's body inside module documents, made once when the page is
/// rendered and shared (not copied) with every document that holds it.
pub type DocBody = super::SafeHtml;

/// (viewing locale, key) → [`DocBody`].
pub type DocBodies = BTreeMap<PageId, DocBody>;

/// UI strings a module document shows, per locale.
const DOC_STRINGS: &[(&str, &str)] = &[
    ("skip", "skip-to-content"),
    ("language", "language"),
    ("contents", "contents"),
    ("previous", "previous"),
    ("next", "next"),
    ("pager", "pager"),
    ("result", "quiz-result"),
    ("retry", "quiz-retry"),
    ("pages_seen", "results-pages-seen"),
    ("seen", "progress-seen"),
    ("done", "progress-done"),
    ("table_hint", "table-scroll"),
];

#[allow(clippy::too_many_arguments)]
pub fn module_doc(
    env: &Environment<'_>,
    course: &Course,
    theme: &Theme,
    messages: &Messages,
    site_bodies: &BTreeMap<PageId, Body>,
    docs: &DocBodies,
    locales: &[&str],
    module: &Module,
    mode: DocMode,
) -> Result<ModuleDoc, Diagnostic> {
    let mut keys: Vec<&str> = vec![module.index.as_str()];
    keys.extend(module.pages.iter().map(String::as_str));
    let mut assets = BTreeMap::new();
    let mut ctx_locales = Vec::new();
    // The pages' bodies and a little more: the document is written into a
    // buffer of about its size, not one grown by doubling.
    let mut size = 1 << 15;
    // What the module's pages hold, in every locale shown: the scripts it
    // needs; and whether a locale ends with the module's result.
    let mut features = Features::default();
    let mut summary = false;
    for &view in locales {
        let loc = messages.localizer(view);
        let mut pages = Vec::new();
        let mut questions = Vec::new();
        for key in &keys {
            let Some(page) = course.resolve_page(view, key) else {
                continue;
            };
            let Some(html) = docs.get(&PageId::new(view, *key)) else {
                continue;
            };
            if let Some(body) = site_bodies.get(&page.id()) {
                features = features.with(Features::of(body));
                if body.assessment.is_none() {
                    questions.extend(body.questions.iter().cloned());
                }
                for a in &body.assets {
                    let locale = a.locale.as_deref().unwrap_or(view);
                    if let Some((_, file)) = course.resolve_asset(locale, &a.path) {
                        assets.insert(doc_asset_path(locale, &a.path), file.clone());
                    }
                }
            }
            let fallback = page.locale != view;
            size += html.len();
            pages.push(DocPage {
                key: key.to_string(),
                id: doc_prefix(view, key),
                title: page.front.title.clone(),
                html: html.value(),
                content_lang: fallback.then(|| page.locale.clone()),
                notice: if fallback {
                    let args = i18n::args(&[("language", endonym(messages, &page.locale).into())]);
                    loc.text_with("not-translated", &args)
                } else {
                    String::new()
                },
            });
        }
        let total = pages.len();
        let position: Vec<String> = (1..=total)
            .map(|n| {
                loc.text_with(
                    "doc-position",
                    &i18n::args(&[("page", n.into()), ("total", total.into())]),
                )
            })
            .collect();
        let progress = module_progress(course, view, &loc, site_bodies, module);
        let has_questions = progress["qids"].as_array().is_some_and(|q| !q.is_empty())
            || progress["tests"].as_array().is_some_and(|t| !t.is_empty())
            || progress["scen"].as_array().is_some_and(|s| !s.is_empty());
        summary |= has_questions;
        let strings: BTreeMap<&str, String> = DOC_STRINGS
            .iter()
            .map(|(k, id)| (*k, loc.text(id)))
            .collect();
        // "My results" at the end of a single file (SPEC §9).
        let results = (mode == DocMode::Single).then(|| {
            let texts = super::results_page::results_texts(&loc);
            let data = super::results_page::results_data(course, view, &loc, site_bodies, &texts);
            minijinja::context! {
                r => Value::from(minijinja::value::Serde(&texts)),
                rid => format!("{view}-results"),
                results_data => Value::from_safe_string(script_json(&data)),
            }
        });
        ctx_locales.push(minijinja::context! {
            results => results,
            tag => view,
            name => endonym(messages, view),
            title => course.resolve_page(view, &module.index).map(|p| p.front.title.clone()).unwrap_or_default(),
            course_title => loc.text("course-title"),
            course_short_title => super::page::course_message(&loc, "course-short-title"),
            organisation => super::page::organisation(&loc, course),
            audience => super::page::course_message(&loc, "course-audience"),
            disclaimer => super::page::course_message(&loc, "course-disclaimer"),
            pages => Value::from(minijinja::value::Serde(&pages)),
            summary => has_questions.then(|| Value::from_safe_string(script_json(&progress))),
            position => Value::from_safe_string(script_json(&serde_json::json!(position))),
            // "{seen} of N pages" for the bar of pages seen (progress.js).
            count => loc.text_with(
                "progress-pages",
                &i18n::args(&[("seen", "{seen}".into()), ("total", total.into())]),
            ),
            s => Value::from(minijinja::value::Serde(&strings)),
            answer_key => Value::from(minijinja::value::Serde(&super::answer_key(&questions))),
            answers_title => loc.text("print-answers"),
            // What the SCO tells the learner when the LMS does not record
            // the session (scorm.js puts the LMS's error code in place).
            lms => minijinja::context! {
                none => loc.text("lms-not-connected"),
                failed => loc.text_with("lms-not-recorded", &i18n::args(&[("code", "{code}".into())])),
                review => loc.text("lms-review"),
            },
        });
    }
    let static_text = |name: &str| {
        theme
            .statics
            .get(name)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    };
    let inline = (mode == DocMode::Single).then(|| {
        let css: String = doc_styles(mode, features)
            .iter()
            .map(|n| static_text(n))
            .collect::<Vec<_>>()
            .join("\n");
        let js: String = doc_scripts(mode, features, summary)
            .iter()
            .map(|n| static_text(n))
            .collect::<Vec<_>>()
            .join("\n;\n");
        minijinja::context! {
            css => Value::from_safe_string(css.replace("</style", "<\\/style")),
            js => Value::from_safe_string(js.replace("</script", "<\\/script")),
        }
    });
    let first = locales
        .first()
        .copied()
        .unwrap_or(course.config.source_locale.as_str());
    let progress_key = if locales.len() > 1 {
        format!(
            "{}:{}:{}:all",
            course.config.id, course.config.version, module.name
        )
    } else {
        format!(
            "{}:{}:{}:{first}",
            course.config.id, course.config.version, module.name
        )
    };
    let ctx = minijinja::context! {
        ui_lang => first,
        course => minijinja::context! { id => course.config.id.clone(), version => course.config.version.clone() },
        module => module.name.clone(),
        mode => match mode { DocMode::Scorm(_) => "scorm", DocMode::Single => "single" },
        progress_key => progress_key,
        complete_when => course.config.scorm.complete_when.as_str(),
        // The logo beside the document (SCORM) or inside it (single file).
        logo => course.logo.as_ref().map(|l| match mode {
            DocMode::Scorm(_) => format!("static/{}", l.file_name()),
            DocMode::Single => l.data_uri(),
        }),
        accent => course.config.theme.accent.clone(),
        locales => ctx_locales,
        inline => inline,
        stylesheets => doc_styles(mode, features).iter().map(|n| format!("static/{n}")).collect::<Vec<_>>(),
        scripts => doc_scripts(mode, features, summary).iter().map(|n| format!("static/{n}")).collect::<Vec<_>>(),
    };
    let mut html = Vec::with_capacity(size);
    env.get_template("module-doc.html")
        .and_then(|t| t.render_captured_to(ctx, &mut html))
        .map_err(template_error)?;
    Ok(ModuleDoc { html, assets })
}

//! The build pipeline: load → parse → localize → render. Each stage takes
//! plain data and returns plain data; outputs start from the result.

use std::collections::BTreeMap;
use std::path::Path;

use crate::course::{self, Course};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Localizer;
use crate::i18n::{self, Messages};
use crate::markdown::{self, links::Resolver, quiz};
use crate::render::{self, Body, RenderedCourse, Theme};

/// A course loaded, checked and rendered.
pub struct Built {
    pub course: Course,
    pub theme: Theme,
    pub messages: Messages,
    pub rendered: RenderedCourse,
    /// Warnings (errors stop the pipeline).
    pub diagnostics: Diagnostics,
}

/// Load the course and its messages: the first half of the pipeline, shared
/// by `build` and `check`.
pub fn load(root: &Path) -> Result<(Course, Theme, Messages, Diagnostics), Diagnostics> {
    let (course, mut diags) = course::load(root)?;
    let theme = render::theme::load(root, &course.config.theme.name).map_err(|mut d| {
        d.extend(diags.items.clone());
        d
    })?;
    let (messages, fluent_diags) = localize(&course, &theme);
    diags.extend(fluent_diags);
    Ok((course, theme, messages, diags))
}

/// Fluent bundles for every locale: the theme's messages, then the course's.
pub fn localize(course: &Course, theme: &Theme) -> (Messages, Vec<Diagnostic>) {
    let mut sources = BTreeMap::new();
    for (locale, files) in &theme.messages {
        sources
            .entry(locale.clone())
            .or_insert_with(|| (Vec::new(), Vec::new()))
            .0
            .extend(files.iter().cloned());
    }
    for (locale, files) in &course.messages {
        sources
            .entry(locale.clone())
            .or_insert_with(|| (Vec::new(), Vec::new()))
            .1
            .extend(files.iter().cloned());
    }
    let chains: Vec<(String, Vec<String>)> = course
        .config
        .locales
        .iter()
        .map(|l| (l.tag.clone(), l.chain.clone()))
        .collect();
    let (messages, mut diags) = i18n::load(&sources, &chains);
    for l in &course.config.locales {
        if messages
            .localizer(&l.tag)
            .lookup("course-title", None)
            .is_err()
        {
            diags.push(
                Diagnostic::error(
                    "course-title-missing",
                    format!("no `course-title` message for `{}` or its fallbacks", l.tag),
                )
                .in_file(format!("locales/{}/", l.tag))
                .locale(&l.tag)
                .hint(format!(
                    "add `course-title = ...` to a file such as locales/{}/course.ftl",
                    l.tag
                )),
            );
        }
    }
    (messages, diags)
}

/// Parse every page once, resolve links, render bodies.
pub fn bodies(
    course: &Course,
    messages: &Messages,
) -> (BTreeMap<(String, String), Body>, Vec<Diagnostic>) {
    let parsed: Vec<markdown::Parsed<'_>> = course.pages.values().map(markdown::parse).collect();
    let resolver = Resolver::new(course, &parsed);
    let mut diags = Vec::new();
    let mut bodies = BTreeMap::new();
    for p in &parsed {
        diags.extend(p.diagnostics.iter().cloned());
        let resolved = resolver.resolve(p);
        diags.extend(resolved.diagnostics);
        let strings = quiz_strings(&messages.localizer(&p.page.locale));
        let qid_base = p.page.key.trim_end_matches(".md");
        let mut position = 0;
        let mut questions = Vec::new();
        let mut quizzes = Vec::new();
        for block in &p.quizzes {
            match quiz::parse(&block.text) {
                Ok(q) => {
                    quizzes.push(quiz::render_html(&q, qid_base, position, &strings));
                    position += q.questions.len();
                    questions.extend(q.questions);
                }
                Err(errors) => {
                    for e in errors {
                        diags.push(
                            Diagnostic::error(e.code, e.message)
                                .at_line_col(
                                    &p.page.file,
                                    &p.page.text,
                                    block.first_line + e.line - 1,
                                    e.column,
                                    e.len,
                                )
                                .locale(&p.page.locale)
                                .hint(e.hint),
                        );
                    }
                    quizzes.push(String::new());
                }
            }
        }
        let html = p.render(&markdown::RenderInput {
            hrefs: &resolved.hrefs,
            quizzes: &quizzes,
        });
        bodies.insert(
            (p.page.locale.clone(), p.page.key.clone()),
            Body {
                html,
                headings: p.headings.clone(),
                assets: resolved.assets,
                questions,
            },
        );
    }
    (bodies, diags)
}

/// The quiz strings of a locale, from the theme's messages.
pub fn quiz_strings(loc: &Localizer) -> quiz::QuizStrings {
    quiz::QuizStrings {
        check: loc.text("quiz-check"),
        correct: loc.text("quiz-correct"),
        incorrect: loc.text("quiz-incorrect"),
        choose_one: loc.text("quiz-choose-one"),
        choose_all: loc.text("quiz-choose-all"),
        answer_first: loc.text("quiz-answer-first"),
    }
}

/// The whole pipeline for a course folder.
pub fn build(root: &Path) -> Result<Built, Diagnostics> {
    let (course, theme, messages, mut diags) = load(root)?;
    let (bodies, body_diags) = bodies(&course, &messages);
    diags.extend(body_diags);
    if diags.has_errors() {
        diags.sort();
        return Err(diags);
    }
    let rendered = match render::render(&course, &theme, &messages, &bodies) {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return Err(diags);
        }
    };
    diags.sort();
    Ok(Built {
        course,
        theme,
        messages,
        rendered,
        diagnostics: diags,
    })
}

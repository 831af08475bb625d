//! Checks across locales, for translators: pages missing or out of date,
//! Fluent messages missing, extra, or with different variables, references
//! that do not resolve, and translated quizzes whose answer keys differ.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::course::frontmatter::body_hash;
use crate::course::{Course, PageId, SourceFile};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::render::Bodies;

mod fluent;
mod quiz;
mod scenario;

use fluent::fluent;
pub use fluent::{apostrophes, fix_apostrophes};
pub use quiz::quiz_mismatches;

/// A translated page's state against its source page (SPEC §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum PageState {
    /// Made at build time from another locale (`generate = ...`).
    Generated,
    Current,
    Stale,
    Unstamped,
    Missing,
}

pub fn page_state(course: &Course, locale: &str, key: &str) -> PageState {
    let src = &course.config.source_locale;
    let Some(page) = course.pages.get(&PageId::new(locale, key)) else {
        return PageState::Missing;
    };
    if page.generated_from.is_some() {
        return PageState::Generated;
    }
    let Some(stamp) = &page.front.translation_of else {
        return PageState::Unstamped;
    };
    match course.pages.get(&PageId::new(src.as_str(), key)) {
        Some(source) if body_hash(source.body()) == *stamp => PageState::Current,
        _ => PageState::Stale,
    }
}

/// Every cross-locale problem of the course.
pub fn translations(
    course: &Course,
    bodies: &Bodies,
    theme_messages: &BTreeMap<String, Vec<SourceFile>>,
) -> Vec<Diagnostic> {
    let mut out = texts(course, theme_messages);
    out.extend(quiz_mismatches(course, bodies));
    crate::timing::lap("  quizzes");
    out
}

/// The problems found in the texts alone (page states, Fluent messages,
/// Uzbek apostrophes): `build` reports them too, before the pages' texts
/// are dropped.
pub fn texts(
    course: &Course,
    theme_messages: &BTreeMap<String, Vec<SourceFile>>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let src = course.config.source_locale.as_str();
    for locale in course
        .config
        .locales
        .iter()
        .filter(|l| l.tag != src && l.generated_from.is_none())
    {
        let tag = locale.tag.as_str();
        for key in course.page_keys() {
            match page_state(course, tag, key) {
                PageState::Missing => out.push(
                    Diagnostic::warning(
                        Code::PageMissing,
                        format!("content/{tag}/{key} is not translated yet; readers see the {} page", fallback_name(course, tag, key)),
                    )
                    .in_file(format!("content/{tag}/{key}"))
                    .locale(tag)
                    .hint(format!("translate content/{src}/{key} into content/{tag}/{key}, then run `darslik stamp --locale {tag} {key}`")),
                ),
                PageState::Stale => {
                    let page = &course.pages[&PageId::new(tag, key)];
                    let span = find_line(&page.text, "translation_of").unwrap_or(0..3);
                    out.push(
                        Diagnostic::warning(
                            Code::PageStale,
                            format!("the source page content/{src}/{key} changed after this translation was made"),
                        )
                        .at(&page.file, &page.text, span)
                        .locale(tag)
                        .hint(format!(
                            "compare with the source (e.g. `git diff` of content/{src}/{key}), update the translation, then run `darslik stamp --locale {tag} {key}`"
                        )),
                    );
                }
                PageState::Current | PageState::Unstamped | PageState::Generated => {}
            }
        }
    }
    crate::timing::lap("  pages stale or missing");
    out.extend(fluent(course, theme_messages));
    crate::timing::lap("  fluent");
    out.extend(apostrophes(course));
    crate::timing::lap("  apostrophes");
    out
}

fn fallback_name(course: &Course, locale: &str, key: &str) -> String {
    course
        .resolve_page(locale, key)
        .map_or_else(|| "source".into(), |p| p.locale.clone())
}

/// Every translated page with its body, its source page's body and its
/// text: what `check` compares a translation's blocks on.
pub(crate) fn translated_pages<'a>(
    course: &'a Course,
    bodies: &'a crate::render::Bodies,
) -> impl Iterator<
    Item = (
        &'a PageId,
        &'a crate::render::Body,
        &'a crate::render::Body,
        &'a crate::course::Page,
    ),
> + 'a {
    let src = course.config.source_locale.as_str();
    bodies.site.iter().filter_map(move |(id, body)| {
        if id.locale == src {
            return None;
        }
        let source = bodies.site.get(&PageId::new(src, &id.key))?;
        let page = course.pages.get(id)?;
        Some((id, body, source, page))
    })
}

pub(crate) fn find_line(text: &str, prefix: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with(prefix) {
            let start = offset + (line.len() - line.trim_start().len());
            return Some(start..offset + line.trim_end().len());
        }
        offset += line.len();
    }
    None
}

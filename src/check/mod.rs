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
use crate::msg;
use crate::render::Bodies;

mod fluent;
mod glossary;
mod quiz;
mod scenario;
mod translit;

pub use translit::{Guessed, guessed};

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
    for locale in course.config.translated_locales() {
        let tag = locale.tag.as_str();
        for key in course.page_keys() {
            match page_state(course, tag, key) {
                // A file that is there but could not be read (not UTF-8,
                // not text) is reported as that; it is not "not translated".
                PageState::Missing if course.root.join("content").join(tag).join(key).is_file() => {
                }
                PageState::Missing => out.push(missing(course, tag, key)),
                PageState::Stale => {
                    let page = &course.pages[&PageId::new(tag, key)];
                    out.push(stale(course, page));
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
    out.extend(glossary::glossary(course));
    crate::timing::lap("  glossary");
    out
}

/// `page-missing` for page `key` of locale `tag`.
fn missing(course: &Course, tag: &str, key: &str) -> Diagnostic {
    let src = course.config.source_locale.as_str();
    let text = match course.resolve_page(tag, key) {
        Some(p) => msg!(
            "stale-page-missing",
            locale = tag,
            page = key,
            fallback = &p.locale
        ),
        None => msg!("stale-page-missing-source", locale = tag, page = key),
    };
    Diagnostic::warning(Code::PageMissing, text)
        .in_file(format!("content/{tag}/{key}"))
        .locale(tag)
        .hint(msg!(
            "stale-page-missing-hint",
            source = src,
            locale = tag,
            page = key
        ))
}

/// `page-stale` for a translated page, with what changed in its source
/// since it was stamped when darslik kept a copy of that source.
fn stale(course: &Course, page: &crate::course::Page) -> Diagnostic {
    let src = course.config.source_locale.as_str();
    let (tag, key) = (page.locale.as_str(), page.key.as_str());
    let span = find_line(&page.text, "translation_of").unwrap_or(0..3);
    let diff = course
        .pages
        .get(&PageId::new(src, key))
        .and_then(|source| crate::diff::stale_diff(course, page, source));
    let hint = if diff.as_ref().is_some_and(|d| !d.known) {
        "stale-page-stale-unknown-hint"
    } else {
        "stale-page-stale-hint"
    };
    let d = Diagnostic::warning(
        Code::PageStale,
        msg!("stale-page-stale", source = src, page = key),
    )
    .at(&page.file, &page.text, span)
    .locale(tag)
    .hint(
        crate::diag::Msg::new(hint)
            .arg("source", src)
            .arg("locale", tag)
            .arg("page", key),
    );
    match diff {
        Some(diff) => d.with_diff(diff),
        None => d,
    }
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

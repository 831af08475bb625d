//! `--keep-going`: a locale with errors is left out, with every locale
//! that shows its pages (falls back to it or is made from it); the others
//! are written.

use std::collections::BTreeMap;

use super::Failure;
use crate::course::{Course, PageId};
use crate::diag::{Diagnostic, Diagnostics};
use crate::pipeline::Built;

/// Without `keep_going`, any error stops the build. With it, the chosen
/// locales an error touches (see [`affected`]) are taken out of
/// `built.locales` (the errors stay in `built.diagnostics`, to be shown);
/// an error that belongs to no locale, or leaves none to write, still
/// stops the build. Returns the locales left out and how many errors
/// touch each.
pub fn leave_out(built: &mut Built, keep_going: bool) -> Result<BTreeMap<String, usize>, Failure> {
    let diags = &built.diagnostics;
    if !diags.has_errors() {
        return Ok(BTreeMap::new());
    }
    let fail = |d: &Diagnostics| Err(Failure::Course(d.clone()));
    if !keep_going {
        return fail(diags);
    }
    let course = &built.course;
    let mut left_out: BTreeMap<String, usize> = BTreeMap::new();
    for e in diags.errors() {
        let Some(affected) = affected(e, course, &built.locales) else {
            return fail(diags);
        };
        for l in affected {
            *left_out.entry(l.to_string()).or_default() += 1;
        }
    }
    if left_out.len() == built.locales.len() {
        return fail(diags);
    }
    built.locales.retain(|l| !left_out.contains_key(l));
    Ok(left_out)
}

/// The chosen locales an error keeps from being written: for an error in
/// a page, those that show that page (its own and those falling back to
/// it); for any other error of a locale, those whose chain holds it.
/// `None`: it belongs to no locale (course.toml, the theme).
fn affected<'a>(e: &Diagnostic, course: &Course, chosen: &'a [String]) -> Option<Vec<&'a str>> {
    let config = &course.config;
    let file = e.file.as_deref().unwrap_or("");
    if let Some((locale, key)) = file
        .strip_prefix("content/")
        .and_then(|r| r.split_once('/'))
        && let Some(page) = course.pages.get(&PageId::new(locale, key))
    {
        return Some(
            chosen
                .iter()
                .filter(|t| {
                    course
                        .resolve_page(t, key)
                        .is_some_and(|shown| shown.locale == page.locale)
                })
                .map(String::as_str)
                .collect(),
        );
    }
    let named = e.locale.as_deref().or_else(|| {
        let rest = file
            .strip_prefix("content/")
            .or_else(|| file.strip_prefix("locales/"))?;
        rest.split('/').next()
    })?;
    config.locale(named)?;
    Some(
        chosen
            .iter()
            .filter(|t| {
                config
                    .locale(t)
                    .is_some_and(|l| l.chain.iter().any(|c| c == named))
            })
            .map(String::as_str)
            .collect(),
    )
}

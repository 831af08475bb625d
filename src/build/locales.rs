//! `--keep-going`: a locale with errors is left out, with every locale
//! that shows its pages (falls back to it or is made from it); the others
//! are written.

use std::collections::BTreeMap;

use super::Failure;
use crate::course::Config;
use crate::diag::{Diagnostic, Diagnostics};
use crate::pipeline::Built;

/// Without `keep_going`, any error stops the build. With it, the chosen
/// locales whose chain holds a locale with errors are taken out of
/// `built.locales` (their errors stay in `built.diagnostics`, to be
/// shown); an error that belongs to no locale, or to every chosen one,
/// still stops the build. Returns the locales left out and how many
/// errors each has (its own and its fallbacks').
pub fn leave_out(built: &mut Built, keep_going: bool) -> Result<BTreeMap<String, usize>, Failure> {
    let diags = &built.diagnostics;
    if !diags.has_errors() {
        return Ok(BTreeMap::new());
    }
    let fail = |d: &Diagnostics| Err(Failure::Course(d.clone()));
    if !keep_going {
        return fail(diags);
    }
    let config = &built.course.config;
    let mut errors: BTreeMap<&str, usize> = BTreeMap::new();
    for e in diags.errors() {
        match locale_of(e, config) {
            Some(l) => *errors.entry(l).or_default() += 1,
            None => return fail(diags),
        }
    }
    let mut left_out = BTreeMap::new();
    for tag in &built.locales {
        let Some(l) = config.locale(tag) else { continue };
        let n: usize = l
            .chain
            .iter()
            .filter_map(|c| errors.get(c.as_str()))
            .sum();
        if n > 0 {
            left_out.insert(tag.clone(), n);
        }
    }
    if left_out.len() == built.locales.len() {
        return fail(diags);
    }
    built.locales.retain(|l| !left_out.contains_key(l));
    Ok(left_out)
}

/// The locale an error belongs to: the one it names, or the one of the
/// file it is in (`content/<locale>/…`, `locales/<locale>/…`).
fn locale_of<'c>(d: &Diagnostic, config: &'c Config) -> Option<&'c str> {
    let named = d.locale.as_deref().or_else(|| {
        let file = d.file.as_deref()?;
        let rest = file
            .strip_prefix("content/")
            .or_else(|| file.strip_prefix("locales/"))?;
        rest.split('/').next()
    })?;
    config
        .locales
        .iter()
        .find(|l| l.tag == named)
        .map(|l| l.tag.as_str())
}

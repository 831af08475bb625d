//! The glossary check (SPEC §10): `term-missing` when a source page uses a
//! term of `glossary.toml` and its translation lacks every approved
//! rendering of it, `term-avoided` where a translation (a page or a
//! message file) uses a variant the glossary says to avoid.
//!
//! Only prose is read (`translit::markdown_text_ranges`: paragraphs,
//! headings, lists, tables, quiz and scenario text, the `title` and
//! `description` of the front matter; never code, link targets or front
//! matter keys), words are compared in any grammatical form
//! (`glossary::words`), case and apostrophes aside. Generated locales
//! (`uz-Cyrl` made from `uz`) are not checked: their source locale is.
//!
//! Where `term-missing` points: the translation's part that stands where the
//! source's first use of the term stands (the same heading section and
//! block, by `xliff::page` segment ids when both pages have the same
//! structure), else the translated page's first line of text.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use crate::course::{Course, Page, PageId};
use crate::diag::{Code, Diagnostic};
use crate::glossary::{Glossary, Pattern, Term, Token, tokens};
use crate::msg;
use crate::search::normalize::Lang;

/// A term's patterns in one locale: its renderings (or avoided variants).
struct Compiled<'g> {
    term: &'g Term,
    patterns: Vec<Pattern>,
}

fn compile<'g>(
    g: &'g Glossary,
    locale: &str,
    pick: impl Fn(&'g Term) -> Option<&'g Vec<String>>,
) -> Vec<Compiled<'g>> {
    let lang = Lang::from_tag(locale);
    g.terms
        .iter()
        .filter_map(|term| {
            let patterns: Vec<Pattern> = pick(term)?
                .iter()
                .filter_map(|s| Pattern::new(s, lang))
                .collect();
            (!patterns.is_empty()).then_some(Compiled { term, patterns })
        })
        .collect()
}

/// The prose words of a page.
fn page_tokens(page: &Page, lang: Lang) -> Vec<Token> {
    let ranges = crate::translit::markdown_text_ranges(&page.text);
    tokens(&page.text, &ranges, lang)
}

/// Every glossary warning of the course (nothing without a glossary).
pub fn glossary(course: &Course) -> Vec<Diagnostic> {
    let Some(g) = course.glossary.as_deref() else {
        return Vec::new();
    };
    if g.terms.is_empty() {
        return Vec::new();
    }
    let src = course.config.source_locale.as_str();
    let src_lang = Lang::from_tag(src);
    let source_terms = compile(g, src, |t| t.names.get(src));
    let keys = course.page_keys();
    // Per source page: the terms it uses, each with its first use.
    let used: BTreeMap<&str, Vec<(&Term, Range<usize>)>> = keys
        .par_iter()
        .filter_map(|key| {
            let page = course.pages.get(&PageId::new(src, *key))?;
            let toks = page_tokens(page, src_lang);
            let found: Vec<(&Term, Range<usize>)> = source_terms
                .iter()
                .filter_map(|c| {
                    c.patterns
                        .iter()
                        .filter_map(|p| p.find(&toks).into_iter().next())
                        .min_by_key(|r| r.start)
                        .map(|r| (c.term, r))
                })
                .collect();
            Some((*key, found))
        })
        .collect();
    let mut out = Vec::new();
    for locale in course
        .config
        .locales
        .iter()
        .filter(|l| l.tag != src && l.generated_from.is_none())
    {
        let tag = locale.tag.as_str();
        let lang = Lang::from_tag(tag);
        let names = compile(g, tag, |t| t.names.get(tag));
        let avoided = compile(g, tag, |t| t.avoid.get(tag));
        let pages: Vec<&Page> = keys
            .iter()
            .filter_map(|k| course.pages.get(&PageId::new(tag, *k)))
            .filter(|p| p.generated_from.is_none())
            .collect();
        let per_page: Vec<Vec<Diagnostic>> = pages
            .par_iter()
            .map(|page| {
                let toks = page_tokens(page, lang);
                let mut d = Vec::new();
                let uses = used.get(page.key.as_str()).map_or(&[][..], Vec::as_slice);
                for (term, _first) in uses {
                    let Some(c) = names.iter().find(|c| std::ptr::eq(c.term, *term)) else {
                        continue;
                    };
                    if !c.patterns.iter().any(|p| p.occurs(&toks)) {
                        d.push(missing(course, page, term, &toks));
                    }
                }
                d.extend(avoided_in(&avoided, tag, &page.file, &page.text, &toks));
                d
            })
            .collect();
        out.extend(per_page.into_iter().flatten());
        // Message files: avoided variants in message text.
        for f in course.messages.get(tag).into_iter().flatten() {
            let ranges = crate::translit::fluent_text_ranges(&f.text);
            let toks = tokens(&f.text, &ranges, lang);
            out.extend(avoided_in(&avoided, tag, &f.file, &f.text, &toks));
        }
    }
    out
}

/// `term-missing` on a translated page.
fn missing(course: &Course, page: &Page, term: &Term, toks: &[Token]) -> Diagnostic {
    let src = course.config.source_locale.as_str();
    let tag = page.locale.as_str();
    let rendering = term.name(tag).unwrap_or_default();
    let source_name = term.name(src).unwrap_or_default();
    // The first word of the page's text (its title, else its body).
    let at = toks
        .iter()
        .find(|t| t.range.start >= page.body_start)
        .or(toks.first())
        .map_or(0..0, |t| t.range.clone());
    Diagnostic::warning(
        Code::TermMissing,
        msg!(
            "glossary-term-missing",
            term = source_name,
            rendering = rendering,
            source = format!("content/{src}/{}", page.key)
        ),
    )
    .at(&page.file, &page.text, at)
    .locale(tag)
    .hint(hint(term, tag, "glossary-term-missing-hint"))
}

fn hint(term: &Term, tag: &str, id: &'static str) -> crate::diag::Msg {
    let rendering = term.name(tag).unwrap_or_default();
    let also = term
        .names
        .get(tag)
        .map(|n| n[1..].join(", "))
        .unwrap_or_default();
    crate::diag::Msg::new(id)
        .arg("rendering", rendering)
        .arg(
            "also",
            if also.is_empty() {
                "none".to_string()
            } else {
                also
            },
        )
        .arg("note", term.note_in(tag).unwrap_or("none"))
}

/// `term-avoided` for each avoided variant in `toks`.
fn avoided_in(
    avoided: &[Compiled<'_>],
    tag: &str,
    file: &str,
    text: &Arc<str>,
    toks: &[Token],
) -> Vec<Diagnostic> {
    let mut found: Vec<(Range<usize>, &Term)> = Vec::new();
    for c in avoided {
        for p in &c.patterns {
            for r in p.find(toks) {
                found.push((r, c.term));
            }
        }
    }
    found.sort_by_key(|(r, _)| (r.start, r.end));
    found.dedup_by(|a, b| a.0 == b.0);
    found
        .into_iter()
        .map(|(r, term)| {
            let variant = text.get(r.clone()).unwrap_or_default();
            Diagnostic::warning(
                Code::TermAvoided,
                msg!(
                    "glossary-term-avoided",
                    found = variant,
                    rendering = term.name(tag).unwrap_or("-")
                ),
            )
            .at(file, text, r)
            .locale(tag)
            .hint(hint(term, tag, "glossary-term-avoided-hint"))
        })
        .collect()
}

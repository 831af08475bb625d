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
use crate::xliff::model::Segment;

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
    for locale in course.config.translated_locales() {
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
                // The pages' segments, made once if a term is missing.
                let mut aligned: Option<Aligned> = None;
                for (term, first) in uses {
                    let Some(c) = names.iter().find(|c| std::ptr::eq(c.term, *term)) else {
                        continue;
                    };
                    if !c.patterns.iter().any(|p| p.occurs(&toks)) {
                        let source = course.pages.get(&PageId::new(src, &page.key));
                        let aligned = aligned.get_or_insert_with(|| Aligned::new(source, page));
                        d.push(missing(course, page, source, term, first, aligned, &toks));
                    }
                }
                d.extend(avoided_in(&avoided, tag, &page.file, &page.text, &toks));
                d
            })
            .collect();
        out.extend(per_page.into_iter().flatten());
        // Message files: message by message against the source locale's
        // file of the same name, and avoided variants anywhere in their text.
        for f in course.messages.get(tag).into_iter().flatten() {
            let ranges = crate::translit::fluent_text_ranges(&f.text);
            let toks = tokens(&f.text, &ranges, lang);
            out.extend(avoided_in(&avoided, tag, &f.file, &f.text, &toks));
            let name = f.file.rsplit('/').next().unwrap_or_default();
            let Some(source) = course
                .messages
                .get(src)
                .into_iter()
                .flatten()
                .find(|s| s.file.rsplit('/').next() == Some(name))
            else {
                continue;
            };
            let translated = messages(&f.text, lang);
            for (id, _, source_toks) in messages(&source.text, src_lang) {
                let Some((_, t_range, t_toks)) = translated.iter().find(|m| m.0 == id) else {
                    continue;
                };
                for c in &source_terms {
                    let Some(first) = c
                        .patterns
                        .iter()
                        .find_map(|p| p.find(&source_toks).into_iter().next())
                    else {
                        continue;
                    };
                    let Some(wanted) = names.iter().find(|n| std::ptr::eq(n.term, c.term)) else {
                        continue;
                    };
                    if wanted.patterns.iter().any(|p| p.occurs(t_toks)) {
                        continue;
                    }
                    let (line, column) = crate::diag::line_col(&source.text, first.start);
                    out.push(
                        Diagnostic::warning(
                            Code::TermMissing,
                            msg!(
                                "glossary-term-missing",
                                term = c.term.name(src).unwrap_or_default(),
                                rendering = c.term.name(tag).unwrap_or_default(),
                                source = format!("{}:{line}:{column}", source.file)
                            ),
                        )
                        .at(&f.file, &f.text, t_range.clone())
                        .locale(tag)
                        .hint(hint(
                            c.term,
                            tag,
                            "glossary-term-missing-hint",
                        )),
                    );
                }
            }
        }
    }
    out
}

/// Each message value of a Fluent file (`id`, `id.attr`): its range and
/// the words of its text (placeables left out).
fn messages(text: &str, lang: Lang) -> Vec<(String, Range<usize>, Vec<Token>)> {
    let prose = crate::translit::fluent_text_ranges(text);
    crate::xliff::fluent::segments(text)
        .into_iter()
        .map(|s| {
            let inside: Vec<Range<usize>> = prose
                .iter()
                .filter(|r| r.start < s.range.end && s.range.start < r.end)
                .map(|r| r.start.max(s.range.start)..r.end.min(s.range.end))
                .collect();
            let toks = tokens(text, &inside, lang);
            (s.id, s.range, toks)
        })
        .collect()
}

/// The segments (`xliff::page`) of a source page and its translation.
struct Aligned {
    source: Vec<Segment>,
    translation: Vec<Segment>,
}

impl Aligned {
    fn new(source: Option<&Page>, page: &Page) -> Aligned {
        let segs = |p: &Page| crate::xliff::page::segments(&p.text).unwrap_or_default();
        Aligned {
            source: source.map(segs).unwrap_or_default(),
            translation: segs(page),
        }
    }

    /// Where the translation has the segment that stands where the source
    /// has `at`: the same id (same section, kind and ordinal).
    fn place(&self, at: usize) -> Option<Range<usize>> {
        let id = &self
            .source
            .iter()
            .find(|s| s.range.start <= at && at < s.range.end)?
            .id;
        self.translation
            .iter()
            .find(|s| s.id == *id)
            .map(|s| s.range.clone())
    }
}

/// `term-missing` on a translated page: at the segment that stands where
/// the source page first uses the term, else at the page's first word.
fn missing(
    course: &Course,
    page: &Page,
    source: Option<&Page>,
    term: &Term,
    first: &Range<usize>,
    aligned: &Aligned,
    toks: &[Token],
) -> Diagnostic {
    let src = course.config.source_locale.as_str();
    let tag = page.locale.as_str();
    let rendering = term.name(tag).unwrap_or_default();
    let source_name = term.name(src).unwrap_or_default();
    let at = aligned
        .place(first.start)
        .map(|r| {
            // One line of it.
            let line_end = page
                .text
                .get(r.clone())
                .and_then(|t| t.find('\n'))
                .map_or(r.end, |i| r.start + i);
            r.start..line_end
        })
        .or_else(|| {
            toks.iter()
                .find(|t| t.range.start >= page.body_start)
                .or(toks.first())
                .map(|t| t.range.clone())
        })
        .unwrap_or(0..0);
    let used_at = match source {
        Some(s) => {
            let (line, column) = crate::diag::line_col(&s.text, first.start);
            format!("{}:{line}:{column}", s.file)
        }
        None => format!("content/{src}/{}", page.key),
    };
    Diagnostic::warning(
        Code::TermMissing,
        msg!(
            "glossary-term-missing",
            term = source_name,
            rendering = rendering,
            source = used_at
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
        .map(|n| n.get(1..).unwrap_or_default().join(", "))
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

//! A locale's glossary page (`<locale>/glossary.html`, SPEC §10): every term
//! of `glossary.toml`, its approved rendering in the page's language (the
//! first language of its fallback chain that has one), the other languages'
//! renderings, the other accepted renderings, the ones to avoid, and the
//! note. Everything is text: the template escapes it (notes are never HTML).

use minijinja::context;
use minijinja::value::Value;
use serde::Serialize;

use super::*;
use crate::diag::Diagnostic;

/// The page's file name in each locale's folder of the site.
pub const GLOSSARY_PAGE: &str = "glossary.html";

/// One term as the page shows it.
#[derive(Debug, Serialize)]
struct Row {
    /// The rendering shown first, and its language when it is not the page's.
    term: String,
    lang: Option<String>,
    /// (language name, tag, rendering) of the course's other languages.
    others: Vec<(String, String, String)>,
    also: Vec<String>,
    avoid: Vec<String>,
    note: Option<String>,
    /// The note's language when it is not the page's.
    note_lang: Option<String>,
}

impl<'a> Renderer<'a> {
    /// Whether the course has a glossary page (a glossary with terms).
    pub fn has_glossary(&self) -> bool {
        self.course
            .glossary
            .as_ref()
            .is_some_and(|g| !g.terms.is_empty())
    }

    /// `<locale>/glossary.html`.
    pub fn glossary_page(&self, locale: &str) -> Result<String, Diagnostic> {
        let data = self.shown_locale(locale)?;
        let loc = &data.loc;
        let chain = self.course.chain(locale);
        let terms = self
            .course
            .glossary
            .as_ref()
            .map_or(&[][..], |g| g.terms.as_slice());
        let mut rows: Vec<(String, Row)> = terms
            .iter()
            .filter_map(|t| {
                let (from, term) = chain
                    .iter()
                    .find_map(|l| t.name(l).map(|n| (*l, n.to_string())))?;
                let others = self
                    .course
                    .config
                    .locales
                    .iter()
                    .filter(|l| l.tag != locale && l.generated_from.is_none())
                    .filter_map(|l| {
                        let name = t.name(&l.tag)?;
                        let lang = data.names.get(l.tag.as_str()).cloned().unwrap_or_default();
                        Some((lang, l.tag.clone(), name.to_string()))
                    })
                    .collect();
                let also = t
                    .names
                    .get(from)
                    .map(|n| n.get(1..).unwrap_or_default().to_vec())
                    .unwrap_or_default();
                let note = chain
                    .iter()
                    .find_map(|l| t.note_in(l).map(|n| (*l, n.to_string())));
                let row = Row {
                    lang: (from != locale).then(|| from.to_string()),
                    others,
                    also,
                    avoid: t.avoid.get(locale).cloned().unwrap_or_default(),
                    note_lang: note
                        .as_ref()
                        .and_then(|(l, _)| (*l != locale).then(|| l.to_string())),
                    note: note.map(|(_, n)| n),
                    term,
                };
                Some((row.term.to_lowercase(), row))
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let rows: Vec<Row> = rows.into_iter().map(|(_, r)| r).collect();
        let title = loc.text("glossary-title");
        let base = self.generated_context(data, locale, GLOSSARY_PAGE, "glossary", title);
        let ctx = context! {
            terms => Value::from(minijinja::value::Serde(&rows)),
            ..base
        };
        self.env
            .get_template(GLOSSARY_PAGE)
            .and_then(|t| t.render(ctx))
            .map_err(template_error)
    }

    /// Every shown locale's glossary page, (locale, HTML), in course order;
    /// none when the course has no glossary.
    pub fn glossary_pages(&self) -> Result<Vec<(String, String)>, Diagnostic> {
        if !self.has_glossary() {
            return Ok(Vec::new());
        }
        self.shown
            .iter()
            .map(|l| self.glossary_page(l).map(|h| (l.to_string(), h)))
            .collect()
    }
}

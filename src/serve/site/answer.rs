//! Answering a request: the file at a path of the site ([`Found`]), and
//! every path the site has.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use super::Site;

// `/_status/`: the translation dashboard, made afresh on each request.
#[path = "status.rs"]
mod status;
use crate::markdown::links::page_output;
use crate::render::Renderer;

/// What a request asks for.
pub enum Found {
    Bytes(Vec<u8>),
    /// A file beside the pages, read from disk.
    File(PathBuf),
    /// The locale's search index, built apart (see [`Site::search_job`]).
    SearchIndex(String),
    /// A template failed: the diagnostic, as text.
    Failed(String),
    Missing,
}

impl Site {
    /// Whether the site has pages in `locale` (only then it has its search files).
    fn has_pages(&self, locale: &str) -> bool {
        self.course.page_keys().iter().any(|k| {
            self.course
                .resolve_page(locale, k)
                .is_some_and(|p| self.bodies.site.contains_key(&p.id()))
        })
    }

    /// Every path the site has, as `build` would write them.
    pub fn paths(&self) -> Vec<String> {
        let mut out = BTreeSet::new();
        out.insert("index.html".to_string());
        for name in self.theme.statics.keys() {
            out.insert(format!("static/{name}"));
        }
        for l in self.course.locale_tags() {
            for key in self.course.page_keys() {
                if self
                    .course
                    .resolve_page(l, key)
                    .is_some_and(|p| self.bodies.site.contains_key(&p.id()))
                {
                    out.insert(format!("{l}/{}", page_output(key)));
                }
            }
            if self.has_pages(l) {
                out.insert(format!("{l}/search.html"));
                out.insert(format!("{l}/results.html"));
                out.insert(format!("{l}/search-index.js"));
                if self
                    .course
                    .glossary
                    .as_ref()
                    .is_some_and(|g| !g.terms.is_empty())
                {
                    out.insert(format!("{l}/glossary.html"));
                }
            }
        }
        for (l, path) in self.assets().keys() {
            out.insert(format!("{l}/{path}"));
        }
        out.into_iter().collect()
    }

    /// The files that no page edit changes: the chooser and the theme's
    /// static files.
    pub fn fixed_files(&self) -> HashMap<String, Arc<Vec<u8>>> {
        let mut out: HashMap<String, Arc<Vec<u8>>> = self
            .theme
            .statics
            .iter()
            .map(|(name, b)| (format!("static/{name}"), Arc::new(b.clone())))
            .collect();
        out.insert(
            "index.html".to_string(),
            Arc::new(self.chooser.clone().into_bytes()),
        );
        out
    }

    /// The file at `path` (inside the site folder, with `/`).
    pub fn get(&self, path: &str) -> Found {
        self.answer(None, path)
    }

    /// [`Site::get`] with this version's renderer, if made already.
    pub fn answer(&self, renderer: Option<&Renderer<'_>>, path: &str) -> Found {
        if path == "index.html" {
            return Found::Bytes(self.chooser.clone().into_bytes());
        }
        // No locale is called `_status` (tags start with a letter), and
        // `build` writes no such folder: only `serve` answers it.
        if path == "_status/index.html" || path == "_status" {
            return Found::Bytes(self.status_page().into_bytes());
        }
        if let Some(name) = path.strip_prefix("static/") {
            return match self.theme.statics.get(name) {
                Some(b) => Found::Bytes(b.clone()),
                None => Found::Missing,
            };
        }
        let Some((locale, rest)) = path.split_once('/') else {
            return Found::Missing;
        };
        if self.course.config.locale(locale).is_none() {
            return Found::Missing;
        }
        // Files beside the pages come last in a built site: they win. (Only
        // a file of the course can be one: the others need not be looked up.)
        if self.course.resolve_asset(locale, rest).is_some()
            && let Some(file) = self.assets().get(&(locale.to_string(), rest.to_string()))
        {
            return Found::File(file.clone());
        }
        if rest == "search-index.js" && self.has_pages(locale) {
            return Found::SearchIndex(locale.to_string());
        }
        if rest == "search.html" && self.has_pages(locale) {
            return match self.search_page(renderer, locale) {
                Ok(html) => Found::Bytes(html.into_bytes()),
                Err(d) => Found::Failed(d.render()),
            };
        }
        if rest == "results.html" && self.has_pages(locale) {
            return match self.with_renderer(renderer, |r| r.results_page(locale)) {
                Ok(html) => Found::Bytes(html.into_bytes()),
                Err(d) => Found::Failed(d.render()),
            };
        }
        if rest == "glossary.html"
            && self.has_pages(locale)
            && self
                .course
                .glossary
                .as_ref()
                .is_some_and(|g| !g.terms.is_empty())
        {
            return match self.with_renderer(renderer, |r| r.glossary_page(locale)) {
                Ok(html) => Found::Bytes(html.into_bytes()),
                Err(d) => Found::Failed(d.render()),
            };
        }
        let Some(i) = rest
            .strip_suffix(".html")
            .and_then(|stem| self.numbers.get(&format!("{stem}.md")))
        else {
            return Found::Missing;
        };
        let page = match renderer {
            Some(r) => r.page(locale, *i),
            None => self.renderer().and_then(|r| r.page(locale, *i)),
        };
        match page {
            Ok(Some(out)) => Found::Bytes(out.page.html.into_bytes()),
            Ok(None) => Found::Missing,
            Err(d) => Found::Failed(d.render()),
        }
    }
}

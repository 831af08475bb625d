//! A locale's search index: its version (which changes whenever the index
//! would), its page, and what it is built from ([`SearchJob`]), copied so
//! that it is built without holding the site.

use std::sync::atomic::{AtomicU64, Ordering};

use super::Site;
use crate::diag::Diagnostic;
use crate::render::Renderer;

/// Numbers the versions of search indexes, across every `Site` loaded.
static VERSION: AtomicU64 = AtomicU64::new(1);

pub(super) fn next_version() -> u64 {
    VERSION.fetch_add(1, Ordering::Relaxed)
}

impl Site {
    /// The version of a locale's search index: it changes whenever the index would.
    pub fn search_version(&self, locale: &str) -> u64 {
        self.search_versions.get(locale).copied().unwrap_or(0)
    }

    /// Run `f` with this version's renderer, made now if not given.
    pub(super) fn with_renderer<T>(
        &self,
        renderer: Option<&Renderer<'_>>,
        f: impl FnOnce(&Renderer<'_>) -> Result<T, Diagnostic>,
    ) -> Result<T, Diagnostic> {
        match renderer {
            Some(r) => f(r),
            None => f(&self.renderer()?),
        }
    }

    pub(super) fn search_page(
        &self,
        renderer: Option<&Renderer<'_>>,
        locale: &str,
    ) -> Result<String, Diagnostic> {
        self.with_renderer(renderer, |r| {
            let count = (0..r.keys().len())
                .filter(|i| r.search_input(locale, *i).is_some())
                .count();
            r.search_page(locale, count)
        })
    }

    /// What the search index of `locale` is built from, copied, so that it
    /// is built without holding the site.
    pub fn search_job(
        &self,
        renderer: Option<&Renderer<'_>>,
        locale: &str,
    ) -> Result<SearchJob, Diagnostic> {
        self.with_renderer(renderer, |r| {
            let pages = (0..r.keys().len())
                .filter_map(|i| r.search_input(locale, i))
                .map(|p| SearchInput {
                    href: p.href,
                    title: p.title,
                    description: p.description,
                    module: p.module,
                    content_lang: p.content_lang,
                    html: p.html.to_string(),
                })
                .collect();
            Ok(SearchJob {
                locale: locale.to_string(),
                modules: r.module_titles(locale),
                pages,
            })
        })
    }
}

/// A page's search input, owned.
struct SearchInput {
    href: String,
    title: String,
    description: Option<String>,
    module: Option<usize>,
    content_lang: Option<String>,
    html: String,
}

impl SearchInput {
    fn input(&self) -> crate::search::PageInput<'_> {
        crate::search::PageInput {
            href: self.href.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            module: self.module,
            content_lang: self.content_lang.clone(),
            html: &self.html,
        }
    }
}

/// A locale's search index to build.
pub struct SearchJob {
    locale: String,
    modules: Vec<String>,
    pages: Vec<SearchInput>,
}

impl SearchJob {
    /// `search-index.js`.
    pub fn build(self) -> Vec<u8> {
        let inputs = self.pages.iter().map(SearchInput::input).collect();
        crate::search::build(&self.locale, &self.modules, inputs)
            .js
            .into_bytes()
    }
}

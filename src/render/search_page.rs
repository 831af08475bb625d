//! A locale's search page, and what its search index takes from each page.

use crate::msg;
use minijinja::context;
use minijinja::value::Value;

use super::*;
use crate::course::{Course, HOME};
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::i18n::Localizer;
use crate::markdown::links::page_output;

/// What the search index of `locale` takes from the page shown for `key`.
pub(super) fn search_input<'a>(
    course: &Course,
    locale: &str,
    key: &str,
    page: &crate::course::Page,
    body: &'a Body,
) -> crate::search::PageInput<'a> {
    crate::search::PageInput {
        href: page_output(key),
        title: page.front.title.clone(),
        description: page.front.description.clone(),
        module: page
            .module()
            .and_then(|m| course.modules.iter().position(|x| x.name == m)),
        content_lang: (page.locale != locale).then(|| page.locale.clone()),
        html: &body.html,
    }
}

/// The search page's texts, pre-formatted by Fluent for every count (plurals),
/// with `{query}` where the query goes.
pub(super) fn search_strings(loc: &Localizer, pages: usize) -> serde_json::Value {
    let results: Vec<String> = (0..=pages)
        .map(|count| {
            let args = crate::i18n::args(&[("count", count.into()), ("query", "{query}".into())]);
            loc.text_with("search-results", &args)
        })
        .collect();
    let none = loc.text_with(
        "search-none",
        &crate::i18n::args(&[("query", "{query}".into())]),
    );
    serde_json::json!({
        "results": results,
        "none": none,
        "empty": loc.text("search-empty"),
        "title": loc.text_with("search-page-title", &crate::i18n::args(&[("query", "{query}".into())])),
    })
}

impl<'a> Renderer<'a> {
    /// What the search index of `locale` takes from page number `i`, without
    /// rendering the page (`serve` builds an index apart).
    pub fn search_input(&self, locale: &str, i: usize) -> Option<crate::search::PageInput<'a>> {
        let key: &'a str = self.keys.get(i)?;
        let page = self.course.resolve_page(locale, key)?;
        let body = self.bodies.get(&page.id())?;
        Some(search_input(self.course, locale, key, page, body))
    }

    /// A locale's search page and index, from its pages' search inputs (in
    /// reading order); `sharding` says when its index is sharded.
    pub fn search(
        &self,
        locale: &str,
        pages: Vec<crate::search::PageInput<'_>>,
        sharding: crate::search::Sharding,
    ) -> Result<RenderedSearch, Diagnostic> {
        self.search_finish(locale, crate::search::read(locale, pages), sharding)
    }

    /// The second half of [`Renderer::search`]: the index and search page
    /// from the locale's pages read.
    pub(crate) fn search_finish(
        &self,
        locale: &str,
        read: crate::search::Read<'_>,
        sharding: crate::search::Sharding,
    ) -> Result<RenderedSearch, Diagnostic> {
        let page_count = read.len();
        let index = crate::search::assemble_sharded(read, &self.module_titles(locale), sharding);
        let html = self.search_page(locale, page_count)?;
        Ok(RenderedSearch {
            locale: locale.to_string(),
            html,
            index,
        })
    }

    /// The module titles a locale's search index shows.
    pub fn module_titles(&self, locale: &str) -> Vec<String> {
        let no_titles = Titles::default();
        let titles = self.locale_data(locale).map_or(&no_titles, |d| &d.titles);
        self.course
            .modules
            .iter()
            .map(|m| module_shown(titles, m).0.to_string())
            .collect()
    }

    /// The data of a locale the course shows, or an error naming it.
    pub(super) fn shown_locale(&self, locale: &str) -> Result<&LocaleData<'a>, Diagnostic> {
        self.locale_data(locale).ok_or_else(|| {
            Diagnostic::error(Code::Locale, msg!("content-no-locale", locale = locale))
        })
    }

    /// The template context of a page darslik makes in each locale
    /// (`search.html`, `results.html`): no module, no body, the course's
    /// contents, and language links to the same page in every shown locale.
    /// The caller adds what its template needs.
    pub(super) fn generated_context(
        &self,
        data: &LocaleData<'a>,
        locale: &str,
        file: &str,
        kind: &str,
        title: String,
    ) -> Value {
        let loc = &data.loc;
        let root = "../";
        let languages: Vec<Lang> = self
            .shown
            .iter()
            .map(|&l| Lang {
                tag: l.to_string(),
                name: data.names.get(l).cloned().unwrap_or_default(),
                href: format!("{root}{l}/{file}"),
                current: l == locale,
            })
            .collect();
        context! {
            ui_lang => locale,
            lang => locale,
            course => self.course_ctx(loc),
            page => context! {
                kind => kind,
                key => file,
                title => title,
                description => Value::from(()),
                content => Value::from_safe_string(String::new()),
                fallback => false,
                fallback_language => "",
                toc => Vec::<Value>::new(),
                answer_key => Vec::<Value>::new(),
                number => self.keys.len(),
            },
            module => Value::from(()),
            summary => Value::from(()),
            progress => Vec::<Value>::new(),
            modules => Value::from(minijinja::value::Serde(&nav_modules(self.course, &data.titles, HOME))),
            prev => Value::from(()),
            next => Value::from(()),
            languages => Value::from(minijinja::value::Serde(&languages)),
            root => root,
            home => page_output(HOME),
            chooser => format!("{root}index.html#choose"),
            search => "search.html",
            static_root => format!("{root}static/"),
            t => t_function(loc.clone()),
        }
    }

    /// `<locale>/search.html` alone, for a locale of `page_count` pages.
    pub fn search_page(&self, locale: &str, page_count: usize) -> Result<String, Diagnostic> {
        let data = self.shown_locale(locale)?;
        let loc = &data.loc;
        let base = self.generated_context(
            data,
            locale,
            "search.html",
            "search",
            loc.text("search-title"),
        );
        let ctx = context! {
            search_strings => Value::from_safe_string(script_json(&search_strings(loc, page_count))),
            ..base
        };
        self.env
            .get_template("search.html")
            .and_then(|t| t.render(ctx))
            .map_err(template_error)
    }
}

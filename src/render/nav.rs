//! The contents list: titles a locale shows, the modules and the open
//! module's pages, made once per locale and folder.

use std::sync::Arc;

use minijinja::value::Value;
use serde::Serialize;

use super::*;
use crate::course::{Course, HOME};
use crate::markdown::links::{page_output, relative};

#[derive(Serialize)]
pub(super) struct NavPage<'t> {
    pub(super) title: &'t str,
    pub(super) href: String,
    pub(super) current: bool,
    pub(super) lang: Option<&'t str>,
}

#[derive(Serialize)]
pub(super) struct NavModule<'t> {
    pub(super) name: &'t str,
    pub(super) title: &'t str,
    pub(super) href: String,
    pub(super) current: bool,
    pub(super) open: bool,
    pub(super) lang: Option<&'t str>,
    pub(super) pages: Vec<NavPage<'t>>,
    /// Its pages as progress counts them: the landing page and the rest
    /// (progress.js, SCORM progress_measure).
    pub(super) total: usize,
}

#[derive(Serialize)]
pub(super) struct Lang {
    pub(super) tag: String,
    pub(super) name: String,
    pub(super) href: String,
    pub(super) current: bool,
}

#[derive(Serialize)]
pub(super) struct Link {
    pub(super) title: String,
    pub(super) href: String,
}

/// What links and the contents show of a page in a locale: the title of
/// the page shown for it (through the fallbacks), and that page's language
/// when it is not the locale's.
pub(super) struct Shown<'a> {
    pub(super) title: &'a str,
    pub(super) lang: Option<&'a str>,
}

/// Every page key of a course → what a locale shows of it (pages the
/// locale cannot show, even through its fallbacks, are left out). Made
/// once per locale: a page's contents list names a hundred pages.
pub(super) type Titles<'a> = crate::search::normalize::FastMap<&'a str, Shown<'a>>;

pub(super) fn titles<'a>(course: &'a Course, locale: &str, keys: &[&'a str]) -> Titles<'a> {
    let mut out: Titles<'a> = Titles::default();
    let modules = course.modules.iter().map(|m| m.index.as_str());
    for k in keys.iter().copied().chain(modules) {
        if let Some(p) = course.resolve_page(locale, k) {
            out.insert(
                k,
                Shown {
                    title: &p.front.title,
                    lang: (p.locale != locale).then_some(p.locale.as_str()),
                },
            );
        }
    }
    out
}

/// A module's title and language in a locale: its landing page's (its
/// folder name when the locale cannot show that page).
pub(super) fn module_shown<'t>(
    titles: &Titles<'t>,
    m: &'t crate::course::Module,
) -> (&'t str, Option<&'t str>) {
    titles
        .get(m.index.as_str())
        .map_or((m.name.as_str(), None), |s| (s.title, s.lang))
}

/// Is page `key` inside module `m`'s folder?
pub(super) fn in_module(key: &str, m: &crate::course::Module) -> bool {
    key.strip_prefix(m.name.as_str())
        .is_some_and(|rest| rest.starts_with('/'))
}

/// The modules, and the pages of the open one, as the contents show them
/// from page `key`.
pub(super) fn nav_modules<'t>(
    course: &'t Course,
    titles: &Titles<'t>,
    key: &str,
) -> Vec<NavModule<'t>> {
    let href = |k: &str| relative(key, &page_output(k));
    course
        .modules
        .iter()
        .map(|m| {
            let (title, lang) = module_shown(titles, m);
            let in_module = in_module(key, m);
            NavModule {
                name: &m.name,
                title,
                href: href(&m.index),
                current: key == m.index,
                open: in_module,
                lang,
                // The pages of the open module (all of them on the home
                // page): the contents show no others, and listing every
                // page on every page costs time on courses of thousands.
                pages: m
                    .pages
                    .iter()
                    .filter(|_| in_module || key == HOME)
                    .filter_map(|p| {
                        titles.get(p.as_str()).map(|s| NavPage {
                            title: s.title,
                            href: href(p),
                            current: p == key,
                            lang: s.lang,
                        })
                    })
                    .collect(),
                total: 1 + m.pages.len(),
            }
        })
        .collect()
}

/// The contents list seen from the pages of one folder: each module closed
/// (as every page outside it shows it), and for the module the folder is
/// in, each of its pages as a link (not current, and current).
pub(super) struct NavParts {
    pub(super) closed: Vec<Value>,
    pub(super) open: Option<OpenModule>,
}

pub(super) struct OpenModule {
    /// Position in the module list.
    pub(super) at: usize,
    pub(super) name: Value,
    pub(super) title: Value,
    pub(super) href: Value,
    pub(super) lang: Value,
    pub(super) index: String,
    pub(super) links: Arc<ModuleLinks>,
    pub(super) total: usize,
}

/// Each page of a module as a link of the contents: its key, the link as
/// a template value and as a list item (`<li><a href="…">title</a></li>`),
/// each not current and current (`aria-current`).
#[derive(Debug)]
pub(super) struct ModuleLinks {
    pub(super) keys: Vec<String>,
    pub(super) values: Vec<[Value; 2]>,
    pub(super) items: Vec<[String; 2]>,
}

/// `modules[].pages` of the open module: its pages' links, the page shown
/// marked current; a sequence read from the links made once per folder
/// (not a hundred values copied for each page of a large module).
#[derive(Debug)]
pub(super) struct PageLinks {
    pub(super) links: Arc<ModuleLinks>,
    pub(super) current: Option<usize>,
}

impl minijinja::value::Object for PageLinks {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let i = key.as_usize()?;
        let pair = self.links.values.get(i)?;
        Some(pair[usize::from(Some(i) == self.current)].clone())
    }

    fn enumerate(self: &Arc<Self>) -> minijinja::value::Enumerator {
        minijinja::value::Enumerator::Seq(self.links.values.len())
    }
}

/// `modules[].page_list` of the open module: its pages as list items, one
/// a line, the page shown marked current; written into the page as they
/// are (HTML). The default theme's contents list uses it: the same links as
/// a template loop over `pages`, from pieces made once per folder instead
/// of a hundred items of a template on each page of a large module.
#[derive(Debug)]
pub(super) struct PageList {
    pub(super) links: Arc<ModuleLinks>,
    pub(super) current: Option<usize>,
}

impl PageList {
    pub(super) fn write_to(&self, out: &mut impl std::fmt::Write) -> std::fmt::Result {
        for (i, item) in self.links.items.iter().enumerate() {
            out.write_char('\n')?;
            out.write_str(&item[usize::from(Some(i) == self.current)])?;
        }
        Ok(())
    }
}

impl minijinja::value::Object for PageList {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_to(f)
    }
}

/// A page's link as an item of the contents list (as `layout.html` wrote
/// it in its loop over `pages`).
pub(super) fn list_item(page: &NavPage<'_>) -> String {
    let mut out = String::with_capacity(page.href.len() + page.title.len() + 48);
    out.push_str("<li><a href=\"");
    let _ = escape_html_to(&mut out, &page.href);
    out.push('"');
    if page.current {
        out.push_str(" aria-current=\"page\"");
    }
    if let Some(lang) = page.lang {
        out.push_str(" lang=\"");
        let _ = escape_html_to(&mut out, lang);
        out.push('"');
    }
    out.push('>');
    let _ = escape_html_to(&mut out, page.title);
    out.push_str("</a></li>");
    out
}

impl<'a> Renderer<'a> {
    /// The contents list from page `key`, as a template value: the value of
    /// [`nav_modules`], with what depends only on the page's folder made
    /// once per locale and folder (each page of a module lists all the
    /// module's pages).
    pub(super) fn nav_value(&self, data: &LocaleData<'a>, key: &str) -> Value {
        let course = self.course;
        let Some((dir, _)) = key.rsplit_once('/').filter(|_| key != HOME) else {
            return Value::from(minijinja::value::Serde(&nav_modules(
                course,
                &data.titles,
                key,
            )));
        };
        let made = || Arc::new(self.nav_parts(data, key));
        let parts = match data.nav.lock() {
            Ok(mut cache) => cache.entry(dir.to_string()).or_insert_with(made).clone(),
            Err(_) => made(),
        };
        let mut modules = parts.closed.clone();
        if let Some(open) = &parts.open {
            let current = open.links.keys.iter().position(|k| k == key);
            let pages = PageLinks {
                links: open.links.clone(),
                current,
            };
            let page_list = PageList {
                links: open.links.clone(),
                current,
            };
            modules[open.at] = minijinja::context! {
                name => open.name.clone(),
                title => open.title.clone(),
                href => open.href.clone(),
                current => open.index == key,
                open => true,
                lang => open.lang.clone(),
                pages => Value::from_object(pages),
                page_list => Value::from_object(page_list),
                total => open.total,
            };
        }
        Value::from(modules)
    }

    /// [`NavParts`] for the folder of page `key` (not the home page).
    pub(super) fn nav_parts(&self, data: &LocaleData<'a>, key: &str) -> NavParts {
        let course = self.course;
        let titles = &data.titles;
        let href = |k: &str| relative(key, &page_output(k));
        let mut closed = Vec::with_capacity(course.modules.len());
        let mut open = None;
        for (at, m) in course.modules.iter().enumerate() {
            let (title, lang) = module_shown(titles, m);
            closed.push(Value::from(minijinja::value::Serde(&NavModule {
                name: &m.name,
                title,
                href: href(&m.index),
                current: false,
                open: false,
                lang,
                pages: Vec::new(),
                total: 1 + m.pages.len(),
            })));
            if in_module(key, m) {
                let mut links = ModuleLinks {
                    keys: Vec::with_capacity(m.pages.len()),
                    values: Vec::with_capacity(m.pages.len()),
                    items: Vec::with_capacity(m.pages.len()),
                };
                for p in &m.pages {
                    let Some(s) = titles.get(p.as_str()) else {
                        continue;
                    };
                    let link = |current| NavPage {
                        title: s.title,
                        href: href(p),
                        current,
                        lang: s.lang,
                    };
                    let (plain, current) = (link(false), link(true));
                    links.keys.push(p.clone());
                    links.values.push([
                        Value::from(minijinja::value::Serde(&plain)),
                        Value::from(minijinja::value::Serde(&current)),
                    ]);
                    links.items.push([list_item(&plain), list_item(&current)]);
                }
                open = Some(OpenModule {
                    at,
                    name: Value::from(m.name.as_str()),
                    title: Value::from(title),
                    href: Value::from(href(&m.index)),
                    lang: Value::from(lang),
                    index: m.index.clone(),
                    links: Arc::new(links),
                    total: 1 + m.pages.len(),
                });
            }
        }
        NavParts { closed, open }
    }
}

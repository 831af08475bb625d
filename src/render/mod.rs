//! Render the course with the theme's minijinja templates (autoescape on):
//! one HTML document per page and locale, and the language chooser. The
//! result is plain data shared by every output (site, SCORM, bundle, single).

pub mod doc;
pub mod theme;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, context};
use serde::Serialize;

use crate::course::{Course, HOME};
use crate::diag::Diagnostic;
use crate::i18n::{Localizer, Messages};
use crate::markdown::Heading;
use crate::markdown::links::{AssetUse, page_output, relative, up_to_locale_root};
pub use theme::Theme;

/// Rendered HTML, safe to write into a page as it is: a template value
/// made once from the renderer's string and shared (not copied) by every
/// page and document that shows it. Reads as a `&str`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SafeHtml(Value);

impl SafeHtml {
    pub fn new(html: String) -> Self {
        SafeHtml(Value::from_safe_string(html))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str().unwrap_or("")
    }

    /// The template value (a cheap copy of a shared string).
    pub fn value(&self) -> Value {
        self.0.clone()
    }
}

impl std::ops::Deref for SafeHtml {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// A page body rendered from its Markdown file, shared by every locale that shows it.
#[derive(Debug, Clone)]
pub struct Body {
    pub html: SafeHtml,
    pub headings: Vec<Heading>,
    pub assets: Vec<AssetUse>,
    /// The page's knowledge-check questions, in order.
    pub questions: Vec<crate::markdown::quiz::Question>,
    /// A quiz block of the page could not be read (its errors are reported).
    pub quiz_errors: bool,
}

/// Page bodies rendered for every output from one parse per file.
#[derive(Debug, Default)]
pub struct Bodies {
    /// (content locale, key) → the page body for the static site.
    pub site: BTreeMap<(String, String), Body>,
    /// (viewing locale, key) → the body inside a module document (SCORM,
    /// single file), with ids prefixed per locale and page.
    pub docs: doc::DocBodies,
}

/// One finished HTML document.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// The locale whose site it belongs to.
    pub locale: String,
    /// The locale of the text shown (differs on fallback pages).
    pub content_locale: String,
    pub key: String,
    /// Path inside the site folder: `en/module-06/01-act.html`.
    pub path: String,
    pub title: String,
    pub html: String,
}

/// Everything the outputs need.
#[derive(Debug, Clone, Default)]
pub struct RenderedCourse {
    pub pages: Vec<RenderedPage>,
    /// `index.html`: the language chooser.
    pub chooser: String,
    /// The theme's static files, under `static/`.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// (site folder of the locale, path inside it) → file on disk.
    pub assets: BTreeMap<(String, String), std::path::PathBuf>,
    /// Each locale's search page and index (static site only).
    pub search: Vec<RenderedSearch>,
}

/// `<locale>/search.html` and `<locale>/search-index.js`.
#[derive(Debug, Clone)]
pub struct RenderedSearch {
    pub locale: String,
    pub html: String,
    pub index: crate::search::SearchIndex,
}

const ENDONYMS: &[(&str, &str)] = &[
    ("en", "English"),
    ("ru", "Русский"),
    ("uz", "Oʻzbekcha"),
    ("uz-Latn", "Oʻzbekcha"),
    ("uz-Cyrl", "Ўзбекча"),
    ("kaa", "Qaraqalpaqsha"),
    ("kk", "Қазақша"),
    ("ky", "Кыргызча"),
    ("tg", "Тоҷикӣ"),
    ("tk", "Türkmençe"),
];

/// The name of a language in itself: the locale's own `language-name`
/// message, else a built-in list, else the tag.
pub fn endonym(messages: &Messages, locale: &str) -> String {
    if messages.has_own(locale, "language-name") {
        return messages.localizer(locale).text("language-name");
    }
    ENDONYMS
        .iter()
        .find(|(t, _)| *t == locale)
        .map_or_else(|| locale.to_string(), |(_, n)| (*n).to_string())
}

#[derive(Serialize)]
struct NavPage<'t> {
    title: &'t str,
    href: String,
    current: bool,
    lang: Option<&'t str>,
}

#[derive(Serialize)]
struct NavModule<'t> {
    name: &'t str,
    title: &'t str,
    href: String,
    current: bool,
    open: bool,
    lang: Option<&'t str>,
    pages: Vec<NavPage<'t>>,
}

#[derive(Serialize)]
struct Lang {
    tag: String,
    name: String,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct Link {
    title: String,
    href: String,
}

fn t_function(loc: Localizer) -> Value {
    Value::from_function(
        move |id: String, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let mut args = fluent_bundle::FluentArgs::new();
            for key in kwargs.args() {
                let v: Value = kwargs.get(key)?;
                if let Some(n) = v.as_i64() {
                    args.set(key.to_string(), n);
                } else if let Ok(f) = f64::try_from(v.clone()) {
                    args.set(key.to_string(), f);
                } else {
                    args.set(key.to_string(), v.to_string());
                }
            }
            let args = if args.iter().next().is_some() {
                Some(&args)
            } else {
                None
            };
            loc.lookup(&id, args)
                .map(|(text, _)| text)
                .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e))
        },
    )
}

pub fn environment(theme: &Theme) -> Result<Environment<'static>, Diagnostic> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // HTML-escape strings, but leave `/` alone so hrefs stay readable.
    // A module's page list (already HTML) is written as it is.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(s) if !value.is_safe() && *state.auto_escape() == minijinja::AutoEscape::Html => {
            escape_html_to(out, s).map_err(minijinja::Error::from)
        }
        _ => match value.downcast_object_ref::<PageList>() {
            Some(list) => list.write_to(out).map_err(minijinja::Error::from),
            None => minijinja::escape_formatter(out, state, value),
        },
    });
    for (name, source) in &theme.templates {
        env.add_template_owned(name.clone(), source.clone())
            .map_err(template_error)?;
    }
    Ok(env)
}

pub(crate) fn template_error(e: minijinja::Error) -> Diagnostic {
    // An error inside an include or a macro comes wrapped ("could not
    // render include: error in header.html"); the innermost error names the
    // file, the line and what went wrong.
    let mut inner = &e;
    while let Some(next) =
        std::error::Error::source(inner).and_then(|s| s.downcast_ref::<minijinja::Error>())
    {
        inner = next;
    }
    let what = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    let Some(name) = inner.name().or(e.name()).map(str::to_string) else {
        // No template to name (one that is missing, say).
        return Diagnostic::error("theme-template", format!("theme templates: {what}"))
            .in_file("themes/…/templates/")
            .hint("a theme's templates/ folder overrides the built-in theme's files of the same name; check the names");
    };
    let line = inner.line().or(e.line());
    let mut message = match line {
        Some(l) => format!("theme template {name}, line {l}: {what}"),
        None => format!("theme template {name}: {what}"),
    };
    if !std::ptr::eq(inner, &e)
        && let (Some(outer), Some(outer_line)) = (e.name(), e.line())
    {
        message.push_str(&format!(" (included from {outer}, line {outer_line})"));
    }
    let mut d = Diagnostic::error("theme-template", message)
        .in_file(format!("themes/…/templates/{name}"))
        .hint("fix the template; the built-in theme's templates show the variables available");
    d.line = line;
    d
}

/// JSON that is safe inside an HTML `<script>` element.
pub fn script_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// What progress.js needs to know about a module in one locale: its pages,
/// its questions (identities shared by every locale) and the texts it shows,
/// pre-formatted by Fluent for every count so plurals are right.
pub(crate) fn module_progress(
    course: &Course,
    locale: &str,
    loc: &Localizer,
    bodies: &BTreeMap<(String, String), Body>,
    module: &crate::course::Module,
) -> serde_json::Value {
    let mut keys: Vec<&str> = vec![module.index.as_str()];
    keys.extend(module.pages.iter().map(String::as_str));
    let mut qids = Vec::new();
    for key in &keys {
        if let Some(page) = course.resolve_page(locale, key)
            && let Some(body) = bodies.get(&(page.locale.clone(), page.key.clone()))
        {
            let base = key.trim_end_matches(".md");
            for i in 0..body.questions.len() {
                qids.push(crate::markdown::quiz::question_id(base, i + 1));
            }
        }
    }
    let fmt = |id: &str, pairs: &[(&str, fluent_bundle::FluentValue<'_>)]| {
        let args = crate::i18n::args(pairs);
        loc.text_with(id, &args)
    };
    let pages_text: Vec<String> = (0..=keys.len())
        .map(|k| {
            fmt(
                "progress-pages",
                &[("seen", k.into()), ("total", keys.len().into())],
            )
        })
        .collect();
    let score_text: Vec<String> = (0..=qids.len())
        .map(|k| {
            fmt(
                "quiz-score",
                &[
                    ("correct", k.into()),
                    ("total", qids.len().into()),
                    ("percent", "{percent}".into()),
                ],
            )
        })
        .collect();
    let mastery = course.config.mastery_score();
    serde_json::json!({
        "module": module.name,
        "pages": keys,
        "qids": qids,
        "mastery": mastery,
        "t": {
            "pages": pages_text,
            "score": score_text,
            "passed": fmt("quiz-passed", &[("mastery", mastery.into())]),
            "failed": fmt("quiz-failed", &[("mastery", mastery.into())]),
            "unanswered": fmt("quiz-unanswered", &[("total", qids.len().into())]),
            "home_score": fmt("progress-score", &[("percent", "{percent}".into())]),
            "completed": loc.text("progress-completed"),
        }
    })
}

/// The right answers as letters, for the printed worksheet's last page:
/// `[{n: 1, answer: "b"}, {n: 2, answer: "a, c"}]`.
pub fn answer_key(questions: &[crate::markdown::quiz::Question]) -> Vec<serde_json::Value> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let letters: Vec<String> = q
                .correct_indices()
                .iter()
                .map(|j| char::from(b'a' + (*j as u8 % 26)).to_string())
                .collect();
            serde_json::json!({ "n": i + 1, "answer": letters.join(", ") })
        })
        .collect()
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let _ = escape_html_to(&mut out, s);
    out
}

/// [`escape_html`] written into `out`: the runs between special characters
/// are copied whole (most values have none).
pub fn escape_html_to(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&s[start..i])?;
        out.write_str(entity)?;
        start = i + 1;
    }
    out.write_str(&s[start..])
}

/// What links and the contents show of a page in a locale: the title of
/// the page shown for it (through the fallbacks), and that page's language
/// when it is not the locale's.
struct Shown<'a> {
    title: &'a str,
    lang: Option<&'a str>,
}

/// Every page key of a course → what a locale shows of it (pages the
/// locale cannot show, even through its fallbacks, are left out). Made
/// once per locale: a page's contents list names a hundred pages.
type Titles<'a> = crate::search::normalize::FastMap<&'a str, Shown<'a>>;

fn titles<'a>(course: &'a Course, locale: &str, keys: &[&'a str]) -> Titles<'a> {
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
fn module_shown<'t>(
    titles: &Titles<'t>,
    m: &'t crate::course::Module,
) -> (&'t str, Option<&'t str>) {
    titles
        .get(m.index.as_str())
        .map_or((m.name.as_str(), None), |s| (s.title, s.lang))
}

/// Is page `key` inside module `m`'s folder?
fn in_module(key: &str, m: &crate::course::Module) -> bool {
    key.strip_prefix(m.name.as_str())
        .is_some_and(|rest| rest.starts_with('/'))
}

/// What the search index of `locale` takes from the page shown for `key`.
fn search_input<'a>(
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

/// The modules, and the pages of the open one, as the contents show them
/// from page `key`.
fn nav_modules<'t>(course: &'t Course, titles: &Titles<'t>, key: &str) -> Vec<NavModule<'t>> {
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
            }
        })
        .collect()
}

/// The search page's texts, pre-formatted by Fluent for every count (plurals),
/// with `{query}` where the query goes.
fn search_strings(loc: &Localizer, pages: usize) -> serde_json::Value {
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

/// What every page of one locale shares: the module progress data (made
/// when a page first needs it: only home pages and modules' last pages show
/// it) and the language names.
struct LocaleData<'a> {
    locale: &'a str,
    loc: Localizer,
    progress: std::sync::OnceLock<BTreeMap<&'a str, String>>,
    names: BTreeMap<&'a str, String>,
    titles: Titles<'a>,
    /// The contents list's parts that depend only on a page's folder.
    nav: std::sync::Mutex<HashMap<String, Arc<NavParts>>>,
}

/// The contents list seen from the pages of one folder: each module closed
/// (as every page outside it shows it), and for the module the folder is
/// in, each of its pages as a link (not current, and current).
struct NavParts {
    closed: Vec<Value>,
    open: Option<OpenModule>,
}

struct OpenModule {
    /// Position in the module list.
    at: usize,
    name: Value,
    title: Value,
    href: Value,
    lang: Value,
    index: String,
    links: Arc<ModuleLinks>,
}

/// Each page of a module as a link of the contents: its key, the link as
/// a template value and as a list item (`<li><a href="…">title</a></li>`),
/// each not current and current (`aria-current`).
#[derive(Debug)]
struct ModuleLinks {
    keys: Vec<String>,
    values: Vec<[Value; 2]>,
    items: Vec<[String; 2]>,
}

/// `modules[].pages` of the open module: its pages' links, the page shown
/// marked current; a sequence read from the links made once per folder
/// (not a hundred values copied for each page of a large module).
#[derive(Debug)]
struct PageLinks {
    links: Arc<ModuleLinks>,
    current: Option<usize>,
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
struct PageList {
    links: Arc<ModuleLinks>,
    current: Option<usize>,
}

impl PageList {
    fn write_to(&self, out: &mut impl std::fmt::Write) -> std::fmt::Result {
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
fn list_item(page: &NavPage<'_>) -> String {
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

/// One page rendered: the document and the assets it uses.
pub struct PageOut {
    pub page: RenderedPage,
    pub assets: Vec<AssetUse>,
}

/// Renders pages of a course one at a time, in any order and from any
/// thread: `render` uses it for the whole course, `serve` for the page asked.
pub struct Renderer<'a> {
    course: &'a Course,
    messages: &'a Messages,
    bodies: &'a BTreeMap<(String, String), Body>,
    env: Environment<'static>,
    keys: Vec<&'a str>,
    /// The locales rendered, in course order: the ones the chooser and the
    /// language links list.
    shown: Vec<&'a str>,
    locales: Vec<LocaleData<'a>>,
}

impl<'a> Renderer<'a> {
    /// A renderer of every locale of the course.
    pub fn new(
        course: &'a Course,
        theme: &Theme,
        messages: &'a Messages,
        bodies: &'a BTreeMap<(String, String), Body>,
    ) -> Result<Self, Diagnostic> {
        let all: Vec<&str> = course.locale_tags().collect();
        Self::for_locales(course, theme, messages, bodies, &all)
    }

    /// A renderer of `locales` alone (a build with `--locale`): the course
    /// may hold others, which their pages fall back to, but no page of
    /// theirs is rendered or linked to.
    pub fn for_locales(
        course: &'a Course,
        theme: &Theme,
        messages: &'a Messages,
        bodies: &'a BTreeMap<(String, String), Body>,
        locales: &[&str],
    ) -> Result<Self, Diagnostic> {
        let env = environment(theme)?;
        // Every locale's name: a fallback page names the language it shows.
        let names: BTreeMap<&str, String> = course
            .locale_tags()
            .map(|l| (l, endonym(messages, l)))
            .collect();
        let keys = course.page_keys();
        let shown: Vec<&'a str> = course
            .locale_tags()
            .filter(|l| locales.contains(l))
            .collect();
        let locales = shown
            .iter()
            .map(|&locale| LocaleData {
                locale,
                loc: messages.localizer(locale),
                progress: std::sync::OnceLock::new(),
                names: names.clone(),
                titles: titles(course, locale, &keys),
                nav: Default::default(),
            })
            .collect();
        Ok(Renderer {
            course,
            messages,
            bodies,
            env,
            keys,
            shown,
            locales,
        })
    }

    /// Every page key in reading order.
    pub fn keys(&self) -> &[&'a str] {
        &self.keys
    }

    fn course_ctx(&self, loc: &Localizer) -> Value {
        context! {
            id => self.course.config.id.clone(),
            version => self.course.config.version.clone(),
            title => loc.text("course-title"),
            description => loc.lookup("course-description", None).map(|(t, _)| t).ok(),
        }
    }

    /// The contents list from page `key`, as a template value: the value of
    /// [`nav_modules`], with what depends only on the page's folder made
    /// once per locale and folder (each page of a module lists all the
    /// module's pages).
    fn nav_value(&self, data: &LocaleData<'a>, key: &str) -> Value {
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
            };
        }
        Value::from(modules)
    }

    /// [`NavParts`] for the folder of page `key` (not the home page).
    fn nav_parts(&self, data: &LocaleData<'a>, key: &str) -> NavParts {
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
                });
            }
        }
        NavParts { closed, open }
    }

    /// Module name → its progress data in the locale, as script JSON.
    fn progress<'d>(&self, data: &'d LocaleData<'a>) -> &'d BTreeMap<&'a str, String> {
        data.progress.get_or_init(|| {
            self.course
                .modules
                .iter()
                .map(|m| {
                    let p = module_progress(self.course, data.locale, &data.loc, self.bodies, m);
                    (m.name.as_str(), script_json(&p))
                })
                .collect()
        })
    }

    fn locale_data(&self, locale: &str) -> Option<&LocaleData<'a>> {
        self.locales.iter().find(|l| l.locale == locale)
    }

    /// What the search index of `locale` takes from page number `i`, without
    /// rendering the page (`serve` builds an index apart).
    pub fn search_input(&self, locale: &str, i: usize) -> Option<crate::search::PageInput<'a>> {
        let key: &'a str = self.keys.get(i)?;
        let page = self.course.resolve_page(locale, key)?;
        let body = self.bodies.get(&(page.locale.clone(), page.key.clone()))?;
        Some(search_input(self.course, locale, key, page, body))
    }

    /// Page number `i` of [`Renderer::keys`] in `locale`; `None` when the
    /// locale has no page for it (not even through its fallbacks).
    pub fn page(&self, locale: &str, i: usize) -> Result<Option<PageOut>, Diagnostic> {
        self.page_into(locale, i, None)
    }

    /// [`Renderer::page`]; with `into`, the document is written there (as
    /// bytes, into a buffer a thread reuses) and the page's `html` is empty.
    fn page_into(
        &self,
        locale: &str,
        i: usize,
        into: Option<&mut Vec<u8>>,
    ) -> Result<Option<PageOut>, Diagnostic> {
        let course = self.course;
        let keys = &self.keys;
        let (Some(data), Some(key)) = (self.locale_data(locale), keys.get(i)) else {
            return Ok(None);
        };
        let key: &'a str = key;
        let Some(page) = course.resolve_page(locale, key) else {
            return Ok(None);
        };
        let Some(body) = self.bodies.get(&(page.locale.clone(), page.key.clone())) else {
            return Ok(None);
        };
        let loc = &data.loc;
        let names = &data.names;
        let fallback = page.locale != locale;
        let titles = &data.titles;
        let href = |k: &str| relative(key, &page_output(k));
        let modules = self.nav_value(data, key);
        let link = |k: Option<&&str>| {
            k.and_then(|k| {
                titles.get(k).map(|s| Link {
                    title: s.title.to_string(),
                    href: href(k),
                })
            })
        };
        let prev = if i == 0 { None } else { link(keys.get(i - 1)) };
        let next = link(keys.get(i + 1));
        let root = format!("{}../", up_to_locale_root(key));
        let languages: Vec<Lang> = self
            .shown
            .iter()
            .map(|&l| Lang {
                tag: l.to_string(),
                name: names.get(l).cloned().unwrap_or_default(),
                href: format!("{root}{l}/{}", page_output(key)),
                current: l == locale,
            })
            .collect();
        let module = page.module().and_then(|m| {
            course.modules.iter().find(|x| x.name == m).map(|x| {
                let (title, _) = module_shown(titles, x);
                Link {
                    title: title.to_string(),
                    href: href(&x.index),
                }
            })
        });
        let kind = if key == HOME {
            "home"
        } else if key.ends_with("/index.md") {
            "module"
        } else {
            "page"
        };
        let template = match kind {
            "home" => "home.html",
            "module" => "module.html",
            _ => "page.html",
        };
        // The module's result is summed up on its last page.
        let summary = page.module().and_then(|m| {
            let module = course.modules.iter().find(|x| x.name == m)?;
            let last = module.pages.last().unwrap_or(&module.index);
            (last == key)
                .then(|| self.progress(data).get(m).cloned())
                .flatten()
        });
        let home_progress: Vec<Value> = if key == HOME {
            course
                .modules
                .iter()
                .filter_map(|m| self.progress(data).get(m.name.as_str()))
                .map(|j| Value::from_safe_string(j.clone()))
                .collect()
        } else {
            Vec::new()
        };
        let toc: Vec<&Heading> = body.headings.iter().filter(|h| h.level <= 3).collect();
        let answer_key = answer_key(&body.questions);
        let ctx = context! {
            ui_lang => locale,
            lang => page.locale.clone(),
            course => self.course_ctx(loc),
            page => context! {
                kind => kind,
                key => key.to_string(),
                title => page.front.title.clone(),
                description => page.front.description.clone(),
                content => body.html.value(),
                fallback => fallback,
                fallback_language => names.get(page.locale.as_str()).cloned().unwrap_or_default(),
                toc => Value::from(minijinja::value::Serde(&toc)),
                answer_key => Value::from(minijinja::value::Serde(&answer_key)),
                number => i,
            },
            module => Value::from(minijinja::value::Serde(&module)),
            summary => summary.map(Value::from_safe_string),
            progress => home_progress,
            modules => modules,
            prev => Value::from(minijinja::value::Serde(&prev)),
            next => Value::from(minijinja::value::Serde(&next)),
            languages => Value::from(minijinja::value::Serde(&languages)),
            root => root.clone(),
            home => href(HOME),
            chooser => format!("{root}index.html#choose"),
            search => format!("{}search.html", up_to_locale_root(key)),
            static_root => format!("{root}static/"),
            t => t_function(loc.clone()),
        };
        let template = self.env.get_template(template).map_err(template_error)?;
        let html = match into {
            Some(buf) => {
                template
                    .render_captured_to(ctx, &mut *buf)
                    .map_err(template_error)?;
                String::new()
            }
            None => template.render(ctx).map_err(template_error)?,
        };
        Ok(Some(PageOut {
            page: RenderedPage {
                locale: locale.to_string(),
                content_locale: page.locale.clone(),
                key: key.to_string(),
                path: format!("{locale}/{}", page_output(key)),
                title: page.front.title.clone(),
                html,
            },
            assets: body.assets.clone(),
        }))
    }

    /// A locale's search page and index, from its pages' search inputs (in
    /// reading order).
    pub fn search(
        &self,
        locale: &str,
        pages: Vec<crate::search::PageInput<'_>>,
    ) -> Result<RenderedSearch, Diagnostic> {
        self.search_finish(locale, crate::search::read(locale, pages))
    }

    /// The second half of [`Renderer::search`]: the index and search page
    /// from the locale's pages read.
    fn search_finish(
        &self,
        locale: &str,
        read: crate::search::Read<'_>,
    ) -> Result<RenderedSearch, Diagnostic> {
        let page_count = read.len();
        let index = crate::search::assemble(read, &self.module_titles(locale));
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

    /// `<locale>/search.html` alone, for a locale of `page_count` pages.
    pub fn search_page(&self, locale: &str, page_count: usize) -> Result<String, Diagnostic> {
        let course = self.course;
        let Some(data) = self.locale_data(locale) else {
            return Err(Diagnostic::error(
                "locale",
                format!("no locale `{locale}` in the course"),
            ));
        };
        let loc = &data.loc;
        let root = "../".to_string();
        let languages: Vec<Lang> = self
            .shown
            .iter()
            .map(|&l| Lang {
                tag: l.to_string(),
                name: data.names.get(l).cloned().unwrap_or_default(),
                href: format!("{root}{l}/search.html"),
                current: l == locale,
            })
            .collect();
        let title = loc.text("search-title");
        let ctx = context! {
            ui_lang => locale,
            lang => locale,
            course => self.course_ctx(loc),
            page => context! {
                kind => "search",
                key => "search.html",
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
            modules => Value::from(minijinja::value::Serde(&nav_modules(course, &data.titles, HOME))),
            prev => Value::from(()),
            next => Value::from(()),
            languages => Value::from(minijinja::value::Serde(&languages)),
            root => root.clone(),
            home => page_output(HOME),
            chooser => format!("{root}index.html#choose"),
            search => "search.html",
            search_strings => Value::from_safe_string(script_json(&search_strings(loc, page_count))),
            static_root => format!("{root}static/"),
            t => t_function(loc.clone()),
        };
        self.env
            .get_template("search.html")
            .and_then(|t| t.render(ctx))
            .map_err(template_error)
    }

    /// `index.html`: the language chooser.
    pub fn chooser(&self) -> Result<String, Diagnostic> {
        let course = self.course;
        let messages = self.messages;
        let choices: Vec<_> = self
            .shown
            .iter()
            .map(|&l| {
                let loc = messages.localizer(l);
                context! {
                    tag => l,
                    name => endonym(messages, l),
                    href => format!("{l}/index.html"),
                    course_title => loc.text("course-title"),
                    prompt => loc.text("choose-language"),
                }
            })
            .collect();
        let source = messages.localizer(&course.config.source_locale);
        let ctx = context! {
            ui_lang => course.config.source_locale.clone(),
            lang => course.config.source_locale.clone(),
            course => self.course_ctx(&source),
            choices => choices,
            static_root => "static/",
            root => "",
            t => t_function(source.clone()),
        };
        self.env
            .get_template("chooser.html")
            .and_then(|t| t.render(ctx))
            .map_err(template_error)
    }

    /// Each locale's copy of the assets its pages use, following its fallback chain.
    pub fn assets(
        &self,
        used: BTreeSet<(String, AssetUse)>,
    ) -> BTreeMap<(String, String), std::path::PathBuf> {
        let mut out = BTreeMap::new();
        for (locale, a) in used {
            let site_locale = a.locale.clone().unwrap_or(locale);
            if let Some(path) = self
                .course
                .resolve_asset(&site_locale, &a.path)
                .map(|(_, p)| p.clone())
            {
                out.insert((site_locale, a.path.clone()), path);
            }
        }
        out
    }
}

/// Below this much page HTML, the locales' search indexes are built side by
/// side (above, one locale at a time, to keep memory down). The environment
/// variable `DARSLIK_SEARCH_SIDE_BY_SIDE_BELOW` (bytes) sets another limit:
/// the tests build a small course both ways, which must give the same bytes.
fn search_side_by_side_below() -> usize {
    std::env::var("DARSLIK_SEARCH_SIDE_BY_SIDE_BELOW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48 << 20)
}

/// Where each page goes as soon as it is rendered, (its path in the site,
/// its bytes): the build writes pages out instead of keeping them all in
/// memory.
pub type PageSink<'s> = &'s (dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync);

/// Render every page of `locales`, their search pages and the chooser:
/// locales and pages in parallel, the result in reading order. With a sink,
/// each page is handed to it as soon as it is rendered and only its metadata
/// kept (`html` empty).
pub fn render_to(
    course: &Course,
    theme: &Theme,
    messages: &Messages,
    bodies: &BTreeMap<(String, String), Body>,
    locales: &[&str],
    sink: Option<PageSink<'_>>,
) -> Result<RenderedCourse, Diagnostic> {
    use rayon::prelude::*;
    let r = Renderer::for_locales(course, theme, messages, bodies, locales)?;
    let locales: Vec<&str> = r.shown.clone();
    let jobs: Vec<(&str, usize)> = locales
        .iter()
        .flat_map(|l| (0..r.keys().len()).map(move |i| (*l, i)))
        .collect();
    let render_pages = || {
        jobs.par_iter()
            .map(|(l, i)| {
                let Some(sink) = sink else {
                    return r.page(l, *i);
                };
                // Each thread renders into one buffer, kept for the next page.
                thread_local! {
                    static PAGE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
                }
                PAGE.with(|buf| {
                    let mut buf = buf.borrow_mut();
                    buf.clear();
                    let out = r.page_into(l, *i, Some(&mut buf))?;
                    if let Some(p) = &out {
                        sink(&p.page.path, &buf).map_err(|e| {
                            Diagnostic::error("io", format!("cannot write {}: {e}", p.page.path))
                                .hint("is the disk full, or the output folder read-only?")
                        })?;
                    }
                    Ok(out)
                })
            })
            .collect::<Result<Vec<Option<PageOut>>, Diagnostic>>()
    };
    let inputs = |l: &str| -> Vec<crate::search::PageInput<'_>> {
        (0..r.keys().len())
            .filter_map(|i| r.search_input(l, i))
            .collect()
    };
    let text: usize = bodies.values().map(|b| b.html.len()).sum();
    let (pages, search) = if text < search_side_by_side_below() {
        // A small course: the locales' indexes side by side, while the
        // pages render.
        rayon::join(render_pages, || {
            locales
                .par_iter()
                .map(|l| r.search(l, inputs(l)))
                .collect::<Result<Vec<_>, _>>()
        })
    } else {
        // A large one, whose indexes take memory: a locale's pages are read
        // (in parallel) while the previous locale's index is assembled (on
        // one thread); the pages render beside the last assembly.
        let mut search = Vec::with_capacity(locales.len());
        let mut read: Option<(&str, crate::search::Read<'_>)> = None;
        let mut pages = None;
        let mut render_pages = Some(render_pages);
        for next in locales.iter().map(Some).chain([None]) {
            let previous = read.take();
            let finish = || previous.map(|(l, read)| r.search_finish(l, read));
            let (finished, next) = match next {
                Some(l) => rayon::join(finish, || Some((*l, crate::search::read(l, inputs(l))))),
                None => {
                    let (finished, rendered) =
                        rayon::join(finish, || render_pages.take().map(|f| f()));
                    pages = rendered;
                    (finished, None)
                }
            };
            if let Some(index) = finished {
                search.push(index);
                // That locale's working data goes before the next's.
                crate::memory::release_free_memory();
            }
            read = next;
        }
        // The last step (`next` is None) always renders the pages.
        let pages = pages.unwrap_or_else(|| Ok(Vec::new()));
        (pages, search.into_iter().collect::<Result<Vec<_>, _>>())
    };
    let pages = pages?;
    crate::timing::lap("render pages and search indexes");
    let mut out = RenderedCourse {
        statics: theme.statics.clone(),
        ..Default::default()
    };
    let mut used_assets: BTreeSet<(String, AssetUse)> = BTreeSet::new();
    for (p, (locale, _)) in pages.into_iter().zip(&jobs) {
        let Some(p) = p else { continue };
        for a in p.assets {
            used_assets.insert((locale.to_string(), a));
        }
        out.pages.push(p.page);
    }
    out.search = search?;
    out.assets = r.assets(used_assets);
    out.chooser = r.chooser()?;
    Ok(out)
}

/// Shared handle for outputs that run in parallel.
pub type Shared = Arc<RenderedCourse>;

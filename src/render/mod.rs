//! Render the course with the theme's minijinja templates (autoescape on):
//! one HTML document per page and locale, and the language chooser. The
//! result is plain data shared by every output (site, SCORM, bundle, single).

pub mod assets;
pub mod doc;
mod env;
pub(crate) mod escape;
pub(crate) mod glossary_page;
pub(crate) mod minify;
mod nav;
mod page;
mod progress;
pub(crate) mod results_page;
mod search_page;
pub mod theme;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use minijinja::Environment;
use minijinja::value::Value;

use crate::course::{Course, PageId};
use crate::i18n::{Localizer, Messages};
use crate::markdown::Heading;
use crate::markdown::links::AssetUse;
pub(crate) use env::template_error;
pub use env::{endonym, environment};
pub use escape::{escape_html, escape_html_to, script_json};
pub use progress::answer_key;
pub(crate) use progress::module_progress;
pub use theme::Theme;

use env::t_function;
use nav::{Lang, Link, NavParts, PageList, Titles, module_shown, nav_modules, titles};

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
    /// The page is a graded assessment (SPEC §7) with these settings.
    pub assessment: Option<crate::course::assessment::Settings>,
    /// The page's case scenarios (SPEC §8), in order.
    pub scenarios: Vec<ScenarioInfo>,
}

/// One ```` ```scenario ```` block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioInfo {
    /// `"<page key without .md>/s<n>"`: the same in every locale.
    pub sid: String,
    /// File line of the block's fence.
    pub line: usize,
    /// `None` when the block has errors (they are reported).
    pub scenario: Option<crate::markdown::scenario::Scenario>,
}

impl ScenarioInfo {
    /// A scenario that counts in the module's score: read, and some path
    /// earns points.
    pub fn scored(&self) -> bool {
        self.scenario.as_ref().is_some_and(|s| s.best() > 0)
    }
}

/// Page bodies rendered for every output from one parse per file.
#[derive(Debug, Default)]
pub struct Bodies {
    /// (content locale, key) → the page body for the static site.
    pub site: BTreeMap<PageId, Body>,
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
    /// Each locale's "My results" page, (locale, HTML) (static site only).
    pub results: Vec<(String, String)>,
    /// Each locale's glossary page, (locale, HTML), when the course has a
    /// glossary (static site only).
    pub glossary: Vec<(String, String)>,
}

/// `<locale>/search.html` and `<locale>/search-index.js`.
#[derive(Debug, Clone)]
pub struct RenderedSearch {
    pub locale: String,
    pub html: String,
    pub index: crate::search::SearchIndex,
}

/// Shared handle for outputs that run in parallel.
pub type Shared = Arc<RenderedCourse>;

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
    bodies: &'a BTreeMap<PageId, Body>,
    env: Environment<'static>,
    keys: Vec<&'a str>,
    /// The locales rendered, in course order: the ones the chooser and the
    /// language links list.
    shown: Vec<&'a str>,
    locales: Vec<LocaleData<'a>>,
}

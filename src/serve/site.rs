//! The course `serve` holds in memory: loaded and checked once, then changed
//! page by page. Nothing is rendered ahead: a page is rendered when it is
//! asked for, from the page bodies kept here, so its navigation (titles,
//! prev/next, the module's contents, progress) always matches the course; a
//! locale's search index is built when asked for (see [`SearchJob`]).
//!
//! Every file it answers is the same as `darslik build --format site` writes
//! for the same course.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::course::{self, Course, Page};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Messages;
use crate::markdown::links::{Anchors, Resolver, page_output};
use crate::markdown::{self, Parsed};
use crate::pipeline::{self, SiteBody};
use crate::render::Bodies;
use crate::render::{Renderer, Theme};
use crate::translit::{Exceptions, Script};

/// A page file: (locale, key).
pub type PageId = (String, String);

/// (site locale, path inside it) → the file on disk.
type AssetMap = BTreeMap<(String, String), PathBuf>;

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

/// The result of [`Site::edit`].
pub enum Edit {
    /// The pages changed.
    Applied(Applied),
    /// The course has errors now (the diagnostics as text); nothing changed.
    Failed(String),
    /// A page file cannot be read again: load the whole course.
    Reload,
}

pub struct Applied {
    /// The page files read again, and the pages generated from them.
    pub pages: Vec<PageId>,
    /// The locales whose search index changed.
    pub locales: BTreeSet<String>,
}

/// The last edit applied, until it is known to render.
struct Last {
    undo: Undo,
    wanted: BTreeSet<PageId>,
}

/// Numbers the versions of search indexes, across every `Site` loaded.
static VERSION: AtomicU64 = AtomicU64::new(1);

fn next_version() -> u64 {
    VERSION.fetch_add(1, Ordering::Relaxed)
}

pub struct Site {
    course: Course,
    theme: Theme,
    messages: Messages,
    /// The static site's page bodies (`docs` stays empty).
    bodies: Bodies,
    /// Problems no page edit changes (course.toml, folders, Fluent files);
    /// warnings only, since a course with errors is not loaded.
    fixed: Vec<Diagnostic>,
    /// Problems found reading a page file (front matter).
    read_problems: BTreeMap<PageId, Vec<Diagnostic>>,
    /// Problems found in a page's Markdown, links and quizzes.
    body_problems: BTreeMap<PageId, Vec<Diagnostic>>,
    /// Every page's heading ids.
    anchors: Anchors,
    /// Page → the pages its links with an `#anchor` go to...
    anchored: HashMap<PageId, Vec<PageId>>,
    /// ... and the other way round.
    linked_from: HashMap<PageId, BTreeSet<PageId>>,
    /// Transliteration exceptions of each generated locale.
    exceptions: HashMap<String, Exceptions>,
    /// Page key → its number in reading order.
    numbers: HashMap<String, usize>,
    chooser: String,
    /// Locale → the version of its search index.
    search_versions: HashMap<String, u64>,
    /// The files beside the pages, worked out when first asked for.
    assets: Mutex<Option<Arc<AssetMap>>>,
    /// Pages changed on disk whose changes are not applied (the course had
    /// errors with them); read again on the next edit.
    pending: BTreeSet<PageId>,
    last: Option<Last>,
}

fn id_of(page: &Page) -> PageId {
    (page.locale.clone(), page.key.clone())
}

/// A front matter problem that [`course::load`] found in a page file.
fn read_problem_page(course: &Course, d: &Diagnostic) -> Option<PageId> {
    use crate::diag::Code;
    if !matches!(
        d.code,
        Code::FrontmatterMissing | Code::FrontmatterUnterminated | Code::FrontmatterInvalid
    ) {
        return None;
    }
    let locale = d.locale.as_ref()?;
    let key = d
        .file
        .as_ref()?
        .strip_prefix("content/")?
        .strip_prefix(locale.as_str())?;
    let id = (locale.clone(), key.strip_prefix('/')?.to_string());
    course
        .pages
        .get(&id)
        .is_some_and(|p| p.generated_from.is_none())
        .then_some(id)
}

/// Bodies of parsed pages, in parallel.
fn site_bodies(
    course: &Course,
    messages: &Messages,
    resolver: &Resolver<'_>,
    parsed: &[Parsed<'_>],
) -> Vec<(PageId, SiteBody)> {
    use rayon::prelude::*;
    parsed
        .par_iter()
        .map(|p| {
            (
                id_of(p.page),
                pipeline::site_body(course, messages, resolver, p),
            )
        })
        .collect()
}

impl Site {
    /// Load, check and prepare the whole course; the diagnostics as text
    /// when it has errors.
    pub fn load(root: &Path) -> Result<Site, String> {
        let (course, theme, messages, mut diags) = pipeline::load(root).map_err(|mut d| {
            d.sort();
            d.render()
        })?;
        // The stages `build` runs: what check finds in the texts (a theme
        // message with a variable no template gives is an error here too).
        diags.extend(crate::check::texts(&course, &theme.messages));
        let mut fixed = Vec::new();
        let mut read_problems: BTreeMap<PageId, Vec<Diagnostic>> = BTreeMap::new();
        for d in diags.items {
            match read_problem_page(&course, &d) {
                Some(id) => read_problems.entry(id).or_default().push(d),
                None => fixed.push(d),
            }
        }
        let (bodies, anchors) = {
            use rayon::prelude::*;
            let parsed: Vec<Parsed<'_>> = course
                .pages
                .par_iter()
                .map(|(_, p)| markdown::parse(p))
                .collect();
            let resolver = Resolver::new(&course, &parsed);
            let bodies = site_bodies(&course, &messages, &resolver, &parsed);
            drop(resolver);
            let anchors: Anchors = parsed.into_iter().map(|p| (id_of(p.page), p.ids)).collect();
            (bodies, anchors)
        };
        let mut exceptions = HashMap::new();
        for l in &course.config.locales {
            if l.generated_from.is_some() {
                let mut ignored = Diagnostics::default();
                let ex = course::translit_exceptions(root, &l.tag, &mut ignored);
                exceptions.insert(l.tag.clone(), ex);
            }
        }
        let numbers = course
            .page_keys()
            .into_iter()
            .enumerate()
            .map(|(i, k)| (k.to_string(), i))
            .collect();
        let search_versions = course
            .locale_tags()
            .map(|l| (l.to_string(), next_version()))
            .collect();
        let mut site = Site {
            course,
            theme,
            messages,
            bodies: Bodies::default(),
            fixed,
            read_problems,
            body_problems: BTreeMap::new(),
            anchors,
            anchored: HashMap::new(),
            linked_from: HashMap::new(),
            exceptions,
            numbers,
            chooser: String::new(),
            search_versions,
            assets: Mutex::new(None),
            pending: BTreeSet::new(),
            last: None,
        };
        for (id, b) in bodies {
            site.set_body(id, b);
        }
        if let Some(text) = site.errors(true) {
            return Err(text);
        }
        let renderer = site.renderer().map_err(|d| d.render())?;
        // Every page renders (as `build` checks): a theme's template errors
        // show now, not when the page is opened.
        {
            use rayon::prelude::*;
            let locales: Vec<&str> = site.course.locale_tags().collect();
            let jobs: Vec<(&str, usize)> = locales
                .iter()
                .flat_map(|l| (0..renderer.keys().len()).map(move |i| (*l, i)))
                .collect();
            jobs.par_iter()
                .try_for_each(|(l, i)| renderer.page(l, *i).map(|_| ()))
                .map_err(|d| d.render())?;
        }
        let chooser = renderer.chooser().map_err(|d| d.render())?;
        drop(renderer);
        site.chooser = chooser;
        Ok(site)
    }

    pub fn course(&self) -> &Course {
        &self.course
    }

    /// The renderer of this version of the site (it takes a moment to make:
    /// make it once per version).
    pub fn renderer(&self) -> Result<Renderer<'_>, Diagnostic> {
        Renderer::new(&self.course, &self.theme, &self.messages, &self.bodies.site)
    }

    /// Put a page's body, problems and anchored links in place; the old ones.
    fn set_body(
        &mut self,
        id: PageId,
        b: SiteBody,
    ) -> (Option<crate::render::Body>, Vec<Diagnostic>, Vec<PageId>) {
        let body = self.bodies.site.insert(id.clone(), b.body);
        let problems = self
            .body_problems
            .insert(id.clone(), b.diagnostics)
            .unwrap_or_default();
        let anchored = self.set_anchored(&id, b.anchored);
        (body, problems, anchored)
    }

    /// Set the pages `id` links to with anchors; the old list.
    fn set_anchored(&mut self, id: &PageId, to: Vec<PageId>) -> Vec<PageId> {
        let old = self
            .anchored
            .insert(id.clone(), to.clone())
            .unwrap_or_default();
        for t in &old {
            if let Some(from) = self.linked_from.get_mut(t) {
                from.remove(id);
            }
        }
        for t in to {
            self.linked_from.entry(t).or_default().insert(id.clone());
        }
        old
    }

    /// Every problem of the course as `build` reports it, when there are
    /// errors. `quizzes`: whether quizzes changed (else translated quizzes
    /// still match their source, as they did).
    fn errors(&self, quizzes: bool) -> Option<String> {
        let quiz = if quizzes {
            crate::check::quiz_mismatches(&self.course, &self.bodies)
        } else {
            Vec::new()
        };
        let mut all = self
            .fixed
            .iter()
            .chain(self.read_problems.values().flatten())
            .chain(self.body_problems.values().flatten())
            .chain(&quiz);
        if !all.any(Diagnostic::is_error) {
            return None;
        }
        let mut d = Diagnostics::default();
        d.extend(self.fixed.iter().cloned());
        d.extend(self.read_problems.values().flatten().cloned());
        d.extend(self.body_problems.values().flatten().cloned());
        d.extend(quiz);
        d.sort();
        Some(d.render())
    }

    /// Whether `(locale, key)` is a page read from its own file (not generated).
    pub fn is_page_file(&self, locale: &str, key: &str) -> bool {
        self.course
            .pages
            .get(&(locale.to_string(), key.to_string()))
            .is_some_and(|p| p.generated_from.is_none())
    }

    /// Read the changed page files again and put their pages in place, with
    /// the pages generated from them; check the course as `build` does. A
    /// course with errors keeps the last good pages (the changes are tried
    /// again with the next edit).
    pub fn edit(&mut self, files: &BTreeSet<PageId>) -> Edit {
        let edit = self.apply(files);
        if let Edit::Applied(a) = &edit {
            let checked = self
                .renderer()
                .map_err(|d| d.render())
                .and_then(|r| self.check(&r, &a.pages));
            if let Err(text) = checked {
                self.revert();
                return Edit::Failed(text);
            }
        }
        edit
    }

    /// [`Site::edit`] without rendering the pages: follow an `Applied` with
    /// [`Site::check`], and [`Site::revert`] when that fails.
    pub fn apply(&mut self, files: &BTreeSet<PageId>) -> Edit {
        self.last = None;
        let root = self.course.root.clone();
        let mut wanted: BTreeSet<PageId> = files.clone();
        wanted.extend(self.pending.iter().cloned());
        let mut pages = Vec::new();
        let mut read = Vec::new();
        for (locale, key) in &wanted {
            match course::load_page(&root, locale, key) {
                (Some(p), d) => {
                    read.push((id_of(&p), d));
                    pages.push(p);
                }
                (None, _) => return Edit::Reload,
            }
        }
        // Pages of generated locales, in the order `course::load` makes them.
        for l in &self.course.config.locales {
            let (Some(from), Some(script), Some(ex)) = (
                &l.generated_from,
                Script::from_tag(&l.tag),
                self.exceptions.get(&l.tag),
            ) else {
                continue;
            };
            let made: Vec<Page> = pages
                .iter()
                .filter(|p| {
                    p.locale == *from
                        && self
                            .course
                            .pages
                            .get(&(l.tag.clone(), p.key.clone()))
                            .is_some_and(|g| g.generated_from.is_some())
                })
                .map(|p| course::generated_page(p, &l.tag, script, ex))
                .collect();
            pages.extend(made);
        }

        let mut undo = Undo::default();
        let changed: Vec<PageId> = pages.iter().map(id_of).collect();
        for p in pages {
            let id = id_of(&p);
            let old = self.course.pages.insert(id.clone(), p);
            undo.pages.push((id, old));
        }
        for (id, d) in read {
            let old = if d.is_empty() {
                self.read_problems.remove(&id)
            } else {
                self.read_problems.insert(id.clone(), d)
            };
            undo.read.push((id, old));
        }

        // Parse the changed pages; pages whose anchored links go to a page
        // whose headings changed are resolved again too.
        let results = {
            let Site {
                course,
                messages,
                anchors,
                linked_from,
                ..
            } = &mut *self;
            let course: &Course = course;
            let mut parsed: Vec<Parsed<'_>> = changed
                .iter()
                .filter_map(|id| course.pages.get(id))
                .map(markdown::parse)
                .collect();
            let mut relink = BTreeSet::new();
            for p in &parsed {
                let id = id_of(p.page);
                let old = anchors.insert(id.clone(), p.ids.clone());
                if old.as_ref() != Some(&p.ids)
                    && let Some(from) = linked_from.get(&id)
                {
                    relink.extend(from.iter().cloned());
                }
                undo.anchors.push((id, old));
            }
            for id in &changed {
                relink.remove(id);
            }
            parsed.extend(
                relink
                    .iter()
                    .filter_map(|id| course.pages.get(id))
                    .map(markdown::parse),
            );
            let resolver = Resolver::with_anchors(course, anchors);
            site_bodies(course, messages, &resolver, &parsed)
        };
        // The pages whose text or body changed, and whether a quiz did.
        let mut touched = Vec::new();
        let mut quizzes = false;
        let mut assets = false;
        for (id, b) in results {
            let html = b.body.html.clone();
            let quiz = (b.body.questions.clone(), b.body.quiz_errors);
            let uses = b.body.assets.clone();
            let (body, problems, anchored) = self.set_body(id.clone(), b);
            if changed.contains(&id) || body.as_ref().is_none_or(|b| b.html != html) {
                touched.push(id.clone());
            }
            quizzes |= body
                .as_ref()
                .is_none_or(|b| b.questions != quiz.0 || b.quiz_errors != quiz.1);
            assets |= body.as_ref().is_none_or(|b| b.assets != uses);
            undo.bodies.push((id, body, problems, anchored));
        }

        if let Some(text) = self.errors(quizzes) {
            self.undo(undo);
            self.pending = wanted;
            return Edit::Failed(text);
        }
        self.pending.clear();
        self.last = Some(Last { undo, wanted });
        // The locales that show a touched page.
        let locales: BTreeSet<String> = self
            .course
            .locale_tags()
            .filter(|l| {
                touched.iter().any(|(pl, key)| {
                    self.course
                        .resolve_page(l, key)
                        .is_some_and(|p| p.locale == *pl)
                })
            })
            .map(String::from)
            .collect();
        for l in &locales {
            self.search_versions.insert(l.clone(), next_version());
        }
        if assets {
            self.forget_assets();
        }
        Edit::Applied(Applied {
            pages: changed,
            locales,
        })
    }

    /// Render the changed pages in every locale that shows them: a theme's
    /// template can fail on a page's data.
    pub fn check(&self, renderer: &Renderer<'_>, changed: &[PageId]) -> Result<(), String> {
        for (pl, key) in changed {
            let Some(i) = self.numbers.get(key) else {
                continue;
            };
            for l in self.course.locale_tags() {
                if self
                    .course
                    .resolve_page(l, key)
                    .is_some_and(|p| p.locale == *pl)
                {
                    renderer.page(l, *i).map_err(|d| d.render())?;
                }
            }
        }
        Ok(())
    }

    /// Take back the last edit applied: its pages are read again with the
    /// next edit.
    pub fn revert(&mut self) {
        if let Some(last) = self.last.take() {
            self.undo(last.undo);
            self.pending = last.wanted;
            self.forget_assets();
        }
    }

    fn forget_assets(&self) {
        if let Ok(mut a) = self.assets.lock() {
            *a = None;
        }
    }

    fn undo(&mut self, undo: Undo) {
        for (id, old) in undo.pages.into_iter().rev() {
            match old {
                Some(p) => self.course.pages.insert(id, p),
                None => self.course.pages.remove(&id),
            };
        }
        for (id, old) in undo.read.into_iter().rev() {
            match old {
                Some(d) => self.read_problems.insert(id, d),
                None => self.read_problems.remove(&id),
            };
        }
        for (id, old) in undo.anchors.into_iter().rev() {
            match old {
                Some(a) => self.anchors.insert(id, a),
                None => self.anchors.remove(&id),
            };
        }
        for (id, body, problems, anchored) in undo.bodies.into_iter().rev() {
            match body {
                Some(b) => self.bodies.site.insert(id.clone(), b),
                None => self.bodies.site.remove(&id),
            };
            self.body_problems.insert(id.clone(), problems);
            self.set_anchored(&id, anchored);
        }
    }

    /// The version of a locale's search index: it changes whenever the index would.
    pub fn search_version(&self, locale: &str) -> u64 {
        self.search_versions.get(locale).copied().unwrap_or(0)
    }

    /// Whether the site has pages in `locale` (only then it has its search files).
    fn has_pages(&self, locale: &str) -> bool {
        self.course.page_keys().iter().any(|k| {
            self.course
                .resolve_page(locale, k)
                .is_some_and(|p| self.bodies.site.contains_key(&id_of(p)))
        })
    }

    /// The files under `<locale>/` that are not pages.
    fn assets(&self) -> Arc<AssetMap> {
        let Ok(mut cached) = self.assets.lock() else {
            return Arc::new(self.find_assets());
        };
        cached
            .get_or_insert_with(|| Arc::new(self.find_assets()))
            .clone()
    }

    /// The files the pages use, in each locale's copy (following its
    /// fallback chain), as `build` copies them.
    fn find_assets(&self) -> AssetMap {
        let mut out = BTreeMap::new();
        for locale in self.course.locale_tags() {
            for key in self.course.page_keys() {
                let Some(body) = self
                    .course
                    .resolve_page(locale, key)
                    .and_then(|p| self.bodies.site.get(&id_of(p)))
                else {
                    continue;
                };
                for a in &body.assets {
                    let site_locale = a.locale.clone().unwrap_or_else(|| locale.to_string());
                    let file = self
                        .course
                        .resolve_asset(&site_locale, &a.path)
                        .map(|(_, f)| f.clone());
                    if let Some(file) = file {
                        out.insert((site_locale, a.path.clone()), file);
                    }
                }
            }
        }
        out
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
                    .is_some_and(|p| self.bodies.site.contains_key(&id_of(p)))
                {
                    out.insert(format!("{l}/{}", page_output(key)));
                }
            }
            if self.has_pages(l) {
                out.insert(format!("{l}/search.html"));
                out.insert(format!("{l}/search-index.js"));
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

    /// Run `f` with this version's renderer, made now if not given.
    fn with_renderer<T>(
        &self,
        renderer: Option<&Renderer<'_>>,
        f: impl FnOnce(&Renderer<'_>) -> Result<T, Diagnostic>,
    ) -> Result<T, Diagnostic> {
        match renderer {
            Some(r) => f(r),
            None => f(&self.renderer()?),
        }
    }

    fn search_page(
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

/// What an edit replaced, to put back when the course has errors.
#[derive(Default)]
#[allow(clippy::type_complexity)]
struct Undo {
    pages: Vec<(PageId, Option<Page>)>,
    read: Vec<(PageId, Option<Vec<Diagnostic>>)>,
    anchors: Vec<(PageId, Option<std::collections::HashSet<String>>)>,
    bodies: Vec<(
        PageId,
        Option<crate::render::Body>,
        Vec<Diagnostic>,
        Vec<PageId>,
    )>,
}

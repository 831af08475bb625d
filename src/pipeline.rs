//! The build pipeline: load → parse → localize → render. Each stage takes
//! plain data and returns plain data; outputs start from the result.

use crate::msg;
use std::collections::{BTreeMap, HashMap, HashSet};

use std::path::Path;

use std::sync::Arc;

use crate::course::{self, Config, Course, PageId, SourceFile};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::i18n::Localizer;
use crate::i18n::{self, Messages};
use crate::markdown::{self, links, links::Resolver, quiz, scenario};
use crate::render::doc::{DocBodies, DocBody};
use crate::render::{self, Bodies, Body, RenderedCourse, Theme};

/// A course loaded, checked and rendered.
pub struct Built {
    pub course: Course,
    pub theme: Theme,
    pub messages: Messages,
    /// The locales the outputs are made for, in course order: all of them,
    /// or those given with `--locale` (`course` may hold more, the ones
    /// these fall back to).
    pub locales: Vec<String>,
    pub rendered: RenderedCourse,
    /// Page bodies, for outputs that lay pages out differently (module documents).
    pub bodies: Bodies,
    /// Warnings (errors stop the pipeline).
    pub diagnostics: Diagnostics,
}

/// Load the course and its messages: the first half of the pipeline, shared
/// by `build` and `check`.
pub fn load(root: &Path) -> Result<(Course, Theme, Messages, Diagnostics), Diagnostics> {
    let (config, diags) = course::load_config(root)?;
    Ok(load_with(root, config, diags))
}

/// [`load`] from a config already read (and perhaps narrowed by
/// `build::plan::choose_locales`).
pub fn load_with(
    root: &Path,
    config: Config,
    diags: Diagnostics,
) -> (Course, Theme, Messages, Diagnostics) {
    load_parts(root, config, diags, false)
}

/// [`load_with`]; `texts`: with what `check` finds in the texts alone
/// (`check::texts`), made beside the Fluent bundles.
fn load_parts(
    root: &Path,
    config: Config,
    diags: Diagnostics,
    texts: bool,
) -> (Course, Theme, Messages, Diagnostics) {
    let (course, mut diags) = course::load_with(root, config, diags);
    let mut theme = match render::theme::load(root, &course.config.theme.name) {
        Ok(t) => t,
        Err(d) => {
            diags.extend(d.items);
            render::theme::builtin()
        }
    };
    // `[theme] logo`: a static file of the site (`static/course-logo.svg`).
    if let Some(logo) = &course.logo {
        theme
            .statics
            .insert(logo.file_name(), logo.bytes.as_ref().clone());
    }
    let ((messages, fluent_diags), checked) = rayon::join(
        || localize(&course, &theme),
        || {
            if texts {
                crate::check::texts(&course, &theme.messages)
            } else {
                Vec::new()
            }
        },
    );
    diags.extend(fluent_diags);
    diags.extend(checked);
    (course, theme, messages, diags)
}

/// Fluent bundles for every locale: the theme's messages, then the course's.
pub fn localize(course: &Course, theme: &Theme) -> (Messages, Vec<Diagnostic>) {
    let mut sources = BTreeMap::new();
    for (locale, files) in &theme.messages {
        sources
            .entry(locale.clone())
            .or_insert_with(|| (Vec::new(), Vec::new()))
            .0
            .extend(files.iter().cloned());
    }
    // Generated locales: the theme's and the course's messages of the source
    // locale, transliterated, below any hand-written ones.
    for l in &course.config.locales {
        let (Some(from), Some(script)) =
            (&l.generated_from, crate::translit::Script::from_tag(&l.tag))
        else {
            continue;
        };
        // The course's exceptions and keep words (their problems are
        // reported with the pages).
        let mut ignored = crate::diag::Diagnostics::default();
        let ex = crate::course::translit_exceptions_for(
            &course.root,
            &course.config,
            &l.tag,
            &mut ignored,
        );
        let entry = sources
            .entry(l.tag.clone())
            .or_insert_with(|| (Vec::new(), Vec::new()));
        let mut lower: Vec<SourceFile> = theme
            .messages
            .get(from)
            .into_iter()
            .flatten()
            .map(|f| SourceFile {
                file: f.file.clone(),
                text: Arc::from(crate::translit::fluent(&f.text, script, &ex)),
            })
            .collect();
        lower.extend(theme.messages.get(&l.tag).into_iter().flatten().cloned());
        lower.extend(
            course
                .generated_messages
                .get(&l.tag)
                .into_iter()
                .flatten()
                .cloned(),
        );
        entry.0 = lower;
    }
    for (locale, files) in &course.messages {
        sources
            .entry(locale.clone())
            .or_insert_with(|| (Vec::new(), Vec::new()))
            .1
            .extend(files.iter().cloned());
    }
    let chains: Vec<(String, Vec<String>)> = course
        .config
        .locales
        .iter()
        .map(|l| (l.tag.clone(), l.chain.clone()))
        .collect();
    let (messages, mut diags) = i18n::load(&sources, &chains);
    for l in &course.config.locales {
        if messages
            .localizer(&l.tag)
            .lookup("course-title", None)
            .is_err()
        {
            diags.push(
                Diagnostic::error(
                    Code::CourseTitleMissing,
                    msg!("content-course-title-missing", locale = &l.tag),
                )
                .in_file(format!("locales/{}/", l.tag))
                .locale(&l.tag)
                .hint(msg!("content-course-title-missing-hint", locale = &l.tag)),
            );
        }
    }
    (messages, diags)
}

/// A module whose pages are all rendered, with its module documents'
/// bodies (given away), the site bodies rendered so far and what made them.
pub struct ModuleDone<'a> {
    pub course: &'a Course,
    pub theme: &'a Theme,
    pub messages: &'a Messages,
    pub module: &'a course::Module,
    pub site: &'a BTreeMap<PageId, Body>,
    pub docs: DocBodies,
    /// The locales the documents are made for.
    pub locales: &'a [String],
}

/// Called once per module, in course order, once its pages are rendered
/// (while the next module's pages render, on another thread): a build makes
/// its SCORM module documents there, so the bodies of two modules'
/// documents at most are in memory at a time, not the course's.
pub type ModuleHook<'h> = &'h mut (dyn FnMut(ModuleDone<'_>) + Send);

/// Parse every page once, resolve links, render bodies; pages in parallel,
/// results in a fixed order (the output does not depend on the threads).
///
/// Each page's Markdown leaves memory as soon as its page is done, unless a
/// later check may point into it (links to headings of other pages, quiz
/// blocks): a large course's text is not held while the rest is parsed.
/// With a hook, pages are done module by module and each module's document
/// bodies go to the hook instead of [`Bodies::docs`].
///
/// Module documents' bodies are made for the locales in `views` only.
pub fn bodies(
    course: &mut Course,
    theme: &Theme,
    messages: &Messages,
    hook: Option<ModuleHook<'_>>,
    docs: bool,
    views: &[String],
) -> (Bodies, Vec<Diagnostic>) {
    // Pages whose source page has a quiz: a translation's quiz is compared
    // with it, and a missing one is reported in the translation's text.
    let src = course.config.source_locale.clone();
    let quiz_keys: HashSet<String> = course
        .pages
        .values()
        .filter(|p| {
            p.locale == src && (p.text.contains("```quiz") || p.text.contains("```scenario"))
        })
        .map(|p| p.key.clone())
        .collect();
    let texts: Vec<Arc<str>> = course
        .pages
        .values_mut()
        .map(|p| std::mem::replace(&mut p.text, Arc::from("")))
        .collect();
    let (out, diags, kept) = bodies_with(
        course,
        theme,
        messages,
        Render::Pages { docs },
        Texts::Given(texts, quiz_keys),
        hook,
        Some(views),
    );
    for (page, text) in course.pages.values_mut().zip(kept) {
        if let Some(text) = text {
            page.text = text;
        }
    }
    (out, diags)
}

/// `render: false` finds every problem without writing any HTML (for `check`).
pub fn bodies_for(
    course: &Course,
    theme: &Theme,
    messages: &Messages,
    render: bool,
) -> (Bodies, Vec<Diagnostic>) {
    let what = if render {
        Render::Pages { docs: true }
    } else {
        Render::Nothing
    };
    let (out, diags, _) = bodies_with(course, theme, messages, what, Texts::InCourse, None, None);
    (out, diags)
}

/// What the parse renders: nothing (`check` finds every problem without
/// writing any HTML), or the site bodies, and the module documents' bodies
/// when a SCORM package or single file is made.
#[derive(Clone, Copy)]
enum Render {
    Nothing,
    Pages { docs: bool },
}

/// Where the pages' Markdown is.
enum Texts {
    /// In `course.pages` (kept there).
    InCourse,
    /// Taken out of `course.pages`, one per page in its order: each is
    /// dropped when its page is done, or handed back if a later check may
    /// need it (links to headings of other pages, a quiz, or a page whose
    /// source page has one: the keys given).
    Given(Vec<Arc<str>>, HashSet<String>),
}

fn bodies_with(
    course: &Course,
    theme: &Theme,
    messages: &Messages,
    what: Render,
    texts: Texts,
    mut hook: Option<ModuleHook<'_>>,
    views: Option<&[String]>,
) -> (Bodies, Vec<Diagnostic>, Vec<Option<Arc<str>>>) {
    use rayon::prelude::*;
    // Each page is parsed, resolved and rendered in one go, so only the
    // pages being worked on hold their parse in memory; links to headings
    // of other pages are checked at the end, when every page's ids are known.
    let no_ids = links::Anchors::new();
    let every_locale: Vec<String>;
    let views = match views {
        Some(v) => v,
        None => {
            every_locale = course.locale_tags().map(str::to_string).collect();
            &every_locale
        }
    };
    let resolver = Resolver::with_anchors(course, &no_ids).writing_only(views);
    let (texts, quiz_keys) = match texts {
        Texts::InCourse => (None, HashSet::new()),
        Texts::Given(t, q) => (Some(t), q),
    };
    // Given texts go back to the course only where a later check needs them.
    let given = texts.is_some();
    let mut texts = texts.map(|t| t.into_iter().map(Some).collect::<Vec<_>>());
    // Groups of pages (indices into `course.pages`): all at once, or, with
    // a hook, the pages outside modules and then each module's.
    let all: Vec<&course::Page> = course.pages.values().collect();
    let mut groups: Vec<(Option<&course::Module>, Vec<usize>)> = Vec::new();
    if hook.is_some() {
        let position: std::collections::HashMap<&str, usize> = course
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.as_str(), i + 1))
            .collect();
        groups.push((None, Vec::new()));
        groups.extend(course.modules.iter().map(|m| (Some(m), Vec::new())));
        for (i, p) in all.iter().enumerate() {
            let g = p
                .module()
                .and_then(|m| position.get(m))
                .copied()
                .unwrap_or(0);
            groups[g].1.push(i);
        }
    } else {
        groups.push((None, (0..all.len()).collect()));
    }
    let mut ids = links::Anchors::new();
    let mut out = Bodies::default();
    let mut diags = Vec::new();
    let mut kept: Vec<Option<Arc<str>>> = vec![None; all.len()];
    let mut anchor_links: Vec<(usize, Vec<links::AnchorLink>)> = Vec::new();
    let mut pending: Option<(&course::Module, DocBodies)> = None;
    for (module, members) in groups {
        let work: Vec<(usize, Option<Arc<str>>)> = members
            .into_iter()
            .map(|i| (i, texts.as_mut().and_then(|t| t[i].take())))
            .collect();
        let parse = || -> Vec<PageDone> {
            work.into_par_iter()
                .map(|(i, text)| {
                    let owned;
                    let page = match text {
                        Some(text) => {
                            owned = course::Page {
                                text,
                                ..all[i].clone()
                            };
                            &owned
                        }
                        None => all[i],
                    };
                    let mut parsed = markdown::parse(page);
                    let (render, docs) = match what {
                        Render::Nothing => (false, false),
                        Render::Pages { docs } => (true, docs),
                    };
                    let b = page_bodies(
                        course,
                        messages,
                        &resolver,
                        &parsed,
                        render,
                        docs.then_some(views),
                    );
                    let page_ids = std::mem::take(&mut parsed.ids);
                    drop(parsed);
                    let needed = !b.anchor_links.is_empty()
                        || b.site.1.quiz_errors
                        || !b.site.1.questions.is_empty()
                        || !b.site.1.scenarios.is_empty()
                        || quiz_keys.contains(&page.key);
                    let text = (given && needed).then(|| page.text.clone());
                    (i, b, page_ids, text)
                })
                .collect()
        };
        // The previous module's documents are made while this group's pages
        // render (the cores stay busy; two modules' bodies at most).
        let results = match (pending.take(), hook.as_mut()) {
            (Some((m, docs)), Some(hook)) => {
                let site = &out.site;
                let done = ModuleDone {
                    course,
                    theme,
                    messages,
                    module: m,
                    site,
                    docs,
                    locales: views,
                };
                rayon::join(parse, || hook(done)).0
            }
            _ => parse(),
        };
        let mut module_docs = BTreeMap::new();
        for (i, r, page_ids, text) in results {
            ids.insert(r.site.0.clone(), page_ids);
            kept[i] = text;
            if !r.anchor_links.is_empty() {
                anchor_links.push((i, r.anchor_links));
            }
            diags.extend(r.diagnostics);
            if hook.is_some() {
                module_docs.extend(r.docs);
            } else {
                out.docs.extend(r.docs);
            }
            out.site.insert(r.site.0, r.site.1);
        }
        if let (Some(_), Some(module)) = (hook.as_ref(), module) {
            pending = Some((module, module_docs));
        }
    }
    if let (Some((module, docs)), Some(hook)) = (pending, hook.as_mut()) {
        hook(ModuleDone {
            course,
            theme,
            messages,
            module,
            site: &out.site,
            docs,
            locales: views,
        });
    }
    for (i, links_of_page) in anchor_links {
        let page = all[i];
        match &kept[i] {
            Some(t) => {
                let page = course::Page {
                    text: t.clone(),
                    ..page.clone()
                };
                diags.extend(links::check_anchors(&page, &links_of_page, &ids));
            }
            None => diags.extend(links::check_anchors(page, &links_of_page, &ids)),
        }
    }
    (out, diags, kept)
}

/// A page done: its index in `course.pages`, bodies, heading ids, and its
/// text when a later check may need it.
type PageDone = (usize, PageBodies, HashSet<String>, Option<Arc<str>>);

/// What one page file gives: its site body, its bodies inside module
/// documents (one per locale that shows it), and its problems.
struct PageBodies {
    site: (PageId, Body),
    docs: Vec<(PageId, DocBody)>,
    diagnostics: Vec<Diagnostic>,
    anchored: Vec<PageId>,
    anchor_links: Vec<links::AnchorLink>,
}

/// One page's body for the static site only, its problems, and the pages
/// (locale, key) its links with an `#anchor` go to: for `serve`, which
/// renders again only the pages that change.
pub struct SiteBody {
    pub body: Body,
    pub diagnostics: Vec<Diagnostic>,
    pub anchored: Vec<PageId>,
}

/// The site body of one parsed page.
pub fn site_body(
    course: &Course,
    messages: &Messages,
    resolver: &Resolver<'_>,
    p: &markdown::Parsed<'_>,
) -> SiteBody {
    let b = page_bodies(course, messages, resolver, p, true, None);
    SiteBody {
        body: b.site.1,
        diagnostics: b.diagnostics,
        anchored: b.anchored,
    }
}

/// `render`: the site body's HTML; `docs_for`: also the bodies inside the
/// module documents of these locales.
fn page_bodies(
    course: &Course,
    messages: &Messages,
    resolver: &Resolver<'_>,
    p: &markdown::Parsed<'_>,
    render: bool,
    docs_for: Option<&[String]>,
) -> PageBodies {
    let mut diags = Vec::new();
    let mut docs = Vec::new();
    let page = p.page;
    diags.extend(p.diagnostics.iter().cloned());
    let mut resolved = resolver.resolve(p);
    diags.extend(std::mem::take(&mut resolved.diagnostics));
    // Image references to a video or audio file: clips (`markdown::media`).
    let clips: Vec<Option<links::AssetUse>> = p
        .refs
        .iter()
        .zip(&resolved.targets)
        .map(|(r, t)| match t {
            Some(links::Target::Asset { asset, .. })
                if r.kind == markdown::RefKind::Image
                    && !r.in_quiz()
                    && markdown::media::kind(&asset.path).is_some() =>
            {
                Some(asset.clone())
            }
            _ => None,
        })
        .collect();
    let has_clips = clips.iter().any(Option::is_some);
    let clip_media = |view: &str,
                      href: &dyn Fn(&links::Target) -> Option<String>,
                      mut found: Option<&mut Vec<(usize, markdown::media::CaptionsFound)>>,
                      mut companions: Option<&mut Vec<links::AssetUse>>|
     -> Vec<Option<markdown::media::Media>> {
        if !has_clips {
            return Vec::new();
        }
        clips
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let asset = c.as_ref()?;
                let (m, with, f) = markdown::media::clip(course, messages, view, asset, href);
                if let Some(found) = found.as_deref_mut() {
                    found.push((i, f));
                }
                if let Some(companions) = companions.as_deref_mut() {
                    companions.extend(with);
                }
                Some(m)
            })
            .collect()
    };
    let strings = quiz_strings(&messages.localizer(&page.locale));
    let qid_base = page.key.trim_end_matches(".md");
    let mut quizzes = Vec::new();
    let mut questions = Vec::new();
    let mut quiz_errors = false;
    for block in &p.quizzes {
        match quiz::parse_at(&block.text, block.first_line) {
            Ok(q) => {
                quizzes.push(q);
            }
            Err(errors) => {
                quiz_errors = true;
                block_errors(page, errors, &mut diags);
                quizzes.push(quiz::Quiz { questions: vec![] });
            }
        }
    }
    // Case scenarios (SPEC §8): "<page>/s<n>", the same in every locale.
    let scenario_strings = if p.scenarios.is_empty() {
        scenario::ScenarioStrings::default()
    } else {
        scenario_strings(&messages.localizer(&page.locale))
    };
    let mut scenarios: Vec<render::ScenarioInfo> = Vec::new();
    for (n, block) in p.scenarios.iter().enumerate() {
        let parsed = match scenario::parse_at(&block.text, block.first_line) {
            Ok(s) => {
                if s.best() <= 0 {
                    diags.push(
                        Diagnostic::warning(
                            Code::ScenarioUnscored,
                            msg!("content-scenario-unscored"),
                        )
                        .at_line_col(
                            &page.file,
                            &page.text,
                            block.first_line.saturating_sub(1),
                            1,
                            3,
                        )
                        .locale(&page.locale)
                        .hint(msg!("content-scenario-unscored-hint")),
                    );
                }
                Some(s)
            }
            Err(errors) => {
                block_errors(page, errors, &mut diags);
                None
            }
        };
        scenarios.push(render::ScenarioInfo {
            sid: format!("{qid_base}/s{}", n + 1),
            line: block.first_line.saturating_sub(1),
            scenario: parsed,
        });
    }
    let pool: usize = quizzes.iter().map(|q| q.questions.len()).sum();
    let assessment = assessment_of(course, page, pool, &mut diags);
    let panel_strings = assessment
        .map(|s| {
            panel_strings(
                &messages.localizer(&page.locale),
                &s,
                pool,
                course.config.mastery_score(),
            )
        })
        .unwrap_or_default();
    // A quiz's links and images go where the page's would (hrefs as the
    // renderer takes them: `None` as written, `Some("")` removed).
    let block_links = |hrefs: &[Option<String>]| -> HashMap<String, Option<String>> {
        p.refs
            .iter()
            .zip(hrefs)
            .filter(|(r, _)| r.in_quiz())
            .map(|(r, h)| (r.dest.clone(), h.clone()))
            .collect()
    };
    let scenario_html = |dom_prefix: &str, hrefs: &[Option<String>]| {
        let by_dest = block_links(hrefs);
        let link = |u: &str| match by_dest.get(u) {
            Some(None) => u.to_string(),
            Some(Some(h)) => h.to_string(),
            None => String::new(),
        };
        scenarios
            .iter()
            .map(|info| match &info.scenario {
                Some(s) => scenario::render_scenario(
                    s,
                    &scenario::ScenarioOptions {
                        sid: &info.sid,
                        dom_prefix,
                        strings: &scenario_strings,
                        link: &link,
                    },
                ),
                None => String::new(),
            })
            .collect::<Vec<String>>()
    };
    let quiz_html = |dom_prefix: &str, hrefs: &[Option<String>]| {
        let by_dest = block_links(hrefs);
        let link = |u: &str| match by_dest.get(u) {
            Some(None) => u.to_string(),
            Some(Some(h)) => h.to_string(),
            // Not seen when the block was read: not kept.
            None => String::new(),
        };
        let mut position = 0;
        let last = quizzes.len().saturating_sub(1);
        quizzes
            .iter()
            .enumerate()
            .map(|(b, q)| {
                let mut html = quiz::render_block(
                    q,
                    &quiz::BlockOptions {
                        qid_base,
                        first: position,
                        strings: &strings,
                        dom_prefix,
                        link: &link,
                        graded: assessment.is_some(),
                    },
                );
                position += q.questions.len();
                if let (Some(settings), true) = (&assessment, b == last) {
                    html.push_str(&quiz::render_panel(
                        settings,
                        qid_base,
                        pool,
                        course.config.mastery_score(),
                        &panel_strings,
                    ));
                }
                html
            })
            .collect::<Vec<String>>()
    };
    for q in &quizzes {
        questions.extend(q.questions.iter().cloned());
    }
    let hrefs: Vec<Option<String>> = resolved
        .targets
        .iter()
        .map(|t| t.as_ref().and_then(|t| links::site_href(&page.key, t)))
        .collect();
    let mut captions_found = Vec::new();
    let mut companions = Vec::new();
    let site_media = clip_media(
        &page.locale,
        &|t| links::site_href(&page.key, t),
        Some(&mut captions_found),
        Some(&mut companions),
    );
    media_diagnostics(page, &p.refs, captions_found, &mut diags);
    for a in companions {
        if !resolved.assets.contains(&a) {
            resolved.assets.push(a);
        }
    }
    let html = if render {
        p.render(&markdown::RenderInput {
            hrefs: &hrefs,
            quizzes: &quiz_html("", &hrefs),
            scenarios: &scenario_html("", &hrefs),
            id_prefix: "",
            media: &site_media,
        })
    } else {
        String::new()
    };
    // The same page inside module documents, once per locale that shows it.
    if let (Some(module), Some(views), true) = (page.module(), docs_for, render) {
        for view in views.iter().map(String::as_str) {
            let shows = course
                .resolve_page(view, &page.key)
                .is_some_and(|shown| shown.locale == page.locale);
            if !shows {
                continue;
            }
            let hrefs: Vec<Option<String>> = resolved
                .targets
                .iter()
                .map(|t| {
                    t.as_ref()
                        .and_then(|t| links::doc_href(view, module, &page.key, t))
                })
                .collect();
            let doc = p.render(&markdown::RenderInput {
                hrefs: &hrefs,
                quizzes: &quiz_html(&format!("{view}-"), &hrefs),
                scenarios: &scenario_html(&format!("{view}-"), &hrefs),
                id_prefix: &links::doc_prefix(view, &page.key),
                media: &clip_media(
                    view,
                    &|t| links::doc_href(view, module, &page.key, t),
                    None,
                    None,
                ),
            });
            docs.push((PageId::new(view, &page.key), DocBody::new(doc)));
        }
    }
    let site = (
        page.id(),
        Body {
            html: render::SafeHtml::new(html),
            headings: p.headings.clone(),
            assets: resolved.assets,
            questions,
            quiz_errors,
            assessment,
            scenarios,
        },
    );

    PageBodies {
        site,
        docs,
        diagnostics: diags,
        anchored: resolved.anchored,
        anchor_links: resolved.anchor_links,
    }
}

/// The warnings about a page's clips' captions: a locale's own file
/// missing (at the clip's reference, naming the file to add), a file that
/// is not WebVTT.
fn media_diagnostics(
    page: &crate::course::Page,
    refs: &[markdown::Reference],
    found: Vec<(usize, markdown::media::CaptionsFound)>,
    diags: &mut Vec<Diagnostic>,
) {
    for (i, f) in found {
        let Some(r) = refs.get(i) else { continue };
        for file in &f.invalid {
            diags.push(
                Diagnostic::warning(
                    Code::MediaCaptionInvalid,
                    msg!("content-media-caption-invalid", file = file),
                )
                .at(&page.file, &page.text, r.span.clone())
                .locale(&page.locale)
                .hint(msg!("content-media-caption-invalid-hint")),
            );
        }
        if let Some(file) = &f.missing {
            diags.push(
                Diagnostic::warning(
                    Code::MediaCaptionMissing,
                    msg!(
                        "content-media-caption-missing",
                        clip = &r.dest,
                        locale = &page.locale,
                        shown = f.shown.as_deref().unwrap_or("none")
                    ),
                )
                .at(&page.file, &page.text, r.span.clone())
                .locale(&page.locale)
                .hint(msg!("content-media-caption-missing-hint", file = file)),
            );
        }
    }
}

/// A quiz or scenario block's errors, at their file lines.
fn block_errors(
    page: &crate::course::Page,
    errors: Vec<quiz::QuizError>,
    diags: &mut Vec<Diagnostic>,
) {
    for e in errors {
        diags.push(
            Diagnostic::error(e.code, e.message)
                .at_line_col(&page.file, &page.text, e.line, e.column, e.len)
                .locale(&page.locale)
                .hint(e.hint),
        );
    }
}

/// The scenario strings of a locale, from the theme's messages.
pub fn scenario_strings(loc: &Localizer) -> scenario::ScenarioStrings {
    scenario::ScenarioStrings::from_messages(|id, vars| template(loc, id, vars))
}

/// The quiz strings of a locale, from the theme's messages.
pub fn quiz_strings(loc: &Localizer) -> quiz::QuizStrings {
    quiz::QuizStrings {
        check: loc.text("quiz-check"),
        correct: loc.text("quiz-correct"),
        incorrect: loc.text("quiz-incorrect"),
        choose_one: loc.text("quiz-choose-one"),
        choose_all: loc.text("quiz-choose-all"),
        answer_first: loc.text("quiz-answer-first"),
        match_hint: loc.text("quiz-match-hint"),
        order_hint: loc.text("quiz-order-hint"),
        short_hint: loc.text("quiz-short-hint"),
        short_label: loc.text("quiz-short-label"),
        match_none: loc.text("quiz-match-none"),
        move_up: loc.text("quiz-move-up"),
        move_down: loc.text("quiz-move-down"),
        moved: template(loc, "quiz-moved", &["position", "total"]),
        accepted: template(loc, "quiz-accepted", &["answers"]),
        right_answer: loc.text("quiz-right-answer"),
    }
}

/// The assessment settings of a page (SPEC §7), with warnings for options
/// that cannot be used.
fn assessment_of(
    course: &Course,
    page: &crate::course::Page,
    pool: usize,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::course::assessment::Settings> {
    use crate::course::assessment::{MAX_ATTEMPTS, Settings};
    let front = &page.front;
    let options = front.assessment_options();
    let at = |key: &str| key_span(&page.text, key);
    let Some(kind) = front.assessment else {
        if options.any() {
            let key = ["attempts", "shuffle", "draw", "review"]
                .into_iter()
                .find(|k| key_span(&page.text, k).is_some())
                .unwrap_or("attempts");
            diags.push(
                Diagnostic::warning(
                    Code::AssessmentPracticeOnly,
                    msg!("content-assessment-practice-only", key = key),
                )
                .at(&page.file, &page.text, at(key).unwrap_or(0..3))
                .locale(&page.locale)
                .hint(msg!("content-assessment-practice-only-hint")),
            );
        }
        return None;
    };
    let settings = Settings::resolve(kind, &options, &course.config.assessment);
    if pool == 0 {
        diags.push(
            Diagnostic::warning(
                Code::AssessmentOption,
                msg!("content-assessment-no-questions", kind = kind.as_str()),
            )
            .at(&page.file, &page.text, at("assessment").unwrap_or(0..3))
            .locale(&page.locale)
            .hint(msg!("content-assessment-no-questions-hint")),
        );
        return None;
    }
    if settings.attempts > MAX_ATTEMPTS {
        diags.push(
            Diagnostic::error(
                Code::AssessmentOption,
                msg!("content-assessment-attempts", attempts = settings.attempts),
            )
            .at(&page.file, &page.text, at("attempts").unwrap_or(0..3))
            .locale(&page.locale)
            .hint(msg!("content-attempts-hint")),
        );
    }
    if settings.draw as usize > pool {
        diags.push(
            Diagnostic::warning(
                Code::AssessmentOption,
                msg!("content-assessment-draw", draw = settings.draw, pool = pool),
            )
            .at(&page.file, &page.text, at("draw").unwrap_or(0..3))
            .locale(&page.locale)
            .hint(msg!("content-assessment-draw-hint")),
        );
    }
    Some(settings)
}

/// Where `key = ...` is written in a page's front matter.
fn key_span(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let mut pos = text.find('\n')? + 1;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        let line = &text[pos..end];
        if line.trim_end() == "+++" {
            return None;
        }
        let t = line.trim_start();
        if t.strip_prefix(key)
            .is_some_and(|r| r.trim_start().starts_with('='))
        {
            let start = pos + (line.len() - t.len());
            return Some(start..start + key.len());
        }
        pos = end + 1;
    }
    None
}

/// The texts of a graded page's panel in the page's locale.
fn panel_strings(
    loc: &Localizer,
    settings: &crate::course::assessment::Settings,
    pool: usize,
    course_mastery: u32,
) -> quiz::PanelStrings {
    let mastery = course_mastery;
    let fixed = |id: &str, pairs: &[(&str, fluent_bundle::FluentValue<'_>)]| {
        loc.text_with(id, &crate::i18n::args(pairs))
    };
    let texts = vec![
        ("submit", loc.text("assess-submit")),
        ("again", template(loc, "assess-again", &["n"])),
        ("attempt", template(loc, "assess-attempt", &["n", "max"])),
        (
            "attempt-unlimited",
            template(loc, "assess-attempt-unlimited", &["n"]),
        ),
        ("open", loc.text("assess-open")),
        ("unanswered", template(loc, "assess-unanswered", &["count"])),
        ("confirm", loc.text("assess-confirm")),
        ("score", template(loc, "assess-score", &["n", "score"])),
        ("best", template(loc, "assess-best", &["score"])),
        ("pre", template(loc, "assess-pre", &["score"])),
        ("no-attempts", template(loc, "assess-no-attempts", &["max"])),
        ("review-later", loc.text("assess-review-later")),
        ("review-never", loc.text("assess-review-never")),
        ("right", loc.text("assess-right")),
        ("wrong", loc.text("assess-wrong")),
        (
            "passed",
            fixed("quiz-passed", &[("mastery", mastery.into())]),
        ),
        (
            "failed",
            fixed("quiz-failed", &[("mastery", mastery.into())]),
        ),
        (
            "drawn",
            fixed(
                "assess-drawn",
                &[
                    ("n", settings.per_attempt(pool).into()),
                    ("total", pool.into()),
                ],
            ),
        ),
    ];
    quiz::PanelStrings {
        title: loc.text(&format!("assess-kind-{}", settings.kind.as_str())),
        nojs: loc.text("assess-nojs"),
        submit: loc.text("assess-submit"),
        texts,
    }
}

/// A message with its variables left as `{name}` for the runtime to fill.
pub fn template(loc: &Localizer, id: &str, vars: &[&str]) -> String {
    let pairs: Vec<(&str, fluent_bundle::FluentValue<'_>)> = vars
        .iter()
        .map(|v| (*v, format!("{{{v}}}").into()))
        .collect();
    loc.text_with(id, &crate::i18n::args(&pairs))
}

/// Load, parse and check the course and render the page bodies: everything
/// but the site's pages (`rendered` stays empty), so that a build can make
/// its SCORM packages and drop the module documents' bodies before it
/// renders the site.
pub fn prepare(root: &Path) -> Result<Built, Diagnostics> {
    prepare_for(root, None, true)
}

/// [`prepare`], handing each module's document bodies to `hook` as soon as
/// the module is rendered (they are then not in [`Bodies::docs`]); `docs:
/// false` when no output needs the module documents (a build of the site
/// alone): their bodies are not rendered.
pub fn prepare_for(
    root: &Path,
    hook: Option<ModuleHook<'_>>,
    docs: bool,
) -> Result<Built, Diagnostics> {
    crate::timing::start();
    let (config, diags) = course::load_config(root)?;
    let locales = config.locales.iter().map(|l| l.tag.clone()).collect();
    prepare_locales(root, (config, diags), locales, hook, docs)
}

/// [`prepare_for`] from course.toml already read, for the outputs of
/// `locales` (see `build::plan::choose_locales`).
pub fn prepare_locales(
    root: &Path,
    config: (Config, Diagnostics),
    locales: Vec<String>,
    hook: Option<ModuleHook<'_>>,
    docs: bool,
) -> Result<Built, Diagnostics> {
    let built = prepare_checked(root, config, locales, hook, docs);
    if built.diagnostics.has_errors() {
        return Err(built.diagnostics);
    }
    Ok(built)
}

/// Load, parse, check (everything `darslik check` reports) and render the
/// page bodies; errors stay in [`Built::diagnostics`] with the warnings,
/// for the caller to decide what they stop.
pub fn prepare_checked(
    root: &Path,
    (config, diags): (Config, Diagnostics),
    locales: Vec<String>,
    hook: Option<ModuleHook<'_>>,
    docs: bool,
) -> Built {
    // With what `check` finds in the texts, before the bodies take them.
    let (mut course, theme, messages, mut diags) = load_parts(root, config, diags, true);
    crate::timing::lap("load course, messages and translation checks");
    let (bodies, body_diags) = bodies(&mut course, &theme, &messages, hook, docs, &locales);
    crate::timing::lap("parse and render bodies");
    diags.extend(body_diags);
    diags.extend(crate::check::quiz_mismatches(&course, &bodies));
    diags.sort();
    Built {
        course,
        theme,
        messages,
        locales,
        rendered: RenderedCourse::default(),
        bodies,
        diagnostics: diags,
    }
}

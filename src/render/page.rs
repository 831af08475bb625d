//! A page's template context and document, the language chooser, and the
//! assets each locale's pages use.

use std::collections::{BTreeMap, BTreeSet};

use minijinja::context;
use minijinja::value::Value;

use super::*;
use crate::course::{Course, HOME};
use crate::diag::Diagnostic;
use crate::i18n::{Localizer, Messages};
use crate::markdown::Heading;
use crate::markdown::links::{AssetUse, page_output, relative, up_to_locale_root};

impl<'a> Renderer<'a> {
    /// A renderer of every locale of the course.
    pub fn new(
        course: &'a Course,
        theme: &Theme,
        messages: &'a Messages,
        bodies: &'a BTreeMap<PageId, Body>,
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
        bodies: &'a BTreeMap<PageId, Body>,
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

    /// The locales rendered, in course order.
    pub fn shown(&self) -> &[&'a str] {
        &self.shown
    }

    pub(super) fn course_ctx(&self, loc: &Localizer) -> Value {
        context! {
            id => self.course.config.id.clone(),
            version => self.course.config.version.clone(),
            title => loc.text("course-title"),
            description => loc.lookup("course-description", None).map(|(t, _)| t).ok(),
            short_title => course_message(loc, "course-short-title"),
            organisation => organisation(loc, self.course),
            logo => self.course.logo.as_ref().map(|l| l.file_name()),
            accent => self.course.config.theme.accent.clone(),
            audience => course_message(loc, "course-audience"),
            disclaimer => course_message(loc, "course-disclaimer"),
            glossary => self.has_glossary(),
        }
    }

    /// Module name → its progress data in the locale, as script JSON.
    pub(super) fn progress<'d>(&self, data: &'d LocaleData<'a>) -> &'d BTreeMap<&'a str, String> {
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

    pub(super) fn locale_data(&self, locale: &str) -> Option<&LocaleData<'a>> {
        self.locales.iter().find(|l| l.locale == locale)
    }

    /// Page number `i` of [`Renderer::keys`] in `locale`; `None` when the
    /// locale has no page for it (not even through its fallbacks).
    pub fn page(&self, locale: &str, i: usize) -> Result<Option<PageOut>, Diagnostic> {
        self.page_into(locale, i, None)
    }

    /// [`Renderer::page`]; with `into`, the document is written there (as
    /// bytes, into a buffer a thread reuses) and the page's `html` is empty.
    pub(crate) fn page_into(
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
        let Some(body) = self.bodies.get(&page.id()) else {
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
        // A graded page's key is not printed: the paper would be the key.
        let answer_key = if body.assessment.is_some() {
            Vec::new()
        } else {
            answer_key(&body.questions)
        };
        let features = assets::Features::of(body);
        let ctx = context! {
            ui_lang => locale,
            lang => page.locale.clone(),
            // After style.css and darslik.js, which every page loads.
            page_css => assets::page_styles(kind == "home", features)[1..].to_vec(),
            page_js => assets::page_scripts(
                features,
                assets::Place {
                    home: kind == "home",
                    summary: summary.is_some(),
                },
            )[1..]
                .to_vec(),
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
                    suggested => loc.text("language-suggested"),
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

/// The academy's name in a locale: the locale's own `course-organisation`
/// message, else `[theme] organisation` of course.toml, else the message of
/// a locale it falls back to (marked with that locale's `lang`).
pub(crate) fn organisation(loc: &Localizer, course: &Course) -> Option<Value> {
    let found = course_message(loc, "course-organisation");
    let own = found
        .as_ref()
        .is_some_and(|v| v.get_attr("lang").is_ok_and(|l| l.is_none()));
    match &course.config.theme.organisation {
        Some(name) if !own => Some(context! { text => name, lang => Option::<String>::None }),
        _ => found,
    }
}

/// A course-wide message the course may define (`course-short-title`,
/// `course-organisation`, `course-audience`, `course-disclaimer`): its text,
/// and its language when it comes from a fallback locale (`lang` for the
/// element that shows it); none when no locale of the chain defines it or it
/// is blank.
pub(crate) fn course_message(loc: &Localizer, id: &str) -> Option<Value> {
    let (text, from) = loc.lookup(id, None).ok()?;
    if text.trim().is_empty() {
        return None;
    }
    let lang = (from != loc.locale).then(|| from.to_string());
    Some(context! { text => text, lang => lang })
}

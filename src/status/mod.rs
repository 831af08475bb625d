//! `darslik status`: per locale and module, how many pages are current, stale,
//! unstamped or missing, and how many course messages are translated.

pub mod html;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::check::{PageState, page_state};
use crate::course::{Course, HOME};

#[derive(Debug, Serialize)]
pub struct Status {
    pub course: String,
    pub version: String,
    pub source: String,
    pub locales: Vec<LocaleStatus>,
}

#[derive(Debug, Serialize)]
pub struct LocaleStatus {
    pub locale: String,
    /// Made at build time from another locale (`generate = ...`).
    pub generated: Option<String>,
    pub modules: Vec<ModuleStatus>,
    pub messages: Messages,
}

#[derive(Debug, Serialize, Default)]
pub struct ModuleStatus {
    pub module: String,
    /// Current translations (and, in a generated locale, generated pages).
    pub current: usize,
    pub stale: usize,
    pub unstamped: usize,
    pub missing: usize,
    pub pages: Vec<PageStatus>,
}

#[derive(Debug, Serialize)]
pub struct PageStatus {
    pub page: String,
    pub state: PageState,
    /// For a stale page: what changed in its source since it was stamped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<crate::diff::StaleDiff>,
}

#[derive(Debug, Serialize)]
pub struct Messages {
    pub translated: usize,
    pub total: usize,
}

fn message_ids(course: &Course, locale: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for f in course.messages.get(locale).into_iter().flatten() {
        // A file that nests too deep is not parsed (`check` reports it).
        let Some(res) = crate::i18n::depth::parse(f.text.as_ref()) else {
            continue;
        };
        for e in res.body {
            match e {
                fluent_syntax::ast::Entry::Message(m) => {
                    ids.insert(m.id.name.to_string());
                }
                fluent_syntax::ast::Entry::Term(t) => {
                    ids.insert(format!("-{}", t.id.name));
                }
                _ => {}
            }
        }
    }
    ids
}

pub fn status(course: &Course) -> Status {
    let src = course.config.source_locale.as_str();
    let source_ids = message_ids(course, src);
    let mut locales = Vec::new();
    for l in &course.config.locales {
        let mut modules = Vec::new();
        let groups: Vec<(String, Vec<&str>)> = std::iter::once(("(home)".to_string(), vec![HOME]))
            .chain(course.modules.iter().map(|m| {
                let mut keys = vec![m.index.as_str()];
                keys.extend(m.pages.iter().map(String::as_str));
                (m.name.clone(), keys)
            }))
            .collect();
        for (name, keys) in groups {
            let mut ms = ModuleStatus {
                module: name,
                ..Default::default()
            };
            for key in keys {
                let state = if l.tag == src {
                    PageState::Current
                } else {
                    page_state(course, &l.tag, key)
                };
                match state {
                    PageState::Current | PageState::Generated => ms.current += 1,
                    PageState::Stale => ms.stale += 1,
                    PageState::Unstamped => ms.unstamped += 1,
                    PageState::Missing => ms.missing += 1,
                }
                ms.pages.push(PageStatus {
                    page: key.to_string(),
                    state,
                    diff: None,
                });
            }
            modules.push(ms);
        }
        let own = message_ids(course, &l.tag);
        locales.push(LocaleStatus {
            locale: l.tag.clone(),
            generated: l.generate.clone(),
            modules,
            messages: Messages {
                translated: source_ids.intersection(&own).count(),
                total: source_ids.len(),
            },
        });
    }
    Status {
        course: course.config.id.clone(),
        version: course.config.version.clone(),
        source: src.to_string(),
        locales,
    }
}

/// The status as a table for people.
pub fn render(s: &Status) -> String {
    let mut out = format!(
        "Translation status of {} {} (source locale: {})\n\n",
        s.course, s.version, s.source
    );
    out.push_str(&format!(
        "{:<8} {:<14} {:>8} {:>6} {:>10} {:>8}\n",
        "locale", "module", "current", "stale", "unstamped", "missing"
    ));
    for l in &s.locales {
        let label = match &l.generated {
            Some(g) => format!("{} (generated: {g})", l.locale),
            None => l.locale.clone(),
        };
        for m in &l.modules {
            out.push_str(&format!(
                "{:<8} {:<14} {:>8} {:>6} {:>10} {:>8}\n",
                l.locale, m.module, m.current, m.stale, m.unstamped, m.missing
            ));
        }
        let pages: Vec<&PageStatus> = l.modules.iter().flat_map(|m| &m.pages).collect();
        let count = |st: PageState| pages.iter().filter(|p| p.state == st).count();
        if l.generated.is_some() {
            out.push_str(&format!(
                "{label}: {} pages generated, {} written by hand; messages generated, {} written by hand\n",
                count(PageState::Generated),
                pages.len() - count(PageState::Generated) - count(PageState::Missing),
                l.messages.translated
            ));
        } else {
            out.push_str(&format!(
                "{label}: {} of {} pages current, {} stale, {} unstamped, {} missing; messages {}/{}\n",
                count(PageState::Current),
                pages.len(),
                count(PageState::Stale),
                count(PageState::Unstamped),
                count(PageState::Missing),
                l.messages.translated,
                l.messages.total
            ));
        }
        for p in pages
            .iter()
            .filter(|p| matches!(p.state, PageState::Stale | PageState::Missing))
        {
            let what = if p.state == PageState::Stale {
                "stale  "
            } else {
                "missing"
            };
            out.push_str(&format!("    {what} content/{}/{}\n", l.locale, p.page));
        }
        out.push('\n');
    }
    out
}

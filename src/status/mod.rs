//! `darslik status`: per locale and module, how many pages are current, stale,
//! unstamped or missing, and how many course messages are translated.

pub mod html;

use std::collections::BTreeSet;

use serde::Serialize;

use crate::check::{PageState, page_state};
use crate::course::{Course, HOME, PageId};
use crate::diag::Lang;
use crate::msg;

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
        let groups: Vec<(String, Vec<&str>)> =
            std::iter::once((HOME_MODULE.to_string(), vec![HOME]))
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
                let diff = if state == PageState::Stale {
                    stale_diff(course, &l.tag, key)
                } else {
                    None
                };
                ms.pages.push(PageStatus {
                    page: key.to_string(),
                    state,
                    diff,
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

/// What changed in the source of stale page `key` of `locale`.
fn stale_diff(course: &Course, locale: &str, key: &str) -> Option<crate::diff::StaleDiff> {
    let page = course.pages.get(&PageId::new(locale, key))?;
    let source = course
        .pages
        .get(&PageId::new(course.config.source_locale.as_str(), key))?;
    crate::diff::stale_diff(course, page, source)
}

/// The module name `status` gives the course home page.
const HOME_MODULE: &str = "(home)";

/// The status as a table for people, in the user's language, with the
/// source diffs of stale pages (coloured when standard output is a
/// terminal and colours are on).
pub fn render(s: &Status) -> String {
    let color = crate::diag::lang::color() && std::io::IsTerminal::is_terminal(&std::io::stdout());
    render_in(s, crate::diag::lang::current(), color)
}

/// [`render`] in `lang`.
pub fn render_in(s: &Status, lang: Lang, color: bool) -> String {
    let t = |m: crate::diag::Msg| m.text(lang);
    let mut out = t(msg!(
        "stale-status-title",
        course = &s.course,
        version = &s.version,
        source = &s.source
    ));
    out.push_str("\n\n");
    let heads = [
        t(msg!("stale-status-col-locale")),
        t(msg!("stale-status-col-module")),
        t(msg!("stale-status-col-current")),
        t(msg!("stale-status-col-stale")),
        t(msg!("stale-status-col-unstamped")),
        t(msg!("stale-status-col-missing")),
    ];
    let home = t(msg!("stale-status-home"));
    let module_name = |m: &ModuleStatus| {
        if m.module == HOME_MODULE {
            home.clone()
        } else {
            m.module.clone()
        }
    };
    let mut rows: Vec<[String; 6]> = Vec::new();
    for l in &s.locales {
        for m in &l.modules {
            rows.push([
                l.locale.clone(),
                module_name(m),
                m.current.to_string(),
                m.stale.to_string(),
                m.unstamped.to_string(),
                m.missing.to_string(),
            ]);
        }
    }
    // Columns as wide as their widest cell (headings differ by language).
    let mut widths = [8, 14, 8, 6, 10, 8];
    for row in std::iter::once(&heads).chain(rows.iter()) {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |row: &[String; 6]| {
        format!(
            "{:<w0$} {:<w1$} {:>w2$} {:>w3$} {:>w4$} {:>w5$}\n",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
            w5 = widths[5],
        )
    };
    out.push_str(&line(&heads));
    let mut rows = rows.iter();
    let stale_word = t(msg!("stale-status-page-stale"));
    let missing_word = t(msg!("stale-status-page-missing"));
    let word_width = stale_word.chars().count().max(missing_word.chars().count());
    for l in &s.locales {
        let label = match &l.generated {
            Some(g) => t(msg!(
                "stale-status-generated-label",
                locale = &l.locale,
                from = g
            )),
            None => l.locale.clone(),
        };
        for _ in &l.modules {
            if let Some(row) = rows.next() {
                out.push_str(&line(row));
            }
        }
        let pages: Vec<&PageStatus> = l.modules.iter().flat_map(|m| &m.pages).collect();
        let count = |st: PageState| pages.iter().filter(|p| p.state == st).count();
        let summary = if l.generated.is_some() {
            msg!(
                "stale-status-generated",
                label = &label,
                generated = count(PageState::Generated),
                hand = pages.len() - count(PageState::Generated) - count(PageState::Missing),
                own = l.messages.translated
            )
        } else {
            msg!(
                "stale-status-summary",
                label = &label,
                current = count(PageState::Current),
                total = pages.len(),
                stale = count(PageState::Stale),
                unstamped = count(PageState::Unstamped),
                missing = count(PageState::Missing),
                translated = l.messages.translated,
                messages = l.messages.total
            )
        };
        out.push_str(&t(summary));
        out.push('\n');
        for p in pages
            .iter()
            .filter(|p| matches!(p.state, PageState::Stale | PageState::Missing))
        {
            let what = if p.state == PageState::Stale {
                &stale_word
            } else {
                &missing_word
            };
            out.push_str(&format!(
                "    {what:<word_width$} content/{}/{}\n",
                l.locale, p.page
            ));
            if let Some(diff) = &p.diff {
                out.push_str(&crate::diff::render_indented(diff, lang, color, "      "));
            }
        }
        out.push('\n');
    }
    out
}

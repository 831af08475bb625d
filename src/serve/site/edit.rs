//! Applying an edit to the site: page files read again, their pages and
//! bodies put in place and checked; and the undo when the course has errors.

use std::collections::BTreeSet;

use super::load::site_bodies;
use super::search::next_version;
use super::{PageId, Site};
use crate::course::{self, Course, Page};
use crate::diag::Diagnostic;
use crate::markdown::links::Resolver;
use crate::markdown::{self, Parsed};
use crate::render::Renderer;
use crate::translit::Script;

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
pub(super) struct Last {
    undo: Undo,
    wanted: BTreeSet<PageId>,
}

impl Site {
    /// Whether `(locale, key)` is a page read from its own file (not generated).
    pub fn is_page_file(&self, locale: &str, key: &str) -> bool {
        self.course
            .pages
            .get(&PageId::new(locale, key))
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
        for PageId { locale, key } in &wanted {
            match course::load_page(&root, locale, key) {
                (Some(p), d) => {
                    read.push((p.id(), d));
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
                            .get(&PageId::new(&l.tag, &p.key))
                            .is_some_and(|g| g.generated_from.is_some())
                })
                .map(|p| course::generated_page(p, &l.tag, script, ex))
                .collect();
            pages.extend(made);
        }

        let mut undo = Undo::default();
        let changed: Vec<PageId> = pages.iter().map(Page::id).collect();
        for p in pages {
            let id = p.id();
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
                let id = p.page.id();
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
        // The pages whose text or body changed, and whether a quiz or a
        // scenario did.
        let mut touched = Vec::new();
        let mut quizzes = false;
        let mut assets = false;
        for (id, b) in results {
            let html = b.body.html.clone();
            let quiz = (
                b.body.questions.clone(),
                b.body.quiz_errors,
                b.body.scenarios.clone(),
            );
            let uses = b.body.assets.clone();
            let (body, problems, anchored) = self.set_body(id.clone(), b);
            if changed.contains(&id) || body.as_ref().is_none_or(|b| b.html != html) {
                touched.push(id.clone());
            }
            quizzes |= body.as_ref().is_none_or(|b| {
                b.questions != quiz.0 || b.quiz_errors != quiz.1 || b.scenarios != quiz.2
            });
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
                touched.iter().any(|PageId { locale: pl, key }| {
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
        for PageId { locale: pl, key } in changed {
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

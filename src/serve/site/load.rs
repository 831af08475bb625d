//! Loading the site: the whole course read, checked and its page bodies
//! made; and putting a page's body, problems and anchored links in place
//! (which an edit does too).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;

use super::search::next_version;
use super::{PageId, Site};
use crate::course::{self, Course};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Messages;
use crate::markdown::links::{Anchors, Resolver};
use crate::markdown::{self, Parsed};
use crate::pipeline::{self, SiteBody};
use crate::render::Bodies;

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
    let id = PageId::new(locale.as_str(), key.strip_prefix('/')?);
    course
        .pages
        .get(&id)
        .is_some_and(|p| p.generated_from.is_none())
        .then_some(id)
}

/// Bodies of parsed pages, in parallel.
pub(super) fn site_bodies(
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
                p.page.id(),
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
            let anchors: Anchors = parsed.into_iter().map(|p| (p.page.id(), p.ids)).collect();
            (bodies, anchors)
        };
        let mut exceptions = HashMap::new();
        for l in &course.config.locales {
            if l.generated_from.is_some() {
                let mut ignored = Diagnostics::default();
                let ex =
                    course::translit_exceptions_for(root, &course.config, &l.tag, &mut ignored);
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

    /// Put a page's body, problems and anchored links in place; the old ones.
    pub(super) fn set_body(
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
    pub(super) fn set_anchored(&mut self, id: &PageId, to: Vec<PageId>) -> Vec<PageId> {
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
    pub(super) fn errors(&self, quizzes: bool) -> Option<String> {
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
}

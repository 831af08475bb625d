//! The static site: `site/index.html` (language chooser), `site/<locale>/...`,
//! the theme's `static/` files, the pages' images, and each locale's search
//! page and index (`<locale>/search.html`, `<locale>/search-index.js`) and
//! "My results" page (`<locale>/results.html`), and the glossary page
//! (`<locale>/glossary.html`) when the course has a glossary.

mod render;
mod search;

pub use render::{PageSink, render_site};

use super::Tree;
use crate::diag::Diagnostic;
use crate::render::RenderedCourse;

/// The site's files, moving the page documents out of `rendered` (the build
/// needs them no more; a large course saves their copy).
pub fn take_tree(rendered: &mut RenderedCourse) -> Result<Tree, Diagnostic> {
    let pages = std::mem::take(&mut rendered.pages);
    let locales: std::collections::BTreeSet<String> =
        pages.iter().map(|p| p.locale.clone()).collect();
    let mut tree = Tree::new();
    for page in pages {
        tree.insert(page.path, page.html.into_bytes());
    }
    rest(rendered, &locales, tree)
}

/// The site's files but its pages (written as they were rendered).
pub fn tree_without_pages(rendered: &RenderedCourse) -> Result<Tree, Diagnostic> {
    let locales = rendered.pages.iter().map(|p| p.locale.clone()).collect();
    rest(rendered, &locales, Tree::new())
}

pub fn tree(rendered: &RenderedCourse) -> Result<Tree, Diagnostic> {
    let mut tree = Tree::new();
    for page in &rendered.pages {
        tree.insert(page.path.clone(), page.html.clone().into_bytes());
    }
    let locales = rendered.pages.iter().map(|p| p.locale.clone()).collect();
    rest(rendered, &locales, tree)
}

/// The chooser, search, results pages, static files and assets.
fn rest(
    rendered: &RenderedCourse,
    locales: &std::collections::BTreeSet<String>,
    mut tree: Tree,
) -> Result<Tree, Diagnostic> {
    tree.insert("index.html".into(), rendered.chooser.clone().into_bytes());
    // Search, for the locales whose pages are written.
    for search in &rendered.search {
        if locales.contains(&search.locale) {
            let l = &search.locale;
            tree.insert(format!("{l}/search.html"), search.html.clone().into_bytes());
            tree.insert(
                format!("{l}/search-index.js"),
                search.index.js.clone().into_bytes(),
            );
            for (path, js) in &search.index.parts {
                tree.insert(format!("{l}/{path}"), js.clone().into_bytes());
            }
        }
    }
    for (l, html) in &rendered.results {
        if locales.contains(l) {
            let page = crate::render::results_page::RESULTS_PAGE;
            tree.insert(format!("{l}/{page}"), html.clone().into_bytes());
        }
    }
    for (l, html) in &rendered.glossary {
        if locales.contains(l) {
            let page = crate::render::glossary_page::GLOSSARY_PAGE;
            tree.insert(format!("{l}/{page}"), html.clone().into_bytes());
        }
    }
    for (name, bytes) in &rendered.statics {
        tree.insert(format!("static/{name}"), bytes.clone());
    }
    for ((locale, path), file) in &rendered.assets {
        // An SVG cleaned as the course check cleaned it (SPEC §11).
        let bytes = crate::course::svg::read_asset_for_output(file)?;
        tree.insert(format!("{locale}/{path}"), bytes);
    }
    Ok(tree)
}

/// The site as a build output: pages written as they are rendered (or
/// kept whole when the bundle is made from them), then the chooser, search,
/// static files and images.
#[derive(Default)]
pub struct SiteOutput {
    stage: Option<crate::output::write::Staged>,
}

impl crate::build::Output for SiteOutput {
    fn name(&self) -> &'static str {
        "site"
    }

    fn begin(&mut self, w: &crate::build::Writer<'_>) -> Result<(), crate::build::Failure> {
        if w.wants(super::Format::Site) && !w.keeps_trees() {
            self.stage = Some(w.stage(super::Format::Site)?);
        }
        Ok(())
    }

    fn make(
        &mut self,
        built: &mut crate::pipeline::Built,
        w: &mut crate::build::Writer<'_>,
    ) -> Result<(), crate::build::Failure> {
        use super::Format;
        use crate::build::{Event, Failure};
        let stage = self.stage.take();
        let sink = |path: &str, bytes: &[u8]| match &stage {
            Some(s) => s.write(path, bytes),
            None => Ok(()),
        };
        let sink: Option<PageSink<'_>> = stage.is_some().then_some(&sink);
        render_site(built, sink).map_err(|mut d| {
            // The warnings were told already.
            d.items.retain(Diagnostic::is_error);
            Failure::Course(d)
        })?;
        let pages = &built.rendered.pages;
        w.event(Event::Rendered {
            pages: pages.len(),
            locales: &built.locales,
            fallback_pages: pages
                .iter()
                .filter(|p| p.locale != p.content_locale)
                .count(),
        });
        crate::memory::release_free_memory();
        match stage {
            Some(s) => {
                // The pages are written; the rest of the site now.
                let pages = built.rendered.pages.len();
                let rest = tree_without_pages(&built.rendered)?;
                s.write_tree(&rest).map_err(|e| w.io(Format::Site, e))?;
                w.wrote(Format::Site, pages + rest.len());
                Ok(())
            }
            None => {
                let tree = take_tree(&mut built.rendered)?;
                w.tree(Format::Site, tree)
            }
        }
    }
}

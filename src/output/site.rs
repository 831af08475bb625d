//! The static site: `site/index.html` (language chooser), `site/<locale>/...`,
//! the theme's `static/` files, the pages' images, and each locale's search
//! page and index (`<locale>/search.html`, `<locale>/search-index.js`).

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

/// The chooser, search, static files and assets.
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
        }
    }
    for (name, bytes) in &rendered.statics {
        tree.insert(format!("static/{name}"), bytes.clone());
    }
    for ((locale, path), file) in &rendered.assets {
        // An SVG cleaned as the course check cleaned it (SPEC §11).
        let bytes = crate::course::svg::read_asset(file).map_err(|e| {
            Diagnostic::error("io", format!("cannot read {}: {e}", file.display()))
                .hint("was the file removed while building? build again")
        })?;
        tree.insert(format!("{locale}/{path}"), bytes);
    }
    Ok(tree)
}

//! The static site: `site/index.html` (language chooser), `site/<locale>/...`,
//! the theme's `static/` files, the pages' images, and each locale's search
//! page and index (`<locale>/search.html`, `<locale>/search-index.js`).

use super::Tree;
use crate::diag::Diagnostic;
use crate::render::RenderedCourse;

pub fn tree(rendered: &RenderedCourse) -> Result<Tree, Diagnostic> {
    let mut tree = Tree::new();
    tree.insert("index.html".into(), rendered.chooser.clone().into_bytes());
    for page in &rendered.pages {
        tree.insert(page.path.clone(), page.html.clone().into_bytes());
    }
    // Search, for the locales whose pages are written.
    for search in &rendered.search {
        if rendered.pages.iter().any(|p| p.locale == search.locale) {
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
        let bytes = std::fs::read(file).map_err(|e| {
            Diagnostic::error("io", format!("cannot read {}: {e}", file.display()))
                .hint("was the file removed while building? build again")
        })?;
        tree.insert(format!("{locale}/{path}"), bytes);
    }
    Ok(tree)
}

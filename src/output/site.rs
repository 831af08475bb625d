//! The static site: `site/index.html` (language chooser), `site/<locale>/...`,
//! the theme's `static/` files and the pages' images.

use super::Tree;
use crate::diag::Diagnostic;
use crate::render::RenderedCourse;

pub fn tree(rendered: &RenderedCourse) -> Result<Tree, Diagnostic> {
    let mut tree = Tree::new();
    tree.insert("index.html".into(), rendered.chooser.clone().into_bytes());
    for page in &rendered.pages {
        tree.insert(page.path.clone(), page.html.clone().into_bytes());
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

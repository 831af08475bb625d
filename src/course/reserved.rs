//! The names darslik gives the files it writes, and the author names that
//! would take their place (SPEC §11: no author file may take the name of a
//! generated one). Every output's layout, in one place:
//!
//! ```text
//! site/index.html, site/static/…            chooser, theme files
//! site/<locale>/index.html, search.html, search-index.js, results.html,
//!   glossary.html
//! site/<locale>/<module>/<page>.html        pages
//! site/<locale>/<path>                      files beside the pages (author)
//! <zip>/imsmanifest.xml, <module>.html, static/…, assets/<locale>/… (author)
//! single/<locale>/<module>.html
//! bundle/START.html, README.txt, SHA256SUMS, site/, scorm12/, scorm2004/
//! ```
//!
//! Author files reach only `site/<locale>/…` and `assets/<locale>/…`, so a
//! collision comes from a locale tag or module name that is a layout name,
//! or from a file beside the pages named like a page or a locale's generated
//! file. Names are compared without case: a bundle copied to a Windows or
//! macOS stick has case-insensitive names.

/// Locale tags that would put a locale's folder on a folder the layout uses:
/// the site's `static/` (theme files every page loads), a SCORM package's
/// `assets/`, and names kept for the layout.
/// The second of each pair is the reason's key in the message
/// `content-reserved-why` (said in the user's language).
const LOCALE_TAGS: &[(&str, &str)] = &[
    ("static", "static"),
    ("assets", "assets"),
    ("search", "search"),
    ("index", "chooser"),
];

/// Generated files in each locale's folder of the site.
/// The second of each pair is its key in `content-reserved-what`.
pub const LOCALE_FILES: &[(&str, &str)] = &[
    ("index.html", "home"),
    ("search.html", "search"),
    ("search-index.js", "search-index"),
    ("results.html", "results"),
    ("glossary.html", "glossary"),
];

/// Module names that would put a module's folder on a generated file of the
/// locale's folder, or on a folder the layout uses.
const MODULE_NAMES: &[(&str, &str)] = &[
    ("index", "index-md"),
    ("index.html", "home"),
    ("search", "search"),
    ("search.html", "search-html"),
    ("search-index.js", "search-index"),
    ("results.html", "results"),
    ("glossary.html", "glossary"),
    ("static", "static-module"),
    ("assets", "assets"),
    ("imsmanifest.xml", "manifest"),
];

fn find(list: &'static [(&str, &str)], name: &str) -> Option<&'static str> {
    list.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, why)| *why)
}

/// Why `tag` cannot be a locale tag, if it cannot: a key of
/// `content-reserved-why`.
pub fn locale_tag(tag: &str) -> Option<&'static str> {
    find(LOCALE_TAGS, tag)
}

/// Why `name` cannot be a module name, if it cannot: a key of
/// `content-reserved-why`.
pub fn module_name(name: &str) -> Option<&'static str> {
    find(MODULE_NAMES, name)
}

/// A file beside the pages that would replace a generated file of the
/// site: the generated path inside the locale folder and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collision {
    pub generated: String,
    /// What it is: a key of `content-reserved-what` (`home`, `page`,
    /// `module` …).
    pub what: &'static str,
    /// The module, when `what` is `module`.
    pub module: String,
    /// The file's folder, not the file, takes the generated name.
    pub by_folder: bool,
}

/// Whether the file `path` (inside a locale folder) would replace a file the
/// site generates there: a page (`pages`: every page's output path), the
/// home page, the search page or index; or a module's folder of pages
/// (`modules`). A folder of the path named like a generated file replaces it
/// too (a file cannot be a folder).
pub fn asset_collision(path: &str, pages: &[String], modules: &[&str]) -> Option<Collision> {
    // The generated file's own name (its case), and what it is.
    let generated = |name: &str| -> Option<(String, &'static str)> {
        if let Some((n, why)) = LOCALE_FILES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            return Some((n.to_string(), *why));
        }
        pages
            .iter()
            .find(|p| p.eq_ignore_ascii_case(name))
            .map(|p| (p.clone(), "page"))
    };
    let mut prefix = String::new();
    let parts: Vec<&str> = path.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        if let Some((name, what)) = generated(&prefix) {
            return Some(Collision {
                generated: name,
                what,
                module: String::new(),
                by_folder: i + 1 < parts.len(),
            });
        }
    }
    // A file where a module's folder of pages goes.
    modules
        .iter()
        .find(|m| m.eq_ignore_ascii_case(path))
        .map(|m| Collision {
            generated: format!("{m}/"),
            what: "module",
            module: m.to_string(),
            by_folder: false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_names_are_reserved_without_case() {
        assert!(locale_tag("static").is_some());
        assert!(locale_tag("Static").is_some());
        assert!(locale_tag("ru").is_none());
        assert!(module_name("search.html").is_some());
        assert!(module_name("SEARCH-INDEX.JS").is_some());
        assert!(module_name("module-06").is_none());
        assert!(module_name("Results.html").is_some());
    }

    #[test]
    fn a_file_named_like_a_generated_one_collides() {
        let pages = vec![
            "index.html".to_string(),
            "module-a/index.html".to_string(),
            "module-a/01-one.html".to_string(),
        ];
        let modules = ["module-a"];
        let at = |p: &str| asset_collision(p, &pages, &modules).map(|c| c.generated);
        assert_eq!(at("search-index.js").as_deref(), Some("search-index.js"));
        assert_eq!(at("Search.HTML").as_deref(), Some("search.html"));
        assert_eq!(at("results.html").as_deref(), Some("results.html"));
        assert_eq!(at("results.html/me.png").as_deref(), Some("results.html"));
        assert_eq!(
            at("module-a/01-one.html").as_deref(),
            Some("module-a/01-one.html")
        );
        assert_eq!(
            at("module-a/01-one.html/pic.svg").as_deref(),
            Some("module-a/01-one.html")
        );
        assert_eq!(at("module-a").as_deref(), Some("module-a/"));
        assert_eq!(at("module-a/pic.svg"), None);
        assert_eq!(at("module-a/search-index.js"), None);
    }
}

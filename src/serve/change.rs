//! What a batch of changed files touches: some page files (read and render
//! only those again), or the whole course (course.toml, a theme, Fluent
//! files, a file added or removed, an image or other file beside the pages).

use std::collections::BTreeSet;
use std::path::Path;

use super::site::{PageId, Site};

#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Nothing the site is made from.
    Nothing,
    /// Only the text of these page files.
    Pages(BTreeSet<PageId>),
    /// Load the whole course again.
    All,
}

/// `paths` are relative to the course folder `root`, with `/`.
pub fn classify(root: &Path, site: &Site, paths: &BTreeSet<String>) -> Change {
    let mut pages = BTreeSet::new();
    for path in paths {
        match one(root, site, path) {
            One::Ignore => {}
            One::Page(id) => {
                pages.insert(id);
            }
            One::All => return Change::All,
        }
    }
    if pages.is_empty() {
        Change::Nothing
    } else {
        Change::Pages(pages)
    }
}

enum One {
    Ignore,
    Page(PageId),
    All,
}

fn one(root: &Path, site: &Site, path: &str) -> One {
    let Some(rest) = path.strip_prefix("content/") else {
        // course.toml, locales/, themes/.
        return One::All;
    };
    let Some((locale, inner)) = rest.split_once('/') else {
        // content/<locale> itself, or a file beside the locale folders.
        return if site.course().config.locale(rest).is_some() {
            One::All
        } else {
            One::Ignore
        };
    };
    if site.course().config.locale(locale).is_none() {
        // Not a folder of the course's locales: the build leaves it out.
        return One::Ignore;
    }
    // The build skips hidden files and folders (editors' swap files).
    if inner.is_empty() || inner.split('/').any(|p| p.starts_with('.')) {
        return if inner.is_empty() {
            One::All
        } else {
            One::Ignore
        };
    }
    let exists = root.join(path).is_file();
    if site.is_page_file(locale, inner) {
        return if exists {
            One::Page((locale.to_string(), inner.to_string()))
        } else {
            One::All
        };
    }
    let known_asset = site
        .course()
        .assets
        .contains_key(&(locale.to_string(), inner.to_string()));
    if known_asset || root.join(path).exists() {
        One::All
    } else {
        // Made and gone again before we looked (an editor's temporary file).
        One::Ignore
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy(from: &Path, to: &Path) {
        for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
            let Ok(rel) = entry.path().strip_prefix(from) else {
                continue;
            };
            let target = to.join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &target).expect("copy");
            }
        }
    }

    #[test]
    fn page_files_alone_are_pages_the_rest_loads_the_course() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        copy(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"),
            root,
        );
        let site = Site::load(root).expect("the fixture loads");
        let of = |paths: &[&str]| {
            let set = paths.iter().map(|p| p.to_string()).collect();
            classify(root, &site, &set)
        };
        let page = |l: &str, k: &str| (l.to_string(), k.to_string());
        assert_eq!(
            of(&["content/en/module-a/01-one.md", "content/ru/index.md"]),
            Change::Pages(BTreeSet::from([
                page("en", "module-a/01-one.md"),
                page("ru", "index.md")
            ]))
        );
        for all in [
            "course.toml",
            "locales/en/course.ftl",
            "themes/mine/templates/page.html",
            "content/en/module-a/pic.svg",
            "content/en",
        ] {
            assert_eq!(of(&["content/en/index.md", all]), Change::All, "{all}");
        }
        // Gone before we looked, hidden, or outside the course's locales.
        for nothing in [
            "content/en/module-a/4913",
            "content/en/module-a/.01-one.md.swp",
            "content/fr/index.md",
        ] {
            assert_eq!(of(&[nothing]), Change::Nothing, "{nothing}");
        }
        // A new file, and a page removed.
        std::fs::write(
            root.join("content/en/module-a/03-three.md"),
            "+++\ntitle = \"3\"\n+++\n",
        )
        .expect("write");
        assert_eq!(of(&["content/en/module-a/03-three.md"]), Change::All);
        std::fs::remove_file(root.join("content/en/module-a/02-two.md")).expect("remove");
        assert_eq!(of(&["content/en/module-a/02-two.md"]), Change::All);
    }
}

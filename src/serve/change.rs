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
    if inner.is_empty() {
        return One::All;
    }
    // The build skips hidden files and folders; editors' backup and
    // temporary files come and go with every save (nothing links to them).
    if inner.split('/').any(|p| p.starts_with('.')) || scratch(inner) {
        return One::Ignore;
    }
    let file = root.join(path);
    if site.is_page_file(locale, inner) {
        // Editors that move the old file away before writing the new one
        // leave no page for a moment: give it that moment.
        let exists = (0..5).any(|i| {
            if i > 0 {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            file.is_file()
        });
        return if exists {
            One::Page(PageId::new(locale, inner))
        } else {
            One::All
        };
    }
    let known_asset = site
        .course()
        .assets
        .contains_key(&(locale.to_string(), inner.to_string()));
    if known_asset || file.exists() {
        One::All
    } else {
        // Made and gone again before we looked (an editor's temporary file).
        One::Ignore
    }
}

/// An editor's backup or temporary file: `page.md~`, `#page.md#`,
/// `page.md.swp`, `page.md.tmp`, `page.md___jb_tmp___`, Vim's `4913`.
fn scratch(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swx", ".tmp"].iter().any(|e| name.ends_with(e))
        || name.contains("___jb_")
        || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_digit()))
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
        let page = |l: &str, k: &str| PageId::new(l, k);
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
        // Gone before we looked, hidden, an editor's, or outside the
        // course's locales.
        std::fs::write(root.join("content/en/module-a/01-one.md~"), "backup").expect("write");
        for nothing in [
            "content/en/module-a/gone.svg",
            "content/en/module-a/.01-one.md.swp",
            "content/en/module-a/01-one.md~",
            "content/en/module-a/4913",
            "content/en/module-a/01-one.md___jb_tmp___",
            "content/fr/index.md",
        ] {
            assert_eq!(of(&[nothing]), Change::Nothing, "{nothing}");
        }
        // A save that renames the old file away: only the page.
        assert_eq!(
            of(&[
                "content/en/module-a/01-one.md~",
                "content/en/module-a/01-one.md"
            ]),
            Change::Pages(BTreeSet::from([page("en", "module-a/01-one.md")]))
        );
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

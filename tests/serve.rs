//! `serve` keeps the course in memory and renders again only what an edit
//! touches: every file it answers, before and after edits, is the same as
//! a fresh `build --format site` of the course on disk; an edit with errors
//! keeps the last good pages and names the problem.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::Path;

use darslik::serve::site::{Edit, Found, PageId, Site};

fn served(site: &Site, path: &str) -> Vec<u8> {
    match site.get(path) {
        Found::Bytes(b) => b,
        Found::File(f) => std::fs::read(f).expect("read asset"),
        Found::SearchIndex(l) => match site.search_job(None, &l) {
            Ok(job) => job.build(),
            Err(d) => panic!("{}", d.render()),
        },
        Found::Failed(text) => panic!("{path}: {text}"),
        Found::Missing => panic!("{path} is missing"),
    }
}

/// Every file of a fresh build of the course on disk, served the same.
fn assert_same_as_build(site: &Site, root: &Path) {
    let built = match darslik::build::whole(root) {
        Ok(b) => b,
        Err(d) => panic!("{}", d.render()),
    };
    let tree = darslik::output::site::tree(&built.rendered).expect("site tree");
    let built_paths: Vec<&String> = tree.keys().collect();
    let served_paths = site.paths();
    assert_eq!(
        served_paths.iter().collect::<Vec<_>>(),
        built_paths,
        "the same files"
    );
    for (path, bytes) in &tree {
        let got = served(site, path);
        if got != *bytes {
            let (a, b) = (
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(bytes),
            );
            let at = a
                .char_indices()
                .zip(b.chars())
                .find(|((_, x), y)| x != y)
                .map_or(a.len().min(b.len()), |((i, _), _)| i);
            let from = a[..at].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
            panic!(
                "{path} differs from the build at byte {at}:\nserved: {}\nbuilt:  {}",
                a[from..].chars().take(240).collect::<String>(),
                b[from.min(b.len())..].chars().take(240).collect::<String>()
            );
        }
    }
}

fn ids(list: &[(&str, &str)]) -> BTreeSet<PageId> {
    list.iter().map(|(l, k)| PageId::new(*l, *k)).collect()
}

fn applied(edit: Edit) -> BTreeSet<String> {
    match edit {
        Edit::Applied(a) => a.locales,
        Edit::Failed(text) => panic!("the edit failed:\n{text}"),
        Edit::Reload => panic!("the edit needs a reload"),
    }
}

fn failed(edit: Edit) -> String {
    match edit {
        Edit::Failed(text) => text,
        Edit::Applied(_) => panic!("the edit was applied"),
        Edit::Reload => panic!("the edit needs a reload"),
    }
}

/// The basic fixture with a generated locale and a quiz.
fn course() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let toml = read(dir.path(), "course.toml");
    write(
        dir.path(),
        "course.toml",
        &format!("{toml}\n[locales.uz-Cyrl]\ngenerate = \"translit:uz\"\n"),
    );
    write(
        dir.path(),
        "content/uz/module-a/02-two.md",
        "+++\ntitle = \"Ikkinchi sahifa\"\n+++\n\n## Maqsad {#target}\n\nShahar va choy.\n\n```quiz\n? Qaysi?\n( ) Bir\n(x) Ikki\n```\n",
    );
    let two = read(dir.path(), "content/en/module-a/02-two.md");
    write(
        dir.path(),
        "content/en/module-a/02-two.md",
        &format!("{two}\n```quiz\n? Which?\n( ) One\n(x) Two\n```\n"),
    );
    dir
}

fn load(root: &Path) -> Site {
    Site::load(root).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn served_files_are_the_built_files() {
    let dir = course();
    let site = load(dir.path());
    assert_same_as_build(&site, dir.path());
    // The files served without asking the site: the same.
    let fixed = site.fixed_files();
    assert!(fixed.contains_key("index.html") && fixed.contains_key("static/style.css"));
    for (path, bytes) in fixed {
        assert_eq!(*bytes, served(&site, &path), "{path}");
    }
}

#[test]
fn an_edited_page_its_neighbours_and_search_match_a_fresh_build() {
    let dir = course();
    let root = dir.path();
    let mut site = load(root);
    let index_before = served(&site, "en/search-index.js");
    // New text, a new title (the neighbours' prev/next and the contents
    // show it), a new heading, one image less.
    write(
        root,
        "content/en/module-a/01-one.md",
        "+++\ntitle = \"Page one, renamed\"\ndescription = \"Now with a description.\"\n+++\n\n## Independent sources\n\n## A new heading\n\nFresh words: caravanserai. See [the target](02-two.md#target).\n\n![Neutral](neutral.svg)\n",
    );
    let locales = applied(site.edit(&ids(&[("en", "module-a/01-one.md")])));
    // en shows the page, ru and uz (falling back to ru) their own copy.
    assert!(
        locales.contains("en") && !locales.contains("ru") && !locales.contains("uz"),
        "{locales:?}"
    );
    let page = String::from_utf8(served(&site, "en/module-a/01-one.html")).expect("utf-8");
    assert!(page.contains("caravanserai") && page.contains("Page one, renamed"));
    let next = String::from_utf8(served(&site, "en/module-a/02-two.html")).expect("utf-8");
    assert!(
        next.contains("Page one, renamed"),
        "the next page's prev link"
    );
    assert_ne!(served(&site, "en/search-index.js"), index_before);
    assert_same_as_build(&site, root);

    // A page of the source of a generated locale: the generated page follows.
    write(
        root,
        "content/uz/module-a/02-two.md",
        "+++\ntitle = \"Ikkinchi sahifa\"\n+++\n\n## Maqsad {#target}\n\nYangi shahar.\n\n```quiz\n? Qaysi?\n( ) Bir\n(x) Ikki\n```\n",
    );
    let locales = applied(site.edit(&ids(&[("uz", "module-a/02-two.md")])));
    assert!(
        locales.contains("uz") && locales.contains("uz-Cyrl"),
        "{locales:?}"
    );
    let cyrl = String::from_utf8(served(&site, "uz-Cyrl/module-a/02-two.html")).expect("utf-8");
    assert!(cyrl.contains("Янги шаҳар"), "{cyrl}");
    assert_same_as_build(&site, root);
}

#[test]
fn an_edit_with_errors_keeps_the_last_good_pages_until_fixed() {
    let dir = course();
    let root = dir.path();
    let mut site = load(root);
    let good = served(&site, "en/module-a/02-two.html");
    let two = read(root, "content/en/module-a/02-two.md");

    // A broken link and a broken quiz in the edited page.
    write(
        root,
        "content/en/module-a/02-two.md",
        &format!("{two}\nSee [nowhere](03-three.md).\n\n```quiz\n? Broken\n(x) A\n(x) B\n```\n"),
    );
    let text = failed(site.edit(&ids(&[("en", "module-a/02-two.md")])));
    assert!(text.contains("content/en/module-a/02-two.md:"), "{text}");
    assert!(text.contains("broken-link"), "{text}");
    assert_eq!(
        served(&site, "en/module-a/02-two.html"),
        good,
        "last good page"
    );

    // Another page edited meanwhile: the first one's errors still count.
    let home = read(root, "content/en/index.md");
    write(root, "content/en/index.md", &format!("{home}\nMore.\n"));
    let text = failed(site.edit(&ids(&[("en", "index.md")])));
    assert!(text.contains("broken-link"), "{text}");

    // Fixed: both edits show.
    write(
        root,
        "content/en/module-a/02-two.md",
        &format!("{two}\nFixed.\n"),
    );
    applied(site.edit(&ids(&[("en", "module-a/02-two.md")])));
    assert_same_as_build(&site, root);

    // A heading id another page links to is renamed: that page's link breaks.
    let fixed = read(root, "content/en/module-a/02-two.md");
    write(
        root,
        "content/en/module-a/02-two.md",
        &fixed.replace("{#target}", "{#goal}"),
    );
    let text = failed(site.edit(&ids(&[("en", "module-a/02-two.md")])));
    assert!(
        text.contains("content/en/module-a/01-one.md:") && text.contains("broken-anchor"),
        "{text}"
    );
    write(root, "content/en/module-a/02-two.md", &fixed);
    applied(site.edit(&ids(&[("en", "module-a/02-two.md")])));
    assert_same_as_build(&site, root);

    // Broken front matter.
    write(
        root,
        "content/en/module-a/02-two.md",
        "+++\ntitle = \n+++\n\nText.\n",
    );
    let text = failed(site.edit(&ids(&[("en", "module-a/02-two.md")])));
    assert!(text.contains("frontmatter-invalid"), "{text}");
    write(root, "content/en/module-a/02-two.md", &fixed);
    applied(site.edit(&ids(&[("en", "module-a/02-two.md")])));
    assert_same_as_build(&site, root);
}

#[test]
fn a_translated_quiz_that_no_longer_matches_is_an_error() {
    let dir = course();
    let root = dir.path();
    let mut site = load(root);
    let two = read(root, "content/uz/module-a/02-two.md");
    write(
        root,
        "content/uz/module-a/02-two.md",
        &two.replace("( ) Bir\n(x) Ikki", "(x) Bir\n( ) Ikki"),
    );
    let text = failed(site.edit(&ids(&[("uz", "module-a/02-two.md")])));
    assert!(text.contains("quiz-translation-mismatch"), "{text}");
    write(root, "content/uz/module-a/02-two.md", &two);
    applied(site.edit(&ids(&[("uz", "module-a/02-two.md")])));
    assert_same_as_build(&site, root);
}

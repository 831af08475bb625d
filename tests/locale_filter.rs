//! `build --locale` (issue 17): a wrong tag is refused from course.toml
//! alone, before any page is read; the chosen locales alone are rendered
//! and written, and nothing in what is written links to a locale that was
//! not built.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn build(course: &Path, out: &Path, args: &[&str]) -> std::process::Output {
    let (course, out) = (course.to_string_lossy(), out.to_string_lossy());
    let mut all = vec!["build", "--course", &course, "--out", &out, "--quiet"];
    all.extend_from_slice(args);
    darslik(&all)
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file under `dir`, as paths relative to it.
fn files(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect()
}

/// The values of the `href` and `src` attributes of an HTML document.
fn urls(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let Some(end) = rest.find('"') else { break };
            out.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    out
}

/// Each relative link or image of every HTML file under `site` whose
/// target is not a file there: (the page, the link).
fn broken_links(site: &Path) -> Vec<(String, String)> {
    let mut broken = Vec::new();
    let mut checked = 0;
    for rel in files(site).iter().filter(|f| f.ends_with(".html")) {
        let page = site.join(rel);
        let html = std::fs::read_to_string(&page).expect("read page");
        for url in urls(&html) {
            // Another site, an address in the page, or inline data.
            if url.is_empty() || url.starts_with('#') || url.starts_with("//") || url.contains(':')
            {
                continue;
            }
            let path = url.split(['#', '?']).next().unwrap_or_default();
            let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
            let target: PathBuf = page.parent().expect("folder").join(path.as_ref());
            checked += 1;
            if !target.is_file() {
                broken.push((rel.clone(), url));
            }
        }
    }
    assert!(
        checked > 0,
        "no relative link found under {}",
        site.display()
    );
    broken
}

#[test]
fn only_the_chosen_locale_is_written() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = build(
        &fixture("basic"),
        out.path(),
        &["--locale", "ru", "--format", "site"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    assert_eq!(names(&site), ["index.html", "ru", "static"]);
    // The chooser offers what was built, and only that.
    let chooser = read(&site, "index.html");
    assert!(chooser.contains("href=\"ru/index.html\""), "{chooser}");
    for other in ["en", "uz"] {
        assert!(
            !chooser.contains(&format!("{other}/index.html")),
            "the chooser offers {other}, which was not built:\n{chooser}"
        );
    }
}

#[test]
fn every_link_of_a_one_locale_site_goes_to_a_file_written() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = build(
        &fixture("basic"),
        out.path(),
        &["--locale", "ru", "--format", "site"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    // The ru pages that fall back to English show English text, still in ru/.
    assert!(site.join("ru/module-b/index.html").is_file());
    assert_eq!(broken_links(&site), Vec::<(String, String)>::new());
}

#[test]
fn a_link_to_a_locale_the_build_leaves_out_is_named_at_its_line() {
    let dir = copy_fixture("basic");
    let page = "content/ru/module-a/01-one.md";
    let text = read(dir.path(), page);
    write(
        dir.path(),
        page,
        &format!("{text}\n\nSee [the English page](../../en/module-a/01-one.md).\n"),
    );
    let line = read(dir.path(), page)
        .lines()
        .position(|l| l.contains("the English page"))
        .expect("the link")
        + 1;
    let out = dir.path().join("out");
    let o = build(dir.path(), &out, &["--locale", "ru", "--format", "site"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("warning[link-locale-not-built]"), "{err}");
    assert!(err.contains(&format!("{page}:{line}:5")), "{err}");
    assert!(err.contains("--locale en"), "the hint says how: {err}");
    // Every locale built: the link works, nothing to say.
    let o = build(dir.path(), &out, &["--format", "site"]);
    assert!(
        !stderr(&o).contains("link-locale-not-built"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        broken_links(&out.join("site")),
        Vec::<(String, String)>::new()
    );
}

#[test]
fn a_generated_locale_alone_is_made_from_its_source_and_links_only_to_itself() {
    // The sample course: uz-Cyrl is made from uz, which falls back to ru and en.
    let course = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("tempdir");
    let o = build(
        course,
        out.path(),
        &["--locale", "uz-Cyrl", "--format", "site"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    assert_eq!(names(&site), ["index.html", "static", "uz-Cyrl"]);
    let home = read(&site, "uz-Cyrl/index.html");
    assert!(
        home.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "the uz-Cyrl home page has no Cyrillic text:\n{home}"
    );
    assert_eq!(broken_links(&site), Vec::<(String, String)>::new());
}

#[test]
fn the_other_outputs_are_made_for_the_chosen_locales_only() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = build(
        &fixture("basic"),
        out.path(),
        &["--locale", "ru", "--format", "scorm12,single"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(names(&out.path().join("single")), ["ru"]);
    let zips = names(&out.path().join("scorm12"));
    assert!(!zips.is_empty());
    for zip in &zips {
        assert!(zip.ends_with("-ru.zip"), "a package not of ru: {zip}");
    }
}

#[test]
fn a_wrong_locale_is_refused_before_any_page_is_read() {
    let dir = copy_fixture("basic");
    // Pages no parse gets through: a build that read them would report them.
    write(dir.path(), "content/en/index.md", "+++\ntitle = \n+++\n");
    std::fs::write(dir.path().join("content/ru/index.md"), b"\xff\xfe\0broken").expect("write");
    let out = dir.path().join("dist");
    let o = build(dir.path(), &out, &["--locale", "xx"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert_eq!(
        stderr(&o),
        "error: --locale xx: the course has no such locale (it has en, ru, uz)\n"
    );
    assert!(
        !out.exists(),
        "an output folder was made for a wrong --locale"
    );
}

#[test]
fn a_locale_the_course_has_is_built_even_beside_broken_locales() {
    // uz falls back to ru and en; a broken page of a locale no chosen one
    // needs is not read.
    let dir = copy_fixture("basic");
    std::fs::write(dir.path().join("content/uz/index.md"), b"\xff\xfe\0broken").expect("write");
    let out = dir.path().join("dist");
    let o = build(dir.path(), &out, &["--locale", "ru", "--format", "site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("site/ru/index.html").is_file());
}

#[test]
fn the_default_build_writes_every_locale() {
    let out = tempfile::tempdir().expect("tempdir");
    let o = build(&fixture("basic"), out.path(), &["--format", "site"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = out.path().join("site");
    assert_eq!(names(&site), ["en", "index.html", "ru", "static", "uz"]);
    let written = files(&site);
    for page in [
        "index.html",
        "en/index.html",
        "en/module-a/01-one.html",
        "en/module-a/02-two.html",
        "en/module-a/pic.svg",
        "en/module-b/index.html",
        "en/search.html",
        "en/search-index.js",
        "ru/index.html",
        "ru/module-a/01-one.html",
        "ru/module-a/pic.svg",
        "ru/module-b/index.html",
        "uz/index.html",
        "uz/module-a/02-two.html",
        "uz/module-b/index.html",
    ] {
        assert!(written.contains(page), "{page} is not written: {written:?}");
    }
    assert_eq!(broken_links(&site), Vec::<(String, String)>::new());
    // Naming every locale is the same build as naming none.
    let all = tempfile::tempdir().expect("tempdir");
    let o = build(
        &fixture("basic"),
        all.path(),
        &[
            "--format", "site", "--locale", "uz", "--locale", "en", "--locale", "ru",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let all_site = all.path().join("site");
    assert_eq!(files(&all_site), written);
    for f in &written {
        assert!(
            std::fs::read(site.join(f)).ok() == std::fs::read(all_site.join(f)).ok(),
            "{f} differs between the default build and --locale of every locale"
        );
    }
}

/// The basic fixture with an error in the Russian home page (uz shows its
/// own home page, and falls back to ru only for pages it lacks).
fn broken_ru() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let index = dir.path().join("content/ru/index.md");
    let mut text = std::fs::read_to_string(&index).expect("read");
    text.push_str("\n[сломано](nowhere.md)\n");
    std::fs::write(&index, text).expect("write");
    dir
}

#[test]
fn keep_going_writes_the_locales_without_errors_and_names_the_others() {
    let dir = broken_ru();
    let out = dir.path().join("dist");
    let o = build(
        dir.path(),
        &out,
        &["--keep-going", "--format", "site,scorm12"],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/ru/index.md:"),
        "the error is shown:\n{err}"
    );
    assert!(
        err.contains("error: not written: ru (1 error)"),
        "the summary names ru:\n{err}"
    );
    assert!(err.contains("written: en, uz"), "{err}");
    let site = out.join("site");
    assert_eq!(names(&site), ["en", "index.html", "static", "uz"]);
    assert_eq!(broken_links(&site), Vec::<(String, String)>::new());
    let chooser = std::fs::read_to_string(site.join("index.html")).expect("chooser");
    assert!(!chooser.contains("ru/index.html"), "the chooser offers ru");
    assert_eq!(
        names(&out.join("scorm12")),
        ["fixture-en.zip", "fixture-uz.zip"]
    );
}

#[test]
fn without_keep_going_an_error_in_one_locale_writes_nothing() {
    let dir = broken_ru();
    let out = dir.path().join("dist");
    let o = build(dir.path(), &out, &["--format", "site"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!out.exists(), "an output was written");
}

#[test]
fn keep_going_leaves_out_a_locale_that_shows_a_broken_page() {
    // uz has no translation of module-a/01-one.md and shows the ru page.
    let dir = copy_fixture("basic");
    let page = dir.path().join("content/ru/module-a/01-one.md");
    let mut text = std::fs::read_to_string(&page).expect("read");
    text.push_str("\n[сломано](nowhere.md)\n");
    std::fs::write(&page, text).expect("write");
    let out = dir.path().join("dist");
    let o = build(dir.path(), &out, &["--keep-going", "--format", "site"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("not written: ru (1 error), uz (1 error)"),
        "{err}"
    );
    assert_eq!(names(&out.join("site")), ["en", "index.html", "static"]);
}

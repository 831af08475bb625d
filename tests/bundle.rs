//! The USB bundle and single-file modules: a fresh bundle verifies; a copy
//! with a changed, a missing and an extra file is named file by file; a
//! single-file module refers to nothing outside itself.

mod common;
use common::*;
use std::path::PathBuf;

fn built() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&[
        "build",
        "--course",
        &c,
        "--format",
        "bundle,single",
        "--quiet",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    dir
}

#[test]
fn a_fresh_bundle_verifies_and_a_damaged_copy_is_named_file_by_file() {
    let dir = built();
    let bundle: PathBuf = dir.path().join("dist/bundle");
    for f in [
        "START.html",
        "README.txt",
        "SHA256SUMS",
        "site/index.html",
        "site/ru/index.html",
        "scorm12/fixture-ru.zip",
        "scorm2004/fixture-module-a-uz.zip",
    ] {
        assert!(bundle.join(f).is_file(), "{f} in the bundle");
    }
    let sums = read(&bundle, "SHA256SUMS");
    assert!(
        sums.lines()
            .all(|l| l.len() > 66 && l.as_bytes()[64] == b' '),
        "sha256sum format"
    );
    assert!(sums.contains("  site/en/module-a/01-one.html\n"));
    let b = bundle.to_string_lossy().into_owned();
    let ok = darslik(&["verify", &b]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );

    // Flip one byte, delete another file, add a third.
    let flip = bundle.join("site/ru/index.html");
    let mut bytes = std::fs::read(&flip).unwrap();
    bytes[100] ^= 1;
    std::fs::write(&flip, bytes).unwrap();
    std::fs::remove_file(bundle.join("scorm12/fixture-en.zip")).unwrap();
    std::fs::write(bundle.join("site/notes.txt"), "added").unwrap();
    let bad = darslik(&["verify", &b]);
    let text = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1), "{text}");
    assert!(text.contains("changed: site/ru/index.html"), "{text}");
    assert!(text.contains("missing: scorm12/fixture-en.zip"), "{text}");
    assert!(text.contains("extra:   site/notes.txt"), "{text}");
}

#[test]
fn start_page_and_readme_speak_every_language() {
    let dir = built();
    let bundle = dir.path().join("dist/bundle");
    let start = read(&bundle, "START.html");
    for href in [
        "site/en/index.html",
        "site/ru/index.html",
        "site/uz/index.html",
    ] {
        assert!(start.contains(&format!("href=\"{href}\"")), "{href}");
    }
    assert!(
        start.contains("scorm12/fixture-ru.zip"),
        "names the zip an academy uploads"
    );
    assert!(start.contains("Moodle"));
    let readme = read(&bundle, "README.txt");
    assert!(
        readme.contains("START.html")
            && readme.contains("Откройте START.html")
            && readme.contains("START.html faylini")
    );
    assert!(
        readme.contains("\r\n"),
        "README.txt has Windows line endings for Notepad"
    );
}

#[test]
fn single_file_modules_are_self_contained() {
    let dir = built();
    let single = dir.path().join("dist/single");
    for l in ["en", "ru", "uz"] {
        for m in ["module-a", "module-b"] {
            let html = read(&single, &format!("{l}/{m}.html"));
            assert!(
                !html.contains("<link rel=\"stylesheet\""),
                "{l}/{m}: CSS inline"
            );
            assert!(!html.contains("<script src="), "{l}/{m}: JS inline");
            for attr in ["src=\"", "href=\""] {
                for part in html.split(attr).skip(1) {
                    let target = part.split('"').next().unwrap_or_default();
                    assert!(
                        target.starts_with('#') || target.starts_with("data:") || target.is_empty(),
                        "{l}/{m} refers to {target}"
                    );
                }
            }
        }
    }
    let a = read(&single, "ru/module-a.html");
    assert!(
        a.contains("src=\"data:image/svg+xml;base64,"),
        "images as data URIs"
    );
    assert!(
        a.contains("<style>") && a.contains("window.darslikQuiz"),
        "theme inline"
    );
}

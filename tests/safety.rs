//! A translation that smuggles in scripts must not reach any output: SCORM
//! content runs on the academy's Moodle origin, so this would be stored
//! cross-site scripting inside its LMS.

mod common;
use common::*;
use std::path::Path;

const HOSTILE: &str = r#"+++
title = "Страница один <script>alert('title')</script>"
description = "\"><script>alert('description')</script>"
+++

## Независимые источники {#independent-sources}

<script>alert('script')</script>

<img src="pic.svg" onerror="alert('onerror')">

[нажми](javascript:alert('link')) и ![картинка](javascript:alert('image'))

<iframe src="https://evil.example/"></iframe>

<a href="javascript:alert('raw-link')">сырая ссылка</a>

<p style="background:url(https://evil.example/x.png)" onclick="alert('click')">текст</p>

<details><summary>Подробнее</summary>Разрешённый HTML остаётся.</details>
"#;

#[test]
fn hostile_html_in_a_translation_reaches_no_output() {
    let dir = copy_fixture("basic");
    write(dir.path(), "content/ru/module-a/01-one.md", HOSTILE);
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&[
        "build",
        "--course",
        &c,
        "--format",
        "site,scorm12,scorm2004",
        "--quiet",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let files = all_output_text(&dir.path().join("dist"));
    assert!(
        files
            .iter()
            .any(|(n, _)| n.ends_with("ru/module-a/01-one.html"))
    );
    for (name, text) in &files {
        // The theme's own scripts (minified: `s.onerror=function`) are not
        // made from the course's text; the search indexes are, and are read.
        if name.contains("/static/") && name.ends_with(".js") {
            continue;
        }
        for bad in [
            "<script>alert",
            "onerror=",
            "onclick=",
            "javascript:",
            "<iframe",
            "evil.example",
        ] {
            assert!(!text.contains(bad), "{bad} reached {name}");
        }
    }
    let page = files
        .iter()
        .find(|(n, _)| n.ends_with("ru/module-a/01-one.html"))
        .unwrap();
    assert!(
        page.1.contains("<details><summary>Подробнее</summary>"),
        "allowed HTML stays"
    );
    assert!(page.1.contains("нажми"), "the text of a removed link stays");
}

#[test]
fn check_warns_about_what_is_removed_with_file_and_line() {
    let dir = copy_fixture("basic");
    write(dir.path(), "content/ru/module-a/01-one.md", HOSTILE);
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["check", "--course", &c, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = v["warnings"].as_array().unwrap();
    let at = |code: &str, line: u64| {
        warnings.iter().any(|w| {
            w["code"] == code && w["line"] == line && w["file"] == "content/ru/module-a/01-one.md"
        })
    };
    assert!(at("html-removed", 8), "script: {warnings:?}");
    assert!(at("html-removed", 10), "onerror");
    assert!(at("link-unsafe", 12), "javascript: link");
    assert!(at("html-removed", 14), "iframe");
    assert!(at("html-removed", 18), "style url() and onclick");
    // Warnings only: the build goes on with the dangerous parts removed.
    assert_eq!(v["errors"].as_array().unwrap().len(), 0, "{v}");
}

/// Build every format and give every text file of the output (zips opened).
fn build_all(dir: &Path) -> (std::process::Output, Vec<(String, String)>) {
    let c = dir.to_string_lossy().into_owned();
    let out = darslik(&[
        "build",
        "--course",
        &c,
        "--format",
        "site,scorm12,scorm2004,single,bundle",
        "--quiet",
    ]);
    let files = all_output_text(&dir.join("dist"));
    (out, files)
}

fn strict_warnings(dir: &Path) -> Vec<serde_json::Value> {
    let c = dir.to_string_lossy().into_owned();
    let out = darslik(&["check", "--course", &c, "--format", "json", "--strict"]);
    assert_eq!(out.status.code(), Some(1), "check --strict must fail");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["warnings"].as_array().unwrap().clone()
}

/// Issue 16 D1: `{…}` after a heading wrote any attribute into the page,
/// event handlers included, in every output.
#[test]
fn heading_attributes_never_carry_a_handler() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/en/module-a/01-one.md",
        "+++\ntitle = \"One\"\n+++\n\n## Welcome {autofocus tabindex=0 onfocus=alert(document.domain)}\n\nText.\n\n### Keep {#kept .note lang=ru}\n\nMore.\n\n## Sources {#independent-sources}\n",
    );
    let (out, files) = build_all(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let page = files
        .iter()
        .find(|(n, _)| n.ends_with("site/en/module-a/01-one.html"))
        .expect("page");
    assert!(
        page.1
            .contains("<h3 id=\"kept\" class=\"note\" lang=\"ru\">"),
        "{}",
        page.1
    );
    for (name, text) in &files {
        for bad in ["onfocus", "autofocus", "alert(document.domain)"] {
            assert!(!text.contains(bad), "{bad} reached {name}");
        }
    }
    let w = strict_warnings(dir.path());
    assert!(
        w.iter().any(|w| w["code"] == "html-removed"
            && w["line"] == 5
            && w["message"].as_str().unwrap().contains("onfocus")),
        "{w:?}"
    );
}

/// Issue 16 D6 and D7: an element with the id `API` hid the LMS from the
/// SCORM bridge (tracking silently off); a raw `<img>` fetched from outside.
#[test]
fn raw_html_can_neither_hide_the_lms_nor_load_from_outside() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/en/module-a/01-one.md",
        "+++\ntitle = \"One\"\n+++\n\n<div id=\"API\">x</div>\n\n## Api {#API_1484_11}\n\n<img src=\"https://evil.example/t.png\" alt=\"t\"> <img src=\"//evil.example/u.png\"> <span id=\"darslikStore\">y</span>\n\n## Sources {#independent-sources}\n",
    );
    let (out, files) = build_all(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    for (name, text) in &files {
        for bad in [
            "id=\"API\"",
            "id=\"API_1484_11\"",
            "id=\"darslikStore\"",
            "evil.example",
        ] {
            assert!(!text.contains(bad), "{bad} reached {name}");
        }
    }
    let w = strict_warnings(dir.path());
    let on = |line: u64, what: &str| {
        w.iter().any(|w| {
            w["code"] == "html-removed"
                && w["line"] == line
                && w["message"].as_str().unwrap().contains(what)
        })
    };
    assert!(on(5, "LMS connection"), "{w:?}");
    assert!(on(7, "API_1484_11"), "{w:?}");
    assert!(on(9, "from the internet"), "{w:?}");
    assert!(on(9, "darslik's scripts"), "{w:?}");
}

/// Issue 16 R7: links and images inside quiz text were never resolved or
/// checked: `.md` links stayed broken, images broke in SCORM, `file:` and
/// `../` kept silently.
#[test]
fn links_and_images_in_quiz_text_are_resolved_and_checked() {
    let dir = copy_fixture("basic");
    let quiz = |extra: &str| {
        format!(
            "+++\ntitle = \"Two\"\n+++\n\n## Target {{#target}}\n\n```quiz\n? Read [page one](01-one.md#independent-sources) first ![a diagram](pic.svg)\n(x) See [file](file:///etc/passwd)\n( ) No{extra}\n```\n"
        )
    };
    write(dir.path(), "content/en/module-a/02-two.md", &quiz(""));
    let (out, files) = build_all(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let page = files
        .iter()
        .find(|(n, _)| n.ends_with("site/en/module-a/02-two.html"))
        .expect("page");
    assert!(
        page.1
            .contains("<a href=\"01-one.html#independent-sources\">page one</a>"),
        "{}",
        page.1
    );
    assert!(page.1.contains("src=\"pic.svg\""), "{}", page.1);
    for (name, text) in &files {
        assert!(!text.contains("/etc/passwd"), "file: link reached {name}");
        assert!(
            !text.contains("href=\"01-one.md"),
            "an unresolved .md link in {name}"
        );
    }
    // Inside the SCORM package the image is in the zip and the link is an
    // anchor of the module document.
    let sco = files
        .iter()
        .find(|(n, _)| n.ends_with("scorm12/fixture-en.zip!module-a.html"))
        .expect("SCO");
    assert!(
        sco.1.contains("href=\"#en-01-one-independent-sources\""),
        "{}",
        sco.1
    );
    let img = regex_src(&sco.1, "a diagram");
    assert!(
        files
            .iter()
            .any(|(n, _)| n.ends_with(&format!("scorm12/fixture-en.zip!{img}"))),
        "{img} is not in the package"
    );
    let w = strict_warnings(dir.path());
    assert!(
        w.iter()
            .any(|w| w["code"] == "link-unsafe" && w["line"] == 9),
        "{w:?}"
    );
    // An image from the internet and a link out of the course are errors at
    // their line, as on the page itself.
    write(
        dir.path(),
        "content/en/module-a/02-two.md",
        &quiz(" ![x](https://evil.example/x.png) [up](../../../../outside.md)"),
    );
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["check", "--course", &c, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = v["errors"].as_array().unwrap();
    for code in ["image-remote", "link-outside-course"] {
        assert!(
            errors.iter().any(|e| e["code"] == code && e["line"] == 10),
            "{code}: {errors:?}"
        );
    }
}

/// The `src` of the `<img>` whose alt text is `alt`.
fn regex_src(html: &str, alt: &str) -> String {
    let at = html.find(&format!("alt=\"{alt}\"")).expect("img");
    let start = html[..at].rfind("src=\"").expect("src") + 5;
    let end = start + html[start..].find('"').unwrap();
    html[start..end].to_string()
}

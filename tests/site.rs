//! What a trainer gets: the static site of the fixture course, with links
//! rewritten, fallbacks shown and everything escaped.

mod common;
use common::*;

fn built() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let out = build_site(dir.path());
    assert!(out.status.success(), "build failed:\n{}", stderr(&out));
    dir
}

#[test]
fn every_page_of_every_locale_is_written() {
    let dir = built();
    let site = dir.path().join("dist/site");
    for locale in ["en", "ru", "uz"] {
        for page in [
            "index.html",
            "module-a/index.html",
            "module-a/01-one.html",
            "module-a/02-two.html",
            "module-b/index.html",
        ] {
            assert!(
                site.join(locale).join(page).is_file(),
                "missing {locale}/{page}"
            );
        }
    }
    assert!(site.join("index.html").is_file());
    assert!(site.join("static/style.css").is_file());
    let chooser = read(&site, "index.html");
    for (tag, name) in [("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")] {
        assert!(
            chooser.contains(&format!("href=\"{tag}/index.html\"")),
            "chooser links {tag}"
        );
        assert!(chooser.contains(name), "chooser names {name}");
    }
}

#[test]
fn links_are_rewritten_to_the_output_pages() {
    let dir = built();
    let site = dir.path().join("dist/site");
    let one = read(&site, "en/module-a/01-one.html");
    assert!(one.contains(r##"href="02-two.html#target""##), "{one}");
    assert!(one.contains(r#"href="../module-b/index.html""#));
    assert!(one.contains(r##"href="#independent-sources""##));
    assert!(one.contains(r#"id="independent-sources""#));
    let b = read(&site, "en/module-b/index.html");
    assert!(
        b.contains(r##"href="../module-a/01-one.html#independent-sources""##),
        "{b}"
    );
    let two = read(&site, "en/module-a/02-two.html");
    assert!(
        two.contains(r#"id="очная-ставка""#),
        "Cyrillic heading ids keep their letters"
    );
    // The language switch lands on the same page in the other locale.
    assert!(one.contains(r#"href="../../ru/module-a/01-one.html""#));
    // Tables scroll in their own box; footnotes are rendered.
    assert!(one.contains("class=\"table-wrap\""));
    assert!(one.contains("footnote-definition"));
}

#[test]
fn missing_pages_fall_back_with_a_notice_and_the_right_lang() {
    let dir = built();
    let site = dir.path().join("dist/site");
    // ru lacks 02-two: English content, Russian notice, lang="en" on the content.
    let ru_two = read(&site, "ru/module-a/02-two.html");
    assert!(ru_two.contains("<html lang=\"ru\""));
    assert!(ru_two.contains("<article lang=\"en\""), "{ru_two}");
    assert!(ru_two.contains("ещё не переведена"));
    assert!(ru_two.contains("Page two"));
    // uz falls back to ru first (fallback = ["ru", "en"]).
    let uz_one = read(&site, "uz/module-a/01-one.html");
    assert!(uz_one.contains("<article lang=\"ru\""));
    assert!(uz_one.contains("Страница один"));
    assert!(uz_one.contains("hali oʻzbek tiliga tarjima qilinmagan"));
    // A translated page has no notice.
    let ru_one = read(&site, "ru/module-a/01-one.html");
    assert!(!ru_one.contains("class=\"notice\""));
    assert!(!ru_one.contains("<article lang="));
}

#[test]
fn images_fall_back_along_the_chain() {
    let dir = built();
    let site = dir.path().join("dist/site");
    assert!(read(&site, "en/module-a/pic.svg").contains("<title>en</title>"));
    assert!(read(&site, "ru/module-a/pic.svg").contains("<title>ru</title>"));
    // uz has no pic.svg: its chain is uz → ru → en, so the Russian copy.
    assert!(read(&site, "uz/module-a/pic.svg").contains("<title>ru</title>"));
    // Only English has neutral.svg.
    assert!(read(&site, "ru/module-a/neutral.svg").contains("<title>neutral</title>"));
    assert!(read(&site, "ru/module-a/01-one.html").contains("src=\"neutral.svg\""));
}

#[test]
fn messages_fall_back_and_are_escaped() {
    let dir = built();
    let site = dir.path().join("dist/site");
    let uz = read(&site, "uz/index.html");
    assert!(uz.contains("Oʻquv kursi"));
    // uz has no course-description: ru's is used.
    assert!(uz.contains("Описание на русском."), "{uz}");
    let en = read(&site, "en/index.html");
    assert!(
        !en.contains("<b>course</b>"),
        "Fluent values must be escaped"
    );
    assert!(en.contains("Fixture &lt;b&gt;course&lt;/b&gt; &amp;"));
    assert!(
        !en.contains("<script>alert(1)</script>"),
        "front matter must be escaped"
    );
    assert!(en.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    for entry in walkdir::WalkDir::new(&site) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                "isolation marks in {}",
                entry.path().display()
            );
        }
    }
}

#[test]
fn the_site_refers_only_to_files_inside_it() {
    let dir = built();
    let site = dir.path().join("dist/site");
    for entry in walkdir::WalkDir::new(&site) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for attr in ["src=\"", "href=\""] {
                for part in text.split(attr).skip(1) {
                    let target = part.split('"').next().unwrap_or_default();
                    assert!(
                        !target.starts_with("http") && !target.starts_with("//"),
                        "remote {target} in {}",
                        entry.path().display()
                    );
                    let path = target.split('#').next().unwrap_or_default();
                    if path.is_empty() {
                        continue;
                    }
                    let resolved = entry.path().parent().unwrap().join(path);
                    assert!(
                        resolved.exists(),
                        "{} refers to missing {target}",
                        entry.path().display()
                    );
                }
            }
        }
    }
}

#[test]
fn new_course_builds() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("c");
    let c = course.to_string_lossy().into_owned();
    let out = darslik(&["new", &c]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = build_site(&course);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        course
            .join("dist/site/ru/module-01/01-first-page.html")
            .is_file()
    );
}

#[test]
fn the_contents_list_shows_the_open_modules_pages_with_the_current_one_marked() {
    let dir = built();
    let site = dir.path().join("dist/site");
    let one = read(&site, "ru/module-a/01-one.html");
    let list = one
        .split("<ol class=\"toc-pages\">")
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .unwrap_or_else(|| panic!("no page list in the contents:\n{one}"));
    let items: Vec<&str> = list.split_whitespace().collect();
    assert_eq!(
        items.join(" "),
        "<li><a href=\"01-one.html\" aria-current=\"page\">Страница один</a></li> \
         <li><a href=\"02-two.html\" lang=\"en\">Page two</a></li>",
        "{list}"
    );
    // Only the page shown is current; the module page marks none.
    let two = read(&site, "ru/module-a/02-two.html");
    assert_eq!(two.matches("aria-current=\"page\"").count(), 1, "{two}");
    assert!(two.contains("<a href=\"02-two.html\" aria-current=\"page\" lang=\"en\">Page two</a>"));
    let index = read(&site, "ru/module-a/index.html");
    assert!(
        index.contains("<li><a href=\"01-one.html\">Страница один</a></li>"),
        "{index}"
    );
}

#[test]
fn a_theme_can_loop_over_the_open_modules_pages() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "themes/default/templates/header.html",
        "{% for m in modules %}{% if m.open %}<p class=\"probe\">{{ m.pages | length }}:\
         {% for p in m.pages %}{{ p.title }}{% if p.current %}*{% endif %};{% endfor %}\
         {% if m.pages | length > 1 %}{{ m.pages[1].href }}{% endif %}</p>{% endif %}{% endfor %}",
    );
    let out = build_site(dir.path());
    assert!(out.status.success(), "build failed:\n{}", stderr(&out));
    let two = read(&dir.path().join("dist/site"), "en/module-a/02-two.html");
    assert!(
        two.contains("<p class=\"probe\">2:Page one;Page two*;02-two.html</p>"),
        "{two}"
    );
}

/// The JSON of a page's `<script type="application/json" class="results-data">`.
fn results_data(html: &str) -> serde_json::Value {
    let start = html
        .find("class=\"results-data\">")
        .map(|i| i + "class=\"results-data\">".len())
        .expect("results data");
    let end = start
        + html[start..]
            .find("</script>")
            .expect("end of results data");
    serde_json::from_str(&html[start..end]).expect("results data is JSON")
}

// Issue 21 (SPEC §9): every locale's "My results" page, linked from every
// page, and the same section at the end of each single-file module.
#[test]
fn every_locale_has_a_results_page_linked_from_its_pages() {
    let dir = built();
    let site = dir.path().join("dist/site");
    for (locale, title) in [
        ("en", "My results"),
        ("ru", "Мои результаты"),
        ("uz", "Mening natijalarim"),
    ] {
        let page = read(&site, &format!("{locale}/results.html"));
        assert!(
            page.contains(&format!("<html lang=\"{locale}\">")),
            "{page}"
        );
        assert!(
            page.contains(&format!("<h1>{title}</h1>")),
            "{locale}: {page}"
        );
        assert!(page.contains(" data-kind=\"results\""), "{page}");
        // Every text is the locale's own (a missing message shows as [id]).
        assert!(
            !page.contains("[results-") && !page.contains("[progress-"),
            "{page}"
        );
        assert!(
            !page.contains("data-page="),
            "not a page of the course: {page}"
        );
        // Without JavaScript it says what it is for and that it needs it.
        assert!(page.contains("<noscript><p class=\"notice\">"), "{page}");
        for script in ["progress.js", "records.js", "results.js"] {
            assert!(
                page.contains(&format!(
                    "<script src=\"../static/{script}\" defer></script>"
                )),
                "{locale}: {script}"
            );
        }
        assert!(!page.contains("quiz.js"), "no quiz on the results page");
        for field in ["name", "organisation", "region"] {
            let id = format!("id=\"results-{field}\"");
            assert!(page.contains(&format!("for=\"results-{field}\"")) && page.contains(&id));
        }
        let data = results_data(&page);
        assert_eq!(data["course"]["id"], "fixture");
        assert_eq!(data["course"]["version"], "2.0.0");
        assert_eq!(data["locale"], locale);
        let modules: Vec<&str> = data["modules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["module"].as_str().unwrap())
            .collect();
        assert_eq!(modules, ["module-a", "module-b"]);
        assert_eq!(data["modules"][0]["pages"].as_array().unwrap().len(), 3);
        assert!(data["t"]["saved"].as_str().unwrap().contains("{file}"));
        // The language links go to the other locales' results pages.
        let other = if locale == "en" { "ru" } else { "en" };
        assert!(
            page.contains(&format!("href=\"../{other}/results.html\"")),
            "{page}"
        );
        // Linked from the contents of every page, and from the course home.
        for (rel, href) in [
            ("index.html", "results.html"),
            ("module-a/01-one.html", "../results.html"),
            ("search.html", "results.html"),
        ] {
            let p = read(&site, &format!("{locale}/{rel}"));
            assert!(
                p.contains(&format!("<p class=\"toc-results\"><a href=\"{href}\">")),
                "{locale}/{rel}"
            );
        }
        let home = read(&site, &format!("{locale}/index.html"));
        assert!(
            home.contains("<p class=\"home-results\"><a class=\"button\" href=\"results.html\">")
        );
        // A module's last page: its summary links the page.
        let last = read(&site, &format!("{locale}/module-a/02-two.html"));
        assert!(last.contains("<p class=\"summary-results\"><a href=\"../results.html\">"));
        assert!(last.contains("<script src=\"../../static/records.js\" defer></script>"));
    }
    assert!(site.join("static/records.js").is_file() && site.join("static/results.js").is_file());
}

#[test]
fn a_single_file_ends_with_my_results() {
    let dir = copy_fixture("basic");
    let course = dir.path().to_string_lossy().into_owned();
    let out = darslik(&[
        "build", "--course", &course, "--format", "single", "--quiet",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = read(dir.path(), "dist/single/ru/module-a.html");
    assert!(doc.contains("<section class=\"results\" id=\"ru-results\" data-results"));
    assert!(
        doc.contains("<p class=\"toc-results\"><a href=\"#ru-results\">Мои результаты</a></p>")
    );
    let data = results_data(&doc);
    assert_eq!(data["locale"], "ru");
    assert_eq!(
        data["modules"].as_array().unwrap().len(),
        2,
        "every module of the course"
    );
    assert!(doc.contains("darslikRecords") && doc.contains("darslikProgress"));
}

// SPEC §11: no author file takes the name of the results page.
#[test]
fn an_author_file_named_results_html_is_an_error() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(root, "content/en/results.html", "<p>fake-results</p>\n");
    write(root, "content/ru/Results.HTML", "fake-results\n");
    let out = build_site(root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/en/results.html would replace site/en/results.html"),
        "{err}"
    );
    assert!(
        err.contains("content/ru/Results.HTML would replace site/ru/results.html"),
        "{err}"
    );
    assert!(!root.join("dist/site/en/results.html").exists());
}

// A results.md beside the home page is not a page of the course (pages live
// in modules): a warning, and the generated results page stays.
#[test]
fn an_author_results_md_does_not_replace_the_results_page() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(
        root,
        "content/en/results.md",
        "+++\ntitle = \"Fake\"\n+++\n\nfake-results\n",
    );
    let out = build_site(root);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("content/en/results.md is not part of the course"),
        "{err}"
    );
    let page = read(root, "dist/site/en/results.html");
    assert!(!page.contains("fake-results") && page.contains("data-results"));
}

#[test]
fn a_module_named_results_html_is_a_config_error() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let toml = read(root, "course.toml").replace(
        "modules = [\"module-a\", \"module-b\"]",
        "modules = [\"module-a\", \"module-b\", \"results.html\"]",
    );
    write(root, "course.toml", &toml);
    let out = build_site(root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`results.html`") && err.contains("My results"),
        "{err}"
    );
}

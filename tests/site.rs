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

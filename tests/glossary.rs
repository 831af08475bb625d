//! `glossary.toml` (SPEC §10): `check` warns `term-missing` and
//! `term-avoided` at file:line:column, inflected forms count as the term,
//! a glossary that cannot be read is an error at its line and column, and
//! the site gets a glossary page per locale.

mod common;
use common::*;

fn glossary_problems(root: &std::path::Path) -> Vec<Problem> {
    problems(root)
        .into_iter()
        .filter(|p| p.0.starts_with("term-") || p.0.starts_with("glossary-"))
        .collect()
}

#[test]
fn a_term_missing_in_ru_and_an_avoided_variant_in_uz_are_reported_where_they_are() {
    let dir = copy_fixture("glossary");
    let p = glossary_problems(dir.path());
    // ru renders "forced labour" as «подневольный труд», which the glossary
    // says to avoid, and never uses «принудительный труд».
    has_problem(&p, "term-avoided", "content/ru/m/01-terms.md", 11, 1);
    has_problem(&p, "term-avoided", "content/uz/m/01-terms.md", 11, 48);
    let missing: Vec<&Problem> = p.iter().filter(|p| p.0 == "term-missing").collect();
    assert_eq!(missing.len(), 1, "{p:#?}");
    // At the paragraph that stands where the source first uses the term
    // (the same section and paragraph), naming where the source uses it.
    has_problem(&p, "term-missing", "content/ru/m/01-terms.md", 11, 1);
    assert!(
        missing[0].4.contains("content/en/m/01-terms.md:11:1"),
        "{missing:?}"
    );
    assert!(missing[0].4.contains("forced labour") && missing[0].4.contains("принудительный труд"));
    assert_eq!(p.len(), 3, "nothing else: {p:#?}");
}

#[test]
fn inflected_forms_count_as_the_term() {
    // The fixture's ru page says «торговлей людьми» and «жертвы», the uz page
    // «odam savdosiga» and «jabrlanuvchining»: no term-missing for them.
    let dir = copy_fixture("glossary");
    let p = glossary_problems(dir.path());
    assert!(
        !p.iter().any(|p| p.0 == "term-missing"
            && (p.4.contains("trafficking in persons") || p.4.contains("victim"))),
        "{p:#?}"
    );
    // And the other forms too.
    let (mut ru_was, mut uz_was) = ("торговлей людьми", "Odam savdosiga");
    for (ru, uz) in [
        ("торговли людьми", "Odam savdosining"),
        ("торговля людьми", "Odam savdosi"),
        ("торговле людьми", "Odam savdosidan"),
    ] {
        let text = read(dir.path(), "content/ru/m/01-terms.md").replace(ru_was, ru);
        write(dir.path(), "content/ru/m/01-terms.md", &text);
        let text = read(dir.path(), "content/uz/m/01-terms.md").replace(uz_was, uz);
        write(dir.path(), "content/uz/m/01-terms.md", &text);
        (ru_was, uz_was) = (ru, uz);
        let p = glossary_problems(dir.path());
        assert!(
            !p.iter()
                .any(|p| p.0 == "term-missing" && p.4.contains("trafficking")),
            "{ru} / {uz}: {p:#?}"
        );
    }
    // Without any form of the term, it is missing.
    let text = read(dir.path(), "content/uz/m/01-terms.md");
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("Odam") {
                "Kurash hammaning ishi."
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    write(dir.path(), "content/uz/m/01-terms.md", &text);
    let p = glossary_problems(dir.path());
    assert!(
        p.iter().any(|p| p.0 == "term-missing"
            && p.1 == "content/uz/m/01-terms.md"
            && p.4.contains("odam savdosi")),
        "{p:#?}"
    );
}

#[test]
fn code_and_link_targets_are_not_prose() {
    let dir = copy_fixture("glossary");
    write(
        dir.path(),
        "content/ru/m/index.md",
        "+++\ntitle = \"Модуль\"\n+++\n\nПрочитайте [термины](01-terms.md) и `трафикинг`.\n\n```\nконтрабанда людей\n```\n",
    );
    let p = glossary_problems(dir.path());
    assert!(!p.iter().any(|p| p.1 == "content/ru/m/index.md"), "{p:#?}");
}

#[test]
fn a_bad_glossary_is_an_error_at_its_line_and_column() {
    let dir = copy_fixture("glossary");
    let text = read(dir.path(), "glossary.toml").replace(
        "uz = \"jabrlanuvchi\"",
        "uz = \"jabrlanuvchi\"\nuzb = \"x\"",
    );
    write(dir.path(), "glossary.toml", &text);
    let p = glossary_problems(dir.path());
    let line = text.lines().position(|l| l.starts_with("uzb")).unwrap() as u64 + 1;
    has_problem(&p, "glossary-invalid", "glossary.toml", line, 1);
    // The build stops on it.
    let o = build_site(dir.path());
    assert!(!o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("glossary.toml"), "{}", stderr(&o));

    write(
        dir.path(),
        "glossary.toml",
        "[[term]]\nen = \"victim\nru = \"жертва\"\n",
    );
    let p = glossary_problems(dir.path());
    assert!(
        p.iter()
            .any(|p| p.0 == "glossary-invalid" && p.1 == "glossary.toml" && p.2 == 2),
        "{p:#?}"
    );
}

#[test]
fn the_site_has_a_glossary_page_per_locale_linked_from_every_page() {
    let dir = copy_fixture("glossary");
    let o = build_site(dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let site = dir.path().join("dist/site");
    let page = |rel: &str| read(&site, rel);
    let en = page("en/glossary.html");
    for t in [
        "trafficking in persons",
        "торговля людьми",
        "odam savdosi",
        "forced labour",
    ] {
        assert!(en.contains(t), "en page lacks {t}");
    }
    assert!(
        en.contains("forced labor"),
        "other accepted renderings are listed"
    );
    let ru = page("ru/glossary.html");
    assert!(ru.contains("<dt>торговля людьми</dt>"), "{ru}");
    assert!(
        ru.contains("контрабанда людей"),
        "avoided variants are listed"
    );
    assert!(
        ru.contains("Палермский протокол, статья 3 (a)."),
        "the note in the page's language"
    );
    assert!(ru.contains("<html lang=\"ru\""));
    // A note is text, never HTML.
    assert!(
        !ru.contains("<script>alert(1)") && !ru.contains("<b>not bold"),
        "{ru}"
    );
    assert!(ru.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{ru}");
    // uz-Cyrl: transliterated from uz.
    let cyrl = page("uz-Cyrl/glossary.html");
    assert!(cyrl.contains("одам савдоси"), "{cyrl}");
    assert!(!cyrl.contains("<dt>odam savdosi"), "{cyrl}");
    // Linked from the contents of every page.
    for rel in [
        "en/index.html",
        "ru/m/01-terms.html",
        "uz-Cyrl/m/index.html",
    ] {
        let html = page(rel);
        assert!(
            html.contains("class=\"toc-glossary\""),
            "{rel} has no link to the glossary"
        );
    }
    assert!(page("ru/m/01-terms.html").contains("href=\"../glossary.html\""));
}

#[test]
fn a_course_without_a_glossary_has_no_glossary_page() {
    let dir = copy_fixture("glossary");
    std::fs::remove_file(dir.path().join("glossary.toml")).unwrap();
    let o = build_site(dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let site = dir.path().join("dist/site");
    assert!(!site.join("en/glossary.html").exists());
    assert!(!read(&site, "en/index.html").contains("glossary.html"));
}

#[test]
fn messages_are_checked_message_by_message() {
    let dir = copy_fixture("glossary");
    write(
        dir.path(),
        "locales/en/course.ftl",
        "course-title = Glossary test\ncourse-description = How { $who } fight trafficking in persons\n",
    );
    write(
        dir.path(),
        "locales/ru/course.ftl",
        "course-title = Торговля людьми\ncourse-description = Как { $who } борются с контрабандой людей\n",
    );
    write(
        dir.path(),
        "locales/uz/course.ftl",
        "course-title = Glossary test\ncourse-description = { $who } odam savdosiga qarshi qanday kurashadi\n",
    );
    let p = glossary_problems(dir.path());
    // ru: the term is in another message, not in this one; and the avoided variant.
    has_problem(&p, "term-missing", "locales/ru/course.ftl", 2, 22);
    has_problem(&p, "term-avoided", "locales/ru/course.ftl", 2, 45);
    assert!(!p.iter().any(|p| p.1.starts_with("locales/uz")), "{p:#?}");
}

#[test]
fn a_missing_term_on_a_page_of_another_structure_is_shown_at_its_first_word() {
    let dir = copy_fixture("glossary");
    // The ru page loses its second heading: no part stands where the
    // source's "forced labour" stands.
    let text = read(dir.path(), "content/ru/m/01-terms.md").replace("## Работа\n\n", "");
    write(dir.path(), "content/ru/m/01-terms.md", &text);
    let p = glossary_problems(dir.path());
    has_problem(&p, "term-missing", "content/ru/m/01-terms.md", 5, 3);
}

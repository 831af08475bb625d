//! `darslik check` warns about the apostrophes Uzbek translators type for oʻ,
//! gʻ and the tutuq belgisi; `check --fix` corrects them in place, touching
//! nothing else, and a second run changes nothing.

mod common;
use common::*;

fn without_slug(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("slug = "))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn check_warns_and_fix_corrects_every_variant_once() {
    let dir = copy_fixture("basic");
    let source =
        without_slug(&std::fs::read_to_string(fixture("translit/apostrophes.md")).unwrap());
    let expected = without_slug(
        &std::fs::read_to_string(fixture("translit/apostrophes.expected.md")).unwrap(),
    );
    write(dir.path(), "content/uz/index.md", &source);
    write(
        dir.path(),
        "locales/uz/course.ftl",
        "course-title = O'quv kursi\ncourse-description = Ta'lim va o‘qish uchun\n",
    );
    let en_before = read(dir.path(), "content/en/index.md");
    let c = dir.path().to_string_lossy().into_owned();

    let out = darslik(&["check", "--course", &c, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings: Vec<&serde_json::Value> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "uz-apostrophe")
        .collect();
    assert!(warnings.len() >= 20, "{warnings:?}");
    assert!(warnings.iter().all(|w| w["line"].as_u64().unwrap_or(0) >= 1 && w["column"].as_u64().unwrap_or(0) >= 1));
    assert!(
        warnings
            .iter()
            .any(|w| w["file"] == "locales/uz/course.ftl" && w["line"] == 1 && w["column"] == 17)
    );

    let out = darslik(&["check", "--course", &c, "--fix"]);
    assert!(stderr(&out).contains("fixed"), "{}", stderr(&out));
    assert_eq!(read(dir.path(), "content/uz/index.md"), expected);
    assert_eq!(
        read(dir.path(), "locales/uz/course.ftl"),
        "course-title = Oʻquv kursi\ncourse-description = Taʼlim va oʻqish uchun\n"
    );
    assert_eq!(
        read(dir.path(), "content/en/index.md"),
        en_before,
        "other locales are not touched"
    );

    // A second run finds nothing and changes nothing.
    let out = darslik(&["check", "--course", &c, "--fix", "--format", "json"]);
    assert!(!stderr(&out).contains("fixed"), "{}", stderr(&out));
    assert_eq!(read(dir.path(), "content/uz/index.md"), expected);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == "uz-apostrophe")
    );
}

#[test]
fn fix_keeps_crlf_and_bom() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/uz/index.md",
        "\u{feff}+++\r\ntitle = \"Bosh sahifa\"\r\n+++\r\n\r\nO'zbekiston va ma'no.\r\n",
    );
    let c = dir.path().to_string_lossy().into_owned();
    darslik(&["check", "--course", &c, "--fix"]);
    assert_eq!(
        read(dir.path(), "content/uz/index.md"),
        "\u{feff}+++\r\ntitle = \"Bosh sahifa\"\r\n+++\r\n\r\nOʻzbekiston va maʼno.\r\n"
    );
}

#[test]
fn translit_command_filters_text_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("p.md");
    std::fs::write(&md, "+++\ntitle = \"Oʻzbekiston\"\n+++\n\n## Sud {#court}\n\nShahar [sirk](02-sirk.md) `code o'g'il`\n").unwrap();
    let out = darslik(&["translit", "--to", "uz-Cyrl", &md.to_string_lossy()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "+++\ntitle = \"Ўзбекистон\"\n+++\n\n## Суд {#court}\n\nШаҳар [цирк](02-sirk.md) `code o'g'il`\n"
    );
    let out = darslik(&["translit", "--to", "uz-Latn-2026", &md.to_string_lossy()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Özbekiston"));
    let bad = darslik(&["translit", "--to", "klingon"]);
    assert_eq!(bad.status.code(), Some(2));
}

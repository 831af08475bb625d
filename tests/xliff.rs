//! Issue 23: `darslik xliff export` / `import` (SPEC §10). Export then import
//! with no edits changes no byte; exported files validate against the XLIFF
//! 2.1 core schema (when `xmllint` and `../shared/xliff-xsd` are there);
//! edited targets reach the built site with their links and code intact;
//! a changed placeholder, another course or locale and broken XML are
//! refused with the place in the file, and nothing is written then.

mod common;
use common::*;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A copy of the sample course (the repository's own course) in a tempdir.
fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "locales", "themes", ".darslik", "branding"] {
        copy_dir(&repo.join(part), &dir.path().join(part));
    }
    std::fs::copy(repo.join("course.toml"), dir.path().join("course.toml")).expect("copy");
    for name in ["glossary.toml"] {
        if repo.join(name).exists() {
            std::fs::copy(repo.join(name), dir.path().join(name)).expect("copy");
        }
    }
    dir
}

/// Every file under content/ and locales/ with its bytes.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for part in ["content", "locales"] {
        for entry in walkdir::WalkDir::new(root.join(part)) {
            let entry = entry.expect("walk");
            if entry.file_type().is_file() {
                let rel = entry
                    .path()
                    .strip_prefix(root)
                    .expect("prefix")
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(entry.path()).expect("read"));
            }
        }
    }
    out
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn export(root: &Path, locale: &str) -> (PathBuf, String) {
    let out = root.join(format!("{locale}.xlf"));
    let o = darslik(&[
        "xliff",
        "export",
        "--course",
        &s(root),
        "--locale",
        locale,
        "--out",
        &s(&out),
    ]);
    assert_eq!(o.status.code(), Some(0), "export {locale}: {}", stderr(&o));
    let text = std::fs::read_to_string(&out).expect("read xlf");
    (out, text)
}

fn import(root: &Path, file: &Path) -> Output {
    darslik(&["xliff", "import", &s(file), "--course", &s(root)])
}

fn import_ok(root: &Path, file: &Path) -> String {
    let o = import(root, file);
    assert_eq!(o.status.code(), Some(0), "import: {}", stderr(&o));
    format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o))
}

/// The `<unit id=…>` element of `file` (its `original`) in an XLIFF text,
/// as a byte range.
fn unit_range(xlf: &str, original: &str, unit: &str) -> std::ops::Range<usize> {
    let f = xlf
        .find(&format!("original=\"{original}\""))
        .unwrap_or_else(|| panic!("no file {original}"));
    let u = f + xlf[f..]
        .find(&format!("<unit id=\"{unit}\""))
        .unwrap_or_else(|| panic!("no unit {unit} in {original}"));
    let end = u + xlf[u..].find("</unit>").expect("unit end") + "</unit>".len();
    u..end
}

/// Replace `from` by `to` inside the target of one unit.
fn edit_target(xlf: &str, original: &str, unit: &str, from: &str, to: &str) -> String {
    let r = unit_range(xlf, original, unit);
    let u = &xlf[r.clone()];
    let t = u.find("<target").expect("unit has a target");
    let (head, tail) = u.split_at(t);
    assert!(tail.contains(from), "{unit}: no {from:?} in {tail}");
    format!(
        "{}{head}{}{}",
        &xlf[..r.start],
        tail.replacen(from, to, 1),
        &xlf[r.end..]
    )
}

/// Give a unit without a target one (a translator's work).
fn add_target(xlf: &str, original: &str, unit: &str, target: &str) -> String {
    let r = unit_range(xlf, original, unit);
    let u = &xlf[r.clone()];
    assert!(!u.contains("<target"), "{unit} has a target already");
    let with = u.replacen(
        "</source>",
        &format!("</source>\n    <target>{target}</target>"),
        1,
    );
    format!("{}{with}{}", &xlf[..r.start], &xlf[r.end..])
}

/// The schema check, when the tools for it are here.
fn schema() -> Option<PathBuf> {
    let xsd = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/xliff-xsd/xliff_core_2.0.xsd");
    if !xsd.exists() {
        eprintln!("skipped: {} is not here", xsd.display());
        return None;
    }
    match std::process::Command::new("xmllint")
        .arg("--version")
        .output()
    {
        Ok(_) => Some(xsd),
        Err(_) => {
            eprintln!("skipped: xmllint is not installed (apt-get install libxml2-utils)");
            None
        }
    }
}

fn validate(xsd: &Path, file: &Path) {
    let o = std::process::Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(xsd)
        .arg(file)
        .output()
        .expect("run xmllint");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{} does not validate:\n{}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn export_then_import_changes_no_byte_in_any_locale() {
    for course in [sample(), copy_fixture("xliff")] {
        let root = course.path();
        let before = snapshot(root);
        for locale in ["ru", "uz"] {
            let (file, text) = export(root, locale);
            assert!(text.contains("<unit "), "{locale}: no units");
            let said = import_ok(root, &file);
            assert!(said.contains("0 files written"), "{locale}: {said}");
            let after = snapshot(root);
            let changed: Vec<&String> = before
                .keys()
                .chain(after.keys())
                .filter(|k| before.get(*k) != after.get(*k))
                .collect();
            assert!(changed.is_empty(), "{locale}: import changed {changed:?}");
        }
    }
}

#[test]
fn exported_files_validate_against_the_xliff_2_1_schema() {
    let Some(xsd) = schema() else { return };
    for course in [sample(), copy_fixture("xliff")] {
        let root = course.path();
        for locale in ["ru", "uz"] {
            let (file, _) = export(root, locale);
            validate(&xsd, &file);
        }
    }
}

#[test]
fn export_writes_course_identity_states_and_codes() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let (_, xlf) = export(root, "ru");
    assert!(xlf.contains("version=\"2.1\""), "{xlf}");
    assert!(xlf.contains("darslik:course=\"xliff-fixture\""), "{xlf}");
    assert!(xlf.contains("darslik:locale=\"ru\""), "{xlf}");
    // Unstamped page: translated; missing page: initial and no target.
    let home = &xlf[unit_range(&xlf, "content/ru/index.md", "welcome.h")];
    assert!(home.contains("state=\"translated\""), "{home}");
    let missing = &xlf[unit_range(&xlf, "content/ru/module-a/01-one.md", "fm.title")];
    assert!(
        missing.contains("state=\"initial\"") && !missing.contains("<target"),
        "{missing}"
    );
    // Inline code is a placeholder with its bytes in originalData.
    let p = &xlf[unit_range(&xlf, "content/ru/index.md", "welcome.p1")];
    assert!(
        p.contains("<ph id=") && p.contains(">`notes.txt`</data>"),
        "{p}"
    );
    // Fluent placeables too; a select is raw text with a note.
    let m = &xlf[unit_range(&xlf, "locales/ru/course.ftl", "course-description")];
    assert!(
        m.contains(">{ $count }</data>") && m.contains(">{ -org }</data>"),
        "{m}"
    );
    let sel = &xlf[unit_range(&xlf, "locales/ru/course.ftl", "pages-left")];
    assert!(
        sel.contains("type=\"darslik:message-select\"") && sel.contains("[few]"),
        "{sel}"
    );
    // The author's comment above a message is a note for the translator.
    let title = &xlf[unit_range(&xlf, "locales/ru/course.ftl", "course-title")];
    assert!(
        title.contains("<note>The name in the title bar; keep it short.</note>"),
        "{title}"
    );
    // Attributes are units of their own.
    assert!(xlf.contains("<unit id=\"greeting.title\""), "{xlf}");
}

#[test]
fn edited_targets_reach_the_site_with_links_and_code_intact() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let (file, xlf) = export(root, "ru");
    let xlf = edit_target(
        &xlf,
        "content/ru/index.md",
        "welcome.p1",
        "Начните с",
        "Сначала откройте",
    );
    // The link's text too (inside its <pc>).
    let xlf = edit_target(
        &xlf,
        "content/ru/index.md",
        "welcome.p1",
        ">первой страницы</pc>",
        ">начальной страницы</pc>",
    );
    let xlf = edit_target(
        &xlf,
        "content/ru/index.md",
        "welcome.h",
        "Добро пожаловать",
        "Здравствуйте",
    );
    let xlf = edit_target(
        &xlf,
        "locales/ru/course.ftl",
        "course-title",
        "Пример для XLIFF",
        "Новый заголовок",
    );
    std::fs::write(&file, &xlf).expect("write");
    let said = import_ok(root, &file);
    assert!(said.contains("wrote content/ru/index.md"), "{said}");
    let page = read(root, "content/ru/index.md");
    assert!(
        page.contains("## Здравствуйте {#welcome}\n\nСначала откройте [начальной страницы](module-a/01-one.md) и держите `notes.txt` открытым.\n"),
        "{page}"
    );
    assert!(page.starts_with("+++\ntitle = \"Главная\""), "{page}");
    let ftl = read(root, "locales/ru/course.ftl");
    assert!(ftl.contains("course-title = Новый заголовок\n"), "{ftl}");
    let o = build_site(root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = read(root, "dist/site/ru/index.html");
    assert!(html.contains("Сначала откройте"), "{html}");
    assert!(html.contains("<code>notes.txt</code>"), "code lost: {html}");
    assert!(
        html.contains("href=\"module-a/01-one.html\">начальной страницы</a>"),
        "link lost: {html}"
    );
    // Importing the same file again changes nothing.
    let before = snapshot(root);
    import_ok(root, &file);
    assert_eq!(before, snapshot(root));
}

#[test]
fn a_removed_placeholder_is_refused_naming_the_unit() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let before = snapshot(root);
    let (file, xlf) = export(root, "ru");
    let r = unit_range(&xlf, "content/ru/index.md", "welcome.p1");
    let unit = &xlf[r.clone()];
    let t = unit.find("<target").expect("target");
    let ph_at = t + unit[t..].find("<ph ").expect("a ph in the target");
    let ph_end = ph_at + unit[ph_at..].find("/>").expect("ph end") + 2;
    let edited = format!(
        "{}{}{}{}",
        &xlf[..r.start],
        &unit[..ph_at],
        &unit[ph_end..],
        &xlf[r.end..]
    );
    // Another, valid edit in the same file is not written either.
    let edited = edit_target(
        &edited,
        "content/ru/index.md",
        "welcome.h",
        "Добро пожаловать",
        "Здравствуйте",
    );
    std::fs::write(&file, &edited).expect("write");
    let o = import(root, &file);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("welcome.p1"), "{err}");
    let line = edited[..r.start + t].matches('\n').count() + 1;
    assert!(
        err.contains(&format!("{}:{line}:", file.display())),
        "no line {line}: {err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(before, snapshot(root), "files changed after a refusal");
}

#[test]
fn another_course_or_locale_is_refused() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let before = snapshot(root);
    let (file, xlf) = export(root, "ru");
    let cases = [
        (
            xlf.replace(
                "darslik:course=\"xliff-fixture\"",
                "darslik:course=\"tip-uz\"",
            ),
            "for the course `tip-uz`",
        ),
        (
            xlf.replace("trgLang=\"ru\"", "trgLang=\"de\"")
                .replace("darslik:locale=\"ru\"", "darslik:locale=\"de\""),
            "no locale `de`",
        ),
        (
            xlf.replace("trgLang=\"ru\"", "trgLang=\"en\"")
                .replace("darslik:locale=\"ru\"", "darslik:locale=\"en\""),
            "en is the source locale",
        ),
        (
            xlf.replace(
                "original=\"content/ru/index.md\"",
                "original=\"content/ru/../../secret.md\"",
            ),
            "is not a page or message file",
        ),
        (
            xlf.replace(
                "original=\"locales/ru/course.ftl\"",
                "original=\"/etc/passwd\"",
            ),
            "is not a page or message file",
        ),
    ];
    for (text, words) in cases {
        std::fs::write(&file, &text).expect("write");
        let o = import(root, &file);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{words}: {err}");
        assert!(err.contains(words), "{words}: {err}");
        assert!(err.contains(&format!("{}:", file.display())), "{err}");
    }
    assert_eq!(before, snapshot(root));
}

#[test]
fn broken_xml_is_refused_with_line_and_column() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let before = snapshot(root);
    let (file, xlf) = export(root, "ru");
    // Drop the first </target>: the <segment> end tag then closes <target>.
    let at = xlf.find("</target>").expect("a target");
    let broken = format!("{}{}", &xlf[..at], &xlf[at + "</target>".len()..]);
    std::fs::write(&file, &broken).expect("write");
    let o = import(root, &file);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    let line = broken[..at].matches('\n').count() + 1;
    assert!(
        err.contains(&format!("{}:{}:", file.display(), line))
            || err.contains(&format!("{}:{}:", file.display(), line + 1)),
        "line {line}: {err}"
    );
    assert!(err.contains("not well-formed XML"), "{err}");
    // A DOCTYPE (entities) is refused before anything else.
    let doctype = xlf.replacen(
        "<xliff ",
        "<!DOCTYPE xliff [<!ENTITY x \"boom\">]>\n<xliff ",
        1,
    );
    std::fs::write(&file, &doctype).expect("write");
    let o = import(root, &file);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("DOCTYPE"), "{}", stderr(&o));
    assert_eq!(before, snapshot(root));
}

#[test]
fn a_stale_page_keeps_its_old_target_marked_initial() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let o = darslik(&[
        "stamp",
        "--course",
        &s(root),
        "--locale",
        "ru",
        "module-a/index.md",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_, xlf) = export(root, "ru");
    let p = &xlf[unit_range(&xlf, "content/ru/module-a/index.md", "top.p1")];
    assert!(p.contains("state=\"final\""), "stamped page: {p}");
    // The source changes in its first paragraph only.
    let en = "content/en/module-a/index.md";
    write(
        root,
        en,
        &read(root, en).replace("has one page", "has a single page"),
    );
    let (_, xlf) = export(root, "ru");
    let changed = &xlf[unit_range(&xlf, "content/ru/module-a/index.md", "top.p1")];
    assert!(changed.contains("state=\"initial\""), "{changed}");
    assert!(
        changed.contains(">This module has a single page.</source>"),
        "{changed}"
    );
    assert!(
        changed.contains(">В этом модуле одна страница.</target>"),
        "old target lost: {changed}"
    );
    assert!(changed.contains("<note>"), "no note: {changed}");
    // The unchanged paragraph (the stamp kept the old source) stays final.
    let same = &xlf[unit_range(&xlf, "content/ru/module-a/index.md", "top.p2")];
    assert!(same.contains("state=\"final\""), "{same}");
}

#[test]
fn a_missing_page_is_made_from_the_source_with_the_targets() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let (file, xlf) = export(root, "ru");
    let f = "content/ru/module-a/01-one.md";
    let xlf = add_target(&xlf, f, "fm.title", "Первая страница");
    let xlf = add_target(&xlf, f, "words.h", "Слова");
    std::fs::write(&file, &xlf).expect("write");
    let said = import_ok(root, &file);
    assert!(said.contains(&format!("made {f}")), "{said}");
    let page = read(root, f);
    assert!(
        page.starts_with("+++\ntitle = \"Первая страница\"\n+++\n"),
        "{page}"
    );
    assert!(page.contains("## Слова {#words}\n"), "{page}");
    // Untranslated segments keep the source text.
    assert!(page.contains("Second paragraph, unchanged."), "{page}");
}

#[test]
fn fluent_targets_are_spliced_added_and_checked() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let (file, xlf) = export(root, "ru");
    let ftl = "locales/ru/course.ftl";
    let xlf = add_target(&xlf, ftl, "greeting", "Привет {с} скобками");
    let xlf = add_target(&xlf, ftl, "greeting.title", "Поздороваться");
    std::fs::write(&file, &xlf).expect("write");
    import_ok(root, &file);
    let text = read(root, ftl);
    assert!(
        text.ends_with("greeting = Привет {\"{\"}с{\"}\"} скобками\n    .title = Поздороваться\n"),
        "{text}"
    );
    let o = darslik(&["check", "--course", &s(root)]);
    assert!(!stderr(&o).contains("fluent-syntax"), "{}", stderr(&o));
    // A select whose syntax the translator broke is refused by unit id.
    let (file, xlf) = export(root, "ru");
    let broken = edit_target(&xlf, ftl, "pages-left", "*[many]", "[many");
    std::fs::write(&file, &broken).expect("write");
    let before = snapshot(root);
    let o = import(root, &file);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("pages-left"), "{}", stderr(&o));
    assert_eq!(before, snapshot(root));
}

#[test]
fn a_target_cannot_add_a_block_to_the_page() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let (file, xlf) = export(root, "ru");
    let ids = |x: &str| -> Vec<String> {
        x.match_indices("<unit id=\"")
            .map(|(i, _)| x[i + 10..].split('"').next().unwrap_or("").to_string())
            .collect()
    };
    let xlf = edit_target(
        &xlf,
        "content/ru/module-a/index.md",
        "top.p1",
        "одна страница.",
        "одна страница.\n\n## Новый заголовок\n\n```\ncode",
    );
    std::fs::write(&file, &xlf).expect("write");
    let before = read(root, "content/ru/module-a/index.md");
    let o = import(root, &file);
    // Either refused, naming the unit, or made to fit its paragraph: no
    // heading, no fence either way.
    if o.status.code() == Some(1) {
        assert!(stderr(&o).contains("top.p1"), "{}", stderr(&o));
        assert_eq!(read(root, "content/ru/module-a/index.md"), before);
    } else {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    let page = read(root, "content/ru/module-a/index.md");
    assert!(!page.contains("\n## ") && !page.contains("\n```"), "{page}");
    assert!(page.contains("одна страница."), "{page}");
    let (_, again) = export(root, "ru");
    assert_eq!(ids(&again), ids(&xlf));
}

#[test]
fn numeric_quiz_answers_are_not_units() {
    let course = sample();
    let root = course.path();
    let (_, xlf) = export(root, "ru");
    let answers: Vec<&str> = xlf
        .split("<unit ")
        .filter(|u| u.contains("type=\"darslik:quiz-answer\""))
        .collect();
    assert!(!answers.is_empty(), "the sample has short answers");
    for u in answers {
        let src = u
            .split("<source xml:space=\"preserve\">")
            .nth(1)
            .and_then(|s| s.split("</source>").next())
            .unwrap_or("");
        assert!(
            !src.chars().all(|c| c.is_ascii_digit() || ". ".contains(c)),
            "a number is a unit: {u}"
        );
    }
}

#[test]
fn a_bom_and_crlf_line_ends_are_kept() {
    let course = copy_fixture("xliff");
    let root = course.path();
    let rel = "content/ru/index.md";
    let crlf = format!("\u{feff}{}", read(root, rel).replace('\n', "\r\n"));
    write(root, rel, &crlf);
    let before = snapshot(root);
    let (file, xlf) = export(root, "ru");
    import_ok(root, &file);
    assert_eq!(before, snapshot(root), "an unedited import changed bytes");
    let xlf = edit_target(&xlf, rel, "welcome.h", "Добро пожаловать", "Здравствуйте");
    std::fs::write(&file, &xlf).expect("write");
    import_ok(root, &file);
    let after = read(root, rel);
    assert_eq!(after, crlf.replace("Добро пожаловать", "Здравствуйте"));
}

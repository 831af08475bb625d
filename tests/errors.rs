//! What a translator sees when the course is broken: every error names the
//! file, line and column, and nothing is written.

mod common;
use common::*;

fn has(
    errors: &[(String, String, usize, usize)],
    code: &str,
    file: &str,
    line: usize,
    col: usize,
) -> bool {
    errors
        .iter()
        .any(|e| e.0 == code && e.1 == file && e.2 == line && e.3 == col)
}

#[test]
fn the_fixture_itself_has_no_errors() {
    let dir = copy_fixture("basic");
    assert_eq!(errors(dir.path()), vec![]);
}

#[test]
fn config_unknown_key_and_wrong_type() {
    let dir = copy_fixture("basic");
    let toml = read(dir.path(), "course.toml");
    write(
        dir.path(),
        "course.toml",
        &toml.replace("version = \"2.0.0\"", "version = \"2.0.0\"\ntitel = \"x\""),
    );
    let e = errors(dir.path());
    assert!(has(&e, "config-syntax", "course.toml", 4, 1), "{e:?}");

    write(
        dir.path(),
        "course.toml",
        &toml.replace("locales = [\"en\", \"ru\", \"uz\"]", "locales = \"en\""),
    );
    let e = errors(dir.path());
    assert!(has(&e, "config-syntax", "course.toml", 5, 11), "{e:?}");
}

#[test]
fn config_module_without_folder_locale_without_content_bad_tag_duplicate() {
    let dir = copy_fixture("basic");
    let toml = read(dir.path(), "course.toml");
    write(
        dir.path(),
        "course.toml",
        &toml
            .replace(
                "modules = [\"module-a\", \"module-b\"]",
                "modules = [\"module-a\", \"module-b\", \"module-z\", \"module-a\"]",
            )
            .replace(
                "locales = [\"en\", \"ru\", \"uz\"]",
                "locales = [\"en\", \"ru\", \"uz\", \"kaa\", \"en_US\"]",
            ),
    );
    let e = errors(dir.path());
    // Config-level errors come first and stop loading.
    assert!(
        has(&e, "config-module-duplicate", "course.toml", 6, 48),
        "{e:?}"
    );
    assert!(has(&e, "config-locale-tag", "course.toml", 5, 37), "{e:?}");

    write(
        dir.path(),
        "course.toml",
        &toml
            .replace(
                "modules = [\"module-a\", \"module-b\"]",
                "modules = [\"module-a\", \"module-b\", \"module-z\"]",
            )
            .replace(
                "locales = [\"en\", \"ru\", \"uz\"]",
                "locales = [\"en\", \"ru\", \"uz\", \"kaa\"]",
            ),
    );
    let e = errors(dir.path());
    assert!(has(&e, "module-missing", "course.toml", 6, 36), "{e:?}");
    assert!(has(&e, "locale-no-content", "course.toml", 5, 30), "{e:?}");
}

#[test]
fn front_matter_errors() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/en/module-a/02-two.md",
        "+++\ndescription = \"no title\"\n+++\n\nText.\n",
    );
    write(
        dir.path(),
        "content/ru/index.md",
        "+++\ntitle = \"Главная\"\ndescription = 5\n+++\n",
    );
    write(
        dir.path(),
        "content/uz/index.md",
        "+++\ntitle = \"Bosh sahifa\"\n\nMatn.\n",
    );
    let e = errors(dir.path());
    assert!(
        has(
            &e,
            "frontmatter-invalid",
            "content/en/module-a/02-two.md",
            1,
            1
        ),
        "{e:?}"
    );
    assert!(
        has(&e, "frontmatter-invalid", "content/ru/index.md", 3, 15),
        "{e:?}"
    );
    assert!(
        has(&e, "frontmatter-unterminated", "content/uz/index.md", 1, 1),
        "{e:?}"
    );
}

#[test]
fn broken_links_anchors_images_and_links_outside() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/ru/module-a/01-one.md",
        "+++\ntitle = \"Один\"\n+++\n\nСм. [нет](03-none.md) и [якорь](02-two.md#nope).\n\n![нет](missing.png)\n\n[вне](../../../../etc/passwd)\n",
    );
    let e = errors(dir.path());
    let f = "content/ru/module-a/01-one.md";
    assert!(has(&e, "broken-link", f, 5, 5), "{e:?}");
    assert!(has(&e, "broken-anchor", f, 5, 25), "{e:?}");
    assert!(has(&e, "missing-image", f, 7, 1), "{e:?}");
    assert!(has(&e, "link-outside-course", f, 9, 1), "{e:?}");
}

#[test]
fn quiz_errors_point_into_the_page() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/en/module-b/index.md",
        "+++\ntitle = \"Module B\"\n+++\n\n```quiz\n? Pick one\n( ) a\n( ) b\n\n? Mixed\n( ) a\n[x] b\n```\n",
    );
    let e = errors(dir.path());
    let f = "content/en/module-b/index.md";
    assert!(has(&e, "quiz-no-correct", f, 6, 1), "{e:?}");
    assert!(has(&e, "quiz-mixed-options", f, 12, 1), "{e:?}");
}

#[test]
fn fluent_errors_have_positions() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "locales/ru/course.ftl",
        "course-title = Курс\nbroken = { $x\ncourse-title = Дважды\n",
    );
    let e = errors(dir.path());
    // The unclosed `{ $x` is reported on its own line, not on the next.
    assert!(
        has(&e, "fluent-syntax", "locales/ru/course.ftl", 2, 13),
        "{e:?}"
    );
    assert!(
        has(&e, "fluent-duplicate", "locales/ru/course.ftl", 3, 1),
        "{e:?}"
    );
}

#[test]
fn cli_exit_status_and_previous_output_untouched() {
    let dir = copy_fixture("basic");
    let out = build_site(dir.path());
    assert!(out.status.success());
    let index = dir.path().join("dist/site/en/index.html");
    let before = std::fs::read(&index).unwrap();
    write(
        dir.path(),
        "content/en/index.md",
        "+++\ntitle = \"Changed\"\n+++\n\n[broken](nowhere.md)\n",
    );
    let out = build_site(dir.path());
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains("content/en/index.md:5:1"), "{text}");
    assert!(
        text.contains("[broken](nowhere.md)"),
        "the offending line is shown: {text}"
    );
    assert!(text.contains("nothing was written"), "{text}");
    assert_eq!(
        std::fs::read(&index).unwrap(),
        before,
        "previous output must stay"
    );

    let usage = darslik(&["build", "--format", "pdf"]);
    assert_eq!(usage.status.code(), Some(2));
    let usage = darslik(&["frobnicate"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn check_json_lists_errors_with_positions() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/en/index.md",
        "+++\ntitle = \"Home\"\n+++\n\n[broken](nowhere.md)\n",
    );
    let course = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["check", "--course", &course, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let e = &v["errors"][0];
    assert_eq!(e["code"], "broken-link");
    assert_eq!(e["file"], "content/en/index.md");
    assert_eq!(e["line"], 5);
    assert_eq!(e["column"], 1);
    assert_eq!(e["locale"], "en");
    assert!(v["warnings"].is_array());
}

/// Issue 16 R8: a module name with a quote failed every SCORM zip without
/// naming the entry; now course.toml says which character, where.
#[test]
fn a_module_name_moodle_cannot_unzip_is_named_in_course_toml() {
    let dir = copy_fixture("basic");
    let toml = read(dir.path(), "course.toml").replace("\"module-b\"", "\"module-\\\"b\"");
    write(dir.path(), "course.toml", &toml);
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["build", "--course", &c, "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains("error[config-module-name]")
            && text.contains("has `\"`, which Moodle's unzip does not accept")
            && text.contains("course.toml:6:24"),
        "{text}"
    );
}

/// Messages quote the course's file names and lines: an escape sequence in
/// a page must reach the terminal written out, not acted on.
#[test]
fn escape_sequences_in_a_page_never_reach_the_terminal_raw() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "content/en/module-a/02-two.md",
        "+++\ntitle = \"Two\"\n+++\n\n## Target {#target}\n\nSee [x](<\u{1b}[2Jgone\u{202e}.md>).\n",
    );
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["build", "--course", &c, "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}'),
        "{text:?}"
    );
    assert!(text.contains("\\u{1b}[2Jgone\\u{202e}.md"), "{text}");
}

/// A theme template that fails inside an include names the included file,
/// its line and the cause, not only "could not render include".
#[test]
fn a_template_error_inside_an_include_names_its_file_line_and_cause() {
    let dir = copy_fixture("basic");
    let header = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/templates/header.html"),
    )
    .unwrap();
    let mut lines: Vec<&str> = header.lines().collect();
    lines[2] = "  {{ nope_function() }}";
    write(
        dir.path(),
        "themes/mine/templates/header.html",
        &lines.join("\n"),
    );
    let toml = read(dir.path(), "course.toml") + "\n[theme]\nname = \"mine\"\n";
    write(dir.path(), "course.toml", &toml);
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["build", "--course", &c, "--format", "site", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(
        text.contains("theme template header.html, line 3: unknown function")
            && text.contains("nope_function")
            && text.contains("(included from layout.html, line"),
        "{text}"
    );
}

/// A course theme's message with a variable the templates do not give
/// (`{ $cuont }`) passed `check` and failed `build` naming only a template;
/// `check` now names the `.ftl` line.
#[test]
fn a_theme_message_with_a_misspelt_variable_is_named_at_its_ftl_line() {
    let dir = copy_fixture("basic");
    let builtin = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default/locales/ru/theme.ftl"),
    )
    .unwrap();
    let broken = builtin.replacen(
        "module-pages = { $count ->",
        "module-pages = { $cuont ->",
        1,
    );
    assert_ne!(broken, builtin);
    write(dir.path(), "themes/mine/locales/ru/theme.ftl", &broken);
    let toml = read(dir.path(), "course.toml") + "\n[theme]\nname = \"mine\"\n";
    write(dir.path(), "course.toml", &toml);
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["check", "--course", &c, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let line = builtin
        .lines()
        .position(|l| l.starts_with("module-pages ="))
        .unwrap()
        + 1;
    assert!(
        v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["code"] == "fluent-variable-invented"
                && e["file"] == "themes/mine/locales/ru/theme.ftl"
                && e["line"] == line as u64
                && e["message"].as_str().unwrap().contains("$cuont")),
        "{v}"
    );
    // `build` refuses the course at the same line, before any template
    // is rendered.
    let o = dir.path().join("dist").to_string_lossy().into_owned();
    let built = darslik(&["build", "--course", &c, "--out", &o]);
    assert_eq!(built.status.code(), Some(1));
    let text = stderr(&built);
    assert!(
        text.contains("error[fluent-variable-invented]")
            && text.contains(&format!("themes/mine/locales/ru/theme.ftl:{line}:")),
        "{text}"
    );
    assert!(
        !text.contains("templates/"),
        "a template is blamed:\n{text}"
    );
}

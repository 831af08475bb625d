//! Graded assessments and the new question forms (SPEC §7, issue 19): what
//! an author sees for every front-matter option and every form (file, line,
//! column), what `check` says of a translation that differs, and that no
//! graded key is in any built file in plain form.

mod common;
use common::*;

fn has(p: &[Problem], code: &str, file: &str, line: u64, col: u64) {
    has_problem(p, code, file, line, col)
}

#[test]
fn the_fixture_is_clean() {
    let p = problems(&fixture("assess"));
    assert!(p.is_empty(), "{p:#?}");
}

#[test]
fn front_matter_options_are_checked_where_written() {
    let dir = copy_fixture("assess");
    let root = dir.path();
    let en = "content/en/m1/04-post-test.md";
    let text = read(root, en);
    write(
        root,
        en,
        &text.replace("assessment = \"post-test\"", "assessment = \"final\""),
    );
    let p = problems(root);
    has(&p, "frontmatter-invalid", en, 3, 14);
    assert!(p.iter().any(|x| x.4.contains("final")), "{p:#?}");

    write(root, en, &text.replace("draw = 3", "draw = 9"));
    let p = problems(root);
    has(&p, "assessment-option", en, 6, 1);
    write(root, en, &text.replace("attempts = 2", "attempts = 50"));
    has(&problems(root), "assessment-option", en, 4, 1);
    write(
        root,
        en,
        &text.replace("draw = 3", "draw = 3\nreview = \"sometimes\""),
    );
    has(&problems(root), "frontmatter-invalid", en, 7, 10);
    write(
        root,
        en,
        &text.replace("shuffle = true", "shuffle = \"yes\""),
    );
    has(&problems(root), "frontmatter-invalid", en, 5, 11);
    write(root, en, &text);

    // Options on a practice page do nothing: say so.
    let practice = "content/en/m1/01-practice.md";
    let t = read(root, practice);
    write(
        root,
        practice,
        &t.replacen("+++\n", "+++\nattempts = 2\n", 1),
    );
    has(&problems(root), "assessment-practice-only", practice, 2, 1);
    write(root, practice, &t);

    // [assessment] in course.toml.
    let toml = read(root, "course.toml");
    write(
        root,
        "course.toml",
        &format!("{toml}\n[assessment]\nattempts = 99\n"),
    );
    let p = problems(root);
    assert!(
        p.iter()
            .any(|x| x.0 == "assessment-option" && x.1 == "course.toml"),
        "{p:#?}"
    );
    write(
        root,
        "course.toml",
        &format!("{toml}\n[assessment]\nattemps = 2\n"),
    );
    let p = problems(root);
    assert!(
        p.iter()
            .any(|x| x.0 == "config-syntax" || x.4.contains("attemps")),
        "{p:#?}"
    );
}

#[test]
fn quiz_errors_have_file_lines() {
    let dir = copy_fixture("assess");
    let root = dir.path();
    let page = "content/en/m1/01-practice.md";
    let text = read(root, page);
    // Line numbers of the file, not of the block.
    let broken = text
        .replace("- Means => A debt", "- Means -> A debt")
        .replace("3. Ask open questions", "4. Ask open questions")
        .replace("= 18..20", "= 20..18");
    write(root, page, &broken);
    let line_of = |needle: &str| {
        broken
            .lines()
            .position(|l| l.contains(needle))
            .map(|i| i as u64 + 1)
            .unwrap_or_else(|| panic!("{needle}"))
    };
    let p = problems(root);
    has(&p, "quiz-pair-arrow", page, line_of("- Means ->"), 1);
    has(&p, "quiz-order-number", page, line_of("4. Ask open"), 1);
    has(&p, "quiz-bad-range", page, line_of("= 20..18"), 3);
}

#[test]
fn check_reports_translations_that_differ() {
    let dir = copy_fixture("assess");
    let root = dir.path();
    let ru = "content/ru/m1/04-post-test.md";
    let text = read(root, ru);
    // Another order of the steps, another number, other settings.
    let changed = text
        .replace(
            "1. Убедитесь, что человек в безопасности\n2. Объясните, кто вы",
            "1. Объясните, кто вы\n2. Убедитесь, что человек в безопасности",
        )
        .replace("= 18..20", "= 18..21")
        .replace("draw = 3", "draw = 4")
        .replace("- Действие => Вербовка через объявление в интернете\n", "");
    write(root, ru, &changed);
    let p = problems(root);
    let msgs: Vec<&str> = p
        .iter()
        .filter(|x| x.0 == "quiz-translation-mismatch" && x.1 == ru)
        .map(|x| x.4.as_str())
        .collect();
    assert!(msgs.iter().any(|m| m.contains("draw 4")), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.contains("2 pairs")), "{msgs:#?}");
    assert!(msgs.iter().any(|m| m.contains("18..21")), "{msgs:#?}");
    let question_line = changed
        .lines()
        .position(|l| l.starts_with("? Сопоставьте"))
        .map(|i| i as u64 + 1);
    assert!(
        p.iter()
            .any(|x| x.0 == "quiz-translation-mismatch" && Some(x.2) == question_line),
        "{p:#?}"
    );
    // Order: texts differ by language, so darslik compares the numbers in
    // them; a reordered pair with numbers is reported.
    let graded = "content/ru/m1/03-graded.md";
    let g = read(root, graded);
    write(
        root,
        graded,
        &g.replace(
            "[x] Принудительный труд\n[ ] Законная",
            "[ ] Принудительный труд\n[x] Законная",
        ),
    );
    let p = problems(root);
    assert!(
        p.iter()
            .any(|x| x.0 == "quiz-translation-mismatch" && x.1 == graded && x.4.contains("b, c")),
        "{p:#?}"
    );
}

#[test]
fn no_graded_key_in_plain_form_in_any_output() {
    let dir = copy_fixture("assess");
    let root = dir.path();
    let course = root.to_string_lossy().into_owned();
    let out = root.join("out");
    let o = darslik(&[
        "build",
        "--course",
        &course,
        "--out",
        &out.to_string_lossy(),
        "--format",
        "site,scorm12,scorm2004,single,bundle",
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = all_output_text(&out);
    assert!(files.len() > 20);
    for (name, text) in &files {
        // Short answers and explanations of graded pages only.
        for secret in [
            "article three",
            "статья третья",
            "Article 3 of the Palermo Protocol",
            "Статья 3 Палермского",
            "Safety first, then introductions",
            "Сначала безопасность",
        ] {
            assert!(!text.contains(secret), "{secret} in {name}");
        }
        if text.contains("data-graded") {
            // A graded question carries no plain key.
            for part in text.split("<fieldset").skip(1) {
                if part.contains("data-key=") {
                    assert!(!part.contains("data-answer=\""), "{name}: {part}");
                }
            }
        }
    }
    // The graded page's practice twin (01-practice) does carry its key.
    let practice = std::fs::read_to_string(out.join("site/en/m1/01-practice.html")).unwrap();
    assert!(practice.contains("data-answer="));
}

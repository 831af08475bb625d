//! The translator's workbench: `check` finds every problem of the fixture
//! course in one run, with code, file, line and column, in human and JSON
//! form; `status` and `stamp` track which translations are out of date.

mod common;
use common::*;

/// (error or warning, code, file, line, column)
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    Option<u64>,
    Option<u64>,
);

const EXPECTED: &[Expected] = &[
    (
        "e",
        "broken-link",
        "content/ru/module-a/01-one.md",
        Some(12),
        Some(9),
    ),
    (
        "e",
        "broken-anchor",
        "content/ru/module-a/01-one.md",
        Some(12),
        Some(34),
    ),
    (
        "e",
        "missing-image",
        "content/ru/module-a/01-one.md",
        Some(12),
        Some(63),
    ),
    (
        "e",
        "link-outside-course",
        "content/ru/module-a/01-one.md",
        Some(12),
        Some(84),
    ),
    (
        "e",
        "quiz-translation-mismatch",
        "content/ru/module-b/index.md",
        Some(8),
        Some(1),
    ),
    (
        "e",
        "frontmatter-invalid",
        "content/uz/index.md",
        Some(2),
        Some(1),
    ),
    (
        "e",
        "quiz-mixed-options",
        "content/uz/module-b/index.md",
        Some(10),
        Some(1),
    ),
    (
        "e",
        "fluent-variable-invented",
        "locales/ru/course.ftl",
        Some(3),
        Some(21),
    ),
    (
        "e",
        "fluent-reference",
        "locales/ru/course.ftl",
        Some(9),
        Some(11),
    ),
    (
        "e",
        "fluent-syntax",
        "locales/ru/course.ftl",
        Some(11),
        Some(13),
    ),
    (
        "e",
        "fluent-duplicate",
        "locales/ru/course.ftl",
        Some(12),
        Some(1),
    ),
    (
        "e",
        "fluent-select-default",
        "locales/uz/course.ftl",
        Some(5),
        Some(15),
    ),
    (
        "w",
        "page-missing",
        "content/uz/module-a/01-one.md",
        None,
        None,
    ),
    (
        "w",
        "page-stale",
        "content/ru/module-a/01-one.md",
        Some(3),
        Some(1),
    ),
    (
        "w",
        "fluent-variable-dropped",
        "locales/ru/course.ftl",
        Some(3),
        Some(1),
    ),
    (
        "w",
        "fluent-extra",
        "locales/ru/course.ftl",
        Some(10),
        Some(1),
    ),
    ("w", "fluent-missing", "locales/uz/course.ftl", None, None),
    (
        "w",
        "fluent-variable-dropped",
        "locales/uz/course.ftl",
        Some(3),
        Some(1),
    ),
];

fn check(course: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let c = course.to_string_lossy().into_owned();
    let mut args = vec!["check", "--course", c.as_str()];
    args.extend_from_slice(extra);
    darslik(&args)
}

#[test]
fn check_reports_every_problem_with_its_position_in_json() {
    let out = check(&fixture("translator"), &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "errors → exit 1");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let items = |k: &str| v[k].as_array().cloned().unwrap_or_default();
    for (kind, code, file, line, col) in EXPECTED {
        let list = if *kind == "e" {
            items("errors")
        } else {
            items("warnings")
        };
        let found = list.iter().any(|e| {
            e["code"] == *code
                && e["file"] == *file
                && e["line"].as_u64() == *line
                && e["column"].as_u64() == *col
                && e["locale"].is_string()
        });
        assert!(
            found,
            "{code} at {file}:{line:?}:{col:?} not reported; got {}",
            serde_json::to_string_pretty(&v).unwrap()
        );
    }
    // Nothing beyond the planted problems: 12 errors.
    assert_eq!(
        items("errors").len(),
        12,
        "{}",
        serde_json::to_string_pretty(&v["errors"]).unwrap()
    );
}

#[test]
fn check_reports_the_same_in_human_form() {
    let out = check(&fixture("translator"), &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    for (kind, code, file, line, col) in EXPECTED {
        let sev = if *kind == "e" { "error" } else { "warning" };
        assert!(
            text.contains(&format!("{sev}[{code}]")),
            "{code} missing:\n{text}"
        );
        match (line, col) {
            (Some(l), Some(c)) => assert!(
                text.contains(&format!("{file}:{l}:{c}")),
                "{file}:{l}:{c} missing:\n{text}"
            ),
            _ => assert!(text.contains(file), "{file} missing:\n{text}"),
        }
    }
    // The offending line is shown with a caret, and a hint.
    assert!(text.contains("welcome = Привет, { $nme }!"), "{text}");
    assert!(text.contains("hint:"));
}

#[test]
fn strict_fails_on_warnings_only() {
    let dir = copy_fixture("basic");
    let out = check(dir.path(), &[]);
    // basic has untranslated pages: warnings, no errors.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning[page-missing]"));
    let out = check(dir.path(), &["--strict"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn stamping_a_stale_page_makes_it_current_and_changes_nothing_else() {
    let dir = copy_fixture("translator");
    let c = dir.path().to_string_lossy().into_owned();
    let status = |d: &str| -> serde_json::Value {
        let out = darslik(&["status", "--course", d, "--format", "json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let state = |v: &serde_json::Value, locale: &str, page: &str| -> String {
        v["locales"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["locale"] == locale)
            .unwrap()["modules"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|m| m["pages"].as_array().unwrap().clone())
            .find(|p| p["page"] == page)
            .unwrap()["state"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let before = status(&c);
    assert_eq!(state(&before, "ru", "module-a/01-one.md"), "stale");
    assert_eq!(state(&before, "ru", "index.md"), "current");
    assert_eq!(state(&before, "ru", "module-b/index.md"), "unstamped");
    assert_eq!(state(&before, "uz", "module-a/02-two.md"), "missing");

    let path = dir.path().join("content/ru/module-a/01-one.md");
    let original = std::fs::read_to_string(&path).unwrap();
    let out = darslik(&[
        "stamp",
        "--course",
        &c,
        "--locale",
        "ru",
        "module-a/01-one.md",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(state(&status(&c), "ru", "module-a/01-one.md"), "current");
    let stamped = std::fs::read_to_string(&path).unwrap();
    // Only the translation_of line differs.
    let a: Vec<&str> = original.lines().collect();
    let b: Vec<&str> = stamped.lines().collect();
    assert_eq!(a.len(), b.len());
    let diff: Vec<usize> = (0..a.len()).filter(|i| a[*i] != b[*i]).collect();
    assert_eq!(diff, vec![2], "only line 3 changes");
    assert!(b[2].starts_with("translation_of = \"sha256:") && b[2] != a[2]);
    assert_eq!(
        original.len(),
        stamped.len(),
        "same length: the hash replaced the old one in place"
    );

    // The human table says it too.
    let out = darslik(&["status", "--course", &c]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("missing content/uz/module-a/02-two.md"),
        "{text}"
    );
}

#[test]
fn stamping_an_unstamped_page_adds_one_line() {
    let dir = copy_fixture("basic");
    let c = dir.path().to_string_lossy().into_owned();
    let path = dir.path().join("content/ru/index.md");
    let original = std::fs::read(&path).unwrap();
    let out = darslik(&["stamp", "--course", &c, "--locale", "ru"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stamped = std::fs::read(&path).unwrap();
    let (o, s) = (
        String::from_utf8(original).unwrap(),
        String::from_utf8(stamped).unwrap(),
    );
    let fence = o[4..].find("+++").unwrap() + 4;
    assert_eq!(
        &s[..fence],
        &o[..fence],
        "everything before the closing fence is kept"
    );
    assert!(s[fence..].starts_with("translation_of = \"sha256:"));
    assert!(
        s.ends_with(&o[fence..]),
        "the closing fence and the body are kept byte for byte"
    );
    // Stamping again changes nothing.
    let out = darslik(&["stamp", "--course", &c, "--locale", "ru"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 pages stamped"));
}

/// The codes of a `check --format json` report, errors and warnings.
fn codes_of_check(course: &std::path::Path) -> std::collections::BTreeSet<String> {
    let out = check(course, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    ["errors", "warnings"]
        .iter()
        .flat_map(|k| v[*k].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d["code"].as_str().map(str::to_string))
        .collect()
}

/// The codes `error[..]`/`warning[..]` in a human report.
fn codes_in(text: &str) -> std::collections::BTreeSet<String> {
    text.lines()
        .filter_map(|l| {
            let rest = l
                .strip_prefix("error[")
                .or_else(|| l.strip_prefix("warning["))?;
            Some(rest.split(']').next()?.to_string())
        })
        .collect()
}

#[test]
fn build_reports_every_problem_check_reports_and_check_every_one_build_refuses() {
    for fixture_name in ["translator", "basic"] {
        let dir = copy_fixture(fixture_name);
        let from_check = codes_of_check(dir.path());
        assert!(
            !from_check.is_empty(),
            "{fixture_name}: check found nothing"
        );
        let course = dir.path().to_string_lossy().into_owned();
        let out = dir.path().join("dist").to_string_lossy().into_owned();
        let built = darslik(&["build", "--course", &course, "--out", &out, "--quiet"]);
        let from_build = codes_in(&stderr(&built));
        assert_eq!(
            from_check,
            from_build,
            "{fixture_name}: check and build report different codes:\n{}",
            stderr(&built)
        );
    }
}

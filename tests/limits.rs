//! Hostile input sizes (issue 16, R2–R4): files nested thousands deep or
//! holding thousands of problems end with a clear error (exit status 1,
//! never a signal) and output proportional to what a person can read. The
//! inputs are generated here, not kept as fixtures.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Runs darslik, killing it after `limit`: a regression to quadratic time
/// fails the test instead of hanging it. The limit is far above the fixed
/// time (well under a second in release for every input here).
fn darslik_within(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_darslik"))
        .env("DARSLIK_LANG", "en")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run darslik");
    // Read both pipes on threads: a full pipe would stall the child.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("darslik {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().expect("stdout thread"),
        stderr: err.join().expect("stderr thread"),
    }
}

const LIMIT: Duration = Duration::from_secs(120);

fn course_arg(root: &Path) -> String {
    root.to_string_lossy().into_owned()
}

fn build(root: &Path) -> Output {
    let course = course_arg(root);
    let out = root.join("dist");
    let out = out.to_string_lossy();
    darslik_within(
        &["build", "--course", &course, "--out", &out, "--quiet"],
        LIMIT,
    )
}

fn check(root: &Path, json: bool) -> Output {
    let course = course_arg(root);
    let mut args = vec!["check", "--course", &course];
    if json {
        args.extend(["--format", "json"]);
    }
    darslik_within(&args, LIMIT)
}

/// Exit status 1 (the course has errors), not a crash, with `needle` in the
/// report.
fn assert_fails_with(o: &Output, needle: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "exit status {:?} (a signal is a crash)\n{}",
        o.status,
        err.chars().take(2000).collect::<String>()
    );
    assert!(
        err.contains(needle),
        "{needle:?} not in:\n{}",
        err.chars().take(2000).collect::<String>()
    );
}

fn nested_placeables(n: usize) -> String {
    format!("deep = {}\"x\"{}\n", "{ ".repeat(n), " }".repeat(n))
}

fn nested_selects(n: usize) -> String {
    format!(
        "deep = {}x{}\n",
        "{ $x ->\n *[a] ".repeat(n),
        "\n}".repeat(n)
    )
}

const FLUENT_TOO_DEEP: &str = "Fluent messages may nest placeables and selectors at most 64 deep";

#[test]
fn fluent_nested_12000_deep_is_an_error_in_build_check_and_status() {
    let dir = copy_fixture("basic");
    write(
        dir.path(),
        "locales/en/deep.ftl",
        &nested_placeables(12_000),
    );
    let o = build(dir.path());
    assert_fails_with(&o, FLUENT_TOO_DEEP);
    // File, line and column of the bracket that goes one level too deep.
    assert!(
        stderr(&o).contains("locales/en/deep.ftl:1:136"),
        "{}",
        stderr(&o)
    );
    assert_fails_with(&check(dir.path(), false), FLUENT_TOO_DEEP);
    let course = course_arg(dir.path());
    let o = darslik_within(&["status", "--course", &course], LIMIT);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn fluent_selects_nested_20000_deep_are_an_error() {
    let dir = copy_fixture("basic");
    write(dir.path(), "locales/ru/deep.ftl", &nested_selects(20_000));
    let o = check(dir.path(), false);
    assert_fails_with(&o, FLUENT_TOO_DEEP);
    assert!(
        stderr(&o).contains("locales/ru/deep.ftl:65:7"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn fluent_too_deep_in_a_generated_locale_source_is_an_error() {
    let dir = copy_fixture("basic");
    let toml = read(dir.path(), "course.toml");
    write(
        dir.path(),
        "course.toml",
        &format!("{toml}\n[locales.uz-Cyrl]\ngenerate = \"translit:uz\"\n"),
    );
    write(
        dir.path(),
        "locales/uz/deep.ftl",
        &nested_placeables(12_000),
    );
    assert_fails_with(&build(dir.path()), FLUENT_TOO_DEEP);
}

#[test]
fn translit_of_a_fluent_file_too_deep_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("deep.ftl");
    std::fs::write(&file, nested_placeables(12_000)).expect("write");
    let file = file.to_string_lossy();
    let o = darslik_within(&["translit", "--to", "uz-Cyrl", &file], LIMIT);
    assert_fails_with(&o, FLUENT_TOO_DEEP);
    assert!(o.stdout.is_empty());
    // At the limit it still converts.
    std::fs::write(
        dir.path().join("ok.ftl"),
        format!("ok = {}\"x\"{} salom\n", "{ ".repeat(64), " }".repeat(64)),
    )
    .expect("write");
    let ok = dir.path().join("ok.ftl");
    let o = darslik_within(
        &["translit", "--to", "uz-Cyrl", &ok.to_string_lossy()],
        LIMIT,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("салом"));
}

#[test]
fn four_thousand_broken_links_on_one_line_print_a_readable_report() {
    let dir = copy_fixture("basic");
    let page = "content/en/module-a/01-one.md";
    let text = read(dir.path(), page);
    let links: Vec<String> = (0..4000)
        .map(|i| format!("[l{i}](missing-{i}.md)"))
        .collect();
    write(dir.path(), page, &format!("{text}\n{}\n", links.join(" ")));
    let o = check(dir.path(), false);
    assert_fails_with(
        &o,
        "… and 3980 more [broken-link] like these in content/en/module-a/01-one.md",
    );
    let err = stderr(&o);
    // 20 shown in full, each with an excerpt of the 98 KB line.
    assert!(err.len() < 64 * 1024, "{} bytes of stderr", err.len());
    assert_eq!(err.matches("error[broken-link]").count(), 20);
    assert!(err.contains("4000 errors"), "{err}");
    assert!(
        err.lines().all(|l| l.chars().count() < 400),
        "a long line in:\n{err}"
    );
    // The excerpt still shows the link pointed at, and the real column.
    assert!(err.contains("01-one.md:21:58"), "{err}");
    assert!(err.contains("[l3](missing-3.md)"), "{err}");

    // JSON lists every one.
    let o = check(dir.path(), true);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let broken = json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter(|e| e["code"] == "broken-link")
        .count();
    assert_eq!(broken, 4000);
}

#[test]
fn fifty_thousand_messages_are_checked_with_a_bounded_report() {
    let dir = copy_fixture("basic");
    let en: String = (0..50_000)
        .map(|i| format!("m{i} = Message {i} {{ $n }}\n"))
        .collect();
    let ru: String = (0..50_000)
        .map(|i| format!("m{i} = Сообщение {i} {{ $k }}\n"))
        .collect();
    write(dir.path(), "locales/en/many.ftl", &en);
    write(dir.path(), "locales/ru/many.ftl", &ru);
    let o = check(dir.path(), false);
    assert_fails_with(
        &o,
        "… and 49980 more [fluent-variable-invented] like these in locales/ru/many.ftl",
    );
    let err = stderr(&o);
    assert!(err.len() < 64 * 1024, "{} bytes of stderr", err.len());
    // Each still points into its own message.
    assert!(err.contains("locales/ru/many.ftl:1:20"), "{err}");
    assert!(err.contains("locales/ru/many.ftl:11:22"), "{err}");
}

fn page_with(root: &Path, extra: &str) {
    let page = "content/en/module-a/01-one.md";
    let text = read(root, page);
    write(root, page, &format!("{text}\n{extra}\n"));
}

const NESTING_TOO_DEEP: &str =
    "a page with raw HTML may nest elements (Markdown blocks and HTML) at most 256 deep";

#[test]
fn fifty_thousand_nested_divs_are_an_error_before_the_sanitiser() {
    let dir = copy_fixture("basic");
    page_with(dir.path(), &format!("{}x", "<div>".repeat(50_000)));
    let o = build(dir.path());
    assert_fails_with(&o, NESTING_TOO_DEEP);
    // The 257th <div>, at line 21, column 1 + 5 × 256.
    assert!(
        stderr(&o).contains("content/en/module-a/01-one.md:21:1281"),
        "{}",
        stderr(&o)
    );
    // Stray end tags that close nothing do not hide the depth.
    let dir = copy_fixture("basic");
    page_with(dir.path(), &format!("{}x", "<div></span>".repeat(50_000)));
    assert_fails_with(&build(dir.path()), NESTING_TOO_DEEP);
}

#[test]
fn nested_quotes_and_lists_build_but_not_around_raw_html() {
    for deep in [">".repeat(100_000) + " x", "- ".repeat(50_000) + "x"] {
        // Markdown alone is never sanitised: it builds, in linear time.
        let dir = copy_fixture("basic");
        page_with(dir.path(), &deep);
        let o = build(dir.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        // With raw HTML in the page the sanitiser would run on it.
        let dir = copy_fixture("basic");
        page_with(dir.path(), &format!("{deep} <b>bold</b>"));
        assert_fails_with(&build(dir.path()), NESTING_TOO_DEEP);
    }
}

#[test]
fn nesting_at_the_limit_builds() {
    let dir = copy_fixture("basic");
    // 256 levels: the page's own paragraph-free HTML block.
    page_with(
        dir.path(),
        &format!("{}deep{}", "<div>".repeat(256), "</div>".repeat(256)),
    );
    let o = build(dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = read(dir.path(), "dist/site/en/module-a/01-one.html");
    assert!(html.contains("deep"));
}

//! No panics on any input (issue 6): property tests over the front matter,
//! quiz and Markdown paths, diagnostics positions, and the whole pipeline.
//!
//! The case count is moderate so that `cargo test` stays fast; run more with
//! `PROPTEST_CASES=20000 cargo test --release --test properties`. The
//! cargo-fuzz targets in `fuzz/` exercise the same paths (see fuzz/README.md).

mod common;

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use proptest::test_runner::{Config as PtConfig, TestRunner};

use darslik::course::{self, FrontMatter, Page, frontmatter};
use darslik::diag::{self, Diagnostic};
use darslik::markdown::{self, RenderInput, quiz};

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/// `PROPTEST_CASES` if set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> PtConfig {
    PtConfig {
        cases: cases(default),
        failure_persistence: None,
        ..PtConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------

/// The lines of a text, split once (checking thousands of diagnostics of a
/// large file must not split it thousands of times).
struct Lines<'a>(Vec<&'a str>);

impl<'a> Lines<'a> {
    fn of(text: &'a str) -> Self {
        Lines(text.split('\n').collect())
    }
}

/// A diagnostic that points into a text points at a real place in it: line
/// and column are 1-based, the line exists, the column is at most one past the
/// line's last character. Rendering it does not panic.
fn check_diag(d: &Diagnostic, lines: Option<&Lines<'_>>) {
    if let Some(line) = d.line {
        assert!(line >= 1, "line 0: {d:?}");
        if let Some(Lines(lines)) = lines {
            assert!(
                line <= lines.len(),
                "line {line} past the end ({}): {d:?}",
                lines.len()
            );
            if let Some(col) = d.column {
                let chars = lines[line - 1].chars().count();
                assert!(
                    col <= chars + 1,
                    "column {col} past line {line} ({chars} chars): {d:?}"
                );
            }
        }
    }
    if let Some(col) = d.column {
        assert!(col >= 1, "column 0: {d:?}");
    }
    assert!(!d.message.is_empty(), "{d:?}");
}

/// Render a diagnostic as the CLI does: must not panic.
fn render_diag(d: &Diagnostic) {
    assert!(!d.render().is_empty());
}

fn page(file: &str, text: &str) -> Page {
    let text: Arc<str> = Arc::from(text);
    let (front, body_start) = match frontmatter::split(file, &text) {
        Ok(s) => (s.front, s.body_start),
        Err(_) => (
            FrontMatter {
                title: "t".into(),
                ..Default::default()
            },
            frontmatter::body_start_after_error(&text),
        ),
    };
    Page {
        locale: "en".into(),
        key: "module-a/01-one.md".into(),
        file: file.into(),
        text,
        front,
        body_start,
        generated_from: None,
    }
}

fn strings() -> quiz::QuizStrings {
    quiz::QuizStrings {
        check: "Check".into(),
        correct: "Correct".into(),
        incorrect: "Not quite".into(),
        choose_one: "Choose one".into(),
        choose_all: "Choose all".into(),
        answer_first: "Answer first".into(),
        ..quiz::QuizStrings::default()
    }
}

/// Parse and render a page the way `pipeline::bodies` does, with every kind
/// of href (keep, drop, replace), and check the quiz error positions.
fn exercise_markdown(text: &str) -> String {
    let page = page("content/en/module-a/01-one.md", text);
    let parsed = markdown::parse(&page);
    let text_lines = Lines::of(text);
    for (i, d) in parsed.diagnostics.iter().enumerate() {
        check_diag(d, Some(&text_lines));
        if i < 20 {
            render_diag(d);
        }
    }
    let lines = text_lines.0.len();
    let mut quizzes = Vec::new();
    let mut position = 0;
    for block in &parsed.quizzes {
        assert!(block.offset <= text.len());
        assert!(
            block.first_line >= 2 && block.first_line <= lines + 1,
            "{block:?}"
        );
        match quiz::parse(&block.text) {
            Ok(q) => {
                let html = quiz::render_html_with(
                    &q,
                    "module-a/01-one",
                    position,
                    &strings(),
                    "en-",
                    &|u| u.replace(".md", ".html"),
                );
                position += q.questions.len();
                quizzes.push(html);
            }
            Err(errors) => {
                let block_lines = block.text.split('\n').count();
                for e in errors {
                    check_quiz_error(&e, &block.text);
                    let line = block.first_line + e.line - 1;
                    let d = Diagnostic::error(e.code, e.message)
                        .at_line_col(&page.file, &page.text, line, e.column, e.len);
                    check_diag(&d, Some(&text_lines));
                    render_diag(&d);
                    // Inside the block: from its first line to its last.
                    // A fence on the last line of the file, with nothing
                    // after it: the error is at the end of the fence line.
                    let got = d.line.expect("a line");
                    let first = block.first_line.min(lines);
                    assert!(
                        got >= first && got < block.first_line + block_lines,
                        "quiz error at line {got} outside the block (lines {}..{}): {d:?}",
                        block.first_line,
                        block.first_line + block_lines
                    );
                }
                quizzes.push(String::new());
            }
        }
    }
    let hrefs: Vec<Option<String>> = (0..parsed.refs.len())
        .map(|i| match i % 3 {
            0 => None,
            1 => Some(String::new()),
            _ => Some(format!("x{i}.html#y")),
        })
        .collect();
    let html = parsed.render(&RenderInput {
        hrefs: &hrefs,
        quizzes: &quizzes,
        scenarios: &[],
        id_prefix: "",
        media: &[],
    });
    let doc = parsed.render(&RenderInput {
        hrefs: &hrefs,
        quizzes: &quizzes,
        scenarios: &[],
        id_prefix: "ru-01-one",
        media: &[],
    });
    let _ = parsed.first_paragraph();
    for h in &parsed.headings {
        assert!((1..=6).contains(&h.level));
    }
    for r in &parsed.refs {
        assert!(
            r.span.start <= r.span.end && r.span.end <= text.len(),
            "{r:?}"
        );
    }
    html + &doc
}

/// A quiz error is inside its block: the line exists and the column is at
/// most one past the line's last character.
fn check_quiz_error(e: &quiz::QuizError, block: &str) {
    let lines: Vec<&str> = block.split('\n').collect();
    assert!(e.line >= 1 && e.line <= lines.len(), "{e:?} in {block:?}");
    let chars = lines[e.line - 1].chars().count();
    assert!(
        e.column >= 1 && e.column <= chars.max(1),
        "{e:?} in {block:?}"
    );
    assert!(e.len >= 1, "{e:?}");
    assert!(!e.message.is_empty() && !e.hint.is_empty(), "{e:?}");
}

fn exercise_quiz(block: &str) {
    match quiz::parse(block) {
        Ok(q) => {
            assert!(!q.questions.is_empty());
            for question in &q.questions {
                assert!(question.options.len() >= 2);
                let correct = question.correct_indices().len();
                if question.multiple {
                    assert!(correct >= 1);
                } else {
                    assert_eq!(correct, 1);
                }
            }
            let html = quiz::render_html(&q, "m/p", usize::MAX - 1, &strings());
            assert!(!html.contains("<script"), "{html}");
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in &errors {
                check_quiz_error(e, block);
            }
            let sorted = errors
                .windows(2)
                .all(|w| (w[0].line, w[0].column) <= (w[1].line, w[1].column));
            assert!(sorted, "{errors:?}");
        }
    }
}

fn exercise_frontmatter(text: &str) {
    let arc: Arc<str> = Arc::from(text);
    match frontmatter::split("content/en/a.md", &arc) {
        Ok(s) => {
            assert!(!s.front.title.trim().is_empty());
            assert!(s.toml.start <= s.toml.end && s.toml.end <= text.len());
            assert!(s.body_start <= text.len() && text.is_char_boundary(s.body_start));
            assert!(text.is_char_boundary(s.toml.start) && text.is_char_boundary(s.toml.end));
        }
        Err(d) => {
            assert!(d.code.as_str().starts_with("frontmatter-"), "{d:?}");
            check_diag(&d, Some(&Lines::of(text)));
            render_diag(&d);
        }
    }
    let b = frontmatter::body_start_after_error(text);
    assert!(b <= text.len() && text.is_char_boundary(b));
    let _ = frontmatter::body_hash(&text[b..]);
}

fn exercise_bytes(bytes: &[u8]) {
    match course::text_from_bytes(bytes.to_vec(), "content/en/a.md") {
        Ok(text) => {
            assert!(!text.contains('\r'));
            assert!(!text.contains('\0'));
            exercise_frontmatter(&text);
        }
        Err(d) => {
            assert!(
                matches!(d.code.as_str(), "file-binary" | "file-encoding"),
                "{d:?}"
            );
            check_diag(&d, None);
            render_diag(&d);
        }
    }
}

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

/// Any string, biased towards the characters that matter here.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,200}",
        proptest::collection::vec(
            prop_oneof![
                Just("\n".to_string()),
                Just("\r\n".to_string()),
                Just("\r".to_string()),
                Just("+++".to_string()),
                Just("\u{feff}".to_string()),
                Just("é".to_string()),
                Just("я".to_string()),
                Just("𝄞".to_string()),
                Just("\t".to_string()),
                Just(" ".to_string()),
                "[a-z\"=#\\[\\]()>?*_`<&!-]{1,4}",
            ],
            0..60
        )
        .prop_map(|v| v.concat()),
    ]
}

fn fm_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title".to_string()),
        Just("description".to_string()),
        Just("translation_of".to_string()),
        Just("titel".to_string()),
        Just("\"title\"".to_string()),
        Just("title.x".to_string()),
        Just("".to_string()),
        "[a-z_]{1,8}",
        "\\PC{0,6}",
    ]
}

fn fm_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"A title\"".to_string()),
        Just("\"\"".to_string()),
        Just("\"   \"".to_string()),
        Just("''".to_string()),
        Just("5".to_string()),
        Just("true".to_string()),
        Just("[1, \"a\"]".to_string()),
        Just("{ a = 1 }".to_string()),
        Just("\"unterminated".to_string()),
        Just("'''multi\nline'''".to_string()),
        Just("\"\"\"multi\n+++\nline\"\"\"".to_string()),
        Just("\"\\u00e9\\uD800\"".to_string()),
        Just("1979-05-27T07:32:00Z".to_string()),
        Just("\"Oʻzbek — тест 𝄞\"".to_string()),
        "\"[^\"\\\\\n]{0,20}\"",
        "\\PC{0,12}",
    ]
}

fn fm_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (fm_key(), fm_value()).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => Just(String::new()),
        1 => Just("[table]".to_string()),
        1 => Just("+++".to_string()),
        1 => Just("# comment".to_string()),
        1 => "\\PC{0,20}",
    ]
}

/// A page: maybe a front matter fence, random TOML lines, maybe a closing
/// fence, a body.
fn front_matter_page() -> impl Strategy<Value = String> {
    let fence = prop_oneof![
        Just("+++"),
        Just("+++ "),
        Just("+++\r"),
        Just("++++"),
        Just("---"),
        Just(""),
        Just("\u{feff}+++"),
    ];
    (
        fence.clone(),
        proptest::collection::vec(fm_line(), 0..6),
        prop_oneof![3 => fence, 1 => Just("no close")],
        any::<bool>(),
        any_text(),
    )
        .prop_map(|(open, lines, close, newline, body)| {
            let mut s = String::new();
            s.push_str(open);
            s.push('\n');
            for l in lines {
                s.push_str(&l);
                s.push('\n');
            }
            if close != "no close" {
                s.push_str(close);
                if newline {
                    s.push('\n');
                }
            }
            s.push_str(&body);
            s
        })
}

fn quiz_line() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        Just("A".to_string()),
        Just("".to_string()),
        Just("**bold** `code` [l](x.md)".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("Вопрос ещё".to_string()),
        Just("# h".to_string()),
        Just("- item".to_string()),
        "\\PC{0,10}",
    ];
    let marker = prop_oneof![
        Just("? "),
        Just("?"),
        Just("?x"),
        Just("( ) "),
        Just("(x) "),
        Just("(X) "),
        Just("[ ] "),
        Just("[x] "),
        Just("[X] "),
        Just("(x)"),
        Just("[ ]"),
        Just("> "),
        Just(">"),
        Just("(х) "),
        Just("() "),
        Just("(*) "),
        Just("[v] "),
        Just("("),
        Just("["),
        Just(""),
    ];
    let indent = prop_oneof![
        Just(""),
        Just("  "),
        Just("\t"),
        Just("\u{a0}"),
        Just("\u{feff}")
    ];
    let tail = prop_oneof![Just(""), Just(" "), Just("\r"), Just("\t")];
    prop_oneof![
        8 => (indent, marker, text, tail).prop_map(|(i, m, t, e)| format!("{i}{m}{t}{e}")),
        2 => Just(String::new()),
        1 => "\\PC{0,15}",
    ]
}

fn quiz_block() -> impl Strategy<Value = String> {
    proptest::collection::vec(quiz_line(), 0..16).prop_map(|v| v.join("\n"))
}

fn md_dest() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("x.md#y".to_string()),
        Just("02-two.md#target".to_string()),
        Just("01-one.md".to_string()),
        Just("../module-b/index.md".to_string()),
        Just("../../ru/module-a/01-one.md#x".to_string()),
        Just("../".to_string()),
        Just("#independent-sources".to_string()),
        Just("#".to_string()),
        Just("pic.svg".to_string()),
        Just("pic.svg#frag".to_string()),
        Just("https://example.org".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("data:text/html,x".to_string()),
        Just("/abs.md".to_string()),
        Just("\\\\server\\x".to_string()),
        Just("../../../../etc/passwd".to_string()),
        Just("%zz%ff%2F..%2F..".to_string()),
        Just("..%2F..%2F..%2Fx".to_string()),
        Just("<>".to_string()),
        Just("my%20file.md".to_string()),
        Just("файл.svg".to_string()),
        "[a-z0-9./#%-]{0,16}",
    ]
}

fn md_inline() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        Just("Oʻzbek тест 𝄞".to_string()),
        (md_dest()).prop_map(|d| format!("[a]({d})")),
        (md_dest()).prop_map(|d| format!("![img]({d} \"t\")")),
        (md_dest()).prop_map(|d| format!("[ref]\n\n[ref]: {d}")),
        Just("[^1]".to_string()),
        Just("[^note]".to_string()),
        Just("**b** *e* ~~s~~ `c`".to_string()),
        Just("<span onclick=\"x\">h</span>".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<a href=\"javascript:alert(1)\">j</a>".to_string()),
        Just("<iframe src=x></iframe>".to_string()),
        Just("&amp; &#0; &#x110000;".to_string()),
        Just("[[a](b)](c)".to_string()),
        Just("[a](<b c>)".to_string()),
        "\\PC{0,10}",
    ]
}

fn md_block() -> impl Strategy<Value = String> {
    let inl = || proptest::collection::vec(md_inline(), 0..4).prop_map(|v| v.join(" "));
    prop_oneof![
        2 => inl(),
        1 => (1usize..8, inl(), prop_oneof![Just(""), Just(" {#id}"), Just(" {#dup}"), Just(" {#}"), Just(" {.c #x k=v}")])
            .prop_map(|(n, t, a)| format!("{} {t}{a}", "#".repeat(n))),
        1 => (inl(), inl()).prop_map(|(a, b)| format!("| {a} | b |\n|---|:-:|\n| {b} | x |")),
        1 => Just("| a |\n|---|".to_string()),
        1 => inl().prop_map(|t| format!("[^1]: {t}")),
        1 => inl().prop_map(|t| format!("[^note]: {t}\n    more")),
        1 => inl().prop_map(|t| format!("<div>\n{t}\n</div>")),
        1 => inl().prop_map(|t| format!("```rust\n{t}\n```")),
        2 => (prop_oneof![Just("```quiz"), Just("~~~quiz x"), Just("````quiz"), Just("```quiz\t")], quiz_block(), prop_oneof![Just("```"), Just("~~~"), Just("````"), Just("")])
            .prop_map(|(open, q, close)| format!("{open}\n{q}\n{close}")),
        1 => inl().prop_map(|t| format!("> {t}")),
        1 => inl().prop_map(|t| format!("- {t}\n  - {t}")),
        1 => inl().prop_map(|t| format!("1. {t}\n\n   ```quiz\n   ? Q\n   (x) a\n   ( ) b\n   ```")),
        1 => quiz_block().prop_map(|q| format!("> ```quiz\n> {}\n> ```", q.replace('\n', "\n> "))),
        1 => Just("    indented code".to_string()),
        1 => Just("***".to_string()),
        1 => any_text(),
    ]
}

fn markdown_page() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("+++\ntitle = \"P\"\n+++\n".to_string()),
            Just(String::new()),
            front_matter_page().prop_map(|s| s + "\n"),
        ],
        proptest::collection::vec(md_block(), 0..10),
        prop_oneof![Just("\n\n"), Just("\n"), Just("\n> "), Just("\n- ")],
    )
        .prop_map(|(front, blocks, sep)| front + &blocks.join(sep))
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn frontmatter_any_text(text in any_text()) {
        exercise_frontmatter(&text);
    }

    #[test]
    fn frontmatter_near_valid(text in front_matter_page()) {
        exercise_frontmatter(&text);
        exercise_bytes(text.as_bytes());
    }

    #[test]
    fn text_from_any_bytes(bytes in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        front_matter_page().prop_map(|s| {
            // Corrupt a near-valid page: a BOM, CRs, a stray invalid byte.
            let mut b = b"\xEF\xBB\xBF".to_vec();
            b.extend(s.replace('\n', "\r\n").into_bytes());
            let at = b.len() / 2;
            b.insert(at, 0xC3);
            b
        }),
    ]) {
        exercise_bytes(&bytes);
    }

    #[test]
    fn quiz_any_text(text in any_text()) {
        exercise_quiz(&text);
    }

    #[test]
    fn quiz_near_valid(block in quiz_block()) {
        exercise_quiz(&block);
    }

    #[test]
    fn markdown_any_text(text in any_text()) {
        exercise_markdown(&text);
    }

    #[test]
    fn markdown_near_valid(text in markdown_page()) {
        exercise_markdown(&text);
    }

    /// Diagnostics at any span, or any line and column, point inside the text.
    #[test]
    fn diagnostics_at_any_position(
        text in any_text(),
        a in 0usize..400,
        b in 0usize..400,
        line in 0usize..30,
        col in 0usize..60,
        len in 0usize..60,
    ) {
        let arc: Arc<str> = Arc::from(text.as_str());
        let lines = Lines::of(&text);
        let check = |d: Diagnostic| {
            check_diag(&d, Some(&lines));
            render_diag(&d);
        };
        check(Diagnostic::error(darslik::diag::Code::Io, darslik::diag::Text::Plain("m".into())).at("f", &arc, a..b).hint(darslik::diag::Text::Plain("h".into())));
        check(Diagnostic::warning(darslik::diag::Code::Io, darslik::diag::Text::Plain("m".into())).at("f", &arc, a..usize::MAX));
        check(Diagnostic::error(darslik::diag::Code::Io, darslik::diag::Text::Plain("m".into())).at("f", &arc, b..a));
        check(Diagnostic::error(darslik::diag::Code::Io, darslik::diag::Text::Plain("m".into())).at_line_col("f", &arc, line, col, len));
        check(Diagnostic::error(darslik::diag::Code::Io, darslik::diag::Text::Plain("m".into())).at_line_col("f", &arc, usize::MAX, usize::MAX, usize::MAX));
        let (l, c) = diag::line_col(&text, a);
        prop_assert!(l >= 1 && c >= 1);
        let o = diag::offset_of(&text, line, col);
        prop_assert!(o <= text.len() && text.is_char_boundary(o));
    }

    /// `offset_of` inverts `line_col` at every character boundary.
    #[test]
    fn line_col_round_trip(text in any_text(), at in 0usize..400) {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let (l, c) = diag::line_col(&text, at);
        prop_assert_eq!(diag::offset_of(&text, l, c), at);
    }

    /// Transliteration of Markdown, Fluent and plain text into every script.
    #[test]
    fn translit_any_text(text in prop_oneof![
        any_text(),
        markdown_page(),
        ftl_text(),
        proptest::collection::vec(
            prop_oneof![
                Just("Oʻzbekiston"), Just("gʻalla"), Just("maʼno"), Just("ma'no"), Just("o`g`il"),
                Just("Ўзбекистон"), Just("ғалла"), Just("маъно"), Just("ЁЕЮЯ"), Just("şçöğ"),
                Just("sh"), Just("ch"), Just("ng"), Just("yo"), Just("ye"), Just("ts"), Just("e"),
                Just("https://x.uz/a_b"), Just("a@b.uz"), Just("2011/36/EU"), Just("index.md"),
                Just("`kod`"), Just("{ $x }"), Just("[a](b.md)"), Just("<b>"), Just(" "), Just("\n"),
                Just("'"), Just("’"), Just("ʻ"), Just("-"), Just("\u{301}"), Just("\u{feff}"),
            ],
            0..30,
        ).prop_map(|v| v.concat()),
    ]) {
        use darslik::translit::{self, Exceptions, Script};
        let ex = Exceptions::builtin();
        for script in [Script::Cyrl, Script::Latn, Script::Latn2026] {
            let _ = translit::convert(&text, script, &ex);
            let _ = translit::markdown(&text, script, &ex);
            let _ = translit::fluent(&text, script, &ex);
        }
        let fixes = translit::apostrophe_fixes_markdown(&text);
        let _ = translit::apply_fixes(&text, &fixes);
        let fixes = translit::apostrophe_fixes_fluent(&text);
        let _ = translit::apply_fixes(&text, &fixes);
    }

    #[test]
    fn config_any_text(text in prop_oneof![
        any_text(),
        (fm_key(), fm_value(), fm_key(), fm_value()).prop_map(|(k1, v1, k2, v2)| format!(
            "[course]\nid = \"x\"\nversion = \"1\"\nsource_locale = \"en\"\nlocales = [\"en\", {v1}]\nmodules = [\"a\"]\n{k1} = {v1}\n[locales.{k2}]\nfallback = [{v2}]\n"
        )),
    ]) {
        match darslik::course::config::parse(&text) {
            Ok((_, warnings)) => for d in &warnings { check_diag(d, Some(&Lines::of(&text))); render_diag(d); },
            Err(ds) => for d in &ds.items { check_diag(d, Some(&Lines::of(&text))); render_diag(d); },
        }
    }
}

// ---------------------------------------------------------------------------
// The whole pipeline
// ---------------------------------------------------------------------------

/// A fuzzed course: the source page, its Russian translation and an .ftl.
#[derive(Debug, Clone)]
struct CourseInput {
    page: Vec<u8>,
    /// The Uzbek translation; `None`: none (Uzbek falls back to Russian, then English).
    translation: Option<String>,
    ftl: String,
}

fn ftl_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("course-title = Курс".to_string()),
        Just("course-title = Dup".to_string()),
        Just("course-description = { $x ->\n   [one] a\n  *[other] b\n}".to_string()),
        Just("course-description = { $x ->\n   [one] a\n}".to_string()),
        Just("bad = { unclosed".to_string()),
        Just("  indented continuation".to_string()),
        Just("-term = T\nuse = { -term }".to_string()),
        Just("quiz-check = <script>alert(1)</script>".to_string()),
        Just("x = é\u{0301}𝄞 {".to_string()),
        Just("# comment".to_string()),
        "[a-z-]{1,8} = \\PC{0,12}",
        "\\PC{0,16}",
    ];
    prop_oneof![
        4 => proptest::collection::vec(line, 0..8).prop_map(|v| v.join("\n")),
        1 => any_text(),
    ]
}

fn course_input() -> impl Strategy<Value = CourseInput> {
    (
        prop_oneof![
            4 => markdown_page().prop_map(String::into_bytes),
            1 => proptest::collection::vec(any::<u8>(), 0..100),
        ],
        prop_oneof![
            Just(None),
            Just(Some("+++\ntitle = \"Один\"\n+++\nТекст.\n".to_string())),
            markdown_page().prop_map(Some),
        ],
        ftl_text(),
    )
        .prop_map(|(page, translation, ftl)| CourseInput {
            page,
            translation,
            ftl,
        })
}

/// A new page beside the fixture's, so that the fixture's own links stay valid.
const PAGE: &str = "content/en/module-a/03-fuzz.md";
const TRANSLATION: &str = "content/uz/module-a/03-fuzz.md";
const FTL: &str = "locales/uz/course.ftl";

/// A copy of the basic fixture with a generated locale too, so that the
/// Uzbek texts also go through transliteration.
fn fuzz_course() -> tempfile::TempDir {
    let dir = common::copy_fixture("basic");
    let toml = common::read(dir.path(), "course.toml");
    common::write(
        dir.path(),
        "course.toml",
        &format!("{toml}\n[locales.uz-Cyrl]\ngenerate = \"translit:uz\"\n"),
    );
    dir
}

/// Write the input into a copy of the basic fixture and build it: Ok or
/// Err(diagnostics), never a panic; diagnostics point inside their file.
fn build_course(root: &Path, input: &CourseInput) -> Result<(), Vec<String>> {
    std::fs::write(root.join(PAGE), &input.page).expect("write page");
    match &input.translation {
        Some(t) => common::write(root, TRANSLATION, t),
        None => {
            let _ = std::fs::remove_file(root.join(TRANSLATION));
        }
    }
    common::write(root, FTL, &input.ftl);
    let texts: Vec<(&str, Option<Arc<str>>)> = vec![
        (PAGE, course::text_from_bytes(input.page.clone(), PAGE).ok()),
        (
            TRANSLATION,
            input
                .translation
                .as_ref()
                .and_then(|t| course::text_from_bytes(t.clone().into_bytes(), TRANSLATION).ok()),
        ),
        (
            FTL,
            course::text_from_bytes(input.ftl.clone().into_bytes(), FTL).ok(),
        ),
    ];
    let (ok, diags) = match darslik::build::whole(root) {
        Ok(built) => (true, built.diagnostics.items),
        Err(d) => {
            assert!(d.has_errors(), "Err without errors: {d:?}");
            (false, d.items)
        }
    };
    let lines: Vec<(&str, Option<Lines<'_>>)> = texts
        .iter()
        .map(|(f, t)| (*f, t.as_deref().map(Lines::of)))
        .collect();
    for (i, d) in diags.iter().enumerate() {
        let lines = lines
            .iter()
            .find(|(f, _)| d.file.as_deref() == Some(*f))
            .and_then(|(_, l)| l.as_ref());
        check_diag(d, lines);
        if i < 20 {
            render_diag(d);
        }
    }
    if ok {
        Ok(())
    } else {
        Err(diags
            .iter()
            .filter(|d| d.is_error())
            .take(5)
            .map(|d| {
                format!(
                    "{}:{:?}:{:?} {} {}",
                    d.file.as_deref().unwrap_or(""),
                    d.line,
                    d.column,
                    d.code,
                    d.message
                )
            })
            .collect())
    }
}

#[test]
fn pipeline_never_panics() {
    let dir = fuzz_course();
    let mut runner = TestRunner::new(config(32));
    runner
        .run(&course_input(), |input| {
            let _ = build_course(dir.path(), &input);
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------
// Deep nesting and large input
// ---------------------------------------------------------------------------

fn build_page(body: &str) {
    let dir = fuzz_course();
    let input = CourseInput {
        page: format!("+++\ntitle = \"Deep\"\n+++\n{body}").into_bytes(),
        translation: None,
        ftl: "course-title = Курс\n".into(),
    };
    if let Err(e) = build_course(dir.path(), &input) {
        panic!("a valid page did not build: {e:#?}");
    }
}

/// A deeply nested page builds, or fails only with `nesting-too-deep`
/// (SPEC §11: a page with raw HTML nests at most 256 deep).
fn build_deep_page(body: &str) {
    let dir = fuzz_course();
    let input = CourseInput {
        page: format!("+++\ntitle = \"Deep\"\n+++\n{body}").into_bytes(),
        translation: None,
        ftl: "course-title = Курс\n".into(),
    };
    if let Err(e) = build_course(dir.path(), &input)
        && !e.iter().all(|d| d.contains(" nesting-too-deep "))
    {
        panic!("a deep page failed with other errors: {e:#?}");
    }
}

/// Run `f` in a thread with a normal-size stack: the test harness's larger
/// main-thread stack would hide a recursion that overflows in `darslik build`.
fn small_stack(what: String, f: impl FnOnce() + Send + 'static) {
    let started = std::time::Instant::now();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .unwrap_or_else(|_| panic!("{what}: panicked"));
    eprintln!("{what}: {:?}", started.elapsed());
}

/// Deeply nested inputs: (name, page body) at a given depth.
fn nested(depth: usize, with_html: bool) -> Vec<(String, String)> {
    let nest = |open: &str, inner: &str, close: &str| {
        format!("{}{inner}{}\n", open.repeat(depth), close.repeat(depth))
    };
    let mut ladder = String::new();
    for i in 1..=depth.min(300) {
        ladder.push_str(&">".repeat(i));
        ladder.push_str(" x\n");
    }
    let mut cases = vec![
        ("blockquotes >>>", nest(">", " deep", "")),
        ("blockquotes > > >", nest("> ", "deep", "")),
        ("blockquote ladder", ladder),
        ("lists - - -", nest("- ", "deep", "")),
        ("lists 1. 1. 1.", nest("1. ", "deep", "")),
        ("quotes and lists > - > -", nest("> - ", "deep", "")),
        (
            "list, then a quiz",
            nest("- ", "x\n\n```quiz\n? Q\n(x) a\n( ) b\n```", ""),
        ),
        ("emphasis *", nest("*", "deep", "*")),
        ("strong **", nest("**", "deep", "**")),
        ("emphasis _", nest("_", "deep", "_")),
        ("strikethrough ~~", nest("~~", "deep", "~~")),
        ("links [[[", nest("[", "x", "](01-one.md)")),
        ("images ![![", nest("![", "x", "](pic.svg)")),
        (
            "footnote references",
            nest("[^1]", "", "") + "\n[^1]: note\n",
        ),
    ];
    if with_html {
        cases.push(("html <div>", nest("<div>", "x", "</div>")));
        cases.push((
            "html <span>",
            format!("<p>{}", nest("<span>", "x", "</span>")),
        ));
        cases.push(("html <b><i>", nest("<b><i>", "x", "</i></b>")));
    }
    cases
        .into_iter()
        .map(|(name, body)| (format!("{name} x{depth}"), body))
        .collect()
}

const DEPTH: usize = 10_000;

/// 10,000-deep nesting through front matter, Markdown, quiz and render (with
/// the sanitiser for raw HTML at 1,000: html5ever is quadratic in the depth).
#[test]
fn deep_markdown() {
    for (what, body) in nested(DEPTH, false).into_iter().chain(nested(1_000, true)) {
        small_stack(what, move || {
            exercise_markdown(&format!("+++\ntitle = \"Deep\"\n+++\n{body}"));
        });
    }
}

/// Deep nesting through the whole pipeline, at 1,000 levels so that every
/// `cargo test` can afford it; `deep_pipeline_full` does 10,000.
#[test]
fn deep_pipeline() {
    for (what, body) in nested(1_000, true) {
        small_stack(what, move || build_deep_page(&body));
    }
}

/// 10,000-deep nesting through the whole pipeline, raw HTML included. Slow in
/// a debug build: `cargo test --release --test properties -- --ignored`.
#[test]
#[ignore = "slow in debug builds; run with --release -- --ignored"]
fn deep_pipeline_full() {
    for (what, body) in nested(DEPTH, true) {
        small_stack(what, move || {
            exercise_markdown(&format!("+++\ntitle = \"Deep\"\n+++\n{body}"));
            build_deep_page(&body);
        });
    }
}

/// About 4 MB of mixed Markdown: a quiz, raw HTML (so the sanitiser runs),
/// links, images, tables and footnotes in every unit.
fn mixed_markdown(bytes: usize) -> String {
    let unit = "## Heading\n\nText with **bold**, a [link](02-two.md#target), ![img](pic.svg), a note[^1] and <b>html</b>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```quiz\n? Q\n(x) a\n( ) b\n```\n\n[^1]: Note.\n\n";
    unit.repeat(bytes / unit.len())
}

fn timed(what: &str, body: &str) {
    let started = std::time::Instant::now();
    build_page(body);
    eprintln!("{what}: {:?}", started.elapsed());
}

/// A few MB through the whole pipeline (four locales view the page). Slow in
/// a debug build: run with `cargo test --release --test properties -- --ignored`.
#[test]
#[ignore = "slow in debug builds; run with --release -- --ignored"]
fn large_input() {
    timed("4 MB of Markdown", &mixed_markdown(4 << 20));
    timed("one 3 MB line", &"word ".repeat(600_000));
    // Thousands of diagnostics in one large page.
    let dir = fuzz_course();
    let input = CourseInput {
        page: format!(
            "+++\ntitle = \"Broken\"\n+++\n{}",
            "[x](missing.md) ![y](missing.png)\n\n".repeat(20_000)
        )
        .into_bytes(),
        translation: None,
        ftl: String::new(),
    };
    let started = std::time::Instant::now();
    let errors = build_course(dir.path(), &input).expect_err("broken links");
    assert!(!errors.is_empty());
    eprintln!("40,000 broken links: {:?}", started.elapsed());
}

/// The large input at a size that every `cargo test` can afford.
#[test]
fn large_input_quick() {
    timed("64 KB of Markdown", &mixed_markdown(64 << 10));
    timed("one 256 KB line", &"word ".repeat(50_000));
}

/// Every seed and minimised crash under fuzz/seeds/<target>/ through the same
/// checks as the fuzz target. A crash found by `cargo fuzz` is added here by
/// copying its minimised input (`cargo fuzz tmin`) into that folder.
#[test]
fn fuzz_regressions() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let files = |target: &str| -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        if let Ok(dir) = std::fs::read_dir(seeds.join(target)) {
            for e in dir.flatten() {
                out.push(std::fs::read(e.path()).expect("read seed"));
            }
        }
        out
    };
    for bytes in files("frontmatter") {
        exercise_bytes(&bytes);
    }
    for bytes in files("quiz") {
        exercise_quiz(&String::from_utf8_lossy(&bytes));
    }
    for bytes in files("markdown") {
        exercise_markdown(&String::from_utf8_lossy(&bytes).replace('\r', "\n"));
    }
    let dir = fuzz_course();
    for bytes in files("course") {
        let mut parts = bytes.splitn(3, |b| *b == 0x1e);
        let input = CourseInput {
            page: parts.next().unwrap_or_default().to_vec(),
            translation: parts
                .next()
                .map(|b| String::from_utf8_lossy(b).into_owned()),
            ftl: parts
                .next()
                .map(|b| String::from_utf8_lossy(b).into_owned())
                .unwrap_or_default(),
        };
        let _ = build_course(dir.path(), &input);
    }
}

#[test]
fn edge_texts() {
    for text in [
        "",
        "\n",
        "+++",
        "+++\n",
        "+++\n+++",
        "+++\n+++\n",
        "+++\ntitle = \"A\"\n+++",
        "+++\ntitle = \"\"\"\n+++\n\"\"\"\n+++\n",
        "\u{feff}+++\ntitle = \"A\"\n+++\n",
        "+++\ntitle = \"é\n+++\n",
        "+++\n\u{0}\n+++\n",
        "```quiz",
        "```quiz\n",
        "```quiz\n?",
        "> ```quiz\n> ?\n",
        "- ```quiz\n  ? Q\n  (x)\n",
        "[^]: x\n[^]",
        "# {#}\n# {#}",
    ] {
        exercise_frontmatter(text);
        exercise_quiz(text);
        exercise_markdown(text);
        exercise_bytes(text.as_bytes());
    }
}

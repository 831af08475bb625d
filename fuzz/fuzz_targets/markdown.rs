//! Any text as a page: front matter, Markdown parse, quiz blocks, render with
//! every kind of link rewrite, as `pipeline::bodies` does. Never a panic.
#![no_main]

use std::sync::Arc;

use darslik::course::{FrontMatter, Page, frontmatter};
use darslik::diag::Diagnostic;
use darslik::markdown::{self, RenderInput, quiz};
use libfuzzer_sys::fuzz_target;

fn check(d: &Diagnostic, lines: &[&str]) {
    let line = d.line.expect("a position");
    let col = d.column.expect("a position");
    assert!(line >= 1 && line <= lines.len(), "{d:?}");
    assert!(col >= 1 && col <= lines[line - 1].chars().count() + 1, "{d:?}");
}

fuzz_target!(|data: &[u8]| {
    let text: Arc<str> = Arc::from(String::from_utf8_lossy(data).replace('\r', "\n"));
    let file = "content/en/m/01-a.md";
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
    let page = Page {
        locale: "en".into(),
        key: "m/01-a.md".into(),
        file: file.into(),
        text: text.clone(),
        front,
        body_start,
        generated_from: None,
    };
    let parsed = markdown::parse(&page);
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &parsed.diagnostics {
        check(d, &lines);
    }
    let strings = quiz::QuizStrings::default();
    let mut quizzes = Vec::new();
    let mut position = 0;
    for block in &parsed.quizzes {
        match quiz::parse(&block.text) {
            Ok(q) => {
                quizzes.push(quiz::render_html_with(&q, "m/01-a", position, &strings, "", &|u| {
                    u.to_string()
                }));
                position += q.questions.len();
            }
            Err(errors) => {
                for e in errors {
                    let d = Diagnostic::error(e.code, e.message).at_line_col(
                        file,
                        &text,
                        block.first_line + e.line - 1,
                        e.column,
                        e.len,
                    );
                    check(&d, &lines);
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
    for prefix in ["", "ru-01-a"] {
        let html = parsed.render(&RenderInput {
            hrefs: &hrefs,
            quizzes: &quizzes,
            id_prefix: prefix,
        });
        assert!(!html.contains("<script"), "{html}");
    }
    let _ = parsed.first_paragraph();
});

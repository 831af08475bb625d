//! Any text as the inside of a ```quiz block: parse, then render (valid) or
//! report (invalid). Errors are inside the block; never a panic.
#![no_main]

use darslik::markdown::quiz;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let block = String::from_utf8_lossy(data);
    match quiz::parse(&block) {
        Ok(q) => {
            assert!(!q.questions.is_empty());
            for question in &q.questions {
                assert!(question.options.len() >= 2);
            }
            let strings = quiz::QuizStrings {
                check: "Check".into(),
                correct: "<b>Correct</b>".into(),
                ..Default::default()
            };
            let html = quiz::render_html_with(&q, "m/p", usize::MAX - 1, &strings, "ru-", &|u| {
                u.replace(".md", ".html")
            });
            assert!(!html.contains("<script"));
        }
        Err(errors) => {
            let lines: Vec<&str> = block.split('\n').collect();
            for e in &errors {
                assert!(e.line >= 1 && e.line <= lines.len(), "{e:?}");
                let chars = lines[e.line - 1].chars().count();
                assert!(e.column >= 1 && e.column <= chars.max(1), "{e:?}");
                assert!(e.len >= 1);
                let _ = e.to_string();
            }
        }
    }
});

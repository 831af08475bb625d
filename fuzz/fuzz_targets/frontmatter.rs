//! Any bytes as a page file: decoding (BOM, CRLF, invalid UTF-8, NUL), then
//! front matter. Ok or a diagnostic that points inside the file; never a panic.
#![no_main]

use std::sync::Arc;

use darslik::course::{frontmatter, text_from_bytes};
use darslik::diag::Diagnostic;
use libfuzzer_sys::fuzz_target;

fn check(d: &Diagnostic, text: Option<&str>) {
    if let Some(line) = d.line {
        assert!(line >= 1);
        if let Some(text) = text {
            assert!(line <= text.split('\n').count(), "{d:?}");
        }
    }
    if let Some(col) = d.column {
        assert!(col >= 1);
    }
    assert!(!d.render().is_empty());
}

fn split(text: &str) {
    let arc: Arc<str> = Arc::from(text);
    match frontmatter::split("content/en/a.md", &arc) {
        Ok(s) => {
            assert!(s.body_start <= text.len() && text.is_char_boundary(s.body_start));
            assert!(s.toml.end <= text.len());
        }
        Err(d) => check(&d, Some(text)),
    }
    let b = frontmatter::body_start_after_error(text);
    assert!(b <= text.len() && text.is_char_boundary(b));
    let _ = frontmatter::body_hash(&text[b..]);
}

fuzz_target!(|data: &[u8]| {
    match text_from_bytes(data.to_vec(), "content/en/a.md") {
        Ok(text) => {
            assert!(!text.contains('\r'));
            split(&text);
        }
        Err(d) => check(&d, None),
    }
    // The same text without the decoding step's normalisation.
    if let Ok(raw) = std::str::from_utf8(data) {
        split(raw);
    }
});

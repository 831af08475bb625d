//! Fluent files: convert the text of message, term, attribute and variant
//! patterns. Kept byte for byte: identifiers, `$variables`, message and term
//! references, function names and their arguments, selector and variant keys
//! (`[one]`), string literals (`{ "{" }`), syntax and whitespace, Junk, and
//! comments (they are notes for translators of the source file, and they may
//! name identifiers and variables; a generated locale never shows them).

use std::ops::Range;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::Script;
use super::exceptions::Exceptions;
use super::text::convert_text;

/// Converts the pattern text of a Fluent file.
pub fn fluent(src: &str, to: Script, ex: &Exceptions) -> String {
    let mut out = String::with_capacity(src.len() * 2);
    let mut last = 0;
    for r in text_ranges(src) {
        let (Some(before), Some(text)) = (src.get(last..r.start), src.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        out.push_str(&convert_text(text, to, ex));
        last = r.end;
    }
    out.push_str(src.get(last..).unwrap_or(""));
    out
}

/// Sorted, non-overlapping byte ranges of pattern text.
pub fn text_ranges(src: &str) -> Vec<Range<usize>> {
    // A file that nests too deep is not parsed (the parser recurses): its
    // text is kept as it is, and loading the messages reports it.
    let Some(resource) = crate::i18n::depth::parse(src) else {
        return Vec::new();
    };
    let mut ranges = Vec::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                if let Some(p) = &m.value {
                    pattern(src, p, &mut ranges);
                }
                for a in &m.attributes {
                    pattern(src, &a.value, &mut ranges);
                }
            }
            Entry::Term(t) => {
                pattern(src, &t.value, &mut ranges);
                for a in &t.attributes {
                    pattern(src, &a.value, &mut ranges);
                }
            }
            _ => {}
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut clean: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match clean.last() {
            Some(l) if r.start < l.end => continue,
            _ => clean.push(r),
        }
    }
    clean
}

/// The byte range of `part` inside `src`, when it is a slice of it.
fn slice_range(src: &str, part: &str) -> Option<Range<usize>> {
    let s = src.as_ptr() as usize;
    let p = part.as_ptr() as usize;
    if p < s || p + part.len() > s + src.len() {
        return None;
    }
    let start = p - s;
    let end = start + part.len();
    (src.is_char_boundary(start) && src.is_char_boundary(end) && src.get(start..end) == Some(part))
        .then_some(start..end)
}

fn pattern(src: &str, p: &Pattern<&str>, ranges: &mut Vec<Range<usize>>) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => {
                if let Some(r) = slice_range(src, value)
                    && !r.is_empty()
                {
                    ranges.push(r);
                }
            }
            PatternElement::Placeable { expression } => expr(src, expression, ranges),
        }
    }
}

fn expr(src: &str, e: &Expression<&str>, ranges: &mut Vec<Range<usize>>) {
    match e {
        Expression::Select { variants, .. } => {
            for v in variants {
                pattern(src, &v.value, ranges);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expr(src, expression, ranges)
        }
        Expression::Inline(_) => {}
    }
}

//! Apostrophe hygiene for Uzbek Latin (1995): `oʻ gʻ` take U+02BB, the tutuq
//! belgisi takes U+02BC, whatever the keyboard gave (`' ‘ ’ ` ´ ʻ ʼ`).
//!
//! The rule, inside an Uzbek Latin word: an apostrophe right after `o`/`O`/`g`/`G`
//! is the `ʻ` of `oʻ`/`gʻ` (also at the end of a word: `togʻ`, unless it closes
//! a quotation that opened right before the word); any other apostrophe
//! between two letters is the tutuq `ʼ` (`maʼno`, and the second one of
//! `moʻʼjiza`). Not touched: apostrophes that open or close quotations,
//! words that are not Uzbek (`c` outside `ch`, `w`, accented letters) and
//! English contractions (`don't`, `it's`, `we're`), URLs, e-mail addresses and
//! code-like tokens; in Markdown also code spans and blocks, link targets,
//! raw HTML tags and attributes, elements with a `lang` other than `uz`
//! (`<span lang="en">don't</span>`), and front matter keys; in Fluent, comments,
//! identifiers and everything outside pattern text.

use super::letters::{OKINA, TUTUQ, is_apostrophe, lower};
use super::rules::{is_cyrillic_word, read_latin};
use super::text::scan;

/// One apostrophe to replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApostropheFix {
    /// Byte range of the apostrophe in the source.
    pub start: usize,
    pub end: usize,
    /// The character found there.
    pub found: String,
    /// `ʻ` (U+02BB) or `ʼ` (U+02BC).
    pub replacement: char,
}

/// Fixes for an Uzbek Latin Markdown page (see the module documentation).
pub fn apostrophe_fixes_markdown(src: &str) -> Vec<ApostropheFix> {
    let mut out = Vec::new();
    if !suspect(src) {
        return out;
    }
    for r in super::markdown::text_ranges(src) {
        if let Some(t) = src.get(r.clone()) {
            fixes_in_text(t, r.start, &mut out);
        }
    }
    out
}

/// Fixes for an Uzbek Latin Fluent file: pattern text only.
pub fn apostrophe_fixes_fluent(src: &str) -> Vec<ApostropheFix> {
    let mut out = Vec::new();
    if !suspect(src) {
        return out;
    }
    for r in super::fluent::text_ranges(src) {
        if let Some(t) = src.get(r.clone()) {
            fixes_in_text(t, r.start, &mut out);
        }
    }
    out
}

/// Applies fixes (sorted or not); fixes that overlap, fall outside `src` or
/// no longer match what they found are skipped, so applying the fixes of a
/// text to the fixed text changes nothing.
pub fn apply_fixes(src: &str, fixes: &[ApostropheFix]) -> String {
    let mut sorted: Vec<&ApostropheFix> = fixes.iter().collect();
    sorted.sort_by_key(|f| (f.start, f.end));
    let mut out = String::with_capacity(src.len() + fixes.len());
    let mut last = 0;
    for f in sorted {
        if f.start < last || f.end > src.len() || f.start >= f.end {
            continue;
        }
        if src.get(f.start..f.end) != Some(f.found.as_str()) {
            continue;
        }
        out.push_str(&src[last..f.start]);
        out.push(f.replacement);
        last = f.end;
    }
    out.push_str(&src[last..]);
    out
}

/// English contractions that must keep their apostrophe.
fn english_contraction(word: &str) -> bool {
    let w: String = word
        .chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { lower(c) })
        .collect();
    let Some((stem, tail)) = w.rsplit_once('\'') else {
        return false;
    };
    if stem.is_empty() || stem.contains('\'') {
        return false;
    }
    let last = stem.chars().last().unwrap_or(' ');
    match tail {
        "t" => last == 'n',
        "s" => last != 'o' && last != 'g',
        "re" | "ve" | "ll" => true,
        "d" => matches!(stem, "i" | "you" | "he" | "she" | "we" | "they" | "it"),
        "m" => stem == "i",
        _ => false,
    }
}

/// Fixes inside a plain-text fragment at byte offset `base`.
/// Could `text` hold a fix? Every fix is an apostrophe other than the one
/// its previous character calls for (ʻ after o and g, else ʼ), and inside a
/// word the previous character is the same in the whole text as in any part
/// of it: text where every apostrophe is the right one needs no closer look.
fn suspect(text: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if is_apostrophe(c) {
            let expected = match prev.map(lower) {
                Some('o') | Some('g') => OKINA,
                _ => TUTUQ,
            };
            if c != expected {
                return true;
            }
        }
        prev = Some(c);
    }
    false
}

pub(super) fn fixes_in_text(text: &str, base: usize, out: &mut Vec<ApostropheFix>) {
    if !suspect(text) {
        return;
    }
    for t in scan(text) {
        if t.keep {
            continue;
        }
        let word = &text[t.start..t.end];
        if !word.chars().any(is_apostrophe) || is_cyrillic_word(word) {
            continue;
        }
        if read_latin(word).is_none() || english_contraction(word) {
            continue;
        }
        let mut prev: Option<char> = None;
        for (off, c) in word.char_indices() {
            if is_apostrophe(c) {
                let expected = match prev.map(lower) {
                    Some('o') | Some('g') => OKINA,
                    _ => TUTUQ,
                };
                if c != expected {
                    let start = base + t.start + off;
                    out.push(ApostropheFix {
                        start,
                        end: start + c.len_utf8(),
                        found: c.to_string(),
                        replacement: expected,
                    });
                }
            }
            prev = Some(c);
        }
    }
}

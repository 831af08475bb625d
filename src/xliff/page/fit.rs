//! A translator's text made to fit where its segment goes.

use std::borrow::Cow;

use crate::xliff::model::Inline;

use super::kind;

/// The bytes to put in a segment's range for the translator's `content`:
/// codes as they were written; text runs made to fit `kind`'s place. The
/// text is trimmed. Headings, list items, table cells, quiz and scenario
/// lines and front matter strings are one line: line breaks (with the
/// spaces around them) become one space. Paragraphs, footnotes and step
/// texts keep their line breaks (soft breaks), and a blank line stays one,
/// so that a target that splits a paragraph is seen (and refused by the
/// import) as a changed structure. A table cell's `|` is escaped; a line of
/// a paragraph, list item or step text that would start another kind of
/// block (`# `, `- `, `* `, `1. `, `> `, ```` ``` ````) gets a backslash; a
/// heading's closing `#`s are escaped and a trailing `{…}` (which would be
/// read as the heading's attributes) ends in `&#125;`; a pair's left side
/// has no `=>`; front matter strings are TOML-escaped (a literal string's
/// `'` becomes `’`).
/// One-line text with nothing to escape comes back as it was.
pub fn fit(kind: &str, content: &[Inline]) -> String {
    let mut out = String::new();
    write(kind, content, &mut out);
    let first_is_text = matches!(content.first(), Some(Inline::Text(_)));
    let last_is_text = matches!(content.last(), Some(Inline::Text(_)));
    let mut s = out.as_str();
    if first_is_text {
        s = s.trim_start();
    }
    if last_is_text {
        s = s.trim_end();
    }
    let s = s.to_string();
    match kind {
        kind::PARAGRAPH | kind::LIST_ITEM | kind::SCENARIO_TEXT | kind::FOOTNOTE
            if first_is_text =>
        {
            protect_block_start(&s)
        }
        kind::HEADING => heading_end(&s, last_is_text),
        _ => s,
    }
}

fn write(kind: &str, content: &[Inline], out: &mut String) {
    for piece in content {
        match piece {
            Inline::Text(t) => text(kind, t, out),
            Inline::Ph { data, .. } => out.push_str(data),
            Inline::Pc {
                start,
                end,
                content,
                ..
            } => {
                out.push_str(start);
                write(kind, content, out);
                out.push_str(end);
            }
        }
    }
}

/// One text run for `kind`.
fn text(kind: &str, t: &str, out: &mut String) {
    if matches!(kind, kind::PARAGRAPH | kind::FOOTNOTE | kind::SCENARIO_TEXT) {
        // Each line after a break: its indentation, then protected.
        let mut lines = t.split('\n');
        if let Some(first) = lines.next() {
            out.push_str(first);
        }
        for line in lines {
            out.push('\n');
            let rest = line.trim_start_matches([' ', '\t']);
            out.push_str(&line[..line.len() - rest.len()]);
            out.push_str(&protect_block_start(rest));
        }
        return;
    }
    let one_line = one_line(t);
    match kind {
        kind::FRONT_MATTER => {
            for c in one_line.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if c.is_control() => out.push(' '),
                    c => out.push(c),
                }
            }
        }
        kind::FRONT_MATTER_LITERAL => {
            for c in one_line.chars() {
                match c {
                    '\'' => out.push('\u{2019}'),
                    c if c.is_control() => out.push(' '),
                    c => out.push(c),
                }
            }
        }
        kind::TABLE_CELL => {
            let mut backslashes = 0;
            for c in one_line.chars() {
                if c == '|' && backslashes % 2 == 0 {
                    out.push('\\');
                }
                backslashes = if c == '\\' { backslashes + 1 } else { 0 };
                out.push(c);
            }
        }
        kind::QUIZ_PAIR_LEFT => out.push_str(&one_line.replace("=>", "=\\>")),
        _ => out.push_str(&one_line),
    }
}

/// Line breaks, with the spaces around them, as one space.
fn one_line(t: &str) -> String {
    if !t.contains(['\n', '\r']) {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    let mut pending = false;
    let mut spaces = String::new();
    for c in t.chars() {
        match c {
            '\n' | '\r' => {
                pending = true;
                spaces.clear();
            }
            ' ' | '\t' => spaces.push(c),
            c => {
                if pending {
                    out.push(' ');
                    pending = false;
                    spaces.clear();
                } else {
                    out.push_str(&spaces);
                    spaces.clear();
                }
                out.push(c);
            }
        }
    }
    if pending {
        out.push(' ');
    } else {
        out.push_str(&spaces);
    }
    out
}

/// A heading's text must not end in what ATX headings read as markers: a
/// closing run of `#` after a space, or `{…}` attributes.
fn heading_end(s: &str, last_is_text: bool) -> String {
    if !last_is_text {
        return s.to_string();
    }
    let hashes = s.len() - s.trim_end_matches('#').len();
    let before = &s[..s.len() - hashes];
    if hashes > 0 && (before.is_empty() || before.ends_with([' ', '\t'])) && !before.ends_with('\\')
    {
        return format!("{before}\\{}", &s[before.len()..]);
    }
    // pulldown-cmark reads a trailing `{…}` as attributes even when its
    // `{` is escaped: the text must not end with `}` (an entity shows it).
    if let Some(before) = s.strip_suffix('}')
        && before.contains('{')
    {
        return format!("{before}&#125;");
    }
    s.to_string()
}

/// Escapes what would make a one-line text a block other than a paragraph
/// (`# `, `- `, `1. `, `> `, ```` ``` ````, `***`), as the quiz renderer does
/// (`markdown::inline::protect_block_start`), and what starts a block only
/// where a page's block starts.
fn protect_block_start(s: &str) -> String {
    if let Cow::Owned(escaped) = crate::markdown::inline::protect_block_start(s) {
        return escaped;
    }
    // Where a page's block starts, a table row, an HTML block and a link
    // reference definition would start one too (a quiz line is inline).
    let block = s.starts_with(['|', '<']) || (s.starts_with('[') && s.contains("]:"));
    if block {
        format!("\\{s}")
    } else {
        s.to_string()
    }
}

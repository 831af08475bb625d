//! `title` and `description` of a page's `+++` front matter.

use crate::diag::Code;
use crate::msg;
use crate::xliff::model::{Inline, Segment};

use super::{PageError, kind, segment};

/// The front matter's segments and where the body starts. A page without
/// front matter has none (its body starts at 0).
pub(super) fn segments(text: &str) -> Result<(Vec<Segment>, usize), PageError> {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_end = text[bom..].find('\n').map_or(text.len(), |n| bom + n);
    if text[bom..first_end].trim_end() != "+++" {
        return Ok((Vec::new(), 0));
    }
    let mut out = Vec::new();
    let mut pos = (first_end + 1).min(text.len());
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        let line = &text[pos..end];
        if line.trim_end() == "+++" {
            return Ok((out, (end + 1).min(text.len())));
        }
        if let Some(s) = field(line, pos) {
            out.push(s);
        }
        pos = end + 1;
    }
    Err(PageError {
        span: 0..first_end,
        code: Code::FrontmatterUnterminated,
        message: msg!("content-frontmatter-unterminated"),
        hint: msg!("content-frontmatter-unterminated-hint"),
    })
}

/// `title = "…"` or `description = '…'` on one line starting at `at`.
fn field(line: &str, at: usize) -> Option<Segment> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    let (name, rest) = if let Some(r) = t.strip_prefix("title") {
        ("title", r)
    } else if let Some(r) = t.strip_prefix("description") {
        ("description", r)
    } else {
        return None;
    };
    let after_name = rest.trim_start();
    let value = after_name.strip_prefix('=')?.trim_start();
    let quote_at = indent + (t.len() - value.len());
    let q = value.chars().next()?;
    if !(q == '"' || q == '\'') || value.starts_with("\"\"\"") || value.starts_with("'''") {
        return None;
    }
    let body = &value[1..];
    // The closing quote: the first unescaped one.
    let close = if q == '\'' {
        body.find('\'')?
    } else {
        let mut escaped = false;
        let mut found = None;
        for (i, c) in body.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    found = Some(i);
                    break;
                }
                _ => {}
            }
        }
        found?
    };
    let start = at + quote_at + 1;
    let raw = &body[..close];
    let (kind, content) = if q == '"' {
        (kind::FRONT_MATTER, basic_content(raw))
    } else {
        (
            kind::FRONT_MATTER_LITERAL,
            vec![Inline::Text(raw.to_string())],
        )
    };
    let content = if raw.is_empty() { Vec::new() } else { content };
    segment(
        format!("fm.{name}"),
        kind,
        start..start + raw.len(),
        content,
    )
}

/// A basic string's text: escapes (`\"`, `\\`, `\n`, `\u00e9`…) are codes,
/// so the translator's text never has to be escaped by hand.
fn basic_content(raw: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut next_id = 1;
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            run.push(c);
            continue;
        }
        let len = match chars.peek().map(|(_, c)| *c) {
            Some('u') => 6,
            Some('U') => 10,
            Some(_) => 2,
            None => 1,
        };
        let end = raw
            .char_indices()
            .map(|(j, _)| j)
            .chain(std::iter::once(raw.len()))
            .find(|j| *j >= i + len)
            .unwrap_or(raw.len());
        while chars.peek().is_some_and(|(j, _)| *j < end) {
            chars.next();
        }
        if !run.is_empty() {
            out.push(Inline::Text(std::mem::take(&mut run)));
        }
        out.push(Inline::Ph {
            id: next_id.to_string(),
            data: raw[i..end].to_string(),
        });
        next_id += 1;
    }
    if !run.is_empty() {
        out.push(Inline::Text(run));
    }
    out
}

//! The translatable segments of a Fluent file: one per message or term
//! value (unit id = the message id, `-term` for a term) and one per
//! attribute (`id.attr`).
//!
//! fluent-syntax's tree has no byte positions, so values are found here,
//! line by line: an entry starts with its identifier at column 0, its value
//! runs over the indented lines after it, an indented line starting with `.`
//! (outside braces) starts an attribute.
//!
//! Content: text, with each placeable (`{ $count }`, `{ -brand }`,
//! `{ other-message }`) as a `<ph>` holding its bytes; continuation lines
//! are text after a `\n` with their indentation taken away (and put back,
//! four spaces, by [`fit`]). A value with a select expression (plural
//! forms, genders) is kind `message-select` and is given as its raw
//! Fluent text, braces and variants included: the translator keeps the
//! syntax and translates the variants' words, and may add variants (Russian
//! needs `[few]` and `[many]` where English has `[one]`); import parses the
//! file again and refuses it, naming the unit, if it no longer parses.

use std::ops::Range;

use super::model::{Inline, Segment};

/// Kind of a value with plain text and placeables.
pub const MESSAGE: &str = "message";
/// Kind of a value with a select expression (raw Fluent text).
pub const SELECT: &str = "message-select";

/// Every message, term and attribute value of a Fluent file, in file order.
pub fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let line_end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        let Some((id, eq)) = entry_head(&text[start..line_end]) else {
            start = line_end + 1;
            continue;
        };
        let entry_end = entry_end(text, start + eq + 1);
        let mut values = Vec::new();
        split_values(text, start + eq + 1, entry_end, &id, &mut values);
        for (vid, range) in values {
            if range.is_empty() {
                continue;
            }
            let raw = &text[range.clone()];
            let (kind, content) = if has_select(raw) {
                (SELECT, vec![Inline::Text(raw.to_string())])
            } else {
                (MESSAGE, content_of(raw))
            };
            out.push(Segment {
                id: vid,
                kind,
                range,
                content,
            });
        }
        start = entry_end + 1;
    }
    out
}

/// Where the entry whose value starts at `from` ends: at the line end
/// (outside braces) before a line that starts at column 0 with something
/// other than a blank; braces may close at column 0.
fn entry_end(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    scan(b, from, |i, c, depth| {
        let next_is_entry = !matches!(b.get(i + 1), Some(b' ' | b'\n' | b'\r'));
        (c == b'\n' && depth == 0 && next_is_entry).then_some(i)
    })
}

/// Walks Fluent text from `from`, skipping string literals inside
/// placeables, and asks `stop(i, byte, depth)` at every other byte (`depth`
/// counts the braces open after it) where to end. The text's length when
/// `stop` never says.
fn scan(b: &[u8], from: usize, mut stop: impl FnMut(usize, u8, usize) -> Option<usize>) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        if in_string {
            match c {
                b'\\' => i += 1,
                b'"' | b'\n' => in_string = false,
                _ => {}
            }
        } else {
            match c {
                b'"' if depth > 0 => in_string = true,
                b'{' => depth += 1,
                b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if let Some(end) = stop(i, c, depth) {
                return end;
            }
        }
        i += 1;
    }
    b.len()
}

/// The comment above each message or term (`# …` lines right before it):
/// what the author wrote for translators, by entry id.
pub fn comments(text: &str) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    let mut pending: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if let Some(c) = line
            .strip_prefix("# ")
            .or_else(|| (line == "#").then_some(""))
        {
            pending.push(c);
            continue;
        }
        if let Some((id, _)) = entry_head(line)
            && !pending.is_empty()
        {
            out.insert(id, pending.join("\n"));
        }
        if !line.starts_with(' ') {
            pending.clear();
        }
    }
    out
}

/// `id =` at column 0 (a message, or a term `-id =`): the id and the byte
/// index of `=` in the line.
fn entry_head(line: &str) -> Option<(String, usize)> {
    let name_len = line
        .char_indices()
        .take_while(|(i, c)| {
            c.is_ascii_alphabetic()
                || (*i > 0 && (c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
                || (*i == 0 && *c == '-')
        })
        .count();
    if name_len == 0 || line[..name_len] == *"-" {
        return None;
    }
    let id = &line[..name_len];
    let rest = &line[name_len..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    rest[spaces..]
        .starts_with('=')
        .then(|| (id.to_string(), name_len + spaces))
}

/// The value after `=` at `from` up to `end`, and the attributes in it.
fn split_values(
    text: &str,
    from: usize,
    end: usize,
    id: &str,
    out: &mut Vec<(String, Range<usize>)>,
) {
    let mut value_start = from;
    let mut name = id.to_string();
    scan(&text.as_bytes()[..end], from, |i, c, depth| {
        if c != b'\n' || depth != 0 {
            return None;
        }
        // An attribute line?
        let rest = &text[i + 1..end];
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.starts_with('.') {
            let line = trimmed.split('\n').next().unwrap_or("");
            let aname_len = line[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                .unwrap_or(line.len() - 1);
            let after = line[1 + aname_len..].trim_start_matches(' ');
            if aname_len > 0 && after.starts_with('=') {
                out.push((name.clone(), trim_range(text, value_start, i)));
                name = format!("{id}.{}", &line[1..1 + aname_len]);
                let line_at = i + 1 + (rest.len() - trimmed.len());
                value_start = line_at + line.len() - after.len() + 1;
            }
        }
        None
    });
    out.push((name, trim_range(text, value_start, end)));
}

/// `from..to` without the blanks (spaces, line ends) at either side.
fn trim_range(text: &str, from: usize, to: usize) -> Range<usize> {
    let s = &text[from..to];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    from + lead..from + lead + t.len()
}

/// A select expression (`->` outside string literals, inside braces).
fn has_select(raw: &str) -> bool {
    let b = raw.as_bytes();
    let arrow = |i: usize, c: u8, depth: usize| {
        (c == b'-' && depth > 0 && b.get(i + 1) == Some(&b'>')).then_some(i)
    };
    scan(b, 0, arrow) < b.len()
}

/// Text and placeables of a value without a select expression.
fn content_of(raw: &str) -> Vec<Inline> {
    // The indentation of continuation lines that Fluent removes: the
    // smallest one.
    let indent = raw
        .split('\n')
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<Inline> = Vec::new();
    let mut text = String::new();
    let b = raw.as_bytes();
    let mut i = 0;
    let mut n = 0;
    while i < b.len() {
        match b[i] {
            b'{' => {
                let end = placeable_end(raw, i);
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                n += 1;
                out.push(Inline::Ph {
                    id: n.to_string(),
                    data: raw[i..end].to_string(),
                });
                i = end;
            }
            b'\n' => {
                text.push('\n');
                let rest = &raw[i + 1..];
                let spaces = rest.len() - rest.trim_start_matches(' ').len();
                i += 1 + spaces.min(indent);
            }
            _ => {
                let ch_len = raw[i..].chars().next().map_or(1, char::len_utf8);
                text.push_str(&raw[i..i + ch_len]);
                i += ch_len;
            }
        }
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

/// The end (exclusive) of the placeable starting at `start` (a `{`).
fn placeable_end(raw: &str, start: usize) -> usize {
    scan(raw.as_bytes(), start, |i, c, depth| {
        (c == b'}' && depth == 0).then_some(i + 1)
    })
}

/// The Fluent text a translator's content becomes: for a select value, the
/// text as it is; otherwise braces spelled as string literals, continuation
/// lines indented by four spaces, and a line that would start with `[`, `*`
/// or `.` (Fluent syntax there) with that character as a literal.
pub fn fit(kind: &str, content: &[Inline]) -> String {
    let mut out = String::new();
    for piece in content {
        match piece {
            Inline::Text(t) if kind == SELECT => out.push_str(t),
            Inline::Text(t) => {
                for c in t.chars() {
                    let line_start = out.is_empty() || out.ends_with("\n    ");
                    match c {
                        '{' => out.push_str("{\"{\"}"),
                        '}' => out.push_str("{\"}\"}"),
                        '\r' => {}
                        '\n' => out.push_str("\n    "),
                        '[' | '*' | '.' if line_start && !out.is_empty() => {
                            out.push_str(&format!("{{\"{c}\"}}"));
                        }
                        ' ' if out.is_empty() => out.push_str("{\" \"}"),
                        c => out.push(c),
                    }
                }
            }
            Inline::Ph { data, .. } => out.push_str(data),
            Inline::Pc {
                start,
                end,
                content,
                ..
            } => {
                out.push_str(start);
                out.push_str(&fit(kind, content));
                out.push_str(end);
            }
        }
    }
    // Blank lines and trailing spaces would be lost: keep the words.
    while out.ends_with(' ') || out.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests;

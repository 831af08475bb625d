//! TEMPORARY: a small stand-in for `page::segments` / `page::fit` (helper X)
//! so export and import can be built and tested before it is merged.
//! Front matter title/description, headings and plain paragraphs; inline
//! code as `<ph>`. Removed when `page` is on main.

use super::model::{Inline, Segment, to_source};

pub(crate) fn segments(text: &str) -> Result<Vec<Segment>, String> {
    let mut out = Vec::new();
    let mut pos = 0;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    for line in text.split_inclusive('\n') {
        lines.push((pos, line.trim_end_matches('\n')));
        pos += line.len();
    }
    let mut i = 0;
    if lines.first().is_some_and(|(_, l)| l.trim_end() == "+++") {
        i = 1;
        while i < lines.len() && lines[i].1.trim_end() != "+++" {
            let (at, l) = lines[i];
            for key in ["title", "description"] {
                if let Some(rest) = l.strip_prefix(key) {
                    let rest = rest.trim_start();
                    if let Some(v) = rest.strip_prefix('=') {
                        let v = v.trim_start();
                        if v.starts_with('"')
                            && v.trim_end().ends_with('"')
                            && v.trim_end().len() >= 2
                        {
                            let start = at + l.len() - v.len() + 1;
                            let end = at + l.len() - (v.len() - v.trim_end().len()) - 1;
                            out.push(seg(format!("fm.{key}"), "front-matter", start..end, text));
                        }
                    }
                }
            }
            i += 1;
        }
        i += 1;
    }
    let mut section = "top".to_string();
    let mut headings = 0;
    let mut paras = 0;
    let mut fence = false;
    while i < lines.len() {
        let (at, l) = lines[i];
        let t = l.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
            i += 1;
            continue;
        }
        if fence || t.is_empty() {
            i += 1;
            continue;
        }
        if t.starts_with('#') && l.starts_with('#') {
            headings += 1;
            paras = 0;
            let hashes = t.len() - t.trim_start_matches('#').len();
            let body = &t[hashes..];
            let lead = body.len() - body.trim_start().len();
            let mut end = l.len();
            let mut id = None;
            if let Some(b) = l.rfind("{#")
                && l.trim_end().ends_with('}')
            {
                id = Some(l[b + 2..l.trim_end().len() - 1].to_string());
                end = l[..b].trim_end().len();
            }
            section = id.unwrap_or_else(|| format!("h{headings}"));
            let start = at + hashes + lead;
            if at + end > start {
                out.push(seg(
                    format!("{section}.h"),
                    "heading",
                    start..at + end,
                    text,
                ));
            }
            i += 1;
            continue;
        }
        let plain = !t.starts_with(['|', '-', '*', '>', '<', '!', '(', '?', '[', '+', ':', '='])
            && !t.starts_with(|c: char| c.is_ascii_digit())
            && !l.starts_with("    ");
        let start = at;
        let mut j = i;
        while j + 1 < lines.len() && !lines[j + 1].1.trim().is_empty() {
            let n = lines[j + 1].1.trim_start();
            if n.starts_with('#') || n.starts_with("```") || n.starts_with('|') {
                break;
            }
            j += 1;
        }
        if plain {
            paras += 1;
            let end = lines[j].0 + lines[j].1.len();
            out.push(seg(
                format!("{section}.p{paras}"),
                "paragraph",
                start..end,
                text,
            ));
        }
        i = j + 1;
    }
    Ok(out)
}

fn seg(id: String, kind: &'static str, range: std::ops::Range<usize>, text: &str) -> Segment {
    let raw = &text[range.clone()];
    let mut content = Vec::new();
    let mut rest = raw;
    let mut n = 0;
    while let Some(a) = rest.find('`') {
        let Some(b) = rest[a + 1..].find('`') else {
            break;
        };
        if a > 0 {
            content.push(Inline::Text(rest[..a].to_string()));
        }
        n += 1;
        content.push(Inline::Ph {
            id: n.to_string(),
            data: rest[a..a + b + 2].to_string(),
        });
        rest = &rest[a + b + 2..];
    }
    if !rest.is_empty() {
        content.push(Inline::Text(rest.to_string()));
    }
    Segment {
        id,
        kind,
        range,
        content,
    }
}

pub(crate) fn fit(kind: &str, content: &[Inline]) -> String {
    let s = to_source(content);
    match kind {
        "heading" => s.replace('\n', " "),
        "front-matter" => s
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " "),
        _ => s,
    }
}

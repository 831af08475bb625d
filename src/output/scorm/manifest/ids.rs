//! What goes into the manifest besides structure: identifiers made valid
//! and unique, text cleaned and cut, language tags checked, file lists.

use std::collections::{BTreeSet, HashSet};

use super::*;

pub(super) struct Ids {
    pub(super) manifest: String,
    pub(super) organization: String,
    pub(super) items: Vec<String>,
    pub(super) resources: Vec<String>,
    pub(super) shared: String,
}

pub(super) fn assign_ids(spec: &PackageSpec) -> Ids {
    let mut used = HashSet::new();
    let mut manifest_id = id_part(&spec.identifier);
    if !manifest_id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        manifest_id = format!("darslik-{manifest_id}");
    }
    let manifest = unique(&mut used, manifest_id.clone());
    let organization = unique(&mut used, format!("ORG-{manifest_id}"));
    let mut items = Vec::with_capacity(spec.scos.len());
    let mut resources = Vec::with_capacity(spec.scos.len());
    for sco in &spec.scos {
        let part = id_part(&sco.identifier);
        items.push(unique(&mut used, format!("ITEM-{part}")));
        resources.push(unique(&mut used, format!("RES-{part}")));
    }
    let shared = unique(&mut used, SHARED_ID.to_owned());
    Ids {
        manifest,
        organization,
        items,
        resources,
        shared,
    }
}

/// Keeps `[A-Za-z0-9_.-]`, maps everything else to `_`.
pub(super) fn id_part(raw: &str) -> String {
    let part: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if part.is_empty() {
        "_".to_owned()
    } else {
        part
    }
}

pub(super) fn unique(used: &mut HashSet<String>, candidate: String) -> String {
    if used.insert(candidate.clone()) {
        return candidate;
    }
    let mut n = 2u64;
    loop {
        let next = format!("{candidate}-{n}");
        if used.insert(next.clone()) {
            return next;
        }
        n += 1;
    }
}

/// Control characters (and the XML non-characters U+FFFE/U+FFFF) become
/// spaces, runs of whitespace collapse, the ends are trimmed, and the result
/// is cut at `max` characters. Numeric character references are never needed
/// afterwards (Moodle's manifest loader mangles `&#...;`, see preflight).
pub(super) fn clean_text(raw: &str, max: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        let blank = c.is_whitespace() || c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}';
        if blank {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    if out.chars().count() > max {
        let mut cut: String = out.chars().take(max.saturating_sub(1)).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        out = cut;
    }
    out
}

pub(super) fn title_or(raw: &str, fallback: &str) -> String {
    let title = clean_text(raw, MAX_TITLE_CHARS);
    if title.is_empty() {
        clean_text(fallback, MAX_TITLE_CHARS)
    } else {
        title
    }
}

/// `xs:language`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
pub(super) fn valid_lang(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    let ok_len = |p: &str| (1..=8).contains(&p.len());
    ok_len(first)
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| ok_len(p) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub(super) fn sorted_unique<'a>(files: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    files
        .into_iter()
        .map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

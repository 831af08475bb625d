//! The course's translatable files of one locale as an XLIFF document: a
//! `<file>` per source page (original = the translation's path, made or
//! not) and per source Fluent file, a unit per segment of the source with
//! the translation's segment of the same id as its target.
//!
//! States (SPEC §10): a current page's units are `final`, an unstamped
//! page's `translated`, a missing page's `initial` with no target. A stale
//! page keeps its old targets with the new source: when `stamp` kept the
//! source the translation was made from (`.darslik/sources/<hash>.md`), a
//! unit whose source segment is the same there is `final` and a changed or
//! new one `initial`; without that copy every unit of the page is
//! `initial`. Fluent messages have no stamps: present ones are
//! `translated`, missing ones `initial`.

use std::collections::BTreeMap;
use std::path::Path;

use super::model::{Code, Inline, Segment, State, codes};
use super::xml::{Doc, File, Unit};
use super::{fluent, page_segments};
use crate::check::{PageState, page_state};
use crate::course::{Course, PageId};
use crate::diag::Msg;
use crate::msg;

/// Why a locale cannot be exported.
pub fn locale_problem(course: &Course, locale: &str) -> Option<Msg> {
    let src = &course.config.source_locale;
    if locale == src {
        return Some(msg!("xliff-locale-source", locale = locale));
    }
    match course.config.locale(locale) {
        None => Some(msg!(
            "xliff-locale-unknown",
            locale = locale,
            locales = course.locale_tags().collect::<Vec<_>>().join(", ")
        )),
        Some(l) if l.generate.is_some() || l.generated_from.is_some() => Some(msg!(
            "xliff-locale-generated",
            locale = locale,
            from = l
                .generated_from
                .clone()
                .or_else(|| l.generate.clone())
                .unwrap_or_default()
        )),
        Some(_) => None,
    }
}

/// A source file and its translation (`None` when not written yet); `None`
/// when there is no source, or either cannot be read (said in `errors`).
fn read_pair(
    root: &Path,
    src_rel: &str,
    rel: &str,
    errors: &mut Vec<Msg>,
) -> Option<(String, Option<String>)> {
    let read = |rel: &str| {
        read_file(root, rel)
            .map_err(|e| msg!("xliff-cannot-read", file = rel.to_string(), reason = e))
    };
    match (read(src_rel), read(rel)) {
        (Ok(Some(source)), Ok(target)) => Some((source, target)),
        (Ok(None), _) => None,
        (Err(e), _) | (_, Err(e)) => {
            errors.push(e);
            None
        }
    }
}

/// A course file as it is on disk, `None` when there is none, without a
/// byte order mark (import writes it back: [`has_bom`]). Text is compared
/// and spliced as it is otherwise (CRLF kept).
pub fn read_file(root: &Path, rel: &str) -> Result<Option<String>, String> {
    let path = root.join(rel);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
        Ok(m) if m.file_type().is_symlink() => {
            return Err("a symbolic link; darslik reads and writes only plain files here".into());
        }
        Ok(m) if !m.is_file() => return Err("not a plain file".into()),
        Ok(_) => {}
    }
    let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
    let bytes = bytes.strip_prefix(BOM.as_bytes()).unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map(Some)
        .map_err(|_| "not UTF-8 text".to_string())
}

const BOM: &str = "\u{feff}";

/// Whether a course file starts with a byte order mark.
pub fn has_bom(root: &Path, rel: &str) -> bool {
    use std::io::Read as _;
    let mut head = [0u8; 3];
    std::fs::File::open(root.join(rel))
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == *BOM.as_bytes())
}

/// Text runs joined, empty ones dropped: two contents that write the same
/// bytes with the same codes compare equal.
pub fn normalize(content: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for piece in content {
        match piece {
            Inline::Text(t) if t.is_empty() => {}
            Inline::Text(t) => {
                if let Some(Inline::Text(prev)) = out.last_mut() {
                    prev.push_str(t);
                } else {
                    out.push(Inline::Text(t.clone()));
                }
            }
            Inline::Ph { .. } => out.push(piece.clone()),
            Inline::Pc {
                id,
                start,
                end,
                content,
            } => out.push(Inline::Pc {
                id: id.clone(),
                start: start.clone(),
                end: end.clone(),
                content: normalize(content),
            }),
        }
    }
    out
}

/// The translation's content with its codes named as the source's codes
/// with the same bytes (so a CAT tool sees one code, `1`, in both), and
/// codes of its own named `t<id>`.
pub fn align_codes(source: &[Inline], target: &[Inline]) -> Vec<Inline> {
    let src: Vec<(String, Code)> = codes(source)
        .into_iter()
        .map(|(id, code)| (id.to_string(), code))
        .collect();
    let mut used = vec![false; src.len()];
    let src_ids: Vec<String> = src.iter().map(|(i, _)| i.clone()).collect();
    fn walk(
        content: &[Inline],
        src: &[(String, Code)],
        used: &mut [bool],
        src_ids: &[String],
    ) -> Vec<Inline> {
        content
            .iter()
            .map(|piece| {
                let mut rename = |id: &str, code: Code| -> String {
                    if let Some(k) = (0..src.len()).find(|&k| !used[k] && src[k].1 == code) {
                        used[k] = true;
                        return src[k].0.clone();
                    }
                    let mut new = format!("t{id}");
                    while src_ids.contains(&new) {
                        new.insert(0, 't');
                    }
                    new
                };
                match piece {
                    Inline::Text(t) => Inline::Text(t.clone()),
                    Inline::Ph { id, data } => Inline::Ph {
                        id: rename(id, Code::Ph(data.clone())),
                        data: data.clone(),
                    },
                    Inline::Pc {
                        id,
                        start,
                        end,
                        content,
                    } => {
                        let id = rename(id, Code::Pc(start.clone(), end.clone()));
                        Inline::Pc {
                            id,
                            start: start.clone(),
                            end: end.clone(),
                            content: walk(content, src, used, src_ids),
                        }
                    }
                }
            })
            .collect()
    }
    walk(target, &src, &mut used, &src_ids)
}

/// A unit as export writes it, with the translation's segment it came from.
pub struct Planned {
    pub unit: Unit,
    /// The translation's segment of this id (where import splices).
    pub target: Option<Segment>,
    /// The source page's segment (where import splices into a copy of the
    /// source when the translation does not exist yet).
    pub source: Segment,
}

/// Units of a page from the source text and the translation's text, if any.
pub fn page_units(
    course: &Course,
    locale: &str,
    key: &str,
    source_text: &str,
    target_text: Option<&str>,
) -> Result<Vec<Planned>, Msg> {
    let src_file = format!("content/{}/{key}", course.config.source_locale);
    let source = page_segments(source_text)
        .map_err(|e| msg!("xliff-page-unreadable", file = src_file, reason = e))?;
    let target = match target_text {
        Some(t) => Some(page_segments(t).map_err(|e| {
            msg!(
                "xliff-page-unreadable",
                file = format!("content/{locale}/{key}"),
                reason = e
            )
        })?),
        None => None,
    };
    let state = page_state(course, locale, key);
    // A stale page: the source segments as they were when it was stamped.
    let mut known: Option<BTreeMap<String, Vec<Inline>>> = None;
    if state == PageState::Stale
        && let Some(stamp) = course
            .pages
            .get(&PageId::new(locale, key))
            .and_then(|p| p.front.translation_of.clone())
        && let Some(old) = crate::diff::read_snapshot(&course.root, &stamp)
        && let Ok(segs) = page_segments(&old)
    {
        known = Some(
            segs.into_iter()
                .map(|s| (s.id, normalize(&s.content)))
                .collect(),
        );
    }
    let by_id: BTreeMap<&str, &Segment> = target
        .iter()
        .flatten()
        .map(|s| (s.id.as_str(), s))
        .collect();
    let mut out = Vec::new();
    for seg in source.iter().filter(|s| translatable(s)) {
        let mut unit = Unit::new(seg.id.clone(), seg.kind, seg.content.clone());
        let t = by_id.get(seg.id.as_str()).copied();
        unit.target = t.map(|t| align_codes(&seg.content, &t.content));
        unit.state = match (state, t) {
            (_, None) => State::Initial,
            (PageState::Current, _) => State::Final,
            (PageState::Unstamped, _) => State::Translated,
            (PageState::Stale, _) => match &known {
                // The stamp covers the body only: front matter is as current.
                Some(_) if seg.id.starts_with("fm.") => State::Final,
                Some(old) if old.get(&seg.id) == Some(&normalize(&seg.content)) => State::Final,
                _ => State::Initial,
            },
            _ => State::Initial,
        };
        if state == PageState::Stale && unit.state == State::Initial {
            unit.notes.push(msg!("xliff-note-stale").en());
        }
        out.push(Planned {
            unit,
            target: t.cloned(),
            source: seg.clone(),
        });
    }
    Ok(out)
}

/// Whether a translator has anything to do with a page segment: a quiz's
/// numeric answer (`= 135`, `= 18..20`) is the same in every language, and
/// a CAT tool's pseudo-translation or a stray word would break it.
fn translatable(seg: &Segment) -> bool {
    if seg.kind != "quiz-answer" {
        return true;
    }
    let text = super::model::to_source(&seg.content);
    let numeric = text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | ' ' | '\u{2212}'));
    !numeric
}

/// Units of a Fluent file from the source file's text and the translation's.
pub fn fluent_units(source_text: &str, target_text: Option<&str>) -> Vec<Planned> {
    let source = fluent::segments(source_text);
    let comments = fluent::comments(source_text);
    let target = target_text.map(fluent::segments).unwrap_or_default();
    let by_id: BTreeMap<&str, &Segment> = target.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut out = Vec::new();
    for seg in &source {
        let t = by_id.get(seg.id.as_str()).copied();
        let select = seg.kind == fluent::SELECT || t.is_some_and(|t| t.kind == fluent::SELECT);
        let (kind, src_content, trg_content) = if select {
            let raw =
                |s: &Segment, text: &str| vec![Inline::Text(text[s.range.clone()].to_string())];
            (
                fluent::SELECT,
                raw(seg, source_text),
                t.map(|t| raw(t, target_text.unwrap_or(""))),
            )
        } else {
            (
                fluent::MESSAGE,
                seg.content.clone(),
                t.map(|t| align_codes(&seg.content, &t.content)),
            )
        };
        let mut unit = Unit::new(seg.id.clone(), kind, src_content.clone());
        unit.state = if trg_content.is_some() {
            State::Translated
        } else {
            State::Initial
        };
        unit.target = trg_content.clone();
        if let Some(c) = comments.get(seg.id.as_str()) {
            unit.notes.push(c.clone());
        }
        if select {
            unit.notes.push(msg!("xliff-note-select").en());
        }
        let mut target = t.cloned();
        if let (Some(tseg), Some(c)) = (target.as_mut(), trg_content) {
            tseg.kind = kind;
            tseg.content = c;
        }
        out.push(Planned {
            unit,
            target,
            source: Segment {
                id: seg.id.clone(),
                kind,
                range: seg.range.clone(),
                content: src_content,
            },
        });
    }
    out
}

/// The source pages in reading order (then any others, by key).
pub fn source_page_keys(course: &Course) -> Vec<String> {
    let src = course.config.source_locale.as_str();
    let mut keys: Vec<String> = course
        .page_keys()
        .into_iter()
        .filter(|k| course.pages.contains_key(&PageId::new(src, *k)))
        .map(str::to_string)
        .collect();
    for id in course.pages.keys() {
        if id.locale == src && !keys.contains(&id.key) {
            keys.push(id.key.clone());
        }
    }
    keys
}

/// A source Fluent file's name and text, in name order.
pub fn source_message_files(course: &Course) -> Vec<(String, String)> {
    let src = &course.config.source_locale;
    let mut files: Vec<(String, String)> = course
        .messages
        .get(src)
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let name = f.file.rsplit('/').next()?.to_string();
            Some((name, f.text.to_string()))
        })
        .collect();
    files.sort();
    files
}

/// The XLIFF document of `locale`. Problems with single files (a page that
/// cannot be read) are returned as errors: nothing is exported then.
pub fn export(course: &Course, locale: &str) -> Result<Doc, Vec<Msg>> {
    if let Some(m) = locale_problem(course, locale) {
        return Err(vec![m]);
    }
    let src = course.config.source_locale.clone();
    let mut doc = Doc {
        src_lang: src.clone(),
        trg_lang: locale.to_string(),
        course: course.config.id.clone(),
        locale: locale.to_string(),
        files: Vec::new(),
        ..Doc::default()
    };
    let mut errors = Vec::new();
    for key in source_page_keys(course) {
        let rel = format!("content/{locale}/{key}");
        let Some((source, target)) = read_pair(
            &course.root,
            &format!("content/{src}/{key}"),
            &rel,
            &mut errors,
        ) else {
            continue;
        };
        match page_units(course, locale, &key, &source, target.as_deref()) {
            Ok(units) if !units.is_empty() => doc.files.push(File {
                original: rel,
                units: units.into_iter().map(|p| p.unit).collect(),
                at: 0,
            }),
            Ok(_) => {}
            Err(m) => errors.push(m),
        }
    }
    for (name, _) in source_message_files(course) {
        let rel = format!("locales/{locale}/{name}");
        let Some((source, target)) = read_pair(
            &course.root,
            &format!("locales/{src}/{name}"),
            &rel,
            &mut errors,
        ) else {
            continue;
        };
        let units = fluent_units(&source, target.as_deref());
        if !units.is_empty() {
            doc.files.push(File {
                original: rel,
                units: units.into_iter().map(|p| p.unit).collect(),
                at: 0,
            });
        }
    }
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}

//! An XLIFF document back into the translation files of its locale, all or
//! nothing.
//!
//! Each unit with a target is compared with the segment of the same id in
//! the translation as it is now (the same units export would write): the
//! same content touches nothing; other content is made to fit where the
//! segment goes ([`super::page_fit`], [`fluent::fit`]) and replaces only
//! the segment's bytes, so front matter, stamps, heading ids, quiz markers
//! and blank lines stay as they are. A page that does not exist yet is
//! made from the source page with the targets in place of the source's
//! segments (untranslated segments keep the source text: the page is then
//! only partly translated, which import says). A Fluent message the
//! translation lacks is added at the end of its file.
//!
//! Refused, with the place in the XLIFF file: another course or locale, a
//! file that is not a page or message file of the course, a code removed,
//! added or changed in a target, a file whose segments would no longer be
//! the same after the change (a target that makes a new paragraph, say),
//! a Fluent file that would no longer parse. Nothing is written then.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::export::{
    Planned, fluent_units, has_bom, locale_problem, normalize, page_units, read_file,
    source_message_files, source_page_keys,
};
use super::fluent;
use super::model::{Code, Inline, Segment, codes};
use super::xml::{self, Doc, Unit};
use super::{page_fit, page_segments};
use crate::course::Course;
use crate::diag::Msg;
use crate::msg;

/// A problem, at a byte offset of the XLIFF text.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub at: usize,
    pub msg: Msg,
}

fn problem(at: usize, msg: Msg) -> Problem {
    Problem { at, msg }
}

/// What an import did (or, with `Err`, why it did nothing).
#[derive(Debug, Default)]
pub struct Outcome {
    /// The locale imported.
    pub locale: String,
    /// Files changed, relative to the course folder.
    pub written: Vec<String>,
    /// Files made (pages or message files the translation did not have).
    pub created: Vec<String>,
    /// Units whose target was the same as the translation.
    pub unchanged: usize,
    /// Units imported.
    pub imported: usize,
    /// Units left out, with why (not errors: the rest was imported).
    pub skipped: Vec<Problem>,
}

/// One file's new text.
struct Change {
    rel: String,
    text: String,
    created: bool,
}

/// Read `text` (an XLIFF document) and write its targets into the course.
pub fn import(course: &Course, text: &str) -> Result<Outcome, Vec<Problem>> {
    let doc = xml::read(text).map_err(|e| vec![problem(e.at, e.msg)])?;
    let (changes, mut outcome) = plan(course, &doc)?;
    write_all(&course.root, &changes).map_err(|(rel, e)| {
        vec![problem(
            doc.at,
            msg!("xliff-cannot-write", file = rel, reason = e),
        )]
    })?;
    for c in changes {
        if c.created {
            outcome.created.push(c.rel);
        } else {
            outcome.written.push(c.rel);
        }
    }
    Ok(outcome)
}

/// Whether the document is for this course and a translated locale of it.
fn check_identity(course: &Course, doc: &Doc) -> Result<(), Vec<Problem>> {
    let id = &course.config.id;
    if doc.course != *id {
        return Err(vec![problem(
            doc.at,
            msg!(
                "xliff-other-course",
                found = crate::diag::printable(&doc.course).into_owned(),
                course = id.as_str()
            ),
        )]);
    }
    if doc.trg_lang != doc.locale {
        return Err(vec![problem(
            doc.at,
            msg!(
                "xliff-trglang-mismatch",
                trg = crate::diag::printable(&doc.trg_lang).into_owned(),
                locale = crate::diag::printable(&doc.locale).into_owned()
            ),
        )]);
    }
    if doc.src_lang != course.config.source_locale {
        return Err(vec![problem(
            doc.at,
            msg!(
                "xliff-other-source",
                found = crate::diag::printable(&doc.src_lang).into_owned(),
                source = course.config.source_locale.as_str()
            ),
        )]);
    }
    if let Some(m) = locale_problem(course, &doc.locale) {
        return Err(vec![problem(doc.at, m)]);
    }
    Ok(())
}

enum Kind {
    Page,
    Messages,
}

/// Every file's new text, or every problem found.
fn plan(course: &Course, doc: &Doc) -> Result<(Vec<Change>, Outcome), Vec<Problem>> {
    check_identity(course, doc)?;
    let locale = doc.locale.as_str();
    let src = course.config.source_locale.as_str();
    // The files a document may name: the course's, in this locale.
    let mut allowed: BTreeMap<String, (Kind, String, String)> = BTreeMap::new();
    for key in source_page_keys(course) {
        allowed.insert(
            format!("content/{locale}/{key}"),
            (Kind::Page, format!("content/{src}/{key}"), key),
        );
    }
    for (name, _) in source_message_files(course) {
        allowed.insert(
            format!("locales/{locale}/{name}"),
            (Kind::Messages, format!("locales/{src}/{name}"), name),
        );
    }
    let mut problems = Vec::new();
    let mut outcome = Outcome {
        locale: locale.to_string(),
        ..Outcome::default()
    };
    let mut changes = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &doc.files {
        let shown = crate::diag::printable(&file.original).into_owned();
        let Some((kind, src_rel, key)) = allowed.get(&file.original) else {
            problems.push(problem(
                file.at,
                msg!("xliff-not-course-file", file = shown, locale = locale),
            ));
            continue;
        };
        if !seen.insert(file.original.clone()) {
            problems.push(problem(file.at, msg!("xliff-file-twice", file = shown)));
            continue;
        }
        let source = match read_file(&course.root, src_rel) {
            Ok(Some(t)) => t,
            Ok(None) => String::new(),
            Err(e) => {
                problems.push(problem(
                    file.at,
                    msg!("xliff-cannot-read", file = src_rel.as_str(), reason = e),
                ));
                continue;
            }
        };
        let current = match read_file(&course.root, &file.original) {
            Ok(t) => t,
            Err(e) => {
                problems.push(problem(
                    file.at,
                    msg!("xliff-cannot-read", file = shown, reason = e),
                ));
                continue;
            }
        };
        let planned = match kind {
            Kind::Page => match page_units(course, locale, key, &source, current.as_deref()) {
                Ok(p) => p,
                Err(m) => {
                    problems.push(problem(file.at, m));
                    continue;
                }
            },
            Kind::Messages => fluent_units(&source, current.as_deref()),
        };
        let fit = |k: &str, c: &[Inline]| match kind {
            Kind::Page => page_fit(k, c),
            Kind::Messages => fluent::fit(k, c),
        };
        let by_id: BTreeMap<&str, &Planned> =
            planned.iter().map(|p| (p.unit.id.as_str(), p)).collect();
        // (range in the base text, new bytes, unit id)
        let mut splices: Vec<(std::ops::Range<usize>, String, &Unit)> = Vec::new();
        // Fluent messages the translation lacks, appended: (text, ids).
        let mut appended = String::new();
        let mut appended_ids: Vec<String> = Vec::new();
        let mut units_seen = BTreeSet::new();
        for unit in &file.units {
            let Some(target) = &unit.target else { continue };
            let uid = crate::diag::printable(&unit.id).into_owned();
            if !units_seen.insert(unit.id.as_str()) {
                problems.push(problem(unit.at, msg!("xliff-unit-twice", unit = uid)));
                continue;
            }
            let Some(p) = by_id.get(unit.id.as_str()) else {
                outcome.skipped.push(problem(
                    unit.at,
                    msg!("xliff-unit-unknown", unit = uid, file = shown.as_str()),
                ));
                continue;
            };
            let target = normalize(target);
            let at = if unit.target_at > 0 {
                unit.target_at
            } else {
                unit.at
            };
            if let Some(t) = &p.unit.target
                && (normalize(t) == target || words(t) == words(&target))
            {
                outcome.unchanged += 1;
                continue;
            }
            let content = match resolve_codes(&p.unit, &target) {
                Ok(c) => c,
                Err(m) => {
                    problems.push(problem(at, m));
                    continue;
                }
            };
            let bytes = fit(p.source.kind, &content);
            if matches!(kind, Kind::Messages) && bytes.trim().is_empty() {
                problems.push(problem(at, msg!("xliff-empty-message", unit = uid)));
                continue;
            }
            match (&current, &p.target) {
                (Some(_), Some(seg)) => splices.push((seg.range.clone(), bytes, unit)),
                (None, _) => splices.push((p.source.range.clone(), bytes, unit)),
                (Some(_), None) => match kind {
                    Kind::Messages => {
                        if let Some((msg_id, attr)) = unit.id.split_once('.') {
                            if appended_ids.last().map(|l| l.split('.').next())
                                == Some(Some(msg_id))
                            {
                                appended.push_str(&format!("\n    .{attr} = {bytes}"));
                                appended_ids.push(unit.id.clone());
                            } else {
                                outcome.skipped.push(problem(
                                    at,
                                    msg!("xliff-unit-no-place", unit = uid, file = shown.as_str()),
                                ));
                                continue;
                            }
                        } else {
                            appended.push_str(&format!("\n{} = {bytes}", unit.id));
                            appended_ids.push(unit.id.clone());
                        }
                    }
                    Kind::Page => {
                        outcome.skipped.push(problem(
                            at,
                            msg!("xliff-unit-no-place", unit = uid, file = shown.as_str()),
                        ));
                        continue;
                    }
                },
            }
            outcome.imported += 1;
        }
        if splices.is_empty() && appended.is_empty() {
            continue;
        }
        let created = current.is_none();
        let base = current.clone().unwrap_or_else(|| source.clone());
        let mut text = base.clone();
        splices.sort_by_key(|(r, _, _)| std::cmp::Reverse(r.start));
        for (range, bytes, _) in &splices {
            text.replace_range(range.clone(), bytes);
        }
        if !appended.is_empty() {
            if !text.ends_with('\n') && !text.is_empty() {
                text.push('\n');
            }
            text.push_str(appended.trim_start_matches('\n'));
            text.push('\n');
        }
        // The same segments as before (plus the appended messages).
        let before: Vec<String> = match kind {
            Kind::Page => page_segments(&base)
                .map(|s| s.into_iter().map(|s| s.id).collect())
                .unwrap_or_default(),
            Kind::Messages => fluent::segments(&base).into_iter().map(|s| s.id).collect(),
        };
        let expected: Vec<String> = before.iter().cloned().chain(appended_ids).collect();
        let after: Result<Vec<Segment>, String> = match kind {
            Kind::Page => page_segments(&text),
            Kind::Messages => Ok(fluent::segments(&text)),
        };
        let first_unit = splices.last().map_or(file.at, |(_, _, u)| u.at);
        let after = match after {
            Ok(a) => a,
            Err(e) => {
                problems.push(problem(
                    first_unit,
                    msg!("xliff-breaks-file", file = shown.as_str(), reason = e),
                ));
                continue;
            }
        };
        let after_ids: Vec<String> = after.iter().map(|s| s.id.clone()).collect();
        if after_ids != expected {
            // Name the changed unit at (or just before) the first
            // difference, else the first changed unit.
            let k = expected
                .iter()
                .zip(&after_ids)
                .position(|(a, b)| a != b)
                .unwrap_or(expected.len().min(after_ids.len()));
            let spliced: Vec<&Unit> = splices.iter().rev().map(|(_, _, u)| *u).collect();
            let near = [Some(k), k.checked_sub(1)]
                .into_iter()
                .flatten()
                .filter_map(|i| expected.get(i))
                .find_map(|id| spliced.iter().find(|u| u.id == *id))
                .or(spliced.first())
                .copied();
            let (at, unit) = near.map_or((file.at, String::new()), |u| {
                (u.target_at.max(u.at), u.id.clone())
            });
            problems.push(problem(
                at,
                msg!(
                    "xliff-structure-changed",
                    unit = crate::diag::printable(&unit).into_owned(),
                    file = shown.as_str()
                ),
            ));
            continue;
        }
        match kind {
            Kind::Page => {
                // Each target is still exactly its segment: not cut short
                // by a block it started (a code fence, an HTML block).
                let mut ordered: Vec<&(std::ops::Range<usize>, String, &Unit)> =
                    splices.iter().collect();
                ordered.sort_by_key(|(r, _, _)| r.start);
                let mut shift: isize = 0;
                let mut cut = None;
                for (range, bytes, unit) in ordered {
                    let start = range.start.saturating_add_signed(shift);
                    shift += bytes.len() as isize - range.len() as isize;
                    let now = after.iter().find(|s| s.id == unit.id);
                    let whole = now.is_some_and(|s| {
                        text.get(s.range.clone()).map(str::trim)
                            == text.get(start..start + bytes.len()).map(str::trim)
                    });
                    if !whole {
                        cut = Some(*unit);
                        break;
                    }
                }
                if let Some(u) = cut {
                    problems.push(problem(
                        u.target_at.max(u.at),
                        msg!(
                            "xliff-structure-changed",
                            unit = crate::diag::printable(&u.id).into_owned(),
                            file = shown.as_str()
                        ),
                    ));
                    continue;
                }
                let arc: std::sync::Arc<str> = std::sync::Arc::from(text.as_str());
                if text.starts_with("+++")
                    && let Err(d) = crate::course::frontmatter::split(&file.original, &arc)
                {
                    let at = file
                        .units
                        .iter()
                        .find(|u| u.id.starts_with("fm.") && u.target.is_some())
                        .map_or(file.at, |u| u.target_at.max(u.at));
                    problems.push(problem(
                        at,
                        msg!(
                            "xliff-breaks-file",
                            file = shown.as_str(),
                            reason = d.message
                        ),
                    ));
                    continue;
                }
            }
            Kind::Messages => {
                let errors_after = fluent_errors(&text);
                if errors_after.len() > fluent_errors(&base).len() {
                    let pos = errors_after.first().copied().unwrap_or(0);
                    let unit = after
                        .iter()
                        .find(|s| s.range.start <= pos && pos <= s.range.end)
                        .or_else(|| after.iter().rev().find(|s| s.range.start <= pos))
                        .map(|s| s.id.clone())
                        .unwrap_or_default();
                    let at = file
                        .units
                        .iter()
                        .find(|u| u.id == unit)
                        .map_or(file.at, |u| u.target_at.max(u.at));
                    problems.push(problem(
                        at,
                        msg!(
                            "xliff-breaks-fluent",
                            unit = crate::diag::printable(&unit).into_owned(),
                            file = shown.as_str()
                        ),
                    ));
                    continue;
                }
            }
        }
        if text != base || created {
            if !created && has_bom(&course.root, &file.original) {
                text.insert(0, '\u{feff}');
            }
            changes.push(Change {
                rel: file.original.clone(),
                text,
                created,
            });
        }
    }
    if problems.is_empty() {
        Ok((changes, outcome))
    } else {
        Err(problems)
    }
}

/// The content with every run of white space one space, none at the ends,
/// codes as their ids: some CAT tools collapse white space in targets they
/// did not change, and that is no change.
fn words(content: &[Inline]) -> String {
    fn walk(content: &[Inline], out: &mut String) {
        for piece in content {
            match piece {
                Inline::Text(t) => {
                    for w in t.split_whitespace() {
                        out.push(' ');
                        out.push_str(w);
                    }
                    if t.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
                Inline::Ph { id, .. } => out.push_str(&format!(" \u{0}{id}\u{0}")),
                Inline::Pc { id, content, .. } => {
                    out.push_str(&format!(" \u{0}{id}<"));
                    walk(content, out);
                    out.push_str(&format!(" >{id}\u{0}"));
                }
            }
        }
    }
    let mut out = String::new();
    walk(content, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte offsets of the syntax errors in a Fluent text.
fn fluent_errors(text: &str) -> Vec<usize> {
    match fluent_syntax::parser::parse(text) {
        Ok(_) => Vec::new(),
        Err((_, errors)) => errors.iter().map(|e| e.pos.start).collect(),
    }
}

fn code_map(content: &[Inline], out: &mut BTreeMap<String, Code>) {
    for (id, code) in codes(content) {
        out.entry(id.to_string()).or_insert(code);
    }
}

fn sorted_ids(content: &[Inline]) -> Vec<String> {
    let mut ids: Vec<String> = super::model::code_ids(content)
        .into_iter()
        .map(str::to_string)
        .collect();
    ids.sort();
    ids
}

/// The target with each code's bytes taken from the course (never from the
/// XLIFF file), after checking it has the codes of the source (or of the
/// translation as exported), each once.
fn resolve_codes(unit: &Unit, target: &[Inline]) -> Result<Vec<Inline>, Msg> {
    let uid = crate::diag::printable(&unit.id).into_owned();
    let got = sorted_ids(target);
    let want = sorted_ids(&unit.source);
    let had = unit.target.as_deref().map(sorted_ids);
    if got != want && Some(&got) != had.as_ref() {
        let missing: Vec<String> = want.iter().filter(|i| !got.contains(i)).cloned().collect();
        let extra: Vec<String> = got.iter().filter(|i| !want.contains(i)).cloned().collect();
        let list = |v: &[String]| {
            if v.is_empty() {
                "-".to_string()
            } else {
                crate::diag::printable(&v.join(", ")).into_owned()
            }
        };
        return Err(msg!(
            "xliff-codes-changed",
            unit = uid,
            missing = list(&missing),
            extra = list(&extra)
        ));
    }
    let mut known = BTreeMap::new();
    code_map(&unit.source, &mut known);
    if let Some(t) = &unit.target {
        code_map(t, &mut known);
    }
    fn walk(
        content: &[Inline],
        known: &BTreeMap<String, Code>,
        uid: &str,
    ) -> Result<Vec<Inline>, Msg> {
        content
            .iter()
            .map(|piece| match piece {
                Inline::Text(t) => Ok(Inline::Text(t.clone())),
                Inline::Ph { id, .. } => match known.get(id) {
                    Some(Code::Ph(data)) => Ok(Inline::Ph {
                        id: id.clone(),
                        data: data.clone(),
                    }),
                    _ => Err(msg!(
                        "xliff-code-kind",
                        unit = uid,
                        id = crate::diag::printable(id).into_owned()
                    )),
                },
                Inline::Pc { id, content, .. } => match known.get(id) {
                    Some(Code::Pc(start, end)) => Ok(Inline::Pc {
                        id: id.clone(),
                        start: start.clone(),
                        end: end.clone(),
                        content: walk(content, known, uid)?,
                    }),
                    _ => Err(msg!(
                        "xliff-code-kind",
                        unit = uid,
                        id = crate::diag::printable(id).into_owned()
                    )),
                },
            })
            .collect()
    }
    walk(target, &known, &uid)
}

/// Write every change, each file atomically (a temporary file beside it,
/// then renamed), only inside the course folder.
fn write_all(root: &Path, changes: &[Change]) -> Result<(), (String, String)> {
    let real_root = root
        .canonicalize()
        .map_err(|e| (root.display().to_string(), e.to_string()))?;
    for c in changes {
        let path = root.join(&c.rel);
        let fail = |e: String| (c.rel.clone(), e);
        let parent = path.parent().ok_or_else(|| fail("no folder".into()))?;
        std::fs::create_dir_all(parent).map_err(|e| fail(e.to_string()))?;
        let real_parent = parent.canonicalize().map_err(|e| fail(e.to_string()))?;
        if !real_parent.starts_with(&real_root) {
            return Err(fail(
                "its folder is outside the course (a symbolic link?)".into(),
            ));
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = parent.join(format!(".{name}.darslik-tmp-{}", std::process::id()));
        std::fs::write(&tmp, c.text.as_bytes()).map_err(|e| fail(e.to_string()))?;
        if let Err(e) = std::fs::rename(&tmp, &path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(fail(e.to_string()));
        }
    }
    Ok(())
}

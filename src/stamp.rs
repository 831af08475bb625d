//! `darslik stamp`: record in a translated page which version of the source
//! page it translates (`translation_of = "sha256:..."` in its front matter),
//! changing nothing else in the file, and keep that version of the source
//! under `.darslik/sources/` so a later change to it can be shown
//! ([`crate::diff`]).

use std::collections::BTreeSet;
use std::path::Path;

use crate::course::frontmatter::body_hash;
use crate::course::{Course, PageId};
use crate::diag::{Code, Diagnostic};
use crate::msg;

/// Stamp `pages` of `locale` (all its translated pages when empty). Returns
/// the files changed.
pub fn stamp(
    course: &Course,
    locale: &str,
    pages: &[String],
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let src = &course.config.source_locale;
    if locale == src {
        return Err(vec![
            Diagnostic::error(
                Code::StampSource,
                msg!("stale-stamp-source", locale = locale),
            )
            .hint(msg!("stale-stamp-source-hint")),
        ]);
    }
    if course.config.locale(locale).is_none() {
        return Err(vec![Diagnostic::error(
            Code::StampLocale,
            msg!("stale-stamp-locale", locale = locale),
        )]);
    }
    if crate::diff::store_is_linked(&course.root) {
        return Err(vec![
            Diagnostic::error(Code::StampIo, msg!("stale-stamp-store-linked"))
                .hint(msg!("stale-stamp-store-linked-hint")),
        ]);
    }
    let mut keys: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    if pages.is_empty() {
        keys = course
            .pages
            .keys()
            .filter(|PageId { locale: l, key: k }| {
                l == locale && course.pages.contains_key(&PageId::new(src.as_str(), k))
            })
            .filter(|id| course.pages[*id].generated_from.is_none())
            .map(|id| id.key.clone())
            .collect();
    } else {
        let prefix = format!("content/{locale}/");
        for p in pages {
            let p = p.replace('\\', "/");
            let key = p
                .strip_prefix(&prefix)
                .unwrap_or(&p)
                .trim_start_matches("./")
                .to_string();
            if course.pages.contains_key(&PageId::new(locale, &key)) {
                keys.push(key);
            } else {
                errors.push(
                    Diagnostic::error(
                        Code::StampNoPage,
                        msg!("stale-stamp-no-page", locale = locale, page = &key),
                    )
                    .hint(msg!("stale-stamp-no-page-hint")),
                );
            }
        }
    }
    let mut changed = Vec::new();
    // The stamps replaced: their snapshots may be needed by no page now.
    let mut replaced = BTreeSet::new();
    for key in keys {
        let (Some(page), Some(source)) = (
            course.pages.get(&PageId::new(locale, &key)),
            course.pages.get(&PageId::new(src.as_str(), &key)),
        ) else {
            errors.push(Diagnostic::error(
                Code::StampNoSource,
                msg!(
                    "stale-stamp-no-source",
                    source = src,
                    locale = locale,
                    page = &key
                ),
            ));
            continue;
        };
        let hash = body_hash(source.body());
        // The source as stamped, kept first: a stamp on disk always has
        // its snapshot (a page stamped before snapshots were kept and
        // still current gets one now).
        if let Err(e) = crate::diff::write_snapshot(&course.root, source.body()) {
            errors.push(
                Diagnostic::error(
                    Code::StampIo,
                    msg!(
                        "stale-stamp-snapshot",
                        file = &source.file,
                        page = &page.file,
                        detail = e.to_string()
                    ),
                )
                .in_file(page.file.clone()),
            );
            continue;
        }
        if page.front.translation_of.as_deref() == Some(hash.as_str()) {
            continue;
        }
        let path = course.root.join(&page.file);
        match stamp_file(&path, &hash) {
            Ok(()) => {
                changed.push(page.file.clone());
                replaced.extend(page.front.translation_of.clone());
            }
            Err(e) => errors.push(
                Diagnostic::error(
                    Code::StampIo,
                    msg!("stale-stamp-io", file = &page.file, detail = e.to_string()),
                )
                .in_file(page.file.clone()),
            ),
        }
    }
    prune(course, &replaced);
    if errors.is_empty() {
        Ok(changed)
    } else {
        Err(errors)
    }
}

/// Remove the snapshots of `replaced` stamps that no file under `content/`
/// mentions any more. Every page file is searched as bytes, so a page that
/// could not be loaded (not UTF-8, say) still keeps its snapshot; only
/// files darslik names (`<64 hex>.md`) are ever removed.
fn prune(course: &Course, replaced: &BTreeSet<String>) {
    let mut unused: Vec<(String, std::path::PathBuf)> = crate::diff::snapshots(&course.root)
        .into_iter()
        .filter(|(stamp, _)| replaced.contains(stamp))
        .collect();
    if unused.is_empty() {
        return;
    }
    for entry in walkdir::WalkDir::new(course.root.join("content"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_type().is_file()
                && e.path()
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("md"))
        })
    {
        let Ok(bytes) = std::fs::read(entry.path()) else {
            // Unreadable now: it may refer to any of them; keep them all.
            return;
        };
        unused.retain(|(stamp, _)| memchr::memmem::find(&bytes, stamp.as_bytes()).is_none());
        if unused.is_empty() {
            return;
        }
    }
    for (_, path) in unused {
        let _ = std::fs::remove_file(path);
    }
}

/// Write the stamp into the file's front matter, keeping its bytes otherwise
/// (line endings, BOM, everything after the front matter).
pub fn stamp_file(path: &Path, hash: &str) -> std::io::Result<()> {
    let bytes = std::fs::read(path)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
    let updated = stamp_text(&text, hash)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "no front matter"))?;
    let tmp = path.with_extension("md.darslik-stamp");
    std::fs::write(&tmp, updated)?;
    std::fs::rename(&tmp, path)
}

/// The text with `translation_of` set in its front matter.
pub fn stamp_text(text: &str, hash: &str) -> Option<String> {
    let crlf = text.contains("\r\n");
    let nl = if crlf { "\r\n" } else { "\n" };
    let bom = text.starts_with('\u{feff}');
    let body = if bom { &text[3..] } else { text };
    let mut lines: Vec<&str> = body.split_inclusive('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("+++") {
        return None;
    }
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "+++")? + 1;
    let line = format!("translation_of = \"{hash}\"{nl}");
    let existing = lines[1..close].iter().position(|l| {
        l.trim_start().starts_with("translation_of")
            && l.trim_start()["translation_of".len()..]
                .trim_start()
                .starts_with('=')
    });
    let mut owned: Vec<String> = lines.drain(..).map(String::from).collect();
    match existing {
        Some(i) => owned[i + 1] = line,
        None => owned.insert(close, line),
    }
    let mut out = String::with_capacity(text.len() + 80);
    if bom {
        out.push('\u{feff}');
    }
    for l in owned {
        out.push_str(&l);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_before_the_closing_fence_and_keeps_the_rest() {
        let t = "+++\ntitle = \"A\"\n+++\n\nBody  \nwith trailing spaces\n";
        let s = stamp_text(t, "sha256:ab").unwrap();
        assert_eq!(
            s,
            "+++\ntitle = \"A\"\ntranslation_of = \"sha256:ab\"\n+++\n\nBody  \nwith trailing spaces\n"
        );
    }

    #[test]
    fn replaces_an_existing_stamp_and_keeps_crlf() {
        let t = "+++\r\ntitle = \"A\"\r\ntranslation_of = \"sha256:old\"\r\n+++\r\nBody\r\n";
        let s = stamp_text(t, "sha256:new").unwrap();
        assert_eq!(
            s,
            "+++\r\ntitle = \"A\"\r\ntranslation_of = \"sha256:new\"\r\n+++\r\nBody\r\n"
        );
    }
}

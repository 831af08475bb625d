//! `darslik stamp`: record in a translated page which version of the source
//! page it translates (`translation_of = "sha256:..."` in its front matter),
//! changing nothing else in the file.

use std::path::Path;

use crate::course::frontmatter::body_hash;
use crate::course::{Course, PageId};
use crate::diag::{Code, Diagnostic};

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
                format!("{locale} is the source locale; only translations are stamped"),
            )
            .hint("name a translated locale, e.g. --locale ru"),
        ]);
    }
    if course.config.locale(locale).is_none() {
        return Err(vec![Diagnostic::error(
            Code::StampLocale,
            format!("the course has no locale `{locale}`"),
        )]);
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
                        format!("content/{locale}/{key} is not a translated page of the course"),
                    )
                    .hint(
                        "name pages as module-06/01-act.md or content/<locale>/module-06/01-act.md",
                    ),
                );
            }
        }
    }
    let mut changed = Vec::new();
    for key in keys {
        let (Some(page), Some(source)) = (
            course.pages.get(&PageId::new(locale, &key)),
            course.pages.get(&PageId::new(src.as_str(), &key)),
        ) else {
            errors.push(Diagnostic::error(Code::StampNoSource, format!("content/{src}/{key} does not exist, so content/{locale}/{key} has nothing to be a translation of")));
            continue;
        };
        let hash = body_hash(source.body());
        if page.front.translation_of.as_deref() == Some(hash.as_str()) {
            continue;
        }
        let path = course.root.join(&page.file);
        match stamp_file(&path, &hash) {
            Ok(()) => changed.push(page.file.clone()),
            Err(e) => errors.push(
                Diagnostic::error(Code::StampIo, format!("cannot stamp {}: {e}", page.file))
                    .in_file(page.file.clone()),
            ),
        }
    }
    if errors.is_empty() {
        Ok(changed)
    } else {
        Err(errors)
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

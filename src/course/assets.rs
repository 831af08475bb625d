//! Files beside the pages: symbolic links out of the course, active content
//! (HTML, scripts), and SVGs cleaned.

use super::*;
use crate::diag::Code;
use crate::msg;

/// The error for a symbolic link `link` (relative to the course folder) whose
/// target is outside the course. The target is neither read nor named.
pub fn symlink_outside(link: &str) -> Diagnostic {
    Diagnostic::error(
        Code::SymlinkOutside,
        msg!("content-symlink-outside", link = link),
    )
    .in_file(link.to_string())
    .hint(msg!("content-symlink-outside-hint"))
}

/// The error for the first symbolic link along `rel` (a path inside the
/// course folder `root`, with `/`) that resolves outside the course; `None`
/// when every link along it stays inside, or there is none. Only where the
/// links lead is asked, nothing is read.
pub fn leaves_course(root: &Path, rel: &str) -> Option<Diagnostic> {
    let mut at = root.to_path_buf();
    let mut prefix = String::new();
    let mut canonical_root: Option<PathBuf> = None;
    for part in rel.split('/') {
        at.push(part);
        if !prefix.is_empty() {
            prefix.push('/');
        }
        prefix.push_str(part);
        let Ok(meta) = std::fs::symlink_metadata(&at) else {
            return None;
        };
        if !meta.file_type().is_symlink() {
            continue;
        }
        let Ok(target) = std::fs::canonicalize(&at) else {
            // Dangling: reading it fails on its own.
            continue;
        };
        let root = match &canonical_root {
            Some(r) => r,
            None => canonical_root
                .insert(std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())),
        };
        if !target.starts_with(root.as_path()) {
            return Some(symlink_outside(&prefix));
        }
    }
    None
}

/// File names that a browser opens as a web page or runs as a script:
/// copied beside the pages, they would run on the LMS's origin.
pub(super) const ACTIVE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "xml", "xsl", "xslt", "svgz", "js",
    "mjs", "cjs",
];

/// What kind of active file `path` is, if it is one: "HTML" or "script".
pub(super) fn active_kind(path: &str) -> Option<&'static str> {
    let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
    if !ACTIVE_EXTENSIONS.contains(&ext.as_str()) {
        return None;
    }
    Some(if matches!(ext.as_str(), "js" | "mjs" | "cjs") {
        "script"
    } else {
        "HTML"
    })
}

/// At most this many removals are reported per SVG file (the rest are
/// counted): a drawing with thousands of handlers is one problem.
pub(super) const SVG_REMOVALS_SHOWN: usize = 10;

/// Check the files beside the pages of every locale (SPEC §11), whether or
/// not a page links them: a name a generated file has is an error that says
/// which; an HTML or script file is an error; an SVG must be well-formed
/// and is cleaned (what the cleaner removes is a warning). Refused files are
/// taken out of `assets` and returned.
pub(super) fn check_assets(
    config: &Config,
    modules: &[Module],
    pages: &BTreeMap<PageId, Page>,
    assets: &mut BTreeMap<(String, String), PathBuf>,
    diags: &mut Diagnostics,
) -> std::collections::BTreeSet<(String, String)> {
    use rayon::prelude::*;
    let mut page_outputs: Vec<String> = pages
        .keys()
        .map(|id| crate::markdown::links::page_output(&id.key))
        .chain(
            modules
                .iter()
                .map(|m| crate::markdown::links::page_output(&m.index)),
        )
        .collect();
    page_outputs.sort();
    page_outputs.dedup();
    let module_names: Vec<&str> = config.module_names().collect();
    let mut refused = std::collections::BTreeSet::new();
    let mut svgs = Vec::new();
    for ((locale, path), file) in assets.iter() {
        let rel = format!("content/{locale}/{path}");
        let active = active_kind(path);
        if let Some(c) = reserved::asset_collision(path, &page_outputs, &module_names) {
            let hint = match active {
                Some(_) => msg!("content-asset-reserved-active-hint"),
                None => msg!("content-asset-reserved-hint", generated = &c.generated),
            };
            diags.push(
                Diagnostic::error(
                    Code::AssetReservedName,
                    msg!(
                        "content-asset-reserved",
                        file = &rel,
                        locale = locale,
                        generated = &c.generated,
                        what = c.what,
                        module = &c.module,
                        by_folder = if c.by_folder { "yes" } else { "no" }
                    ),
                )
                .in_file(rel)
                .locale(locale)
                .hint(hint),
            );
            refused.insert((locale.clone(), path.clone()));
        } else if let Some(kind) = active {
            diags.push(
                Diagnostic::error(
                    Code::AssetHtml,
                    msg!("content-asset-html", file = &rel, kind = kind),
                )
                .in_file(rel)
                .locale(locale)
                .hint(msg!("content-asset-html-hint")),
            );
            refused.insert((locale.clone(), path.clone()));
        } else if svg::is_svg(file) {
            svgs.push((locale.clone(), path.clone(), rel, file.clone()));
        } else if let Some(d) = media_too_large(config, &rel, path, file) {
            diags.push(d.locale(locale));
        }
    }
    let checked: Vec<(String, String, Vec<Diagnostic>, bool)> = svgs
        .into_par_iter()
        .map(|(locale, path, rel, file)| {
            let (d, ok) = check_svg(&rel, &file);
            let d = d.into_iter().map(|d| d.locale(&locale)).collect();
            (locale, path, d, ok)
        })
        .collect();
    for (locale, path, d, ok) in checked {
        diags.extend(d);
        if !ok {
            refused.insert((locale, path));
        }
    }
    for key in &refused {
        assets.remove(key);
    }
    refused
}

/// The problems of one SVG file beside the pages: what cleaning removes
/// (warnings), or why it is not a well-formed SVG (an error; `false`).
pub(super) fn check_svg(rel: &str, file: &Path) -> (Vec<Diagnostic>, bool) {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            return (
                vec![
                    Diagnostic::error(
                        Code::Io,
                        msg!("content-cannot-read", file = rel, detail = e.to_string()),
                    )
                    .in_file(rel),
                ],
                false,
            );
        }
    };
    match svg::clean(&bytes) {
        Ok(c) => {
            let mut out: Vec<Diagnostic> = c
                .removed
                .iter()
                .take(SVG_REMOVALS_SHOWN)
                .map(|r| {
                    let mut d = Diagnostic::warning(
                        Code::SvgRemoved,
                        msg!(
                            "content-svg-removed",
                            file = rel,
                            line = r.line,
                            column = r.column,
                            kind = r.part.kind,
                            code = &r.part.code,
                            element = &r.part.element
                        ),
                    )
                    .in_file(rel)
                    .hint(msg!("content-svg-removed-hint"));
                    d.line = Some(r.line);
                    d.column = Some(r.column);
                    d
                })
                .collect();
            let total = c.removed.len() + c.not_listed;
            if total > SVG_REMOVALS_SHOWN {
                out.push(
                    Diagnostic::warning(
                        Code::SvgRemoved,
                        msg!(
                            "content-svg-removed-more",
                            file = rel,
                            count = total - SVG_REMOVALS_SHOWN
                        ),
                    )
                    .in_file(rel),
                );
            }
            (out, true)
        }
        Err(e) => {
            let mut d = Diagnostic::error(
                Code::SvgInvalid,
                msg!(
                    "content-svg-invalid",
                    file = rel,
                    line = e.line,
                    column = e.column,
                    detail = &e.message
                ),
            )
            .in_file(rel)
            .hint(msg!("content-svg-invalid-hint"));
            d.line = Some(e.line);
            d.column = Some(e.column);
            (vec![d], false)
        }
    }
}

/// The warning for a video or audio file larger than `[media]
/// warn_size_mb` (a clip travels on USB sticks, phones and messengers), or
/// nothing.
fn media_too_large(config: &Config, rel: &str, path: &str, file: &Path) -> Option<Diagnostic> {
    crate::markdown::media::kind(path)?;
    let limit = u64::from(config.media_warn_mb);
    let len = std::fs::metadata(file).ok()?.len();
    if limit == 0 || len <= limit * 1024 * 1024 {
        return None;
    }
    let size = format!("{:.1}", len as f64 / (1024.0 * 1024.0));
    Some(
        Diagnostic::warning(
            Code::MediaTooLarge,
            msg!(
                "content-media-too-large",
                file = rel,
                size = size,
                limit = config.media_warn_mb
            ),
        )
        .in_file(rel.to_string())
        .hint(msg!("content-media-too-large-hint")),
    )
}

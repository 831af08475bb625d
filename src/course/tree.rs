//! The content-tree walk: a locale's modules and pages, one page read and
//! parsed, and the Fluent files.

use super::*;
use crate::diag::Code;
use crate::msg;

pub(super) fn load_locale_tree(
    root: &Path,
    config: &Config,
    locale: &str,
    dir: &Path,
    pages: &mut BTreeMap<PageId, Page>,
    assets: &mut BTreeMap<(String, String), PathBuf>,
    diags: &mut Diagnostics,
) {
    let mut unknown_folders = Vec::new();
    let mut to_read: Vec<(String, String, PathBuf)> = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(Diagnostic::error(
                    Code::Io,
                    msg!(
                        "content-cannot-read",
                        file = format!("content/{locale}/"),
                        detail = e.to_string()
                    ),
                ));
                continue;
            }
        };
        let Ok(rel_path) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let rel: String = rel_path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if rel.is_empty() || rel.split('/').any(|p| p.starts_with('.')) {
            continue;
        }
        let file = format!("content/{locale}/{rel}");
        if entry.path_is_symlink() {
            // Followed nowhere: a link out of the course is an error, one
            // inside it is skipped (the file it names is read where it is).
            if let Some(d) = leaves_course(root, &file) {
                diags.push(d.locale(locale));
                continue;
            }
            diags.push(
                Diagnostic::warning(
                    Code::SymlinkSkipped,
                    msg!("content-symlink-skipped", file = &file),
                )
                .in_file(file)
                .locale(locale)
                .hint(msg!("content-symlink-skipped-hint")),
            );
            continue;
        }
        if entry.file_type().is_dir() {
            if !rel.contains('/') && !config.modules.iter().any(|(m, _)| *m == rel) {
                unknown_folders.push(rel);
            }
            continue;
        }
        let depth = rel.matches('/').count();
        let is_md = rel.ends_with(".md");
        let top = rel.split('/').next().unwrap_or_default();
        let in_module = config.modules.iter().any(|(m, _)| m == top);
        if is_md && (rel == HOME || (depth == 1 && in_module)) {
            // Read later, in parallel.
            to_read.push((rel, file, entry.path().to_path_buf()));
        } else if is_md && (depth == 0 || in_module) {
            diags.push(
                Diagnostic::warning(
                    Code::PageNotInCourse,
                    msg!("content-page-not-in-course", file = &file),
                )
                .in_file(file)
                .locale(locale)
                .hint(msg!("content-page-not-in-course-hint")),
            );
        } else if depth == 0 || in_module {
            assets.insert((locale.to_string(), rel), entry.path().to_path_buf());
        }
    }
    let read: Vec<(Option<Page>, Vec<Diagnostic>)> = {
        use rayon::prelude::*;
        to_read
            .into_par_iter()
            .map(|(rel, file, path)| read_page(locale, rel, file, &path))
            .collect()
    };
    for (page, d) in read {
        if let Some(page) = page {
            pages.insert(PageId::new(locale, &page.key), page);
        }
        diags.extend(d);
    }
    for folder in unknown_folders {
        diags.push(
            Diagnostic::warning(
                Code::ModuleNotListed,
                msg!(
                    "content-module-not-listed",
                    locale = locale,
                    folder = &folder
                ),
            )
            .in_file(format!("content/{locale}/{folder}"))
            .locale(locale)
            .hint(msg!("content-module-not-listed-hint", folder = &folder)),
        );
    }
}

/// Read the page `key` of `locale` again (for `serve`): the page and its
/// problems, as [`load`] reports them; `None` when the file cannot be read.
pub fn load_page(root: &Path, locale: &str, key: &str) -> (Option<Page>, Vec<Diagnostic>) {
    let file = format!("content/{locale}/{key}");
    let path = root.join("content").join(locale).join(key);
    if let Some(d) = leaves_course(root, &file) {
        return (None, vec![d.locale(locale)]);
    }
    // A page that is a link is skipped, as `load` skips it.
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        return (None, Vec::new());
    }
    read_page(locale, key.to_string(), file, &path)
}

/// Read one page: its text and front matter. A page whose front matter is
/// broken is still returned (with the error), so that every other problem in
/// it is found in the same run; an unreadable file is only an error.
pub(super) fn read_page(
    locale: &str,
    rel: String,
    file: String,
    path: &Path,
) -> (Option<Page>, Vec<Diagnostic>) {
    let text = match read_text(path, &file) {
        Ok(t) => t,
        Err(d) => return (None, vec![d.locale(locale)]),
    };
    let mut diags = Vec::new();
    let (front, body_start) = match frontmatter::split(&file, &text) {
        Ok(split) => (split.front, split.body_start),
        Err(d) => {
            diags.push(d.locale(locale));
            let stem = rel
                .rsplit('/')
                .next()
                .unwrap_or(&rel)
                .trim_end_matches(".md")
                .to_string();
            (
                FrontMatter {
                    title: stem,
                    ..Default::default()
                },
                frontmatter::body_start_after_error(&text),
            )
        }
    };
    let page = Page {
        locale: locale.to_string(),
        key: rel,
        file,
        text,
        front,
        body_start,
        generated_from: None,
    };
    (Some(page), diags)
}

pub(super) fn load_ftl(root: &Path, locale: &str, diags: &mut Diagnostics) -> Vec<SourceFile> {
    let dir = root.join("locales").join(locale);
    let mut files = Vec::new();
    if let Some(d) = leaves_course(root, &format!("locales/{locale}")) {
        diags.push(d.locale(locale));
        return files;
    }
    let Ok(read) = std::fs::read_dir(&dir) else {
        return files;
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let rel = format!("locales/{locale}/{name}");
        if let Some(d) = leaves_course(root, &rel) {
            diags.push(d.locale(locale));
            continue;
        }
        match read_text(&p, &rel) {
            Ok(text) => files.push(SourceFile { file: rel, text }),
            Err(d) => diags.push(d.locale(locale)),
        }
    }
    files
}

//! Themes: the built-in default theme (embedded in the binary) with a course's
//! own `themes/<name>/` files on top, file by file.

use crate::msg;
use std::collections::BTreeMap;
use std::path::Path;

use walkdir::WalkDir;

use crate::course::{SourceFile, text_from_bytes};
use crate::diag::{Code, Diagnostic, Diagnostics};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// `templates/<name>` → source.
    pub templates: BTreeMap<String, String>,
    /// `static/<path>` → bytes, copied to the output's `static/` folder.
    pub statics: BTreeMap<String, Vec<u8>>,
    /// locale → the theme's `.ftl` files.
    pub messages: BTreeMap<String, Vec<SourceFile>>,
}

/// The built-in theme's files as they are in the source: `templates/…`,
/// `static/…`, `locales/…` → bytes.
pub fn builtin_sources() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    embedded::FILES.iter().map(|(rel, bytes)| (*rel, *bytes))
}

impl Theme {
    /// The built-in theme's files, its scripts and style sheets minified.
    fn add_builtin(&mut self, diags: &mut Diagnostics) {
        for (rel, bytes) in embedded::FILES {
            let bytes = match rel.strip_prefix("static/") {
                Some(name) => super::minify::static_file(name, bytes.to_vec()),
                None => bytes.to_vec(),
            };
            self.add(rel, bytes, &format!("(built-in theme)/{rel}"), diags);
        }
    }

    fn add(&mut self, rel: &str, bytes: Vec<u8>, origin: &str, diags: &mut Diagnostics) {
        if let Some(name) = rel.strip_prefix("templates/") {
            match String::from_utf8(bytes) {
                Ok(s) => {
                    self.templates.insert(name.to_string(), s);
                }
                Err(_) => diags.push(
                    Diagnostic::error(
                        Code::ThemeEncoding,
                        msg!("content-theme-encoding", file = origin),
                    )
                    .in_file(origin.to_string()),
                ),
            }
        } else if let Some(name) = rel.strip_prefix("static/") {
            self.statics.insert(name.to_string(), bytes);
        } else if let Some(rest) = rel.strip_prefix("locales/") {
            let Some((locale, file)) = rest.split_once('/') else {
                return;
            };
            if !file.ends_with(".ftl") {
                return;
            }
            match text_from_bytes(bytes, origin) {
                Ok(text) => {
                    let files = self.messages.entry(locale.to_string()).or_default();
                    files.retain(|f| !f.file.ends_with(&format!("/{file}")));
                    files.push(SourceFile {
                        file: origin.to_string(),
                        text,
                    });
                }
                Err(d) => diags.push(d),
            }
        }
    }
}

/// The default theme with the course's `themes/<name>/` on top.
pub fn load(course_root: &Path, name: &str) -> Result<Theme, Diagnostics> {
    let mut theme = Theme::default();
    let mut diags = Diagnostics::default();
    theme.add_builtin(&mut diags);
    // A theme is a folder directly under themes/ (course.toml is checked
    // for this too); a theme folder linked from outside is not read.
    if !crate::course::config::plain_theme_name(name) {
        diags.push(
            Diagnostic::error(
                Code::ConfigThemeName,
                msg!("content-theme-name", name = name),
            )
            .in_file("course.toml")
            .hint(msg!("content-theme-name-hint")),
        );
        return Err(diags);
    }
    if let Some(d) = crate::course::leaves_course(course_root, &format!("themes/{name}")) {
        diags.push(d);
        return Err(diags);
    }
    let dir = course_root.join("themes").join(name);
    if dir.is_dir() {
        for entry in WalkDir::new(&dir).follow_links(false).sort_by_file_name() {
            let Ok(entry) = entry else { continue };
            let Ok(rel) = entry.path().strip_prefix(&dir) else {
                continue;
            };
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if rel.split('/').any(|p| p.starts_with('.')) {
                continue;
            }
            let origin = format!("themes/{name}/{rel}");
            // Links are not followed; one that leaves the course is an error.
            if entry.path_is_symlink()
                && let Some(d) = crate::course::leaves_course(course_root, &origin)
            {
                diags.push(d);
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            match std::fs::read(entry.path()) {
                Ok(bytes) => {
                    // A copy of a built-in file (the sample course's own
                    // theme folder, a course that copied the default theme)
                    // is darslik's and minified like it; a course's own
                    // scripts and sheets are written as they are.
                    let bytes = match rel.strip_prefix("static/") {
                        Some(name) if builtin_sources().any(|(r, b)| r == rel && b == bytes) => {
                            super::minify::static_file(name, bytes)
                        }
                        _ => bytes,
                    };
                    theme.add(&rel, bytes, &origin, &mut diags)
                }
                Err(e) => diags.push(
                    Diagnostic::error(
                        Code::Io,
                        msg!(
                            "content-cannot-read",
                            file = &origin,
                            detail = e.to_string()
                        ),
                    )
                    .in_file(origin),
                ),
            }
        }
    } else if name != "default" {
        diags.push(
            Diagnostic::error(
                Code::ThemeMissing,
                msg!("content-theme-missing", name = name),
            )
            .in_file("course.toml")
            .hint(msg!("content-theme-missing-hint")),
        );
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(theme)
}

/// The built-in theme alone.
pub fn builtin() -> Theme {
    let mut theme = Theme::default();
    let mut diags = Diagnostics::default();
    theme.add_builtin(&mut diags);
    theme
}

//! Relative `.md` links and images: resolve them against the course, rewrite
//! them to the output's targets, and report broken links and anchors.

use std::collections::{HashMap, HashSet};

use percent_encoding::percent_decode_str;

use super::{Parsed, RefKind};
use crate::course::{Course, Page, PageId};
use crate::diag::{Code, Diagnostic, Msg};
use crate::msg;

/// An asset a page uses, to be copied beside it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AssetUse {
    /// `None`: the viewing locale's copy (following its fallback chain);
    /// `Some(l)`: a link that names another locale's folder explicitly.
    pub locale: Option<String>,
    /// Path inside the locale folder.
    pub path: String,
}

/// Where a link or image goes, independent of any output's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A URL with a scheme: left as written.
    External,
    /// `#anchor` on the same page.
    SamePage { frag: String },
    /// A page of the course; `locale` is set when the link names another
    /// locale's folder explicitly.
    Page {
        locale: Option<String>,
        key: String,
        frag: Option<String>,
    },
    /// An unsafe destination (`javascript:`, `data:`...): the link or image
    /// is removed, its text kept.
    Removed,
    /// An image or other file beside the pages.
    Asset {
        asset: AssetUse,
        frag: Option<String>,
    },
}

#[derive(Debug, Default)]
pub struct Resolved {
    /// One per reference of the page; `None` where resolving failed.
    pub targets: Vec<Option<Target>>,
    pub assets: Vec<AssetUse>,
    pub diagnostics: Vec<Diagnostic>,
    /// The pages (locale, key) that links with an `#anchor` go to, whether
    /// or not the anchor is there: their headings decide this page's errors.
    pub anchored: Vec<PageId>,
    /// Every link to an `#anchor` of another page, to check once every
    /// page's headings are known (see [`check_anchors`]).
    pub anchor_links: Vec<AnchorLink>,
}

/// A link from a page to a heading of another page.
#[derive(Debug, Clone)]
pub struct AnchorLink {
    /// The page linked to: (locale, key).
    pub target: PageId,
    pub frag: String,
    /// The link target as the page names it (for the message).
    pub inner: String,
    /// Where the link is in the linking page's file.
    pub span: std::ops::Range<usize>,
}

/// The broken anchors among `links` of `page`, with the heading ids of
/// every page: the same errors as a [`Resolver`] that knows every page's ids.
pub fn check_anchors(page: &Page, links: &[AnchorLink], ids: &Anchors) -> Vec<Diagnostic> {
    links
        .iter()
        .filter_map(|l| {
            let ids = ids.get(&l.target)?;
            (!ids.contains(&l.frag)).then(|| {
                Diagnostic::error(
                    Code::BrokenAnchor,
                    msg!("markup-broken-anchor", page = &l.inner, id = &l.frag),
                )
                .at(&page.file, &page.text, l.span.clone())
                .locale(&page.locale)
                .hint(anchor_hint(&l.frag, ids))
            })
        })
        .collect()
}

/// The href of a target in the static site, from the page `from_key`.
pub fn site_href(from_key: &str, target: &Target) -> Option<String> {
    let with_frag = |mut h: String, frag: &Option<String>| {
        if let Some(f) = frag {
            h.push('#');
            h.push_str(f);
        }
        h
    };
    match target {
        Target::External | Target::SamePage { .. } => None,
        Target::Removed => Some(String::new()),
        Target::Page { locale, key, frag } => {
            let prefix = locale
                .as_ref()
                .map_or(String::new(), |l| format!("../{l}/"));
            Some(with_frag(
                relative(from_key, &format!("{prefix}{}", page_output(key))),
                frag,
            ))
        }
        Target::Asset { asset, frag } => {
            let prefix = asset
                .locale
                .as_ref()
                .map_or(String::new(), |l| format!("../{l}/"));
            Some(with_frag(
                relative(from_key, &format!("{prefix}{}", asset.path)),
                frag,
            ))
        }
    }
}

/// The output file of a page key: `module-06/01-act.md` → `module-06/01-act.html`.
pub fn page_output(key: &str) -> String {
    match key.strip_suffix(".md") {
        Some(stem) => format!("{stem}.html"),
        None => key.to_string(),
    }
}

/// `../` for each folder between the page and its locale root.
pub fn up_to_locale_root(key: &str) -> String {
    "../".repeat(key.matches('/').count())
}

/// Relative href from the page `from_key` to `target` (a path inside the locale root).
pub fn relative(from_key: &str, target: &str) -> String {
    let dir = from_key.rsplit_once('/').map(|(d, _)| d);
    match dir {
        Some(d) => match target.strip_prefix(d).and_then(|t| t.strip_prefix('/')) {
            Some(rest) => rest.to_string(),
            None => format!("{}{target}", up_to_locale_root(from_key)),
        },
        None => target.to_string(),
    }
}

/// The stem of a page key: `module-06/01-act.md` → `01-act`, `module-06/index.md` → `index`.
pub fn page_slug(key: &str) -> &str {
    let file = key.rsplit_once('/').map_or(key, |(_, f)| f);
    file.strip_suffix(".md").unwrap_or(file)
}

/// The id prefix of a page inside a module document: `ru-01-act`.
pub fn doc_prefix(view_locale: &str, key: &str) -> String {
    format!("{view_locale}-{}", page_slug(key))
}

/// Where module documents keep a locale's images: `assets/<locale>/<path>`.
/// Names inside SCORM zips stay ASCII (Windows tools and Moodle's unzip
/// garble or strip others): a segment with other characters is mapped to a
/// readable ASCII form plus a short hash of the original, so two names never
/// collide.
pub fn doc_asset_path(locale: &str, path: &str) -> String {
    let mapped: Vec<String> = path.split('/').map(ascii_segment).collect();
    format!("assets/{locale}/{}", mapped.join("/"))
}

fn ascii_segment(seg: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if !seg.is_empty() && seg.chars().all(safe) {
        return seg.to_string();
    }
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(seg.as_bytes());
    let hash: String = digest.iter().take(4).map(|b| format!("{b:02x}")).collect();
    let (stem, ext) = match seg.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && e.chars().all(|c| c.is_ascii_alphanumeric()) => {
            (s, Some(e))
        }
        _ => (seg, None),
    };
    let mut readable: String = stem
        .chars()
        .map(|c| if safe(c) && c != '.' { c } else { '_' })
        .collect();
    while readable.contains("__") {
        readable = readable.replace("__", "_");
    }
    let readable = readable.trim_matches('_');
    let base = if readable.is_empty() {
        "file".to_string()
    } else {
        readable.to_string()
    };
    match ext {
        Some(e) => format!("{base}-{hash}.{e}"),
        None => format!("{base}-{hash}"),
    }
}

/// The href of a target inside a module document (one HTML file per module
/// holding all its pages, used by SCORM and single-file outputs). Pages of the
/// same module become in-document anchors; links that would leave the
/// document become plain text (`Some("")`).
pub fn doc_href(
    view_locale: &str,
    module: &str,
    from_key: &str,
    target: &Target,
) -> Option<String> {
    let in_module = |key: &str| key.strip_prefix(module).is_some_and(|r| r.starts_with('/'));
    match target {
        Target::External => None,
        Target::Removed => Some(String::new()),
        Target::SamePage { frag } if frag.is_empty() => None,
        Target::SamePage { frag } => Some(format!("#{}-{frag}", doc_prefix(view_locale, from_key))),
        Target::Page {
            locale: None,
            key,
            frag,
        } if in_module(key) => Some(match frag {
            Some(f) => format!("#{}-{f}", doc_prefix(view_locale, key)),
            None => format!("#{}", doc_prefix(view_locale, key)),
        }),
        Target::Page { .. } => Some(String::new()),
        Target::Asset { asset, frag } => {
            let locale = asset.locale.as_deref().unwrap_or(view_locale);
            let mut h = doc_asset_path(locale, &asset.path);
            if let Some(f) = frag {
                h.push('#');
                h.push_str(f);
            }
            Some(h)
        }
    }
}

pub struct Resolver<'c> {
    course: &'c Course,
    /// The locales this build writes (`--locale`), when not every one.
    built: Option<HashSet<String>>,
    keys: HashSet<&'c str>,
    ids: HashMap<(&'c str, &'c str), &'c HashSet<String>>,
}

/// The heading ids of every page, (locale, key) → ids, kept between builds
/// (by `serve`, which parses only the pages that change).
pub type Anchors = HashMap<PageId, HashSet<String>>;

impl<'c> Resolver<'c> {
    pub fn new(course: &'c Course, parsed: &'c [Parsed<'c>]) -> Self {
        let keys = course.page_keys().into_iter().collect();
        let ids = parsed
            .iter()
            .map(|p| ((p.page.locale.as_str(), p.page.key.as_str()), &p.ids))
            .collect();
        Resolver {
            course,
            built: None,
            keys,
            ids,
        }
    }

    /// Links to pages of locales outside `locales` (those a `--locale`
    /// build writes) are warned about: they lead nowhere in its output.
    pub fn writing_only(mut self, locales: &[String]) -> Self {
        let all = self
            .course
            .locale_tags()
            .all(|l| locales.iter().any(|b| b == l));
        self.built = (!all).then(|| locales.iter().cloned().collect());
        self
    }

    /// A resolver that takes the pages' heading ids from a table instead of
    /// parsed pages.
    pub fn with_anchors(course: &'c Course, anchors: &'c Anchors) -> Self {
        let keys = course.page_keys().into_iter().collect();
        let ids = anchors
            .iter()
            .map(|(id, ids)| ((id.locale.as_str(), id.key.as_str()), ids))
            .collect();
        Resolver {
            course,
            built: None,
            keys,
            ids,
        }
    }

    pub fn resolve(&self, parsed: &Parsed<'_>) -> Resolved {
        let page = parsed.page;
        let mut out = Resolved::default();
        for r in &parsed.refs {
            if has_scheme(&r.dest) && !super::sanitize::safe_scheme(&r.dest) {
                out.diagnostics.push(
                    Diagnostic::warning(
                        Code::LinkUnsafe,
                        msg!(
                            "markup-link-unsafe",
                            kind = kind_word(r.kind),
                            target = truncate(&r.dest)
                        ),
                    )
                    .at(&page.file, &page.text, r.span.clone())
                    .locale(&page.locale)
                    .hint(msg!("markup-link-unsafe-hint")),
                );
                out.targets.push(Some(Target::Removed));
                continue;
            }
            let before = out.anchor_links.len();
            let result = self.resolve_one(
                page,
                &parsed.ids,
                r.kind,
                &r.dest,
                &mut out.anchored,
                &mut out.anchor_links,
            );
            for l in &mut out.anchor_links[before..] {
                l.span = r.span.clone();
            }
            match result {
                Ok(target) => {
                    if let Target::Asset { asset, .. } = &target {
                        out.assets.push(asset.clone());
                    }
                    if let (
                        Target::Page {
                            locale: Some(l), ..
                        },
                        Some(built),
                    ) = (&target, &self.built)
                        && !built.contains(l)
                    {
                        let mut written: Vec<&str> = built.iter().map(String::as_str).collect();
                        written.sort_unstable();
                        out.diagnostics.push(
                            Diagnostic::warning(
                                Code::LinkLocaleNotBuilt,
                                msg!(
                                    "markup-link-locale-not-built",
                                    target = truncate(&r.dest),
                                    locale = l,
                                    built = written.join(", ")
                                ),
                            )
                            .at(&page.file, &page.text, r.span.clone())
                            .locale(&page.locale)
                            .hint(msg!("markup-link-locale-not-built-hint", locale = l)),
                        );
                    }
                    out.targets.push(Some(target));
                }
                Err((code, message, hint)) => {
                    out.targets.push(None);
                    out.diagnostics.push(
                        Diagnostic::error(code, message)
                            .at(&page.file, &page.text, r.span.clone())
                            .locale(&page.locale)
                            .hint(hint),
                    );
                }
            }
        }
        out
    }

    /// The page of `locale` whose key is nearest to `inner` (a key that is
    /// not there), for a "did you mean".
    fn nearest_page(&self, locale: &str, inner: &str) -> Option<String> {
        let keys: Vec<&str> = self
            .keys
            .iter()
            .copied()
            .filter(|k| self.course.resolve_page(locale, k).is_some())
            .collect();
        // The file name alone first (a typo in `02-means.md`), then the
        // whole key (a wrong folder).
        let (dir, file) = inner.rsplit_once('/').unwrap_or(("", inner));
        let same_dir = keys
            .iter()
            .copied()
            .filter(|k| k.rsplit_once('/').map_or("", |(d, _)| d) == dir);
        let files: Vec<&str> = same_dir
            .map(|k| k.rsplit_once('/').map_or(k, |(_, f)| f))
            .collect();
        if let Some(f) = crate::course::near::nearest(file, files) {
            return Some(if dir.is_empty() {
                f.to_string()
            } else {
                format!("{dir}/{f}")
            });
        }
        crate::course::near::nearest(inner, keys).map(str::to_string)
    }

    #[allow(clippy::type_complexity)]
    fn resolve_one(
        &self,
        page: &Page,
        own_ids: &HashSet<String>,
        kind: RefKind,
        dest: &str,
        anchored: &mut Vec<PageId>,
        anchor_links: &mut Vec<AnchorLink>,
    ) -> Result<Target, (Code, Msg, Msg)> {
        if dest.is_empty() {
            return Err((
                Code::LinkEmpty,
                msg!("markup-link-empty", kind = kind_word(kind)),
                msg!("markup-link-empty-hint"),
            ));
        }
        if has_scheme(dest) || dest.starts_with("//") {
            if kind == RefKind::Image
                && let Some(k) = super::media::kind(dest.split(['?', '#']).next().unwrap_or(dest))
            {
                let kind = if k == super::media::Kind::Audio {
                    "audio"
                } else {
                    "video"
                };
                return Err((
                    Code::MediaRemote,
                    msg!("content-media-remote", kind = kind, target = truncate(dest)),
                    msg!("content-media-remote-hint"),
                ));
            }
            if kind == RefKind::Image {
                return Err((
                    Code::ImageRemote,
                    msg!("markup-image-remote", target = truncate(dest)),
                    msg!("markup-image-remote-hint"),
                ));
            }
            return Ok(Target::External);
        }
        let (path, frag) = match dest.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (dest, None),
        };
        let frag = frag.map(|f| percent_decode_str(f).decode_utf8_lossy().into_owned());
        if path.is_empty() {
            // `#anchor` on the same page.
            if let Some(f) = &frag
                && !f.is_empty()
                && !own_ids.contains(f)
            {
                return Err((
                    Code::BrokenAnchor,
                    msg!("markup-broken-anchor-here", id = f),
                    anchor_hint(f, own_ids),
                ));
            }
            return Ok(Target::SamePage {
                frag: frag.unwrap_or_default(),
            });
        }
        if path.starts_with('/') || path.starts_with('\\') {
            return Err((
                Code::LinkAbsolute,
                msg!("markup-link-absolute", target = truncate(dest)),
                msg!("markup-link-absolute-hint"),
            ));
        }
        let decoded = percent_decode_str(path).decode_utf8_lossy().into_owned();
        // Resolve against the page's real folder, inside the course folder.
        let mut parts: Vec<String> = vec!["content".into(), page.locale.clone()];
        if let Some((dir, _)) = page.key.rsplit_once('/') {
            parts.extend(dir.split('/').map(String::from));
        }
        for seg in decoded.split(['/', '\\']) {
            match seg {
                "" | "." => {}
                ".." => {
                    if parts.pop().is_none() {
                        return Err((
                            Code::LinkOutsideCourse,
                            msg!("markup-link-outside-course", target = truncate(dest)),
                            msg!("markup-link-outside-course-hint"),
                        ));
                    }
                }
                s => parts.push(s.to_string()),
            }
        }
        let is_dir = decoded.ends_with('/');
        if parts.len() < 2 || parts[0] != "content" {
            return Err((
                Code::LinkOutsideContent,
                msg!("markup-link-outside-content", target = truncate(dest)),
                msg!("markup-link-outside-content-hint"),
            ));
        }
        let locale = parts[1].clone();
        if self.course.config.locale(&locale).is_none() {
            return Err((
                Code::LinkOutsideContent,
                msg!(
                    "markup-link-not-a-locale",
                    target = truncate(dest),
                    locale = &locale
                ),
                msg!(
                    "markup-link-not-a-locale-hint",
                    locales = self
                        .course
                        .locale_tags()
                        .map(|l| format!("`{l}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let mut inner = parts[2..].join("/");
        if is_dir || inner.is_empty() {
            inner = if inner.is_empty() {
                "index.md".into()
            } else {
                format!("{inner}/index.md")
            };
        }
        let same_locale = locale == page.locale;
        if inner.ends_with(".md") {
            if kind == RefKind::Image {
                return Err((
                    Code::ImageNotImage,
                    msg!("markup-image-is-page", target = truncate(dest)),
                    msg!("markup-image-is-page-hint"),
                ));
            }
            if !self.keys.contains(inner.as_str())
                || self.course.resolve_page(&locale, &inner).is_none()
            {
                let looked = format!("content/{locale}/{inner}");
                let hint = match self.nearest_page(&locale, &inner) {
                    Some(near) => msg!(
                        "markup-broken-link-near-hint",
                        near = relative_link(&page.key, &near, (!same_locale).then_some(&locale)),
                        looked = looked
                    ),
                    None => msg!("markup-broken-link-hint", looked = looked),
                };
                return Err((
                    Code::BrokenLink,
                    msg!("markup-broken-link", target = truncate(dest)),
                    hint,
                ));
            }
            if let Some(f) = &frag
                && !f.is_empty()
            {
                let target = self.course.resolve_page(&locale, &inner);
                if let Some(t) = target {
                    anchored.push(t.id());
                    anchor_links.push(AnchorLink {
                        target: t.id(),
                        frag: f.clone(),
                        inner: inner.clone(),
                        span: 0..0,
                    });
                }
                let ids = target.and_then(|t| self.ids.get(&(t.locale.as_str(), t.key.as_str())));
                if let Some(ids) = ids
                    && !ids.contains(f)
                {
                    return Err((
                        Code::BrokenAnchor,
                        msg!("markup-broken-anchor", page = &inner, id = f),
                        anchor_hint(f, ids),
                    ));
                }
            }
            return Ok(Target::Page {
                locale: (!same_locale).then_some(locale),
                key: inner,
                frag: frag.filter(|f| !f.is_empty()),
            });
        }
        // An image or a linked file. A refused one (an HTML file, a broken
        // SVG) has its own error; the link is left out.
        if self.course.resolve_asset(&locale, &inner).is_none() {
            if self.course.is_refused(&locale, &inner) {
                return Ok(Target::Removed);
            }
            let code = if kind == RefKind::Image {
                Code::MissingImage
            } else {
                Code::BrokenLink
            };
            return Err((
                code,
                msg!(
                    "markup-missing-file",
                    target = truncate(dest),
                    looked = format!("content/{locale}/{inner}")
                ),
                msg!("markup-missing-file-hint"),
            ));
        }
        Ok(Target::Asset {
            asset: AssetUse {
                locale: (!same_locale).then_some(locale),
                path: inner,
            },
            frag: frag.filter(|f| !f.is_empty()),
        })
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

fn has_scheme(dest: &str) -> bool {
    match dest.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `image` or `link`, for the messages' selectors.
fn kind_word(kind: RefKind) -> &'static str {
    if kind == RefKind::Image {
        "image"
    } else {
        "link"
    }
}

/// The hint of a broken `#frag`: the nearest heading id, else the page's ids.
fn anchor_hint(frag: &str, ids: &HashSet<String>) -> Msg {
    if let Some(near) = crate::course::near::nearest(frag, ids.iter().map(String::as_str)) {
        return msg!("markup-broken-anchor-near-hint", near = near);
    }
    let mut list: Vec<&str> = ids.iter().map(String::as_str).collect();
    list.sort_unstable();
    let more = list.len() > 8;
    list.truncate(8);
    if list.is_empty() {
        msg!("markup-broken-anchor-no-headings-hint")
    } else {
        let mut ids: Vec<String> = list.iter().map(|i| format!("`{i}`")).collect();
        if more {
            ids.push("…".into());
        }
        msg!("markup-broken-anchor-hint", ids = ids.join(", "))
    }
}

/// How the page `from` (a key of its locale) links to the page `to` (a key
/// of `locale`, `None` for its own): what an author writes in `( )`.
fn relative_link(from: &str, to: &str, locale: Option<&String>) -> String {
    let up = up_to_locale_root(from);
    match locale {
        Some(l) => format!("{up}../{l}/{to}"),
        None => relative(from, to),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_hrefs() {
        assert_eq!(
            relative("module-06/01-a.md", "module-06/02-b.html"),
            "02-b.html"
        );
        assert_eq!(
            relative("module-06/01-a.md", "module-07/index.html"),
            "../module-07/index.html"
        );
        assert_eq!(
            relative("index.md", "module-07/index.html"),
            "module-07/index.html"
        );
        assert_eq!(
            relative("module-06/01-a.md", "../ru/index.html"),
            "../../ru/index.html"
        );
    }

    #[test]
    fn module_document_hrefs() {
        let page = |key: &str, frag: Option<&str>| Target::Page {
            locale: None,
            key: key.into(),
            frag: frag.map(String::from),
        };
        let from = "module-06/01-a.md";
        assert_eq!(
            doc_href(
                "ru",
                "module-06",
                from,
                &page("module-06/02-b.md", Some("act"))
            )
            .as_deref(),
            Some("#ru-02-b-act")
        );
        assert_eq!(
            doc_href("ru", "module-06", from, &page("module-06/index.md", None)).as_deref(),
            Some("#ru-index")
        );
        assert_eq!(
            doc_href("ru", "module-06", from, &page("module-07/01-c.md", None)).as_deref(),
            Some("")
        );
        assert_eq!(
            doc_href(
                "uz",
                "module-06",
                from,
                &Target::SamePage { frag: "x".into() }
            )
            .as_deref(),
            Some("#uz-01-a-x")
        );
        let img = Target::Asset {
            asset: AssetUse {
                locale: None,
                path: "module-06/d.svg".into(),
            },
            frag: None,
        };
        assert_eq!(
            doc_href("uz", "module-06", from, &img).as_deref(),
            Some("assets/uz/module-06/d.svg")
        );
    }

    #[test]
    fn zip_names_stay_ascii_and_distinct() {
        assert_eq!(
            doc_asset_path("uz", "module-06/diagram.svg"),
            "assets/uz/module-06/diagram.svg"
        );
        let a = doc_asset_path("ru", "module-06/схема 1.svg");
        let b = doc_asset_path("ru", "module-06/схема 2.svg");
        assert!(a.is_ascii() && b.is_ascii() && a != b, "{a} {b}");
        assert!(a.starts_with("assets/ru/module-06/") && a.ends_with(".svg"));
        assert!(!a.contains(' '));
        let c = doc_asset_path("uz", "module-06/my file's & more.png");
        assert!(
            c.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || "/._-".contains(ch)),
            "{c}"
        );
    }

    #[test]
    fn schemes() {
        assert!(has_scheme("https://example.org"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("02-means.md"));
        assert!(!has_scheme("C:foo")); // one letter: a Windows drive, not a scheme
    }
}

//! Load a course folder: `course.toml`, the content tree of every locale, and
//! the Fluent files. Produces plain data; reading files happens only here.

pub mod config;
pub mod frontmatter;
pub mod reserved;
pub mod svg;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

pub use config::{Config, LocaleConfig, PackageMode};
pub use frontmatter::FrontMatter;

use crate::diag::{Diagnostic, Diagnostics};

/// A page file of one locale.
#[derive(Debug, Clone)]
pub struct Page {
    /// The locale whose folder holds the file.
    pub locale: String,
    /// Path inside the locale folder: `index.md`, `module-06/index.md`, `module-06/01-act.md`.
    pub key: String,
    /// Path relative to the course folder, for diagnostics.
    pub file: String,
    /// Full text, `\n` line endings, no BOM.
    pub text: Arc<str>,
    pub front: FrontMatter,
    pub body_start: usize,
    /// Made at build time from this locale's page (`generate = "translit:uz"`).
    pub generated_from: Option<String>,
}

impl Page {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    pub fn module(&self) -> Option<&str> {
        self.key.split_once('/').map(|(m, _)| m)
    }
}

/// A text file read for its content (Fluent files).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub file: String,
    pub text: Arc<str>,
}

/// A module in course order: its landing page key and its page keys by file name.
#[derive(Debug, Clone)]
pub struct Module {
    pub name: String,
    pub index: String,
    pub pages: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Course {
    pub root: PathBuf,
    pub config: Config,
    /// From the source locale: the home page key is `index.md`.
    pub modules: Vec<Module>,
    /// (locale, key) → page.
    pub pages: BTreeMap<(String, String), Page>,
    /// (locale, path inside the locale folder) → file on disk.
    pub assets: BTreeMap<(String, String), PathBuf>,
    /// Files beside the pages that are refused (HTML and scripts, broken
    /// SVGs, names of generated files): never copied, and links to them
    /// are not reported again as broken.
    pub refused: std::collections::BTreeSet<(String, String)>,
    /// locale → its `locales/<locale>/*.ftl` files, by name.
    pub messages: BTreeMap<String, Vec<SourceFile>>,
    /// Generated locale → its messages made from its source locale's files
    /// (hand-written `messages` win over these, message by message).
    pub generated_messages: BTreeMap<String, Vec<SourceFile>>,
}

pub const HOME: &str = "index.md";

impl Course {
    /// Let go of the pages' texts once they are parsed and every problem is
    /// found (a build's outputs need only the rendered bodies and the front
    /// matter; diagnostics keep their own file's text): a large course's
    /// Markdown need not stay in memory while the site renders.
    pub fn release_texts(&mut self) {
        for page in self.pages.values_mut() {
            page.text = Arc::from("");
            page.body_start = 0;
        }
    }

    /// Every page key in reading order: home, then per module its landing page and pages.
    pub fn page_keys(&self) -> Vec<&str> {
        let mut keys = vec![HOME];
        for m in &self.modules {
            keys.push(&m.index);
            keys.extend(m.pages.iter().map(String::as_str));
        }
        keys
    }

    /// The page shown for `key` in `locale`: the first locale of its chain that has it.
    pub fn resolve_page(&self, locale: &str, key: &str) -> Option<&Page> {
        let chain = self.chain(locale);
        chain
            .iter()
            .find_map(|l| self.pages.get(&(l.to_string(), key.to_string())))
    }

    /// The asset shown for `path` in `locale`, following the fallback chain.
    pub fn resolve_asset<'a>(
        &'a self,
        locale: &'a str,
        path: &str,
    ) -> Option<(&'a str, &'a PathBuf)> {
        self.chain(locale).iter().find_map(|l| {
            self.assets
                .get_key_value(&(l.to_string(), path.to_string()))
                .map(|((l, _), p)| (l.as_str(), p))
        })
    }

    /// Whether the file `path` a page of `locale` names is a refused file
    /// beside the pages (following the fallback chain).
    pub fn is_refused(&self, locale: &str, path: &str) -> bool {
        self.chain(locale)
            .iter()
            .any(|l| self.refused.contains(&(l.to_string(), path.to_string())))
    }

    pub fn chain<'a>(&'a self, locale: &'a str) -> Vec<&'a str> {
        match self.config.locale(locale) {
            Some(l) => l.chain.iter().map(String::as_str).collect(),
            None => vec![locale, self.config.source_locale.as_str()],
        }
    }

    pub fn locale_tags(&self) -> impl Iterator<Item = &str> {
        self.config.locales.iter().map(|l| l.tag.as_str())
    }
}

/// Read a text file for the course: UTF-8 (a BOM is dropped), `\r\n` → `\n`.
pub fn read_text(path: &Path, rel: &str) -> Result<Arc<str>, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error("io", format!("cannot read {rel}: {e}")).in_file(rel.to_string())
    })?;
    text_from_bytes(bytes, rel)
}

pub fn text_from_bytes(bytes: Vec<u8>, rel: &str) -> Result<Arc<str>, Diagnostic> {
    let bytes: &[u8] = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if memchr::memchr(0, bytes).is_some() {
        return Err(Diagnostic::error(
            "file-binary",
            format!("{rel} is not a text file (it contains NUL bytes)"),
        )
        .in_file(rel.to_string())
        .hint("a page must be UTF-8 text; was a binary file saved with a .md or .ftl name?"));
    }
    // simdutf8 checks a large course's Cyrillic text several times faster
    // than the standard library; which byte is wrong, the standard one tells.
    let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
        let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
        let valid = String::from_utf8_lossy(&bytes[..at]).into_owned();
        let (line, col) = crate::diag::line_col(&valid, valid.len());
        let mut d = Diagnostic::error(
            "file-encoding",
            format!("{rel} is not valid UTF-8 (line {line}, column {col})"),
        )
        .in_file(rel.to_string())
        .hint("save the file as UTF-8 (in Notepad: Save as → Encoding: UTF-8)");
        d.line = Some(line);
        d.column = Some(col);
        return Err(d);
    };
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Ok(Arc::from(text.replace("\r\n", "\n").replace('\r', "\n")))
    } else {
        Ok(Arc::from(text))
    }
}

/// Load a course folder. Only a missing or unusable course.toml is fatal here;
/// every other problem is returned with the course, so that later stages can
/// report theirs in the same run.
pub fn load(root: &Path) -> Result<(Course, Diagnostics), Diagnostics> {
    let (config, diags) = load_config(root)?;
    Ok(load_with(root, config, diags))
}

/// `course.toml` alone, read and validated, with its warnings: a build
/// checks its `--locale`s against it before any page is read.
pub fn load_config(root: &Path) -> Result<(Config, Diagnostics), Diagnostics> {
    let mut diags = Diagnostics::default();
    let config_path = root.join(config::CONFIG_FILE);
    if let Some(d) = leaves_course(root, config::CONFIG_FILE) {
        diags.push(d);
        return Err(diags);
    }
    let config_text = match read_text(&config_path, config::CONFIG_FILE) {
        Ok(t) => t,
        Err(mut d) => {
            if !config_path.exists() {
                d = Diagnostic::error(
                    "config-missing",
                    format!("no course.toml in {}", root.display()),
                )
                .hint("run darslik in a course folder, pass --course DIR, or make one with `darslik new DIR`");
            }
            diags.push(d);
            return Err(diags);
        }
    };
    let config = match config::parse(&config_text) {
        Ok((c, warnings)) => {
            diags.extend(warnings);
            c
        }
        Err(d) => return Err(d),
    };
    Ok((config, diags))
}

/// The rest of [`load`]: the content and messages of the config's locales
/// (a build may have narrowed them to the ones it needs).
pub fn load_with(root: &Path, config: Config, mut diags: Diagnostics) -> (Course, Diagnostics) {
    let mut pages = BTreeMap::new();
    let mut assets = BTreeMap::new();
    let mut messages = BTreeMap::new();
    // A content folder linked from outside the course is not read at all.
    let content_outside = leaves_course(root, "content");
    let content_outside = content_outside.is_some_and(|d| {
        diags.push(d);
        true
    });
    // Locales whose content folder is not read: nothing more is said
    // about their pages than the link's error.
    let mut unread: Vec<&str> = Vec::new();
    for locale in &config.locales {
        let dir = root.join("content").join(&locale.tag);
        let outside = if content_outside {
            true
        } else if let Some(d) = leaves_course(root, &format!("content/{}", locale.tag)) {
            diags.push(d.locale(&locale.tag));
            true
        } else {
            false
        };
        if outside {
            unread.push(&locale.tag);
            messages.insert(locale.tag.clone(), load_ftl(root, &locale.tag, &mut diags));
            continue;
        }
        if !dir.is_dir() && locale.generated_from.is_some() {
            messages.insert(locale.tag.clone(), load_ftl(root, &locale.tag, &mut diags));
            continue;
        }
        if !dir.is_dir() {
            diags.push(
                Diagnostic::error(
                    "locale-no-content",
                    format!(
                        "locale `{}` has no folder content/{}/",
                        locale.tag, locale.tag
                    ),
                )
                .at(config::CONFIG_FILE, &config.source, locale.span.clone())
                .locale(&locale.tag)
                .hint(format!(
                    "create content/{}/index.md, or remove `{}` from locales",
                    locale.tag, locale.tag
                )),
            );
            continue;
        }
        load_locale_tree(
            root,
            &config,
            &locale.tag,
            &dir,
            &mut pages,
            &mut assets,
            &mut diags,
        );
        messages.insert(locale.tag.clone(), load_ftl(root, &locale.tag, &mut diags));
    }

    let generated_messages = generate_locales(root, &config, &mut pages, &messages, &mut diags);

    // The source locale's tree is the reference.
    let src = &config.source_locale;
    let src_unread = unread.contains(&src.as_str());
    let mut modules = Vec::new();
    if !src_unread
        && !pages.contains_key(&(src.clone(), HOME.to_string()))
        && root.join("content").join(src).is_dir()
    {
        diags.push(
            Diagnostic::error(
                "home-missing",
                format!(
                    "content/{src}/index.md is missing: the course home page of the source locale"
                ),
            )
            .locale(src)
            .hint("create it with front matter (+++ title = \"...\" +++) and a short welcome"),
        );
    }
    for (name, span) in &config.modules {
        let index = format!("{name}/index.md");
        let mut keys: Vec<String> = pages
            .keys()
            .filter(|(l, k)| l == src && k.starts_with(&format!("{name}/")) && *k != index)
            .map(|(_, k)| k.clone())
            .collect();
        keys.sort();
        if src_unread {
            // The link's error says it all.
        } else if !root.join("content").join(src).join(name).is_dir() {
            diags.push(
                Diagnostic::error(
                    "module-missing",
                    format!("module `{name}` has no folder content/{src}/{name}/"),
                )
                .at(config::CONFIG_FILE, &config.source, span.clone())
                .locale(src)
                .hint(format!(
                    "create content/{src}/{name}/index.md, or remove `{name}` from modules"
                )),
            );
        } else if !pages.contains_key(&(src.clone(), index.clone())) {
            diags.push(
                Diagnostic::error(
                    "module-index-missing",
                    format!("module `{name}` has no landing page content/{src}/{name}/index.md"),
                )
                .locale(src)
                .hint("add an index.md with a title and a short overview of the module"),
            );
        }
        modules.push(Module {
            name: name.clone(),
            index,
            pages: keys,
        });
    }
    let refused = check_assets(&config, &modules, &pages, &mut assets, &mut diags);

    // Pages a translation has that the source lacks.
    for (locale, key) in pages.keys() {
        if !src_unread && locale != src && !pages.contains_key(&(src.clone(), key.clone())) {
            diags.push(
                Diagnostic::warning(
                    "page-orphan",
                    format!("content/{locale}/{key} has no source page content/{src}/{key}; it is not part of the course"),
                )
                .in_file(format!("content/{locale}/{key}"))
                .locale(locale)
                .hint("rename it to match the source page's file name, or delete it"),
            );
        }
    }

    // Problems in pages are reported with the rest; only an unusable
    // course.toml stops loading.
    (
        Course {
            root: root.to_path_buf(),
            config,
            modules,
            pages,
            assets,
            refused,
            messages,
            generated_messages,
        },
        diags,
    )
}

/// Make the pages and messages of generated locales (`generate =
/// "translit:uz"`) from their source locale; hand-written pages win.
fn generate_locales(
    root: &Path,
    config: &Config,
    pages: &mut BTreeMap<(String, String), Page>,
    messages: &BTreeMap<String, Vec<SourceFile>>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Vec<SourceFile>> {
    use crate::translit::{self, Script};
    let mut generated = BTreeMap::new();
    for l in &config.locales {
        let (Some(from), Some(script)) = (&l.generated_from, Script::from_tag(&l.tag)) else {
            continue;
        };
        let ex = translit_exceptions(root, &l.tag, diags);
        let sources: Vec<Page> = pages
            .values()
            .filter(|p| p.locale == *from && !pages.contains_key(&(l.tag.clone(), p.key.clone())))
            .cloned()
            .collect();
        for p in sources {
            pages.insert(
                (l.tag.clone(), p.key.clone()),
                generated_page(&p, &l.tag, script, &ex),
            );
        }
        let files = messages
            .get(from)
            .into_iter()
            .flatten()
            .map(|f| SourceFile {
                file: f.file.clone(),
                text: Arc::from(translit::fluent(&f.text, script, &ex)),
            })
            .collect();
        generated.insert(l.tag.clone(), files);
    }
    generated
}

/// The transliteration exceptions of a generated locale: the built-in ones
/// and `locales/<locale>/exceptions.toml`.
pub fn translit_exceptions(
    root: &Path,
    locale: &str,
    diags: &mut Diagnostics,
) -> crate::translit::Exceptions {
    let mut ex = crate::translit::Exceptions::builtin();
    let rel = format!("locales/{locale}/exceptions.toml");
    if let Some(d) = leaves_course(root, &rel) {
        diags.push(d.locale(locale));
        return ex;
    }
    if let Ok(text) = read_text(&root.join(&rel), &rel) {
        match ex.clone().with_course_toml(&text) {
            Ok(e) => ex = e,
            Err(msg) => diags.push(
                Diagnostic::error("translit-exceptions", format!("{rel}: {msg}"))
                    .in_file(rel.clone())
                    .locale(locale)
                    .hint("write one word per line as latin = \"кирилл\" under [words]"),
            ),
        }
    }
    ex
}

/// The page of generated locale `locale` made from `source`, its source
/// locale's page.
pub fn generated_page(
    source: &Page,
    locale: &str,
    script: crate::translit::Script,
    ex: &crate::translit::Exceptions,
) -> Page {
    let text: Arc<str> = Arc::from(crate::translit::markdown(&source.text, script, ex));
    let (front, body_start) = match frontmatter::split(&source.file, &text) {
        Ok(split) => (split.front, split.body_start),
        Err(_) => (
            source.front.clone(),
            frontmatter::body_start_after_error(&text),
        ),
    };
    Page {
        locale: locale.to_string(),
        key: source.key.clone(),
        file: source.file.clone(),
        text,
        front,
        body_start,
        generated_from: Some(source.locale.clone()),
    }
}

fn load_locale_tree(
    root: &Path,
    config: &Config,
    locale: &str,
    dir: &Path,
    pages: &mut BTreeMap<(String, String), Page>,
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
                    "io",
                    format!("cannot read content/{locale}/: {e}"),
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
                    "symlink-skipped",
                    format!("{file} is a symbolic link; it is not followed"),
                )
                .in_file(file)
                .locale(locale)
                .hint("copy the file into the course folder instead of linking to it"),
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
                    "page-not-in-course",
                    format!("{file} is not part of the course"),
                )
                .in_file(file)
                .locale(locale)
                .hint("pages live in content/<locale>/<module>/, one level deep; module folders are listed in course.toml"),
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
            pages.insert((locale.to_string(), page.key.clone()), page);
        }
        diags.extend(d);
    }
    for folder in unknown_folders {
        diags.push(
            Diagnostic::warning(
                "module-not-listed",
                format!("content/{locale}/{folder}/ is not a module listed in course.toml; it is left out"),
            )
            .in_file(format!("content/{locale}/{folder}"))
            .locale(locale)
            .hint(format!("add \"{folder}\" to [course] modules to include it")),
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
fn read_page(
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

fn load_ftl(root: &Path, locale: &str, diags: &mut Diagnostics) -> Vec<SourceFile> {
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

/// The error for a symbolic link `link` (relative to the course folder) whose
/// target is outside the course. The target is neither read nor named.
pub fn symlink_outside(link: &str) -> Diagnostic {
    Diagnostic::error(
        "symlink-outside",
        format!("{link} is a symbolic link that leaves the course: it points outside the course folder, and darslik reads nothing outside the course"),
    )
    .in_file(link.to_string())
    .hint("copy what it points to into the course folder instead of linking to it")
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
const ACTIVE_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "xml", "xsl", "xslt", "svgz", "js",
    "mjs", "cjs",
];

/// What kind of active file `path` is, if it is one: "HTML" or "script".
fn active_kind(path: &str) -> Option<&'static str> {
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
const SVG_REMOVALS_SHOWN: usize = 10;

/// Check the files beside the pages of every locale (SPEC §11), whether or
/// not a page links them: a name a generated file has is an error that says
/// which; an HTML or script file is an error; an SVG must be well-formed
/// and is cleaned (what the cleaner removes is a warning). Refused files are
/// taken out of `assets` and returned.
fn check_assets(
    config: &Config,
    modules: &[Module],
    pages: &BTreeMap<(String, String), Page>,
    assets: &mut BTreeMap<(String, String), PathBuf>,
    diags: &mut Diagnostics,
) -> std::collections::BTreeSet<(String, String)> {
    use rayon::prelude::*;
    let mut page_outputs: Vec<String> = pages
        .keys()
        .map(|(_, k)| crate::markdown::links::page_output(k))
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
                Some(_) => "HTML and script files beside pages are not copied: turn it into a Markdown page, or offer it as a PDF".to_string(),
                None => format!("rename the file; {} is darslik's", c.generated),
            };
            diags.push(
                Diagnostic::error(
                    "asset-reserved-name",
                    format!(
                        "{rel} would replace site/{locale}/{} ({}), a file darslik generates",
                        c.generated, c.what
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
                    "asset-html",
                    format!(
                        "{rel}: {kind} files beside pages are not copied (opened from the course, it would run as code on the LMS's site)"
                    ),
                )
                .in_file(rel)
                .locale(locale)
                .hint("turn it into a Markdown page, or offer it as a PDF"),
            );
            refused.insert((locale.clone(), path.clone()));
        } else if svg::is_svg(file) {
            svgs.push((locale.clone(), path.clone(), rel, file.clone()));
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
fn check_svg(rel: &str, file: &Path) -> (Vec<Diagnostic>, bool) {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            return (
                vec![Diagnostic::error("io", format!("cannot read {rel}: {e}")).in_file(rel)],
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
                        "svg-removed",
                        format!(
                            "{rel}, line {}, column {}: removed {} (it could run code or load files from outside the course)",
                            r.line, r.column, r.what
                        ),
                    )
                    .in_file(rel)
                    .hint("darslik keeps the drawing (shapes, text, gradients, styles); save the SVG without scripts, links or embedded content to silence this");
                    d.line = Some(r.line);
                    d.column = Some(r.column);
                    d
                })
                .collect();
            let total = c.removed.len() + c.not_listed;
            if total > SVG_REMOVALS_SHOWN {
                out.push(
                    Diagnostic::warning(
                        "svg-removed",
                        format!(
                            "{rel}: removed {} more parts of the image",
                            total - SVG_REMOVALS_SHOWN
                        ),
                    )
                    .in_file(rel),
                );
            }
            (out, true)
        }
        Err(e) => {
            let mut d = Diagnostic::error(
                "svg-invalid",
                format!(
                    "{rel} is not a well-formed SVG image (line {}, column {}): {}",
                    e.line, e.column, e.message
                ),
            )
            .in_file(rel)
            .hint("open it in a drawing program (Inkscape: Save as → Plain SVG) and save it again");
            d.line = Some(e.line);
            d.column = Some(e.column);
            (vec![d], false)
        }
    }
}

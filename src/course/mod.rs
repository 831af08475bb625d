//! Load a course folder: `course.toml`, the content tree of every locale, and
//! the Fluent files. Produces plain data; reading files happens only here.

pub mod assessment;
pub mod brand;
pub mod config;
pub mod frontmatter;
pub mod near;
pub mod reserved;
pub mod svg;

mod assets;
mod generated;
mod text;
mod tree;

use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use walkdir::WalkDir;

pub use config::{CompleteWhen, Config, LocaleConfig, PackageMode, ScormSettings};
pub use frontmatter::FrontMatter;

pub use assets::{leaves_course, symlink_outside};
pub use generated::{generated_page, translit_exceptions, translit_exceptions_for, with_keep};
pub use text::{read_text, text_from_bytes};
pub use tree::load_page;

use assets::check_assets;
use generated::generate_locales;
use tree::{load_ftl, load_locale_tree};

use crate::diag::{Code, Diagnostic, Diagnostics};

/// A page of a locale: the locale's tag and the page's key (its path under
/// `content/<locale>/`, e.g. `module-06/01-act.md`). Ordered by locale, then
/// key.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId {
    pub locale: String,
    pub key: String,
}

impl PageId {
    pub fn new(locale: impl Into<String>, key: impl Into<String>) -> Self {
        PageId {
            locale: locale.into(),
            key: key.into(),
        }
    }
}

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
    /// The page's locale and key.
    pub fn id(&self) -> PageId {
        PageId::new(self.locale.clone(), self.key.clone())
    }

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
    /// Every page of every locale.
    pub pages: BTreeMap<PageId, Page>,
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
    /// `glossary.toml`, when the course has one that reads without errors.
    pub glossary: Option<Arc<crate::glossary::Glossary>>,
    /// `[theme] logo`, read and checked (an SVG cleaned).
    pub logo: Option<brand::Logo>,
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
            .find_map(|l| self.pages.get(&PageId::new(*l, key)))
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
                    Code::ConfigMissing,
                    msg!(
                        "content-config-missing",
                        folder = root.display().to_string()
                    ),
                )
                .hint(msg!("content-config-missing-hint"));
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
                    Code::LocaleNoContent,
                    msg!("content-locale-no-content", locale = &locale.tag),
                )
                .at(config::CONFIG_FILE, &config.source, locale.span.clone())
                .locale(&locale.tag)
                .hint(msg!("content-locale-no-content-hint", locale = &locale.tag)),
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
        && !pages.contains_key(&PageId::new(src.as_str(), HOME))
        && root.join("content").join(src).is_dir()
    {
        diags.push(
            Diagnostic::error(
                Code::HomeMissing,
                msg!("content-home-missing", locale = src),
            )
            .locale(src)
            .hint(msg!("content-home-missing-hint")),
        );
    }
    for (name, span) in &config.modules {
        let index = format!("{name}/index.md");
        let mut keys: Vec<String> = pages
            .keys()
            .filter(|PageId { locale: l, key: k }| {
                l == src && k.starts_with(&format!("{name}/")) && *k != index
            })
            .map(|id| id.key.clone())
            .collect();
        keys.sort();
        if src_unread {
            // The link's error says it all.
        } else if !root.join("content").join(src).join(name).is_dir() {
            diags.push(
                Diagnostic::error(
                    Code::ModuleMissing,
                    msg!("content-module-missing", module = name, locale = src),
                )
                .at(config::CONFIG_FILE, &config.source, span.clone())
                .locale(src)
                .hint(msg!(
                    "content-module-missing-hint",
                    module = name,
                    locale = src
                )),
            );
        } else if !pages.contains_key(&PageId::new(src.as_str(), &index)) {
            diags.push(
                Diagnostic::error(
                    Code::ModuleIndexMissing,
                    msg!("content-module-index-missing", module = name, locale = src),
                )
                .locale(src)
                .hint(msg!("content-module-index-missing-hint")),
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
    for PageId { locale, key } in pages.keys() {
        if !src_unread && locale != src && !pages.contains_key(&PageId::new(src.as_str(), key)) {
            diags.push(
                Diagnostic::warning(
                    Code::PageOrphan,
                    msg!(
                        "content-page-orphan",
                        locale = locale,
                        page = key,
                        source = src
                    ),
                )
                .in_file(format!("content/{locale}/{key}"))
                .locale(locale)
                .hint(msg!("content-page-orphan-hint")),
            );
        }
    }

    let logo = brand::load_logo(root, &config, &mut diags);
    let (glossary, glossary_diags) = crate::glossary::load(root, &config);
    for d in glossary_diags {
        diags.push(d);
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
            glossary: glossary.map(Arc::new),
            logo,
        },
        diags,
    )
}

//! What a build makes, checked before any page is read: the locales (from
//! course.toml alone), the formats, the output folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::course::{self, Config};
use crate::diag::Diagnostics;
use crate::output::Format;

/// A build to run: every field checked.
#[derive(Debug)]
pub struct Plan {
    /// The course folder.
    pub root: PathBuf,
    /// `--out`, as the build will name it (absolute when it was `.`).
    pub out: PathBuf,
    /// The locales whose outputs are made, in course order.
    pub locales: Vec<String>,
    /// The formats written.
    pub formats: BTreeSet<Format>,
    /// An error in one locale leaves it out instead of stopping the build.
    pub keep_going: bool,
}

/// course.toml as a plan read it, narrowed to the locales needed (the
/// chosen ones and those they fall back to), and its warnings.
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    pub diagnostics: Diagnostics,
}

/// Why a plan could not be made.
#[derive(Debug)]
pub enum PlanError {
    /// Wrong usage (`--locale xx`, `--out` the course folder): exit status 2.
    Usage(String),
    /// course.toml has errors: exit status 1.
    Course(Diagnostics),
}

/// What the command line asked for.
#[derive(Debug)]
pub struct Request<'a> {
    pub root: &'a Path,
    pub out: Option<PathBuf>,
    /// `--locale`: empty for all.
    pub locales: &'a [String],
    /// `--format`: empty for the default (site, scorm12, scorm2004).
    pub formats: &'a [Format],
    pub keep_going: bool,
}

impl Plan {
    /// Check a request: the output folder first (never the course, never a
    /// folder of someone else's files), then course.toml and the locales.
    /// Reads nothing but course.toml.
    pub fn new(req: Request<'_>) -> Result<(Plan, Loaded), PlanError> {
        let root = req.root.to_path_buf();
        let out = req.out.unwrap_or_else(|| root.join("dist"));
        crate::output::write::check_out(&root, &out).map_err(PlanError::Usage)?;
        let formats: BTreeSet<Format> = if req.formats.is_empty() {
            [Format::Site, Format::Scorm12, Format::Scorm2004].into()
        } else {
            req.formats.iter().copied().collect()
        };
        let (mut config, config_diagnostics) =
            course::load_config(&root).map_err(PlanError::Course)?;
        let locales = choose_locales(&mut config, req.locales).map_err(PlanError::Usage)?;
        // Written beside --out, so it needs a parent: `--out .` is the
        // folder by its full name.
        let out = match crate::output::write::absolute(&out) {
            Ok(abs) if out.file_name().is_none() => abs,
            _ => out,
        };
        let plan = Plan {
            root,
            out,
            locales,
            formats,
            keep_going: req.keep_going,
        };
        let loaded = Loaded {
            config,
            diagnostics: config_diagnostics,
        };
        Ok((plan, loaded))
    }

    pub fn wants(&self, format: Format) -> bool {
        self.formats.contains(&format)
    }
}

/// The locales a build makes its outputs for, in course order: those of
/// `only` (`--locale`), or all when it is empty. Checked against course.toml
/// alone, before any page is read. The config keeps only the locales they
/// need (themselves, their fallbacks, the locale a generated one is made
/// from: their chains), so no other locale's pages are read or parsed.
pub fn choose_locales(config: &mut Config, only: &[String]) -> Result<Vec<String>, String> {
    if only.is_empty() {
        return Ok(config.locales.iter().map(|l| l.tag.clone()).collect());
    }
    if let Some(unknown) = only.iter().find(|o| config.locale(o).is_none()) {
        let tags: Vec<&str> = config.locales.iter().map(|l| l.tag.as_str()).collect();
        return Err(format!(
            "--locale {unknown}: the course has no such locale (it has {})",
            tags.join(", ")
        ));
    }
    let chosen: Vec<String> = config
        .locales
        .iter()
        .filter(|l| only.contains(&l.tag))
        .map(|l| l.tag.clone())
        .collect();
    // A chain holds the fallbacks and, for a generated locale, the locale
    // it is made from and that one's fallbacks.
    let needed: BTreeSet<String> = config
        .locales
        .iter()
        .filter(|l| only.contains(&l.tag))
        .flat_map(|l| l.chain.iter().cloned())
        .collect();
    config.locales.retain(|l| needed.contains(&l.tag));
    Ok(chosen)
}

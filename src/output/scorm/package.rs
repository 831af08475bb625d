//! SCORM packages from the rendered course: one SCO per module (a module
//! document that holds the learner's API session while pages change), zipped
//! deterministically and checked by the Moodle pre-flight before anything is
//! written.

use std::collections::BTreeMap;

use super::manifest::{PackageSpec, Sco, ScormVersion, manifest_xml};
use super::{preflight, suspend};
use crate::course::{Module, PackageMode};
use crate::diag::Diagnostic;
use crate::output::Tree;
use crate::output::zipper::{ZipEntry, write_zip};
use crate::pipeline::Built;
use crate::render::doc::{DOC_STYLES, DocMode, doc_scripts, module_doc};

/// Most options a question may have for the suspend_data budget check.
const MAX_OPTIONS_SEEN: usize = 8;

/// Every package of one SCORM version: file name → zip bytes.
pub fn packages(
    built: &Built,
    version: ScormVersion,
    locales: &[&str],
) -> Result<Tree, Vec<Diagnostic>> {
    let course = &built.course;
    let config = &course.config;
    let env = crate::render::environment(&built.theme).map_err(|d| vec![d])?;
    let multilingual = config.scorm.multilingual;
    // Which locale sets and which module sets make a package.
    let locale_sets: Vec<Vec<&str>> = if multilingual {
        vec![locales.to_vec()]
    } else {
        locales.iter().map(|l| vec![*l]).collect()
    };
    let module_sets: Vec<Vec<&Module>> = match config.scorm.package {
        PackageMode::Course => vec![course.modules.iter().collect()],
        PackageMode::Module => course.modules.iter().map(|m| vec![m]).collect(),
    };
    let doc_mode = DocMode::Scorm(match version {
        ScormVersion::Scorm12 => "1.2",
        ScormVersion::Scorm2004 => "2004",
    });
    let mut out = Tree::new();
    let mut errors = Vec::new();
    for set in &locale_sets {
        let Some(&first) = set.first() else { continue };
        let loc = built.messages.localizer(first);
        for modules in &module_sets {
            let mut name = config.id.clone();
            if config.scorm.package == PackageMode::Module
                && let Some(m) = modules.first()
            {
                name = format!("{name}-{}", m.name);
            }
            if !multilingual {
                name = format!("{name}-{first}");
            }
            let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
            let mut scos = Vec::new();
            for module in modules {
                let doc = module_doc(
                    &env,
                    course,
                    &built.theme,
                    &built.messages,
                    &built.bodies.site,
                    &built.bodies.docs,
                    set,
                    module,
                    doc_mode,
                )
                .map_err(|d| vec![d])?;
                let launch = format!("{}.html", module.name);
                let mut sco_files = vec![launch.clone()];
                files.insert(launch.clone(), doc.html.into_bytes());
                for (path, disk) in &doc.assets {
                    match std::fs::read(disk) {
                        Ok(bytes) => {
                            files.insert(path.clone(), bytes);
                            sco_files.push(path.clone());
                        }
                        Err(e) => errors.push(
                            Diagnostic::error("io", format!("cannot read {}: {e}", disk.display()))
                                .hint("was the file removed while building? build again"),
                        ),
                    }
                }
                let title = course
                    .resolve_page(first, &module.index)
                    .map_or_else(|| module.name.clone(), |p| p.front.title.clone());
                // The learner's state must fit SCORM 1.2's suspend_data.
                let pages = 1 + module.pages.len();
                let questions: usize = std::iter::once(&module.index)
                    .chain(module.pages.iter())
                    .filter_map(|k| course.resolve_page(first, k))
                    .filter_map(|p| built.bodies.site.get(&(p.locale.clone(), p.key.clone())))
                    .map(|b| b.questions.len())
                    .sum();
                let widest = std::iter::once(&module.index)
                    .chain(module.pages.iter())
                    .filter_map(|k| course.resolve_page(first, k))
                    .filter_map(|p| built.bodies.site.get(&(p.locale.clone(), p.key.clone())))
                    .flat_map(|b| b.questions.iter().map(|q| q.options.len()))
                    .max()
                    .unwrap_or(0)
                    .max(MAX_OPTIONS_SEEN);
                let budget = suspend::max_len(pages, questions, widest, set.len());
                if budget > suspend::SCORM12_SUSPEND_DATA_MAX {
                    errors.push(
                        Diagnostic::error(
                            "scorm-suspend-budget",
                            format!(
                                "module `{}` is too large for SCORM 1.2: its saved state could need {budget} characters, more than the 4096 an LMS keeps",
                                module.name
                            ),
                        )
                        .hint("split the module, or use fewer questions or options"),
                    );
                }
                scos.push(Sco {
                    identifier: module.name.clone(),
                    title,
                    href: launch,
                    files: sco_files,
                });
            }
            let shared: Vec<String> = DOC_STYLES
                .iter()
                .chain(doc_scripts(doc_mode))
                .map(|n| format!("static/{n}"))
                .collect();
            for s in &shared {
                let name = s.trim_start_matches("static/");
                match built.theme.statics.get(name) {
                    Some(bytes) => {
                        files.insert(s.clone(), bytes.clone());
                    }
                    None => errors.push(
                        Diagnostic::error(
                            "theme-missing-static",
                            format!("the theme has no static/{name}, which SCORM packages need"),
                        )
                        .hint("restore the file in themes/<name>/static/ or remove the override"),
                    ),
                }
            }
            let spec = PackageSpec {
                identifier: name.clone(),
                version: config.version.clone(),
                title: loc.text("course-title"),
                lang: first.to_string(),
                scos,
                mastery_score: (version == ScormVersion::Scorm12)
                    .then(|| u8::try_from(config.mastery_score()).unwrap_or(100)),
            };
            files.insert(
                "imsmanifest.xml".into(),
                manifest_xml(version, &spec, &shared).into_bytes(),
            );
            let entries: Vec<ZipEntry<'_>> = files
                .iter()
                .map(|(p, d)| ZipEntry::new(p.clone(), &d[..]))
                .collect();
            let mtime = std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok());
            let zip_name = format!("{name}.zip");
            let bytes = match write_zip(&entries, mtime) {
                Ok(b) => b,
                Err(e) => {
                    errors.push(Diagnostic::error(
                        "scorm-zip",
                        format!("cannot make {zip_name}: {e}"),
                    ));
                    continue;
                }
            };
            // The Moodle pre-flight: a package it would reject is never written.
            for p in preflight::preflight(&bytes) {
                let d = if p.is_error() {
                    Diagnostic::error(p.code, format!("{zip_name}: {}", p.message))
                } else {
                    Diagnostic::warning(p.code, format!("{zip_name}: {}", p.message))
                };
                if p.is_error() {
                    errors.push(d);
                }
            }
            out.insert(zip_name, bytes);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

//! SCORM packages from the rendered course: one SCO per module (a module
//! document that holds the learner's API session while pages change), zipped
//! deterministically and checked by the Moodle pre-flight before anything is
//! written. Module documents are the same in both SCORM versions (a small
//! `static/scorm-version.js` tells them apart), so every distinct file is
//! deflated once, in parallel, and copied into each zip that holds it.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::manifest::{PackageSpec, Sco, ScormVersion, manifest_xml, title_in_locales};
use super::{preflight, suspend};
use crate::course::{Course, Module, PackageMode, PageId};
use crate::diag::{Code, Diagnostic};
use crate::i18n::Messages;
use crate::msg;
use crate::output::Tree;
use crate::output::zipper::{Compressed, assemble, compress, source_date_epoch};
use crate::pipeline::Built;
use crate::render::assets::all_doc_files;
use crate::render::doc::{DocMode, ModuleDoc, module_doc};
use crate::render::{Body, Theme};
use std::path::PathBuf;

/// Most options a question may have for the suspend_data budget check.
const MAX_OPTIONS_SEEN: usize = 8;

/// One zip to make: its name and files.
struct Package {
    version: ScormVersion,
    name: String,
    files: BTreeMap<String, Arc<Vec<u8>>>,
    /// Module documents, compressed as soon as they were made: path → key.
    docs: Vec<(String, [u8; 32])>,
}

/// Every package of one SCORM version: file name → zip bytes.
pub fn packages(
    built: &Built,
    version: ScormVersion,
    locales: &[&str],
) -> Result<Tree, Vec<Diagnostic>> {
    let mut all = all_packages(built, None, &[version], locales, None)?;
    Ok(all.remove(version.dir_name()).unwrap_or_default())
}

/// The locales of each SCO's module document: all of them in one
/// (multilingual packages), or one each.
fn locale_sets<'l>(course: &Course, locales: &[&'l str]) -> Vec<Vec<&'l str>> {
    if course.config.scorm.multilingual {
        vec![locales.to_vec()]
    } else {
        locales.iter().map(|l| vec![*l]).collect()
    }
}

/// What one package of a version holds: every module or one.
pub fn package_mode(config: &crate::course::Config, version: ScormVersion) -> PackageMode {
    match version {
        ScormVersion::Scorm12 => config.scorm.package,
        ScormVersion::Scorm2004 => config.scorm.package_2004,
    }
}

/// One package a build makes (SPEC §5): its version, zip file name, the
/// locales of its SCOs and its modules.
pub struct Planned<'c, 'l> {
    pub version: ScormVersion,
    /// `<id>[-<module>][-<locale>].zip`.
    pub name: String,
    pub locales: Vec<&'l str>,
    pub modules: Vec<&'c Module>,
    /// Index of `locales` among the course's locale sets.
    set_index: usize,
}

/// Every package of `versions` for `locales`, in the order they are made
/// (version, locale set, modules); the one place their names are made.
pub fn plan<'c, 'l>(
    course: &'c Course,
    versions: &[ScormVersion],
    locales: &[&'l str],
) -> Vec<Planned<'c, 'l>> {
    let config = &course.config;
    let mut out = Vec::new();
    for &version in versions {
        let mode = package_mode(config, version);
        let module_sets: Vec<Vec<&Module>> = match mode {
            PackageMode::Course => vec![course.modules.iter().collect()],
            PackageMode::Module => course.modules.iter().map(|m| vec![m]).collect(),
        };
        for (set_index, set) in locale_sets(course, locales).into_iter().enumerate() {
            let Some(&first) = set.first() else { continue };
            for modules in &module_sets {
                let mut name = config.id.clone();
                if mode == PackageMode::Module
                    && let Some(m) = modules.first()
                {
                    name = format!("{name}-{}", m.name);
                }
                if !config.scorm.multilingual {
                    name = format!("{name}-{first}");
                }
                out.push(Planned {
                    version,
                    name: format!("{name}.zip"),
                    locales: set.clone(),
                    modules: modules.clone(),
                    set_index,
                });
            }
        }
    }
    out
}

/// A module document's key and its assets (path in the package → file).
type MadeDoc = ([u8; 32], BTreeMap<String, PathBuf>);

/// Module documents made and deflated, ready to be put in packages: each
/// document once, by a key of its locale set and module.
#[derive(Default)]
pub struct ModuleDocs {
    /// (locale set, module) → (the document's key, its assets).
    made: HashMap<(usize, String), MadeDoc>,
    compressed: HashMap<[u8; 32], Compressed>,
    errors: Vec<Diagnostic>,
}

impl ModuleDocs {
    /// Make the documents of `modules` for every locale set of `locales`,
    /// from the site bodies and the module documents' bodies; in parallel,
    /// each deflated as soon as it is made.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        course: &Course,
        theme: &Theme,
        messages: &Messages,
        site: &BTreeMap<PageId, Body>,
        docs: &crate::render::doc::DocBodies,
        locales: &[&str],
        modules: &[&Module],
    ) {
        let env = match crate::render::environment(theme) {
            Ok(env) => env,
            Err(d) => {
                self.errors.push(d);
                return;
            }
        };
        let locale_sets = locale_sets(course, locales);
        let mtime = source_date_epoch();
        let jobs: Vec<(usize, &Module)> = (0..locale_sets.len())
            .flat_map(|i| modules.iter().map(move |m| (i, *m)))
            .collect();
        type DocResult = Result<((usize, String), ([u8; 32], Compressed, ModuleDoc)), Diagnostic>;
        let results: Vec<DocResult> = jobs
            .par_iter()
            .map(|(i, m)| {
                module_doc(
                    &env,
                    course,
                    theme,
                    messages,
                    site,
                    docs,
                    &locale_sets[*i],
                    m,
                    DocMode::Scorm(""),
                )
                .and_then(|mut d| {
                    let html = std::mem::take(&mut d.html);
                    // Keyed by which document it is, not by its bytes (no
                    // two documents are the same; hashing 90 MB of them cost
                    // more than the rest of this step): a name no file's
                    // content hash can take.
                    let key: [u8; 32] =
                        Sha256::digest(format!("module document {i}\0{}", m.name)).into();
                    let c = compress(&html, mtime).map_err(|e| {
                        Diagnostic::error(
                            Code::ScormZip,
                            msg!("scorm-cannot-compress", reason = e.to_string()),
                        )
                    })?;
                    Ok(((*i, m.name.clone()), (key, c, d)))
                })
            })
            .collect();
        for r in results {
            match r {
                Ok((k, (key, c, doc))) => {
                    self.compressed.insert(key, c);
                    self.made.insert(k, (key, doc.assets));
                }
                Err(d) => self.errors.push(d),
            }
        }
    }
}

/// A zip that passed the pre-flight, handed over as soon as it is made
/// (version, file name, bytes) instead of being returned.
pub type ZipSink<'s> = &'s (dyn Fn(ScormVersion, &str, &[u8]) -> std::io::Result<()> + Sync);

/// The packages of several versions at once (files shared between them are
/// compressed once): version folder → (file name → zip bytes).
///
/// `made`: the module documents, when the build made them as the pages were
/// rendered (see [`ModuleDocs::add`]); `None`: they are made here from
/// `built.bodies`. `sink`: each zip is handed to it and left out of the
/// result.
pub fn all_packages(
    built: &Built,
    made: Option<ModuleDocs>,
    versions: &[ScormVersion],
    locales: &[&str],
    sink: Option<ZipSink<'_>>,
) -> Result<BTreeMap<String, Tree>, Vec<Diagnostic>> {
    let course = &built.course;
    let config = &course.config;
    let mut errors = Vec::new();

    let mtime = source_date_epoch();
    // 1. Module documents, once per locale set and module.
    let docs = made.unwrap_or_else(|| {
        let mut d = ModuleDocs::default();
        let modules: Vec<&Module> = course.modules.iter().collect();
        d.add(
            course,
            &built.theme,
            &built.messages,
            &built.bodies.site,
            &built.bodies.docs,
            locales,
            &modules,
        );
        d
    });
    if !docs.errors.is_empty() {
        return Err(docs.errors);
    }
    let doc_map = docs.made;
    let mut compressed = docs.compressed;
    crate::timing::lap("scorm: module documents");
    let mut asset_bytes: HashMap<std::path::PathBuf, Arc<Vec<u8>>> = HashMap::new();
    // Every file a module document may load (each SCO loads what its pages need).
    let mut statics: Vec<String> = all_doc_files(DocMode::Scorm(""))
        .iter()
        .filter(|n| **n != "scorm-version.js")
        .map(|n| (*n).to_string())
        .collect();
    // `[theme] logo`, which the module documents show.
    statics.extend(built.course.logo.as_ref().map(|l| l.file_name()));

    // 2. The files of every package.
    let mut packages = Vec::new();
    // Which API scorm.js looks for: the only file that differs between
    // the versions' packages.
    let version_js: HashMap<ScormVersion, Arc<Vec<u8>>> = versions
        .iter()
        .map(|&v| {
            let api = if v == ScormVersion::Scorm12 {
                "1.2"
            } else {
                "2004"
            };
            let js = format!("window.DARSLIK_SCORM_VERSION = '{api}';\n");
            (v, Arc::new(js.into_bytes()))
        })
        .collect();
    for planned in plan(course, versions, locales) {
        let Planned {
            version,
            name,
            locales: set,
            modules,
            set_index,
        } = planned;
        let Some(&first) = set.first() else { continue };
        let mut files: BTreeMap<String, Arc<Vec<u8>>> = BTreeMap::new();
        let mut docs: Vec<(String, [u8; 32])> = Vec::new();
        let mut scos = Vec::new();
        for module in modules {
            let Some((doc_key, doc_assets)) = doc_map.get(&(set_index, module.name.clone())) else {
                continue;
            };
            let launch = format!("{}.html", module.name);
            let mut sco_files = vec![launch.clone()];
            docs.push((launch.clone(), *doc_key));
            for (path, disk) in doc_assets {
                let bytes = match asset_bytes.get(disk) {
                    Some(b) => b.clone(),
                    // An SVG cleaned (SPEC §11).
                    None => match crate::course::svg::read_asset(disk) {
                        Ok(b) => {
                            let b = Arc::new(b);
                            asset_bytes.insert(disk.clone(), b.clone());
                            b
                        }
                        Err(e) => {
                            errors.push(
                                Diagnostic::error(
                                    Code::Io,
                                    msg!(
                                        "scorm-cannot-read",
                                        file = disk.display().to_string(),
                                        reason = e.to_string()
                                    ),
                                )
                                .hint(msg!("scorm-cannot-read-hint")),
                            );
                            continue;
                        }
                    },
                };
                files.insert(path.clone(), bytes);
                sco_files.push(path.clone());
            }
            if let Some(e) = suspend_budget(built, first, set.len(), module) {
                errors.push(e);
            }
            let titles: Vec<String> = set
                .iter()
                .map(|l| {
                    course
                        .resolve_page(l, &module.index)
                        .map_or_else(|| module.name.clone(), |p| p.front.title.clone())
                })
                .collect();
            scos.push(Sco {
                identifier: module.name.clone(),
                title: title_in_locales(&titles),
                href: launch,
                files: sco_files,
                scored: questions(built, first, module) > 0,
            });
        }
        let mut shared = Vec::new();
        for n in &statics {
            match built.theme.statics.get(n) {
                Some(bytes) => {
                    files.insert(format!("static/{n}"), Arc::new(bytes.clone()));
                    shared.push(format!("static/{n}"));
                }
                None => errors.push(
                    Diagnostic::error(
                        Code::ThemeMissingStatic,
                        msg!("scorm-theme-static", file = format!("static/{n}")),
                    )
                    .hint(msg!("scorm-theme-static-hint")),
                ),
            }
        }
        if let Some(js) = version_js.get(&version) {
            files.insert("static/scorm-version.js".into(), js.clone());
            shared.push("static/scorm-version.js".into());
        }
        shared.sort();
        let course_titles: Vec<String> = set
            .iter()
            .map(|l| built.messages.localizer(l).text("course-title"))
            .collect();
        let spec = PackageSpec {
            identifier: name.trim_end_matches(".zip").to_string(),
            version: config.version.clone(),
            title: title_in_locales(&course_titles),
            titles: if set.len() > 1 {
                set.iter()
                    .map(|l| l.to_string())
                    .zip(course_titles.iter().cloned())
                    .collect()
            } else {
                Vec::new()
            },
            // A title in several languages has no one language.
            lang: if set.len() == 1 {
                first.to_string()
            } else {
                String::new()
            },
            scos,
            mastery_score: Some(u8::try_from(config.mastery_score()).unwrap_or(100)),
        };
        files.insert(
            "imsmanifest.xml".into(),
            Arc::new(manifest_xml(version, &spec, &shared).into_bytes()),
        );
        packages.push(Package {
            version,
            name,
            files,
            docs,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    // 3. Deflate every other distinct file once, in parallel.
    let mut unique: BTreeMap<[u8; 32], Arc<Vec<u8>>> = BTreeMap::new();
    let mut key_of: HashMap<usize, [u8; 32]> = HashMap::new();
    for p in &packages {
        for data in p.files.values() {
            let ptr = Arc::as_ptr(data) as usize;
            if key_of.contains_key(&ptr) {
                continue;
            }
            let key: [u8; 32] = Sha256::digest(data.as_slice()).into();
            key_of.insert(ptr, key);
            if !compressed.contains_key(&key) {
                unique.entry(key).or_insert_with(|| data.clone());
            }
        }
    }
    drop(doc_map);
    drop(asset_bytes);
    let others: Result<Vec<([u8; 32], Compressed)>, std::io::Error> = unique
        .into_par_iter()
        .map(|(k, data)| compress(&data, mtime).map(|c| (k, c)))
        .collect();
    let others = others.map_err(|e| {
        vec![Diagnostic::error(
            Code::ScormZip,
            msg!("scorm-cannot-compress", reason = e.to_string()),
        )]
    })?;
    compressed.extend(others);

    crate::timing::lap("scorm: deflate");
    // 4. Assemble each zip and run the Moodle pre-flight on it; the
    // uncompressed files are no longer needed.
    type Entries = Vec<(String, [u8; 32])>;
    let packages: Vec<(ScormVersion, String, Entries)> = packages
        .into_iter()
        .map(|p| {
            let mut keys: Entries = p
                .files
                .iter()
                .filter_map(|(path, data)| {
                    key_of
                        .get(&(Arc::as_ptr(data) as usize))
                        .map(|k| (path.clone(), *k))
                })
                .collect();
            keys.extend(p.docs);
            (p.version, p.name, keys)
        })
        .collect();
    type ZipResult = Result<Option<(ScormVersion, String, Vec<u8>)>, Vec<Diagnostic>>;
    let zips: Vec<ZipResult> = packages
        .into_par_iter()
        .map(|(version, name, keys)| {
            let p = Package {
                version,
                name,
                files: BTreeMap::new(),
                docs: Vec::new(),
            };
            let entries: Vec<(String, &Compressed)> = keys
                .into_iter()
                .filter_map(|(path, k)| compressed.get(&k).map(|c| (path, c)))
                .collect();
            let bytes = assemble(&entries).map_err(|e| {
                vec![Diagnostic::error(
                    Code::ScormZip,
                    msg!(
                        "scorm-cannot-make",
                        package = &p.name,
                        reason = e.to_string()
                    ),
                )]
            })?;
            // A package Moodle would reject is never written.
            let problems: Vec<Diagnostic> = preflight::preflight(&bytes)
                .into_iter()
                .filter(|x| x.is_error())
                .map(|x| Diagnostic::error(x.code, x.text).in_file(&p.name))
                .collect();
            if !problems.is_empty() {
                return Err(problems);
            }
            match sink {
                Some(sink) => {
                    sink(p.version, &p.name, &bytes).map_err(|e| {
                        vec![
                            Diagnostic::error(
                                Code::Io,
                                msg!(
                                    "scorm-cannot-write",
                                    package = &p.name,
                                    reason = e.to_string()
                                ),
                            )
                            .hint(msg!("scorm-cannot-write-hint")),
                        ]
                    })?;
                    Ok(None)
                }
                None => Ok(Some((p.version, p.name.clone(), bytes))),
            }
        })
        .collect();
    let mut out: BTreeMap<String, Tree> = BTreeMap::new();
    for v in versions {
        out.insert(v.dir_name().to_string(), Tree::new());
    }
    for z in zips {
        match z {
            Ok(None) => {}
            Ok(Some((v, name, bytes))) => {
                out.entry(v.dir_name().to_string())
                    .or_default()
                    .insert(name, bytes);
            }
            Err(d) => errors.extend(d),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// How many questions `module` asks in `locale`.
fn questions(built: &Built, locale: &str, module: &Module) -> usize {
    let course = &built.course;
    std::iter::once(&module.index)
        .chain(module.pages.iter())
        .filter_map(|k| course.resolve_page(locale, k))
        .filter_map(|p| built.bodies.site.get(&p.id()))
        .map(|b| b.questions.len())
        .sum()
}

/// The learner's state must fit SCORM 1.2's suspend_data.
fn suspend_budget(
    built: &Built,
    locale: &str,
    locales: usize,
    module: &Module,
) -> Option<Diagnostic> {
    let course = &built.course;
    let bodies: Vec<_> = std::iter::once(&module.index)
        .chain(module.pages.iter())
        .filter_map(|k| course.resolve_page(locale, k))
        .filter_map(|p| built.bodies.site.get(&p.id()))
        .collect();
    let pages = 1 + module.pages.len();
    let form = |q: &crate::markdown::quiz::Question| {
        use crate::markdown::quiz::Form as F;
        match q.form {
            F::Single | F::Multiple => suspend::Form::Choice(q.options.len().max(MAX_OPTIONS_SEEN)),
            F::Matching => suspend::Form::Matching(q.pairs.len()),
            F::Ordering => suspend::Form::Ordering(q.items.len()),
            F::Short => suspend::Form::Short,
        }
    };
    let mut shape = suspend::ModuleShape {
        pages,
        locales,
        practice: Vec::new(),
        tests: Vec::new(),
        // Scored case scenarios (progress-data `scen`): one run each.
        scenarios: bodies
            .iter()
            .map(|b| b.scenarios.iter().filter(|s| s.scored()).count())
            .sum(),
    };
    for b in &bodies {
        match &b.assessment {
            None => shape.practice.extend(b.questions.iter().map(form)),
            Some(s) => shape.tests.push(suspend::TestShape {
                pool: b.questions.iter().map(form).collect(),
                draw: s.draw as usize,
                attempts: s.attempts as usize,
            }),
        }
    }
    // Short answers are shortened to fit when they must be (suspend.rs):
    // what has to fit is the state with empty texts.
    let budget = suspend::worst_len(&shape, 0);
    (budget > suspend::SCORM12_SUSPEND_DATA_MAX).then(|| {
        Diagnostic::error(
            Code::ScormSuspendBudget,
            msg!(
                "scorm-suspend-budget",
                module = &module.name,
                chars = budget,
                max = suspend::SCORM12_SUSPEND_DATA_MAX
            ),
        )
        .hint(msg!("scorm-suspend-budget-hint"))
    })
}

//! The USB bundle: one folder to copy to many sticks. `START.html` (choose a
//! language, open the site, which zip an academy uploads), `site/`,
//! `scorm12/`, `scorm2004/`, `MOODLE.md` (the Moodle settings card), `README.txt` in the course's languages, and
//! `SHA256SUMS` over every file, so `darslik verify` can tell a whole copy.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::Tree;
use super::scorm::verify::{NotPlain, open_plain};
use crate::diag::Diagnostic;
use crate::i18n;
use crate::output::scorm::manifest::ScormVersion;
use crate::pipeline::Built;
use crate::render::endonym;

pub const SUMS: &str = "SHA256SUMS";

/// The bundle's first page.
pub const START: &str = "START.html";

/// Names the bundle's messages show as written, in every locale (generated
/// ones too: placeables are never transliterated): commands a reader
/// types and files they look for.
fn names() -> i18n::Args<'static> {
    i18n::args(&[
        ("start", START.into()),
        ("card", crate::output::scorm::moodle::FILE.into()),
        ("verify", "darslik verify".into()),
        ("sums", format!("sha256sum -c {SUMS}").into()),
    ])
}

/// The bundle from the other outputs' trees (by their folder name).
pub fn tree(
    built: &Built,
    parts: &BTreeMap<&str, &Tree>,
    locales: &[&str],
) -> Result<Tree, Vec<Diagnostic>> {
    let mut tree = Tree::new();
    for (dir, part) in parts {
        for (path, bytes) in part.iter() {
            tree.insert(format!("{dir}/{path}"), bytes.clone());
        }
    }
    let env = crate::render::environment(&built.theme).map_err(|d| vec![d])?;
    let zips = |dir: &str| -> Vec<String> {
        parts
            .get(dir)
            .map(|t| t.keys().map(|k| format!("{dir}/{k}")).collect())
            .unwrap_or_default()
    };
    let choices: Vec<_> = locales
        .iter()
        .map(|l| {
            let loc = built.messages.localizer(l);
            let zip12 = zips("scorm12")
                .into_iter()
                .find(|z| z.ends_with(&format!("-{l}.zip")))
                .or_else(|| zips("scorm12").into_iter().next())
                .unwrap_or_default();
            let all2004 = zips("scorm2004");
            let mine2004: Vec<&String> = all2004
                .iter()
                .filter(|z| z.ends_with(&format!("-{l}.zip")))
                .collect();
            let zip2004 = mine2004
                .first()
                .map(|z| z.to_string())
                .or_else(|| all2004.first().cloned())
                .unwrap_or_default();
            // One SCORM 2004 package per module: the folder, not one module's zip.
            let lms2004 = if mine2004.len() > 1 || (mine2004.is_empty() && all2004.len() > 1) {
                loc.text_with("bundle-lms-2004-modules", &names())
            } else {
                loc.text_with(
                    "bundle-lms-2004",
                    &i18n::args(&[("file", zip2004.clone().into())]),
                )
            };
            minijinja::context! {
                tag => l.to_string(),
                name => endonym(&built.messages, l),
                title => loc.text("course-title"),
                open => loc.text("bundle-open-site"),
                href => format!("site/{l}/index.html"),
                lms_title => loc.text("bundle-lms-title"),
                lms => loc.text_with("bundle-lms", &i18n::args(&[("file", zip12.clone().into())])),
                lms2004 => lms2004,
                zip12 => zip12,
                zip2004 => zip2004,
                check => loc.text_with("bundle-check", &names()),
            }
        })
        .collect();
    let source = built.messages.localizer(&built.course.config.source_locale);
    let ctx = minijinja::context! {
        ui_lang => built.course.config.source_locale.clone(),
        title => source.text("course-title"),
        version => built.course.config.version.clone(),
        choices => choices,
    };
    let versions: Vec<ScormVersion> = [ScormVersion::Scorm12, ScormVersion::Scorm2004]
        .into_iter()
        .filter(|v| parts.contains_key(v.dir_name()))
        .collect();
    if !versions.is_empty() {
        tree.insert(
            crate::output::scorm::moodle::FILE.into(),
            crate::output::scorm::moodle::card(built, &versions, locales).into_bytes(),
        );
    }
    let start = env
        .get_template("start.html")
        .and_then(|t| t.render(ctx))
        .map_err(|e| vec![crate::render::template_error(e)])?;
    tree.insert(START.into(), start.into_bytes());
    tree.insert(
        "README.txt".into(),
        readme(built, locales, &tree).into_bytes(),
    );
    let sums = sums(&tree);
    tree.insert(SUMS.into(), sums.into_bytes());
    Ok(tree)
}

fn readme(built: &Built, locales: &[&str], tree: &Tree) -> String {
    let mut out = String::new();
    let zips: Vec<&String> = tree.keys().filter(|k| k.ends_with(".zip")).collect();
    for l in locales {
        let loc = built.messages.localizer(l);
        let title = format!(
            "{} ({}), {}",
            loc.text("course-title"),
            endonym(&built.messages, l),
            built.course.config.version
        );
        out.push_str(&format!(
            "{title}\n{}\n\n",
            "=".repeat(title.chars().count())
        ));
        for id in [
            "bundle-readme-open",
            "bundle-readme-lms",
            "bundle-readme-check",
        ] {
            out.push_str(&loc.text_with(id, &names()));
            out.push_str("\n\n");
        }
    }
    out.push_str("----\n");
    for z in zips {
        out.push_str(&format!("{z}\n"));
    }
    out.replace('\n', "\r\n")
}

/// `<sha256>  <path>` for every file, sorted; the format `sha256sum -c` reads.
pub fn sums(tree: &Tree) -> String {
    let mut out = String::new();
    for (path, bytes) in tree {
        if path == SUMS {
            continue;
        }
        out.push_str(&format!("{}  {path}\n", hex(&Sha256::digest(bytes))));
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What differs between a bundle folder (a stick) and its SHA256SUMS.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub missing: Vec<String>,
    pub changed: Vec<String>,
    pub extra: Vec<String>,
    /// Symbolic links, FIFOs, devices, sockets: never in a bundle darslik
    /// makes, never followed or read.
    pub not_plain: Vec<String>,
}

impl Report {
    pub fn is_whole(&self) -> bool {
        self.missing.is_empty()
            && self.changed.is_empty()
            && self.extra.is_empty()
            && self.not_plain.is_empty()
    }
}

/// The largest SHA256SUMS read: a line per file, about 100 bytes each; a
/// bundle holds thousands of files, not hundreds of thousands.
const MAX_SUMS_BYTES: u64 = 16 << 20;

/// Compares a bundle folder with its SHA256SUMS. Nothing in the folder is
/// trusted: a symbolic link (to a file or a folder, inside or outside the
/// bundle), a FIFO or a device is reported as not a plain file and never
/// followed, opened or read; files are hashed as they are read, not loaded.
pub fn verify(dir: &Path) -> Result<Report, String> {
    let sums_path = dir.join(SUMS);
    let sums = open_plain(&sums_path)
        .map_err(|e| match e {
            NotPlain::Kind(kind) => format!(
                "{} is not a plain file ({kind}); copy the bundle again",
                sums_path.display()
            ),
            NotPlain::Io(e) => format!(
                "{} has no readable {SUMS} ({e}); is it a darslik bundle?",
                dir.display()
            ),
        })
        .and_then(|file| {
            let mut text = String::new();
            file.take(MAX_SUMS_BYTES + 1)
                .read_to_string(&mut text)
                .map_err(|e| format!("cannot read {}: {e}", sums_path.display()))?;
            if text.len() as u64 > MAX_SUMS_BYTES {
                return Err(format!(
                    "{} is larger than {} MB: it is not the list darslik wrote; copy the \
                     bundle again",
                    sums_path.display(),
                    MAX_SUMS_BYTES >> 20
                ));
            }
            Ok(text)
        })?;
    let mut listed = BTreeMap::new();
    for line in sums.lines().filter(|l| !l.trim().is_empty()) {
        let Some((hash, path)) = line.split_once("  ") else {
            return Err(format!(
                "{SUMS} has a line that is not `<sha256>  <file>`: {line}"
            ));
        };
        listed.insert(path.to_string(), hash.to_string());
    }
    let mut report = Report::default();
    let mut present = BTreeMap::new();
    // follow_links(false): a link to a folder is listed as a link, and the
    // walk never leaves the bundle through it.
    for e in walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let e = e.map_err(|e| e.to_string())?;
        if e.depth() == 0 || e.file_type().is_dir() {
            continue;
        }
        let rel = e
            .path()
            .strip_prefix(dir)
            .map_err(|e| e.to_string())?
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if !e.file_type().is_file() {
            report.not_plain.push(rel);
            continue;
        }
        if rel == SUMS {
            continue;
        }
        present.insert(rel, e.path().to_path_buf());
    }
    for (path, hash) in &listed {
        if report.not_plain.contains(path) {
            continue;
        }
        match present.get(path) {
            None => report.missing.push(path.clone()),
            Some(p) => match hash_file(p) {
                Ok(found) if found == *hash => {}
                Ok(_) => report.changed.push(path.clone()),
                // Swapped for a link or a FIFO since the walk.
                Err(NotPlain::Kind(_)) => report.not_plain.push(path.clone()),
                Err(NotPlain::Io(e)) => return Err(format!("cannot read {path}: {e}")),
            },
        }
    }
    for path in present.keys() {
        if !listed.contains_key(path) {
            report.extra.push(path.clone());
        }
    }
    report.not_plain.sort();
    Ok(report)
}

/// SHA-256 of a plain file, read in blocks (a bundle's zips may be large).
fn hash_file(path: &Path) -> Result<String, NotPlain> {
    let mut file = open_plain(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 << 10];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(NotPlain::Io(e)),
        }
    }
    Ok(hex(&hasher.finalize()))
}

/// The USB bundle as a build output, made from the site and SCORM trees
/// the writer kept.
pub struct BundleOutput;

impl crate::build::Output for BundleOutput {
    fn name(&self) -> &'static str {
        "bundle"
    }

    fn make(
        &mut self,
        built: &mut Built,
        w: &mut crate::build::Writer<'_>,
    ) -> Result<(), crate::build::Failure> {
        use super::Format;
        let locales: Vec<&str> = built.locales.iter().map(String::as_str).collect();
        let parts = w
            .kept()
            .iter()
            .filter(|(f, _)| matches!(f, Format::Site | Format::Scorm12 | Format::Scorm2004))
            .map(|(f, t)| (f.dir(), t))
            .collect();
        let t = tree(built, &parts, &locales)?;
        w.tree(Format::Bundle, t)
    }
}

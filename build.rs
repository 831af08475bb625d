//! Embeds the default theme (themes/default) into the binary, so darslik works
//! from any folder.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Files the code loads by name (templates rendered directly, scripts and
/// styles the pages link). Without them the binary would build and then fail
/// on every course with "template not found", so their absence stops the build.
const REQUIRED: &[&str] = &[
    "templates/home.html",
    "templates/module.html",
    "templates/page.html",
    "templates/chooser.html",
    "templates/search.html",
    "templates/results.html",
    "templates/results-section.html",
    "templates/start.html",
    "templates/module-doc.html",
    "static/style.css",
    "static/quiz.css",
    "static/quiz.js",
    "static/forms.js",
    "static/assess.js",
    "static/scenario.js",
    "static/darslik.js",
    "static/search.js",
    "static/search-more.js",
    "static/scorm.js",
    "static/scorm-state.js",
    "static/progress.js",
    "static/paging.js",
    "static/records.js",
    "static/results.js",
    "locales/en/theme.ftl",
];

fn main() {
    // Read at run time, not with env!(): cargo reuses a compiled build script
    // across clones that share a CARGO_TARGET_DIR, and a path fixed at compile
    // time pointed into the first clone (deleted: the theme came out empty).
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .expect("cargo sets CARGO_MANIFEST_DIR for build scripts");
    let root = PathBuf::from(manifest).join("themes").join("default");
    println!("cargo:rerun-if-changed={}", root.display());
    check_required(&root);
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from(
        "/// The default theme: (path inside the theme, bytes).\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for (rel, abs) in &files {
        println!("cargo:rerun-if-changed={abs}");
        let _ = writeln!(out, "    ({rel:?}, include_bytes!({abs:?})),");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo"))
        .join("default_theme.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

/// Stops the build, naming every missing file, if the theme is incomplete.
fn check_required(root: &Path) {
    if !root.join("templates").is_dir() {
        fail(&format!(
            "darslik embeds its default theme, but {} is missing.\n\
             Restore it from git (git checkout -- themes/default).",
            root.join("templates").display()
        ));
    }
    let missing: Vec<&str> = REQUIRED
        .iter()
        .copied()
        .filter(|rel| !root.join(rel).is_file())
        .collect();
    if !missing.is_empty() {
        fail(&format!(
            "darslik embeds its default theme, but these files are missing from {}:\n  {}\n\
             Restore them from git (git checkout -- themes/default).",
            root.display(),
            missing.join("\n  ")
        ));
    }
}

/// Ends the build script with `message` on stderr, which cargo shows under
/// the failed build. Not a panic: a backtrace would bury the message.
fn fail(message: &str) -> ! {
    eprintln!("\n{message}\n");
    std::process::exit(1);
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the theme folder {}: {e}", dir.display()));
    for entry in entries {
        let entry =
            entry.unwrap_or_else(|e| panic!("cannot read the theme folder {}: {e}", dir.display()));
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            if !rel.starts_with('.') && !rel.contains("/.") {
                files.push((rel, path.display().to_string()));
            }
        }
    }
}

//! Shared helpers for the integration tests: copy a fixture course into a
//! temporary folder, edit it, build it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fresh copy of a fixture course.
pub fn copy_fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(name), dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk fixture");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(p, text).expect("write");
}

pub fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

/// Run the darslik binary.
pub fn darslik(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_darslik"))
        .args(args)
        .output()
        .expect("run darslik")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Build the course into `<root>/dist` (site only), returning the process output.
pub fn build_site(root: &Path) -> Output {
    let course = root.to_string_lossy().into_owned();
    darslik(&["build", "--course", &course, "--format", "site", "--quiet"])
}

/// Errors of a course as (code, file, line, column).
pub fn errors(root: &Path) -> Vec<(String, String, usize, usize)> {
    match darslik::pipeline::build(root) {
        Ok(_) => Vec::new(),
        Err(d) => d
            .errors()
            .map(|e| {
                (
                    e.code.to_string(),
                    e.file.clone().unwrap_or_default(),
                    e.line.unwrap_or(0),
                    e.column.unwrap_or(0),
                )
            })
            .collect(),
    }
}

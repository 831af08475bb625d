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
        .env("DARSLIK_LANG", "en")
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
    match darslik::build::whole(root) {
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

/// Every file of every output as text: zip entries opened, and the SVG data
/// URIs of single-file modules decoded (base64 would hide a payload).
pub fn all_output_text(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !dir.exists() {
        return out;
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let name = entry.path().display().to_string();
        if name.ends_with(".zip") {
            for (inner, data) in darslik::output::zipper::read_zip(&bytes).unwrap() {
                out.push((
                    format!("{name}!{inner}"),
                    String::from_utf8_lossy(&data).into_owned(),
                ));
            }
        } else {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            for (i, uri) in text.split("data:image/svg+xml;base64,").skip(1).enumerate() {
                let b64: String = uri
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
                    .collect();
                out.push((format!("{name}#svg{i}"), unbase64(&b64)));
            }
            out.push((name, text));
        }
    }
    out
}

fn unbase64(s: &str) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().take_while(|c| *c != b'=') {
        let v = A.iter().position(|a| *a == c).unwrap() as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A problem `check --format json` reports: (code, file, line, column, message).
pub type Problem = (String, String, u64, u64, String);

/// Check the course as JSON: every error and warning.
pub fn problems(root: &Path) -> Vec<Problem> {
    let course = root.to_string_lossy().into_owned();
    let o = darslik(&["check", "--course", &course, "--format", "json"]);
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("json: {e}\n{}", stderr(&o)));
    let mut out = Vec::new();
    for kind in ["errors", "warnings"] {
        for d in v[kind].as_array().into_iter().flatten() {
            out.push((
                d["code"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or_default().to_string(),
            ));
        }
    }
    out
}

/// Asserts that `code` is reported at `file:line:col`.
pub fn has_problem(p: &[Problem], code: &str, file: &str, line: u64, col: u64) {
    assert!(
        p.iter()
            .any(|(c, f, l, k, _)| c == code && f == file && *l == line && *k == col),
        "{code} at {file}:{line}:{col} not reported; got {p:#?}"
    );
}

/// An apostrophe-like character people type for `ʻ` and `ʼ`.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`' | 'ʻ' | 'ʼ' | '´')
}

/// The canonical 1995 spelling of a Latin fixture entry: any apostrophe after
/// o/g is ʻ, any other is ʼ; 2026 and draft letters are read as 1995 letters.
pub fn canonical_1995(s: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let caps = chars.iter().filter(|c| c.is_alphabetic()).count() > 1
        && chars
            .iter()
            .filter(|c| c.is_alphabetic() && c.to_lowercase().next() != c.to_uppercase().next())
            .all(|c| c.is_uppercase());
    for (i, &c) in chars.iter().enumerate() {
        let h = |lower: &str, upper: &str| {
            if caps {
                upper.to_string()
            } else {
                lower.to_string()
            }
        };
        match c {
            'ö' | 'õ' | 'ō' | 'ŏ' => out.push_str("oʻ"),
            'Ö' | 'Õ' | 'Ō' | 'Ŏ' => out.push_str("Oʻ"),
            'ğ' | 'ḡ' => out.push_str("gʻ"),
            'Ğ' | 'Ḡ' => out.push_str("Gʻ"),
            'ş' => out.push_str("sh"),
            'Ş' => out.push_str(&h("Sh", "SH")),
            'ç' => out.push_str("ch"),
            'Ç' => out.push_str(&h("Ch", "CH")),
            '\u{0308}' | '\u{0303}' | '\u{0304}' | '\u{0306}' => out.push('ʻ'),
            '\u{0327}' => out.push('h'),
            _ if is_apostrophe(c) => {
                let prev = if i > 0 { chars[i - 1] } else { ' ' };
                if matches!(prev, 'o' | 'g' | 'O' | 'G') {
                    out.push('ʻ');
                } else {
                    out.push('ʼ');
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// The repository root (the sample course).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the repository, by its path from the root.
pub fn read_repo_file(rel: &str) -> String {
    let p = repo_root().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

//! The parallel build gives the same bytes as a single-threaded one.

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file() && !e.path().ends_with(".darslik-lock"))
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn one_thread_and_many_threads_write_the_same_bytes() {
    // The default formats write site pages as they render; with the bundle
    // the site is made as a whole first: both ways, in both orders of work.
    for formats in [
        "site,scorm12,scorm2004",
        "site,scorm12,scorm2004,bundle,single",
    ] {
        same_bytes(formats);
    }
}

fn same_bytes(formats: &str) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let outs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    // The third build makes the search indexes as on a large course: one
    // locale after another, each read while the previous one is assembled,
    // the pages rendered beside the last (the sample course is small).
    for (threads, out, one_by_one) in [
        ("1", &outs[0], false),
        ("4", &outs[1], false),
        ("4", &outs[2], true),
    ] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_darslik"))
            .env("DARSLIK_LANG", "en")
            .args([
                "build",
                "--course",
                &root.to_string_lossy(),
                "--out",
                &out.path().to_string_lossy(),
                "--format",
                formats,
                "--quiet",
            ])
            .env("RAYON_NUM_THREADS", threads)
            .env(
                "DARSLIK_SEARCH_SIDE_BY_SIDE_BELOW",
                if one_by_one { "0" } else { "50331648" },
            )
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let a = tree(outs[0].path());
    assert!(a.len() > 50, "{formats}: {} files", a.len());
    for (other, how) in [
        (1, "4 threads"),
        (2, "4 threads, indexes one locale at a time"),
    ] {
        let b = tree(outs[other].path());
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        for (k, v) in &a {
            assert!(
                b[k] == *v,
                "{k} differs between 1 thread and {how} ({formats})"
            );
        }
    }
}

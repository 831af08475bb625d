//! A small course with a fuzzed page, its fuzzed Uzbek translation and a
//! fuzzed Uzbek .ftl, through `build::whole`: Ok or Err(diagnostics), never
//! a panic. The course also has a generated `uz-Cyrl` locale, so the Uzbek
//! texts go through transliteration too. Input: the three texts separated by
//! the byte 0x1E (record separator); a missing part leaves that file out.
//!
//! The course lives in a folder under /dev/shm (a tmpfs) made once per process.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const PAGE: &str = "content/en/m/01-a.md";
const TRANSLATION: &str = "content/uz/m/01-a.md";
const FTL: &str = "locales/uz/course.ftl";

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write");
}

fn course() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let base = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let root = base.join(format!("darslik-fuzz-course-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        write(
            &root,
            "course.toml",
            b"[course]\nid = \"fuzz\"\nversion = \"1.0.0\"\nsource_locale = \"en\"\nlocales = [\"en\", \"uz\"]\nmodules = [\"m\"]\n\n[locales.uz-Cyrl]\ngenerate = \"translit:uz\"\n",
        );
        write(&root, "content/en/index.md", b"+++\ntitle = \"Home\"\n+++\n\nStart with [the module](m/index.md).\n");
        write(
            &root,
            "content/en/m/index.md",
            b"+++\ntitle = \"Module\"\n+++\n\n## Outcomes {#outcomes}\n\nRead [page A](01-a.md).\n",
        );
        write(
            &root,
            "content/en/m/pic.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>",
        );
        write(&root, "content/uz/index.md", "+++\ntitle = \"Bosh sahifa\"\n+++\n\nOʻquv kursi.\n".as_bytes());
        write(&root, "locales/en/course.ftl", b"course-title = Fuzz\n");
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let root = course();
    let mut parts = data.splitn(3, |b| *b == 0x1e);
    let page = parts.next().unwrap_or_default();
    write(root, PAGE, page);
    for rel in [TRANSLATION, FTL] {
        match parts.next() {
            Some(bytes) => write(root, rel, bytes),
            None => {
                let _ = std::fs::remove_file(root.join(rel));
            }
        }
    }
    match darslik::build::whole(root) {
        Ok(built) => {
            for d in &built.diagnostics.items {
                assert!(!d.is_error());
                let _ = d.render();
            }
        }
        Err(diags) => {
            assert!(diags.has_errors());
            for d in diags.items.iter().take(20) {
                assert!(d.line.is_none_or(|l| l >= 1) && d.column.is_none_or(|c| c >= 1), "{d:?}");
                let _ = d.render();
            }
        }
    }
});

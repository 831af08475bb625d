//! What an academy uploads: SCORM packages of the sample course pass the
//! Moodle pre-flight, list every file, are byte-identical from build to build,
//! and `darslik verify` names what Moodle would reject.

mod common;
use common::*;
use std::io::Write as _;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build_scorm(course: &Path, out: &Path) {
    let (c, o) = (
        course.to_string_lossy().into_owned(),
        out.to_string_lossy().into_owned(),
    );
    let r = darslik(&[
        "build",
        "--course",
        &c,
        "--out",
        &o,
        "--format",
        "scorm12,scorm2004",
        "--quiet",
    ]);
    assert!(r.status.success(), "{}", stderr(&r));
}

fn zips(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    v.sort();
    v
}

#[test]
fn sample_course_packages_pass_the_preflight_and_list_every_file() {
    let out = tempfile::tempdir().unwrap();
    build_scorm(&repo(), out.path());
    for version in ["scorm12", "scorm2004"] {
        let files = zips(&out.path().join(version));
        let names: Vec<String> = files
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        // SCORM 1.2: one package of every module per locale; SCORM 2004
        // one per module (course.toml: package_2004 = "module").
        let want: Vec<String> = if version == "scorm12" {
            ["en", "ru", "uz-Cyrl", "uz"]
                .iter()
                .map(|l| format!("tip-uz-{l}.zip"))
                .collect()
        } else {
            let mut v: Vec<String> = ["module-06", "module-07", "case-digest"]
                .iter()
                .flat_map(|m| {
                    ["en", "ru", "uz-Cyrl", "uz"]
                        .iter()
                        .map(move |l| format!("tip-uz-{m}-{l}.zip"))
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(names, want, "{version}");
        for zip in files {
            let bytes = std::fs::read(&zip).unwrap();
            let problems = darslik::output::scorm::preflight::preflight(&bytes);
            assert!(problems.is_empty(), "{}: {problems:?}", zip.display());
            let entries = darslik::output::zipper::read_zip(&bytes).unwrap();
            let manifest = entries
                .iter()
                .find(|(n, _)| n == "imsmanifest.xml")
                .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
                .expect("manifest at root");
            // One SCO per module, launch files present, every file listed.
            for module in ["module-06", "module-07", "case-digest"] {
                if version == "scorm2004" && !zip.to_string_lossy().contains(module) {
                    continue;
                }
                assert!(
                    manifest.contains(&format!("href=\"{module}.html\"")),
                    "{module} launch in {}",
                    zip.display()
                );
                assert!(entries.iter().any(|(n, _)| *n == format!("{module}.html")));
            }
            for (name, _) in &entries {
                if name != "imsmanifest.xml" {
                    assert!(
                        manifest.contains(&format!("href=\"{name}\"")),
                        "{name} not listed in {}",
                        zip.display()
                    );
                }
            }
            // Identifiers are unique.
            let ids: Vec<&str> = manifest
                .split("identifier=\"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap())
                .collect();
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(ids.len(), unique.len(), "duplicate identifiers: {ids:?}");
            let schema = if version == "scorm12" {
                "<schemaversion>1.2</schemaversion>"
            } else {
                "<schemaversion>2004 4th Edition</schemaversion>"
            };
            assert!(manifest.contains(schema));
        }
    }
}

#[test]
fn packages_are_byte_identical_from_build_to_build() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build_scorm(&repo(), a.path());
    build_scorm(&repo(), b.path());
    for version in ["scorm12", "scorm2004"] {
        for zip in zips(&a.path().join(version)) {
            let other = b.path().join(version).join(zip.file_name().unwrap());
            assert_eq!(
                std::fs::read(&zip).unwrap(),
                std::fs::read(&other).unwrap(),
                "{} differs",
                zip.display()
            );
        }
    }
}

#[test]
fn module_and_multilingual_modes_name_their_zips() {
    let dir = copy_fixture("basic");
    let toml = read(dir.path(), "course.toml");
    write(
        dir.path(),
        "course.toml",
        &format!("{toml}\n[scorm]\npackage = \"module\"\n"),
    );
    let out = dir.path().join("out");
    build_scorm(dir.path(), &out);
    let names: Vec<String> = zips(&out.join("scorm12"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.contains(&"fixture-module-a-ru.zip".to_string()),
        "{names:?}"
    );
    assert_eq!(names.len(), 6);

    write(
        dir.path(),
        "course.toml",
        &format!("{toml}\n[scorm]\nmultilingual = true\n"),
    );
    build_scorm(dir.path(), &out);
    let names = |v: &str| -> Vec<String> {
        zips(&out.join(v))
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names("scorm12"), ["fixture.zip"]);
    assert_eq!(
        names("scorm2004"),
        ["fixture-module-a.zip", "fixture-module-b.zip"]
    );
    let bytes = std::fs::read(out.join("scorm12/fixture.zip")).unwrap();
    let entries = darslik::output::zipper::read_zip(&bytes).unwrap();
    let doc = entries
        .iter()
        .find(|(n, _)| n == "module-a.html")
        .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
        .unwrap();
    for l in ["en", "ru", "uz"] {
        assert!(
            doc.contains(&format!("class=\"doc-locale\" data-locale=\"{l}\"")),
            "{l} in the multilingual SCO"
        );
    }
    // Ids stay unique although the same page appears in several locales.
    assert!(doc.contains("id=\"ru-02-two-target\"") && doc.contains("id=\"uz-02-two-target\""));
    assert!(
        entries
            .iter()
            .any(|(n, _)| n == "assets/uz/module-a/pic.svg")
    );
}

fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        for (name, text) in files {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap();
    }
    buf.into_inner()
}

fn verify(bytes: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.zip");
    std::fs::write(&p, bytes).unwrap();
    let o = darslik(&["verify", &p.to_string_lossy()]);
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

#[test]
fn verify_explains_what_moodle_would_reject() {
    // A good package passes.
    let out = tempfile::tempdir().unwrap();
    build_scorm(&repo(), out.path());
    let good = std::fs::read(out.path().join("scorm12/tip-uz-en.zip")).unwrap();
    let (code, text) = verify(&good);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("ready for Moodle"));

    let entries = darslik::output::zipper::read_zip(&good).unwrap();
    let manifest = entries
        .iter()
        .find(|(n, _)| n == "imsmanifest.xml")
        .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
        .unwrap();

    let (code, text) = verify(&zip_of(&[("index.html", "<p>hi</p>")]));
    assert_eq!(code, 1);
    assert!(text.contains("missing imsmanifest.xml"), "{text}");

    let (code, text) = verify(&zip_of(&[("course/imsmanifest.xml", &manifest)]));
    assert_eq!(code, 1);
    assert!(text.contains("not in the root of your zip file"), "{text}");

    // The manifest lists module-06.html etc., which this zip lacks.
    let (code, text) = verify(&zip_of(&[("imsmanifest.xml", &manifest)]));
    assert_eq!(code, 1);
    assert!(text.contains("module-06.html"), "{text}");

    let mut files: Vec<(String, String)> = entries
        .iter()
        .map(|(n, d)| (n.clone(), String::from_utf8_lossy(d).into_owned()))
        .collect();
    files.push(("notes & draft.txt".into(), "x".into()));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let (code, text) = verify(&zip_of(&refs));
    assert_eq!(code, 1);
    assert!(text.contains("notes & draft.txt"), "{text}");
}

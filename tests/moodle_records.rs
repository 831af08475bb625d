//! What makes Moodle's records right (issue 18), as far as the build decides
//! it: SCORM 2004 packages one per module unless asked (with the reason
//! said), `complete_when` carried to the SCO, the 2004 pass mark and every
//! locale's titles in the manifests, and the `MOODLE.md` settings card.
//! The SCO runtime is tested in tests/browser/scorm.test.mjs and in a real
//! Moodle by tests/moodle/walk.py.

mod common;
use common::*;
use std::path::Path;
use std::process::Output;

fn with_scorm(root: &Path, table: &str) {
    let toml = read(root, "course.toml");
    write(root, "course.toml", &format!("{toml}\n[scorm]\n{table}\n"));
}

fn build(root: &Path, formats: &str) -> Output {
    let (c, o) = (
        root.to_string_lossy().into_owned(),
        root.join("out").to_string_lossy().into_owned(),
    );
    darslik(&["build", "--course", &c, "--out", &o, "--format", formats])
}

fn names(root: &Path, version: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root.join("out").join(version))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn entry(zip: &Path, name: &str) -> String {
    let bytes = std::fs::read(zip).unwrap();
    let entries = darslik::output::zipper::read_zip(&bytes).unwrap();
    entries
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
        .unwrap_or_else(|| panic!("{name} in {}", zip.display()))
}

#[test]
fn scorm2004_is_one_package_per_module_unless_asked_and_the_build_says_why() {
    // No [scorm] table: SCORM 1.2 keeps one package per locale, SCORM 2004
    // gets one per module, and the build says why, at course.toml.
    let dir = copy_fixture("basic");
    let r = build(dir.path(), "scorm12,scorm2004");
    let err = stderr(&r);
    assert!(r.status.success(), "{err}");
    assert!(err.contains("warning[scorm2004-course-package]"), "{err}");
    assert!(err.contains("course.toml:"), "{err}");
    assert!(err.contains("records only the first module"), "{err}");
    assert_eq!(
        names(dir.path(), "scorm12"),
        ["fixture-en.zip", "fixture-ru.zip", "fixture-uz.zip"]
    );
    assert_eq!(
        names(dir.path(), "scorm2004"),
        [
            "fixture-module-a-en.zip",
            "fixture-module-a-ru.zip",
            "fixture-module-a-uz.zip",
            "fixture-module-b-en.zip",
            "fixture-module-b-ru.zip",
            "fixture-module-b-uz.zip"
        ]
    );

    // Not said when no SCORM 2004 package is made.
    let r = build(dir.path(), "site,scorm12");
    assert!(r.status.success());
    assert!(
        !stderr(&r).contains("scorm2004-course-package"),
        "{}",
        stderr(&r)
    );

    // Asked for one 2004 package: made, and warned about at that line.
    let dir = copy_fixture("basic");
    with_scorm(dir.path(), "package_2004 = \"course\"");
    let r = build(dir.path(), "scorm2004");
    let err = stderr(&r);
    assert!(r.status.success(), "{err}");
    assert!(err.contains("warning[scorm2004-course-package]"), "{err}");
    assert!(err.contains("package_2004 = \"course\""), "{err}");
    assert!(
        err.contains("SCORM 1.2"),
        "the hint names the way out: {err}"
    );
    assert_eq!(
        names(dir.path(), "scorm2004"),
        ["fixture-en.zip", "fixture-ru.zip", "fixture-uz.zip"]
    );

    // Said plainly: no warning.
    let dir = copy_fixture("basic");
    with_scorm(dir.path(), "package_2004 = \"module\"");
    let r = build(dir.path(), "scorm12,scorm2004");
    assert!(!stderr(&r).contains("scorm2004-course-package"));
}

#[test]
fn complete_when_reaches_the_sco_and_a_wrong_value_is_named() {
    let dir = copy_fixture("basic");
    let doc = |root: &Path| {
        entry(
            &root.join("out/scorm2004/fixture-module-a-en.zip"),
            "module-a.html",
        )
    };
    let r = build(dir.path(), "scorm2004");
    assert!(r.status.success(), "{}", stderr(&r));
    assert!(doc(dir.path()).contains("data-complete-when=\"passed\""));

    with_scorm(
        dir.path(),
        "package_2004 = \"module\"\ncomplete_when = \"seen\"",
    );
    let r = build(dir.path(), "scorm2004");
    assert!(r.status.success(), "{}", stderr(&r));
    assert!(doc(dir.path()).contains("data-complete-when=\"seen\""));

    let dir = copy_fixture("basic");
    with_scorm(dir.path(), "complete_when = \"sometimes\"");
    let r = build(dir.path(), "scorm2004");
    let err = stderr(&r);
    assert!(!r.status.success());
    assert!(err.contains("error[config-scorm-option]"), "{err}");
    assert!(err.contains("complete_when = \"sometimes\""), "{err}");
    assert!(err.contains("\"passed\" or \"seen\""), "{err}");
    // File, line and column of the value.
    let line = read(dir.path(), "course.toml")
        .lines()
        .position(|l| l.contains("sometimes"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("course.toml:{line}:17")), "{err}");
}

#[test]
fn manifests_carry_the_pass_mark_and_every_locales_title() {
    // The sample course: every module has questions; mastery 70.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_string_lossy().into_owned();
    let r = darslik(&[
        "build",
        "--course",
        env!("CARGO_MANIFEST_DIR"),
        "--out",
        &out,
        "--format",
        "scorm12,scorm2004",
        "--quiet",
    ]);
    assert!(r.status.success(), "{}", stderr(&r));
    let m04 = entry(
        &dir.path().join("scorm2004/tip-uz-module-06-en.zip"),
        "imsmanifest.xml",
    );
    assert!(
        m04.contains("<imsss:primaryObjective satisfiedByMeasure=\"true\">"),
        "{m04}"
    );
    assert!(m04.contains("<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>"));
    let m12 = entry(&dir.path().join("scorm12/tip-uz-en.zip"), "imsmanifest.xml");
    assert_eq!(
        m12.matches("<adlcp:masteryscore>70</adlcp:masteryscore>")
            .count(),
        3
    );

    // A multilingual package is titled in each of its languages.
    let dir = copy_fixture("basic");
    with_scorm(dir.path(), "multilingual = true\npackage_2004 = \"module\"");
    let r = build(dir.path(), "scorm12,scorm2004");
    assert!(r.status.success(), "{}", stderr(&r));
    for zip in ["scorm12/fixture.zip", "scorm2004/fixture-module-a.zip"] {
        let m = entry(&dir.path().join("out").join(zip), "imsmanifest.xml");
        assert!(
            m.contains("Учебный курс") && m.contains("Oʻquv kursi") && m.contains("Fixture"),
            "{zip}: {m}"
        );
    }
}

#[test]
fn the_build_writes_a_moodle_settings_card_in_every_locale() {
    let dir = copy_fixture("basic");
    let r = build(dir.path(), "site");
    assert!(r.status.success());
    assert!(
        !dir.path().join("out/MOODLE.md").exists(),
        "no SCORM, no card"
    );
    let r = build(dir.path(), "scorm12,scorm2004,bundle");
    assert!(r.status.success(), "{}", stderr(&r));
    let card = read(dir.path(), "out/MOODLE.md");
    assert_eq!(card, read(dir.path(), "out/bundle/MOODLE.md"));
    // A section per locale, in its own words, naming that locale's zips.
    for (l, heading, grading) in [
        ("en", "## English", "| Grading method | Learning objects |"),
        ("ru", "## Русский", "| Метод оценивания (Grading method) |"),
        ("uz", "## Oʻzbekcha", "| Baholash usuli (Grading method) |"),
    ] {
        assert!(card.contains(heading), "{l}: {card}");
        assert!(card.contains(grading), "{l}: {card}");
        assert!(card.contains(&format!("`scorm12/fixture-{l}.zip`")), "{l}");
        assert!(
            card.contains(&format!("`scorm2004/fixture-module-b-{l}.zip`")),
            "{l}"
        );
    }
    // The settings of the Moodle walk (../shared/moodle/lib/import.php).
    for setting in [
        "| Number of attempts | Unlimited |",
        "| Attempts grading | Highest attempt |",
        "| Force completed | No |",
        "| Force new attempt | No |",
        "| Display package | Current window |",
        "Pass mark: 70 %",
    ] {
        assert!(card.contains(setting), "{setting}");
    }
    // The bundle's start page points at the folder, not at one module.
    let start = read(dir.path(), "out/bundle/START.html");
    assert!(start.contains("one package per module"), "{start}");
}

//! Pre-flight tests on whole packages: good ones, and each way one can break.

use super::*;
use crate::output::scorm::manifest::{PackageSpec, Sco, ScormVersion, manifest_xml};
use crate::output::zipper::{ZipEntry, write_zip};

fn spec() -> (PackageSpec, Vec<String>) {
    let scos = (0..3)
        .map(|i| Sco {
            identifier: format!("module-{:02}", i + 6),
            title: format!("Modul {i}: Oʻzbekcha & <b> \"x\" 'y'"),
            href: format!("module-{:02}/index.html", i + 6),
            files: vec![
                format!("module-{:02}/index.html", i + 6),
                format!("module-{:02}/img/chart.svg", i + 6),
            ],
            scored: true,
        })
        .collect();
    let spec = PackageSpec {
        titles: vec![],
        identifier: "tip-uz-ru".into(),
        version: "1.0.0".into(),
        title: "Торговля людьми & <доказательства>".into(),
        lang: "ru".into(),
        scos,
        mastery_score: Some(70),
    };
    (
        spec,
        vec!["shared/darslik.css".into(), "shared/scorm-state.js".into()],
    )
}

/// A good package; `edit` may change the manifest text and the file list.
fn package(
    version: ScormVersion,
    edit: impl FnOnce(&mut String, &mut Vec<(String, Vec<u8>)>),
) -> Vec<u8> {
    let (spec, shared) = spec();
    let mut manifest = manifest_xml(version, &spec, &shared);
    let mut files: Vec<(String, Vec<u8>)> = spec
        .scos
        .iter()
        .flat_map(|s| s.files.clone())
        .chain(shared)
        .map(|f| (f.clone(), format!("content of {f}").into_bytes()))
        .collect();
    edit(&mut manifest, &mut files);
    let mut entries: Vec<ZipEntry<'_>> = files
        .iter()
        .map(|(p, d)| ZipEntry::new(p.clone(), &d[..]))
        .collect();
    entries.push(ZipEntry::new(MANIFEST, manifest.into_bytes()));
    write_zip(&entries, None).unwrap_or_default()
}

fn codes_of(problems: &[Problem]) -> Vec<Code> {
    problems.iter().map(|p| p.code).collect()
}

fn only(problems: &[Problem], code: Code) -> Problem {
    let hits: Vec<&Problem> = problems.iter().filter(|p| p.code == code).collect();
    assert_eq!(hits.len(), 1, "want one {code}, got {problems:#?}");
    hits[0].clone()
}

#[test]
fn good_packages_have_no_problems() {
    for version in [ScormVersion::Scorm12, ScormVersion::Scorm2004] {
        let zip = package(version, |_, _| {});
        let problems = preflight(&zip);
        assert!(problems.is_empty(), "{version:?}: {problems:#?}");
    }
}

#[test]
fn not_a_zip() {
    for bytes in [&b""[..], b"PK\x03\x04 truncated", b"<html>"] {
        let problems = preflight(bytes);
        assert_eq!(codes_of(&problems), [Code::ZipUnreadable]);
        assert!(problems[0].message.contains(MOODLE_BADARCHIVE));
    }
}

#[test]
fn no_manifest() {
    let zip =
        write_zip(&[ZipEntry::new("index.html", b"<p>hi</p>".to_vec())], None).unwrap_or_default();
    let problems = preflight(&zip);
    let p = only(&problems, Code::ManifestMissing);
    assert!(p.is_error());
    assert!(p.message.contains(MOODLE_NOMANIFEST), "{}", p.message);
    assert_eq!(problems.len(), 1);
}

#[test]
fn manifest_name_in_wrong_case() {
    let zip = write_zip(
        &[ZipEntry::new("IMSManifest.xml", b"<manifest/>".to_vec())],
        None,
    )
    .unwrap_or_default();
    let p = only(&preflight(&zip), Code::ManifestMissing);
    assert!(p.message.contains("IMSManifest.xml"));
}

#[test]
fn manifest_in_a_subfolder() {
    let good = package(ScormVersion::Scorm12, |_, _| {});
    let files = crate::output::zipper::read_zip(&good).unwrap_or_default();
    let nested: Vec<ZipEntry<'_>> = files
        .iter()
        .map(|(p, d)| ZipEntry::new(format!("kurs/{p}"), &d[..]))
        .collect();
    let zip = write_zip(&nested, None).unwrap_or_default();
    let problems = preflight(&zip);
    let p = only(&problems, Code::ManifestNotAtRoot);
    assert!(p.message.contains(MOODLE_BADIMSMANIFESTLOCATION));
    assert!(p.message.contains("`kurs`"));
    assert_eq!(p.file.as_deref(), Some("kurs/imsmanifest.xml"));
    assert_eq!(problems.len(), 1);
}

#[test]
fn listed_file_missing() {
    let zip = package(ScormVersion::Scorm2004, |_, files| {
        files.retain(|(p, _)| p != "module-07/img/chart.svg");
    });
    let problems = preflight(&zip);
    let p = only(&problems, Code::FileMissing);
    assert_eq!(p.file.as_deref(), Some("module-07/img/chart.svg"));
    assert!(p.is_error());
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn launch_file_missing() {
    let zip = package(ScormVersion::Scorm12, |_, files| {
        files.retain(|(p, _)| p != "module-06/index.html");
    });
    let p = only(&preflight(&zip), Code::FileMissing);
    assert_eq!(p.file.as_deref(), Some("module-06/index.html"));
}

#[test]
fn unlisted_file() {
    let zip = package(ScormVersion::Scorm12, |_, files| {
        files.push(("notes/todo.txt".into(), b"x".to_vec()));
    });
    let problems = preflight(&zip);
    let p = only(&problems, Code::FileUnlisted);
    assert_eq!(p.file.as_deref(), Some("notes/todo.txt"));
    assert_eq!(problems.len(), 1);
}

#[test]
fn unsafe_file_names() {
    for bad in [
        "shared/a&b.css",
        "shared/it's.css",
        "shared/x:y.css",
        "shared/a|b.css",
        "shared/a`b.css",
        "shared/a\"b.css",
        "shared/a<b>.css",
        "shared/tab\t.css",
    ] {
        let zip = package(ScormVersion::Scorm12, |manifest, files| {
            *manifest = manifest.replace(
                "shared/darslik.css",
                &quick_xml::escape::escape(bad).replace('\t', "&#9;"),
            );
            for f in files.iter_mut() {
                if f.0 == "shared/darslik.css" {
                    f.0 = bad.to_owned();
                }
            }
        });
        let problems = preflight(&zip);
        let p = only(&problems, Code::FileNameUnsafe);
        assert_eq!(p.file.as_deref(), Some(bad));
        assert!(
            p.message.contains("deletes the characters"),
            "{}",
            p.message
        );
        assert!(
            problems
                .iter()
                .all(|q| [Code::FileNameUnsafe, Code::ManifestCharRef].contains(&q.code)),
            "{bad}: {problems:#?}"
        );
    }
}

#[test]
fn broken_identifierref() {
    let zip = package(ScormVersion::Scorm12, |manifest, _| {
        *manifest = manifest.replacen(
            "identifierref=\"RES-module-07\"",
            "identifierref=\"RES-module-99\"",
            1,
        );
    });
    let problems = preflight(&zip);
    let p = only(&problems, Code::IdentifierrefBroken);
    assert!(p.message.contains(MOODLE_INVALIDMANIFESTRESOURCE));
    assert!(p.message.contains("RES-module-99"));
    assert_eq!(problems.len(), 1, "{problems:#?}");
}

#[test]
fn broken_default_organization_and_dependency() {
    let zip = package(ScormVersion::Scorm2004, |manifest, _| {
        *manifest = manifest
            .replacen("default=\"ORG-tip-uz-ru\"", "default=\"ORG-nope\"", 1)
            .replace(
                "<dependency identifierref=\"RES-shared\"/>",
                "<dependency identifierref=\"RES-gone\"/>",
            );
    });
    let problems = preflight(&zip);
    only(&problems, Code::OrganizationDefaultBroken);
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.code == Code::DependencyBroken)
            .count(),
        3
    );
}

#[test]
fn launch_resource_not_a_sco() {
    let zip = package(ScormVersion::Scorm12, |manifest, _| {
        *manifest = manifest.replace("adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"asset\"");
    });
    let problems = preflight(&zip);
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.code == Code::LaunchNotSco)
            .count(),
        3
    );
    assert!(only(&problems, Code::NoSco).is_error());
}

#[test]
fn adlcp_under_another_prefix() {
    let zip = package(ScormVersion::Scorm2004, |manifest, _| {
        *manifest = manifest
            .replace("xmlns:adlcp=", "xmlns:adl=")
            .replace("adlcp:scormType", "adl:scormType");
    });
    let problems = preflight(&zip);
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.code == Code::ScormtypePrefix)
            .count(),
        3
    );
}

#[test]
fn duplicate_identifier() {
    let zip = package(ScormVersion::Scorm12, |manifest, _| {
        *manifest = manifest.replace("ITEM-module-07", "ITEM-module-06");
    });
    let p = only(&preflight(&zip), Code::IdentifierDuplicate);
    assert!(p.message.contains("ITEM-module-06"));
}

#[test]
fn malformed_manifest() {
    for (broken, why) in [
        ("</organizations>", "mismatched end"),
        ("<resources>", "unclosed"),
        ("&amp;", "undefined entity"),
    ] {
        let zip = package(ScormVersion::Scorm12, |manifest, _| {
            *manifest = match why {
                "undefined entity" => manifest.replacen(broken, "&nbsp;", 1),
                _ => manifest.replacen(broken, "", 1),
            };
        });
        let problems = preflight(&zip);
        let p = only(&problems, Code::ManifestMalformed);
        assert!(p.message.contains("line "), "{why}: {}", p.message);
        assert_eq!(problems.len(), 1, "{why}: {problems:#?}");
    }
}

#[test]
fn bare_ampersand_is_repaired_by_moodle() {
    let zip = package(ScormVersion::Scorm12, |manifest, _| {
        *manifest = manifest.replacen("&amp;", "&", 1);
    });
    let problems = preflight(&zip);
    let p = only(&problems, Code::ManifestMalformed);
    assert!(!p.is_error(), "{}", p.message);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        moodle_amp_fix("a & b &lt; &#39; &nbsp; &x; &toolong;"),
        "a &amp; b &lt; &amp;#39; &nbsp; &amp;x; &amp;toolong;"
    );
}

#[test]
fn version_mismatch_and_missing_schemaversion() {
    let zip = package(ScormVersion::Scorm2004, |manifest, _| {
        *manifest = manifest.replace(
            "<schemaversion>2004 4th Edition</schemaversion>",
            "<schemaversion>1.2</schemaversion>",
        );
    });
    only(&preflight(&zip), Code::ManifestVersionMismatch);

    let zip = package(ScormVersion::Scorm2004, |manifest, _| {
        *manifest = manifest.replace("<schemaversion>2004 4th Edition</schemaversion>", "");
    });
    assert!(only(&preflight(&zip), Code::ManifestSchemaversion).is_error());

    let zip = package(ScormVersion::Scorm12, |manifest, _| {
        *manifest = manifest.replace(
            "<schemaversion>1.2</schemaversion>",
            "<schemaversion> 1.2 </schemaversion>",
        );
    });
    assert!(!only(&preflight(&zip), Code::ManifestSchemaversion).is_error());

    let zip = package(ScormVersion::Scorm12, |manifest, _| {
        *manifest = manifest.replace(NS_CP_12, "http://example.com/not-scorm");
    });
    only(&preflight(&zip), Code::ManifestUnknownVersion);
}

#[test]
fn numeric_character_reference() {
    let zip = package(ScormVersion::Scorm12, |manifest, _| {
        *manifest = manifest.replacen("&apos;", "&#39;", 1);
    });
    let problems = preflight(&zip);
    assert!(!only(&problems, Code::ManifestCharRef).is_error());
    assert_eq!(problems.len(), 1);
}

/// Raw zips the zipper refuses to write: `..`, absolute paths, a
/// non-UTF-8 name without the UTF-8 flag.
#[test]
fn unsafe_paths_and_unflagged_names() {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let good = package(ScormVersion::Scorm12, |_, _| {});
    let files = crate::output::zipper::read_zip(&good).unwrap_or_default();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default();
    let extra: [&[u8]; 4] = [
        b"../evil.html",
        b"/etc/passwd",
        b"shared/\x8f\xe0\xa8.css",
        b"shared\\win.css",
    ];
    for (p, d) in &files {
        if w.start_file(p.as_str(), opts).is_ok() {
            let _ = w.write_all(d);
        }
    }
    for name in extra {
        if w.start_file_with_options(opts.name(name)).is_ok() {
            let _ = w.write_all(b"x");
        }
    }
    let zip = w.finish().map(Cursor::into_inner).unwrap_or_default();
    let problems = preflight(&zip);
    let unsafe_paths: Vec<_> = problems
        .iter()
        .filter(|p| p.code == Code::PathUnsafe)
        .filter_map(|p| p.file.clone())
        .collect();
    assert_eq!(
        unsafe_paths,
        ["../evil.html", "/etc/passwd"],
        "{problems:#?}"
    );
    only(&problems, Code::FileNameEncoding);
    let p = only(&problems, Code::FileNameUnsafe);
    assert_eq!(p.file.as_deref(), Some("shared\\win.css"));
}

/// A symbolic link entry is refused on both paths (the build's and verify's).
#[test]
fn symbolic_link_entries() {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let good = package(ScormVersion::Scorm12, |_, _| {});
    let files = crate::output::zipper::read_zip(&good).unwrap_or_default();
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (p, d) in files.iter().filter(|(p, _)| p != "shared/darslik.css") {
        if w.start_file(p.as_str(), SimpleFileOptions::default())
            .is_ok()
        {
            let _ = w.write_all(d);
        }
    }
    let _ = w.add_symlink(
        "shared/darslik.css",
        "/etc/passwd",
        SimpleFileOptions::default(),
    );
    let zip = w.finish().map(Cursor::into_inner).unwrap_or_default();
    for problems in [
        preflight(&zip),
        check(Cursor::new(&zip[..]), Some(&Limits::DEFAULT)),
    ] {
        let p = only(&problems, Code::FileLink);
        assert_eq!(p.file.as_deref(), Some("shared/darslik.css"));
        assert_eq!(problems.len(), 1, "{problems:#?}");
    }
}

/// Truncated and corrupted packages never panic, on either path.
#[test]
fn damaged_input_never_panics() {
    let good = package(ScormVersion::Scorm2004, |_, _| {});
    for len in (0..good.len()).step_by(7) {
        let _ = preflight(&good[..len]);
        let _ = check(Cursor::new(&good[..len]), Some(&Limits::DEFAULT));
    }
    let mut seed = 0x2545_f491_u32;
    for _ in 0..400 {
        let mut bytes = good.clone();
        for _ in 0..4 {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let i = seed as usize % bytes.len();
            bytes[i] = (seed >> 8) as u8;
        }
        let _ = preflight(&bytes);
        let _ = check(Cursor::new(&bytes[..]), Some(&Limits::DEFAULT));
    }
    // Hostile manifests.
    for text in [
        "",
        "<",
        "<manifest",
        "<?xml version=\"1.0\"?><a/><b/>",
        "<manifest xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"/>",
        "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"><organizations default=\"x\"><organization identifier=\"x\"><item identifier=\"i\" identifierref=\"r\"/></organization></organizations><resources><resource identifier=\"r\" href=\"../../x\"/></resources></manifest>",
        &"<a>".repeat(10_000),
    ] {
        let zip = write_zip(&[ZipEntry::new(MANIFEST, text.as_bytes().to_vec())], None)
            .unwrap_or_default();
        let problems = preflight(&zip);
        assert!(has_errors(&problems), "{text:.60}: {problems:#?}");
    }
}

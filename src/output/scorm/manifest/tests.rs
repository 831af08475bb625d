//! Manifest tests: structure, identifiers, cleaned text, both versions.

use std::collections::HashSet;

use quick_xml::events::Event;

use super::ids::{clean_text, valid_lang};
use super::*;
use std::path::PathBuf;
use std::process::Command;

const HOSTILE: &str =
    "Dalil & <isbot> \"qo'shtirnoq\" 'apostrof' — Oʻzbekcha gʻ Ўзбекча Қонун\u{7}\r\n\ttab";

fn sample_spec(n_scos: usize) -> (PackageSpec, Vec<String>) {
    let scos = (0..n_scos)
        .map(|i| Sco {
            identifier: format!("module-{:02}", i + 6),
            title: format!("{HOSTILE} {i}"),
            href: format!("m{i}/index.html"),
            files: vec![
                format!("m{i}/index.html"),
                format!("m{i}/page-2.html"),
                format!("m{i}/img/diagram.svg"),
            ],
            scored: i % 2 == 0,
        })
        .collect();
    let spec = PackageSpec {
        titles: vec![],
        identifier: "tip-uz-en".into(),
        version: "1.0.0".into(),
        title: format!("Kurs: {HOSTILE}"),
        lang: "uz-Latn".into(),
        scos,
        mastery_score: Some(70),
    };
    let shared = vec![
        "shared/darslik.css".to_owned(),
        "shared/scorm-state.js".to_owned(),
        "shared/logo.png".to_owned(),
    ];
    (spec, shared)
}

/// (element local name, attributes) of every start/empty element.
fn elements(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    use quick_xml::Reader;
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.name().as_ref().to_owned();
                let attrs = e
                    .attributes()
                    .filter_map(Result::ok)
                    .map(|a| {
                        (
                            a.key.as_ref().to_owned(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map(|v| v.into_owned())
                                .unwrap_or_default(),
                        )
                    })
                    .collect();
                out.push((name, attrs));
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(err) => panic!("manifest is not well-formed: {err}"),
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[test]
fn identifiers_unique_and_every_file_listed() {
    for version in [ScormVersion::Scorm12, ScormVersion::Scorm2004] {
        for n in [1, 3] {
            let (mut spec, shared) = sample_spec(n);
            if n == 3 {
                // A multilingual package: the LOM title in each locale.
                spec.titles = multilingual_titles();
            }
            let xml = manifest_xml(version, &spec, &shared);
            let els = elements(&xml);
            let ids: Vec<&str> = els
                .iter()
                .filter_map(|(_, a)| attr(a, "identifier"))
                .collect();
            let set: HashSet<&str> = ids.iter().copied().collect();
            assert_eq!(ids.len(), set.len(), "duplicate identifiers: {ids:?}");
            assert_eq!(ids.len(), 2 + 2 * n + 1);

            let listed: HashSet<&str> = els
                .iter()
                .filter(|(name, _)| name == "file")
                .filter_map(|(_, a)| attr(a, "href"))
                .collect();
            for sco in &spec.scos {
                for f in sco.files.iter().chain([&sco.href]) {
                    assert!(listed.contains(f.as_str()), "{f} not listed");
                }
            }
            for f in &shared {
                assert!(listed.contains(f.as_str()), "{f} not listed");
            }
            // every identifierref points to a resource
            let resources: HashSet<&str> = els
                .iter()
                .filter(|(name, _)| name == "resource")
                .filter_map(|(_, a)| attr(a, "identifier"))
                .collect();
            for (_, a) in &els {
                if let Some(r) = attr(a, "identifierref") {
                    assert!(resources.contains(r), "{r} dangling");
                }
            }
        }
    }
}

#[test]
fn hostile_titles_are_escaped_without_character_references() {
    let (spec, shared) = sample_spec(1);
    for version in [ScormVersion::Scorm12, ScormVersion::Scorm2004] {
        let xml = manifest_xml(version, &spec, &shared);
        assert!(!xml.contains("&#"), "numeric reference in:\n{xml}");
        assert!(xml.contains(
            "Dalil &amp; &lt;isbot&gt; &quot;qo&apos;shtirnoq&quot; &apos;apostrof&apos; — Oʻzbekcha gʻ Ўзбекча Қонун tab"
        ));
        // Moodle rewrites every `&` not followed by `\w{2,6};`: none may exist.
        for (i, _) in xml.match_indices('&') {
            let rest = &xml[i + 1..];
            let name_len = rest.find(';').unwrap_or(usize::MAX);
            assert!(
                (2..=6).contains(&name_len)
                    && rest[..name_len].chars().all(|c| c.is_ascii_alphanumeric()),
                "bare & at {i}"
            );
        }
    }
}

#[test]
fn version_specific_parts() {
    let (spec, shared) = sample_spec(2);
    let x12 = manifest_xml(ScormVersion::Scorm12, &spec, &shared);
    assert!(x12.contains(r#"xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2""#));
    assert!(x12.contains(r#"xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2""#));
    assert!(x12.contains("<schemaversion>1.2</schemaversion>"));
    assert!(x12.contains(r#"adlcp:scormtype="sco""#));
    assert!(x12.contains("<adlcp:masteryscore>70</adlcp:masteryscore>"));
    assert!(!x12.contains("scormType"));
    let x04 = manifest_xml(ScormVersion::Scorm2004, &spec, &shared);
    assert!(x04.contains(r#"xmlns="http://www.imsglobal.org/xsd/imscp_v1p1""#));
    assert!(x04.contains(r#"xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3""#));
    assert!(x04.contains("<schemaversion>2004 4th Edition</schemaversion>"));
    assert!(x04.contains(r#"adlcp:scormType="sco""#));
    assert!(!x04.contains("masteryscore"));
    // The pass mark, on the scored SCO (module-06) only, for Moodle's
    // cmi.scaled_passing_score.
    assert!(x04.contains(r#"xmlns:imsss="http://www.imsglobal.org/xsd/imsss""#));
    assert!(x04.contains("http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"));
    assert_eq!(x04.matches("<imsss:sequencing>").count(), 1);
    assert!(x04.contains(r#"<imsss:primaryObjective satisfiedByMeasure="true">"#));
    assert!(x04.contains("<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>"));
    assert!(!x12.contains("imsss"));
}

#[test]
fn pass_marks_and_titles_in_several_locales() {
    use super::write::scaled;
    let got: Vec<String> = [0, 5, 7, 10, 70, 75, 99, 100, 255]
        .into_iter()
        .map(scaled)
        .collect();
    assert_eq!(
        got,
        ["0", "0.05", "0.07", "0.1", "0.7", "0.75", "0.99", "1", "1"]
    );
    let t = |v: &[&str]| title_in_locales(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(
        t(&["Module 6", "Модуль 6", "6-modul", "6-модул"]),
        "Module 6 · Модуль 6 · 6-modul · 6-модул"
    );
    assert_eq!(t(&["Same", "Same", " ", "Other"]), "Same · Other");
    // Whole titles up to the 200 characters a title may have.
    let long = "x".repeat(150);
    assert_eq!(
        t(&[&long, "y".repeat(60).as_str(), "z"]),
        format!("{long} · z")
    );
    assert_eq!(t(&["w".repeat(300).as_str(), "z"]).chars().count(), 200);
}

#[test]
fn stable_ids_and_odd_inputs() {
    let (mut spec, shared) = sample_spec(2);
    let a = manifest_xml(ScormVersion::Scorm12, &spec, &shared);
    spec.version = "2.0.0".into();
    let b = manifest_xml(ScormVersion::Scorm12, &spec, &shared);
    let ids = |x: &str| -> Vec<String> {
        elements(x)
            .into_iter()
            .filter_map(|(_, a)| attr(&a, "identifier").map(str::to_owned))
            .collect()
    };
    assert_eq!(ids(&a), ids(&b), "ids must not depend on the version");
    assert!(ids(&a).contains(&"ITEM-module-06".to_owned()));

    // Duplicate module ids, non-ASCII ids, a digit-first course id, an
    // invalid lang, a 300-character title, an over-long version.
    let odd = PackageSpec {
        titles: vec![],
        identifier: "2024 курс".into(),
        version: "1.0.0-beta.1+build.20240229".into(),
        title: "x".repeat(300),
        lang: "uz_Cyrl".into(),
        scos: vec![
            Sco {
                identifier: "shared".into(),
                title: String::new(),
                href: "a.html".into(),
                files: vec![],
                scored: true,
            },
            Sco {
                identifier: "shared".into(),
                title: "\u{0}\u{1}".into(),
                href: "b.html".into(),
                files: vec!["b.html".into(), "b.html".into()],
                scored: false,
            },
        ],
        mastery_score: Some(255),
    };
    let xml = manifest_xml(ScormVersion::Scorm12, &odd, &shared);
    let all = ids(&xml);
    let set: HashSet<&String> = all.iter().collect();
    assert_eq!(all.len(), set.len(), "{all:?}");
    assert!(all[0].starts_with("darslik-2024_"), "{all:?}");
    assert!(!xml.contains("xml:lang"));
    assert!(xml.contains("<adlcp:masteryscore>100</adlcp:masteryscore>"));
    assert!(xml.contains("<title>shared</title>"));
    assert_eq!(xml.matches(r#"<file href="b.html"/>"#).count(), 1);
    assert!(!xml.contains('\u{0}') && !xml.contains('\u{1}'));
}

#[test]
fn titles_are_cut_at_200_characters() {
    let long = "Ў".repeat(250);
    let cut = clean_text(&long, MAX_TITLE_CHARS);
    assert_eq!(cut.chars().count(), 200);
    assert!(cut.ends_with('…'));
    assert_eq!(clean_text("  a \r\n\t b  ", 200), "a b");
    assert!(valid_lang("uz-Cyrl") && valid_lang("en") && valid_lang("kaa"));
    assert!(!valid_lang("") && !valid_lang("uz_Cyrl") && !valid_lang("toolonglang"));
}

// ---- schema validation with xmllint --------------------------------

fn shared_dir() -> PathBuf {
    match std::env::var_os("DARSLIK_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
    }
}

/// Validates `xml` with xmllint against `driver` (relative to
/// `<shared>/scorm-xsd`). `Ok(false)` = skipped (no xmllint or no schemas).
fn xmllint_validate(xml: &str, driver: &str, tag: &str) -> Result<bool, String> {
    let schema = shared_dir().join("scorm-xsd").join(driver);
    if !schema.is_file() {
        eprintln!(
            "skipped: SCORM schemas not found at {} (set DARSLIK_SHARED)",
            schema.display()
        );
        return Ok(false);
    }
    if Command::new("xmllint").arg("--version").output().is_err() {
        eprintln!("skipped: xmllint not found (Debian/Ubuntu: apt-get install libxml2-utils)");
        return Ok(false);
    }
    let dir = std::env::temp_dir().join(format!("darslik-manifest-{}-{tag}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let file = dir.join("imsmanifest.xml");
    std::fs::write(&file, xml).map_err(|e| e.to_string())?;
    let out = Command::new("xmllint")
        .args(["--nonet", "--noout", "--schema"])
        .arg(&schema)
        .arg(&file)
        .output()
        .map_err(|e| e.to_string())?;
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if out.status.success() && stderr.contains("validates") {
        Ok(true)
    } else {
        Err(format!(
            "xmllint rejected the {tag} manifest:\n{stderr}\n{xml}"
        ))
    }
}

fn multilingual_titles() -> Vec<(String, String)> {
    [
        ("en", "Course"),
        ("ru", "Курс"),
        ("uz-Cyrl", "Курс ўзбекча"),
    ]
    .iter()
    .map(|(l, t)| (l.to_string(), t.to_string()))
    .collect()
}

#[test]
fn a_multilingual_package_has_its_title_in_each_language() {
    let (mut spec, shared) = sample_spec(2);
    spec.titles = multilingual_titles();
    let x12 = manifest_xml(ScormVersion::Scorm12, &spec, &shared);
    assert!(
        x12.contains(r#"<imsmd:langstring xml:lang="ru">Курс</imsmd:langstring>"#),
        "{x12}"
    );
    assert!(
        x12.contains(r#"<imsmd:langstring xml:lang="uz-Cyrl">Курс ўзбекча</imsmd:langstring>"#)
    );
    assert_eq!(x12.matches("<imsmd:language>").count(), 3);
    let x04 = manifest_xml(ScormVersion::Scorm2004, &spec, &shared);
    assert!(
        x04.contains(r#"<lom:string language="en">Course</lom:string>"#),
        "{x04}"
    );
    assert!(x04.contains(r#"<lom:string language="ru">Курс</lom:string>"#));
    assert_eq!(x04.matches("<lom:language>").count(), 3);
}

#[test]
fn validates_against_official_schemas() -> Result<(), String> {
    let cases = [
        (ScormVersion::Scorm12, "scorm12/scorm12_driver.xsd"),
        (
            ScormVersion::Scorm2004,
            "scorm2004-4th/scorm2004_4th_driver.xsd",
        ),
    ];
    for (version, driver) in cases {
        for n in [1, 3] {
            let (spec, shared) = sample_spec(n);
            let xml = manifest_xml(version, &spec, &shared);
            let tag = format!("{}-{n}", version.dir_name());
            if !xmllint_validate(&xml, driver, &tag)? {
                return Ok(());
            }
        }
        // No shared files, no mastery score, no valid lang, odd ids.
        let odd = PackageSpec {
            titles: vec![],
            identifier: "9-курс".into(),
            version: String::new(),
            title: "x".repeat(300),
            lang: "not a tag".into(),
            scos: vec![Sco {
                identifier: "m".into(),
                title: "<&>".into(),
                href: "m/index.html".into(),
                files: vec![],
                scored: true,
            }],
            mastery_score: None,
        };
        let xml = manifest_xml(version, &odd, &[]);
        xmllint_validate(&xml, driver, &format!("{}-odd", version.dir_name()))?;
    }
    Ok(())
}

/// Control: the validation really rejects a broken manifest (a 201-character
/// title is too long for SCORM 1.2; a 2004 organization needs an item).
#[test]
fn xmllint_check_rejects_invalid_manifests() {
    let (spec, shared) = sample_spec(1);
    let good = manifest_xml(ScormVersion::Scorm12, &spec, &shared);
    let bad = good.replacen("<title>", &format!("<title>{}", "x".repeat(201)), 1);
    if let Ok(false) = xmllint_validate(&good, "scorm12/scorm12_driver.xsd", "ctl-good") {
        return;
    }
    assert!(xmllint_validate(&bad, "scorm12/scorm12_driver.xsd", "ctl-bad").is_err());

    let empty_org = PackageSpec {
        titles: vec![],
        scos: Vec::new(),
        ..spec
    };
    let xml = manifest_xml(ScormVersion::Scorm2004, &empty_org, &[]);
    assert!(
        xmllint_validate(&xml, "scorm2004-4th/scorm2004_4th_driver.xsd", "ctl-noitem").is_err()
    );
}

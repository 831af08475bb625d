//! `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 4th Edition, written with
//! quick-xml's `Writer` (never by concatenating XML strings).
//!
//! Layout (both versions):
//!
//! ```text
//! manifest identifier=<id> version=<course version>
//!   metadata: schema "ADL SCORM", schemaversion "1.2" | "2004 4th Edition",
//!             LOM general/title (language-tagged course title) + general/language
//!   organizations default=ORG-<id>
//!     organization ORG-<id> xml:lang=<lang>   title = course title
//!       item ITEM-<sco> identifierref=RES-<sco>   title = module title
//!         (1.2 only) adlcp:masteryscore
//!   resources
//!     resource RES-<sco> webcontent, scormtype sco, href=<launch>; file*; dependency RES-shared
//!     resource RES-shared webcontent, scormtype asset; file*   (only when there are shared files)
//! ```
//!
//! No sequencing, navigation or objectives: Moodle does not implement SCORM
//! 2004 sequencing. Identifiers are derived only from the course and module
//! identifiers (never from the version or a date), so they stay the same from
//! build to build and from one course version to the next: Moodle matches SCOs
//! by item identifier when a package is updated and keeps the learners'
//! tracking data only for identifiers that did not change.

use std::collections::{BTreeSet, HashSet};
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

/// Which SCORM edition a manifest is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScormVersion {
    /// SCORM 1.2 (what Moodle supports fully).
    Scorm12,
    /// SCORM 2004 4th Edition (run-time only; no sequencing).
    Scorm2004,
}

impl ScormVersion {
    /// Namespace of the root `manifest` element (IMS Content Packaging).
    pub fn cp_namespace(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => NS_CP_12,
            ScormVersion::Scorm2004 => NS_CP_2004,
        }
    }

    /// Namespace bound to the `adlcp` prefix.
    pub fn adlcp_namespace(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => NS_ADLCP_12,
            ScormVersion::Scorm2004 => NS_ADLCP_2004,
        }
    }

    /// Text of `<metadata><schemaversion>`.
    pub fn schemaversion(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "1.2",
            ScormVersion::Scorm2004 => "2004 4th Edition",
        }
    }

    /// Output folder name (`scorm12`, `scorm2004`), as in SPEC §5.
    pub fn dir_name(self) -> &'static str {
        match self {
            ScormVersion::Scorm12 => "scorm12",
            ScormVersion::Scorm2004 => "scorm2004",
        }
    }
}

/// Everything the manifest says about a package.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackageSpec {
    /// Manifest identifier, e.g. `tip-uz-en`; stable across builds. Characters
    /// outside `[A-Za-z0-9_.-]` become `_`, and a prefix is added when it does
    /// not start with a letter or `_` (the schemas type it as `xs:ID`).
    pub identifier: String,
    /// Course version, e.g. `1.0.0` (at most 20 characters in SCORM 1.2; cut).
    pub version: String,
    /// Localized course title (organization title).
    pub title: String,
    /// BCP 47 tag of the titles (`xml:lang` on the organization and the
    /// language of the LOM title). Omitted when it is not a valid tag.
    pub lang: String,
    /// One SCO per module, in course order.
    pub scos: Vec<Sco>,
    /// Percent needed to pass (SCORM 1.2 `adlcp:masteryscore`, capped at 100;
    /// not written for 2004, whose equivalent needs sequencing).
    pub mastery_score: Option<u8>,
}

/// One SCO (one module).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sco {
    /// Module identifier, e.g. `module-06`; stable across builds and versions.
    pub identifier: String,
    /// Localized module title.
    pub title: String,
    /// Launch file, relative to the zip root (`module-06/index.html`).
    pub href: String,
    /// Every file of this SCO, relative to the zip root (the launch file is
    /// added when missing).
    pub files: Vec<String>,
}

const NS_CP_12: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const NS_ADLCP_12: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
const NS_IMSMD_12: &str = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";
const NS_CP_2004: &str = "http://www.imsglobal.org/xsd/imscp_v1p1";
const NS_ADLCP_2004: &str = "http://www.adlnet.org/xsd/adlcp_v1p3";
const NS_LOM: &str = "http://ltsc.ieee.org/xsd/LOM";
const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// SCORM 1.2 `titleType` has `maxLength` 200; SCORM 2004 gives titles an SPM
/// of 200 characters too.
const MAX_TITLE_CHARS: usize = 200;
/// SCORM 1.2 `manifest/@version` has `maxLength` 20.
const MAX_VERSION_CHARS: usize = 20;

/// Identifier of the shared asset resource (made unique if a module uses it).
const SHARED_ID: &str = "RES-shared";

/// Writes `imsmanifest.xml` for `spec`.
///
/// `shared_files` are the files every SCO uses (CSS, JS, images); they go in
/// one `asset` resource that every SCO resource names in a `<dependency>`.
/// Every file of the zip except `imsmanifest.xml` must be in `shared_files` or
/// in some `Sco::files`. Never fails: text is cleaned (control characters
/// become spaces, titles are cut at 200 characters), identifiers are made
/// valid and unique, and the version is cut at 20 characters, so the result is
/// well-formed for any input and schema-valid whenever there is at least one
/// SCO. [`super::preflight`] checks the rest (files present, names safe).
///
/// With `mastery_score`, SCORM 1.2 items get `adlcp:masteryscore`. Moodle
/// (setting "Mastery score overrides status", on by default) then sets
/// `cmi.core.lesson_status` to passed or failed on LMSFinish by comparing
/// `cmi.core.score.raw` with it, as soon as any raw score was written.
pub fn manifest_xml(version: ScormVersion, spec: &PackageSpec, shared_files: &[String]) -> String {
    match write_manifest(version, spec, shared_files) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
        },
        // Writing into a Vec<u8> cannot fail; an empty manifest would be
        // rejected by the pre-flight rather than shipped.
        Err(_) => String::new(),
    }
}

struct Ids {
    manifest: String,
    organization: String,
    items: Vec<String>,
    resources: Vec<String>,
    shared: String,
}

fn assign_ids(spec: &PackageSpec) -> Ids {
    let mut used = HashSet::new();
    let mut manifest_id = id_part(&spec.identifier);
    if !manifest_id.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        manifest_id = format!("darslik-{manifest_id}");
    }
    let manifest = unique(&mut used, manifest_id.clone());
    let organization = unique(&mut used, format!("ORG-{manifest_id}"));
    let mut items = Vec::with_capacity(spec.scos.len());
    let mut resources = Vec::with_capacity(spec.scos.len());
    for sco in &spec.scos {
        let part = id_part(&sco.identifier);
        items.push(unique(&mut used, format!("ITEM-{part}")));
        resources.push(unique(&mut used, format!("RES-{part}")));
    }
    let shared = unique(&mut used, SHARED_ID.to_owned());
    Ids {
        manifest,
        organization,
        items,
        resources,
        shared,
    }
}

/// Keeps `[A-Za-z0-9_.-]`, maps everything else to `_`.
fn id_part(raw: &str) -> String {
    let part: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if part.is_empty() {
        "_".to_owned()
    } else {
        part
    }
}

fn unique(used: &mut HashSet<String>, candidate: String) -> String {
    if used.insert(candidate.clone()) {
        return candidate;
    }
    let mut n = 2u64;
    loop {
        let next = format!("{candidate}-{n}");
        if used.insert(next.clone()) {
            return next;
        }
        n += 1;
    }
}

/// Control characters (and the XML non-characters U+FFFE/U+FFFF) become
/// spaces, runs of whitespace collapse, the ends are trimmed, and the result
/// is cut at `max` characters. Numeric character references are never needed
/// afterwards (Moodle's manifest loader mangles `&#...;`, see preflight).
fn clean_text(raw: &str, max: usize) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for c in raw.chars() {
        let blank = c.is_whitespace() || c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}';
        if blank {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    if out.chars().count() > max {
        let mut cut: String = out.chars().take(max.saturating_sub(1)).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        out = cut;
    }
    out
}

fn title_or(raw: &str, fallback: &str) -> String {
    let title = clean_text(raw, MAX_TITLE_CHARS);
    if title.is_empty() {
        clean_text(fallback, MAX_TITLE_CHARS)
    } else {
        title
    }
}

/// `xs:language`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
fn valid_lang(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(first) = parts.next() else {
        return false;
    };
    let ok_len = |p: &str| (1..=8).contains(&p.len());
    ok_len(first)
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| ok_len(p) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn sorted_unique<'a>(files: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    files
        .into_iter()
        .map(String::as_str)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

type XmlWriter = Writer<Vec<u8>>;

fn start(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let mut el = BytesStart::new(name);
    for &(key, value) in attrs {
        el.push_attribute((key, value));
    }
    w.write_event(Event::Start(el))
}

fn end(w: &mut XmlWriter, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn empty(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let mut el = BytesStart::new(name);
    for &(key, value) in attrs {
        el.push_attribute((key, value));
    }
    w.write_event(Event::Empty(el))
}

fn text_element(
    w: &mut XmlWriter,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> io::Result<()> {
    w.create_element(name)
        .with_attributes(attrs.iter().copied())
        .write_text_content(BytesText::new(text))?;
    Ok(())
}

fn write_manifest(
    version: ScormVersion,
    spec: &PackageSpec,
    shared_files: &[String],
) -> io::Result<Vec<u8>> {
    let ids = assign_ids(spec);
    let lang = valid_lang(&spec.lang).then_some(spec.lang.as_str());
    let course_title = title_or(&spec.title, &spec.identifier);
    let course_version = clean_text(&spec.version, MAX_VERSION_CHARS);
    let shared = sorted_unique(shared_files);
    let v12 = version == ScormVersion::Scorm12;

    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;

    // <manifest>
    let schema_location = if v12 {
        format!(
            "{NS_CP_12} imscp_rootv1p1p2.xsd {NS_IMSMD_12} imsmd_rootv1p2p1.xsd {NS_ADLCP_12} adlcp_rootv1p2.xsd"
        )
    } else {
        format!("{NS_CP_2004} imscp_v1p1.xsd {NS_ADLCP_2004} adlcp_v1p3.xsd {NS_LOM} lom.xsd")
    };
    let (md_prefix, md_ns) = if v12 {
        ("xmlns:imsmd", NS_IMSMD_12)
    } else {
        ("xmlns:lom", NS_LOM)
    };
    let mut root: Vec<(&str, &str)> = vec![("identifier", ids.manifest.as_str())];
    if !course_version.is_empty() {
        root.push(("version", course_version.as_str()));
    }
    root.extend([
        ("xmlns", version.cp_namespace()),
        ("xmlns:adlcp", version.adlcp_namespace()),
        (md_prefix, md_ns),
        ("xmlns:xsi", NS_XSI),
        ("xsi:schemaLocation", schema_location.as_str()),
    ]);
    start(&mut w, "manifest", &root)?;

    // <metadata>
    start(&mut w, "metadata", &[])?;
    text_element(&mut w, "schema", &[], "ADL SCORM")?;
    text_element(&mut w, "schemaversion", &[], version.schemaversion())?;
    write_lom(&mut w, version, &course_title, lang)?;
    end(&mut w, "metadata")?;

    // <organizations>
    start(
        &mut w,
        "organizations",
        &[("default", ids.organization.as_str())],
    )?;
    let mut org: Vec<(&str, &str)> = vec![("identifier", ids.organization.as_str())];
    if let Some(lang) = lang {
        org.push(("xml:lang", lang));
    }
    start(&mut w, "organization", &org)?;
    text_element(&mut w, "title", &[], &course_title)?;
    let mastery = spec.mastery_score.map(|m| m.min(100).to_string());
    for (i, sco) in spec.scos.iter().enumerate() {
        start(
            &mut w,
            "item",
            &[
                ("identifier", ids.items[i].as_str()),
                ("identifierref", ids.resources[i].as_str()),
            ],
        )?;
        text_element(&mut w, "title", &[], &title_or(&sco.title, &sco.identifier))?;
        if v12 && let Some(mastery) = &mastery {
            text_element(&mut w, "adlcp:masteryscore", &[], mastery)?;
        }
        end(&mut w, "item")?;
    }
    end(&mut w, "organization")?;
    end(&mut w, "organizations")?;

    // <resources>
    let scorm_type = if v12 {
        "adlcp:scormtype"
    } else {
        "adlcp:scormType"
    };
    start(&mut w, "resources", &[])?;
    for (i, sco) in spec.scos.iter().enumerate() {
        start(
            &mut w,
            "resource",
            &[
                ("identifier", ids.resources[i].as_str()),
                ("type", "webcontent"),
                (scorm_type, "sco"),
                ("href", sco.href.as_str()),
            ],
        )?;
        for file in sorted_unique(sco.files.iter().chain(std::iter::once(&sco.href))) {
            empty(&mut w, "file", &[("href", file)])?;
        }
        if !shared.is_empty() {
            empty(
                &mut w,
                "dependency",
                &[("identifierref", ids.shared.as_str())],
            )?;
        }
        end(&mut w, "resource")?;
    }
    if !shared.is_empty() {
        start(
            &mut w,
            "resource",
            &[
                ("identifier", ids.shared.as_str()),
                ("type", "webcontent"),
                (scorm_type, "asset"),
            ],
        )?;
        for file in &shared {
            empty(&mut w, "file", &[("href", file)])?;
        }
        end(&mut w, "resource")?;
    }
    end(&mut w, "resources")?;
    end(&mut w, "manifest")?;

    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// Inline LOM with the language-tagged course title: IMS MD 1.2.1
/// (`imsmd:langstring xml:lang`) for 1.2, IEEE LOM (`lom:string language`)
/// for 2004. Prefixed on purpose: Moodle's manifest parser is not namespace
/// aware and reacts to any element literally named `title`.
fn write_lom(
    w: &mut XmlWriter,
    version: ScormVersion,
    title: &str,
    lang: Option<&str>,
) -> io::Result<()> {
    let (p, string, lang_attr): (&str, &str, &str) = match version {
        ScormVersion::Scorm12 => ("imsmd", "langstring", "xml:lang"),
        ScormVersion::Scorm2004 => ("lom", "string", "language"),
    };
    let name = |local: &str| format!("{p}:{local}");
    start(w, &name("lom"), &[])?;
    start(w, &name("general"), &[])?;
    start(w, &name("title"), &[])?;
    match lang {
        Some(lang) => text_element(w, &name(string), &[(lang_attr, lang)], title)?,
        None => text_element(w, &name(string), &[], title)?,
    }
    end(w, &name("title"))?;
    if let Some(lang) = lang {
        text_element(w, &name("language"), &[], lang)?;
    }
    end(w, &name("general"))?;
    end(w, &name("lom"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
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
            })
            .collect();
        let spec = PackageSpec {
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
                let (spec, shared) = sample_spec(n);
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
        assert!(!x04.contains("imsss") && !x04.contains("sequencing"));
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
                },
                Sco {
                    identifier: "shared".into(),
                    title: "\u{0}\u{1}".into(),
                    href: "b.html".into(),
                    files: vec!["b.html".into(), "b.html".into()],
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
        let dir =
            std::env::temp_dir().join(format!("darslik-manifest-{}-{tag}", std::process::id()));
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
                identifier: "9-курс".into(),
                version: String::new(),
                title: "x".repeat(300),
                lang: "not a tag".into(),
                scos: vec![Sco {
                    identifier: "m".into(),
                    title: "<&>".into(),
                    href: "m/index.html".into(),
                    files: vec![],
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
            scos: Vec::new(),
            ..spec
        };
        let xml = manifest_xml(ScormVersion::Scorm2004, &empty_org, &[]);
        assert!(
            xmllint_validate(&xml, "scorm2004-4th/scorm2004_4th_driver.xsd", "ctl-noitem").is_err()
        );
    }
}

//! Writing the manifest elements with quick-xml's `Writer`: organizations,
//! items, resources and the LOM metadata.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::ids::*;
use super::*;

pub(super) type XmlWriter = Writer<Vec<u8>>;

pub(super) fn start(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let mut el = BytesStart::new(name);
    for &(key, value) in attrs {
        el.push_attribute((key, value));
    }
    w.write_event(Event::Start(el))
}

pub(super) fn end(w: &mut XmlWriter, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

pub(super) fn empty(w: &mut XmlWriter, name: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    let mut el = BytesStart::new(name);
    for &(key, value) in attrs {
        el.push_attribute((key, value));
    }
    w.write_event(Event::Empty(el))
}

pub(super) fn text_element(
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

pub(super) fn write_manifest(
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
        format!(
            "{NS_CP_2004} imscp_v1p1.xsd {NS_ADLCP_2004} adlcp_v1p3.xsd {NS_IMSSS} imsss_v1p0.xsd {NS_LOM} lom.xsd"
        )
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
    ]);
    if !v12 {
        root.push(("xmlns:imsss", NS_IMSSS));
    }
    root.extend([
        ("xmlns:xsi", NS_XSI),
        ("xsi:schemaLocation", schema_location.as_str()),
    ]);
    start(&mut w, "manifest", &root)?;

    // <metadata>
    start(&mut w, "metadata", &[])?;
    text_element(&mut w, "schema", &[], "ADL SCORM")?;
    text_element(&mut w, "schemaversion", &[], version.schemaversion())?;
    let mut titles: Vec<(Option<&str>, String)> = spec
        .titles
        .iter()
        .filter(|(l, t)| valid_lang(l) && !t.trim().is_empty())
        .map(|(l, t)| (Some(l.as_str()), clean_text(t, MAX_TITLE_CHARS)))
        .collect();
    if titles.is_empty() {
        titles.push((lang, course_title.clone()));
    }
    write_lom(&mut w, version, &titles)?;
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
        if !v12
            && sco.scored
            && let Some(mastery) = spec.mastery_score
        {
            write_pass_mark(&mut w, mastery)?;
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

/// The SCORM 2004 pass mark of an item: its primary objective is satisfied
/// by a scaled score of at least `mastery` / 100. Moodle stores it in
/// `scorm_seq_objective` and gives it to the SCO as
/// `cmi.scaled_passing_score`. Prefixed `imsss:` on purpose: Moodle's
/// parser matches the element names literally (`IMSSS:SEQUENCING`).
fn write_pass_mark(w: &mut XmlWriter, mastery: u8) -> io::Result<()> {
    start(w, "imsss:sequencing", &[])?;
    start(w, "imsss:objectives", &[])?;
    start(
        w,
        "imsss:primaryObjective",
        &[("satisfiedByMeasure", "true")],
    )?;
    text_element(w, "imsss:minNormalizedMeasure", &[], &scaled(mastery))?;
    end(w, "imsss:primaryObjective")?;
    end(w, "imsss:objectives")?;
    end(w, "imsss:sequencing")
}

/// A percentage as a decimal from 0 to 1 (`70` → `0.7`, `75` → `0.75`).
pub(super) fn scaled(percent: u8) -> String {
    match percent.min(100) {
        100 => "1".into(),
        0 => "0".into(),
        p if p % 10 == 0 => format!("0.{}", p / 10),
        p => format!("0.{p:02}"),
    }
}

/// Inline LOM with the language-tagged course title (one per locale of a
/// multilingual package): IMS MD 1.2.1
/// (`imsmd:langstring xml:lang`) for 1.2, IEEE LOM (`lom:string language`)
/// for 2004. Prefixed on purpose: Moodle's manifest parser is not namespace
/// aware and reacts to any element literally named `title`.
pub(super) fn write_lom(
    w: &mut XmlWriter,
    version: ScormVersion,
    titles: &[(Option<&str>, String)],
) -> io::Result<()> {
    let (p, string, lang_attr): (&str, &str, &str) = match version {
        ScormVersion::Scorm12 => ("imsmd", "langstring", "xml:lang"),
        ScormVersion::Scorm2004 => ("lom", "string", "language"),
    };
    let name = |local: &str| format!("{p}:{local}");
    start(w, &name("lom"), &[])?;
    start(w, &name("general"), &[])?;
    start(w, &name("title"), &[])?;
    for (lang, title) in titles {
        match lang {
            Some(lang) => text_element(w, &name(string), &[(lang_attr, lang)], title)?,
            None => text_element(w, &name(string), &[], title)?,
        }
    }
    end(w, &name("title"))?;
    for lang in titles.iter().filter_map(|(l, _)| *l) {
        text_element(w, &name("language"), &[], lang)?;
    }
    end(w, &name("general"))?;
    end(w, &name("lom"))?;
    Ok(())
}

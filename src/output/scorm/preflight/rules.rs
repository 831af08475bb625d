//! The manifest rules: organizations, items, resources, identifiers, and
//! every `href` against the files in the zip.

use std::collections::BTreeSet;

use super::xml::{Doc, Node, Version, moodle_schemaversion};
use super::*;

pub(super) fn check_manifest(
    doc: &Doc,
    entries: &[Entry],
    names: &BTreeSet<&str>,
    out: &mut Vec<Problem>,
) {
    let root = doc.root();
    let m = Some(MANIFEST);

    // Version: unprefixed `manifest` in a known CP namespace.
    let ns = root.attr("xmlns").unwrap_or("");
    let ns_version = match ns {
        NS_CP_12 => Some(Version::V12),
        NS_CP_2004 => Some(Version::V2004),
        _ => None,
    };
    if !root.name.eq_ignore_ascii_case("manifest") || ns_version.is_none() {
        problem(
            out,
            Code::ManifestUnknownVersion,
            Severity::Error,
            m,
            format!(
                "The manifest's root is <{}> in namespace \"{ns}\", not an unprefixed \
                 <manifest> in the SCORM 1.2 ({NS_CP_12}) or SCORM 2004 ({NS_CP_2004}) \
                 namespace. Moodle reads manifest elements by their literal names and would \
                 find no course in it.",
                root.name
            ),
        );
        return;
    }
    let ns_version = ns_version.unwrap_or(Version::V12);

    let schemaversion: Option<&str> = doc
        .named(root, "metadata")
        .flat_map(|md| doc.named(md, "schemaversion"))
        .map(|n| n.text.as_str())
        .next();
    let moodle_version = schemaversion.and_then(moodle_schemaversion);
    // A 1.2 package without a usable schemaversion still runs as 1.2; a
    // 2004 one would look for the wrong API.
    let severity = if ns_version == Version::V12 {
        Severity::Warning
    } else {
        Severity::Error
    };
    match (schemaversion, moodle_version) {
        (None, _) => problem(
            out,
            Code::ManifestSchemaversion,
            severity,
            m,
            format!(
                "The manifest has no <metadata><schemaversion>. Moodle then runs the package \
                 as SCORM 1.2{}. Add <schemaversion>{}</schemaversion>.",
                if ns_version == Version::V2004 {
                    ", but its namespace says SCORM 2004: the content looks for the 2004 API, \
                     does not find it, and records nothing"
                } else {
                    ""
                },
                if ns_version == Version::V12 {
                    "1.2"
                } else {
                    "2004 4th Edition"
                }
            ),
        ),
        (Some(text), None) => problem(
            out,
            Code::ManifestSchemaversion,
            severity,
            m,
            format!(
                "Moodle does not recognise <schemaversion>{}</schemaversion> (it knows \"1.2\", \
                 \"CAM 1.3\", \"2004 3rd Edition\" and \"2004 4th Edition\", exactly, without \
                 spaces around) and runs the package as SCORM 1.2.",
                text.trim()
            ),
        ),
        (Some(_), Some(v)) if v != ns_version => problem(
            out,
            Code::ManifestVersionMismatch,
            Severity::Error,
            m,
            format!(
                "The manifest's namespace says {} but <schemaversion> says {}. Moodle follows \
                 schemaversion and offers the content the {} API, while the content expects the \
                 other one: it finds no LMS and records nothing.",
                ns_version.label(),
                v.label(),
                v.label()
            ),
        ),
        _ => {}
    }

    check_identifiers(doc, out);

    // Resources.
    let resources_el: Vec<&Node> = doc.named(root, "resources").collect();
    let mut resources: HashMap<&str, &Node> = HashMap::new();
    let mut listed: BTreeSet<String> = BTreeSet::new();
    let mut hrefs = Hrefs {
        names,
        listed: &mut listed,
        missing: BTreeSet::new(),
    };
    for group in &resources_el {
        let group_base = group.attr("xml:base").unwrap_or("");
        for res in doc.named(group, "resource") {
            if let Some(id) = res.attr("identifier") {
                resources.entry(id).or_insert(res);
            }
            let base = format!("{group_base}{}", res.attr("xml:base").unwrap_or(""));
            if let Some(href) = res.attr("href") {
                hrefs.check(&base, href, out);
            }
            for file in doc.named(res, "file") {
                if let Some(href) = file.attr("href") {
                    hrefs.check(&base, href, out);
                }
            }
        }
    }
    for group in &resources_el {
        for res in doc.named(group, "resource") {
            for dep in doc.named(res, "dependency") {
                let target = dep.attr("identifierref").unwrap_or("");
                if !resources.contains_key(target) {
                    problem(
                        out,
                        Code::DependencyBroken,
                        Severity::Warning,
                        m,
                        format!(
                            "Resource `{}` depends on `{target}`, which is not a resource of \
                             this manifest. Moodle ignores dependencies, but stricter LMSs and \
                             SCORM validators refuse the package.",
                            res.attr("identifier").unwrap_or("?")
                        ),
                    );
                }
            }
        }
    }

    // Organizations and items.
    let organizations: Vec<&Node> = doc.named(root, "organizations").collect();
    let orgs: Vec<&Node> = organizations
        .iter()
        .flat_map(|o| doc.named(o, "organization"))
        .collect();
    if orgs.is_empty() {
        problem(
            out,
            Code::OrganizationMissing,
            Severity::Error,
            m,
            "The manifest has no <organization>. Moodle then lists the bare resources, titled \
             with their identifiers, and the course structure is lost."
                .to_owned(),
        );
    }
    if let Some(group) = organizations.first() {
        match group.attr("default") {
            None if !orgs.is_empty() => problem(
                out,
                Code::OrganizationDefaultAbsent,
                Severity::Warning,
                m,
                "<organizations> has no `default` attribute. Moodle starts with the first \
                 organization; SCORM requires the attribute."
                    .to_owned(),
            ),
            Some(default) if !orgs.iter().any(|o| o.attr("identifier") == Some(default)) => {
                problem(
                    out,
                    Code::OrganizationDefaultBroken,
                    Severity::Error,
                    m,
                    format!(
                        "<organizations default=\"{default}\"> names no organization of this \
                         manifest. Moodle cannot tell which organization to start, and the \
                         activity may open on nothing."
                    ),
                );
            }
            _ => {}
        }
    }

    let adl_ns = match ns_version {
        Version::V12 => NS_ADLCP_12,
        Version::V2004 => NS_ADLCP_2004,
    };
    let other_adl_prefixes: Vec<String> = root
        .attrs
        .iter()
        .filter(|(k, v)| v == adl_ns && k.starts_with("xmlns:") && k != "xmlns:adlcp")
        .map(|(k, _)| k.trim_start_matches("xmlns:").to_owned())
        .collect();
    let mut sco_items = 0usize;
    let mut items = Vec::new();
    for org in &orgs {
        collect_items(doc, org, &mut items);
    }
    for item in items {
        let item_id = item.attr("identifier").unwrap_or("?");
        let Some(target) = item.attr("identifierref") else {
            continue;
        };
        let Some(res) = resources.get(target) else {
            problem(
                out,
                Code::IdentifierrefBroken,
                Severity::Error,
                m,
                format!(
                    "Item `{item_id}` launches resource `{target}`, which does not exist. Moodle \
                     shows \"{MOODLE_INVALIDMANIFESTRESOURCE} {target}\" and the item cannot be \
                     opened."
                ),
            );
            continue;
        };
        match res.attr("adlcp:scormtype") {
            Some("sco") => {
                sco_items += 1;
            }
            found => {
                let other = other_adl_prefixes
                    .iter()
                    .find_map(|p| res.attr(&format!("{p}:scormtype")).map(|v| (p.as_str(), v)));
                if let Some((prefix, value)) = other {
                    problem(
                        out,
                        Code::ScormtypePrefix,
                        Severity::Error,
                        m,
                        format!(
                            "Resource `{target}` says {prefix}:scormtype=\"{value}\". Moodle's \
                             manifest reader is not namespace-aware and only reads the \
                             attribute under the prefix `adlcp`, so it treats this SCO as a \
                             plain asset and records no progress or score. Bind the ADL \
                             namespace to the prefix `adlcp`."
                        ),
                    );
                } else {
                    problem(
                        out,
                        Code::LaunchNotSco,
                        Severity::Warning,
                        m,
                        format!(
                            "Item `{item_id}` launches resource `{target}`, which is {} rather \
                             than adlcp:scormtype=\"sco\". Moodle opens it but records no \
                             progress, completion or score for it.",
                            match found {
                                Some(v) => format!("adlcp:scormtype=\"{v}\""),
                                None => "without adlcp:scormtype".to_owned(),
                            }
                        ),
                    );
                }
            }
        }
        if res.attr("href").is_none_or(|h| h.trim().is_empty()) {
            problem(
                out,
                Code::LaunchHrefMissing,
                Severity::Error,
                m,
                format!(
                    "Item `{item_id}` launches resource `{target}`, which has no `href`. Moodle \
                     has no file to open for this item."
                ),
            );
        }
    }
    if sco_items == 0 && !orgs.is_empty() {
        problem(
            out,
            Code::NoSco,
            Severity::Error,
            m,
            "No item of the manifest launches a SCO (a resource with adlcp:scormtype=\"sco\"). \
             Moodle can show the content, but it records no progress, completion or score, so \
             the activity never completes and the gradebook stays empty."
                .to_owned(),
        );
    }

    // Every zip file listed somewhere (the manifest itself and schema files at
    // the root are control files of the package, not content).
    for entry in entries.iter().filter(|e| !e.is_dir) {
        let name = entry.name.as_str();
        let control = name == MANIFEST
            || (!name.contains('/')
                && (name.to_ascii_lowercase().ends_with(".xsd")
                    || name.to_ascii_lowercase().ends_with(".dtd")));
        if control || listed.contains(name) {
            continue;
        }
        problem(
            out,
            Code::FileUnlisted,
            Severity::Warning,
            Some(name),
            "This file is in the zip but no resource of imsmanifest.xml lists it. Moodle still \
             serves it, but SCORM requires every file to be listed, and LMSs that copy only \
             listed files would leave it out. Rebuild the package, or list the file."
                .to_owned(),
        );
    }
}

pub(super) fn collect_items<'a>(doc: &'a Doc, parent: &'a Node, out: &mut Vec<&'a Node>) {
    for item in doc.named(parent, "item") {
        out.push(item);
        collect_items(doc, item, out);
    }
}

pub(super) fn check_identifiers(doc: &Doc, out: &mut Vec<Problem>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for node in &doc.nodes {
        let kind = ["manifest", "organization", "item", "resource"]
            .iter()
            .any(|k| node.name.eq_ignore_ascii_case(k));
        if kind && let Some(id) = node.attr("identifier") {
            *counts.entry(id).or_default() += 1;
        }
    }
    for (id, n) in counts {
        if n > 1 {
            problem(
                out,
                Code::IdentifierDuplicate,
                Severity::Error,
                Some(MANIFEST),
                format!(
                    "The identifier `{id}` is used {n} times. Moodle keeps one entry per \
                     identifier, so items disappear or share their tracking data, and SCORM \
                     requires identifiers to be unique."
                ),
            );
        }
    }
}

pub(super) struct Hrefs<'a, 'b> {
    names: &'a BTreeSet<&'a str>,
    listed: &'b mut BTreeSet<String>,
    missing: BTreeSet<String>,
}

impl Hrefs<'_, '_> {
    /// Records `base + href` as listed and reports it (once) when it is not in the zip.
    fn check(&mut self, base: &str, href: &str, out: &mut Vec<Problem>) {
        let full = format!("{base}{href}");
        let path = full.split(['?', '#']).next().unwrap_or("").trim();
        if path.is_empty() || path.contains("://") || path.starts_with("//") {
            return; // external URL or a bare query: nothing to find in the zip
        }
        let candidates = [normalize(path), normalize(&percent_decode(path))];
        if let Some(found) = candidates
            .iter()
            .flatten()
            .find(|p| self.names.contains(p.as_str()))
        {
            self.listed.insert(found.clone());
            return;
        }
        if !self.missing.insert(path.to_owned()) {
            return;
        }
        problem(
            out,
            Code::FileMissing,
            Severity::Error,
            Some(path),
            format!(
                "imsmanifest.xml names the file `{path}`, but the zip has no such file. In \
                 Moodle the page (or the picture, style or script) that needs it stays \
                 broken, and a missing launch file means the item cannot open at all. \
                 Rebuild the package; check the spelling and upper/lower case."
            ),
        );
    }
}

/// Resolves `.` and `..` in a relative `/` path; `None` when it climbs out.
pub(super) fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.trim_start_matches('/').split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

pub(super) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|b| (*b as char).to_digit(16)),
                bytes.get(i + 2).and_then(|b| (*b as char).to_digit(16)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

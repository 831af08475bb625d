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
            msg!(
                "scorm-manifest-root",
                root = root.name.as_str(),
                ns = ns,
                ns12 = NS_CP_12,
                ns2004 = NS_CP_2004
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
            if ns_version == Version::V2004 {
                msg!("scorm-schemaversion-missing-2004")
            } else {
                msg!("scorm-schemaversion-missing")
            },
        ),
        (Some(text), None) => problem(
            out,
            Code::ManifestSchemaversion,
            severity,
            m,
            msg!("scorm-schemaversion-unknown", value = text.trim()),
        ),
        (Some(_), Some(v)) if v != ns_version => problem(
            out,
            Code::ManifestVersionMismatch,
            Severity::Error,
            m,
            msg!(
                "scorm-version-mismatch",
                ns = ns_version.label(),
                schema = v.label()
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
                        msg!(
                            "scorm-dependency-broken",
                            resource = res.attr("identifier").unwrap_or("?"),
                            target = target
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
            msg!("scorm-organization-missing"),
        );
    }
    if let Some(group) = organizations.first() {
        match group.attr("default") {
            None if !orgs.is_empty() => problem(
                out,
                Code::OrganizationDefaultAbsent,
                Severity::Warning,
                m,
                msg!("scorm-organization-default-absent"),
            ),
            Some(default) if !orgs.iter().any(|o| o.attr("identifier") == Some(default)) => {
                problem(
                    out,
                    Code::OrganizationDefaultBroken,
                    Severity::Error,
                    m,
                    msg!("scorm-organization-default-broken", default = default),
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
                msg!(
                    "scorm-identifierref-broken",
                    item = item_id,
                    target = target,
                    moodle = MOODLE_INVALIDMANIFESTRESOURCE
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
                        msg!(
                            "scorm-scormtype-prefix",
                            target = target,
                            prefix = prefix,
                            value = value
                        ),
                    );
                } else {
                    problem(
                        out,
                        Code::LaunchNotSco,
                        Severity::Warning,
                        m,
                        match found {
                            Some(v) => msg!(
                                "scorm-launch-not-sco",
                                item = item_id,
                                target = target,
                                value = v
                            ),
                            None => {
                                msg!("scorm-launch-no-scormtype", item = item_id, target = target)
                            }
                        },
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
                msg!("scorm-launch-href-missing", item = item_id, target = target),
            );
        }
    }
    if sco_items == 0 && !orgs.is_empty() {
        problem(out, Code::NoSco, Severity::Error, m, msg!("scorm-no-sco"));
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
            msg!("scorm-file-unlisted"),
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
                msg!("scorm-identifier-duplicate", id = id, count = n),
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
            msg!("scorm-file-missing", path = path),
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

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
//!         (1.2) adlcp:masteryscore
//!         (2004, SCOs with a score) imsss:sequencing/objectives/primaryObjective
//!                 satisfiedByMeasure, minNormalizedMeasure = mastery / 100
//!   resources
//!     resource RES-<sco> webcontent, scormtype sco, href=<launch>; file*; dependency RES-shared
//!     resource RES-shared webcontent, scormtype asset; file*   (only when there are shared files)
//! ```
//!
//! No sequencing rules or navigation: Moodle does not implement SCORM 2004
//! sequencing. The one sequencing element written is the primary objective's
//! `minNormalizedMeasure`, from which Moodle initialises
//! `cmi.scaled_passing_score` (the 2004 pass mark; `scorm_seq_objective`). Identifiers are derived only from the course and module
//! identifiers (never from the version or a date), so they stay the same from
//! build to build and from one course version to the next: Moodle matches SCOs
//! by item identifier when a package is updated and keeps the learners'
//! tracking data only for identifiers that did not change.

mod ids;
#[cfg(test)]
mod tests;
mod write;

use write::write_manifest;

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
    /// A package of several locales: the course title in each, as
    /// (BCP 47 tag, title), for the LOM metadata (one language string
    /// each). Empty for a package of one locale.
    pub titles: Vec<(String, String)>,
    /// One SCO per module, in course order.
    pub scos: Vec<Sco>,
    /// Percent needed to pass, capped at 100: SCORM 1.2
    /// `adlcp:masteryscore` on every item; SCORM 2004 the primary
    /// objective's `minNormalizedMeasure` (mastery / 100) on the items of
    /// SCOs with a score.
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
    /// The SCO reports a score (its module has knowledge checks): in SCORM
    /// 2004 its item carries the pass mark.
    pub scored: bool,
}

const NS_CP_12: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const NS_ADLCP_12: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
const NS_IMSMD_12: &str = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";
const NS_CP_2004: &str = "http://www.imsglobal.org/xsd/imscp_v1p1";
const NS_ADLCP_2004: &str = "http://www.adlnet.org/xsd/adlcp_v1p3";
const NS_IMSSS: &str = "http://www.imsglobal.org/xsd/imsss";
const NS_LOM: &str = "http://ltsc.ieee.org/xsd/LOM";
const NS_XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// SCORM 1.2 `titleType` has `maxLength` 200; SCORM 2004 gives titles an SPM
/// of 200 characters too.
const MAX_TITLE_CHARS: usize = 200;
/// SCORM 1.2 `manifest/@version` has `maxLength` 20.
const MAX_VERSION_CHARS: usize = 20;

/// Separates the titles of several locales in one title.
const TITLE_SEPARATOR: &str = " · ";

/// One title from the titles of several locales (a multilingual package):
/// each distinct title once, in the order given, as many whole titles as fit
/// in the 200 characters a manifest title may have (Moodle keeps 255), the
/// first one cut if it alone is longer.
pub fn title_in_locales(titles: &[String]) -> String {
    let mut kept: Vec<String> = Vec::new();
    let mut len = 0;
    for t in titles {
        let t = ids::clean_text(t, MAX_TITLE_CHARS);
        if t.is_empty() || kept.contains(&t) {
            continue;
        }
        let more = t.chars().count()
            + if kept.is_empty() {
                0
            } else {
                TITLE_SEPARATOR.chars().count()
            };
        if !kept.is_empty() && len + more > MAX_TITLE_CHARS {
            continue;
        }
        len += more;
        kept.push(t);
    }
    kept.join(TITLE_SEPARATOR)
}

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

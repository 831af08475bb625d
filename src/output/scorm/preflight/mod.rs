//! Moodle pre-flight for SCORM zips: what an academy's Moodle would reject,
//! or accept and then get wrong, and why.
//!
//! Used by the build on every package before it is written, and by
//! `darslik verify PACKAGE.zip` on any SCORM zip. The checks follow what
//! Moodle's SCORM module does with a package (`mod/scorm`):
//!
//! - upload: `scorm_validate_package()` wants a file named exactly
//!   `imsmanifest.xml` at the zip root, otherwise it refuses the upload with
//!   the `badimsmanifestlocation` / `nomanifest` messages quoted below;
//! - unzip: Moodle cleans every file name with `PARAM_FILE`, which deletes
//!   control characters and `& < > " ` | ' : \ /`; a file whose name had one
//!   of them is stored under another name, and links to it break;
//! - manifest: `scorm_parse_scorm()` first rewrites every `&` that is not
//!   followed by 2-6 word characters and `;` into `&amp;` (so numeric
//!   references such as `&#39;` show up literally), then parses with PHP's
//!   non-namespace-aware expat parser (so the elements must be unprefixed and
//!   the attribute literally `adlcp:scormtype`), takes the SCORM version from
//!   `metadata/schemaversion` (`1.2` when absent or unknown), warns about
//!   items whose `identifierref` names no resource, and launches each item's
//!   resource `xml:base` + `href`. A malformed manifest passes the upload
//!   check and then breaks the parser.
//!
//! Every problem has a stable `code`, a severity, a message written for an
//! academy administrator, and the file concerned. The build treats every
//! problem as fatal (its own packages must be clean); `verify` prints all and
//! fails on errors.
//!
//! The rules on the entries themselves (names, symbolic links and other
//! special files, how many) hold for both paths. Only `verify` also inflates
//! every entry ([`super::verify`]): it reads a zip it did not make, from disk,
//! while the build checks bytes it deflated a moment ago, and inflating them
//! again would only slow every build down.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Cursor, Read, Seek};

use zip::ZipArchive;

use super::verify::{self, Limits};
use crate::diag::{Code, Msg};
use crate::msg;

mod entries;
mod rules;
#[cfg(test)]
mod tests;
mod xml;

use entries::{list_entries, report_missing_manifest};
use rules::check_manifest;
use xml::{line_of, moodle_amp_fix, parse, read_manifest};

/// How bad a problem is for Moodle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Moodle refuses the package, cannot launch part of it, or records
    /// nothing (no score, no completion) for it.
    Error,
    /// Moodle copes, but the package breaks a SCORM rule that other LMSs or
    /// tools enforce, or may misbehave on some servers.
    Warning,
}

/// One finding of the pre-flight.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Stable identifier; its string is what `verify` prints.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What Moodle would do and why, and what to change (English).
    pub message: String,
    /// The same in darslik's words, to be said in the user's language.
    pub text: Msg,
    /// The file inside the zip concerned, when there is one.
    pub file: Option<String>,
}

impl Problem {
    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// True when any problem is an error (Moodle would reject or mis-handle the package).
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}

const MANIFEST: &str = "imsmanifest.xml";
/// A manifest larger than this is not read (a course manifest is a few KB).
const MAX_MANIFEST_BYTES: u64 = 16 << 20;
const MAX_DEPTH: usize = 256;
const MAX_NODES: usize = 500_000;

const NS_CP_12: &str = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
const NS_CP_2004: &str = "http://www.imsglobal.org/xsd/imscp_v1p1";
const NS_ADLCP_12: &str = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
const NS_ADLCP_2004: &str = "http://www.adlnet.org/xsd/adlcp_v1p3";

/// Moodle's own upload messages (`mod/scorm/lang/en/scorm.php`).
const MOODLE_BADIMSMANIFESTLOCATION: &str = "An imsmanifest.xml file was found but it was not in the root of your zip file, please re-package your SCORM";
const MOODLE_NOMANIFEST: &str =
    "Incorrect file package - missing imsmanifest.xml or AICC structure";
const MOODLE_BADARCHIVE: &str = "You must provide a valid zip file";
const MOODLE_INVALIDMANIFESTRESOURCE: &str =
    "WARNING: The following resources were referenced in your manifest but couldn't be found:";

/// Characters Moodle's `PARAM_FILE` cleaning deletes from a file name
/// (besides control characters); `/` separates folders in a zip.
const UNSAFE_CHARS: &[char] = &['&', '<', '>', '"', '`', '|', '\'', ':', '\\'];

/// Unix file type bits of a zip entry's external attributes (`S_IFMT`).
const S_IFMT: u32 = 0o170_000;
const S_IFREG: u32 = 0o100_000;
const S_IFDIR: u32 = 0o040_000;
const S_IFLNK: u32 = 0o120_000;

/// Runs every check on a zip the build made in memory and returns what it
/// found, errors first in discovery order. Entries other than the manifest
/// are not inflated (see the module comment). Never panics, whatever the bytes.
pub fn preflight(zip_bytes: &[u8]) -> Vec<Problem> {
    check(Cursor::new(zip_bytes), None)
}

/// The pre-flight over any seekable reader; with `contents`, every entry is
/// also inflated to its end within those limits (CRC-32, size, ratio).
pub(crate) fn check<R: Read + Seek>(reader: R, contents: Option<&Limits>) -> Vec<Problem> {
    let mut out = Vec::new();
    run(reader, contents, &mut out);
    out.sort_by_key(|p| p.severity);
    out
}

fn problem(out: &mut Vec<Problem>, code: Code, severity: Severity, file: Option<&str>, text: Msg) {
    out.push(Problem {
        code,
        severity,
        message: text.en(),
        text,
        file: file.map(str::to_owned),
    });
}

/// A manifest problem whose message holds a detail that is itself one of
/// darslik's messages: `en` is said in English (the `message`), `local` in
/// the user's language (what `verify` prints).
fn problem_said(out: &mut Vec<Problem>, (code, severity): (Code, Severity), en: Msg, local: Msg) {
    out.push(Problem {
        code,
        severity,
        message: en.en(),
        text: local,
        file: Some(MANIFEST.to_owned()),
    });
}

struct Entry {
    name: String,
    index: usize,
    is_dir: bool,
}

fn run<R: Read + Seek>(reader: R, contents: Option<&Limits>, out: &mut Vec<Problem>) {
    let mut archive = match ZipArchive::new(reader) {
        Ok(archive) => archive,
        Err(err) => {
            problem(
                out,
                Code::ZipUnreadable,
                Severity::Error,
                None,
                msg!(
                    "scorm-zip-unreadable",
                    detail = err.to_string(),
                    moodle = MOODLE_BADARCHIVE
                ),
            );
            return;
        }
    };

    let max_entries = contents.map_or(Limits::DEFAULT.entries, |l| l.entries);
    if archive.len() as u64 > max_entries {
        problem(
            out,
            Code::ZipTooManyFiles,
            Severity::Error,
            None,
            msg!(
                "scorm-zip-too-many-files",
                count = archive.len(),
                max = max_entries
            ),
        );
        return;
    }
    let entries = list_entries(&mut archive, out);
    if let Some(limits) = contents {
        verify::read_entries(&mut archive, limits, out);
    }
    let names: BTreeSet<&str> = entries
        .iter()
        .filter(|e| !e.is_dir)
        .map(|e| e.name.as_str())
        .collect();

    let Some(manifest_entry) = entries.iter().find(|e| !e.is_dir && e.name == MANIFEST) else {
        report_missing_manifest(&entries, out);
        return;
    };

    let Some(text) = read_manifest(&mut archive, manifest_entry.index, out) else {
        return;
    };
    if let Some(pos) = text.find("&#") {
        problem(
            out,
            Code::ManifestCharRef,
            Severity::Warning,
            Some(MANIFEST),
            msg!("scorm-manifest-char-ref", line = line_of(&text, pos)),
        );
    }
    let doc = match parse(&text) {
        Ok(doc) => doc,
        Err((pos, why)) => match parse(&moodle_amp_fix(&text)) {
            // Moodle's own `&` repair makes it parse: Moodle copes, others do not.
            Ok(doc) => {
                let said = |detail: String| {
                    msg!(
                        "scorm-manifest-bare-amp",
                        line = line_of(&text, pos),
                        detail = detail
                    )
                };
                problem_said(
                    out,
                    (Code::ManifestMalformed, Severity::Warning),
                    said(why.en()),
                    said(why.local()),
                );
                doc
            }
            Err(_) => {
                let said = |detail: String| {
                    msg!(
                        "scorm-manifest-malformed",
                        line = line_of(&text, pos),
                        detail = detail
                    )
                };
                problem_said(
                    out,
                    (Code::ManifestMalformed, Severity::Error),
                    said(why.en()),
                    said(why.local()),
                );
                return;
            }
        },
    };
    check_manifest(&doc, &entries, &names, out);
}

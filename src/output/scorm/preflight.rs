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

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use zip::ZipArchive;

use super::verify::{self, Limits};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Stable identifier, one of the constants in [`codes`].
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What Moodle would do and why, and what to change.
    pub message: String,
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

/// Stable problem codes.
pub mod codes {
    /// The bytes are not a readable zip archive.
    pub const ZIP_UNREADABLE: &str = "zip-unreadable";
    /// No `imsmanifest.xml` anywhere.
    pub const MANIFEST_MISSING: &str = "manifest-missing";
    /// `imsmanifest.xml` only inside a folder.
    pub const MANIFEST_NOT_AT_ROOT: &str = "manifest-not-at-root";
    /// The manifest entry cannot be read (encrypted, damaged, too large).
    pub const MANIFEST_UNREADABLE: &str = "manifest-unreadable";
    /// The manifest is not UTF-8.
    pub const MANIFEST_ENCODING: &str = "manifest-encoding";
    /// The manifest is not well-formed XML.
    pub const MANIFEST_MALFORMED: &str = "manifest-malformed";
    /// The manifest uses numeric character references, which Moodle mangles.
    pub const MANIFEST_CHAR_REF: &str = "manifest-char-ref";
    /// The root is not an unprefixed `manifest` in a SCORM CP namespace.
    pub const MANIFEST_UNKNOWN_VERSION: &str = "manifest-unknown-version";
    /// `schemaversion` missing or not one Moodle recognises.
    pub const SCHEMAVERSION: &str = "manifest-schemaversion";
    /// Namespace and `schemaversion` name different SCORM versions.
    pub const VERSION_MISMATCH: &str = "manifest-version-mismatch";
    /// No `organizations` or no `organization`.
    pub const ORGANIZATION_MISSING: &str = "organization-missing";
    /// `organizations/@default` missing.
    pub const ORGANIZATION_DEFAULT_ABSENT: &str = "organization-default-absent";
    /// `organizations/@default` names no organization.
    pub const ORGANIZATION_DEFAULT_BROKEN: &str = "organization-default-broken";
    /// An item's `identifierref` names no resource.
    pub const IDENTIFIERREF_BROKEN: &str = "identifierref-broken";
    /// A `dependency` names no resource.
    pub const DEPENDENCY_BROKEN: &str = "dependency-broken";
    /// An item launches a resource that is not `adlcp:scormtype="sco"`.
    pub const LAUNCH_NOT_SCO: &str = "launch-not-sco";
    /// The scormtype attribute uses a prefix other than `adlcp`.
    pub const SCORMTYPE_PREFIX: &str = "scormtype-prefix";
    /// A launched resource has no `href`.
    pub const LAUNCH_HREF_MISSING: &str = "launch-href-missing";
    /// No item launches a SCO: Moodle would track nothing.
    pub const NO_SCO: &str = "no-sco";
    /// An identifier is used twice.
    pub const IDENTIFIER_DUPLICATE: &str = "identifier-duplicate";
    /// A file named in the manifest is not in the zip.
    pub const FILE_MISSING: &str = "file-missing";
    /// A zip file is named by no resource.
    pub const FILE_UNLISTED: &str = "file-unlisted";
    /// A file name holds a character Moodle's unzip removes.
    pub const FILE_NAME_UNSAFE: &str = "file-name-unsafe";
    /// An absolute path or a `..` component.
    pub const PATH_UNSAFE: &str = "path-unsafe";
    /// A non-ASCII name without the zip UTF-8 flag.
    pub const FILE_NAME_ENCODING: &str = "file-name-encoding";
    /// The same name twice in the zip.
    pub const FILE_DUPLICATE: &str = "file-duplicate";
    /// A password-protected entry.
    pub const FILE_ENCRYPTED: &str = "file-encrypted";
    /// A symbolic link entry (unix mode `S_IFLNK`).
    pub const FILE_LINK: &str = "file-link";
    /// A FIFO, device or socket entry.
    pub const FILE_SPECIAL: &str = "file-special";
    /// An entry whose CRC-32 does not match, or that cannot be inflated.
    pub const FILE_DAMAGED: &str = "file-damaged";
    /// An entry that expands past the per-entry limit.
    pub const FILE_TOO_LARGE: &str = "file-too-large";
    /// All entries together expand past the total limit.
    pub const ZIP_TOO_LARGE: &str = "zip-too-large";
    /// An entry that expands past the ratio limit.
    pub const ZIP_BOMB: &str = "zip-bomb";
    /// More entries than the limit.
    pub const ZIP_TOO_MANY_FILES: &str = "zip-too-many-files";
    /// A central directory larger than the limit.
    pub const ZIP_DIRECTORY_TOO_LARGE: &str = "zip-directory-too-large";
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

fn problem(
    out: &mut Vec<Problem>,
    code: &'static str,
    severity: Severity,
    file: Option<&str>,
    message: String,
) {
    out.push(Problem {
        code,
        severity,
        message,
        file: file.map(str::to_owned),
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
                codes::ZIP_UNREADABLE,
                Severity::Error,
                None,
                format!(
                    "This is not a readable zip archive ({err}). Moodle refuses the upload: \
                     \"{MOODLE_BADARCHIVE}\". Rebuild the package with darslik, or re-create \
                     the zip, and copy it again (a partly copied file looks like this)."
                ),
            );
            return;
        }
    };

    let max_entries = contents.map_or(Limits::DEFAULT.entries, |l| l.entries);
    if archive.len() as u64 > max_entries {
        problem(
            out,
            codes::ZIP_TOO_MANY_FILES,
            Severity::Error,
            None,
            format!(
                "The zip holds {} files; a package may hold at most {max_entries} (a course \
                 package holds hundreds). Moodle would time out unpacking it. Build the package \
                 again.",
                archive.len()
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
            codes::MANIFEST_CHAR_REF,
            Severity::Warning,
            Some(MANIFEST),
            format!(
                "imsmanifest.xml uses a numeric character reference (line {}). Before parsing, \
                 Moodle turns every `&` that does not start a named entity into `&amp;`, so a \
                 title with `&#...;` shows the code instead of the character. Write the \
                 character itself (the manifest is UTF-8).",
                line_of(&text, pos)
            ),
        );
    }
    let doc = match parse(&text) {
        Ok(doc) => doc,
        Err((pos, why)) => match parse(&moodle_amp_fix(&text)) {
            // Moodle's own `&` repair makes it parse: Moodle copes, others do not.
            Ok(doc) => {
                problem(
                    out,
                    codes::MANIFEST_MALFORMED,
                    Severity::Warning,
                    Some(MANIFEST),
                    format!(
                        "imsmanifest.xml is not well-formed XML (line {}: {why}): it has a bare \
                         `&`. Moodle repairs that before parsing, but other LMSs and SCORM \
                         validators reject the package. Write `&amp;`.",
                        line_of(&text, pos)
                    ),
                );
                doc
            }
            Err(_) => {
                problem(
                    out,
                    codes::MANIFEST_MALFORMED,
                    Severity::Error,
                    Some(MANIFEST),
                    format!(
                        "imsmanifest.xml is not well-formed XML (line {}: {why}). Moodle \
                         accepts the upload, then its manifest parser fails when the activity \
                         is saved or opened. Rebuild the package; do not edit the manifest by \
                         hand.",
                        line_of(&text, pos)
                    ),
                );
                return;
            }
        },
    };
    check_manifest(&doc, &entries, &names, out);
}

fn list_entries<R: Read + Seek>(archive: &mut ZipArchive<R>, out: &mut Vec<Problem>) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(archive.len());
    let mut seen = BTreeSet::new();
    for index in 0..archive.len() {
        let file = match archive.by_index_raw(index) {
            Ok(file) => file,
            Err(err) => {
                problem(
                    out,
                    codes::ZIP_UNREADABLE,
                    Severity::Error,
                    None,
                    format!(
                        "Entry {index} of the zip cannot be read ({err}). Moodle's unzip would \
                         fail on it. Rebuild the package and copy it again."
                    ),
                );
                continue;
            }
        };
        let raw = file.name_raw().to_vec();
        let utf8_flag = file.flags().as_u16() & 0x0800 != 0;
        let name = String::from_utf8_lossy(&raw).into_owned();
        let is_dir = name.ends_with('/') || file.is_dir();
        let encrypted = file.encrypted();
        let file_type = file.unix_mode().map_or(0, |mode| mode & S_IFMT);
        drop(file);

        check_name(&name, &raw, utf8_flag, out);
        check_type(&name, file_type, out);
        if encrypted {
            problem(
                out,
                codes::FILE_ENCRYPTED,
                Severity::Error,
                Some(&name),
                "This file is password-protected inside the zip. Moodle cannot unpack it, so \
                 the page that needs it stays broken. Create the zip without a password."
                    .to_owned(),
            );
        }
        if !is_dir && !seen.insert(name.clone()) {
            problem(
                out,
                codes::FILE_DUPLICATE,
                Severity::Warning,
                Some(&name),
                "The zip holds two files with this name. Moodle keeps only one of them, and \
                 which one depends on the server. Rebuild the package."
                    .to_owned(),
            );
        }
        entries.push(Entry {
            name,
            index,
            is_dir,
        });
    }
    entries
}

/// A zip entry is a plain file or a folder: a symbolic link unpacked on the
/// server points wherever its text says (`/etc/passwd`, another course's
/// files), and a FIFO or device entry has no business in a course.
fn check_type(name: &str, file_type: u32, out: &mut Vec<Problem>) {
    match file_type {
        0 | S_IFREG | S_IFDIR => {}
        S_IFLNK => problem(
            out,
            codes::FILE_LINK,
            Severity::Error,
            Some(name),
            "This entry is a symbolic link, not a file. Unpacked on a server it points \
             wherever its text says, outside the package too; darslik never makes links, so \
             the package was changed after it was built. Build the package again."
                .to_owned(),
        ),
        _ => problem(
            out,
            codes::FILE_SPECIAL,
            Severity::Error,
            Some(name),
            format!(
                "This entry is not a plain file (unix file type {file_type:o}: a FIFO, device \
                 or socket). A course package holds only files; darslik never makes such \
                 entries. Build the package again."
            ),
        ),
    }
}

fn check_name(name: &str, raw: &[u8], utf8_flag: bool, out: &mut Vec<Problem>) {
    let trimmed = name.trim_end_matches('/');
    let absolute = name.starts_with('/') || name.starts_with('\\');
    let dotdot = trimmed.split(['/', '\\']).any(|part| part == "..");
    if absolute || dotdot {
        problem(
            out,
            codes::PATH_UNSAFE,
            Severity::Error,
            Some(name),
            "This path is absolute or climbs out of the package with `..`. Moodle refuses to \
             unpack it outside the package folder, so the file is lost. Keep every file inside \
             the package, with relative paths."
                .to_owned(),
        );
    }
    let mut bad: Vec<String> = Vec::new();
    for c in trimmed.chars() {
        let label = if c.is_control() {
            format!("U+{:04X}", u32::from(c))
        } else if UNSAFE_CHARS.contains(&c) {
            format!("`{c}`")
        } else {
            continue;
        };
        if !bad.contains(&label) {
            bad.push(label);
        }
    }
    if !bad.is_empty() {
        problem(
            out,
            codes::FILE_NAME_UNSAFE,
            Severity::Error,
            Some(name),
            format!(
                "This file name contains {}. When Moodle unpacks a SCORM zip it deletes the \
                 characters & < > \" ` | ' : \\ and control characters from file names, so the \
                 file is stored under another name and the pages that use it cannot find it. \
                 Rename the file using letters, digits, `-`, `_` and `.`.",
                bad.join(", ")
            ),
        );
    }
    if !raw.is_ascii() && !utf8_flag {
        problem(
            out,
            codes::FILE_NAME_ENCODING,
            Severity::Warning,
            Some(name),
            "This file name is not plain ASCII and the zip does not mark it as UTF-8. Moodle \
             then has to guess its encoding (from the site language), and the name can come out \
             garbled so that links to it break. Use an ASCII name, or a zip tool that sets the \
             UTF-8 flag (darslik does)."
                .to_owned(),
        );
    }
}

fn report_missing_manifest(entries: &[Entry], out: &mut Vec<Problem>) {
    // Moodle: `strpos($pathname, 'imsmanifest.xml') !== false` anywhere else.
    if let Some(nested) = entries
        .iter()
        .find(|e| !e.is_dir && e.name.contains(MANIFEST))
    {
        let folder = nested.name.rsplit_once('/').map_or("", |(dir, _)| dir);
        problem(
            out,
            codes::MANIFEST_NOT_AT_ROOT,
            Severity::Error,
            Some(&nested.name),
            format!(
                "Moodle refuses this upload: \"{MOODLE_BADIMSMANIFESTLOCATION}\". The manifest \
                 is inside the folder `{folder}`; this happens when the folder itself was \
                 zipped. Zip the contents of the folder instead, so that imsmanifest.xml is at \
                 the top of the zip."
            ),
        );
        return;
    }
    let case_variant = entries
        .iter()
        .find(|e| !e.is_dir && e.name.to_ascii_lowercase().ends_with(MANIFEST))
        .map(|e| e.name.clone());
    let hint = match &case_variant {
        Some(found) => format!(
            " The zip has `{found}`: Moodle looks for the name exactly as \
             `imsmanifest.xml`, in lower case, at the top of the zip."
        ),
        None => " This zip is not a SCORM package (or it is an AICC package, which darslik \
                 does not check)."
            .to_owned(),
    };
    problem(
        out,
        codes::MANIFEST_MISSING,
        Severity::Error,
        case_variant.as_deref(),
        format!("Moodle refuses this upload: \"{MOODLE_NOMANIFEST}\".{hint}"),
    );
}

fn read_manifest<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    index: usize,
    out: &mut Vec<Problem>,
) -> Option<String> {
    let mut unreadable = |why: String| {
        problem(
            out,
            codes::MANIFEST_UNREADABLE,
            Severity::Error,
            Some(MANIFEST),
            format!(
                "imsmanifest.xml cannot be read from the zip ({why}). Moodle could not read \
                 it either. Rebuild the package."
            ),
        );
    };
    let mut bytes = Vec::new();
    match archive.by_index(index) {
        Ok(file) => {
            let result = file.take(MAX_MANIFEST_BYTES + 1).read_to_end(&mut bytes);
            if let Err(err) = result {
                unreadable(err.to_string());
                return None;
            }
        }
        Err(err) => {
            unreadable(err.to_string());
            return None;
        }
    }
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        unreadable(format!("it is larger than {} MB", MAX_MANIFEST_BYTES >> 20));
        return None;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match String::from_utf8(body.to_vec()) {
        Ok(text) => Some(text),
        Err(err) => {
            problem(
                out,
                codes::MANIFEST_ENCODING,
                Severity::Error,
                Some(MANIFEST),
                format!(
                    "imsmanifest.xml is not UTF-8 (invalid byte at offset {}). Moodle reads \
                     manifests as UTF-8, so titles come out garbled or the parser fails. Save \
                     the manifest as UTF-8.",
                    err.utf8_error().valid_up_to()
                ),
            );
            None
        }
    }
}

/// What `scorm_parse_scorm()` does first: `preg_replace('/&(?!\w{2,6};)/', '&amp;', ...)`.
fn moodle_amp_fix(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (i, _) in text.match_indices('&') {
        let rest = &bytes[i + 1..];
        let word = rest
            .iter()
            .take(7)
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        let kept = (2..=6).contains(&word) && rest.get(word) == Some(&b';');
        if !kept {
            out.push_str(&text[last..i]);
            out.push_str("&amp;");
            last = i + 1;
        }
    }
    out.push_str(&text[last..]);
    out
}

fn line_of(text: &str, byte_pos: usize) -> usize {
    let end = byte_pos.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

// ---- a small element tree ------------------------------------------------

struct Node {
    /// Qualified name as written (`item`, `adlcp:masteryscore`).
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<usize>,
}

struct Doc {
    nodes: Vec<Node>,
}

impl Doc {
    fn root(&self) -> &Node {
        &self.nodes[0]
    }

    fn children<'a>(&'a self, node: &'a Node) -> impl Iterator<Item = &'a Node> + 'a {
        node.children.iter().filter_map(|&i| self.nodes.get(i))
    }

    /// Children whose name is `local`, compared like Moodle (ASCII case-insensitive, unprefixed).
    fn named<'a>(&'a self, node: &'a Node, local: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children(node)
            .filter(move |n| n.name.eq_ignore_ascii_case(local))
    }
}

impl Node {
    /// Attribute value by exact-case-insensitive qualified name (PHP folds case).
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type ParseError = (usize, String);

fn parse(text: &str) -> Result<Doc, ParseError> {
    let mut reader = Reader::from_str(text);
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut has_doctype = false;
    let mut root_done = false;

    loop {
        let event = reader.read_event();
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match event {
            Ok(event) => event,
            Err(err) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err((at, err.to_string()));
            }
        };
        match event {
            Event::Start(e) => {
                open_element(&mut nodes, &mut stack, &mut root_done, &e, pos, false)?
            }
            Event::Empty(e) => open_element(&mut nodes, &mut stack, &mut root_done, &e, pos, true)?,
            Event::End(_) => {
                stack.pop();
                if stack.is_empty() {
                    root_done = true;
                }
            }
            Event::Text(t) => {
                let content = t.xml10_content();
                match stack.last() {
                    Some(&top) => nodes[top].text.push_str(&content),
                    None if content.trim().is_empty() => {}
                    None => return Err((pos, "text outside the root element".to_owned())),
                }
            }
            Event::CData(t) => {
                if let Some(&top) = stack.last() {
                    nodes[top].text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => return Err((pos, format!("invalid character reference &{};", &*r))),
                    }
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    s.to_owned()
                } else if has_doctype {
                    String::new()
                } else {
                    return Err((pos, format!("undefined entity &{};", &*r)));
                };
                if let Some(&top) = stack.last() {
                    nodes[top].text.push_str(&resolved);
                }
            }
            Event::DocType(_) => has_doctype = true,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(&open) = stack.last() {
        let name = nodes.get(open).map_or("?", |n| n.name.as_str());
        return Err((text.len(), format!("<{name}> is never closed")));
    }
    if nodes.is_empty() {
        return Err((0, "there is no element at all".to_owned()));
    }
    Ok(Doc { nodes })
}

fn open_element(
    nodes: &mut Vec<Node>,
    stack: &mut Vec<usize>,
    root_done: &mut bool,
    e: &quick_xml::events::BytesStart<'_>,
    pos: usize,
    is_empty: bool,
) -> Result<(), ParseError> {
    if *root_done && stack.is_empty() {
        return Err((pos, "a second top-level element".to_owned()));
    }
    if stack.len() >= MAX_DEPTH || nodes.len() >= MAX_NODES {
        return Err((
            pos,
            "the document is nested too deeply or is too large".into(),
        ));
    }
    let mut attrs = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| (pos, err.to_string()))?;
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| (pos, err.to_string()))?;
        attrs.push((attr.key.as_ref().to_owned(), value.into_owned()));
    }
    let index = nodes.len();
    nodes.push(Node {
        name: e.name().as_ref().to_owned(),
        attrs,
        text: String::new(),
        children: Vec::new(),
    });
    if let Some(&parent) = stack.last()
        && let Some(node) = nodes.get_mut(parent)
    {
        node.children.push(index);
    }
    if is_empty {
        if stack.is_empty() {
            *root_done = true;
        }
    } else {
        stack.push(index);
    }
    Ok(())
}

// ---- manifest checks -----------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Version {
    V12,
    V2004,
}

impl Version {
    fn label(self) -> &'static str {
        match self {
            Version::V12 => "SCORM 1.2",
            Version::V2004 => "SCORM 2004",
        }
    }
}

/// What Moodle makes of `schemaversion` (`scorm_get_manifest()`): `None`
/// when it does not recognise the text (Moodle then assumes 1.2).
fn moodle_schemaversion(text: &str) -> Option<Version> {
    // PCRE `$` also matches before a final newline.
    let t = text.strip_suffix('\n').unwrap_or(text);
    match t {
        "1.2" => Some(Version::V12),
        "1.3" | "CAM 1.3" | "2004 3rd Edition" | "2004 4th Edition" => Some(Version::V2004),
        _ => None,
    }
}

fn check_manifest(doc: &Doc, entries: &[Entry], names: &BTreeSet<&str>, out: &mut Vec<Problem>) {
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
            codes::MANIFEST_UNKNOWN_VERSION,
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
    match (schemaversion, moodle_version) {
        (None, _) => problem(
            out,
            codes::SCHEMAVERSION,
            if ns_version == Version::V12 {
                Severity::Warning
            } else {
                Severity::Error
            },
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
            codes::SCHEMAVERSION,
            if ns_version == Version::V12 {
                Severity::Warning
            } else {
                Severity::Error
            },
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
            codes::VERSION_MISMATCH,
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
                        codes::DEPENDENCY_BROKEN,
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
            codes::ORGANIZATION_MISSING,
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
                codes::ORGANIZATION_DEFAULT_ABSENT,
                Severity::Warning,
                m,
                "<organizations> has no `default` attribute. Moodle starts with the first \
                 organization; SCORM requires the attribute."
                    .to_owned(),
            ),
            Some(default) if !orgs.iter().any(|o| o.attr("identifier") == Some(default)) => {
                problem(
                    out,
                    codes::ORGANIZATION_DEFAULT_BROKEN,
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
                codes::IDENTIFIERREF_BROKEN,
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
                        codes::SCORMTYPE_PREFIX,
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
                        codes::LAUNCH_NOT_SCO,
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
                codes::LAUNCH_HREF_MISSING,
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
            codes::NO_SCO,
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
            codes::FILE_UNLISTED,
            Severity::Warning,
            Some(name),
            "This file is in the zip but no resource of imsmanifest.xml lists it. Moodle still \
             serves it, but SCORM requires every file to be listed, and LMSs that copy only \
             listed files would leave it out. Rebuild the package, or list the file."
                .to_owned(),
        );
    }
}

fn collect_items<'a>(doc: &'a Doc, parent: &'a Node, out: &mut Vec<&'a Node>) {
    for item in doc.named(parent, "item") {
        out.push(item);
        collect_items(doc, item, out);
    }
}

fn check_identifiers(doc: &Doc, out: &mut Vec<Problem>) {
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
                codes::IDENTIFIER_DUPLICATE,
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

struct Hrefs<'a, 'b> {
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
            codes::FILE_MISSING,
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
fn normalize(path: &str) -> Option<String> {
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

fn percent_decode(s: &str) -> String {
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

#[cfg(test)]
mod tests {
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
            })
            .collect();
        let spec = PackageSpec {
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

    fn codes_of(problems: &[Problem]) -> Vec<&'static str> {
        problems.iter().map(|p| p.code).collect()
    }

    fn only(problems: &[Problem], code: &str) -> Problem {
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
            assert_eq!(codes_of(&problems), [codes::ZIP_UNREADABLE]);
            assert!(problems[0].message.contains(MOODLE_BADARCHIVE));
        }
    }

    #[test]
    fn no_manifest() {
        let zip = write_zip(&[ZipEntry::new("index.html", b"<p>hi</p>".to_vec())], None)
            .unwrap_or_default();
        let problems = preflight(&zip);
        let p = only(&problems, codes::MANIFEST_MISSING);
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
        let p = only(&preflight(&zip), codes::MANIFEST_MISSING);
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
        let p = only(&problems, codes::MANIFEST_NOT_AT_ROOT);
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
        let p = only(&problems, codes::FILE_MISSING);
        assert_eq!(p.file.as_deref(), Some("module-07/img/chart.svg"));
        assert!(p.is_error());
        assert_eq!(problems.len(), 1, "{problems:#?}");
    }

    #[test]
    fn launch_file_missing() {
        let zip = package(ScormVersion::Scorm12, |_, files| {
            files.retain(|(p, _)| p != "module-06/index.html");
        });
        let p = only(&preflight(&zip), codes::FILE_MISSING);
        assert_eq!(p.file.as_deref(), Some("module-06/index.html"));
    }

    #[test]
    fn unlisted_file() {
        let zip = package(ScormVersion::Scorm12, |_, files| {
            files.push(("notes/todo.txt".into(), b"x".to_vec()));
        });
        let problems = preflight(&zip);
        let p = only(&problems, codes::FILE_UNLISTED);
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
            let p = only(&problems, codes::FILE_NAME_UNSAFE);
            assert_eq!(p.file.as_deref(), Some(bad));
            assert!(
                p.message.contains("deletes the characters"),
                "{}",
                p.message
            );
            assert!(
                problems
                    .iter()
                    .all(|q| [codes::FILE_NAME_UNSAFE, codes::MANIFEST_CHAR_REF].contains(&q.code)),
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
        let p = only(&problems, codes::IDENTIFIERREF_BROKEN);
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
        only(&problems, codes::ORGANIZATION_DEFAULT_BROKEN);
        assert_eq!(
            problems
                .iter()
                .filter(|p| p.code == codes::DEPENDENCY_BROKEN)
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
                .filter(|p| p.code == codes::LAUNCH_NOT_SCO)
                .count(),
            3
        );
        assert!(only(&problems, codes::NO_SCO).is_error());
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
                .filter(|p| p.code == codes::SCORMTYPE_PREFIX)
                .count(),
            3
        );
    }

    #[test]
    fn duplicate_identifier() {
        let zip = package(ScormVersion::Scorm12, |manifest, _| {
            *manifest = manifest.replace("ITEM-module-07", "ITEM-module-06");
        });
        let p = only(&preflight(&zip), codes::IDENTIFIER_DUPLICATE);
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
            let p = only(&problems, codes::MANIFEST_MALFORMED);
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
        let p = only(&problems, codes::MANIFEST_MALFORMED);
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
        only(&preflight(&zip), codes::VERSION_MISMATCH);

        let zip = package(ScormVersion::Scorm2004, |manifest, _| {
            *manifest = manifest.replace("<schemaversion>2004 4th Edition</schemaversion>", "");
        });
        assert!(only(&preflight(&zip), codes::SCHEMAVERSION).is_error());

        let zip = package(ScormVersion::Scorm12, |manifest, _| {
            *manifest = manifest.replace(
                "<schemaversion>1.2</schemaversion>",
                "<schemaversion> 1.2 </schemaversion>",
            );
        });
        assert!(!only(&preflight(&zip), codes::SCHEMAVERSION).is_error());

        let zip = package(ScormVersion::Scorm12, |manifest, _| {
            *manifest = manifest.replace(NS_CP_12, "http://example.com/not-scorm");
        });
        only(&preflight(&zip), codes::MANIFEST_UNKNOWN_VERSION);
    }

    #[test]
    fn numeric_character_reference() {
        let zip = package(ScormVersion::Scorm12, |manifest, _| {
            *manifest = manifest.replacen("&apos;", "&#39;", 1);
        });
        let problems = preflight(&zip);
        assert!(!only(&problems, codes::MANIFEST_CHAR_REF).is_error());
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
            .filter(|p| p.code == codes::PATH_UNSAFE)
            .filter_map(|p| p.file.clone())
            .collect();
        assert_eq!(
            unsafe_paths,
            ["../evil.html", "/etc/passwd"],
            "{problems:#?}"
        );
        only(&problems, codes::FILE_NAME_ENCODING);
        let p = only(&problems, codes::FILE_NAME_UNSAFE);
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
            let p = only(&problems, codes::FILE_LINK);
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
}

//! The rules on the zip entries themselves: names Moodle's unzip would
//! change, unsafe paths, symbolic links and other special files, and where
//! the manifest is.

use std::io::{Read, Seek};

use zip::ZipArchive;

use super::*;

pub(super) fn list_entries<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    out: &mut Vec<Problem>,
) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(archive.len());
    let mut seen = BTreeSet::new();
    for index in 0..archive.len() {
        let file = match archive.by_index_raw(index) {
            Ok(file) => file,
            Err(err) => {
                problem(
                    out,
                    Code::ZipUnreadable,
                    Severity::Error,
                    None,
                    msg!(
                        "scorm-entry-unreadable",
                        index = index,
                        detail = err.to_string()
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
                Code::FileEncrypted,
                Severity::Error,
                Some(&name),
                msg!("scorm-file-encrypted"),
            );
        }
        if !is_dir && !seen.insert(name.clone()) {
            problem(
                out,
                Code::FileDuplicate,
                Severity::Warning,
                Some(&name),
                msg!("scorm-file-duplicate"),
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
pub(super) fn check_type(name: &str, file_type: u32, out: &mut Vec<Problem>) {
    match file_type {
        0 | S_IFREG | S_IFDIR => {}
        S_IFLNK => problem(
            out,
            Code::FileLink,
            Severity::Error,
            Some(name),
            msg!("scorm-file-link"),
        ),
        _ => problem(
            out,
            Code::FileSpecial,
            Severity::Error,
            Some(name),
            msg!("scorm-file-special", kind = format!("{file_type:o}")),
        ),
    }
}

pub(super) fn check_name(name: &str, raw: &[u8], utf8_flag: bool, out: &mut Vec<Problem>) {
    let trimmed = name.trim_end_matches('/');
    let absolute = name.starts_with('/') || name.starts_with('\\');
    let dotdot = trimmed.split(['/', '\\']).any(|part| part == "..");
    if absolute || dotdot {
        problem(
            out,
            Code::PathUnsafe,
            Severity::Error,
            Some(name),
            msg!("scorm-path-unsafe"),
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
            Code::FileNameUnsafe,
            Severity::Error,
            Some(name),
            msg!(
                "scorm-file-name-unsafe",
                chars = bad.join(", "),
                deleted = "& < > \" ` | ' : \\"
            ),
        );
    }
    if !raw.is_ascii() && !utf8_flag {
        problem(
            out,
            Code::FileNameEncoding,
            Severity::Warning,
            Some(name),
            msg!("scorm-file-name-encoding"),
        );
    }
}

pub(super) fn report_missing_manifest(entries: &[Entry], out: &mut Vec<Problem>) {
    // Moodle: `strpos($pathname, 'imsmanifest.xml') !== false` anywhere else.
    if let Some(nested) = entries
        .iter()
        .find(|e| !e.is_dir && e.name.contains(MANIFEST))
    {
        let folder = nested.name.rsplit_once('/').map_or("", |(dir, _)| dir);
        problem(
            out,
            Code::ManifestNotAtRoot,
            Severity::Error,
            Some(&nested.name),
            msg!(
                "scorm-manifest-not-at-root",
                moodle = MOODLE_BADIMSMANIFESTLOCATION,
                folder = folder
            ),
        );
        return;
    }
    let case_variant = entries
        .iter()
        .find(|e| !e.is_dir && e.name.to_ascii_lowercase().ends_with(MANIFEST))
        .map(|e| e.name.clone());
    let text = match &case_variant {
        Some(found) => msg!(
            "scorm-manifest-missing-case",
            moodle = MOODLE_NOMANIFEST,
            found = found
        ),
        None => msg!("scorm-manifest-missing", moodle = MOODLE_NOMANIFEST),
    };
    problem(
        out,
        Code::ManifestMissing,
        Severity::Error,
        case_variant.as_deref(),
        text,
    );
}

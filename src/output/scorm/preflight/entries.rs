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
                Code::FileEncrypted,
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
                Code::FileDuplicate,
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
pub(super) fn check_type(name: &str, file_type: u32, out: &mut Vec<Problem>) {
    match file_type {
        0 | S_IFREG | S_IFDIR => {}
        S_IFLNK => problem(
            out,
            Code::FileLink,
            Severity::Error,
            Some(name),
            "This entry is a symbolic link, not a file. Unpacked on a server it points \
             wherever its text says, outside the package too; darslik never makes links, so \
             the package was changed after it was built. Build the package again."
                .to_owned(),
        ),
        _ => problem(
            out,
            Code::FileSpecial,
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
            Code::FileNameUnsafe,
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
            Code::FileNameEncoding,
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
        Code::ManifestMissing,
        Severity::Error,
        case_variant.as_deref(),
        format!("Moodle refuses this upload: \"{MOODLE_NOMANIFEST}\".{hint}"),
    );
}

//! `darslik verify` on a file it did not make: a zip from a stick, a mail, a
//! colleague. Nothing about it is trusted.
//!
//! - The path is opened without blocking and checked on the opened file: a
//!   FIFO, a device or a socket is refused before one byte is read (reading
//!   `/dev/zero` never ends, opening a FIFO waits for a writer forever).
//! - The zip is read through its central directory from the file, never
//!   loaded whole: memory stays flat however large the zip is.
//! - Before the central directory is parsed, its end record is read by hand
//!   and its claims bounded (the zip crate keeps one record of a few hundred
//!   bytes per entry in memory).
//! - Every entry is inflated to its end, so its CRC-32 is checked; the bytes
//!   actually produced are counted (the sizes in the headers are the
//!   attacker's), and reading stops at the first limit passed.
//!
//! The Moodle rules themselves ([`super::preflight`]) are the same as for the
//! packages the build makes in memory; only the reading differs.
//! [`printable`] makes any text taken from a file safe to write to a terminal.

use std::fs::{File, FileType};
use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use zip::ZipArchive;

use super::preflight::{self, Problem, Severity};
use crate::diag::{Code, Msg};
use crate::msg;

/// Bounds on what the streaming check will read from a zip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Most bytes one entry may expand to.
    pub entry_bytes: u64,
    /// Most bytes all entries together may expand to.
    pub total_bytes: u64,
    /// Most uncompressed bytes per compressed byte, for an entry past
    /// [`Limits::ratio_floor`].
    pub ratio: u64,
    /// Entries that expand to less than this are not held to [`Limits::ratio`]
    /// (a small file of one repeated byte is not a bomb).
    pub ratio_floor: u64,
    /// Most entries in the zip.
    pub entries: u64,
    /// Largest central directory, in bytes.
    pub central_directory_bytes: u64,
}

impl Limits {
    /// The limits of `darslik verify`.
    pub const DEFAULT: Limits = Limits {
        // A course package holds pages, pictures and at most a few videos;
        // Moodle's own upload limit is far lower on most sites. A single
        // file over 1 GiB is not course content.
        entry_bytes: 1 << 30,
        // Four such files, or the unpacked size no academy server would
        // take; also a bound on the time verify spends (about 10 s).
        total_bytes: 4 << 30,
        // Deflate cannot do better than about 1032:1; HTML, CSS and JS
        // compress 3-10:1, the most repetitive SVG about 50:1. Over 100:1 is a
        // file made to expand (a zip bomb).
        ratio: 100,
        ratio_floor: 1 << 20,
        // Without ZIP64 a zip holds at most 65,535 entries; a course package
        // holds hundreds. The zip crate keeps a record per entry in memory.
        entries: 65_535,
        // 65,535 entries with names of up to about 500 bytes.
        central_directory_bytes: 32 << 20,
    };
}

/// What a path given to `verify` turned out to be, once opened.
pub enum Target {
    /// A plain file, opened: a SCORM zip to check.
    File(File),
    /// A folder: a bundle to check against its SHA256SUMS.
    Folder,
}

/// Opens `path` for `verify` without blocking and refuses anything that is not
/// a plain file or a folder, naming what it is. Symbolic links given on the
/// command line are followed (the user named them).
pub fn open(path: &Path) -> Result<Target, Msg> {
    let cannot = |e: io::Error| {
        msg!(
            "scorm-verify-cannot-read",
            file = path.display().to_string(),
            reason = e.to_string()
        )
    };
    let file = open_nonblocking(path, true).map_err(cannot)?;
    let kind = file.metadata().map_err(cannot)?.file_type();
    if kind.is_dir() {
        Ok(Target::Folder)
    } else if kind.is_file() {
        Ok(Target::File(file))
    } else {
        Err(msg!(
            "scorm-verify-not-plain",
            file = path.display().to_string(),
            kind = describe_local(&kind)
        ))
    }
}

/// Opens a file that must be a plain file, never following a symbolic link
/// and never blocking (the bundle check reads files of a folder it does not
/// trust). The error names what was found instead.
pub fn open_plain(path: &Path) -> Result<File, NotPlain> {
    let file = match open_nonblocking(path, false) {
        Ok(file) => file,
        // O_NOFOLLOW on a symbolic link.
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            return Err(NotPlain::Kind("a symbolic link"));
        }
        Err(e) => return Err(NotPlain::Io(e)),
    };
    let kind = file.metadata().map_err(NotPlain::Io)?.file_type();
    if kind.is_file() {
        Ok(file)
    } else {
        Err(NotPlain::Kind(describe(&kind)))
    }
}

/// Why [`open_plain`] refused a path.
#[derive(Debug)]
pub enum NotPlain {
    /// It is something else: a folder, a link, a FIFO, a device.
    Kind(&'static str),
    /// It could not be opened at all.
    Io(io::Error),
}

fn open_nonblocking(path: &Path, follow: bool) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a
        // writer; it changes nothing for a plain file. O_NOCTTY: a terminal
        // device never becomes ours.
        let mut flags = libc::O_NONBLOCK | libc::O_NOCTTY;
        if !follow {
            flags |= libc::O_NOFOLLOW;
        }
        options.custom_flags(flags);
    }
    #[cfg(not(unix))]
    let _ = follow;
    options.open(path)
}

/// [`describe`] in the user's language.
pub fn describe_local(kind: &FileType) -> String {
    let id = match describe(kind) {
        "a FIFO, a named pipe" => "scorm-kind-fifo",
        "a character device" => "scorm-kind-char-device",
        "a block device" => "scorm-kind-block-device",
        "a socket" => "scorm-kind-socket",
        "a symbolic link" => "scorm-kind-link",
        "a folder" => "scorm-kind-folder",
        "a plain file" => "scorm-kind-file",
        _ => "scorm-kind-other",
    };
    Msg::new(id).local()
}

/// What a file that is not plain is, for a person.
pub fn describe(kind: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO, a named pipe";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else if kind.is_file() {
        "a plain file"
    } else {
        "not a file darslik knows"
    }
}

/// The whole pre-flight of a zip on disk: the end record's claims, the Moodle
/// rules, and every entry read to its end within `limits`. Errors first.
pub fn check_zip(file: File, limits: &Limits) -> Vec<Problem> {
    // 64 KiB: large enough that reading a big entry is not dominated by
    // system calls, small enough to be nothing next to the 100 MB budget.
    let mut reader = BufReader::with_capacity(64 << 10, file);
    let mut out = Vec::new();
    if let Err(problem) = end_record_claims(&mut reader, limits) {
        out.push(problem);
        return out;
    }
    preflight::check(reader, Some(limits))
}

// ---- the end record, read by hand -----------------------------------------

const EOCD_SIGNATURE: [u8; 4] = *b"PK\x05\x06";
const EOCD_LEN: u64 = 22;
const ZIP64_LOCATOR_SIGNATURE: [u8; 4] = *b"PK\x06\x07";
const ZIP64_LOCATOR_LEN: u64 = 20;
const ZIP64_EOCD_SIGNATURE: [u8; 4] = *b"PK\x06\x06";
const ZIP64_EOCD_LEN: usize = 56;
/// The end record sits in the last 22 bytes plus a comment of up to 64 KiB.
const TAIL: u64 = EOCD_LEN + 0xFFFF;

/// Checks what every end record candidate in the zip's tail says about the
/// central directory (entries, bytes) against `limits`, before the zip crate
/// allocates for it. Any candidate counts, because the crate falls back to an
/// earlier one when the last is broken. A file with no candidate is left to
/// the crate, which reports it unreadable.
fn end_record_claims<R: Read + Seek>(reader: &mut R, limits: &Limits) -> Result<(), Problem> {
    let Ok(len) = reader.seek(SeekFrom::End(0)) else {
        return Ok(());
    };
    let start = len.saturating_sub(TAIL);
    let mut tail = Vec::new();
    if reader.seek(SeekFrom::Start(start)).is_err()
        || reader.by_ref().take(TAIL).read_to_end(&mut tail).is_err()
    {
        return Ok(());
    }
    let mut claims = Vec::new();
    for at in memchr::memmem::find_iter(&tail, &EOCD_SIGNATURE) {
        let Some(record) = tail.get(at..at + EOCD_LEN as usize) else {
            continue;
        };
        let entries = u64::from(u16_at(record, 10));
        let bytes = u64::from(u32_at(record, 12));
        claims.push((entries, bytes));
        // ZIP64: the real counts are in another record the locator points to.
        let zip64 = entries == 0xFFFF || bytes == 0xFFFF_FFFF;
        let locator_at = (start + at as u64).checked_sub(ZIP64_LOCATOR_LEN);
        if let (true, Some(locator_at)) = (zip64, locator_at)
            && let Some(claim) = zip64_claims(reader, locator_at)
        {
            claims.push(claim);
        }
    }
    for (entries, bytes) in claims {
        if entries > limits.entries {
            return Err(too_big(
                Code::ZipTooManyFiles,
                msg!(
                    "scorm-zip-claims-files",
                    count = entries,
                    max = limits.entries
                ),
            ));
        }
        if bytes > limits.central_directory_bytes {
            return Err(too_big(
                Code::ZipDirectoryTooLarge,
                msg!(
                    "scorm-zip-directory-too-large",
                    mb = bytes >> 20,
                    max = limits.central_directory_bytes >> 20
                ),
            ));
        }
    }
    Ok(())
}

fn zip64_claims<R: Read + Seek>(reader: &mut R, locator_at: u64) -> Option<(u64, u64)> {
    let mut locator = [0u8; ZIP64_LOCATOR_LEN as usize];
    reader.seek(SeekFrom::Start(locator_at)).ok()?;
    reader.read_exact(&mut locator).ok()?;
    if locator[..4] != ZIP64_LOCATOR_SIGNATURE {
        return None;
    }
    let record_at = u64_at(&locator, 8);
    let mut record = [0u8; ZIP64_EOCD_LEN];
    reader.seek(SeekFrom::Start(record_at)).ok()?;
    reader.read_exact(&mut record).ok()?;
    if record[..4] != ZIP64_EOCD_SIGNATURE {
        return None;
    }
    Some((u64_at(&record, 32), u64_at(&record, 40)))
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

fn too_big(code: Code, text: Msg) -> Problem {
    Problem {
        code,
        severity: Severity::Error,
        message: text.en(),
        text,
        file: None,
    }
}

// ---- every entry, read to its end -------------------------------------------

/// Inflates every entry of `archive` to its end within `limits`: a CRC-32
/// that does not match, data that cannot be inflated, an entry or a total
/// past the size limits, or a ratio past the bomb limit is a problem naming
/// the entry. Stops at the total limit. Password-protected entries are
/// skipped (the pre-flight reports them).
pub(super) fn read_entries<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    limits: &Limits,
    out: &mut Vec<Problem>,
) {
    let mut buf = vec![0u8; 64 << 10];
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let (name, compressed, encrypted) = match archive.by_index_raw(index) {
            Ok(file) => (
                String::from_utf8_lossy(file.name_raw()).into_owned(),
                file.compressed_size(),
                file.encrypted(),
            ),
            // The pre-flight reports an entry whose record cannot be read.
            Err(_) => continue,
        };
        if encrypted {
            continue;
        }
        let mut file = match archive.by_index(index) {
            Ok(file) => file,
            Err(err) => {
                out.push(damaged(&name, Some(err.to_string())));
                continue;
            }
        };
        let mut produced: u64 = 0;
        loop {
            let n = match file.read(&mut buf) {
                // End of the entry: the zip crate has compared the CRC-32.
                Ok(0) => break,
                Ok(n) => n as u64,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => {
                    // The zip crate's words for a CRC-32 mismatch.
                    let why = if err.to_string() == "Invalid checksum" {
                        None
                    } else {
                        Some(err.to_string())
                    };
                    out.push(damaged(&name, why));
                    break;
                }
            };
            produced += n;
            total += n;
            if produced > limits.entry_bytes {
                out.push(entry_problem(
                    Code::FileTooLarge,
                    &name,
                    msg!("scorm-file-too-large", mb = limits.entry_bytes >> 20),
                ));
                break;
            }
            if produced > limits.ratio_floor && produced > compressed.saturating_mul(limits.ratio) {
                out.push(entry_problem(
                    Code::ZipBomb,
                    &name,
                    msg!(
                        "scorm-zip-bomb",
                        ratio = limits.ratio,
                        kb = compressed >> 10,
                        mb = produced >> 20
                    ),
                ));
                break;
            }
            if total > limits.total_bytes {
                out.push(entry_problem(
                    Code::ZipTooLarge,
                    &name,
                    msg!("scorm-zip-too-large", mb = limits.total_bytes >> 20),
                ));
                return;
            }
        }
    }
}

/// An entry that cannot be inflated (`detail`: the zip crate's words) or,
/// without `detail`, whose checksum does not match.
fn damaged(name: &str, detail: Option<String>) -> Problem {
    let text = match detail {
        None => msg!("scorm-file-damaged-checksum", file = name),
        Some(detail) => msg!("scorm-file-damaged", file = name, detail = detail),
    };
    entry_problem(Code::FileDamaged, name, text)
}

fn entry_problem(code: Code, name: &str, text: Msg) -> Problem {
    Problem {
        code,
        severity: Severity::Error,
        message: text.en(),
        text,
        file: Some(name.to_owned()),
    }
}

// ---- text for a terminal: `crate::diag::printable` -------------------------

pub use crate::diag::printable;

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};

    fn zip_of(entries: &[(&str, &[u8], CompressionMethod)]) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data, method) in entries {
            let opts = SimpleFileOptions::default().compression_method(*method);
            w.start_file(*name, opts).unwrap_or_else(|e| panic!("{e}"));
            w.write_all(data).unwrap_or_else(|e| panic!("{e}"));
        }
        w.finish()
            .map(Cursor::into_inner)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn entry_codes(zip: &[u8], limits: &Limits) -> Vec<(Code, String)> {
        let mut archive = ZipArchive::new(Cursor::new(zip)).unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        read_entries(&mut archive, limits, &mut out);
        out.into_iter()
            .map(|p| (p.code, p.file.unwrap_or_default()))
            .collect()
    }

    const SMALL: Limits = Limits {
        entry_bytes: 1000,
        total_bytes: 2500,
        ratio: 10,
        ratio_floor: 100,
        entries: 10,
        central_directory_bytes: 4096,
    };

    #[test]
    fn limits_count_the_bytes_produced() {
        let noise: Vec<u8> = (0..900u32).map(|i| (i * 7919 % 251) as u8).collect();
        let stored = CompressionMethod::Stored;
        let ok = zip_of(&[("a", &noise, stored), ("b", &noise, stored)]);
        assert_eq!(entry_codes(&ok, &SMALL), []);

        let big = vec![7u8; 1001];
        let zip = zip_of(&[("big", &big, stored)]);
        assert_eq!(
            entry_codes(&zip, &SMALL),
            [(Code::FileTooLarge, "big".to_owned())]
        );

        let zip = zip_of(&[
            ("a", &noise, stored),
            ("b", &noise, stored),
            ("c", &noise, stored),
        ]);
        assert_eq!(
            entry_codes(&zip, &SMALL),
            [(Code::ZipTooLarge, "c".to_owned())]
        );

        let zeros = vec![0u8; 900];
        let zip = zip_of(&[("z", &zeros, CompressionMethod::Deflated)]);
        assert_eq!(entry_codes(&zip, &SMALL), [(Code::ZipBomb, "z".to_owned())]);
        // Under the floor, any ratio is fine.
        let zip = zip_of(&[("z", &zeros[..90], CompressionMethod::Deflated)]);
        assert_eq!(entry_codes(&zip, &SMALL), []);
    }

    /// A header that says the entry is small does not stop the count: the zip
    /// crate refuses to read past the declared size, which is damage.
    #[test]
    fn a_lying_size_is_damage() {
        let data = vec![b'x'; 600];
        let mut zip = zip_of(&[("x", &data, CompressionMethod::Deflated)]);
        // Uncompressed size in the central directory record (offset 24).
        let cd = memchr::memmem::rfind(&zip, b"PK\x01\x02").unwrap_or(0);
        zip[cd + 24..cd + 28].copy_from_slice(&10u32.to_le_bytes());
        let found = entry_codes(&zip, &Limits::DEFAULT);
        assert_eq!(found, [(Code::FileDamaged, "x".to_owned())]);
    }

    #[test]
    fn end_record_claims_are_bounded() {
        let noise = [1u8, 2, 3];
        let entries: Vec<(String, &[u8], CompressionMethod)> = (0..11)
            .map(|i| (format!("f{i}"), &noise[..], CompressionMethod::Stored))
            .collect();
        let refs: Vec<(&str, &[u8], CompressionMethod)> = entries
            .iter()
            .map(|(n, d, m)| (n.as_str(), *d, *m))
            .collect();
        let zip = zip_of(&refs);
        let too_many = end_record_claims(&mut Cursor::new(&zip), &SMALL);
        assert!(too_many.is_err_and(|p| p.message.contains("holds 11 files")));
        let fine = Limits {
            entries: 11,
            ..SMALL
        };
        assert!(end_record_claims(&mut Cursor::new(&zip), &fine).is_ok());
        let tiny_directory = Limits {
            central_directory_bytes: 100,
            ..fine
        };
        assert!(end_record_claims(&mut Cursor::new(&zip), &tiny_directory).is_err());
        // Not a zip at all: left to the zip crate.
        assert!(end_record_claims(&mut Cursor::new(b"hello"), &SMALL).is_ok());
    }
}

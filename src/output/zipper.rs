//! Deterministic zip writer (and a small reader) for the SCORM packages.
//!
//! The same entries give the same bytes, whatever order they come in and
//! whenever the build runs: entries are sorted by path, every entry has the
//! same timestamp (1980-01-01 00:00:00 unless the caller passes
//! `SOURCE_DATE_EPOCH`), the same unix permissions (0644), the same compression
//! (deflate level 2: about 15 % larger than level 6, in a third of the time)
//! and no extra fields. No directory entries are written.
//! Names that are not ASCII get the zip "language encoding" (UTF-8) flag,
//! which the `zip` crate sets by itself for every non-ASCII UTF-8 name.

use std::borrow::Cow;
use std::io::{self, Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// Deflate level used for every entry (flate2 / zlib-rs; 1..=9).
const DEFLATE_LEVEL: i64 = 2;

/// Unix permissions of every entry (`rw-r--r--`).
const FILE_MODE: u32 = 0o644;

/// Upper bound on the total uncompressed size that [`read_zip`] will inflate
/// (a zip bomb must not exhaust memory).
pub const MAX_READ_BYTES: u64 = 1 << 30;

/// One file of a zip archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipEntry<'a> {
    /// Path inside the archive, `/`-separated, relative, no `.`/`..` parts.
    pub path: String,
    /// File contents; borrowed for shared assets, owned for rendered pages.
    pub data: Cow<'a, [u8]>,
}

impl<'a> ZipEntry<'a> {
    /// `ZipEntry::new("index.html", html_bytes)` or `ZipEntry::new("a.css", &css[..])`.
    pub fn new(path: impl Into<String>, data: impl Into<Cow<'a, [u8]>>) -> Self {
        Self {
            path: path.into(),
            data: data.into(),
        }
    }
}

/// The options of every entry: deflate, fixed time and permissions.
fn entry_options(mtime: Option<u64>) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(DEFLATE_LEVEL))
        .last_modified_time(dos_time(mtime))
        .unix_permissions(FILE_MODE)
        .large_file(false)
}

/// The entries' time the environment asks for: `SOURCE_DATE_EPOCH` (unix
/// seconds), or `None` (1980-01-01) when it is not set or not a number.
pub fn source_date_epoch() -> Option<u64> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
}

/// Writes `entries` as a deterministic zip archive.
///
/// `mtime` is a unix time in seconds (pass `SOURCE_DATE_EPOCH` when it is
/// set); `None` means 1980-01-01 00:00:00. Times outside what a zip can store
/// (1980..=2107) are clamped. Errors: an invalid path (empty, absolute, with
/// `\`, an empty, `.` or `..` component, or ending in `/`) or a duplicate path.
pub fn write_zip(entries: &[ZipEntry<'_>], mtime: Option<u64>) -> io::Result<Vec<u8>> {
    let mut sorted: Vec<&ZipEntry<'_>> = entries.iter().collect();
    sorted.sort_by(|a, b| a.path.as_bytes().cmp(b.path.as_bytes()));
    for pair in sorted.windows(2) {
        if pair[0].path == pair[1].path {
            return Err(invalid_input(format!(
                "duplicate zip entry `{}`",
                pair[0].path
            )));
        }
    }
    for entry in &sorted {
        check_path(&entry.path)?;
    }

    let options = entry_options(mtime);

    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for entry in sorted {
        writer
            .start_file(entry.path.as_str(), options)
            .map_err(io::Error::other)?;
        writer.write_all(&entry.data)?;
    }
    let cursor = writer.finish().map_err(io::Error::other)?;
    Ok(cursor.into_inner())
}

/// One entry compressed ahead of time (a one-entry archive), so that the same
/// bytes are deflated once however many packages hold them, and on any core.
#[derive(Debug, Clone)]
pub struct Compressed(Vec<u8>);

/// Deflate `data` once, with the same options as [`write_zip`].
pub fn compress(data: &[u8], mtime: Option<u64>) -> io::Result<Compressed> {
    let options = entry_options(mtime);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    writer.start_file("x", options).map_err(io::Error::other)?;
    writer.write_all(data)?;
    Ok(Compressed(
        writer.finish().map_err(io::Error::other)?.into_inner(),
    ))
}

/// A deterministic zip from entries compressed ahead of time: the same bytes
/// as [`write_zip`] on the uncompressed data (sorted paths, same options).
pub fn assemble(entries: &[(String, &Compressed)]) -> io::Result<Vec<u8>> {
    let mut sorted: Vec<&(String, &Compressed)> = entries.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    for pair in sorted.windows(2) {
        if pair[0].0 == pair[1].0 {
            return Err(invalid_input(format!(
                "duplicate zip entry `{}`",
                pair[0].0
            )));
        }
    }
    // The zip is about its entries' bytes again with the names twice more
    // (local and central headers): sized once, not grown by doubling.
    let size: usize = sorted
        .iter()
        .map(|(path, blob)| blob.0.len() + 2 * path.len() + 128)
        .sum::<usize>()
        + 64;
    let mut writer = ZipWriter::new(Cursor::new(Vec::with_capacity(size)));
    for (path, blob) in sorted {
        check_path(path)?;
        let mut archive = ZipArchive::new(Cursor::new(&blob.0[..])).map_err(io::Error::other)?;
        let file = archive.by_index_raw(0).map_err(io::Error::other)?;
        writer
            .raw_copy_file_rename(file, path.as_str())
            .map_err(io::Error::other)?;
    }
    Ok(writer.finish().map_err(io::Error::other)?.into_inner())
}

/// Reads every file of a zip archive into memory, in archive order, skipping
/// directory entries. Fails on an unreadable archive, an entry that cannot be
/// inflated, a name that is not valid in the archive's encoding, or more than
/// [`MAX_READ_BYTES`] of uncompressed data.
pub fn read_zip(bytes: &[u8]) -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(io::Error::other)?;
    let mut out = Vec::with_capacity(archive.len());
    let mut budget = MAX_READ_BYTES;
    for index in 0..archive.len() {
        let file = archive.by_index(index).map_err(io::Error::other)?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().map_err(io::Error::other)?.into_owned();
        let mut data = Vec::new();
        // Read one byte past the budget to tell "exactly at the limit" from "over it".
        let read = file.take(budget.saturating_add(1)).read_to_end(&mut data)?;
        let read = u64::try_from(read).unwrap_or(u64::MAX);
        if read > budget {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("zip holds more than {MAX_READ_BYTES} bytes of uncompressed data"),
            ));
        }
        budget -= read;
        out.push((name, data));
    }
    Ok(out)
}

fn invalid_input(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

fn check_path(path: &str) -> io::Result<()> {
    let bad = path.is_empty()
        || path.starts_with('/')
        || path.ends_with('/')
        || path.contains('\\')
        || path.contains('\0')
        || path
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..");
    if bad {
        Err(invalid_input(format!("invalid zip entry path `{path}`")))
    } else {
        Ok(())
    }
}

/// Converts a unix time (UTC) to a zip (MS-DOS) timestamp, clamped to the
/// representable range 1980-01-01 00:00:00 ..= 2107-12-31 23:59:58.
fn dos_time(mtime: Option<u64>) -> DateTime {
    let Some(secs) = mtime else {
        return DateTime::DEFAULT;
    };
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    if year < 1980 {
        return DateTime::DEFAULT;
    }
    let result = if year > 2107 {
        DateTime::from_date_and_time(2107, 12, 31, 23, 59, 58)
    } else {
        // `year` is within 1980..=2107 and every other part is in range.
        let hour = (rem / 3600) as u8;
        let minute = (rem % 3600 / 60) as u8;
        let second = (rem % 60) as u8;
        DateTime::from_date_and_time(year as u16, month, day, hour, minute, second)
    };
    result.unwrap_or(DateTime::DEFAULT)
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`, for non-negative days).
fn civil_from_days(days: u64) -> (u64, u8, u8) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<ZipEntry<'static>> {
        vec![
            ZipEntry::new("sco/module-06/index.html", b"<p>module 6</p>".to_vec()),
            ZipEntry::new("imsmanifest.xml", b"<manifest/>".to_vec()),
            ZipEntry::new("shared/darslik.css", &b"body{margin:0}"[..]),
            ZipEntry::new("shared/rasm-oʻzbek.png", &b"\x89PNG fake"[..]),
        ]
    }

    /// The general purpose flag of each central directory record, by name.
    fn central_flags(bytes: &[u8]) -> Vec<(String, u16, u32)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i + 46 <= bytes.len() {
            if bytes[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
                let flags = u16::from_le_bytes([bytes[i + 8], bytes[i + 9]]);
                let name_len = usize::from(u16::from_le_bytes([bytes[i + 28], bytes[i + 29]]));
                let external = u32::from_le_bytes([
                    bytes[i + 38],
                    bytes[i + 39],
                    bytes[i + 40],
                    bytes[i + 41],
                ]);
                let name = String::from_utf8_lossy(&bytes[i + 46..i + 46 + name_len]).into_owned();
                out.push((name, flags, external));
                i += 46 + name_len;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn assembling_precompressed_entries_gives_the_same_bytes() {
        let entries = vec![
            ZipEntry::new("b/Oʻzbek.html", b"<p>salom</p>".to_vec()),
            ZipEntry::new("a.css", b"body{}".repeat(100)),
        ];
        let direct = write_zip(&entries, None).unwrap();
        let blobs: Vec<(String, Compressed)> = entries
            .iter()
            .map(|e| (e.path.clone(), compress(&e.data, None).unwrap()))
            .collect();
        let refs: Vec<(String, &Compressed)> = blobs.iter().map(|(p, c)| (p.clone(), c)).collect();
        assert_eq!(assemble(&refs).unwrap(), direct);
    }

    #[test]
    fn same_input_gives_same_bytes_in_any_order() -> io::Result<()> {
        let entries = sample();
        let first = write_zip(&entries, None)?;
        let mut reversed = sample();
        reversed.reverse();
        let second = write_zip(&reversed, None)?;
        assert_eq!(first, second);
        assert_eq!(first, write_zip(&entries, None)?);
        Ok(())
    }

    #[test]
    fn entries_are_sorted_and_round_trip() -> io::Result<()> {
        let bytes = write_zip(&sample(), None)?;
        let files = read_zip(&bytes)?;
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "imsmanifest.xml",
                "sco/module-06/index.html",
                "shared/darslik.css",
                "shared/rasm-oʻzbek.png"
            ]
        );
        assert_eq!(files[2].1, b"body{margin:0}");
        Ok(())
    }

    #[test]
    fn fixed_time_permissions_deflate_and_utf8_flag() -> io::Result<()> {
        let bytes = write_zip(&sample(), None)?;
        let mut archive = ZipArchive::new(Cursor::new(&bytes[..])).map_err(io::Error::other)?;
        for index in 0..archive.len() {
            let file = archive.by_index(index).map_err(io::Error::other)?;
            assert_eq!(file.compression(), CompressionMethod::Deflated);
            assert_eq!(file.unix_mode().map(|m| m & 0o777), Some(0o644));
            let time = file
                .last_modified()
                .ok_or_else(|| io::Error::other("no time"))?;
            assert_eq!(
                (
                    time.year(),
                    time.month(),
                    time.day(),
                    time.hour(),
                    time.minute()
                ),
                (1980, 1, 1, 0, 0)
            );
        }
        for (name, flags, external) in central_flags(&bytes) {
            let utf8 = flags & 0x0800 != 0;
            assert_eq!(utf8, !name.is_ascii(), "UTF-8 flag of {name}");
            assert_eq!(external >> 16, 0o100_644, "mode of {name}");
        }
        Ok(())
    }

    #[test]
    fn source_date_epoch_is_used_and_clamped() -> io::Result<()> {
        // 2024-02-29 13:37:41 UTC -> seconds rounded down to even.
        let t = dos_time(Some(1_709_213_861));
        assert_eq!(
            (
                t.year(),
                t.month(),
                t.day(),
                t.hour(),
                t.minute(),
                t.second()
            ),
            (2024, 2, 29, 13, 37, 40)
        );
        let early = dos_time(Some(0));
        assert_eq!((early.year(), early.month(), early.day()), (1980, 1, 1));
        let late = dos_time(Some(u64::MAX));
        assert_eq!((late.year(), late.month(), late.day()), (2107, 12, 31));
        let a = write_zip(&sample(), Some(1_709_213_861))?;
        let b = write_zip(&sample(), Some(1_709_213_861))?;
        assert_eq!(a, b);
        assert_ne!(a, write_zip(&sample(), None)?);
        Ok(())
    }

    #[test]
    fn bad_paths_and_duplicates_are_refused() {
        for bad in [
            "",
            "/abs.html",
            "a/../b",
            "a//b",
            "dir/",
            "a\\b",
            "./a",
            "a/./b",
        ] {
            let entries = [ZipEntry::new(bad, b"x".to_vec())];
            assert!(write_zip(&entries, None).is_err(), "{bad:?} accepted");
        }
        let dup = [
            ZipEntry::new("a.html", b"1".to_vec()),
            ZipEntry::new("a.html", b"2".to_vec()),
        ];
        assert!(write_zip(&dup, None).is_err());
    }

    #[test]
    fn empty_archive_and_garbage() -> io::Result<()> {
        let bytes = write_zip(&[], None)?;
        assert!(read_zip(&bytes)?.is_empty());
        assert!(read_zip(b"not a zip").is_err());
        assert!(read_zip(&[]).is_err());
        Ok(())
    }
}

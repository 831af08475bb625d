//! `darslik verify` distrusts what it is given: it refuses what is not a
//! plain file before reading it (a FIFO, a device), reads a zip through its
//! central directory and every entry to its end (a damaged entry, a zip bomb,
//! a symbolic link are named), never writes a control character from an entry
//! name to the terminal, and names anything in a bundle that is not a plain
//! file.

mod common;
use common::*;
use std::io::{Cursor, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// A SCORM 1.2 package of the `basic` fixture course, and the folder that
/// keeps it alive.
fn package() -> (tempfile::TempDir, Vec<u8>) {
    let dir = copy_fixture("basic");
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["build", "--course", &c, "--format", "scorm12", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(dir.path().join("dist/scorm12/fixture-en.zip")).expect("package");
    (dir, bytes)
}

/// The launch file of the package's first item, from its manifest.
const LAUNCH: &str = "module-a.html";

/// The package with `replaced` taken out and `add` called to write new entries.
fn rewrite(
    good: &[u8],
    replaced: &str,
    add: impl FnOnce(&mut ZipWriter<Cursor<Vec<u8>>>),
) -> Vec<u8> {
    let mut archive = ZipArchive::new(Cursor::new(good)).expect("zip");
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let file = archive.by_index_raw(i).expect("entry");
        if file.name_raw() != replaced.as_bytes() {
            w.raw_copy_file(file).expect("copy");
        }
    }
    add(&mut w);
    w.finish().expect("finish").into_inner()
}

/// Runs darslik, killing it after `limit`: `None` when it had to be killed.
fn darslik_within(args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_darslik"))
        .env("DARSLIK_LANG", "en")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run darslik");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `darslik verify` on a file holding `bytes`: exit code, stdout + stderr as
/// raw bytes (so that a raw control character can be seen).
fn verify_bytes(bytes: &[u8]) -> (i32, Vec<u8>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("package.zip");
    std::fs::write(&p, bytes).expect("write");
    verify_path(&p)
}

fn verify_path(p: &Path) -> (i32, Vec<u8>) {
    let o = darslik_within(&["verify", &p.to_string_lossy()], Duration::from_secs(20))
        .unwrap_or_else(|| panic!("verify {} did not finish in 20 s", p.display()));
    let mut all = o.stdout.clone();
    all.extend_from_slice(&o.stderr);
    (o.status.code().unwrap_or(-1), all)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_damaged_launch_file_is_named() {
    let (_dir, good) = package();
    let (code, out) = verify_bytes(&good);
    assert_eq!(code, 0, "{}", text(&out));

    // Flip one byte in the middle of the launch file's compressed data.
    let (start, len) = {
        let mut archive = ZipArchive::new(Cursor::new(&good[..])).expect("zip");
        let file = archive.by_name(LAUNCH).expect("launch file");
        (
            file.data_start().expect("data start"),
            file.compressed_size(),
        )
    };
    let mut bad = good.clone();
    let at = usize::try_from(start + len / 2).expect("offset");
    bad[at] ^= 0x01;
    let (code, out) = verify_bytes(&bad);
    let out = text(&out);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("the file {LAUNCH} is damaged")),
        "{out}"
    );
    assert!(out.contains("build the package again"), "{out}");
    assert!(!out.contains("ready for Moodle"), "{out}");
}

#[test]
fn a_symbolic_link_entry_is_refused() {
    let (_dir, good) = package();
    // A listed file replaced by a link to a file of the server.
    let zip = rewrite(&good, "static/style.css", |w| {
        w.add_symlink(
            "static/style.css",
            "/etc/passwd",
            SimpleFileOptions::default(),
        )
        .expect("symlink");
    });
    let (code, out) = verify_bytes(&zip);
    let out = text(&out);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("symbolic link"), "{out}");
    assert!(out.contains("(static/style.css)"), "{out}");
}

#[test]
fn control_characters_in_entry_names_are_shown_escaped() {
    let (_dir, good) = package();
    let names = [
        "static/\u{1b}[2J\u{1b}]0;owned\u{7}x.css",
        "static/\u{9b}31mred.css",
        "static/evil\u{202e}sj.css",
    ];
    let zip = rewrite(&good, "", |w| {
        for name in names {
            w.start_file(name, SimpleFileOptions::default())
                .expect("entry");
            w.write_all(b"body{}").expect("write");
        }
    });
    let (code, out) = verify_bytes(&zip);
    let shown = text(&out);
    assert_eq!(code, 1, "{shown}");
    for raw in ["\u{1b}", "\u{7}", "\u{9b}", "\u{202e}"] {
        assert!(
            !shown.contains(raw),
            "raw {raw:?} written to the terminal: {shown:?}"
        );
    }
    assert!(!out.contains(&0x1b), "a raw ESC byte");
    assert!(
        shown.contains("static/\\u{1b}[2J\\u{1b}]0;owned\\u{7}x.css"),
        "{shown}"
    );
    assert!(shown.contains("static/\\u{9b}31mred.css"), "{shown}");
    assert!(shown.contains("static/evil\\u{202e}sj.css"), "{shown}");
}

#[test]
fn a_zip_bomb_entry_is_refused() {
    let (_dir, good) = package();
    // 16 MB of zeros deflate to about 16 KB: a ratio of about 1000:1.
    let zeros = vec![0u8; 16 << 20];
    let zip = rewrite(&good, "static/style.css", |w| {
        let opts = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(9));
        w.start_file("static/style.css", opts).expect("entry");
        w.write_all(&zeros).expect("write");
    });
    assert!(zip.len() < good.len() + (1 << 20), "the bomb is small");
    let (code, out) = verify_bytes(&zip);
    let out = text(&out);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("zip bomb"), "{out}");
    assert!(out.contains("(static/style.css)"), "{out}");
}

#[test]
fn a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("package.zip");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let started = Instant::now();
    let o = darslik_within(
        &["verify", &fifo.to_string_lossy()],
        Duration::from_secs(10),
    )
    .expect("verify of a FIFO hangs");
    assert!(started.elapsed() < Duration::from_secs(5));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("not a plain file"), "{err}");
    assert!(err.contains("FIFO"), "{err}");
}

#[test]
fn a_device_is_refused_before_it_is_read() {
    let o = darslik_within(&["verify", "/dev/zero"], Duration::from_secs(10))
        .expect("verify /dev/zero reads forever");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("/dev/zero is not a plain file"), "{err}");
    assert!(err.contains("device"), "{err}");
}

/// A fresh bundle of the `basic` fixture course.
fn bundle() -> (tempfile::TempDir, PathBuf) {
    let dir = copy_fixture("basic");
    let c = dir.path().to_string_lossy().into_owned();
    let out = darslik(&["build", "--course", &c, "--format", "bundle", "--quiet"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let b = dir.path().join("dist/bundle");
    (dir, b)
}

#[test]
fn links_and_fifos_added_to_a_bundle_are_named() {
    let (dir, b) = bundle();
    let (code, out) = verify_path(&b);
    assert_eq!(code, 0, "{}", text(&out));

    // A link to a file outside, a link in place of a listed file (to an
    // identical copy outside the bundle), and a FIFO.
    let outside = dir.path().join("outside.html");
    std::fs::copy(b.join("START.html"), &outside).expect("copy");
    std::fs::remove_file(b.join("START.html")).expect("remove");
    std::os::unix::fs::symlink(&outside, b.join("START.html")).expect("symlink");
    std::os::unix::fs::symlink("/etc/passwd", b.join("site/evil.html")).expect("symlink");
    let made = Command::new("mkfifo")
        .arg(b.join("site/pipe"))
        .status()
        .expect("mkfifo");
    assert!(made.success());

    let (code, out) = verify_path(&b);
    let out = text(&out);
    assert_eq!(code, 1, "{out}");
    for name in ["START.html", "site/evil.html", "site/pipe"] {
        assert!(out.contains(&format!("not a plain file: {name}")), "{out}");
    }
    assert!(out.contains("this copy is not whole"), "{out}");
}

#[test]
fn a_bundle_whose_checksum_list_is_a_fifo_is_refused() {
    let (_dir, b) = bundle();
    std::fs::remove_file(b.join("SHA256SUMS")).expect("remove");
    let made = Command::new("mkfifo")
        .arg(b.join("SHA256SUMS"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let (code, out) = verify_path(&b);
    let out = text(&out);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("SHA256SUMS is not a plain file"), "{out}");
}

#[test]
fn entries_are_read_to_their_end_not_trusted() {
    // A stored entry whose bytes were changed after the zip was made: only a
    // reader that checks every entry's checksum sees it.
    let (_dir, good) = package();
    let zip = rewrite(&good, "static/quiz.css", |w| {
        let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        w.start_file("static/quiz.css", opts).expect("entry");
        w.write_all(b"/* quiz styles, stored */ .quiz{color:red}")
            .expect("write");
    });
    let at = zip
        .windows(5)
        .position(|w| w == b"color")
        .expect("stored text");
    let mut bad = zip.clone();
    bad[at] = b'C';
    let (code, out) = verify_bytes(&zip);
    assert_eq!(code, 0, "{}", text(&out));
    let (code, out) = verify_bytes(&bad);
    let out = text(&out);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the file static/quiz.css is damaged"), "{out}");
    assert!(out.contains("checksum does not match"), "{out}");
}

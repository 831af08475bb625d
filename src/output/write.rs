//! Write the outputs so that a reader never sees half of one, nor a mix of
//! old and new: every format of a build is written into one new folder
//! beside `--out`, which is then exchanged with `--out` in one step
//! (`renameat2(RENAME_EXCHANGE)`): a build killed at any moment leaves the
//! complete previous output or the complete new one.
//!
//! darslik deletes only what it wrote: `--out` must be new, empty, or a
//! folder it made (it holds [`MARKER`]); it may not hold the course.

use std::io;
use std::path::{Component, Path, PathBuf};

use super::Tree;

/// The file darslik writes at the top of every output folder it makes: the
/// sign that it may replace what the folder holds.
pub const MARKER: &str = ".darslik-output";
const MARKER_TEXT: &str = "This folder was written by darslik. `darslik build` replaces the \
outputs in it (site/, scorm12/, scorm2004/, bundle/, single/) and keeps anything else.\n";
/// The lock file inside `--out`; earlier versions wrote it and no marker, so
/// it also says that darslik made the folder.
pub const LOCK: &str = ".darslik-lock";

/// Is `--out` a folder darslik may write into? `Err` says why not, in words
/// for the person who typed it: the folder holds the course (or is a part
/// of it that the build reads), or holds files darslik did not write.
pub fn check_out(course: &Path, out: &Path) -> Result<(), String> {
    let shown = out.display();
    let abs_out = absolute(out).map_err(|e| format!("--out {shown}: {e}"))?;
    let abs_course = absolute(course).map_err(|e| format!("--course: {e}"))?;
    if abs_out.parent().is_none() {
        return Err(format!(
            "--out {shown} is the root of the file system; darslik replaces what --out holds, so give it a folder of its own, e.g. --out {}",
            course.join("dist").display()
        ));
    }
    if abs_course.starts_with(&abs_out) {
        return Err(format!(
            "--out {shown} holds the course itself ({}); darslik replaces what --out holds, so it must be a folder of its own, e.g. --out {}",
            course.display(),
            course.join("dist").display()
        ));
    }
    for part in ["content", "locales", "themes", "course.toml"] {
        if abs_out.starts_with(abs_course.join(part)) {
            return Err(format!(
                "--out {shown} is inside the course's {part}, which the build reads; choose a folder outside it, e.g. --out {}",
                course.join("dist").display()
            ));
        }
    }
    match std::fs::symlink_metadata(&abs_out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("--out {shown}: {e}")),
        Ok(m) if m.file_type().is_symlink() => {
            return Err(format!(
                "--out {shown} is a symbolic link; give the folder it points to, or a new folder"
            ));
        }
        Ok(m) if !m.is_dir() => {
            return Err(format!(
                "--out {shown} is a file, not a folder; choose a folder for the outputs"
            ));
        }
        Ok(_) => {}
    }
    if abs_out.join(MARKER).is_file() || abs_out.join(LOCK).is_file() {
        return Ok(());
    }
    let mut foreign: Vec<String> = std::fs::read_dir(&abs_out)
        .map_err(|e| format!("--out {shown}: {e}"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let n = foreign.len();
    foreign.truncate(5);
    Err(format!(
        "--out {shown} holds files darslik did not write ({}{}); darslik replaces only folders it made (they hold a {MARKER} file). Choose a new or empty folder for --out",
        foreign.join(", "),
        if n > 5 {
            format!(" and {} more", n - 5)
        } else {
            String::new()
        }
    ))
}

/// A path made absolute and plain (`.` and `..` taken out) without needing
/// it to exist: the longest existing part is resolved with its links.
pub fn absolute(p: &Path) -> io::Result<PathBuf> {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    let mut plain = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                plain.pop();
            }
            Component::CurDir => {}
            other => plain.push(other),
        }
    }
    let mut rest = Vec::new();
    let mut base = plain.as_path();
    loop {
        if let Ok(real) = base.canonicalize() {
            let mut out = real;
            for r in rest.iter().rev() {
                out.push(r);
            }
            return Ok(out);
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                base = parent;
            }
            _ => return Ok(plain),
        }
    }
}

/// One build's outputs, being written: a new folder beside `--out` (or
/// inside it, when `--out` is the root of a drive and nothing can be made
/// beside it) that receives every format, then takes `--out`'s place.
/// Dropped without [`Outputs::commit`], the new folder is removed and
/// `--out` stays as it was.
pub struct Outputs {
    out: PathBuf,
    new: PathBuf,
    /// The new folder is inside `--out` (a drive's root): formats are then
    /// swapped in one at a time.
    inside: bool,
    made_out: bool,
    _lock: std::fs::File,
    done: bool,
}

/// One format's folder inside the new output, written file by file or as a
/// tree. Unchanged files are hard-linked from the previous output.
pub struct Staged {
    tmp: PathBuf,
    previous: PathBuf,
}

impl Outputs {
    /// Take `--out` for this build: its lock, the leftovers of a build that
    /// was killed put right, an empty new folder. `Ok(Err(msg))` when
    /// another build is writing there.
    pub fn begin(out: &Path) -> io::Result<Result<Outputs, String>> {
        recover(out)?;
        let made_out = !out.exists();
        std::fs::create_dir_all(out)?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(out.join(LOCK))?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Ok(Err(format!(
                    "another darslik build is writing into {}; wait for it to finish and build again",
                    out.display()
                )));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
        // The lock is ours: a new folder left by a killed build is garbage
        // (a half-written output, or the previous one after the exchange).
        recover_formats(out)?;
        let beside = sibling(out, "darslik-new");
        let inside = !same_device(out, beside.parent().unwrap_or(Path::new(".")));
        let new = if inside {
            out.join(".darslik-new")
        } else {
            beside
        };
        remove_if_exists(&new)?;
        std::fs::create_dir_all(&new)?;
        Ok(Ok(Outputs {
            out: out.to_path_buf(),
            new,
            inside,
            made_out,
            _lock: lock,
            done: false,
        }))
    }

    /// An empty folder for one format (`site`, `scorm12`, …).
    pub fn stage(&self, name: &str) -> io::Result<Staged> {
        let tmp = self.new.join(name);
        std::fs::create_dir_all(&tmp)?;
        Ok(Staged {
            tmp,
            previous: self.out.join(name),
        })
    }

    /// One file at the root of the new output (`MOODLE.md`), replacing the
    /// previous output's file of that name.
    pub fn write_file(&self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let target = safe_join(&self.new, name)?;
        std::fs::write(target, bytes)
    }

    /// Put the new output in `--out`'s place, all formats at once. What the
    /// previous output holds that this build did not make again (other
    /// formats, files someone put there) is carried over as hard links
    /// first, so nothing but darslik's replaced folders is lost.
    pub fn commit(mut self) -> io::Result<()> {
        self.done = true;
        let built: Vec<std::ffi::OsString> = std::fs::read_dir(&self.new)?
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        if self.inside {
            // `--out` is a drive's root: each format folder is swapped in
            // on its own (a kill between two of them leaves a mix).
            for name in &built {
                swap_in(&self.out.join(name), &self.new.join(name))?;
            }
            std::fs::write(self.out.join(MARKER), MARKER_TEXT)?;
            return remove_if_exists(&self.new);
        }
        for entry in std::fs::read_dir(&self.out)? {
            let entry = entry?;
            let name = entry.file_name();
            if name == MARKER || built.contains(&name) {
                continue;
            }
            link_tree(&entry.path(), &self.new.join(&name))?;
        }
        std::fs::write(self.new.join(MARKER), MARKER_TEXT)?;
        swap_in(&self.out, &self.new)
    }
}

impl Drop for Outputs {
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_if_exists(&self.new);
            if self.made_out {
                // Made only to hold the lock.
                let _ = std::fs::remove_file(self.out.join(LOCK));
                let _ = std::fs::remove_dir(&self.out);
            }
        }
    }
}

impl Staged {
    /// Write the files of `tree` (in parallel).
    pub fn write_tree(&self, tree: &Tree) -> io::Result<()> {
        write_all(&self.tmp, tree, self.previous())
    }

    /// Write one file (from any thread).
    pub fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let target = safe_join(&self.tmp, path)?;
        if let Some(p) = target.parent() {
            std::fs::create_dir_all(p)?;
        }
        write_one(&self.tmp, &target, bytes, self.previous())
    }

    fn previous(&self) -> Option<&Path> {
        self.previous.is_dir().then_some(self.previous.as_path())
    }
}

/// `.<name>.<what>` beside `dir`.
fn sibling(dir: &Path, what: &str) -> PathBuf {
    let parent = dir.parent().unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    parent.join(format!(".{name}.{what}"))
}

#[cfg(unix)]
fn same_device(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_device(_: &Path, b: &Path) -> bool {
    b.is_dir()
}

/// Put the folder `new` at `dir`: exchanged with the previous `dir` in one
/// step where the system can (Linux), the previous one then removed.
/// Elsewhere two renames, and [`recover`] puts the previous one back if the
/// build is killed between them.
fn swap_in(dir: &Path, new: &Path) -> io::Result<()> {
    if !dir.exists() {
        return std::fs::rename(new, dir);
    }
    if exchange(dir, new)? {
        // `new` now holds the previous output.
        return remove_if_exists(new);
    }
    let old = sibling(dir, "darslik-old");
    remove_if_exists(&old)?;
    std::fs::rename(dir, &old)?;
    if let Err(e) = std::fs::rename(new, dir) {
        let _ = std::fs::rename(&old, dir);
        return Err(e);
    }
    remove_if_exists(&old)
}

/// Exchange two paths atomically; `Ok(false)` when the file system can't.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two valid NUL-terminated paths, relative to the working folder.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Copy a tree as hard links (files), new links (symbolic links) and new
/// folders; a file that can't be linked is copied.
fn link_tree(from: &Path, to: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(from).follow_links(false) {
        let entry = entry.map_err(io::Error::other)?;
        let rel = entry.path().strip_prefix(from).map_err(io::Error::other)?;
        let target = if rel.as_os_str().is_empty() {
            to.to_path_buf()
        } else {
            to.join(rel)
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if kind.is_symlink() {
            #[cfg(unix)]
            std::os::unix::fs::symlink(std::fs::read_link(entry.path())?, &target)?;
        } else if kind.is_file() && std::fs::hard_link(entry.path(), &target).is_err() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Write every file of `tree` under `base`: the folders first, then the
/// files in parallel. A file that `previous` (the output being replaced)
/// already has with the same bytes is hard-linked from there instead of
/// written again, where the file system allows it: a rebuild after a small
/// edit writes little, and removing the previous output frees little.
fn write_all(base: &Path, tree: &Tree, previous: Option<&Path>) -> io::Result<()> {
    use rayon::prelude::*;
    let targets: Vec<(PathBuf, &Vec<u8>)> = tree
        .iter()
        .map(|(path, bytes)| safe_join(base, path).map(|t| (t, bytes)))
        .collect::<io::Result<_>>()?;
    let mut folders: Vec<&Path> = targets.iter().filter_map(|(t, _)| t.parent()).collect();
    folders.dedup();
    folders.sort_unstable();
    folders.dedup();
    for f in folders {
        std::fs::create_dir_all(f)?;
    }
    targets
        .par_iter()
        .try_for_each(|(target, bytes)| write_one(base, target, bytes, previous))
}

/// Write a file, or hard-link it from `previous` when that holds the same bytes.
fn write_one(base: &Path, target: &Path, bytes: &[u8], previous: Option<&Path>) -> io::Result<()> {
    if let Some(prev) = previous
        && let Ok(rel) = target.strip_prefix(base)
        && same_file_content(&prev.join(rel), bytes)
        && std::fs::hard_link(prev.join(rel), target).is_ok()
    {
        return Ok(());
    }
    std::fs::write(target, bytes)
}

/// Does the file at `path` hold exactly `bytes`?
fn same_file_content(path: &Path, bytes: &[u8]) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() != bytes.len() as u64 {
        return false;
    }
    std::fs::read(path).is_ok_and(|old| old == bytes)
}

/// After a build was killed: the previous output put back if it was taken
/// away and the new one never came (the two-rename swap), and a new folder
/// left beside `--out` removed.
pub fn recover(out: &Path) -> io::Result<()> {
    let old = sibling(out, "darslik-old");
    if old.exists() {
        if out.exists() {
            remove_if_exists(&old)?;
        } else {
            std::fs::rename(&old, out)?;
        }
    }
    Ok(())
}

/// The same for the format folders inside `--out` (swapped one at a time on
/// a drive's root, and by earlier versions of darslik), and the new folder.
fn recover_formats(out: &Path) -> io::Result<()> {
    remove_if_exists(&sibling(out, "darslik-new"))?;
    remove_if_exists(&out.join(".darslik-new"))?;
    for name in ["site", "scorm12", "scorm2004", "bundle", "single"] {
        let dir = out.join(name);
        remove_if_exists(&sibling(&dir, "darslik-new"))?;
        recover(&dir)?;
    }
    Ok(())
}

fn remove_if_exists(p: &Path) -> io::Result<()> {
    if std::fs::symlink_metadata(p).is_ok_and(|m| !m.is_dir()) {
        return std::fs::remove_file(p);
    }
    remove_files_in_parallel(p);
    match std::fs::remove_dir_all(p) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Remove the files under `p` on every core (a course's output has
/// thousands); `remove_dir_all` then removes the folders and anything left.
fn remove_files_in_parallel(p: &Path) {
    use rayon::prelude::*;
    if !p.is_dir() {
        return;
    }
    let files: Vec<PathBuf> = walkdir::WalkDir::new(p)
        .follow_links(false)
        .into_iter()
        .flatten()
        .filter(|e| !e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.par_iter().for_each(|f| {
        let _ = std::fs::remove_file(f);
    });
}

/// Join a tree path under `base`, refusing anything that would leave it.
fn safe_join(base: &Path, rel: &str) -> io::Result<PathBuf> {
    let mut p = base.to_path_buf();
    for seg in rel.split('/') {
        if seg.is_empty() || seg == "." || seg == ".." || seg.contains('\\') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {rel}"),
            ));
        }
        p.push(seg);
    }
    Ok(p)
}

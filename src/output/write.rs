//! Write a tree of files so that a reader never sees half an output: into a
//! temporary folder beside the target, then swapped in.

use std::io;
use std::path::{Path, PathBuf};

use super::Tree;

/// Replace `dir` with exactly the files of `tree`.
pub fn replace_dir(dir: &Path, tree: &Tree) -> io::Result<()> {
    stage(dir, tree)?.commit()
}

/// A new output written beside the folder it replaces, not yet swapped in.
/// Dropped without [`Staged::commit`], it is removed and `dir` stays as it was.
pub struct Staged {
    dir: PathBuf,
    tmp: PathBuf,
    old: PathBuf,
    done: bool,
}

/// Write `tree` into a temporary folder beside `dir` (the first half of
/// [`replace_dir`]): a build writes each output as soon as it is made, so
/// that it need not keep them all in memory, and swaps them all in at the end.
pub fn stage(dir: &Path, tree: &Tree) -> io::Result<Staged> {
    let staged = Staged::begin(dir)?;
    staged.write_tree(tree)?;
    Ok(staged)
}

impl Staged {
    /// An empty new folder beside `dir`, to write files into one by one.
    pub fn begin(dir: &Path) -> io::Result<Staged> {
        let parent = dir.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "out".into());
        let staged = Staged {
            dir: dir.to_path_buf(),
            tmp: parent.join(format!(".{name}.darslik-new")),
            old: parent.join(format!(".{name}.darslik-old")),
            done: false,
        };
        recover(dir)?;
        remove_if_exists(&staged.tmp)?;
        std::fs::create_dir_all(&staged.tmp)?;
        Ok(staged)
    }

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
        self.dir.is_dir().then_some(self.dir.as_path())
    }
}

impl Staged {
    /// Swap the new folder in and remove the previous one.
    pub fn commit(mut self) -> io::Result<()> {
        self.done = true;
        if self.dir.exists() {
            std::fs::rename(&self.dir, &self.old)?;
        }
        if let Err(e) = std::fs::rename(&self.tmp, &self.dir) {
            // Put the previous output back.
            let _ = std::fs::rename(&self.old, &self.dir);
            let _ = remove_if_exists(&self.tmp);
            return Err(e);
        }
        remove_if_exists(&self.old)
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.done {
            let _ = remove_if_exists(&self.tmp);
        }
    }
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

/// After a build was killed between the two renames of a swap, put the
/// previous output back (or drop it if the new one made it in).
pub fn recover(dir: &Path) -> io::Result<()> {
    let parent = dir.parent().unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let old = parent.join(format!(".{name}.darslik-old"));
    if old.exists() {
        if dir.exists() {
            remove_if_exists(&old)?;
        } else {
            std::fs::rename(&old, dir)?;
        }
    }
    Ok(())
}

/// Holds `<out>/.darslik-lock` while a build writes into `<out>`; a second
/// build into the same folder is refused instead of mixing files.
pub struct OutLock {
    _file: std::fs::File,
}

pub fn lock(out: &Path) -> io::Result<Result<OutLock, String>> {
    std::fs::create_dir_all(out)?;
    let path = out.join(".darslik-lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(Ok(OutLock { _file: file })),
        Err(std::fs::TryLockError::WouldBlock) => Ok(Err(format!(
            "another darslik build is writing into {}; wait for it to finish and build again",
            out.display()
        ))),
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

fn remove_if_exists(p: &Path) -> io::Result<()> {
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

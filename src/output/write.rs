//! Write a tree of files so that a reader never sees half an output: into a
//! temporary folder beside the target, then swapped in.

use std::io;
use std::path::{Path, PathBuf};

use super::Tree;

/// Replace `dir` with exactly the files of `tree`.
pub fn replace_dir(dir: &Path, tree: &Tree) -> io::Result<()> {
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = parent.join(format!(".{name}.darslik-new"));
    let old = parent.join(format!(".{name}.darslik-old"));
    recover(dir)?;
    remove_if_exists(&tmp)?;
    std::fs::create_dir_all(&tmp)?;
    for (path, bytes) in tree {
        let target = safe_join(&tmp, path)?;
        if let Some(p) = target.parent() {
            std::fs::create_dir_all(p)?;
        }
        std::fs::write(&target, bytes)?;
    }
    if dir.exists() {
        std::fs::rename(dir, &old)?;
    }
    if let Err(e) = std::fs::rename(&tmp, dir) {
        // Put the previous output back.
        let _ = std::fs::rename(&old, dir);
        return Err(e);
    }
    remove_if_exists(&old)
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
    match std::fs::remove_dir_all(p) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
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

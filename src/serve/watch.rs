//! Watching the course folder: file events are gathered into one batch per
//! save (a burst of events settles, or the file is closed after writing) and
//! handed on as paths relative to the course folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

/// How long a burst of events may pause before the batch is taken as
/// complete, when no event says that a file was closed after writing.
const SETTLE: Duration = Duration::from_millis(8);

/// One file event: the path and whether it says a written file was closed.
struct Seen {
    path: PathBuf,
    closed: bool,
}

/// Watch `root` and call `on_batch` with the changed paths (relative to
/// `root`, with `/`) of each batch, on a thread of its own. Reading files is
/// no change; paths outside content/, locales/, themes/ and course.toml are
/// left out.
pub fn watch(
    root: &Path,
    on_batch: impl FnMut(BTreeSet<String>) + Send + 'static,
) -> notify::Result<notify::RecommendedWatcher> {
    let (tx, rx) = std::sync::mpsc::channel::<Seen>();
    let mut watcher = notify::recommended_watcher(move |res| forward(res, &tx))?;
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    watcher.watch(&root_abs, RecursiveMode::Recursive)?;
    std::thread::spawn(move || batches(&root_abs, &rx, on_batch));
    Ok(watcher)
}

fn forward(res: notify::Result<notify::Event>, tx: &Sender<Seen>) {
    let Ok(event) = res else { return };
    let closed = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        // Reading files (as every build does) is no change.
        EventKind::Access(_) | EventKind::Other => return,
        _ => false,
    };
    for path in event.paths {
        let _ = tx.send(Seen { path, closed });
    }
}

fn batches(root: &Path, rx: &Receiver<Seen>, mut on_batch: impl FnMut(BTreeSet<String>)) {
    while let Ok(first) = rx.recv() {
        let mut batch = BTreeSet::new();
        let mut done = add(root, &mut batch, first);
        // Until the file is closed or the events pause; then take what has
        // already arrived too.
        while !done {
            match rx.recv_timeout(SETTLE) {
                Ok(seen) => done = add(root, &mut batch, seen),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        while let Ok(seen) = rx.try_recv() {
            add(root, &mut batch, seen);
        }
        if !batch.is_empty() {
            on_batch(batch);
        }
    }
}

/// Add a relevant path to the batch; true when the event closes a written
/// file that is in the batch.
fn add(root: &Path, batch: &mut BTreeSet<String>, seen: Seen) -> bool {
    let Some(rel) = relative(root, &seen.path) else {
        return false;
    };
    let first = rel.split('/').next().unwrap_or_default();
    if !matches!(first, "content" | "locales" | "themes" | "course.toml") {
        return false;
    }
    batch.insert(rel);
    seen.closed
}

/// `path` relative to `root`, with `/` between the parts.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_relative_to_the_course() {
        let root = Path::new("/c");
        assert_eq!(
            relative(root, Path::new("/c/content/en/m/01-a.md")).as_deref(),
            Some("content/en/m/01-a.md")
        );
        assert_eq!(relative(root, Path::new("/c")), None);
        assert_eq!(relative(root, Path::new("/d/x")), None);
        let mut batch = BTreeSet::new();
        let seen = |p: &str, closed| Seen {
            path: PathBuf::from(p),
            closed,
        };
        assert!(!add(root, &mut batch, seen("/c/dist/site/x.html", true)));
        assert!(!add(root, &mut batch, seen("/c/course.toml", false)));
        assert!(add(root, &mut batch, seen("/c/content/en/index.md", true)));
        assert_eq!(batch.len(), 2);
    }
}

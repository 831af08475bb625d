//! `darslik results add`.
use std::path::{Path, PathBuf};

pub fn run(_files: &[PathBuf], _db: &Path, _quiet: bool) -> i32 {
    eprintln!("error: darslik results add is not built yet");
    1
}

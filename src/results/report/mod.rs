//! `darslik results report`.
use std::path::Path;

use crate::cli::results::ReportKind;

pub fn run(_db: &Path, _out: &Path, _locales: &[String], _format: ReportKind, _quiet: bool) -> i32 {
    eprintln!("error: darslik results report is not built yet");
    1
}

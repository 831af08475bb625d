//! `darslik results keygen | certificates | verify`.
use std::path::Path;

pub fn keygen(_out: &Path) -> i32 {
    eprintln!("error: darslik results keygen is not built yet");
    1
}

pub fn certificates(_db: &Path, _key: &Path, _out: &Path, _module: Option<&str>) -> i32 {
    eprintln!("error: darslik results certificates is not built yet");
    1
}

pub fn verify(_code_or_file: &str, _pubkey: &Path) -> i32 {
    eprintln!("error: darslik results verify is not built yet");
    1
}

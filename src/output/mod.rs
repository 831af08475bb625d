//! Outputs: each turns the one rendered course into a tree of files, and
//! trees are written atomically.

pub mod bundle;
pub mod scorm;
pub mod single;
pub mod site;
pub mod write;
pub mod zipper;

use std::collections::BTreeMap;

/// Files of one output: path (with `/`) → bytes.
pub type Tree = BTreeMap<String, Vec<u8>>;

/// The output formats of `darslik build --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Format {
    Site,
    Scorm12,
    Scorm2004,
    Bundle,
    Single,
}

impl Format {
    pub fn dir(self) -> &'static str {
        match self {
            Format::Site => "site",
            Format::Scorm12 => "scorm12",
            Format::Scorm2004 => "scorm2004",
            Format::Bundle => "bundle",
            Format::Single => "single",
        }
    }
}

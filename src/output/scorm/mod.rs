//! SCORM 1.2 and 2004 (4th edition) packages: manifest, Moodle pre-flight,
//! and the compact suspend_data encoding.

pub mod manifest;
pub mod moodle;
mod output;
pub mod package;
pub mod preflight;
pub mod suspend;
pub mod verify;
pub use output::ScormOutput;

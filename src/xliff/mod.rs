//! `darslik xliff export` / `import`: translation files as XLIFF 2.1 for
//! agencies' CAT tools (SPEC §10).
//!
//! - [`model`]: a segment (byte range of a course file and its content);
//! - `page`: the segments of a Markdown page;
//! - [`fluent`]: the segments of a Fluent file (message values, attributes);
//! - [`xml`]: the XLIFF document, written and read;
//! - [`export`]: the course's files of one locale → a document;
//! - [`import`]: a document → the translation files, all or nothing.

pub mod export;
pub mod fluent;
pub mod import;
pub mod model;
pub mod page;
pub mod xml;

use model::{Inline, Segment};

/// The namespace of darslik's own attributes in an XLIFF file (the course
/// and the locale it was exported for).
pub const DARSLIK_NS: &str = "urn:darslik:xliff:1";

/// The translatable segments of a Markdown page; an error says why not in
/// the user's language.
pub(crate) fn page_segments(text: &str) -> Result<Vec<Segment>, String> {
    page::segments(text).map_err(|e| e.message.local())
}

/// The bytes a translator's content becomes in a page segment of `kind`.
pub(crate) fn page_fit(kind: &str, content: &[Inline]) -> String {
    page::fit(kind, content)
}

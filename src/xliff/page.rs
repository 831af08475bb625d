//! The translatable segments of a Markdown page (SPEC §10) and how a
//! translator's text is made to fit back in their place.
//!
//! A segment is a byte range of the page file and its content (text runs as
//! written, Markdown escapes kept; inline code, links, emphasis, images...
//! as codes, see [`crate::xliff::model`]). Segments are leaf blocks: the
//! front matter's `title` and `description`, headings, paragraphs, list
//! items, table cells, footnote texts, and the texts of quiz and scenario
//! blocks (question, options, explanations, pairs, items, accepted answers;
//! step texts, choices, feedback). Nothing else is: code blocks, raw HTML
//! blocks, the `translation_of` stamp, quiz markers, link targets, heading
//! `{#id}`s, footnote labels stay outside every range.
//!
//! Unit ids come from structure, never from byte positions, so that the
//! source page and its translation give the same ids and adding text to one
//! section changes no id in another: a section is the heading's explicit
//! `{#id}` (when it is a plain name) or `h<N>`, the heading's ordinal in the
//! page; before the first heading it is `top`. Within a section: `h` (the
//! heading itself), `p<n>` paragraphs, `li<n>` list items (`li<n>.p<m>` for
//! an item's further paragraphs), `t<k>.r<i>.c<j>` table cells (row 0 is the
//! header), `fn<n>` footnote paragraphs, `q<k>.…` quiz and `s<k>.…`
//! scenario blocks (see [`quiz`]). Front matter: `fm.title`,
//! `fm.description`.

mod blocks;
mod fit;
mod frontmatter;
mod inline;
mod quiz;
#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic, Msg};
use crate::xliff::model::{Inline, Segment};

pub use fit::fit;

/// Kinds of segment ([`Segment::kind`]); [`fit`] knows each.
pub mod kind {
    /// `title = "…"` / `description = "…"`: a TOML basic string.
    pub const FRONT_MATTER: &str = "front-matter";
    /// `title = '…'`: a TOML literal string (no escapes, no `'`).
    pub const FRONT_MATTER_LITERAL: &str = "front-matter-literal";
    pub const HEADING: &str = "heading";
    pub const PARAGRAPH: &str = "paragraph";
    pub const LIST_ITEM: &str = "list-item";
    pub const TABLE_CELL: &str = "table-cell";
    pub const FOOTNOTE: &str = "footnote";
    pub const QUIZ_QUESTION: &str = "quiz-question";
    pub const QUIZ_OPTION: &str = "quiz-option";
    pub const QUIZ_EXPLANATION: &str = "quiz-explanation";
    pub const QUIZ_PAIR_LEFT: &str = "quiz-pair-left";
    pub const QUIZ_PAIR_RIGHT: &str = "quiz-pair-right";
    pub const QUIZ_ITEM: &str = "quiz-item";
    pub const QUIZ_ANSWER: &str = "quiz-answer";
    /// A paragraph of a scenario step's text.
    pub const SCENARIO_TEXT: &str = "scenario-text";
    pub const SCENARIO_CHOICE: &str = "scenario-choice";
    pub const SCENARIO_FEEDBACK: &str = "scenario-feedback";
}

/// Why a page cannot be cut into segments.
#[derive(Debug, Clone, PartialEq)]
pub struct PageError {
    /// Where in the page's text.
    pub span: Range<usize>,
    pub code: Code,
    pub message: Msg,
    pub hint: Msg,
}

impl PageError {
    /// The error as a diagnostic at its file, line and column.
    pub fn diagnostic(&self, file: &str, source: &Arc<str>) -> Diagnostic {
        Diagnostic::error(self.code, self.message.clone())
            .at(file, source, self.span.clone())
            .hint(self.hint.clone())
    }
}

/// Every translatable segment of one Markdown page file (front matter
/// title/description, headings, paragraphs, list items, table cells, image
/// alt texts inside their `Pc`, footnotes, quiz and scenario texts), in file
/// order, with unique ids. `text` is the file as it is (a CRLF file gives
/// ranges in its own bytes). The only error is front matter that is opened
/// and never closed (where the page's body starts is unknown).
pub fn segments(text: &str) -> Result<Vec<Segment>, PageError> {
    let (mut out, body_start) = frontmatter::segments(text)?;
    blocks::page(text, body_start, &mut out);
    unique_ids(&mut out);
    Ok(out)
}

/// Makes ids unique when a broken page gives the same one twice (`-2`,
/// `-3`… appended to the later ones).
fn unique_ids(segments: &mut [Segment]) {
    let mut seen = std::collections::HashSet::new();
    for s in segments.iter_mut() {
        if !seen.insert(s.id.clone()) {
            let mut n = 2;
            while !seen.insert(format!("{}-{n}", s.id)) {
                n += 1;
            }
            s.id = format!("{}-{n}", s.id);
        }
    }
}

/// A segment of `text[range]` with the given content, if it has anything
/// to translate.
fn segment(
    id: String,
    kind: &'static str,
    range: Range<usize>,
    content: Vec<Inline>,
) -> Option<Segment> {
    inline::translatable(&content).then_some(Segment {
        id,
        kind,
        range,
        content,
    })
}

//! Knowledge checks: the ```` ```quiz ```` fenced block (SPEC §3).
//!
//! This module is pure: it parses the text of one block into a [`Quiz`] and
//! renders a parsed quiz to HTML. It does no I/O and never panics on input.
//!
//! Grammar, one item per line (trailing whitespace and CR are ignored, and so
//! is indentation before the marker):
//!
//! ```text
//! ? prompt                 starts a question (inline Markdown)
//! ( ) text   (x) text      single-answer option; exactly one (x) per question
//! [ ] text   [x] text      multiple-answer option; at least one [x]
//! > text                   explanation, shown after answering; lines are joined
//! (blank line)             ends the question
//! ```
//!
//! `(X)` and `[X]` are accepted too. Every question needs at least two options
//! and may not mix `( )` and `[ ]`. Any other line is an error; [`parse`]
//! reports every error of the block, each with a line and column relative to
//! the block text.

use std::fmt;

use crate::diag::Code;

mod grammar;
mod render;
#[cfg(test)]
mod tests;

pub use grammar::parse;
pub use render::{QuizStrings, dom_id, render_html, render_html_with};

/// One ```` ```quiz ```` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub questions: Vec<Question>,
}

/// One question of a quiz block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Inline Markdown source after `? `.
    pub prompt: String,
    /// `true` for `[ ]`/`[x]` options (choose all that apply).
    pub multiple: bool,
    pub options: Vec<Choice>,
    /// The `> ` lines joined with a space (inline Markdown), if any has text.
    pub explanation: Option<String>,
    /// 1-based line of the `? ` line within the block text.
    pub line: usize,
}

/// One answer option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Inline Markdown source after the marker.
    pub text: String,
    pub correct: bool,
}

impl Question {
    /// 0-based indices of the correct options, ascending.
    pub fn correct_indices(&self) -> Vec<usize> {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, c)| c.correct)
            .map(|(i, _)| i)
            .collect()
    }
}

/// A problem in a quiz block, located within the block text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizError {
    /// 1-based line within the block text (the caller adds the block's offset).
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Length in characters of the offending part (at least 1).
    pub len: usize,
    /// Stable machine-readable code, e.g. `quiz-no-correct`.
    pub code: Code,
    /// What is wrong, for people.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} [{}] ({})",
            self.line, self.column, self.message, self.code, self.hint
        )
    }
}

impl std::error::Error for QuizError {}

/// The identity of a question: `"{qid_base}/{position}"`, position 1-based
/// among all questions of the page. The same in every locale.
pub fn question_id(qid_base: &str, position: usize) -> String {
    format!("{qid_base}/{position}")
}

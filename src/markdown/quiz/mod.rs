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
//! - left => right          matching pair; at least two, sides all different
//! 1. text                  ordering item, numbered 1, 2, ... in the right order
//! = text    = 18..20       short answer: an accepted answer or numeric range
//! > text                   explanation, shown after answering; lines are joined
//! (blank line)             ends the question
//! ```
//!
//! `(X)` and `[X]` are accepted too. A question's first answer line fixes its
//! [`Form`]; the other lines must be of the same form. Choice, matching and
//! ordering questions need at least two lines, a short answer at least one.
//! Any other line is an error; [`parse_at`] reports every error of the
//! block, each with a line of the page's file and a column (what a
//! translator sees in an editor); [`parse`] counts lines within the block,
//! for a block on its own.

use std::fmt;

use crate::diag::{Code, Msg, Text};

mod grammar;
mod key;
mod panel;
mod render;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_forms;

pub(crate) use grammar::{Line, classify};
pub use grammar::{parse, parse_at};
pub use key::{Key, normalize_answer, numeric_range, seal, unseal};
pub use panel::{PanelStrings, render_panel};
pub use render::{
    BlockOptions, QuizStrings, block_seal, dom_id, plain_inline, render_block, render_html,
    render_html_with,
};

/// One ```` ```quiz ```` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub questions: Vec<Question>,
}

/// The kind of answer a question asks for, fixed by its first answer line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    /// `( )` / `(x)`: one right option.
    #[default]
    Single,
    /// `[ ]` / `[x]`: every right option.
    Multiple,
    /// `- left => right`: each left side with its right side.
    Matching,
    /// `1.` `2.` ...: the items in the order written.
    Ordering,
    /// `= answer`: a typed answer, one of the accepted ones.
    Short,
}

impl Form {
    /// The name in markup (`data-kind`) and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Single => "single",
            Form::Multiple => "multiple",
            Form::Matching => "matching",
            Form::Ordering => "ordering",
            Form::Short => "short",
        }
    }

    /// How an author writes this form's answer lines, for messages: the
    /// markers only, in backticks, the same in every language.
    pub fn written(self) -> &'static str {
        match self {
            Form::Single => "`( )`/`(x)`",
            Form::Multiple => "`[ ]`/`[x]`",
            Form::Matching => "`- … => …`",
            Form::Ordering => "`1.`, `2.`, …",
            Form::Short => "`= …`",
        }
    }
}

/// One question of a quiz block.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Question {
    /// Inline Markdown source after `? `.
    pub prompt: String,
    pub form: Form,
    /// `true` for `[ ]`/`[x]` options (choose all that apply).
    pub multiple: bool,
    /// Single and multiple choice: the options.
    pub options: Vec<Choice>,
    /// Matching: the pairs, as written (right sides are shown shuffled).
    pub pairs: Vec<Pair>,
    /// Ordering: the items in the right order (shown shuffled).
    pub items: Vec<String>,
    /// Short answer: the accepted answers, as written.
    pub accepted: Vec<String>,
    /// The `> ` lines joined with a space (inline Markdown), if any has text.
    pub explanation: Option<String>,
    /// 1-based line of the `? ` line (in the file, when parsed with
    /// [`parse_at`]; within the block otherwise).
    pub line: usize,
}

/// One answer option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Inline Markdown source after the marker.
    pub text: String,
    pub correct: bool,
}

/// One matching pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub left: String,
    pub right: String,
}

impl Question {
    /// How many answer lines the question has (options, pairs, items or
    /// accepted answers).
    pub fn answer_lines(&self) -> usize {
        match self.form {
            Form::Single | Form::Multiple => self.options.len(),
            Form::Matching => self.pairs.len(),
            Form::Ordering => self.items.len(),
            Form::Short => self.accepted.len(),
        }
    }

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

/// A problem in a quiz or scenario block, located in the page's file when
/// the block was parsed with [`parse_at`].
#[derive(Debug, Clone, PartialEq)]
pub struct QuizError {
    /// 1-based line: of the file with [`parse_at`], of the block with
    /// [`parse`].
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Length in characters of the offending part (at least 1).
    pub len: usize,
    /// Stable machine-readable code, e.g. `quiz-no-correct`.
    pub code: Code,
    /// What is wrong, for people.
    pub message: Said,
    /// What to do about it.
    pub hint: Said,
}

/// A message of darslik's own ([`Msg`]) that also reads as its English
/// text: a diagnostic made from it is said in the user's language, while
/// code that only looks at the words (tests, logs) sees English.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    msg: Msg,
    en: String,
}

impl Said {
    /// The message, to be said in any language.
    pub fn msg(&self) -> &Msg {
        &self.msg
    }
}

impl From<Msg> for Said {
    fn from(msg: Msg) -> Self {
        Said { en: msg.en(), msg }
    }
}

impl From<Said> for Text {
    fn from(s: Said) -> Self {
        Text::Msg(s.msg)
    }
}

impl std::ops::Deref for Said {
    type Target = str;
    fn deref(&self) -> &str {
        &self.en
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
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

/// The column in the file of column `column` of a block's line, when the
/// block sits in a blockquote or a list: `file_line` is the file's line,
/// `block_line` the same line as the block's text has it (without the
/// `> ` or the indentation Markdown took off). A line that does not end
/// with the block's line keeps its column.
pub fn file_column(file_line: &str, block_line: &str, column: usize) -> usize {
    let (file_line, block_line) = (file_line.trim_end(), block_line.trim_end());
    match file_line.strip_suffix(block_line) {
        Some(prefix) if !block_line.is_empty() => column + prefix.chars().count(),
        _ => column,
    }
}

/// The identity of a question: `"{qid_base}/{position}"`, position 1-based
/// among all questions of the page. The same in every locale.
pub fn question_id(qid_base: &str, position: usize) -> String {
    format!("{qid_base}/{position}")
}

//! What an XLIFF unit holds, independent of the file it came from.
//!
//! A translatable segment is a byte range of a course file (a Markdown page
//! or a Fluent file) and its content: runs of text the translator edits and
//! codes they must keep (`<ph>` for a standalone code such as inline code or a
//! placeable, `<pc>` for a pair around text such as a link or emphasis). Each
//! code carries the exact source bytes it stands for, so writing a segment
//! back is concatenation.

use std::ops::Range;

/// One piece of a segment's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Text the translator edits, as it is written in the file.
    Text(String),
    /// A code that stands alone: inline code, an image, a Fluent placeable.
    /// `id` is unique within the unit; `data` is the original bytes.
    Ph { id: String, data: String },
    /// A pair of codes around text: a link, emphasis. `start`/`end` are the
    /// original bytes before and after the content.
    Pc {
        id: String,
        start: String,
        end: String,
        content: Vec<Inline>,
    },
}

/// A translatable segment found in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Stable within the file: derived from structure (section, kind,
    /// ordinal within the section), never from byte positions. An XML
    /// NMTOKEN: letters, digits, `.`, `-`, `_`.
    pub id: String,
    /// What kind of text this is (`heading`, `paragraph`, `list-item`,
    /// `table-cell`, `alt`, `title`, `quiz-question`, `message`...), written to
    /// the unit's `type`-like metadata and used when writing text back.
    pub kind: &'static str,
    /// Where the segment's content is in the file.
    pub range: Range<usize>,
    pub content: Vec<Inline>,
}

/// A unit's state, from the page's state (SPEC §10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Missing or stale: needs a translator.
    Initial,
    /// Translated but not stamped.
    Translated,
    Reviewed,
    /// Current.
    Final,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Initial => "initial",
            State::Translated => "translated",
            State::Reviewed => "reviewed",
            State::Final => "final",
        }
    }
    pub fn parse(s: &str) -> Option<State> {
        Some(match s {
            "initial" => State::Initial,
            "translated" => State::Translated,
            "reviewed" => State::Reviewed,
            "final" => State::Final,
            _ => return None,
        })
    }
}

/// The file bytes a segment's content stands for: text as it is, each code's
/// original data around it.
pub fn to_source(content: &[Inline]) -> String {
    let mut out = String::new();
    write_source(content, &mut out);
    out
}

fn write_source(content: &[Inline], out: &mut String) {
    for piece in content {
        match piece {
            Inline::Text(t) => out.push_str(t),
            Inline::Ph { data, .. } => out.push_str(data),
            Inline::Pc {
                start,
                end,
                content,
                ..
            } => {
                out.push_str(start);
                write_source(content, out);
                out.push_str(end);
            }
        }
    }
}

/// A code's original bytes: a `<ph>`'s data, or a `<pc>`'s start and end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    Ph(String),
    Pc(String, String),
}

/// Every code of a segment's content with its id, in document order (a
/// pair before the codes inside it).
pub fn codes(content: &[Inline]) -> Vec<(&str, Code)> {
    let mut out = Vec::new();
    collect_codes(content, &mut out);
    out
}

fn collect_codes<'a>(content: &'a [Inline], out: &mut Vec<(&'a str, Code)>) {
    for piece in content {
        match piece {
            Inline::Text(_) => {}
            Inline::Ph { id, data } => out.push((id, Code::Ph(data.clone()))),
            Inline::Pc {
                id,
                start,
                end,
                content,
            } => {
                out.push((id, Code::Pc(start.clone(), end.clone())));
                collect_codes(content, out);
            }
        }
    }
}

/// Every code id in a segment's content, in order (for checking that a
/// target kept the source's codes).
pub fn code_ids(content: &[Inline]) -> Vec<&str> {
    codes(content).into_iter().map(|(id, _)| id).collect()
}

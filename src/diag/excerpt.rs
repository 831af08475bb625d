//! The part of a file a diagnostic shows: the offending line, or a window
//! of it around the column when the line is long.
//!
//! codespan-reporting prints whole lines and indexes the whole file for each
//! diagnostic: one broken link on a 100 KB line printed 100 KB, and 4,000 of
//! them printed 313 MB. An [`Excerpt`] hands it only the lines shown (at most
//! [`WIDTH`] characters of a long one, cut with `…`) and tells it the real
//! line and column numbers.

use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::files::{Error, Files};

/// The most characters of one line that are shown.
pub(super) const WIDTH: usize = 120;
/// Of those, how many come before the column pointed at.
const BEFORE: usize = 40;
/// A span over several short lines shows at most this many.
const MAX_LINES: usize = 5;
const MARK: &str = "…";

pub(super) struct Excerpt<'a> {
    name: &'a str,
    text: String,
    /// Byte offsets in `text` where its lines start.
    starts: Vec<usize>,
    /// The real 1-based number of the first line shown.
    first_line: usize,
    /// The real 1-based column of the first character shown after `skip`.
    first_col: usize,
    /// The bytes of a leading `…` on the first line.
    skip: usize,
    /// The span pointed at, in `text`.
    pub span: Range<usize>,
}

impl<'a> Excerpt<'a> {
    /// `span` is in `source`, on char boundaries, starting at 1-based `line`
    /// and `column`.
    pub(super) fn new(
        name: &'a str,
        source: &Arc<str>,
        span: Range<usize>,
        line: usize,
        column: usize,
    ) -> Self {
        let bytes = source.as_bytes();
        let start = span.start.min(source.len());
        let end = span.end.clamp(start, source.len());
        let line_start = super::lines::offset_of_in(source, line, 1).min(start);
        let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(source.len(), |n| start + n);
        let line_text = &source[line_start..line_end];
        if end > line_end
            && let Some(last_end) = short_lines_end(source, line_start, end)
        {
            // A span over a few short lines: shown whole.
            return Excerpt::whole(
                name,
                &source[line_start..last_end],
                line,
                start - line_start..end - line_start,
            );
        }
        let end = end.min(line_end);
        if line_text.len() <= WIDTH {
            return Excerpt::whole(name, line_text, line, start - line_start..end - line_start);
        }
        // A long line: a window of WIDTH characters around the column.
        let before = source[line_start..start]
            .char_indices()
            .rev()
            .take(BEFORE)
            .last()
            .map_or(start, |(i, _)| line_start + i);
        let shown_before = source[before..start].chars().count();
        let after = source[start..line_end]
            .char_indices()
            .nth(WIDTH - shown_before)
            .map_or(line_end, |(i, _)| start + i);
        let mut text = String::with_capacity(after - before + 2 * MARK.len());
        let skip = if before > line_start {
            text.push_str(MARK);
            MARK.len()
        } else {
            0
        };
        text.push_str(&source[before..after]);
        if after < line_end {
            text.push_str(MARK);
        }
        let from = skip + start - before;
        let to = skip + end.min(after) - before;
        Excerpt {
            name,
            text,
            starts: vec![0],
            first_line: line,
            first_col: column.saturating_sub(shown_before).max(1),
            skip,
            span: from..to,
        }
    }

    fn whole(name: &'a str, text: &str, line: usize, span: Range<usize>) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Excerpt {
            name,
            text: text.to_string(),
            starts,
            first_line: line,
            first_col: 1,
            skip: 0,
            span,
        }
    }
}

/// The end of the line holding `end`, when the lines from `line_start` to it
/// are few and short enough to show whole.
fn short_lines_end(source: &str, line_start: usize, end: usize) -> Option<usize> {
    let bytes = &source.as_bytes()[line_start..];
    let mut at = 0;
    for _ in 0..MAX_LINES {
        let next = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        if next - at > WIDTH {
            return None;
        }
        if line_start + next >= end {
            return Some(line_start + next);
        }
        at = next + 1;
    }
    None
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: ()) -> Result<&'a str, Error> {
        Ok(self.name)
    }

    fn source(&'a self, _: ()) -> Result<&'a str, Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, _: (), byte_index: usize) -> Result<usize, Error> {
        Ok(self
            .starts
            .partition_point(|&s| s <= byte_index)
            .saturating_sub(1))
    }

    fn line_number(&'a self, _: (), line_index: usize) -> Result<usize, Error> {
        Ok(self.first_line + line_index)
    }

    fn column_number(
        &'a self,
        _: (),
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        let range = self.line_range((), line_index)?;
        let byte_index = byte_index.clamp(range.start, range.end);
        let text = self.text.get(range.start..byte_index).unwrap_or("");
        Ok(if line_index == 0 {
            self.first_col
                + text
                    .get(self.skip.min(text.len())..)
                    .map_or(0, |t| t.chars().count())
        } else {
            text.chars().count() + 1
        })
    }

    fn line_range(&'a self, _: (), line_index: usize) -> Result<Range<usize>, Error> {
        let start = *self.starts.get(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: self.starts.len() - 1,
        })?;
        let end = self
            .starts
            .get(line_index + 1)
            .copied()
            .unwrap_or(self.text.len());
        Ok(start..end)
    }
}

//! Lines and columns of byte offsets, in time linear in the file however
//! many diagnostics point into it.
//!
//! Counting the lines before an offset afresh for every diagnostic is
//! quadratic: 50,000 problems in one 1.4 MB `.ftl` file scanned 35 GB. A
//! file that has diagnostics gets an index of its line starts once (kept for
//! the few files the thread last pointed into), and the column is counted on
//! from the previous diagnostic when it is further along the same line.

use std::cell::RefCell;
use std::sync::Arc;

/// Below this size a file is scanned directly: an index would cost more.
const INDEXED_FROM: usize = 4096;
/// How many files each thread keeps an index for.
const KEPT: usize = 8;

struct Index {
    source: Arc<str>,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// The last position asked for: (offset, line, column).
    last: (usize, usize, usize),
}

thread_local! {
    static INDEXES: RefCell<Vec<Index>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on the index of `source`, made if the thread has none.
fn with_index<T>(source: &Arc<str>, f: impl FnOnce(&mut Index) -> T) -> T {
    INDEXES.with(|cell| {
        let mut indexes = cell.borrow_mut();
        // Holding the Arc keeps the text alive, so its address names it.
        let found = indexes.iter().position(|i| Arc::ptr_eq(&i.source, source));
        let at = match found {
            Some(at) => at,
            None => {
                if indexes.len() >= KEPT {
                    indexes.remove(0);
                }
                let mut starts = vec![0];
                starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
                indexes.push(Index {
                    source: source.clone(),
                    starts,
                    last: (0, 1, 1),
                });
                indexes.len() - 1
            }
        };
        f(&mut indexes[at])
    })
}

/// 1-based line and column (in characters) of a byte offset of a kept text.
pub(super) fn line_col_of(source: &Arc<str>, offset: usize) -> (usize, usize) {
    let offset = super::clamp_to_char(source, offset.min(source.len()));
    if source.len() < INDEXED_FROM {
        return line_col(source, offset);
    }
    with_index(source, |index| {
        let line = index.starts.partition_point(|&s| s <= offset);
        let (last_offset, last_line, last_col) = index.last;
        let column = if last_line == line && last_offset <= offset {
            last_col + index.source[last_offset..offset].chars().count()
        } else {
            let start = index.starts[line - 1];
            index.source[start..offset].chars().count() + 1
        };
        index.last = (offset, line, column);
        (line, column)
    })
}

/// Byte offset of a 1-based line and column (in characters) of a kept text;
/// clamped.
pub(super) fn offset_of_in(source: &Arc<str>, line: usize, column: usize) -> usize {
    if source.len() < INDEXED_FROM {
        return offset_of(source, line, column);
    }
    with_index(source, |index| {
        let Some(&start) = index.starts.get(line.max(1) - 1) else {
            return index.source.len();
        };
        column_offset(&index.source, start, column)
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = super::clamp_to_char(source, offset.min(source.len()));
    let before = &source[..offset];
    let line = memchr::memchr_iter(b'\n', before.as_bytes()).count() + 1;
    let line_start = memchr::memrchr(b'\n', before.as_bytes()).map_or(0, |i| i + 1);
    let column = source[line_start..offset].chars().count() + 1;
    (line, column)
}

/// Byte offset of a 1-based line and column (in characters); clamped.
pub fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line.max(1) {
        match memchr::memchr(b'\n', &source.as_bytes()[start..]) {
            Some(n) => start += n + 1,
            None => return source.len(),
        }
    }
    column_offset(source, start, column)
}

/// The byte offset of a column of the line starting at `start`, or the end
/// of that line.
fn column_offset(source: &str, start: usize, column: usize) -> usize {
    let line_text = &source[start..];
    let line_end = memchr::memchr(b'\n', line_text.as_bytes()).unwrap_or(line_text.len());
    line_text[..line_end]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(start + line_end, |(i, _)| start + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexed_and_direct_agree() {
        let mut text = String::new();
        for i in 0..2000 {
            text.push_str(&format!("line {i}: Oʻzbek {}\n", "ж".repeat(i % 7)));
        }
        let source: Arc<str> = Arc::from(text.as_str());
        assert!(source.len() >= INDEXED_FROM);
        // In order, backwards, and jumping about.
        let offsets: Vec<usize> = (0..source.len())
            .step_by(37)
            .chain((0..source.len()).rev().step_by(101))
            .filter(|&o| source.is_char_boundary(o))
            .collect();
        for o in offsets {
            let want = line_col(&source, o);
            assert_eq!(line_col_of(&source, o), want, "offset {o}");
            assert_eq!(offset_of_in(&source, want.0, want.1), o, "offset {o}");
        }
        assert_eq!(offset_of_in(&source, 99_999, 1), source.len());
    }
}

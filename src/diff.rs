//! Word-level differences between the source text a translation was stamped
//! against (kept by `stamp` under `.darslik/sources/`) and the source text
//! now: what `check`, `status` and `serve` show under a stale page.
//!
//! The store: `.darslik/sources/<hex>.md` holds a source page's body (the
//! text after its front matter, `\n` line ends) whose `body_hash` is
//! `sha256:<hex>`, the value a translation's `translation_of` carries. One
//! file per distinct source text, however many translations refer to it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;
use similar::{DiffTag, TextDiff};

use crate::course::frontmatter::body_hash;
use crate::course::{Course, Page};
use crate::diag::Lang;
use crate::msg;

/// One run of words: kept, removed from the old source, or added in the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

/// A run of text (words with the spaces between them) and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub op: Op,
    pub text: String,
}

/// One changed place: the lines it covers in the old and the new source
/// (1-based, in the page file) and its pieces, with a little unchanged
/// context on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hunk {
    pub old_line: usize,
    pub new_line: usize,
    pub pieces: Vec<Piece>,
}

/// What changed in a stale page's source since its translation was stamped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleDiff {
    /// The source page, e.g. `content/en/module-a/01-one.md`.
    pub source: String,
    /// The `translation_of` hash the translation carries.
    pub stamped: String,
    /// False when no snapshot of the stamped source is kept (stamped before
    /// darslik kept them): `hunks` is then empty and the change is unknown.
    pub known: bool,
    pub hunks: Vec<Hunk>,
}

/// The folder of source snapshots, relative to the course folder.
pub const SOURCES: &str = ".darslik/sources";

/// Words of unchanged text shown on each side of a change (never past the
/// end of its line).
const CONTEXT_WORDS: usize = 4;
/// Changes closer than this many tokens (words, spaces, punctuation) make
/// one hunk.
const JOIN_TOKENS: usize = 12;
/// Hunks shown as text under one warning; JSON carries them all.
const HUNKS_SHOWN: usize = 10;
/// Characters of one changed run shown as text.
const PIECE_CHARS: usize = 600;

/// The hex digits of a `sha256:<64 hex>` stamp; `None` for anything else
/// (a stamp is user input: it never becomes a path unless it is exactly this).
fn stamp_hex(stamp: &str) -> Option<&str> {
    let hex = stamp.strip_prefix("sha256:")?;
    (hex.len() == 64
        && hex
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    .then_some(hex)
}

/// Where the snapshot of the source text with this stamp is kept.
pub fn snapshot_path(root: &Path, stamp: &str) -> Option<PathBuf> {
    stamp_hex(stamp).map(|hex| root.join(SOURCES).join(format!("{hex}.md")))
}

/// The kept source text stamped as `stamp`, if a snapshot exists and still
/// has that hash (line ends made `\n`, as a checkout may have changed them).
pub fn read_snapshot(root: &Path, stamp: &str) -> Option<String> {
    let path = snapshot_path(root, stamp)?;
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8(bytes).ok()?.replace("\r\n", "\n");
    (body_hash(&text) == stamp).then_some(text)
}

/// Keep `body` (a source page's body) as the snapshot of its hash, unless an
/// intact one is there already. Written to a temporary file and renamed, so
/// a snapshot is never half written. Returns whether a file was written.
pub fn write_snapshot(root: &Path, body: &str) -> std::io::Result<bool> {
    let body = body.replace("\r\n", "\n");
    let hash = body_hash(&body);
    if read_snapshot(root, &hash).is_some() {
        return Ok(false);
    }
    let Some(path) = snapshot_path(root, &hash) else {
        return Ok(false);
    };
    if store_is_linked(root) {
        return Err(std::io::Error::other(
            ".darslik or .darslik/sources is a symbolic link; darslik writes only inside the course",
        ));
    }
    let dir = root.join(SOURCES);
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join(format!(
        ".{}.darslik-tmp-{}",
        stamp_hex(&hash).unwrap_or("x"),
        std::process::id()
    ));
    std::fs::write(&tmp, body.as_bytes())?;
    if let Err(e) = std::fs::rename(&tmp, &path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(true)
}

/// A symbolic link on the way to the store: it may lead out of the course,
/// so nothing is written or removed through it.
pub fn store_is_linked(root: &Path) -> bool {
    [root.join(".darslik"), root.join(SOURCES)]
        .iter()
        .any(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()))
}

/// The snapshots in the store (their stamps), for pruning: only files named
/// as darslik names them (`<64 hex>.md`); anything else is left alone.
pub fn snapshots(root: &Path) -> Vec<(String, PathBuf)> {
    if store_is_linked(root) {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(root.join(SOURCES)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(hex) = name.strip_suffix(".md") else {
            continue;
        };
        let stamp = format!("sha256:{hex}");
        if stamp_hex(&stamp).is_some() && e.file_type().is_ok_and(|t| t.is_file()) {
            out.push((stamp, e.path()));
        }
    }
    out.sort();
    out
}

/// What changed in `source` (a source page) since `translation` was stamped
/// against it; `None` when the translation carries no stamp.
pub fn stale_diff(course: &Course, translation: &Page, source: &Page) -> Option<StaleDiff> {
    let stamped = translation.front.translation_of.clone()?;
    let line_offset = lines_before_body(source);
    let (known, hunks) = match read_snapshot(&course.root, &stamped) {
        Some(old) => (
            true,
            diff_bodies(&old, source.body(), line_offset, line_offset),
        ),
        None => (false, Vec::new()),
    };
    Some(StaleDiff {
        source: source.file.clone(),
        stamped,
        known,
        hunks,
    })
}

/// The lines of a page file above its body (the front matter and its fences).
fn lines_before_body(page: &Page) -> usize {
    page.text
        .get(..page.body_start)
        .map_or(0, |t| t.bytes().filter(|b| *b == b'\n').count())
}

/// The changes from `old` to `new`: lines first (a line added or removed
/// is shown whole), then word by word within the lines that changed.
/// Line numbers are 1-based and counted in the page file: `old_offset` /
/// `new_offset` are the lines above the body (the old file's front matter
/// is not kept, so its lines are counted as the current file's).
pub fn diff_bodies(old: &str, new: &str, old_offset: usize, new_offset: usize) -> Vec<Hunk> {
    let lines = TextDiff::configure()
        .timeout(Duration::from_secs(2))
        .diff_lines(old, new);
    let (olds, news) = (lines.old_slices(), lines.new_slices());
    let mut hunks = Vec::new();
    for op in lines.ops() {
        let (tag, o, n) = op.as_tag_tuple();
        let (old_text, new_text) = (olds[o.clone()].concat(), news[n.clone()].concat());
        let whole = |op: Op, text: String| {
            // The last line's end is not part of what changed, unless the
            // lines are blank (a paragraph break removed or added is).
            let text = match text.strip_suffix('\n') {
                Some(t) if !t.trim().is_empty() => t.to_string(),
                _ => text,
            };
            Hunk {
                old_line: old_offset + o.start + 1,
                new_line: new_offset + n.start + 1,
                pieces: vec![Piece { op, text }],
            }
        };
        match tag {
            DiffTag::Equal => {}
            DiffTag::Delete => hunks.push(whole(Op::Delete, old_text)),
            DiffTag::Insert => hunks.push(whole(Op::Insert, new_text)),
            DiffTag::Replace => hunks.extend(diff_words(
                &old_text,
                &new_text,
                old_offset + o.start,
                new_offset + n.start,
            )),
        }
    }
    hunks
}

/// The changes from `old` to `new` word by word, with a few words of
/// context that stay on the line of the change.
fn diff_words(old: &str, new: &str, old_offset: usize, new_offset: usize) -> Vec<Hunk> {
    let diff = TextDiff::configure()
        .timeout(Duration::from_secs(2))
        .diff_unicode_words(old, new);
    let olds = diff.old_slices();
    let news = diff.new_slices();
    let starts = |tokens: &[&str]| {
        let mut v = Vec::with_capacity(tokens.len() + 1);
        let mut at = 0;
        for t in tokens {
            v.push(at);
            at += t.len();
        }
        v.push(at);
        v
    };
    let (old_at, new_at) = (starts(olds), starts(news));
    let mut hunks = Vec::new();
    for group in diff.grouped_ops(JOIN_TOKENS) {
        let items = coalesce(&group, olds);
        if !items.iter().any(|i| i.changed) {
            continue;
        }
        let mut pieces: Vec<Piece> = Vec::new();
        let mut first: Option<(usize, usize)> = None;
        let last = items.len() - 1;
        for (n, item) in items.iter().enumerate() {
            if item.changed {
                first.get_or_insert((item.old.start, item.new.start));
                push(&mut pieces, Op::Delete, olds[item.old.clone()].concat());
                push(&mut pieces, Op::Insert, news[item.new.clone()].concat());
                continue;
            }
            let tokens = &olds[item.old.clone()];
            let keep = if n == 0 {
                let k = leading_context(tokens);
                first = Some((item.old.end - k, item.new.end - k));
                tokens.len() - k..tokens.len()
            } else if n == last {
                0..trailing_context(tokens)
            } else {
                0..tokens.len()
            };
            push(&mut pieces, Op::Equal, tokens[keep].concat());
        }
        let (o, w) = first.unwrap_or((0, 0));
        hunks.push(Hunk {
            old_line: old_offset + line_at(old, old_at[o]),
            new_line: new_offset + line_at(new, new_at[w]),
            pieces,
        });
    }
    hunks
}

/// A run of tokens, unchanged or changed (removed, added or both).
struct Item {
    changed: bool,
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
}

/// The group's operations as runs, with the spaces between two changed
/// words made part of the change: `[-quick brown-]{+slow red+}` reads
/// better than `[-quick-]{+slow+} [-brown-]{+red+}`.
fn coalesce(group: &[similar::DiffOp], olds: &[&str]) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    for op in group {
        let (tag, old, new) = op.as_tag_tuple();
        let changed = tag != DiffTag::Equal;
        match items.last_mut() {
            Some(prev) if changed && prev.changed => {
                prev.old.end = old.end;
                prev.new.end = new.end;
            }
            _ => items.push(Item { changed, old, new }),
        }
    }
    let mut out: Vec<Item> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let item = &items[i];
        let spaces = !item.changed
            && olds[item.old.clone()]
                .iter()
                .all(|t| t.chars().all(|c| c.is_whitespace() && c != '\n'));
        let between = i > 0 && i + 1 < items.len() && items[i + 1].changed;
        if spaces && between && out.last().is_some_and(|p: &Item| p.changed) {
            let next = &items[i + 1];
            if let Some(prev) = out.last_mut() {
                prev.old.end = next.old.end;
                prev.new.end = next.new.end;
            }
            i += 2;
            continue;
        }
        out.push(Item {
            changed: item.changed,
            old: item.old.clone(),
            new: item.new.clone(),
        });
        i += 1;
    }
    out
}

fn push(pieces: &mut Vec<Piece>, op: Op, text: String) {
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(p) if p.op == op => p.text.push_str(&text),
        _ => pieces.push(Piece { op, text }),
    }
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// How many tokens at the end of `tokens` to show before a change: back to
/// the start of its line, at most [`CONTEXT_WORDS`] words.
fn leading_context(tokens: &[&str]) -> usize {
    let mut words = 0;
    let mut k = 0;
    for t in tokens.iter().rev() {
        if t.contains('\n') || (is_word(t) && words == CONTEXT_WORDS) {
            break;
        }
        words += usize::from(is_word(t));
        k += 1;
    }
    // Not from a space: the context starts with a word or a mark.
    while k > 0 && tokens[tokens.len() - k].trim().is_empty() {
        k -= 1;
    }
    k
}

/// How many tokens at the start of `tokens` to show after a change: to the
/// end of its line, at most [`CONTEXT_WORDS`] words.
fn trailing_context(tokens: &[&str]) -> usize {
    let mut words = 0;
    let mut k = 0;
    for t in tokens {
        if t.contains('\n') || (is_word(t) && words == CONTEXT_WORDS) {
            break;
        }
        words += usize::from(is_word(t));
        k += 1;
    }
    while k > 0 && tokens[k - 1].trim().is_empty() {
        k -= 1;
    }
    k
}

/// The 1-based line of byte `at` in `text`.
fn line_at(text: &str, at: usize) -> usize {
    1 + text
        .as_bytes()
        .get(..at)
        .map_or(0, |b| b.iter().filter(|c| **c == b'\n').count())
}

const RED: &str = "\x1b[31;9m";
const GREEN: &str = "\x1b[32;4m";
const RESET: &str = "\x1b[0m";

/// The diff as text under a stale-page warning: removed words in red and
/// added words in green on a terminal (`color`), `[-removed-]{+added+}`
/// otherwise.
pub fn render(diff: &StaleDiff, lang: Lang, color: bool) -> String {
    render_indented(diff, lang, color, "  ")
}

/// [`render`] with every line starting with `indent`.
pub fn render_indented(diff: &StaleDiff, lang: Lang, color: bool, indent: &str) -> String {
    let source = crate::diag::printable(&diff.source).into_owned();
    if !diff.known {
        return format!(
            "{indent}{}\n\n",
            msg!("stale-diff-unknown", source = source).text(lang)
        );
    }
    let mut out = format!(
        "{indent}{}\n",
        msg!("stale-diff-heading", source = source).text(lang)
    );
    let shown = &diff.hunks[..diff.hunks.len().min(HUNKS_SHOWN)];
    let width = shown
        .iter()
        .map(|h| {
            let lines = h
                .pieces
                .iter()
                .filter(|p| p.op != Op::Delete)
                .map(|p| p.text.matches('\n').count())
                .sum::<usize>();
            (h.new_line + lines).to_string().len()
        })
        .max()
        .unwrap_or(1);
    for hunk in shown {
        let mut rows = Rows {
            indent,
            width,
            line: hunk.new_line,
            row: String::new(),
            numbered: true,
            out: &mut out,
        };
        for piece in &hunk.pieces {
            let (open, close) = match (piece.op, color) {
                (Op::Equal, _) => ("", ""),
                (Op::Delete, true) => (RED, RESET),
                (Op::Insert, true) => (GREEN, RESET),
                (Op::Delete, false) => ("[-", "-]"),
                (Op::Insert, false) => ("{+", "+}"),
            };
            let text = shorten(&piece.text);
            if piece.op != Op::Equal && text.trim().is_empty() {
                // Only spaces and line breaks: shown where they are.
                let shown = text.replace('\n', "↵");
                rows.push(&format!("{open}{shown}{close}"), true);
                continue;
            }
            let mut parts = text.split('\n').peekable();
            while let Some(part) = parts.next() {
                if !part.is_empty() {
                    let part = crate::diag::printable(part);
                    rows.push(&format!("{open}{part}{close}"), piece.op != Op::Delete);
                }
                if parts.peek().is_some() {
                    // A line of the new text ends (a removed line's end
                    // ends a row that has no number now).
                    rows.flush(piece.op != Op::Delete);
                }
            }
        }
        rows.flush(false);
    }
    if diff.hunks.len() > shown.len() {
        out.push_str(&format!(
            "{indent}{}\n",
            msg!("stale-diff-more", count = diff.hunks.len() - shown.len()).text(lang)
        ));
    }
    out.push('\n');
    out
}

/// The rows of one hunk as text: `  12 │ words`, a row of removed text
/// alone unnumbered unless it is the hunk's first.
struct Rows<'a> {
    indent: &'a str,
    width: usize,
    /// The new text's line the current row is on.
    line: usize,
    row: String,
    /// The row shows its line number.
    numbered: bool,
    out: &'a mut String,
}

impl Rows<'_> {
    fn push(&mut self, text: &str, in_new_text: bool) {
        self.row.push_str(text);
        self.numbered |= in_new_text;
    }

    /// Ends the row; `new_line`: the new text's line ended with it.
    fn flush(&mut self, new_line: bool) {
        if !self.row.trim().is_empty() {
            let (indent, width) = (self.indent, self.width);
            let gutter = if self.numbered {
                self.line.to_string()
            } else {
                String::new()
            };
            self.out.push_str(&format!(
                "{indent}{gutter:>width$} │ {}\n",
                self.row.trim_end()
            ));
            self.row.clear();
            self.numbered = false;
        }
        if new_line {
            self.line += 1;
        }
    }
}

/// A changed run of at most [`PIECE_CHARS`] characters, `…` where cut.
fn shorten(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(PIECE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]).into(),
        None => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(old: &str, new: &str) -> String {
        let diff = StaleDiff {
            source: "content/en/a.md".into(),
            stamped: body_hash(old),
            known: true,
            hunks: diff_bodies(old, new, 3, 3),
        };
        render(&diff, Lang::En, false)
    }

    #[test]
    fn one_changed_word_with_a_few_words_around_it() {
        let old = "# Title\n\nOne two three four five six seven eight nine ten.\n\nLast line.\n";
        let new = "# Title\n\nOne two three four five SIX seven eight nine ten.\n\nLast line.\n";
        let hunks = diff_bodies(old, new, 3, 3);
        assert_eq!(hunks.len(), 1);
        assert_eq!(hunks[0].new_line, 6);
        let text = plain(old, new);
        assert!(
            text.contains("  6 │ two three four five [-six-]{+SIX+} seven eight nine ten.\n"),
            "{text}"
        );
    }

    #[test]
    fn words_replaced_together_read_as_one_change() {
        let text = plain("The quick brown fox.\n", "The slow red fox.\n");
        assert!(
            text.contains("The [-quick brown-]{+slow red+} fox.\n"),
            "{text}"
        );
    }

    #[test]
    fn a_sentence_added_at_the_end_of_a_paragraph() {
        let text = plain(
            "Para one.\n\nPara two.\n",
            "Para one. And more.\n\nPara two.\n",
        );
        assert!(text.contains("4 │ Para one.{+ And more.+}\n"), "{text}");
    }

    #[test]
    fn a_new_line_added_is_numbered_as_it_is_now() {
        let text = plain("a\nb\n", "a\nnew line\nb\n");
        assert!(text.contains("  5 │ {+new line+}\n"), "{text}");
        let text = plain("a\n\nb\n", "a\n\nb\n\nA new paragraph\nof two lines.\n");
        assert!(
            text.contains("  8 │ {+A new paragraph+}\n  9 │ {+of two lines.+}\n"),
            "{text}"
        );
    }

    #[test]
    fn a_removed_line_is_shown_whole_where_it_was() {
        let text = plain("a\n\nold line\n\nb\n", "a\n\nb\n");
        assert!(text.contains("  6 │ [-old line-]\n"), "{text}");
    }

    #[test]
    fn a_page_rewritten_shows_ten_changes_and_counts_the_rest() {
        let old: String = (0..30).map(|i| format!("Line {i} old.\n\n")).collect();
        let new: String = (0..30).map(|i| format!("Line {i} new.\n\n")).collect();
        let text = plain(&old, &new);
        assert_eq!(text.matches(" │ ").count(), 10, "{text}");
        assert!(text.contains("… and 20 more changes\n"), "{text}");
        let diff = StaleDiff {
            source: "s.md".into(),
            stamped: String::new(),
            known: true,
            hunks: diff_bodies(&old, &new, 0, 0),
        };
        assert_eq!(diff.hunks.len(), 30, "JSON keeps every change");
        assert!(render(&diff, Lang::Ru, false).contains("… и ещё 20 изменений"));
    }

    #[test]
    fn colours_on_a_terminal() {
        let diff = StaleDiff {
            source: "s.md".into(),
            stamped: String::new(),
            known: true,
            hunks: diff_bodies("a b c\n", "a x c\n", 0, 0),
        };
        let text = render(&diff, Lang::En, true);
        assert!(
            text.contains("\x1b[31;9mb\x1b[0m\x1b[32;4mx\x1b[0m"),
            "{text:?}"
        );
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        let text = plain("a b\n", "a \x1b[2Jb\n");
        assert!(!text.contains('\x1b'), "{text:?}");
    }

    #[test]
    fn only_exact_stamps_become_paths() {
        let root = Path::new("/c");
        assert!(snapshot_path(root, "sha256:../../etc/passwd").is_none());
        assert!(snapshot_path(root, &"sha256:".repeat(2)).is_none());
        let ok = format!("sha256:{}", "a".repeat(64));
        assert!(snapshot_path(root, &ok).is_some());
        assert!(snapshot_path(root, &ok.to_uppercase()).is_none());
    }

    #[test]
    fn snapshots_are_written_once_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let body = "\nText.\r\nMore.\n";
        assert!(write_snapshot(dir.path(), body).unwrap());
        assert!(!write_snapshot(dir.path(), body).unwrap());
        let hash = body_hash(body);
        assert_eq!(
            read_snapshot(dir.path(), &hash).as_deref(),
            Some("\nText.\nMore.\n")
        );
        assert_eq!(snapshots(dir.path()).len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn nothing_is_written_through_a_linked_store() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(".darslik")).unwrap();
        assert!(write_snapshot(dir.path(), "Text.\n").is_err());
        assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
        assert!(snapshots(dir.path()).is_empty());
    }
}

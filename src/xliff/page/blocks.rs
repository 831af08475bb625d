//! The block structure of a page body: which leaf blocks are segments and
//! what their ids are.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use crate::xliff::model::Segment;

use super::inline::{self, Ev, extent, is_inline, matching_end};
use super::{kind, quiz, segment};

/// The segments of the body `text[body_start..]`, appended to `out`.
pub(super) fn page(text: &str, body_start: usize, out: &mut Vec<Segment>) {
    let body = &text[body_start..];
    let evs = events(body, body_start, crate::markdown::options());
    let mut walk = Walk::new(text, None);
    walk.run(&evs, out);
}

/// Scenario step text `text[range]`: its blocks, ids under `prefix`.
pub(super) fn nested(text: &str, range: Range<usize>, prefix: String, out: &mut Vec<Segment>) {
    let Some(part) = text.get(range.clone()) else {
        return;
    };
    let evs = events(part, range.start, crate::markdown::options());
    let mut walk = Walk::new(text, Some(prefix));
    walk.run(&evs, out);
}

/// Every event of `src` with its range in the file (`src` starts at `base`).
pub(super) fn events(src: &str, base: usize, options: pulldown_cmark::Options) -> Vec<Ev<'_>> {
    Parser::new_ext(src, options)
        .into_offset_iter()
        .map(|(e, r)| (e, base + r.start..base + r.end))
        .collect()
}

/// Ordinals within the current section.
#[derive(Default)]
struct Counters {
    p: usize,
    li: usize,
    t: usize,
    footnote: usize,
    quiz: usize,
    scenario: usize,
}

enum Ctx {
    Item { id: String, leaves: usize },
    Footnote,
    Table { k: usize, row: usize, col: usize },
    Other,
}

struct Walk<'t> {
    text: &'t str,
    /// Scenario step text: every id under this prefix, headings included.
    nested: Option<String>,
    section: String,
    headings: usize,
    counters: Counters,
    used: HashSet<String>,
    stack: Vec<Ctx>,
}

/// A heading's explicit id, when it can be a section key: a plain name
/// that cannot be taken for one darslik makes (`top`, `fm`, `h<N>`).
fn section_key(explicit: &str) -> bool {
    let mut chars = explicit.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let plain = explicit
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let ours = explicit == "top"
        || explicit == "fm"
        || (explicit.len() > 1
            && explicit.starts_with('h')
            && explicit[1..].bytes().all(|b| b.is_ascii_digit()));
    starts_with_letter && plain && !ours && explicit.len() <= 64
}

impl<'t> Walk<'t> {
    fn new(text: &'t str, nested: Option<String>) -> Walk<'t> {
        let section = nested.clone().unwrap_or_else(|| "top".to_string());
        Walk {
            text,
            nested,
            section,
            headings: 0,
            counters: Counters::default(),
            used: HashSet::new(),
            stack: Vec::new(),
        }
    }

    fn emit(&self, out: &mut Vec<Segment>, id: String, kind: &'static str, evs: &[Ev<'_>]) {
        let Some(range) = extent(evs) else { return };
        let content = inline::content(self.text, evs, range.clone());
        if let Some(s) = segment(id, kind, range, content) {
            out.push(s);
        }
    }

    /// Id and kind of a paragraph (or a tight list item's text) here.
    fn leaf(&mut self) -> (String, &'static str) {
        let sec = self.section.clone();
        let scenario = self.nested.is_some();
        for ctx in self.stack.iter_mut().rev() {
            match ctx {
                Ctx::Item { id, leaves } => {
                    *leaves += 1;
                    let id = if *leaves == 1 {
                        id.clone()
                    } else {
                        format!("{id}.p{leaves}")
                    };
                    return (id, kind::LIST_ITEM);
                }
                Ctx::Footnote => {
                    self.counters.footnote += 1;
                    return (
                        format!("{sec}.fn{}", self.counters.footnote),
                        kind::FOOTNOTE,
                    );
                }
                _ => {}
            }
        }
        self.counters.p += 1;
        let kind = if scenario {
            kind::SCENARIO_TEXT
        } else {
            kind::PARAGRAPH
        };
        (format!("{sec}.p{}", self.counters.p), kind)
    }

    fn heading(&mut self, explicit: Option<&str>) -> String {
        self.headings += 1;
        if let Some(prefix) = &self.nested {
            return format!("{prefix}.h{}", self.headings);
        }
        let key = match explicit {
            Some(e) if section_key(e) && !self.used.contains(e) => e.to_string(),
            _ => format!("h{}", self.headings),
        };
        self.used.insert(key.clone());
        self.section = key;
        self.counters = Counters::default();
        format!("{}.h", self.section)
    }

    fn run(&mut self, evs: &[Ev<'_>], out: &mut Vec<Segment>) {
        let mut i = 0;
        while i < evs.len() {
            let (ev, _) = &evs[i];
            // The text of a tight list item: a run of inline events.
            if is_inline(ev) {
                let mut j = i;
                while j < evs.len() && is_inline(&evs[j].0) {
                    j = if matches!(evs[j].0, Event::Start(_)) {
                        matching_end(evs, j) + 1
                    } else {
                        j + 1
                    };
                }
                let j = j.min(evs.len());
                if matches!(self.stack.last(), Some(Ctx::Item { .. })) {
                    let (id, kind) = self.leaf();
                    self.emit(out, id, kind, &evs[i..j]);
                }
                i = j.max(i + 1);
                continue;
            }
            match ev {
                Event::Start(tag) => {
                    // Only the leaf blocks look for their end: containers
                    // nest (a quote in a quote…), and looking from each
                    // would be quadratic in the depth.
                    let leaf = matches!(
                        tag,
                        Tag::Heading { .. }
                            | Tag::Paragraph
                            | Tag::TableCell
                            | Tag::CodeBlock(_)
                            | Tag::HtmlBlock
                            | Tag::MetadataBlock(_)
                    );
                    let close = if leaf { matching_end(evs, i) } else { i };
                    let inner = evs.get(i + 1..close).unwrap_or(&[]);
                    match tag {
                        Tag::Heading { id, .. } => {
                            let id = self.heading(id.as_deref());
                            self.emit(out, id, kind::HEADING, inner);
                            i = close + 1;
                            continue;
                        }
                        Tag::Paragraph => {
                            let (id, kind) = self.leaf();
                            self.emit(out, id, kind, inner);
                            i = close + 1;
                            continue;
                        }
                        Tag::TableCell => {
                            if let Some(Ctx::Table { k, row, col }) = self.stack.last_mut() {
                                *col += 1;
                                let id = format!("{}.t{k}.r{row}.c{col}", self.section);
                                self.emit(out, id, kind::TABLE_CELL, inner);
                            }
                            i = close + 1;
                            continue;
                        }
                        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                            let what = info.split_whitespace().next();
                            if self.nested.is_none() {
                                if what == Some("quiz") {
                                    self.counters.quiz += 1;
                                    let prefix =
                                        format!("{}.q{}", self.section, self.counters.quiz);
                                    quiz::quiz(self.text, inner, &prefix, out);
                                } else if what == Some("scenario") {
                                    self.counters.scenario += 1;
                                    let prefix =
                                        format!("{}.s{}", self.section, self.counters.scenario);
                                    quiz::scenario(self.text, inner, &prefix, out);
                                }
                            }
                            i = close + 1;
                            continue;
                        }
                        Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                            i = close + 1;
                            continue;
                        }
                        Tag::Item => {
                            self.counters.li += 1;
                            let id = format!("{}.li{}", self.section, self.counters.li);
                            self.stack.push(Ctx::Item { id, leaves: 0 });
                        }
                        Tag::FootnoteDefinition(_) => self.stack.push(Ctx::Footnote),
                        Tag::Table(_) => {
                            self.counters.t += 1;
                            self.stack.push(Ctx::Table {
                                k: self.counters.t,
                                row: 0,
                                col: 0,
                            });
                        }
                        Tag::TableHead => {
                            if let Some(Ctx::Table { row, col, .. }) = self.stack.last_mut() {
                                *row = 0;
                                *col = 0;
                            }
                        }
                        Tag::TableRow => {
                            if let Some(Ctx::Table { row, col, .. }) = self.stack.last_mut() {
                                *row += 1;
                                *col = 0;
                            }
                        }
                        _ => self.stack.push(Ctx::Other),
                    }
                }
                // TableHead / TableRow sit between the table and its cells:
                // they are not on the stack.
                Event::End(TagEnd::TableHead | TagEnd::TableRow) => {}
                Event::End(_) => {
                    self.stack.pop();
                }
                _ => {}
            }
            i += 1;
        }
    }
}

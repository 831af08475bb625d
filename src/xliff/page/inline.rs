//! A segment's content from pulldown-cmark's inline events: text runs are
//! the file's bytes between codes, codes carry the bytes they stand for.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag};

use crate::xliff::model::{Inline, to_source};

/// An event with its byte range in the file.
pub(super) type Ev<'a> = (Event<'a>, Range<usize>);

/// How deep pairs (`<pc>`) nest in a segment: deeper markup (only a
/// hostile page has it) is one code with its text, so that nothing here or
/// in the export recurses without bound.
const MAX_PC_DEPTH: usize = 32;

/// Is this event part of a paragraph's inline content?
pub(super) fn is_inline(ev: &Event<'_>) -> bool {
    match ev {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak => true,
        Event::Start(tag) => is_inline_tag(tag),
        Event::End(end) => matches!(
            end,
            pulldown_cmark::TagEnd::Emphasis
                | pulldown_cmark::TagEnd::Strong
                | pulldown_cmark::TagEnd::Strikethrough
                | pulldown_cmark::TagEnd::Superscript
                | pulldown_cmark::TagEnd::Subscript
                | pulldown_cmark::TagEnd::Link
                | pulldown_cmark::TagEnd::Image
        ),
        _ => false,
    }
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// The index of the `End` that closes the `Start` at `i` (the last event
/// when the stream is cut short).
pub(super) fn matching_end(evs: &[Ev<'_>], i: usize) -> usize {
    let mut depth = 0usize;
    for (j, (ev, _)) in evs.iter().enumerate().skip(i) {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
        if depth == 0 {
            return j;
        }
    }
    evs.len().saturating_sub(1).max(i)
}

/// The byte range the inline events `evs` cover (first start to last end),
/// `None` when they cover nothing.
pub(super) fn extent(evs: &[Ev<'_>]) -> Option<Range<usize>> {
    let start = evs.iter().map(|(_, r)| r.start).min()?;
    let end = evs.iter().map(|(_, r)| r.end).max()?;
    (start < end).then_some(start..end)
}

/// The content of `text[range]`, from the inline events inside it. When the
/// events do not describe the bytes exactly (never seen, but the file is
/// anyone's), the whole range is one text run, so that writing the content
/// back is still byte-identical.
pub(super) fn content(text: &str, evs: &[Ev<'_>], range: Range<usize>) -> Vec<Inline> {
    let Some(raw) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut b = Builder { text, next_id: 1 };
    let built = b.build(evs, range.start, range.end, 0);
    match built {
        Some(c) if to_source(&c) == raw => c,
        _ => vec![Inline::Text(raw.to_string())],
    }
}

struct Builder<'t> {
    text: &'t str,
    next_id: usize,
}

/// Text and codes being collected at one level.
struct Level {
    out: Vec<Inline>,
    run: String,
}

impl Level {
    fn flush(&mut self) {
        if !self.run.is_empty() {
            self.out.push(Inline::Text(std::mem::take(&mut self.run)));
        }
    }
}

impl Builder<'_> {
    fn id(&mut self) -> String {
        let id = self.next_id.to_string();
        self.next_id += 1;
        id
    }

    fn slice(&self, r: Range<usize>) -> Option<&str> {
        self.text.get(r)
    }

    fn ph(&mut self, level: &mut Level, data: &str) {
        level.flush();
        let id = self.id();
        level.out.push(Inline::Ph {
            id,
            data: data.to_string(),
        });
    }

    /// Bytes no event covers, between `from` and `to`: spaces are text; the
    /// markers of a container at the start of a line (`> ` of a block
    /// quote) are a code, together with the line break before them.
    fn gap(&mut self, level: &mut Level, from: usize, to: usize) -> Option<()> {
        if to <= from {
            return Some(());
        }
        let s = self.slice(from..to)?;
        let after_newline = self.text[..from].ends_with('\n') || s.contains('\n');
        if s.trim().is_empty() || !after_newline {
            level.run.push_str(s);
            return Some(());
        }
        // Move the line break (and spaces) that ends the run into the code.
        let keep = level.run.trim_end_matches([' ', '\t', '\n', '\r']).len();
        let moved = level.run.split_off(keep);
        let data = format!("{moved}{s}");
        self.ph(level, &data);
        Some(())
    }

    fn build(
        &mut self,
        evs: &[Ev<'_>],
        start: usize,
        end: usize,
        depth: usize,
    ) -> Option<Vec<Inline>> {
        let mut level = Level {
            out: Vec::new(),
            run: String::new(),
        };
        let mut pos = start;
        let mut i = 0;
        while i < evs.len() {
            let (ev, r) = &evs[i];
            let r = r.start.max(pos)..r.end.min(end);
            if r.end < r.start || (r.is_empty() && !matches!(ev, Event::Start(_))) {
                i += 1;
                continue;
            }
            match ev {
                Event::Start(tag) => {
                    let close = matching_end(evs, i);
                    let full = evs[i].1.start.max(pos)..evs[i].1.end.min(end);
                    self.gap(&mut level, pos, full.start)?;
                    let inner = evs.get(i + 1..close).unwrap_or(&[]);
                    let autolink = matches!(
                        tag,
                        Tag::Link {
                            link_type: LinkType::Autolink | LinkType::Email,
                            ..
                        }
                    );
                    let pair = is_inline_tag(tag) && !autolink && depth < MAX_PC_DEPTH;
                    match extent(inner).filter(|_| pair) {
                        Some(x) if full.start <= x.start && x.end <= full.end => {
                            level.flush();
                            let id = self.id();
                            let content = self.build(inner, x.start, x.end, depth + 1)?;
                            level.out.push(Inline::Pc {
                                id,
                                start: self.slice(full.start..x.start)?.to_string(),
                                end: self.slice(x.end..full.end)?.to_string(),
                                content,
                            });
                        }
                        _ => {
                            let data = self.slice(full.clone())?.to_string();
                            if !data.is_empty() {
                                self.ph(&mut level, &data);
                            }
                        }
                    }
                    pos = pos.max(full.end);
                    i = close + 1;
                    continue;
                }
                Event::End(_) => {}
                Event::Text(_) | Event::SoftBreak => {
                    self.gap(&mut level, pos, r.start)?;
                    level.run.push_str(self.slice(r.clone())?);
                    pos = r.end;
                }
                _ => {
                    self.gap(&mut level, pos, r.start)?;
                    let data = self.slice(r.clone())?.to_string();
                    self.ph(&mut level, &data);
                    pos = r.end;
                }
            }
            i += 1;
        }
        self.gap(&mut level, pos, end)?;
        level.flush();
        Some(level.out)
    }
}

/// Does the content hold anything to translate (a letter or digit in a text
/// run)?
pub(super) fn translatable(content: &[Inline]) -> bool {
    content.iter().any(|piece| match piece {
        Inline::Text(t) => t.chars().any(char::is_alphanumeric),
        Inline::Ph { .. } => false,
        Inline::Pc { content, .. } => translatable(content),
    })
}

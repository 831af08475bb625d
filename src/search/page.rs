//! Reading one page: its text extracted, its words keyed, and the JSON of
//! its head and units measured.

use std::sync::Arc;

use super::encode::{json_len, json_str};
use super::normalize::{self, FastMap, Lang};
use super::{PageInput, extract, plain_slug};

/// The distinct keys of each unit of a page (ids into the page's keys), one
/// list after the other.
pub(super) struct UnitKeys {
    ids: Vec<u32>,
    /// Where each unit's list ends in `ids`.
    ends: Vec<u32>,
}

impl UnitKeys {
    pub(super) fn of(&self, unit: usize) -> &[u32] {
        let start = if unit == 0 {
            0
        } else {
            self.ends[unit - 1] as usize
        };
        &self.ids[start..self.ends[unit] as usize]
    }
}

/// One page, its words as ids local to the page.
pub(super) struct Page<'a> {
    pub(super) input: PageInput<'a>,
    pub(super) text: extract::Extracted,
    /// The distinct keys of the body, and how often each occurs.
    pub(super) keys: Vec<Arc<str>>,
    pub(super) counts: Vec<u32>,
    /// Keys of each unit: indices into `keys`, distinct.
    pub(super) unit_keys: UnitKeys,
    /// Body keys the title, description or headings show.
    pub(super) base_shown: Vec<bool>,
    /// Per body key, the best of those it is in: [`FIELD_TITLE`],
    /// [`FIELD_HEADING`], [`FIELD_DESCRIPTION`], else 0.
    pub(super) field: Vec<u8>,
    /// Keys of the title, description and headings that the body lacks,
    /// each with its best field.
    pub(super) extra: Vec<(Box<str>, u8)>,
    /// `[href,title,module,lang,description,[headings],` as JSON.
    pub(super) head: String,
    /// Where `description,[headings],` starts in `head`.
    pub(super) head_texts: usize,
    /// The length of each unit as a JSON string (units are written as
    /// JSON only when kept, about one in four).
    pub(super) unit_json_lens: Vec<u32>,
    /// UTF-8 bytes of the units' text.
    pub(super) unit_bytes: usize,
    /// Global id of each key in `keys`.
    pub(super) global: Vec<u32>,
}

/// Where a key is on a page, best last (a sharded index's postings; the
/// weights are search.js's): the body, the body three times or more, the
/// description, a heading, the title.
pub(super) const FIELD_OFTEN: u8 = 1;
pub(super) const FIELD_DESCRIPTION: u8 = 2;
pub(super) const FIELD_HEADING: u8 = 3;
pub(super) const FIELD_TITLE: u8 = 4;

pub(super) fn read_page<'a>(input: PageInput<'a>, lang: Lang) -> Page<'a> {
    let text = extract::extract(input.html);
    let page = normalize::new_page(lang);
    // A page's words are keyed on one thread, whose cache gives the same
    // key the same shared string and a mark: the key's number on this page
    // and the last unit that had it.
    let mut keys: Vec<Arc<str>> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut unit_keys = UnitKeys {
        ids: Vec::new(),
        ends: Vec::with_capacity(text.units.len()),
    };
    for (unit, (_, u)) in (1u32..).zip(text.units()) {
        let these = &mut unit_keys.ids;
        normalize::for_each_marked_key(u, lang, |k, mark| {
            if mark.page != page {
                *mark = normalize::Mark {
                    page,
                    id: keys.len() as u32,
                    unit: 0,
                };
                keys.push(k.clone());
                counts.push(0);
            }
            counts[mark.id as usize] += 1;
            if mark.unit != unit {
                mark.unit = unit;
                these.push(mark.id);
            }
        });
        unit_keys.ends.push(unit_keys.ids.len() as u32);
    }
    let mut field = vec![0u8; keys.len()];
    let mut extra: Vec<(Box<str>, u8)> = Vec::new();
    {
        let index: FastMap<&str, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (&**k, i as u32))
            .collect();
        let mut show = |t: &str, level: u8| {
            normalize::for_each_key(t, lang, |k| {
                if let Some(i) = index.get(k) {
                    let f = &mut field[*i as usize];
                    *f = (*f).max(level);
                } else if let Some(e) = extra.iter_mut().find(|(e, _)| **e == *k) {
                    e.1 = e.1.max(level);
                } else {
                    extra.push((k.into(), level));
                }
            })
        };
        show(&input.title, FIELD_TITLE);
        if let Some(d) = &input.description {
            show(d, FIELD_DESCRIPTION);
        }
        for (_, h) in &text.headings {
            show(h, FIELD_HEADING);
        }
    }
    let base_shown = field.iter().map(|f| *f > 0).collect();
    let mut head = String::from("[");
    json_str(&mut head, &input.href);
    head.push(',');
    json_str(&mut head, &input.title);
    head.push(',');
    match input.module {
        Some(m) => head.push_str(&m.to_string()),
        None => head.push_str("-1"),
    }
    head.push(',');
    json_str(&mut head, input.content_lang.as_deref().unwrap_or(""));
    head.push(',');
    let head_texts = head.len();
    json_str(&mut head, input.description.as_deref().unwrap_or(""));
    head.push_str(",[");
    for (i, (id, t)) in text.headings.iter().enumerate() {
        if i > 0 {
            head.push(',');
        }
        if id.is_empty() {
            head.push_str("null");
        } else if *id == plain_slug(t) {
            head.push_str("\"\"");
        } else {
            json_str(&mut head, id);
        }
        head.push(',');
        json_str(&mut head, t);
    }
    head.push_str("],");
    let unit_bytes = text.text.len();
    let unit_json_lens = text.units().map(|(_, u)| json_len(u) as u32).collect();
    Page {
        input,
        text,
        keys,
        counts,
        unit_keys,
        base_shown,
        field,
        extra,
        head,
        head_texts,
        unit_json_lens,
        unit_bytes,
        global: Vec::new(),
    }
}

//! Offline search: one index per locale, built from the rendered page
//! bodies and shipped as `site/<locale>/search-index.js`
//! (`window.DARSLIK_SEARCH = {...}`), read by `static/search.js` on
//! `site/<locale>/search.html` (no fetch: it works from file://).
//!
//! The index (`v` 1):
//!
//! - `l` language rules (see [`normalize`]), `n` key length, `w` width of a
//!   page code.
//! - `m` module titles.
//! - `p` pages: `[href, title, module (-1: none), content language ("" when
//!   it is the locale's), description, [heading id, heading text, …],
//!   [[units of the text before the first heading], [units under heading 1], …]]`.
//!   A heading id is `""` when it is [`plain_slug`] of its text (search.js
//!   derives it), `null` when the heading has none. Titles, descriptions and
//!   headings are complete; body units (sentences, list items, table rows,
//!   cut at clauses to [`extract::MAX_UNIT`] characters) are a selection:
//!   they give the snippets, so units showing rare words of their page are
//!   kept first, as many as the size budget allows.
//! - `k` the keys of body words that a page has but does not show in the
//!   texts above (search.js reads those texts itself), sorted, front-coded:
//!   each key is a capital letter `A`–`Z` (how many characters it shares with
//!   the previous key) and the rest of it (keys are lower case).
//! - `d` for each key, `,`-separated, its pages: `w` characters of
//!   [`CODE_DIGITS`] each, page × 2 + 1 when the key occurs three times or
//!   more on the page.
//!
//! The whole file stays under [`TARGET_PERCENT`] % of the locale's text
//! (titles, descriptions, headings and body text, UTF-8) unless titles,
//! descriptions, headings and keys alone take more.

pub mod extract;
pub mod normalize;

use std::collections::BinaryHeap;
use std::sync::Arc;

use normalize::{FastMap, Lang};

/// The index file is filled with snippet units up to this share of the
/// locale's text (the limit is 35 %).
pub const TARGET_PERCENT: usize = 34;

/// Digits of page codes.
pub const CODE_DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// One page to index.
#[derive(Debug, Clone)]
pub struct PageInput<'a> {
    /// Path from the locale root: `module-06/01-the-definition.html`.
    pub href: String,
    pub title: String,
    pub description: Option<String>,
    /// Position of its module in the module list.
    pub module: Option<usize>,
    /// The language of the text when it is not the locale's (fallback pages).
    pub content_lang: Option<String>,
    /// The rendered body.
    pub html: &'a str,
}

/// The distinct keys of each unit of a page (ids into the page's keys), one
/// list after the other.
struct UnitKeys {
    ids: Vec<u32>,
    /// Where each unit's list ends in `ids`.
    ends: Vec<u32>,
}

impl UnitKeys {
    fn of(&self, unit: usize) -> &[u32] {
        let start = if unit == 0 {
            0
        } else {
            self.ends[unit - 1] as usize
        };
        &self.ids[start..self.ends[unit] as usize]
    }
}

/// A key of the locale during the snippet choice.
#[derive(Clone, Copy)]
struct KeyStat {
    idf: f64,
    hidden: u32,
}

/// Sizes, for the report and the tests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub pages: usize,
    /// Titles, descriptions, headings and body text, UTF-8 bytes.
    pub text_bytes: usize,
    /// The whole `search-index.js`.
    pub index_bytes: usize,
    pub keys: usize,
    pub units: usize,
    pub units_kept: usize,
    /// (page, body key) pairs, and those a kept text (title, description,
    /// heading or unit) shows.
    pub pairs: usize,
    pub pairs_shown: usize,
    /// The same for rare words (on three pages or fewer, four letters or more).
    pub rare_pairs: usize,
    pub rare_shown: usize,
}

impl Stats {
    pub fn percent(&self) -> f64 {
        if self.text_bytes == 0 {
            return 0.0;
        }
        self.index_bytes as f64 * 100.0 / self.text_bytes as f64
    }
}

/// The index of one locale.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    pub js: String,
    pub stats: Stats,
}

/// One page, its words as ids local to the page.
struct Page<'a> {
    input: PageInput<'a>,
    text: extract::Extracted,
    /// The distinct keys of the body, and how often each occurs.
    keys: Vec<Arc<str>>,
    counts: Vec<u32>,
    /// Keys of each unit: indices into `keys`, distinct.
    unit_keys: UnitKeys,
    /// Body keys the title, description or headings show.
    base_shown: Vec<bool>,
    /// `[href,title,module,lang,description,[headings],` as JSON.
    head: String,
    /// The length of each unit as a JSON string (units are written as
    /// JSON only when kept, about one in four).
    unit_json_lens: Vec<u32>,
    /// UTF-8 bytes of the units' text.
    unit_bytes: usize,
    /// Global id of each key in `keys`.
    global: Vec<u32>,
}

fn read_page<'a>(input: PageInput<'a>, lang: Lang) -> Page<'a> {
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
    let mut base_shown = vec![false; keys.len()];
    {
        let index: FastMap<&str, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (&**k, i as u32))
            .collect();
        let mut show = |t: &str| {
            normalize::for_each_key(t, lang, |k| {
                if let Some(i) = index.get(k) {
                    base_shown[*i as usize] = true;
                }
            })
        };
        show(&input.title);
        if let Some(d) = &input.description {
            show(d);
        }
        for (_, h) in &text.headings {
            show(h);
        }
    }
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
        head,
        unit_json_lens,
        unit_bytes,
        global: Vec::new(),
    }
}

/// Build the index of one locale.
pub fn build(locale: &str, modules: &[String], inputs: Vec<PageInput<'_>>) -> SearchIndex {
    assemble(read(locale, inputs), modules)
}

/// A locale's pages read (the first half of [`build`]; the second,
/// [`assemble`], may run beside the next locale's reading).
pub struct Read<'a> {
    lang: Lang,
    pages: Vec<Page<'a>>,
}

impl Read<'_> {
    /// How many pages.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }
}

/// Read a locale's pages and normalise their words, in parallel (in order).
pub fn read<'a>(locale: &str, inputs: Vec<PageInput<'a>>) -> Read<'a> {
    use rayon::prelude::*;
    let lang = Lang::from_tag(locale);
    let pages: Vec<Page<'a>> = inputs
        .into_par_iter()
        .map(|input| read_page(input, lang))
        .collect();
    crate::timing::lap("search: read pages");
    Read { lang, pages }
}

/// The index of a locale from its pages read: keys, postings and the
/// choice of snippets, on one thread.
pub fn assemble(read: Read<'_>, modules: &[String]) -> SearchIndex {
    let Read { lang, mut pages } = read;

    let mut text_bytes = 0;
    for p in &pages {
        text_bytes += p.input.title.len();
        text_bytes += p.input.description.as_deref().map_or(0, str::len);
        text_bytes += p.text.headings.iter().map(|(_, h)| h.len()).sum::<usize>();
        text_bytes += p.unit_bytes;
    }

    // Every body key of the locale gets a global id; `df`: on how many pages.
    let mut global: FastMap<&str, u32> = FastMap::default();
    let mut names: Vec<&str> = Vec::new();
    let mut page_globals: Vec<Vec<u32>> = Vec::with_capacity(pages.len());
    for p in &pages {
        page_globals.push(
            p.keys
                .iter()
                .map(|k| {
                    *global.entry(k).or_insert_with(|| {
                        names.push(k);
                        (names.len() - 1) as u32
                    })
                })
                .collect(),
        );
    }
    drop(global);
    let names: Vec<Box<str>> = names.into_iter().map(Into::into).collect();
    for (p, g) in pages.iter_mut().zip(page_globals) {
        p.global = g;
    }
    let mut df = vec![0u32; names.len()];
    for p in &pages {
        for g in &p.global {
            df[*g as usize] += 1;
        }
    }
    let n = pages.len().max(1);
    let idf: Vec<f64> = df
        .iter()
        .map(|d| (1.0 + n as f64 / f64::from((*d).max(1))).ln())
        .collect();
    // The order keys are written in.
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    order.sort_unstable_by(|a, b| names[*a as usize].cmp(&names[*b as usize]));
    // Which pages have each key, in page order: (page, local id).
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); names.len()];
    for (pi, p) in pages.iter().enumerate() {
        for (li, g) in p.global.iter().enumerate() {
            postings[*g as usize].push((pi as u32, li as u32));
        }
    }

    // What each page shows (title, description, headings, kept units):
    // search.js reads those texts, so their words need no posting there.
    let mut shown: Vec<Vec<bool>> = pages.iter().map(|p| p.base_shown.clone()).collect();
    // Per key: its rarity, and on how many pages it still needs a posting
    // (side by side: the snippet choice reads both for the same key).
    let mut hidden: Vec<KeyStat> = idf.iter().map(|i| KeyStat { idf: *i, hidden: 0 }).collect();
    for (pi, p) in pages.iter().enumerate() {
        for (li, g) in p.global.iter().enumerate() {
            if !shown[pi][li] {
                hidden[*g as usize].hidden += 1;
            }
        }
    }

    // Units kept: the first one of a page without a description (its
    // fallback snippet), then the most useful for their size.
    let mut kept: Vec<Vec<bool>> = pages
        .iter()
        .map(|p| vec![false; p.text.units.len()])
        .collect();
    let mut opened: Vec<Vec<bool>> = pages
        .iter()
        .map(|p| vec![false; p.text.headings.len() + 1])
        .collect();
    let keep = |pi: usize,
                ui: usize,
                kept: &mut Vec<Vec<bool>>,
                shown: &mut Vec<Vec<bool>>,
                hidden: &mut Vec<KeyStat>,
                opened: &mut Vec<Vec<bool>>|
     -> usize {
        let p = &pages[pi];
        kept[pi][ui] = true;
        opened[pi][p.text.units[ui].0] = true;
        let mut newly = 0;
        for li in p.unit_keys.of(ui) {
            let li = *li as usize;
            if !shown[pi][li] {
                shown[pi][li] = true;
                newly += 1;
                let h = &mut hidden[p.global[li] as usize].hidden;
                *h = h.saturating_sub(1);
            }
        }
        newly
    };
    for (pi, p) in pages.iter().enumerate() {
        if p.input.description.is_none() && !p.text.units.is_empty() {
            keep(pi, 0, &mut kept, &mut shown, &mut hidden, &mut opened);
        }
    }
    // (page, key) pairs that no kept text shows yet: when none is left, no
    // unit is worth anything more.
    let mut unshown: usize = hidden.iter().map(|h| h.hidden as usize).sum();
    let width = code_width(pages.len());
    let target = text_bytes * TARGET_PERCENT / 100;
    let mut added: Vec<(usize, usize)> = Vec::new();
    let ser = |kept: &[Vec<bool>], shown: &[Vec<bool>]| {
        serialize(
            lang, modules, &pages, kept, shown, &names, &order, &postings, width,
        )
    };
    let mut body = ser(&kept, &shown);
    crate::timing::lap("search: keys and postings");

    // In rounds: each round spends the room the last serialisation left,
    // with estimated costs. Every page orders its own units first (in
    // parallel), then the pages' orders are merged by score and units are
    // kept until the room is spent.
    loop {
        if body.len() >= target || unshown == 0 {
            break;
        }
        let mut budget = (target - body.len()) as i64;
        let orders: Vec<Vec<Step>> = {
            use rayon::prelude::*;
            let (pages, shown, kept, opened, hidden) = (&pages, &shown, &kept, &opened, &hidden);
            (0..pages.len())
                .into_par_iter()
                .map(|pi| {
                    page_order(
                        &pages[pi],
                        &shown[pi],
                        &kept[pi],
                        &opened[pi],
                        hidden,
                        width,
                    )
                })
                .collect()
        };
        // All steps, best first: score, then the first page, then the
        // page's own order.
        let mut merged: Vec<u128> = Vec::with_capacity(orders.iter().map(Vec::len).sum());
        for (pi, order) in orders.iter().enumerate() {
            for (si, step) in order.iter().enumerate() {
                merged.push(
                    (u128::from(step.score) << 64)
                        | (u128::from(u32::MAX - pi as u32) << 32)
                        | u128::from(u32::MAX - si as u32),
                );
            }
        }
        merged.sort_unstable_by(|a, b| b.cmp(a));
        // A unit that does not fit is passed over; the page's later units
        // counted on it showing its words, so they are worth at least what
        // their step says and cost at most that.
        let before = added.len();
        for entry in merged {
            if unshown == 0 {
                break;
            }
            let pi = (u32::MAX - (entry >> 32) as u32) as usize;
            let si = (u32::MAX - entry as u32) as usize;
            let step = &orders[pi][si];
            if step.cost > budget {
                continue;
            }
            budget -= step.cost;
            let ui = step.unit as usize;
            unshown -= keep(pi, ui, &mut kept, &mut shown, &mut hidden, &mut opened);
            added.push((pi, ui));
        }
        body = ser(&kept, &shown);
        if added.len() == before || body.len() > target {
            break;
        }
    }
    crate::timing::lap("search: choose snippets");
    // Estimates may overshoot: give back the last units until it fits.
    while body.len() > target {
        let Some((pi, ui)) = added.pop() else { break };
        kept[pi][ui] = false;
        let shown_now = shown_of(&pages, &kept);
        let smaller = ser(&kept, &shown_now);
        if smaller.len() < body.len() {
            body = smaller;
            shown = shown_now;
        } else {
            kept[pi][ui] = true;
        }
    }

    crate::timing::lap("search: fit");
    let mut pairs = 0;
    let mut pairs_shown = 0;
    let mut rare_pairs = 0;
    let mut rare_shown = 0;
    for (pi, p) in pages.iter().enumerate() {
        pairs += p.keys.len();
        pairs_shown += shown[pi].iter().filter(|s| **s).count();
        for (li, k) in p.keys.iter().enumerate() {
            if k.chars().count() >= 4 && df[p.global[li] as usize] <= 3 {
                rare_pairs += 1;
                rare_shown += usize::from(shown[pi][li]);
            }
        }
    }

    let stats = Stats {
        pages: pages.len(),
        text_bytes,
        index_bytes: body.len(),
        keys: postings
            .iter()
            .filter(|ps| ps.iter().any(|(p, l)| !shown[*p as usize][*l as usize]))
            .count(),
        units: pages.iter().map(|p| p.text.units.len()).sum(),
        units_kept: kept.iter().flatten().filter(|k| **k).count(),
        pairs,
        pairs_shown,
        rare_pairs,
        rare_shown,
    };
    SearchIndex { js: body, stats }
}

/// A unit a page would keep next: its score then (made non-increasing along
/// the page's order) and its estimated cost in bytes.
struct Step {
    score: u64,
    unit: u32,
    cost: i64,
}

/// A page's units in the order a greedy choice keeps them, given what the
/// page shows and keeps already: each time the unit worth most for its
/// size, until no unit shows a new word. A unit is worth the rarity of the
/// words it shows for the first time on its page; it costs its JSON minus
/// the postings (and keys) it makes unnecessary. Free units come first (by
/// how much they save).
fn page_order(
    p: &Page<'_>,
    shown: &[bool],
    kept: &[bool],
    opened: &[bool],
    hidden: &[KeyStat],
    width: usize,
) -> Vec<Step> {
    let mut opened = opened.to_vec();
    // Per key of the page not shown yet: its rarity, and what its posting
    // saves when shown (the key itself too when this page is its last
    // hidden one: about two thirds of it with front coding, its marker and
    // comma); (0, 0) once shown, so a unit's worth is a plain sum.
    let mut stat: Vec<(f64, i64)> = p
        .global
        .iter()
        .enumerate()
        .map(|(li, g)| {
            if shown[li] {
                return (0.0, 0);
            }
            let key = &hidden[*g as usize];
            let mut saves = width as i64;
            if key.hidden == 1 {
                saves += (p.keys[li].len() * 2 / 3) as i64 + 2;
            }
            (key.idf, saves)
        })
        .collect();
    let value_cost = |ui: usize, stat: &[(f64, i64)], opened: &[bool]| -> (f64, i64) {
        let mut v = 0.0;
        let mut c = i64::from(p.unit_json_lens[ui]) + 1;
        if !opened[p.text.units[ui].0] {
            c += 3;
        }
        for li in p.unit_keys.of(ui) {
            let (idf, saves) = stat[*li as usize];
            v += idf;
            c -= saves;
        }
        (v, c)
    };
    let score = |v: f64, c: i64| -> u64 {
        if c <= 0 {
            (1 << 63) | ((-c) as u64 * 1_000_000 + (v * 1000.0) as u64).min(u64::MAX >> 1)
        } else {
            ((v * 1_000_000.0 / c as f64) as u64).min(u64::MAX >> 1)
        }
    };
    // Entries: score in the high half, the unit inverted in the low half
    // (equal scores: the first unit first).
    let pack =
        |s: u64, ui: usize| -> u128 { (u128::from(s) << 64) | u128::from(u32::MAX - ui as u32) };
    let mut heap: BinaryHeap<u128> = BinaryHeap::new();
    for (ui, k) in kept.iter().enumerate() {
        if !*k {
            let (v, c) = value_cost(ui, &stat, &opened);
            if v > 0.0 {
                heap.push(pack(score(v, c), ui));
            }
        }
    }
    let mut order = Vec::new();
    let mut last = u64::MAX;
    while let Some(entry) = heap.pop() {
        let s = (entry >> 64) as u64;
        let ui = (u32::MAX - entry as u32) as usize;
        let (v, c) = value_cost(ui, &stat, &opened);
        if v <= 0.0 {
            continue;
        }
        let now = score(v, c);
        if now < s && heap.peek().is_some_and(|top| (top >> 64) as u64 > now) {
            heap.push(pack(now, ui));
            continue;
        }
        opened[p.text.units[ui].0] = true;
        for li in p.unit_keys.of(ui) {
            stat[*li as usize] = (0.0, 0);
        }
        last = last.min(now);
        order.push(Step {
            score: last,
            unit: ui as u32,
            cost: c,
        });
    }
    order
}

/// The body keys each page shows: title, description, headings, kept units.
fn shown_of(pages: &[Page<'_>], kept: &[Vec<bool>]) -> Vec<Vec<bool>> {
    pages
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let mut s = p.base_shown.clone();
            for (ui, _) in kept[pi].iter().enumerate().filter(|(_, k)| **k) {
                for li in p.unit_keys.of(ui) {
                    s[*li as usize] = true;
                }
            }
            s
        })
        .collect()
}

/// Whether a byte starts something [`json_str`] escapes (0xE2: U+2028/9).
fn json_special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\') | (b == b'<') | (b == b'>') | (b == 0xE2)
}

/// Whether any byte is [`json_special`]: in blocks, without stopping early,
/// which the compiler turns into vector instructions (most text has none).
fn has_json_special(bytes: &[u8]) -> bool {
    bytes
        .chunks(64)
        .any(|c| c.iter().fold(false, |acc, &b| acc | json_special(b)))
}

/// The length of `s` written by [`json_str`].
fn json_len(s: &str) -> usize {
    let mut len = s.len() + 2;
    if !has_json_special(s.as_bytes()) {
        return len;
    }
    for b in s.bytes() {
        if b < 0x20 {
            len += if matches!(b, b'\n' | b'\r' | b'\t' | 0x08 | 0x0c) {
                1
            } else {
                5
            };
        } else if matches!(b, b'"' | b'\\') {
            len += 1;
        } else if matches!(b, b'<' | b'>') {
            len += 5;
        }
    }
    // U+2028 and U+2029 (three bytes each) become `\u2028`, `\u2029`.
    len + 3 * s.matches(['\u{2028}', '\u{2029}']).count()
}

/// A JSON string, safe inside `<script>` and in older JavaScript (U+2028/9).
fn json_str(out: &mut String, s: &str) {
    // Most text needs no escape at all (U+2028/9 start with the byte 0xE2).
    if !has_json_special(s.as_bytes()) {
        out.push('"');
        out.push_str(s);
        out.push('"');
        return;
    }
    out.push('"');
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let esc: Option<&str> = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            '<' => Some("\\u003c"),
            '>' => Some("\\u003e"),
            '\u{2028}' => Some("\\u2028"),
            '\u{2029}' => Some("\\u2029"),
            c if (c as u32) < 0x20 => None,
            _ => continue,
        };
        out.push_str(&s[from..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
        from = i + c.len_utf8();
    }
    out.push_str(&s[from..]);
    out.push('"');
}

#[allow(clippy::too_many_arguments)]
fn serialize(
    lang: Lang,
    modules: &[String],
    pages: &[Page<'_>],
    kept: &[Vec<bool>],
    shown: &[Vec<bool>],
    names: &[Box<str>],
    order: &[u32],
    postings: &[Vec<(u32, u32)>],
    width: usize,
) -> String {
    let mut out = String::with_capacity(1 << 16);
    out.push_str("window.DARSLIK_SEARCH={\"v\":1,\"l\":");
    json_str(&mut out, lang.code());
    out.push_str(&format!(
        ",\"n\":{},\"w\":{width},\"m\":[",
        normalize::KEY_CHARS
    ));
    for (i, m) in modules.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_str(&mut out, m);
    }
    out.push_str("],\n\"p\":[");
    for (pi, p) in pages.iter().enumerate() {
        if pi > 0 {
            out.push_str(",\n");
        }
        out.push_str(&p.head);
        // Sections up to the last one with a kept unit.
        let last = p
            .text
            .units
            .iter()
            .zip(&kept[pi])
            .filter(|(_, k)| **k)
            .map(|((s, _), _)| *s + 1)
            .max()
            .unwrap_or(0);
        out.push('[');
        let mut ui = 0;
        for section in 0..last {
            if section > 0 {
                out.push(',');
            }
            out.push('[');
            let mut first = true;
            while ui < p.text.units.len() && p.text.units[ui].0 == section {
                if kept[pi][ui] {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    json_str(&mut out, p.text.unit(ui));
                }
                ui += 1;
            }
            out.push(']');
        }
        out.push_str("]]");
    }
    out.push_str("],\n\"k\":\"");
    let mut prev: &str = "";
    let mut lists = String::new();
    let mut first = true;
    for g in order {
        let k: &str = &names[*g as usize];
        let mut any = false;
        for (p, l) in &postings[*g as usize] {
            let (p, l) = (*p as usize, *l as usize);
            if shown[p][l] {
                continue;
            }
            if !any {
                any = true;
                let shared = prev
                    .chars()
                    .zip(k.chars())
                    .take_while(|(a, b)| a == b)
                    .count()
                    .min(25);
                out.push((b'A' + shared as u8) as char);
                out.extend(k.chars().skip(shared));
                prev = k;
                if !first {
                    lists.push(',');
                }
                first = false;
            }
            code(
                p * 2 + usize::from(pages[p].counts[l] >= 3),
                width,
                &mut lists,
            );
        }
    }
    // Keys are letters, digits and `'`: nothing to escape but `'` is safe in "…".
    out.push_str("\",\n\"d\":\"");
    out.push_str(&lists);
    out.push_str("\"};\n");
    out
}

/// A heading id as search.js derives it from the heading's text: lower
/// case, word characters (and `_ - ʻ ʼ`) kept, spaces to `-`. The index
/// stores an id only when it differs.
pub fn plain_slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if normalize::is_word_char(c) || matches!(c, '_' | '-' | '\u{02BB}' | '\u{02BC}') {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

/// Characters per page code: page × 2 + flag must fit.
fn code_width(pages: usize) -> usize {
    let mut w = 1;
    let mut room = CODE_DIGITS.len();
    while room < pages * 2 {
        w += 1;
        room *= CODE_DIGITS.len();
    }
    w
}

fn code(mut v: usize, width: usize, out: &mut String) {
    let base = CODE_DIGITS.len();
    let mut digits = vec![b'0'; width];
    for d in digits.iter_mut().rev() {
        *d = CODE_DIGITS[v % base];
        v /= base;
    }
    out.extend(digits.iter().map(|&b| b as char));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(href: &str, title: &str, html: &'a str) -> PageInput<'a> {
        PageInput {
            href: href.into(),
            title: title.into(),
            description: None,
            module: None,
            content_lang: None,
            html,
        }
    }

    #[test]
    fn keys_are_front_coded_with_postings() {
        let mut a = page("a.html", "A", "<p>Victims and evidence.</p>");
        a.description = Some("Alpha.".into());
        let mut b = page("b.html", "B", "<p>Evidence, evidence, evidence!</p>");
        b.description = Some("Beta.".into());
        let idx = build("en", &[], vec![a, b]);
        let js = &idx.js;
        assert!(js.starts_with("window.DARSLIK_SEARCH={"), "{js}");
        // and, evidenc, victim: "and", then "evidenc" (shares 0), then "victim".
        assert!(js.contains("\"k\":\"AandAevidencAvictim\""), "{js}");
        // and: page 0; evidenc: page 0, page 1 (three times: flag); victim: page 0.
        assert!(js.contains("\"d\":\"0,03,0\""), "{js}");
        assert_eq!(idx.stats.units_kept, 0);
    }

    #[test]
    fn a_page_keeps_first_the_unit_with_the_rarest_new_words_and_no_unit_that_shows_nothing_new() {
        let html = "<ul><li>Victims and evidence.</li><li>Evidence and victims.</li>\
                    <li>Debt bondage.</li><li>Victims.</li></ul>";
        let mut p = read_page(page("a.html", "A", html), Lang::from_tag("en"));
        assert_eq!(p.text.units.len(), 4);
        p.global = (0..p.keys.len() as u32).collect();
        // "debt" and "bondag" are rare in the locale, the others common.
        let hidden: Vec<KeyStat> = p
            .keys
            .iter()
            .map(|k| KeyStat {
                idf: if matches!(&**k, "debt" | "bondag") {
                    3.0
                } else {
                    0.5
                },
                hidden: 2,
            })
            .collect();
        let n = p.keys.len();
        let order = page_order(&p, &vec![false; n], &[false; 4], &[false; 1], &hidden, 1);
        let units: Vec<u32> = order.iter().map(|s| s.unit).collect();
        // Unit 1 and 3 show no word that unit 0 has not shown.
        assert_eq!(units, [2, 0]);
        assert!(order[0].score >= order[1].score);
    }

    #[test]
    fn json_len_is_the_length_json_str_writes() {
        let mut cases: Vec<String> = [
            "",
            "plain",
            "Oʻzbekiston «ёлочки» — x",
            "a\"b\\c<d>e\n\r\t\u{8}\u{c}\u{1}\u{1f}",
            "line\u{2028}para\u{2029}end \u{2026}",
        ]
        .map(String::from)
        .to_vec();
        cases.push((0u32..0x3100).filter_map(char::from_u32).collect());
        // A special character after the first block of 64 bytes.
        cases.push(format!("{}<{}", "ё".repeat(40), "x".repeat(70)));
        for s in cases {
            let mut out = String::new();
            json_str(&mut out, &s);
            assert_eq!(json_len(&s), out.len(), "{s:?} -> {out}");
        }
    }

    #[test]
    fn words_a_page_shows_need_no_posting() {
        let mut a = page("a.html", "Evidence", "<p>Victims and evidence.</p>");
        a.description = Some("Alpha.".into());
        let idx = build("en", &[], vec![a]);
        assert!(idx.js.contains("\"k\":\"AandAvictim\""), "{}", idx.js);
        // Heading ids that search.js can derive are left out.
        let mut b = page(
            "b.html",
            "B",
            "<h2 id=\"the-act\">The act</h2><h2 id=\"x\">Other</h2>",
        );
        b.description = Some("Beta.".into());
        let idx = build("en", &[], vec![b]);
        assert!(
            idx.js.contains("[\"\",\"The act\",\"x\",\"Other\"]"),
            "{}",
            idx.js
        );
        assert_eq!(
            plain_slug("Oʻzbekiston qonunchiligi 3(a)"),
            "oʻzbekiston-qonunchiligi-3a"
        );
    }
}

//! Assembling a locale's index: keys and postings, and the choice of
//! snippet units within the size budget.

use std::collections::BinaryHeap;

use super::encode::{code_width, serialize, sharded};
use super::normalize::FastMap;
use super::*;

/// A key of the locale during the snippet choice.
#[derive(Clone, Copy)]
pub(super) struct KeyStat {
    pub(super) idf: f64,
    pub(super) hidden: u32,
}

/// The index of a locale from its pages read: keys, postings and the
/// choice of snippets, on one thread. One file (`v` 1).
pub fn assemble(read: Read<'_>, modules: &[String]) -> SearchIndex {
    assemble_sharded(read, modules, Sharding::NEVER)
}

/// As [`assemble`], but an index whose one file would be over
/// `sharding.above` bytes is written sharded (`v` 2): a head and shards
/// that search.js loads as it needs them.
pub fn assemble_sharded(read: Read<'_>, modules: &[String], sharding: Sharding) -> SearchIndex {
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

    let (js, parts) = if body.len() > sharding.above {
        let (head, parts) = sharded(lang, modules, &pages, &kept, &names, &postings, sharding);
        crate::timing::lap("search: shards");
        (head, parts)
    } else {
        (body, Vec::new())
    };
    let stats = Stats {
        pages: pages.len(),
        text_bytes,
        index_bytes: js.len(),
        shard_bytes: parts.iter().map(|(_, s)| s.len()).sum(),
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
    SearchIndex { js, parts, stats }
}

/// A unit a page would keep next: its score then (made non-increasing along
/// the page's order) and its estimated cost in bytes.
pub(super) struct Step {
    pub(super) score: u64,
    pub(super) unit: u32,
    pub(super) cost: i64,
}

/// A page's units in the order a greedy choice keeps them, given what the
/// page shows and keeps already: each time the unit worth most for its
/// size, until no unit shows a new word. A unit is worth the rarity of the
/// words it shows for the first time on its page; it costs its JSON minus
/// the postings (and keys) it makes unnecessary. Free units come first (by
/// how much they save).
pub(super) fn page_order(
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
pub(super) fn shown_of(pages: &[Page<'_>], kept: &[Vec<bool>]) -> Vec<Vec<bool>> {
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

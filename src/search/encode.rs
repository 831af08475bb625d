//! Writing the index: front-coded keys and page codes (strings with the
//! one script-safe JSON escaper, `render::escape::json_str`).

use super::normalize::FastMap;
use super::page::FIELD_OFTEN;
use super::*;

pub(super) use crate::render::escape::{json_len, json_str};

/// `k` front-coded after `prev`: a letter saying how many of its first
/// characters (at most 25) it shares with `prev` (`A` none), then the rest.
fn front_code(out: &mut String, prev: &str, k: &str) {
    let shared = prev
        .chars()
        .zip(k.chars())
        .take_while(|(a, b)| a == b)
        .count()
        .min(25);
    out.push((b'A' + shared as u8) as char);
    out.extend(k.chars().skip(shared));
}

/// An index file's start, up to its pages: `window.DARSLIK_SEARCH={"v":…,
/// "l":…,"n":…,"w":…` then `more` (the shard map of a sharded head), the
/// module names and `"p":[`.
fn index_start(out: &mut String, v: u8, lang: Lang, width: usize, more: &str, modules: &[String]) {
    out.push_str(&format!("window.DARSLIK_SEARCH={{\"v\":{v},\"l\":"));
    json_str(out, lang.code());
    out.push_str(&format!(
        ",\"n\":{},\"w\":{width}{more},\"m\":[",
        normalize::KEY_CHARS
    ));
    for (i, m) in modules.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_str(out, m);
    }
    out.push_str("],\n\"p\":[");
}

#[allow(clippy::too_many_arguments)]
pub(super) fn serialize(
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
    index_start(&mut out, 1, lang, width, "", modules);
    for (pi, p) in pages.iter().enumerate() {
        if pi > 0 {
            out.push_str(",\n");
        }
        out.push_str(&p.head);
        sections(&mut out, p, &kept[pi]);
        out.push(']');
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
                front_code(&mut out, prev, k);
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

/// A page's kept units by section, `[[units before the first heading], …]`,
/// up to the last section with a kept unit.
fn sections(out: &mut String, p: &Page<'_>, kept: &[bool]) {
    let last = p
        .text
        .units
        .iter()
        .zip(kept)
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
            if kept[ui] {
                if !first {
                    out.push(',');
                }
                first = false;
                json_str(out, p.text.unit(ui));
            }
            ui += 1;
        }
        out.push(']');
    }
    out.push(']');
}

/// Characters per page code: page × 2 + flag must fit.
pub(super) fn code_width(pages: usize) -> usize {
    width_for(pages * 2)
}

/// Characters for codes below `values`.
fn width_for(values: usize) -> usize {
    let mut w = 1;
    let mut room = CODE_DIGITS.len();
    while room < values {
        w += 1;
        room *= CODE_DIGITS.len();
    }
    w
}

pub(super) fn code(mut v: usize, width: usize, out: &mut String) {
    let base = CODE_DIGITS.len();
    let mut digits = vec![b'0'; width];
    for d in digits.iter_mut().rev() {
        *d = CODE_DIGITS[v % base];
        v /= base;
    }
    out.extend(digits.iter().map(|&b| b as char));
}

/// A sharded index's files: postings of about this many bytes per term
/// shard, page texts of about this many per text shard.
pub const TERM_SHARD_BYTES: usize = 32 << 10;
pub const TEXT_SHARD_BYTES: usize = 16 << 10;

/// The term shard of a key: a hash of its first three characters (as
/// UTF-16 code units, as search.js reads them), so that the keys a query
/// key of three characters or more is a prefix of share its shard.
pub fn shard_of(key: &str, shards: usize) -> usize {
    let mut h: u32 = 0;
    for c in key.chars().take(3) {
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            h = (h * 31 + u32::from(*u)) % 1_000_003;
        }
    }
    h as usize % shards.max(1)
}

/// The sharded form of an index (`v` 2, see the module's documentation):
/// the head file and the shard files (path under the locale, script).
#[allow(clippy::too_many_arguments)]
pub(super) fn sharded(
    lang: Lang,
    modules: &[String],
    pages: &[Page<'_>],
    kept: &[Vec<bool>],
    names: &[Box<str>],
    postings: &[Vec<(u32, u32)>],
    sharding: Sharding,
) -> (String, Vec<(String, String)>) {
    // Every key, the body's and those only in titles, descriptions and
    // headings, with its pages and where on them: page × 8 + field.
    let mut all: Vec<&str> = names.iter().map(|n| &**n).collect();
    let mut lists: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    let mut ids: FastMap<&str, u32> = FastMap::default();
    let has_extra = pages.iter().any(|p| !p.extra.is_empty());
    if has_extra {
        ids = all
            .iter()
            .enumerate()
            .map(|(i, k)| (*k, i as u32))
            .collect();
    }
    for (g, ps) in postings.iter().enumerate() {
        lists[g] = ps
            .iter()
            .map(|(p, l)| {
                let page = &pages[*p as usize];
                let l = *l as usize;
                let often = if page.counts[l] >= 3 { FIELD_OFTEN } else { 0 };
                p * 8 + u32::from(page.field[l].max(often))
            })
            .collect();
    }
    for (pi, p) in pages.iter().enumerate() {
        for (k, f) in &p.extra {
            let g = *ids.entry(k).or_insert_with(|| {
                all.push(k);
                lists.push(Vec::new());
                (all.len() - 1) as u32
            }) as usize;
            let list = &mut lists[g];
            // The body's postings of this key come first: keep page order.
            let code = pi as u32 * 8 + u32::from(*f);
            let at = list.partition_point(|c| *c < code);
            list.insert(at, code);
        }
    }
    let width = width_for(pages.len() * 8);
    let pairs: usize = lists.iter().map(Vec::len).sum();
    let key_bytes: usize = all.iter().map(|k| k.len() / 2 + 1).sum();
    let shards = ((pairs * (width + 1) + key_bytes) / sharding.term_bytes.max(1) + 1).max(1);
    let mut by_shard: Vec<Vec<u32>> = vec![Vec::new(); shards];
    for (g, k) in all.iter().enumerate() {
        by_shard[shard_of(k, shards)].push(g as u32);
    }
    let mut parts = Vec::with_capacity(shards + pages.len() / 4);
    for (si, keys) in by_shard.iter_mut().enumerate() {
        keys.sort_unstable_by(|a, b| all[*a as usize].cmp(all[*b as usize]));
        let mut out = String::from("window.DARSLIK_SEARCH_PART={\"k\":\"");
        let mut d = String::new();
        let mut prev: &str = "";
        for (i, g) in keys.iter().enumerate() {
            let k = all[*g as usize];
            front_code(&mut out, prev, k);
            prev = k;
            if i > 0 {
                d.push(',');
            }
            for c in &lists[*g as usize] {
                code(*c as usize, width, &mut d);
            }
        }
        out.push_str("\",\"d\":\"");
        out.push_str(&d);
        out.push_str("\"};\n");
        parts.push((format!("search/k{si}.js"), out));
    }
    // Page texts (description, headings, kept units), a run of pages per file.
    let mut firsts: Vec<usize> = Vec::new();
    let mut out = String::new();
    let flush = |out: &mut String, parts: &mut Vec<(String, String)>, n: usize| {
        out.push_str("]};\n");
        parts.push((format!("search/t{n}.js"), std::mem::take(out)));
    };
    for (pi, p) in pages.iter().enumerate() {
        if out.len() >= sharding.text_bytes {
            flush(&mut out, &mut parts, firsts.len() - 1);
        }
        if out.is_empty() {
            firsts.push(pi);
            out.push_str("window.DARSLIK_SEARCH_PART={\"p\":[");
        } else {
            out.push_str(",\n");
        }
        out.push('[');
        out.push_str(&p.head[p.head_texts..]);
        sections(&mut out, p, &kept[pi]);
        out.push(']');
    }
    if !out.is_empty() {
        flush(&mut out, &mut parts, firsts.len() - 1);
    }
    let mut head = String::with_capacity(pages.len() * 80);
    let shard_map = format!(",\"s\":{shards},\"t\":{firsts:?}");
    index_start(&mut head, 2, lang, width, &shard_map, modules);
    for (pi, p) in pages.iter().enumerate() {
        if pi > 0 {
            head.push_str(",\n");
        }
        // `[href,title,module,lang`
        head.push_str(&p.head[..p.head_texts - 1]);
        head.push(']');
    }
    head.push_str("]};\n");
    (head, parts)
}

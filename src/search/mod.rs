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

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashSet};

use normalize::Lang;

/// The index file is filled with snippet units up to this share of the
/// locale's text (the limit is 35 %).
pub const TARGET_PERCENT: usize = 34;

/// Digits of page codes.
pub const CODE_DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// One page to index.
#[derive(Debug, Clone)]
pub struct PageInput {
    /// Path from the locale root: `module-06/01-the-definition.html`.
    pub href: String,
    pub title: String,
    pub description: Option<String>,
    /// Position of its module in the module list.
    pub module: Option<usize>,
    /// The language of the text when it is not the locale's (fallback pages).
    pub content_lang: Option<String>,
    /// The rendered body.
    pub html: String,
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

struct Page {
    input: PageInput,
    text: extract::Extracted,
    /// Keys of each unit (usable ones, deduplicated).
    unit_keys: Vec<BTreeSet<String>>,
}

/// Build the index of one locale.
pub fn build(locale: &str, modules: &[String], inputs: Vec<PageInput>) -> SearchIndex {
    let lang = Lang::from_tag(locale);
    // Pages are read and their words normalised in parallel (in order).
    let (pages, unit_words): (Vec<Page>, Vec<Vec<Vec<String>>>) = {
        use rayon::prelude::*;
        inputs
            .into_par_iter()
            .map(|input| {
                let text = extract::extract(&input.html);
                let words: Vec<Vec<String>> = text
                    .units
                    .iter()
                    .map(|(_, u)| normalize::keys(u, lang))
                    .collect();
                let unit_keys = words.iter().map(|w| w.iter().cloned().collect()).collect();
                (
                    Page {
                        input,
                        text,
                        unit_keys,
                    },
                    words,
                )
            })
            .unzip()
    };

    let mut text_bytes = 0;
    for p in &pages {
        text_bytes += p.input.title.len();
        text_bytes += p.input.description.as_deref().map_or(0, str::len);
        text_bytes += p.text.headings.iter().map(|(_, h)| h.len()).sum::<usize>();
        text_bytes += p.text.units.iter().map(|(_, u)| u.len()).sum::<usize>();
    }

    // Postings: key → page → occurrences in the body.
    let mut postings: BTreeMap<String, BTreeMap<usize, usize>> = BTreeMap::new();
    for (pi, words) in unit_words.into_iter().enumerate() {
        for k in words.into_iter().flatten() {
            *postings.entry(k).or_default().entry(pi).or_default() += 1;
        }
    }
    let n = pages.len().max(1);
    let idf = |k: &str| {
        let df = postings.get(k).map_or(1, BTreeMap::len).max(1);
        (1.0 + n as f64 / df as f64).ln()
    };

    // What each page shows (title, description, headings, kept units):
    // search.js reads those texts, so their words need no posting there.
    let mut shown: Vec<HashSet<String>> = pages
        .iter()
        .map(|p| {
            let mut s = HashSet::new();
            s.extend(normalize::keys(&p.input.title, lang));
            if let Some(d) = &p.input.description {
                s.extend(normalize::keys(d, lang));
            }
            for (_, h) in &p.text.headings {
                s.extend(normalize::keys(h, lang));
            }
            s
        })
        .collect();
    // Pages on which each key still needs a posting.
    let mut hidden: BTreeMap<&str, usize> = postings
        .iter()
        .map(|(k, ps)| {
            (
                k.as_str(),
                ps.keys().filter(|p| !shown[**p].contains(k)).count(),
            )
        })
        .collect();

    // Units kept: the first one of a page without a description (its
    // fallback snippet), then the most useful for their size.
    let mut kept: Vec<Vec<bool>> = pages
        .iter()
        .map(|p| vec![false; p.text.units.len()])
        .collect();
    let mut opened: HashSet<(usize, usize)> = HashSet::new();
    let keep = |pi: usize,
                ui: usize,
                kept: &mut Vec<Vec<bool>>,
                shown: &mut Vec<HashSet<String>>,
                hidden: &mut BTreeMap<&str, usize>,
                opened: &mut HashSet<(usize, usize)>| {
        kept[pi][ui] = true;
        opened.insert((pi, pages[pi].text.units[ui].0));
        for k in &pages[pi].unit_keys[ui] {
            if shown[pi].insert(k.clone())
                && let Some(h) = hidden.get_mut(k.as_str())
            {
                *h = h.saturating_sub(1);
            }
        }
    };
    for (pi, p) in pages.iter().enumerate() {
        if p.input.description.is_none() && !p.text.units.is_empty() {
            keep(pi, 0, &mut kept, &mut shown, &mut hidden, &mut opened);
        }
    }
    let width = code_width(pages.len());
    let target = text_bytes * TARGET_PERCENT / 100;
    let mut added: Vec<(usize, usize)> = Vec::new();
    let mut body = serialize(lang, modules, &pages, &kept, &shown, &postings, width);

    // Lazy greedy, in rounds: each round spends the room the last
    // serialisation left, with estimated costs. A unit is worth the rarity
    // of the words it shows for the first time on its page; it costs its
    // JSON minus the postings (and keys) it makes unnecessary.
    loop {
        if body.len() >= target {
            break;
        }
        let mut budget = (target - body.len()) as i64;
        let value = |pi: usize, ui: usize, shown: &[HashSet<String>]| -> f64 {
            pages[pi].unit_keys[ui]
                .iter()
                .filter(|k| !shown[pi].contains(*k))
                .map(|k| idf(k))
                .sum()
        };
        let cost = |pi: usize,
                    ui: usize,
                    shown: &[HashSet<String>],
                    hidden: &BTreeMap<&str, usize>,
                    opened: &HashSet<(usize, usize)>| {
            let (section, text) = &pages[pi].text.units[ui];
            let mut c = unit_json_len(text) as i64 + 1;
            if !opened.contains(&(pi, *section)) {
                c += 3;
            }
            for k in pages[pi].unit_keys[ui]
                .iter()
                .filter(|k| !shown[pi].contains(*k))
            {
                c -= width as i64;
                if hidden.get(k.as_str()) == Some(&1) {
                    // The key goes: about two thirds of it (front coding),
                    // its marker and its comma.
                    c -= (k.len() * 2 / 3) as i64 + 2;
                }
            }
            c
        };
        // Free units first (by how much they save), then value per byte.
        let score = |v: f64, c: i64| -> (u8, u64) {
            if c <= 0 {
                (1, (-c) as u64 * 1_000_000 + (v * 1000.0) as u64)
            } else {
                (0, (v * 1_000_000.0 / c as f64) as u64)
            }
        };
        let mut heap = BinaryHeap::new();
        for (pi, flags) in kept.iter().enumerate() {
            for (ui, _) in flags.iter().enumerate().filter(|(_, k)| !**k) {
                let v = value(pi, ui, &shown);
                if v > 0.0 {
                    let c = cost(pi, ui, &shown, &hidden, &opened);
                    heap.push((score(v, c), Reverse((pi, ui))));
                }
            }
        }
        let before = added.len();
        while let Some((s, Reverse((pi, ui)))) = heap.pop() {
            let v = value(pi, ui, &shown);
            if v <= 0.0 {
                continue;
            }
            let c = cost(pi, ui, &shown, &hidden, &opened);
            let now = score(v, c);
            if now < s && heap.peek().is_some_and(|(top, _)| *top > now) {
                heap.push((now, Reverse((pi, ui))));
                continue;
            }
            if c > budget {
                continue;
            }
            budget -= c;
            keep(pi, ui, &mut kept, &mut shown, &mut hidden, &mut opened);
            added.push((pi, ui));
        }
        body = serialize(lang, modules, &pages, &kept, &shown, &postings, width);
        if added.len() == before || body.len() > target {
            break;
        }
    }
    // Estimates may overshoot: give back the last units until it fits.
    while body.len() > target {
        let Some((pi, ui)) = added.pop() else { break };
        kept[pi][ui] = false;
        let shown_now = shown_keys(lang, &pages, &kept);
        let smaller = serialize(lang, modules, &pages, &kept, &shown_now, &postings, width);
        if smaller.len() < body.len() {
            body = smaller;
            shown = shown_now;
        } else {
            kept[pi][ui] = true;
        }
    }

    let mut pairs = 0;
    let mut pairs_shown = 0;
    let mut rare_pairs = 0;
    let mut rare_shown = 0;
    for (pi, p) in pages.iter().enumerate() {
        let body_keys: BTreeSet<&String> = p.unit_keys.iter().flatten().collect();
        pairs += body_keys.len();
        pairs_shown += body_keys.iter().filter(|k| shown[pi].contains(**k)).count();
        let rare: Vec<&&String> = body_keys
            .iter()
            .filter(|k| k.chars().count() >= 4 && postings[**k].len() <= 3)
            .collect();
        rare_pairs += rare.len();
        rare_shown += rare.iter().filter(|k| shown[pi].contains(***k)).count();
    }

    let stats = Stats {
        pages: pages.len(),
        text_bytes,
        index_bytes: body.len(),
        keys: postings
            .iter()
            .filter(|(k, ps)| ps.keys().any(|p| !shown[*p].contains(*k)))
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

/// The keys each page shows: title, description, headings, kept units.
fn shown_keys(lang: Lang, pages: &[Page], kept: &[Vec<bool>]) -> Vec<HashSet<String>> {
    pages
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let mut s = HashSet::new();
            s.extend(normalize::keys(&p.input.title, lang));
            if let Some(d) = &p.input.description {
                s.extend(normalize::keys(d, lang));
            }
            for (_, h) in &p.text.headings {
                s.extend(normalize::keys(h, lang));
            }
            for (ui, keys) in p.unit_keys.iter().enumerate() {
                if kept[pi][ui] {
                    s.extend(keys.iter().cloned());
                }
            }
            s
        })
        .collect()
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

fn json_string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

fn unit_json_len(s: &str) -> usize {
    json_string(s).len()
}

fn serialize(
    lang: Lang,
    modules: &[String],
    pages: &[Page],
    kept: &[Vec<bool>],
    shown: &[HashSet<String>],
    postings: &BTreeMap<String, BTreeMap<usize, usize>>,
    width: usize,
) -> String {
    let mut out = String::from("window.DARSLIK_SEARCH={\"v\":1,\"l\":");
    out.push_str(&json_string(lang.code()));
    out.push_str(&format!(
        ",\"n\":{},\"w\":{width},\"m\":",
        normalize::KEY_CHARS
    ));
    out.push_str(&serde_json::Value::from(modules.to_vec()).to_string());
    out.push_str(",\n\"p\":[");
    for (pi, p) in pages.iter().enumerate() {
        if pi > 0 {
            out.push_str(",\n");
        }
        let heads: Vec<serde_json::Value> = p
            .text
            .headings
            .iter()
            .flat_map(|(id, t)| {
                let id = if id.is_empty() {
                    serde_json::Value::Null
                } else if *id == plain_slug(t) {
                    serde_json::Value::from("")
                } else {
                    serde_json::Value::from(id.as_str())
                };
                [id, serde_json::Value::from(t.as_str())]
            })
            .collect();
        let mut sections: Vec<Vec<&str>> = vec![Vec::new(); p.text.headings.len() + 1];
        for (ui, (s, u)) in p.text.units.iter().enumerate() {
            if kept[pi][ui] {
                sections[*s].push(u);
            }
        }
        while sections.last().is_some_and(Vec::is_empty) {
            sections.pop();
        }
        let row = serde_json::json!([
            p.input.href,
            p.input.title,
            p.input.module.map_or(-1, |m| m as i64),
            p.input.content_lang.clone().unwrap_or_default(),
            p.input.description.clone().unwrap_or_default(),
            heads,
            sections,
        ]);
        out.push_str(&row.to_string());
    }
    out.push_str("],\n\"k\":\"");
    let mut prev: Vec<char> = Vec::new();
    let mut keys = String::new();
    let mut lists = String::new();
    let mut first = true;
    for (k, pages) in postings {
        let pages: Vec<(usize, usize)> = pages
            .iter()
            .filter(|(p, _)| !shown[**p].contains(k))
            .map(|(p, c)| (*p, *c))
            .collect();
        if pages.is_empty() {
            continue;
        }
        let chars: Vec<char> = k.chars().collect();
        let shared = prev
            .iter()
            .zip(&chars)
            .take_while(|(a, b)| a == b)
            .count()
            .min(25);
        keys.push((b'A' + shared as u8) as char);
        keys.extend(&chars[shared..]);
        prev = chars;
        if !first {
            lists.push(',');
        }
        first = false;
        for (page, count) in pages {
            code(page * 2 + usize::from(count >= 3), width, &mut lists);
        }
    }
    // Keys are letters, digits and `'`: nothing to escape but `'` is safe in "…".
    out.push_str(&keys);
    out.push_str("\",\n\"d\":\"");
    out.push_str(&lists);
    out.push_str("\"};\n");
    // U+2028/2029 end a line in older JavaScript; `<` and `>` only ever
    // stand inside strings: escaped, no text of the index looks like markup.
    out.replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(href: &str, title: &str, html: &str) -> PageInput {
        PageInput {
            href: href.into(),
            title: title.into(),
            description: None,
            module: None,
            content_lang: None,
            html: html.into(),
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

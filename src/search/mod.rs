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
//!
//! A large index (its one file over a limit the site output sets,
//! `output::site::search::shard_above`) is written sharded instead (`v` 2):
//! search.js on a slow phone spends its time parsing the file and reading
//! every stored text on the first query, and a sharded index needs neither.
//! The same units are kept, but every key gets its postings, so no text is
//! read to find pages.
//!
//! - `search-index.js`, the head: `l`, `n`, `m` as above; `w` width of a
//!   posting code; `p` pages `[href, title, module, content language]`;
//!   `s` how many term shards; `t` the first page of each text shard.
//! - `search/k<i>.js`, term shards (`window.DARSLIK_SEARCH_PART = {k, d}`):
//!   the keys whose first three characters hash to `i` ([`shard_of`]), so a
//!   query key (exact, or a prefix of three characters or more) is looked
//!   up in one shard; `k` front-coded as above, `d` per key its postings,
//!   page × 8 + where the key is on the page at best: 0 the body, 1 the
//!   body three times or more, 2 the description, 3 a heading, 4 the title.
//! - `search/t<i>.js`, text shards (`{p}`): for pages `t[i]` onwards, about
//!   [`TEXT_SHARD_BYTES`] of `[description, [headings], [[units], …]]`,
//!   loaded for the results shown.

pub mod extract;
pub mod normalize;

mod assembly;
mod encode;
mod page;

use normalize::Lang;

pub use assembly::{assemble, assemble_sharded};

pub use encode::{TERM_SHARD_BYTES, TEXT_SHARD_BYTES, shard_of};
use page::{Page, read_page};

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

/// When and how an index is sharded (see the module's documentation).
#[derive(Debug, Clone, Copy)]
pub struct Sharding {
    /// An index whose one file would be over this many bytes is sharded.
    pub above: usize,
    /// About this many bytes of postings per term shard, of page texts per
    /// text shard.
    pub term_bytes: usize,
    pub text_bytes: usize,
}

impl Sharding {
    /// One file, whatever its size.
    pub const NEVER: Sharding = Sharding {
        above: usize::MAX,
        term_bytes: TERM_SHARD_BYTES,
        text_bytes: TEXT_SHARD_BYTES,
    };
}

/// Sizes, for the report and the tests.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub pages: usize,
    /// Titles, descriptions, headings and body text, UTF-8 bytes.
    pub text_bytes: usize,
    /// The whole `search-index.js` (a sharded index: its head).
    pub index_bytes: usize,
    /// A sharded index's shards, together.
    pub shard_bytes: usize,
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
    /// `search-index.js`.
    pub js: String,
    /// A sharded index's other files: path under the locale's folder
    /// (`search/k0.js`), script.
    pub parts: Vec<(String, String)>,
    pub stats: Stats,
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

#[cfg(test)]
mod tests {
    use super::assembly::{KeyStat, page_order};
    use super::encode::{json_len, json_str};
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

//! Words and search keys, the same in Rust (the index) and in
//! `themes/default/static/search.js` (the query). Keep the two in step:
//! `tests/search.rs` writes `tests/fixtures/search/normalize.tsv` and
//! `tests/browser/search.test.mjs` checks search.js against it.
//!
//! A text is split into words; a word becomes a key:
//!
//! 1. Words are runs of letters (any character with distinct upper and lower
//!    case), ASCII digits and combining marks. Soft hyphens and zero-width
//!    characters inside a word are dropped. An apostrophe of any kind
//!    (`' ‘ ’ ` ´ ʻ ʼ ʹ ʽ ′`) belongs to the word when a word character
//!    follows it, and in Uzbek also right after `o`/`g` (`togʻ`). Hyphens
//!    and everything else separate words.
//! 2. Lower case (full Unicode), then combining marks are composed where
//!    they make a letter of our languages (`и+◌̆` → `й`, `у+◌̆` → `ў`,
//!    `е+◌̈` → `ё`, `o+◌̈` → `ö`, `s+◌̧` → `ş` …) and any other combining
//!    mark is removed (stress marks, stray accents).
//! 3. Uzbek: an apostrophe after `o`/`g` makes `ö`/`ğ` (the letters oʻ/gʻ,
//!    whichever apostrophe was typed); any other apostrophe is the tutuq
//!    `'`. The 2026 alphabet is read as the 1995 one: `ş` = `sh`, `ç` = `ch`,
//!    `ö` = `oʻ`, `ğ` = `gʻ` (and the drafts' `õ ō ŏ` = `oʻ`, `ḡ` = `gʻ`), so
//!    a text or a query in either alphabet finds the other. `ё` stays `ё`
//!    (a letter of Uzbek Cyrillic).
//!    Other languages: apostrophes are dropped (`victim's` → `victims`) and
//!    `ё` = `е`.
//! 4. Latin letters with diacritics that are not letters of the language
//!    lose them (`é` → `e`, `ü` → `u`, `ß` → `ss`); Cyrillic letters are
//!    never folded (`й`, `ў`, `қ`, `ғ`, `ҳ` stay).
//! 5. A light stemmer: English plural, `-ing`, `-ed`, final `-e`/`-y`;
//!    Russian noun and adjective endings (one, longest first); Uzbek case,
//!    plural and possessive suffixes (up to three, longest first). A stem
//!    keeps at least three letters.
//! 6. The key is cut to [`KEY_CHARS`] characters. A query word matches a key
//!    equal to it, or, when it has three letters or more, any key it begins
//!    (so `доказательств` finds `доказательствами`, `jabrlanuv` finds
//!    `jabrlanuvchilarga`).

mod fold;
mod keys;
mod stem;
mod words;

pub use fold::{LATIN_FOLD, fold};
pub use keys::{FastMap, Fnv, Mark, for_each_key, for_each_marked_key, new_page};
pub use stem::{RU_ENDINGS, UZ_SUFFIXES, stem};
pub use words::{Word, for_each_word, is_apostrophe, is_word_char, words};

/// Keys are cut to this many characters (written into the index for search.js).
pub const KEY_CHARS: usize = 8;

/// Characters read as an apostrophe.
pub const APOSTROPHES: &[char] = &[
    '\'', '\u{2018}', '\u{2019}', '`', '\u{00B4}', '\u{02BB}', '\u{02BC}', '\u{02B9}', '\u{02BD}',
    '\u{2032}',
];

/// Characters dropped inside a word: soft hyphen, zero-width space, joiners,
/// word joiner, byte-order mark.
const IGNORABLE: &[char] = &[
    '\u{00AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

/// The language rules a locale uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Ru,
    Uz,
    /// Any other language: folding and prefixes, no stemming.
    Other,
}

impl Lang {
    /// From a locale tag: `uz-Cyrl` → Uz, `ru-RU` → Ru.
    pub fn from_tag(tag: &str) -> Lang {
        match tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
            .as_str()
        {
            "en" => Lang::En,
            "ru" => Lang::Ru,
            "uz" => Lang::Uz,
            _ => Lang::Other,
        }
    }

    /// The code written into the index (`lang` of search.js).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Uz => "uz",
            Lang::Other => "",
        }
    }
}

/// The search key of one word (rules 2–6).
pub fn key(word: &str, lang: Lang) -> String {
    let stemmed = stem(&fold(word, lang), lang);
    stemmed.chars().take(KEY_CHARS).collect()
}

/// Keys worth looking up: two characters or more.
pub fn usable(key: &str) -> bool {
    key.chars().nth(1).is_some()
}

/// The keys of a text, in order, short ones left out.
pub fn keys(text: &str, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for_each_key(text, lang, |k| out.push(k.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::words::is_word_char_slow;
    use super::*;

    fn k(s: &str, lang: Lang) -> Vec<String> {
        keys(s, lang)
    }

    #[test]
    fn the_word_character_table_is_the_rule() {
        for n in 0..0x11000u32 {
            if let Some(c) = char::from_u32(n) {
                assert_eq!(is_word_char(c), is_word_char_slow(c), "U+{n:04X}");
            }
        }
        assert!(is_word_char('ё') && is_word_char('ў') && is_word_char('é'));
        assert!(!is_word_char('ʻ') && !is_word_char('«') && !is_word_char('—'));
    }

    #[test]
    fn the_fast_word_split_is_the_word_list() {
        let texts = [
            "oʻzbek o'zbek togʻ taʼrif ‘Adolat’ va 'haq'",
            "so\u{00AD}me\u{200B}thing in\u{200D}side a word\u{FEFF}",
            "\u{200B}lead and trail\u{200B} x' 'y o' g' O'",
            "Доказательства — ещё раз; №29, 3(a), ü é ß 2026-yil",
            "и\u{0306} зна\u{0301}ние ĸ ŉ × ÷ ʻʼ",
            "Ѐ Џ ѐ џ Ѡ ѡ Ґ ґ Ўзбек ҳа ғ қ «цитата»… эъ ёж",
            "сло\u{00AD}во o\u{200B}'zbek g'\u{00AD}alaba д'Артаньян x\u{7f}y a\tb `q`",
            "",
            "'''",
        ];
        for lang in [Lang::En, Lang::Ru, Lang::Uz, Lang::Other] {
            for t in texts {
                let slow: Vec<String> = words(t, lang).into_iter().map(|w| w.text).collect();
                let mut fast = Vec::new();
                for_each_word(t, lang, |w| fast.push(w.to_string()));
                assert_eq!(fast, slow, "{t:?} {lang:?}");
                let slow_keys: Vec<String> = slow
                    .iter()
                    .map(|w| key(w, lang))
                    .filter(|k| usable(k))
                    .collect();
                assert_eq!(keys(t, lang), slow_keys, "{t:?} {lang:?}");
            }
        }
        // Random texts of the characters each path treats apart.
        let alphabet: Vec<char> = "aZ9 \t\n.,-'`´ʻʼ‘’ʹʽ′\u{AD}\u{200B}\u{200D}\u{FEFF}оgOGёЎўџѠқғҳӣ«»—…\u{301}\u{306}éßĸ×٣中"
            .chars()
            .collect();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..4000 {
            let len = (seed >> 59) as usize + 1;
            let t: String = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            for lang in [Lang::Ru, Lang::Uz] {
                let slow: Vec<String> = words(&t, lang).into_iter().map(|w| w.text).collect();
                let mut fast = Vec::new();
                for_each_word(&t, lang, |w| fast.push(w.to_string()));
                assert_eq!(fast, slow, "{t:?} {lang:?}");
            }
        }
        // The Cyrillic shortcut agrees with the general rule.
        for c in '\u{400}'..='\u{45f}' {
            assert!(!c.to_lowercase().eq(c.to_uppercase()), "{c}");
        }
    }

    #[test]
    fn uzbek_apostrophes_all_match() {
        let want = k("oʻzbek", Lang::Uz);
        for v in [
            "o'zbek", "o‘zbek", "o’zbek", "o`zbek", "oʼzbek", "O‘ZBEK", "özbek",
        ] {
            assert_eq!(k(v, Lang::Uz), want, "{v}");
        }
        assert_eq!(k("toʻgʻri", Lang::Uz), k("to'g'ri", Lang::Uz));
        assert_eq!(k("taʼrif", Lang::Uz), vec!["ta'rif"]);
        assert_eq!(k("togʻ", Lang::Uz), vec!["toğ"]);
        // 2026 alphabet
        assert_eq!(k("şahar", Lang::Uz), k("shahar", Lang::Uz));
        assert_eq!(k("çiqish", Lang::Uz), k("chiqish", Lang::Uz));
        assert_eq!(k("ğisht", Lang::Uz), k("gʻisht", Lang::Uz));
        // but oʻ is not o
        assert_ne!(k("soʻz", Lang::Uz), k("soz", Lang::Uz));
    }

    #[test]
    fn quotes_are_not_part_of_words() {
        assert_eq!(
            words("‘Adolat’ va 'haq'", Lang::Uz)
                .iter()
                .map(|w| w.text.as_str())
                .collect::<Vec<_>>(),
            vec!["Adolat", "va", "haq"]
        );
        assert_eq!(
            k("the victims' rights", Lang::En),
            vec!["the", "victim", "right"]
        );
    }

    #[test]
    fn russian_forms() {
        let a = key("доказательства", Lang::Ru);
        assert_eq!(key("доказательствами", Lang::Ru), a);
        assert_eq!(key("Доказательств", Lang::Ru), a);
        assert_eq!(key("ещё", Lang::Ru), key("еще", Lang::Ru));
        assert_eq!(key("жертвой", Lang::Ru), key("жертва", Lang::Ru));
        // й stays й, even decomposed
        assert_eq!(fold("и\u{0306}", Lang::Ru), "й");
        assert_eq!(fold("зна\u{0301}ние", Lang::Ru), "знание");
    }

    #[test]
    fn english_forms() {
        assert_eq!(key("victims", Lang::En), key("victim", Lang::En));
        assert_eq!(key("trafficking", Lang::En), key("trafficked", Lang::En));
        assert_eq!(key("cases", Lang::En), key("case", Lang::En));
        assert_eq!(key("parties", Lang::En), key("party", Lang::En));
        assert_eq!(key("Café", Lang::En), "caf");
    }
}

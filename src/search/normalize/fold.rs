//! Folding a word (rules 2 to 4): lower case, combining marks composed or
//! removed, Uzbek apostrophes, Latin diacritics.

use super::words::is_mark;
use super::*;

/// Combining sequences that make a letter (rule 2), after lower-casing.
pub(super) const COMPOSE: &[(char, char, char)] = &[
    ('и', '\u{0306}', 'й'),
    ('у', '\u{0306}', 'ў'),
    ('е', '\u{0308}', 'ё'),
    ('o', '\u{0308}', 'ö'),
    ('o', '\u{0303}', 'õ'),
    ('o', '\u{0304}', 'ō'),
    ('o', '\u{0306}', 'ŏ'),
    ('g', '\u{0306}', 'ğ'),
    ('g', '\u{0304}', 'ḡ'),
    ('s', '\u{0327}', 'ş'),
    ('c', '\u{0327}', 'ç'),
];

/// Latin letters with diacritics → plain letters (rule 4), lower case only.
pub const LATIN_FOLD: &[(&str, &str)] = &[
    ("àáâãäåāăą", "a"),
    ("çćĉċč", "c"),
    ("ďđ", "d"),
    ("èéêëēĕėęě", "e"),
    ("ĝğġģḡ", "g"),
    ("ĥħ", "h"),
    ("ìíîïĩīĭįı", "i"),
    ("ĵ", "j"),
    ("ķ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉ", "n"),
    ("òóôõöøōŏő", "o"),
    ("ŕŗř", "r"),
    ("śŝşšș", "s"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűų", "u"),
    ("ŵ", "w"),
    ("ýÿŷ", "y"),
    ("źżž", "z"),
    ("æ", "ae"),
    ("œ", "oe"),
    ("ß", "ss"),
    ("þ", "th"),
    ("ð", "d"),
];

pub(super) fn fold_latin(c: char, out: &mut String) {
    for (from, to) in LATIN_FOLD {
        if from.contains(c) {
            out.push_str(to);
            return;
        }
    }
    out.push(c);
}

/// The letters of a word, folded (rules 2–4), before stemming.
pub fn fold(word: &str, lang: Lang) -> String {
    let lower = word.to_lowercase();
    // Compose, then drop the remaining combining marks.
    let mut composed: Vec<char> = Vec::with_capacity(lower.len());
    for c in lower.chars() {
        if is_mark(c) {
            if let Some(prev) = composed.last_mut()
                && let Some((_, _, to)) = COMPOSE.iter().find(|(b, m, _)| *b == *prev && *m == c)
            {
                *prev = *to;
            }
            continue;
        }
        composed.push(c);
    }
    let mut out = String::with_capacity(composed.len() + 2);
    let mut i = 0;
    while i < composed.len() {
        let c = composed[i];
        let next_apostrophe = composed.get(i + 1).is_some_and(|n| is_apostrophe(*n));
        match lang {
            Lang::Uz => match c {
                'o' if next_apostrophe => {
                    out.push('ö');
                    i += 1;
                }
                'g' if next_apostrophe => {
                    out.push('ğ');
                    i += 1;
                }
                c if is_apostrophe(c) => out.push('\''),
                'ö' | 'õ' | 'ō' | 'ŏ' => out.push('ö'),
                'ğ' | 'ḡ' => out.push('ğ'),
                'ş' => out.push_str("sh"),
                'ç' => out.push_str("ch"),
                c => fold_latin(c, &mut out),
            },
            _ => match c {
                c if is_apostrophe(c) => {}
                'ё' => out.push('е'),
                c => fold_latin(c, &mut out),
            },
        }
        i += 1;
    }
    out
}

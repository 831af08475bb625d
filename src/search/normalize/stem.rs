//! The light stemmer (rule 5): English, Russian and Uzbek endings.

use super::*;

pub(super) const MIN_STEM: usize = 3;

pub(super) fn strip<'a>(w: &'a str, suffix: &str) -> Option<&'a str> {
    let rest = w.strip_suffix(suffix)?;
    (rest.chars().count() >= MIN_STEM).then_some(rest)
}

pub(super) fn has_vowel(s: &str) -> bool {
    s.chars().any(|c| "aeiouy".contains(c))
}

pub(super) fn stem_en(w: &str) -> String {
    let mut w = w.to_string();
    if let Some(rest) = w.strip_suffix("sses") {
        w = format!("{rest}ss");
    } else if let Some(rest) = strip(&w, "ies") {
        w = format!("{rest}i");
    } else if !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"))
        && let Some(rest) = strip(&w, "s")
    {
        w = rest.to_string();
    }
    if let Some(rest) = strip(&w, "ing").filter(|r| has_vowel(r)) {
        w = rest.to_string();
    } else if let Some(rest) = strip(&w, "ed").filter(|r| has_vowel(r)) {
        w = rest.to_string();
    } else if let Some(rest) = strip(&w, "e") {
        w = rest.to_string();
    } else if let Some(rest) = strip(&w, "y") {
        w = format!("{rest}i");
    }
    w
}

/// Russian noun and adjective endings, longest first.
pub const RU_ENDINGS: &[&str] = &[
    "остями",
    "остью",
    "остей",
    "ость",
    "ости",
    "иями",
    "ями",
    "ами",
    "иях",
    "иям",
    "ием",
    "ией",
    "ого",
    "его",
    "ому",
    "ему",
    "ыми",
    "ими",
    "ам",
    "ям",
    "ах",
    "ях",
    "ов",
    "ев",
    "ей",
    "ой",
    "ом",
    "ем",
    "ою",
    "ею",
    "ую",
    "юю",
    "ая",
    "яя",
    "ое",
    "ее",
    "ые",
    "ие",
    "ый",
    "ий",
    "ых",
    "их",
    "ым",
    "им",
    "ия",
    "ию",
    "ии",
    "ье",
    "ья",
    "ьи",
    "ью",
    "а",
    "я",
    "о",
    "е",
    "ы",
    "и",
    "у",
    "ю",
    "ь",
    "й",
];

/// Uzbek case, plural and possessive suffixes (Latin, as folded, and Cyrillic),
/// longest first.
pub const UZ_SUFFIXES: &[&str] = &[
    "ingiz",
    "ингиз",
    "imiz",
    "имиз",
    "lari",
    "лари",
    "ning",
    "нинг",
    "dagi",
    "даги",
    "dan",
    "дан",
    "lar",
    "лар",
    "ni",
    "ни",
    "ga",
    "га",
    "ka",
    "ка",
    "qa",
    "қа",
    "da",
    "да",
    "si",
    "си",
];

pub(super) fn longest_ending<'a>(w: &'a str, list: &[&str]) -> Option<&'a str> {
    list.iter().find_map(|e| strip(w, e))
}

/// The stem of a folded word (rule 5).
pub fn stem(w: &str, lang: Lang) -> String {
    match lang {
        Lang::En => stem_en(w),
        Lang::Ru => longest_ending(w, RU_ENDINGS).unwrap_or(w).to_string(),
        Lang::Uz => {
            let mut w = w;
            for _ in 0..3 {
                match longest_ending(w, UZ_SUFFIXES) {
                    Some(rest) => w = rest,
                    None => break,
                }
            }
            w.to_string()
        }
        Lang::Other => w.to_string(),
    }
}

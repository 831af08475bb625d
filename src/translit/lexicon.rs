//! The lexicon behind the rules: Uzbek Cyrillic word forms and Russian loans,
//! consulted when the context rules cannot decide a Latin word.
//!
//! The data (`data/lexicon-uz.txt`, `data/lexicon-ru.txt`) is derived from
//! Debian's hunspell-uz and hunspell-ru by `data/make-lexicon.py`, which says
//! what was kept and under which licences; it is embedded in the binary.
//!
//! Every word is filed under a *loose key*: its Latin spelling by the rules
//! with the letters Latin writers disagree on folded together (`ts` = `s`,
//! `y` between a consonant and a vowel dropped, `x` = `h`, `c` = `ch`, `w` =
//! `v`). Apostrophes count: `yoʻl` is not `yol`, `surʼat` is not `surat`. A Latin word from the text is folded the same way, and the
//! words filed under its key are the candidates: the rules' own reading wins
//! when the lexicon knows it, then a word whose Latin spelling is exactly the
//! one written, then the nearest (`sujet` finds `сюжет`, `xokim` finds
//! `ҳоким`, `albom` finds `альбом`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::letters::is_lat_vowel;
use super::rules::{cyr_to_latin_pieces, read_cyrillic};

const UZ: &str = include_str!("data/lexicon-uz.txt");
const RU: &str = include_str!("data/lexicon-ru.txt");

/// One word of the lexicon.
#[derive(Debug)]
pub(super) struct Entry {
    /// Lower-case Cyrillic.
    pub cyr: &'static str,
    /// Its Latin spelling by the rules (lower case, canonical 1995 letters).
    pub lat: Box<str>,
    /// From the Russian list (a loan's dictionary form), not the Uzbek one.
    pub ru: bool,
}

/// The words filed under their loose keys.
pub(super) struct Lexicon {
    by_key: HashMap<Box<str>, Vec<Entry>>,
}

/// The embedded lexicon, read on first use.
pub(super) fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut by_key: HashMap<Box<str>, Vec<Entry>> = HashMap::with_capacity(130_000);
        for (list, ru) in [(UZ, false), (RU, true)] {
            for cyr in list.lines().filter(|l| !l.is_empty()) {
                let units = read_cyrillic(cyr);
                let lat: String = cyr_to_latin_pieces(&units, 0)
                    .into_iter()
                    .map(|(p, _)| p)
                    .collect();
                let key = loose(&lat);
                by_key.entry(key.into()).or_default().push(Entry {
                    cyr,
                    lat: lat.into(),
                    ru,
                });
            }
        }
        Lexicon { by_key }
    })
}

/// The loose key of a lower-case Latin spelling (see the module documentation).
pub(super) fn loose(lat: &str) -> String {
    let c: Vec<char> = lat.chars().collect();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    let consonant = |ch: char| ch.is_ascii_lowercase() && !is_lat_vowel(ch);
    let mut out = String::with_capacity(lat.len());
    for (i, &ch) in c.iter().enumerate() {
        let prev = if i > 0 { at(i - 1) } else { '\0' };
        match ch {
            't' if at(i + 1) == 's' => {}
            'y' if consonant(prev) && prev != 'y' && is_lat_vowel(at(i + 1)) => {}
            // proekt, klient: the y of ye after a vowel is often not written
            'y' if i > 0 && at(i + 1) == 'e' => {}
            // borshch, plashch: shch at the end is щ
            'c' if i + 2 == c.len()
                && at(i + 1) == 'h'
                && prev == 'h'
                && i >= 2
                && at(i - 2) == 's' =>
            {
                break;
            }
            'x' => out.push('h'),
            'w' => out.push('v'),
            'c' if at(i + 1) != 'h' => out.push_str("ch"),
            _ => out.push(ch),
        }
    }
    out
}

impl Lexicon {
    /// The words filed under the loose key of `lat`.
    pub fn candidates(&self, lat: &str) -> &[Entry] {
        self.by_key
            .get(loose(lat).as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The Cyrillic spelling of the Latin word `lat` (lower case, canonical),
    /// given the rules' reading `rules`; `None` when the lexicon has no word
    /// for it. `bare`: the word has no suffix (a loan's dictionary form may
    /// then end in `ь`).
    pub fn choose(&self, lat: &str, rules: &str, bare: bool) -> Option<Choice> {
        self.choose_with(lat, rules, bare, true)
    }

    /// [`Lexicon::choose`]; `soft`: a Russian form with a soft sign may win
    /// over the Uzbek list's form without it.
    pub fn choose_with(&self, lat: &str, rules: &str, bare: bool, soft: bool) -> Option<Choice> {
        let cands = self.candidates(lat);
        if cands.is_empty() {
            return None;
        }
        let letters = rules.chars().count();
        if cands.iter().any(|e| e.cyr == rules) {
            // The Uzbek list writes loans without their soft sign (модел,
            // Белгия); the dictionary form keeps it (модель, Бельгия), as the
            // built-in exceptions do. Short native words (mol, pul) are left
            // alone.
            if soft
                && letters >= 5
                && let Some(soft) = cands
                    .iter()
                    .find(|s| s.ru && soft_variant(rules, s.cyr, bare))
            {
                return Some(Choice::soft(soft.cyr));
            }
            return Some(Choice::rules());
        }
        cands
            .iter()
            // A short Russian word that differs from the rules' reading only
            // by a final ь may as well be an Uzbek word the list lacks (sol,
            // tol): the rules decide.
            .filter(|e| !(e.ru && letters < 4 && e.cyr.strip_suffix('ь') == Some(rules)))
            .map(|e| (distance(&e.lat, lat), e))
            // A short word must be spelt exactly (sol is not сёл); a longer
            // one may differ in the letters folded by the key (sujet: сюжет).
            .filter(|(d, _)| *d == 0 || *d <= 2 && letters >= 5)
            .min_by_key(|(d, e)| (*d, e.ru, e.cyr.chars().count()))
            .map(|(d, e)| Choice {
                cyr: e.cyr,
                exact: d == 0,
                rules: false,
                soft: false,
            })
    }
}

/// What the lexicon chose for a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Choice {
    /// Lower-case Cyrillic.
    pub cyr: &'static str,
    /// Its Latin spelling is the one written (not only the same key).
    pub exact: bool,
    /// It is the rules' own reading.
    pub rules: bool,
    /// A Russian dictionary form with a soft sign the Uzbek list lacks.
    pub soft: bool,
}

impl Choice {
    /// The rules' own reading: callers use their own pieces for it (with
    /// the case of each letter), so no word is carried.
    fn rules() -> Choice {
        Choice {
            cyr: "",
            exact: true,
            rules: true,
            soft: false,
        }
    }

    fn soft(cyr: &'static str) -> Choice {
        Choice {
            cyr,
            exact: true,
            rules: false,
            soft: true,
        }
    }
}

/// Whether `soft` is `plain` with soft signs added (anywhere when `bare`,
/// else not at the end, where a suffix drops it).
fn soft_variant(plain: &str, soft: &str, bare: bool) -> bool {
    if !soft.contains('ь') || soft.replace('ь', "") != plain {
        return false;
    }
    bare || !soft.ends_with('ь')
}

/// Edit distance between two short strings (characters).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{get, loose};

    #[test]
    fn loose_keys_fold_what_writers_disagree_on() {
        assert_eq!(loose("syujet"), loose("sujet"));
        assert_eq!(loose("antitsiklon"), loose("antisiklon"));
        assert_eq!(loose("hokim"), loose("xokim"));
        assert_ne!(loose("yoʻllaydi"), loose("yollaydi"));
        assert_ne!(loose("ishchi"), loose("ishi"));
        assert_eq!(loose("cop"), loose("chop"));
        assert_ne!(loose("sir"), loose("sur"));
    }

    #[test]
    fn the_lexicon_picks_loans_and_keeps_uzbek_words() {
        let lex = get();
        let cyr = |lat: &str, rules: &str| lex.choose(lat, rules, true).map(|c| c.cyr);
        assert_eq!(cyr("albom", "албом"), Some("альбом"));
        assert_eq!(cyr("sujet", "сужет"), Some("сюжет"));
        assert_eq!(cyr("kvars", "кварс"), Some("кварц"));
        assert_eq!(cyr("belgiya", "белгия"), Some("бельгия"));
        assert!(lex.choose("sir", "сир", true).is_some_and(|c| c.rules));
        assert!(lex.choose("mol", "мол", true).is_some_and(|c| c.rules));
        assert_eq!(cyr("zzzq", "ззззқ"), None);
    }
}

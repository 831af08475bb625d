//! One word between scripts: the exception lists first, then the context
//! rules; [`Decision`] says which of them decided.

use std::cell::RefCell;
use std::collections::HashMap;

use super::Script;
use super::exceptions::{Exceptions, LatEntry};
use super::letters::{OKINA, TUTUQ, is_lat_vowel};
use super::lexicon;
use super::rules::{
    Piece, Unit, apply_case, cyr_to_latin_pieces, is_cyrillic_word, key, latin_1995, latin_2026,
    latin_to_cyr_pieces, read_cyrillic, read_latin, units_caps,
};
use super::suffixes::is_suffix_chain;

/// `II`, `XIX`, `I` (chapter numbers): kept in every script.
fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
        && (word.len() >= 2 || word == "I")
        && !word.contains("DD")
        && !word.contains("VV")
        && !word.contains("LL")
}

/// How the spelling of a word was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Kept as written: a name on a keep list, or a word that is not Uzbek.
    Kept,
    /// An exception list (the built-in one or the course's).
    Exception,
    /// The lexicon knows the word or its stem.
    Lexicon,
    /// The context rules, with nothing a loan could spell otherwise.
    Rule,
    /// The context rules' reading of a word the lexicon does not know, with a
    /// letter a loan could spell otherwise (`s` for ц, `y` for ь, a final `l`
    /// for ль, ...): a human should confirm it.
    Guess,
}

/// Converts one word; `None` keeps it as written.
pub fn convert_word(word: &str, to: Script, ex: &Exceptions) -> Option<String> {
    decide_word(word, to, ex).0
}

/// Converts one word and says how its spelling was decided. Texts repeat
/// their words, so the last decisions are remembered (per thread, per list).
pub fn decide_word(word: &str, to: Script, ex: &Exceptions) -> (Option<String>, Decision) {
    type Cache = HashMap<(u64, Script, Box<str>), (Option<String>, Decision)>;
    thread_local! {
        static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
    }
    let key = (ex.id, to, Box::<str>::from(word));
    if let Some(hit) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return hit;
    }
    let out = decide_uncached(word, to, ex);
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 100_000 {
            c.clear();
        }
        c.insert(key, out.clone());
    });
    out
}

fn decide_uncached(word: &str, to: Script, ex: &Exceptions) -> (Option<String>, Decision) {
    if is_cyrillic_word(word) {
        if to == Script::Cyrl {
            return (None, Decision::Kept);
        }
        let lat = cyr_word_to_latin(word, ex);
        let out = match to {
            Script::Latn2026 => match read_latin(&lat) {
                Some(u) => latin_2026(&u),
                None => lat,
            },
            _ => lat,
        };
        return (Some(out), Decision::Rule);
    }
    if is_roman_numeral(word) {
        return (None, Decision::Kept);
    }
    let Some(units) = read_latin(word) else {
        // Not the Uzbek alphabet (c outside ch, w, other letters): Uzbek typed
        // the way people do (cop for chop) when the lexicon knows it, else a
        // name or a foreign word, kept.
        if to == Script::Cyrl && ex.lexicon {
            for units in nonstandard_readings(word) {
                if let Some(cyr) = lexicon_word(&units) {
                    return (Some(cyr), Decision::Lexicon);
                }
            }
        }
        return (None, Decision::Kept);
    };
    let found = ex.lookup_latin(&units);
    if let Some(k) = kept_name(&units, found, ex) {
        return (kept_with_ending(word, &units, k, to), Decision::Kept);
    }
    match to {
        Script::Latn => return (Some(latin_1995(&units)), Decision::Rule),
        Script::Latn2026 => return (Some(latin_2026(&units)), Decision::Rule),
        Script::Cyrl => {}
    }
    let caps = units_caps(&units);
    if let Some((k, e)) = found {
        let mut stem = e.cyr.clone();
        if k < units.len() && stem.ends_with('ь') {
            stem.pop();
        }
        let mut p = vec![(stem, 0)];
        p.extend(latin_to_cyr_pieces(&units, k));
        return (Some(apply_case(&p, &units, caps)), Decision::Exception);
    }
    if ex.lexicon {
        if let Some(cyr) = lexicon_word(&units) {
            return (Some(cyr), Decision::Lexicon);
        }
        if let Some(k) = foreign_name(&units) {
            return (kept_with_ending(word, &units, k, to), Decision::Kept);
        }
    }
    let pieces = latin_to_cyr_pieces(&units, 0);
    let decision = if doubtful(&units) {
        Decision::Guess
    } else {
        Decision::Rule
    };
    (Some(apply_case(&pieces, &units, caps)), decision)
}

/// The lexicon's spelling of a Latin word: the whole word or its stem
/// before a chain of Uzbek suffixes, spelt exactly as written before one
/// that only shares the key (plashi: плащ + и, not пляши).
fn lexicon_word(units: &[Unit]) -> Option<String> {
    let lex = lexicon::get();
    let caps = units_caps(units);
    let pieces = latin_to_cyr_pieces(units, 0);
    let rules = joined(&pieces);
    let mut whole = lex.choose(&key(units), &rules, true);
    if whole.is_some_and(|c| c.soft) && inflected(units) {
        whole = lex.choose_with(&key(units), &rules, true, false);
    }
    let mut stems: Vec<(usize, lexicon::Choice)> = Vec::new();
    let settled = whole.is_some_and(|c| c.exact && !c.rules || c.soft);
    if !settled {
        for k in (3..units.len()).rev() {
            if !is_suffix_chain(&key(&units[k..])) {
                continue;
            }
            let stem = &units[..k];
            let stem_rules = joined(&latin_to_cyr_pieces(stem, 0));
            if let Some(mut c) = lex.choose(&key(stem), &stem_rules, false) {
                if c.soft && inflected(stem) {
                    match lex.choose_with(&key(stem), &stem_rules, false, false) {
                        Some(plain) => c = plain,
                        None => continue,
                    }
                }
                stems.push((k, c));
            }
        }
    }
    let stem_exact = stems.iter().find(|(_, c)| c.exact && !c.rules);
    let stem_any = stems.first();
    let with_stem = |k: usize, c: lexicon::Choice| {
        if c.rules {
            return apply_case(&pieces, units, caps);
        }
        let mut stem = c.cyr.to_string();
        if stem.ends_with('ь') {
            stem.pop();
        }
        let mut p = vec![(stem, 0)];
        p.extend(latin_to_cyr_pieces(units, k));
        apply_case(&p, units, caps)
    };
    let whole_word = |c: lexicon::Choice| {
        if c.rules {
            // The rules' own reading keeps the case letter by letter (BMTning).
            apply_case(&pieces, units, caps)
        } else {
            apply_case(&[(c.cyr.to_string(), 0)], units, caps)
        }
    };
    match (whole, stem_exact, stem_any) {
        (Some(c), _, _) if settled => Some(whole_word(c)),
        // the Uzbek list has the form, the dictionary has the stem with ь
        (Some(c), Some(&(k, s)), _) if c.rules && s.soft => Some(with_stem(k, s)),
        (Some(c), _, _) if c.rules => Some(whole_word(c)),
        (_, Some(&(k, s)), _) => Some(with_stem(k, s)),
        (Some(c), None, _) => Some(whole_word(c)),
        (None, None, Some(&(k, s))) => Some(with_stem(k, s)),
        (None, None, None) => None,
    }
}

/// Whether a word is an Uzbek word the lexicon knows followed by suffixes
/// (`tilda` = `til` + `da`): then a Russian word spelt the same way with a
/// soft sign (тильда) is a coincidence, not the word.
fn inflected(units: &[Unit]) -> bool {
    let lex = lexicon::get();
    (3..units.len()).any(|j| {
        is_suffix_chain(&key(&units[j..]))
            && lex
                .choose_with(
                    &key(&units[..j]),
                    &joined(&latin_to_cyr_pieces(&units[..j], 0)),
                    false,
                    false,
                )
                .is_some_and(|c| c.rules)
    })
}

fn joined(pieces: &[Piece]) -> String {
    pieces.iter().map(|(p, _)| p.as_str()).collect()
}

/// Readings of a word outside the Uzbek alphabet as Uzbek typed loosely:
/// `c` for `ch`, `w` for `v` or `oʻ`.
fn nonstandard_readings(word: &str) -> Vec<Vec<Unit>> {
    let mut out = Vec::new();
    let mut variants = vec![String::new()];
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|n| n.to_ascii_lowercase());
        let options: Vec<String> = match c {
            'c' if next != Some('h') => vec!["ch".into()],
            'C' if next != Some('h') => vec!["Ch".into()],
            // w for sh is how many type on phones (yaxwi: yaxshi), for v in
            // Russian-style spellings, for oʻ in some keyboards' habits
            'w' => vec!["sh".into(), "v".into(), "oʻ".into()],
            'W' => vec!["Sh".into(), "V".into(), "Oʻ".into()],
            _ => vec![c.to_string()],
        };
        if options.len() > 1 && variants.len() >= 8 {
            variants.iter_mut().for_each(|v| v.push_str(&options[0]));
            continue;
        }
        variants = variants
            .iter()
            .flat_map(|v| options.iter().map(move |o| format!("{v}{o}")))
            .collect();
    }
    for v in variants {
        if let Some(u) = read_latin(&v) {
            out.push(u);
        }
    }
    out
}

/// Where the ending starts of a word an exception list keeps (the name, then
/// Uzbek suffixes, maybe after a tutuq: `Moodleda`, `Moodleʼga`).
/// `found`: the lists' entry for the whole word.
fn kept_name(units: &[Unit], found: Option<(usize, &LatEntry)>, ex: &Exceptions) -> Option<usize> {
    if let Some((k, e)) = found {
        return e.keep.then_some(k);
    }
    let t = units.iter().position(|u| u.ch == TUTUQ)?;
    let (k, e) = ex.lookup_latin(&units[..t])?;
    (t > 0 && e.keep && k == t && is_suffix_chain(&key(&units[t + 1..]))).then_some(t)
}

/// A kept name as written and its Uzbek ending in the target script
/// (`Linuxda` -> `Linuxда`, `Moodleʼga` -> `Moodleʼга`); `None` keeps the
/// whole word (no ending, another script, or letters that are not one to one).
fn kept_with_ending(word: &str, units: &[Unit], k: usize, to: Script) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    if to != Script::Cyrl || k >= units.len() || chars.len() != units.len() {
        return None;
    }
    let mut out: String = chars[..k].iter().collect();
    let mut from = k;
    if units[k].ch == TUTUQ {
        out.push(chars[k]);
        from += 1;
    }
    let caps = units_caps(units);
    out.push_str(&apply_case(&latin_to_cyr_pieces(units, from), units, caps));
    Some(out)
}

/// Letter pairs Uzbek does not write but English does (`th`, `ee`, `oo`,
/// `ck`, `ph`, `gh`, `ou`, a final `ux`/`ex`): a word made of such a name and
/// Uzbek suffixes that the lexicon does not know is a name or a foreign word
/// (Moodle, Linux, Thomson). Returns where its ending starts. Russian `koo-`
/// and `zoo-` (koordinator, zoologiya) are Uzbek spelling.
fn foreign_name(units: &[Unit]) -> Option<usize> {
    let s: Vec<char> = units.iter().map(|u| u.ch).collect();
    let word: String = s.iter().collect();
    if word.starts_with("koo") || word.starts_with("zoo") {
        return None;
    }
    let foreign = |stem: &str| {
        ["th", "ee", "oo", "ck", "ph", "gh", "ou"]
            .iter()
            .any(|p| stem.contains(p))
            || stem.ends_with("ux")
            || stem.ends_with("ex") && stem.chars().count() > 3
    };
    (2..=s.len()).find(|&k| {
        let stem: String = s[..k].iter().collect();
        let rest = if s.get(k) == Some(&TUTUQ) {
            &s[k + 1..]
        } else {
            &s[k..]
        };
        let rest: String = rest.iter().collect();
        foreign(&stem) && is_suffix_chain(&rest)
    })
}

/// Whether the rules' reading has a letter a loan could spell otherwise.
/// A word with `q`, `oʻ`, `gʻ` or `h` (ҳ) is not a Russian or European loan:
/// the rules spell it.
fn doubtful(u: &[Unit]) -> bool {
    let native = u.iter().enumerate().any(|(i, x)| {
        x.ch == 'q' || x.ch == OKINA || x.ch == 'h' && !(i > 0 && matches!(u[i - 1].ch, 's' | 'c'))
    });
    if native {
        return false;
    }
    let ch = |i: usize| u.get(i).map(|x| x.ch).unwrap_or('\0');
    let vowel = |c: char| is_lat_vowel(c);
    let consonant = |c: char| c.is_ascii_lowercase() && !vowel(c);
    let n = u.len();
    (0..n).any(|i| {
        let c = ch(i);
        let prev = if i > 0 { ch(i - 1) } else { '\0' };
        match c {
            's' => true,
            'y' => consonant(prev) && prev != 'y' && vowel(ch(i + 1)),
            'e' => i + 1 == n && consonant(prev),
            'o' | 'u' => prev == 'j' || prev == 'h' && i > 1 && matches!(ch(i - 2), 's' | 'c'),
            'l' | 'n' | 'r' | 't' => {
                i + 1 == n && n >= 5 && vowel(prev) || c == 'l' && consonant(ch(i + 1))
            }
            _ => false,
        }
    })
}

fn cyr_word_to_latin(word: &str, ex: &Exceptions) -> String {
    let units = read_cyrillic(word);
    let caps = units_caps(&units);
    let pieces: Vec<Piece> = match ex.lookup_cyr(&units) {
        Some((k, skip, e)) => {
            let mut p = vec![(e.lat.clone(), 0)];
            p.extend(cyr_to_latin_pieces(&units, k + usize::from(skip)));
            p
        }
        None => cyr_to_latin_pieces(&units, 0),
    };
    apply_case(&pieces, &units, caps)
}

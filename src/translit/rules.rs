//! Word-level conversion rules between Uzbek Latin (1995), Latin (2026) and
//! Cyrillic. A word is first read into [`Unit`]s: lower-case letters of the
//! canonical 1995 Latin alphabet (`oʻ` = `o` + `ʻ`, tutuq = `ʼ`) or Cyrillic
//! letters, each remembering whether it was written in capitals.
//!
//! The context rules (Cabinet of Ministers resolution No. 339, 1995):
//! * `e` is `э` at the start of a word and after a vowel, `е` elsewhere;
//!   Cyrillic `е` is `ye` at the start of a word and after a vowel, `ъ` or `ь`.
//! * `ye yo yu ya` are `е ё ю я`; `yoʻ` is `йў`; after a consonant, `ye` of a
//!   Russian loan takes `ъ` after a prefix consonant (`obyekt` -> `объект`)
//!   and `ь` elsewhere (`premyer` -> `премьер`).
//! * `ц` is `s` at the start or the end of a word and after a consonant,
//!   `ts` after a vowel inside a word; Latin `ts` after a vowel is `ц` only
//!   where a loan suffix follows (`-tsiya`, `-tsion`, `-tse-`), otherwise it is
//!   `т` + `с` across a suffix boundary (`aytsam` -> `айтсам`). Latin `s` is
//!   `ц` in `-ksiya`, `-nsiya`, `-psiya` (`funksiya`, `konvensiya`,
//!   `korrupsiya`) and in the words of the exception list.
//! * `ъ` is the tutuq `ʼ`, dropped after `ў` (`мўъжиза` -> `moʻjiza`) and
//!   before `е ё ю я` (`объект` -> `obyekt`); `ь` is dropped; `сҳ` is `sʼh`.
//! * `SH CH` in words written in capitals, `Sh Ch` in title case.

use super::letters::{
    OKINA, TUTUQ, all_caps, is_apostrophe, is_combining, is_cyr_vowel, is_cyrillic, is_lat_vowel,
    lower, upper,
};

/// One letter of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Lower case letter (Latin: canonical 1995 letters and `ʻ` `ʼ`).
    pub ch: char,
    /// Written in capitals.
    pub up: bool,
}

/// A converted piece and the index of the unit that produced it.
pub type Piece = (String, usize);

fn compose(base: char, mark: char) -> Option<char> {
    let up = base.is_uppercase();
    let l = lower(base);
    let c = match (l, mark) {
        ('o', '\u{0308}') => 'ö',
        ('o', '\u{0303}') => 'õ',
        ('o', '\u{0304}') => 'ō',
        ('o', '\u{0306}') => 'ŏ',
        ('g', '\u{0306}') => 'ğ',
        ('g', '\u{0304}') => 'ḡ',
        ('s', '\u{0327}') => 'ş',
        ('s', '\u{0326}') => 'ș',
        ('c', '\u{0327}') => 'ç',
        _ => return None,
    };
    Some(if up { upper(c) } else { c })
}

/// Reads a Latin word (1995 or 2026 letters, any apostrophes) into canonical
/// 1995 units. `None` when the word is not Uzbek (`c` outside `ch`, `w`,
/// other accented letters).
pub fn read_latin(word: &str) -> Option<Vec<Unit>> {
    let mut chars: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if is_combining(c) {
            let base = chars.pop()?;
            chars.push(compose(base, c)?);
        } else {
            chars.push(c);
        }
    }
    let caps = all_caps(&chars);
    let mut out: Vec<Unit> = Vec::with_capacity(chars.len() + 2);
    for (i, &c) in chars.iter().enumerate() {
        let up = c.is_uppercase();
        let l = lower(c);
        match l {
            'a'..='z' => {
                if l == 'w' || l == 'c' && chars.get(i + 1).map(|&n| lower(n)) != Some('h') {
                    return None;
                }
                out.push(Unit { ch: l, up });
            }
            'ı' => out.push(Unit { ch: 'i', up }),
            'ş' | 'ș' => {
                out.push(Unit { ch: 's', up });
                out.push(Unit { ch: 'h', up: caps });
            }
            'ç' => {
                out.push(Unit { ch: 'c', up });
                out.push(Unit { ch: 'h', up: caps });
            }
            'ö' | 'õ' | 'ō' | 'ŏ' => {
                out.push(Unit { ch: 'o', up });
                out.push(Unit {
                    ch: OKINA,
                    up: false,
                });
            }
            'ğ' | 'ḡ' => {
                out.push(Unit { ch: 'g', up });
                out.push(Unit {
                    ch: OKINA,
                    up: false,
                });
            }
            _ if is_apostrophe(c) => {
                let prev = out.last().map(|u| u.ch);
                let okina = matches!(prev, Some('o') | Some('g'));
                out.push(Unit {
                    ch: if okina { OKINA } else { TUTUQ },
                    up: false,
                });
            }
            _ => return None,
        }
    }
    if out.iter().all(|u| u.ch == OKINA || u.ch == TUTUQ) {
        return None;
    }
    Some(out)
}

/// Reads a Cyrillic word into units; apostrophes count as `ъ`.
pub fn read_cyrillic(word: &str) -> Vec<Unit> {
    word.chars()
        .filter(|c| !is_combining(*c))
        .map(|c| {
            if is_apostrophe(c) {
                Unit {
                    ch: 'ъ', up: false
                }
            } else {
                Unit {
                    ch: lower(c),
                    up: c.is_uppercase(),
                }
            }
        })
        .collect()
}

/// Lower-case key of units (for the exception list).
pub fn key(units: &[Unit]) -> String {
    units.iter().map(|u| u.ch).collect()
}

fn ch_at(u: &[Unit], i: usize) -> char {
    u.get(i).map(|x| x.ch).unwrap_or('\0')
}

/// Latin: is the letter ending at index `i` a vowel (`oʻ` counts).
fn lat_vowel_at(u: &[Unit], i: usize) -> bool {
    let c = ch_at(u, i);
    if c == OKINA {
        return i > 0 && ch_at(u, i - 1) == 'o';
    }
    is_lat_vowel(c)
}

fn lat_consonant_at(u: &[Unit], i: usize) -> bool {
    let c = ch_at(u, i);
    if c == OKINA {
        return i > 0 && ch_at(u, i - 1) == 'g';
    }
    c.is_ascii_lowercase() && !is_lat_vowel(c)
}

/// Latin `ts` at `i` (`t`) that spells Cyrillic `ц`.
fn ts_is_tse(u: &[Unit], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    if !lat_vowel_at(u, i - 1) {
        return false;
    }
    match ch_at(u, i + 2) {
        'e' => true,
        'i' => matches!(ch_at(u, i + 3), 'y' | 'o' | 'a' | 'u' | 'e'),
        _ => false,
    }
}

/// Latin `s` at `i` that spells `ц` by a loan-suffix rule: `-ksiya`,
/// `-nsiya`, `-psiya` (`funksiya`, `konvensiya`, `korrupsiya`) and
/// `-ksion-` (`kolleksioner`).
fn s_is_ts(u: &[Unit], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = ch_at(u, i - 1);
    if !matches!(prev, 'k' | 'n' | 'p') {
        return false;
    }
    if ch_at(u, i + 1) != 'i' {
        return false;
    }
    let a = ch_at(u, i + 2);
    let b = ch_at(u, i + 3);
    match prev {
        'k' => (a == 'y' && b == 'a') || (a == 'o' && b == 'n'),
        _ => a == 'y' && b == 'a',
    }
}

fn lat_simple(c: char) -> &'static str {
    match c {
        'a' => "а",
        'b' => "б",
        'd' => "д",
        'f' => "ф",
        'g' => "г",
        'h' => "ҳ",
        'i' => "и",
        'j' => "ж",
        'k' => "к",
        'l' => "л",
        'm' => "м",
        'n' => "н",
        'o' => "о",
        'p' => "п",
        'q' => "қ",
        'r' => "р",
        's' => "с",
        't' => "т",
        'u' => "у",
        'v' => "в",
        'x' => "х",
        'z' => "з",
        'c' => "ц",
        'e' => "е",
        'y' => "й",
        _ => "",
    }
}

/// Latin units from `start` to the end, to lower-case Cyrillic pieces. Units
/// before `start` are context only.
pub fn latin_to_cyr_pieces(u: &[Unit], start: usize) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(u.len());
    let mut i = start;
    while i < u.len() {
        let c = u[i].ch;
        let next = ch_at(u, i + 1);
        let mut step = 1;
        let piece: &str = match c {
            'o' if next == OKINA => {
                step = 2;
                "ў"
            }
            'g' if next == OKINA => {
                step = 2;
                "ғ"
            }
            's' if next == 'h' => {
                step = 2;
                "ш"
            }
            'c' if next == 'h' => {
                step = 2;
                "ч"
            }
            's' if s_is_ts(u, i) => "ц",
            't' if next == 's' && ts_is_tse(u, i) => {
                step = 2;
                "ц"
            }
            'y' => match next {
                'o' if ch_at(u, i + 2) != OKINA => {
                    step = 2;
                    "ё"
                }
                'u' => {
                    step = 2;
                    "ю"
                }
                'a' => {
                    step = 2;
                    "я"
                }
                'e' => {
                    step = 2;
                    if i > 0 && lat_consonant_at(u, i - 1) && ch_at(u, i - 1) != 'y' {
                        match ch_at(u, i - 1) {
                            'b' | 'd' | 'z' | 's' | 'n' => "ъе",
                            _ => "ье",
                        }
                    } else {
                        "е"
                    }
                }
                _ => "й",
            },
            'e' => {
                if i == 0 || lat_vowel_at(u, i - 1) {
                    "э"
                } else {
                    "е"
                }
            }
            TUTUQ => {
                if i > 0 && ch_at(u, i - 1) == 's' && next == 'h' {
                    ""
                } else {
                    "ъ"
                }
            }
            OKINA => "ъ",
            _ => lat_simple(c),
        };
        out.push((piece.to_string(), i));
        i += step;
    }
    out
}

fn cyr_simple(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ё' => "yo",
        'ж' => "j",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "x",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "sh",
        'ы' => "i",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        'ў' => "oʻ",
        'қ' => "q",
        'ғ' => "gʻ",
        'ҳ' => "h",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ү' => "u",
        'ө' => "oʻ",
        'ә' => "a",
        'ң' => "ng",
        'ұ' => "u",
        'һ' => "h",
        'ҷ' => "j",
        'ӣ' => "i",
        'ӯ' => "u",
        _ => return None,
    })
}

/// Prefixes of Russian and international loans after which `ц` starts a
/// stem, as at the start of a word (`антициклон` -> `antisiklon`).
const PREFIXES: &[&str] = &[
    "анти",
    "авто",
    "аэро",
    "био",
    "гео",
    "гидро",
    "кино",
    "макро",
    "микро",
    "моно",
    "мото",
    "нео",
    "психо",
    "радио",
    "стерео",
    "теле",
    "термо",
    "ультра",
    "фото",
    "электро",
    "экстра",
    "гипер",
    "супер",
    "контр",
    "интер",
    "квази",
    "псевдо",
    "орто",
    "пара",
];

/// Whether the `ц` at `i` follows one of [`PREFIXES`] at the start of the
/// word and starts a stem (not the loan suffix `-ция`, `-цион`).
fn after_prefix(u: &[Unit], i: usize) -> bool {
    let head: String = u[..i].iter().map(|x| x.ch).collect();
    if !PREFIXES.contains(&head.as_str()) || u.len() < i + 4 {
        return false;
    }
    !(ch_at(u, i + 1) == 'и' && matches!(ch_at(u, i + 2), 'я' | 'о' | 'ю' | 'е'))
}

/// Cyrillic units from `start` to the end, to lower-case Latin pieces.
pub fn cyr_to_latin_pieces(u: &[Unit], start: usize) -> Vec<Piece> {
    let n = u.len();
    let mut out: Vec<Piece> = Vec::with_capacity(n);
    for i in start..n {
        let c = u[i].ch;
        let prev = if i > 0 { ch_at(u, i - 1) } else { '\0' };
        let next = ch_at(u, i + 1);
        let piece: String = match c {
            'е' => {
                if i == 0 || is_cyr_vowel(prev) || prev == 'ъ' || prev == 'ь' {
                    "ye".into()
                } else {
                    "e".into()
                }
            }
            'ц' => {
                if i == 0 || i + 1 == n || !is_cyr_vowel(prev) || after_prefix(u, i) {
                    "s".into()
                } else {
                    "ts".into()
                }
            }
            'с' if next == 'ҳ' => "sʼ".into(),
            'ъ' => {
                // объект -> obyekt, but маъюс -> maʼyus (a tutuq after a vowel)
                if matches!(next, 'е' | 'ё' | 'ю' | 'я') && !is_cyr_vowel(prev) || prev == 'ў'
                {
                    String::new()
                } else {
                    "ʼ".into()
                }
            }
            'ь' => {
                if matches!(next, 'о' | 'и') {
                    "y".into()
                } else {
                    String::new()
                }
            }
            _ => match cyr_simple(c) {
                Some(s) => s.into(),
                None => c.to_string(),
            },
        };
        out.push((piece, i));
    }
    out
}

/// Applies the case of the source units to lower-case pieces. `caps`: the
/// word is written in capitals. A capital that stands for a digraph is
/// written `Sh` unless the next letter is a capital too (`SH`).
pub fn apply_case(pieces: &[Piece], units: &[Unit], caps: bool) -> String {
    let mut out = String::new();
    for (idx, (p, src)) in pieces.iter().enumerate() {
        let up = units.get(*src).map(|u| u.up).unwrap_or(false);
        if caps {
            out.extend(p.chars().map(upper));
        } else if up {
            let next_up = pieces[idx + 1..]
                .iter()
                .find(|(q, _)| !q.is_empty())
                .and_then(|(_, s)| units.get(*s))
                .map(|u| u.up)
                .unwrap_or(false);
            let letters = p.chars().filter(|c| c.is_alphabetic()).count();
            let full = next_up && letters > 1;
            let mut first = true;
            for ch in p.chars() {
                if full || first && ch.is_alphabetic() {
                    out.push(upper(ch));
                    if ch.is_alphabetic() {
                        first = false;
                    }
                } else {
                    out.push(ch);
                }
            }
        } else {
            out.push_str(p);
        }
    }
    out
}

/// Whether units of a Cyrillic or Latin word are all capitals.
pub fn units_caps(units: &[Unit]) -> bool {
    let cased: Vec<&Unit> = units
        .iter()
        .filter(|u| u.ch.is_alphabetic() && lower(u.ch) != upper(u.ch))
        .collect();
    cased.len() >= 2 && cased.iter().all(|u| u.up)
}

/// Canonical 1995 Latin spelling of units.
pub fn latin_1995(units: &[Unit]) -> String {
    let caps = units_caps(units);
    units
        .iter()
        .map(|u| {
            if u.up || caps && u.ch.is_ascii_lowercase() {
                upper(u.ch)
            } else {
                u.ch
            }
        })
        .collect()
}

/// 2026 Latin spelling of canonical units: `sh ch oʻ gʻ` -> `ş ç ö ğ`.
pub fn latin_2026(units: &[Unit]) -> String {
    let caps = units_caps(units);
    let mut out = String::new();
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let next = ch_at(units, i + 1);
        let up = u.up || caps && u.ch.is_ascii_lowercase();
        let (c, step) = match (u.ch, next) {
            ('s', 'h') => ('ş', 2),
            ('c', 'h') => ('ç', 2),
            ('o', OKINA) => ('ö', 2),
            ('g', OKINA) => ('ğ', 2),
            (c, _) => (c, 1),
        };
        out.push(if up { upper(c) } else { c });
        i += step;
    }
    out
}

/// Whether a word has any Cyrillic letter.
pub fn is_cyrillic_word(word: &str) -> bool {
    word.chars().any(is_cyrillic)
}

//! Character classes shared by the converter and the apostrophe checker.

/// The turned comma of `oʻ` and `gʻ` (U+02BB MODIFIER LETTER TURNED COMMA).
pub const OKINA: char = '\u{02BB}';
/// The tutuq belgisi (U+02BC MODIFIER LETTER APOSTROPHE).
pub const TUTUQ: char = '\u{02BC}';

/// Apostrophe-like characters that people type for `ʻ` and `ʼ`.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '`' | OKINA | TUTUQ | '\u{00B4}' | '\u{02B9}' | '\u{2032}'
    )
}

/// A Cyrillic letter (basic block and supplement).
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}') && c.is_alphabetic()
}

/// Combining marks that may follow a letter (decomposed `ö`, `ş`, ...).
pub fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Any letter that may be part of a word (Latin, Cyrillic, other scripts).
pub fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !is_apostrophe(c)
}

/// Cyrillic vowels of Uzbek (lower case).
pub fn is_cyr_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ў' | 'э' | 'ю' | 'я' | 'ы'
    )
}

/// Latin vowels (lower case, canonical 1995 letters).
pub fn is_lat_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Lower case of one character (Uzbek has no multi-character lower cases).
pub fn lower(c: char) -> char {
    match c {
        'İ' => 'i',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Upper case of one character (`i` -> `I`, never the Turkish dotted `İ`).
pub fn upper(c: char) -> char {
    match c {
        'ı' => 'I',
        _ => {
            let mut it = c.to_uppercase();
            match (it.next(), it.next()) {
                (Some(u), None) => u,
                _ => c,
            }
        }
    }
}

pub fn is_upper(c: char) -> bool {
    c != lower(c)
}

/// Whether a word is written in capitals only (at least two cased letters).
pub fn all_caps(chars: &[char]) -> bool {
    let mut cased = 0;
    for &c in chars {
        if c.is_alphabetic() && !is_apostrophe(c) && lower(c) != upper(c) {
            cased += 1;
            if !is_upper(c) {
                return false;
            }
        }
    }
    cased >= 2
}

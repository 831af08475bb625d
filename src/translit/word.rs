//! One word between scripts: the exception lists first, then the context
//! rules; [`Decision`] says which of them decided.

use super::Script;
use super::exceptions::Exceptions;
use super::rules::{
    Piece, Unit, apply_case, cyr_to_latin_pieces, is_cyrillic_word, latin_1995, latin_2026,
    latin_to_cyr_pieces, read_cyrillic, read_latin, units_caps,
};

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

/// Converts one word; `None` keeps it as written.
pub fn convert_word(word: &str, to: Script, ex: &Exceptions) -> Option<String> {
    if is_cyrillic_word(word) {
        if to == Script::Cyrl {
            return None;
        }
        let lat = cyr_word_to_latin(word, ex);
        return Some(match to {
            Script::Latn2026 => match read_latin(&lat) {
                Some(u) => latin_2026(&u),
                None => lat,
            },
            _ => lat,
        });
    }
    if is_roman_numeral(word) {
        return None;
    }
    let units = read_latin(word)?;
    if let Some((_, e)) = ex.lookup_latin(&units)
        && e.keep
    {
        return None;
    }
    Some(match to {
        Script::Cyrl => latin_units_to_cyr(&units, ex),
        Script::Latn => latin_1995(&units),
        Script::Latn2026 => latin_2026(&units),
    })
}

fn latin_units_to_cyr(units: &[Unit], ex: &Exceptions) -> String {
    let caps = units_caps(units);
    let pieces: Vec<Piece> = match ex.lookup_latin(units) {
        Some((k, e)) => {
            let mut stem = e.cyr.clone();
            if k < units.len() && stem.ends_with('ь') {
                stem.pop();
            }
            let mut p = vec![(stem, 0)];
            p.extend(latin_to_cyr_pieces(units, k));
            p
        }
        None => latin_to_cyr_pieces(units, 0),
    };
    apply_case(&pieces, units, caps)
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


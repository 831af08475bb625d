//! Uzbek suffix chains (Latin, lower case), so that an exception-list word
//! also matches its inflected forms (`sex` -> `sexiga`, `sentabr` -> `sentabrda`)
//! without matching unrelated words that merely start the same way
//! (`sirk` must not match `sirka`, `mer` must not match `meros`).

/// Nominal inflection and the common derivational suffixes of nouns.
const SUFFIXES: &[&str] = &[
    // plural, possessive
    "lar", "lari", "i", "si", "im", "m", "ing", "ng", "imiz", "miz", "ingiz", "ngiz", "yi", "yim",
    "ying", // case
    "ning", "ni", "ga", "ka", "qa", "da", "ta", "dan", "tan", "dagi", "tagi", "gi", "ki", "niki",
    "dek", "day", "cha", "gacha", "kacha", "qacha", "dir", "dirlar", "mi", "chi", "ku", "u", "yu",
    "da", "oq", "yoq", "gina", "kina", "qina", "-u", "-yu", "-da", "-chi", "-ku", "-mi",
    // derivation
    "lik", "li", "siz", "chi", "chilik", "iy", "viy", "lash", "lashtir", "la", "lan", "langan",
    "lantir", "dor", "ona", "parast", "shunos", "xona", "noma", "ist", "chilar",
    // verb forms after -la / -lash
    "di", "gan", "ish", "ib", "adi", "yapti", "moq", "sh", "ov", "uv", "ilgan", "iladi",
];

/// Whether `rest` is empty or a sequence of known suffixes.
pub fn is_suffix_chain(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    if rest.len() > 40 {
        return false;
    }
    let bytes = rest.as_bytes();
    let n = bytes.len();
    let mut ok = vec![false; n + 1];
    ok[0] = true;
    for i in 0..n {
        if !ok[i] || !rest.is_char_boundary(i) {
            continue;
        }
        let tail = &rest[i..];
        for s in SUFFIXES {
            if tail.starts_with(s) {
                ok[i + s.len()] = true;
            }
        }
    }
    ok[n]
}

#[cfg(test)]
mod tests {
    use super::is_suffix_chain;

    #[test]
    fn chains() {
        assert!(is_suffix_chain(""));
        assert!(is_suffix_chain("iga"));
        assert!(is_suffix_chain("larimizdan"));
        assert!(is_suffix_chain("da"));
        assert!(!is_suffix_chain("a"));
        assert!(!is_suffix_chain("os"));
        assert!(!is_suffix_chain("ул"));
    }
}

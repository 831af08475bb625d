//! Finding a glossary term in prose, in any grammatical form.
//!
//! A text is split into words (letters, digits, apostrophes inside a word)
//! and each word is folded as search folds it (`search::normalize::fold`:
//! lower case, `ё` = `е`, Uzbek `oʻ`/`gʻ` whatever apostrophe was typed).
//! A term is a sequence of words; it is found where the text has the same
//! number of words in a row, each one a form of the term's word:
//!
//! - English: the same light stem (`victims`, `victim's` → `victim`).
//! - Russian: the word as written, or the term word's stem (one noun or
//!   adjective ending taken off, `search::normalize::RU_ENDINGS`) followed
//!   by one ending of that list or none: `торговля` → `торговл` + `и`, `ей`,
//!   `ю`… Only the term's words are cut, so the text must keep the stem.
//! - Uzbek: the term word, or its root (the word without a final possessive
//!   `-i`, `-si`, `-lari`; a final `k`/`q` also as `g`/`gʻ` before a vowel),
//!   followed by up to four suffixes of [`UZ_SUFFIXES`] in any order:
//!   `savdosi` → `savdo` + `si` + `ga`, `qullik` → `qullig` + `i` + `dan`.
//! - Other languages: the word as written.
//!
//! Words are consecutive when nothing but spaces and Markdown marks lies
//! between them (a blank line, code, a link target or any other word breaks
//! a run).

use std::ops::Range;

use crate::search::normalize::{Lang, RU_ENDINGS, fold, is_apostrophe, is_word_char, stem};

/// Uzbek suffixes (folded Latin): plural, possessive, case, and the
/// particles that stick to a word. Derivational suffixes (`-lik`, `-chi`)
/// are not here: they make another word.
pub const UZ_SUFFIXES: &[&str] = &[
    "lar", "lari", "i", "si", "im", "m", "ing", "ng", "imiz", "miz", "ingiz", "ngiz", "ning", "ni",
    "ga", "ka", "qa", "da", "dan", "dagi", "gi", "day", "dek", "cha", "mi", "ku", "yu", "u",
];

/// The most suffixes read after an Uzbek root.
const UZ_MAX_SUFFIXES: usize = 4;

/// A word of a text: its bytes in the text and its folded letters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub folded: String,
    /// English and Russian: the light stem of `folded`.
    pub stem: String,
    /// Something other than spaces and Markdown marks comes before it.
    pub breaks: bool,
}

/// The words of `text` inside `ranges` (sorted byte ranges of prose), in order.
pub fn tokens(text: &str, ranges: &[Range<usize>], lang: Lang) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut last_end: Option<usize> = None;
    for r in ranges {
        let Some(part) = text.get(r.clone()) else {
            continue;
        };
        let mut gap_breaks = match last_end {
            Some(end) => text.get(end..r.start).is_none_or(breaks_words),
            None => true,
        };
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (at, c) = chars[i];
            if !is_word_char(c) {
                if !c.is_whitespace() && !is_markup(c) {
                    gap_breaks = true;
                }
                i += 1;
                continue;
            }
            let start = at;
            let mut j = i;
            while j < chars.len() {
                let (_, c) = chars[j];
                let joins = is_word_char(c)
                    || is_apostrophe(c)
                        && (chars.get(j + 1).is_some_and(|(_, n)| is_word_char(*n))
                            || lang == Lang::Uz
                                && j > i
                                && matches!(chars[j - 1].1, 'o' | 'O' | 'g' | 'G'));
                if joins {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(part.len(), |(b, _)| *b);
            let word = &part[start..end];
            let folded = quick_fold(word, lang).unwrap_or_else(|| fold(word, lang));
            let stem = match lang {
                Lang::En | Lang::Ru => stem(&folded, lang),
                _ => String::new(),
            };
            out.push(Token {
                range: r.start + start..r.start + end,
                folded,
                stem,
                breaks: gap_breaks,
            });
            gap_breaks = false;
            i = j;
        }
        last_end = Some(r.end);
    }
    out
}

/// `fold` of a word of ASCII letters and digits and basic Cyrillic only
/// (most words), without its tables: lower case, and `ё` = `е` but in
/// Uzbek. `None` for any other word.
fn quick_fold(word: &str, lang: Lang) -> Option<String> {
    if !word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ('\u{400}'..='\u{45f}').contains(&c))
    {
        return None;
    }
    let lower = word.to_lowercase();
    Some(if lang != Lang::Uz && lower.contains('ё') {
        lower.replace('ё', "е")
    } else {
        lower
    })
}

/// The words of a whole phrase.
pub fn phrase_tokens(phrase: &str, lang: Lang) -> Vec<Token> {
    tokens(phrase, std::slice::from_ref(&(0..phrase.len())), lang)
}

/// Markdown marks that may stand between two words of one phrase.
/// Hyphens join too: `non-punishment` is the two words of the term.
fn is_markup(c: char) -> bool {
    matches!(
        c,
        '*' | '_' | '~' | '[' | ']' | '-' | '\u{2010}' | '\u{2011}'
    )
}

/// Whether what lies between two prose ranges separates their words.
fn breaks_words(gap: &str) -> bool {
    gap.contains("\n\n")
        || gap
            .chars()
            .any(|c| !(c.is_whitespace() || is_markup(c) || c == '\\'))
}

/// One word of a term, ready to be compared with a text's words.
#[derive(Debug, Clone)]
struct WordPattern {
    folded: String,
    /// English, Russian: the stem; Uzbek: the roots (see the module text).
    stems: Vec<String>,
    /// Uzbek roots that take only a vowel-initial suffix next (`qullig`).
    vowel_roots: Vec<String>,
}

/// A term's rendering in one language: its words.
#[derive(Debug, Clone)]
pub struct Pattern {
    words: Vec<WordPattern>,
    lang: Lang,
}

impl Pattern {
    /// The pattern of a phrase; `None` when it has no word.
    pub fn new(phrase: &str, lang: Lang) -> Option<Pattern> {
        let words: Vec<WordPattern> = phrase_tokens(phrase, lang)
            .into_iter()
            .map(|t| word_pattern(t.folded, lang))
            .collect();
        (!words.is_empty()).then_some(Pattern { words, lang })
    }

    /// Every place (byte range from the first word to the last) where the
    /// phrase stands in `tokens`, not overlapping.
    pub fn find(&self, tokens: &[Token]) -> Vec<Range<usize>> {
        let n = self.words.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i + n <= tokens.len() {
            let run = &tokens[i..i + n];
            let joined = run.iter().skip(1).all(|t| !t.breaks);
            if joined
                && run
                    .iter()
                    .zip(&self.words)
                    .all(|(t, w)| self.word_matches(w, t))
            {
                out.push(run[0].range.start..run[n - 1].range.end);
                i += n;
            } else {
                i += 1;
            }
        }
        out
    }

    /// Whether the phrase stands anywhere in `tokens`.
    pub fn occurs(&self, tokens: &[Token]) -> bool {
        let n = self.words.len();
        tokens.windows(n).any(|run| {
            run.iter().skip(1).all(|t| !t.breaks)
                && run
                    .iter()
                    .zip(&self.words)
                    .all(|(t, w)| self.word_matches(w, t))
        })
    }

    fn word_matches(&self, w: &WordPattern, t: &Token) -> bool {
        if t.folded == w.folded {
            return true;
        }
        match self.lang {
            Lang::En => w.stems.contains(&t.stem),
            Lang::Ru => w.stems.iter().any(|s| {
                *s == t.stem
                    || t.folded
                        .strip_prefix(s.as_str())
                        .is_some_and(|rest| rest.is_empty() || RU_ENDINGS.contains(&rest))
            }),
            Lang::Uz => {
                w.stems.iter().any(|r| {
                    t.folded
                        .strip_prefix(r.as_str())
                        .is_some_and(|rest| uz_chain(rest, UZ_MAX_SUFFIXES))
                }) || w.vowel_roots.iter().any(|r| {
                    t.folded.strip_prefix(r.as_str()).is_some_and(|rest| {
                        rest.starts_with(['a', 'e', 'i', 'o', 'u', 'ö'])
                            && uz_chain(rest, UZ_MAX_SUFFIXES)
                    })
                })
            }
            Lang::Other => false,
        }
    }
}

fn word_pattern(folded: String, lang: Lang) -> WordPattern {
    let mut stems = Vec::new();
    let mut vowel_roots = Vec::new();
    match lang {
        Lang::En | Lang::Ru => stems.push(stem(&folded, lang)),
        Lang::Uz => {
            stems.push(folded.clone());
            for suffix in ["lari", "si", "i"] {
                if let Some(root) = folded.strip_suffix(suffix)
                    && root.chars().count() >= 3
                {
                    stems.push(root.to_string());
                    break;
                }
            }
            for root in stems.clone() {
                if let Some(r) = root.strip_suffix('k') {
                    vowel_roots.push(format!("{r}g"));
                } else if let Some(r) = root.strip_suffix('q') {
                    vowel_roots.push(format!("{r}ğ"));
                }
            }
        }
        Lang::Other => {}
    }
    WordPattern {
        folded,
        stems,
        vowel_roots,
    }
}

/// Whether `rest` is a run of at most `budget` Uzbek suffixes (or nothing).
fn uz_chain(rest: &str, budget: usize) -> bool {
    if rest.is_empty() {
        return true;
    }
    budget > 0
        && UZ_SUFFIXES.iter().any(|s| {
            rest.strip_prefix(s)
                .is_some_and(|more| uz_chain(more, budget - 1))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(term: &str, text: &str, lang: Lang) -> bool {
        let p = Pattern::new(term, lang).expect("a term");
        p.occurs(&phrase_tokens(text, lang))
    }

    #[test]
    fn russian_forms_of_a_term() {
        for text in [
            "торговля людьми",
            "о торговле людьми",
            "Торговли людьми",
            "борьба с торговлей людьми",
            "ТОРГОВЛЮ ЛЮДЬМИ",
        ] {
            assert!(found("торговля людьми", text, Lang::Ru), "{text}");
        }
        assert!(!found("торговля людьми", "торговля оружием", Lang::Ru));
        assert!(!found("торговля людьми", "торговля, людьми", Lang::Ru));
        assert!(found("долговая кабала", "в долговой кабале", Lang::Ru));
        assert!(found(
            "принудительный труд",
            "принудительным трудом",
            Lang::Ru
        ));
        assert!(found("жертва", "жертвами", Lang::Ru));
        assert!(found("согласие", "согласием", Lang::Ru));
        assert!(found("уязвимость", "уязвимостью", Lang::Ru));
        assert!(found("ребёнок", "ребенок", Lang::Ru));
        assert!(!found("жертва", "жертвенность", Lang::Ru));
    }

    #[test]
    fn uzbek_forms_of_a_term() {
        for text in [
            "odam savdosi",
            "odam savdosiga",
            "odam savdosining",
            "Odam savdosidan",
            "odam savdosini",
            "odam savdolari",
        ] {
            assert!(found("odam savdosi", text, Lang::Uz), "{text}");
        }
        assert!(!found("odam savdosi", "odam savdogari", Lang::Uz));
        assert!(found("qarz qulligi", "qarz qulligiga", Lang::Uz));
        assert!(found("qullik", "qulligidan", Lang::Uz));
        assert!(found("jabrlanuvchi", "jabrlanuvchilarning", Lang::Uz));
        assert!(found("majburiy mehnat", "majburiy mehnatga", Lang::Uz));
        // apostrophes: whatever was typed
        assert!(found("yoʻllanma", "yo'llanmalar", Lang::Uz));
        assert!(found("yoʻllanma", "yo‘llanmaga", Lang::Uz));
        assert!(!found("yoʻllanma", "yollanma", Lang::Uz));
    }

    #[test]
    fn english_forms_of_a_term() {
        assert!(found("victim", "the victims' rights", Lang::En));
        assert!(found("victim", "a victim's account", Lang::En));
        assert!(found(
            "trafficking in persons",
            "Trafficking in Persons",
            Lang::En
        ));
        assert!(!found(
            "trafficking in persons",
            "trafficked persons",
            Lang::En
        ));
        assert!(!found("victim", "victimisation", Lang::En));
    }

    #[test]
    fn markup_joins_and_code_breaks() {
        let text = "**торговля** людьми";
        let ranges = [2..18, 20..text.len()];
        let p = Pattern::new("торговля людьми", Lang::Ru).unwrap();
        assert_eq!(
            p.find(&tokens(text, &ranges, Lang::Ru)),
            vec![2..text.len()]
        );
        let text = "торговля `x` людьми";
        let ranges = [0..17, 20..text.len()];
        assert!(p.find(&tokens(text, &ranges, Lang::Ru)).is_empty());
        let text = "торговля\n\nлюдьми";
        assert!(!p.occurs(&tokens(text, &[0..16, 18..text.len()], Lang::Ru)));
    }

    #[test]
    fn any_text_and_any_ranges_are_read_without_panic() {
        let alphabet: Vec<char> =
            "aoOgG'ʻʼ‘’ `*_[]-\u{2011}\n\t.,торговлялюдьмиsavdosiqullik«»ё\u{301}\u{AD}中"
                .chars()
                .collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n.max(1)
        };
        let patterns: Vec<(Pattern, Lang)> = [
            ("торговля людьми", Lang::Ru),
            ("odam savdosi", Lang::Uz),
            ("qullik", Lang::Uz),
            ("trafficking in persons", Lang::En),
            ("x", Lang::Other),
        ]
        .iter()
        .filter_map(|(t, l)| Pattern::new(t, *l).map(|p| (p, *l)))
        .collect();
        for _ in 0..3000 {
            let len = next(40);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            // Ranges anywhere, even inside a character or past the end.
            let mut ranges = Vec::new();
            for _ in 0..next(4) {
                let a = next(text.len() + 3);
                let b = a + next(12);
                ranges.push(a..b);
            }
            ranges.sort_by_key(|r| r.start);
            for (p, lang) in &patterns {
                let toks = tokens(&text, &ranges, *lang);
                for t in &toks {
                    assert!(text.get(t.range.clone()).is_some(), "{text:?} {t:?}");
                }
                for r in p.find(&toks) {
                    assert!(text.get(r).is_some());
                }
                let _ = p.occurs(&toks);
            }
        }
    }

    #[test]
    fn the_quick_fold_is_the_fold() {
        for w in [
            "Торговлей",
            "ЁЛКА",
            "ёж",
            "odam",
            "Savdosi",
            "A1b2",
            "Ўзбек",
            "ҚАРЗ",
        ] {
            for lang in [Lang::En, Lang::Ru, Lang::Uz, Lang::Other] {
                if let Some(q) = quick_fold(w, lang) {
                    assert_eq!(q, fold(w, lang), "{w} {lang:?}");
                }
            }
        }
        assert!(quick_fold("o'zbek", Lang::Uz).is_none());
    }
}

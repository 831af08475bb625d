//! Splitting a text into words (rule 1): word characters, apostrophes
//! inside words, and characters dropped inside a word.

use super::*;

#[inline]
pub fn is_apostrophe(c: char) -> bool {
    APOSTROPHES.contains(&c)
}

pub(super) fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// A word character: a cased letter, an ASCII digit or a combining mark.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        // Russian and Uzbek Cyrillic: Ѐ–џ are all cased letters.
        '\u{400}'..='\u{45f}' => true,
        // The rest of the first planes' common block (Uzbek ʻ ʼ, « », dashes,
        // quotes…) from a table of the rule below, made once.
        c if (c as u32) < TABLE_END => {
            let n = c as usize;
            word_table()[n / 64] & (1 << (n % 64)) != 0
        }
        c => is_word_char_slow(c),
    }
}

pub(super) fn is_word_char_slow(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7f}' => false,
        '\u{400}'..='\u{45f}' => true,
        c => is_mark(c) || !c.to_lowercase().eq(c.to_uppercase()),
    }
}

/// Characters below this are looked up in [`word_table`].
pub(super) const TABLE_END: u32 = 0x3000;

pub(super) fn word_table() -> &'static [u64] {
    static TABLE: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u64; TABLE_END as usize / 64];
        for n in 0..TABLE_END {
            if char::from_u32(n).is_some_and(is_word_char_slow) {
                t[n as usize / 64] |= 1 << (n % 64);
            }
        }
        t
    })
}

/// A word of a text: its position (in chars) and its characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Split a text into words (rule 1).
pub fn words(text: &str, lang: Lang) -> Vec<Word> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut cur: Option<Word> = None;
    let mut last = '\0'; // the last character kept in the current word
    for (i, &c) in chars.iter().enumerate() {
        let joins = if is_word_char(c) {
            true
        } else if cur.is_some() && IGNORABLE.contains(&c) {
            continue;
        } else if cur.is_some() && is_apostrophe(c) {
            let next = chars[i + 1..]
                .iter()
                .find(|c| !IGNORABLE.contains(c))
                .copied();
            next.is_some_and(is_word_char)
                || (lang == Lang::Uz && matches!(last, 'o' | 'O' | 'g' | 'G'))
        } else {
            false
        };
        if joins {
            let w = cur.get_or_insert_with(|| Word {
                start: i,
                end: i,
                text: String::new(),
            });
            w.text.push(c);
            w.end = i + 1;
            last = c;
        } else if let Some(w) = cur.take() {
            out.push(w);
            last = '\0';
        }
    }
    out.extend(cur);
    out
}

/// Call `f` with each word of a text (rule 1), as [`words`] splits it, without
/// building the word list.
///
/// Byte by byte while the characters are simple: ASCII, Russian and Uzbek
/// Cyrillic letters (two bytes each) and other characters that only make
/// or end a word. An apostrophe or an ignorable character inside a word
/// hands the rest of that stretch of text, up to the next ASCII white
/// space (which ends any word), to the general rule [`for_each_word_in`].
pub fn for_each_word(text: &str, lang: Lang, mut f: impl FnMut(&str)) {
    /// What one character does here, and its length in bytes.
    enum Char {
        Word(usize),
        Other(usize),
        /// An apostrophe or an ignorable character inside a word.
        General,
    }
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut start: Option<usize> = None;
    while i < n {
        let c = b[i];
        let ch = if c < 0x80 {
            if c.is_ascii_alphanumeric() {
                Char::Word(1)
            } else if start.is_some() && is_apostrophe(char::from(c)) {
                Char::General
            } else {
                Char::Other(1)
            }
        } else if c == 0xD0 || (c == 0xD1 && b.get(i + 1).is_some_and(|x| *x <= 0x9F)) {
            // U+0400–U+045F: Russian and Uzbek Cyrillic letters.
            Char::Word(2)
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if is_word_char(ch) {
                Char::Word(ch.len_utf8())
            } else if start.is_some() && (is_apostrophe(ch) || IGNORABLE.contains(&ch)) {
                Char::General
            } else {
                Char::Other(ch.len_utf8())
            }
        };
        match ch {
            Char::Word(len) => {
                start.get_or_insert(i);
                i += len;
            }
            Char::Other(len) => {
                if let Some(s) = start.take() {
                    f(&text[s..i]);
                }
                i += len;
            }
            Char::General => {
                let from = start.take().unwrap_or(i);
                let to = b[i..]
                    .iter()
                    .position(|x| x.is_ascii_whitespace() || *x == 0x0B)
                    .map_or(n, |p| i + p);
                for_each_word_in(&text[from..to], lang, &mut f);
                i = to;
            }
        }
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

/// [`for_each_word`] character by character, every rule of [`words`].
pub(super) fn for_each_word_in(text: &str, lang: Lang, mut f: impl FnMut(&str)) {
    let mut start: Option<usize> = None;
    // The word's characters when an ignorable one was dropped inside it.
    let mut owned: Option<String> = None;
    let mut end = 0;
    let mut last = '\0';
    for (i, c) in text.char_indices() {
        let joins = if is_word_char(c) {
            true
        } else if let Some(s) = start
            && IGNORABLE.contains(&c)
        {
            owned.get_or_insert_with(|| text[s..end].to_string());
            continue;
        } else if start.is_some() && is_apostrophe(c) {
            let next = text[i + c.len_utf8()..]
                .chars()
                .find(|c| !IGNORABLE.contains(c));
            next.is_some_and(is_word_char)
                || (lang == Lang::Uz && matches!(last, 'o' | 'O' | 'g' | 'G'))
        } else {
            false
        };
        if joins {
            start.get_or_insert(i);
            if let Some(o) = owned.as_mut() {
                o.push(c);
            }
            end = i + c.len_utf8();
            last = c;
        } else if let Some(s) = start.take() {
            match owned.take() {
                Some(o) => f(&o),
                None => f(&text[s..end]),
            }
            last = '\0';
        }
    }
    if let Some(s) = start {
        match owned {
            Some(o) => f(&o),
            None => f(&text[s..end]),
        }
    }
}

//! Which words of a text the converter guessed: the words a human should
//! confirm (`darslik translit --review`, the count in `darslik check`).

use std::ops::Range;

use super::Script;
use super::exceptions::Exceptions;
use super::text::scan;
use super::word::{Decision, decide_word};

/// What kind of text a file holds (by its extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A Markdown page: only its human text is converted.
    Markdown,
    /// A Fluent file: only its pattern text is converted.
    Fluent,
    /// Plain text: everything.
    Plain,
}

impl Kind {
    /// The kind of a file by its extension (`md`, `ftl`, anything else).
    pub fn of(path: &std::path::Path) -> Kind {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .as_deref()
        {
            Some("md") => Kind::Markdown,
            Some("ftl") => Kind::Fluent,
            _ => Kind::Plain,
        }
    }
}

/// A word whose Cyrillic spelling is the rules' guess.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess {
    /// Byte offset of the word in the text.
    pub offset: usize,
    /// The word as written.
    pub word: String,
    /// The rules' Cyrillic reading.
    pub reading: String,
}

/// Words converted and words guessed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Latin words converted to Cyrillic (kept words not counted).
    pub words: usize,
    /// Of those, the rules' guesses.
    pub guessed: usize,
}

fn ranges(text: &str, kind: Kind) -> Vec<Range<usize>> {
    match kind {
        Kind::Markdown => super::markdown::text_ranges(text),
        Kind::Fluent => super::fluent::text_ranges(text),
        Kind::Plain => std::iter::once(0..text.len()).collect(),
    }
}

/// How many words of `text` the conversion to Cyrillic converts and
/// guesses, and every guessed word in order (one pass over the text).
pub fn review(text: &str, kind: Kind, ex: &Exceptions) -> (Counts, Vec<Guess>) {
    let mut c = Counts::default();
    let mut out = Vec::new();
    walk(text, kind, ex, |start, word, (cyr, d)| {
        let Some(reading) = cyr else {
            return;
        };
        if d == Decision::Kept {
            return;
        }
        c.words += 1;
        if d == Decision::Guess {
            c.guessed += 1;
            out.push(Guess {
                offset: start,
                word: word.to_string(),
                reading,
            });
        }
    });
    (c, out)
}

/// Every word of `text` that the conversion to Cyrillic guesses, in order.
pub fn guesses(text: &str, kind: Kind, ex: &Exceptions) -> Vec<Guess> {
    review(text, kind, ex).1
}

/// How many words of `text` the conversion to Cyrillic converts and guesses.
pub fn counts(text: &str, kind: Kind, ex: &Exceptions) -> Counts {
    review(text, kind, ex).0
}

fn walk(
    text: &str,
    kind: Kind,
    ex: &Exceptions,
    mut f: impl FnMut(usize, &str, (Option<String>, Decision)),
) {
    for r in ranges(text, kind) {
        let Some(part) = text.get(r.clone()) else {
            continue;
        };
        for t in scan(part) {
            if t.keep {
                continue;
            }
            let word = &part[t.start..t.end];
            f(r.start + t.start, word, decide_word(word, Script::Cyrl, ex));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Kind, counts, guesses};
    use crate::translit::Exceptions;

    #[test]
    fn guesses_are_the_words_the_lexicon_does_not_know() {
        let ex = Exceptions::builtin();
        // albom: lexicon; kitob: lexicon; tarsillatsin: unknown, with ts.
        let g = guesses("albom va kitob, `sirk` tarsillatsin", Kind::Markdown, &ex);
        let words: Vec<&str> = g.iter().map(|g| g.word.as_str()).collect();
        assert_eq!(words, ["tarsillatsin"]);
        assert_eq!(g[0].offset, 23);
        let c = counts("albom va kitob, `sirk` tarsillatsin", Kind::Markdown, &ex);
        assert_eq!((c.words, c.guessed), (4, 1));
        // without the lexicon, oltin (ль?) is a guess
        let rules = Exceptions::builtin().without_lexicon();
        let g = guesses("oltin va kitob", Kind::Plain, &rules);
        assert_eq!(g.len(), 1, "{g:?}");
    }
}

//! How many words of each generated Cyrillic locale the transliteration
//! guessed (`darslik check` says so; `darslik translit --review` lists them).

use serde::Serialize;

use crate::course::{Course, PageId};
use crate::diag::Diagnostics;
use crate::translit::{self, Kind, Script};

/// The words of one generated locale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guessed {
    /// The generated locale (`uz-Cyrl`).
    pub locale: String,
    /// The locale it is made from (`uz`).
    pub from: String,
    /// Latin words converted (pages made from `from`, and its messages).
    pub words: usize,
    /// Of those, the rules' guesses: words no list or lexicon confirms.
    pub guessed: usize,
}

/// One count per generated Cyrillic locale, in the order of `course.toml`.
pub fn guessed(course: &Course) -> Vec<Guessed> {
    let mut out = Vec::new();
    for l in &course.config.locales {
        let Some(from) = &l.generated_from else {
            continue;
        };
        if Script::from_tag(&l.tag) != Some(Script::Cyrl) {
            continue;
        }
        // Problems with the lists are reported by loading the course.
        let mut ignored = Diagnostics::default();
        let ex = crate::course::translit_exceptions(&course.root, &l.tag, &mut ignored);
        let mut c = translit::Counts::default();
        let mut add = |n: translit::Counts| {
            c.words += n.words;
            c.guessed += n.guessed;
        };
        for (id, page) in &course.pages {
            let made = course
                .pages
                .get(&PageId::new(&l.tag, &page.key))
                .is_some_and(|g| g.generated_from.is_some());
            if id.locale == *from && made {
                add(translit::counts(&page.text, Kind::Markdown, &ex));
            }
        }
        for f in course.messages.get(from).into_iter().flatten() {
            add(translit::counts(&f.text, Kind::Fluent, &ex));
        }
        out.push(Guessed {
            locale: l.tag.clone(),
            from: from.clone(),
            words: c.words,
            guessed: c.guessed,
        });
    }
    out
}

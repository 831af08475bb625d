//! Generated locales (`generate = "translit:uz"`): pages and messages made
//! from their source locale.

use super::*;
use crate::diag::Code;
use crate::msg;

/// Make the pages and messages of generated locales (`generate =
/// "translit:uz"`) from their source locale; hand-written pages win.
pub(super) fn generate_locales(
    root: &Path,
    config: &Config,
    pages: &mut BTreeMap<PageId, Page>,
    messages: &BTreeMap<String, Vec<SourceFile>>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, Vec<SourceFile>> {
    use crate::translit::{self, Script};
    let mut generated = BTreeMap::new();
    for l in &config.locales {
        let (Some(from), Some(script)) = (&l.generated_from, Script::from_tag(&l.tag)) else {
            continue;
        };
        let ex = translit_exceptions_for(root, config, &l.tag, diags);
        let sources: Vec<Page> = pages
            .values()
            .filter(|p| p.locale == *from && !pages.contains_key(&PageId::new(&l.tag, &p.key)))
            .cloned()
            .collect();
        for p in sources {
            pages.insert(
                PageId::new(&l.tag, &p.key),
                generated_page(&p, &l.tag, script, &ex),
            );
        }
        let files = messages
            .get(from)
            .into_iter()
            .flatten()
            .map(|f| SourceFile {
                file: f.file.clone(),
                text: Arc::from(translit::fluent(&f.text, script, &ex)),
            })
            .collect();
        generated.insert(l.tag.clone(), files);
    }
    generated
}

/// The transliteration exceptions of a generated locale of the course at
/// `root` (see [`translit_exceptions_for`]), its `course.toml` read for the
/// keep words: its problems are added to `diags`; without a `course.toml`
/// there are none.
pub fn translit_exceptions(
    root: &Path,
    locale: &str,
    diags: &mut Diagnostics,
) -> crate::translit::Exceptions {
    let rel = config::CONFIG_FILE;
    let mut keep = Vec::new();
    if root.join(rel).is_file() {
        match read_text(&root.join(rel), rel).map(|t| config::parse(&t)) {
            Ok(Ok((c, _))) => keep = c.translit_keep,
            Ok(Err(d)) => diags.items.extend(d.items),
            Err(d) => diags.push(d),
        }
    }
    exceptions(root, &keep, locale, diags)
}

/// The transliteration exceptions of a generated locale: the built-in ones,
/// the course's `[translit] keep` words, and `locales/<locale>/exceptions.toml`
/// (whose entries win).
pub fn translit_exceptions_for(
    root: &Path,
    config: &Config,
    locale: &str,
    diags: &mut Diagnostics,
) -> crate::translit::Exceptions {
    exceptions(root, &config.translit_keep, locale, diags)
}

fn exceptions(
    root: &Path,
    keep: &[String],
    locale: &str,
    diags: &mut Diagnostics,
) -> crate::translit::Exceptions {
    let mut ex = with_keep(crate::translit::Exceptions::builtin(), keep);
    let rel = format!("locales/{locale}/exceptions.toml");
    if let Some(d) = leaves_course(root, &rel) {
        diags.push(d.locale(locale));
        return ex;
    }
    if let Ok(text) = read_text(&root.join(&rel), &rel) {
        match ex.clone().with_course_toml(&text) {
            Ok(e) => ex = e,
            Err(msg) => diags.push(
                Diagnostic::error(
                    Code::TranslitExceptions,
                    msg!("content-translit-exceptions", file = &rel, detail = &msg),
                )
                .in_file(rel.clone())
                .locale(locale)
                .hint(msg!("content-translit-exceptions-hint")),
            ),
        }
    }
    ex
}

/// The page of generated locale `locale` made from `source`, its source
/// locale's page.
pub fn generated_page(
    source: &Page,
    locale: &str,
    script: crate::translit::Script,
    ex: &crate::translit::Exceptions,
) -> Page {
    let text: Arc<str> = Arc::from(crate::translit::markdown(&source.text, script, ex));
    let (front, body_start) = match frontmatter::split(&source.file, &text) {
        Ok(split) => (split.front, split.body_start),
        Err(_) => (
            source.front.clone(),
            frontmatter::body_start_after_error(&text),
        ),
    };
    Page {
        locale: locale.to_string(),
        key: source.key.clone(),
        file: source.file.clone(),
        text,
        front,
        body_start,
        generated_from: Some(source.locale.clone()),
    }
}

/// `[translit] keep` as exception entries that keep a word as written
/// (`moodle = "Moodle"`): the word and its Uzbek-suffixed forms stay as the
/// text has them (`Moodleda`). A word with digits, dots or `_` (`SHA256SUMS`,
/// `Node.js`) is a code-like token the converter keeps anyway (see
/// `translit/text.rs`); the parts of a hyphenated word (`Wi-Fi`) are kept
/// each, when they have at least two letters. A word the converter would
/// leave alone already needs no entry.
pub fn with_keep(ex: crate::translit::Exceptions, keep: &[String]) -> crate::translit::Exceptions {
    use crate::translit::{Exceptions, Script, convert};
    let mut words = toml::Table::new();
    for w in keep {
        if w.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | '+' | '#'))
        {
            continue;
        }
        for part in w.split('-') {
            let letters = part.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 2 || convert(part, Script::Cyrl, &Exceptions::none()) == *part {
                continue;
            }
            words.insert(part.to_string(), toml::Value::String(part.to_string()));
        }
    }
    if words.is_empty() {
        return ex;
    }
    let toml_of = |words: toml::Table| {
        let mut t = toml::Table::new();
        t.insert("words".into(), toml::Value::Table(words));
        t.to_string()
    };
    match ex.clone().with_course_toml(&toml_of(words.clone())) {
        Ok(all) => all,
        // A word the exception list cannot read is left to the converter.
        Err(_) => words.into_iter().fold(ex, |ex, (k, v)| {
            let mut one = toml::Table::new();
            one.insert(k, v);
            ex.clone().with_course_toml(&toml_of(one)).unwrap_or(ex)
        }),
    }
}

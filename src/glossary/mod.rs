//! `glossary.toml` (SPEC §10): the approved renderings of a course's terms
//! in each of its languages, the variants to avoid, and a note per term.
//!
//! ```toml
//! [[term]]
//! en = "trafficking in persons"
//! ru = "торговля людьми"
//! uz = "odam savdosi"
//! avoid.ru = ["контрабанда людей"]
//! note = "Palermo Protocol, art. 3 (a)"
//! ```
//!
//! A rendering is a string, or a list whose first string is the approved
//! rendering and the rest other accepted ones (`en = ["forced labour",
//! "forced labor"]`). `avoid.<locale>` is a string or a list; `note` is a
//! string, or a table of notes per locale (`note.ru = "…"`). Keys are the
//! course's locale tags, `avoid` and `note`; the source locale's key is
//! required. Read once, by `course::load`; `check::glossary` finds the terms
//! in the pages (`words`), the site shows them on `<locale>/glossary.html`.

pub mod words;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::Spanned;

use crate::course::Config;
use crate::diag::{Code, Diagnostic, Msg};
use crate::msg;
use crate::search::normalize::Lang;

pub use words::{Pattern, Token, phrase_tokens, tokens};

/// The glossary's file name, at the course root.
pub const GLOSSARY_FILE: &str = "glossary.toml";

/// The terms of a course, in file order.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub terms: Vec<Term>,
}

/// One `[[term]]`.
#[derive(Debug, Clone, Default)]
pub struct Term {
    /// Locale → its renderings: the approved one first, then other accepted ones.
    pub names: BTreeMap<String, Vec<String>>,
    /// Locale → variants to avoid.
    pub avoid: BTreeMap<String, Vec<String>>,
    /// The note for every locale (`note = "…"`).
    pub note: Option<String>,
    /// Notes per locale (`note.ru = "…"`).
    pub notes: BTreeMap<String, String>,
    /// Where the term's table is in the file.
    pub span: Range<usize>,
}

impl Term {
    /// The approved rendering in `locale`.
    pub fn name(&self, locale: &str) -> Option<&str> {
        self.names
            .get(locale)
            .and_then(|n| n.first())
            .map(String::as_str)
    }

    /// The note for `locale`: its own, else the note for every locale.
    pub fn note_in(&self, locale: &str) -> Option<&str> {
        self.notes
            .get(locale)
            .or(self.note.as_ref())
            .map(String::as_str)
    }
}

/// Reads `glossary.toml` from the course folder: `None` when there is none.
/// Problems are errors at their line and column; a glossary with errors is
/// not used.
pub fn load(root: &Path, config: &Config) -> (Option<Glossary>, Vec<Diagnostic>) {
    let path = root.join(GLOSSARY_FILE);
    if std::fs::symlink_metadata(&path).is_err() {
        return (None, Vec::new());
    }
    if let Some(d) = crate::course::leaves_course(root, GLOSSARY_FILE) {
        return (None, vec![d]);
    }
    match crate::course::read_text(&path, GLOSSARY_FILE) {
        Ok(text) => {
            let (mut g, d) = parse(&text, config);
            if let Some(g) = &mut g {
                generate(g, root, config);
            }
            (g, d)
        }
        Err(d) => (None, vec![d]),
    }
}

/// A generated locale's renderings and notes (`uz-Cyrl` from `uz`),
/// transliterated as its pages are, where the glossary has none of its own.
fn generate(g: &mut Glossary, root: &Path, config: &Config) {
    for l in &config.locales {
        let (Some(from), Some(script)) = (
            l.generated_from.as_deref(),
            crate::translit::Script::from_tag(&l.tag),
        ) else {
            continue;
        };
        // Problems with the exceptions file are reported with the pages.
        let mut ignored = crate::diag::Diagnostics::default();
        let ex = crate::course::translit_exceptions_for(root, config, &l.tag, &mut ignored);
        let convert = |s: &String| crate::translit::convert(s, script, &ex);
        for t in &mut g.terms {
            if let Some(names) = t.names.get(from).filter(|_| !t.names.contains_key(&l.tag)) {
                let names = names.iter().map(convert).collect();
                t.names.insert(l.tag.clone(), names);
            }
            if let Some(avoid) = t.avoid.get(from).filter(|_| !t.avoid.contains_key(&l.tag)) {
                let avoid = avoid.iter().map(convert).collect();
                t.avoid.insert(l.tag.clone(), avoid);
            }
            if let Some(note) = t.notes.get(from).filter(|_| !t.notes.contains_key(&l.tag)) {
                let note = convert(note);
                t.notes.insert(l.tag.clone(), note);
            }
        }
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    term: Vec<Spanned<BTreeMap<Spanned<String>, Spanned<toml::Value>>>>,
}

/// Parses the text of `glossary.toml` against the course's locales.
pub fn parse(text: &Arc<str>, config: &Config) -> (Option<Glossary>, Vec<Diagnostic>) {
    let err = |span: Range<usize>, message: Msg, hint: Msg| {
        Diagnostic::error(Code::GlossaryInvalid, message)
            .at(GLOSSARY_FILE, text, span)
            .hint(hint)
    };
    let raw: RawGlossary = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let detail = e.message().trim().to_string();
            return (
                None,
                vec![err(
                    span,
                    msg!("glossary-syntax", detail = &detail),
                    msg!("glossary-syntax-hint"),
                )],
            );
        }
    };
    let locales: Vec<&str> = config.locales.iter().map(|l| l.tag.as_str()).collect();
    let source = config.source_locale.as_str();
    let mut keys: Vec<&str> = locales.clone();
    keys.extend(["avoid", "note"]);
    let mut diags = Vec::new();
    let mut terms: Vec<Term> = Vec::new();
    // The source rendering (folded) → the line of its term.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for table in raw.term {
        let span = table.span();
        let mut term = Term {
            span: span.clone(),
            ..Term::default()
        };
        let mut ok = true;
        for (key, value) in table.into_inner() {
            let k = key.get_ref().as_str();
            let vspan = value.span();
            match k {
                "note" => match value.get_ref() {
                    toml::Value::String(s) if !s.trim().is_empty() => {
                        term.note = Some(s.trim().to_string())
                    }
                    toml::Value::Table(t) => {
                        for (l, v) in t {
                            if !locales.contains(&l.as_str()) {
                                ok = false;
                                diags.push(err(
                                    vspan.clone(),
                                    msg!(
                                        "glossary-unknown-locale",
                                        key = format!("note.{l}"),
                                        locale = l
                                    ),
                                    msg!("glossary-locales-hint", locales = locales.join(", ")),
                                ));
                            } else if let toml::Value::String(s) = v
                                && !s.trim().is_empty()
                            {
                                term.notes.insert(l.clone(), s.trim().to_string());
                            } else {
                                ok = false;
                                diags.push(err(
                                    vspan.clone(),
                                    msg!("glossary-not-text", key = format!("note.{l}")),
                                    msg!("glossary-note-hint"),
                                ));
                            }
                        }
                    }
                    _ => {
                        ok = false;
                        diags.push(err(
                            vspan,
                            msg!("glossary-not-text", key = "note"),
                            msg!("glossary-note-hint"),
                        ));
                    }
                },
                "avoid" => match value.get_ref() {
                    toml::Value::Table(t) => {
                        for (l, v) in t {
                            let key = format!("avoid.{l}");
                            if !locales.contains(&l.as_str()) {
                                ok = false;
                                diags.push(err(
                                    vspan.clone(),
                                    msg!("glossary-unknown-locale", key = &key, locale = l),
                                    msg!("glossary-locales-hint", locales = locales.join(", ")),
                                ));
                                continue;
                            }
                            match phrases(v, Lang::from_tag(l)) {
                                Some(list) => {
                                    term.avoid.insert(l.clone(), list);
                                }
                                None => {
                                    ok = false;
                                    diags.push(err(
                                        vspan.clone(),
                                        msg!("glossary-not-text", key = &key),
                                        msg!("glossary-rendering-hint"),
                                    ));
                                }
                            }
                        }
                    }
                    _ => {
                        ok = false;
                        diags.push(err(
                            vspan,
                            msg!("glossary-avoid-table"),
                            msg!("glossary-avoid-hint"),
                        ));
                    }
                },
                l if locales.contains(&l) => match phrases(value.get_ref(), Lang::from_tag(l)) {
                    Some(list) => {
                        term.names.insert(l.to_string(), list);
                    }
                    None => {
                        ok = false;
                        diags.push(err(
                            vspan,
                            msg!("glossary-not-text", key = l),
                            msg!("glossary-rendering-hint"),
                        ));
                    }
                },
                other => {
                    ok = false;
                    let hint = match crate::course::near::nearest(other, keys.iter().copied()) {
                        Some(near) => msg!("glossary-key-near", near = near),
                        None => msg!("glossary-locales-hint", locales = locales.join(", ")),
                    };
                    diags.push(err(
                        key.span(),
                        msg!("glossary-unknown-key", key = other),
                        hint,
                    ));
                }
            }
        }
        let Some(name) = term.name(source).map(str::to_string) else {
            diags.push(err(
                span.start..span.start,
                msg!("glossary-no-source", locale = source),
                msg!("glossary-no-source-hint", locale = source),
            ));
            continue;
        };
        let line = crate::diag::line_col(text, span.start).0;
        let folded = folded_phrase(&name, Lang::from_tag(source));
        if let Some(first) = seen.get(&folded) {
            diags.push(err(
                span.start..span.start,
                msg!("glossary-duplicate", term = &name, line = *first),
                msg!("glossary-duplicate-hint"),
            ));
            continue;
        }
        seen.insert(folded, line);
        // An avoided variant must not be found in the approved rendering:
        // every correct use would be reported.
        for (l, avoided) in &term.avoid {
            let lang = Lang::from_tag(l);
            let Some(names) = term.names.get(l) else {
                continue;
            };
            for a in avoided {
                let Some(p) = Pattern::new(a, lang) else {
                    continue;
                };
                if let Some(n) = names.iter().find(|n| p.occurs(&phrase_tokens(n, lang))) {
                    ok = false;
                    diags.push(err(
                        span.start..span.start,
                        msg!(
                            "glossary-avoid-approved",
                            variant = a,
                            rendering = n,
                            locale = l
                        ),
                        msg!("glossary-avoid-approved-hint"),
                    ));
                }
            }
        }
        if ok {
            terms.push(term);
        }
    }
    if diags.is_empty() {
        (Some(Glossary { terms }), diags)
    } else {
        (None, diags)
    }
}

/// A rendering or a list of them: trimmed, each with a word in it.
fn phrases(v: &toml::Value, lang: Lang) -> Option<Vec<String>> {
    let one = |v: &toml::Value| -> Option<String> {
        let s = v.as_str()?.trim();
        Pattern::new(s, lang)?;
        Some(s.to_string())
    };
    match v {
        toml::Value::Array(a) if !a.is_empty() => a.iter().map(one).collect(),
        toml::Value::Array(_) => None,
        v => one(v).map(|s| vec![s]),
    }
}

/// A phrase's words folded (and stemmed), for telling two terms are the same.
fn folded_phrase(s: &str, lang: Lang) -> String {
    phrase_tokens(s, lang)
        .into_iter()
        .map(|t| if t.stem.is_empty() { t.folded } else { t.stem })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;

//! Checks of the Fluent message files across locales (missing, extra,
//! variables invented or dropped, references that do not resolve) and of
//! Uzbek Latin apostrophes in pages and messages.

use crate::msg;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use fluent_syntax::ast;

use crate::course::near::nearest;
use crate::course::{Course, SourceFile};
use crate::diag::{Code, Diagnostic};

#[derive(Debug)]
struct Msg {
    file: String,
    text: Arc<str>,
    vars: BTreeSet<String>,
    refs: Vec<String>,
    /// The byte range of the definition in `text`, from its id (with the `-`
    /// of a term) to the next entry.
    entry: Range<usize>,
}

fn collect(files: &[SourceFile]) -> BTreeMap<String, Msg> {
    let mut out = BTreeMap::new();
    for f in files {
        // A file that nests too deep is not parsed; i18n::load reports it.
        let Some(res) = crate::i18n::depth::parse(f.text.as_ref()) else {
            continue;
        };
        // Where each entry starts, found from its id (a slice of the text),
        // so that pointing into an entry does not search the whole file.
        let starts: Vec<Option<usize>> = res.body.iter().map(|e| entry_start(&f.text, e)).collect();
        let mut ends = vec![f.text.len(); starts.len()];
        let mut next = f.text.len();
        for (i, s) in starts.iter().enumerate().rev() {
            ends[i] = next;
            if let Some(s) = s {
                next = *s;
            }
        }
        for (n, entry) in res.body.iter().enumerate() {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                _ => continue,
            };
            let mut vars = BTreeSet::new();
            let mut refs = Vec::new();
            if let Some(p) = value {
                walk_pattern(p, &mut vars, &mut refs);
            }
            for a in attributes {
                walk_pattern(&a.value, &mut vars, &mut refs);
            }
            let start = starts[n].unwrap_or(0);
            out.insert(
                id,
                Msg {
                    file: f.file.clone(),
                    text: f.text.clone(),
                    vars,
                    refs,
                    entry: start..ends[n],
                },
            );
        }
    }
    out
}

/// The byte offset of a message's or term's id in `text` (the `-` of a
/// term): its name is a slice of `text`.
fn entry_start(text: &str, entry: &ast::Entry<&str>) -> Option<usize> {
    let (name, dash) = match entry {
        ast::Entry::Message(m) => (m.id.name, 0),
        ast::Entry::Term(t) => (t.id.name, 1),
        _ => return None,
    };
    let offset = (name.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (offset + name.len() <= text.len()).then(|| offset.saturating_sub(dash))
}

fn walk_pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>, refs: &mut Vec<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            walk_expr(expression, vars, refs);
        }
    }
}

fn walk_expr(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>, refs: &mut Vec<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, refs);
            for v in variants {
                walk_pattern(&v.value, vars, refs);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, vars, refs),
    }
}

fn walk_inline(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    refs: &mut Vec<String>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => refs.push(id.name.to_string()),
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            refs.push(format!("-{}", id.name));
            if let Some(args) = arguments {
                for a in &args.positional {
                    walk_inline(a, vars, refs);
                }
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, vars, refs);
            }
            for a in &arguments.named {
                walk_inline(&a.value, vars, refs);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expr(expression, vars, refs),
        _ => {}
    }
}

/// The span of `needle` (a `$var`, a reference) inside the definition of a
/// message, or of its id. Searches only that entry.
fn span_in_entry(m: &Msg, id: &str, needle: Option<&str>) -> Range<usize> {
    let entry = m.text.get(m.entry.clone()).unwrap_or("");
    let start = m.entry.start;
    if let Some(n) = needle
        && let Some(pos) = entry.find(n)
    {
        return start + pos..start + pos + n.len();
    }
    start..start + id.len().min(entry.len())
}

pub(super) fn fluent(
    course: &Course,
    theme_messages: &BTreeMap<String, Vec<SourceFile>>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let src = course.config.source_locale.as_str();
    let empty = Vec::new();
    let source = collect(course.messages.get(src).unwrap_or(&empty));
    let mut per_locale = BTreeMap::new();
    for l in &course.config.locales {
        per_locale.insert(
            l.tag.clone(),
            collect(course.messages.get(&l.tag).unwrap_or(&empty)),
        );
    }
    let theme: BTreeMap<String, BTreeMap<String, Msg>> = theme_messages
        .iter()
        .map(|(l, f)| (l.clone(), collect(f)))
        .collect();
    out.extend(theme_variables(theme_messages));
    for l in &course.config.locales {
        let tag = l.tag.as_str();
        let Some(own) = per_locale.get(tag) else {
            continue;
        };
        // References resolve in the locale's chain (course and theme messages).
        let known = |id: &str| {
            l.chain
                .iter()
                .chain(std::iter::once(&"en".to_string()))
                .any(|c| {
                    per_locale.get(c).is_some_and(|m| m.contains_key(id))
                        || theme.get(c).is_some_and(|m| m.contains_key(id))
                })
        };
        // Every id a reference of this locale could mean: its chain's
        // course and theme messages and terms.
        let mut defined: BTreeSet<&str> = BTreeSet::new();
        for c in l.chain.iter().map(String::as_str).chain(["en"]) {
            for m in [per_locale.get(c), theme.get(c)].into_iter().flatten() {
                defined.extend(m.keys().map(String::as_str));
            }
        }
        for (id, m) in own {
            for r in &m.refs {
                if !known(r) {
                    let what = if r.starts_with('-') {
                        "term"
                    } else {
                        "message"
                    };
                    // A term is suggested only for a term, a message for a message.
                    let near = nearest(
                        r,
                        defined
                            .iter()
                            .copied()
                            .filter(|d| d.starts_with('-') == r.starts_with('-')),
                    );
                    let hint = match near {
                        Some(s) => msg!(
                            "content-fluent-reference-suggest-hint",
                            suggestion = s,
                            reference = r,
                            locale = tag
                        ),
                        None => msg!("content-fluent-reference-hint", reference = r, locale = tag),
                    };
                    out.push(
                        Diagnostic::error(
                            Code::FluentReference,
                            msg!(
                                "content-fluent-reference",
                                id = id,
                                what = what,
                                reference = r
                            ),
                        )
                        .at(&m.file, &m.text, span_in_entry(m, id, Some(r.as_str())))
                        .locale(tag)
                        .hint(hint),
                    );
                }
            }
        }
        if tag == src || l.generated_from.is_some() {
            continue;
        }
        for (id, s) in &source {
            match own.get(id) {
                None => {
                    // A message of this locale the source lacks may be this
                    // one misspelt.
                    let extra = own
                        .keys()
                        .filter(|k| !source.contains_key(*k))
                        .map(String::as_str);
                    let missing_hint = match nearest(id, extra) {
                        Some(near) => msg!(
                            "content-fluent-missing-suggest-hint",
                            id = id,
                            near = near,
                            locale = tag
                        ),
                        None => msg!("content-fluent-missing-hint", id = id, locale = tag),
                    };
                    let first_file = course
                        .messages
                        .get(tag)
                        .and_then(|f| f.first())
                        .map_or_else(|| format!("locales/{tag}/"), |f| f.file.clone());
                    out.push(
                        Diagnostic::warning(
                            Code::FluentMissing,
                            msg!(
                                "content-fluent-missing",
                                id = id,
                                locale = tag,
                                file = &s.file
                            ),
                        )
                        .in_file(first_file)
                        .locale(tag)
                        .hint(missing_hint),
                    );
                }
                Some(t) => {
                    for v in t.vars.difference(&s.vars) {
                        out.push(
                            Diagnostic::error(
                                Code::FluentVariableInvented,
                                msg!("content-fluent-variable-invented", id = id, var = v),
                            )
                            .at(
                                &t.file,
                                &t.text,
                                span_in_entry(t, id, Some(&format!("${v}"))),
                            )
                            .locale(tag)
                            .hint(msg!(
                                "content-fluent-variable-invented-hint",
                                count = s.vars.len(),
                                vars = list_vars(&s.vars)
                            )),
                        );
                    }
                    for v in s.vars.difference(&t.vars) {
                        out.push(
                            Diagnostic::warning(
                                Code::FluentVariableDropped,
                                msg!("content-fluent-variable-dropped", id = id, var = v),
                            )
                            .at(&t.file, &t.text, span_in_entry(t, id, None))
                            .locale(tag)
                            .hint(msg!("content-fluent-variable-dropped-hint", var = v)),
                        );
                    }
                }
            }
        }
        // A message the source lacks is most likely a misspelling of one
        // this locale has not translated yet.
        let untranslated: Vec<&str> = source
            .keys()
            .filter(|k| !own.contains_key(*k))
            .map(String::as_str)
            .collect();
        for (id, t) in own {
            // `[theme] organisation` is the source's name of the academy;
            // a locale may give its own (issue 25).
            let org = id == "course-organisation" && course.config.theme.organisation.is_some();
            if !source.contains_key(id) && !org {
                let near = nearest(id, untranslated.iter().copied())
                    .or_else(|| nearest(id, source.keys().map(String::as_str)));
                let hint = match near {
                    Some(s) => msg!(
                        "content-fluent-extra-suggest-hint",
                        suggestion = s,
                        locale = src
                    ),
                    None => msg!("content-fluent-extra-hint", locale = src),
                };
                out.push(
                    Diagnostic::warning(
                        Code::FluentExtra,
                        msg!("content-fluent-extra", id = id, locale = src),
                    )
                    .at(&t.file, &t.text, span_in_entry(t, id, None))
                    .locale(tag)
                    .hint(hint),
                );
            }
        }
    }
    out
}

/// A course's own theme messages may use only the variables the templates
/// give: those of the built-in theme's message of the same id. Anything
/// else fails the build when a page is rendered, where the error can only
/// name the template; here it is named at its `.ftl` line.
fn theme_variables(theme_messages: &BTreeMap<String, Vec<SourceFile>>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let builtin = crate::render::theme::builtin();
    let empty = Vec::new();
    let reference = collect(builtin.messages.get("en").unwrap_or(&empty));
    for (locale, files) in theme_messages {
        let own: Vec<SourceFile> = files
            .iter()
            .filter(|f| !f.file.starts_with("(built-in theme)"))
            .cloned()
            .collect();
        for (id, t) in collect(&own) {
            let Some(s) = reference.get(&id) else {
                continue;
            };
            for v in t.vars.difference(&s.vars) {
                out.push(
                    Diagnostic::error(
                        Code::FluentVariableInvented,
                        msg!("content-fluent-theme-variable", id = &id, var = v),
                    )
                    .at(
                        &t.file,
                        &t.text,
                        span_in_entry(&t, &id, Some(&format!("${v}"))),
                    )
                    .locale(locale)
                    .hint(msg!(
                        "content-fluent-theme-variable-hint",
                        id = &id,
                        count = s.vars.len(),
                        vars = list_vars(&s.vars)
                    )),
                );
            }
        }
    }
    out
}

/// The variables as `$a, $b` (empty when none: the messages say "no
/// variables" in the reader's language).
fn list_vars(v: &BTreeSet<String>) -> String {
    v.iter()
        .map(|x| format!("${x}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Locales written in Uzbek Latin by hand: their apostrophes are checked.
fn uzbek_latin(course: &Course) -> Vec<&str> {
    course
        .config
        .locales
        .iter()
        .filter(|l| l.generated_from.is_none())
        .filter(|l| {
            let t = l.tag.to_ascii_lowercase();
            t == "uz" || t == "uz-latn" || t.starts_with("uz-latn-") || t == "uz-uz"
        })
        .map(|l| l.tag.as_str())
        .collect()
}

/// The files of a locale whose apostrophes are checked: pages and messages.
fn apostrophe_files(course: &Course, locale: &str) -> Vec<(String, Arc<str>, bool)> {
    let mut files: Vec<(String, Arc<str>, bool)> = course
        .pages
        .values()
        .filter(|p| p.locale == locale && p.generated_from.is_none())
        .map(|p| (p.file.clone(), p.text.clone(), true))
        .collect();
    for f in course.messages.get(locale).into_iter().flatten() {
        files.push((f.file.clone(), f.text.clone(), false));
    }
    files
}

/// Warnings for `o'`, `g‘`, a wrong tutuq belgisi... in Uzbek Latin text.
pub fn apostrophes(course: &Course) -> Vec<Diagnostic> {
    use crate::translit::{apostrophe_fixes_fluent, apostrophe_fixes_markdown};
    use rayon::prelude::*;
    type File = (String, Arc<str>, bool);
    let files: Vec<(&str, File)> = uzbek_latin(course)
        .into_iter()
        .flat_map(|l| apostrophe_files(course, l).into_iter().map(move |f| (l, f)))
        .collect();
    files
        .par_iter()
        .flat_map_iter(|(locale, (file, text, is_md))| {
            let fixes = if *is_md {
                apostrophe_fixes_markdown(text)
            } else {
                apostrophe_fixes_fluent(text)
            };
            fixes.into_iter().map(move |f| {
                let (name, what) = if f.replacement == 'ʻ' {
                    ("U+02BB ʻ", "okina")
                } else {
                    ("U+02BC ʼ", "tutuq")
                };
                Diagnostic::warning(
                    Code::UzApostrophe,
                    msg!(
                        "content-uz-apostrophe",
                        found = &f.found,
                        what = what,
                        name = name
                    ),
                )
                .at(file, text, f.start..f.end)
                .locale(*locale)
                .hint(msg!("content-uz-apostrophe-hint"))
            })
        })
        .collect()
}

/// `check --fix`: rewrite the apostrophes in place, touching nothing else
/// (line endings and a BOM are kept). Returns (file, fixes) per changed file.
pub fn fix_apostrophes(course: &Course) -> std::io::Result<Vec<(String, usize)>> {
    use crate::translit::{apostrophe_fixes_fluent, apostrophe_fixes_markdown, apply_fixes};
    let mut changed = Vec::new();
    for locale in uzbek_latin(course) {
        for (file, _, is_md) in apostrophe_files(course, locale) {
            let path = course.root.join(&file);
            let raw = std::fs::read(&path)?;
            let Ok(raw) = String::from_utf8(raw) else {
                continue;
            };
            let (bom, text) = match raw.strip_prefix('\u{feff}') {
                Some(rest) => ("\u{feff}", rest),
                None => ("", raw.as_str()),
            };
            let fixes = if is_md {
                apostrophe_fixes_markdown(text)
            } else {
                apostrophe_fixes_fluent(text)
            };
            if fixes.is_empty() {
                continue;
            }
            let fixed = format!("{bom}{}", apply_fixes(text, &fixes));
            let tmp = path.with_extension("darslik-fix");
            std::fs::write(&tmp, fixed)?;
            std::fs::rename(&tmp, &path)?;
            changed.push((file, fixes.len()));
        }
    }
    Ok(changed)
}

//! Fluent messages: one bundle per locale from the theme's and the course's
//! `.ftl` files, looked up along the locale's fallback chain.

pub mod depth;

use crate::msg;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::course::SourceFile;
use crate::diag::{Code, Diagnostic};

type Bundle = FluentBundle<FluentResource>;

/// The theme's messages are written in English first: the last resort.
pub const THEME_BASE_LOCALE: &str = "en";

/// Every locale's bundle.
pub struct Messages {
    bundles: HashMap<String, Arc<Bundle>>,
    chains: HashMap<String, Vec<String>>,
}

/// Messages seen from one locale: its own, then its fallbacks.
#[derive(Clone)]
pub struct Localizer {
    pub locale: String,
    chain: Vec<(String, Arc<Bundle>)>,
}

/// Build bundles. `sources` maps a locale to its files, theme files first and
/// course files after (a course message overrides the theme's).
pub fn load(
    sources: &BTreeMap<String, (Vec<SourceFile>, Vec<SourceFile>)>,
    chains: &[(String, Vec<String>)],
) -> (Messages, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut bundles = HashMap::new();
    for (locale, (theme_files, course_files)) in sources {
        let lang: LanguageIdentifier = locale
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default());
        let mut bundle = Bundle::new_concurrent(vec![lang]);
        bundle.set_use_isolating(false);
        for f in theme_files {
            if let Some(res) = parse_resource(f, locale, &mut diags) {
                bundle.add_resource_overriding(res);
            }
        }
        let mut seen: HashMap<String, String> = HashMap::new();
        for f in course_files {
            if let Some(res) = parse_resource(f, locale, &mut diags) {
                for (id, span) in entry_ids(&res) {
                    if let Some(first) = seen.get(&id) {
                        diags.push(
                            Diagnostic::error(
                                Code::FluentDuplicate,
                                msg!("content-fluent-duplicate", id = &id, file = first),
                            )
                            .at(&f.file, &f.text, span)
                            .locale(locale)
                            .hint(msg!("content-fluent-duplicate-hint")),
                        );
                    } else {
                        seen.insert(id, f.file.clone());
                    }
                }
                bundle.add_resource_overriding(res);
            }
        }
        bundles.insert(locale.clone(), Arc::new(bundle));
    }
    let chains = chains.iter().cloned().collect();
    (Messages { bundles, chains }, diags)
}

fn parse_resource(
    f: &SourceFile,
    locale: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<FluentResource> {
    // The parser recurses: a file that nests too deep is reported, not parsed.
    if let Err(e) = depth::check(&f.text) {
        diags.push(depth::diagnostic(&f.file, &f.text, &e).locale(locale));
        return None;
    }
    match FluentResource::try_new(f.text.to_string()) {
        Ok(res) => Some(res),
        Err((res, errors)) => {
            for e in errors {
                let span = error_span(&f.text, &e);
                diags.push(
                    Diagnostic::error(syntax_code(&e.kind), syntax_message(&e.kind))
                        .at(&f.file, &f.text, span)
                        .locale(locale)
                        .hint(msg!("content-fluent-syntax-hint")),
                );
            }
            // The parser recovers: the rest of the file still loads.
            Some(res)
        }
    }
}

/// The parser's complaint in the reader's language: the common kinds by
/// name (`content-fluent-syntax` selects on `kind`), the rest as the parser
/// says them.
fn syntax_message(kind: &fluent_syntax::parser::ErrorKind) -> crate::diag::Msg {
    use fluent_syntax::parser::ErrorKind;
    let (name, token) = match kind {
        ErrorKind::ExpectedToken(c) => ("expected-token", c.to_string()),
        ErrorKind::ExpectedCharRange { range } => ("expected-range", range.clone()),
        ErrorKind::ExpectedMessageField { entry_id } => ("expected-value", entry_id.clone()),
        ErrorKind::ExpectedTermField { entry_id } => ("expected-term-value", entry_id.clone()),
        ErrorKind::MissingDefaultVariant => ("missing-default", String::new()),
        ErrorKind::MultipleDefaultVariants => ("two-defaults", String::new()),
        ErrorKind::MissingValue => ("missing-value", String::new()),
        ErrorKind::UnterminatedStringLiteral => ("unterminated-string", String::new()),
        ErrorKind::UnbalancedClosingBrace => ("unbalanced-brace", String::new()),
        ErrorKind::ExpectedInlineExpression => ("expected-expression", String::new()),
        _ => ("other", String::new()),
    };
    msg!(
        "content-fluent-syntax",
        kind = name,
        token = token,
        detail = kind.to_string()
    )
}

fn syntax_code(kind: &fluent_syntax::parser::ErrorKind) -> Code {
    use fluent_syntax::parser::ErrorKind;
    match kind {
        ErrorKind::MissingDefaultVariant => Code::FluentSelectDefault,
        _ => Code::FluentSyntax,
    }
}

/// Where to point for a parser error. The parser often fails at the start of
/// the next line (an unclosed `{` is noticed there): point instead at the end
/// of the text before it, on the line the translator has to fix.
fn error_span(text: &str, e: &fluent_syntax::parser::ParserError) -> std::ops::Range<usize> {
    let start = e.pos.start.min(text.len());
    let entry_start = e.slice.as_ref().map_or(0, |s| s.start);
    let at_line_start = start == 0 || text[..start].ends_with('\n');
    if at_line_start && start > entry_start {
        let before = text[..start].trim_end();
        if before.len() >= entry_start {
            let last = before.char_indices().last().map_or(0, |(i, _)| i);
            return last..before.len();
        }
    }
    let end = e.pos.end.max(start + 1).min(text.len());
    start..end.max(start)
}

/// The ids of a resource's messages and terms (`-name`), each with its span
/// in the text: the name is a slice of the resource's text, so no search of
/// the file is needed (that was quadratic in a file of many duplicates).
fn entry_ids(res: &FluentResource) -> Vec<(String, std::ops::Range<usize>)> {
    use fluent_syntax::ast::Entry;
    let base = res.source().as_ptr() as usize;
    let span = |name: &str, dash: usize| {
        let at = (name.as_ptr() as usize).saturating_sub(base);
        at.saturating_sub(dash)..at + name.len()
    };
    res.entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some((m.id.name.to_string(), span(m.id.name, 0))),
            Entry::Term(t) => Some((format!("-{}", t.id.name), span(t.id.name, 1))),
            _ => None,
        })
        .collect()
}

impl Messages {
    pub fn localizer(&self, locale: &str) -> Localizer {
        let mut names: Vec<String> = self
            .chains
            .get(locale)
            .cloned()
            .unwrap_or_else(|| vec![locale.to_string()]);
        if !names.iter().any(|n| n == THEME_BASE_LOCALE) {
            names.push(THEME_BASE_LOCALE.to_string());
        }
        let chain = names
            .into_iter()
            .filter_map(|n| self.bundles.get(&n).map(|b| (n, b.clone())))
            .collect();
        Localizer {
            locale: locale.to_string(),
            chain,
        }
    }

    /// Does the locale's own bundle (not a fallback) define `id`?
    pub fn has_own(&self, locale: &str, id: &str) -> bool {
        self.bundles.get(locale).is_some_and(|b| b.has_message(id))
    }
}

/// Arguments for a message: names and numbers or strings.
pub type Args<'a> = FluentArgs<'a>;

pub fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> Args<'a> {
    let mut a = FluentArgs::new();
    for (k, v) in pairs {
        a.set(*k, v.clone());
    }
    a
}

impl Localizer {
    /// The message `id` formatted, from the first locale of the chain that has it,
    /// with the locale it came from.
    pub fn lookup(&self, id: &str, args: Option<&Args<'_>>) -> Result<(String, &str), String> {
        for (locale, bundle) in &self.chain {
            let Some(msg) = bundle.get_message(id) else {
                continue;
            };
            let Some(pattern) = msg.value() else {
                return Err(format!("the message `{id}` has no value"));
            };
            let mut errors: Vec<FluentError> = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if let Some(e) = errors.first() {
                return Err(format!("the message `{id}` in {locale}: {e}"));
            }
            return Ok((text.into_owned(), locale.as_str()));
        }
        Err(format!("no locale defines the message `{id}`"))
    }

    /// Formatted text, or the message id in brackets when it cannot be formatted.
    pub fn text(&self, id: &str) -> String {
        self.lookup(id, None)
            .map_or_else(|_| format!("[{id}]"), |(t, _)| t)
    }

    pub fn text_with(&self, id: &str, args: &Args<'_>) -> String {
        self.lookup(id, Some(args))
            .map_or_else(|_| format!("[{id}]"), |(t, _)| t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            file: name.into(),
            text: Arc::from(text),
        }
    }

    const PAGES: &str = "pages = { $count ->\n    [one] { $count } one\n    [few] { $count } few\n    [many] { $count } many\n   *[other] { $count } other\n}\n";

    fn messages(locale: &str, text: &str) -> Messages {
        let mut sources = BTreeMap::new();
        sources.insert(locale.to_string(), (vec![], vec![file("x.ftl", text)]));
        let (m, d) = load(&sources, &[(locale.to_string(), vec![locale.to_string()])]);
        assert!(d.is_empty(), "{d:?}");
        m
    }

    fn plural(m: &Messages, locale: &str, n: i64) -> String {
        let l = m.localizer(locale);
        l.text_with("pages", &args(&[("count", FluentValue::from(n))]))
    }

    #[test]
    fn russian_plurals() {
        let m = messages("ru", PAGES);
        let cases = [
            (1, "one"),
            (2, "few"),
            (5, "many"),
            (21, "one"),
            (22, "few"),
            (25, "many"),
            (111, "many"),
            (0, "many"),
        ];
        for (n, cat) in cases {
            assert_eq!(plural(&m, "ru", n), format!("{n} {cat}"), "ru {n}");
        }
    }

    #[test]
    fn uzbek_and_english_plurals() {
        let m = messages("uz", PAGES);
        assert_eq!(plural(&m, "uz", 1), "1 one");
        for n in [2, 5, 21, 111] {
            assert_eq!(plural(&m, "uz", n), format!("{n} other"));
        }
        let m = messages("en", PAGES);
        assert_eq!(plural(&m, "en", 1), "1 one");
        assert_eq!(plural(&m, "en", 21), "21 other");
    }

    #[test]
    fn no_isolation_marks() {
        let m = messages("en", "hi = Hello, { $name }!\n");
        let t = m
            .localizer("en")
            .text_with("hi", &args(&[("name", FluentValue::from("Aziz"))]));
        assert_eq!(t, "Hello, Aziz!");
        assert!(!t.contains('\u{2068}') && !t.contains('\u{2069}'));
    }

    #[test]
    fn fallback_chain_and_course_overrides_theme() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "uz".to_string(),
            (
                vec![file("theme/uz.ftl", "next = Keyingi\n")],
                vec![file("locales/uz/c.ftl", "course-title = Kurs\n")],
            ),
        );
        sources.insert(
            "ru".to_string(),
            (
                vec![],
                vec![file("locales/ru/c.ftl", "only-ru = Только по-русски\n")],
            ),
        );
        sources.insert(
            "en".to_string(),
            (
                vec![file("theme/en.ftl", "next = Next\nprev = Previous\n")],
                vec![file("locales/en/c.ftl", "next = Onward\n")],
            ),
        );
        let chains = vec![(
            "uz".to_string(),
            vec!["uz".to_string(), "ru".to_string(), "en".to_string()],
        )];
        let (m, d) = load(&sources, &chains);
        assert!(d.is_empty());
        let l = m.localizer("uz");
        assert_eq!(
            l.lookup("next", None).unwrap(),
            ("Keyingi".to_string(), "uz")
        );
        assert_eq!(l.lookup("only-ru", None).unwrap().1, "ru");
        assert_eq!(
            l.lookup("prev", None).unwrap(),
            ("Previous".to_string(), "en")
        );
        assert_eq!(m.localizer("en").text("next"), "Onward");
        assert!(l.lookup("nope", None).is_err());
    }

    #[test]
    fn syntax_errors_have_positions_and_loading_continues() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "en".to_string(),
            (
                vec![],
                vec![file(
                    "locales/en/c.ftl",
                    "ok = Fine\nbroken = { $x \nlater = Still here\n",
                )],
            ),
        );
        let (m, d) = load(&sources, &[]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].code, "fluent-syntax");
        assert_eq!(d[0].file.as_deref(), Some("locales/en/c.ftl"));
        assert_eq!(d[0].line, Some(2));
        assert_eq!(m.localizer("en").text("later"), "Still here");
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "en".to_string(),
            (
                vec![],
                vec![
                    file("locales/en/a.ftl", "a = 1\n"),
                    file("locales/en/b.ftl", "x = 0\na = 2\n"),
                ],
            ),
        );
        let (_, d) = load(&sources, &[]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, "fluent-duplicate");
        assert_eq!(
            (d[0].file.as_deref(), d[0].line),
            (Some("locales/en/b.ftl"), Some(2))
        );
    }
}

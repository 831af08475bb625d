//! The catalogue is complete: every message in every language, with the
//! same variables, every code explained, every id the code uses defined.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;

use super::{FILES, Msg, source};
use crate::diag::{Code, Lang};

/// id -> the variables its pattern (value and variants) uses.
type Ids = BTreeMap<String, BTreeSet<String>>;

fn ids(src: &str, what: &str) -> Ids {
    let res = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((_, errs)) => panic!("{what} does not parse: {errs:?}"),
    };
    let mut out = BTreeMap::new();
    for e in res.body {
        if let ast::Entry::Message(m) = e {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern(p, &mut vars);
            }
            assert!(
                out.insert(m.id.name.to_string(), vars).is_none(),
                "{what}: `{}` twice",
                m.id.name
            );
        }
    }
    out
}

fn pattern(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr(expression, vars);
        }
    }
}

fn expr(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline(selector, vars);
            for v in variants {
                pattern(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline(i, vars),
    }
}

fn inline(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expr(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline(a, vars);
            }
        }
        _ => {}
    }
}

/// Every message id of every language, by area.
fn all() -> Vec<(&'static str, [Ids; 3])> {
    FILES
        .iter()
        .map(|(area, texts)| {
            (
                *area,
                [
                    ids(texts[0], &format!("en/{area}.ftl")),
                    ids(texts[1], &format!("ru/{area}.ftl")),
                    ids(texts[2], &format!("uz/{area}.ftl")),
                ],
            )
        })
        .collect()
}

#[test]
fn every_message_is_in_every_language_with_the_same_variables() {
    let mut problems = Vec::new();
    for (area, [en, ru, uz]) in all() {
        for (lang, other) in [("ru", &ru), ("uz", &uz)] {
            for (id, vars) in &en {
                match other.get(id) {
                    None => problems.push(format!("{lang}/{area}.ftl lacks `{id}`")),
                    Some(v) if v != vars => problems.push(format!(
                        "{lang}/{area}.ftl `{id}` uses {v:?}, en uses {vars:?}"
                    )),
                    Some(_) => {}
                }
            }
            for id in other.keys().filter(|id| !en.contains_key(*id)) {
                problems.push(format!(
                    "{lang}/{area}.ftl has `{id}`, which en/{area}.ftl lacks"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_id_is_in_two_areas_and_backticks_pair_up() {
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (area, [en, _, _]) in all() {
        for id in en.keys() {
            if let Some(first) = seen.insert(id.clone(), area) {
                panic!("`{id}` is in {first}.ftl and {area}.ftl");
            }
        }
    }
    // uz-Cyrl keeps what is between backticks: they must pair up.
    for (area, texts) in FILES {
        for (i, lang) in ["en", "ru", "uz"].iter().enumerate() {
            for line in texts[i].lines().filter(|l| !l.starts_with('#')) {
                assert!(
                    line.matches('`').count() % 2 == 0,
                    "{lang}/{area}.ftl: unpaired backtick in `{line}`"
                );
            }
        }
    }
}

#[test]
fn every_code_is_explained_in_all_four_languages() {
    for &code in Code::ALL {
        let id = format!("code-{}", code.as_str());
        let en = Msg::new(id.clone()).text(Lang::En);
        assert_ne!(en, id, "en/codes.ftl lacks `{id}`");
        for lang in [Lang::Ru, Lang::Uz, Lang::UzCyrl] {
            let t = Msg::new(id.clone()).text(lang);
            assert!(
                !t.is_empty() && t != id && t != en,
                "`{id}` has no {} text (got {t:?})",
                lang.tag()
            );
        }
        let cyrl = code.text_in(Lang::UzCyrl);
        assert!(
            cyrl.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
            "`{id}` in uz-Cyrl is not Cyrillic: {cyrl}"
        );
    }
}

/// Every `msg!("id"` and `Msg::new("id"` in the sources names a message
/// that exists.
#[test]
fn every_id_the_code_uses_is_defined() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut defined = BTreeSet::new();
    for (_, [en, _, _]) in all() {
        defined.extend(en.into_keys());
    }
    let mut missing = Vec::new();
    for entry in walkdir::WalkDir::new(&root).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        if path.ends_with("diag/text/tests.rs") {
            continue;
        }
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for pat in ["msg!(", "Msg::new("] {
            for (i, _) in code.match_indices(pat) {
                let rest = code[i + pat.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if !defined.contains(id) {
                    missing.push(format!("{}: `{id}`", path.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in en/*.ftl:\n{}",
        missing.join("\n")
    );
}

#[test]
fn uz_cyrl_is_made_from_uz_keeping_code() {
    for (_, texts) in FILES {
        let cyrl = source(Lang::UzCyrl, texts);
        assert_eq!(
            ids(&cyrl, "uz-Cyrl").keys().collect::<Vec<_>>(),
            ids(texts[2], "uz").keys().collect::<Vec<_>>()
        );
    }
    let m = crate::msg!(
        "diag-more",
        count = 3usize,
        code = "page-stale",
        file = "a.md"
    );
    let t = m.text(Lang::UzCyrl);
    assert!(t.contains("`darslik check --format json`"), "{t}");
    assert!(t.contains("файлида"), "{t}");
}

#[test]
fn russian_plurals() {
    let s =
        |e: usize, w: usize| crate::msg!("diag-summary", errors = e, warnings = w).text(Lang::Ru);
    assert_eq!(s(1, 2), "1 ошибка, 2 предупреждения");
    assert_eq!(s(5, 21), "5 ошибок, 21 предупреждение");
    assert_eq!(
        crate::msg!("diag-summary", errors = 1usize, warnings = 0usize).text(Lang::En),
        "1 error, 0 warnings"
    );
}

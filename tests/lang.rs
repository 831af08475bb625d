//! darslik speaks the user's language (SPEC §10): on the translator fixture
//! every diagnostic and hint of `check` is said in Russian, Uzbek Latin or
//! Uzbek Cyrillic, chosen by `--lang` or the environment, with the same
//! codes; JSON keeps `message` in English and adds `message_localized`.

mod common;
use common::*;

use std::process::{Command, Output};

/// `darslik check` in the translator fixture with only `vars` for language.
fn check(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_darslik"));
    c.current_dir(fixture("translator")).arg("check").args(args);
    for k in ["DARSLIK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        c.env_remove(k);
    }
    for (k, v) in vars {
        c.env(k, v);
    }
    c.output().expect("run darslik")
}

fn json(o: &Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(o)));
    let mut all = Vec::new();
    for k in ["errors", "warnings"] {
        all.extend(v[k].as_array().cloned().unwrap_or_default());
    }
    all
}

fn codes(items: &[serde_json::Value]) -> Vec<String> {
    let mut c: Vec<String> = items
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect();
    c.sort();
    c
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// Text outside backticks, quotes and file paths: what should be in the
/// user's language.
fn prose(s: &str) -> String {
    let mut out = String::new();
    for (i, part) in s.split('`').enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        }
    }
    out.split_whitespace()
        .filter(|w| !w.contains('/') && !w.contains('.') && !w.contains('$'))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every message and hint of `items` differs from the English and passes `ok`.
fn all_said(items: &[serde_json::Value], lang: &str, ok: impl Fn(&str) -> bool) {
    assert!(
        items.len() >= 20,
        "the fixture has {} problems",
        items.len()
    );
    for d in items {
        assert_eq!(d["lang"], lang, "{d}");
        let en = d["message"].as_str().unwrap_or("");
        let local = d["message_localized"].as_str().unwrap_or("");
        assert_ne!(en, local, "[{}] not said in {lang}: {local}", d["code"]);
        assert!(ok(local), "[{}] in {lang}: {local}", d["code"]);
        if let Some(hint) = d["hint"].as_str() {
            let local = d["hint_localized"].as_str().unwrap_or("");
            assert_ne!(hint, local, "[{}] hint not said in {lang}", d["code"]);
            assert!(ok(local), "[{}] hint in {lang}: {local}", d["code"]);
        }
    }
}

#[test]
fn russian_from_lang_every_diagnostic_and_hint() {
    let en = check(&["--format", "json"], &[]);
    let ru = check(&["--format", "json"], &[("LANG", "ru_RU.UTF-8")]);
    let (en, ru) = (json(&en), json(&ru));
    assert_eq!(
        codes(&en),
        codes(&ru),
        "the codes are the same in every language"
    );
    all_said(&ru, "ru", |t| prose(t).chars().any(is_cyrillic));

    let text = stderr(&check(&[], &[("LANG", "ru_RU.UTF-8")]));
    assert!(text.contains("предупреждение[page-stale]: "), "{text}");
    assert!(text.contains("ошибка[broken-link]: "), "{text}");
    assert!(text.contains("= подсказка: "), "{text}");
    assert!(
        !text.contains("warning[") && !text.contains("error["),
        "{text}"
    );
    assert!(!text.contains("hint:"), "{text}");
}

#[test]
fn uzbek_latin_with_lang() {
    let uz = json(&check(
        &["--format", "json", "--lang", "uz"],
        &[("LANG", "ru_RU.UTF-8")],
    ));
    let en = json(&check(&["--format", "json"], &[]));
    assert_eq!(codes(&en), codes(&uz));
    all_said(&uz, "uz", |t| {
        !prose(t).chars().any(is_cyrillic) || t.contains('«')
    });
    let text = stderr(&check(&["--lang", "uz"], &[]));
    assert!(text.contains("ogohlantirish[page-stale]: "), "{text}");
    assert!(text.contains("= maslahat: "), "{text}");
}

#[test]
fn uzbek_cyrillic_from_darslik_lang() {
    let cy = json(&check(
        &["--format", "json"],
        &[("DARSLIK_LANG", "uz-Cyrl"), ("LANG", "ru_RU.UTF-8")],
    ));
    let en = json(&check(&["--format", "json"], &[]));
    assert_eq!(codes(&en), codes(&cy));
    all_said(&cy, "uz-Cyrl", |t| prose(t).chars().any(is_cyrillic));
    let text = stderr(&check(&["--lang", "uz-Cyrl"], &[]));
    assert!(text.contains("огоҳлантириш[page-stale]: "), "{text}");
    // Commands stay as they are typed.
    assert!(text.contains("`darslik stamp --locale ru"), "{text}");
}

#[test]
fn an_unknown_lang_is_a_usage_error_and_c_means_english() {
    let o = check(&["--lang", "de"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("en, ru, uz and uz-Cyrl"),
        "{}",
        stderr(&o)
    );
    let text = stderr(&check(&[], &[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")]));
    assert!(text.contains("warning[page-stale]: "), "{text}");
}

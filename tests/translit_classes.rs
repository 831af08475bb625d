//! Uzbek transliteration accuracy per spelling class (issue 24, acceptance 1).
//!
//! Fixture: tests/fixtures/translit/classes.tsv, `latin<TAB>cyrillic<TAB>class<TAB>source`
//! (its header explains the classes and sources). Every row is converted
//! Latin -> Cyrillic, and, except the `nonstandard` rows, Cyrillic -> Latin;
//! a row is right when the whole output equals the other column. Both
//! directions are measured with the built-in exceptions and lexicon, and
//! without the lexicon (rules + built-in exceptions), so the gain of the
//! lexicon shows. Run with `cargo test --test translit_classes -- --nocapture`
//! to see the table and the failures.
//!
//! The set must stay disjoint from what the converter was built or tuned on:
//! the keys of the built-in exceptions, the words of pairs.tsv and the examples
//! of the hidden list named in issue 24 (checked below).

mod common;

use common::{canonical_1995, read_repo_file as read};
use std::collections::{BTreeMap, HashSet};

use darslik::translit::{Exceptions, Script, convert};

const CLASSES: [&str; 9] = [
    "soft-sign",
    "hard-sign",
    "ts",
    "e-word",
    "shch",
    "yo-yu-ya",
    "nonstandard",
    "uzbek",
    "legal",
];

/// Rows of this class are non-standard Latin input: Latin -> Cyrillic only.
const LATIN_ONLY: &str = "nonstandard";

/// Words named in issue 24 as examples of the hidden list (Latin, Cyrillic):
/// no row may use them or a word starting with them.
const HIDDEN_EXAMPLES: [(&str, &str); 10] = [
    ("albom", "альбом"),
    ("senyor", "сеньор"),
    ("karate", "каратэ"),
    ("sutemizuvchi", "сутэмизувчи"),
    ("kvars", "кварц"),
    ("antisiklon", "антициклон"),
    ("obshina", "община"),
    ("stajor", "стажёр"),
    ("broshura", "брошюра"),
    ("sujet", "сюжет"),
];

/// Uzbek suffixes (Latin) stripped to find a word's stems for the disjointness
/// check: case, possessive, plural, -lik, -chi, -li, -siz, -cha, -dek, -(v)iy.
const SUFFIXES: [&str; 29] = [
    "lar", "ning", "ni", "ga", "ka", "qa", "da", "ta", "dan", "tan", "dagi", "gi", "i", "si", "im",
    "ing", "imiz", "ingiz", "m", "miz", "ngiz", "lik", "chi", "li", "siz", "cha", "dek", "viy",
    "iy",
];

/// Lower-case words of a text (letters and in-word apostrophes, canonical
/// apostrophes); hyphens and spaces separate words.
fn words(text: &str) -> Vec<String> {
    let text = canonical_1995(text).to_lowercase();
    text.split(|c: char| !(c.is_alphabetic() || c == 'ʻ' || c == 'ʼ'))
        .map(|w| w.trim_matches(|c| c == 'ʻ' || c == 'ʼ'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `rest` is a chain of Uzbek suffixes (`lari` = `lar` + `i`).
fn is_suffix_chain(rest: &str) -> bool {
    if rest.is_empty() {
        return true;
    }
    SUFFIXES
        .iter()
        .any(|s| rest.strip_prefix(s).is_some_and(is_suffix_chain))
}

/// A word and every stem of at least three letters it has before a chain of
/// Uzbek suffixes.
fn stems(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![word.to_string()];
    for k in 1..chars.len() {
        let letters = chars[..k]
            .iter()
            .filter(|c| c.is_alphabetic() && !matches!(c, 'ʻ' | 'ʼ'))
            .count();
        let rest: String = chars[k..].iter().collect();
        if letters >= 3 && is_suffix_chain(&rest) {
            out.push(chars[..k].iter().collect());
        }
    }
    out
}

struct Row {
    line: usize,
    lat: String,
    cyr: String,
    class: String,
    source: String,
}

fn rows() -> Vec<Row> {
    read("tests/fixtures/translit/classes.tsv")
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 4, "classes.tsv line {}: 4 fields: {l}", i + 1);
            Row {
                line: i + 1,
                lat: f[0].to_string(),
                cyr: f[1].to_string(),
                class: f[2].to_string(),
                source: f[3].to_string(),
            }
        })
        .collect()
}

#[test]
fn classes_fixture_is_well_formed() {
    let rows = rows();
    assert!(rows.len() >= 450, "{} pairs, want at least 450", rows.len());
    let mut seen = HashSet::new();
    let mut per_class: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        assert!(
            CLASSES.contains(&r.class.as_str()),
            "line {}: unknown class {:?}",
            r.line,
            r.class
        );
        assert!(!r.source.trim().is_empty(), "line {}: no source", r.line);
        assert!(
            r.cyr
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "line {}: {} is not Cyrillic",
            r.line,
            r.cyr
        );
        assert!(
            !r.lat
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "line {}: {} has Cyrillic letters",
            r.line,
            r.lat
        );
        assert!(
            seen.insert(r.lat.clone()),
            "line {}: {} twice",
            r.line,
            r.lat
        );
        *per_class.entry(r.class.as_str()).or_default() += 1;
    }
    for c in CLASSES {
        let n = per_class.get(c).copied().unwrap_or(0);
        assert!(n >= 30, "class {c}: {n} pairs, want at least 30");
    }
}

/// Keys of the built-in exceptions: (lower-case canonical Latin, is a prefix
/// key), and their Cyrillic values.
fn exception_keys() -> (Vec<(String, bool)>, HashSet<String>) {
    let table: toml::Table =
        toml::from_str(&read("src/translit/data/exceptions.toml")).expect("exceptions.toml");
    let words = table["words"].as_table().expect("[words]");
    let mut keys = Vec::new();
    let mut values = HashSet::new();
    for (k, v) in words {
        let (k, prefix) = match k.strip_suffix('*') {
            Some(k) => (k, true),
            None => (k.as_str(), false),
        };
        keys.push((canonical_1995(k).to_lowercase(), prefix));
        if let Some(v) = v.as_str() {
            values.insert(v.to_lowercase());
        }
    }
    (keys, values)
}

#[test]
fn classes_disjoint_from_exceptions_pairs_and_hidden_examples() {
    let (keys, values) = exception_keys();
    let mut pair_lat = HashSet::new();
    let mut pair_cyr = HashSet::new();
    for l in read("tests/fixtures/translit/pairs.tsv").lines() {
        if l.starts_with('#') || l.trim().is_empty() {
            continue;
        }
        let mut f = l.split('\t');
        for w in words(f.next().unwrap_or("")) {
            pair_lat.extend(stems(&w));
        }
        for w in words(f.next().unwrap_or("")) {
            pair_cyr.insert(w);
        }
    }
    let mut overlaps = Vec::new();
    for r in rows() {
        for w in words(&r.lat) {
            let st = stems(&w);
            for (k, prefix) in &keys {
                let hit = if *prefix {
                    w.starts_with(k.as_str())
                } else {
                    w.strip_prefix(k.as_str()).is_some_and(is_suffix_chain)
                };
                if hit {
                    overlaps.push(format!(
                        "line {}: {} matches exceptions key {k}",
                        r.line, r.lat
                    ));
                }
            }
            if let Some(s) = st.iter().find(|s| pair_lat.contains(*s)) {
                overlaps.push(format!(
                    "line {}: {} ({s}) is a word or stem of pairs.tsv",
                    r.line, r.lat
                ));
            }
            for (h, _) in HIDDEN_EXAMPLES {
                if w.starts_with(h) {
                    overlaps.push(format!(
                        "line {}: {} is a hidden-list example ({h})",
                        r.line, r.lat
                    ));
                }
            }
        }
        for w in words(&r.cyr) {
            if values.contains(&w) {
                overlaps.push(format!("line {}: {} is an exceptions value", r.line, r.cyr));
            }
            if pair_cyr.contains(&w) {
                overlaps.push(format!("line {}: {} is in pairs.tsv", r.line, r.cyr));
            }
            for (_, h) in HIDDEN_EXAMPLES {
                if w.starts_with(h) {
                    overlaps.push(format!(
                        "line {}: {} is a hidden-list example ({h})",
                        r.line, r.cyr
                    ));
                }
            }
        }
    }
    assert!(
        overlaps.is_empty(),
        "classes.tsv overlaps what the converter was built on:\n{}",
        overlaps.join("\n")
    );
}

#[derive(Default)]
struct Tally {
    n: usize,
    l2c: [usize; 2],
    n_c2l: usize,
    c2l: [usize; 2],
}

fn pct(right: usize, n: usize) -> String {
    if n == 0 {
        "-".to_string()
    } else {
        format!("{:.1}", right as f64 * 100.0 / n as f64)
    }
}

#[test]
fn classes_accuracy_per_class() {
    let configs = [
        Exceptions::builtin(),
        Exceptions::builtin().without_lexicon(),
    ];
    let mut tally: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    // failures with the lexicon: (class, direction, input, got, want)
    let mut failures = Vec::new();
    let rows = rows();
    for r in &rows {
        let class = CLASSES
            .iter()
            .find(|c| **c == r.class)
            .copied()
            .unwrap_or("?");
        let t = tally.entry(class).or_default();
        t.n += 1;
        total.n += 1;
        let want_lat = canonical_1995(&r.lat);
        for (i, ex) in configs.iter().enumerate() {
            let got = convert(&r.lat, Script::Cyrl, ex);
            if got == r.cyr {
                t.l2c[i] += 1;
                total.l2c[i] += 1;
            } else if i == 0 {
                failures.push((class, "L->C", r.lat.clone(), got, r.cyr.clone()));
            }
            if r.class != LATIN_ONLY {
                let got = convert(&r.cyr, Script::Latn, ex);
                if got == want_lat {
                    t.c2l[i] += 1;
                    total.c2l[i] += 1;
                } else if i == 0 {
                    failures.push((class, "C->L", r.cyr.clone(), got, want_lat.clone()));
                }
            }
        }
        if r.class != LATIN_ONLY {
            t.n_c2l += 1;
            total.n_c2l += 1;
        }
    }

    println!();
    println!(
        "{:<12} {:>4}  {:>9} {:>9}  {:>5}  {:>9} {:>9}",
        "class", "n", "L->C lex", "L->C no", "n", "C->L lex", "C->L no"
    );
    let line = |name: &str, t: &Tally| {
        println!(
            "{:<12} {:>4}  {:>9} {:>9}  {:>5}  {:>9} {:>9}",
            name,
            t.n,
            pct(t.l2c[0], t.n),
            pct(t.l2c[1], t.n),
            t.n_c2l,
            pct(t.c2l[0], t.n_c2l),
            pct(t.c2l[1], t.n_c2l),
        );
    };
    for c in CLASSES {
        if let Some(t) = tally.get(c) {
            line(c, t);
        }
    }
    line("total", &total);
    println!("(lex: built-in exceptions + lexicon; no: Exceptions::builtin().without_lexicon())");
    println!();
    println!("failures with the lexicon ({}):", failures.len());
    for (class, dir, input, got, want) in &failures {
        println!("  {class:<11} {dir}  {input} -> {got} (want {want})");
    }

    let l2c = total.l2c[0] as f64 * 100.0 / total.n.max(1) as f64;
    let c2l = total.c2l[0] as f64 * 100.0 / total.n_c2l.max(1) as f64;
    // Measured with the lexicon: 98.4 % and 100 % (without it 75.6 % and
    // 100 %). The targets on the hidden list are 95 % and 98 %.
    assert!(l2c >= 97.5, "Latin -> Cyrillic {l2c:.1} %");
    assert!(c2l >= 99.5, "Cyrillic -> Latin {c2l:.1} %");
    // No class may fall far behind the others.
    for c in CLASSES {
        if let Some(t) = tally.get(c) {
            let p = t.l2c[0] as f64 * 100.0 / t.n.max(1) as f64;
            assert!(p >= 93.0, "{c}: Latin -> Cyrillic {p:.1} %");
        }
    }
    // The lexicon is what makes the difference.
    assert!(total.l2c[0] > total.l2c[1] + total.n / 10);
}

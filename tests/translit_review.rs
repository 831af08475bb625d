//! `darslik translit --review` and the guessed-word count of `darslik check`
//! on the sample course (the repository root), before and after the lexicon.

use std::path::{Path, PathBuf};
use std::process::Command;

use darslik::translit::{Exceptions, Kind, counts, guesses};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn uz_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new(root().join("content/uz"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    pages
}

fn run(args: &[&str], dir: &Path) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_darslik"))
        .args(args)
        .current_dir(dir)
        .env("DARSLIK_LANG", "en")
        .output()
        .expect("darslik runs");
    assert!(out.status.success(), "{args:?}: {out:?}");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_lexicon_leaves_few_guesses_in_the_sample_course() {
    let with = Exceptions::builtin();
    let without = Exceptions::builtin().without_lexicon();
    let (mut words, mut before, mut after) = (0, 0, 0);
    let mut distinct = [
        std::collections::BTreeSet::new(),
        std::collections::BTreeSet::new(),
    ];
    for p in uz_pages() {
        let text = std::fs::read_to_string(&p).expect("page reads");
        for (i, ex) in [&without, &with].into_iter().enumerate() {
            for g in guesses(&text, Kind::Markdown, ex) {
                distinct[i].insert(g.word.to_lowercase());
            }
        }
        let a = counts(&text, Kind::Markdown, &with);
        let b = counts(&text, Kind::Markdown, &without);
        words += a.words;
        after += a.guessed;
        before += b.guessed;
    }
    println!(
        "sample course uz pages: {words} words; guessed without the lexicon {before} ({} distinct), with it {after} ({} distinct)",
        distinct[0].len(),
        distinct[1].len()
    );
    assert!(words > 5_000, "{words}");
    assert!(
        after * 5 < before,
        "the lexicon should settle most guesses: {before} -> {after}"
    );
}

#[test]
fn review_lists_each_guess_with_its_place_and_a_block_to_confirm() {
    let (out, _) = run(&["translit", "--review", "content/uz"], &root());
    let places: Vec<&str> = out.lines().filter(|l| l.contains(" → ")).collect();
    assert!(!places.is_empty(), "{out}");
    // file:line:column: word → reading, and the place really holds the word
    for line in &places {
        let (place, rest) = line.split_once(": ").expect("place: word → reading");
        let (word, _) = rest.split_once(" → ").expect("word → reading");
        let mut parts = place.rsplitn(3, ':');
        let col: usize = parts.next().and_then(|c| c.parse().ok()).expect("column");
        let ln: usize = parts.next().and_then(|c| c.parse().ok()).expect("line");
        let file = parts.next().expect("file");
        let text = std::fs::read_to_string(root().join(file)).expect("file reads");
        let at: String = text
            .lines()
            .nth(ln - 1)
            .expect("line exists")
            .chars()
            .skip(col - 1)
            .take(word.chars().count())
            .collect();
        assert_eq!(at, word, "{line}");
    }
    let summary = out
        .lines()
        .find(|l| l.starts_with("# ") && l.contains("guessed"))
        .expect("summary");
    assert!(
        summary.contains(&format!("({} times)", places.len())),
        "{summary}"
    );
    // the block to paste is TOML the exception list reads
    let block = &out[out.find("[words]").expect("a [words] block")..];
    let ex = Exceptions::builtin().with_course_toml(block);
    assert!(ex.is_ok(), "{block}");
}

#[test]
fn check_counts_the_guesses_of_the_generated_locale() {
    let (_, err) = run(&["check"], &root());
    assert!(
        err.lines()
            .any(|l| l.starts_with("uz-Cyrl: ") && l.contains("translit --review content/uz")),
        "{err}"
    );
    let (json, _) = run(&["check", "--format", "json"], &root());
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let t = &v["translit"][0];
    assert_eq!(t["locale"], "uz-Cyrl");
    assert_eq!(t["from"], "uz");
    assert!(t["guessed"].as_u64() < t["words"].as_u64());
}

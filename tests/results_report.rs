//! `darslik results report` (SPEC §9, issue 21): the class report from a
//! register made by `darslik results add`.
//!
//! - hostile learner text (names, organisations, answers) is escaped in the
//!   HTML and defused in records.csv;
//! - the figures of a small hand-made class, checked one by one;
//! - 200 files of `tests/results/gen.py` → add → report, and
//!   `tests/results/recompute.py` recomputes every figure from the files
//!   (when python3 is there);
//! - `--format xapi`, refusals (no register, unknown locale), and `--out`
//!   keeping what was there.
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

const COURSE: &str = "tip-uz";

fn darslik(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_darslik"))
        .env("DARSLIK_LANG", "en")
        .args(args)
        .output()
        .expect("run darslik")
}

fn text(o: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A learner making statements, as the "My results" page would.
struct Learner {
    id: String,
    name: String,
    organisation: String,
    region: String,
    locale: String,
    statements: Vec<Value>,
    clock: u32,
}

impl Learner {
    fn new(n: u32, name: &str, organisation: &str, region: &str, locale: &str) -> Learner {
        Learner {
            id: format!("00000000-0000-4000-8000-{n:012}"),
            name: name.into(),
            organisation: organisation.into(),
            region: region.into(),
            locale: locale.into(),
            statements: Vec::new(),
            clock: 0,
        }
    }

    fn next_stamp(&mut self) -> String {
        self.clock += 1;
        format!(
            "2026-11-02T{:02}:{:02}:00.000Z",
            8 + self.clock / 60,
            self.clock % 60
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        verb: &str,
        object: &str,
        kind: &str,
        name: &str,
        result: Option<Value>,
        ext: Value,
        extra: Value,
    ) {
        let id = format!(
            "{:08x}-0000-4000-8000-{:012}",
            self.statements.len() + 1,
            self.id[24..].parse::<u64>().unwrap_or(0)
        );
        let mut definition = json!({
            "type": format!("http://adlnet.gov/expapi/activities/{kind}"),
            "name": {self.locale.clone(): name},
        });
        if let (Some(d), Some(e)) = (definition.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                d.insert(k.clone(), v.clone());
            }
        }
        let mut extensions = json!({"urn:darslik:version": "1.0.0"});
        if let (Some(d), Some(e)) = (extensions.as_object_mut(), ext.as_object()) {
            for (k, v) in e {
                d.insert(k.clone(), v.clone());
            }
        }
        let parent = object.split('/').next().unwrap_or("").to_string();
        let mut s = json!({
            "id": id,
            "actor": {"objectType": "Agent", "name": self.name,
                      "account": {"homePage": "urn:darslik:learner", "name": self.id}},
            "verb": {"id": format!("http://adlnet.gov/expapi/verbs/{verb}"), "display": {"en-US": verb}},
            "object": {"objectType": "Activity", "id": format!("urn:darslik:{COURSE}/{object}"),
                       "definition": definition},
            "context": {"language": self.locale,
                        "contextActivities": {"grouping": [{"id": format!("urn:darslik:{COURSE}")}],
                                              "parent": [{"id": format!("urn:darslik:{COURSE}/{parent}")}]},
                        "extensions": extensions},
            "timestamp": self.next_stamp(),
        });
        if let Some(r) = result {
            s["result"] = r;
        }
        self.statements.push(s);
    }

    fn test(&mut self, page: &str, test: &str, attempt: u32, raw: f64) {
        self.push(
            "completed",
            page,
            "assessment",
            "Test",
            Some(json!({"score": {"scaled": raw / 100.0, "raw": raw, "min": 0, "max": 100}, "completion": true})),
            json!({"urn:darslik:test": test, "urn:darslik:attempt": attempt}),
            json!({}),
        );
    }

    fn choice(&mut self, qid: &str, response: &str, success: bool) {
        self.push(
            "answered",
            qid,
            "cmi.interaction",
            "Which element is not required when the victim is a child?",
            Some(json!({"response": response, "success": success})),
            json!({"urn:darslik:test": "practice"}),
            json!({"interactionType": "choice", "choices": [
                {"id": "a", "description": {self.locale.clone(): "The act"}},
                {"id": "b", "description": {self.locale.clone(): "The means"}},
                {"id": "c", "description": {self.locale.clone(): "The purpose <of> exploitation"}}]}),
        );
    }

    fn status(&mut self, module: &str, verb: &str, raw: Option<f64>, seen: i64, pages: i64) {
        let mut result = json!({"completion": seen == pages,
            "extensions": {"urn:darslik:pages-seen": seen, "urn:darslik:pages": pages}});
        if let Some(raw) = raw {
            result["success"] = json!(verb == "passed");
            result["score"] = json!({"scaled": raw / 100.0, "raw": raw, "min": 0, "max": 100});
        }
        self.push(
            verb,
            module,
            "module",
            "Module 6: Defining the concept",
            Some(result),
            json!({}),
            json!({}),
        );
    }

    fn save(&self, dir: &Path, file: &str) -> PathBuf {
        let data = json!({
            "darslik": "results", "format": 1,
            "course": {"id": COURSE, "version": "1.0.0", "title": "Trafficking in persons",
                       "modules": [{"id": "module-06", "title": "Module 6: Defining the concept", "pages": 6, "mastery": 70},
                                   {"id": "module-07", "title": "Module 7: Criminal justice", "pages": 7, "mastery": 70}]},
            "learner": {"id": self.id, "name": self.name, "organisation": self.organisation,
                        "region": self.region, "locale": self.locale},
            "saved": "2026-11-02T12:00:00.000Z",
            "statements": self.statements,
        });
        let path = dir.join(file);
        std::fs::write(&path, serde_json::to_string(&data).expect("json")).expect("write");
        path
    }
}

fn add(db: &Path, files: &[PathBuf]) {
    let mut args = vec![
        "results".to_string(),
        "add".into(),
        "--quiet".into(),
        "--db".into(),
        db.display().to_string(),
    ];
    args.extend(files.iter().map(|f| f.display().to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = darslik(&refs);
    assert!(o.status.success(), "add: {}", text(&o));
}

fn report(db: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "results",
        "report",
        "--db",
        db.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(extra);
    darslik(&args)
}

/// The hand-made class: two learners, one hostile.
fn class(dir: &Path) -> PathBuf {
    let mut a = Learner::new(
        1,
        "<script>alert('name')</script>",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+998 Toshkent",
        "en",
    );
    a.test("module-06/00-pre-test.md", "pre-test", 1, 25.0);
    a.choice("module-06/03-trafficking-and-smuggling/1", "a", false);
    a.choice("module-06/03-trafficking-and-smuggling/1", "b", true);
    a.test("module-06/09-post-test.md", "post-test", 1, 50.0);
    a.test("module-06/09-post-test.md", "post-test", 2, 75.0);
    a.status("module-06", "failed", Some(50.0), 5, 6);
    a.status("module-06", "passed", Some(75.0), 6, 6);
    a.push(
        "answered",
        "module-06/09-post-test/6",
        "cmi.interaction",
        "Give the age",
        Some(json!({"response": "<img src=x onerror=alert(1)>", "success": false})),
        json!({"urn:darslik:test": "post-test", "urn:darslik:attempt": 1}),
        json!({"interactionType": "fill-in"}),
    );
    let mut b = Learner::new(
        2,
        "Лола Ахмедова",
        "Прокуратура, отдел «А»",
        "Samarqand",
        "ru",
    );
    b.choice("module-06/03-trafficking-and-smuggling/1", "a", false);
    b.test("module-06/00-pre-test.md", "pre-test", 1, 50.0);
    b.test("module-06/09-post-test.md", "post-test", 1, 100.0);
    b.status("module-06", "passed", Some(100.0), 6, 6);
    b.status("module-07", "progressed", None, 2, 7);
    let files = vec![a.save(dir, "a.json"), b.save(dir, "b.json")];
    let db = dir.join("records.sqlite");
    add(&db, &files);
    db
}

/// The text of `<td data-col=COL …>` in the row `data-key=KEY` of `data-table=TABLE`.
fn cell(html: &str, table: &str, key: &str, col: &str) -> Option<String> {
    let t = html.find(&format!("data-table=\"{table}\""))?;
    let rest = &html[t..];
    let end = rest.find("</table>")?;
    let rest = &rest[..end];
    let r = rest.find(&format!("data-key=\"{key}\""))?;
    let row = &rest[r..];
    let row = &row[..row.find("</tr>")?];
    let c = row.find(&format!("data-col=\"{col}\" data-value=\""))?;
    let v = &row[c + format!("data-col=\"{col}\" data-value=\"").len()..];
    Some(v[..v.find('"')?].to_string())
}

#[test]
fn hostile_text_is_escaped_and_the_csv_defused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = class(dir.path());
    let out = dir.path().join("report");
    let o = report(&db, &out, &[]);
    assert!(o.status.success(), "{}", text(&o));
    for l in ["en", "ru", "uz", "uz-Cyrl"] {
        let html = std::fs::read_to_string(out.join(format!("report-{l}.html"))).expect("html");
        assert!(!html.contains("<script"), "report-{l}.html has a script");
        assert!(
            !html.contains("<img"),
            "report-{l}.html has the learner's <img>"
        );
        assert!(
            html.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"),
            "report-{l}.html: the name is not shown escaped"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "report-{l}.html: the answer is not shown escaped"
        );
        assert!(html.contains(&format!("<html lang=\"{l}\">")));
    }
    let csv = std::fs::read(out.join("records.csv")).expect("csv");
    assert!(csv.starts_with(b"\xef\xbb\xbf"), "no BOM");
    let csv = String::from_utf8(csv).expect("utf-8");
    assert!(
        !csv.replace("\r\n", "").contains('\n'),
        "a line end without CR"
    );
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","),
        "the formula is not defused: {csv}"
    );
    assert!(csv.contains(",'+998 Toshkent,"), "{csv}");
    assert!(
        csv.contains(",Лола Ахмедова,\"Прокуратура, отдел «А»\",Samarqand,ru,"),
        "{csv}"
    );
    let header = csv.lines().next().expect("header");
    assert_eq!(
        header.trim_start_matches('\u{feff}'),
        "learner_id,name,organisation,region,locale,module,module_title,pages_seen,pages,\
         completed,best_score,pre_test,post_test,passed,last_activity"
    );
    // 2 learners × 2 modules, plus the header.
    assert_eq!(csv.lines().count(), 5, "{csv}");
}

#[test]
fn the_figures_of_a_small_class() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = class(dir.path());
    let out = dir.path().join("report");
    let o = report(&db, &out, &["--locale", "en", "-q"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(o.stdout.is_empty(), "--quiet prints nothing: {}", text(&o));
    assert!(!out.join("report-ru.html").exists(), "only --locale en");
    let html = std::fs::read_to_string(out.join("report-en.html")).expect("html");
    let a = "00000000-0000-4000-8000-000000000001";
    let b = "00000000-0000-4000-8000-000000000002";
    let get =
        |t: &str, k: &str, c: &str| cell(&html, t, k, c).unwrap_or_else(|| panic!("{t} {k} {c}"));
    assert_eq!(get("summary", "learners", "value"), "2");
    assert_eq!(get("summary", "files", "value"), "2");
    // The latest module status wins: a passed module-06 with 75 after failing with 50.
    assert_eq!(get("learners", a, "module-06|status"), "passed");
    assert_eq!(get("learners", a, "module-06|best"), "75");
    assert_eq!(get("learners", a, "module-06|pages-seen"), "6");
    assert_eq!(get("learners", b, "module-07|status"), "progressed");
    assert_eq!(get("learners", a, "module-07|status"), "not-started");
    assert_eq!(get("completion", "module-06", "passed"), "2");
    assert_eq!(get("completion", "module-07", "not-started"), "1");
    // Pre 25 → best post 75; pre 50 → post 100.
    assert_eq!(
        get("learner-tests", &format!("{a}|module-06"), "gain"),
        "50"
    );
    assert_eq!(get("organisations", "Прокуратура, отдел «А»", "pre"), "50");
    assert_eq!(get("regions", "Samarqand", "post"), "100");
    // Scores 75 and 100: bins 70–79 and 90–100.
    assert_eq!(get("distribution", "7", "count"), "1");
    assert_eq!(get("distribution", "9", "count"), "1");
    // First answers: a wrong ("a") for both learners, then a's right one does not count.
    let q = "module-06/03-trafficking-and-smuggling/1";
    assert_eq!(get("questions", q, "answered-by"), "2");
    assert_eq!(get("questions", q, "right"), "0");
    assert_eq!(get("questions", q, "share-right"), "0");
    assert_eq!(get("questions", q, "wrong"), "a");
    assert_eq!(get("questions", q, "wrong-count"), "2");
    assert!(
        html.contains(">The act</td>"),
        "the wrong answer's text is shown"
    );
}

#[test]
fn xapi_writes_every_statement_once_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = class(dir.path());
    let out = dir.path().join("lrs");
    let o = report(&db, &out, &["--format", "xapi"]);
    assert!(o.status.success(), "{}", text(&o));
    let all: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("statements.json")).expect("json"))
            .expect("a JSON array");
    assert_eq!(all.len(), 13);
    let keys: Vec<(String, String)> = all
        .iter()
        .map(|s| {
            (
                s["timestamp"].as_str().unwrap_or("").into(),
                s["id"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "ordered by timestamp, then id");
    assert!(!out.join("records.csv").exists());
}

#[test]
fn refusals_name_what_is_wrong() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report");
    let missing = dir.path().join("nothing.sqlite");
    let o = report(&missing, &out, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("nothing.sqlite"),
        "{}",
        text(&o)
    );
    assert!(!missing.exists(), "a missing register is not made");
    assert!(!out.exists(), "nothing written");

    let db = class(dir.path());
    let o = report(&db, &out, &["--locale", "fr"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("fr"),
        "{}",
        text(&o)
    );
}

#[test]
fn out_keeps_what_was_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = class(dir.path());
    let out = dir.path().join("report");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("notes.txt"), "mine").expect("write");
    let o = report(&db, &out, &["-q"]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).expect("kept"),
        "mine"
    );
    let names: Vec<String> = std::fs::read_dir(&out)
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp-")), "{names:?}");
}

#[test]
fn an_empty_register_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("records.sqlite");
    darslik_results_db_open(&db);
    let out = dir.path().join("report");
    let o = report(&db, &out, &["-q", "--locale", "ru"]);
    assert!(o.status.success(), "{}", text(&o));
    let html = std::fs::read_to_string(out.join("report-ru.html")).expect("html");
    assert!(html.contains("В реестре пока нет результатов"), "{html}");
}

fn darslik_results_db_open(db: &Path) {
    darslik::results::db::open(db).expect("a new register");
}

/// 200 generated files → add → report, then every figure recomputed in Python.
#[test]
fn generated_class_figures_equal_a_recomputation() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 is not installed: the recomputation is skipped");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("files");
    let o = Command::new("python3")
        .arg(repo().join("tests/results/gen.py"))
        .arg("--out")
        .arg(&files)
        .output()
        .expect("gen.py");
    assert!(o.status.success(), "gen.py: {}", text(&o));
    let mut list: Vec<PathBuf> = std::fs::read_dir(&files)
        .expect("files")
        .map(|e| e.expect("entry").path())
        .collect();
    list.sort();
    assert_eq!(list.len(), 200);
    let db = dir.path().join("records.sqlite");
    add(&db, &list);
    let out = dir.path().join("report");
    let o = report(&db, &out, &["-q"]);
    assert!(o.status.success(), "{}", text(&o));
    let o = Command::new("python3")
        .arg(repo().join("tests/results/recompute.py"))
        .arg(&files)
        .arg(&out)
        .output()
        .expect("recompute.py");
    assert!(o.status.success(), "recompute.py: {}", text(&o));
    eprintln!("{}", String::from_utf8_lossy(&o.stdout).trim());

    // recompute.py notices a wrong figure.
    let path = out.join("report-uz.html");
    let html = std::fs::read_to_string(&path).expect("html");
    let at = html
        .find("data-col=\"right\" data-value=\"")
        .expect("a right cell");
    let mut changed = html.clone();
    changed.insert(at + "data-col=\"right\" data-value=\"".len(), '9');
    std::fs::write(&path, changed).expect("write");
    let o = Command::new("python3")
        .arg(repo().join("tests/results/recompute.py"))
        .arg(&files)
        .arg(&out)
        .output()
        .expect("recompute.py");
    assert_eq!(
        o.status.code(),
        Some(1),
        "a changed figure must be found: {}",
        text(&o)
    );
}

//! `darslik results keygen | certificates | verify` (SPEC §9, issue 21
//! acceptance 4): a register made with SQL, a key pair, one certificate per
//! learner and module passed, in the learner's language; `verify` says
//! valid for a good code or file and invalid for a changed name or score,
//! another key or a damaged code; hostile names stay inside `--out` and
//! never become markup.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn darslik(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_darslik"))
        .env("DARSLIK_LANG", "en")
        .args(args)
        .output()
        .expect("run darslik")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

const SCHEMA: &str = "
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE course (id TEXT PRIMARY KEY);
CREATE TABLE versions (version TEXT PRIMARY KEY, title TEXT NOT NULL, modules TEXT NOT NULL);
CREATE TABLE learners (id TEXT PRIMARY KEY, name TEXT NOT NULL, organisation TEXT NOT NULL,
                       region TEXT NOT NULL, locale TEXT NOT NULL, saved TEXT NOT NULL);
CREATE TABLE imports (sha256 TEXT PRIMARY KEY, file TEXT NOT NULL, learner TEXT NOT NULL,
                      added INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE statements (
  id TEXT PRIMARY KEY, learner TEXT NOT NULL REFERENCES learners(id),
  version TEXT NOT NULL, verb TEXT NOT NULL, kind TEXT NOT NULL, object TEXT NOT NULL,
  module TEXT, test TEXT, attempt INTEGER, score REAL, success INTEGER, completion INTEGER,
  response TEXT, pages_seen INTEGER, pages INTEGER, locale TEXT NOT NULL, timestamp TEXT NOT NULL,
  json TEXT NOT NULL);
CREATE TABLE activities (id TEXT NOT NULL, locale TEXT NOT NULL, name TEXT NOT NULL,
                         definition TEXT NOT NULL, PRIMARY KEY (id, locale));
";

const LONG_NAME: &str = "Maximilian Alexander Konstantinopolous-Vanderbilt-Rahmonberdiyev \
                         Oʻgʻiljon Abdurahmonovich Sayfiddinov-Toshkentlik";

/// (id, name, organisation, locale, [(module, verb, score, timestamp)])
type Learner<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a [(&'a str, &'a str, Option<f64>, &'a str)],
);

const LEARNERS: &[Learner] = &[
    (
        "a1b2c3d4-0000-4000-8000-000000000001",
        "Ann Lee",
        "Regional Police Academy",
        "en",
        &[
            (
                "module-06",
                "failed",
                Some(40.0),
                "2026-12-04T09:00:00.000Z",
            ),
            (
                "module-06",
                "passed",
                Some(87.5),
                "2026-12-05T10:11:12.345Z",
            ),
        ],
    ),
    (
        "b1b2c3d4-0000-4000-8000-000000000002",
        "Дилноза Каримова",
        "Академия МВД «Восток»",
        "ru",
        &[
            (
                "module-06",
                "passed",
                Some(90.0),
                "2026-12-05T11:00:00.000Z",
            ),
            // Passed once, then a new status that is not passed: no certificate.
            (
                "module-07",
                "passed",
                Some(80.0),
                "2026-12-05T11:10:00.000Z",
            ),
            (
                "module-07",
                "failed",
                Some(50.0),
                "2026-12-05T12:00:00.000Z",
            ),
        ],
    ),
    (
        "c1b2c3d4-0000-4000-8000-000000000003",
        "Oʻgʻiloy Tursunova",
        "Ichki ishlar akademiyasi",
        "uz",
        &[(
            "module-06",
            "passed",
            Some(100.0),
            "2026-12-06T08:00:00.000Z",
        )],
    ),
    (
        "d1b2c3d4-0000-4000-8000-000000000004",
        "Шаҳноза Алиева",
        "Ички ишлар академияси",
        "uz-Cyrl",
        &[(
            "module-06",
            "passed",
            Some(75.0),
            "2026-12-06T09:00:00.000Z",
        )],
    ),
    (
        "e1b2c3d4-0000-4000-8000-000000000005",
        "../../x",
        "<b>bold</b> & co",
        "de",
        &[(
            "module-06",
            "passed",
            Some(70.0),
            "2026-12-06T10:00:00.000Z",
        )],
    ),
    (
        "../../../evil-learner-id",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "en",
        &[(
            "module-06",
            "passed",
            Some(71.0),
            "2026-12-06T10:30:00.000Z",
        )],
    ),
    (
        "f1b2c3d4-0000-4000-8000-000000000007",
        LONG_NAME,
        "Oʻzbekiston Respublikasi Ichki ishlar vazirligi huzuridagi Jinoyatchilikka qarshi kurashish boʻyicha malaka oshirish markazi",
        "uz",
        &[(
            "module-06",
            "passed",
            Some(99.0),
            "2026-12-07T10:00:00.000Z",
        )],
    ),
    (
        "0000aaaa-0000-4000-8000-000000000008",
        "Not Yet",
        "Somewhere",
        "en",
        &[("module-06", "progressed", None, "2026-12-07T10:00:00.000Z")],
    ),
];

/// A register as `darslik results add` makes it (contract §2), by SQL.
fn register(dir: &Path) -> PathBuf {
    let db = dir.join("records.sqlite");
    let conn = rusqlite::Connection::open(&db).expect("db");
    conn.execute_batch("PRAGMA journal_mode=WAL;").expect("wal");
    conn.execute_batch(SCHEMA).expect("schema");
    conn.execute("INSERT INTO course VALUES ('tip-uz')", [])
        .expect("course");
    conn.execute(
        "INSERT INTO versions VALUES ('1.0.0', ?1, ?2)",
        [
            "Identifying victims of human trafficking",
            r#"[{"id":"module-06","title":"Interviewing a possible victim","pages":6,"mastery":70},
                {"id":"module-07","title":"Investigation","pages":5,"mastery":70}]"#,
        ],
    )
    .expect("versions");
    conn.execute(
        "INSERT INTO activities VALUES ('module-06', 'ru', 'Беседа с возможной жертвой', '{}')",
        [],
    )
    .expect("activity");
    let mut n = 0;
    for (id, name, org, locale, statuses) in LEARNERS {
        conn.execute(
            "INSERT INTO learners VALUES (?1, ?2, ?3, 'Tashkent', ?4, '2026-12-07T12:00:00Z')",
            [id, name, org, locale],
        )
        .expect("learner");
        for (module, verb, score, ts) in *statuses {
            n += 1;
            conn.execute(
                "INSERT INTO statements (id, learner, version, verb, kind, object, module, score, \
                 success, completion, pages_seen, pages, locale, timestamp, json) \
                 VALUES (?1, ?2, '1.0.0', ?3, 'module', ?4, ?4, ?5, ?6, 1, 6, 6, ?7, ?8, '{}')",
                rusqlite::params![
                    format!("00000000-0000-4000-8000-{n:012}"),
                    id,
                    verb,
                    module,
                    score,
                    (*verb == "passed") as i64,
                    locale,
                    ts
                ],
            )
            .expect("statement");
        }
    }
    db
}

struct Setup {
    dir: tempfile::TempDir,
    db: PathBuf,
    key: PathBuf,
    public: PathBuf,
    out: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = register(dir.path());
    let o = darslik(&[
        "results",
        "keygen",
        "--out",
        &s(&dir.path().join("academy")),
    ]);
    assert!(o.status.success(), "keygen: {}", err(&o));
    let out = dir.path().join("deep/inside/certs");
    let key = dir.path().join("academy.key");
    // Who signs, written into the key file as keygen says.
    let text = std::fs::read_to_string(&key).expect("key");
    assert!(text.contains("\nsigner: \n"), "{text}");
    std::fs::write(
        &key,
        text.replace("\nsigner: \n", "\nsigner: Training Centre <b>&</b> Co\n"),
    )
    .expect("key");
    let public = dir.path().join("academy.pub");
    let o = certificates(&s(&db), &s(&key), &s(&out), &[]);
    assert!(
        o.status.success(),
        "certificates: {}\n{}",
        out_str(&o),
        err(&o)
    );
    Setup {
        dir,
        db,
        key,
        public,
        out,
    }
}

fn out_str(o: &Output) -> String {
    out(o)
}

fn certs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("out")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "index.html"))
        .collect();
    v.sort();
    v
}

fn find(certs: &[PathBuf], learner_id8: &str) -> PathBuf {
    certs
        .iter()
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains(learner_id8)
        })
        .unwrap_or_else(|| panic!("no certificate of {learner_id8} in {certs:?}"))
        .clone()
}

/// `darslik results certificates --db DB --key KEY --out OUT EXTRA...`.
fn certificates(db: &str, key: &str, out: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "results",
        "certificates",
        "--db",
        db,
        "--key",
        key,
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    darslik(&args)
}

fn verify(arg: &str, public: &Path) -> Output {
    darslik(&["results", "verify", arg, "--pubkey", &s(public)])
}

fn data_code(html: &str) -> String {
    let at = html.find("data-code=\"").expect("data-code") + "data-code=\"".len();
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

#[test]
fn keygen_writes_a_private_key_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().join("academy");
    let o = darslik(&["results", "keygen", "--out", &s(&name)]);
    assert!(o.status.success(), "{}", err(&o));
    let key = std::fs::read_to_string(dir.path().join("academy.key")).unwrap();
    let public = std::fs::read_to_string(dir.path().join("academy.pub")).unwrap();
    assert!(
        key.starts_with("darslik certificate signing key (Ed25519, secret)"),
        "{key}"
    );
    assert!(
        public.starts_with("darslik certificate public key (Ed25519)"),
        "{public}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("academy.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Again: refused, both files untouched.
    let o = darslik(&["results", "keygen", "--out", &s(&name)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("already there"), "{}", err(&o));
    assert!(err(&o).contains("academy.key"), "{}", err(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("academy.key")).unwrap(),
        key
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("academy.pub")).unwrap(),
        public
    );
    // Only the .pub there: still refused, and no .key appears.
    std::fs::remove_file(dir.path().join("academy.key")).unwrap();
    let o = darslik(&["results", "keygen", "--out", &s(&name)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(!dir.path().join("academy.key").exists());
    // A folder that is not there is named.
    let o = darslik(&["results", "keygen", "--out", &s(&dir.path().join("nope/k"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("no such folder"), "{}", err(&o));
}

#[test]
fn one_certificate_per_learner_and_module_passed() {
    let t = setup();
    let list = certs(&t.out);
    // 7 passed module-06; module-07's latest status is failed; "Not Yet" progressed.
    assert_eq!(list.len(), 7, "{list:?}");
    // Nothing was written outside --out.
    let mut top: Vec<String> = std::fs::read_dir(t.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("records.sqlite"))
        .collect();
    top.sort();
    assert_eq!(top, ["academy.key", "academy.pub", "deep"]);
    let index = std::fs::read_to_string(t.out.join("index.html")).unwrap();
    // The index links every certificate (hrefs percent-encoded).
    let mut linked: Vec<String> = index
        .split("<a href=\"")
        .skip(1)
        .map(|h| {
            let raw = &h[..h.find('"').unwrap()];
            percent_encoding::percent_decode_str(raw)
                .decode_utf8()
                .unwrap()
                .into_owned()
        })
        .collect();
    linked.sort();
    let mut names: Vec<String> = list
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(linked, names);
    for name in &names {
        assert!(name.ends_with("-module-06.html"), "{name}");
        assert!(!name.starts_with('.'), "{name}");
    }
    assert!(find(&list, "a1b2c3d4").ends_with("Ann-Lee-a1b2c3d4-module-06.html"));
    assert!(find(&list, "e1b2c3d4").ends_with("x-e1b2c3d4-module-06.html"));
    // The hostile id keeps to the folder too.
    assert!(
        list.iter().any(|p| p
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("script-alert(1)-script-learner-module-06")),
        "{list:?}"
    );

    // Every page: self-contained, A4, no script, no markup from names.
    for p in &list {
        let html = std::fs::read_to_string(p).unwrap();
        assert!(html.contains("@page { size: A4;"), "{p:?}");
        assert!(!html.contains("<script"), "{p:?}");
        assert!(!html.contains("<img"), "{p:?}");
        assert!(!html.contains("<b>"), "{p:?}");
        assert!(!html.contains(" src=\""), "{p:?}");
        assert!(!html.contains("<link"), "{p:?}");
        assert!(!html.contains("url("), "{p:?}");
        assert!(html.contains("<svg class=\"qr\""), "{p:?}");
        assert!(!html.contains("<?xml"), "{p:?}");
    }
    assert!(!index.contains("<script"));
    let hostile = std::fs::read_to_string(find(&list, "script-alert")).unwrap();
    assert!(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(hostile.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));

    // Languages: the learner's locale; de falls back to English.
    let ann = std::fs::read_to_string(find(&list, "a1b2c3d4")).unwrap();
    assert!(ann.contains("<html lang=\"en\">"));
    assert!(ann.contains("This is to certify that"));
    assert!(ann.contains("Interviewing a possible victim"));
    assert!(ann.contains("Identifying victims of human trafficking"));
    assert!(ann.contains("Regional Police Academy"));
    assert!(ann.contains(">5 December 2026<"));
    assert!(ann.contains(">87.5%<"));
    assert!(ann.contains("Signed digitally by Training Centre &lt;b&gt;&amp;&lt;/b&gt; Co"));
    let ru = std::fs::read_to_string(find(&list, "b1b2c3d4")).unwrap();
    assert!(ru.contains("<html lang=\"ru\">"));
    assert!(ru.contains("Сертификат"));
    assert!(
        ru.contains("«Беседа с возможной жертвой»"),
        "module title in Russian"
    );
    assert!(ru.contains("5 декабря 2026\u{a0}г."));
    assert!(ru.contains("Академия МВД «Восток»"));
    assert!(ru.contains("Подписано электронной подписью: Training Centre"));
    let uz = std::fs::read_to_string(find(&list, "c1b2c3d4")).unwrap();
    assert!(uz.contains("<html lang=\"uz\">"));
    assert!(uz.contains("2026-yil 6-dekabr"));
    assert!(uz.contains("oʻquv modulini tamomlaganlik toʻgʻrisida"));
    let cyrl = std::fs::read_to_string(find(&list, "d1b2c3d4")).unwrap();
    assert!(cyrl.contains("<html lang=\"uz-Cyrl\">"));
    assert!(cyrl.contains("ўқув модулини"), "Uzbek Cyrillic by translit");
    assert!(cyrl.contains("2026 йил 6 декабрь"));
    let de = std::fs::read_to_string(find(&list, "e1b2c3d4")).unwrap();
    assert!(de.contains("<html lang=\"en\">"));

    // What was printed.
    let o = certificates(
        &s(&t.db),
        &s(&t.key),
        &s(&t.out),
        &["--module", "module-07"],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).contains(
            "0 certificates for 0 learners who passed (of 8 in the register), module module-07"
        ),
        "{}",
        out(&o)
    );
    let o = certificates(&s(&t.db), &s(&t.key), &s(&t.out), &[]);
    assert!(
        out(&o).contains("7 certificates for 7 learners who passed (of 8 in the register)"),
        "{}",
        out(&o)
    );
    // Signing is deterministic: the same pages again.
    assert_eq!(
        std::fs::read_to_string(find(&list, "a1b2c3d4")).unwrap(),
        ann
    );
}

#[test]
fn verify_good_changed_other_key_damaged() {
    let t = setup();
    let list = certs(&t.out);

    // Every certificate as a file: valid, and says what was signed.
    for p in &list {
        let o = verify(&s(p), &t.public);
        assert_eq!(o.status.code(), Some(0), "{p:?}: {}{}", out(&o), err(&o));
        assert!(
            out(&o).starts_with("valid: tip-uz, 1.0.0, module-06, "),
            "{}",
            out(&o)
        );
    }
    let ann_path = find(&list, "a1b2c3d4");
    let ann = std::fs::read_to_string(&ann_path).unwrap();
    let o = verify(&s(&ann_path), &t.public);
    assert_eq!(
        out(&o),
        "valid: tip-uz, 1.0.0, module-06, Ann Lee, 2026-12-05, 87.5%\n"
    );
    let ru_path = find(&list, "b1b2c3d4");
    let o = verify(&s(&ru_path), &t.public);
    assert_eq!(
        out(&o),
        "valid: tip-uz, 1.0.0, module-06, Дилноза Каримова, 2026-12-05, 90%\n"
    );

    // The code as typed from paper: groups, dashes, lower case.
    let code = data_code(&ann);
    println!("code length: {} characters", code.len());
    assert!(code.len() < 200, "{}", code.len());
    let typed = code
        .as_bytes()
        .chunks(5)
        .map(|c| std::str::from_utf8(c).unwrap().to_lowercase())
        .collect::<Vec<_>>()
        .join("-");
    let o = verify(&typed, &t.public);
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let o = verify(
        &format!(
            "  {}  ",
            code.as_bytes()
                .chunks(4)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join(" ")
        ),
        &t.public,
    );
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));

    let changed = |from: &str, to: &str, all: bool| -> PathBuf {
        let html = if all {
            ann.replace(from, to)
        } else {
            ann.replacen(from, to, 1)
        };
        assert_ne!(html, ann, "{from} not in the page");
        let p = t.dir.path().join("changed.html");
        std::fs::write(&p, html).unwrap();
        p
    };
    let invalid = |p: &Path, why: &str| {
        let o = verify(&s(p), &t.public);
        assert_eq!(o.status.code(), Some(1), "{}", out(&o));
        assert!(out(&o).starts_with("invalid: "), "{}", out(&o));
        assert!(out(&o).contains(why), "{why}: {}", out(&o));
    };
    // A changed name: the text people see, the attribute, or both.
    invalid(&changed(">Ann Lee<", ">Anna Lee<", false), "name");
    invalid(
        &changed("data-name=\"Ann Lee\"", "data-name=\"Anna Lee\"", false),
        "name",
    );
    invalid(&changed("Ann Lee", "Anna Lee", true), "Ann Lee");
    // A changed score or date.
    invalid(&changed(">87.5%<", ">97.5%<", false), "score");
    invalid(
        &changed("data-score=\"87.5\"", "data-score=\"97.5\"", false),
        "score",
    );
    invalid(
        &changed(">5 December 2026<", ">5 December 2025<", false),
        "date",
    );
    invalid(
        &changed("datetime=\"2026-12-05\"", "datetime=\"2025-12-05\"", false),
        "date",
    );
    // Fields intact, but the page around them changed: a style that hides
    // the name and shows another, an added line, a hidden attribute.
    invalid(
        &changed(
            "</style>",
            ".name { font-size: 0 } .name::after { content: \"Mallory\"; font-size: 30pt }</style>",
            false,
        ),
        "changed after it was signed",
    );
    invalid(
        &changed("data-field=\"name\"", "data-field=\"name\" hidden", false),
        "changed after it was signed",
    );
    invalid(
        &changed("</main>", "<p>Mallory</p></main>", false),
        "changed after it was signed",
    );
    // Line ends changed by a copy: still valid.
    let p = t.dir.path().join("crlf.html");
    std::fs::write(&p, ann.replace('\n', "\r\n")).unwrap();
    assert_eq!(verify(&s(&p), &t.public).status.code(), Some(0));
    // The name element removed, a second code, the language changed.
    invalid(
        &changed("data-field=\"name\"", "data-x=\"name\"", false),
        "does not show the name",
    );
    invalid(
        &changed("<html lang=\"en\">", "<html lang=\"ru\">", false),
        "",
    );
    // The code of another certificate in this page.
    let ru = std::fs::read_to_string(&ru_path).unwrap();
    let ru_code = data_code(&ru);
    let groups = |c: &str| {
        c.as_bytes()
            .chunks(5)
            .map(|g| std::str::from_utf8(g).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    };
    invalid(
        &changed(&code, &ru_code, true),
        "the page shows two different verification codes",
    );
    let p = t.dir.path().join("swapped.html");
    std::fs::write(
        &p,
        ann.replace(&code, &ru_code)
            .replace(&groups(&code), &groups(&ru_code)),
    )
    .unwrap();
    invalid(
        &p,
        "the page shows the name “Ann Lee”, but the code was signed for “Дилноза Каримова”",
    );
    // Not a certificate.
    let p = t.dir.path().join("plain.html");
    std::fs::write(&p, "<p>hello</p>").unwrap();
    invalid(&p, "not a darslik certificate");

    // Another key: invalid, for the code and for the file.
    let o = darslik(&[
        "results",
        "keygen",
        "--out",
        &s(&t.dir.path().join("other")),
    ]);
    assert!(o.status.success());
    let other = t.dir.path().join("other.pub");
    for arg in [code.clone(), s(&ann_path)] {
        let o = verify(&arg, &other);
        assert_eq!(o.status.code(), Some(1), "{}", out(&o));
        assert!(
            out(&o).starts_with("invalid: signed with another key"),
            "{}",
            out(&o)
        );
    }

    // Damaged codes.
    let mut flipped = code.clone().into_bytes();
    // A typing mistake in the signature part (the last 103 characters).
    let at = code.len() - 20;
    flipped[at] = if flipped[at] == b'Q' { b'R' } else { b'Q' };
    let flipped = String::from_utf8(flipped).unwrap();
    for (bad, why) in [
        (flipped.as_str(), "the signature does not match"),
        (&code[..code.len() - 3], "damaged"),
        (&code[..50], "damaged"),
        ("ABCD!EFG", "damaged"),
        ("", "damaged"),
    ] {
        let o = verify(bad, &t.public);
        assert_eq!(o.status.code(), Some(1), "{bad}: {}", out(&o));
        assert!(out(&o).starts_with("invalid: "), "{}", out(&o));
        assert!(out(&o).contains(why), "{bad}: {}", out(&o));
    }
    // Every single changed character is caught.
    for i in (0..code.len()).step_by(7) {
        let mut b = code.clone().into_bytes();
        b[i] = if b[i] == b'A' { b'B' } else { b'A' };
        let o = verify(std::str::from_utf8(&b).unwrap(), &t.public);
        assert_eq!(o.status.code(), Some(1), "position {i}");
    }
}

#[test]
fn key_files_and_registers_that_are_wrong_are_named() {
    let t = setup();
    let ann = find(&certs(&t.out), "a1b2c3d4");
    // The secret key given as --pubkey, and the public as --key.
    let o = verify(&s(&ann), &t.key);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("it is the secret key"), "{}", err(&o));
    let o = certificates(&s(&t.db), &s(&t.public), &s(&t.out), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("it is the public key"), "{}", err(&o));
    // A damaged public key.
    let damaged = t.dir.path().join("damaged.pub");
    let text = std::fs::read_to_string(&t.public).unwrap();
    std::fs::write(&damaged, text.replace("key: ", "key: 00")).unwrap();
    let o = verify(&s(&ann), &damaged);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("damaged"), "{}", err(&o));
    // No such register; not a register; a certificate file that is not there.
    let o = certificates(
        &s(&t.dir.path().join("none.sqlite")),
        &s(&t.key),
        &s(&t.dir.path().join("o2")),
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("there is no register here"), "{}", err(&o));
    assert!(!t.dir.path().join("o2").exists());
    let o = certificates(&s(&t.public), &s(&t.key), &s(&t.dir.path().join("o2")), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("academy.pub"), "{}", err(&o));
    let o = verify(&s(&t.dir.path().join("missing.html")), &t.public);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("missing.html"), "{}", err(&o));
    // An unknown --module names the ones there are.
    let o = certificates(
        &s(&t.db),
        &s(&t.key),
        &s(&t.out),
        &["--module", "module-99"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("module-06, module-07"), "{}", err(&o));
}

#[test]
fn a_name_too_long_for_a_code_is_named_and_the_others_are_written() {
    let t = setup();
    let conn = rusqlite::Connection::open(&t.db).unwrap();
    let long = "Я".repeat(128);
    conn.execute(
        "INSERT INTO learners VALUES ('99999999-0000-4000-8000-000000000099', ?1, 'Org', 'Tashkent', 'ru', '2026-12-07T12:00:00Z')",
        [&long],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO statements (id, learner, version, verb, kind, object, module, score, locale, timestamp, json) \
         VALUES ('99999999-0000-4000-8000-999999999999', '99999999-0000-4000-8000-000000000099', '1.0.0', 'passed', \
         'module', 'module-06', 'module-06', 80, 'ru', '2026-12-07T10:00:00Z', '{}')",
        [],
    )
    .unwrap();
    // Passed without a score (a status made before any answer was scored).
    conn.execute(
        "INSERT INTO learners VALUES ('77777777-0000-4000-8000-000000000077', 'No Score', '', 'Tashkent', 'en', '2026-12-07T12:00:00Z')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO statements (id, learner, version, verb, kind, object, module, score, locale, timestamp, json) \
         VALUES ('77777777-0000-4000-8000-777777777777', '77777777-0000-4000-8000-000000000077', '1.0.0', 'passed', \
         'module', 'module-07', 'module-07', NULL, 'en', '2026-12-07T10:00:00Z', '{}')",
        [],
    )
    .unwrap();
    drop(conn);
    let again = t.dir.path().join("again");
    let o = certificates(&s(&t.db), &s(&t.key), &s(&again), &[]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(
        err(&o).contains("99999999-0000-4000-8000-000000000099"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("at most 127"), "{}", err(&o));
    let list = certs(&again);
    assert_eq!(list.len(), 8, "{list:?}");
    let none = find(&list, "77777777");
    assert!(none.ends_with("No-Score-77777777-module-07.html"));
    let o = verify(&s(&none), &t.public);
    assert_eq!(
        out(&o),
        "valid: tip-uz, 1.0.0, module-07, No Score, 2026-12-07, no score\n"
    );
}

#[test]
fn certificates_from_a_register_made_by_add() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.sqlite");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/results/darslik-results-tip-uz-Dilnoza-Karimova-2026-12-05.json");
    let o = darslik(&["results", "add", "--db", &s(&db), &s(&fixture)]);
    assert!(o.status.success(), "add: {}{}", out(&o), err(&o));
    let o = darslik(&["results", "keygen", "--out", &s(&dir.path().join("k"))]);
    assert!(o.status.success(), "{}", err(&o));
    let certs_dir = dir.path().join("certs");
    let o = certificates(&s(&db), &s(&dir.path().join("k.key")), &s(&certs_dir), &[]);
    assert!(o.status.success(), "{}", err(&o));
    // module-07 passed (90), module-06 only progressed.
    assert!(
        out(&o).contains("1 certificate for 1 learner who passed (of 1 in the register)"),
        "{}",
        out(&o)
    );
    let list = certs(&certs_dir);
    assert_eq!(list.len(), 1, "{list:?}");
    assert!(list[0].ends_with("Дилноза-Каримова-5f0c2a8e-module-07.html"));
    let html = std::fs::read_to_string(&list[0]).unwrap();
    assert!(html.contains("<html lang=\"ru\">"));
    assert!(html.contains("Противодействие торговле людьми"));
    let o = verify(&s(&list[0]), &dir.path().join("k.pub"));
    assert_eq!(
        out(&o),
        "valid: tip-uz, 1.0.0, module-07, Дилноза Каримова, 2026-12-05, 90%\n"
    );
}

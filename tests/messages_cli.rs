//! The command line in the user's language (SPEC §10, issue 22): `--help`,
//! the commands' own lines, usage errors, the SCORM pre-flight and the
//! results commands, as a user reads them in en, ru, uz and uz-Cyrl.

use std::path::Path;
use std::process::{Command, Output};

/// darslik with no language in its environment but `env`.
fn run(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_darslik"));
    for k in ["LANG", "LC_ALL", "LC_MESSAGES", "DARSLIK_LANG", "LANGUAGE"] {
        c.env_remove(k);
    }
    c.env("NO_COLOR", "1");
    for (k, v) in env {
        c.env(k, v);
    }
    c.args(args).output().expect("run darslik")
}

/// Standard output and error together, as a terminal shows them.
fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

fn is_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

#[test]
fn help_in_russian_by_flag_and_by_locale() {
    let o = run(&[], &["--lang", "ru", "--help"]);
    assert!(o.status.success());
    let t = said(&o);
    for want in [
        "Использование: darslik",
        "Команды:",
        "Параметры:",
        "Собрать курс",
        "Показать справку",
    ] {
        assert!(t.contains(want), "{want:?} not in:\n{t}");
    }
    assert!(!t.contains("Print help") && !t.contains("Usage:"), "{t}");

    let o = run(&[("LANG", "ru_RU.UTF-8")], &["build", "--help"]);
    let t = said(&o);
    assert!(t.contains("Использование: darslik build"), "{t}");
    assert!(t.contains("Папка курса"), "{t}");
    assert!(t.contains("[по умолчанию: .]"), "{t}");
    assert!(t.contains("[допустимые значения: site, scorm12"), "{t}");
    assert!(!t.contains("[default:"), "{t}");
}

#[test]
fn help_in_uzbek_latin_and_cyrillic() {
    let t = said(&run(&[], &["--lang", "uz", "check", "--help"]));
    assert!(t.contains("Foydalanish: darslik check"), "{t}");
    assert!(
        t.contains("Ogohlantirishlarni ham xato deb hisoblash"),
        "{t}"
    );
    // Uzbek Latin with the modifier letters, never an ASCII apostrophe.
    assert!(t.contains("oʻzbekcha"), "{t}");

    let t = said(&run(&[("DARSLIK_LANG", "uz-Cyrl")], &["stamp", "--help"]));
    assert!(is_cyrillic(&t), "{t}");
    assert!(t.contains("Фойдаланиш: darslik stamp"), "{t}");
    // Code stays as it is.
    assert!(t.contains("`course.toml`"), "{t}");
    assert!(t.contains("`darslik`"), "{t}");
}

#[test]
fn help_in_english_is_as_before() {
    let t = said(&run(&[], &["build", "--help"]));
    for want in [
        "Build the course into --out",
        "Usage: darslik build",
        "Options:",
        "Print only errors and warnings",
        "[default: .]",
        "[possible values: site, scorm12, scorm2004, bundle, single]",
        "Print help",
    ] {
        assert!(t.contains(want), "{want:?} not in:\n{t}");
    }
    // Every command has its own words in every language.
    for cmd in [
        "build", "check", "translit", "status", "stamp", "serve", "new", "verify",
    ] {
        let t = said(&run(&[], &["--lang", "ru", cmd, "--help"]));
        assert!(!t.contains("Print help"), "{cmd}: {t}");
    }
    let t = said(&run(&[], &["--lang", "ru", "results", "add", "--help"]));
    assert!(t.contains("Занести файлы результатов в журнал"), "{t}");
}

#[test]
fn usage_errors_clap_finds_are_said_in_the_users_language() {
    let o = run(&[], &["--lang", "ru", "build", "--bogus"]);
    assert_eq!(o.status.code(), Some(2));
    let t = said(&o);
    assert!(
        t.starts_with("ошибка: неизвестный аргумент `--bogus`"),
        "{t}"
    );
    assert!(t.contains("может быть, вы имели в виду `--course`?"), "{t}");
    assert!(t.contains("Использование: darslik build"), "{t}");

    let t = said(&run(&[("LANG", "uz_UZ.UTF-8")], &["stamp"]));
    assert!(
        t.contains("xato: majburiy argumentlar berilmagan: --locale <LOCALE>"),
        "{t}"
    );

    let t = said(&run(&[], &["--lang", "uz-Cyrl", "buld"]));
    assert!(t.contains("хато: нотаниш буйруқ `buld`"), "{t}");
    assert!(t.contains("`build` демоқчимисиз?"), "{t}");

    let t = said(&run(&[], &["--lang", "ru", "check", "--format", "xml"]));
    assert!(t.contains("недопустимое значение `xml`"), "{t}");
    assert!(t.contains("допустимые значения: human, json"), "{t}");

    let t = said(&run(&[], &["--lang", "ru"]));
    assert!(t.starts_with("ошибка: нужна команда: build, check,"), "{t}");

    // English as clap says it.
    let t = said(&run(&[], &["build", "--bogus"]));
    assert!(
        t.contains("error: unexpected argument '--bogus' found"),
        "{t}"
    );
}

#[test]
fn an_unknown_language_is_refused_in_the_environment_language() {
    let o = run(&[], &["--lang", "de", "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("error: darslik speaks en, ru, uz and uz-Cyrl, not `de`"),
        "{}",
        said(&o)
    );
    let o = run(&[("LANG", "ru_RU.UTF-8")], &["--lang=de", "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("ошибка: darslik говорит на `en`, `ru`, `uz` и `uz-Cyrl`, а не на `de`"),
        "{}",
        said(&o)
    );
}

#[test]
fn new_check_build_and_stamp_speak_russian_and_uzbek() {
    let dir = tempfile::tempdir().expect("tempdir");
    let course = dir.path().join("kurs");
    let c = s(&course);

    let t = said(&run(&[], &["--lang", "ru", "new", &c]));
    assert!(t.contains("Новый курс создан в"), "{t}");
    assert!(t.contains("10 файлов"), "{t}");
    assert!(
        t.contains(&format!(
            "Соберите его командой: darslik build --course {c}"
        )),
        "{t}"
    );
    let o = run(&[], &["--lang", "uz", "new", &c]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        said(&o).contains("`course.toml` allaqachon bor"),
        "{}",
        said(&o)
    );

    // A course in English only has no problem at all.
    let only_en = dir.path().join("en");
    let e = s(&only_en);
    assert!(run(&[], &["new", &e]).status.success());
    for l in ["ru", "uz"] {
        std::fs::remove_dir_all(only_en.join("content").join(l)).expect("rm");
        std::fs::remove_dir_all(only_en.join("locales").join(l)).expect("rm");
    }
    let toml = std::fs::read_to_string(only_en.join("course.toml")).expect("toml");
    let toml = toml
        .replace(r#"locales = ["en", "ru", "uz"]"#, r#"locales = ["en"]"#)
        .replace("[locales.uz]\nfallback = [\"ru\", \"en\"]\n", "");
    std::fs::write(only_en.join("course.toml"), toml).expect("write");
    let t = said(&run(&[], &["--lang", "ru", "check", "--course", &e]));
    assert!(t.contains("Проблем не найдено."), "{t}");
    let t = said(&run(&[], &["check", "--course", &e]));
    assert!(t.contains("No problems found."), "{t}");

    let o = run(
        &[("LANG", "uz_UZ.UTF-8")],
        &["build", "--course", &c, "--format", "site"],
    );
    assert!(o.status.success(), "{}", said(&o));
    let t = said(&o);
    assert!(t.contains("darslik: ") && t.contains("yigʻilmoqda"), "{t}");
    assert!(t.contains("ta sahifa tayyor"), "{t}");
    assert!(t.contains("papkasiga yozildi"), "{t}");
    assert!(t.contains("brauzerda oching"), "{t}");

    let t = said(&run(
        &[],
        &["--lang", "ru", "stamp", "--course", &c, "--locale", "ru"],
    ));
    assert!(
        t.contains("отмечен") && t.contains("страницы отмечены"),
        "{t}"
    );
    let t = said(&run(
        &[],
        &[
            "--lang", "uz-Cyrl", "stamp", "--course", &c, "--locale", "uz",
        ],
    ));
    assert!(t.contains("та саҳифа белгиланди"), "{t}");
}

#[test]
fn usage_errors_of_translit_in_the_users_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let f = dir.path().join("cp1251.txt");
    std::fs::write(&f, b"\xcf\xf0\xe8\xe2\xe5\xf2").expect("write");
    let o = run(
        &[],
        &["--lang", "ru", "translit", "--to", "uz-Cyrl", &s(&f)],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(said(&o).starts_with("ошибка: "), "{}", said(&o));
    assert!(
        said(&o).contains("не текст в кодировке UTF-8"),
        "{}",
        said(&o)
    );
    let o = run(
        &[],
        &[
            "--lang",
            "uz",
            "translit",
            "--to",
            "uz-Cyrl",
            &s(&dir.path().join("no")),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).starts_with("xato: ") && said(&o).contains("oʻqib boʻlmadi"),
        "{}",
        said(&o)
    );
}

#[test]
fn verify_says_the_moodle_preflight_in_russian_and_uzbek() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zip = dir.path().join("paket.zip");
    std::fs::write(&zip, "not a zip at all").expect("write");
    let o = run(&[], &["--lang", "ru", "verify", &s(&zip)]);
    assert_eq!(o.status.code(), Some(1));
    let t = said(&o);
    assert!(
        t.contains("ошибка[zip-unreadable]: Это не читаемый zip-архив"),
        "{t}"
    );
    assert!(
        t.contains("Moodle отклонит загрузку: «You must provide a valid zip file»"),
        "{t}"
    );
    assert!(
        t.contains("Moodle отклонит этот пакет или не сможет учитывать результаты (1 ошибка)"),
        "{t}"
    );

    let t = said(&run(&[], &["--lang", "uz-Cyrl", "verify", &s(&zip)]));
    assert!(t.contains("[zip-unreadable]"), "{t}");
    assert!(is_cyrillic(&t) && t.contains("`Moodle`"), "{t}");

    // English as before.
    let t = said(&run(&[], &["verify", &s(&zip)]));
    assert!(
        t.contains("error[zip-unreadable]: This is not a readable zip archive"),
        "{t}"
    );
    assert!(
        t.contains("Moodle would reject this package or fail to track it (1 error)"),
        "{t}"
    );

    let o = run(
        &[],
        &["--lang", "uz", "verify", &s(&dir.path().join("yoq.zip"))],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(said(&o).contains("oʻqib boʻlmadi"), "{}", said(&o));
}

#[test]
fn results_commands_in_russian_and_uzbek() {
    let dir = tempfile::tempdir().expect("tempdir");
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "hello").expect("write");
    let db = s(&dir.path().join("records.sqlite"));
    let o = run(
        &[],
        &["--lang", "ru", "results", "add", "--db", &db, &s(&notes)],
    );
    assert_eq!(o.status.code(), Some(1));
    let t = said(&o);
    assert!(t.contains("отклонён"), "{t}");
    assert!(t.contains("это не файл результатов (это не JSON)"), "{t}");
    assert!(t.contains("1 файл: добавлено: 0, отклонено: 1"), "{t}");

    let broken = dir.path().join("natija.json");
    std::fs::write(&broken, r#"{"darslik":"results","format":"x"}"#).expect("write");
    let t = said(&run(
        &[],
        &["--lang", "ru", "results", "add", "--db", &db, &s(&broken)],
    ));
    assert!(
        t.contains("нарушает формат результатов в поле `format`: ожидалось число 1, а в файле \"x\"; попросите слушателя сохранить файл заново на странице «Мои результаты»"),
        "{t}"
    );

    let key = s(&dir.path().join("akademiya"));
    let t = said(&run(
        &[],
        &["--lang", "uz", "results", "keygen", "--out", &key],
    ));
    assert!(t.contains("(maxfiy: uni sir saqlang"), "{t}");
    assert!(t.contains("kalit identifikatori"), "{t}");
    let o = run(
        &[],
        &[
            "--lang",
            "ru",
            "results",
            "verify",
            "ABCD-EFGH",
            "--pubkey",
            &format!("{key}.pub"),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(said(&o).starts_with("недействителен: "), "{}", said(&o));

    let o = run(
        &[],
        &[
            "--lang",
            "ru",
            "results",
            "report",
            "--db",
            &db,
            "--out",
            &s(dir.path()),
            "--locale",
            "fr",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        said(&o).contains("отчёт пишется на языках en, ru, uz, uz-Cyrl"),
        "{}",
        said(&o)
    );
}

#[test]
fn a_broken_manifest_is_explained_in_russian_with_its_detail() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.zip");
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    zip.start_file("imsmanifest.xml", zip::write::SimpleFileOptions::default())
        .expect("entry");
    zip.write_all(b"<manifest identifier=\"x\">")
        .expect("write");
    zip.finish().expect("finish");

    let t = said(&run(&[], &["--lang", "ru", "verify", &s(&path)]));
    assert!(t.contains("ошибка[manifest-malformed]: `imsmanifest.xml` — неправильный XML (строка 1: `<manifest>` нигде не закрыт)"), "{t}");
    assert!(t.contains("(imsmanifest.xml)"), "{t}");
    let t = said(&run(&[], &["verify", &s(&path)]));
    assert!(t.contains("error[manifest-malformed]: imsmanifest.xml is not well-formed XML (line 1: <manifest> is never closed)"), "{t}");
}

#[test]
fn serve_says_where_it_listens_and_why_it_cannot_in_russian() {
    use std::io::{BufRead as _, BufReader};
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("tempdir");
    let course = dir.path().join("kurs");
    assert!(run(&[], &["new", &s(&course)]).status.success());

    // A port another program holds.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = taken.local_addr().expect("addr").port().to_string();
    let o = run(
        &[],
        &[
            "--lang",
            "ru",
            "serve",
            "--course",
            &s(&course),
            "--port",
            &port,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    let t = said(&o);
    assert!(
        t.contains(&format!("ошибка: не удалось открыть 127.0.0.1:{port}")),
        "{t}"
    );
    assert!(
        t.contains("подсказка: порт занят другой программой; попробуйте `--port "),
        "{t}"
    );

    let mut c = Command::new(env!("CARGO_BIN_EXE_darslik"));
    for k in ["LANG", "LC_ALL", "LC_MESSAGES", "DARSLIK_LANG"] {
        c.env_remove(k);
    }
    let mut child = c
        .env("LANG", "uz_UZ.UTF-8")
        .args(["serve", "--course", &s(&course), "--port", "0"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.contains("http://127.0.0.1:") {
                let _ = tx.send(line);
            }
        }
    });
    let line = rx.recv_timeout(std::time::Duration::from_secs(60));
    let _ = child.kill();
    let _ = child.wait();
    let line = line.expect("serve says where it listens");
    assert!(line.starts_with("darslik: "), "{line}");
    assert!(line.contains("kursi http://127.0.0.1:"), "{line}");
    assert!(line.contains("manzilida ochiq"), "{line}");
    assert!(line.contains("`Ctrl-C` toʻxtatadi"), "{line}");
}

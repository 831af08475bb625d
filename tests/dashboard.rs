//! The coordinator's dashboard: `darslik status --format html` and `serve`'s
//! `/_status/` — per locale and module coverage with the same figures in
//! charts and tables, stale pages' word diffs, the user's language, one
//! self-contained page; and the `serve` error overlay's colours.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use darslik::check::PageState;
use darslik::diag::Lang;
use darslik::diff::{Hunk, Op, Piece, StaleDiff};
use darslik::serve::site::{Edit, Found, PageId, Site};
use darslik::status::html::page;
use darslik::status::{LocaleStatus, Messages, ModuleStatus, PageStatus, Status};

fn status_html(course: &std::path::Path, lang: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("s.html");
    let o = darslik(&[
        "--lang",
        lang,
        "status",
        "--course",
        &course.to_string_lossy(),
        "--format",
        "html",
        "--out",
        &out.to_string_lossy(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read_to_string(&out).expect("the page is written")
}

/// Nothing the page loads: no script, no stylesheet or image to fetch, no
/// address outside the page (it must open from file:// with no network).
fn assert_self_contained(html: &str) {
    let lower = html.to_lowercase();
    for bad in [
        "<script", "<link", "<img", "<iframe", "src=", "http://", "https://", "url(http", "@import",
    ] {
        assert!(!lower.contains(bad), "the page contains {bad:?}");
    }
    // Every url() in the styles and the charts points inside the page.
    for (i, _) in lower.match_indices("url(") {
        assert!(
            lower[i..].starts_with("url(#"),
            "an url() outside the page: {}",
            &lower[i..i + 30]
        );
    }
    // Every link is to a part of the page.
    for (i, _) in lower.match_indices("href=\"") {
        assert!(lower[i + 6..].starts_with('#'), "a link out of the page");
    }
}

#[test]
fn status_html_shows_every_locale_and_module_with_chart_and_table() {
    let html = status_html(&fixture("translator"), "en");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert_self_contained(&html);
    assert!(html.contains("<h1>Translation status</h1>"));
    // The source locale is named, not charted: only translations are.
    assert!(html.contains("The source language is <code>en</code>"));
    assert!(!html.contains("id=\"loc-en\""));
    // ru: 1 current, 1 stale, 1 unstamped, 2 missing of 5 — in the chart
    // (the bar's name) and in the table, the same figures.
    assert!(
        html.contains("aria-label=\"ru: 1 current, 1 stale, 1 unstamped, 2 missing, of 5 pages\"")
    );
    assert!(html.contains(
        "<tr><th scope=\"row\"><a href=\"#loc-ru\">ru</a></th><td class=\"current\">1</td><td class=\"stale\">1</td><td class=\"unstamped\">1</td><td class=\"missing\">2</td><td>5</td><td>5 of 5</td></tr>"
    ));
    assert!(html.contains("aria-label=\"ru: 5 of 5 messages translated\""));
    assert!(
        html.contains("aria-label=\"uz: 0 current, 0 stale, 2 unstamped, 3 missing, of 5 pages\"")
    );
    assert!(html.contains("aria-label=\"uz: 3 of 5 messages translated\""));
    assert!(html.contains("<td>3 of 5</td>"));
    // Per module.
    assert!(html.contains("Pages of <code>ru</code> in each module"));
    assert!(html.contains(
        "aria-label=\"module-a: 0 current, 1 stale, 0 unstamped, 2 missing, of 3 pages\""
    ));
    assert!(html.contains("Course home"));
    // What to do, with the files.
    assert!(html.contains("<h4><code>content/ru/module-a/01-one.md</code></h4>"));
    assert!(html.contains("<code>darslik stamp --locale ru module-a/01-one.md</code>"));
    assert!(html.contains("<li><code>content/ru/module-b/index.md</code></li>"));
    assert!(html.contains("<li><code>content/uz/module-a/02-two.md</code></li>"));
    assert!(html.contains("2 messages are still missing from <code>locales/uz/</code>"));
    // Every chart has a name for screen readers.
    let charts = html.matches("<svg class=\"bar").count();
    assert_eq!(charts, html.matches("role=\"img\" aria-label=\"").count());
    assert_eq!(
        charts,
        2 * 2 + 2 * 3,
        "pages and messages per locale, one per module"
    );
    // Print styles.
    assert!(html.contains("@media print"));
}

#[test]
fn status_html_speaks_the_users_language() {
    let course = fixture("translator");
    let ru = status_html(&course, "ru");
    assert!(ru.contains("<html lang=\"ru\">"));
    assert!(ru.contains("<h1>Состояние переводов</h1>"));
    assert!(ru.contains("Актуальны 1 из 5 страниц; устарели: 1, без отметки: 1, без перевода: 2."));
    assert!(ru.contains("<td>3 из 5</td>"));
    assert!(ru.contains("<code>darslik stamp --locale ru module-a/01-one.md</code>"));
    assert!(!ru.contains("Translation status"));

    let uz = status_html(&course, "uz");
    assert!(uz.contains("<html lang=\"uz\">"));
    assert!(uz.contains("<h1>Tarjimalar holati</h1>"));
    assert!(uz.contains("5 ta sahifadan 1 tasi dolzarb"));
    // oʻ, gʻ with U+02BB and the tutuq belgisi U+02BC; no ASCII stand-ins.
    assert!(uz.contains("qoʻshing") || uz.contains("yoʻq"));
    assert!(uz.contains("maʼnosi"));
    let text_only: String = uz
        .split('<')
        .filter_map(|s| s.split_once('>').map(|(_, t)| t))
        .collect();
    assert!(
        !text_only.contains('\''),
        "an ASCII apostrophe in Uzbek text"
    );
    assert!(!text_only.contains('‘') && !text_only.contains('’'));

    let cyrl = status_html(&course, "uz-Cyrl");
    assert!(cyrl.contains("<html lang=\"uz-Cyrl\">"));
    assert!(cyrl.contains("<h1>Таржималар ҳолати</h1>"));
    // Commands and files stay as they are.
    assert!(cyrl.contains("<code>darslik stamp --locale ru module-a/01-one.md</code>"));
    assert!(cyrl.contains("<code>locales/uz/</code>"));
}

fn stale_status(diff: Option<StaleDiff>) -> Status {
    Status {
        course: "course".into(),
        version: "1.0".into(),
        source: "en".into(),
        locales: vec![
            LocaleStatus {
                locale: "en".into(),
                generated: None,
                modules: vec![],
                messages: Messages {
                    translated: 4,
                    total: 4,
                },
            },
            LocaleStatus {
                locale: "ru".into(),
                generated: None,
                modules: vec![ModuleStatus {
                    module: "m".into(),
                    current: 1,
                    stale: 1,
                    unstamped: 0,
                    missing: 0,
                    pages: vec![
                        PageStatus {
                            page: "m/index.md".into(),
                            state: PageState::Current,
                            diff: None,
                        },
                        PageStatus {
                            page: "m/01-a.md".into(),
                            state: PageState::Stale,
                            diff,
                        },
                    ],
                }],
                messages: Messages {
                    translated: 4,
                    total: 4,
                },
            },
        ],
    }
}

fn piece(op: Op, text: &str) -> Piece {
    Piece {
        op,
        text: text.into(),
    }
}

#[test]
fn a_stale_page_shows_its_source_change_word_by_word() {
    let diff = StaleDiff {
        source: "content/en/m/01-a.md".into(),
        stamped: "abc".into(),
        known: true,
        hunks: vec![Hunk {
            old_line: 7,
            new_line: 8,
            pieces: vec![
                piece(Op::Equal, "Wash your hands for "),
                piece(Op::Delete, "twenty"),
                piece(Op::Insert, "thirty"),
                piece(Op::Equal, " seconds <always>."),
            ],
        }],
    };
    let html = page(&stale_status(Some(diff.clone())), Lang::En);
    assert_self_contained(&html);
    assert!(html.contains("<h4><code>content/ru/m/01-a.md</code></h4>"));
    assert!(html.contains("<code>content/en/m/01-a.md</code>, line 8 (line 7 when stamped)"));
    assert!(html.contains(
        "Wash your hands for <del><span class=\"vh\">[removed: </span>twenty<span class=\"vh\">]</span></del><ins><span class=\"vh\">[added: </span>thirty<span class=\"vh\">]</span></ins> seconds &lt;always&gt;."
    ));
    // In Russian and Uzbek too.
    let ru = page(&stale_status(Some(diff.clone())), Lang::Ru);
    assert!(ru.contains("<code>content/en/m/01-a.md</code>, строка 8 (при отметке — строка 7)"));
    assert!(ru.contains("[удалено: </span>twenty"));
    let uz = page(&stale_status(Some(diff)), Lang::Uz);
    assert!(uz.contains("<code>content/en/m/01-a.md</code>, 8-qator (belgilanganda 7-qator edi)"));
    assert!(uz.contains("[qoʻshilgan: </span>thirty"));

    // A line break removed or added is seen.
    let br = StaleDiff {
        source: "content/en/m/01-a.md".into(),
        stamped: "abc".into(),
        known: true,
        hunks: vec![Hunk {
            old_line: 3,
            new_line: 3,
            pieces: vec![piece(Op::Equal, "one"), piece(Op::Insert, "\n")],
        }],
    };
    let html = page(&stale_status(Some(br)), Lang::En);
    assert!(html.contains("<code>content/en/m/01-a.md</code>, line 3</p>"));
    assert!(html.contains("</span>↵\n<span"));
}

#[test]
fn status_html_shows_what_changed_since_stamp() {
    let dir = copy_fixture("basic");
    stamp(dir.path(), "ru", "index.md");
    let home = read(dir.path(), "content/en/index.md");
    let changed = home.replace("Start with", "Begin with");
    assert_ne!(home, changed, "the fixture changed: update this test");
    write(dir.path(), "content/en/index.md", &changed);
    let html = status_html(dir.path(), "en");
    let stale = &html[html
        .find("<article class=\"stale-page\">")
        .expect("a stale page")..];
    assert!(
        stale.starts_with(
            "<article class=\"stale-page\">\n<h4><code>content/ru/index.md</code></h4>"
        )
    );
    assert!(stale.contains("<code>content/en/index.md</code>, line "));
    assert!(stale.contains("[removed: </span>Start<span"), "{stale}");
    assert!(stale.contains("[added: </span>Begin<span"), "{stale}");
    // Stamped again: nothing stale, no diff.
    stamp(dir.path(), "ru", "index.md");
    let html = status_html(dir.path(), "en");
    assert!(!html.contains("<article class=\"stale-page\">"));
    assert!(!html.contains("<del>") && !html.contains("<ins>"));
    assert!(html.contains("1 of 5 pages current; 0 stale"));
}

#[test]
fn a_much_changed_page_shows_25_changes_and_says_how_many_more() {
    let hunks = (1..=30)
        .map(|i| Hunk {
            old_line: i,
            new_line: i,
            pieces: vec![
                piece(Op::Equal, "a "),
                piece(Op::Insert, &format!("change{i}")),
            ],
        })
        .collect();
    let diff = StaleDiff {
        source: "content/en/m/01-a.md".into(),
        stamped: "abc".into(),
        known: true,
        hunks,
    };
    let html = page(&stale_status(Some(diff.clone())), Lang::En);
    assert_eq!(html.matches("<div class=\"hunk\">").count(), 25);
    assert!(html.contains("change25<") && !html.contains("change26<"));
    assert!(html.contains(
        "… and 5 more changes in <code>content/en/m/01-a.md</code>: read the page again as a whole."
    ));
    let ru = page(&stale_status(Some(diff)), Lang::Ru);
    assert!(ru.contains("… и ещё 5 изменений в <code>content/en/m/01-a.md</code>"));
}

#[test]
fn a_stale_page_without_a_known_change_says_why() {
    let unknown = StaleDiff {
        source: "content/en/m/01-a.md".into(),
        stamped: "abc".into(),
        known: false,
        hunks: vec![],
    };
    let html = page(&stale_status(Some(unknown)), Lang::En);
    assert!(html.contains(
        "stamped before darslik kept a copy of the source, so what changed is unknown. Compare the translation with <code>content/en/m/01-a.md</code> as a whole."
    ));
    assert!(!html.contains("<del>"));
    let html = page(&stale_status(None), Lang::En);
    assert!(html.contains("What changed is not shown here: <code>darslik check</code> shows it."));
}

#[test]
fn names_from_the_course_are_text_never_markup() {
    let mut s = stale_status(None);
    s.course = "<b>c</b>".into();
    s.locales[1].locale = "x\"><script>".into();
    s.locales[1].modules[0].module = "<img src=x onerror=alert(1)>".into();
    s.locales[1].modules[0].pages[1].page = "m/<i>\"'.md".into();
    let html = page(&s, Lang::En);
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<i>"));
    assert!(!html.contains("<b>c</b>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("content/x&quot;&gt;&lt;script&gt;/m/&lt;i&gt;&quot;&#39;.md"));
    // Its section's id is made of safe characters only.
    assert!(html.contains("id=\"loc-x---script-\""));
}

#[test]
fn a_generated_locale_and_a_course_without_translations() {
    let mut s = stale_status(None);
    s.locales[1].generated = Some("uz".into());
    for p in &mut s.locales[1].modules[0].pages {
        p.state = PageState::Generated;
    }
    s.locales[1].modules[0].current = 2;
    s.locales[1].modules[0].stale = 0;
    let html = page(&s, Lang::En);
    assert!(html.contains("Language <code>ru</code> (made from <code>uz</code>)"));
    assert!(html.contains("2 generated, 0 written by hand"));

    s.locales.truncate(1);
    let html = page(&s, Lang::En);
    assert!(html.contains("This course has no translations yet"));
    assert!(!html.contains("<svg class=\"bar"));
}

#[test]
fn serve_answers_status_fresh_after_an_edit() {
    let dir = copy_fixture("basic");
    stamp(dir.path(), "ru", "index.md");
    let mut site = match Site::load(dir.path()) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    let get = |site: &Site| match site.get("_status/index.html") {
        Found::Bytes(b) => String::from_utf8(b).expect("utf-8"),
        _ => panic!("/_status/ is not answered"),
    };
    let before = get(&site);
    assert!(before.contains("1 of 5 pages current; 0 stale, 1 unstamped, 3 missing."));
    assert_self_contained(&before);
    // What `check` says of a translation, under its locale; not the page
    // states the tables show, nor the course's own (SCORM) warnings.
    let uz = &before[before.find("id=\"loc-uz\"").expect("uz section")..];
    assert!(uz.contains("What <code>darslik check</code> reports for this language (1)"));
    assert!(
        uz.contains("<span class=\"code\">[fluent-missing]</span> <code>locales/uz/course.ftl")
    );
    assert!(!before.contains("[page-missing]"));
    assert!(!before.contains("[scorm2004-course-package]"));
    // The home page's source changes: its ru translation turns stale.
    let home = read(dir.path(), "content/en/index.md");
    write(
        dir.path(),
        "content/en/index.md",
        &format!("{home}\nA new sentence.\n"),
    );
    let ids: BTreeSet<PageId> = [PageId::new("en", "index.md")].into_iter().collect();
    match site.edit(&ids) {
        Edit::Applied(_) => {}
        Edit::Failed(t) => panic!("{t}"),
        Edit::Reload => panic!("reload"),
    }
    let after = get(&site);
    assert!(
        after.contains("0 of 5 pages current; 1 stale, 1 unstamped, 3 missing."),
        "not fresh"
    );
    assert!(after.contains("<h4><code>content/ru/index.md</code></h4>"));
    // `build` writes no such page: the site's files are unchanged.
    assert!(!site.paths().iter().any(|p| p.starts_with("_status")));
}

fn stamp(course: &std::path::Path, locale: &str, page: &str) {
    let o = darslik(&[
        "stamp",
        "--course",
        &course.to_string_lossy(),
        "--locale",
        locale,
        page,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// `darslik serve` on a free port; stops when dropped.
struct Serve(Child, u16);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(course: &std::path::Path, lang: &str) -> Serve {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let mut child = Command::new(env!("CARGO_BIN_EXE_darslik"))
        .args(["--lang", lang, "serve", "--course"])
        .arg(course)
        .args(["--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start serve");
    let err = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    // The ready line is in the user's language; its address is not.
    let address = format!("http://127.0.0.1:{port}/");
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            if line.contains(&address) {
                let _ = tx.send(());
            }
        }
    });
    let server = Serve(child, port);
    rx.recv_timeout(Duration::from_secs(30))
        .expect("serve starts");
    server
}

fn http_get(port: u16, path: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) {
            let req = format!(
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
            );
            s.write_all(req.as_bytes()).expect("send");
            let mut out = String::new();
            s.read_to_string(&mut out).expect("read");
            return out;
        }
        assert!(Instant::now() < deadline, "no answer");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serve_status_page_and_the_overlay_in_the_users_language() {
    let dir = copy_fixture("basic");
    stamp(dir.path(), "ru", "index.md");
    let home = read(dir.path(), "content/en/index.md");
    write(
        dir.path(),
        "content/en/index.md",
        &format!("{home}\nA new sentence.\n"),
    );
    let server = serve(dir.path(), "ru");
    let status = http_get(server.1, "/_status/");
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    assert!(status.contains("<h1>Состояние переводов</h1>"));
    assert!(status.contains("<h4><code>content/ru/index.md</code></h4>"));

    let bare = http_get(server.1, "/_status");
    assert!(bare.starts_with("HTTP/1.1 200") && bare.contains("<h1>Состояние переводов</h1>"));
    assert!(
        bare.contains("Content-Type: text/html; charset=utf-8"),
        "{bare}"
    );

    let page = http_get(server.1, "/ru/index.html");
    assert!(
        page.starts_with("HTTP/1.1 200"),
        "{}",
        &page[..200.min(page.len())]
    );
    // The overlay's heading in Russian, its text light on an opaque dark
    // background whatever the site's `pre` style says.
    assert!(page.contains("\"darslik: в курсе есть ошибки."));
    assert!(page.contains("background:#141414;color:#f5f5f5"));
    assert!(page.contains("background:transparent;color:#f5f5f5"));
    assert!(page.contains("shown.lang = \"ru\""));
}

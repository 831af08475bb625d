//! Bad input never costs work. Each row: a bad input → what the user sees →
//! the exit status → the previous output is byte-for-byte intact (checked
//! here, not by eye). The same table is in the closing note of issue 6.
//!
//! | bad input | message (code) | exit | previous output |
//! |---|---|---|---|
//! | invalid UTF-8 in a page | file-encoding, with line and column | 1 | intact |
//! | UTF-8 BOM | none: the BOM is dropped | 0 | rebuilt |
//! | CRLF line endings | none: read as LF | 0 | rebuilt |
//! | empty page file | frontmatter-missing | 1 | intact |
//! | 50 MB Markdown page | none | 0 | rebuilt |
//! | 10,000-deep nesting | none | 0 | rebuilt |
//! | unterminated front matter | frontmatter-unterminated | 1 | intact |
//! | duplicate module | config-module-duplicate | 1 | intact |
//! | invalid locale tag | config-locale-tag | 1 | intact |
//! | module listed without a folder | module-missing | 1 | intact |
//! | missing image | missing-image | 1 | intact |
//! | .ftl syntax error | fluent-syntax | 1 | intact |
//! | .ftl duplicate ids | fluent-duplicate | 1 | intact |
//! | fallback chains that name each other | none: each chain is the list it names, then the source locale | 0 | rebuilt |
//! | binary file named .md | file-binary | 1 | intact |
//! | file removed while building | io: "was the file removed while building? build again" | 1 | intact |
//! | build killed part-way | — | killed | old or new tree, never a mix |
//! | two builds into one --out | "another darslik build is writing into …" | 1 for the second | one whole tree |

mod common;
use common::*;
use std::collections::BTreeMap;
use std::path::Path;

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    if !dir.exists() {
        return m;
    }
    for e in walkdir::WalkDir::new(dir) {
        let e = e.unwrap();
        let name = e
            .path()
            .strip_prefix(dir)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // A killed build may leave its unfinished work in a hidden staging
        // folder (`.scorm12.darslik-new`) beside the outputs; the outputs a
        // user opens are what must be old or new, and the next build clears
        // the staging folders (checked below: its tree equals a fresh one).
        let staging = name
            .split('/')
            .next()
            .is_some_and(|first| first.ends_with(".darslik-new"));
        if e.file_type().is_file() && !name.ends_with(".darslik-lock") && !staging {
            m.insert(name, std::fs::read(e.path()).unwrap());
        }
    }
    m
}

fn build(root: &Path) -> std::process::Output {
    let c = root.to_string_lossy().into_owned();
    darslik(&[
        "build",
        "--course",
        &c,
        "--format",
        "site,scorm12",
        "--quiet",
    ])
}

/// Build the fixture, break it, build again: the error code, exit 1, and the
/// first build's output unchanged.
fn refused(code: &str, break_it: impl FnOnce(&Path)) {
    let dir = copy_fixture("basic");
    assert!(build(dir.path()).status.success());
    let before = snapshot(&dir.path().join("dist"));
    assert!(!before.is_empty());
    break_it(dir.path());
    let out = build(dir.path());
    let text = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{code}: {text}");
    assert!(
        text.contains(&format!("[{code}]")),
        "expected {code}:\n{text}"
    );
    assert!(text.contains("nothing was written"), "{text}");
    assert_eq!(
        snapshot(&dir.path().join("dist")),
        before,
        "{code}: previous output changed"
    );
}

/// Build after the change succeeds, with `check` run on the result.
fn accepted(change: impl FnOnce(&Path), check: impl FnOnce(&Path)) {
    let dir = copy_fixture("basic");
    change(dir.path());
    let out = build(dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    check(&dir.path().join("dist/site"));
}

#[test]
fn invalid_utf8() {
    refused("file-encoding", |d| {
        std::fs::write(
            d.join("content/ru/index.md"),
            b"+++\ntitle = \"\xd0\"\n+++\n\xff\xfe bad\n",
        )
        .unwrap()
    });
}

#[test]
fn bom_and_crlf_are_read_as_plain_text() {
    accepted(
        |d| {
            write(
                d,
                "content/ru/index.md",
                "\u{feff}+++\r\ntitle = \"Главная с BOM\"\r\n+++\r\n\r\nТекст\r\nс CRLF.\r\n",
            );
            write(
                d,
                "locales/ru/course.ftl",
                "\u{feff}course-title = Курс\r\ncourse-description = Описание\r\n",
            );
        },
        |site| {
            let html = read(site, "ru/index.html");
            assert!(html.contains("<h1>Главная с BOM</h1>"));
            assert!(!html.contains('\u{feff}') && !html.contains('\r'));
        },
    );
}

#[test]
fn empty_page_file() {
    refused("frontmatter-missing", |d| {
        write(d, "content/ru/index.md", "")
    });
}

#[test]
fn unterminated_front_matter() {
    refused("frontmatter-unterminated", |d| {
        write(d, "content/ru/index.md", "+++\ntitle = \"x\"\n\nbody\n")
    });
}

#[test]
fn duplicate_module_invalid_tag_module_without_folder() {
    refused("config-module-duplicate", |d| {
        let t = read(d, "course.toml").replace(
            "modules = [\"module-a\", \"module-b\"]",
            "modules = [\"module-a\", \"module-a\"]",
        );
        write(d, "course.toml", &t);
    });
    refused("config-locale-tag", |d| {
        let t = read(d, "course.toml").replace(
            "[\"en\", \"ru\", \"uz\"]",
            "[\"en\", \"ru\", \"uz\", \"ru RU\"]",
        );
        write(d, "course.toml", &t);
    });
    refused("module-missing", |d| {
        let t = read(d, "course.toml").replace("\"module-b\"]", "\"module-b\", \"module-c\"]");
        write(d, "course.toml", &t);
    });
}

#[test]
fn missing_image() {
    refused("missing-image", |d| {
        write(
            d,
            "content/en/module-b/index.md",
            "+++\ntitle = \"B\"\n+++\n\n![gone](gone.png)\n",
        )
    });
}

#[test]
fn ftl_syntax_error_and_duplicate_ids() {
    refused("fluent-syntax", |d| {
        write(
            d,
            "locales/ru/course.ftl",
            "course-title = Курс\nbroken = { $x\n",
        )
    });
    refused("fluent-duplicate", |d| {
        write(
            d,
            "locales/ru/course.ftl",
            "course-title = Курс\ncourse-title = Ещё раз\n",
        )
    });
}

#[test]
fn binary_file_named_md() {
    refused("file-binary", |d| {
        std::fs::write(
            d.join("content/ru/index.md"),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        )
        .unwrap()
    });
}

#[test]
fn fallback_chains_that_name_each_other_do_not_loop() {
    accepted(
        |d| {
            let t = read(d, "course.toml").replace(
                "[locales.uz]\nfallback = [\"ru\", \"en\"]",
                "[locales.uz]\nfallback = [\"ru\"]\n\n[locales.ru]\nfallback = [\"uz\"]",
            );
            write(d, "course.toml", &t);
        },
        |site| {
            // ru lacks 02-two; its chain is ru → uz → en: shown in English.
            assert!(read(site, "ru/module-a/02-two.html").contains("<article lang=\"en\""));
            assert!(read(site, "uz/module-a/01-one.html").contains("<article lang=\"ru\""));
        },
    );
}

#[test]
fn a_50_mb_page_and_10000_deep_nesting_build() {
    accepted(
        |d| {
            let mut big = String::from("+++\ntitle = \"Big\"\n+++\n\n");
            let para = "The act, the means and the purpose; see [page two](../module-a/02-two.md#target). ".repeat(8);
            let mut n = 0;
            while big.len() < 50_000_000 {
                big.push_str(&format!("## Section {n}\n\n{para}\n\n"));
                n += 1;
            }
            write(d, "content/en/module-b/index.md", &big);
            let deep = format!(
                "+++\ntitle = \"Deep\"\n+++\n\n{} deep\n\n{}\n",
                ">".repeat(10_000),
                "*".repeat(10_000)
            );
            write(d, "content/ru/index.md", &deep);
        },
        |site| {
            assert!(
                std::fs::metadata(site.join("en/module-b/index.html"))
                    .unwrap()
                    .len()
                    > 50_000_000
            );
            assert!(read(site, "ru/index.html").contains("deep"));
        },
    );
}

#[test]
fn a_file_removed_while_building_is_an_error_not_a_half_output() {
    let dir = copy_fixture("basic");
    let built = darslik::build::whole(dir.path()).unwrap_or_else(|d| panic!("{}", d.render()));
    // The image disappears after the pages were rendered, before it is copied.
    std::fs::remove_file(dir.path().join("content/en/module-a/pic.svg")).unwrap();
    let err = darslik::output::site::tree(&built.rendered).unwrap_err();
    assert_eq!(err.code, "io");
    assert!(err.message.contains("pic.svg"));
    assert!(
        err.hint
            .as_deref()
            .unwrap_or_default()
            .contains("removed while building")
    );
}

#[test]
fn a_killed_build_leaves_the_old_or_the_new_output_never_a_mix() {
    let dir = copy_fixture("basic");
    // Make the build take a while: many pages.
    for i in 0..150 {
        write(
            dir.path(),
            &format!("content/en/module-b/{i:03}-p.md"),
            &format!(
                "+++\ntitle = \"P{i}\"\n+++\n\n{}\n",
                "Text with [a link](../module-a/01-one.md). ".repeat(400)
            ),
        );
    }
    assert!(build(dir.path()).status.success());
    let old = snapshot(&dir.path().join("dist"));
    write(
        dir.path(),
        "content/en/index.md",
        "+++\ntitle = \"New home\"\n+++\n\nChanged.\n",
    );
    let mut new: Option<BTreeMap<String, Vec<u8>>> = None;
    for delay in [5u64, 20, 60, 120, 250, 400] {
        let c = dir.path().to_string_lossy().into_owned();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_darslik"))
            .env("DARSLIK_LANG", "en")
            .args([
                "build",
                "--course",
                &c,
                "--format",
                "site,scorm12",
                "--quiet",
            ])
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let now = snapshot(&dir.path().join("dist"));
        if now != old {
            // Not the old tree: then exactly the new one, as a full build makes it.
            let expected = new.get_or_insert_with(|| {
                let twin = tempfile::tempdir().unwrap();
                copy_dir(dir.path(), twin.path());
                std::fs::remove_dir_all(twin.path().join("dist")).unwrap();
                assert!(build(twin.path()).status.success());
                snapshot(&twin.path().join("dist"))
            });
            assert_eq!(&now, expected, "killed after {delay} ms: a mixed output");
        }
        // Whatever was killed, the next build recovers and completes, and
        // leaves no staging folder behind.
        let out = build(dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let leftovers: Vec<String> = std::fs::read_dir(dir.path().join("dist"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".darslik-"))
            .filter(|n| n != ".darslik-lock" && n != ".darslik-output")
            .chain(
                std::fs::read_dir(dir.path())
                    .unwrap()
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .filter(|n| n.starts_with(".dist.darslik-")),
            )
            .collect();
        assert!(
            leftovers.is_empty(),
            "after killed after {delay} ms: {leftovers:?}"
        );
        // Back to the old state for the next round.
        std::fs::remove_dir_all(dir.path().join("dist")).unwrap();
        write(
            dir.path(),
            "content/en/index.md",
            &read(copy_fixture("basic").path(), "content/en/index.md"),
        );
        assert!(build(dir.path()).status.success());
        assert_eq!(snapshot(&dir.path().join("dist")), old);
        write(
            dir.path(),
            "content/en/index.md",
            "+++\ntitle = \"New home\"\n+++\n\nChanged.\n",
        );
    }
}

#[test]
fn two_builds_into_one_out_folder_do_not_mix() {
    let dir = copy_fixture("basic");
    for i in 0..100 {
        write(
            dir.path(),
            &format!("content/en/module-b/{i:03}-p.md"),
            &format!("+++\ntitle = \"P{i}\"\n+++\n\n{}\n", "Text. ".repeat(2000)),
        );
    }
    let c = dir.path().to_string_lossy().into_owned();
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_darslik"))
            .env("DARSLIK_LANG", "en")
            .args([
                "build",
                "--course",
                &c,
                "--format",
                "site,scorm12,scorm2004",
                "--quiet",
            ])
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    for o in [&a, &b] {
        if !o.status.success() {
            assert!(
                stderr(o).contains("another darslik build is writing into"),
                "{}",
                stderr(o)
            );
        }
    }
    assert!(a.status.success() || b.status.success());
    // The result is one whole build.
    let twin = tempfile::tempdir().unwrap();
    copy_dir(dir.path(), twin.path());
    std::fs::remove_dir_all(twin.path().join("dist")).unwrap();
    let t = twin.path().to_string_lossy().into_owned();
    assert!(
        darslik(&[
            "build",
            "--course",
            &t,
            "--format",
            "site,scorm12,scorm2004",
            "--quiet"
        ])
        .status
        .success()
    );
    assert_eq!(
        snapshot(&dir.path().join("dist")),
        snapshot(&twin.path().join("dist"))
    );
}

//! Issue 24, acceptance 2: names that stay names. The sample course's
//! generated uz-Cyrl bundle (START.html, README.txt) shows Moodle, darslik,
//! SHA256SUMS, Linux, the commands and the file names as written; and the
//! converter keeps URLs, e-mail addresses, file names, code, digit-glued
//! tokens and the course's `[translit] keep` words (with their endings).

mod common;
use common::*;

use std::path::Path;

use darslik::translit::{Exceptions, Script, convert, fluent, markdown};

fn cyrl(text: &str) -> String {
    convert(text, Script::Cyrl, &Exceptions::builtin())
}

/// The exceptions of the generated locale `uz-Cyrl` of a course whose
/// course.toml ends with `extra`.
fn course_exceptions(extra: &str) -> Exceptions {
    let dir = copy_fixture("basic");
    let toml = format!(
        "{}\n[locales.uz-Cyrl]\ngenerate = \"translit:uz\"\n{extra}",
        read(dir.path(), "course.toml")
    );
    let (config, _) = darslik::course::config::parse(&toml).expect("course.toml");
    let mut diags = darslik::diag::Diagnostics::default();
    let ex = darslik::course::translit_exceptions_for(dir.path(), &config, "uz-Cyrl", &mut diags);
    assert!(diags.items.is_empty(), "{:?}", diags.items);
    ex
}

/// The uz-Cyrl section of START.html and of README.txt.
fn uz_cyrl_parts(bundle: &Path) -> (String, String) {
    let start = read(bundle, "START.html");
    let at = start
        .find("<section class=\"start-locale\" lang=\"uz-Cyrl\"")
        .expect("a uz-Cyrl section in START.html");
    let section = start[at..]
        .split("</section>")
        .next()
        .unwrap_or_default()
        .to_string();
    let readme = read(bundle, "README.txt").replace("\r\n", "\n");
    let at = readme
        .find("(Ўзбекча)")
        .expect("a uz-Cyrl part in README.txt");
    let part = readme[at..]
        .split("\n----\n")
        .next()
        .unwrap_or_default()
        .to_string();
    (section, part)
}

#[test]
fn the_sample_course_bundle_keeps_names_commands_and_files_in_uz_cyrl() {
    let out = tempfile::tempdir().expect("tempdir");
    let course = env!("CARGO_MANIFEST_DIR");
    let o = out.path().to_string_lossy().into_owned();
    let b = darslik(&[
        "build", "--course", course, "--out", &o, "--format", "bundle", "--quiet",
    ]);
    assert!(b.status.success(), "{}", stderr(&b));
    let (start, readme) = uz_cyrl_parts(&out.path().join("bundle"));
    for (name, text) in [("START.html", &start), ("README.txt", &readme)] {
        for kept in [
            "«darslik verify»",
            "«sha256sum -c SHA256SUMS»",
            "Moodle",
            "SCORM",
            "scorm2004",
        ] {
            assert!(text.contains(kept), "{name}: no {kept}:\n{text}");
        }
        for garbled in [
            "Моодле",
            "дарслик",
            "верифй",
            "сум",
            "СУМС",
            "Линух",
            "СЦОРМ",
            "зип",
        ] {
            assert!(!text.contains(garbled), "{name}: {garbled}:\n{text}");
        }
        // ...and the Uzbek around them is Cyrillic.
        assert!(text.contains("буйруғини ишга туширинг"), "{name}:\n{text}");
    }
    assert!(start.contains("Moodleʼга юклаш"), "{start}");
    assert!(start.contains("MOODLE.md файлида"), "{start}");
    assert!(
        start.contains("scorm12/tip-uz-uz-Cyrl.zip файлини"),
        "{start}"
    );
    assert!(readme.contains("START.html файлини"), "{readme}");
    assert!(
        readme.contains("Linuxда «sha256sum -c SHA256SUMS»"),
        "{readme}"
    );
    assert!(readme.contains(".zip файлни"), "{readme}");
}

#[test]
fn urls_emails_and_file_names_are_kept() {
    assert_eq!(
        cyrl("Sayt: https://lex.uz/docs/kitob?id=1, xat: ali.valiyev@mail.uz."),
        "Сайт: https://lex.uz/docs/kitob?id=1, хат: ali.valiyev@mail.uz."
    );
    assert_eq!(cyrl("www.gov.uz saytida"), "www.gov.uz сайтида");
    assert_eq!(
        cyrl("START.html faylini oching, README.txt va index.md ni oʻqing."),
        "START.html файлини очинг, README.txt ва index.md ни ўқинг."
    );
    assert_eq!(
        cyrl("kerakli .zip faylni, MOODLE.md faylida"),
        "керакли .zip файлни, MOODLE.md файлида"
    );
    // a sentence's full stop is not an extension
    assert_eq!(cyrl("Bu kitob. Men oʻqiyman."), "Бу китоб. Мен ўқийман.");
}

#[test]
fn digit_glued_tokens_are_kept_whole_and_numbers_take_uzbek_endings() {
    assert_eq!(
        cyrl("sha256sum, SHA256SUMS, utf8, mp4, scorm2004 papkasi"),
        "sha256sum, SHA256SUMS, utf8, mp4, scorm2004 папкаси"
    );
    // digits first: a number with an Uzbek ending
    assert_eq!(cyrl("5ta kitob, 4-nashr"), "5та китоб, 4-нашр");
}

#[test]
fn commands_are_kept() {
    assert_eq!(
        cyrl("Buyruq:\n  $ sha256sum -c SHA256SUMS\nni ishga tushiring"),
        "Буйруқ:\n  $ sha256sum -c SHA256SUMS\nни ишга туширинг"
    );
    assert_eq!(cyrl("$ darslik verify bundle"), "$ darslik verify bundle");
    // `$` inside a sentence is not a prompt
    assert_eq!(cyrl("narxi 5 $ edi"), "нархи 5 $ эди");
    // a one-letter option
    assert_eq!(cyrl("sha256sum -c bilan"), "sha256sum -c билан");
}

#[test]
fn markdown_code_spans_and_blocks_are_kept() {
    let page = "+++\ntitle = \"Tekshirish\"\n+++\n\nPapkada `darslik verify` yoki `sha256sum -c SHA256SUMS` buyrugʻini ishga tushiring.\n\n```sh\ndarslik verify dist/bundle\nsha256sum -c SHA256SUMS\n```\n\n    darslik build --format bundle\n";
    let out = markdown(page, Script::Cyrl, &Exceptions::builtin());
    assert!(out.contains("title = \"Текшириш\""), "{out}");
    assert!(
        out.contains(
            "Папкада `darslik verify` ёки `sha256sum -c SHA256SUMS` буйруғини ишга туширинг."
        ),
        "{out}"
    );
    assert!(
        out.contains("```sh\ndarslik verify dist/bundle\nsha256sum -c SHA256SUMS\n```"),
        "{out}"
    );
    assert!(out.contains("    darslik build --format bundle\n"), "{out}");
}

#[test]
fn fluent_placeables_are_kept() {
    let ftl = "bundle-check = Papkada «{ $verify }» yoki «{ \"sha256sum\" }» buyrugʻini ishga tushiring.\n";
    assert_eq!(
        fluent(ftl, Script::Cyrl, &Exceptions::builtin()),
        "bundle-check = Папкада «{ $verify }» ёки «{ \"sha256sum\" }» буйруғини ишга туширинг.\n"
    );
}

#[test]
fn keep_words_stay_as_written_with_their_endings() {
    // Without the course's list, Linux reads as an Uzbek word.
    let plain = course_exceptions("");
    assert_eq!(
        convert("Linuxda", Script::Cyrl, &plain),
        convert("Linuxda", Script::Cyrl, &Exceptions::builtin())
    );
    let ex = course_exceptions(
        "\n[translit]\nkeep = [\"Moodle\", \"darslik\", \"SHA256SUMS\", \"Linux\", \"Wi-Fi\"]\n",
    );
    let c = |s: &str| convert(s, Script::Cyrl, &ex);
    // The name stays as the text has it, like an exceptions entry that
    // keeps a word (moodle = "Moodle"); its Uzbek ending is Cyrillic.
    assert_eq!(c("Linux"), "Linux");
    assert_eq!(c("Linuxda ishlaydi"), "Linuxда ишлайди");
    assert_eq!(c("LINUX"), "LINUX");
    assert_eq!(c("darslik loyihasi"), "darslik лойиҳаси");
    assert_eq!(
        c("Moodleda, Moodlega, Moodleʼga, MOODLEDA"),
        "Moodleда, Moodleга, Moodleʼга, MOODLEДА"
    );
    assert_eq!(c("SHA256SUMS fayli"), "SHA256SUMS файли");
    assert_eq!(c("Wi-Fi orqali"), "Wi-Fi орқали");
    // Only whole words (and their endings): a longer word is not a name.
    assert_eq!(c("linuxoid"), convert("linuxoid", Script::Cyrl, &plain));
    // A course's exceptions file still converts its own words.
    assert_eq!(c("kitob"), "китоб");
}

#[test]
fn a_bad_keep_list_is_reported_at_its_line() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let old = read(root, "course.toml");
    for (bad, line, col) in [
        ("keep = [\"Moodle\", \"two words\"]", 2, 19),
        ("keep = [\"\"]", 2, 9),
        ("keep = [\"<script>alert(1)</script>\"]", 2, 9),
        ("keep = \"Moodle\"", 2, 8),
        ("keep = [\"Moodle\", 1]", 2, 19),
    ] {
        write(root, "course.toml", &format!("{old}\n[translit]\n{bad}\n"));
        let e = errors(root);
        let first = e.first().unwrap_or_else(|| panic!("{bad}: no error"));
        assert_eq!(first.1, "course.toml", "{bad}: {e:?}");
        let base = old.lines().count() + 1;
        assert_eq!((first.2, first.3), (base + line, col), "{bad}: {e:?}");
        assert!(
            ["config-translit-keep", "config-syntax"].contains(&first.0.as_str()),
            "{bad}: {e:?}"
        );
    }
}

#[test]
fn the_keep_list_is_read_from_the_course_folder_too() {
    // `darslik translit --course DIR` reads the exceptions from the folder.
    let dir = copy_fixture("basic");
    let root = dir.path();
    let old = read(root, "course.toml");
    write(
        root,
        "course.toml",
        &format!("{old}\n[translit]\nkeep = [\"Linux\"]\n"),
    );
    let mut diags = darslik::diag::Diagnostics::default();
    let ex = darslik::course::translit_exceptions(root, "uz-Cyrl", &mut diags);
    assert!(diags.items.is_empty(), "{:?}", diags.items);
    assert_eq!(convert("Linuxda", Script::Cyrl, &ex), "Linuxда");
    write(
        root,
        "course.toml",
        &format!("{old}\n[translit]\nkeep = [\"two words\"]\n"),
    );
    let mut diags = darslik::diag::Diagnostics::default();
    darslik::course::translit_exceptions(root, "uz-Cyrl", &mut diags);
    assert!(
        diags
            .items
            .iter()
            .any(|d| d.code.as_str() == "config-translit-keep"),
        "{:?}",
        diags.items
    );
}

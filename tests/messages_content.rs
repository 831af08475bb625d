//! What a translator reads about the course's files (issue 22, area
//! `content`): darslik's messages in their language, "did you mean" for a
//! mistyped Fluent message or term, and the course-wide messages
//! (`course-organisation`, `course-audience`, `course-disclaimer`,
//! `course-short-title`) shown where a reader expects them.

mod common;
use common::*;

use std::path::Path;

/// `darslik check` of `root` in `lang`, as text (stderr and stdout).
fn check_text(root: &Path, lang: &str) -> String {
    let course = root.to_string_lossy().into_owned();
    let o = darslik(&["check", "--course", &course, "--lang", lang]);
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `darslik check --format json` of `root` in `lang`: every item.
fn check_json(root: &Path, lang: &str) -> Vec<serde_json::Value> {
    let course = root.to_string_lossy().into_owned();
    let o = darslik(&[
        "check", "--course", &course, "--format", "json", "--lang", lang,
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    let v: serde_json::Value = serde_json::from_str(out.trim())
        .unwrap_or_else(|e| panic!("check --format json: {e}\n{out}\n{}", stderr(&o)));
    let mut items = Vec::new();
    for key in ["errors", "warnings"] {
        items.extend(v[key].as_array().cloned().unwrap_or_default());
    }
    items
}

/// The one item of `code` whose English message contains `needle`.
fn item<'a>(items: &'a [serde_json::Value], code: &str, needle: &str) -> &'a serde_json::Value {
    let found: Vec<&serde_json::Value> = items
        .iter()
        .filter(|i| i["code"] == code && i["message"].as_str().unwrap_or("").contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one {code} with {needle:?}, got {found:#?}\nall: {items:#?}"
    );
    found[0]
}

fn s<'a>(v: &'a serde_json::Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

/// The basic fixture with Fluent messages a translator mistyped.
fn mistyped_course() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(
        root,
        "locales/en/course.ftl",
        "course-title = Course\ncourse-description = About.\n-brand = Academy\nwelcome = Welcome, { $name }!\nitems = { -brand } items\nfarewell = Goodbye\n",
    );
    write(
        root,
        "locales/ru/course.ftl",
        // `welcom` is `welcome` misspelt; `-brnad` a misspelt term;
        // `{ farewel }` a misspelt message; `-zzzzqqq` is like nothing.
        "course-title = Курс\ncourse-description = О курсе.\nwelcom = Добро пожаловать, { $name }!\nitems = { -brnad } штук\nfarewell = До свидания { farewel }\nextra = { -zzzzqqq }\n",
    );
    dir
}

#[test]
fn a_mistyped_message_id_gets_did_you_mean() {
    let dir = mistyped_course();
    let items = check_json(dir.path(), "ru");

    let extra = item(&items, "fluent-extra", "`welcom`");
    assert_eq!(s(extra, "file"), "locales/ru/course.ftl");
    assert_eq!(extra["line"], 3);
    assert!(
        s(extra, "hint").starts_with("did you mean `welcome`?"),
        "{extra:#}"
    );
    assert!(
        s(extra, "hint_localized").starts_with("возможно, имелось в виду `welcome`?"),
        "{extra:#}"
    );
    assert_eq!(
        s(extra, "message_localized"),
        "сообщения `welcom` нет на исходном языке `en`"
    );
    // And the message it stands for, not translated, points back at it.
    let missing = item(
        &items,
        "fluent-missing",
        "`welcome` is not translated into ru",
    );
    assert_eq!(
        s(missing, "hint"),
        "locales/ru/ has `welcom`, which the source lacks: if it is this message misspelt, rename it to `welcome`"
    );
}

#[test]
fn a_mistyped_term_or_reference_gets_did_you_mean_of_its_kind() {
    let dir = mistyped_course();
    let items = check_json(dir.path(), "en");

    let term = item(&items, "fluent-reference", "`-brnad`");
    assert_eq!(
        s(term, "message"),
        "`items` refers to the term `-brnad`, which no file defines"
    );
    assert_eq!(
        s(term, "hint"),
        "did you mean `-brand`? If not, define `-brnad` in locales/ru/"
    );
    // A message is suggested for a message, never a term.
    let msg = item(&items, "fluent-reference", "`farewel`");
    assert!(
        s(msg, "message").contains("refers to the message `farewel`"),
        "{msg:#}"
    );
    assert!(
        s(msg, "hint").starts_with("did you mean `farewell`?"),
        "{msg:#}"
    );
    // Nothing near: the plain hint, no guess.
    let far = item(&items, "fluent-reference", "`-zzzzqqq`");
    assert_eq!(
        s(far, "hint"),
        "define `-zzzzqqq` in locales/ru/ or fix the spelling"
    );
}

#[test]
fn did_you_mean_in_uzbek_latin_and_cyrillic_keeps_the_id() {
    let dir = mistyped_course();
    let uz = check_text(dir.path(), "uz");
    assert!(
        uz.contains("balki `-brand` nazarda tutilgandir?"),
        "uz:\n{uz}"
    );
    let cyrl = check_text(dir.path(), "uz-Cyrl");
    // The id between backticks stays as written; the words are Cyrillic.
    assert!(
        cyrl.contains("балки `-brand` назарда тутилгандир?"),
        "uz-Cyrl:\n{cyrl}"
    );
    assert!(cyrl.contains("`locales/ru/`"), "uz-Cyrl:\n{cyrl}");
    assert!(
        cyrl.contains("[fluent-reference]"),
        "codes unchanged:\n{cyrl}"
    );
}

#[test]
fn course_file_problems_are_said_in_russian_and_uzbek() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    // A front matter key misspelt, a folder that is not a module, a message
    // defined twice.
    let page = read(root, "content/ru/module-a/01-one.md").replacen("title", "titel", 1);
    write(root, "content/ru/module-a/01-one.md", &page);
    write(
        root,
        "content/en/extra/01-x.md",
        "+++\ntitle = \"X\"\n+++\nText.\n",
    );
    let ftl = read(root, "locales/ru/course.ftl");
    write(
        root,
        "locales/ru/course.ftl",
        &format!("{ftl}course-title = Ещё раз\n"),
    );

    let ru = check_text(root, "ru");
    for want in [
        "ошибка[frontmatter-invalid]: заголовочный блок: неизвестный ключ `titel`; допустимые ключи: `title`, `description`",
        "подсказка: возможно, имелось в виду `title`? (в заголовочном блоке допустимы `title`, `description` и `translation_of`",
        "предупреждение[module-not-listed]: `content/en/extra/` не указана в `course.toml` как модуль, поэтому пропущена",
        "добавьте `\"extra\"` в `modules` раздела `[course]`",
        "ошибка[fluent-duplicate]: сообщение `course-title` определено дважды (впервые в `locales/ru/course.ftl`)",
    ] {
        assert!(ru.contains(want), "ru lacks {want:?}:\n{ru}");
    }

    let uz = check_text(root, "uz");
    for want in [
        "xato[frontmatter-invalid]: sarlavha bloki: `titel` kaliti notanish; mumkin boʻlgan kalitlar: `title`, `description`",
        "maslahat: balki `title` nazarda tutilgandir? (sarlavha blokida",
        "`content/en/extra/` papkasi `course.toml` da modul sifatida koʻrsatilmagan",
        "`course-title` xabari ikki marta aniqlangan",
    ] {
        assert!(uz.contains(want), "uz lacks {want:?}:\n{uz}");
    }
    // Uzbek Latin uses ʻ (U+02BB), never an ASCII apostrophe, in our words.
    assert!(!uz.contains("ko'rsat"), "{uz}");

    let cyrl = check_text(root, "uz-Cyrl");
    assert!(
        cyrl.contains("`content/en/extra/` папкаси `course.toml` да модуль сифатида кўрсатилмаган"),
        "uz-Cyrl:\n{cyrl}"
    );

    // English stays as it was.
    let en = check_text(root, "en");
    assert!(
        en.contains("warning[module-not-listed]: content/en/extra/ is not a module listed in course.toml; it is left out"),
        "{en}"
    );
    assert!(
        en.contains("hint: add \"extra\" to [course] modules to include it"),
        "{en}"
    );
    assert!(
        en.contains("error[frontmatter-invalid]: front matter: unknown field `titel`, expected one of `title`, `description`"),
        "{en}"
    );
    assert!(
        en.contains(
            "hint: did you mean `title`? (front matter takes title, description and translation_of"
        ),
        "{en}"
    );
}

#[test]
fn a_reserved_name_says_why_in_the_readers_language() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let toml = read(root, "course.toml").replace(
        "locales = [\"en\", \"ru\", \"uz\"]",
        "locales = [\"en\", \"ru\", \"uz\", \"static\"]",
    );
    write(root, "course.toml", &toml);
    let items = check_json(root, "ru");
    let d = item(&items, "config-reserved-name", "`static`");
    assert_eq!(
        s(d, "message"),
        "the locale tag `static` is a name darslik's output uses (site/static/ holds the theme's scripts and styles)"
    );
    assert_eq!(
        s(d, "message_localized"),
        "тег языка `static` совпадает с именем, которое занято в результатах сборки darslik (в `site/static/` лежат скрипты и стили темы)"
    );
}

/// The basic fixture with the four course-wide messages in English, two of
/// them in Russian (the others fall back to English).
fn branded_course() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let en = read(root, "locales/en/course.ftl");
    write(
        root,
        "locales/en/course.ftl",
        &format!(
            "{en}course-short-title = Fixture\ncourse-organisation = Tashkent Training Academy\ncourse-audience = Investigators and prosecutors\ncourse-disclaimer = Case examples are fictional; this is not legal advice.\n"
        ),
    );
    let ru = read(root, "locales/ru/course.ftl");
    write(
        root,
        "locales/ru/course.ftl",
        &format!(
            "{ru}course-organisation = Ташкентская учебная академия\ncourse-audience = Следователи и прокуроры\n"
        ),
    );
    dir
}

#[test]
fn the_course_wide_messages_are_on_the_site() {
    let dir = branded_course();
    let root = dir.path();
    let o = build_site(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = root.join("dist/site");

    let home = read(&site, "en/index.html");
    // The organisation above the title and in the footer.
    assert!(
        home.contains("<span class=\"site-org\">Tashkent Training Academy</span>"),
        "{home}"
    );
    assert!(
        home.contains("<p class=\"site-org\">Tashkent Training Academy</p>"),
        "{home}"
    );
    // The short title beside the full one (CSS shows it on phones).
    assert!(
        home.contains("<span class=\"title-short\">Fixture</span>"),
        "{home}"
    );
    // Audience and disclaimer on the course home.
    assert!(
        home.contains(
            "<strong>Who this course is for:</strong> <span>Investigators and prosecutors</span>"
        ),
        "{home}"
    );
    assert!(
        home.contains("<aside class=\"disclaimer\" aria-label=\"Disclaimer\"><p>Case examples are fictional; this is not legal advice.</p></aside>"),
        "{home}"
    );
    // A page's title names the course by its short title.
    let page = read(&site, "en/module-a/01-one.html");
    let title = page
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("");
    assert!(title.ends_with(" · Fixture"), "{title}");
    // Only the home page has the audience and the disclaimer.
    assert!(!page.contains("class=\"course-audience\""), "{page}");
    assert!(!page.contains("class=\"disclaimer\""), "{page}");

    // The language chooser names the organisation too.
    let chooser = read(&site, "index.html");
    assert!(
        chooser.contains("<p class=\"site-org chooser-org\">Tashkent Training Academy</p>"),
        "{chooser}"
    );

    // Russian: its own organisation and audience; the disclaimer and short
    // title come from English and say so with lang.
    let ru = read(&site, "ru/index.html");
    assert!(ru.contains(">Ташкентская учебная академия<"), "{ru}");
    assert!(
        ru.contains("<strong>Для кого этот курс:</strong> <span>Следователи и прокуроры</span>"),
        "{ru}"
    );
    assert!(
        ru.contains("<aside class=\"disclaimer\" aria-label=\"Оговорка\"><p lang=\"en\">Case examples are fictional"),
        "{ru}"
    );
    assert!(
        ru.contains("<span class=\"title-short\" lang=\"en\">Fixture</span>"),
        "{ru}"
    );
}

#[test]
fn a_course_without_them_shows_no_empty_places() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let o = build_site(root);
    assert!(o.status.success(), "{}", stderr(&o));
    let home = read(&root.join("dist/site"), "en/index.html");
    for absent in [
        "site-org",
        "title-short",
        "course-audience",
        "class=\"disclaimer\"",
    ] {
        assert!(!home.contains(absent), "{absent} in {home}");
    }
}

#[test]
fn a_single_file_carries_them_in_its_header_footer_and_title() {
    let dir = branded_course();
    let root = dir.path();
    let course = root.to_string_lossy().into_owned();
    let o = darslik(&[
        "build", "--course", &course, "--format", "single", "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = read(&root.join("dist/single"), "en/module-a.html");
    assert!(
        doc.contains("<span class=\"site-org\">Tashkent Training Academy</span>"),
        "{doc}"
    );
    assert!(
        doc.contains("<p class=\"disclaimer-line\">Case examples are fictional; this is not legal advice.</p>"),
        "{doc}"
    );
    assert!(doc.contains("· Fixture</title>"), "{doc}");
}

#[test]
fn a_scorm_package_carries_them_in_its_module_documents() {
    let dir = branded_course();
    let root = dir.path();
    let course = root.to_string_lossy().into_owned();
    let o = darslik(&[
        "build", "--course", &course, "--format", "scorm12", "--quiet",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let zip_path = std::fs::read_dir(root.join("dist/scorm12"))
        .expect("scorm12 folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with("-ru.zip"))
        .expect("the ru package");
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(&zip_path).expect("open zip")).expect("read zip");
    let mut doc = String::new();
    {
        use std::io::Read;
        zip.by_name("module-a.html")
            .expect("module-a.html in the package")
            .read_to_string(&mut doc)
            .expect("read module-a.html");
    }
    assert!(
        doc.contains("<span class=\"site-org\">Ташкентская учебная академия</span>"),
        "{doc}"
    );
    // The disclaimer falls back to English, marked as English.
    assert!(
        doc.contains("<p class=\"disclaimer-line\" lang=\"en\">Case examples are fictional"),
        "{doc}"
    );
}

#[test]
fn a_fluent_syntax_error_is_explained_in_the_readers_language() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let ru = read(root, "locales/ru/course.ftl");
    write(
        root,
        "locales/ru/course.ftl",
        &format!("{ru}broken = Привет, {{ $name\nnext = Дальше\n"),
    );
    let items = check_json(root, "ru");
    let d = item(&items, "fluent-syntax", "Fluent syntax error");
    assert_eq!(
        s(d, "message"),
        "Fluent syntax error: Expected a token starting with \"}\""
    );
    assert_eq!(
        s(d, "message_localized"),
        "ошибка синтаксиса Fluent: здесь ожидается `}`"
    );
    let uz = check_text(root, "uz-Cyrl");
    assert!(
        uz.contains("`Fluent` синтаксис хатоси: бу ерда `}` бўлиши керак"),
        "{uz}"
    );
}

#[test]
fn what_an_svg_loses_is_said_in_the_readers_language() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(
        root,
        "content/en/module-a/evil.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script><rect width=\"1\" height=\"1\"/></svg>\n",
    );
    let items = check_json(root, "ru");
    let script = item(&items, "svg-removed", "<script>");
    assert_eq!(
        s(script, "message"),
        "content/en/module-a/evil.svg, line 1, column 59: removed the element <script> with its content (it could run code or load files from outside the course)"
    );
    assert_eq!(
        s(script, "message_localized"),
        "`content/en/module-a/evil.svg`, строка 1, столбец 59: удалено: элемент `<script>` вместе с содержимым (это могло бы выполнить код или загрузить файлы извне курса)"
    );
    let attr = item(&items, "svg-removed", "onload");
    assert!(
        s(attr, "message_localized").contains("атрибут `onload=\"alert(1)\"` элемента `<svg>`"),
        "{attr:#}"
    );
    let cyrl = check_text(root, "uz-Cyrl");
    assert!(
        cyrl.contains("`<svg>` элементининг `onload=\"alert(1)\"` атрибути"),
        "{cyrl}"
    );
}

#[test]
fn removed_raw_html_is_named_in_the_readers_language() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let page = read(root, "content/en/module-a/01-one.md");
    write(
        root,
        "content/en/module-a/01-one.md",
        &format!("{page}\n<script>alert(1)</script>\n\n<a href=\"javascript:alert(2)\">x</a>\n"),
    );
    let items = check_json(root, "ru");
    let script = item(&items, "html-removed", "<script>");
    assert_eq!(
        s(script, "message"),
        "a <script> element in raw HTML is removed from the output"
    );
    assert_eq!(
        s(script, "message_localized"),
        "элемент `<script>` в HTML-вставке удаляется из результата"
    );
    let url = item(&items, "html-removed", "javascript:");
    assert_eq!(
        s(url, "message"),
        "a javascript: URL in raw HTML is removed from the output"
    );
    assert_eq!(
        s(url, "message_localized"),
        "адрес `javascript:` в HTML-вставке удаляется из результата"
    );
}

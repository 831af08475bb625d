//! Author files beside the pages (SPEC §11): an HTML or script file is
//! refused, an SVG reaches every output cleaned, no author file takes the
//! name of a generated one, and nothing outside the course folder is read.

mod common;
use common::*;
use std::path::Path;

const ALL_FORMATS: &str = "site,scorm12,scorm2004,single,bundle";

fn build_all(root: &Path) -> std::process::Output {
    let c = root.to_string_lossy().into_owned();
    darslik(&["build", "--course", &c, "--format", ALL_FORMATS, "--quiet"])
}

fn assert_nowhere(dir: &Path, payloads: &[&str]) {
    for (name, text) in all_output_text(dir) {
        for bad in payloads {
            assert!(!text.contains(bad), "{bad} reached {name}");
        }
    }
}

// D2: an HTML file beside the pages was copied into every output and ran
// when opened from the LMS.
#[test]
fn html_and_script_files_beside_pages_are_refused() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(
        root,
        "content/en/module-a/handout.html",
        "<p>Handout</p><script>alert('handout-html')</script>\n",
    );
    // Not linked from any page: refused all the same.
    write(root, "content/ru/module-a/tool.js", "alert('tool-js');\n");
    let page = read(root, "content/en/module-a/01-one.md");
    write(
        root,
        "content/en/module-a/01-one.md",
        &format!("{page}\n[Handout](handout.html)\n"),
    );
    let out = build_all(root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/en/module-a/handout.html"), "{err}");
    assert!(err.contains("content/ru/module-a/tool.js"), "{err}");
    assert!(
        err.contains("HTML files beside pages are not copied"),
        "{err}"
    );
    assert_nowhere(&root.join("dist"), &["handout-html", "tool-js"]);
}

const HOSTILE_SVG: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg [ <!ENTITY boom "svg-entity"> ]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert('svg-onload')">
  <title>Diagram</title>
  <script>alert('svg-script')</script>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/frame"></iframe></foreignObject>
  <a href="javascript:alert('svg-link')"><rect width="5" height="5"/></a>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <rect id="keep-me" width="10" height="10" style="fill:url(https://evil.example/paint)" onclick="alert('svg-click')"/>
  <set attributeName="href" to="javascript:alert('svg-set')"/>
  <circle cx="5" cy="5" r="4" fill="url(#grad)"/>
</svg>
"##;

// D2: an SVG with script, handlers or foreign content ran when opened (it
// is linked from a page and also used as an image).
#[test]
fn svg_assets_reach_every_output_cleaned() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(root, "content/en/module-a/pic.svg", HOSTILE_SVG);
    let page = read(root, "content/en/module-a/01-one.md");
    write(
        root,
        "content/en/module-a/01-one.md",
        &format!("{page}\n[Open the diagram](pic.svg)\n"),
    );
    let out = build_all(root);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("content/en/module-a/pic.svg"), "{err}");
    assert!(err.contains("line 5"), "the script's line is named: {err}");
    let dist = root.join("dist");
    assert_nowhere(
        &dist,
        &[
            "svg-onload",
            "svg-script",
            "svg-link",
            "svg-click",
            "svg-set",
            "svg-entity",
            "evil.example",
            "<!DOCTYPE svg",
        ],
    );
    // The drawing itself is kept, in every output.
    let files = all_output_text(&dist);
    let svgs: Vec<&(String, String)> = files
        .iter()
        .filter(|(_, t)| t.contains("<svg") && t.contains("Diagram"))
        .collect();
    for want in [
        "site/en/module-a/pic.svg",
        "scorm12/",
        "scorm2004/",
        "single/",
        "bundle/",
    ] {
        let found = svgs.iter().find(|(n, _)| n.contains(want));
        let (_, text) = found.unwrap_or_else(|| panic!("no SVG in {want}"));
        assert!(text.contains("id=\"keep-me\""), "{text}");
        assert!(text.contains("url(#grad)"), "{text}");
    }
}

// D2: an SVG that is not well-formed XML was copied as it was.
#[test]
fn an_svg_that_is_not_xml_is_an_error_with_its_line() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(
        root,
        "content/en/module-a/pic.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n<rect/>\n</svg>\n",
    );
    let out = build_all(root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/en/module-a/pic.svg"), "{err}");
    assert!(err.contains("line 4"), "{err}");
}

// D3: an author file with the name of a generated file replaced it.
#[test]
fn an_author_file_never_takes_a_generated_name() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    write(
        root,
        "content/ru/search-index.js",
        "window.SEARCH_INDEX = alert('fake-index');\n",
    );
    write(
        root,
        "content/en/module-a/02-two.html",
        "<script>alert('fake-page')</script>\n",
    );
    // A folder named like a page: the page was replaced by a folder, or the
    // build failed with "Is a directory".
    std::fs::create_dir_all(root.join("content/en/module-a/01-one.html")).unwrap();
    std::fs::copy(
        root.join("content/en/module-a/pic.svg"),
        root.join("content/en/module-a/01-one.html/pic.svg"),
    )
    .unwrap();
    let ru = read(root, "content/ru/index.md");
    write(
        root,
        "content/ru/index.md",
        &format!("{ru}\n[Индекс](search-index.js)\n"),
    );
    let en = read(root, "content/en/module-a/index.md");
    write(
        root,
        "content/en/module-a/index.md",
        &format!("{en}\n[Two](02-two.html) ![Pic](01-one.html/pic.svg)\n"),
    );
    let out = build_all(root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (author, generated) in [
        ("content/ru/search-index.js", "ru/search-index.js"),
        ("content/en/module-a/02-two.html", "en/module-a/02-two.html"),
        (
            "content/en/module-a/01-one.html/pic.svg",
            "en/module-a/01-one.html",
        ),
    ] {
        assert!(
            err.lines().any(|l| l.contains(author)
                && l.contains("would replace")
                && l.contains(generated)),
            "{author} → {generated}: {err}"
        );
    }
    assert_nowhere(&root.join("dist"), &["fake-index", "fake-page"]);
}

// D3: a locale or module named like a folder or file of the layout
// replaced the theme's script or failed with "Is a directory".
#[test]
fn reserved_locale_and_module_names_are_config_errors() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let toml = read(root, "course.toml")
        .replace(
            "locales = [\"en\", \"ru\", \"uz\"]",
            "locales = [\"en\", \"ru\", \"uz\", \"static\"]",
        )
        .replace(
            "modules = [\"module-a\", \"module-b\"]",
            "modules = [\"module-a\", \"module-b\", \"search.html\"]",
        );
    write(root, "course.toml", &toml);
    write(
        root,
        "content/static/index.md",
        "+++\ntitle = \"Static\"\n+++\n\nHi.\n",
    );
    write(
        root,
        "content/static/darslik.js",
        "alert('fake-darslik-js');\n",
    );
    write(
        root,
        "content/en/search.html/index.md",
        "+++\ntitle = \"S\"\n+++\n\nS.\n",
    );
    let out = build_all(root);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("course.toml:5:30") && err.contains("`static`"),
        "{err}"
    );
    assert!(
        err.contains("course.toml:6:36") && err.contains("`search.html`"),
        "{err}"
    );
    assert!(!err.contains("Is a directory"), "{err}");
    assert_nowhere(&root.join("dist"), &["fake-darslik-js"]);
}

/// The fixture course in `<tmp>/course`, so that `<tmp>/outside` is beside it.
fn course_with_outside() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let course = tmp.path().join("course");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    copy_dir(&fixture("basic"), &course);
    (tmp, course, outside)
}

// D4: `[theme] name` walked out of the course (`../x`, or `/`: the whole disk).
#[test]
fn a_theme_name_is_a_plain_name_under_themes() {
    let (_tmp, course, outside) = course_with_outside();
    write(
        &outside,
        "static/style.css",
        "body{background:url(outside-theme)}\n",
    );
    std::fs::create_dir_all(course.join("themes")).unwrap();
    let toml = read(&course, "course.toml");
    write(
        &course,
        "course.toml",
        &format!("{toml}\n[theme]\nname = \"../../outside\"\n"),
    );
    let out = build_all(&course);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("course.toml:12:8"), "{err}");
    assert!(err.contains("../../outside"), "{err}");
    assert_nowhere(&course.join("dist"), &["outside-theme"]);
}

// D4: a Fluent file linked to a file outside the course was read, and its
// lines were printed in the error output.
#[cfg(unix)]
#[test]
fn an_ftl_symlink_leaving_the_course_is_refused_unread() {
    let (_tmp, course, outside) = course_with_outside();
    write(
        &outside,
        "passwd",
        "root:x:0:0:SECRET-LINE:/root:/bin/bash\n",
    );
    std::os::unix::fs::symlink(outside.join("passwd"), course.join("locales/en/evil.ftl")).unwrap();
    let out = build_all(&course);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("locales/en/evil.ftl") && err.contains("outside the course"),
        "{err}"
    );
    assert!(!err.contains("SECRET-LINE"), "{err}");
}

// D4: content/<locale>, and a theme folder, linked to folders outside the
// course, were read.
#[cfg(unix)]
#[test]
fn content_and_theme_symlinks_leaving_the_course_are_refused() {
    let (_tmp, course, outside) = course_with_outside();
    copy_dir(&course.join("content/ru"), &outside.join("ru"));
    write(
        &outside,
        "ru/index.md",
        "+++\ntitle = \"Снаружи\"\n+++\n\nOUTSIDE-PAGE\n",
    );
    std::fs::remove_dir_all(course.join("content/ru")).unwrap();
    std::os::unix::fs::symlink(outside.join("ru"), course.join("content/ru")).unwrap();
    write(
        &outside,
        "theme/static/style.css",
        "body{--x:OUTSIDE-THEME}\n",
    );
    std::fs::create_dir_all(course.join("themes")).unwrap();
    std::os::unix::fs::symlink(outside.join("theme"), course.join("themes/mine")).unwrap();
    let toml = read(&course, "course.toml");
    write(
        &course,
        "course.toml",
        &format!("{toml}\n[theme]\nname = \"mine\"\n"),
    );
    let out = build_all(&course);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for link in ["content/ru", "themes/mine"] {
        assert!(
            err.lines()
                .any(|l| l.contains(link) && l.contains("outside the course")),
            "{link}: {err}"
        );
    }
    assert_nowhere(&course.join("dist"), &["OUTSIDE-PAGE", "OUTSIDE-THEME"]);
}

// A symbolic link inside the content that stays in the course is skipped
// with a warning, as before: nothing is read through it.
#[cfg(unix)]
#[test]
fn a_symlink_inside_the_course_is_skipped_with_a_warning() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    std::os::unix::fs::symlink("pic.svg", root.join("content/en/module-a/alias.svg")).unwrap();
    let out = build_all(root);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("content/en/module-a/alias.svg") && err.contains("not followed"),
        "{err}"
    );
}

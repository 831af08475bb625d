//! Issue 25, branding: `[theme] organisation`, `logo` and `accent` in
//! course.toml. Bad values are errors at their line and column; a logo is
//! read only from inside the course, an SVG logo is cleaned, and the logo
//! reaches the site, the SCORM packages and single files; an accent with
//! too little contrast against white is a warning that says the ratio.

mod common;
use common::*;

use std::path::Path;

/// The branding fixture with its `[theme]` table replaced by `theme`
/// (its values from line 10 of course.toml on).
fn with_theme(theme: &str) -> tempfile::TempDir {
    let dir = copy_fixture("branding");
    let toml = read(dir.path(), "course.toml");
    let at = toml.find("\n[theme]").expect("[theme] in course.toml");
    let head = &toml[..=at];
    assert_eq!(head.lines().count(), 8, "[theme] starts on line 9");
    write(
        dir.path(),
        "course.toml",
        &format!("{head}[theme]\n{theme}"),
    );
    dir
}

fn build_all(root: &Path) -> std::process::Output {
    let c = root.to_string_lossy().into_owned();
    darslik(&[
        "build",
        "--course",
        &c,
        "--format",
        "site,scorm12,scorm2004,single",
        "--quiet",
    ])
}

#[test]
fn the_fixture_builds_with_its_brand_in_every_output() {
    let dir = copy_fixture("branding");
    let out = build_all(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dist = dir.path().join("dist");
    // The site: the cleaned logo beside the theme's files, in the header
    // and on the course home; the accent in the page's style.
    let logo = read(&dist, "site/static/course-logo.svg");
    assert!(logo.contains("<svg") && logo.contains("<path"), "{logo}");
    let home = read(&dist, "site/en/index.html");
    assert!(
        home.contains(r#"<img class="site-logo" src="../static/course-logo.svg" alt="">"#),
        "{home}"
    );
    assert!(home.contains(r#"<img class="home-logo" src="../static/course-logo.svg" alt="">"#));
    assert!(home.contains(r#"<p class="home-org">Fixture Training Academy</p>"#));
    assert!(home.contains("--accent:#8a1c4a}"), "{home}");
    // A locale's own `course-organisation` wins over course.toml's.
    let ru = read(&dist, "site/ru/basics/01-first.html");
    assert!(
        ru.contains(r#"<span class="site-org">Учебная академия «Фикстура»</span>"#),
        "{ru}"
    );
    assert!(!ru.contains("Fixture Training Academy"));
    // SCORM: the logo is a file of the package, listed in the manifest.
    for (version, zip) in [
        ("1.2", "scorm12/branded-en.zip"),
        ("2004", "scorm2004/branded-en.zip"),
    ] {
        let bytes = std::fs::read(dist.join(zip)).unwrap_or_else(|e| panic!("{zip}: {e}"));
        let files = darslik::output::zipper::read_zip(&bytes).expect("zip");
        let get = |n: &str| {
            files
                .iter()
                .find(|(name, _)| name == n)
                .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
                .unwrap_or_else(|| panic!("{version}: no {n} in {zip}"))
        };
        assert_eq!(get("static/course-logo.svg"), logo, "{version}");
        assert!(get("imsmanifest.xml").contains(r#"href="static/course-logo.svg""#));
        let doc = get("basics.html");
        assert!(
            doc.contains(r#"<img class="site-logo" src="static/course-logo.svg" alt="">"#),
            "{version}: {doc}"
        );
        assert!(doc.contains("--accent:#8a1c4a}"));
    }
    // A single file carries the logo inside it.
    let single = read(&dist, "single/en/basics.html");
    assert!(
        single.contains(r#"<img class="site-logo" src="data:image/svg+xml;base64,"#),
        "no data: logo in the single file"
    );
    assert!(!single.contains("course-logo.svg"));
}

#[test]
fn without_a_brand_the_pages_look_as_before() {
    let dir = with_theme("name = \"default\"\n");
    let out = build_all(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dist = dir.path().join("dist");
    let home = read(&dist, "site/en/index.html");
    assert!(!home.contains("site-logo") && !home.contains("home-brand"));
    assert!(
        !home.contains("--accent:"),
        "no accent style without [theme] accent"
    );
    assert!(!dist.join("site/static/course-logo.svg").exists());
}

#[test]
fn bad_values_are_errors_at_their_line_and_column() {
    let cases: &[(&str, &str, u64, u64)] = &[
        ("accent = \"red\"\n", "config-accent", 11, 10),
        ("accent = \"#12345\"\n", "config-accent", 11, 10),
        (
            "accent = \"#fff; } body { display: none\"\n",
            "config-accent",
            11,
            10,
        ),
        ("logo = \"../logo.svg\"\n", "config-logo", 11, 8),
        ("logo = \"/etc/passwd.png\"\n", "config-logo", 11, 8),
        ("logo = \"branding/logo.html\"\n", "config-logo", 11, 8),
        ("logo = \"branding/none.svg\"\n", "config-logo", 11, 8),
        ("organisation = \"\"\n", "config-organisation", 11, 16),
        (
            "organisation = \"A\\u001b]0;x\\u0007\"\n",
            "config-organisation",
            11,
            16,
        ),
    ];
    for (theme, code, line, col) in cases {
        let dir = with_theme(&format!("name = \"default\"\n{theme}"));
        let p = problems(dir.path());
        has_problem(&p, code, "course.toml", *line, *col);
        let out = build_all(dir.path());
        assert_eq!(out.status.code(), Some(1), "{theme}: {}", stderr(&out));
        assert!(stderr(&out).contains(code), "{theme}: {}", stderr(&out));
    }
}

#[test]
fn a_logo_behind_a_link_out_of_the_course_is_an_error() {
    let root = tempfile::tempdir().expect("tempdir");
    let outside = root.path().join("outside.svg");
    std::fs::write(
        &outside,
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>secret</title></svg>",
    )
    .expect("write");
    let dir = with_theme("logo = \"branding/out.svg\"\n");
    std::os::unix::fs::symlink(&outside, dir.path().join("branding/out.svg")).expect("symlink");
    let p = problems(dir.path());
    has_problem(&p, "config-logo", "course.toml", 10, 8);
    let out = build_all(dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("symbolic link") && !err.contains(&*outside.to_string_lossy()),
        "names the link, not its target: {err}"
    );
}

#[test]
fn a_png_logo_must_be_a_png() {
    let dir = with_theme("logo = \"branding/logo.png\"\n");
    write(
        dir.path(),
        "branding/logo.png",
        "<html><script>alert(1)</script>",
    );
    has_problem(&problems(dir.path()), "config-logo", "course.toml", 10, 8);
    let png: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    std::fs::write(dir.path().join("branding/logo.png"), png).expect("write");
    let out = build_all(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let copied = std::fs::read(dir.path().join("dist/site/static/course-logo.png")).expect("png");
    assert_eq!(copied, png);
    let single = read(&dir.path().join("dist"), "single/en/basics.html");
    assert!(single.contains("src=\"data:image/png;base64,iVBORw0KGgo"));
}

#[test]
fn an_svg_logo_is_cleaned() {
    let dir = with_theme("logo = \"branding/logo.svg\"\n");
    write(
        dir.path(),
        "branding/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" onload=\"alert(1)\" viewBox=\"0 0 10 10\">\n<script>alert(2)</script>\n<image href=\"https://example.org/x.png\" width=\"5\" height=\"5\"/>\n<rect width=\"10\" height=\"10\" fill=\"#123\"/>\n</svg>\n",
    );
    let p = problems(dir.path());
    let removed: Vec<_> = p
        .iter()
        .filter(|(c, f, ..)| c == "svg-removed" && f == "branding/logo.svg")
        .collect();
    assert!(removed.len() >= 3, "{p:#?}");
    has_problem(&p, "svg-removed", "branding/logo.svg", 2, 1);
    let out = build_all(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let dist = dir.path().join("dist");
    for (name, text) in all_output_text(&dist) {
        if name.ends_with("course-logo.svg") || name.contains("#svg") {
            assert!(text.contains("<rect"), "{name}: {text}");
            for bad in ["onload", "<script", "alert", "example.org"] {
                assert!(!text.contains(bad), "{name} keeps {bad}: {text}");
            }
        }
    }
}

#[test]
fn a_low_contrast_accent_is_a_warning_with_the_ratio() {
    let dir = with_theme("accent = \"#ffcc00\"\n");
    let p = problems(dir.path());
    has_problem(&p, "accent-contrast", "course.toml", 10, 10);
    let (.., message) = p
        .iter()
        .find(|(c, ..)| c == "accent-contrast")
        .expect("warning");
    // #ffcc00 against white: 1.51:1 (never rounded up).
    assert!(
        message.contains("#ffcc00") && message.contains("1.51:1"),
        "{message}"
    );
    assert!(message.contains("4.5:1"), "{message}");
    // A warning: the course builds, with the accent as given.
    let out = build_all(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = {
        let c = dir.path().to_string_lossy().into_owned();
        let o = darslik(&["check", "--course", &c]);
        format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o))
    };
    assert!(
        err.contains("accent = \"#"),
        "the hint names a darker shade: {err}"
    );
    let home = read(&dir.path().join("dist"), "site/en/index.html");
    assert!(home.contains("--accent:#ffcc00}"));
    // The fixture's own accent reads well: no warning.
    let dir = copy_fixture("branding");
    assert!(
        !problems(dir.path())
            .iter()
            .any(|(c, ..)| c == "accent-contrast")
    );
}

#[test]
fn organisation_markup_is_text() {
    let dir = with_theme("organisation = \"<img src=x onerror=alert(1)> & Co\"\n");
    write(dir.path(), "locales/ru/course.ftl", "course-title = Курс\n");
    let out = build_all(dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let home = read(&dir.path().join("dist"), "site/ru/index.html");
    assert!(
        home.contains("&lt;img src=x onerror=alert(1)&gt; &amp; Co"),
        "shown as text in every locale without its own name: {home}"
    );
    assert!(!home.contains("<img src=x"));
}

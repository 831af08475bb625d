//! Video and audio clips (`![caption](clip.mp4)`): the markup every output
//! gets, the files that go with a clip in the site, SCORM (listed in the
//! manifest), the bundle and the single file, captions per locale along
//! the fallback chain (a generated locale's transliterated), and the
//! problems `check` reports: a missing captions file, a clip too large, a
//! clip on the internet, a `<video>` written in raw HTML.

mod common;
use common::*;
use std::path::Path;

const ALL_FORMATS: &str = "site,scorm12,scorm2004,single,bundle";

fn build_all(root: &Path) -> std::process::Output {
    let c = root.to_string_lossy().into_owned();
    darslik(&["build", "--course", &c, "--format", ALL_FORMATS, "--quiet"])
}

/// The sample course's clip, its second encoding and poster.
fn sample(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("content/en/case-digest").join(name)).unwrap()
}

fn put(root: &Path, rel: &str, bytes: &[u8]) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

const PAGE: &str = "module-a/01-one.md";
const EN_VTT: &str = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nTake your time.\n";
const UZ_VTT: &str = "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nShoshilmang, oʻylab koʻring.\n";

/// The basic fixture with a generated uz-Cyrl locale and a clip on the
/// home page of every locale: clip.mp4, clip.webm and clip.jpg beside the
/// English home page, captions in English and Uzbek only.
fn course_with_clip() -> tempfile::TempDir {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let toml = read(root, "course.toml");
    write(
        root,
        "course.toml",
        &format!("{toml}\n[locales.uz-Cyrl]\ngenerate = \"translit:uz\"\n"),
    );
    put(
        root,
        "content/en/module-a/clip.mp4",
        &sample("role-play.mp4"),
    );
    put(
        root,
        "content/en/module-a/clip.webm",
        &sample("role-play.webm"),
    );
    put(
        root,
        "content/en/module-a/clip.jpg",
        &sample("role-play.jpg"),
    );
    write(root, "content/en/module-a/clip.en.vtt", EN_VTT);
    write(root, "content/en/module-a/clip.uz.vtt", UZ_VTT);
    write(
        root,
        "content/uz/module-a/01-one.md",
        "+++\ntitle = \"Birinchi sahifa\"\n+++\n\nMatn.\n",
    );
    for l in ["en", "ru", "uz"] {
        let page = read(root, &format!("content/{l}/{PAGE}"));
        write(
            root,
            &format!("content/{l}/{PAGE}"),
            &format!("{page}\n![Role-play \"{l}\" & <i>more</i>](clip.mp4)\n"),
        );
    }
    dir
}

/// The captions a page's clip carries: (srclang, the WebVTT text).
fn track(html: &str) -> Option<(String, String)> {
    let at = html.find("<track ")?;
    let tag = &html[at..at + html[at..].find('>')?];
    let attr = |name: &str| {
        let from = tag.find(&format!("{name}=\""))? + name.len() + 2;
        Some(tag[from..from + tag[from..].find('"')?].to_string())
    };
    let src = attr("src")?;
    let b64 = src.strip_prefix("data:text/vtt;base64,")?;
    Some((attr("srclang")?, unbase64(b64)))
}

fn unbase64(s: &str) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut bits, mut n, mut out) = (0u32, 0, Vec::new());
    for c in s.bytes().take_while(|c| *c != b'=') {
        bits = (bits << 6) | A.iter().position(|a| *a == c).unwrap() as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn a_clip_becomes_a_video_with_poster_sources_and_captions() {
    let dir = course_with_clip();
    let root = dir.path();
    let out = build_all(root);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = read(root, "dist/site/en/module-a/01-one.html");
    for part in [
        "<figure class=\"media media-video\"><video controls preload=\"metadata\" playsinline poster=\"clip.jpg\"",
        "<source src=\"clip.mp4\" type=\"video/mp4\"><source data-alt src=\"clip.webm\" type=\"video/webm\">",
        "<track kind=\"captions\" srclang=\"en\" label=\"English\" src=\"data:text/vtt;base64,",
        // Text only: the inline HTML of the caption is dropped, the rest escaped.
        "<figcaption>Role-play &quot;en&quot; &amp; more</figcaption></figure>",
    ] {
        assert!(html.contains(part), "{part} not in {html}");
    }
    assert!(!html.contains("autoplay"), "{html}");
    assert!(!html.contains("<img src=\"clip.mp4\""), "{html}");
    assert!(
        !html.contains("<p><figure"),
        "a clip alone is not inside <p>"
    );
    // The files go beside the page, in every locale that shows it.
    for l in ["en", "ru", "uz", "uz-Cyrl"] {
        for f in ["clip.mp4", "clip.webm", "clip.jpg"] {
            assert!(
                root.join("dist/site")
                    .join(l)
                    .join("module-a")
                    .join(f)
                    .is_file(),
                "{l}/{f}"
            );
        }
    }
    assert!(root.join("dist/bundle/site/ru/module-a/clip.mp4").is_file());
}

#[test]
fn captions_follow_the_fallback_chain_and_generated_locales_transliterate() {
    let dir = course_with_clip();
    let root = dir.path();
    let out = build_all(root);
    assert!(out.status.success(), "{}", stderr(&out));
    let site = |l: &str| read(root, &format!("dist/site/{l}/module-a/01-one.html"));
    let (lang, vtt) = track(&site("en")).unwrap();
    assert_eq!(lang, "en");
    assert!(vtt.contains("Take your time."), "{vtt}");
    // ru has no captions of its own: its chain (ru, en) gives the English.
    let (lang, vtt) = track(&site("ru")).unwrap();
    assert_eq!(lang, "en");
    assert!(vtt.contains("Take your time."), "{vtt}");
    // uz has its own; uz-Cyrl is made from them.
    let (lang, vtt) = track(&site("uz")).unwrap();
    assert_eq!(lang, "uz");
    assert!(vtt.contains("Shoshilmang, oʻylab koʻring."), "{vtt}");
    let (lang, vtt) = track(&site("uz-Cyrl")).unwrap();
    assert_eq!(lang, "uz-Cyrl");
    assert!(vtt.contains("Шошилманг, ўйлаб кўринг."), "{vtt}");
}

#[test]
fn check_names_the_captions_file_each_locale_lacks() {
    let dir = course_with_clip();
    let root = dir.path();
    let p = problems(root);
    let missing: Vec<&Problem> = p
        .iter()
        .filter(|x| x.0 == "media-caption-missing")
        .collect();
    // ru lacks clip.ru.vtt (and shows English); en, uz and uz-Cyrl do not.
    assert_eq!(missing.len(), 1, "{p:#?}");
    let line = read(root, "content/ru/module-a/01-one.md").lines().count() as u64;
    has_problem(
        &p,
        "media-caption-missing",
        "content/ru/module-a/01-one.md",
        line,
        1,
    );
    assert!(missing[0].4.contains("`ru`"), "{}", missing[0].4);
    let c = root.to_string_lossy().into_owned();
    let o = darslik(&["check", "--course", &c]);
    let text = stderr(&o);
    assert!(text.contains("content/en/module-a/clip.ru.vtt"), "{text}");
    assert!(o.status.success(), "a warning, not an error: {text}");
}

#[test]
fn a_clip_larger_than_the_course_allows_is_a_warning() {
    let dir = course_with_clip();
    let root = dir.path();
    put(
        root,
        "content/en/module-a/big.webm",
        &vec![0u8; 1024 * 1024 * 3 / 2],
    );
    assert!(
        !problems(root).iter().any(|x| x.0 == "media-too-large"),
        "the default limit is far above 1.5 MB"
    );
    let toml = read(root, "course.toml");
    write(
        root,
        "course.toml",
        &format!("{toml}\n[media]\nwarn_size_mb = 1\n"),
    );
    let p = problems(root);
    let big: Vec<&Problem> = p.iter().filter(|x| x.0 == "media-too-large").collect();
    assert_eq!(big.len(), 1, "{p:#?}");
    assert_eq!(big[0].1, "content/en/module-a/big.webm");
    assert!(
        big[0].4.contains("1.5 MB") && big[0].4.contains("1 MB"),
        "{}",
        big[0].4
    );
}

#[test]
fn a_clip_on_the_internet_is_refused_where_it_is_written() {
    let dir = copy_fixture("basic");
    let root = dir.path();
    let page = read(root, "content/en/index.md");
    let line = page.lines().count() as u64 + 2;
    write(
        root,
        "content/en/index.md",
        &format!("{page}\nSee ![the talk](https://video.example/talk.mp3?x=1).\n"),
    );
    let p = problems(root);
    has_problem(&p, "media-remote", "content/en/index.md", line, 5);
    let c = root.to_string_lossy().into_owned();
    let o = darslik(&["check", "--course", &c]);
    let text = stderr(&o);
    assert!(text.contains("audio"), "{text}");
    assert!(text.contains("beside the page"), "{text}");
    assert_eq!(o.status.code(), Some(1), "{text}");
}

#[test]
fn scorm_packages_list_the_clip_and_the_single_file_carries_one_encoding() {
    let dir = course_with_clip();
    let root = dir.path();
    let out = build_all(root);
    assert!(out.status.success(), "{}", stderr(&out));
    for zip in [
        "dist/scorm12/fixture-en.zip",
        "dist/scorm12/fixture-uz-Cyrl.zip",
    ] {
        let bytes = std::fs::read(root.join(zip)).unwrap();
        let entries = darslik::output::zipper::read_zip(&bytes).unwrap();
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        let manifest = entries
            .iter()
            .find(|(n, _)| n == "imsmanifest.xml")
            .map(|(_, d)| String::from_utf8_lossy(d).into_owned())
            .unwrap();
        let locale = zip
            .trim_start_matches("dist/scorm12/fixture-")
            .trim_end_matches(".zip");
        for f in ["clip.mp4", "clip.webm", "clip.jpg"] {
            let path = format!("assets/{locale}/module-a/{f}");
            assert!(names.contains(&path.as_str()), "{path} not in {zip}");
            assert!(
                manifest.contains(&format!("<file href=\"{path}\"/>")),
                "{path} not in the manifest of {zip}"
            );
        }
    }
    for entry in std::fs::read_dir(root.join("dist/single/ru")).unwrap() {
        let html = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        assert!(!html.contains("clip.webm"), "one encoding in a single file");
    }
}

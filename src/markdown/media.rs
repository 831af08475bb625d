//! Video and audio written as images (`![caption](clip.mp4)`): the files
//! that go with a clip (a poster, a second encoding, captions per locale),
//! the WebVTT captions cleaned and embedded, and the `<figure>` markup.
//!
//! Captions are embedded as `data:` URIs in the `<track>`: Chromium refuses
//! a `<track src>` next to a page opened from `file://` ("file: URLs are
//! treated as unique security origins"), while a `data:` track loads from
//! file://, from an LMS and inside a single file alike. The markup is made
//! here, after the raw-HTML sanitiser (like quiz blocks), so the allow-list
//! admits no `<video>` an author writes.

use crate::render::escape::escape_html as esc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Video,
    Audio,
}

/// What a file is by its extension: a video, an audio file, or neither.
pub fn kind(path: &str) -> Option<Kind> {
    let ext = extension(path)?;
    match ext.as_str() {
        "mp4" | "m4v" | "webm" | "ogv" => Some(Kind::Video),
        "mp3" | "m4a" | "ogg" | "oga" | "opus" | "wav" => Some(Kind::Audio),
        _ => None,
    }
}

fn extension(path: &str) -> Option<String> {
    let name = path.rsplit('/').next()?;
    let ext = name.rsplit_once('.')?.1;
    Some(ext.to_ascii_lowercase())
}

/// The MIME type of a media, poster or caption file.
pub fn mime(path: &str) -> &'static str {
    match extension(path).as_deref() {
        Some("mp4" | "m4v") => "video/mp4",
        Some("webm") => "video/webm",
        Some("ogv") => "video/ogg",
        Some("mp3") => "audio/mpeg",
        Some("m4a") => "audio/mp4",
        Some("ogg" | "oga") => "audio/ogg",
        Some("opus") => "audio/ogg; codecs=opus",
        Some("wav") => "audio/wav",
        Some("vtt") => "text/vtt",
        _ => "application/octet-stream",
    }
}

/// `module-06/clip.mp4` → `module-06/clip`.
pub fn stem(path: &str) -> &str {
    match path.rsplit_once('.') {
        Some((s, _)) if !s.ends_with('/') && !s.is_empty() => s,
        _ => path,
    }
}

/// Poster images looked for beside a video, in this order.
pub const POSTER_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "webp"];

/// The other encodings of a video offered beside the one written, in the
/// order a browser tries them: H.264 MP4 first (every phone decodes it in
/// hardware, old iPhones play nothing else), VP8/VP9 WebM next (browsers
/// built without H.264: some Linux builds of Chromium and Firefox).
pub fn alternates(path: &str) -> Vec<String> {
    if kind(path) != Some(Kind::Video) {
        return Vec::new();
    }
    let s = stem(path);
    ["mp4", "webm"]
        .iter()
        .map(|e| format!("{s}.{e}"))
        .filter(|p| p != path)
        .collect()
}

/// The captions file of a clip for a locale: `clip.<locale>.vtt`.
pub fn caption_path(path: &str, locale: &str) -> String {
    format!("{}.{locale}.vtt", stem(path))
}

/// A clip's captions for one locale, cleaned, ready for a `<track>`.
#[derive(Debug, Clone)]
pub struct Track {
    pub srclang: String,
    pub label: String,
    /// The cleaned WebVTT text.
    pub vtt: String,
}

/// Everything the markup of one clip needs, with hrefs of the output.
#[derive(Debug, Clone)]
pub struct Media {
    pub kind: Kind,
    /// (href, MIME type); the first is the one a single file keeps.
    pub sources: Vec<(String, &'static str)>,
    pub poster: Option<String>,
    pub track: Option<Track>,
}

/// The `<figure>` of a clip with its caption (plain text) under it. Never
/// autoplay; `preload="metadata"` loads only the length and first frame.
pub fn figure(m: &Media, caption: &str) -> String {
    let (tag, class) = match m.kind {
        Kind::Video => ("video", "media media-video"),
        Kind::Audio => ("audio", "media media-audio"),
    };
    let mut h = format!("<figure class=\"{class}\">");
    h.push_str(&format!("<{tag} controls preload=\"metadata\""));
    if m.kind == Kind::Video {
        h.push_str(" playsinline");
        if let Some(p) = &m.poster {
            h.push_str(&format!(" poster=\"{}\"", esc(p)));
        }
    }
    if !caption.trim().is_empty() {
        h.push_str(&format!(" aria-label=\"{}\"", esc(caption.trim())));
    }
    h.push('>');
    for (i, (src, mime)) in m.sources.iter().enumerate() {
        // `data-alt` marks the encodings a single file leaves out.
        let alt = if i > 0 { " data-alt" } else { "" };
        h.push_str(&format!(
            "<source{alt} src=\"{}\" type=\"{}\">",
            esc(src),
            esc(mime)
        ));
    }
    if let Some(t) = &m.track {
        h.push_str(&format!(
            "<track kind=\"captions\" srclang=\"{}\" label=\"{}\" src=\"data:text/vtt;base64,{}\" default>",
            esc(&t.srclang),
            esc(&t.label),
            crate::output::single::base64(t.vtt.as_bytes())
        ));
    }
    h.push_str(&format!("</{tag}>"));
    if !caption.trim().is_empty() {
        h.push_str(&format!("<figcaption>{}</figcaption>", esc(caption.trim())));
    }
    h.push_str("</figure>\n");
    h
}

/// The `<source data-alt …>` elements removed (a single file carries one
/// encoding of each clip).
pub fn drop_alternates(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<source data-alt ") {
        out.push_str(&rest[..at]);
        match rest[at..].find('>') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `<video>` and `<audio>` elements in a fragment of raw HTML (the
/// sanitiser removes them; the Markdown form is the way to a clip): (byte
/// range of the tag's name, `<video>` or `<audio>`).
pub fn raw_tags(fragment: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let lower = fragment.to_ascii_lowercase();
    let mut found = Vec::new();
    for (needle, tag) in [("<video", "<video>"), ("<audio", "<audio>")] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(needle) {
            let at = from + i;
            from = at + needle.len();
            let next = lower.as_bytes().get(from).copied();
            if next.is_none_or(|b| b.is_ascii_whitespace() || b == b'>' || b == b'/') {
                found.push((at..from, tag));
            }
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

/// Why a captions file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VttProblem {
    /// It does not start with `WEBVTT`.
    NotWebVtt,
}

/// The cue tags kept in cue text: WebVTT's own styling, which the browser
/// draws inside the caption box (never page HTML). Every other tag is
/// dropped with its brackets, its text kept.
const KEPT_TAGS: &[&str] = &["b", "i", "u", "c"];

/// A WebVTT file cleaned for a page: the header, then the cues (timing
/// line and text) only. `NOTE`, `STYLE` (CSS that could load a `url()`) and
/// `REGION` blocks and cue identifiers are dropped; cue text keeps `<b>`,
/// `<i>`, `<u>` and `<c.class>`, any other tag is removed (its text kept),
/// a stray `<` is written `&lt;`. `text` maps the words of each piece of
/// cue text (a generated locale's transliteration); entities and tags are
/// not passed to it.
pub fn clean_vtt(source: &str, text: &dyn Fn(&str) -> String) -> Result<String, VttProblem> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = source.split("\n\n").map(|b| b.trim_matches('\n'));
    let header = blocks.next().unwrap_or("");
    let first = header.lines().next().unwrap_or("");
    if !(first == "WEBVTT" || first.starts_with("WEBVTT ") || first.starts_with("WEBVTT\t")) {
        return Err(VttProblem::NotWebVtt);
    }
    let mut out = String::from("WEBVTT\n");
    for block in blocks {
        if block.is_empty() {
            continue;
        }
        let mut lines = block.lines();
        let Some(mut line) = lines.next() else {
            continue;
        };
        if !line.contains("-->") {
            if line.starts_with("NOTE") || line.starts_with("STYLE") || line.starts_with("REGION") {
                continue;
            }
            // A cue identifier: not shown, dropped.
            match lines.next() {
                Some(l) if l.contains("-->") => line = l,
                _ => continue,
            }
        }
        let timing: String = line
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || " \t:.,-%>".contains(*c))
            .collect();
        out.push('\n');
        out.push_str(timing.trim());
        out.push('\n');
        for l in lines {
            out.push_str(&clean_cue_line(l, text));
            out.push('\n');
        }
    }
    Ok(out)
}

fn clean_cue_line(line: &str, text: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        if let Some(tag_body) = rest.strip_prefix('<') {
            match tag_body.find(['>', '<']) {
                Some(end) if tag_body.as_bytes()[end] == b'>' => {
                    let tag = &tag_body[..end];
                    let name = tag.trim_start_matches('/');
                    let name = name
                        .split(|c: char| c == '.' || c.is_whitespace())
                        .next()
                        .unwrap_or("");
                    let classes_ok = tag
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'));
                    if KEPT_TAGS.contains(&name) && classes_ok {
                        out.push('<');
                        out.push_str(tag);
                        out.push('>');
                    }
                    rest = &tag_body[end + 1..];
                }
                _ => {
                    out.push_str("&lt;");
                    rest = tag_body;
                }
            }
            continue;
        }
        if rest.starts_with('&') {
            let end = rest[1..]
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
                .map(|e| e + 1);
            match end {
                Some(e) if e > 1 && rest.as_bytes()[e] == b';' => {
                    out.push_str(&rest[..=e]);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push_str("&amp;");
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let end = rest.find(['<', '&']).unwrap_or(rest.len());
        out.push_str(&text(&rest[..end]).replace("-->", "->"));
        rest = &rest[end..];
    }
    out
}

use crate::course::Course;
use crate::i18n::Messages;
use crate::markdown::links::{AssetUse, Target};

/// How a clip's captions were found for one locale.
#[derive(Debug, Default)]
pub struct CaptionsFound {
    /// The locale whose captions are shown (a fallback's, or the
    /// generated locale's own, transliterated); `None`: no captions.
    pub shown: Option<String>,
    /// The locale's own file is missing (a fallback's or none is shown):
    /// the file to add, relative to the course.
    pub missing: Option<String>,
    /// Captions files that are not WebVTT (relative to the course).
    pub invalid: Vec<String>,
}

/// A clip of the page's `asset` as the locale `view` shows it: its
/// markup's parts with hrefs made by `href`, the files that go with it (a
/// second encoding, a poster) to copy beside it, and how its captions were
/// found.
pub fn clip(
    course: &Course,
    messages: &Messages,
    view: &str,
    asset: &AssetUse,
    href: &dyn Fn(&Target) -> Option<String>,
) -> (Media, Vec<AssetUse>, CaptionsFound) {
    let look = asset.locale.as_deref().unwrap_or(view);
    let with = |path: String| AssetUse {
        locale: asset.locale.clone(),
        path,
    };
    let href_of = |a: &AssetUse| {
        href(&Target::Asset {
            asset: a.clone(),
            frag: None,
        })
        .unwrap_or_else(|| a.path.clone())
    };
    let kind = kind(&asset.path).unwrap_or(Kind::Video);
    let mut companions = Vec::new();
    let mut sources = Vec::new();
    let mut encodings = vec![asset.path.clone()];
    encodings.extend(
        alternates(&asset.path)
            .into_iter()
            .filter(|p| course.resolve_asset(look, p).is_some()),
    );
    // MP4 first (see `alternates`), whichever was written.
    encodings.sort_by_key(|p| !p.to_ascii_lowercase().ends_with(".mp4"));
    for p in encodings {
        let a = with(p);
        sources.push((href_of(&a), mime(&a.path)));
        if a.path != asset.path {
            companions.push(a);
        }
    }
    let poster = if kind == Kind::Video {
        POSTER_EXTENSIONS
            .iter()
            .map(|e| format!("{}.{e}", stem(&asset.path)))
            .find(|p| course.resolve_asset(look, p).is_some())
            .map(|p| {
                let a = with(p);
                let h = href_of(&a);
                companions.push(a);
                h
            })
    } else {
        None
    };
    let (track, found) = captions(course, messages, view, &asset.path);
    (
        Media {
            kind,
            sources,
            poster,
            track,
        },
        companions,
        found,
    )
}

/// The captions of the clip `path` for the locale `view`: its own file
/// (`clip.<view>.vtt`), else, for a generated locale, its source locale's
/// transliterated, else the first of its fallback chain's.
fn captions(
    course: &Course,
    messages: &Messages,
    view: &str,
    path: &str,
) -> (Option<Track>, CaptionsFound) {
    let mut found = CaptionsFound::default();
    let config = course.config.locale(view);
    let generated_from = config.and_then(|c| c.generated_from.as_deref());
    let beside = course
        .resolve_asset(view, path)
        .map_or(view, |(l, _)| l)
        .to_string();
    for l in course.chain(view) {
        let vtt = caption_path(path, l);
        let Some((at, file)) = course.resolve_asset(view, &vtt) else {
            continue;
        };
        let rel = format!("content/{at}/{vtt}");
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let (lang, cleaned) = if Some(l) == generated_from && l != view {
            let script = crate::translit::Script::from_tag(view);
            // The same lists the generated pages use: built-in, keep words
            // and the locale's exceptions.toml (its problems are reported there).
            let ex = crate::course::translit_exceptions_for(
                &course.root,
                &course.config,
                view,
                &mut crate::diag::Diagnostics::default(),
            );
            let convert = |s: &str| match script {
                Some(sc) => crate::translit::convert(s, sc, &ex),
                None => s.to_string(),
            };
            (view, clean_vtt(&text, &convert))
        } else {
            (l, clean_vtt(&text, &|s: &str| s.to_string()))
        };
        match cleaned {
            Ok(vtt) => {
                if lang != view {
                    found.missing = Some(format!("content/{beside}/{}", caption_path(path, view)));
                }
                found.shown = Some(lang.to_string());
                let label = messages.localizer(lang).text("language-name");
                return (
                    Some(Track {
                        srclang: lang.to_string(),
                        label,
                        vtt,
                    }),
                    found,
                );
            }
            Err(VttProblem::NotWebVtt) => found.invalid.push(rel),
        }
    }
    found.missing = Some(format!("content/{beside}/{}", caption_path(path, view)));
    (None, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(s: &str) -> String {
        s.to_string()
    }

    #[test]
    fn kinds_and_siblings() {
        assert_eq!(kind("m/clip.MP4"), Some(Kind::Video));
        assert_eq!(kind("m/talk.opus"), Some(Kind::Audio));
        assert_eq!(kind("m/pic.png"), None);
        assert_eq!(alternates("m/clip.mp4"), ["m/clip.webm"]);
        assert_eq!(alternates("m/clip.webm"), ["m/clip.mp4"]);
        assert!(alternates("m/a.mp3").is_empty());
        assert_eq!(caption_path("m/clip.mp4", "ru"), "m/clip.ru.vtt");
    }

    #[test]
    fn vtt_keeps_cues_and_nothing_that_is_markup() {
        let v = "\u{feff}WEBVTT - hi\r\n\r\nSTYLE\r\n::cue { background: url(https://evil/x) }\r\n\r\nNOTE secret\r\n\r\nid<script>\r\n00:00:00.000 --> 00:00:02.000 line:0\r\n<b>Hi</b> <script>alert(1)</script><img src=x onerror=alert(2)> &amp; <c.red>x</c> a < b\r\n";
        let out = clean_vtt(v, &same).unwrap();
        assert_eq!(
            out,
            "WEBVTT\n\n00:00:00.000 --> 00:00:02.000 line:0\n<b>Hi</b> alert(1) &amp; <c.red>x</c> a &lt; b\n"
        );
        assert_eq!(clean_vtt("<html>", &same), Err(VttProblem::NotWebVtt));
    }

    #[test]
    fn vtt_text_is_mapped_but_not_its_tags() {
        let out = clean_vtt(
            "WEBVTT\n\n00:01.000 --> 00:02.000\n<i>salom</i> &amp;\n",
            &|s: &str| s.to_uppercase(),
        )
        .unwrap();
        assert!(out.contains("<i>SALOM</i> &amp;"), "{out}");
    }

    #[test]
    fn single_files_keep_one_encoding() {
        let m = Media {
            kind: Kind::Video,
            sources: vec![
                ("a.mp4".into(), "video/mp4"),
                ("a.webm".into(), "video/webm"),
            ],
            poster: Some("a\".jpg".into()),
            track: None,
        };
        let h = figure(&m, "Role <play>");
        assert!(h.contains("poster=\"a&quot;.jpg\""), "{h}");
        assert!(
            h.contains("<figcaption>Role &lt;play&gt;</figcaption>"),
            "{h}"
        );
        assert!(!h.contains("autoplay"));
        let one = drop_alternates(&h);
        assert!(one.contains("a.mp4") && !one.contains("a.webm"), "{one}");
    }
}

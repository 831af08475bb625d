//! Issue 16, SPEC §11: nothing in a course runs as code, anywhere. The
//! catalogue `tests/fixtures/hostile/payloads.json` (written by `make.py`
//! beside it) lists every hostile input with a marker (P001, ...):
//!
//! - "neutralised" payloads live in the hostile course, which is built into
//!   every format; the bytes of every HTML, SVG and XML file (inside the zips
//!   too, and inside data: URLs) are read the way a browser tokenises them,
//!   and no marker may sit anywhere it could run or fetch: a script element,
//!   an `on*` attribute, a javascript:/vbscript:/data: URL, `srcdoc`, a style
//!   with url()/expression(), or an address outside the output;
//! - "refused" payloads are put alone into a fresh copy of the basic fixture:
//!   the build exits 1 naming the file, and the previous output stays as it
//!   was; "blocked" ones may also build, as long as nothing of them runs.
//!
//! One test per D-item of the issue, so that each hole shows by name.

mod common;
use common::*;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use percent_encoding::percent_decode_str;
use serde_json::Value;

// ------------------------------------------------------------ the catalogue

#[derive(Debug, Clone)]
struct Payload {
    id: String,
    item: String,
    channel: String,
    outcome: String,
    text: String,
    file: Option<String>,
    visible: bool,
    setup: Value,
    names: Vec<String>,
    /// False for payloads only a browser can plant (localStorage).
    rust: bool,
}

fn catalogue() -> &'static [Payload] {
    static CAT: OnceLock<Vec<Payload>> = OnceLock::new();
    CAT.get_or_init(|| {
        let text = std::fs::read_to_string(fixture("hostile").join("payloads.json"))
            .expect("read payloads.json");
        let v: Value = serde_json::from_str(&text).expect("payloads.json is JSON");
        let s = |p: &Value, k: &str| p[k].as_str().map(str::to_string);
        v["payloads"]
            .as_array()
            .expect("payloads")
            .iter()
            .map(|p| Payload {
                id: s(p, "id").expect("id"),
                item: s(p, "item").expect("item"),
                channel: s(p, "channel").expect("channel"),
                outcome: s(p, "outcome").expect("outcome"),
                text: s(p, "payload").expect("payload"),
                file: s(p, "file"),
                visible: p["visible"].as_bool().unwrap_or(false),
                setup: p["setup"].clone(),
                names: p["names"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|n| n.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
                rust: p["rust"].as_bool().unwrap_or(true),
            })
            .collect()
    })
}

fn payloads_of(items: &[&str]) -> Vec<&'static Payload> {
    catalogue()
        .iter()
        .filter(|p| items.contains(&p.item.as_str()))
        .collect()
}

#[test]
fn catalogue_covers_every_channel_and_matches_the_fixture() {
    let cat = catalogue();
    assert!(cat.len() >= 170, "only {} payloads", cat.len());
    let mut ids = BTreeSet::new();
    for p in cat {
        assert!(ids.insert(p.id.as_str()), "{} twice", p.id);
        assert!(
            ["neutralised", "refused", "blocked"].contains(&p.outcome.as_str()),
            "{}: outcome {}",
            p.id,
            p.outcome
        );
        if p.rust && p.outcome == "neutralised" {
            // The payload is in the fixture exactly as catalogued.
            let file = p
                .file
                .as_deref()
                .unwrap_or_else(|| panic!("{}: no file", p.id));
            let text = read(&fixture("hostile"), file);
            assert!(text.contains(&p.text), "{}: not found in {file}", p.id);
        }
        if p.outcome != "neutralised" {
            assert!(!p.names.is_empty(), "{}: names no file for its error", p.id);
        }
    }
    let channels: BTreeSet<&str> = cat.iter().map(|p| p.channel.as_str()).collect();
    for c in [
        "raw-html-block",
        "raw-html-inline",
        "heading-attributes",
        "markdown-link",
        "markdown-text",
        "front-matter-title",
        "front-matter-description",
        "fluent",
        "quiz-prompt",
        "quiz-option",
        "quiz-explanation",
        "svg-asset",
        "html-asset",
        "reserved-name",
        "raw-html-api-id",
        "raw-html-external",
        "localStorage-continue",
        "results-learner-name",
        "results-organisation",
        "results-activity-name",
    ] {
        assert!(channels.contains(c), "no payload in channel {c}");
    }
}

// ------------------------------------------------------------ reading outputs

/// One document of an output: "dist/scorm12/x.zip!module-a.html" and its text.
type Doc = (String, String);

const DOC_EXTS: [&str; 6] = ["html", "htm", "xhtml", "svg", "xml", "xht"];

fn is_doc(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    DOC_EXTS
        .iter()
        .any(|e| lower.rsplit_once('.').is_some_and(|(_, x)| x == *e))
}

fn collect_docs(label: &str, name: &str, bytes: &[u8], out: &mut Vec<Doc>) {
    if name.to_ascii_lowercase().ends_with(".zip") {
        let entries = darslik::output::zipper::read_zip(bytes)
            .unwrap_or_else(|e| panic!("{label}: not a zip: {e}"));
        for (inner, data) in entries {
            collect_docs(&format!("{label}!{inner}"), &inner, &data, out);
        }
    } else if is_doc(name) {
        out.push((
            label.to_string(),
            String::from_utf8_lossy(bytes).into_owned(),
        ));
    }
}

/// Every HTML/SVG/XML document under `dir`, zips unpacked.
fn documents(dir: &Path) -> Vec<Doc> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk output");
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(entry.path()).expect("read output file");
        collect_docs(&rel, &rel, &bytes, &mut out);
    }
    out
}

// ------------------------------------------------------------ the scanner

/// A place where a payload would run or fetch; `marker` is "?" when the
/// dangerous thing carries no marker (still a failure: nothing may be there).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    marker: String,
    doc: String,
    what: String,
}

fn markers(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len() {
        if b[i] == b'P'
            && i + 4 <= b.len()
            && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            out.push(s[i..i + 4].to_string());
        }
    }
    out
}

/// HTML character references, as a browser decodes them in attribute values.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let after = &rest[1..];
        if let Some(num) = after.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = digits
                .bytes()
                .take_while(|c| {
                    if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    }
                })
                .count();
            if len > 0 {
                let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 })
                    .unwrap_or(0xFFFD);
                out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                let used = 1 + 1 + usize::from(hex) + len;
                rest = &rest[used..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        }
        let named = [
            ("lt;", "<"),
            ("gt;", ">"),
            ("amp;", "&"),
            ("quot;", "\""),
            ("apos;", "'"),
            ("colon;", ":"),
            ("Tab;", "\t"),
            ("NewLine;", "\n"),
            ("lpar;", "("),
            ("rpar;", ")"),
            ("sol;", "/"),
            ("nbsp;", "\u{a0}"),
        ];
        match named.iter().find(|(n, _)| after.starts_with(n)) {
            Some((n, v)) => {
                out.push_str(v);
                rest = &after[n.len()..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A URL as the URL parser sees it: no leading/trailing C0 or space, no tab
/// or newline anywhere.
fn normalise_url(v: &str) -> String {
    v.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

fn base64_decode(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// (media type, decoded text) of a data: URL.
fn decode_data_url(url: &str) -> (String, String) {
    let body = &url[5..];
    let (meta, data) = body.split_once(',').unwrap_or((body, ""));
    let meta = meta.to_ascii_lowercase();
    let bytes = if meta.ends_with(";base64") {
        base64_decode(&percent_decode_str(data).decode_utf8_lossy())
    } else {
        percent_decode_str(data).collect()
    };
    let mime = meta.split(';').next().unwrap_or("").trim().to_string();
    (mime, String::from_utf8_lossy(&bytes).into_owned())
}

const URL_ATTRS: [&str; 22] = [
    "href",
    "xlink:href",
    "src",
    "srcset",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "lowsrc",
    "dynsrc",
    "codebase",
    "cite",
    "ping",
    "icon",
    "manifest",
    "longdesc",
    "archive",
    "classid",
    "profile",
    "usemap",
    "itemtype",
];

struct Scanner<'a> {
    hits: &'a mut Vec<Hit>,
    /// Text outside tags and scripts, for payloads that must stay visible.
    text: String,
}

impl Scanner<'_> {
    fn hit(&mut self, doc: &str, found: &str, what: String) {
        let ms = markers(found);
        if ms.is_empty() {
            self.hits.push(Hit {
                marker: "?".into(),
                doc: doc.into(),
                what: what.clone(),
            });
        }
        for m in ms {
            self.hits.push(Hit {
                marker: m,
                doc: doc.into(),
                what: what.clone(),
            });
        }
    }

    /// Tokenise `src` as a browser would (conservatively: only `<script>` is
    /// raw text; `<style>`, `<title>`, `<noscript>`... are read as markup, so
    /// a tag hidden in them still counts) and check every tag.
    fn scan(&mut self, doc: &str, src: &str, depth: u8) {
        if depth > 4 {
            return;
        }
        let lower = src.to_ascii_lowercase();
        let b = src.as_bytes();
        let mut i = 0;
        let mut text_from = 0;
        while let Some(off) = lower[i..].find('<') {
            let at = i + off;
            if at > text_from {
                self.text.push_str(&decode_entities(&src[text_from..at]));
            }
            let rest = &lower[at..];
            let end_of = |from: usize, pat: &str| {
                lower[from..]
                    .find(pat)
                    .map_or(src.len(), |e| from + e + pat.len())
            };
            if rest.starts_with("<!--") {
                let j = at + 4;
                i = if lower[j..].starts_with('>') {
                    j + 1
                } else if lower[j..].starts_with("->") {
                    j + 2
                } else {
                    end_of(j, "-->").min(end_of(j, "--!>"))
                };
            } else if rest.starts_with("<!doctype")
                && rest
                    .find('[')
                    .is_some_and(|o| o < rest.find('>').unwrap_or(0))
            {
                // An XML internal subset can declare entities that expand to markup.
                let end = end_of(at, "]>");
                if !markers(&src[at..end]).is_empty() {
                    self.hit(
                        doc,
                        &src[at..end],
                        "a DTD internal subset (entities)".into(),
                    );
                }
                i = end;
            } else if rest.starts_with("<!") || rest.starts_with("<?") || rest.starts_with("</") {
                i = end_of(at + 1, ">");
            } else if b.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
                i = self.tag(doc, src, &lower, at, depth);
            } else {
                i = at + 1;
                self.text.push('<');
            }
            text_from = i;
        }
        if text_from < src.len() {
            self.text.push_str(&decode_entities(&src[text_from..]));
        }
    }

    /// Read the start tag at `at`, check it; returns where scanning goes on.
    fn tag(&mut self, doc: &str, src: &str, lower: &str, at: usize, depth: u8) -> usize {
        let b = src.as_bytes();
        let is_sep = |c: u8| c.is_ascii_whitespace() || c == b'/' || c == b'>';
        let mut j = at + 1;
        while j < b.len() && !is_sep(b[j]) {
            j += 1;
        }
        let name = lower[at + 1..j].to_string();
        let mut attrs: Vec<(String, String)> = Vec::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() {
                break;
            }
            if b[j] == b'>' {
                j += 1;
                break;
            }
            let start = j;
            j += 1; // a name may start with '='
            while j < b.len() && !is_sep(b[j]) && b[j] != b'=' {
                j += 1;
            }
            let key = lower[start..j].to_string();
            let mut k = j;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            let mut value = String::new();
            if k < b.len() && b[k] == b'=' {
                k += 1;
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                    let q = b[k];
                    let vend = src[k + 1..]
                        .find(q as char)
                        .map_or(src.len(), |e| k + 1 + e);
                    value = decode_entities(&src[k + 1..vend]);
                    j = (vend + 1).min(src.len());
                } else {
                    let vstart = k;
                    while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                        k += 1;
                    }
                    value = decode_entities(&src[vstart..k]);
                    j = k;
                }
            }
            attrs.push((key, value));
        }
        self.check_tag(doc, &name, &attrs, depth);
        match name.as_str() {
            "script" => {
                let end = lower[j..].find("</script").map_or(src.len(), |e| j + e);
                let kind = attrs
                    .iter()
                    .find(|(k, _)| k == "type")
                    .map(|(_, v)| v.to_ascii_lowercase())
                    .unwrap_or_default();
                let data = ["json", "template", "text/plain"]
                    .iter()
                    .any(|t| kind.contains(t));
                if !data && !markers(&src[j..end]).is_empty() {
                    self.hit(doc, &src[j..end], "inside a <script> element".into());
                }
                end
            }
            "style" => {
                let end = lower[j..].find("</style").map_or(src.len(), |e| j + e);
                self.check_css(doc, "<style>", &src[j..end], depth);
                j // read on as markup: a tag inside counts
            }
            _ => j,
        }
    }

    fn check_tag(&mut self, doc: &str, name: &str, attrs: &[(String, String)], depth: u8) {
        let all: String = attrs.iter().map(|(k, v)| format!("{k}={v} ")).collect();
        for (k, v) in attrs {
            if k.len() > 2 && k.starts_with("on") {
                self.hit(doc, v, format!("<{name} {k}>"));
            } else if k == "srcdoc" {
                self.hit(doc, v, format!("<{name} srcdoc>"));
            } else if k == "style" {
                self.check_css(doc, &format!("<{name} style>"), v, depth);
            } else if URL_ATTRS.contains(&k.as_str()) || k.ends_with(":href") {
                let first = if k == "srcset" {
                    v.split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .collect::<Vec<_>>()
                } else {
                    vec![v.as_str()]
                };
                for u in first {
                    self.check_url(doc, name, k, u, depth);
                }
            } else if matches!(k.as_str(), "values" | "to" | "from" | "by") {
                for part in v.split(';') {
                    let n = normalise_url(part).to_ascii_lowercase();
                    if n.starts_with("javascript:") || n.starts_with("data:") {
                        self.hit(doc, part, format!("<{name} {k}> animates to a script URL"));
                    }
                }
            } else if (k == "id" || k == "name") && (v == "API" || v == "API_1484_11") {
                self.hit(doc, &all, format!("<{name} {k}=\"{v}\"> hides the LMS API"));
            } else if k == "content"
                && name == "meta"
                && attrs.iter().any(|(k, _)| k == "http-equiv")
            {
                let lv = v.to_ascii_lowercase();
                if let Some(u) = lv.find("url=") {
                    self.check_url(doc, "meta", "refresh", &v[u + 4..], depth);
                }
            }
        }
        let framing = [
            "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link", "form",
            "portal", "isindex",
        ];
        // A <meta name="description"> may hold any text; http-equiv may not.
        let meta_equiv = name == "meta" && attrs.iter().any(|(k, _)| k == "http-equiv");
        if (framing.contains(&name) || meta_equiv) && !markers(&all).is_empty() {
            self.hit(doc, &all, format!("a <{name}> element"));
        }
    }

    fn check_css(&mut self, doc: &str, whr: &str, css: &str, depth: u8) {
        let lower = css.to_ascii_lowercase();
        for bad in ["expression(", "behavior:", "-moz-binding", "javascript:"] {
            if lower.contains(bad) {
                self.hit(doc, css, format!("{whr} with {bad}"));
            }
        }
        let mut from = 0;
        while let Some(i) = lower[from..].find("url(") {
            let s = from + i + 4;
            let e = lower[s..].find(')').map_or(css.len(), |e| s + e);
            let u = css[s..e].trim().trim_matches(['"', '\'']);
            self.check_url(doc, "css", "url", u, depth);
            from = e;
        }
        let mut from = 0;
        while let Some(i) = lower[from..].find("@import") {
            let s = from + i + 7;
            let rest = css[s..].trim_start();
            if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let u = rest[1..].split(q).next().unwrap_or("");
                self.check_url(doc, "css", "import", u, depth);
            }
            from = s;
        }
    }

    fn check_url(&mut self, doc: &str, tag: &str, attr: &str, raw: &str, depth: u8) {
        let n = normalise_url(raw);
        let lower = n.to_ascii_lowercase();
        let decoded = percent_decode_str(&n).decode_utf8_lossy().into_owned();
        let whr = format!("<{tag} {attr}>");
        if ["javascript:", "vbscript:", "livescript:"]
            .iter()
            .any(|s| lower.starts_with(s))
        {
            self.hit(doc, &decoded, format!("{whr} = a script URL"));
        } else if lower.starts_with("data:") {
            let (mime, body) = decode_data_url(&n);
            let image_place = matches!(
                tag,
                "img" | "image" | "input" | "source" | "video" | "picture" | "css" | "feimage"
            ) || matches!(attr, "poster" | "srcset" | "background");
            if mime.contains("svg") || mime.contains("html") || mime.contains("xml") {
                // A document in a URL: what it holds must be as clean as a file.
                self.scan(&format!("{doc} ({whr} data: URL)"), &body, depth + 1);
            }
            let runs = mime.contains("html")
                || mime.contains("xml") && !mime.contains("svg")
                || mime.contains("javascript")
                || matches!(
                    tag,
                    "script" | "iframe" | "frame" | "object" | "embed" | "base" | "link" | "meta"
                )
                || matches!(attr, "action" | "formaction");
            if runs && !image_place {
                self.hit(
                    doc,
                    &format!("{decoded} {body}"),
                    format!("{whr} = a data: URL ({mime})"),
                );
            }
        } else if [
            "http:", "https:", "ftp:", "file:", "ws:", "wss:", "//", "\\\\", "/\\", "\\/",
        ]
        .iter()
        .any(|s| lower.starts_with(s))
        {
            // Links and form targets are followed only when clicked.
            let navigates = matches!(
                attr,
                "cite" | "longdesc" | "action" | "formaction" | "itemtype" | "profile"
            ) || (matches!(attr, "href" | "xlink:href")
                && matches!(tag, "a" | "area"));
            if !navigates {
                self.hit(
                    doc,
                    &decoded,
                    format!("{whr} fetches from outside the output: {n}"),
                );
            }
        }
    }
}

fn scan_docs(docs: &[Doc]) -> (Vec<Hit>, BTreeMap<String, String>) {
    let mut hits = Vec::new();
    let mut texts = BTreeMap::new();
    for (name, text) in docs {
        let mut s = Scanner {
            hits: &mut hits,
            text: String::new(),
        };
        s.scan(name, text, 0);
        texts.insert(name.clone(), s.text);
    }
    hits.sort();
    hits.dedup();
    (hits, texts)
}

#[test]
fn the_scanner_sees_what_a_browser_runs() {
    let (hits, _) = scan_docs(&[(
        "t.html".to_string(),
        concat!(
            "<p>P001 as text &lt;script&gt;P002</p><script type=\"application/json\">\"P003\"</script>",
            "<img src=x onerror=alert('P004')><a href=\"&#106;ava&#9;script:alert('P005')\">x</a>",
            "<!--><img src=x onerror=alert('P006')>--><iframe srcdoc=\"P007\"></iframe>",
            "<img src=\"https://x.invalid/P008.png\"><a href=\"https://ok.invalid/P009\">ok</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgnUDAxMCcpPC9zY3JpcHQ+\">d</a>",
            "<svg><style><img src=x onerror=alert('P011')></style></svg><div id=\"API\" title=\"P012\"></div>",
            "<p style=\"background:url(https://x.invalid/P013)\">s</p><script>alert('P014')</script>",
        )
        .to_string(),
    )]);
    let found: BTreeSet<&str> = hits.iter().map(|h| h.marker.as_str()).collect();
    let want: BTreeSet<&str> = [
        "P004", "P005", "P006", "P007", "P008", "P010", "P011", "P012", "P013", "P014",
    ]
    .into();
    assert_eq!(found, want, "{hits:#?}");
}

// ------------------------------------------------------------ the hostile build

const ALL_FORMATS: &str = "site,scorm12,scorm2004,single,bundle";

struct Built {
    _dir: tempfile::TempDir,
    docs: Vec<Doc>,
    hits: Vec<Hit>,
    texts: BTreeMap<String, String>,
}

/// The hostile course built once into every format (shared by the tests).
fn hostile() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let dir = copy_fixture("hostile");
        let course = dir.path().to_string_lossy().into_owned();
        let out = darslik(&[
            "build",
            "--course",
            &course,
            "--format",
            ALL_FORMATS,
            "--quiet",
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "the hostile course must build (every neutralised payload is allowed input):\n{}",
            stderr(&out)
        );
        let docs = documents(&dir.path().join("dist"));
        let (hits, texts) = scan_docs(&docs);
        Built {
            _dir: dir,
            docs,
            hits,
            texts,
        }
    })
}

/// Fail listing every hit of the payloads of these items.
fn assert_no_hits(items: &[&str]) {
    let b = hostile();
    let ids: BTreeSet<&str> = payloads_of(items)
        .iter()
        .filter(|p| p.outcome == "neutralised" && p.rust)
        .map(|p| p.id.as_str())
        .collect();
    assert!(!ids.is_empty(), "no payloads for {items:?}");
    let mine: Vec<&Hit> = b
        .hits
        .iter()
        .filter(|h| ids.contains(h.marker.as_str()))
        .collect();
    // One line per payload: the first place it was found and how many more.
    let mut first: BTreeMap<&str, (&Hit, usize)> = BTreeMap::new();
    for h in &mine {
        first.entry(h.marker.as_str()).or_insert((h, 0)).1 += 1;
    }
    let lines: Vec<String> = first
        .iter()
        .map(|(m, (h, n))| format!("  {m}: {} in {} (+{} more places)", h.what, h.doc, n - 1))
        .collect();
    assert!(
        mine.is_empty(),
        "{} of {} payloads of {items:?} could run or fetch:\n{}",
        first.len(),
        ids.len(),
        lines.join("\n")
    );
}

#[test]
fn every_output_of_the_hostile_course_runs_nothing() {
    let b = hostile();
    let cat = catalogue();
    let known: BTreeSet<&str> = cat.iter().map(|p| p.id.as_str()).collect();
    let by_item: BTreeMap<&str, BTreeSet<&str>> =
        b.hits.iter().fold(BTreeMap::new(), |mut m, h| {
            let item = cat
                .iter()
                .find(|p| p.id == h.marker)
                .map_or("unattributed", |p| p.item.as_str());
            m.entry(item).or_default().insert(h.marker.as_str());
            m
        });
    println!(
        "security: {} payloads, {} documents scanned, {} hits ({} payloads)",
        cat.len(),
        b.docs.len(),
        b.hits.len(),
        by_item.values().map(BTreeSet::len).sum::<usize>()
    );
    for (item, ids) in &by_item {
        println!(
            "  {item}: {}",
            ids.iter().copied().collect::<Vec<_>>().join(" ")
        );
    }
    assert!(b.docs.len() > 50, "too few documents: {}", b.docs.len());
    let strays: Vec<&Hit> = b
        .hits
        .iter()
        .filter(|h| !known.contains(h.marker.as_str()))
        .collect();
    assert!(
        strays.is_empty(),
        "dangerous markup without a payload marker: {strays:#?}"
    );
    assert!(
        b.hits.is_empty(),
        "payloads that could run or fetch: {by_item:?}"
    );
}

#[test]
fn sanitiser_channels_run_nothing() {
    // Raw HTML, Markdown links and text, front matter, Fluent messages.
    assert_no_hits(&["sanitiser"]);
}

#[test]
fn d1_heading_attributes_run_nothing() {
    assert_no_hits(&["D1"]);
}

#[test]
fn d2_svg_assets_are_sanitised() {
    assert_no_hits(&["D2"]);
}

#[test]
fn d6_no_element_hides_the_lms_api() {
    assert_no_hits(&["D6"]);
}

#[test]
fn d7_raw_tags_fetch_nothing_from_outside() {
    assert_no_hits(&["D7"]);
}

#[test]
fn r7_quiz_text_runs_nothing() {
    assert_no_hits(&["R7"]);
}

#[test]
fn code_and_quiz_text_stay_visible() {
    let b = hostile();
    let mut missing = Vec::new();
    for p in catalogue().iter().filter(|p| p.visible) {
        let file = p.file.as_deref().expect("visible payloads name their file");
        let page = file
            .strip_prefix("content/")
            .and_then(|f| f.strip_suffix(".md"))
            .map(|f| format!("site/{f}.html"))
            .expect("a page file");
        let text = b
            .texts
            .get(&page)
            .unwrap_or_else(|| panic!("{page} not built"));
        if !text.contains(&p.id) {
            missing.push(p.id.as_str());
        }
    }
    assert!(
        missing.is_empty(),
        "shown text lost its payload: {missing:?}"
    );
}

#[test]
fn check_strict_warns_on_every_hostile_page() {
    let dir = copy_fixture("hostile");
    let c = dir.path().to_string_lossy().into_owned();
    let strict = darslik(&["check", "--course", &c, "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    let out = darslik(&["check", "--course", &c, "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("check json");
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(0), "{v}");
    let warned: BTreeSet<&str> = v["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .filter_map(|w| w["file"].as_str())
        .collect();
    // Each page that holds removable payloads says so.
    let pages: BTreeSet<&str> = catalogue()
        .iter()
        .filter(|p| {
            matches!(
                p.channel.as_str(),
                "raw-html-block" | "raw-html-inline" | "heading-attributes" | "markdown-link"
            )
        })
        .filter_map(|p| p.file.as_deref())
        .collect();
    let silent: Vec<&&str> = pages.iter().filter(|f| !warned.contains(**f)).collect();
    assert!(silent.is_empty(), "no warning for {silent:?}");
}

// ------------------------------------------------------------ refused and blocked, alone

const ISOLATED_FORMATS: &str = "site,scorm12,scorm2004,single";

fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != ".darslik-lock")
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap_or(e.path()).to_path_buf();
            (rel, std::fs::read(e.path()).unwrap_or_default())
        })
        .collect()
}

/// Put the payload's setup into `course` (and `outside`, a folder beside it).
fn apply(setup: &Value, course: &Path, outside: &Path) {
    let fill = |s: &str| s.replace("@OUTSIDE@", &outside.to_string_lossy());
    let obj = |k: &str| setup[k].as_object().cloned().unwrap_or_default();
    for r in setup["remove"].as_array().cloned().unwrap_or_default() {
        let p = course.join(r.as_str().unwrap_or_default());
        std::fs::remove_dir_all(&p)
            .or_else(|_| std::fs::remove_file(&p))
            .expect("remove");
    }
    for (rel, text) in obj("outside") {
        write(outside, &rel, text.as_str().unwrap_or_default());
    }
    for (rel, text) in obj("files") {
        write(course, &rel, &fill(text.as_str().unwrap_or_default()));
    }
    for (rel, text) in obj("append") {
        let old = std::fs::read_to_string(course.join(&rel)).unwrap_or_default();
        write(
            course,
            &rel,
            &format!("{old}{}", text.as_str().unwrap_or_default()),
        );
    }
    if let Some(t) = setup["toml_append"].as_str() {
        let old = read(course, "course.toml");
        write(course, "course.toml", &format!("{old}{}", fill(t)));
    }
    for (rel, target) in obj("symlinks") {
        let link = course.join(&rel);
        if let Some(parent) = link.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(fill(target.as_str().unwrap_or_default()), &link)
            .expect("symlink");
    }
}

/// Build the basic course, add the payload alone, build again.
fn try_isolated(p: &Payload) -> Result<(), String> {
    let root = tempfile::tempdir().expect("tempdir");
    let course = root.path().join("course");
    let outside = root.path().join("outside");
    std::fs::create_dir_all(&outside).expect("mkdir");
    copy_dir(&fixture("basic"), &course);
    let c = course.to_string_lossy().into_owned();
    let build = || {
        darslik(&[
            "build",
            "--course",
            &c,
            "--format",
            ISOLATED_FORMATS,
            "--quiet",
        ])
    };
    let first = build();
    assert!(
        first.status.success(),
        "basic must build: {}",
        stderr(&first)
    );
    let before = snapshot(&course.join("dist"));
    apply(&p.setup, &course, &outside);
    let out = build();
    let err = stderr(&out);
    match out.status.code() {
        Some(1) => {
            if !p
                .names
                .iter()
                .any(|n| err.contains(&n.replace("@OUTSIDE@", &outside.to_string_lossy())))
            {
                return Err(format!(
                    "exit 1, but the message names none of {:?}:\n{err}",
                    p.names
                ));
            }
            if snapshot(&course.join("dist")) != before {
                return Err("exit 1, but the previous output changed".into());
            }
            Ok(())
        }
        Some(0) if p.outcome == "blocked" => {
            let (hits, _) = scan_docs(&documents(&course.join("dist")));
            let mine: Vec<&Hit> = hits.iter().filter(|h| h.marker == p.id).collect();
            match mine.first() {
                None => Ok(()),
                Some(h) => Err(format!(
                    "built, and it could run: {} in {} (+{} more places)",
                    h.what,
                    h.doc,
                    mine.len() - 1
                )),
            }
        }
        code => Err(format!(
            "built with exit {code:?} (expected 1, naming {:?})",
            p.names
        )),
    }
}

fn assert_isolated(items: &[&str]) {
    let ps: Vec<&Payload> = payloads_of(items)
        .into_iter()
        .filter(|p| p.outcome != "neutralised")
        .collect();
    assert!(!ps.is_empty(), "no refused payloads for {items:?}");
    let failures: Vec<String> = ps
        .iter()
        .filter_map(|p| {
            try_isolated(p)
                .err()
                .map(|e| format!("{} ({}, {}): {e}", p.id, p.channel, p.outcome))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} got through:\n{}",
        failures.len(),
        ps.len(),
        failures.join("\n")
    );
}

#[test]
fn d2_html_assets_are_refused() {
    assert_isolated(&["D2", "D2+D3"]);
}

#[test]
fn d3_author_files_never_replace_generated_ones() {
    assert_isolated(&["D3"]);
}

#[test]
fn d4_nothing_outside_the_course_is_read() {
    assert_isolated(&["D4"]);
}

#[test]
fn d7_images_from_elsewhere_are_refused_or_removed() {
    assert_isolated(&["D7"]);
}

#[test]
fn obfuscated_link_schemes_are_refused_or_removed() {
    assert_isolated(&["sanitiser"]);
}

#[test]
fn r7_quiz_links_and_images_are_checked() {
    assert_isolated(&["R7"]);
}

// ------------------------------------------------------------ results files (D10)

/// Learners' results files are a new input channel (issue 21): what a learner
/// types or a tampered file says reaches the trainer's report, records.csv
/// and the certificates. The three hostile files (make.py) are imported,
/// reported on and certified; nothing of them may run or fetch, the names
/// stay readable, no CSV cell starts a formula, and a name like `../../x`
/// writes nothing outside --out.
#[test]
fn d10_results_files_run_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let src = fixture("hostile").join("results");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&src).expect("hostile results") {
        let path = entry.expect("entry").path();
        let to = root.join(path.file_name().expect("name"));
        std::fs::copy(&path, &to).expect("copy results file");
        files.push(to.to_string_lossy().into_owned());
    }
    files.sort();
    assert_eq!(files.len(), 3, "{files:?}");
    let db = root.join("r.sqlite").to_string_lossy().into_owned();
    let mut args = vec!["results", "add", "--db", &db];
    args.extend(files.iter().map(String::as_str));
    let out = darslik(&args);
    assert_eq!(out.status.code(), Some(0), "add: {}", stderr(&out));
    let report = root.join("out/report");
    let certs = root.join("out/certs");
    let key = root.join("k").to_string_lossy().into_owned();
    let report_s = report.to_string_lossy().into_owned();
    let certs_s = certs.to_string_lossy().into_owned();
    for args in [
        vec!["results", "report", "--db", &db, "--out", &report_s, "-q"],
        vec!["results", "keygen", "--out", &key],
        vec![
            "results",
            "certificates",
            "--db",
            &db,
            "--key",
            &format!("{key}.key"),
            "--out",
            &certs_s,
        ],
    ] {
        let out = darslik(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    // Nothing written beside --out but what the test made.
    let mut top: Vec<String> = std::fs::read_dir(root)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    top.retain(|n| {
        !n.starts_with("hostile-") && !n.starts_with("r.sqlite") && n != "k.key" && n != "k.pub"
    });
    assert_eq!(top, ["out"], "files outside --out");
    let mut out_dirs: Vec<String> = std::fs::read_dir(root.join("out"))
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    out_dirs.sort();
    assert_eq!(out_dirs, ["certs", "report"], "files outside --out");

    let mut docs = documents(&report);
    let cert_docs = documents(&certs);
    assert!(
        cert_docs.len() >= 3,
        "a certificate per learner: {cert_docs:?}"
    );
    assert!(
        docs.iter().any(|(n, _)| n.starts_with("report-")),
        "no report pages"
    );
    docs.extend(cert_docs);
    let (hits, texts) = scan_docs(&docs);
    assert!(
        hits.is_empty(),
        "results payloads could run or fetch: {hits:#?}"
    );
    // Learners' names are shown as they typed them, in the report and on
    // their certificates.
    let shown: String = texts.values().cloned().collect();
    for p in catalogue()
        .iter()
        .filter(|p| p.channel == "results-learner-name")
    {
        assert!(shown.contains(&p.text), "{}: name not shown as text", p.id);
    }
    // records.csv: no cell that a spreadsheet would run as a formula.
    let csv = std::fs::read_to_string(report.join("records.csv")).expect("records.csv");
    assert!(csv.starts_with('\u{feff}'), "records.csv has no BOM");
    let mut formulas = Vec::new();
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            if cell.starts_with(['=', '+', '-', '@', '\t']) {
                formulas.push(cell.to_string());
            }
        }
    }
    assert!(formulas.is_empty(), "formula cells: {formulas:?}");
    assert!(
        csv.contains("HYPERLINK"),
        "the organisation was dropped: {csv}"
    );
}

/// D11: a source snapshot kept by `stamp` (issue 22) is shown as a stale
/// page's diff by `check`, `status` and the dashboard: its words are text,
/// never markup, and nothing a terminal would act on reaches it.
#[test]
fn d11_snapshots_are_shown_as_text() {
    let course = copy_fixture("translator");
    let root = course.path();
    let snaps: Vec<&Payload> = catalogue()
        .iter()
        .filter(|p| p.channel.starts_with("stale-snapshot"))
        .collect();
    assert_eq!(snaps.len(), 3);
    let file = snaps[0].file.as_deref().expect("snapshot file");
    let hex = file
        .trim_start_matches("snapshots/")
        .trim_end_matches(".md");
    let sources = root.join(".darslik/sources");
    std::fs::create_dir_all(&sources).expect("mkdir");
    std::fs::copy(
        fixture("hostile").join(file),
        sources.join(format!("{hex}.md")),
    )
    .expect("copy snapshot");
    let page = "content/ru/module-a/01-one.md";
    let text = read(root, page).replace(
        &format!("sha256:{}", "0".repeat(64)),
        &format!("sha256:{hex}"),
    );
    write(root, page, &text);
    let course_arg = root.to_string_lossy().into_owned();

    for args in [vec!["check"], vec!["status"]] {
        let mut args = args;
        args.extend(["--course", &course_arg]);
        let o = darslik(&args);
        let out = format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o));
        assert!(
            out.contains("<script>alert") && out.contains("P368") && out.contains("P369"),
            "{args:?}: the diff is not shown:\n{out}"
        );
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'),
            "{args:?}: a terminal control from a snapshot reached the terminal:\n{out}"
        );
        assert!(
            out.contains("P370") && out.contains("\\u{1b}") && out.contains("\\u{202e}"),
            "{args:?}: P370 not shown escaped:\n{out}"
        );
    }

    let html = root.join("status.html");
    let html_s = html.to_string_lossy().into_owned();
    let o = darslik(&[
        "status",
        "--course",
        &course_arg,
        "--format",
        "html",
        "--out",
        &html_s,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = ("status.html".to_string(), read(root, "status.html"));
    let (hits, texts) = scan_docs(&[doc]);
    assert!(hits.is_empty(), "snapshot payloads could run: {hits:#?}");
    // The diff splits the payloads into words; each is there as text.
    let shown = &texts["status.html"];
    assert!(shown.contains("<script>alert"), "not shown as text");
    for p in snaps.iter().filter(|p| p.channel == "stale-snapshot") {
        assert!(shown.contains(&p.id), "{}: not shown as text", p.id);
    }
}

/// D12 (issue 23): XLIFF files come back from outside. Each is imported
/// alone into a copy of the basic course: DOCTYPEs, files outside the
/// course and a target that would make a new block are refused naming
/// the problem, with nothing written and no terminal control printed;
/// markup in targets is imported as text the build then neutralises.
#[test]
fn d12_xliff_imports_write_nothing_that_runs() {
    let ps = payloads_of(&["D12"]);
    assert_eq!(ps.len(), 9, "P371-P379");
    for p in ps {
        let dir = copy_fixture("basic");
        let root = dir.path();
        let c = root.to_string_lossy().into_owned();
        let file = fixture("hostile").join(p.file.as_deref().expect("xlf file"));
        let before = std::fs::read(root.join("content/ru/index.md")).expect("read");
        let before_ftl = std::fs::read(root.join("locales/ru/course.ftl")).expect("read");
        let o = darslik(&["xliff", "import", &file.to_string_lossy(), "--course", &c]);
        let err = stderr(&o);
        assert!(
            !err.contains('\u{1b}') && !err.contains('\u{9b}') && !err.contains('\u{202e}'),
            "{}: a terminal control reached the terminal:\n{err}",
            p.id
        );
        if !p.names.is_empty() {
            assert_eq!(o.status.code(), Some(1), "{}: not refused:\n{err}", p.id);
            assert!(
                p.names.iter().any(|n| err.contains(n.as_str())),
                "{}: the refusal names none of {:?}:\n{err}",
                p.id,
                p.names
            );
            assert_eq!(
                std::fs::read(root.join("content/ru/index.md")).expect("read"),
                before,
                "{}: written after a refusal",
                p.id
            );
            assert_eq!(
                std::fs::read(root.join("locales/ru/course.ftl")).expect("read"),
                before_ftl,
                "{}",
                p.id
            );
            assert!(!root.join("content").join(format!("{}.md", p.id)).exists());
            continue;
        }
        assert_eq!(o.status.code(), Some(0), "{}: {err}", p.id);
        let b = build_site(root);
        assert_eq!(b.status.code(), Some(0), "{}: {}", p.id, stderr(&b));
        let (hits, _) = scan_docs(&documents(&root.join("dist")));
        let mine: Vec<&Hit> = hits.iter().filter(|h| h.marker == p.id).collect();
        assert!(mine.is_empty(), "{}: imported and it runs: {mine:#?}", p.id);
        let written = read(root, "content/ru/index.md") + &read(root, "locales/ru/course.ftl");
        assert!(written.contains(&p.id), "{}: not imported", p.id);
    }
}

#[test]
fn d13_glossary_text_runs_nothing() {
    // Terms, accepted renderings, variants to avoid and notes of
    // glossary.toml are text on every locale's glossary page.
    assert_no_hits(&["D13"]);
    let b = hostile();
    for locale in ["en", "ru", "uz"] {
        let name = format!("site/{locale}/glossary.html");
        let (_, html) = b
            .docs
            .iter()
            .find(|(n, _)| n.ends_with(&name))
            .unwrap_or_else(|| panic!("no {name}"));
        assert!(
            html.contains("P380") && !html.contains("<script>alert('P380')"),
            "{name}: the note is not shown as text"
        );
    }
}

#[test]
fn d13_glossaries_from_outside_or_past_the_parser_are_refused() {
    assert_isolated(&["D13"]);
    // A key of terminal controls is named, escaped, in check's report.
    terminal_controls_are_named_escaped("D13", "glossary-terminal", "P389", &["glossary.toml"]);
}

#[test]
fn d14_translit_keep_words_are_refused_or_run_nothing() {
    // `[translit] keep` (issue 24): markup, a non-string, a huge list and
    // terminal controls are refused naming course.toml; HTML-ish words kept
    // by a generated uz-Cyrl locale build and run nothing.
    assert_isolated(&["D14"]);
    terminal_controls_are_named_escaped(
        "D14",
        "translit-keep-terminal",
        "P393",
        &["course.toml", "config-translit-keep"],
    );
}

#[test]
fn d16_media_clips_are_refused_or_run_nothing() {
    // Clips (issue 25): captions with markup and STYLE url(), clip file
    // names with quotes and markup, raw <video>/<audio> with handlers and
    // remote sources, and captions that are an HTML page build and run
    // nothing; a clip on the internet and a clip or captions file linked
    // out of the course are refused naming the page or the link.
    assert_isolated(&["D16"]);
}

#[test]
fn d15_branding_is_refused_or_runs_nothing() {
    // `[theme] organisation`, `logo`, `accent` (issue 25): an accent with
    // CSS or HTML in it, a logo outside the course (.., absolute, a link
    // out), a logo that is not an SVG or PNG, and terminal controls in the
    // organisation are refused naming course.toml; an SVG logo with script
    // and an organisation with markup build and run nothing.
    assert_isolated(&["D15"]);
    terminal_controls_are_named_escaped(
        "D15",
        "organisation-terminal",
        "P419",
        &["course.toml", "config-organisation"],
    );
}

/// The payload `id` of `group` on `channel` (terminal controls in a course
/// file) fails `darslik check`, which names it and the `names`, with every
/// control escaped.
fn terminal_controls_are_named_escaped(group: &str, channel: &str, id: &str, names: &[&str]) {
    let p = payloads_of(&[group])
        .into_iter()
        .find(|p| p.channel == channel)
        .expect(id);
    let root = tempfile::tempdir().expect("tempdir");
    let course = root.path().join("course");
    copy_dir(&fixture("basic"), &course);
    apply(&p.setup, &course, root.path());
    let c = course.to_string_lossy().into_owned();
    let o = darslik(&["check", "--course", &c]);
    let out = format!("{}{}", String::from_utf8_lossy(&o.stdout), stderr(&o));
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains(id) && names.iter().all(|n| out.contains(n)),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{7}') && !out.contains('\u{202e}'),
        "a terminal control from {names:?} reached the terminal:\n{out}"
    );
}

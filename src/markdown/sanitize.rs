//! Raw HTML in Markdown is allowed, but what reaches a page passes an
//! allow-list (ammonia): no scripts, frames, objects, forms, event handlers,
//! `javascript:`/`data:` URLs or styles beyond text alignment. SCORM content
//! runs on the academy's own Moodle origin, so anything else would be stored
//! cross-site scripting inside its LMS.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};

static CLEANER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut b = Builder::default();
    b.add_tags([
        "fieldset",
        "legend",
        "select",
        "option",
        "label",
        "input",
        "button",
        "section",
        "details",
        "summary",
        "figure",
        "figcaption",
        "mark",
        "abbr",
        "kbd",
        "sup",
        "sub",
        "div",
        "span",
        "dl",
        "dt",
        "dd",
        "aside",
    ])
    .add_generic_attributes([
        "id", "class", "lang", "dir", "title", "role", "tabindex", "hidden", "style",
    ])
    .generic_attribute_prefixes(HashSet::from(["aria-", "data-"]))
    .add_tag_attributes("a", ["hreflang", "rel"])
    .add_tag_attributes("img", ["width", "height", "loading"])
    .add_tag_attributes(
        "input",
        [
            "type",
            "name",
            "value",
            "checked",
            "disabled",
            "maxlength",
            "autocomplete",
            "spellcheck",
            "inputmode",
        ],
    )
    .add_tag_attributes("option", ["value"])
    .add_tag_attributes("label", ["for"])
    .add_tag_attributes("button", ["type"])
    .add_tag_attributes("details", ["open"])
    .add_tag_attributes("ol", ["start", "type"])
    .add_tag_attributes("th", ["colspan", "rowspan", "scope"])
    .add_tag_attributes("td", ["colspan", "rowspan"])
    .filter_style_properties(HashSet::from(["text-align"]))
    .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
    .url_relative(UrlRelative::PassThrough)
    .link_rel(None)
    .strip_comments(true)
    .attribute_filter(|_element, attribute, value| match attribute {
        "id" | "for" | "aria-describedby" | "aria-labelledby" | "aria-controls"
            if reserved_id(value) =>
        {
            None
        }
        "src" if !local_src(value) => None,
        _ => Some(value.into()),
    });
    b
});

/// Ids an author may not give an element: a page's elements become
/// properties of `window` by their ids, and the course's scripts look up the
/// LMS API (`API`, `API_1484_11`) and their own objects (`darslik…`) there;
/// `<div id="API">` would switch tracking off, `<div id="darslikStore">`
/// would break progress.
pub fn reserved_id(id: &str) -> bool {
    let id = id.trim();
    id == "API"
        || id == "API_1484_11"
        || id
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("darslik"))
}

/// May an element load this `src` (an image, say)? Only a file of the output
/// itself: nothing from the network (the course works offline, and a request
/// tells a third party who reads what), nothing by an absolute path or a
/// scheme. Markdown images are checked and copied by the build; a `src` in
/// raw HTML that is not relative is removed.
fn local_src(src: &str) -> bool {
    let s: String = src
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(64)
        .collect();
    !(s.is_empty()
        || has_scheme(&s)
        || s.starts_with('/')
        || s.starts_with('\\')
        || s.contains('\\'))
}

/// Does a URL start with a scheme (`x:`) before any `/`, `?` or `#`?
fn has_scheme(url: &str) -> bool {
    match url.find([':', '/', '?', '#']) {
        Some(i) => url.as_bytes()[i] == b':' && i > 0,
        None => false,
    }
}

/// The HTML with everything outside the allow-list removed.
pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Is a link scheme safe to keep in a page?
pub fn safe_scheme(dest: &str) -> bool {
    let scheme = dest
        .split(':')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
}

/// What the sanitiser will remove from a fragment of raw HTML, for a warning
/// that names it: (byte range inside the fragment, what it is).
pub fn dangerous(fragment: &str) -> Vec<(Range<usize>, &'static str)> {
    let lower = fragment.to_ascii_lowercase();
    let mut found = Vec::new();
    for (needle, what) in [
        ("<script", "a <script> element"),
        ("<iframe", "an <iframe>"),
        ("<object", "an <object>"),
        ("<embed", "an <embed>"),
        ("<form", "a <form>"),
        ("<style", "a <style> element"),
        ("<link", "a <link> element"),
        ("<meta", "a <meta> element"),
        ("javascript:", "a javascript: URL"),
        ("vbscript:", "a vbscript: URL"),
        ("data:", "a data: URL"),
        ("url(", "a style with url()"),
        ("src=\"http", "an image from the internet"),
        ("src='http", "an image from the internet"),
        ("src=http", "an image from the internet"),
        ("src=\"//", "an image from the internet"),
    ] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(needle) {
            found.push((from + i..from + i + needle.len(), what));
            from += i + needle.len();
        }
    }
    // Event handlers: on...= inside a tag.
    let bytes = lower.as_bytes();
    let mut in_tag = false;
    for i in 0..bytes.len() {
        match bytes[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b'o' if in_tag
                && i > 0
                && bytes[i - 1].is_ascii_whitespace()
                && bytes.get(i + 1) == Some(&b'n') =>
            {
                let name_end = lower[i..]
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .map_or(lower.len(), |n| i + n);
                if name_end > i + 2 && lower[name_end..].trim_start().starts_with('=') {
                    found.push((i..name_end, "an event handler attribute"));
                }
            }
            _ => {}
        }
    }
    // Ids the course's scripts look up on `window` (see `reserved_id`).
    let mut from = 0;
    while let Some(i) = lower[from..].find("id=") {
        let at = from + i + 3;
        from = at;
        if at < 4 || !bytes[at - 4].is_ascii_whitespace() {
            continue;
        }
        let rest = &fragment[at..];
        let (value, skip) = match rest.as_bytes().first() {
            Some(q @ (b'"' | b'\'')) => {
                let end = rest[1..].find(*q as char).map_or(rest.len(), |e| e + 1);
                (&rest[1..end], 1)
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(rest.len());
                (&rest[..end], 0)
            }
        };
        if reserved_id(value) {
            let start = at + skip;
            found.push((
                start..start + value.len(),
                "an id that darslik's scripts or the LMS connection use",
            ));
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_what_could_run_code() {
        let html = r#"<p>ok</p><script>alert(1)</script><img src="x.png" onerror="alert(2)"><a href="javascript:alert(3)">x</a><iframe src="https://evil"></iframe><object data="x"></object><embed src="x"><form action="/"><input name="q"></form><p style="color:red;background:url(https://evil/x.png);text-align:center">c</p>"#;
        let out = clean(html);
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "<iframe",
            "<object",
            "<embed",
            "<form",
            "url(",
            "color",
        ] {
            assert!(!out.contains(bad), "{bad} survived: {out}");
        }
        assert!(out.contains("<p>ok</p>"));
        assert!(out.contains("text-align:center"));
    }

    #[test]
    fn keeps_the_markup_darslik_makes() {
        let html = r##"<div class="quiz" data-quiz data-correct="OK"><fieldset class="quiz-q" id="q-a-1" data-qid="a/1" data-kind="single" data-answer="1" aria-describedby="q-a-1-hint"><legend>1.</legend><label class="quiz-opt" for="q-a-1-0"><input type="radio" name="q-a-1" id="q-a-1-0" value="0"> x</label><button type="button" class="quiz-check" hidden>Check</button><div class="quiz-feedback" aria-live="polite" role="status"></div></fieldset></div><div class="table-wrap" tabindex="0"><table><thead><tr><th style="text-align: center">A</th></tr></thead></table></div><sup class="footnote-reference" id="fnref-1"><a href="#fn-1">1</a></sup><h2 id="очная-ставка">Очная ставка</h2><a href="02-b.html#act">x</a><img src="assets/uz/m/d.svg" alt="d">"##;
        let out = clean(html);
        for kept in [
            "data-qid=\"a/1\"",
            "aria-describedby=\"q-a-1-hint\"",
            "type=\"radio\"",
            "for=\"q-a-1-0\"",
            "hidden",
            "aria-live=\"polite\"",
            "tabindex=\"0\"",
            "text-align:center",
            "id=\"очная-ставка\"",
            "href=\"02-b.html#act\"",
            "src=\"assets/uz/m/d.svg\"",
            "id=\"fnref-1\"",
        ] {
            assert!(out.contains(kept), "{kept} was removed: {out}");
        }
    }

    #[test]
    fn names_what_it_removes() {
        let f = r#"<img src=x onerror="alert(1)"><script>"#;
        let kinds: Vec<&str> = dangerous(f).into_iter().map(|(_, w)| w).collect();
        assert_eq!(kinds, ["an event handler attribute", "a <script> element"]);
        assert!(dangerous("<p class=\"one\">fine</p>").is_empty());
    }

    #[test]
    fn keeps_the_lms_connection_and_the_network_out_of_reach() {
        let out = clean(
            r#"<div id="API">a</div><span id="API_1484_11">b</span><p id="darslikStore">c</p><p id="api-notes">d</p><img src="https://evil.example/x.png" alt="e"><img src="//evil.example/y.png"><img src="/etc/z.png"><img src="pic.png" alt="f">"#,
        );
        for bad in [
            "\"API\"",
            "API_1484_11",
            "darslikStore",
            "evil.example",
            "/etc/",
        ] {
            assert!(!out.contains(bad), "{bad} survived: {out}");
        }
        assert!(out.contains("id=\"api-notes\""), "{out}");
        assert!(out.contains("src=\"pic.png\""), "{out}");
        let kinds: Vec<&str> = dangerous(r#"<div id="API"></div><img src="https://x/y.png">"#)
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            kinds,
            [
                "an id that darslik's scripts or the LMS connection use",
                "an image from the internet"
            ]
        );
    }
}

//! SVG files beside the pages, cleaned with an allow-list before they reach
//! any output (SPEC §11). An SVG is a document: opened on its own (a link to
//! it, "open image in new tab", the LMS's file view) its `<script>`, `onload`
//! and `<foreignObject>` run on the origin that serves it, which for a SCORM
//! package is the academy's Moodle. What is kept: shapes, paths, text,
//! groups, gradients, patterns, markers, clip paths and masks, filters,
//! `<use>` of an element of the same file, `<title>`/`<desc>`, presentation
//! attributes, and CSS that fetches nothing. Everything else is removed, and
//! each removal is reported with its position.
//!
//! The file is read as a stream of XML events (quick-xml) and written again
//! from the kept ones, so the output is always well-formed and never holds
//! bytes the cleaner did not look at. No entity is expanded and no DOCTYPE
//! is kept.

use std::path::Path;

mod cleaner;
mod rules;
mod tables;

use cleaner::Cleaner;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";

/// The cleaned file and what was taken out of it.
#[derive(Debug)]
pub struct Cleaned {
    pub bytes: Vec<u8>,
    /// The first [`LISTED`] removals, in file order.
    pub removed: Vec<Removed>,
    /// How many more were removed.
    pub not_listed: usize,
}

/// At most this many removals are kept with their position (a drawing
/// with thousands of handlers is one problem, and its report stays small).
pub const LISTED: usize = 100;

/// One thing removed: where it was (1-based) and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub line: usize,
    pub column: usize,
    /// What it was, in English.
    pub what: String,
    /// What it was, for a message in the reader's language.
    pub part: Part,
}

/// A part of an SVG file taken out: its kind (a key of the message
/// `content-svg-part`: `doctype`, `instruction`, `element`, `link`,
/// `style-elements`, `style-css`, `attribute`), the markup (`<script>`,
/// `onclick="…"`), and for an attribute, its element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub kind: &'static str,
    pub code: String,
    pub element: String,
}

impl Part {
    fn new(kind: &'static str, code: impl Into<String>) -> Part {
        Part {
            kind,
            code: code.into(),
            element: String::new(),
        }
    }

    /// The message that says what it was.
    pub fn msg(&self) -> crate::diag::Msg {
        crate::msg!(
            "content-svg-part",
            kind = self.kind,
            code = &self.code,
            element = &self.element
        )
    }
}

/// A file that is not a well-formed SVG document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotSvg {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Whether a file beside the pages is an SVG (by its name, as a browser
/// serving it would decide).
pub fn is_svg(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"))
}

/// The bytes of a file beside the pages as every output gets them: an SVG
/// cleaned, any other file as it is.
pub fn read_asset(path: &Path) -> std::io::Result<Vec<u8>> {
    let bytes = std::fs::read(path)?;
    if !is_svg(path) {
        return Ok(bytes);
    }
    clean(&bytes).map(|c| c.bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "not a well-formed SVG (line {}, column {}): {}",
                e.line, e.column, e.message
            ),
        )
    })
}

/// [`read_asset`] while an output is made: a file that cannot be read (it
/// was removed or changed since the course was checked) is an error saying
/// so.
pub fn read_asset_for_output(path: &Path) -> Result<Vec<u8>, crate::diag::Diagnostic> {
    read_asset(path).map_err(|e| {
        crate::diag::Diagnostic::error(
            crate::diag::Code::Io,
            crate::msg!(
                "content-cannot-read",
                file = path.display().to_string(),
                detail = e.to_string()
            ),
        )
        .hint(crate::msg!("content-removed-while-building-hint"))
    })
}

/// Clean an SVG file: the kept parts written again, and what was removed;
/// or why it is not a well-formed SVG document.
pub fn clean(bytes: &[u8]) -> Result<Cleaned, NotSvg> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            return Err(not_svg(&valid, valid.len(), "it is not UTF-8 text".into()));
        }
    };
    Cleaner::new(text).run()
}

/// Line and column of each removal, in one pass over the text (a large
/// one-line file must not be scanned once per removal).
fn positions(text: &str, mut removed: Vec<(usize, Part)>) -> Vec<Removed> {
    removed.sort_by_key(|(at, _)| *at);
    let (mut pos, mut line, mut column) = (0, 1, 1);
    let mut out = Vec::with_capacity(removed.len());
    for (at, part) in removed {
        let at = at.min(text.len());
        if let Some(between) = text.get(pos..at) {
            for c in between.chars() {
                if c == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
            }
            pos = at;
        }
        out.push(Removed {
            line,
            column,
            what: part.msg().en(),
            part,
        });
    }
    out
}

fn not_svg(text: &str, at: usize, message: String) -> NotSvg {
    let (line, column) = crate::diag::line_col(text, at);
    NotSvg {
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::rules::css_is_safe;
    use super::*;

    fn cleaned(svg: &str) -> (String, Vec<Removed>) {
        let c = clean(svg.as_bytes()).expect("well-formed");
        (String::from_utf8(c.bytes).expect("utf-8"), c.removed)
    }

    #[test]
    fn a_plain_drawing_is_kept() {
        let (out, removed) = cleaned(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>T &amp; D</title><defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><g transform="translate(1,1)"><rect width="5" height="5" fill="url(#g)" style="stroke:rgb(0,0,0);stroke-width:2"/><use href="#g"/><text x="1" y="9">a &lt; b</text></g></svg>"##,
        );
        assert!(removed.is_empty(), "{removed:?}");
        for kept in [
            "<title>T &amp; D</title>",
            "fill=\"url(#g)\"",
            "style=\"stroke:rgb(0,0,0);stroke-width:2\"",
            "<use href=\"#g\"/>",
            "<text x=\"1\" y=\"9\">a &lt; b</text>",
            "transform=\"translate(1,1)\"",
        ] {
            assert!(out.contains(kept), "{kept} in {out}");
        }
    }

    #[test]
    fn script_handlers_and_foreign_content_are_removed_with_their_lines() {
        let (out, removed) = cleaned(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\n<script>alert(2)</script>\n<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>\n<rect onClick=\"alert(3)\" width=\"1\"/>\n</svg>",
        );
        assert!(!out.contains("alert"), "{out}");
        assert!(
            !out.contains("foreignObject") && !out.contains("div"),
            "{out}"
        );
        assert!(out.contains("<rect width=\"1\"/>"), "{out}");
        let lines: Vec<(usize, usize)> = removed.iter().map(|r| (r.line, r.column)).collect();
        assert_eq!(lines, [(1, 1), (2, 1), (3, 1), (4, 1)], "{removed:?}");
        assert!(removed[1].what.contains("<script>"));
    }

    #[test]
    fn links_leave_and_their_content_stays() {
        let (out, removed) = cleaned(
            r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><circle r="1"/></a><a xlink:href="https://evil.example/"><rect/></a></svg>"#,
        );
        assert!(
            !out.contains("javascript") && !out.contains("evil"),
            "{out}"
        );
        assert!(out.contains("<circle r=\"1\"/>") && out.contains("<rect/>"));
        assert_eq!(removed.len(), 2);
    }

    #[test]
    fn href_only_to_an_element_of_the_same_file() {
        let (out, removed) = cleaned(
            r##"<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/><use xlink:href="other.svg#a"/><use href="data:image/svg+xml,x"/><use href=" javascript:x"/><image href="p.png"/><rect href="#a"/></svg>"##,
        );
        assert_eq!(out.matches("href").count(), 1, "{out}");
        assert!(out.contains("<use href=\"#a\"/>"));
        assert!(!out.contains("image"));
        assert_eq!(removed.len(), 5, "{removed:?}");
    }

    #[test]
    fn animation_can_not_retarget_a_link() {
        let (out, removed) = cleaned(
            r##"<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="xlink:href" values="javascript:alert(1)"/></use></svg>"##,
        );
        assert!(!out.contains("set") && !out.contains("animate") && !out.contains("javascript"));
        assert_eq!(removed.len(), 2);
    }

    #[test]
    fn css_that_fetches_or_runs_is_removed() {
        for bad in [
            "fill:url(https://evil.example/x)",
            "fill:url( 'http://x' )",
            "background:image-set('x.png' 1x)",
            "@import 'x.css'",
            "fill:u\\72l(x)",
            "behavior:url(#x)",
            "x:expression(alert(1))",
            "fill:url(data:image/png;base64,AAAA)",
        ] {
            assert!(!css_is_safe(bad), "{bad}");
        }
        for good in [
            "fill:url(#g)",
            "fill:url('#g');stroke:#000",
            ".cls-1{fill:#fff;stroke-width:calc(1px + 2px)}",
            "@media (max-width:100px){.a{fill:red}}",
        ] {
            assert!(css_is_safe(good), "{good}");
        }
        let (out, removed) = cleaned(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>.a{fill:url(https://evil.example/)}</style><style><![CDATA[.b{fill:#f00}]]></style><rect class=\"a\" fill=\"url(http://evil.example/)\"/></svg>",
        );
        assert!(!out.contains("evil"), "{out}");
        assert!(out.contains("<style>.b{fill:#f00}</style>"), "{out}");
        assert_eq!(removed.len(), 2, "{removed:?}");
    }

    #[test]
    fn no_doctype_no_entity_no_processing_instruction() {
        let (out, removed) = cleaned(
            "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"x.xsl\" type=\"text/xsl\"?>\n<!DOCTYPE svg [<!ENTITY e \"boom\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
        assert!(!out.contains("DOCTYPE") && !out.contains("xsl") && !out.contains("boom"));
        assert!(out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert_eq!(removed.len(), 2);
        let err = clean(
            b"<!DOCTYPE svg [<!ENTITY e \"boom\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&e;</svg>",
        )
        .unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("&e;"), "{err:?}");
    }

    #[test]
    fn the_root_is_svg_in_the_svg_namespace() {
        let (out, _) = cleaned(r#"<svg xmlns="http://www.w3.org/1999/xhtml"><g/></svg>"#);
        assert!(
            out.starts_with(&format!("<svg xmlns=\"{SVG_NS}\"")),
            "{out}"
        );
        assert_eq!(out.matches("xmlns=").count(), 1);
        let err = clean(b"<html><script>alert(1)</script></html>").unwrap_err();
        assert!(err.message.contains("<html>"), "{err:?}");
        let (out, removed) = cleaned(
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script><g xmlns=\"http://www.w3.org/1999/xhtml\"/></svg>",
        );
        assert!(!out.contains("alert") && !out.contains("xhtml"), "{out}");
        assert_eq!(removed.len(), 1);
    }

    #[test]
    fn editor_data_goes_without_a_warning() {
        let (out, removed) = cleaned(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="x" inkscape:version="1.3" data-name="L"><sodipodi:namedview id="n"/><metadata><rdf:RDF xmlns:rdf="y"/></metadata><g inkscape:label="Layer 1" xml:space="preserve"/></svg>"#,
        );
        assert!(removed.is_empty(), "{removed:?}");
        assert!(!out.contains("inkscape") && !out.contains("sodipodi") && !out.contains("RDF"));
        assert!(out.contains("<g xml:space=\"preserve\"/>"), "{out}");
    }

    #[test]
    fn a_broken_file_is_an_error_at_its_line() {
        for (svg, line) in [
            ("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>", 3),
            ("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n", 3),
            ("<svg>\n<rect width=\"1/>\n</svg>", 2),
            ("<svg/>\n<svg/>", 2),
            ("\n\nnot xml", 3),
            ("", 1),
        ] {
            let err = clean(svg.as_bytes()).expect_err(svg);
            assert_eq!(err.line, line, "{svg:?}: {err:?}");
        }
        assert_eq!(clean(b"<svg>\xff</svg>").unwrap_err().line, 1);
        let err = clean(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><svg/>").unwrap_err();
        assert!(err.message.contains("UTF-8"));
    }

    #[test]
    fn many_removals_are_counted_not_listed() {
        let mut svg = String::from("<svg xmlns=\"http://www.w3.org/2000/svg\">");
        for _ in 0..1000 {
            svg.push_str("<rect onclick=\"x()\"/>");
        }
        svg.push_str("\n<script/></svg>");
        let c = clean(svg.as_bytes()).unwrap();
        assert_eq!(c.removed.len(), LISTED);
        assert_eq!(c.not_listed, 901);
        assert_eq!((c.removed[1].line, c.removed[1].column), (1, 62));
    }

    #[test]
    fn cleaning_twice_changes_nothing_more() {
        let (once, _) = cleaned(
            r##"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="x()"><a href="#b"><text>&#x41;&quot;</text></a><style>.a{fill:red}</style></svg>"##,
        );
        let (twice, removed) = cleaned(&once);
        assert_eq!(once, twice);
        assert!(removed.is_empty());
    }
}

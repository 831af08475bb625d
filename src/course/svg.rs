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

use std::borrow::Cow;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

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
    pub what: String,
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

/// What to do with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Kept with its allowed attributes.
    Element,
    /// Kept after its text is checked (`<style>`).
    Style,
    /// Left out, its children kept (`<a>`).
    Unwrap,
    /// Left out with everything inside it; `true`: say so.
    Drop(bool),
}

/// Elements that draw, group or describe and cannot fetch or run anything.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "symbol",
    "use",
    "switch",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "textPath",
    "linearGradient",
    "radialGradient",
    "stop",
    "pattern",
    "marker",
    "clipPath",
    "mask",
    "filter",
    "feBlend",
    "feColorMatrix",
    "feComponentTransfer",
    "feComposite",
    "feConvolveMatrix",
    "feDiffuseLighting",
    "feDisplacementMap",
    "feDistantLight",
    "feDropShadow",
    "feFlood",
    "feFuncA",
    "feFuncB",
    "feFuncG",
    "feFuncR",
    "feGaussianBlur",
    "feMerge",
    "feMergeNode",
    "feMorphology",
    "feOffset",
    "fePointLight",
    "feSpecularLighting",
    "feSpotLight",
    "feTile",
    "feTurbulence",
];

/// Elements that may point at another element of the same file.
const HREF_ELEMENTS: &[&str] = &[
    "use",
    "textPath",
    "linearGradient",
    "radialGradient",
    "pattern",
    "filter",
];

/// Geometry, presentation and accessibility attributes.
const ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "lang",
    "xml:lang",
    "xml:space",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-hidden",
    "focusable",
    "version",
    "baseProfile",
    "viewBox",
    "preserveAspectRatio",
    "transform",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "fr",
    "dx",
    "dy",
    "z",
    "width",
    "height",
    "d",
    "points",
    "pathLength",
    "rotate",
    "textLength",
    "lengthAdjust",
    "startOffset",
    "method",
    "spacing",
    "side",
    "offset",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "patternUnits",
    "patternContentUnits",
    "patternTransform",
    "clipPathUnits",
    "maskUnits",
    "maskContentUnits",
    "markerUnits",
    "markerWidth",
    "markerHeight",
    "refX",
    "refY",
    "orient",
    "filterUnits",
    "primitiveUnits",
    "in",
    "in2",
    "result",
    "stdDeviation",
    "operator",
    "k1",
    "k2",
    "k3",
    "k4",
    "values",
    "type",
    "mode",
    "scale",
    "xChannelSelector",
    "yChannelSelector",
    "kernelMatrix",
    "kernelUnitLength",
    "order",
    "divisor",
    "bias",
    "targetX",
    "targetY",
    "edgeMode",
    "preserveAlpha",
    "radius",
    "baseFrequency",
    "numOctaves",
    "seed",
    "stitchTiles",
    "surfaceScale",
    "specularConstant",
    "specularExponent",
    "diffuseConstant",
    "azimuth",
    "elevation",
    "pointsAtX",
    "pointsAtY",
    "pointsAtZ",
    "limitingConeAngle",
    "tableValues",
    "slope",
    "intercept",
    "amplitude",
    "exponent",
    "requiredExtensions",
    "requiredFeatures",
    "systemLanguage",
    // Presentation attributes.
    "alignment-baseline",
    "baseline-shift",
    "clip",
    "clip-path",
    "clip-rule",
    "color",
    "color-interpolation",
    "color-interpolation-filters",
    "color-rendering",
    "direction",
    "display",
    "dominant-baseline",
    "enable-background",
    "fill",
    "fill-opacity",
    "fill-rule",
    "filter",
    "flood-color",
    "flood-opacity",
    "font-family",
    "font-size",
    "font-size-adjust",
    "font-stretch",
    "font-style",
    "font-variant",
    "font-weight",
    "image-rendering",
    "isolation",
    "letter-spacing",
    "lighting-color",
    "marker-end",
    "marker-mid",
    "marker-start",
    "mask",
    "mix-blend-mode",
    "opacity",
    "overflow",
    "paint-order",
    "shape-rendering",
    "stop-color",
    "stop-opacity",
    "stroke",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-opacity",
    "stroke-width",
    "text-anchor",
    "text-decoration",
    "text-rendering",
    "transform-origin",
    "unicode-bidi",
    "vector-effect",
    "visibility",
    "word-spacing",
    "writing-mode",
];

/// Prefixes drawing programs write their own data under (Inkscape,
/// Illustrator, Sketch, Affinity, RDF metadata): removed without a word.
const EDITOR_PREFIXES: &[&str] = &[
    "inkscape",
    "sodipodi",
    "sketch",
    "serif",
    "i",
    "x",
    "graph",
    "a",
    "rdf",
    "cc",
    "dc",
    "xml",
    "figma",
    "bx",
    "vectornator",
];

fn element_rule(name: &str) -> Keep {
    if ELEMENTS.contains(&name) {
        return Keep::Element;
    }
    match name {
        "style" => Keep::Style,
        "a" => Keep::Unwrap,
        // Editor data, nothing to see.
        "metadata" => Keep::Drop(false),
        _ => match name.split_once(':') {
            Some((prefix, _)) => Keep::Drop(!EDITOR_PREFIXES.contains(&prefix)),
            None => Keep::Drop(true),
        },
    }
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
fn positions(text: &str, mut removed: Vec<(usize, String)>) -> Vec<Removed> {
    removed.sort_by_key(|(at, _)| *at);
    let (mut pos, mut line, mut column) = (0, 1, 1);
    let mut out = Vec::with_capacity(removed.len());
    for (at, what) in removed {
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
        out.push(Removed { line, column, what });
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

struct Cleaner<'t> {
    text: &'t str,
    out: String,
    removed: Vec<(usize, String)>,
    not_listed: usize,
    /// Open elements: each kept (`true`) or unwrapped (`false`).
    open: Vec<(String, bool)>,
    /// Depth inside an element being left out (0: not inside one).
    skipping: usize,
    /// The `<style>` being read: its start tag and its text so far.
    style: Option<(String, String, usize)>,
    root_seen: bool,
    root_done: bool,
    /// Whether the root declares the xlink prefix (`xlink:href` is kept).
    xlink: bool,
}

impl<'t> Cleaner<'t> {
    fn new(text: &'t str) -> Self {
        Cleaner {
            text,
            out: String::with_capacity(text.len()),
            removed: Vec::new(),
            not_listed: 0,
            open: Vec::new(),
            skipping: 0,
            style: None,
            root_seen: false,
            root_done: false,
            xlink: text.contains("xlink:href"),
        }
    }

    fn err(&self, at: usize, message: impl Into<String>) -> NotSvg {
        not_svg(self.text, at, message.into())
    }

    fn remove(&mut self, at: usize, what: impl Into<String>) {
        if self.removed.len() < LISTED {
            self.removed.push((at, what.into()));
        } else {
            self.not_listed += 1;
        }
    }

    fn run(mut self) -> Result<Cleaned, NotSvg> {
        let mut reader = Reader::from_str(self.text);
        loop {
            let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            let event = match reader.read_event() {
                Ok(e) => e,
                Err(e) => {
                    let at = usize::try_from(reader.error_position()).unwrap_or(at);
                    return Err(self.err(at, e.to_string()));
                }
            };
            match event {
                Event::Eof => break,
                Event::Decl(d) => {
                    if let Some(Ok(enc)) = d.encoding()
                        && !enc.eq_ignore_ascii_case("utf-8")
                        && !enc.eq_ignore_ascii_case("us-ascii")
                    {
                        return Err(self.err(
                            at,
                            format!("it declares the encoding {enc}; save it as UTF-8"),
                        ));
                    }
                    self.out
                        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                }
                Event::DocType(_) => {
                    self.remove(at, "the DOCTYPE (its entities are not read)");
                }
                Event::PI(pi) => {
                    if self.skipping == 0 {
                        let target = pi.target().to_string();
                        self.remove(at, format!("the processing instruction <?{target}?>"));
                    }
                }
                Event::Comment(_) => {}
                Event::Start(e) => self.start(&e, at, false)?,
                Event::Empty(e) => self.start(&e, at, true)?,
                Event::End(_) => self.end(),
                Event::Text(t) => {
                    let content = t.xml10_content();
                    self.text_content(&content, at)?;
                }
                Event::CData(t) => {
                    let content = t.xml10_content();
                    self.text_content(&content, at)?;
                }
                Event::GeneralRef(r) => {
                    let resolved = if r.is_char_ref() {
                        match r.resolve_char_ref() {
                            Ok(Some(c)) => c.to_string(),
                            _ => {
                                return Err(
                                    self.err(at, format!("invalid character reference &{};", &*r))
                                );
                            }
                        }
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                        s.to_string()
                    } else {
                        return Err(self.err(
                            at,
                            format!(
                                "it uses the entity &{}; (entities from a DOCTYPE are not read; write the text itself)",
                                &*r
                            ),
                        ));
                    };
                    self.text_content(&resolved, at)?;
                }
            }
        }
        if let Some((name, _)) = self.open.last() {
            let name = name.clone();
            return Err(self.err(self.text.len(), format!("<{name}> is never closed")));
        }
        if !self.root_seen {
            return Err(self.err(0, "there is no <svg> element"));
        }
        self.out.push('\n');
        let removed = positions(self.text, self.removed);
        Ok(Cleaned {
            bytes: self.out.into_bytes(),
            removed,
            not_listed: self.not_listed,
        })
    }

    fn text_content(&mut self, content: &str, at: usize) -> Result<(), NotSvg> {
        if self.skipping > 0 {
            return Ok(());
        }
        if let Some((_, css, _)) = &mut self.style {
            css.push_str(content);
            return Ok(());
        }
        if self.open.is_empty() {
            if content.trim().is_empty() {
                return Ok(());
            }
            let lead = content.len() - content.trim_start().len();
            return Err(self.err(at + lead, "text outside the <svg> element"));
        }
        self.out.push_str(&escape(content));
        Ok(())
    }

    fn start(&mut self, e: &BytesStart<'_>, at: usize, empty: bool) -> Result<(), NotSvg> {
        let name = e.name().0.to_string();
        // Well-formedness of the attributes is checked even where they are
        // dropped: a broken file is an error wherever it breaks.
        let mut attrs: Vec<(String, String)> = Vec::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| self.err(at, err.to_string()))?;
            let value = attr
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|err| self.err(at, err.to_string()))?;
            attrs.push((attr.key.0.to_string(), value.into_owned()));
        }
        if self.skipping > 0 {
            if !empty {
                self.skipping += 1;
            }
            return Ok(());
        }
        if self.open.is_empty() {
            if self.root_done {
                return Err(self.err(at, format!("a second top-level element <{name}>")));
            }
            if name != "svg" {
                return Err(self.err(at, format!("the top-level element is <{name}>, not <svg>")));
            }
            self.root_seen = true;
        }
        if let Some((_, _, style_at)) = self.style.take() {
            // An element inside <style>: not CSS. The <style> is left out;
            // its end tag, and this element's if it has one, are skipped.
            self.open.pop();
            self.remove(style_at, "a <style> element that holds other elements");
            self.skipping = 1 + usize::from(!empty);
            return Ok(());
        }
        match element_rule(&name) {
            Keep::Drop(say) => {
                if say {
                    self.remove(at, format!("the element <{name}> with its content"));
                }
                if !empty {
                    self.skipping = 1;
                }
            }
            Keep::Unwrap => {
                self.remove(at, format!("the link <{name}>, keeping its content"));
                if !empty {
                    self.open.push((name, false));
                }
            }
            Keep::Style => {
                let tag = self.tag(&name, &attrs, at);
                if empty {
                    self.out.push_str(&tag);
                    self.out.push_str("/>");
                } else {
                    self.style = Some((tag, String::new(), at));
                    self.open.push((name, true));
                }
            }
            Keep::Element => {
                let tag = self.tag(&name, &attrs, at);
                self.out.push_str(&tag);
                if empty {
                    self.out.push_str("/>");
                } else {
                    self.out.push('>');
                    self.open.push((name, true));
                }
            }
        }
        if empty && self.open.is_empty() {
            self.root_done = true;
        }
        Ok(())
    }

    fn end(&mut self) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        let Some((name, kept)) = self.open.pop() else {
            return;
        };
        if let Some((tag, css, at)) = self.style.take() {
            if css_is_safe(&css) {
                self.out.push_str(&tag);
                self.out.push('>');
                self.out.push_str(&escape(&css));
                self.out.push_str("</style>");
            } else {
                self.remove(
                    at,
                    "a <style> element whose CSS could fetch files or run code",
                );
            }
        } else if kept {
            self.out.push_str("</");
            self.out.push_str(&name);
            self.out.push('>');
        }
        if self.open.is_empty() {
            self.root_done = true;
        }
    }

    /// `<name attr="value"…` (not closed) with the allowed attributes.
    fn tag(&mut self, name: &str, attrs: &[(String, String)], at: usize) -> String {
        let mut tag = format!("<{name}");
        let root = self.open.is_empty();
        if root {
            tag.push_str(&format!(" xmlns=\"{SVG_NS}\""));
            if self.xlink {
                tag.push_str(&format!(" xmlns:xlink=\"{XLINK_NS}\""));
            }
        }
        for (key, value) in attrs {
            match attribute_rule(name, key, value) {
                Attr::Keep => {
                    tag.push(' ');
                    tag.push_str(key);
                    tag.push_str("=\"");
                    tag.push_str(&escape(value));
                    tag.push('"');
                }
                Attr::Drop(false) => {}
                Attr::Drop(true) => {
                    let shown = shorten(value);
                    self.remove(at, format!("the attribute {key}=\"{shown}\" of <{name}>"));
                }
            }
        }
        tag
    }
}

enum Attr {
    Keep,
    /// `true`: say so.
    Drop(bool),
}

fn attribute_rule(element: &str, key: &str, value: &str) -> Attr {
    if key == "xmlns" || key.starts_with("xmlns:") || key.starts_with("data-") {
        return Attr::Drop(false);
    }
    if key.len() > 2 && key[..2].eq_ignore_ascii_case("on") {
        return Attr::Drop(true);
    }
    if key == "href" || key == "xlink:href" {
        let ok = HREF_ELEMENTS.contains(&element) && is_fragment(value);
        return if ok { Attr::Keep } else { Attr::Drop(true) };
    }
    if key == "style" {
        return if css_is_safe(value) {
            Attr::Keep
        } else {
            Attr::Drop(true)
        };
    }
    if element == "style" && key == "type" {
        return if value.trim().eq_ignore_ascii_case("text/css") {
            Attr::Keep
        } else {
            Attr::Drop(true)
        };
    }
    if element == "style" && key == "media" {
        return if css_is_safe(value) {
            Attr::Keep
        } else {
            Attr::Drop(true)
        };
    }
    if ATTRIBUTES.contains(&key) {
        return if value_is_safe(value) {
            Attr::Keep
        } else {
            Attr::Drop(true)
        };
    }
    match key.split_once(':') {
        Some((prefix, _)) => Attr::Drop(!EDITOR_PREFIXES.contains(&prefix) && prefix != "xlink"),
        None => Attr::Drop(true),
    }
}

/// `#id`: an element of the same file.
fn is_fragment(value: &str) -> bool {
    value.strip_prefix('#').is_some_and(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    })
}

/// The value with every space and control character taken out, lower case:
/// what a browser's lenient parsing may read `java\tscript:` as.
fn squeezed(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A presentation value: no script URL, no `url()` but `url(#id)`.
fn value_is_safe(value: &str) -> bool {
    let v = squeezed(value);
    if v.contains("javascript:") || v.contains("vbscript:") || v.contains("data:") {
        return false;
    }
    urls_are_fragments(&v)
}

/// Every `url(` in `v` (squeezed) is `url(#…)`, `url('#…')` or `url("#…")`.
fn urls_are_fragments(v: &str) -> bool {
    v.match_indices("url(").all(|(i, m)| {
        let rest = &v[i + m.len()..];
        let rest = rest.trim_start_matches(['\'', '"']);
        rest.starts_with('#')
    })
}

/// CSS functions that compute a value and fetch nothing.
const CSS_FUNCTIONS: &[&str] = &[
    "rgb",
    "rgba",
    "hsl",
    "hsla",
    "hwb",
    "lab",
    "lch",
    "oklab",
    "oklch",
    "color-mix",
    "calc",
    "var",
    "min",
    "max",
    "clamp",
    "url",
    "translate",
    "translatex",
    "translatey",
    "rotate",
    "scale",
    "scalex",
    "scaley",
    "matrix",
    "skew",
    "skewx",
    "skewy",
    "blur",
    "drop-shadow",
    "brightness",
    "contrast",
    "grayscale",
    "hue-rotate",
    "invert",
    "opacity",
    "saturate",
    "sepia",
    "linear-gradient",
    "radial-gradient",
    "not",
    "is",
    "where",
    "nth-child",
    "nth-of-type",
    "nth-last-child",
    "nth-last-of-type",
    "lang",
    // `@media (…)`, read without its spaces.
    "media",
    "and",
];

/// CSS in a `style` attribute or element: no escapes (they can spell any
/// word), no `@import`/`@font-face`/`@namespace`, only functions that fetch
/// nothing, and `url()` only to an element of the same file.
fn css_is_safe(css: &str) -> bool {
    let v = squeezed(css);
    if v.contains('\\')
        || v.contains('<')
        || v.contains("javascript:")
        || v.contains("vbscript:")
        || v.contains("-moz-binding")
        || v.contains("behavior:")
    {
        return false;
    }
    if v.match_indices('@')
        .any(|(i, _)| !v[i..].starts_with("@media"))
    {
        return false;
    }
    let bytes = v.as_bytes();
    for (i, _) in v.match_indices('(') {
        let start = bytes[..i]
            .iter()
            .rposition(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
            .map_or(0, |p| p + 1);
        let name = &v[start..i];
        if !name.is_empty() && !CSS_FUNCTIONS.contains(&name) {
            return false;
        }
    }
    urls_are_fragments(&v)
}

/// A value as a warning shows it: at most 60 characters, on one line.
fn shorten(value: &str) -> Cow<'_, str> {
    let one_line = !value.contains(['\n', '\r']);
    if value.chars().count() <= 60 && one_line {
        return Cow::Borrowed(value);
    }
    let short: String = value
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(57)
        .collect();
    Cow::Owned(format!("{short}…"))
}

#[cfg(test)]
mod tests {
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

//! What to do with one element or attribute: the allow-lists applied, and
//! the checks on values and CSS.

use std::borrow::Cow;

use super::tables::{ATTRIBUTES, CSS_FUNCTIONS, EDITOR_PREFIXES, ELEMENTS, HREF_ELEMENTS, Keep};

pub(super) fn element_rule(name: &str) -> Keep {
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

pub(super) enum Attr {
    Keep,
    /// `true`: say so.
    Drop(bool),
}

pub(super) fn attribute_rule(element: &str, key: &str, value: &str) -> Attr {
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
pub(super) fn is_fragment(value: &str) -> bool {
    value.strip_prefix('#').is_some_and(|id| {
        !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    })
}

/// The value with every space and control character taken out, lower case:
/// what a browser's lenient parsing may read `java\tscript:` as.
pub(super) fn squeezed(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A presentation value: no script URL, no `url()` but `url(#id)`.
pub(super) fn value_is_safe(value: &str) -> bool {
    let v = squeezed(value);
    if v.contains("javascript:") || v.contains("vbscript:") || v.contains("data:") {
        return false;
    }
    urls_are_fragments(&v)
}

/// Every `url(` in `v` (squeezed) is `url(#…)`, `url('#…')` or `url("#…")`.
pub(super) fn urls_are_fragments(v: &str) -> bool {
    v.match_indices("url(").all(|(i, m)| {
        let rest = &v[i + m.len()..];
        let rest = rest.trim_start_matches(['\'', '"']);
        rest.starts_with('#')
    })
}

/// CSS in a `style` attribute or element: no escapes (they can spell any
/// word), no `@import`/`@font-face`/`@namespace`, only functions that fetch
/// nothing, and `url()` only to an element of the same file.
pub(super) fn css_is_safe(css: &str) -> bool {
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
pub(super) fn shorten(value: &str) -> Cow<'_, str> {
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

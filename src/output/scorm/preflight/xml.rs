//! Reading the manifest as Moodle does: its `&` repair, a small
//! non-namespace-aware XML tree, and the SCORM version it reads.

use std::io::{Read, Seek};

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::Event;
use zip::ZipArchive;

use super::*;

pub(super) fn read_manifest<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    index: usize,
    out: &mut Vec<Problem>,
) -> Option<String> {
    let mut unreadable = |why: String| {
        problem(
            out,
            Code::ManifestUnreadable,
            Severity::Error,
            Some(MANIFEST),
            msg!("scorm-manifest-unreadable", detail = why),
        );
    };
    let mut bytes = Vec::new();
    match archive.by_index(index) {
        Ok(file) => {
            let result = file.take(MAX_MANIFEST_BYTES + 1).read_to_end(&mut bytes);
            if let Err(err) = result {
                unreadable(err.to_string());
                return None;
            }
        }
        Err(err) => {
            unreadable(err.to_string());
            return None;
        }
    }
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        unreadable(
            msg!("scorm-manifest-too-large", mb = MAX_MANIFEST_BYTES >> 20)
                .text(crate::diag::Lang::En),
        );
        return None;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match String::from_utf8(body.to_vec()) {
        Ok(text) => Some(text),
        Err(err) => {
            problem(
                out,
                Code::ManifestEncoding,
                Severity::Error,
                Some(MANIFEST),
                msg!(
                    "scorm-manifest-encoding",
                    offset = err.utf8_error().valid_up_to()
                ),
            );
            None
        }
    }
}

/// What `scorm_parse_scorm()` does first: `preg_replace('/&(?!\w{2,6};)/', '&amp;', ...)`.
pub(super) fn moodle_amp_fix(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (i, _) in text.match_indices('&') {
        let rest = &bytes[i + 1..];
        let word = rest
            .iter()
            .take(7)
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
            .count();
        let kept = (2..=6).contains(&word) && rest.get(word) == Some(&b';');
        if !kept {
            out.push_str(&text[last..i]);
            out.push_str("&amp;");
            last = i + 1;
        }
    }
    out.push_str(&text[last..]);
    out
}

pub(super) fn line_of(text: &str, byte_pos: usize) -> usize {
    let end = byte_pos.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

// ---- a small element tree ------------------------------------------------

pub(super) struct Node {
    /// Qualified name as written (`item`, `adlcp:masteryscore`).
    pub(super) name: String,
    pub(super) attrs: Vec<(String, String)>,
    pub(super) text: String,
    pub(super) children: Vec<usize>,
}

pub(super) struct Doc {
    pub(super) nodes: Vec<Node>,
}

impl Doc {
    pub(super) fn root(&self) -> &Node {
        &self.nodes[0]
    }

    pub(super) fn children<'a>(&'a self, node: &'a Node) -> impl Iterator<Item = &'a Node> + 'a {
        node.children.iter().filter_map(|&i| self.nodes.get(i))
    }

    /// Children whose name is `local`, compared like Moodle (ASCII case-insensitive, unprefixed).
    pub(super) fn named<'a>(
        &'a self,
        node: &'a Node,
        local: &'a str,
    ) -> impl Iterator<Item = &'a Node> + 'a {
        self.children(node)
            .filter(move |n| n.name.eq_ignore_ascii_case(local))
    }
}

impl Node {
    /// Attribute value by exact-case-insensitive qualified name (PHP folds case).
    pub(super) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Where the manifest stops being XML (a byte offset), and why.
pub(super) type ParseError = (usize, Msg);

/// The XML reader's own words for a problem (English).
fn reader_says(err: impl std::fmt::Display) -> Msg {
    msg!("scorm-xml-reader", detail = err.to_string())
}

pub(super) fn parse(text: &str) -> Result<Doc, ParseError> {
    let mut reader = Reader::from_str(text);
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    let mut has_doctype = false;
    let mut root_done = false;

    loop {
        let event = reader.read_event();
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match event {
            Ok(event) => event,
            Err(err) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err((at, reader_says(err)));
            }
        };
        match event {
            Event::Start(e) => {
                open_element(&mut nodes, &mut stack, &mut root_done, &e, pos, false)?
            }
            Event::Empty(e) => open_element(&mut nodes, &mut stack, &mut root_done, &e, pos, true)?,
            Event::End(_) => {
                stack.pop();
                if stack.is_empty() {
                    root_done = true;
                }
            }
            Event::Text(t) => {
                let content = t.xml10_content();
                match stack.last() {
                    Some(&top) => nodes[top].text.push_str(&content),
                    None if content.trim().is_empty() => {}
                    None => return Err((pos, msg!("scorm-xml-text-outside"))),
                }
            }
            Event::CData(t) => {
                if let Some(&top) = stack.last() {
                    nodes[top].text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            let r = format!("&{};", &*r);
                            return Err((pos, msg!("scorm-xml-bad-char-ref", reference = r)));
                        }
                    }
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    s.to_owned()
                } else if has_doctype {
                    String::new()
                } else {
                    let r = format!("&{};", &*r);
                    return Err((pos, msg!("scorm-xml-undefined-entity", reference = r)));
                };
                if let Some(&top) = stack.last() {
                    nodes[top].text.push_str(&resolved);
                }
            }
            Event::DocType(_) => has_doctype = true,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(&open) = stack.last() {
        let name = nodes.get(open).map_or("?", |n| n.name.as_str());
        let name = format!("<{name}>");
        return Err((text.len(), msg!("scorm-xml-never-closed", element = name)));
    }
    if nodes.is_empty() {
        return Err((0, msg!("scorm-xml-no-element")));
    }
    Ok(Doc { nodes })
}

pub(super) fn open_element(
    nodes: &mut Vec<Node>,
    stack: &mut Vec<usize>,
    root_done: &mut bool,
    e: &quick_xml::events::BytesStart<'_>,
    pos: usize,
    is_empty: bool,
) -> Result<(), ParseError> {
    if *root_done && stack.is_empty() {
        return Err((pos, msg!("scorm-xml-second-root")));
    }
    if stack.len() >= MAX_DEPTH || nodes.len() >= MAX_NODES {
        return Err((pos, msg!("scorm-xml-too-deep")));
    }
    let mut attrs = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| (pos, reader_says(err)))?;
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| (pos, reader_says(err)))?;
        attrs.push((attr.key.as_ref().to_owned(), value.into_owned()));
    }
    let index = nodes.len();
    nodes.push(Node {
        name: e.name().as_ref().to_owned(),
        attrs,
        text: String::new(),
        children: Vec::new(),
    });
    if let Some(&parent) = stack.last()
        && let Some(node) = nodes.get_mut(parent)
    {
        node.children.push(index);
    }
    if is_empty {
        if stack.is_empty() {
            *root_done = true;
        }
    } else {
        stack.push(index);
    }
    Ok(())
}

// ---- manifest checks -----------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Version {
    V12,
    V2004,
}

impl Version {
    pub(super) fn label(self) -> &'static str {
        match self {
            Version::V12 => "SCORM 1.2",
            Version::V2004 => "SCORM 2004",
        }
    }
}

/// What Moodle makes of `schemaversion` (`scorm_get_manifest()`): `None`
/// when it does not recognise the text (Moodle then assumes 1.2).
pub(super) fn moodle_schemaversion(text: &str) -> Option<Version> {
    // PCRE `$` also matches before a final newline.
    let t = text.strip_suffix('\n').unwrap_or(text);
    match t {
        "1.2" => Some(Version::V12),
        "1.3" | "CAM 1.3" | "2004 3rd Edition" | "2004 4th Edition" => Some(Version::V2004),
        _ => None,
    }
}

//! The filter walk: the file read as XML events, the kept ones written
//! again, and every removal recorded with its offset.

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use super::rules::{Attr, attribute_rule, css_is_safe, element_rule, shorten};
use super::tables::Keep;
use super::*;

pub(super) struct Cleaner<'t> {
    text: &'t str,
    out: String,
    removed: Vec<(usize, super::Part)>,
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
    pub(super) fn new(text: &'t str) -> Self {
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

    fn remove(&mut self, at: usize, what: super::Part) {
        if self.removed.len() < LISTED {
            self.removed.push((at, what));
        } else {
            self.not_listed += 1;
        }
    }

    pub(super) fn run(mut self) -> Result<Cleaned, NotSvg> {
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
                    self.remove(at, super::Part::new("doctype", ""));
                }
                Event::PI(pi) => {
                    if self.skipping == 0 {
                        let target = pi.target().to_string();
                        self.remove(at, super::Part::new("instruction", format!("<?{target}?>")));
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
            self.remove(style_at, super::Part::new("style-elements", "<style>"));
            self.skipping = 1 + usize::from(!empty);
            return Ok(());
        }
        match element_rule(&name) {
            Keep::Drop(say) => {
                if say {
                    self.remove(at, super::Part::new("element", format!("<{name}>")));
                }
                if !empty {
                    self.skipping = 1;
                }
            }
            Keep::Unwrap => {
                self.remove(at, super::Part::new("link", format!("<{name}>")));
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
                self.remove(at, super::Part::new("style-css", "<style>"));
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
                    self.remove(
                        at,
                        super::Part {
                            kind: "attribute",
                            code: format!("{key}=\"{shown}\""),
                            element: format!("<{name}>"),
                        },
                    );
                }
            }
        }
        tag
    }
}

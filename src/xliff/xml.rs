//! The XLIFF 2.1 document darslik writes and reads: `<xliff>` with the course
//! and locale in darslik's namespace, a `<file>` per course file, a `<unit>`
//! per segment, codes as `<ph>` / `<pc>` with their bytes in the unit's
//! `<originalData>`.
//!
//! Reading accepts what CAT tools write back: `<sc>`/`<ec>` pairs (made into
//! pairs again when they nest), `<cp>` for characters XML cannot hold,
//! `<mrk>` annotations (their text kept), elements of other namespaces
//! (skipped). It refuses a DOCTYPE (no entity is ever expanded), anything
//! that is not well-formed, and files over [`MAX_BYTES`].

use std::collections::BTreeMap;
use std::fmt::Write as _;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::DARSLIK_NS;
use super::model::{Code, Inline, State, codes};
use crate::diag::Msg;
use crate::msg;

pub const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The largest XLIFF file read (a whole course is a few megabytes).
pub const MAX_BYTES: usize = 64 << 20;
/// Deepest nesting of elements read.
const MAX_DEPTH: usize = 64;

/// One XLIFF document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub src_lang: String,
    pub trg_lang: String,
    /// `course.toml`'s `id`.
    pub course: String,
    /// The locale the targets are for.
    pub locale: String,
    pub files: Vec<File>,
    /// Byte offset of the `<xliff>` element (when read).
    pub at: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct File {
    /// The course file the units are for, relative to the course folder
    /// (`content/ru/index.md`, `locales/ru/course.ftl`).
    pub original: String,
    pub units: Vec<Unit>,
    /// Byte offset of the `<file>` element in the XLIFF text (when read).
    pub at: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    /// The segment's kind (written as `type="darslik:<kind>"`).
    pub kind: String,
    pub state: State,
    pub notes: Vec<String>,
    pub source: Vec<Inline>,
    pub target: Option<Vec<Inline>>,
    /// Byte offsets of the `<unit>` and of its `<target>` (when read).
    pub at: usize,
    pub target_at: usize,
}

impl Unit {
    pub fn new(id: impl Into<String>, kind: impl Into<String>, source: Vec<Inline>) -> Unit {
        Unit {
            id: id.into(),
            kind: kind.into(),
            state: State::Initial,
            notes: Vec::new(),
            source,
            target: None,
            at: 0,
            target_at: 0,
        }
    }
}

// ------------------------------------------------------------------ writing

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text content of `<source>`, `<target>`, `<data>`: every character comes
/// back as it was (`\r` as a reference, characters XML cannot hold as `<cp>`).
fn inline_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_char(c) => {
                let _ = write!(out, "<cp hex=\"{:04X}\"/>", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// An attribute value or a note: characters XML cannot hold become U+FFFD.
fn plain(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

fn attr(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"");
    plain(out, value);
    out.push('"');
}

/// A value that is an XML NMTOKEN as written by darslik (ids): anything else
/// is spelled with `_` for the characters it may not hold.
pub fn nmtoken(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if t.is_empty() { "_".to_string() } else { t }
}

/// The data id of a `<ph>`, and of a `<pc>`'s start and end.
fn data_ids(code: &str) -> (String, String, String) {
    (format!("d{code}"), format!("d{code}s"), format!("d{code}e"))
}

/// Every code's original data in a unit, each code id once (source first).
fn collect_data(unit: &Unit) -> Vec<(String, String)> {
    let mut seen = BTreeMap::new();
    let mut out = Vec::new();
    let target = unit.target.as_deref().unwrap_or_default();
    for (id, code) in codes(&unit.source).into_iter().chain(codes(target)) {
        if seen.insert(id, ()).is_some() {
            continue;
        }
        let (d, s, e) = data_ids(id);
        match code {
            Code::Ph(data) => out.push((d, data)),
            Code::Pc(start, end) => {
                out.push((s, start));
                out.push((e, end));
            }
        }
    }
    out
}

fn write_inline(out: &mut String, content: &[Inline]) {
    for piece in content {
        match piece {
            Inline::Text(t) => inline_text(out, t),
            Inline::Ph { id, .. } => {
                out.push_str("<ph");
                attr(out, "id", id);
                attr(out, "dataRef", &data_ids(id).0);
                out.push_str("/>");
            }
            Inline::Pc { id, content, .. } => {
                let (_, s, e) = data_ids(id);
                out.push_str("<pc");
                attr(out, "id", id);
                attr(out, "dataRefStart", &s);
                attr(out, "dataRefEnd", &e);
                out.push('>');
                write_inline(out, content);
                out.push_str("</pc>");
            }
        }
    }
}

/// The document as XLIFF 2.1 text.
pub fn write(doc: &Doc) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff");
    attr(&mut out, "xmlns", XLIFF_NS);
    attr(&mut out, "xmlns:darslik", DARSLIK_NS);
    attr(&mut out, "version", "2.1");
    attr(&mut out, "srcLang", &doc.src_lang);
    attr(&mut out, "trgLang", &doc.trg_lang);
    attr(&mut out, "darslik:course", &doc.course);
    attr(&mut out, "darslik:locale", &doc.locale);
    out.push_str(">\n");
    for (n, file) in doc.files.iter().enumerate() {
        out.push_str(" <file");
        attr(&mut out, "id", &format!("f{}", n + 1));
        attr(&mut out, "original", &file.original);
        out.push_str(" xml:space=\"preserve\">\n");
        for unit in &file.units {
            write_unit(&mut out, unit);
        }
        out.push_str(" </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn write_unit(out: &mut String, unit: &Unit) {
    out.push_str("  <unit");
    attr(out, "id", &unit.id);
    attr(out, "type", &format!("darslik:{}", nmtoken(&unit.kind)));
    out.push_str(">\n");
    if !unit.notes.is_empty() {
        out.push_str("   <notes>");
        for note in &unit.notes {
            out.push_str("<note>");
            plain(out, note);
            out.push_str("</note>");
        }
        out.push_str("</notes>\n");
    }
    let data = collect_data(unit);
    if !data.is_empty() {
        out.push_str("   <originalData>");
        for (id, bytes) in data {
            out.push_str("<data");
            attr(out, "id", &id);
            out.push('>');
            inline_text(out, &bytes);
            out.push_str("</data>");
        }
        out.push_str("</originalData>\n");
    }
    out.push_str("   <segment");
    attr(out, "state", unit.state.as_str());
    // xml:space on <source>/<target> too: some tools do not inherit it.
    out.push_str(">\n    <source xml:space=\"preserve\">");
    write_inline(out, &unit.source);
    out.push_str("</source>\n");
    if let Some(t) = &unit.target {
        out.push_str("    <target xml:space=\"preserve\">");
        write_inline(out, t);
        out.push_str("</target>\n");
    }
    out.push_str("   </segment>\n  </unit>\n");
}

// ------------------------------------------------------------------ reading

/// Why a file could not be read, and where (a byte offset in its text).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub at: usize,
    pub msg: Msg,
}

fn err(at: usize, msg: Msg) -> ReadError {
    ReadError { at, msg }
}

/// A code being read: a `<pc>` or `<sc>` whose content is still open.
struct Open {
    id: String,
    start: String,
    end_ref: Option<String>,
    /// `<sc>`: closed by an `<ec startRef=…>` at the same level.
    spanning: bool,
    content: Vec<Inline>,
    /// The element name to close it (`pc`), none for `<sc>`.
    at: usize,
}

/// What is being read inside `<source>`/`<target>`.
struct InlineReader {
    stack: Vec<Open>,
    top: Vec<Inline>,
    /// The inline elements open now: true for a `<pc>` (its end closes a
    /// code), false for others (`<mrk>`, a `<ph>` written with an end tag).
    ends: Vec<bool>,
}

impl InlineReader {
    fn new() -> Self {
        InlineReader {
            stack: Vec::new(),
            top: Vec::new(),
            ends: Vec::new(),
        }
    }
    fn current(&mut self) -> &mut Vec<Inline> {
        match self.stack.last_mut() {
            Some(o) => &mut o.content,
            None => &mut self.top,
        }
    }
    fn push_text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let cur = self.current();
        if let Some(Inline::Text(t)) = cur.last_mut() {
            t.push_str(s);
        } else {
            cur.push(Inline::Text(s.to_string()));
        }
    }
    fn close(&mut self, data: &BTreeMap<String, String>) -> Option<()> {
        let open = self.stack.pop()?;
        let end = open
            .end_ref
            .as_ref()
            .and_then(|r| data.get(r))
            .cloned()
            .unwrap_or_default();
        let pc = Inline::Pc {
            id: open.id,
            start: open.start,
            end,
            content: open.content,
        };
        self.current().push(pc);
        Some(())
    }
}

/// Attribute values of an element in no namespace, by local name.
fn attrs(
    reader: &NsReader<&[u8]>,
    e: &BytesStart<'_>,
    at: usize,
) -> Result<Vec<(Option<String>, String, String)>, ReadError> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|x| err(at, msg!("xliff-xml-error", detail = x.to_string())))?;
        let (ns, local) = reader.resolver().resolve_attribute(a.key);
        let ns = match ns {
            ResolveResult::Bound(n) => Some(n.as_ref().to_string()),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(p) => {
                return Err(err(
                    at,
                    msg!("xliff-xml-error", detail = format!("unknown prefix {p}")),
                ));
            }
        };
        let local = local.as_ref().to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|x| err(at, msg!("xliff-xml-error", detail = x.to_string())))?;
        out.push((ns, local, value.into_owned()));
    }
    Ok(out)
}

fn get<'a>(
    attrs: &'a [(Option<String>, String, String)],
    ns: Option<&str>,
    name: &str,
) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, l, _)| n.as_deref() == ns && l == name)
        .map(|(_, _, v)| v.as_str())
}

/// Character data goes to the segment's text, a `<data>` or a note; other
/// places have none darslik keeps.
fn put_text(
    place: Place,
    s: &str,
    inline: &mut InlineReader,
    data_text: &mut String,
    note: &mut String,
) {
    match place {
        Place::Source | Place::Target => inline.push_text(s),
        Place::Data => data_text.push_str(s),
        Place::Note => note.push_str(s),
        _ => {}
    }
}

/// Where the reader is in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Top,
    Xliff,
    File,
    Unit,
    Notes,
    Note,
    OriginalData,
    Data,
    Segment,
    Source,
    Target,
    /// Inside an element darslik does not read (another namespace, `<skeleton>`, …).
    Skipped,
    /// Inside an XLIFF element whose content is ignored (`<ignorable>`, file `<notes>`).
    Ignored,
}

/// Read an XLIFF document. Positions in errors are byte offsets in `text`.
pub fn read(text: &str) -> Result<Doc, ReadError> {
    if text.len() > MAX_BYTES {
        return Err(err(0, msg!("xliff-too-large", mb = MAX_BYTES >> 20)));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut doc = Doc::default();
    let mut places: Vec<Place> = vec![Place::Top];
    let mut unit: Option<Unit> = None;
    let mut data: BTreeMap<String, String> = BTreeMap::new();
    let mut data_id: Option<String> = None;
    let mut data_text = String::new();
    let mut note = String::new();
    let mut inline = InlineReader::new();
    let mut seen_root = false;
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let event = match reader.read_resolved_event() {
            Ok((ns, e)) => {
                let ns = match ns {
                    ResolveResult::Bound(n) => Some(n.as_ref().to_string()),
                    _ => None,
                };
                (ns, e)
            }
            Err(e) => {
                let pos = usize::try_from(reader.error_position()).unwrap_or(at);
                return Err(err(pos, msg!("xliff-xml-error", detail = e.to_string())));
            }
        };
        let place = *places.last().unwrap_or(&Place::Top);
        match event {
            (_, Event::DocType(_)) => return Err(err(at, msg!("xliff-doctype"))),
            (_, Event::Eof) => break,
            (_, Event::Decl(_)) | (_, Event::PI(_)) | (_, Event::Comment(_)) => {}
            (ns, ev @ (Event::Start(_) | Event::Empty(_))) => {
                let empty = matches!(ev, Event::Empty(_));
                let e = match ev {
                    Event::Start(e) | Event::Empty(e) => e,
                    _ => continue,
                };
                if places.len() > MAX_DEPTH {
                    return Err(err(at, msg!("xliff-too-deep", depth = MAX_DEPTH)));
                }
                let local = e.local_name().as_ref().to_string();
                let ours = ns.as_deref() == Some(XLIFF_NS);
                let a = attrs(&reader, &e, at)?;
                let next = if matches!(place, Place::Skipped | Place::Ignored) {
                    place
                } else if place == Place::Top {
                    if seen_root {
                        return Err(err(
                            at,
                            msg!("xliff-xml-error", detail = "a second root element"),
                        ));
                    }
                    seen_root = true;
                    doc.at = at;
                    if !ours || local != "xliff" {
                        return Err(err(at, msg!("xliff-not-xliff")));
                    }
                    let version = get(&a, None, "version").unwrap_or("");
                    if !version.starts_with("2.") {
                        return Err(err(at, msg!("xliff-version", version = version)));
                    }
                    doc.src_lang = get(&a, None, "srcLang").unwrap_or("").to_string();
                    doc.trg_lang = get(&a, None, "trgLang").unwrap_or("").to_string();
                    doc.course = get(&a, Some(DARSLIK_NS), "course")
                        .unwrap_or("")
                        .to_string();
                    doc.locale = get(&a, Some(DARSLIK_NS), "locale")
                        .unwrap_or("")
                        .to_string();
                    Place::Xliff
                } else if !ours {
                    if matches!(place, Place::Source | Place::Target) {
                        return Err(err(at, msg!("xliff-unknown-inline", element = local)));
                    }
                    Place::Skipped
                } else {
                    match (place, local.as_str()) {
                        (Place::Xliff, "file") => {
                            doc.files.push(File {
                                original: get(&a, None, "original").unwrap_or("").to_string(),
                                units: Vec::new(),
                                at,
                            });
                            Place::File
                        }
                        (Place::File, "unit") => {
                            let id = get(&a, None, "id").unwrap_or("").to_string();
                            let kind = get(&a, None, "type")
                                .map(|t| t.strip_prefix("darslik:").unwrap_or(t))
                                .unwrap_or("")
                                .to_string();
                            let mut u = Unit::new(id, kind, Vec::new());
                            u.at = at;
                            unit = Some(u);
                            data.clear();
                            Place::Unit
                        }
                        (Place::File, "group") => Place::File,
                        (Place::Unit, "notes") => Place::Notes,
                        (Place::Notes, "note") => {
                            note.clear();
                            Place::Note
                        }
                        (Place::Unit, "originalData") => Place::OriginalData,
                        (Place::OriginalData, "data") => {
                            data_id = get(&a, None, "id").map(str::to_string);
                            data_text.clear();
                            Place::Data
                        }
                        (Place::Data, "cp") => {
                            let c = cp(&a, at)?;
                            data_text.push(c);
                            Place::Data
                        }
                        (Place::Unit, "segment") => {
                            if let Some(u) = unit.as_mut() {
                                if u.target.is_some() || !u.source.is_empty() {
                                    return Err(err(
                                        at,
                                        msg!("xliff-one-segment", unit = u.id.clone()),
                                    ));
                                }
                                if let Some(s) = get(&a, None, "state") {
                                    u.state = State::parse(s).ok_or_else(|| {
                                        err(at, msg!("xliff-bad-state", state = s))
                                    })?;
                                }
                            }
                            Place::Segment
                        }
                        (Place::Unit, "ignorable") => Place::Ignored,
                        (Place::Segment, "source") => {
                            inline = InlineReader::new();
                            Place::Source
                        }
                        (Place::Segment, "target") => {
                            inline = InlineReader::new();
                            if let Some(u) = unit.as_mut() {
                                u.target_at = at;
                            }
                            Place::Target
                        }
                        (Place::Xliff | Place::File, "notes") | (Place::File, "skeleton") => {
                            Place::Ignored
                        }
                        (Place::Source | Place::Target, name) => {
                            if inline.ends.len() > MAX_DEPTH {
                                return Err(err(at, msg!("xliff-too-deep", depth = MAX_DEPTH)));
                            }
                            match name {
                                "ph" => {
                                    let id = get(&a, None, "id").unwrap_or("").to_string();
                                    let d = get(&a, None, "dataRef")
                                        .and_then(|r| data.get(r))
                                        .cloned()
                                        .unwrap_or_default();
                                    inline.current().push(Inline::Ph { id, data: d });
                                }
                                "pc" => {
                                    let id = get(&a, None, "id").unwrap_or("").to_string();
                                    let start = get(&a, None, "dataRefStart")
                                        .and_then(|r| data.get(r))
                                        .cloned()
                                        .unwrap_or_default();
                                    let open = Open {
                                        id,
                                        start,
                                        end_ref: get(&a, None, "dataRefEnd").map(str::to_string),
                                        spanning: false,
                                        content: Vec::new(),
                                        at,
                                    };
                                    inline.stack.push(open);
                                    if empty {
                                        inline.close(&data);
                                    }
                                }
                                "sc" => {
                                    if get(&a, None, "isolated") == Some("yes") {
                                        return Err(err(at, msg!("xliff-isolated")));
                                    }
                                    let id = get(&a, None, "id").unwrap_or("").to_string();
                                    let start = get(&a, None, "dataRef")
                                        .and_then(|r| data.get(r))
                                        .cloned()
                                        .unwrap_or_default();
                                    inline.stack.push(Open {
                                        id,
                                        start,
                                        end_ref: None,
                                        spanning: true,
                                        content: Vec::new(),
                                        at,
                                    });
                                }
                                "ec" => {
                                    let start_ref = get(&a, None, "startRef").unwrap_or("");
                                    match inline.stack.last_mut() {
                                        Some(o) if o.spanning && o.id == start_ref => {
                                            o.end_ref =
                                                get(&a, None, "dataRef").map(str::to_string);
                                            inline.close(&data);
                                        }
                                        _ => {
                                            return Err(err(
                                                at,
                                                msg!("xliff-unpaired-ec", id = start_ref),
                                            ));
                                        }
                                    }
                                }
                                "cp" => {
                                    let c = cp(&a, at)?;
                                    let mut b = [0u8; 4];
                                    inline.push_text(c.encode_utf8(&mut b));
                                }
                                "mrk" | "sm" | "em" => {}
                                other => {
                                    return Err(err(
                                        at,
                                        msg!("xliff-unknown-inline", element = other),
                                    ));
                                }
                            }
                            if !empty {
                                inline.ends.push(name == "pc");
                            }
                            place
                        }
                        _ => Place::Ignored,
                    }
                };
                if !empty {
                    places.push(next);
                } else if next == Place::Unit {
                    // <unit/> has no segment: nothing to import.
                    unit = None;
                }
            }
            (_, Event::End(_)) => {
                let closing = places.pop().unwrap_or(Place::Top);
                let parent = *places.last().unwrap_or(&Place::Top);
                match closing {
                    Place::Unit => {
                        if let (Some(u), Some(f)) = (unit.take(), doc.files.last_mut()) {
                            f.units.push(u);
                        }
                    }
                    Place::Note => {
                        if let Some(u) = unit.as_mut() {
                            u.notes.push(std::mem::take(&mut note));
                        }
                    }
                    Place::Data if parent == Place::OriginalData => {
                        if let Some(id) = data_id.take() {
                            data.insert(id, std::mem::take(&mut data_text));
                        }
                    }
                    Place::Source | Place::Target if parent == Place::Segment => {
                        if let Some(open) = inline.stack.last() {
                            return Err(err(
                                open.at,
                                msg!("xliff-unclosed-code", id = open.id.clone()),
                            ));
                        }
                        let content = std::mem::take(&mut inline.top);
                        if let Some(u) = unit.as_mut() {
                            if closing == Place::Source {
                                u.source = content;
                            } else {
                                u.target = Some(content);
                            }
                        }
                    }
                    // The end of an inline element: a <pc> closes its code
                    // (the guard pops what was open, whatever it was).
                    Place::Source | Place::Target if inline.ends.pop() == Some(true) => {
                        if let Some(open) = inline.stack.last()
                            && open.spanning
                        {
                            return Err(err(
                                open.at,
                                msg!("xliff-unclosed-code", id = open.id.clone()),
                            ));
                        }
                        inline.close(&data);
                    }
                    _ => {}
                }
            }
            (_, Event::Text(t)) => {
                put_text(
                    place,
                    &t.xml10_content(),
                    &mut inline,
                    &mut data_text,
                    &mut note,
                );
            }
            (_, Event::CData(t)) => {
                put_text(
                    place,
                    &t.xml10_content(),
                    &mut inline,
                    &mut data_text,
                    &mut note,
                );
            }
            (_, Event::GeneralRef(r)) => {
                let s = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            return Err(err(
                                at,
                                msg!("xliff-bad-reference", reference = format!("&{};", &*r)),
                            ));
                        }
                    }
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    s.to_string()
                } else {
                    return Err(err(
                        at,
                        msg!("xliff-bad-reference", reference = format!("&{};", &*r)),
                    ));
                };
                put_text(place, &s, &mut inline, &mut data_text, &mut note);
            }
        }
    }
    if places.len() > 1 || !seen_root {
        return Err(err(
            text.len(),
            msg!(
                "xliff-xml-error",
                detail = "the document ends before its root element is closed"
            ),
        ));
    }
    Ok(doc)
}

/// The character of a `<cp hex="…"/>`.
fn cp(a: &[(Option<String>, String, String)], at: usize) -> Result<char, ReadError> {
    let hex = get(a, None, "hex").unwrap_or("");
    u32::from_str_radix(hex, 16)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| err(at, msg!("xliff-bad-cp", hex = hex)))
}

#[cfg(test)]
mod tests;

//! Page bodies (the HTML darslik rendered) to searchable text: the headings
//! and the body cut into short units (sentences, list items, table rows,
//! quiz prompts and options), each in the section of the heading above it.
//! Hidden parts (quiz explanations, buttons), UI hints and footnote numbers
//! are left out.

use std::borrow::Cow;

/// A page body as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// (id, text) of each heading inside the body, in order.
    pub headings: Vec<(String, String)>,
    /// The units' text, one after the other (one allocation for a page).
    pub text: String,
    /// (section, end of the unit in `text`): section 0 is before the first
    /// heading, section i is under heading i - 1.
    pub units: Vec<(usize, usize)>,
}

impl Extracted {
    /// Unit `i`'s text (empty once `text` is dropped).
    pub fn unit(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.units[i - 1].1 };
        self.text.get(start..self.units[i].1).unwrap_or("")
    }

    /// (section, text) of each unit.
    pub fn units(&self) -> impl Iterator<Item = (usize, &str)> {
        (0..self.units.len()).map(|i| (self.units[i].0, self.unit(i)))
    }
}

/// Units longer than this are cut at a clause boundary.
pub const MAX_UNIT: usize = 120;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];
const SKIP_TAGS: &[&str] = &[
    "script", "style", "svg", "button", "template", "noscript", "select", "textarea", "math",
];
const SKIP_CLASSES: &[&str] = &[
    "quiz-hint",
    "quiz-num",
    "quiz-feedback",
    "quiz-explanation",
    // A scenario's steps are read once: not again in the facilitator's
    // outline, nor its hidden feedback and controls.
    "scenario-facilitator",
    "scenario-feedback",
    "scenario-bar",
    "scenario-result",
    "scenario-label",
    "scenario-end-note",
    "footnote-reference",
    "footnote-definition-label",
    "visually-hidden",
];
/// Elements that end a unit.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "li"
            | "tr"
            | "blockquote"
            | "div"
            | "pre"
            | "dt"
            | "dd"
            | "dl"
            | "figcaption"
            | "figure"
            | "caption"
            | "legend"
            | "label"
            | "fieldset"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "ul"
            | "ol"
            | "section"
            | "article"
            | "aside"
            | "details"
            | "summary"
            | "header"
            | "footer"
            | "nav"
            | "main"
            | "hr"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

struct Open<'a> {
    name: Cow<'a, str>,
    skip: bool,
}

#[derive(Default)]
struct State<'a> {
    out: Extracted,
    stack: Vec<Open<'a>>,
    /// How many elements on `stack` are skipped: asking the whole stack for
    /// every piece of text was quadratic in the nesting depth.
    skipped: usize,
    buf: String,
    /// `buf` with its white space collapsed (kept for its capacity).
    collapsed: String,
    heading: Option<(String, String)>,
}

impl<'a> State<'a> {
    fn skipping(&self) -> bool {
        self.skipped > 0
    }

    fn text(&mut self, s: &str) {
        if self.skipping() {
            return;
        }
        match &mut self.heading {
            Some((_, t)) => t.push_str(s),
            None => self.buf.push_str(s),
        }
    }

    fn flush(&mut self) {
        collapse_into(&self.buf, &mut self.collapsed);
        self.buf.clear();
        if self.collapsed.is_empty() {
            return;
        }
        let section = self.out.headings.len();
        let out = &mut self.out;
        for s in sentences(&self.collapsed) {
            cut_each(s, MAX_UNIT, |piece| {
                out.text.push_str(piece);
                out.units.push((section, out.text.len()));
            });
        }
    }

    fn open(&mut self, name: Cow<'a, str>, attrs: &Attrs) {
        let heading = is_heading(&name);
        if heading || is_block(&name) {
            self.flush();
        }
        if matches!(&*name, "td" | "th") && !self.buf.trim().is_empty() {
            self.buf.push_str(" · ");
        }
        if name == "br" {
            self.text(" ");
        }
        if VOID.contains(&&*name) {
            return;
        }
        let skip = SKIP_TAGS.contains(&&*name)
            || attrs.hidden
            || attrs
                .class
                .split_whitespace()
                .any(|c| SKIP_CLASSES.contains(&c));
        if heading && !skip && !self.skipping() && self.heading.is_none() {
            self.heading = Some((attrs.id.clone(), String::new()));
        }
        self.skipped += usize::from(skip);
        self.stack.push(Open { name, skip });
    }

    fn close(&mut self, name: &str) {
        let Some(pos) = self.stack.iter().rposition(|o| o.name == name) else {
            return;
        };
        self.skipped -= self.stack[pos..].iter().filter(|o| o.skip).count();
        self.stack.truncate(pos);
        if is_heading(name) {
            if let Some((id, text)) = self.heading.take() {
                let text = collapse(&text);
                if !text.is_empty() {
                    self.out.headings.push((id, text));
                }
            }
        } else if is_block(name) {
            self.flush();
        }
    }
}

#[derive(Default)]
struct Attrs {
    id: String,
    class: String,
    hidden: bool,
}

/// Read a page body.
pub fn extract(html: &str) -> Extracted {
    let mut st = State::default();
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        match memchr::memchr(b'<', &bytes[i..]) {
            Some(at) => i += at,
            None => break,
        }
        let rest = &html[i..];
        let tag_start = rest
            .as_bytes()
            .get(1)
            .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !tag_start {
            i += 1;
            continue;
        }
        st.text(&decode(&html[text_start..i]));
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            i += memchr::memchr(b'>', rest.as_bytes()).map_or(rest.len(), |e| e + 1);
        } else if let Some(close) = rest.strip_prefix("</") {
            let len = close.bytes().take_while(u8::is_ascii_alphanumeric).count();
            st.close(&lower(&close[..len]));
            i += memchr::memchr(b'>', rest.as_bytes()).map_or(rest.len(), |e| e + 1);
        } else {
            let (name, attrs, len) = open_tag(rest);
            i += len;
            if matches!(&*name, "script" | "style") {
                // Raw text: jump to the end tag.
                let end = format!("</{name}");
                let lower = html[i..].to_ascii_lowercase();
                i += lower.find(&end).unwrap_or(lower.len());
                text_start = i;
                continue;
            }
            st.open(name, &attrs);
        }
        text_start = i;
    }
    st.text(&decode(&html[text_start..]));
    st.flush();
    st.out
}

/// `s` in lower case, borrowed when it already is (darslik writes its tags
/// in lower case).
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Parse `<name attr="v" ...>`: the name, the attributes we need, the length.
fn open_tag(s: &str) -> (Cow<'_, str>, Attrs, usize) {
    let b = s.as_bytes();
    let mut i = 1;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    let name = lower(&s[1..i]);
    let mut attrs = Attrs::default();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return (name, attrs, b.len());
        }
        if b[i] == b'>' {
            return (name, attrs, i + 1);
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = &s[start..i];
        let wanted = if attr.eq_ignore_ascii_case("id") {
            Some(&mut attrs.id)
        } else if attr.eq_ignore_ascii_case("class") {
            Some(&mut attrs.class)
        } else {
            if attr.eq_ignore_ascii_case("hidden") {
                attrs.hidden = true;
            }
            None
        };
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                i = vs;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
                value = &s[vs..i.min(b.len())];
                i += 1;
            } else {
                let vs = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = &s[vs..i];
            }
        } else if start == i {
            i += 1; // a stray character
        }
        if let Some(slot) = wanted {
            *slot = decode(value).into_owned();
        }
    }
}

/// Decode character references.
pub fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let Some(end) = end.filter(|e| rest.as_bytes().get(*e) == Some(&b';')) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            n if n.starts_with("#x") || n.starts_with("#X") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whitespace runs to one space, trimmed.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(s, &mut out);
    out
}

/// Bytes that may start a white-space character: ASCII white space, and
/// the first bytes of U+0085, U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2)
/// and U+3000 (E3).
const MAY_BE_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = matches!(
            i as u8,
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3
        );
        i += 1;
    }
    t
};

/// The length of the white-space character at byte `i` of `s` (0: none).
#[inline]
fn space_at(s: &str, i: usize) -> usize {
    match s.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => 1,
        b if MAY_BE_SPACE[b as usize] => s[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// [`collapse`] into `out` (cleared first): the words of
/// `s.split_whitespace()` joined by single spaces. Stretches whose words
/// are already one space apart are copied whole; a non-ASCII character is
/// decoded only when its first byte may start a white-space character
/// (Cyrillic text never needs it).
fn collapse_into(s: &str, out: &mut String) {
    out.clear();
    let b = s.as_bytes();
    let n = b.len();
    // The end of the white space from byte `i`.
    let skip = |mut i: usize| {
        while i < n {
            match space_at(s, i) {
                0 => break,
                w => i += w,
            }
        }
        i
    };
    let mut i = skip(0);
    // The start of the stretch to copy as it is.
    let mut copy = i;
    while i < n {
        if !MAY_BE_SPACE[b[i] as usize] {
            i += 1;
            continue;
        }
        if space_at(s, i) == 0 {
            i += 1;
            continue;
        }
        let end = skip(i);
        if end >= n {
            // White space at the end.
            out.push_str(&s[copy..i]);
            return;
        }
        if end != i + 1 || b[i] != b' ' {
            out.push_str(&s[copy..i]);
            out.push(' ');
            copy = end;
        }
        i = end;
    }
    out.push_str(&s[copy..]);
}

/// Split at sentence ends: `.`, `!`, `?` or `…` (and closing quotes or
/// brackets), a space, then a capital letter or an opening quote.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // The marks are `.`, `!`, `?` (memchr3) and `…` (E2 80 A6, memmem; its
    // next place kept, as it is rare).
    let bytes = text.as_bytes();
    let ellipsis = memchr::memmem::Finder::new("…".as_bytes());
    let mut next_ellipsis = ellipsis.find(bytes);
    let mut next_mark = |from: usize| {
        if next_ellipsis.is_some_and(|e| e < from) {
            next_ellipsis = ellipsis.find(&bytes[from..]).map(|e| e + from);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|m| m + from);
        match (stop, next_ellipsis) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    };
    while let Some(end_mark) = next_mark(from) {
        let mut j = end_mark + text[end_mark..].chars().next().map_or(1, char::len_utf8);
        for c in text[j..].chars() {
            if matches!(c, ')' | '»' | '”' | '"' | '’' | ']') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        from = j;
        let mut after = text[j..].chars();
        if after.next() == Some(' ')
            && after
                .next()
                .is_some_and(|n| n.is_uppercase() || matches!(n, '«' | '“' | '„' | '"'))
        {
            out.push(&text[start..j]);
            start = j + 1;
            from = start;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Cut a long unit into pieces of at most `max` characters, at `; `, `: `,
/// ` — `, `, ` or a space, whichever comes last before the limit.
pub fn cut(s: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    cut_each(s, max, |piece| out.push(piece.to_string()));
    out
}

/// Where [`cut`] cuts, best first.
const CUT_AT: [&str; 6] = ["; ", ": ", " — ", " – ", ", ", " "];

/// Searchers for [`CUT_AT`] from the end, made once.
fn cut_finders() -> &'static [memchr::memmem::FinderRev<'static>] {
    static FINDERS: std::sync::OnceLock<Vec<memchr::memmem::FinderRev<'static>>> =
        std::sync::OnceLock::new();
    FINDERS.get_or_init(|| CUT_AT.iter().map(memchr::memmem::FinderRev::new).collect())
}

/// [`cut`], each piece handed to `f`.
fn cut_each<'s>(s: &'s str, max: usize, mut f: impl FnMut(&'s str)) {
    if s.len() <= max {
        return f(s);
    }
    let mut n = s.chars().count();
    if n <= max {
        return f(s);
    }
    let mut rest = s;
    while n > max {
        let wb = rest.char_indices().nth(max).map_or(rest.len(), |(b, _)| b);
        let window = &rest[..wb];
        // The piece: `at` characters, `at_b` bytes.
        let (mut at, mut at_b) = (max, wb);
        for (sep, finder) in CUT_AT.iter().zip(cut_finders()) {
            if let Some(p) = finder.rfind(window.as_bytes())
                && p > 0
            {
                // Keep the punctuation with the first piece.
                let mark = sep.trim_end();
                let keep = window[..p].chars().count() + mark.chars().count();
                if keep >= max / 3 {
                    at = keep;
                    at_b = p + mark.len();
                    break;
                }
            }
        }
        f(rest[..at_b].trim());
        rest = &rest[at_b..];
        n -= at;
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        rest = &rest[spaces..];
        n -= spaces;
    }
    if !rest.is_empty() {
        f(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_units_and_skipped_parts() {
        let html = r##"<p>Intro text. Second sentence here.</p>
<h2 id="one">First <em>part</em></h2>
<ul><li>Item &amp; more</li><li>Other<sup class="footnote-reference"><a href="#fn-1">1</a></sup></li></ul>
<div class="table-wrap"><table><tr><th>A</th><th>B</th></tr><tr><td>x</td><td>y</td></tr></table></div>
<fieldset><legend><span class="quiz-num">1.</span> <span class="quiz-prompt">Which?</span></legend>
<span class="quiz-hint">Choose one answer</span><label><input type="radio"> <span>Yes</span></label>
<button type="button" hidden>Check</button><div class="quiz-explanation" hidden>Because.</div></fieldset>
<script>var a = "<p>no</p>";</script><p>End</p>"##;
        let e = extract(html);
        assert_eq!(
            e.headings,
            vec![("one".to_string(), "First part".to_string())]
        );
        let units: Vec<(usize, &str)> = e.units().collect();
        assert_eq!(
            units,
            vec![
                (0, "Intro text."),
                (0, "Second sentence here."),
                (1, "Item & more"),
                (1, "Other"),
                (1, "A · B"),
                (1, "x · y"),
                (1, "Which?"),
                (1, "Yes"),
                (1, "End"),
            ]
        );
    }

    #[test]
    fn a_scenario_is_read_once_without_its_controls() {
        let html = r##"<section class="scenario" data-strings="{}"><p class="scenario-label">Case scenario</p>
<div class="scenario-bar" hidden><button type="button" class="scenario-back">Back</button><p class="scenario-status"></p></div>
<div class="scenario-step" id="s-a"><div class="scenario-text"><p>At the station.</p></div>
<ul class="scenario-choices"><li><a class="scenario-choice" href="#s-b">Call an interpreter</a><div class="scenario-feedback" hidden>Good.</div></li></ul></div>
<div class="scenario-step" id="s-b"><div class="scenario-text"><p>She talks.</p></div><p class="scenario-end-note">This is an ending.</p></div>
<div class="scenario-result" hidden></div>
<details class="scenario-facilitator"><summary>Facilitator view</summary><figure class="scenario-diagram"><svg><text>At the</text></svg><figcaption>Diagram</figcaption></figure>
<ol class="scenario-outline"><li>At the station.</li></ol></details></section>"##;
        let e = extract(html);
        let units: Vec<&str> = e.units().map(|(_, u)| u).collect();
        assert_eq!(
            units,
            vec!["At the station.", "Call an interpreter", "She talks."]
        );
    }

    #[test]
    fn white_space_collapses_as_split_whitespace_says() {
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut texts: Vec<String> = vec![
            "  plain  text\t\nhere ".into(),
            "Ўзбек  тили\u{a0}ва «рус»\u{2003}тили".into(),
            "oʻzbek\u{3000}tili\u{85}\u{2028}x".into(),
            "é à\u{202f}—\u{2060}ok".into(),
            String::new(),
            " ".into(),
        ];
        for n in 0..0x3100u32 {
            if let Some(c) = char::from_u32(n) {
                texts.push(format!("a{c}b {c} Ж{c}"));
            }
        }
        let mut out = String::new();
        for t in &texts {
            collapse_into(t, &mut out);
            assert_eq!(out, slow(t), "{t:?}");
        }
    }

    #[test]
    fn sentences_end_at_stops_and_ellipses() {
        assert_eq!(
            sentences("Вот так… Потом «да». Нет! Почему? Ещё… и всё… «Конец»"),
            vec![
                "Вот так…",
                "Потом «да».",
                "Нет!",
                "Почему?",
                "Ещё… и всё…",
                "«Конец»"
            ]
        );
        assert_eq!(sentences("…"), vec!["…"]);
        assert_eq!(sentences("a… B. c"), vec!["a…", "B. c"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("See art. 3(a) and No. 29. Then more."),
            vec!["See art. 3(a) and No. 29.", "Then more."]
        );
    }

    #[test]
    fn long_units_are_cut_at_clauses() {
        let s = "a".repeat(100) + ", " + &"b".repeat(100) + "; " + &"c".repeat(100);
        let pieces = cut(&s, 240);
        assert!(
            pieces.iter().all(|p| p.chars().count() <= 240),
            "{pieces:?}"
        );
        assert_eq!(
            pieces.concat().replace([',', ';', ' '], ""),
            s.replace([',', ';', ' '], "")
        );
        assert_eq!(pieces.len(), 2);
    }
}

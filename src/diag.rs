//! Diagnostics for people: every problem found in a course, with file, line,
//! column, the offending line and a hint, rendered in the style of rustc
//! (codespan-reporting) or as JSON (SPEC §4).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, Config};
use serde::Serialize;

mod code;
mod excerpt;
pub mod lang;
mod lines;
mod text;

pub use code::Code;
pub use lang::Lang;
pub use text::{Arg, Msg, Text, tr};

use excerpt::Excerpt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem. `file` is relative to the course folder, with `/` separators.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    #[serde(skip)]
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub locale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The message as one of darslik's own, to be said in the user's
    /// language; `message` is its English text.
    #[serde(skip)]
    pub text: Option<Msg>,
    #[serde(skip)]
    pub hint_text: Option<Msg>,
    /// A stale page's source change since its translation (`check`
    /// prints it under the warning; JSON carries its hunks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<crate::diff::StaleDiff>,
    #[serde(skip)]
    source: Option<Arc<str>>,
    #[serde(skip)]
    span: Option<Range<usize>>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<Text>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: Code, message: impl Into<Text>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: Code, message: impl Into<Text>) -> Self {
        let (message, text) = split(message.into());
        Diagnostic {
            severity,
            code,
            message,
            file: None,
            line: None,
            column: None,
            locale: None,
            hint: None,
            text,
            hint_text: None,
            diff: None,
            source: None,
            span: None,
        }
    }

    /// The message in `lang` (the English `message` when it is not one of
    /// darslik's own).
    pub fn message_in(&self, lang: Lang) -> String {
        match &self.text {
            Some(m) => m.text(lang),
            None => self.message.clone(),
        }
    }

    /// The hint in `lang`.
    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        match &self.hint_text {
            Some(m) => Some(m.text(lang)),
            None => self.hint.clone(),
        }
    }

    /// The file the problem is in, without a position.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    /// The file and the byte range of the offending text in `source`.
    pub fn at(mut self, file: impl Into<String>, source: &Arc<str>, span: Range<usize>) -> Self {
        let start = clamp_to_char(source, span.start.min(source.len()));
        let end = clamp_to_char(source, span.end.clamp(start, source.len()));
        let (line, column) = lines::line_col_of(source, start);
        self.file = Some(file.into());
        self.line = Some(line);
        self.column = Some(column);
        self.source = Some(source.clone());
        self.span = Some(start..end);
        self
    }

    /// A position known only as line and column (1-based, column in characters).
    pub fn at_line_col(
        self,
        file: impl Into<String>,
        source: &Arc<str>,
        line: usize,
        column: usize,
        len: usize,
    ) -> Self {
        let start = lines::offset_of_in(source, line, column);
        let end = source[start..]
            .char_indices()
            .nth(len.max(1))
            .map_or(source.len(), |(i, _)| start + i);
        let end = source[start..end].find('\n').map_or(end, |n| start + n);
        self.at(file, source, start..end)
    }

    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        let (hint, text) = split(hint.into());
        self.hint = Some(hint);
        self.hint_text = text;
        self
    }

    /// Shows what changed in a stale page's source under the warning.
    pub fn with_diff(mut self, diff: crate::diff::StaleDiff) -> Self {
        self.diff = Some(diff);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// rustc-style text in the user's language ([`lang::current`]).
    pub fn render(&self) -> String {
        self.render_in(lang::current())
    }

    /// rustc-style text: header, `--> file:line:col`, the offending line with
    /// a caret, and the hint. A long line is shown as an excerpt around the
    /// column, so the text stays short whatever the file (SPEC §4).
    /// Safe to print on a terminal: what comes from the course is made
    /// [`printable`]; the diff's colours are darslik's own.
    pub fn render_in(&self, lang: Lang) -> String {
        self.render_with(lang, lang::color())
    }

    /// As [`Diagnostic::render_in`], with terminal colours or without
    /// (text shown in a page, such as `serve`'s overlay, has none).
    pub fn render_with(&self, lang: Lang, color: bool) -> String {
        let mut text = terminal_safe(&self.render_en_frame(lang));
        if let Some(diff) = &self.diff {
            text.push_str(&crate::diff::render(diff, lang, color));
        }
        // codespan writes the severity in English: say it in `lang`.
        let (en, word) = match self.severity {
            Severity::Error => ("error", "diag-error"),
            Severity::Warning => ("warning", "diag-warning"),
        };
        match text.strip_prefix(en) {
            Some(rest) if lang != Lang::En => format!("{}{rest}", Msg::new(word).text(lang)),
            _ => text,
        }
    }

    fn render_en_frame(&self, lang: Lang) -> String {
        let message = self.message_in(lang);
        let mut cs = match self.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
        }
        .with_code(self.code.as_str())
        .with_message(&message);
        if let Some(hint) = self.hint_in(lang) {
            let label = Msg::new("diag-hint").text(lang);
            cs = cs.with_notes(vec![format!("{label}: {hint}")]);
        }
        let config = Config::default();
        match (&self.file, &self.source, &self.span) {
            (Some(file), Some(source), Some(span)) => {
                let excerpt = Excerpt::new(
                    file,
                    source,
                    span.clone(),
                    self.line.unwrap_or(1),
                    self.column.unwrap_or(1),
                );
                cs = cs.with_labels(vec![Label::primary((), excerpt.span.clone())]);
                term::emit_into_string(&config, &excerpt, &cs)
                    .unwrap_or_else(|_| self.render_plain(lang))
            }
            _ => {
                let files = SimpleFile::new("", "");
                let mut text = term::emit_into_string(&config, &files, &cs)
                    .unwrap_or_else(|_| self.render_plain(lang));
                if let Some(file) = &self.file {
                    // No position: name the file under the header.
                    let at = text.find('\n').map_or(text.len(), |i| i + 1);
                    text.insert_str(at, &format!("  --> {file}\n"));
                }
                text
            }
        }
    }

    fn render_plain(&self, lang: Lang) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut s = format!("{sev}[{}]: {}\n", self.code, self.message_in(lang));
        if let Some(f) = &self.file {
            s.push_str(&format!(
                "  --> {f}:{}:{}\n",
                self.line.unwrap_or(1),
                self.column.unwrap_or(1)
            ));
        }
        if let Some(h) = self.hint_in(lang) {
            let label = Msg::new("diag-hint").text(lang);
            s.push_str(&format!("  = {label}: {h}\n"));
        }
        s
    }
}

/// English text and, for darslik's own messages, the message to translate.
fn split(t: Text) -> (String, Option<Msg>) {
    match t {
        Text::Plain(s) => (s, None),
        Text::Msg(m) => (m.en(), Some(m)),
    }
}

pub use lines::{line_col, offset_of};

fn clamp_to_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every problem found in one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter().filter(|d| !d.is_error())
    }

    /// Sort by file and position so reports read top to bottom, and drop exact repeats.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.code.as_str(), &a.message).cmp(&(
                &b.file,
                b.line,
                b.column,
                b.code.as_str(),
                &b.message,
            ))
        });
        self.items.dedup_by(|a, b| {
            a.file == b.file
                && a.line == b.line
                && a.column == b.column
                && a.code == b.code
                && a.message == b.message
        });
    }

    /// SPEC §4: `{"errors":[...],"warnings":[...]}`, each with `message`
    /// in English and `message_localized` (and `hint_localized`) in the
    /// user's language (SPEC §10).
    pub fn to_json(&self) -> String {
        self.to_json_in(lang::current())
    }

    pub fn to_json_in(&self, lang: Lang) -> String {
        let one = |d: &Diagnostic| {
            let mut v = serde_json::to_value(d).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert("message_localized".into(), d.message_in(lang).into());
                if let Some(h) = d.hint_in(lang) {
                    o.insert("hint_localized".into(), h.into());
                }
                o.insert("lang".into(), lang.tag().into());
            }
            v
        };
        let errors: Vec<serde_json::Value> = self.errors().map(one).collect();
        let warnings: Vec<serde_json::Value> = self.warnings().map(one).collect();
        serde_json::json!({ "errors": errors, "warnings": warnings }).to_string()
    }

    /// All diagnostics as text, then a summary line. After [`REPEATS_SHOWN`]
    /// of one code in one file the rest are counted, not shown: 4,000
    /// broken links on one line read as 20 and a count, not 300 MB.
    pub fn render(&self) -> String {
        self.render_in(lang::current())
    }

    pub fn render_in(&self, lang: Lang) -> String {
        self.render_with(lang, lang::color())
    }

    /// Every diagnostic with terminal colours or without (see
    /// [`Diagnostic::render_with`]).
    pub fn render_with(&self, lang: Lang, color: bool) -> String {
        use std::collections::HashMap;
        let mut out = String::new();
        let mut seen: HashMap<(Option<&str>, &str), usize> = HashMap::new();
        // The groups with some left out, in the order they first overflowed.
        let mut hidden: Vec<(Option<&str>, &str)> = Vec::new();
        for d in &self.items {
            let key = (d.file.as_deref(), d.code.as_str());
            let n = seen.entry(key).or_insert(0);
            *n += 1;
            if *n <= REPEATS_SHOWN {
                out.push_str(&d.render_with(lang, color));
            } else if *n == REPEATS_SHOWN + 1 {
                hidden.push(key);
            }
        }
        for key in hidden {
            let n = seen[&key] - REPEATS_SHOWN;
            let (file, code) = key;
            let line = match file {
                Some(file) => crate::msg!("diag-more", count = n, code = code, file = file),
                None => crate::msg!("diag-more-course", count = n, code = code),
            };
            out.push_str(&terminal_safe(&line.text(lang)));
            out.push('\n');
        }
        let e = self.errors().count();
        let w = self.warnings().count();
        if e + w > 0 {
            out.push_str(&crate::msg!("diag-summary", errors = e, warnings = w).text(lang));
            out.push('\n');
            out.push_str(&self.by_code_in(lang));
        }
        out
    }

    /// The problems counted by kind, errors first, then the most frequent:
    /// `      7 × page-missing (warning): a page is not translated yet…`.
    pub fn by_code(&self) -> String {
        self.by_code_in(lang::current())
    }

    pub fn by_code_in(&self, lang: Lang) -> String {
        let mut counts: Vec<((bool, Code), usize)> = Vec::new();
        for d in &self.items {
            let key = (!d.is_error(), d.code);
            match counts.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => counts.push((key, 1)),
            }
        }
        counts.sort_by(|((wa, ca), na), ((wb, cb), nb)| {
            (wa, std::cmp::Reverse(na), ca.as_str()).cmp(&(wb, std::cmp::Reverse(nb), cb.as_str()))
        });
        let mut out = String::new();
        for ((warning, code), n) in counts {
            let sev = Msg::new(if warning {
                "diag-warning"
            } else {
                "diag-error"
            })
            .text(lang);
            out.push_str(&format!(
                "{n:>7} × {code} ({sev}): {}\n",
                code.text_in(lang)
            ));
        }
        out
    }
}

/// How many diagnostics of one code in one file are shown in full.
pub const REPEATS_SHOWN: usize = 20;

/// `text` with every character that a terminal would act on rather than show
/// written as `\u{..}`: C0 controls (ESC starts the sequences that move the
/// cursor, clear the screen or set the window title), DEL, C1 controls (U+009B
/// is a one-character ESC `[`), and the bidirectional overrides and isolates
/// that make a name read differently from what it is (U+202A-U+202E,
/// U+2066-U+2069, and the marks U+200E, U+200F, U+061C).
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn hidden(c: char) -> bool {
    // char::is_control is exactly C0, DEL and C1.
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
}

/// A whole report made [`printable`] line by line: line breaks and tabs
/// stay, anything else a terminal would act on is written out. Messages
/// quote the course's file names and lines.
pub fn terminal_safe(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            line.split('\t')
                .map(|part| printable(part).into_owned())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Text {
        Text::Plain(s.to_string())
    }

    #[test]
    fn line_and_column_count_characters() {
        let src = "first\nOʻzbek xato\n";
        let off = src.find("xato").unwrap();
        assert_eq!(line_col(src, off), (2, 8));
        assert_eq!(offset_of(src, 2, 8), off);
    }

    #[test]
    fn render_shows_file_line_and_caret() {
        let src: Arc<str> = Arc::from("title = 1\nbad line here\n");
        let d = Diagnostic::error(Code::BrokenLink, plain("something is wrong"))
            .at("content/en/a.md", &src, 10..13)
            .hint(plain("fix it"));
        let text = d.render();
        assert!(text.contains("content/en/a.md:2:1"), "{text}");
        assert!(text.contains("bad line here"), "{text}");
        assert!(text.contains("^^^"), "{text}");
        assert!(text.contains("hint: fix it"), "{text}");
    }

    #[test]
    fn printable_escapes_what_a_terminal_acts_on() {
        assert!(matches!(printable("module-a.html"), Cow::Borrowed(_)));
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            printable("\u{9b}31m\u{7f}\t\n\r"),
            "\\u{9b}31m\\u{7f}\\u{9}\\u{a}\\u{d}"
        );
        assert_eq!(printable("evil\u{202e}lmth.js"), "evil\\u{202e}lmth.js");
        assert_eq!(printable("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert_eq!(printable("oʻzbek Русский"), "oʻzbek Русский");
    }

    #[test]
    fn a_report_ends_with_the_problems_counted_by_kind_errors_first() {
        let mut d = Diagnostics::default();
        for _ in 0..3 {
            d.push(Diagnostic::warning(Code::PageMissing, plain("m")));
        }
        d.push(Diagnostic::warning(Code::PageStale, plain("s")));
        d.push(Diagnostic::error(Code::BrokenLink, plain("b")));
        let text = d.render_in(Lang::En);
        let tail: Vec<&str> = text.lines().rev().take(4).collect();
        assert_eq!(
            tail,
            [
                format!("      1 × page-stale (warning): {}", Code::PageStale.text()),
                format!(
                    "      3 × page-missing (warning): {}",
                    Code::PageMissing.text()
                ),
                format!("      1 × broken-link (error): {}", Code::BrokenLink.text()),
                "1 error, 4 warnings".to_string(),
            ]
        );
    }
}

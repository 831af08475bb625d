//! Plain text: words, the spans that are not words, and word conversion.
//!
//! Names that stay names. Text shown to people mixes Uzbek with things a
//! reader types or looks for as written: commands, file names, product
//! names. Structure comes first: Markdown code spans and code blocks
//! (`markdown.rs`) and Fluent placeables (`fluent.rs`, so a message that
//! names a command takes it as `{ $command }`) are never handed to this
//! module. What is left is plain text, where these are kept as written:
//!
//! * URLs (`https://…`, `www.…`, `mailto:…`) and e-mail addresses;
//! * a shell prompt line: after `$ ` at the start of a line (indentation
//!   allowed), the rest of the line is a command (`$ sha256sum -c SHA256SUMS`);
//! * a run of letters and digits in which a letter comes before a digit is
//!   one code-like token, kept whole: `sha256sum`, `SHA256SUMS`, `utf8`,
//!   `scorm2004`, `mp4`. A run that starts with digits is a number with an
//!   Uzbek suffix, and its letters are converted: `5ta` -> `5та`;
//! * file names and extensions: `START.html`, `README.txt`, `index.md`,
//!   `.zip`, `.ftl` (a lower-case extension after a dot);
//! * other code-like contexts: `$var`, `@user`, `#tag`, `a_b`, `--format`,
//!   a one-letter option after a space (`-c`), `2011/36/EU`, `(x)`;
//!
//! Names the exception lists keep (`moodle = "Moodle"`, the course's
//! `[translit] keep`) and words that are not Uzbek at all (`w`, `c` outside
//! `ch`, English letter pairs) are decided word by word in `word.rs`: the
//! name stays as written and its Uzbek ending follows the text's script
//! (`Linuxda` -> `Linuxда`, `Moodleʼga` -> `Moodleʼга`).

use super::Script;
use super::exceptions::Exceptions;
use super::letters::{TUTUQ, is_apostrophe, is_combining, is_cyrillic, is_letter, lower};
use super::word::convert_word;

/// A word of the text: byte range, and whether it must be kept as written
/// (code-like context such as `index.md`, `$var`, `2011/36/EU`, `(x)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub keep: bool,
}

/// Byte ranges of URLs, e-mail addresses and shell prompt lines.
pub fn protected_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let n = b.len();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let url_char = |c: u8| {
        !c.is_ascii_whitespace() && !matches!(c, b'<' | b'>' | b'"' | b'`' | b'|') && c >= 0x21
            || c >= 0x80
    };
    let mut i = 0;
    while i < n {
        let rest = &b[i..];
        let at_boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        let mut start = None;
        if rest.starts_with(b"://") {
            let mut s = i;
            while s > 0
                && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'+' | b'-' | b'.'))
            {
                s -= 1;
            }
            if s < i {
                start = Some(s);
            }
        } else if at_boundary
            && (rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"www.")
                || rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"mailto:"))
        {
            start = Some(i);
        }
        if let Some(s) = start {
            let mut e = i;
            while e < n && url_char(b[e]) {
                // stop at non-ASCII whitespace-like characters
                if b[e] >= 0x80 {
                    let ch = text[e..].chars().next().unwrap_or(' ');
                    if ch.is_whitespace() || matches!(ch, '«' | '»' | '“' | '”' | '„') {
                        break;
                    }
                    e += ch.len_utf8();
                    continue;
                }
                e += 1;
            }
            // trailing punctuation belongs to the sentence
            while e > i {
                let last = b[e - 1];
                let open = b[s..e].iter().filter(|&&c| c == b'(').count();
                let close = b[s..e].iter().filter(|&&c| c == b')').count();
                if matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'')
                    || last == b')' && close > open
                {
                    e -= 1;
                } else {
                    break;
                }
            }
            while e < n && !text.is_char_boundary(e) {
                e += 1;
            }
            spans.push((s, e.max(i + 1).min(n)));
            i = e.max(i + 1);
            continue;
        }
        if b[i] == b'@' && i > 0 && i + 1 < n {
            let mut s = i;
            while s > 0
                && (b[s - 1].is_ascii_alphanumeric()
                    || matches!(b[s - 1], b'.' | b'_' | b'%' | b'+' | b'-'))
            {
                s -= 1;
            }
            let mut e = i + 1;
            while e < n && (b[e].is_ascii_alphanumeric() || matches!(b[e], b'.' | b'-')) {
                e += 1;
            }
            while e > i + 1 && b[e - 1] == b'.' {
                e -= 1;
            }
            if s < i && b[i + 1..e].contains(&b'.') {
                spans.push((s, e));
                i = e;
                continue;
            }
        }
        i += 1;
    }
    // a shell prompt: `$ ` first on a line, the rest of the line is a command
    let mut line = 0;
    while line < n {
        let end = b[line..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(n, |k| line + k);
        let mut k = line;
        while k < end && matches!(b[k], b' ' | b'\t') {
            k += 1;
        }
        if k + 1 < end && b[k] == b'$' && b[k + 1] == b' ' {
            spans.push((k, end));
        }
        line = end + 1;
    }
    // merge overlaps (an e-mail inside a URL)
    spans.sort();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The words of `text` outside URLs, e-mail addresses and prompt lines.
pub fn scan(text: &str) -> Vec<Token> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len();
    let spans = protected_spans(text);
    let mut span_idx = 0;
    let mut toks = Vec::new();
    let mut i = 0;
    while i < n {
        let pos = cs[i].0;
        while span_idx < spans.len() && spans[span_idx].1 <= pos {
            span_idx += 1;
        }
        if let Some(&(s, e)) = spans.get(span_idx)
            && s <= pos
            && pos < e
        {
            while i < n && cs[i].0 < e {
                i += 1;
            }
            continue;
        }
        let c = cs[i].1;
        if !is_letter(c) {
            i += 1;
            continue;
        }
        let start = i;
        let cyr = is_cyrillic(c);
        let limit = spans.get(span_idx).map(|&(s, _)| s).unwrap_or(usize::MAX);
        let mut j = i + 1;
        while j < n && cs[j].0 < limit {
            let cj = cs[j].1;
            if is_combining(cj) {
                j += 1;
                continue;
            }
            if is_letter(cj) {
                if is_cyrillic(cj) != cyr {
                    break;
                }
                j += 1;
                continue;
            }
            if is_apostrophe(cj) {
                // ‘kitob’ni: the closing quote of a quoted word, then a suffix
                let opened = start > 0 && cs[start - 1].1 == '\u{2018}';
                let after_og = matches!(lower(cs[j - 1].1), 'o' | 'g');
                if opened && cj == '\u{2019}' && !after_og {
                    break;
                }
                let mut k = j;
                while k < n && is_apostrophe(cs[k].1) {
                    k += 1;
                }
                if k < n
                    && k - j <= 2
                    && cs[k].0 < limit
                    && is_letter(cs[k].1)
                    && is_cyrillic(cs[k].1) == cyr
                {
                    j = k;
                    continue;
                }
                let prev = lower(cs[j - 1].1);
                let quoted = start > 0 && is_apostrophe(cs[start - 1].1);
                // togʻ (after o/g, not closing a quote), jamʼ (an explicit tutuq)
                if !cyr && ((prev == 'o' || prev == 'g') && !quoted || cj == TUTUQ) {
                    j += 1;
                }
                break;
            }
            break;
        }
        let keep = keep_context(&cs, start, j);
        let end = if j < n { cs[j].0 } else { text.len() };
        toks.push(Token {
            start: cs[start].0,
            end,
            keep,
        });
        i = j;
    }
    toks
}

/// Whether the word at chars `start..end` sits in a code-like context.
fn keep_context(cs: &[(usize, char)], start: usize, end: usize) -> bool {
    let at = |k: usize| cs.get(k).map(|x| x.1);
    let prev = if start > 0 { at(start - 1) } else { None };
    let prev2 = if start > 1 { at(start - 2) } else { None };
    let next = at(end);
    let next2 = at(end + 1);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let first_lower = at(start).is_some_and(|c| c.is_lowercase());
    // a single letter in brackets: (a), [x], (c)
    if end == start + 1
        && matches!(prev, Some('(') | Some('['))
        && matches!(next, Some(')') | Some(']'))
    {
        return true;
    }
    let long = end > start + 1;
    // glued to digits after a letter: the `sum` of `sha256sum`
    if digit(prev) {
        let mut k = start - 1;
        while k > 0 && digit(at(k)) {
            k -= 1;
        }
        if at(k).is_some_and(|c| c.is_alphabetic()) && !digit(at(k)) {
            return true;
        }
    }
    let spaced = |c: Option<char>| {
        c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '«' | '"' | '“' | '„'))
    };
    // a file extension on its own: `.zip`, `.html`
    if prev == Some('.')
        && spaced(prev2)
        && (start..end).all(|k| at(k).is_some_and(|c| c.is_ascii_lowercase()))
    {
        return true;
    }
    // a one-letter command-line option: `-c`
    if !long
        && prev == Some('-')
        && spaced(prev2)
        && at(start).is_some_and(|c| c.is_ascii_alphabetic())
        && next.is_none_or(|c| c.is_whitespace())
    {
        return true;
    }
    match prev {
        Some('_' | '\\' | '@' | '#' | '~' | '=' | '$' | '&' | '<' | '%' | '^' | '{') => {
            return true;
        }
        Some('/') if digit(prev2) || prev2 == Some('<') => return true,
        Some('.') if long && alnum(prev2) && first_lower => return true,
        Some('-') if prev2 == Some('-') => return true,
        _ => {}
    }
    match next {
        Some('_' | '\\' | '@' | '=') => true,
        Some('/') => digit(next2),
        Some('.') => long && next2.is_some_and(|c| c.is_lowercase() && c.is_alphabetic()),
        Some(c) => c.is_ascii_digit(),
        None => false,
    }
}

/// Converts plain text (see [`super::convert`]).
pub fn convert_text(text: &str, to: Script, ex: &Exceptions) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut last = 0;
    for t in scan(text) {
        out.push_str(&text[last..t.start]);
        let w = &text[t.start..t.end];
        match (t.keep, convert_word(w, to, ex)) {
            (false, Some(s)) => out.push_str(&s),
            _ => out.push_str(w),
        }
        last = t.end;
    }
    out.push_str(&text[last..]);
    out
}

//! How deep a Fluent file nests, found without recursion, before any parser
//! sees it.
//!
//! fluent-syntax parses placeables, selectors and call arguments by
//! recursion, and so do the resolver and our own walks over the syntax tree:
//! a 48 KB file of 12,000 nested `{ }` overflows the stack and aborts the
//! process. Real messages nest two or three levels (a selector inside a
//! placeable, a variable inside a variant); [`MAX_DEPTH`] leaves ample room
//! and is far below what any thread's stack can take.
//!
//! The scan over-counts rather than under-counts: it counts every `{` and
//! every `(` in an expression (a function's or a term's arguments recurse
//! too), skips string literals and comments, and forgets the count only
//! where the parser itself would give up on the entry and start afresh (a
//! line at column 0 that begins a new message, term or comment).

use crate::msg;
use std::ops::Range;
use std::sync::Arc;

use fluent_syntax::ast::Resource;

use crate::diag::{Code, Diagnostic};

/// Placeables, selectors and call arguments may nest at most this deep
/// (SPEC §11). `{ $n -> [one] { $n } *[other] … }` is 2.
pub const MAX_DEPTH: usize = 64;

/// Where a file first nests deeper than [`MAX_DEPTH`]: the byte range of the
/// bracket that goes one level too deep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    pub span: Range<usize>,
}

/// One open `{`: whether the scan is in its expression or in the text of one
/// of its variants (after `[key]`), and how many `(` are open in it.
struct Frame {
    in_text: bool,
    parens: usize,
}

/// Checks that `src` nests at most [`MAX_DEPTH`] deep. Linear in the length
/// of the file, with memory bounded by [`MAX_DEPTH`].
pub fn check(src: &str) -> Result<(), TooDeep> {
    let bytes = src.as_bytes();
    let mut frames: Vec<Frame> = Vec::with_capacity(MAX_DEPTH + 1);
    let mut parens = 0usize;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start {
            line_start = false;
            if starts_entry(&bytes[i..]) {
                // The parser drops whatever it had open and starts a new
                // entry here, so nothing nests across this line.
                frames.clear();
                parens = 0;
                if b == b'#' {
                    i = skip_line(bytes, i);
                    continue;
                }
            } else if let Some(f) = frames.last_mut()
                && f.in_text
            {
                // A variant's text ends at a line that starts (after
                // indentation) a new variant, an attribute or the closing `}`.
                let first = bytes[i..].iter().find(|&&c| c != b' ').copied();
                if matches!(first, Some(b'[' | b'*' | b'.' | b'}')) {
                    f.in_text = false;
                }
            }
        }
        match b {
            b'\n' => line_start = true,
            b'{' => {
                frames.push(Frame {
                    in_text: false,
                    parens: 0,
                });
                if frames.len() + parens > MAX_DEPTH {
                    return Err(TooDeep { span: i..i + 1 });
                }
            }
            _ if frames.is_empty() => {}
            b'}' => {
                if let Some(f) = frames.pop() {
                    parens -= f.parens;
                }
            }
            _ if frames.last().is_some_and(|f| f.in_text) => {}
            b'"' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'(' => {
                if let Some(f) = frames.last_mut() {
                    f.parens += 1;
                }
                parens += 1;
                if frames.len() + parens > MAX_DEPTH {
                    return Err(TooDeep { span: i..i + 1 });
                }
            }
            b')' => {
                if let Some(f) = frames.last_mut()
                    && f.parens > 0
                {
                    f.parens -= 1;
                    parens -= 1;
                }
            }
            b']' => {
                // The end of a variant key: its text follows.
                if let Some(f) = frames.last_mut() {
                    f.in_text = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Does a line starting here begin a message (`id =`), a term (`-id =`) or a
/// comment (`#`)? Those are where the parser resumes after an error.
fn starts_entry(line: &[u8]) -> bool {
    if line.first() == Some(&b'#') {
        return true;
    }
    let rest = line.strip_prefix(b"-").unwrap_or(line);
    if !rest.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let after_id = rest
        .iter()
        .position(|c| !(c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-'))
        .unwrap_or(rest.len());
    rest[after_id..]
        .iter()
        .find(|&&c| c != b' ')
        .is_some_and(|&c| c == b'=')
}

fn skip_line(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(bytes.len(), |n| i + n)
}

/// Past a string literal starting at the `"` at `i`: up to the closing quote
/// (a backslash escapes the next character) or the end of the line, where
/// the parser ends an unterminated one.
fn skip_string(bytes: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            b'\n' => return j,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// Parses `src` with fluent-syntax after [`check`], keeping what the parser
/// recovers from syntax errors. `None` when the file nests too deep: it is
/// then not parsed at all.
pub fn parse(src: &str) -> Option<Resource<&str>> {
    check(src).ok()?;
    Some(match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((r, _)) => r,
    })
}

/// The error for a file that nests too deep, for translators: where, and
/// what to do.
pub fn diagnostic(file: &str, source: &Arc<str>, too_deep: &TooDeep) -> Diagnostic {
    Diagnostic::error(
        Code::FluentTooDeep,
        msg!("content-fluent-too-deep", depth = MAX_DEPTH),
    )
    .at(file, source, too_deep.span.clone())
    .hint(msg!("content-fluent-too-deep-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize) -> String {
        format!("deep = {}\"x\"{}\n", "{ ".repeat(n), " }".repeat(n))
    }

    #[test]
    fn ordinary_messages_pass() {
        for src in [
            "a = Hello, { $name }!\n",
            "pages = { $count ->\n    [one] { $count } page\n   *[other] { $count } pages\n}\n",
            "n = { NUMBER($x, minimumFractionDigits: 2) } (see page 3) :( ((\n",
            "-term = Brand\n    .gender = m\nx = { -term(case: \"gen\") }\n",
            "s = { \"{{{{\" } and { \"\\\"(((\" }\n",
            "# {{{{{{{{\n## ((((((\nx = y\n",
        ] {
            assert_eq!(check(src), Ok(()), "{src}");
        }
        assert_eq!(check(&nested(MAX_DEPTH)), Ok(()));
    }

    #[test]
    fn too_deep_points_at_the_bracket() {
        let src = nested(MAX_DEPTH + 1);
        let e = check(&src).unwrap_err();
        assert_eq!(e.span, 7 + 2 * MAX_DEPTH..8 + 2 * MAX_DEPTH);
        assert!(check(&nested(12_000)).is_err());
        assert!(parse(&nested(12_000)).is_none());
        assert!(parse(&nested(3)).is_some());
    }

    #[test]
    fn selectors_and_calls_count() {
        let selects = format!(
            "deep = {}x{}\n",
            "{ $x ->\n *[a] ".repeat(65),
            "\n}".repeat(65)
        );
        assert!(check(&selects).is_err());
        let ok = format!(
            "deep = {}x{}\n",
            "{ $x ->\n *[a] ".repeat(30),
            "\n}".repeat(30)
        );
        assert_eq!(check(&ok), Ok(()));
        let calls = format!("c = {{ {}1{} }}\n", "F(".repeat(64), ")".repeat(64));
        assert!(check(&calls).is_err());
        // Each call on its own line at column 0 is still inside the placeable.
        let lines = format!("c = {{\n{}1{} }}\n", "F(\n".repeat(64), ")".repeat(64));
        assert!(check(&lines).is_err());
    }

    #[test]
    fn a_new_entry_forgets_unclosed_brackets() {
        let src = "a = { $x\n".repeat(200);
        assert_eq!(check(&src), Ok(()));
    }

    #[test]
    fn parser_survives_the_limit() {
        // At the limit the parser runs on a thread's default stack (2 MiB),
        // even unoptimised.
        let src = nested(MAX_DEPTH);
        let sel = format!(
            "deep = {}x{}\n",
            "{ $x ->\n *[a] ".repeat(MAX_DEPTH),
            "\n}".repeat(MAX_DEPTH)
        );
        std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                assert!(parse(&src).is_some());
                assert!(parse(&sel).is_some());
            })
            .expect("thread")
            .join()
            .expect("no overflow");
    }
}

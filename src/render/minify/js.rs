//! Comments and spaces out of the built-in theme's scripts (plain ES5).
//!
//! A tokenizer just good enough for the theme's own code: strings, regular
//! expression literals, comments, words, numbers and punctuation. Nothing is
//! renamed or rewritten. A line break between two tokens stays unless the
//! token before it is one of `; { , ( [` or the one after it one of
//! `) ] }` (automatic semicolon insertion cannot happen there), so the
//! script means what it meant. Anything the tokenizer is not sure of
//! (a template literal, text it cannot end, a non-ASCII character outside a
//! string, a `/` after `++`) leaves the file as it is; so does an output
//! whose tokens, read again, are not the input's.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Str,
    Regex,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    kind: Kind,
    text: &'a str,
    /// A line break (or a comment holding one) comes before it.
    newline: bool,
    /// A space or a comment comes before it.
    space: bool,
}

/// Keywords after which `/` starts a regular expression.
const BEFORE_REGEX: &[&str] = &[
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
];

fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b == b'\\'
}

fn tokens(src: &str) -> Option<Vec<Token<'_>>> {
    let b = src.as_bytes();
    let n = b.len();
    let mut out: Vec<Token> = Vec::with_capacity(n / 4);
    let (mut i, mut newline, mut space) = (0, false, false);
    while i < n {
        let c = b[i];
        let start = i;
        let kind = match c {
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {
                space = true;
                i += 1;
                continue;
            }
            b'\n' => {
                newline = true;
                i += 1;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < n && b[i] != b'\n' {
                    i += 1;
                }
                space = true;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = src[i + 2..].find("*/")? + i + 2;
                if src[i..end].contains('\n') {
                    newline = true;
                }
                space = true;
                i = end + 2;
                continue;
            }
            b'\'' | b'"' => {
                i = super::string_end(b, i)?;
                Kind::Str
            }
            b'`' => return None,
            b'/' if regex_may_start(out.last()) => {
                let mut class = false;
                i += 1;
                loop {
                    match b.get(i)? {
                        b'\\' => i += 2,
                        b'\n' => return None,
                        b'[' => {
                            class = true;
                            i += 1
                        }
                        b']' => {
                            class = false;
                            i += 1
                        }
                        b'/' if !class => break,
                        _ => i += 1,
                    }
                }
                i += 1;
                while i < n && word_byte(b[i]) {
                    i += 1;
                }
                Kind::Regex
            }
            b'/' if out.last().is_some_and(|t| t.text == "++" || t.text == "--") => return None,
            b'0'..=b'9' => {
                number_end(b, &mut i);
                Kind::Number
            }
            b'.' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                number_end(b, &mut i);
                Kind::Number
            }
            c if word_byte(c) => {
                while i < n && word_byte(b[i]) {
                    i += 1;
                }
                Kind::Word
            }
            c if c >= 0x80 => return None,
            b'+' | b'-' if b.get(i + 1) == Some(&c) => {
                i += 2;
                Kind::Punct
            }
            _ => {
                i += 1;
                Kind::Punct
            }
        };
        out.push(Token {
            kind,
            text: &src[start..i.min(n)],
            newline,
            space,
        });
        if i > n {
            return None;
        }
        newline = false;
        space = false;
    }
    Some(out)
}

fn number_end(b: &[u8], i: &mut usize) {
    let hex = b[*i] == b'0' && matches!(b.get(*i + 1), Some(b'x' | b'X'));
    while *i < b.len() {
        let c = b[*i];
        if c.is_ascii_alphanumeric() || c == b'.' || c == b'_' {
            *i += 1;
            if !hex && matches!(c, b'e' | b'E') && matches!(b.get(*i), Some(b'+' | b'-')) {
                *i += 1;
            }
        } else {
            break;
        }
    }
}

fn regex_may_start(prev: Option<&Token>) -> bool {
    match prev {
        None => true,
        Some(t) => match t.kind {
            Kind::Word => BEFORE_REGEX.contains(&t.text),
            Kind::Number | Kind::Str | Kind::Regex => false,
            Kind::Punct => !matches!(t.text, ")" | "]" | "}" | "++" | "--"),
        },
    }
}

/// Whether two tokens written side by side would read as something else.
fn need_space(before: &str, after: &str) -> bool {
    let (Some(&a), Some(&b)) = (before.as_bytes().last(), after.as_bytes().first()) else {
        return false;
    };
    (word_byte(a) && word_byte(b))
        || (a == b'+' && b == b'+')
        || (a == b'-' && b == b'-')
        || (a == b'/' && (b == b'/' || b == b'*'))
        || (a.is_ascii_digit() && b == b'.')
        || (a == b'<' && (b == b'!' || b == b'/'))
        || (a == b'-' && b == b'>')
}

/// `src` without comments and needless spaces, or `None` when it is left as it is.
pub fn minify(src: &str) -> Option<String> {
    let toks = tokens(src)?;
    let mut out = String::with_capacity(src.len());
    let mut prev: Option<&str> = None;
    for t in &toks {
        if let Some(p) = prev {
            let after_open = matches!(p, ";" | "{" | "," | "(" | "[");
            let before_close = matches!(t.text, ")" | "]" | "}");
            if t.newline && !after_open && !before_close {
                out.push('\n');
            } else if (t.space || t.newline) && need_space(p, t.text) {
                out.push(' ');
            }
        }
        out.push_str(t.text);
        prev = Some(t.text);
    }
    out.push('\n');
    // The same tokens, read again from the output.
    let again = tokens(&out)?;
    let same = again.len() == toks.len()
        && again
            .iter()
            .zip(&toks)
            .all(|(a, b)| a.text == b.text && a.kind == b.kind);
    same.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_spaces_go_strings_and_regexes_stay() {
        let src = "/* head */\nvar a = 'x  /* y */ // z', b = /[/ ]+\\/ */g; // tail\n\
                   function f (x) {\n  return x / 2 / 3;\n}\n";
        let out = minify(src).unwrap();
        assert_eq!(
            out,
            "var a='x  /* y */ // z',b=/[/ ]+\\/ */g;function f(x){return x/2/3;}\n"
        );
    }

    #[test]
    fn line_breaks_that_end_statements_stay() {
        let out = minify("var a = 1\nvar b = a\n++b\nreturn\nx\n").unwrap();
        assert_eq!(out, "var a=1\nvar b=a\n++b\nreturn\nx\n");
    }

    #[test]
    fn tokens_that_would_merge_keep_a_space() {
        assert_eq!(
            minify("a - -b; c + +d; e = 1 .toString(); f < !g").unwrap(),
            "a- -b;c+ +d;e=1 .toString();f< !g\n"
        );
        assert_eq!(
            minify("if (a) return /x/.test(b);").unwrap(),
            "if(a)return/x/.test(b);\n"
        );
    }

    #[test]
    fn unsure_text_is_left_alone() {
        assert_eq!(minify("var t = `a ${b}`;"), None);
        assert_eq!(minify("var s = 'never closed;"), None);
        assert_eq!(minify("/* never closed"), None);
        assert_eq!(minify("var ü = 1;"), None);
        assert_eq!(minify("i++ / 2"), None);
    }

    #[test]
    fn every_built_in_script_is_minified() {
        let theme = crate::render::theme::builtin_sources();
        let mut seen = 0;
        for (name, bytes) in theme {
            if let Some(rel) = name.strip_prefix("static/")
                && rel.ends_with(".js")
            {
                let src = std::str::from_utf8(bytes).unwrap();
                let out = minify(src).unwrap_or_else(|| panic!("{rel} was left as it is"));
                assert!(out.len() < src.len(), "{rel}");
                seen += 1;
            }
        }
        assert!(seen >= 10, "{seen} scripts");
    }
}

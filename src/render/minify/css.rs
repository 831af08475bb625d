//! Comments and spaces out of the built-in theme's style sheets.
//!
//! Strings and `url(...)` are copied as they are; a run of spaces becomes
//! one, and none is kept next to `{ } ; , >` or after `:` (a space before
//! `:` is a descendant selector and stays; `+`, `-` and `~` keep theirs:
//! `calc(1px + 2px)` needs them). A `;` before `}` goes, and so does the
//! leading zero of `0.5` after `:`, a space, `(` or `,`. A comment or
//! string it cannot end leaves the sheet as it is.

fn tight(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b';' | b',' | b'>')
}

/// `src` without comments and needless spaces, or `None` when it is left as it is.
pub fn minify(src: &str) -> Option<String> {
    let b = src.as_bytes();
    let n = b.len();
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let mut space = false;
    let mut i = 0;
    while i < n {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0c => {
                space = true;
                i += 1;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = src[i + 2..].find("*/")? + i + 4;
                space = true;
                continue;
            }
            _ => {}
        }
        if space {
            let last = out.last().copied();
            if last.is_some_and(|l| !tight(l) && l != b':' && l != b'(') && !tight(c) && c != b')' {
                out.push(b' ');
            }
            space = false;
        }
        match c {
            b'"' | b'\'' => {
                let end = super::string_end(b, i)?;
                out.extend_from_slice(&b[i..end]);
                i = end;
            }
            b'(' if out.ends_with(b"url") && !matches!(b.get(i + 1), Some(b'"' | b'\'')) => {
                let end = src[i..].find(')')? + i + 1;
                out.extend_from_slice(&b[i..end]);
                i = end;
            }
            b'}' => {
                if out.last() == Some(&b';') {
                    out.pop();
                }
                out.push(c);
                i += 1;
            }
            // 0.5 -> .5 (a number's leading zero, after a separator only).
            b'0' if matches!(out.last(), Some(b':' | b' ' | b'(' | b','))
                && b.get(i + 1) == Some(&b'.')
                && b.get(i + 2).is_some_and(u8::is_ascii_digit) =>
            {
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out.push(b'\n');
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn spaces_and_comments_go() {
        let src = "/* a */\n.a > .b ,\n.c :hover {\n  color : red ;\n  margin: calc(1px + 2px) 0;\n}\n\
                   @media (min-width: 960px) {\n  .d { content: \"  x  ; \" }\n}\n";
        assert_eq!(
            minify(src).unwrap(),
            ".a>.b,.c :hover{color :red;margin:calc(1px + 2px) 0}@media (min-width:960px){.d{content:\"  x  ; \"}}\n"
        );
    }

    #[test]
    fn leading_zeros_go_other_digits_stay() {
        assert_eq!(
            minify("a { margin: 0.5rem 0 10.5px; opacity: 0.25; x: rgba(0, 0, 0, 0.3); y: 0 0.1em; z: 1.05 }").unwrap(),
            "a{margin:.5rem 0 10.5px;opacity:.25;x:rgba(0,0,0,.3);y:0 .1em;z:1.05}\n"
        );
    }

    #[test]
    fn urls_and_unclosed_text() {
        assert_eq!(
            minify("a { background: url(data:image/svg+xml;utf8,x y) }").unwrap(),
            "a{background:url(data:image/svg+xml;utf8,x y)}\n"
        );
        assert_eq!(minify("a { content: 'x }"), None);
        assert_eq!(minify("/* open"), None);
    }

    #[test]
    fn every_built_in_sheet_gets_smaller() {
        for (name, bytes) in crate::render::theme::builtin_sources() {
            if name.starts_with("static/") && name.ends_with(".css") {
                let src = std::str::from_utf8(bytes).unwrap();
                let out = minify(src).unwrap_or_else(|| panic!("{name} was left as it is"));
                assert!(
                    out.len() * 10 < src.len() * 9,
                    "{name}: {} of {}",
                    out.len(),
                    src.len()
                );
            }
        }
    }
}

//! Writing the index: JSON strings safe inside `<script>`, front-coded keys
//! and page codes.

use super::*;

/// Whether a byte starts something [`json_str`] escapes (0xE2: U+2028/9).
pub(super) fn json_special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\') | (b == b'<') | (b == b'>') | (b == 0xE2)
}

/// Whether any byte is [`json_special`]: in blocks, without stopping early,
/// which the compiler turns into vector instructions (most text has none).
pub(super) fn has_json_special(bytes: &[u8]) -> bool {
    bytes
        .chunks(64)
        .any(|c| c.iter().fold(false, |acc, &b| acc | json_special(b)))
}

/// The length of `s` written by [`json_str`].
pub(super) fn json_len(s: &str) -> usize {
    let mut len = s.len() + 2;
    if !has_json_special(s.as_bytes()) {
        return len;
    }
    for b in s.bytes() {
        if b < 0x20 {
            len += if matches!(b, b'\n' | b'\r' | b'\t' | 0x08 | 0x0c) {
                1
            } else {
                5
            };
        } else if matches!(b, b'"' | b'\\') {
            len += 1;
        } else if matches!(b, b'<' | b'>') {
            len += 5;
        }
    }
    // U+2028 and U+2029 (three bytes each) become `\u2028`, `\u2029`.
    len + 3 * s.matches(['\u{2028}', '\u{2029}']).count()
}

/// A JSON string, safe inside `<script>` and in older JavaScript (U+2028/9).
pub(super) fn json_str(out: &mut String, s: &str) {
    // Most text needs no escape at all (U+2028/9 start with the byte 0xE2).
    if !has_json_special(s.as_bytes()) {
        out.push('"');
        out.push_str(s);
        out.push('"');
        return;
    }
    out.push('"');
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let esc: Option<&str> = match c {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            '\u{8}' => Some("\\b"),
            '\u{c}' => Some("\\f"),
            '<' => Some("\\u003c"),
            '>' => Some("\\u003e"),
            '\u{2028}' => Some("\\u2028"),
            '\u{2029}' => Some("\\u2029"),
            c if (c as u32) < 0x20 => None,
            _ => continue,
        };
        out.push_str(&s[from..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
        from = i + c.len_utf8();
    }
    out.push_str(&s[from..]);
    out.push('"');
}

#[allow(clippy::too_many_arguments)]
pub(super) fn serialize(
    lang: Lang,
    modules: &[String],
    pages: &[Page<'_>],
    kept: &[Vec<bool>],
    shown: &[Vec<bool>],
    names: &[Box<str>],
    order: &[u32],
    postings: &[Vec<(u32, u32)>],
    width: usize,
) -> String {
    let mut out = String::with_capacity(1 << 16);
    out.push_str("window.DARSLIK_SEARCH={\"v\":1,\"l\":");
    json_str(&mut out, lang.code());
    out.push_str(&format!(
        ",\"n\":{},\"w\":{width},\"m\":[",
        normalize::KEY_CHARS
    ));
    for (i, m) in modules.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        json_str(&mut out, m);
    }
    out.push_str("],\n\"p\":[");
    for (pi, p) in pages.iter().enumerate() {
        if pi > 0 {
            out.push_str(",\n");
        }
        out.push_str(&p.head);
        // Sections up to the last one with a kept unit.
        let last = p
            .text
            .units
            .iter()
            .zip(&kept[pi])
            .filter(|(_, k)| **k)
            .map(|((s, _), _)| *s + 1)
            .max()
            .unwrap_or(0);
        out.push('[');
        let mut ui = 0;
        for section in 0..last {
            if section > 0 {
                out.push(',');
            }
            out.push('[');
            let mut first = true;
            while ui < p.text.units.len() && p.text.units[ui].0 == section {
                if kept[pi][ui] {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    json_str(&mut out, p.text.unit(ui));
                }
                ui += 1;
            }
            out.push(']');
        }
        out.push_str("]]");
    }
    out.push_str("],\n\"k\":\"");
    let mut prev: &str = "";
    let mut lists = String::new();
    let mut first = true;
    for g in order {
        let k: &str = &names[*g as usize];
        let mut any = false;
        for (p, l) in &postings[*g as usize] {
            let (p, l) = (*p as usize, *l as usize);
            if shown[p][l] {
                continue;
            }
            if !any {
                any = true;
                let shared = prev
                    .chars()
                    .zip(k.chars())
                    .take_while(|(a, b)| a == b)
                    .count()
                    .min(25);
                out.push((b'A' + shared as u8) as char);
                out.extend(k.chars().skip(shared));
                prev = k;
                if !first {
                    lists.push(',');
                }
                first = false;
            }
            code(
                p * 2 + usize::from(pages[p].counts[l] >= 3),
                width,
                &mut lists,
            );
        }
    }
    // Keys are letters, digits and `'`: nothing to escape but `'` is safe in "…".
    out.push_str("\",\n\"d\":\"");
    out.push_str(&lists);
    out.push_str("\"};\n");
    out
}

/// Characters per page code: page × 2 + flag must fit.
pub(super) fn code_width(pages: usize) -> usize {
    let mut w = 1;
    let mut room = CODE_DIGITS.len();
    while room < pages * 2 {
        w += 1;
        room *= CODE_DIGITS.len();
    }
    w
}

pub(super) fn code(mut v: usize, width: usize, out: &mut String) {
    let base = CODE_DIGITS.len();
    let mut digits = vec![b'0'; width];
    for d in digits.iter_mut().rev() {
        *d = CODE_DIGITS[v % base];
        v /= base;
    }
    out.extend(digits.iter().map(|&b| b as char));
}

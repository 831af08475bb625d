//! The escapers, one per job: text into HTML (`escape_html_to`), a string
//! into JSON that is safe inside a `<script>` element and in older
//! JavaScript (`json_str`; `script_json` writes a whole value with it, and
//! the search index its strings).

/// JSON that is safe inside an HTML `<script>` element: every string
/// written by [`json_str`].
pub fn script_json(value: &serde_json::Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value);
    out
}

fn write_json(out: &mut String, value: &serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => json_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, v);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_str(out, k);
                out.push(':');
                write_json(out, v);
            }
            out.push('}');
        }
    }
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let _ = escape_html_to(&mut out, s);
    out
}

/// [`escape_html`] written into `out`: the runs between special characters
/// are copied whole (most values have none).
pub fn escape_html_to(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&s[start..i])?;
        out.write_str(entity)?;
        start = i + 1;
    }
    out.write_str(&s[start..])
}

/// Whether a byte starts something [`json_str`] escapes (0xE2: U+2028/9).
pub fn json_special(b: u8) -> bool {
    (b < 0x20) | (b == b'"') | (b == b'\\') | (b == b'<') | (b == b'>') | (b == 0xE2)
}

/// Whether any byte is [`json_special`]: in blocks, without stopping early,
/// which the compiler turns into vector instructions (most text has none).
pub fn has_json_special(bytes: &[u8]) -> bool {
    bytes
        .chunks(64)
        .any(|c| c.iter().fold(false, |acc, &b| acc | json_special(b)))
}

/// The length of `s` written by [`json_str`].
pub fn json_len(s: &str) -> usize {
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
pub fn json_str(out: &mut String, s: &str) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_is_json_that_cannot_end_a_script_or_break_old_javascript() {
        let v = serde_json::json!({
            "t": "</script><!-- \u{2028}\u{2029} \"q\" \\ \n\t\u{1} & ʻ Ё",
            "n": [1, 2.5, -3, null, true, false],
            "e": {}
        });
        let s = script_json(&v);
        assert!(!s.contains('<') && !s.contains('>'), "{s}");
        assert!(!s.contains('\u{2028}') && !s.contains('\u{2029}'), "{s}");
        assert!(s.contains("\\u2028\\u2029") && s.contains("\\u0001"), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).expect("valid JSON");
        assert_eq!(back, v);
        // The same bytes serde_json writes where nothing needs escaping.
        let plain = serde_json::json!({"a": [1, "b"], "c": "ʻ Ё"});
        assert_eq!(script_json(&plain), plain.to_string());
    }
}

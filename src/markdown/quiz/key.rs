//! What the runtime needs to mark a question: short answers compared as
//! people type them, the build-time order of matching and ordering answers,
//! the key object (`forms.js` reads it) and sealing it on graded pages.
//!
//! Sealing is obfuscation, not encryption: the key is XORed with a
//! keystream made from the block's seal and the question id (FNV-1a 32 and
//! mulberry32, twins in `themes/default/static/forms.js`), so that neither
//! the page source nor a search of the files shows the right answers next to
//! their question. The page's own script unseals it after a submit; README
//! says what this does and does not protect.

use serde_json::{Value, json};

use super::{Form, Question};

/// A short answer as compared: lower case, no surrounding space, one space
/// between words, every apostrophe-like mark as `'`, `ё` as `е`.
pub fn normalize_answer(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(match c {
            '\u{02BB}' | '\u{02BC}' | '\u{2018}' | '\u{2019}' | '`' | '\u{00B4}' | '\u{02B9}' => {
                '\''
            }
            'ё' => 'е',
            c => c,
        });
    }
    out
}

/// A number as people type it: optional minus, digits, a decimal point or
/// comma and digits.
pub fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    let body = t.strip_prefix('-').unwrap_or(t);
    let (int, frac) = match body.split_once(['.', ',']) {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return None;
    }
    t.replace(',', ".").parse().ok()
}

/// The numbers an accepted answer stands for: `Ok(Some((v, v)))` for a
/// number, `Ok(Some((lo, hi)))` for `lo..hi`, `Ok(None)` for text, and an
/// error (for people) for a range that is not one.
pub fn numeric_range(text: &str) -> Result<Option<(f64, f64)>, crate::diag::Msg> {
    if let Some(v) = parse_number(text) {
        return Ok(Some((v, v)));
    }
    let Some((lo, hi)) = text.split_once("..") else {
        return Ok(None);
    };
    match (parse_number(lo), parse_number(hi)) {
        (Some(a), Some(b)) if a <= b => Ok(Some((a, b))),
        (Some(a), Some(b)) => Err(crate::msg!(
            "markup-quiz-range-backwards",
            low = a.to_string(),
            high = b.to_string()
        )),
        (None, None) if !lo.trim().bytes().any(|c| c.is_ascii_digit()) => Ok(None),
        _ => Err(crate::msg!(
            "markup-quiz-range-not-numbers",
            text = text.trim()
        )),
    }
}

/// FNV-1a, 32 bits, over UTF-8 bytes.
pub fn fnv1a32(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// mulberry32: a tiny generator that the browser repeats exactly.
pub struct Mulberry32(u32);

impl Mulberry32 {
    pub fn new(seed: u32) -> Self {
        Mulberry32(seed)
    }

    pub fn next_u32(&mut self) -> u32 {
        self.0 = self.0.wrapping_add(0x6D2B_79F5);
        let a = self.0;
        let mut t = (a ^ (a >> 15)).wrapping_mul(1 | a);
        t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(61 | t)) ^ t;
        t ^ (t >> 14)
    }
}

/// The order in which a question's matching right sides or ordering items
/// are shown: `order[k]` is the source index shown at position `k`. The same
/// for a question id in every locale and build; never the written order
/// when there are two or more (an ordering question would be answered).
pub fn shuffled(qid: &str, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Mulberry32::new(fnv1a32(&format!("{qid}/order")));
    for i in (1..n).rev() {
        let j = (rng.next_u32() as usize) % (i + 1);
        order.swap(i, j);
    }
    if n >= 2 && order.iter().enumerate().all(|(k, i)| k == *i) {
        order.rotate_left(1);
    }
    order
}

/// Where each source index is shown: the inverse of [`shuffled`].
pub fn positions(order: &[usize]) -> Vec<usize> {
    let mut pos = vec![0; order.len()];
    for (k, i) in order.iter().enumerate() {
        if let Some(p) = pos.get_mut(*i) {
            *p = k;
        }
    }
    pos
}

/// A question's key object (see `forms.js`): `{"a": [...]}` for choice,
/// matching and ordering, `{"t", "r", "s"}` for short answers; `e` is the
/// explanation's HTML when given.
pub struct Key;

impl Key {
    pub fn of(q: &Question, qid: &str, explanation_html: Option<&str>) -> Value {
        let mut key = match q.form {
            Form::Single | Form::Multiple => json!({ "a": q.correct_indices() }),
            // Left item i (shown in written order) goes with the right side
            // written on its line, shown at positions(order)[i].
            Form::Matching => json!({ "a": positions(&shuffled(qid, q.pairs.len())) }),
            // The values (shown positions) of the items in written order.
            Form::Ordering => json!({ "a": positions(&shuffled(qid, q.items.len())) }),
            Form::Short => {
                let mut texts: Vec<String> = Vec::new();
                let mut ranges: Vec<[f64; 2]> = Vec::new();
                for a in &q.accepted {
                    let range = numeric_range(a).ok().flatten();
                    // A range is a range of numbers, not a text to type.
                    let is_range = range.is_some_and(|(lo, hi)| lo < hi) || a.contains("..");
                    let t = normalize_answer(a);
                    if !is_range && !texts.contains(&t) {
                        texts.push(t);
                    }
                    if let Some((lo, hi)) = range {
                        ranges.push([lo, hi]);
                    }
                }
                json!({ "t": texts, "r": ranges, "s": q.accepted })
            }
        };
        if let (Some(e), Some(obj)) = (explanation_html, key.as_object_mut()) {
            obj.insert("e".into(), Value::String(e.to_string()));
        }
        key
    }
}

const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn keystream(seal: &str, qid: &str) -> impl Iterator<Item = u8> {
    let mut rng = Mulberry32::new(fnv1a32(&format!("{seal}/{qid}")));
    std::iter::from_fn(move || Some(rng.next_u32().to_le_bytes())).flatten()
}

/// Seals a key object's JSON for a question: base64url (no padding) of the
/// bytes XORed with the keystream of `seal` and `qid`.
pub fn seal(json: &str, seal: &str, qid: &str) -> String {
    let bytes: Vec<u8> = json
        .bytes()
        .zip(keystream(seal, qid))
        .map(|(b, k)| b ^ k)
        .collect();
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(B64URL[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// The reverse of [`seal`] (tests; the browser has its own).
pub fn unseal(text: &str, seal_text: &str, qid: &str) -> Option<String> {
    let mut bits = 0u32;
    let mut nbits = 0;
    let mut bytes = Vec::new();
    for c in text.bytes() {
        let v = B64URL.iter().position(|x| *x == c)? as u32;
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            bytes.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    let plain: Vec<u8> = bytes
        .into_iter()
        .zip(keystream(seal_text, qid))
        .map(|(b, k)| b ^ k)
        .collect();
    String::from_utf8(plain).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_compare_as_people_type_them() {
        assert_eq!(normalize_answer("  Art.   3 "), "art. 3");
        assert_eq!(
            normalize_answer("Oʻzbekiston"),
            normalize_answer("O'zbekiston")
        );
        assert_eq!(normalize_answer("taʼlim"), normalize_answer("ta’lim"));
        assert_eq!(normalize_answer("Ребёнок"), "ребенок");
    }

    #[test]
    fn numbers_and_ranges() {
        assert_eq!(numeric_range("18"), Ok(Some((18.0, 18.0))));
        assert_eq!(numeric_range("2,5"), Ok(Some((2.5, 2.5))));
        assert_eq!(numeric_range("18..20"), Ok(Some((18.0, 20.0))));
        assert_eq!(numeric_range("article 3"), Ok(None));
        assert_eq!(numeric_range("etc..."), Ok(None));
        assert!(numeric_range("20..18").is_err());
        assert!(numeric_range("18..x").is_err());
        assert!(numeric_range("18..").is_err());
        assert_eq!(parse_number("1e3"), None);
        assert_eq!(parse_number("-4"), Some(-4.0));
    }

    #[test]
    fn shuffles_are_stable_and_never_the_written_order() {
        for n in 2..12 {
            for q in ["m/p/1", "m/p/2", "module-06/09-post-test/7"] {
                let a = shuffled(q, n);
                assert_eq!(a, shuffled(q, n));
                assert_ne!(a, (0..n).collect::<Vec<_>>(), "{q} {n}");
                let mut sorted = a.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn a_range_is_not_a_text_answer() {
        let q = crate::markdown::quiz::parse("? Days\n= 18..20\n= twenty\n")
            .expect("valid")
            .questions
            .remove(0);
        let key = Key::of(&q, "m/p/1", None);
        assert_eq!(key["t"], serde_json::json!(["twenty"]));
        assert_eq!(key["r"], serde_json::json!([[18.0, 20.0]]));
    }

    #[test]
    fn sealing_round_trips_and_hides_the_text() {
        let json = r#"{"t":["article 3"],"s":["статья 3"]}"#;
        let s = seal(json, "ab12", "m/p/3");
        assert!(!s.contains("article"));
        assert!(s.bytes().all(|b| B64URL.contains(&b)));
        assert_eq!(unseal(&s, "ab12", "m/p/3").as_deref(), Some(json));
        assert_ne!(unseal(&s, "ab12", "m/p/4").as_deref(), Some(json));
    }

    #[test]
    fn pinned_for_the_browser_twin() {
        // forms.js must give the same: fnv1a32("a/b") and the first outputs.
        assert_eq!(fnv1a32(""), 0x811c_9dc5);
        assert_eq!(fnv1a32("a"), 0xe40c_292c);
        let mut r = Mulberry32::new(1);
        assert_eq!(r.next_u32(), 2_693_262_067);
        assert_eq!(seal("{\"a\":[1]}", "s", "q"), "WPpCtSrAMqG_");
    }
}

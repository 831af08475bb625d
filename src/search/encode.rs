//! Writing the index: front-coded keys and page codes (strings with the
//! one script-safe JSON escaper, `render::escape::json_str`).

use super::*;

pub(super) use crate::render::escape::{json_len, json_str};

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

//! The report's charts, drawn as inline SVG.
//!
//! Each chart is one `<svg>` as wide as its box (`width="100%"`, no
//! viewBox): positions along the value axis are percentages of that width,
//! everything else is in pixels, so labels keep their size on a phone and
//! dots stay round. Colours come from classes styled in the page's CSS.
//! Every chart is an image whose figures are in the table beside it.
use std::fmt::Write;

use crate::render::escape::escape_html as esc;

/// Labels longer than this are cut with "…" (the table has them whole);
/// on a narrow screen a shorter cut is shown (CSS: `.long`, `.short`).
const LONG: usize = 58;
const SHORT: usize = 30;

pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

/// A row's label at (0, y): the long cut, and a short one for narrow screens
/// when they differ; `suffix` (already escaped) after either.
fn label(out: &mut String, y: u32, text: &str, long: usize, short: usize, suffix: &str) {
    labels(out, y, (text, text), long, short, suffix);
}

/// [`label`] with another text for narrow screens.
fn labels(out: &mut String, y: u32, texts: (&str, &str), long: usize, short: usize, suffix: &str) {
    let l = cut(texts.0, long);
    let s = cut(texts.1, short);
    if l == s {
        let _ = write!(
            out,
            r#"<text class="label" x="0" y="{y}">{}{suffix}</text>"#,
            esc(&l)
        );
    } else {
        let _ = write!(
            out,
            r#"<text class="label long" x="0" y="{y}">{}{suffix}</text><text class="label short" x="0" y="{y}">{}{suffix}</text>"#,
            esc(&l),
            esc(&s)
        );
    }
}

fn open(out: &mut String, height: u32, label_id: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" width="100%" height="{height}" role="img" aria-labelledby="{}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(label_id)
    );
}

/// `v` (0..=100) as a percentage of the plot's width, between `from` and `to` per cent.
fn at(v: f64, from: f64, to: f64) -> String {
    let v = if v.is_finite() {
        v.clamp(0.0, 100.0)
    } else {
        0.0
    };
    format!("{:.2}%", from + v * (to - from) / 100.0)
}

fn grid(out: &mut String, top: u32, bottom: u32, from: f64, to: f64) {
    for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = at(v, from, to);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{x}" x2="{x}" y1="{top}" y2="{bottom}"/>"#
        );
    }
}

/// One horizontal bar per row, the bar split into parts (count, CSS class);
/// the whole bar is `total`.
pub struct Stack {
    pub label: String,
    pub parts: Vec<(usize, &'static str)>,
    pub total: usize,
}

pub fn stacked(rows: &[Stack], label_id: &str) -> String {
    let row_h = 52;
    let mut out = String::new();
    open(&mut out, rows.len() as u32 * row_h + 4, label_id);
    for (i, row) in rows.iter().enumerate() {
        let y = i as u32 * row_h;
        label(&mut out, y + 16, &row.label, LONG, SHORT, "");
        let mut start = 0usize;
        for (n, class) in &row.parts {
            if *n == 0 || row.total == 0 {
                continue;
            }
            let from = start as f64 * 100.0 / row.total as f64;
            let width = *n as f64 * 100.0 / row.total as f64;
            let _ = write!(
                out,
                r#"<rect class="{class}" x="{from:.2}%" y="{}" width="{width:.2}%" height="24"/>"#,
                y + 22
            );
            if width >= 7.0 {
                let _ = write!(
                    out,
                    r#"<text class="in {class}-text" x="{:.2}%" y="{}" text-anchor="middle">{n}</text>"#,
                    from + width / 2.0,
                    y + 39
                );
            }
            start += n;
        }
    }
    out.push_str("</svg>");
    out
}

/// A histogram: one column per bin, `edges` the labels of the bins' edges
/// (one more than the bins).
pub fn histogram(bins: &[usize], edges: &[String], label_id: &str) -> String {
    let (top, bottom, height) = (22u32, 172u32, 196u32);
    let max = bins.iter().copied().max().unwrap_or(0).max(1);
    let n = bins.len().max(1) as f64;
    let mut out = String::new();
    open(&mut out, height, label_id);
    let _ = write!(
        out,
        r#"<line class="axis" x1="0" x2="100%" y1="{bottom}" y2="{bottom}"/>"#
    );
    for (i, &count) in bins.iter().enumerate() {
        let h = (count as f64 * f64::from(bottom - top) / max as f64).round() as u32;
        let x = i as f64 * 100.0 / n;
        let w = 100.0 / n;
        if h > 0 {
            let _ = write!(
                out,
                r#"<rect class="bar" x="{:.2}%" y="{}" width="{:.2}%" height="{h}"/>"#,
                x + w * 0.1,
                bottom - h,
                w * 0.8
            );
        }
        let _ = write!(
            out,
            r#"<text class="value" x="{:.2}%" y="{}" text-anchor="middle">{count}</text>"#,
            x + w / 2.0,
            bottom - h - 5
        );
    }
    for (i, e) in edges.iter().enumerate() {
        let anchor = if i == 0 {
            "start"
        } else if i + 1 == edges.len() {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            r#"<text class="tick" x="{:.2}%" y="{}" text-anchor="{anchor}">{}</text>"#,
            i as f64 * 100.0 / n,
            bottom + 18,
            esc(e)
        );
    }
    out.push_str("</svg>");
    out
}

/// Pre-test and post-test means as a dumbbell per row: a light dot for
/// pre, a dark one for post, a line between. `value` is written after the label.
pub struct Pair {
    pub label: String,
    pub value: String,
    pub pre: Option<f64>,
    pub post: Option<f64>,
}

pub fn dumbbell(rows: &[Pair], label_id: &str) -> String {
    let row_h = 44;
    let (from, to) = (2.0, 96.0);
    let mut out = String::new();
    let height = rows.len() as u32 * row_h + 22;
    open(&mut out, height, label_id);
    grid(&mut out, 18, height, from, to);
    for (v, anchor) in [(0.0, "start"), (50.0, "middle"), (100.0, "end")] {
        let _ = write!(
            out,
            r#"<text class="tick" x="{}" y="12" text-anchor="{anchor}">{v}</text>"#,
            at(v, from, to)
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y = 22 + i as u32 * row_h;
        let suffix = format!(r#" <tspan class="figure-text">{}</tspan>"#, esc(&row.value));
        label(&mut out, y + 14, &row.label, LONG - 14, SHORT - 6, &suffix);
        let cy = y + 30;
        if let (Some(pre), Some(post)) = (row.pre, row.post) {
            let _ = write!(
                out,
                r#"<line class="link" x1="{}" x2="{}" y1="{cy}" y2="{cy}"/>"#,
                at(pre, from, to),
                at(post, from, to)
            );
        }
        if let Some(pre) = row.pre {
            let _ = write!(
                out,
                r#"<circle class="pre" cx="{}" cy="{cy}" r="7"/>"#,
                at(pre, from, to)
            );
        }
        if let Some(post) = row.post {
            let _ = write!(
                out,
                r#"<circle class="post" cx="{}" cy="{cy}" r="7"/>"#,
                at(post, from, to)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// One bar per row, `value` 0..=100, `text` written at the bar's end.
pub struct Bar {
    /// A heading row drawn before this bar: its text on wide screens and on narrow ones.
    pub heading: Option<(String, String)>,
    pub label: String,
    pub value: f64,
    pub text: String,
}

pub fn bars(rows: &[Bar], label_id: &str, ticks: [&str; 3]) -> String {
    let (row_h, head_h) = (44u32, 34u32);
    let (from, to) = (0.0, 84.0);
    let mut out = String::new();
    let heads = rows.iter().filter(|r| r.heading.is_some()).count() as u32;
    let height = rows.len() as u32 * row_h + heads * head_h + 22;
    open(&mut out, height, label_id);
    grid(&mut out, 18, height, from, to);
    for (v, tick) in [0.0, 50.0, 100.0].into_iter().zip(ticks) {
        let anchor = if v == 0.0 { "start" } else { "middle" };
        let _ = write!(
            out,
            r#"<text class="tick" x="{}" y="12" text-anchor="{anchor}">{}</text>"#,
            at(v, from, to),
            esc(tick)
        );
    }
    let mut y = 22u32;
    for row in rows {
        if let Some(h) = &row.heading {
            let _ = write!(
                out,
                r#"<rect class="band" x="0" y="{}" width="100%" height="26"/>"#,
                y + 2
            );
            let _ = write!(out, r#"<g class="heading">"#);
            labels(&mut out, y + 20, (&h.0, &h.1), LONG + 10, SHORT + 4, "");
            out.push_str("</g>");
            y += head_h;
        }
        label(&mut out, y + 14, &row.label, LONG, SHORT, "");
        let _ = write!(
            out,
            r#"<rect class="bar" x="{}" y="{}" width="{}" height="16"/><text class="value" x="{}" dx="6" y="{}">{}</text>"#,
            at(0.0, from, to),
            y + 20,
            at(row.value, 0.0, to - from),
            at(row.value, from, to),
            y + 33,
            esc(&row.text)
        );
        y += row_h;
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_cut() {
        let svg = bars(
            &[Bar {
                heading: Some(("M & M".into(), "M".into())),
                label: "<script>alert(1)</script>".into(),
                value: 150.0,
                text: "1 & 2".into(),
            }],
            "x",
            ["0", "50", "100"],
        );
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("M &amp; M"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
        assert!(svg.contains("1 &amp; 2"), "{svg}");
        // A value over 100 stays inside the plot.
        assert!(svg.contains(r#"width="84.00%""#), "{svg}");
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }

    #[test]
    fn a_stack_hides_empty_parts() {
        let svg = stacked(
            &[Stack {
                label: "m".into(),
                parts: vec![(0, "passed"), (3, "failed"), (1, "not-started")],
                total: 4,
            }],
            "x",
        );
        assert!(!svg.contains(r#"class="passed""#));
        assert!(
            svg.contains(r#"class="failed" x="0.00%" y="22" width="75.00%""#),
            "{svg}"
        );
        assert!(svg.contains(r#"x="75.00%""#), "{svg}");
    }
}

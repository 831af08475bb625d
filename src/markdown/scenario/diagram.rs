//! The facilitator's diagram of a scenario: an SVG made at build time.
//!
//! Layered top-down layout: a step's layer is its breadth-first depth from
//! the first step, so every forward edge joins two adjacent layers and is
//! drawn as a curve through the gap between them. Edges to the same or an
//! earlier layer (back edges) run down into the gap under their step, out
//! to a lane of their own right of every box, up and into their target from
//! above. Boxes have one size and sit on a grid, so they never overlap; the
//! order within a layer comes from barycentre sweeps that reduce crossings.
//!
//! Only plain SVG shapes and text, colours as attributes (print keeps
//! them), every text escaped: no `<title>`, `<style>`, `<script>`,
//! `<foreignObject>` or references. The output depends only on the input.

use super::render::{ScenarioStrings, esc, plain_text, signed};
use super::{Scenario, graph};

/// Box size and spacing, in SVG units (px at 100 %).
pub const BOX_W: i32 = 168;
pub const BOX_H: i32 = 78;
const GAP_X: i32 = 28;
const GAP_Y: i32 = 64;
const MARGIN: i32 = 16;
/// Room above the first layer and under the last one for back edges.
const TOP: i32 = 40;
const BOTTOM: i32 = 44;
const LANE: i32 = 14;
const PAD: i32 = 8;
const FONT: i32 = 12;
const LINE_H: i32 = 15;
/// Lines of step text in a box (under the id line).
const TEXT_LINES: usize = 3;

/// A box of the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    /// Do the two rectangles share any area (touching edges do not count)?
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// One edge (a choice) as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub step: usize,
    pub choice: usize,
    pub target: usize,
    /// Drawn on the side (to the same or an earlier layer).
    pub back: bool,
    /// SVG path data.
    pub path: String,
    /// Where the points label goes (its centre), if the choice has points.
    pub label: Option<(i32, i32)>,
    /// The lane's x for a back edge.
    pub lane: Option<i32>,
    /// Where the edge meets its target's top (the arrow's tip).
    pub end: (i32, i32),
}

/// Where everything goes: one box per step (in step order), the edges and
/// the size of the drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub width: i32,
    pub height: i32,
    pub boxes: Vec<Rect>,
    /// Layer (depth) of each step.
    pub layer: Vec<usize>,
    /// Steps of each layer, left to right.
    pub order: Vec<Vec<usize>>,
    pub edges: Vec<Edge>,
}

/// Forward edges (u, v) between adjacent layers.
fn forward_edges(s: &Scenario, layer: &[usize]) -> Vec<(usize, usize)> {
    let n = s.steps.len();
    let mut out = Vec::new();
    for (u, st) in s.steps.iter().enumerate() {
        for c in &st.choices {
            if c.target < n && layer[c.target] == layer[u] + 1 {
                out.push((u, c.target));
            }
        }
    }
    out
}

/// Crossings between adjacent layers for an order (`pos` = index in layer).
fn crossings(edges: &[(usize, usize)], layer: &[usize], pos: &[usize]) -> usize {
    let mut n = 0;
    for (i, &(a, b)) in edges.iter().enumerate() {
        for &(c, d) in &edges[i + 1..] {
            if layer[a] != layer[c] {
                continue;
            }
            let x = pos[a].cmp(&pos[c]);
            let y = pos[b].cmp(&pos[d]);
            if x != y && x != std::cmp::Ordering::Equal && y != std::cmp::Ordering::Equal {
                n += 1;
            }
        }
    }
    n
}

fn positions(order: &[Vec<usize>], n: usize) -> Vec<usize> {
    let mut pos = vec![0; n];
    for row in order {
        for (k, &v) in row.iter().enumerate() {
            pos[v] = k;
        }
    }
    pos
}

/// Reorders one layer by the mean position of each step's neighbours in
/// the adjacent layer (`nbrs`); steps without neighbours keep their place.
fn sweep_layer(row: &mut [usize], pos: &[usize], nbrs: &[Vec<usize>]) {
    let mut keyed: Vec<(f64, usize, usize)> = row
        .iter()
        .map(|&v| {
            let ns = &nbrs[v];
            let b = if ns.is_empty() {
                pos[v] as f64
            } else {
                ns.iter().map(|&u| pos[u] as f64).sum::<f64>() / ns.len() as f64
            };
            (b, pos[v], v)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (slot, (_, _, v)) in row.iter_mut().zip(keyed) {
        *slot = v;
    }
}

/// Path data with rounded corners through the points.
fn rounded(points: &[(i32, i32)], r: i32) -> String {
    let mut d = String::new();
    let Some(&(x0, y0)) = points.first() else {
        return d;
    };
    d.push_str(&format!("M{x0} {y0}"));
    for w in points.windows(3) {
        let (a, b, c) = (w[0], w[1], w[2]);
        let toward = |from: (i32, i32), to: (i32, i32), len: i32| {
            let dx = (to.0 - from.0).signum();
            let dy = (to.1 - from.1).signum();
            let room = ((to.0 - from.0).abs() + (to.1 - from.1).abs()) / 2;
            let l = len.min(room);
            (from.0 + dx * l, from.1 + dy * l)
        };
        let p1 = toward(b, a, r);
        let p2 = toward(b, c, r);
        d.push_str(&format!(
            "L{} {}Q{} {} {} {}",
            p1.0, p1.1, b.0, b.1, p2.0, p2.1
        ));
    }
    if let Some(&(x, y)) = points.last()
        && points.len() > 1
    {
        d.push_str(&format!("L{x} {y}"));
    }
    d
}

/// Lays the scenario out.
pub fn layout(s: &Scenario) -> Layout {
    let n = s.steps.len();
    let depth = graph::depths(s);
    let max_depth = depth
        .iter()
        .filter(|d| **d != usize::MAX)
        .max()
        .copied()
        .unwrap_or(0);
    // Unreachable steps (only in scenarios not from the parser) go last.
    let layer: Vec<usize> = depth
        .iter()
        .map(|d| if *d == usize::MAX { max_depth + 1 } else { *d })
        .collect();
    let layers = layer.iter().max().map_or(0, |m| m + 1);

    // First order: breadth-first discovery, then step order.
    let mut seq = vec![usize::MAX; n];
    {
        let mut next = 0;
        let mut queue = std::collections::VecDeque::new();
        if n > 0 {
            queue.push_back(0);
            seq[0] = 0;
            next = 1;
        }
        while let Some(u) = queue.pop_front() {
            for c in &s.steps[u].choices {
                if c.target < n && seq[c.target] == usize::MAX {
                    seq[c.target] = next;
                    next += 1;
                    queue.push_back(c.target);
                }
            }
        }
    }
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); layers];
    let mut by_seq: Vec<usize> = (0..n).collect();
    by_seq.sort_by_key(|&v| (seq[v], v));
    for v in by_seq {
        order[layer[v]].push(v);
    }

    let fwd = forward_edges(s, &layer);
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, v) in &fwd {
        preds[v].push(u);
        succs[u].push(v);
    }
    let mut best_order = order.clone();
    let mut best_cross = crossings(&fwd, &layer, &positions(&order, n));
    for _ in 0..6 {
        if best_cross == 0 {
            break;
        }
        for l in 1..layers {
            let pos = positions(&order, n);
            sweep_layer(&mut order[l], &pos, &preds);
        }
        for l in (0..layers.saturating_sub(1)).rev() {
            let pos = positions(&order, n);
            sweep_layer(&mut order[l], &pos, &succs);
        }
        let c = crossings(&fwd, &layer, &positions(&order, n));
        if c < best_cross {
            best_cross = c;
            best_order = order.clone();
        }
    }
    let order = best_order;

    // Boxes on a grid, each layer centred.
    let widest = order.iter().map(Vec::len).max().unwrap_or(0) as i32;
    let row_w = |m: i32| m * BOX_W + (m - 1).max(0) * GAP_X;
    let content_w = row_w(widest);
    let mut boxes = vec![
        Rect {
            x: 0,
            y: 0,
            w: BOX_W,
            h: BOX_H
        };
        n
    ];
    for (l, row) in order.iter().enumerate() {
        let off = (content_w - row_w(row.len() as i32)) / 2;
        for (k, &v) in row.iter().enumerate() {
            boxes[v].x = MARGIN + off + k as i32 * (BOX_W + GAP_X);
            boxes[v].y = TOP + l as i32 * (BOX_H + GAP_Y);
        }
    }

    // Back edges run in a lane on the side nearer to their two ends; the
    // boxes move right to make room for the left lanes.
    let mid2 = 2 * MARGIN + content_w;
    let left_side = |u: usize, v: usize| boxes[u].x + boxes[v].x + BOX_W < mid2;
    let mut left_lanes = 0;
    for (u, st) in s.steps.iter().enumerate() {
        for c in &st.choices {
            if c.target < n && layer[c.target] <= layer[u] && left_side(u, c.target) {
                left_lanes += 1;
            }
        }
    }
    let left_w = if left_lanes > 0 {
        20 + left_lanes * LANE
    } else {
        0
    };
    let on_left: Vec<Vec<bool>> = s
        .steps
        .iter()
        .enumerate()
        .map(|(u, st)| {
            st.choices
                .iter()
                .map(|c| c.target < n && layer[c.target] <= layer[u] && left_side(u, c.target))
                .collect()
        })
        .collect();
    for b in &mut boxes {
        b.x += left_w;
    }

    // Exit points spread along each box's bottom, entries along its top,
    // both ordered by where the other end is; back edges at the side of
    // their lane.
    let centre = |v: usize| boxes[v].x + BOX_W / 2;
    let mut outs: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut ins: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (u, st) in s.steps.iter().enumerate() {
        for (j, c) in st.choices.iter().enumerate() {
            if c.target < n {
                outs[u].push((u, j));
                ins[c.target].push((u, j));
            }
        }
    }
    let target_of = |(u, j): (usize, usize)| s.steps[u].choices[j].target;
    let side = |(u, j): (usize, usize)| {
        if layer[target_of((u, j))] > layer[u] {
            1
        } else if on_left[u][j] {
            0
        } else {
            2
        }
    };
    let right = MARGIN + left_w + content_w;
    for v in 0..n {
        outs[v].sort_by_key(|&e| (side(e), centre(target_of(e)), e));
        ins[v].sort_by_key(|&e| (side(e), centre(e.0), e));
    }
    let spread = |list: &[(usize, usize)], e: (usize, usize), x: i32| {
        let k = list.len() as i32;
        let i = list.iter().position(|x| *x == e).unwrap_or(0) as i32;
        x + BOX_W * (i + 1) / (k + 1)
    };

    let mut edges = Vec::new();
    let (mut lanes, mut lefts) = (0, 0);
    for (u, st) in s.steps.iter().enumerate() {
        for (j, c) in st.choices.iter().enumerate() {
            let v = c.target;
            if v >= n {
                continue;
            }
            let (a, b) = (boxes[u], boxes[v]);
            let sx = spread(&outs[u], (u, j), a.x);
            let sy = a.y + a.h;
            let tx = spread(&ins[v], (u, j), b.x);
            let ty = b.y;
            let (back, path, label, lane) = if layer[v] > layer[u] {
                let mid = (sy + ty) / 2;
                (
                    false,
                    format!("M{sx} {sy}C{sx} {mid} {tx} {mid} {tx} {ty}"),
                    (c.points != 0).then_some(((sx + tx) / 2, mid)),
                    None,
                )
            } else {
                let (k, lx) = if on_left[u][j] {
                    lefts += 1;
                    (lefts - 1, MARGIN + left_w - 20 - (lefts - 1) * LANE)
                } else {
                    lanes += 1;
                    (lanes - 1, right + 20 + (lanes - 1) * LANE)
                };
                let dy = 10 + (k % 4) * 6;
                let y1 = sy + dy;
                let y2 = ty - dy;
                (
                    true,
                    rounded(
                        &[(sx, sy), (sx, y1), (lx, y1), (lx, y2), (tx, y2), (tx, ty)],
                        8,
                    ),
                    (c.points != 0).then_some((lx, (y1 + y2) / 2)),
                    Some(lx),
                )
            };
            edges.push(Edge {
                step: u,
                choice: j,
                target: v,
                back,
                path,
                label,
                lane,
                end: (tx, ty),
            });
        }
    }
    let width = right + MARGIN + if lanes > 0 { 20 + lanes * LANE + 8 } else { 0 };
    let height = TOP + layers as i32 * (BOX_H + GAP_Y) - GAP_Y + BOTTOM;
    Layout {
        width: width.max(BOX_W + 2 * MARGIN),
        height: height.max(BOX_H + TOP + BOTTOM),
        boxes,
        layer,
        order,
        edges,
    }
}

/// Estimated width of a character at 12 px, in tenths of a pixel. Latin,
/// Cyrillic and other alphabets alike; wide (CJK) characters at a full em;
/// combining marks take no room.
fn char_w(c: char) -> i32 {
    match c {
        '\u{300}'..='\u{36f}' | '\u{200b}'..='\u{200f}' | '\u{fe0f}' => 0,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'ʻ' | 'ʼ' | '‘' | '’'
        | 'I' | 'ı' | 'і' | 'ї' => 35,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '"' | '«' | '»' => 45,
        'm' | 'w' | 'M' | 'W' | 'ш' | 'щ' | 'ж' | 'ю' | 'ы' | 'м' | 'Ш' | 'Щ' | 'Ж' | 'Ю' | 'Ы'
        | 'М' | '@' | '%' => 100,
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{1f300}'..='\u{1faff}' => 120,
        c if c.is_uppercase() => 80,
        _ => 68,
    }
}

/// Estimated width of a text at 12 px, in tenths of a pixel.
pub fn text_w(s: &str) -> i32 {
    s.chars().map(char_w).sum()
}

/// `s` cut so that it and an ellipsis fit in `max` (tenths of a pixel).
fn with_ellipsis(s: &str, max: i32) -> String {
    let room = max - char_w('…');
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        w += char_w(c);
        if w > room {
            break;
        }
        out.push(c);
    }
    let mut out = out
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '…'))
        .to_string();
    out.push('…');
    out
}

/// A word too wide for a line, cut into pieces that fit.
fn pieces(word: &str, max: i32) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut w = 0;
    for c in word.chars() {
        let cw = char_w(c);
        if w + cw > max && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            w = 0;
        }
        cur.push(c);
        w += cw;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Words wrapped into at most `lines` lines of width `max` (tenths of a
/// pixel), the last ending in an ellipsis when the text goes on.
pub fn wrap(text: &str, max: i32, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if lines == 0 {
        return out;
    }
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let tokens = if text_w(word) <= max {
            vec![word.to_string()]
        } else {
            pieces(word, max)
        };
        for t in tokens {
            let candidate = if cur.is_empty() {
                t.clone()
            } else {
                format!("{cur} {t}")
            };
            if text_w(&candidate) <= max {
                cur = candidate;
                continue;
            }
            if out.len() + 1 == lines {
                out.push(with_ellipsis(&cur, max));
                return out;
            }
            out.push(std::mem::replace(&mut cur, t));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The diagram as an inline SVG element. `base` prefixes its id.
pub fn render_svg(s: &Scenario, base: &str, st: &ScenarioStrings) -> String {
    let lay = layout(s);
    let good = s.good_all();
    let scored = s.best() > 0;
    let mut out = String::with_capacity(1024 + s.steps.len() * 600);
    out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scenario-svg\" id=\"{}-diagram\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"",
        escaped(base),
        w = lay.width,
        h = lay.height
    ));
    esc(&mut out, &st.diagram);
    out.push_str("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    out.push_str(&format!(
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
        lay.width, lay.height
    ));

    // Edges under the boxes, labels over them.
    for e in &lay.edges {
        let on_best = scored
            && good
                .get(e.step)
                .and_then(|g| g.get(e.choice))
                .copied()
                .unwrap_or(false);
        let (stroke, width) = if on_best {
            ("#2e7d32", "2")
        } else {
            ("#607d8b", "1.25")
        };
        out.push_str(&format!(
            "<path d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\"",
            e.path
        ));
        if e.back {
            out.push_str(" stroke-dasharray=\"5 3\"");
        }
        out.push_str("/>\n");
        let (tx, ty) = e.end;
        out.push_str(&format!(
            "<polygon points=\"{},{} {},{} {tx},{ty}\" fill=\"{stroke}\"/>\n",
            tx - 4,
            ty - 7,
            tx + 4,
            ty - 7
        ));
    }

    // The endings a best path from the start reaches are green; the others
    // amber, so a trainer sees at a glance which outcomes the exercise aims
    // at (every ending is green in a scenario without a score).
    let mut best_end = vec![!scored; s.steps.len()];
    if scored && !s.steps.is_empty() {
        let mut seen = vec![false; s.steps.len()];
        let mut todo = vec![0usize];
        seen[0] = true;
        while let Some(i) = todo.pop() {
            if let Some(b) = best_end.get_mut(i) {
                *b = true;
            }
            for (k, c) in s.steps[i].choices.iter().enumerate() {
                let on_best = good.get(i).and_then(|g| g.get(k)).copied().unwrap_or(false);
                if on_best && c.target < seen.len() && !seen[c.target] {
                    seen[c.target] = true;
                    todo.push(c.target);
                }
            }
        }
    }
    let text_max = (BOX_W - 2 * PAD) * 10;
    for (i, step) in s.steps.iter().enumerate() {
        let r = lay.boxes[i];
        out.push_str("<g class=\"scenario-node\" data-step=\"");
        esc(&mut out, &step.id);
        out.push_str("\">\n");
        let (fill, stroke, sw, rx) = if step.end && best_end.get(i).copied().unwrap_or(true) {
            ("#e8f5e9", "#2e7d32", "1.5", 14)
        } else if step.end {
            ("#fff8e1", "#8a4b00", "1.5", 14)
        } else if i == 0 {
            ("#e3f2fd", "#1565c0", "2.5", 4)
        } else {
            ("#ffffff", "#455a64", "1.25", 4)
        };
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{rx}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{sw}\"/>\n",
            r.x, r.y, r.w, r.h
        ));
        if step.end {
            // A double border: endings stand out also in black and white.
            out.push_str(&format!(
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1\"/>\n",
                r.x + 3,
                r.y + 3,
                r.w - 6,
                r.h - 6,
                rx - 3
            ));
        }
        let mut head = step.id.clone();
        if i == 0 && !st.start.is_empty() && !st.start.eq_ignore_ascii_case(&step.id) {
            head.push_str(" · ");
            head.push_str(&st.start);
        }
        if step.end && !st.ending_mark.is_empty() && !st.ending_mark.eq_ignore_ascii_case(&step.id)
        {
            head.push_str(" · ");
            head.push_str(&st.ending_mark);
        }
        let head = if text_w(&head) > text_max {
            with_ellipsis(&head, text_max)
        } else {
            head
        };
        let x = r.x + PAD;
        let mut y = r.y + PAD + FONT;
        out.push_str(&format!(
            "<text x=\"{x}\" y=\"{y}\" font-weight=\"bold\" fill=\"{stroke}\">"
        ));
        esc(&mut out, &head);
        out.push_str("</text>\n");
        for line in wrap(&plain_text(&step.text), text_max, TEXT_LINES) {
            y += LINE_H;
            out.push_str(&format!("<text x=\"{x}\" y=\"{y}\" fill=\"#1a1a1a\">"));
            esc(&mut out, &line);
            out.push_str("</text>\n");
        }
        out.push_str("</g>\n");
    }

    for e in &lay.edges {
        let Some((cx, cy)) = e.label else { continue };
        let Some(c) = s.steps.get(e.step).and_then(|st| st.choices.get(e.choice)) else {
            continue;
        };
        let label = signed(c.points).replace('-', "\u{2212}");
        let w = text_w(&label) / 10 + 8;
        let colour = if c.points > 0 { "#1b5e20" } else { "#b71c1c" };
        out.push_str(&format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{w}\" height=\"16\" rx=\"3\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"0.75\"/>\n<text x=\"{cx}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\" fill=\"{colour}\">",
            cx - w / 2,
            cy - 8,
            cy + 4
        ));
        esc(&mut out, &label);
        out.push_str("</text>\n");
    }
    out.push_str("</svg>");
    out
}

fn escaped(s: &str) -> String {
    let mut o = String::new();
    esc(&mut o, s);
    o
}

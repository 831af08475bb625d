//! Scenario markup and diagram tests.

use super::diagram::{BOX_H, BOX_W, Rect, text_w, wrap};
use super::tests::SPEC_EXAMPLE;
use super::*;

/// A scenario with loops, several endings, a wide layer, points on back
/// edges and text in Russian and Uzbek Latin.
const BIG: &str = "# start
Шаг первый: женщина 19 лет на автовокзале без паспорта. «Работодатель» ждёт снаружи.
* Опросить сразу -> employer
* Отдельное интервью -> separate (+2)
* Позвонить в НКО -> ngo (+1)
* Ждать -> wait

# employer
Oʻzbekcha: u aytilgan gaplarni takrorlaydi. Imkoniyat boy berildi, soʻng qizning ahvoli yomonlashdi.
* Orqaga -> start (-1)
* Politsiya -> police (-1)

# ngo
The NGO arrives after an hour with a lawyer and an interpreter who speaks her language.
* Separate -> separate (+1)
* Police -> police
* Loop -> ngo (-1)

# wait
Nothing happens for a long time.
* Back -> start
* Wait more -> bad

# police
Police come.
* Separate -> separate
* End -> bad

# separate (end)
She describes the debt and the confiscated passport.

# bad (end)
Nothing happens.
";

fn render_with(src: &str, sid: &str, prefix: &str, link: &dyn Fn(&str) -> String) -> String {
    let s = match parse(src) {
        Ok(s) => s,
        Err(es) => panic!("{es:#?}"),
    };
    let st = ScenarioStrings::english();
    render_scenario(
        &s,
        &ScenarioOptions {
            sid,
            dom_prefix: prefix,
            strings: &st,
            link,
        },
    )
}

fn render(src: &str) -> String {
    render_with(src, "case/04-scenario/s1", "", &|u| u.to_string())
}

/// Values of every `name="..."` attribute, in order.
fn attrs<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&key) {
        rest = &rest[i + key.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
    }
    out
}

/// Every tag of the HTML (text between `<` and `>`; author text has
/// `&lt;`).
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .map(|t| &t[..t.find('>').unwrap_or(t.len())])
        .collect()
}

fn svg_of(html: &str) -> &str {
    let a = html.find("<svg").expect("an svg");
    let b = html.find("</svg>").expect("an svg end");
    &html[a..b + 6]
}

#[test]
fn markup_of_the_spec_example() {
    let html = render(SPEC_EXAMPLE);
    assert!(html.starts_with(
        "<section class=\"scenario\" id=\"sc-case-04-scenario-s1\" data-sid=\"case/04-scenario/s1\" data-best=\"2\" data-start=\"start\" data-strings=\"{"
    ), "{html}");
    assert!(html.contains(" aria-label=\"Case scenario\">\n<p class=\"scenario-label\">Case scenario</p>\n<div class=\"scenario-bar\" hidden>\n<button type=\"button\" class=\"scenario-back\">Back</button>\n<button type=\"button\" class=\"scenario-restart\">Start again</button>\n<p class=\"scenario-status\" aria-live=\"polite\"></p>\n</div>\n"));
    assert!(html.contains("<div class=\"scenario-step\" id=\"sc-case-04-scenario-s1-start\" data-step=\"start\" data-best=\"2\">\n<div class=\"scenario-text\"><p>A 19-year-old woman"));
    assert!(html.contains("<li><a class=\"scenario-choice\" href=\"#sc-case-04-scenario-s1-employer\" data-choice=\"0\" data-target=\"employer\" data-points=\"0\">Interview her at once, with the employer present</a></li>"));
    assert!(html.contains("<li><a class=\"scenario-choice\" href=\"#sc-case-04-scenario-s1-separate\" data-choice=\"1\" data-target=\"separate\" data-points=\"2\" data-good>Arrange a separate interview with an interpreter</a></li>"));
    assert!(html.contains("<div class=\"scenario-step\" id=\"sc-case-04-scenario-s1-separate\" data-step=\"separate\" data-best=\"0\" data-end>"));
    assert!(html.contains("<p class=\"scenario-end-note\">This is one of the scenario&#39;s endings.</p>\n<p class=\"scenario-again\"><a class=\"scenario-start-again\" href=\"#sc-case-04-scenario-s1-start\" data-target=\"start\">Start the scenario again</a></p>"));
    assert!(html.contains("<div class=\"scenario-result\" aria-live=\"polite\" hidden></div>"));
    assert!(html.contains("<details class=\"scenario-facilitator\"><summary>Facilitator view: every step and branch</summary>\n<figure class=\"scenario-diagram\"><svg "));
    assert!(html.contains(
        "<figcaption>Diagram of the scenario&#39;s steps and choices</figcaption></figure>"
    ));
    assert!(html.contains("<ol class=\"scenario-outline\">"));
    assert!(html.contains("(leads to <code>separate</code>; points: +2)</span> <span class=\"scenario-mark scenario-mark-good\">best choice</span>"));
    assert!(html.trim_end().ends_with("</ol>\n</details>\n</section>"));
    // Steps in source order, one each.
    assert_eq!(
        attrs(&html, "data-step").len(),
        3 * 3,
        "steps, outline items and diagram boxes"
    );
    assert!(!html.contains("scenario-unscored"));
}

#[test]
fn strings_json_is_escaped_and_complete() {
    let html = render(SPEC_EXAMPLE);
    let raw = attrs(&html, "data-strings")[0];
    assert!(!raw.contains('"') && !raw.contains('<'));
    let json = raw
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    for k in [
        "label",
        "back",
        "restart",
        "status",
        "path",
        "score",
        "best_run",
        "finished",
        "unscored",
        "ending",
        "start_again",
        "points",
    ] {
        assert!(v[k].as_str().is_some_and(|s| !s.is_empty()), "{k}");
    }
    assert_eq!(v["status"], "Step {n}");
}

#[test]
fn feedback_is_hidden_html_under_its_choice() {
    let html = render("# start\nText\n* Go -> end (+1)\n> *Well* done.\n\n# end (end)\nDone\n");
    assert!(html.contains("data-good>Go</a>\n<div class=\"scenario-feedback\" hidden><em>Well</em> done.</div></li>"), "{html}");
    assert!(html.contains("<div class=\"scenario-outline-feedback\"><span class=\"scenario-outline-label\">Feedback:</span> <em>Well</em> done.</div>"));
}

#[test]
fn without_javascript_links_reach_every_step() {
    for src in [SPEC_EXAMPLE, BIG] {
        let html = render_with(src, "m/p/s2", "ru-", &|u| u.to_string());
        let s = parse(src).expect("valid");
        let ids: Vec<String> = s
            .steps
            .iter()
            .map(|st| format!("ru-sc-m-p-s2-{}", st.id))
            .collect();
        // Every step element exists with its id.
        for id in &ids {
            assert_eq!(
                attrs(&html, "id").iter().filter(|i| *i == id).count(),
                1,
                "{id}"
            );
        }
        // Follow the links of each step's element from the first.
        let step_html = |id: &str| {
            let start = html.find(&format!("id=\"{id}\"")).expect("step");
            let end = html[start + 1..]
                .find("<div class=\"scenario-")
                .and_then(|e| {
                    let e = start + 1 + e;
                    (!html[e..].starts_with("<div class=\"scenario-text")).then_some(e)
                })
                .or_else(|| {
                    html[start..]
                        .find("<div class=\"scenario-step")
                        .map(|e| start + e)
                })
                .unwrap_or(html.len());
            &html[start..end]
        };
        let mut seen = vec![ids[0].clone()];
        let mut i = 0;
        while i < seen.len() {
            let cur = seen[i].clone();
            for href in attrs(step_html(&cur), "href") {
                let t = href.strip_prefix('#').expect("a # link").to_string();
                assert!(ids.contains(&t), "{t} is not a step");
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
            i += 1;
        }
        assert_eq!(seen.len(), ids.len(), "{seen:?}");
    }
}

#[test]
fn every_id_is_prefixed() {
    let html = render_with(BIG, "mod/page/s1", "uz-", &|u| u.to_string());
    let ids = attrs(&html, "id");
    assert!(ids.len() > 7);
    for id in ids {
        assert!(id.starts_with("uz-sc-mod-page-s1"), "{id}");
    }
    for href in attrs(&html, "href") {
        assert!(href.starts_with("#uz-sc-mod-page-s1-"), "{href}");
    }
}

#[test]
fn slug_replaces_everything_outside_the_id_alphabet() {
    assert_eq!(
        slug("case-digest/04-scenario/s1"),
        "sc-case-digest-04-scenario-s1"
    );
    assert_eq!(slug("модуль/ü s"), "sc----------s");
}

#[test]
fn author_html_and_script_links_are_cleaned() {
    let src = "# start
<script>alert(1)</script>
<img src=x onerror=alert(2)>
[click](javascript:alert(3)) and <a href=\"javascript:alert(4)\">raw</a>
<div id=\"API\" onclick=\"alert(5)\">x</div>
* <b onmouseover=alert(6)>Go</b> [in](javascript:alert(7)) -> end
> <img src=x onerror=alert(8)> [fb](JaVaScRiPt:alert(9)) [ok](https://example.org)
* <script>alert(10)</script> -> end

# end (end)
<iframe src=\"https://evil.example\"></iframe>
[data](data:text/html,<script>alert(11)</script>)
";
    let html = render(src);
    // Only real tags matter: author text shows as escaped text.
    for tag in tags(&html) {
        let lower = tag.to_lowercase();
        let name = lower.split_whitespace().next().unwrap_or("");
        assert!(
            !["script", "iframe", "object", "embed", "style", "b"].contains(&name),
            "{tag}"
        );
        for bad in ["javascript:", "=\"data:", "id=\"api\""] {
            assert!(!lower.contains(bad), "{bad} in {tag}");
        }
        // No event handler attribute (` onsomething=`).
        for (i, _) in lower.match_indices(" on") {
            let name: String = lower[i + 3..]
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect();
            assert!(!lower[i + 3 + name.len()..].starts_with('='), "{tag}");
        }
    }
    // The choice's raw HTML is shown as text, and its link is not nested.
    assert!(
        html.contains("&lt;b onmouseover=alert(6)&gt;Go&lt;/b&gt; in</a>"),
        "{html}"
    );
    assert!(html.contains("<a href=\"https://example.org\">ok</a>"));
    assert!(html.contains("&lt;script&gt;alert(10)&lt;/script&gt;</a>"));
}

#[test]
fn links_and_images_go_through_the_resolver() {
    let link = |u: &str| {
        if u == "gone.md" {
            String::new()
        } else {
            format!("../{u}")
        }
    };
    let html = render_with(
        "# start\nSee [the law](law.md) and [old](gone.md).\n\n![map](map.png)\n* Read [it](law.md) -> end\n> See [law](law.md).\n\n# end (end)\nDone\n",
        "p/s1",
        "",
        &link,
    );
    assert!(
        html.contains("<a href=\"../law.md\">the law</a> and old."),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"../map.png\" alt=\"map\">"),
        "{html}"
    );
    // No link inside the choice's link; the feedback keeps its link.
    assert!(
        html.contains("data-points=\"0\" data-good>Read it</a>"),
        "{html}"
    );
    assert!(html.contains("hidden>See <a href=\"../law.md\">law</a>.</div>"));
}

#[test]
fn step_text_makes_no_ids() {
    let html = render(
        "# start\n## Heading {#h}\n\nText[^1].\n\n[^1]: Note.\n* Go -> end\n\n# end (end)\nDone\n",
    );
    for id in attrs(&html, "id") {
        assert!(id.starts_with("sc-case-04-scenario-s1"), "{id}");
    }
    assert!(html.contains("<h2>Heading {#h}</h2>"), "{html}");
}

#[test]
fn unscored_scenario_says_so() {
    let html = render("# start\nText\n* A -> a\n* B -> b (-1)\n# a (end)\nA\n# b (end)\nB\n");
    assert!(html.contains(" data-best=\"0\" data-start=\"start\""));
    assert!(html.contains("<p class=\"scenario-unscored\">"));
    // The best there is (0) is still the good choice, for SCORM; the
    // outline does not call it best.
    assert_eq!(html.matches("data-good").count(), 1);
    assert!(html.contains("data-target=\"a\" data-points=\"0\" data-good>"));
    assert!(!html.contains("best choice"));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(render(BIG), render(BIG));
}

// The diagram.

#[test]
fn svg_is_plain_well_formed_and_safe() {
    let html = render(BIG);
    let svg = svg_of(&html);
    let lower = svg.to_lowercase();
    for bad in [
        "<title",
        "<style",
        "<script",
        "<foreignobject",
        "href",
        "url(",
        "<image",
        "<use",
        "on",
    ] {
        let hit = if bad == "on" {
            // No event handler attributes.
            lower.contains(" on")
                && lower.split(" on").skip(1).any(|r| {
                    r.split(['=', ' ', '>'])
                        .next()
                        .is_some_and(|a| a.chars().all(|c| c.is_ascii_alphabetic()))
                        && r.split(' ').next().is_some_and(|w| w.contains('='))
                })
        } else {
            lower.contains(bad)
        };
        assert!(!hit, "{bad} in the svg");
    }
    assert!(
        svg.contains(
            " role=\"img\" aria-label=\"Diagram of the scenario&#39;s steps and choices\""
        )
    );
    assert!(svg.contains(" viewBox=\"0 0 "));
    assert!(svg.contains(" id=\"sc-case-04-scenario-s1-diagram\""));
    assert!(svg.contains("fill=\"#e8f5e9\""), "endings are drawn apart");
    // Well-formed XML with only the shapes we mean to draw.
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut names = std::collections::BTreeSet::new();
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                names.insert(e.name().into_inner().to_string());
            }
            Ok(_) => {}
            Err(e) => panic!("{e}: {svg}"),
        }
    }
    let allowed = ["svg", "g", "rect", "path", "polygon", "text"];
    assert!(
        names.iter().all(|n| allowed.contains(&n.as_str())),
        "{names:?}"
    );
}

#[test]
fn svg_labels_keep_cyrillic_and_uzbek_latin_escaped() {
    let src = "# start
Шаг «один» & <b>ёлка</b>
* Дальше -> o\u{2bb}rta (+2)

# o\u{2bb}rta
x
* x -> end
";
    // The id is not valid (not ASCII): a block with an ASCII id instead.
    assert!(parse(src).is_err());
    let html = render(
        "# start\nШаг «один» & <b>ёлка</b>\n* Дальше -> next (+2)\n\n# next (end)\nOʻzbek tili: gʻisht, maʼno, soʻz, it's\n",
    );
    let svg = svg_of(&html);
    assert!(svg.contains(">Шаг «один» &amp; ёлка</text>"), "{svg}");
    assert!(svg.contains(">Oʻzbek tili: gʻisht, maʼno,</text>"), "{svg}");
    assert!(svg.contains(">soʻz, it&#39;s</text>"), "{svg}");
    assert!(svg.contains(">+2</text>"));
}

#[test]
fn boxes_never_overlap() {
    let mut sources = vec![SPEC_EXAMPLE.to_string(), BIG.to_string()];
    // A wide fan and a long chain with back edges.
    let mut fan = String::from("# start\nFan\n");
    for i in 0..9 {
        fan.push_str(&format!("* to {i} -> s{i}\n"));
    }
    for i in 0..9 {
        fan.push_str(&format!(
            "\n# s{i}\nStep {i}\n* on -> s{}\n* back -> start\n* end -> end (+{i})\n",
            (i + 1) % 9
        ));
    }
    fan.push_str("\n# end (end)\nEnd\n");
    sources.push(fan);
    for src in &sources {
        let s = match parse(src) {
            Ok(s) => s,
            Err(es) => panic!("{es:#?}"),
        };
        let lay = layout(&s);
        assert_eq!(lay.boxes.len(), s.steps.len());
        for (i, a) in lay.boxes.iter().enumerate() {
            assert_eq!((a.w, a.h), (BOX_W, BOX_H));
            assert!(a.x >= 0 && a.y >= 0 && a.x + a.w <= lay.width && a.y + a.h <= lay.height);
            for b in &lay.boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
        let right = lay.boxes.iter().map(|b| b.x + b.w).max().unwrap_or(0);
        for e in &lay.edges {
            let (u, v) = (lay.boxes[e.step], lay.boxes[e.target]);
            if e.back {
                let lane = e.lane.expect("a lane");
                let left = lay.boxes.iter().map(|b| b.x).min().unwrap_or(0);
                assert!(
                    (lane > right && lane < lay.width) || (lane > 0 && lane < left),
                    "lane {lane} beside every box"
                );
            } else {
                // Forward edges join adjacent layers through the gap.
                assert_eq!(lay.layer[e.target], lay.layer[e.step] + 1);
                assert!(v.y > u.y + u.h);
            }
            assert_eq!(e.end.1, v.y, "arrows end on the target's top");
            assert!(e.end.0 > v.x && e.end.0 < v.x + v.w);
        }
    }
}

#[test]
fn barycentre_order_removes_avoidable_crossings() {
    // start -> a, b; a -> y, b -> x, with x written before y: the second
    // layer should be ordered y?, no: a and b keep their order and x, y
    // follow them.
    let s = parse("# start\nS\n* A -> a\n* B -> b\n\n# a\nA\n* Y -> y\n\n# b\nB\n* X -> x\n\n# x (end)\nX\n\n# y (end)\nY\n")
        .expect("valid");
    let lay = layout(&s);
    let pos = |i: usize| lay.boxes[i].x;
    let (a, b) = (1, 2);
    let (x, y) = (3, 4);
    assert!((pos(a) < pos(b)) == (pos(y) < pos(x)), "{:?}", lay.order);
}

#[test]
fn rect_overlap_is_strict() {
    let a = Rect {
        x: 0,
        y: 0,
        w: 10,
        h: 10,
    };
    assert!(a.overlaps(&Rect {
        x: 5,
        y: 5,
        w: 10,
        h: 10
    }));
    assert!(!a.overlaps(&Rect {
        x: 10,
        y: 0,
        w: 10,
        h: 10
    }));
}

#[test]
fn labels_wrap_in_three_lines_with_an_ellipsis() {
    let max = 1520;
    let long = "Шаг первый: женщина девятнадцати лет найдена на автовокзале без паспорта, её «работодатель» ждёт снаружи в машине и звонит ей каждые пять минут";
    let lines = wrap(long, max, 3);
    assert_eq!(lines.len(), 3);
    assert!(lines[2].ends_with('…'), "{lines:?}");
    for l in &lines {
        assert!(text_w(l) <= max, "{l}");
    }
    assert_eq!(wrap("Short text.", max, 3), vec!["Short text."]);
    assert!(wrap("", max, 3).is_empty());
    // A word longer than a line is cut.
    let word = "Ааааааааааааааааааааааааааааааааааааааааааааааааааа";
    let lines = wrap(word, max, 3);
    assert!(lines.len() >= 2);
    for l in &lines {
        assert!(text_w(l) <= max, "{l}");
    }
    // Cyrillic is measured like Latin.
    assert_eq!(text_w("кора"), text_w("kopa"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Lines near the grammar: steps, endings, choices with and without
    /// points, feedback, text, and some noise.
    fn line() -> impl Strategy<Value = String> {
        let id = prop::sample::select(vec!["a", "b", "c", "d", "e", "start", "Ж", ""]);
        let pts = prop::sample::select(vec![
            "", " (+1)", " (-2)", " (0)", " (+x)", " (", " (+2000)",
        ]);
        prop_oneof![
            (id.clone(), any::<bool>())
                .prop_map(|(i, e)| format!("# {i}{}", if e { " (end)" } else { "" })),
            (id, pts).prop_map(|(i, p)| format!("* go -> {i}{p}")),
            Just("> feedback".to_string()),
            Just(String::new()),
            Just("Some *text* with [a link](javascript:x) <b>".to_string()),
            Just("```".to_string()),
            "\\PC{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn parse_and_render_never_panic(lines in prop::collection::vec(line(), 0..24), first in 1usize..50) {
            let block = lines.join("\n");
            match parse_at(&block, first) {
                Err(es) => {
                    prop_assert!(!es.is_empty());
                    for e in &es {
                        prop_assert!(e.line >= first && e.line < first + lines.len().max(1));
                        prop_assert!(e.column >= 1 && e.len >= 1);
                    }
                }
                Ok(s) => {
                    prop_assert!(!s.steps.is_empty());
                    for st in &s.steps {
                        prop_assert!(valid_id(&st.id));
                        prop_assert_eq!(st.end, st.choices.is_empty());
                        for c in &st.choices {
                            prop_assert!(c.target < s.steps.len());
                            prop_assert_eq!(&s.steps[c.target].id, &c.target_id);
                        }
                    }
                    prop_assert_eq!(graph::check(&s), GraphProblems::default());
                    // From every step some choice is good (a best path exists).
                    let good = s.good_all();
                    for (i, st) in s.steps.iter().enumerate() {
                        prop_assert!(st.end || good[i].iter().any(|g| *g), "step {}", i);
                    }
                    let lay = layout(&s);
                    for (i, a) in lay.boxes.iter().enumerate() {
                        for b in &lay.boxes[i + 1..] {
                            prop_assert!(!a.overlaps(b));
                        }
                    }
                    let html = render(&block);
                    prop_assert!(html.ends_with("</section>\n"));
                    if let Some(p) = s.percent(s.best()) {
                        prop_assert_eq!(p, 100);
                    }
                }
            }
        }
    }
}

#[test]
fn endings_a_best_path_reaches_are_green_the_others_amber() {
    let svg = render(BIG);
    let svg = svg_of(&svg);
    let node = |id: &str| {
        let at = svg
            .find(&format!("data-step=\"{id}\""))
            .unwrap_or_else(|| panic!("{id} in {svg}"));
        let rest = &svg[at..];
        rest[..rest.find("</g>").unwrap_or(rest.len())].to_string()
    };
    assert!(
        node("separate").contains("fill=\"#e8f5e9\""),
        "{}",
        node("separate")
    );
    assert!(node("bad").contains("fill=\"#fff8e1\""), "{}", node("bad"));
}

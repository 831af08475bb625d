//! Rendering a parsed scenario: the markup scenario.js drives (contract §4).
//! Without JavaScript it is a list of steps joined by `#` links; the
//! facilitator view lists every step and branch under a diagram.
//!
//! All author text (step text, choices, feedback) is Markdown rendered here
//! and cleaned with [`crate::markdown::sanitize::clean`]: the pipeline
//! splices this HTML into the page after the page's own sanitiser.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use super::Scenario;
use crate::markdown::sanitize::clean;

/// Localized texts the markup shows or hands to scenario.js. Templates keep
/// their placeholders (`{n}`, `{points}` ...) for the runtime to fill; the
/// Fluent message of each field is named in [`ScenarioStrings::MESSAGES`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScenarioStrings {
    /// "Case scenario": the label above the block and its accessible name.
    pub label: String,
    /// The Back button.
    pub back: String,
    /// The Restart button.
    pub restart: String,
    /// Status line while playing, template with `{n}`: "Step {n}".
    pub status: String,
    /// Heading of the path shown at the end: "Your path".
    pub path: String,
    /// The run's score, template with `{points}`, `{best}`, `{percent}`.
    pub score: String,
    /// The best finished run, template with `{percent}`.
    pub best_run: String,
    /// Shown when a run reaches an ending: "You reached an ending."
    pub finished: String,
    /// Shown instead of a score when the scenario is not scored.
    pub unscored: String,
    /// Note under an ending step: "This is one of the scenario's endings."
    pub ending: String,
    /// Link from an ending back to the first step: "Start the scenario again".
    pub start_again: String,
    /// Summary of the facilitator view.
    pub facilitator: String,
    /// Caption and accessible name of the diagram.
    pub diagram: String,
    /// Mark of the first step in the outline and the diagram: "start".
    pub start: String,
    /// Mark of an ending in the outline and the diagram: "ending".
    pub ending_mark: String,
    /// Points of a choice, template with `{points}`: "points: {points}".
    pub points: String,
    /// Before a choice's feedback in the outline: "Feedback".
    pub feedback: String,
    /// Mark of a choice on a best path in the outline: "best choice".
    pub best_choice: String,
    /// Where a choice leads in the outline, template with `{step}`.
    pub leads_to: String,
}

impl ScenarioStrings {
    /// Each field's Fluent message id and the variables its template keeps
    /// as `{name}` placeholders, in field order.
    pub const MESSAGES: &'static [(&'static str, &'static [&'static str])] = &[
        ("scenario-label", &[]),
        ("scenario-back", &[]),
        ("scenario-restart", &[]),
        ("scenario-status", &["n"]),
        ("scenario-path", &[]),
        ("scenario-score", &["points", "best", "percent"]),
        ("scenario-best-run", &["percent"]),
        ("scenario-finished", &[]),
        ("scenario-unscored", &[]),
        ("scenario-ending", &[]),
        ("scenario-start-again", &[]),
        ("scenario-facilitator", &[]),
        ("scenario-diagram", &[]),
        ("scenario-start", &[]),
        ("scenario-ending-mark", &[]),
        ("scenario-points", &["points"]),
        ("scenario-feedback", &[]),
        ("scenario-best-choice", &[]),
        ("scenario-leads-to", &["step"]),
    ];

    /// The strings from a message lookup: `message(id, vars)` returns the
    /// message with each variable in `vars` written as `{name}` (as
    /// `pipeline::template` does).
    pub fn from_messages(message: impl Fn(&str, &[&str]) -> String) -> Self {
        let m = |i: usize| {
            Self::MESSAGES
                .get(i)
                .map(|(id, vars)| message(id, vars))
                .unwrap_or_default()
        };
        ScenarioStrings {
            label: m(0),
            back: m(1),
            restart: m(2),
            status: m(3),
            path: m(4),
            score: m(5),
            best_run: m(6),
            finished: m(7),
            unscored: m(8),
            ending: m(9),
            start_again: m(10),
            facilitator: m(11),
            diagram: m(12),
            start: m(13),
            ending_mark: m(14),
            points: m(15),
            feedback: m(16),
            best_choice: m(17),
            leads_to: m(18),
        }
    }

    /// English texts, for tests and tools without a theme.
    pub fn english() -> Self {
        ScenarioStrings {
            label: "Case scenario".into(),
            back: "Back".into(),
            restart: "Start again".into(),
            status: "Step {n}".into(),
            path: "Your path".into(),
            score: "{points} of {best} points ({percent}%)".into(),
            best_run: "Your best finished run: {percent}%".into(),
            finished: "You reached an ending.".into(),
            unscored: "This scenario is not scored: think about your choices and discuss them."
                .into(),
            ending: "This is one of the scenario's endings.".into(),
            start_again: "Start the scenario again".into(),
            facilitator: "Facilitator view: every step and branch".into(),
            diagram: "Diagram of the scenario's steps and choices".into(),
            start: "start".into(),
            ending_mark: "ending".into(),
            points: "points: {points}".into(),
            feedback: "Feedback".into(),
            best_choice: "best choice".into(),
            leads_to: "leads to {step}".into(),
        }
    }

    /// The texts scenario.js needs, as a JSON object (keys are the field
    /// names).
    pub fn runtime_json(&self) -> String {
        let mut m = serde_json::Map::new();
        for (k, v) in [
            ("label", &self.label),
            ("back", &self.back),
            ("restart", &self.restart),
            ("status", &self.status),
            ("path", &self.path),
            ("score", &self.score),
            ("best_run", &self.best_run),
            ("finished", &self.finished),
            ("unscored", &self.unscored),
            ("ending", &self.ending),
            ("start_again", &self.start_again),
            ("points", &self.points),
        ] {
            m.insert(k.to_string(), serde_json::Value::String(v.clone()));
        }
        serde_json::Value::Object(m).to_string()
    }
}

/// Where and how a scenario block is rendered.
pub struct ScenarioOptions<'a> {
    /// `"<page key without .md>/s<n>"`, n 1-based on the page; the same in
    /// every locale.
    pub sid: &'a str,
    /// `""` on the site, `"<view>-"` in module documents: prefixes every id.
    pub dom_prefix: &'a str,
    pub strings: &'a ScenarioStrings,
    /// A link or image destination as written -> its href (`""`: drop the
    /// link, keep its text).
    pub link: &'a dyn Fn(&str) -> String,
}

/// `"sc-"` and the sid with every character outside `[A-Za-z0-9_-]`
/// replaced by `-`.
pub fn slug(sid: &str) -> String {
    let mut s = String::with_capacity(sid.len() + 3);
    s.push_str("sc-");
    s.extend(sid.chars().map(|c| {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            '-'
        }
    }));
    s
}

/// Text into HTML content or an attribute.
pub(super) fn esc(out: &mut String, s: &str) {
    let _ = crate::render::escape_html_to(out, s);
}

fn attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    esc(out, value);
    out.push('"');
}

/// A template with `{name}` replaced by `html` (the rest escaped).
fn fill(template: &str, name: &str, html: &str) -> String {
    let key = format!("{{{name}}}");
    let mut out = String::new();
    let mut parts = template.split(key.as_str());
    if let Some(first) = parts.next() {
        esc(&mut out, first);
    }
    for part in parts {
        out.push_str(html);
        esc(&mut out, part);
    }
    out
}

/// Points as the author writes them: `+2`, `-1`, `0`.
pub(super) fn signed(points: i32) -> String {
    if points > 0 {
        format!("+{points}")
    } else {
        points.to_string()
    }
}

/// Renders one scenario block (contract §4).
pub fn render_scenario(s: &Scenario, o: &ScenarioOptions<'_>) -> String {
    let st = o.strings;
    let base = format!("{}{}", o.dom_prefix, slug(o.sid));
    let best = s.best_from();
    let good = s.good_all();
    let total = best.first().copied().unwrap_or(0);
    let first_id = s.steps.first().map_or("", |f| f.id.as_str());
    let step_dom = |id: &str| format!("{base}-{id}");
    let texts: Vec<String> = s
        .steps
        .iter()
        .map(|x| render_block(&x.text, o.link))
        .collect();

    let mut out = String::with_capacity(2048 + s.steps.len() * 1024);
    out.push_str("<section class=\"scenario\"");
    attr(&mut out, "id", &base);
    attr(&mut out, "data-sid", o.sid);
    attr(&mut out, "data-best", &total.to_string());
    attr(&mut out, "data-start", first_id);
    attr(&mut out, "data-strings", &st.runtime_json());
    attr(&mut out, "aria-label", &st.label);
    out.push_str(">\n<p class=\"scenario-label\">");
    esc(&mut out, &st.label);
    out.push_str("</p>\n<div class=\"scenario-bar\" hidden>\n<button type=\"button\" class=\"scenario-back\">");
    esc(&mut out, &st.back);
    out.push_str("</button>\n<button type=\"button\" class=\"scenario-restart\">");
    esc(&mut out, &st.restart);
    out.push_str("</button>\n<p class=\"scenario-status\" aria-live=\"polite\"></p>\n</div>\n");

    for (i, step) in s.steps.iter().enumerate() {
        out.push_str("<div class=\"scenario-step\"");
        attr(&mut out, "id", &step_dom(&step.id));
        attr(&mut out, "data-step", &step.id);
        attr(
            &mut out,
            "data-best",
            &best.get(i).copied().unwrap_or(0).to_string(),
        );
        if step.end {
            out.push_str(" data-end");
        }
        out.push_str(">\n<div class=\"scenario-text\">");
        out.push_str(&texts[i]);
        out.push_str("</div>\n");
        if !step.choices.is_empty() {
            out.push_str("<ul class=\"scenario-choices\">\n");
            for (j, c) in step.choices.iter().enumerate() {
                out.push_str("<li><a class=\"scenario-choice\"");
                attr(&mut out, "href", &format!("#{}", step_dom(&c.target_id)));
                attr(&mut out, "data-choice", &j.to_string());
                attr(&mut out, "data-target", &c.target_id);
                attr(&mut out, "data-points", &c.points.to_string());
                if good.get(i).and_then(|g| g.get(j)).copied().unwrap_or(false) {
                    out.push_str(" data-good");
                }
                out.push('>');
                // No links inside the choice's own link.
                out.push_str(&render_inline(&c.text, o.link, false));
                out.push_str("</a>");
                if let Some(fb) = &c.feedback {
                    out.push_str("\n<div class=\"scenario-feedback\" hidden>");
                    out.push_str(&render_inline(fb, o.link, true));
                    out.push_str("</div>");
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        if step.end {
            out.push_str("<p class=\"scenario-end-note\">");
            esc(&mut out, &st.ending);
            out.push_str("</p>\n<p class=\"scenario-again\"><a class=\"scenario-start-again\"");
            attr(&mut out, "href", &format!("#{}", step_dom(first_id)));
            attr(&mut out, "data-target", first_id);
            out.push('>');
            esc(&mut out, &st.start_again);
            out.push_str("</a></p>\n");
        }
        out.push_str("</div>\n");
    }
    out.push_str("<div class=\"scenario-result\" aria-live=\"polite\" hidden></div>\n");

    // The facilitator view: the diagram and every step with its branches.
    out.push_str("<details class=\"scenario-facilitator\"><summary>");
    esc(&mut out, &st.facilitator);
    out.push_str("</summary>\n<figure class=\"scenario-diagram\">");
    out.push_str(&super::diagram::render_svg(s, &base, st));
    out.push_str("<figcaption>");
    esc(&mut out, &st.diagram);
    out.push_str("</figcaption></figure>\n");
    if total <= 0 {
        out.push_str("<p class=\"scenario-unscored\">");
        esc(&mut out, &st.unscored);
        out.push_str("</p>\n");
    }
    out.push_str("<ol class=\"scenario-outline\">\n");
    for (i, step) in s.steps.iter().enumerate() {
        out.push_str("<li class=\"scenario-outline-step\"");
        attr(&mut out, "data-step", &step.id);
        out.push_str("><p class=\"scenario-outline-head\"><code>");
        esc(&mut out, &step.id);
        out.push_str("</code>");
        if i == 0 {
            out.push_str(" <span class=\"scenario-mark scenario-mark-start\">");
            esc(&mut out, &st.start);
            out.push_str("</span>");
        }
        if step.end {
            out.push_str(" <span class=\"scenario-mark scenario-mark-end\">");
            esc(&mut out, &st.ending_mark);
            out.push_str("</span>");
        }
        out.push_str("</p>\n<div class=\"scenario-outline-text\">");
        out.push_str(&texts[i]);
        out.push_str("</div>\n");
        if !step.choices.is_empty() {
            out.push_str("<ul class=\"scenario-outline-choices\">\n");
            for (j, c) in step.choices.iter().enumerate() {
                out.push_str("<li><span class=\"scenario-outline-choice\">");
                out.push_str(&render_inline(&c.text, o.link, true));
                out.push_str("</span> <span class=\"scenario-outline-target\">(");
                let mut code = String::from("<code>");
                esc(&mut code, &c.target_id);
                code.push_str("</code>");
                out.push_str(&fill(&st.leads_to, "step", &code));
                out.push_str("; ");
                let mut pts = String::new();
                esc(&mut pts, &signed(c.points));
                out.push_str(&fill(&st.points, "points", &pts));
                out.push_str(")</span>");
                if good.get(i).and_then(|g| g.get(j)).copied().unwrap_or(false) && total > 0 {
                    out.push_str(" <span class=\"scenario-mark scenario-mark-good\">");
                    esc(&mut out, &st.best_choice);
                    out.push_str("</span>");
                }
                if let Some(fb) = &c.feedback {
                    out.push_str("<div class=\"scenario-outline-feedback\"><span class=\"scenario-outline-label\">");
                    esc(&mut out, &st.feedback);
                    out.push_str(":</span> ");
                    out.push_str(&render_inline(fb, o.link, true));
                    out.push_str("</div>");
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</details>\n</section>\n");
    out
}

use crate::markdown::inline::safe_url;

/// Renders a step's text (block Markdown) with links and images mapped
/// through `link`, cleaned. Without footnotes and `{#id}` heading
/// attributes: the text is shown twice (step and outline) and in several
/// locales' copies of a module document, so it must not make ids.
pub(super) fn render_block(src: &str, link: &dyn Fn(&str) -> String) -> String {
    let mut kept: Vec<bool> = Vec::new();
    let options =
        crate::markdown::options() - Options::ENABLE_FOOTNOTES - Options::ENABLE_HEADING_ATTRIBUTES;
    let events = Parser::new_ext(src, options).filter_map(|ev| match ev {
        Event::Start(mut tag) => match &mut tag {
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                *dest_url = safe_url(dest_url, link);
                let keep = !dest_url.is_empty();
                kept.push(keep);
                keep.then_some(Event::Start(tag))
            }
            _ => Some(Event::Start(tag)),
        },
        Event::End(end @ (TagEnd::Link | TagEnd::Image)) => {
            kept.pop().unwrap_or(false).then_some(Event::End(end))
        }
        _ => Some(ev),
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    clean(&out)
}

/// Renders inline Markdown (a choice or its feedback), cleaned.
pub(super) fn render_inline(src: &str, link: &dyn Fn(&str) -> String, links: bool) -> String {
    clean(&crate::markdown::inline::render_inline(src, link, links))
}

/// The plain text of Markdown (for the diagram's labels): text and code,
/// with spaces for breaks and between blocks.
pub fn plain_text(src: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new_ext(src, crate::markdown::options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

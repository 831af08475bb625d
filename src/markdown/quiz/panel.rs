//! The panel of a graded page (SPEC §7): what assess.js needs to run the
//! page's questions as one assessment, and the texts it shows, after the
//! page's last quiz block.

use crate::course::assessment::Settings;

/// Localized texts of the panel: `(name, text)`, each given to assess.js
/// as `data-t-<name>`; templates keep `{n}`, `{max}`, `{score}`, ... for it
/// to fill.
#[derive(Debug, Clone, Default)]
pub struct PanelStrings {
    /// The panel's heading ("Post-test").
    pub title: String,
    /// Shown when JavaScript does not run.
    pub nojs: String,
    /// Label of the Submit button.
    pub submit: String,
    pub texts: Vec<(&'static str, String)>,
}

/// Renders the panel of a graded page. `page` is the page's key without
/// `.md`; `pool` the number of questions on the page.
pub fn render_panel(
    settings: &Settings,
    page: &str,
    pool: usize,
    mastery: u32,
    strings: &PanelStrings,
) -> String {
    let esc = |out: &mut String, s: &str| {
        let _ = crate::render::escape_html_to(out, s);
    };
    let mut out = String::with_capacity(2048);
    out.push_str("<div class=\"assess\" data-assess=\"");
    esc(&mut out, page);
    out.push_str("\" data-assess-kind=\"");
    out.push_str(settings.kind.as_str());
    out.push_str(&format!(
        "\" data-attempts=\"{}\" data-shuffle=\"{}\" data-draw=\"{}\" data-review=\"{}\" data-questions=\"{}\" data-mastery=\"{}\"",
        settings.attempts,
        u8::from(settings.shuffle),
        settings.draw,
        settings.review.as_str(),
        settings.per_attempt(pool),
        mastery
    ));
    for (name, text) in &strings.texts {
        out.push_str(" data-t-");
        out.push_str(name);
        out.push_str("=\"");
        esc(&mut out, text);
        out.push('"');
    }
    out.push_str(">\n<h2 class=\"assess-title\">");
    esc(&mut out, &strings.title);
    out.push_str("</h2>\n<p class=\"assess-nojs\">");
    esc(&mut out, &strings.nojs);
    out.push_str("</p>\n<p class=\"assess-status\" role=\"status\" aria-live=\"polite\"></p>\n<div class=\"assess-result\" hidden></div>\n<button type=\"button\" class=\"assess-submit\" hidden>");
    esc(&mut out, &strings.submit);
    out.push_str(
        "</button>\n<button type=\"button\" class=\"assess-again\" hidden></button>\n</div>\n",
    );
    out
}

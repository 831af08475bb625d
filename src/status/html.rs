//! `darslik status --format html` and `serve`'s `/_status/`: the coverage
//! dashboard for a translation coordinator, one self-contained page.
//!
//! Everything is in the one file: the styles inline, the charts as inline
//! SVG (each with the same figures in a table next to it), no script and
//! nothing fetched, so the page works from `file://` offline, sent by mail
//! or printed. Its words are darslik's own messages (`dash-…` in
//! `dashboard.ftl`) in the user's language.

use std::fmt::Write as _;

use crate::check::PageState;
use crate::diag::{Diagnostic, Lang, Msg};
use crate::diff::{Op, StaleDiff};
use crate::msg;
use crate::render::escape_html;

use super::{LocaleStatus, PageStatus, Status};

const CSS: &str = include_str!("dashboard.css");

/// The dashboard page for `status`, in `lang`.
pub fn page(status: &Status, lang: Lang) -> String {
    page_with(status, &[], lang)
}

/// The dashboard with the problems `check` found in each translation
/// (its pages and its Fluent files) under its locale. The page states the
/// dashboard shows already (`page-stale`, `page-missing`) are left out, and
/// so are the source's and the course's own problems (its authors', not
/// its translators').
pub fn page_with(status: &Status, problems: &[Diagnostic], lang: Lang) -> String {
    let w = Writer { lang };
    let mut out = String::with_capacity(16 * 1024);
    let title = w.text(&msg!(
        "dash-title",
        course = status.course.as_str(),
        version = status.version.as_str()
    ));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"darslik status\">\n\
         <title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        lang = lang.tag(),
        title = escape_html(&title),
    );
    out.push_str(PATTERNS);
    let translations: Vec<&LocaleStatus> = status
        .locales
        .iter()
        .filter(|l| l.locale != status.source)
        .collect();

    out.push_str("<header class=\"top\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", w.rich(&msg!("dash-heading")));
    let _ = writeln!(
        out,
        "<p class=\"intro\">{}</p>",
        w.rich(&msg!(
            "dash-intro",
            course = status.course.as_str(),
            version = status.version.as_str(),
            source = status.source.as_str()
        ))
    );
    if translations.len() > 1 {
        let _ = write!(
            out,
            "<nav aria-label=\"{}\"><ul class=\"jump\">",
            w.attr(&msg!("dash-nav"))
        );
        for l in &translations {
            let _ = write!(
                out,
                "<li><a href=\"#{id}\">{tag}</a></li>",
                id = anchor(&l.locale),
                tag = escape_html(&l.locale)
            );
        }
        out.push_str("</ul></nav>\n");
    }
    out.push_str("</header>\n<main>\n");

    if translations.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            w.rich(&msg!("dash-no-translations"))
        );
    } else {
        overview(&mut out, &w, &translations);
        for l in &translations {
            locale_section(&mut out, &w, l, problems);
        }
    }
    out.push_str("</main>\n<footer>\n");
    let _ = writeln!(out, "<p>{}</p>", w.rich(&msg!("dash-footer")));
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// The shapes of the four states, defined once: colour alone never tells
/// them apart (nor does a black-and-white print).
const PATTERNS: &str = "<svg class=\"defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>\
<pattern id=\"dash-stale\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">\
<rect width=\"8\" height=\"8\" fill=\"#b35c00\"/><rect width=\"3\" height=\"8\" fill=\"#f2c48d\"/></pattern>\
<pattern id=\"dash-unstamped\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
<rect width=\"6\" height=\"6\" fill=\"#2f5fa7\"/><circle cx=\"3\" cy=\"3\" r=\"1.4\" fill=\"#c7d8f2\"/></pattern>\
<pattern id=\"dash-missing\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">\
<rect width=\"6\" height=\"6\" fill=\"#fbe3e1\"/><path d=\"M0 6L6 0\" stroke=\"#b3261e\" stroke-width=\"1.2\"/></pattern>\
</defs></svg>\n";

/// The parts of a bar, in the order of the legend and the tables.
const STATES: [Kind; 4] = [Kind::Current, Kind::Stale, Kind::Unstamped, Kind::Missing];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Current,
    Stale,
    Unstamped,
    Missing,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Kind::Current => "current",
            Kind::Stale => "stale",
            Kind::Unstamped => "unstamped",
            Kind::Missing => "missing",
        }
    }

    fn fill(self) -> &'static str {
        match self {
            Kind::Current => "#2e7d32",
            Kind::Stale => "url(#dash-stale)",
            Kind::Unstamped => "url(#dash-unstamped)",
            Kind::Missing => "url(#dash-missing)",
        }
    }

    fn name(self) -> Msg {
        match self {
            Kind::Current => msg!("dash-current"),
            Kind::Stale => msg!("dash-stale"),
            Kind::Unstamped => msg!("dash-unstamped"),
            Kind::Missing => msg!("dash-missing"),
        }
    }
}

/// A locale's (or a module's) page counts.
#[derive(Default, Clone, Copy)]
struct Counts {
    current: usize,
    stale: usize,
    unstamped: usize,
    missing: usize,
}

impl Counts {
    fn of(l: &LocaleStatus) -> Counts {
        let mut c = Counts::default();
        for m in &l.modules {
            c.current += m.current;
            c.stale += m.stale;
            c.unstamped += m.unstamped;
            c.missing += m.missing;
        }
        c
    }

    fn get(self, k: Kind) -> usize {
        match k {
            Kind::Current => self.current,
            Kind::Stale => self.stale,
            Kind::Unstamped => self.unstamped,
            Kind::Missing => self.missing,
        }
    }

    fn total(self) -> usize {
        self.current + self.stale + self.unstamped + self.missing
    }
}

struct Writer {
    lang: Lang,
}

impl Writer {
    fn text(&self, m: &Msg) -> String {
        m.text(self.lang)
    }

    /// A message as HTML: escaped, and what is between backticks (commands,
    /// file names) as code.
    fn rich(&self, m: &Msg) -> String {
        rich(&m.text(self.lang))
    }

    /// A message for an attribute: escaped, backticks dropped.
    fn attr(&self, m: &Msg) -> String {
        escape_html(&m.text(self.lang).replace('`', ""))
    }
}

fn rich(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", escape_html(part));
        } else {
            out.push_str(&escape_html(part));
        }
    }
    out
}

/// An id for a locale's section (tags are letters, digits and `-`; anything
/// else is replaced).
fn anchor(tag: &str) -> String {
    let safe: String = tag
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("loc-{safe}")
}

fn percent(part: usize, total: usize) -> usize {
    if total == 0 {
        return 0;
    }
    // Rounded down: 99.6 % current is not "100 %".
    part * 100 / total
}

/// A horizontal bar of `parts` (a width per part, in percent of the whole)
/// as inline SVG, named by `label` for screen readers.
fn bar(out: &mut String, parts: &[(Kind, usize)], total: usize, label: &str, class: &str) {
    let _ = write!(
        out,
        "<svg class=\"bar {class}\" role=\"img\" aria-label=\"{label}\" width=\"100%\" height=\"100%\"><title>{label}</title>",
    );
    out.push_str("<rect class=\"track\" x=\"0\" y=\"0\" width=\"100%\" height=\"100%\"/>");
    if total > 0 {
        let mut x = 0.0f64;
        for (kind, n) in parts {
            if *n == 0 {
                continue;
            }
            let width = *n as f64 * 100.0 / total as f64;
            let _ = write!(
                out,
                "<rect class=\"{}\" x=\"{x:.3}%\" y=\"0\" width=\"{width:.3}%\" height=\"100%\" fill=\"{}\"/>",
                kind.class(),
                kind.fill()
            );
            x += width;
        }
    }
    out.push_str("</svg>");
}

fn legend(out: &mut String, w: &Writer) {
    let _ = write!(
        out,
        "<ul class=\"legend\" aria-label=\"{}\">",
        w.attr(&msg!("dash-legend"))
    );
    for k in STATES {
        let _ = write!(
            out,
            "<li><svg class=\"swatch\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"16\" height=\"16\" fill=\"{}\"/></svg>{}</li>",
            k.fill(),
            w.rich(&k.name())
        );
    }
    let _ = write!(
        out,
        "<li><svg class=\"swatch\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"messages\" width=\"16\" height=\"16\" fill=\"#6a3d9a\"/></svg>{}</li>",
        w.rich(&msg!("dash-messages-legend"))
    );
    out.push_str("</ul>\n");
}

/// The four state columns' headings, each with its swatch.
fn state_headers(out: &mut String, w: &Writer) {
    for k in STATES {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"state\"><span><svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"12\" height=\"12\" fill=\"{}\"/></svg>{}</span></th>",
            k.fill(),
            w.rich(&k.name())
        );
    }
}

/// A count in a state column: a nought muted, the rest in the state's colour.
fn cell(out: &mut String, k: Kind, n: usize) {
    let class = if n == 0 { "zero" } else { k.class() };
    let _ = write!(out, "<td class=\"{class}\">{n}</td>");
}

fn pages_label(w: &Writer, locale: &str, c: Counts) -> String {
    w.attr(&msg!(
        "dash-bar-pages",
        locale = locale,
        current = c.current,
        stale = c.stale,
        unstamped = c.unstamped,
        missing = c.missing,
        total = c.total()
    ))
}

fn parts(c: Counts) -> Vec<(Kind, usize)> {
    STATES.iter().map(|k| (*k, c.get(*k))).collect()
}

/// The chart of every translation, and its figures as a table.
fn overview(out: &mut String, w: &Writer, locales: &[&LocaleStatus]) {
    out.push_str("<section class=\"overview\" aria-labelledby=\"overview\">\n");
    let _ = writeln!(
        out,
        "<h2 id=\"overview\">{}</h2>",
        w.rich(&msg!("dash-overview"))
    );
    legend(out, w);
    out.push_str("<figure class=\"chart\">\n");
    let _ = writeln!(
        out,
        "<figcaption>{}</figcaption>",
        w.rich(&msg!("dash-chart-caption"))
    );
    for l in locales {
        let c = Counts::of(l);
        let _ = write!(
            out,
            "<div class=\"row\"><p class=\"label\"><a href=\"#{id}\">{tag}</a> <span class=\"pct\">{pct}</span></p>",
            id = anchor(&l.locale),
            tag = escape_html(&l.locale),
            pct = w.rich(&msg!(
                "dash-percent-current",
                percent = percent(c.current, c.total())
            )),
        );
        bar(
            out,
            &parts(c),
            c.total(),
            &pages_label(w, &l.locale, c),
            "pages",
        );
        let m = &l.messages;
        bar(
            out,
            &[(Kind::Current, m.translated)],
            m.total,
            &w.attr(&msg!(
                "dash-bar-messages",
                locale = l.locale.as_str(),
                translated = m.translated,
                total = m.total
            )),
            "messages",
        );
        out.push_str("</div>\n");
    }
    out.push_str("</figure>\n");

    let caption = msg!("dash-table-caption");
    let _ = write!(
        out,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"figures\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        w.attr(&caption),
        w.rich(&caption),
        w.rich(&msg!("dash-col-locale"))
    );
    state_headers(out, w);
    let _ = writeln!(
        out,
        "<th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        w.rich(&msg!("dash-col-pages")),
        w.rich(&msg!("dash-col-messages"))
    );
    for l in locales {
        let c = Counts::of(l);
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><a href=\"#{}\">{}</a></th>",
            anchor(&l.locale),
            escape_html(&l.locale)
        );
        for k in STATES {
            cell(out, k, c.get(k));
        }
        let _ = writeln!(
            out,
            "<td>{}</td><td>{}</td></tr>",
            c.total(),
            w.rich(&msg!(
                "dash-fraction",
                part = l.messages.translated,
                total = l.messages.total
            ))
        );
    }
    out.push_str("</tbody></table></div>\n</section>\n");
}

fn module_name(w: &Writer, name: &str) -> String {
    if name == "(home)" {
        w.rich(&msg!("dash-home"))
    } else {
        format!("<code>{}</code>", escape_html(name))
    }
}

fn locale_section(out: &mut String, w: &Writer, l: &LocaleStatus, problems: &[Diagnostic]) {
    let id = anchor(&l.locale);
    let tag = l.locale.as_str();
    let c = Counts::of(l);
    let _ = writeln!(
        out,
        "<section class=\"locale\" id=\"{id}\" aria-labelledby=\"{id}-h\">"
    );
    let heading = match &l.generated {
        Some(from) => msg!("dash-locale-generated", locale = tag, from = from.as_str()),
        None => msg!("dash-locale", locale = tag),
    };
    let _ = writeln!(out, "<h2 id=\"{id}-h\">{}</h2>", w.rich(&heading));
    let pages: Vec<&PageStatus> = l.modules.iter().flat_map(|m| &m.pages).collect();
    let count = |st: PageState| pages.iter().filter(|p| p.state == st).count();
    let summary = match &l.generated {
        Some(from) => msg!(
            "dash-generated-summary",
            from = from.as_str(),
            generated = count(PageState::Generated),
            hand = pages.len() - count(PageState::Generated) - count(PageState::Missing)
        ),
        None => msg!(
            "dash-summary",
            current = c.current,
            total = c.total(),
            stale = c.stale,
            unstamped = c.unstamped,
            missing = c.missing
        ),
    };
    let _ = writeln!(out, "<p class=\"summary\">{}</p>", w.rich(&summary));
    let m = &l.messages;
    let messages = if l.generated.is_some() {
        msg!("dash-messages-generated", hand = m.translated)
    } else if m.translated >= m.total {
        msg!("dash-messages-all", total = m.total)
    } else {
        msg!(
            "dash-messages",
            translated = m.translated,
            total = m.total,
            left = m.total - m.translated,
            locale = tag
        )
    };
    let _ = writeln!(out, "<p class=\"summary\">{}</p>", w.rich(&messages));

    // Modules: a small bar each, and the figures.
    let caption = msg!("dash-modules-caption", locale = tag);
    let _ = write!(
        out,
        "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\"><table class=\"modules\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
        w.attr(&caption),
        w.rich(&caption),
        w.rich(&msg!("dash-col-module"))
    );
    state_headers(out, w);
    out.push_str("</tr></thead><tbody>\n");
    for module in &l.modules {
        let mc = Counts {
            current: module.current,
            stale: module.stale,
            unstamped: module.unstamped,
            missing: module.missing,
        };
        let name = module_name(w, &module.module);
        let _ = write!(out, "<tr><th scope=\"row\">{name}");
        let shown_name = if module.module == "(home)" {
            w.text(&msg!("dash-home"))
        } else {
            module.module.clone()
        };
        let label = w.attr(&msg!(
            "dash-bar-module",
            module = shown_name,
            current = mc.current,
            stale = mc.stale,
            unstamped = mc.unstamped,
            missing = mc.missing,
            total = mc.total()
        ));
        bar(out, &parts(mc), mc.total(), &label, "mini");
        out.push_str("</th>");
        for k in STATES {
            cell(out, k, mc.get(k));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");

    let file = |p: &PageStatus| format!("content/{tag}/{}", p.page);
    let stale: Vec<&&PageStatus> = pages
        .iter()
        .filter(|p| p.state == PageState::Stale)
        .collect();
    if !stale.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"hint\">{}</p>",
            w.rich(&msg!("dash-stale-heading", n = stale.len())),
            w.rich(&msg!("dash-stale-hint", locale = tag))
        );
        for p in stale {
            out.push_str("<article class=\"stale-page\">\n");
            let _ = writeln!(out, "<h4><code>{}</code></h4>", escape_html(&file(p)));
            diff_html(out, w, p.diff.as_ref());
            let _ = writeln!(
                out,
                "<p class=\"then\">{}</p>",
                w.rich(&msg!(
                    "dash-stamp-command",
                    locale = tag,
                    page = p.page.as_str()
                ))
            );
            out.push_str("</article>\n");
        }
    }
    let unstamped: Vec<&&PageStatus> = pages
        .iter()
        .filter(|p| p.state == PageState::Unstamped)
        .collect();
    let missing: Vec<&&PageStatus> = pages
        .iter()
        .filter(|p| p.state == PageState::Missing)
        .collect();
    for (list, heading, hint) in [
        (
            &unstamped,
            msg!("dash-unstamped-heading", n = unstamped.len()),
            msg!("dash-unstamped-hint", locale = tag),
        ),
        (
            &missing,
            msg!("dash-missing-heading", n = missing.len()),
            msg!("dash-missing-hint", locale = tag),
        ),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"hint\">{}</p>\n<ul class=\"files\">",
            w.rich(&heading),
            w.rich(&hint)
        );
        for p in list {
            let _ = writeln!(out, "<li><code>{}</code></li>", escape_html(&file(p)));
        }
        out.push_str("</ul>\n");
    }
    if l.generated.is_none() && c.total() > 0 && c.current == c.total() {
        let _ = writeln!(
            out,
            "<p class=\"done\">{}</p>",
            w.rich(&msg!("dash-all-current"))
        );
    }

    let mine: Vec<&Diagnostic> = problems
        .iter()
        .filter(|d| shown(d) && mentions(d, tag))
        .collect();
    if !mine.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            w.rich(&msg!("dash-problems", n = mine.len()))
        );
        problem_list(out, w, &mine);
    }
    out.push_str("</section>\n");
}

/// A stale page's change: words removed struck through, words added
/// underlined (with their names for screen readers), the line of the source.
fn diff_html(out: &mut String, w: &Writer, diff: Option<&StaleDiff>) {
    let Some(diff) = diff else {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            w.rich(&msg!("dash-diff-absent"))
        );
        return;
    };
    if !diff.known {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            w.rich(&msg!("dash-diff-unknown", source = diff.source.as_str()))
        );
        return;
    }
    if diff.hunks.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            w.rich(&msg!("dash-diff-spacing", source = diff.source.as_str()))
        );
        return;
    }
    let removed = escape_html(&w.text(&msg!("dash-removed")));
    let added = escape_html(&w.text(&msg!("dash-added")));
    for h in diff.hunks.iter().take(HUNKS_SHOWN) {
        let place = if h.old_line == h.new_line {
            msg!(
                "dash-diff-line",
                source = diff.source.as_str(),
                line = h.new_line
            )
        } else {
            msg!(
                "dash-diff-line-moved",
                source = diff.source.as_str(),
                line = h.new_line,
                old = h.old_line
            )
        };
        let _ = write!(
            out,
            "<div class=\"hunk\"><p class=\"where\">{}</p><p class=\"words\">",
            w.rich(&place)
        );
        for piece in &h.pieces {
            match piece.op {
                Op::Equal => out.push_str(&escape_html(&piece.text)),
                Op::Delete => {
                    let _ = write!(
                        out,
                        "<del><span class=\"vh\">[{removed}: </span>{}<span class=\"vh\">]</span></del>",
                        visible(&piece.text)
                    );
                }
                Op::Insert => {
                    let _ = write!(
                        out,
                        "<ins><span class=\"vh\">[{added}: </span>{}<span class=\"vh\">]</span></ins>",
                        visible(&piece.text)
                    );
                }
            }
        }
        out.push_str("</p></div>\n");
    }
    if diff.hunks.len() > HUNKS_SHOWN {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}</p>",
            w.rich(&msg!(
                "dash-diff-more",
                n = diff.hunks.len() - HUNKS_SHOWN,
                source = diff.source.as_str()
            ))
        );
    }
}

/// Changed places shown under one stale page: past these, the page is best
/// read again whole.
const HUNKS_SHOWN: usize = 25;

/// Removed or added text, escaped; a line break in it shown as `↵` (else a
/// removed or added break would not be seen).
fn visible(text: &str) -> String {
    escape_html(text).replace('\n', "↵\n")
}

/// Problems worth a coordinator's eye: the page states the dashboard shows
/// already are left out.
fn shown(d: &Diagnostic) -> bool {
    !matches!(d.code.as_str(), "page-stale" | "page-missing")
}

/// Whether a problem is in `tag`'s translation: its locale, or its file in
/// `content/<tag>/` or `locales/<tag>/`.
fn mentions(d: &Diagnostic, tag: &str) -> bool {
    if d.locale.as_deref() == Some(tag) {
        return true;
    }
    d.file.as_deref().is_some_and(|f| {
        f.strip_prefix("content/")
            .or_else(|| f.strip_prefix("locales/"))
            .and_then(|rest| rest.strip_prefix(tag))
            .is_some_and(|rest| rest.starts_with('/'))
    })
}

fn problem_list(out: &mut String, w: &Writer, list: &[&Diagnostic]) {
    out.push_str("<ul class=\"problems\">\n");
    for d in list {
        let (class, word) = if d.is_error() {
            ("error", msg!("diag-error"))
        } else {
            ("warning", msg!("diag-warning"))
        };
        let place = match (&d.file, d.line) {
            (Some(f), Some(line)) => format!(" <code>{}:{line}</code>", escape_html(f)),
            (Some(f), None) => format!(" <code>{}</code>", escape_html(f)),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<li><span class=\"sev {class}\">{}</span> <span class=\"code\">[{}]</span>{place} {}",
            w.rich(&word),
            escape_html(d.code.as_str()),
            rich(&d.message_in(w.lang))
        );
        if let Some(h) = d.hint_in(w.lang) {
            let _ = write!(
                out,
                "<br><span class=\"hint\">{}: {}</span>",
                w.rich(&msg!("diag-hint")),
                rich(&h)
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

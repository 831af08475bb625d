//! `report-<locale>.html`: one self-contained page (inline CSS and SVG, no
//! script), every chart beside a table with the same figures. Tables and
//! cells carry stable attributes for tests and tools: `data-table` on a
//! table, `data-key` on a row, `data-col` and `data-value` (the figure in
//! plain machine form: `.` decimals, no unit) on a cell.
//! All text that comes from the register (names, organisations, answers,
//! titles) goes through [`esc`].
use std::fmt::Write;

use super::data::{self, Report, Status};
use super::svg;
use super::text::{Text, cyrl};
use crate::render::escape::escape_html as esc;
use crate::translit::Exceptions;

const CSS: &str = include_str!("report.css");

pub struct Page<'a> {
    pub report: &'a Report,
    pub text: &'a Text,
    pub locale: &'a str,
    pub db_name: &'a str,
    /// The word list for Uzbek Cyrillic made from the Latin.
    pub ex: &'a Exceptions,
}

/// A figure rounded to one decimal, in the locale's writing.
pub fn shown(v: f64, decimal: char) -> String {
    let r = (v * 10.0).round() / 10.0;
    let s = if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    };
    s.replace('.', &decimal.to_string())
}

/// A figure for `data-value`: two decimals at most, `.` as the separator.
pub fn machine(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    format!("{r}")
}

fn opt_machine(v: Option<f64>) -> String {
    v.map(machine).unwrap_or_default()
}

impl Page<'_> {
    fn num(&self, v: f64) -> String {
        shown(v, self.text.decimal)
    }

    fn opt(&self, v: Option<f64>) -> String {
        v.map(|v| self.num(v)).unwrap_or_else(|| "—".to_string())
    }

    fn percent(&self, v: f64) -> String {
        if self.locale == "en" {
            format!("{}%", self.num(v))
        } else {
            format!("{}\u{a0}%", self.num(v))
        }
    }

    /// A course text (module title, question, option) in the page's locale:
    /// the register's own text in that locale, Uzbek Cyrillic made from the
    /// Uzbek Latin, then English, then any.
    fn course_text(&self, id: &str, fallback: &str) -> String {
        let Some(a) = self.report.activities.get(id) else {
            return fallback.to_string();
        };
        self.pick(&a.names).unwrap_or_else(|| fallback.to_string())
    }

    fn pick(&self, by_locale: &std::collections::BTreeMap<String, String>) -> Option<String> {
        if let Some(s) = by_locale.get(self.locale) {
            return Some(s.clone());
        }
        if self.locale == "uz-Cyrl"
            && let Some(s) = by_locale.get("uz")
        {
            return Some(cyrl(s, self.ex));
        }
        by_locale
            .get("en")
            .or_else(|| by_locale.values().next())
            .cloned()
    }

    fn module_title(&self, i: usize) -> String {
        let m = &self.report.modules[i];
        self.course_text(&m.id, &m.title)
    }

    fn status_text(&self, s: Status) -> &str {
        let t = self.text;
        match s {
            Status::Passed => &t.passed,
            Status::Completed => &t.completed,
            Status::Failed => &t.failed,
            Status::Progressed => &t.progressed,
            Status::NotStarted => &t.not_started,
        }
    }

    /// The text of a response in the question's own words where the
    /// definition has them: options for choice and sequencing, pairs for
    /// matching; what the learner wrote otherwise.
    fn response_text(&self, question: &str, response: &str) -> String {
        let def = self
            .report
            .activities
            .get(question)
            .and_then(|a| {
                a.definitions
                    .get(self.locale)
                    .or_else(|| {
                        (self.locale == "uz-Cyrl")
                            .then(|| a.definitions.get("uz"))
                            .flatten()
                    })
                    .or_else(|| a.definitions.get("en"))
                    .or_else(|| a.definitions.values().next())
            })
            .cloned()
            .unwrap_or(serde_json::Value::Null);
        let kind = def
            .get("interactionType")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let text_of = |list: &str, id: &str| -> Option<String> {
            let items = def.get(list)?.as_array()?;
            let item = items
                .iter()
                .find(|c| c.get("id").and_then(|v| v.as_str()) == Some(id))?;
            let desc = item.get("description")?.as_object()?;
            let map: std::collections::BTreeMap<String, String> = desc
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
                .collect();
            self.pick(&map)
        };
        let parts: Vec<&str> = response.split("[,]").collect();
        let joined = match kind {
            "choice" => parts
                .iter()
                .map(|p| text_of("choices", p))
                .collect::<Option<Vec<_>>>()
                .map(|v| v.join("; ")),
            "sequencing" => parts
                .iter()
                .map(|p| text_of("choices", p))
                .collect::<Option<Vec<_>>>()
                .map(|v| v.join(" → ")),
            "matching" => parts
                .iter()
                .map(|p| {
                    let (s, t) = p.split_once("[.]")?;
                    Some(format!(
                        "{} → {}",
                        text_of("source", s)?,
                        text_of("target", t)?
                    ))
                })
                .collect::<Option<Vec<_>>>()
                .map(|v| v.join("; ")),
            _ => None,
        };
        joined.unwrap_or_else(|| format!("“{response}”"))
    }

    pub fn render(&self) -> String {
        let r = self.report;
        let t = self.text;
        let mut o = String::with_capacity(256 * 1024);
        let course_title = if r.title.is_empty() {
            r.course.clone()
        } else {
            r.title.clone()
        };
        let _ = write!(
            o,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"darslik\">\n\
             <title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            esc(&t.lang),
            esc(&t.report_title),
            esc(&course_title)
        );
        let _ = write!(
            o,
            "<header>\n<p class=\"kicker\"><span{}>{}</span> ({}) · {} {}</p>\n<h1>{}</h1>\n<p class=\"made\">{} <code>{}</code></p>\n</header>\n",
            match &r.title_locale {
                Some(l) if !r.title.is_empty() && l != self.locale =>
                    format!(" lang=\"{}\"", esc(l)),
                _ => String::new(),
            },
            esc(&course_title),
            esc(&r.course),
            esc(&t.version),
            esc(&r.version),
            esc(&t.report_title),
            esc(&t.made),
            esc(self.db_name)
        );
        let sections: [(&str, &str); 6] = [
            ("summary", &t.summary),
            ("sources", &t.sources_title),
            ("completion", &t.completion_title),
            ("distribution", &t.distribution_title),
            ("prepost", &t.prepost_title),
            ("questions", &t.questions_title),
        ];
        let _ = write!(o, "<nav aria-label=\"{}\"><ul>", esc(&t.contents));
        for (id, title) in sections {
            let _ = write!(o, "<li><a href=\"#{id}\">{}</a></li>", esc(title));
        }
        o.push_str("</ul></nav>\n<main>\n");
        o.push_str("<div class=\"intro\">\n");
        self.summary(&mut o);
        self.sources(&mut o);
        o.push_str("</div>\n");
        if r.learners.is_empty() {
            let _ = writeln!(o, "<p class=\"empty\">{}</p>", esc(&t.empty));
        }
        self.completion(&mut o);
        self.distribution(&mut o);
        self.prepost(&mut o);
        self.questions(&mut o);
        o.push_str("</main>\n</body>\n</html>\n");
        o
    }

    fn summary(&self, o: &mut String) {
        let r = self.report;
        let t = self.text;
        let orgs = r.organisations().len();
        let regions = r.regions().len();
        let _ = write!(
            o,
            "<section id=\"summary\">\n<h2>{}</h2>\n<table class=\"summary\" data-table=\"summary\"><tbody>\n",
            esc(&t.summary)
        );
        let row = |o: &mut String, key: &str, label: &str, value: String, shown: String| {
            let _ = writeln!(
                o,
                "<tr data-key=\"{key}\"><th scope=\"row\">{}</th><td data-col=\"value\" data-value=\"{}\">{}</td></tr>",
                esc(label),
                esc(&value),
                esc(&shown)
            );
        };
        row(
            o,
            "learners",
            &t.learners,
            r.learners.len().to_string(),
            r.learners.len().to_string(),
        );
        row(
            o,
            "organisations",
            &t.organisations,
            orgs.to_string(),
            orgs.to_string(),
        );
        row(
            o,
            "regions",
            &t.regions,
            regions.to_string(),
            regions.to_string(),
        );
        row(
            o,
            "modules",
            &t.modules,
            r.modules.len().to_string(),
            r.modules.len().to_string(),
        );
        row(
            o,
            "files",
            &t.files,
            r.files.to_string(),
            r.files.to_string(),
        );
        row(
            o,
            "statements",
            &t.statements,
            r.statements.to_string(),
            r.statements.to_string(),
        );
        let (first, last) = r
            .period
            .as_ref()
            .map(|(a, b)| (day(a), day(b)))
            .unwrap_or_default();
        let period = if first.is_empty() {
            "—".to_string()
        } else if first == last {
            first.clone()
        } else {
            format!("{first} – {last}")
        };
        row(o, "period", &t.period, format!("{first}/{last}"), period);
        o.push_str("</tbody></table>\n</section>\n");
    }

    fn sources(&self, o: &mut String) {
        let t = self.text;
        let _ = write!(
            o,
            "<section id=\"sources\">\n<h2>{}</h2>\n",
            esc(&t.sources_title)
        );
        for p in [
            &t.source_1,
            &t.source_2,
            &t.source_3,
            &t.source_4,
            &t.source_5,
        ] {
            let _ = writeln!(o, "<p>{}</p>", esc(p));
        }
        o.push_str("</section>\n");
    }

    /// A table in its own scrolling box, with a caption.
    fn table_open(&self, o: &mut String, id: &str, caption: &str, head: &[&str]) {
        let _ = write!(
            o,
            "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-{id}\" tabindex=\"0\">\
             <table data-table=\"{id}\"><caption id=\"cap-{id}\">{}</caption><thead><tr>",
            esc(caption)
        );
        for h in head {
            let _ = write!(o, "<th scope=\"col\">{}</th>", esc(h));
        }
        o.push_str("</tr></thead><tbody>\n");
    }

    fn table_close(o: &mut String) {
        o.push_str("</tbody></table></div>\n");
    }

    fn chart_open(&self, o: &mut String, id: &str, title: &str) {
        let _ = write!(
            o,
            "<figure class=\"chart-box\" aria-labelledby=\"fig-{id}\"><figcaption id=\"fig-{id}\">{}</figcaption>",
            esc(title)
        );
    }

    fn completion(&self, o: &mut String) {
        let r = self.report;
        let t = self.text;
        let _ = write!(
            o,
            "<section id=\"completion\">\n<h2>{}</h2>\n<div class=\"stack\">\n",
            esc(&t.completion_title)
        );
        let stacks: Vec<svg::Stack> = (0..r.modules.len())
            .map(|i| {
                let counts = r.status_counts(i);
                svg::Stack {
                    label: self.module_title(i),
                    parts: Status::ALL
                        .iter()
                        .map(|s| (counts.get(s).copied().unwrap_or(0), s.key()))
                        .collect(),
                    total: r.learners.len(),
                }
            })
            .collect();
        self.chart_open(o, "completion", &t.completion_chart);
        o.push_str(&svg::stacked(&stacks, "fig-completion"));
        o.push_str("<ul class=\"legend\">");
        for s in Status::ALL {
            let _ = write!(
                o,
                "<li><span class=\"swatch {}\"></span>{}</li>",
                s.key(),
                esc(self.status_text(s))
            );
        }
        o.push_str("</ul></figure>\n");
        let mut head: Vec<&str> = vec![&t.module];
        head.extend(Status::ALL.iter().map(|s| self.status_text(*s)));
        head.push(&t.all_pages);
        self.table_open(o, "completion", &t.completion_chart, &head);
        for (i, m) in r.modules.iter().enumerate() {
            let counts = r.status_counts(i);
            let _ = write!(
                o,
                "<tr data-key=\"{}\"><th scope=\"row\">{}</th>",
                esc(&m.id),
                esc(&self.module_title(i))
            );
            for s in Status::ALL {
                let n = counts.get(&s).copied().unwrap_or(0);
                let _ = write!(
                    o,
                    "<td data-col=\"{}\" data-value=\"{n}\">{n}</td>",
                    s.key()
                );
            }
            let n = r.all_pages(i);
            let _ = writeln!(
                o,
                "<td data-col=\"all-pages\" data-value=\"{n}\">{n}</td></tr>"
            );
        }
        Self::table_close(o);
        o.push_str("</div>\n");

        // Learners × modules.
        let _ = writeln!(o, "<h3 id=\"learners\">{}</h3>", esc(&t.learners_modules));
        let titles: Vec<String> = (0..r.modules.len()).map(|i| self.module_title(i)).collect();
        let _ = write!(
            o,
            "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"cap-learners\" tabindex=\"0\">\
             <table class=\"wide\" data-table=\"learners\"><caption id=\"cap-learners\">{}</caption><thead><tr>\
             <th scope=\"col\" rowspan=\"2\">{}</th><th scope=\"col\" rowspan=\"2\">{}</th><th scope=\"col\" rowspan=\"2\">{}</th>",
            esc(&t.learners_modules),
            esc(&t.learner),
            esc(&t.organisation),
            esc(&t.region)
        );
        for title in &titles {
            let _ = write!(
                o,
                "<th scope=\"colgroup\" colspan=\"3\" class=\"group\">{}</th>",
                esc(&svg::cut(title, 34))
            );
        }
        o.push_str("</tr><tr>");
        for _ in &titles {
            let _ = write!(
                o,
                "<th scope=\"col\" class=\"group\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
                esc(&t.status),
                esc(&t.pages_seen),
                esc(&t.best_score)
            );
        }
        o.push_str("</tr></thead><tbody>\n");
        for (li, l) in r.learners.iter().enumerate() {
            let _ = write!(
                o,
                "<tr data-key=\"{}\"><th scope=\"row\" data-col=\"name\">{}</th><td data-col=\"organisation\">{}</td><td data-col=\"region\">{}</td>",
                esc(&l.id),
                esc(&l.name),
                esc(&l.organisation),
                esc(&l.region)
            );
            for (mi, m) in r.modules.iter().enumerate() {
                let c = &r.cells[li][mi];
                let id = esc(&m.id);
                let _ = write!(
                    o,
                    "<td class=\"group\" data-col=\"{id}|status\" data-value=\"{}\"><span class=\"dot {}\"></span>{}</td>\
                     <td data-col=\"{id}|pages-seen\" data-value=\"{}\">{}/{}</td>\
                     <td data-col=\"{id}|best\" data-value=\"{}\">{}</td>",
                    c.status.key(),
                    c.status.key(),
                    esc(self.status_text(c.status)),
                    c.pages_seen,
                    c.pages_seen,
                    c.pages,
                    opt_machine(c.best),
                    self.opt(c.best)
                );
            }
            o.push_str("</tr>\n");
        }
        Self::table_close(o);
        o.push_str("</section>\n");
    }

    fn distribution(&self, o: &mut String) {
        let r = self.report;
        let t = self.text;
        let bins = r.distribution();
        let _ = write!(
            o,
            "<section id=\"distribution\">\n<h2>{}</h2>\n<div class=\"pair\">\n",
            esc(&t.distribution_title)
        );
        let edges: Vec<String> = (0..=data::BINS).map(|i| (i * 10).to_string()).collect();
        self.chart_open(o, "distribution", &t.distribution_chart);
        o.push_str(&svg::histogram(&bins, &edges, "fig-distribution"));
        o.push_str("</figure>\n");
        self.table_open(
            o,
            "distribution",
            &t.distribution_chart,
            &[&t.band, &t.count],
        );
        for (i, n) in bins.iter().enumerate() {
            let band = if i + 1 == data::BINS {
                format!("{}–100", i * 10)
            } else {
                format!("{}–{}", i * 10, i * 10 + 9)
            };
            let _ = writeln!(
                o,
                "<tr data-key=\"{i}\"><th scope=\"row\">{band}</th><td data-col=\"count\" data-value=\"{n}\">{n}</td></tr>"
            );
        }
        Self::table_close(o);
        o.push_str("</div>\n</section>\n");
    }

    fn prepost(&self, o: &mut String) {
        let r = self.report;
        let t = self.text;
        let _ = write!(
            o,
            "<section id=\"prepost\">\n<h2>{}</h2>\n<p>{}</p>\n<ul class=\"legend\"><li><span class=\"swatch pre\"></span>{}</li><li><span class=\"swatch post\"></span>{}</li></ul>\n",
            esc(&t.prepost_title),
            esc(&t.prepost_intro),
            esc(&t.pre),
            esc(&t.post)
        );
        for (key, title, groups, col) in [
            (
                "organisations",
                &t.per_organisation,
                r.organisations(),
                &t.organisation,
            ),
            ("regions", &t.per_region, r.regions(), &t.region),
        ] {
            let _ = write!(o, "<h3>{}</h3>\n<div class=\"pair\">\n", esc(title));
            let pairs: Vec<svg::Pair> = groups
                .iter()
                .map(|g| svg::Pair {
                    label: g.name.clone(),
                    value: match (g.pre, g.post) {
                        (Some(a), Some(b)) => format!("{} → {}", self.num(a), self.num(b)),
                        _ => "—".to_string(),
                    },
                    pre: g.pre,
                    post: g.post,
                })
                .collect();
            self.chart_open(o, key, &t.means_chart);
            o.push_str(&svg::dumbbell(&pairs, &format!("fig-{key}")));
            o.push_str("</figure>\n");
            self.table_open(
                o,
                key,
                title,
                &[col, &t.learners, &t.pairs, &t.pre, &t.post, &t.gain],
            );
            for g in &groups {
                let gain = g.pre.zip(g.post).map(|(a, b)| b - a);
                let _ = writeln!(
                    o,
                    "<tr data-key=\"{}\"><th scope=\"row\">{}</th>\
                     <td data-col=\"learners\" data-value=\"{}\">{}</td>\
                     <td data-col=\"pairs\" data-value=\"{}\">{}</td>\
                     <td data-col=\"pre\" data-value=\"{}\">{}</td>\
                     <td data-col=\"post\" data-value=\"{}\">{}</td>\
                     <td data-col=\"gain\" data-value=\"{}\">{}</td></tr>",
                    esc(&g.name),
                    esc(&g.name),
                    g.learners,
                    g.learners,
                    g.pairs,
                    g.pairs,
                    opt_machine(g.pre),
                    self.opt(g.pre),
                    opt_machine(g.post),
                    self.opt(g.post),
                    opt_machine(gain),
                    gain.map(|g| signed(&self.num(g), g))
                        .unwrap_or_else(|| "—".into())
                );
            }
            Self::table_close(o);
            o.push_str("</div>\n");
        }

        let _ = writeln!(o, "<h3>{}</h3>", esc(&t.per_learner));
        let mut any = false;
        for (li, l) in r.learners.iter().enumerate() {
            for (mi, m) in r.modules.iter().enumerate() {
                let c = &r.cells[li][mi];
                if c.pre.is_none() && c.post.is_none() {
                    continue;
                }
                if !any {
                    self.table_open(
                        o,
                        "learner-tests",
                        &t.per_learner,
                        &[
                            &t.learner,
                            &t.organisation,
                            &t.module,
                            &t.pre,
                            &t.post,
                            &t.gain,
                        ],
                    );
                    any = true;
                }
                let gain = c.pre.zip(c.post).map(|(a, b)| b - a);
                let _ = writeln!(
                    o,
                    "<tr data-key=\"{}|{}\"><th scope=\"row\">{}</th><td class=\"l\">{}</td><td class=\"l\">{}</td>\
                     <td data-col=\"pre\" data-value=\"{}\">{}</td>\
                     <td data-col=\"post\" data-value=\"{}\">{}</td>\
                     <td data-col=\"gain\" data-value=\"{}\">{}</td></tr>",
                    esc(&l.id),
                    esc(&m.id),
                    esc(&l.name),
                    esc(&l.organisation),
                    esc(&self.module_title(mi)),
                    opt_machine(c.pre),
                    self.opt(c.pre),
                    opt_machine(c.post),
                    self.opt(c.post),
                    opt_machine(gain),
                    gain.map(|g| signed(&self.num(g), g))
                        .unwrap_or_else(|| "—".into())
                );
            }
        }
        if any {
            Self::table_close(o);
        } else {
            let _ = writeln!(o, "<p>{}</p>", esc(&t.no_pairs));
        }
        o.push_str("</section>\n");
    }

    fn questions(&self, o: &mut String) {
        let r = self.report;
        let t = self.text;
        let _ = write!(
            o,
            "<section id=\"questions\" class=\"stack\">\n<h2>{}</h2>\n",
            esc(&t.questions_title)
        );
        if r.questions.is_empty() {
            let _ = writeln!(o, "<p>{}</p>\n</section>", esc(&t.no_questions));
            return;
        }
        let texts: Vec<String> = r
            .questions
            .iter()
            .map(|q| self.course_text(&q.id, &q.id))
            .collect();
        // A heading before each page's questions: "Module 6: … · Pre-test".
        let mut last_page: Option<&str> = None;
        let bars: Vec<svg::Bar> = r
            .questions
            .iter()
            .zip(&texts)
            .enumerate()
            .map(|(i, (q, text))| {
                let share = q.right as f64 * 100.0 / q.answered_by.max(1) as f64;
                let page = q.id.rsplit_once('/').map(|(p, _)| p).unwrap_or(&q.id);
                let heading = (last_page != Some(page)).then(|| {
                    last_page = Some(page);
                    let module = match r.modules.iter().position(|m| m.id == q.module) {
                        Some(mi) => self.module_title(mi),
                        None => q.module.clone(),
                    };
                    let page = self.page_of(&q.id);
                    (format!("{} · {page}", svg::cut(&module, 30)), page)
                });
                svg::Bar {
                    heading,
                    label: format!("{}. {}", i + 1, text),
                    value: share,
                    text: self.percent(share),
                }
            })
            .collect();
        self.chart_open(o, "questions", &t.questions_chart);
        o.push_str(&svg::bars(
            &bars,
            "fig-questions",
            [
                &self.percent(0.0),
                &self.percent(50.0),
                &self.percent(100.0),
            ],
        ));
        o.push_str("</figure>\n");
        self.table_open(
            o,
            "questions",
            &t.questions_chart,
            &[
                &t.number,
                &t.question,
                &t.answered_by,
                &t.right,
                &t.share_right,
                &t.wrong,
                &t.chosen_by,
            ],
        );
        for (i, (q, text)) in r.questions.iter().zip(&texts).enumerate() {
            let share = q.right as f64 * 100.0 / q.answered_by.max(1) as f64;
            let (wrong_resp, wrong_text, wrong_n) = match &q.wrong {
                Some((resp, n)) => (resp.clone(), self.response_text(&q.id, resp), n.to_string()),
                None => (String::new(), "—".to_string(), String::new()),
            };
            let _ = writeln!(
                o,
                "<tr data-key=\"{}\"><td>{}</td><th scope=\"row\" class=\"text\">{}<span class=\"qid\">{}</span></th>\
                 <td data-col=\"answered-by\" data-value=\"{}\">{}</td>\
                 <td data-col=\"right\" data-value=\"{}\">{}</td>\
                 <td data-col=\"share-right\" data-value=\"{}\">{}</td>\
                 <td class=\"text\" data-col=\"wrong\" data-value=\"{}\">{}</td>\
                 <td data-col=\"wrong-count\" data-value=\"{}\">{}</td></tr>",
                esc(&q.id),
                i + 1,
                esc(text),
                esc(&self.place(&q.id)),
                q.answered_by,
                q.answered_by,
                q.right,
                q.right,
                machine(share),
                self.percent(share),
                esc(&wrong_resp),
                esc(&wrong_text),
                wrong_n,
                if wrong_n.is_empty() { "—" } else { &wrong_n }
            );
        }
        Self::table_close(o);
        o.push_str("</section>\n");
    }

    /// Where a question is, for people: "Pre-test · 3" from `module-06/00-pre-test/3`.
    fn place(&self, qid: &str) -> String {
        match qid.rsplit_once('/') {
            Some((_, n)) => format!("{} · {n}", self.page_of(qid)),
            None => qid.to_string(),
        }
    }

    /// The title of a question's page (`module-06/00-pre-test.md`).
    fn page_of(&self, qid: &str) -> String {
        match qid.rsplit_once('/') {
            Some((page, _)) => self.course_text(&format!("{page}.md"), page),
            None => qid.to_string(),
        }
    }
}

fn signed(shown: &str, v: f64) -> String {
    if v > 0.0 && !shown.starts_with('+') {
        format!("+{shown}")
    } else {
        shown.replace('-', "−")
    }
}

/// The date part of an ISO timestamp.
fn day(ts: &str) -> String {
    ts.get(..10).unwrap_or(ts).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_for_people_and_for_machines() {
        assert_eq!(shown(72.25, ','), "72,3");
        assert_eq!(shown(72.0, '.'), "72");
        assert_eq!(shown(66.666, '.'), "66.7");
        assert_eq!(machine(66.666_666), "66.67");
        assert_eq!(machine(50.0), "50");
        assert_eq!(signed("5", 5.0), "+5");
        assert_eq!(signed("-5", -5.0), "−5");
    }
}

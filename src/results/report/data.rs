//! The register read once, and every figure of the report computed from it.
//!
//! The definitions (the contract of issue 21, and what
//! `tests/results/recompute.py` recomputes from the files):
//! - a learner × module cell takes the latest module-status statement of
//!   that learner and module (by timestamp, then id): its verb, score (the
//!   best score), completion and pages seen;
//! - pre = the best `pre-test` attempt score of the module; post = the best
//!   `post-test` or `graded` attempt score;
//! - a question's figures take, for each learner, the earliest `answered`
//!   statement of that question (by timestamp, then id).
use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::Connection;

/// A module's state for one learner: the verb of the latest module status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Passed,
    Completed,
    Failed,
    Progressed,
    NotStarted,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Passed,
        Status::Completed,
        Status::Failed,
        Status::Progressed,
        Status::NotStarted,
    ];

    fn from_verb(verb: &str) -> Status {
        match verb {
            "passed" => Status::Passed,
            "completed" => Status::Completed,
            "failed" => Status::Failed,
            _ => Status::Progressed,
        }
    }

    /// The stable key used in `data-*` attributes.
    pub fn key(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::Completed => "completed",
            Status::Failed => "failed",
            Status::Progressed => "progressed",
            Status::NotStarted => "not-started",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Module {
    pub id: String,
    /// The title in the register's `versions.modules` (the latest saved file).
    pub title: String,
    pub pages: i64,
}

#[derive(Debug, Clone)]
pub struct Learner {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub region: String,
    pub locale: String,
}

/// One learner × module.
#[derive(Debug, Clone)]
pub struct Cell {
    pub status: Status,
    pub pages_seen: i64,
    pub pages: i64,
    pub completed: bool,
    pub best: Option<f64>,
    pub pre: Option<f64>,
    pub post: Option<f64>,
    pub last: Option<String>,
}

/// Pre-test and post-test means over a group's pairs (learner × module
/// with both a pre-test and a post-test score).
#[derive(Debug, Clone)]
pub struct Group {
    pub name: String,
    pub learners: usize,
    pub pairs: usize,
    pub pre: Option<f64>,
    pub post: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct Question {
    /// The activity id without `urn:darslik:<course>/`, e.g. `module-06/00-pre-test/3`.
    pub id: String,
    pub module: String,
    pub answered_by: usize,
    pub right: usize,
    /// The most chosen wrong first answer (the xAPI response) and how many chose it.
    pub wrong: Option<(String, usize)>,
}

/// An activity's name and definition in each locale the register holds.
#[derive(Debug, Clone, Default)]
pub struct Activity {
    pub names: BTreeMap<String, String>,
    pub definitions: BTreeMap<String, serde_json::Value>,
}

#[derive(Debug)]
pub struct Report {
    pub course: String,
    pub version: String,
    pub title: String,
    /// The locale the title is probably in: that of the learner who saved last
    /// (the newest saved file gives the register its title).
    pub title_locale: Option<String>,
    pub modules: Vec<Module>,
    pub learners: Vec<Learner>,
    /// `cells[learner][module]`, in the order of `learners` and `modules`.
    pub cells: Vec<Vec<Cell>>,
    pub files: i64,
    pub statements: i64,
    pub period: Option<(String, String)>,
    pub questions: Vec<Question>,
    pub activities: HashMap<String, Activity>,
}

/// Score bins of the distribution: 0–9, 10–19, …, 90–100.
pub const BINS: usize = 10;

pub fn bin_of(score: f64) -> usize {
    if score.is_nan() || score < 0.0 {
        return 0;
    }
    ((score / 10.0).floor() as usize).min(BINS - 1)
}

/// Reads what the report needs from an open register.
pub fn load(conn: &Connection) -> Result<Report, String> {
    let sql = |e: rusqlite::Error| {
        crate::msg!("results-register-unreadable", detail = e.to_string()).local()
    };
    let course: String = conn
        .query_row("SELECT id FROM course LIMIT 1", [], |r| r.get(0))
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(String::new()),
            e => Err(e),
        })
        .map_err(sql)?;

    // The newest version's title and modules (versions compared number by number).
    let mut versions: Vec<(String, String, String)> = Vec::new();
    {
        let mut st = conn
            .prepare("SELECT version, title, modules FROM versions")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(sql)?;
        for row in rows {
            versions.push(row.map_err(sql)?);
        }
    }
    versions.sort_by(|a, b| {
        version_key(&a.0)
            .cmp(&version_key(&b.0))
            .then(a.0.cmp(&b.0))
    });
    let mut modules: Vec<Module> = Vec::new();
    let (mut version, mut title) = (String::new(), String::new());
    // Older versions first, so the newest one's order and titles win.
    let mut order: Vec<String> = Vec::new();
    let mut by_id: HashMap<String, Module> = HashMap::new();
    for (v, t, m) in &versions {
        version = v.clone();
        title = t.clone();
        let list: serde_json::Value = serde_json::from_str(m).unwrap_or(serde_json::Value::Null);
        let mut this: Vec<String> = Vec::new();
        for item in list.as_array().into_iter().flatten() {
            let Some(id) = item.get("id").and_then(|v| v.as_str()) else {
                continue;
            };
            let module = Module {
                id: id.to_string(),
                title: item
                    .get("title")
                    .and_then(|v| v.as_str())
                    .unwrap_or(id)
                    .to_string(),
                pages: item.get("pages").and_then(|v| v.as_i64()).unwrap_or(0),
            };
            this.push(id.to_string());
            by_id.insert(id.to_string(), module);
        }
        // The newest version's order, then modules only older versions had.
        let mut merged = this.clone();
        for id in &order {
            if !this.contains(id) {
                merged.push(id.clone());
            }
        }
        order = merged;
    }
    for id in &order {
        if let Some(m) = by_id.remove(id) {
            modules.push(m);
        }
    }

    let mut learners: Vec<Learner> = Vec::new();
    {
        let mut st = conn
            .prepare("SELECT id, name, organisation, region, locale FROM learners")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| {
                Ok(Learner {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    organisation: r.get(2)?,
                    region: r.get(3)?,
                    locale: r.get(4)?,
                })
            })
            .map_err(sql)?;
        for row in rows {
            learners.push(row.map_err(sql)?);
        }
    }
    learners.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });
    let title_locale: Option<String> = conn
        .query_row(
            "SELECT locale FROM learners ORDER BY saved DESC, id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .ok();
    let learner_index: HashMap<String, usize> = learners
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.clone(), i))
        .collect();

    let files: i64 = conn
        .query_row("SELECT COUNT(*) FROM imports", [], |r| r.get(0))
        .map_err(sql)?;
    let (statements, first, last): (i64, Option<String>, Option<String>) = conn
        .query_row(
            "SELECT COUNT(*), MIN(timestamp), MAX(timestamp) FROM statements",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(sql)?;
    let period = first.zip(last);

    // Per learner × module: the latest module status, the best attempts, the last activity.
    /// timestamp, id, verb, score, completion, pages seen, pages.
    type LatestStatus = (
        String,
        String,
        String,
        Option<f64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    );
    #[derive(Default)]
    struct Acc {
        status: Option<LatestStatus>,
        pre: Option<f64>,
        post: Option<f64>,
        last: Option<String>,
    }
    let mut acc: HashMap<(usize, String), Acc> = HashMap::new();
    // Per learner × question: the earliest answer (timestamp, id, success, response).
    let mut first_answer: HashMap<(usize, String), (String, String, bool, String)> = HashMap::new();
    let mut extra_modules: BTreeSet<String> = BTreeSet::new();
    {
        let mut st = conn
            .prepare(
                "SELECT learner, kind, verb, object, module, test, score, success, completion,
                        response, pages_seen, pages, timestamp, id
                   FROM statements",
            )
            .map_err(sql)?;
        let mut rows = st.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let learner: String = r.get(0).map_err(sql)?;
            let Some(&li) = learner_index.get(&learner) else {
                continue;
            };
            let kind: String = r.get(1).map_err(sql)?;
            let Some(module): Option<String> = r.get(4).map_err(sql)? else {
                continue;
            };
            let timestamp: String = r.get(12).map_err(sql)?;
            let id: String = r.get(13).map_err(sql)?;
            if !modules.iter().any(|m| m.id == module) {
                extra_modules.insert(module.clone());
            }
            let a = acc.entry((li, module.clone())).or_default();
            if a.last.as_deref().is_none_or(|l| timestamp.as_str() > l) {
                a.last = Some(timestamp.clone());
            }
            match kind.as_str() {
                "module" => {
                    let newer = a.status.as_ref().is_none_or(|(ts, sid, ..)| {
                        (timestamp.as_str(), id.as_str()) > (ts.as_str(), sid.as_str())
                    });
                    if newer {
                        a.status = Some((
                            timestamp,
                            id,
                            r.get(2).map_err(sql)?,
                            r.get(6).map_err(sql)?,
                            r.get(8).map_err(sql)?,
                            r.get(10).map_err(sql)?,
                            r.get(11).map_err(sql)?,
                        ));
                    }
                }
                "test" => {
                    let score: Option<f64> = r.get(6).map_err(sql)?;
                    let test: Option<String> = r.get(5).map_err(sql)?;
                    if let Some(s) = score {
                        let slot = match test.as_deref() {
                            Some("pre-test") => &mut a.pre,
                            Some("post-test") | Some("graded") => &mut a.post,
                            _ => continue,
                        };
                        if slot.is_none_or(|b| s > b) {
                            *slot = Some(s);
                        }
                    }
                }
                "question" => {
                    let object: String = r.get(3).map_err(sql)?;
                    let success: Option<i64> = r.get(7).map_err(sql)?;
                    let response: Option<String> = r.get(9).map_err(sql)?;
                    let key = (li, object);
                    let earlier = first_answer.get(&key).is_none_or(|(ts, sid, ..)| {
                        (timestamp.as_str(), id.as_str()) < (ts.as_str(), sid.as_str())
                    });
                    if earlier {
                        first_answer.insert(
                            key,
                            (
                                timestamp,
                                id,
                                success == Some(1),
                                response.unwrap_or_default(),
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    for id in extra_modules {
        modules.push(Module {
            title: id.clone(),
            id,
            pages: 0,
        });
    }

    let cells: Vec<Vec<Cell>> = (0..learners.len())
        .map(|li| {
            modules
                .iter()
                .map(|m| {
                    let a = acc.remove(&(li, m.id.clone())).unwrap_or_default();
                    let mut cell = Cell {
                        status: Status::NotStarted,
                        pages_seen: 0,
                        pages: m.pages,
                        completed: false,
                        best: None,
                        pre: a.pre,
                        post: a.post,
                        last: a.last,
                    };
                    if let Some((_, _, verb, score, completion, seen, pages)) = a.status {
                        cell.status = Status::from_verb(&verb);
                        cell.best = score;
                        cell.completed = completion == Some(1);
                        cell.pages_seen = seen.unwrap_or(0);
                        if let Some(p) = pages {
                            cell.pages = p;
                        }
                    }
                    cell
                })
                .collect()
        })
        .collect();

    // Questions: answered by, right at the first answer, the most chosen wrong first answer.
    let mut per_q: BTreeMap<String, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for ((_, object), (_, _, success, response)) in first_answer {
        let q = per_q.entry(object).or_default();
        q.0 += 1;
        if success {
            q.1 += 1;
        } else {
            *q.2.entry(response).or_default() += 1;
        }
    }
    let module_pos = |m: &str| modules.iter().position(|x| x.id == m).unwrap_or(usize::MAX);
    let mut questions: Vec<Question> = per_q
        .into_iter()
        .map(|(id, (by, right, wrong))| {
            // The largest count; among equals the first response in text order.
            let wrong =
                wrong
                    .into_iter()
                    .fold(None::<(String, usize)>, |best, (resp, n)| match best {
                        Some((_, bn)) if bn >= n => best,
                        _ => Some((resp, n)),
                    });
            Question {
                module: id.split('/').next().unwrap_or("").to_string(),
                id,
                answered_by: by,
                right,
                wrong,
            }
        })
        .collect();
    questions.sort_by(|a, b| {
        module_pos(&a.module)
            .cmp(&module_pos(&b.module))
            .then_with(|| natural_key(&a.id).cmp(&natural_key(&b.id)))
    });

    let mut activities: HashMap<String, Activity> = HashMap::new();
    {
        let mut st = conn
            .prepare("SELECT id, locale, name, definition FROM activities")
            .map_err(sql)?;
        let mut rows = st.query([]).map_err(sql)?;
        while let Some(r) = rows.next().map_err(sql)? {
            let id: String = r.get(0).map_err(sql)?;
            let locale: String = r.get(1).map_err(sql)?;
            let name: String = r.get(2).map_err(sql)?;
            let definition: String = r.get(3).map_err(sql)?;
            let a = activities.entry(id).or_default();
            a.names.insert(locale.clone(), name);
            if let Ok(v) = serde_json::from_str(&definition) {
                a.definitions.insert(locale, v);
            }
        }
    }

    Ok(Report {
        course,
        version,
        title,
        title_locale,
        modules,
        learners,
        cells,
        files,
        statements,
        period,
        questions,
        activities,
    })
}

/// `1.10.0` after `1.9.0`: the numeric parts compared as numbers.
fn version_key(v: &str) -> Vec<(u64, String)> {
    v.split(['.', '-', '+'])
        .map(|p| (p.parse::<u64>().unwrap_or(0), p.to_string()))
        .collect()
}

/// `page/10` after `page/9`: runs of digits compared as numbers.
pub fn natural_key(s: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut num = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else {
            if !num.is_empty() {
                out.push((std::mem::take(&mut text), num.parse().unwrap_or(u64::MAX)));
                num.clear();
            }
            text.push(c);
        }
    }
    out.push((text, num.parse().unwrap_or(0)));
    out
}

impl Report {
    pub fn organisations(&self) -> Vec<Group> {
        self.groups(|l| &l.organisation)
    }

    pub fn regions(&self) -> Vec<Group> {
        self.groups(|l| &l.region)
    }

    fn groups(&self, by: impl Fn(&Learner) -> &String) -> Vec<Group> {
        let mut map: BTreeMap<String, (usize, usize, f64, f64)> = BTreeMap::new();
        for (li, l) in self.learners.iter().enumerate() {
            let g = map.entry(by(l).clone()).or_default();
            g.0 += 1;
            for c in &self.cells[li] {
                if let (Some(pre), Some(post)) = (c.pre, c.post) {
                    g.1 += 1;
                    g.2 += pre;
                    g.3 += post;
                }
            }
        }
        map.into_iter()
            .map(|(name, (learners, pairs, pre, post))| Group {
                name,
                learners,
                pairs,
                pre: (pairs > 0).then(|| pre / pairs as f64),
                post: (pairs > 0).then(|| post / pairs as f64),
            })
            .collect()
    }

    /// Counts of learners per status, per module.
    pub fn status_counts(&self, module: usize) -> BTreeMap<Status, usize> {
        let mut counts: BTreeMap<Status, usize> = Status::ALL.iter().map(|s| (*s, 0)).collect();
        for row in &self.cells {
            *counts.entry(row[module].status).or_default() += 1;
        }
        counts
    }

    /// How many learners saw every page of a module.
    pub fn all_pages(&self, module: usize) -> usize {
        self.cells.iter().filter(|r| r[module].completed).count()
    }

    /// The best scores in bins, all modules together.
    pub fn distribution(&self) -> [usize; BINS] {
        let mut bins = [0; BINS];
        for row in &self.cells {
            for c in row {
                if let Some(s) = c.best {
                    bins[bin_of(s)] += 1;
                }
            }
        }
        bins
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_put_100_in_the_last_one() {
        assert_eq!(bin_of(0.0), 0);
        assert_eq!(bin_of(9.99), 0);
        assert_eq!(bin_of(10.0), 1);
        assert_eq!(bin_of(89.5), 8);
        assert_eq!(bin_of(100.0), 9);
        assert_eq!(bin_of(-3.0), 0);
        assert_eq!(bin_of(f64::NAN), 0);
    }

    #[test]
    fn natural_order_of_question_ids() {
        let mut ids = vec!["m/p/10", "m/p/2", "m/p/1"];
        ids.sort_by_key(|s| natural_key(s));
        assert_eq!(ids, ["m/p/1", "m/p/2", "m/p/10"]);
    }

    #[test]
    fn versions_compare_as_numbers() {
        assert!(version_key("1.10.0") > version_key("1.9.0"));
    }
}

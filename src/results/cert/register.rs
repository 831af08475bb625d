//! What certificates need from the register: the learners who passed a
//! module (their latest module status is `passed`), with the titles to show.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;

/// One certificate to write.
#[derive(Debug, Clone)]
pub struct Passed {
    pub learner: String,
    pub name: String,
    pub organisation: String,
    pub locale: String,
    pub module: String,
    pub module_title: String,
    pub course: String,
    pub course_title: String,
    pub version: String,
    /// The passing statement's timestamp (its date is the certificate's).
    pub timestamp: String,
    pub score: Option<f64>,
}

/// What the register holds for certificates.
#[derive(Debug, Default)]
pub struct Found {
    pub passed: Vec<Passed>,
    pub learners: usize,
    /// Every module id with a module status, for "no such module" messages.
    pub modules: Vec<String>,
}

/// Opens the register (`crate::results::db::open_existing`): a missing
/// file, a database that is not a register or one made by a newer darslik
/// is refused with what to do.
pub fn open(db: &Path) -> Result<Connection, String> {
    crate::results::db::open_existing(db)
}

fn sql(db: &Path, e: rusqlite::Error) -> String {
    crate::results::db::db_error(db, &e)
}

/// Every row of `query`, each read by `row`.
fn all<T>(
    conn: &Connection,
    db: &Path,
    query: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, String> {
    let mut st = conn.prepare(query).map_err(|e| sql(db, e))?;
    let rows = st.query_map([], row).map_err(|e| sql(db, e))?;
    rows.collect::<Result<Vec<T>, _>>().map_err(|e| sql(db, e))
}

/// Every learner × module whose latest module status is `passed` (only
/// `module` when given), in name order.
pub fn passed(conn: &Connection, db: &Path, module: Option<&str>) -> Result<Found, String> {
    let course: String = conn
        .query_row("SELECT id FROM course LIMIT 1", [], |r| r.get(0))
        .map_err(|_| {
            crate::msg!("results-cert-no-course", db = db.display().to_string()).local()
        })?;

    // Titles per version: (course title, module id → title).
    let mut versions: BTreeMap<String, (String, BTreeMap<String, String>)> = BTreeMap::new();
    for (version, title, modules) in all(
        conn,
        db,
        "SELECT version, title, modules FROM versions",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        },
    )? {
        let mut titles = BTreeMap::new();
        if let Ok(serde_json::Value::Array(list)) =
            serde_json::from_str::<serde_json::Value>(&modules)
        {
            for m in list {
                if let (Some(id), Some(t)) = (
                    m.get("id").and_then(|v| v.as_str()),
                    m.get("title").and_then(|v| v.as_str()),
                ) {
                    titles.insert(id.to_string(), t.to_string());
                }
            }
        }
        versions.insert(version, (title, titles));
    }

    // Learners.
    let mut learners: BTreeMap<String, (String, String, String)> = BTreeMap::new();
    for (id, name, org, locale) in all(
        conn,
        db,
        "SELECT id, name, organisation, locale FROM learners",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        },
    )? {
        learners.insert(id, (name, org, locale));
    }

    // The latest module status per learner and module (timestamp, then id).
    type Latest = (String, String, Option<f64>, String);
    let mut latest: BTreeMap<(String, String), Latest> = BTreeMap::new();
    let mut modules = std::collections::BTreeSet::new();
    for (learner, m, verb, version, score, ts) in all(
        conn,
        db,
        "SELECT learner, module, verb, version, score, timestamp FROM statements \
                 WHERE kind = 'module' AND module IS NOT NULL ORDER BY timestamp, id",
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<f64>>(4)?,
                r.get::<_, String>(5)?,
            ))
        },
    )? {
        modules.insert(m.clone());
        latest.insert((learner, m), (verb, version, score, ts));
    }

    // Module titles in the learner's locale, where a statement named them so.
    let mut named: BTreeMap<(String, String), String> = BTreeMap::new();
    for (id, locale, name) in all(conn, db, "SELECT id, locale, name FROM activities", |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        if !id.contains('/') {
            named.insert((id, locale), name);
        }
    }

    let mut passed = Vec::new();
    for ((learner, m), (verb, version, score, timestamp)) in latest {
        if verb != "passed" || module.is_some_and(|want| want != m) {
            continue;
        }
        let Some((name, organisation, locale)) = learners.get(&learner).cloned() else {
            continue;
        };
        let (course_title, titles) = versions
            .get(&version)
            .or_else(|| versions.values().next_back())
            .cloned()
            .unwrap_or_else(|| (course.clone(), BTreeMap::new()));
        let module_title = named
            .get(&(m.clone(), locale.clone()))
            .or_else(|| titles.get(&m))
            .cloned()
            .unwrap_or_else(|| m.clone());
        passed.push(Passed {
            learner,
            name,
            organisation,
            locale,
            module: m,
            module_title,
            course: course.clone(),
            course_title,
            version,
            timestamp,
            score,
        });
    }
    passed.sort_by(|a, b| {
        (a.name.to_lowercase(), &a.learner, &a.module).cmp(&(
            b.name.to_lowercase(),
            &b.learner,
            &b.module,
        ))
    });
    Ok(Found {
        passed,
        learners: learners.len(),
        modules: modules.into_iter().collect(),
    })
}

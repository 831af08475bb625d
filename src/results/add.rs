//! `darslik results add`: learners' results files into the register.
//!
//! Each file is read and checked whole first (`file::read`), then stored in
//! its own transaction: the course row (the first file's course; another
//! course is refused), the learner (the details of the newest `saved` win),
//! the course version's titles and modules (likewise), every statement not
//! already there (`INSERT OR IGNORE` by id), the activities' names and
//! definitions, and one `imports` row keyed by the file's SHA-256. A file
//! whose content was added before writes nothing at all. A refused file
//! writes nothing; a missing register is made only when a file is accepted.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rusqlite::{Connection, TransactionBehavior, params};

use super::db;
use super::file::{self, Refusal, ResultsFile};
use crate::msg;

/// More files than this get a progress bar (on a terminal, without --quiet).
const BAR_FROM: usize = 20;

/// What adding one file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// Statements stored now.
    pub new: usize,
    /// Statements the register held already.
    pub already: usize,
    /// The same file content was added before (nothing was written).
    pub same_file: bool,
}

/// Why one file was not added.
#[derive(Debug)]
pub enum Failure {
    /// The file: nothing was written.
    Refused(Refusal),
    /// Results of another course than the register's.
    OtherCourse { file: String, register: String },
    /// The register could not take it (the transaction was rolled back).
    Register(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Refused(r) => r.fmt(f),
            Failure::OtherCourse { file, register } => write!(
                f,
                "{}",
                msg!(
                    "results-other-course",
                    file = crate::diag::printable(file),
                    register = crate::diag::printable(register)
                )
                .local()
            ),
            Failure::Register(e) => write!(f, "{}", msg!("results-not-stored", reason = e).local()),
        }
    }
}

pub fn run(files: &[PathBuf], db: &Path, quiet: bool) -> i32 {
    // An existing register is opened (and checked) before any file is read;
    // a new one is made only when the first file is accepted.
    let mut conn = if db.exists() {
        match open(db) {
            Ok(c) => Some(c),
            Err(e) => {
                crate::cli::error(msg!("cli-as-is", text = e));
                return 1;
            }
        }
    } else {
        None
    };

    let bar = if quiet || files.len() <= BAR_FROM || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar =
            ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(&format!(
            "{{prefix}} [{{bar:30}}] {{pos}}/{{len}} {} {{wide_msg}}",
            msg!("results-bar-files").local()
        )) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_prefix(msg!("results-bar-adding").local());
        bar
    };

    let mut t = Totals::default();
    for path in files {
        let name = shown(path);
        bar.set_message(name.clone());
        let outcome = match file::read(path) {
            Err(r) => Err(Failure::Refused(r)),
            Ok(results) => match connection(&mut conn, db) {
                Err(e) => {
                    bar.finish_and_clear();
                    crate::cli::error(msg!("cli-as-is", text = e));
                    return 1;
                }
                Ok(c) => store(c, path, &results).map(|added| (added, results)),
            },
        };
        match outcome {
            Ok((added, results)) => {
                t.new += added.new;
                t.already += added.already;
                if added.same_file {
                    t.same += 1;
                } else {
                    t.added += 1;
                }
                if !quiet {
                    let line = added_line(&name, &results, &added);
                    bar.suspend(|| println!("{line}"));
                }
            }
            Err(why) => {
                t.refused += 1;
                let line = msg!("results-refused", file = &name, why = why.to_string());
                bar.suspend(|| eprintln!("{}", line.local()));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();

    let mut status = if t.refused > 0 { 1 } else { 0 };
    let mut held = None;
    if let Some(c) = &conn {
        if let Err(e) = db::checkpoint(c) {
            crate::cli::error(msg!("cli-as-is", text = db::db_error(db, &e)));
            status = 1;
        }
        held = c
            .query_row(
                "SELECT (SELECT COUNT(*) FROM learners), (SELECT COUNT(*) FROM statements)",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)),
            )
            .ok();
    }
    println!("{}", totals_line(files.len(), &t, held, db));
    status
}

#[derive(Default)]
struct Totals {
    added: usize,
    same: usize,
    refused: usize,
    new: usize,
    already: usize,
}

fn totals_line(files: usize, t: &Totals, held: Option<(i64, i64)>, db: &Path) -> String {
    let mut parts = vec![msg!("results-count-added", count = t.added).local()];
    if t.same > 0 {
        parts.push(msg!("results-count-again", count = t.same).local());
    }
    parts.push(msg!("results-count-refused", count = t.refused).local());
    let mut line = msg!(
        "results-totals",
        files = files,
        parts = parts.join(", "),
        new = t.new,
        already = t.already
    )
    .local();
    if let Some((learners, statements)) = held {
        line.push_str(
            &msg!(
                "results-totals-held",
                db = shown(db),
                learners = learners,
                statements = statements
            )
            .local(),
        );
    }
    line
}

fn added_line(name: &str, results: &ResultsFile, added: &Added) -> String {
    let l = &results.learner;
    let no_name = || msg!("results-no-name").local();
    let who = match (l.name.trim(), l.organisation.trim()) {
        ("", "") => no_name(),
        ("", org) => format!("{} ({org})", no_name()),
        (n, "") => n.to_string(),
        (n, org) => format!("{n} ({org})"),
    };
    let who = crate::diag::printable(&who).into_owned();
    // The same file again says so: "added" would read as if it counted twice.
    if added.same_file {
        msg!(
            "results-added-again",
            file = name,
            who = who,
            new = added.new,
            already = added.already
        )
        .local()
    } else {
        msg!(
            "results-added",
            file = name,
            who = who,
            new = added.new,
            already = added.already
        )
        .local()
    }
}

fn connection<'a>(
    conn: &'a mut Option<Connection>,
    db: &Path,
) -> Result<&'a mut Connection, String> {
    if conn.is_none() {
        *conn = Some(open(db)?);
    }
    conn.as_mut()
        .ok_or_else(|| msg!("results-not-open", db = shown(db)).local())
}

/// The register for adding: checkpoints only every 64 MB of WAL (SQLite's
/// default, 4 MB, syncs the disk a dozen times for a class's files); the
/// end of the run writes everything back with one checkpoint.
fn open(db: &Path) -> Result<Connection, String> {
    let conn = db::open(db)?;
    conn.pragma_update(None, "wal_autocheckpoint", 16_384)
        .map_err(|e| db::db_error(db, &e))?;
    Ok(conn)
}

/// Stores one checked file in one transaction.
pub fn store(conn: &mut Connection, path: &Path, f: &ResultsFile) -> Result<Added, Failure> {
    store_tx(conn, path, f).map_err(|e| match e {
        StoreError::Sql(e) => Failure::Register(sql_words(&e)),
        StoreError::OtherCourse(register) => Failure::OtherCourse {
            file: f.course.id.clone(),
            register,
        },
    })
}

enum StoreError {
    Sql(rusqlite::Error),
    OtherCourse(String),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sql(e)
    }
}

fn sql_words(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DatabaseBusy | C::DatabaseLocked) => msg!("results-store-busy").local(),
        Some(C::DiskFull) => msg!("results-store-disk-full").local(),
        Some(C::ReadOnly | C::PermissionDenied) => {
            msg!("results-store-read-only", detail = e.to_string()).local()
        }
        _ => msg!("results-store-refused", detail = e.to_string()).local(),
    }
}

fn store_tx(conn: &mut Connection, path: &Path, f: &ResultsFile) -> Result<Added, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;

    // The register's course: the first file's.
    let course: Option<String> = {
        let mut st = tx.prepare_cached("SELECT id FROM course LIMIT 1")?;
        let mut rows = st.query([])?;
        match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        }
    };
    match course {
        Some(c) if c != f.course.id => return Err(StoreError::OtherCourse(c)),
        Some(_) => {}
        None => {
            tx.prepare_cached("INSERT INTO course (id) VALUES (?1)")?
                .execute([&f.course.id])?;
        }
    }

    // The same content added before: nothing to write (the transaction is
    // dropped, so the course row above, if new, is not kept either).
    let seen: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM imports WHERE sha256 = ?1)")?
        .query_row([&f.sha256], |r| r.get(0))?;
    if seen {
        return Ok(Added {
            new: 0,
            already: f.statements.len(),
            same_file: true,
        });
    }

    let l = &f.learner;
    tx.prepare_cached(
        "INSERT INTO learners (id, name, organisation, region, locale, saved)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
           organisation = excluded.organisation, region = excluded.region,
           locale = excluded.locale, saved = excluded.saved
         WHERE unixepoch(excluded.saved, 'subsec') > unixepoch(learners.saved, 'subsec')",
    )?
    .execute(params![
        l.id,
        l.name,
        l.organisation,
        l.region,
        l.locale,
        f.saved
    ])?;

    let newest_of_version = tx
        .prepare_cached(
            "INSERT INTO versions_saved (version, saved) VALUES (?1, ?2)
             ON CONFLICT (version) DO UPDATE SET saved = excluded.saved
             WHERE unixepoch(excluded.saved, 'subsec')
               > unixepoch(versions_saved.saved, 'subsec')",
        )?
        .execute(params![f.course.version, f.saved])?
        > 0;
    if newest_of_version {
        tx.prepare_cached(
            "INSERT INTO versions (version, title, modules) VALUES (?1, ?2, ?3)
             ON CONFLICT (version) DO UPDATE SET title = excluded.title,
               modules = excluded.modules",
        )?
        .execute(params![
            f.course.version,
            f.course.title,
            f.course.modules_json
        ])?;
    }

    let mut new = 0usize;
    // (activity, locale) → (timestamp, index of the statement, stored now).
    let mut activities: HashMap<(&str, &str), (&str, usize, bool)> = HashMap::new();
    {
        let mut insert = tx.prepare_cached(
            "INSERT OR IGNORE INTO statements (id, learner, version, verb, kind, object,
               module, test, attempt, score, success, completion, response, pages_seen,
               pages, locale, timestamp, json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
               ?16, ?17, ?18)",
        )?;
        for (i, s) in f.statements.iter().enumerate() {
            let stored = insert.execute(params![
                s.id,
                l.id,
                s.version,
                s.verb,
                s.kind.as_str(),
                s.object,
                s.module,
                s.test,
                s.attempt,
                s.score,
                s.success,
                s.completion,
                s.response,
                s.pages_seen,
                s.pages,
                s.locale,
                s.timestamp,
                s.json
            ])? > 0;
            if stored {
                new += 1;
            }
            for (locale, _) in &s.names {
                let key = (s.object.as_str(), locale.as_str());
                let entry = activities
                    .entry(key)
                    .or_insert((s.timestamp.as_str(), i, stored));
                if s.timestamp.as_str() >= entry.0 {
                    *entry = (s.timestamp.as_str(), i, stored || entry.2);
                } else {
                    entry.2 |= stored;
                }
            }
        }
    }

    // Names and definitions: what new statements say replaces what is
    // there (the newest file brings the new ones); statements already here
    // only fill in activities the register does not know.
    {
        let mut replace = tx.prepare_cached(
            "INSERT INTO activities (id, locale, name, definition) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (id, locale) DO UPDATE SET name = excluded.name,
               definition = excluded.definition",
        )?;
        let mut fill = tx.prepare_cached(
            "INSERT OR IGNORE INTO activities (id, locale, name, definition)
             VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut keys: Vec<_> = activities.into_iter().collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        for ((object, locale), (_, i, stored)) in keys {
            let s = &f.statements[i];
            let Some((_, name)) = s.names.iter().find(|(l, _)| l == locale) else {
                continue;
            };
            let st = if stored { &mut replace } else { &mut fill };
            st.execute(params![object, locale, name, s.definition])?;
        }
    }

    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    tx.prepare_cached(
        "INSERT INTO imports (sha256, file, learner, added, at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![f.sha256, file_name, l.id, new as i64, now_utc()])?;
    tx.commit()?;
    Ok(Added {
        new,
        already: f.statements.len() - new,
        same_file: false,
    })
}

fn shown(path: &Path) -> String {
    crate::diag::printable(&path.display().to_string()).into_owned()
}

/// Now in UTC, `2026-12-05T10:11:12Z`.
fn now_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_is_a_register_timestamp() {
        let now = now_utc();
        assert!(file::is_timestamp(&now), "{now}");
        assert!(now.as_str() > "2025-01-01T00:00:00Z", "{now}");
    }
}

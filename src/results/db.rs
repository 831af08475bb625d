//! The register: SQLite schema, migrations, opening.
//!
//! One SQLite file (`--db`, default `records.sqlite`) per course, in WAL
//! mode with foreign keys on. `schema_version` holds one row; opening a
//! register made by a newer darslik is refused, an older one is migrated in
//! one transaction. The tables are the issue 21 contract's (the report and
//! the certificates query them directly), plus `versions_saved`, which keeps
//! the `saved` time of the file that last wrote each `versions` row so the
//! newest saved file wins whatever order the files are added in.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::msg;

/// The schema this darslik writes.
pub const SCHEMA_VERSION: i64 = 1;

/// `MIGRATIONS[n]` takes a register from version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 → 1: the first schema.
    "CREATE TABLE schema_version (version INTEGER NOT NULL);
     CREATE TABLE course (id TEXT PRIMARY KEY);
     CREATE TABLE versions (version TEXT PRIMARY KEY, title TEXT NOT NULL,
                            modules TEXT NOT NULL);
     CREATE TABLE versions_saved (version TEXT PRIMARY KEY, saved TEXT NOT NULL);
     CREATE TABLE learners (id TEXT PRIMARY KEY, name TEXT NOT NULL,
                            organisation TEXT NOT NULL, region TEXT NOT NULL,
                            locale TEXT NOT NULL, saved TEXT NOT NULL);
     CREATE TABLE imports (sha256 TEXT PRIMARY KEY, file TEXT NOT NULL,
                           learner TEXT NOT NULL, added INTEGER NOT NULL,
                           at TEXT NOT NULL);
     CREATE TABLE statements (
       id TEXT PRIMARY KEY, learner TEXT NOT NULL REFERENCES learners(id),
       version TEXT NOT NULL, verb TEXT NOT NULL, kind TEXT NOT NULL,
       object TEXT NOT NULL, module TEXT, test TEXT, attempt INTEGER,
       score REAL, success INTEGER, completion INTEGER,
       response TEXT, pages_seen INTEGER, pages INTEGER,
       locale TEXT NOT NULL, timestamp TEXT NOT NULL, json TEXT NOT NULL);
     CREATE TABLE activities (id TEXT NOT NULL, locale TEXT NOT NULL,
                              name TEXT NOT NULL, definition TEXT NOT NULL,
                              PRIMARY KEY (id, locale));
     CREATE INDEX statements_learner ON statements(learner, kind);
     CREATE INDEX statements_object ON statements(object);",
];

/// Opens the register at `path`, making it (and its schema) if there is no
/// such file and migrating an older one. The error names the file and says
/// what to do.
pub fn open(path: &Path) -> Result<Connection, String> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(path, &e))?;
    prepare(path, conn, true)
}

/// Opens an existing register (for the report and certificates): refuses a
/// missing file and a database that is not a darslik register.
pub fn open_existing(path: &Path) -> Result<Connection, String> {
    if !path.is_file() {
        return Err(msg!("results-db-none", db = shown(path)).local());
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| open_error(path, &e))?;
    prepare(path, conn, false)
}

/// The schema version a register holds: 0 for an empty database.
pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    conn.query_row("SELECT MAX(version) FROM schema_version", [], |r| {
        r.get::<_, Option<i64>>(0)
    })
    .map(|v| v.unwrap_or(0))
}

fn prepare(path: &Path, mut conn: Connection, create: bool) -> Result<Connection, String> {
    let fail = |e: rusqlite::Error| db_error(path, &e);
    // Another `results add` may hold the register a while on a slow office PC.
    conn.busy_timeout(Duration::from_secs(30)).map_err(fail)?;
    // Reading the schema first also tells a file that is not SQLite. The
    // version and the tables are read in one transaction, so a register
    // that another darslik creates at this moment is seen whole or not at
    // all (never as tables without a version).
    let (version, tables) = {
        let tx = conn.transaction().map_err(fail)?;
        let version = schema_version(&tx).map_err(fail)?;
        let tables: i64 = tx
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(fail)?;
        tx.commit().map_err(fail)?;
        (version, tables)
    };
    if version > SCHEMA_VERSION {
        return Err(msg!(
            "results-db-newer",
            db = shown(path),
            schema = version,
            knows = SCHEMA_VERSION
        )
        .local());
    }
    if version == 0 {
        if tables > 0 {
            return Err(msg!("results-db-other-tables", db = shown(path)).local());
        }
        if !create {
            return Err(msg!("results-db-empty", db = shown(path)).local());
        }
    }
    let mode: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .map_err(fail)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(msg!("results-db-wal", db = shown(path), mode = mode).local());
    }
    // In WAL mode NORMAL keeps the file consistent after a crash; `add`
    // makes the register durable with a checkpoint before it ends.
    conn.execute_batch("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;")
        .map_err(fail)?;
    if version < SCHEMA_VERSION {
        migrate(&mut conn).map_err(fail)?;
    }
    Ok(conn)
}

/// Takes the register to [`SCHEMA_VERSION`] in one transaction (the version
/// is read again inside it, so two darsliks opening one file at once do not
/// both migrate).
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = schema_version(&tx)?;
    if from < SCHEMA_VERSION {
        for step in &MIGRATIONS[from as usize..SCHEMA_VERSION as usize] {
            tx.execute_batch(step)?;
        }
        tx.execute("DELETE FROM schema_version", [])?;
        tx.execute(
            "INSERT INTO schema_version (version) VALUES (?1)",
            [SCHEMA_VERSION],
        )?;
    }
    tx.commit()
}

/// Writes what the WAL holds into the register file and syncs it, so what
/// `add` reported added is on disk when it ends.
pub fn checkpoint(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
}

fn open_error(path: &Path, e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::CannotOpen) => match path.parent() {
            Some(p) if !p.as_os_str().is_empty() && !p.is_dir() => msg!(
                "results-db-cannot-open-folder",
                db = shown(path),
                folder = shown(p),
                detail = e.to_string()
            )
            .local(),
            _ => msg!(
                "results-db-cannot-open",
                db = shown(path),
                detail = e.to_string()
            )
            .local(),
        },
        _ => db_error(path, e),
    }
}

/// An SQLite error in words, naming the register.
pub fn db_error(path: &Path, e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase) => msg!("results-db-not-sqlite", db = shown(path)).local(),
        Some(C::DatabaseCorrupt) => msg!(
            "results-db-damaged",
            db = shown(path),
            detail = e.to_string()
        )
        .local(),
        Some(C::DatabaseBusy | C::DatabaseLocked) => {
            msg!("results-db-busy", db = shown(path)).local()
        }
        Some(C::ReadOnly | C::PermissionDenied) => msg!(
            "results-db-read-only",
            db = shown(path),
            detail = e.to_string()
        )
        .local(),
        Some(C::DiskFull) => msg!("results-db-disk-full", db = shown(path)).local(),
        _ => format!("{}: {e}", shown(path)),
    }
}

fn shown(path: &Path) -> String {
    crate::diag::printable(&path.display().to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn an_empty_file_gets_the_schema_in_wal_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.sqlite");
        let conn = open(&p).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(
            tables(&conn),
            [
                "activities",
                "course",
                "imports",
                "learners",
                "schema_version",
                "statements",
                "versions",
                "versions_saved"
            ]
        );
        drop(conn);
        // Opening again changes nothing.
        let conn = open(&p).unwrap();
        let rows: i64 = conn
            .query_row("SELECT COUNT(*) FROM schema_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1);
    }

    #[test]
    fn a_newer_register_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("r.sqlite");
        drop(open(&p).unwrap());
        let c = Connection::open(&p).unwrap();
        c.execute("UPDATE schema_version SET version = 99", [])
            .unwrap();
        drop(c);
        let e = open(&p).unwrap_err();
        assert!(e.contains("made by a newer darslik"), "{e}");
        assert!(e.contains("r.sqlite"), "{e}");
        let e = open_existing(&p).unwrap_err();
        assert!(e.contains("made by a newer darslik"), "{e}");
    }

    #[test]
    fn other_databases_and_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other.sqlite");
        let c = Connection::open(&other).unwrap();
        c.execute("CREATE TABLE t (x)", []).unwrap();
        drop(c);
        let e = open(&other).unwrap_err();
        assert!(e.contains("not a darslik register"), "{e}");

        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "x".repeat(4096)).unwrap();
        let e = open(&text).unwrap_err();
        assert!(e.contains("not an SQLite database"), "{e}");
        assert_eq!(std::fs::read(&text).unwrap(), "x".repeat(4096).as_bytes());

        let e = open_existing(&dir.path().join("missing.sqlite")).unwrap_err();
        assert!(e.contains("no register here"), "{e}");
        assert!(!dir.path().join("missing.sqlite").exists());

        let e = open(&dir.path().join("no/such/folder/r.sqlite")).unwrap_err();
        assert!(e.contains("r.sqlite"), "{e}");
    }

    #[test]
    fn open_existing_refuses_an_empty_database() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("empty.sqlite");
        std::fs::write(&p, b"").unwrap();
        let e = open_existing(&p).unwrap_err();
        assert!(e.contains("empty database"), "{e}");
        // ...which `open` makes into a register.
        let conn = open(&p).unwrap();
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
    }
}

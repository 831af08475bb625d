//! `darslik results report`: the class report from the register.
//!
//! `data` reads the register once and computes every figure; `html` writes
//! `report-<locale>.html` (charts from `svg`, words from `text`); `csv`
//! writes `records.csv`; `--format xapi` writes `statements.json`.
//! Files are written beside their final name and renamed into place, and
//! nothing else in `--out` is touched.
mod csv;
mod data;
mod html;
mod svg;
mod text;

use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rusqlite::Connection;

use crate::cli::results::ReportKind;

enum Failure {
    /// A wrong argument: exit 2.
    Usage(String),
    /// Anything else that stops the report: exit 1.
    Stop(String),
}

pub fn run(db: &Path, out: &Path, locales: &[String], format: ReportKind, quiet: bool) -> i32 {
    match report(db, out, locales, format, quiet) {
        Ok(()) => 0,
        Err(Failure::Usage(m)) => {
            crate::cli::error(crate::msg!("cli-as-is", text = m));
            2
        }
        Err(Failure::Stop(m)) => {
            crate::cli::error(crate::msg!("cli-as-is", text = m));
            1
        }
    }
}

fn report(
    db: &Path,
    out: &Path,
    locales: &[String],
    format: ReportKind,
    quiet: bool,
) -> Result<(), Failure> {
    let mut chosen: Vec<&str> = Vec::new();
    if format == ReportKind::Html {
        if locales.is_empty() {
            chosen.extend(text::LOCALES);
        }
        for l in locales {
            let Some(known) = text::LOCALES
                .iter()
                .find(|k| k.eq_ignore_ascii_case(l.trim()))
            else {
                return Err(Failure::Usage(
                    crate::msg!(
                        "results-report-locale",
                        locale = l,
                        locales = text::LOCALES.join(", ")
                    )
                    .local(),
                ));
            };
            if !chosen.contains(known) {
                chosen.push(known);
            }
        }
    }

    let conn = crate::results::db::open_existing(db).map_err(Failure::Stop)?;
    if out.is_file() {
        return Err(Failure::Stop(
            crate::msg!("results-report-out-file", out = out.display().to_string()).local(),
        ));
    }
    std::fs::create_dir_all(out).map_err(|e| {
        Failure::Stop(
            crate::msg!(
                "results-report-mkdir",
                out = out.display().to_string(),
                reason = e.to_string()
            )
            .local(),
        )
    })?;

    let bar = progress(quiet, chosen.len() as u64 + 2);
    let mut written: Vec<PathBuf> = Vec::new();
    if format == ReportKind::Xapi {
        bar.set_message(crate::msg!("results-bar-statements").local());
        let json = xapi(&conn).map_err(|e| Failure::Stop(format!("{}: {e}", db.display())))?;
        written.push(write(out, "statements.json", json.as_bytes())?);
        bar.finish_and_clear();
        if !quiet {
            for p in &written {
                println!("{}", wrote(p));
            }
        }
        return Ok(());
    }

    bar.set_message(crate::msg!("results-bar-reading").local());
    let report = data::load(&conn).map_err(|e| Failure::Stop(format!("{}: {e}", db.display())))?;
    bar.inc(1);
    let db_name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| db.display().to_string());
    let ex = crate::translit::Exceptions::builtin();
    for locale in &chosen {
        bar.set_message(format!("report-{locale}.html"));
        let Some(text) = text::text(locale) else {
            continue;
        };
        let page = html::Page {
            report: &report,
            text: &text,
            locale,
            db_name: &db_name,
            ex: &ex,
        };
        let html = page.render();
        written.push(write(
            out,
            &format!("report-{locale}.html"),
            html.as_bytes(),
        )?);
        bar.inc(1);
    }
    bar.set_message("records.csv");
    written.push(write(out, "records.csv", csv::records(&report).as_bytes())?);
    bar.inc(1);
    bar.finish_and_clear();
    if !quiet {
        for p in &written {
            println!("{}", wrote(p));
        }
        let summary = crate::msg!(
            "results-report-summary",
            learners = report.learners.len(),
            modules = report.modules.len(),
            statements = report.statements,
            files = report.files
        );
        println!("{}", summary.local());
    }
    Ok(())
}

/// `wrote PATH`, in the user's language.
fn wrote(p: &Path) -> String {
    crate::msg!("results-wrote", file = p.display().to_string()).local()
}

fn progress(quiet: bool, len: u64) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
        bar.set_style(style);
    }
    bar
}

/// Every statement as one JSON array, ordered by timestamp then id.
fn xapi(conn: &Connection) -> Result<String, String> {
    let sql = |e: rusqlite::Error| {
        crate::msg!("results-register-unreadable", detail = e.to_string()).local()
    };
    let mut st = conn
        .prepare("SELECT id, json FROM statements ORDER BY timestamp, id")
        .map_err(sql)?;
    let mut rows = st.query([]).map_err(sql)?;
    let mut out = String::from("[");
    let mut first = true;
    while let Some(r) = rows.next().map_err(sql)? {
        let id: String = r.get(0).map_err(sql)?;
        let json: String = r.get(1).map_err(sql)?;
        if serde_json::from_str::<serde::de::IgnoredAny>(&json).is_err() {
            return Err(crate::msg!("results-statement-not-json", id = id).local());
        }
        out.push_str(if first { "\n" } else { ",\n" });
        out.push_str(json.trim());
        first = false;
    }
    out.push_str("\n]\n");
    Ok(out)
}

/// Writes `name` in `dir` through a temporary file renamed into place.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Failure> {
    let path = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let fail = |e: std::io::Error| {
        let _ = std::fs::remove_file(&tmp);
        Failure::Stop(
            crate::msg!(
                "results-report-write",
                file = path.display().to_string(),
                reason = e.to_string()
            )
            .local(),
        )
    };
    std::fs::write(&tmp, bytes).map_err(fail)?;
    std::fs::rename(&tmp, &path).map_err(fail)?;
    Ok(path)
}

//! `records.csv` for the academy: UTF-8 with a BOM (Excel then reads
//! Cyrillic right), CRLF line ends, one row per learner × module, and no
//! cell that a spreadsheet would take for a formula.
use std::fmt::Write;

use super::data::Report;
use super::html::machine;

pub const COLUMNS: [&str; 15] = [
    "learner_id",
    "name",
    "organisation",
    "region",
    "locale",
    "module",
    "module_title",
    "pages_seen",
    "pages",
    "completed",
    "best_score",
    "pre_test",
    "post_test",
    "passed",
    "last_activity",
];

/// One cell: a leading `'` before `= + - @`, tab or CR (formula injection),
/// quoted when it holds a comma, a quote or a line end.
pub fn cell(out: &mut String, value: &str) {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        cell(out, c);
    }
    out.push_str("\r\n");
}

pub fn records(r: &Report) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &COLUMNS);
    let flag = |b: bool| if b { "1" } else { "0" };
    let opt = |v: Option<f64>| v.map(machine).unwrap_or_default();
    for (li, l) in r.learners.iter().enumerate() {
        for (mi, m) in r.modules.iter().enumerate() {
            let c = &r.cells[li][mi];
            let mut seen = String::new();
            let _ = write!(seen, "{}", c.pages_seen);
            row(
                &mut out,
                &[
                    &l.id,
                    &l.name,
                    &l.organisation,
                    &l.region,
                    &l.locale,
                    &m.id,
                    &m.title,
                    &seen,
                    &c.pages.to_string(),
                    flag(c.completed),
                    &opt(c.best),
                    &opt(c.pre),
                    &opt(c.post),
                    flag(c.status == super::data::Status::Passed),
                    c.last.as_deref().unwrap_or(""),
                ],
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(v: &str) -> String {
        let mut s = String::new();
        cell(&mut s, v);
        s
    }

    #[test]
    fn formulas_are_defused_and_quotes_doubled() {
        assert_eq!(one("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(one("+7 999"), "'+7 999");
        assert_eq!(one("-1"), "'-1");
        assert_eq!(one("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(one("\tx"), "'\tx");
        assert_eq!(one("a, b"), "\"a, b\"");
        assert_eq!(one("Иванов"), "Иванов");
        assert_eq!(one("two\nlines"), "\"two\nlines\"");
    }
}

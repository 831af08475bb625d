//! `darslik verify`: a SCORM zip checked as Moodle would, or a copied
//! bundle against its SHA256SUMS; names from the zip or folder printed with
//! control characters escaped.

use std::path::Path;

use super::error;
use crate::msg;
use crate::output;

pub fn verify(path: &Path) -> i32 {
    use output::scorm::verify::{self, Limits, Target, printable};
    // Opened first and checked on the open file: a FIFO or a device is
    // refused before anything is read from it.
    let file = match verify::open(path) {
        Ok(Target::Folder) => return verify_bundle(path),
        Ok(Target::File(file)) => file,
        Err(why) => {
            error(msg!("cli-as-is", text = printable(&why.local())));
            return 2;
        }
    };
    let problems = verify::check_zip(file, &Limits::DEFAULT);
    // Names and messages come from the zip: never written raw to a terminal.
    for p in &problems {
        let sev = crate::diag::Msg::new(if p.is_error() {
            "diag-error"
        } else {
            "diag-warning"
        })
        .local();
        let local = p.text.local();
        let message = printable(&local);
        match &p.file {
            Some(f) => println!("{sev}[{}]: {message} ({})", p.code, printable(f)),
            None => println!("{sev}[{}]: {message}", p.code),
        }
    }
    let shown = path.display().to_string();
    let shown = printable(&shown);
    let errors = problems.iter().filter(|p| p.is_error()).count();
    if errors == 0 {
        println!(
            "{}",
            msg!("cli-verify-ready", file = shown, warnings = problems.len()).local()
        );
        0
    } else {
        println!(
            "{}",
            msg!("cli-verify-rejected", file = shown, errors = errors).local()
        );
        1
    }
}

fn verify_bundle(dir: &Path) -> i32 {
    use output::scorm::verify::printable;
    // File names come from the folder (and SHA256SUMS): printed escaped.
    match output::bundle::verify(dir) {
        Err(why) => {
            error(msg!("cli-as-is", text = printable(&why)));
            2
        }
        Ok(report) => {
            let lists = [
                (&report.missing, "cli-verify-missing"),
                (&report.changed, "cli-verify-changed"),
                (&report.extra, "cli-verify-extra"),
                (&report.not_plain, "cli-verify-not-plain"),
            ];
            for (files, id) in lists {
                for f in files {
                    let line = crate::diag::Msg::new(id).arg("file", printable(f));
                    println!("{}", line.local());
                }
            }
            let shown = dir.display().to_string();
            let shown = printable(&shown);
            if report.is_whole() {
                println!("{}", msg!("cli-verify-whole", dir = shown).local());
                0
            } else {
                let line = msg!(
                    "cli-verify-not-whole",
                    dir = shown,
                    missing = report.missing.len(),
                    changed = report.changed.len(),
                    extra = report.extra.len(),
                    not_plain = report.not_plain.len()
                );
                println!("{}", line.local());
                1
            }
        }
    }
}

//! `darslik verify`: a SCORM zip checked as Moodle would, or a copied
//! bundle against its SHA256SUMS; names from the zip or folder printed with
//! control characters escaped.

use std::path::Path;

use crate::output;

pub fn verify(path: &Path) -> i32 {
    use output::scorm::verify::{self, Limits, Target, printable};
    // Opened first and checked on the open file: a FIFO or a device is
    // refused before anything is read from it.
    let file = match verify::open(path) {
        Ok(Target::Folder) => return verify_bundle(path),
        Ok(Target::File(file)) => file,
        Err(msg) => {
            eprintln!("error: {}", printable(&msg));
            return 2;
        }
    };
    let problems = verify::check_zip(file, &Limits::DEFAULT);
    // Names and messages come from the zip: never written raw to a terminal.
    for p in &problems {
        let sev = if p.is_error() { "error" } else { "warning" };
        let message = printable(&p.message);
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
            "{shown}: ready for Moodle ({} warning{})",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        0
    } else {
        println!(
            "{shown}: Moodle would reject this package or fail to track it ({errors} error{})",
            if errors == 1 { "" } else { "s" }
        );
        1
    }
}

fn verify_bundle(dir: &Path) -> i32 {
    use output::scorm::verify::printable;
    // File names come from the folder (and SHA256SUMS): printed escaped.
    match output::bundle::verify(dir) {
        Err(msg) => {
            eprintln!("error: {}", printable(&msg));
            2
        }
        Ok(report) => {
            for f in &report.missing {
                println!("missing: {}", printable(f));
            }
            for f in &report.changed {
                println!("changed: {}", printable(f));
            }
            for f in &report.extra {
                println!("extra:   {}", printable(f));
            }
            for f in &report.not_plain {
                println!("not a plain file: {}", printable(f));
            }
            let shown = dir.display().to_string();
            let shown = printable(&shown);
            if report.is_whole() {
                println!("{shown}: every file is present and unchanged");
                0
            } else {
                let not_plain = match report.not_plain.len() {
                    0 => String::new(),
                    n => format!(", {n} not a plain file"),
                };
                println!(
                    "{shown}: this copy is not whole ({} missing, {} changed, {} extra{not_plain}); copy the bundle again",
                    report.missing.len(),
                    report.changed.len(),
                    report.extra.len(),
                );
                1
            }
        }
    }
}

//! `darslik xliff export` / `import` (SPEC §10): a locale's translatable
//! text as an XLIFF 2.1 file for a translation agency's CAT tool, and the
//! file back into the course.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{hint, print_diagnostics};
use crate::diag::Msg;
use crate::msg;

#[derive(Subcommand, Debug)]
pub enum XliffCommand {
    /// Write one locale's translatable text as an XLIFF 2.1 file for a CAT tool
    Export {
        #[arg(long)]
        locale: String,
        #[arg(long, default_value = ".")]
        course: PathBuf,
        /// The file to write (default <course-id>.<locale>.xlf here; - for standard output)
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the translations of an XLIFF 2.1 file back into the course (all or nothing)
    Import {
        file: PathBuf,
        #[arg(long, default_value = ".")]
        course: PathBuf,
    },
}

/// `error: <message>`, with anything a terminal would act on (from the
/// XLIFF file or the course) written out.
fn error(m: Msg) {
    eprintln!(
        "{}: {}",
        msg!("diag-error").local(),
        crate::diag::terminal_safe(&m.local())
    );
}

pub fn run(cmd: XliffCommand) -> i32 {
    match cmd {
        XliffCommand::Export {
            locale,
            course,
            out,
        } => export(&course, &locale, out.as_deref()),
        XliffCommand::Import { file, course } => import(&course, &file),
    }
}

fn load(root: &Path) -> Result<crate::course::Course, i32> {
    match crate::course::load(root) {
        Ok((course, _)) => Ok(course),
        Err(d) => {
            print_diagnostics(&d);
            Err(1)
        }
    }
}

fn export(root: &Path, locale: &str, out: Option<&Path>) -> i32 {
    let course = match load(root) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let doc = match crate::xliff::export::export(&course, locale) {
        Ok(d) => d,
        Err(problems) => {
            for m in problems {
                error(m);
            }
            return 1;
        }
    };
    let text = crate::xliff::xml::write(&doc);
    let units: usize = doc.files.iter().map(|f| f.units.len()).sum();
    let default = PathBuf::from(format!("{}.{locale}.xlf", course.config.id));
    let path = out.unwrap_or(&default);
    if path == Path::new("-") {
        print!("{text}");
        return 0;
    }
    if let Err(e) = std::fs::write(path, text.as_bytes()) {
        error(msg!(
            "cli-cannot-write",
            file = path.display().to_string(),
            reason = e.to_string()
        ));
        return 1;
    }
    eprintln!(
        "{}",
        msg!(
            "xliff-exported",
            file = path.display().to_string(),
            units = units,
            files = doc.files.len()
        )
        .local()
    );
    0
}

/// `FILE:line:column: message`.
fn at(file: &Path, text: &str, offset: usize, m: Msg) -> Msg {
    let (line, column) = crate::diag::line_col(text, offset);
    msg!(
        "xliff-at",
        file = file.display().to_string(),
        line = line,
        column = column,
        message = m.local()
    )
}

fn import(root: &Path, file: &Path) -> i32 {
    let course = match load(root) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let text = match std::fs::read(file) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                error(msg!("cli-not-utf8", file = file.display().to_string()));
                return 1;
            }
        },
        Err(e) => {
            error(msg!(
                "cli-cannot-read",
                file = file.display().to_string(),
                reason = e.to_string()
            ));
            return 1;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match crate::xliff::import::import(&course, text) {
        Err(problems) => {
            for p in &problems {
                error(at(file, text, p.at, p.msg.clone()));
            }
            error(msg!("xliff-nothing-written", count = problems.len()));
            1
        }
        Ok(outcome) => {
            for p in &outcome.skipped {
                eprintln!(
                    "{}: {}",
                    msg!("diag-warning").local(),
                    crate::diag::terminal_safe(&at(file, text, p.at, p.msg.clone()).local())
                );
            }
            for f in &outcome.written {
                println!(
                    "{}",
                    crate::diag::terminal_safe(&msg!("xliff-wrote", file = f).local())
                );
            }
            for f in &outcome.created {
                println!(
                    "{}",
                    crate::diag::terminal_safe(&msg!("xliff-made", file = f).local())
                );
            }
            println!(
                "{}",
                msg!(
                    "xliff-imported",
                    imported = outcome.imported,
                    unchanged = outcome.unchanged,
                    files = outcome.written.len() + outcome.created.len()
                )
                .local()
            );
            if outcome.imported > 0 {
                hint(msg!(
                    "xliff-next",
                    course = root.display().to_string(),
                    locale = outcome.locale.as_str()
                ));
            }
            0
        }
    }
}

//! `darslik translit`: Uzbek text between scripts, from a file or stdin,
//! Markdown- and Fluent-aware by the file's extension; `--review` lists the
//! words the conversion to Cyrillic guesses.

use std::path::{Path, PathBuf};

use super::error;
use crate::msg;
use crate::translit::{self, Exceptions, Kind, Script};

pub fn translit(to: Option<&str>, review: bool, course: Option<&Path>, files: &[PathBuf]) -> i32 {
    let ex = match exceptions(course) {
        Ok(ex) => ex,
        Err(code) => return code,
    };
    if review {
        return review_files(files, &ex);
    }
    let Some(script) = to.and_then(Script::from_tag) else {
        error(msg!("cli-translit-to"));
        return 2;
    };
    if files.len() > 1 {
        error(msg!("cli-translit-one-file"));
        return 2;
    }
    let file = files.first().map(PathBuf::as_path);
    let text = match file {
        Some(p) => match read(p) {
            Ok(t) => t,
            Err(code) => return code,
        },
        None => {
            let mut s = String::new();
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s) {
                error(msg!("cli-cannot-read-stdin", reason = e.to_string()));
                return 2;
            }
            s
        }
    };
    let kind = file.map_or(Kind::Plain, Kind::of);
    let out = match kind {
        Kind::Markdown => translit::markdown(&text, script, &ex),
        Kind::Fluent => {
            // Too deep to parse: say so instead of copying it unconverted.
            if let Err(e) = crate::i18n::depth::check(&text) {
                let name = file.map_or_else(String::new, |p| p.display().to_string());
                let d = crate::i18n::depth::diagnostic(&name, &std::sync::Arc::from(text), &e);
                eprint!("{}", d.render());
                return 1;
            }
            translit::fluent(&text, script, &ex)
        }
        Kind::Plain => translit::convert(&text, script, &ex),
    };
    print!("{out}");
    0
}

/// The built-in lists, and the course's exceptions and keep list: the
/// course of `--course`, else the current folder's when it has a course.toml.
fn exceptions(course: Option<&Path>) -> Result<Exceptions, i32> {
    let here = Path::new(".");
    let root = match course {
        Some(root) => root,
        None if here.join(crate::course::config::CONFIG_FILE).is_file() => here,
        None => return Ok(Exceptions::builtin()),
    };
    let mut diags = crate::diag::Diagnostics::default();
    let ex = crate::course::translit_exceptions(root, "uz-Cyrl", &mut diags);
    if diags.has_errors() {
        super::print_diagnostics(&diags);
        return Err(1);
    }
    Ok(ex)
}

fn read(p: &Path) -> Result<String, i32> {
    match std::fs::read(p).map(String::from_utf8) {
        Ok(Ok(t)) => Ok(t),
        Ok(Err(_)) => {
            error(msg!("cli-not-utf8", file = p.display().to_string()));
            Err(1)
        }
        Err(e) => {
            error(msg!(
                "cli-cannot-read",
                file = p.display().to_string(),
                reason = e.to_string()
            ));
            Err(2)
        }
    }
}

/// The `.md` and `.ftl` files of the named files and folders, in order.
fn review_list(files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for f in files {
        if f.is_dir() {
            let mut found: Vec<PathBuf> = walkdir::WalkDir::new(f)
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|p| Kind::of(p) != Kind::Plain)
                .collect();
            found.sort();
            out.extend(found);
        } else {
            out.push(f.clone());
        }
    }
    out
}

fn review_files(files: &[PathBuf], ex: &Exceptions) -> i32 {
    if files.is_empty() {
        error(msg!("cli-translit-review-what"));
        return 2;
    }
    let mut words = 0;
    let mut times = 0;
    // distinct guesses: lower-case word -> (reading, first place)
    let mut distinct: Vec<(String, String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for path in review_list(files) {
        let text = match read(&path) {
            Ok(t) => t,
            Err(code) => return code,
        };
        let kind = Kind::of(&path);
        let (counts, guesses) = translit::review(&text, kind, ex);
        words += counts.words;
        for g in guesses {
            let (line, col) = line_col(&text, g.offset);
            let place = format!("{}:{line}:{col}", path.display());
            println!("{place}: {} → {}", g.word, g.reading);
            times += 1;
            let key = g.word.to_lowercase();
            if seen.insert(key.clone()) {
                distinct.push((key, g.reading.to_lowercase(), place));
            }
        }
    }
    println!();
    println!(
        "# {}",
        msg!(
            "cli-translit-review-summary",
            count = distinct.len(),
            times = times,
            words = words
        )
        .local()
    );
    if !distinct.is_empty() {
        println!("# {}", msg!("cli-translit-review-paste").local());
        println!("[words]");
        distinct.sort();
        for (word, reading, place) in distinct {
            println!("{} = {}  # {place}", toml_str(&word), toml_str(&reading));
        }
    }
    0
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

//! The command line (SPEC §4). Exit status: 0 success, 1 the course has
//! errors, 2 wrong usage.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod help;
pub mod results;
mod translit;
mod verify;
mod xliff;

use translit::translit;
use verify::verify;

use crate::diag::{Diagnostics, Lang, Msg};
use crate::msg;
use crate::output::Format;
use crate::pipeline;

/// `error: <message>` on standard error, in the user's language.
pub(crate) fn error(m: Msg) {
    eprintln!("{}: {}", msg!("diag-error").local(), m.local());
}

/// `hint: <message>` on standard error, in the user's language.
pub(crate) fn hint(m: Msg) {
    eprintln!("{}: {}", msg!("diag-hint").local(), m.local());
}

/// The language asked for on the command line (`--lang X` or `--lang=X`,
/// before a `--`), read before clap parses so `--help` is in it too.
fn lang_arg(args: &[std::ffi::OsString]) -> Option<String> {
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let a = a.to_string_lossy();
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next().map(|v| v.to_string_lossy().into_owned());
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_string());
        }
    }
    None
}

#[derive(Parser, Debug)]
#[command(
    name = "darslik",
    version,
    about = "Builds Markdown + Fluent training courses into offline sites and SCORM packages"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of darslik's messages: en, ru, uz or uz-Cyrl (default: from
    /// DARSLIK_LANG, else LC_ALL, LC_MESSAGES or LANG, else en)
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the course into --out (default <course>/dist)
    Build {
        #[arg(long, default_value = ".")]
        course: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only these locales (default: all)
        #[arg(long = "locale")]
        locales: Vec<String>,
        /// Outputs to build: site, scorm12, scorm2004, bundle, single (default site,scorm12,scorm2004)
        #[arg(long = "format", value_delimiter = ',')]
        formats: Vec<Format>,
        /// Print only errors and warnings
        #[arg(long, short)]
        quiet: bool,
        /// Write the locales that have no errors even if others have some
        /// (exit status 1 names the locales left out)
        #[arg(long)]
        keep_going: bool,
    },
    /// Report every problem in the course without writing anything
    Check {
        #[arg(long, default_value = ".")]
        course: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: ReportFormat,
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
        /// Correct Uzbek apostrophes (oʻ gʻ with U+02BB, tutuq with U+02BC) in place first
        #[arg(long)]
        fix: bool,
    },
    /// Convert Uzbek text between scripts (Markdown and Fluent aware); stdin when no FILE
    Translit {
        #[arg(long, value_parser = ["uz-Cyrl", "uz-Latn", "uz-Latn-2026"], required_unless_present = "review")]
        to: Option<String>,
        /// List the words the conversion to Cyrillic guesses, to confirm them
        #[arg(long)]
        review: bool,
        /// The course whose exceptions and keep list apply
        #[arg(long)]
        course: Option<PathBuf>,
        file: Vec<PathBuf>,
    },
    /// Show, per locale and module, which translations are current, stale, unstamped or missing
    Status {
        #[arg(long, default_value = ".")]
        course: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: StatusFormat,
        /// With --format html: write the dashboard to FILE (default: print it)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Record that translated pages match the current source pages
    Stamp {
        #[arg(long, default_value = ".")]
        course: PathBuf,
        #[arg(long)]
        locale: String,
        /// Pages to stamp (all translated pages of the locale when none)
        pages: Vec<String>,
    },
    /// Preview the site on 127.0.0.1; rebuilds and reloads the page when files change
    Serve {
        #[arg(long, default_value = ".")]
        course: PathBuf,
        #[arg(long, default_value_t = 3000)]
        port: u16,
    },
    /// Make a small course in DIR that builds
    New { dir: PathBuf },
    /// Check a SCORM zip the way an academy's Moodle would (a pre-flight)
    Verify { path: PathBuf },
    /// Learners' results files: the register, the class report, certificates
    #[command(subcommand)]
    Results(results::ResultsCommand),
    /// Translation agencies: one locale's text as XLIFF 2.1 and back
    #[command(subcommand)]
    Xliff(xliff::XliffCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    Human,
    Json,
    /// A coverage dashboard for a translation coordinator (one HTML file)
    Html,
}

pub fn main() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = match lang_arg(&args) {
        Some(tag) => match Lang::from_tag(&tag) {
            Some(l) => l,
            None => {
                crate::diag::lang::set(Lang::from_env());
                error(msg!("cli-lang-unknown", tag = crate::diag::printable(&tag)));
                return 2;
            }
        },
        None => Lang::from_env(),
    };
    crate::diag::lang::set(lang);
    let parsed = help::localize(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(c) => c,
        Err(e) => {
            match help::error_text(&e, lang) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = e.print();
                }
            }
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    // Colours for a terminal; serve's reports go into a page, so none there.
    crate::diag::lang::set_color(
        std::io::IsTerminal::is_terminal(&std::io::stderr())
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && !matches!(cli.command, Command::Serve { .. }),
    );
    match cli.command {
        Command::Build {
            course,
            out,
            locales,
            formats,
            quiet,
            keep_going,
        } => build(
            crate::build::Request {
                root: &course,
                out,
                locales: &locales,
                formats: &formats,
                keep_going,
            },
            quiet,
        ),
        Command::Check {
            course,
            format,
            strict,
            fix,
        } => {
            if fix && let Err(code) = fix_apostrophes(&course) {
                return code;
            }
            check(&course, format, strict)
        }
        Command::Translit {
            to,
            review,
            course,
            file,
        } => translit(to.as_deref(), review, course.as_deref(), &file),
        Command::Verify { path } => verify(&path),
        Command::Results(cmd) => results::run(cmd),
        Command::Xliff(cmd) => xliff::run(cmd),
        Command::Serve { course, port } => crate::serve::serve(&course, port),
        Command::Status {
            course,
            format,
            out,
        } => status(&course, format, out.as_deref()),
        Command::Stamp {
            course,
            locale,
            pages,
        } => stamp(&course, &locale, &pages),
        Command::New { dir } => match crate::new::create(&dir) {
            Ok(files) => {
                let shown = dir.display().to_string();
                println!(
                    "{}",
                    msg!("cli-new-made", dir = &shown, count = files.len()).local()
                );
                println!(
                    "{}",
                    msg!(
                        "cli-new-next",
                        command = format!("darslik build --course {shown}")
                    )
                    .local()
                );
                0
            }
            Err(why) => {
                error(msg!(
                    "cli-new-failed",
                    dir = dir.display().to_string(),
                    reason = why.local()
                ));
                1
            }
        },
    }
}

fn print_diagnostics(d: &Diagnostics) {
    if !d.items.is_empty() {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(d.render().as_bytes());
    }
}

/// Tell that the course has errors and nothing was written.
fn course_failed(d: &Diagnostics, out: &Path) {
    print_diagnostics(d);
    error(msg!("cli-course-failed", out = out.display().to_string()));
}

fn build(req: crate::build::Request<'_>, quiet: bool) -> i32 {
    use crate::build::{Event, Failure, Plan, PlanError};
    let started = Instant::now();
    let say = |msg: String| {
        if !quiet {
            eprintln!("{msg}");
        }
    };
    say(format!(
        "darslik: {}",
        msg!("cli-build-start", course = req.root.display().to_string()).local()
    ));
    crate::timing::start();
    let out = req.out.clone().unwrap_or_else(|| req.root.join("dist"));
    let (plan, loaded) = match Plan::new(req) {
        Ok(p) => p,
        Err(PlanError::Usage(msg)) => {
            error(msg!("cli-as-is", text = msg));
            return 2;
        }
        Err(PlanError::Course(d)) => {
            course_failed(&d, &out);
            return 1;
        }
    };
    let out = plan.out.clone();
    let site = plan.wants(Format::Site);
    let events = |e: Event<'_>| match e {
        Event::Checked(d) => print_diagnostics(d),
        Event::Rendered {
            pages,
            locales,
            fallback_pages,
        } => say(format!(
            "  {}",
            msg!(
                "cli-build-rendered",
                pages = pages,
                count = locales.len(),
                locales = locales.join(", "),
                fallback = fallback_pages
            )
            .local()
        )),
    };
    let summary = match crate::build::run(plan, loaded, &events) {
        Ok(s) => s,
        Err(Failure::Io(msg)) => {
            error(msg!("cli-as-is", text = msg));
            error(msg!("cli-build-io", out = out.display().to_string()));
            return 1;
        }
        Err(Failure::Course(d)) => {
            course_failed(&d, &out);
            return 1;
        }
    };
    for (format, files) in &summary.written {
        say(format!(
            "  {}",
            msg!(
                "cli-build-wrote",
                dir = out.join(format.dir()).display().to_string(),
                files = *files
            )
            .local()
        ));
    }
    if !summary.left_out.is_empty() {
        let left: Vec<String> = summary
            .left_out
            .iter()
            .map(|(l, n)| msg!("cli-build-locale-errors", locale = l, errors = *n).local())
            .collect();
        error(msg!(
            "cli-build-left-out",
            left = left.join(", "),
            written = summary.locales.join(", ")
        ));
        return 1;
    }
    if summary.errors > 0 {
        error(msg!("cli-build-errors-unshown", errors = summary.errors));
        return 1;
    }
    if site {
        say(msg!(
            "cli-build-done",
            seconds = format!("{:.1}", started.elapsed().as_secs_f64()),
            index = out.join("site").join("index.html").display().to_string()
        )
        .local());
    }
    0
}

/// Everything `check` reports about the course at `root`.
fn check_all(root: &Path) -> Diagnostics {
    check_all_counted(root).0
}

/// Every problem of the course, and how many words of each generated
/// Cyrillic locale the transliteration guessed.
fn check_all_counted(root: &Path) -> (Diagnostics, Vec<crate::check::Guessed>) {
    match pipeline::load(root) {
        Err(d) => (d, Vec::new()),
        Ok((course, theme, messages, mut diags)) => {
            crate::timing::lap("load course and messages");
            let (bodies, body) = pipeline::bodies_for(&course, &theme, &messages, false);
            crate::timing::lap("parse pages");
            diags.extend(body);
            diags.extend(crate::check::translations(
                &course,
                &bodies,
                &theme.messages,
            ));
            crate::timing::lap("translation checks");
            let guessed = crate::check::guessed(&course);
            crate::timing::lap("transliteration guesses");
            (diags, guessed)
        }
    }
}

fn check(root: &Path, format: ReportFormat, strict: bool) -> i32 {
    crate::timing::start();
    let (mut diags, guessed) = check_all_counted(root);
    diags.sort();
    match format {
        ReportFormat::Json => {
            let mut v: serde_json::Value =
                serde_json::from_str(&diags.to_json()).unwrap_or_default();
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "translit".into(),
                    serde_json::to_value(&guessed).unwrap_or_default(),
                );
            }
            println!("{v}");
        }
        ReportFormat::Human => {
            print_diagnostics(&diags);
            for g in &guessed {
                eprintln!(
                    "{}",
                    msg!(
                        "cli-check-translit-guessed",
                        locale = g.locale.as_str(),
                        from = g.from.as_str(),
                        guessed = g.guessed,
                        words = g.words
                    )
                    .local()
                );
            }
            if diags.items.is_empty() {
                eprintln!("{}", msg!("cli-check-clean").local());
            }
        }
    }
    if diags.has_errors() || (strict && !diags.items.is_empty()) {
        1
    } else {
        0
    }
}

fn status(root: &Path, format: StatusFormat, out: Option<&Path>) -> i32 {
    let (course, _) = match crate::course::load(root) {
        Ok(c) => c,
        Err(d) => {
            print_diagnostics(&d);
            return 1;
        }
    };
    let s = crate::status::status(&course);
    match format {
        StatusFormat::Json => println!("{}", serde_json::to_string(&s).unwrap_or_default()),
        StatusFormat::Human => print!("{}", crate::status::render(&s)),
        StatusFormat::Html => {
            // The dashboard lists each translation's own problems too.
            let mut problems = check_all(root);
            problems.sort();
            let page =
                crate::status::html::page_with(&s, &problems.items, crate::diag::lang::current());
            match out {
                Some(path) => {
                    if let Err(e) = std::fs::write(path, page) {
                        error(msg!(
                            "cli-cannot-write",
                            file = path.display().to_string(),
                            reason = e.to_string()
                        ));
                        return 1;
                    }
                }
                None => print!("{page}"),
            }
        }
    }
    0
}

fn stamp(root: &Path, locale: &str, pages: &[String]) -> i32 {
    let (course, _) = match crate::course::load(root) {
        Ok(c) => c,
        Err(d) => {
            print_diagnostics(&d);
            return 1;
        }
    };
    match crate::stamp::stamp(&course, locale, pages) {
        Ok(changed) => {
            for f in &changed {
                println!("{}", msg!("cli-stamped-file", file = f).local());
            }
            println!("{}", msg!("cli-stamped", count = changed.len()).local());
            0
        }
        Err(errors) => {
            let mut d = Diagnostics::default();
            d.extend(errors);
            print_diagnostics(&d);
            1
        }
    }
}

fn fix_apostrophes(root: &Path) -> Result<(), i32> {
    let (course, _) = crate::course::load(root).map_err(|d| {
        print_diagnostics(&d);
        1
    })?;
    match crate::check::fix_apostrophes(&course) {
        Ok(changed) => {
            for (file, n) in &changed {
                eprintln!(
                    "{}",
                    msg!("cli-fixed-apostrophes", count = *n, file = file).local()
                );
            }
            Ok(())
        }
        Err(e) => {
            error(msg!("cli-fix-failed", reason = e.to_string()));
            Err(1)
        }
    }
}

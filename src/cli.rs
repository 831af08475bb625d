//! The command line (SPEC §4). Exit status: 0 success, 1 the course has
//! errors, 2 wrong usage.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::diag::Diagnostics;
use crate::output::scorm::manifest::ScormVersion;
use crate::output::{self, Format};
use crate::pipeline;
use crate::render;

#[derive(Parser, Debug)]
#[command(
    name = "darslik",
    version,
    about = "Builds Markdown + Fluent training courses into offline sites and SCORM packages"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
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
        #[arg(long, value_parser = ["uz-Cyrl", "uz-Latn", "uz-Latn-2026"])]
        to: String,
        file: Option<PathBuf>,
    },
    /// Show, per locale and module, which translations are current, stale, unstamped or missing
    Status {
        #[arg(long, default_value = ".")]
        course: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: ReportFormat,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
}

pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Build {
            course,
            out,
            locales,
            formats,
            quiet,
        } => build(&course, out, &locales, &formats, quiet),
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
        Command::Translit { to, file } => translit(&to, file.as_deref()),
        Command::Verify { path } => verify(&path),
        Command::Serve { course, port } => crate::serve::serve(&course, port),
        Command::Status { course, format } => status(&course, format),
        Command::Stamp {
            course,
            locale,
            pages,
        } => stamp(&course, &locale, &pages),
        Command::New { dir } => match crate::new::create(&dir) {
            Ok(files) => {
                println!(
                    "Made a new course in {} ({} files).",
                    dir.display(),
                    files.len()
                );
                println!("Build it with: darslik build --course {}", dir.display());
                0
            }
            Err(e) => {
                eprintln!("error: cannot make a course in {}: {e}", dir.display());
                1
            }
        },
    }
}

fn print_diagnostics(d: &Diagnostics) {
    if !d.items.is_empty() {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(crate::diag::terminal_safe(&d.render()).as_bytes());
    }
}

/// Tell that the course has errors and nothing was written.
fn course_failed(d: &Diagnostics, out: &Path) {
    print_diagnostics(d);
    // Only writing failed (a full disk, a read-only folder): the course is
    // fine, and saying it has errors would send the author looking for one.
    if d.errors().next().is_some() && d.errors().all(|e| e.code == "io") {
        eprintln!(
            "error: the output could not be written (see above); {} is unchanged",
            out.display()
        );
        return;
    }
    eprintln!(
        "error: the course has errors; nothing was written, {} is unchanged",
        out.display()
    );
}

fn build(
    root: &Path,
    out: Option<PathBuf>,
    only: &[String],
    formats: &[Format],
    quiet: bool,
) -> i32 {
    let started = Instant::now();
    let say = |msg: String| {
        if !quiet {
            eprintln!("{msg}");
        }
    };
    let out = out.unwrap_or_else(|| root.join("dist"));
    let mut formats: Vec<Format> = if formats.is_empty() {
        vec![Format::Site, Format::Scorm12, Format::Scorm2004]
    } else {
        formats.to_vec()
    };
    formats.sort();
    formats.dedup();
    say(format!("darslik: building {}", root.display()));
    // Each output is written beside its folder as soon as it is made (so a
    // large course is never all in memory at once; site pages as they are
    // rendered) and the new folders are swapped in together at the end, when
    // every output is good; on an error the staged ones are removed and the
    // previous output stays as it was.
    if let Err(msg) = output::write::check_out(root, &out) {
        eprintln!("error: {msg}");
        return 2;
    }
    // course.toml alone first: a wrong --locale is told at once, before any
    // page is read and before anything is written.
    crate::timing::start();
    let (mut config, config_diags) = match crate::course::load_config(root) {
        Ok(c) => c,
        Err(d) => {
            course_failed(&d, &out);
            return 1;
        }
    };
    let chosen = match pipeline::choose_locales(&mut config, only) {
        Ok(l) => l,
        Err(msg) => {
            eprintln!("error: {msg}");
            return 2;
        }
    };
    // Written beside --out, so it needs a parent: `--out .` is the folder
    // by its full name.
    let out = match output::write::absolute(&out) {
        Ok(abs) if out.file_name().is_none() => abs,
        _ => out,
    };
    // One build writes into an output folder at a time; every format goes
    // into one new folder that takes --out's place at the end.
    let outputs = match output::write::Outputs::begin(&out) {
        Ok(Ok(o)) => o,
        Ok(Err(msg)) => {
            eprintln!("error: {msg}");
            return 1;
        }
        Err(e) => {
            eprintln!("error: cannot write into {}: {e}", out.display());
            return 1;
        }
    };
    let begin_stage = |format: Format| {
        outputs
            .stage(format.dir())
            .map_err(|e| format!("cannot write {}: {e}", out.join(format.dir()).display()))
    };
    let mut site_stage: Option<output::write::Staged> = None;
    let streams = formats.contains(&Format::Site) && !formats.contains(&Format::Bundle);
    if streams {
        match begin_stage(Format::Site) {
            Ok(s) => site_stage = Some(s),
            Err(msg) => {
                eprintln!("error: {msg}");
                return 1;
            }
        }
    }
    // The SCORM packages (and single files) are made before the site. SCORM
    // module documents are made module by module while the pages are
    // rendered (unless single files need the bodies too): the bodies of a
    // large course's documents are never all in memory.
    let wants_scorm = formats
        .iter()
        .any(|f| matches!(f, Format::Scorm12 | Format::Scorm2004 | Format::Bundle));
    let streams_docs = wants_scorm && !formats.contains(&Format::Single);
    let mut module_docs: Option<output::scorm::package::ModuleDocs> =
        streams_docs.then(Default::default);
    let chosen_list: Vec<&str> = chosen.iter().map(String::as_str).collect();
    let mut hook = |done: pipeline::ModuleDone<'_>| {
        if let Some(docs) = module_docs.as_mut() {
            docs.add(
                done.course,
                done.theme,
                done.messages,
                done.site,
                &done.docs,
                &chosen_list,
                &[done.module],
            );
        }
    };
    let hook: Option<pipeline::ModuleHook<'_>> = if streams_docs { Some(&mut hook) } else { None };
    // A build of the site alone renders no module documents.
    let needs_docs = wants_scorm || formats.contains(&Format::Single);
    let prepared = pipeline::prepare_locales(
        root,
        (config, config_diags),
        chosen.clone(),
        hook,
        needs_docs,
    );
    let mut built = match prepared {
        Ok(b) => b,
        Err(d) => {
            course_failed(&d, &out);
            return 1;
        }
    };
    print_diagnostics(&built.diagnostics);
    built.course.release_texts();
    crate::memory::release_free_memory();
    let locales = chosen;
    // Make every output first; write only when all of them are good. The
    // bundle is made from the site and SCORM trees.
    let locale_list: Vec<&str> = locales.iter().map(String::as_str).collect();
    let mut made: std::collections::BTreeMap<Format, output::Tree> =
        std::collections::BTreeMap::new();
    let mut failed = Diagnostics::default();
    let wants_bundle = formats.contains(&Format::Bundle);
    let needed =
        |format: Format| formats.contains(&format) || (wants_bundle && format != Format::Single);
    let versions: Vec<ScormVersion> = [ScormVersion::Scorm12, ScormVersion::Scorm2004]
        .into_iter()
        .filter(|v| needed(scorm_format(*v)))
        .collect();
    crate::timing::lap("checks");
    let mut staged: Vec<(Format, usize)> = Vec::new();
    let stage = |format: Format,
                 tree: &output::Tree,
                 staged: &mut Vec<(Format, usize)>|
     -> Result<(), String> {
        if !formats.contains(&format) {
            return Ok(());
        }
        begin_stage(format)?
            .write_tree(tree)
            .map_err(|e| format!("cannot write {}: {e}", out.join(format.dir()).display()))?;
        staged.push((format, tree.len()));
        crate::timing::lap(&format!("write {}", format.dir()));
        Ok(())
    };
    let mut written = Ok(());
    if !versions.is_empty() && written.is_ok() {
        // Without a bundle to make from them, each zip is written as soon as
        // it is made (not all of them held in memory).
        let mut zip_stages: Vec<(ScormVersion, output::write::Staged)> = Vec::new();
        if !wants_bundle {
            for v in &versions {
                let format = scorm_format(*v);
                if !formats.contains(&format) {
                    continue;
                }
                match begin_stage(format) {
                    Ok(s) => zip_stages.push((*v, s)),
                    Err(msg) => written = Err(msg),
                }
            }
        }
        let zip_counts: Vec<std::sync::atomic::AtomicUsize> =
            zip_stages.iter().map(|_| Default::default()).collect();
        let zip_sink = |v: ScormVersion, name: &str, bytes: &[u8]| -> std::io::Result<()> {
            match zip_stages.iter().position(|(sv, _)| *sv == v) {
                Some(i) => {
                    zip_counts[i].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    zip_stages[i].1.write(name, bytes)
                }
                None => Ok(()),
            }
        };
        let sink: Option<output::scorm::package::ZipSink<'_>> =
            if wants_bundle { None } else { Some(&zip_sink) };
        let result = if written.is_ok() {
            output::scorm::package::all_packages(
                &built,
                module_docs.take(),
                &versions,
                &locale_list,
                sink,
            )
        } else {
            Ok(Default::default())
        };
        match result {
            Ok(mut trees) => {
                for ((v, _), count) in zip_stages.into_iter().zip(zip_counts) {
                    staged.push((scorm_format(v), count.into_inner()));
                    crate::timing::lap(&format!("write {}", scorm_format(v).dir()));
                }
                for v in &versions {
                    if let Some(t) = trees.remove(v.dir_name()).filter(|t| !t.is_empty()) {
                        written = written.and_then(|_| stage(scorm_format(*v), &t, &mut staged));
                        if wants_bundle {
                            made.insert(scorm_format(*v), t);
                        }
                    }
                }
            }
            Err(d) => failed.extend(d),
        }
    }
    if needed(Format::Single) && written.is_ok() {
        match output::single::tree(&built, &locale_list) {
            Ok(t) => written = written.and_then(|_| stage(Format::Single, &t, &mut staged)),
            Err(d) => failed.extend(d),
        }
    }
    // The module documents' bodies are no longer needed.
    built.bodies.docs = Default::default();
    crate::memory::release_free_memory();
    if needed(Format::Site) && written.is_ok() && !failed.has_errors() {
        let sink = |path: &str, bytes: &[u8]| match &site_stage {
            Some(s) => s.write(path, bytes),
            None => Ok(()),
        };
        let sink: Option<render::PageSink<'_>> = if streams { Some(&sink) } else { None };
        if let Err(d) = pipeline::render_site(&mut built, sink) {
            course_failed(&d, &out);
            return 1;
        }
        let fallback_pages = built
            .rendered
            .pages
            .iter()
            .filter(|p| p.locale != p.content_locale)
            .count();
        say(format!(
            "  rendered {} pages in {} locales ({}){}",
            built.rendered.pages.len(),
            locales.len(),
            locales.join(", "),
            if fallback_pages > 0 {
                format!(", {fallback_pages} shown in a fallback language")
            } else {
                String::new()
            }
        ));
        crate::memory::release_free_memory();
        if let Some(s) = site_stage.take() {
            // The pages are written; the rest of the site now.
            let pages = built.rendered.pages.len();
            match output::site::tree_without_pages(&built.rendered) {
                Ok(t) => match s.write_tree(&t) {
                    Ok(()) => {
                        staged.push((Format::Site, pages + t.len()));
                        crate::timing::lap("write site");
                    }
                    Err(e) => written = Err(format!("cannot write the site: {e}")),
                },
                Err(d) => failed.push(d),
            }
        } else if needed(Format::Site) {
            match output::site::take_tree(&mut built.rendered) {
                Ok(t) => {
                    written = written.and_then(|_| stage(Format::Site, &t, &mut staged));
                    if wants_bundle {
                        made.insert(Format::Site, t);
                    }
                }
                Err(d) => failed.push(d),
            }
        }
    }
    if wants_bundle && !failed.has_errors() && written.is_ok() {
        let parts = made
            .iter()
            .filter(|(f, _)| matches!(f, Format::Site | Format::Scorm12 | Format::Scorm2004))
            .map(|(f, t)| (f.dir(), t))
            .collect();
        match output::bundle::tree(&built, &parts, &locale_list) {
            Ok(t) => written = written.and_then(|_| stage(Format::Bundle, &t, &mut staged)),
            Err(d) => failed.extend(d),
        }
    }
    // On an error, staged folders are removed as they are dropped.
    if let Err(msg) = written {
        eprintln!("error: {msg}");
        return 1;
    }
    if failed.has_errors() {
        course_failed(&failed, &out);
        return 1;
    }
    if let Err(e) = outputs.commit() {
        eprintln!("error: cannot write {}: {e}", out.display());
        return 1;
    }
    for (format, files) in staged {
        say(format!(
            "  wrote {} ({files} files)",
            out.join(format.dir()).display()
        ));
    }
    crate::timing::lap("swap outputs in");
    if formats.contains(&Format::Site) {
        say(format!(
            "Done in {:.1} s. Open {} in a browser.",
            started.elapsed().as_secs_f64(),
            out.join("site").join("index.html").display()
        ));
    }
    0
}

fn check(root: &Path, format: ReportFormat, strict: bool) -> i32 {
    crate::timing::start();
    let diags = match pipeline::load(root) {
        Err(d) => d,
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
            diags
        }
    };
    let mut diags = diags;
    diags.sort();
    match format {
        ReportFormat::Json => println!("{}", diags.to_json()),
        ReportFormat::Human => {
            print_diagnostics(&diags);
            if diags.items.is_empty() {
                eprintln!("No problems found.");
            }
        }
    }
    if diags.has_errors() || (strict && !diags.items.is_empty()) {
        1
    } else {
        0
    }
}

fn scorm_format(v: ScormVersion) -> Format {
    match v {
        ScormVersion::Scorm12 => Format::Scorm12,
        ScormVersion::Scorm2004 => Format::Scorm2004,
    }
}

fn verify(path: &Path) -> i32 {
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

fn status(root: &Path, format: ReportFormat) -> i32 {
    let (course, _) = match crate::course::load(root) {
        Ok(c) => c,
        Err(d) => {
            print_diagnostics(&d);
            return 1;
        }
    };
    let s = crate::status::status(&course);
    match format {
        ReportFormat::Json => println!("{}", serde_json::to_string(&s).unwrap_or_default()),
        ReportFormat::Human => print!("{}", crate::status::render(&s)),
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
                println!("stamped {f}");
            }
            println!(
                "{} page{} stamped",
                changed.len(),
                if changed.len() == 1 { "" } else { "s" }
            );
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
                    "fixed {n} apostrophe{} in {file}",
                    if *n == 1 { "" } else { "s" }
                );
            }
            Ok(())
        }
        Err(e) => {
            eprintln!("error: cannot fix apostrophes: {e}");
            Err(1)
        }
    }
}

fn translit(to: &str, file: Option<&Path>) -> i32 {
    use crate::translit::{self, Exceptions, Script};
    let Some(script) = Script::from_tag(to) else {
        eprintln!("error: --to takes uz-Cyrl, uz-Latn or uz-Latn-2026");
        return 2;
    };
    let text = match file {
        Some(p) => match std::fs::read(p).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(_)) => {
                eprintln!("error: {} is not UTF-8 text", p.display());
                return 1;
            }
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", p.display());
                return 2;
            }
        },
        None => {
            let mut s = String::new();
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s) {
                eprintln!("error: cannot read standard input: {e}");
                return 2;
            }
            s
        }
    };
    let ex = Exceptions::builtin();
    let ext = file
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let out = match ext.as_deref() {
        Some("md") => translit::markdown(&text, script, &ex),
        Some("ftl") => {
            // Too deep to parse: say so instead of copying it unconverted.
            if let Err(e) = crate::i18n::depth::check(&text) {
                let name = file.map_or_else(String::new, |p| p.display().to_string());
                let d = crate::i18n::depth::diagnostic(&name, &std::sync::Arc::from(text), &e);
                eprint!("{}", d.render());
                return 1;
            }
            translit::fluent(&text, script, &ex)
        }
        _ => translit::convert(&text, script, &ex),
    };
    print!("{out}");
    0
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

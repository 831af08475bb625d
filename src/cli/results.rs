//! `darslik results ...` (SPEC §9): the trainer's register of learners'
//! results files, the class report, signed certificates.

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum ResultsCommand {
    /// Store learners' results files in the register (SQLite), each file all or nothing
    Add {
        /// Results files saved from the "My results" page
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, default_value = "records.sqlite")]
        db: PathBuf,
        /// Print only refusals and the totals
        #[arg(long, short)]
        quiet: bool,
    },
    /// Write the class report (HTML per locale, records.csv) or the statements for an LRS
    Report {
        #[arg(long, default_value = "records.sqlite")]
        db: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Only these locales (default: en, ru, uz, uz-Cyrl)
        #[arg(long = "locale")]
        locales: Vec<String>,
        #[arg(long, value_enum, default_value = "html")]
        format: ReportKind,
        #[arg(long, short)]
        quiet: bool,
    },
    /// Make an Ed25519 key pair: NAME.key (keep it secret) and NAME.pub
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a printable A4 certificate per learner and module passed
    Certificates {
        #[arg(long, default_value = "records.sqlite")]
        db: PathBuf,
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Only this module (default: every module a learner passed)
        #[arg(long)]
        module: Option<String>,
    },
    /// Check a certificate's verification code, or a certificate file, offline
    Verify {
        /// The code as printed (its groups may be separate words; spaces and
        /// dashes are ignored), or a certificate .html file
        #[arg(required = true, num_args = 1..)]
        code_or_file: Vec<String>,
        #[arg(long)]
        pubkey: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportKind {
    /// report-<locale>.html per locale and records.csv
    Html,
    /// statements.json: every statement, one JSON array (xAPI)
    Xapi,
}

/// Runs one `results` subcommand; the exit status.
pub fn run(cmd: ResultsCommand) -> i32 {
    match cmd {
        ResultsCommand::Add { files, db, quiet } => crate::results::add::run(&files, &db, quiet),
        ResultsCommand::Report {
            db,
            out,
            locales,
            format,
            quiet,
        } => crate::results::report::run(&db, &out, &locales, format, quiet),
        ResultsCommand::Keygen { out } => crate::results::cert::keygen(&out),
        ResultsCommand::Certificates {
            db,
            key,
            out,
            module,
        } => crate::results::cert::certificates(&db, &key, &out, module.as_deref()),
        ResultsCommand::Verify {
            code_or_file,
            pubkey,
        } => crate::results::cert::verify(&code_or_file.join(" "), &pubkey),
    }
}

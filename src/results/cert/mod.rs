//! `darslik results keygen | certificates | verify`.
//!
//! * `keygen`: an Ed25519 pair, `NAME.key` (secret, 0600) and `NAME.pub`
//!   ([`keys`]).
//! * `certificates`: one printable A4 page per learner and module passed
//!   ([`register`] finds them, [`page`] writes them in the learner's
//!   language, [`text`]), each with a verification code ([`code`]) in base32
//!   groups and as a QR code, and an `index.html` listing them.
//! * `verify`: a code as typed, or a certificate file, against a public key.

pub mod code;
pub mod keys;
pub mod page;
pub mod register;
pub mod text;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use code::{Claim, Invalid, day_of, key_id, key_id_hex, printable};
use text::Lang;

use crate::diag::Msg;
use crate::msg;
use crate::render::escape::escape_html;

/// `error: TEXT` (TEXT already in the user's words).
fn fail(text: impl Into<String>) {
    crate::cli::error(msg!("cli-as-is", text = text.into()));
}

pub fn keygen(out: &Path) -> i32 {
    match keys::generate(out) {
        Ok((key, public, id)) => {
            let key = key.display().to_string();
            let lines = [
                msg!("results-keygen-secret", file = &key),
                msg!("results-keygen-public", file = public.display().to_string()),
                msg!("results-keygen-id", id = id),
                msg!("results-keygen-signer", file = &key),
            ];
            for line in lines {
                println!("{}", line.local());
            }
            0
        }
        Err(e) => {
            fail(e);
            1
        }
    }
}

/// A name made safe as part of a file name on every system: path
/// separators, `<>:"/\|?*`, control and invisible direction characters
/// become `-`, spaces `-`, no leading dots, no trailing dots or spaces,
/// letters of any script kept, at most `max` characters (and twice as many
/// bytes, so a file name stays under the 255 bytes systems allow),
/// `fallback` if nothing is left.
pub fn safe_name(s: &str, max: usize, fallback: &str) -> String {
    let mut out = String::new();
    let mut last_dash = false;
    for c in s.chars() {
        let bad = c.is_control()
            || c.is_whitespace()
            || matches!(
                c,
                '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' | '\u{200b}'..='\u{200f}'
                    | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
            );
        if bad {
            if !last_dash && !out.is_empty() {
                out.push('-');
                last_dash = true;
            }
        } else if c == '.' && out.is_empty() {
            continue;
        } else if out.len() + c.len_utf8() > 2 * max {
            break;
        } else {
            out.push(c);
            last_dash = c == '-';
        }
        if out.chars().count() >= max {
            break;
        }
    }
    let out = out.trim_end_matches(['.', ' ', '-']).to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// The learner's name as signed and printed: control and direction-override
/// characters dropped, runs of white space made one space, trimmed.
pub fn clean_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|c| {
            !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        }));
    }
    out
}

/// The score (0..=100) in tenths of a point, rounded.
fn tenths(score: f64) -> Option<u16> {
    if score.is_finite() && (0.0..=100.0).contains(&score) {
        Some((score * 10.0).round() as u16)
    } else {
        None
    }
}

pub fn certificates(db: &Path, key: &Path, out: &Path, module: Option<&str>) -> i32 {
    match write_all(db, key, out, module) {
        Ok(code) => code,
        Err(e) => {
            fail(e);
            1
        }
    }
}

struct Written {
    file: String,
    name: String,
    organisation: String,
    module: String,
    module_title: String,
    date: String,
    score: String,
}

fn write_all(db: &Path, key_path: &Path, out: &Path, module: Option<&str>) -> Result<i32, String> {
    let (key, signer) = keys::read_secret(key_path)?;
    let signer = signer.map(|s| clean_name(&s).chars().take(160).collect::<String>());
    let conn = register::open(db)?;
    let found = register::passed(&conn, db, module)?;
    drop(conn);
    if let Some(m) = module
        && !found.modules.iter().any(|x| x == m)
    {
        let modules = if found.modules.is_empty() {
            msg!("results-cert-no-modules").local()
        } else {
            found
                .modules
                .iter()
                .map(|m| printable(m))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(msg!(
            "results-cert-no-module",
            db = db.display().to_string(),
            module = printable(m),
            modules = modules
        )
        .local());
    }
    std::fs::create_dir_all(out).map_err(|e| {
        msg!(
            "results-cannot-mkdir",
            dir = out.display().to_string(),
            reason = e.to_string()
        )
        .local()
    })?;

    let id = key_id_hex(key_id(&key.verifying_key()));
    let pub_name = keys::pair_paths(key_path)
        .1
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "NAME.pub".into());
    let mut used = HashSet::new();
    let mut written = Vec::new();
    let mut learners = HashSet::new();
    let mut refused = 0;
    for p in &found.passed {
        let name = clean_name(&p.name);
        let who = format!("{} ({})", printable(&name), printable(&p.learner));
        let Some(day) = day_of(&p.timestamp) else {
            fail(
                msg!(
                    "results-cert-bad-date",
                    who = &who,
                    module = printable(&p.module),
                    date = printable(&p.timestamp)
                )
                .local(),
            );
            refused += 1;
            continue;
        };
        let claim = Claim {
            course: p.course.clone(),
            version: p.version.clone(),
            module: p.module.clone(),
            name: name.clone(),
            day,
            score_tenths: p.score.and_then(tenths),
        };
        let signed = match code::sign(&claim, &key) {
            Ok(c) => c,
            Err(e) => {
                fail(
                    msg!(
                        "results-cert-cannot-sign",
                        who = &who,
                        module = printable(&p.module),
                        reason = e.to_string()
                    )
                    .local(),
                );
                refused += 1;
                continue;
            }
        };
        let id8: String = p.learner.chars().take(8).collect();
        let stem = format!(
            "{}-{}-{}",
            safe_name(&name, 60, "learner"),
            safe_name(&id8, 8, "learner"),
            safe_name(&p.module, 40, "module")
        );
        let mut file = format!("{stem}.html");
        let mut n = 2;
        while !used.insert(file.to_lowercase()) {
            file = format!("{stem}-{n}.html");
            n += 1;
        }
        let lang = Lang::of_locale(&p.locale);
        let sheet = page::Sheet {
            claim: &claim,
            code: &signed,
            lang,
            organisation: &clean_name(&p.organisation),
            course_title: &clean_name(&p.course_title),
            module_title: &clean_name(&p.module_title),
            key_id: &id,
            signer: signer.as_deref(),
            file_name: &file,
            pub_name: &pub_name,
        };
        let html = code::sign_page(&page::render(&sheet)?, &key)?;
        write_file(&out.join(&file), html.as_bytes())?;
        learners.insert(p.learner.clone());
        written.push(Written {
            file,
            name,
            organisation: clean_name(&p.organisation),
            module: p.module.clone(),
            module_title: clean_name(&p.module_title),
            date: claim.date_iso(),
            score: page::shown_score(&claim, Lang::En),
        });
    }
    write_file(&out.join("index.html"), index(&written, &id).as_bytes())?;
    for w in &written {
        let line = msg!(
            "results-cert-wrote",
            file = out.join(&w.file).display().to_string(),
            name = printable(&w.name),
            module = printable(&w.module)
        );
        println!("{}", line.local());
    }
    let only = module
        .map(|m| msg!("results-cert-only-module", module = printable(m)).local())
        .unwrap_or_default();
    let summary = msg!(
        "results-cert-summary",
        count = written.len(),
        learners = learners.len(),
        register = found.learners,
        module = only,
        list = out.join("index.html").display().to_string()
    );
    println!("{}", summary.local());
    if refused > 0 {
        eprintln!("{}", msg!("results-cert-refused", count = refused).local());
        return Ok(1);
    }
    Ok(0)
}

/// Writes through a temporary file and a rename, so a symlink or a
/// half-written file is never left in its place.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(format!(".{name}.darslik-tmp"));
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            msg!(
                "results-cannot-write",
                file = path.display().to_string(),
                reason = e.to_string()
            )
            .local()
        })
}

/// What a file name's link escapes (letters of any script are escaped as
/// UTF-8 by `utf8_percent_encode` anyway).
const HREF: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\'')
    .add(b'/')
    .add(b'\\')
    .add(b':')
    .add(b'&');

fn index(written: &[Written], key_id: &str) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Certificates · Сертификаты · Sertifikatlar</title>\n<style>\n\
         body {{ font-family: system-ui, \"DejaVu Sans\", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2733; }}\n\
         table {{ border-collapse: collapse; width: 100%; }} th, td {{ text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }}\n\
         td {{ overflow-wrap: anywhere; }} th {{ background: #f3f0e8; }} td.n {{ text-align: right; white-space: nowrap; }} td.d {{ white-space: nowrap; }}\n\
         @media print {{ a {{ color: inherit; text-decoration: none; }} }}\n\
         </style>\n</head>\n<body>\n<main>\n<h1>Certificates · Сертификаты · Sertifikatlar</h1>\n\
         <p>{} certificate(s), signed with key {}. Open one and print it on A4 (one page each).</p>\n",
        written.len(),
        escape_html(key_id)
    );
    h.push_str(
        "<table>\n<thead><tr><th scope=\"col\">Learner</th><th scope=\"col\">Organisation</th>\
         <th scope=\"col\">Module</th><th scope=\"col\">Date</th><th scope=\"col\">Score</th></tr></thead>\n<tbody>\n",
    );
    for w in written {
        let href: String = percent_encoding::utf8_percent_encode(&w.file, HREF).to_string();
        let _ = writeln!(
            h,
            "<tr><td><a href=\"{href}\">{}</a></td><td>{}</td><td>{} <small>({})</small></td><td class=\"d\">{}</td><td class=\"n\">{}</td></tr>",
            escape_html(&w.name),
            escape_html(&w.organisation),
            escape_html(&w.module_title),
            escape_html(&w.module),
            escape_html(&w.date),
            escape_html(&w.score),
        );
    }
    h.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    h
}

pub fn verify(code_or_file: &str, pubkey: &Path) -> i32 {
    let key = match keys::read_public(pubkey) {
        Ok(k) => k,
        Err(e) => {
            fail(e);
            return 2;
        }
    };
    let path = Path::new(code_or_file);
    // A code has only letters, digits, spaces and dashes.
    let looks_like_file = path.is_file() || code_or_file.contains(['.', '/', '\\']);
    let result = if looks_like_file {
        match read_page(path) {
            Ok(html) => verify_page(&html, &key),
            Err(e) => {
                fail(format!("{}: {e}", path.display()));
                return 2;
            }
        }
    } else {
        code::verify(code_or_file, &key).map_err(|e| e.to_string())
    };
    match result {
        Ok(claim) => {
            println!(
                "{}",
                msg!("results-verify-valid", claim = claim.summary()).local()
            );
            0
        }
        Err(why) => {
            println!("{}", msg!("results-verify-invalid", why = why).local());
            1
        }
    }
}

/// A certificate page's text: only a plain file of a sensible size (a
/// certificate is some 30 KB) is read.
fn read_page(path: &Path) -> Result<String, String> {
    const MAX: u64 = 4 << 20;
    let meta = std::fs::metadata(path).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::NotFound {
            msg!("results-why-no-file").local()
        } else {
            e.to_string()
        };
        msg!("results-page-unreadable", why = why).local()
    })?;
    if !meta.is_file() {
        return Err(msg!("results-page-not-file").local());
    }
    if meta.len() > MAX {
        return Err(msg!("results-page-too-large", bytes = meta.len()).local());
    }
    let bytes = std::fs::read(path)
        .map_err(|e| msg!("results-page-unreadable", why = e.to_string()).local())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Checks a certificate page: its code against the key, then every signed
/// value the page shows (attributes and text) against what was signed.
pub fn verify_page(html: &str, key: &ed25519_dalek::VerifyingKey) -> Result<Claim, String> {
    let r = page::read(html);
    let get = |list: &Vec<(String, Vec<String>)>, k: &str| -> Vec<String> {
        list.iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut codes: Vec<String> = get(&r.attrs, "code");
    codes.extend(get(&r.fields, "code"));
    let Some(first) = codes.first() else {
        return Err(msg!("results-page-no-code").local());
    };
    let first = code::normalise(first).map_err(|e| e.to_string())?;
    for c in &codes[1..] {
        if code::normalise(c).ok().as_deref() != Some(first.as_str()) {
            return Err(msg!("results-page-two-codes").local());
        }
    }
    let claim = code::verify(&first, key).map_err(|e: Invalid| e.to_string())?;
    let lang = r
        .lang
        .ok_or_else(|| msg!("results-page-lang-changed").local())?;
    let expect: [(&str, &str, String, String); 6] = [
        (
            "course",
            "results-field-course",
            claim.course.clone(),
            claim.course.clone(),
        ),
        (
            "version",
            "results-field-version",
            claim.version.clone(),
            claim.version.clone(),
        ),
        (
            "module",
            "results-field-module",
            claim.module.clone(),
            claim.module.clone(),
        ),
        (
            "name",
            "results-field-name",
            claim.name.clone(),
            claim.name.clone(),
        ),
        (
            "date",
            "results-field-date",
            claim.date_iso(),
            page::shown_date(&claim, lang),
        ),
        (
            "score",
            "results-field-score",
            claim.score_plain().unwrap_or_default(),
            page::shown_score(&claim, lang),
        ),
    ];
    for (field, what, attr_want, text_want) in expect {
        let attrs = get(&r.attrs, field);
        let texts = get(&r.fields, field);
        if texts.is_empty() {
            return Err(msg!(
                "results-page-field-gone",
                what = Msg::new(what).local(),
                want = printable(&text_want)
            )
            .local());
        }
        for shown in &texts {
            if *shown != text_want {
                return Err(msg!(
                    "results-page-field-shown",
                    what = Msg::new(what).local(),
                    found = printable(shown),
                    want = printable(&text_want)
                )
                .local());
            }
        }
        for a in &attrs {
            if *a != attr_want {
                return Err(msg!(
                    "results-page-field-held",
                    what = Msg::new(what).local(),
                    found = printable(a),
                    want = printable(&attr_want)
                )
                .local());
            }
        }
    }
    for d in &r.datetimes {
        if *d != claim.date_iso() {
            return Err(msg!(
                "results-page-field-held",
                what = msg!("results-field-date").local(),
                found = printable(d),
                want = claim.date_iso()
            )
            .local());
        }
    }
    if !code::page_is_signed(html, key) {
        return Err(msg!("results-page-changed").local());
    }
    Ok(claim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_names_stay_in_the_folder() {
        assert_eq!(safe_name("../../x", 60, "learner"), "x");
        assert_eq!(safe_name("..", 60, "learner"), "learner");
        assert_eq!(safe_name("a/b\\c:d", 60, "l"), "a-b-c-d");
        assert_eq!(safe_name("Дилноза  Каримова", 60, "l"), "Дилноза-Каримова");
        assert_eq!(safe_name("Oʻgʻil ", 60, "l"), "Oʻgʻil");
        assert_eq!(safe_name("name.", 60, "l"), "name");
        assert_eq!(safe_name("<script>", 60, "l"), "script");
        assert_eq!(safe_name(&"я".repeat(100), 60, "l").chars().count(), 60);
        assert_eq!(safe_name("\u{202e}evil", 60, "l"), "evil");
        assert_eq!(safe_name(&"名".repeat(100), 60, "l").len(), 120);
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_name("  Ann \n\t Lee\u{202e} "), "Ann Lee");
        assert_eq!(clean_name("a\u{0}b"), "a b");
    }

    #[test]
    fn scores_in_tenths() {
        assert_eq!(tenths(87.5), Some(875));
        assert_eq!(tenths(100.0), Some(1000));
        assert_eq!(tenths(100.5), None);
        assert_eq!(tenths(f64::NAN), None);
    }
}

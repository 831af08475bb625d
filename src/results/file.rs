//! A learner's results file: reading and checking it.
//!
//! The file (format 1, see the issue 21 contract) is read whole (at most
//! [`MAX_FILE_BYTES`]), parsed with serde_json and checked field by field into
//! typed structs. Every problem is a [`Refusal`] whose text names the field
//! (`statements[3].result.score.raw`), so a trainer can tell the learner or
//! the course's author what is wrong. Nothing here panics on any input.

use std::fmt;
use std::io::Read;
use std::path::Path;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::diag::Msg;
use crate::msg;

/// The only results format this darslik reads.
pub const FORMAT: u64 = 1;
/// A results file of a learner who finished a whole course is well under
/// 1 MB; anything above this is not one (and is not read into memory).
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Names, organisations, regions.
const MAX_DETAIL: usize = 300;
/// Titles, question texts, option texts.
const MAX_TEXT: usize = 2_000;
/// Ids, verbs, versions, timestamps.
const MAX_ID: usize = 500;
/// A response (a fill-in answer, a scenario path).
const MAX_RESPONSE: usize = 10_000;
/// Numbers of pages and attempts.
const MAX_COUNT: u64 = 1_000_000;

const VERB_PREFIX: &str = "http://adlnet.gov/expapi/verbs/";
const LEARNER_HOME: &str = "urn:darslik:learner";
const EXT_VERSION: &str = "urn:darslik:version";
const EXT_TEST: &str = "urn:darslik:test";
const EXT_ATTEMPT: &str = "urn:darslik:attempt";
const EXT_PAGES_SEEN: &str = "urn:darslik:pages-seen";
const EXT_PAGES: &str = "urn:darslik:pages";

/// A results file that passed every check.
#[derive(Debug, Clone)]
pub struct ResultsFile {
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    pub course: Course,
    pub learner: Learner,
    /// When the learner saved the file (ISO 8601 UTC).
    pub saved: String,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone)]
pub struct Course {
    pub id: String,
    pub version: String,
    pub title: String,
    /// `course.modules` as compact JSON (checked: each has id, title, pages).
    pub modules_json: String,
}

#[derive(Debug, Clone)]
pub struct Learner {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub region: String,
    pub locale: String,
}

/// What a statement records, from its object's activity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Question,
    Test,
    Scenario,
    Module,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Page => "page",
            Kind::Question => "question",
            Kind::Test => "test",
            Kind::Scenario => "scenario",
            Kind::Module => "module",
        }
    }

    fn of_type(iri: &str) -> Option<Kind> {
        Some(match iri {
            "http://adlnet.gov/expapi/activities/lesson" => Kind::Page,
            "http://adlnet.gov/expapi/activities/cmi.interaction" => Kind::Question,
            "http://adlnet.gov/expapi/activities/assessment" => Kind::Test,
            "http://adlnet.gov/expapi/activities/simulation" => Kind::Scenario,
            "http://adlnet.gov/expapi/activities/module" => Kind::Module,
            _ => return None,
        })
    }

    /// The verbs a statement of this kind may have.
    fn verbs(self) -> &'static [&'static str] {
        match self {
            Kind::Page => &["experienced"],
            Kind::Question => &["answered"],
            Kind::Test | Kind::Scenario => &["completed"],
            Kind::Module => &["passed", "failed", "completed", "progressed"],
        }
    }
}

/// One checked statement, in the register's columns.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Lowercase UUID.
    pub id: String,
    /// The short verb: experienced, answered, completed, passed, failed, progressed.
    pub verb: String,
    pub kind: Kind,
    /// The activity id minus `urn:darslik:<course>/`.
    pub object: String,
    /// The first path segment of `object`.
    pub module: String,
    pub test: Option<String>,
    pub attempt: Option<i64>,
    /// `result.score.raw`, 0 to 100.
    pub score: Option<f64>,
    pub success: Option<bool>,
    pub completion: Option<bool>,
    pub response: Option<String>,
    pub pages_seen: Option<i64>,
    pub pages: Option<i64>,
    /// `context.language`.
    pub locale: String,
    /// `context.extensions["urn:darslik:version"]`.
    pub version: String,
    pub timestamp: String,
    /// The statement as in the file, keys and texts untouched, without the
    /// spaces and line breaks between its tokens (so the same statement
    /// saved pretty-printed or compact is the same text).
    pub json: String,
    /// `object.definition.name`: (locale, name) pairs.
    pub names: Vec<(String, String)>,
    /// `object.definition` as compact JSON.
    pub definition: String,
}

/// Why a file is not added. The text says what to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The file could not be read at all.
    Unreadable(String),
    TooLarge(u64),
    /// Not UTF-8 text.
    NotText,
    /// Nothing in it (or only spaces).
    Empty,
    /// The JSON stops before it is complete (cut off).
    Truncated {
        line: usize,
        column: usize,
    },
    /// Not JSON, or JSON broken in the middle.
    Damaged {
        line: usize,
        column: usize,
        what: String,
    },
    /// Valid JSON, but not `"darslik": "results"`.
    NotResults(String),
    /// `format` above [`FORMAT`].
    Newer(u64),
    /// A field that breaks the format: its JSON path and the problem.
    Format {
        field: String,
        problem: String,
    },
}

impl Refusal {
    /// The refusal in darslik's words (the file's name is said before it).
    pub fn msg(&self) -> Msg {
        match self {
            Refusal::Unreadable(why) => msg!("results-refusal-unreadable", why = why),
            Refusal::TooLarge(bytes) => msg!(
                "results-refusal-too-large",
                mb = format!("{:.1}", *bytes as f64 / 1_048_576.0),
                max = MAX_FILE_BYTES / 1_048_576
            ),
            Refusal::NotText => msg!("results-refusal-not-text"),
            Refusal::Empty => msg!("results-refusal-empty"),
            Refusal::Truncated { line, column } => {
                msg!("results-refusal-truncated", line = *line, column = *column)
            }
            Refusal::Damaged { line, column, what } => msg!(
                "results-refusal-damaged",
                line = *line,
                column = *column,
                what = what
            ),
            Refusal::NotResults(why) => msg!("results-refusal-not-results", why = why),
            Refusal::Newer(format) => {
                msg!("results-refusal-newer", format = *format, reads = FORMAT)
            }
            Refusal::Format { field, problem } => {
                msg!("results-refusal-format", field = field, problem = problem)
            }
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().local())
    }
}

/// Reads and checks the results file at `path`.
pub fn read(path: &Path) -> Result<ResultsFile, Refusal> {
    let meta = std::fs::metadata(path).map_err(|e| Refusal::Unreadable(io_reason(&e)))?;
    if meta.is_dir() {
        return Err(Refusal::Unreadable(msg!("results-why-folder").local()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| Refusal::Unreadable(io_reason(&e)))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // A file that grows while it is read is still bounded.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refusal::Unreadable(io_reason(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(bytes.len() as u64));
    }
    parse(&bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => msg!("results-why-no-file").local(),
        std::io::ErrorKind::PermissionDenied => msg!("results-why-denied").local(),
        _ => e.to_string(),
    }
}

/// Checks the bytes of a results file.
pub fn parse(bytes: &[u8]) -> Result<ResultsFile, Refusal> {
    let sha256 = data_encoding::HEXLOWER.encode(&Sha256::digest(bytes));
    // A text editor may have added a BOM; the page never writes one.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(what) = binary_kind(body) {
        return Err(Refusal::NotResults(what.local()));
    }
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        // Cut in the middle of a character: the file ends there.
        Err(e) if e.error_len().is_none() => {
            let whole =
                std::str::from_utf8(&body[..e.valid_up_to()]).map_err(|_| Refusal::NotText)?;
            return Err(match serde_json::from_str::<Value>(whole) {
                Err(e) => json_refusal(&e),
                Ok(_) => {
                    let line = whole.lines().count().max(1);
                    let column = whole.lines().last().map_or(0, |l| l.chars().count());
                    Refusal::Truncated { line, column }
                }
            });
        }
        Err(_) => return Err(Refusal::NotText),
    };
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    // A results file, even a cut or damaged one, starts with `{`.
    if !text.trim_start().starts_with(['{', '[']) {
        return Err(Refusal::NotResults(msg!("results-why-not-json").local()));
    }
    let root: Value = serde_json::from_str(text).map_err(|e| json_refusal(&e))?;
    let Value::Object(root) = root else {
        return Err(Refusal::NotResults(msg!("results-why-not-object").local()));
    };
    match root.get("darslik") {
        Some(Value::String(s)) if s == "results" => {}
        Some(_) => {
            return Err(Refusal::NotResults(
                msg!("results-why-other-darslik").local(),
            ));
        }
        None => {
            return Err(Refusal::NotResults(msg!("results-why-no-darslik").local()));
        }
    }
    let format = match root.get("format") {
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => n,
            _ => return Err(bad("format", "expected the number 1", Some(v))),
        },
        None => return Err(missing("format")),
    };
    if format > FORMAT {
        return Err(Refusal::Newer(format));
    }

    let course = course(&root)?;
    let learner = learner(&root)?;
    let saved = timestamp(&root, "saved", "saved")?;
    let list = match root.get("statements") {
        Some(Value::Array(list)) => list,
        Some(v) => return Err(bad("statements", "expected a list", Some(v))),
        None => return Err(missing("statements")),
    };
    let spans = statement_spans(text).filter(|s| s.len() == list.len());
    let prefix = format!("urn:darslik:{}/", course.id);
    let mut statements = Vec::with_capacity(list.len());
    for (i, value) in list.iter().enumerate() {
        let json = match &spans {
            Some(spans) => minified(&text[spans[i].0..spans[i].1]),
            None => value.to_string(),
        };
        statements.push(statement(i, value, json, &prefix, &learner.id)?);
    }
    Ok(ResultsFile {
        sha256,
        course,
        learner,
        saved,
        statements,
    })
}

/// What a file that is not text at all is, in words a trainer can act on.
fn binary_kind(b: &[u8]) -> Option<Msg> {
    if b.starts_with(b"PK\x03\x04") {
        Some(msg!("results-why-zip"))
    } else if b.starts_with(b"SQLite format 3\0") {
        Some(msg!("results-why-sqlite"))
    } else if b.starts_with(b"%PDF") {
        Some(msg!("results-why-pdf"))
    } else if b.starts_with(b"\xFF\xFE") || b.starts_with(b"\xFE\xFF") {
        None // UTF-16 text: damaged (saved again by an editor)
    } else if b.iter().take(8192).any(|&c| c == 0) {
        Some(msg!("results-why-binary"))
    } else {
        None
    }
}

fn json_refusal(e: &serde_json::Error) -> Refusal {
    let (line, column) = (e.line(), e.column());
    if e.classify() == serde_json::error::Category::Eof {
        return Refusal::Truncated { line, column };
    }
    // serde_json's message ends with " at line L column C"; the refusal says
    // where itself.
    let full = e.to_string();
    let what = match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    };
    Refusal::Damaged { line, column, what }
}

fn course(root: &Map<String, Value>) -> Result<Course, Refusal> {
    let c = object(root, "course", "course")?;
    let id = id_text(c, "id", "course.id")?;
    if id.contains('/') || id.chars().any(char::is_whitespace) {
        return Err(bad(
            "course.id",
            "expected a course id (no spaces or slashes)",
            c.get("id"),
        ));
    }
    let version = id_text(c, "version", "course.version")?;
    let title = text(c, "title", "course.title", MAX_TEXT)?;
    let modules = match c.get("modules") {
        Some(Value::Array(m)) => m,
        Some(v) => return Err(bad("course.modules", "expected a list", Some(v))),
        None => return Err(missing("course.modules")),
    };
    for (i, m) in modules.iter().enumerate() {
        let path = format!("course.modules[{i}]");
        let Value::Object(m) = m else {
            return Err(bad(&path, "expected an object", Some(m)));
        };
        id_text(m, "id", &format!("{path}.id"))?;
        text(m, "title", &format!("{path}.title"), MAX_TEXT)?;
        count(m, "pages", &format!("{path}.pages"))?;
        if let Some(v) = m.get("mastery")
            && !v.is_null()
            && !v.as_f64().is_some_and(|n| (0.0..=100.0).contains(&n))
        {
            return Err(bad(
                &format!("{path}.mastery"),
                "expected a number from 0 to 100",
                Some(v),
            ));
        }
    }
    let modules_json = serde_json::to_string(modules).unwrap_or_default();
    Ok(Course {
        id,
        version,
        title,
        modules_json,
    })
}

fn learner(root: &Map<String, Value>) -> Result<Learner, Refusal> {
    let l = object(root, "learner", "learner")?;
    Ok(Learner {
        id: uuid(l, "id", "learner.id")?,
        name: text(l, "name", "learner.name", MAX_DETAIL)?,
        organisation: text(l, "organisation", "learner.organisation", MAX_DETAIL)?,
        region: text(l, "region", "learner.region", MAX_DETAIL)?,
        locale: locale(l, "locale", "learner.locale")?,
    })
}

fn statement(
    i: usize,
    value: &Value,
    json: String,
    prefix: &str,
    learner: &str,
) -> Result<Statement, Refusal> {
    let at = |field: &str| format!("statements[{i}].{field}");
    let Value::Object(s) = value else {
        return Err(bad(
            &format!("statements[{i}]"),
            "expected an object",
            Some(value),
        ));
    };
    let id = uuid(s, "id", &at("id"))?;

    let actor = object(s, "actor", &at("actor"))?;
    let account = object(actor, "account", &at("actor.account"))?;
    let home = id_text(account, "homePage", &at("actor.account.homePage"))?;
    if home != LEARNER_HOME {
        return Err(bad(
            &at("actor.account.homePage"),
            &msg!(
                "results-expected-one-of",
                values = format!("\"{LEARNER_HOME}\"")
            )
            .local(),
            account.get("homePage"),
        ));
    }
    if uuid(account, "name", &at("actor.account.name"))? != learner {
        return Err(bad(
            &at("actor.account.name"),
            "not the file's learner.id (a statement of another learner)",
            account.get("name"),
        ));
    }

    let verb = object(s, "verb", &at("verb"))?;
    let verb_id = id_text(verb, "id", &at("verb.id"))?;
    let short = verb_id.strip_prefix(VERB_PREFIX).unwrap_or("");

    let object_ = object(s, "object", &at("object"))?;
    let object_id = id_text(object_, "id", &at("object.id"))?;
    let local = match object_id.strip_prefix(prefix) {
        Some(rest) if is_activity_path(rest) => rest.to_string(),
        _ => {
            return Err(bad(
                &at("object.id"),
                &msg!(
                    "results-expected-activity",
                    id = format!("\"{prefix}<module>/…\"")
                )
                .local(),
                object_.get("id"),
            ));
        }
    };
    let module = local.split('/').next().unwrap_or_default().to_string();
    let definition = object(object_, "definition", &at("object.definition"))?;
    let type_ = id_text(definition, "type", &at("object.definition.type"))?;
    let Some(kind) = Kind::of_type(&type_) else {
        return Err(bad(
            &at("object.definition.type"),
            "not one of the activity types of a results file (lesson, cmi.interaction, \
             assessment, simulation, module)",
            definition.get("type"),
        ));
    };
    if !kind.verbs().contains(&short) {
        return Err(bad(
            &at("verb.id"),
            &msg!(
                "results-expected-verb",
                kind = kind.as_str(),
                verbs = kind
                    .verbs()
                    .iter()
                    .map(|v| format!("\"{VERB_PREFIX}{v}\""))
                    .collect::<Vec<_>>()
                    .join(&format!(" {} ", msg!("results-or").local()))
            )
            .local(),
            verb.get("id"),
        ));
    }
    let names = names(definition, &at("object.definition.name"))?;
    if kind == Kind::Question {
        let path = at("object.definition.interactionType");
        let t = id_text(definition, "interactionType", &path)?;
        if !matches!(
            t.as_str(),
            "choice" | "matching" | "sequencing" | "fill-in" | "numeric"
        ) {
            return Err(bad(
                &path,
                "expected choice, matching, sequencing, fill-in or numeric",
                definition.get("interactionType"),
            ));
        }
        for list in ["choices", "source", "target"] {
            options(definition, list, &at(&format!("object.definition.{list}")))?;
        }
    }
    let definition_json = serde_json::to_string(definition).unwrap_or_default();

    let context = object(s, "context", &at("context"))?;
    let locale = locale(context, "language", &at("context.language"))?;
    let ext = object(context, "extensions", &at("context.extensions"))?;
    let version = id_text(
        ext,
        EXT_VERSION,
        &at(&format!("context.extensions.{EXT_VERSION}")),
    )?;
    let timestamp = timestamp(s, "timestamp", &at("timestamp"))?;

    let mut st = Statement {
        id,
        verb: short.to_string(),
        kind,
        object: local,
        module,
        test: None,
        attempt: None,
        score: None,
        success: None,
        completion: None,
        response: None,
        pages_seen: None,
        pages: None,
        locale,
        version,
        timestamp,
        json,
        names,
        definition: definition_json,
    };

    // The test and attempt, for answers and test attempts.
    if matches!(kind, Kind::Question | Kind::Test) {
        let path = at(&format!("context.extensions.{EXT_TEST}"));
        let test = id_text(ext, EXT_TEST, &path)?;
        let allowed: &[&str] = if kind == Kind::Question {
            &["practice", "pre-test", "post-test", "graded"]
        } else {
            &["pre-test", "post-test", "graded"]
        };
        if !allowed.contains(&test.as_str()) {
            return Err(bad(
                &path,
                &msg!("results-expected-one-of", values = allowed.join(", ")).local(),
                ext.get(EXT_TEST),
            ));
        }
        if test != "practice" {
            let path = at(&format!("context.extensions.{EXT_ATTEMPT}"));
            let n = count(ext, EXT_ATTEMPT, &path)?;
            if n == 0 {
                return Err(bad(&path, "expected 1, 2, …", ext.get(EXT_ATTEMPT)));
            }
            st.attempt = Some(n);
        }
        st.test = Some(test);
    }

    // The result.
    let result = match s.get("result") {
        None | Some(Value::Null) => None,
        Some(Value::Object(r)) => Some(r),
        Some(v) => return Err(bad(&at("result"), "expected an object", Some(v))),
    };
    if kind == Kind::Page {
        return Ok(st);
    }
    let Some(result) = result else {
        return Err(missing(&at("result")));
    };
    let r = |field: &str| at(&format!("result.{field}"));
    st.score = score(result, &r("score"))?;
    st.success = flag(result, "success", &r("success"))?;
    st.completion = flag(result, "completion", &r("completion"))?;
    match result.get("response") {
        None | Some(Value::Null) => {}
        Some(Value::String(t)) => {
            if t.chars().count() > MAX_RESPONSE {
                return Err(too_long(&r("response"), MAX_RESPONSE));
            }
            st.response = Some(t.clone());
        }
        Some(v) => return Err(bad(&r("response"), "expected text", Some(v))),
    }
    match kind {
        Kind::Question => {
            if st.response.is_none() {
                return Err(missing(&r("response")));
            }
            if st.success.is_none() {
                return Err(missing(&r("success")));
            }
        }
        Kind::Test => {
            if st.score.is_none() {
                return Err(missing(&r("score")));
            }
        }
        Kind::Scenario => {
            if st.response.is_none() {
                return Err(missing(&r("response")));
            }
        }
        Kind::Module => {
            if st.completion.is_none() {
                return Err(missing(&r("completion")));
            }
            let ext = object(result, "extensions", &r("extensions"))?;
            st.pages_seen = Some(count(
                ext,
                EXT_PAGES_SEEN,
                &r(&format!("extensions.{EXT_PAGES_SEEN}")),
            )?);
            st.pages = Some(count(
                ext,
                EXT_PAGES,
                &r(&format!("extensions.{EXT_PAGES}")),
            )?);
        }
        Kind::Page => {}
    }
    Ok(st)
}

/// `result.score`: `raw` from 0 to 100 (scaled, min and max may be there).
fn score(result: &Map<String, Value>, path: &str) -> Result<Option<f64>, Refusal> {
    let s = match result.get("score") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(s)) => s,
        Some(v) => return Err(bad(path, "expected an object", Some(v))),
    };
    let raw_path = format!("{path}.raw");
    let raw = match s.get("raw") {
        Some(v) => match v.as_f64() {
            Some(n) if (0.0..=100.0).contains(&n) => n,
            _ => return Err(bad(&raw_path, "expected a number from 0 to 100", Some(v))),
        },
        None => return Err(missing(&raw_path)),
    };
    if let Some(v) = s.get("scaled")
        && !v.as_f64().is_some_and(|n| (0.0..=1.0).contains(&n))
    {
        return Err(bad(
            &format!("{path}.scaled"),
            "expected a number from 0 to 1",
            Some(v),
        ));
    }
    for bound in ["min", "max"] {
        if let Some(v) = s.get(bound)
            && !v.is_number()
        {
            return Err(bad(
                &format!("{path}.{bound}"),
                "expected a number",
                Some(v),
            ));
        }
    }
    Ok(Some(raw))
}

/// `object.definition.name`: a language map of texts.
fn names(definition: &Map<String, Value>, path: &str) -> Result<Vec<(String, String)>, Refusal> {
    let map = match definition.get("name") {
        Some(Value::Object(m)) => m,
        Some(v) => return Err(bad(path, "expected a language map", Some(v))),
        None => return Err(missing(path)),
    };
    let mut out = Vec::with_capacity(map.len());
    for (loc, name) in map {
        let p = format!("{path}.{loc}");
        if !is_locale(loc) {
            return Err(bad(
                path,
                "expected locales (en, ru, uz-Cyrl, …) as keys",
                None,
            ));
        }
        match name {
            Value::String(t) if t.chars().count() <= MAX_TEXT => {
                out.push((loc.clone(), t.clone()));
            }
            Value::String(_) => return Err(too_long(&p, MAX_TEXT)),
            v => return Err(bad(&p, "expected text", Some(v))),
        }
    }
    Ok(out)
}

/// A question's `choices`, `source` or `target`: a list of
/// `{"id": …, "description": {locale: text}}`, if there.
fn options(definition: &Map<String, Value>, key: &str, path: &str) -> Result<(), Refusal> {
    let list = match definition.get(key) {
        None | Some(Value::Null) => return Ok(()),
        Some(Value::Array(l)) => l,
        Some(v) => return Err(bad(path, "expected a list", Some(v))),
    };
    for (i, item) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let Value::Object(item) = item else {
            return Err(bad(&p, "expected an object", Some(item)));
        };
        id_text(item, "id", &format!("{p}.id"))?;
        match item.get("description") {
            Some(Value::Object(d)) => {
                for (loc, t) in d {
                    match t {
                        Value::String(t) if t.chars().count() <= MAX_TEXT => {}
                        Value::String(_) => {
                            return Err(too_long(&format!("{p}.description.{loc}"), MAX_TEXT));
                        }
                        v => {
                            return Err(bad(
                                &format!("{p}.description.{loc}"),
                                "expected text",
                                Some(v),
                            ));
                        }
                    }
                }
            }
            Some(v) => {
                return Err(bad(
                    &format!("{p}.description"),
                    "expected a language map",
                    Some(v),
                ));
            }
            None => return Err(missing(&format!("{p}.description"))),
        }
    }
    Ok(())
}

fn object<'a>(
    map: &'a Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<&'a Map<String, Value>, Refusal> {
    match map.get(key) {
        Some(Value::Object(m)) => Ok(m),
        Some(v) => Err(bad(path, "expected an object", Some(v))),
        None => Err(missing(path)),
    }
}

/// Free text (may be empty), at most `max` characters.
fn text(map: &Map<String, Value>, key: &str, path: &str, max: usize) -> Result<String, Refusal> {
    match map.get(key) {
        Some(Value::String(s)) if s.chars().count() <= max => Ok(s.clone()),
        Some(Value::String(_)) => Err(too_long(path, max)),
        Some(v) => Err(bad(path, "expected text", Some(v))),
        None => Err(missing(path)),
    }
}

/// An id-like text: not empty, no control characters, at most [`MAX_ID`] bytes.
fn id_text(map: &Map<String, Value>, key: &str, path: &str) -> Result<String, Refusal> {
    match map.get(key) {
        Some(Value::String(s)) if s.is_empty() => Err(bad(path, "is empty", None)),
        Some(Value::String(s)) if s.len() > MAX_ID => Err(too_long(path, MAX_ID)),
        Some(Value::String(s)) if s.chars().any(char::is_control) => {
            Err(bad(path, "holds a control character", None))
        }
        Some(Value::String(s)) => Ok(s.clone()),
        Some(v) => Err(bad(path, "expected text", Some(v))),
        None => Err(missing(path)),
    }
}

/// A UUID (8-4-4-4-12 hex digits), returned in lowercase.
fn uuid(map: &Map<String, Value>, key: &str, path: &str) -> Result<String, Refusal> {
    let s = id_text(map, key, path)?;
    if is_uuid(&s) {
        Ok(s.to_ascii_lowercase())
    } else {
        Err(bad(
            path,
            "expected a UUID such as \"0b6c3f0e-5a6d-4c8e-9f3a-2d1e4b5c6a7f\"",
            map.get(key),
        ))
    }
}

/// An activity id after `urn:darslik:<course>/`: `module-07`,
/// `module-07/01-investigation.md`, `module-07/00-pre-test/1`. Its parts are
/// never empty, `.` or `..` and hold no backslash: the module part names
/// certificate files.
fn is_activity_path(rest: &str) -> bool {
    !rest.is_empty()
        && !rest.contains('\\')
        && rest.split('/').all(|part| !matches!(part, "" | "." | ".."))
}

pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

fn locale(map: &Map<String, Value>, key: &str, path: &str) -> Result<String, Refusal> {
    let s = id_text(map, key, path)?;
    if is_locale(&s) {
        Ok(s)
    } else {
        Err(bad(
            path,
            "expected a locale such as en, ru, uz or uz-Cyrl",
            map.get(key),
        ))
    }
}

fn is_locale(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 35
        && s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
        && !s.starts_with('-')
}

/// ISO 8601 in UTC with Z: `2026-12-05T10:11:12Z` or with a fraction of a
/// second (`.345Z`). The register orders by this text, so one shape only.
fn timestamp(map: &Map<String, Value>, key: &str, path: &str) -> Result<String, Refusal> {
    let s = id_text(map, key, path)?;
    if is_timestamp(&s) {
        Ok(s)
    } else {
        Err(bad(
            path,
            "expected a UTC time such as \"2026-12-05T10:11:12.345Z\"",
            map.get(key),
        ))
    }
}

pub(crate) fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b.len() > 30 || b[b.len() - 1] != b'Z' {
        return false;
    }
    let shape = b"dddd-dd-ddTdd:dd:dd";
    let fixed = shape.iter().zip(b).all(|(want, c)| match want {
        b'd' => c.is_ascii_digit(),
        other => c == other,
    });
    if !fixed {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> u32 {
        b[r].iter()
            .fold(0u32, |n, c| n * 10 + u32::from(c.saturating_sub(b'0')))
    };
    let (month, day, hour, minute, second) =
        (num(5..7), num(8..10), num(11..13), num(14..16), num(17..19));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return false;
    }
    if second > 60 {
        return false;
    }
    let rest = &b[19..b.len() - 1];
    rest.is_empty()
        || (rest.len() >= 2 && rest[0] == b'.' && rest[1..].iter().all(u8::is_ascii_digit))
}

/// A whole number from 0 to [`MAX_COUNT`].
fn count(map: &Map<String, Value>, key: &str, path: &str) -> Result<i64, Refusal> {
    match map.get(key) {
        Some(v) => match v.as_u64() {
            Some(n) if n <= MAX_COUNT => Ok(n as i64),
            _ => Err(bad(path, "expected a whole number (0, 1, 2, …)", Some(v))),
        },
        None => Err(missing(path)),
    }
}

fn flag(map: &Map<String, Value>, key: &str, path: &str) -> Result<Option<bool>, Refusal> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(v) => Err(bad(path, "expected true or false", Some(v))),
    }
}

fn missing(path: &str) -> Refusal {
    Refusal::Format {
        field: path.to_string(),
        problem: msg!("results-why-missing").local(),
    }
}

fn too_long(path: &str, max: usize) -> Refusal {
    Refusal::Format {
        field: path.to_string(),
        problem: msg!("results-why-too-long", max = max).local(),
    }
}

/// A wrong value: the problem and a short, printable excerpt of what is there.
fn bad(path: &str, problem: &str, found: Option<&Value>) -> Refusal {
    let problem = problem_words(problem);
    let problem = match found {
        Some(v) => msg!("results-why-found", problem = problem, found = excerpt(v)).local(),
        None => problem,
    };
    Refusal::Format {
        field: path.to_string(),
        problem,
    }
}

/// The fixed problems of [`bad`] in the user's language (the few that name
/// values of this file stay as they are).
fn problem_words(en: &str) -> String {
    let id = match en {
        "expected an object" => "results-expected-object",
        "expected text" => "results-expected-text",
        "expected a list" => "results-expected-list",
        "expected a number from 0 to 100" => "results-expected-percent",
        "expected a language map" => "results-expected-language-map",
        "expected true or false" => "results-expected-bool",
        "expected the number 1" => "results-expected-one",
        "expected a whole number (0, 1, 2, …)" => "results-expected-count",
        "expected a number" => "results-expected-number",
        "expected a number from 0 to 1" => "results-expected-scaled",
        "expected a course id (no spaces or slashes)" => "results-expected-course-id",
        "expected choice, matching, sequencing, fill-in or numeric" => {
            "results-expected-interaction"
        }
        "expected 1, 2, …" => "results-expected-attempt",
        "expected locales (en, ru, uz-Cyrl, …) as keys" => "results-expected-locale-keys",
        "expected a UUID such as \"0b6c3f0e-5a6d-4c8e-9f3a-2d1e4b5c6a7f\"" => {
            "results-expected-uuid"
        }
        "expected a locale such as en, ru, uz or uz-Cyrl" => "results-expected-locale",
        "expected a UTC time such as \"2026-12-05T10:11:12.345Z\"" => "results-expected-time",
        "not one of the activity types of a results file (lesson, cmi.interaction, \
         assessment, simulation, module)" => "results-expected-type",
        "not the file's learner.id (a statement of another learner)" => "results-other-learner",
        _ => return en.to_string(),
    };
    Msg::new(id).local()
}

fn excerpt(v: &Value) -> String {
    let shown = match v {
        Value::Object(_) => msg!("results-found-object").local(),
        Value::Array(_) => msg!("results-found-list").local(),
        other => other.to_string(),
    };
    let mut short: String = shown.chars().take(60).collect();
    if short.len() < shown.len() {
        short.push('…');
    }
    crate::diag::printable(&short).into_owned()
}

/// `json` (valid JSON) without whitespace outside its strings.
fn minified(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
            in_string = c == '"';
        }
    }
    out
}

/// The byte spans of the elements of the top-level `"statements"` array in
/// `text` (which serde_json has already parsed as a JSON object), so the
/// register keeps each statement as written in the file. `None` when the
/// text is not shaped as expected (the caller then serialises the value).
fn statement_spans(text: &str) -> Option<Vec<(usize, usize)>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return None;
    }
    i += 1;
    let mut found = None;
    loop {
        i = skip_ws(b, i);
        match b.get(i)? {
            b'}' => return found,
            b',' => {
                i += 1;
                continue;
            }
            b'"' => {}
            _ => return None,
        }
        let key_end = skip_string(b, i)?;
        let key: String = serde_json::from_str(&text[i..key_end]).ok()?;
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if key == "statements" && b.get(i) == Some(&b'[') {
            // The last "statements" wins, as in serde_json's map.
            let mut spans = Vec::new();
            let mut j = i + 1;
            loop {
                j = skip_ws(b, j);
                match b.get(j)? {
                    b']' => {
                        j += 1;
                        break;
                    }
                    b',' => {
                        j += 1;
                        continue;
                    }
                    _ => {}
                }
                let end = skip_value(b, j)?;
                spans.push((j, end));
                j = end;
            }
            found = Some(spans);
            i = j;
        } else {
            i = skip_value(b, i)?;
        }
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// `b[i]` is the opening quote; the index after the closing one.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// The index after the value starting at `b[i]` (no recursion).
fn skip_value(b: &[u8], mut i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            loop {
                match b.get(i)? {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            while !matches!(
                b.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests;

//! Compact `cmi.suspend_data` encoding of one SCO's (one module's) progress.
//!
//! SCORM 1.2 allows 4096 characters of `cmi.suspend_data`, and LMSs truncate
//! silently past that (the learner is sent back to the start). This encoding
//! needs about two characters per choice question, so a module of 40 pages and
//! 60 choice questions fits in 137 characters. The JavaScript twin is
//! `themes/default/static/scorm-state.js` (`window.darslikState`); both must
//! produce the same string for the same state (tests pin a few on each side).
//!
//! # Format
//!
//! Only `[A-Za-z0-9._-]` are used, which no LMS escapes or mangles. Version 3
//! has eight fields separated by `.`, version 2 (written before case
//! scenarios) the first seven, version 1 (written before graded assessments)
//! the first six; all three are read:
//!
//! ```text
//! 3 . <locale> . <page> . <pages> . <seen> . <answers> . <tests> . <scenarios>
//! 2 . <locale> . <page> . <pages> . <seen> . <answers> . <tests>
//! 1 . <locale> . <page> . <pages> . <seen> . <answers>
//! ```
//!
//! - `3` / `2` / `1`: format version. [`encode`] writes the lowest version
//!   that holds the state: 1 without a tests list (`tests: None`, only choice
//!   answers), 2 without a scenario list (`scenarios: None`), else 3, so that
//!   an older string comes back unchanged. The SCO always passes a tests list,
//!   and a scenario list when its module has scored scenarios (progress-data
//!   `scen`): a module without scenarios keeps writing version 2.
//! - numbers are written in base64url digits (`A`=0 … `Z`=25, `a`=26 … `z`=51,
//!   `0`=52 … `9`=61, `-`=62, `_`=63), most significant first, without leading
//!   `A` (zero is `A`), at most 5 digits (values below 2^30).
//! - a *small number* `n` (counts, lengths) is one digit when below 63, else
//!   `_` and two digits holding `n - 63` (so at most 4158).
//! - `<locale>`: index of the current locale in the package's locale list
//!   (multilingual packages), empty otherwise.
//! - `<page>`: index of the last page visited in the module.
//! - `<pages>`: number of pages of the module.
//! - `<seen>`: pages seen, a bit set in ceil(pages / 6) digits; page `p` is bit
//!   `p % 6` (value `1 << (p % 6)`) of digit `p / 6`; unused high bits are 0.
//! - `<answers>`: one token per practice question, in module order (the
//!   progress-data `qids`). A token's first digit `d` holds flags.
//!   - `d & 16` (answered) clear and `d & 32` clear: not answered, one digit,
//!     only the checked flag 8 may be set (`A`, `I`);
//!   - `d & 16` set: a choice. 32 = extended, 8 = checked, 4 = multiple
//!     choice, and 2 payload bits `P = d & 3`. Value < 256: two digits,
//!     value = `P << 6 | d1`; value >= 256 (extended): `P + 2` more digits
//!     hold the value. The value is the chosen option index (single choice)
//!     or the bit mask of chosen options (multiple choice, option `i` = bit
//!     `i`), so up to 8 options a question takes at most two characters; at
//!     most 30 options are supported.
//!   - `d & 16` clear and `d & 32` set (version 2): `d = 32 | checked(8) |
//!     kind`, kind 1 matching, 2 ordering, 3 short answer, nothing else:
//!     - matching: a digit `n` (left items, at most 63), then per left item in
//!       source order one digit, the chosen right value + 1 (0 = none chosen);
//!     - ordering: a digit `n` (items, at most 63), then the items' values
//!       (0..=63) in the learner's order, one digit each;
//!     - short answer: a small number `L` (bytes), then the UTF-8 bytes in
//!       base64url without padding (`ceil(4L/3)` digits, unused bits 0).
//! - `<tests>` (version 2): one token per test of the module, in the
//!   progress-data `tests` order (contract §7 `state.tests`):
//!   - `A`: never started (no state);
//!   - else a digit `h = 1 | done(2) | (seed digits - 1) << 2`, the seed
//!     (a number, 1-5 digits), the small number `n` of submitted attempts,
//!     their scores (0..=100, two digits each; when `n > 8`, only the best
//!     and then the last attempt's are kept, and come back after `n - 2`
//!     zeros), the small number `p` of questions in the test's pool
//!     (progress-data `tqids`), and `p` answer tokens (as in `<answers>`, `A`
//!     for a question without a response): the responses of the current, or
//!     last submitted, attempt.
//! - `<scenarios>` (version 3): one token per scored case scenario of the
//!   module, in the progress-data `scen` order (contract §5 `state.scen`):
//!   - `A`: never started (no state);
//!   - else a digit `h = 1 | done(2) | has best(4)`, then, when `h & 4`, the
//!     best finished run's percent (0..=100, two digits), then the small
//!     number `n` (at most [`MAX_PATH`]) of choices of the current run and
//!     `n` digits, the index of each choice taken (0..=63), from the first
//!     step. `done`: the current run reached an ending.
//!
//! The numbers of pages, questions and pool questions are in the string, so
//! the runtime can tell a state saved by a different version of the module
//! and drop it instead of restoring answers to the wrong questions.
//!
//! # Size
//!
//! Choice answers take 1-2 characters, matching and ordering `n + 2`, a test
//! 8-14 characters plus its tokens, a scenario 2-70 (a run of 64 choices),
//! but a short answer `1 + (1|3) + 4L/3`: 60 characters of Cyrillic (120
//! bytes) take 164. [`worst_len`] gives the
//! longest string for a module's shape. When a state does not fit the limit,
//! [`fit`] cuts every stored short-answer text to one common byte length (the
//! longest that fits, on a character boundary); nothing else is ever cut, so a
//! module whose [`worst_len`] with texts of 0 bytes fits always fits.

use std::fmt;

/// The 64 digits, base64url order.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// First field of the strings this version writes for a module with case
/// scenarios.
pub const VERSION: &str = "3";

/// First field of strings without scenarios (still written for a state
/// without a scenario list, and read).
pub const VERSION_2: &str = "2";

/// First field of strings written before graded assessments (still read).
pub const VERSION_1: &str = "1";

/// SCORM 1.2 `cmi.suspend_data` limit (CMIString4096).
pub const SCORM12_SUSPEND_DATA_MAX: usize = 4096;

/// SCORM 2004 (3rd and 4th edition) `cmi.suspend_data` limit.
pub const SCORM2004_SUSPEND_DATA_MAX: usize = 64000;

/// Most options a question may have (a multiple-choice mask is a 30-bit number).
pub const MAX_OPTIONS: usize = 30;

/// Most left items of a matching question and items of an ordering question.
pub const MAX_ITEMS: usize = 63;

/// Longest short answer in UTF-16 code units (the input's `maxlength`).
pub const MAX_TEXT_UNITS: usize = 60;

/// Most UTF-8 bytes of a short answer of [`MAX_TEXT_UNITS`] code units (three
/// bytes per code unit of the Basic Multilingual Plane; a character outside it
/// takes two code units and four bytes).
pub const MAX_TEXT_BYTES: usize = 3 * MAX_TEXT_UNITS;

/// Numbers (and answer values) must be below this.
const LIMIT: u32 = 1 << 30;

/// Largest small number (`_` and two digits).
const SMALL_MAX: usize = 63 + 4095;

/// Attempts whose scores are all kept; beyond, the best and the last.
pub const ATTEMPTS_KEPT: usize = 8;

/// Largest score of an attempt (percent).
pub const SCORE_MAX: u32 = 100;

/// Most choices of a scenario run that are kept (a longer run cannot be
/// encoded: the SCO keeps its first [`MAX_PATH`] choices, not finished).
pub const MAX_PATH: usize = 64;

/// Largest choice index of a scenario step that can be kept (one digit).
pub const MAX_CHOICE: u32 = 63;

/// Progress of one module, as saved in `cmi.suspend_data`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuspendState {
    /// Index of the current locale in a multilingual package; `None` otherwise.
    pub locale: Option<u32>,
    /// Index of the last page visited in the module.
    pub page: u32,
    /// One flag per page of the module: shown to the learner at least once.
    pub seen: Vec<bool>,
    /// One entry per practice question of the module, in order.
    pub answers: Vec<QuestionState>,
    /// One entry per test (graded page, pre-test, post-test) of the module, in
    /// order; `None` for a test never started. `None` as a whole: a version-1
    /// string (written before graded assessments existed).
    pub tests: Option<Vec<Option<TestState>>>,
    /// One entry per scored case scenario of the module, in order; `None`
    /// for one never started. `None` as a whole: a version-1 or version-2
    /// string (or a module without scenarios).
    pub scenarios: Option<Vec<Option<ScenarioState>>>,
}

/// Saved state of one case scenario (contract §5 `state.scen[sid]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScenarioState {
    /// Percent (0..=100) of the best finished run; `None` until one finished.
    pub best: Option<u32>,
    /// The current run reached an ending.
    pub done: bool,
    /// The index of each choice of the current run, from the first step
    /// (at most [`MAX_PATH`], each at most [`MAX_CHOICE`]).
    pub path: Vec<u32>,
}

/// Saved state of one question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionState {
    /// What the learner chose.
    pub answer: Answer,
    /// The learner asked for the answer to be checked (feedback shown, counted).
    pub checked: bool,
}

/// A learner's response.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Answer {
    /// Nothing chosen yet.
    #[default]
    None,
    /// Single choice: index of the chosen option.
    Single(u32),
    /// Multiple choice: bit `i` set when option `i` is chosen.
    Multiple(u32),
    /// Matching: per left item in source order, the chosen right value (its
    /// position in the shown order), `None` when none is chosen. Version 2.
    Matching(Vec<Option<u32>>),
    /// Ordering: the items' values in the learner's order. Version 2.
    Ordering(Vec<u32>),
    /// Short answer: the text typed. Version 2.
    Text(String),
}

impl Answer {
    fn is_version_2(&self) -> bool {
        matches!(
            self,
            Answer::Matching(_) | Answer::Ordering(_) | Answer::Text(_)
        )
    }
}

/// Saved state of one test (contract §7 `state.tests[page]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TestState {
    /// Seed of the question and option orders of the current/last attempt.
    pub seed: u32,
    /// Score (percent, 0..=100) of each submitted attempt, in order. Beyond
    /// [`ATTEMPTS_KEPT`] attempts only the best and the last are stored: they
    /// come back as the last two entries after zeros.
    pub attempts: Vec<u32>,
    /// The current attempt is submitted.
    pub done: bool,
    /// One entry per question of the test's pool (progress-data `tqids`):
    /// the response in the current, or last submitted, attempt.
    pub responses: Vec<QuestionState>,
}

/// Why a state cannot be encoded, or a string decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuspendError {
    /// A number or answer is too large for the format (>= 2^30, a
    /// multiple-choice mask with more than 30 options, more than 63 matching
    /// or ordering items, a score above 100, a text over 4158 bytes, a
    /// scenario run of more than 64 choices or a choice index above 63).
    TooLarge(&'static str),
    /// The string is from another format version (or another tool), or a
    /// version-1 state (`tests: None`) holds an answer only version 2 has,
    /// or a state has scenarios but no tests list.
    Version,
    /// The string is damaged; the field says where.
    Malformed(&'static str),
    /// [`fit`]: even with every short answer cut to nothing, the string is
    /// longer than the limit.
    TooLong {
        /// Length with every text cut to nothing.
        len: usize,
        /// The limit asked for.
        limit: usize,
    },
}

impl fmt::Display for SuspendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SuspendError::TooLarge(what) => write!(f, "suspend_data: {what} is too large"),
            SuspendError::Version => f.write_str("suspend_data: unknown format version"),
            SuspendError::Malformed(what) => write!(f, "suspend_data: malformed {what}"),
            SuspendError::TooLong { len, limit } => write!(
                f,
                "suspend_data: {len} characters even without short-answer texts, more than {limit}"
            ),
        }
    }
}

impl std::error::Error for SuspendError {}

fn digit(value: u32) -> char {
    char::from(ALPHABET[(value & 63) as usize])
}

fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Number of base-64 digits of `v` (1 for 0).
fn digits(mut v: u64) -> usize {
    let mut n = 1;
    while v >= 64 {
        v >>= 6;
        n += 1;
    }
    n
}

/// Characters of a small number.
fn small_len(v: usize) -> usize {
    if v < 63 { 1 } else { 3 }
}

/// Base64url digits of `bytes` bytes, without padding.
fn b64_len(bytes: usize) -> usize {
    bytes / 3 * 4 + [0, 2, 3][bytes % 3]
}

fn push_number(out: &mut String, v: u32, what: &'static str) -> Result<(), SuspendError> {
    if v >= LIMIT {
        return Err(SuspendError::TooLarge(what));
    }
    for i in (0..digits(u64::from(v))).rev() {
        out.push(digit(v >> (6 * i)));
    }
    Ok(())
}

fn push_small(out: &mut String, v: usize, what: &'static str) -> Result<(), SuspendError> {
    if v < 63 {
        out.push(digit(v as u32));
    } else if v <= SMALL_MAX {
        let rest = (v - 63) as u32;
        out.push('_');
        out.push(digit(rest >> 6));
        out.push(digit(rest));
    } else {
        return Err(SuspendError::TooLarge(what));
    }
    Ok(())
}

fn push_base64(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(digit(n >> (18 - 6 * i)));
        }
    }
}

/// One answer token (see the module docs).
fn push_answer(out: &mut String, q: &QuestionState) -> Result<(), SuspendError> {
    let checked = if q.checked { 8 } else { 0 };
    let (multiple, value) = match &q.answer {
        Answer::None => {
            out.push(digit(checked));
            return Ok(());
        }
        Answer::Single(v) => (0, *v),
        Answer::Multiple(v) => (4, *v),
        Answer::Matching(values) => {
            if values.len() > MAX_ITEMS {
                return Err(SuspendError::TooLarge("matching question"));
            }
            out.push(digit(32 | checked | 1));
            out.push(digit(values.len() as u32));
            for v in values {
                match v {
                    None => out.push('A'),
                    Some(v) if (*v as usize) < MAX_ITEMS => out.push(digit(v + 1)),
                    Some(_) => return Err(SuspendError::TooLarge("matching answer")),
                }
            }
            return Ok(());
        }
        Answer::Ordering(values) => {
            if values.len() > MAX_ITEMS {
                return Err(SuspendError::TooLarge("ordering question"));
            }
            out.push(digit(32 | checked | 2));
            out.push(digit(values.len() as u32));
            for &v in values {
                if v >= 64 {
                    return Err(SuspendError::TooLarge("ordering answer"));
                }
                out.push(digit(v));
            }
            return Ok(());
        }
        Answer::Text(text) => {
            out.push(digit(32 | checked | 3));
            push_small(out, text.len(), "short answer")?;
            push_base64(out, text.as_bytes());
            return Ok(());
        }
    };
    if value >= LIMIT {
        return Err(SuspendError::TooLarge("answer"));
    }
    if value < 256 {
        out.push(digit(16 | checked | multiple | (value >> 6)));
        out.push(digit(value));
    } else {
        let n = digits(u64::from(value)); // 2..=5
        out.push(digit(32 | 16 | checked | multiple | (n as u32 - 2)));
        for i in (0..n).rev() {
            out.push(digit(value >> (6 * i)));
        }
    }
    Ok(())
}

fn push_test(out: &mut String, test: Option<&TestState>) -> Result<(), SuspendError> {
    let Some(t) = test else {
        out.push('A');
        return Ok(());
    };
    if t.seed >= LIMIT {
        return Err(SuspendError::TooLarge("seed"));
    }
    let seed_digits = digits(u64::from(t.seed)) as u32;
    out.push(digit(
        1 | if t.done { 2 } else { 0 } | (seed_digits - 1) << 2,
    ));
    push_number(out, t.seed, "seed")?;
    let n = t.attempts.len();
    push_small(out, n, "attempt count")?;
    if t.attempts.iter().any(|&s| s > SCORE_MAX) {
        return Err(SuspendError::TooLarge("score"));
    }
    let kept: Vec<u32> = if n <= ATTEMPTS_KEPT {
        t.attempts.clone()
    } else {
        let best = t.attempts.iter().copied().max().unwrap_or(0);
        vec![best, t.attempts[n - 1]]
    };
    for s in kept {
        out.push(digit(s >> 6));
        out.push(digit(s));
    }
    push_small(out, t.responses.len(), "test question count")?;
    for q in &t.responses {
        push_answer(out, q)?;
    }
    Ok(())
}

fn push_scenario(out: &mut String, s: Option<&ScenarioState>) -> Result<(), SuspendError> {
    let Some(s) = s else {
        out.push('A');
        return Ok(());
    };
    if s.path.len() > MAX_PATH {
        return Err(SuspendError::TooLarge("scenario run"));
    }
    if s.path.iter().any(|&c| c > MAX_CHOICE) {
        return Err(SuspendError::TooLarge("scenario choice"));
    }
    out.push(digit(
        1 | if s.done { 2 } else { 0 } | if s.best.is_some() { 4 } else { 0 },
    ));
    if let Some(b) = s.best {
        if b > SCORE_MAX {
            return Err(SuspendError::TooLarge("scenario score"));
        }
        out.push(digit(b >> 6));
        out.push(digit(b));
    }
    push_small(out, s.path.len(), "scenario run")?;
    for &c in &s.path {
        out.push(digit(c));
    }
    Ok(())
}

/// Encodes `state`. Fails only when a value is too large for the format (or
/// a version-1 state holds a version-2 answer, or a state has scenarios but
/// no tests list).
pub fn encode(state: &SuspendState) -> Result<String, SuspendError> {
    let v2 = state.tests.is_some();
    if !v2 && state.answers.iter().any(|q| q.answer.is_version_2()) {
        return Err(SuspendError::Version);
    }
    if !v2 && state.scenarios.is_some() {
        return Err(SuspendError::Version);
    }
    let mut out = String::with_capacity(16 + state.seen.len() / 6 + 2 * state.answers.len());
    out.push_str(match (v2, state.scenarios.is_some()) {
        (false, _) => VERSION_1,
        (true, false) => VERSION_2,
        (true, true) => VERSION,
    });
    out.push('.');
    if let Some(locale) = state.locale {
        push_number(&mut out, locale, "locale index")?;
    }
    out.push('.');
    push_number(&mut out, state.page, "page index")?;
    out.push('.');
    let pages =
        u32::try_from(state.seen.len()).map_err(|_| SuspendError::TooLarge("page count"))?;
    push_number(&mut out, pages, "page count")?;
    out.push('.');
    for chunk in state.seen.chunks(6) {
        let bits = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &seen)| acc | (u32::from(seen) << i));
        out.push(digit(bits));
    }
    out.push('.');
    for q in &state.answers {
        push_answer(&mut out, q)?;
    }
    if let Some(tests) = &state.tests {
        out.push('.');
        for t in tests {
            push_test(&mut out, t.as_ref())?;
        }
    }
    if let Some(scenarios) = &state.scenarios {
        out.push('.');
        for s in scenarios {
            push_scenario(&mut out, s.as_ref())?;
        }
    }
    Ok(out)
}

fn parse_number(field: &[u8], what: &'static str) -> Result<u32, SuspendError> {
    if field.is_empty() || field.len() > 5 || (field.len() > 1 && field[0] == b'A') {
        return Err(SuspendError::Malformed(what));
    }
    field.iter().try_fold(0u32, |acc, &c| {
        value_of(c)
            .map(|v| (acc << 6) | v)
            .ok_or(SuspendError::Malformed(what))
    })
}

/// Reads tokens from one field.
struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    what: &'static str,
}

impl Reader<'_> {
    fn bad(&self) -> SuspendError {
        SuspendError::Malformed(self.what)
    }

    fn more(&self) -> bool {
        self.i < self.s.len()
    }

    fn digit(&mut self) -> Result<u32, SuspendError> {
        let v = self
            .s
            .get(self.i)
            .and_then(|&c| value_of(c))
            .ok_or(self.bad())?;
        self.i += 1;
        Ok(v)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], SuspendError> {
        let field = self.s.get(self.i..self.i + n).ok_or(self.bad())?;
        self.i += n;
        Ok(field)
    }

    fn small(&mut self) -> Result<usize, SuspendError> {
        let d = self.digit()?;
        if d < 63 {
            return Ok(d as usize);
        }
        let hi = self.digit()?;
        let lo = self.digit()?;
        Ok(63 + ((hi << 6 | lo) as usize))
    }

    fn text(&mut self) -> Result<String, SuspendError> {
        let len = self.small()?;
        let what = self.what;
        let field = self.take(b64_len(len))?;
        let mut bytes = Vec::with_capacity(len);
        for chunk in field.chunks(4) {
            let mut n = 0u32;
            for (k, &c) in chunk.iter().enumerate() {
                n |= value_of(c).ok_or(SuspendError::Malformed(what))? << (18 - 6 * k);
            }
            let full = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            let count = chunk.len() - 1;
            // Unused low bits of the last digit must be 0 (canonical).
            if count < 3 && n & (0xFF_FFFF >> (8 * count)) != 0 {
                return Err(SuspendError::Malformed(what));
            }
            bytes.extend_from_slice(&full[..count]);
        }
        String::from_utf8(bytes).map_err(|_| SuspendError::Malformed(what))
    }

    fn answer(&mut self, v2: bool) -> Result<QuestionState, SuspendError> {
        let d = self.digit()?;
        let checked = d & 8 != 0;
        let payload = d & 3;
        let answer = if d & 16 == 0 {
            if d & 32 != 0 && v2 {
                match d & !8 {
                    33 => {
                        let n = self.digit()? as usize;
                        let mut values = Vec::with_capacity(n);
                        for _ in 0..n {
                            let v = self.digit()?;
                            values.push(v.checked_sub(1));
                        }
                        Answer::Matching(values)
                    }
                    34 => {
                        let n = self.digit()? as usize;
                        let mut values = Vec::with_capacity(n);
                        for _ in 0..n {
                            values.push(self.digit()?);
                        }
                        Answer::Ordering(values)
                    }
                    35 => Answer::Text(self.text()?),
                    _ => return Err(self.bad()),
                }
            } else if d & !8 != 0 {
                return Err(self.bad());
            } else {
                Answer::None
            }
        } else {
            let value = if d & 32 == 0 {
                (payload << 6) | self.digit()?
            } else {
                let what = self.what;
                let field = self.take(payload as usize + 2)?;
                let value = parse_number(field, what)?;
                if value < 256 {
                    return Err(self.bad());
                }
                value
            };
            if d & 4 != 0 {
                Answer::Multiple(value)
            } else {
                Answer::Single(value)
            }
        };
        Ok(QuestionState { answer, checked })
    }

    fn test(&mut self) -> Result<Option<TestState>, SuspendError> {
        let h = self.digit()?;
        if h == 0 {
            return Ok(None);
        }
        let seed_digits = (h >> 2) as usize + 1;
        if h & 1 == 0 || seed_digits > 5 {
            return Err(self.bad());
        }
        let what = self.what;
        let seed = parse_number(self.take(seed_digits)?, what)?;
        let n = self.small()?;
        let mut score = || -> Result<u32, SuspendError> {
            let s = self.digit()? << 6 | self.digit()?;
            if s > SCORE_MAX {
                return Err(SuspendError::Malformed(what));
            }
            Ok(s)
        };
        let attempts = if n <= ATTEMPTS_KEPT {
            (0..n).map(|_| score()).collect::<Result<Vec<_>, _>>()?
        } else {
            let best = score()?;
            let last = score()?;
            if last > best {
                return Err(self.bad());
            }
            let mut all = vec![0; n - 2];
            all.extend([best, last]);
            all
        };
        let p = self.small()?;
        let mut responses = Vec::with_capacity(p);
        for _ in 0..p {
            responses.push(self.answer(true)?);
        }
        Ok(Some(TestState {
            seed,
            attempts,
            done: h & 2 != 0,
            responses,
        }))
    }

    fn scenario(&mut self) -> Result<Option<ScenarioState>, SuspendError> {
        let h = self.digit()?;
        if h == 0 {
            return Ok(None);
        }
        if h & 1 == 0 || h > 7 {
            return Err(self.bad());
        }
        let best = if h & 4 != 0 {
            let b = self.digit()? << 6 | self.digit()?;
            if b > SCORE_MAX {
                return Err(self.bad());
            }
            Some(b)
        } else {
            None
        };
        let n = self.small()?;
        if n > MAX_PATH {
            return Err(self.bad());
        }
        let path = (0..n)
            .map(|_| self.digit())
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(ScenarioState {
            best,
            done: h & 2 != 0,
            path,
        }))
    }
}

/// Decodes a string written by [`encode`] (or by `darslikState.encode`), of
/// version 3, 2 or 1. Only canonical strings are accepted, so
/// `encode(decode(s)?) == s`.
pub fn decode(s: &str) -> Result<SuspendState, SuspendError> {
    let fields: Vec<&[u8]> = s.as_bytes().split(|&b| b == b'.').collect();
    let version = match fields.first() {
        Some(&v) if v == VERSION.as_bytes() => 3,
        Some(&v) if v == VERSION_2.as_bytes() => 2,
        Some(&v) if v == VERSION_1.as_bytes() => 1,
        _ => return Err(SuspendError::Version),
    };
    let v2 = version >= 2;
    let (locale, page, pages, seen, answers, tests, scenarios) = match (version, &fields[..]) {
        (1, &[_, l, p, n, s, a]) => (l, p, n, s, a, None, None),
        (2, &[_, l, p, n, s, a, t]) => (l, p, n, s, a, Some(t), None),
        (3, &[_, l, p, n, s, a, t, c]) => (l, p, n, s, a, Some(t), Some(c)),
        _ => return Err(SuspendError::Malformed("field count")),
    };
    let locale = if locale.is_empty() {
        None
    } else {
        Some(parse_number(locale, "locale")?)
    };
    let page = parse_number(page, "page")?;
    let pages = parse_number(pages, "page count")? as usize;
    if seen.len() != pages.div_ceil(6) {
        return Err(SuspendError::Malformed("pages seen"));
    }
    let mut seen_flags = Vec::with_capacity(pages);
    for (i, &c) in seen.iter().enumerate() {
        let bits = value_of(c).ok_or(SuspendError::Malformed("pages seen"))?;
        let in_chunk = (pages - 6 * i).min(6);
        if bits >> in_chunk != 0 {
            return Err(SuspendError::Malformed("pages seen"));
        }
        seen_flags.extend((0..in_chunk).map(|b| bits & (1 << b) != 0));
    }

    let mut reader = Reader {
        s: answers,
        i: 0,
        what: "answers",
    };
    let mut out = Vec::with_capacity(answers.len() / 2);
    while reader.more() {
        out.push(reader.answer(v2)?);
    }
    let tests = match tests {
        None => None,
        Some(field) => {
            let mut reader = Reader {
                s: field,
                i: 0,
                what: "tests",
            };
            let mut list = Vec::new();
            while reader.more() {
                list.push(reader.test()?);
            }
            Some(list)
        }
    };
    let scenarios = match scenarios {
        None => None,
        Some(field) => {
            let mut reader = Reader {
                s: field,
                i: 0,
                what: "scenarios",
            };
            let mut list = Vec::new();
            while reader.more() {
                list.push(reader.scenario()?);
            }
            Some(list)
        }
    };
    Ok(SuspendState {
        locale,
        page,
        seen: seen_flags,
        answers: out,
        tests,
        scenarios,
    })
}

mod size;

pub use size::{
    Form, ModuleShape, TestShape, cut_text, fit, form_len, max_len, scenario_len, worst_len,
};

#[cfg(test)]
mod tests;

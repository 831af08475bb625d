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
//! Only `[A-Za-z0-9._-]` are used, which no LMS escapes or mangles. Version 2
//! has seven fields separated by `.`, version 1 (written before graded
//! assessments) the first six; both are read:
//!
//! ```text
//! 2 . <locale> . <page> . <pages> . <seen> . <answers> . <tests>
//! 1 . <locale> . <page> . <pages> . <seen> . <answers>
//! ```
//!
//! - `2` / `1`: format version. [`encode`] writes version 1 for a state
//!   without a tests list (`tests: None`, only choice answers), so that a
//!   version-1 string comes back unchanged; the SCO always passes a list and
//!   writes version 2.
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
//!
//! The numbers of pages, questions and pool questions are in the string, so
//! the runtime can tell a state saved by a different version of the module
//! and drop it instead of restoring answers to the wrong questions.
//!
//! # Size
//!
//! Choice answers take 1-2 characters, matching and ordering `n + 2`, a test
//! 8-14 characters plus its tokens, but a short answer `1 + (1|3) + 4L/3`:
//! 60 characters of Cyrillic (120 bytes) take 164. [`worst_len`] gives the
//! longest string for a module's shape. When a state does not fit the limit,
//! [`fit`] cuts every stored short-answer text to one common byte length (the
//! longest that fits, on a character boundary); nothing else is ever cut, so a
//! module whose [`worst_len`] with texts of 0 bytes fits always fits.

use std::fmt;

/// The 64 digits, base64url order.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// First field of every string this version writes.
pub const VERSION: &str = "2";

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
    /// or ordering items, a score above 100, a text over 4158 bytes).
    TooLarge(&'static str),
    /// The string is from another format version (or another tool), or a
    /// version-1 state (`tests: None`) holds an answer only version 2 has.
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

/// Encodes `state`. Fails only when a value is too large for the format (or
/// a version-1 state holds a version-2 answer).
pub fn encode(state: &SuspendState) -> Result<String, SuspendError> {
    let v2 = state.tests.is_some();
    if !v2 && state.answers.iter().any(|q| q.answer.is_version_2()) {
        return Err(SuspendError::Version);
    }
    let mut out = String::with_capacity(16 + state.seen.len() / 6 + 2 * state.answers.len());
    out.push_str(if v2 { VERSION } else { VERSION_1 });
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
}

/// Decodes a string written by [`encode`] (or by `darslikState.encode`), of
/// version 2 or 1. Only canonical strings are accepted, so
/// `encode(decode(s)?) == s`.
pub fn decode(s: &str) -> Result<SuspendState, SuspendError> {
    let fields: Vec<&[u8]> = s.as_bytes().split(|&b| b == b'.').collect();
    let v2 = match fields.first() {
        Some(&v) if v == VERSION.as_bytes() => true,
        Some(&v) if v == VERSION_1.as_bytes() => false,
        _ => return Err(SuspendError::Version),
    };
    let (locale, page, pages, seen, answers, tests) = match (v2, &fields[..]) {
        (false, &[_, l, p, n, s, a]) => (l, p, n, s, a, None),
        (true, &[_, l, p, n, s, a, t]) => (l, p, n, s, a, Some(t)),
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
    Ok(SuspendState {
        locale,
        page,
        seen: seen_flags,
        answers: out,
        tests,
    })
}

/// The longest prefix of `text` of at most `max` UTF-8 bytes that ends on a
/// character boundary.
pub fn cut_text(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Every short-answer text of `state` (practice answers and test responses).
fn texts_mut(state: &mut SuspendState) -> impl Iterator<Item = &mut String> {
    let tests = state.tests.iter_mut().flatten().flatten();
    state
        .answers
        .iter_mut()
        .chain(tests.flat_map(|t| t.responses.iter_mut()))
        .filter_map(|q| match &mut q.answer {
            Answer::Text(t) => Some(t),
            _ => None,
        })
}

/// `state` with every short-answer text cut to at most `max` bytes.
fn with_texts_cut(state: &SuspendState, max: usize) -> SuspendState {
    let mut cut = state.clone();
    for t in texts_mut(&mut cut) {
        let keep = cut_text(t, max).len();
        t.truncate(keep);
    }
    cut
}

/// Encodes `state` in at most `limit` characters. When the full string is
/// longer, every short-answer text is cut to the same number of bytes, the
/// largest that fits (on a character boundary); that number is returned with
/// the string (`None`: nothing was cut). Fails with
/// [`SuspendError::TooLong`] when even texts of 0 bytes do not fit.
pub fn fit(state: &SuspendState, limit: usize) -> Result<(String, Option<usize>), SuspendError> {
    let full = encode(state)?;
    if full.len() <= limit {
        return Ok((full, None));
    }
    let longest = texts_mut(&mut state.clone())
        .map(|t| t.len())
        .max()
        .unwrap_or(0);
    let shortest = encode(&with_texts_cut(state, 0))?;
    if shortest.len() > limit || longest == 0 {
        return Err(SuspendError::TooLong {
            len: shortest.len(),
            limit,
        });
    }
    // Largest cut in 0..longest that fits: the length grows with the cut.
    let (mut lo, mut hi, mut best) = (1, longest - 1, (shortest, 0));
    while lo <= hi {
        let mid = lo + (hi - lo) / 2;
        let s = encode(&with_texts_cut(state, mid))?;
        if s.len() <= limit {
            best = (s, mid);
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    Ok((best.0, Some(best.1)))
}

/// The form of a question, for [`worst_len`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Single or multiple choice with this many options.
    Choice(usize),
    /// Matching with this many left items.
    Matching(usize),
    /// Ordering with this many items.
    Ordering(usize),
    /// Short answer (its length is a parameter of [`worst_len`]).
    Short,
}

/// One test of a module, for [`worst_len`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestShape {
    /// Every question of the test's pool.
    pub pool: Vec<Form>,
    /// Questions drawn per attempt; 0 = all.
    pub draw: usize,
    /// Attempts allowed; 0 = unlimited.
    pub attempts: usize,
}

/// What a module holds, for [`worst_len`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModuleShape {
    /// Pages of the module.
    pub pages: usize,
    /// Locales of the package (the locale index is stored only when > 1).
    pub locales: usize,
    /// The practice questions.
    pub practice: Vec<Form>,
    /// The tests, in order.
    pub tests: Vec<TestShape>,
}

/// Longest token of a question of `form`, with short answers of `text_bytes`
/// bytes. `usize::MAX` when the form is too large for the format.
pub fn form_len(form: Form, text_bytes: usize) -> usize {
    match form {
        Form::Choice(options) if options > MAX_OPTIONS => usize::MAX,
        Form::Choice(options) => {
            // Largest answer value: option index options-1, or a full mask.
            let max_value = (1u64 << options) - 1;
            if max_value < 256 {
                2
            } else {
                1 + digits(max_value)
            }
        }
        Form::Matching(n) | Form::Ordering(n) if n > MAX_ITEMS => usize::MAX,
        Form::Matching(n) | Form::Ordering(n) => 2 + n,
        Form::Short if text_bytes > SMALL_MAX => usize::MAX,
        Form::Short => 1 + small_len(text_bytes) + b64_len(text_bytes),
    }
}

/// Longest token of a started test of `shape`.
fn test_len(shape: &TestShape, text_bytes: usize) -> usize {
    let attempts = match shape.attempts {
        0 => small_len(SMALL_MAX) + 4,
        a if a <= ATTEMPTS_KEPT => 1 + 2 * a,
        a => small_len(a) + 4,
    };
    let mut costs: Vec<usize> = shape
        .pool
        .iter()
        .map(|&f| form_len(f, text_bytes))
        .collect();
    costs.sort_unstable_by(|a, b| b.cmp(a));
    let drawn = if shape.draw == 0 {
        costs.len()
    } else {
        shape.draw.min(costs.len())
    };
    let responses = costs[..drawn]
        .iter()
        .fold(costs.len() - drawn, |acc, &c| acc.saturating_add(c));
    (1 + 5 + attempts + small_len(costs.len())).saturating_add(responses)
}

/// Longest string [`encode`] (version 2) can produce for a module of `shape`
/// whose short answers have at most `text_bytes` bytes ([`MAX_TEXT_BYTES`]
/// for anything a learner can type; 0 for the length after [`fit`] cut every
/// text). Assumes the page index is below `pages`. `usize::MAX` when a
/// question is too large for the format.
pub fn worst_len(shape: &ModuleShape, text_bytes: usize) -> usize {
    let locale = if shape.locales > 1 {
        digits(shape.locales as u64 - 1)
    } else {
        0
    };
    let pages = shape.pages;
    let fixed = VERSION.len()
        + 6
        + locale
        + digits(pages.saturating_sub(1) as u64)
        + digits(pages as u64)
        + pages.div_ceil(6);
    shape
        .practice
        .iter()
        .map(|&f| form_len(f, text_bytes))
        .chain(shape.tests.iter().map(|t| test_len(t, text_bytes)))
        .fold(fixed, usize::saturating_add)
}

/// Longest string [`encode`] (version 2) can produce for a module of `pages`
/// pages and `questions` choice questions of at most `max_options` options
/// each and no tests, in a package of `locales` locales (the locale index is
/// stored only when `locales > 1`). Assumes the page index is below `pages`.
/// `usize::MAX` when `max_options` exceeds [`MAX_OPTIONS`].
pub fn max_len(pages: usize, questions: usize, max_options: usize, locales: usize) -> usize {
    worst_len(
        &ModuleShape {
            pages,
            locales,
            practice: vec![Form::Choice(max_options); questions],
            tests: Vec::new(),
        },
        0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(answer: Answer, checked: bool) -> QuestionState {
        QuestionState { answer, checked }
    }

    /// The fixed states shared with `tests/browser/suspend.test.mjs`; the JS
    /// twin must encode them to exactly these strings.
    fn golden() -> Vec<(SuspendState, &'static str)> {
        vec![
            (SuspendState::default(), "1..A.A.."),
            (
                SuspendState {
                    locale: None,
                    page: 3,
                    seen: vec![true, true, false, true, false, false, true],
                    answers: vec![
                        q(Answer::None, false),
                        q(Answer::Single(2), true),
                        q(Answer::Multiple(0b101), true),
                        q(Answer::Multiple(0), false),
                        q(Answer::None, true),
                    ],
                    tests: None,
                },
                "1..D.H.LB.AYCcFUAI",
            ),
            (
                SuspendState {
                    locale: Some(2),
                    page: 39,
                    seen: (0..40).map(|p| p % 3 != 1).collect(),
                    answers: (0..60)
                        .map(|i| match i % 4 {
                            0 => q(Answer::Single(i % 8), i % 3 == 0),
                            1 => q(Answer::Multiple(0xFF - i), true),
                            2 => q(Answer::None, false),
                            _ => q(Answer::Multiple(i), false),
                        })
                        .collect(),
                    tests: None,
                },
                "1.C.n.o.ttttttN.YAf-AUDQEf6AUHQAf2AULYEfyAUPQAfuAUTQEfqAUXYAfmAUbQEfiAUfQAfeAUjYEfaAUnQAfWAUrQEfSAUvYAfOAUzQEfKAU3QAfGAU7",
            ),
            (
                SuspendState {
                    locale: Some(0),
                    page: 70,
                    seen: vec![true; 70],
                    answers: vec![
                        q(Answer::Single(255), true),
                        q(Answer::Single(256), false),
                        q(Answer::Multiple((1 << 30) - 1), true),
                        q(Answer::Single(63), false),
                        q(Answer::Single(64), false),
                    ],
                    tests: None,
                },
                "1.A.BG.BG.___________P.b_wEA______Q_RA",
            ),
        ]
    }

    fn m(values: &[i32]) -> Answer {
        Answer::Matching(values.iter().map(|&v| u32::try_from(v).ok()).collect())
    }

    fn text(s: &str) -> Answer {
        Answer::Text(s.to_string())
    }

    fn test(seed: u32, attempts: &[u32], done: bool, responses: Vec<Answer>) -> Option<TestState> {
        Some(TestState {
            seed,
            attempts: attempts.to_vec(),
            done,
            responses: responses.into_iter().map(|a| q(a, false)).collect(),
        })
    }

    /// Version-2 states shared with `tests/browser/suspend.test.mjs` (same
    /// order, same strings).
    fn golden_v2() -> Vec<(SuspendState, &'static str)> {
        vec![
            (
                SuspendState {
                    tests: Some(vec![]),
                    ..SuspendState::default()
                },
                "2..A.A...",
            ),
            (
                SuspendState {
                    locale: None,
                    page: 1,
                    seen: vec![true, true, false],
                    answers: vec![
                        q(Answer::Single(1), true),
                        q(m(&[2, -1, 0]), true),
                        q(Answer::Ordering(vec![3, 1, 0, 2]), true),
                        q(text("art. 3"), true),
                        q(text(""), false),
                        q(Answer::None, false),
                    ],
                    tests: Some(vec![
                        test(
                            123_456,
                            &[40, 100],
                            true,
                            vec![Answer::Single(1), m(&[0, 1]), text("18,5"), Answer::None],
                        ),
                        None,
                        test(
                            0,
                            &[],
                            false,
                            vec![
                                Answer::None,
                                Answer::Multiple(0b101),
                                Answer::Ordering(vec![0, 1]),
                            ],
                        ),
                    ]),
                },
                "2..B.D.D.YBpDDABqEDBACrGYXJ0LiAzjAA.LeJACAoBkEQBhCBCjEMTgsNQAABAADAUFiCAB",
            ),
            (
                SuspendState {
                    locale: Some(1),
                    page: 0,
                    seen: vec![true],
                    answers: vec![
                        q(text("oʻgʻil ‘bola’ ёлка 🙂"), true),
                        q(text(&"я".repeat(60)), true),
                    ],
                    tests: Some(vec![
                        test(
                            (1 << 30) - 1,
                            &[10, 0, 55, 70, 20, 95, 60, 60, 61, 50, 30, 90],
                            false,
                            vec![m(&[62, -1]), text("x")],
                        ),
                        test(63, &[100; 8], true, vec![]),
                    ]),
                },
                "2.B.A.B.B.rhb8q7Z8q7aWwg4oCYYm9sYeKAmSDRkdC70LrQsCDwn5mCr_A50Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP0Y_Rj9GP.R_____MBfBaChC_AjBeAD_IBkBkBkBkBkBkBkBkA",
            ),
        ]
    }

    #[test]
    fn golden_strings() -> Result<(), SuspendError> {
        for (state, expected) in golden().into_iter().chain(golden_v2()) {
            let encoded = encode(&state)?;
            assert_eq!(encoded, expected);
            // More than 8 attempts keep only the best and the last.
            let mut back = state.clone();
            for t in back.tests.iter_mut().flatten().flatten() {
                let n = t.attempts.len();
                if n > ATTEMPTS_KEPT {
                    let best = t.attempts.iter().copied().max().unwrap_or(0);
                    let last = t.attempts[n - 1];
                    t.attempts = vec![0; n - 2];
                    t.attempts.extend([best, last]);
                }
            }
            assert_eq!(decode(&encoded)?, back);
            assert_eq!(encode(&back)?, encoded);
        }
        Ok(())
    }

    /// A random answer of any form (version 2), or of the choice forms only.
    fn random_answer(next: &mut impl FnMut() -> u32, v2: bool) -> Answer {
        let options = 2 + (next() % 29);
        match next() % if v2 { 6 } else { 3 } {
            0 => Answer::None,
            1 => Answer::Single(next() % options),
            2 => Answer::Multiple(next() & ((1 << options) - 1)),
            3 => {
                let n = (next() % 64) as usize;
                Answer::Matching(
                    (0..n)
                        .map(|_| (!next().is_multiple_of(4)).then(|| next() % 63))
                        .collect(),
                )
            }
            4 => Answer::Ordering((0..next() % 64).map(|_| next() % 64).collect()),
            _ => {
                const CHARS: [char; 8] = ['a', ' ', '3', 'ʻ', 'я', '‘', '🙂', 'ё'];
                Answer::Text(
                    (0..next() % 61)
                        .map(|_| CHARS[(next() % 8) as usize])
                        .collect(),
                )
            }
        }
    }

    #[test]
    fn round_trip_many_states() -> Result<(), SuspendError> {
        let mut seed = 0x9e37_79b9_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for n in 0..3000 {
            let v2 = n % 3 != 0;
            let pages = (next() % 80) as usize;
            let questions = (next() % 90) as usize;
            let state = SuspendState {
                locale: (next() % 2 == 0).then(|| next() % 70),
                page: next() % (pages.max(1) as u32),
                seen: (0..pages).map(|_| next() % 2 == 0).collect(),
                answers: (0..questions)
                    .map(|_| q(random_answer(&mut next, v2), next() % 2 == 0))
                    .collect(),
                tests: v2.then(|| {
                    (0..next() % 4)
                        .map(|_| {
                            (next() % 4 != 0).then(|| TestState {
                                seed: next() % LIMIT,
                                attempts: (0..next() % 9).map(|_| next() % 101).collect(),
                                done: next() % 2 == 0,
                                responses: (0..next() % 30)
                                    .map(|_| q(random_answer(&mut next, true), false))
                                    .collect(),
                            })
                        })
                        .collect()
                }),
            };
            let s = encode(&state)?;
            assert!(s.bytes().all(|b| ALPHABET.contains(&b) || b == b'.'), "{s}");
            assert_eq!(decode(&s)?, state, "{s}");
            if !v2 {
                assert!(s.starts_with("1."), "{s}");
                let widest = 30;
                let bound = max_len(pages, questions, widest, 70);
                // max_len is for version 2: one '.' more than version 1.
                assert!(s.len() < bound, "{s} longer than max_len");
            }
        }
        Ok(())
    }

    /// The shape of a state (its questions' forms as answered), for worst_len.
    fn shape_of(state: &SuspendState, locales: usize) -> (ModuleShape, usize) {
        fn form(a: &Answer, longest: &mut usize) -> Form {
            match a {
                Answer::None | Answer::Single(_) | Answer::Multiple(_) => Form::Choice(30),
                Answer::Matching(v) => Form::Matching(v.len()),
                Answer::Ordering(v) => Form::Ordering(v.len()),
                Answer::Text(t) => {
                    *longest = (*longest).max(t.len());
                    Form::Short
                }
            }
        }
        let mut longest = 0;
        let practice = state
            .answers
            .iter()
            .map(|q| form(&q.answer, &mut longest))
            .collect();
        let mut tests = Vec::new();
        for t in state.tests.iter().flatten() {
            let mut pool = Vec::new();
            for q in t.iter().flat_map(|t| t.responses.iter()) {
                pool.push(form(&q.answer, &mut longest));
            }
            tests.push(TestShape {
                pool,
                draw: 0,
                attempts: 0,
            });
        }
        let shape = ModuleShape {
            pages: state.seen.len(),
            locales,
            practice,
            tests,
        };
        (shape, longest)
    }

    #[test]
    fn worst_len_bounds_every_state() -> Result<(), SuspendError> {
        for (state, s) in golden_v2() {
            let (shape, longest) = shape_of(&state, 64);
            assert!(s.len() <= worst_len(&shape, longest), "{s}");
        }
        // The bound is reached by a full state.
        let state = SuspendState {
            locale: Some(2),
            page: 9,
            seen: vec![true; 10],
            answers: vec![
                q(Answer::Multiple(0xFF), true),
                q(m(&[1, 2, 0]), true),
                q(text(&"‘".repeat(60)), true),
            ],
            tests: Some(vec![
                test(
                    LIMIT - 1,
                    &[1, 2, 3],
                    true,
                    vec![
                        Answer::Ordering(vec![1, 0]),
                        text(&"‘".repeat(60)),
                        Answer::None,
                    ],
                ),
                test(LIMIT - 1, &[7; 70], false, vec![Answer::Single(7)]),
            ]),
        };
        let shape = ModuleShape {
            pages: 10,
            locales: 3,
            practice: vec![Form::Choice(8), Form::Matching(3), Form::Short],
            tests: vec![
                TestShape {
                    pool: vec![Form::Ordering(2), Form::Short, Form::Choice(4)],
                    draw: 2,
                    attempts: 3,
                },
                TestShape {
                    pool: vec![Form::Choice(8)],
                    draw: 0,
                    attempts: 0,
                },
            ],
        };
        assert_eq!(encode(&state)?.len(), worst_len(&shape, MAX_TEXT_BYTES));
        Ok(())
    }

    /// The course of the issue: 14 modules x 40 pages x 60 questions (up to 8
    /// options), one SCO per module, one suspend_data per SCO.
    #[test]
    fn course_of_14_modules_fits_with_a_wide_margin() -> Result<(), SuspendError> {
        let per_sco = max_len(40, 60, 8, 1);
        let per_sco_multilingual = max_len(40, 60, 8, 64);
        assert_eq!(per_sco, 136);
        assert_eq!(per_sco_multilingual, 137);
        // A wide margin: under 5% of the SCORM 1.2 limit, per SCO...
        assert!(per_sco_multilingual * 20 < SCORM12_SUSPEND_DATA_MAX);
        // ...and even if all 14 modules had to share one suspend_data.
        assert!(14 * per_sco_multilingual < SCORM12_SUSPEND_DATA_MAX / 2);

        // The worst case really is reached by a full state.
        let worst = SuspendState {
            locale: Some(63),
            page: 39,
            seen: vec![true; 40],
            answers: vec![q(Answer::Multiple(0xFF), true); 60],
            tests: Some(vec![]),
        };
        assert_eq!(encode(&worst)?.len(), per_sco_multilingual);
        Ok(())
    }

    /// A test of `n` questions of `form`, `attempts` allowed, all used.
    fn full_test(form: Form, n: usize, attempts: usize, chars: &str) -> TestState {
        let answer = match form {
            Form::Matching(k) => Answer::Matching((0..k as u32).rev().map(Some).collect()),
            Form::Ordering(k) => Answer::Ordering((0..k as u32).rev().collect()),
            Form::Choice(_) => Answer::Multiple(0xFF),
            Form::Short => Answer::Text(chars.chars().cycle().take(MAX_TEXT_UNITS).collect()),
        };
        TestState {
            seed: LIMIT - 1,
            attempts: (0..attempts as u32).map(|a| 99 - a).collect(),
            done: true,
            responses: vec![q(answer, false); n],
        }
    }

    /// Issue 19: "suspend_data at 14 modules x 40 questions x 3 attempts stays
    /// under 4,096 characters (give the worst case)". One SCO per module, so
    /// one suspend_data per module: a module of 40 pages (multilingual
    /// package), a post-test of 40 questions with 3 attempts, all used, and a
    /// pre-test of 40 questions, every question answered in its longest form.
    /// `cargo test --release suspend -- --nocapture` prints the figures.
    #[test]
    fn graded_module_40_questions_3_attempts_and_a_pre_test() -> Result<(), SuspendError> {
        let limit = SCORM12_SUSPEND_DATA_MAX;
        // Which form is the worst, per question: a short answer of 60
        // characters, at 1 (ASCII), 2 (Cyrillic) or 3 bytes (‘ U+2018, as
        // typed for Uzbek oʻ) each, or matching with 10 pairs.
        let per_question = [
            ("matching, 10 pairs", form_len(Form::Matching(10), 0)),
            ("ordering, 10 items", form_len(Form::Ordering(10), 0)),
            ("choice, 8 options", form_len(Form::Choice(8), 0)),
            ("short, 60 ASCII", form_len(Form::Short, 60)),
            ("short, 60 Cyrillic", form_len(Form::Short, 120)),
            ("short, 60 x 3 bytes", form_len(Form::Short, MAX_TEXT_BYTES)),
        ];
        assert_eq!(
            per_question.map(|(_, n)| n),
            [12, 12, 2, 82, 164, 244],
            "characters per question"
        );
        for (what, n) in per_question {
            println!("suspend_data per question: {what}: {n} characters");
        }
        let shape = |form: Form, pre: usize| ModuleShape {
            pages: 40,
            locales: 3,
            practice: vec![],
            tests: vec![
                TestShape {
                    pool: vec![form; pre],
                    draw: 0,
                    attempts: 1,
                },
                TestShape {
                    pool: vec![form; 40],
                    draw: 0,
                    attempts: 3,
                },
            ],
        };
        let state = |form: Form, pre: usize, chars: &str| SuspendState {
            locale: Some(2),
            page: 39,
            seen: vec![true; 40],
            answers: vec![],
            tests: Some(vec![
                Some(full_test(form, pre, 1, chars)),
                Some(full_test(form, 40, 3, chars)),
            ]),
        };

        // Matching with 10 pairs (and ordering of 10) fits as it is.
        let matching = worst_len(&shape(Form::Matching(10), 40), 0);
        assert_eq!(matching, 1001);
        let s = encode(&state(Form::Matching(10), 40, ""))?;
        assert_eq!(s.len(), matching);
        assert_eq!(fit(&state(Form::Matching(10), 40, ""), limit)?, (s, None));
        println!(
            "suspend_data, 40 matching x 10 pairs x 3 attempts + pre-test of 40: {matching} characters per SCO"
        );

        // Short answers do not fit as typed: fit() cuts every text to the
        // same byte length, the longest that fits.
        for (chars, bytes, pre, uncut, cut, len) in [
            ("abcdefghij", 60, 10, 4141, 59, 4091),
            ("abcdefghij", 60, 40, 6601, 36, 4041),
            ("кириллица", 120, 40, 13161, 37, 4041),
            ("‘", MAX_TEXT_BYTES, 40, 19561, 38, 4041),
            ("‘", MAX_TEXT_BYTES, 10, 12241, 59, 3941),
        ] {
            let shape = shape(Form::Short, pre);
            assert_eq!(worst_len(&shape, bytes), uncut);
            let st = state(Form::Short, pre, chars);
            assert_eq!(encode(&st)?.len(), uncut);
            let (s, applied) = fit(&st, limit)?;
            assert_eq!(
                (applied, s.len()),
                (Some(cut), len),
                "{chars} pre-test {pre}"
            );
            assert!(s.len() <= limit);
            assert!(s.len() <= worst_len(&shape, cut));
            println!(
                "suspend_data, 40 short answers of 60 chars ({bytes} bytes) x 3 attempts + pre-test of {pre}: \
                 {uncut} characters as typed; fit() cuts each text to at most {cut} bytes: {len} per SCO"
            );
        }
        // Whatever is typed, the module fits: with texts of 0 bytes it needs
        // only this much (one of 14 SCOs; 14 separate suspend_data fields).
        let floor = worst_len(&shape(Form::Short, 40), 0);
        assert_eq!(floor, 201);
        println!(
            "14-module course: 14 SCOs, each with its own suspend_data of at most 4091 characters \
             (the longest above; {limit} by construction), {} over the course",
            14 * 4091
        );
        Ok(())
    }

    #[test]
    fn fit_cuts_texts_on_character_boundaries() -> Result<(), SuspendError> {
        let state = SuspendState {
            answers: vec![
                q(text("ab‘cd"), true),
                q(text("ёё"), true),
                q(Answer::Single(3), true),
            ],
            tests: Some(vec![test(5, &[50], true, vec![text("я‘z")])]),
            ..SuspendState::default()
        };
        let full = encode(&state)?;
        assert_eq!(fit(&state, full.len())?, (full.clone(), None));
        let (s, cut) = fit(&state, full.len() - 1)?;
        assert_eq!(cut, Some(6));
        assert_eq!(decode(&s)?.answers[0].answer, text("ab‘c"));
        // Each cut ends on a character boundary: 5 bytes keep "ab‘" and "я‘".
        let (s, cut) = fit(&state, full.len() - 3)?;
        assert_eq!(cut, Some(5));
        let back = decode(&s)?;
        assert_eq!(back.answers[0].answer, text("ab‘"));
        assert_eq!(back.answers[1].answer, text("ёё"));
        assert_eq!(back.answers[2].answer, Answer::Single(3));
        let t = back
            .tests
            .as_ref()
            .and_then(|t| t[0].clone())
            .unwrap_or_default();
        assert_eq!(t.responses[0].answer, text("я‘"));
        assert_eq!(t.attempts, vec![50]);
        let (s0, cut0) = fit(&state, encode(&with_texts_cut(&state, 0))?.len())?;
        assert_eq!(cut0, Some(0));
        assert_eq!(decode(&s0)?.answers[0].answer, text(""));
        assert_eq!(
            fit(&state, s0.len() - 1),
            Err(SuspendError::TooLong {
                len: s0.len(),
                limit: s0.len() - 1
            })
        );
        assert_eq!(cut_text("ab‘cd", 4), "ab");
        assert_eq!(cut_text("🙂", 3), "");
        assert_eq!(cut_text("🙂", 4), "🙂");
        Ok(())
    }

    #[test]
    fn limits_and_bad_strings() {
        let too_big = SuspendState {
            page: 1 << 30,
            ..SuspendState::default()
        };
        assert_eq!(encode(&too_big), Err(SuspendError::TooLarge("page index")));
        let too_many_options = SuspendState {
            answers: vec![q(Answer::Multiple(1 << 30), false)],
            ..SuspendState::default()
        };
        assert!(encode(&too_many_options).is_err());
        let v2_answer_in_v1 = SuspendState {
            answers: vec![q(text("3"), true)],
            ..SuspendState::default()
        };
        assert_eq!(encode(&v2_answer_in_v1), Err(SuspendError::Version));
        let v2 = |answers: Vec<Answer>, tests: Vec<Option<TestState>>| SuspendState {
            answers: answers.into_iter().map(|a| q(a, true)).collect(),
            tests: Some(tests),
            ..SuspendState::default()
        };
        for bad in [
            v2(vec![m(&[63])], vec![]),
            v2(vec![m(&[0; 64])], vec![]),
            v2(vec![Answer::Ordering(vec![64])], vec![]),
            v2(vec![Answer::Ordering(vec![0; 64])], vec![]),
            v2(vec![text(&"x".repeat(SMALL_MAX + 1))], vec![]),
            v2(vec![], vec![test(LIMIT, &[], false, vec![])]),
            v2(vec![], vec![test(0, &[101], false, vec![])]),
            v2(vec![], vec![test(0, &[], false, vec![m(&[63])])]),
        ] {
            assert!(encode(&bad).is_err(), "{bad:?} encoded");
        }
        assert!(encode(&v2(vec![text(&"x".repeat(SMALL_MAX))], vec![])).is_ok());
        assert_eq!(max_len(40, 60, 31, 1), usize::MAX);
        // 1 + 6 dots + page 1 + pages 1 + seen 7 + 60 x (1 + 5 digits)
        assert_eq!(max_len(40, 60, 30, 1), 1 + 6 + 1 + 1 + 7 + 60 * 6);

        for bad in [
            "",
            "3..A.A..",
            "1..A.A.",
            "1..A.A...",
            "1.AB.A.A..",
            "1..A.B..",
            "1..A.B.C.",
            "1..A.F.g.",
            "1..A.A..B",
            "1..A.A..Q",
            "1..A.A..gAB",
            "1..A.A..w",
            "1..A.A..E",
            "1..A.A..$$",
            "1..AAAAAA.A..",
            "1..A.A..QA\u{e9}",
            "1..\u{0}.A..",
            // Version-2 tokens in a version-1 string.
            "1..A.A..hCCA",
            "1..A.A..jAB",
            // Version 2: field count, tokens, tests.
            "2..A.A..",
            "2..A.A....",
            "2..A.A..h",
            "2..A.A..hC",
            "2..A.A..hBA_.",
            "2..A.A..kAA.",
            "2..A.A..gAA.",
            "2..A.A..jB.",
            "2..A.A..jB_w.",
            "2..A.A..jBYR.",
            "2..A.A..jCw.",
            "2..A.A..jC__.",
            "2..A.A..j_.",
            "2..A.A..j_AAx.",
            "2..A.A...B",
            "2..A.A...C",
            "2..A.A...E",
            "2..A.A...BA",
            "2..A.A...BAA",
            "2..A.A...BABBl",
            "2..A.A...BAAB",
            "2..A.A...BAAA_",
            "2..A.A...BAAAB",
            "2..A.A...FAAAAA",
            "2..A.A...VAAAAAAAA",
            "2..A.A...hBAAAA",
            "2..A.A...BAJBlAAA",
            "2..A.A...BAJBABBA",
            "2..A.A...BAJAABAA",
        ] {
            assert!(decode(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(decode("3..A.A.."), Err(SuspendError::Version));
        assert_eq!(decode("2..A.A..."), Ok(v2(vec![], vec![])));
        assert_eq!(decode("2..A.A...A"), Ok(v2(vec![], vec![None])));
    }
}

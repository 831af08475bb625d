//! Compact `cmi.suspend_data` encoding of one SCO's (one module's) progress.
//!
//! SCORM 1.2 allows 4096 characters of `cmi.suspend_data`, and LMSs truncate
//! silently past that (the learner is sent back to the start). This encoding
//! needs about two characters per question, so a module of 40 pages and 60
//! questions fits in 136 characters. The JavaScript twin is
//! `themes/default/static/scorm-state.js` (`window.darslikState`); both must
//! produce the same string for the same state (tests pin a few on each side).
//!
//! # Format, version 1
//!
//! Only `[A-Za-z0-9._-]` are used, which no LMS escapes or mangles. Six
//! fields separated by `.`:
//!
//! ```text
//! 1 . <locale> . <page> . <pages> . <seen> . <answers>
//! ```
//!
//! - `1`: format version.
//! - numbers are written in base64url digits (`A`=0 … `Z`=25, `a`=26 … `z`=51,
//!   `0`=52 … `9`=61, `-`=62, `_`=63), most significant first, without leading
//!   `A` (zero is `A`), at most 5 digits (values below 2^30).
//! - `<locale>`: index of the current locale in the package's locale list
//!   (multilingual packages), empty otherwise.
//! - `<page>`: index of the last page visited in the module.
//! - `<pages>`: number of pages of the module.
//! - `<seen>`: pages seen, a bit set in ceil(pages / 6) digits; page `p` is bit
//!   `p % 6` (value `1 << (p % 6)`) of digit `p / 6`; unused high bits are 0.
//! - `<answers>`: one token per question, in module order. The first digit `d`
//!   holds flags: 32 = extended, 16 = answered, 8 = checked, 4 = multiple
//!   choice, and 2 payload bits `P = d & 3`.
//!   - not answered: one digit, only the checked flag may be set (`A`, `I`);
//!   - answered, value < 256: two digits, value = `P << 6 | d1`;
//!   - answered, value >= 256 (extended): `P + 2` more digits hold the value.
//!
//!   The value is the chosen option index (single choice) or the bit mask of
//!   chosen options (multiple choice, option `i` = bit `i`), so up to 8 options
//!   a question takes at most two characters; at most 30 options are supported.
//!
//! The number of pages and questions is in the string, so the runtime can tell
//! a state saved by a different version of the module (other page or question
//! count) and drop it instead of restoring answers to the wrong questions.

use std::fmt;

/// The 64 digits, base64url order.
pub const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// First field of every string in this format.
pub const VERSION: &str = "1";

/// SCORM 1.2 `cmi.suspend_data` limit (CMIString4096).
pub const SCORM12_SUSPEND_DATA_MAX: usize = 4096;

/// Most options a question may have (a multiple-choice mask is a 30-bit number).
pub const MAX_OPTIONS: usize = 30;

/// Numbers (and answer values) must be below this.
const LIMIT: u32 = 1 << 30;

/// Progress of one module, as saved in `cmi.suspend_data`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuspendState {
    /// Index of the current locale in a multilingual package; `None` otherwise.
    pub locale: Option<u32>,
    /// Index of the last page visited in the module.
    pub page: u32,
    /// One flag per page of the module: shown to the learner at least once.
    pub seen: Vec<bool>,
    /// One entry per question of the module, in order.
    pub answers: Vec<QuestionState>,
}

/// Saved state of one question.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuestionState {
    /// What the learner chose.
    pub answer: Answer,
    /// The learner asked for the answer to be checked (feedback shown, counted).
    pub checked: bool,
}

/// A learner's choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Answer {
    /// Nothing chosen yet.
    #[default]
    None,
    /// Single choice: index of the chosen option.
    Single(u32),
    /// Multiple choice: bit `i` set when option `i` is chosen.
    Multiple(u32),
}

/// Why a state cannot be encoded, or a string decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SuspendError {
    /// A number or answer is too large for the format (>= 2^30, or a
    /// multiple-choice mask with more than 30 options).
    TooLarge(&'static str),
    /// The string is from another format version (or another tool).
    Version,
    /// The string is damaged; the field says where.
    Malformed(&'static str),
}

impl fmt::Display for SuspendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SuspendError::TooLarge(what) => write!(f, "suspend_data: {what} is too large"),
            SuspendError::Version => f.write_str("suspend_data: unknown format version"),
            SuspendError::Malformed(what) => write!(f, "suspend_data: malformed {what}"),
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

fn push_number(out: &mut String, v: u32, what: &'static str) -> Result<(), SuspendError> {
    if v >= LIMIT {
        return Err(SuspendError::TooLarge(what));
    }
    for i in (0..digits(u64::from(v))).rev() {
        out.push(digit(v >> (6 * i)));
    }
    Ok(())
}

/// Encodes `state`. Fails only when a number is 2^30 or more.
pub fn encode(state: &SuspendState) -> Result<String, SuspendError> {
    let mut out = String::with_capacity(16 + state.seen.len() / 6 + 2 * state.answers.len());
    out.push_str(VERSION);
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
        let checked = if q.checked { 8 } else { 0 };
        let (multiple, value) = match q.answer {
            Answer::None => {
                out.push(digit(checked));
                continue;
            }
            Answer::Single(v) => (0, v),
            Answer::Multiple(v) => (4, v),
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

/// Decodes a string written by [`encode`] (or by `darslikState.encode`).
/// Only canonical strings are accepted, so `encode(decode(s)?) == s`.
pub fn decode(s: &str) -> Result<SuspendState, SuspendError> {
    let fields: Vec<&[u8]> = s.as_bytes().split(|&b| b == b'.').collect();
    if fields.first() != Some(&VERSION.as_bytes()) {
        return Err(SuspendError::Version);
    }
    let [_, locale, page, pages, seen, answers] = fields[..] else {
        return Err(SuspendError::Malformed("field count"));
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

    let mut out = Vec::with_capacity(answers.len() / 2);
    let mut i = 0;
    let bad = SuspendError::Malformed("answers");
    while i < answers.len() {
        let d = value_of(answers[i]).ok_or(bad.clone())?;
        i += 1;
        let checked = d & 8 != 0;
        let multiple = d & 4 != 0;
        let payload = d & 3;
        let answer = if d & 16 == 0 {
            if d & !8 != 0 {
                return Err(bad);
            }
            Answer::None
        } else {
            let value = if d & 32 == 0 {
                let low = answers
                    .get(i)
                    .and_then(|&c| value_of(c))
                    .ok_or(bad.clone())?;
                i += 1;
                (payload << 6) | low
            } else {
                let n = payload as usize + 2;
                let field = answers.get(i..i + n).ok_or(bad.clone())?;
                i += n;
                let value = parse_number(field, "answers")?;
                if value < 256 {
                    return Err(bad);
                }
                value
            };
            if multiple {
                Answer::Multiple(value)
            } else {
                Answer::Single(value)
            }
        };
        out.push(QuestionState { answer, checked });
    }
    Ok(SuspendState {
        locale,
        page,
        seen: seen_flags,
        answers: out,
    })
}

/// Longest string [`encode`] can produce for a module of `pages` pages and
/// `questions` questions of at most `max_options` options each, in a package
/// of `locales` locales (the locale index is stored only when `locales > 1`).
/// Assumes the page index is below `pages`. `usize::MAX` when `max_options`
/// exceeds [`MAX_OPTIONS`].
pub fn max_len(pages: usize, questions: usize, max_options: usize, locales: usize) -> usize {
    if max_options > MAX_OPTIONS {
        return usize::MAX;
    }
    // Largest answer value: option index max_options-1, or a full mask.
    let max_value = (1u64 << max_options) - 1;
    let per_question = if max_value < 256 {
        2
    } else {
        1 + digits(max_value)
    };
    let locale = if locales > 1 {
        digits(locales as u64 - 1)
    } else {
        0
    };
    let fixed = VERSION.len()
        + 5
        + locale
        + digits(pages.saturating_sub(1) as u64)
        + digits(pages as u64)
        + pages.div_ceil(6);
    questions.saturating_mul(per_question).saturating_add(fixed)
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
                },
                "1.A.BG.BG.___________P.b_wEA______Q_RA",
            ),
        ]
    }

    #[test]
    fn golden_strings() -> Result<(), SuspendError> {
        for (state, expected) in golden() {
            let encoded = encode(&state)?;
            assert_eq!(encoded, expected);
            assert_eq!(decode(&encoded)?, state);
        }
        Ok(())
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
        for _ in 0..2000 {
            let pages = (next() % 80) as usize;
            let questions = (next() % 90) as usize;
            let options = 2 + (next() % 29);
            let state = SuspendState {
                locale: (next() % 2 == 0).then(|| next() % 70),
                page: next() % (pages.max(1) as u32),
                seen: (0..pages).map(|_| next() % 2 == 0).collect(),
                answers: (0..questions)
                    .map(|_| {
                        let answer = match next() % 3 {
                            0 => Answer::None,
                            1 => Answer::Single(next() % options),
                            _ => Answer::Multiple(next() & ((1 << options) - 1)),
                        };
                        q(answer, next() % 2 == 0)
                    })
                    .collect(),
            };
            let s = encode(&state)?;
            assert!(s.bytes().all(|b| ALPHABET.contains(&b) || b == b'.'), "{s}");
            assert_eq!(decode(&s)?, state, "{s}");
            assert!(
                s.len() <= max_len(pages, questions, options as usize, 70),
                "{s} longer than max_len"
            );
        }
        Ok(())
    }

    /// The course of the issue: 14 modules x 40 pages x 60 questions (up to 8
    /// options), one SCO per module, one suspend_data per SCO.
    #[test]
    fn course_of_14_modules_fits_with_a_wide_margin() -> Result<(), SuspendError> {
        let per_sco = max_len(40, 60, 8, 1);
        let per_sco_multilingual = max_len(40, 60, 8, 64);
        assert_eq!(per_sco, 135);
        assert_eq!(per_sco_multilingual, 136);
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
        };
        assert_eq!(encode(&worst)?.len(), per_sco_multilingual);
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
        assert_eq!(max_len(40, 60, 31, 1), usize::MAX);
        // 1 + 5 dots + page 1 + pages 1 + seen 7 + 60 x (1 + 5 digits)
        assert_eq!(max_len(40, 60, 30, 1), 1 + 5 + 1 + 1 + 7 + 60 * 6);

        for bad in [
            "",
            "2..A.A..",
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
        ] {
            assert!(decode(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(decode("2..A.A.."), Err(SuspendError::Version));
    }
}

//! How long a saved state can get, and fitting one into an LMS's limit by
//! shortening short-answer texts (nothing else is ever cut).

use super::*;

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
pub(super) fn with_texts_cut(state: &SuspendState, max: usize) -> SuspendState {
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
    /// Scored case scenarios (progress-data `scen`); with none the SCO
    /// writes version 2, without the scenarios field.
    pub scenarios: usize,
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

/// Longest token of a started scenario: the header, the best percent, the
/// run's length (3 characters for 63 and 64) and [`MAX_PATH`] choices.
pub fn scenario_len() -> usize {
    1 + 2 + small_len(MAX_PATH) + MAX_PATH
}

/// Longest string [`encode`] (version 2, or 3 when the module has
/// scenarios) can produce for a module of `shape` whose short answers have
/// at most `text_bytes` bytes ([`MAX_TEXT_BYTES`] for anything a learner can
/// type; 0 for the length after [`fit`] cut every text). Assumes the page
/// index is below `pages`. `usize::MAX` when a question is too large for the
/// format.
pub fn worst_len(shape: &ModuleShape, text_bytes: usize) -> usize {
    let locale = if shape.locales > 1 {
        digits(shape.locales as u64 - 1)
    } else {
        0
    };
    let pages = shape.pages;
    let scenarios = if shape.scenarios > 0 {
        1 + shape.scenarios.saturating_mul(scenario_len())
    } else {
        0
    };
    let fixed = VERSION.len()
        + 6
        + scenarios
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
            scenarios: 0,
        },
        0,
    )
}

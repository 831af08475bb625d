//! Case scenarios: the ```` ```scenario ```` fenced block (SPEC §8).
//!
//! Pure like `quiz`: parses one block into a [`Scenario`], validates its
//! graph, scores paths and renders the markup scenario.js drives. No I/O, no
//! panics on input.
//!
//! Grammar (file lines; trailing whitespace and CR are ignored):
//!
//! ```text
//! # id               a step; id = [A-Za-z0-9_-]{1,40}, unique in the block
//! # id (end)         an ending (no choices)
//! (text lines)       the step's text: Markdown
//! * text -> target   a choice (inline Markdown) leading to a step
//! * text -> t (+2)   with points, (+N) or (-N), N from 0 to 1000
//! > feedback         right under a choice: its feedback (lines joined)
//! ```
//!
//! `>` lines before a step's first choice are its text (a quote). The first
//! step is the start; every step must be reachable from it, every non-ending
//! step needs choices, and no loop may give points.

mod diagram;
mod grammar;
mod graph;
mod render;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_render;

pub use diagram::{Layout, layout, render_svg};
pub use grammar::{MAX_ID, MAX_POINTS, parse_at, valid_id};
pub use graph::GraphProblems;
pub use render::{ScenarioOptions, ScenarioStrings, plain_text, render_scenario, slug};

/// Parses a block on its own (lines counted from 1).
pub fn parse(text: &str) -> Result<Scenario, Vec<crate::markdown::quiz::QuizError>> {
    parse_at(text, 1)
}

/// One ```` ```scenario ```` block; `steps[0]` is the start.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scenario {
    pub steps: Vec<Step>,
}

/// One step (`# id`, or `# id (end)` for an ending).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Step {
    pub id: String,
    pub end: bool,
    /// Markdown block source of the step's text.
    pub text: String,
    pub choices: Vec<Choice>,
    /// File line of the `# ` line.
    pub line: usize,
}

/// One choice (`* text -> target (+N)`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choice {
    pub text: String,
    /// Index into `Scenario::steps`.
    pub target: usize,
    pub target_id: String,
    pub points: i32,
    pub feedback: Option<String>,
    pub line: usize,
}

impl Scenario {
    /// best(s) for every step: the highest sum of points from the step to
    /// an ending.
    pub fn best_from(&self) -> Vec<i32> {
        graph::best_from(self)
    }

    /// The best path's points, from the first step.
    pub fn best(&self) -> i32 {
        self.best_from().first().copied().unwrap_or(0)
    }

    /// Is choice `choice` of step `step` on a best path from that step
    /// (SCORM "correct")? `points + best(target) == best(step)`, and the
    /// path need not come back to the step (see [`graph::good_all`]).
    /// `false` for indices out of range.
    pub fn good(&self, step: usize, choice: usize) -> bool {
        self.good_all()
            .get(step)
            .and_then(|g| g.get(choice))
            .copied()
            .unwrap_or(false)
    }

    /// [`Scenario::good`] for every choice of every step, computed once.
    pub fn good_all(&self) -> Vec<Vec<bool>> {
        graph::good_all(self)
    }

    /// A run's score in percent of the best path's points, clamped to
    /// 0..=100; `None` when the scenario is not scored (best <= 0).
    pub fn percent(&self, points: i32) -> Option<u8> {
        percent_of(points, self.best())
    }

    /// Is the scenario scored (its best path gives points)?
    pub fn scored(&self) -> bool {
        self.best() > 0
    }

    /// The index of the step with this id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }
}

/// round(100 * points / best) clamped to 0..=100, `None` when best <= 0.
pub fn percent_of(points: i32, best: i32) -> Option<u8> {
    if best <= 0 {
        return None;
    }
    if points <= 0 {
        return Some(0);
    }
    let (p, b) = (i64::from(points), i64::from(best));
    // Rounded half up, in integers.
    let pc = (200 * p + b) / (2 * b);
    Some(u8::try_from(pc.min(100)).unwrap_or(100))
}

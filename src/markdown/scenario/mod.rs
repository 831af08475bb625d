//! Case scenarios: the ```` ```scenario ```` fenced block (SPEC §8).
//!
//! Pure like `quiz`: parses one block into a [`Scenario`], validates its
//! graph, scores paths and renders the markup scenario.js drives. No I/O, no
//! panics on input. (Stub: helper A fills in grammar, graph, render, diagram.)

use crate::markdown::quiz::QuizError;

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

/// Texts the markup shows or hands to scenario.js.
#[derive(Debug, Clone, Default)]
pub struct ScenarioStrings {
    pub label: String,
}

pub struct ScenarioOptions<'a> {
    pub sid: &'a str,
    pub dom_prefix: &'a str,
    pub strings: &'a ScenarioStrings,
    pub link: &'a dyn Fn(&str) -> String,
}

pub fn parse_at(_text: &str, _first_line: usize) -> Result<Scenario, Vec<QuizError>> {
    Ok(Scenario::default())
}

impl Scenario {
    pub fn best_from(&self) -> Vec<i32> {
        vec![0; self.steps.len()]
    }
    pub fn best(&self) -> i32 {
        self.best_from().first().copied().unwrap_or(0)
    }
    pub fn good(&self, _step: usize, _choice: usize) -> bool {
        false
    }
    pub fn percent(&self, _points: i32) -> Option<u8> {
        None
    }
}

pub fn render_scenario(_s: &Scenario, o: &ScenarioOptions<'_>) -> String {
    format!("<section class=\"scenario\" data-sid=\"{}\"></section>", o.sid)
}

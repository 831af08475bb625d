//! Graded assessments (SPEC §7): a page's `assessment = "graded" |
//! "pre-test" | "post-test"` with its options, and the defaults of
//! `[assessment]` in course.toml.

use serde::Deserialize;

/// What an assessment page is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Counts toward the module's score.
    Graded,
    /// Recorded before the module; never counts toward pass or fail.
    PreTest,
    /// Counts toward the module's score (the best attempt).
    PostTest,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Graded => "graded",
            Kind::PreTest => "pre-test",
            Kind::PostTest => "post-test",
        }
    }

    /// Does its best attempt make the module's score?
    pub fn counts(self) -> bool {
        self != Kind::PreTest
    }
}

/// What the learner sees of right answers and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Review {
    /// After every submitted attempt.
    AfterSubmit,
    /// After the last attempt only (with unlimited attempts: never).
    #[default]
    AfterLastAttempt,
    /// Never: scores only.
    Never,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        match self {
            Review::AfterSubmit => "after-submit",
            Review::AfterLastAttempt => "after-last-attempt",
            Review::Never => "never",
        }
    }
}

/// Most attempts a page may allow (0 is unlimited).
pub const MAX_ATTEMPTS: u32 = 10;

/// Options as written, in front matter or in `[assessment]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    pub attempts: Option<u32>,
    pub shuffle: Option<bool>,
    pub draw: Option<u32>,
    pub review: Option<Review>,
}

impl Options {
    /// Is any option set?
    pub fn any(&self) -> bool {
        self != &Options::default()
    }
}

/// The settings of one assessment page: its options, else the course's,
/// else the defaults (one attempt, written order, every question, review
/// after the last attempt).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub kind: Kind,
    /// 0 = unlimited.
    pub attempts: u32,
    pub shuffle: bool,
    /// 0 = every question of the page.
    pub draw: u32,
    pub review: Review,
}

impl Settings {
    pub fn resolve(kind: Kind, page: &Options, course: &Options) -> Settings {
        Settings {
            kind,
            attempts: page.attempts.or(course.attempts).unwrap_or(1),
            shuffle: page.shuffle.or(course.shuffle).unwrap_or(false),
            draw: page.draw.or(course.draw).unwrap_or(0),
            review: page.review.or(course.review).unwrap_or_default(),
        }
    }

    /// Questions per attempt out of a pool of `pool`.
    pub fn per_attempt(&self, pool: usize) -> usize {
        match self.draw {
            0 => pool,
            n => pool.min(n as usize),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_then_course_then_defaults() {
        let page = Options {
            attempts: Some(2),
            ..Options::default()
        };
        let course = Options {
            attempts: Some(3),
            shuffle: Some(true),
            ..Options::default()
        };
        let s = Settings::resolve(Kind::PostTest, &page, &course);
        assert_eq!((s.attempts, s.shuffle, s.draw), (2, true, 0));
        assert_eq!(s.review, Review::AfterLastAttempt);
        let s = Settings::resolve(Kind::PreTest, &Options::default(), &Options::default());
        assert_eq!(s.attempts, 1);
        assert!(!s.kind.counts());
        assert_eq!(s.per_attempt(8), 8);
        let s = Settings { draw: 5, ..s };
        assert_eq!((s.per_attempt(8), s.per_attempt(3)), (5, 3));
    }
}

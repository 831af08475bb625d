//! Which of the theme's scripts and style sheets a page or module document
//! loads: only what its content needs (issue 26). A plain page does not
//! carry the quiz, test and scenario code; a module document carries what
//! its pages hold. Every file is still written to the output (a theme's own
//! templates may load any of them).

use super::Body;
use super::doc::DocMode;

/// The interactive blocks and tables a page (or a module's pages together)
/// holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Features {
    /// Knowledge-check questions (quiz.js).
    pub practice: bool,
    /// Matching, ordering or short-answer questions: quiz.js leaves them to
    /// forms.js; their styles are forms.css.
    pub widgets: bool,
    /// A graded assessment: pre-test, graded test or post-test (assess.js).
    pub graded: bool,
    /// Case scenarios (scenario.js).
    pub scenario: bool,
    /// Tables (tables.js: the scroll hint of one wider than the screen).
    pub tables: bool,
}

impl Features {
    pub fn of(body: &Body) -> Self {
        use crate::markdown::quiz::Form;
        let graded = body.assessment.is_some();
        let widgets = body
            .questions
            .iter()
            .any(|q| matches!(q.form, Form::Matching | Form::Ordering | Form::Short));
        Features {
            practice: !graded && !body.questions.is_empty(),
            widgets,
            graded,
            scenario: !body.scenarios.is_empty(),
            tables: body.html.as_str().contains(crate::markdown::TABLE_WRAP),
        }
    }

    /// These and `other`'s: a module document holding both pages.
    pub fn with(self, other: Features) -> Self {
        Features {
            practice: self.practice || other.practice,
            widgets: self.widgets || other.widgets,
            graded: self.graded || other.graded,
            scenario: self.scenario || other.scenario,
            tables: self.tables || other.tables,
        }
    }

    fn questions(self) -> bool {
        self.practice || self.graded
    }

    /// forms.js: for matching, ordering and short answers, and on graded
    /// pages (assess.js reads every kind through it).
    fn forms(self) -> bool {
        self.widgets || self.graded
    }
}

/// The style sheets of a site page, in order (`home`: the course home, with home.css).
pub fn page_styles(home: bool, f: Features) -> Vec<&'static str> {
    let mut out = vec!["style.css"];
    if home {
        out.push("home.css");
    }
    if f.questions() {
        out.push("quiz.css");
    }
    if f.widgets {
        out.push("forms.css");
    }
    if f.graded {
        out.push("assess.css");
    }
    if f.scenario {
        out.push("scenario.css");
    }
    out
}

/// Where a site page stands, for the parts of progress.js's work only some
/// pages do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    /// The course home: its modules' progress, "Continue", the reset button
    /// (home.js).
    pub home: bool,
    /// A module's last page, with the module's result (summary.js).
    pub summary: bool,
}

/// The scripts of a site page, in order: darslik.js, tables.js, forms.js
/// before quiz.js and assess.js (they use it), quiz.js before progress.js
/// (which puts saved answers back), home.js and summary.js after
/// progress.js (they read its state), records.js and records-answers.js
/// last (they wrap the others' hooks).
pub fn page_scripts(f: Features, at: Place) -> Vec<&'static str> {
    let mut out = vec!["darslik.js"];
    if f.tables {
        out.push("tables.js");
    }
    if f.forms() {
        out.push("forms.js");
    }
    if f.practice {
        out.push("quiz.js");
    }
    out.push("progress.js");
    if at.home {
        out.push("home.js");
    }
    if at.summary {
        out.push("summary.js");
    }
    if f.graded {
        out.push("assess.js");
    }
    if f.scenario {
        out.push("scenario.js");
    }
    out.push("records.js");
    if f.questions() {
        out.push("records-answers.js");
    }
    out
}

/// The style sheets of a module document, in order: doc.css (its pager,
/// pages and locales) after style.css; a single file ends with "My
/// results" (results.css).
pub fn doc_styles(mode: DocMode, f: Features) -> Vec<&'static str> {
    let mut out = page_styles(false, f);
    out.insert(1, "doc.css");
    if mode == DocMode::Single {
        out.push("results.css");
    }
    out
}

/// The scripts of a module document, in order (tables.js before paging.js,
/// which asks it to measure each page it shows). In SCORM,
/// scorm-version.js (written per package) tells scorm.js which API to look
/// for, so the module document is the same in both versions; scorm-state.js
/// is its suspend_data codec. A single file has records.js and results.js
/// (the learner's log and "My results"; in a SCORM package the LMS
/// records) and no bridge. `summary`: the document ends with the module's
/// result (summary.js draws it).
pub fn doc_scripts(mode: DocMode, f: Features, summary: bool) -> Vec<&'static str> {
    let mut out = Vec::new();
    if f.forms() {
        out.push("forms.js");
    }
    if f.practice {
        out.push("quiz.js");
    }
    if let DocMode::Scorm(_) = mode {
        out.extend(["scorm-state.js", "scorm-version.js", "scorm.js"]);
    }
    out.push("progress.js");
    if summary {
        out.push("summary.js");
    }
    if f.graded {
        out.push("assess.js");
    }
    if f.scenario {
        out.push("scenario.js");
    }
    if mode == DocMode::Single {
        out.push("records.js");
        if f.questions() {
            out.push("records-answers.js");
        }
        out.push("results.js");
    }
    if f.tables {
        out.push("tables.js");
    }
    out.push("paging.js");
    out
}

/// Every style sheet and script a module document of `mode` may load,
/// whatever its pages hold (what a SCORM package carries).
pub fn all_doc_files(mode: DocMode) -> Vec<&'static str> {
    let all = Features {
        practice: true,
        widgets: true,
        graded: true,
        scenario: true,
        tables: true,
    };
    let mut out = doc_styles(mode, all);
    out.extend(doc_scripts(mode, all, true));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_page_loads_no_quiz_code() {
        let f = Features::default();
        assert_eq!(page_styles(false, f), ["style.css"]);
        assert_eq!(page_styles(true, f), ["style.css", "home.css"]);
        assert_eq!(
            page_scripts(f, Place::default()),
            ["darslik.js", "progress.js", "records.js"]
        );
        let home = Place {
            home: true,
            summary: false,
        };
        assert_eq!(
            page_scripts(f, home),
            ["darslik.js", "progress.js", "home.js", "records.js"]
        );
    }

    #[test]
    fn choice_questions_need_no_forms_js() {
        let choice = Features {
            practice: true,
            ..Features::default()
        };
        assert_eq!(
            page_scripts(choice, Place::default()),
            [
                "darslik.js",
                "quiz.js",
                "progress.js",
                "records.js",
                "records-answers.js"
            ]
        );
        assert_eq!(page_styles(false, choice), ["style.css", "quiz.css"]);
    }

    #[test]
    fn widget_and_test_styles_only_where_needed() {
        let graded = Features {
            graded: true,
            ..Features::default()
        };
        assert_eq!(
            page_styles(false, graded),
            ["style.css", "quiz.css", "assess.css"]
        );
        let matching = Features {
            practice: true,
            widgets: true,
            ..Features::default()
        };
        assert_eq!(
            page_styles(false, matching),
            ["style.css", "quiz.css", "forms.css"]
        );
    }

    #[test]
    fn scripts_keep_their_order() {
        let all = Features {
            practice: true,
            widgets: true,
            graded: true,
            scenario: true,
            tables: true,
        };
        let last = Place {
            home: false,
            summary: true,
        };
        assert_eq!(
            page_scripts(all, last),
            [
                "darslik.js",
                "tables.js",
                "forms.js",
                "quiz.js",
                "progress.js",
                "summary.js",
                "assess.js",
                "scenario.js",
                "records.js",
                "records-answers.js"
            ]
        );
        let scorm = doc_scripts(DocMode::Scorm("2004"), all, true);
        let at = |n: &str| scorm.iter().position(|s| *s == n).unwrap();
        assert!(at("scorm-version.js") < at("scorm.js"));
        assert!(at("scorm.js") < at("progress.js"));
        assert!(at("tables.js") < at("paging.js"));
        assert_eq!(scorm.last(), Some(&"paging.js"));
        let graded_only = Features {
            graded: true,
            ..Features::default()
        };
        assert_eq!(
            doc_scripts(DocMode::Single, graded_only, true),
            [
                "forms.js",
                "progress.js",
                "summary.js",
                "assess.js",
                "records.js",
                "records-answers.js",
                "results.js",
                "paging.js"
            ]
        );
    }
}

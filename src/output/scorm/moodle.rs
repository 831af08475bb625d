//! `MOODLE.md`, the "Moodle settings" card of a build: which zip to upload
//! for which need, the SCORM activity settings the packages were played
//! with in a real Moodle (`tests/moodle/walk.py`, through
//! `../shared/moodle/check.sh`), and what the packages record. One section
//! per locale of the build, its words from the theme's `moodle-*` messages.

use super::manifest::ScormVersion;
use super::package::{Planned, plan};
use crate::course::CompleteWhen;
use crate::i18n::{self, Localizer};
use crate::pipeline::Built;

/// The file name, at the root of `--out` (and of the bundle).
pub const FILE: &str = "MOODLE.md";

/// The activity settings of the CI walk (`import.php` of
/// `../shared/moodle`: Moodle 5.1's defaults, grading method "Learning
/// objects"), as (message of the setting, message of its value).
const SETTINGS: &[(&str, &str)] = &[
    ("moodle-set-grademethod", "moodle-val-learning-objects"),
    ("moodle-set-maxattempt", "moodle-val-unlimited"),
    ("moodle-set-whatgrade", "moodle-val-highest-attempt"),
    ("moodle-set-forcecompleted", "moodle-val-no"),
    ("moodle-set-forcenewattempt", "moodle-val-no"),
    ("moodle-set-lastattemptlock", "moodle-val-no"),
    ("moodle-set-masteryoverride", "moodle-val-yes"),
    ("moodle-set-popup", "moodle-val-current-window"),
    ("moodle-set-hidetoc", "moodle-val-to-the-side"),
    ("moodle-set-nav", "moodle-val-under-content"),
    ("moodle-set-auto", "moodle-val-no"),
    ("moodle-set-skipview", "moodle-val-never"),
];

/// The card for the packages of `versions` made for `locales`.
pub fn card(built: &Built, versions: &[ScormVersion], locales: &[&str]) -> String {
    let course = &built.course;
    let config = &course.config;
    let planned = plan(course, versions, locales);
    let en = built.messages.localizer("en");
    let mut out = String::new();
    let source = built.messages.localizer(&config.source_locale);
    out.push_str(&format!(
        "# {}\n\n",
        source.text_with(
            "moodle-card-title",
            &i18n::args(&[
                ("course", source.text("course-title").into()),
                ("version", config.version.clone().into()),
            ]),
        )
    ));
    for &l in locales {
        let loc = built.messages.localizer(l);
        let t = |id: &str| loc.text(id);
        out.push_str(&format!(
            "## {}\n\n{}\n\n",
            crate::render::endonym(&built.messages, l),
            t("moodle-card-intro")
        ));
        out.push_str(&format!("### {}\n\n", t("moodle-which")));
        for version in versions {
            let mine: Vec<&Planned<'_, '_>> = planned
                .iter()
                .filter(|p| p.version == *version && p.locales.contains(&l))
                .collect();
            if let Some(line) = which(&loc, *version, &mine, course.modules.len()) {
                out.push_str(&format!("- {line}\n"));
            }
        }
        if config.scorm.multilingual {
            out.push_str(&format!("- {}\n", t("moodle-multilingual")));
        }
        out.push_str(&format!(
            "\n### {}\n\n| {} | {} |\n|---|---|\n",
            t("moodle-settings"),
            t("moodle-setting"),
            t("moodle-value")
        ));
        for (set, val) in SETTINGS {
            let (mut name, mut value) = (t(set), t(val));
            // Moodle's own English label, to find the setting in any UI.
            if l != "en" {
                name = format!("{name} ({})", en.text(set));
                value = format!("{value} ({})", en.text(val));
            }
            out.push_str(&format!("| {} | {} |\n", cell(&name), cell(&value)));
        }
        out.push_str(&format!("\n### {}\n\n", t("moodle-recorded")));
        let mastery = config.mastery_score();
        let scaled = format!("{}", f64::from(mastery.min(100)) / 100.0);
        out.push_str(&format!(
            "- {}\n",
            loc.text_with(
                "moodle-pass-mark",
                &i18n::args(&[("percent", mastery.into()), ("scaled", scaled.into())])
            )
        ));
        out.push_str(&format!(
            "- {}\n",
            t(match config.scorm.complete_when {
                CompleteWhen::Passed => "moodle-complete-passed",
                CompleteWhen::Seen => "moodle-complete-seen",
            })
        ));
        // Graded pages (SPEC §7): what the module's score is then.
        let graded = built.bodies.site.values().any(|b| b.assessment.is_some());
        if graded {
            out.push_str(&format!("- {}\n", t("moodle-tests")));
        }
        // Case scenarios (SPEC §8): in the score, and an interaction per choice.
        let scenarios = built
            .bodies
            .site
            .values()
            .any(|b| b.scenarios.iter().any(|s| s.scored()));
        if scenarios {
            out.push_str(&format!("- {}\n", t("moodle-scenarios")));
        }
        for id in [
            "moodle-grade",
            "moodle-resume",
            "moodle-never-lower",
            "moodle-not-recorded",
        ] {
            out.push_str(&format!("- {}\n", t(id)));
        }
        out.push('\n');
    }
    out
}

/// The line naming the zips of one version for one locale.
fn which(
    loc: &Localizer,
    version: ScormVersion,
    mine: &[&Planned<'_, '_>],
    modules: usize,
) -> Option<String> {
    let first = mine.first()?;
    let dir = version.dir_name();
    let files: Vec<String> = mine.iter().map(|p| format!("`{dir}/{}`", p.name)).collect();
    let per_module = first.modules.len() == 1 && modules > 1;
    let id = match (version, per_module) {
        (ScormVersion::Scorm12, false) => "moodle-which-12",
        (ScormVersion::Scorm12, true) => "moodle-which-12-modules",
        (ScormVersion::Scorm2004, false) if modules > 1 => "moodle-which-2004-course",
        (ScormVersion::Scorm2004, false) => "moodle-which-2004",
        (ScormVersion::Scorm2004, true) => "moodle-which-2004-modules",
    };
    Some(loc.text_with(
        id,
        &i18n::args(&[
            ("files", files.join(", ").into()),
            ("modules", modules.into()),
        ]),
    ))
}

/// Text safe inside a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

//! Every diagnostic code, with the string `check --format json` prints and
//! one plain sentence saying what it means (for people and translators).

use std::fmt;

use serde::{Serialize, Serializer};

/// What kind of problem a [`super::Diagnostic`] (or a SCORM pre-flight
/// problem) is. [`Code::as_str`] is the stable string tools read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    ConfigMissing,
    ConfigSyntax,
    ConfigId,
    ConfigLocaleTag,
    ConfigLocaleDuplicate,
    ConfigLocaleUnused,
    ConfigNoLocales,
    ConfigSourceLocale,
    ConfigFallbackCycle,
    ConfigFallbackUnknown,
    ConfigGenerate,
    ConfigReservedName,
    ConfigModuleName,
    ConfigModuleDuplicate,
    ConfigNoModules,
    ConfigMastery,
    ConfigThemeName,
    ConfigScormOption,
    Scorm2004CoursePackage,
    CourseTitleMissing,
    HomeMissing,
    LocaleNoContent,
    Locale,
    ModuleMissing,
    ModuleIndexMissing,
    ModuleNotListed,
    PageNotInCourse,
    PageOrphan,
    PageMissing,
    PageStale,
    SymlinkOutside,
    SymlinkSkipped,
    TranslitExceptions,
    FileBinary,
    FileEncoding,
    Io,
    FrontmatterMissing,
    FrontmatterUnterminated,
    FrontmatterInvalid,
    AssetHtml,
    AssetReservedName,
    SvgInvalid,
    SvgRemoved,
    HtmlRemoved,
    HeadingIdDuplicate,
    NestingTooDeep,
    BrokenLink,
    MissingImage,
    BrokenAnchor,
    LinkEmpty,
    LinkAbsolute,
    LinkOutsideCourse,
    LinkOutsideContent,
    LinkLocaleNotBuilt,
    LinkUnsafe,
    ImageRemote,
    ImageNotImage,
    QuizEmpty,
    QuizEmptyQuestion,
    QuizEmptyPrompt,
    QuizEmptyOption,
    QuizTooFewOptions,
    QuizNoCorrect,
    QuizSeveralCorrect,
    QuizMixedOptions,
    QuizOptionBeforeQuestion,
    QuizExplanationBeforeQuestion,
    QuizBadMarker,
    QuizUnknownLine,
    QuizTranslationMismatch,
    QuizPairArrow,
    QuizPairEmpty,
    QuizDuplicate,
    QuizOrderNumber,
    QuizBadRange,
    QuizTooManyAnswers,
    ScenarioEmpty,
    ScenarioBadId,
    ScenarioDuplicateId,
    ScenarioBadLine,
    ScenarioBadPoints,
    ScenarioEmptyStep,
    ScenarioMissingTarget,
    ScenarioDeadEnd,
    ScenarioEndChoices,
    ScenarioUnreachable,
    ScenarioNoWayOut,
    ScenarioPointsLoop,
    ScenarioUnscored,
    ScenarioTranslationMismatch,
    AssessmentOption,
    AssessmentPracticeOnly,
    FluentSyntax,
    FluentSelectDefault,
    FluentTooDeep,
    FluentDuplicate,
    FluentMissing,
    FluentExtra,
    FluentReference,
    FluentVariableInvented,
    FluentVariableDropped,
    UzApostrophe,
    StampSource,
    StampLocale,
    StampNoPage,
    StampNoSource,
    StampIo,
    ThemeMissing,
    ThemeEncoding,
    ThemeTemplate,
    ThemeMissingStatic,
    ScormZip,
    ScormSuspendBudget,
    ZipUnreadable,
    ManifestMissing,
    ManifestNotAtRoot,
    ManifestUnreadable,
    ManifestEncoding,
    ManifestMalformed,
    ManifestCharRef,
    ManifestUnknownVersion,
    ManifestSchemaversion,
    ManifestVersionMismatch,
    OrganizationMissing,
    OrganizationDefaultAbsent,
    OrganizationDefaultBroken,
    IdentifierrefBroken,
    DependencyBroken,
    LaunchNotSco,
    ScormtypePrefix,
    LaunchHrefMissing,
    NoSco,
    IdentifierDuplicate,
    FileMissing,
    FileUnlisted,
    FileNameUnsafe,
    PathUnsafe,
    FileNameEncoding,
    FileDuplicate,
    FileEncrypted,
    FileLink,
    FileSpecial,
    FileDamaged,
    FileTooLarge,
    ZipTooLarge,
    ZipBomb,
    ZipTooManyFiles,
    ZipDirectoryTooLarge,
}

impl Code {
    /// Every code, in the order of the enum.
    pub const ALL: &'static [Code] = &[
        Code::ConfigMissing,
        Code::ConfigSyntax,
        Code::ConfigId,
        Code::ConfigLocaleTag,
        Code::ConfigLocaleDuplicate,
        Code::ConfigLocaleUnused,
        Code::ConfigNoLocales,
        Code::ConfigSourceLocale,
        Code::ConfigFallbackCycle,
        Code::ConfigFallbackUnknown,
        Code::ConfigGenerate,
        Code::ConfigReservedName,
        Code::ConfigModuleName,
        Code::ConfigModuleDuplicate,
        Code::ConfigNoModules,
        Code::ConfigMastery,
        Code::ConfigThemeName,
        Code::ConfigScormOption,
        Code::Scorm2004CoursePackage,
        Code::CourseTitleMissing,
        Code::HomeMissing,
        Code::LocaleNoContent,
        Code::Locale,
        Code::ModuleMissing,
        Code::ModuleIndexMissing,
        Code::ModuleNotListed,
        Code::PageNotInCourse,
        Code::PageOrphan,
        Code::PageMissing,
        Code::PageStale,
        Code::SymlinkOutside,
        Code::SymlinkSkipped,
        Code::TranslitExceptions,
        Code::FileBinary,
        Code::FileEncoding,
        Code::Io,
        Code::FrontmatterMissing,
        Code::FrontmatterUnterminated,
        Code::FrontmatterInvalid,
        Code::AssetHtml,
        Code::AssetReservedName,
        Code::SvgInvalid,
        Code::SvgRemoved,
        Code::HtmlRemoved,
        Code::HeadingIdDuplicate,
        Code::NestingTooDeep,
        Code::BrokenLink,
        Code::MissingImage,
        Code::BrokenAnchor,
        Code::LinkEmpty,
        Code::LinkAbsolute,
        Code::LinkOutsideCourse,
        Code::LinkOutsideContent,
        Code::LinkLocaleNotBuilt,
        Code::LinkUnsafe,
        Code::ImageRemote,
        Code::ImageNotImage,
        Code::QuizEmpty,
        Code::QuizEmptyQuestion,
        Code::QuizEmptyPrompt,
        Code::QuizEmptyOption,
        Code::QuizTooFewOptions,
        Code::QuizNoCorrect,
        Code::QuizSeveralCorrect,
        Code::QuizMixedOptions,
        Code::QuizOptionBeforeQuestion,
        Code::QuizExplanationBeforeQuestion,
        Code::QuizBadMarker,
        Code::QuizUnknownLine,
        Code::QuizTranslationMismatch,
        Code::QuizPairArrow,
        Code::QuizPairEmpty,
        Code::QuizDuplicate,
        Code::QuizOrderNumber,
        Code::QuizBadRange,
        Code::QuizTooManyAnswers,
        Code::ScenarioEmpty,
        Code::ScenarioBadId,
        Code::ScenarioDuplicateId,
        Code::ScenarioBadLine,
        Code::ScenarioBadPoints,
        Code::ScenarioEmptyStep,
        Code::ScenarioMissingTarget,
        Code::ScenarioDeadEnd,
        Code::ScenarioEndChoices,
        Code::ScenarioUnreachable,
        Code::ScenarioNoWayOut,
        Code::ScenarioPointsLoop,
        Code::ScenarioUnscored,
        Code::ScenarioTranslationMismatch,
        Code::AssessmentOption,
        Code::AssessmentPracticeOnly,
        Code::FluentSyntax,
        Code::FluentSelectDefault,
        Code::FluentTooDeep,
        Code::FluentDuplicate,
        Code::FluentMissing,
        Code::FluentExtra,
        Code::FluentReference,
        Code::FluentVariableInvented,
        Code::FluentVariableDropped,
        Code::UzApostrophe,
        Code::StampSource,
        Code::StampLocale,
        Code::StampNoPage,
        Code::StampNoSource,
        Code::StampIo,
        Code::ThemeMissing,
        Code::ThemeEncoding,
        Code::ThemeTemplate,
        Code::ThemeMissingStatic,
        Code::ScormZip,
        Code::ScormSuspendBudget,
        Code::ZipUnreadable,
        Code::ManifestMissing,
        Code::ManifestNotAtRoot,
        Code::ManifestUnreadable,
        Code::ManifestEncoding,
        Code::ManifestMalformed,
        Code::ManifestCharRef,
        Code::ManifestUnknownVersion,
        Code::ManifestSchemaversion,
        Code::ManifestVersionMismatch,
        Code::OrganizationMissing,
        Code::OrganizationDefaultAbsent,
        Code::OrganizationDefaultBroken,
        Code::IdentifierrefBroken,
        Code::DependencyBroken,
        Code::LaunchNotSco,
        Code::ScormtypePrefix,
        Code::LaunchHrefMissing,
        Code::NoSco,
        Code::IdentifierDuplicate,
        Code::FileMissing,
        Code::FileUnlisted,
        Code::FileNameUnsafe,
        Code::PathUnsafe,
        Code::FileNameEncoding,
        Code::FileDuplicate,
        Code::FileEncrypted,
        Code::FileLink,
        Code::FileSpecial,
        Code::FileDamaged,
        Code::FileTooLarge,
        Code::ZipTooLarge,
        Code::ZipBomb,
        Code::ZipTooManyFiles,
        Code::ZipDirectoryTooLarge,
    ];

    /// The stable string: what `check --format json` prints.
    pub const fn as_str(self) -> &'static str {
        match self {
            Code::ConfigMissing => "config-missing",
            Code::ConfigSyntax => "config-syntax",
            Code::ConfigId => "config-id",
            Code::ConfigLocaleTag => "config-locale-tag",
            Code::ConfigLocaleDuplicate => "config-locale-duplicate",
            Code::ConfigLocaleUnused => "config-locale-unused",
            Code::ConfigNoLocales => "config-no-locales",
            Code::ConfigSourceLocale => "config-source-locale",
            Code::ConfigFallbackCycle => "config-fallback-cycle",
            Code::ConfigFallbackUnknown => "config-fallback-unknown",
            Code::ConfigGenerate => "config-generate",
            Code::ConfigReservedName => "config-reserved-name",
            Code::ConfigModuleName => "config-module-name",
            Code::ConfigModuleDuplicate => "config-module-duplicate",
            Code::ConfigNoModules => "config-no-modules",
            Code::ConfigMastery => "config-mastery",
            Code::ConfigThemeName => "config-theme-name",
            Code::ConfigScormOption => "config-scorm-option",
            Code::Scorm2004CoursePackage => "scorm2004-course-package",
            Code::CourseTitleMissing => "course-title-missing",
            Code::HomeMissing => "home-missing",
            Code::LocaleNoContent => "locale-no-content",
            Code::Locale => "locale",
            Code::ModuleMissing => "module-missing",
            Code::ModuleIndexMissing => "module-index-missing",
            Code::ModuleNotListed => "module-not-listed",
            Code::PageNotInCourse => "page-not-in-course",
            Code::PageOrphan => "page-orphan",
            Code::PageMissing => "page-missing",
            Code::PageStale => "page-stale",
            Code::SymlinkOutside => "symlink-outside",
            Code::SymlinkSkipped => "symlink-skipped",
            Code::TranslitExceptions => "translit-exceptions",
            Code::FileBinary => "file-binary",
            Code::FileEncoding => "file-encoding",
            Code::Io => "io",
            Code::FrontmatterMissing => "frontmatter-missing",
            Code::FrontmatterUnterminated => "frontmatter-unterminated",
            Code::FrontmatterInvalid => "frontmatter-invalid",
            Code::AssetHtml => "asset-html",
            Code::AssetReservedName => "asset-reserved-name",
            Code::SvgInvalid => "svg-invalid",
            Code::SvgRemoved => "svg-removed",
            Code::HtmlRemoved => "html-removed",
            Code::HeadingIdDuplicate => "heading-id-duplicate",
            Code::NestingTooDeep => "nesting-too-deep",
            Code::BrokenLink => "broken-link",
            Code::MissingImage => "missing-image",
            Code::BrokenAnchor => "broken-anchor",
            Code::LinkEmpty => "link-empty",
            Code::LinkAbsolute => "link-absolute",
            Code::LinkOutsideCourse => "link-outside-course",
            Code::LinkOutsideContent => "link-outside-content",
            Code::LinkLocaleNotBuilt => "link-locale-not-built",
            Code::LinkUnsafe => "link-unsafe",
            Code::ImageRemote => "image-remote",
            Code::ImageNotImage => "image-not-image",
            Code::QuizEmpty => "quiz-empty",
            Code::QuizEmptyQuestion => "quiz-empty-question",
            Code::QuizEmptyPrompt => "quiz-empty-prompt",
            Code::QuizEmptyOption => "quiz-empty-option",
            Code::QuizTooFewOptions => "quiz-too-few-options",
            Code::QuizNoCorrect => "quiz-no-correct",
            Code::QuizSeveralCorrect => "quiz-several-correct",
            Code::QuizMixedOptions => "quiz-mixed-options",
            Code::QuizOptionBeforeQuestion => "quiz-option-before-question",
            Code::QuizExplanationBeforeQuestion => "quiz-explanation-before-question",
            Code::QuizBadMarker => "quiz-bad-marker",
            Code::QuizUnknownLine => "quiz-unknown-line",
            Code::QuizTranslationMismatch => "quiz-translation-mismatch",
            Code::QuizPairArrow => "quiz-pair-arrow",
            Code::QuizPairEmpty => "quiz-pair-empty",
            Code::QuizDuplicate => "quiz-duplicate",
            Code::QuizOrderNumber => "quiz-order-number",
            Code::QuizBadRange => "quiz-bad-range",
            Code::QuizTooManyAnswers => "quiz-too-many-answers",
            Code::ScenarioEmpty => "scenario-empty",
            Code::ScenarioBadId => "scenario-bad-id",
            Code::ScenarioDuplicateId => "scenario-duplicate-id",
            Code::ScenarioBadLine => "scenario-bad-line",
            Code::ScenarioBadPoints => "scenario-bad-points",
            Code::ScenarioEmptyStep => "scenario-empty-step",
            Code::ScenarioMissingTarget => "scenario-missing-target",
            Code::ScenarioDeadEnd => "scenario-dead-end",
            Code::ScenarioEndChoices => "scenario-end-choices",
            Code::ScenarioUnreachable => "scenario-unreachable",
            Code::ScenarioNoWayOut => "scenario-no-way-out",
            Code::ScenarioPointsLoop => "scenario-points-loop",
            Code::ScenarioUnscored => "scenario-unscored",
            Code::ScenarioTranslationMismatch => "scenario-translation-mismatch",
            Code::AssessmentOption => "assessment-option",
            Code::AssessmentPracticeOnly => "assessment-practice-only",
            Code::FluentSyntax => "fluent-syntax",
            Code::FluentSelectDefault => "fluent-select-default",
            Code::FluentTooDeep => "fluent-too-deep",
            Code::FluentDuplicate => "fluent-duplicate",
            Code::FluentMissing => "fluent-missing",
            Code::FluentExtra => "fluent-extra",
            Code::FluentReference => "fluent-reference",
            Code::FluentVariableInvented => "fluent-variable-invented",
            Code::FluentVariableDropped => "fluent-variable-dropped",
            Code::UzApostrophe => "uz-apostrophe",
            Code::StampSource => "stamp-source",
            Code::StampLocale => "stamp-locale",
            Code::StampNoPage => "stamp-no-page",
            Code::StampNoSource => "stamp-no-source",
            Code::StampIo => "stamp-io",
            Code::ThemeMissing => "theme-missing",
            Code::ThemeEncoding => "theme-encoding",
            Code::ThemeTemplate => "theme-template",
            Code::ThemeMissingStatic => "theme-missing-static",
            Code::ScormZip => "scorm-zip",
            Code::ScormSuspendBudget => "scorm-suspend-budget",
            Code::ZipUnreadable => "zip-unreadable",
            Code::ManifestMissing => "manifest-missing",
            Code::ManifestNotAtRoot => "manifest-not-at-root",
            Code::ManifestUnreadable => "manifest-unreadable",
            Code::ManifestEncoding => "manifest-encoding",
            Code::ManifestMalformed => "manifest-malformed",
            Code::ManifestCharRef => "manifest-char-ref",
            Code::ManifestUnknownVersion => "manifest-unknown-version",
            Code::ManifestSchemaversion => "manifest-schemaversion",
            Code::ManifestVersionMismatch => "manifest-version-mismatch",
            Code::OrganizationMissing => "organization-missing",
            Code::OrganizationDefaultAbsent => "organization-default-absent",
            Code::OrganizationDefaultBroken => "organization-default-broken",
            Code::IdentifierrefBroken => "identifierref-broken",
            Code::DependencyBroken => "dependency-broken",
            Code::LaunchNotSco => "launch-not-sco",
            Code::ScormtypePrefix => "scormtype-prefix",
            Code::LaunchHrefMissing => "launch-href-missing",
            Code::NoSco => "no-sco",
            Code::IdentifierDuplicate => "identifier-duplicate",
            Code::FileMissing => "file-missing",
            Code::FileUnlisted => "file-unlisted",
            Code::FileNameUnsafe => "file-name-unsafe",
            Code::PathUnsafe => "path-unsafe",
            Code::FileNameEncoding => "file-name-encoding",
            Code::FileDuplicate => "file-duplicate",
            Code::FileEncrypted => "file-encrypted",
            Code::FileLink => "file-link",
            Code::FileSpecial => "file-special",
            Code::FileDamaged => "file-damaged",
            Code::FileTooLarge => "file-too-large",
            Code::ZipTooLarge => "zip-too-large",
            Code::ZipBomb => "zip-bomb",
            Code::ZipTooManyFiles => "zip-too-many-files",
            Code::ZipDirectoryTooLarge => "zip-directory-too-large",
        }
    }

    /// What the code means, in one plain sentence.
    pub fn text(self) -> &'static str {
        match self {
            Code::ConfigMissing => "the course folder has no course.toml file",
            Code::ConfigSyntax => "course.toml is not valid TOML and cannot be read",
            Code::ConfigId => {
                "the course id in course.toml uses characters other than a-z, 0-9 and -"
            }
            Code::ConfigLocaleTag => {
                "a language tag in the locales list of course.toml is not a valid tag"
            }
            Code::ConfigLocaleDuplicate => "the same language is listed twice in course.toml",
            Code::ConfigLocaleUnused => {
                "course.toml has settings for a language that is not in its locales list"
            }
            Code::ConfigNoLocales => "course.toml lists no languages",
            Code::ConfigSourceLocale => {
                "the source language named in course.toml is not in its locales list"
            }
            Code::ConfigFallbackCycle => {
                "the fallback languages in course.toml lead back in a circle"
            }
            Code::ConfigFallbackUnknown => {
                "a fallback language in course.toml is not one of the course's languages"
            }
            Code::ConfigGenerate => {
                "a language in course.toml is to be generated in a way darslik does not know"
            }
            Code::ConfigReservedName => {
                "a name in course.toml is one that darslik uses for its own files"
            }
            Code::ConfigModuleName => "a module name in course.toml is not a plain folder name",
            Code::ConfigModuleDuplicate => "the same module is listed twice in course.toml",
            Code::ConfigNoModules => "course.toml lists no modules",
            Code::ConfigMastery => {
                "the pass mark (mastery score) in course.toml is not a percentage from 0 to 100"
            }
            Code::ConfigThemeName => "the theme named in course.toml is not a plain folder name",
            Code::ConfigScormOption => {
                "a setting in the [scorm] table of course.toml has a value darslik does not know"
            }
            Code::Scorm2004CoursePackage => {
                "a SCORM 2004 package of several modules is not what Moodle records: its SCORM 2004 player records only the first module of a package per visit"
            }
            Code::CourseTitleMissing => "the course has no title in one of its languages",
            Code::HomeMissing => "the course has no home page (index.md) in its source language",
            Code::LocaleNoContent => "a language of the course has no content folder",
            Code::Locale => "the language asked for is not one of the course's languages",
            Code::ModuleMissing => {
                "a module listed in course.toml has no folder in the source language"
            }
            Code::ModuleIndexMissing => "a module has no landing page (index.md)",
            Code::ModuleNotListed => {
                "a folder in the content is not a module listed in course.toml, so it is left out"
            }
            Code::PageNotInCourse => "a file in the content folder is not part of the course",
            Code::PageOrphan => {
                "a translated page has no page in the source language, so it is left out"
            }
            Code::PageMissing => {
                "a page is not translated yet, so readers see it in another language"
            }
            Code::PageStale => "the source page changed after this translation was made",
            Code::SymlinkOutside => "a symbolic link points to a file outside the course folder",
            Code::SymlinkSkipped => "a symbolic link in the content is not followed",
            Code::TranslitExceptions => {
                "the list of words to transliterate differently cannot be read"
            }
            Code::FileBinary => "a file that should be text holds binary data",
            Code::FileEncoding => "a text file is not written in UTF-8",
            Code::Io => "a file or folder could not be read or written",
            Code::FrontmatterMissing => {
                "a page does not start with its front matter (the block between --- lines)"
            }
            Code::FrontmatterUnterminated => "a page's front matter has no closing --- line",
            Code::FrontmatterInvalid => {
                "a page's front matter is not valid or lacks a required field"
            }
            Code::AssetHtml => {
                "an HTML or script file beside the pages is not copied, because it would run as code"
            }
            Code::AssetReservedName => {
                "a file beside the pages has the name of a file darslik makes"
            }
            Code::SvgInvalid => "an SVG image is not a well-formed SVG file",
            Code::SvgRemoved => {
                "parts of an SVG image that could run code or fetch content were removed"
            }
            Code::HtmlRemoved => "HTML in a page that could run code or embed content was removed",
            Code::HeadingIdDuplicate => "two headings on one page have the same id",
            Code::NestingTooDeep => "lists, quotes or HTML on a page are nested too deep to show",
            Code::BrokenLink => "a link points to a page or file that is not in the course",
            Code::MissingImage => "an image points to a file that is not in the course",
            Code::BrokenAnchor => "a link points to a heading that is not on the page",
            Code::LinkEmpty => "a link has no target",
            Code::LinkAbsolute => {
                "a link uses an absolute path on this computer instead of a path in the course"
            }
            Code::LinkOutsideCourse => "a link points to a file outside the course folder",
            Code::LinkLocaleNotBuilt => {
                "a link leads to a page of a language this build does not write (--locale)"
            }
            Code::LinkOutsideContent => {
                "a link points to a file outside the content folder, which is not published"
            }
            Code::LinkUnsafe => "a link or image target could run code, so it was removed",
            Code::ImageRemote => "an image is loaded from the internet instead of from the course",
            Code::ImageNotImage => "an image points to a page instead of an image file",
            Code::QuizEmpty => "a quiz block has no questions",
            Code::QuizEmptyQuestion => "a quiz question has no answer options",
            Code::QuizEmptyPrompt => "a quiz question has no text after the question mark",
            Code::QuizEmptyOption => "a quiz answer option has no text",
            Code::QuizTooFewOptions => "a quiz question has fewer than two answer options",
            Code::QuizNoCorrect => "a quiz question has no answer marked as correct",
            Code::QuizSeveralCorrect => {
                "a single-answer quiz question has more than one answer marked as correct"
            }
            Code::QuizMixedOptions => {
                "a quiz question mixes kinds of answer lines: ( ), [ ], \"- … => …\", \"1.\" or \"= \""
            }
            Code::QuizOptionBeforeQuestion => "a quiz answer option comes before any question",
            Code::QuizExplanationBeforeQuestion => "a quiz explanation comes before any question",
            Code::QuizBadMarker => {
                "a quiz answer option has a marker other than ( ), (x), [ ] or [x]"
            }
            Code::QuizUnknownLine => {
                "a line in a quiz block is not a question, an answer option or an explanation"
            }
            Code::QuizTranslationMismatch => {
                "a translated quiz or assessment differs from the source page: questions, answer key or settings"
            }
            Code::QuizPairArrow => r#"a matching pair has no "=>" between its two sides"#,
            Code::QuizPairEmpty => "a side of a matching pair is empty",
            Code::QuizDuplicate => {
                "two pairs, items or accepted answers of a question are the same"
            }
            Code::QuizOrderNumber => "an ordering item is not numbered 1, 2, 3, ... in order",
            Code::QuizBadRange => {
                r#"a numeric range of a short answer is not "low..high" with low at most high"#
            }
            Code::QuizTooManyAnswers => {
                "a short-answer question has more than ten accepted answers"
            }
            Code::ScenarioEmpty => "a scenario block has no steps",
            Code::ScenarioBadId => {
                "a scenario step has no id, or an id that is not 1 to 40 Latin letters, digits, - or _"
            }
            Code::ScenarioDuplicateId => "two steps of a scenario have the same id",
            Code::ScenarioBadLine => {
                "a line of a scenario block is not in a place or form the scenario syntax allows"
            }
            Code::ScenarioBadPoints => {
                "the points of a scenario choice are not a whole number from -1000 to +1000 in brackets"
            }
            Code::ScenarioEmptyStep => "a scenario step has no text",
            Code::ScenarioMissingTarget => "a scenario choice leads to a step that does not exist",
            Code::ScenarioDeadEnd => {
                "a scenario step has no choices and is not marked as an ending"
            }
            Code::ScenarioEndChoices => "an ending of a scenario has choices",
            Code::ScenarioUnreachable => "a scenario step cannot be reached from the first step",
            Code::ScenarioNoWayOut => {
                "no ending of a scenario can be reached from one of its steps"
            }
            Code::ScenarioPointsLoop => {
                "a scenario choice gives points inside a loop, so the best score would have no limit"
            }
            Code::ScenarioUnscored => {
                "the best path of a scenario gives no points, so the scenario is not scored and does not count"
            }
            Code::ScenarioTranslationMismatch => {
                "a translated scenario does not have the same steps, choices, targets or points as the source"
            }
            Code::AssessmentOption => {
                "an assessment option of a page or of course.toml has a value that cannot be used"
            }
            Code::AssessmentPracticeOnly => {
                "assessment options are set on a page that is not an assessment"
            }
            Code::FluentSyntax => "a Fluent (.ftl) file has a syntax error",
            Code::FluentSelectDefault => {
                "a choice in a Fluent message has no default variant (marked with *)"
            }
            Code::FluentTooDeep => "a Fluent (.ftl) file is nested too deep to read",
            Code::FluentDuplicate => "the same Fluent message is defined twice",
            Code::FluentMissing => "a Fluent message of the source language is not translated",
            Code::FluentExtra => {
                "a translation has a Fluent message that the source language does not have"
            }
            Code::FluentReference => {
                "a Fluent message refers to a message or term that is not defined"
            }
            Code::FluentVariableInvented => {
                "a translated Fluent message uses a variable that the source message does not have"
            }
            Code::FluentVariableDropped => {
                "a translated Fluent message leaves out a variable that the source message shows"
            }
            Code::UzApostrophe => {
                "an Uzbek text uses the wrong apostrophe for the letters oʻ and gʻ or the tutuq belgisi"
            }
            Code::StampSource => "the source language cannot be stamped; only translations are",
            Code::StampLocale => "the language to stamp is not one of the course's languages",
            Code::StampNoPage => "the page to stamp is not a translated page of the course",
            Code::StampNoSource => "the page to stamp has no page in the source language",
            Code::StampIo => "the stamp could not be written into the page",
            Code::ThemeMissing => "the theme named for the course cannot be found",
            Code::ThemeEncoding => "a theme file is not written in UTF-8",
            Code::ThemeTemplate => "a theme template has an error",
            Code::ThemeMissingStatic => "the theme lacks a file that SCORM packages need",
            Code::ScormZip => "a SCORM package could not be made",
            Code::ScormSuspendBudget => {
                "a module is too large for SCORM 1.2: the progress it saves could exceed what the LMS keeps"
            }
            Code::ZipUnreadable => "the file is not a readable zip archive",
            Code::ManifestMissing => "the package has no imsmanifest.xml file",
            Code::ManifestNotAtRoot => {
                "the package's imsmanifest.xml is inside a folder instead of at the top of the zip"
            }
            Code::ManifestUnreadable => {
                "the package's imsmanifest.xml cannot be read (encrypted, damaged or too large)"
            }
            Code::ManifestEncoding => "the package's imsmanifest.xml is not written in UTF-8",
            Code::ManifestMalformed => "the package's imsmanifest.xml is not well-formed XML",
            Code::ManifestCharRef => {
                "the package's imsmanifest.xml uses numeric character references, which Moodle mangles"
            }
            Code::ManifestUnknownVersion => {
                "the package's imsmanifest.xml is not a SCORM manifest of a version Moodle knows"
            }
            Code::ManifestSchemaversion => {
                "the package's imsmanifest.xml gives no SCORM version that Moodle recognises"
            }
            Code::ManifestVersionMismatch => {
                "the package's imsmanifest.xml names two different SCORM versions"
            }
            Code::OrganizationMissing => {
                "the package's manifest has no organization (table of contents)"
            }
            Code::OrganizationDefaultAbsent => {
                "the package's manifest does not say which organization is the default"
            }
            Code::OrganizationDefaultBroken => {
                "the package's manifest names a default organization that does not exist"
            }
            Code::IdentifierrefBroken => {
                "an item in the package's manifest points to a resource that does not exist"
            }
            Code::DependencyBroken => {
                "a dependency in the package's manifest names a resource that does not exist"
            }
            Code::LaunchNotSco => {
                "an item in the package's manifest launches a resource that is not a SCO, so nothing is tracked"
            }
            Code::ScormtypePrefix => {
                "the package's manifest writes the scormtype attribute with a prefix Moodle does not read"
            }
            Code::LaunchHrefMissing => {
                "a launched resource in the package's manifest has no file to open"
            }
            Code::NoSco => "no item in the package launches a SCO, so the LMS would track nothing",
            Code::IdentifierDuplicate => {
                "the same identifier is used twice in the package's manifest"
            }
            Code::FileMissing => "a file named in the package's manifest is not in the zip",
            Code::FileUnlisted => "a file in the zip is not named in the package's manifest",
            Code::FileNameUnsafe => {
                "a file name in the zip has a character that Moodle's unzip removes"
            }
            Code::PathUnsafe => {
                "a file path in the zip is absolute or climbs out of the package with .."
            }
            Code::FileNameEncoding => {
                "a file name in the zip has non-ASCII characters without the zip's UTF-8 flag"
            }
            Code::FileDuplicate => "the same file name appears twice in the zip",
            Code::FileEncrypted => "a file in the zip is password-protected",
            Code::FileLink => "a file in the zip is a symbolic link",
            Code::FileSpecial => "a file in the zip is a device, pipe or socket, not a plain file",
            Code::FileDamaged => "a file in the zip is damaged and cannot be unpacked",
            Code::FileTooLarge => "a file in the zip unpacks to more than the size limit",
            Code::ZipTooLarge => "all files in the zip together unpack to more than the size limit",
            Code::ZipBomb => {
                "a file in the zip unpacks to far more than its packed size, as zip bombs do"
            }
            Code::ZipTooManyFiles => "the zip holds more files than the limit",
            Code::ZipDirectoryTooLarge => "the zip's list of files is larger than the limit",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_unique_kebab_case_and_every_code_has_text() {
        let mut seen = std::collections::HashSet::new();
        for &c in Code::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                !s.is_empty()
                    && !s.starts_with('-')
                    && !s.ends_with('-')
                    && !s.contains("--")
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{s} is not kebab-case"
            );
            let t = c.text();
            assert!(!t.trim().is_empty(), "{s} has no text");
            assert_eq!(c.to_string(), s);
        }
    }
}

//! `course.toml`: the settings of a course (SPEC §2), read with serde + toml.
//! Every problem is reported with file, line and column.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use crate::diag::{Code, Diagnostic, Diagnostics};

pub const CONFIG_FILE: &str = "course.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    course: RawCourse,
    #[serde(default)]
    locales: BTreeMap<Spanned<String>, RawLocale>,
    #[serde(default)]
    scorm: RawScorm,
    #[serde(default)]
    theme: RawTheme,
    assessment: Option<Spanned<crate::course::assessment::Options>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    name: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    id: Spanned<String>,
    version: String,
    source_locale: Spanned<String>,
    locales: Spanned<Vec<Spanned<String>>>,
    modules: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocale {
    fallback: Option<Vec<Spanned<String>>>,
    generate: Option<Spanned<String>>,
}

/// What one SCORM package holds: every module of the course (one SCO each)
/// or one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PackageMode {
    #[default]
    Course,
    Module,
}

impl PackageMode {
    const CHOICES: &'static [(&'static str, PackageMode)] = &[
        ("course", PackageMode::Course),
        ("module", PackageMode::Module),
    ];
}

/// When a SCORM 2004 module with knowledge checks counts as completed
/// (`cmi.completion_status`), which is what Moodle's "Learning objects"
/// grading counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompleteWhen {
    /// Every page seen and the knowledge checks passed: a failed module
    /// stays incomplete.
    #[default]
    Passed,
    /// Every page seen, whatever the checks' result.
    Seen,
}

impl CompleteWhen {
    const CHOICES: &'static [(&'static str, CompleteWhen)] = &[
        ("passed", CompleteWhen::Passed),
        ("seen", CompleteWhen::Seen),
    ];

    /// The value as written in course.toml (and carried by the module document).
    pub fn as_str(self) -> &'static str {
        name_of(Self::CHOICES, self)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScorm {
    mastery_score: Option<Spanned<u32>>,
    package: Option<Spanned<String>>,
    package_2004: Option<Spanned<String>>,
    #[serde(default)]
    multilingual: bool,
    complete_when: Option<Spanned<String>>,
}

/// The validated `[scorm]` table.
#[derive(Debug, Clone)]
pub struct ScormSettings {
    /// Percent needed to pass a module's knowledge checks (0..=100).
    pub mastery_score: Spanned<u32>,
    /// What a SCORM 1.2 package holds (`package`).
    pub package: PackageMode,
    /// What a SCORM 2004 package holds: `package_2004`, or `package`, except
    /// that a course of several modules gets one 2004 package per module
    /// unless `package_2004 = "course"` says otherwise (Moodle's 2004 player
    /// records only the first SCO of a package per visit).
    pub package_2004: PackageMode,
    pub multilingual: bool,
    /// When a 2004 module with questions counts as completed.
    pub complete_when: CompleteWhen,
}

fn default_mastery() -> Spanned<u32> {
    Spanned::new(0..0, 70)
}

impl Default for ScormSettings {
    fn default() -> Self {
        ScormSettings {
            mastery_score: default_mastery(),
            package: PackageMode::Course,
            package_2004: PackageMode::Course,
            multilingual: false,
            complete_when: CompleteWhen::Passed,
        }
    }
}

/// The name `course.toml` gives `value` among `choices`.
fn name_of<T: Copy + PartialEq>(choices: &[(&'static str, T)], value: T) -> &'static str {
    choices
        .iter()
        .find(|(_, c)| *c == value)
        .map_or("", |(name, _)| name)
}

/// One of `choices`, or the error saying which values the key takes.
fn choice<T: Copy>(
    key: &str,
    value: Option<&Spanned<String>>,
    choices: &[(&str, T)],
    default: T,
    source: &Arc<str>,
    diags: &mut Diagnostics,
    hint: &str,
) -> T {
    let Some(v) = value else { return default };
    match choices.iter().find(|(name, _)| *name == v.get_ref()) {
        Some((_, c)) => *c,
        None => {
            let names: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            diags.push(
                Diagnostic::error(
                    Code::ConfigScormOption,
                    format!(
                        "[scorm] {key} = \"{}\" is not a value darslik knows; it takes {}",
                        v.get_ref().escape_debug(),
                        names.join(" or ")
                    ),
                )
                .at(CONFIG_FILE, source, v.span())
                .hint(hint.to_string()),
            );
            default
        }
    }
}

/// The `[scorm]` table checked: values known, the 2004 packaging decided
/// (with a warning when a 2004 package of several modules is made, or
/// avoided against `package = "course"`).
fn scorm_settings(
    raw: RawScorm,
    modules: usize,
    modules_span: std::ops::Range<usize>,
    source: &Arc<str>,
    diags: &mut Diagnostics,
) -> ScormSettings {
    let mastery_score = raw.mastery_score.unwrap_or_else(default_mastery);
    if *mastery_score.get_ref() > 100 {
        diags.push(
            Diagnostic::error(
                Code::ConfigMastery,
                format!("mastery_score {} is above 100", mastery_score.get_ref()),
            )
            .at(CONFIG_FILE, source, mastery_score.span())
            .hint("mastery_score is a percentage from 0 to 100"),
        );
    }
    let package = choice(
        "package",
        raw.package.as_ref(),
        PackageMode::CHOICES,
        PackageMode::Course,
        source,
        diags,
        "package = \"course\" makes one zip per locale holding every module (one SCO each); \"module\" one zip per module",
    );
    let package_2004 = choice(
        "package_2004",
        raw.package_2004.as_ref(),
        PackageMode::CHOICES,
        package,
        source,
        diags,
        "package_2004 = \"module\" makes one SCORM 2004 zip per module (what Moodle records); \"course\" one zip of every module",
    );
    let complete_when = choice(
        "complete_when",
        raw.complete_when.as_ref(),
        CompleteWhen::CHOICES,
        CompleteWhen::Passed,
        source,
        diags,
        "complete_when = \"passed\": a module with knowledge checks is completed when every page is seen and the checks are passed; \"seen\": when every page is seen",
    );
    let mut package_2004_made = package_2004;
    if modules > 1 && package_2004 == PackageMode::Course {
        match &raw.package_2004 {
            Some(explicit) => diags.push(
                Diagnostic::warning(
                    Code::Scorm2004CoursePackage,
                    format!(
                        "package_2004 = \"course\" puts the {modules} modules into one SCORM 2004 package per locale, but Moodle's SCORM 2004 player records only the first module a learner opens in a visit"
                    ),
                )
                .at(CONFIG_FILE, source, explicit.span())
                .hint("for Moodle, upload the SCORM 1.2 package (every module recorded), or write package_2004 = \"module\" for one SCORM 2004 package per module"),
            ),
            None => {
                package_2004_made = PackageMode::Module;
                let span = raw
                    .package
                    .as_ref()
                    .map_or(modules_span, |p| p.span());
                diags.push(
                    Diagnostic::warning(
                        Code::Scorm2004CoursePackage,
                        format!(
                            "the SCORM 2004 packages are made one per module ({modules} per locale), not one for the course: Moodle's SCORM 2004 player records only the first module of a package per visit"
                        ),
                    )
                    .at(CONFIG_FILE, source, span)
                    .hint("the SCORM 1.2 packages stay one per course. Write package_2004 = \"module\" under [scorm] to keep one 2004 package per module without this warning, or package_2004 = \"course\" for one 2004 package (Moodle then records only the first module per visit)"),
                );
            }
        }
    }
    ScormSettings {
        mastery_score,
        package,
        package_2004: package_2004_made,
        multilingual: raw.multilingual,
        complete_when,
    }
}

#[derive(Debug, Clone)]
pub struct ThemeSettings {
    /// A plain name ([A-Za-z0-9_-]+): the folder `themes/<name>/`.
    pub name: String,
}

/// Whether `name` can name a theme: a folder directly under `themes/`,
/// never a path (`../x`, `/`).
pub fn plain_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn default_theme() -> String {
    "default".to_string()
}

impl Default for ThemeSettings {
    fn default() -> Self {
        ThemeSettings {
            name: default_theme(),
        }
    }
}

/// The validated settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub id: String,
    pub version: String,
    pub source_locale: String,
    /// Locales in chooser order.
    pub locales: Vec<LocaleConfig>,
    /// Module folder names in course order, with their span in course.toml.
    pub modules: Vec<(String, std::ops::Range<usize>)>,
    pub scorm: ScormSettings,
    pub theme: ThemeSettings,
    /// `[assessment]`: defaults of graded pages' options.
    pub assessment: crate::course::assessment::Options,
    /// The text of course.toml, for diagnostics that point into it.
    pub source: Arc<str>,
}

#[derive(Debug, Clone)]
pub struct LocaleConfig {
    pub tag: String,
    /// The locale itself, then its fallbacks, ending with the source locale.
    pub chain: Vec<String>,
    /// `generate = "translit:uz"` as written.
    pub generate: Option<String>,
    /// The locale a generated locale is made from.
    pub generated_from: Option<String>,
    pub span: std::ops::Range<usize>,
}

impl Config {
    pub fn mastery_score(&self) -> u32 {
        *self.scorm.mastery_score.get_ref()
    }

    pub fn locale(&self, tag: &str) -> Option<&LocaleConfig> {
        self.locales.iter().find(|l| l.tag == tag)
    }

    pub fn module_names(&self) -> impl Iterator<Item = &str> {
        self.modules.iter().map(|(m, _)| m.as_str())
    }
}

/// Parse and validate `course.toml`: the config and its warnings, or every
/// problem found.
pub fn parse(text: &str) -> Result<(Config, Vec<Diagnostic>), Diagnostics> {
    let source: Arc<str> = Arc::from(text);
    let mut diags = Diagnostics::default();
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            let msg = e.message().trim().to_string();
            diags.push(
                Diagnostic::error(Code::ConfigSyntax, format!("course.toml: {msg}"))
                    .at(CONFIG_FILE, &source, span)
                    .hint(config_hint(&msg)),
            );
            return Err(diags);
        }
    };
    let err = |code, span: std::ops::Range<usize>, msg: String, hint: &str| {
        Diagnostic::error(code, msg)
            .at(CONFIG_FILE, &source, span)
            .hint(hint.to_string())
    };

    let id = raw.course.id.get_ref().clone();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        diags.push(err(
            Code::ConfigId,
            raw.course.id.span(),
            format!("course id `{id}` may only use a-z, 0-9 and -"),
            "the id is used in file names and SCORM identifiers, e.g. id = \"tip-uz\"",
        ));
    }

    // Locales: valid BCP 47 tags, no repeats.
    let mut tags: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for l in raw.course.locales.get_ref() {
        let tag = l.get_ref();
        if tag.parse::<LanguageIdentifier>().is_err() || tag.contains('_') {
            diags.push(err(
                Code::ConfigLocaleTag,
                l.span(),
                format!("`{tag}` is not a valid BCP 47 language tag"),
                "write tags like en, ru, uz, uz-Cyrl, kaa",
            ));
        } else if let Some(why) = super::reserved::locale_tag(tag) {
            diags.push(err(
                Code::ConfigReservedName,
                l.span(),
                format!("the locale tag `{tag}` is a name darslik's output uses ({why})"),
                "a locale's folder would replace generated files; use the language's own tag, e.g. ru, uz-Cyrl",
            ));
        } else if tags.iter().any(|(t, _)| t == tag) {
            diags.push(err(
                Code::ConfigLocaleDuplicate,
                l.span(),
                format!("locale `{tag}` is listed twice"),
                "list each locale once",
            ));
        } else {
            tags.push((tag.clone(), l.span()));
        }
    }
    if tags.is_empty() && !diags.has_errors() {
        diags.push(err(
            Code::ConfigNoLocales,
            raw.course.locales.span(),
            "the course lists no locales".into(),
            "add at least the source locale, e.g. locales = [\"en\"]",
        ));
    }
    let source_locale = raw.course.source_locale.get_ref().clone();
    if !tags.iter().any(|(t, _)| *t == source_locale) {
        diags.push(err(
            Code::ConfigSourceLocale,
            raw.course.source_locale.span(),
            format!("the source locale `{source_locale}` is not in `locales`"),
            "add it to the locales list, or name one of the listed locales",
        ));
    }

    // Per-locale settings.
    let mut locales = Vec::new();
    for (tag, span) in &tags {
        let settings = raw.locales.iter().find(|(k, _)| k.get_ref() == tag);
        let mut chain = vec![tag.clone()];
        if let Some((_, s)) = settings {
            for f in s.fallback.iter().flatten() {
                let fb = f.get_ref();
                if fb == tag {
                    diags.push(err(
                        Code::ConfigFallbackCycle,
                        f.span(),
                        format!("locale `{tag}` names itself as its fallback"),
                        "a fallback chain lists other locales, e.g. fallback = [\"ru\", \"en\"]",
                    ));
                } else if !tags.iter().any(|(t, _)| t == fb) {
                    diags.push(err(
                        Code::ConfigFallbackUnknown,
                        f.span(),
                        format!("fallback locale `{fb}` of `{tag}` is not in `locales`"),
                        "a fallback must be one of the course's locales",
                    ));
                } else if !chain.contains(fb) {
                    chain.push(fb.clone());
                }
            }
        }
        if !chain.contains(&source_locale) {
            chain.push(source_locale.clone());
        }
        locales.push(LocaleConfig {
            tag: tag.clone(),
            chain,
            generate: None,
            generated_from: None,
            span: span.clone(),
        });
    }
    // Generated locales (`generate = "translit:uz"`) join the list after the
    // listed ones unless they are listed themselves.
    for (key, settings) in &raw.locales {
        let tag = key.get_ref();
        let Some(g) = &settings.generate else {
            if !tags.iter().any(|(t, _)| t == tag) {
                diags.push(
                    Diagnostic::warning(
                        Code::ConfigLocaleUnused,
                        format!("settings for `{tag}`, which is not in `locales`"),
                    )
                    .at(CONFIG_FILE, &source, key.span())
                    .hint("add the locale to [course] locales, or remove this table"),
                );
            }
            continue;
        };
        let from = match g.get_ref().split_once(':') {
            Some(("translit", from)) => from.trim().to_string(),
            _ => {
                diags.push(err(
                    Code::ConfigGenerate,
                    g.span(),
                    format!("`generate = \"{}\"` is not a known generator", g.get_ref()),
                    "write generate = \"translit:uz\" to make this locale from the uz content by transliteration",
                ));
                continue;
            }
        };
        if let Some(why) = super::reserved::locale_tag(tag) {
            diags.push(err(
                Code::ConfigReservedName,
                key.span(),
                format!("the locale tag `{tag}` is a name darslik's output uses ({why})"),
                "a locale's folder would replace generated files; use the language's own tag, e.g. uz-Cyrl",
            ));
            continue;
        }
        if crate::translit::Script::from_tag(tag).is_none() {
            diags.push(err(
                Code::ConfigGenerate,
                key.span(),
                format!("darslik cannot transliterate into `{tag}`"),
                "generated Uzbek locales are uz-Cyrl, uz-Latn and uz-Latn-2026",
            ));
            continue;
        }
        let Some(from_cfg) = locales
            .iter()
            .find(|l: &&LocaleConfig| l.tag == from && l.generate.is_none())
        else {
            diags.push(err(
                Code::ConfigGenerate,
                g.span(),
                format!("`{tag}` is generated from `{from}`, which is not a hand-written locale of the course"),
                "generate from a locale listed in [course] locales, e.g. translit:uz",
            ));
            continue;
        };
        let mut chain = vec![tag.clone()];
        chain.extend(from_cfg.chain.iter().cloned());
        let generate = Some(g.get_ref().clone());
        if let Some(existing) = locales.iter_mut().find(|l| l.tag == *tag) {
            existing.chain = chain;
            existing.generate = generate;
            existing.generated_from = Some(from);
        } else {
            locales.push(LocaleConfig {
                tag: tag.clone(),
                chain,
                generate,
                generated_from: Some(from),
                span: key.span(),
            });
        }
    }

    // Modules: safe folder names, no repeats.
    let mut modules: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for m in raw.course.modules.get_ref() {
        let name = m.get_ref();
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) || name == "index"
        {
            diags.push(err(
                Code::ConfigModuleName,
                m.span(),
                format!("`{name}` is not a usable module folder name"),
                "name a folder directly under content/<locale>/, e.g. \"module-06\"",
            ));
        } else if let Some(c) = name
            .chars()
            .find(|c| "&<>\"`|':\\*?".contains(*c) || c.is_control())
        {
            diags.push(err(
                Code::ConfigModuleName,
                m.span(),
                format!(
                    "the module name `{}` has {}, which Moodle's unzip does not accept in a file name (the SCORM packages name a file after each module)",
                    name.escape_debug(),
                    if c.is_control() {
                        format!("the control character {}", c.escape_unicode())
                    } else {
                        format!("`{c}`")
                    }
                ),
                "use letters, digits and - or _, e.g. \"module-06\", and rename the module's folders to match",
            ));
        } else if let Some(why) = super::reserved::module_name(name) {
            diags.push(err(
                Code::ConfigReservedName,
                m.span(),
                format!("the module name `{name}` is a name darslik's output uses ({why})"),
                "its folder would replace a generated file; name modules like \"module-06\"",
            ));
        } else if modules.iter().any(|(x, _)| x == name) {
            diags.push(err(
                Code::ConfigModuleDuplicate,
                m.span(),
                format!("module `{name}` is listed twice"),
                "list each module once",
            ));
        } else {
            modules.push((name.clone(), m.span()));
        }
    }
    if modules.is_empty() && !diags.has_errors() {
        diags.push(err(
            Code::ConfigNoModules,
            raw.course.modules.span(),
            "the course lists no modules".into(),
            "list module folders, e.g. modules = [\"module-06\"]",
        ));
    }

    let scorm = scorm_settings(
        raw.scorm,
        modules.len(),
        raw.course.modules.span(),
        &source,
        &mut diags,
    );

    let theme = match &raw.theme.name {
        None => ThemeSettings::default(),
        Some(name) if plain_theme_name(name.get_ref()) => ThemeSettings {
            name: name.get_ref().clone(),
        },
        Some(name) => {
            diags.push(err(
                Code::ConfigThemeName,
                name.span(),
                format!(
                    "the theme name `{}` is not a plain folder name",
                    name.get_ref()
                ),
                "a theme is a folder directly under themes/, named with A-Z, a-z, 0-9, _ and -: name = \"academy\" for themes/academy/",
            ));
            ThemeSettings::default()
        }
    };

    let (assessment_span, assessment) = raw
        .assessment
        .map_or((0..0, Default::default()), |a| (a.span(), a.into_inner()));
    if let Some(n) = assessment
        .attempts
        .filter(|n| *n > crate::course::assessment::MAX_ATTEMPTS)
    {
        diags.push(err(
            Code::AssessmentOption,
            assessment_span,
            format!("[assessment] attempts = {n} is more than an academy can use"),
            "give at most 10 attempts, or 0 for unlimited",
        ));
    }

    if diags.has_errors() {
        return Err(diags);
    }
    let config = Config {
        id,
        version: raw.course.version,
        source_locale,
        locales,
        modules,
        scorm,
        theme,
        assessment,
        source,
    };
    Ok((config, diags.items))
}

fn config_hint(msg: &str) -> String {
    if msg.starts_with("unknown field") {
        "check the spelling; the keys course.toml takes are listed in the SPEC, section 2".into()
    } else if msg.starts_with("missing field") {
        "add the missing key to its table".into()
    } else if msg.starts_with("invalid type") {
        "check the value's type: strings in quotes, lists in [ ], numbers bare".into()
    } else {
        "see SPEC section 2 for the layout of course.toml".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "[course]\nid = \"c\"\nversion = \"1\"\nsource_locale = \"en\"\nlocales = [\"en\"]\nmodules = [\"m\"]\n";

    fn errors(text: &str) -> Vec<(&'static str, usize, usize)> {
        match parse(text) {
            Ok(_) => Vec::new(),
            Err(d) => d
                .items
                .iter()
                .map(|d| (d.code.as_str(), d.line.unwrap_or(0), d.column.unwrap_or(0)))
                .collect(),
        }
    }

    #[test]
    fn a_theme_is_a_plain_name() {
        for bad in ["/", "../x", "a/b", "..", "", "x\\\\y", "C:"] {
            let text = format!("{BASE}[theme]\nname = \"{bad}\"\n");
            assert_eq!(errors(&text), [("config-theme-name", 8, 8)], "{bad}");
        }
        let (c, _) = parse(&format!("{BASE}[theme]\nname = \"my_theme-2\"\n")).unwrap();
        assert_eq!(c.theme.name, "my_theme-2");
        let (c, _) = parse(BASE).unwrap();
        assert_eq!(c.theme.name, "default");
    }

    #[test]
    fn layout_names_are_not_locales_or_modules() {
        let text = BASE
            .replace("[\"en\"]", "[\"en\", \"static\"]")
            .replace("[\"m\"]", "[\"m\", \"search.html\"]");
        assert_eq!(
            errors(&text),
            [
                ("config-reserved-name", 5, 18),
                ("config-reserved-name", 6, 17)
            ]
        );
    }
}

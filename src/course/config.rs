//! `course.toml`: the settings of a course (SPEC §2), read with serde + toml.
//! Every problem is reported with file, line and column.

use crate::msg;
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use crate::diag::{Code, Diagnostic, Diagnostics, Msg};

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
    #[serde(default)]
    translit: RawTranslit,
    #[serde(default)]
    media: RawMedia,
}

/// `[media]`: video and audio beside the pages.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMedia {
    warn_size_mb: Option<u32>,
}

/// A video or audio file larger than this many megabytes is a warning
/// unless `[media] warn_size_mb` says otherwise: the course travels on USB
/// sticks, over messengers and phone data, and a single-file module carries
/// its clips inside (a third larger as base64).
pub const DEFAULT_MEDIA_WARN_MB: u32 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTranslit {
    keep: Option<Spanned<Vec<Spanned<String>>>>,
}

/// The most words `[translit] keep` may list, and the longest word: a list
/// of names, not a dictionary.
pub const MAX_KEEP_WORDS: usize = 10_000;
pub const MAX_KEEP_WORD_CHARS: usize = 64;

/// Why `word` cannot be a `[translit] keep` word: the character that may
/// not be in it (`None` for an empty word or one without a letter), or
/// nothing when it is a word. A word is letters and digits of a Latin
/// script, with `-`, `.`, `_`, `+`, `#` and apostrophes inside (`e-mail`,
/// `Node.js`, `C++`).
fn keep_word_problem(word: &str) -> Option<Option<char>> {
    if word.chars().count() > MAX_KEEP_WORD_CHARS {
        return Some(None);
    }
    let allowed = |c: char| {
        (c.is_alphanumeric() && !matches!(c, '\u{0400}'..='\u{052F}'))
            || matches!(c, '-' | '.' | '_' | '+' | '#')
            || matches!(
                c,
                '\'' | '\u{2018}' | '\u{2019}' | '\u{02BB}' | '\u{02BC}' | '\u{0300}'..='\u{036F}'
            )
    };
    if let Some(c) = word.chars().find(|c| !allowed(*c)) {
        return Some(Some(c));
    }
    if !word.chars().any(char::is_alphabetic) {
        return Some(None);
    }
    None
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTheme {
    name: Option<Spanned<String>>,
    pub(super) organisation: Option<Spanned<String>>,
    pub(super) logo: Option<Spanned<String>>,
    pub(super) accent: Option<Spanned<String>>,
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
    hint: Msg,
) -> T {
    let Some(v) = value else { return default };
    match choices.iter().find(|(name, _)| *name == v.get_ref()) {
        Some((_, c)) => *c,
        None => {
            let mut names: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
            let last = names.pop().unwrap_or_default();
            let value = v.get_ref().escape_debug().to_string();
            diags.push(
                Diagnostic::error(
                    Code::ConfigScormOption,
                    msg!(
                        "content-config-scorm-value",
                        key = key,
                        value = value,
                        choices = names.join(", "),
                        last = last
                    ),
                )
                .at(CONFIG_FILE, source, v.span())
                .hint(hint),
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
                msg!("content-config-mastery", score = *mastery_score.get_ref()),
            )
            .at(CONFIG_FILE, source, mastery_score.span())
            .hint(msg!("content-config-mastery-hint")),
        );
    }
    let package = choice(
        "package",
        raw.package.as_ref(),
        PackageMode::CHOICES,
        PackageMode::Course,
        source,
        diags,
        msg!("content-config-package-hint"),
    );
    let package_2004 = choice(
        "package_2004",
        raw.package_2004.as_ref(),
        PackageMode::CHOICES,
        package,
        source,
        diags,
        msg!("content-config-package-2004-hint"),
    );
    let complete_when = choice(
        "complete_when",
        raw.complete_when.as_ref(),
        CompleteWhen::CHOICES,
        CompleteWhen::Passed,
        source,
        diags,
        msg!("content-config-complete-when-hint"),
    );
    let mut package_2004_made = package_2004;
    if modules > 1 && package_2004 == PackageMode::Course {
        match &raw.package_2004 {
            Some(explicit) => diags.push(
                Diagnostic::warning(
                    Code::Scorm2004CoursePackage,
                    msg!("content-config-2004-course", modules = modules),
                )
                .at(CONFIG_FILE, source, explicit.span())
                .hint(msg!("content-config-2004-course-hint")),
            ),
            None => {
                package_2004_made = PackageMode::Module;
                let span = raw.package.as_ref().map_or(modules_span, |p| p.span());
                diags.push(
                    Diagnostic::warning(
                        Code::Scorm2004CoursePackage,
                        msg!("content-config-2004-module", modules = modules),
                    )
                    .at(CONFIG_FILE, source, span)
                    .hint(msg!("content-config-2004-module-hint")),
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
    /// `organisation`: the academy's name, shown in every locale that has
    /// no `course-organisation` message of its own.
    pub organisation: Option<String>,
    /// `logo`: a path inside the course (checked for form here; the file
    /// is read and checked by `course::load_with`).
    pub logo: Option<Spanned<String>>,
    /// `accent`: the colour of links and buttons, as `#rrggbb`.
    pub accent: Option<String>,
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
            organisation: None,
            logo: None,
            accent: None,
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
    /// `[translit] keep`: words generated locales keep as written (names
    /// of products, programs and files), in the order given.
    pub translit_keep: Vec<String>,
    /// `[media] warn_size_mb`: a video or audio file above this many
    /// megabytes is a warning (0: never).
    pub media_warn_mb: u32,
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

    /// The locales people translate: not the source, not generated ones.
    pub fn translated_locales(&self) -> impl Iterator<Item = &LocaleConfig> {
        self.locales
            .iter()
            .filter(|l| l.tag != self.source_locale && l.generated_from.is_none())
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
                Diagnostic::error(
                    Code::ConfigSyntax,
                    match super::near::unknown_field_parts(&msg) {
                        Some((field, expected)) => msg!(
                            "content-config-unknown-field",
                            field = field,
                            expected = expected
                        ),
                        None => msg!("content-config-syntax", detail = &msg),
                    },
                )
                .at(CONFIG_FILE, &source, span)
                .hint(config_hint(&msg)),
            );
            return Err(diags);
        }
    };
    let err = |code, span: std::ops::Range<usize>, msg: Msg, hint: Msg| {
        Diagnostic::error(code, msg)
            .at(CONFIG_FILE, &source, span)
            .hint(hint)
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
            msg!("content-config-id", id = &id),
            msg!("content-config-id-hint"),
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
                msg!("content-config-locale-tag", tag = tag),
                msg!("content-config-locale-tag-hint"),
            ));
        } else if let Some(why) = super::reserved::locale_tag(tag) {
            diags.push(err(
                Code::ConfigReservedName,
                l.span(),
                msg!("content-config-locale-reserved", tag = tag, why = why),
                msg!("content-config-locale-reserved-hint"),
            ));
        } else if tags.iter().any(|(t, _)| t == tag) {
            diags.push(err(
                Code::ConfigLocaleDuplicate,
                l.span(),
                msg!("content-config-locale-duplicate", tag = tag),
                msg!("content-config-locale-duplicate-hint"),
            ));
        } else {
            tags.push((tag.clone(), l.span()));
        }
    }
    if tags.is_empty() && !diags.has_errors() {
        diags.push(err(
            Code::ConfigNoLocales,
            raw.course.locales.span(),
            msg!("content-config-no-locales"),
            msg!("content-config-no-locales-hint"),
        ));
    }
    let source_locale = raw.course.source_locale.get_ref().clone();
    if !tags.iter().any(|(t, _)| *t == source_locale) {
        diags.push(err(
            Code::ConfigSourceLocale,
            raw.course.source_locale.span(),
            msg!("content-config-source-locale", tag = &source_locale),
            msg!("content-config-source-locale-hint"),
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
                        msg!("content-config-fallback-self", tag = tag),
                        msg!("content-config-fallback-self-hint"),
                    ));
                } else if !tags.iter().any(|(t, _)| t == fb) {
                    diags.push(err(
                        Code::ConfigFallbackUnknown,
                        f.span(),
                        msg!("content-config-fallback-unknown", fallback = fb, tag = tag),
                        msg!("content-config-fallback-unknown-hint"),
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
                        msg!("content-config-locale-unused", tag = tag),
                    )
                    .at(CONFIG_FILE, &source, key.span())
                    .hint(msg!("content-config-locale-unused-hint")),
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
                    msg!("content-config-generate-unknown", generate = g.get_ref()),
                    msg!("content-config-generate-unknown-hint"),
                ));
                continue;
            }
        };
        if let Some(why) = super::reserved::locale_tag(tag) {
            diags.push(err(
                Code::ConfigReservedName,
                key.span(),
                msg!("content-config-locale-reserved", tag = tag, why = why),
                msg!("content-config-generated-reserved-hint"),
            ));
            continue;
        }
        if crate::translit::Script::from_tag(tag).is_none() {
            diags.push(err(
                Code::ConfigGenerate,
                key.span(),
                msg!("content-config-generate-script", tag = tag),
                msg!("content-config-generate-script-hint"),
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
                msg!("content-config-generate-from", tag = tag, from = &from),
                msg!("content-config-generate-from-hint"),
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
                msg!("content-config-module-name", name = name),
                msg!("content-config-module-name-hint"),
            ));
        } else if let Some(c) = name
            .chars()
            .find(|c| "&<>\"`|':\\*?".contains(*c) || c.is_control())
        {
            diags.push(err(
                Code::ConfigModuleName,
                m.span(),
                if c.is_control() {
                    msg!(
                        "content-config-module-control",
                        name = name.escape_debug().to_string(),
                        char = c.escape_unicode().to_string()
                    )
                } else {
                    msg!(
                        "content-config-module-char",
                        name = name.escape_debug().to_string(),
                        char = c
                    )
                },
                msg!("content-config-module-char-hint"),
            ));
        } else if let Some(why) = super::reserved::module_name(name) {
            diags.push(err(
                Code::ConfigReservedName,
                m.span(),
                msg!("content-config-module-reserved", name = name, why = why),
                msg!("content-config-module-reserved-hint"),
            ));
        } else if modules.iter().any(|(x, _)| x == name) {
            diags.push(err(
                Code::ConfigModuleDuplicate,
                m.span(),
                msg!("content-config-module-duplicate", name = name),
                msg!("content-config-module-duplicate-hint"),
            ));
        } else {
            modules.push((name.clone(), m.span()));
        }
    }
    if modules.is_empty() && !diags.has_errors() {
        diags.push(err(
            Code::ConfigNoModules,
            raw.course.modules.span(),
            msg!("content-config-no-modules"),
            msg!("content-config-no-modules-hint"),
        ));
    }

    let scorm = scorm_settings(
        raw.scorm,
        modules.len(),
        raw.course.modules.span(),
        &source,
        &mut diags,
    );

    let mut theme = match &raw.theme.name {
        None => ThemeSettings::default(),
        Some(name) if plain_theme_name(name.get_ref()) => ThemeSettings {
            name: name.get_ref().clone(),
            ..ThemeSettings::default()
        },
        Some(name) => {
            diags.push(err(
                Code::ConfigThemeName,
                name.span(),
                msg!("content-theme-name", name = name.get_ref()),
                msg!("content-config-theme-name-hint"),
            ));
            ThemeSettings::default()
        }
    };
    super::brand::settings(&raw.theme, &mut theme, &source, &mut diags);

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
            msg!("content-config-attempts", attempts = n),
            msg!("content-attempts-hint"),
        ));
    }

    let mut translit_keep = Vec::new();
    if let Some(keep) = &raw.translit.keep {
        if keep.get_ref().len() > MAX_KEEP_WORDS {
            diags.push(err(
                Code::ConfigTranslitKeep,
                keep.span(),
                msg!(
                    "content-config-keep-many",
                    count = keep.get_ref().len(),
                    max = MAX_KEEP_WORDS
                ),
                msg!("content-config-keep-hint"),
            ));
        } else {
            for w in keep.get_ref() {
                let word = w.get_ref();
                let shown = word.escape_debug().to_string();
                let problem = match keep_word_problem(word) {
                    None => {
                        if !translit_keep.contains(word) {
                            translit_keep.push(word.clone());
                        }
                        continue;
                    }
                    Some(Some(c)) if c.is_whitespace() => {
                        msg!("content-config-keep-space", word = shown)
                    }
                    Some(Some(c)) => msg!(
                        "content-config-keep-char",
                        word = shown,
                        char = c.escape_debug().to_string()
                    ),
                    Some(None) if word.is_empty() => msg!("content-config-keep-empty"),
                    Some(None) => msg!(
                        "content-config-keep-word",
                        word = shown.chars().take(80).collect::<String>(),
                        max = MAX_KEEP_WORD_CHARS
                    ),
                };
                diags.push(err(
                    Code::ConfigTranslitKeep,
                    w.span(),
                    problem,
                    msg!("content-config-keep-hint"),
                ));
            }
        }
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
        translit_keep,
        media_warn_mb: raw.media.warn_size_mb.unwrap_or(DEFAULT_MEDIA_WARN_MB),
        source,
    };
    Ok((config, diags.items))
}

fn config_hint(msg: &str) -> Msg {
    if msg.starts_with("unknown field") {
        match super::near::unknown_field(msg) {
            Some(near) => msg!(
                "content-config-unknown-field-suggest-hint",
                suggestion = near
            ),
            None => msg!("content-config-unknown-field-hint"),
        }
    } else if msg.starts_with("missing field") {
        msg!("content-config-missing-field-hint")
    } else if msg.starts_with("invalid type") {
        msg!("content-config-invalid-type-hint")
    } else {
        msg!("content-config-syntax-hint")
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
    fn translit_keep_is_a_list_of_words() {
        let (c, _) = parse(&format!(
            "{BASE}[translit]\nkeep = [\"Moodle\", \"SHA256SUMS\", \"Node.js\", \"Moodle\"]\n"
        ))
        .unwrap();
        assert_eq!(c.translit_keep, ["Moodle", "SHA256SUMS", "Node.js"]);
        assert!(parse(BASE).unwrap().0.translit_keep.is_empty());
        for bad in ["", "two words", "<b>", "Ўзбек", "123", "a\\u0007"] {
            let text = format!("{BASE}[translit]\nkeep = [\"ok\", \"{bad}\"]\n");
            assert_eq!(errors(&text), [("config-translit-keep", 8, 15)], "{bad}");
        }
        let long = "x".repeat(MAX_KEEP_WORD_CHARS + 1);
        let text = format!("{BASE}[translit]\nkeep = [\"{long}\"]\n");
        assert_eq!(errors(&text), [("config-translit-keep", 8, 9)]);
        let many = vec!["\"w\""; MAX_KEEP_WORDS + 1].join(", ");
        let text = format!("{BASE}[translit]\nkeep = [{many}]\n");
        assert_eq!(errors(&text), [("config-translit-keep", 8, 8)]);
        // not a list of strings: a syntax error where it stands
        for bad in ["\"Moodle\"", "[1]", "[[\"a\"]]"] {
            let text = format!("{BASE}[translit]\nkeep = {bad}\n");
            let e = errors(&text);
            assert_eq!(e.len(), 1, "{bad}: {e:?}");
            assert_eq!((e[0].0, e[0].1), ("config-syntax", 8), "{bad}");
        }
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

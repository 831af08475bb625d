//! The language darslik speaks to its user (SPEC §10): `--lang`, else
//! `DARSLIK_LANG`, else `LC_ALL` / `LC_MESSAGES` / `LANG`, else English.

use std::sync::OnceLock;

/// A language of darslik's own messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ru,
    /// Uzbek, Latin script.
    Uz,
    /// Uzbek, Cyrillic script (made from the Latin messages by the transliterator).
    UzCyrl,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ru, Lang::Uz, Lang::UzCyrl];

    /// The BCP 47 tag: `en`, `ru`, `uz`, `uz-Cyrl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Uz => "uz",
            Lang::UzCyrl => "uz-Cyrl",
        }
    }

    /// Reads a tag or a POSIX locale name: `ru`, `ru-RU`, `ru_RU.UTF-8`,
    /// `uz_UZ.UTF-8`, `uz-Latn`, `uz-Cyrl`, `uz_UZ@cyrillic`, `en_GB`. `C`,
    /// `POSIX` and languages darslik does not speak are `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let (t, modifier) = match t.split_once('@') {
            Some((t, m)) => (t.to_string(), Some(m.to_string())),
            None => (t, None),
        };
        let t = t.split('.').next().unwrap_or("");
        let mut parts = t.split('-');
        let lang = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        match lang {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "uz" => {
                let cyrl = rest.contains(&"cyrl") || modifier.as_deref() == Some("cyrillic");
                Some(if cyrl { Lang::UzCyrl } else { Lang::Uz })
            }
            _ => None,
        }
    }

    /// The language the environment asks for: `DARSLIK_LANG`, else the
    /// first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty
    /// (as POSIX reads them), else English.
    pub fn from_env() -> Lang {
        Self::from_vars(|k| std::env::var(k).ok())
    }

    fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(l) = get("DARSLIK_LANG").and_then(|v| Lang::from_tag(&v)) {
            return l;
        }
        for k in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = get(k).filter(|v| !v.is_empty()) {
                return Lang::from_tag(&v).unwrap_or(Lang::En);
            }
        }
        Lang::En
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the language for this process (the command line does, once).
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The language chosen for this process; English until [`set`] is called.
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or(Lang::En)
}

static COLOR: OnceLock<bool> = OnceLock::new();

/// Whether reports may use terminal colours (the command line decides:
/// standard error is a terminal and `NO_COLOR` is not set).
pub fn set_color(on: bool) {
    let _ = COLOR.set(on);
}

/// Terminal colours on? Off until [`set_color`] says otherwise.
pub fn color() -> bool {
    COLOR.get().copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_posix_names() {
        assert_eq!(Lang::from_tag("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("uz_UZ.UTF-8"), Some(Lang::Uz));
        assert_eq!(Lang::from_tag("uz-Latn"), Some(Lang::Uz));
        assert_eq!(Lang::from_tag("uz-Cyrl"), Some(Lang::UzCyrl));
        assert_eq!(Lang::from_tag("uz_UZ.UTF-8@cyrillic"), Some(Lang::UzCyrl));
        assert_eq!(Lang::from_tag("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C.UTF-8"), None);
        assert_eq!(Lang::from_tag("de_DE"), None);
    }

    #[test]
    fn the_environment_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "ru_RU.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "en_US"), ("DARSLIK_LANG", "uz-Cyrl")])),
            Lang::UzCyrl
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_MESSAGES", "uz_UZ"), ("LANG", "ru_RU")])),
            Lang::Uz
        );
        assert_eq!(Lang::from_vars(env(&[("LC_ALL", "")])), Lang::En);
    }
}

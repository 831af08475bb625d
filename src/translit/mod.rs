//! Uzbek in all its scripts: Latin (1995), Latin (2026) and Cyrillic.
//!
//! The converter follows the official spelling rules (Cabinet of Ministers
//! resolution No. 339 of 1995-08-24, "Oʻzbek tilining asosiy imlo qoidalari")
//! and their context rules rather than a letter table; a shipped word list
//! ([`Exceptions::builtin`]) covers the Russian and international loanwords
//! whose spelling no rule can predict, and a course may add its own.
//!
//! * [`convert`]: plain text, the input script detected word by word;
//! * [`markdown`]: a page with its `+++` front matter, only human text changes;
//! * [`fluent`]: a Fluent file, only pattern text changes;
//! * [`apostrophe_fixes_markdown`], [`apostrophe_fixes_fluent`], [`apply_fixes`]:
//!   apostrophe hygiene for Uzbek Latin (`oʻ gʻ` with U+02BB, tutuq belgisi U+02BC).
//!
//! Everything here is total: no input makes it panic.

mod apostrophe;
mod exceptions;
mod fluent;
mod letters;
mod lexicon;
mod markdown;
mod review;
mod rules;
mod suffixes;
mod text;
mod word;

pub use apostrophe::{
    ApostropheFix, apostrophe_fixes_fluent, apostrophe_fixes_markdown, apply_fixes,
};
pub use exceptions::Exceptions;
pub use fluent::fluent;
pub use fluent::text_ranges as fluent_text_ranges;
pub use markdown::markdown;
pub use markdown::text_ranges as markdown_text_ranges;
pub use review::{Counts, Guess, Kind, counts, guesses, review};

/// The three scripts of Uzbek.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Script {
    /// `uz-Cyrl`: the Cyrillic alphabet (1940-1995, still widely read).
    Cyrl,
    /// `uz-Latn`: the Latin alphabet of 1995, official until the 2026 law takes effect.
    Latn,
    /// `uz-Latn-2026`: the Latin alphabet of the 2026 law (`ş ç ö ğ`).
    Latn2026,
}

impl Script {
    /// Reads a BCP 47 tag: `uz-Cyrl`, `uz-Latn`, `uz-Latn-2026` (any case,
    /// `_` accepted for `-`; a region such as `uz-Cyrl-UZ` is allowed).
    pub fn from_tag(tag: &str) -> Option<Script> {
        let lower = tag.trim().replace('_', "-").to_ascii_lowercase();
        let parts: Vec<&str> = lower.split('-').collect();
        if parts.first() != Some(&"uz") {
            return None;
        }
        let rest: Vec<&str> = parts[1..]
            .iter()
            .copied()
            .filter(|p| !(p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic())))
            .collect();
        match rest.as_slice() {
            ["cyrl"] => Some(Script::Cyrl),
            ["latn"] => Some(Script::Latn),
            ["latn", "2026"] | ["2026"] => Some(Script::Latn2026),
            _ => None,
        }
    }

    /// The canonical tag: `uz-Cyrl`, `uz-Latn` or `uz-Latn-2026`.
    pub fn tag(self) -> &'static str {
        match self {
            Script::Cyrl => "uz-Cyrl",
            Script::Latn => "uz-Latn",
            Script::Latn2026 => "uz-Latn-2026",
        }
    }
}

/// Converts plain text to `to`. The input script is detected word by word
/// (Latin 1995, Latin 2026 or Cyrillic), so mixed text works. URLs, e-mail
/// addresses, numbers, code-like tokens (`2011/36/EU`, `index.md`) and words
/// that are not Uzbek (letters such as `c` outside `ch`, `w`, `é`) are kept.
/// Latin apostrophes are normalised: `oʻ gʻ` take U+02BB, the tutuq belgisi U+02BC.
pub fn convert(text: &str, to: Script, ex: &Exceptions) -> String {
    text::convert_text(text, to, ex)
}

#[cfg(test)]
mod tests;

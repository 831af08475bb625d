//! Word exceptions: spellings that no context rule predicts.
//!
//! File format (the built-in `data/exceptions.toml` and a course's
//! `locales/uz-Cyrl/exceptions.toml` alike), TOML with one table `[words]`:
//!
//! ```toml
//! [words]
//! sirk = "цирк"          # Latin (1995) = Cyrillic; used both ways
//! "moʻjiza" = "мўъжиза"  # any apostrophe is accepted in keys: mo'jiza, mo‘jiza, ...
//! "kiber*" = "кибер"     # a trailing * matches any continuation (kiberhujum)
//! "цех" = "sex"          # a Cyrillic key: Cyrillic -> Latin only
//! moodle = "Moodle"      # a value without Cyrillic letters: keep the word as written
//! ```
//!
//! Keys are case-insensitive and match the whole word or the word followed by
//! Uzbek suffixes (`sirk` matches `sirkda`, `sirklar`, not `sirka`); the case
//! of the text is kept (`Sirk` -> `Цирк`, `SIRK` -> `ЦИРК`). A Cyrillic value
//! ending in `ь` loses it before a suffix (`aprelda` -> `апрелда`). The
//! longest matching key wins; a course's entries override the built-in ones.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::rules::{Unit, cyr_to_latin_pieces, is_cyrillic_word, key, read_cyrillic, read_latin};
use super::suffixes::is_suffix_chain;

const BUILTIN: &str = include_str!("data/exceptions.toml");

#[derive(Clone, Debug)]
pub(super) struct LatEntry {
    /// Lower-case Cyrillic, or the word to keep when `keep`.
    pub cyr: String,
    pub prefix: bool,
    pub keep: bool,
}

#[derive(Clone, Debug)]
pub(super) struct CyrEntry {
    /// Lower-case canonical Latin.
    pub lat: String,
    pub prefix: bool,
    /// The Cyrillic form ends in `ь` (dropped from the key).
    pub soft: bool,
}

/// The word list used by the converter: the built-in list plus a course's additions.
#[derive(Clone, Debug, Default)]
pub struct Exceptions {
    lat: HashMap<String, LatEntry>,
    cyr: HashMap<String, CyrEntry>,
    max_lat: usize,
    max_cyr: usize,
    /// Consult the shipped lexicon (see `lexicon.rs`) when no entry matches.
    pub(super) lexicon: bool,
    /// Changes whenever the lists change (keys the word cache in `word.rs`).
    pub(super) id: u64,
}

fn fresh_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Exceptions {
    /// The list shipped with darslik (`src/translit/data/exceptions.toml`).
    pub fn builtin() -> Exceptions {
        static PARSED: OnceLock<Exceptions> = OnceLock::new();
        PARSED
            .get_or_init(|| {
                let mut ex = Exceptions::default();
                // The shipped file is tested; a broken one would only mean fewer exceptions.
                let _ = ex.add_toml(BUILTIN, false);
                ex.lexicon = true;
                ex.id = fresh_id();
                ex
            })
            .clone()
    }

    /// An empty list: rules only (used to measure what the rules alone do).
    pub fn none() -> Exceptions {
        Exceptions {
            id: fresh_id(),
            ..Exceptions::default()
        }
    }

    /// The same lists without the lexicon behind them (to measure what the
    /// lexicon adds).
    pub fn without_lexicon(mut self) -> Exceptions {
        self.lexicon = false;
        self.id = fresh_id();
        self
    }

    /// Whether the lexicon is consulted.
    pub fn uses_lexicon(&self) -> bool {
        self.lexicon
    }

    /// Adds a course's own list (see the module documentation for the format).
    /// Its entries override the built-in ones.
    pub fn with_course_toml(mut self, text: &str) -> Result<Exceptions, String> {
        self.add_toml(text, true)?;
        self.id = fresh_id();
        Ok(self)
    }

    /// Number of entries (Latin keys plus Cyrillic-only keys).
    pub fn len(&self) -> usize {
        self.lat.len() + self.cyr_only()
    }

    fn cyr_only(&self) -> usize {
        let from_lat: std::collections::HashSet<String> = self
            .lat
            .values()
            .filter(|e| !e.keep)
            .map(|e| cyr_key(&e.cyr).0)
            .collect();
        self.cyr.keys().filter(|k| !from_lat.contains(*k)).count()
    }

    pub fn is_empty(&self) -> bool {
        self.lat.is_empty() && self.cyr.is_empty()
    }

    fn add_toml(&mut self, text: &str, override_existing: bool) -> Result<(), String> {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        let Some(words) = table.get("words") else {
            return if table.is_empty() {
                Ok(())
            } else {
                Err("expected a [words] table".to_string())
            };
        };
        let words = words
            .as_table()
            .ok_or_else(|| "`words` must be a table".to_string())?;
        for (k, v) in words {
            let v = v
                .as_str()
                .ok_or_else(|| format!("words.{k}: the value must be a string"))?;
            self.add(k, v, override_existing)
                .map_err(|e| format!("words.{k}: {e}"))?;
        }
        Ok(())
    }

    fn add(&mut self, k: &str, v: &str, override_existing: bool) -> Result<(), String> {
        let (k, prefix) = match k.trim().strip_suffix('*') {
            Some(s) => (s, true),
            None => (k.trim(), false),
        };
        let v = v.trim();
        if k.is_empty() || v.is_empty() {
            return Err("empty key or value".to_string());
        }
        if is_cyrillic_word(k) {
            let units = read_cyrillic(k);
            let (ck, soft) = cyr_key(&key(&units));
            let lat_units = read_latin(v).ok_or_else(|| format!("`{v}` is not Uzbek Latin"))?;
            let entry = CyrEntry {
                lat: key(&lat_units),
                prefix,
                soft,
            };
            self.insert_cyr(ck, entry, override_existing);
            return Ok(());
        }
        let units = read_latin(k).ok_or_else(|| format!("`{k}` is not Uzbek Latin"))?;
        let lk = key(&units);
        let keep = !is_cyrillic_word(v);
        let cyr: String = if keep {
            v.to_string()
        } else {
            read_cyrillic(v).iter().map(|u| u.ch).collect()
        };
        if !keep {
            let (ck, soft) = cyr_key(&cyr);
            let entry = CyrEntry {
                lat: lk.clone(),
                prefix,
                soft,
            };
            self.insert_cyr(ck, entry, override_existing);
        }
        let n = lk.chars().count();
        if override_existing || !self.lat.contains_key(&lk) {
            self.max_lat = self.max_lat.max(n);
            self.lat.insert(lk, LatEntry { cyr, prefix, keep });
        }
        Ok(())
    }

    fn insert_cyr(&mut self, ck: String, entry: CyrEntry, override_existing: bool) {
        if override_existing || !self.cyr.contains_key(&ck) {
            self.max_cyr = self.max_cyr.max(ck.chars().count());
            self.cyr.insert(ck, entry);
        }
    }

    /// The longest entry matching a Latin word: (units of the stem, entry).
    pub(super) fn lookup_latin(&self, units: &[Unit]) -> Option<(usize, &LatEntry)> {
        if self.lat.is_empty() {
            return None;
        }
        let chars: Vec<char> = units.iter().map(|u| u.ch).collect();
        let top = chars.len().min(self.max_lat);
        for k in (1..=top).rev() {
            let stem: String = chars[..k].iter().collect();
            if let Some(e) = self.lat.get(&stem) {
                let rest: String = chars[k..].iter().collect();
                if rest.is_empty() || e.prefix || is_suffix_chain(&rest) {
                    return Some((k, e));
                }
            }
        }
        None
    }

    /// The longest entry matching a Cyrillic word: (units of the stem, skip a
    /// following `ь`, entry).
    pub(super) fn lookup_cyr(&self, units: &[Unit]) -> Option<(usize, bool, &CyrEntry)> {
        if self.cyr.is_empty() {
            return None;
        }
        let chars: Vec<char> = units.iter().map(|u| u.ch).collect();
        let top = chars.len().min(self.max_cyr);
        for k in (1..=top).rev() {
            let stem: String = chars[..k].iter().collect();
            if let Some(e) = self.cyr.get(&stem) {
                let skip_soft = chars.get(k) == Some(&'ь');
                let from = if skip_soft { k + 1 } else { k };
                if skip_soft && !e.soft && from < chars.len() {
                    // `ь` inside a different word (e.g. a longer loan): no match.
                    continue;
                }
                if from >= chars.len() || e.prefix {
                    return Some((k, skip_soft, e));
                }
                let rest: String = cyr_to_latin_pieces(units, from)
                    .into_iter()
                    .map(|(p, _)| p)
                    .collect();
                if is_suffix_chain(&rest) {
                    return Some((k, skip_soft, e));
                }
            }
        }
        None
    }
}

/// A Cyrillic key without its final `ь`, and whether it had one.
fn cyr_key(cyr: &str) -> (String, bool) {
    match cyr.strip_suffix('ь') {
        Some(s) if !s.is_empty() => (s.to_string(), true),
        _ => (cyr.to_string(), false),
    }
}

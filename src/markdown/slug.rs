//! GitHub-style heading ids: `### Independent sources` → `independent-sources`.
//! Letters of every script are kept (Cyrillic, Uzbek `oʻ` with U+02BB).

use std::collections::HashMap;

/// The id GitHub would give a heading with this text (before de-duplication).
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            out.push('-');
        }
        // Anything else (punctuation, symbols) is dropped, as GitHub does.
    }
    out
}

/// Hands out unique ids within one page: `intro`, `intro-1`, `intro-2`.
#[derive(Debug, Default)]
pub struct IdSet {
    seen: HashMap<String, usize>,
}

impl IdSet {
    /// Reserve an explicit id (`{#id}`); returns false if it was taken.
    pub fn reserve(&mut self, id: &str) -> bool {
        if self.seen.contains_key(id) {
            return false;
        }
        self.seen.insert(id.to_string(), 0);
        true
    }

    pub fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        if !self.seen.contains_key(base) {
            self.seen.insert(base.to_string(), 0);
            return base.to_string();
        }
        let mut n = self.seen.get(base).copied().unwrap_or(0);
        loop {
            n += 1;
            let candidate = format!("{base}-{n}");
            if !self.seen.contains_key(&candidate) {
                self.seen.insert(base.to_string(), n);
                self.seen.insert(candidate.clone(), 0);
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_style() {
        assert_eq!(slugify("Independent sources"), "independent-sources");
        assert_eq!(slugify("Act, means & purpose!"), "act-means--purpose");
        assert_eq!(slugify("Очная ставка"), "очная-ставка");
        assert_eq!(
            slugify("Oʻzbekiston qonunchiligi"),
            "oʻzbekiston-qonunchiligi"
        );
        assert_eq!(slugify("Maʼlumot 2"), "maʼlumot-2");
        assert_eq!(slugify("Article 3(a)"), "article-3a");
    }

    #[test]
    fn duplicates_get_numbers() {
        let mut ids = IdSet::default();
        assert_eq!(ids.unique("notes"), "notes");
        assert_eq!(ids.unique("notes"), "notes-1");
        assert_eq!(ids.unique("notes"), "notes-2");
        assert!(ids.reserve("act"));
        assert_eq!(ids.unique("act"), "act-1");
    }
}

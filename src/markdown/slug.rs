//! GitHub-style heading ids: `### Independent sources` → `independent-sources`.
//! Letters of every script are kept (Cyrillic, Uzbek `oʻ` with U+02BB).

/// The id GitHub would give a heading with this text (before de-duplication).
pub fn slugify(text: &str) -> String {
    let table = table();
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match table.get(c as usize).copied().unwrap_or(OTHER) {
            DROP => {}
            SPACE => out.push('-'),
            OTHER => slug_char(c, &mut out),
            lower => out.push(char::from_u32(lower).unwrap_or(c)),
        }
    }
    out
}

/// What [`slugify`] makes of one character.
fn slug_char(c: char, out: &mut String) {
    if c.is_alphanumeric() || c == '_' || c == '-' {
        out.extend(c.to_lowercase());
    } else if c.is_whitespace() {
        out.push('-');
    }
    // Anything else (punctuation, symbols) is dropped, as GitHub does.
}

const DROP: u32 = u32::MAX;
const SPACE: u32 = u32::MAX - 1;
const OTHER: u32 = u32::MAX - 2;

/// [`slug_char`] of the characters below U+0800 (Latin, Cyrillic and
/// their neighbours), worked out once: the lower-case letter, or what to
/// do (the standard library's Unicode look-ups are slow outside ASCII).
fn table() -> &'static [u32] {
    static TABLE: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..0x800)
            .map(|n| {
                let Some(c) = char::from_u32(n) else {
                    return DROP;
                };
                let mut s = String::new();
                slug_char(c, &mut s);
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => DROP,
                    (Some('-'), None) if c != '-' => SPACE,
                    (Some(l), None) => u32::from(l),
                    _ => OTHER,
                }
            })
            .collect()
    })
}

/// Hands out unique ids within one page: `intro`, `intro-1`, `intro-2`.
#[derive(Debug, Default)]
pub struct IdSet {
    seen: crate::search::normalize::FastMap<String, usize>,
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
    fn the_table_says_what_each_character_gives() {
        for n in 0u32..0x3100 {
            let Some(c) = char::from_u32(n) else { continue };
            let mut want = String::new();
            slug_char(c, &mut want);
            let text = format!("a{c}b");
            assert_eq!(slugify(&text), format!("a{want}b"), "U+{n:04X}");
        }
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

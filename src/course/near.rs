//! "Did you mean …?": the nearest of some names to a name that matches
//! none of them (a mistyped message id, term, front matter key).

/// The id among `candidates` nearest to `wanted` in edit distance, when it
/// is near enough to be a misspelling: at most 2 edits, or a third of the
/// length for longer ids, and never the whole word. Ties go to the first.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = wanted.chars().count();
    let most = (len / 3).max(2);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == wanted {
            continue;
        }
        let d = levenshtein(wanted, c);
        if d <= most && d < len.max(c.chars().count()) && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// For a TOML parser's "unknown field `titel`, expected one of `title`,
/// `description`, …": the expected key nearest to the unknown one.
pub fn unknown_field(message: &str) -> Option<String> {
    let mut names = message.split('`').skip(1).step_by(2);
    let field = names.next()?;
    let expected: Vec<&str> = names.collect();
    nearest(field, expected.iter().copied()).map(str::to_string)
}

/// A TOML parser's "unknown field `titel`, expected one of `title`, …" as
/// the unknown key and the list of expected ones (as written, with their
/// backticks), to be said in the reader's language; `None` for any other
/// message.
pub fn unknown_field_parts(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest.strip_prefix(", expected one of ")?;
    Some((field, expected))
}

/// Edits (insert, delete, replace one character) that turn `a` into `b`.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if ca == *cb {
                diag
            } else {
                1 + diag.min(up).min(row[j])
            };
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{levenshtein, nearest};

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("welcome", "welcom"), 1);
        assert_eq!(levenshtein("-brand", "-brnad"), 2);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("oʻquv", "o'quv"), 1);
    }

    #[test]
    fn an_unknown_toml_key_is_matched_to_an_expected_one() {
        let m = "unknown field `titel`, expected one of `title`, `description`, `weight`";
        assert_eq!(super::unknown_field(m).as_deref(), Some("title"));
        assert_eq!(
            super::unknown_field("unknown field `colour`, expected `title`"),
            None
        );
        assert_eq!(super::unknown_field("unknown field"), None);
        assert_eq!(
            super::unknown_field_parts(m),
            Some(("titel", "`title`, `description`, `weight`"))
        );
        assert_eq!(super::unknown_field_parts("invalid type: integer"), None);
    }

    #[test]
    fn nearest_is_a_likely_misspelling_only() {
        let ids = ["course-title", "course-description", "welcome"];
        assert_eq!(nearest("course-titel", ids), Some("course-title"));
        assert_eq!(nearest("welcom", ids), Some("welcome"));
        assert_eq!(nearest("farewell", ids), None);
        // Short ids: never a whole-word swap.
        assert_eq!(nearest("a", ["b"]), None);
        // Itself is no suggestion.
        assert_eq!(nearest("welcome", ids), None);
    }

    #[test]
    fn nearest_spelling() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("очная", "очна"), 1);
        let ids = ["target", "очная-ставка", "independent-sources"];
        assert_eq!(nearest("targte", ids), Some("target"));
        assert_eq!(nearest("очная-ставкa", ids), Some("очная-ставка"));
        assert_eq!(
            nearest("independant-source", ids),
            Some("independent-sources")
        );
        assert_eq!(nearest("nope", ids), None);
        assert_eq!(nearest("target", ids), None, "itself is not a suggestion");
        assert_eq!(nearest("ab", ["xy"]), None);
        assert_eq!(
            nearest("02-two.md", ["01-one.md", "03-two.md"]),
            Some("03-two.md")
        );
    }
}

//! Page front matter: TOML between `+++` lines at the top of a page (SPEC §1).

use crate::msg;
use std::ops::Range;
use std::sync::Arc;

use serde::Deserialize;

use crate::diag::{Code, Diagnostic};

#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub translation_of: Option<String>,
    /// Accepted for pages written for Zola or Hugo; darslik orders pages by file name.
    #[serde(default)]
    pub weight: Option<i64>,
    /// A graded page (SPEC §7); absent for practice.
    #[serde(default)]
    pub assessment: Option<crate::course::assessment::Kind>,
    #[serde(default)]
    pub attempts: Option<u32>,
    #[serde(default)]
    pub shuffle: Option<bool>,
    #[serde(default)]
    pub draw: Option<u32>,
    #[serde(default)]
    pub review: Option<crate::course::assessment::Review>,
}

impl FrontMatter {
    /// The assessment options written on the page.
    pub fn assessment_options(&self) -> crate::course::assessment::Options {
        crate::course::assessment::Options {
            attempts: self.attempts,
            shuffle: self.shuffle,
            draw: self.draw,
            review: self.review,
        }
    }
}

/// Where the parts of a page are in its text.
#[derive(Debug, Clone)]
pub struct Split {
    pub front: FrontMatter,
    /// Byte range of the TOML between the fences.
    pub toml: Range<usize>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
}

/// Split a page (already normalised to `\n` line endings) into front matter and body.
pub fn split(file: &str, text: &Arc<str>) -> Result<Split, Diagnostic> {
    let fence = "+++";
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != fence {
        return Err(Diagnostic::error(
            Code::FrontmatterMissing,
            msg!("content-frontmatter-missing"),
        )
        .at(file, text, 0..first_line_end.min(40))
        .hint(msg!("content-frontmatter-missing-hint")));
    }
    let toml_start = (first_line_end + 1).min(text.len());
    // Find the closing fence: a line that is exactly +++.
    let mut pos = toml_start;
    let mut close = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        if text[pos..end].trim_end() == fence {
            close = Some((pos, end));
            break;
        }
        pos = end + 1;
    }
    let Some((close_start, close_end)) = close else {
        return Err(Diagnostic::error(
            Code::FrontmatterUnterminated,
            msg!("content-frontmatter-unterminated"),
        )
        .at(file, text, 0..first_line_end)
        .hint(msg!("content-frontmatter-unterminated-hint")));
    };
    let toml_text = &text[toml_start..close_start];
    let front: FrontMatter = toml::from_str(toml_text).map_err(|e| {
        let span = e.span().map_or(toml_start..toml_start, |s| {
            toml_start + s.start..toml_start + s.end
        });
        let msg = e.message().trim().to_string();
        let hint = if msg.starts_with("missing field `title`") {
            msg!("content-frontmatter-no-title-hint")
        } else if msg.starts_with("unknown variant") {
            msg!("content-frontmatter-variant-hint")
        } else if msg.starts_with("unknown field") {
            match super::near::unknown_field(&msg) {
                Some(near) => msg!("content-frontmatter-field-suggest-hint", suggestion = near),
                None => msg!("content-frontmatter-field-hint"),
            }
        } else {
            msg!("content-frontmatter-toml-hint")
        };
        // A missing field has no useful span: point at the opening fence.
        let span = if span.is_empty() {
            0..first_line_end
        } else {
            span
        };
        Diagnostic::error(
            Code::FrontmatterInvalid,
            match super::near::unknown_field_parts(&msg) {
                Some((field, expected)) => msg!(
                    "content-frontmatter-unknown-field",
                    field = field,
                    expected = expected
                ),
                None => msg!("content-frontmatter-invalid", detail = &msg),
            },
        )
        .at(file, text, span)
        .hint(hint)
    })?;
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error(
            Code::FrontmatterInvalid,
            msg!("content-frontmatter-empty-title"),
        )
        .at(file, text, toml_start..close_start)
        .hint(msg!("content-frontmatter-empty-title-hint")));
    }
    Ok(Split {
        front,
        toml: toml_start..close_start,
        body_start: (close_end + 1).min(text.len()),
    })
}

/// Where the body starts in a page whose front matter could not be read:
/// after a closing `+++` line if there is one, else at the start.
pub fn body_start_after_error(text: &str) -> usize {
    if !text.starts_with("+++") {
        return 0;
    }
    let mut pos = text.find('\n').map_or(text.len(), |n| n + 1);
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        if text[pos..end].trim_end() == "+++" {
            return (end + 1).min(text.len());
        }
        pos = end + 1;
    }
    0
}

/// SPEC §1: sha256 (hex) of the page text after its front matter, line endings as `\n`.
pub fn body_hash(body: &str) -> String {
    use sha2::{Digest, Sha256};
    let normalised = body.replace("\r\n", "\n");
    let digest = Sha256::digest(normalised.as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push_str(&format!("{b:02x}"));
    }
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arc(s: &str) -> Arc<str> {
        Arc::from(s)
    }

    #[test]
    fn splits_title_and_body() {
        let t = arc("+++\ntitle = \"A\"\n+++\n# Body\n");
        let s = split("a.md", &t).unwrap();
        assert_eq!(s.front.title, "A");
        assert_eq!(&t[s.body_start..], "# Body\n");
    }

    #[test]
    fn missing_title_is_reported_at_the_fence() {
        let t = arc("+++\ndescription = \"x\"\n+++\nbody\n");
        let d = split("content/en/a.md", &t).unwrap_err();
        assert_eq!(d.code, "frontmatter-invalid");
        assert_eq!((d.line, d.column), (Some(1), Some(1)));
        assert!(d.message.contains("title"), "{}", d.message);
    }

    #[test]
    fn bad_value_points_at_its_line_and_column() {
        let t = arc("+++\ntitle = \"A\"\ndescription = 5\n+++\n");
        let d = split("a.md", &t).unwrap_err();
        assert_eq!((d.line, d.column), (Some(3), Some(15)));
    }

    #[test]
    fn unknown_key_and_unterminated() {
        let t = arc("+++\ntitle = \"A\"\ntitel = \"B\"\n+++\n");
        let d = split("a.md", &t).unwrap_err();
        assert_eq!(d.line, Some(3));
        let t = arc("+++\ntitle = \"A\"\n");
        assert_eq!(
            split("a.md", &t).unwrap_err().code,
            "frontmatter-unterminated"
        );
        let t = arc("# no front matter\n");
        assert_eq!(split("a.md", &t).unwrap_err().code, "frontmatter-missing");
    }

    #[test]
    fn hash_ignores_line_endings() {
        assert_eq!(body_hash("a\r\nb\n"), body_hash("a\nb\n"));
        assert!(body_hash("x").starts_with("sha256:"));
    }
}

//! Single-file modules: `single/<locale>/<module>.html`, one self-contained
//! file per module (CSS and JS inline, images as data URIs) that a trainer can
//! send over a messenger to a participant's phone.

use super::Tree;
use crate::diag::{Code, Diagnostic};
use crate::msg;
use crate::pipeline::Built;
use crate::render::doc::{DocMode, module_doc};

pub fn tree(built: &Built, locales: &[&str]) -> Result<Tree, Vec<Diagnostic>> {
    let env = crate::render::environment(&built.theme).map_err(|d| vec![d])?;
    let mut tree = Tree::new();
    let mut errors = Vec::new();
    for &locale in locales {
        for module in &built.course.modules {
            let doc = module_doc(
                &env,
                &built.course,
                &built.theme,
                &built.messages,
                &built.bodies.site,
                &built.bodies.docs,
                &[locale],
                module,
                DocMode::Single,
            )
            .map_err(|d| vec![d])?;
            let mut html = String::from_utf8(doc.html).map_err(|e| {
                vec![Diagnostic::error(
                    Code::ThemeTemplate,
                    msg!(
                        "content-single-not-utf8",
                        module = &module.name,
                        detail = e.to_string()
                    ),
                )]
            })?;
            // One encoding of each clip: the file goes inside the page.
            html = crate::markdown::media::drop_alternates(&html);
            for (path, file) in &doc.assets {
                let attr = |a: &str| format!("{a}=\"{path}\"");
                if !["src", "href", "poster"]
                    .iter()
                    .any(|a| html.contains(&attr(a)))
                {
                    continue;
                }
                // An SVG cleaned before it is inlined (SPEC §11).
                match crate::course::svg::read_asset_for_output(file) {
                    Ok(bytes) => {
                        let uri = format!("data:{};base64,{}", mime(path), base64(&bytes));
                        html = html
                            .replace(&format!("src=\"{path}\""), &format!("src=\"{uri}\""))
                            .replace(&format!("href=\"{path}\""), &format!("href=\"{uri}\""))
                            .replace(&format!("poster=\"{path}\""), &format!("poster=\"{uri}\""));
                    }
                    Err(d) => errors.push(d),
                }
            }
            tree.insert(format!("{locale}/{}.html", module.name), html.into_bytes());
        }
    }
    if errors.is_empty() {
        Ok(tree)
    } else {
        Err(errors)
    }
}

fn mime(path: &str) -> &'static str {
    match path
        .rsplit('.')
        .next()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("pdf") => "application/pdf",
        _ => crate::markdown::media::mime(path),
    }
}

/// Standard base64 with padding (RFC 4648), for data URIs.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(A[(n >> 18) as usize & 63] as char);
        out.push(A[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            A[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            A[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

/// Single-file modules as a build output.
pub struct SingleOutput;

impl crate::build::Output for SingleOutput {
    fn name(&self) -> &'static str {
        "single"
    }

    fn needs_docs(&self) -> bool {
        true
    }

    fn make(
        &mut self,
        built: &mut Built,
        w: &mut crate::build::Writer<'_>,
    ) -> Result<(), crate::build::Failure> {
        let locales: Vec<&str> = built.locales.iter().map(String::as_str).collect();
        let t = tree(built, &locales)?;
        w.tree(super::Format::Single, t)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_rfc4648() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(super::base64(i.as_bytes()), o);
        }
    }
}

//! Whose course it is: `[theme] organisation`, `logo` and `accent` in
//! `course.toml` (issue 25). The values are checked for form where they
//! stand (line and column of the key's value); the logo file is read once,
//! when the course is loaded, from inside the course folder only (no
//! absolute path, no `..`, no symbolic link that leads out), and an SVG
//! logo is cleaned by the SVG allow-list like every other SVG.

use std::path::Path;
use std::sync::Arc;

use super::config::{CONFIG_FILE, Config, RawTheme, ThemeSettings};
use crate::diag::{Code, Diagnostic, Diagnostics, Msg};
use crate::msg;

/// The longest organisation name, in characters.
pub const MAX_ORGANISATION_CHARS: usize = 200;
/// The largest logo file, in bytes: a logo is a small picture, and single
/// files carry it in every module.
pub const MAX_LOGO_BYTES: u64 = 512 * 1024;
/// The contrast a link's text and a button's white label need against the
/// accent (WCAG 2 AA, normal text).
pub const MIN_CONTRAST: f64 = 4.5;

/// The course's logo as every output gets it (an SVG already cleaned).
#[derive(Debug, Clone)]
pub struct Logo {
    /// `svg` or `png`.
    pub ext: &'static str,
    pub bytes: Arc<Vec<u8>>,
}

impl Logo {
    /// Its name among the static files of a site or SCORM package
    /// (`static/<name>`).
    pub fn file_name(&self) -> String {
        format!("course-logo.{}", self.ext)
    }

    pub fn mime(&self) -> &'static str {
        if self.ext == "svg" {
            "image/svg+xml"
        } else {
            "image/png"
        }
    }

    /// The logo as a `data:` URI, for files that carry everything inside.
    pub fn data_uri(&self) -> String {
        format!(
            "data:{};base64,{}",
            self.mime(),
            crate::output::single::base64(&self.bytes)
        )
    }
}

fn err(
    code: Code,
    source: &Arc<str>,
    span: std::ops::Range<usize>,
    m: Msg,
    hint: Msg,
) -> Diagnostic {
    Diagnostic::error(code, m)
        .at(CONFIG_FILE, source, span)
        .hint(hint)
}

/// The characters a name shown on every page may not hold: controls and
/// the bidirectional overrides that reorder what a terminal or page shows.
fn forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `[theme] organisation`, `logo` and `accent` checked for form into `theme`.
pub(super) fn settings(
    raw: &RawTheme,
    theme: &mut ThemeSettings,
    source: &Arc<str>,
    diags: &mut Diagnostics,
) {
    if let Some(org) = &raw.organisation {
        let text = org.get_ref().trim();
        let hint = || msg!("content-config-organisation-hint");
        if text.is_empty() {
            diags.push(err(
                Code::ConfigOrganisation,
                source,
                org.span(),
                msg!("content-config-organisation-empty"),
                hint(),
            ));
        } else if let Some(c) = text.chars().find(|c| forbidden(*c)) {
            diags.push(err(
                Code::ConfigOrganisation,
                source,
                org.span(),
                msg!(
                    "content-config-organisation-control",
                    char = c.escape_unicode().to_string()
                ),
                hint(),
            ));
        } else if text.chars().count() > MAX_ORGANISATION_CHARS {
            diags.push(err(
                Code::ConfigOrganisation,
                source,
                org.span(),
                msg!(
                    "content-config-organisation-long",
                    count = text.chars().count(),
                    max = MAX_ORGANISATION_CHARS
                ),
                hint(),
            ));
        } else {
            theme.organisation = Some(text.to_string());
        }
    }
    if let Some(logo) = &raw.logo {
        match logo_path_problem(logo.get_ref()) {
            None => theme.logo = Some(logo.clone()),
            Some(m) => diags.push(err(
                Code::ConfigLogo,
                source,
                logo.span(),
                m,
                msg!("content-config-logo-hint"),
            )),
        }
    }
    if let Some(accent) = &raw.accent {
        match parse_colour(accent.get_ref()) {
            Some(rgb) => {
                let hex = hex(rgb);
                let ratio = contrast_with_white(rgb);
                if ratio < MIN_CONTRAST {
                    let darker = darker_for_contrast(rgb);
                    diags.push(
                        Diagnostic::warning(
                            Code::AccentContrast,
                            msg!(
                                "content-accent-contrast",
                                accent = &hex,
                                ratio = shown_ratio(ratio)
                            ),
                        )
                        .at(CONFIG_FILE, source, accent.span())
                        .hint(msg!(
                            "content-accent-contrast-hint",
                            darker = hex_of(darker),
                            ratio = shown_ratio(contrast_with_white(darker))
                        )),
                    );
                }
                theme.accent = Some(hex);
            }
            None => diags.push(err(
                Code::ConfigAccent,
                source,
                accent.span(),
                msg!(
                    "content-config-accent",
                    value = accent
                        .get_ref()
                        .chars()
                        .take(40)
                        .collect::<String>()
                        .escape_debug()
                        .to_string()
                ),
                msg!("content-config-accent-hint"),
            )),
        }
    }
}

/// Why `path` cannot name a logo inside the course folder, from its form
/// alone; `None` when it can.
fn logo_path_problem(path: &str) -> Option<Msg> {
    let shown = path.chars().take(120).collect::<String>();
    let shown = shown.escape_debug().to_string();
    let why = if path.trim().is_empty() {
        "empty"
    } else if path.chars().any(forbidden) {
        "control"
    } else if path.starts_with('/') || path.as_bytes().get(1) == Some(&b':') {
        "absolute"
    } else if path.contains('\\') {
        "backslash"
    } else if path.split('/').any(|p| p == "..") {
        "parent"
    } else if path.split('/').any(str::is_empty) {
        "empty-part"
    } else {
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        if matches!(ext.as_deref(), Some("svg" | "png")) {
            return None;
        }
        return Some(msg!("content-config-logo-kind", path = shown));
    };
    Some(msg!("content-config-logo-path", path = shown, why = why))
}

/// The logo named by `[theme] logo`, read from inside the course folder:
/// `None` (with the errors) when it cannot be used.
pub(super) fn load_logo(root: &Path, config: &Config, diags: &mut Diagnostics) -> Option<Logo> {
    let logo = config.theme.logo.as_ref()?;
    let rel = logo.get_ref().trim_start_matches("./");
    let shown = rel.escape_debug().to_string();
    let at = |m: Msg| {
        err(
            Code::ConfigLogo,
            &config.source,
            logo.span(),
            m,
            msg!("content-config-logo-hint"),
        )
    };
    if super::leaves_course(root, rel).is_some() {
        diags.push(at(msg!("content-config-logo-outside", path = &shown)));
        return None;
    }
    let file = root.join(rel);
    let meta = match std::fs::metadata(&file) {
        Ok(m) if m.is_file() => m,
        _ => {
            diags.push(at(msg!("content-config-logo-missing", path = &shown)));
            return None;
        }
    };
    if meta.len() > MAX_LOGO_BYTES {
        diags.push(at(msg!(
            "content-config-logo-large",
            path = &shown,
            size = meta.len(),
            max = MAX_LOGO_BYTES
        )));
        return None;
    }
    let svg = super::svg::is_svg(&file);
    if svg {
        let (found, ok) = super::assets::check_svg(rel, &file);
        diags.extend(found);
        if !ok {
            return None;
        }
    }
    let read = if svg {
        super::svg::read_asset(&file)
    } else {
        std::fs::read(&file)
    };
    match read {
        Ok(bytes) if svg || bytes.starts_with(b"\x89PNG\r\n\x1a\n") => Some(Logo {
            ext: if svg { "svg" } else { "png" },
            bytes: Arc::new(bytes),
        }),
        Ok(_) => {
            diags.push(at(msg!("content-config-logo-not-png", path = &shown)));
            None
        }
        Err(e) => {
            diags.push(at(msg!(
                "content-cannot-read",
                file = &shown,
                detail = e.to_string()
            )));
            None
        }
    }
}

/// `#rgb` or `#rrggbb` (any case) as red, green and blue.
pub fn parse_colour(text: &str) -> Option<[u8; 3]> {
    let digits = text.trim().strip_prefix('#')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let d = |i: usize, n: usize| u8::from_str_radix(&digits[i..i + n], 16).ok();
    match digits.len() {
        3 => Some([d(0, 1)? * 17, d(1, 1)? * 17, d(2, 1)? * 17]),
        6 => Some([d(0, 2)?, d(2, 2)?, d(4, 2)?]),
        _ => None,
    }
}

fn hex(rgb: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

fn hex_of(rgb: [u8; 3]) -> String {
    hex(rgb)
}

/// WCAG 2 relative luminance.
fn luminance(rgb: [u8; 3]) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
}

/// The contrast ratio of a colour with white (the same for white text on
/// it and for it as text on white).
pub fn contrast_with_white(rgb: [u8; 3]) -> f64 {
    1.05 / (luminance(rgb) + 0.05)
}

/// A ratio as shown: two decimals, never rounded up (3.999 is "3.99").
pub fn shown_ratio(ratio: f64) -> String {
    format!("{:.2}", (ratio * 100.0).floor() / 100.0)
}

/// The same hue made darker, step by step, until white text on it reads.
fn darker_for_contrast(rgb: [u8; 3]) -> [u8; 3] {
    for k in (0..=100u16).rev() {
        let c = rgb.map(|v| ((u16::from(v) * k) / 100) as u8);
        if contrast_with_white(c) >= MIN_CONTRAST {
            return c;
        }
    }
    [0, 0, 0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_ratios() {
        assert_eq!(parse_colour("#0B5CAB"), Some([0x0b, 0x5c, 0xab]));
        assert_eq!(parse_colour("#fc0"), Some([0xff, 0xcc, 0x00]));
        for bad in ["0b5cab", "#0b5ca", "red", "#ggg", "#0b5cab;x", "", "#"] {
            assert_eq!(parse_colour(bad), None, "{bad}");
        }
        assert_eq!(shown_ratio(contrast_with_white([0, 0, 0])), "21.00");
        assert_eq!(shown_ratio(contrast_with_white([255, 255, 255])), "1.00");
        // The theme's own accent passes; a yellow does not.
        assert!(contrast_with_white([0x0b, 0x5c, 0xab]) >= MIN_CONTRAST);
        let yellow = [0xff, 0xcc, 0x00];
        assert!(contrast_with_white(yellow) < 2.0);
        let d = darker_for_contrast(yellow);
        assert!(contrast_with_white(d) >= MIN_CONTRAST, "{d:?}");
        assert!(d[0] > d[2], "the hue is kept: {d:?}");
    }

    #[test]
    fn logo_paths_stay_inside() {
        for ok in ["logo.svg", "branding/Logo.PNG", "./a/b.svg"] {
            assert!(logo_path_problem(ok).is_none(), "{ok}");
        }
        for bad in [
            "",
            "/etc/logo.svg",
            "C:/logo.svg",
            "a\\logo.svg",
            "../logo.svg",
            "a/../../logo.svg",
            "a//logo.svg",
            "logo.html",
            "logo",
            "logo.svgz",
        ] {
            assert!(logo_path_problem(bad).is_some(), "{bad}");
        }
    }
}

//! The built-in theme's scripts and style sheets without their comments and
//! spaces (issue 26: what a learner's phone downloads and parses on every
//! page). Only darslik's own files, whose every line the tests run; a
//! course's theme files are copied as they are.

mod css;
mod js;

/// The text a theme file is written with: `static/<name>`'s bytes, smaller
/// when it is a built-in script or style sheet the minifier is sure of.
pub fn static_file(name: &str, bytes: Vec<u8>) -> Vec<u8> {
    let Ok(src) = std::str::from_utf8(&bytes) else {
        return bytes;
    };
    let out = if name.ends_with(".js") {
        js::minify(src)
    } else if name.ends_with(".css") {
        css::minify(src)
    } else {
        None
    };
    out.map(String::into_bytes).unwrap_or(bytes)
}

/// The end (just past the closing quote) of the string whose opening quote
/// is at `start`, in a script or a style sheet; `None` when it is not closed
/// on its line.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let quote = b[start];
    let mut i = start + 1;
    loop {
        match b.get(i)? {
            b'\\' => i += 2,
            b'\n' => return None,
            &q if q == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
}

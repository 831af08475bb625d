//! Text decoding: a course file read as UTF-8, BOM dropped, line ends made `\n`.

use crate::msg;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};

/// Read a text file for the course: UTF-8 (a BOM is dropped), `\r\n` → `\n`.
pub fn read_text(path: &Path, rel: &str) -> Result<Arc<str>, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(
            Code::Io,
            msg!("content-cannot-read", file = rel, detail = e.to_string()),
        )
        .in_file(rel.to_string())
    })?;
    text_from_bytes(bytes, rel)
}

pub fn text_from_bytes(bytes: Vec<u8>, rel: &str) -> Result<Arc<str>, Diagnostic> {
    let bytes: &[u8] = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if memchr::memchr(0, bytes).is_some() {
        return Err(
            Diagnostic::error(Code::FileBinary, msg!("content-file-binary", file = rel))
                .in_file(rel.to_string())
                .hint(msg!("content-file-binary-hint")),
        );
    }
    // simdutf8 checks a large course's Cyrillic text several times faster
    // than the standard library; which byte is wrong, the standard one tells.
    let Ok(text) = simdutf8::basic::from_utf8(bytes) else {
        let at = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len);
        let valid = String::from_utf8_lossy(&bytes[..at]).into_owned();
        let (line, col) = crate::diag::line_col(&valid, valid.len());
        let mut d = Diagnostic::error(
            Code::FileEncoding,
            msg!(
                "content-file-encoding",
                file = rel,
                line = line,
                column = col
            ),
        )
        .in_file(rel.to_string())
        .hint(msg!("content-file-encoding-hint"));
        d.line = Some(line);
        d.column = Some(col);
        return Err(d);
    };
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        Ok(Arc::from(text.replace("\r\n", "\n").replace('\r', "\n")))
    } else {
        Ok(Arc::from(text))
    }
}

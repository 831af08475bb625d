//! `darslik translit`: Uzbek text between scripts, from a file or stdin,
//! Markdown- and Fluent-aware by the file's extension.

use std::path::Path;

use super::error;
use crate::msg;

pub fn translit(to: &str, file: Option<&Path>) -> i32 {
    use crate::translit::{self, Exceptions, Script};
    let Some(script) = Script::from_tag(to) else {
        error(msg!("cli-translit-to"));
        return 2;
    };
    let text = match file {
        Some(p) => match std::fs::read(p).map(String::from_utf8) {
            Ok(Ok(t)) => t,
            Ok(Err(_)) => {
                error(msg!("cli-not-utf8", file = p.display().to_string()));
                return 1;
            }
            Err(e) => {
                error(msg!(
                    "cli-cannot-read",
                    file = p.display().to_string(),
                    reason = e.to_string()
                ));
                return 2;
            }
        },
        None => {
            let mut s = String::new();
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut s) {
                error(msg!("cli-cannot-read-stdin", reason = e.to_string()));
                return 2;
            }
            s
        }
    };
    let ex = Exceptions::builtin();
    let ext = file
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    let out = match ext.as_deref() {
        Some("md") => translit::markdown(&text, script, &ex),
        Some("ftl") => {
            // Too deep to parse: say so instead of copying it unconverted.
            if let Err(e) = crate::i18n::depth::check(&text) {
                let name = file.map_or_else(String::new, |p| p.display().to_string());
                let d = crate::i18n::depth::diagnostic(&name, &std::sync::Arc::from(text), &e);
                eprint!("{}", d.render());
                return 1;
            }
            translit::fluent(&text, script, &ex)
        }
        _ => translit::convert(&text, script, &ex),
    };
    print!("{out}");
    0
}

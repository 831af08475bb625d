//! The template environment (minijinja, autoescape on, strict undefined),
//! the `t()` function that looks messages up in Fluent, template errors
//! made readable, and languages' own names.

use crate::msg;
use minijinja::Environment;
use minijinja::value::{Kwargs, Value};

use super::*;
use crate::diag::Code;
use crate::diag::Diagnostic;
use crate::i18n::{Localizer, Messages};

const ENDONYMS: &[(&str, &str)] = &[
    ("en", "English"),
    ("ru", "Русский"),
    ("uz", "Oʻzbekcha"),
    ("uz-Latn", "Oʻzbekcha"),
    ("uz-Cyrl", "Ўзбекча"),
    ("kaa", "Qaraqalpaqsha"),
    ("kk", "Қазақша"),
    ("ky", "Кыргызча"),
    ("tg", "Тоҷикӣ"),
    ("tk", "Türkmençe"),
];

/// The name of a language in itself: the locale's own `language-name`
/// message, else a built-in list, else the tag.
pub fn endonym(messages: &Messages, locale: &str) -> String {
    if messages.has_own(locale, "language-name") {
        return messages.localizer(locale).text("language-name");
    }
    ENDONYMS
        .iter()
        .find(|(t, _)| *t == locale)
        .map_or_else(|| locale.to_string(), |(_, n)| (*n).to_string())
}

pub(super) fn t_function(loc: Localizer) -> Value {
    Value::from_function(
        move |id: String, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let mut args = fluent_bundle::FluentArgs::new();
            for key in kwargs.args() {
                let v: Value = kwargs.get(key)?;
                if let Some(n) = v.as_i64() {
                    args.set(key.to_string(), n);
                } else if let Ok(f) = f64::try_from(v.clone()) {
                    args.set(key.to_string(), f);
                } else {
                    args.set(key.to_string(), v.to_string());
                }
            }
            let args = if args.iter().next().is_some() {
                Some(&args)
            } else {
                None
            };
            loc.lookup(&id, args)
                .map(|(text, _)| text)
                .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e))
        },
    )
}

pub fn environment(theme: &Theme) -> Result<Environment<'static>, Diagnostic> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    // HTML-escape strings, but leave `/` alone so hrefs stay readable.
    // A module's page list (already HTML) is written as it is.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(s) if !value.is_safe() && *state.auto_escape() == minijinja::AutoEscape::Html => {
            escape_html_to(out, s).map_err(minijinja::Error::from)
        }
        _ => match value.downcast_object_ref::<PageList>() {
            Some(list) => list.write_to(out).map_err(minijinja::Error::from),
            None => minijinja::escape_formatter(out, state, value),
        },
    });
    for (name, source) in &theme.templates {
        env.add_template_owned(name.clone(), source.clone())
            .map_err(template_error)?;
    }
    Ok(env)
}

pub(crate) fn template_error(e: minijinja::Error) -> Diagnostic {
    // An error inside an include or a macro comes wrapped ("could not
    // render include: error in header.html"); the innermost error names the
    // file, the line and what went wrong.
    let mut inner = &e;
    while let Some(next) =
        std::error::Error::source(inner).and_then(|s| s.downcast_ref::<minijinja::Error>())
    {
        inner = next;
    }
    let what = match inner.detail() {
        Some(detail) => format!("{}: {detail}", inner.kind()),
        None => inner.kind().to_string(),
    };
    let Some(name) = inner.name().or(e.name()).map(str::to_string) else {
        // No template to name (one that is missing, say).
        return Diagnostic::error(
            Code::ThemeTemplate,
            msg!("content-theme-templates", detail = &what),
        )
        .in_file("themes/…/templates/")
        .hint(msg!("content-theme-templates-hint"));
    };
    let line = inner.line().or(e.line());
    let included = match (e.name(), e.line()) {
        (Some(outer), Some(outer_line)) if !std::ptr::eq(inner, &e) => Some((outer, outer_line)),
        _ => None,
    };
    let message = match (line, included) {
        (Some(l), Some((outer, ol))) => msg!(
            "content-theme-template-line-included",
            name = &name,
            line = l,
            detail = &what,
            outer = outer,
            outer_line = ol
        ),
        (Some(l), None) => msg!(
            "content-theme-template-line",
            name = &name,
            line = l,
            detail = &what
        ),
        (None, Some((outer, ol))) => msg!(
            "content-theme-template-included",
            name = &name,
            detail = &what,
            outer = outer,
            outer_line = ol
        ),
        (None, None) => msg!("content-theme-template", name = &name, detail = &what),
    };
    let mut d = Diagnostic::error(Code::ThemeTemplate, message)
        .in_file(format!("themes/…/templates/{name}"))
        .hint(msg!("content-theme-template-hint"));
    d.line = line;
    d
}

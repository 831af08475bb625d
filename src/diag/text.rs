//! darslik's own words in four languages (SPEC §10): every diagnostic
//! message, hint and summary line is a [`Msg`], a Fluent message id with its
//! arguments, looked up in the catalogue embedded from
//! `src/diag/messages/<lang>/*.ftl` (en, ru, uz; uz-Cyrl is made from uz by
//! the transliterator, keeping what is between backticks as it is).
//!
//! Write a message with [`msg!`](crate::msg):
//! `msg!("stamp-no-page", locale = tag, page = key)`, and its text in each
//! language's file: `stamp-no-page = content/{ $locale }/{ $page } is not …`.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::lang::Lang;

/// An argument of a message: text, or a number (which selects plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Str(v.clone())
    }
}
impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(v: &&str) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(v: Cow<'_, str>) -> Self {
        Arg::Str(v.into_owned())
    }
}
impl From<char> for Arg {
    fn from(v: char) -> Self {
        Arg::Str(v.to_string())
    }
}
macro_rules! num_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Self {
                Arg::Num(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(v: &$t) -> Self {
                Arg::Num(i64::try_from(*v).unwrap_or(i64::MAX))
            }
        }
    )*};
}
num_arg!(usize, u64, u32, u16, u8, i64, i32);

/// A message of darslik's own: its id in the catalogue and its arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    pub id: Cow<'static, str>,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: impl Into<Cow<'static, str>>) -> Msg {
        Msg {
            id: id.into(),
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang` (English when `lang` lacks it).
    pub fn text(&self, lang: Lang) -> String {
        tr(lang, self)
    }

    /// The message in English: what JSON's `message` and the tests read.
    pub fn en(&self) -> String {
        tr(Lang::En, self)
    }

    /// The message in the language of this process ([`super::lang::current`]).
    pub fn local(&self) -> String {
        tr(super::lang::current(), self)
    }
}

/// `msg!("id", name = value, ...)`: a [`Msg`] with named arguments.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::diag::Msg::new($id)$(.arg(stringify!($k), $v))*
    };
}

/// A diagnostic's message or hint: one of darslik's own [`Msg`]s, or text
/// that is already final (the same in every language). There is no
/// conversion from `String` or `&str`: a diagnostic made with `format!`
/// would be English only, so it does not compile; write a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Plain(String),
    Msg(Msg),
}

impl Text {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Text::Plain(s) => s.clone(),
            Text::Msg(m) => m.text(lang),
        }
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Self {
        Text::Msg(m)
    }
}

/// The message files, one per area of darslik, in every written language.
/// Each area has one owner; ids are unique across areas.
macro_rules! areas {
    ($($area:literal),*) => {
        pub(crate) const FILES: &[(&str, [&str; 3])] = &[$(
            ($area, [
                include_str!(concat!("messages/en/", $area, ".ftl")),
                include_str!(concat!("messages/ru/", $area, ".ftl")),
                include_str!(concat!("messages/uz/", $area, ".ftl")),
            ]),
        )*];
    };
}
areas!(
    "core",
    "codes",
    "content",
    "markup",
    "stale",
    "dashboard",
    "cli",
    "scorm",
    "results",
    "xliff",
    "glossary"
);

type Bundle = FluentBundle<FluentResource>;

/// The bundle of `lang`, made on first use (uz-Cyrl only when asked for:
/// it is transliterated from uz).
fn bundle(lang: Lang) -> &'static Bundle {
    static B: [OnceLock<Bundle>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    B[i].get_or_init(|| {
        let langid = match lang {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Uz | Lang::UzCyrl => "uz",
        };
        let mut bundle = Bundle::new_concurrent(vec![langid.parse().unwrap_or_default()]);
        bundle.set_use_isolating(false);
        for (_, texts) in FILES {
            // Broken files are reported by the catalogue test; what
            // parses is used.
            let res = FluentResource::try_new(source(lang, texts)).unwrap_or_else(|(res, _)| res);
            let _ = bundle.add_resource(res);
        }
        bundle
    })
}

/// The Fluent source of one area in `lang`.
pub(crate) fn source(lang: Lang, texts: &[&str; 3]) -> String {
    match lang {
        Lang::En => texts[0].to_string(),
        Lang::Ru => texts[1].to_string(),
        Lang::Uz => texts[2].to_string(),
        Lang::UzCyrl => to_cyrillic(texts[2]),
    }
}

/// Uzbek Latin messages to Cyrillic: pattern text only, and within it only
/// what is outside backticks (commands, file names and codes stay).
fn to_cyrillic(src: &str) -> String {
    use crate::translit::{Exceptions, Script};
    let ex = Exceptions::builtin();
    let mut out = String::with_capacity(src.len() * 2);
    let mut last = 0;
    let mut in_code = false;
    for r in crate::translit::fluent_text_ranges(src) {
        let (Some(before), Some(text)) = (src.get(last..r.start), src.get(r.clone())) else {
            continue;
        };
        out.push_str(before);
        for (i, part) in text.split('`').enumerate() {
            if i > 0 {
                out.push('`');
                in_code = !in_code;
            }
            if in_code {
                out.push_str(part);
            } else {
                out.push_str(&crate::translit::convert(part, Script::Cyrl, &ex));
            }
        }
        last = r.end;
    }
    out.push_str(src.get(last..).unwrap_or(""));
    out
}

/// `msg` in `lang`, else in English, else its id (a missing message is a
/// defect the catalogue test finds, never a panic).
pub fn tr(lang: Lang, msg: &Msg) -> String {
    for l in [lang, Lang::En] {
        let bundle = bundle(l);
        let Some(pattern) = bundle.get_message(&msg.id).and_then(|m| m.value()) else {
            continue;
        };
        let mut args = FluentArgs::new();
        for (k, v) in &msg.args {
            match v {
                Arg::Str(s) => args.set(*k, FluentValue::from(s.as_str())),
                Arg::Num(n) => args.set(*k, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        return bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
    }
    msg.id.to_string()
}

#[cfg(test)]
mod tests;

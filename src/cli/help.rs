//! `--help` in the user's language (SPEC §10): clap's `Command` for
//! [`super::Cli`] with every command's `about`, every argument's `help` and
//! clap's own words (Usage, Options, Commands, Arguments) taken from the
//! `cli-help-*` messages of `cli.ftl`.
//!
//! Ids: `cli-help-about` (darslik itself), `cli-help-<command>` (a
//! subcommand, `cli-help-results-add` for a nested one),
//! `cli-help-<command>-<argument>` (an argument, `_` written `-`), and
//! `cli-help-flag-{help,version,lang}` for the flags every command has.

use clap::Command;

use crate::diag::{Lang, Msg};
use crate::msg;

/// clap keeps headings as `&'static str` (without its `string` feature):
/// the few words of one `--help` live as long as the process.
fn keep(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The message `id` in `lang`, when the catalogue has it.
fn say(lang: Lang, id: &str) -> Option<String> {
    let t = Msg::new(id.to_string()).text(lang);
    (t != id).then_some(t)
}

/// `cmd` (built, so the generated `--help`, `--version` and `help` exist)
/// with its texts in `lang`.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    cmd.build();
    walk(cmd, lang, "cli-help")
}

/// The message id of argument `arg` of the command whose id is `key`.
pub(crate) fn arg_key(key: &str, arg: &str) -> String {
    match arg {
        "help" => "cli-help-flag-help".to_string(),
        "version" => "cli-help-flag-version".to_string(),
        "lang" => "cli-help-flag-lang".to_string(),
        other => format!("{key}-{}", other.replace('_', "-")),
    }
}

/// The message id of subcommand `name` of the command whose id is `key`.
pub(crate) fn command_key(key: &str, name: &str) -> String {
    if name == "help" {
        "cli-help-help-command".to_string()
    } else {
        format!("{key}-{name}")
    }
}

fn walk(mut cmd: Command, lang: Lang, key: &str) -> Command {
    let about = if key == "cli-help" {
        "cli-help-about"
    } else {
        key
    };
    if let Some(t) = say(lang, about) {
        cmd = cmd.about(t).long_about(None::<&str>);
    }
    let word = |id: &str, en: &'static str| say(lang, id).map_or(en, keep);
    let usage = word("cli-heading-usage", "Usage:");
    let options = word("cli-heading-options", "Options:");
    let arguments = word("cli-heading-arguments", "Arguments:");
    cmd = cmd
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(word("cli-heading-commands", "Commands:"));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = say(lang, &arg_key(key, &id));
        cmd = cmd.mut_arg(&id, move |a| {
            let heading = if a.is_positional() {
                arguments
            } else {
                options
            };
            let mut help =
                text.unwrap_or_else(|| a.get_help().map(|h| h.to_string()).unwrap_or_default());
            // clap says "[default: …]" and "[possible values: …]" in
            // English: say them here instead.
            if a.get_action().takes_values() {
                let values: Vec<String> = a
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if !values.is_empty() {
                    let values = values.join(", ");
                    help.push_str(&format!(
                        " [{}]",
                        msg!("cli-help-values", values = values).text(lang)
                    ));
                }
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() && !a.is_hide_default_value_set() {
                    let value = defaults.join(",");
                    help.push_str(&format!(
                        " [{}]",
                        msg!("cli-help-default", value = value).text(lang)
                    ));
                }
            }
            a.help(help)
                .long_help(None::<&str>)
                .hide_default_value(true)
                .hide_possible_values(true)
                .help_heading(heading)
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub = command_key(key, &name);
        cmd = cmd.mut_subcommand(&name, |s| walk(s, lang, &sub));
    }
    cmd
}

/// A usage error clap found, said in `lang` (clap says them in English):
/// `None` for English, for help and version output, and for the rare kinds
/// without words of ours (clap's own text is printed then).
pub fn error_text(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En {
        return None;
    }
    let get = |k: ContextKind| -> Vec<String> {
        match e.get(k) {
            Some(ContextValue::String(s)) => vec![s.clone()],
            Some(ContextValue::Strings(v)) => v.clone(),
            Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
            Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
            Some(ContextValue::Number(n)) => vec![n.to_string()],
            _ => Vec::new(),
        }
    };
    let one = |k: ContextKind| get(k).join(", ");
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => {
            msg!("cli-usage-unknown-arg", arg = one(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => {
            msg!(
                "cli-usage-unknown-command",
                command = one(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            let value = one(ContextKind::InvalidValue);
            let arg = one(ContextKind::InvalidArg);
            if value.is_empty() {
                msg!("cli-usage-value-required", arg = arg)
            } else if valid.is_empty() {
                msg!("cli-usage-bad-value", value = value, arg = arg)
            } else {
                msg!(
                    "cli-usage-bad-value-of",
                    value = value,
                    arg = arg,
                    values = valid.join(", ")
                )
            }
        }
        ErrorKind::ValueValidation => msg!(
            "cli-usage-bad-value",
            value = one(ContextKind::InvalidValue),
            arg = one(ContextKind::InvalidArg)
        ),
        ErrorKind::MissingSubcommand => msg!(
            "cli-usage-no-command",
            commands = one(ContextKind::ValidSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            msg!("cli-usage-missing", args = one(ContextKind::InvalidArg))
        }
        ErrorKind::ArgumentConflict => msg!(
            "cli-usage-conflict",
            arg = one(ContextKind::InvalidArg),
            other = one(ContextKind::PriorArg)
        ),
        _ => return None,
    }
    .text(lang);
    let suggested: Vec<String> = get(ContextKind::SuggestedArg)
        .into_iter()
        .chain(get(ContextKind::SuggestedSubcommand))
        .collect();
    let mut out = format!("{}: ", msg!("diag-error").text(lang));
    out.push_str(&text);
    out.push('\n');
    if !suggested.is_empty() {
        text = msg!("cli-usage-did-you-mean", suggestion = suggested.join(", ")).text(lang);
        out.push_str(&format!("\n  {text}\n"));
    }
    if let Some(usage) = get(ContextKind::Usage).first() {
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        let word = msg!("cli-heading-usage").text(lang);
        out.push_str(&format!("\n{word} {usage}\n"));
    }
    out.push_str(&format!("\n{}\n", msg!("cli-usage-try-help").text(lang)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    /// Every command and argument darslik has is explained in `cli.ftl`
    /// (the catalogue test then finds it in ru and uz too).
    #[test]
    fn every_command_and_argument_has_help_text() {
        fn visit(cmd: &Command, key: &str, missing: &mut Vec<String>) {
            let about = if key == "cli-help" {
                "cli-help-about"
            } else {
                key
            };
            if say(Lang::En, about).is_none() {
                missing.push(about.to_string());
            }
            for a in cmd.get_arguments() {
                let k = arg_key(key, a.get_id().as_str());
                if say(Lang::En, &k).is_none() {
                    missing.push(k);
                }
            }
            for s in cmd.get_subcommands() {
                let k = command_key(key, s.get_name());
                if s.get_name() == "help" {
                    if say(Lang::En, &k).is_none() {
                        missing.push(k);
                    }
                    continue;
                }
                visit(s, &k, missing);
            }
        }
        let mut cmd = super::super::Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        visit(&cmd, "cli-help", &mut missing);
        assert!(missing.is_empty(), "cli.ftl lacks: {missing:?}");
    }

    #[test]
    fn russian_help_is_russian() {
        let mut cmd = localize(super::super::Cli::command(), Lang::Ru);
        let top = cmd.render_help().to_string();
        assert!(top.contains("Использование:"), "{top}");
        let build = cmd
            .find_subcommand_mut("build")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(build.contains("Параметры:"), "{build}");
        assert!(!build.contains("Print help"), "{build}");
    }
}

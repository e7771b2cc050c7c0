//! `mrd rules`: every lint rule, its code, name, level and summary.

use std::io::Write;

use serde_json::json;

use crate::cli::{QuestionsFormat, RulesArgs};
use crate::config::Config;
use crate::diagnostic::Rule;
use crate::diagnostic::rules::RULES;
use crate::error::{Error, Outcome};

pub fn run(args: &RulesArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    match args.format {
        QuestionsFormat::Json => {
            let rules: Vec<_> = RULES
                .iter()
                .map(|rule| {
                    json!({
                        "code": rule.code,
                        "name": rule.name,
                        "default_level": rule.level.as_str(),
                        "level": config.lint.level_of(rule).map_or("allow", |l| l.as_str()),
                        "summary": rule.summary,
                        "why": rule.why,
                        "example": rule.example,
                        "instead": rule.instead,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rules).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        QuestionsFormat::Text => {
            for rule in RULES {
                let level = config.lint.level_of(rule).map_or("allow", |l| l.as_str());
                writeln!(
                    out,
                    "{}  {:<7}  {:<22}  {}",
                    rule.code, level, rule.name, rule.summary
                )?;
            }
            writeln!(
                out,
                "\n`mrd lint --explain CODE` explains a rule; `.mrd.yml` `lint: {{rules: {{CODE: allow|warn|deny}}}}` sets levels."
            )?;
        }
    }
    Ok(Outcome::Success)
}

/// A rule's documentation in its fixed shape, for `mrd lint --explain`.
pub fn explanation(rule: &Rule) -> String {
    let indent = |text: &str| {
        text.lines()
            .map(|line| {
                if line.is_empty() {
                    String::new()
                } else {
                    format!("    {line}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "{} {} ({} by default)\n\nWhat it checks\n{}\n\nWhy it matters\n{}\n\nExample\n{}\n\nInstead\n{}\n\nSilence it for one file with `lint: {{allow: [{}]}}` in the front-matter,\nor set its level in .mrd.yml: `lint: {{rules: {{{}: allow|warn|deny}}}}`.\n",
        rule.code,
        rule.name,
        rule.level.as_str(),
        indent(rule.summary),
        indent(rule.why),
        indent(rule.example),
        indent(rule.instead),
        rule.code,
        rule.code,
    )
}

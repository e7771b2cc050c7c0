//! `mrd templates`: see the built-in templates and start from them.

use std::io::Write;

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::{TemplatesAction, TemplatesArgs};
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::render::{BUILTIN_TEMPLATES, Origin, TemplateSet};
use crate::suggest::did_you_mean;

pub fn run(args: &TemplatesArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    match &args.action {
        TemplatesAction::List => {
            let project = TemplateSet::for_project(config)?;
            for template in project.templates() {
                if template
                    .name
                    .starts_with(crate::render::templates::BUILTIN_PREFIX)
                {
                    continue;
                }
                let from = match template.origin {
                    Origin::Builtin => "built-in".to_string(),
                    _ => template.display(),
                };
                writeln!(out, "{:<12} {from}", template.name)?;
            }
            Ok(Outcome::Success)
        }
        TemplatesAction::Show { name } => {
            let source = builtin(name)?;
            out.write_all(source.as_bytes())?;
            Ok(Outcome::Success)
        }
        TemplatesAction::Eject { dir, force } => {
            let existing: Vec<String> = BUILTIN_TEMPLATES
                .iter()
                .map(|(name, _)| dir.join(name))
                .filter(|path| path.exists())
                .map(|path| path.display().to_string())
                .collect();
            if !existing.is_empty() && !force {
                return Err(Error::Usage(format!(
                    "not replacing existing files (use --force): {}",
                    existing.join(", ")
                )));
            }
            std::fs::create_dir_all(dir)
                .map_err(|err| Error::Usage(format!("cannot create {}: {err}", dir.display())))?;
            for (name, source) in BUILTIN_TEMPLATES {
                let path = dir.join(name);
                write_atomically(&path, source, WriteMode::Replace)?;
                writeln!(out, "wrote {}", crate::paths::display(&path))?;
            }
            Ok(Outcome::Success)
        }
    }
}

fn builtin(name: &str) -> Result<&'static str, Error> {
    let name = name.trim_start_matches(crate::render::templates::BUILTIN_PREFIX);
    BUILTIN_TEMPLATES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, source)| *source)
        .ok_or_else(|| {
            let names = BUILTIN_TEMPLATES.iter().map(|(n, _)| *n);
            let hint = match did_you_mean(name, names.clone()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the templates are: {}",
                    names.collect::<Vec<_>>().join(", ")
                ),
            };
            Error::Usage(format!("no built-in template named `{name}`; {hint}"))
        })
}

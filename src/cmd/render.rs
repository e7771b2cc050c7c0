//! `mrd render`: one assessment as issue text, its title, or its template context.

use std::io::Write;

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::RenderArgs;
use crate::cmd::{load, report_to_stderr};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, DiagnosticId, Level, Problem};
use crate::error::{Error, Outcome};
use crate::inputs::Input;
use crate::render::{self, Flavor, Format, Options, RenderContext, RenderError, TemplateSet};

pub fn run(args: &RenderArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let flavor = args.flavor.or(config.render.flavor).unwrap_or_default();
    if args.quick_actions && (flavor != Flavor::Gitlab || args.format != Format::Markdown) {
        return Err(Error::Usage(
            "--quick-actions is for GitLab Markdown: it cannot be used with --flavor github or --format html".into(),
        ));
    }
    let input = if args.path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.path.clone())
    };
    let (source, mut parsed) = load(&input)?;
    // Taken, not cloned: a long notes body is then held once, not twice.
    let taken = if parsed.problems.is_empty() {
        parsed.assessment.take()
    } else {
        None
    };
    let Some(assessment) = taken else {
        // The file cannot be read as an assessment: say exactly why, as lint would.
        let linter = config.linter();
        let diagnostics: Vec<_> = linter
            .lint(&source, &parsed)
            .diagnostics
            .into_iter()
            .filter(|d| d.level == Level::Error)
            .collect();
        report_to_stderr(&diagnostics, &source)?;
        return Ok(Outcome::Findings);
    };
    // The assessment holds what rendering needs; a long file's text need
    // not stay in memory beside it. Its front-matter stays, for the line a
    // problem with a quick action is on (labels and milestone are there).
    let body = crate::assessment::split(&source.text).map_or(0, |s| s.body.len());
    let front_matter = crate::source::Source::from_text(
        source.name.clone(),
        &source.text[..source.text.len() - body],
    );
    drop(source);
    drop(parsed);

    // --context needs no templates, so a broken one does not hide the data.
    let templates = || -> Result<(TemplateSet, Option<String>), Error> {
        let mut set = TemplateSet::for_project(config)?;
        let template = match &args.template {
            Some(path) => Some(set.add_file(path)?),
            None => None,
        };
        Ok((set, template))
    };
    let mut text = if args.context {
        let context =
            RenderContext::for_output(&assessment, &config.questions, flavor, args.format);
        let mut json = serde_json::to_string_pretty(&context)
            .map_err(|err| Error::Output(std::io::Error::other(err)))?;
        json.push('\n');
        json
    } else if args.title {
        render::render_title(&assessment, &config.questions, &templates()?.0)?
    } else {
        let (templates, template) = templates()?;
        let options = Options {
            flavor,
            format: args.format,
            template,
            quick_actions: args.quick_actions,
        };
        render::render_issue(&assessment, &config.questions, &templates, &options).map_err(
            |err| match err {
                RenderError::Template(err) => Error::Template(err),
                RenderError::QuickAction(err) => {
                    let diagnostic =
                        Diagnostic::new(DiagnosticId::Usage, Some(err.pos), err.to_string())
                            .in_file(front_matter.name.clone());
                    Error::Problem(Box::new(Problem::new(
                        diagnostic,
                        Some(front_matter.clone()),
                    )))
                }
            },
        )?
    };
    if args.title {
        text.push('\n');
    }
    match &args.output {
        Some(path) => write_atomically(path, &text, WriteMode::Replace)?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}

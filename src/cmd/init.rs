//! `mrd init`: set up a repository. Writes `.mrd.yml` (every setting at its
//! default, commented), creates the assessments directory with a README in
//! it (so that git keeps it), and with `--gitlab`/`--github` the forge's
//! issue template and CI job.
//!
//! Safe to run again: a file that already says what init would write is left
//! alone, a file that differs is kept unless `--force`, and an existing
//! `.gitlab-ci.yml` only ever gains the lint job, never loses anything.

use std::io::Write;
use std::path::Path;

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::InitArgs;
use crate::config::{self, Config};
use crate::error::{Error, Outcome};
use crate::scaffold::gitlab::{self, PipelinePlan};
use crate::scaffold::{self, Merge, Planned};
use crate::source::Source;

pub fn run(
    args: &InitArgs,
    config: &Config,
    cwd: &Path,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    let mut planned = vec![Planned {
        path: config::FILE_NAME.into(),
        contents: scaffold::config::default_config(),
        merge: Merge::Keep,
    }];
    if args.gitlab {
        planned.extend(scaffold::gitlab::files(&config.questions));
    }
    if args.github {
        planned.extend(scaffold::github::files(&config.questions));
    }
    for file in &planned {
        let line = apply(file, cwd, args.force)?;
        writeln!(out, "{line}")?;
    }

    // With no config file the directory is relative to where init runs, as
    // the `assessments: assessments` it has just written says.
    let dir = match &config.path {
        Some(_) => config.assessments_dir.clone(),
        None => cwd.join("assessments"),
    };
    let relative = dir.strip_prefix(cwd).unwrap_or(&dir);
    if dir.is_dir() {
        writeln!(out, "exists     {}/", relative.display())?;
    } else {
        std::fs::create_dir_all(&dir)
            .map_err(|err| Error::Write(crate::assessment::WriteError::Io(dir.clone(), err)))?;
        writeln!(out, "created    {}/", relative.display())?;
    }
    let readme = Planned {
        path: relative.join(crate::inputs::README),
        contents: scaffold::assessments::readme(),
        merge: Merge::KeepAlways,
    };
    writeln!(out, "{}", apply(&readme, cwd, args.force)?)?;
    Ok(Outcome::Success)
}

/// Writes one file by the rules above and says what happened, in one line.
fn apply(file: &Planned, cwd: &Path, force: bool) -> Result<String, Error> {
    let path = cwd.join(&file.path);
    let shown = file.path.display();
    if !path.exists() {
        write_atomically(&path, &file.contents, WriteMode::CreateNew)?;
        return Ok(format!("created    {shown}"));
    }
    let existing = Source::read(&path).map_err(|err| Error::Read {
        name: path.display().to_string(),
        err,
    })?;
    if existing.text == file.contents {
        return Ok(format!("unchanged  {shown}"));
    }
    match file.merge {
        Merge::GitlabPipeline => merge_pipeline(&path, &existing.text, &shown.to_string()),
        Merge::Keep if force => {
            write_atomically(&path, &file.contents, WriteMode::Replace)?;
            Ok(format!("replaced   {shown}"))
        }
        Merge::Keep => Ok(format!(
            "kept       {shown} (it differs from what init would write; --force replaces it)"
        )),
        Merge::KeepAlways => Ok(format!("kept       {shown} (init never replaces it)")),
    }
}

/// Adds the lint job to a project's pipeline, when that cannot break it.
fn merge_pipeline(path: &Path, existing: &str, shown: &str) -> Result<String, Error> {
    Ok(match gitlab::plan_pipeline(existing) {
        PipelinePlan::HasJob => format!(
            "unchanged  {shown} (it already has the `{}` job)",
            gitlab::JOB
        ),
        PipelinePlan::Append { stage, text } => {
            write_atomically(path, &text, WriteMode::Replace)?;
            format!(
                "updated    {shown} (added the `{}` job, in stage `{stage}`)",
                gitlab::JOB
            )
        }
        PipelinePlan::LeaveAlone { reason, job } => format!(
            "skipped    {shown} (left as it is: {reason}); add this job by hand, \
             with `stage:` set to a stage your pipeline has:\n\n{job}"
        ),
    })
}

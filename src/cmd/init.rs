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
use crate::scaffold::{self, Merge, Planned};
use crate::source::Source;
use crate::yaml::{self, Value};

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
        Merge::AppendJob(job) => Ok(append_job(
            &path,
            &existing.text,
            &file.contents,
            job,
            &shown.to_string(),
        )?),
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

/// Adds `job` to an existing pipeline file unless it is already there.
fn append_job(
    path: &Path,
    existing: &str,
    job_text: &str,
    job: &str,
    shown: &str,
) -> Result<String, Error> {
    let has_job = match yaml::parse(existing).map(|root| root.value) {
        Ok(Value::Map(entries)) => entries
            .iter()
            .any(|(k, _)| k.key_text().as_deref() == Some(job)),
        Ok(Value::Null) => false,
        _ => {
            return Ok(format!(
                "skipped    {shown} (not a YAML mapping of jobs, so it was left as it is); add this job by hand:\n\n{job_text}"
            ));
        }
    };
    if has_job {
        return Ok(format!(
            "unchanged  {shown} (it already has the `{job}` job)"
        ));
    }
    let mut text = existing.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(job_text);
    write_atomically(path, &text, WriteMode::Replace)?;
    Ok(format!("updated    {shown} (added the `{job}` job)"))
}

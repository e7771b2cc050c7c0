//! `mrd roll --from M --to N`: the Monday roll. Assessments of milestone M
//! that are still open move to N; only their `milestone:` entry changes.

use std::io::Write;

use crate::assessment::{Decision, Status, WriteMode, rewrite, write_atomically};
use crate::cli::RollArgs;
use crate::cmd::{load, refuse_unreadable};
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::git::Repo;
use crate::inputs::{self, Input};

/// Whether an assessment of the milestone stays: it is decided or archived.
fn stays(decision: Option<Decision>, status: Option<Status>) -> bool {
    matches!(decision, Some(Decision::Go | Decision::NoGo))
        || matches!(status, Some(Status::Decided | Status::Archived))
}

pub fn run(args: &RollArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let (from, to) = (args.from.trim(), args.to.trim());
    if from.is_empty() || to.is_empty() {
        return Err(Error::Usage("--from and --to need a milestone name".into()));
    }
    if from == to {
        return Err(Error::Usage(format!(
            "--from and --to are both `{from}`: nothing would move"
        )));
    }
    if to.contains(['\n', '\r']) {
        return Err(Error::Usage("--to must be one line".into()));
    }
    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    let files: Vec<_> = inputs
        .into_iter()
        .map(|input| match input {
            Input::File(path) => Ok(path),
            Input::Stdin => Err(Error::Usage(
                "mrd roll rewrites files: name files or directories, not `-`".into(),
            )),
        })
        .collect::<Result<_, _>>()?;
    // Uncommitted changes are asked of git; without a repository there are
    // none to protect, and the user is told.
    let start = files
        .first()
        .and_then(|p| p.parent())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let repo = match Repo::discover(start) {
        Ok(repo) => Some(repo),
        Err(err) => {
            writeln!(
                anstream::stderr(),
                "note: {err}; files are rolled without checking for uncommitted changes"
            )?;
            None
        }
    };

    let (mut moved, mut kept, mut left) = (0usize, 0usize, 0usize);
    let verb = if args.dry_run { "would move" } else { "moved" };
    for path in &files {
        let (source, parsed) = load(&Input::File(path.clone()))?;
        if refuse_unreadable(&source, &parsed, config)? {
            writeln!(
                out,
                "left alone  {}: its front-matter does not read cleanly (fix it, then roll again)",
                source.name
            )?;
            left += 1;
            continue;
        }
        let Some(mut assessment) = parsed.assessment else {
            continue;
        };
        let front = &assessment.front;
        if front.milestone.as_ref().map(|m| m.value.trim()) != Some(from) {
            continue;
        }
        let title = front.title_text().unwrap_or("untitled").to_string();
        if stays(front.decision(), front.status.as_ref().map(|s| s.value)) {
            kept += 1;
            continue;
        }
        if !args.force
            && let Some(repo) = &repo
            && let Some(relative) = repo.relative(path)
            && let Some(state) = repo.uncommitted(&relative).map_err(Error::Git)?
        {
            writeln!(
                out,
                "left alone  {}: {} (commit or stash them, or pass --force)",
                source.name,
                state.describe()
            )?;
            left += 1;
            continue;
        }
        if let Some(milestone) = &mut assessment.front.milestone {
            milestone.value = to.to_string();
        }
        if !args.dry_run {
            let text = rewrite(&source.text, &assessment);
            write_atomically(path, &text, WriteMode::Replace)?;
        }
        writeln!(
            out,
            "{verb}  {}  {}",
            source.name,
            crate::summary::report::text::one_line(&title)
        )?;
        moved += 1;
    }
    let mut totals = format!(
        "{moved} {} from {from} to {to}",
        if args.dry_run { "would move" } else { "moved" }
    );
    if kept > 0 {
        totals.push_str(&format!(
            "; {kept} decided or archived stay{} in {from}",
            if kept == 1 { "s" } else { "" }
        ));
    }
    if left > 0 {
        totals.push_str(&format!("; {left} left alone (listed above)"));
    }
    writeln!(out, "{totals}")?;
    Ok(if left > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

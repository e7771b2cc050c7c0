//! `mrd kickoff --milestone M`: the weekly kickoff issue's body (or title),
//! from the backlog and its git history (`crate::kickoff`).

use std::io::Write;

use crate::cli::KickoffArgs;
use crate::cmd::summary::{currents, entry, repository};
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome};
use crate::history::compare::compare;
use crate::history::{Since, State};
use crate::inputs;
use crate::kickoff::{History, Kickoff, Week, markdown};
use crate::milestone::Milestone;
use crate::render::Flavor;
use crate::summary::backlog::Entry;

pub fn run(args: &KickoffArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let flavor = args.flavor.or(config.render.flavor).unwrap_or_default();
    if args.quick_actions && flavor != Flavor::Gitlab {
        return Err(Error::Usage(
            "--quick-actions is for GitLab: it cannot be used with --flavor github".into(),
        ));
    }
    if args.milestone.chars().any(char::is_control) {
        return Err(Error::Usage(
            "--milestone must be one line of text, without control characters".into(),
        ));
    }
    let pattern = config.kickoff.milestone_pattern.as_deref();
    let milestone = Milestone::parse(&args.milestone, pattern).map_err(|err| {
        Error::Usage(format!(
            "{err}\n  help: the kickoff is due on the milestone's Monday, so its name must say which week; \
             set `kickoff.milestone_pattern` in .mrd.yml (a strftime pattern, such as \"%G-W%V\" for 2026-W48)"
        ))
    })?;
    let title = crate::summary::report::heading(std::slice::from_ref(&milestone.name));
    if args.title {
        writeln!(out, "{}", crate::render::markdown::one_line(&title))?;
        return Ok(Outcome::Success);
    }
    let previous = milestone.previous().map_err(Error::Usage)?;
    let since = args.since.clone().unwrap_or(Since::Date(previous.monday()));
    let today = Date::today();

    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    let read: Vec<(Entry, State)> = inputs.iter().map(|input| entry(input, config)).collect();
    let files = currents(&read, &inputs);
    let comparison = match repository(&files) {
        Ok(repo) => Ok(compare(&repo, &files, &since, config).map_err(Error::Git)?),
        // An explicit --since asks for history: without it, it is an error.
        Err(err) if args.since.is_some() => return Err(Error::Git(err)),
        Err(err) => Err(err.to_string()),
    };
    let (entries, states): (Vec<Entry>, Vec<State>) = read.into_iter().unzip();
    let history = match &comparison {
        Ok(comparison) => History::Git(comparison),
        Err(why) => History::Unavailable(why.clone()),
    };
    let week = Week {
        milestone,
        previous,
        since: since.to_string(),
        today,
        stale_weeks: config.kickoff.stale_weeks,
    };
    let kickoff = Kickoff::build(week, &entries, &states, history);
    let mut text = markdown::body(&kickoff, flavor);
    if args.quick_actions {
        let actions = markdown::quick_action_lines(&kickoff, &config.kickoff.labels)
            .map_err(|err| Error::Usage(err.to_string()))?;
        text.push('\n');
        text.push_str(&actions);
    }
    if let Some(note) = markdown::incomplete_note(&kickoff) {
        writeln!(anstream::stderr(), "warning: {note}")?;
    }
    if let Err(why) = &comparison {
        writeln!(
            anstream::stderr(),
            "note: no highlights or stale drafts: {why}"
        )?;
    }
    out.write_all(text.as_bytes())?;
    Ok(if kickoff.unreadable.is_empty() {
        Outcome::Success
    } else {
        Outcome::Findings
    })
}

//! The kickoff issue's text, for GitLab or GitHub.
//!
//! Every value a user wrote (titles, authors, milestone names, commit
//! subjects, paths) is escaped as `mrd summary --format markdown` escapes it:
//! on one line, control characters made spaces, Markdown's own characters
//! backslashed, paths in code spans. No line starts with user text. For
//! GitLab the whole body then goes through [`crate::render::gitlab::neutralise`],
//! as `mrd render`'s does, and `mrd`'s own quick actions are appended after
//! it. GitHub's flavour has no quick actions; it lists what awaits a decision
//! as a task list and folds the stale drafts in a `<details>` block.

use crate::assessment::{FrontMatter, Located};
use crate::history::compare::Event;
use crate::history::shallow_note;
use crate::kickoff::{History, Kickoff, Moment, What};
use crate::render::Flavor;
use crate::render::gitlab::{QuickActionError, neutralise, quick_actions};
use crate::summary::Summary;
use crate::summary::label;
use crate::summary::report::markdown::{code, escape};
use crate::yaml::Pos;

fn title_of(path: &str, summary: Option<&Summary>) -> String {
    match summary.and_then(|s| s.title.as_deref()).map(escape) {
        Some(title) if !title.is_empty() => format!("**{title}**"),
        _ => code(path),
    }
}

fn commit_note(event: &Event) -> String {
    match &event.commit {
        Some(c) => format!("{} by {} on {}", code(&c.short), escape(&c.author), c.date),
        None => "not committed yet".to_string(),
    }
}

fn what_is_missing(summary: &Summary) -> String {
    let mut missing: Vec<String> = summary
        .evidence
        .iter()
        .filter(|e| summary.unanswered.contains(&e.key))
        .map(|e| e.short_name.clone())
        .collect();
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", escape(&missing.join(", "))));
    }
    missing.clear();
    parts.extend(
        summary
            .risks
            .iter()
            .filter(|r| r.level == crate::diagnostic::Level::Error)
            .filter(|r| r.kind != crate::summary::RiskKind::MissingAnswer)
            .map(|r| escape(&r.message)),
    );
    if parts.is_empty() {
        format!("nothing missing: {}", escape(&summary.verdict.text))
    } else {
        parts.join("; ")
    }
}

fn moment_line(moment: &Moment<'_>) -> String {
    let who = title_of(moment.path, moment.summary);
    let path = code(moment.path);
    match &moment.what {
        What::New(change) => {
            let s = moment.summary.expect("a new assessment is readable");
            let commit = change
                .last_commit
                .as_ref()
                .map(|c| format!(", {} by {}", code(&c.short), escape(&c.author)))
                .unwrap_or_else(|| ", not committed yet".to_string());
            format!(
                "- New: {who} ({path}): {}, readiness {}{commit}",
                s.decision_label(),
                s.readiness
            )
        }
        What::Decision(event) => format!(
            "- Decision {}: {who} ({path}): **{}**, was {}; {}",
            event.change.as_str(),
            label(event.to),
            label(event.from),
            commit_note(event)
        ),
        What::Readiness { from, to } => format!(
            "- Readiness {}: {who} ({path}): {from} → {to} ({}{})",
            if to > from { "up" } else { "down" },
            if to > from { "+" } else { "" },
            i16::from(*to) - i16::from(*from)
        ),
        What::Unreadable(broken) => format!(
            "- Can no longer be read: {path}: {}",
            escape(&broken.describe(moment.path))
        ),
    }
}

/// The issue body, without quick actions.
pub fn body(kickoff: &Kickoff<'_>, flavor: Flavor) -> String {
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    let milestone = escape(&kickoff.milestone.name);
    line(&format!(
        "**Due:** Monday {} · **Milestone:** {milestone} · **Previous:** {} · **Prepared:** {}",
        kickoff.milestone.monday(),
        escape(&kickoff.previous.name),
        kickoff.today
    ));
    line("");

    line("## Priorities");
    line("");
    if kickoff.priorities.is_empty() {
        line(&format!("No go decisions in {milestone} yet."));
    } else {
        line(&format!("The go decisions in {milestone}, by readiness:"));
        line("");
        for (i, (path, s)) in kickoff.priorities.iter().enumerate() {
            let author = s
                .author
                .as_deref()
                .map(|a| format!(" · {}", escape(a)))
                .unwrap_or_default();
            line(&format!(
                "{}. {} · readiness {}{author} · {}",
                i + 1,
                title_of(path, Some(s)),
                s.readiness,
                code(path)
            ));
        }
    }
    line("");

    line("## Awaiting a decision");
    line("");
    if kickoff.awaiting.is_empty() {
        line(&format!("Nothing in {milestone} awaits a decision."));
    } else {
        line("By readiness, with what is missing:");
        line("");
        let bullet = match flavor {
            Flavor::Github => "- [ ]",
            Flavor::Gitlab => "-",
        };
        for (path, s) in &kickoff.awaiting {
            line(&format!(
                "{bullet} {} · {} · readiness {} · {}",
                title_of(path, Some(s)),
                s.decision_label(),
                s.readiness,
                code(path)
            ));
            line(&format!("  {}", what_is_missing(s)));
        }
    }
    line("");

    line("## Stale drafts");
    line("");
    match (&kickoff.history, kickoff.stale.is_empty()) {
        (History::Unavailable(_), _) => {
            line("Without git history the last change of each draft is unknown.")
        }
        (History::Git(_), true) => line(&format!(
            "No draft in {milestone} has gone {} week{} without a change.",
            kickoff.stale_weeks,
            if kickoff.stale_weeks == 1 { "" } else { "s" }
        )),
        (History::Git(_), false) => {
            let intro = format!(
                "Drafts in {milestone} with no change for {} week{} or more:",
                kickoff.stale_weeks,
                if kickoff.stale_weeks == 1 { "" } else { "s" }
            );
            if flavor == Flavor::Github {
                line("<details>");
                line(&format!(
                    "<summary>{} stale draft{}</summary>",
                    kickoff.stale.len(),
                    if kickoff.stale.len() == 1 { "" } else { "s" }
                ));
                line("");
            }
            line(&intro);
            line("");
            for stale in &kickoff.stale {
                let by = stale
                    .by
                    .as_deref()
                    .map(|a| format!(" by {}", escape(a)))
                    .unwrap_or_default();
                line(&format!(
                    "- {} · last changed {}{by}, {} week{} ago · {}",
                    title_of(stale.path, Some(stale.summary)),
                    stale.last_changed,
                    stale.weeks,
                    if stale.weeks == 1 { "" } else { "s" },
                    code(stale.path)
                ));
            }
            if flavor == Flavor::Github {
                line("");
                line("</details>");
            }
        }
    }
    line("");

    line("## Highlights and lowlights");
    line("");
    match &kickoff.history {
        History::Unavailable(why) => {
            line(&format!(
                "No git history to read them from: {}.",
                escape(why)
            ));
        }
        History::Git(comparison) => {
            line(&format!(
                "Changes {}, across the backlog.",
                escape(&comparison.baseline.describe())
            ));
            if let Some(missing) = &comparison.baseline.missing {
                line("");
                line(&format!("**Incomplete:** {}.", escape(missing)));
            }
            for (heading, moments, none) in [
                ("Highlights", &kickoff.highlights, "No highlights."),
                ("Lowlights", &kickoff.lowlights, "No lowlights."),
            ] {
                line("");
                line(&format!("### {heading}"));
                line("");
                if moments.is_empty() {
                    line(none);
                }
                for moment in moments {
                    line(&moment_line(moment));
                }
            }
        }
    }
    line("");

    let m = &kickoff.metrics;
    line("## Metrics");
    line("");
    line(&format!("| {milestone} | |"));
    line("| --- | ---: |");
    line(&format!("| Assessments | {} |", m.assessments));
    line(&format!("| Go | {} |", m.go));
    line(&format!("| No-go | {} |", m.no_go));
    line(&format!("| Awaiting a decision | {} |", m.open));
    line(&format!(
        "| Go rate | {} |",
        m.go_rate().map_or_else(
            || "-".to_string(),
            |rate| format!("{rate}% of {}", m.go + m.no_go)
        )
    ));
    line(&format!(
        "| Mean readiness | {} |",
        m.mean_readiness.map_or("-".to_string(), |r| r.to_string())
    ));
    line(&format!(
        "| Decisions made since {} | {} |",
        escape(&kickoff.since),
        m.decisions_since
    ));

    if !kickoff.unreadable.is_empty() {
        line("");
        line("## Could not be read");
        line("");
        for (path, broken) in &kickoff.unreadable {
            line(&format!(
                "- {}: {}",
                code(path),
                escape(&broken.describe(path))
            ));
        }
    }
    match flavor {
        Flavor::Gitlab => neutralise(out),
        Flavor::Github => out,
    }
}

/// `/due`, `/milestone` and `/label` for the kickoff issue, written and
/// checked as `mrd render --quick-actions` writes its own.
pub fn quick_action_lines(
    kickoff: &Kickoff<'_>,
    labels: &[String],
) -> Result<String, QuickActionError> {
    let front = FrontMatter {
        labels: labels
            .iter()
            .map(|l| Located::new(l.clone(), Pos::default()))
            .collect(),
        milestone: Some(Located::new(kickoff.milestone.name.clone(), Pos::default())),
        ..FrontMatter::default()
    };
    Ok(format!(
        "/due {}\n{}",
        kickoff.milestone.monday(),
        quick_actions(&front)?
    ))
}

/// A shallow clone's note, for standard error.
pub fn incomplete_note(kickoff: &Kickoff<'_>) -> Option<String> {
    match &kickoff.history {
        History::Git(comparison) => comparison
            .baseline
            .commit
            .as_ref()
            .filter(|_| !comparison.baseline.complete)
            .map(shallow_note),
        History::Unavailable(_) => None,
    }
}

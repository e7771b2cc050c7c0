//! The weekly kickoff issue (the product handbook's Friday task): for one
//! milestone, the go decisions by readiness, what awaits a decision and
//! what is missing, stale drafts, the highlights and lowlights since the
//! previous kickoff from git history, and metrics.
//!
//! [`Kickoff::build`] gathers the facts from the backlog's summaries and the
//! history comparison ([`crate::history::compare`]); [`markdown`] writes the
//! issue text, neutralised as `mrd render`'s is.

pub mod markdown;

use crate::assessment::{Decision, Status};
use crate::date::Date;
use crate::history::compare::{Comparison, Event, FileChange};
use crate::history::{DecisionChange, State};
use crate::milestone::Milestone;
use crate::summary::Summary;
use crate::summary::backlog::{Broken, Entry};

/// One assessment of the backlog, as the kickoff reads it.
pub struct Row<'a> {
    pub path: &'a str,
    pub state: &'a State,
}

/// A draft that has not changed for a while.
pub struct Stale<'a> {
    pub path: &'a str,
    pub summary: &'a Summary,
    pub last_changed: Date,
    pub by: Option<String>,
    pub weeks: i64,
}

/// One line of the highlights or lowlights.
pub struct Moment<'a> {
    pub path: &'a str,
    /// `None` for a file that can no longer be read.
    pub summary: Option<&'a Summary>,
    pub what: What<'a>,
}

pub enum What<'a> {
    New(&'a FileChange),
    Decision(&'a Event),
    Readiness {
        from: u8,
        to: u8,
    },
    /// It could be read at the baseline and cannot now.
    Unreadable(&'a Broken),
}

/// The metrics of the milestone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Metrics {
    pub assessments: usize,
    pub go: usize,
    pub no_go: usize,
    /// Undecided, or no decision yet.
    pub open: usize,
    pub mean_readiness: Option<u8>,
    /// Decisions made or reversed since the baseline, across the backlog.
    pub decisions_since: usize,
}

impl Metrics {
    /// Go as a share of go and no-go, in whole percent.
    pub fn go_rate(&self) -> Option<u8> {
        let decided = self.go + self.no_go;
        (decided > 0).then(|| ((self.go * 100 + decided / 2) / decided) as u8)
    }
}

/// Where the highlights come from, or why there are none.
pub enum History<'a> {
    Git(&'a Comparison),
    /// Not a git repository (or unreadable): said in the issue.
    Unavailable(String),
}

pub struct Kickoff<'a> {
    pub milestone: Milestone,
    pub previous: Milestone,
    /// What the highlights are counted from, in words.
    pub since: String,
    pub today: Date,
    pub stale_weeks: u32,
    pub priorities: Vec<(&'a str, &'a Summary)>,
    pub awaiting: Vec<(&'a str, &'a Summary)>,
    pub stale: Vec<Stale<'a>>,
    pub highlights: Vec<Moment<'a>>,
    pub lowlights: Vec<Moment<'a>>,
    pub history: History<'a>,
    pub metrics: Metrics,
    pub unreadable: Vec<(&'a str, &'a Broken)>,
}

fn in_milestone(summary: &Summary, milestone: &str) -> bool {
    summary.milestone.as_deref().map(str::trim) == Some(milestone)
}

fn by_readiness<'a>(mut rows: Vec<(&'a str, &'a Summary)>) -> Vec<(&'a str, &'a Summary)> {
    rows.sort_by(|(pa, a), (pb, b)| {
        b.readiness
            .cmp(&a.readiness)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| pa.cmp(pb))
    });
    rows
}

/// Which week the kickoff is for, and from when its highlights count.
pub struct Week {
    pub milestone: Milestone,
    pub previous: Milestone,
    /// The baseline in words (`2026-11-16`, `HEAD~5`).
    pub since: String,
    pub today: Date,
    pub stale_weeks: u32,
}

impl<'a> Kickoff<'a> {
    /// `entries` and `states` are the backlog's files, in the same order.
    pub fn build(
        week: Week,
        entries: &'a [Entry],
        states: &'a [State],
        history: History<'a>,
    ) -> Kickoff<'a> {
        let Week {
            milestone,
            previous,
            since,
            today,
            stale_weeks,
        } = week;
        let name = milestone.name.as_str();
        let rows: Vec<(&'a str, &'a Summary)> = entries
            .iter()
            .filter_map(|e| e.result.as_ref().ok().map(|s| (e.path.as_str(), &**s)))
            .collect();
        let unreadable: Vec<(&'a str, &'a Broken)> = entries
            .iter()
            .filter_map(|e| e.result.as_ref().err().map(|b| (e.path.as_str(), b)))
            .collect();
        let ours: Vec<(&'a str, &'a Summary)> = rows
            .iter()
            .copied()
            .filter(|(_, s)| in_milestone(s, name))
            .collect();
        let priorities = by_readiness(
            ours.iter()
                .copied()
                .filter(|(_, s)| s.decision == Some(Decision::Go))
                .collect(),
        );
        let awaiting = by_readiness(
            ours.iter()
                .copied()
                .filter(|(_, s)| !matches!(s.decision, Some(Decision::Go | Decision::NoGo)))
                .filter(|(_, s)| s.status != Some(Status::Archived))
                .collect(),
        );

        let change = |path: &str| match &history {
            History::Git(comparison) => comparison.get(path),
            History::Unavailable(_) => None,
        };
        let mut stale: Vec<Stale<'a>> = ours
            .iter()
            .filter(|(_, s)| matches!(s.status, Some(Status::Draft) | None))
            .filter(|(_, s)| !matches!(s.decision, Some(Decision::Go | Decision::NoGo)))
            .filter_map(|(path, summary)| {
                let change = change(path)?;
                let last_changed = change.last_changed(today)?;
                let weeks = today.days_after(last_changed) / 7;
                (weeks >= i64::from(stale_weeks)).then(|| Stale {
                    path,
                    summary,
                    last_changed,
                    by: change.last_commit.as_ref().map(|c| c.author.clone()),
                    weeks,
                })
            })
            .collect();
        stale.sort_by(|a, b| a.last_changed.cmp(&b.last_changed).then(a.path.cmp(b.path)));

        let mut highlights = Vec::new();
        let mut lowlights = Vec::new();
        let mut decisions_since = 0;
        if let History::Git(comparison) = &history {
            for (path, summary) in &rows {
                let Some(change) = comparison.get(path) else {
                    continue;
                };
                let moment = |what| Moment {
                    path,
                    summary: Some(*summary),
                    what,
                };
                if change.is_new() {
                    highlights.push(moment(What::New(change)));
                }
                for event in &change.events {
                    match event.change {
                        DecisionChange::Made => highlights.push(moment(What::Decision(event))),
                        DecisionChange::Reversed | DecisionChange::Withdrawn => {
                            lowlights.push(moment(What::Decision(event)))
                        }
                        DecisionChange::Reopened => {}
                    }
                    if matches!(
                        event.change,
                        DecisionChange::Made | DecisionChange::Reversed
                    ) {
                        decisions_since += 1;
                    }
                }
                if let (false, Some(r)) = (change.is_new(), &change.delta.readiness) {
                    let what = What::Readiness {
                        from: r.from,
                        to: r.to,
                    };
                    if r.to > r.from {
                        highlights.push(moment(what));
                    } else {
                        lowlights.push(moment(what));
                    }
                }
            }
            for (path, broken) in &unreadable {
                let was_readable = comparison
                    .get(path)
                    .and_then(|c| c.before.as_ref())
                    .is_some_and(|b| b.summary().is_some());
                if was_readable {
                    lowlights.push(Moment {
                        path,
                        summary: None,
                        what: What::Unreadable(broken),
                    });
                }
            }
        } else {
            // Without git, the decided dates still tell what was decided lately.
            decisions_since = states
                .iter()
                .filter_map(|s| s.snapshot())
                .filter(|s| matches!(s.summary.decision, Some(Decision::Go | Decision::NoGo)))
                .filter(|s| s.decided.is_some_and(|d| d >= previous.monday()))
                .count();
        }

        let readiness: Vec<u32> = ours.iter().map(|(_, s)| u32::from(s.readiness)).collect();
        let metrics = Metrics {
            assessments: ours.len(),
            go: ours
                .iter()
                .filter(|(_, s)| s.decision == Some(Decision::Go))
                .count(),
            no_go: ours
                .iter()
                .filter(|(_, s)| s.decision == Some(Decision::NoGo))
                .count(),
            open: ours
                .iter()
                .filter(|(_, s)| !matches!(s.decision, Some(Decision::Go | Decision::NoGo)))
                .count(),
            mean_readiness: (!readiness.is_empty()).then(|| {
                let len = readiness.len() as u32;
                ((readiness.iter().sum::<u32>() + len / 2) / len) as u8
            }),
            decisions_since,
        };

        Kickoff {
            milestone,
            previous,
            since,
            today,
            stale_weeks,
            priorities,
            awaiting,
            stale,
            highlights,
            lowlights,
            history,
            metrics,
            unreadable,
        }
    }

    /// "Weekly Kickoff for Milestone - M", the handbook's title.
    pub fn title(&self) -> String {
        crate::summary::report::heading(std::slice::from_ref(&self.milestone.name))
    }
}

//! A backlog beside its state at a baseline: for each assessment, whether it
//! is new, how its decision and readiness moved, each decision change in
//! between with the commit that made it, and when it last changed. The
//! kickoff's highlights and `mrd summary --since` are this comparison.

use std::collections::HashMap;
use std::path::PathBuf;

use gix::ObjectId;
use serde::Serialize;

use crate::assessment::Decision;
use crate::config::Config;
use crate::date::Date;
use crate::git::{GitError, Repo, Uncommitted};
use crate::history::walk::{self, BaselineFound, Until};
use crate::history::{CommitInfo, DecisionChange, Delta, Since, State, shallow_note};

/// One assessment of the backlog, as it is now.
pub struct Current<'a> {
    /// The path as the user named it, for output.
    pub name: String,
    /// Where it is on disk.
    pub path: PathBuf,
    pub state: &'a State,
}

/// One decision change after the baseline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub change: DecisionChange,
    pub from: Option<Decision>,
    pub to: Option<Decision>,
    /// The commit that made it; `None` when it is in the working tree only.
    pub commit: Option<CommitInfo>,
}

/// How one assessment moved since the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct FileChange {
    pub name: String,
    /// Its state at the baseline; `None` when it is new since.
    pub before: Option<State>,
    /// From the baseline to now.
    pub delta: Delta,
    /// Decision changes after the baseline, oldest first.
    pub events: Vec<Event>,
    /// The last commit that changed it; `None` when it has none (not in git).
    pub last_commit: Option<CommitInfo>,
    /// Changes in the working tree that are not committed.
    pub uncommitted: Option<Uncommitted>,
}

impl FileChange {
    pub fn is_new(&self) -> bool {
        self.before.is_none()
    }

    /// The change in a few words, for a table cell: `new`, `was UNDECIDED,
    /// +12`, `-5`, `no change`.
    pub fn describe(&self) -> String {
        if self.is_new() {
            return "new".to_string();
        }
        let mut parts = Vec::new();
        if let Some(decision) = &self.delta.decision {
            parts.push(format!("was {}", crate::summary::label(decision.from)));
        }
        if let Some(readiness) = &self.delta.readiness {
            let delta = i16::from(readiness.to) - i16::from(readiness.from);
            parts.push(if delta > 0 {
                format!("+{delta}")
            } else {
                delta.to_string()
            });
        }
        if let Some(readable) = &self.delta.readable
            && readable.to
        {
            parts.push("readable again".to_string());
        }
        if parts.is_empty() {
            "no change".to_string()
        } else {
            parts.join(", ")
        }
    }

    /// When it last changed: today when the working tree has changes, else
    /// the last commit's date.
    pub fn last_changed(&self, today: Date) -> Option<Date> {
        match (self.uncommitted, &self.last_commit) {
            (Some(_), _) => Some(today),
            (None, Some(commit)) => Some(commit.date),
            (None, None) => None,
        }
    }
}

/// Where the comparison starts, said the way output says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BaselineInfo {
    /// The `--since` value (or the previous milestone's Monday).
    pub since: String,
    /// The commit whose state is compared with; `None` when the baseline is
    /// before the first commit (everything is new).
    pub commit: Option<CommitInfo>,
    /// Whether the history reached the baseline. `false` in a shallow clone
    /// whose history stops after it: then `commit` is the boundary, and
    /// `missing` says so.
    pub complete: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
}

impl BaselineInfo {
    /// "since 2026-11-16 (commit abc1234)".
    pub fn describe(&self) -> String {
        match &self.commit {
            Some(commit) if self.complete => {
                format!("since {} (commit {})", self.since, commit.short)
            }
            Some(commit) => format!(
                "since commit {} ({}), the oldest in this shallow clone, not {}",
                commit.short, commit.date, self.since
            ),
            None => format!("since {} (before the first commit)", self.since),
        }
    }
}

pub struct Comparison {
    pub baseline: BaselineInfo,
    /// In the order the files were given.
    pub files: Vec<FileChange>,
}

impl Comparison {
    pub fn get(&self, name: &str) -> Option<&FileChange> {
        self.files.iter().find(|f| f.name == name)
    }

    /// "since 2026-11-16 (commit abc1234): 1 new, 2 decisions changed,
    /// readiness up for 3, down for 1".
    pub fn describe(&self) -> String {
        let count = |f: &dyn Fn(&FileChange) -> bool| self.files.iter().filter(|c| f(c)).count();
        let new = count(&|c| c.is_new());
        let decided = count(&|c| !c.is_new() && c.delta.decision.is_some());
        let up = count(&|c| c.delta.readiness.as_ref().is_some_and(|r| r.to > r.from));
        let down = count(&|c| c.delta.readiness.as_ref().is_some_and(|r| r.to < r.from));
        format!(
            "{}: {new} new, {decided} decision{} changed, readiness up for {up}, down for {down}",
            self.baseline.describe(),
            if decided == 1 { "" } else { "s" }
        )
    }
}

/// Compares `files` with their state at `since`.
pub fn compare(
    repo: &Repo,
    files: &[Current<'_>],
    since: &Since,
    config: &Config,
) -> Result<Comparison, GitError> {
    let baseline = since.baseline(repo)?;
    let relative: Vec<Option<String>> = files.iter().map(|f| repo.relative(&f.path)).collect();
    let tracked: Vec<String> = relative.iter().flatten().cloned().collect();
    let walked = walk::walk(repo, &tracked, Until::Baseline(baseline))?;
    let mut histories = walked.files.into_iter();
    let mut states: HashMap<ObjectId, State> = HashMap::new();
    let mut state_of = |name: &str, blob: ObjectId| -> Result<State, GitError> {
        if let Some(state) = states.get(&blob) {
            return Ok(state.clone());
        }
        let state = State::of_bytes(name, repo.read_blob(blob)?, config);
        states.insert(blob, state.clone());
        Ok(state)
    };

    let mut out = Vec::with_capacity(files.len());
    for (file, relative) in files.iter().zip(&relative) {
        let Some(relative) = relative else {
            // Outside the repository: no history to compare with.
            out.push(FileChange {
                name: file.name.clone(),
                before: None,
                delta: Delta::between(None, file.state),
                events: Vec::new(),
                last_commit: None,
                uncommitted: Some(Uncommitted::Untracked),
            });
            continue;
        };
        let history = histories.next().expect("one history per tracked file");
        let before = match &history.at_baseline {
            Some(Some((name, blob))) => Some(state_of(name, *blob)?),
            _ => None,
        };
        let uncommitted = repo.uncommitted(relative)?;
        // Each version after the baseline, oldest first, then the working tree.
        let mut previous = before.clone();
        let mut events = Vec::new();
        let newer = &history.versions[..history.after_baseline];
        let mut steps: Vec<(State, Option<CommitInfo>)> = Vec::new();
        for version in newer.iter().rev() {
            steps.push((
                state_of(&version.path, version.blob)?,
                Some(CommitInfo::from(&version.commit)),
            ));
        }
        if uncommitted.is_some() {
            steps.push((file.state.clone(), None));
        }
        for (state, commit) in steps {
            let from = previous
                .as_ref()
                .and_then(|s| s.summary())
                .map(|s| s.decision);
            if let Some(to) = state.summary().map(|s| s.decision) {
                let from = from.flatten();
                if let Some(change) = DecisionChange::of(from, to) {
                    events.push(Event {
                        change,
                        from,
                        to,
                        commit,
                    });
                }
            }
            if state.summary().is_some() {
                previous = Some(state);
            }
        }
        out.push(FileChange {
            name: file.name.clone(),
            delta: Delta::between(before.as_ref(), file.state),
            before,
            events,
            last_commit: history
                .versions
                .first()
                .map(|v| CommitInfo::from(&v.commit)),
            uncommitted,
        });
    }

    let info = match walked.baseline {
        Some(BaselineFound::At(commit)) => BaselineInfo {
            since: since.to_string(),
            commit: Some(commit),
            complete: true,
            missing: None,
        },
        Some(BaselineFound::Missing { boundary }) => BaselineInfo {
            since: since.to_string(),
            missing: Some(shallow_note(&boundary)),
            commit: Some(boundary),
            complete: false,
        },
        Some(BaselineFound::BeforeHistory) | None => BaselineInfo {
            since: since.to_string(),
            commit: None,
            complete: true,
            missing: None,
        },
    };
    Ok(Comparison {
        baseline: info,
        files: out,
    })
}

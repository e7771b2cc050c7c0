//! The history of assessments: each file's versions along the first-parent
//! history of HEAD, each read with the assessment parser and summarised with
//! the summary (readiness included), and what changed from one version to
//! the next. `mrd log`, the kickoff's highlights and `mrd summary --since`
//! all read history through this module, so they never disagree.
//!
//! [`walk`] finds the versions (through [`crate::git`]), [`delta`] compares
//! two of them, [`since`] reads `--since REV|DATE`, and [`compare`] sets a
//! backlog beside its state at a baseline. Historical versions are judged
//! with today's question set and lint settings, so a readiness of last month
//! and one of today are on the same scale.

pub mod compare;
pub mod delta;
pub mod log;
pub mod since;
pub mod walk;

use serde::Serialize;

use crate::assessment::{self, Assessment};
use crate::config::Config;
use crate::date::Date;
use crate::git::Commit;
use crate::source::{ReadError, Source};
use crate::summary::Summary;
use crate::summary::backlog::Broken;

pub use delta::{DecisionChange, Delta, Transition};
pub use since::Since;

/// One assessment as it was at some point: read and summarised, or the
/// reason it could not be read then.
#[derive(Clone, Debug, PartialEq)]
pub enum State {
    Read(Box<Snapshot>),
    Unreadable(Broken),
}

/// What a readable version says, as far as history compares it.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub summary: Summary,
    /// Each answer's text by question key, in the order written.
    pub answers: Vec<(String, String)>,
    pub decided: Option<Date>,
}

impl State {
    pub fn snapshot(&self) -> Option<&Snapshot> {
        match self {
            State::Read(snapshot) => Some(snapshot),
            State::Unreadable(_) => None,
        }
    }

    pub fn summary(&self) -> Option<&Summary> {
        self.snapshot().map(|s| &s.summary)
    }

    /// A file's state from its bytes (a blob of some commit, or the file).
    pub fn of_bytes(name: &str, bytes: Vec<u8>, config: &Config) -> State {
        match Source::from_bytes(name.to_string(), bytes) {
            Ok(source) => State::of_source(&source, config),
            Err(err) => State::Unreadable(unreadable(&err)),
        }
    }

    /// A file's state from its text: parsed, linted and summarised exactly as
    /// `mrd summary` does it.
    pub fn of_source(source: &Source, config: &Config) -> State {
        match summarise(source, config) {
            Ok((assessment, summary)) => State::Read(Box::new(Snapshot {
                answers: assessment
                    .front
                    .answers
                    .iter()
                    .map(|a| (a.key.value.clone(), a.text.value.clone()))
                    .collect(),
                decided: assessment.front.decided.as_ref().map(|d| d.value),
                summary: *summary,
            })),
            Err(broken) => State::Unreadable(broken),
        }
    }
}

/// Why a file that could not be read as text has no summary.
pub fn unreadable(err: &ReadError) -> Broken {
    let (line, column) = match err {
        ReadError::NotUtf8 { offset, lossy } => {
            let (line, column) = crate::source::line_column(lossy, *offset);
            (Some(line), Some(column))
        }
        ReadError::Io(_) => (None, None),
    };
    Broken {
        line,
        column,
        message: format!("cannot read: {err}"),
        more: 0,
    }
}

/// Parses, lints and summarises one file: the summary `mrd summary` shows
/// for it, or its first problem.
pub fn summarise(source: &Source, config: &Config) -> Result<(Assessment, Box<Summary>), Broken> {
    let parsed = assessment::parse(source);
    match (parsed.problems.first(), parsed.assessment) {
        (Some(problem), _) => {
            let at = source.line_column(problem.offset());
            Err(Broken {
                line: Some(at.line),
                column: Some(at.column),
                message: problem.message.clone(),
                more: parsed.problems.len() - 1,
            })
        }
        (None, None) => Err(Broken {
            line: None,
            column: None,
            message: "not an assessment".into(),
            more: 0,
        }),
        (None, Some(assessment)) => {
            let summary = Summary::linted(source, &assessment, &config.linter());
            Ok((assessment, Box::new(summary)))
        }
    }
}

/// A commit as history reports it: in JSON and beside each change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitInfo {
    pub id: String,
    pub short: String,
    pub author: String,
    pub email: String,
    /// The author's date, in the author's time zone.
    pub date: Date,
    pub subject: String,
}

impl From<&Commit> for CommitInfo {
    fn from(commit: &Commit) -> CommitInfo {
        CommitInfo {
            id: commit.id.to_string(),
            short: commit.short(),
            author: commit.author.clone(),
            email: commit.email.clone(),
            date: commit.date,
            subject: commit.subject.clone(),
        }
    }
}

/// Where a file's known history begins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Origin {
    /// The oldest version is the commit that added the file.
    Created,
    /// The clone is shallow: the oldest version is at its boundary, and
    /// whatever came before is not in this clone.
    Shallow { boundary: CommitInfo },
    /// The walk stopped before the file's beginning, having found what it
    /// was asked for (the kickoff reads back only as far as it needs).
    NotRead,
    /// HEAD has no such file: it is new in the working tree.
    NotCommitted,
}

/// What the shallow boundary hides, said the same way everywhere.
pub fn shallow_note(boundary: &CommitInfo) -> String {
    format!(
        "this clone is shallow: history before commit {} ({}) is not in it; `git fetch --unshallow` fetches the rest",
        boundary.short, boundary.date
    )
}

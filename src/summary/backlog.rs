//! Many assessments at once: the rows of `mrd summary`, which of them a
//! filter keeps, the order the kickoff reads them in, and the totals.
//!
//! A file that could not be read is a row too, with its error: dropping it
//! would hide an assessment from the meeting that decides on it.

use std::cmp::Reverse;

use serde::Serialize;

use crate::assessment::{Decision, Status};
use crate::summary::Summary;

/// One file of the backlog: its summary (or the part of it a report
/// prints, a [`Row`]), or why it has none.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<T = Box<Summary>> {
    /// The path as the user named it (or as found in a named directory).
    pub path: String,
    pub result: Result<T, Broken>,
}

/// What sorting and counting a backlog need of each summary.
pub trait Headline {
    fn decision(&self) -> Option<Decision>;
    fn readiness(&self) -> u8;
    fn title(&self) -> Option<&str>;
    fn is_complete(&self) -> bool;
}

impl Headline for Box<Summary> {
    fn decision(&self) -> Option<Decision> {
        self.decision
    }
    fn readiness(&self) -> u8 {
        self.readiness
    }
    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    fn is_complete(&self) -> bool {
        Summary::is_complete(self)
    }
}

/// One assessment as the table, Markdown, HTML and CSV reports print it:
/// the headline of its summary, with its text in one allocation, so that a
/// backlog of 100,000 assessments held for sorting takes a few hundred bytes
/// each rather than the kilobytes of whole summaries.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub status: Option<Status>,
    pub decision: Option<Decision>,
    pub readiness: u8,
    /// Most of the text is in the notes: the score is not shown.
    pub in_notes: bool,
    pub answered: usize,
    pub required: usize,
    complete: bool,
    /// Title, author, milestone, the verdict and the joined lists, one after
    /// the other; `ends` says where each stops.
    text: Box<str>,
    ends: [u32; 8],
    /// Which of title, author and milestone the front-matter has.
    present: [bool; 3],
}

impl Row {
    /// The row of `summary`; `lists` keeps the lists CSV prints (labels,
    /// unanswered and low-confidence keys, risks).
    pub fn of(summary: &Summary, lists: bool) -> Row {
        let risks: Vec<&str>;
        let parts: [&str; 8] = [
            summary.title.as_deref().unwrap_or_default(),
            summary.author.as_deref().unwrap_or_default(),
            summary.milestone.as_deref().unwrap_or_default(),
            &summary.verdict.text,
            if lists { &summary.labels.join(";") } else { "" },
            if lists {
                &summary.unanswered.join(";")
            } else {
                ""
            },
            if lists {
                &summary.low_confidence.join(";")
            } else {
                ""
            },
            if lists {
                risks = summary.risks.iter().map(|r| r.message.as_str()).collect();
                &risks.join("; ")
            } else {
                ""
            },
        ];
        let mut text = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        let mut ends = [0; 8];
        for (end, part) in ends.iter_mut().zip(parts) {
            text.push_str(part);
            *end = text.len() as u32;
        }
        Row {
            status: summary.status,
            decision: summary.decision,
            readiness: summary.readiness,
            in_notes: summary.text_in_notes.is_some(),
            answered: summary.answered,
            required: summary.required,
            complete: summary.is_complete(),
            text: text.into_boxed_str(),
            ends,
            present: [
                summary.title.is_some(),
                summary.author.is_some(),
                summary.milestone.is_some(),
            ],
        }
    }

    fn part(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    fn optional(&self, i: usize) -> Option<&str> {
        self.present[i].then(|| self.part(i))
    }

    pub fn title(&self) -> Option<&str> {
        self.optional(0)
    }
    pub fn author(&self) -> Option<&str> {
        self.optional(1)
    }
    pub fn milestone(&self) -> Option<&str> {
        self.optional(2)
    }
    /// The verdict line.
    pub fn verdict(&self) -> &str {
        self.part(3)
    }
    /// The labels, joined with `;` (kept for CSV only).
    pub fn labels(&self) -> &str {
        self.part(4)
    }
    /// The unanswered required questions' keys, joined with `;` (CSV).
    pub fn unanswered(&self) -> &str {
        self.part(5)
    }
    /// The keys of answers with low confidence, joined with `;` (CSV).
    pub fn low_confidence(&self) -> &str {
        self.part(6)
    }
    /// The risks' messages, joined with `; ` (CSV).
    pub fn risks(&self) -> &str {
        self.part(7)
    }

    pub fn decision_label(&self) -> &'static str {
        crate::summary::label(self.decision)
    }

    pub fn is_complete(&self) -> bool {
        self.complete
    }
}

impl Headline for Row {
    fn decision(&self) -> Option<Decision> {
        self.decision
    }
    fn readiness(&self) -> u8 {
        self.readiness
    }
    fn title(&self) -> Option<&str> {
        Row::title(self)
    }
    fn is_complete(&self) -> bool {
        self.complete
    }
}

/// Why a file has no summary: its first problem, and how many more it has.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Broken {
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
    /// Further problems in the same file, not shown.
    pub more: usize,
}

impl Broken {
    /// "path:line:col: message (and 2 more problems)".
    pub fn describe(&self, path: &str) -> String {
        let mut text = match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{path}:{line}:{column}: {}", self.message),
            (Some(line), None) => format!("{path}:{line}: {}", self.message),
            _ => format!("{path}: {}", self.message),
        };
        match self.more {
            0 => {}
            1 => text.push_str(" (and 1 more problem)"),
            n => text.push_str(&format!(" (and {n} more problems)")),
        }
        text
    }
}

/// Which assessments to show. Each list keeps an assessment that matches any
/// of its values; an empty list keeps everything; all lists must agree.
/// Labels are the exception: an assessment must have every label asked for,
/// as `gh issue list --label a --label b` does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub statuses: Vec<Status>,
    /// `None` stands for "no decision yet".
    pub decisions: Vec<Option<Decision>>,
    pub milestones: Vec<String>,
    pub labels: Vec<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.statuses.is_empty()
            && self.decisions.is_empty()
            && self.milestones.is_empty()
            && self.labels.is_empty()
    }

    pub fn matches(&self, summary: &Summary) -> bool {
        let status =
            self.statuses.is_empty() || summary.status.is_some_and(|s| self.statuses.contains(&s));
        let decision = self.decisions.is_empty() || self.decisions.contains(&summary.decision);
        let milestone = self.milestones.is_empty()
            || summary.milestone.as_deref().is_some_and(|m| {
                self.milestones
                    .iter()
                    .any(|wanted| wanted.trim() == m.trim())
            });
        let labels = self
            .labels
            .iter()
            .all(|wanted| summary.labels.iter().any(|l| l == wanted));
        status && decision && milestone && labels
    }

    /// Whether the filter keeps an entry. Broken files are always kept:
    /// nobody can tell whether they match, and hiding an error is worse than
    /// showing one row too many.
    pub fn keeps(&self, entry: &Entry) -> bool {
        match &entry.result {
            Ok(summary) => self.matches(summary),
            Err(_) => true,
        }
    }

    /// Keeps the entries the filter matches.
    pub fn apply(&self, entries: Vec<Entry>) -> Vec<Entry> {
        entries.into_iter().filter(|e| self.keeps(e)).collect()
    }
}

/// Where a decision sorts: what will be built first, then what will not,
/// then what is still open.
fn decision_rank(decision: Option<Decision>) -> u8 {
    match decision {
        Some(Decision::Go) => 0,
        Some(Decision::NoGo) => 1,
        Some(Decision::Undecided) => 2,
        None => 3,
    }
}

/// Sorts by decision (go, no-go, undecided, none), then readiness (highest
/// first), then title and path so the order is stable; broken files last.
pub fn sort<T: Headline>(entries: &mut [Entry<T>]) {
    // By path first, then (stably) by what the meeting reads: each title is
    // lowercased once, not at every comparison.
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries.sort_by_cached_key(|e| match &e.result {
        Ok(s) => (
            false,
            decision_rank(s.decision()),
            Reverse(s.readiness()),
            s.title().unwrap_or_default().to_lowercase(),
        ),
        Err(_) => (true, 0, Reverse(0), String::new()),
    });
}

/// The counts under the table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Assessments summarised (broken files not included).
    pub assessments: usize,
    pub go: usize,
    pub no_go: usize,
    /// Decision `undecided`, or no decision at all.
    pub undecided: usize,
    /// A required answer or the decision is missing.
    pub incomplete: usize,
    /// Files that could not be read.
    pub errors: usize,
}

impl Totals {
    pub fn of<T: Headline>(entries: &[Entry<T>]) -> Totals {
        let mut totals = Totals::default();
        for entry in entries {
            let Ok(summary) = &entry.result else {
                totals.errors += 1;
                continue;
            };
            totals.assessments += 1;
            match summary.decision() {
                Some(Decision::Go) => totals.go += 1,
                Some(Decision::NoGo) => totals.no_go += 1,
                Some(Decision::Undecided) | None => totals.undecided += 1,
            }
            if !summary.is_complete() {
                totals.incomplete += 1;
            }
        }
        totals
    }

    /// "1 go, 1 no-go, 1 undecided, 1 incomplete (3 assessments, 1 error)".
    pub fn describe(&self) -> String {
        let mut text = format!(
            "{} go, {} no-go, {} undecided, {} incomplete ({} assessment{}",
            self.go,
            self.no_go,
            self.undecided,
            self.incomplete,
            self.assessments,
            if self.assessments == 1 { "" } else { "s" }
        );
        if self.errors > 0 {
            text.push_str(&format!(
                ", {} unreadable file{}",
                self.errors,
                if self.errors == 1 { "" } else { "s" }
            ));
        }
        text.push(')');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::questions::QuestionSet;
    use crate::source::Source;

    fn entry(path: &str, front: &str) -> Entry {
        let text = format!("---\n{front}---\n");
        let parsed = parse(&Source::from_text(path, text));
        let summary = Summary::of(&parsed.assessment.unwrap(), &QuestionSet::builtin());
        Entry {
            path: path.into(),
            result: Ok(Box::new(summary)),
        }
    }

    fn broken(path: &str) -> Entry {
        Entry {
            path: path.into(),
            result: Err(Broken {
                line: Some(2),
                column: Some(3),
                message: "bad".into(),
                more: 2,
            }),
        }
    }

    fn paths(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.path.as_str()).collect()
    }

    #[test]
    fn sorts_by_decision_then_readiness_with_broken_files_last() {
        let mut entries = vec![
            broken("z.md"),
            entry("none.md", "title: N\n"),
            entry("undecided.md", "recommendation: {decision: undecided}\n"),
            entry("nogo.md", "recommendation: {decision: no-go}\n"),
            entry("go-low.md", "recommendation: {decision: go}\n"),
            entry(
                "go-high.md",
                "answers: {problem: x}\nrecommendation: {decision: go, rationale: y}\n",
            ),
        ];
        sort(&mut entries);
        assert_eq!(
            paths(&entries),
            [
                "go-high.md",
                "go-low.md",
                "nogo.md",
                "undecided.md",
                "none.md",
                "z.md"
            ]
        );
    }

    #[test]
    fn filters_combine_and_keep_broken_files() {
        let entries = vec![
            entry("a.md", "status: draft\nmilestone: W1\nlabels: [x, y]\n"),
            entry(
                "b.md",
                "status: review\nmilestone: W2\nlabels: [x]\nrecommendation: {decision: go}\n",
            ),
            broken("c.md"),
        ];
        let filter = |f: Filter| paths(&f.apply(entries.clone())).join(" ");
        assert_eq!(filter(Filter::default()), "a.md b.md c.md");
        let drafts = Filter {
            statuses: vec![Status::Draft],
            ..Filter::default()
        };
        assert_eq!(filter(drafts), "a.md c.md");
        let both_labels = Filter {
            labels: vec!["x".into(), "y".into()],
            ..Filter::default()
        };
        assert_eq!(filter(both_labels), "a.md c.md");
        let no_decision_in_w2 = Filter {
            decisions: vec![None],
            milestones: vec!["W2".into()],
            ..Filter::default()
        };
        assert_eq!(filter(no_decision_in_w2), "c.md");
    }

    #[test]
    fn totals_count_decisions_incomplete_and_errors() {
        let entries = vec![
            entry("a.md", "recommendation: {decision: go}\n"),
            entry("b.md", "recommendation: {decision: undecided}\n"),
            entry("c.md", "title: T\n"),
            broken("d.md"),
        ];
        let totals = Totals::of(&entries);
        assert_eq!((totals.go, totals.no_go, totals.undecided), (1, 0, 2));
        assert_eq!(
            (totals.incomplete, totals.assessments, totals.errors),
            (3, 3, 1)
        );
        assert_eq!(
            totals.describe(),
            "1 go, 0 no-go, 2 undecided, 3 incomplete (3 assessments, 1 unreadable file)"
        );
        assert_eq!(
            broken("d.md").result.unwrap_err().describe("d.md"),
            "d.md:2:3: bad (and 2 more problems)"
        );
    }
}

//! The defaults `mrd new` offers for the author, the milestone and the
//! labels, so that an interview-made assessment shows up in the summary's
//! columns and in `--milestone` filters like a hand-written one.
//!
//! The author comes from `git config user.name`; the milestones and labels
//! from the assessments already in the backlog, with the current ISO week
//! (`2026-W44`, the shape the examples use) as the milestone's default.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::assessment::parse;
use crate::date::Date;
use crate::inputs::{self, Input};
use crate::source::Source;

/// What the backlog already uses, most used first (ties by name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Backlog {
    pub milestones: Vec<String>,
    pub labels: Vec<String>,
}

impl Backlog {
    /// Reads the front-matter of every assessment under `dir`. Files that
    /// cannot be read are passed over: they are `mrd lint`'s business, not
    /// a reason to refuse to start an interview.
    pub fn read(dir: &Path) -> Backlog {
        let Ok(inputs) = inputs::collect(&[], dir) else {
            return Backlog::default();
        };
        let mut milestones = BTreeMap::<String, usize>::new();
        let mut labels = BTreeMap::<String, usize>::new();
        for input in inputs {
            let Input::File(path) = input else { continue };
            let Ok(source) = Source::read(&path) else {
                continue;
            };
            let Some(assessment) = parse(&source).assessment else {
                continue;
            };
            let front = assessment.front;
            if let Some(m) = front.milestone.filter(|m| !m.value.trim().is_empty()) {
                *milestones.entry(m.value.trim().to_string()).or_default() += 1;
            }
            for label in front.labels {
                if !label.value.trim().is_empty() {
                    *labels.entry(label.value.trim().to_string()).or_default() += 1;
                }
            }
        }
        Backlog {
            milestones: by_use(milestones),
            labels: by_use(labels),
        }
    }

    /// The milestones to offer: the current ISO week first, then the
    /// backlog's.
    pub fn milestone_choices(&self, today: Date) -> Vec<String> {
        let week = iso_week_label(today);
        let mut choices = vec![week.clone()];
        choices.extend(self.milestones.iter().filter(|m| **m != week).cloned());
        choices
    }
}

fn by_use(counts: BTreeMap<String, usize>) -> Vec<String> {
    let mut names: Vec<(String, usize)> = counts.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    names.into_iter().map(|(name, _)| name).collect()
}

/// `git config user.name`, or `None` when git is missing, not configured or
/// says nothing. No git library is in the tree, so git itself is asked (it
/// knows every place the name can be set: system, global, repository,
/// includes, environment).
pub fn git_author(dir: &Path) -> Option<String> {
    let output = Command::new("git")
        .args(["config", "user.name"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?;
    let name = name.trim();
    (output.status.success() && !name.is_empty()).then(|| name.to_string())
}

/// The ISO 8601 week `date` falls in, as `YYYY-Www`: weeks start on Monday,
/// and week 1 is the one with the year's first Thursday (so 2027-01-01 is in
/// 2026-W53).
pub fn iso_week_label(date: Date) -> String {
    let (year, week) = date.iso_week();
    format!("{year}-W{week:02}")
}

/// Labels as typed: comma-separated, trimmed, each once, empty ones dropped.
pub fn parse_labels(text: &str) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for label in text.split(',').map(str::trim).filter(|l| !l.is_empty()) {
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_string());
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn iso_weeks_follow_the_first_thursday() {
        assert_eq!(iso_week_label(date(2026, 10, 29)), "2026-W44");
        assert_eq!(iso_week_label(date(2026, 1, 1)), "2026-W01");
        assert_eq!(iso_week_label(date(2027, 1, 1)), "2026-W53");
        assert_eq!(iso_week_label(date(2024, 12, 30)), "2025-W01");
        assert_eq!(iso_week_label(date(2021, 1, 3)), "2020-W53");
    }

    #[test]
    fn labels_are_split_trimmed_and_kept_once() {
        assert_eq!(
            parse_labels(" platform, billing ,,platform,"),
            ["platform", "billing"]
        );
        assert!(parse_labels("  ").is_empty());
    }

    #[test]
    fn the_backlog_is_read_most_used_first() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, front: &str| {
            std::fs::write(
                dir.path().join(name),
                format!("---\ntitle: {name}\n{front}---\n"),
            )
            .unwrap();
        };
        write("a.md", "milestone: 2026-W40\nlabels: [platform, billing]\n");
        write("b.md", "milestone: 2026-W44\nlabels: [platform]\n");
        write("c.md", "milestone: 2026-W44\n");
        std::fs::write(dir.path().join("broken.md"), "---\ntitle: [\n---\n").unwrap();
        let backlog = Backlog::read(dir.path());
        assert_eq!(backlog.milestones, ["2026-W44", "2026-W40"]);
        assert_eq!(backlog.labels, ["platform", "billing"]);
        assert_eq!(
            backlog.milestone_choices(date(2026, 11, 30)),
            ["2026-W49", "2026-W44", "2026-W40"]
        );
    }
}

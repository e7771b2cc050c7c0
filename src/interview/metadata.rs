//! The defaults `mrd new` offers for the author, the milestone and the
//! labels, so that an interview-made assessment shows up in the summary's
//! columns and in `--milestone` filters like a hand-written one.
//!
//! The author comes from `git config user.name`; the milestones and labels
//! from the assessments already in the backlog, with this week's milestone
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

    /// The milestone `today` falls in under the team's naming pattern
    /// (`kickoff.milestone_pattern`, ISO weeks by default), if it can be told.
    pub fn current_milestone(&self, today: Date, pattern: Option<&str>) -> Option<String> {
        crate::milestone::current(today, pattern, &self.milestones)
    }

    /// The milestones to offer: the current one first, then the backlog's.
    pub fn milestone_choices(&self, current: Option<&str>) -> Vec<String> {
        let mut choices: Vec<String> = current.map(str::to_string).into_iter().collect();
        choices.extend(
            self.milestones
                .iter()
                .filter(|m| Some(m.as_str()) != current)
                .cloned(),
        );
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
            backlog.milestone_choices(
                backlog
                    .current_milestone(date(2026, 11, 30), None)
                    .as_deref()
            ),
            ["2026-W49", "2026-W44", "2026-W40"]
        );
        assert_eq!(
            backlog.current_milestone(date(2027, 1, 1), None).as_deref(),
            Some("2026-W53"),
            "ISO weeks follow the first Thursday"
        );
        let fridays = Backlog {
            milestones: vec![
                "Fri: December 4, 2026".into(),
                "Fri: November 27, 2026".into(),
            ],
            labels: Vec::new(),
        };
        assert_eq!(
            fridays
                .current_milestone(date(2026, 11, 30), Some("%a: %B %-d, %Y"))
                .as_deref(),
            Some("Fri: December 4, 2026"),
            "a day pattern takes the backlog's milestone ending this week"
        );
        assert_eq!(
            fridays.current_milestone(date(2026, 12, 20), Some("%a: %B %-d, %Y")),
            None
        );
    }
}

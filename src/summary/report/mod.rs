//! The output formats of `mrd summary`, one module each, all reading the same
//! [`Report`]: the rows after filtering and sorting, their totals, and the
//! heading. Only the terminal formats use colour; the others are documents.

pub mod csv;
pub mod detail;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod text;

use anstyle::{AnsiColor, Style};

use crate::assessment::Decision;
use crate::summary::backlog::{Entry, Totals};

/// What every format prints.
pub struct Report<'a> {
    pub entries: &'a [Entry],
    pub totals: Totals,
    /// "Weekly Kickoff for Milestone - M", or a neutral heading.
    pub heading: String,
}

impl<'a> Report<'a> {
    pub fn new(entries: &'a [Entry], milestones: &[String]) -> Report<'a> {
        Report {
            entries,
            totals: Totals::of(entries),
            heading: heading(milestones),
        }
    }

    /// The summarised entries, with their paths.
    pub fn summaries(&self) -> impl Iterator<Item = (&'a str, &'a crate::summary::Summary)> {
        self.entries
            .iter()
            .filter_map(|e| e.result.as_ref().ok().map(|s| (e.path.as_str(), &**s)))
    }

    /// The files that could not be read, with their paths.
    pub fn broken(&self) -> impl Iterator<Item = (&'a str, &'a crate::summary::backlog::Broken)> {
        self.entries
            .iter()
            .filter_map(|e| e.result.as_ref().err().map(|b| (e.path.as_str(), b)))
    }
}

/// The handbook's title for the Monday kickoff issue, when the summary is for
/// one milestone.
pub fn heading(milestones: &[String]) -> String {
    match milestones {
        [milestone] => format!("Weekly Kickoff for Milestone - {}", milestone.trim()),
        _ => "Opportunity assessments".to_string(),
    }
}

/// Green for go, red for no-go, yellow for anything still open.
pub fn decision_style(decision: Option<Decision>) -> Style {
    let color = match decision {
        Some(Decision::Go) => AnsiColor::Green,
        Some(Decision::NoGo) => AnsiColor::Red,
        Some(Decision::Undecided) | None => AnsiColor::Yellow,
    };
    Style::new().bold().fg_color(Some(color.into()))
}

/// Readiness coloured by band: below 50 red, below 80 yellow, else green.
pub fn readiness_style(readiness: u8) -> Style {
    let color = match readiness {
        0..50 => AnsiColor::Red,
        50..80 => AnsiColor::Yellow,
        _ => AnsiColor::Green,
    };
    Style::new().fg_color(Some(color.into()))
}

/// The colour of a decision in documents (HTML, SVG).
pub fn decision_hex(decision: Option<Decision>) -> &'static str {
    match decision {
        Some(Decision::Go) => "#2e7d32",
        Some(Decision::NoGo) => "#c62828",
        Some(Decision::Undecided) => "#b26a00",
        None => "#757575",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Linter, Settings};
    use crate::questions::QuestionSet;
    use crate::source::Source;
    use crate::summary::{Keep, Summary};

    /// The examples and the summary fixtures, summarised as `mrd summary` does.
    fn entries() -> Vec<Entry> {
        let questions = QuestionSet::builtin();
        let settings = Settings::default();
        let linter = Linter::new(&questions, &settings);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut entries = Vec::new();
        for dir in ["examples", "tests/fixtures/summary"] {
            for file in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_none_or(|e| e != "md") {
                    continue;
                }
                let source = Source::read(&path).unwrap();
                let Some(assessment) = crate::assessment::parse(&source).assessment else {
                    continue;
                };
                entries.push(Entry {
                    path: source.name.clone(),
                    result: Ok(Box::new(Summary::linted(&source, &assessment, &linter))),
                });
            }
        }
        crate::summary::backlog::sort(&mut entries);
        entries
    }

    #[test]
    fn each_format_prints_the_same_from_what_it_keeps() {
        let full = entries();
        type Write = fn(&mut dyn std::io::Write, &Report<'_>) -> std::io::Result<()>;
        let write: [(Keep, Write); 4] = [
            (Keep::Headline, |out, r| table::write(out, r, 100)),
            (Keep::Headline, markdown::write),
            (Keep::Headline, html::write),
            (Keep::Lists, csv::write),
        ];
        for (keep, write) in write {
            let mut slim = full.clone();
            for entry in &mut slim {
                if let Ok(summary) = &mut entry.result {
                    summary.keep_only(keep);
                }
            }
            let (mut a, mut b) = (Vec::new(), Vec::new());
            write(&mut a, &Report::new(&full, &[])).unwrap();
            write(&mut b, &Report::new(&slim, &[])).unwrap();
            assert_eq!(
                String::from_utf8(a).unwrap(),
                String::from_utf8(b).unwrap(),
                "{keep:?}"
            );
        }
    }
}

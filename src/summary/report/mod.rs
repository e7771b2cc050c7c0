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
use crate::summary::backlog::{Entry, Headline, Totals};

/// What every format prints: whole summaries for JSON, [`Row`]s
/// (`crate::summary::backlog::Row`) for the others.
pub struct Report<'a, T = Box<crate::summary::Summary>> {
    pub entries: &'a [Entry<T>],
    pub totals: Totals,
    /// "Weekly Kickoff for Milestone - M", or a neutral heading.
    pub heading: String,
    /// What changed since a baseline (`--since`), by path.
    pub since: Option<&'a crate::history::compare::Comparison>,
}

impl<'a, T: Headline> Report<'a, T> {
    pub fn new(entries: &'a [Entry<T>], milestones: &[String]) -> Report<'a, T> {
        Report {
            entries,
            totals: Totals::of(entries),
            heading: heading(milestones),
            since: None,
        }
    }

    /// The change since the baseline for one path, with `--since`.
    pub fn change(&self, path: &str) -> Option<&'a crate::history::compare::FileChange> {
        self.since.and_then(|since| since.get(path))
    }

    /// The summarised entries, with their paths.
    pub fn summaries(&self) -> impl Iterator<Item = (&'a str, &'a T)> {
        self.entries
            .iter()
            .filter_map(|e| e.result.as_ref().ok().map(|s| (e.path.as_str(), s)))
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

/// A table's readiness cell: the score, or `notes` when most of the text is
/// in the notes and the score would not judge it (`TextInNotes`).
pub fn readiness_cell(row: &crate::summary::backlog::Row) -> String {
    if row.in_notes {
        "notes".into()
    } else {
        row.readiness.to_string()
    }
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

/// The colour a document (the HTML page) gives what the terminal shows in
/// `color`: the same hue, dark enough to read as text on white and on the
/// table header's grey (at least 4.5:1, WCAG AA; tests/it/summary_output.rs
/// computes it from the page's CSS).
pub fn document_hex(color: AnsiColor) -> &'static str {
    match color {
        AnsiColor::Green => "#2e7d32",
        AnsiColor::Red => "#c62828",
        AnsiColor::Yellow => "#8a5a00",
        _ => "#1f2328",
    }
}

/// The colour of a decision in documents: the terminal's, except that no
/// decision at all is grey, so the chart tells it from `undecided`.
pub fn decision_hex(decision: Option<Decision>) -> &'static str {
    match decision {
        Some(Decision::Go) => document_hex(AnsiColor::Green),
        Some(Decision::NoGo) => document_hex(AnsiColor::Red),
        Some(Decision::Undecided) => document_hex(AnsiColor::Yellow),
        None => "#656d76",
    }
}

/// The colour of a readiness score in documents: the terminal's band colour
/// ([`readiness_style`]), so both agree by construction.
pub fn readiness_hex(readiness: u8) -> &'static str {
    match readiness_style(readiness).get_fg_color() {
        Some(anstyle::Color::Ansi(color)) => document_hex(color),
        _ => document_hex(AnsiColor::White),
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::{Linter, Settings};
    use crate::questions::QuestionSet;
    use crate::source::Source;
    use crate::summary::Summary;
    use crate::summary::backlog::Row;

    /// The examples and the summary fixtures, summarised as `mrd summary` does.
    fn summaries() -> Vec<Summary> {
        let questions = QuestionSet::builtin();
        let settings = Settings::default();
        let linter = Linter::new(&questions, &settings);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["examples", "tests/fixtures/summary"] {
            for file in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_none_or(|e| e != "md") {
                    continue;
                }
                let source = Source::read(&path).unwrap();
                if let Some(assessment) = crate::assessment::parse(&source).assessment {
                    out.push(Summary::linted(&source, &assessment, &linter));
                }
            }
        }
        out
    }

    #[test]
    fn a_row_keeps_what_the_reports_print_of_a_summary() {
        for s in summaries() {
            for lists in [false, true] {
                let row = Row::of(&s, lists);
                assert_eq!(row.title(), s.title.as_deref());
                assert_eq!(row.author(), s.author.as_deref());
                assert_eq!(row.milestone(), s.milestone.as_deref());
                assert_eq!(row.verdict(), s.verdict.text);
                assert_eq!(
                    (
                        row.status,
                        row.decision,
                        row.readiness,
                        row.answered,
                        row.required
                    ),
                    (s.status, s.decision, s.readiness, s.answered, s.required)
                );
                assert_eq!(row.is_complete(), s.is_complete());
                assert_eq!(row.decision_label(), s.decision_label());
                if lists {
                    let risks: Vec<&str> = s.risks.iter().map(|r| r.message.as_str()).collect();
                    assert_eq!(row.labels(), s.labels.join(";"));
                    assert_eq!(row.unanswered(), s.unanswered.join(";"));
                    assert_eq!(row.low_confidence(), s.low_confidence.join(";"));
                    assert_eq!(row.risks(), risks.join("; "));
                }
            }
        }
    }
}

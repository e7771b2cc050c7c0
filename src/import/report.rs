//! The import report: for each document, where each answer came from, how
//! sure the match is, how the decision was read, what was not placed, and
//! what was written. One report for a whole backlog, as text or JSON.

use std::io::Write;
use std::path::PathBuf;

use serde_json::json;

use super::matching::{Match, Via};
use super::{FindingKind, Imported};

/// What happened to one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written to this file; `complete` when every question is answered and
    /// a go or no-go decided.
    Written { complete: bool },
    /// Written to standard output (`-o -`).
    Printed { complete: bool },
    /// `--dry-run`: read and reported, nothing written.
    DryRun { complete: bool },
    /// Nothing written, and why.
    NotWritten(Reason),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The output file exists and `--force` was not given.
    Exists,
    /// Questions named, none answered: the number named.
    Template(usize),
    NothingFound,
    /// The file is already an mrd assessment.
    Assessment,
    NoTitle,
    /// The file could not be read or understood, with the reason.
    Failed(String),
}

impl Outcome {
    /// The exit code this document alone would give.
    pub fn code(&self) -> u8 {
        match self {
            Outcome::Written { complete }
            | Outcome::Printed { complete }
            | Outcome::DryRun { complete } => {
                if *complete {
                    0
                } else {
                    1
                }
            }
            Outcome::NotWritten(_) => 2,
        }
    }

    fn name(&self) -> &'static str {
        match self {
            Outcome::Written { .. } => "written",
            Outcome::Printed { .. } => "printed",
            Outcome::DryRun { .. } => "dry-run",
            Outcome::NotWritten(Reason::Exists) => "exists",
            Outcome::NotWritten(Reason::Template(_)) => "template",
            Outcome::NotWritten(Reason::NothingFound) => "nothing-found",
            Outcome::NotWritten(Reason::Assessment) => "already-an-assessment",
            Outcome::NotWritten(Reason::NoTitle) => "no-title",
            Outcome::NotWritten(Reason::Failed(_)) => "failed",
        }
    }
}

/// One document's part of the report.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file (and issue number, for JSON) as named in messages.
    pub name: String,
    /// Lines before the Markdown in the file (front-matter).
    pub line_offset: u32,
    pub title: Option<String>,
    /// Where the title came from: `--title`, `front-matter`, `gh JSON`,
    /// `heading`, `file name`.
    pub title_from: Option<String>,
    pub imported: Option<Imported>,
    pub outcome: Outcome,
    pub output: Option<PathBuf>,
    /// Question keys left unanswered.
    pub unanswered: Vec<String>,
    /// `GO, 9 of 9 questions answered`, for the "wrote" line.
    pub status: Option<String>,
    /// A message for the outcome (the write error, the refusal's reason).
    pub message: Option<String>,
}

fn how(m: &Match) -> String {
    let sure = if m.score >= 0.999 {
        "exact".to_string()
    } else {
        format!(
            "{}% alike, {}",
            (m.score * 100.0).round() as u32,
            m.certainty()
        )
    };
    match m.via {
        Via::Question => format!("question, {sure}"),
        via => format!("{} \"{}\", {sure}", via.as_str(), m.name),
    }
}

fn what(kind: &FindingKind) -> String {
    match kind {
        FindingKind::Question(n, short, _) => format!("question {n} ({short})"),
        FindingKind::Continued(n, short) => {
            format!("question {n} ({short}) again, under another name: added to its answer")
        }
        FindingKind::Decision(Some(d)) => format!("decision: {d}, from"),
        FindingKind::Decision(None) => "no decision, from".to_string(),
        FindingKind::Rationale => "rationale".to_string(),
        FindingKind::Conditions => "conditions".to_string(),
        FindingKind::Notes => "notes".to_string(),
        FindingKind::Title => "title".to_string(),
        FindingKind::Unmatched => "not matched, kept in the notes".to_string(),
        FindingKind::UnknownQuestion => {
            "a question not in the question set: it and its answer are kept in the notes"
                .to_string()
        }
        FindingKind::Repeated(n) => format!("question {n} again, kept in the notes"),
        FindingKind::Skipped => "skipped (generated text)".to_string(),
    }
}

fn kind_name(kind: &FindingKind) -> &'static str {
    match kind {
        FindingKind::Question(..) => "question",
        FindingKind::Continued(..) => "continued",
        FindingKind::Decision(_) => "decision",
        FindingKind::Rationale => "rationale",
        FindingKind::Conditions => "conditions",
        FindingKind::Notes => "notes",
        FindingKind::Title => "title",
        FindingKind::Unmatched => "unmatched",
        FindingKind::UnknownQuestion => "unknown-question",
        FindingKind::Repeated(_) => "repeated",
        FindingKind::Skipped => "skipped",
    }
}

/// The plain statement for a document most of which matched no question.
pub fn mostly_unplaced_message(imported: &Imported) -> String {
    let total = imported.placed_chars + imported.unplaced_chars;
    let percent = (imported.unplaced_chars * 100)
        .checked_div(total)
        .unwrap_or(0);
    format!(
        "most of this document could not be placed: {percent}% of its text matched no question and is kept in the notes, so the file is a draft to finish by hand; name its sections with `aliases:` in .mrd.yml and import again"
    )
}

/// The text report of one document.
/// `single`: the only document of the run, whose failure the command
/// reports as its error instead.
pub fn print_text(out: &mut dyn Write, entry: &Entry, single: bool) -> std::io::Result<()> {
    let name = &entry.name;
    if let Some(imported) = &entry.imported {
        if let (Some(title), Some(from)) = (&entry.title, &entry.title_from)
            && !imported.report.iter().any(|f| f.kind == FindingKind::Title)
        {
            writeln!(out, "{name}: title \"{title}\" (from the {from})")?;
        }
        for finding in &imported.report {
            let line = finding.line + entry.line_offset;
            match &finding.kind {
                FindingKind::Question(_, _, m) => writeln!(
                    out,
                    "{name}:{line}: {}: {} [{}]",
                    what(&finding.kind),
                    finding.excerpt,
                    how(m)
                )?,
                FindingKind::Decision(_) => writeln!(
                    out,
                    "{name}:{line}: {} \"{}\"",
                    what(&finding.kind),
                    finding.excerpt
                )?,
                kind => writeln!(out, "{name}:{line}: {}: {}", what(kind), finding.excerpt)?,
            }
        }
        if imported.mostly_unplaced() && !matches!(entry.outcome, Outcome::NotWritten(_)) {
            writeln!(out, "{name}: {}", mostly_unplaced_message(imported))?;
        }
    }
    if !entry.unanswered.is_empty() && !matches!(entry.outcome, Outcome::NotWritten(_)) {
        writeln!(out, "{name}: unanswered: {}", entry.unanswered.join(", "))?;
    }
    let status = entry.status.as_deref().unwrap_or_default();
    match &entry.outcome {
        Outcome::Written { .. } => {
            let path = entry
                .output
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            writeln!(out, "wrote {path} ({status})")?;
        }
        Outcome::Printed { .. } => writeln!(out, "{name}: printed to standard output ({status})")?,
        Outcome::DryRun { .. } => {
            let path = entry
                .output
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            writeln!(out, "{name}: would write {path} ({status})")?;
        }
        Outcome::NotWritten(_) if single => {}
        Outcome::NotWritten(_) => writeln!(out, "{name}: {}", not_written_message(entry))?,
    }
    Ok(())
}

/// Why a document was not written, in words.
pub fn not_written_message(entry: &Entry) -> String {
    if let Some(message) = &entry.message {
        return message.clone();
    }
    match &entry.outcome {
        Outcome::NotWritten(reason) => match reason {
            Reason::Template(n) => {
                format!("template: {n} questions found, none answered; nothing written")
            }
            Reason::NothingFound => "no section names one of the questions, so nothing was written; a question is a heading, a bold line, a numbered line or a table row with its wording or a section name (see `mrd questions`), and a team's own names go in `aliases:` in .mrd.yml".to_string(),
            Reason::Assessment => "it starts with an mrd assessment's front-matter: it is already an assessment file, so there is nothing to import (check it with `mrd lint`)".to_string(),
            Reason::NoTitle => "no title found (no `# heading`, no \"Opportunity: …\" line): pass the opportunity's title with --title \"...\"".to_string(),
            Reason::Exists => format!(
                "{} already exists; pass --force to replace it",
                entry.output.as_ref().map(|p| p.display().to_string()).unwrap_or_default()
            ),
            Reason::Failed(why) => why.clone(),
        },
        _ => String::new(),
    }
}

/// The last line of a report over several documents.
pub fn print_totals(out: &mut dyn Write, entries: &[Entry]) -> std::io::Result<()> {
    let count = |f: &dyn Fn(&Outcome) -> bool| entries.iter().filter(|e| f(&e.outcome)).count();
    let written = count(&|o| matches!(o, Outcome::Written { .. } | Outcome::Printed { .. }));
    let complete = count(&|o| {
        matches!(
            o,
            Outcome::Written { complete: true } | Outcome::Printed { complete: true }
        )
    });
    let dry = count(&|o| matches!(o, Outcome::DryRun { .. }));
    let not = count(&|o| matches!(o, Outcome::NotWritten(_)));
    let mut parts = vec![format!("{written} written ({complete} complete)")];
    if dry > 0 {
        parts.push(format!("{dry} read without writing (--dry-run)"));
    }
    parts.push(format!("{not} not written"));
    writeln!(out, "{} documents: {}", entries.len(), parts.join(", "))
}

/// The whole run's report as one JSON document.
pub fn json(entries: &[Entry]) -> serde_json::Value {
    let documents: Vec<serde_json::Value> = entries.iter().map(entry_json).collect();
    let written = entries
        .iter()
        .filter(|e| matches!(e.outcome, Outcome::Written { .. } | Outcome::Printed { .. }))
        .count();
    json!({
        "documents": documents,
        "totals": {
            "documents": entries.len(),
            "written": written,
            "complete": entries.iter().filter(|e| e.outcome.code() == 0 && !matches!(e.outcome, Outcome::NotWritten(_))).count(),
            "not_written": entries.iter().filter(|e| matches!(e.outcome, Outcome::NotWritten(_))).count(),
        }
    })
}

fn entry_json(entry: &Entry) -> serde_json::Value {
    let offset = entry.line_offset;
    let mut doc = json!({
        "input": entry.name,
        "result": entry.outcome.name(),
        "output": entry.output.as_ref().map(|p| p.display().to_string()),
        "title": entry.title,
        "title_from": entry.title_from,
        "message": entry.message,
        "unanswered": entry.unanswered,
    });
    if let Outcome::NotWritten(Reason::Template(n)) = &entry.outcome {
        doc["message"] = json!(format!("template: {n} questions found, none answered"));
    }
    let Some(imported) = &entry.imported else {
        return doc;
    };
    doc["questions"] = imported
        .placements
        .iter()
        .map(|p| {
            json!({
                "key": p.key,
                "number": p.number,
                "line": p.line + offset,
                "matched_by": p.matched.via.as_str(),
                "name": p.matched.name,
                "certainty": p.matched.certainty(),
                "score": (p.matched.score * 100.0).round() / 100.0,
                "text": p.excerpt,
                "answered": imported.answers.iter().any(|(k, _)| *k == p.key)
                    || (p.key == crate::questions::RECOMMENDATION_KEY && (imported.decision.is_some() || imported.rationale.is_some())),
            })
        })
        .collect();
    doc["decision"] = match &imported.decision_from {
        Some(from) => json!({
            "value": imported.decision.map(|d| d.to_string()),
            "from": from.text,
            "line": from.line + offset,
        }),
        None => serde_json::Value::Null,
    };
    doc["unplaced"] = imported
        .report
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::Unmatched | FindingKind::UnknownQuestion | FindingKind::Repeated(_)
            )
        })
        .map(|f| json!({"line": f.line + offset, "text": f.excerpt, "kind": kind_name(&f.kind)}))
        .collect();
    doc["placed_chars"] = json!(imported.placed_chars);
    doc["unplaced_chars"] = json!(imported.unplaced_chars);
    doc["mostly_unplaced"] = json!(imported.mostly_unplaced());
    doc["findings"] = imported
        .report
        .iter()
        .map(|f| json!({"line": f.line + offset, "kind": kind_name(&f.kind), "text": f.excerpt}))
        .collect();
    doc
}

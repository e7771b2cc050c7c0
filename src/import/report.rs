//! The import report: for each document, where each answer came from, how
//! sure the match is, how the decision was read, what was not placed, and
//! what was written. One report for a whole backlog, as text or JSON.
//!
//! The report is written as documents finish ([`Report`]), so a backlog of
//! thousands of issues holds one document's report at a time, and each
//! document's own findings are bounded ([`super::Findings`]). The JSON
//! report is still one document: its opening is written first, then each
//! document's object, then the totals.

use std::io::{self, Write};
use std::path::PathBuf;

use serde_json::json;

use super::matching::{Match, Via};
use super::{FindingKind, Imported, Omitted};
use crate::cli::ImportFormat;

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

impl Entry {
    /// A document's entry before anything is known of it but its name.
    pub fn new(name: String, line_offset: u32, outcome: Outcome) -> Entry {
        Entry {
            name,
            line_offset,
            title: None,
            title_from: None,
            imported: None,
            outcome,
            output: None,
            unanswered: Vec::new(),
            status: None,
            message: None,
        }
    }
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
        FindingKind::Metadata => "read into the front-matter".to_string(),
    }
}

/// Findings of a kind beyond those listed, in words (after "and N").
fn more(kind: &FindingKind) -> &'static str {
    match kind {
        FindingKind::Question(..) => "more lines that name a question",
        FindingKind::Continued(..) => "more sections added to an answer under another name",
        FindingKind::Decision(_) => "more lines read for the decision",
        FindingKind::Rationale => "more lines that open the rationale",
        FindingKind::Conditions => "more lines that open the conditions",
        FindingKind::Notes => "more lines that open the notes",
        FindingKind::Title => "more title lines",
        FindingKind::Unmatched => "more lines not matched, kept in the notes",
        FindingKind::UnknownQuestion => {
            "more questions not in the question set, kept in the notes with their answers"
        }
        FindingKind::Repeated(_) => "more questions named again, kept in the notes",
        FindingKind::Skipped => "more lines skipped (generated text)",
        FindingKind::Metadata => "more quick actions read into the front-matter",
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
        for finding in imported.report.iter() {
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
        for omitted in imported.report.omitted() {
            let (first, last) = omitted_lines(omitted, entry.line_offset);
            writeln!(
                out,
                "{name}:{first}: and {} {} (lines {first} to {last})",
                omitted.count,
                more(&omitted.first.kind)
            )?;
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
                .as_deref()
                .map(crate::paths::display)
                .unwrap_or_default();
            writeln!(out, "wrote {path} ({status})")?;
        }
        Outcome::Printed { .. } => writeln!(out, "{name}: printed to standard output ({status})")?,
        Outcome::DryRun { .. } => {
            let path = entry
                .output
                .as_deref()
                .map(crate::paths::display)
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
                entry.output.as_deref().map(crate::paths::display).unwrap_or_default()
            ),
            Reason::Failed(why) => why.clone(),
        },
        _ => String::new(),
    }
}

fn omitted_lines(omitted: &Omitted, offset: u32) -> (u32, u32) {
    (omitted.first.line + offset, omitted.last_line + offset)
}

/// How the documents of a run went, counted as they finish.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    /// Written to a file or standard output.
    pub written: usize,
    /// Of those, complete.
    pub written_complete: usize,
    pub dry_run: usize,
    /// Written or read with `--dry-run`, and complete (exit code 0).
    pub complete: usize,
    pub not_written: usize,
}

impl Totals {
    fn add(&mut self, outcome: &Outcome) {
        self.documents += 1;
        match outcome {
            Outcome::Written { complete } | Outcome::Printed { complete } => {
                self.written += 1;
                self.written_complete += usize::from(*complete);
            }
            Outcome::DryRun { .. } => self.dry_run += 1,
            Outcome::NotWritten(_) => self.not_written += 1,
        }
        self.complete += usize::from(outcome.code() == 0);
    }

    /// Every document written (or read) and complete.
    pub fn all_complete(&self) -> bool {
        self.complete == self.documents
    }
}

/// The last line of a text report over several documents.
fn print_totals(out: &mut dyn Write, totals: &Totals) -> io::Result<()> {
    let mut parts = vec![format!(
        "{} written ({} complete)",
        totals.written, totals.written_complete
    )];
    if totals.dry_run > 0 {
        parts.push(format!(
            "{} read without writing (--dry-run)",
            totals.dry_run
        ));
    }
    parts.push(format!("{} not written", totals.not_written));
    writeln!(out, "{} documents: {}", totals.documents, parts.join(", "))
}

/// The report of a run, written as its documents finish.
pub struct Report<'w> {
    out: &'w mut dyn Write,
    format: ImportFormat,
    /// The latest entry, printed when the next one comes or at the end: the
    /// text report leaves out the "not written" line of a run's only
    /// document, whose failure is the command's error instead.
    held: Option<Entry>,
    totals: Totals,
    /// JSON objects written so far.
    printed: usize,
}

/// How a run went: its totals, and its entry when it had one document.
pub struct Finished {
    pub totals: Totals,
    pub single: Option<Entry>,
}

impl<'w> Report<'w> {
    pub fn new(out: &'w mut dyn Write, format: ImportFormat) -> Report<'w> {
        Report {
            out,
            format,
            held: None,
            totals: Totals::default(),
            printed: 0,
        }
    }

    pub fn add(&mut self, entry: Entry) -> io::Result<()> {
        if self.format == ImportFormat::Json && self.totals.documents == 0 {
            self.out.write_all(b"{\n  \"documents\": [")?;
        }
        self.totals.add(&entry.outcome);
        if let Some(earlier) = self.held.replace(entry) {
            self.print(&earlier, false)?;
        }
        Ok(())
    }

    fn print(&mut self, entry: &Entry, single: bool) -> io::Result<()> {
        match self.format {
            ImportFormat::Text => print_text(self.out, entry, single),
            ImportFormat::Json => {
                // Pretty JSON has no newline inside a string, so indenting
                // each line nests the object in the "documents" array.
                let text =
                    serde_json::to_string_pretty(&entry_json(entry)).map_err(io::Error::other)?;
                let separator: &[u8] = if self.printed == 0 { b"\n" } else { b",\n" };
                self.out.write_all(separator)?;
                self.printed += 1;
                write!(self.out, "    {}", text.replace('\n', "\n    "))
            }
        }
    }

    /// Prints what is left and the totals.
    pub fn finish(mut self) -> io::Result<Finished> {
        let held = self.held.take();
        let single = self.totals.documents == 1;
        if let Some(entry) = &held {
            self.print(entry, single)?;
        }
        match self.format {
            ImportFormat::Text if self.totals.documents > 1 => {
                print_totals(self.out, &self.totals)?;
            }
            ImportFormat::Text => {}
            ImportFormat::Json => {
                if self.totals.documents == 0 {
                    self.out.write_all(b"{\n  \"documents\": []")?;
                } else {
                    self.out.write_all(b"\n  ]")?;
                }
                self.out.write_all(b",\n  \"totals\": ")?;
                let totals = json!({
                    "documents": self.totals.documents,
                    "written": self.totals.written,
                    "complete": self.totals.complete,
                    "not_written": self.totals.not_written,
                });
                let text = serde_json::to_string_pretty(&totals).map_err(io::Error::other)?;
                self.out.write_all(text.replace('\n', "\n  ").as_bytes())?;
                self.out.write_all(b"\n}\n")?;
            }
        }
        Ok(Finished {
            totals: self.totals,
            single: held.filter(|_| single),
        })
    }
}

fn entry_json(entry: &Entry) -> serde_json::Value {
    let offset = entry.line_offset;
    let mut doc = json!({
        "input": entry.name,
        "result": entry.outcome.name(),
        "output": entry.output.as_deref().map(crate::paths::display),
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
                "answered": p.answered,
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
        .map(|f| json!({"line": f.line + offset, "text": f.excerpt, "kind": f.kind.name()}))
        .collect();
    doc["placed_chars"] = json!(imported.placed_chars);
    doc["unplaced_chars"] = json!(imported.unplaced_chars);
    doc["mostly_unplaced"] = json!(imported.mostly_unplaced());
    doc["findings"] = imported
        .report
        .iter()
        .map(|f| json!({"line": f.line + offset, "kind": f.kind.name(), "text": f.excerpt}))
        .collect();
    // Findings beyond the first few of their kind, counted (see
    // `import::Findings`): "findings" and "unplaced" list only the first.
    doc["omitted"] = imported
        .report
        .omitted()
        .iter()
        .map(|o| {
            let (first, last) = omitted_lines(o, offset);
            json!({"kind": o.first.kind.name(), "count": o.count, "first_line": first, "last_line": last})
        })
        .collect();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questions::QuestionSet;

    fn entries() -> Vec<Entry> {
        let mut many = String::new();
        for i in 0..30 {
            many.push_str(&format!("## Section {i}\n\nText {i}.\n\n"));
        }
        many.push_str("## Why now?\n\nA rule changed.\n");
        let imported = crate::import::import(&many, &QuestionSet::builtin());
        let mut written = Entry::new("a.md".into(), 3, Outcome::Written { complete: false });
        written.imported = Some(imported);
        written.title = Some("A".into());
        written.output = Some(PathBuf::from("assessments/a.md"));
        vec![
            written,
            Entry::new("b.md".into(), 0, Outcome::NotWritten(Reason::Assessment)),
            Entry::new("c.md".into(), 0, Outcome::DryRun { complete: true }),
        ]
    }

    fn streamed(entries: Vec<Entry>) -> String {
        let mut out = Vec::new();
        let mut report = Report::new(&mut out, ImportFormat::Json);
        for entry in entries {
            report.add(entry).unwrap();
        }
        report.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Written a document at a time, the JSON report is the one document
    /// serde_json would print for the whole run, to the byte.
    #[test]
    fn the_streamed_json_report_is_one_pretty_document() {
        for count in 0..=3 {
            let entries: Vec<Entry> = entries().into_iter().take(count).collect();
            let whole = json!({
                "documents": entries.iter().map(entry_json).collect::<Vec<_>>(),
                "totals": {
                    "documents": count,
                    "written": entries.iter().filter(|e| matches!(e.outcome, Outcome::Written { .. })).count(),
                    "complete": entries.iter().filter(|e| e.outcome.code() == 0).count(),
                    "not_written": entries.iter().filter(|e| matches!(e.outcome, Outcome::NotWritten(_))).count(),
                }
            });
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(streamed(entries), expected);
        }
    }

    #[test]
    fn findings_beyond_the_first_of_their_kind_are_counted() {
        let entry = entries().remove(0);
        let json = entry_json(&entry);
        let omitted = json["omitted"].as_array().unwrap();
        assert_eq!(omitted.len(), 1, "{json:#}");
        assert_eq!(omitted[0]["kind"], "unmatched");
        let listed = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["kind"] == "unmatched")
            .count();
        assert_eq!(listed, crate::import::LISTED_PER_KIND);
        // 30 headings above the questions and their text: 60 lines kept in
        // the notes.
        assert_eq!(omitted[0]["count"].as_u64().unwrap() as usize + listed, 60);
        let mut text = Vec::new();
        print_text(&mut text, &entry, false).unwrap();
        let text = String::from_utf8(text).unwrap();
        assert!(
            text.contains(&format!(
                "a.md:{}: and 50 more lines not matched, kept in the notes (lines {} to {})",
                omitted[0]["first_line"], omitted[0]["first_line"], omitted[0]["last_line"]
            )),
            "{text}"
        );
    }
}

//! `mrd import PATH…`: documents a team already has (issues, wiki pages,
//! `gh`/`glab` JSON, whole directories of them) as assessment files, with the
//! same safety rules as `mrd new` (never replaces without `--force`, writes
//! atomically) and one report for the whole run.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::assessment::{
    Assessment, ConfidenceEntry, Decision, FrontMatter, Located, Recommendation, Status,
    WriteError, WriteMode, to_markdown, write_atomically,
};
use crate::cli::ImportArgs;
use crate::cmd::read;
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome as CommandOutcome};
use crate::import::document::{self, Document, Refusal};
use crate::import::matching::Matcher;
use crate::import::report::{self, Entry, Finished, Outcome, Reason, Report};
use crate::import::{Imported, clean_title, import_text, mostly_unplaced_note};
use crate::inputs::{self, Input};
use crate::summary::Summary;
use crate::yaml::Pos;

/// What a directory gives to import.
const EXTENSIONS: &[&str] = &["md", "markdown", "json"];

/// Imports each document as it is read: it is written and reported before
/// the next is read, so a backlog costs one document's memory at a time.
/// `-o FILE` and `-o -` name one output, so there the first document waits
/// until the inputs are known to hold no other (the rest are only counted).
pub fn run(
    args: &ImportArgs,
    config: &Config,
    out: &mut dyn Write,
) -> Result<CommandOutcome, Error> {
    let files = inputs::collect_with(&args.inputs, &config.assessments_dir, EXTENSIONS)?;
    let to_stdout = args.output.as_deref().is_some_and(|p| p.as_os_str() == "-");
    let several = files.len() > 1 || args.inputs.iter().any(|p| p.is_dir());
    if several && args.title.is_some() {
        return Err(Error::Usage(
            "--title names one document; with several, each takes its own title".into(),
        ));
    }
    let matcher = Matcher::new(&config.questions);
    let mut run = Run {
        args,
        config,
        matcher: &matcher,
        taken: Taken::default(),
    };
    let one_output = to_stdout || args.output.as_ref().is_some_and(|o| !o.is_dir());
    if one_output {
        return run.one(&files, to_stdout, out);
    }
    let mut report = Report::new(out, args.format);
    for input in &files {
        let (stem, items) = run.read(input);
        for item in items {
            let (mut entry, assessment) = run.import(item, stem.as_deref());
            if let Some(assessment) = assessment {
                run.write(&mut entry, assessment);
            }
            report.add(entry)?;
        }
    }
    outcome(report.finish()?)
}

/// The exit code, or the error, a run's report ends in.
fn outcome(finished: Finished) -> Result<CommandOutcome, Error> {
    let totals = finished.totals;
    match (totals.not_written, finished.single) {
        _ if totals.documents == 0 => Err(Error::Usage(
            "no files to import: directories are searched for *.md, *.markdown and *.json".into(),
        )),
        (0, _) if totals.all_complete() => Ok(CommandOutcome::Success),
        (0, _) => Ok(CommandOutcome::Findings),
        // One document that was not written is the command's error, on stderr.
        (_, Some(one)) => Err(Error::Usage(format!(
            "{}: {}",
            one.name,
            report::not_written_message(&one)
        ))),
        (some, None) => Err(Error::Usage(format!(
            "{some} of {} documents were not written; the report above says why",
            totals.documents
        ))),
    }
}

/// What one input file gives: documents to import, or why it gives none.
enum Item {
    Document(Document),
    /// Named as in the report, and why.
    Failed(String, Reason),
}

struct Run<'a> {
    args: &'a ImportArgs,
    config: &'a Config,
    matcher: &'a Matcher,
    taken: Taken,
}

impl Run<'_> {
    /// `-o FILE` or `-o -`: one document, written and reported once the
    /// inputs are known to hold no other.
    fn one(
        &mut self,
        files: &[Input],
        to_stdout: bool,
        out: &mut dyn Write,
    ) -> Result<CommandOutcome, Error> {
        let mut first: Option<(Entry, Option<Assessment>)> = None;
        let mut documents = 0;
        for input in files {
            let (stem, items) = self.read(input);
            for item in items {
                documents += 1;
                if first.is_none() {
                    first = Some(self.import(item, stem.as_deref()));
                }
            }
        }
        if documents > 1 {
            return Err(Error::Usage(match &self.args.output {
                Some(output) if !to_stdout => format!(
                    "{} is not a directory, and these inputs hold {documents} documents: -o names a directory when importing several",
                    output.display()
                ),
                _ => format!(
                    "-o - prints one assessment, and these inputs hold {documents} documents: write them to a directory with -o DIR, or leave -o out"
                ),
            }));
        }
        let mut printed = None;
        let entry = first.map(|(mut entry, assessment)| {
            match (assessment, &entry.outcome) {
                (Some(assessment), Outcome::Written { complete }) if to_stdout => {
                    entry.outcome = Outcome::Printed {
                        complete: *complete,
                    };
                    printed = Some(to_markdown(&assessment));
                }
                (Some(assessment), _) => self.write(&mut entry, assessment),
                (None, _) => {}
            }
            entry
        });
        // With `-o -` the assessment is the output, so the report goes to
        // stderr.
        let mut stderr = anstream::stderr().lock();
        let report_out: &mut dyn Write = if to_stdout { &mut stderr } else { out };
        let mut report = Report::new(report_out, self.args.format);
        if let Some(entry) = entry {
            report.add(entry)?;
        }
        let finished = report.finish()?;
        drop(stderr);
        if let Some(text) = &printed {
            out.write_all(text.as_bytes())?;
        }
        outcome(finished)
    }

    /// Reads one input into the documents it holds, with its file stem (a
    /// title of last resort).
    fn read(&self, input: &Input) -> (Option<String>, Vec<Item>) {
        let stem = match input {
            Input::File(path) => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
            Input::Stdin => None,
        };
        let source = match read(input) {
            Ok(source) => source,
            Err(err) => {
                let name = input.name();
                return (
                    stem,
                    vec![Item::Failed(name, Reason::Failed(err.to_string()))],
                );
            }
        };
        let name = source.name;
        let items = match document::documents(&name, source.text) {
            Ok(documents) => documents.into_iter().map(Item::Document).collect(),
            Err(Refusal::Assessment) => vec![Item::Failed(name, Reason::Assessment)],
            Err(Refusal::Json(why)) => vec![Item::Failed(
                name,
                Reason::Failed(format!("not a gh or glab issue: {why}")),
            )],
            Err(Refusal::FrontMatter(line, why)) => vec![Item::Failed(
                format!("{name}:{line}"),
                Reason::Failed(format!("its front-matter cannot be read: {why}")),
            )],
        };
        (stem, items)
    }

    /// Imports one document: its report entry, and the assessment to write
    /// unless it was refused.
    fn import(&self, item: Item, stem: Option<&str>) -> (Entry, Option<Assessment>) {
        let mut doc = match item {
            Item::Document(doc) => doc,
            Item::Failed(name, reason) => {
                return (Entry::new(name, 0, Outcome::NotWritten(reason)), None);
            }
        };
        let body = std::mem::take(&mut doc.body);
        let mut imported = import_text(body, &self.config.questions, self.matcher);
        let mut entry = Entry::new(
            doc.name.clone(),
            doc.line_offset,
            Outcome::NotWritten(Reason::NothingFound),
        );
        let refusal = if imported.found_nothing() {
            Some(Reason::NothingFound)
        } else if imported.is_empty_template() {
            Some(Reason::Template(imported.questions_named))
        } else {
            None
        };
        if let Some(reason) = refusal {
            entry.outcome = Outcome::NotWritten(reason);
            entry.imported = Some(imported);
            return (entry, None);
        }
        // The wrapper's title (JSON, front-matter) is what the team called
        // it; then the document's own; the file name only as a last resort.
        let title = [
            self.args.title.clone().map(|t| (t, "--title".to_string())),
            doc.title
                .as_deref()
                .and_then(clean_title)
                .map(|t| (t, doc.title_from.unwrap_or("front-matter").to_string())),
            imported.title.clone().map(|t| (t, "document".to_string())),
            stem.map(|s| (title_from_file_name(s), "file name".to_string())),
        ]
        .into_iter()
        .flatten()
        .find(|(t, _)| !t.trim().is_empty());
        let Some((title, from)) = title else {
            entry.outcome = Outcome::NotWritten(Reason::NoTitle);
            entry.imported = Some(imported);
            return (entry, None);
        };
        let assessment = assessment_from(&mut imported, &doc, &title);
        let summary = Summary::of(&assessment, &self.config.questions);
        entry.unanswered = summary.unanswered.clone();
        entry.status = Some(format!(
            "{}, {} of {} questions answered",
            summary.decision_label(),
            summary.answered,
            summary.required
        ));
        let complete = summary.is_complete() && !imported.mostly_unplaced();
        entry.outcome = Outcome::Written { complete };
        entry.title = Some(title);
        entry.title_from = Some(from);
        entry.imported = Some(imported);
        (entry, Some(assessment))
    }

    /// Writes a document's assessment to its file: `-o FILE`, a file in
    /// `-o DIR`, or the assessments directory, by title.
    fn write(&mut self, entry: &mut Entry, assessment: Assessment) {
        let Outcome::Written { complete } = entry.outcome else {
            return;
        };
        let title = entry.title.as_deref().unwrap_or_default();
        let path = match &self.args.output {
            Some(dir) if dir.is_dir() => dir.join(file_name(self.config, title)),
            Some(file) => file.clone(),
            None => self.config.default_path(title),
        };
        // Two documents with the same title in one run get their own files.
        let path = self.taken.claim(path);
        entry.output = Some(path.clone());
        if self.args.dry_run {
            entry.outcome = Outcome::DryRun { complete };
            return;
        }
        let text = to_markdown(&assessment);
        drop(assessment);
        match write_atomically(&path, &text, WriteMode::new_file(self.args.force)) {
            Ok(()) => {}
            Err(WriteError::Exists(_)) => entry.outcome = Outcome::NotWritten(Reason::Exists),
            Err(err) => {
                entry.message = Some(err.to_string());
                entry.outcome = Outcome::NotWritten(Reason::Failed(err.to_string()));
            }
        }
    }
}

fn file_name(config: &Config, title: &str) -> PathBuf {
    config
        .default_path(title)
        .file_name()
        .map_or_else(|| PathBuf::from("assessment.md"), PathBuf::from)
}

/// The output paths of this run, so two documents with the same title get
/// `title.md` and `title-2.md`. Hashed, with the next suffix remembered per
/// path, so a backlog of thousands of same-titled issues stays linear.
#[derive(Default)]
struct Taken {
    paths: HashSet<PathBuf>,
    next: HashMap<PathBuf, usize>,
}

impl Taken {
    fn claim(&mut self, path: PathBuf) -> PathBuf {
        if self.paths.insert(path.clone()) {
            return path;
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut n = self.next.get(&path).copied().unwrap_or(2);
        loop {
            let candidate = dir.join(format!("{stem}-{n}.md"));
            n += 1;
            if self.paths.insert(candidate.clone()) {
                self.next.insert(path, n);
                return candidate;
            }
        }
    }
}

/// `managed-scheduler` → `Managed scheduler`.
fn title_from_file_name(stem: &str) -> String {
    let words = stem.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The assessment an import gives: a draft until it has a go or no-go.
pub fn to_assessment(imported: &Imported, title: &str) -> Assessment {
    assessment_from(&mut imported.clone(), &Document::default(), title)
}

/// As [`to_assessment`], with what the document's wrapper said (author,
/// date, labels, milestone, a blog's other front-matter keys). The text
/// moves out of `imported` into the assessment, uncopied; what is left is
/// what the report says.
pub fn assessment_from(imported: &mut Imported, doc: &Document, title: &str) -> Assessment {
    let at = Pos::default();
    let mut front = FrontMatter {
        title: Some(Located::new(title.to_string(), at)),
        author: doc.author.clone().map(|a| Located::new(a, at)),
        created: Some(Located::new(doc.created.unwrap_or_else(Date::today), at)),
        // The wrapper's (gh/glab JSON) first, then a template's quick actions.
        labels: doc
            .labels
            .iter()
            .chain(imported.labels.iter().filter(|l| !doc.labels.contains(l)))
            .map(|l| Located::new(l.clone(), at))
            .collect(),
        milestone: doc
            .milestone
            .clone()
            .or_else(|| imported.milestone.clone())
            .map(|m| Located::new(m, at)),
        extra: doc.extra.clone(),
        ..FrontMatter::default()
    };
    let status = match imported.decision {
        Some(Decision::Go | Decision::NoGo) if !imported.mostly_unplaced() => Status::Decided,
        _ => Status::Draft,
    };
    front.status = Some(Located::new(status, at));
    front.answers_pos = Some(at);
    for (key, text) in std::mem::take(&mut imported.answers) {
        front.set_answer(&key, ending_in_newline(text));
    }
    front.confidence = imported
        .confidence
        .iter()
        .map(|(key, level)| ConfidenceEntry {
            key: Located::new(key.clone(), at),
            level: Located::new(*level, at),
        })
        .collect();
    if imported.decision.is_some()
        || imported.rationale.is_some()
        || !imported.conditions.is_empty()
    {
        front.recommendation = Some(Recommendation {
            decision: imported.decision.map(|d| Located::new(d, at)),
            rationale: imported
                .rationale
                .take()
                .map(|r| Located::new(ending_in_newline(r), at)),
            conditions: std::mem::take(&mut imported.conditions)
                .into_iter()
                .map(|c| Located::new(c, at))
                .collect(),
            ..Recommendation::default()
        });
    }
    let mut notes = std::mem::take(&mut imported.notes);
    if imported.mostly_unplaced() {
        notes.insert_str(0, &format!("{}\n\n", mostly_unplaced_note()));
    }
    Assessment::new(front, notes)
}

/// The text with its trailing whitespace replaced by one newline, in place.
fn ending_in_newline(mut text: String) -> String {
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

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
use crate::cli::{ImportArgs, ImportFormat};
use crate::cmd::read;
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome as CommandOutcome};
use crate::import::document::{self, Document, Refusal};
use crate::import::matching::Matcher;
use crate::import::report::{self, Entry, Outcome, Reason};
use crate::import::{Imported, clean_title, import_with, mostly_unplaced_note};
use crate::inputs::{self, Input};
use crate::summary::Summary;
use crate::yaml::Pos;

/// What a directory gives to import.
const EXTENSIONS: &[&str] = &["md", "markdown", "json"];

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
        entries: Vec::new(),
        written: Vec::new(),
        printed: None,
    };
    for input in &files {
        run.file(input);
    }
    let documents = run.entries.len();
    if to_stdout && documents > 1 {
        return Err(Error::Usage(format!(
            "-o - prints one assessment, and these inputs hold {documents} documents: write them to a directory with -o DIR, or leave -o out"
        )));
    }
    if let Some(output) = &args.output
        && !to_stdout
        && documents > 1
        && !output.is_dir()
    {
        return Err(Error::Usage(format!(
            "{} is not a directory, and these inputs hold {documents} documents: -o names a directory when importing several",
            output.display()
        )));
    }
    run.write_all()?;

    // One document that was not written is the command's error, on stderr.
    let single = run.entries.len() == 1;
    // With `-o -` the assessment is the output, so the report goes to stderr.
    let mut stderr = anstream::stderr().lock();
    let report_out: &mut dyn Write = if to_stdout { &mut stderr } else { out };
    match args.format {
        ImportFormat::Json => {
            let json = report::json(&run.entries);
            writeln!(
                report_out,
                "{}",
                serde_json::to_string_pretty(&json).expect("JSON values print")
            )?;
        }
        ImportFormat::Text => {
            for entry in &run.entries {
                report::print_text(report_out, entry, single)?;
            }
            if run.entries.len() > 1 {
                report::print_totals(report_out, &run.entries)?;
            }
        }
    }
    drop(stderr);
    if let Some(text) = &run.printed {
        out.write_all(text.as_bytes())?;
    }
    let not_written: Vec<&Entry> = run
        .entries
        .iter()
        .filter(|e| matches!(e.outcome, Outcome::NotWritten(_)))
        .collect();
    match not_written.as_slice() {
        [] if run.entries.is_empty() => Err(Error::Usage(
            "no files to import: directories are searched for *.md, *.markdown and *.json".into(),
        )),
        [] if run.entries.iter().all(|e| e.outcome.code() == 0) => Ok(CommandOutcome::Success),
        [] => Ok(CommandOutcome::Findings),
        [one] if single => Err(Error::Usage(format!(
            "{}: {}",
            one.name,
            report::not_written_message(one)
        ))),
        some => Err(Error::Usage(format!(
            "{} of {} documents were not written; the report above says why",
            some.len(),
            run.entries.len()
        ))),
    }
}

struct Run<'a> {
    args: &'a ImportArgs,
    config: &'a Config,
    matcher: &'a Matcher,
    entries: Vec<Entry>,
    /// Each entry's assessment text, to write once every input was read.
    written: Vec<Option<String>>,
    printed: Option<String>,
}

impl Run<'_> {
    fn failed(&mut self, name: String, reason: Reason) {
        self.entries.push(Entry {
            name,
            line_offset: 0,
            title: None,
            title_from: None,
            imported: None,
            outcome: Outcome::NotWritten(reason),
            output: None,
            unanswered: Vec::new(),
            status: None,
            message: None,
        });
        self.written.push(None);
    }

    fn file(&mut self, input: &Input) {
        let source = match read(input) {
            Ok(source) => source,
            Err(err) => {
                let name = match input {
                    Input::File(path) => path.display().to_string(),
                    Input::Stdin => "<stdin>".into(),
                };
                return self.failed(name, Reason::Failed(err.to_string()));
            }
        };
        let documents = match document::documents(&source.name, &source.text) {
            Ok(documents) => documents,
            Err(Refusal::Assessment) => return self.failed(source.name, Reason::Assessment),
            Err(Refusal::Json(why)) => {
                return self.failed(
                    source.name,
                    Reason::Failed(format!("not a gh or glab issue: {why}")),
                );
            }
            Err(Refusal::FrontMatter(line, why)) => {
                let name = format!("{}:{line}", source.name);
                return self.failed(
                    name,
                    Reason::Failed(format!("its front-matter cannot be read: {why}")),
                );
            }
        };
        let stem = match input {
            Input::File(path) => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
            Input::Stdin => None,
        };
        for doc in documents {
            self.document(doc, stem.as_deref());
        }
    }

    fn document(&mut self, doc: Document, stem: Option<&str>) {
        let imported = import_with(&doc.body, &self.config.questions, self.matcher);
        let mut entry = Entry {
            name: doc.name.clone(),
            line_offset: doc.line_offset,
            title: None,
            title_from: None,
            imported: None,
            outcome: Outcome::NotWritten(Reason::NothingFound),
            output: None,
            unanswered: Vec::new(),
            status: None,
            message: None,
        };
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
            self.entries.push(entry);
            self.written.push(None);
            return;
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
        entry.imported = Some(imported);
        let Some((title, from)) = title else {
            entry.outcome = Outcome::NotWritten(Reason::NoTitle);
            self.entries.push(entry);
            self.written.push(None);
            return;
        };
        let imported = entry.imported.as_ref().expect("set above");
        let assessment = to_assessment_from(imported, &doc, &title);
        let summary = Summary::of(&assessment.front, &self.config.questions);
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
        self.entries.push(entry);
        self.written.push(Some(to_markdown(&assessment)));
    }

    /// Writes every document read, each to its own file: `-o FILE`, a file
    /// in `-o DIR`, or the assessments directory, by title.
    fn write_all(&mut self) -> Result<(), Error> {
        let to_stdout = self
            .args
            .output
            .as_deref()
            .is_some_and(|p| p.as_os_str() == "-");
        let mut taken = Taken::default();
        for (entry, text) in self.entries.iter_mut().zip(&self.written) {
            let Some(text) = text else { continue };
            let Outcome::Written { complete } = entry.outcome else {
                continue;
            };
            if to_stdout {
                entry.outcome = Outcome::Printed { complete };
                self.printed = Some(text.clone());
                continue;
            }
            let title = entry.title.as_deref().unwrap_or_default();
            let path = match &self.args.output {
                Some(dir) if dir.is_dir() => dir.join(file_name(self.config, title)),
                Some(file) => file.clone(),
                None => self.config.default_path(title),
            };
            // Two documents with the same title in one run get their own files.
            let path = taken.claim(path);
            entry.output = Some(path.clone());
            if self.args.dry_run {
                entry.outcome = Outcome::DryRun { complete };
                continue;
            }
            match write_atomically(&path, text, WriteMode::new_file(self.args.force)) {
                Ok(()) => {}
                Err(WriteError::Exists(_)) => entry.outcome = Outcome::NotWritten(Reason::Exists),
                Err(err) => {
                    entry.message = Some(err.to_string());
                    entry.outcome = Outcome::NotWritten(Reason::Failed(err.to_string()));
                }
            }
        }
        Ok(())
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
    to_assessment_from(imported, &Document::default(), title)
}

/// As [`to_assessment`], with what the document's wrapper said (author,
/// date, labels, milestone, a blog's other front-matter keys).
pub fn to_assessment_from(imported: &Imported, doc: &Document, title: &str) -> Assessment {
    let at = Pos::default();
    let mut front = FrontMatter {
        title: Some(Located::new(title.to_string(), at)),
        author: doc.author.clone().map(|a| Located::new(a, at)),
        created: Some(Located::new(doc.created.unwrap_or_else(Date::today), at)),
        labels: doc
            .labels
            .iter()
            .map(|l| Located::new(l.clone(), at))
            .collect(),
        milestone: doc.milestone.clone().map(|m| Located::new(m, at)),
        extra: doc.extra.clone(),
        ..FrontMatter::default()
    };
    let status = match imported.decision {
        Some(Decision::Go | Decision::NoGo) if !imported.mostly_unplaced() => Status::Decided,
        _ => Status::Draft,
    };
    front.status = Some(Located::new(status, at));
    front.answers_pos = Some(at);
    for (key, text) in &imported.answers {
        front.set_answer(key, format!("{}\n", text.trim_end()));
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
                .as_ref()
                .map(|r| Located::new(format!("{}\n", r.trim_end()), at)),
            conditions: imported
                .conditions
                .iter()
                .map(|c| Located::new(c.clone(), at))
                .collect(),
            ..Recommendation::default()
        });
    }
    let notes = if imported.mostly_unplaced() {
        format!("{}\n\n{}", mostly_unplaced_note(), imported.notes)
    } else {
        imported.notes.clone()
    };
    Assessment::new(front, notes)
}

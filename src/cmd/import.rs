//! `mrd import FILE|-`: an existing Markdown issue as an assessment file, with
//! the same safety rules as `mrd new` (never replaces without `--force`,
//! writes atomically) and a report of what matched which question.

use std::io::Write;

use crate::assessment::{
    self, Assessment, ConfidenceEntry, Decision, FrontMatter, Located, Recommendation, Status,
    WriteMode, to_markdown, write_atomically,
};
use crate::cli::ImportArgs;
use crate::cmd::read;
use crate::cmd::report_written;
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome};
use crate::import::{FindingKind, Imported, import};
use crate::inputs::Input;
use crate::summary::Summary;
use crate::yaml::Pos;

pub fn run(args: &ImportArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let input = if args.input.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.input.clone())
    };
    let source = read(&input)?;
    if let Ok(split) = assessment::split(&source.text)
        && !split.yaml.trim().is_empty()
    {
        return Err(Error::Usage(format!(
            "{} starts with YAML front-matter: it is already an assessment file, so there is nothing to import (check it with `mrd lint {}`)",
            source.name, source.name
        )));
    }
    let imported = import(&source.text, &config.questions);
    let found_nothing = imported.answers.is_empty()
        && imported.decision.is_none()
        && imported.rationale.is_none()
        && imported.conditions.is_empty();
    if found_nothing {
        // Writing a file of notes only would look like an import and be none.
        return Err(Error::Usage(format!(
            "{}: no section names one of the questions, so nothing was written; a question is a heading, a bold line or a numbered line with its wording, such as `1. {}` (see `mrd questions`)",
            source.name,
            config
                .questions
                .all()
                .first()
                .map_or("", |q| q.text.as_str())
        )));
    }

    let title = args
        .title
        .clone()
        .or_else(|| imported.title.clone())
        .or_else(|| match &input {
            Input::File(path) => path
                .file_stem()
                .map(|s| title_from_file_name(&s.to_string_lossy())),
            Input::Stdin => None,
        })
        .filter(|t| !t.trim().is_empty());
    let Some(title) = title else {
        return Err(Error::Usage(
            "the issue has no `# title` heading: pass the opportunity's title with --title \"...\""
                .into(),
        ));
    };
    let assessment = to_assessment(&imported, &title);
    let text = to_markdown(&assessment);
    let summary = Summary::of(&assessment, &config.questions);

    // With `-o -` the assessment is the output, so the report moves to stderr.
    let to_stdout = args.output.as_deref().is_some_and(|p| p.as_os_str() == "-");
    let mut stderr = anstream::stderr().lock();
    let report: &mut dyn Write = if to_stdout { &mut stderr } else { out };
    print_report(report, &source.name, &imported)?;
    if !summary.unanswered.is_empty() {
        writeln!(report, "unanswered: {}", summary.unanswered.join(", "))?;
    }

    if to_stdout {
        drop(stderr);
        out.write_all(text.as_bytes())?;
    } else {
        let path = args
            .output
            .clone()
            .unwrap_or_else(|| config.default_path(&title));
        let mode = WriteMode::new_file(args.force);
        write_atomically(&path, &text, mode)?;
        report_written(out, &path, &summary)?;
    }
    // As for `mrd new`: an incomplete result is saved, and the exit code says so.
    Ok(if summary.is_complete() {
        Outcome::Success
    } else {
        Outcome::Findings
    })
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
    let at = Pos::default();
    let mut front = FrontMatter {
        title: Some(Located::new(title.to_string(), at)),
        created: Some(Located::new(Date::today(), at)),
        ..FrontMatter::default()
    };
    let status = match imported.decision {
        Some(Decision::Go | Decision::NoGo) => Status::Decided,
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
    Assessment::new(front, imported.notes.clone())
}

fn print_report(out: &mut dyn Write, name: &str, imported: &Imported) -> Result<(), Error> {
    for finding in &imported.report {
        let what = match &finding.kind {
            FindingKind::Question(n, short) => format!("question {n} ({short})"),
            FindingKind::Decision(Some(d)) => format!("decision: {d}"),
            FindingKind::Decision(None) => "no decision".to_string(),
            FindingKind::Rationale => "rationale".to_string(),
            FindingKind::Conditions => "conditions".to_string(),
            FindingKind::Notes => "notes".to_string(),
            FindingKind::Title => "title".to_string(),
            FindingKind::Unmatched => "not matched, kept in the notes".to_string(),
            FindingKind::Repeated(n) => format!("question {n} again, kept in the notes"),
            FindingKind::Skipped => "skipped (generated text)".to_string(),
        };
        writeln!(out, "{name}:{}: {what}: {}", finding.line, finding.excerpt)?;
    }
    Ok(())
}

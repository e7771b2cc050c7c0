//! `mrd lint`: the checks that decide whether an assessment is complete.
//!
//! The rules' identities and documentation are in the catalogue
//! (`crate::diagnostic::rules`); their checks are here, in three kinds:
//!
//! - the reading rules (MRD001, MRD002), whose findings are the problems met
//!   while reading a file (`assessment::parse`);
//! - the file rules, one check function each (`rules::FILE_CHECKS`), which
//!   look at one file;
//! - the cross-file rule, duplicate-title (MRD014), which compares files
//!   ([`titles`]).
//!
//! A [`Linter`], built once from the configuration, runs them and applies the
//! levels from `.mrd.yml`, the command line and the file's own
//! `lint: {allow: [...]}`, so a check knows nothing about files, levels or
//! output formats.

pub mod fix;
pub mod rules;
pub mod settings;
pub mod substance;
pub mod text;
pub mod titles;

use std::sync::{Arc, OnceLock};

use crate::assessment::{self, Assessment, Located, Parsed};
use crate::diagnostic::{Diagnostic, Level, Rule, rules as catalogue};
use crate::questions::QuestionSet;
use crate::source::{Pos, ReadError, Source};
use crate::yaml::{Node, Value};

pub use settings::{RuleLevel, Settings};

pub use crate::assessment::FILE_SETTINGS_KEY;

/// What a check sees of one file.
pub struct Context<'a> {
    pub source: &'a Source,
    /// The file's assessment, when its front-matter could be read.
    pub assessment: Option<&'a Assessment>,
    pub questions: &'a QuestionSet,
    /// Thresholds from `.mrd.yml` (`min_words`, `critical_questions`).
    pub settings: &'a Settings,
    /// The question set's texts prepared for question-in-answer, on first
    /// use (`Context::in_answer`): a run that allows the rule never
    /// prepares them.
    in_answer: &'a OnceLock<Arc<InAnswer>>,
}

impl Context<'_> {
    /// The question set's texts, prepared for question-in-answer.
    pub fn in_answer(&self) -> &InAnswer {
        self.in_answer
            .get_or_init(|| self.settings.in_answer.get(self.questions))
    }
}

/// The question set's texts prepared for question-in-answer.
type InAnswer = substance::question_in_answer::Questions;

/// The rules and settings a project lints with. Built once per command from
/// the configuration; every command that judges an assessment (lint, the
/// interview, new, render, summary) asks the same linter, so a rule set to
/// `allow` is allowed everywhere.
#[derive(Clone)]
pub struct Linter<'c> {
    pub questions: &'c QuestionSet,
    pub settings: &'c Settings,
    /// Taken from the settings' cache on first use: a linter asked only for
    /// completeness (the plain summary) never needs it.
    in_answer: OnceLock<Arc<InAnswer>>,
}

/// What linting one file found.
#[derive(Clone, Debug, Default)]
pub struct FileLint {
    /// In file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The title, for duplicate-title, unless the file allows that rule.
    pub title: Option<Located<String>>,
}

impl<'c> Linter<'c> {
    pub fn new(questions: &'c QuestionSet, settings: &'c Settings) -> Linter<'c> {
        Linter {
            questions,
            settings,
            in_answer: OnceLock::new(),
        }
    }

    /// Reads and lints one file's text.
    pub fn lint_source(&self, source: &Source) -> FileLint {
        let parsed = assessment::parse(source);
        self.lint(source, &parsed)
    }

    /// Lints a file already read: every rule, at the levels the settings and
    /// the file's own `lint: {allow: [...]}` give; findings in file order.
    pub fn lint(&self, source: &Source, parsed: &Parsed) -> FileLint {
        self.lint_parts(source, &parsed.problems, parsed.assessment.as_ref())
    }

    /// Lints an assessment with the problems met reading it; `source` is the
    /// text positions point into.
    pub fn lint_parts(
        &self,
        source: &Source,
        problems: &[Diagnostic],
        assessment: Option<&Assessment>,
    ) -> FileLint {
        self.run(source, problems, assessment, rules::FILE_CHECKS)
    }

    /// The findings of the completeness rules alone (missing-answer,
    /// missing-decision, missing-rationale), for a summary of what an
    /// assessment has without lint's judgment of its answers' quality.
    pub fn completeness(&self, assessment: &Assessment) -> Vec<Diagnostic> {
        let text = Source::from_text("", "");
        self.run(&text, &[], Some(assessment), rules::COMPLETENESS_CHECKS)
            .diagnostics
    }

    fn run(
        &self,
        source: &Source,
        problems: &[Diagnostic],
        assessment: Option<&Assessment>,
        checks: &[(&'static Rule, rules::Check)],
    ) -> FileLint {
        let allows = FileAllows::of(assessment);
        let mut diagnostics: Vec<Diagnostic> = Vec::new();
        for problem in problems {
            self.keep(&allows, &mut diagnostics, problem.clone());
        }
        // Mistakes in the file's own allow list are reported even if it
        // allows invalid-front-matter: it cannot silence its own typo.
        for problem in &allows.problems {
            self.keep(&FileAllows::default(), &mut diagnostics, problem.clone());
        }
        let cx = Context {
            source,
            assessment,
            questions: self.questions,
            settings: self.settings,
            in_answer: &self.in_answer,
        };
        let mut found = Vec::new();
        for (rule, check) in checks {
            if self.level(&allows, rule).is_none() {
                continue;
            }
            check(&cx, &mut found);
            for diagnostic in found.drain(..) {
                self.keep(&allows, &mut diagnostics, diagnostic);
            }
        }
        for d in &mut diagnostics {
            d.file.clone_from(&source.name);
        }
        diagnostics.sort_by_key(|d| (d.offset(), d.code()));
        let title = assessment
            .and_then(|a| a.front.title.clone())
            .filter(|_| self.level(&allows, &catalogue::DUPLICATE_TITLE).is_some());
        FileLint { diagnostics, title }
    }

    /// The level `rule` reports at in a file with these allows; `None` when
    /// it is allowed (off).
    fn level(&self, allows: &FileAllows, rule: &'static Rule) -> Option<Level> {
        if allows.codes.contains(&rule.code) {
            return None;
        }
        self.settings.level_of(rule)
    }

    fn keep(&self, allows: &FileAllows, out: &mut Vec<Diagnostic>, mut d: Diagnostic) {
        let Some(rule) = d.id.rule() else {
            out.push(d);
            return;
        };
        if let Some(level) = self.level(allows, rule) {
            d.level = level;
            out.push(d);
        }
    }

    /// A file that is not text gets a diagnostic like any other problem
    /// (invalid-front-matter, at the level the settings give), so a stray
    /// binary in the assessments directory does not stop the run. The
    /// returned source is the text with bad bytes replaced, for printing the
    /// line the first one is on.
    pub fn unreadable(&self, name: &str, err: ReadError) -> Option<(Source, Vec<Diagnostic>)> {
        let ReadError::NotUtf8 { offset, lossy } = err else {
            return None;
        };
        let source = Source::from_text(name, lossy);
        let rule = &catalogue::INVALID_FRONT_MATTER;
        let diagnostics = self
            .settings
            .level_of(rule)
            .map(|level| {
                let mut d = Diagnostic::rule(
                    rule,
                    Pos::new(offset, 1),
                    "the file is not valid UTF-8 text",
                )
                .help("assessments are UTF-8 Markdown files; save the file as UTF-8")
                .in_file(name);
                d.level = level;
                d
            })
            .into_iter()
            .collect();
        Some((source, diagnostics))
    }
}

/// The rules a file silences for itself, and any mistakes in saying so.
#[derive(Debug, Default)]
struct FileAllows {
    codes: Vec<&'static str>,
    problems: Vec<Diagnostic>,
}

impl FileAllows {
    /// Reads `lint: {allow: [MRD007, short-answer]}` from the front-matter.
    /// The parser keeps keys it does not own in `extra`, so the key survives
    /// rewrites.
    fn of(assessment: Option<&Assessment>) -> FileAllows {
        let mut out = FileAllows::default();
        let Some(assessment) = assessment else {
            return out;
        };
        let Some((_, node)) = assessment
            .front
            .extra
            .iter()
            .find(|(key, _)| key.as_str() == Some(FILE_SETTINGS_KEY))
        else {
            return out;
        };
        let help =
            "write `lint: {allow: [MRD007]}` with rule codes or names; `mrd rules` lists them";
        let problem = |pos: Pos, message: String| {
            Diagnostic::rule(&catalogue::INVALID_FRONT_MATTER, pos, message).help(help)
        };
        let entries = match &node.value {
            Value::Map(entries) => entries,
            Value::Null => return out,
            other => {
                out.problems.push(problem(
                    node.pos,
                    format!("`lint` must be a mapping, found {}", other.kind()),
                ));
                return out;
            }
        };
        for (key, value) in entries {
            if key.as_str() != Some("allow") {
                let name = key.as_text().unwrap_or_default();
                out.problems
                    .push(problem(key.pos, format!("unknown setting `lint.{name}`")));
                continue;
            }
            let items: Vec<&Node> = match &value.value {
                Value::Seq(items) => items.iter().collect(),
                Value::Null => Vec::new(),
                _ => vec![value],
            };
            for item in items {
                match item.as_text().as_deref().and_then(catalogue::find) {
                    Some(rule) => out.codes.push(rule.code),
                    None => out.problems.push(problem(
                        item.pos,
                        format!(
                            "`{}` in `lint.allow` is not a rule",
                            item.as_text().unwrap_or_default()
                        ),
                    )),
                }
            }
        }
        out
    }
}

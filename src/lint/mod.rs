//! `mrd lint`: the checks that decide whether an assessment is complete.
//!
//! Each rule has a stable code and name, a default level, documentation in a
//! fixed shape, and a check function; the registry in `rules` is the only list
//! of them. Checks report findings (position, message, help) and this module
//! turns them into diagnostics, applying the levels from `.mrd.yml`, the
//! command line and the file's own `lint: {allow: [...]}`, so a rule knows
//! nothing about files, levels or output formats.

pub mod rules;
pub mod settings;
pub mod substance;
pub mod text;
pub mod titles;

use crate::assessment::{self, Assessment, Problem};
use crate::diagnostic::{Diagnostic, Level};
use crate::questions::QuestionSet;
use crate::source::Source;
use crate::yaml::{Node, Pos, Value};

pub use settings::{RuleLevel, Settings};

/// A lint rule: identity, default level, documentation, and its check.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, `MRD001`…; never reused once published.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub level: Level,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Why it matters: the cost of leaving it as it is.
    pub why: &'static str,
    /// Front-matter that triggers the rule.
    pub example: &'static str,
    /// What to write instead.
    pub instead: &'static str,
    pub check: fn(&Context<'_>, &Settings, &mut Vec<Finding>),
}

/// What a check sees of one file.
pub struct Context<'a> {
    pub source: &'a Source,
    /// Problems met while reading the file; only the rules about reading
    /// report them.
    pub problems: &'a [Problem],
    /// The file's assessment, when its front-matter could be read.
    pub assessment: Option<&'a Assessment>,
    pub questions: &'a QuestionSet,
    /// Rule levels and thresholds from `.mrd.yml` and the command line. Every
    /// caller passes its config's settings, so a rule set to `allow` is
    /// allowed everywhere: in lint, the interview, new and the summary.
    pub settings: &'a Settings,
}

/// One finding of a check, before it is tied to a file and a level.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

impl Finding {
    pub fn new(pos: Pos, message: impl Into<String>) -> Finding {
        Finding {
            pos,
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }
}

/// The position findings about a whole file point at: its first line.
pub const FILE_START: Pos = Pos {
    line: 1,
    column: 1,
    offset: 0,
    len: 0,
};

pub use crate::assessment::FILE_SETTINGS_KEY;

/// Lints one file's text with every rule and these settings.
pub fn lint_source(
    source: &Source,
    questions: &QuestionSet,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let parsed = assessment::parse(source);
    check(&Context {
        source,
        problems: &parsed.problems,
        assessment: parsed.assessment.as_ref(),
        questions,
        settings,
    })
}

/// Runs every rule on what was read of one file, at the levels the context's
/// settings and the file's own `lint: {allow: [...]}` give; findings in file
/// order.
pub fn check(cx: &Context<'_>) -> Vec<Diagnostic> {
    let settings = cx.settings;
    let mut diagnostics = Vec::new();
    let allowed = file_allows(cx);
    if let Some(level) = settings.level_of(&rules::INVALID_FRONT_MATTER) {
        for bad in &allowed.problems {
            diagnostics.push(diagnostic(
                cx,
                &rules::INVALID_FRONT_MATTER,
                level,
                bad.clone(),
            ));
        }
    }
    let mut findings = Vec::new();
    for rule in rules::RULES {
        let Some(level) = settings.level_of(rule) else {
            continue;
        };
        if allowed.codes.contains(&rule.code) {
            continue;
        }
        (rule.check)(cx, settings, &mut findings);
        diagnostics.extend(
            findings
                .drain(..)
                .map(|finding| diagnostic(cx, rule, level, finding)),
        );
    }
    diagnostics.sort_by_key(|d| (d.pos.line, d.pos.column, d.rule.code));
    diagnostics
}

fn diagnostic(cx: &Context<'_>, rule: &'static Rule, level: Level, finding: Finding) -> Diagnostic {
    Diagnostic {
        file: cx.source.name.clone(),
        pos: finding.pos,
        rule,
        level,
        message: finding.message,
        help: finding.help,
    }
}

/// The rules a file silences for itself, and any mistakes in saying so.
#[derive(Debug, Default)]
pub struct FileAllows {
    pub codes: Vec<&'static str>,
    pub problems: Vec<Finding>,
}

/// Reads `lint: {allow: [MRD007, short-answer]}` from the front-matter. The
/// parser keeps keys it does not own in `extra`, so the key survives rewrites.
pub fn file_allows(cx: &Context<'_>) -> FileAllows {
    let mut out = FileAllows::default();
    let Some(assessment) = cx.assessment else {
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
    let help = "write `lint: {allow: [MRD007]}` with rule codes or names; `mrd rules` lists them";
    let entries = match &node.value {
        Value::Map(entries) => entries,
        Value::Null => return out,
        other => {
            out.problems.push(
                Finding::new(
                    node.pos,
                    format!("`lint` must be a mapping, found {}", other.kind()),
                )
                .help(help),
            );
            return out;
        }
    };
    for (key, value) in entries {
        if key.as_str() != Some("allow") {
            let name = key.as_text().unwrap_or_default();
            out.problems
                .push(Finding::new(key.pos, format!("unknown setting `lint.{name}`")).help(help));
            continue;
        }
        let items: Vec<&Node> = match &value.value {
            Value::Seq(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            _ => vec![value],
        };
        for item in items {
            match item.as_text().as_deref().and_then(rules::find) {
                Some(rule) => out.codes.push(rule.code),
                None => out.problems.push(
                    Finding::new(
                        item.pos,
                        format!(
                            "`{}` in `lint.allow` is not a rule",
                            item.as_text().unwrap_or_default()
                        ),
                    )
                    .help(help),
                ),
            }
        }
    }
    out
}

/// A file that is not text gets a diagnostic like any other problem, so a
/// stray binary in the assessments directory does not stop the run.
pub fn unreadable_text(file: &str, err: &crate::source::ReadError) -> Vec<Diagnostic> {
    let pos = match err {
        crate::source::ReadError::NotUtf8 { line, column } => Pos {
            line: *line,
            column: *column,
            offset: 0,
            len: 0,
        },
        crate::source::ReadError::Io(_) => FILE_START,
    };
    let rule = &rules::INVALID_FRONT_MATTER;
    vec![Diagnostic {
        file: file.to_string(),
        pos,
        rule,
        level: rule.level,
        message: err.to_string(),
        help: Some("assessments are UTF-8 Markdown files; save the file as UTF-8".into()),
    }]
}

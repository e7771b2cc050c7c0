//! `mrd lint`: the checks that decide whether an assessment is complete.
//!
//! Each rule has a stable code and name, a default level and a check function;
//! the registry in `rules` is the only list of them. Checks report findings
//! (position, message, help) and the registry turns them into diagnostics, so
//! a rule knows nothing about files, levels or output formats.

pub mod rules;

use crate::assessment::{self, Assessment, Problem};
use crate::diagnostic::{Diagnostic, Level};
use crate::questions::QuestionSet;
use crate::source::Source;
use crate::yaml::Pos;

/// A lint rule: identity, default level, and its check.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, `MRD001`…; never reused once published.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub level: Level,
    /// One line: what the rule checks.
    pub summary: &'static str,
    pub check: fn(&Context<'_>, &mut Vec<Finding>),
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

/// Lints one file's text with every rule, returning findings in file order.
pub fn lint_source(source: &Source, questions: &QuestionSet) -> Vec<Diagnostic> {
    let parsed = assessment::parse(source);
    check(&Context {
        source,
        problems: &parsed.problems,
        assessment: parsed.assessment.as_ref(),
        questions,
    })
}

/// Runs every rule on what was read of one file.
pub fn check(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut findings = Vec::new();
    for rule in rules::RULES {
        (rule.check)(cx, &mut findings);
        diagnostics.extend(findings.drain(..).map(|finding| Diagnostic {
            file: cx.source.name.clone(),
            pos: finding.pos,
            rule,
            level: rule.level,
            message: finding.message,
            help: finding.help,
        }));
    }
    diagnostics.sort_by_key(|d| (d.pos.line, d.pos.column, d.rule.code));
    diagnostics
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

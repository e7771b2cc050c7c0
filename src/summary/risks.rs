//! Risks: what in an assessment weakens its decision. Each comes from a lint
//! finding, by the rule that found it and what the finding is about: a
//! missing answer (missing-answer), no decision (missing-decision), no
//! rationale (missing-rationale), or any other finding on an answer, a
//! confidence or the recommendation (a substance finding in the words of its
//! rule's `risk`); and from the evidence itself, an answer
//! its author marked low confidence. Findings about the title, the status or
//! the file do not bear on the decision and are left out.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Level};
use crate::source::Source;

/// What kind of risk this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiskKind {
    /// A required question has no answer.
    MissingAnswer,
    /// The recommendation has no decision.
    NoDecision,
    /// A go or no-go decision with no rationale.
    NoRationale,
    /// An answer its author marked low confidence.
    LowConfidence,
    /// A lint error on an answer or the recommendation.
    LintError,
    /// A lint warning on an answer or the recommendation.
    LintWarning,
}

/// One risk to the decision.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Risk {
    pub kind: RiskKind,
    /// How much it weighs: errors make a decision unsupported, warnings make
    /// it weaker.
    pub level: Level,
    /// The question key it is about (`recommendation` for the decision).
    pub question: String,
    /// Short and in the words of a meeting: "market size missing".
    pub message: String,
    /// For lint findings: the rule's code and name, and where it points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// For lint findings: the finding's own message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Risk {
    pub fn new(kind: RiskKind, level: Level, question: &str, message: String) -> Risk {
        Risk {
            kind,
            level,
            question: question.to_string(),
            message,
            code: None,
            rule: None,
            line: None,
            column: None,
            detail: None,
        }
    }
}

/// A lint finding turned into a risk about `question`, which is called
/// `name`; `source` is the text it points into, for its line and column.
pub fn from_diagnostic(
    question: &str,
    name: &str,
    d: &Diagnostic,
    source: Option<&Source>,
) -> Risk {
    let kind = match d.level {
        Level::Error => RiskKind::LintError,
        Level::Warning => RiskKind::LintWarning,
    };
    let at = crate::output::line_column(source, d);
    // A substance finding is named as a meeting would name it ("market size
    // has no figure"); other findings by the answer and the rule.
    let message = match crate::lint::substance::doc(d.code()) {
        Some(doc) => doc.risk.to_string(),
        None => format!("{name}: {}", d.id.name().replace('-', " ")),
    };
    Risk {
        code: Some(d.code()),
        rule: Some(d.id.name()),
        line: Some(at.line),
        column: Some(at.column),
        detail: Some(d.message.clone()),
        ..Risk::new(kind, d.level, question, message)
    }
}

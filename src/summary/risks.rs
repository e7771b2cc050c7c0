//! Risks: what in an assessment weakens its decision. Some come from the
//! evidence itself (a missing answer, a low-confidence one, no decision, no
//! rationale); the others are lint findings that sit on an answer or on the
//! recommendation.
//!
//! Lint rules are added independently of this module, so a finding is tied to
//! what it is about by where it points, not by its rule: the answer or
//! confidence entry whose key is the last one at or before the finding's
//! position, or the `recommendation:` block. Findings elsewhere (the title,
//! the status, the body) do not bear on the decision and are left out.

use serde::Serialize;

use crate::assessment::FrontMatter;
use crate::diagnostic::{Diagnostic, Level};
use crate::questions::RECOMMENDATION_KEY;
use crate::yaml::Pos;

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

/// What a lint finding is about, as far as the decision is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Subject {
    /// An entry under `answers:` or `confidence:` with this key.
    Answer(String),
    /// The `recommendation:` block.
    Recommendation,
    /// Anything else: the title, the status, other keys, the body.
    Elsewhere,
}

/// Ties positions in a file to the subject they are about.
pub struct Attribution {
    /// Start of each subject's region, in file order.
    anchors: Vec<(Pos, Subject)>,
}

impl Attribution {
    pub fn new(front: &FrontMatter) -> Attribution {
        let mut anchors: Vec<(Pos, Subject)> = front
            .keys
            .iter()
            .map(|key| {
                let subject = if key.value == RECOMMENDATION_KEY {
                    Subject::Recommendation
                } else {
                    Subject::Elsewhere
                };
                (key.pos, subject)
            })
            .collect();
        anchors.extend(
            front
                .answers
                .iter()
                .map(|a| (a.key.pos, Subject::Answer(a.key.value.clone()))),
        );
        anchors.extend(
            front
                .confidence
                .iter()
                .map(|c| (c.key.pos, Subject::Answer(c.key.value.clone()))),
        );
        anchors.sort_by_key(|(pos, _)| (pos.line, pos.column));
        Attribution { anchors }
    }

    /// The subject of the region `pos` falls in. Positions that were never
    /// read from a file (line 0) belong to nothing.
    pub fn subject(&self, pos: Pos) -> Subject {
        self.anchors
            .iter()
            .rev()
            .find(|(anchor, _)| {
                anchor.line > 0 && (anchor.line, anchor.column) <= (pos.line, pos.column)
            })
            .map_or(Subject::Elsewhere, |(_, subject)| subject.clone())
    }
}

/// A lint finding turned into a risk about `question`, which is called `name`.
pub fn from_diagnostic(question: &str, name: &str, d: &Diagnostic) -> Risk {
    let kind = match d.level {
        Level::Error => RiskKind::LintError,
        Level::Warning => RiskKind::LintWarning,
    };
    let about = name;
    Risk {
        code: Some(d.rule.code),
        rule: Some(d.rule.name),
        line: Some(d.pos.line),
        column: Some(d.pos.column),
        detail: Some(d.message.clone()),
        ..Risk::new(
            kind,
            d.level,
            question,
            format!("{about}: {}", d.rule.name.replace('-', " ")),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::source::Source;

    fn at(line: u32, column: u32) -> Pos {
        Pos {
            line,
            column,
            ..Pos::default()
        }
    }

    #[test]
    fn positions_belong_to_the_last_key_before_them() {
        let text = "---\ntitle: T\nanswers:\n  problem: |\n    Pain.\n  metrics: Soon\nconfidence: {problem: low}\nrecommendation:\n  decision: go\nstatus: draft\n---\nbody\n";
        let front = parse(&Source::from_text("t.md", text))
            .assessment
            .unwrap()
            .front;
        let a = Attribution::new(&front);
        assert_eq!(a.subject(at(1, 1)), Subject::Elsewhere);
        assert_eq!(a.subject(at(2, 8)), Subject::Elsewhere);
        assert_eq!(
            a.subject(at(3, 1)),
            Subject::Elsewhere,
            "the answers: key itself"
        );
        assert_eq!(a.subject(at(5, 5)), Subject::Answer("problem".into()));
        assert_eq!(a.subject(at(6, 12)), Subject::Answer("metrics".into()));
        assert_eq!(a.subject(at(7, 1)), Subject::Elsewhere);
        assert_eq!(
            a.subject(at(7, 23)),
            Subject::Answer("problem".into()),
            "flow mapping"
        );
        assert_eq!(a.subject(at(9, 13)), Subject::Recommendation);
        assert_eq!(a.subject(at(10, 9)), Subject::Elsewhere);
    }
}

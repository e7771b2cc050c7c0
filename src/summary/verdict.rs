//! The verdict line: the decision, and every way the evidence contradicts it,
//! named rather than hidden. "GO, at risk: market size missing; metrics low
//! confidence" tells a kickoff meeting what to ask; "GO" alone would not.
//!
//! Each contradiction rule has a stable kebab-case name (in JSON output and
//! docs/summary.md) and fires on facts the summary already holds, so the same
//! verdict appears in `mrd summary`, `mrd render` and the interview.

use serde::Serialize;

use crate::assessment::{Decision, Status};
use crate::summary::risks::{Risk, RiskKind};

/// A no-go at or above this readiness deserves a second look.
pub const HIGH_READINESS: u8 = 80;
/// An undecided assessment whose evidence points reach this (70 % of 80: the
/// answers average at least medium confidence) is ready to be decided.
pub const READY_EVIDENCE: u8 = 56;
/// The verdict line names at most this many reasons; JSON has them all.
pub const REASONS_SHOWN: usize = 3;

/// Every contradiction rule: name and what it means. docs/summary.md
/// documents each, and a test checks it does.
pub const RULES: &[(&str, &str)] = &[
    (
        "go-at-risk",
        "go, but a required answer is missing, an answer has low confidence, lint found an error or a substance warning (weak market size, no differentiator, …) in an answer or the recommendation, or there is no rationale",
    ),
    (
        "no-go-high-readiness",
        "no-go, although readiness is 80 or more",
    ),
    ("no-go-unexplained", "no-go with no rationale"),
    (
        "ready-but-undecided",
        "undecided or no decision, although every required question is answered with at least medium confidence on average",
    ),
    (
        "decided-without-decision",
        "status is decided, but the decision is undecided or missing",
    ),
    (
        "text-in-notes",
        "most of the document's words are in the notes body, not in the answers, so readiness does not judge it",
    ),
];

/// One contradiction between the decision and the evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contradiction {
    /// The rule's name, from [`RULES`].
    pub rule: &'static str,
    /// The phrase in the verdict line, e.g. "at risk: market size missing".
    pub message: String,
    /// Every reason the rule fired on (the message may show only some).
    pub reasons: Vec<String>,
}

/// The decision and its contradictions, as one line and as data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Verdict {
    /// E.g. "GO, at risk: market size missing; metrics low confidence".
    pub text: String,
    pub contradictions: Vec<Contradiction>,
}

/// What the rules look at.
pub struct Facts<'a> {
    pub label: &'static str,
    pub decision: Option<Decision>,
    pub status: Option<Status>,
    pub readiness: u8,
    pub readiness_evidence: u8,
    /// Every required question is answered.
    pub all_answered: bool,
    pub risks: &'a [Risk],
    pub text_in_notes: Option<crate::summary::TextInNotes>,
}

impl Verdict {
    pub fn of(facts: &Facts<'_>) -> Verdict {
        let mut found: Vec<(&'static str, String, Vec<String>)> = Vec::new();
        let no_rationale = facts.risks.iter().any(|r| r.kind == RiskKind::NoRationale);
        match facts.decision {
            Some(Decision::Go) => {
                let reasons: Vec<String> = facts
                    .risks
                    .iter()
                    .filter(|r| weakens_a_go(r))
                    .map(|r| r.message.clone())
                    .collect();
                if !reasons.is_empty() {
                    let message = format!(", at risk: {}", shown(&reasons));
                    found.push(("go-at-risk", message, reasons));
                }
            }
            Some(Decision::NoGo) => {
                if facts.readiness >= HIGH_READINESS {
                    let message = format!(
                        " with high readiness ({}): worth a second look",
                        facts.readiness
                    );
                    let reason = format!("readiness {} of 100", facts.readiness);
                    found.push(("no-go-high-readiness", message, vec![reason]));
                }
                if no_rationale {
                    found.push((
                        "no-go-unexplained",
                        ", unexplained: no rationale".into(),
                        vec!["no rationale".into()],
                    ));
                }
            }
            Some(Decision::Undecided) | None => {
                if facts.status == Some(Status::Decided) {
                    let reason = "status is decided".to_string();
                    found.push((
                        "decided-without-decision",
                        format!(", but {reason}"),
                        vec![reason],
                    ));
                }
                if facts.all_answered && facts.readiness_evidence >= READY_EVIDENCE {
                    let reason = format!("evidence {} of 80", facts.readiness_evidence);
                    found.push((
                        "ready-but-undecided",
                        ", but the evidence is in: ready to decide".into(),
                        vec![reason],
                    ));
                }
            }
        }
        // First: it says how far to trust everything else.
        if let Some(notes) = facts.text_in_notes {
            let reason = notes.message();
            found.insert(
                0,
                ("text-in-notes", format!(", but {reason}"), vec![reason]),
            );
        }
        let mut text = facts.label.to_string();
        for (i, (_, message, _)) in found.iter().enumerate() {
            if i == 0 {
                text.push_str(message);
            } else {
                // Later phrases join with "; " rather than their own connector.
                text.push_str("; ");
                text.push_str(message.trim_start_matches(',').trim_start());
            }
        }
        Verdict {
            text,
            contradictions: found
                .into_iter()
                .map(|(rule, message, reasons)| Contradiction {
                    rule,
                    message: message.trim_start_matches(',').trim_start().to_string(),
                    reasons,
                })
                .collect(),
        }
    }

    pub fn has(&self, rule: &str) -> bool {
        self.contradictions.iter().any(|c| c.rule == rule)
    }
}

/// A go stands on its evidence: anything missing, doubted or erroneous in it
/// puts the go at risk, and so does an answer a substance rule found weak
/// (a market size with no figure, no differentiator). Other lint warnings
/// are listed among the risks but do not by themselves put a go at risk.
fn weakens_a_go(risk: &Risk) -> bool {
    match risk.kind {
        RiskKind::MissingAnswer
        | RiskKind::NoRationale
        | RiskKind::LowConfidence
        | RiskKind::LintError => true,
        RiskKind::LintWarning => risk
            .code
            .is_some_and(|code| crate::lint::substance::doc(code).is_some()),
        RiskKind::NoDecision => false,
    }
}

fn shown(reasons: &[String]) -> String {
    if reasons.len() <= REASONS_SHOWN + 1 {
        return reasons.join("; ");
    }
    format!(
        "{}; and {} more",
        reasons[..REASONS_SHOWN].join("; "),
        reasons.len() - REASONS_SHOWN
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Level;

    #[test]
    fn long_reason_lists_are_cut_with_a_count() {
        let reasons: Vec<String> = (1..=6).map(|i| format!("r{i}")).collect();
        assert_eq!(shown(&reasons), "r1; r2; r3; and 3 more");
        assert_eq!(shown(&reasons[..4]), "r1; r2; r3; r4", "never 'and 1 more'");
    }

    #[test]
    fn later_contradictions_join_with_semicolons() {
        let risks = [Risk::new(
            RiskKind::NoRationale,
            Level::Error,
            "recommendation",
            "no rationale".into(),
        )];
        let v = Verdict::of(&Facts {
            label: "NO-GO",
            decision: Some(Decision::NoGo),
            status: None,
            readiness: 90,
            readiness_evidence: 80,
            all_answered: true,
            risks: &risks,
            text_in_notes: None,
        });
        assert_eq!(
            v.text,
            "NO-GO with high readiness (90): worth a second look; unexplained: no rationale"
        );
        assert_eq!(v.contradictions[1].message, "unexplained: no rationale");
    }
}

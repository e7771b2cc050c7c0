//! The readiness score: one number from 0 to 100 for how ready an assessment
//! is to be decided on at the kickoff.
//!
//! ```text
//! readiness = evidence points (0–80) + decision points (0–20)
//! evidence points = round(80 × mean weight of the counted questions)
//! decision points = 20  go or no-go with a rationale
//!                   10  go or no-go without a rationale
//!                    0  undecided, or no decision
//! ```
//!
//! The counted questions are the required answer questions; when a team's
//! config makes none required, all answer questions count; when there are no
//! answer questions at all, the evidence points are full (nothing is missing).
//! docs/summary.md explains the choice of numbers.

use serde::Serialize;

use crate::assessment::Decision;
use crate::summary::evidence::Evidence;

/// Points for the answers' evidence.
pub const EVIDENCE_POINTS: f64 = 80.0;
/// Points for a decision that is explained.
pub const DECISION_POINTS: u8 = 20;
/// Points for a decision with no rationale.
pub const UNEXPLAINED_DECISION_POINTS: u8 = 10;

/// The score and the two parts it is the sum of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// 0–100: `evidence + decision`.
    pub score: u8,
    /// 0–80.
    pub evidence: u8,
    /// 0, 10 or 20.
    pub decision: u8,
}

impl Readiness {
    pub fn of(evidence: &[Evidence], decision: Option<Decision>, has_rationale: bool) -> Readiness {
        let required: Vec<&Evidence> = evidence.iter().filter(|e| e.required).collect();
        let counted: Vec<&Evidence> = if required.is_empty() {
            evidence.iter().collect()
        } else {
            required
        };
        let mean = if counted.is_empty() {
            1.0
        } else {
            counted.iter().map(|e| e.weight).sum::<f64>() / counted.len() as f64
        };
        // Weights are in 0..=1, so this is in 0..=80 and the cast cannot wrap.
        let evidence_points = (EVIDENCE_POINTS * mean.clamp(0.0, 1.0)).round() as u8;
        let decision_points = match decision {
            Some(Decision::Go | Decision::NoGo) if has_rationale => DECISION_POINTS,
            Some(Decision::Go | Decision::NoGo) => UNEXPLAINED_DECISION_POINTS,
            Some(Decision::Undecided) | None => 0,
        };
        Readiness {
            score: evidence_points + decision_points,
            evidence: evidence_points,
            decision: decision_points,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::evidence::Strength;

    fn evidence(strengths: &[(Strength, bool)]) -> Vec<Evidence> {
        strengths
            .iter()
            .enumerate()
            .map(|(i, (strength, required))| Evidence {
                key: format!("q{i}"),
                number: i + 1,
                short_name: format!("q{i}"),
                required: *required,
                answered: *strength != Strength::None,
                confidence: None,
                strength: *strength,
                lint_errors: 0,
                lint_warnings: 0,
                weight: strength.weight(),
            })
            .collect()
    }

    #[test]
    fn nothing_answered_and_no_decision_is_zero() {
        let e = evidence(&[(Strength::None, true); 9]);
        assert_eq!(Readiness::of(&e, None, false).score, 0);
        assert_eq!(Readiness::of(&e, Some(Decision::Undecided), true).score, 0);
    }

    #[test]
    fn all_high_with_an_explained_decision_is_a_hundred() {
        let e = evidence(&[(Strength::High, true); 9]);
        let r = Readiness::of(&e, Some(Decision::NoGo), true);
        assert_eq!((r.score, r.evidence, r.decision), (100, 80, 20));
        assert_eq!(Readiness::of(&e, Some(Decision::Go), false).score, 90);
        assert_eq!(Readiness::of(&e, None, false).score, 80);
    }

    #[test]
    fn only_required_questions_count_unless_none_is_required() {
        let e = evidence(&[(Strength::High, true), (Strength::None, false)]);
        assert_eq!(Readiness::of(&e, None, false).evidence, 80);
        let e = evidence(&[(Strength::High, false), (Strength::None, false)]);
        assert_eq!(Readiness::of(&e, None, false).evidence, 40);
        assert_eq!(Readiness::of(&[], Some(Decision::Go), true).score, 100);
    }

    #[test]
    fn evidence_points_are_the_rounded_mean_weight() {
        // (1.0 + 0.7 + 0.3) / 3 × 80 = 53.33…
        let e = evidence(&[
            (Strength::High, true),
            (Strength::Medium, true),
            (Strength::Low, true),
        ]);
        assert_eq!(Readiness::of(&e, Some(Decision::Go), true).score, 73);
    }
}

//! The confidence profile: for each question, how much evidence its answer
//! gives. An unanswered question gives none; an answered one gives as much as
//! its author vouched for, less when lint found a problem in it.
//!
//! The weights below are the readiness formula's inputs; docs/summary.md
//! documents them, and a change here is a change to that document.

use serde::Serialize;

use crate::assessment::{Confidence, FrontMatter};
use crate::questions::Question;

/// How strong one answer is as evidence, before lint is considered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Not answered: no evidence at all.
    None,
    /// Answered with confidence `low`.
    Low,
    /// Answered, but nobody said how sure they are.
    Unstated,
    /// Answered with confidence `medium`.
    Medium,
    /// Answered with confidence `high`.
    High,
}

impl Strength {
    pub fn of(answered: bool, confidence: Option<Confidence>) -> Strength {
        match (answered, confidence) {
            (false, _) => Strength::None,
            (true, None) => Strength::Unstated,
            (true, Some(Confidence::Low)) => Strength::Low,
            (true, Some(Confidence::Medium)) => Strength::Medium,
            (true, Some(Confidence::High)) => Strength::High,
        }
    }

    /// The share of a fully evidenced answer this strength is worth.
    ///
    /// An answer without a stated confidence sits between low and medium: it
    /// exists, but nobody vouched for it. A stated `low` is worth less than
    /// that, because the author has told us the answer is weak.
    pub fn weight(self) -> f64 {
        match self {
            Strength::None => 0.0,
            Strength::Low => 0.3,
            Strength::Unstated => 0.5,
            Strength::Medium => 0.7,
            Strength::High => 1.0,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Strength::None => "none",
            Strength::Low => "low",
            Strength::Unstated => "unstated",
            Strength::Medium => "medium",
            Strength::High => "high",
        }
    }
}

/// A lint warning on an answer halves what the answer is worth; a lint error
/// (a placeholder, an answer that is not one) makes it worth nothing.
pub const WARNING_FACTOR: f64 = 0.5;

/// One question's line in the confidence profile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub key: String,
    pub number: usize,
    pub short_name: String,
    pub required: bool,
    /// The answer says something (is not missing, empty or blank).
    pub answered: bool,
    pub confidence: Option<Confidence>,
    pub strength: Strength,
    /// Lint errors and warnings found in this answer or its confidence entry.
    pub lint_errors: usize,
    pub lint_warnings: usize,
    /// What this answer contributes, from 0 (no evidence) to 1 (answered with
    /// high confidence, lint clean).
    pub weight: f64,
}

impl Evidence {
    pub fn of(
        front: &FrontMatter,
        question: &Question,
        lint_errors: usize,
        lint_warnings: usize,
    ) -> Evidence {
        let answered = front.answer_text(&question.key).is_some();
        let confidence = front.confidence_of(&question.key);
        let strength = Strength::of(answered, confidence);
        let weight = if lint_errors > 0 {
            0.0
        } else if lint_warnings > 0 {
            strength.weight() * WARNING_FACTOR
        } else {
            strength.weight()
        };
        Evidence {
            key: question.key.clone(),
            number: question.number,
            short_name: question.short_name.clone(),
            required: question.required,
            answered,
            confidence,
            strength,
            lint_errors,
            lint_warnings,
            weight,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_low_confidence_is_worth_less_than_unstated() {
        let order = [
            Strength::None,
            Strength::Low,
            Strength::Unstated,
            Strength::Medium,
            Strength::High,
        ];
        for pair in order.windows(2) {
            assert!(pair[0].weight() < pair[1].weight(), "{pair:?}");
        }
        assert_eq!(Strength::of(false, Some(Confidence::High)), Strength::None);
    }
}

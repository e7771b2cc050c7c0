//! The go/no-go summary of an assessment: the decision and the evidence
//! behind it. `mrd summary`, `mrd render` and the interview's last screen all
//! use this one computation, so they never disagree.

use serde::Serialize;

use crate::assessment::{Confidence, Decision, FrontMatter, Status};
use crate::questions::QuestionSet;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub title: Option<String>,
    pub status: Option<Status>,
    pub decision: Option<Decision>,
    /// Required answer questions that have a non-blank answer.
    pub answered: usize,
    /// Required answer questions in the active set.
    pub required: usize,
    /// Keys of the required questions still unanswered, in question order.
    pub unanswered: Vec<String>,
    /// Keys of the answers marked low confidence, in question order.
    pub low_confidence: Vec<String>,
}

impl Summary {
    pub fn of(front: &FrontMatter, questions: &QuestionSet) -> Summary {
        let unanswered: Vec<String> = front
            .unanswered(questions)
            .into_iter()
            .map(|q| q.key.clone())
            .collect();
        let required = questions.required_answers().count();
        let low_confidence = questions
            .answer_questions()
            .filter(|q| front.confidence_of(&q.key) == Some(Confidence::Low))
            .map(|q| q.key.clone())
            .collect();
        Summary {
            title: front.title_text().map(str::to_string),
            status: front.status.as_ref().map(|s| s.value),
            decision: front.decision(),
            answered: required - unanswered.len(),
            required,
            unanswered,
            low_confidence,
        }
    }

    /// The decision as people say it in a meeting.
    pub fn decision_label(&self) -> &'static str {
        match self.decision {
            Some(Decision::Go) => "GO",
            Some(Decision::NoGo) => "NO-GO",
            Some(Decision::Undecided) => "UNDECIDED",
            None => "NO DECISION",
        }
    }

    pub fn is_complete(&self) -> bool {
        self.unanswered.is_empty() && self.decision.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::source::Source;

    #[test]
    fn counts_required_answers_and_reads_the_decision() {
        let text = "---\ntitle: T\nanswers:\n  problem: Pain.\n  target_market: '  '\nconfidence:\n  problem: low\nrecommendation:\n  decision: go\n---\n";
        let front = parse(&Source::from_text("t.md", text)).assessment.unwrap().front;
        let summary = Summary::of(&front, &QuestionSet::builtin());
        assert_eq!((summary.answered, summary.required), (1, 9));
        assert_eq!(summary.unanswered[0], "target_market");
        assert_eq!(summary.low_confidence, ["problem"]);
        assert_eq!(summary.decision_label(), "GO");
        assert!(!summary.is_complete());
    }
}

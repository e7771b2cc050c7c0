//! MRD004: the recommendation makes no decision.

use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::MISSING_DECISION};
use crate::lint::Context;
use crate::source::Pos;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    if front.decision().is_some()
        || front.is_invalid("recommendation")
        || front.is_invalid("recommendation.decision")
    {
        return;
    }
    let number = cx.questions.recommendation().map_or(0, |q| q.number);
    let pos = front.recommendation.as_ref().map_or(Pos::START, |r| r.pos);
    out.push(
        Diagnostic::rule(
            &MISSING_DECISION,
            pos,
            format!("question {number} (go or no-go) has no decision"),
        )
        .help(
            "add `recommendation:` with `decision: go`, `no-go` or `undecided`, and a `rationale:`",
        )
        .about(Subject::Recommendation(RecommendationPart::Decision)),
    );
}

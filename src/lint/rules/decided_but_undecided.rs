//! MRD008: the status says decided, the decision says undecided.

use crate::assessment::{Decision, Status};
use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::DECIDED_BUT_UNDECIDED};
use crate::lint::Context;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    let decided = front
        .status
        .as_ref()
        .is_some_and(|s| s.value == Status::Decided);
    let decision = front
        .recommendation
        .as_ref()
        .and_then(|r| r.decision.as_ref());
    if let Some(decision) = decision
        && decided
        && decision.value == Decision::Undecided
    {
        out.push(
            Diagnostic::rule(
                &DECIDED_BUT_UNDECIDED,
                decision.pos,
                "the status is `decided` but the decision is `undecided`",
            )
            .help("decide `go` or `no-go`, or set `status: review` until you do")
            .about(Subject::Recommendation(RecommendationPart::Decision)),
        );
    }
}

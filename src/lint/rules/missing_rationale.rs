//! MRD009: a decision with no reason given.

use crate::assessment::Decision;
use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::MISSING_RATIONALE};
use crate::lint::Context;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(recommendation) = cx.assessment.and_then(|a| a.front.recommendation.as_ref()) else {
        return;
    };
    let Some(decision) = &recommendation.decision else {
        return;
    };
    if decision.value == Decision::Undecided
        || cx
            .assessment
            .is_some_and(|a| a.front.is_invalid("recommendation.rationale"))
    {
        return;
    }
    let stated = recommendation
        .rationale
        .as_ref()
        .is_some_and(|r| !r.value.trim().is_empty());
    if !stated {
        let pos = recommendation
            .rationale
            .as_ref()
            .map_or(decision.pos, |r| r.pos);
        out.push(
            Diagnostic::rule(
                &MISSING_RATIONALE,
                pos,
                format!("the `{}` decision has no rationale", decision.value),
            )
            .help("add `rationale:` under `recommendation:` saying why, weighing the answers above")
            .about(Subject::Recommendation(RecommendationPart::Rationale)),
        );
    }
}

//! MRD010: a go that rests on a critical answer nobody is sure of.

use crate::assessment::{Confidence, Decision};
use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::RISKY_GO};
use crate::lint::Context;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let settings = cx.settings;
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    let Some(decision) = front
        .recommendation
        .as_ref()
        .and_then(|r| r.decision.as_ref())
    else {
        return;
    };
    if decision.value != Decision::Go {
        return;
    }
    for key in &settings.critical {
        let Some(question) = cx.questions.get(key) else {
            continue;
        };
        let why = if front.answer_text(key).is_none() {
            "has no answer"
        } else if front.confidence_of(key) == Some(Confidence::Low) {
            "is marked low confidence"
        } else {
            continue;
        };
        out.push(
            Diagnostic::rule(
                &RISKY_GO,
                decision.pos,
                format!(
                    "`go` while question {} ({}) {why}",
                    question.number, question.short_name
                ),
            )
            .help(format!(
                "firm up `{key}` before deciding, or make the decision `undecided` with conditions"
            ))
            .about(Subject::Recommendation(RecommendationPart::Decision)),
        );
    }
}

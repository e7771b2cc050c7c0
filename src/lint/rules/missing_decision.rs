//! MRD004: the recommendation makes no decision.

use crate::diagnostic::Level;
use crate::lint::{Context, FILE_START, Finding, Rule};

pub static RULE: Rule = Rule {
    code: "MRD004",
    name: "missing-decision",
    level: Level::Error,
    summary: "The recommendation has no decision (go, no-go or undecided).",
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
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
    let pos = front.recommendation.as_ref().map_or(FILE_START, |r| r.pos);
    out.push(
        Finding::new(
            pos,
            format!("question {number} (go or no-go) has no decision"),
        )
        .help(
            "add `recommendation:` with `decision: go`, `no-go` or `undecided`, and a `rationale:`",
        ),
    );
}

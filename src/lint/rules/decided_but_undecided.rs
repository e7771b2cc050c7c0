//! MRD008: the status says decided, the decision says undecided.

use crate::assessment::{Decision, Status};
use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD008",
    name: "decided-but-undecided",
    level: Level::Error,
    summary: "The status is `decided` but the decision is `undecided`.",
    why: r#"Summaries and dashboards trust `status: decided` to mean a go or no-go was made. An undecided decision under that status reports a decision that was never taken."#,
    example: r#"status: decided
recommendation:
  decision: undecided"#,
    instead: r#"status: review          # still deciding
recommendation:
  decision: undecided
or decide: `decision: go` or `no-go`, with a rationale."#,
    check,
};

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
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
            Finding::new(
                decision.pos,
                "the status is `decided` but the decision is `undecided`",
            )
            .help("decide `go` or `no-go`, or set `status: review` until you do"),
        );
    }
}

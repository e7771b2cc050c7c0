//! MRD009: a decision with no reason given.

use crate::assessment::Decision;
use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD009",
    name: "missing-rationale",
    level: Level::Error,
    summary: "A go or no-go decision has no `rationale`, or it is empty.",
    why: r#"A decision without its reasons cannot be reviewed, challenged or revisited when the facts change; the rationale is what a reader checks the nine answers against."#,
    example: r#"recommendation:
  decision: go"#,
    instead: r#"recommendation:
  decision: go
  rationale: |
    The problem is frequent and costly, and our install base makes this an
    upgrade rather than a migration."#,
    check,
};

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
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
            Finding::new(
                pos,
                format!("the `{}` decision has no rationale", decision.value),
            )
            .help(
                "add `rationale:` under `recommendation:` saying why, weighing the answers above",
            ),
        );
    }
}

//! MRD010: a go that rests on a critical answer nobody is sure of.

use crate::assessment::{Confidence, Decision};
use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD010",
    name: "risky-go",
    level: Level::Warning,
    summary: "The decision is `go` while a critical question (problem, target_market, differentiator by default) has low confidence or no answer.",
    why: r#"Some answers carry the decision: if the problem is not real, the market not identified, or we have no reason to win, nothing else matters. A go with one of those unanswered or marked low confidence is a bet the reader should see called out."#,
    example: r#"answers:
  differentiator: We are passionate about it.
confidence:
  differentiator: low
recommendation:
  decision: go"#,
    instead: r#"Firm the answer up until you can mark it medium or high, or make the go
conditional:
recommendation:
  decision: undecided
  conditions: [Confirm with three design partners that our install base matters to them.]
The critical questions are `lint: {critical_questions: [...]}` in .mrd.yml."#,
    check,
};

fn check(cx: &Context<'_>, settings: &Settings, out: &mut Vec<Finding>) {
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
            Finding::new(
                decision.pos,
                format!(
                    "`go` while question {} ({}) {why}",
                    question.number, question.short_name
                ),
            )
            .help(format!(
                "firm up `{key}` before deciding, or make the decision `undecided` with conditions"
            )),
        );
    }
}

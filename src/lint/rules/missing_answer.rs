//! MRD003: a required question has no answer.

use crate::diagnostic::Level;
use crate::lint::{Context, FILE_START, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD003",
    name: "missing-answer",
    level: Level::Error,
    summary: "A required question is not answered, or its answer is empty or only whitespace.",
    why: r#"An assessment decides whether a problem is worth solving by answering every question; an unanswered question is usually the one nobody wanted to face, and a decision taken without it is a guess."#,
    example: r#"answers:
  problem: ""
  # target_market is not there at all"#,
    instead: r#"answers:
  problem: |
    Teams lose a day a month to failed cron jobs nobody notices.
  target_market: |
    Data engineers at 20-500 person companies who self-host their pipelines."#,
    check,
};

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    for question in front.unanswered(cx.questions) {
        if front.is_invalid(&format!("answers.{}", question.key)) || front.is_invalid("answers") {
            continue;
        }
        let (pos, what) = match front.answer(&question.key) {
            Some(answer) => (answer.key.pos, "is empty"),
            None => (front.answers_pos.unwrap_or(FILE_START), "is missing"),
        };
        out.push(
            Finding::new(
                pos,
                format!(
                    "the answer to question {} ({}) {what}",
                    question.number, question.short_name
                ),
            )
            .help(format!(
                "answer `{}`: {} (`mrd edit` asks each unanswered question)",
                question.key, question.text
            )),
        );
    }
}

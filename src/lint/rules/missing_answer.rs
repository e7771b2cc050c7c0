//! MRD003: a required question has no answer.

use crate::diagnostic::{Diagnostic, Subject, rules::MISSING_ANSWER};
use crate::lint::Context;
use crate::source::Pos;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
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
            None => (front.answers_pos.unwrap_or(Pos::START), "is missing"),
        };
        out.push(
            Diagnostic::rule(
                &MISSING_ANSWER,
                pos,
                format!(
                    "the answer to question {} ({}) {what}",
                    question.number, question.short_name
                ),
            )
            .help(format!(
                "answer `{}`: {} (`mrd edit` asks each unanswered question)",
                question.key, question.text
            ))
            .about(Subject::Answer(question.key.clone())),
        );
    }
}

//! MRD007: an answer too short to be an answer.

use super::placeholder_answer::placeholder_kind;
use crate::diagnostic::{Diagnostic, Subject, rules::SHORT_ANSWER};
use crate::lint::Context;
use crate::lint::text::word_count;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let settings = cx.settings;
    let Some(assessment) = cx.assessment else {
        return;
    };
    for answer in &assessment.front.answers {
        let text = &answer.text.value;
        // Counting stops at the minimum: long answers cost nothing more.
        let words = word_count(text, settings.min_words);
        let question = cx.questions.get(&answer.key.value);
        // Empty answers and placeholders have rules of their own.
        if words == 0 || words >= settings.min_words || placeholder_kind(text, question).is_some() {
            continue;
        }
        out.push(
            Diagnostic::rule(
                &SHORT_ANSWER,
                answer.text.pos,
                format!(
                    "the answer to `{}` has {words} word{}, fewer than {}",
                    answer.key.value,
                    if words == 1 { "" } else { "s" },
                    settings.min_words
                ),
            )
            .help(match question {
                Some(q) => format!("a strong answer: {}", q.guidance.trim()),
                None => "say who, how many, compared with what".to_string(),
            })
            .about(Subject::Answer(answer.key.value.clone())),
        );
    }
}

//! MRD013: a key `mrd` does not know, usually a typo.

use crate::assessment::{RECOMMENDATION_KEYS, TOP_LEVEL_KEYS};
use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::UNKNOWN_KEY};
use crate::lint::Context;
use crate::source::Pos;
use crate::suggest::did_you_mean;

fn unknown(key: &str, pos: Pos, place: &str, known: &[&str], subject: Subject) -> Diagnostic {
    let finding = Diagnostic::rule(&UNKNOWN_KEY, pos, format!("unknown key `{key}`{place}"));
    match did_you_mean(key, known.iter().copied()) {
        Some(near) => finding.help(format!("did you mean `{near}`?")),
        None => finding.help(format!("known keys here: {}", known.join(", "))),
    }
    .about(subject)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    for (key, _) in &front.extra {
        let name = key.as_text().unwrap_or_default();
        if !TOP_LEVEL_KEYS.contains(&name.as_str()) {
            out.push(unknown(&name, key.pos, "", TOP_LEVEL_KEYS, Subject::File));
        }
    }
    let question_keys: Vec<&str> = cx
        .questions
        .answer_questions()
        .map(|q| q.key.as_str())
        .collect();
    for answer in &front.answers {
        if !question_keys.contains(&answer.key.value.as_str()) {
            out.push(unknown(
                &answer.key.value,
                answer.key.pos,
                " in `answers`",
                &question_keys,
                Subject::Answer(answer.key.value.clone()),
            ));
        }
    }
    for entry in &front.confidence {
        if !question_keys.contains(&entry.key.value.as_str()) {
            out.push(unknown(
                &entry.key.value,
                entry.key.pos,
                " in `confidence`",
                &question_keys,
                Subject::Confidence(entry.key.value.clone()),
            ));
        }
    }
    if let Some(recommendation) = &front.recommendation {
        for (key, _) in &recommendation.extra {
            out.push(unknown(
                &key.as_text().unwrap_or_default(),
                key.pos,
                " in `recommendation`",
                RECOMMENDATION_KEYS,
                Subject::Recommendation(RecommendationPart::Block),
            ));
        }
    }
}

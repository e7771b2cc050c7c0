//! MRD013: a key `mrd` does not know, usually a typo.

use crate::assessment::{RECOMMENDATION_KEYS, TOP_LEVEL_KEYS};
use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::UNKNOWN_KEY};
use crate::lint::Context;
use crate::questions::QuestionSet;
use crate::source::Pos;
use crate::suggest::did_you_mean;

fn unknown(key: &str, pos: Pos, place: &str, known: &[&str], subject: Subject) -> Diagnostic {
    let finding = Diagnostic::rule(&UNKNOWN_KEY, pos, format!("unknown key `{key}`{place}"));
    match closest(key, known) {
        Some(near) => finding.help(format!("did you mean `{near}`?")),
        None => finding.help(format!("known keys here: {}", known.join(", "))),
    }
    .about(subject)
}

/// The key a misspelt `key` about `subject` most likely means, among the keys
/// known in its place: what the finding's help suggests, and what the
/// rename fix (`lint::fix`) writes.
pub fn suggestion(key: &str, subject: &Subject, questions: &QuestionSet) -> Option<String> {
    let question_keys: Vec<&str>;
    let known: &[&str] = match subject {
        Subject::Answer(_) | Subject::Confidence(_) => {
            question_keys = questions
                .answer_questions()
                .map(|q| q.key.as_str())
                .collect();
            &question_keys
        }
        Subject::Recommendation(_) => RECOMMENDATION_KEYS,
        _ => TOP_LEVEL_KEYS,
    };
    closest(key, known).map(str::to_string)
}

/// The known key `key` is nearest to: the same key written in another case
/// or with `-` for `_`, or a near miss.
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let loose = key.to_lowercase().replace(['-', ' '], "_");
    known
        .iter()
        .copied()
        .find(|k| *k == loose)
        .or_else(|| did_you_mean(key, known.iter().copied()))
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

//! MRD011: success metrics with nothing to measure.

use crate::diagnostic::{Diagnostic, Subject, rules::UNMEASURABLE_METRICS};
use crate::lint::Context;
use crate::lint::substance::{self, Words};

/// The question whose answer must be measurable.
const KEY: &str = "metrics";

/// Whether `text` states a target: a number with a unit or %, a comparison
/// against today, or a date. Versions (v1, 2.0), labels (phase 2, question
/// 3), list numbers and years alone are not targets; an answer in a language
/// the word lists do not cover is not judged, so it passes.
pub fn is_measurable(text: &str, words: &Words) -> bool {
    substance::metrics::check(text, words).is_none()
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(KEY)) else {
        return;
    };
    if cx.questions.get(KEY).is_none() || answer.text.value.trim().is_empty() {
        return;
    }
    let Some(weakness) = substance::metrics::check(&answer.text.value, &cx.settings.words) else {
        return;
    };
    out.push(
        Diagnostic::rule(&UNMEASURABLE_METRICS, answer.text.pos, weakness.message)
            .help(substance::metrics::DOC.help)
            .about(Subject::Answer(KEY.to_string())),
    );
}

#[cfg(test)]
mod tests {
    use super::is_measurable;
    use crate::lint::substance::Words;

    #[test]
    fn targets_are_measurable_and_names_are_not() {
        let words = Words::builtin();
        assert!(is_measurable("5% by 2027", &words));
        assert!(is_measurable("Double the weekly users", &words));
        assert!(is_measurable("Twenty paying schools by September", &words));
        assert!(!is_measurable("Users will love it.", &words));
        assert!(
            !is_measurable("Someone tends to it", &words),
            "`one` inside a word is not a number"
        );
        assert!(
            !is_measurable("Qualitative for v1: she actively uses it", &words),
            "a version is not a target (issue 16)"
        );
        assert!(!is_measurable("1. Adoption\n2. Retention", &words));
        assert!(!is_measurable("Revenue growth in 2027.", &words));
        assert!(
            is_measurable("Qualitatif pour la v1 : elle l'utilise activement.", &words),
            "an answer the English lists cannot read is not judged"
        );
    }
}

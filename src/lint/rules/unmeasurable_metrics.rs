//! MRD011: success metrics with nothing to measure.

use crate::diagnostic::Level;
use crate::lint::substance::{self, Words};
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD011",
    name: "unmeasurable-metrics",
    level: Level::Warning,
    summary: "The `metrics` answer has no target: no number with a unit or %, no comparison against today, no date. Versions (v1, 2.0), labels (phase 2, question 3), list numbers and years alone do not count.",
    why: r#""More engagement" cannot be checked, so it can never fail; a metric becomes one when it has a baseline, a target and a date, and only then can the team learn whether the bet paid off."#,
    example: r#"answers:
  metrics: Users will love it and engagement will go up."#,
    instead: r#"answers:
  metrics: |
    Weekly active schedules from 0 to 1,500 within 90 days of launch; 5% of
    active installs on the paid tier by 2027-06-30."#,
    check,
};

/// The question whose answer must be measurable.
const KEY: &str = "metrics";

/// Whether `text` states a target: a number with a unit or %, a comparison
/// against today, or a date. Versions (v1, 2.0), labels (phase 2, question
/// 3), list numbers and years alone are not targets; an answer in a language
/// the word lists do not cover is not judged, so it passes.
pub fn is_measurable(text: &str, words: &Words) -> bool {
    substance::metrics::check(text, words).is_none()
}

fn check(cx: &Context<'_>, settings: &Settings, out: &mut Vec<Finding>) {
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(KEY)) else {
        return;
    };
    if cx.questions.get(KEY).is_none() || answer.text.value.trim().is_empty() {
        return;
    }
    let Some(weakness) = substance::metrics::check(&answer.text.value, &settings.words) else {
        return;
    };
    out.push(
        Finding::new(answer.text.pos, weakness.message)
            .help("give the metric, today's baseline, a target and a date, e.g. \"from 0 to 1,500 weekly users by 2027-03-31\""),
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

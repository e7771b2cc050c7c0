//! MRD011: success metrics with nothing to measure.

use crate::diagnostic::{Diagnostic, Subject, rules::UNMEASURABLE_METRICS};
use crate::lint::Context;

/// The question whose answer must be measurable.
const KEY: &str = "metrics";

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "fifty", "hundred", "thousand", "million", "billion", "half", "double",
    "twice", "triple", "percent", "quarter", "dozen",
];

/// Whether `text` states anything that can be measured.
pub fn is_measurable(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        || text
            .split(|c: char| !c.is_alphabetic())
            .any(|word| NUMBER_WORDS.iter().any(|n| word.eq_ignore_ascii_case(n)))
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(KEY)) else {
        return;
    };
    if cx.questions.get(KEY).is_none()
        || answer.text.value.trim().is_empty()
        || is_measurable(&answer.text.value)
    {
        return;
    }
    out.push(
        Diagnostic::rule(&UNMEASURABLE_METRICS, answer.text.pos, "the metrics answer has nothing measurable")
            .help("give the metric, today's baseline, a target and a date, e.g. \"from 0 to 1,500 weekly users by 2027-03-31\"")
            .about(Subject::Answer(KEY.to_string())),
    );
}

#[cfg(test)]
mod tests {
    use super::is_measurable;

    #[test]
    fn numbers_dates_and_number_words_are_measurable() {
        assert!(is_measurable("5% by 2027"));
        assert!(is_measurable("Double the weekly users"));
        assert!(!is_measurable("Users will love it."));
        assert!(
            !is_measurable("Someone tends to it"),
            "`one` inside a word is not a number"
        );
    }
}

//! MRD011 unmeasurable-metrics, made right: a metrics answer needs a target,
//! a number with a unit or %, a comparison against today, or a date.
//!
//! The old check passed any digit, so "Qualitative for v1" passed on the 1.
//! Now version tokens (v1, 2.0), labels (phase 2, question 3, Tier 2), list
//! numbers and years alone do not count; numbers in words do ("twenty
//! paying schools", "three percent"), and so do `metrics.comparisons`
//! ("double", "by half"), `metrics.deadlines` ("end of the quarter") and
//! `metrics.rates` ("an hour a day").
//!
//! The rule's check on a file is `lint::rules::unmeasurable_metrics`.

use super::lexicon::Lexicon;
use super::numbers::Kind;
use super::phrases::Phrases;
use super::scan::Vocabulary;
use super::{RuleDoc, Weakness, Words, lacking, one_line};
use crate::diagnostic::rules;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::UNMEASURABLE_METRICS,
    question: Some("metrics"),
    help: "give the metric, today's baseline, a target and a date, e.g. \"from 0 to 1,500 weekly users by 2027-03-31\"",
    risk: "metrics have no target",
};

#[derive(Clone, Debug)]
pub(super) struct Lists {
    targets: Phrases,
    vague: Phrases,
}

impl Lists {
    pub(super) fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Lists {
        let list = |name: &str| lexicon.list("metrics", name);
        Lists {
            targets: Phrases::new(
                vocabulary,
                &[list("comparisons"), list("deadlines"), list("rates")],
            ),
            vague: Phrases::new(vocabulary, &[list("vague")]),
        }
    }
}

/// Why the metrics `text` has no target, if it has none.
pub fn check(text: &str, words: &Words) -> Option<Weakness> {
    let words = words.compiled();
    let lists = &words.metrics;
    let scan = words.scan(text);
    let mut misleading = None;
    for q in words.numbers.read(&scan) {
        if q.is_figure() || q.kind == Kind::Date {
            return None;
        }
        if misleading.is_none() && matches!(q.kind, Kind::Version | Kind::Label | Kind::Year) {
            misleading = Some(q);
        }
    }
    if lists.targets.first(&scan).is_some() {
        return None;
    }
    let general =
        "the metrics answer has no target: no number with a unit or %, comparison or date";
    let weakness = lacking(words, &scan, &lists.vague, general)?;
    Some(match misleading {
        Some(q) => {
            let span = scan.span(q.first, q.end - 1);
            let what = match q.kind {
                Kind::Version => "a version",
                Kind::Year => "a year on its own",
                _ => "a label",
            };
            Weakness {
                message: format!(
                    "{general} (\"{}\" is {what}, not a target)",
                    one_line(&text[span.clone()])
                ),
                span: Some(span),
            }
        }
        None => weakness,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> Option<String> {
        check(text, &Words::builtin()).map(|w| w.message)
    }

    #[test]
    fn versions_labels_and_years_are_not_targets() {
        assert_eq!(
            message("Qualitative for v1: she actively uses it").as_deref(),
            Some(
                "the metrics answer has no target: no number with a unit or %, comparison or date (\"v1\" is a version, not a target)"
            )
        );
        assert!(message("1. Adoption\n2. Retention\n3. Revenue").is_some());
        assert!(message("See question 3: the market will tell us.").is_some());
        assert!(
            message("Revenue growth in 2027.")
                .unwrap()
                .contains("\"2027\" is a year on its own")
        );
    }

    #[test]
    fn figures_comparisons_and_dates_are_targets() {
        assert_eq!(
            message("Before v2: 30 paying clinics and churn under 5% a month."),
            None
        );
        assert_eq!(message("Twenty paying schools by September."), None);
        assert_eq!(message("Double weekly active sellers by 2027."), None);
        assert_eq!(message("Save each dispatcher an hour a day."), None);
        assert_eq!(
            message("Every pilot ward uses it by the end of the quarter."),
            None
        );
    }

    #[test]
    fn other_languages_are_not_judged() {
        assert_eq!(
            message("Qualitatif pour la v1 : elle l'utilise activement."),
            None
        );
        assert_eq!(message("Mehr Anmeldungen und zufriedene Kunden."), None);
    }
}

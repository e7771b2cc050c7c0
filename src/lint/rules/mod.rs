//! The checks of the file rules, one module each; their codes, names and
//! documentation are in the catalogue (`crate::diagnostic::rules`).

mod decided_but_undecided;
mod markdown_in_answer;
mod missing_answer;
mod missing_decision;
mod missing_rationale;
mod missing_title;
mod placeholder_answer;
mod risky_go;
mod short_answer;
mod solution_not_problem;
mod substance;
mod unknown_key;
pub use unknown_key::suggestion as suggested_key;
mod unmeasurable_metrics;

use super::Context;
use crate::diagnostic::{Diagnostic, Rule, rules as catalogue};

pub use placeholder_answer::placeholder_kind;
pub use solution_not_problem::solution_opening;
pub use unmeasurable_metrics::is_measurable;

/// A file rule's check: the findings of one rule in one file.
pub type Check = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// Every rule that looks at one file, in code order, with its check.
pub static FILE_CHECKS: &[(&Rule, Check)] = &[
    (&catalogue::MISSING_ANSWER, missing_answer::check),
    (&catalogue::MISSING_DECISION, missing_decision::check),
    (&catalogue::MISSING_TITLE, missing_title::check),
    (&catalogue::PLACEHOLDER_ANSWER, placeholder_answer::check),
    (&catalogue::SHORT_ANSWER, short_answer::check),
    (
        &catalogue::DECIDED_BUT_UNDECIDED,
        decided_but_undecided::check,
    ),
    (&catalogue::MISSING_RATIONALE, missing_rationale::check),
    (&catalogue::RISKY_GO, risky_go::check),
    (
        &catalogue::UNMEASURABLE_METRICS,
        unmeasurable_metrics::check,
    ),
    (
        &catalogue::SOLUTION_NOT_PROBLEM,
        solution_not_problem::check,
    ),
    (&catalogue::UNKNOWN_KEY, unknown_key::check),
    (&catalogue::MARKDOWN_IN_ANSWER, markdown_in_answer::check),
    (&catalogue::WEAK_MARKET_SIZE, substance::weak_market_size),
    (&catalogue::EVERYONE_MARKET, substance::everyone_market),
    (&catalogue::NO_DIFFERENTIATOR, substance::no_differentiator),
    (
        &catalogue::WHY_NOW_WITHOUT_CHANGE,
        substance::why_now_without_change,
    ),
    (
        &catalogue::QUESTION_IN_ANSWER,
        substance::question_in_answer,
    ),
    (&catalogue::WEAK_RATIONALE, substance::weak_rationale),
];

/// The rules that say whether an assessment is complete, which a summary
/// without lint's judgment of the answers still needs.
pub static COMPLETENESS_CHECKS: &[(&Rule, Check)] = &[
    (&catalogue::MISSING_ANSWER, missing_answer::check),
    (&catalogue::MISSING_DECISION, missing_decision::check),
    (&catalogue::MISSING_RATIONALE, missing_rationale::check),
];

/// The rules whose findings are the problems met reading a file.
pub static READING_RULES: &[&Rule] = &[
    &catalogue::INVALID_FRONT_MATTER,
    &catalogue::MISSING_FRONT_MATTER,
];

/// The rules that compare files, run once every file is linted.
pub static CROSS_FILE_RULES: &[&Rule] = &[&catalogue::DUPLICATE_TITLE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_in_the_catalogue_is_checked_exactly_once() {
        let mut checked: Vec<&str> = FILE_CHECKS
            .iter()
            .map(|(rule, _)| rule.code)
            .chain(READING_RULES.iter().map(|r| r.code))
            .chain(CROSS_FILE_RULES.iter().map(|r| r.code))
            .collect();
        checked.sort_unstable();
        let catalogue: Vec<&str> = catalogue::RULES.iter().map(|r| r.code).collect();
        assert_eq!(checked, catalogue);
    }
}

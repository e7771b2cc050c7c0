//! The registry: every rule `mrd lint` knows, in code order. Codes are never
//! renamed or reused; a retired rule keeps its code out of use.

mod decided_but_undecided;
mod duplicate_title;
mod invalid_front_matter;
mod markdown_in_answer;
mod missing_answer;
mod missing_decision;
mod missing_front_matter;
mod missing_rationale;
mod missing_title;
mod placeholder_answer;
mod risky_go;
mod short_answer;
mod solution_not_problem;
mod unknown_key;
mod unmeasurable_metrics;

use super::Rule;

pub use duplicate_title::RULE as DUPLICATE_TITLE;
pub use invalid_front_matter::RULE as INVALID_FRONT_MATTER;
pub use placeholder_answer::placeholder_kind;
pub use solution_not_problem::solution_opening;
pub use unknown_key::TOP_LEVEL_KEYS;
pub use unmeasurable_metrics::is_measurable;

pub static RULES: &[&Rule] = &[
    &invalid_front_matter::RULE,
    &missing_front_matter::RULE,
    &missing_answer::RULE,
    &missing_decision::RULE,
    &missing_title::RULE,
    &placeholder_answer::RULE,
    &short_answer::RULE,
    &decided_but_undecided::RULE,
    &missing_rationale::RULE,
    &risky_go::RULE,
    &unmeasurable_metrics::RULE,
    &solution_not_problem::RULE,
    &unknown_key::RULE,
    &duplicate_title::RULE,
    &markdown_in_answer::RULE,
];

/// The rule with this code (`MRD003`, any case) or name (`missing-answer`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    let wanted = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(wanted) || r.name == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let codes: HashSet<_> = RULES.iter().map(|r| r.code).collect();
        let names: HashSet<_> = RULES.iter().map(|r| r.name).collect();
        assert_eq!(codes.len(), RULES.len());
        assert_eq!(names.len(), RULES.len());
        for rule in RULES {
            assert!(
                rule.code.len() == 6 && rule.code.starts_with("MRD"),
                "{}",
                rule.code
            );
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
        }
    }

    #[test]
    fn rules_are_listed_in_code_order() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_rule_is_documented_in_the_fixed_shape() {
        for rule in RULES {
            for (section, text) in [
                ("summary", rule.summary),
                ("why", rule.why),
                ("example", rule.example),
                ("instead", rule.instead),
            ] {
                assert!(!text.trim().is_empty(), "{} has no {section}", rule.code);
            }
        }
    }

    #[test]
    fn published_codes_keep_their_names() {
        let published: Vec<_> = RULES
            .iter()
            .map(|r| format!("{} {}", r.code, r.name))
            .collect();
        assert_eq!(
            published,
            [
                "MRD001 invalid-front-matter",
                "MRD002 missing-front-matter",
                "MRD003 missing-answer",
                "MRD004 missing-decision",
                "MRD005 missing-title",
                "MRD006 placeholder-answer",
                "MRD007 short-answer",
                "MRD008 decided-but-undecided",
                "MRD009 missing-rationale",
                "MRD010 risky-go",
                "MRD011 unmeasurable-metrics",
                "MRD012 solution-not-problem",
                "MRD013 unknown-key",
                "MRD014 duplicate-title",
                "MRD015 markdown-in-answer",
            ]
        );
    }
}

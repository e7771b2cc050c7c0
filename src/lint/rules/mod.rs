//! The registry: every rule `mrd lint` knows, in code order.

mod invalid_front_matter;
mod missing_answer;
mod missing_decision;
mod missing_front_matter;
mod missing_title;

use super::Rule;

pub use invalid_front_matter::RULE as INVALID_FRONT_MATTER;

pub static RULES: &[&Rule] = &[
    &invalid_front_matter::RULE,
    &missing_front_matter::RULE,
    &missing_answer::RULE,
    &missing_decision::RULE,
    &missing_title::RULE,
];

/// The rule with this code (`MRD003`) or name (`missing-answer`).
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
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
}

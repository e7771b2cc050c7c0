//! MRD019 why-now-without-change: a why-now answer that names no change,
//! event, trend, deadline or date, nothing that makes now different from
//! two years ago.
//!
//! Any date counts (a year, a month next to a number or after "by", Q3, an
//! ISO date), and so does any phrase of `why_now.changes` ("dropped",
//! "since", "no longer", "this year", "regulation"). What is left is a
//! reason that was as true two years ago: "nobody has solved it", "customers
//! need it".

use super::lexicon::Lexicon;
use super::numbers::Kind;
use super::phrases::Phrases;
use super::scan::Vocabulary;
use super::{RuleDoc, Weakness, Words, lacking};
use crate::diagnostic::rules;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::WHY_NOW_WITHOUT_CHANGE,
    question: Some("market_window"),
    help: "name what changed (technology, regulation, a competitor, customer behaviour) and when, and what happens if we wait a year",
    risk: "why-now names no change",
};

#[derive(Clone, Debug)]
pub(super) struct Lists {
    changes: Phrases,
    non_reasons: Phrases,
}

impl Lists {
    pub(super) fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Lists {
        Lists {
            changes: Phrases::new(vocabulary, &[lexicon.list("why_now", "changes")]),
            non_reasons: Phrases::new(vocabulary, &[lexicon.list("why_now", "non_reasons")]),
        }
    }
}

/// Why the why-now `text` is weak, if it is.
pub fn check(text: &str, words: &Words) -> Option<Weakness> {
    let words = words.compiled();
    let lists = &words.why_now;
    let scan = words.scan(text);
    let changed = lists.changes.first(&scan).is_some()
        || words
            .numbers
            .read(&scan)
            .any(|q| matches!(q.kind, Kind::Year | Kind::Date));
    if changed {
        return None;
    }
    lacking(
        words,
        &scan,
        &lists.non_reasons,
        "the why-now answer names no change, event, trend or date that makes now different",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weak(text: &str) -> bool {
        check(text, &Words::builtin()).is_some()
    }

    #[test]
    fn reasons_that_were_always_true_are_weak() {
        assert!(weak(
            "Nobody seems to have a solution for this problem right now"
        ));
        assert!(weak("First-mover advantage."));
        assert!(weak(
            "Honestly, no particular reason: it just seems like a good idea."
        ));
    }

    #[test]
    fn changes_and_dates_are_a_why_now() {
        assert!(!weak("The EU Accessibility Act applies from 28 June 2025."));
        assert!(!weak(
            "Our biggest competitor was acquired and is sunsetting its SMB plan."
        ));
        assert!(!weak("The Twitter API is no longer free."));
        assert!(!weak(
            "The NHS is retiring the old e-referral API in March."
        ));
    }

    #[test]
    fn other_languages_are_not_judged() {
        assert!(!weak(
            "Personne ne semble avoir de solution à ce problème pour l'instant."
        ));
        assert!(!weak("Porque los clientes lo necesitan."));
    }
}

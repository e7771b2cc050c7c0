//! MRD021 weak-rationale: the rationale of a go or no-go, checked like an
//! answer. One that only restates the decision or a feeling ("Yes —
//! pursue.", "Gut feeling says yes.") gives a reviewer nothing to check the
//! nine answers against.
//!
//! The rationale is weak when fewer than `weak_rationale.min_reasons` of its
//! words carry a reason: words that are neither function words
//! (`language.words`) nor decision, approval or feeling words
//! (`weak_rationale.empty`). Numbers count as reasons. An undecided
//! recommendation is carried by its conditions, so its rationale is not
//! judged; a missing rationale is MRD009's.

use super::lexicon::Lexicon;
use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};
use super::{RuleDoc, Weakness, Words, opening};
use crate::assessment::Decision;
use crate::diagnostic::rules;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::WEAK_RATIONALE,
    question: Some("recommendation"),
    help: "say why, in terms of the answers above: the evidence that decided it and the risk you accept",
    risk: "rationale gives no reason",
};

#[derive(Clone, Debug)]
pub(super) struct Lists {
    min_reasons: usize,
    function_words: Phrases,
    empty: Phrases,
}

impl Lists {
    pub(super) fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Lists {
        Lists {
            min_reasons: lexicon.number("weak_rationale", "min_reasons") as usize,
            function_words: Phrases::new(vocabulary, &[lexicon.list("language", "words")]),
            empty: Phrases::new(vocabulary, &[lexicon.list("weak_rationale", "empty")]),
        }
    }
}

impl Lists {
    /// The words of the answer that carry a reason, counted up to
    /// `min_reasons`, and the decision and feeling words beside them.
    /// Single letters are never reasons.
    fn count(&self, scan: &Scan<'_>) -> (usize, usize) {
        let (mut reasons, mut empty) = (0, 0);
        let mut i = 0;
        while let Some(token) = scan.get(i) {
            if self.empty.is_word(scan, i) {
                empty += 1;
            } else if !self.function_words.is_word(scan, i)
                && (token.digit || scan.word(i).chars().count() > 1)
            {
                reasons += 1;
                if reasons >= self.min_reasons {
                    break;
                }
            }
            i += 1;
        }
        (reasons, empty)
    }
}

/// Why the rationale `text` of a `decision` is weak, if it is. Empty
/// rationales and undecided recommendations are not this rule's.
pub fn check(text: &str, decision: Decision, words: &Words) -> Option<Weakness> {
    if decision == Decision::Undecided || text.trim().is_empty() {
        return None;
    }
    let words = words.compiled();
    let lists = &words.weak_rationale;
    let scan = words.scan(text);
    let (reasons, empty) = lists.count(&scan);
    if reasons >= lists.min_reasons || !words.language.judges(&scan, empty) {
        return None;
    }
    Some(Weakness {
        message: format!(
            "the `{decision}` rationale gives no reason (\"{}\")",
            opening(text, 8)
        ),
        span: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weak(text: &str, decision: Decision) -> bool {
        check(text, decision, &Words::builtin()).is_some()
    }

    #[test]
    fn restating_the_decision_is_weak() {
        assert!(weak("Yes — pursue.", Decision::Go));
        assert!(weak("No-go. Not worth it.", Decision::NoGo));
        assert!(weak("+1", Decision::Go));
        assert_eq!(
            check("Yes — pursue.", Decision::Go, &Words::builtin())
                .unwrap()
                .message,
            "the `go` rationale gives no reason (\"Yes — pursue.\")"
        );
    }

    #[test]
    fn short_reasons_are_enough() {
        assert!(!weak(
            "Go. Payback within 9 months on conservative assumptions.",
            Decision::Go
        ));
        assert!(!weak(
            "No-go: 300 clinics is too small a market to fund a team.",
            Decision::NoGo
        ));
    }

    #[test]
    fn undecided_empty_and_other_languages_are_not_judged() {
        assert!(!weak("Waiting on the pilot.", Decision::Undecided));
        assert!(!weak("  ", Decision::Go));
        assert!(!weak("Oui — on y va.", Decision::Go));
        assert!(!weak("Vamos.", Decision::Go));
    }
}

//! MRD016 weak-market-size: a market size with no count of customers, users
//! or companies, and no money figure.
//!
//! A count is a number (in digits or words) of at least
//! `market_size.min_count`, not tied to another number ("12 of our 20",
//! `market_size.joins`) and not of a duration, a rate or a demand signal
//! (`market_size.not_counts`: "15 tickets", "6 hours"); money is a number
//! with a currency or a revenue word. Versions, labels, years,
//! percentages alone and orders of magnitude ("millions") are neither.

use super::lexicon::Lexicon;
use super::numbers::Kind;
use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};
use super::{RuleDoc, Weakness, Words, lacking};
use crate::diagnostic::rules;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::WEAK_MARKET_SIZE,
    question: Some("market_size"),
    help: "count the customers, users or companies who would buy, or give a money figure, and say where it comes from",
    risk: "market size has no figure",
};

#[derive(Clone, Debug)]
pub(super) struct Lists {
    min_count: f64,
    not_counts: Phrases,
    joins: Phrases,
    vague: Phrases,
}

impl Lists {
    pub(super) fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Lists {
        let mut list = |name: &str| Phrases::new(vocabulary, &[lexicon.list("market_size", name)]);
        Lists {
            min_count: lexicon.number("market_size", "min_count") as f64,
            not_counts: list("not_counts"),
            joins: list("joins"),
            vague: list("vague"),
        }
    }

    /// Whether the number that ends before word `end` counts a market: it
    /// is not tied to another number, and the next two words are not a
    /// duration, a rate or a demand signal.
    fn counts_people(&self, scan: &Scan<'_>, end: usize) -> bool {
        // Only the next two words matter, within the number's clause: read
        // no further (finding where the clause ends would read the rest of
        // it, for every number; issue 16's cost budget).
        let clause_at = |j: usize| scan.get(j).is_none_or(|t| t.clause);
        if clause_at(end) {
            return true;
        }
        if self.joins.at(scan, end).is_some() {
            return false;
        }
        let stop = if clause_at(end + 1) { end + 1 } else { end + 2 };
        self.not_counts.hits(scan, end..stop).next().is_none()
    }
}

/// Why the market size `text` is weak, if it is.
pub fn check(text: &str, words: &Words) -> Option<Weakness> {
    let words = words.compiled();
    let lists = &words.market_size;
    let scan = words.scan(text);
    let sized = words.numbers.read(&scan).any(|q| match q.kind {
        Kind::Money => true,
        Kind::Count => q.value >= lists.min_count && lists.counts_people(&scan, q.end),
        _ => false,
    });
    if sized {
        return None;
    }
    lacking(
        words,
        &scan,
        &lists.vague,
        "the market size gives no count of customers, users or companies, and no money figure",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weak(text: &str) -> bool {
        check(text, &Words::builtin()).is_some()
    }

    #[test]
    fn counts_and_money_are_a_size() {
        assert!(weak("Two (maybe more) shops in the Twin Cities."));
        assert!(!weak("Roughly forty thousand dental clinics in the EU."));
        assert!(!weak("Our 3 biggest customers would pay $240k a year."));
        assert!(!weak("5k farms."));
    }

    #[test]
    fn rates_magnitudes_and_labels_are_not() {
        assert!(weak("Support gets about 15 tickets a week about it."));
        assert!(weak("Came up in 12 of our last 20 sales calls."));
        assert!(!weak("Estimated 300 hospitals in Germany."));
        assert!(weak("Growing 20% year over year."));
        assert!(weak("Lots of freelancers. Probably millions worldwide."));
        assert!(weak("Version 2 would open this to 3 more verticals."));
        assert!(weak("In 2024 we saw a lot of demand."));
    }

    #[test]
    fn other_languages_are_not_judged() {
        assert!(!weak("Deux boutiques (peut-être plus) à Lyon."));
        assert!(!weak("Riesig, und der Markt wächst."));
    }
}

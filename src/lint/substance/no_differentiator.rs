//! MRD018 no-differentiator: the answer says we have no edge ("nothing
//! special", "no special aptitude"), or names only strengths any team would
//! claim ("passionate team", "high quality", "great UX").
//!
//! Saying there is none counts unless the answer also gives a figure
//! ("not much on tech, but 25k paying teams"). Generic strengths count only
//! when nothing specific stands beside them: no figure, no named asset
//! (`no_differentiator.assets`: patents, an install base, contracts…), and
//! no name (a capitalised word that does not start a sentence: "Stripe",
//! "NHS").

use std::collections::HashSet;

use super::lexicon::Lexicon;
use super::numbers::Kind;
use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};
use super::{RuleDoc, Weakness, Words, one_line, quoting};
use crate::diagnostic::rules;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::NO_DIFFERENTIATOR,
    question: Some("differentiator"),
    help: "name what we have that the alternatives lack (users, data, distribution, expertise, technology), or say honestly that we have nothing yet",
    risk: "no differentiator",
};

const NONE: usize = 0;
const GENERIC: usize = 1;

/// How many words may stand between a negation and the edge it denies
/// ("no *particular* edge", "not *really* better").
const NEGATION_REACH: usize = 3;

#[derive(Clone, Debug)]
pub(super) struct Lists {
    claims: Phrases,
    assets: Phrases,
    negations: Phrases,
    edges: Phrases,
    refusals: Phrases,
    /// Function words and hedges ("honestly"), passed over before a refusal.
    lead_in: Phrases,
    /// Every word of the generic phrases, lowercase: a capitalised "UX" in
    /// "great UX" is part of the claim, not a name.
    generic_words: HashSet<Box<str>>,
}

impl Lists {
    pub(super) fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Lists {
        let generic = lexicon.list("no_differentiator", "generic");
        let none = lexicon.list("no_differentiator", "none");
        Lists {
            claims: Phrases::new(vocabulary, &[none, generic]),
            assets: Phrases::new(vocabulary, &[lexicon.list("no_differentiator", "assets")]),
            negations: Phrases::new(
                vocabulary,
                &[lexicon.list("no_differentiator", "negations")],
            ),
            edges: Phrases::new(vocabulary, &[lexicon.list("no_differentiator", "edges")]),
            refusals: Phrases::new(vocabulary, &[lexicon.list("no_differentiator", "refusals")]),
            lead_in: Phrases::new(
                vocabulary,
                &[
                    lexicon.list("language", "words"),
                    lexicon.list("no_differentiator", "hedges"),
                ],
            ),
            generic_words: generic
                .iter()
                .flat_map(|entry| entry.trim_end_matches('*').split([' ', '-']))
                .filter(|word| !word.is_empty())
                .map(Into::into)
                .collect(),
        }
    }
}

/// Why the differentiator `text` is weak, if it is.
pub fn check(text: &str, words: &Words) -> Option<Weakness> {
    let words = words.compiled();
    let lists = &words.no_differentiator;
    let scan = words.scan(text);
    // A figure is something specific: read up to the first one before
    // looking for claims.
    if words.numbers.read(&scan).any(|q| q.kind != Kind::Vague) {
        return None;
    }
    let mut none = None;
    let mut generic = Vec::new();
    for hit in lists.claims.hits(&scan, ..) {
        match hit.list {
            NONE => none = none.or(Some(hit)),
            GENERIC => generic.push(hit),
            _ => unreachable!("two lists"),
        }
    }
    if none.is_none() {
        none = lists.denied_edge(&scan).or_else(|| lists.refusal(&scan));
        // Found by structure, not by a listed phrase: anything specific in
        // the answer outweighs it ("nothing else on the market talks to
        // Epic").
        if none.is_some() && (lists.assets.first(&scan).is_some() || has_name(&scan, lists)) {
            none = None;
        }
    }
    if none.is_none() && generic.is_empty() {
        return None;
    }
    let weakness = if let Some(hit) = none {
        quoting(&scan, &hit, |quote| {
            format!("the differentiator says there is none (\"{quote}\")")
        })
    } else {
        if lists.assets.first(&scan).is_some() || has_name(&scan, lists) {
            return None;
        }
        let quotes: Vec<String> = generic
            .iter()
            .take(3)
            .map(|hit| format!("\"{}\"", one_line(&text[hit.span(&scan)])))
            .collect();
        Weakness {
            message: format!(
                "the differentiator names only strengths any team would claim ({})",
                quotes.join(", ")
            ),
            span: Some(generic[0].span(&scan)),
        }
    };
    let evidence = generic.len() + usize::from(none.is_some());
    words.language.judges(&scan, evidence).then_some(weakness)
}

impl Lists {
    /// A negation with an edge word after it in its clause, at most
    /// `NEGATION_REACH` words on: "no particular edge over the big players".
    fn denied_edge(&self, scan: &Scan<'_>) -> Option<super::phrases::Hit> {
        self.negations.hits(scan, ..).find_map(|negation| {
            let clause = scan.clause_end(negation.first);
            let reach = (negation.end + NEGATION_REACH + 1).min(clause);
            self.edges
                .hits(scan, negation.end..reach)
                .next()
                .map(|edge| super::phrases::Hit {
                    end: edge.end,
                    ..negation
                })
        })
    }

    /// A refusal as the answer's first word of substance: "Honestly,
    /// nothing yet.", "None."
    fn refusal(&self, scan: &Scan<'_>) -> Option<super::phrases::Hit> {
        let mut i = 0;
        loop {
            if let Some(refusal) = self.refusals.at(scan, i) {
                return Some(refusal);
            }
            i = self.lead_in.at(scan, i)?.end;
        }
    }
}

/// Whether the answer names something: a capitalised word of three letters
/// or more that does not start a clause or list item, and is not part of a
/// generic claim ("Stripe", "NHS", "Epic").
fn has_name(scan: &Scan<'_>, lists: &Lists) -> bool {
    (1..scan.count()).any(|i| {
        let word = scan.word(i);
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        let clause = scan.get(i).is_some_and(|t| t.clause);
        if clause || !starts_upper || word.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return false;
        }
        let lower = word.to_lowercase();
        let pronoun = lower.starts_with("i'") || lower.starts_with("i’");
        !pronoun && !lists.generic_words.contains(lower.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> Option<String> {
        check(text, &Words::builtin()).map(|w| w.message)
    }

    #[test]
    fn saying_there_is_none_is_weak() {
        assert_eq!(
            message("I don't have any special aptitude for this").as_deref(),
            Some("the differentiator says there is none (\"don't have any special\")")
        );
        assert_eq!(
            message("Honestly, not much on tech, but 25k paying teams."),
            None
        );
    }

    #[test]
    fn generic_strengths_alone_are_weak() {
        assert_eq!(
            message("Passionate team and great UX.").as_deref(),
            Some(
                "the differentiator names only strengths any team would claim (\"Passionate\", \"great UX\")"
            )
        );
        assert_eq!(
            message("Great UX, and our founders built the billing engine at Stripe."),
            None
        );
        assert_eq!(
            message("High quality, and the only lab with ISO accreditation."),
            None
        );
        assert_eq!(
            message("Passionate team aside, our 40,000-member network."),
            None
        );
        assert_eq!(message("Nobody else has our dataset of claims."), None);
    }

    #[test]
    fn other_languages_are_not_judged() {
        assert_eq!(message("Une équipe passionnée et une excellente UX."), None);
        assert_eq!(message("Ich habe keine besondere Eignung dafür."), None);
    }

    #[test]
    fn a_denied_edge_or_a_refusal_is_none_by_its_structure() {
        assert_eq!(
            message("We have no particular edge over the big players.").as_deref(),
            Some("the differentiator says there is none (\"no particular edge\")")
        );
        assert_eq!(
            message("Honestly, nothing yet.").as_deref(),
            Some("the differentiator says there is none (\"nothing yet\")")
        );
        for specific in [
            "No other vendor holds the NHS DSPT certification we got in 2024.",
            "Nothing else on the market integrates with Epic and Cerner both.",
            "No setup: the plugin ships inside the accounting package our customers already use.",
        ] {
            assert_eq!(message(specific), None, "{specific}");
        }
    }
}

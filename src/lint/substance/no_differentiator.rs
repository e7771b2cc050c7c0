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
use super::{Answer, RuleDoc, Weakness, Words};
use crate::diagnostic::Level;

pub static DOC: RuleDoc = RuleDoc {
    code: "MRD018",
    name: "no-differentiator",
    level: Level::Warning,
    question: Some("differentiator"),
    summary: "The `differentiator` answer says we have no edge, or names only strengths any team would claim (passion, quality, great UX).",
    why: r#"Every competitor is passionate and believes its UX is great. If the answer names nothing the alternatives lack (users, data, distribution, expertise, technology), the assessment has no reason to expect us to win, and the go rests on hope."#,
    example: r#"answers:
  differentiator: Passionate, experienced team and great UX."#,
    instead: r#"answers:
  differentiator: |
    Our Android SDK is in 3,100 apps, so we reach these users without buying
    distribution; the two competitors would have to pay for every install."#,
    help: "name what we have that the alternatives lack (users, data, distribution, expertise, technology), or say honestly that we have nothing yet",
    risk: "no differentiator",
};

const NONE: usize = 0;
const GENERIC: usize = 1;

#[derive(Clone, Debug)]
pub(super) struct Lists {
    claims: Phrases,
    /// The claims' first words: without one, the answer makes no claim.
    prefilter: Phrases,
    assets: Phrases,
    /// Every word of the generic phrases: a capitalised "UX" in "great UX"
    /// is part of the claim, not a name.
    generic_words: HashSet<Box<str>>,
}

impl Lists {
    pub(super) fn new(lexicon: &Lexicon) -> Lists {
        let generic = lexicon.list("no_differentiator", "generic");
        let none = lexicon.list("no_differentiator", "none");
        Lists {
            claims: Phrases::new(&[none, generic]),
            prefilter: Phrases::first_words(&[none, generic]),
            assets: Phrases::new(&[lexicon.list("no_differentiator", "assets")]),
            generic_words: generic
                .iter()
                .flat_map(|entry| entry.trim_end_matches('*').split_whitespace())
                .map(|word| word.trim_matches('-').into())
                .collect(),
        }
    }
}

/// Why the differentiator `text` is weak, if it is.
pub fn check(text: &str, words: &Words) -> Option<Weakness> {
    let words = words.compiled();
    let lists = &words.no_differentiator;
    // A figure anywhere, or no claim at all, settles it before folding.
    let has_figure = |text: &str| words.numbers.read(text).any(|q| q.kind != Kind::Vague);
    if has_figure(text) || lists.prefilter.first(text).is_none() {
        return None;
    }
    let answer = Answer::new(text);
    let folded = &answer.folded;
    let mut none = None;
    let mut generic = Vec::new();
    for hit in lists.claims.hits(folded) {
        match hit.list {
            NONE => none = none.or(Some(hit)),
            GENERIC => generic.push(hit),
            _ => unreachable!("two lists"),
        }
    }
    if none.is_none() && generic.is_empty() {
        return None;
    }
    if has_figure(folded) {
        return None;
    }
    let weakness = if let Some(hit) = none {
        answer.quoting(hit.start..hit.end, |quote| {
            format!("the differentiator says there is none (\"{quote}\")")
        })
    } else {
        if lists.assets.first(folded).is_some() || has_name(text, lists) {
            return None;
        }
        let quotes: Vec<String> = generic
            .iter()
            .take(3)
            .map(|hit| format!("\"{}\"", answer.quote(hit.start..hit.end).0))
            .collect();
        let first = generic[0];
        Weakness {
            message: format!(
                "the differentiator names only strengths any team would claim ({})",
                quotes.join(", ")
            ),
            span: Some(answer.quote(first.start..first.end).1),
        }
    };
    let evidence = generic.len() + usize::from(none.is_some());
    words.language.judges(folded, evidence).then_some(weakness)
}

/// Whether `text` names something: a capitalised word of three letters or
/// more that does not start a sentence or list item, and is not part of a
/// generic claim ("Stripe", "NHS", "Epic").
fn has_name(text: &str, lists: &Lists) -> bool {
    let mut sentence_start = true;
    for word in text.split_whitespace() {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let starts = sentence_start;
        sentence_start = word.ends_with(['.', '!', '?', ':', ';'])
            || matches!(word, "-" | "*" | "+" | "•" | "—" | "–");
        let Some(first) = core.chars().next() else {
            continue;
        };
        if starts || !first.is_uppercase() || core.chars().filter(|c| c.is_alphabetic()).count() < 3
        {
            continue;
        }
        let lower = core.to_lowercase();
        let pronoun = lower.starts_with("i'") || lower.starts_with("i’");
        if !pronoun && !lists.generic_words.contains(lower.as_str()) {
            return true;
        }
    }
    false
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
}

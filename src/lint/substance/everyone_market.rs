//! MRD017 everyone-market: a target market of everyone, all users, all
//! segments, or "anyone who…".
//!
//! Two kinds of evidence. Phrases that always mean everyone ("all
//! segments", "the general public") fire unless negated ("not all users"),
//! used as a denominator ("4% of all users") or followed by an exclusion
//! ("all users except free-tier accounts"). Pronouns ("everyone",
//! "anyone who") are often narrowed, so they fire only when nothing narrows
//! them: no figure anywhere in the answer, no scope after them ("everyone
//! on the team"), no negation or clause word before them ("where everyone
//! shares one inbox"), and no exclusion in their clause ("anyone with a
//! CRM is out of scope").

use super::lexicon::Lexicon;
use super::phrases::{Hit, Phrases};
use super::scan::{Scan, Vocabulary};
use super::skim::{self, Skim};
use super::{RuleDoc, Weakness, Words, quoting};
use crate::diagnostic::rules;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::EVERYONE_MARKET,
    question: Some("target_market"),
    help: "name the segment that hurts most (role, company size, industry, situation) and say who is not the target",
    risk: "target market is everyone",
};

/// Lists read as one automaton: which list a hit is from.
const PHRASE: usize = 0;
const PRONOUN: usize = 1;

#[derive(Clone, Debug)]
pub(super) struct Lists {
    targets: Phrases,
    negations: Phrases,
    clause_words: Phrases,
    scopes: Phrases,
    exclusions: Phrases,
    shares: Phrases,
    quantifiers: Phrases,
    audiences: Phrases,
    broad: Phrases,
    everywhere: Phrases,
    partitives: Phrases,
    /// The words without one of which no finding is possible: a word of
    /// each target phrase, and a quantifier that opens a clause or follows
    /// a partitive, as `bare_audience` needs (an answer of at most four
    /// words may be a bare audience without them).
    skim: Skim,
}

/// How many words may stand between a quantifier and its audience ("every
/// *small* business"), or follow "of all" ("of all *skill levels*").
const MODIFIERS: usize = 2;

/// How far after a phrase its exclusion may start: right after it, or after
/// a word ("all customers *apart from* …", "all users, *but not* …").
const EXCLUSION_GAP: usize = 2;

impl Lists {
    pub(super) fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Lists {
        let list = |name: &str| lexicon.list("everyone_market", name);
        let mut one = |name: &str| Phrases::new(vocabulary, &[list(name)]);
        let negations = one("negations");
        let clause_words = one("clause_words");
        let scopes = one("scopes");
        let exclusions = one("exclusions");
        let shares = one("shares");
        let quantifiers = one("quantifiers");
        let audiences = one("audiences");
        let broad = one("broad");
        let everywhere = one("everywhere");
        let partitives = one("partitives");
        Lists {
            skim: Skim::with_opening(
                &[list("phrases"), list("pronouns")],
                &[list("quantifiers")],
                list("partitives"),
            ),
            partitives,
            quantifiers,
            audiences,
            broad,
            everywhere,
            targets: Phrases::new(vocabulary, &[list("phrases"), list("pronouns")]),
            negations,
            clause_words,
            scopes,
            exclusions,
            shares,
        }
    }
}

impl Lists {
    /// A bare audience, found by the structure of the answer rather than a
    /// listed phrase: the words that show it.
    fn bare_audience(&self, scan: &Scan<'_>) -> Option<Hit> {
        let words = scan.count();
        // "Global consumers.", "People.": nothing but audience and broad words.
        let mut i = 0;
        let mut audience = None;
        while i < words {
            if let Some(hit) = self.audiences.at(scan, i) {
                audience = audience.or(Some(hit));
                i = hit.end;
            } else if let Some(hit) = self.broad.at(scan, i) {
                i = hit.end;
            } else {
                break;
            }
        }
        if let Some(hit) = audience.filter(|_| i == words && words <= 4) {
            return Some(Hit {
                first: 0,
                end: words,
                ..hit
            });
        }
        for start in (0..words).filter(|&i| i == 0 || scan.get(i).is_some_and(|t| t.clause)) {
            let end = scan.clause_end(start);
            if let Some(hit) = self
                .quantified(scan, start, end)
                .or_else(|| self.of_all(scan, start, end))
            {
                return Some(hit);
            }
        }
        None
    }

    /// "All developers.", "Every small business.", "Any team, anywhere.":
    /// the clause `start..end` is a quantifier, at most `MODIFIERS` words
    /// and an audience, then nothing, or only "anywhere".
    fn quantified(&self, scan: &Scan<'_>, start: usize, end: usize) -> Option<Hit> {
        let quantifier = self.quantifiers.at(scan, start)?;
        let last = (quantifier.end + MODIFIERS).min(end.saturating_sub(1));
        let audience = (quantifier.end..=last)
            .filter_map(|i| self.audiences.at(scan, i))
            .find(|hit| {
                hit.end == end
                    || self
                        .everywhere
                        .at(scan, hit.end)
                        .is_some_and(|place| place.end == end)
            })?;
        Some(Hit {
            first: start,
            end: audience.end,
            ..quantifier
        })
    }

    /// "Users of all skill levels.", "Businesses of every size, from…": an
    /// audience opening the clause, then "of" and a quantifier with at most
    /// `MODIFIERS` more words before the clause or a comma ends it.
    fn of_all(&self, scan: &Scan<'_>, start: usize, end: usize) -> Option<Hit> {
        let audience = self.audiences.at(scan, start)?;
        let of = self.partitives.at(scan, audience.end)?;
        if of.end >= end {
            return None;
        }
        let of = of.end - 1;
        let quantifier = self.quantifiers.at(scan, of + 1)?;
        let last = (quantifier.end..end)
            .take_while(|&i| i == quantifier.end || !comma_before(scan, i))
            .last()
            .unwrap_or(quantifier.end);
        (last < quantifier.end + MODIFIERS + 1).then_some(Hit {
            first: start,
            end: last + 1,
            ..quantifier
        })
    }
}

/// Whether a comma stands between word `i - 1` and word `i`.
fn comma_before(scan: &Scan<'_>, i: usize) -> bool {
    i > 0 && {
        let gap = scan.span(i - 1, i);
        let previous = scan.word(i - 1).len();
        scan.text[gap.start + previous..gap.end].contains(',')
    }
}

/// Why the target market `text` is weak, if it is.
pub fn check(text: &str, words: &Words) -> Option<Weakness> {
    let words = words.compiled();
    let lists = &words.everyone_market;
    // Most answers name no target phrase or quantifier and are longer than
    // a bare audience: said so without reading them into words. Every
    // finding below needs a `targets` hit, or `bare_audience`'s: at most
    // four words, or a quantifier opening a clause or after a partitive.
    if !lists.skim.may_hold(text) && skim::more_words_than(text, 4) {
        return None;
    }
    read(text, words)
}

/// `check` after the skim: the answer read into words.
fn read(text: &str, words: &super::Compiled) -> Option<Weakness> {
    let lists = &words.everyone_market;
    let scan = words.scan(text);
    let mut figures = None;
    for hit in lists.targets.hits(&scan, ..) {
        let window = hit
            .first
            .saturating_sub(3)
            .max(scan.clause_start(hit.first))..hit.first;
        if lists.negations.hits(&scan, window.clone()).next().is_some() {
            continue;
        }
        let everyone = match hit.list {
            PHRASE => {
                // "the 4% of all users who…" is a share, not the market.
                let of = hit.first > 0 && scan.word(hit.first - 1).eq_ignore_ascii_case("of");
                let share = lists.shares.hits(&scan, window).next().is_some()
                    || (hit.first.saturating_sub(3)..hit.first)
                        .any(|j| scan.word(j).ends_with('%'));
                // "All users except free-tier accounts" names who is not the
                // target: an exclusion right after the phrase narrows it.
                let after = hit.end..(hit.end + EXCLUSION_GAP).min(scan.clause_end(hit.first));
                let excluded = lists.exclusions.hits(&scan, after).next().is_some();
                !(excluded || of && share)
            }
            PRONOUN => {
                let narrowed = *figures
                    .get_or_insert_with(|| words.numbers.read(&scan).any(|q| q.is_figure()));
                let sentence = scan.clause_start(hit.first)..scan.clause_end(hit.first);
                let scoped = scan.get(hit.end).is_some_and(|t| !t.clause)
                    && lists.scopes.at(&scan, hit.end).is_some();
                !narrowed
                    && !scoped
                    && lists.clause_words.before(&scan, hit.first).is_none()
                    && lists.exclusions.hits(&scan, sentence).next().is_none()
            }
            _ => unreachable!("two lists"),
        };
        if !everyone {
            continue;
        }
        if !words.language.judges(&scan, 1) {
            return None;
        }
        return Some(quoting(&scan, &hit, |quote| {
            format!("the target market is everyone (\"{quote}\")")
        }));
    }
    let hit = lists.bare_audience(&scan)?;
    let narrowed = *figures.get_or_insert_with(|| words.numbers.read(&scan).any(|q| q.is_figure()));
    if narrowed || !words.language.judges(&scan, 1) {
        return None;
    }
    Some(quoting(&scan, &hit, |quote| {
        format!("the target market is everyone (\"{quote}\")")
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The skim passes over no answer that reading would find weak: on
    /// every labelled answer of the corpus, as written, upper-cased, and
    /// with a quantifier put after a word, a comma, a partitive and a
    /// clause break.
    #[test]
    fn the_skim_changes_no_finding() {
        let builtin = Words::builtin();
        let words = builtin.compiled();
        let message = |w: Option<Weakness>| w.map(|w| (w.message, w.span));
        let mut texts = super::super::skim::tests::corpus_texts();
        texts.extend(
            [
                "Teams of any size.",
                "Teams, any size",
                "more than any other team",
                "Users of, all kinds",
                "Any team. All users",
                "- every developer",
                "Developers of every stripe, anywhere",
                "things (any user)",
                "Of all users",
                "customers in any market, all teams",
                "x any user",
                "ALL DEVELOPERS.",
                "We sell to whoever we can find. Any team, anywhere.",
                "Our market, in short: every developer.",
                "The buyers we have in mind —\n- any shopper",
                "Honestly we have not narrowed it (every business).",
            ]
            .map(String::from),
        );
        for text in texts.iter().flat_map(|t| [t.clone(), t.to_uppercase()]) {
            assert_eq!(
                message(check(&text, &builtin)),
                message(read(&text, words)),
                "{text:?}"
            );
        }
    }

    fn quote(text: &str) -> Option<String> {
        check(text, &Words::builtin()).map(|w| text[w.span.unwrap()].to_string())
    }

    #[test]
    fn everyone_phrases_and_pronouns_are_found() {
        assert_eq!(
            quote("Mobile App Users (all segments)").as_deref(),
            Some("all segments")
        );
        assert_eq!(quote("Anyone who sells online.").as_deref(), Some("Anyone"));
        assert_eq!(
            quote("The general\n  public.").as_deref(),
            Some("general\n  public")
        );
    }

    #[test]
    fn narrowed_negated_and_shared_uses_are_not() {
        assert_eq!(quote("Heads of IT at all 14 NHS trusts."), None);
        assert_eq!(quote("Not everyone: only hospital pharmacists."), None);
        assert_eq!(
            quote("Power users, the 4% of all users who run 20 reports."),
            None
        );
        assert_eq!(
            quote("Platform teams at fintechs; everyone on those teams carries the pager."),
            None
        );
        assert_eq!(
            quote("Ops managers at logistics firms, where everyone shares one inbox."),
            None
        );
        assert_eq!(
            quote("Volunteer coordinators; anyone with a paid CRM is out of scope."),
            None
        );
        assert_eq!(
            quote("Anyone who runs more than 50 clusters: about 600 MSPs."),
            None
        );
        assert_eq!(
            quote("All users except free-tier accounts."),
            None,
            "an exclusion right after the phrase"
        );
        assert_eq!(
            quote("All users, not just power users.").as_deref(),
            Some("All users"),
            "'not just' widens"
        );
    }

    #[test]
    fn other_languages_are_not_judged() {
        assert_eq!(
            quote("Tous les utilisateurs de l'application (tous segments)."),
            None
        );
        assert_eq!(quote("Todo el mundo."), None);
    }

    #[test]
    fn a_bare_audience_is_everyone_by_its_structure() {
        assert_eq!(quote("All developers.").as_deref(), Some("All developers"));
        assert_eq!(
            quote("Any team, anywhere.").as_deref(),
            Some("Any team"),
            "a place that is everywhere does not narrow"
        );
        assert_eq!(
            quote("Users of all skill levels.").as_deref(),
            Some("Users of all skill levels")
        );
        assert_eq!(
            quote("Businesses of every size, from freelancers to corporates.").as_deref(),
            Some("Businesses of every size")
        );
        assert_eq!(
            quote("Global consumers.").as_deref(),
            Some("Global consumers")
        );
        for narrow in [
            "Every dentist in Lisbon.",
            "All ICU nurses at our three pilot hospitals.",
            "All 140 members of the Dutch cargo bike association.",
            "Clinics in Ontario of any size that bill OHIP directly.",
            "Independent pharmacies.",
        ] {
            assert_eq!(quote(narrow), None, "{narrow}");
        }
    }
}

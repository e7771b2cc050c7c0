//! MRD012 solution-not-problem, widened: a problem answer that opens with a
//! solution. Besides imperatives and plans ("Build…", "We will…"), it
//! catches the tool's effect ("Eliminates manual job-board searching…",
//! "Automates…", "Allows users to…"), the tool itself ("A mobile app
//! that…", "Our platform gives…") and a label ("**Solution:** a Slack
//! bot…", "Idea: one inbox…"): `solution_not_problem.openings` (unless the
//! answer opens with a noun that starts like one, `compounds`: "Build
//! engineers spend…"); a word of `articles`, up to two more words, a word of
//! `products` and a word of `links`; or a word of `labels` and a colon.
//!
//! Only the opening is read: a problem may mention a tool later ("teams
//! track this in a spreadsheet"). Problems that open with a gerund or an
//! adjective ("Tracking shipments takes…", "Automated tests miss…") are not
//! openings, because the lists hold the third-person and imperative forms.
//!
//! The rule's check on a file is `lint::rules::solution_not_problem`.

use super::lexicon::Lexicon;
use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};
use super::{RuleDoc, Weakness, Words, one_line};
use crate::diagnostic::rules;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::SOLUTION_NOT_PROBLEM,
    question: Some("problem"),
    help: "describe who hurts today, in what situation, and what it costs them; the solution comes after the decision",
    risk: "problem describes a solution",
};

#[derive(Clone, Debug)]
pub(super) struct Lists {
    openings: Phrases,
    compounds: Phrases,
    labels: Phrases,
    articles: Phrases,
    products: Phrases,
    links: Phrases,
}

impl Lists {
    pub(super) fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Lists {
        let mut list =
            |name: &str| Phrases::new(vocabulary, &[lexicon.list("solution_not_problem", name)]);
        Lists {
            openings: list("openings"),
            compounds: list("compounds"),
            labels: list("labels"),
            articles: list("articles"),
            products: list("products"),
            links: list("links"),
        }
    }
}

/// How much of an answer is read: openings are a few words long.
const HEAD: usize = 160;

/// The opening of `text` that describes a solution, as written, if any.
pub fn opening<'t>(text: &'t str, words: &Words) -> Option<&'t str> {
    let words = words.compiled();
    let lists = &words.solution;
    let mut cut = HEAD.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let scan = words.scan(&text[..cut]);
    let hit = lists
        .openings
        .at(&scan, 0)
        // "Build engineers spend…": a noun that starts like an imperative.
        .filter(|_| lists.compounds.at(&scan, 0).is_none())
        .map(|hit| hit.end)
        .or_else(|| label(&scan, lists))
        .or_else(|| tool_opening(&scan, lists))?;
    if !words.language.judges(&scan, 1) {
        return None;
    }
    Some(&text[scan.span(0, hit - 1)])
}

/// The word after a label that opens the answer and is followed by its
/// colon, emphasis aside ("**Solution:**", "Idea:").
fn label(scan: &Scan<'_>, lists: &Lists) -> Option<usize> {
    let hit = lists.labels.at(scan, 0)?;
    let after = &scan.text[hit.span(scan).end..];
    after
        .trim_start_matches(['*', '_', ' '])
        .starts_with(':')
        .then_some(hit.end)
}

/// The word after "a mobile app that", "our platform gives", "an AI
/// assistant which": an article, up to two words, a product, a link.
fn tool_opening(scan: &Scan<'_>, lists: &Lists) -> Option<usize> {
    let article = lists.articles.at(scan, 0)?;
    let clause = scan.clause_end(0);
    (article.end..(article.end + 3).min(clause)).find_map(|at| {
        let product = lists.products.at(scan, at)?;
        let link = lists
            .links
            .at(scan, product.end)
            .filter(|l| l.end <= clause)?;
        Some(link.end)
    })
}

/// Why the problem `text` is weak, if it opens with a solution.
pub fn check(text: &str, words: &Words) -> Option<Weakness> {
    let found = opening(text, words)?;
    let start = found.as_ptr() as usize - text.as_ptr() as usize;
    Some(Weakness {
        message: format!(
            "the problem answer starts with a solution (\"{}…\")",
            one_line(found)
        ),
        span: Some(start..start + found.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<&str> {
        opening(text, &Words::builtin())
    }

    #[test]
    fn imperatives_effects_and_tools_are_solutions() {
        assert_eq!(found("Build a scheduler."), Some("Build"));
        assert_eq!(found("- We will create a portal"), Some("We will"));
        assert_eq!(
            found("Eliminates manual job-board searching…"),
            Some("Eliminates")
        );
        assert_eq!(
            found("Allows users to book without calling."),
            Some("Allows")
        );
        assert_eq!(
            found("A mobile app that reminds patients."),
            Some("A mobile app that")
        );
        assert_eq!(
            found("Our platform gives every recruiter one feed."),
            Some("Our platform gives")
        );
        assert_eq!(found("**Automates** invoice matching"), Some("Automates"));
    }

    #[test]
    fn problems_are_not() {
        assert_eq!(found("Builders lose a day a month"), None);
        assert_eq!(found("Teams lose a day a month."), None);
        assert_eq!(found("Adding a column breaks pipelines"), None);
        assert_eq!(found("Support tickets tagged debugging doubled"), None);
        assert_eq!(found("Automated tests miss layout bugs"), None);
        assert_eq!(
            found("Tracking shipments across five carriers means five logins."),
            None
        );
        assert_eq!(found("Our tooling for refunds is three scripts."), None);
        assert_eq!(
            found("A platform team of 3 spends 40% of its time on tickets."),
            None
        );
        assert_eq!(found("Users can't find past orders."), None);
    }

    #[test]
    fn other_languages_are_not_judged() {
        assert_eq!(found("Automatise le rapprochement des factures."), None);
        assert_eq!(
            found("Élimine la recherche manuelle sur les sites d'emploi."),
            None
        );
    }
}

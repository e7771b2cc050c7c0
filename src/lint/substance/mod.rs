//! Substance: whether an answer says something a reviewer could check, not
//! only whether it is there (issue 16). "Two (maybe more) shops in the Twin
//! Cities." passes every presence rule and is still not a market size.
//!
//! Each heuristic here is a pure function of an answer's text (plus what it
//! needs: the question set, the decision) and the compiled word lists,
//! returning the weakness it found, if any. Everything English about them is
//! data (`words.yml`, changed by `.mrd.yml`'s `lint.words`), and an answer
//! in a language the lists do not cover is never called weak. Precision comes
//! first: a rule that cries wolf gets switched off, so when a heuristic is
//! unsure it stays silent. `tests/it/substance_corpus.rs` measures each rule
//! against a labelled corpus.
//!
//! The rules' codes and documentation are in the rule catalogue like every
//! other rule's; what only a substance rule has (the help line, the risk
//! phrase the summary verdict uses) is in [`RULES`]. Their checks on a file
//! are `lint::rules::substance`.

mod blocks;
mod language;
mod lexicon;
mod numbers;
mod pairs;
mod phrases;
mod scan;
mod skim;

pub mod everyone_market;
pub mod market_size;
pub mod metrics;
pub mod no_differentiator;
pub mod question_in_answer;
pub mod solution;
pub mod weak_rationale;
pub mod why_now;

use std::fmt;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::diagnostic::Rule;

pub use lexicon::{Lexicon, WordsError};

/// The word lists, compiled for matching on first use: commands that never
/// judge an answer (and runs that judge none) never pay for it.
pub struct Words {
    /// `None`: the built-in lists, read when first needed.
    custom: Option<Lexicon>,
    compiled: OnceLock<Compiled>,
}

struct Compiled {
    /// Every word of every list, numbered: an answer is read into these
    /// numbers once, and every list matches numbers.
    vocabulary: scan::Vocabulary,
    language: language::Language,
    numbers: numbers::Numbers,
    market_size: market_size::Lists,
    everyone_market: everyone_market::Lists,
    no_differentiator: no_differentiator::Lists,
    why_now: why_now::Lists,
    metrics: metrics::Lists,
    solution: solution::Lists,
    weak_rationale: weak_rationale::Lists,
}

impl Compiled {
    fn new(lexicon: &Lexicon) -> Compiled {
        let mut vocabulary = scan::Vocabulary::default();
        let v = &mut vocabulary;
        Compiled {
            language: language::Language::new(lexicon, v),
            numbers: numbers::Numbers::new(lexicon, v),
            market_size: market_size::Lists::new(lexicon, v),
            everyone_market: everyone_market::Lists::new(lexicon, v),
            no_differentiator: no_differentiator::Lists::new(lexicon, v),
            why_now: why_now::Lists::new(lexicon, v),
            metrics: metrics::Lists::new(lexicon, v),
            solution: solution::Lists::new(lexicon, v),
            weak_rationale: weak_rationale::Lists::new(lexicon, v),
            vocabulary,
        }
    }

    /// `text` read into words.
    fn scan<'a>(&'a self, text: &'a str) -> scan::Scan<'a> {
        scan::Scan::new(text, &self.vocabulary)
    }
}

fn builtin_lexicon() -> &'static Lexicon {
    static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
    BUILTIN.get_or_init(Lexicon::builtin)
}

impl Words {
    /// A project's lists (the built-in ones with `.mrd.yml`'s changes).
    pub fn new(lexicon: Lexicon) -> Words {
        Words {
            custom: Some(lexicon),
            compiled: OnceLock::new(),
        }
    }

    /// The built-in lists; one value per process, so they are read and
    /// compiled at most once.
    pub fn builtin() -> Arc<Words> {
        static BUILTIN: OnceLock<Arc<Words>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                Arc::new(Words {
                    custom: None,
                    compiled: OnceLock::new(),
                })
            })
            .clone()
    }

    /// The lists these are compiled from.
    pub fn lexicon(&self) -> &Lexicon {
        self.custom.as_ref().unwrap_or_else(|| builtin_lexicon())
    }

    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| Compiled::new(self.lexicon()))
    }
}

/// Two word lists are the same when their sources are.
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        match (&self.custom, &other.custom) {
            (None, None) => true,
            _ => self.lexicon() == other.lexicon(),
        }
    }
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Words")
            .field("custom", &self.custom.is_some())
            .finish_non_exhaustive()
    }
}

/// What a heuristic found wrong with an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weakness {
    /// The finding's message: what is missing or wrong, quoting the answer.
    pub message: String,
    /// The bytes of the answer's text that show it, when a part of the
    /// answer does (a whole answer that lacks something has none).
    pub span: Option<Range<usize>>,
}

/// What a substance rule adds to its entry in the rule catalogue: the
/// answer it reads, its findings' help line, and how the summary verdict
/// names the risk it finds.
#[derive(Debug)]
pub struct RuleDoc {
    /// The rule's code, name, level and four-part documentation.
    pub rule: &'static Rule,
    /// The answer the rule reads (`None`: every answer).
    pub question: Option<&'static str>,
    /// The finding's help line.
    pub help: &'static str,
    /// How the summary verdict names the risk, in the words of a meeting:
    /// "GO, at risk: market size has no figure".
    pub risk: &'static str,
}

/// Every substance rule, in code order: MRD011 (unmeasurable-metrics) and
/// MRD012 (solution-not-problem), reworked on these heuristics, then the
/// rules issue 16 added.
pub static RULES: &[&RuleDoc] = &[
    &metrics::DOC,
    &solution::DOC,
    &market_size::DOC,
    &everyone_market::DOC,
    &no_differentiator::DOC,
    &why_now::DOC,
    &question_in_answer::DOC,
    &weak_rationale::DOC,
];

/// The substance rule with this code, if it is one.
pub fn doc(code: &str) -> Option<&'static RuleDoc> {
    RULES.iter().copied().find(|doc| doc.rule.code == code)
}

/// The weakness of an answer that lacks what a rule looks for, unless the
/// answer is in a language the lists cannot read. `vague` holds the rule's
/// words for talk around the missing thing ("huge", "right time"): they
/// are the evidence that the answer is in the lists' language.
fn lacking(
    words: &Compiled,
    scan: &scan::Scan<'_>,
    vague: &phrases::Phrases,
    message: &str,
) -> Option<Weakness> {
    words
        .language
        .judges_counting(scan, vague)
        .then(|| Weakness {
            message: message.into(),
            span: None,
        })
}

/// A weakness quoting the words `hit` covers.
fn quoting(
    scan: &scan::Scan<'_>,
    hit: &phrases::Hit,
    message: impl FnOnce(&str) -> String,
) -> Weakness {
    let span = hit.span(scan);
    Weakness {
        message: message(&one_line(&scan.text[span.clone()])),
        span: Some(span),
    }
}

/// A quote on one line, for a message.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The opening of `text` for a message: its first few words.
fn opening(text: &str, words: usize) -> String {
    let mut out: Vec<&str> = text.split_whitespace().take(words + 1).collect();
    let more = out.len() > words;
    out.truncate(words);
    let mut quote = out.join(" ");
    if more {
        quote.push('…');
    }
    quote
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_substance_rule_is_a_warning_in_the_catalogue_with_help_and_risk() {
        for entry in RULES {
            let rule = entry.rule;
            assert_eq!(crate::diagnostic::rules::find(rule.code), Some(rule));
            assert_eq!(rule.level, crate::diagnostic::Level::Warning, "issue 16");
            assert!(!entry.help.trim().is_empty() && !entry.risk.trim().is_empty());
            assert_eq!(doc(rule.code).map(|d| d.rule), Some(rule));
        }
        assert!(doc("MRD003").is_none());
    }

    #[test]
    fn the_builtin_lists_compile_and_compare_by_source() {
        let words = Words::builtin();
        assert_eq!(*words, Words::new(Lexicon::builtin()));
        assert!(Arc::ptr_eq(&words, &Words::builtin()), "one per process");
        assert!(
            words.compiled.get().is_none() || cfg!(test),
            "compiled on first use"
        );
        let _ = words.compiled();
        assert!(words.compiled.get().is_some());
    }

    #[test]
    fn quotes_are_one_line_and_openings_are_cut() {
        assert_eq!(one_line("all\n  segments"), "all segments");
        assert_eq!(
            opening("Eliminates manual job-board searching by hand", 3),
            "Eliminates manual job-board…"
        );
        assert_eq!(opening("Yes — pursue.", 5), "Yes — pursue.");
    }
}

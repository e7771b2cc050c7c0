//! MRD020 question-in-answer: an answer that holds another question's text,
//! short name, key or alias (`.mrd.yml`'s `aliases:`, the headings import
//! recognises), the mark of a copy-paste or of a lossy import that swallowed
//! the next question's heading into this answer.
//!
//! The word lists here are the question set itself (`.mrd.yml` adapts it),
//! so the rule needs no language gate: it finds only what the team's own
//! questions say. To stay precise, a question only counts where a heading
//! or a new sentence would put it: at the start of a line (after list,
//! quote, heading and emphasis markers) or of a sentence, followed by its
//! `?`, a colon, or the end of the line. "That's why now is the time" and
//! "we looked at what alternatives are out there" are prose, not pastes.
//! An answer's own question is MRD006's business, not this rule's.

use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};
use super::{RuleDoc, Weakness, one_line};
use crate::diagnostic::rules;
use crate::questions::QuestionSet;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::QUESTION_IN_ANSWER,
    question: None,
    help: "move the text after the question to that question's answer, and delete the question line",
    risk: "another question's text in an answer",
};

impl Questions {
    /// Whether these were prepared from `questions`.
    pub fn fits(&self, questions: &QuestionSet) -> bool {
        self.source == *questions
    }
}

/// Why the answer `text` to question `own` is weak, if it holds another
/// question's text. Lint checks every answer of every file: build
/// `Questions` once and call its `check` instead.
pub fn check(text: &str, own: &str, questions: &QuestionSet) -> Option<Weakness> {
    Questions::new(questions).check(text, own)
}

/// The question set's texts, short names and keys, prepared once for
/// checking many answers.
pub struct Questions {
    /// The question set these were prepared from, to tell whether they
    /// still fit a linter's questions.
    source: QuestionSet,
    vocabulary: Vocabulary,
    needles: Phrases,
    /// The needles' first words, lowercase: a clause that starts with none
    /// of them is passed over without reading it.
    firsts: Vec<String>,
    /// The first letters of `firsts`, both cases: most clauses start with
    /// another letter and are passed over at one byte.
    letters: [bool; 256],
    /// For each needle, in `needles`' order: its question's place in
    /// `source` and what of it the needle is.
    parts: Vec<(usize, Part)>,
}

/// What of a question an answer holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Text,
    Heading,
    Key,
}

impl Questions {
    pub fn new(questions: &QuestionSet) -> Questions {
        let mut texts = Vec::new();
        let mut parts = Vec::new();
        for (index, question) in questions.all().iter().enumerate() {
            let aliases = question
                .aliases
                .iter()
                .map(|alias| (alias.trim().trim_end_matches('?'), Part::Heading));
            for (text, part) in [
                (question.text.trim().trim_end_matches('?'), Part::Text),
                (question.short_name.trim(), Part::Heading),
                (question.key.as_str(), Part::Key),
            ]
            .into_iter()
            .chain(aliases)
            {
                // A one-word key ("problem:") is also a natural label.
                if text.is_empty() || (part == Part::Key && !text.contains('_')) {
                    continue;
                }
                texts.push(text.to_string());
                parts.push((index, part));
            }
        }
        let mut vocabulary = Vocabulary::default();
        let needles = Phrases::new(&mut vocabulary, &[&texts]);
        let mut firsts: Vec<String> = Vec::new();
        for text in &texts {
            let first: String = text
                .chars()
                .take_while(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_ascii_lowercase();
            if !firsts.contains(&first) {
                firsts.push(first);
            }
        }
        let mut letters = [false; 256];
        for first in &firsts {
            if let Some(&b) = first.as_bytes().first() {
                letters[usize::from(b.to_ascii_lowercase())] = true;
                letters[usize::from(b.to_ascii_uppercase())] = true;
            }
        }
        Questions {
            source: questions.clone(),
            vocabulary,
            needles,
            firsts,
            letters,
            parts,
        }
    }

    /// Why the answer `text` to question `own` is weak, if it holds another
    /// question's text.
    pub fn check(&self, text: &str, own: &str) -> Option<Weakness> {
        for start in clause_starts(text) {
            if !text
                .as_bytes()
                .get(start)
                .is_some_and(|&b| self.letters[usize::from(b)])
            {
                continue;
            }
            let word = &text[start..];
            let word = &word[..word
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(word.len())];
            if word.is_empty() || !self.firsts.iter().any(|f| f.eq_ignore_ascii_case(word)) {
                continue;
            }
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            let scan = Scan::new(&text[start..line_end], &self.vocabulary);
            let Some(hit) = self.needles.at(&scan, 0) else {
                continue;
            };
            let (index, part) = self.parts[hit.entry];
            let question = &self.source.all()[index];
            if question.key == own {
                continue;
            }
            let span = hit.span(&scan);
            let span = start + span.start..start + span.end;
            // The question ends its line, or is followed by its colon or
            // question mark (French puts a space before them).
            let after = text[span.end..].trim_start_matches(['*', '_', '`']);
            let line = after.lines().next().unwrap_or("").trim();
            let mark = after.trim_start_matches([' ', '\u{a0}']);
            let ends = line.is_empty()
                || line == "?"
                || mark.starts_with(':')
                || (part == Part::Text && mark.starts_with('?'));
            if !ends {
                continue;
            }
            let what = match part {
                Part::Text => "text",
                Part::Heading => "heading",
                Part::Key => "key",
            };
            return Some(Weakness {
                message: format!(
                    "the {own} answer holds question {} ({})'s {what}: \"{}\"",
                    question.number,
                    question.short_name,
                    one_line(&text[span.clone()])
                ),
                span: Some(span),
            });
        }
        None
    }
}

/// Where a heading or a new sentence could start: at the start of a line
/// after its list, quote, heading and emphasis markers, and after `. `,
/// `? ` or `! ` and any emphasis.
fn clause_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let line_starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
    let lines = line_starts.map(move |at| {
        let line = &text[at..];
        let markers = line.len()
            - line
                .trim_start_matches(|c: char| {
                    (c.is_whitespace() && c != '\n')
                        || c.is_ascii_digit()
                        || matches!(c, '-' | '*' | '+' | '>' | '#' | '•' | '.' | ')' | '_' | '`')
                })
                .len();
        at + markers
    });
    let sentences = memchr::memchr3_iter(b'.', b'?', b'!', bytes)
        .filter(move |&i| bytes.get(i + 1).is_some_and(|&b| b == b' ' || b == b'\t'))
        .map(move |i| {
            let rest = &text[i + 1..];
            i + 1
                + (rest.len()
                    - rest
                        .trim_start_matches(|c: char| {
                            c == ' ' || c == '\t' || matches!(c, '*' | '_' | '`')
                        })
                        .len())
        });
    lines.chain(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, own: &str) -> Option<String> {
        check(text, own, &QuestionSet::builtin()).map(|w| text[w.span.unwrap()].to_string())
    }

    #[test]
    fn pasted_questions_headings_and_keys_are_found() {
        assert_eq!(
            quote(
                "Data engineers.\n**How big is the opportunity?** About 12,000.",
                "target_market"
            )
            .as_deref(),
            Some("How big is the opportunity")
        );
        assert_eq!(
            quote(
                "Our install base. Why now? Because the competitor left.",
                "differentiator"
            )
            .as_deref(),
            Some("Why now")
        );
        assert_eq!(
            quote("Stores.\n\n## Market size\nAbout 2,000.", "target_market").as_deref(),
            Some("Market size")
        );
        assert_eq!(
            quote(
                "We own it.\nmarket_window: the law changes",
                "differentiator"
            )
            .as_deref(),
            Some("market_window")
        );
        assert_eq!(
            quote(
                "### 2. For whom do we solve that problem?\nNurses.",
                "problem"
            )
            .as_deref(),
            Some("For whom do we solve that problem")
        );
        let weakness = check("x\n> Why now?\n", "market_size", &QuestionSet::builtin()).unwrap();
        assert_eq!(
            weakness.message,
            "the market_size answer holds question 6 (market window)'s text: \"Why now\""
        );
    }

    #[test]
    fn aliases_are_headings_too() {
        let config = crate::config::Config::from_text(
            "questions:\n  market_window:\n    aliases: [Pourquoi maintenant]\n",
            std::path::Path::new("/repo"),
        )
        .unwrap();
        let found = check(
            "Les cliniques.\n## Pourquoi maintenant ?\nLa loi change.",
            "market_size",
            &config.questions,
        );
        assert_eq!(
            found.map(|w| w.message).as_deref(),
            Some(
                "the market_size answer holds question 6 (market window)'s heading: \"Pourquoi maintenant\""
            )
        );
    }

    #[test]
    fn prose_and_the_answers_own_question_are_not() {
        assert_eq!(
            quote("That's why now is the time to move.", "market_window"),
            None
        );
        assert_eq!(quote("Why now: the incumbent left.", "market_window"), None);
        assert_eq!(
            quote(
                "We looked at what alternatives are out there, and none fit.",
                "alternatives"
            ),
            None
        );
        assert_eq!(
            quote(
                "Go-to-market strategy aside, we measure 5% conversion.",
                "metrics"
            ),
            None
        );
        assert_eq!(
            quote(
                "Customers ask \"why now?\" less often than \"how much?\"",
                "differentiator"
            ),
            None
        );
        assert_eq!(
            quote("- Airflow. Problem: heavy to run.", "alternatives"),
            None
        );
    }
}

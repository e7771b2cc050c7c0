//! MRD020 question-in-answer: an answer that holds another question's text,
//! short name or key, the mark of a copy-paste or of a lossy import that
//! swallowed the next question's heading into this answer.
//!
//! The word lists here are the question set itself (`.mrd.yml` adapts it),
//! so the rule needs no language gate: it finds only what the team's own
//! questions say. To stay precise, a question only counts where a heading
//! or a new sentence would put it: at the start of a line (after list,
//! quote, heading and emphasis markers) or of a sentence, followed by its
//! `?`, a colon, or the end of the line. "That's why now is the time" and
//! "we looked at what alternatives are out there" are prose, not pastes.
//! An answer's own question is MRD006's business, not this rule's.

use super::{RuleDoc, Weakness};
use crate::diagnostic::Level;
use crate::questions::{Question, QuestionSet};

pub static DOC: RuleDoc = RuleDoc {
    code: "MRD020",
    name: "question-in-answer",
    level: Level::Warning,
    question: None,
    summary: "An answer holds another question's text, short name or key: a copy-paste, or an import that kept the next question inside this answer.",
    why: r#"Text under the wrong question is read as the answer to it: the market size seems answered when it sits inside the target market, and the question it belongs to looks empty or thin. After an import it usually means the rest of the answer is misplaced too."#,
    example: r#"answers:
  target_market: |
    Data engineers at 20–500 person companies.
    **How big is the opportunity?** About 12,000 installs."#,
    instead: r#"answers:
  target_market: Data engineers at 20–500 person companies.
  market_size: About 12,000 installs."#,
    help: "move the text after the question to that question's answer, and delete the question line",
    risk: "another question's text in an answer",
};

/// Why the answer `text` to question `own` is weak, if it holds another
/// question's text. Lint checks every answer of every file: build
/// `Questions` once and call its `check` instead.
pub fn check(text: &str, own: &str, questions: &QuestionSet) -> Option<Weakness> {
    Questions::new(questions).check(text, own)
}

/// The question set's texts, short names and keys, prepared once for
/// checking many answers.
pub struct Questions<'q> {
    needles: Vec<Needle<'q>>,
    /// Whether any needle starts with this (lowercase) byte: most places a
    /// question could start begin with a letter none starts with.
    firsts: [bool; 256],
}

struct Needle<'q> {
    question: &'q Question,
    text: &'q str,
    part: Part,
}

impl<'q> Questions<'q> {
    pub fn new(questions: &'q QuestionSet) -> Questions<'q> {
        let mut needles = Vec::new();
        let mut firsts = [false; 256];
        for question in questions.all() {
            for (text, part) in [
                (question.text.trim().trim_end_matches('?'), Part::Text),
                (question.short_name.trim(), Part::Heading),
                (question.key.as_str(), Part::Key),
            ] {
                // A one-word key ("problem:") is also a natural label.
                if text.is_empty() || (part == Part::Key && !text.contains('_')) {
                    continue;
                }
                firsts[usize::from(text.as_bytes()[0].to_ascii_lowercase())] = true;
                needles.push(Needle {
                    question,
                    text,
                    part,
                });
            }
        }
        Questions { needles, firsts }
    }

    /// Why the answer `text` to question `own` is weak, if it holds another
    /// question's text.
    pub fn check(&self, text: &str, own: &str) -> Option<Weakness> {
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            for start in clause_starts(body) {
                let rest = &body[start..];
                let rest_at = start + (rest.len() - rest.trim_start_matches(['*', '_', '`']).len());
                let rest = &body[rest_at..];
                let first = match rest.as_bytes().first() {
                    Some(&b) if self.firsts[usize::from(b.to_ascii_lowercase())] => {
                        b.to_ascii_lowercase()
                    }
                    _ => continue,
                };
                for n in &self.needles {
                    if n.text.as_bytes()[0].to_ascii_lowercase() != first || n.question.key == own {
                        continue;
                    }
                    let Some(found) = rest.get(..n.text.len()) else {
                        continue;
                    };
                    if !found.eq_ignore_ascii_case(n.text) {
                        continue;
                    }
                    let after = rest[n.text.len()..].trim_start_matches(['*', '_', '`']);
                    let ends = after.trim().is_empty()
                        || after.starts_with(':')
                        || (n.part == Part::Text && after.starts_with('?'));
                    if !ends {
                        continue;
                    }
                    let at = offset + rest_at;
                    let what = match n.part {
                        Part::Text => "text",
                        Part::Heading => "heading",
                        Part::Key => "key",
                    };
                    return Some(Weakness {
                        message: format!(
                            "the {own} answer holds question {} ({})'s {what}: \"{found}\"",
                            n.question.number, n.question.short_name
                        ),
                        span: Some(at..at + n.text.len()),
                    });
                }
            }
            offset += line.len();
        }
        None
    }
}

/// What of a question an answer holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Text,
    Heading,
    Key,
}

/// Where a heading or a new sentence could start in a line: after its list,
/// quote and heading markers, and after each `. `, `? ` or `! `.
fn clause_starts(line: &str) -> impl Iterator<Item = usize> + '_ {
    let first = marker_len(line);
    let bytes = line.as_bytes();
    let later = memchr::memchr3_iter(b'.', b'?', b'!', bytes)
        .filter(move |&i| i >= first && bytes.get(i + 1) == Some(&b' '))
        .map(move |i| i + 1 + (line[i + 1..].len() - line[i + 1..].trim_start().len()));
    std::iter::once(first).chain(later)
}

/// The length of the markers a line starts with: spaces, `#`, `>`, `-`,
/// `*`/`+` bullets, and `1.`/`1)` item numbers.
fn marker_len(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut at = 0;
    loop {
        let rest = &bytes[at..];
        let skip = match rest.first() {
            Some(b' ' | b'\t' | b'#' | b'>') => 1,
            Some(b'-' | b'+') if rest.get(1) == Some(&b' ') => 2,
            Some(b'*') if rest.get(1) == Some(&b' ') => 2,
            Some(b'0'..=b'9') => {
                let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                match rest.get(digits) {
                    Some(b'.' | b')') if digits <= 2 && rest.get(digits + 1) == Some(&b' ') => {
                        digits + 1
                    }
                    _ => 0,
                }
            }
            _ if line[at..].starts_with('•') => '•'.len_utf8(),
            _ => 0,
        };
        if skip == 0 {
            return at;
        }
        at += skip;
    }
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

//! MRD006: an answer that is a placeholder, not an answer.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::PLACEHOLDER_ANSWER};
use crate::lint::Context;
use crate::lint::text::{DECORATION, normalized};
use crate::questions::Question;

/// Whole answers that say nothing, after `normalized`.
const PLACEHOLDERS: &[&str] = &[
    "todo",
    "tbd",
    "tbc",
    "tba",
    "n/a",
    "na",
    "n.a",
    "none",
    "?",
    "??",
    "???",
    "...",
    "…",
    "-",
    "--",
    "x",
    "xx",
    "xxx",
    "fill in",
    "fill me in",
    "fill this in",
    "to fill in",
    "to be filled in",
    "placeholder",
    "to do",
    "to be done",
    "to be decided",
    "to be determined",
    "to be confirmed",
    "answer here",
    "your answer here",
    "write here",
    "coming soon",
    "later",
    "wip",
    "pending",
];

/// Words that make any answer starting with them a placeholder ("TODO: ask sales").
const PREFIXES: &[&str] = &["todo", "tbd", "tbc", "fixme", "xxx", "fill in"];

/// Placeholders are short; longer answers skip the whole-text comparisons.
const SHORT: usize = 48;

/// How much of the start of an answer and of the question's own texts is
/// compared to tell a pasted-back guidance (characters, before normalizing).
const HEAD: usize = 96;

/// At most the first `chars` characters of `text`.
fn head(text: &str, chars: usize) -> &str {
    if text.len() <= chars {
        return text;
    }
    if text.as_bytes()[..chars].is_ascii() {
        return &text[..chars];
    }
    text.char_indices()
        .nth(chars)
        .map_or(text, |(i, _)| &text[..i])
}

/// Why `text` is a placeholder, if it is one. Linting 10,000 files calls this
/// for every answer, so only bounded prefixes of long texts are normalized.
pub fn placeholder_kind(text: &str, question: Option<&Question>) -> Option<&'static str> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let head = head(trimmed, HEAD);
    // Normalizing is most of this check's cost, and most answers need none:
    // a long answer is normalized only when its first letter could start a
    // placeholder prefix or the question's own text.
    let first = first_letter(head);
    let own_texts = question
        .map(|q| [q.guidance.as_str(), q.text.as_str()])
        .unwrap_or_default();
    let own_first = |own: &str| own.trim().chars().flat_map(char::to_lowercase).next();
    let may_start_a_prefix = first.is_some_and(|c| PREFIXES.iter().any(|p| p.starts_with(c)));
    let may_repeat_the_question = own_texts
        .iter()
        .any(|own| !own.is_empty() && own_first(own) == first);
    if trimmed.len() > SHORT && !may_start_a_prefix && !may_repeat_the_question {
        return lorem_ipsum(trimmed);
    }
    let said_head = normalized(head);
    if trimmed.len() <= SHORT {
        // A short answer is its own head.
        let said = &said_head;
        if said.is_empty() {
            // `...` or `--` normalise to nothing.
            return Some("is only punctuation");
        }
        if PLACEHOLDERS.contains(&said.as_str()) {
            return Some("is a placeholder");
        }
        if said.chars().all(|c| !c.is_alphanumeric()) {
            return Some("is only punctuation");
        }
    }
    for prefix in PREFIXES {
        if let Some(rest) = said_head.strip_prefix(prefix)
            && rest.starts_with(|c: char| !c.is_alphanumeric())
        {
            return Some("starts with a placeholder");
        }
    }
    if let Some(found) = lorem_ipsum(trimmed) {
        return Some(found);
    }
    let first = said_head.chars().next();
    for own in own_texts {
        // Most answers differ from the guidance at the first letter;
        // normalizing the guidance only when they do not keeps this cheap.
        if own_first(own) == first && pasted_from(&said_head, &normalized(head_of(own.trim()))) {
            return Some("repeats the question's own text");
        }
    }
    None
}

fn lorem_ipsum(trimmed: &str) -> Option<&'static str> {
    // Built once: building a searcher costs more than most answers' search.
    static LOREM: LazyLock<[Finder<'static>; 2]> =
        LazyLock::new(|| [Finder::new("orem ipsum"), Finder::new("OREM IPSUM")]);
    LOREM
        .iter()
        .any(|finder| finder.find(trimmed.as_bytes()).is_some())
        .then_some("is lorem ipsum")
}

fn head_of(text: &str) -> &str {
    head(text, HEAD)
}

/// The first character `normalized(text)` would have: the first one that
/// is neither white space nor the decoration normalizing trims, lowercased.
fn first_letter(text: &str) -> Option<char> {
    text.chars()
        .find(|&c| !c.is_whitespace() && !DECORATION.contains(&c))
        .and_then(|c| c.to_lowercase().next())
}

/// Whether an answer starting with `said` is the question's text starting
/// with `own` pasted back: the two start alike for as far as the shorter
/// goes (at least 16 characters, up to 40).
fn pasted_from(said: &str, own: &str) -> bool {
    let shorter = said.len().min(own.len());
    if shorter < 16 {
        return false;
    }
    let common = said
        .bytes()
        .zip(own.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    common >= shorter.min(40)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    for answer in &front.answers {
        let question = cx.questions.get(&answer.key.value);
        if let Some(why) = placeholder_kind(&answer.text.value, question) {
            out.push(
                Diagnostic::rule(&PLACEHOLDER_ANSWER, answer.text.pos, format!("the answer to `{}` {why}", answer.key.value))
                    .help("write the answer, or remove the placeholder and leave the question unanswered until you know it: the assessment stays a draft, and `mrd edit` asks it again")
                    .about(Subject::Answer(answer.key.value.clone())),
            );
        }
    }
    if let Some(rationale) = front
        .recommendation
        .as_ref()
        .and_then(|r| r.rationale.as_ref())
        && let Some(why) = placeholder_kind(&rationale.value, cx.questions.recommendation())
    {
        out.push(
            Diagnostic::rule(
                &PLACEHOLDER_ANSWER,
                rationale.pos,
                format!("the rationale {why}"),
            )
            .help("say why the decision is right, weighing the answers above")
            .about(Subject::Recommendation(RecommendationPart::Rationale)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questions::QuestionSet;

    #[test]
    fn recognises_placeholders_and_lets_answers_through() {
        let set = QuestionSet::builtin();
        let metrics = set.get("metrics");
        for text in [
            "TODO",
            "tbd.",
            "N/A",
            "?",
            "...",
            "**TBD**",
            "TODO: ask sales",
            "Lorem ipsum dolor sit amet",
            "fill in",
        ] {
            assert!(placeholder_kind(text, metrics).is_some(), "{text}");
        }
        let guidance = set.get("metrics").unwrap().guidance.clone();
        assert!(placeholder_kind(&guidance, metrics).is_some());
        assert!(placeholder_kind("Give measurable targets with dates", metrics).is_some());
        assert!(
            placeholder_kind(
                "How will we measure success/make money from this product?",
                metrics
            )
            .is_some()
        );
        for text in [
            "Todos are tracked in Jira by 40% of teams.",
            "None of the alternatives self-host.",
            "",
        ] {
            assert!(placeholder_kind(text, metrics).is_none(), "{text}");
        }
    }
}

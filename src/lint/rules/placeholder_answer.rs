//! MRD006: an answer that is a placeholder, not an answer.

use crate::diagnostic::Level;
use crate::lint::text::normalized;
use crate::lint::{Context, Finding, Rule, Settings};
use crate::questions::Question;

pub static RULE: Rule = Rule {
    code: "MRD006",
    name: "placeholder-answer",
    level: Level::Error,
    summary: "An answer is a placeholder (TODO, TBD, N/A, ?, ..., lorem ipsum, \"fill in\") or the question's own guidance pasted back.",
    why: r#"A placeholder passes a check for "is there an answer" while saying nothing; it is how an unanswered question slips into a go decision. Pasting the question's guidance back is the same thing in more words."#,
    example: r#"answers:
  market_size: TBD
  alternatives: "TODO: ask sales"
  metrics: Give measurable targets with dates"#,
    instead: r#"answers:
  market_size: |
    About 12,000 self-hosted installs (telemetry); at 8% adoption and
    $99/month that is roughly $1.1M ARR.
If the answer is not known yet, leave the question unanswered (in the
interview, Enter on an empty answer leaves it for later): the assessment stays
a draft, `missing-answer` says so honestly, and `mrd edit` asks it again."#,
    check,
};

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
    if trimmed.len() <= SHORT {
        let said = normalized(trimmed);
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
    let said_head = normalized(head(trimmed, HEAD));
    for prefix in PREFIXES {
        if let Some(rest) = said_head.strip_prefix(prefix)
            && rest.starts_with(|c: char| !c.is_alphanumeric())
        {
            return Some("starts with a placeholder");
        }
    }
    if trimmed.contains("orem ipsum") || trimmed.contains("OREM IPSUM") {
        return Some("is lorem ipsum");
    }
    if let Some(question) = question {
        let first = said_head.chars().next();
        for own in [&question.guidance, &question.text] {
            // Most answers differ from the guidance at the first letter;
            // normalizing the guidance only when they do not keeps this cheap.
            let own_first = own.trim().chars().flat_map(char::to_lowercase).next();
            if own_first == first && pasted_from(&said_head, &normalized(head(own.trim(), HEAD))) {
                return Some("repeats the question's own text");
            }
        }
    }
    None
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

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    for answer in &front.answers {
        let question = cx.questions.get(&answer.key.value);
        if let Some(why) = placeholder_kind(&answer.text.value, question) {
            out.push(
                Finding::new(answer.text.pos, format!("the answer to `{}` {why}", answer.key.value))
                    .help("write the answer, or remove the placeholder and leave the question unanswered until you know it: the assessment stays a draft, and `mrd edit` asks it again"),
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
            Finding::new(rationale.pos, format!("the rationale {why}"))
                .help("say why the decision is right, weighing the answers above"),
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

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
If the answer is not known yet, leave it empty: the assessment stays a draft
and `missing-answer` says so honestly."#,
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

/// Why `text` is a placeholder, if it is one.
pub fn placeholder_kind(text: &str, question: Option<&Question>) -> Option<&'static str> {
    let said = normalized(text);
    if said.is_empty() {
        // `...` or `--` normalise to nothing; a blank answer is `missing-answer`'s.
        return (!text.trim().is_empty()).then_some("is only punctuation");
    }
    if PLACEHOLDERS.contains(&said.as_str()) {
        return Some("is a placeholder");
    }
    if said.chars().all(|c| !c.is_alphanumeric()) {
        return Some("is only punctuation");
    }
    for prefix in PREFIXES {
        if let Some(rest) = said.strip_prefix(prefix)
            && rest.starts_with(|c: char| !c.is_alphanumeric())
        {
            return Some("starts with a placeholder");
        }
    }
    if said.contains("lorem ipsum") {
        return Some("is lorem ipsum");
    }
    if let Some(question) = question {
        for own in [&question.guidance, &question.text, &question.example] {
            let own = normalized(own);
            // The question's own words pasted back, whole or a good part of them.
            if !own.is_empty() && (said == own || (said.len() >= 24 && own.contains(&said))) {
                return Some("repeats the question's own text");
            }
        }
    }
    None
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
                    .help("write the answer, or leave it empty until you know it (the assessment then stays incomplete)"),
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
        for text in [
            "Todos are tracked in Jira by 40% of teams.",
            "None of the alternatives self-host.",
            "",
        ] {
            assert!(placeholder_kind(text, metrics).is_none(), "{text}");
        }
    }
}

//! MRD013: a key `mrd` does not know, usually a typo.

use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};
use crate::suggest::did_you_mean;
use crate::yaml::Node;

pub static RULE: Rule = Rule {
    code: "MRD013",
    name: "unknown-key",
    level: Level::Warning,
    summary: "The front-matter has a key `mrd` does not know (at the top, under `answers`, `confidence` or `recommendation`), with a suggestion for near misses.",
    why: r#"A misspelt key is kept but never read: `target_markt:` leaves the real question unanswered while its author believes it is answered. Unknown keys are kept on rewrite, so a deliberate extra key is safe; this rule says it is not one mrd uses."#,
    example: r#"answers:
  target_markt: Data engineers at 20-500 person companies who self-host."#,
    instead: r#"answers:
  target_market: Data engineers at 20-500 person companies who self-host.
To keep a key of your own, silence the rule for the file:
lint:
  allow: [unknown-key]"#,
    check,
};

pub use crate::assessment::TOP_LEVEL_KEYS;

const RECOMMENDATION_KEYS: &[&str] = &["decision", "rationale", "conditions"];

fn unknown(out: &mut Vec<Finding>, key: &str, pos: crate::yaml::Pos, place: &str, known: &[&str]) {
    let finding = Finding::new(pos, format!("unknown key `{key}`{place}"));
    out.push(match did_you_mean(key, known.iter().copied()) {
        Some(near) => finding.help(format!("did you mean `{near}`?")),
        None => finding.help(format!("known keys here: {}", known.join(", "))),
    });
}

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    let key_text = |node: &Node| node.key_text().unwrap_or_default();
    for (key, _) in &front.extra {
        let name = key_text(key);
        if !TOP_LEVEL_KEYS.contains(&name.as_str()) {
            unknown(out, &name, key.pos, "", TOP_LEVEL_KEYS);
        }
    }
    let question_keys: Vec<&str> = cx
        .questions
        .answer_questions()
        .map(|q| q.key.as_str())
        .collect();
    for answer in &front.answers {
        if !question_keys.contains(&answer.key.value.as_str()) {
            unknown(
                out,
                &answer.key.value,
                answer.key.pos,
                " in `answers`",
                &question_keys,
            );
        }
    }
    for entry in &front.confidence {
        if !question_keys.contains(&entry.key.value.as_str()) {
            unknown(
                out,
                &entry.key.value,
                entry.key.pos,
                " in `confidence`",
                &question_keys,
            );
        }
    }
    if let Some(recommendation) = &front.recommendation {
        for (key, _) in &recommendation.extra {
            unknown(
                out,
                &key_text(key),
                key.pos,
                " in `recommendation`",
                RECOMMENDATION_KEYS,
            );
        }
    }
}

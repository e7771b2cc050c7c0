//! MRD007: an answer too short to be an answer.

use super::placeholder_answer::placeholder_kind;
use crate::diagnostic::Level;
use crate::lint::text::word_count;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD007",
    name: "short-answer",
    level: Level::Warning,
    summary: "An answer has fewer words than `lint.min_words` (default 5).",
    why: r#"Each question asks for evidence: who, how many, compared with what. A two-word answer ("data engineers", "big market") names a topic but gives the reader nothing to weigh, and the decision rests on it anyway."#,
    example: r#"answers:
  target_market: Data engineers."#,
    instead: r#"answers:
  target_market: |
    Data engineers at 20-500 person companies who self-host their ELT stack;
    not enterprises on managed platforms.
The minimum is `lint: {min_words: N}` in .mrd.yml."#,
    check,
};

fn check(cx: &Context<'_>, settings: &Settings, out: &mut Vec<Finding>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    for answer in &assessment.front.answers {
        let text = &answer.text.value;
        // Counting stops at the minimum: long answers cost nothing more.
        let words = word_count(text, settings.min_words);
        let question = cx.questions.get(&answer.key.value);
        // Empty answers and placeholders have rules of their own.
        if words == 0 || words >= settings.min_words || placeholder_kind(text, question).is_some() {
            continue;
        }
        out.push(
            Finding::new(
                answer.text.pos,
                format!(
                    "the answer to `{}` has {words} word{}, fewer than {}",
                    answer.key.value,
                    if words == 1 { "" } else { "s" },
                    settings.min_words
                ),
            )
            .help(match question {
                Some(q) => format!("a strong answer: {}", q.guidance.trim()),
                None => "say who, how many, compared with what".to_string(),
            }),
        );
    }
}

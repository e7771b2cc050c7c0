//! MRD012: the problem answer describes a solution.

use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD012",
    name: "solution-not-problem",
    level: Level::Warning,
    summary: "The `problem` answer describes a solution (\"Build…\", \"Add…\", \"We will create…\") rather than a problem.",
    why: r#"Cagan's questions are about the problem: an assessment decides whether a problem is worth solving before anyone designs how. An answer that starts from a solution skips that decision and makes every later answer about the feature, not the pain."#,
    example: r#"answers:
  problem: Build a hosted scheduler with retries and Slack alerts."#,
    instead: r#"answers:
  problem: |
    Teams running pipelines on their own servers lose a day a month to failed
    cron jobs nobody notices: 41 of 60 interviewed users reported silent failures."#,
    check,
};

/// The question whose answer must be a problem.
const KEY: &str = "problem";

/// Openings that announce a solution, lowercase, compared word by word.
const SOLUTION_OPENINGS: &[&str] = &[
    "build",
    "add",
    "implement",
    "create",
    "develop",
    "introduce",
    "ship",
    "launch",
    "provide",
    "make",
    "integrate",
    "enable",
    "we will",
    "we'll",
    "we should",
    "we want to",
    "we need to",
    "we are going to",
    "let's",
    "let us",
    "our solution",
    "the solution is",
    "a new feature",
];

/// The opening that makes `text` read as a solution, if any.
pub fn solution_opening(text: &str) -> Option<&'static str> {
    let start = text
        .trim_start()
        .trim_start_matches(['-', '*', '+', '#', '>', ' ']);
    let lower: String = start.chars().take(40).collect::<String>().to_lowercase();
    SOLUTION_OPENINGS.iter().copied().find(|opening| {
        lower
            .strip_prefix(opening)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(KEY)) else {
        return;
    };
    if cx.questions.get(KEY).is_none() {
        return;
    }
    if let Some(opening) = solution_opening(&answer.text.value) {
        out.push(
            Finding::new(answer.text.pos, format!("the problem answer starts with a solution (\"{opening}…\")"))
                .help("describe who hurts today, in what situation, and what it costs them; the solution comes after the decision"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::solution_opening;

    #[test]
    fn solutions_are_told_from_problems() {
        assert_eq!(solution_opening("Build a scheduler."), Some("build"));
        assert_eq!(
            solution_opening("- We will create a portal"),
            Some("we will")
        );
        assert_eq!(solution_opening("Builders lose a day a month"), None);
        assert_eq!(solution_opening("Teams lose a day a month."), None);
        assert_eq!(solution_opening("Adding a column breaks pipelines"), None);
        assert_eq!(
            solution_opening("Support tickets tagged debugging doubled"),
            None
        );
    }
}

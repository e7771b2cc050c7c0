//! MRD012: the problem answer describes a solution.

use crate::diagnostic::{Diagnostic, Subject, rules::SOLUTION_NOT_PROBLEM};
use crate::lint::Context;

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

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(KEY)) else {
        return;
    };
    if cx.questions.get(KEY).is_none() {
        return;
    }
    if let Some(opening) = solution_opening(&answer.text.value) {
        out.push(
            Diagnostic::rule(&SOLUTION_NOT_PROBLEM, answer.text.pos, format!("the problem answer starts with a solution (\"{opening}…\")"))
                .help("describe who hurts today, in what situation, and what it costs them; the solution comes after the decision")
                .about(Subject::Answer(KEY.to_string())),
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

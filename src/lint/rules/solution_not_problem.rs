//! MRD012: the problem answer describes a solution.

use crate::diagnostic::Level;
use crate::lint::substance::{self, Words};
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD012",
    name: "solution-not-problem",
    level: Level::Warning,
    summary: "The `problem` answer opens with a solution (\"Build…\", \"We will create…\") or the tool's effect (\"Eliminates…\", \"Automates…\", \"Allows users to…\", \"A mobile app that…\") rather than who hurts and how much.",
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

/// The opening of `text` that announces a solution, as written: an
/// imperative ("Build…"), a plan ("We will…"), the tool's effect
/// ("Eliminates…", "Allows users to…") or the tool ("A mobile app that…").
pub fn solution_opening<'t>(text: &'t str, words: &Words) -> Option<&'t str> {
    substance::solution::opening(text, words)
}

fn check(cx: &Context<'_>, settings: &Settings, out: &mut Vec<Finding>) {
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(KEY)) else {
        return;
    };
    if cx.questions.get(KEY).is_none() {
        return;
    }
    if let Some(weakness) = substance::solution::check(&answer.text.value, &settings.words) {
        out.push(
            Finding::new(answer.text.pos, weakness.message)
                .help("describe who hurts today, in what situation, and what it costs them; the solution comes after the decision"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::solution_opening;
    use crate::lint::substance::Words;

    #[test]
    fn solutions_are_told_from_problems() {
        let words = Words::builtin();
        let opening = |text| solution_opening(text, &words);
        assert_eq!(opening("Build a scheduler."), Some("Build"));
        assert_eq!(opening("- We will create a portal"), Some("We will"));
        assert_eq!(
            opening("Eliminates manual job-board searching…"),
            Some("Eliminates"),
            "issue 16: the tool's effect is a solution too"
        );
        assert_eq!(opening("Allows users to book online"), Some("Allows"));
        assert_eq!(opening("Builders lose a day a month"), None);
        assert_eq!(opening("Teams lose a day a month."), None);
        assert_eq!(opening("Adding a column breaks pipelines"), None);
        assert_eq!(opening("Support tickets tagged debugging doubled"), None);
        assert_eq!(opening("Automated tests miss layout bugs"), None);
    }
}

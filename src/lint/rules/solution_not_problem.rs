//! MRD012: the problem answer describes a solution.

use crate::diagnostic::{Diagnostic, Subject, rules::SOLUTION_NOT_PROBLEM};
use crate::lint::Context;
use crate::lint::substance::{self, Words};

/// The question whose answer must be a problem.
const KEY: &str = "problem";

/// The opening of `text` that announces a solution, as written: an
/// imperative ("Build…"), a plan ("We will…"), the tool's effect
/// ("Eliminates…", "Allows users to…") or the tool ("A mobile app that…").
pub fn solution_opening<'t>(text: &'t str, words: &Words) -> Option<&'t str> {
    substance::solution::opening(text, words)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(KEY)) else {
        return;
    };
    if cx.questions.get(KEY).is_none() {
        return;
    }
    if let Some(weakness) = substance::solution::check(&answer.text.value, &cx.settings.words) {
        out.push(
            Diagnostic::rule(&SOLUTION_NOT_PROBLEM, answer.text.pos, weakness.message)
                .help(substance::solution::DOC.help)
                .about(Subject::Answer(KEY.to_string())),
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

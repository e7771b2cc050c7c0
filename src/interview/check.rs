//! Checking one answer with the rules `mrd lint` uses.
//!
//! The interview never has its own idea of a good answer: it puts the answer
//! into the assessment, writes the file as it would be saved, lints it, and
//! keeps the findings about that answer (each finding says what it is about).
//! A rule added to the linter is enforced by the interview the day it is
//! registered.

use crate::assessment::{Assessment, parse, to_markdown};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Level, Subject};
use crate::source::Source;

/// What the linter says about one field of the assessment.
#[derive(Clone, Debug, Default)]
pub struct Verdict {
    /// The answer is refused: each error with its reason.
    pub errors: Vec<Diagnostic>,
    /// The answer may be kept after the user has seen these.
    pub warnings: Vec<Diagnostic>,
}

/// The field of the front-matter a verdict is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field<'a> {
    Title,
    /// An entry under `answers:`.
    Answer(&'a str),
    /// The `recommendation:` block.
    Recommendation,
}

impl Field<'_> {
    /// Whether a finding about `subject` is about this field.
    fn covers(self, subject: &Subject) -> bool {
        match (self, subject) {
            (Field::Title, Subject::Title) => true,
            (Field::Answer(key), Subject::Answer(about)) => key == about,
            (Field::Recommendation, Subject::Recommendation(_)) => true,
            _ => false,
        }
    }

    /// Whether the field is in the assessment at all.
    fn is_in(self, assessment: &Assessment) -> bool {
        let front = &assessment.front;
        match self {
            Field::Title => front.key_pos("title").is_some(),
            Field::Answer(key) => front.answer(key).is_some(),
            Field::Recommendation => front.recommendation.is_some(),
        }
    }
}

/// Lints `assessment` as it would be written and keeps the findings about `field`.
pub fn check(assessment: &Assessment, config: &Config, field: Field<'_>) -> Verdict {
    let source = Source::from_text("<answer>", to_markdown(assessment));
    let parsed = parse(&source);
    let Some(written) = parsed.assessment.as_ref() else {
        // The writer always produces readable YAML; if it ever did not, the
        // problem is ours, not the answer's, so it is not held against it.
        return Verdict::default();
    };
    if !field.is_in(written) {
        return Verdict::default();
    }
    let linter = config.linter();
    let mut verdict = Verdict::default();
    for d in linter.lint(&source, &parsed).diagnostics {
        if !field.covers(&d.subject) {
            continue;
        }
        match d.level {
            Level::Error => verdict.errors.push(d),
            Level::Warning => verdict.warnings.push(d),
        }
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::FrontMatter;

    fn assessment_with(key: &str, text: &str) -> Assessment {
        let mut front = FrontMatter {
            title: Some(crate::assessment::Located::new(
                "T".into(),
                Default::default(),
            )),
            ..FrontMatter::default()
        };
        front.set_answer(
            "problem",
            "Teams lose a day a month to silent cron failures.".into(),
        );
        front.set_answer(key, text.into());
        front.set_answer("alternatives", String::new());
        Assessment::new(front, "## Notes\n".into())
    }

    #[test]
    fn an_empty_answer_is_refused_with_the_reason() {
        let set = Config::defaults(std::path::Path::new(""));
        let verdict = check(
            &assessment_with("target_market", "   "),
            &set,
            Field::Answer("target_market"),
        );
        assert_eq!(verdict.errors.len(), 1, "{:?}", verdict.errors);
        assert!(
            verdict.errors[0].message.contains("target market"),
            "{}",
            verdict.errors[0].message
        );
    }

    #[test]
    fn findings_about_other_answers_are_not_held_against_this_one() {
        let set = Config::defaults(std::path::Path::new(""));
        // `alternatives` is empty, but the question is about `target_market`.
        let verdict = check(
            &assessment_with(
                "target_market",
                "Data engineers at 20-500 person companies.",
            ),
            &set,
            Field::Answer("target_market"),
        );
        assert!(verdict.errors.is_empty(), "{:?}", verdict.errors);
        let verdict = check(
            &assessment_with("target_market", "Data engineers."),
            &set,
            Field::Answer("alternatives"),
        );
        assert_eq!(verdict.errors.len(), 1);
    }

    #[test]
    fn findings_in_the_notes_are_not_about_the_recommendation() {
        let set = Config::defaults(std::path::Path::new(""));
        let mut a = assessment_with(
            "target_market",
            "Data engineers at 20-500 person companies.",
        );
        a.front.recommendation = Some(crate::assessment::Recommendation {
            decision: Some(crate::assessment::Located::new(
                crate::assessment::Decision::Go,
                Default::default(),
            )),
            rationale: Some(crate::assessment::Located::new(
                "Because the evidence is strong.".into(),
                Default::default(),
            )),
            ..Default::default()
        });
        a.body = "## Notes\nTODO\n".into();
        let verdict = check(&a, &set, Field::Recommendation);
        assert!(
            verdict.errors.iter().all(|d| d.code() != "MRD006"),
            "{:?}",
            verdict.errors
        );
    }

    #[test]
    fn a_missing_title_is_refused() {
        let set = Config::defaults(std::path::Path::new(""));
        let mut a = assessment_with("target_market", "x");
        a.front.title = Some(crate::assessment::Located::new(
            " ".into(),
            Default::default(),
        ));
        assert_eq!(check(&a, &set, Field::Title).errors.len(), 1);
    }
}

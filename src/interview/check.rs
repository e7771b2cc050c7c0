//! Checking one answer with the rules `mrd lint` uses.
//!
//! The interview never has its own idea of a good answer: it puts the answer
//! into the assessment, writes the file as it would be saved, lints it, and
//! keeps the diagnostics that point into that answer. A rule added to the
//! linter is enforced by the interview the day it is registered.

use crate::assessment::{Assessment, parse, split, to_markdown};
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::{self, Context};
use crate::questions::QuestionSet;
use crate::source::Source;

/// What the linter says about one field of the assessment.
#[derive(Clone, Debug, Default)]
pub struct Verdict {
    /// The answer is refused: each error with its reason.
    pub errors: Vec<Diagnostic>,
    /// The answer may be kept after the user has seen these.
    pub warnings: Vec<Diagnostic>,
}

impl Verdict {
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty() && self.warnings.is_empty()
    }
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

/// Lints `assessment` as it would be written and keeps the findings inside `field`.
pub fn check(assessment: &Assessment, questions: &QuestionSet, field: Field<'_>) -> Verdict {
    let text = to_markdown(assessment);
    let source = Source::from_text("<answer>", text);
    let parsed = parse(&source);
    let Some(written) = parsed.assessment.as_ref() else {
        // The writer always produces readable YAML; if it ever did not, the
        // problem is ours, not the answer's, so it is not held against it.
        return Verdict::default();
    };
    let Some((first, last)) = field_lines(&source.text, written, field) else {
        return Verdict::default();
    };
    let diagnostics = lint::check(&Context {
        source: &source,
        problems: &parsed.problems,
        assessment: Some(written),
        questions,
    });
    let mut verdict = Verdict::default();
    for d in diagnostics {
        if d.pos.line < first || d.pos.line > last {
            continue;
        }
        match d.level {
            Level::Error => verdict.errors.push(d),
            Level::Warning => verdict.warnings.push(d),
        }
    }
    verdict
}

/// The lines `field` occupies in `text`: from its key to the line before the
/// next key, and never past the closing fence (findings in the body are about
/// notes, not about this answer).
fn field_lines(text: &str, written: &Assessment, field: Field<'_>) -> Option<(u32, u32)> {
    let (first, last) = lines_of(written, field)?;
    let fence = split(text).map_or(u32::MAX, |s| 2 + s.yaml.matches('\n').count() as u32);
    Some((first, last.min(fence.saturating_sub(1))))
}

/// The lines `field` occupies in the written file: from its key to the line
/// before the next key at the same or an outer level.
fn lines_of(written: &Assessment, field: Field<'_>) -> Option<(u32, u32)> {
    let front = &written.front;
    let first = match field {
        Field::Title => front.key_pos("title")?.line,
        Field::Answer(key) => front.answer(key)?.key.pos.line,
        Field::Recommendation => front.recommendation.as_ref()?.pos.line,
    };
    let siblings = front.keys.iter().map(|k| k.pos.line);
    let answer_keys = front.answers.iter().map(|a| a.key.pos.line);
    let last = siblings
        .chain(answer_keys)
        .filter(|&line| line > first)
        .min()
        .map_or(u32::MAX, |next| next - 1);
    Some((first, last))
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
        let set = QuestionSet::builtin();
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
        let set = QuestionSet::builtin();
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
    fn the_last_field_ends_at_the_closing_fence() {
        let text = "---\ntitle: T\nrecommendation:\n  decision: go\n  rationale: Because.\n---\n## Notes\nTODO\n";
        let written = parse(&Source::from_text("t.md", text)).assessment.unwrap();
        assert_eq!(
            field_lines(text, &written, Field::Recommendation),
            Some((3, 5))
        );
        assert_eq!(field_lines(text, &written, Field::Title), Some((2, 2)));
    }

    #[test]
    fn a_missing_title_is_refused() {
        let set = QuestionSet::builtin();
        let mut a = assessment_with("target_market", "x");
        a.front.title = Some(crate::assessment::Located::new(
            " ".into(),
            Default::default(),
        ));
        assert_eq!(check(&a, &set, Field::Title).errors.len(), 1);
    }
}

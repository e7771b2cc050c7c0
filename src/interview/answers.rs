//! Answers given all at once, from a YAML file (`mrd new --answers`), instead
//! of one by one in the interview: the same front-matter keys, read with the
//! same reader, judged by the same rules.
//!
//! An incomplete answers file still makes an assessment (a draft), and what
//! is missing is reported with its place in the answers file; an unreadable
//! one makes nothing, and every problem in it is reported.

use crate::assessment::{Assessment, Located, Status, parse_front_matter};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Level};
use crate::lint::Linter;
use crate::source::{Pos, Source};

/// What an answers file gives.
#[derive(Debug)]
pub enum FromAnswers {
    /// The assessment to write, and the errors that make it incomplete
    /// (pointing into the answers file).
    Assessment {
        assessment: Box<Assessment>,
        incomplete: Vec<Diagnostic>,
    },
    /// The file cannot be read as front-matter: nothing is written.
    Unreadable(Vec<Diagnostic>),
    /// Neither the file nor the command line gives a title.
    NoTitle,
}

/// The assessment `answers` describes, titled `title` when one is given,
/// started today and a draft unless it says otherwise.
pub fn from_answers(answers: &Source, title: Option<&str>, linter: &Linter<'_>) -> FromAnswers {
    let (front, problems) = parse_front_matter(&answers.text, 0, answers.text.len());
    let Some(mut front) = front.filter(|_| problems.is_empty()) else {
        let lint = linter.lint_parts(answers, &problems, None);
        return FromAnswers::Unreadable(lint.diagnostics);
    };
    if let Some(title) = title {
        front.title = Some(Located::new(title.to_string(), Pos::START));
    }
    if front.title_text().is_none_or(|t| t.trim().is_empty()) {
        return FromAnswers::NoTitle;
    }
    if front.created.is_none() {
        front.created = Some(Located::new(Date::today(), Pos::START));
    }
    if front.status.is_none() {
        front.status = Some(Located::new(Status::Draft, Pos::START));
    }
    let assessment = Assessment::new(front, String::new());
    // Completeness is judged on the answers file, so positions point into it.
    let incomplete = linter
        .lint_parts(answers, &[], Some(&assessment))
        .diagnostics
        .into_iter()
        .filter(|d| d.level == Level::Error)
        .collect();
    FromAnswers::Assessment {
        assessment: Box::new(assessment),
        incomplete,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Settings;
    use crate::questions::QuestionSet;

    fn read(text: &str, title: Option<&str>) -> FromAnswers {
        let questions = QuestionSet::builtin();
        let settings = Settings::default();
        let source = Source::from_text("answers.yml", text);
        from_answers(&source, title, &Linter::new(&questions, &settings))
    }

    #[test]
    fn an_incomplete_file_is_a_draft_with_its_gaps_in_the_answers_file() {
        let FromAnswers::Assessment {
            assessment,
            incomplete,
        } = read(
            "title: T\nanswers:\n  problem: Teams lose a day a month.\n",
            None,
        )
        else {
            panic!("an assessment")
        };
        assert_eq!(
            assessment.front.status.map(|s| s.value),
            Some(Status::Draft)
        );
        assert!(incomplete.iter().all(|d| d.file == "answers.yml"));
        assert!(incomplete.iter().any(|d| d.code() == "MRD003"));
    }

    #[test]
    fn unreadable_files_and_missing_titles_make_nothing() {
        assert!(
            matches!(read("title: [\n", None), FromAnswers::Unreadable(d) if d[0].code() == "MRD001")
        );
        assert!(matches!(read("answers: {}\n", None), FromAnswers::NoTitle));
        assert!(matches!(
            read("answers: {}\n", Some("Given")),
            FromAnswers::Assessment { .. }
        ));
    }
}

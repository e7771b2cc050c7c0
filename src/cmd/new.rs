//! `mrd new --answers FILE`: create an assessment without an interview.

use std::io::Write;

use crate::assessment::{
    Assessment, Located, Status, WriteMode, parse_front_matter, to_markdown, write_atomically,
};
use crate::cli::NewArgs;
use crate::cmd::{read, report_to_stderr};
use crate::config::Config;
use crate::date::Date;
use crate::diagnostic::Level;
use crate::error::{Error, Outcome};
use crate::inputs::Input;
use crate::lint::{self, Context};
use crate::slug::slug;
use crate::summary::Summary;
use crate::yaml::Pos;

pub fn run(args: &NewArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let Some(answers) = &args.answers else {
        return Err(Error::Usage(
            "mrd new needs --answers FILE: a YAML file with the front-matter's keys, or `-` for standard input (the interactive interview is not part of this version)".into(),
        ));
    };
    let input = if answers.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(answers.clone())
    };
    let source = read(&input)?;
    let (front, problems) = parse_front_matter(&source.text, 1, 0);
    let Some(mut front) = front.filter(|_| problems.is_empty()) else {
        // Unreadable answers are reported in full and nothing is written.
        let diagnostics = lint::check(&Context {
            source: &source,
            problems: &problems,
            assessment: None,
            questions: &config.questions,
        });
        report_to_stderr(&diagnostics)?;
        writeln!(anstream::stderr(), "error: nothing was written; fix {} and run the command again", source.name)?;
        return Ok(Outcome::Findings);
    };

    if let Some(title) = &args.title {
        front.title = Some(Located::new(title.clone(), Pos::default()));
    }
    let Some(title) = front.title_text().filter(|t| !t.trim().is_empty()).map(str::to_string) else {
        return Err(Error::Usage(format!(
            "the assessment needs a title: pass it as an argument (mrd new \"Title\" ...) or add `title:` to {}",
            source.name
        )));
    };
    if front.created.is_none() {
        front.created = Some(Located::new(Date::today(), Pos::default()));
    }
    if front.status.is_none() {
        front.status = Some(Located::new(Status::Draft, Pos::default()));
    }
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| config.assessments_dir.join(format!("{}.md", slug(&title))));
    let assessment = Assessment::new(front, String::new());

    // Completeness is judged on the answers file, so positions point into it.
    let diagnostics: Vec<_> = lint::check(&Context {
        source: &source,
        problems: &[],
        assessment: Some(&assessment),
        questions: &config.questions,
    })
    .into_iter()
    .filter(|d| d.level == Level::Error)
    .collect();

    let mode = if args.force { WriteMode::Replace } else { WriteMode::CreateNew };
    write_atomically(&path, &to_markdown(&assessment), mode)?;

    let summary = Summary::of(&assessment.front, &config.questions);
    writeln!(
        out,
        "wrote {} ({}, {} of {} questions answered)",
        path.display(),
        summary.decision_label(),
        summary.answered,
        summary.required
    )?;
    if diagnostics.is_empty() {
        return Ok(Outcome::Success);
    }
    report_to_stderr(&diagnostics)?;
    writeln!(
        anstream::stderr(),
        "the assessment is incomplete and was saved as it is (status: {}); complete it and run `mrd lint {}`",
        assessment.front.status.as_ref().map_or("draft", |s| s.value.as_str()),
        path.display()
    )?;
    Ok(Outcome::Findings)
}

//! `mrd render` over assessments built from arbitrary text in every field
//! (the front-matter built directly, so that every input reaches the
//! renderer), and over arbitrary bytes as a file: GitLab Markdown runs no
//! quick action but `mrd`'s own, no output hides a control character, the
//! HTML page holds nothing active, and the title is one line.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use mrd::assessment::{Assessment, Decision, FrontMatter, Located, Recommendation};
use mrd::questions::QuestionSet;
use mrd::render::{Flavor, Format, Options, RenderError, TemplateSet, render_issue, render_title};
use mrd_fuzz::{check_gitlab_markdown, check_html_page, hidden_controls};

#[derive(Arbitrary, Debug)]
struct Input {
    title: String,
    author: String,
    answers: Vec<String>,
    rationale: String,
    conditions: Vec<String>,
    labels: Vec<String>,
    milestone: Option<String>,
    notes: String,
    go: bool,
    /// Which output to check (rendering compiles the templates each time,
    /// so one output an input keeps the fuzzer fast).
    output: u8,
}

fn assessment(input: &Input, questions: &QuestionSet) -> Assessment {
    let at = Default::default();
    let mut front = FrontMatter {
        title: Some(Located::new(input.title.clone(), at)),
        author: Some(Located::new(input.author.clone(), at)),
        labels: input
            .labels
            .iter()
            .map(|l| Located::new(l.clone(), at))
            .collect(),
        milestone: input.milestone.clone().map(|m| Located::new(m, at)),
        ..FrontMatter::default()
    };
    for (question, answer) in questions.answer_questions().zip(&input.answers) {
        front.set_answer(&question.key, answer.clone());
    }
    front.recommendation = Some(Recommendation {
        decision: input.go.then(|| Located::new(Decision::Go, at)),
        rationale: Some(Located::new(input.rationale.clone(), at)),
        conditions: input
            .conditions
            .iter()
            .map(|c| Located::new(c.clone(), at))
            .collect(),
        ..Recommendation::default()
    });
    Assessment::new(front, input.notes.clone())
}

fuzz_target!(|input: Input| {
    let questions = QuestionSet::builtin();
    let templates = TemplateSet::builtin();
    let assessment = assessment(&input, &questions);
    let (flavor, format, quick_actions) = match input.output % 6 {
        0 => (Flavor::Gitlab, Format::Markdown, false),
        1 => (Flavor::Gitlab, Format::Markdown, true),
        2 => (Flavor::Github, Format::Markdown, false),
        3 => (Flavor::Gitlab, Format::Html, false),
        4 => (Flavor::Github, Format::Html, false),
        _ => {
            let title = render_title(&assessment, &questions, &templates).expect("a title");
            assert!(
                !title.contains('\n') && hidden_controls(&title).is_empty(),
                "{title:?}"
            );
            return;
        }
    };
    let options = Options {
        flavor,
        format,
        quick_actions,
        ..Options::default()
    };
    let what = format!("{flavor:?} {format:?} quick actions: {quick_actions}");
    let out = match render_issue(&assessment, &questions, &templates, &options) {
        Ok(out) => out,
        // A label or milestone that cannot be quoted is refused, as documented.
        Err(RenderError::QuickAction(_)) if quick_actions => return,
        Err(err) => panic!("{what}: {err:?}"),
    };
    match (flavor, format) {
        (Flavor::Gitlab, Format::Markdown) => {
            let own = if quick_actions {
                input.labels.len() + usize::from(input.milestone.is_some())
            } else {
                0
            };
            check_gitlab_markdown(&out, own, &what);
        }
        (_, Format::Html) => check_html_page(&out, &what),
        _ => assert!(hidden_controls(&out).is_empty(), "{what}:\n{out}"),
    }
});

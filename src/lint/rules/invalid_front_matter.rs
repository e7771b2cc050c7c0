//! MRD001: the front-matter is there but cannot be read as an assessment.

use crate::assessment::ProblemKind;
use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD001",
    name: "invalid-front-matter",
    level: Level::Error,
    summary: "The front-matter has a YAML syntax error, a wrong type, an invalid value or date, or a duplicate key.",
    why: r#"Front-matter that cannot be read is front-matter nobody can rely on: the renderer, the summary and every other rule see the field as missing, and a typo such as `status: decidd` silently drops the assessment out of the decided list."#,
    example: r#"status: maybe          # not draft, review, decided or archived
created: 2026-02-30    # no such day
answers:
  problem: [a, list]   # an answer is Markdown text"#,
    instead: r#"status: review
created: 2026-02-28
answers:
  problem: |
    Markdown text, with `|` for several lines."#,
    check,
};

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    for problem in cx.problems {
        match problem.kind {
            ProblemKind::NoFrontMatter | ProblemKind::UnclosedFrontMatter => {}
            ProblemKind::Syntax
            | ProblemKind::WrongType
            | ProblemKind::InvalidValue
            | ProblemKind::InvalidDate
            | ProblemKind::DuplicateKey => out.push(Finding {
                pos: problem.pos,
                message: problem.message.clone(),
                help: problem.help.clone(),
            }),
        }
    }
}

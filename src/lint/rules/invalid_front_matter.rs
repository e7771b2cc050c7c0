//! MRD001: the front-matter is there but cannot be read as an assessment.

use crate::assessment::ProblemKind;
use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule};

pub static RULE: Rule = Rule {
    code: "MRD001",
    name: "invalid-front-matter",
    level: Level::Error,
    summary: "The front-matter has a YAML syntax error, a wrong type, an invalid value or date, or a duplicate key.",
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
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

//! MRD002: there is no front-matter, or it is never closed.

use crate::assessment::ProblemKind;
use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD002",
    name: "missing-front-matter",
    level: Level::Error,
    summary: "The file does not start with YAML front-matter, or the front-matter is never closed.",
    why: r#"Without front-matter there are no answers to check, render or summarise; a file whose front-matter is never closed swallows the whole document into YAML."#,
    example: r#"# Managed scheduler

The problem is..."#,
    instead: r#"---
title: Managed scheduler
answers:
  problem: |
    ...
---
# Notes"#,
    check,
};

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    for problem in cx.problems {
        if let ProblemKind::NoFrontMatter | ProblemKind::UnclosedFrontMatter = problem.kind {
            out.push(Finding {
                pos: problem.pos,
                message: problem.message.clone(),
                help: problem.help.clone(),
            });
        }
    }
}
